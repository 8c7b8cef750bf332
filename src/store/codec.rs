//! The bytes of everything the store keeps, and nothing else: the user record's
//! envelope `{"v": N, ...}` with its schema version and the migrations from older
//! versions, the reminder and reminder-index envelopes with theirs, and the key
//! layouts (user ids big-endian, so keys sort numerically; due times big-endian with
//! the sign bit flipped, so every instant sorts in time order). Pure: no sled and no
//! I/O, so all of it is tested on bytes alone. A record that cannot be read comes back
//! as a [`ResetReason`]; what to do with it is the caller's business.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{ResetReason, UserMeta, UserRecord, UserReminders};
use crate::engine::Conversation;
use crate::reminders::plan::Reminder;

/// The version written by this build. Records carry it as `v`.
///
/// 3: the profile may hold the user's trips, and the conversation the trips' questions.
/// A version-2 record reads as version 3 unchanged (no trips); the bump is for the other
/// direction: an older build refuses a version-3 record (and starts the user again with
/// a notice) rather than reading it without the trips and saving it back without them.
pub const SCHEMA_VERSION: u64 = 3;

/// The version of the reminder and reminder-index encodings (`v`). Independent of the
/// user record's version: a reminder that cannot be read is dropped and re-planned at
/// the user's next change, never a reason to reset the user.
pub const REMINDER_SCHEMA_VERSION: u64 = 1;

// ---- the user record ---------------------------------------------------------------

/// The current envelope: `{"v": 3, "conversation": ..., "meta": ...}`.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    v: u64,
    #[serde(flatten)]
    record: &'a UserRecord,
}

/// A user record as stored, in the current version.
pub(super) fn encode_record(record: &UserRecord) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec(&EnvelopeOut {
        v: SCHEMA_VERSION,
        record,
    })
}

/// The current envelope, read straight into the record (no `#[serde(flatten)]`, which
/// would buffer every field first).
#[derive(Deserialize)]
struct EnvelopeIn {
    v: u64,
    conversation: Conversation,
    meta: UserMeta,
}

/// Reads any version we know, migrating it to the current one.
pub(super) fn decode_record(bytes: &[u8]) -> Result<UserRecord, ResetReason> {
    // Nearly every record is of the current version: read it without building a JSON
    // tree first. Anything else takes the general path below.
    if let Ok(EnvelopeIn {
        v: SCHEMA_VERSION,
        conversation,
        meta,
    }) = serde_json::from_slice(bytes)
    {
        return Ok(UserRecord { conversation, meta });
    }
    let mut value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|_| ResetReason::Corrupt)?;
    let version = value
        .get("v")
        .and_then(serde_json::Value::as_u64)
        .ok_or(ResetReason::Corrupt)?;
    if version > SCHEMA_VERSION {
        return Err(ResetReason::FutureVersion(version));
    }
    if version == 1 {
        value = migrate_v1(value).ok_or(ResetReason::Corrupt)?;
    }
    if version == 2 {
        value = migrate_v2(value).ok_or(ResetReason::Corrupt)?;
    }
    serde_json::from_value(value).map_err(|_| ResetReason::Corrupt)
}

/// Version 2 had no trips: the same fields, read as version 3 with none.
fn migrate_v2(value: serde_json::Value) -> Option<serde_json::Value> {
    let serde_json::Value::Object(mut fields) = value else {
        return None;
    };
    fields.insert("v".to_owned(), SCHEMA_VERSION.into());
    Some(serde_json::Value::Object(fields))
}

/// Version 1, the first draft, kept the conversation's fields at the top level and had
/// no meta. Version 2 nests them under `conversation` and adds `meta`; a migrated user's
/// times are unknown, so they become the epoch and are refreshed on the next message.
fn migrate_v1(value: serde_json::Value) -> Option<serde_json::Value> {
    let serde_json::Value::Object(mut fields) = value else {
        return None;
    };
    fields.remove("v");
    let epoch = DateTime::<Utc>::UNIX_EPOCH.to_rfc3339();
    Some(serde_json::json!({
        "v": SCHEMA_VERSION,
        "conversation": serde_json::Value::Object(fields),
        "meta": { "created": epoch, "last_seen": epoch, "blocked": false },
    }))
}

// ---- reminders and the per-user reminder index --------------------------------------

#[derive(Serialize)]
struct ReminderOut<'a> {
    v: u64,
    #[serde(flatten)]
    reminder: &'a Reminder,
}

#[derive(Deserialize)]
struct ReminderIn {
    v: u64,
    #[serde(flatten)]
    reminder: Reminder,
}

#[derive(Serialize)]
struct IndexOut<'a> {
    v: u64,
    #[serde(flatten)]
    index: &'a UserReminders,
}

#[derive(Deserialize)]
struct IndexIn {
    v: u64,
    #[serde(flatten)]
    index: UserReminders,
}

/// A reminder as stored in the queue and in flight.
pub(super) fn encode_reminder(reminder: &Reminder) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec(&ReminderOut {
        v: REMINDER_SCHEMA_VERSION,
        reminder,
    })
}

/// A stored reminder; `None` when damaged or of another version.
pub(super) fn decode_reminder(bytes: &[u8]) -> Option<Reminder> {
    let env: ReminderIn = serde_json::from_slice(bytes).ok()?;
    (env.v == REMINDER_SCHEMA_VERSION).then_some(env.reminder)
}

/// A user's reminder index as stored.
pub(super) fn encode_index(index: &UserReminders) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec(&IndexOut {
        v: REMINDER_SCHEMA_VERSION,
        index,
    })
}

/// A stored reminder index; `None` when damaged or of another version.
pub(super) fn decode_index(bytes: &[u8]) -> Option<UserReminders> {
    let env: IndexIn = serde_json::from_slice(bytes).ok()?;
    (env.v == REMINDER_SCHEMA_VERSION).then_some(env.index)
}

// ---- keys -----------------------------------------------------------------------------

/// The user of a key that starts with one (`users`, `reminder_users`,
/// `reminders_in_flight`, `quarantine`).
pub(super) fn key_user(key: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(key.get(..8)?.try_into().ok()?))
}

/// A `quarantine` key: the user, then when the record was put there (ms, big-endian).
pub(super) fn quarantine_key(user: u64, at_ms: i64) -> Vec<u8> {
    let mut key = user.to_be_bytes().to_vec();
    key.extend_from_slice(&at_ms.to_be_bytes());
    key
}

/// When the record under a `quarantine` key was put there.
pub(super) fn quarantine_key_time(key: &[u8]) -> Option<DateTime<Utc>> {
    let ms = i64::from_be_bytes(key.get(8..16)?.try_into().ok()?);
    DateTime::from_timestamp_millis(ms)
}

/// An i64 as 8 bytes that sort in numeric order, negatives first (sign bit flipped).
pub(super) fn sortable_ms(ms: i64) -> [u8; 8] {
    ((ms as u64) ^ (1 << 63)).to_be_bytes()
}

/// A `reminders` key: due time, user, reminder id. The first key is the next due.
pub(super) fn due_key(ms: i64, user: u64, id: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(16 + id.len());
    key.extend_from_slice(&sortable_ms(ms));
    key.extend_from_slice(&user.to_be_bytes());
    key.extend_from_slice(id.as_bytes());
    key
}

/// (due ms, user, id) of a `reminders` key.
pub(super) fn parse_due_key(key: &[u8]) -> Option<(i64, u64, String)> {
    let ms = u64::from_be_bytes(key.get(..8)?.try_into().ok()?) ^ (1 << 63);
    let user = u64::from_be_bytes(key.get(8..16)?.try_into().ok()?);
    let id = std::str::from_utf8(key.get(16..)?).ok()?;
    Some((ms as i64, user, id.to_string()))
}

/// The user of a `reminders` key, even one whose id is damaged: deletion must find
/// every key of the user, readable or not.
pub(super) fn due_key_user(key: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(key.get(8..16)?.try_into().ok()?))
}

/// A `reminders_in_flight` key: user, reminder id.
pub(super) fn flight_key(user: u64, id: &str) -> Vec<u8> {
    let mut key = user.to_be_bytes().to_vec();
    key.extend_from_slice(id.as_bytes());
    key
}

/// The reminder id of a `reminders_in_flight` key (its user: [`key_user`]).
pub(super) fn flight_key_id(key: &[u8]) -> Option<&str> {
    key.get(8..).and_then(|b| std::str::from_utf8(b).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;
    use crate::store::fixtures::{now, reminder};
    use crate::store::{SentEntry, SentState};

    #[test]
    fn due_keys_sort_by_time_including_before_1970() {
        let a = due_key(-5, 1, "x");
        let b = due_key(0, 1, "x");
        let c = due_key(1_700_000_000_000, 0, "x");
        assert!(a < b && b < c);
        assert_eq!(parse_due_key(&a), Some((-5, 1, "x".to_string())));
        assert_eq!(due_key_user(&c), Some(0));
    }

    #[test]
    fn keys_give_back_their_user_and_time() {
        let key = flight_key(7, "permit_end:2026-11-29:7");
        assert_eq!(key_user(&key), Some(7));
        assert_eq!(flight_key_id(&key), Some("permit_end:2026-11-29:7"));
        let key = quarantine_key(9, now().timestamp_millis());
        assert_eq!(key_user(&key), Some(9));
        assert_eq!(quarantine_key_time(&key), Some(now()));
        assert_eq!(key_user(&[1, 2, 3]), None);
    }

    #[test]
    fn a_record_reads_back_as_written() {
        let mut record = UserRecord::new(Conversation::new(Lang::Kk), now());
        record.conversation.started = true;
        record.meta.last_update = Some(41);
        let bytes = encode_record(&record).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value["v"], SCHEMA_VERSION);
        assert_eq!(decode_record(&bytes), Ok(record));
    }

    #[test]
    fn a_version_1_record_is_migrated_with_unknown_times() {
        let record = UserRecord::new(Conversation::new(Lang::Ru), now());
        let current: serde_json::Value =
            serde_json::from_slice(&encode_record(&record).unwrap()).unwrap();
        // Version 1: the conversation's fields at the top level, no meta.
        let mut v1 = current["conversation"].clone();
        v1["v"] = 1.into();
        let migrated = decode_record(&serde_json::to_vec(&v1).unwrap()).unwrap();
        assert_eq!(migrated.conversation, record.conversation);
        assert_eq!(migrated.meta.created, DateTime::<Utc>::UNIX_EPOCH);
        assert_eq!(migrated.meta.last_seen, DateTime::<Utc>::UNIX_EPOCH);
        assert!(!migrated.meta.blocked);
    }

    #[test]
    fn a_version_2_record_reads_as_version_3_without_trips_and_trips_read_back() {
        let mut record = UserRecord::new(Conversation::new(Lang::Uz), now());
        record.conversation.started = true;
        let mut v2: serde_json::Value =
            serde_json::from_slice(&encode_record(&record).unwrap()).unwrap();
        v2["v"] = 2.into();
        assert!(v2["conversation"]["profile"].get("trips").is_none());
        let migrated = decode_record(&serde_json::to_vec(&v2).unwrap()).unwrap();
        assert_eq!(migrated, record);
        assert!(migrated.conversation.profile.trips.is_empty());
        // Written again, it is version 3; with trips, they read back.
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 5, d).unwrap();
        record.conversation.profile.trips = vec![crate::domain::Trip::new(day(1), day(29))];
        let bytes = encode_record(&record).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value["v"], 3);
        assert_eq!(decode_record(&bytes), Ok(record));
    }

    #[test]
    fn unknown_bytes_and_newer_versions_are_refused_with_their_reason() {
        assert_eq!(decode_record(b"\x00garbage"), Err(ResetReason::Corrupt));
        assert_eq!(
            decode_record(br#"{"no": "version"}"#),
            Err(ResetReason::Corrupt)
        );
        assert_eq!(
            decode_record(br#"{"v": 99, "anything": true}"#),
            Err(ResetReason::FutureVersion(99))
        );
        // A known version whose fields do not fit.
        assert_eq!(
            decode_record(br#"{"v": 2, "conversation": 5}"#),
            Err(ResetReason::Corrupt)
        );
        assert_eq!(
            decode_record(br#"{"v": 4, "conversation": {}}"#),
            Err(ResetReason::FutureVersion(4))
        );
    }

    #[test]
    fn reminders_and_indexes_of_another_version_are_not_read() {
        let r = reminder(7, 3, "2026-11-26T05:00:00Z");
        let bytes = encode_reminder(&r).unwrap();
        assert_eq!(decode_reminder(&bytes), Some(r.clone()));
        let mut index = UserReminders::default();
        index.pending.insert(r.id(), r.due.timestamp_millis());
        index.sent.insert(
            "permit_end:2026-11-29:7".into(),
            SentEntry {
                state: SentState::Delivered,
                at: now(),
                date: r.date,
            },
        );
        let stored = encode_index(&index).unwrap();
        assert_eq!(decode_index(&stored), Some(index));
        let bump = |bytes: &[u8]| {
            let mut value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            value["v"] = (REMINDER_SCHEMA_VERSION + 1).into();
            serde_json::to_vec(&value).unwrap()
        };
        assert_eq!(decode_reminder(&bump(&bytes)), None);
        assert_eq!(decode_index(&bump(&stored)), None);
        assert_eq!(decode_reminder(b"{"), None);
    }
}
