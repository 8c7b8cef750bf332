//! The open database from one opening to the next: opening sled (and telling a store
//! another process holds from one that is broken), running each operation on the
//! open trees, the failure that closes them and the reopen after a pause, exclusive
//! access, and compaction.
//!
//! sled refuses every write after one I/O error (a full disk) until it is reopened, so
//! an I/O error marks the store failed, every operation is refused until a pause has
//! passed, and the next one reopens sled from what is on disk: what was flushed is
//! there, what was not was never acknowledged. Every operation holds the open database
//! (`Arc<Trees>`) while it runs and never nests, so taking the slot's write lock and
//! waiting for the last holder gives exclusive access: to reopen, to take a snapshot
//! no write interleaves, to replace everything (see `snapshot.rs`), and to rewrite the
//! files without the bytes of erased users (`compact`: sled is log-structured, and a
//! deleted record stays in its files until its segment is reclaimed).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::group_commit::GroupCommit;
use super::replan::ReplanBatch;
use super::{
    io, Store, StoreError, Trees, CASES, CASE_MESSAGES, CASE_USERS, CATALOGUES, INBOX, IN_FLIGHT,
    NOTICES, NOTICES_DUE, NOTICES_IN_FLIGHT, QUARANTINE, RELAYS, REMINDERS, REMINDER_USERS, USERS,
};

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

/// The I/O error that made the store unusable, and when.
pub(super) struct Failure {
    at: Instant,
    error: sled::Error,
}

/// How long [`Store::open`] retries a lock error before reporting the store in use.
const OPEN_WAIT: Duration = Duration::from_secs(1);

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
            catalogues: db.open_tree(CATALOGUES).map_err(io("open tree"))?,
            notices: db.open_tree(NOTICES).map_err(io("open tree"))?,
            notices_due: db.open_tree(NOTICES_DUE).map_err(io("open tree"))?,
            notices_in_flight: db.open_tree(NOTICES_IN_FLIGHT).map_err(io("open tree"))?,
            cases: db.open_tree(CASES).map_err(io("open tree"))?,
            case_users: db.open_tree(CASE_USERS).map_err(io("open tree"))?,
            case_messages: db.open_tree(CASE_MESSAGES).map_err(io("open tree"))?,
            relays: db.open_tree(RELAYS).map_err(io("open tree"))?,
            db,
        })
    }

    /// Opens `path` again right after this process closed it. sled finishes writes
    /// of a closed database on its own thread pool, which holds the file lock for a
    /// moment after the last handle is dropped; so a lock error is retried for a
    /// while before it counts.
    fn open_again(path: &Path) -> Result<Trees, StoreError> {
        Trees::open_waiting(path, Duration::from_secs(5))
    }

    /// [`Trees::open`], retrying a lock error for up to `wait` (see `open_again`).
    fn open_waiting(path: &Path, wait: Duration) -> Result<Trees, StoreError> {
        let give_up = Instant::now() + wait;
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
    pub(super) fn named(&self) -> Result<Vec<(String, sled::Tree)>, StoreError> {
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

impl Store {
    /// Opens (or creates) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        finish_compaction(path);
        // A store this process has just closed (a command that reopens it, a test) can
        // be held for a moment by sled's own threads; another process holding it is
        // reported after this short wait.
        let trees = Trees::open_waiting(path, OPEN_WAIT)?;
        Ok(Store {
            path: path.to_path_buf(),
            slot: RwLock::new(Some(Arc::new(trees))),
            failure: Mutex::new(None),
            reopen_after: Mutex::new(REOPEN_AFTER),
            commits: GroupCommit::default(),
            replans: ReplanBatch::default(),
            #[cfg(any(test, feature = "test-support"))]
            fail_flushes: AtomicBool::new(false),
            #[cfg(any(test, feature = "test-support"))]
            recheck_budget: std::sync::atomic::AtomicI64::new(-1),
            // An erasure before a crash may not have been compacted away.
            erased_since_compaction: AtomicBool::new(true),
        })
    }

    /// Runs one operation on the open database. An I/O error marks the store failed:
    /// sled refuses every later write until it is reopened, which the first operation
    /// after a pause does. Operations never nest (a nested one could wait for a
    /// snapshot that waits for the outer one), so helpers take `&Trees`.
    pub(super) fn with<T>(
        &self,
        op: impl FnOnce(&Trees) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
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
    pub(super) fn exclusive<T>(
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

    /// Whether an I/O error has left the store waiting to be reopened.
    pub fn is_failed(&self) -> bool {
        self.failure
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
    }

    /// Bytes the store takes on disk.
    pub fn size_on_disk(&self) -> Result<u64, StoreError> {
        self.with(|t| t.db.size_on_disk().map_err(io("size")))
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
