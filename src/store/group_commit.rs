//! Group commit: no writer returns before its write is on disk, and many writers share
//! one flush. A write and the flush that makes it durable happen inside the same
//! operation on the open trees ([`Store::with`]), so a reopen after a failure can never
//! come between them and leave a lost write acknowledged.

use std::sync::Mutex;

use super::{io, Store, StoreError, Trees};

impl Store {
    /// Waits until every write made before this call is on disk. One caller flushes for
    /// all who are waiting (group commit).
    pub fn sync(&self) -> Result<(), StoreError> {
        self.with(|t| self.sync_on(t))
    }

    /// Group commit on one opening of the database.
    pub(super) fn sync_on(&self, t: &Trees) -> Result<(), StoreError> {
        self.commits.sync(|| {
            #[cfg(any(test, feature = "test-support"))]
            {
                if self.fail_flushes.load(std::sync::atomic::Ordering::SeqCst) {
                    return Err(StoreError::Io {
                        operation: "flush",
                        source: sled::Error::Io(std::io::Error::new(
                            std::io::ErrorKind::StorageFull,
                            "no space left on device (injected by a test)",
                        )),
                    });
                }
            }
            t.db.flush().map(|_| ()).map_err(io("flush"))
        })
    }
}

/// Group commit: writers register, one of them flushes for everyone registered before
/// the flush started, the rest wait for it. After a flush only the writers it covered
/// are woken, and the first one it did not cover, to lead the next flush: with a
/// thousand writers waiting, waking all of them after every flush (a condition
/// variable's `notify_all`, each then queueing for the lock just to sleep again) costs
/// more than the flushes themselves.
#[derive(Default)]
pub(super) struct GroupCommit {
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

    /// Returns once a flush that started after this call has succeeded, running
    /// `flush` itself when nobody else is; or with the error of a flush it ran itself
    /// (after a failed flush every waiting writer is woken to try its own).
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
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;

    #[test]
    fn group_commit_waits_for_a_covering_flush() {
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

    #[test]
    fn an_injected_flush_failure_marks_the_store_failed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        store.sync().unwrap();
        store.fail_flushes(true);
        assert!(matches!(
            store.sync(),
            Err(StoreError::Io {
                operation: "flush",
                ..
            })
        ));
        assert!(store.is_failed());
    }
}
