//! The plan's screens with their buttons: the first screen, and the details it opens
//! (a step's card, all steps with done/undone toggles, "Good to know", the sources).
//! Every detail is a reply that replaces the message whose button was pressed
//! (`Reply::refreshes_previous`), so reading the plan sends no new messages; "Back"
//! returns to the first screen. The texts are `rules::view::screens`; this file only
//! lays out the buttons, so that every fact stays within two presses of the first
//! screen: a next step's card in one, any step's card in two (via "All steps").

use crate::engine::input::Action;
use crate::engine::reply::{Button, Reply};
use crate::engine::Context;
use crate::rules::view::screens;
use crate::rules::{Plan, Step};
use crate::text::Msg;

/// The first screen, as a new message.
pub fn home(plan: &Plan, ctx: &Context<'_>, calendar: bool) -> Reply {
    Reply::with_buttons(
        screens::home(plan, ctx.catalogue),
        home_buttons(plan, calendar),
    )
}

/// The first screen's buttons, row by row, all built here so that a row can be added
/// in one place: a card for each next step, the details, the calendar when there are
/// deadlines ahead, and changing an answer.
pub fn home_buttons(plan: &Plan, calendar: bool) -> Vec<Vec<Button>> {
    let mut rows: Vec<Vec<Button>> = screens::next_steps(plan)
        .into_iter()
        .map(|s| vec![open_step(plan, s)])
        .collect();
    rows.push(vec![
        Button::new(Msg::new("btn-plan-steps"), Action::PlanSteps),
        Button::new(Msg::new("btn-plan-notes"), Action::PlanNotes),
    ]);
    let mut more = vec![Button::new(
        Msg::new("btn-plan-sources"),
        Action::PlanSources,
    )];
    if calendar {
        more.push(Button::new(
            Msg::new("btn-plan-calendar"),
            Action::PlanCalendar,
        ));
    }
    rows.push(more);
    // A person when the plan is not enough (engine::handover), beside the way back
    // into the answers: the two ways out of the plan share a row.
    rows.push(vec![
        Button::new(Msg::new("btn-change"), Action::Change),
        super::handover::ask_person_button(),
    ]);
    rows
}

/// One step in full, in place of the pressed screen.
pub fn card(plan: &Plan, step: &Step, ctx: &Context<'_>) -> Reply {
    in_place(Reply::with_buttons(
        screens::step_card(plan, step, ctx.catalogue),
        vec![vec![
            Button::new(Msg::new("btn-plan-steps"), Action::PlanSteps),
            back(),
        ]],
    ))
}

/// Every step: a row each, its card and its done/undone toggle.
pub fn steps(plan: &Plan) -> Reply {
    let mut rows: Vec<Vec<Button>> = plan
        .steps
        .iter()
        .map(|s| {
            let toggle = if s.done {
                "btn-step-undo"
            } else {
                "btn-step-done"
            };
            vec![
                open_step(plan, s),
                Button::new(Msg::new(toggle), Action::ToggleStep(s.id.clone())),
            ]
        })
        .collect();
    rows.push(vec![back()]);
    in_place(Reply::with_buttons(screens::steps_list(plan), rows))
}

/// "Good to know".
pub fn notes(plan: &Plan, ctx: &Context<'_>) -> Reply {
    in_place(Reply::with_buttons(
        screens::notes(plan, ctx.catalogue),
        vec![vec![back()]],
    ))
}

/// The sources, with the disclaimer.
pub fn sources(plan: &Plan, ctx: &Context<'_>) -> Reply {
    in_place(Reply::with_buttons(
        screens::sources(plan, ctx.catalogue),
        vec![vec![back()]],
    ))
}

/// A button opening a step's card: its number and short title.
fn open_step(plan: &Plan, step: &Step) -> Button {
    Button::new(
        Msg::new("btn-step-open")
            .int("number", screens::step_number(plan, &step.id))
            .msg("step", screens::step_title_short(&step.id)),
        Action::PlanStep(step.id.clone()),
    )
}

fn back() -> Button {
    Button::new(Msg::new("btn-plan-back"), Action::PlanHome)
}

/// A screen that replaces the message whose button opened it.
pub fn in_place(mut reply: Reply) -> Reply {
    reply.refreshes_previous = true;
    reply
}
