//! The reminder queue and what becomes of a reminder once it leaves it: taken with the
//! user's other reminders of the day as one digest (`reminders::digest`), in flight
//! together, delivered, requeued or dropped together. `reminders`
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
use crate::reminders::digest::{choose, Window};
use crate::reminders::plan::{deadline_of_id, Reminder};

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

    /// Takes the user's digest out of the queue to send it (see `reminders::digest`):
    /// when one of their reminders is due by `window.now`, every one of theirs due by the
    /// end of the day, with whatever of theirs was left in flight, is decided together
    /// in one transaction: per deadline the most recent is marked in flight, the others
    /// superseded; after a digest delivered today, all but the last-day and day-after
    /// notices move to the next day's digest. Returns the reminders marked in flight,
    /// `None` when there is nothing to send (nothing due yet, re-planned, deleted, or
    /// deferred). Waits for the disk, so an in-flight mark is never lost.
    pub fn take_digest(
        &self,
        user: u64,
        window: &Window,
    ) -> Result<Option<Vec<Reminder>>, StoreError> {
        let now_ms = window.now.timestamp_millis();
        let end_ms = window.day_end.timestamp_millis();
        let next_ms = window.next_digest.timestamp_millis();
        let now = window.now;
        self.with(|t| {
            let taken = tx(
                "take",
                (&t.reminders, &t.reminder_users, &t.in_flight).transaction(
                    |(due, index_tree, flight)| {
                        let Some(mut index) = read_index(index_tree, user)? else {
                            return Ok(None);
                        };
                        if !index.pending.values().any(|ms| *ms <= now_ms) {
                            return Ok(None);
                        }
                        // What was left in flight joins the digest: it was never
                        // confirmed as sent.
                        let mut group = Vec::new();
                        let mut was_in_flight = Vec::new();
                        let flying: Vec<String> = index
                            .sent
                            .iter()
                            .filter(|(_, e)| e.state == SentState::InFlight)
                            .map(|(id, _)| id.clone())
                            .collect();
                        for id in flying {
                            if let Some(r) = flight
                                .get(flight_key(user, &id))?
                                .and_then(|b| decode_reminder(&b))
                            {
                                group.push(r);
                                was_in_flight.push(true);
                            }
                        }
                        let today_ids: Vec<(String, i64)> = index
                            .pending
                            .iter()
                            .filter(|(_, ms)| **ms <= end_ms)
                            .map(|(id, ms)| (id.clone(), *ms))
                            .collect();
                        for (id, ms) in today_ids {
                            let key = due_key(ms, user, &id);
                            let reminder = due.get(&key)?.and_then(|b| decode_reminder(&b));
                            due.remove(key)?;
                            index.pending.remove(&id);
                            match reminder {
                                Some(r) => {
                                    group.push(r);
                                    was_in_flight.push(false);
                                }
                                None => {
                                    let date = deadline_of_id(&id).map_or(window.today, |d| d.date);
                                    let entry = SentEntry {
                                        state: SentState::Dropped,
                                        at: now,
                                        date,
                                    };
                                    index.sent.insert(id, entry);
                                }
                            }
                        }
                        let delivered_today = index.digest_day == Some(window.today);
                        let taking = choose(&group, window.today, delivered_today);
                        for i in taking.superseded {
                            let r = &group[i];
                            if was_in_flight[i] {
                                flight.remove(flight_key(user, &r.id()))?;
                            }
                            let entry = SentEntry {
                                state: SentState::Superseded,
                                at: now,
                                date: r.date,
                            };
                            index.sent.insert(r.id(), entry);
                        }
                        for i in taking.deferred {
                            let r = Reminder {
                                due: window.next_digest,
                                ..group[i].clone()
                            };
                            if was_in_flight[i] {
                                flight.remove(flight_key(user, &r.id()))?;
                                index.sent.remove(&r.id());
                            }
                            due.insert(
                                due_key(next_ms, user, &r.id()),
                                encode_reminder(&r).map_err(abort)?,
                            )?;
                            index.pending.insert(r.id(), next_ms);
                        }
                        let mut chosen = Vec::with_capacity(taking.send.len());
                        for i in taking.send {
                            let r = &group[i];
                            flight.insert(
                                flight_key(user, &r.id()),
                                encode_reminder(r).map_err(abort)?,
                            )?;
                            let entry = SentEntry {
                                state: SentState::InFlight,
                                at: now,
                                date: r.date,
                            };
                            index.sent.insert(r.id(), entry);
                            chosen.push(r.clone());
                        }
                        write_index(index_tree, user, &index)?;
                        Ok((!chosen.is_empty()).then_some(chosen))
                    },
                ),
            )?;
            self.sync_on(t)?;
            Ok(taken)
        })
    }

    /// Records that a digest was delivered (each of its reminders, and `day` as the
    /// day of the user's digest), and waits for the disk. Writes nothing for a user who
    /// was deleted meanwhile.
    pub fn mark_delivered(
        &self,
        digest: &[Reminder],
        now: DateTime<Utc>,
        day: NaiveDate,
    ) -> Result<(), StoreError> {
        self.finish_in_flight(digest, now, SentState::Delivered, Some(day))
    }

    /// Records that the reminders of a digest will not be sent (Telegram refused it).
    pub fn mark_dropped(&self, digest: &[Reminder], now: DateTime<Utc>) -> Result<(), StoreError> {
        self.finish_in_flight(digest, now, SentState::Dropped, None)
    }

    fn finish_in_flight(
        &self,
        digest: &[Reminder],
        now: DateTime<Utc>,
        state: SentState,
        day: Option<NaiveDate>,
    ) -> Result<(), StoreError> {
        let Some(user) = digest.first().map(|r| r.user) else {
            return Ok(());
        };
        self.with(|t| {
            tx(
                "mark",
                (&t.reminder_users, &t.in_flight).transaction(|(index_tree, flight)| {
                    for r in digest {
                        flight.remove(flight_key(user, &r.id()))?;
                    }
                    if let Some(mut index) = read_index(index_tree, user)? {
                        for r in digest {
                            let entry = SentEntry {
                                state,
                                at: now,
                                date: r.date,
                            };
                            index.sent.insert(r.id(), entry);
                        }
                        if day.is_some() {
                            index.digest_day = day.max(index.digest_day);
                        }
                        write_index(index_tree, user, &index)?;
                    }
                    Ok(())
                }),
            )?;
            self.sync_on(t)
        })
    }

    /// Puts the reminders of an in-flight digest back in the queue with their due times
    /// (Telegram asked to retry later), so they keep their place by urgency and are not
    /// lost; the next take makes them one digest again.
    pub fn requeue(&self, digest: &[Reminder]) -> Result<(), StoreError> {
        let Some(user) = digest.first().map(|r| r.user) else {
            return Ok(());
        };
        self.with(|t| {
            tx(
                "requeue",
                (&t.reminders, &t.reminder_users, &t.in_flight).transaction(
                    |(due, index_tree, flight)| {
                        for r in digest {
                            flight.remove(flight_key(user, &r.id()))?;
                        }
                        if let Some(mut index) = read_index(index_tree, user)? {
                            for r in digest {
                                let (id, ms) = (r.id(), r.due.timestamp_millis());
                                index.sent.remove(&id);
                                index.pending.insert(id.clone(), ms);
                                due.insert(
                                    due_key(ms, user, &id),
                                    encode_reminder(r).map_err(abort)?,
                                )?;
                            }
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
    use crate::store::fixtures::{at, day, plan_of, record, reminder, window};
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
        let w = window(now);
        // One digest: of the deadline's reminders due by today, the most recent.
        let taken = store.take_digest(7, &w).unwrap().unwrap();
        assert_eq!(taken.iter().map(|r| r.offset).collect::<Vec<_>>(), [1]);
        assert_eq!(store.in_flight(None).unwrap(), taken);
        // Nothing else is due today.
        assert!(store.take_digest(7, &w).unwrap().is_none());
        store.mark_delivered(&taken, now, w.today).unwrap();
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
        assert_eq!(state.digest_day, Some(day("2026-11-28")));
        // Re-planning the same reminders brings back only the one never sent.
        store
            .save_and_replan(7, &record(), today, &plan_of(all))
            .unwrap();
        let pending = store.pending_reminders(7).unwrap();
        assert_eq!(pending.iter().map(|r| r.offset).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn after_the_days_digest_a_new_reminder_waits_for_tomorrow_but_a_last_day_goes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let morning = at("2026-11-28T05:00:00Z");
        let first = vec![reminder(7, 1, "2026-11-28T05:00:00Z")];
        store
            .save_and_replan(7, &record(), day("2026-11-28"), &plan_of(first.clone()))
            .unwrap();
        let taken = store.take_digest(7, &window(morning)).unwrap().unwrap();
        store
            .mark_delivered(&taken, morning, day("2026-11-28"))
            .unwrap();
        // At 15:00 the user's change plans another deadline: a 7-day reminder due at
        // once, and the last day of a third deadline.
        let afternoon = at("2026-11-28T10:00:00Z");
        let mut later = reminder(7, 7, "2026-11-28T10:00:00Z");
        later.kind = crate::rules::DeadlineKind::TrpEnd;
        later.date = day("2026-12-05");
        let mut last_day = reminder(7, 0, "2026-11-28T10:00:00Z");
        last_day.kind = crate::rules::DeadlineKind::VisaEnd;
        last_day.date = day("2026-11-28");
        let mut all = first;
        all.extend([later.clone(), last_day.clone()]);
        store
            .save_and_replan(7, &record(), day("2026-11-28"), &plan_of(all))
            .unwrap();
        let taken = store.take_digest(7, &window(afternoon)).unwrap().unwrap();
        assert_eq!(taken, [last_day], "the last day still goes on its day");
        let pending = store.pending_reminders(7).unwrap();
        let waiting = pending.iter().find(|r| r.kind == later.kind).unwrap();
        assert_eq!(waiting.due, at("2026-11-29T05:00:00Z"), "tomorrow's digest");
    }

    #[test]
    fn what_a_crash_leaves_in_flight_is_found_after_reopening_and_joins_the_next_digest() {
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
                    &plan_of(vec![
                        reminder(7, 7, "2026-11-22T05:00:00Z"),
                        reminder(7, 3, "2026-11-26T05:00:00Z"),
                    ]),
                )
                .unwrap();
            store.take_digest(7, &window(now)).unwrap().unwrap();
            // Dropped without marking it delivered: a crash after sending.
        }
        let store = Store::open(&path).unwrap();
        let left = store.in_flight(None).unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(store.in_flight(Some(7)).unwrap(), left);
        assert!(store.in_flight(Some(8)).unwrap().is_empty());
        // Still in flight days later, when the next is due: one digest, the most recent.
        let later = at("2026-11-26T05:00:00Z");
        let taken = store.take_digest(7, &window(later)).unwrap().unwrap();
        assert_eq!(taken.iter().map(|r| r.offset).collect::<Vec<_>>(), [3]);
        assert_eq!(store.in_flight(None).unwrap(), taken);
        store
            .mark_delivered(&taken, later, day("2026-11-26"))
            .unwrap();
        assert!(store.in_flight(None).unwrap().is_empty());
        assert_eq!(
            store.reminder_state(7).unwrap().sent["permit_end:2026-11-29:7"].state,
            SentState::Superseded
        );
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
        let taken = store.take_digest(7, &window(now)).unwrap().unwrap();
        store.requeue(&taken).unwrap();
        assert!(store.in_flight(None).unwrap().is_empty());
        assert_eq!(store.due_reminders(now, 10).unwrap(), taken);
        let taken = store.take_digest(7, &window(now)).unwrap().unwrap();
        store.block_user(7, now).unwrap();
        assert!(store.in_flight(None).unwrap().is_empty());
        assert!(store.pending_reminders(7).unwrap().is_empty());
        assert_eq!(store.queued_reminders(), 0);
        assert_eq!(
            store.reminder_state(7).unwrap().sent[&taken[0].id()].state,
            SentState::Dropped
        );
        let Loaded::Found(r) = store.load(7, now).unwrap() else {
            panic!("record gone")
        };
        assert!(r.meta.blocked);
    }
}
