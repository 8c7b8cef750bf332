//! Keeping migrants' data readable only by the bot's user: the process umask, the
//! store directory and its files (`0700` and `0600`), the backup files, and the
//! report `jolserik check` gives of the modes and owners on disk. This module owns
//! the modes; `store` and `backup` own what is in the files.
//!
//! Two layers, because either alone can fail: `main` sets the umask to `0o077`
//! before anything is created, so every file and directory any library makes is
//! private; and what this crate creates itself it creates with an explicit mode
//! (`DirBuilder::mode`, `OpenOptions::mode`), so the mode holds even where a library
//! or a caller changed the umask. A store created before this existed is tightened
//! when a command opens it ([`prepare_store`]). Symbolic links are never followed:
//! a link inside the store pointing elsewhere must not make us chmod a stranger's
//! file.
//!
//! On systems other than Unix there are no such modes, and every function here is a
//! no-op that succeeds.

use std::collections::BTreeSet;
use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// The mode of every directory the bot creates for data.
pub const DIR_MODE: u32 = 0o700;
/// The mode of every file the bot writes data to.
pub const FILE_MODE: u32 = 0o600;
/// The umask every command runs with.
pub const UMASK: u32 = 0o077;
/// Bits that let a user other than the owner read or write: what `check` refuses.
pub const OPEN_BITS: u32 = 0o066;
/// The directories beside the store that the store makes while compacting
/// (`store.compacting`, then the old one as `store.old`). Kept in step with `store`.
pub const STORE_SIBLINGS: [&str; 2] = ["compacting", "old"];

/// Why a path could not be made private or inspected.
#[derive(Debug, thiserror::Error)]
pub enum PrivateFsError {
    #[error("{path}: could not {what}")]
    Io {
        path: PathBuf,
        what: &'static str,
        #[source]
        source: io::Error,
    },
}

fn io_error(path: &Path, what: &'static str) -> impl FnOnce(io::Error) -> PrivateFsError {
    let path = path.to_path_buf();
    move |source| PrivateFsError::Io { path, what, source }
}

/// Sets the process umask to [`UMASK`]. Call it first thing in `main`, before any
/// thread starts (the umask is per process).
pub fn restrict_umask() {
    #[cfg(unix)]
    // SAFETY: umask(2) only replaces the process's file mode creation mask; it takes
    // no pointer and cannot fail.
    unsafe {
        libc::umask(UMASK as libc::mode_t);
    }
}

/// Creates `dir` and any missing parents with mode [`DIR_MODE`]; an existing
/// directory is left as it is.
pub fn create_private_dir_all(dir: &Path) -> Result<(), PrivateFsError> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(DIR_MODE);
    }
    builder
        .create(dir)
        .map_err(io_error(dir, "create the directory"))
}

/// Opens `path` for writing, created with mode [`FILE_MODE`] and truncated. A file
/// already there keeps its inode, so its mode is set to [`FILE_MODE`] too.
pub fn create_private_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE);
    }
    let file = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(FILE_MODE))?;
    }
    Ok(file)
}

/// What [`tighten`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tightened {
    /// How many directories and files had their mode changed.
    pub paths: usize,
    /// The permission bits they had before (e.g. `0o755`, `0o644`).
    pub from_modes: BTreeSet<u32>,
}

impl Tightened {
    fn merge(&mut self, other: Tightened) {
        self.paths += other.paths;
        self.from_modes.extend(other.from_modes);
    }

    /// `0755, 0644`: the old modes, for the log line.
    pub fn modes_text(&self) -> String {
        self.from_modes
            .iter()
            .map(|m| format!("{m:04o}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Takes every permission of group and others from the directories and regular files
/// under `root` (itself included): `0755` becomes `0700`, `0644` `0600`. Only bits are
/// removed, never added, so a store made read-only on purpose stays read-only. Symbolic
/// links are neither followed nor changed. A missing `root` changes nothing.
pub fn tighten(root: &Path) -> Result<Tightened, PrivateFsError> {
    let mut changed = Tightened::default();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut pending = vec![root.to_path_buf()];
        while let Some(path) = pending.pop() {
            let meta = match std::fs::symlink_metadata(&path) {
                Ok(meta) => meta,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(io_error(&path, "read the mode of")(e)),
            };
            let kind = meta.file_type();
            if !kind.is_dir() && !kind.is_file() {
                continue;
            }
            let mode = meta.permissions().mode() & 0o7777;
            if mode & 0o077 != 0 {
                let private = mode & !0o077;
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(private))
                    .map_err(io_error(&path, "change the mode of"))?;
                changed.paths += 1;
                changed.from_modes.insert(mode);
            }
            if kind.is_dir() {
                for entry in std::fs::read_dir(&path).map_err(io_error(&path, "list"))? {
                    let entry = entry.map_err(io_error(&path, "list"))?;
                    pending.push(entry.path());
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = root;
    Ok(changed)
}

/// `store` with a suffix on its last part: `store` → `store.old`.
pub fn store_sibling(store: &Path, suffix: &str) -> PathBuf {
    let mut name = store.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Before the store opens: tightens the store directory and the compaction
/// directories beside it, and creates what is missing with [`DIR_MODE`]. Logs one
/// line when it changed a mode. Returns what it changed.
///
/// A failure is logged, not returned: the store's own open then says what is wrong
/// with the directory (read-only, missing, not ours) in its words, and `jolserik
/// check` shows any mode left open.
///
/// The store directory itself is created only when no `store.old` is beside it: that
/// pair means a compaction was interrupted, and the store puts `store.old` back in
/// place itself when it finds no store directory.
pub fn prepare_store(store: &Path) -> Tightened {
    let mut changed = Tightened::default();
    let mut failed = None;
    for root in std::iter::once(store.to_path_buf()).chain(
        STORE_SIBLINGS
            .iter()
            .map(|suffix| store_sibling(store, suffix)),
    ) {
        match tighten(&root) {
            Ok(more) => changed.merge(more),
            Err(e) => failed = failed.or(Some(e)),
        }
    }
    if changed.paths > 0 {
        tracing::warn!(
            store = %store.display(),
            paths = changed.paths,
            from_modes = %changed.modes_text(),
            "the store was readable by other users: group and others lost every permission"
        );
    }
    if !store.exists() {
        let created = if store_sibling(store, "old").exists() {
            store.parent().map_or(Ok(()), create_private_dir_all)
        } else {
            create_private_dir_all(store)
        };
        if let Err(e) = created {
            failed = failed.or(Some(e));
        }
    }
    if let Some(e) = failed {
        tracing::warn!(error = %e, "could not make the store private; `jolserik check` shows what is left open");
    }
    changed
}

/// A path as `jolserik check` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection {
    pub path: PathBuf,
    /// Permission bits, e.g. `0o700`.
    pub mode: u32,
    pub uid: u32,
    /// Files and directories under it (for a walked directory) whose mode lets a user
    /// other than the owner read or write, with their modes. The path itself included.
    pub too_open: Vec<(PathBuf, u32)>,
    /// How many paths were looked at (1 when not walked).
    pub checked: usize,
}

impl Inspection {
    pub fn is_private(&self) -> bool {
        self.too_open.is_empty()
    }
}

/// Looks at `path` and, if `walk`, everything under it (without following symbolic
/// links). `None` when it does not exist.
pub fn inspect(path: &Path, walk: bool) -> Result<Option<Inspection>, PrivateFsError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let meta = match std::fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_error(path, "read the mode of")(e)),
        };
        let mut inspection = Inspection {
            path: path.to_path_buf(),
            mode: meta.permissions().mode() & 0o7777,
            uid: meta.uid(),
            too_open: Vec::new(),
            checked: 0,
        };
        let mut pending = vec![(path.to_path_buf(), meta)];
        while let Some((at, meta)) = pending.pop() {
            inspection.checked += 1;
            let mode = meta.permissions().mode() & 0o7777;
            let kind = meta.file_type();
            if (kind.is_dir() || kind.is_file()) && mode & OPEN_BITS != 0 {
                inspection.too_open.push((at.clone(), mode));
            }
            if walk && kind.is_dir() {
                for entry in std::fs::read_dir(&at).map_err(io_error(&at, "list"))? {
                    let entry = entry.map_err(io_error(&at, "list"))?;
                    let child = entry.path();
                    let meta = std::fs::symlink_metadata(&child)
                        .map_err(io_error(&child, "read the mode of"))?;
                    pending.push((child, meta));
                }
            }
        }
        inspection.too_open.sort();
        Ok(Some(inspection))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, walk);
        Ok(None)
    }
}

/// The effective user id of this process.
pub fn current_uid() -> Option<u32> {
    #[cfg(unix)]
    {
        // SAFETY: geteuid(2) takes nothing and always succeeds.
        Some(unsafe { libc::geteuid() })
    }
    #[cfg(not(unix))]
    None
}

/// `drwx------`-style text for a mode, for people who read `ls -l`.
pub fn mode_text(mode: u32, dir: bool) -> String {
    let mut text = String::with_capacity(10);
    text.push(if dir { 'd' } else { '-' });
    for shift in [6, 3, 0] {
        let bits = (mode >> shift) & 0o7;
        text.push(if bits & 4 != 0 { 'r' } else { '-' });
        text.push(if bits & 2 != 0 { 'w' } else { '-' });
        text.push(if bits & 1 != 0 { 'x' } else { '-' });
    }
    text
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::symlink_metadata(path)
            .unwrap()
            .permissions()
            .mode()
            & 0o7777
    }

    fn chmod(path: &Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn a_wide_store_and_its_siblings_are_tightened_and_links_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        std::fs::create_dir_all(store.join("blobs")).unwrap();
        std::fs::write(store.join("db"), b"x").unwrap();
        std::fs::write(store.join("blobs/1"), b"x").unwrap();
        let old = store_sibling(&store, "old");
        std::fs::create_dir(&old).unwrap();
        std::fs::write(old.join("db"), b"x").unwrap();
        let outside = dir.path().join("outside");
        std::fs::write(&outside, b"not ours").unwrap();
        chmod(&outside, 0o644);
        std::os::unix::fs::symlink(&outside, store.join("link")).unwrap();
        for d in [&store, &store.join("blobs"), &old] {
            chmod(d, 0o755);
        }
        for f in [store.join("db"), store.join("blobs/1"), old.join("db")] {
            chmod(&f, 0o644);
        }
        chmod(&store.join("blobs/1"), 0o640);

        let changed = prepare_store(&store);
        assert_eq!(changed.paths, 6);
        assert_eq!(
            changed.from_modes,
            BTreeSet::from([0o755, 0o644, 0o640]),
            "{changed:?}"
        );
        for d in [&store, &store.join("blobs"), &old] {
            assert_eq!(mode(d), 0o700, "{}", d.display());
        }
        for f in [store.join("db"), store.join("blobs/1"), old.join("db")] {
            assert_eq!(mode(&f), 0o600, "{}", f.display());
        }
        assert_eq!(
            mode(&outside),
            0o644,
            "a link's target is not ours to change"
        );
        // A second pass has nothing to do.
        assert_eq!(prepare_store(&store), Tightened::default());
        // Only bits are taken away: a read-only file stays read-only.
        chmod(&store.join("db"), 0o444);
        prepare_store(&store);
        assert_eq!(mode(&store.join("db")), 0o400);
    }

    #[test]
    fn a_missing_store_is_created_private_unless_an_interrupted_compaction_left_old() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("a/b/store");
        prepare_store(&store);
        for d in [dir.path().join("a"), dir.path().join("a/b"), store.clone()] {
            assert_eq!(mode(&d), 0o700, "{}", d.display());
        }

        let store = dir.path().join("c/store");
        std::fs::create_dir_all(store_sibling(&store, "old")).unwrap();
        prepare_store(&store);
        assert!(!store.exists(), "the store puts store.old back itself");
        assert!(store_sibling(&store, "old").is_dir());
    }

    #[test]
    fn private_files_are_0600_even_over_an_existing_wide_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"old").unwrap();
        chmod(&path, 0o666);
        drop(create_private_file(&path).unwrap());
        assert_eq!(mode(&path), 0o600);
        assert_eq!(std::fs::read(&path).unwrap(), b"");
    }

    #[test]
    fn inspection_lists_what_others_may_read_or_write() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        std::fs::create_dir(&store).unwrap();
        std::fs::write(store.join("db"), b"x").unwrap();
        chmod(&store, 0o700);
        chmod(&store.join("db"), 0o600);
        let ok = inspect(&store, true).unwrap().unwrap();
        assert!(ok.is_private(), "{ok:?}");
        assert_eq!(ok.checked, 2);
        assert_eq!(ok.mode, 0o700);
        assert_eq!(Some(ok.uid), current_uid());

        chmod(&store.join("db"), 0o604);
        let bad = inspect(&store, true).unwrap().unwrap();
        assert_eq!(bad.too_open, vec![(store.join("db"), 0o604)]);
        // Not walked: only the directory itself counts.
        assert!(inspect(&store, false).unwrap().unwrap().is_private());
        // Search permission alone (0711) reveals no name and no content.
        chmod(&store, 0o711);
        chmod(&store.join("db"), 0o600);
        assert!(inspect(&store, true).unwrap().unwrap().is_private());
        assert_eq!(inspect(&dir.path().join("none"), true).unwrap(), None);
    }

    #[test]
    fn modes_read_like_ls() {
        assert_eq!(mode_text(0o700, true), "drwx------");
        assert_eq!(mode_text(0o644, false), "-rw-r--r--");
    }
}
