//! The user records: the `users` tree, and `quarantine` for records that cannot be
//! read. Loading migrates an older record (see `codec.rs`); one that cannot be read is
//! moved to quarantine, durably, so that the user can start again and the operator
//! still has the bytes. Saving waits for the disk. Saving a record together with its
//! re-planned reminders is `replan.rs`.

use chrono::{DateTime, Utc};

use super::codec::{decode_record, encode_record, quarantine_key};
use super::{io, Loaded, Store, StoreError, UserRecord};

impl Store {
    /// Reads a user's record, migrating an older one. An unreadable record is moved to
    /// quarantine (durably) so that the user can start again.
    pub fn load(&self, user: u64, now: DateTime<Utc>) -> Result<Loaded, StoreError> {
        self.with(|t| {
            let Some(bytes) = t.users.get(user.to_be_bytes()).map_err(io("read"))? else {
                return Ok(Loaded::New);
            };
            match decode_record(&bytes) {
                Ok(record) => Ok(Loaded::Found(record)),
                Err(reason) => {
                    tracing::warn!(user, ?reason, "unreadable user record quarantined");
                    t.quarantine
                        .insert(quarantine_key(user, now.timestamp_millis()), bytes.to_vec())
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
            Ok(bytes.and_then(|b| decode_record(&b).ok()))
        })
    }

    /// Saves a user's record and returns once it is on disk. Concurrent callers share
    /// flushes.
    pub fn save(&self, user: u64, record: &UserRecord) -> Result<(), StoreError> {
        let bytes = encode_record(record).map_err(StoreError::Encode)?;
        self.with(|t| {
            t.users
                .insert(user.to_be_bytes(), bytes)
                .map_err(io("write"))?;
            self.sync_on(t)
        })
    }

    /// How many users have a record (0 while the store is unavailable).
    pub fn user_count(&self) -> usize {
        self.with(|t| Ok(t.users.len())).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;
    use crate::engine::Conversation;
    use crate::store::fixtures::now;
    use crate::store::ResetReason;

    #[test]
    fn round_trip_and_delete() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        assert_eq!(store.load(7, now()).unwrap(), Loaded::New);
        let mut record = UserRecord::new(Conversation::new(Lang::Kk), now());
        record.conversation.started = true;
        store.save(7, &record).unwrap();
        assert_eq!(store.user_count(), 1);
        assert_eq!(store.load(7, now()).unwrap(), Loaded::Found(record));
        assert!(store.delete(7).unwrap());
        assert_eq!(store.load(7, now()).unwrap(), Loaded::New);
        assert!(!store.delete(7).unwrap());
        assert_eq!(store.user_count(), 0);
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
        assert_eq!(store.traces(2).unwrap().quarantined, Some(now()));
        store.delete(2).unwrap();
        let keys = store.all_keys().unwrap();
        assert!(keys
            .iter()
            .all(|(_, k)| !k.starts_with(&2u64.to_be_bytes())));
    }
}
