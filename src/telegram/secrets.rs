//! The two secrets of the Telegram front end, the bot token and the webhook secret:
//! where they come from, what a well-formed one looks like, and how they are kept out of
//! every log line and panic message. Neither type prints its value with `{:?}` or `{}`;
//! the only way to the text is `expose`, used where the Bot API client is built.
//!
//! Each comes from a file in `$CREDENTIALS_DIRECTORY` when that variable is set and the
//! file is there (systemd's `LoadCredential=`, see `deploy/jolserik.service`: the
//! secret never enters the environment, which other processes of the same user and
//! crash reports can read), and from its environment variable otherwise
//! (`TELOXIDE_TOKEN`, `JOLSERIK_WEBHOOK_SECRET`).
//!
//! teloxide's `Bot` derives `Debug` with the token in it, and reqwest puts the request URL
//! (`…/bot<token>/SendMessage`) into its error messages, so this front end never formats a
//! `Bot`, a request or a network error. As a second line of defence the log writer and the
//! panic hook installed by `jolserik serve` replace any secret that slips through anyway.

use std::borrow::Cow;
use std::ffi::OsString;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The environment variable holding the bot token.
pub const TOKEN_VAR: &str = "TELOXIDE_TOKEN";
/// The environment variable holding the webhook secret.
pub const WEBHOOK_SECRET_VAR: &str = "JOLSERIK_WEBHOOK_SECRET";
/// The variable systemd sets to the directory of the credentials it loaded.
pub const CREDENTIALS_DIRECTORY_VAR: &str = "CREDENTIALS_DIRECTORY";

/// Why a secret could not be used. Never carries the value itself.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error(
        "{TOKEN_VAR} is not set (nor a `{}` credential): put the bot token from @BotFather \
         in the environment or in the service's credentials",
        Token::CREDENTIAL
    )]
    TokenMissing,
    #[error(
        "{0} does not look like a bot token (digits, a colon, then at least 30 letters, \
         digits, `_` or `-`); check for quotes, spaces or a truncated copy"
    )]
    TokenMalformed(Origin),
    #[error(
        "{WEBHOOK_SECRET_VAR} is not set (nor a `{}` credential): webhook mode needs a \
         secret that Telegram sends with every update (1 to 256 letters, digits, `_` or `-`)",
        WebhookSecret::CREDENTIAL
    )]
    WebhookSecretMissing,
    #[error("{0} is not a valid webhook secret: use 1 to 256 letters, digits, `_` or `-`")]
    WebhookSecretMalformed(Origin),
    /// The credential file is there but could not be read. Names the file, never its
    /// content.
    #[error("could not read the credential file {path}")]
    CredentialUnreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Where a secret was read from, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// An environment variable.
    Env(&'static str),
    /// A credential file.
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Env(var) => write!(f, "{var}"),
            Origin::File(path) => write!(f, "the credential file {}", path.display()),
        }
    }
}

/// Reads one secret: the file `credential` in `$CREDENTIALS_DIRECTORY` if that
/// variable is set and the file exists, else the variable `var`. `env` looks up an
/// environment variable (the real environment in production, a table in tests). A
/// file's one trailing newline (`\n` or `\r\n`, as `echo` and editors leave) is
/// dropped; nothing else is trimmed. `None` when neither is there.
pub fn read_secret(
    var: &'static str,
    credential: &str,
    env: &dyn Fn(&str) -> Option<OsString>,
) -> Result<Option<(String, Origin)>, SecretError> {
    if let Some(dir) = env(CREDENTIALS_DIRECTORY_VAR).filter(|d| !d.is_empty()) {
        let path = Path::new(&dir).join(credential);
        match std::fs::read(&path) {
            Ok(bytes) => {
                let origin = Origin::File(path);
                let mut text = match String::from_utf8(bytes) {
                    Ok(text) => text,
                    // Not text: let the parser refuse it, naming the file.
                    Err(_) => return Ok(Some((String::from("\u{fffd}"), origin))),
                };
                if text.ends_with('\n') {
                    text.pop();
                    if text.ends_with('\r') {
                        text.pop();
                    }
                }
                return Ok(Some((text, origin)));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(SecretError::CredentialUnreadable { path, source }),
        }
    }
    Ok(env(var).map(|value| {
        // A value that is not UTF-8 cannot be a secret; the parser refuses it.
        let text = value
            .into_string()
            .unwrap_or_else(|_| String::from("\u{fffd}"));
        (text, Origin::Env(var))
    }))
}

fn process_env(name: &str) -> Option<OsString> {
    std::env::var_os(name)
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
    /// The name of the token's file in `$CREDENTIALS_DIRECTORY` (`LoadCredential=`).
    pub const CREDENTIAL: &'static str = "telegram-token";

    /// Reads the `telegram-token` credential, or `TELOXIDE_TOKEN`.
    pub fn from_env() -> Result<Token, SecretError> {
        Token::from_lookup(&process_env)
    }

    /// [`Token::from_env`] with the environment looked up through `env`.
    pub fn from_lookup(env: &dyn Fn(&str) -> Option<OsString>) -> Result<Token, SecretError> {
        match read_secret(TOKEN_VAR, Token::CREDENTIAL, env)? {
            Some((value, origin)) => Token::parse_from(&value, origin),
            None => Err(SecretError::TokenMissing),
        }
    }

    /// Checks the shape Telegram issues: the bot's numeric id, a colon, and a secret of at
    /// least 30 URL-safe characters. Surrounding whitespace (a pasted newline) is refused
    /// rather than trimmed, so what runs is exactly what was configured.
    pub fn parse(value: &str) -> Result<Token, SecretError> {
        Token::parse_from(value, Origin::Env(TOKEN_VAR))
    }

    fn parse_from(value: &str, origin: Origin) -> Result<Token, SecretError> {
        if value.is_empty() {
            return Err(SecretError::TokenMissing);
        }
        let Some((id, secret)) = value.split_once(':') else {
            return Err(SecretError::TokenMalformed(origin));
        };
        let id_ok = !id.is_empty() && id.len() <= 20 && id.bytes().all(|b| b.is_ascii_digit());
        let secret_ok = secret.len() >= 30 && secret.len() <= 200 && secret.bytes().all(url_safe);
        if id_ok && secret_ok && id.parse::<u64>().is_ok_and(|n| n > 0) {
            Ok(Token(value.into()))
        } else {
            Err(SecretError::TokenMalformed(origin))
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
    /// The name of the secret's file in `$CREDENTIALS_DIRECTORY` (`LoadCredential=`).
    pub const CREDENTIAL: &'static str = "webhook-secret";

    /// Reads the `webhook-secret` credential, or `JOLSERIK_WEBHOOK_SECRET`; absent is
    /// `Ok(None)`.
    pub fn from_env() -> Result<Option<WebhookSecret>, SecretError> {
        WebhookSecret::from_lookup(&process_env)
    }

    /// [`WebhookSecret::from_env`] with the environment looked up through `env`.
    pub fn from_lookup(
        env: &dyn Fn(&str) -> Option<OsString>,
    ) -> Result<Option<WebhookSecret>, SecretError> {
        match read_secret(WEBHOOK_SECRET_VAR, WebhookSecret::CREDENTIAL, env)? {
            Some((value, origin)) => WebhookSecret::parse_from(&value, origin).map(Some),
            None => Ok(None),
        }
    }

    /// Telegram allows 1–256 characters `A-Z`, `a-z`, `0-9`, `_` and `-`.
    pub fn parse(value: &str) -> Result<WebhookSecret, SecretError> {
        WebhookSecret::parse_from(value, Origin::Env(WEBHOOK_SECRET_VAR))
    }

    fn parse_from(value: &str, origin: Origin) -> Result<WebhookSecret, SecretError> {
        if value.is_empty() {
            return Err(SecretError::WebhookSecretMissing);
        }
        if value.len() <= 256 && value.bytes().all(url_safe) {
            Ok(WebhookSecret(value.into()))
        } else {
            Err(SecretError::WebhookSecretMalformed(origin))
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
            SecretError::TokenMalformed(Origin::Env(TOKEN_VAR)),
            SecretError::TokenMissing,
            SecretError::WebhookSecretMalformed(Origin::Env(WEBHOOK_SECRET_VAR)),
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

    /// An environment made of `pairs`, for the lookups.
    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let pairs: Vec<(String, OsString)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn secrets_come_from_the_environment_without_a_credentials_directory() {
        let env = env_of(&[(TOKEN_VAR, GOOD), (WEBHOOK_SECRET_VAR, "from-env-123")]);
        assert_eq!(Token::from_lookup(&env).unwrap().expose(), GOOD);
        let secret = WebhookSecret::from_lookup(&env).unwrap().unwrap();
        assert_eq!(secret.expose(), "from-env-123");

        let none = env_of(&[]);
        assert!(matches!(
            Token::from_lookup(&none),
            Err(SecretError::TokenMissing)
        ));
        assert!(WebhookSecret::from_lookup(&none).unwrap().is_none());
        // The environment is not trimmed: what runs is what was set.
        let newline = format!("{GOOD}\n");
        let env = env_of(&[(TOKEN_VAR, &newline)]);
        let err = Token::from_lookup(&env).unwrap_err();
        assert!(matches!(
            &err,
            SecretError::TokenMalformed(Origin::Env(TOKEN_VAR))
        ));
        assert!(err.to_string().contains(TOKEN_VAR), "{err}");
    }

    #[test]
    fn credential_files_win_over_the_environment_and_lose_one_trailing_newline() {
        let dir = tempfile::tempdir().unwrap();
        let creds = dir.path().to_str().unwrap();
        std::fs::write(dir.path().join(Token::CREDENTIAL), format!("{GOOD}\n")).unwrap();
        std::fs::write(
            dir.path().join(WebhookSecret::CREDENTIAL),
            "file-secret-1\r\n",
        )
        .unwrap();
        let other = "999:ZZZdefGHIjklMNOpqrSTUvwxYZ0123456789_-";
        let env = env_of(&[
            (CREDENTIALS_DIRECTORY_VAR, creds),
            (TOKEN_VAR, other),
            (WEBHOOK_SECRET_VAR, "from-env-123"),
        ]);
        assert_eq!(Token::from_lookup(&env).unwrap().expose(), GOOD);
        let secret = WebhookSecret::from_lookup(&env).unwrap().unwrap();
        assert_eq!(secret.expose(), "file-secret-1");

        // Only one newline goes: a second one is a malformed copy, and the error names
        // the file, not what is in it.
        std::fs::write(dir.path().join(Token::CREDENTIAL), format!("{GOOD}\n\n")).unwrap();
        let err = Token::from_lookup(&env).unwrap_err();
        let shown = err.to_string();
        assert!(shown.contains(Token::CREDENTIAL), "{shown}");
        assert!(shown.contains(creds), "{shown}");
        assert!(!shown.contains("ABCdef"), "{shown}");

        // A credential that is not there falls back to the environment.
        std::fs::remove_file(dir.path().join(Token::CREDENTIAL)).unwrap();
        assert_eq!(Token::from_lookup(&env).unwrap().expose(), other);
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_credential_names_its_file() {
        let dir = tempfile::tempdir().unwrap();
        // A directory where the file should be: reading it fails whoever we are.
        std::fs::create_dir(dir.path().join(WebhookSecret::CREDENTIAL)).unwrap();
        let env = env_of(&[(CREDENTIALS_DIRECTORY_VAR, dir.path().to_str().unwrap())]);
        let err = WebhookSecret::from_lookup(&env).unwrap_err();
        assert!(
            matches!(&err, SecretError::CredentialUnreadable { path, .. }
                if path == &dir.path().join(WebhookSecret::CREDENTIAL)),
            "{err:?}"
        );
        assert!(err.to_string().contains(WebhookSecret::CREDENTIAL), "{err}");
        assert!(std::error::Error::source(&err).is_some());
    }
}
