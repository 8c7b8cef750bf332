//! The dialogue engine: a pure function from (conversation, input, context) to (new
//! conversation, replies, effects). It does no I/O, holds no globals and renders no text:
//! replies are message ids with arguments, so it is tested directly, in microseconds, and
//! every front end (terminal, Telegram) shares it.

mod handover;
pub mod input;
mod plan_screens;
mod questions;
pub mod reply;
pub mod state;

use chrono::{DateTime, NaiveDate, Utc};

use crate::countries::{Countries, CountryMatch};
use crate::dates;
use crate::domain::{DocKind, Employer, PriorDays, Profile, Purpose, Trip};
use crate::rules::trips::TripError;
use crate::rules::view::deadline_name;
use crate::rules::{self, Catalogue};
use crate::text::{Arg, Msg};

pub use handover::{case_summary, Extras, HandoverMode, Person};
pub use input::{Action, Command, DeadlineKey, Field, Input};
pub use reply::{Button, Effect, Reply};
pub use state::{Conversation, Handover, Pending, Question, ReminderPrefs};

/// The most days anyone can have spent in a 180-day window.
const MAX_PRIOR_DAYS: i64 = 180;

/// The rolling window trips are checked against when the citizenship's group has none
/// (or is not known yet); the groups' own windows come from the catalogue.
const WINDOW_DAYS: i64 = 180;

/// The rolling window of the citizenship group of `profile`, in days ([`WINDOW_DAYS`]
/// before the citizenship is known): the questions and the summary quote it.
fn window_days(profile: &Profile, ctx: &Context<'_>) -> i64 {
    profile
        .citizenship
        .as_ref()
        .and_then(|c| ctx.catalogue.placement(c.as_str()).group.window)
        .map_or(WINDOW_DAYS, |w| w.days)
}

/// How far ahead an entry date is taken as a planned trip; later ones are refused.
const MAX_PLANNED_DAYS: i64 = 366;

/// What the engine may read besides the conversation: the time and the loaded data.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub now: DateTime<Utc>,
    /// Today's date in Kazakhstan; derived from `now` by the caller's clock.
    pub today: NaiveDate,
    pub countries: &'a Countries,
    pub catalogue: &'a Catalogue,
}

/// The result of one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub conversation: Conversation,
    pub replies: Vec<Reply>,
    pub effects: Vec<Effect>,
}

impl Outcome {
    /// Whether the conversation differs from the one passed in, i.e. must be saved.
    pub fn changed(&self, before: &Conversation) -> bool {
        &self.conversation != before
    }
}

/// Advances one user's conversation by one input, with no caseworkers ("Ask a
/// person" shows that there are no contacts configured).
pub fn step(conversation: &Conversation, input: &Input, ctx: &Context<'_>) -> Outcome {
    step_with(conversation, input, ctx, &Extras::default())
}

/// [`step`] knowing what only the front end knows: whether caseworkers answer, the
/// contacts, and who the user is in Telegram (see `handover`).
pub fn step_with(
    conversation: &Conversation,
    input: &Input,
    ctx: &Context<'_>,
    extras: &Extras<'_>,
) -> Outcome {
    let mut turn = Turn {
        conv: conversation.clone(),
        replies: Vec::new(),
        effects: Vec::new(),
        ctx,
        extras,
    };
    turn.handle(input);
    // "Done — I renewed" waits for the new date only while that question is open (or the
    // language is being changed in the middle of it).
    if turn.conv.after_renewal.is_some()
        && !matches!(
            turn.conv.question,
            Question::DocumentEnd { .. } | Question::Language
        )
    {
        turn.conv.after_renewal = None;
    }
    if !turn.effects.contains(&Effect::DeleteUser) {
        if turn.conv.profile != conversation.profile {
            turn.effects.push(Effect::ProfileChanged);
        }
        if turn.conv.reminders != conversation.reminders {
            turn.effects.push(Effect::RemindersChanged);
        }
    }
    Outcome {
        conversation: turn.conv,
        replies: turn.replies,
        effects: turn.effects,
    }
}

/// One step in progress: the conversation being changed and what has been said so far.
struct Turn<'c, 'a> {
    conv: Conversation,
    replies: Vec<Reply>,
    effects: Vec<Effect>,
    ctx: &'c Context<'a>,
    extras: &'c Extras<'a>,
}

impl Turn<'_, '_> {
    fn say(&mut self, msg: Msg) {
        self.replies.push(Reply::text(msg));
    }

    fn handle(&mut self, input: &Input) {
        if let Some(pending) = self.conv.pending.take() {
            match (pending, input) {
                (Pending::Restart, Input::Button(Action::ConfirmRestart)) => return self.restart(),
                (Pending::Delete, Input::Button(Action::ConfirmDelete)) => return self.delete(),
                (_, Input::Button(Action::Cancel)) => {
                    self.say(Msg::new("cancelled"));
                    return self.ask_current();
                }
                // Anything else drops the question and is handled as usual.
                _ => {}
            }
        }
        // "Ask a person", and text that belongs to a case (handover.rs).
        if self.conv.started && self.handover(input) {
            return;
        }
        match input {
            Input::Command(c) => self.command(c),
            Input::Unsupported => {
                self.say(Msg::new("err-unsupported-input"));
                self.ask_current();
            }
            Input::Text(t) if !self.conv.started => {
                let _ = t;
                self.greet();
            }
            Input::Text(text) => self.text(text),
            Input::Button(action) => self.button(action),
        }
    }

    fn greet(&mut self) {
        self.conv.started = true;
        self.conv.question = Question::Language;
        self.say(Msg::new("welcome"));
        self.ask_current();
    }

    fn command(&mut self, command: &Command) {
        if !self.conv.started && !matches!(command, Command::Delete | Command::Export) {
            return self.greet();
        }
        match command {
            Command::Start => {
                self.say(Msg::new("welcome-back"));
                self.ask_current();
            }
            Command::Help => {
                self.replies.push(Reply::with_buttons(
                    Msg::new("help"),
                    vec![vec![handover::ask_person_button()]],
                ));
                self.ask_current();
            }
            Command::Language => {
                if self.conv.question != Question::Language {
                    let current = std::mem::replace(&mut self.conv.question, Question::Language);
                    self.conv.resume = Some(Box::new(current));
                }
                self.ask_current();
            }
            Command::Back => self.back(),
            Command::Restart => {
                self.conv.pending = Some(Pending::Restart);
                self.replies.push(questions::confirm_restart());
            }
            Command::Delete => {
                self.conv.pending = Some(Pending::Delete);
                self.replies.push(questions::confirm_delete());
            }
            Command::Me => {
                self.say(questions::summary_msg(&self.conv.profile, self.ctx));
                if !matches!(self.conv.question, Question::Summary | Question::Plan) {
                    self.ask_current();
                }
            }
            Command::Export => {
                self.effects.push(Effect::ExportData);
                self.say(Msg::new("export-intro"));
            }
            Command::Plan => {
                if self.conv.has_plan() {
                    self.show_plan();
                } else {
                    self.say(Msg::new("plan-not-ready"));
                    self.ask_current();
                }
            }
            Command::Sources => {
                if self.conv.has_plan() {
                    let plan = self.assess();
                    let mut reply = plan_screens::sources(&plan, self.ctx);
                    // Asked by a command: a message of its own, nothing to replace.
                    reply.refreshes_previous = false;
                    self.replies.push(reply);
                } else {
                    self.say(Msg::new("plan-not-ready"));
                    self.ask_current();
                }
            }
            Command::Reminders => {
                if state::reminders_enabled(&self.conv) {
                    self.effects.push(Effect::ListReminders);
                } else {
                    self.say(Msg::new("plan-not-ready"));
                    self.ask_current();
                }
            }
            Command::Calendar => {
                if !state::reminders_enabled(&self.conv) {
                    self.say(Msg::new("plan-not-ready"));
                    self.ask_current();
                } else if !self
                    .assess()
                    .deadlines
                    .iter()
                    .any(|d| d.date >= self.ctx.today)
                {
                    self.say(Msg::new("calendar-empty"));
                } else {
                    self.say(Msg::new("calendar-intro"));
                    self.effects.push(Effect::Calendar);
                }
            }
            Command::Trips => self.open_trips(),
            // Taken by `handover` before this match.
            Command::Human => self.ask_person(),
            Command::Unknown(name) => {
                self.say(
                    Msg::new("err-unknown-command").arg("command", Arg::UserText(name.clone())),
                );
                self.ask_current();
            }
        }
    }

    fn back(&mut self) {
        if self.conv.editing {
            // Leaving a re-asked question returns to where it was asked from.
            self.conv.editing = false;
            self.conv.question = Question::Summary;
            return self.ask_current();
        }
        match state::previous_question(&self.conv.profile, &self.conv.question) {
            Some(previous) => {
                self.conv.question = self.prefilled(previous);
                self.ask_current();
            }
            None => {
                self.say(Msg::new("err-first-question"));
                self.ask_current();
            }
        }
    }

    /// A question about to be asked again, with what the user chose before.
    fn prefilled(&self, question: Question) -> Question {
        match question {
            Question::Documents { .. } => Question::Documents {
                selected: self.conv.profile.documents.clone().unwrap_or_default(),
            },
            other => other,
        }
    }

    fn restart(&mut self) {
        let lang = self.conv.lang;
        // An open case stays open: the caseworkers may still be answering.
        let handover = self
            .conv
            .handover
            .filter(|h| matches!(h, Handover::Open { .. }));
        self.conv = Conversation::new(lang);
        self.conv.handover = handover;
        self.conv.started = true;
        self.conv.question = Question::Citizenship;
        // The old answers' reminders (and any notice about their plan) go with them.
        self.effects.push(Effect::ProfileChanged);
        self.say(Msg::new("restarted"));
        self.ask_current();
    }

    fn delete(&mut self) {
        self.conv = Conversation::new(self.conv.lang);
        self.effects.push(Effect::DeleteUser);
        self.say(Msg::new("deleted"));
    }

    fn ask_current(&mut self) {
        let reply = questions::ask(&self.conv, self.ctx);
        self.replies.push(reply);
    }

    /// Moves on after `answered` was answered: to the summary when the user came from
    /// it and nothing else is missing, to the next question otherwise.
    fn advance(&mut self, answered: &Question) {
        let profile = &self.conv.profile;
        self.conv.question = if self.conv.editing {
            match state::first_missing(profile) {
                Some(q) => self.prefilled(q),
                None => {
                    self.conv.editing = false;
                    Question::Summary
                }
            }
        } else {
            let next = state::next_question(profile, answered);
            self.prefilled(next)
        };
        self.ask_current();
    }

    fn stale_button(&mut self) {
        self.say(Msg::new("err-stale-button"));
        self.ask_current();
    }

    fn text(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            self.say(Msg::new("err-not-understood"));
            return self.ask_current();
        }
        match self.conv.question.clone() {
            Question::Citizenship
            | Question::CitizenshipTyped
            | Question::CitizenshipConfirm { .. }
            | Question::CitizenshipChoose { .. } => self.typed_country(text),
            Question::Entry | Question::EntryPlanned { .. } => {
                match dates::parse_entry_date(text, self.ctx.today) {
                    Ok(date) => self.set_entry(date),
                    Err(dates::DateError::Future) => match self.planned_date(text) {
                        Some(date) => {
                            self.conv.question = Question::EntryPlanned { date };
                            self.ask_current();
                        }
                        None => {
                            self.say(dates::DateError::Future.message(self.ctx.today));
                            self.conv.question = Question::Entry;
                            self.ask_current();
                        }
                    },
                    Err(e) => {
                        self.say(e.message(self.ctx.today));
                        self.conv.question = Question::Entry;
                        self.ask_current();
                    }
                }
            }
            Question::TripEntry { change } => match dates::parse_entry_date(text, self.ctx.today) {
                Ok(entry) => {
                    self.conv.question = Question::TripExit { entry, change };
                    self.ask_current();
                }
                Err(e) => {
                    self.say(e.message(self.ctx.today));
                    self.ask_current();
                }
            },
            Question::TripExit { entry, change } => {
                match dates::parse_entry_date(text, self.ctx.today) {
                    Ok(exit) => self.add_trip(Trip::new(entry, exit), change),
                    Err(e) => {
                        self.say(e.message(self.ctx.today));
                        self.ask_current();
                    }
                }
            }
            Question::PriorDays => match parse_day_count(text) {
                Some(0) => self.set_prior(PriorDays::None),
                Some(n) if n <= MAX_PRIOR_DAYS => {
                    self.set_prior(PriorDays::Known(u16::try_from(n).unwrap_or(180)))
                }
                _ => {
                    self.say(Msg::new("err-prior-days").int("max", MAX_PRIOR_DAYS));
                    self.ask_current();
                }
            },
            Question::DocumentEnd { kind } => {
                match dates::parse_document_end(text, self.ctx.today) {
                    Ok(date) => self.set_document_end(kind, date),
                    Err(e) => {
                        self.say(e.message(self.ctx.today));
                        self.ask_current();
                    }
                }
            }
            Question::Plan => {
                self.say(Msg::new("plan-free-text"));
            }
            Question::Language
            | Question::Trips
            | Question::TripMore
            | Question::TripList
            | Question::Purpose
            | Question::Employer
            | Question::Documents { .. }
            | Question::Summary
            | Question::ChangeWhich => {
                self.say(Msg::new("err-use-buttons"));
                self.ask_current();
            }
        }
    }

    fn typed_country(&mut self, text: &str) {
        match self.ctx.countries.match_input(text) {
            CountryMatch::Exact(code) => self.set_citizenship(code),
            CountryMatch::Probable(code) => {
                self.conv.question = Question::CitizenshipConfirm { candidate: code };
                self.ask_current();
            }
            CountryMatch::Ambiguous(candidates) if !candidates.is_empty() => {
                self.conv.question = Question::CitizenshipChoose { candidates };
                self.ask_current();
            }
            CountryMatch::Ambiguous(_) | CountryMatch::NoMatch => {
                self.say(Msg::new("err-country-unknown"));
                self.conv.question = Question::CitizenshipTyped;
                self.ask_current();
            }
        }
    }

    fn set_citizenship(&mut self, code: crate::domain::CountryCode) {
        if code.as_str() == "KZ" {
            self.say(Msg::new("info-citizen-kz"));
            self.conv.question = Question::Citizenship;
            return self.ask_current();
        }
        self.conv.profile.citizenship = Some(code);
        self.advance(&Question::Citizenship);
    }

    fn set_entry(&mut self, date: NaiveDate) {
        self.conv.profile.entry = Some(date);
        // Trips are stays before this entry: one that reaches it is no longer one.
        self.conv.profile.trips.retain(|t| t.exit < date);
        self.advance(&Question::Entry);
    }

    /// A typed entry date that is after today but not too far: offered as a planned trip.
    fn planned_date(&self, text: &str) -> Option<NaiveDate> {
        let date = dates::parse_date(text, self.ctx.today).ok()?;
        let ahead = (date - self.ctx.today).num_days();
        (ahead > 0 && ahead <= MAX_PLANNED_DAYS).then_some(date)
    }

    /// An answer other than trips replaces them: "no", "about N days", "don't know".
    fn set_prior(&mut self, days: PriorDays) {
        self.conv.profile.prior_days = Some(days);
        self.conv.profile.trips.clear();
        self.finish_trips();
    }

    /// `/trips`: the list of trips, from anywhere after the entry date.
    fn open_trips(&mut self) {
        if self.conv.profile.entry.is_none() {
            self.say(Msg::new("trips-need-entry"));
            return self.ask_current();
        }
        let current = std::mem::replace(&mut self.conv.question, Question::TripList);
        if state::previous_question(&self.conv.profile, &current).is_some()
            && !matches!(
                current,
                Question::Trips
                    | Question::PriorDays
                    | Question::TripEntry { .. }
                    | Question::TripExit { .. }
                    | Question::TripMore
                    | Question::TripList
            )
        {
            self.conv.resume = Some(Box::new(current));
        }
        self.ask_current();
    }

    /// The trips are given: back to where `/trips` was opened from (the summary, when
    /// the plan was shown, so the new count is confirmed), or on with the dialogue.
    fn finish_trips(&mut self) {
        match self.conv.resume.take().map(|q| *q) {
            Some(Question::Summary | Question::Plan | Question::ChangeWhich) => {
                self.conv.question = Question::Summary;
                self.ask_current();
            }
            Some(q) => {
                self.conv.question = q;
                self.ask_current();
            }
            None => self.advance(&Question::Trips),
        }
    }

    /// The rolling window of the user's citizenship group, in days.
    fn window_days(&self) -> i64 {
        window_days(&self.conv.profile, self.ctx)
    }

    /// A trip with both dates: checked against the current stay, the window's reach and
    /// the other trips (`rules::trips`); refused with its own message, nothing changed.
    fn add_trip(&mut self, trip: Trip, change: Option<Trip>) {
        let Some(entry) = self.conv.profile.entry else {
            self.conv.question = Question::Entry;
            return self.ask_current();
        };
        let others: Vec<Trip> = self
            .conv
            .profile
            .trips
            .iter()
            .copied()
            .filter(|t| Some(*t) != change)
            .collect();
        let window = self.window_days();
        let checked = rules::trips::validate(&[trip], entry, window).and_then(|_| {
            others
                .iter()
                .try_for_each(|o| rules::trips::validate(&[*o, trip], entry, window).map(|_| ()))
        });
        if let Err(e) = checked {
            self.say(trip_error_msg(&e));
            self.conv.question = match e {
                TripError::ExitBeforeEntry { .. } => Question::TripExit {
                    entry: trip.entry,
                    change,
                },
                _ => Question::TripEntry { change },
            };
            return self.ask_current();
        }
        let mut trips = others;
        trips.push(trip);
        trips.sort();
        self.conv.profile.trips = trips;
        self.say(questions::trip_line(Msg::new("trip-added"), trip));
        self.conv.question = if change.is_some() {
            Question::TripList
        } else {
            Question::TripMore
        };
        self.ask_current();
    }

    fn set_document_end(&mut self, kind: DocKind, date: NaiveDate) {
        if let Some(back) = self.conv.after_renewal.take() {
            self.conv.profile.document_ends.insert(kind, date);
            self.say(
                Msg::new("reminder-renewed")
                    .msg("document", questions::held_name_in_text(kind))
                    .date("date", date),
            );
            self.conv.question = *back;
            return self.ask_unless_plan();
        }
        if date < self.ctx.today {
            self.say(
                Msg::new("note-document-expired")
                    .msg("document", questions::held_name_in_text(kind))
                    .date("date", date),
            );
        }
        self.conv.profile.document_ends.insert(kind, date);
        self.advance(&Question::DocumentEnd { kind });
    }

    fn button(&mut self, action: &Action) {
        // Reminder buttons arrive whatever the dialogue is waiting for.
        match action {
            Action::Renewed(kind) => return self.renewed(*kind),
            Action::Snooze(key) => return self.snooze(*key),
            Action::StopReminders(key) => return self.stop_reminders(*key),
            // Under a message the bot sent on its own (a rule-change notice): the plan
            // as `/plan` shows it, a new message, whatever the dialogue is waiting for.
            Action::ShowPlan => return self.command(&Command::Plan),
            _ => {}
        }
        let question = self.conv.question.clone();
        match (&question, action) {
            (Question::Language, Action::Lang(lang)) => {
                self.conv.lang = *lang;
                self.conv.started = true;
                self.conv.question = match self.conv.resume.take() {
                    Some(q) => *q,
                    None if self.conv.editing => Question::Summary,
                    None => state::next_question(&self.conv.profile, &Question::Language),
                };
                self.say(Msg::new("language-set"));
                self.ask_current();
            }
            (Question::Citizenship, Action::Country(code)) => self.set_citizenship(code.clone()),
            (Question::CitizenshipChoose { candidates }, Action::Country(code))
                if candidates.contains(code) =>
            {
                self.set_citizenship(code.clone())
            }
            (
                Question::Citizenship
                | Question::CitizenshipChoose { .. }
                | Question::CitizenshipConfirm { .. },
                Action::CountryOther,
            )
            | (Question::CitizenshipConfirm { .. }, Action::No) => {
                self.conv.question = Question::CitizenshipTyped;
                self.ask_current();
            }
            (Question::CitizenshipConfirm { candidate }, Action::Yes) => {
                self.set_citizenship(candidate.clone())
            }
            (Question::Entry, Action::Today) => self.set_entry(self.ctx.today),
            (Question::Entry, Action::Yesterday) => match self.ctx.today.pred_opt() {
                Some(d) => self.set_entry(d),
                None => self.stale_button(),
            },
            (Question::EntryPlanned { date }, Action::Yes) => self.set_entry(*date),
            (Question::EntryPlanned { .. }, Action::No) => {
                self.conv.question = Question::Entry;
                self.ask_current();
            }
            (Question::Trips | Question::PriorDays, Action::PriorNone) => {
                self.set_prior(PriorDays::None)
            }
            (Question::Trips | Question::PriorDays, Action::PriorUnknown) => {
                self.set_prior(PriorDays::Unknown)
            }
            (Question::Trips, Action::PriorAbout) => {
                self.conv.question = Question::PriorDays;
                self.ask_current();
            }
            (Question::Trips, Action::TripAdd) => {
                self.conv.question = if self.conv.profile.trips.is_empty() {
                    Question::TripEntry { change: None }
                } else {
                    Question::TripList
                };
                self.ask_current();
            }
            (Question::TripMore | Question::TripList, Action::TripAdd) => {
                self.conv.question = Question::TripEntry { change: None };
                self.ask_current();
            }
            (Question::TripMore | Question::TripList, Action::TripsDone) => self.finish_trips(),
            (Question::TripList, Action::TripChange(trip))
                if self.conv.profile.trips.contains(trip) =>
            {
                self.conv.question = Question::TripEntry {
                    change: Some(*trip),
                };
                self.ask_current();
            }
            (Question::TripList, Action::TripRemove(trip))
                if self.conv.profile.trips.contains(trip) =>
            {
                self.conv.profile.trips.retain(|t| t != trip);
                self.say(questions::trip_line(Msg::new("trip-removed"), *trip));
                self.ask_current();
            }
            (Question::Purpose, Action::Purpose(p)) => {
                self.conv.profile.purpose = Some(*p);
                if *p != Purpose::Work {
                    self.conv.profile.employer = None;
                }
                self.advance(&Question::Purpose);
            }
            (Question::Employer, Action::Employer(e)) => self.set_employer(*e),
            (Question::Documents { selected }, Action::ToggleDoc(kind)) => {
                let mut selected = selected.clone();
                if !selected.remove(kind) {
                    selected.insert(*kind);
                }
                self.conv.question = Question::Documents { selected };
                let mut reply = questions::ask(&self.conv, self.ctx);
                reply.refreshes_previous = true;
                self.replies.push(reply);
            }
            (Question::Documents { .. }, Action::DocsNone) => {
                self.set_documents(Default::default())
            }
            (Question::Documents { selected }, Action::DocsDone) => {
                self.set_documents(selected.clone())
            }
            (Question::Summary, Action::Correct) => {
                self.conv.editing = false;
                self.conv.question = Question::Plan;
                self.show_plan();
            }
            (Question::Summary | Question::Plan, Action::Change) => {
                self.conv.question = Question::ChangeWhich;
                self.ask_current();
            }
            (Question::ChangeWhich, Action::Edit(field))
                if state::changeable_fields(&self.conv.profile).contains(field) =>
            {
                self.conv.editing = true;
                self.conv.question = state::question_for(*field, &self.conv.profile);
                self.ask_current();
            }
            (Question::ChangeWhich, Action::BackToSummary) => {
                self.conv.question = Question::Summary;
                self.ask_current();
            }
            (Question::Plan, Action::ToggleStep(id)) => self.toggle_step(id),
            (Question::Plan, _) if self.plan_screen(action) => {}
            _ => self.stale_button(),
        }
    }

    fn set_employer(&mut self, employer: Employer) {
        self.conv.profile.employer = Some(employer);
        self.advance(&Question::Employer);
    }

    fn set_documents(&mut self, selected: std::collections::BTreeSet<DocKind>) {
        let profile = &mut self.conv.profile;
        profile.document_ends.retain(|k, _| selected.contains(k));
        profile.documents = Some(selected);
        self.advance(&Question::Documents {
            selected: Default::default(),
        });
    }

    fn assess(&self) -> rules::Plan {
        rules::assess(self.ctx.catalogue, &self.conv.profile, self.ctx.today)
    }

    /// The plan's first screen, as a new message.
    fn show_plan(&mut self) {
        let plan = self.assess();
        let calendar = self.calendar_ready(&plan);
        self.replies
            .push(plan_screens::home(&plan, self.ctx, calendar));
    }

    /// Whether the plan has deadlines for a calendar file (today's included).
    fn calendar_ready(&self, plan: &rules::Plan) -> bool {
        state::reminders_enabled(&self.conv)
            && plan.deadlines.iter().any(|d| d.date >= self.ctx.today)
    }

    /// A button under the plan that opens one of its screens in place of the pressed
    /// one; `false` when it is not such a button or names what the plan no longer has.
    fn plan_screen(&mut self, action: &Action) -> bool {
        let plan = self.assess();
        let reply = match action {
            Action::PlanHome => {
                let calendar = self.calendar_ready(&plan);
                plan_screens::in_place(plan_screens::home(&plan, self.ctx, calendar))
            }
            Action::PlanStep(id) => match plan.steps.iter().find(|s| &s.id == id) {
                Some(step) => plan_screens::card(&plan, step, self.ctx),
                None => return false,
            },
            Action::PlanSteps => plan_screens::steps(&plan),
            Action::PlanNotes => plan_screens::notes(&plan, self.ctx),
            Action::PlanSources => plan_screens::sources(&plan, self.ctx),
            // The file is the answer; the screen it was asked from stays as it is.
            Action::PlanCalendar if self.calendar_ready(&plan) => {
                self.effects.push(Effect::Calendar);
                return true;
            }
            _ => return false,
        };
        self.replies.push(reply);
        true
    }

    /// Marks a step done or not done, and shows all steps again in place.
    fn toggle_step(&mut self, id: &str) {
        let plan = self.assess();
        if !plan.steps.iter().any(|s| s.id == id) {
            return self.stale_button();
        }
        let done = &mut self.conv.profile.done_steps;
        if !done.remove(id) {
            done.insert(id.to_string());
        }
        let plan = self.assess();
        self.replies.push(plan_screens::steps(&plan));
    }
}

// ---- reminder buttons ----------------------------------------------------------------

impl Turn<'_, '_> {
    /// Re-asks the current question, except when the dialogue is done (the plan needs
    /// no question, and repeating "your plan is ready" after every button is noise).
    fn ask_unless_plan(&mut self) {
        if self.conv.question != Question::Plan {
            self.ask_current();
        }
    }

    /// Whether the user's current plan has this deadline: a reminder button for one it
    /// no longer has (an edited date, a forged button) is out of date.
    fn has_deadline(&self, key: DeadlineKey) -> bool {
        state::reminders_enabled(&self.conv)
            && self
                .assess()
                .deadlines
                .iter()
                .any(|d| DeadlineKey::of(d) == key)
    }

    fn renewed(&mut self, kind: DocKind) {
        if !state::reminders_enabled(&self.conv) || !self.conv.profile.holds(kind) {
            return self.stale_button();
        }
        if !matches!(self.conv.question, Question::DocumentEnd { .. }) {
            let back = std::mem::replace(&mut self.conv.question, Question::DocumentEnd { kind });
            self.conv.after_renewal = Some(Box::new(back));
        } else {
            self.conv.question = Question::DocumentEnd { kind };
            self.conv
                .after_renewal
                .get_or_insert_with(|| Box::new(Question::Plan));
        }
        self.say(
            Msg::new("reminder-renew-intro").msg("document", questions::held_name_in_text(kind)),
        );
        self.ask_current();
    }

    fn snooze(&mut self, key: DeadlineKey) {
        if !self.has_deadline(key) {
            return self.stale_button();
        }
        let what = deadline_name(key.kind);
        match self.ctx.today.succ_opt() {
            Some(tomorrow) if tomorrow <= key.date => {
                self.conv
                    .reminders
                    .extra_days
                    .entry(key.to_string())
                    .or_default()
                    .insert(tomorrow);
                self.say(
                    Msg::new("reminder-snoozed")
                        .msg("what", what)
                        .date("date", key.date)
                        .date("tomorrow", tomorrow),
                );
            }
            _ => self.say(
                Msg::new("reminder-snooze-too-late")
                    .msg("what", what)
                    .date("date", key.date),
            ),
        }
        self.ask_unless_plan();
    }

    fn stop_reminders(&mut self, key: DeadlineKey) {
        if !self.has_deadline(key) {
            return self.stale_button();
        }
        let text = key.to_string();
        self.conv.reminders.extra_days.remove(&text);
        self.conv.reminders.stopped.insert(text);
        self.say(
            Msg::new("reminder-stopped")
                .msg("what", deadline_name(key.kind))
                .date("date", key.date),
        );
        self.ask_unless_plan();
    }
}

/// The message for a refused trip, naming what is wrong with it.
fn trip_error_msg(e: &TripError) -> Msg {
    match *e {
        TripError::ExitBeforeEntry { trip } => {
            Msg::new("trip-err-exit-before-entry").date("date", trip.entry)
        }
        TripError::OverlapsTrip { other, .. } => Msg::new("trip-err-overlaps-trip")
            .date("from", other.entry)
            .date("to", other.exit),
        TripError::OverlapsStay { entry, .. } => {
            Msg::new("trip-err-overlaps-stay").date("date", entry)
        }
        TripError::OutOfReach {
            entry, window_days, ..
        } => Msg::new("trip-err-out-of-reach")
            .date("date", entry)
            .int("days", window_days),
    }
}

/// A count of days typed as digits, perhaps with a word after it ("12 days", "12 дней").
fn parse_day_count(text: &str) -> Option<i64> {
    let digits: String = text
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let rest = text.trim()[digits.len()..].trim();
    if digits.is_empty() || digits.len() > 4 || rest.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests;
