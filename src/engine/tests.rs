//! Engine tests: whole dialogues through every branch, commands anywhere, and every kind
//! of bad input, asserting the state and the reply ids.

use std::sync::OnceLock;

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::{CountryCode, Lang, Profile};

fn data() -> &'static (Countries, Catalogue) {
    static DATA: OnceLock<(Countries, Catalogue)> = OnceLock::new();
    DATA.get_or_init(|| {
        let countries = Countries::embedded().expect("embedded countries");
        let catalogue =
            Catalogue::embedded(&|c: &str| countries.contains(c)).expect("embedded rules");
        (countries, catalogue)
    })
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn ctx() -> Context<'static> {
    let (countries, catalogue) = data();
    Context {
        now: Utc.with_ymd_and_hms(2026, 11, 21, 5, 0, 0).unwrap(),
        today: today(),
        countries,
        catalogue,
    }
}

/// Drives a conversation and remembers the last outcome.
struct Driver {
    conv: Conversation,
    last: Option<Outcome>,
}

impl Driver {
    fn new(lang: Lang) -> Driver {
        let mut d = Driver {
            conv: Conversation::new(lang),
            last: None,
        };
        d.send(Input::Command(Command::Start));
        d
    }

    fn send(&mut self, input: Input) -> &Outcome {
        let outcome = step(&self.conv, &input, &ctx());
        self.conv = outcome.conversation.clone();
        self.last = Some(outcome);
        self.last.as_ref().unwrap()
    }

    fn text(&mut self, t: &str) -> &Outcome {
        self.send(Input::from_text(t))
    }

    fn press(&mut self, a: Action) -> &Outcome {
        self.send(Input::Button(a))
    }

    fn ids(&self) -> Vec<String> {
        self.last
            .as_ref()
            .unwrap()
            .replies
            .iter()
            .map(|r| r.msg.id.to_string())
            .collect()
    }

    fn last_id(&self) -> String {
        self.ids().last().cloned().unwrap_or_default()
    }

    /// Asserts that an input changed nothing and repeated the current question.
    fn refused(&mut self, input: Input, error_id: &str) {
        let before = self.conv.clone();
        let outcome = step(&before, &input, &ctx());
        assert_eq!(outcome.conversation, before, "{input:?} changed the state");
        assert_eq!(outcome.replies[0].msg.id, error_id, "{input:?}");
        assert!(outcome.replies.len() >= 2, "{input:?} did not re-ask");
        assert!(outcome.effects.is_empty());
    }
}

fn code(s: &str) -> CountryCode {
    CountryCode::parse(s).unwrap()
}

/// Runs a work/household dialogue to the summary.
fn to_summary(lang: Lang) -> Driver {
    let mut d = Driver::new(lang);
    assert_eq!(d.ids(), ["welcome", "q-language"]);
    d.press(Action::Lang(lang));
    assert_eq!(d.ids(), ["language-set", "q-citizenship"]);
    d.press(Action::Country(code("UZ")));
    assert_eq!(d.conv.question, Question::Entry);
    d.text("01.11.2026");
    assert_eq!(d.conv.question, Question::Trips);
    d.press(Action::PriorAbout);
    assert_eq!(d.conv.question, Question::PriorDays);
    d.text("12");
    assert_eq!(d.conv.profile.prior_days, Some(PriorDays::Known(12)));
    d.press(Action::Purpose(Purpose::Work));
    assert_eq!(d.conv.question, Question::Employer);
    d.press(Action::Employer(Employer::Household));
    assert!(matches!(d.conv.question, Question::Documents { .. }));
    d.press(Action::ToggleDoc(DocKind::LabourPermit));
    assert!(d.last.as_ref().unwrap().replies[0].refreshes_previous);
    d.press(Action::ToggleDoc(DocKind::Iin));
    d.press(Action::DocsDone);
    assert_eq!(
        d.conv.question,
        Question::DocumentEnd {
            kind: DocKind::LabourPermit
        }
    );
    d.text("31.12.2026");
    assert_eq!(d.conv.question, Question::Summary);
    assert_eq!(d.last_id(), "summary");
    d
}

#[test]
fn the_whole_dialogue_in_each_language_ends_in_the_plan() {
    for lang in Lang::ALL {
        let mut d = to_summary(lang);
        assert_eq!(d.conv.lang, lang);
        d.press(Action::Correct);
        assert_eq!(d.conv.question, Question::Plan);
        // The plan is one message: its first screen, with the buttons to the details.
        let replies = &d.last.as_ref().unwrap().replies;
        assert_eq!(replies.len(), 1, "{:?}", d.ids());
        assert_eq!(replies[0].msg.id, "plan-lines");
        assert!(!replies[0].refreshes_previous);
        assert!(replies[0]
            .buttons
            .iter()
            .flatten()
            .any(|b| b.action == Action::PlanSteps));
        let p = &d.conv.profile;
        assert_eq!(p.citizenship, Some(code("UZ")));
        assert_eq!(p.entry, NaiveDate::from_ymd_opt(2026, 11, 1));
        assert_eq!(p.employer, Some(Employer::Household));
        assert_eq!(
            p.document_ends.get(&DocKind::LabourPermit),
            NaiveDate::from_ymd_opt(2026, 12, 31).as_ref()
        );
    }
}

#[test]
fn non_workers_are_not_asked_about_an_employer() {
    let mut d = Driver::new(Lang::En);
    d.press(Action::Lang(Lang::En));
    d.press(Action::Country(code("RU")));
    d.press(Action::Today);
    assert_eq!(d.conv.profile.entry, Some(today()));
    d.press(Action::PriorUnknown);
    d.press(Action::Purpose(Purpose::Study));
    assert!(matches!(d.conv.question, Question::Documents { .. }));
    d.press(Action::DocsNone);
    assert_eq!(d.conv.question, Question::Summary);
    assert_eq!(d.conv.profile.documents, Some(Default::default()));
    assert_eq!(d.conv.profile.prior_days, Some(PriorDays::Unknown));
}

#[test]
fn typed_countries_are_confirmed_or_refused() {
    let mut d = Driver::new(Lang::Ru);
    d.press(Action::Lang(Lang::Ru));
    d.press(Action::CountryOther);
    assert_eq!(d.conv.question, Question::CitizenshipTyped);
    d.text("Таджикистн");
    assert_eq!(
        d.conv.question,
        Question::CitizenshipConfirm {
            candidate: code("TJ")
        }
    );
    d.press(Action::No);
    assert_eq!(d.conv.question, Question::CitizenshipTyped);
    d.text("zzzzzzzzzzzz");
    assert_eq!(d.ids(), ["err-country-unknown", "q-citizenship-typed"]);
    d.text("Таджикистн");
    d.press(Action::Yes);
    assert_eq!(d.conv.profile.citizenship, Some(code("TJ")));
    assert_eq!(d.conv.question, Question::Entry);
}

#[test]
fn exact_names_and_codes_need_no_confirmation() {
    for typed in ["Türkiye", "TUR", "tr", "Турция"] {
        let mut d = Driver::new(Lang::En);
        d.press(Action::Lang(Lang::En));
        d.text(typed);
        assert_eq!(d.conv.profile.citizenship, Some(code("TR")), "{typed}");
    }
}

#[test]
fn a_citizen_of_kazakhstan_is_told_kindly() {
    let mut d = Driver::new(Lang::Kk);
    d.press(Action::Lang(Lang::Kk));
    d.text("Kazakhstan");
    assert_eq!(d.ids(), ["info-citizen-kz", "q-citizenship"]);
    assert_eq!(d.conv.profile.citizenship, None);
}

#[test]
fn bad_dates_each_get_their_own_message() {
    let mut d = Driver::new(Lang::En);
    d.press(Action::Lang(Lang::En));
    d.press(Action::Country(code("KG")));
    d.refused(Input::Text("31.02.2026".into()), "err-date-impossible");
    // Tomorrow is a planned trip (tested below); more than a year ahead is refused.
    d.refused(Input::Text("22.11.2028".into()), "err-date-future");
    d.refused(Input::Text("01.01.2010".into()), "err-date-too-old");
    d.refused(Input::Text("next tuesday".into()), "err-date-unrecognized");
    d.text("вчера");
    assert_eq!(d.conv.profile.entry, today().pred_opt());
}

#[test]
fn prior_days_outside_the_window_are_refused() {
    let mut d = Driver::new(Lang::En);
    d.press(Action::Lang(Lang::En));
    d.press(Action::Country(code("KG")));
    d.press(Action::Today);
    d.press(Action::PriorAbout);
    d.refused(Input::Text("181".into()), "err-prior-days");
    d.refused(Input::Text("-3".into()), "err-prior-days");
    d.refused(Input::Text("lots".into()), "err-prior-days");
    d.text("0");
    assert_eq!(d.conv.profile.prior_days, Some(PriorDays::None));
}

#[test]
fn expired_documents_are_accepted_and_flagged() {
    let mut d = Driver::new(Lang::En);
    d.press(Action::Lang(Lang::En));
    d.press(Action::Country(code("CN")));
    d.press(Action::Today);
    d.press(Action::PriorNone);
    d.press(Action::Purpose(Purpose::Visit));
    d.press(Action::ToggleDoc(DocKind::Visa));
    d.press(Action::DocsDone);
    d.text("01.10.2026");
    assert_eq!(d.ids()[0], "note-document-expired");
    assert_eq!(d.conv.question, Question::Summary);
}

#[test]
fn back_keeps_answers_and_stops_at_the_first_question() {
    let mut d = to_summary(Lang::En);
    let profile = d.conv.profile.clone();
    d.text("/back");
    assert_eq!(
        d.conv.question,
        Question::DocumentEnd {
            kind: DocKind::LabourPermit
        }
    );
    d.text("/back");
    match &d.conv.question {
        Question::Documents { selected } => {
            assert!(selected.contains(&DocKind::LabourPermit) && selected.contains(&DocKind::Iin))
        }
        other => panic!("{other:?}"),
    }
    for _ in 0..6 {
        d.text("/back");
    }
    assert_eq!(d.conv.question, Question::Language);
    assert_eq!(d.conv.profile, profile);
    d.text("/back");
    assert_eq!(d.ids()[0], "err-first-question");
}

#[test]
fn change_an_answer_reasks_only_that_one() {
    let mut d = to_summary(Lang::Ru);
    d.press(Action::Change);
    assert_eq!(d.conv.question, Question::ChangeWhich);
    d.press(Action::Edit(Field::Entry));
    assert_eq!(d.conv.question, Question::Entry);
    d.text("2026-11-10");
    assert_eq!(d.conv.question, Question::Summary);
    assert_eq!(d.conv.profile.entry, NaiveDate::from_ymd_opt(2026, 11, 10));

    // A new purpose that needs an employer asks for it before returning.
    d.press(Action::Change);
    d.press(Action::Edit(Field::Purpose));
    d.press(Action::Purpose(Purpose::Family));
    assert_eq!(d.conv.profile.employer, None);
    assert_eq!(d.conv.question, Question::Summary);
    d.press(Action::Change);
    d.press(Action::Edit(Field::Purpose));
    d.press(Action::Purpose(Purpose::Work));
    assert_eq!(d.conv.question, Question::Employer);
    d.press(Action::Employer(Employer::Company));
    assert_eq!(d.conv.question, Question::Summary);

    // New documents ask only the missing end dates.
    d.press(Action::Change);
    d.press(Action::Edit(Field::Documents));
    d.press(Action::ToggleDoc(DocKind::Trp));
    d.press(Action::DocsDone);
    assert_eq!(
        d.conv.question,
        Question::DocumentEnd { kind: DocKind::Trp }
    );
    d.text("01.06.2027");
    assert_eq!(d.conv.question, Question::Summary);
}

#[test]
fn restart_and_delete_ask_first() {
    let mut d = to_summary(Lang::En);
    d.text("/restart");
    assert_eq!(d.last_id(), "confirm-restart");
    d.press(Action::Cancel);
    assert_eq!(d.ids()[0], "cancelled");
    assert!(d.conv.profile.citizenship.is_some());
    d.text("/restart");
    d.press(Action::ConfirmRestart);
    assert_eq!(d.conv.profile, Profile::default());
    assert_eq!(d.conv.question, Question::Citizenship);
    assert_eq!(d.conv.lang, Lang::En);

    let mut d = to_summary(Lang::Kk);
    d.text("/delete");
    let outcome = d.press(Action::ConfirmDelete).clone();
    assert!(outcome.effects.contains(&Effect::DeleteUser));
    assert_eq!(outcome.replies[0].msg.id, "deleted");
    assert_eq!(d.conv, Conversation::new(Lang::Kk));
}

#[test]
fn a_pending_confirmation_is_dropped_by_other_input() {
    let mut d = to_summary(Lang::En);
    d.text("/delete");
    d.text("/me");
    assert_eq!(d.conv.pending, None);
    d.press(Action::ConfirmDelete);
    assert_eq!(d.ids()[0], "err-stale-button");
    assert!(d.conv.profile.citizenship.is_some());
}

#[test]
fn language_switches_anywhere_without_losing_progress() {
    let mut d = to_summary(Lang::En);
    d.text("/back");
    let question = d.conv.question.clone();
    d.text("/language");
    assert_eq!(d.conv.question, Question::Language);
    d.press(Action::Lang(Lang::Kk));
    assert_eq!(d.conv.lang, Lang::Kk);
    assert_eq!(d.conv.question, question);
}

#[test]
fn bad_input_changes_nothing() {
    let mut d = to_summary(Lang::En);
    d.refused(Input::Text("hello".into()), "err-use-buttons");
    d.refused(Input::Text("   ".into()), "err-not-understood");
    d.refused(
        Input::Command(Command::Unknown("foo".into())),
        "err-unknown-command",
    );
    d.refused(Input::Button(Action::Lang(Lang::Ru)), "err-stale-button");
    d.refused(
        Input::Button(Action::Country(code("UZ"))),
        "err-stale-button",
    );
    d.refused(
        Input::Button(Action::ToggleStep("get_iin".into())),
        "err-stale-button",
    );
    d.refused(Input::Unsupported, "err-unsupported-input");
}

#[test]
fn steps_are_marked_done_and_undone() {
    let mut d = to_summary(Lang::En);
    d.press(Action::Correct);
    let plan = rules::assess(ctx().catalogue, &d.conv.profile, today());
    let first = plan
        .steps
        .first()
        .expect("the household route has steps")
        .id
        .clone();
    // Toggling shows all steps again, in place of the pressed screen, with the step's
    // toggle turned.
    let toggled = |d: &Driver| {
        let reply = &d.last.as_ref().unwrap().replies[0];
        assert!(reply.refreshes_previous);
        reply
            .buttons
            .iter()
            .flatten()
            .find(|b| b.action == Action::ToggleStep(first.clone()))
            .map(|b| b.label.id.to_string())
            .unwrap()
    };
    d.press(Action::ToggleStep(first.clone()));
    assert_eq!(toggled(&d), "btn-step-undo");
    assert!(d.conv.profile.done_steps.contains(&first));
    d.press(Action::ToggleStep(first.clone()));
    assert_eq!(toggled(&d), "btn-step-done");
    assert!(d.conv.profile.done_steps.is_empty());
    d.refused(
        Input::Button(Action::ToggleStep("no_such_step".into())),
        "err-stale-button",
    );
}

#[test]
fn plan_and_sources_wait_for_the_dialogue() {
    let mut d = Driver::new(Lang::En);
    d.press(Action::Lang(Lang::En));
    d.text("/plan");
    assert_eq!(d.ids()[0], "plan-not-ready");
    let mut d = to_summary(Lang::En);
    d.press(Action::Correct);
    d.text("/sources");
    assert!(!d.ids().is_empty());
    assert!(d.ids().iter().all(|id| id != "plan-not-ready"));
    d.text("/plan");
    assert_eq!(d.ids(), ["plan-lines"]);
}

/// Every button under the plan opens its screen in place and changes nothing; every
/// step's card is within two presses of the first screen; a card of a step the plan
/// does not have, or a plan button before the plan, is out of date.
#[test]
fn the_plan_screens_open_in_place_and_reach_every_step() {
    let mut d = to_summary(Lang::En);
    d.press(Action::Correct);
    let plan = rules::assess(ctx().catalogue, &d.conv.profile, today());
    let home = d.last.as_ref().unwrap().replies[0].clone();
    let actions: Vec<Action> = home
        .buttons
        .iter()
        .flatten()
        .map(|b| b.action.clone())
        .collect();
    for action in [Action::PlanSteps, Action::PlanNotes, Action::PlanSources] {
        assert!(actions.contains(&action), "{action:?} on the first screen");
        let before = d.conv.clone();
        d.press(action.clone());
        assert_eq!(d.conv, before, "{action:?} changed the state");
        let reply = &d.last.as_ref().unwrap().replies;
        assert_eq!(reply.len(), 1);
        assert!(reply[0].refreshes_previous, "{action:?} is not in place");
        assert!(reply[0]
            .buttons
            .iter()
            .flatten()
            .any(|b| b.action == Action::PlanHome));
    }
    d.press(Action::PlanSteps);
    let all = d.last.as_ref().unwrap().replies[0].clone();
    for step in &plan.steps {
        assert!(all
            .buttons
            .iter()
            .flatten()
            .any(|b| b.action == Action::PlanStep(step.id.clone())));
        d.press(Action::PlanStep(step.id.clone()));
        let card = &d.last.as_ref().unwrap().replies[0];
        assert!(card.refreshes_previous);
        assert_eq!(card.msg.id, "plan-lines");
    }
    d.press(Action::PlanHome);
    assert_eq!(d.last.as_ref().unwrap().replies[0].msg, home.msg);
    // The calendar button answers with the file alone.
    if actions.contains(&Action::PlanCalendar) {
        let out = d.press(Action::PlanCalendar).clone();
        assert!(out.replies.is_empty());
        assert_eq!(out.effects, vec![Effect::Calendar]);
    }
    d.refused(
        Input::Button(Action::PlanStep("no_such_step".into())),
        "err-stale-button",
    );
    let mut early = Driver::new(Lang::En);
    early.press(Action::Lang(Lang::En));
    early.refused(Input::Button(Action::PlanSteps), "err-stale-button");
}

#[test]
fn profile_changes_are_reported_as_effects() {
    let mut d = Driver::new(Lang::En);
    d.press(Action::Lang(Lang::En));
    let outcome = d.press(Action::Country(code("UZ"))).clone();
    assert_eq!(outcome.effects, vec![Effect::ProfileChanged]);
    let outcome = d.text("/me").clone();
    assert!(outcome.effects.is_empty());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_input() -> impl Strategy<Value = Input> {
        prop_oneof![
            "\\PC{0,40}".prop_map(Input::Text),
            "[0-9]{1,4}".prop_map(Input::Text),
            "[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{2,4}".prop_map(Input::Text),
            "/[a-z]{0,10}".prop_map(|t| Input::from_text(&t)),
            // Wire-shaped data: what decodes is a button, the rest arrives as text.
            "1:[a-z0-9?]{1,2}(:[A-Za-z_]{1,14})?".prop_map(|s| match Action::decode(&s) {
                Some(a) => Input::Button(a),
                None => Input::Text(s),
            }),
            Just(Input::Unsupported),
            prop::sample::select(vec![
                Action::Lang(Lang::Ru),
                Action::Country(CountryCode::parse("UZ").unwrap()),
                Action::Country(CountryCode::parse("KZ").unwrap()),
                Action::CountryOther,
                Action::Yes,
                Action::No,
                Action::Today,
                Action::PriorUnknown,
                Action::PriorAbout,
                Action::TripAdd,
                Action::TripsDone,
                Action::PriorNone,
                Action::Purpose(Purpose::Work),
                Action::Purpose(Purpose::Kandas),
                Action::Employer(Employer::Household),
                Action::ToggleDoc(DocKind::Trp),
                Action::ToggleDoc(DocKind::Visa),
                Action::DocsDone,
                Action::DocsNone,
                Action::Correct,
                Action::Change,
                Action::Edit(Field::Purpose),
                Action::BackToSummary,
                Action::ConfirmRestart,
                Action::ConfirmDelete,
                Action::Cancel,
            ])
            .prop_map(Input::Button),
            Just(Input::Command(Command::Back)),
            Just(Input::Command(Command::Restart)),
            Just(Input::Command(Command::Delete)),
            Just(Input::Command(Command::Plan)),
            Just(Input::Command(Command::Language)),
            Just(Input::Command(Command::Trips)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Random inputs never panic, always leave a state that can be asked, and always
        /// answer something.
        #[test]
        fn random_inputs_leave_a_valid_state(inputs in prop::collection::vec(any_input(), 1..40)) {
            let mut conv = Conversation::new(Lang::En);
            for input in inputs {
                let outcome = step(&conv, &input, &ctx());
                prop_assert!(!outcome.replies.is_empty());
                conv = outcome.conversation;
                // Every state can be asked again, and the profile's documents and end
                // dates agree.
                let _ = questions::ask(&conv, &ctx());
                for kind in conv.profile.document_ends.keys() {
                    prop_assert!(conv.profile.holds(*kind));
                }
                if conv.profile.purpose != Some(Purpose::Work) {
                    prop_assert!(conv.profile.employer.is_none());
                }
                // Trips are only ever kept valid against the entry.
                if let Some(entry) = conv.profile.entry {
                    prop_assert!(crate::rules::trips::validate(&conv.profile.trips, entry, 180).is_ok());
                } else {
                    prop_assert!(conv.profile.trips.is_empty());
                }
            }
        }

        /// Long lines are handled too.
        #[test]
        fn ten_kilobyte_lines_are_answered(c in "\\PC", n in 1000usize..10_000) {
            let mut d = to_summary(Lang::En);
            let line: String = std::iter::repeat_n(c, n).collect();
            let outcome = d.text(&line).clone();
            prop_assert!(!outcome.replies.is_empty());
        }
    }
}

// ---- reminders -------------------------------------------------------------------------

fn permit_key(date: NaiveDate) -> DeadlineKey {
    DeadlineKey {
        kind: crate::rules::DeadlineKind::PermitEnd,
        date,
    }
}

/// The household worker's dialogue to the plan, with the permit ending on `end`.
fn to_plan_with_permit_end(end: &str) -> Driver {
    let mut d = Driver::new(Lang::En);
    d.press(Action::Lang(Lang::En));
    d.press(Action::Country(code("UZ")));
    d.text("01.11.2026");
    d.press(Action::PriorNone);
    d.press(Action::Purpose(Purpose::Work));
    d.press(Action::Employer(Employer::Household));
    d.press(Action::ToggleDoc(DocKind::LabourPermit));
    d.press(Action::DocsDone);
    d.text(end);
    d.press(Action::Correct);
    assert_eq!(d.conv.question, Question::Plan);
    d
}

#[test]
fn remind_me_tomorrow_adds_tomorrow_and_stop_silences_the_deadline() {
    let mut d = to_plan_with_permit_end("31.12.2026");
    let permit = permit_key(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
    let outcome = d.press(Action::Snooze(permit));
    assert_eq!(outcome.effects, vec![Effect::RemindersChanged]);
    // At the plan there is no question to repeat.
    assert_eq!(d.ids(), ["reminder-snoozed"]);
    let tomorrow = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    assert!(d.conv.reminders.extra_days["permit_end:2026-12-31"].contains(&tomorrow));

    let outcome = d.press(Action::StopReminders(permit));
    assert_eq!(outcome.effects, vec![Effect::RemindersChanged]);
    assert_eq!(d.ids(), ["reminder-stopped"]);
    assert!(d.conv.reminders.stopped.contains("permit_end:2026-12-31"));
    assert!(d.conv.reminders.extra_days.is_empty());
    assert_eq!(d.conv.question, Question::Plan);
}

#[test]
fn no_snooze_past_the_deadline_and_none_for_a_deadline_not_in_the_plan() {
    // The permit ends today: tomorrow would be past it.
    let mut d = to_plan_with_permit_end("21.11.2026");
    let before = d.conv.clone();
    let outcome = d.press(Action::Snooze(permit_key(today())));
    assert!(outcome.effects.is_empty());
    assert_eq!(d.ids(), ["reminder-snooze-too-late"]);
    assert_eq!(d.conv, before);
    // A button for another date (an edited deadline, forged data) is out of date.
    d.refused(
        Input::Button(Action::StopReminders(permit_key(
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
        ))),
        "err-stale-button",
    );
    // Before the dialogue is complete there are no reminders to press.
    let mut fresh = Driver::new(Lang::En);
    fresh.press(Action::Lang(Lang::En));
    fresh.refused(
        Input::Button(Action::Snooze(permit_key(today()))),
        "err-stale-button",
    );
}

#[test]
fn done_i_renewed_asks_the_new_date_and_returns_to_the_plan() {
    let mut d = to_plan_with_permit_end("29.11.2026");
    d.press(Action::Renewed(DocKind::LabourPermit));
    assert_eq!(d.ids(), ["reminder-renew-intro", "q-document-end"]);
    assert_eq!(
        d.conv.question,
        Question::DocumentEnd {
            kind: DocKind::LabourPermit
        }
    );
    let outcome = d.text("31.05.2027");
    assert_eq!(outcome.effects, vec![Effect::ProfileChanged]);
    assert_eq!(d.ids(), ["reminder-renewed"]);
    assert_eq!(d.conv.question, Question::Plan);
    assert!(d.conv.after_renewal.is_none());
    assert_eq!(
        d.conv.profile.document_ends[&DocKind::LabourPermit],
        NaiveDate::from_ymd_opt(2027, 5, 31).unwrap()
    );
    // A document the user does not hold cannot be renewed.
    d.refused(
        Input::Button(Action::Renewed(DocKind::Trp)),
        "err-stale-button",
    );
}

#[test]
fn leaving_the_renewal_question_forgets_where_it_would_return() {
    let mut d = to_plan_with_permit_end("29.11.2026");
    d.press(Action::Renewed(DocKind::LabourPermit));
    assert!(d.conv.after_renewal.is_some());
    d.text("not a date");
    assert!(d.conv.after_renewal.is_some(), "a bad date keeps asking");
    d.send(Input::Command(Command::Back));
    assert!(d.conv.after_renewal.is_none());
}

#[test]
fn reminders_and_calendar_are_effects_once_the_answers_are_complete() {
    let mut d = Driver::new(Lang::En);
    d.send(Input::Command(Command::Reminders));
    assert_eq!(d.ids()[0], "plan-not-ready");
    d.send(Input::Command(Command::Calendar));
    assert_eq!(d.ids()[0], "plan-not-ready");

    let mut d = to_plan_with_permit_end("31.12.2026");
    let outcome = d.send(Input::Command(Command::Reminders));
    assert_eq!(outcome.effects, vec![Effect::ListReminders]);
    assert!(outcome.replies.is_empty(), "the app appends the list");
    let outcome = d.send(Input::Command(Command::Calendar));
    assert_eq!(outcome.effects, vec![Effect::Calendar]);
    assert_eq!(d.ids(), ["calendar-intro"]);
}

// ---- trips -------------------------------------------------------------------------------

fn d(day: u32, month: u32, year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// A Kyrgyz citizen who entered on 1 November 2026, at the trips question.
fn at_trips() -> Driver {
    let mut dr = Driver::new(Lang::En);
    dr.press(Action::Lang(Lang::En));
    dr.press(Action::Country(code("KG")));
    dr.text("01.11.2026");
    assert_eq!(dr.conv.question, Question::Trips);
    assert_eq!(dr.last_id(), "q-trips");
    let buttons: Vec<Action> = dr.last.as_ref().unwrap().replies[0]
        .buttons
        .iter()
        .flatten()
        .map(|b| b.action.clone())
        .collect();
    assert_eq!(
        buttons,
        [
            Action::PriorNone,
            Action::TripAdd,
            Action::PriorAbout,
            Action::PriorUnknown
        ]
    );
    dr
}

/// Adds one trip through the two date questions.
fn add_trip(dr: &mut Driver, entry: &str, exit: &str) {
    assert!(matches!(dr.conv.question, Question::TripEntry { .. }));
    dr.text(entry);
    assert!(
        matches!(dr.conv.question, Question::TripExit { .. }),
        "{:?}",
        dr.ids()
    );
    dr.text(exit);
}

#[test]
fn no_trips_goes_on_to_the_purpose() {
    let mut dr = at_trips();
    dr.press(Action::PriorNone);
    assert_eq!(dr.conv.profile.prior_days, Some(PriorDays::None));
    assert!(dr.conv.profile.trips.is_empty());
    assert_eq!(dr.conv.question, Question::Purpose);
}

#[test]
fn two_trips_are_added_then_that_is_all() {
    let mut dr = at_trips();
    dr.press(Action::TripAdd);
    assert_eq!(dr.last_id(), "q-trip-entry");
    add_trip(&mut dr, "01.06.2026", "20.06.2026");
    assert_eq!(dr.ids(), ["trip-added", "q-trip-more"]);
    assert_eq!(dr.conv.question, Question::TripMore);
    dr.press(Action::TripAdd);
    add_trip(&mut dr, "10.09.2026", "15.09.2026");
    assert_eq!(dr.ids(), ["trip-added", "q-trip-more"]);
    dr.press(Action::TripsDone);
    assert_eq!(dr.conv.question, Question::Purpose);
    assert_eq!(
        dr.conv.profile.trips,
        [
            Trip::new(d(1, 6, 2026), d(20, 6, 2026)),
            Trip::new(d(10, 9, 2026), d(15, 9, 2026))
        ]
    );
    // The summary lists them instead of a count of days.
    dr.press(Action::Purpose(Purpose::Visit));
    dr.press(Action::DocsNone);
    assert_eq!(dr.conv.question, Question::Summary);
    let summary = &dr.last.as_ref().unwrap().replies.last().unwrap().msg;
    let Some((_, Arg::Lines(lines))) = summary.args.first() else {
        panic!("{summary:?}");
    };
    let ids: Vec<&str> = lines.iter().map(|m| m.id.as_ref()).collect();
    assert!(
        ids.windows(3)
            .any(|w| w == ["summary-trips", "trip-line", "trip-line"]),
        "{ids:?}"
    );
    assert!(!ids.contains(&"summary-prior-days"), "{ids:?}");
    // And the plan counts them.
    dr.press(Action::Correct);
    assert!(dr.conv.has_plan());
}

#[test]
fn each_bad_trip_is_refused_with_its_own_message_and_nothing_changes() {
    let mut dr = at_trips();
    dr.press(Action::TripAdd);
    add_trip(&mut dr, "01.06.2026", "20.06.2026");
    dr.press(Action::TripAdd);
    let kept = dr.conv.profile.clone();

    // Exit before entry: the exit is asked again.
    dr.text("10.09.2026");
    dr.text("05.09.2026");
    assert_eq!(dr.ids(), ["trip-err-exit-before-entry", "q-trip-exit"]);
    assert_eq!(dr.conv.profile, kept);
    dr.text("/back");
    dr.press(Action::TripAdd);

    // Overlapping the other trip, the current stay, or ended out of the window's reach:
    // the whole trip is asked again.
    for (entry, exit, error) in [
        ("15.06.2026", "25.06.2026", "trip-err-overlaps-trip"),
        ("20.10.2026", "01.11.2026", "trip-err-overlaps-stay"),
        ("01.03.2026", "05.05.2026", "trip-err-out-of-reach"),
    ] {
        if !matches!(dr.conv.question, Question::TripEntry { .. }) {
            dr.press(Action::TripAdd);
        }
        add_trip(&mut dr, entry, exit);
        assert_eq!(dr.ids(), [error, "q-trip-entry"], "{entry}..{exit}");
        assert_eq!(dr.conv.profile, kept, "{entry}..{exit}");
        assert_eq!(dr.conv.question, Question::TripEntry { change: None });
    }
    // 5 May is 180 days before 1 November: just out of reach; 6 May still counts.
    add_trip(&mut dr, "01.05.2026", "06.05.2026");
    assert_eq!(dr.ids(), ["trip-added", "q-trip-more"]);
    assert_eq!(dr.conv.profile.trips.len(), 2);
}

fn with_two_trips() -> Driver {
    let mut dr = at_trips();
    dr.press(Action::TripAdd);
    add_trip(&mut dr, "01.06.2026", "20.06.2026");
    dr.press(Action::TripAdd);
    add_trip(&mut dr, "10.09.2026", "15.09.2026");
    dr.press(Action::TripsDone);
    dr.press(Action::Purpose(Purpose::Visit));
    dr.press(Action::DocsNone);
    dr.press(Action::Correct);
    assert!(dr.conv.has_plan());
    dr
}

#[test]
fn slash_trips_lists_changes_and_removes() {
    let mut dr = with_two_trips();
    let june = Trip::new(d(1, 6, 2026), d(20, 6, 2026));
    let september = Trip::new(d(10, 9, 2026), d(15, 9, 2026));
    dr.text("/trips");
    assert_eq!(dr.conv.question, Question::TripList);
    let reply = &dr.last.as_ref().unwrap().replies[0];
    assert_eq!(reply.msg.id, "trips-list");
    let actions: Vec<Action> = reply
        .buttons
        .iter()
        .flatten()
        .map(|b| b.action.clone())
        .collect();
    assert_eq!(
        actions,
        [
            Action::TripChange(june),
            Action::TripRemove(june),
            Action::TripChange(september),
            Action::TripRemove(september),
            Action::TripAdd,
            Action::TripsDone,
        ]
    );
    for b in reply.buttons.iter().flatten() {
        assert!(Action::decode(&b.action.encode()).is_some());
    }

    // Change June to July: both dates asked, the old trip replaced.
    dr.press(Action::TripChange(june));
    assert_eq!(dr.conv.question, Question::TripEntry { change: Some(june) });
    // A change that would overlap the other trip is refused like an addition.
    add_trip(&mut dr, "01.09.2026", "12.09.2026");
    assert_eq!(dr.ids(), ["trip-err-overlaps-trip", "q-trip-entry"]);
    add_trip(&mut dr, "01.07.2026", "05.07.2026");
    assert_eq!(dr.ids(), ["trip-added", "trips-list"]);
    let july = Trip::new(d(1, 7, 2026), d(5, 7, 2026));
    assert_eq!(dr.conv.profile.trips, [july, september]);

    // A button for the trip that is gone is out of date.
    dr.press(Action::TripRemove(june));
    assert_eq!(dr.ids()[0], "err-stale-button");
    dr.press(Action::TripRemove(september));
    assert_eq!(dr.ids(), ["trip-removed", "trips-list"]);
    assert_eq!(dr.conv.profile.trips, [july]);
    assert!(dr
        .last
        .as_ref()
        .unwrap()
        .effects
        .contains(&Effect::ProfileChanged));

    // Done: back to the summary to confirm the new count.
    dr.press(Action::TripsDone);
    assert_eq!(dr.conv.question, Question::Summary);
    dr.press(Action::Correct);
    assert!(dr.conv.has_plan());
}

#[test]
fn slash_trips_needs_the_entry_first() {
    let mut dr = Driver::new(Lang::En);
    dr.press(Action::Lang(Lang::En));
    dr.text("/trips");
    assert_eq!(dr.ids(), ["trips-need-entry", "q-citizenship"]);
    assert_eq!(dr.conv.question, Question::Citizenship);
}

#[test]
fn about_how_many_days_asks_the_number() {
    let mut dr = at_trips();
    dr.press(Action::PriorAbout);
    assert_eq!(dr.conv.question, Question::PriorDays);
    assert!(dr.last.as_ref().unwrap().replies[0].numbers_are_answers);
    dr.text("/back");
    assert_eq!(dr.conv.question, Question::Trips);
    dr.press(Action::PriorAbout);
    dr.text("20");
    assert_eq!(dr.conv.profile.prior_days, Some(PriorDays::Known(20)));
    assert_eq!(dr.conv.question, Question::Purpose);
}

#[test]
fn do_not_know_sets_unknown_and_replaces_trips() {
    let mut dr = with_two_trips();
    dr.press(Action::Change);
    dr.press(Action::Edit(Field::PriorDays));
    assert_eq!(dr.conv.question, Question::Trips);
    dr.press(Action::PriorUnknown);
    assert_eq!(dr.conv.profile.prior_days, Some(PriorDays::Unknown));
    assert!(dr.conv.profile.trips.is_empty());
    assert_eq!(dr.conv.question, Question::Summary);
}

#[test]
fn a_future_entry_is_offered_as_a_planned_trip() {
    let mut dr = Driver::new(Lang::En);
    dr.press(Action::Lang(Lang::En));
    dr.press(Action::Country(code("KG")));
    dr.text("10.12.2026");
    assert_eq!(
        dr.conv.question,
        Question::EntryPlanned {
            date: d(10, 12, 2026)
        }
    );
    assert_eq!(dr.last_id(), "q-entry-planned");
    assert_eq!(dr.conv.profile.entry, None);
    // No: the date is asked again.
    dr.press(Action::No);
    assert_eq!(dr.conv.question, Question::Entry);
    assert_eq!(dr.conv.profile.entry, None);
    // Yes: the date is kept, and the plan is the planned trip's.
    dr.text("10.12.2026");
    dr.press(Action::Yes);
    assert_eq!(dr.conv.profile.entry, Some(d(10, 12, 2026)));
    assert_eq!(dr.conv.question, Question::Trips);
    dr.press(Action::PriorNone);
    dr.press(Action::Purpose(Purpose::Visit));
    dr.press(Action::DocsNone);
    dr.press(Action::Correct);
    let plan = crate::rules::assess(ctx().catalogue, &dr.conv.profile, today());
    assert!(plan.window.is_some_and(|w| w.planned));
    let said = &dr.last.as_ref().unwrap().replies;
    assert!(
        said.iter().any(|r| mentions(&r.msg, "note-planned-trip")),
        "{said:?}"
    );
}

/// Whether a message is, or holds somewhere inside, the message `id`.
fn mentions(msg: &Msg, id: &str) -> bool {
    msg.id == id
        || msg.args.iter().any(|(_, a)| match a {
            Arg::Msg(m) => mentions(m, id),
            Arg::Lines(l) => l.iter().any(|m| mentions(m, id)),
            _ => false,
        })
}
