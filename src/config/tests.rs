//! The tests of `config`, in a file of their own so the module stays one a person can
//! hold.

use super::*;
use proptest::prelude::*;

const SHIPPED: &str = include_str!("../../config.toml");

fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::from_toml_str(text, [])
}

fn with_env(text: &str, pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
    Config::from_toml_str(text, env(pairs))
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// Dotted paths of every leaf (non-table value) in a table.
fn leaves(table: &Table, prefix: &str, out: &mut Vec<String>) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            Value::Table(t) => leaves(t, &key, out),
            _ => out.push(key),
        }
    }
}

fn sorted_keys() -> Vec<String> {
    let mut keys: Vec<String> = KEYS.iter().map(|(k, _)| (*k).to_owned()).collect();
    keys.sort();
    keys
}

/// Asserts the error is about `key` and that its message says so.
fn assert_names_key(result: Result<Config, ConfigError>, key: &str) -> ConfigError {
    let err = result.expect_err("should be rejected");
    assert_eq!(err.key(), Some(key), "wrong key in {err}");
    assert!(err.to_string().contains(key), "{err} does not name {key}");
    err
}

#[test]
fn shipped_file_equals_default() {
    assert_eq!(parse(SHIPPED).unwrap(), Config::default());
}

#[test]
fn default_values_are_the_documented_ones() {
    let c = Config::default();
    assert_eq!(c.storage.path, PathBuf::from("data/jolserik.sled"));
    assert_eq!(c.i18n.default_language, Lang::Ru);
    assert_eq!(c.rules.path, None);
    assert_eq!(c.telegram.api_url, "https://api.telegram.org");
    assert_eq!(c.telegram.mode, TelegramMode::Polling);
    assert!(c.telegram.admins.is_empty());
    assert_eq!(c.telegram.webhook.listen, "127.0.0.1:8443".parse().unwrap());
    assert_eq!(c.telegram.webhook.public_url, None);
    assert_eq!(c.reminders.days_before, vec![30, 14, 7, 3, 1]);
    assert_eq!(c.reminders.send_at, hm(10, 0));
    assert_eq!(c.reminders.timezone, chrono_tz::Asia::Almaty);
    assert_eq!(
        c.reminders.quiet_hours,
        QuietHours {
            start: hm(22, 0),
            end: hm(8, 0)
        }
    );
    assert_eq!(c.observability.listen, None);
    assert_eq!(c.privacy.retention_days, 365);
    assert_eq!(c.log.level, "info");
}

#[test]
fn shipped_file_lists_exactly_the_known_keys() {
    let table: Table = toml::from_str(SHIPPED).unwrap();
    let mut found = Vec::new();
    leaves(&table, "", &mut found);
    found.sort();
    assert_eq!(found, sorted_keys());
}

#[test]
fn raw_layer_has_exactly_the_known_keys() {
    let table = Table::try_from(RawConfig::default()).unwrap();
    let mut found = Vec::new();
    leaves(&table, "", &mut found);
    found.sort();
    assert_eq!(found, sorted_keys());
}

#[test]
fn every_key_in_shipped_file_is_commented() {
    let lines: Vec<&str> = SHIPPED.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let is_key = line
            .split_once(" = ")
            .is_some_and(|(k, _)| !k.starts_with('#') && !k.contains(' '));
        if is_key {
            let above = lines[..i].iter().rev().find(|l| !l.trim().is_empty());
            assert!(
                above.is_some_and(|l| l.starts_with('#')),
                "no comment above {line:?}"
            );
            let comment: String = lines[..i]
                .iter()
                .rev()
                .take_while(|l| l.starts_with('#'))
                .copied()
                .collect();
            assert!(comment.contains("Default:"), "no default for {line:?}");
            assert!(
                comment.contains("Allowed:"),
                "no allowed values for {line:?}"
            );
        }
    }
}

#[test]
fn summary_lists_every_key_in_file_order_without_secrets() {
    let rows = Config::default().summary();
    let keys: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
    let expected: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, expected);
    assert!(rows
        .iter()
        .all(|(k, v)| !k.contains("token") && !v.is_empty()));
    assert!(rows.contains(&("reminders.days_before".into(), "[30, 14, 7, 3, 1]".into())));
    assert!(rows.contains(&("reminders.send_at".into(), "10:00".into())));
    assert!(rows.contains(&("reminders.timezone".into(), "Asia/Almaty".into())));
}

#[test]
fn missing_keys_take_defaults() {
    assert_eq!(parse("").unwrap(), Config::default());
    let c = parse("[log]\nlevel = \"debug\"\n").unwrap();
    assert_eq!(c.log.level, "debug");
    assert_eq!(c.storage, Config::default().storage);
}

#[test]
fn load_reads_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, SHIPPED.replace("\"info\"", "\"warn\"")).unwrap();
    let c = Config::load(&path, []).unwrap();
    assert_eq!(c.log.level, "warn");
}

#[test]
fn missing_file_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.toml");
    let err = Config::load(&path, []).unwrap_err();
    assert!(matches!(err, ConfigError::Read { .. }));
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn syntax_error_gives_line_and_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[storage]\npath = \"x\"\nthis is not toml\n").unwrap();
    let err = Config::load(&path, []).unwrap_err();
    let shown = err.to_string();
    assert!(matches!(err, ConfigError::Parse { key: None, .. }));
    assert!(shown.contains(&path.display().to_string()), "{shown}");
    assert!(shown.contains("line 3"), "{shown}");
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn env_string_override_wins() {
    let c = with_env(SHIPPED, &[("JOLSERIK__I18N__DEFAULT_LANGUAGE", "en")]).unwrap();
    assert_eq!(c.i18n.default_language, Lang::En);
    let c = with_env(SHIPPED, &[("JOLSERIK__STORAGE__PATH", "/var/lib/j")]).unwrap();
    assert_eq!(c.storage.path, PathBuf::from("/var/lib/j"));
}

#[test]
fn env_number_override_wins() {
    let c = with_env(SHIPPED, &[("JOLSERIK__PRIVACY__RETENTION_DAYS", "30")]).unwrap();
    assert_eq!(c.privacy.retention_days, 30);
}

#[test]
fn env_array_override_wins() {
    let c = with_env(SHIPPED, &[("JOLSERIK__REMINDERS__DAYS_BEFORE", "[14,30]")]).unwrap();
    assert_eq!(c.reminders.days_before, vec![30, 14]);
    let c = with_env(SHIPPED, &[("JOLSERIK__TELEGRAM__ADMINS", "[42, 7]")]).unwrap();
    assert_eq!(c.telegram.admins, vec![42, 7]);
}

#[test]
fn env_nested_webhook_override_wins() {
    let c = with_env(
        SHIPPED,
        &[
            ("JOLSERIK__TELEGRAM__WEBHOOK__LISTEN", "0.0.0.0:9000"),
            ("JOLSERIK__TELEGRAM__MODE", "webhook"),
            (
                "JOLSERIK__TELEGRAM__WEBHOOK__PUBLIC_URL",
                "https://bot.example.kz/tg",
            ),
        ],
    )
    .unwrap();
    assert_eq!(c.telegram.webhook.listen, "0.0.0.0:9000".parse().unwrap());
    assert_eq!(c.telegram.mode, TelegramMode::Webhook);
    assert_eq!(
        c.telegram.webhook.public_url.as_deref(),
        Some("https://bot.example.kz/tg")
    );
}

#[test]
fn env_override_of_nested_inline_table_key() {
    let c = with_env(
        SHIPPED,
        &[("JOLSERIK__REMINDERS__QUIET_HOURS__START", "23:00")],
    )
    .unwrap();
    assert_eq!(c.reminders.quiet_hours.start, hm(23, 0));
    assert_eq!(c.reminders.quiet_hours.end, hm(8, 0));
}

#[test]
fn env_time_and_quoted_values_are_strings() {
    // `11:30` is a TOML time and `"debug"` a TOML string; both mean the text.
    let c = with_env(
        SHIPPED,
        &[
            ("JOLSERIK__REMINDERS__SEND_AT", "11:30"),
            ("JOLSERIK__LOG__LEVEL", "\"debug\""),
        ],
    )
    .unwrap();
    assert_eq!(c.reminders.send_at, hm(11, 30));
    assert_eq!(c.log.level, "debug");
}

#[test]
fn env_names_are_case_insensitive() {
    let c = with_env(SHIPPED, &[("jolserik__Log__LEVEL", "trace")]).unwrap();
    assert_eq!(c.log.level, "trace");
}

#[test]
fn env_unknown_key_names_the_variable() {
    for var in [
        "JOLSERIK__STORAGE__PTH",
        "JOLSERIK__NOPE__PATH",
        "JOLSERIK__TELEGRAM__WEBHOOK",
        "JOLSERIK__STORAGE",
        "JOLSERIK__",
        "JOLSERIK__STORAGE.PATH",
        "JOLSERIK__STORAGE__PATH__DEEPER",
    ] {
        let err = with_env(SHIPPED, &[(var, "x")]).unwrap_err();
        assert!(
            matches!(&err, ConfigError::UnknownEnv { var: v } if v == var),
            "{err}"
        );
        assert!(err.to_string().contains(var), "{err}");
    }
    let err = with_env(SHIPPED, &[("JOLSERIK__TELEGRAM__TOKEN", "123:abc")]).unwrap_err();
    assert!(err.to_string().contains("TELOXIDE_TOKEN"), "{err}");
    assert!(!err.to_string().contains("123:abc"), "{err}");
}

#[test]
fn unrelated_env_is_ignored() {
    let c = with_env(
        SHIPPED,
        &[
            ("JOLSERIK_WEBHOOK_SECRET", "s3cret"),
            ("TELOXIDE_TOKEN", "123:abc"),
            ("RUST_LOG", "debug"),
            ("PATH", "/usr/bin"),
            ("JOLSERIK", "x"),
            ("ЖОЛСЕРІК__X", "x"),
        ],
    )
    .unwrap();
    assert_eq!(c, Config::default());
}

#[test]
fn bad_env_value_blames_the_variable() {
    let err = assert_names_key(
        with_env(SHIPPED, &[("JOLSERIK__PRIVACY__RETENTION_DAYS", "0")]),
        "privacy.retention_days",
    );
    assert!(
        err.to_string()
            .contains("JOLSERIK__PRIVACY__RETENTION_DAYS"),
        "{err}"
    );
    let err = assert_names_key(
        with_env(SHIPPED, &[("JOLSERIK__TELEGRAM__ADMINS", "me")]),
        "telegram.admins",
    );
    assert!(
        err.to_string().contains("JOLSERIK__TELEGRAM__ADMINS"),
        "{err}"
    );
}

#[test]
fn env_setting_a_key_twice_is_an_error() {
    let result = with_env(
        SHIPPED,
        &[
            ("JOLSERIK__LOG__LEVEL", "info"),
            ("jolserik__log__level", "debug"),
        ],
    );
    assert_names_key(result, "log.level");
}

#[test]
fn unknown_file_keys_are_named() {
    assert_names_key(parse("[storage]\npth = \"x\"\n"), "storage.pth");
    assert_names_key(
        parse("[telegram.webhook]\nport = 1\n"),
        "telegram.webhook.port",
    );
    assert_names_key(
        parse("[reminders]\nquiet_hours = { from = \"1:00\" }\n"),
        "reminders.quiet_hours.from",
    );
    let err = assert_names_key(parse("[stroage]\npath = \"x\"\n"), "stroage");
    assert!(err.to_string().contains("known sections"), "{err}");
    let err = assert_names_key(parse("\"storage.path\" = \"x\"\n"), "\"storage.path\"");
    assert!(matches!(err, ConfigError::Parse { .. }));
}

#[test]
fn unknown_key_error_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[storage]\npth = \"x\"\n").unwrap();
    let err = Config::load(&path, []).unwrap_err();
    let shown = err.to_string();
    assert!(shown.contains(&path.display().to_string()), "{shown}");
    assert!(shown.contains("storage.pth"), "{shown}");
}

#[test]
fn secrets_in_the_file_are_refused() {
    let err = assert_names_key(parse("[telegram]\ntoken = \"123:abc\"\n"), "telegram.token");
    assert!(err.to_string().contains("TELOXIDE_TOKEN"), "{err}");
    assert!(!err.to_string().contains("123:abc"), "{err}");
    let err = assert_names_key(
        parse("[telegram.webhook]\nsecret = \"s\"\n"),
        "telegram.webhook.secret",
    );
    assert!(err.to_string().contains("JOLSERIK_WEBHOOK_SECRET"), "{err}");
}

#[test]
fn wrong_toml_types_are_named() {
    assert_names_key(
        parse("[privacy]\nretention_days = \"365\"\n"),
        "privacy.retention_days",
    );
    assert_names_key(
        parse("[reminders]\ndays_before = [30, \"7\"]\n"),
        "reminders.days_before",
    );
    assert_names_key(parse("[log]\nlevel = 3\n"), "log.level");
    assert_names_key(parse("storage = 3\n"), "storage");
    assert_names_key(parse("[telegram]\nwebhook = \"x\"\n"), "telegram.webhook");
}

#[test]
fn send_at_message_is_precise() {
    let err = parse("[reminders]\nsend_at = \"25:00\"\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "reminders.send_at: \"25:00\" is not a time of day HH:MM"
    );
}

#[test]
fn bad_values_name_their_key() {
    let cases: &[(&str, &str)] = &[
        ("[i18n]\ndefault_language = \"de\"", "i18n.default_language"),
        ("[reminders]\nsend_at = \"25:00\"", "reminders.send_at"),
        ("[reminders]\nsend_at = \"10:0\"", "reminders.send_at"),
        ("[reminders]\nsend_at = \"23:30\"", "reminders.send_at"),
        ("[reminders]\nsend_at = \"07:59\"", "reminders.send_at"),
        ("[reminders]\ndays_before = [0]", "reminders.days_before"),
        ("[reminders]\ndays_before = [366]", "reminders.days_before"),
        ("[reminders]\ndays_before = [7, 3, 7]", "reminders.days_before"),
        ("[reminders]\ndays_before = []", "reminders.days_before"),
        ("[reminders]\ntimezone = \"Mars/Olympus\"", "reminders.timezone"),
        (
            "[reminders]\nquiet_hours = { start = \"24:00\", end = \"08:00\" }",
            "reminders.quiet_hours.start",
        ),
        ("[telegram]\nadmins = [-5]", "telegram.admins"),
        ("[telegram]\nadmins = [0]", "telegram.admins"),
        ("[telegram]\nadmins = [5, 5]", "telegram.admins"),
        ("[telegram]\nmode = \"carrier-pigeon\"", "telegram.mode"),
        ("[telegram]\nmode = \"webhook\"", "telegram.webhook.public_url"),
        ("[telegram]\napi_url = \"ftp://api.telegram.org\"", "telegram.api_url"),
        ("[telegram]\napi_url = \"https://\"", "telegram.api_url"),
        ("[telegram]\napi_url = \"api.telegram.org\"", "telegram.api_url"),
        ("[telegram]\napi_url = \"https://u:p@host\"", "telegram.api_url"),
        ("[telegram]\napi_url = \"https://host:0\"", "telegram.api_url"),
        ("[telegram]\napi_url = \"https://ho st\"", "telegram.api_url"),
        (
            "[telegram]\nmode = \"webhook\"\n[telegram.webhook]\npublic_url = \"http://bot.kz\"",
            "telegram.webhook.public_url",
        ),
        (
            "[telegram]\nmode = \"webhook\"\n[telegram.webhook]\npublic_url = \"https://bot.kz:9000/x\"",
            "telegram.webhook.public_url",
        ),
        ("[telegram.webhook]\nlisten = \"localhost:8443\"", "telegram.webhook.listen"),
        ("[telegram.webhook]\npublic_url = \"nope\"", "telegram.webhook.public_url"),
        ("[observability]\nlisten = \"nope\"", "observability.listen"),
        ("[privacy]\nretention_days = 0", "privacy.retention_days"),
        ("[privacy]\nretention_days = 3651", "privacy.retention_days"),
        ("[privacy]\nretention_days = -1", "privacy.retention_days"),
        ("[log]\nlevel = \" \"", "log.level"),
        ("[storage]\npath = \"\"", "storage.path"),
        ("[rules]\npath = \"  \"", "rules.path"),
    ];
    for (text, key) in cases {
        let err = assert_names_key(parse(text), key);
        assert!(
            matches!(err, ConfigError::Invalid { .. }),
            "{text:?}: expected Invalid, got {err:?}"
        );
    }
}

#[test]
fn good_non_default_values_are_accepted() {
    let text = r#"
        [storage]
        path = "/var/lib/jolserik"
        [i18n]
        default_language = "KK"
        [rules]
        path = "rules.toml"
        [telegram]
        api_url = "http://127.0.0.1:8081/"
        mode = "webhook"
        admins = [123456789, 42]
        [telegram.webhook]
        listen = "[::1]:8443"
        public_url = "https://bot.example.kz:8443/hook"
        [reminders]
        days_before = [1, 60, 7]
        send_at = 09:30
        timezone = "UTC"
        quiet_hours = { start = "12:00", end = "12:00" }
        [observability]
        listen = "0.0.0.0:9464"
        [privacy]
        retention_days = 3650
        [log]
        level = "info,jolserik=debug"
    "#;
    let c = parse(text).unwrap();
    assert_eq!(c.i18n.default_language, Lang::Kk);
    assert_eq!(c.rules.path, Some(PathBuf::from("rules.toml")));
    assert_eq!(c.telegram.api_url, "http://127.0.0.1:8081/");
    assert_eq!(c.telegram.admins, vec![123456789, 42]);
    assert_eq!(c.telegram.webhook.listen, "[::1]:8443".parse().unwrap());
    assert_eq!(c.reminders.days_before, vec![60, 7, 1]);
    assert_eq!(c.reminders.send_at, hm(9, 30));
    assert_eq!(c.reminders.timezone, chrono_tz::UTC);
    assert_eq!(
        c.observability.listen,
        Some("0.0.0.0:9464".parse().unwrap())
    );
    assert_eq!(c.privacy.retention_days, 3650);
    assert!(check_url("https://[2001:db8::1]:443/x", true).is_ok());
}

#[test]
fn quiet_hours_wrap_midnight() {
    let night = QuietHours {
        start: hm(22, 0),
        end: hm(8, 0),
    };
    assert!(night.contains(hm(22, 0)));
    assert!(night.contains(hm(23, 59)));
    assert!(night.contains(hm(0, 0)));
    assert!(night.contains(hm(7, 59)));
    assert!(!night.contains(hm(8, 0)));
    assert!(!night.contains(hm(12, 0)));
    let lunch = QuietHours {
        start: hm(12, 0),
        end: hm(13, 0),
    };
    assert!(lunch.contains(hm(12, 30)));
    assert!(!lunch.contains(hm(13, 0)));
    assert!(!lunch.contains(hm(0, 0)));
    let none = QuietHours {
        start: hm(5, 0),
        end: hm(5, 0),
    };
    assert!(!none.contains(hm(5, 0)));
}

#[test]
fn handover_is_off_by_default_and_takes_a_group_id_from_file_or_environment() {
    let c = Config::default();
    assert!(!c.handover.is_on());
    assert_eq!(c.handover.operator_language, Lang::Ru);
    assert!(c.handover.contacts.is_empty());
    let c =
        parse("[handover]\noperator_chat = -100123\ncontacts = { uz = \" +7 700 \" }\n").unwrap();
    assert_eq!(c.handover.operator_chat, Some(-100123));
    assert_eq!(
        c.handover.contacts.get(&Lang::Uz).map(String::as_str),
        Some("+7 700")
    );
    let c = with_env(SHIPPED, &[("JOLSERIK__HANDOVER__OPERATOR_CHAT", "-42")]).unwrap();
    assert_eq!(c.handover.operator_chat, Some(-42));
    let c = with_env(SHIPPED, &[("JOLSERIK__HANDOVER__CONTACTS__RU", "Тел. 123")]).unwrap();
    assert_eq!(
        c.handover.contacts.get(&Lang::Ru).map(String::as_str),
        Some("Тел. 123")
    );
    assert!(Config::default()
        .summary()
        .contains(&("handover.operator_chat".into(), "(off)".into())));
}

#[test]
fn a_bad_operator_chat_or_language_is_refused_by_key() {
    assert_names_key(
        parse("[handover]\noperator_chat = \"the caseworkers\"\n"),
        "handover.operator_chat",
    );
    assert_names_key(
        parse("[handover]\noperator_chat = 5\n"),
        "handover.operator_chat",
    );
    assert_names_key(
        parse("[handover]\noperator_chat = true\n"),
        "handover.operator_chat",
    );
    assert_names_key(
        parse("[handover]\noperator_language = \"de\"\n"),
        "handover.operator_language",
    );
    assert_names_key(
        parse(&format!(
            "[handover]\ncontacts = {{ en = {:?} }}\n",
            "x".repeat(1001)
        )),
        "handover.contacts.en",
    );
}

const SECTIONS: &[&str] = &[
    "storage",
    "i18n",
    "rules",
    "telegram",
    "telegram.webhook",
    "reminders",
    "observability",
    "privacy",
    "handover",
    "handover.contacts",
    "log",
    "nonsense",
];

proptest! {
    #[test]
    fn arbitrary_file_body_never_panics(body in any::<String>()) {
        let _ = parse(&body);
    }

    #[test]
    fn arbitrary_toml_like_body_never_panics(
        section in proptest::sample::select(SECTIONS),
        key in "[a-z_]{1,16}",
        value in prop_oneof![
            any::<i64>().prop_map(|n| n.to_string()),
            any::<String>().prop_map(|s| format!("{s:?}")),
            "[0-9:]{0,6}".prop_map(|s| format!("{s:?}")),
            proptest::collection::vec(any::<i64>(), 0..5).prop_map(|v| format!("{v:?}")),
            Just("true".to_owned()),
            Just("10:00".to_owned()),
        ],
    ) {
        let _ = parse(&format!("[{section}]\n{key} = {value}\n"));
    }

    #[test]
    fn arbitrary_env_value_never_panics(
        i in 0..KEYS.len(),
        value in any::<String>(),
        suffix in "(__[A-Z_]{0,6})?",
    ) {
        let var = format!("JOLSERIK__{}{suffix}", KEYS[i].0.replace('.', "__"));
        let _ = with_env(SHIPPED, &[(var.as_str(), value.as_str())]);
    }

    #[test]
    fn quiet_hours_complement(
        a in 0u32..1440, b in 0u32..1440, t in 0u32..1440,
    ) {
        prop_assume!(a != b);
        let at = |m: u32| hm(m / 60, m % 60);
        let q = QuietHours { start: at(a), end: at(b) };
        let rest = QuietHours { start: at(b), end: at(a) };
        prop_assert_ne!(q.contains(at(t)), rest.contains(at(t)));
    }
}
