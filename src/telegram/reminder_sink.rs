//! The reminder sink for Telegram: the delivery worker's Telegram adapter, kept in the
//! Telegram front end so that `reminders` never depends on teloxide. It renders a
//! reminder in the user's language as plain text (no parse mode, so nothing needs
//! escaping), with its buttons as an inline keyboard whose callback data is the
//! engine's compact wire form, and sends it through any teloxide requester — in
//! `serve`, the same `Throttle<Bot>` the dialogue uses, so reminders queue behind
//! Telegram's rate limits instead of tripping them.
//!
//! Telegram's answers map to the worker's: a 429 is `RetryAfter`; "blocked by the
//! user", a deactivated account, a chat that does not exist or cannot be started is
//! `Blocked`; a network failure, a timeout, a 5xx or an answer that is not the Bot API's
//! (a proxy's error page) is retried after a pause (the message may have gone out,
//! which at-least-once allows); any other refusal is `Rejected`, named by its kind
//! only (a teloxide error's text can carry the request URL, and with it the token).

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use teloxide::payloads::SendMessageSetters;
use teloxide::requests::{Request, Requester};
use teloxide::types::{ChatId, InlineKeyboardButton, InlineKeyboardMarkup};
use teloxide::{ApiError, RequestError};

use crate::domain::Lang;
use crate::engine::Reply;
use crate::i18n::Localizer;
use crate::reminders::{Delivery, ReminderSink};

use super::errors;

/// Telegram refuses longer messages.
const MAX_TEXT_CHARS: usize = 4096;
/// The pause after a network failure or a 5xx before the reminder is tried again
/// (teloxide itself has already waited 10 s after a 5xx). It doubles with each such
/// failure in a row, up to `TRANSIENT_MAX`, and starts again after a success. Every
/// reminder waits with it: when Telegram is unreachable for one, it is for all.
const TRANSIENT_RETRY: Duration = Duration::from_secs(1);
const TRANSIENT_MAX: Duration = Duration::from_secs(60);

/// Sends reminders with a teloxide requester `B` (a `Bot`, or `Throttle<Bot>`).
pub struct TelegramSink<B> {
    bot: B,
    localizer: Arc<Localizer>,
    /// Transient failures in a row, for the backoff.
    failures: Arc<AtomicU32>,
}

impl<B> TelegramSink<B> {
    pub fn new(bot: B, localizer: Arc<Localizer>) -> TelegramSink<B> {
        TelegramSink {
            bot,
            localizer,
            failures: Arc::default(),
        }
    }
}

/// The pause after `failures` transient failures in a row: 1 s, 2 s, 4 s, … 60 s.
fn backoff(failures: u32) -> Duration {
    TRANSIENT_RETRY
        .saturating_mul(1u32.checked_shl(failures.min(16)).unwrap_or(u32::MAX))
        .min(TRANSIENT_MAX)
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
        let failures = self.failures.clone();
        async move {
            let result = match request {
                Ok(sending) => sending.await.map(|_| ()),
                Err(_) => {
                    return Delivery::Rejected(format!("user id {user} is not a Telegram chat id"))
                }
            };
            if is_transient(&result) {
                let n = failures.fetch_add(1, Ordering::SeqCst);
                return Delivery::RetryAfter(backoff(n));
            }
            failures.store(0, Ordering::SeqCst);
            classify(result)
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

/// A failure worth trying again after a pause (not a 429, which says how long).
fn is_transient(result: &Result<(), RequestError>) -> bool {
    match result {
        Ok(()) | Err(RequestError::RetryAfter(_)) => false,
        Err(RequestError::Network(_) | RequestError::Io(_)) => true,
        Err(e) => errors::classify(e).is_transient(),
    }
}

/// Telegram's answer as a delivery result (a transient failure as the first pause).
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
        Err(RequestError::Network(_) | RequestError::Io(_)) => {
            Delivery::RetryAfter(TRANSIENT_RETRY)
        }
        Err(e) => {
            // A 5xx arrives as an unknown API error or as a body that is not JSON; it
            // was once dropped as a refusal, losing the reminder.
            let kind = errors::classify(&e);
            if kind.is_transient() {
                Delivery::RetryAfter(TRANSIENT_RETRY)
            } else {
                Delivery::Rejected(kind.label().to_string())
            }
        }
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
        // Telegram's 5xx answers are tried again, not dropped.
        for description in [
            "Internal Server Error",
            "Bad Gateway: upstream",
            "Gateway Timeout",
        ] {
            assert_eq!(
                classify(Err(RequestError::Api(ApiError::Unknown(
                    description.into()
                )))),
                Delivery::RetryAfter(TRANSIENT_RETRY),
                "{description}"
            );
        }
        let not_json = serde_json::from_str::<serde_json::Value>("<html>502</html>").unwrap_err();
        assert_eq!(
            classify(Err(RequestError::InvalidJson {
                source: Arc::new(not_json),
                raw: "<html>502</html>".into(),
            })),
            Delivery::RetryAfter(TRANSIENT_RETRY)
        );
    }

    #[test]
    fn the_pause_after_failures_in_a_row_doubles_up_to_a_minute() {
        let pauses: Vec<u64> = (0..9).map(|n| backoff(n).as_secs()).collect();
        assert_eq!(pauses, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(backoff(u32::MAX), TRANSIENT_MAX);
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
