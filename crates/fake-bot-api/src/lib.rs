//! A Bot API test double: an axum server on 127.0.0.1 that answers the way Telegram
//! does, so the real bot (teloxide, Throttle, retries, the dispatcher) can be driven
//! end to end without a network. Tests and the load harness use it in-process; it is
//! a crate of its own, a dev-dependency of `jolserik`, so the bot's release build does
//! not carry it.
//!
//! - Calls are `/bot<token>/<method>` with a JSON body (or query parameters); method
//!   names match in any letter case (teloxide sends `SendMessage`); answers are
//!   `{"ok":true,"result":…}` or `{"ok":false,"error_code":…,"description":…}`.
//! - Every call is checked against `api.json` ([`spec`], bundled in `spec/`): a
//!   method the bot does not call is 404 "Not Found", and a missing required field, a
//!   wrong type or a broken limit (text 1–4096 characters, callback data 1–64 bytes) is
//!   refused with 400 and Telegram's description.
//! - It keeps each chat's messages, so an edit changes what the chat shows, an edit that
//!   changes nothing is "message is not modified", a button press carries the message
//!   that holds the button, and a callback query is answered once or "query is too old".
//! - It can be told to answer 429 with `retry_after`, 403 "bot was blocked by the user",
//!   500, or to answer late ([`Fault`]), for a method, a chat, or both.
//! - `getUpdates` long-polls: it returns as soon as an update is queued.
//! - Every call is recorded for assertions ([`Call`]).
//! - For the load harness (`examples/load.rs`): an observer sees every call as it is
//!   answered ([`FakeBotApi::observe`]); a lean mode keeps no call log and only the
//!   last few messages of each chat ([`FakeBotApi::lean`]), so a run with 100,000 users
//!   does not measure the double's memory; and a global limit on sent messages answers
//!   429 above it, as Telegram does ([`FakeBotApi::limit_sends`]).

pub mod spec;

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use serde_json::{json, Map, Value};
use tokio::sync::Notify;
use tokio::task::JoinHandle;

pub use spec::{Refusal, Spec, SpecError};

/// The token the double accepts unless told otherwise. Well-formed, and obviously fake.
pub const TOKEN: &str = "123456:TEST-token-of-the-jolserik-test-double";
/// The bot's user id, the token's first part.
pub const BOT_ID: u64 = 123456;
pub const BOT_USERNAME: &str = "jolserik_test_bot";

/// How long a test waits by default for the bot to do something.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);

const NOT_MODIFIED: &str = "Bad Request: message is not modified: specified new message content \
    and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_TOO_OLD: &str =
    "Bad Request: query is too old and response timeout expired or query ID is invalid";
const BLOCKED: &str = "Forbidden: bot was blocked by the user";

/// Why the double could not start or a test's expectation was not met.
#[derive(Debug, thiserror::Error)]
pub enum FakeError {
    #[error(transparent)]
    Spec(#[from] SpecError),
    #[error("the test double could not listen on 127.0.0.1")]
    Bind(#[source] std::io::Error),
    #[error("waited {waited:?} for {what}, in vain")]
    Timeout { waited: Duration, what: String },
    #[error("chat {chat} has no message with a button that sends {data:?}")]
    NoSuchButton { chat: i64, data: String },
}

/// A failure the double answers with instead of doing the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// 429 with `parameters.retry_after`.
    TooManyRequests { retry_after: u32 },
    /// 403 "Forbidden: bot was blocked by the user".
    Blocked,
    /// 500 "Internal Server Error".
    ServerError,
    /// Answers normally, but only after this long (longer than the client's timeout
    /// makes a timeout).
    Delay(Duration),
    /// Any other refusal.
    Refuse { code: u16, description: String },
}

/// One call the bot made, as answered.
#[derive(Debug, Clone)]
pub struct Call {
    /// The method's proper name (`sendMessage`), whatever case was sent.
    pub method: String,
    pub params: Value,
    pub status: u16,
    /// Telegram's description when refused.
    pub description: Option<String>,
    pub at: Instant,
}

impl Call {
    pub fn ok(&self) -> bool {
        self.status == 200
    }

    pub fn chat_id(&self) -> Option<i64> {
        self.params.get("chat_id").and_then(as_i64)
    }

    pub fn text(&self) -> Option<&str> {
        self.params.get("text").and_then(Value::as_str)
    }

    /// Callback data of every button in the call's `reply_markup`.
    pub fn callback_data(&self) -> Vec<String> {
        callback_data_of(self.params.get("reply_markup"))
    }
}

/// A message in a chat, as the double keeps it (after any edits).
#[derive(Debug, Clone, PartialEq)]
pub struct ChatMessage {
    pub id: i64,
    pub from_bot: bool,
    pub text: Option<String>,
    pub reply_markup: Option<Value>,
    pub edited: bool,
    /// A file the bot sent (`sendDocument`): its name and bytes.
    pub document: Option<(String, Vec<u8>)>,
    /// The forum topic the message is in.
    pub thread: Option<i64>,
    /// The message this one replies to.
    pub reply_to: Option<i64>,
    /// Reactions the bot set on the message (`setMessageReaction`).
    pub reactions: Vec<String>,
    date: u64,
    /// For a user's message: the user object it was sent with.
    from: Option<Value>,
    /// Content other than text (a sticker, a photo), merged into the JSON.
    content: Option<Map<String, Value>>,
}

impl ChatMessage {
    /// Callback data of the message's buttons, in order.
    pub fn callback_data(&self) -> Vec<String> {
        callback_data_of(self.reply_markup.as_ref())
    }

    /// Labels of the message's buttons, in order.
    pub fn button_labels(&self) -> Vec<String> {
        buttons_of(self.reply_markup.as_ref())
            .filter_map(|b| b.get("text").and_then(Value::as_str).map(str::to_string))
            .collect()
    }

    pub fn has_button(&self, data: &str) -> bool {
        self.callback_data().iter().any(|d| d == data)
    }

    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or("")
    }

    /// Whether the message carries content of this kind (`"photo"`, `"document"`).
    pub fn has_content(&self, kind: &str) -> bool {
        self.content.as_ref().is_some_and(|c| c.contains_key(kind))
    }
}

/// Non-text content a user can send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    Sticker,
    Photo,
    Voice,
    Location,
    Document,
}

/// A read-only look at the double's state, for [`FakeBotApi::wait_until`].
pub struct View<'a>(&'a FakeState);

impl View<'_> {
    pub fn calls(&self) -> &[Call] {
        &self.0.calls
    }

    /// Calls of one method (any case).
    pub fn calls_to(&self, method: &str) -> Vec<&Call> {
        self.0
            .calls
            .iter()
            .filter(|c| c.method.eq_ignore_ascii_case(method))
            .collect()
    }

    /// The chat's messages, the user's and the bot's, oldest first.
    pub fn messages(&self, chat: i64) -> Vec<&ChatMessage> {
        self.0
            .chats
            .get(&chat)
            .map(|c| c.messages.values().collect())
            .unwrap_or_default()
    }

    /// The bot's messages in the chat, oldest first.
    pub fn bot_messages(&self, chat: i64) -> Vec<&ChatMessage> {
        self.messages(chat)
            .into_iter()
            .filter(|m| m.from_bot)
            .collect()
    }

    /// Updates queued and not yet confirmed by a later `getUpdates` offset.
    pub fn pending_updates(&self) -> usize {
        self.0.updates.len()
    }
}

#[derive(Default)]
pub struct FakeState {
    next_update_id: i64,
    updates: VecDeque<(i64, Value)>,
    chats: HashMap<i64, ChatLog>,
    calls: Vec<Call>,
    faults: Vec<FaultRule>,
    blocked: HashSet<i64>,
    /// Callback query id → answered yet.
    queries: BTreeMap<String, bool>,
    next_query: u64,
    webhook: Option<(String, Option<String>)>,
    /// `(method, language or "")` → what was set: the command menu and descriptions.
    profile: HashMap<(String, String), Value>,
    /// Lean mode: keep no call log, at most this many messages per chat, and forget
    /// answered callback queries.
    lean: Option<usize>,
    /// Sent and edited messages allowed per second, over all chats; above it, 429.
    send_limit: Option<SendLimit>,
}

/// A token bucket: `per_second` tokens a second, at most a second's worth saved up.
/// So the long-run rate never exceeds the limit, and a client that keeps under it is
/// never refused for sending in batches (teloxide's Throttle releases messages four
/// times a second).
struct SendLimit {
    per_second: f64,
    tokens: f64,
    at: Instant,
}

impl SendLimit {
    /// Whether one more send is allowed now; takes a token when it is.
    fn admit(&mut self, now: Instant) -> bool {
        let earned = now.saturating_duration_since(self.at).as_secs_f64() * self.per_second;
        self.tokens = (self.tokens + earned).min(self.per_second);
        self.at = now;
        if self.tokens < 1.0 {
            return false;
        }
        self.tokens -= 1.0;
        true
    }
}

/// Sees every call as it is answered (the load harness's ears).
pub type Observer = Arc<dyn Fn(&Call) + Send + Sync>;

struct ChatLog {
    object: Value,
    next_message_id: i64,
    messages: BTreeMap<i64, ChatMessage>,
    /// Forum topics: thread id → name.
    topics: BTreeMap<i64, String>,
}

struct FaultRule {
    method: Option<String>,
    chat: Option<i64>,
    fault: Fault,
    times: usize,
}

struct Inner {
    token: String,
    spec: Arc<Spec>,
    state: Mutex<FakeState>,
    changed: Notify,
    observer: Mutex<Option<Observer>>,
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, FakeState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn touched(&self) {
        self.changed.notify_waiters();
    }

    async fn wait_until<T>(
        &self,
        what: &str,
        timeout: Duration,
        check: impl Fn(&View<'_>) -> Option<T>,
    ) -> Result<T, FakeError> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(found) = check(&View(&self.lock())) {
                return Ok(found);
            }
            tokio::select! {
                () = &mut notified => {}
                () = tokio::time::sleep_until(deadline) => {
                    return match check(&View(&self.lock())) {
                        Some(found) => Ok(found),
                        None => Err(FakeError::Timeout { waited: timeout, what: what.to_string() }),
                    };
                }
            }
        }
    }

    /// Queues an update built from the state; returns its id.
    fn push(&self, build: impl FnOnce(&mut FakeState) -> Value) -> i64 {
        let id = {
            let mut state = self.lock();
            let mut update = build(&mut state);
            state.next_update_id += 1;
            let id = state.next_update_id;
            update["update_id"] = json!(id);
            state.updates.push_back((id, update));
            id
        };
        self.touched();
        id
    }
}

/// The running double. Dropping it stops the server.
pub struct FakeBotApi {
    inner: Arc<Inner>,
    addr: SocketAddr,
    server: JoinHandle<()>,
}

impl Drop for FakeBotApi {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl FakeBotApi {
    /// Starts on a free port of 127.0.0.1 with [`TOKEN`] and the bundled `api.json`.
    pub async fn start() -> Result<FakeBotApi, FakeError> {
        FakeBotApi::start_with(TOKEN, Spec::shared()?).await
    }

    pub async fn start_with(token: &str, spec: Arc<Spec>) -> Result<FakeBotApi, FakeError> {
        let inner = Arc::new(Inner {
            token: token.to_string(),
            spec,
            state: Mutex::new(FakeState::default()),
            changed: Notify::new(),
            observer: Mutex::new(None),
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(FakeError::Bind)?;
        let addr = listener.local_addr().map_err(FakeError::Bind)?;
        let router = Router::new()
            .route("/{*path}", any(answer))
            .with_state(inner.clone());
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Ok(FakeBotApi {
            inner,
            addr,
            server,
        })
    }

    /// The base URL to give the bot (`telegram.api_url`, `TELOXIDE_API_URL`).
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn token(&self) -> &str {
        &self.inner.token
    }

    /// A user with a private chat (chat id = user id) and a Telegram `language_code`.
    pub fn user(&self, id: u64, language_code: Option<&str>) -> FakeUser {
        FakeUser {
            inner: self.inner.clone(),
            id,
            language_code: language_code.map(str::to_string),
        }
    }

    /// A user writes in a supergroup the bot is in.
    pub fn group_message(&self, chat: i64, from: u64, text: &str) -> i64 {
        let user = user_json(from, Some("ru"));
        let object = json!({"id": chat, "type": "supergroup", "title": "Migrants of Almaty"});
        self.inner.push(|state| {
            let message = state.add_message(chat, &object, Some(user), Some(text), None);
            json!({ "message": message })
        })
    }

    /// A supergroup the bot is a member of (a forum when `forum`: topics can be made).
    pub fn group(&self, chat: i64, forum: bool) {
        let mut object = json!({"id": chat, "type": "supergroup", "title": "Caseworkers"});
        if forum {
            object["is_forum"] = json!(true);
        }
        self.inner.lock().chat(chat, &object);
    }

    /// A member of group `chat` replies to message `reply_to` there (in its topic, if it
    /// is in one). Returns the new message's id.
    pub fn reply_in_group(&self, chat: i64, from: u64, reply_to: i64, text: &str) -> i64 {
        let mut id = 0;
        self.inner.push(|state| {
            let target = state
                .chats
                .get(&chat)
                .and_then(|c| c.messages.get(&reply_to))
                .cloned();
            let object = state
                .chats
                .get(&chat)
                .map(|c| c.object.clone())
                .unwrap_or_else(|| json!({"id": chat, "type": "supergroup", "title": "Group"}));
            let thread = target.as_ref().and_then(|t| t.thread);
            let mut message = state.add_message(
                chat,
                &object,
                Some(user_json(from, Some("ru"))),
                Some(text),
                None,
            );
            id = message["message_id"].as_i64().unwrap_or(0);
            if let Some(target) = &target {
                message["reply_to_message"] = message_json(&object, target);
            }
            if let Some(thread) = thread {
                message["message_thread_id"] = json!(thread);
                message["is_topic_message"] = json!(true);
            }
            if let Some(log) = state.chats.get_mut(&chat) {
                if let Some(m) = log.messages.get_mut(&id) {
                    m.reply_to = Some(reply_to);
                    m.thread = thread;
                }
            }
            with_command_entity(&mut message, text);
            json!({ "message": message })
        });
        id
    }

    /// A member of forum `chat` writes in topic `thread`, replying to nothing.
    pub fn write_in_topic(&self, chat: i64, from: u64, thread: i64, text: &str) -> i64 {
        let mut id = 0;
        self.inner.push(|state| {
            let object = state
                .chats
                .get(&chat)
                .map(|c| c.object.clone())
                .unwrap_or_else(|| json!({"id": chat, "type": "supergroup", "title": "Group"}));
            let mut message = state.add_message(
                chat,
                &object,
                Some(user_json(from, Some("ru"))),
                Some(text),
                None,
            );
            id = message["message_id"].as_i64().unwrap_or(0);
            message["message_thread_id"] = json!(thread);
            message["is_topic_message"] = json!(true);
            if let Some(m) = state
                .chats
                .get_mut(&chat)
                .and_then(|l| l.messages.get_mut(&id))
            {
                m.thread = Some(thread);
            }
            with_command_entity(&mut message, text);
            json!({ "message": message })
        });
        id
    }

    /// The forum topics made in `chat`: thread id and name.
    pub fn topics(&self, chat: i64) -> Vec<(i64, String)> {
        self.inner
            .lock()
            .chats
            .get(&chat)
            .map(|c| c.topics.iter().map(|(k, v)| (*k, v.clone())).collect())
            .unwrap_or_default()
    }

    /// A post in a channel the bot administers.
    pub fn channel_post(&self, chat: i64, text: &str) -> i64 {
        let object = json!({"id": chat, "type": "channel", "title": "Migration news"});
        self.inner.push(|state| {
            let mut message = state.add_message(chat, &object, None, Some(text), None);
            message["sender_chat"] = object.clone();
            json!({ "channel_post": message })
        })
    }

    /// Queues an update as given (its `update_id` is set here).
    pub fn push_update(&self, update: Value) -> i64 {
        self.inner.push(|_| update)
    }

    /// Answers the next `times` calls of `method` (any case; `None` for all methods)
    /// to `chat` (`None` for any chat) with `fault`.
    pub fn inject(&self, method: Option<&str>, chat: Option<i64>, fault: Fault, times: usize) {
        self.inner.lock().faults.push(FaultRule {
            method: method.map(str::to_lowercase),
            chat,
            fault,
            times,
        });
    }

    /// Answers the next `times` calls of `method` with `fault`.
    pub fn fail(&self, method: &str, fault: Fault, times: usize) {
        self.inject(Some(method), None, fault, times);
    }

    /// From now on every message to `chat` is refused with 403 "bot was blocked".
    pub fn block(&self, chat: i64) {
        self.inner.lock().blocked.insert(chat);
    }

    pub fn unblock(&self, chat: i64) {
        self.inner.lock().blocked.remove(&chat);
    }

    /// Lean mode for long load runs: no call log ([`FakeBotApi::calls`] stays empty;
    /// use [`FakeBotApi::observe`]), at most `messages_per_chat` messages kept per chat
    /// (enough for the newest question's buttons), answered callback queries forgotten.
    pub fn lean(&self, messages_per_chat: usize) {
        self.inner.lock().lean = Some(messages_per_chat.max(1));
    }

    /// Calls `observer` with every call as it is answered, refusals included.
    pub fn observe(&self, observer: Observer) {
        *self
            .inner
            .observer
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some(observer);
    }

    /// At most `per_second` sent or edited messages a second, over all chats, with
    /// bursts of up to a second's worth (a token bucket); the ones above are answered
    /// 429 with `retry_after` 1, as Telegram does. `None` lifts the limit.
    pub fn limit_sends(&self, per_second: Option<usize>) {
        self.inner.lock().send_limit = per_second.map(|per_second| {
            let per_second = per_second as f64;
            SendLimit {
                per_second,
                tokens: per_second,
                at: Instant::now(),
            }
        });
    }

    /// Forgets a chat's messages (a load run's user who is done).
    pub fn forget_chat(&self, chat: i64) {
        self.inner.lock().chats.remove(&chat);
    }

    /// Every call so far.
    pub fn calls(&self) -> Vec<Call> {
        self.inner.lock().calls.clone()
    }

    /// Every call so far, forgetting them (a long load run keeps memory flat this way).
    pub fn take_calls(&self) -> Vec<Call> {
        std::mem::take(&mut self.inner.lock().calls)
    }

    /// Calls of one method (any case).
    pub fn calls_to(&self, method: &str) -> Vec<Call> {
        self.inner
            .lock()
            .calls
            .iter()
            .filter(|c| c.method.eq_ignore_ascii_case(method))
            .cloned()
            .collect()
    }

    /// The chat's messages, oldest first.
    pub fn messages(&self, chat: i64) -> Vec<ChatMessage> {
        View(&self.inner.lock())
            .messages(chat)
            .into_iter()
            .cloned()
            .collect()
    }

    /// Callback queries not (yet) answered.
    pub fn unanswered_queries(&self) -> Vec<String> {
        self.inner
            .lock()
            .queries
            .iter()
            .filter(|(_, answered)| !**answered)
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// The registered webhook: URL and secret.
    pub fn webhook(&self) -> Option<(String, Option<String>)> {
        self.inner.lock().webhook.clone()
    }

    /// What `setMyCommands`, `setMyDescription` or `setMyShortDescription` last set for
    /// a language (`""` for the default).
    pub fn profile(&self, method: &str, language: &str) -> Option<Value> {
        self.inner
            .lock()
            .profile
            .get(&(method.to_lowercase(), language.to_string()))
            .cloned()
    }

    /// Waits until `check` holds (it is evaluated after every change).
    pub async fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        check: impl Fn(&View<'_>) -> bool,
    ) -> Result<(), FakeError> {
        self.inner
            .wait_until(what, timeout, |v| check(v).then_some(()))
            .await
    }
}

/// A user of the double: sends messages and presses buttons in their private chat.
#[derive(Clone)]
pub struct FakeUser {
    inner: Arc<Inner>,
    pub id: u64,
    pub language_code: Option<String>,
}

impl FakeUser {
    pub fn chat_id(&self) -> i64 {
        i64::try_from(self.id).unwrap_or(i64::MAX)
    }

    fn object(&self) -> Value {
        json!({"id": self.chat_id(), "type": "private", "first_name": "Test"})
    }

    fn user(&self) -> Value {
        user_json(self.id, self.language_code.as_deref())
    }

    /// The update for a text message, recorded in the chat but not queued (for webhook
    /// tests, which deliver it themselves).
    pub fn text_update(&self, text: &str) -> Value {
        let mut state = self.inner.lock();
        state.next_update_id += 1;
        let id = state.next_update_id;
        let message = state.add_message(
            self.chat_id(),
            &self.object(),
            Some(self.user()),
            Some(text),
            None,
        );
        json!({"update_id": id, "message": message})
    }

    /// The user has a private chat with the bot, as if they had written to it before
    /// (Telegram refuses messages to a chat it does not know), without an update.
    pub fn open_chat(&self) {
        let (chat, object) = (self.chat_id(), self.object());
        self.inner.lock().chat(chat, &object);
    }

    /// Sends a text message (a command when it starts with `/`).
    pub fn send_text(&self, text: &str) -> i64 {
        let (chat, object, user) = (self.chat_id(), self.object(), self.user());
        self.inner.push(|state| {
            let mut message = state.add_message(chat, &object, Some(user), Some(text), None);
            if let Some(command) = text.strip_prefix('/') {
                let len = command
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .count()
                    + 1;
                message["entities"] = json!([{"type": "bot_command", "offset": 0, "length": len}]);
            }
            json!({ "message": message })
        })
    }

    /// Sends something that is not text.
    pub fn send(&self, content: Content) -> i64 {
        let (chat, object, user) = (self.chat_id(), self.object(), self.user());
        self.inner.push(|state| {
            let message =
                state.add_message(chat, &object, Some(user), None, Some(content_json(content)));
            json!({ "message": message })
        })
    }

    /// Presses the button sending `data` on the newest message that has one.
    pub fn press(&self, data: &str) -> Result<String, FakeError> {
        let update = self.callback(data)?;
        let id = update["callback_query"]["id"]
            .as_str()
            .unwrap_or("")
            .to_string();
        self.inner.push(|_| update);
        Ok(id)
    }

    /// The update for pressing the button sending `data`, not queued (for webhooks).
    pub fn press_update(&self, data: &str) -> Result<Value, FakeError> {
        let mut update = self.callback(data)?;
        let mut state = self.inner.lock();
        state.next_update_id += 1;
        update["update_id"] = json!(state.next_update_id);
        Ok(update)
    }

    fn callback(&self, data: &str) -> Result<Value, FakeError> {
        let mut state = self.inner.lock();
        let chat = self.chat_id();
        let message = state
            .chats
            .get(&chat)
            .and_then(|c| {
                c.messages
                    .values()
                    .rev()
                    .find(|m| m.from_bot && m.has_button(data))
            })
            .cloned()
            .ok_or_else(|| FakeError::NoSuchButton {
                chat,
                data: data.to_string(),
            })?;
        Ok(state.callback_update(chat, self.user(), &message, data))
    }

    /// Sends a callback query with any `data` from the bot's message `message_id`, as a
    /// modified client could: forged or stale data.
    pub fn press_on(&self, message_id: i64, data: &str) -> String {
        let chat = self.chat_id();
        let user = self.user();
        let mut query = String::new();
        self.inner.push(|state| {
            let message = state
                .chats
                .get(&chat)
                .and_then(|c| c.messages.get(&message_id))
                .cloned()
                .unwrap_or_else(|| ChatMessage {
                    id: message_id,
                    from_bot: true,
                    text: Some("?".into()),
                    reply_markup: None,
                    edited: false,
                    document: None,
                    thread: None,
                    reply_to: None,
                    reactions: Vec::new(),
                    date: now(),
                    from: None,
                    content: None,
                });
            let update = state.callback_update(chat, user, &message, data);
            query = update["callback_query"]["id"]
                .as_str()
                .unwrap_or("")
                .to_string();
            update
        });
        query
    }

    /// The user blocks the bot: Telegram sends `my_chat_member` and refuses messages.
    pub fn block_bot(&self) -> i64 {
        let (chat, object, user) = (self.chat_id(), self.object(), self.user());
        self.inner.push(|state| {
            state.blocked.insert(chat);
            json!({"my_chat_member": {
                "chat": object,
                "from": user,
                "date": now(),
                "old_chat_member": {"user": bot_user(), "status": "member"},
                "new_chat_member": {"user": bot_user(), "status": "kicked", "until_date": 0},
            }})
        })
    }

    /// The chat's messages, oldest first.
    pub fn messages(&self) -> Vec<ChatMessage> {
        View(&self.inner.lock())
            .messages(self.chat_id())
            .into_iter()
            .cloned()
            .collect()
    }

    /// The texts of the bot's messages, oldest first.
    pub fn bot_texts(&self) -> Vec<String> {
        self.messages()
            .into_iter()
            .filter(|m| m.from_bot)
            .map(|m| m.text().to_string())
            .collect()
    }

    /// Waits for a bot message with a button sending `data`; returns the newest.
    pub async fn wait_button(
        &self,
        data: &str,
        timeout: Duration,
    ) -> Result<ChatMessage, FakeError> {
        let chat = self.chat_id();
        self.inner
            .wait_until(&format!("a button {data:?} in chat {chat}"), timeout, |v| {
                v.bot_messages(chat)
                    .into_iter()
                    .rev()
                    .find(|m| m.has_button(data))
                    .cloned()
            })
            .await
    }

    /// Waits for a bot message containing `needle`; returns the newest.
    pub async fn wait_text(
        &self,
        needle: &str,
        timeout: Duration,
    ) -> Result<ChatMessage, FakeError> {
        let chat = self.chat_id();
        self.inner
            .wait_until(
                &format!("a message with {needle:?} in chat {chat}"),
                timeout,
                |v| {
                    v.bot_messages(chat)
                        .into_iter()
                        .rev()
                        .find(|m| m.text().contains(needle))
                        .cloned()
                },
            )
            .await
    }

    /// Waits until the bot has sent at least `count` messages to this chat.
    pub async fn wait_bot_messages(
        &self,
        count: usize,
        timeout: Duration,
    ) -> Result<Vec<ChatMessage>, FakeError> {
        let chat = self.chat_id();
        self.inner
            .wait_until(
                &format!("{count} bot messages in chat {chat}"),
                timeout,
                |v| {
                    let messages = v.bot_messages(chat);
                    (messages.len() >= count).then(|| messages.into_iter().cloned().collect())
                },
            )
            .await
    }
}

impl FakeState {
    fn chat(&mut self, chat: i64, object: &Value) -> &mut ChatLog {
        self.chats.entry(chat).or_insert_with(|| ChatLog {
            object: object.clone(),
            next_message_id: 1,
            messages: BTreeMap::new(),
            topics: BTreeMap::new(),
        })
    }

    /// Records a message from a user (or a channel) and returns its JSON.
    fn add_message(
        &mut self,
        chat: i64,
        object: &Value,
        from: Option<Value>,
        text: Option<&str>,
        content: Option<Map<String, Value>>,
    ) -> Value {
        let lean = self.lean;
        let log = self.chat(chat, object);
        let id = log.next_message_id;
        log.next_message_id += 1;
        let message = ChatMessage {
            id,
            from_bot: false,
            text: text.map(str::to_string),
            reply_markup: None,
            edited: false,
            document: None,
            thread: None,
            reply_to: None,
            reactions: Vec::new(),
            date: now(),
            from,
            content,
        };
        let json = message_json(&log.object, &message);
        log.messages.insert(id, message);
        trim(log, lean);
        json
    }

    fn callback_update(
        &mut self,
        chat: i64,
        user: Value,
        message: &ChatMessage,
        data: &str,
    ) -> Value {
        self.next_query += 1;
        let id = format!("q{}", self.next_query);
        self.queries.insert(id.clone(), false);
        let object = self
            .chats
            .get(&chat)
            .map(|c| c.object.clone())
            .unwrap_or_else(|| json!({"id": chat, "type": "private", "first_name": "Test"}));
        json!({"callback_query": {
            "id": id,
            "from": user,
            "message": message_json(&object, message),
            "chat_instance": format!("ci{chat}"),
            "data": data,
        }})
    }

    /// Takes the first fault rule matching this call, if any.
    fn take_fault(&mut self, method: &str, chat: Option<i64>) -> Option<Fault> {
        let method = method.to_lowercase();
        let i = self.faults.iter().position(|r| {
            r.times > 0
                && r.method.as_ref().is_none_or(|m| *m == method)
                && r.chat.is_none_or(|c| Some(c) == chat)
        })?;
        let rule = &mut self.faults[i];
        rule.times -= 1;
        let fault = rule.fault.clone();
        if rule.times == 0 {
            self.faults.remove(i);
        }
        Some(fault)
    }

    /// Does a checked call (all but `getUpdates`).
    fn apply(
        &mut self,
        method: &str,
        params: &Map<String, Value>,
        uploads: Vec<Upload>,
    ) -> Result<Value, Refused> {
        let chat = params.get("chat_id").and_then(as_i64);
        let targets_chat = method.starts_with("send") || method.starts_with("edit");
        if let (true, Some(chat)) = (targets_chat, chat) {
            if self.blocked.contains(&chat) {
                return Err(Refused::new(403, BLOCKED));
            }
        }
        match method {
            "getMe" => Ok(json!({
                "id": BOT_ID, "is_bot": true, "first_name": "Jolserik", "username": BOT_USERNAME,
                "can_join_groups": true, "can_read_all_group_messages": false,
                "supports_inline_queries": false, "can_connect_to_business": false,
                "has_main_web_app": false,
            })),
            "sendMessage" => {
                let chat =
                    chat.ok_or_else(|| Refused::new(400, "Bad Request: chat_id is empty"))?;
                let log = self
                    .chats
                    .get_mut(&chat)
                    .ok_or_else(|| Refused::new(400, "Bad Request: chat not found"))?;
                let id = log.next_message_id;
                log.next_message_id += 1;
                let message = ChatMessage {
                    id,
                    from_bot: true,
                    text: params
                        .get("text")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                    reply_markup: markup_of(params),
                    edited: false,
                    document: None,
                    thread: None,
                    reply_to: None,
                    reactions: Vec::new(),
                    date: now(),
                    from: None,
                    content: None,
                };
                let mut message = message;
                message.thread = params.get("message_thread_id").and_then(as_i64);
                message.reply_to = params
                    .get("reply_parameters")
                    .and_then(|r| r.get("message_id"))
                    .and_then(as_i64);
                if message.thread.is_some() && log.object.get("is_forum") != Some(&json!(true)) {
                    return Err(Refused::new(400, "Bad Request: message thread not found"));
                }
                let json = message_json(&log.object, &message);
                log.messages.insert(id, message);
                trim(log, self.lean);
                Ok(json)
            }
            "sendDocument" => {
                let chat =
                    chat.ok_or_else(|| Refused::new(400, "Bad Request: chat_id is empty"))?;
                let log = self
                    .chats
                    .get_mut(&chat)
                    .ok_or_else(|| Refused::new(400, "Bad Request: chat not found"))?;
                // The file is the part named `document`, or the part `document` points
                // at as `attach://<name>` (how teloxide sends it).
                let attached = params
                    .get("document")
                    .and_then(Value::as_str)
                    .and_then(|v| v.strip_prefix("attach://"))
                    .unwrap_or("document")
                    .to_string();
                let upload = uploads
                    .into_iter()
                    .find(|u| u.field == attached)
                    .ok_or_else(|| {
                        Refused::new(400, "Bad Request: there is no document in the request")
                    })?;
                let id = log.next_message_id;
                log.next_message_id += 1;
                let mut content = Map::new();
                content.insert(
                    "document".to_string(),
                    json!({
                        "file_id": format!("doc-{chat}-{id}"),
                        "file_unique_id": format!("udoc-{chat}-{id}"),
                        "file_name": upload.file_name,
                        "file_size": upload.bytes.len(),
                    }),
                );
                let message = ChatMessage {
                    id,
                    from_bot: true,
                    text: None,
                    reply_markup: markup_of(params),
                    edited: false,
                    document: Some((upload.file_name, upload.bytes)),
                    thread: None,
                    reply_to: None,
                    reactions: Vec::new(),
                    date: now(),
                    from: None,
                    content: Some(content),
                };
                let json = message_json(&log.object, &message);
                log.messages.insert(id, message);
                trim(log, self.lean);
                Ok(json)
            }
            "editMessageText" | "editMessageReplyMarkup" => {
                let (Some(chat), Some(id)) = (chat, params.get("message_id").and_then(as_i64))
                else {
                    return Err(Refused::new(400, "Bad Request: message to edit not found"));
                };
                let log = self
                    .chats
                    .get_mut(&chat)
                    .ok_or_else(|| Refused::new(400, "Bad Request: chat not found"))?;
                let object = log.object.clone();
                let message = log
                    .messages
                    .get_mut(&id)
                    .filter(|m| m.from_bot)
                    .ok_or_else(|| Refused::new(400, "Bad Request: message to edit not found"))?;
                let text = match method {
                    "editMessageText" => params
                        .get("text")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                    _ => message.text.clone(),
                };
                let markup = markup_of(params);
                if text == message.text && markup == message.reply_markup {
                    return Err(Refused::new(400, NOT_MODIFIED));
                }
                message.text = text;
                message.reply_markup = markup;
                message.edited = true;
                Ok(message_json(&object, message))
            }
            "copyMessage" => {
                let from = params.get("from_chat_id").and_then(as_i64);
                let id = params.get("message_id").and_then(as_i64);
                let source = from
                    .and_then(|c| self.chats.get(&c))
                    .zip(id)
                    .and_then(|(log, id)| log.messages.get(&id))
                    .cloned()
                    .ok_or_else(|| Refused::new(400, "Bad Request: message to copy not found"))?;
                let chat =
                    chat.ok_or_else(|| Refused::new(400, "Bad Request: chat_id is empty"))?;
                let log = self
                    .chats
                    .get_mut(&chat)
                    .ok_or_else(|| Refused::new(400, "Bad Request: chat not found"))?;
                let new_id = log.next_message_id;
                log.next_message_id += 1;
                let copy = ChatMessage {
                    id: new_id,
                    from_bot: true,
                    text: source.text.clone(),
                    reply_markup: None,
                    edited: false,
                    document: source.document.clone(),
                    thread: params.get("message_thread_id").and_then(as_i64),
                    reply_to: params
                        .get("reply_parameters")
                        .and_then(|r| r.get("message_id"))
                        .and_then(as_i64),
                    reactions: Vec::new(),
                    date: now(),
                    from: None,
                    content: source.content.clone(),
                };
                log.messages.insert(new_id, copy);
                trim(log, self.lean);
                Ok(json!({ "message_id": new_id }))
            }
            "getChat" => {
                let log = chat
                    .and_then(|c| self.chats.get(&c))
                    .ok_or_else(|| Refused::new(400, "Bad Request: chat not found"))?;
                let mut info = log.object.clone();
                info["accent_color_id"] = json!(0);
                info["max_reaction_count"] = json!(11);
                info["accepted_gift_types"] = json!({
                    "unlimited_gifts": false, "limited_gifts": false,
                    "unique_gifts": false, "premium_subscription": false,
                });
                Ok(info)
            }
            "createForumTopic" => {
                let log = chat
                    .and_then(|c| self.chats.get_mut(&c))
                    .ok_or_else(|| Refused::new(400, "Bad Request: chat not found"))?;
                if log.object.get("is_forum") != Some(&json!(true)) {
                    return Err(Refused::new(400, "Bad Request: the chat is not a forum"));
                }
                // Telegram numbers a topic by the service message that opens it.
                let thread = log.next_message_id;
                log.next_message_id += 1;
                let name = params.get("name").and_then(Value::as_str).unwrap_or("");
                if name.is_empty() || name.chars().count() > 128 {
                    return Err(Refused::new(400, "Bad Request: TOPIC_TITLE_INVALID"));
                }
                log.topics.insert(thread, name.to_string());
                Ok(json!({"message_thread_id": thread, "name": name, "icon_color": 7322096}))
            }
            "setMessageReaction" => {
                let id = params.get("message_id").and_then(as_i64);
                let message = chat
                    .and_then(|c| self.chats.get_mut(&c))
                    .zip(id)
                    .and_then(|(log, id)| log.messages.get_mut(&id))
                    .ok_or_else(|| Refused::new(400, "Bad Request: message to react not found"))?;
                message.reactions = params
                    .get("reaction")
                    .and_then(Value::as_array)
                    .map(|all| {
                        all.iter()
                            .filter_map(|r| r.get("emoji").and_then(Value::as_str))
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default();
                Ok(json!(true))
            }
            "answerCallbackQuery" => {
                let id = params
                    .get("callback_query_id")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                match self.queries.get_mut(id) {
                    Some(answered) if !*answered => {
                        *answered = true;
                        if self.lean.is_some() {
                            // A second answer is "too old" all the same.
                            self.queries.remove(id);
                        }
                        Ok(json!(true))
                    }
                    _ => Err(Refused::new(400, QUERY_TOO_OLD)),
                }
            }
            "setMyCommands" | "setMyDescription" | "setMyShortDescription" => {
                let lang = params
                    .get("language_code")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                let value = match method {
                    "setMyCommands" => params.get("commands").cloned().unwrap_or(Value::Null),
                    "setMyDescription" => params.get("description").cloned().unwrap_or(Value::Null),
                    _ => params
                        .get("short_description")
                        .cloned()
                        .unwrap_or(Value::Null),
                };
                self.profile
                    .insert((method.to_lowercase(), lang.to_string()), value);
                Ok(json!(true))
            }
            "getMyCommands" => {
                let lang = params
                    .get("language_code")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                Ok(self
                    .profile
                    .get(&("setmycommands".to_string(), lang.to_string()))
                    .cloned()
                    .unwrap_or_else(|| json!([])))
            }
            "setWebhook" => {
                let url = params
                    .get("url")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                let secret = params
                    .get("secret_token")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                self.webhook = (!url.is_empty()).then_some((url, secret));
                Ok(json!(true))
            }
            "deleteWebhook" => {
                self.webhook = None;
                if params.get("drop_pending_updates").and_then(Value::as_bool) == Some(true) {
                    self.updates.clear();
                }
                Ok(json!(true))
            }
            "getWebhookInfo" => Ok(json!({
                "url": self.webhook.as_ref().map(|(u, _)| u.clone()).unwrap_or_default(),
                "has_custom_certificate": false,
                "pending_update_count": self.updates.len(),
            })),
            // Checked against the spec, and otherwise a success that changes nothing.
            _ => Ok(json!(true)),
        }
    }
}

/// A refusal, as Telegram words it.
struct Refused {
    code: u16,
    description: String,
    retry_after: Option<u32>,
}

impl Refused {
    fn new(code: u16, description: &str) -> Refused {
        Refused {
            code,
            description: description.to_string(),
            retry_after: None,
        }
    }

    fn from_fault(fault: &Fault) -> Option<Refused> {
        Some(match fault {
            Fault::TooManyRequests { retry_after } => Refused {
                code: 429,
                description: format!("Too Many Requests: retry after {retry_after}"),
                retry_after: Some(*retry_after),
            },
            Fault::Blocked => Refused::new(403, BLOCKED),
            Fault::ServerError => Refused::new(500, "Internal Server Error"),
            Fault::Refuse { code, description } => Refused::new(*code, description),
            Fault::Delay(_) => return None,
        })
    }
}

/// The one route: `/bot<token>/<method>`.
async fn answer(
    State(inner): State<Arc<Inner>>,
    Path(path): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some((token, method)) = path.strip_prefix("bot").and_then(|p| p.split_once('/')) else {
        return refusal(&Refused::new(404, "Not Found"));
    };
    if token != inner.token {
        return refusal(&Refused::new(401, "Unauthorized"));
    }
    let Some(spec) = inner.spec.method(method) else {
        return refusal(&Refused::new(404, "Not Found"));
    };
    let name = spec.name.clone();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let (mut params, uploads) = match parse_body(content_type, &body) {
        Ok(parsed) => parsed,
        Err(refused) => return inner.record(&name, Value::Null, Err(refused)),
    };
    for (k, v) in query {
        params.entry(k).or_insert(Value::String(v));
    }
    let chat = params.get("chat_id").and_then(as_i64);
    tracing::trace!(method = %name, "test double: call received");
    let fault = inner.lock().take_fault(&name, chat);
    if let Some(Fault::Delay(pause)) = &fault {
        tokio::time::sleep(*pause).await;
    }
    let outcome = if let Some(refused) = fault.as_ref().and_then(Refused::from_fault) {
        Err(refused)
    } else if (name.starts_with("send") || name.starts_with("edit"))
        && !inner
            .lock()
            .send_limit
            .as_mut()
            .is_none_or(|l| l.admit(Instant::now()))
    {
        Err(
            Refused::from_fault(&Fault::TooManyRequests { retry_after: 1 })
                .unwrap_or_else(|| Refused::new(429, "Too Many Requests: retry after 1")),
        )
    } else if let Err(Refusal(description)) = inner.spec.check_call(spec, &params) {
        Err(Refused::new(400, &description))
    } else if name == "getUpdates" {
        get_updates(&inner, &params).await
    } else {
        inner.lock().apply(&name, &params, uploads)
    };
    inner.record(&name, Value::Object(params), outcome)
}

impl Inner {
    /// Records the call and turns the outcome into Telegram's answer.
    fn record(&self, method: &str, params: Value, outcome: Result<Value, Refused>) -> Response {
        let (status, description) = match &outcome {
            Ok(_) => (200, None),
            Err(r) => (r.code, Some(r.description.clone())),
        };
        let call = Call {
            method: method.to_string(),
            params,
            status,
            description,
            at: Instant::now(),
        };
        let observer = self
            .observer
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Some(observe) = observer {
            observe(&call);
        }
        {
            let mut state = self.lock();
            if state.lean.is_none() {
                state.calls.push(call);
            }
        }
        self.touched();
        match outcome {
            Ok(result) => (
                StatusCode::OK,
                axum::Json(json!({"ok": true, "result": result})),
            )
                .into_response(),
            Err(refused) => refusal(&refused),
        }
    }
}

fn refusal(refused: &Refused) -> Response {
    let mut body = json!({
        "ok": false,
        "error_code": refused.code,
        "description": refused.description,
    });
    if let Some(seconds) = refused.retry_after {
        body["parameters"] = json!({ "retry_after": seconds });
    }
    let status = StatusCode::from_u16(refused.code).unwrap_or(StatusCode::BAD_REQUEST);
    (status, axum::Json(body)).into_response()
}

/// Long polling: answers at once when updates are waiting, otherwise when one arrives
/// or `timeout` seconds pass. An offset confirms (forgets) the updates before it.
async fn get_updates(inner: &Arc<Inner>, params: &Map<String, Value>) -> Result<Value, Refused> {
    let offset = params.get("offset").and_then(as_i64).unwrap_or(0);
    let limit = params
        .get("limit")
        .and_then(as_i64)
        .unwrap_or(100)
        .clamp(1, 100);
    let timeout = params
        .get("timeout")
        .and_then(as_i64)
        .unwrap_or(0)
        .clamp(0, 50);
    let deadline =
        tokio::time::Instant::now() + Duration::from_secs(u64::try_from(timeout).unwrap_or(0));
    {
        let mut state = inner.lock();
        if state.webhook.is_some() {
            return Err(Refused::new(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
            ));
        }
        let before = state.updates.len();
        if offset > 0 {
            state.updates.retain(|(id, _)| *id >= offset);
        }
        let confirmed = state.updates.len() != before;
        drop(state);
        // Said once, before waiting: a wake-up of our own would make the wait below
        // return at once, over and over, and spin the thread until the deadline.
        if confirmed {
            inner.touched();
        }
    }
    loop {
        let notified = inner.changed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let batch: Vec<Value> = inner
            .lock()
            .updates
            .iter()
            .filter(|(id, _)| *id >= offset)
            .take(usize::try_from(limit).unwrap_or(100))
            .map(|(_, u)| u.clone())
            .collect();
        if !batch.is_empty() || tokio::time::Instant::now() >= deadline {
            return Ok(Value::Array(batch));
        }
        tokio::select! {
            () = &mut notified => {}
            () = tokio::time::sleep_until(deadline) => {}
        }
    }
}

/// A file sent in a multipart call.
struct Upload {
    field: String,
    file_name: String,
    bytes: Vec<u8>,
}

/// Reads a call's parameters: a JSON object, or `multipart/form-data` (how teloxide
/// sends files), where text parts are strings and files are described by name and size.
fn parse_body(
    content_type: &str,
    body: &[u8],
) -> Result<(Map<String, Value>, Vec<Upload>), Refused> {
    if content_type.starts_with("multipart/form-data") {
        return parse_multipart(content_type, body);
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok((Map::new(), Vec::new()));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok((map, Vec::new())),
        _ => Err(Refused::new(
            400,
            "Bad Request: the test double reads JSON objects, multipart forms and query strings",
        )),
    }
}

fn parse_multipart(
    content_type: &str,
    body: &[u8],
) -> Result<(Map<String, Value>, Vec<Upload>), Refused> {
    let malformed = || Refused::new(400, "Bad Request: malformed multipart/form-data");
    let boundary = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"'))
        .ok_or_else(malformed)?;
    let delimiter = format!("--{boundary}");
    let mut params = Map::new();
    let mut uploads = Vec::new();
    for part in split_bytes(body, delimiter.as_bytes()).into_iter().skip(1) {
        if part.starts_with(b"--") {
            break;
        }
        let part = part.strip_prefix(b"\r\n").unwrap_or(part);
        let split = find_bytes(part, b"\r\n\r\n").ok_or_else(malformed)?;
        let head = String::from_utf8_lossy(&part[..split]);
        let content = &part[split + 4..];
        let content = content.strip_suffix(b"\r\n").unwrap_or(content);
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition"))
            .ok_or_else(malformed)?;
        let name = quoted(disposition, "name=").ok_or_else(malformed)?;
        match quoted(disposition, "filename=") {
            Some(file_name) => {
                params.insert(
                    name.clone(),
                    json!({"file_name": file_name, "size": content.len()}),
                );
                uploads.push(Upload {
                    field: name,
                    file_name,
                    bytes: content.to_vec(),
                });
            }
            None => {
                params.insert(
                    name,
                    Value::String(String::from_utf8_lossy(content).into_owned()),
                );
            }
        }
    }
    Ok((params, uploads))
}

/// The quoted value after `key` in a header (`name="chat_id"`), not matching inside a
/// longer key (`filename=` for `name=`).
fn quoted(header: &str, key: &str) -> Option<String> {
    let mut rest = header;
    loop {
        let at = rest.find(key)?;
        let before = rest[..at].chars().last();
        rest = &rest[at + key.len()..];
        if before.is_none_or(|c| c == ' ' || c == ';') {
            let value = rest.strip_prefix('"')?;
            return value.find('"').map(|end| value[..end].to_string());
        }
    }
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn split_bytes<'a>(mut haystack: &'a [u8], needle: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    while let Some(at) = find_bytes(haystack, needle) {
        parts.push(&haystack[..at]);
        haystack = &haystack[at + needle.len()..];
    }
    parts.push(haystack);
    parts
}

/// In lean mode, drops a chat's oldest messages beyond the limit.
fn trim(log: &mut ChatLog, lean: Option<usize>) {
    if let Some(keep) = lean {
        while log.messages.len() > keep {
            log.messages.pop_first();
        }
    }
}

fn as_i64(v: &Value) -> Option<i64> {
    v.as_i64()
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
}

/// `reply_markup` as an object (a form sends it as JSON text); an empty keyboard is none.
fn markup_of(params: &Map<String, Value>) -> Option<Value> {
    let markup = match params.get("reply_markup")? {
        Value::String(s) => serde_json::from_str(s).ok()?,
        v => v.clone(),
    };
    let empty = markup
        .get("inline_keyboard")
        .and_then(Value::as_array)
        .is_some_and(|rows| rows.iter().all(|r| r.as_array().is_none_or(Vec::is_empty)));
    (!empty && !markup.is_null()).then_some(markup)
}

fn buttons_of(markup: Option<&Value>) -> impl Iterator<Item = &Value> {
    markup
        .and_then(|m| m.get("inline_keyboard"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
}

fn callback_data_of(markup: Option<&Value>) -> Vec<String> {
    buttons_of(markup)
        .filter_map(|b| {
            b.get("callback_data")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .collect()
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn bot_user() -> Value {
    json!({"id": BOT_ID, "is_bot": true, "first_name": "Jolserik", "username": BOT_USERNAME})
}

fn user_json(id: u64, language_code: Option<&str>) -> Value {
    let mut user = json!({"id": id, "is_bot": false, "first_name": "Test", "last_name": "User"});
    if let Some(code) = language_code {
        user["language_code"] = json!(code);
    }
    user
}

fn message_json(chat: &Value, message: &ChatMessage) -> Value {
    let mut json = json!({
        "message_id": message.id,
        "date": message.date,
        "chat": chat,
    });
    match (&message.from, message.from_bot) {
        (_, true) => json["from"] = bot_user(),
        (Some(from), false) => json["from"] = from.clone(),
        (None, false) => {}
    }
    if let Some(text) = &message.text {
        json["text"] = json!(text);
    }
    if let Some(markup) = &message.reply_markup {
        json["reply_markup"] = markup.clone();
    }
    if message.edited {
        json["edit_date"] = json!(now());
    }
    if let Some(thread) = message.thread {
        json["message_thread_id"] = json!(thread);
        json["is_topic_message"] = json!(true);
    }
    if let Some(content) = &message.content {
        for (k, v) in content {
            json[k] = v.clone();
        }
    }
    json
}

/// Marks a leading `/command` as Telegram does.
fn with_command_entity(message: &mut Value, text: &str) {
    if let Some(command) = text.strip_prefix('/') {
        let len = command
            .split_whitespace()
            .next()
            .unwrap_or("")
            .chars()
            .count()
            + 1;
        message["entities"] = json!([{"type": "bot_command", "offset": 0, "length": len}]);
    }
}

fn content_json(content: Content) -> Map<String, Value> {
    let file = |id: &str| json!({"file_id": format!("{id}-file"), "file_unique_id": format!("{id}-unique")});
    let (key, mut value) = match content {
        Content::Sticker => ("sticker", file("sticker")),
        Content::Photo => ("photo", file("photo")),
        Content::Voice => ("voice", file("voice")),
        Content::Location => (
            "location",
            json!({"latitude": 43.238949, "longitude": 76.889709}),
        ),
        Content::Document => ("document", file("document")),
    };
    match content {
        Content::Sticker => {
            for (k, v) in [
                ("type", json!("regular")),
                ("width", json!(512)),
                ("height", json!(512)),
                ("is_animated", json!(false)),
                ("is_video", json!(false)),
            ] {
                value[k] = v;
            }
        }
        Content::Photo => {
            value["width"] = json!(320);
            value["height"] = json!(240);
            value = json!([value]);
        }
        Content::Voice => {
            value["duration"] = json!(3);
            value["mime_type"] = json!("audio/ogg");
        }
        Content::Document => {
            value["file_name"] = json!("passport.pdf");
            value["mime_type"] = json!("application/pdf");
        }
        Content::Location => {}
    }
    let mut map = Map::new();
    map.insert(key.to_string(), value);
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use teloxide::types::{Update, UpdateKind};

    #[tokio::test]
    async fn updates_parse_as_teloxide_updates() {
        let api = FakeBotApi::start().await.unwrap();
        let user = api.user(42, Some("kk"));
        user.send_text("/start");
        for c in [
            Content::Sticker,
            Content::Photo,
            Content::Voice,
            Content::Location,
            Content::Document,
        ] {
            user.send(c);
        }
        api.group_message(-1_001, 42, "hi");
        api.channel_post(-1_002, "news");
        user.block_bot();
        let updates: Vec<Value> = api
            .inner
            .lock()
            .updates
            .iter()
            .map(|(_, u)| u.clone())
            .collect();
        assert_eq!(updates.len(), 9);
        // Parsed from text, as over HTTP: teloxide's Update does not read from a Value.
        for u in updates {
            let parsed: Update = serde_json::from_str(&u.to_string()).unwrap();
            assert!(!matches!(parsed.kind, UpdateKind::Error(_)), "{u}");
        }
    }

    #[tokio::test]
    async fn bot_messages_and_presses_round_trip() {
        let api = FakeBotApi::start().await.unwrap();
        let user = api.user(7, None);
        user.send_text("hello");
        let markup = json!({"inline_keyboard": [[{"text": "Yes", "callback_data": "1:y"}]]});
        let sent = api
            .inner
            .lock()
            .apply(
                "sendMessage",
                json!({"chat_id": 7, "text": "Q?", "reply_markup": markup})
                    .as_object()
                    .unwrap(),
                Vec::new(),
            )
            .ok()
            .unwrap();
        let _: teloxide::types::Message = serde_json::from_str(&sent.to_string()).unwrap();
        let id = user.press("1:y").unwrap();
        let update = api.inner.lock().updates.back().unwrap().1.clone();
        let parsed: Update = serde_json::from_str(&update.to_string()).unwrap();
        assert!(matches!(parsed.kind, UpdateKind::CallbackQuery(_)));
        assert_eq!(api.unanswered_queries(), vec![id]);
        assert!(matches!(
            user.press("1:n"),
            Err(FakeError::NoSuchButton { .. })
        ));
    }
}
