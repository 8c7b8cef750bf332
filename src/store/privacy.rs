//! What the store does for a user's privacy: erasing everything kept about them
//! (record, reminders, sent log, in-flight reminders, quarantined bytes, waiting
//! updates, cases and their relays), exporting all of it, and what the retention sweep walks: every user the
//! store knows anything about, and what is left of one without a readable record.
//! Also the whole-store listings that prove an erased user is gone. Erasure leaves
//! bytes in sled's files until `compact` (lifecycle.rs) rewrites them.

use std::collections::BTreeSet;
use std::sync::atomic::Ordering;

use sled::Transactional;

use super::codec::{
    decode_index, decode_record, due_key, due_key_user, flight_key, key_user, quarantine_key_time,
};
use super::reminders::{pending_in, reminder_state_in};
use super::{
    cases, inbox, io, notices, tx, RawEntry, Store, StoreError, Traces, Trees, UserReminders,
    SCHEMA_VERSION,
};
use crate::reminders::plan::deadline_of_id;

impl Store {
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

    /// Everything stored about a user as JSON: the record (migrated), any quarantined
    /// bytes, their reminders (pending and the sent log), their cases and relays, and a
    /// rule-change notice not yet delivered. `record` is null when
    /// nothing is stored.
    pub fn export(&self, user: u64) -> Result<serde_json::Value, StoreError> {
        self.with(|t| {
            let record = match t.users.get(user.to_be_bytes()).map_err(io("read"))? {
                Some(bytes) => match decode_record(&bytes) {
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
            let cases = cases::export(t, user)?;
            // A rule-change notice waiting or being sent holds their dates too.
            let mut rule_notices = Vec::new();
            for tree in [&t.notices, &t.notices_in_flight] {
                if let Some(bytes) = tree.get(user.to_be_bytes()).map_err(io("read"))? {
                    rule_notices.push(match notices::decode(&bytes) {
                        Some(n) => serde_json::to_value(&n).map_err(StoreError::Encode)?,
                        None => serde_json::Value::String(String::from_utf8_lossy(&bytes).into()),
                    });
                }
            }
            Ok(serde_json::json!({
                "user": user,
                "schema": SCHEMA_VERSION,
                "record": record,
                "quarantined": quarantined,
                "reminders": {
                    "pending": serde_json::to_value(&pending).map_err(StoreError::Encode)?,
                    "sent": serde_json::to_value(&reminders.sent).map_err(StoreError::Encode)?,
                },
                "cases": cases["cases"],
                "outbox": cases["outbox"],
                "rule_change_notices": rule_notices,
            }))
        })
    }

    /// Every user the store knows anything about: a record, reminders, an in-flight
    /// reminder or quarantined bytes. The retention sweep walks this.
    pub fn known_users(&self) -> Result<BTreeSet<u64>, StoreError> {
        self.with(|t| {
            let mut users = BTreeSet::new();
            for tree in [
                &t.users,
                &t.reminder_users,
                &t.in_flight,
                &t.quarantine,
                &t.case_users,
            ] {
                for item in tree.iter().keys() {
                    if let Some(user) = key_user(&item.map_err(io("read"))?) {
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
                traces.quarantined = traces.quarantined.max(quarantine_key_time(&key));
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
}

/// Erases a user from every tree; see [`Store::delete`].
fn delete_user(t: &Trees, user: u64) -> Result<bool, StoreError> {
    // The record goes last (then the inbox): a crash in the middle leaves the record,
    // still waiting for the confirmed deletion, and the update that confirmed it, which
    // the next start hands over again, so the deletion is done again from the start and
    // confirmed. Every step below can run twice.
    tx(
        "delete notices",
        (&t.notices, &t.notices_due, &t.notices_in_flight).transaction(|(n, d, f)| {
            notices::forget_in(n, d, f, user)?;
            Ok(())
        }),
    )?;
    let mut notice_keys = Vec::new();
    for item in t.notices_due.iter().keys() {
        let key = item.map_err(io("read"))?;
        if due_key_user(&key) == Some(user) {
            notice_keys.push(key);
        }
    }
    for key in &notice_keys {
        t.notices_due.remove(key).map_err(io("delete"))?;
    }
    // Their cases, with a notice without content to the caseworkers' chat.
    let had_cases = t
        .case_users
        .contains_key(user.to_be_bytes())
        .map_err(io("read"))?;
    cases::forget_user(t, user)?;
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
    Ok(existed || had_cases || !stray.is_empty() || !queued.is_empty() || !quarantined.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fixtures::{at, day, plan_of, record, reminder, window};
    use crate::store::REMINDERS;

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
            .take_digest(7, &window(at("2026-11-22T05:00:00Z")))
            .unwrap()
            .unwrap();
        let export = store.export(7).unwrap();
        assert_eq!(export["reminders"]["pending"].as_array().unwrap().len(), 1);
        assert_eq!(store.known_users().unwrap(), BTreeSet::from([7, 8]));
        assert_eq!(
            store.traces(7).unwrap().last_reminder_date,
            Some(day("2026-11-29"))
        );
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
        assert_eq!(store.known_users().unwrap(), BTreeSet::from([8]));
        // The other user is untouched.
        assert_eq!(store.pending_reminders(8).unwrap().len(), 2);
        assert_eq!(store.queued_reminders(), 2);
    }
}
