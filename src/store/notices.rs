//! The queue of rule-change notices, kept like the reminder queue so that a notice
//! survives restarts and is sent once: `notices` holds each user's pending notice (at
//! most one: a second change before it went out is merged into it, see
//! `rules::changes::Changes::then`), `notices_due` orders them by due time (the first
//! key is the next due), and `notices_in_flight` holds the one being sent, which is sent
//! again after a crash and nothing else. A notice is queued in the transaction that
//! re-plans the user's reminders (`replan.rs`); each step after that is one transaction
//! here, and waits for the disk.
//!
//! The notice is stored as data (what changed, when), not as text: it is rendered in
//! the user's language when it is sent.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sled::transaction::{TransactionalTree, UnabortableTransactionError};
use sled::Transactional;

use super::codec::{due_key, parse_due_key, sortable_ms};
use super::{io, tx, Store, StoreError, TxError, TxResult};
use crate::rules::changes::Changes;

/// The version of the notice encoding (`v`).
const NOTICE_VERSION: u64 = 1;

/// A rule-change notice waiting for, or on, its way to one user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub user: u64,
    pub due: DateTime<Utc>,
    /// The day the (latest) change reached the bot: "The rules changed on …".
    pub changed_on: NaiveDate,
    /// The catalogue version the notice brings the user up to.
    pub version: String,
    pub changes: Changes,
}

impl Notice {
    /// This pending notice followed by a newer one for the same user: one notice from
    /// what the user was last told to the newest, due at the earlier time. `None` when
    /// the second change undid the first.
    pub fn then(self, later: Notice) -> Option<Notice> {
        let changes = self.changes.then(later.changes);
        (!changes.is_empty()).then(|| Notice {
            user: later.user,
            due: self.due.min(later.due),
            changed_on: later.changed_on,
            version: later.version,
            changes,
        })
    }
}

#[derive(Serialize)]
struct Out<'a> {
    v: u64,
    #[serde(flatten)]
    notice: &'a Notice,
}

#[derive(Deserialize)]
struct In {
    v: u64,
    #[serde(flatten)]
    notice: Notice,
}

pub(super) fn encode(notice: &Notice) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec(&Out {
        v: NOTICE_VERSION,
        notice,
    })
}

/// A notice of a version we know; `None` for anything else (it is dropped, and the
/// user's plan shows the new dates anyway).
pub(super) fn decode(bytes: &[u8]) -> Option<Notice> {
    match serde_json::from_slice::<In>(bytes) {
        Ok(In {
            v: NOTICE_VERSION,
            notice,
        }) => Some(notice),
        _ => None,
    }
}

fn due_of(notice: &Notice) -> Vec<u8> {
    due_key(notice.due.timestamp_millis(), notice.user, "")
}

fn abort(e: serde_json::Error) -> sled::transaction::ConflictableTransactionError<TxError> {
    sled::transaction::ConflictableTransactionError::Abort(TxError::Encode(e))
}

/// Queues `notice` inside a transaction over `notices` and `notices_due`, merged with
/// the user's pending one if there is one.
pub(super) fn queue_in(
    notices: &TransactionalTree,
    due: &TransactionalTree,
    notice: &Notice,
) -> TxResult<()> {
    let key = notice.user.to_be_bytes();
    let merged = match notices.get(&key[..])?.and_then(|b| decode(&b)) {
        Some(pending) => {
            due.remove(due_of(&pending))?;
            pending.then(notice.clone())
        }
        None => Some(notice.clone()),
    };
    match merged {
        Some(n) => {
            notices.insert(&key[..], encode(&n).map_err(abort)?)?;
            due.insert(due_of(&n), &[][..])?;
        }
        None => {
            notices.remove(&key[..])?;
        }
    }
    Ok(())
}

/// Removes a user's pending and in-flight notices (erasure, a block).
pub(super) fn forget_in(
    notices: &TransactionalTree,
    due: &TransactionalTree,
    flight: &TransactionalTree,
    user: u64,
) -> Result<(), UnabortableTransactionError> {
    let key = user.to_be_bytes();
    // An unreadable notice's due key cannot be found from it; erasure scans
    // `notices_due` for the user's keys as well (privacy.rs).
    if let Some(n) = notices.remove(&key[..])?.and_then(|b| decode(&b)) {
        due.remove(due_of(&n))?;
    }
    flight.remove(&key[..])?;
    Ok(())
}

impl Store {
    /// When the next notice is due, from the first key alone.
    pub fn next_notice_due(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.with(|t| {
            let first = t.notices_due.first().map_err(io("read"))?;
            Ok(first
                .and_then(|(key, _)| parse_due_key(&key))
                .and_then(|(ms, _, _)| DateTime::from_timestamp_millis(ms)))
        })
    }

    /// Users with a notice due at or before `now`, earliest first, at most `limit`.
    pub fn due_notice_users(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<u64>, StoreError> {
        let end = sortable_ms(now.timestamp_millis().saturating_add(1));
        self.with(|t| {
            let mut out = Vec::new();
            for key in t.notices_due.range(..end.to_vec()).keys() {
                if out.len() >= limit {
                    break;
                }
                if let Some((_, user, _)) = parse_due_key(&key.map_err(io("read"))?) {
                    out.push(user);
                }
            }
            Ok(out)
        })
    }

    /// The user's pending notice, if any (not the one in flight).
    pub fn pending_notice(&self, user: u64) -> Result<Option<Notice>, StoreError> {
        self.with(|t| {
            Ok(t.notices
                .get(user.to_be_bytes())
                .map_err(io("read"))?
                .and_then(|b| decode(&b)))
        })
    }

    /// Takes the user's notice out of the queue if it is due by `now`, marks it in
    /// flight and waits for the disk. `None` when there is nothing due. An unreadable
    /// notice is dropped.
    pub fn take_notice(&self, user: u64, now: DateTime<Utc>) -> Result<Option<Notice>, StoreError> {
        self.with(|t| {
            let taken = tx(
                "take notice",
                (&t.notices, &t.notices_due, &t.notices_in_flight).transaction(
                    |(notices, due, flight)| {
                        let key = user.to_be_bytes();
                        let Some(bytes) = notices.get(&key[..])? else {
                            return Ok(None);
                        };
                        let Some(notice) = decode(&bytes) else {
                            tracing::warn!(user, "unreadable rule-change notice dropped");
                            notices.remove(&key[..])?;
                            return Ok(None);
                        };
                        if notice.due > now {
                            return Ok(None);
                        }
                        notices.remove(&key[..])?;
                        due.remove(due_of(&notice))?;
                        flight.insert(&key[..], encode(&notice).map_err(abort)?)?;
                        Ok(Some(notice))
                    },
                ),
            )?;
            // A due key without its notice (an unreadable one) must not stay first.
            if taken.is_none() {
                let end = sortable_ms(now.timestamp_millis().saturating_add(1));
                let mut stale = Vec::new();
                for key in t.notices_due.range(..end.to_vec()).keys() {
                    let key = key.map_err(io("read"))?;
                    if parse_due_key(&key).map(|(_, u, _)| u) == Some(user) {
                        stale.push(key);
                    }
                }
                for key in stale {
                    if t.notices
                        .get(user.to_be_bytes())
                        .map_err(io("read"))?
                        .is_none()
                    {
                        t.notices_due.remove(key).map_err(io("delete"))?;
                    }
                }
            }
            self.sync_on(t)?;
            Ok(taken)
        })
    }

    /// Notices left in flight by a crash: to be sent again.
    pub fn notices_in_flight(&self) -> Result<Vec<Notice>, StoreError> {
        self.with(|t| {
            let mut out = Vec::new();
            let mut unreadable = Vec::new();
            for item in t.notices_in_flight.iter() {
                let (key, bytes) = item.map_err(io("read"))?;
                match decode(&bytes) {
                    Some(n) => out.push(n),
                    None => unreadable.push(key),
                }
            }
            for key in unreadable {
                tracing::warn!("unreadable in-flight notice dropped");
                t.notices_in_flight.remove(key).map_err(io("delete"))?;
            }
            Ok(out)
        })
    }

    /// The user changed their answers: a notice still waiting describes the plan of
    /// their old answers ("your last day moved X → Y"), and their new plan is made from
    /// the catalogue in force anyway, so it is dropped. One being sent stays.
    pub fn drop_pending_notice(&self, user: u64) -> Result<bool, StoreError> {
        self.with(|t| {
            let dropped = tx(
                "drop notice",
                (&t.notices, &t.notices_due).transaction(|(notices, due)| {
                    let key = user.to_be_bytes();
                    match notices.remove(&key[..])? {
                        Some(bytes) => {
                            if let Some(n) = decode(&bytes) {
                                due.remove(due_of(&n))?;
                            }
                            Ok(true)
                        }
                        None => Ok(false),
                    }
                }),
            )?;
            if dropped {
                self.sync_on(t)?;
            }
            Ok(dropped)
        })
    }

    /// The notice in flight was delivered (or will never be): it leaves the store.
    pub fn notice_done(&self, user: u64) -> Result<(), StoreError> {
        self.with(|t| {
            t.notices_in_flight
                .remove(user.to_be_bytes())
                .map_err(io("delete"))?;
            self.sync_on(t)
        })
    }

    /// Telegram asked to retry later: the notice goes back to the queue with its due
    /// time, merged with any newer one queued meanwhile.
    pub fn notice_retry(&self, notice: &Notice) -> Result<(), StoreError> {
        self.with(|t| {
            tx(
                "requeue notice",
                (&t.notices, &t.notices_due, &t.notices_in_flight).transaction(
                    |(notices, due, flight)| {
                        let key = notice.user.to_be_bytes();
                        flight.remove(&key[..])?;
                        // A newer notice queued meanwhile comes after this one.
                        let newer = notices.remove(&key[..])?.and_then(|b| decode(&b));
                        if let Some(newer) = &newer {
                            due.remove(due_of(newer))?;
                        }
                        let merged = match newer {
                            Some(newer) => notice.clone().then(newer),
                            None => Some(notice.clone()),
                        };
                        if let Some(n) = merged {
                            notices.insert(&key[..], encode(&n).map_err(abort)?)?;
                            due.insert(due_of(&n), &[][..])?;
                        }
                        Ok(())
                    },
                ),
            )?;
            self.sync_on(t)
        })
    }

    /// How many notices wait to be sent, or are being sent.
    pub fn notices_pending(&self) -> usize {
        self.with(|t| Ok(t.notices.len() + t.notices_in_flight.len()))
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::changes::Moved;
    use crate::store::fixtures::{at, day};

    fn notice(user: u64, due: &str, old: &str, new: &str) -> Notice {
        Notice {
            user,
            due: at(due),
            changed_on: day("2026-11-21"),
            version: "v2".into(),
            changes: Changes {
                last_legal_day: Some(Moved {
                    old: Some(day(old)),
                    new: Some(day(new)),
                }),
                ..Changes::default()
            },
        }
    }

    fn queue(store: &Store, n: &Notice) {
        store
            .with(|t| {
                tx(
                    "queue",
                    (&t.notices, &t.notices_due)
                        .transaction(|(notices, due)| queue_in(notices, due, n)),
                )
            })
            .unwrap();
    }

    #[test]
    fn a_notice_is_taken_when_due_sent_once_and_left_in_flight_after_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        {
            let store = Store::open(&path).unwrap();
            queue(
                &store,
                &notice(7, "2026-11-21T05:00:00Z", "2026-12-14", "2026-12-04"),
            );
            assert_eq!(
                store.next_notice_due().unwrap(),
                Some(at("2026-11-21T05:00:00Z"))
            );
            assert!(store
                .take_notice(7, at("2026-11-21T04:59:00Z"))
                .unwrap()
                .is_none());
            assert!(store
                .due_notice_users(at("2026-11-21T04:59:00Z"), 10)
                .unwrap()
                .is_empty());
            assert_eq!(
                store
                    .due_notice_users(at("2026-11-21T05:00:00Z"), 10)
                    .unwrap(),
                [7]
            );
            let taken = store.take_notice(7, at("2026-11-21T05:00:00Z")).unwrap();
            assert!(taken.is_some());
            assert!(store
                .take_notice(7, at("2026-11-21T06:00:00Z"))
                .unwrap()
                .is_none());
            assert_eq!(store.notices_pending(), 1);
        }
        let store = Store::open(&path).unwrap();
        let left = store.notices_in_flight().unwrap();
        assert_eq!(left.len(), 1);
        store.notice_done(7).unwrap();
        assert!(store.notices_in_flight().unwrap().is_empty());
        assert_eq!(store.notices_pending(), 0);
        assert_eq!(store.next_notice_due().unwrap(), None);
    }

    #[test]
    fn a_second_change_before_delivery_replaces_the_pending_notice_with_both() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        queue(
            &store,
            &notice(7, "2026-11-21T05:00:00Z", "2026-12-14", "2026-12-04"),
        );
        queue(
            &store,
            &notice(7, "2026-11-22T05:00:00Z", "2026-12-04", "2026-12-01"),
        );
        let pending = store.pending_notice(7).unwrap().unwrap();
        assert_eq!(
            pending.changes.last_legal_day,
            Some(Moved {
                old: Some(day("2026-12-14")),
                new: Some(day("2026-12-01"))
            })
        );
        assert_eq!(pending.due, at("2026-11-21T05:00:00Z"));
        assert_eq!(
            store
                .due_notice_users(at("2030-01-01T00:00:00Z"), 10)
                .unwrap(),
            [7]
        );
        // A third change back to the first dates leaves nothing to tell.
        queue(
            &store,
            &notice(7, "2026-11-23T05:00:00Z", "2026-12-01", "2026-12-14"),
        );
        assert_eq!(store.pending_notice(7).unwrap(), None);
        assert_eq!(store.next_notice_due().unwrap(), None);
    }

    #[test]
    fn a_retry_puts_it_back_merged_with_a_newer_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        queue(
            &store,
            &notice(7, "2026-11-21T05:00:00Z", "2026-12-14", "2026-12-04"),
        );
        let taken = store
            .take_notice(7, at("2026-11-21T05:00:00Z"))
            .unwrap()
            .unwrap();
        queue(
            &store,
            &notice(7, "2026-11-22T05:00:00Z", "2026-12-04", "2026-12-01"),
        );
        store.notice_retry(&taken).unwrap();
        assert!(store.notices_in_flight().unwrap().is_empty());
        let pending = store.pending_notice(7).unwrap().unwrap();
        assert_eq!(
            pending.changes.last_legal_day.unwrap().old,
            Some(day("2026-12-14"))
        );
        assert_eq!(
            pending.changes.last_legal_day.unwrap().new,
            Some(day("2026-12-01"))
        );
    }
}
