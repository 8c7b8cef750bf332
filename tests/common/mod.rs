//! Helpers shared by every integration test binary (`tests/suite`, `tests/logs.rs`,
//! `tests/disk.rs`, `tests/fuzz.rs`): the one launcher of the built binary, which keeps
//! the developer's environment out; the one wait for a condition; an app over a fresh
//! store with a manual clock; the bot started against a local Bot API; a dialogue
//! driven to the plan; and a scan of the whole store for any trace of a user.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, ExitStatus};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use jolserik::app::{App, Data};
use jolserik::clock::Clock;
use jolserik::config::Config;
use jolserik::domain::{CountryCode, DocKind, Lang, Purpose};
use jolserik::engine::{Action, Command, Input};
use jolserik::store::Store;
use jolserik::telegram::{self, Options, Running, Token, Tuning, WebhookSecret};

/// The built `jolserik` binary, ready for the test's arguments and environment. Every
/// `JOLSERIK*` and `TELOXIDE*` variable and `RUST_LOG` of the developer's environment
/// is removed first: an exported `JOLSERIK__STORAGE__PATH` would otherwise point
/// `restore --force` or `delete` at their own store, and a token at Telegram. The rest
/// of the environment (`PATH`, `HOME`, the temporary directory) is kept.
pub fn jolserik_bin() -> Process {
    let mut cmd = Process::new(env!("CARGO_BIN_EXE_jolserik"));
    for (key, _) in std::env::vars_os() {
        let name = key.to_string_lossy();
        if name.starts_with("JOLSERIK")
            || name.starts_with("TELOXIDE")
            || name == "RUST_LOG"
            || name == "CREDENTIALS_DIRECTORY"
        {
            cmd.env_remove(&key);
        }
    }
    cmd
}

/// The bot's own log lines with a failing test, at the level of `RUST_LOG` (e.g.
/// `RUST_LOG=jolserik=debug`), warnings otherwise. Once per test binary.
pub fn show_bot_logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}

/// Sends a signal (`"-TERM"`, `"-USR1"`) to process `pid` with kill(1).
pub fn signal(pid: u32, name: &str) {
    let status = Process::new("kill")
        .args([name, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill {name} {pid}");
}

/// SIGTERM to `child`, then its exit status; fails the test if it has not exited
/// within `within`.
pub async fn exit_after_sigterm(child: &mut Child, within: Duration) -> ExitStatus {
    signal(child.id(), "-TERM");
    let deadline = Instant::now() + within;
    loop {
        if let Some(exit) = child.try_wait().unwrap() {
            return exit;
        }
        assert!(
            Instant::now() < deadline,
            "serve did not stop after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until `check` holds, looking every 20 ms; fails the test after `timeout`.
pub async fn wait_for(what: &str, timeout: Duration, check: impl Fn() -> bool) {
    let deadline = Instant::now() + timeout;
    while !check() {
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what} ({timeout:?})"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The configuration of a test store in `dir`, plus extra TOML.
pub fn config(dir: &Path, extra: &str) -> Config {
    Config::from_toml_str(
        &format!(
            "[storage]\npath = {:?}\n{extra}",
            store_path(dir).display().to_string()
        ),
        Vec::<(String, String)>::new(),
    )
    .unwrap()
}

pub fn store_path(dir: &Path) -> PathBuf {
    dir.join("store")
}

pub fn write_config(dir: &Path, extra: &str) -> PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(
        &path,
        format!(
            "[storage]\npath = {:?}\n{extra}",
            store_path(dir).display().to_string()
        ),
    )
    .unwrap();
    path
}

/// How the bot is started against a Bot API at `api_url` (the test double, or a proxy
/// in front of it): the double's token, and a webhook secret in webhook mode.
pub fn bot_options(api_url: String, tuning: Tuning, webhook_secret: Option<&str>) -> Options {
    Options {
        token: Token::parse(fake_bot_api::TOKEN).expect("the double's token"),
        webhook_secret: webhook_secret.map(|s| WebhookSecret::parse(s).expect("secret")),
        api_url,
        tuning,
    }
}

/// Starts the bot in this process against a Bot API at `api_url`, polling.
pub async fn start_bot_with(app: Arc<App>, api_url: String, tuning: Tuning) -> Running {
    telegram::start(app, bot_options(api_url, tuning, None))
        .await
        .unwrap()
}

/// [`start_bot_with`] the short timeouts and pauses of a local Bot API.
pub async fn start_bot(app: Arc<App>, api_url: String) -> Running {
    start_bot_with(app, api_url, Tuning::local()).await
}

pub fn open_app(dir: &Path, clock: &Clock, extra: &str) -> Arc<App> {
    let config = config(dir, extra);
    let data = Data::load(&config).unwrap();
    let store = Store::open(&config.storage.path).unwrap();
    Arc::new(App::new(config, clock.clone(), data, store))
}

/// A worker from Uzbekistan for a household, with a labour permit ending on
/// `permit_end` (dd.mm.yyyy), answered the way people type: the country typed with a
/// typo, dates typed. Returns the inputs, for tests that look for them in logs.
pub fn typed_dialogue(permit_end: &str) -> Vec<Input> {
    vec![
        Input::Command(Command::Start),
        Input::Button(Action::Lang(Lang::En)),
        Input::Button(Action::CountryOther),
        Input::Text("Uzbekistn".into()),
        Input::Button(Action::Yes),
        Input::Text("3.11.2026".into()),
        Input::Button(Action::PriorAbout),
        Input::Text("17".into()),
        Input::Button(Action::Purpose(Purpose::Work)),
        Input::Button(Action::Employer(jolserik::domain::Employer::Household)),
        Input::Button(Action::ToggleDoc(DocKind::LabourPermit)),
        Input::Button(Action::DocsDone),
        Input::Text(permit_end.into()),
        Input::Button(Action::Correct),
    ]
}

/// A visitor from Germany with a residence permit ending on `trp_end`, by buttons.
pub fn button_dialogue(trp_end: &str) -> Vec<Input> {
    vec![
        Input::Command(Command::Start),
        Input::Button(Action::Lang(Lang::Ru)),
        Input::Button(Action::Country(CountryCode::parse("DE").unwrap())),
        Input::Text("01.11.2026".into()),
        Input::Button(Action::PriorNone),
        Input::Button(Action::Purpose(Purpose::Visit)),
        Input::Button(Action::ToggleDoc(DocKind::Trp)),
        Input::Button(Action::DocsDone),
        Input::Text(trp_end.into()),
        Input::Button(Action::Correct),
    ]
}

pub fn run(app: &App, user: u64, inputs: &[Input]) {
    for input in inputs {
        app.handle(user, input, None).unwrap();
    }
}

/// Every place in the store where `user` appears: a key or value holding their id as
/// 8 big-endian bytes, or a value holding it in decimal (as JSON does). The
/// `catalogues` tree (rule catalogues, no personal data) is not searched.
pub fn traces_of(store: &Store, user: u64) -> Vec<String> {
    let be = user.to_be_bytes();
    let decimal = user.to_string();
    let mut found = Vec::new();
    for (tree, key, value) in store.all_entries().unwrap() {
        // The rule catalogues the bot served with are about no one; their text holds
        // many numbers, some of which are bound to read like a user id.
        if tree == "catalogues" {
            continue;
        }
        let in_key = contains(&key, &be);
        let in_value = contains(&value, &be) || contains(&value, decimal.as_bytes());
        if in_key || in_value {
            found.push(format!(
                "{tree}: key {key:02x?} value {}",
                String::from_utf8_lossy(&value)
            ));
        }
    }
    found
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}
