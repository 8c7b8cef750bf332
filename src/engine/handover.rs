//! The user's side of "Ask a person": the consent screen that shows exactly what the
//! caseworkers will see, the question, the open case, closing it; or, when no
//! caseworkers answer in Telegram (handover off, or the terminal), the organisation's
//! contacts. Also the case summary itself (a message, rendered in the user's language on
//! the consent screen and in the caseworkers' language in their chat), so both are built
//! from one function and cannot drift apart.
//!
//! Pure, like the rest of the engine: opening a case, passing a text on and closing are
//! effects the app carries out (one store transaction, flushed before the reply).
//! While a case is open the dialogue keeps working: text goes to the caseworkers only
//! when the current question takes no typed answer (the plan, a question with buttons).

use std::collections::BTreeMap;

use super::state::{self, Handover, Question};
use super::{questions, Action, Button, Command, Effect, Input, Reply, Turn};
use crate::domain::Lang;
use crate::rules::view::deadline_name;
use crate::rules::{self, Status};
use crate::text::{Arg, Msg};

/// How many of the next deadlines the summary lists.
const SUMMARY_DEADLINES: usize = 3;

/// No contacts configured: what `Extras::default` points at.
static NO_CONTACTS: BTreeMap<Lang, String> = BTreeMap::new();

/// Whether "Ask a person" reaches caseworkers.
#[derive(Debug, Clone, Copy)]
pub enum HandoverMode<'a> {
    /// Caseworkers answer in Telegram: consent, question, case.
    Caseworkers,
    /// Nobody answers here (handover off, or the terminal): the contacts, per language.
    Contacts(&'a BTreeMap<Lang, String>),
}

/// Who the user is in Telegram, as the caseworkers will see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// First and last name as the user set them in Telegram.
    pub name: String,
    pub username: Option<String>,
}

/// What the engine may know besides the conversation, input and context: only a front
/// end can tell.
#[derive(Debug, Clone, Copy)]
pub struct Extras<'a> {
    pub handover: HandoverMode<'a>,
    pub person: Option<&'a Person>,
}

impl Default for Extras<'_> {
    fn default() -> Self {
        Extras {
            handover: HandoverMode::Contacts(&NO_CONTACTS),
            person: None,
        }
    }
}

/// "🙋 Ask a person".
pub fn ask_person_button() -> Button {
    Button::new(Msg::new("btn-ask-person"), Action::AskPerson)
}

fn close_button() -> Vec<Vec<Button>> {
    vec![vec![Button::new(
        Msg::new("btn-close-case"),
        Action::CloseCase,
    )]]
}

/// What the caseworkers see about the user, without the question: who they are, their
/// language, their answers, the plan's status and the next deadlines. The same message
/// is the consent screen's (in the user's language) and the case's (in theirs).
pub fn case_summary(
    conv: &state::Conversation,
    ctx: &super::Context<'_>,
    person: Option<&Person>,
) -> Msg {
    let mut lines = Vec::new();
    lines.push(match person {
        Some(Person {
            name,
            username: Some(username),
        }) => Msg::new("handover-sum-person")
            .arg("name", Arg::UserText(name.clone()))
            .arg("username", Arg::UserText(format!("@{username}"))),
        Some(Person { name, .. }) => {
            Msg::new("handover-sum-person-name").arg("name", Arg::UserText(name.clone()))
        }
        None => Msg::new("handover-sum-person-unknown"),
    });
    lines.push(Msg::new("handover-sum-language").msg("language", lang_name(conv.lang)));
    // The answers, as the summary question shows them (without its heading).
    if let Some((_, Arg::Lines(answers))) = questions::summary_msg(&conv.profile, ctx)
        .args
        .into_iter()
        .next()
    {
        lines.extend(answers);
    }
    if state::reminders_enabled(conv) {
        let plan = rules::assess(ctx.catalogue, &conv.profile, ctx.today);
        lines.push(match plan.status {
            Status::Legal {
                last_legal_day,
                days_left,
            } => Msg::new("handover-sum-legal")
                .date("date", last_legal_day)
                .int("days", days_left),
            Status::Overstay {
                last_legal_day,
                overstay_days,
            } => Msg::new("handover-sum-overstay")
                .date("date", last_legal_day)
                .int("days", overstay_days),
            Status::Unknown => Msg::new("handover-sum-status-unknown"),
        });
        let next: Vec<Msg> = plan
            .deadlines
            .iter()
            .filter(|d| d.date >= ctx.today)
            .take(SUMMARY_DEADLINES)
            .map(|d| {
                Msg::new("handover-sum-deadline")
                    .msg("what", deadline_name(d.kind))
                    .date("date", d.date)
            })
            .collect();
        if !next.is_empty() {
            lines.push(Msg::new("handover-sum-deadlines"));
            lines.extend(next);
        }
    } else {
        lines.push(Msg::new("handover-sum-no-plan"));
    }
    Msg::new("handover-summary").arg("lines", Arg::Lines(lines))
}

fn lang_name(lang: Lang) -> Msg {
    Msg::new(format!("lang-{}", lang.code()))
}

impl Turn<'_, '_> {
    /// Takes the inputs that belong to handing a case over; `false` for everything
    /// else, which the dialogue handles as usual.
    pub(super) fn handover(&mut self, input: &Input) -> bool {
        let state = self.conv.handover;
        match (input, state) {
            (Input::Command(Command::Human) | Input::Button(Action::AskPerson), _) => {
                self.ask_person()
            }
            (Input::Button(Action::HandoverConsent), Some(Handover::Consent)) => {
                self.conv.handover = Some(Handover::Writing);
                self.replies.push(Reply::with_buttons(
                    Msg::new("handover-write"),
                    vec![vec![cancel_button()]],
                ));
            }
            (
                Input::Button(Action::HandoverCancel),
                Some(Handover::Consent | Handover::Writing),
            ) => {
                self.conv.handover = None;
                self.say(Msg::new("handover-cancelled"));
                self.ask_unless_plan();
            }
            (Input::Button(Action::CloseCase), Some(Handover::Open { .. })) => {
                self.conv.handover = None;
                self.effects.push(Effect::CloseCase);
                self.say(Msg::new("handover-closed"));
                self.ask_unless_plan();
            }
            (
                Input::Button(Action::HandoverConsent | Action::HandoverCancel | Action::CloseCase),
                _,
            ) => self.stale_button(),
            (Input::Text(text), Some(Handover::Writing)) if !text.trim().is_empty() => {
                let summary = case_summary(&self.conv, self.ctx, self.extras.person);
                self.effects.push(Effect::OpenCase {
                    summary,
                    question: text.trim().to_string(),
                });
                self.conv.handover = Some(Handover::Open { told: false });
                self.replies.push(Reply::with_buttons(
                    Msg::new("handover-sent"),
                    close_button(),
                ));
            }
            (Input::Text(text), Some(Handover::Open { told }))
                if !text.trim().is_empty() && !takes_typed_answer(&self.conv.question) =>
            {
                self.effects.push(Effect::RelayToCase {
                    text: text.trim().to_string(),
                });
                if !told {
                    self.conv.handover = Some(Handover::Open { told: true });
                    self.replies.push(Reply::with_buttons(
                        Msg::new("handover-relayed"),
                        close_button(),
                    ));
                }
            }
            _ => return false,
        }
        true
    }

    /// "Ask a person": the consent screen, the open case, or the contacts.
    pub(super) fn ask_person(&mut self) {
        match self.extras.handover {
            HandoverMode::Contacts(contacts) => {
                let org = contacts
                    .get(&self.conv.lang)
                    .or_else(|| Lang::ALL.iter().find_map(|l| contacts.get(l)));
                let first = match org {
                    Some(text) => {
                        Msg::new("handover-contacts").arg("contacts", Arg::Verbatim(text.clone()))
                    }
                    None => Msg::new("handover-contacts-none"),
                };
                // The catalogue holds no help-line numbers, so none is given here: the
                // official place to confirm a case is a Public Service Center.
                self.say(Msg::new("handover-off").msg("contacts", first));
                self.ask_unless_plan();
            }
            HandoverMode::Caseworkers => match self.conv.handover {
                Some(Handover::Open { .. }) => {
                    self.replies.push(Reply::with_buttons(
                        Msg::new("handover-already-open"),
                        close_button(),
                    ));
                }
                _ => {
                    self.conv.handover = Some(Handover::Consent);
                    let summary = case_summary(&self.conv, self.ctx, self.extras.person);
                    self.replies.push(Reply::with_buttons(
                        Msg::new("handover-consent").msg("summary", summary),
                        vec![
                            vec![Button::new(
                                Msg::new("btn-handover-consent"),
                                Action::HandoverConsent,
                            )],
                            vec![cancel_button()],
                        ],
                    ));
                }
            },
        }
    }
}

fn cancel_button() -> Button {
    Button::new(Msg::new("btn-handover-cancel"), Action::HandoverCancel)
}

/// Whether the dialogue is waiting for something typed (a date, a country, a number):
/// then text is its answer, not a message for the caseworkers.
fn takes_typed_answer(question: &Question) -> bool {
    matches!(
        question,
        Question::Citizenship
            | Question::CitizenshipTyped
            | Question::CitizenshipConfirm { .. }
            | Question::CitizenshipChoose { .. }
            | Question::Entry
            | Question::EntryPlanned { .. }
            | Question::PriorDays
            | Question::TripEntry { .. }
            | Question::TripExit { .. }
            | Question::DocumentEnd { .. }
    )
}

#[cfg(test)]
mod tests;
