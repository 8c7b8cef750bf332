//! The user's side of "Ask a person", step by step: consent refused sends nothing,
//! consent and a question open a case, text goes to the case only when the dialogue is
//! not waiting for it, closing; the contacts when no caseworkers answer; and the case
//! summary rendered in two languages.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use chrono::{NaiveDate, TimeZone, Utc};

use super::super::{step_with, Context, Conversation, Outcome};
use super::*;
use crate::countries::Countries;
use crate::domain::{CountryCode, DocKind, Employer, Lang, PriorDays, Purpose};
use crate::i18n::Localizer;
use crate::rules::Catalogue;

fn data() -> &'static (Arc<Countries>, Catalogue, Localizer) {
    static DATA: OnceLock<(Arc<Countries>, Catalogue, Localizer)> = OnceLock::new();
    DATA.get_or_init(|| {
        let countries = Arc::new(Countries::embedded().expect("embedded countries"));
        let catalogue =
            Catalogue::embedded(&|c: &str| countries.contains(c)).expect("embedded rules");
        let localizer = Localizer::new(countries.clone()).expect("locales");
        (countries, catalogue, localizer)
    })
}

fn ctx() -> Context<'static> {
    let (countries, catalogue, _) = data();
    Context {
        now: Utc.with_ymd_and_hms(2026, 11, 21, 5, 0, 0).unwrap(),
        today: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        countries,
        catalogue,
    }
}

fn person() -> Person {
    Person {
        name: "Dilnoza K.".into(),
        username: Some("dilnoza_k".into()),
    }
}

/// A worker from Uzbekistan at the plan, speaking `lang`.
fn at_plan(lang: Lang) -> Conversation {
    let mut conv = Conversation::new(lang);
    conv.started = true;
    conv.question = Question::Plan;
    let p = &mut conv.profile;
    p.citizenship = CountryCode::parse("UZ");
    p.entry = NaiveDate::from_ymd_opt(2026, 11, 3);
    p.prior_days = Some(PriorDays::None);
    p.purpose = Some(Purpose::Work);
    p.employer = Some(Employer::Household);
    p.documents = Some([DocKind::LabourPermit].into());
    p.document_ends.insert(
        DocKind::LabourPermit,
        NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
    );
    conv
}

fn send(conv: &Conversation, input: Input, mode: HandoverMode<'_>) -> Outcome {
    let who = person();
    let extras = Extras {
        handover: mode,
        person: Some(&who),
    };
    step_with(conv, &input, &ctx(), &extras)
}

fn live(conv: &Conversation, input: Input) -> Outcome {
    send(conv, input, HandoverMode::Caseworkers)
}

fn ids(outcome: &Outcome) -> Vec<&str> {
    outcome.replies.iter().map(|r| r.msg.id.as_ref()).collect()
}

fn has_button(outcome: &Outcome, action: &Action) -> bool {
    outcome
        .replies
        .iter()
        .flat_map(|r| r.buttons.iter().flatten())
        .any(|b| b.action == *action)
}

#[test]
fn consent_refused_sends_nothing() {
    let conv = at_plan(Lang::Uz);
    let asked = live(&conv, Input::Command(Command::Human));
    assert_eq!(ids(&asked), ["handover-consent"]);
    assert!(has_button(&asked, &Action::HandoverConsent));
    assert!(asked.effects.is_empty());
    let refused = live(&asked.conversation, Input::Button(Action::HandoverCancel));
    assert_eq!(ids(&refused), ["handover-cancelled"]);
    assert!(refused.effects.is_empty());
    assert_eq!(refused.conversation.handover, None);
    // Text after refusing is free text at the plan, not a question for anyone.
    let later = live(&refused.conversation, Input::Text("hello?".into()));
    assert!(later.effects.is_empty(), "{:?}", later.effects);
}

#[test]
fn consent_then_a_question_opens_a_case_with_the_summary_shown() {
    let conv = at_plan(Lang::Ru);
    let asked = live(&conv, Input::Button(Action::AskPerson));
    let Arg::Msg(shown) = &asked.replies[0].msg.args[0].1 else {
        panic!("the consent screen shows the summary");
    };
    let agreed = live(&asked.conversation, Input::Button(Action::HandoverConsent));
    assert_eq!(ids(&agreed), ["handover-write"]);
    assert!(
        agreed.effects.is_empty(),
        "nothing leaves before the question"
    );
    assert_eq!(agreed.conversation.handover, Some(Handover::Writing));
    let sent = live(
        &agreed.conversation,
        Input::Text("  My employer keeps my passport.  ".into()),
    );
    assert_eq!(ids(&sent), ["handover-sent"]);
    assert!(has_button(&sent, &Action::CloseCase));
    assert_eq!(
        sent.effects,
        vec![Effect::OpenCase {
            summary: (**shown).clone(),
            question: "My employer keeps my passport.".into(),
        }],
        "the caseworkers get exactly what the consent screen showed"
    );
    assert_eq!(
        sent.conversation.handover,
        Some(Handover::Open { told: false })
    );
}

#[test]
fn an_open_case_takes_free_text_and_says_so_once_while_the_dialogue_keeps_working() {
    let mut conv = at_plan(Lang::En);
    conv.handover = Some(Handover::Open { told: false });
    let first = live(&conv, Input::Text("Any news?".into()));
    assert_eq!(
        first.effects,
        vec![Effect::RelayToCase {
            text: "Any news?".into()
        }]
    );
    assert_eq!(ids(&first), ["handover-relayed"]);
    let second = live(&first.conversation, Input::Text("Thank you".into()));
    assert_eq!(second.effects.len(), 1);
    assert!(second.replies.is_empty(), "said once: {:?}", ids(&second));
    // A typed answer to the dialogue stays the dialogue's.
    let mut editing = second.conversation.clone();
    editing.question = Question::Entry;
    let answer = live(&editing, Input::Text("01.11.2026".into()));
    assert!(answer
        .effects
        .iter()
        .all(|e| !matches!(e, Effect::RelayToCase { .. })));
    assert_eq!(
        answer.conversation.profile.entry,
        NaiveDate::from_ymd_opt(2026, 11, 1)
    );
    // Commands are commands.
    let plan = live(&second.conversation, Input::Command(Command::Plan));
    assert!(plan.effects.is_empty());
    // /human with a case open offers to close it.
    let again = live(&second.conversation, Input::Command(Command::Human));
    assert_eq!(ids(&again), ["handover-already-open"]);
    let closed = live(&second.conversation, Input::Button(Action::CloseCase));
    assert_eq!(closed.effects, vec![Effect::CloseCase]);
    assert_eq!(closed.conversation.handover, None);
    // The close button of a closed case is out of date and does nothing.
    let stale = live(&closed.conversation, Input::Button(Action::CloseCase));
    assert!(stale.effects.is_empty());
    assert_eq!(ids(&stale)[0], "err-stale-button");
}

#[test]
fn a_restart_keeps_the_open_case_and_a_delete_ends_everything() {
    let mut conv = at_plan(Lang::En);
    conv.handover = Some(Handover::Open { told: true });
    let asked = live(&conv, Input::Command(Command::Restart));
    let restarted = live(&asked.conversation, Input::Button(Action::ConfirmRestart));
    assert_eq!(
        restarted.conversation.handover,
        Some(Handover::Open { told: true })
    );
    let asked = live(&conv, Input::Command(Command::Delete));
    let deleted = live(&asked.conversation, Input::Button(Action::ConfirmDelete));
    assert!(deleted.effects.contains(&Effect::DeleteUser));
    assert_eq!(deleted.conversation.handover, None);
}

#[test]
fn without_caseworkers_ask_a_person_shows_the_contacts_in_the_users_language() {
    let contacts = BTreeMap::from([
        (Lang::Ru, "Тел. +7 727 000 00 00".to_string()),
        (Lang::En, "Phone +7 727 000 00 00".to_string()),
    ]);
    let conv = at_plan(Lang::En);
    let shown = send(
        &conv,
        Input::Command(Command::Human),
        HandoverMode::Contacts(&contacts),
    );
    assert_eq!(ids(&shown), ["handover-off"]);
    assert!(shown.effects.is_empty());
    assert_eq!(shown.conversation.handover, None);
    let (_, _, localizer) = data();
    let text = localizer.render(Lang::En, &shown.replies[0].msg);
    assert!(text.contains("Phone +7 727 000 00 00"), "{text}");
    // A language without its own text shows the first one set.
    let uz = send(
        &at_plan(Lang::Uz),
        Input::Command(Command::Human),
        HandoverMode::Contacts(&contacts),
    );
    let text = localizer.render(Lang::Uz, &uz.replies[0].msg);
    assert!(text.contains("+7 727 000 00 00"), "{text}");
    // Nothing configured: said plainly, no invented number.
    let none = step_with(
        &conv,
        &Input::Command(Command::Human),
        &ctx(),
        &Extras::default(),
    );
    let Arg::Msg(inner) = &none.replies[0].msg.args[0].1 else {
        panic!("contacts inside");
    };
    assert_eq!(inner.id, "handover-contacts-none");
}

#[test]
fn the_summary_names_the_person_the_answers_and_the_plan_in_two_languages() {
    let conv = at_plan(Lang::Uz);
    let summary = case_summary(&conv, &ctx(), Some(&person()));
    let (_, _, localizer) = data();
    let ru = localizer.render(Lang::Ru, &summary);
    for needle in [
        "Dilnoza K.",
        "@dilnoza_k",
        "Oʻzbekcha",
        "Узбекистан",
        "3 ноября 2026",
    ] {
        assert!(ru.contains(needle), "{needle} not in {ru}");
    }
    let en = localizer.render(Lang::En, &summary);
    for needle in ["Dilnoza K.", "Uzbekistan", "1 February 2027"] {
        assert!(en.contains(needle), "{needle} not in {en}");
    }
    // Before the plan: the summary says the dialogue is not finished.
    let early = case_summary(&Conversation::new(Lang::Ru), &ctx(), None);
    assert!(early.args.iter().any(
        |(_, a)| matches!(a, Arg::Lines(l) if l.iter().any(|m| m.id == "handover-sum-no-plan"))
    ));
}

#[test]
fn ask_a_person_is_under_the_plan_and_under_help() {
    let conv = at_plan(Lang::Kk);
    let plan = live(&conv, Input::Command(Command::Plan));
    assert!(has_button(&plan, &Action::AskPerson), "{:?}", ids(&plan));
    let help = live(&conv, Input::Command(Command::Help));
    assert!(has_button(&help, &Action::AskPerson), "{:?}", ids(&help));
    let pressed = live(&conv, Input::Button(Action::AskPerson));
    assert_eq!(ids(&pressed), ["handover-consent"]);
}
