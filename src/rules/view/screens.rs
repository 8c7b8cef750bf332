//! The plan as phone screens, for the chat: a first screen a migrant reads in ten
//! seconds (the status in one line, the next one to three things to do with their
//! dates), and the details it opens — a step as a card, every step as a compact list,
//! the notes, the sources. Rule codes, links and the check dates live in the cards and
//! the sources, not on the first screen. Texts only (message ids with arguments): the
//! engine puts the buttons under them, and `plan_messages` keeps the full plan for the
//! caseworker's `jolserik plan`.

use crate::rules::catalogue::{Catalogue, Confidence};
use crate::rules::plan::{Note, Plan, Status, Step, STEP_IDS};
use crate::text::Msg;

use super::{
    count, headline, kebab, lines, note_msg, rule_title, source_line, status_lines, step_lines,
    step_title, with_params,
};

/// How many of the steps still to do the first screen names.
pub const NEXT_STEPS: usize = 3;

/// The steps still to do that the first screen names, in the plan's order.
pub fn next_steps(plan: &Plan) -> Vec<&Step> {
    plan.steps
        .iter()
        .filter(|s| !s.done)
        .take(NEXT_STEPS)
        .collect()
}

/// The number a step has in the plan's list (1-based), as the screens show it.
pub fn step_number(plan: &Plan, id: &str) -> i64 {
    plan.steps
        .iter()
        .position(|s| s.id == id)
        .map_or(0, |i| count(i + 1))
}

/// A step's title short enough for a button (the `.short` attribute of its message).
pub fn step_title_short(step_id: &str) -> Msg {
    if STEP_IDS.contains(&step_id) {
        Msg::new(format!("step-{}.short", kebab(step_id)))
    } else {
        Msg::new("step-unknown")
    }
}

/// The first screen: the status, what cannot wait, the next steps with their dates.
pub fn home(plan: &Plan, catalogue: &Catalogue) -> Msg {
    let mut l = status_lines(plan, &|n| plain_note(n, catalogue), false);
    if plan
        .rules_used
        .iter()
        .filter_map(|id| catalogue.rule(id))
        .any(|r| r.confidence != Confidence::High)
    {
        l.push(Msg::new("plan-home-unconfirmed"));
    }
    l.push(Msg::new("plan-separator"));
    let next = next_steps(plan);
    if plan.steps.is_empty() {
        l.push(Msg::new("plan-no-steps"));
    } else if next.is_empty() {
        l.push(Msg::new("plan-all-done"));
    } else {
        l.push(Msg::new("plan-next-header"));
        l.extend(next.iter().map(|s| list_line(plan, s)));
    }
    lines(l)
}

/// One step in full: what, how, by when, where, with what, at what cost, and where
/// it comes from (the rule, its check date, its links), with the advice to confirm
/// when the rule is not confirmed.
pub fn step_card(plan: &Plan, step: &Step, catalogue: &Catalogue) -> Msg {
    let mut l = step_lines(step, step_number(plan, &step.id), catalogue);
    l.push(Msg::new("plan-separator"));
    l.extend(rule_lines(&step.rule, catalogue));
    lines(l)
}

/// Every step in one compact list with its date, then the key dates.
pub fn steps_list(plan: &Plan) -> Msg {
    if plan.steps.is_empty() {
        return lines(vec![Msg::new("plan-no-steps")]);
    }
    let mut l = vec![Msg::new("plan-checklist-header")
        .int("done", count(plan.done_count()))
        .int("total", count(plan.steps.len()))];
    l.extend(plan.steps.iter().map(|s| list_line(plan, s)));
    if !plan.deadlines.is_empty() {
        l.push(Msg::new("plan-separator"));
        l.push(Msg::new("plan-deadlines-header"));
        l.extend(plan.deadlines.iter().map(|d| {
            Msg::new("plan-key-date")
                .msg("kind", super::deadline_name(d.kind))
                .date("date", d.date)
        }));
    }
    l.push(Msg::new("plan-separator"));
    l.push(Msg::new("plan-actions"));
    lines(l)
}

/// "Good to know": every note, the overstay's consequences included, without codes.
pub fn notes(plan: &Plan, catalogue: &Catalogue) -> Msg {
    let shown: Vec<&Note> = plan
        .notes
        .iter()
        .filter(|n| !headline(n, plan.status) || n.kind.is_overstay())
        .filter(|n| !n.kind.is_overstay() || matches!(plan.status, Status::Overstay { .. }))
        .collect();
    let mut l = vec![Msg::new("plan-notes-header")];
    if shown.is_empty() {
        l.push(Msg::new("plan-notes-none"));
    }
    l.extend(shown.into_iter().map(|n| plain_note(n, catalogue)));
    lines(l)
}

/// The rules the plan relies on, each with its check date, whether it is confirmed,
/// and its links; then the disclaimer.
pub fn sources(plan: &Plan, catalogue: &Catalogue) -> Msg {
    let mut l = vec![Msg::new("plan-sources-header")];
    let mut any = false;
    for id in &plan.rules_used {
        if catalogue.rule(id).is_some() {
            any = true;
            l.extend(rule_lines(id, catalogue));
        }
    }
    if !any {
        l.push(Msg::new("plan-sources-none"));
    }
    l.push(Msg::new("plan-separator"));
    l.push(Msg::new("plan-disclaimer"));
    lines(l)
}

/// A rule as a source: code, title, check date; "not confirmed" and the advice to
/// confirm when it is not of high confidence; its links.
pub fn rule_lines(rule_id: &str, catalogue: &Catalogue) -> Vec<Msg> {
    let Some(rule) = catalogue.rule(rule_id) else {
        return Vec::new();
    };
    let mut l = vec![Msg::new("plan-source-rule")
        .verbatim("rule", rule.id.clone())
        .msg("title", rule_title(rule))
        .date("date", rule.verified)];
    if rule.confidence != Confidence::High {
        l.push(Msg::new("plan-unconfirmed"));
        l.push(Msg::new("plan-official-help"));
    }
    l.extend(rule.sources.iter().map(source_line));
    l
}

/// A step as one line of a list: number, title, date, ✓ when done.
fn list_line(plan: &Plan, step: &Step) -> Msg {
    let mark = if step.done { "✓ " } else { "" };
    let msg = match step.due {
        Some(due) => Msg::new("plan-list-step").date("date", due),
        None => Msg::new("plan-list-step-undated"),
    };
    msg.verbatim("mark", mark)
        .int("n", step_number(plan, &step.id))
        .msg("title", step_title(&step.id))
}

/// A note as a list line without its rule code (the sources carry the codes).
fn plain_note(note: &Note, catalogue: &Catalogue) -> Msg {
    Msg::new("plan-note-plain").msg("note", note_text(note, catalogue))
}

/// A note's text, with the quoted parameters of its rule.
pub fn note_text(note: &Note, catalogue: &Catalogue) -> Msg {
    let rule = note.rule.as_deref().and_then(|r| catalogue.rule(r));
    with_params(note_msg(&note.kind), rule)
}
