//! What a failed Bot API call means and what to do about it: the retry policy. Every call
//! the front end makes goes through [`Api::call`], which resends after a 429 (waiting
//! `retry_after`), after network errors and 5xx (bounded exponential backoff), and hands
//! the caller a [`CallError`] with a kind it can act on: a blocked user is marked, "message
//! is not modified" and "query is too old" are harmless, anything else drops the update.
//!
//! Errors are described by kind only. A teloxide network error carries reqwest's message,
//! which includes the request URL and with it the bot token, so it is never formatted.

use std::sync::Arc;
use std::time::Duration;

use teloxide::adaptors::Throttle;
use teloxide::requests::{Output, Request};
use teloxide::{ApiError, Bot, RequestError};

use super::metrics::Metrics;

/// What went wrong, in terms the front end acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// 429: wait this long, then resend.
    RetryAfter(Duration),
    /// 403: the user blocked the bot or deleted their account.
    Blocked,
    /// The edit would change nothing; the message already looks right.
    NotModified,
    /// A callback query can no longer be answered; the user has moved on.
    QueryTooOld,
    /// The request timed out.
    Timeout,
    /// The connection failed.
    Network,
    /// Telegram answered 5xx or something that is not a Bot API answer.
    Server,
    /// The token was refused.
    Unauthorized,
    /// The request itself was refused (400 and the like): a bug here or a limit missed.
    BadRequest,
    /// Anything else.
    Other,
}

impl ErrorKind {
    /// The label used in metrics and logs.
    pub fn label(self) -> &'static str {
        match self {
            ErrorKind::RetryAfter(_) => "retry_after",
            ErrorKind::Blocked => "blocked",
            ErrorKind::NotModified => "not_modified",
            ErrorKind::QueryTooOld => "query_too_old",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Network => "network",
            ErrorKind::Server => "server",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::BadRequest => "bad_request",
            ErrorKind::Other => "other",
        }
    }

    /// Worth sending again after a pause.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            ErrorKind::RetryAfter(_) | ErrorKind::Timeout | ErrorKind::Network | ErrorKind::Server
        )
    }

    /// Means the call's purpose is already served, or no longer matters.
    pub fn is_harmless(self) -> bool {
        matches!(self, ErrorKind::NotModified | ErrorKind::QueryTooOld)
    }
}

/// Reads a teloxide error without formatting it.
pub fn classify(error: &RequestError) -> ErrorKind {
    match error {
        RequestError::RetryAfter(seconds) => ErrorKind::RetryAfter(seconds.duration()),
        RequestError::Network(e) if e.is_timeout() => ErrorKind::Timeout,
        RequestError::Network(_) => ErrorKind::Network,
        // A body that is not a Bot API answer: a proxy's HTML error page, a cut response.
        RequestError::InvalidJson { .. } => ErrorKind::Server,
        RequestError::Io(_) | RequestError::MigrateToChatId(_) => ErrorKind::Other,
        RequestError::Api(api) => classify_api(api),
    }
}

fn classify_api(api: &ApiError) -> ErrorKind {
    match api {
        ApiError::BotBlocked
        | ApiError::UserDeactivated
        | ApiError::CantInitiateConversation
        | ApiError::BotKicked => ErrorKind::Blocked,
        ApiError::MessageNotModified => ErrorKind::NotModified,
        ApiError::InvalidQueryId => ErrorKind::QueryTooOld,
        ApiError::InvalidToken => ErrorKind::Unauthorized,
        ApiError::Unknown(description) => classify_description(description),
        _ => ErrorKind::BadRequest,
    }
}

/// teloxide does not keep the HTTP status; Telegram's 5xx answers say what they are in
/// the description ("Internal Server Error", "Bad Gateway", …).
fn classify_description(description: &str) -> ErrorKind {
    const SERVER: [&str; 4] = [
        "Internal Server Error",
        "Bad Gateway",
        "Service Unavailable",
        "Gateway Timeout",
    ];
    if SERVER.iter().any(|s| description.contains(s)) {
        ErrorKind::Server
    } else if description.starts_with("Forbidden") {
        ErrorKind::Blocked
    } else if description.starts_with("Bad Request") {
        ErrorKind::BadRequest
    } else {
        ErrorKind::Other
    }
}

/// A call that did not succeed, after the retries the policy allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{method} failed: {}", kind.label())]
pub struct CallError {
    pub method: &'static str,
    pub kind: ErrorKind,
}

/// How hard to try before giving up on one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Sends at most this many times (the first try included).
    pub attempts: u32,
    /// The pause after the first transient failure; it doubles each time.
    pub base_delay: Duration,
    /// The longest pause between two tries (except `retry_after`, which is obeyed).
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            attempts: 5,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    /// The pause before try number `attempt + 1` after `attempt` transient failures.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let factor = 1u32
            .checked_shl(attempt.saturating_sub(1))
            .unwrap_or(u32::MAX);
        self.base_delay
            .checked_mul(factor)
            .unwrap_or(self.max_delay)
            .min(self.max_delay)
    }
}

/// The Bot API client of the front end: teloxide's `Bot`, the Throttle adaptor in front of
/// the sends it limits, the retry policy, and the error counters.
#[derive(Clone)]
pub struct Api {
    pub(crate) bot: Bot,
    /// `None` sends without throttling (tests that need speed, not Telegram's limits).
    pub(crate) throttled: Option<Throttle<Bot>>,
    pub(crate) retry: RetryPolicy,
    pub(crate) metrics: Arc<Metrics>,
}

impl Api {
    /// Sends `request`, retrying what is worth retrying. `method` names the call in logs.
    pub async fn call<R>(&self, method: &'static str, request: R) -> Result<Output<R>, CallError>
    where
        R: Request<Err = RequestError>,
    {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let started = std::time::Instant::now();
            let result = request.send_ref().await;
            tracing::trace!(
                method,
                attempt,
                ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
                ok = result.is_ok(),
                "Bot API call"
            );
            let error = match result {
                Ok(output) => return Ok(output),
                Err(error) => error,
            };
            let kind = classify(&error);
            self.metrics.api_error(kind.label());
            if !kind.is_transient() || attempt >= self.retry.attempts {
                if !kind.is_harmless() {
                    tracing::warn!(method, kind = kind.label(), attempt, "Bot API call failed");
                }
                return Err(CallError { method, kind });
            }
            let pause = match kind {
                ErrorKind::RetryAfter(wait) => wait,
                _ => self.retry.backoff(attempt),
            };
            tracing::info!(
                method,
                kind = kind.label(),
                attempt,
                pause_ms = u64::try_from(pause.as_millis()).unwrap_or(u64::MAX),
                "Bot API call will be retried"
            );
            tokio::time::sleep(pause).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_errors_are_classified() {
        assert_eq!(classify_api(&ApiError::BotBlocked), ErrorKind::Blocked);
        assert_eq!(classify_api(&ApiError::UserDeactivated), ErrorKind::Blocked);
        assert_eq!(
            classify_api(&ApiError::MessageNotModified),
            ErrorKind::NotModified
        );
        assert_eq!(
            classify_api(&ApiError::InvalidQueryId),
            ErrorKind::QueryTooOld
        );
        assert_eq!(
            classify_api(&ApiError::InvalidToken),
            ErrorKind::Unauthorized
        );
        assert_eq!(
            classify_api(&ApiError::MessageIsTooLong),
            ErrorKind::BadRequest
        );
        assert_eq!(
            classify_api(&ApiError::Unknown("Internal Server Error".into())),
            ErrorKind::Server
        );
        assert_eq!(
            classify_api(&ApiError::Unknown("Bad Gateway".into())),
            ErrorKind::Server
        );
        assert_eq!(
            classify_api(&ApiError::Unknown("Forbidden: something new".into())),
            ErrorKind::Blocked
        );
        assert_eq!(
            classify(&RequestError::RetryAfter(
                teloxide::types::Seconds::from_seconds(3)
            )),
            ErrorKind::RetryAfter(Duration::from_secs(3))
        );
    }

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let p = RetryPolicy {
            attempts: 10,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(500),
        };
        assert_eq!(p.backoff(1), Duration::from_millis(100));
        assert_eq!(p.backoff(2), Duration::from_millis(200));
        assert_eq!(p.backoff(3), Duration::from_millis(400));
        assert_eq!(p.backoff(4), Duration::from_millis(500));
        assert_eq!(p.backoff(40), Duration::from_millis(500));
    }
}
