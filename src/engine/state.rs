//! Where a user is in the dialogue. The conversation (language, current question, answers)
//! is what the store keeps per user, so every variant here is part of the stored schema:
//! change it only together with a migration in `store`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{CountryCode, DocKind, Lang, Profile, Purpose, Trip};
use crate::engine::input::Field;

/// The question the bot is waiting for an answer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "q", rename_all = "snake_case")]
pub enum Question {
    Language,
    Citizenship,
    /// After "Other": waiting for a typed country name or code.
    CitizenshipTyped,
    /// A typed name matched approximately; waiting for yes or no.
    CitizenshipConfirm {
        candidate: CountryCode,
    },
    /// A typed name matched several countries; waiting for one of them.
    CitizenshipChoose {
        candidates: Vec<CountryCode>,
    },
    Entry,
    /// The entry date typed is in the future: "You are planning a trip?"
    EntryPlanned {
        date: NaiveDate,
    },
    /// "Were you in Kazakhstan in the 180 days before this entry?" No / add trips /
    /// about how many days / don't know.
    Trips,
    /// The "about how many days" branch: a typed number.
    PriorDays,
    /// A trip's entry date; `change` is the trip being replaced (from `/trips`).
    TripEntry {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        change: Option<Trip>,
    },
    /// A trip's exit date, its entry already given.
    TripExit {
        entry: NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        change: Option<Trip>,
    },
    /// A trip was added: "Add another" or "That's all".
    TripMore,
    /// `/trips`: the list, each trip with change and remove buttons.
    TripList,
    Purpose,
    Employer,
    /// Ticking documents; the selection is kept here until the user presses Done.
    Documents {
        selected: BTreeSet<DocKind>,
    },
    DocumentEnd {
        kind: DocKind,
    },
    Summary,
    /// "Change an answer": waiting for which one.
    ChangeWhich,
    /// The dialogue is complete and the plan has been shown.
    Plan,
}

/// Something the user asked for that needs a yes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pending {
    Restart,
    Delete,
}

/// Everything the engine knows about one user's conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    /// The language in use. Before the user confirms it, the front end's guess.
    pub lang: Lang,
    /// Whether the user has seen the greeting; a fresh conversation has not.
    pub started: bool,
    pub question: Question,
    /// Answering re-asked question returns to the summary ("Change an answer").
    #[serde(default)]
    pub editing: bool,
    /// `/language` in the middle of the dialogue: where to return after the choice.
    #[serde(default)]
    pub resume: Option<Box<Question>>,
    #[serde(default)]
    pub pending: Option<Pending>,
    #[serde(default)]
    pub profile: Profile,
    /// Stopped and snoozed reminders. Optional in the stored form, so records written
    /// before reminders existed read unchanged (no schema bump).
    #[serde(default, skip_serializing_if = "ReminderPrefs::is_empty")]
    pub reminders: ReminderPrefs,
    /// "Done — I renewed": the new end date is being asked; after it, the dialogue
    /// returns here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_renewal: Option<Box<Question>>,
    /// Where the user is in handing their case to a caseworker (`engine::handover`).
    /// Optional in the stored form, like `reminders`, so no schema bump.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handover: Option<Handover>,
}

/// The user's side of a case handed to the caseworkers. The case itself (number,
/// status, the caseworkers' messages) is in the store; this is what the dialogue needs
/// to know about it, beside whatever question it is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "h", rename_all = "snake_case")]
pub enum Handover {
    /// The consent screen is shown: nothing has left the chat.
    Consent,
    /// Consent given: the next text is the question.
    Writing,
    /// A case is open: text that answers no question goes to the caseworkers.
    /// `told`: the user has been told so once.
    Open {
        #[serde(default)]
        told: bool,
    },
}

impl Conversation {
    /// A conversation that has not begun, speaking `lang` until the user chooses.
    pub fn new(lang: Lang) -> Conversation {
        Conversation {
            lang,
            started: false,
            question: Question::Language,
            editing: false,
            resume: None,
            pending: None,
            profile: Profile::default(),
            reminders: ReminderPrefs::default(),
            after_renewal: None,
            handover: None,
        }
    }

    /// Whether every answer the plan needs is there and confirmed.
    pub fn has_plan(&self) -> bool {
        self.question == Question::Plan
    }
}

/// What the user asked of their reminders. Kept in the conversation (so the engine
/// changes it purely, and saving it re-plans in the same transaction); part of the
/// stored schema like everything here, which is why it lives with the conversation and
/// not in `reminders`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderPrefs {
    /// Deadlines (`DeadlineKey` strings) whose reminders the user stopped.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub stopped: BTreeSet<String>,
    /// Extra local days to be reminded on, per deadline ("remind me tomorrow").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra_days: BTreeMap<String, BTreeSet<NaiveDate>>,
}

impl ReminderPrefs {
    pub fn is_empty(&self) -> bool {
        self.stopped.is_empty() && self.extra_days.is_empty()
    }
}

/// Whether a conversation has all the answers a plan needs, so its deadlines are worth
/// reminding about. An unfinished (or restarted) dialogue has no reminders.
pub fn reminders_enabled(conv: &Conversation) -> bool {
    conv.started && first_missing(&conv.profile).is_none()
}

/// The questions in the order the dialogue asks them, for this profile: the employer only
/// for work, an end date only for each held document that has one.
pub fn question_order(profile: &Profile) -> Vec<Question> {
    let mut order = vec![
        Question::Language,
        Question::Citizenship,
        Question::Entry,
        Question::Trips,
        Question::Purpose,
    ];
    if profile.purpose == Some(Purpose::Work) {
        order.push(Question::Employer);
    }
    order.push(Question::Documents {
        selected: BTreeSet::new(),
    });
    for kind in held_with_end_dates(profile) {
        order.push(Question::DocumentEnd { kind });
    }
    order.push(Question::Summary);
    order
}

/// Held documents that have an end date, in a stable order.
pub fn held_with_end_dates(profile: &Profile) -> Vec<DocKind> {
    DocKind::ALL
        .into_iter()
        .filter(|k| k.has_end_date() && profile.holds(*k))
        .collect()
}

/// The question's place in the order, treating its sub-states (a typed country, a ticked
/// list) as the question itself.
fn position(order: &[Question], question: &Question) -> Option<usize> {
    let key = canonical(question);
    order.iter().position(|q| canonical(q) == key)
}

fn canonical(question: &Question) -> Question {
    match question {
        Question::CitizenshipTyped
        | Question::CitizenshipConfirm { .. }
        | Question::CitizenshipChoose { .. } => Question::Citizenship,
        Question::Documents { .. } => Question::Documents {
            selected: BTreeSet::new(),
        },
        Question::ChangeWhich | Question::Plan => Question::Summary,
        Question::EntryPlanned { .. } => Question::Entry,
        Question::PriorDays
        | Question::TripEntry { .. }
        | Question::TripExit { .. }
        | Question::TripMore
        | Question::TripList => Question::Trips,
        other => other.clone(),
    }
}

/// The question after `current` in the order.
pub fn next_question(profile: &Profile, current: &Question) -> Question {
    let order = question_order(profile);
    match position(&order, current) {
        Some(i) if i + 1 < order.len() => order[i + 1].clone(),
        _ => Question::Summary,
    }
}

/// The question before `current`, or `None` at the first one.
pub fn previous_question(profile: &Profile, current: &Question) -> Option<Question> {
    if matches!(current, Question::ChangeWhich | Question::Plan) {
        return Some(Question::Summary);
    }
    // Inside the trips branch, back is the choice that led there.
    if *current != Question::Trips && canonical(current) == Question::Trips {
        return Some(Question::Trips);
    }
    let order = question_order(profile);
    match position(&order, current) {
        Some(i) if i > 0 => Some(order[i - 1].clone()),
        _ => None,
    }
}

/// The first question in the order whose answer is missing, if any.
pub fn first_missing(profile: &Profile) -> Option<Question> {
    question_order(profile)
        .into_iter()
        .find(|q| !is_answered(profile, q))
}

fn is_answered(profile: &Profile, question: &Question) -> bool {
    match question {
        Question::Language | Question::Summary => true,
        Question::Citizenship => profile.citizenship.is_some(),
        Question::Entry => profile.entry.is_some(),
        Question::Trips => profile.prior_days.is_some() || !profile.trips.is_empty(),
        Question::Purpose => profile.purpose.is_some(),
        Question::Employer => profile.employer.is_some(),
        Question::Documents { .. } => profile.documents.is_some(),
        Question::DocumentEnd { kind } => profile.document_ends.contains_key(kind),
        _ => true,
    }
}

/// The question that asks for a field.
pub fn question_for(field: Field, profile: &Profile) -> Question {
    match field {
        Field::Citizenship => Question::Citizenship,
        Field::Entry => Question::Entry,
        Field::PriorDays => Question::Trips,
        Field::Purpose => Question::Purpose,
        Field::Employer => Question::Employer,
        Field::Documents => Question::Documents {
            selected: profile.documents.clone().unwrap_or_default(),
        },
    }
}

/// The fields the summary can change, for this profile.
pub fn changeable_fields(profile: &Profile) -> Vec<Field> {
    Field::ALL
        .into_iter()
        .filter(|f| *f != Field::Employer || profile.purpose == Some(Purpose::Work))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stored form of the reminder choices, pinned: records on disk and in backups
    /// hold exactly these names.
    #[test]
    fn reminder_choices_keep_their_stored_form() {
        let mut conv = Conversation::new(Lang::En);
        let plain = serde_json::to_value(&conv).unwrap();
        assert!(plain.get("reminders").is_none(), "{plain}");

        conv.reminders
            .stopped
            .insert("permit_end:2026-11-29".to_owned());
        conv.reminders.extra_days.insert(
            "trp_end:2026-12-31".to_owned(),
            BTreeSet::from([NaiveDate::from_ymd_opt(2026, 12, 30).unwrap()]),
        );
        let stored = serde_json::to_value(&conv).unwrap();
        assert_eq!(
            stored["reminders"],
            serde_json::json!({
                "stopped": ["permit_end:2026-11-29"],
                "extra_days": {"trp_end:2026-12-31": ["2026-12-30"]},
            })
        );
        let back: Conversation = serde_json::from_value(stored).unwrap();
        assert_eq!(back, conv);
    }

    /// The trips' questions, pinned in their stored form; the question records written
    /// before them (`prior_days`, the typed number) still read.
    #[test]
    fn the_trips_questions_keep_their_stored_form() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 6, d).unwrap();
        let trip = Trip::new(day(1), day(20));
        for (question, stored) in [
            (Question::Trips, serde_json::json!({"q": "trips"})),
            (Question::PriorDays, serde_json::json!({"q": "prior_days"})),
            (
                Question::TripEntry { change: None },
                serde_json::json!({"q": "trip_entry"}),
            ),
            (
                Question::TripExit {
                    entry: day(1),
                    change: Some(trip),
                },
                serde_json::json!({"q": "trip_exit", "entry": "2026-06-01",
                    "change": {"entry": "2026-06-01", "exit": "2026-06-20"}}),
            ),
            (Question::TripMore, serde_json::json!({"q": "trip_more"})),
            (Question::TripList, serde_json::json!({"q": "trip_list"})),
            (
                Question::EntryPlanned { date: day(2) },
                serde_json::json!({"q": "entry_planned", "date": "2026-06-02"}),
            ),
        ] {
            assert_eq!(serde_json::to_value(&question).unwrap(), stored);
            let back: Question = serde_json::from_value(stored).unwrap();
            assert_eq!(back, question);
        }
    }
}
