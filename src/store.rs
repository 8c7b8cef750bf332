//! The one module that touches sled. It owns the tree names, the key layouts (big-endian
//! user ids, so keys sort numerically), the record encoding with its schema version, the
//! migrations from older versions, and group commit: many writers share one flush, and
//! no writer returns before its write is on disk.
//!
//! Trees:
//! - `users`: user id (u64 BE) → user record (JSON envelope `{"v": N, ...}`).
//! - `quarantine`: user id (u64 BE) + time (i64 BE, ms) → raw bytes of a record that could
//!   not be read, kept for the operator instead of being silently dropped.

use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::engine::Conversation;

/// The version written by this build. Records carry it as `v`.
pub const SCHEMA_VERSION: u64 = 2;

const USERS: &str = "users";
const QUARANTINE: &str = "quarantine";

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
}

impl UserRecord {
    pub fn new(conversation: Conversation, now: DateTime<Utc>) -> UserRecord {
        UserRecord {
            conversation,
            meta: UserMeta {
                created: now,
                last_seen: now,
                blocked: false,
            },
        }
    }
}

/// What loading a user found.
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
    /// A record could not be encoded (a bug, not bad input).
    #[error("could not encode a record")]
    Encode(#[source] serde_json::Error),
}

fn io(operation: &'static str) -> impl FnOnce(sled::Error) -> StoreError {
    move |source| StoreError::Io { operation, source }
}

/// The open store. Cheap to share behind an `Arc`; all methods take `&self`.
pub struct Store {
    db: sled::Db,
    users: sled::Tree,
    quarantine: sled::Tree,
    commits: GroupCommit,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (or creates) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let db = sled::Config::new().path(path).open().map_err(|source| {
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
        let users = db.open_tree(USERS).map_err(io("open tree"))?;
        let quarantine = db.open_tree(QUARANTINE).map_err(io("open tree"))?;
        Ok(Store {
            db,
            users,
            quarantine,
            commits: GroupCommit::default(),
        })
    }

    /// Reads a user's record, migrating an older one. An unreadable record is moved to
    /// quarantine (durably) so that the user can start again.
    pub fn load(&self, user: u64, now: DateTime<Utc>) -> Result<Loaded, StoreError> {
        let Some(bytes) = self.users.get(user.to_be_bytes()).map_err(io("read"))? else {
            return Ok(Loaded::New);
        };
        match decode(&bytes) {
            Ok(record) => Ok(Loaded::Found(record)),
            Err(reason) => {
                tracing::warn!(user, ?reason, "unreadable user record quarantined");
                let mut key = user.to_be_bytes().to_vec();
                key.extend_from_slice(&now.timestamp_millis().to_be_bytes());
                self.quarantine
                    .insert(key, bytes.to_vec())
                    .map_err(io("write"))?;
                self.users.remove(user.to_be_bytes()).map_err(io("write"))?;
                self.sync()?;
                Ok(Loaded::Unreadable(reason))
            }
        }
    }

    /// Saves a user's record and returns once it is on disk. Concurrent callers share
    /// flushes.
    pub fn save(&self, user: u64, record: &UserRecord) -> Result<(), StoreError> {
        self.save_unsynced(user, record)?;
        self.sync()
    }

    /// Saves without waiting for the disk; follow with `sync` before acknowledging.
    pub fn save_unsynced(&self, user: u64, record: &UserRecord) -> Result<(), StoreError> {
        let bytes = encode(record)?;
        self.users
            .insert(user.to_be_bytes(), bytes)
            .map_err(io("write"))?;
        Ok(())
    }

    /// Erases everything stored about a user and waits for the disk. Returns whether
    /// anything was there.
    pub fn delete(&self, user: u64) -> Result<bool, StoreError> {
        let existed = self
            .users
            .remove(user.to_be_bytes())
            .map_err(io("delete"))?
            .is_some();
        let mut quarantined = Vec::new();
        for item in self.quarantine.scan_prefix(user.to_be_bytes()) {
            let (key, _) = item.map_err(io("read"))?;
            quarantined.push(key);
        }
        for key in &quarantined {
            self.quarantine.remove(key).map_err(io("delete"))?;
        }
        self.sync()?;
        Ok(existed || !quarantined.is_empty())
    }

    /// Everything stored about a user as JSON: the record (migrated) and any quarantined
    /// bytes. `record` is null when nothing is stored.
    pub fn export(&self, user: u64) -> Result<serde_json::Value, StoreError> {
        let record = match self.users.get(user.to_be_bytes()).map_err(io("read"))? {
            Some(bytes) => match decode(&bytes) {
                Ok(r) => serde_json::to_value(&r).map_err(StoreError::Encode)?,
                Err(_) => serde_json::Value::String(String::from_utf8_lossy(&bytes).into()),
            },
            None => serde_json::Value::Null,
        };
        let mut quarantined = Vec::new();
        for item in self.quarantine.scan_prefix(user.to_be_bytes()) {
            let (_, bytes) = item.map_err(io("read"))?;
            quarantined.push(serde_json::Value::String(
                String::from_utf8_lossy(&bytes).into(),
            ));
        }
        Ok(serde_json::json!({
            "user": user,
            "schema": SCHEMA_VERSION,
            "record": record,
            "quarantined": quarantined,
        }))
    }

    /// How many users have a record.
    pub fn user_count(&self) -> usize {
        self.users.len()
    }

    /// Waits until every write made before this call is on disk. One caller flushes for
    /// all who are waiting (group commit).
    pub fn sync(&self) -> Result<(), StoreError> {
        self.commits
            .sync(|| self.db.flush().map(|_| ()).map_err(io("flush")))
    }

    /// Bytes the store takes on disk.
    pub fn size_on_disk(&self) -> Result<u64, StoreError> {
        self.db.size_on_disk().map_err(io("size"))
    }

    /// Every key in every tree, for privacy checks: proof that a deleted user is gone.
    pub fn all_keys(&self) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let mut keys = Vec::new();
        for name in self.db.tree_names() {
            let tree = self.db.open_tree(&name).map_err(io("open tree"))?;
            for item in tree.iter() {
                let (k, _) = item.map_err(io("read"))?;
                keys.push((String::from_utf8_lossy(&name).into_owned(), k.to_vec()));
            }
        }
        Ok(keys)
    }

    /// Writes raw bytes as a user's record: for tests of unreadable and old records.
    #[doc(hidden)]
    pub fn put_raw(&self, user: u64, bytes: &[u8]) -> Result<(), StoreError> {
        self.users
            .insert(user.to_be_bytes(), bytes)
            .map_err(io("write"))?;
        self.sync()
    }
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

/// Reads any version we know, migrating it to the current one.
fn decode(bytes: &[u8]) -> Result<UserRecord, ResetReason> {
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

/// Group commit: writers register, one of them flushes for everyone registered before
/// the flush started, the rest wait for it.
#[derive(Default)]
struct GroupCommit {
    state: Mutex<CommitState>,
    flushed: Condvar,
}

#[derive(Default)]
struct CommitState {
    /// Writers registered so far.
    registered: u64,
    /// Every writer up to this number is on disk.
    durable: u64,
    /// Someone is flushing now.
    flushing: bool,
}

impl GroupCommit {
    fn sync(&self, flush: impl Fn() -> Result<(), StoreError>) -> Result<(), StoreError> {
        // A poisoned lock only means another writer panicked; the counters stay valid.
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
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
                state = self.state.lock().unwrap_or_else(|p| p.into_inner());
                state.flushing = false;
                if result.is_ok() {
                    state.durable = state.durable.max(covers);
                }
                self.flushed.notify_all();
                result?;
            } else {
                state = self.flushed.wait(state).unwrap_or_else(|p| p.into_inner());
            }
        }
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
