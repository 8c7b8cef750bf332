//! One Telegram update, start to finish: read it into an engine input, run the shared
//! pipeline (`App::handle`, on the blocking pool because sled is synchronous), and turn
//! the replies into Bot API calls: new messages, the pressed question edited into a
//! record of the answer, a ticked keyboard refreshed in place. Also the few things only
//! Telegram has: groups and channels, `/stats` for admins, users who block the bot.
//!
//! teloxide's dispatcher runs the updates of one chat one after another and different
//! chats in parallel, so a user's messages are handled in the order they were sent.
//! Logs here carry user ids, kinds and timings, never what anyone wrote.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use teloxide::payloads::{EditMessageTextSetters, SendMessageSetters};
use teloxide::prelude::Requester;
use teloxide::types::{
    CallbackQuery, ChatId, ChatMemberUpdated, InlineKeyboardMarkup, InputFile, Message, MessageId,
    MessageKind, User,
};

use crate::app::{App, AppError, CalendarFile, Handled};
use crate::domain::Lang;
use crate::engine::{Action, Command, Input, Person};
use crate::store::{Loaded, SentState, StoreError};
use crate::text::{Arg, Msg};

use super::errors::{Api, CallError, ErrorKind};
use super::flood::{Admission, SlowDown};
use super::inbox::Removals;
use super::keyboard::{
    self, answered_text, inline_keyboard, other_rows, pressed_label, split_text,
};
use super::metrics::Metrics;

/// The engine's answer to a button that is not valid any more.
const STALE_BUTTON: &str = "err-stale-button";
/// The engine's answer to input it cannot read.
const UNSUPPORTED: &str = "err-unsupported-input";
/// Groups remembered as already told "private messages only"; the set is forgotten when
/// it grows past this, which at worst repeats the note once.
const MAX_GROUP_NOTES: usize = 10_000;
/// Chats whose newest keyboard is remembered; forgotten when there are more, which at
/// worst leaves an old keyboard in place.
const MAX_KEYBOARDS: usize = 100_000;

/// Everything a handler needs, shared by all of them.
pub(crate) struct Shared {
    pub(crate) app: Arc<App>,
    pub(crate) api: Api,
    pub(crate) metrics: Arc<Metrics>,
    pub(crate) max_message_len: usize,
    /// Takes answered updates out of the inbox.
    pub(crate) removals: Arc<Removals>,
    group_notes: Mutex<HashSet<i64>>,
    /// Per chat, the bot's newest message with a keyboard: a typed answer closes it
    /// (its buttons go), as a pressed button closes its own message. Kept in memory
    /// only: after a restart an old keyboard stays, and a press on it is answered as
    /// out of date, which changes nothing.
    keyboards: Mutex<HashMap<i64, MessageId>>,
}

/// Whether to go on with an update after a failed call.
enum Next {
    Continue,
    Stop,
}

impl Shared {
    pub(crate) fn new(
        app: Arc<App>,
        api: Api,
        max_message_len: usize,
        admission: Arc<Admission>,
    ) -> Shared {
        let metrics = api.metrics.clone();
        Shared {
            removals: Removals::new(&app, admission),
            app,
            api,
            metrics,
            max_message_len,
            group_notes: Mutex::new(HashSet::new()),
            keyboards: Mutex::new(HashMap::new()),
        }
    }

    fn default_lang(&self) -> Lang {
        self.app.config.i18n.default_language
    }

    fn render(&self, lang: Lang, msg: &Msg) -> String {
        keyboard::render(&self.app, lang, msg)
    }

    /// A message from a chat: a user's text or other content in private, anything in a
    /// group.
    pub(crate) async fn on_message(&self, msg: Message, update: u32) {
        let started = Instant::now();
        self.metrics.update("message");
        if !msg.chat.is_private() {
            if Some(msg.chat.id.0) == self.app.config.handover.operator_chat {
                return self.on_caseworker_message(msg).await;
            }
            let lang = lang_of(msg.from.as_ref()).unwrap_or(self.default_lang());
            return self.group_note(msg.chat.id, lang).await;
        }
        let Some(from) = msg.from.as_ref().filter(|u| !u.is_bot) else {
            return;
        };
        let user = from.id.0;
        let lang_hint = lang_of(Some(from));
        let input = match (&msg.kind, msg.text()) {
            (MessageKind::Common(_), Some(text)) => Input::from_text(text),
            (MessageKind::Common(_), None) => Input::Unsupported,
            // Service messages (a pinned message, a shared contact's notice) are not
            // something the user said to the bot.
            _ => return,
        };
        let kind = input_kind(&input);
        // A photo or document while a case is open goes to the caseworkers (handover.rs).
        let file = msg.photo().is_some() || msg.document().is_some();
        if file && self.share_with_case(msg.chat.id, user, msg.id.0).await {
            return;
        }
        if matches!(&input, Input::Command(Command::Unknown(name)) if name == "stats")
            && self.is_admin(user)
        {
            self.stats(msg.chat.id, user, lang_hint).await;
        } else if let Some(handled) = self
            .run_engine(msg.chat.id, user, update, input, lang_hint, person_of(from))
            .await
        {
            // A typed answer closes the question it answered: its buttons go, as a
            // pressed button's do. A reply without buttons leaves them (the plan's
            // buttons stay under it while the user types a command).
            if handled.replies.iter().any(|r| !r.buttons.is_empty()) {
                if let Some(open) = self.take_keyboard(msg.chat.id) {
                    if let Err(e) = self.remove_keyboard(msg.chat.id, open).await {
                        if let Next::Stop = self.after_failure(user, e).await {
                            return;
                        }
                    }
                }
            }
            self.deliver(msg.chat.id, user, &handled, None).await;
        }
        self.metrics.observe_latency(started.elapsed());
        tracing::debug!(user, kind, ms = millis(started), "message handled");
    }

    /// A button press. Answered at once, whatever follows, so the button stops spinning.
    pub(crate) async fn on_callback(&self, query: CallbackQuery, update: u32) {
        let started = Instant::now();
        self.metrics.update("callback_query");
        let user = query.from.id.0;
        let answer = self.api.bot.answer_callback_query(query.id.clone());
        if let Err(e) = self.api.call("answerCallbackQuery", answer).await {
            // Not answering leaves a spinner for a few seconds; the press still counts.
            if e.kind == ErrorKind::Blocked {
                return self.mark_blocked(user).await;
            }
        }
        // Without a message the press came from an inline message elsewhere: not ours.
        let Some(pressed) = query.message.as_ref() else {
            return;
        };
        let chat = pressed.chat().id;
        if !pressed.chat().is_private() {
            return;
        }
        let data = query.data.as_deref().unwrap_or("");
        let action = Action::decode(data);
        let decodable = action.is_some();
        // A reminder's buttons act on one deadline of the day's digest; the other
        // deadlines' rows stay under the message.
        let acts_on_one_deadline = matches!(
            action,
            Some(Action::Snooze(_) | Action::StopReminders(_) | Action::Renewed(_))
        );
        // Data we cannot read (forged, cut, from another version of the bot) is handled
        // like any input the engine cannot read: the current question again, worded as
        // "this button is out of date" below.
        let input = action.map(Input::Button).unwrap_or(Input::Unsupported);
        let lang_hint = lang_of(Some(&query.from));
        let person = person_of(&query.from);
        let Some(mut handled) = self
            .run_engine(chat, user, update, input, lang_hint, person)
            .await
        else {
            return;
        };
        if !decodable {
            if let Some(msg) = handled
                .replies
                .iter_mut()
                .flat_map(|r| r.parts_mut())
                .find(|m| m.id == UNSUPPORTED)
            {
                *msg = Msg::new(STALE_BUTTON);
            }
        }
        let stale = handled.replies.iter().any(|r| r.says(STALE_BUTTON));
        let refreshes = handled.replies.iter().any(|r| r.refreshes_previous);
        // No reply (the calendar button: the file is the answer) leaves the pressed
        // message as it is.
        if !refreshes && !handled.replies.is_empty() {
            // The pressed question becomes a record: its text, the answer, no buttons.
            // A stale keyboard just loses its buttons.
            let record = if stale {
                None
            } else {
                pressed.regular_message().and_then(|m| {
                    let label = pressed_label(m.reply_markup()?, data)?;
                    let note = Msg::new("tg-answered").arg("answer", Arg::Verbatim(label));
                    let note = self.render(handled.lang, &note);
                    answered_text(m.text()?, &note, self.max_message_len)
                })
            };
            let keep = pressed
                .regular_message()
                .and_then(|m| m.reply_markup())
                .filter(|_| acts_on_one_deadline && !stale)
                .and_then(|markup| other_rows(markup, data));
            let result = match record {
                Some(text) => self.edit(chat, pressed.id(), text, keep).await,
                None => self.remove_keyboard(chat, pressed.id()).await,
            };
            if let Err(e) = result {
                if let Next::Stop = self.after_failure(user, e).await {
                    return;
                }
            }
        }
        self.deliver(chat, user, &handled, Some(pressed.id())).await;
        self.metrics.observe_latency(started.elapsed());
        tracing::debug!(
            user,
            kind = "button",
            stale,
            ms = millis(started),
            "button handled"
        );
    }

    /// A post in a channel the bot was added to.
    pub(crate) async fn on_channel_post(&self, msg: Message) {
        self.metrics.update("channel_post");
        self.group_note(msg.chat.id, self.default_lang()).await;
    }

    /// The bot's own membership changed: a user blocked it (private chat), or it was
    /// added to a group.
    pub(crate) async fn on_my_chat_member(&self, change: ChatMemberUpdated) {
        self.metrics.update("my_chat_member");
        let new = &change.new_chat_member;
        if change.chat.is_private() {
            if new.is_banned() {
                if let Ok(user) = u64::try_from(change.chat.id.0) {
                    self.mark_blocked(user).await;
                }
            }
        } else if new.is_present() && !change.old_chat_member.is_present() {
            let lang = lang_of(Some(&change.from)).unwrap_or(self.default_lang());
            self.group_note(change.chat.id, lang).await;
        }
    }

    /// Says once per group or channel that the bot works in private messages. Nothing
    /// about the group is stored: the set of groups told lives in memory only.
    async fn group_note(&self, chat: ChatId, lang: Lang) {
        // The caseworkers' chat is where the bot works with groups (telegram::handover).
        if Some(chat.0) == self.app.config.handover.operator_chat {
            return;
        }
        {
            let mut told = self.group_notes.lock().unwrap_or_else(|p| p.into_inner());
            if told.len() >= MAX_GROUP_NOTES {
                told.clear();
            }
            if !told.insert(chat.0) {
                return;
            }
        }
        let text = self.render(lang, &Msg::new("tg-private-only"));
        if let Err(e) = self.send(chat, text, None).await {
            tracing::info!(chat = chat.0, kind = e.kind.label(), "group note not sent");
        }
    }

    /// Tells a chat over its flood limits, once, that some of its messages were not
    /// read, in the user's language (their stored one, else Telegram's).
    pub(crate) async fn slow_down(&self, notice: SlowDown) {
        let hint = notice.language_code.as_deref().and_then(Lang::negotiate);
        let lang = match notice.user {
            Some(user) => {
                let app = self.app.clone();
                tokio::task::spawn_blocking(move || app.language_of(user))
                    .await
                    .ok()
                    .flatten()
            }
            None => None,
        }
        .or(hint)
        .unwrap_or(self.default_lang());
        let text = self.render(lang, &Msg::new("tg-slow-down"));
        if let Err(e) = self.send(ChatId(notice.chat), text, None).await {
            tracing::info!(
                chat = notice.chat,
                kind = e.kind.label(),
                "slow-down note not sent"
            );
        }
    }

    fn is_admin(&self, user: u64) -> bool {
        i64::try_from(user).is_ok_and(|id| self.app.config.telegram.admins.contains(&id))
    }

    /// Runs the shared pipeline. A storage failure is answered with "please send it
    /// again" (the answer was not saved, so it is not acknowledged); anything else is
    /// logged and the update dropped.
    async fn run_engine(
        &self,
        chat: ChatId,
        user: u64,
        update: u32,
        input: Input,
        lang_hint: Option<Lang>,
        person: Person,
    ) -> Option<Handled> {
        let app = self.app.clone();
        // `App::handle` also clears the blocked mark of a user who writes again.
        let joined = tokio::task::spawn_blocking(move || {
            app.handle_update_from(user, Some(update), &input, lang_hint, Some(&person))
        })
        .await;
        match joined {
            // One chat message per reply: an acknowledgement goes with the question.
            Ok(Ok(mut handled)) => {
                handled.replies = crate::engine::reply::merge(std::mem::take(&mut handled.replies));
                Some(handled)
            }
            Ok(Err(AppError::Store(e))) => {
                tracing::error!(user, error = %e, "could not save; the user is asked to resend");
                let lang = lang_hint.unwrap_or(self.default_lang());
                let text = self.render(lang, &Msg::new("err-storage"));
                if let Err(e) = self.send(chat, text, None).await {
                    self.after_failure(user, e).await;
                }
                None
            }
            Ok(Err(e)) => {
                tracing::error!(user, error = %e, "update dropped");
                None
            }
            Err(_) => {
                tracing::error!(user, "the pipeline panicked; update dropped");
                None
            }
        }
    }

    /// Sends the replies in order. A reply that refreshes the previous question edits the
    /// pressed message in place; the rest are new messages.
    async fn deliver(
        &self,
        chat: ChatId,
        user: u64,
        handled: &Handled,
        pressed: Option<MessageId>,
    ) {
        for reply in &handled.replies {
            let text = keyboard::render_reply(&self.app, handled.lang, reply);
            let markup = inline_keyboard(&self.app, handled.lang, &reply.buttons);
            let in_place = pressed.filter(|_| {
                reply.refreshes_previous && keyboard::text_len(&text) <= self.max_message_len
            });
            let has_keyboard = markup.is_some();
            let result = match in_place {
                Some(message) => self
                    .edit(chat, message, text, markup)
                    .await
                    .map(|()| Some(message)),
                None => self.send(chat, text, markup).await,
            };
            match &result {
                Ok(Some(message)) if has_keyboard => self.remember_keyboard(chat, *message),
                _ => {}
            }
            if let Err(e) = result {
                if let Next::Stop = self.after_failure(user, e).await {
                    return;
                }
            }
        }
        if let Some(export) = &handled.export {
            let json = serde_json::to_string_pretty(export).unwrap_or_else(|_| export.to_string());
            if let Err(e) = self.send(chat, json, None).await {
                if let Next::Stop = self.after_failure(user, e).await {
                    return;
                }
            }
        }
        if let Some(calendar) = &handled.calendar {
            if let Err(e) = self.send_file(chat, calendar).await {
                self.after_failure(user, e).await;
            }
        }
    }

    /// Sends a file (the `/calendar` deadlines) as a document.
    async fn send_file(&self, chat: ChatId, file: &CalendarFile) -> Result<(), CallError> {
        let document =
            InputFile::memory(file.content.clone().into_bytes()).file_name(file.file_name.clone());
        match &self.api.throttled {
            Some(throttled) => {
                let request = throttled.send_document(chat, document);
                self.api.call("sendDocument", request).await?;
            }
            None => {
                let request = self.api.bot.send_document(chat, document);
                self.api.call("sendDocument", request).await?;
            }
        }
        self.metrics.reply_sent();
        Ok(())
    }

    /// Decides what a failed call means for the rest of the update.
    async fn after_failure(&self, user: u64, error: CallError) -> Next {
        match error.kind {
            kind if kind.is_harmless() => Next::Continue,
            ErrorKind::Blocked => {
                self.mark_blocked(user).await;
                Next::Stop
            }
            kind => {
                tracing::warn!(
                    user,
                    method = error.method,
                    kind = kind.label(),
                    "update dropped"
                );
                Next::Stop
            }
        }
    }

    /// Sends text as one or more messages (split at paragraphs); the keyboard goes with
    /// the last part, under the question it belongs to. Returns the last part's id.
    pub(crate) async fn send(
        &self,
        chat: ChatId,
        text: String,
        markup: Option<InlineKeyboardMarkup>,
    ) -> Result<Option<MessageId>, CallError> {
        let parts = split_text(&text, self.max_message_len);
        if parts.is_empty() {
            tracing::warn!(chat = chat.0, "empty reply not sent");
            return Ok(None);
        }
        let last = parts.len() - 1;
        let mut sent = None;
        for (i, part) in parts.into_iter().enumerate() {
            let markup = if i == last { markup.clone() } else { None };
            let message = match &self.api.throttled {
                Some(throttled) => {
                    let mut request = throttled.send_message(chat, part);
                    if let Some(m) = markup {
                        request = request.reply_markup(m);
                    }
                    self.api.call("sendMessage", request).await?
                }
                None => {
                    let mut request = self.api.bot.send_message(chat, part);
                    if let Some(m) = markup {
                        request = request.reply_markup(m);
                    }
                    self.api.call("sendMessage", request).await?
                }
            };
            sent = Some(message.id);
            self.metrics.reply_sent();
        }
        Ok(sent)
    }

    /// Remembers the chat's newest message with a keyboard.
    fn remember_keyboard(&self, chat: ChatId, message: MessageId) {
        let mut open = self.keyboards.lock().unwrap_or_else(|p| p.into_inner());
        if open.len() >= MAX_KEYBOARDS && !open.contains_key(&chat.0) {
            open.clear();
        }
        open.insert(chat.0, message);
    }

    /// Forgets and returns the chat's newest message with a keyboard.
    fn take_keyboard(&self, chat: ChatId) -> Option<MessageId> {
        self.keyboards
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&chat.0)
    }

    /// Replaces a message's text; without `markup` its buttons go away.
    async fn edit(
        &self,
        chat: ChatId,
        message: MessageId,
        text: String,
        markup: Option<InlineKeyboardMarkup>,
    ) -> Result<(), CallError> {
        let mut request = self.api.bot.edit_message_text(chat, message, text);
        if let Some(m) = markup {
            request = request.reply_markup(m);
        }
        self.api.call("editMessageText", request).await?;
        self.metrics.reply_sent();
        Ok(())
    }

    async fn remove_keyboard(&self, chat: ChatId, message: MessageId) -> Result<(), CallError> {
        let request = self.api.bot.edit_message_reply_markup(chat, message);
        self.api.call("editMessageReplyMarkup", request).await?;
        Ok(())
    }

    /// Marks a user as having blocked the bot: their reminders stop until they write
    /// again (`App::handle` then clears the mark and plans them anew).
    pub(crate) async fn mark_blocked(&self, user: u64) {
        let app = self.app.clone();
        let marked =
            tokio::task::spawn_blocking(move || app.store.block_user(user, app.clock.now())).await;
        match marked {
            Ok(Ok(())) => {
                self.metrics.user_blocked();
                tracing::info!(user, "user blocked the bot; marked");
            }
            Ok(Err(e)) => tracing::error!(user, error = %e, "could not mark the user blocked"),
            Err(_) => tracing::error!(user, "marking the user blocked panicked"),
        }
    }

    /// `/stats` for an admin.
    async fn stats(&self, chat: ChatId, user: u64, lang_hint: Option<Lang>) {
        let app = self.app.clone();
        let counted = tokio::task::spawn_blocking(move || count_users(&app)).await;
        let counts = match counted {
            Ok(Ok(c)) => c,
            Ok(Err(e)) => {
                tracing::error!(user, error = %e, "could not count users");
                return;
            }
            Err(_) => return,
        };
        let as_int = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        let msg = Msg::new("tg-stats")
            .int("users", as_int(counts.users))
            .int("active", as_int(counts.active))
            .int("plans", as_int(counts.plans))
            .int("blocked", as_int(counts.blocked))
            .int("pending", as_int(counts.reminders_pending))
            .int("sent", as_int(counts.reminders_sent))
            .int("updates", as_int(self.metrics.updates_total()))
            .int("replies", as_int(self.metrics.replies_total()))
            .int("errors", as_int(self.metrics.api_errors_total()));
        let lang = lang_hint.unwrap_or(self.default_lang());
        let mut text = self.render(lang, &msg);
        // Rules whose check against their sources is older than rules.stale_after_days.
        let days = self.app.config.rules.stale_after_days;
        let catalogue = self.app.catalogue();
        let stale: Vec<&str> = catalogue
            .stale_rules(self.app.clock.today(), days)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        if !stale.is_empty() {
            let review = Msg::new("changes-stale-rules")
                .int("days", i64::from(days))
                .verbatim("rules", stale.join(", "));
            text = format!("{text}\n\n{}", self.render(lang, &review));
        }
        if let Err(e) = self.send(chat, text, None).await {
            self.after_failure(user, e).await;
        }
        tracing::info!(user, "stats shown to an admin");
    }
}

/// Who the user is, as a case they hand to the caseworkers names them.
fn person_of(user: &User) -> Person {
    Person {
        name: user.full_name(),
        username: user.username.clone(),
    }
}

/// Our language for a Telegram user's `language_code`.
fn lang_of(user: Option<&User>) -> Option<Lang> {
    user?.language_code.as_deref().and_then(Lang::negotiate)
}

/// What kind of input this was, for logs: never its content.
fn input_kind(input: &Input) -> &'static str {
    match input {
        Input::Text(_) => "text",
        Input::Command(_) => "command",
        Input::Button(_) => "button",
        Input::Unsupported => "unsupported",
    }
}

fn millis(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// What `/stats` reports about stored users.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct UserCounts {
    pub users: u64,
    /// Started the dialogue and not yet at the plan.
    pub active: u64,
    /// At the plan.
    pub plans: u64,
    pub blocked: u64,
    /// Reminders waiting to be sent, for everyone.
    pub reminders_pending: u64,
    /// Reminders delivered, ever.
    pub reminders_sent: u64,
}

/// Counts stored users by where they are. Reads every record: an admin command, not a
/// hot path.
pub fn count_users(app: &App) -> Result<UserCounts, StoreError> {
    let mut counts = UserCounts {
        users: u64::try_from(app.store.user_count()).unwrap_or(u64::MAX),
        reminders_pending: u64::try_from(app.store.queued_reminders()).unwrap_or(u64::MAX),
        ..UserCounts::default()
    };
    let now = app.clock.now();
    for (tree, key) in app.store.all_keys()? {
        let Ok(bytes) = <[u8; 8]>::try_from(key.as_slice()) else {
            continue;
        };
        if tree != "users" {
            continue;
        }
        let user = u64::from_be_bytes(bytes);
        let delivered = app
            .store
            .reminder_state(user)?
            .sent
            .values()
            .filter(|entry| entry.state == SentState::Delivered)
            .count();
        counts.reminders_sent += u64::try_from(delivered).unwrap_or(u64::MAX);
        if let Loaded::Found(record) = app.store.load(user, now)? {
            if record.meta.blocked {
                counts.blocked += 1;
            }
            if record.conversation.has_plan() {
                counts.plans += 1;
            } else if record.conversation.started {
                counts.active += 1;
            }
        }
    }
    Ok(counts)
}
