//! The reminder sink for Telegram: renders a reminder in the user's language as plain
//! text (no parse mode, so nothing needs escaping), with its buttons as an inline
//! keyboard whose callback data is the engine's compact wire form, and sends it through
//! any teloxide requester — in `serve`, the same `Throttle<Bot>` the dialogue uses, so
//! reminders queue behind Telegram's rate limits instead of tripping them.
//!
//! Telegram's answers map to the worker's: a 429 is `RetryAfter`; "blocked by the
//! user", a deactivated account, a chat that does not exist or cannot be started is
//! `Blocked`; a network failure is retried after a pause (the message may have gone out,
//! which at-least-once allows); any other refusal is `Rejected`.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use teloxide::payloads::SendMessageSetters;
use teloxide::requests::{Request, Requester};
use teloxide::types::{ChatId, InlineKeyboardButton, InlineKeyboardMarkup};
use teloxide::{ApiError, RequestError};

use crate::domain::Lang;
use crate::engine::Reply;
use crate::i18n::Localizer;
use crate::reminders::worker::{Delivery, ReminderSink};

/// Telegram refuses longer messages.
const MAX_TEXT_CHARS: usize = 4096;
/// The pause after a network failure before the reminder is tried again.
const NETWORK_RETRY: Duration = Duration::from_secs(15);

/// Sends reminders with a teloxide requester `B` (a `Bot`, or `Throttle<Bot>`).
pub struct TelegramSink<B> {
    bot: B,
    localizer: Arc<Localizer>,
}

impl<B> TelegramSink<B> {
    pub fn new(bot: B, localizer: Arc<Localizer>) -> TelegramSink<B> {
        TelegramSink { bot, localizer }
    }
}

impl<B> ReminderSink for TelegramSink<B>
where
    B: Requester<Err = RequestError> + Send + Sync + 'static,
{
    fn deliver(
        &self,
        user: u64,
        lang: Lang,
        reply: &Reply,
    ) -> impl Future<Output = Delivery> + Send {
        let chat = i64::try_from(user).map(ChatId);
        let text = fit(self.localizer.render(lang, &reply.msg));
        let keyboard = InlineKeyboardMarkup::new(reply.buttons.iter().map(|row| {
            row.iter()
                .map(|b| {
                    InlineKeyboardButton::callback(
                        self.localizer.render(lang, &b.label),
                        b.action.encode(),
                    )
                })
                .collect::<Vec<_>>()
        }));
        let request = chat.map(|chat| {
            self.bot
                .send_message(chat, text)
                .reply_markup(keyboard)
                .send()
        });
        async move {
            match request {
                Ok(sending) => classify(sending.await.map(|_| ())),
                Err(_) => Delivery::Rejected(format!("user id {user} is not a Telegram chat id")),
            }
        }
    }
}

/// Cuts a text to Telegram's limit (a reminder never comes near it; this is a guard).
fn fit(text: String) -> String {
    if text.chars().count() <= MAX_TEXT_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_TEXT_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// Telegram's answer as a delivery result.
pub fn classify(result: Result<(), RequestError>) -> Delivery {
    match result {
        Ok(()) => Delivery::Delivered,
        Err(RequestError::RetryAfter(seconds)) => Delivery::RetryAfter(seconds.duration()),
        Err(RequestError::Api(
            ApiError::BotBlocked
            | ApiError::UserDeactivated
            | ApiError::CantInitiateConversation
            | ApiError::ChatNotFound
            | ApiError::BotKicked
            | ApiError::BotKickedFromSupergroup
            | ApiError::BotKickedFromChannel,
        )) => Delivery::Blocked,
        Err(RequestError::Network(_) | RequestError::Io(_)) => Delivery::RetryAfter(NETWORK_RETRY),
        Err(e) => Delivery::Rejected(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use teloxide::types::Seconds;

    #[test]
    fn telegram_answers_map_to_deliveries() {
        assert_eq!(classify(Ok(())), Delivery::Delivered);
        assert_eq!(
            classify(Err(RequestError::RetryAfter(Seconds::from_seconds(7)))),
            Delivery::RetryAfter(Duration::from_secs(7))
        );
        assert_eq!(
            classify(Err(RequestError::Api(ApiError::BotBlocked))),
            Delivery::Blocked
        );
        assert!(matches!(
            classify(Err(RequestError::Api(ApiError::MessageTextIsEmpty))),
            Delivery::Rejected(_)
        ));
    }

    #[test]
    fn long_texts_are_cut_to_the_limit() {
        let long = "ж".repeat(5000);
        let cut = fit(long);
        assert_eq!(cut.chars().count(), MAX_TEXT_CHARS);
        assert!(cut.ends_with('…'));
        assert_eq!(fit("short".into()), "short");
    }
}
