//! Typed configuration: `config.toml`, then `JOLSERIK__…` environment overrides, then
//! validation into [`Config`].
//!
//! Loading goes through three layers so that every error can name the offending key:
//!
//! 1. the text is parsed into a plain TOML table (syntax errors only);
//! 2. environment overrides are written into that table, and the table is walked against
//!    `KEYS`, the one list of known keys, which catches unknown keys and wrong TOML types
//!    with their dotted path (serde's own errors do not expose the path);
//! 3. the table becomes the serde-derived raw layer (`RawConfig`, `deny_unknown_fields` as
//!    a second line of defence) and is validated by hand into the typed [`Config`].
//!
//! Secrets never live here: the bot token comes from `TELOXIDE_TOKEN` and the webhook
//! secret from `JOLSERIK_WEBHOOK_SECRET`, read by whoever needs them, so the file can be
//! committed and `summary` can be printed without leaking anything.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::net::{Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use toml::{Table, Value};

use crate::domain::Lang;

/// Prefix of override variables. The double underscore keeps `JOLSERIK_WEBHOOK_SECRET`
/// (a secret, not a key) out of the override namespace.
const ENV_PREFIX: &str = "JOLSERIK__";

/// Ports Telegram will deliver webhooks to; any other port fails only at `setWebhook`
/// time, so it is caught here instead.
const WEBHOOK_PORTS: [u16; 4] = [443, 80, 88, 8443];

/// The TOML shape a key accepts before its value is validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Str,
    /// A string such as "10:00"; an unquoted TOML local time is accepted too.
    Time,
    Int,
    IntArray,
    /// A Telegram chat id: an integer, or a string (empty for none).
    ChatId,
}

impl Kind {
    fn expected(self) -> &'static str {
        match self {
            Kind::ChatId => "a chat id such as -1001234567890, or \"\" for none",
            Kind::Str => "a string",
            Kind::Time => "a time of day in quotes such as \"10:00\"",
            Kind::Int => "an integer",
            Kind::IntArray => "an array of integers such as [30, 14]",
        }
    }
}

/// Every leaf key, in the order of the shipped file. The file walk, the environment
/// overrides and `summary` all follow this list; tests check that it matches both
/// `RawConfig` and `config.toml`, so the three cannot drift apart.
const KEYS: &[(&str, Kind)] = &[
    ("storage.path", Kind::Str),
    ("i18n.default_language", Kind::Str),
    ("rules.path", Kind::Str),
    ("rules.stale_after_days", Kind::Int),
    ("telegram.api_url", Kind::Str),
    ("telegram.mode", Kind::Str),
    ("telegram.admins", Kind::IntArray),
    ("telegram.webhook.listen", Kind::Str),
    ("telegram.webhook.public_url", Kind::Str),
    ("telegram.flood.burst", Kind::Int),
    ("telegram.flood.per_minute", Kind::Int),
    ("telegram.flood.pending", Kind::Int),
    ("telegram.flood.new_users_per_second", Kind::Int),
    ("telegram.flood.new_users_waiting", Kind::Int),
    ("reminders.days_before", Kind::IntArray),
    ("reminders.send_at", Kind::Time),
    ("reminders.timezone", Kind::Str),
    ("reminders.quiet_hours.start", Kind::Time),
    ("reminders.quiet_hours.end", Kind::Time),
    ("observability.listen", Kind::Str),
    ("privacy.retention_days", Kind::Int),
    ("handover.operator_chat", Kind::ChatId),
    ("handover.operator_language", Kind::Str),
    ("handover.contacts.en", Kind::Str),
    ("handover.contacts.ru", Kind::Str),
    ("handover.contacts.kk", Kind::Str),
    ("handover.contacts.uz", Kind::Str),
    ("handover.contacts.tg", Kind::Str),
    ("handover.contacts.ky", Kind::Str),
    ("log.level", Kind::Str),
];

// ---------------------------------------------------------------------------------------
// Errors

/// Why the configuration could not be loaded. Every variant's message names the file,
/// key or variable to fix.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read (most often: it does not exist).
    #[error("cannot read configuration file {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The file is not TOML, has a key we do not know, or a value of the wrong TOML type.
    #[error("{}", locate(path.as_deref(), key.as_deref(), message))]
    Parse {
        /// `None` when parsing a string (`from_toml_str`).
        path: Option<PathBuf>,
        /// Dotted key, e.g. `storage.pth`; `None` for syntax errors.
        key: Option<String>,
        message: String,
        /// The TOML parser's error, whose `Display` shows the offending line.
        #[source]
        source: Option<Box<toml::de::Error>>,
    },
    /// A value of the right type that is not acceptable, e.g. `send_at = "25:00"`.
    #[error("{key}: {message}")]
    Invalid { key: String, message: String },
    /// A `JOLSERIK__…` variable that names no key: a typo would otherwise be ignored.
    #[error(
        "environment variable {var} names no configuration key \
         (expected JOLSERIK__<SECTION>__<KEY>, e.g. JOLSERIK__LOG__LEVEL){}",
        secret_hint(var)
    )]
    UnknownEnv { var: String },
}

impl ConfigError {
    /// The dotted key the error is about, if it is about one.
    fn key(&self) -> Option<&str> {
        match self {
            ConfigError::Parse { key, .. } => key.as_deref(),
            ConfigError::Invalid { key, .. } => Some(key),
            ConfigError::Read { .. } | ConfigError::UnknownEnv { .. } => None,
        }
    }

    fn message_mut(&mut self) -> Option<&mut String> {
        match self {
            ConfigError::Parse { message, .. } | ConfigError::Invalid { message, .. } => {
                Some(message)
            }
            ConfigError::Read { .. } | ConfigError::UnknownEnv { .. } => None,
        }
    }
}

fn locate(path: Option<&Path>, key: Option<&str>, message: &str) -> String {
    match (path, key) {
        (Some(path), Some(key)) => format!("{}: {key}: {message}", path.display()),
        (Some(path), None) => format!("{}: {message}", path.display()),
        (None, Some(key)) => format!("{key}: {message}"),
        (None, None) => message.to_owned(),
    }
}

/// People reach for `JOLSERIK__TELEGRAM__TOKEN`; point them at the real variables.
fn secret_hint(var: &str) -> &'static str {
    let upper = var.to_ascii_uppercase();
    if upper.contains("TOKEN") {
        "; the bot token is read from TELOXIDE_TOKEN"
    } else if upper.contains("SECRET") {
        "; the webhook secret is read from JOLSERIK_WEBHOOK_SECRET (single underscore)"
    } else {
        ""
    }
}

fn invalid(key: &str, message: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        key: key.to_owned(),
        message: message.into(),
    }
}

// ---------------------------------------------------------------------------------------
// Typed configuration

/// The validated configuration. `Default` equals the shipped `config.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub storage: StorageConfig,
    pub i18n: I18nConfig,
    pub rules: RulesConfig,
    pub telegram: TelegramConfig,
    pub reminders: RemindersConfig,
    pub observability: ObservabilityConfig,
    pub privacy: PrivacyConfig,
    pub handover: HandoverConfig,
    pub log: LogConfig,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageConfig {
    /// The sled database directory; a relative path is relative to the current directory.
    pub path: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct I18nConfig {
    /// Used when a user's Telegram language maps to none of ours and before they choose.
    pub default_language: Lang,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesConfig {
    /// `None`: the catalogue embedded in the binary; `Some`: a TOML file replacing it.
    pub path: Option<PathBuf>,
    /// A rule whose `verified` date is older than this many days is listed as due for
    /// review (`jolserik check`, `/stats`). 1..=3650.
    pub stale_after_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TelegramConfig {
    /// Bot API base URL, checked to be http(s) with a host; kept as text for the client.
    pub api_url: String,
    pub mode: TelegramMode,
    /// Telegram user ids allowed to use admin commands, positive and distinct, file order.
    pub admins: Vec<i64>,
    pub webhook: WebhookConfig,
    pub flood: FloodConfig,
}

/// How much one chat, and all new users together, may ask of the bot: what keeps one
/// flooding chat (a stuck keyboard, a script) from delaying everyone else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloodConfig {
    /// Updates a chat may send at once before its rate applies.
    pub burst: u32,
    /// Updates a chat may send per minute, sustained.
    pub per_minute: u32,
    /// Updates of one chat taken and not yet answered; more are dropped.
    pub pending: u32,
    /// Updates per second from chats the bot does not know yet (no stored answers).
    pub new_users_per_second: u32,
    /// Updates of unknown chats that may wait for their turn; more are dropped.
    pub new_users_waiting: u32,
}

/// How updates reach the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TelegramMode {
    Polling,
    Webhook,
}

impl fmt::Display for TelegramMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TelegramMode::Polling => "polling",
            TelegramMode::Webhook => "webhook",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookConfig {
    /// Where the local webhook server binds (used only in webhook mode).
    pub listen: SocketAddr,
    /// The public https URL registered with Telegram; always `Some` in webhook mode.
    pub public_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemindersConfig {
    /// Days before a deadline on which to remind: distinct, 1..=365, sorted descending.
    pub days_before: Vec<u32>,
    /// Local time (in `timezone`) at which reminders go out; never inside `quiet_hours`.
    pub send_at: NaiveTime,
    pub timezone: Tz,
    pub quiet_hours: QuietHours,
}

/// A daily window without reminders, `start` inclusive, `end` exclusive, in the reminder
/// time zone. `start > end` wraps midnight; `start == end` is an empty window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl QuietHours {
    /// Whether `t` falls inside the window.
    pub fn contains(&self, t: NaiveTime) -> bool {
        match self.start.cmp(&self.end) {
            Ordering::Less => self.start <= t && t < self.end,
            Ordering::Greater => t >= self.start || t < self.end,
            Ordering::Equal => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObservabilityConfig {
    /// Address of the health/metrics endpoint; `None` turns it off.
    pub listen: Option<SocketAddr>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivacyConfig {
    /// 1..=3650.
    pub retention_days: u32,
}

/// Handing a case to the NGO's caseworkers (`[handover]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoverConfig {
    /// The group or supergroup where the caseworkers answer; `None` turns handover off
    /// ("Ask a person" then shows the contacts).
    pub operator_chat: Option<i64>,
    /// The language the caseworkers read: case summaries and notes in their chat.
    pub operator_language: Lang,
    /// The organisation's contacts (phone, address, hours) per language; a language
    /// without its own text shows the first one set, in `Lang::ALL` order.
    pub contacts: BTreeMap<Lang, String>,
}

impl HandoverConfig {
    /// Whether caseworkers answer in Telegram.
    pub fn is_on(&self) -> bool {
        self.operator_chat.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogConfig {
    /// A tracing `EnvFilter` directive; `RUST_LOG`, handled by the caller, takes precedence.
    pub level: String,
}

impl Default for Config {
    fn default() -> Self {
        // The raw defaults mirror config.toml (a test holds them equal) and are valid, so
        // this cannot fail unless someone breaks both the defaults and that test.
        Config::from_raw(RawConfig::default()).expect("built-in defaults are valid")
    }
}

impl Config {
    /// Reads `path`, applies `JOLSERIK__…` overrides from `env` (pass `std::env::vars()`)
    /// and validates. A missing file is an error naming the path: running on built-in
    /// defaults by accident would hide a misplaced deployment.
    pub fn load(
        path: &Path,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, Some(path), env)
    }

    /// As [`Config::load`], for text that did not come from a file.
    pub fn from_toml_str(
        text: &str,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        Self::parse(text, None, env)
    }

    /// Every key with its effective value, in file order, for `jolserik check`. Holds no
    /// secrets because the configuration holds none.
    pub fn summary(&self) -> Vec<(String, String)> {
        fn list<T: fmt::Display>(items: &[T]) -> String {
            let items: Vec<String> = items.iter().map(ToString::to_string).collect();
            format!("[{}]", items.join(", "))
        }
        let hhmm = |t: NaiveTime| t.format("%H:%M").to_string();
        let t = &self.telegram;
        let r = &self.reminders;
        let rows = [
            ("storage.path", self.storage.path.display().to_string()),
            (
                "i18n.default_language",
                self.i18n.default_language.to_string(),
            ),
            (
                "rules.path",
                self.rules.path.as_ref().map_or_else(
                    || "(embedded catalogue)".to_owned(),
                    |p| p.display().to_string(),
                ),
            ),
            (
                "rules.stale_after_days",
                self.rules.stale_after_days.to_string(),
            ),
            ("telegram.api_url", t.api_url.clone()),
            ("telegram.mode", t.mode.to_string()),
            ("telegram.admins", list(&t.admins)),
            ("telegram.webhook.listen", t.webhook.listen.to_string()),
            (
                "telegram.webhook.public_url",
                t.webhook
                    .public_url
                    .clone()
                    .unwrap_or_else(|| "(unset)".to_owned()),
            ),
            ("telegram.flood.burst", t.flood.burst.to_string()),
            ("telegram.flood.per_minute", t.flood.per_minute.to_string()),
            ("telegram.flood.pending", t.flood.pending.to_string()),
            (
                "telegram.flood.new_users_per_second",
                t.flood.new_users_per_second.to_string(),
            ),
            (
                "telegram.flood.new_users_waiting",
                t.flood.new_users_waiting.to_string(),
            ),
            ("reminders.days_before", list(&r.days_before)),
            ("reminders.send_at", hhmm(r.send_at)),
            ("reminders.timezone", r.timezone.to_string()),
            ("reminders.quiet_hours.start", hhmm(r.quiet_hours.start)),
            ("reminders.quiet_hours.end", hhmm(r.quiet_hours.end)),
            (
                "observability.listen",
                self.observability
                    .listen
                    .map_or_else(|| "(off)".to_owned(), |a| a.to_string()),
            ),
            (
                "privacy.retention_days",
                self.privacy.retention_days.to_string(),
            ),
        ];
        let h = &self.handover;
        let mut rows: Vec<(&str, String)> = rows.into();
        rows.push((
            "handover.operator_chat",
            h.operator_chat
                .map_or_else(|| "(off)".to_owned(), |c| c.to_string()),
        ));
        rows.push((
            "handover.operator_language",
            h.operator_language.to_string(),
        ));
        for (key, lang) in CONTACT_KEYS {
            let set = h.contacts.get(&lang).map_or("(unset)", |_| "(set)");
            rows.push((key, set.to_owned()));
        }
        rows.push(("log.level", self.log.level.clone()));
        rows.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    }

    fn parse(
        text: &str,
        path: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let mut table: Table = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.map(Path::to_path_buf),
            key: None,
            message: syntax_message(text, &e),
            source: Some(Box::new(e)),
        })?;
        let from_env = apply_env(&mut table, env)?;
        // Blame the variable, not the file, when the bad value came from the environment.
        let blame = |mut e: ConfigError| {
            if let Some(var) = e.key().and_then(|k| from_env.get(k)).cloned() {
                if let Some(message) = e.message_mut() {
                    message.push_str(&format!(" (value from environment variable {var})"));
                }
            }
            e
        };
        check_table(&mut table, &mut Vec::new()).map_err(|(key, message)| {
            blame(ConfigError::Parse {
                path: path.map(Path::to_path_buf),
                key: Some(key),
                message,
                source: None,
            })
        })?;
        // After the walk this cannot fail on anything but a bug in KEYS; the error still
        // carries toml's own rendering, which includes the key path.
        let raw: RawConfig = table.try_into().map_err(|e: toml::de::Error| {
            blame(ConfigError::Parse {
                path: path.map(Path::to_path_buf),
                key: None,
                message: e.to_string().trim_end().to_owned(),
                source: Some(Box::new(e)),
            })
        })?;
        Config::from_raw(raw).map_err(blame)
    }

    fn from_raw(raw: RawConfig) -> Result<Config, ConfigError> {
        let storage = StorageConfig {
            path: {
                if raw.storage.path.trim().is_empty() {
                    return Err(invalid("storage.path", "must not be empty"));
                }
                PathBuf::from(raw.storage.path)
            },
        };

        let lang = &raw.i18n.default_language;
        let i18n = I18nConfig {
            default_language: Lang::from_code(lang).ok_or_else(|| {
                invalid(
                    "i18n.default_language",
                    format!(
                        "{lang:?} is not a supported language; use one of {}",
                        Lang::codes()
                    ),
                )
            })?,
        };

        let rules = RulesConfig {
            path: match raw.rules.path.as_str() {
                "" => None,
                p if p.trim().is_empty() => {
                    return Err(invalid(
                        "rules.path",
                        "is blank; use \"\" for the embedded catalogue or a file path",
                    ))
                }
                p => Some(PathBuf::from(p)),
            },
            stale_after_days: u32::try_from(raw.rules.stale_after_days)
                .ok()
                .filter(|d| (1..=3650).contains(d))
                .ok_or_else(|| {
                    invalid(
                        "rules.stale_after_days",
                        format!("{} is out of range 1..=3650", raw.rules.stale_after_days),
                    )
                })?,
        };

        let telegram = validate_telegram(raw.telegram)?;
        let reminders = validate_reminders(raw.reminders)?;

        let observability = ObservabilityConfig {
            listen: match raw.observability.listen.as_str() {
                "" => None,
                a => Some(socket_addr("observability.listen", a)?),
            },
        };

        let days = raw.privacy.retention_days;
        let privacy = PrivacyConfig {
            retention_days: u32::try_from(days)
                .ok()
                .filter(|d| (1..=3650).contains(d))
                .ok_or_else(|| {
                    invalid(
                        "privacy.retention_days",
                        format!("{days} is out of range 1..=3650"),
                    )
                })?,
        };

        let handover = validate_handover(raw.handover)?;

        let level = raw.log.level.trim();
        if level.is_empty() {
            return Err(invalid(
                "log.level",
                "must not be empty; use e.g. \"info\" or \"info,jolserik=debug\"",
            ));
        }
        let log = LogConfig {
            level: level.to_owned(),
        };

        Ok(Config {
            storage,
            i18n,
            rules,
            telegram,
            reminders,
            observability,
            privacy,
            handover,
            log,
        })
    }
}

/// The contact keys and their languages, in `KEYS` order.
const CONTACT_KEYS: [(&str, Lang); 6] = [
    ("handover.contacts.en", Lang::En),
    ("handover.contacts.ru", Lang::Ru),
    ("handover.contacts.kk", Lang::Kk),
    ("handover.contacts.uz", Lang::Uz),
    ("handover.contacts.tg", Lang::Tg),
    ("handover.contacts.ky", Lang::Ky),
];

fn validate_handover(raw: RawHandover) -> Result<HandoverConfig, ConfigError> {
    let key = "handover.operator_chat";
    let operator_chat = match raw.operator_chat {
        RawChatId::Int(0) => None,
        RawChatId::Int(id) => Some(id),
        RawChatId::Str(s) if s.trim().is_empty() => None,
        RawChatId::Str(s) => Some(s.trim().parse::<i64>().map_err(|_| {
            invalid(
                key,
                format!("{s:?} is not a chat id; use a number such as -1001234567890"),
            )
        })?),
    };
    // Groups and supergroups have negative ids; a positive one is a person, and
    // handing every case to one private chat is a mistake worth refusing.
    if let Some(id) = operator_chat.filter(|id| *id > 0) {
        return Err(invalid(
            key,
            format!("{id} is a private chat; use the caseworkers' group id, which is negative"),
        ));
    }
    let lang = raw.operator_language.trim();
    let operator_language = Lang::from_code(lang).ok_or_else(|| {
        invalid(
            "handover.operator_language",
            format!(
                "{lang:?} is not a supported language; use one of {}",
                Lang::codes()
            ),
        )
    })?;
    let mut contacts = BTreeMap::new();
    let c = raw.contacts;
    for ((key, lang), text) in CONTACT_KEYS
        .into_iter()
        .zip([c.en, c.ru, c.kk, c.uz, c.tg, c.ky])
    {
        let text = text.trim();
        if text.chars().count() > 1000 {
            return Err(invalid(
                key,
                "is longer than 1000 characters; keep it to a phone, an address and hours",
            ));
        }
        if !text.is_empty() {
            contacts.insert(lang, text.to_owned());
        }
    }
    Ok(HandoverConfig {
        operator_chat,
        operator_language,
        contacts,
    })
}

fn validate_telegram(raw: RawTelegram) -> Result<TelegramConfig, ConfigError> {
    check_url(&raw.api_url, false).map_err(|m| invalid("telegram.api_url", m))?;

    let mode = match raw.mode.trim().to_ascii_lowercase().as_str() {
        "polling" => TelegramMode::Polling,
        "webhook" => TelegramMode::Webhook,
        _ => {
            return Err(invalid(
                "telegram.mode",
                format!(
                    "{:?} is not a mode; use \"polling\" or \"webhook\"",
                    raw.mode
                ),
            ))
        }
    };

    let mut admins = Vec::with_capacity(raw.admins.len());
    for id in raw.admins {
        if id <= 0 {
            return Err(invalid(
                "telegram.admins",
                format!("{id} is not a Telegram user id (ids are positive integers)"),
            ));
        }
        if admins.contains(&id) {
            return Err(invalid("telegram.admins", format!("{id} is listed twice")));
        }
        admins.push(id);
    }

    let listen = socket_addr("telegram.webhook.listen", &raw.webhook.listen)?;
    let url = raw.webhook.public_url;
    let public_url = if url.is_empty() {
        if mode == TelegramMode::Webhook {
            return Err(invalid(
                "telegram.webhook.public_url",
                "is required when telegram.mode = \"webhook\" (the https URL Telegram posts to)",
            ));
        }
        None
    } else {
        // Checked even in polling mode: a broken URL is a mistake worth reporting before
        // someone switches modes in production.
        let port = check_url(&url, true).map_err(|m| invalid("telegram.webhook.public_url", m))?;
        if let Some(port) = port.filter(|p| !WEBHOOK_PORTS.contains(p)) {
            return Err(invalid(
                "telegram.webhook.public_url",
                format!("port {port} is not accepted by Telegram; use 443, 80, 88 or 8443"),
            ));
        }
        Some(url)
    };

    Ok(TelegramConfig {
        api_url: raw.api_url,
        mode,
        admins,
        webhook: WebhookConfig { listen, public_url },
        flood: validate_flood(&raw.flood)?,
    })
}

fn validate_flood(raw: &RawFlood) -> Result<FloodConfig, ConfigError> {
    let ranged = |key: &str, value: i64, range: std::ops::RangeInclusive<u32>| {
        u32::try_from(value)
            .ok()
            .filter(|v| range.contains(v))
            .ok_or_else(|| {
                invalid(
                    key,
                    format!(
                        "{value} is out of range {}..={}",
                        range.start(),
                        range.end()
                    ),
                )
            })
    };
    Ok(FloodConfig {
        burst: ranged("telegram.flood.burst", raw.burst, 1..=1000)?,
        per_minute: ranged("telegram.flood.per_minute", raw.per_minute, 1..=6000)?,
        // teloxide queues at most 64 updates per chat and stops taking updates from
        // every chat while one chat's queue is full, so this must stay well below 64.
        pending: ranged("telegram.flood.pending", raw.pending, 1..=32)?,
        new_users_per_second: ranged(
            "telegram.flood.new_users_per_second",
            raw.new_users_per_second,
            1..=1000,
        )?,
        new_users_waiting: ranged(
            "telegram.flood.new_users_waiting",
            raw.new_users_waiting,
            0..=100_000,
        )?,
    })
}

fn validate_reminders(raw: RawReminders) -> Result<RemindersConfig, ConfigError> {
    const KEY: &str = "reminders.days_before";
    if raw.days_before.is_empty() {
        return Err(invalid(KEY, "must list at least one day, e.g. [7, 1]"));
    }
    let mut days_before: Vec<u32> = Vec::with_capacity(raw.days_before.len());
    for d in raw.days_before {
        let day = u32::try_from(d)
            .ok()
            .filter(|d| (1..=365).contains(d))
            .ok_or_else(|| invalid(KEY, format!("{d} is out of range 1..=365")))?;
        if days_before.contains(&day) {
            return Err(invalid(KEY, format!("{day} is listed twice")));
        }
        days_before.push(day);
    }
    days_before.sort_unstable_by(|a, b| b.cmp(a));

    let timezone: Tz = raw.timezone.parse().map_err(|_| {
        invalid(
            "reminders.timezone",
            format!(
                "{:?} is not an IANA time zone name (e.g. \"Asia/Almaty\")",
                raw.timezone
            ),
        )
    })?;

    let quiet_hours = QuietHours {
        start: time_of_day("reminders.quiet_hours.start", &raw.quiet_hours.start)?,
        end: time_of_day("reminders.quiet_hours.end", &raw.quiet_hours.end)?,
    };
    let send_at = time_of_day("reminders.send_at", &raw.send_at)?;
    if quiet_hours.contains(send_at) {
        return Err(invalid(
            "reminders.send_at",
            format!(
                "{} falls inside the quiet hours {}-{}; choose a time outside them",
                send_at.format("%H:%M"),
                quiet_hours.start.format("%H:%M"),
                quiet_hours.end.format("%H:%M"),
            ),
        ));
    }

    Ok(RemindersConfig {
        days_before,
        send_at,
        timezone,
        quiet_hours,
    })
}

/// `H:MM` or `HH:MM`, 24-hour clock. Written by hand because chrono's `%H:%M` also
/// accepts forms such as `10:0`, which we would rather reject as typos.
fn time_of_day(key: &str, s: &str) -> Result<NaiveTime, ConfigError> {
    let parsed = s.split_once(':').and_then(|(h, m)| {
        let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        if !(digits(h) && h.len() <= 2 && digits(m) && m.len() == 2) {
            return None;
        }
        NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
    });
    parsed.ok_or_else(|| invalid(key, format!("{s:?} is not a time of day HH:MM")))
}

fn socket_addr(key: &str, s: &str) -> Result<SocketAddr, ConfigError> {
    s.parse().map_err(|e| {
        invalid(
            key,
            format!("{s:?} is not an IP:port address such as \"127.0.0.1:8443\" ({e})"),
        )
    })
}

/// Checks `http(s)://host[:port][/…]` by hand (the crate has no direct URL dependency we
/// may touch) and returns the explicit port, if any. Credentials in the URL are refused
/// because the configuration must stay free of secrets.
fn check_url(s: &str, https_only: bool) -> Result<Option<u16>, String> {
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("{s:?} contains spaces or control characters"));
    }
    let lower = s.to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s["https://".len()..]
    } else if !https_only && lower.starts_with("http://") {
        &s["http://".len()..]
    } else if https_only {
        return Err(format!("{s:?} is not an https:// URL"));
    } else {
        return Err(format!("{s:?} is not an http:// or https:// URL"));
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(format!(
            "{s:?} contains credentials; the configuration must hold no secrets"
        ));
    }
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (addr, after) = v6
            .split_once(']')
            .ok_or_else(|| format!("{s:?} has an unclosed [ in its host"))?;
        if addr.parse::<Ipv6Addr>().is_err() {
            return Err(format!("{s:?} has an invalid IPv6 host"));
        }
        match after {
            "" => ("[v6]", None),
            p => match p.strip_prefix(':') {
                Some(port) => ("[v6]", Some(port)),
                None => return Err(format!("{s:?} has junk after its IPv6 host")),
            },
        }
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let label_ok = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    if host != "[v6]" && !host.split('.').all(label_ok) {
        return Err(format!("{s:?} has no valid host name"));
    }
    match port {
        None => Ok(None),
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 && p.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n)),
            _ => Err(format!("{s:?} has an invalid port {p:?}")),
        },
    }
}

// ---------------------------------------------------------------------------------------
// Raw layer: exactly the file's shape, defaults equal to the shipped file.

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawConfig {
    storage: RawStorage,
    i18n: RawI18n,
    rules: RawRules,
    telegram: RawTelegram,
    reminders: RawReminders,
    observability: RawObservability,
    privacy: RawPrivacy,
    handover: RawHandover,
    log: RawLog,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawHandover {
    operator_chat: RawChatId,
    operator_language: String,
    contacts: RawContacts,
}

impl Default for RawHandover {
    fn default() -> Self {
        RawHandover {
            operator_chat: RawChatId::Str(String::new()),
            operator_language: "ru".to_owned(),
            contacts: RawContacts::default(),
        }
    }
}

/// A chat id as written: a number, or text ("" for none, or the number in quotes, as an
/// environment override gives it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
enum RawChatId {
    Int(i64),
    Str(String),
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawContacts {
    en: String,
    ru: String,
    kk: String,
    uz: String,
    tg: String,
    ky: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawStorage {
    path: String,
}

impl Default for RawStorage {
    fn default() -> Self {
        RawStorage {
            path: "data/jolserik.sled".to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawI18n {
    default_language: String,
}

impl Default for RawI18n {
    fn default() -> Self {
        RawI18n {
            default_language: "ru".to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawRules {
    path: String,
    stale_after_days: i64,
}

impl Default for RawRules {
    fn default() -> Self {
        RawRules {
            path: String::new(),
            stale_after_days: 180,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawTelegram {
    api_url: String,
    mode: String,
    admins: Vec<i64>,
    webhook: RawWebhook,
    flood: RawFlood,
}

impl Default for RawTelegram {
    fn default() -> Self {
        RawTelegram {
            api_url: "https://api.telegram.org".to_owned(),
            mode: "polling".to_owned(),
            admins: Vec::new(),
            webhook: RawWebhook::default(),
            flood: RawFlood::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawFlood {
    burst: i64,
    per_minute: i64,
    pending: i64,
    new_users_per_second: i64,
    new_users_waiting: i64,
}

impl Default for RawFlood {
    /// Tuned for a person: eight buttons pressed as fast as one can read the
    /// questions, a message every three seconds after that, and a handful of photos sent
    /// at once. New users: a third of
    /// Telegram's 30 messages a second, so the users already in a dialogue keep the
    /// rest.
    fn default() -> Self {
        RawFlood {
            burst: 20,
            per_minute: 40,
            pending: 8,
            new_users_per_second: 10,
            new_users_waiting: 2000,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawWebhook {
    listen: String,
    public_url: String,
}

impl Default for RawWebhook {
    fn default() -> Self {
        RawWebhook {
            listen: "127.0.0.1:8443".to_owned(),
            public_url: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawReminders {
    days_before: Vec<i64>,
    send_at: String,
    timezone: String,
    quiet_hours: RawQuietHours,
}

impl Default for RawReminders {
    fn default() -> Self {
        RawReminders {
            days_before: vec![30, 14, 7, 3, 1],
            send_at: "10:00".to_owned(),
            timezone: "Asia/Almaty".to_owned(),
            quiet_hours: RawQuietHours::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawQuietHours {
    start: String,
    end: String,
}

impl Default for RawQuietHours {
    fn default() -> Self {
        RawQuietHours {
            start: "22:00".to_owned(),
            end: "08:00".to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawObservability {
    listen: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawPrivacy {
    retention_days: i64,
}

impl Default for RawPrivacy {
    fn default() -> Self {
        RawPrivacy {
            retention_days: 365,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawLog {
    level: String,
}

impl Default for RawLog {
    fn default() -> Self {
        RawLog {
            level: "info".to_owned(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Table walk and environment overrides

fn segments(key: &str) -> impl Iterator<Item = &str> {
    key.split('.')
}

fn leaf_kind(path: &[String]) -> Option<Kind> {
    KEYS.iter()
        .find(|(k, _)| segments(k).eq(path.iter().map(String::as_str)))
        .map(|&(_, kind)| kind)
}

/// The names directly under `path` (sections at the root), in `KEYS` order; empty when
/// `path` is not a table.
fn children(path: &[String]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (key, _) in KEYS {
        let segs: Vec<&'static str> = segments(key).collect();
        if segs.len() > path.len()
            && segs.iter().zip(path).all(|(a, b)| *a == b.as_str())
            && !out.contains(&segs[path.len()])
        {
            out.push(segs[path.len()]);
        }
    }
    out
}

/// Dotted form, quoting segments that are not bare TOML keys so that a quoted key such
/// as `"storage.path"` at the root is not mistaken for the real one in messages.
fn dotted(path: &[String]) -> String {
    let bare = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    path.iter()
        .map(|s| if bare(s) { s.clone() } else { format!("{s:?}") })
        .collect::<Vec<_>>()
        .join(".")
}

fn describe(v: &Value) -> String {
    let kind = match v {
        Value::String(_) => "string",
        Value::Integer(_) => "integer",
        Value::Float(_) => "float",
        Value::Boolean(_) => "boolean",
        Value::Datetime(_) => "date/time",
        Value::Array(_) => "array",
        Value::Table(_) => "table",
    };
    let mut shown = v.to_string();
    if shown.chars().count() > 40 {
        shown = shown.chars().take(40).collect::<String>() + "…";
    }
    format!("{kind} {shown}")
}

/// Walks the table against `KEYS`: unknown keys, secrets and wrong TOML types become
/// `(dotted key, message)`. Unquoted local times are turned into "HH:MM" strings here.
fn check_table(table: &mut Table, path: &mut Vec<String>) -> Result<(), (String, String)> {
    for (name, value) in table.iter_mut() {
        path.push(name.clone());
        if let Some(kind) = leaf_kind(path) {
            check_leaf(value, kind).map_err(|m| (dotted(path), m))?;
        } else if !children(path).is_empty() {
            match value {
                Value::Table(inner) => check_table(inner, path)?,
                other => {
                    let message = format!("expected a table, found {}", describe(other));
                    return Err((dotted(path), message));
                }
            }
        } else {
            return Err((dotted(path), unknown_key_message(path)));
        }
        path.pop();
    }
    Ok(())
}

fn unknown_key_message(path: &[String]) -> String {
    let name = path
        .last()
        .map(|s| s.to_ascii_lowercase())
        .unwrap_or_default();
    if name.contains("token") {
        return "the bot token is never read from the configuration file; remove this key \
                and set the TELOXIDE_TOKEN environment variable"
            .to_owned();
    }
    if name.contains("secret") {
        return "the webhook secret is never read from the configuration file; remove this \
                key and set the JOLSERIK_WEBHOOK_SECRET environment variable"
            .to_owned();
    }
    let parent = &path[..path.len().saturating_sub(1)];
    let known = children(parent).join(", ");
    if parent.is_empty() {
        format!("unknown section; known sections: {known}")
    } else {
        format!("unknown key; known keys here: {known}")
    }
}

fn check_leaf(value: &mut Value, kind: Kind) -> Result<(), String> {
    match (kind, &*value) {
        (Kind::Str | Kind::Time, Value::String(_))
        | (Kind::Int, Value::Integer(_))
        | (Kind::ChatId, Value::String(_) | Value::Integer(_)) => Ok(()),
        // TOML 1.1 reads `send_at = 10:00` as a local time; take it as the string meant.
        (Kind::Time, Value::Datetime(dt)) if dt.date.is_none() && dt.offset.is_none() => {
            if let Some(t) = dt.time {
                *value = Value::String(if t.second == 0 && t.nanosecond == 0 {
                    format!("{:02}:{:02}", t.hour, t.minute)
                } else {
                    t.to_string()
                });
            }
            Ok(())
        }
        (Kind::IntArray, Value::Array(items)) => {
            match items.iter().enumerate().find(|(_, v)| !v.is_integer()) {
                Some((i, bad)) => Err(format!(
                    "item {} is {}, expected an integer",
                    i + 1,
                    describe(bad)
                )),
                None => Ok(()),
            }
        }
        (kind, other) => Err(format!(
            "expected {}, found {}",
            kind.expected(),
            describe(other)
        )),
    }
}

/// "TOML syntax error at line L, column C: <what>"; toml's full rendering with the
/// offending line stays available as the error's source.
fn syntax_message(text: &str, e: &toml::de::Error) -> String {
    let what = e.message().trim_end();
    match e.span().and_then(|s| text.get(..s.start)) {
        Some(before) => {
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            format!("TOML syntax error at line {line}, column {column}: {what}")
        }
        None => format!("TOML syntax error: {what}"),
    }
}

/// Writes `JOLSERIK__…` overrides into `table` and returns which variable set which key,
/// so later errors can blame the variable instead of the file.
fn apply_env(
    table: &mut Table,
    env: impl IntoIterator<Item = (String, String)>,
) -> Result<BTreeMap<String, String>, ConfigError> {
    let mut vars: Vec<(String, String)> = env
        .into_iter()
        .filter(|(var, _)| {
            var.get(..ENV_PREFIX.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(ENV_PREFIX))
        })
        .collect();
    // Sorted so that the first error reported does not depend on the order of the
    // process environment.
    vars.sort();

    let mut from_env: BTreeMap<String, String> = BTreeMap::new();
    for (var, raw) in vars {
        let path: Vec<String> = var[ENV_PREFIX.len()..]
            .split("__")
            .map(str::to_ascii_lowercase)
            .collect();
        let Some(kind) = leaf_kind(&path) else {
            return Err(ConfigError::UnknownEnv { var });
        };
        let key = path.join(".");
        if let Some(other) = from_env.get(&key) {
            return Err(invalid(
                &key,
                format!("set by both {other} and {var}; keep one"),
            ));
        }
        insert_leaf(table, &path, env_value(&raw, kind));
        from_env.insert(key, var);
    }
    Ok(from_env)
}

/// The value as TOML when it parses as exactly one value, else the text itself. String
/// keys keep the text even when it looks like something else (`10:00` is a TOML time,
/// `2024` an integer), unless it is a quoted TOML string, whose quotes are removed.
fn env_value(raw: &str, kind: Kind) -> Value {
    let parsed = toml::from_str::<Table>(&format!("v = {raw}"))
        .ok()
        .filter(|t| t.len() == 1)
        .and_then(|mut t| t.remove("v"));
    match (kind, parsed) {
        (Kind::Str | Kind::Time, Some(Value::String(s))) => Value::String(s),
        (Kind::Str | Kind::Time, _) | (Kind::Int | Kind::IntArray | Kind::ChatId, None) => {
            Value::String(raw.to_owned())
        }
        (Kind::Int | Kind::IntArray | Kind::ChatId, Some(v)) => v,
    }
}

/// Sets a leaf, creating missing tables. If the file has a non-table where a table
/// belongs, it is left alone: the walk that follows reports it by key.
fn insert_leaf(table: &mut Table, path: &[String], value: Value) {
    let Some((leaf, parents)) = path.split_last() else {
        return;
    };
    let mut current = table;
    for name in parents {
        let entry = current
            .entry(name.clone())
            .or_insert_with(|| Value::Table(Table::new()));
        let Value::Table(inner) = entry else {
            return;
        };
        current = inner;
    }
    current.insert(leaf.clone(), value);
}

#[cfg(test)]
mod tests;
