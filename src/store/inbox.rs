//! The inbox: Telegram updates the bot has received and not finished handling. An
//! update is written here, and waited for on disk, before Telegram is told it was
//! received (the next `getUpdates` offset, or the webhook's 200); it is removed once the
//! bot has answered it. So an update that arrives just before a crash is not lost: the
//! next start hands what is left here to the dispatcher again, and the user's record
//! (`UserMeta::last_update`) tells an update already applied from one that was not.
//!
//! Tree `inbox`: update id (u32 BE) → `{"user": id or null, "update": "..."}`, the update
//! as JSON text.
//!
//! Entries hold what users wrote, so they live only as long as it takes to answer;
//! `Store::delete` removes a user's entries with the rest of them.

use serde::{Deserialize, Serialize};

use super::{io, Store, StoreError, Trees};

/// One update waiting to be handled, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxEntry {
    /// The update's id, from its key.
    #[serde(skip)]
    pub id: u32,
    /// Who sent it, when known: so that erasing a user erases their waiting updates.
    pub user: Option<u64>,
    /// The update as JSON text. Text, not a parsed value: teloxide reads an update
    /// only from text.
    pub update: String,
}

impl Store {
    /// Writes received updates and waits for the disk (group commit), before Telegram
    /// is told they were received.
    pub fn inbox_put(&self, entries: &[InboxEntry]) -> Result<(), StoreError> {
        if entries.is_empty() {
            return Ok(());
        }
        let mut batch = sled::Batch::default();
        for entry in entries {
            let value = serde_json::to_vec(entry).map_err(StoreError::Encode)?;
            batch.insert(&entry.id.to_be_bytes()[..], value);
        }
        self.with(|t| {
            t.inbox.apply_batch(batch).map_err(io("write"))?;
            self.sync_on(t)
        })
    }

    /// An update was answered: it leaves the inbox. Not waited for on disk: if a crash
    /// loses this, the update is handed over again and recognised as applied.
    pub fn inbox_done(&self, id: u32) -> Result<(), StoreError> {
        self.with(|t| {
            t.inbox
                .remove(id.to_be_bytes())
                .map_err(io("delete"))
                .map(drop)
        })
    }

    /// Everything waiting, oldest first. Unreadable entries are left out (and removed):
    /// there is nothing to answer them with.
    pub fn inbox(&self) -> Result<Vec<InboxEntry>, StoreError> {
        self.with(|t| {
            let mut waiting = Vec::new();
            let mut unreadable = Vec::new();
            for item in t.inbox.iter() {
                let (key, value) = item.map_err(io("read"))?;
                let parsed = <[u8; 4]>::try_from(&key[..])
                    .ok()
                    .zip(serde_json::from_slice::<InboxEntry>(&value).ok());
                match parsed {
                    Some((id, mut entry)) => {
                        entry.id = u32::from_be_bytes(id);
                        waiting.push(entry);
                    }
                    None => unreadable.push(key),
                }
            }
            for key in unreadable {
                tracing::warn!("unreadable inbox entry removed");
                t.inbox.remove(key).map_err(io("delete"))?;
            }
            Ok(waiting)
        })
    }
}

/// Removes the user's waiting updates, and any unreadable entry (part of erasing a
/// user: an unreadable entry may be theirs).
pub(super) fn forget_user(t: &Trees, user: u64) -> Result<(), StoreError> {
    let mut theirs = Vec::new();
    for item in t.inbox.iter() {
        let (key, value) = item.map_err(io("read"))?;
        // An entry that cannot be read would never be handed over; it goes too.
        let mentions = serde_json::from_slice::<InboxEntry>(&value)
            .map_or(true, |entry| entry.user == Some(user));
        if mentions {
            theirs.push(key);
        }
    }
    for key in theirs {
        t.inbox.remove(key).map_err(io("delete"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(id: u32, user: u64) -> InboxEntry {
        InboxEntry {
            id,
            user: Some(user),
            update: json!({"update_id": id, "message": {"text": "hello"}}).to_string(),
        }
    }

    #[test]
    fn what_was_put_and_not_done_is_there_after_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        {
            let store = Store::open(&path).unwrap();
            assert!(store.inbox().unwrap().is_empty());
            store
                .inbox_put(&[entry(12, 1), entry(10, 2), entry(11, 1)])
                .unwrap();
            store.inbox_done(11).unwrap();
            store.inbox_put(&[]).unwrap();
            store.sync().unwrap();
        }
        let store = Store::open(&path).unwrap();
        let waiting = store.inbox().unwrap();
        let ids: Vec<u32> = waiting.iter().map(|e| e.id).collect();
        assert_eq!(ids, [10, 12]);
        assert_eq!(waiting[0], entry(10, 2));
    }

    #[test]
    fn erasing_a_user_erases_their_waiting_updates_and_keeps_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        store
            .inbox_put(&[entry(1, 5), entry(2, 6), entry(3, 5)])
            .unwrap();
        // A damaged entry: it could be anyone's.
        store
            .with(|t| {
                t.inbox
                    .insert(4u32.to_be_bytes(), &b"{\"user\":5,\"upd"[..])
                    .map_err(io("write"))
            })
            .unwrap();
        store.delete(5).unwrap();
        let left: Vec<u32> = store.inbox().unwrap().iter().map(|e| e.id).collect();
        assert_eq!(left, [2]);
        assert!(store
            .all_entries()
            .unwrap()
            .iter()
            .all(|(tree, _, value)| tree != "inbox"
                || !String::from_utf8_lossy(value).contains("\"user\":5")));
    }

    #[test]
    fn an_unreadable_entry_is_dropped_not_handed_over() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        store.inbox_put(&[entry(1, 5)]).unwrap();
        store
            .with(|t| {
                t.inbox
                    .insert(2u32.to_be_bytes(), &b"\xff\x00"[..])
                    .map_err(io("write"))
            })
            .unwrap();
        let ids: Vec<u32> = store.inbox().unwrap().iter().map(|e| e.id).collect();
        assert_eq!(ids, [1]);
        assert_eq!(
            store
                .all_entries()
                .unwrap()
                .iter()
                .filter(|(t, _, _)| t == "inbox")
                .count(),
            1
        );
    }
}
