//! Every rule catalogue the bot has served with, kept by version (its content hash), so
//! that when the rules change a user's old plan can be made again from the catalogue it
//! was made with and compared with the new one. A catalogue is small (tens of KiB) and
//! changes a few times a year, so keeping them all costs nothing worth pruning. Also
//! the marker of the last finished re-assessment pass, so that a start with an
//! unchanged catalogue does not read every record.
//!
//! The user's own version lives in their record (`UserMeta::catalogue`), written in the
//! same transaction as their re-planned reminders (`replan.rs`).

use std::collections::BTreeSet;

use super::codec::decode_record;
use super::{io, Store, StoreError};

/// The key of the finished-pass marker; no version (hex digits) starts with a NUL.
const PASS_KEY: &[u8] = b"\0pass";

impl Store {
    /// Keeps a catalogue's text under its version (once) and waits for the disk. Called
    /// before any user is stamped with the version, so every stamped version has its
    /// text.
    pub fn remember_catalogue(&self, version: &str, text: &str) -> Result<(), StoreError> {
        self.with(|t| {
            if t.catalogues
                .get(version.as_bytes())
                .map_err(io("read"))?
                .is_none()
            {
                t.catalogues
                    .insert(version.as_bytes(), text.as_bytes())
                    .map_err(io("write"))?;
                self.sync_on(t)?;
            }
            Ok(())
        })
    }

    /// The text of a catalogue the bot served with, if it is kept.
    pub fn catalogue_text(&self, version: &str) -> Result<Option<String>, StoreError> {
        self.with(|t| {
            Ok(t.catalogues
                .get(version.as_bytes())
                .map_err(io("read"))?
                .map(|b| String::from_utf8_lossy(&b).into_owned()))
        })
    }

    /// The versions of every catalogue kept.
    pub fn catalogue_versions(&self) -> Result<BTreeSet<String>, StoreError> {
        self.with(|t| {
            let mut out = BTreeSet::new();
            for key in t.catalogues.iter().keys() {
                let key = key.map_err(io("read"))?;
                if key.as_ref() != PASS_KEY {
                    out.insert(String::from_utf8_lossy(&key).into_owned());
                }
            }
            Ok(out)
        })
    }

    /// The version whose re-assessment pass last ran to its end.
    pub fn pass_done_for(&self) -> Result<Option<String>, StoreError> {
        self.with(|t| {
            Ok(t.catalogues
                .get(PASS_KEY)
                .map_err(io("read"))?
                .map(|b| String::from_utf8_lossy(&b).into_owned()))
        })
    }

    /// Records that every user has been re-assessed against `version`.
    pub fn set_pass_done(&self, version: &str) -> Result<(), StoreError> {
        self.with(|t| {
            t.catalogues
                .insert(PASS_KEY, version.as_bytes())
                .map_err(io("write"))?;
            self.sync_on(t)
        })
    }

    /// Users with a readable record whose plan was made with another catalogue than
    /// `version` (or before versions), in id order: the work of a re-assessment pass.
    /// Reads every record; a pass runs at a start or a reload, not per message.
    pub fn users_not_on(&self, version: &str) -> Result<Vec<u64>, StoreError> {
        self.with(|t| {
            let mut out = Vec::new();
            for item in t.users.iter() {
                let (key, bytes) = item.map_err(io("read"))?;
                let Ok(id) = <[u8; 8]>::try_from(key.as_ref()) else {
                    continue;
                };
                if let Ok(record) = decode_record(&bytes) {
                    if record.meta.catalogue.as_deref() != Some(version) {
                        out.push(u64::from_be_bytes(id));
                    }
                }
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fixtures::record;

    #[test]
    fn catalogues_and_the_pass_marker_are_kept_and_users_found_by_version() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        store.remember_catalogue("aa", "one").unwrap();
        store
            .remember_catalogue("aa", "ignored: kept once")
            .unwrap();
        store.remember_catalogue("bb", "two").unwrap();
        assert_eq!(store.catalogue_text("aa").unwrap().as_deref(), Some("one"));
        assert_eq!(store.catalogue_text("cc").unwrap(), None);
        assert_eq!(store.pass_done_for().unwrap(), None);
        store.set_pass_done("bb").unwrap();
        assert_eq!(store.pass_done_for().unwrap().as_deref(), Some("bb"));
        assert_eq!(
            store
                .catalogue_versions()
                .unwrap()
                .into_iter()
                .collect::<Vec<_>>(),
            ["aa", "bb"]
        );
        let mut on_aa = record();
        on_aa.meta.catalogue = Some("aa".into());
        store.save(1, &on_aa).unwrap();
        store.save(2, &record()).unwrap();
        assert_eq!(store.users_not_on("aa").unwrap(), [2]);
        assert_eq!(store.users_not_on("bb").unwrap(), [1, 2]);
    }
}
