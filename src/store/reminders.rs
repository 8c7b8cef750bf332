//! The reminder queue and what becomes of a reminder once it leaves it. `reminders`
//! holds the pending ones by due time (the first key is the next due, so the worker
//! finds it without a scan); `reminder_users` holds each user's index: the ids of their
//! pending reminders with their due times (to find their keys), and the sent log (in
//! flight, delivered, superseded, dropped) that keeps a reminder from being planned
//! twice; `reminders_in_flight` holds what is being sent right now, which is sent again
//! after a crash. Every change of a reminder's state is one transaction over these
//! trees, and waits for the disk. Unreadable entries are removed as they are met and
//! their users handed back, to be planned again.

use chrono::{DateTime, NaiveDate, Utc};
use sled::transaction::{
    ConflictableTransactionError, TransactionalTree, UnabortableTransactionError,
};
use sled::Transactional;

use super::codec::{
    decode_index, decode_record, decode_reminder, due_key, encode_index, encode_record,
    encode_reminder, flight_key, flight_key_id, key_user, parse_due_key, sortable_ms,
};
use super::{
    io, tx, SentEntry, SentState, Store, StoreError, Trees, TxError, TxResult, UserReminders,
};
use crate::reminders::plan::{collapse, deadline_of_id, Reminder};

/// A value that could not be encoded, as the abort of a reminder transaction.
fn abort(e: serde_json::Error) -> ConflictableTransactionError<TxError> {
    ConflictableTransactionError::Abort(TxError::Encode(e))
}

impl Store {
    /// When the next reminder is due, from the first key alone.
    pub fn next_due(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.with(|t| {
            let first = t.reminders.first().map_err(io("read"))?;
            Ok(first
                .and_then(|(key, _)| parse_due_key(&key))
                .and_then(|(ms, _, _)| DateTime::from_timestamp_millis(ms)))
        })
    }

    /// Up to `limit` reminders due at or before `now`, earliest first. Entries that
    /// cannot be read (damaged, or written by a newer version) are removed, and their
    /// users are returned so that their reminders are planned again at once
    /// (`App::replan`) rather than at their next change.
    pub fn due_reminders_and_damaged(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<(Vec<Reminder>, Vec<u64>), StoreError> {
        let end = sortable_ms(now.timestamp_millis().saturating_add(1));
        self.with(|t| {
            let mut out = Vec::new();
            let mut unreadable = Vec::new();
            for item in t.reminders.range(..end.to_vec()) {
                if out.len() >= limit {
                    break;
                }
                let (key, bytes) = item.map_err(io("read"))?;
                match decode_reminder(&bytes) {
                    Some(r) => out.push(r),
                    None => unreadable.push(key),
                }
            }
            Ok((out, drop_damaged(t, unreadable)?))
        })
    }

    /// Up to `limit` reminders due at or before `now`, the most urgent first (the order
    /// of `reminders::plan::by_urgency`: the nearest deadline, then the earliest due,
    /// then the user). The worker sends in this order, so that in a morning rush of
    /// 100,000 reminders due at the same minute the last days go out first, not the
    /// lowest user ids. Urgency is read from the keys alone (the due time, the user and
    /// the deadline's date in the id), so a whole backlog is ranked without decoding a
    /// value; only the chosen are read. Entries that cannot be read are removed, and
    /// their users returned, as by [`Store::due_reminders_and_damaged`].
    pub fn most_urgent_due(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<(Vec<Reminder>, Vec<u64>), StoreError> {
        let end = sortable_ms(now.timestamp_millis().saturating_add(1));
        self.with(|t| {
            let mut ranked = Vec::new();
            let mut unreadable = Vec::new();
            for item in t.reminders.range(..end.to_vec()).keys() {
                let key = item.map_err(io("read"))?;
                match parse_due_key(&key) {
                    // An id without a deadline cannot be taken; it goes last rather than
                    // first, so that it never holds up the others.
                    Some((ms, user, id)) => {
                        let date = deadline_of_id(&id).map_or(NaiveDate::MAX, |d| d.date);
                        ranked.push(((date, ms, user), key));
                    }
                    None => unreadable.push(key),
                }
            }
            if ranked.len() > limit {
                ranked.select_nth_unstable(limit);
                ranked.truncate(limit);
            }
            ranked.sort_unstable();
            let mut out = Vec::with_capacity(ranked.len());
            for (_, key) in ranked {
                // Gone meanwhile (taken, re-planned): nothing to send.
                if let Some(bytes) = t.reminders.get(&key).map_err(io("read"))? {
                    match decode_reminder(&bytes) {
                        Some(r) => out.push(r),
                        None => unreadable.push(key),
                    }
                }
            }
            Ok((out, drop_damaged(t, unreadable)?))
        })
    }

    /// Up to `limit` reminders due at or before `now`, earliest first. Entries that
    /// cannot be read are removed (see [`Store::due_reminders_and_damaged`]).
    pub fn due_reminders(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<Reminder>, StoreError> {
        Ok(self.due_reminders_and_damaged(now, limit)?.0)
    }

    /// Takes a due reminder out of the queue to send it: of the user's pending
    /// reminders of the same deadline that are due by `now`, the most recent is marked in
    /// flight and returned, and the others are recorded as superseded (see
    /// `reminders::plan::collapse`; `today` is the local date). Returns `None` when
    /// there is nothing to send (it was re-planned, deleted, or its deadline passed).
    /// Waits for the disk, so an in-flight mark is never lost.
    pub fn take_due(
        &self,
        user: u64,
        id: &str,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Option<Reminder>, StoreError> {
        let now_ms = now.timestamp_millis();
        let Some(deadline) = deadline_of_id(id) else {
            return Ok(None);
        };
        self.with(|t| {
            let taken = tx(
                "take",
                (&t.reminders, &t.reminder_users, &t.in_flight).transaction(
                    |(due, index_tree, flight)| {
                        let Some(mut index) = read_index(index_tree, user)? else {
                            return Ok(None);
                        };
                        let Some(ms) = index.pending.get(id).copied() else {
                            return Ok(None);
                        };
                        if ms > now_ms {
                            return Ok(None);
                        }
                        let same: Vec<(String, i64)> = index
                            .pending
                            .iter()
                            .filter(|(other, other_ms)| {
                                **other_ms <= now_ms && deadline_of_id(other) == Some(deadline)
                            })
                            .map(|(other, other_ms)| (other.clone(), *other_ms))
                            .collect();
                        let mut group = Vec::new();
                        for (other, other_ms) in same {
                            let key = due_key(other_ms, user, &other);
                            let reminder = due.get(&key)?.and_then(|b| decode_reminder(&b));
                            due.remove(key)?;
                            index.pending.remove(&other);
                            match reminder {
                                Some(r) => group.push(r),
                                None => {
                                    index.sent.insert(
                                        other,
                                        SentEntry {
                                            state: SentState::Dropped,
                                            at: now,
                                            date: deadline.date,
                                        },
                                    );
                                }
                            }
                        }
                        let decision = collapse(&group, today);
                        for i in decision.skip {
                            if let Some(r) = group.get(i) {
                                index.sent.insert(
                                    r.id(),
                                    SentEntry {
                                        state: SentState::Superseded,
                                        at: now,
                                        date: r.date,
                                    },
                                );
                            }
                        }
                        let chosen = decision.send.and_then(|i| group.get(i)).cloned();
                        if let Some(r) = &chosen {
                            flight.insert(
                                flight_key(user, &r.id()),
                                encode_reminder(r).map_err(abort)?,
                            )?;
                            index.sent.insert(
                                r.id(),
                                SentEntry {
                                    state: SentState::InFlight,
                                    at: now,
                                    date: r.date,
                                },
                            );
                        }
                        write_index(index_tree, user, &index)?;
                        Ok(chosen)
                    },
                ),
            )?;
            self.sync_on(t)?;
            Ok(taken)
        })
    }

    /// Records that an in-flight reminder was delivered, and waits for the disk. Writes
    /// nothing for a user who was deleted meanwhile.
    pub fn mark_delivered(
        &self,
        reminder: &Reminder,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.finish_in_flight(reminder, now, SentState::Delivered)
    }

    /// Records that an in-flight reminder will not be sent (Telegram refused it).
    pub fn mark_dropped(&self, reminder: &Reminder, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.finish_in_flight(reminder, now, SentState::Dropped)
    }

    fn finish_in_flight(
        &self,
        reminder: &Reminder,
        now: DateTime<Utc>,
        state: SentState,
    ) -> Result<(), StoreError> {
        let user = reminder.user;
        let id = reminder.id();
        self.with(|t| {
            tx(
                "mark",
                (&t.reminder_users, &t.in_flight).transaction(|(index_tree, flight)| {
                    flight.remove(flight_key(user, &id))?;
                    if let Some(mut index) = read_index(index_tree, user)? {
                        index.sent.insert(
                            id.clone(),
                            SentEntry {
                                state,
                                at: now,
                                date: reminder.date,
                            },
                        );
                        write_index(index_tree, user, &index)?;
                    }
                    Ok(())
                }),
            )?;
            self.sync_on(t)
        })
    }

    /// Puts an in-flight reminder back in the queue with its due time (Telegram asked to
    /// retry later), so it keeps its place by urgency and is not lost.
    pub fn requeue(&self, reminder: &Reminder) -> Result<(), StoreError> {
        let user = reminder.user;
        let id = reminder.id();
        let ms = reminder.due.timestamp_millis();
        self.with(|t| {
            tx(
                "requeue",
                (&t.reminders, &t.reminder_users, &t.in_flight).transaction(
                    |(due, index_tree, flight)| {
                        flight.remove(flight_key(user, &id))?;
                        if let Some(mut index) = read_index(index_tree, user)? {
                            index.sent.remove(&id);
                            index.pending.insert(id.clone(), ms);
                            due.insert(
                                due_key(ms, user, &id),
                                encode_reminder(reminder).map_err(abort)?,
                            )?;
                            write_index(index_tree, user, &index)?;
                        }
                        Ok(())
                    },
                ),
            )?;
            self.sync_on(t)
        })
    }

    /// The user blocked the bot: their pending reminders are removed, in-flight ones
    /// dropped, and the record marked blocked. Writing to the bot again re-plans.
    pub fn block_user(&self, user: u64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.with(|t| {
            tx(
                "block",
                (&t.users, &t.reminders, &t.reminder_users, &t.in_flight).transaction(
                    |(users, due, index_tree, flight)| {
                        if let Some(mut index) = read_index(index_tree, user)? {
                            for (id, ms) in std::mem::take(&mut index.pending) {
                                due.remove(due_key(ms, user, &id))?;
                            }
                            for (id, entry) in index.sent.iter_mut() {
                                if entry.state == SentState::InFlight {
                                    flight.remove(flight_key(user, id))?;
                                    entry.state = SentState::Dropped;
                                    entry.at = now;
                                }
                            }
                            write_index(index_tree, user, &index)?;
                        }
                        if let Some(bytes) = users.get(&user.to_be_bytes()[..])? {
                            if let Ok(mut record) = decode_record(&bytes) {
                                record.meta.blocked = true;
                                let bytes = encode_record(&record).map_err(abort)?;
                                users.insert(&user.to_be_bytes()[..], bytes)?;
                            }
                        }
                        Ok(())
                    },
                ),
            )?;
            self.sync_on(t)
        })
    }

    /// Reminders left in flight (by a crash), of one user or of everyone: to be sent
    /// again. Unreadable entries are dropped (see [`Store::in_flight_and_damaged`]).
    pub fn in_flight(&self, user: Option<u64>) -> Result<Vec<Reminder>, StoreError> {
        Ok(self.in_flight_and_damaged(user)?.0)
    }

    /// [`Store::in_flight`], and the users whose in-flight entries could not be read
    /// (damaged, or written by a newer version). Those entries are removed, and their
    /// ids leave the sent log, so that a re-plan (`App::replan`) brings the reminder
    /// back instead of counting it as sent.
    pub fn in_flight_and_damaged(
        &self,
        user: Option<u64>,
    ) -> Result<(Vec<Reminder>, Vec<u64>), StoreError> {
        self.with(|t| {
            let iter = match user {
                Some(u) => t.in_flight.scan_prefix(u.to_be_bytes()),
                None => t.in_flight.iter(),
            };
            let mut out = Vec::new();
            let mut unreadable = Vec::new();
            for item in iter {
                let (key, bytes) = item.map_err(io("read"))?;
                match decode_reminder(&bytes) {
                    Some(r) => out.push(r),
                    None => unreadable.push(key),
                }
            }
            let mut damaged = Vec::new();
            for key in unreadable {
                let owner = key_user(&key);
                tracing::warn!(user = owner, "unreadable in-flight reminder removed");
                let id = flight_key_id(&key);
                tx(
                    "drop damaged",
                    (&t.in_flight, &t.reminder_users).transaction(|(flight, index_tree)| {
                        flight.remove(&key[..])?;
                        if let (Some(owner), Some(id)) = (owner, id) {
                            if let Some(mut index) = read_index(index_tree, owner)? {
                                index.sent.remove(id);
                                write_index(index_tree, owner, &index)?;
                            }
                        }
                        Ok(())
                    }),
                )?;
                if let Some(owner) = owner.filter(|o| !damaged.contains(o)) {
                    damaged.push(owner);
                }
            }
            Ok((out, damaged))
        })
    }

    /// A user's pending reminders, earliest first.
    pub fn pending_reminders(&self, user: u64) -> Result<Vec<Reminder>, StoreError> {
        self.with(|t| pending_in(t, user))
    }

    /// A user's reminder index and sent log (empty when there is none).
    pub fn reminder_state(&self, user: u64) -> Result<UserReminders, StoreError> {
        self.with(|t| reminder_state_in(t, user))
    }

    /// How many reminders are queued, for all users (0 while the store is unavailable).
    pub fn queued_reminders(&self) -> usize {
        self.with(|t| Ok(t.reminders.len())).unwrap_or(0)
    }
}

/// Removes unreadable entries of the reminder queue, keeping each user's index in step
/// (so that their next re-plan does not look for them); returns their users, whose
/// reminders are to be planned again.
fn drop_damaged(t: &Trees, unreadable: Vec<sled::IVec>) -> Result<Vec<u64>, StoreError> {
    let mut damaged = Vec::new();
    for key in unreadable {
        let user = parse_due_key(&key).map(|(_, user, _)| user);
        tracing::warn!(user, "unreadable reminder removed from the queue");
        if let Some((ms, user, id)) = parse_due_key(&key) {
            tx(
                "drop damaged",
                (&t.reminders, &t.reminder_users).transaction(|(due, index_tree)| {
                    due.remove(due_key(ms, user, &id))?;
                    if let Some(mut index) = read_index(index_tree, user)? {
                        index.pending.remove(&id);
                        write_index(index_tree, user, &index)?;
                    }
                    Ok(())
                }),
            )?;
            if !damaged.contains(&user) {
                damaged.push(user);
            }
        } else {
            t.reminders.remove(key).map_err(io("delete"))?;
        }
    }
    Ok(damaged)
}

/// A user's pending reminders that can be read, earliest first.
pub(super) fn pending_in(t: &Trees, user: u64) -> Result<Vec<Reminder>, StoreError> {
    let index = reminder_state_in(t, user)?;
    let mut out = Vec::new();
    for (id, ms) in &index.pending {
        if let Some(bytes) = t
            .reminders
            .get(due_key(*ms, user, id))
            .map_err(io("read"))?
        {
            if let Some(r) = decode_reminder(&bytes) {
                out.push(r);
            }
        }
    }
    out.sort_by_key(|r| (r.due, r.date));
    Ok(out)
}

/// A user's index outside a transaction; empty when there is none or it cannot be read.
pub(super) fn reminder_state_in(t: &Trees, user: u64) -> Result<UserReminders, StoreError> {
    Ok(t.reminder_users
        .get(user.to_be_bytes())
        .map_err(io("read"))?
        .and_then(|b| decode_index(&b))
        .unwrap_or_default())
}

/// The user's index inside a transaction. One that cannot be read counts as empty: the
/// worst case is a reminder sent twice, never a user locked out.
fn read_index(
    tree: &TransactionalTree,
    user: u64,
) -> Result<Option<UserReminders>, UnabortableTransactionError> {
    Ok(tree.get(&user.to_be_bytes()[..])?.map(|bytes| {
        decode_index(&bytes).unwrap_or_else(|| {
            tracing::warn!(user, "unreadable reminder index reset");
            UserReminders::default()
        })
    }))
}

/// Writes the index, or removes it when there is nothing left to remember.
fn write_index(tree: &TransactionalTree, user: u64, index: &UserReminders) -> TxResult<()> {
    if index.is_empty() {
        tree.remove(&user.to_be_bytes()[..])?;
        return Ok(());
    }
    let bytes = encode_index(index).map_err(abort)?;
    tree.insert(&user.to_be_bytes()[..], bytes)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fixtures::{at, day, plan_of, record, reminder};
    use crate::store::Loaded;

    #[test]
    fn taking_collapses_a_backlog_and_the_log_keeps_them_from_coming_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let all = vec![
            reminder(7, 7, "2026-11-22T05:00:00Z"),
            reminder(7, 3, "2026-11-26T05:00:00Z"),
            reminder(7, 1, "2026-11-28T05:00:00Z"),
            reminder(7, 0, "2026-11-29T05:00:00Z"),
        ];
        let today = day("2026-11-21");
        store
            .save_and_replan(7, &record(), today, &plan_of(all.clone()))
            .unwrap();
        let now = at("2026-11-28T05:05:00Z");
        // Asked for the oldest, given the most recent.
        let taken = store
            .take_due(7, "permit_end:2026-11-29:7", now, day("2026-11-28"))
            .unwrap()
            .unwrap();
        assert_eq!(taken.offset, 1);
        assert_eq!(store.in_flight(None).unwrap(), vec![taken.clone()]);
        // The others are gone from the queue.
        assert!(store
            .take_due(7, "permit_end:2026-11-29:3", now, day("2026-11-28"))
            .unwrap()
            .is_none());
        store.mark_delivered(&taken, now).unwrap();
        assert!(store.in_flight(None).unwrap().is_empty());
        let state = store.reminder_state(7).unwrap();
        assert_eq!(
            state.sent["permit_end:2026-11-29:1"].state,
            SentState::Delivered
        );
        assert_eq!(
            state.sent["permit_end:2026-11-29:7"].state,
            SentState::Superseded
        );
        // Re-planning the same reminders brings back only the one never sent.
        store
            .save_and_replan(7, &record(), today, &plan_of(all))
            .unwrap();
        let pending = store.pending_reminders(7).unwrap();
        assert_eq!(pending.iter().map(|r| r.offset).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn what_a_crash_leaves_in_flight_is_found_after_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let now = at("2026-11-22T05:00:00Z");
        {
            let store = Store::open(&path).unwrap();
            store
                .save_and_replan(
                    7,
                    &record(),
                    day("2026-11-21"),
                    &plan_of(vec![reminder(7, 7, "2026-11-22T05:00:00Z")]),
                )
                .unwrap();
            store
                .take_due(7, "permit_end:2026-11-29:7", now, day("2026-11-22"))
                .unwrap()
                .unwrap();
            // Dropped without marking it delivered: a crash after sending.
        }
        let store = Store::open(&path).unwrap();
        let left = store.in_flight(None).unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(store.in_flight(Some(7)).unwrap(), left);
        assert!(store.in_flight(Some(8)).unwrap().is_empty());
        store.mark_delivered(&left[0], now).unwrap();
        assert!(store.in_flight(None).unwrap().is_empty());
    }

    #[test]
    fn a_retry_puts_it_back_and_a_block_stops_everything() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let rs = vec![
            reminder(7, 7, "2026-11-22T05:00:00Z"),
            reminder(7, 0, "2026-11-29T05:00:00Z"),
        ];
        store
            .save_and_replan(7, &record(), day("2026-11-21"), &plan_of(rs))
            .unwrap();
        let now = at("2026-11-22T05:00:00Z");
        let taken = store
            .take_due(7, "permit_end:2026-11-29:7", now, day("2026-11-22"))
            .unwrap()
            .unwrap();
        store.requeue(&taken).unwrap();
        assert!(store.in_flight(None).unwrap().is_empty());
        assert_eq!(store.due_reminders(now, 10).unwrap(), vec![taken.clone()]);
        let taken = store
            .take_due(7, "permit_end:2026-11-29:7", now, day("2026-11-22"))
            .unwrap()
            .unwrap();
        store.block_user(7, now).unwrap();
        assert!(store.in_flight(None).unwrap().is_empty());
        assert!(store.pending_reminders(7).unwrap().is_empty());
        assert_eq!(store.queued_reminders(), 0);
        assert_eq!(
            store.reminder_state(7).unwrap().sent[&taken.id()].state,
            SentState::Dropped
        );
        let Loaded::Found(r) = store.load(7, now).unwrap() else {
            panic!("record gone")
        };
        assert!(r.meta.blocked);
    }
}
