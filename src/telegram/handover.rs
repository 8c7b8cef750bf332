//! The caseworkers' chat (`handover.operator_chat`) in Telegram: checking at start that
//! the bot can post there (`getChat`), reading the caseworkers' messages (a reply to a
//! case's message, or a message in its forum topic; `/close`), and the relay loop that
//! delivers the outbox in both directions.
//!
//! The loop takes the store's relays oldest first and sends each; only once Telegram has
//! taken it is it removed (and flushed). A crash in between sends it again: at least once
//! at the Bot API, never lost. The window is one call wide, since the loop sends one relay
//! at a time; everything to the caseworkers' chat goes through Throttle, whose group limit
//! (20 a minute) makes cases queue rather than fail. A case opens as a new forum topic
//! when the chat is a forum (the topic is stored before anything is posted in it, so a
//! restart does not make a second one), as a message otherwise. A caseworker's answer is
//! acknowledged by a reaction on their message once the user has it; when it cannot be
//! delivered, a short reply says why.
//!
//! Logs carry case numbers, user ids and kinds, never texts.

use std::sync::Arc;
use std::time::Duration;

use teloxide::payloads::{CopyMessageSetters, SendMessageSetters, SetMessageReactionSetters};
use teloxide::prelude::Requester;
use teloxide::types::{
    ChatFullInfoKind, ChatFullInfoPublicKind, ChatId, InlineKeyboardMarkup, Message, MessageId,
    ReactionType, ReplyParameters, ThreadId,
};

use crate::casework::{CaseworkerInput, CaseworkerResult};
use crate::engine::{Action, Button, Command};
use crate::store::{Posted, Relay, RelayBody};
use crate::text::{Arg, Msg};

use super::errors::{CallError, ErrorKind};
use super::handlers::Shared;
use super::keyboard::{self, inline_keyboard};

/// Sets the reply, topic and keyboard of a `sendMessage` or `copyMessage` request, of
/// either client (plain or throttled).
macro_rules! decorate {
    ($request:expr, $reply_to:expr, $thread:expr, $markup:expr) => {{
        let mut request = $request;
        if let Some(id) = $reply_to {
            request = request.reply_parameters(
                ReplyParameters::new(MessageId(id)).allow_sending_without_reply(),
            );
        }
        if let Some(id) = $thread {
            request = request.message_thread_id(ThreadId(MessageId(id)));
        }
        if let Some(m) = $markup {
            request = request.reply_markup(m);
        }
        request
    }};
}

/// How long the loop sleeps when nothing wakes it: a relay stored by another path (the
/// erasure of a user by the retention sweep) is sent within this.
const IDLE: Duration = Duration::from_secs(30);
/// The pause after a transient failure (network, 5xx) before the outbox is tried again.
const RETRY: Duration = Duration::from_secs(2);
/// The pause before a relay the caseworkers' chat refused is tried again: the bot may
/// have been removed from the group, and a case must wait, not be lost.
const REFUSED: Duration = Duration::from_secs(60);
/// The reaction that tells a caseworker their message reached the user.
const DELIVERED: &str = "👍";

/// The caseworkers' chat as the bot found it at start.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OperatorChat {
    pub(crate) id: i64,
    /// A forum: each case gets a topic of its own.
    pub(crate) forum: bool,
}

/// Asks Telegram about the caseworkers' chat. A failure is logged clearly and counted
/// (`jolserik_api_errors_total{kind="operator_chat_unreachable"}`), not fatal: the
/// cases wait in the outbox until the bot can post there.
pub(crate) async fn check_chat(shared: &Shared, id: i64) -> OperatorChat {
    let request = shared.api.bot.get_chat(ChatId(id));
    match shared.api.call("getChat", request).await {
        Ok(chat) => {
            let forum = matches!(
                &chat.kind,
                ChatFullInfoKind::Public(public) if matches!(
                    &public.kind,
                    ChatFullInfoPublicKind::Supergroup(s) if s.is_forum
                )
            );
            tracing::info!(
                chat = id,
                forum,
                "handover on: the caseworkers' chat is reachable"
            );
            OperatorChat { id, forum }
        }
        Err(e) => {
            shared.metrics.api_error("operator_chat_unreachable");
            tracing::error!(
                chat = id,
                kind = e.kind.label(),
                "handover.operator_chat: the bot cannot reach this chat; add the bot to the \
                 caseworkers' group (cases wait until it can post there)"
            );
            OperatorChat { id, forum: false }
        }
    }
}

/// What to do with a relay after trying it.
enum Sent {
    /// Telegram has it (or it can never be sent): it leaves the outbox. With where it
    /// landed in the caseworkers' chat, and the ids of the earlier parts of a text long
    /// enough to be split (a reply to any part must find the case).
    Done(Option<Posted>, Vec<i32>),
    /// Keep it and go on with the others; try it again within this long (its case is
    /// not posted yet, or the caseworkers' chat refused it).
    Skip(Duration),
    /// Keep it and stop this pass: Telegram asks to wait (429) or cannot be reached.
    Later(Duration),
}

/// Delivers the outbox until `stop` fires.
pub(crate) async fn run(
    shared: Arc<Shared>,
    chat: OperatorChat,
    mut stop: tokio::sync::oneshot::Receiver<()>,
) {
    let wakeup = shared.app.relay_wakeup.clone();
    loop {
        let notified = wakeup.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let mut pause = IDLE;
        let app = shared.app.clone();
        let relays = match tokio::task::spawn_blocking(move || app.store.relays()).await {
            Ok(Ok(relays)) => relays,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "could not read the relays");
                Vec::new()
            }
            Err(_) => Vec::new(),
        };
        for relay in relays {
            if matches!(
                stop.try_recv(),
                Ok(()) | Err(tokio::sync::oneshot::error::TryRecvError::Closed)
            ) {
                return;
            }
            match deliver(&shared, chat, &relay).await {
                Sent::Done(posted, earlier) => {
                    let app = shared.app.clone();
                    let done = tokio::task::spawn_blocking(move || {
                        app.store.relay_done(&relay, posted, &earlier)
                    })
                    .await;
                    if !matches!(done, Ok(Ok(()))) {
                        tracing::error!("could not mark a relay sent; it is sent again");
                        pause = RETRY;
                        break;
                    }
                }
                Sent::Skip(wait) => pause = pause.min(wait),
                Sent::Later(wait) => {
                    pause = wait;
                    break;
                }
            }
        }
        tokio::select! {
            _ = &mut stop => return,
            () = &mut notified => {}
            () = tokio::time::sleep(pause) => {}
        }
    }
}

/// Sends one relay.
async fn deliver(shared: &Shared, chat: OperatorChat, relay: &Relay) -> Sent {
    let op_lang = shared.app.config.handover.operator_language;
    let case = relay.case;
    let load = {
        let app = shared.app.clone();
        tokio::task::spawn_blocking(move || app.store.case(case)).await
    };
    let stored = match load {
        Ok(Ok(stored)) => stored,
        _ => return Sent::Later(RETRY),
    };
    let render = |msg: &Msg| keyboard::render(&shared.app, op_lang, msg);
    let result = match &relay.body {
        RelayBody::CaseOpened => {
            let Some(stored) = stored else {
                // Erased before it was posted: nothing to post.
                return Sent::Done(None, Vec::new());
            };
            if let Some(Posted {
                message: Some(_), ..
            }) = stored.posted
            {
                // Posted before a crash that kept it in the outbox.
                return Sent::Done(None, Vec::new());
            }
            let mut thread = stored.posted.and_then(|p| p.thread);
            if chat.forum && thread.is_none() {
                let name = render(&Msg::new("handover-op-topic").int("case", as_int(case)));
                let request = shared.api.bot.create_forum_topic(ChatId(chat.id), name);
                match shared.api.call("createForumTopic", request).await {
                    Ok(topic) => {
                        let id = topic.thread_id.0 .0;
                        let app = shared.app.clone();
                        let kept = tokio::task::spawn_blocking(move || {
                            app.store.case_topic(case, chat.id, id)
                        })
                        .await;
                        if !matches!(kept, Ok(Ok(()))) {
                            return Sent::Later(RETRY);
                        }
                        thread = Some(id);
                    }
                    // Not allowed to manage topics: the case goes to the general chat.
                    Err(e) => tracing::warn!(case, kind = e.kind.label(), "no forum topic"),
                }
            }
            let text = render(
                &Msg::new("handover-op-case")
                    .int("case", as_int(case))
                    .arg("summary", Arg::Verbatim(stored.summary.clone()))
                    .arg("question", Arg::UserText(stored.question.clone())),
            );
            send_parts(shared, ChatId(chat.id), text, None, thread, None)
                .await
                .map(|(last, earlier)| {
                    let posted = Posted {
                        chat: chat.id,
                        message: Some(last.0),
                        thread,
                    };
                    (Some(posted), earlier)
                })
        }
        RelayBody::UserWrote { text } => {
            let Some(posted) = stored.and_then(|c| c.posted) else {
                // The case is not posted yet (its relay is older and failed): wait.
                return Sent::Skip(REFUSED);
            };
            let text = render(
                &Msg::new("handover-op-user-writes")
                    .int("case", as_int(case))
                    .arg("text", Arg::UserText(text.clone())),
            );
            send_parts(
                shared,
                ChatId(posted.chat),
                text,
                posted.message,
                posted.thread,
                None,
            )
            .await
            .map(|(last, earlier)| {
                let landed = Posted {
                    chat: posted.chat,
                    message: Some(last.0),
                    thread: None,
                };
                (Some(landed), earlier)
            })
        }
        RelayBody::UserShared { message } => {
            let Some(posted) = stored.and_then(|c| c.posted) else {
                return Sent::Skip(REFUSED);
            };
            let Some(user) = relay.user else {
                return Sent::Done(None, Vec::new());
            };
            let from = ChatId(i64::try_from(user).unwrap_or(i64::MAX));
            let to = ChatId(posted.chat);
            let id = MessageId(*message);
            let markup: Option<InlineKeyboardMarkup> = None;
            // Through Throttle like every message to the caseworkers' chat.
            let copied = match &shared.api.throttled {
                Some(throttled) => {
                    let request = throttled.copy_message(to, from, id);
                    let request = decorate!(request, posted.message, posted.thread, markup);
                    shared.api.call("copyMessage", request).await
                }
                None => {
                    let request = shared.api.bot.copy_message(to, from, id);
                    let request = decorate!(request, posted.message, posted.thread, markup);
                    shared.api.call("copyMessage", request).await
                }
            };
            copied.map(|copy| {
                let landed = Posted {
                    chat: posted.chat,
                    message: Some(copy.0),
                    thread: None,
                };
                (Some(landed), Vec::new())
            })
        }
        RelayBody::UserClosed | RelayBody::UserDeleted { .. } => {
            let (posted, id) = match (&relay.body, stored) {
                (RelayBody::UserDeleted { posted }, _) => {
                    (Some(*posted), "handover-op-user-deleted")
                }
                (_, Some(stored)) => (stored.posted, "handover-op-user-closed"),
                (_, None) => (None, "handover-op-user-closed"),
            };
            let Some(posted) = posted else {
                return Sent::Done(None, Vec::new());
            };
            let text = render(&Msg::new(id).int("case", as_int(case)));
            send(
                shared,
                ChatId(posted.chat),
                text,
                posted.message,
                posted.thread,
                None,
            )
            .await
            .map(|_| (None, Vec::new()))
        }
        RelayBody::Answer {
            chat: from,
            message,
            ..
        }
        | RelayBody::ClosedByCaseworker {
            chat: from,
            message,
        } => {
            return to_user(shared, relay, *from, *message).await;
        }
    };
    match result {
        Ok((posted, earlier)) => {
            tracing::info!(case, kind = relay.body.kind(), "relay delivered");
            Sent::Done(posted, earlier)
        }
        Err(e) => after_failure(shared, relay, &e),
    }
}

/// A caseworker's answer or close, to the user, then the acknowledgement.
async fn to_user(shared: &Shared, relay: &Relay, from: i64, message: i32) -> Sent {
    let op_lang = shared.app.config.handover.operator_language;
    let Some(user) = relay.user else {
        return Sent::Done(None, Vec::new());
    };
    let reader = {
        let app = shared.app.clone();
        tokio::task::spawn_blocking(move || app.relay_reader(user)).await
    };
    let lang = match reader {
        Ok(Ok(Some(lang))) => lang,
        Ok(Ok(None)) => {
            let why = Msg::new("handover-op-blocked");
            note(
                shared,
                from,
                message,
                keyboard::render(&shared.app, op_lang, &why),
            )
            .await;
            return Sent::Done(None, Vec::new());
        }
        _ => return Sent::Later(RETRY),
    };
    let (msg, buttons) = match &relay.body {
        RelayBody::Answer { text, .. } => (
            Msg::new("handover-answer").arg("text", Arg::UserText(text.clone())),
            vec![vec![Button::new(
                Msg::new("btn-close-case"),
                Action::CloseCase,
            )]],
        ),
        _ => (Msg::new("handover-closed-by-caseworker"), Vec::new()),
    };
    let text = keyboard::render(&shared.app, lang, &msg);
    let markup = inline_keyboard(&shared.app, lang, &buttons);
    let chat = ChatId(i64::try_from(user).unwrap_or(i64::MAX));
    match send(shared, chat, text, None, None, markup).await {
        Ok(_) => {
            tracing::info!(
                case = relay.case,
                user,
                kind = relay.body.kind(),
                "relay delivered"
            );
            react(shared, from, message).await;
            Sent::Done(None, Vec::new())
        }
        Err(e) if e.kind == ErrorKind::Blocked => {
            shared.mark_blocked(user).await;
            let why = Msg::new("handover-op-blocked");
            note(
                shared,
                from,
                message,
                keyboard::render(&shared.app, op_lang, &why),
            )
            .await;
            Sent::Done(None, Vec::new())
        }
        Err(e) => after_failure(shared, relay, &e),
    }
}

fn after_failure(shared: &Shared, relay: &Relay, e: &CallError) -> Sent {
    match e.kind {
        ErrorKind::RetryAfter(wait) => Sent::Later(wait),
        kind if kind.is_transient() => Sent::Later(RETRY),
        kind if relay.body.to_caseworkers() => {
            // Not lost: kept and tried again, while the others go on.
            shared.metrics.api_error("operator_chat_unreachable");
            tracing::error!(
                case = relay.case,
                kind = kind.label(),
                relay = relay.body.kind(),
                "the caseworkers' chat refused a relay; kept, tried again in a minute \
                 (is the bot still in handover.operator_chat?)"
            );
            Sent::Skip(REFUSED)
        }
        kind => {
            // Refused for good (a chat the bot was removed from, a bad request): kept
            // would block every relay behind it.
            tracing::warn!(
                case = relay.case,
                kind = kind.label(),
                relay = relay.body.kind(),
                "relay refused; dropped"
            );
            Sent::Done(None, Vec::new())
        }
    }
}

/// Sends text, as a reply to `reply_to` or in forum topic `thread`; the id of the last
/// message sent (long text is split).
async fn send(
    shared: &Shared,
    chat: ChatId,
    text: String,
    reply_to: Option<i32>,
    thread: Option<i32>,
    markup: Option<InlineKeyboardMarkup>,
) -> Result<MessageId, CallError> {
    send_parts(shared, chat, text, reply_to, thread, markup)
        .await
        .map(|(last, _)| last)
}

/// [`send`], with the ids of the earlier parts when the text was split.
async fn send_parts(
    shared: &Shared,
    chat: ChatId,
    text: String,
    reply_to: Option<i32>,
    thread: Option<i32>,
    markup: Option<InlineKeyboardMarkup>,
) -> Result<(MessageId, Vec<i32>), CallError> {
    let parts = keyboard::split_text(&text, shared.max_message_len);
    let last = parts.len().saturating_sub(1);
    let mut earlier = Vec::new();
    let mut sent = MessageId(0);
    for (i, part) in parts.into_iter().enumerate() {
        let markup = if i == last { markup.clone() } else { None };
        let message: Message = match &shared.api.throttled {
            Some(throttled) => {
                let mut request = throttled.send_message(chat, part);
                request = decorate!(request, reply_to, thread, markup);
                shared.api.call("sendMessage", request).await?
            }
            None => {
                let mut request = shared.api.bot.send_message(chat, part);
                request = decorate!(request, reply_to, thread, markup);
                shared.api.call("sendMessage", request).await?
            }
        };
        shared.metrics.reply_sent();
        if i != last {
            earlier.push(message.id.0);
        }
        sent = message.id;
    }
    Ok((sent, earlier))
}

/// Acknowledges a caseworker's message: their answer reached the user.
async fn react(shared: &Shared, chat: i64, message: i32) {
    let request = shared
        .api
        .bot
        .set_message_reaction(ChatId(chat), MessageId(message))
        .reaction(vec![ReactionType::Emoji {
            emoji: DELIVERED.to_string(),
        }]);
    if let Err(e) = shared.api.call("setMessageReaction", request).await {
        tracing::info!(chat, kind = e.kind.label(), "no reaction set");
    }
}

/// A short reply to a caseworker's message (why it was not delivered). Not stored: if it
/// is lost, the caseworker only misses the explanation.
async fn note(shared: &Shared, chat: i64, message: i32, text: String) {
    if let Err(e) = send(shared, ChatId(chat), text, Some(message), None, None).await {
        tracing::info!(
            chat,
            kind = e.kind.label(),
            "note to the caseworkers not sent"
        );
    }
}

fn as_int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Shared {
    /// A photo or document from a user: passed on to their open case, with a note to
    /// them that it was shared. `false` when they have no case open (the dialogue
    /// answers it).
    pub(crate) async fn share_with_case(&self, chat: ChatId, user: u64, message: i32) -> bool {
        let app = self.app.clone();
        let shared = tokio::task::spawn_blocking(move || app.share_with_case(user, message)).await;
        match shared {
            Ok(Ok(Some((_, lang)))) => {
                let text = keyboard::render(&self.app, lang, &Msg::new("handover-shared"));
                if let Err(e) = self.send(chat, text, None).await {
                    tracing::info!(user, kind = e.kind.label(), "shared note not sent");
                }
                true
            }
            Ok(Ok(None)) => false,
            Ok(Err(e)) => {
                tracing::error!(user, error = %e, "user's file not stored");
                false
            }
            Err(_) => false,
        }
    }

    /// A message in the caseworkers' chat. Only replies to a case's messages and
    /// messages in a case's topic count; everything else is ignored, never relayed.
    pub(crate) async fn on_caseworker_message(&self, msg: Message) {
        self.metrics.update("caseworker_message");
        if msg.from.as_ref().is_none_or(|u| u.is_bot) {
            return;
        }
        let chat = msg.chat.id.0;
        let reply_to = msg
            .reply_to_message()
            .filter(|m| m.from.as_ref().is_some_and(|u| u.is_bot))
            .map(|m| m.id.0);
        let thread = msg
            .thread_id
            .filter(|_| msg.is_topic_message)
            .map(|t| t.0 .0);
        if reply_to.is_none() && thread.is_none() {
            return;
        }
        let input = match msg.text() {
            Some(text) if matches!(Command::parse(text), Some(Command::Unknown(ref c)) if c == "close") => {
                CaseworkerInput::Close
            }
            Some(text) if !text.trim().is_empty() => CaseworkerInput::Text(text.trim().to_string()),
            _ => CaseworkerInput::Text(String::new()),
        };
        let op_lang = self.app.config.handover.operator_language;
        let message = msg.id.0;
        let app = self.app.clone();
        let text_only = matches!(&input, CaseworkerInput::Text(t) if t.is_empty());
        if text_only {
            // Only a case's messages get this answer; anything else stays ignored.
            let app = self.app.clone();
            let known =
                tokio::task::spawn_blocking(move || app.store.case_at(chat, reply_to, thread))
                    .await;
            if matches!(known, Ok(Ok(crate::store::CaseAt::Case(_)))) {
                let text = keyboard::render(&self.app, op_lang, &Msg::new("handover-op-text-only"));
                note(self, chat, message, text).await;
            }
            return;
        }
        let handled = tokio::task::spawn_blocking(move || {
            app.caseworker_message(chat, message, reply_to, thread, &input)
        })
        .await;
        match handled {
            Ok(Ok(CaseworkerResult::NotACase)) => {}
            Ok(Ok(CaseworkerResult::Queued { .. })) => {}
            Ok(Ok(CaseworkerResult::Erased)) => {
                let text = keyboard::render(&self.app, op_lang, &Msg::new("handover-op-deleted"));
                note(self, chat, message, text).await;
            }
            Ok(Err(e)) => {
                // Not stored, so not acknowledged: no reaction tells the caseworker.
                tracing::error!(chat, error = %e, "caseworker's message not stored");
            }
            Err(_) => tracing::error!(chat, "caseworker's message panicked"),
        }
    }
}
