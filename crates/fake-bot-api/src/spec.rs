//! The Bot API as `api.json` describes it (Bot API 10.1; the subset the bot uses, in
//! `spec/` of this crate, compiled in), and the checks Telegram makes on a call that the
//! test double repeats: every required field present, every field of a documented type,
//! and the limits the field descriptions state ("1-4096 characters", "1-64 bytes"), down
//! through nested objects such as an inline keyboard's buttons.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde_json::{Map, Value};

/// The spec the double holds calls to: the methods the bot calls and the types they
/// reference, cut from the full spec by `spec/subset.py` (see `spec/README.md`).
pub const BUNDLED: &str = include_str!("../spec/api.json");

/// Nested objects deeper than this are not checked (Telegram's are shallow).
const MAX_DEPTH: usize = 16;

/// Why the spec could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SpecError {
    #[error("could not read the Bot API spec at {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the Bot API spec is not the expected JSON")]
    Json(#[source] serde_json::Error),
    #[error("the Bot API spec could not be loaded: {0}")]
    Cached(String),
}

/// A call Telegram would refuse, with the description it would give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

/// Methods and types by name, with their fields.
#[derive(Debug)]
pub struct Spec {
    /// Keyed by the lower-case name: teloxide sends `SendMessage`, others `sendMessage`.
    methods: HashMap<String, MethodSpec>,
    types: HashMap<String, TypeSpec>,
}

/// One method: its proper name and its parameters.
#[derive(Debug)]
pub struct MethodSpec {
    pub name: String,
    fields: Vec<FieldSpec>,
}

#[derive(Debug)]
struct TypeSpec {
    fields: Vec<FieldSpec>,
    /// For an abstract type (`BotCommandScope`): the concrete ones it stands for.
    subtypes: Vec<String>,
}

#[derive(Debug)]
struct FieldSpec {
    name: String,
    types: Vec<String>,
    required: bool,
    limit: Option<Limit>,
    /// "Scope type, must be default": the value a discriminating `type` field must have.
    must_be: Option<String>,
}

#[derive(Debug, Clone, Copy)]
struct Limit {
    min: usize,
    max: usize,
    bytes: bool,
}

#[derive(serde::Deserialize)]
struct RawSpec {
    methods: HashMap<String, RawEntry>,
    types: HashMap<String, RawEntry>,
}

#[derive(serde::Deserialize)]
struct RawEntry {
    name: String,
    #[serde(default)]
    fields: Vec<RawField>,
    #[serde(default)]
    subtypes: Vec<String>,
}

#[derive(serde::Deserialize)]
struct RawField {
    name: String,
    types: Vec<String>,
    required: bool,
    #[serde(default)]
    description: String,
}

impl Spec {
    /// The bundled spec ([`BUNDLED`]), parsed once per process.
    pub fn shared() -> Result<Arc<Spec>, SpecError> {
        static SPEC: OnceLock<Result<Arc<Spec>, String>> = OnceLock::new();
        SPEC.get_or_init(|| {
            Spec::parse(BUNDLED)
                .map(Arc::new)
                .map_err(|e| error_chain(&e))
        })
        .clone()
        .map_err(SpecError::Cached)
    }

    /// Another copy of `api.json` (the full spec, say), for [`crate::FakeBotApi::start_with`].
    pub fn load(path: &Path) -> Result<Spec, SpecError> {
        let text = std::fs::read_to_string(path).map_err(|source| SpecError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Spec::parse(&text)
    }

    pub fn parse(text: &str) -> Result<Spec, SpecError> {
        let raw: RawSpec = serde_json::from_str(text).map_err(SpecError::Json)?;
        let fields = |raw: Vec<RawField>| -> Vec<FieldSpec> {
            raw.into_iter()
                .map(|f| FieldSpec {
                    limit: parse_limit(&f.description),
                    must_be: (f.name == "type")
                        .then(|| parse_must_be(&f.description))
                        .flatten(),
                    name: f.name,
                    types: f.types,
                    required: f.required,
                })
                .collect()
        };
        let methods = raw
            .methods
            .into_values()
            .map(|m| {
                (
                    m.name.to_lowercase(),
                    MethodSpec {
                        name: m.name,
                        fields: fields(m.fields),
                    },
                )
            })
            .collect();
        let types = raw
            .types
            .into_values()
            .map(|t| {
                (
                    t.name,
                    TypeSpec {
                        fields: fields(t.fields),
                        subtypes: t.subtypes,
                    },
                )
            })
            .collect();
        Ok(Spec { methods, types })
    }

    /// The method called `name` in any letter case.
    pub fn method(&self, name: &str) -> Option<&MethodSpec> {
        self.methods.get(&name.to_lowercase())
    }

    /// Checks a call's parameters as Telegram would.
    pub fn check_call(
        &self,
        method: &MethodSpec,
        params: &Map<String, Value>,
    ) -> Result<(), Refusal> {
        self.check_fields(&method.fields, params, "", 0)
    }

    fn check_fields(
        &self,
        fields: &[FieldSpec],
        object: &Map<String, Value>,
        path: &str,
        depth: usize,
    ) -> Result<(), Refusal> {
        for field in fields {
            let at = if path.is_empty() {
                field.name.clone()
            } else {
                format!("{path}.{}", field.name)
            };
            match object.get(&field.name) {
                None | Some(Value::Null) if field.required => {
                    return Err(Refusal(if field.name == "text" && path.is_empty() {
                        "Bad Request: message text is empty".to_string()
                    } else {
                        format!("Bad Request: {at} is empty")
                    }));
                }
                None | Some(Value::Null) => {}
                Some(value) => self.check_field(field, value, &at, path.is_empty(), depth)?,
            }
        }
        Ok(())
    }

    fn check_field(
        &self,
        field: &FieldSpec,
        value: &Value,
        at: &str,
        top_level: bool,
        depth: usize,
    ) -> Result<(), Refusal> {
        // In a form or query string, objects and arrays arrive JSON-serialized.
        let parsed;
        let value = match value {
            Value::String(s) if expects_structure(&field.types) => {
                parsed = serde_json::from_str::<Value>(s)
                    .map_err(|_| Refusal(format!("Bad Request: can't parse {at} JSON object")))?;
                &parsed
            }
            v => v,
        };
        let mut first_error = None;
        let mut ok = false;
        for ty in &field.types {
            match self.check_type(ty, value, at, depth) {
                Ok(()) => {
                    ok = true;
                    break;
                }
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        if !ok {
            return Err(
                first_error.unwrap_or_else(|| Refusal(format!("Bad Request: {at} is invalid")))
            );
        }
        if let (Some(limit), Value::String(s)) = (field.limit, value) {
            let len = if limit.bytes {
                s.len()
            } else {
                s.chars().count()
            };
            if len < limit.min || len > limit.max {
                return Err(Refusal(limit_refusal(field, at, top_level, len, limit)));
            }
        }
        if let (Some(expected), Value::String(s)) = (&field.must_be, value) {
            if s != expected {
                return Err(Refusal(format!("Bad Request: {at} must be {expected}")));
            }
        }
        Ok(())
    }

    fn check_type(&self, ty: &str, value: &Value, at: &str, depth: usize) -> Result<(), Refusal> {
        if depth > MAX_DEPTH {
            return Ok(());
        }
        let wrong = || Refusal(format!("Bad Request: {at} must be {ty}"));
        if let Some(item) = ty.strip_prefix("Array of ") {
            let items = value.as_array().ok_or_else(wrong)?;
            for (i, v) in items.iter().enumerate() {
                self.check_type(item, v, &format!("{at}[{i}]"), depth + 1)?;
            }
            return Ok(());
        }
        let fits = match ty {
            "Integer" => {
                value.is_i64()
                    || value.is_u64()
                    || value.as_str().is_some_and(|s| s.parse::<i64>().is_ok())
            }
            "Float" => {
                value.is_number() || value.as_str().is_some_and(|s| s.parse::<f64>().is_ok())
            }
            "String" => value.is_string(),
            "Boolean" => value.is_boolean() || matches!(value.as_str(), Some("true" | "false")),
            "True" => value.as_bool() == Some(true) || value.as_str() == Some("true"),
            "InputFile" => true,
            name => {
                let Some(spec) = self.types.get(name) else {
                    // A type the spec does not describe: nothing to hold it to.
                    return Ok(());
                };
                if !spec.subtypes.is_empty() {
                    let mut first = None;
                    for sub in &spec.subtypes {
                        match self.check_type(sub, value, at, depth + 1) {
                            Ok(()) => return Ok(()),
                            Err(e) => {
                                first.get_or_insert(e);
                            }
                        }
                    }
                    return Err(first.unwrap_or_else(wrong));
                }
                let object = value.as_object().ok_or_else(wrong)?;
                return self.check_fields(&spec.fields, object, at, depth + 1);
            }
        };
        if fits {
            Ok(())
        } else {
            Err(wrong())
        }
    }
}

/// Whether a field's value is an object or array (sent as JSON text in forms).
fn expects_structure(types: &[String]) -> bool {
    types.iter().any(|t| {
        !matches!(
            t.as_str(),
            "Integer" | "String" | "Boolean" | "True" | "Float" | "InputFile"
        )
    })
}

/// Telegram's wording for the limits the bot can meet.
fn limit_refusal(field: &FieldSpec, at: &str, top_level: bool, len: usize, limit: Limit) -> String {
    match field.name.as_str() {
        "text" if top_level && len == 0 => "Bad Request: message text is empty".to_string(),
        "text" if top_level => "Bad Request: message is too long".to_string(),
        "callback_data" => "Bad Request: BUTTON_DATA_INVALID".to_string(),
        _ => format!(
            "Bad Request: {at} must be {}-{} {}",
            limit.min,
            limit.max,
            if limit.bytes { "bytes" } else { "characters" }
        ),
    }
}

/// Finds "N-M characters" or "N-M bytes" in a description.
fn parse_limit(description: &str) -> Option<Limit> {
    let words: Vec<&str> = description
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|pair| {
        let (min, max) = pair[0].split_once('-')?;
        let (min, max) = (min.parse().ok()?, max.parse().ok()?);
        match pair[1].trim_end_matches('.') {
            "characters" => Some(Limit {
                min,
                max,
                bytes: false,
            }),
            "bytes" => Some(Limit {
                min,
                max,
                bytes: true,
            }),
            _ => None,
        }
    })
}

/// Finds the value in "…, must be default".
fn parse_must_be(description: &str) -> Option<String> {
    let rest = description.split("must be ").nth(1)?;
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!word.is_empty()).then_some(word)
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec() -> Arc<Spec> {
        Spec::shared().expect("api.json")
    }

    fn check(method: &str, params: Value) -> Result<(), Refusal> {
        let spec = spec();
        let m = spec.method(method).expect("method");
        spec.check_call(m, params.as_object().expect("object"))
    }

    #[test]
    fn limits_are_read_from_descriptions() {
        let l =
            parse_limit("Text of the message to be sent, 1-4096 characters after entities parsing")
                .unwrap();
        assert_eq!((l.min, l.max, l.bytes), (1, 4096, false));
        let l = parse_limit("Optional. Data to be sent in a callback query, 1-64 bytes").unwrap();
        assert_eq!((l.min, l.max, l.bytes), (1, 64, true));
        assert!(parse_limit("Values between 1-100 are accepted").is_none());
        assert_eq!(
            parse_must_be("Scope type, must be default").as_deref(),
            Some("default")
        );
    }

    /// The bundled subset holds every method the double answers (and the bot calls),
    /// and no other: a method beyond it is "Not Found", as an unknown one is.
    #[test]
    fn the_bundled_spec_holds_the_methods_the_bot_calls() {
        let spec = spec();
        for name in [
            "getUpdates",
            "getWebhookInfo",
            "deleteWebhook",
            "setWebhook",
            "getMe",
            "sendMessage",
            "sendDocument",
            "editMessageText",
            "editMessageReplyMarkup",
            "answerCallbackQuery",
            "setMyCommands",
            "getMyCommands",
            "setMyDescription",
            "setMyShortDescription",
            "getChat",
            "createForumTopic",
            "setMessageReaction",
            "copyMessage",
        ] {
            assert_eq!(spec.method(name).map(|m| m.name.as_str()), Some(name));
        }
        assert_eq!(spec.methods.len(), 18);
        assert!(spec.method("sendPhoto").is_none());
        // The types their parameters name are there, down to a button's fields.
        for name in ["InlineKeyboardMarkup", "InlineKeyboardButton", "BotCommand"] {
            assert!(spec.types.contains_key(name), "{name}");
        }
        assert!(spec.types["BotCommandScope"].subtypes.len() > 1);
    }

    #[test]
    fn methods_are_found_in_any_case() {
        let spec = spec();
        assert_eq!(spec.method("SendMessage").unwrap().name, "sendMessage");
        assert_eq!(spec.method("getupdates").unwrap().name, "getUpdates");
        assert!(spec.method("sendTelegram").is_none());
    }

    #[test]
    fn telegram_refusals_are_repeated() {
        assert!(check("sendMessage", json!({"chat_id": 1, "text": "hi"})).is_ok());
        assert_eq!(
            check("sendMessage", json!({"chat_id": 1})).unwrap_err().0,
            "Bad Request: message text is empty"
        );
        assert_eq!(
            check("sendMessage", json!({"chat_id": 1, "text": ""}))
                .unwrap_err()
                .0,
            "Bad Request: message text is empty"
        );
        assert_eq!(
            check(
                "sendMessage",
                json!({"chat_id": 1, "text": "я".repeat(4097)})
            )
            .unwrap_err()
            .0,
            "Bad Request: message is too long"
        );
        assert!(check(
            "sendMessage",
            json!({"chat_id": 1, "text": "я".repeat(4096)})
        )
        .is_ok());
        assert_eq!(
            check("sendMessage", json!({"text": "hi"})).unwrap_err().0,
            "Bad Request: chat_id is empty"
        );
        let keyboard = |data: &str| {
            json!({"chat_id": 1, "text": "q", "reply_markup": {
                "inline_keyboard": [[{"text": "A", "callback_data": data}]]}})
        };
        assert!(check("sendMessage", keyboard("1:ok")).is_ok());
        assert_eq!(
            check("sendMessage", keyboard(&"x".repeat(65)))
                .unwrap_err()
                .0,
            "Bad Request: BUTTON_DATA_INVALID"
        );
        assert!(check("sendMessage", keyboard("")).is_err());
        let no_text = json!({"chat_id": 1, "text": "q", "reply_markup": {
            "inline_keyboard": [[{"callback_data": "1:ok"}]]}});
        assert!(check("sendMessage", no_text).is_err());
        assert!(check(
            "setMyCommands",
            json!({"commands": [{"command": "start", "description": "Start"}],
                   "scope": {"type": "default"}, "language_code": "kk"})
        )
        .is_ok());
        assert!(check(
            "setMyCommands",
            json!({"commands": [{"command": "start", "description": ""}]})
        )
        .is_err());
        assert!(check(
            "setMyCommands",
            json!({"commands": [], "scope": {"type": "nonsense"}})
        )
        .is_err());
        assert!(check(
            "setMyShortDescription",
            json!({"short_description": "x".repeat(121)})
        )
        .is_err());
        // Form bodies carry objects as JSON text.
        assert!(check(
            "sendMessage",
            json!({"chat_id": "1", "text": "q",
                   "reply_markup": "{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"1:ok\"}]]}"})
        )
        .is_ok());
    }
}
