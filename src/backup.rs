//! Backups: the whole store as one text file, written from a consistent snapshot and
//! read back only after every line and the checksum have been checked. `jolserik
//! backup FILE` and `jolserik restore FILE` use it with the bot stopped; the running
//! bot writes one when it receives SIGUSR1 (`maintenance`). This module owns the file
//! format; `store` owns the trees it comes from and goes to.
//!
//! The format is JSON lines, so an operator can read it with `head` and `jq`:
//!
//! ```text
//! {"format":"jolserik-backup","version":1,"schema":2,"reminder_schema":1,"created":"2026-11-21T05:00:00Z"}
//! {"t":"reminder_users","k":"0000000000000007","v":"7b2276223a31..."}
//! {"t":"users","k":"0000000000000007","v":"7b2276223a322c..."}
//! {"end":{"entries":2,"crc32":"1c291ca3"}}
//! ```
//!
//! Keys and values are hex, byte for byte what sled holds, so a restore gives back
//! exactly the records that were saved (an older schema is migrated when it is read,
//! as ever). The CRC-32 covers every byte before the last line; a file that is
//! truncated, edited or damaged is refused before anything in the store is touched.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::store::{Store, StoreError, REMINDER_SCHEMA_VERSION, SCHEMA_VERSION};

/// The first field of every backup.
pub const FORMAT: &str = "jolserik-backup";
/// The version of this file format (not of the records inside).
pub const FORMAT_VERSION: u64 = 1;
/// No line of a backup is longer: a record is a few kilobytes, and a damaged file
/// must not make the reader take all memory looking for a newline.
pub const MAX_LINE: usize = 16 * 1024 * 1024;

/// Why a backup could not be written, read or restored.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The file could not be created, written, read or renamed.
    #[error("{path}: {what}")]
    File {
        path: PathBuf,
        what: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// The store could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The first line is not a jolserik backup header.
    #[error("line 1 is not a jolserik backup header")]
    NotABackup,
    /// A line is not what the format allows there.
    #[error("line {line}: {what}")]
    Damaged { line: u64, what: &'static str },
    /// The file ends before its closing line (an interrupted copy).
    #[error("the backup is truncated: it has no closing line")]
    Truncated,
    /// The checksum or the entry count does not match the content.
    #[error("the backup is damaged: its checksum or entry count does not match")]
    Checksum,
    /// Written by a newer jolserik, in a format or schema this one cannot read.
    #[error("the backup was written by a newer jolserik ({what} {found}, this one knows up to {known}); restore it with that version")]
    Newer {
        what: &'static str,
        found: u64,
        known: u64,
    },
    /// The store already holds data, and `--force` was not given.
    #[error("the store at {path} is not empty; restoring would replace everything in it (use --force to do so)")]
    NotEmpty { path: PathBuf },
}

/// The first line of a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u64,
    /// The user record schema of the store it came from.
    pub schema: u64,
    pub reminder_schema: u64,
    pub created: DateTime<Utc>,
}

/// One entry: a key and value of one tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub tree: String,
    pub key: Vec<u8>,
    pub value: Vec<u8>,
}

/// What a backup holds, once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub header: Header,
    pub entries: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryLine {
    t: String,
    k: String,
    v: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EndLine {
    end: End,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct End {
    entries: u64,
    crc32: String,
}

/// Writes a snapshot of `store` to `path`: first to `path.partial` (mode `0600`),
/// synced, then renamed, so that `path` is always either absent, the old file, or a
/// whole backup. A missing directory for it is created `0700`.
/// Writers wait while the snapshot is taken.
pub fn write(store: &Store, path: &Path, now: DateTime<Utc>) -> Result<Summary, BackupError> {
    let partial = partial_path(path);
    let file_error = |what: &'static str, at: &Path| {
        let at = at.to_path_buf();
        move |source| BackupError::File {
            path: at,
            what,
            source,
        }
    };
    // Readable by the bot's user only, whatever the umask: a backup holds everything
    // the store does. A directory made for it is private too.
    if let Some(dir) = path.parent() {
        crate::private_fs::create_private_dir_all(dir).map_err(|e| match e {
            crate::private_fs::PrivateFsError::Io { path, source, .. } => BackupError::File {
                path,
                what: "could not create the directory",
                source,
            },
        })?;
    }
    let file = crate::private_fs::create_private_file(&partial)
        .map_err(file_error("could not create", &partial))?;
    let header = Header {
        format: FORMAT.to_string(),
        version: FORMAT_VERSION,
        schema: SCHEMA_VERSION,
        reminder_schema: REMINDER_SCHEMA_VERSION,
        created: now,
    };
    let mut out = Checksummed::new(BufWriter::new(file));
    let result = (|| {
        write_json_line(&mut out, &header).map_err(StoreError::Write)?;
        let entries = store.snapshot(&mut |tree, key, value| {
            write_json_line(
                &mut out,
                &EntryLine {
                    t: tree.to_string(),
                    k: to_hex(key),
                    v: to_hex(value),
                },
            )
        })?;
        let end = EndLine {
            end: End {
                entries,
                crc32: format!("{:08x}", out.crc.clone().finalize()),
            },
        };
        write_json_line(&mut out.inner, &end).map_err(StoreError::Write)?;
        let file = out
            .inner
            .into_inner()
            .map_err(|e| StoreError::Write(e.into_error()))?;
        file.sync_all().map_err(StoreError::Write)?;
        Ok::<u64, StoreError>(entries)
    })();
    let entries = match result {
        Ok(entries) => entries,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(match e {
                StoreError::Write(source) => BackupError::File {
                    path: partial,
                    what: "could not write",
                    source,
                },
                other => BackupError::Store(other),
            });
        }
    };
    std::fs::rename(&partial, path).map_err(file_error("could not rename into place", path))?;
    // The rename itself is durable only once the directory is synced.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
    }
    Ok(Summary { header, entries })
}

/// Reads and checks a whole backup without touching any store.
pub fn verify(path: &Path) -> Result<Summary, BackupError> {
    let file = open(path)?;
    read(BufReader::new(file), &mut |_| {})
}

/// Restores a backup into `store`: the file is checked completely first, then the
/// store's content is replaced by it. Refuses a store that holds anything unless
/// `force`, and a backup from a newer schema in any case.
pub fn restore(store: &Store, path: &Path, force: bool) -> Result<Summary, BackupError> {
    let summary = verify(path)?;
    if summary.header.schema > SCHEMA_VERSION {
        return Err(BackupError::Newer {
            what: "schema",
            found: summary.header.schema,
            known: SCHEMA_VERSION,
        });
    }
    if summary.header.reminder_schema > REMINDER_SCHEMA_VERSION {
        return Err(BackupError::Newer {
            what: "reminder schema",
            found: summary.header.reminder_schema,
            known: REMINDER_SCHEMA_VERSION,
        });
    }
    if !force && !store.is_empty()? {
        return Err(BackupError::NotEmpty {
            path: path.to_path_buf(),
        });
    }
    // The second pass streams the entries into the store. The file was checked a
    // moment ago; should it change meanwhile, the error is reported after the fact.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Entry>(1024);
    let reader_path = path.to_path_buf();
    let reader = std::thread::spawn(move || -> Result<Summary, BackupError> {
        let file = open(&reader_path)?;
        read(BufReader::new(file), &mut |entry| {
            let _ = tx.send(entry);
        })
    });
    let mut entries = rx.into_iter().map(|e| (e.tree, e.key, e.value));
    let written = store.replace_all(&mut entries);
    let read_again = reader.join().unwrap_or(Err(BackupError::Truncated));
    written?;
    let again = read_again?;
    if again != summary {
        return Err(BackupError::Checksum);
    }
    Ok(summary)
}

/// Reads a backup from `input`, passing each entry to `each`, and checks the header,
/// every line, the entry count and the checksum. Entries are passed on as they are
/// read, so a caller that must not act on a damaged file reads it twice (`restore`).
/// Never panics and never holds more than one line, whatever the input.
pub fn read(mut input: impl BufRead, each: &mut dyn FnMut(Entry)) -> Result<Summary, BackupError> {
    let mut crc = crc32fast::Hasher::new();
    let mut line = Vec::new();
    let mut number = 1u64;
    if !read_line(&mut input, &mut line, number)? {
        return Err(BackupError::NotABackup);
    }
    crc.update(&line);
    let header: Header = serde_json::from_slice(&line).map_err(|_| BackupError::NotABackup)?;
    if header.format != FORMAT {
        return Err(BackupError::NotABackup);
    }
    if header.version > FORMAT_VERSION {
        return Err(BackupError::Newer {
            what: "format",
            found: header.version,
            known: FORMAT_VERSION,
        });
    }
    let mut entries = 0u64;
    loop {
        number += 1;
        if !read_line(&mut input, &mut line, number)? {
            return Err(BackupError::Truncated);
        }
        if line.starts_with(b"{\"end\"") {
            let end: EndLine = serde_json::from_slice(&line).map_err(|_| BackupError::Damaged {
                line: number,
                what: "not a closing line",
            })?;
            let mut rest = [0u8; 1];
            let trailing = input.read(&mut rest).map_err(|source| BackupError::File {
                path: PathBuf::new(),
                what: "could not read",
                source,
            })?;
            if trailing != 0 {
                return Err(BackupError::Damaged {
                    line: number + 1,
                    what: "something follows the closing line",
                });
            }
            let crc = format!("{:08x}", crc.finalize());
            if end.end.entries != entries || end.end.crc32 != crc {
                return Err(BackupError::Checksum);
            }
            return Ok(Summary { header, entries });
        }
        crc.update(&line);
        let parsed: EntryLine =
            serde_json::from_slice(&line).map_err(|_| BackupError::Damaged {
                line: number,
                what: "not an entry",
            })?;
        let (Some(key), Some(value)) = (from_hex(&parsed.k), from_hex(&parsed.v)) else {
            return Err(BackupError::Damaged {
                line: number,
                what: "a key or value is not hex",
            });
        };
        if parsed.t.is_empty() || parsed.t.len() > 64 || key.is_empty() {
            return Err(BackupError::Damaged {
                line: number,
                what: "an empty or overlong tree name, or an empty key",
            });
        }
        entries += 1;
        each(Entry {
            tree: parsed.t,
            key,
            value,
        });
    }
}

/// Reads one line including its `\n` into `line`; `false` at the end of the input. A
/// last line without `\n` is damage (every line the writer makes ends with one).
fn read_line(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
    number: u64,
) -> Result<bool, BackupError> {
    line.clear();
    let read = input
        .by_ref()
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', line)
        .map_err(|source| BackupError::File {
            path: PathBuf::new(),
            what: "could not read",
            source,
        })?;
    if read == 0 {
        return Ok(false);
    }
    if line.len() > MAX_LINE {
        return Err(BackupError::Damaged {
            line: number,
            what: "the line is too long",
        });
    }
    if line.last() != Some(&b'\n') {
        return Err(BackupError::Truncated);
    }
    Ok(true)
}

fn open(path: &Path) -> Result<File, BackupError> {
    File::open(path).map_err(|source| BackupError::File {
        path: path.to_path_buf(),
        what: "could not open",
        source,
    })
}

/// Where a backup is written before it is renamed into place.
fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// The file name the running bot gives a backup taken at `now`.
pub fn file_name(now: DateTime<Utc>) -> String {
    format!("jolserik-backup-{}.jsonl", now.format("%Y%m%dT%H%M%SZ"))
}

/// A writer that feeds every byte through a CRC-32.
struct Checksummed<W> {
    inner: W,
    crc: crc32fast::Hasher,
}

impl<W: Write> Checksummed<W> {
    fn new(inner: W) -> Checksummed<W> {
        Checksummed {
            inner,
            crc: crc32fast::Hasher::new(),
        }
    }
}

impl<W: Write> Write for Checksummed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.crc.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn write_json_line(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    let mut bytes = serde_json::to_vec(value).map_err(std::io::Error::other)?;
    bytes.push(b'\n');
    out.write_all(&bytes)
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    s.as_bytes()
        .chunks(2)
        .map(|pair| Some((digit(pair[0])? << 4) | digit(pair[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_refuses_anything_else() {
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(from_hex(&to_hex(&bytes)), Some(bytes));
        for bad in ["0", "0g", "AB", "zz", " 0"] {
            assert_eq!(from_hex(bad), None, "{bad:?}");
        }
        assert_eq!(from_hex(""), Some(Vec::new()));
    }

    #[test]
    fn the_partial_file_sits_next_to_the_backup() {
        assert_eq!(
            partial_path(Path::new("/b/x.jsonl")),
            PathBuf::from("/b/x.jsonl.partial")
        );
    }
}
