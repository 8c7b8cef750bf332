//! The one module that touches sled. It owns the tree names, the key layouts, the
//! record encodings with their schema versions and migrations, and the promise every
//! write keeps: no writer returns before its write is on disk. This file holds what the
//! rest of the crate sees (the [`Store`] handle, its errors, the records and reminder
//! state it hands out) and the trees; each operation lives with the part it belongs to.
//!
//! Files:
//! - `codec.rs`: the bytes. Record, reminder and index envelopes, the migrations from
//!   older versions, the key layouts. Pure, no sled.
//! - `lifecycle.rs`: opening sled, each operation on the open trees, the failure after
//!   an I/O error and the reopen after a pause, exclusive access, compaction.
//! - `group_commit.rs`: many writers share one flush (`sync`).
//! - `users.rs`: loading (and quarantining what cannot be read) and saving a record.
//! - `replan.rs`: a record saved with its re-planned reminders, many users in one
//!   transaction.
//! - `reminders.rs`: the reminder queue: due, taken as one digest per user, in flight,
//!   delivered, requeued, blocked.
//! - `privacy.rs`: erasure, export, the users the store knows and their traces.
//! - `snapshot.rs`: the whole store at once, for backup and restore.
//! - `inbox.rs`: the Telegram updates received and not yet answered.
//! - `catalogues.rs`: every rule catalogue the bot has served with, by version.
//! - `notices.rs`: the queue of rule-change notices: due, in flight, delivered.
//! - `cases.rs`: cases for the caseworkers and the relays between them and users.
//! - `test_hooks.rs`: fault injection and raw writes, compiled for tests only.
//!
//! Trees:
//! - `users`: user id (u64 BE) → user record (JSON envelope `{"v": N, ...}`).
//! - `quarantine`: user id (u64 BE) + time (i64 BE, ms) → raw bytes of a record that could
//!   not be read, kept for the operator instead of being silently dropped.
//! - `reminders`: due time (i64 ms, big-endian with the sign bit flipped so that every
//!   instant sorts in time order) + user id (u64 BE) + reminder id → the reminder (JSON
//!   envelope `{"v": 1, ...}`). The first key is the next reminder due, so the worker
//!   finds it without a scan.
//! - `reminder_users`: user id (u64 BE) → the user's reminder index: pending reminder
//!   ids with their due times (to find their keys), the sent log (in flight,
//!   delivered, superseded, dropped) that keeps a reminder from being planned twice, and
//!   the local day of the last digest delivered (one message a day). One
//!   value per user, because sled transactions can read keys but not scan ranges.
//! - `reminders_in_flight`: user id (u64 BE) + reminder id → a reminder being sent right
//!   now. What is left here after a crash is sent again at start, and nothing else.
//! - `inbox`: Telegram updates received and not yet answered (see [`inbox`]).
//! - `catalogues`: catalogue version (its content hash, ASCII) → the catalogue's TOML
//!   text, for every catalogue the bot has served with; plus the key `\0pass` → the
//!   version whose re-assessment pass last finished.
//! - `notices`: user id (u64 BE) → the user's pending rule-change notice (JSON
//!   envelope `{"v": 1, ...}`); at most one per user.
//! - `notices_due`: due time (sortable ms, as `reminders`) + user id → nothing: the
//!   first key is the next notice due.
//! - `notices_in_flight`: user id → a notice being sent now; sent again after a crash.
//! - `cases`, `case_users`, `case_messages`, `relays`: cases handed to the caseworkers,
//!   where they are in the caseworkers' chat, and the outbox between the two sides
//!   (see `cases.rs`).
//!
//! Saving a profile and re-planning the user's reminders is one transaction over
//! `users`, `reminders` and `reminder_users`; every change of a reminder's state is a
//! transaction over the reminder trees.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionError};

use crate::engine::Conversation;

mod cases;
mod catalogues;
mod codec;
#[cfg(test)]
mod fixtures;
mod group_commit;
pub mod inbox;
mod lifecycle;
mod notices;
mod privacy;
mod reminders;
mod replan;
mod snapshot;
#[cfg(any(test, feature = "test-support"))]
mod test_hooks;
mod users;

pub use cases::{Case, CaseAt, CaseIndex, CaseworkerOutcome, Posted, Relay, RelayBody};
pub use codec::{REMINDER_SCHEMA_VERSION, SCHEMA_VERSION};
pub use inbox::InboxEntry;
pub use notices::Notice;
pub use replan::{Recheck, RecheckOutcome, RecheckReport};

const USERS: &str = "users";
const QUARANTINE: &str = "quarantine";
const REMINDERS: &str = "reminders";
const REMINDER_USERS: &str = "reminder_users";
const IN_FLIGHT: &str = "reminders_in_flight";
const INBOX: &str = "inbox";
const CATALOGUES: &str = "catalogues";
const NOTICES: &str = "notices";
const NOTICES_DUE: &str = "notices_due";
const NOTICES_IN_FLIGHT: &str = "notices_in_flight";
const CASES: &str = "cases";
const CASE_USERS: &str = "case_users";
const CASE_MESSAGES: &str = "case_messages";
const RELAYS: &str = "relays";

/// Everything stored about one user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRecord {
    pub conversation: Conversation,
    pub meta: UserMeta,
}

/// Facts about the user that are not answers: when they were seen, whether they blocked
/// the bot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserMeta {
    pub created: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
    #[serde(default)]
    pub blocked: bool,
    /// The last Telegram update applied to this record, so that an update handed over
    /// again after a crash (see [`inbox`]) is not applied twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update: Option<u32>,
    /// The version of the rule catalogue the user's plan and reminders were last made
    /// with (`Catalogue::version`). Written with every re-plan, in its transaction; the
    /// re-assessment after a catalogue change compares against it and is its progress
    /// marker. `None`: a record from before versions, taken as made with the catalogue
    /// of the first start that reads it (no notice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue: Option<String>,
}

impl UserRecord {
    pub fn new(conversation: Conversation, now: DateTime<Utc>) -> UserRecord {
        UserRecord {
            conversation,
            meta: UserMeta {
                created: now,
                last_seen: now,
                blocked: false,
                last_update: None,
                catalogue: None,
            },
        }
    }
}

/// What loading a user found.
// Returned once per message and destructured at once; boxing the record would only add
// an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing is stored for this user.
    New,
    /// A readable record, migrated to the current schema if it was older.
    Found(UserRecord),
    /// A record was there but could not be read; it was quarantined and the user must
    /// start again (and be told why).
    Unreadable(ResetReason),
}

/// Why a stored record could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResetReason {
    /// The bytes are not a record of any version we know.
    Corrupt,
    /// Written by a newer version of the bot (a downgrade).
    FutureVersion(u64),
}

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the store's lock.
    #[error("the store at {path} is already in use by another jolserik (stop it first)")]
    InUse { path: PathBuf },
    /// The store could not be opened for another reason.
    #[error("could not open the store at {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: sled::Error,
    },
    /// A read, write or flush failed (disk full, read-only, I/O error).
    #[error("storage {operation} failed")]
    Io {
        operation: &'static str,
        #[source]
        source: sled::Error,
    },
    /// An earlier I/O error left the store unusable; it is reopened after a pause, and
    /// until then nothing is read or written (so nothing unsaved is acknowledged).
    #[error("the store is unavailable after a storage failure; it is reopened shortly")]
    Unavailable {
        #[source]
        source: sled::Error,
    },
    /// A record could not be encoded (a bug, not bad input).
    #[error("could not encode a record")]
    Encode(#[source] serde_json::Error),
    /// A snapshot could not be written out (see `backup`).
    #[error("could not write the snapshot")]
    Write(#[source] std::io::Error),
}

/// A sled error of `operation` as a store error.
fn io(operation: &'static str) -> impl FnOnce(sled::Error) -> StoreError {
    move |source| StoreError::Io { operation, source }
}

/// Why a transaction gave up: a value could not be encoded (a bug).
#[derive(Debug)]
enum TxError {
    Encode(serde_json::Error),
}

type TxResult<T> = Result<T, ConflictableTransactionError<TxError>>;

/// A transaction's result as a store error.
fn tx<T>(
    operation: &'static str,
    result: Result<T, TransactionError<TxError>>,
) -> Result<T, StoreError> {
    result.map_err(|e| match e {
        TransactionError::Abort(TxError::Encode(e)) => StoreError::Encode(e),
        TransactionError::Storage(source) => StoreError::Io { operation, source },
    })
}

/// The open store. Cheap to share behind an `Arc`; all methods take `&self`.
pub struct Store {
    path: PathBuf,
    /// The open database. Every operation holds a clone of the `Arc` while it runs, so
    /// that taking the slot's write lock and waiting for the count to drop to one
    /// gives exclusive access: to reopen sled after an I/O error, and to take a
    /// snapshot that no write interleaves. `None` while a reopen has failed.
    slot: RwLock<Option<Arc<Trees>>>,
    /// Set by an I/O error; the next operation after `reopen_after` reopens sled.
    failure: Mutex<Option<lifecycle::Failure>>,
    /// Only tests change it (`set_reopen_after`, test_hooks.rs), yet it is not gated
    /// like the hook: every failure reads it, and a constant in release beside a field
    /// in tests would put `cfg` in `open`, in the reopen path and here.
    reopen_after: Mutex<Duration>,
    commits: group_commit::GroupCommit,
    /// Re-plans waiting to share a transaction (see `replan.rs`).
    replans: replan::ReplanBatch,
    /// Set by every erasure; the next `compact_if_erased` rewrites the files.
    erased_since_compaction: AtomicBool,
    /// Test hook: every flush fails as if the disk were full (`fail_flushes`).
    #[cfg(any(test, feature = "test-support"))]
    fail_flushes: AtomicBool,
    /// Test hook: how many more re-assessment batches may run before the process is
    /// taken to crash (`crash_after_rechecks`); negative for no limit.
    #[cfg(any(test, feature = "test-support"))]
    recheck_budget: std::sync::atomic::AtomicI64,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

/// The trees of one opening of the database.
struct Trees {
    db: sled::Db,
    users: sled::Tree,
    quarantine: sled::Tree,
    reminders: sled::Tree,
    reminder_users: sled::Tree,
    in_flight: sled::Tree,
    inbox: sled::Tree,
    catalogues: sled::Tree,
    notices: sled::Tree,
    notices_due: sled::Tree,
    notices_in_flight: sled::Tree,
    cases: sled::Tree,
    case_users: sled::Tree,
    case_messages: sled::Tree,
    relays: sled::Tree,
}

/// What became of a reminder that left the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentState {
    /// Being sent; after a crash it is sent again.
    InFlight,
    Delivered,
    /// A more recent reminder of the same deadline was sent instead (catch-up after
    /// downtime), or the deadline had passed.
    Superseded,
    /// Not sent: the user blocked the bot, or Telegram refused the message.
    Dropped,
}

/// One line of the sent log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentEntry {
    pub state: SentState,
    pub at: DateTime<Utc>,
    /// The deadline's date, so that entries which can no longer matter are pruned.
    pub date: NaiveDate,
}

/// One user's reminders: the pending ones and the sent log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserReminders {
    /// Pending reminder id → due time in ms, which with the user id makes its key.
    #[serde(default)]
    pub pending: BTreeMap<String, i64>,
    /// Reminders that left the queue, by id. An id here is never planned again.
    #[serde(default)]
    pub sent: BTreeMap<String, SentEntry>,
    /// The local day the user's last reminder digest was delivered: one message a day
    /// (see `reminders::digest`). Absent in indexes written before digests, which read
    /// as "none yet".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest_day: Option<NaiveDate>,
}

impl UserReminders {
    /// Whether a reminder id is in the sent log.
    pub fn logged(&self, id: &str) -> bool {
        self.sent.contains_key(id)
    }

    fn is_empty(&self) -> bool {
        self.pending.is_empty() && self.sent.is_empty()
    }
}

/// One entry of one tree, as stored: tree name, key, value.
pub type RawEntry = (String, Vec<u8>, Vec<u8>);

/// What [`Store::snapshot`] hands each entry to (tree name, key, value).
pub type EntrySink<'a> = dyn FnMut(&str, &[u8], &[u8]) -> std::io::Result<()> + 'a;

/// What is left of a user besides their record (see [`Store::traces`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Traces {
    pub quarantined: Option<DateTime<Utc>>,
    pub last_reminder_date: Option<NaiveDate>,
}
