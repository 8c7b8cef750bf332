//! The pipeline every front end shares: load the user, run the engine, save before
//! anything is acknowledged, carry out the effects. Also owns the loaded data (country
//! table, rule catalogue, locales) so that the terminal and Telegram answer identically.
//!
//! Reminders: saving a changed profile (or changed reminder choices) re-plans the
//! user's reminders in the same store transaction, and wakes the delivery worker when a
//! nearer one was planned. The worker and the terminal take due reminders, one digest
//! per user per day, through the methods at the end, under the same per-user lock as `handle`.
//!
//! The rule catalogue can be replaced while the bot runs (SIGHUP, see `recheck`): the
//! app holds it behind a lock as an `Arc`, and each message takes the one in force when
//! it starts ([`App::catalogue`]), so a message is answered from one catalogue
//! throughout. A user saved for the first time is stamped with that catalogue's
//! version; later stamps are the re-assessment pass's (`recheck`), so that a user whose
//! reminders were re-planned for another reason still hears what the rules changed.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use chrono::{DateTime, NaiveDate, Utc};

use crate::clock::Clock;
use crate::config::Config;
use crate::countries::{Countries, CountriesError};
use crate::domain::Lang;
use crate::engine::{
    self, Command, Context, Conversation, Effect, Extras, HandoverMode, Input, Person, Reply,
};
use crate::i18n::{I18nError, Localizer};
use crate::reminders::digest::{self, Digest};
use crate::reminders::plan::{self as reminder_plan, local_date, Reminder};
use crate::reminders::{ics, view as reminder_view, Delivery, Wakeup};
use crate::retention;
use crate::rules::{self, Catalogue, CatalogueError};
use crate::store::{Loaded, Store, StoreError, UserRecord, UserReminders};
use crate::text::Msg;

/// Updates of one user are applied one at a time; users are spread over this many locks
/// so that different users proceed in parallel. A lock is held across the flush, so
/// two users sharing one wait for each other's disk: with a thousand users at once, 256
/// stripes made nearly every user share; 16,384 (128 KiB of locks) make it rare.
const USER_LOCK_STRIPES: usize = 16_384;

/// How stale `last_seen` may get before a message that changes nothing still writes
/// it: the retention sweep counts silence in days, and a reader who only asks for
/// `/plan` must not look silent, but a write per message is not needed for that.
const LAST_SEEN_GRAIN: chrono::Duration = chrono::Duration::hours(12);

/// Why the program could not start or a message could not be handled.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the country table is invalid")]
    Countries(#[from] CountriesError),
    #[error("the rule catalogue is invalid")]
    Catalogue(#[from] CatalogueError),
    #[error("the locales are invalid")]
    Locales(#[from] I18nError),
}

/// The data every part reads, loaded and validated once.
pub struct Data {
    pub countries: Arc<Countries>,
    /// The catalogue loaded at start. The one in force is [`App::catalogue`], which a
    /// reload (SIGHUP) replaces.
    pub catalogue: Arc<Catalogue>,
    pub localizer: Arc<Localizer>,
}

impl Data {
    /// Loads the embedded country table and locales, and the rule catalogue from
    /// `rules.path` or the embedded one.
    pub fn load(config: &Config) -> Result<Data, AppError> {
        let countries = Arc::new(Countries::embedded()?);
        let known = |code: &str| countries.contains(code);
        let catalogue = match &config.rules.path {
            Some(path) => Catalogue::load(path, &known)?,
            None => Catalogue::embedded(&known)?,
        };
        let localizer = Arc::new(Localizer::new(countries.clone())?);
        Ok(Data {
            countries,
            catalogue: Arc::new(catalogue),
            localizer,
        })
    }
}

/// The running program: configuration, clock, data and store.
pub struct App {
    pub config: Config,
    pub clock: Clock,
    pub data: Data,
    pub store: Store,
    /// Shared with the reminder worker: a re-plan wakes it when a nearer reminder is due.
    pub reminder_wakeup: Arc<Wakeup>,
    /// Shared with the notice sender (`notices`): the re-assessment wakes it when it
    /// queued a notice.
    pub notice_wakeup: Arc<Wakeup>,
    /// The rule catalogue in force; replaced whole by a reload.
    catalogue: RwLock<Arc<Catalogue>>,
    /// Whether the store keeps the text of the catalogue in force, which must hold
    /// before a user is stamped with its version (so a later change can be compared
    /// with it). Checked once per catalogue, at the first new user.
    catalogue_kept: AtomicBool,
    /// Wakes the relay loop (`telegram::handover`) when a relay was stored.
    pub relay_wakeup: Arc<tokio::sync::Notify>,
    /// Whether caseworkers answer from Telegram right now: set by the Telegram front end
    /// when `handover.operator_chat` is configured. The terminal never sets it, so there
    /// "Ask a person" shows the contacts (it has no caseworkers).
    caseworkers: AtomicBool,
    user_locks: Vec<Mutex<()>>,
}

/// What handling one input produced, ready to render in `lang`.
#[derive(Debug)]
pub struct Handled {
    pub lang: Lang,
    /// What to show. Front ends fold each acknowledgement into the question after it
    /// (`engine::reply::merge`) so that a turn is one chat message.
    pub replies: Vec<Reply>,
    /// The user's stored data, when they asked for it.
    pub export: Option<serde_json::Value>,
    /// The user's deadlines as an `.ics` file, when they asked for it (`/calendar`).
    pub calendar: Option<CalendarFile>,
}

/// A calendar file to send as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarFile {
    pub file_name: String,
    /// RFC 5545 text with CRLF line endings.
    pub content: String,
}

impl App {
    pub fn new(config: Config, clock: Clock, data: Data, store: Store) -> App {
        let catalogue = RwLock::new(data.catalogue.clone());
        App {
            config,
            clock,
            data,
            store,
            reminder_wakeup: Arc::new(Wakeup::default()),
            notice_wakeup: Arc::new(Wakeup::default()),
            catalogue,
            catalogue_kept: AtomicBool::new(false),
            relay_wakeup: Arc::new(tokio::sync::Notify::new()),
            caseworkers: AtomicBool::new(false),
            user_locks: (0..USER_LOCK_STRIPES).map(|_| Mutex::new(())).collect(),
        }
    }

    /// Opens everything the configuration names.
    pub fn open(config: Config, clock: Clock) -> Result<App, AppError> {
        let data = Data::load(&config)?;
        let store = Store::open(&config.storage.path)?;
        Ok(App::new(config, clock, data, store))
    }

    /// The rule catalogue in force now.
    pub fn catalogue(&self) -> Arc<Catalogue> {
        // A poisoned lock only means a reader panicked; the Arc inside is whole.
        self.catalogue
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Puts `catalogue` in force for every message from now on; returns the one it
    /// replaces.
    pub fn swap_catalogue(&self, catalogue: Arc<Catalogue>) -> Arc<Catalogue> {
        let mut slot = self.catalogue.write().unwrap_or_else(|p| p.into_inner());
        self.catalogue_kept.store(false, Ordering::SeqCst);
        std::mem::replace(&mut *slot, catalogue)
    }

    /// Makes sure the store keeps `catalogue`'s text before anyone is stamped with it.
    fn keep_catalogue(&self, catalogue: &Catalogue) -> Result<(), StoreError> {
        if self.catalogue_kept.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        let kept = self
            .store
            .remember_catalogue(catalogue.version(), catalogue.text());
        if kept.is_err() {
            self.catalogue_kept.store(false, Ordering::SeqCst);
        }
        kept
    }

    /// Reads and validates the catalogue `rules.path` names (or the embedded one)
    /// again. Nothing changes on an error (the caller logs why); `Ok(None)` when the
    /// file is the one in force.
    pub fn read_catalogue(&self) -> Result<Option<Arc<Catalogue>>, CatalogueError> {
        let known = |code: &str| self.data.countries.contains(code);
        let fresh = match &self.config.rules.path {
            Some(path) => Catalogue::load(path, &known)?,
            None => Catalogue::embedded(&known)?,
        };
        Ok((fresh.version() != self.catalogue().version()).then(|| Arc::new(fresh)))
    }

    /// Handles one input from one user: the new state is on disk before this returns
    /// the replies that acknowledge it. `lang_hint` is the language to start a new user
    /// in (from `--lang` or Telegram's `language_code`).
    pub fn handle(
        &self,
        user: u64,
        input: &Input,
        lang_hint: Option<Lang>,
    ) -> Result<Handled, AppError> {
        self.handle_update(user, None, input, lang_hint)
    }

    /// [`App::handle`] for a Telegram update, which may come twice: Telegram sends an
    /// update again when the bot did not confirm it, and the inbox hands over again an
    /// update a crash interrupted. The id of the last update applied is saved with the
    /// record, so one already applied is not applied again (the same date typed twice
    /// must not answer the next question too); the user is shown where they are, since
    /// the first answer may never have reached them.
    pub fn handle_update(
        &self,
        user: u64,
        update: Option<u32>,
        input: &Input,
        lang_hint: Option<Lang>,
    ) -> Result<Handled, AppError> {
        self.handle_update_from(user, update, input, lang_hint, None)
    }

    /// Caseworkers answer from Telegram from now on (see `caseworkers`).
    pub fn enable_caseworkers(&self) {
        self.caseworkers.store(true, Ordering::SeqCst);
    }

    /// [`App::handle_update`] knowing who the user is in Telegram (their name and
    /// username go into a case they hand to the caseworkers).
    pub fn handle_update_from(
        &self,
        user: u64,
        update: Option<u32>,
        input: &Input,
        lang_hint: Option<Lang>,
        person: Option<&Person>,
    ) -> Result<Handled, AppError> {
        let _one_at_a_time = self.lock(user);
        let now = self.clock.now();
        let default_lang = lang_hint.unwrap_or(self.config.i18n.default_language);
        let mut notices = Vec::new();
        let (record, existed) = match self.store.load(user, now)? {
            Loaded::Found(record) => (record, true),
            Loaded::New => {
                // Nothing is stored until a user's first answer (below). Telegram opens
                // every chat with /start, so anything else from a user with no record
                // comes after a greeting that was not stored: it is taken as said at the
                // first question, not greeted again.
                let conversation = Conversation {
                    started: !matches!(input, Input::Command(Command::Start)),
                    ..Conversation::new(default_lang)
                };
                (UserRecord::new(conversation, now), false)
            }
            Loaded::Unreadable(reason) => {
                tracing::warn!(user, ?reason, "user reset after an unreadable record");
                notices.push(Reply::text(Msg::new("store-reset-notice")));
                (UserRecord::new(Conversation::new(default_lang), now), false)
            }
        };
        let catalogue = self.catalogue();
        let ctx = Context {
            now,
            today: self.clock.today(),
            countries: &self.data.countries,
            catalogue: &catalogue,
        };
        let applied_before = matches!(
            (update, record.meta.last_update),
            (Some(id), Some(last)) if existed && id <= last
        );
        let where_they_are = Input::Command(Command::Plan);
        let input = if applied_before {
            tracing::info!(user, "update already applied; showing where the user is");
            &where_they_are
        } else {
            input
        };
        let extras = Extras {
            handover: if self.caseworkers.load(Ordering::SeqCst) {
                HandoverMode::Caseworkers
            } else {
                HandoverMode::Contacts(&self.config.handover.contacts)
            },
            person,
        };
        let mut outcome = engine::step_with(&record.conversation, input, &ctx, &extras);
        let case_effect = outcome.effects.iter().find_map(|e| match e {
            Effect::OpenCase { .. } | Effect::RelayToCase { .. } | Effect::CloseCase => {
                Some(e.clone())
            }
            _ => None,
        });
        let mut export = None;
        // A user who had blocked the bot and writes again gets their reminders back.
        let replan = record.meta.blocked
            || outcome
                .effects
                .iter()
                .any(|e| matches!(e, Effect::ProfileChanged | Effect::RemindersChanged));
        // A new user who has answered nothing yet (a `/start`, a question shown again)
        // is not stored: the next message starts them the same way from nothing, and a
        // wave of accounts that only press Start leaves no trace in the store.
        let untouched = Conversation {
            started: outcome.conversation.started,
            ..Conversation::new(outcome.conversation.lang)
        };
        // (A user whose record could not be read had one: they are stored again.)
        let was_new = !existed && notices.is_empty();
        let still_nothing_stored = was_new && !outcome.changed(&untouched) && !replan;
        if outcome.effects.contains(&Effect::DeleteUser) {
            self.store.delete(user)?;
            // A case of theirs leaves a notice in the caseworkers' chat.
            self.relay_wakeup.notify_one();
            tracing::info!(user, "user erased on request");
        } else if still_nothing_stored && case_effect.is_none() {
            tracing::debug!(user, "new user with no answers yet; nothing stored");
        } else if !existed
            || outcome.changed(&record.conversation)
            || replan
            || case_effect.is_some()
            || now - record.meta.last_seen >= LAST_SEEN_GRAIN
        {
            let mut saved = record.clone();
            saved.conversation = outcome.conversation.clone();
            saved.meta.last_seen = now;
            saved.meta.blocked = false;
            if !applied_before {
                saved.meta.last_update = update.or(saved.meta.last_update);
            }
            // New (or from before versions): made with the catalogue in force.
            if saved.meta.catalogue.is_none() {
                self.keep_catalogue(&catalogue)?;
                saved.meta.catalogue = Some(catalogue.version().to_string());
            }
            if let Some(effect) = &case_effect {
                // The case change and the record in one transaction, flushed before the
                // reply that confirms it.
                if !self.carry_out_case(user, &saved, effect, now)? {
                    // The store has no open case for the user (their record says so
                    // wrongly): the record is put right and the text stays here.
                    saved.conversation.handover = None;
                    outcome.conversation.handover = None;
                    self.store.save(user, &saved)?;
                    outcome.replies.retain(|r| r.msg.id != "handover-relayed");
                    outcome
                        .replies
                        .push(Reply::text(Msg::new("handover-closed")));
                }
            }
            if replan {
                let conv = &saved.conversation;
                let earliest = self
                    .store
                    .save_and_replan(user, &saved, ctx.today, &|state| {
                        self.plan_reminders(&catalogue, user, conv, state, now)
                    })?;
                self.reminder_wakeup.planned(earliest);
                // New answers make a new plan from the catalogue in force: a rule-change
                // notice still waiting would describe the old answers' plan.
                if outcome.effects.contains(&Effect::ProfileChanged)
                    && self.store.drop_pending_notice(user)?
                {
                    tracing::info!(user, "rule-change notice dropped: the answers changed");
                }
            } else if case_effect.is_none() {
                self.store.save(user, &saved)?;
            }
        }
        if outcome.effects.contains(&Effect::ExportData) {
            export = Some(self.store.export(user)?);
        }
        notices.extend(outcome.replies);
        if outcome.effects.contains(&Effect::ListReminders) {
            let pending = self.store.pending_reminders(user)?;
            notices.push(reminder_view::list_reply(
                &pending,
                self.config.reminders.timezone,
            ));
        }
        let calendar = outcome
            .effects
            .contains(&Effect::Calendar)
            .then(|| self.calendar(user, &outcome.conversation, now));
        Ok(Handled {
            lang: outcome.conversation.lang,
            replies: notices,
            export,
            calendar,
        })
    }

    /// Stores a case change of the engine's with the user's record (one transaction,
    /// flushed) and wakes the relay loop. `false` when the text was for a case the store
    /// does not have open.
    fn carry_out_case(
        &self,
        user: u64,
        saved: &crate::store::UserRecord,
        effect: &Effect,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let done = match effect {
            Effect::OpenCase { summary, question } => {
                let summary = self.render(self.config.handover.operator_language, summary);
                let case = self.store.open_case(user, saved, now, &summary, question)?;
                tracing::info!(user, case, "case opened");
                true
            }
            Effect::RelayToCase { .. } | Effect::CloseCase => {
                let case = match effect {
                    Effect::RelayToCase { text } => self.store.relay_to_case(user, saved, text)?,
                    _ => self.store.close_case_by_user(user, saved, now)?,
                };
                match case {
                    Some(case) if matches!(effect, Effect::CloseCase) => {
                        tracing::info!(user, case, "case closed by the user");
                    }
                    Some(case) => tracing::info!(user, case, "user text queued for the case"),
                    None => tracing::warn!(user, "no open case for the user's text"),
                }
                case.is_some() || matches!(effect, Effect::CloseCase)
            }
            _ => true,
        };
        self.relay_wakeup.notify_one();
        Ok(done)
    }

    /// Whether `user` has a stored record (answers given). An unreadable record counts:
    /// something is stored. A store error counts too, so the caller errs on the side of
    /// treating a person as a person.
    pub fn is_known(&self, user: u64) -> bool {
        self.store.has_record(user).unwrap_or(true)
    }

    /// The language of a stored user, if there is one to read.
    pub fn language_of(&self, user: u64) -> Option<Lang> {
        let record = self.store.peek(user).ok().flatten()?;
        Some(record.conversation.lang)
    }

    /// One user's updates are applied one at a time, by `handle`, the reminder
    /// worker, the re-assessment and the caseworkers' answers alike.
    pub(crate) fn lock(&self, user: u64) -> MutexGuard<'_, ()> {
        let stripe = usize::try_from(user % USER_LOCK_STRIPES as u64).unwrap_or(0);
        // A poisoned lock only means another handler panicked; the data is in the store.
        self.user_locks[stripe]
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// The reminders a conversation implies now under `catalogue`, minus those the
    /// sent log has.
    pub fn plan_reminders(
        &self,
        catalogue: &Catalogue,
        user: u64,
        conv: &Conversation,
        state: &UserReminders,
        now: DateTime<Utc>,
    ) -> Vec<Reminder> {
        if !engine::state::reminders_enabled(conv) {
            return Vec::new();
        }
        let plan = rules::assess(catalogue, &conv.profile, self.clock.today());
        reminder_plan::plan_reminders(
            user,
            &plan,
            &conv.reminders,
            catalogue,
            &self.config.reminders,
            now,
            &|id| state.logged(id),
        )
    }

    /// The user's deadlines still ahead (today included) as an `.ics` file in their
    /// language.
    fn calendar(&self, user: u64, conv: &Conversation, now: DateTime<Utc>) -> CalendarFile {
        let lang = conv.lang;
        let cfg = &self.config.reminders;
        let today = self.clock.today();
        let catalogue = self.catalogue();
        let plan = rules::assess(&catalogue, &conv.profile, today);
        let mut uids = std::collections::BTreeSet::new();
        let mut events = Vec::new();
        // Passed deadlines are history, not something to be alerted about.
        for deadline in plan.deadlines.iter().filter(|d| d.date >= today) {
            let key = engine::DeadlineKey::of(deadline);
            let step = reminder_plan::step_for(&plan, deadline);
            let link = reminder_plan::link_for(step, deadline, &catalogue);
            let texts = reminder_view::event_texts(
                key,
                &deadline.rule,
                step.map(|s| s.id.as_str()),
                link.as_deref(),
            );
            let alarm_text = self.render(lang, &texts.alarm);
            let mut alarms: Vec<ics::Alarm> = cfg
                .days_before
                .iter()
                .map(|k| i64::from(*k))
                .chain([reminder_plan::LAST_DAY])
                .map(|k| ics::Alarm {
                    trigger: ics::trigger(k, cfg.send_at),
                    description: alarm_text.clone(),
                })
                .collect();
            alarms.dedup();
            let mut uid = ics::uid(deadline.kind.code(), &deadline.rule, user);
            if !uids.insert(uid.clone()) {
                // Two deadlines of one kind and rule: tell them apart by date.
                uid = format!("{}-{uid}", deadline.date.format("%Y%m%d"));
                uids.insert(uid.clone());
            }
            events.push(ics::Event {
                uid,
                date: deadline.date,
                summary: self.render(lang, &texts.summary),
                description: self.render(lang, &texts.description),
                url: link,
                alarms,
            });
        }
        let calendar = ics::Calendar {
            name: self.render(lang, &reminder_view::calendar_name()),
            events,
        };
        CalendarFile {
            file_name: "jolserik-deadlines.ics".to_string(),
            content: ics::render(&calendar, now),
        }
    }

    // ---- reminder delivery (the worker and the terminal) ------------------------------

    /// Takes the user's reminder digest due at `now` out of the queue and marks it in
    /// flight: every reminder of theirs due today, one message (see
    /// `reminders::digest`). `None` when there is nothing to send.
    pub fn take_digest(&self, user: u64, now: DateTime<Utc>) -> Result<Option<Digest>, AppError> {
        let _one_at_a_time = self.lock(user);
        let window = digest::Window::at(&self.config.reminders, now);
        Ok(self
            .store
            .take_digest(user, &window)?
            .map(|taken| Digest::new(user, window.today, taken)))
    }

    /// The reminders of one user to show now, for the terminal, which has no worker:
    /// at most one digest, of what a crash left in flight and what is due, marked in
    /// flight. During the quiet hours only what was left in flight.
    pub fn take_due_reminders(&self, user: u64) -> Result<Vec<Digest>, AppError> {
        let now = self.clock.now();
        if reminder_plan::outside_quiet_hours(&self.config.reminders, now) <= now {
            if let Some(digest) = self.take_digest(user, now)? {
                return Ok(vec![digest]);
            }
        }
        let _one_at_a_time = self.lock(user);
        let left = self.store.in_flight(Some(user))?;
        let today = local_date(self.config.reminders.timezone, now);
        Ok(Digest::per_user(left, today))
    }

    /// What a digest says, in the user's current language, as sent now. `None` when
    /// the user is gone or has blocked the bot.
    pub fn reminder_message(&self, digest: &Digest) -> Result<Option<(Lang, Reply)>, AppError> {
        let now = self.clock.now();
        let loaded = {
            let _one_at_a_time = self.lock(digest.user);
            self.store.load(digest.user, now)?
        };
        Ok(match loaded {
            Loaded::Found(record) if !record.meta.blocked => {
                let today = local_date(self.config.reminders.timezone, now);
                Some((
                    record.conversation.lang,
                    reminder_view::digest_reply(digest, today),
                ))
            }
            _ => None,
        })
    }

    /// Records what became of an in-flight digest: all its reminders together.
    pub fn reminder_outcome(&self, digest: &Digest, outcome: Delivery) -> Result<(), AppError> {
        let _one_at_a_time = self.lock(digest.user);
        let now = self.clock.now();
        let reminders = &digest.reminders;
        match outcome {
            Delivery::Delivered => self.store.mark_delivered(reminders, now, digest.day)?,
            Delivery::Blocked => self.store.block_user(digest.user, now)?,
            Delivery::RetryAfter(_) => self.store.requeue(reminders)?,
            Delivery::Rejected(_) => self.store.mark_dropped(reminders, now)?,
        }
        Ok(())
    }

    /// Plans a user's reminders again from their stored record, as a change would:
    /// for a user whose queued reminders could not be read (damaged, or written by a
    /// newer version), so they do not wait for the user's next message. Nothing for a
    /// user without a readable record or who blocked the bot.
    pub fn replan(&self, user: u64) -> Result<(), AppError> {
        let _one_at_a_time = self.lock(user);
        let now = self.clock.now();
        let Loaded::Found(record) = self.store.load(user, now)? else {
            return Ok(());
        };
        if record.meta.blocked {
            return Ok(());
        }
        let conv = &record.conversation;
        let catalogue = self.catalogue();
        let earliest = self
            .store
            .save_and_replan(user, &record, self.clock.today(), &|state| {
                self.plan_reminders(&catalogue, user, conv, state, now)
            })?;
        self.reminder_wakeup.planned(earliest);
        tracing::info!(user, "reminders planned again after unreadable ones");
        Ok(())
    }

    // ---- privacy ------------------------------------------------------------------

    /// The retention sweep: erases every user whom `privacy.retention_days` of silence
    /// after their last message and last deadline have made stale (see `retention`).
    /// Each user is decided and erased under their lock, so a message arriving at the
    /// same moment is either applied first (and keeps them) or finds them gone.
    pub fn sweep_retention(&self) -> Result<SweepReport, AppError> {
        let started = std::time::Instant::now();
        let days = self.config.privacy.retention_days;
        let mut report = SweepReport::default();
        for user in self.store.known_users()? {
            let _one_at_a_time = self.lock(user);
            let now = self.clock.now();
            let loaded = self.store.load(user, now)?;
            let traces = self.store.traces(user)?;
            let (facts, record) = match loaded {
                Loaded::Found(record) => {
                    let last_deadline = self
                        .last_deadline(&record.conversation)
                        .max(traces.last_reminder_date);
                    let facts = record_facts(&record, last_deadline);
                    (facts, Some(record))
                }
                Loaded::New | Loaded::Unreadable(_) => {
                    let facts = retention::Facts {
                        last_seen: traces.quarantined,
                        blocked: false,
                        has_record: false,
                        last_deadline: traces.last_reminder_date,
                    };
                    (facts, None)
                }
            };
            match (retention::decide(&facts, now, days), record) {
                (retention::Verdict::Keep, _) => report.kept += 1,
                (retention::Verdict::Erase(why), _) => {
                    self.store.delete(user)?;
                    report.erased += 1;
                    tracing::info!(user, reason = why.label(), "erased by the retention sweep");
                }
                (retention::Verdict::StampLastSeen, Some(mut record)) => {
                    record.meta.last_seen = now;
                    self.store.save(user, &record)?;
                    report.kept += 1;
                }
                (retention::Verdict::StampLastSeen, None) => report.kept += 1,
            }
        }
        // Erased bytes stay in sled's files until they are rewritten; this sweep is
        // the daily point where they are (and the first after a start, in case a
        // crash came between an erasure and its compaction).
        report.compacted = self.store.compact_if_erased()?;
        tracing::info!(
            kept = report.kept,
            erased = report.erased,
            compacted = report.compacted,
            ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            "retention sweep done"
        );
        Ok(report)
    }

    /// The latest date among a conversation's deadlines and document end dates.
    pub fn last_deadline(&self, conv: &Conversation) -> Option<NaiveDate> {
        let plan = rules::assess(&self.catalogue(), &conv.profile, self.clock.today());
        latest_date(&plan, conv)
    }

    /// Renders a message in a language, as plain text.
    pub fn render(&self, lang: Lang, msg: &Msg) -> String {
        self.data.localizer.render(lang, msg)
    }

    /// Renders a reply: what it says first, then its message, a blank line apart.
    pub fn render_reply(
        &self,
        lang: Lang,
        reply: &Reply,
        escape: &dyn Fn(&str) -> String,
    ) -> String {
        reply
            .parts()
            .map(|m| self.data.localizer.render_escaped(lang, m, escape))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// What one retention sweep did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SweepReport {
    pub kept: u64,
    pub erased: u64,
    /// Whether the store's files were rewritten to drop erased bytes.
    pub compacted: bool,
}

/// The latest date among a plan's deadlines and the conversation's document end dates:
/// what the retention sweep and the re-assessment both count from.
pub fn latest_date(plan: &rules::Plan, conv: &Conversation) -> Option<NaiveDate> {
    plan.deadlines
        .iter()
        .map(|d| d.date)
        .chain(conv.profile.document_ends.values().copied())
        .max()
}

/// What the retention decision needs of a stored record, given its latest date.
pub fn record_facts(record: &UserRecord, last_deadline: Option<NaiveDate>) -> retention::Facts {
    let seen = record.meta.last_seen;
    retention::Facts {
        last_seen: (seen != DateTime::<Utc>::UNIX_EPOCH).then_some(seen),
        blocked: record.meta.blocked,
        has_record: true,
        last_deadline,
    }
}
