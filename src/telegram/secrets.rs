//! The two secrets of the Telegram front end, the bot token (`TELOXIDE_TOKEN`) and the
//! webhook secret (`JOLSERIK_WEBHOOK_SECRET`): where they come from, what a well-formed
//! one looks like, and how they are kept out of every log line and panic message. Neither
//! type prints its value with `{:?}` or `{}`; the only way to the text is `expose`, used
//! where the Bot API client is built.
//!
//! teloxide's `Bot` derives `Debug` with the token in it, and reqwest puts the request URL
//! (`…/bot<token>/SendMessage`) into its error messages, so this front end never formats a
//! `Bot`, a request or a network error. As a second line of defence the log writer and the
//! panic hook installed by `jolserik serve` replace any secret that slips through anyway.

use std::borrow::Cow;
use std::fmt;
use std::io::Write;
use std::sync::Arc;

/// The environment variable holding the bot token.
pub const TOKEN_VAR: &str = "TELOXIDE_TOKEN";
/// The environment variable holding the webhook secret.
pub const WEBHOOK_SECRET_VAR: &str = "JOLSERIK_WEBHOOK_SECRET";

/// Why a secret could not be used. Never carries the value itself.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SecretError {
    #[error("{TOKEN_VAR} is not set: put the bot token from @BotFather in the environment")]
    TokenMissing,
    #[error(
        "{TOKEN_VAR} does not look like a bot token (digits, a colon, then at least 30 letters, \
         digits, `_` or `-`); check for quotes, spaces or a truncated copy"
    )]
    TokenMalformed,
    #[error(
        "{WEBHOOK_SECRET_VAR} is not set: webhook mode needs a secret that Telegram sends with \
         every update (1 to 256 letters, digits, `_` or `-`)"
    )]
    WebhookSecretMissing,
    #[error(
        "{WEBHOOK_SECRET_VAR} is not a valid webhook secret: use 1 to 256 letters, digits, `_` \
         or `-`"
    )]
    WebhookSecretMalformed,
}

/// A bot token of the form `123456:ABC…`, checked but never shown.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(Arc<str>);

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

impl Token {
    /// Reads `TELOXIDE_TOKEN`.
    pub fn from_env() -> Result<Token, SecretError> {
        match std::env::var(TOKEN_VAR) {
            Ok(value) => Token::parse(&value),
            Err(std::env::VarError::NotPresent) => Err(SecretError::TokenMissing),
            Err(std::env::VarError::NotUnicode(_)) => Err(SecretError::TokenMalformed),
        }
    }

    /// Checks the shape Telegram issues: the bot's numeric id, a colon, and a secret of at
    /// least 30 URL-safe characters. Surrounding whitespace (a pasted newline) is refused
    /// rather than trimmed, so what runs is exactly what was configured.
    pub fn parse(value: &str) -> Result<Token, SecretError> {
        if value.is_empty() {
            return Err(SecretError::TokenMissing);
        }
        let (id, secret) = value.split_once(':').ok_or(SecretError::TokenMalformed)?;
        let id_ok = !id.is_empty() && id.len() <= 20 && id.bytes().all(|b| b.is_ascii_digit());
        let secret_ok = secret.len() >= 30 && secret.len() <= 200 && secret.bytes().all(url_safe);
        if id_ok && secret_ok && id.parse::<u64>().is_ok_and(|n| n > 0) {
            Ok(Token(value.into()))
        } else {
            Err(SecretError::TokenMalformed)
        }
    }

    /// The bot's own user id, the part before the colon.
    pub fn bot_id(&self) -> u64 {
        self.0
            .split_once(':')
            .and_then(|(id, _)| id.parse().ok())
            .unwrap_or(0)
    }

    /// The token itself, for building the Bot API client and for redaction. Do not log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The part after the colon: the bit that must never be seen.
    fn secret_part(&self) -> &str {
        self.0.split_once(':').map(|(_, s)| s).unwrap_or(&self.0)
    }
}

/// The secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token` with every webhook call.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookSecret(Arc<str>);

impl fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookSecret(<redacted>)")
    }
}

impl WebhookSecret {
    /// Reads `JOLSERIK_WEBHOOK_SECRET`; absent is `Ok(None)`.
    pub fn from_env() -> Result<Option<WebhookSecret>, SecretError> {
        match std::env::var(WEBHOOK_SECRET_VAR) {
            Ok(value) => WebhookSecret::parse(&value).map(Some),
            Err(std::env::VarError::NotPresent) => Ok(None),
            Err(std::env::VarError::NotUnicode(_)) => Err(SecretError::WebhookSecretMalformed),
        }
    }

    /// Telegram allows 1–256 characters `A-Z`, `a-z`, `0-9`, `_` and `-`.
    pub fn parse(value: &str) -> Result<WebhookSecret, SecretError> {
        if value.is_empty() {
            return Err(SecretError::WebhookSecretMissing);
        }
        if value.len() <= 256 && value.bytes().all(url_safe) {
            Ok(WebhookSecret(value.into()))
        } else {
            Err(SecretError::WebhookSecretMalformed)
        }
    }

    /// The secret itself, for `setWebhook` and the comparison. Do not log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Compares in time independent of where the first difference is, so the secret
    /// cannot be guessed byte by byte from response times.
    pub fn matches(&self, candidate: &[u8]) -> bool {
        let expected = self.0.as_bytes();
        let mut diff = expected.len() ^ candidate.len();
        for (i, e) in expected.iter().enumerate() {
            let c = candidate.get(i).copied().unwrap_or(0);
            diff |= usize::from(e ^ c);
        }
        diff == 0
    }
}

fn url_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Replaces secrets in text that is about to be written somewhere a person can read it.
#[derive(Clone, Default)]
pub struct Redactor {
    secrets: Arc<Vec<String>>,
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Redactor")
            .field("secrets", &self.secrets.len())
            .finish()
    }
}

impl Redactor {
    /// Redacts the token's secret part (which also covers the whole token and any URL
    /// carrying it) and the webhook secret.
    pub fn new(token: Option<&Token>, webhook: Option<&WebhookSecret>) -> Redactor {
        let mut secrets = Vec::new();
        if let Some(t) = token {
            secrets.push(t.secret_part().to_string());
        }
        if let Some(w) = webhook {
            // Replacing a very short secret would mangle ordinary words in every line;
            // such a secret is weak anyway, and this module never logs it itself.
            if w.expose().len() >= 8 {
                secrets.push(w.expose().to_string());
            }
        }
        Redactor {
            secrets: Arc::new(secrets),
        }
    }

    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut out = Cow::Borrowed(text);
        for secret in self.secrets.iter() {
            if out.contains(secret.as_str()) {
                out = Cow::Owned(out.replace(secret.as_str(), "<redacted>"));
            }
        }
        out
    }

    /// A `tracing_subscriber` writer that redacts each log line before it reaches stderr.
    pub fn stderr_writer(&self) -> RedactingStderr {
        RedactingStderr {
            redactor: self.clone(),
        }
    }

    /// Replaces the panic hook with one that prints the redacted message and location.
    /// The default hook is not called: it would print the message unredacted.
    pub fn install_panic_hook(&self) {
        let redactor = self.clone();
        std::panic::set_hook(Box::new(move |info| {
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_string());
            let location = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let thread = std::thread::current();
            let name = thread.name().unwrap_or("unnamed");
            let line = format!("thread '{name}' panicked at {location}: {message}");
            let _ = writeln!(std::io::stderr(), "{}", redactor.redact(&line));
        }));
    }
}

/// Makes one [`RedactedLine`] per log event.
#[derive(Clone, Debug)]
pub struct RedactingStderr {
    redactor: Redactor,
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for RedactingStderr {
    type Writer = RedactedLine;

    fn make_writer(&'a self) -> Self::Writer {
        RedactedLine {
            redactor: self.redactor.clone(),
            buffer: Vec::new(),
        }
    }
}

/// Collects one event's text and writes it, redacted, to stderr when dropped; buffering
/// the whole event means a secret split over two `write` calls is still caught.
pub struct RedactedLine {
    redactor: Redactor,
    buffer: Vec<u8>,
}

impl Write for RedactedLine {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for RedactedLine {
    fn drop(&mut self) {
        if self.buffer.is_empty() {
            return;
        }
        let text = String::from_utf8_lossy(&self.buffer);
        let _ = std::io::stderr().write_all(self.redactor.redact(&text).as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789_-";

    #[test]
    fn tokens_are_checked_for_shape() {
        assert!(Token::parse(GOOD).is_ok());
        assert_eq!(Token::parse(GOOD).unwrap().bot_id(), 123456);
        for bad in [
            "",
            "123456",
            "123456:",
            "123456:short",
            ":ABCdefGHIjklMNOpqrSTUvwxYZ0123456789",
            "abc:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789",
            "0:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789",
            " 123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789",
            "123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789\n",
            "123456:ABCdefGHIjklMNOpqrSTUvwxYZ01234567/9",
        ] {
            assert!(Token::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn secrets_never_print() {
        let token = Token::parse(GOOD).unwrap();
        assert!(!format!("{token:?}").contains("ABC"));
        let secret = WebhookSecret::parse("s3cret-value_X").unwrap();
        assert!(!format!("{secret:?}").contains("s3cret"));
        for e in [
            SecretError::TokenMalformed,
            SecretError::TokenMissing,
            SecretError::WebhookSecretMalformed,
        ] {
            assert!(!e.to_string().contains("ABC"));
        }
    }

    #[test]
    fn webhook_secrets_compare_exactly() {
        let secret = WebhookSecret::parse("abc_DEF-123").unwrap();
        assert!(secret.matches(b"abc_DEF-123"));
        assert!(!secret.matches(b"abc_DEF-12"));
        assert!(!secret.matches(b"abc_DEF-1234"));
        assert!(!secret.matches(b""));
        assert!(WebhookSecret::parse("has space").is_err());
        assert!(WebhookSecret::parse(&"a".repeat(257)).is_err());
    }

    #[test]
    fn redaction_covers_urls_and_the_whole_token() {
        let token = Token::parse(GOOD).unwrap();
        let secret = WebhookSecret::parse("webhook-secret-123").unwrap();
        let r = Redactor::new(Some(&token), Some(&secret));
        let line = format!("error sending request for url (http://x/bot{GOOD}/SendMessage)");
        let shown = r.redact(&line);
        assert!(!shown.contains("ABCdef"), "{shown}");
        assert!(
            shown.contains("bot123456:<redacted>/SendMessage"),
            "{shown}"
        );
        assert_eq!(r.redact("header webhook-secret-123"), "header <redacted>");
        assert_eq!(r.redact("nothing here"), "nothing here");
    }
}
