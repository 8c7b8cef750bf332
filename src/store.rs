//! The one module that touches sled. It owns the tree names, the key layouts (big-endian
//! user ids, so keys sort numerically), the record encoding with its schema version, the
//! migrations from older versions, and group commit: many writers share one flush, and
//! no writer returns before its write is on disk.
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
//!   ids with their due times (to find their keys), and the sent log (in flight,
//!   delivered, superseded, dropped) that keeps a reminder from being planned twice. One
//!   value per user, because sled transactions can read keys but not scan ranges.
//! - `reminders_in_flight`: user id (u64 BE) + reminder id → a reminder being sent right
//!   now. What is left here after a crash is sent again at start, and nothing else.
//! - `inbox`: Telegram updates received and not yet answered (see [`inbox`]).
//!
//! Saving a profile and re-planning the user's reminders is one transaction over
//! `users`, `reminders` and `reminder_users`; every change of a reminder's state is a
//! transaction over the reminder trees.
//!
//! Faults and maintenance: sled refuses every write after one I/O error (a full disk)
//! until it is reopened, so an I/O error marks the store failed, every operation is
//! refused until a pause has passed, and the next one reopens sled from what is on
//! disk — what was flushed is there, what was not was never acknowledged. Every
//! operation holds the open database (`Arc<Trees>`) while it runs and never nests, so
//! taking the slot's write lock and waiting for the last holder gives exclusive
//! access: to reopen, to take a snapshot no write interleaves (`snapshot`, for
//! backups), to replace everything (`replace_all`, for restore), and to rewrite the
//! files without the bytes of erased users (`compact`: sled is log-structured, and a
//! deleted record stays in its files until its segment is reclaimed).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sled::transaction::{
    ConflictableTransactionError, TransactionError, TransactionalTree, UnabortableTransactionError,
};
use sled::Transactional;

use crate::engine::Conversation;
use crate::reminders::plan::{collapse, deadline_of_id, Reminder};

pub mod inbox;
pub use inbox::InboxEntry;

/// The version written by this build. Records carry it as `v`.
pub const SCHEMA_VERSION: u64 = 2;

const USERS: &str = "users";
const QUARANTINE: &str = "quarantine";
const REMINDERS: &str = "reminders";
const REMINDER_USERS: &str = "reminder_users";
const IN_FLIGHT: &str = "reminders_in_flight";
const INBOX: &str = "inbox";

/// The version of the reminder and reminder-index encodings (`v`). Independent of the
/// user record's version: a reminder that cannot be read is dropped and re-planned at
/// the user's next change, never a reason to reset the user.
pub const REMINDER_SCHEMA_VERSION: u64 = 1;

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

fn io(operation: &'static str) -> impl FnOnce(sled::Error) -> StoreError {
    move |source| StoreError::Io { operation, source }
}

/// How long the store waits after an I/O error before reopening sled. sled refuses
/// every write after one failure until it is reopened; reopening at once would spin
/// while the disk is still full.
const REOPEN_AFTER: Duration = Duration::from_secs(2);

/// How much memory sled may use to cache pages. Its default, 1 GiB, lets a store of
/// 100,000 users grow the process to that size; the dialogue reads one record per
/// message, and the hot part (users in the middle of a dialogue, the head of the
/// reminder queue) fits in far less (BENCHMARKS.md: start-up memory).
const CACHE_BYTES: u64 = 32 * 1024 * 1024;

/// sled's settings for our store.
fn sled_config(path: &Path) -> sled::Config {
    sled::Config::new().path(path).cache_capacity(CACHE_BYTES)
}

/// The name sled gives its default tree, which we never use.
const SLED_DEFAULT_TREE: &[u8] = b"__sled__default";

/// The open store. Cheap to share behind an `Arc`; all methods take `&self`.
pub struct Store {
    path: PathBuf,
    /// The open database. Every operation holds a clone of the `Arc` while it runs, so
    /// that taking the slot's write lock and waiting for the count to drop to one
    /// gives exclusive access: to reopen sled after an I/O error, and to take a
    /// snapshot that no write interleaves. `None` while a reopen has failed.
    slot: RwLock<Option<Arc<Trees>>>,
    /// Set by an I/O error; the next operation after `reopen_after` reopens sled.
    failure: Mutex<Option<Failure>>,
    reopen_after: Mutex<Duration>,
    commits: GroupCommit,
    /// Re-plans waiting to share a transaction (see [`ReplanBatch`]).
    replans: ReplanBatch,
    /// Set by every erasure; the next `compact_if_erased` rewrites the files.
    erased_since_compaction: AtomicBool,
    /// Test hook: every flush fails as if the disk were full.
    fail_flushes: AtomicBool,
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
}

/// The I/O error that made the store unusable, and when.
struct Failure {
    at: Instant,
    error: sled::Error,
}

impl Trees {
    fn open(path: &Path) -> Result<Trees, StoreError> {
        let db = sled_config(path).open().map_err(|source| {
            if is_lock_error(&source) {
                StoreError::InUse {
                    path: path.to_path_buf(),
                }
            } else {
                StoreError::Open {
                    path: path.to_path_buf(),
                    source,
                }
            }
        })?;
        Ok(Trees {
            users: db.open_tree(USERS).map_err(io("open tree"))?,
            quarantine: db.open_tree(QUARANTINE).map_err(io("open tree"))?,
            reminders: db.open_tree(REMINDERS).map_err(io("open tree"))?,
            reminder_users: db.open_tree(REMINDER_USERS).map_err(io("open tree"))?,
            in_flight: db.open_tree(IN_FLIGHT).map_err(io("open tree"))?,
            inbox: db.open_tree(INBOX).map_err(io("open tree"))?,
            db,
        })
    }

    /// Opens `path` again right after this process closed it. sled finishes writes
    /// of a closed database on its own thread pool, which holds the file lock for a
    /// moment after the last handle is dropped; so a lock error is retried for a
    /// while before it counts.
    fn open_again(path: &Path) -> Result<Trees, StoreError> {
        let give_up = Instant::now() + Duration::from_secs(5);
        loop {
            match Trees::open(path) {
                Err(StoreError::InUse { .. }) if Instant::now() < give_up => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                other => return other,
            }
        }
    }

    /// Every tree that holds data, by name, in name order (sled's default tree is
    /// never used and left out).
    fn named(&self) -> Result<Vec<(String, sled::Tree)>, StoreError> {
        let mut out = Vec::new();
        for name in self.db.tree_names() {
            if &name[..] == SLED_DEFAULT_TREE {
                continue;
            }
            let tree = self.db.open_tree(&name).map_err(io("open tree"))?;
            out.push((String::from_utf8_lossy(&name).into_owned(), tree));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }
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

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}
impl Store {
    /// Opens (or creates) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        finish_compaction(path);
        let trees = Trees::open(path)?;
        Ok(Store {
            path: path.to_path_buf(),
            slot: RwLock::new(Some(Arc::new(trees))),
            failure: Mutex::new(None),
            reopen_after: Mutex::new(REOPEN_AFTER),
            commits: GroupCommit::default(),
            replans: ReplanBatch::default(),
            fail_flushes: AtomicBool::new(false),
            // An erasure before a crash may not have been compacted away.
            erased_since_compaction: AtomicBool::new(true),
        })
    }

    /// Runs one operation on the open database. An I/O error marks the store failed:
    /// sled refuses every later write until it is reopened, which the first operation
    /// after a pause does. Operations never nest (a nested one could wait for a
    /// snapshot that waits for the outer one), so helpers take `&Trees`.
    fn with<T>(&self, op: impl FnOnce(&Trees) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let trees = self.trees()?;
        let result = op(&trees);
        drop(trees);
        if let Err(StoreError::Io { operation, source }) = &result {
            let mut failure = self.failure.lock().unwrap_or_else(|p| p.into_inner());
            if failure.is_none() {
                tracing::error!(operation, error = %source, "storage failed; nothing more is saved until the store is reopened");
                *failure = Some(Failure {
                    at: Instant::now(),
                    error: source.clone(),
                });
            }
        }
        result
    }

    /// The open trees, reopening them first if an I/O error spoiled them and the pause
    /// has passed.
    fn trees(&self) -> Result<Arc<Trees>, StoreError> {
        // Every operation passes here: the pause is only read when something failed.
        let failed = {
            let failure = self.failure.lock().unwrap_or_else(|p| p.into_inner());
            failure.as_ref().map(|f| (f.at, f.error.clone()))
        };
        if let Some((at, error)) = failed {
            let pause = *self.reopen_after.lock().unwrap_or_else(|p| p.into_inner());
            let due = at.elapsed() >= pause;
            if !due {
                return Err(StoreError::Unavailable { source: error });
            }
            self.reopen(pause)?;
        }
        let slot = self.slot.read().unwrap_or_else(|p| p.into_inner());
        slot.clone().ok_or_else(|| StoreError::Unavailable {
            source: sled::Error::ReportableBug("the store is not open".into()),
        })
    }

    /// Closes sled and opens it again: what was flushed is there, what was not is
    /// gone (and was never acknowledged).
    fn reopen(&self, pause: Duration) -> Result<(), StoreError> {
        let mut slot = self.slot.write().unwrap_or_else(|p| p.into_inner());
        let mut failure = self.failure.lock().unwrap_or_else(|p| p.into_inner());
        let Some(f) = failure.as_mut() else {
            // Another thread reopened it meanwhile.
            return Ok(());
        };
        if f.at.elapsed() < pause {
            return Err(StoreError::Unavailable {
                source: f.error.clone(),
            });
        }
        if let Some(old) = slot.take() {
            // sled allows one opening per path; wait for operations under way to let go.
            wait_until_sole(&old);
            drop(old);
        }
        match Trees::open_again(&self.path) {
            Ok(trees) => {
                *slot = Some(Arc::new(trees));
                *failure = None;
                tracing::warn!("store reopened after a storage failure");
                Ok(())
            }
            Err(e) => {
                f.at = Instant::now();
                tracing::error!(error = %e, "the store could not be reopened; trying again later");
                Err(StoreError::Unavailable {
                    source: f.error.clone(),
                })
            }
        }
    }

    /// Runs `op` with every other operation held off (those under way finish first).
    fn exclusive<T>(
        &self,
        op: impl FnOnce(&Trees) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        // Reopens first if needed, and reports a store that is unavailable.
        drop(self.trees()?);
        let slot = self.slot.write().unwrap_or_else(|p| p.into_inner());
        let trees = slot.as_ref().ok_or_else(|| StoreError::Unavailable {
            source: sled::Error::ReportableBug("the store is not open".into()),
        })?;
        wait_until_sole(trees);
        op(trees)
    }

    /// Test hook: while on, every flush fails as a full disk would, which marks the
    /// store failed exactly as a real I/O error does.
    #[doc(hidden)]
    pub fn fail_flushes(&self, on: bool) {
        self.fail_flushes.store(on, Ordering::SeqCst);
    }

    /// Test hook: how long to wait after an I/O error before reopening.
    #[doc(hidden)]
    pub fn set_reopen_after(&self, pause: Duration) {
        *self.reopen_after.lock().unwrap_or_else(|p| p.into_inner()) = pause;
    }

    /// Whether an I/O error has left the store waiting to be reopened.
    pub fn is_failed(&self) -> bool {
        self.failure
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
    }

    /// Reads a user's record, migrating an older one. An unreadable record is moved to
    /// quarantine (durably) so that the user can start again.
    pub fn load(&self, user: u64, now: DateTime<Utc>) -> Result<Loaded, StoreError> {
        self.with(|t| {
            let Some(bytes) = t.users.get(user.to_be_bytes()).map_err(io("read"))? else {
                return Ok(Loaded::New);
            };
            match decode(&bytes) {
                Ok(record) => Ok(Loaded::Found(record)),
                Err(reason) => {
                    tracing::warn!(user, ?reason, "unreadable user record quarantined");
                    let mut key = user.to_be_bytes().to_vec();
                    key.extend_from_slice(&now.timestamp_millis().to_be_bytes());
                    t.quarantine
                        .insert(key, bytes.to_vec())
                        .map_err(io("write"))?;
                    t.users.remove(user.to_be_bytes()).map_err(io("write"))?;
                    self.sync_on(t)?;
                    Ok(Loaded::Unreadable(reason))
                }
            }
        })
    }

    /// Whether a record is stored for `user`, readable or not. Nothing is decoded or
    /// quarantined: this is for deciding how to treat an update before its handler
    /// runs (the flood limits), not for answering it.
    pub fn has_record(&self, user: u64) -> Result<bool, StoreError> {
        self.with(|t| t.users.contains_key(user.to_be_bytes()).map_err(io("read")))
    }

    /// A user's record if it is stored and readable, without the side effects of
    /// [`Store::load`] (an unreadable record is left for the handler to quarantine and
    /// tell the user about).
    pub fn peek(&self, user: u64) -> Result<Option<UserRecord>, StoreError> {
        self.with(|t| {
            let bytes = t.users.get(user.to_be_bytes()).map_err(io("read"))?;
            Ok(bytes.and_then(|b| decode(&b).ok()))
        })
    }

    /// Saves a user's record and returns once it is on disk. Concurrent callers share
    /// flushes.
    pub fn save(&self, user: u64, record: &UserRecord) -> Result<(), StoreError> {
        let bytes = encode(record)?;
        self.with(|t| {
            t.users
                .insert(user.to_be_bytes(), bytes)
                .map_err(io("write"))?;
            self.sync_on(t)
        })
    }

    /// Erases everything stored about a user (record, reminders, sent log, quarantined
    /// bytes) and waits for the disk. Returns whether anything was there.
    pub fn delete(&self, user: u64) -> Result<bool, StoreError> {
        self.erased_since_compaction.store(true, Ordering::SeqCst);
        self.with(|t| {
            delete_user(t, user).and_then(|existed| {
                self.sync_on(t)?;
                Ok(existed)
            })
        })
    }

    /// Rewrites the store into fresh files that hold only what is live, and swaps them
    /// in. sled is log-structured: an erased record's bytes stay in its files until
    /// their segment is reclaimed, which in a quiet store may be never. After this,
    /// nothing erased is left in the store's files (freed blocks of the file system
    /// are beyond reach: keep the store on an encrypted disk). Every other operation
    /// waits meanwhile. A crash at any point leaves either the old or the new files,
    /// whole (see `finish_compaction`).
    pub fn compact(&self) -> Result<(), StoreError> {
        drop(self.trees()?);
        let mut slot = self.slot.write().unwrap_or_else(|p| p.into_inner());
        let Some(old) = slot.take() else {
            return Err(StoreError::Unavailable {
                source: sled::Error::ReportableBug("the store is not open".into()),
            });
        };
        wait_until_sole(&old);
        self.erased_since_compaction.store(false, Ordering::SeqCst);
        let fresh = sibling(&self.path, "compacting");
        let copied = copy_into_fresh(&old, &fresh);
        // sled allows one opening per path, and the directory is renamed next.
        drop(old);
        let swapped = copied.and_then(|()| {
            let retired = sibling(&self.path, "old");
            let rename = |from: &Path, to: &Path| {
                std::fs::rename(from, to).map_err(|e| StoreError::Io {
                    operation: "compact",
                    source: sled::Error::Io(e),
                })
            };
            rename(&self.path, &retired)?;
            if let Err(e) = rename(&fresh, &self.path) {
                let _ = std::fs::rename(&retired, &self.path);
                return Err(e);
            }
            let _ = std::fs::remove_dir_all(&retired);
            Ok(())
        });
        if swapped.is_err() {
            self.erased_since_compaction.store(true, Ordering::SeqCst);
            let _ = std::fs::remove_dir_all(&fresh);
        }
        // Whatever happened, the store must be open again afterwards.
        match Trees::open_again(&self.path) {
            Ok(trees) => *slot = Some(Arc::new(trees)),
            Err(e) => {
                tracing::error!(error = %e, "the store could not be reopened after compaction");
                let error = match &e {
                    StoreError::Open { source, .. } | StoreError::Io { source, .. } => {
                        source.clone()
                    }
                    other => {
                        sled::Error::ReportableBug(format!("reopen after compaction: {other}"))
                    }
                };
                let mut failure = self.failure.lock().unwrap_or_else(|p| p.into_inner());
                *failure = Some(Failure {
                    at: Instant::now(),
                    error,
                });
                return Err(e);
            }
        }
        swapped
    }

    /// Compacts when something was erased since the last compaction (or since start).
    /// Returns whether it did.
    pub fn compact_if_erased(&self) -> Result<bool, StoreError> {
        if !self.erased_since_compaction.load(Ordering::SeqCst) {
            return Ok(false);
        }
        self.compact()?;
        Ok(true)
    }

    /// Everything stored about a user as JSON: the record (migrated), any quarantined
    /// bytes, and their reminders (pending and the sent log). `record` is null when
    /// nothing is stored.
    pub fn export(&self, user: u64) -> Result<serde_json::Value, StoreError> {
        self.with(|t| {
            let record = match t.users.get(user.to_be_bytes()).map_err(io("read"))? {
                Some(bytes) => match decode(&bytes) {
                    Ok(r) => serde_json::to_value(&r).map_err(StoreError::Encode)?,
                    Err(_) => serde_json::Value::String(String::from_utf8_lossy(&bytes).into()),
                },
                None => serde_json::Value::Null,
            };
            let mut quarantined = Vec::new();
            for item in t.quarantine.scan_prefix(user.to_be_bytes()) {
                let (_, bytes) = item.map_err(io("read"))?;
                quarantined.push(serde_json::Value::String(
                    String::from_utf8_lossy(&bytes).into(),
                ));
            }
            let reminders = reminder_state_in(t, user)?;
            let pending = pending_in(t, user)?;
            Ok(serde_json::json!({
                "user": user,
                "schema": SCHEMA_VERSION,
                "record": record,
                "quarantined": quarantined,
                "reminders": {
                    "pending": serde_json::to_value(&pending).map_err(StoreError::Encode)?,
                    "sent": serde_json::to_value(&reminders.sent).map_err(StoreError::Encode)?,
                },
            }))
        })
    }

    // ---- reminders ----------------------------------------------------------------

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
        let record_bytes = encode(record)?;
        self.with(|t| {
            // The plan is made outside the transaction, from the index as it is now, and
            // applied in a transaction shared with the other re-plans waiting (sled runs
            // each transaction under a lock that stops every other operation, flushes
            // included, so one for many users costs little more than one for one). If
            // the index changed meanwhile, the plan is made again inside a transaction
            // of its own, below.
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
                            flight.insert(flight_key(user, &r.id()), encode_reminder(r)?)?;
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
                            due.insert(due_key(ms, user, &id), encode_reminder(reminder)?)?;
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
                            if let Ok(mut record) = decode(&bytes) {
                                record.meta.blocked = true;
                                let bytes = serde_json::to_vec(&EnvelopeOut {
                                    v: SCHEMA_VERSION,
                                    record: &record,
                                })
                                .map_err(|e| {
                                    ConflictableTransactionError::Abort(TxError::Encode(e))
                                })?;
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
                let owner = key
                    .get(..8)
                    .and_then(|b| b.try_into().ok())
                    .map(u64::from_be_bytes);
                tracing::warn!(user = owner, "unreadable in-flight reminder removed");
                let id = key.get(8..).and_then(|b| std::str::from_utf8(b).ok());
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

    /// How many users have a record (0 while the store is unavailable).
    pub fn user_count(&self) -> usize {
        self.with(|t| Ok(t.users.len())).unwrap_or(0)
    }

    /// Waits until every write made before this call is on disk. One caller flushes for
    /// all who are waiting (group commit).
    pub fn sync(&self) -> Result<(), StoreError> {
        self.with(|t| self.sync_on(t))
    }

    /// Group commit on one opening of the database. A write and the flush that makes
    /// it durable always happen inside the same operation, so a reopen can never come
    /// between them and leave a lost write acknowledged.
    fn sync_on(&self, t: &Trees) -> Result<(), StoreError> {
        self.commits.sync(|| {
            if self.fail_flushes.load(Ordering::SeqCst) {
                return Err(StoreError::Io {
                    operation: "flush",
                    source: sled::Error::Io(std::io::Error::new(
                        std::io::ErrorKind::StorageFull,
                        "no space left on device (injected by a test)",
                    )),
                });
            }
            t.db.flush().map(|_| ()).map_err(io("flush"))
        })
    }

    /// Bytes the store takes on disk.
    pub fn size_on_disk(&self) -> Result<u64, StoreError> {
        self.with(|t| t.db.size_on_disk().map_err(io("size")))
    }

    /// Every key in every tree, for privacy checks: proof that a deleted user is gone.
    pub fn all_keys(&self) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        Ok(self
            .all_entries()?
            .into_iter()
            .map(|(tree, key, _)| (tree, key))
            .collect())
    }

    /// Every key and value in every tree, for privacy checks (a deleted user's id must
    /// appear in neither) and tests.
    pub fn all_entries(&self) -> Result<Vec<RawEntry>, StoreError> {
        let mut entries = Vec::new();
        self.snapshot(&mut |tree, key, value| {
            entries.push((tree.to_string(), key.to_vec(), value.to_vec()));
            Ok(())
        })?;
        Ok(entries)
    }

    /// Writes raw bytes as a user's record: for tests of unreadable and old records.
    #[doc(hidden)]
    pub fn put_raw(&self, user: u64, bytes: &[u8]) -> Result<(), StoreError> {
        self.with(|t| {
            t.users
                .insert(user.to_be_bytes(), bytes)
                .map_err(io("write"))?;
            self.sync_on(t)
        })
    }

    /// Writes raw bytes under any key of any of our trees: for tests of damaged and
    /// newer records (reminders, indexes). Unknown tree names are refused.
    #[doc(hidden)]
    pub fn put_raw_in(&self, tree: &str, key: &[u8], value: &[u8]) -> Result<(), StoreError> {
        self.with(|t| {
            let tree = match tree {
                USERS => &t.users,
                QUARANTINE => &t.quarantine,
                REMINDERS => &t.reminders,
                REMINDER_USERS => &t.reminder_users,
                IN_FLIGHT => &t.in_flight,
                _ => return Ok(()),
            };
            tree.insert(key, value).map_err(io("write"))?;
            self.sync_on(t)
        })
    }

    // ---- privacy: retention and whole-store scans -----------------------------------

    /// Every user the store knows anything about: a record, reminders, an in-flight
    /// reminder or quarantined bytes. The retention sweep walks this.
    pub fn known_users(&self) -> Result<BTreeSet<u64>, StoreError> {
        self.with(|t| {
            let mut users = BTreeSet::new();
            let first8 = |key: &[u8]| {
                key.get(..8)
                    .and_then(|b| b.try_into().ok())
                    .map(u64::from_be_bytes)
            };
            for tree in [&t.users, &t.reminder_users, &t.in_flight, &t.quarantine] {
                for item in tree.iter().keys() {
                    if let Some(user) = first8(&item.map_err(io("read"))?) {
                        users.insert(user);
                    }
                }
            }
            for item in t.reminders.iter().keys() {
                if let Some(user) = due_key_user(&item.map_err(io("read"))?) {
                    users.insert(user);
                }
            }
            Ok(users)
        })
    }

    /// What the retention sweep needs about a user without a readable record: the
    /// newest quarantine time and the latest deadline date their reminders name.
    pub fn traces(&self, user: u64) -> Result<Traces, StoreError> {
        self.with(|t| {
            let mut traces = Traces::default();
            for item in t.quarantine.scan_prefix(user.to_be_bytes()).keys() {
                let key = item.map_err(io("read"))?;
                let at = key
                    .get(8..16)
                    .and_then(|b| b.try_into().ok())
                    .map(i64::from_be_bytes)
                    .and_then(DateTime::from_timestamp_millis);
                traces.quarantined = traces.quarantined.max(at);
            }
            let index = reminder_state_in(t, user)?;
            let dates = index
                .pending
                .keys()
                .filter_map(|id| deadline_of_id(id).map(|d| d.date))
                .chain(index.sent.values().map(|e| e.date));
            traces.last_reminder_date = dates.max();
            Ok(traces)
        })
    }

    // ---- snapshots: backup and restore ------------------------------------------------

    /// Calls `each` with every entry of every tree (tree name, key, value), trees in
    /// name order and keys in order, while no write can happen: a consistent snapshot
    /// of the running store. Writers wait meanwhile.
    pub fn snapshot(&self, each: &mut EntrySink<'_>) -> Result<u64, StoreError> {
        self.exclusive(|t| {
            let mut count = 0u64;
            for (name, tree) in t.named()? {
                for item in tree.iter() {
                    let (key, value) = item.map_err(io("read"))?;
                    each(&name, &key, &value).map_err(StoreError::Write)?;
                    count += 1;
                }
            }
            Ok(count)
        })
    }

    /// Whether no tree holds anything.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        self.with(|t| {
            for (_, tree) in t.named()? {
                if !tree.is_empty() {
                    return Ok(false);
                }
            }
            Ok(true)
        })
    }

    /// Replaces the whole content of the store with `entries` (tree name, key, value),
    /// with every other operation held off, and waits for the disk. For `restore`,
    /// which has checked the entries first.
    pub fn replace_all(
        &self,
        entries: &mut dyn Iterator<Item = RawEntry>,
    ) -> Result<u64, StoreError> {
        self.exclusive(|t| {
            for (_, tree) in t.named()? {
                tree.clear().map_err(io("clear"))?;
            }
            let mut count = 0u64;
            let mut batches: BTreeMap<String, sled::Batch> = BTreeMap::new();
            for (name, key, value) in entries {
                batches.entry(name).or_default().insert(key, value);
                count += 1;
                if count.is_multiple_of(10_000) {
                    apply_batches(&t.db, &mut batches)?;
                }
            }
            apply_batches(&t.db, &mut batches)?;
            self.sync_on(t)?;
            Ok(count)
        })
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

fn apply_batches(
    db: &sled::Db,
    batches: &mut BTreeMap<String, sled::Batch>,
) -> Result<(), StoreError> {
    for (name, batch) in std::mem::take(batches) {
        let tree = db.open_tree(name.as_bytes()).map_err(io("open tree"))?;
        tree.apply_batch(batch).map_err(io("write"))?;
    }
    Ok(())
}

/// `path` with a suffix on its last part: `store` → `store.compacting`.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Copies every tree of `old` into a new database at `fresh`, flushed.
fn copy_into_fresh(old: &Trees, fresh: &Path) -> Result<(), StoreError> {
    if fresh.exists() {
        std::fs::remove_dir_all(fresh).map_err(|e| StoreError::Io {
            operation: "compact",
            source: sled::Error::Io(e),
        })?;
    }
    let db = sled::Config::new()
        .path(fresh)
        .open()
        .map_err(|source| StoreError::Open {
            path: fresh.to_path_buf(),
            source,
        })?;
    for (name, tree) in old.named()? {
        let target = db.open_tree(name.as_bytes()).map_err(io("open tree"))?;
        let mut batch = sled::Batch::default();
        let mut pending = 0usize;
        for item in tree.iter() {
            let (key, value) = item.map_err(io("read"))?;
            batch.insert(key, value);
            pending += 1;
            if pending == 10_000 {
                target
                    .apply_batch(std::mem::take(&mut batch))
                    .map_err(io("write"))?;
                pending = 0;
            }
        }
        target.apply_batch(batch).map_err(io("write"))?;
    }
    db.flush().map_err(io("flush"))?;
    Ok(())
}

/// Finishes or undoes a compaction a crash interrupted, before the store opens: the
/// store directory is renamed to `.old` only once `.compacting` is whole, and the
/// fresh one takes its place next. So a missing store with an `.old` beside it is
/// put back (the compaction is redone later); a leftover `.compacting` is dropped;
/// an `.old` beside a store is the retired copy.
fn finish_compaction(path: &Path) {
    let retired = sibling(path, "old");
    let fresh = sibling(path, "compacting");
    if !path.exists() && retired.exists() {
        if let Err(e) = std::fs::rename(&retired, path) {
            tracing::error!(error = %e, "could not put back the store after an interrupted compaction");
        }
    }
    for leftover in [fresh, retired] {
        if leftover.exists() && path.exists() {
            let _ = std::fs::remove_dir_all(&leftover);
        }
    }
}

/// Waits until `trees` is held by nobody but its slot: every operation under way has
/// finished. Operations are short (one record, one transaction, one flush).
fn wait_until_sole(trees: &Arc<Trees>) {
    while Arc::strong_count(trees) > 1 {
        std::thread::sleep(Duration::from_millis(1));
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

/// Erases a user from every tree; see [`Store::delete`].
fn delete_user(t: &Trees, user: u64) -> Result<bool, StoreError> {
    let (existed, _index_readable) = tx(
        "delete",
        (&t.users, &t.reminders, &t.reminder_users, &t.in_flight).transaction(
            |(users, due, index_tree, flight)| {
                let existed = users.remove(&user.to_be_bytes()[..])?.is_some();
                let (index, readable) = match index_tree.remove(&user.to_be_bytes()[..])? {
                    Some(bytes) => match decode_index(&bytes) {
                        Some(index) => (index, true),
                        None => (UserReminders::default(), false),
                    },
                    None => (UserReminders::default(), true),
                };
                for (id, ms) in &index.pending {
                    due.remove(due_key(*ms, user, id))?;
                }
                for id in index.sent.keys() {
                    flight.remove(flight_key(user, id))?;
                }
                Ok((existed || !index.is_empty() || !readable, readable))
            },
        ),
    )?;
    inbox::forget_user(t, user)?;
    // Belt and braces: anything keyed by this user that the index did not list.
    let mut stray = Vec::new();
    for item in t.in_flight.scan_prefix(user.to_be_bytes()).keys() {
        stray.push(item.map_err(io("read"))?);
    }
    for key in &stray {
        t.in_flight.remove(key).map_err(io("delete"))?;
    }
    // A damaged or newer index may not list every queued reminder: the queue is
    // scanned for the user's keys. Deletions are rare; the guarantee that nothing
    // of the user is left is worth one pass over the keys.
    let mut queued = Vec::new();
    for item in t.reminders.iter().keys() {
        let key = item.map_err(io("read"))?;
        if due_key_user(&key) == Some(user) {
            queued.push(key);
        }
    }
    for key in &queued {
        t.reminders.remove(key).map_err(io("delete"))?;
    }
    let mut quarantined = Vec::new();
    for item in t.quarantine.scan_prefix(user.to_be_bytes()).keys() {
        quarantined.push(item.map_err(io("read"))?);
    }
    for key in &quarantined {
        t.quarantine.remove(key).map_err(io("delete"))?;
    }
    Ok(existed || !stray.is_empty() || !queued.is_empty() || !quarantined.is_empty())
}

fn pending_in(t: &Trees, user: u64) -> Result<Vec<Reminder>, StoreError> {
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

fn reminder_state_in(t: &Trees, user: u64) -> Result<UserReminders, StoreError> {
    Ok(t.reminder_users
        .get(user.to_be_bytes())
        .map_err(io("read"))?
        .and_then(|b| decode_index(&b))
        .unwrap_or_default())
}

/// sled reports a held lock as an I/O error from its lock file.
fn is_lock_error(e: &sled::Error) -> bool {
    match e {
        sled::Error::Io(io) => {
            io.kind() == std::io::ErrorKind::WouldBlock
                || io.to_string().to_lowercase().contains("lock")
        }
        _ => false,
    }
}

/// The current envelope: `{"v": 2, "conversation": ..., "meta": ...}`.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    v: u64,
    #[serde(flatten)]
    record: &'a UserRecord,
}

fn encode(record: &UserRecord) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(&EnvelopeOut {
        v: SCHEMA_VERSION,
        record,
    })
    .map_err(StoreError::Encode)
}

/// The current envelope, read straight into the record (no `#[serde(flatten)]`, which
/// would buffer every field first).
#[derive(Deserialize)]
struct EnvelopeIn {
    v: u64,
    conversation: Conversation,
    meta: UserMeta,
}

/// Reads any version we know, migrating it to the current one.
fn decode(bytes: &[u8]) -> Result<UserRecord, ResetReason> {
    // Nearly every record is of the current version: read it without building a JSON
    // tree first. Anything else takes the general path below.
    if let Ok(EnvelopeIn {
        v: SCHEMA_VERSION,
        conversation,
        meta,
    }) = serde_json::from_slice(bytes)
    {
        return Ok(UserRecord { conversation, meta });
    }
    let mut value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|_| ResetReason::Corrupt)?;
    let version = value
        .get("v")
        .and_then(serde_json::Value::as_u64)
        .ok_or(ResetReason::Corrupt)?;
    if version > SCHEMA_VERSION {
        return Err(ResetReason::FutureVersion(version));
    }
    if version == 1 {
        value = migrate_v1(value).ok_or(ResetReason::Corrupt)?;
    }
    serde_json::from_value(value).map_err(|_| ResetReason::Corrupt)
}

/// Version 1, the first draft, kept the conversation's fields at the top level and had
/// no meta. Version 2 nests them under `conversation` and adds `meta`; a migrated user's
/// times are unknown, so they become the epoch and are refreshed on the next message.
fn migrate_v1(value: serde_json::Value) -> Option<serde_json::Value> {
    let serde_json::Value::Object(mut fields) = value else {
        return None;
    };
    fields.remove("v");
    let epoch = DateTime::<Utc>::UNIX_EPOCH.to_rfc3339();
    Some(serde_json::json!({
        "v": SCHEMA_VERSION,
        "conversation": serde_json::Value::Object(fields),
        "meta": { "created": epoch, "last_seen": epoch, "blocked": false },
    }))
}

// ---- reminder keys and encodings --------------------------------------------------

/// An i64 as 8 bytes that sort in numeric order, negatives first (sign bit flipped).
fn sortable_ms(ms: i64) -> [u8; 8] {
    ((ms as u64) ^ (1 << 63)).to_be_bytes()
}

fn due_key(ms: i64, user: u64, id: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(16 + id.len());
    key.extend_from_slice(&sortable_ms(ms));
    key.extend_from_slice(&user.to_be_bytes());
    key.extend_from_slice(id.as_bytes());
    key
}

/// (due ms, user, id) of a `reminders` key.
fn parse_due_key(key: &[u8]) -> Option<(i64, u64, String)> {
    let ms = u64::from_be_bytes(key.get(..8)?.try_into().ok()?) ^ (1 << 63);
    let user = u64::from_be_bytes(key.get(8..16)?.try_into().ok()?);
    let id = std::str::from_utf8(key.get(16..)?).ok()?;
    Some((ms as i64, user, id.to_string()))
}

/// The user of a `reminders` key, even one whose id is damaged: deletion must find
/// every key of the user, readable or not.
fn due_key_user(key: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(key.get(8..16)?.try_into().ok()?))
}

fn flight_key(user: u64, id: &str) -> Vec<u8> {
    let mut key = user.to_be_bytes().to_vec();
    key.extend_from_slice(id.as_bytes());
    key
}

#[derive(Serialize, Deserialize)]
struct ReminderEnvelope {
    v: u64,
    #[serde(flatten)]
    reminder: Reminder,
}

#[derive(Serialize, Deserialize)]
struct IndexEnvelope {
    v: u64,
    #[serde(flatten)]
    index: UserReminders,
}

/// Why a reminder transaction gave up: a value could not be encoded (a bug).
#[derive(Debug)]
enum TxError {
    Encode(serde_json::Error),
}

type TxResult<T> = Result<T, ConflictableTransactionError<TxError>>;

fn encode_reminder(r: &Reminder) -> TxResult<Vec<u8>> {
    serde_json::to_vec(&ReminderEnvelope {
        v: REMINDER_SCHEMA_VERSION,
        reminder: r.clone(),
    })
    .map_err(|e| ConflictableTransactionError::Abort(TxError::Encode(e)))
}

fn decode_reminder(bytes: &[u8]) -> Option<Reminder> {
    let env: ReminderEnvelope = serde_json::from_slice(bytes).ok()?;
    (env.v == REMINDER_SCHEMA_VERSION).then_some(env.reminder)
}

fn decode_index(bytes: &[u8]) -> Option<UserReminders> {
    let env: IndexEnvelope = serde_json::from_slice(bytes).ok()?;
    (env.v == REMINDER_SCHEMA_VERSION).then_some(env.index)
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
    // As `read_index`: an index that cannot be read counts as empty.
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
        let value = serde_json::to_vec(&ReminderEnvelope {
            v: REMINDER_SCHEMA_VERSION,
            reminder: r.clone(),
        })?;
        inserts.push((due_key(ms, user, &id), value));
        index.pending.insert(id, ms);
    }
    let index = if index.is_empty() {
        None
    } else {
        Some(serde_json::to_vec(&IndexEnvelope {
            v: REMINDER_SCHEMA_VERSION,
            index,
        })?)
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
struct ReplanBatch {
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

/// Writes the index, or removes it when there is nothing left to remember.
fn write_index(tree: &TransactionalTree, user: u64, index: &UserReminders) -> TxResult<()> {
    if index.is_empty() {
        tree.remove(&user.to_be_bytes()[..])?;
        return Ok(());
    }
    let bytes = serde_json::to_vec(&IndexEnvelope {
        v: REMINDER_SCHEMA_VERSION,
        index: index.clone(),
    })
    .map_err(|e| ConflictableTransactionError::Abort(TxError::Encode(e)))?;
    tree.insert(&user.to_be_bytes()[..], bytes)?;
    Ok(())
}

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

/// Group commit: writers register, one of them flushes for everyone registered before
/// the flush started, the rest wait for it. After a flush only the writers it covered
/// are woken, and the first one it did not cover, to lead the next flush: with a
/// thousand writers waiting, waking all of them after every flush (a condition
/// variable's `notify_all`, each then queueing for the lock just to sleep again) costs
/// more than the flushes themselves.
#[derive(Default)]
struct GroupCommit {
    state: Mutex<CommitState>,
}

#[derive(Default)]
struct CommitState {
    /// Writers registered so far.
    registered: u64,
    /// Every writer up to this number is on disk.
    durable: u64,
    /// Someone is flushing now.
    flushing: bool,
    /// Writers asleep until a flush covers them: their number and thread.
    waiting: Vec<(u64, std::thread::Thread)>,
}

impl GroupCommit {
    fn lock(&self) -> std::sync::MutexGuard<'_, CommitState> {
        // A poisoned lock only means another writer panicked; the counters stay valid.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn sync(&self, flush: impl Fn() -> Result<(), StoreError>) -> Result<(), StoreError> {
        let mut state = self.lock();
        state.registered += 1;
        let me = state.registered;
        loop {
            if state.durable >= me {
                return Ok(());
            }
            if !state.flushing {
                state.flushing = true;
                let covers = state.registered;
                drop(state);
                let result = flush();
                let wake = {
                    let mut state = self.lock();
                    state.flushing = false;
                    if result.is_ok() {
                        state.durable = state.durable.max(covers);
                    }
                    state.take_wakeable(result.is_ok())
                };
                for thread in wake {
                    thread.unpark();
                }
                // On success this flush covered `me`.
                return result;
            }
            // A spurious wake-up may find this writer still listed.
            if !state.waiting.iter().any(|(n, _)| *n == me) {
                state.waiting.push((me, std::thread::current()));
            }
            drop(state);
            // An unpark between the drop and here is not lost: park returns at once.
            std::thread::park();
            state = self.lock();
        }
    }
}

impl CommitState {
    /// Takes the waiting writers to wake after a flush: those it covered and the first
    /// it did not (the next flush's leader); after a failed flush, all of them, so that
    /// one of them tries again and every one of them learns the outcome of its own.
    fn take_wakeable(&mut self, flushed: bool) -> Vec<std::thread::Thread> {
        let durable = self.durable;
        let mut wake = Vec::new();
        let mut leader = false;
        self.waiting.retain(|(n, thread)| {
            let covered = flushed && *n <= durable;
            if !flushed || covered || !leader {
                leader |= !covered;
                wake.push(thread.clone());
                false
            } else {
                true
            }
        });
        wake
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-21T05:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn round_trip_and_delete() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        assert_eq!(store.load(7, now()).unwrap(), Loaded::New);
        let mut record = UserRecord::new(Conversation::new(Lang::Kk), now());
        record.conversation.started = true;
        store.save(7, &record).unwrap();
        assert_eq!(store.load(7, now()).unwrap(), Loaded::Found(record));
        assert!(store.delete(7).unwrap());
        assert_eq!(store.load(7, now()).unwrap(), Loaded::New);
        assert!(!store.delete(7).unwrap());
    }

    #[test]
    fn corrupt_and_future_records_are_quarantined_then_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        store.put_raw(1, b"\x00garbage").unwrap();
        store.put_raw(2, br#"{"v": 99, "anything": true}"#).unwrap();
        assert_eq!(
            store.load(1, now()).unwrap(),
            Loaded::Unreadable(ResetReason::Corrupt)
        );
        assert_eq!(
            store.load(2, now()).unwrap(),
            Loaded::Unreadable(ResetReason::FutureVersion(99))
        );
        // The user can start again, and the bytes are kept for the operator.
        assert_eq!(store.load(1, now()).unwrap(), Loaded::New);
        let export = store.export(2).unwrap();
        assert_eq!(export["quarantined"].as_array().unwrap().len(), 1);
        store.delete(2).unwrap();
        let keys = store.all_keys().unwrap();
        assert!(keys
            .iter()
            .all(|(_, k)| !k.starts_with(&2u64.to_be_bytes())));
    }

    #[test]
    fn a_second_process_gets_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let _first = Store::open(&path).unwrap();
        // sled locks per process through the OS; a second open in-process shares the
        // lock, so the black-box test checks two processes. Here: the mapping itself.
        let err = sled::Error::Io(std::io::Error::new(
            std::io::ErrorKind::WouldBlock,
            "could not acquire lock",
        ));
        assert!(is_lock_error(&err));
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
            record: encode(&record()).unwrap(),
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
    fn group_commit_waits_for_a_covering_flush() {
        use std::sync::atomic::{AtomicU64, Ordering};
        use std::sync::Arc;
        let commit = Arc::new(GroupCommit::default());
        let flushes = Arc::new(AtomicU64::new(0));
        let threads: Vec<_> = (0..16)
            .map(|_| {
                let commit = commit.clone();
                let flushes = flushes.clone();
                std::thread::spawn(move || {
                    for _ in 0..50 {
                        commit
                            .sync(|| {
                                flushes.fetch_add(1, Ordering::SeqCst);
                                std::thread::sleep(std::time::Duration::from_micros(200));
                                Ok(())
                            })
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let state = commit.state.lock().unwrap();
        assert_eq!(state.registered, 800);
        assert_eq!(state.durable, 800);
        // Sharing happened: fewer flushes than writers.
        assert!(flushes.load(Ordering::SeqCst) < 800);
    }

    // ---- reminders --------------------------------------------------------------

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn reminder(user: u64, offset: i64, due: &str) -> Reminder {
        Reminder {
            user,
            due: at(due),
            kind: crate::rules::DeadlineKind::PermitEnd,
            date: day("2026-11-29"),
            rule: "R11".into(),
            offset,
            step: None,
            link: None,
        }
    }

    fn record() -> UserRecord {
        UserRecord::new(Conversation::new(Lang::En), now())
    }

    fn plan_of(rs: Vec<Reminder>) -> impl Fn(&UserReminders) -> Vec<Reminder> {
        move |state| {
            rs.iter()
                .filter(|r| !state.logged(&r.id()))
                .cloned()
                .collect()
        }
    }

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

    #[test]
    fn delete_leaves_no_key_of_the_user_in_any_tree() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        for user in [7, 8] {
            store
                .save_and_replan(
                    user,
                    &record(),
                    day("2026-11-21"),
                    &plan_of(vec![
                        reminder(user, 7, "2026-11-22T05:00:00Z"),
                        reminder(user, 3, "2026-11-26T05:00:00Z"),
                    ]),
                )
                .unwrap();
        }
        store
            .take_due(
                7,
                "permit_end:2026-11-29:7",
                at("2026-11-22T05:00:00Z"),
                day("2026-11-22"),
            )
            .unwrap()
            .unwrap();
        let export = store.export(7).unwrap();
        assert_eq!(export["reminders"]["pending"].as_array().unwrap().len(), 1);
        assert!(store.delete(7).unwrap());
        let mentions_7 = |tree: &str, key: &[u8]| {
            let id = 7u64.to_be_bytes();
            if tree == REMINDERS {
                key.get(8..16) == Some(&id[..])
            } else {
                key.starts_with(&id)
            }
        };
        let keys = store.all_keys().unwrap();
        assert!(
            !keys.iter().any(|(tree, k)| mentions_7(tree, k)),
            "{keys:?}"
        );
        // The other user is untouched.
        assert_eq!(store.pending_reminders(8).unwrap().len(), 2);
        assert_eq!(store.queued_reminders(), 2);
    }

    #[test]
    fn due_keys_sort_by_time_including_before_1970() {
        let a = due_key(-5, 1, "x");
        let b = due_key(0, 1, "x");
        let c = due_key(1_700_000_000_000, 0, "x");
        assert!(a < b && b < c);
        assert_eq!(parse_due_key(&a), Some((-5, 1, "x".to_string())));
    }

    #[test]
    fn a_failed_flush_is_reported_and_retried_by_the_next_writer() {
        let commit = GroupCommit::default();
        let err = commit.sync(|| {
            Err(StoreError::Io {
                operation: "flush",
                source: sled::Error::Unsupported("disk full".into()),
            })
        });
        assert!(err.is_err());
        commit.sync(|| Ok(())).unwrap();
        let state = commit.state.lock().unwrap();
        assert_eq!(state.durable, 2);
    }
}
