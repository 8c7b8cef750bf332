//! Cases handed to the caseworkers, where they are in the caseworkers' chat, and the
//! outbox of relays between the two sides. Every change is one transaction with the
//! user's record where the record changes too, and is flushed before it returns, so
//! nothing is confirmed to a user or a caseworker before it is on disk.
//!
//! The outbox (`relays`) holds what is still to be sent, in either direction: a relay
//! is written with the change that causes it, delivered by the Telegram front end, and
//! removed (flushed) only after Telegram took it. A crash in between sends it again:
//! at least once at the Bot API, never lost.
//!
//! Trees:
//! - `cases`: case number (u64 BE) → [`Case`] (JSON envelope `{"v": 1, …}`); the key
//!   `next` holds the next case number, so numbers are small, dense and never reused.
//! - `case_users`: user id (u64 BE) → [`CaseIndex`] (their open case and all their
//!   cases), because a transaction can read keys but not scan.
//! - `case_messages`: where a case is in the caseworkers' chat: `m` + chat (i64 BE) +
//!   message id (i32 BE), and `t` + chat + forum topic id (i32 BE) → case number (u64
//!   BE), or 0 once the case was erased with the user's data (no personal data: a
//!   caseworker's reply to it is then answered "the user deleted their data").
//! - `relays`: relay id (u64 BE, increasing) → [`Relay`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionalTree};
use sled::Transactional;

use super::codec::encode_record;
use super::{io, tx, Store, StoreError, Trees, TxError, TxResult, UserRecord};

/// The key of the case counter in `cases` (case keys are 8 bytes).
const NEXT_CASE: &[u8] = b"next";
/// The key of the relay counter in `cases`: the key of the next relay queued.
const NEXT_RELAY: &[u8] = b"next_relay";
/// The version of the case envelope.
const CASE_VERSION: u64 = 1;
/// A mapping whose case was erased.
const ERASED: u64 = 0;

/// One case, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: u64,
    pub user: u64,
    pub open: bool,
    pub opened: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<DateTime<Utc>>,
    /// What the user agreed to share, rendered in the caseworkers' language when the
    /// case was opened.
    pub summary: String,
    pub question: String,
    /// Where the case was posted in the caseworkers' chat, once it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted: Option<Posted>,
}

/// Where a case is in the caseworkers' chat: its first message, and its forum topic
/// when the chat is a forum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posted {
    pub chat: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread: Option<i32>,
}

/// A user's cases.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseIndex {
    #[serde(default)]
    pub open: Option<u64>,
    #[serde(default)]
    pub cases: Vec<u64>,
}

/// Something to send, to the caseworkers' chat or to a user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relay {
    /// From its key.
    #[serde(skip)]
    pub id: u64,
    pub case: u64,
    /// The user it concerns; `None` for the notice that a user erased their data (it
    /// must not name them).
    pub user: Option<u64>,
    pub body: RelayBody,
}

/// What a relay says. Texts are rendered when sent, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RelayBody {
    /// To the caseworkers: the case, with its summary and question.
    CaseOpened,
    /// To the caseworkers: more text from the user.
    UserWrote { text: String },
    /// To the caseworkers: a photo or document the user sent (their message in their
    /// chat with the bot), copied as it is.
    UserShared { message: i32 },
    /// To the caseworkers: the user closed the case.
    UserClosed,
    /// To the caseworkers: the user erased their data (the case is gone).
    UserDeleted { posted: Posted },
    /// To the user: a caseworker's answer; the caseworker's message is acknowledged.
    Answer {
        text: String,
        chat: i64,
        message: i32,
    },
    /// To the user: a caseworker closed the case with `/close` (this message).
    ClosedByCaseworker { chat: i64, message: i32 },
}

impl RelayBody {
    /// Whether this goes to the caseworkers' chat (otherwise to the user).
    pub fn to_caseworkers(&self) -> bool {
        matches!(
            self,
            RelayBody::CaseOpened
                | RelayBody::UserWrote { .. }
                | RelayBody::UserShared { .. }
                | RelayBody::UserClosed
                | RelayBody::UserDeleted { .. }
        )
    }

    /// A name for logs: never the text.
    pub fn kind(&self) -> &'static str {
        match self {
            RelayBody::CaseOpened => "case_opened",
            RelayBody::UserWrote { .. } => "user_wrote",
            RelayBody::UserShared { .. } => "user_shared",
            RelayBody::UserClosed => "user_closed",
            RelayBody::UserDeleted { .. } => "user_deleted",
            RelayBody::Answer { .. } => "answer",
            RelayBody::ClosedByCaseworker { .. } => "closed_by_caseworker",
        }
    }
}

/// What a message in the caseworkers' chat belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseAt {
    /// Nothing: not a case's message or topic.
    Nothing,
    Case(u64),
    /// A case erased with its user's data.
    Erased,
}

/// What a caseworker's answer or `/close` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseworkerOutcome {
    /// Queued for the user; `reopened` when the case had been closed.
    Queued { user: u64, reopened: bool },
    /// The case is gone with the user's data.
    Erased,
}

#[derive(Serialize, Deserialize)]
struct CaseEnvelope {
    v: u64,
    #[serde(flatten)]
    case: Case,
}

fn encode_case(case: &Case) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec(&CaseEnvelope {
        v: CASE_VERSION,
        case: case.clone(),
    })
}

/// A stored case; `None` when it cannot be read (from a newer version, damaged).
fn decode_case(bytes: &[u8]) -> Option<Case> {
    serde_json::from_slice::<CaseEnvelope>(bytes)
        .ok()
        .filter(|e| e.v == CASE_VERSION)
        .map(|e| e.case)
}

fn message_key(chat: i64, message: i32) -> Vec<u8> {
    let mut key = vec![b'm'];
    key.extend_from_slice(&chat.to_be_bytes());
    key.extend_from_slice(&message.to_be_bytes());
    key
}

fn thread_key(chat: i64, thread: i32) -> Vec<u8> {
    let mut key = vec![b't'];
    key.extend_from_slice(&chat.to_be_bytes());
    key.extend_from_slice(&thread.to_be_bytes());
    key
}

fn u64_of(bytes: &[u8]) -> Option<u64> {
    <[u8; 8]>::try_from(bytes).ok().map(u64::from_be_bytes)
}

fn encode<T: Serialize>(value: &T) -> TxResult<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| ConflictableTransactionError::Abort(TxError::Encode(e)))
}

fn encode_case_tx(case: &Case) -> TxResult<Vec<u8>> {
    encode_case(case).map_err(|e| ConflictableTransactionError::Abort(TxError::Encode(e)))
}

/// A user's index, read inside a transaction (unreadable: empty).
fn index_in(tree: &TransactionalTree, user: u64) -> TxResult<CaseIndex> {
    Ok(tree
        .get(user.to_be_bytes())?
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default())
}

fn case_in(tree: &TransactionalTree, id: u64) -> TxResult<Option<Case>> {
    Ok(tree.get(id.to_be_bytes())?.and_then(|b| decode_case(&b)))
}

/// Queues a relay under the next number of the relay counter (kept in `cases`, so it
/// moves in the same transaction). Not sled's `generate_id`: that counter belongs to
/// the database, and a compaction copies the trees into a fresh one whose ids start
/// again, so a new relay could take a waiting one's key and replace it.
fn queue(cases: &TransactionalTree, relays: &TransactionalTree, relay: &Relay) -> TxResult<()> {
    let id = cases.get(NEXT_RELAY)?.and_then(|b| u64_of(&b)).unwrap_or(1);
    cases.insert(NEXT_RELAY, &(id + 1).to_be_bytes()[..])?;
    relays.insert(&id.to_be_bytes()[..], encode(relay)?)?;
    Ok(())
}

impl Store {
    /// Opens a case for `user` with the record that says so, and queues it for the
    /// caseworkers: one transaction, on disk before this returns the case number. A
    /// case the user already has open is closed first (one open case per user).
    pub fn open_case(
        &self,
        user: u64,
        record: &UserRecord,
        now: DateTime<Utc>,
        summary: &str,
        question: &str,
    ) -> Result<u64, StoreError> {
        let bytes = encode_record(record).map_err(StoreError::Encode)?;
        self.with(|t| {
            let id = tx(
                "open case",
                (&t.users, &t.cases, &t.case_users, &t.relays).transaction(
                    |(users, cases, index_tree, relays)| {
                        let id = cases.get(NEXT_CASE)?.and_then(|b| u64_of(&b)).unwrap_or(1);
                        cases.insert(NEXT_CASE, &(id + 1).to_be_bytes()[..])?;
                        let mut index = index_in(index_tree, user)?;
                        if let Some(old) = index.open.take() {
                            close_in(cases, relays, old, now, true)?;
                        }
                        index.open = Some(id);
                        index.cases.push(id);
                        let case = Case {
                            id,
                            user,
                            open: true,
                            opened: now,
                            closed: None,
                            summary: summary.to_string(),
                            question: question.to_string(),
                            posted: None,
                        };
                        cases.insert(&id.to_be_bytes()[..], encode_case_tx(&case)?)?;
                        index_tree.insert(&user.to_be_bytes()[..], encode(&index)?)?;
                        queue(
                            cases,
                            relays,
                            &Relay {
                                id: 0,
                                case: id,
                                user: Some(user),
                                body: RelayBody::CaseOpened,
                            },
                        )?;
                        users.insert(&user.to_be_bytes()[..], bytes.clone())?;
                        Ok(id)
                    },
                ),
            )?;
            self.sync_on(t)?;
            Ok(id)
        })
    }

    /// Queues the user's text for their open case, saving the record with it. `None`
    /// (and nothing saved) when no case is open.
    pub fn relay_to_case(
        &self,
        user: u64,
        record: &UserRecord,
        text: &str,
    ) -> Result<Option<u64>, StoreError> {
        let body = RelayBody::UserWrote {
            text: text.to_string(),
        };
        self.queue_for_case(user, record, &body)
    }

    /// Queues `body` (from the user) for their open case, saving the record with it.
    /// `None` (and nothing queued) when no case is open.
    pub fn queue_for_case(
        &self,
        user: u64,
        record: &UserRecord,
        body: &RelayBody,
    ) -> Result<Option<u64>, StoreError> {
        self.user_case_change(user, record, |cases, relays, index| {
            let Some(id) = index.open else {
                return Ok(None);
            };
            let body = body.clone();
            queue(
                cases,
                relays,
                &Relay {
                    id: 0,
                    case: id,
                    user: Some(user),
                    body,
                },
            )?;
            Ok(Some(id))
        })
    }

    /// The user closed their open case: saved with the record, the caseworkers told.
    pub fn close_case_by_user(
        &self,
        user: u64,
        record: &UserRecord,
        now: DateTime<Utc>,
    ) -> Result<Option<u64>, StoreError> {
        self.user_case_change(user, record, |cases, relays, index| {
            let Some(id) = index.open.take() else {
                return Ok(None);
            };
            close_in(cases, relays, id, now, true)?;
            Ok(Some(id))
        })
    }

    /// One transaction over the user's record, cases, index and the outbox.
    fn user_case_change(
        &self,
        user: u64,
        record: &UserRecord,
        change: impl Fn(&TransactionalTree, &TransactionalTree, &mut CaseIndex) -> TxResult<Option<u64>>,
    ) -> Result<Option<u64>, StoreError> {
        let bytes = encode_record(record).map_err(StoreError::Encode)?;
        self.with(|t| {
            let result = tx(
                "case change",
                (&t.users, &t.cases, &t.case_users, &t.relays).transaction(
                    |(users, cases, index_tree, relays)| {
                        let mut index = index_in(index_tree, user)?;
                        let result = change(cases, relays, &mut index)?;
                        index_tree.insert(&user.to_be_bytes()[..], encode(&index)?)?;
                        users.insert(&user.to_be_bytes()[..], bytes.clone())?;
                        Ok(result)
                    },
                ),
            )?;
            self.sync_on(t)?;
            Ok(result)
        })
    }

    /// A stored case.
    pub fn case(&self, id: u64) -> Result<Option<Case>, StoreError> {
        self.with(|t| {
            Ok(t.cases
                .get(id.to_be_bytes())
                .map_err(io("read"))?
                .and_then(|b| decode_case(&b)))
        })
    }

    /// The open case of a user, if any.
    pub fn open_case_of(&self, user: u64) -> Result<Option<u64>, StoreError> {
        self.with(|t| {
            let index: CaseIndex = t
                .case_users
                .get(user.to_be_bytes())
                .map_err(io("read"))?
                .and_then(|b| serde_json::from_slice(&b).ok())
                .unwrap_or_default();
            Ok(index.open)
        })
    }

    /// The case a message in the caseworkers' chat belongs to: the message it replies
    /// to, else the forum topic it is in.
    pub fn case_at(
        &self,
        chat: i64,
        reply_to: Option<i32>,
        thread: Option<i32>,
    ) -> Result<CaseAt, StoreError> {
        self.with(|t| {
            let keys = reply_to
                .map(|m| message_key(chat, m))
                .into_iter()
                .chain(thread.map(|th| thread_key(chat, th)));
            for key in keys {
                if let Some(bytes) = t.case_messages.get(key).map_err(io("read"))? {
                    return Ok(match u64_of(&bytes) {
                        Some(ERASED) | None => CaseAt::Erased,
                        Some(id) => CaseAt::Case(id),
                    });
                }
            }
            Ok(CaseAt::Nothing)
        })
    }

    /// A caseworker answered case `id` (their message `message` in `chat`): the answer
    /// is queued for the user, and a closed case opens again unless the user has
    /// another one open. `reopen` writes the user's record for a reopened case (it is
    /// given the stored record, under the caller's lock on the user).
    pub fn caseworker_answer(
        &self,
        id: u64,
        body: RelayBody,
        reopen: Option<&dyn Fn(&mut UserRecord)>,
        closes: bool,
        now: DateTime<Utc>,
    ) -> Result<CaseworkerOutcome, StoreError> {
        self.with(|t| {
            let outcome = tx(
                "caseworker answer",
                (&t.users, &t.cases, &t.case_users, &t.relays).transaction(
                    |(users, cases, index_tree, relays)| {
                        let Some(mut case) = case_in(cases, id)? else {
                            return Ok(CaseworkerOutcome::Erased);
                        };
                        let user = case.user;
                        let mut index = index_in(index_tree, user)?;
                        let mut reopened = false;
                        if closes {
                            if index.open == Some(id) {
                                index.open = None;
                            }
                            case.open = false;
                            case.closed = Some(now);
                        } else if !case.open && index.open.is_none() {
                            case.open = true;
                            case.closed = None;
                            index.open = Some(id);
                            reopened = true;
                        }
                        let change_record = closes || reopened;
                        if let (true, Some(reopen)) = (change_record, reopen) {
                            let stored = users
                                .get(user.to_be_bytes())?
                                .and_then(|b| super::codec::decode_record(&b).ok());
                            if let Some(mut record) = stored {
                                reopen(&mut record);
                                let bytes = encode_record(&record).map_err(|e| {
                                    ConflictableTransactionError::Abort(TxError::Encode(e))
                                })?;
                                users.insert(&user.to_be_bytes()[..], bytes)?;
                            }
                        }
                        cases.insert(&id.to_be_bytes()[..], encode_case_tx(&case)?)?;
                        index_tree.insert(&user.to_be_bytes()[..], encode(&index)?)?;
                        queue(
                            cases,
                            relays,
                            &Relay {
                                id: 0,
                                case: id,
                                user: Some(user),
                                body: body.clone(),
                            },
                        )?;
                        Ok(CaseworkerOutcome::Queued { user, reopened })
                    },
                ),
            )?;
            self.sync_on(t)?;
            Ok(outcome)
        })
    }

    /// Everything waiting to be sent, oldest first. Unreadable relays are dropped
    /// (logged by id): there is nothing to send them with.
    pub fn relays(&self) -> Result<Vec<Relay>, StoreError> {
        self.with(|t| {
            let mut out = Vec::new();
            let mut unreadable = Vec::new();
            for item in t.relays.iter() {
                let (key, value) = item.map_err(io("read"))?;
                match (u64_of(&key), serde_json::from_slice::<Relay>(&value)) {
                    (Some(id), Ok(mut relay)) => {
                        relay.id = id;
                        out.push(relay);
                    }
                    _ => unreadable.push(key),
                }
            }
            for key in unreadable {
                tracing::warn!("unreadable relay dropped");
                t.relays.remove(key).map_err(io("delete"))?;
            }
            Ok(out)
        })
    }

    /// A relay was sent (or can never be): it leaves the outbox, on disk before this
    /// returns, so a restart does not send it again. `posted` records where a message
    /// to the caseworkers landed, so that replies to it find the case; `earlier_parts`
    /// are the ids of the parts before it when the text was split, mapped the same way.
    pub fn relay_done(
        &self,
        relay: &Relay,
        posted: Option<Posted>,
        earlier_parts: &[i32],
    ) -> Result<(), StoreError> {
        self.with(|t| {
            tx(
                "relay done",
                (&t.cases, &t.case_messages, &t.relays).transaction(|(cases, messages, relays)| {
                    relays.remove(&relay.id.to_be_bytes()[..])?;
                    let Some(posted) = posted else {
                        return Ok(());
                    };
                    // A case erased meanwhile leaves its mapping erased too.
                    let case = case_in(cases, relay.case)?;
                    let value = if case.is_some() { relay.case } else { ERASED };
                    for &m in posted.message.iter().chain(earlier_parts) {
                        messages.insert(message_key(posted.chat, m), &value.to_be_bytes()[..])?;
                    }
                    if let Some(th) = posted.thread {
                        messages.insert(thread_key(posted.chat, th), &value.to_be_bytes()[..])?;
                    }
                    if let (Some(mut case), RelayBody::CaseOpened) = (case, &relay.body) {
                        case.posted = Some(posted);
                        cases.insert(&relay.case.to_be_bytes()[..], encode_case_tx(&case)?)?;
                    }
                    Ok(())
                }),
            )?;
            self.sync_on(t)
        })
    }

    /// The forum topic made for a case, kept before anything is posted in it, so a
    /// crash does not make a second topic.
    pub fn case_topic(&self, id: u64, chat: i64, thread: i32) -> Result<(), StoreError> {
        self.with(|t| {
            tx(
                "case topic",
                (&t.cases, &t.case_messages).transaction(|(cases, messages)| {
                    let Some(mut case) = case_in(cases, id)? else {
                        return Ok(());
                    };
                    case.posted = Some(Posted {
                        chat,
                        message: case.posted.and_then(|p| p.message),
                        thread: Some(thread),
                    });
                    cases.insert(&id.to_be_bytes()[..], encode_case_tx(&case)?)?;
                    messages.insert(thread_key(chat, thread), &id.to_be_bytes()[..])?;
                    Ok(())
                }),
            )?;
            self.sync_on(t)
        })
    }
}

/// A user's cases, for `/export`: the cases and what is still to be sent.
pub(super) fn export(t: &Trees, user: u64) -> Result<serde_json::Value, StoreError> {
    let index: CaseIndex = t
        .case_users
        .get(user.to_be_bytes())
        .map_err(io("read"))?
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let mut cases = Vec::new();
    for id in &index.cases {
        if let Some(case) = t
            .cases
            .get(id.to_be_bytes())
            .map_err(io("read"))?
            .and_then(|b| decode_case(&b))
        {
            cases.push(serde_json::to_value(&case).map_err(StoreError::Encode)?);
        }
    }
    let mut relays = Vec::new();
    for item in t.relays.iter() {
        let (_, value) = item.map_err(io("read"))?;
        if let Ok(relay) = serde_json::from_slice::<Relay>(&value) {
            if relay.user == Some(user) {
                relays.push(serde_json::to_value(&relay).map_err(StoreError::Encode)?);
            }
        }
    }
    Ok(serde_json::json!({ "cases": cases, "outbox": relays }))
}

/// Closes case `id` inside a transaction; `tell` queues the note for the caseworkers.
fn close_in(
    cases: &TransactionalTree,
    relays: &TransactionalTree,
    id: u64,
    now: DateTime<Utc>,
    tell: bool,
) -> TxResult<()> {
    let Some(mut case) = case_in(cases, id)? else {
        return Ok(());
    };
    case.open = false;
    case.closed = Some(now);
    cases.insert(&id.to_be_bytes()[..], encode_case_tx(&case)?)?;
    if tell {
        queue(
            cases,
            relays,
            &Relay {
                id: 0,
                case: id,
                user: Some(case.user),
                body: RelayBody::UserClosed,
            },
        )?;
    }
    Ok(())
}

/// Erases a user's cases (part of erasing the user): the cases, their index, what was
/// still to be sent about them; their places in the caseworkers' chat are marked
/// erased, and for each case that was posted a notice without any content is queued.
pub(super) fn forget_user(t: &Trees, user: u64) -> Result<(), StoreError> {
    let index: CaseIndex = t
        .case_users
        .get(user.to_be_bytes())
        .map_err(io("read"))?
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let mut theirs = index.cases.clone();
    // Belt and braces: cases naming the user that the index does not list.
    for item in t.cases.iter() {
        let (key, value) = item.map_err(io("read"))?;
        if let (Some(id), Some(case)) = (u64_of(&key), decode_case(&value)) {
            if case.user == user && !theirs.contains(&id) {
                theirs.push(id);
            }
        }
    }
    for id in &theirs {
        let Some(bytes) = t.cases.remove(id.to_be_bytes()).map_err(io("delete"))? else {
            continue;
        };
        if let Some(posted) = decode_case(&bytes).and_then(|c| c.posted) {
            let relay = Relay {
                id: 0,
                case: *id,
                user: None,
                body: RelayBody::UserDeleted { posted },
            };
            let key = t
                .cases
                .get(NEXT_RELAY)
                .map_err(io("read"))?
                .and_then(|b| u64_of(&b))
                .unwrap_or(1);
            t.cases
                .insert(NEXT_RELAY, &(key + 1).to_be_bytes()[..])
                .map_err(io("write"))?;
            let value = serde_json::to_vec(&relay).map_err(StoreError::Encode)?;
            t.relays
                .insert(key.to_be_bytes(), value)
                .map_err(io("write"))?;
        }
    }
    let mut erased_places = Vec::new();
    for item in t.case_messages.iter() {
        let (key, value) = item.map_err(io("read"))?;
        if u64_of(&value).is_some_and(|id| theirs.contains(&id)) {
            erased_places.push(key);
        }
    }
    for key in erased_places {
        t.case_messages
            .insert(key, &ERASED.to_be_bytes()[..])
            .map_err(io("write"))?;
    }
    let mut relays = Vec::new();
    for item in t.relays.iter() {
        let (key, value) = item.map_err(io("read"))?;
        let mentions = serde_json::from_slice::<Relay>(&value).is_ok_and(|r| r.user == Some(user));
        if mentions {
            relays.push(key);
        }
    }
    for key in relays {
        t.relays.remove(key).map_err(io("delete"))?;
    }
    t.case_users
        .remove(user.to_be_bytes())
        .map_err(io("delete"))?;
    Ok(())
}

#[cfg(test)]
mod tests;
