//! Saving a profile together with its re-planned reminders: one transaction over
//! `users`, `reminders` and `reminder_users`, so a record is never on disk with the
//! reminders of another. The plan is worked out outside the transaction, from the
//! user's index as it was read ([`prepare_replan`]), and applied in a transaction
//! shared by every re-plan waiting at that moment ([`ReplanBatch`]): sled runs each
//! transaction under a lock that stops every other operation, flushes included, so one
//! for many users costs little more than one for one. A plan made from an index that
//! changed meanwhile is made again in a transaction of its own.
//!
//! Also the re-assessment after a rule change ([`Store::recheck_batch`]): many users
//! in one transaction, each stamped with the new catalogue version, their reminders
//! re-planned and a notice queued where the caller found something to tell. It is
//! optimistic, like the batch above: everything is worked out from what was read, and
//! a user whose record or reminder index changed meanwhile (a live message) is left
//! untouched and handed back, to be done again. So the pass never holds a user's lock
//! for a whole batch, and a crash at any point leaves each user either done (stamped,
//! with their notice queued) or not done at all: never notified twice.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};
use sled::transaction::{
    ConflictableTransactionError, TransactionError, TransactionalTree, UnabortableTransactionError,
};
use sled::Transactional;

use super::codec::{decode_index, due_key, encode_index, encode_record, encode_reminder};
use super::notices::{self, Notice};
use super::{
    io, tx, SentState, Store, StoreError, Trees, TxError, TxResult, UserRecord, UserReminders,
};
use crate::reminders::plan::Reminder;

/// What the re-assessment decided for one user, from their record as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecheckOutcome {
    /// Leave the user as they are (past retention: the sweep erases them).
    Skip,
    /// Stamp the user with the new version; re-plan their reminders when `replan`, and
    /// queue `notice` when there is something to tell.
    Stamp {
        replan: bool,
        notice: Option<Notice>,
    },
}

/// How a re-assessment batch decides and plans (see [`Store::recheck_batch`]).
pub struct Recheck<'a> {
    /// The catalogue version every user done is stamped with.
    pub version: &'a str,
    pub today: NaiveDate,
    pub decide: &'a dyn Fn(u64, &UserRecord) -> RecheckOutcome,
    /// The user's reminders under the new catalogue, less the sent log.
    pub plan: &'a dyn Fn(u64, &UserRecord, &UserReminders) -> Vec<Reminder>,
}

/// What one batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecheckReport {
    /// Users stamped, and whether each was queued a notice.
    pub done: Vec<(u64, bool)>,
    /// Users whose record or index changed while the batch was worked out: not
    /// touched, to be done again.
    pub retry: Vec<u64>,
    /// Users left alone: no readable record, or `Skip`.
    pub skipped: Vec<u64>,
    /// The earliest reminder and notice planned, to wake their senders.
    pub earliest_reminder: Option<DateTime<Utc>>,
    pub earliest_notice: Option<DateTime<Utc>>,
}

/// One user's part of a batch, worked out before the transaction.
struct RecheckItem {
    user: u64,
    record_before: sled::IVec,
    record: Vec<u8>,
    index_before: Option<sled::IVec>,
    prepared: Option<Prepared>,
    notice: Option<Notice>,
}

impl Store {
    /// Re-assesses `users` in one transaction: for each, `decide` looks at the record
    /// as read; a user to stamp gets `version` in their record, their reminders
    /// re-planned from `plan` (when asked) and the notice queued (merged with one
    /// still pending), all or nothing, and waits for the disk. A user whose record or
    /// index changed between the read and the transaction is handed back in `retry`.
    pub fn recheck_batch(
        &self,
        users: &[u64],
        recheck: &Recheck<'_>,
    ) -> Result<RecheckReport, StoreError> {
        #[cfg(any(test, feature = "test-support"))]
        if self.recheck_crashed() {
            return Err(StoreError::Write(std::io::Error::other(
                "the process died here (injected by a test)",
            )));
        }
        self.with(|t| {
            let mut report = RecheckReport::default();
            let mut items = Vec::with_capacity(users.len());
            for &user in users {
                let key = user.to_be_bytes();
                let Some(before) = t.users.get(key).map_err(io("read"))? else {
                    report.skipped.push(user);
                    continue;
                };
                let Ok(mut record) = super::codec::decode_record(&before) else {
                    report.skipped.push(user);
                    continue;
                };
                let RecheckOutcome::Stamp { replan, notice } = (recheck.decide)(user, &record)
                else {
                    report.skipped.push(user);
                    continue;
                };
                record.meta.catalogue = Some(recheck.version.to_string());
                let index_before = t.reminder_users.get(key).map_err(io("read"))?;
                let prepared = if replan {
                    let planned = |state: &UserReminders| (recheck.plan)(user, &record, state);
                    Some(
                        prepare_replan(user, index_before.as_deref(), recheck.today, &planned)
                            .map_err(StoreError::Encode)?,
                    )
                } else {
                    None
                };
                items.push(RecheckItem {
                    user,
                    record_before: before,
                    record: encode_record(&record).map_err(StoreError::Encode)?,
                    index_before,
                    prepared,
                    notice,
                });
            }
            if items.is_empty() {
                return Ok(report);
            }
            let applied = tx(
                "re-assess",
                (
                    &t.users,
                    &t.reminders,
                    &t.reminder_users,
                    &t.notices,
                    &t.notices_due,
                )
                    .transaction(
                        |(users, due, index_tree, notice_tree, notice_due)| {
                            let mut applied = Vec::with_capacity(items.len());
                            for item in &items {
                                let key = item.user.to_be_bytes();
                                let same_record =
                                    users.get(&key[..])?.as_ref() == Some(&item.record_before);
                                let same_index = item.prepared.is_none()
                                    || index_tree.get(&key[..])? == item.index_before;
                                if !(same_record && same_index) {
                                    applied.push(false);
                                    continue;
                                }
                                match &item.prepared {
                                    Some(p) => apply_prepared(
                                        users,
                                        due,
                                        index_tree,
                                        item.user,
                                        &item.record,
                                        p,
                                    )?,
                                    None => {
                                        users.insert(&key[..], &item.record[..])?;
                                    }
                                }
                                if let Some(n) = &item.notice {
                                    notices::queue_in(notice_tree, notice_due, n)?;
                                }
                                applied.push(true);
                            }
                            Ok(applied)
                        },
                    ),
            )?;
            self.sync_on(t)?;
            for (item, ok) in items.iter().zip(applied) {
                if !ok {
                    report.retry.push(item.user);
                    continue;
                }
                report.done.push((item.user, item.notice.is_some()));
                let planned = item.prepared.as_ref().and_then(|p| p.earliest);
                report.earliest_reminder = min_some(report.earliest_reminder, planned);
                let notice = item.notice.as_ref().map(|n| n.due);
                report.earliest_notice = min_some(report.earliest_notice, notice);
            }
            Ok(report)
        })
    }
}

fn min_some(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

impl Store {
    /// Saves a user's record and replaces their pending reminders with the ones `plan`
    /// makes, in one transaction, and returns once both are on disk. `plan` sees the
    /// user's reminder state (the sent log, so nothing delivered is planned again) and
    /// may run more than once if the transaction is retried. The sent log forgets
    /// deadlines more than a day past `today`, which no plan can bring back. Returns the
    /// earliest new due time, to wake the worker if it is nearer than what it waits for.
    ///
    /// A user with no reminder state for whom `plan` makes nothing (every answer before
    /// the dialogue is complete) is saved with a plain write: the transaction would
    /// change nothing else, and sled runs every transaction under a lock that excludes
    /// all other operations, flushes included, which at many users at once is the
    /// bottleneck. This relies on what the app guarantees: only the holder of the user's
    /// lock gives a user reminder state.
    pub fn save_and_replan(
        &self,
        user: u64,
        record: &UserRecord,
        today: NaiveDate,
        plan: &dyn Fn(&UserReminders) -> Vec<Reminder>,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        let record_bytes = encode_record(record).map_err(StoreError::Encode)?;
        self.with(|t| {
            // The plan is made outside the transaction, from the index as it is now, and
            // applied in a transaction shared with the other re-plans waiting. If the
            // index changed meanwhile, the plan is made again inside a transaction of
            // its own, below.
            let before = t
                .reminder_users
                .get(user.to_be_bytes())
                .map_err(io("read"))?;
            let prepared =
                prepare_replan(user, before.as_deref(), today, plan).map_err(StoreError::Encode)?;
            if before.is_none() && prepared.inserts.is_empty() {
                t.users
                    .insert(user.to_be_bytes(), record_bytes)
                    .map_err(io("write"))?;
                self.sync_on(t)?;
                return Ok(None);
            }
            let earliest = prepared.earliest;
            let replan = Replan {
                user,
                record: record_bytes.clone(),
                before,
                prepared,
            };
            if self.replans.submit(t, replan).map_err(io("re-plan"))? {
                self.sync_on(t)?;
                return Ok(earliest);
            }
            let earliest = tx(
                "re-plan",
                (&t.users, &t.reminders, &t.reminder_users).transaction(
                    |(users, due, index_tree)| {
                        let before = index_tree.get(&user.to_be_bytes()[..])?;
                        let prepared = prepare_replan(user, before.as_deref(), today, plan)
                            .map_err(|e| ConflictableTransactionError::Abort(TxError::Encode(e)))?;
                        apply_prepared(users, due, index_tree, user, &record_bytes, &prepared)?;
                        Ok(prepared.earliest)
                    },
                ),
            )?;
            self.sync_on(t)?;
            Ok(earliest)
        })
    }
}

/// A re-plan worked out from a user's index as it was read: what to write.
struct Prepared {
    /// Queue keys of the reminders pending before.
    removes: Vec<Vec<u8>>,
    /// Queue keys and values of the new reminders.
    inserts: Vec<(Vec<u8>, Vec<u8>)>,
    /// The new index; `None` to remove it (nothing left to remember).
    index: Option<Vec<u8>>,
    earliest: Option<DateTime<Utc>>,
}

/// What the transaction in [`Store::save_and_replan`] writes, worked out beforehand
/// from the index bytes `before`.
fn prepare_replan(
    user: u64,
    before: Option<&[u8]>,
    today: NaiveDate,
    plan: &dyn Fn(&UserReminders) -> Vec<Reminder>,
) -> Result<Prepared, serde_json::Error> {
    // As `read_index` (reminders.rs): an index that cannot be read counts as empty.
    let mut index = before
        .map(|bytes| {
            decode_index(bytes).unwrap_or_else(|| {
                tracing::warn!(user, "unreadable reminder index reset");
                UserReminders::default()
            })
        })
        .unwrap_or_default();
    let removes = std::mem::take(&mut index.pending)
        .into_iter()
        .map(|(id, ms)| due_key(ms, user, &id))
        .collect();
    index.sent.retain(|_, e| {
        e.state == SentState::InFlight || e.date.succ_opt().is_none_or(|after| after >= today)
    });
    let planned = plan(&index);
    let mut inserts = Vec::with_capacity(planned.len());
    for r in &planned {
        let id = r.id();
        let ms = r.due.timestamp_millis();
        inserts.push((due_key(ms, user, &id), encode_reminder(r)?));
        index.pending.insert(id, ms);
    }
    let index = if index.is_empty() {
        None
    } else {
        Some(encode_index(&index)?)
    };
    Ok(Prepared {
        removes,
        inserts,
        index,
        earliest: planned.iter().map(|r| r.due).min(),
    })
}

/// One user's re-plan, waiting for a shared transaction.
struct Replan {
    user: u64,
    record: Vec<u8>,
    /// The index the plan was made from; applied only if it is still there.
    before: Option<sled::IVec>,
    prepared: Prepared,
}

/// Re-plans of many users in one transaction. The first writer to find none running
/// leads: it takes every re-plan queued at that moment, applies them in one
/// transaction, wakes their writers and hands the lead to the first one queued since.
/// Each leader serves one batch (its own among them), so nobody waits for more than
/// two transactions.
#[derive(Default)]
pub(super) struct ReplanBatch {
    state: Mutex<BatchState>,
}

#[derive(Default)]
struct BatchState {
    queue: Vec<Arc<Waiting>>,
    /// A leader is applying a batch, or has been chosen to.
    running: bool,
}

/// A queued re-plan and its writer.
struct Waiting {
    replan: Replan,
    thread: std::thread::Thread,
    /// Whether it was applied (`false`: the index had changed), once decided.
    outcome: Mutex<Option<Result<bool, sled::Error>>>,
    /// Set when this writer is to lead the next batch.
    lead: AtomicBool,
}

impl ReplanBatch {
    fn lock(&self) -> std::sync::MutexGuard<'_, BatchState> {
        // A poisoned lock only means another writer panicked; the queue stays valid.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Applies `replan` in a transaction shared with the re-plans queued with it;
    /// `Ok(false)` when the user's index was no longer the one the plan was made from.
    fn submit(&self, t: &Trees, replan: Replan) -> Result<bool, sled::Error> {
        let me = Arc::new(Waiting {
            replan,
            thread: std::thread::current(),
            outcome: Mutex::new(None),
            lead: AtomicBool::new(false),
        });
        let outcome = |w: &Waiting| w.outcome.lock().unwrap_or_else(|p| p.into_inner()).take();
        {
            let mut state = self.lock();
            state.queue.push(me.clone());
            if state.running {
                drop(state);
                loop {
                    if let Some(done) = outcome(&me) {
                        return done;
                    }
                    if me.lead.load(Ordering::SeqCst) {
                        break;
                    }
                    // An unpark before this park is not lost: it returns at once.
                    std::thread::park();
                }
            } else {
                state.running = true;
            }
        }
        // Leading: the queue holds this writer's re-plan and any queued since.
        let batch = std::mem::take(&mut self.lock().queue);
        // A panic here would leave every writer in the batch parked for ever; it is
        // turned into an error they all receive.
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| apply_replans(t, &batch)))
                .unwrap_or_else(|_| {
                    Err(sled::Error::ReportableBug("re-plan batch panicked".into()))
                });
        for (i, w) in batch.iter().enumerate() {
            let done = match &result {
                Ok(applied) => Ok(applied.get(i).copied().unwrap_or(false)),
                Err(e) => Err(e.clone()),
            };
            *w.outcome.lock().unwrap_or_else(|p| p.into_inner()) = Some(done);
            if !Arc::ptr_eq(w, &me) {
                w.thread.unpark();
            }
        }
        {
            let mut state = self.lock();
            match state.queue.first() {
                Some(next) => {
                    next.lead.store(true, Ordering::SeqCst);
                    next.thread.unpark();
                }
                None => state.running = false,
            }
        }
        outcome(&me).unwrap_or(Ok(false))
    }
}

/// One transaction for a batch of re-plans: each is applied if the user's index is
/// still the one it was made from. Returns which were.
fn apply_replans(t: &Trees, batch: &[Arc<Waiting>]) -> Result<Vec<bool>, sled::Error> {
    let result = (&t.users, &t.reminders, &t.reminder_users).transaction(
        |(users, due, index_tree)| -> TxResult<Vec<bool>> {
            let mut applied = Vec::with_capacity(batch.len());
            for w in batch {
                let r = &w.replan;
                let key = r.user.to_be_bytes();
                if index_tree.get(&key[..])? != r.before {
                    applied.push(false);
                    continue;
                }
                apply_prepared(users, due, index_tree, r.user, &r.record, &r.prepared)?;
                applied.push(true);
            }
            Ok(applied)
        },
    );
    result.map_err(|e| match e {
        TransactionError::Storage(e) => e,
        TransactionError::Abort(TxError::Encode(e)) => {
            sled::Error::ReportableBug(format!("re-plan batch: {e}"))
        }
    })
}

/// Writes a prepared re-plan of `user`: the queue changes, the record and the index.
fn apply_prepared(
    users: &TransactionalTree,
    due: &TransactionalTree,
    index_tree: &TransactionalTree,
    user: u64,
    record: &[u8],
    prepared: &Prepared,
) -> Result<(), UnabortableTransactionError> {
    let key = user.to_be_bytes();
    for k in &prepared.removes {
        due.remove(&k[..])?;
    }
    for (k, v) in &prepared.inserts {
        due.insert(&k[..], &v[..])?;
    }
    users.insert(&key[..], record)?;
    match &prepared.index {
        Some(bytes) => index_tree.insert(&key[..], &bytes[..])?,
        None => index_tree.remove(&key[..])?,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fixtures::{at, day, now, plan_of, record, reminder};
    use crate::store::Loaded;

    #[test]
    fn replanning_replaces_the_pending_reminders_with_the_record() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let today = day("2026-11-21");
        let first = vec![
            reminder(7, 7, "2026-11-22T05:00:00Z"),
            reminder(7, 3, "2026-11-26T05:00:00Z"),
        ];
        let earliest = store
            .save_and_replan(7, &record(), today, &plan_of(first))
            .unwrap();
        assert_eq!(earliest, Some(at("2026-11-22T05:00:00Z")));
        assert!(matches!(store.load(7, now()).unwrap(), Loaded::Found(_)));
        assert_eq!(store.next_due().unwrap(), Some(at("2026-11-22T05:00:00Z")));
        assert_eq!(store.pending_reminders(7).unwrap().len(), 2);
        // A re-plan removes what is no longer planned.
        let second = vec![reminder(7, 1, "2026-11-28T05:00:00Z")];
        store
            .save_and_replan(7, &record(), today, &plan_of(second))
            .unwrap();
        let pending = store.pending_reminders(7).unwrap();
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].offset, 1);
        assert_eq!(store.queued_reminders(), 1);
        assert_eq!(store.next_due().unwrap(), Some(at("2026-11-28T05:00:00Z")));
        assert!(store
            .due_reminders(at("2026-11-28T04:59:59Z"), 10)
            .unwrap()
            .is_empty());
        assert_eq!(
            store
                .due_reminders(at("2026-11-28T05:00:00Z"), 10)
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn replans_of_many_users_at_once_all_land_with_their_records() {
        let dir = tempfile::tempdir().unwrap();
        let store = std::sync::Arc::new(Store::open(&dir.path().join("db")).unwrap());
        let today = day("2026-11-21");
        let threads: Vec<_> = (0..16u64)
            .map(|t| {
                let store = store.clone();
                std::thread::spawn(move || {
                    for user in (t * 10)..(t * 10 + 10) {
                        let planned = vec![
                            reminder(user, 7, "2026-11-22T05:00:00Z"),
                            reminder(user, 3, "2026-11-26T05:00:00Z"),
                        ];
                        let earliest = store
                            .save_and_replan(user, &record(), today, &plan_of(planned))
                            .unwrap();
                        assert_eq!(earliest, Some(at("2026-11-22T05:00:00Z")));
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(store.queued_reminders(), 320);
        for user in 0..160 {
            assert!(matches!(store.load(user, now()).unwrap(), Loaded::Found(_)));
            assert_eq!(store.pending_reminders(user).unwrap().len(), 2);
        }
    }

    #[test]
    fn a_replan_made_from_an_index_that_changed_is_not_applied() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let today = day("2026-11-21");
        store
            .save_and_replan(
                7,
                &record(),
                today,
                &plan_of(vec![reminder(7, 7, "2026-11-22T05:00:00Z")]),
            )
            .unwrap();
        // Made from "no index", but there is one now.
        let stale = Replan {
            user: 7,
            record: encode_record(&record()).unwrap(),
            before: None,
            prepared: prepare_replan(7, None, today, &plan_of(vec![])).unwrap(),
        };
        let applied = store
            .with(|t| store.replans.submit(t, stale).map_err(io("re-plan")))
            .unwrap();
        assert!(!applied);
        assert_eq!(store.pending_reminders(7).unwrap().len(), 1);
        // Through the public call, the plan is made again and lands.
        store
            .save_and_replan(7, &record(), today, &plan_of(vec![]))
            .unwrap();
        assert!(store.pending_reminders(7).unwrap().is_empty());
        assert_eq!(store.queued_reminders(), 0);
    }

    #[test]
    fn a_prepared_replan_forgets_only_deadlines_more_than_a_day_past() {
        let mut index = UserReminders::default();
        let entry = |state, date| crate::store::SentEntry {
            state,
            at: now(),
            date: day(date),
        };
        index
            .sent
            .insert("old".into(), entry(SentState::Delivered, "2026-11-19"));
        index.sent.insert(
            "yesterday".into(),
            entry(SentState::Delivered, "2026-11-20"),
        );
        index
            .sent
            .insert("stuck".into(), entry(SentState::InFlight, "2026-11-01"));
        index.pending.insert("gone".into(), 5);
        let bytes = encode_index(&index).unwrap();
        let seen = std::cell::RefCell::new(Vec::new());
        let plan = |state: &UserReminders| {
            seen.borrow_mut().extend(state.sent.keys().cloned());
            assert!(state.pending.is_empty());
            vec![reminder(7, 3, "2026-11-26T05:00:00Z")]
        };
        let prepared = prepare_replan(7, Some(&bytes), day("2026-11-21"), &plan).unwrap();
        assert_eq!(*seen.borrow(), ["stuck", "yesterday"]);
        assert_eq!(prepared.removes, [due_key(5, 7, "gone")]);
        assert_eq!(prepared.inserts.len(), 1);
        assert_eq!(prepared.earliest, Some(at("2026-11-26T05:00:00Z")));
        let written = decode_index(prepared.index.as_deref().unwrap()).unwrap();
        assert_eq!(written.pending.len(), 1);
        assert!(!written.logged("old"));
    }
}
