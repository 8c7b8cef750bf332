//! The load harness: measures the real bot under many users, on this machine, with no
//! network. Each mode prints what it measured in words (stderr) and one line
//! `RESULT {json}` (stdout); `--repeat N` runs the mode N times, each in a fresh
//! process (so peak memory is per run), and prints the median, min and max of every
//! figure.
//!
//! - `steps`: the shared pipeline alone. `App::handle` driven directly by `--concurrent`
//!   threads, each user doing the whole dialogue to the plan; every step is on disk
//!   before it returns. `--backend sqlite` runs the same dialogue with teloxide's
//!   `SqliteStorage` in place of our store (build with `--features sqlite-baseline`);
//!   `--backend both` runs ours, then SQLite, in the same process, and prints the ratio.
//! - `e2e`: end to end. The Bot API test double on 127.0.0.1 and the real bot
//!   (`telegram::start`: teloxide's polling, dispatcher, handlers, the store) in this
//!   process; simulated users send messages and press buttons through `getUpdates`, and
//!   wait for each answer before the next step. Reports updates/s, update-to-reply
//!   latency, CPU, peak RSS, bytes on disk per user and start-up time.
//! - `reminders`: `--due` reminders already due when the bot starts, a global send
//!   limit in the double (`--limit` per second, 429 above it) and the same limit in the
//!   bot's Throttle. Reports the rate achieved as a fraction of the limit, 429s, lost
//!   and duplicated messages, and whether the most urgent went first.
//! - `startup`: opens an existing store (`--store`, e.g. kept by `steps --keep`) and
//!   starts the bot against the double: the time until it takes updates, and the memory.
//!
//! Run with `cargo run --release --example load -- <mode> ...`; see BENCHMARKS.md.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use fake_bot_api::{self as fake_api, Call, FakeBotApi, Observer};
use serde_json::{json, Map, Value};
use tokio::sync::mpsc;

use jolserik::app::App;
use jolserik::clock::{parse_instant, Clock};
use jolserik::config::Config;
use jolserik::domain::{CountryCode, Employer, Lang, Purpose};
use jolserik::engine::{Action, Command, Input};
use jolserik::reminders::Reminder;
use jolserik::rules::DeadlineKind;
use jolserik::store::{Store, UserRecord};
use jolserik::telegram::{self, keyboard, Options, Token, Tuning};
use jolserik::text::Msg;

/// The bot's clock starts here: a weekday morning in Almaty, outside the quiet hours.
const NOW: &str = "2026-11-21T10:00:00+05:00";
/// Simulated users' ids start here.
const FIRST_USER: u64 = 10_000_000;
const LANGS: [Lang; 3] = [Lang::Ru, Lang::Kk, Lang::En];

#[derive(Parser)]
#[command(about = "Load harness for the Jolserik bot (see BENCHMARKS.md)")]
struct Cli {
    /// Run the mode this many times, each in a fresh process, and summarise.
    #[arg(long, default_value_t = 1)]
    repeat: usize,
    #[command(subcommand)]
    mode: Mode,
}

#[derive(Subcommand, Clone)]
enum Mode {
    /// `App::handle` directly: durable dialogue steps.
    Steps {
        #[arg(long, default_value_t = 10_000)]
        users: u64,
        #[arg(long, default_value_t = 1_000)]
        concurrent: u64,
        /// Steps per second the users offer together; 0 sends each step as soon as
        /// the previous one is answered (to measure the capacity).
        #[arg(long, default_value_t = 0)]
        rate: u64,
        #[arg(long, value_enum, default_value_t = Backend::Sled)]
        backend: Backend,
        /// Keep the store in this directory (it must not exist) instead of a temporary one.
        #[arg(long)]
        keep: Option<PathBuf>,
    },
    /// The real bot against the Bot API test double.
    E2e {
        /// Users who do the whole dialogue, `--concurrent` at a time.
        #[arg(long, default_value_t = 1_000)]
        users: u64,
        #[arg(long, default_value_t = 1_000)]
        concurrent: u64,
        /// Updates per second the users offer together; 0 sends each step as soon as
        /// the previous one is answered (to measure the capacity).
        #[arg(long, default_value_t = 0)]
        rate: u64,
        /// Keep the store in this directory (it must not exist).
        #[arg(long, conflicts_with = "reuse")]
        keep: Option<PathBuf>,
        /// Run on this existing store (e.g. 100,000 users kept by `steps --keep`).
        #[arg(long)]
        reuse: Option<PathBuf>,
    },
    /// Reminders already due, sent under a global limit.
    Reminders {
        #[arg(long, default_value_t = 100_000)]
        due: u64,
        /// Messages per second the double accepts (429 above).
        #[arg(long, default_value_t = 1_000)]
        limit: u32,
        /// The bot's Throttle limit as a fraction of the double's.
        #[arg(long, default_value_t = 0.98)]
        throttle_fraction: f64,
    },
    /// Open an existing store and start the bot.
    Startup {
        #[arg(long)]
        store: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Backend {
    Sled,
    Sqlite,
    Both,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cli = Cli::parse();
    if cli.repeat > 1 {
        return repeat(cli.repeat);
    }
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("error"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
    let result = match cli.mode {
        Mode::Steps {
            users,
            concurrent,
            rate,
            backend,
            keep,
        } => steps(users, concurrent, rate, backend, keep)?,
        Mode::E2e {
            users,
            concurrent,
            rate,
            keep,
            reuse,
        } => e2e(users, concurrent, rate, keep, reuse)?,
        Mode::Reminders {
            due,
            limit,
            throttle_fraction,
        } => reminders(due, limit, throttle_fraction)?,
        Mode::Startup { store } => startup(store)?,
    };
    println!("RESULT {result}");
    Ok(())
}

// ---- the dialogue ---------------------------------------------------------------------

/// The dialogue every simulated user has, through `App::handle`: Russian, Kazakh or
/// English; a worker from Uzbekistan for a company; dates typed; no documents.
fn dialogue(lang: Lang) -> Vec<Input> {
    vec![
        Input::Command(Command::Start),
        Input::Button(Action::Lang(lang)),
        Input::Button(Action::Country(CountryCode::parse("UZ").expect("UZ"))),
        Input::Text("01.11.2026".into()),
        Input::Button(Action::PriorNone),
        Input::Button(Action::Purpose(Purpose::Work)),
        Input::Button(Action::Employer(Employer::Company)),
        Input::Button(Action::DocsNone),
        Input::Button(Action::Correct),
    ]
}

/// The same dialogue in Telegram: what the user sends, and the answer they wait for
/// (a button of the next question; the plan's checklist at the end).
enum Say {
    Text(&'static str),
    Press(String),
}

enum Expect {
    Button(String),
    Text(String),
}

fn telegram_dialogue(app: &App, lang: Lang) -> Vec<(Say, Expect)> {
    let button = |d: &str| Expect::Button(d.to_string());
    let lang_button = format!("1:l:{}", lang.code());
    vec![
        (Say::Text("/start"), button(&lang_button)),
        (Say::Press(lang_button.clone()), button("1:c:UZ")),
        (Say::Press("1:c:UZ".into()), button("1:td")),
        (Say::Text("01.11.2026"), button("1:p0")),
        (Say::Press("1:p0".into()), button("1:u:work")),
        (Say::Press("1:u:work".into()), button("1:m:company")),
        (Say::Press("1:m:company".into()), button("1:d0")),
        (Say::Press("1:d0".into()), button("1:ok")),
        (
            Say::Press("1:ok".into()),
            Expect::Text(keyboard::render(app, lang, &Msg::new("plan-actions"))),
        ),
    ]
}

// ---- measuring --------------------------------------------------------------------------

/// CPU time of this process so far (user + system, every thread), from /proc.
fn cpu_seconds() -> f64 {
    // Fields 14 and 15 of /proc/self/stat, after the command name in parentheses, in
    // clock ticks (100 per second on Linux).
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // After ")": state is field 3, so utime (14) is index 11 and stime (15) index 12.
    (ticks(11) + ticks(12)) / 100.0
}

/// Peak resident memory of this process, in MiB (VmHWM).
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0)
}

/// Bytes of every file under `path` (what `du --apparent-size` counts).
fn dir_bytes(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_bytes(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// Bytes of keys and values in each tree: the data itself, without sled's overhead.
fn logical_bytes(
    store: &Store,
) -> Result<std::collections::BTreeMap<String, u64>, Box<dyn std::error::Error>> {
    let mut sizes = std::collections::BTreeMap::new();
    store.snapshot(&mut |tree, key, value| {
        *sizes.entry(tree.to_string()).or_insert(0) += (key.len() + value.len()) as u64;
        Ok(())
    })?;
    Ok(sizes)
}

/// With an offered rate: the rate achieved while every user was active, i.e. after the
/// staggered start (`spread`) and as long before the last send; `None` for a run too
/// short to have such a stretch.
fn steady_rate(sent_us: &[u64], spread: Duration) -> Option<f64> {
    let last = *sent_us.iter().max()?;
    let lo = u64::try_from(spread.as_micros()).ok()?;
    let hi = last.saturating_sub(lo);
    if hi <= lo {
        return None;
    }
    let n = sent_us.iter().filter(|t| (lo..hi).contains(*t)).count();
    Some(n as f64 / ((hi - lo) as f64 / 1e6))
}

/// Latency percentiles in milliseconds, from microseconds.
fn percentiles(out: &mut Map<String, Value>, prefix: &str, mut micros: Vec<u32>) {
    micros.sort_unstable();
    let at = |q: f64| -> f64 {
        if micros.is_empty() {
            return 0.0;
        }
        let i = ((micros.len() as f64 - 1.0) * q).round() as usize;
        f64::from(micros[i.min(micros.len() - 1)]) / 1000.0
    };
    for (name, q) in [("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("max", 1.0)] {
        out.insert(format!("{prefix}_{name}_ms"), json!(round3(at(q))));
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn micros(d: Duration) -> u32 {
    u32::try_from(d.as_micros()).unwrap_or(u32::MAX)
}

/// A store directory: kept where asked, or temporary.
struct StoreDir {
    path: PathBuf,
    _temp: Option<tempfile::TempDir>,
}

impl StoreDir {
    fn new(keep: Option<PathBuf>) -> std::io::Result<StoreDir> {
        Ok(match keep {
            Some(path) => {
                if path.exists() {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::AlreadyExists,
                        format!("{} exists; --keep wants a new directory", path.display()),
                    ));
                }
                StoreDir { path, _temp: None }
            }
            None => {
                // Next to the target directory, not /tmp: the same disk as a deployment
                // would use, and not a RAM disk on machines where /tmp is one.
                let base = std::env::current_dir()?.join("target");
                std::fs::create_dir_all(&base)?;
                let temp = tempfile::Builder::new()
                    .prefix("load-store-")
                    .tempdir_in(base)?;
                StoreDir {
                    path: temp.path().join("store"),
                    _temp: Some(temp),
                }
            }
        })
    }
}

fn config(store: &Path, api_url: Option<&str>) -> Result<Config, Box<dyn std::error::Error>> {
    let mut toml = format!("[storage]\npath = {:?}\n", store.display().to_string());
    if let Some(url) = api_url {
        toml.push_str(&format!("[telegram]\napi_url = {url:?}\n"));
        // The harness measures throughput: its simulated users answer at machine speed
        // and thousands start at once, far over the flood limits meant for people
        // (those are measured by `tests/suite/flood.rs`).
        toml.push_str(
            "[telegram.flood]\nburst = 1000\nper_minute = 6000\npending = 32\n\
             new_users_per_second = 1000\nnew_users_waiting = 100000\n",
        );
    }
    Ok(Config::from_toml_str(&toml, std::iter::empty())?)
}

fn clock() -> Result<Clock, Box<dyn std::error::Error>> {
    Ok(Clock::starting_at(parse_instant(NOW)?))
}

// ---- steps -------------------------------------------------------------------------------

fn steps(
    users: u64,
    concurrent: u64,
    rate: u64,
    backend: Backend,
    keep: Option<PathBuf>,
) -> Result<Value, Box<dyn std::error::Error>> {
    let mut out = Map::new();
    out.insert("mode".into(), json!("steps"));
    out.insert("users".into(), json!(users));
    out.insert("concurrent".into(), json!(concurrent));
    out.insert("offered_per_s".into(), json!(rate));
    if matches!(backend, Backend::Sled | Backend::Both) {
        let sled = steps_sled(users, concurrent, rate, keep)?;
        for (k, v) in sled {
            out.insert(k, v);
        }
    }
    if matches!(backend, Backend::Sqlite | Backend::Both) {
        let sqlite = steps_sqlite(users, concurrent, rate)?;
        for (k, v) in sqlite {
            out.insert(format!("sqlite_{k}"), v);
        }
    }
    if let (Some(ours), Some(theirs)) = (
        out.get("steps_per_s").and_then(Value::as_f64),
        out.get("sqlite_steps_per_s").and_then(Value::as_f64),
    ) {
        let ratio = round3(ours / theirs.max(f64::MIN_POSITIVE));
        eprintln!("ratio (ours / SqliteStorage): {ratio}×");
        out.insert("ratio_vs_sqlite".into(), json!(ratio));
    }
    Ok(Value::Object(out))
}

/// What one steps run measured, before it becomes JSON.
struct StepRun {
    steps: u64,
    wall: Duration,
    cpu: f64,
    latencies: Vec<u32>,
    /// When each step was sent, µs from the start.
    sent: Vec<u64>,
    /// How long the staggered start took (offered rate only).
    spread: Option<Duration>,
    failures: u64,
}

impl StepRun {
    fn report(self, label: &str, users: u64) -> Map<String, Value> {
        let mut out = Map::new();
        let secs = self.wall.as_secs_f64();
        let rate = self.steps as f64 / secs;
        out.insert("steps".into(), json!(self.steps));
        out.insert("wall_s".into(), json!(round3(secs)));
        out.insert("steps_per_s".into(), json!(rate.round()));
        out.insert("cpu_s".into(), json!(round3(self.cpu)));
        out.insert(
            "cpu_us_per_step".into(),
            json!((self.cpu * 1e6 / self.steps.max(1) as f64).round()),
        );
        out.insert("failures".into(), json!(self.failures));
        percentiles(&mut out, "step", self.latencies);
        if let Some(rate) = self
            .spread
            .and_then(|spread| steady_rate(&self.sent, spread))
        {
            out.insert("achieved_per_s".into(), json!(rate.round()));
        }
        eprintln!(
            "{label}: {users} users, {} steps in {secs:.2} s = {rate:.0} steps/s; step p50 {} ms, p95 {} ms, p99 {} ms, max {} ms; CPU {:.2} s = {} µs/step; failures {}",
            self.steps,
            out["step_p50_ms"],
            out["step_p95_ms"],
            out["step_p99_ms"],
            out["step_max_ms"],
            self.cpu,
            out["cpu_us_per_step"],
            self.failures
        );
        out
    }
}

/// Runs `concurrent` simulated users as tasks, each taking the next of `users` and
/// doing its whole dialogue through `step` (which answers whether the reply was the
/// plan, or `None` for a failure). With `rate` > 0 the users together offer that many
/// steps a second, each pausing between its steps (a person reading the answer), and
/// a step's latency counts from when it was due, so a backlog shows; with 0, each
/// user sends its next step as soon as it has the answer (the capacity).
async fn drive<F, Fut>(users: u64, concurrent: u64, rate: u64, step: F) -> StepRun
where
    F: Fn(u64, Lang, Input) -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Option<bool>> + Send,
{
    let next = Arc::new(AtomicU64::new(0));
    let failures = Arc::new(AtomicU64::new(0));
    // Each user's pause between steps, so that all of them together offer `rate`.
    let interval = (rate > 0).then(|| Duration::from_secs_f64(concurrent as f64 / rate as f64));
    let (began, cpu0) = (Instant::now(), cpu_seconds());
    let tasks: Vec<_> = (0..concurrent)
        .map(|task| {
            let (next, failures, step) = (next.clone(), failures.clone(), step.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut sent_at = Vec::new();
                // Spread the users' first steps over a whole dialogue, so that at any
                // moment they are at every step in equal numbers (started together, all
                // would reach the plan at once, every ninth interval).
                let phase = dialogue(Lang::En).len() as f64 * task as f64 / concurrent as f64;
                let mut due = tokio::time::Instant::now()
                    + interval.map_or(Duration::ZERO, |i| i.mul_f64(phase));
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= users {
                        break;
                    }
                    let lang = LANGS[usize::try_from(i % 3).unwrap_or(0)];
                    let mut reached = false;
                    for input in dialogue(lang) {
                        let sent = match interval {
                            Some(pause) => {
                                tokio::time::sleep_until(due).await;
                                let sent = due;
                                due += pause;
                                sent.into_std()
                            }
                            None => Instant::now(),
                        };
                        match step(FIRST_USER + i, lang, input).await {
                            Some(plan) => reached |= plan,
                            None => {
                                failures.fetch_add(1, Ordering::Relaxed);
                            }
                        }
                        latencies.push(micros(sent.elapsed()));
                        sent_at.push(sent.saturating_duration_since(began).as_micros() as u64);
                    }
                    if !reached {
                        failures.fetch_add(1, Ordering::Relaxed);
                    }
                }
                (latencies, sent_at)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut sent = Vec::new();
    for t in tasks {
        match t.await {
            Ok((l, s)) => {
                latencies.extend(l);
                sent.extend(s);
            }
            Err(_) => {
                failures.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
    StepRun {
        steps: latencies.len() as u64,
        wall: began.elapsed(),
        cpu: cpu_seconds() - cpu0,
        latencies,
        sent,
        spread: interval.map(|i| i.mul_f64(dialogue(Lang::En).len() as f64)),
        failures: failures.load(Ordering::Relaxed),
    }
}

/// Our pipeline: `App::handle` on tokio's blocking pool, as the Telegram handler runs
/// it; it returns once the new state is on disk.
fn steps_sled(
    users: u64,
    concurrent: u64,
    rate: u64,
    keep: Option<PathBuf>,
) -> Result<Map<String, Value>, Box<dyn std::error::Error>> {
    let dir = StoreDir::new(keep)?;
    let opened = Instant::now();
    let app = Arc::new(App::open(config(&dir.path, None)?, clock()?)?);
    let open_ms = opened.elapsed().as_secs_f64() * 1000.0;
    // The runtime `serve` uses: its blocking pool is where `App::handle` runs.
    let run = telegram::runtime()?.block_on({
        let app = app.clone();
        drive(users, concurrent, rate, move |user, lang, input| {
            let app = app.clone();
            async move {
                let handled =
                    tokio::task::spawn_blocking(move || app.handle(user, &input, Some(lang)))
                        .await
                        .ok()?
                        .ok()?;
                Some(handled.replies.iter().any(|r| r.msg.id == "plan-actions"))
            }
        })
    });
    let mut out = run.report("sled (ours)", users);
    app.store.sync()?;
    let users_stored = app.store.user_count() as u64;
    let reminders = app.store.queued_reminders();
    let logical = logical_bytes(&app.store)?;
    drop(app);
    let bytes = dir_bytes(&dir.path);
    let per_user = bytes as f64 / users_stored.max(1) as f64;
    let mut trees = Map::new();
    for (tree, n) in &logical {
        trees.insert(
            tree.clone(),
            json!((*n as f64 / users_stored.max(1) as f64).round()),
        );
    }
    let logical_total: u64 = logical.values().sum();
    eprintln!(
        "data: {} bytes/user of keys and values ({}); sled writes {:.1}× that",
        (logical_total as f64 / users_stored.max(1) as f64).round(),
        logical
            .iter()
            .map(|(t, n)| format!("{t} {:.0}", *n as f64 / users_stored.max(1) as f64))
            .collect::<Vec<_>>()
            .join(", "),
        bytes as f64 / logical_total.max(1) as f64
    );
    out.insert(
        "data_bytes_per_user".into(),
        json!((logical_total as f64 / users_stored.max(1) as f64).round()),
    );
    out.insert("data_bytes_per_user_by_tree".into(), Value::Object(trees));
    eprintln!(
        "store: {users_stored} users, {reminders} reminders queued, {:.1} MiB on disk = {per_user:.0} bytes/user; opened in {open_ms:.1} ms; peak RSS {:.1} MiB",
        bytes as f64 / 1048576.0,
        peak_rss_mib()
    );
    out.insert("users_stored".into(), json!(users_stored));
    out.insert("reminders_queued".into(), json!(reminders));
    out.insert("disk_bytes".into(), json!(bytes));
    out.insert("disk_bytes_per_user".into(), json!(per_user.round()));
    out.insert("peak_rss_mib".into(), json!(round3(peak_rss_mib())));
    Ok(out)
}

#[cfg(not(feature = "sqlite-baseline"))]
fn steps_sqlite(_: u64, _: u64, _: u64) -> Result<Map<String, Value>, Box<dyn std::error::Error>> {
    Err("the SQLite baseline needs `--features sqlite-baseline`".into())
}

/// The same pipeline as `App::handle` (load, engine step, save when changed, then the
/// reply) with teloxide's `SqliteStorage<Json>` holding the same record. What a
/// teloxide user would write: the storage is awaited before the reply.
#[cfg(feature = "sqlite-baseline")]
fn steps_sqlite(
    users: u64,
    concurrent: u64,
    rate: u64,
) -> Result<Map<String, Value>, Box<dyn std::error::Error>> {
    use jolserik::app::Data;
    use jolserik::engine::{self, Context, Conversation};
    use teloxide::dispatching::dialogue::{serializer::Json, SqliteStorage, Storage};
    use teloxide::types::ChatId;

    let dir = StoreDir::new(None)?;
    std::fs::create_dir_all(&dir.path)?;
    let db = dir.path.join("dialogues.sqlite").display().to_string();
    let config = config(&dir.path.join("unused"), None)?;
    let data = Arc::new(Data::load(&config)?);
    let clock = clock()?;
    let rt = harness_runtime()?;
    let storage = rt
        .block_on(SqliteStorage::open(&db, Json))
        .map_err(|e| format!("SqliteStorage: {e}"))?;
    let run = rt.block_on(drive(users, concurrent, rate, move |user, lang, input| {
        let (storage, data, clock) = (storage.clone(), data.clone(), clock.clone());
        async move {
            let chat = ChatId(i64::try_from(user).ok()?);
            let now = clock.now();
            let loaded: Option<UserRecord> = storage.clone().get_dialogue(chat).await.ok()?;
            let record = loaded.unwrap_or_else(|| UserRecord::new(Conversation::new(lang), now));
            let ctx = Context {
                now,
                today: clock.today(),
                countries: &data.countries,
                catalogue: &data.catalogue,
            };
            let outcome = engine::step(&record.conversation, &input, &ctx);
            if outcome.changed(&record.conversation) {
                let mut saved = record;
                saved.conversation = outcome.conversation.clone();
                saved.meta.last_seen = now;
                storage.update_dialogue(chat, saved).await.ok()?;
            }
            Some(outcome.replies.iter().any(|r| r.msg.id == "plan-actions"))
        }
    }));
    let mut out = run.report("teloxide SqliteStorage", users);
    let bytes = dir_bytes(&dir.path);
    out.insert("disk_bytes".into(), json!(bytes));
    out.insert(
        "disk_bytes_per_user".into(),
        json!((bytes as f64 / users.max(1) as f64).round()),
    );
    Ok(out)
}

// ---- end to end -------------------------------------------------------------------------

/// Routes the double's calls to the simulated user of each chat.
type Routes = Arc<Mutex<HashMap<i64, mpsc::UnboundedSender<Call>>>>;

/// The harness's runtime: the double and the simulated users. The bot runs on its own
/// (`telegram::runtime()`, as in `serve`), so that the CPU of each side can be told
/// apart: the harness's threads are named `harness`.
fn harness_runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .thread_name("harness")
        .enable_all()
        .build()
}

/// CPU time of this process's live threads named `name` (from /proc/self/task).
fn thread_cpu_seconds(name: &str) -> f64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0.0;
    };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("stat")).ok())
        .filter_map(|stat| {
            let (head, rest) = stat.rsplit_once(')')?;
            let comm = head.split_once('(')?.1;
            if comm != name {
                return None;
            }
            let fields: Vec<&str> = rest.split_whitespace().collect();
            let ticks = |i: usize| {
                fields
                    .get(i)
                    .and_then(|f| f.parse::<f64>().ok())
                    .unwrap_or(0.0)
            };
            Some((ticks(11) + ticks(12)) / 100.0)
        })
        .sum()
}

/// The double and the bot, started in this process.
struct Harness {
    fake: FakeBotApi,
    app: Arc<App>,
    running: telegram::Running,
    bot: tokio::runtime::Handle,
    routes: Routes,
    refusals: Arc<AtomicU64>,
    startup: Duration,
}

impl Harness {
    /// Stops the bot on its own runtime.
    async fn stop(self) -> Result<(), Box<dyn std::error::Error>> {
        let running = self.running;
        self.bot.spawn(running.shutdown()).await??;
        Ok(())
    }
}

/// Starts the double (on the current runtime: lean, with `send_limit` if any, `also`
/// seeing every call, private chats with the users `open_chats`) and the bot over the
/// store at `store` on `bot`; the start-up time runs from opening the store to the bot
/// taking updates.
async fn start_harness(
    bot: tokio::runtime::Handle,
    store: &Path,
    tuning: Tuning,
    lean_messages: usize,
    send_limit: Option<usize>,
    also: Option<Observer>,
    open_chats: std::ops::Range<u64>,
) -> Result<Harness, Box<dyn std::error::Error>> {
    let fake = FakeBotApi::start().await?;
    fake.lean(lean_messages);
    fake.limit_sends(send_limit);
    for user in open_chats {
        fake.user(user, None).open_chat();
    }
    let routes: Routes = Arc::new(Mutex::new(HashMap::new()));
    let refusals = Arc::new(AtomicU64::new(0));
    {
        let (routes, refusals) = (routes.clone(), refusals.clone());
        fake.observe(Arc::new(move |call: &Call| {
            if let Some(also) = &also {
                also(call);
            }
            if !call.ok() && call.method != "getUpdates" {
                refusals.fetch_add(1, Ordering::Relaxed);
            }
            let Some(chat) = call.chat_id() else {
                return;
            };
            let routes = routes.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(to) = routes.get(&chat) {
                let _ = to.send(call.clone());
            }
        }));
    }
    let config = config(store, Some(&fake.url()))?;
    let options = Options {
        token: Token::parse(fake_api::TOKEN)?,
        webhook_secret: None,
        api_url: fake.url(),
        tuning,
    };
    let clock = clock()?;
    let started = Instant::now();
    let (app, running) = bot
        .spawn(async move {
            let app = Arc::new(App::open(config, clock)?);
            let running = telegram::start(app.clone(), options).await?;
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>((app, running))
        })
        .await?
        .map_err(|e| e.to_string())?;
    let startup = started.elapsed();
    Ok(Harness {
        fake,
        app,
        running,
        bot,
        routes,
        refusals,
        startup,
    })
}

/// One simulated user's whole dialogue; per step, the update-to-reply latency, how
/// late the update was sent against the user's schedule, and when (`None` when an
/// answer did not come). With `pause`, the user waits that long between steps, from `due` on.
async fn one_user(
    h: &Harness,
    id: u64,
    lang: Lang,
    pause: Option<Duration>,
    due: &mut tokio::time::Instant,
) -> Option<Vec<(u32, u32, Instant)>> {
    let user = h.fake.user(id, Some(lang.code()));
    let chat = user.chat_id();
    let (to, mut calls) = mpsc::unbounded_channel();
    h.routes
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(chat, to);
    let mut latencies = Vec::new();
    let mut ok = true;
    for (say, expect) in telegram_dialogue(&h.app, lang) {
        if pause.is_some() {
            tokio::time::sleep_until(*due).await;
        }
        let late = if pause.is_some() {
            micros(due.elapsed())
        } else {
            0
        };
        if let Some(pause) = pause {
            *due += pause;
        }
        let sent = Instant::now();
        match &say {
            Say::Text(text) => {
                user.send_text(text);
            }
            Say::Press(data) => {
                if user.press(data).is_err() {
                    ok = false;
                    break;
                }
            }
        }
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        let answered = loop {
            match tokio::time::timeout_at(deadline, calls.recv()).await {
                Ok(Some(call)) if call.ok() && matches(&call, &expect) => break Some(call.at),
                Ok(Some(_)) => {}
                _ => break None,
            }
        };
        match answered {
            Some(at) => latencies.push((micros(at.saturating_duration_since(sent)), late, sent)),
            None => {
                ok = false;
                break;
            }
        }
    }
    h.routes
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .remove(&chat);
    h.fake.forget_chat(chat);
    ok.then_some(latencies)
}

fn matches(call: &Call, expect: &Expect) -> bool {
    if call.method != "sendMessage" && call.method != "editMessageText" {
        return false;
    }
    match expect {
        Expect::Button(data) => call.callback_data().iter().any(|d| d == data),
        Expect::Text(needle) => call.text().is_some_and(|t| t.contains(needle.as_str())),
    }
}

fn e2e(
    users: u64,
    concurrent: u64,
    rate: u64,
    keep: Option<PathBuf>,
    reuse: Option<PathBuf>,
) -> Result<Value, Box<dyn std::error::Error>> {
    // On a store that already holds users, the new ones get ids no run has used.
    let first_user = if reuse.is_some() {
        fresh_base()
    } else {
        FIRST_USER
    };
    let dir = match reuse {
        Some(path) if path.exists() => StoreDir { path, _temp: None },
        Some(path) => return Err(format!("{} does not exist", path.display()).into()),
        None => StoreDir::new(keep)?,
    };
    let bot = telegram::runtime()?;
    let harness = harness_runtime()?;
    // The double enforces no limit here, so neither does the bot: what is measured is
    // our code. (In production the Throttle adaptor holds replies to Telegram's 30/s.)
    let h = Arc::new(harness.block_on(start_harness(
        bot.handle().clone(),
        &dir.path,
        Tuning::local(),
        16,
        None,
        None,
        0..0,
    ))?);
    let next = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let interval = (rate > 0).then(|| Duration::from_secs_f64(concurrent as f64 / rate as f64));
    let steps = telegram_dialogue(&h.app, Lang::En).len() as f64;
    let (began, cpu0, harness_cpu0) =
        (Instant::now(), cpu_seconds(), thread_cpu_seconds("harness"));
    let measured = harness.block_on(async {
        let tasks: Vec<_> = (0..concurrent)
            .map(|task| {
                let (h, next, failed) = (h.clone(), next.clone(), failed.clone());
                tokio::spawn(async move {
                    let mut latencies = Vec::new();
                    // Users at every step in equal numbers (see `drive`).
                    let phase = steps * task as f64 / concurrent as f64;
                    let mut due = tokio::time::Instant::now()
                        + interval.map_or(Duration::ZERO, |i| i.mul_f64(phase));
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= users {
                            break;
                        }
                        let lang = LANGS[usize::try_from(i % 3).unwrap_or(0)];
                        match one_user(&h, first_user + i, lang, interval, &mut due).await {
                            Some(l) => latencies.extend(l),
                            None => {
                                failed.fetch_add(1, Ordering::Relaxed);
                            }
                        }
                    }
                    latencies
                })
            })
            .collect();
        let mut latencies = Vec::new();
        for t in tasks {
            if let Ok(l) = t.await {
                latencies.extend(l);
            }
        }
        latencies
    });
    let wall = began.elapsed();
    let cpu = cpu_seconds() - cpu0;
    let harness_cpu = thread_cpu_seconds("harness") - harness_cpu0;
    let h = Arc::into_inner(h).ok_or("the harness is still shared")?;
    let refusals = h.refusals.load(Ordering::Relaxed);
    let users_stored = h.app.store.user_count() as u64;
    let startup = h.startup;
    let app = h.app.clone();
    harness.block_on(h.stop())?;
    drop(app);
    drop(bot);
    drop(harness);
    let updates = measured.len() as u64;
    let sent: Vec<u64> = measured
        .iter()
        .map(|(_, _, at)| at.saturating_duration_since(began).as_micros() as u64)
        .collect();
    let (latencies, late): (Vec<u32>, Vec<u32>) =
        measured.into_iter().map(|(l, late, _)| (l, late)).unzip();
    let updates_per_s = updates as f64 / wall.as_secs_f64();
    let bytes = dir_bytes(&dir.path);
    let bot_cpu = (cpu - harness_cpu).max(0.0);
    let mut out = Map::new();
    out.insert("mode".into(), json!("e2e"));
    out.insert("users".into(), json!(users));
    out.insert("concurrent".into(), json!(concurrent));
    out.insert("offered_per_s".into(), json!(rate));
    out.insert("updates".into(), json!(updates));
    out.insert("wall_s".into(), json!(round3(wall.as_secs_f64())));
    out.insert("updates_per_s".into(), json!(updates_per_s.round()));
    percentiles(&mut out, "reply", latencies);
    if let Some(rate) = interval.and_then(|i| steady_rate(&sent, i.mul_f64(steps))) {
        out.insert("achieved_per_s".into(), json!(rate.round()));
    }
    percentiles(&mut out, "late", late);
    out.insert("cpu_s".into(), json!(round3(cpu)));
    out.insert("bot_cpu_s".into(), json!(round3(bot_cpu)));
    out.insert(
        "bot_cpu_us_per_update".into(),
        json!((bot_cpu * 1e6 / updates.max(1) as f64).round()),
    );
    out.insert(
        "cpu_us_per_update".into(),
        json!((cpu * 1e6 / updates.max(1) as f64).round()),
    );
    out.insert("peak_rss_mib".into(), json!(round3(peak_rss_mib())));
    out.insert("disk_bytes".into(), json!(bytes));
    out.insert(
        "disk_bytes_per_user".into(),
        json!((bytes as f64 / users_stored.max(1) as f64).round()),
    );
    out.insert(
        "startup_ms".into(),
        json!(round3(startup.as_secs_f64() * 1000.0)),
    );
    out.insert("failed_users".into(), json!(failed.load(Ordering::Relaxed)));
    out.insert("refused_calls".into(), json!(refusals));
    eprintln!(
        "e2e: {users} users ({concurrent} at once, offering {}), {updates} updates in {:.2} s = {updates_per_s:.0} updates/s; update-to-reply p50 {} ms, p95 {} ms, p99 {} ms, max {} ms (sent late by up to {} ms, p99); CPU {cpu:.2} s, of which the bot {bot_cpu:.2} s = {} µs/update; peak RSS {} MiB; {} bytes/user on disk; start-up {:.1} ms; failed users {}, refused calls {refusals}",
        if rate > 0 { format!("{rate}/s") } else { "as fast as answered".into() },
        wall.as_secs_f64(),
        out["reply_p50_ms"],
        out["reply_p95_ms"],
        out["reply_p99_ms"],
        out["reply_max_ms"],
        out["late_p99_ms"],
        out["bot_cpu_us_per_update"],
        out["peak_rss_mib"],
        out["disk_bytes_per_user"],
        startup.as_secs_f64() * 1000.0,
        out["failed_users"],
    );
    Ok(Value::Object(out))
}

// ---- reminders --------------------------------------------------------------------------

/// What the double saw of the reminders.
#[derive(Default)]
struct Deliveries {
    /// Chat → accepted reminder messages.
    per_chat: HashMap<i64, u32>,
    /// Chats in the order their reminder was accepted.
    order: Vec<i64>,
    first: Option<Instant>,
    last: Option<Instant>,
    too_many: u64,
}

fn reminders(
    due: u64,
    limit: u32,
    throttle_fraction: f64,
) -> Result<Value, Box<dyn std::error::Error>> {
    let dir = StoreDir::new(None)?;
    let now: DateTime<Utc> = parse_instant(NOW)?;
    // The morning rush: every reminder due at the same minute (send_at), for deadlines
    // from today to a month ahead, users in no particular order of urgency.
    let preload_began = Instant::now();
    let urgency: Arc<Vec<(NaiveDate, u64)>> = {
        let config = config(&dir.path, None)?;
        let store = Arc::new(Store::open(&config.storage.path)?);
        let today = now.date_naive();
        let date_of = move |i: u64| {
            today + chrono::Duration::days(i64::try_from(i * 7_919 % 31).unwrap_or(0))
        };
        let threads: Vec<_> = (0..16u64)
            .map(|t| {
                let store = store.clone();
                std::thread::spawn(move || -> Result<(), jolserik::store::StoreError> {
                    let mut i = t;
                    while i < due {
                        let user = FIRST_USER + i;
                        let lang = LANGS[usize::try_from(i % 3).unwrap_or(0)];
                        let record =
                            UserRecord::new(jolserik::engine::Conversation::new(lang), now);
                        let reminder = Reminder {
                            user,
                            due: now - chrono::Duration::minutes(1),
                            kind: DeadlineKind::PermitEnd,
                            date: date_of(i),
                            rule: "R11".into(),
                            offset: 7,
                            step: None,
                            link: None,
                        };
                        store.save_and_replan(user, &record, today, &|_| vec![reminder.clone()])?;
                        i += 16;
                    }
                    Ok(())
                })
            })
            .collect();
        for t in threads {
            t.join().map_err(|_| "a loader panicked")??;
        }
        let mut urgency: Vec<(NaiveDate, u64)> =
            (0..due).map(|i| (date_of(i), FIRST_USER + i)).collect();
        urgency.sort_unstable();
        Arc::new(urgency)
    };
    eprintln!(
        "reminders: {due} due reminders written in {:.1} s",
        preload_began.elapsed().as_secs_f64()
    );

    let deliveries = Arc::new(Mutex::new(Deliveries::default()));
    // The bot's Throttle a little under the double's limit: Throttle counts a second
    // from when it releases a message, the double from when the message arrives, and a
    // few milliseconds between the two turn a limit met exactly into 429s, each of which
    // freezes all sending for the second Telegram asks.
    let headroom = throttle_fraction;
    let limits = teloxide::adaptors::throttle::Limits {
        messages_per_sec_chat: 1,
        messages_per_min_chat: 60,
        messages_per_min_channel_or_supergroup: 20,
        messages_per_sec_overall: (f64::from(limit) * headroom).floor() as u32,
    };
    let tuning = Tuning {
        throttle: Some(limits),
        ..Tuning::local()
    };
    let seen = deliveries.clone();
    let observer: Observer = Arc::new(move |call: &Call| {
        if call.method != "sendMessage" {
            return;
        }
        let mut d = seen.lock().unwrap_or_else(|p| p.into_inner());
        if call.status == 429 {
            d.too_many += 1;
            return;
        }
        if let (true, Some(chat)) = (call.ok(), call.chat_id()) {
            *d.per_chat.entry(chat).or_insert(0) += 1;
            d.order.push(chat);
            d.first.get_or_insert(call.at);
            d.last = Some(call.at);
        }
    });
    let (began, cpu0) = (Instant::now(), cpu_seconds());
    let send_limit = Some(usize::try_from(limit)?);
    let bot = telegram::runtime()?;
    let harness = harness_runtime()?;
    let h = harness.block_on(start_harness(
        bot.handle().clone(),
        &dir.path,
        tuning,
        2,
        send_limit,
        Some(observer),
        FIRST_USER..FIRST_USER + due,
    ))?;
    // Until every reminder went out, or nothing moved for 20 s.
    harness.block_on(async {
        let mut last_count = 0usize;
        let mut still_since = Instant::now();
        loop {
            tokio::time::sleep(Duration::from_millis(200)).await;
            let count = deliveries
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .order
                .len();
            if count as u64 >= due {
                break;
            }
            if count != last_count {
                last_count = count;
                still_since = Instant::now();
            } else if still_since.elapsed() > Duration::from_secs(20) {
                break;
            }
        }
    });
    let wall = began.elapsed();
    let cpu = cpu_seconds() - cpu0;
    let startup = h.startup;
    harness.block_on(h.stop())?;
    drop(bot);
    drop(harness);
    let d = Arc::into_inner(deliveries)
        .ok_or("deliveries still shared")?
        .into_inner()
        .unwrap_or_else(|p| p.into_inner());
    let delivered = d.order.len() as u64;
    let distinct = d.per_chat.len() as u64;
    let duplicated: u64 = d
        .per_chat
        .values()
        .map(|n| u64::from(n.saturating_sub(1)))
        .sum();
    let lost = due.saturating_sub(distinct);
    let span = match (d.first, d.last) {
        (Some(a), Some(b)) => b.duration_since(a).as_secs_f64(),
        _ => 0.0,
    };
    let rate = if span > 0.0 {
        (delivered as f64 - 1.0) / span
    } else {
        0.0
    };
    // Most urgent first: how far each delivery is from its place in urgency order.
    let rank: HashMap<u64, usize> = urgency
        .iter()
        .enumerate()
        .map(|(i, (_, user))| (*user, i))
        .collect();
    // Deliveries overlap (up to the worker's `max_in_flight`, twice the Throttle rate), so a reminder may arrive
    // a few hundred places from its rank; what must not happen is a far less urgent one
    // going out long before it.
    let mut displacement: Vec<u32> = d
        .order
        .iter()
        .enumerate()
        .filter_map(|(position, chat)| {
            let r = u64::try_from(*chat).ok().and_then(|u| rank.get(&u))?;
            u32::try_from(position.abs_diff(*r)).ok()
        })
        .collect();
    displacement.sort_unstable();
    let at = |q: f64| {
        displacement
            .get(((displacement.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or(0)
    };
    let (median_places, p99_places, max_places) = (at(0.5), at(0.99), at(1.0));
    let mut out = Map::new();
    out.insert("mode".into(), json!("reminders"));
    out.insert("due".into(), json!(due));
    out.insert("limit_per_s".into(), json!(limit));
    out.insert("delivered".into(), json!(delivered));
    out.insert("rate_per_s".into(), json!(rate.round()));
    out.insert(
        "fraction_of_limit".into(),
        json!(round3(rate / f64::from(limit))),
    );
    out.insert("responses_429".into(), json!(d.too_many));
    out.insert("lost".into(), json!(lost));
    out.insert("duplicated".into(), json!(duplicated));
    out.insert("urgency_places_off_p50".into(), json!(median_places));
    out.insert("urgency_places_off_p99".into(), json!(p99_places));
    out.insert("urgency_places_off_max".into(), json!(max_places));
    out.insert("wall_s".into(), json!(round3(wall.as_secs_f64())));
    out.insert("cpu_s".into(), json!(round3(cpu)));
    out.insert("peak_rss_mib".into(), json!(round3(peak_rss_mib())));
    out.insert(
        "startup_ms".into(),
        json!(round3(startup.as_secs_f64() * 1000.0)),
    );
    eprintln!(
        "reminders: {delivered} of {due} delivered at {rate:.0}/s = {:.1}% of the {limit}/s limit; 429s {}, lost {lost}, duplicated {duplicated}; places from urgency order: median {median_places}, p99 {p99_places}, max {max_places}; CPU {cpu:.1} s",
        rate / f64::from(limit) * 100.0,
        d.too_many,
    );
    Ok(Value::Object(out))
}

// ---- start-up ----------------------------------------------------------------------------

fn startup(store: PathBuf) -> Result<Value, Box<dyn std::error::Error>> {
    if !store.exists() {
        return Err(format!(
            "{} does not exist (make one with `steps --keep`)",
            store.display()
        )
        .into());
    }
    let bytes = dir_bytes(&store);
    let bot = telegram::runtime()?;
    let harness = harness_runtime()?;
    let h = harness.block_on(start_harness(
        bot.handle().clone(),
        &store,
        Tuning::local(),
        16,
        None,
        None,
        0..0,
    ))?;
    let users_stored = h.app.store.user_count() as u64;
    let startup = h.startup;
    let rss_started = peak_rss_mib();
    // Ready means ready: one new user goes through the whole dialogue.
    let mut due = harness.block_on(async { tokio::time::Instant::now() });
    let latencies: Vec<u32> = harness
        .block_on(one_user(&h, fresh_user(), Lang::En, None, &mut due))
        .ok_or("the first user after start-up got no plan")?
        .into_iter()
        .map(|(l, _, _)| l)
        .collect();
    harness.block_on(h.stop())?;
    let mut out = Map::new();
    out.insert("mode".into(), json!("startup"));
    out.insert("users_stored".into(), json!(users_stored));
    out.insert(
        "startup_ms".into(),
        json!(round3(startup.as_secs_f64() * 1000.0)),
    );
    out.insert("rss_after_start_mib".into(), json!(round3(rss_started)));
    out.insert("peak_rss_mib".into(), json!(round3(peak_rss_mib())));
    out.insert("disk_bytes".into(), json!(bytes));
    out.insert(
        "disk_bytes_per_user".into(),
        json!((bytes as f64 / users_stored.max(1) as f64).round()),
    );
    let first_dialogue_ms: f64 = latencies.iter().map(|l| f64::from(*l) / 1000.0).sum();
    out.insert("first_dialogue_ms".into(), json!(round3(first_dialogue_ms)));
    eprintln!(
        "startup: {users_stored} users stored ({:.1} MiB, {} bytes/user); ready in {:.1} ms; RSS {rss_started:.1} MiB after start, {} MiB peak; a first whole dialogue took {first_dialogue_ms:.1} ms",
        bytes as f64 / 1048576.0,
        out["disk_bytes_per_user"],
        startup.as_secs_f64() * 1000.0,
        out["peak_rss_mib"],
    );
    Ok(Value::Object(out))
}

/// A user id no earlier run has used (start-up runs reuse one store).
fn fresh_user() -> u64 {
    fresh_base()
}

/// The first of a million user ids no earlier run has used.
fn fresh_base() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    2_000_000_000 + u64::try_from(nanos % 1_000_000).unwrap_or(0) * 1_000_000
}

// ---- repeated runs ------------------------------------------------------------------------

/// Runs this program again `n` times without `--repeat`, and prints the median, min
/// and max of every number the runs reported.
fn repeat(n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let exe = std::env::current_exe()?;
    let mut args: Vec<String> = Vec::new();
    let mut skip = false;
    for a in std::env::args().skip(1) {
        if skip {
            skip = false;
            continue;
        }
        if a == "--repeat" {
            skip = true;
            continue;
        }
        if a.starts_with("--repeat=") {
            continue;
        }
        args.push(a);
    }
    let mut runs: Vec<Map<String, Value>> = Vec::new();
    for i in 0..n {
        eprintln!("== run {} of {n}: load {}", i + 1, args.join(" "));
        let output = Process::new(&exe)
            .args(&args)
            .stderr(std::process::Stdio::inherit())
            .output()?;
        if !output.status.success() {
            return Err(format!("run {} failed: {}", i + 1, output.status).into());
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        let line = stdout
            .lines()
            .find_map(|l| l.strip_prefix("RESULT "))
            .ok_or("a run printed no RESULT line")?;
        match serde_json::from_str(line)? {
            Value::Object(m) => runs.push(m),
            _ => return Err("a RESULT that is not an object".into()),
        }
    }
    let mut summary = Map::new();
    summary.insert("runs".into(), json!(n));
    let keys: Vec<String> = runs
        .first()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    println!(
        "{:<34} {:>14} {:>14} {:>14}   (n = {n})",
        "figure", "median", "min", "max"
    );
    for key in keys {
        let mut values: Vec<f64> = runs
            .iter()
            .filter_map(|m| m.get(&key).and_then(Value::as_f64))
            .collect();
        if values.len() != runs.len() {
            if let Some(v) = runs.first().and_then(|m| m.get(&key)) {
                println!("{key:<34} {v:>14}");
                summary.insert(key, v.clone());
            }
            continue;
        }
        values.sort_by(f64::total_cmp);
        let median = if values.len() % 2 == 1 {
            values[values.len() / 2]
        } else {
            (values[values.len() / 2 - 1] + values[values.len() / 2]) / 2.0
        };
        let (min, max) = (values[0], values[values.len() - 1]);
        println!("{key:<34} {median:>14} {min:>14} {max:>14}");
        summary.insert(key, json!({"median": median, "min": min, "max": max}));
    }
    println!("SUMMARY {}", Value::Object(summary));
    Ok(())
}
