//! Hooks that only tests use: a flush that fails as a full disk would, a shorter pause
//! before the reopen after a failure, and raw bytes written under any key, for records
//! and reminders that cannot be read. Compiled only with `cfg(test)` or the
//! `test-support` feature (which the integration tests get through the dev-dependency
//! on this crate), so a release build cannot call them.

use std::sync::atomic::Ordering;
use std::time::Duration;

use super::{io, Store, StoreError, IN_FLIGHT, QUARANTINE, REMINDERS, REMINDER_USERS, USERS};

impl Store {
    /// While on, every flush fails as a full disk would, which marks the store failed
    /// exactly as a real I/O error does.
    pub fn fail_flushes(&self, on: bool) {
        self.fail_flushes.store(on, Ordering::SeqCst);
    }

    /// After `batches` more re-assessment batches, every further one fails before it
    /// writes anything, as if the process had died between two batches: what the
    /// finished batches wrote is on disk, nothing else is.
    pub fn crash_after_rechecks(&self, batches: i64) {
        self.recheck_budget.store(batches, Ordering::SeqCst);
    }

    /// Whether the injected crash has come (`crash_after_rechecks`); spends one batch.
    pub(super) fn recheck_crashed(&self) -> bool {
        let left = self.recheck_budget.load(Ordering::SeqCst);
        if left < 0 {
            return false;
        }
        if left == 0 {
            return true;
        }
        self.recheck_budget.store(left - 1, Ordering::SeqCst);
        false
    }

    /// How long to wait after an I/O error before reopening.
    pub fn set_reopen_after(&self, pause: Duration) {
        *self.reopen_after.lock().unwrap_or_else(|p| p.into_inner()) = pause;
    }

    /// Writes raw bytes as a user's record: for tests of unreadable and old records.
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
}
