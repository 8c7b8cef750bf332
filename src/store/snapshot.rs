//! The whole store at once, for backup and restore: a consistent snapshot of every
//! tree taken while no write can happen, and the replacement of everything with
//! entries a backup file held. Both hold every other operation off (exclusive access,
//! lifecycle.rs); the backup file's format is the `backup` module's business.

use std::collections::BTreeMap;

use super::{io, EntrySink, RawEntry, Store, StoreError};

impl Store {
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

/// Writes the batches gathered so far, each into its tree, and empties them.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fixtures::{day, plan_of, record, reminder};

    #[test]
    fn a_snapshot_replaces_another_store_whole() {
        let dir = tempfile::tempdir().unwrap();
        let from = Store::open(&dir.path().join("from")).unwrap();
        from.save_and_replan(
            7,
            &record(),
            day("2026-11-21"),
            &plan_of(vec![reminder(7, 3, "2026-11-26T05:00:00Z")]),
        )
        .unwrap();
        let entries = from.all_entries().unwrap();
        let into = Store::open(&dir.path().join("into")).unwrap();
        assert!(into.is_empty().unwrap());
        into.save(8, &record()).unwrap();
        let written = into.replace_all(&mut entries.clone().into_iter()).unwrap();
        assert_eq!(written, entries.len() as u64);
        assert_eq!(into.all_entries().unwrap(), entries);
        assert!(!into.is_empty().unwrap());
        assert_eq!(into.pending_reminders(7).unwrap().len(), 1);
    }
}
