//! Rules that stay current: when the rule catalogue changes, every user whose plan was
//! made with another version is re-assessed, and each one the change concerns gets one
//! notice with their own new dates. Above `app` (it drives it) and beside `worker`.
//!
//! The catalogue's version is the hash of its file (`Catalogue::version`); each user's
//! record carries the version their plan and reminders were made with, and the store
//! keeps every catalogue the bot has served with. So a user's old plan can be made
//! again, on today's date, from the old catalogue, and compared with the new one
//! (`rules::changes::compare`): only the last legal day, the deadlines, the longest stay,
//! the steps and their costs count. Nothing changed: the user is stamped with the new
//! version silently. Something changed: their reminders are re-planned and one notice
//! queued, in the same transaction as the stamp (`Store::recheck_batch`).
//!
//! The pass ([`run_pass`]) runs at the start of `serve` and after a reload (SIGHUP,
//! [`reload`]), on the blocking pool, in batches of [`BATCH`] users per transaction, so
//! live messages wait for at most one batch's transaction. It takes no user's lock for
//! a batch: a user whose record changed meanwhile is done again alone, under their lock.
//! The per-user version is the progress marker: a crash mid-pass leaves each user done
//! (stamped, notice queued) or not done, and the next start does the rest; nobody is
//! told twice. Users who blocked the bot are stamped without a notice; users past
//! retention are left to the sweep. Records from before versions (no stamp) are taken
//! as made with the catalogue in force at the first start that meets them: upgrade the
//! bot first, change the catalogue after.
//!
//! [`impact`] is the same judgement as a dry run over a store (`jolserik rules impact`):
//! nothing is written and nothing is sent.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::app::{latest_date, record_facts, App, AppError};
use crate::config::RemindersConfig;
use crate::engine::state::reminders_enabled;
use crate::reminders::plan::{local_instant, outside_quiet_hours};
use crate::retention;
use crate::rules::changes::{compare, Changes};
use crate::rules::{self, Catalogue, DeadlineKind};
use crate::store::{Notice, Recheck, RecheckOutcome, Store, StoreError, UserRecord};

/// Users per transaction: a transaction holds off every other store operation while
/// it runs, so a batch is kept to a few milliseconds of work.
pub const BATCH: usize = 200;

/// How often a user whose record kept changing under the pass is tried again before
/// the pass leaves them to the next start.
const RETRIES: usize = 3;

/// What the pass (or a dry run) decided for one user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Left alone: past retention (the sweep erases them).
    Skip,
    /// Stamped without a word; `replan` when their reminders are to be made again.
    Silent { replan: bool },
    /// Stamped, reminders re-planned, and told this.
    Tell(Changes),
}

/// What a pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassReport {
    /// Users stamped with the new version.
    pub reassessed: u64,
    /// Of them, users queued a notice.
    pub notified: u64,
    /// Users left alone (past retention, unreadable).
    pub skipped: u64,
    /// Whether the pass was cut short by a newer catalogue (its own pass goes on).
    pub superseded: bool,
}

/// Judges one user: their plan under `old` (the catalogue it was made with; `None`
/// when that one is not kept or no longer reads) against their plan under `new`, today.
pub fn judge(
    old: Option<&Catalogue>,
    new: &Catalogue,
    record: &UserRecord,
    today: NaiveDate,
    now: DateTime<Utc>,
    retention_days: u32,
) -> Verdict {
    let conv = &record.conversation;
    let complete = reminders_enabled(conv);
    let new_plan = rules::assess(new, &conv.profile, today);
    let facts = record_facts(record, latest_date(&new_plan, conv));
    if matches!(
        retention::decide(&facts, now, retention_days),
        retention::Verdict::Erase(_)
    ) {
        return Verdict::Skip;
    }
    // Blocked: their reminders are gone until they write again, which re-plans them.
    if record.meta.blocked || record.meta.catalogue.is_none() || !complete {
        return Verdict::Silent { replan: false };
    }
    let Some(old) = old else {
        return Verdict::Silent { replan: true };
    };
    let old_plan = rules::assess(old, &conv.profile, today);
    let has_stay_limit = old_plan
        .deadlines
        .iter()
        .chain(&new_plan.deadlines)
        .any(|d| d.kind == DeadlineKind::StayLimit);
    let stay = |c: &Catalogue| {
        conv.profile
            .citizenship
            .as_ref()
            .filter(|_| has_stay_limit)
            .and_then(|code| c.placement(code.as_str()).group.max_stay_days())
    };
    let changes = compare(&old_plan, &new_plan, (stay(old), stay(new)));
    if changes.is_empty() {
        // Nothing they would act on moved, so their reminders stay as they are: a
        // re-plan would drop what is overdue (a downtime's catch-up) and what waits for
        // tomorrow's digest, because planning skips reminders whose time has passed.
        Verdict::Silent { replan: false }
    } else {
        Verdict::Tell(changes)
    }
}

/// When a notice made now goes out: at today's reminder hour if that is still ahead,
/// else at once, and never in the quiet hours (the reminders' settings).
pub fn notice_due(cfg: &RemindersConfig, now: DateTime<Utc>, today: NaiveDate) -> DateTime<Utc> {
    let send_at: NaiveTime = cfg.send_at;
    let at = local_instant(cfg.timezone, today, send_at)
        .filter(|t| *t > now)
        .unwrap_or(now);
    outside_quiet_hours(cfg, at)
}

/// The old catalogues, read from the store and parsed once each per pass.
struct OldCatalogues<'a> {
    store: &'a Store,
    known: &'a dyn Fn(&str) -> bool,
    cache: RefCell<HashMap<String, Option<Arc<Catalogue>>>>,
}

impl OldCatalogues<'_> {
    fn get(&self, version: Option<&str>) -> Option<Arc<Catalogue>> {
        let version = version?;
        if let Some(hit) = self.cache.borrow().get(version) {
            return hit.clone();
        }
        let parsed = match self.store.catalogue_text(version) {
            Ok(Some(text)) => match Catalogue::from_toml_str(&text, self.known) {
                Ok(c) => Some(Arc::new(c)),
                Err(e) => {
                    tracing::warn!(version, error = %e, "an old catalogue no longer reads; its users are re-planned without a notice");
                    None
                }
            },
            Ok(None) => {
                tracing::warn!(
                    version,
                    "an old catalogue is not kept; its users are re-planned without a notice"
                );
                None
            }
            Err(e) => {
                tracing::warn!(version, error = %e, "could not read an old catalogue");
                None
            }
        };
        self.cache
            .borrow_mut()
            .insert(version.to_string(), parsed.clone());
        parsed
    }
}

/// Re-assesses every user whose plan was made with another catalogue than the one in
/// force, until none is left (see the module doc). Blocking: run it on the blocking
/// pool. Stops early, and says so, when a newer catalogue is put in force meanwhile.
pub fn run_pass(app: &App) -> Result<PassReport, AppError> {
    let catalogue = app.catalogue();
    let version = catalogue.version().to_string();
    app.store.remember_catalogue(&version, catalogue.text())?;
    let mut report = PassReport::default();
    if app.store.pass_done_for()?.as_deref() == Some(version.as_str()) {
        return Ok(report);
    }
    let started = std::time::Instant::now();
    let known = |code: &str| app.data.countries.contains(code);
    let old = OldCatalogues {
        store: &app.store,
        known: &known,
        cache: RefCell::new(HashMap::new()),
    };
    let mut left_alone = std::collections::BTreeSet::new();
    let mut unfinished = std::collections::BTreeSet::new();
    // Users saved meanwhile under the old catalogue are found by the next round.
    for _round in 0..4 {
        let users: Vec<u64> = app
            .store
            .users_not_on(&version)?
            .into_iter()
            .filter(|u| !left_alone.contains(u))
            .collect();
        if users.is_empty() {
            break;
        }
        for chunk in users.chunks(BATCH) {
            if app.catalogue().version() != version {
                report.superseded = true;
                return Ok(report);
            }
            let mut todo = chunk.to_vec();
            for attempt in 0..=RETRIES {
                if todo.is_empty() {
                    break;
                }
                // Retries go one user at a time under the user's lock, so a busy user
                // cannot keep changing under the pass.
                let batch = if attempt == 0 {
                    batch(app, &catalogue, &old, &todo)?
                } else {
                    let mut merged = crate::store::RecheckReport::default();
                    for &user in &todo {
                        let _one_at_a_time = app.lock(user);
                        let r = batch(app, &catalogue, &old, &[user])?;
                        merged.done.extend(r.done);
                        merged.retry.extend(r.retry);
                        merged.skipped.extend(r.skipped);
                        merged.earliest_reminder =
                            earliest(merged.earliest_reminder, r.earliest_reminder);
                        merged.earliest_notice =
                            earliest(merged.earliest_notice, r.earliest_notice);
                    }
                    merged
                };
                report.reassessed += batch.done.len() as u64;
                report.notified += batch.done.iter().filter(|(_, told)| *told).count() as u64;
                report.skipped += batch.skipped.len() as u64;
                left_alone.extend(batch.skipped.iter().copied());
                app.reminder_wakeup.planned(batch.earliest_reminder);
                app.notice_wakeup.planned(batch.earliest_notice);
                todo = batch.retry;
            }
            unfinished.extend(todo.iter().copied());
            left_alone.extend(todo);
        }
    }
    // The marker lets the next start skip the scan, so it is set only when nobody is left
    // but the users the pass leaves alone on purpose (past retention): a user who kept
    // changing under every retry, or one saved under the old catalogue after the last
    // round, is re-assessed at the next start.
    let pending = app
        .store
        .users_not_on(&version)?
        .into_iter()
        .any(|u| unfinished.contains(&u) || !left_alone.contains(&u));
    if pending {
        tracing::warn!(
            version = %version,
            "some users were not re-assessed; the next start does them"
        );
    } else {
        app.store.set_pass_done(&version)?;
    }
    tracing::info!(
        version = %version,
        label = catalogue.label().unwrap_or(""),
        reassessed = report.reassessed,
        notified = report.notified,
        skipped = report.skipped,
        ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        "re-assessment after a catalogue change done"
    );
    Ok(report)
}

/// The earlier of two optional instants.
fn earliest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// One batch of the pass.
fn batch(
    app: &App,
    catalogue: &Arc<Catalogue>,
    old: &OldCatalogues<'_>,
    users: &[u64],
) -> Result<crate::store::RecheckReport, StoreError> {
    let now = app.clock.now();
    let today = app.clock.today();
    let retention_days = app.config.privacy.retention_days;
    let due = notice_due(&app.config.reminders, now, today);
    let decide = |user: u64, record: &UserRecord| {
        let old = old.get(record.meta.catalogue.as_deref());
        match judge(
            old.as_deref(),
            catalogue,
            record,
            today,
            now,
            retention_days,
        ) {
            Verdict::Skip => RecheckOutcome::Skip,
            Verdict::Silent { replan } => RecheckOutcome::Stamp {
                replan,
                notice: None,
            },
            Verdict::Tell(changes) => {
                tracing::info!(user, changes = ?changes.labels(), "rule change: notice queued");
                RecheckOutcome::Stamp {
                    replan: true,
                    notice: Some(Notice {
                        user,
                        due,
                        changed_on: today,
                        version: catalogue.version().to_string(),
                        changes,
                    }),
                }
            }
        }
    };
    let plan = |user: u64, record: &UserRecord, state: &crate::store::UserReminders| {
        app.plan_reminders(catalogue, user, &record.conversation, state, now)
    };
    app.store.recheck_batch(
        users,
        &Recheck {
            version: catalogue.version(),
            today,
            decide: &decide,
            plan: &plan,
        },
    )
}

/// Reads the catalogue file again and, if it is valid and new, puts it in force and
/// re-assesses every user against it. An invalid file changes nothing: the catalogue in
/// force stays, and the error says why (the caller logs it). `Ok(None)` when the file
/// is the one in force.
pub fn reload(app: &App) -> Result<Option<PassReport>, AppError> {
    let Some(fresh) = app.read_catalogue()? else {
        return Ok(None);
    };
    let old = app.swap_catalogue(fresh.clone());
    tracing::info!(
        from = old.version(),
        to = fresh.version(),
        label = fresh.label().unwrap_or(""),
        changelog = fresh.changelog().unwrap_or(""),
        "rule catalogue reloaded"
    );
    run_pass(app).map(Some)
}

/// Runs the pass once at start, then again after each SIGHUP that brings a valid new
/// catalogue, until `shutdown`. `observe` hears each pass's report (the metrics).
pub async fn run(
    app: Arc<App>,
    observe: impl Fn(&PassReport) + Send + 'static,
    shutdown: impl Future<Output = ()>,
) {
    tokio::pin!(shutdown);
    let mut hup = reload_signal();
    let first = app.clone();
    match tokio::task::spawn_blocking(move || run_pass(&first)).await {
        Ok(Ok(report)) => observe(&report),
        Ok(Err(e)) => {
            tracing::error!(error = %chain(&e), "the re-assessment pass failed; it runs again at the next start")
        }
        Err(_) => tracing::error!("the re-assessment pass panicked"),
    }
    loop {
        tokio::select! {
            () = &mut shutdown => return,
            Some(()) = recv(&mut hup) => {
                let app = app.clone();
                match tokio::task::spawn_blocking(move || reload(&app)).await {
                    Ok(Ok(Some(report))) => observe(&report),
                    Ok(Ok(None)) => tracing::info!("SIGHUP: the rule catalogue is unchanged"),
                    Ok(Err(e)) => tracing::error!(error = %chain(&e), "SIGHUP: the rule catalogue was not reloaded; the one in force stays"),
                    Err(_) => tracing::error!("the reload panicked"),
                }
            }
        }
    }
}

/// An error with its causes, on one line: the operator reads why a file was refused.
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}

#[cfg(unix)]
type ReloadSignal = Option<tokio::signal::unix::Signal>;
#[cfg(not(unix))]
type ReloadSignal = Option<()>;

#[cfg(unix)]
fn reload_signal() -> ReloadSignal {
    use tokio::signal::unix::{signal, SignalKind};
    match signal(SignalKind::hangup()) {
        Ok(s) => Some(s),
        Err(e) => {
            tracing::warn!(error = %e, "cannot listen for SIGHUP; a new catalogue needs a restart");
            None
        }
    }
}

#[cfg(not(unix))]
fn reload_signal() -> ReloadSignal {
    None
}

/// The next SIGHUP; never resolves when there is no signal to wait for.
async fn recv(signal: &mut ReloadSignal) -> Option<()> {
    #[cfg(unix)]
    if let Some(s) = signal {
        return s.recv().await;
    }
    let _ = signal;
    std::future::pending().await
}

/// What a dry run found: how many users would be told, by what changes for them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Impact {
    pub users: u64,
    pub told: u64,
    pub silent: u64,
    pub skipped: u64,
    /// Change label (`Changes::labels`) → users told of it.
    pub by_change: BTreeMap<String, u64>,
}

/// The pass as a dry run: every readable user judged against `new`, from the
/// catalogue their plan was made with (`current` for a record from before versions, or
/// whose catalogue is not kept). Reads only.
pub fn impact(
    store: &Store,
    known: &dyn Fn(&str) -> bool,
    current: &Catalogue,
    new: &Catalogue,
    now: DateTime<Utc>,
    today: NaiveDate,
    retention_days: u32,
) -> Result<Impact, StoreError> {
    let old = OldCatalogues {
        store,
        known,
        cache: RefCell::new(HashMap::new()),
    };
    let mut out = Impact::default();
    for user in store.users_not_on(new.version())? {
        let Some(mut record) = store.peek(user)? else {
            continue;
        };
        out.users += 1;
        let theirs = old.get(record.meta.catalogue.as_deref());
        let from = theirs.as_deref().unwrap_or(current);
        if record.meta.catalogue.is_none() {
            // Stamped with the catalogue in force at the next start, then judged.
            record.meta.catalogue = Some(current.version().to_string());
        }
        match judge(Some(from), new, &record, today, now, retention_days) {
            Verdict::Skip => out.skipped += 1,
            Verdict::Silent { .. } => out.silent += 1,
            Verdict::Tell(changes) => {
                out.told += 1;
                for label in changes.labels() {
                    *out.by_change.entry(label).or_default() += 1;
                }
            }
        }
    }
    Ok(out)
}
