//! Fuzzing with proptest: everything that comes from outside is fed garbage and
//! near-misses, and must never panic, hang or grow without bound. The date parser, the
//! country matcher, button data (`Action::decode`), the configuration file and its
//! environment overrides, the backup reader, and stored records of every tree (bytes
//! and JSON that no version wrote) — after which the user must be at a safe point:
//! answered, readable, able to go on.
//!
//! `cargo test` runs a fast form (a few hundred cases per target). The long form:
//!
//! ```sh
//! JOLSERIK_FUZZ_CASES=1000000 cargo test --release --test fuzz -- --test-threads 2
//! ```
//!
//! which runs that many cases for each target (the retention sweep, which compacts
//! the store each case, a tenth of them). Every case is timed (a case slower than
//! `SLOW` fails: a hang or a blow-up), and peak memory is checked at the end of each
//! target.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};

use common::*;
use jolserik::app::App;
use jolserik::clock::Clock;
use jolserik::config::Config;
use jolserik::countries::{Countries, CountryMatch};
use jolserik::dates;
use jolserik::domain::{CountryCode, DocKind, Employer, Lang, Purpose};
use jolserik::engine::{Action, Command, Field, Input};
use jolserik::store::Loaded;

/// No single case may take this long (debug build, two busy cores).
const SLOW: Duration = Duration::from_secs(5);
/// No target may make the process's peak resident memory exceed this.
const MAX_PEAK_RSS_KB: u64 = 1024 * 1024;

/// Cases per target: `JOLSERIK_FUZZ_CASES`, or `fast` in a plain `cargo test`.
fn cases(fast: u32) -> u32 {
    std::env::var("JOLSERIK_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(fast)
}

fn runner(n: u32) -> TestRunner {
    TestRunner::new(ProptestConfig {
        cases: n,
        // Failures print their minimal input; no regression files in the repo.
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    })
}

/// Runs `test` over `strategy`, `JOLSERIK_FUZZ_CASES` or `fast` times.
fn fuzz<S: Strategy>(fast: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    fuzz_n(cases(fast), strategy, test);
}

/// Runs `test` over `strategy` `n` times, timing every case, then checks peak memory.
fn fuzz_n<S: Strategy>(n: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let mut runner = runner(n);
    let result = runner.run(&strategy, |value| {
        let started = Instant::now();
        let shown = format!("{value:?}");
        test(value)?;
        let took = started.elapsed();
        prop_assert!(took < SLOW, "a case took {took:?}: {shown}");
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    if let Some(peak) = peak_rss_kb() {
        assert!(peak < MAX_PEAK_RSS_KB, "peak memory {peak} kB");
    }
}

/// The process's peak resident set (Linux), in kB.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Text people might type, garbage included: any printable text, any bytes read
/// lossily, digits and separators, long runs.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,80}",
        proptest::collection::vec(any::<u8>(), 0..120)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        "[0-9 ./\\-]{0,24}",
        "[0-9]{1,4}[ ./-][0-9]{1,4}([ ./-][0-9]{1,6})?",
        "[0-9]{1,2} ?[a-zа-яәөүұқғңһіA-ZА-Я]{2,12} ?[0-9]{0,5}",
        ("\\PC{0,3}", 0usize..5000).prop_map(|(s, n)| s.repeat(n.min(2000))),
    ]
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // The whole range chrono allows, and a dense band around now.
    prop_oneof![
        (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap_or(NaiveDate::MIN)),
        (730_000i32..750_000).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
    ]
}

use chrono::Datelike;

// ---- dates ----------------------------------------------------------------------------

#[test]
fn fuzz_the_date_parser() {
    fuzz(3000, (typed(), any_date()), |(text, today)| {
        let _ = dates::parse_date(&text, today);
        if let Ok(d) = dates::parse_entry_date(&text, today) {
            prop_assert!(d <= today);
        }
        if let Ok(d) = dates::parse_document_end(&text, today) {
            prop_assert!(d <= dates::latest_document_end(today));
        }
        Ok(())
    });
}

#[test]
fn fuzz_dates_written_in_every_language_read_back() {
    fuzz(2000, any_date(), |date| {
        for lang in Lang::ALL {
            let text = dates::format_date(date, lang);
            if (1..=9999).contains(&date.year()) {
                prop_assert_eq!(dates::parse_date(&text, date), Ok(date), "{}", text);
            }
        }
        Ok(())
    });
}

// ---- countries ------------------------------------------------------------------------

#[test]
fn fuzz_the_country_matcher() {
    let countries = Arc::new(Countries::embedded().unwrap());
    let names: Vec<String> = countries
        .iter()
        .flat_map(|c| Lang::ALL.map(|l| c.name(l).to_string()))
        .collect();
    let names = Arc::new(names);
    let near_miss = (0..names.len(), any::<u32>(), "\\PC{0,2}", 0u8..4).prop_map({
        let names = names.clone();
        move |(i, at, insert, how)| {
            let mut chars: Vec<char> = names[i].chars().collect();
            let at = usize::try_from(at).unwrap_or(0) % (chars.len() + 1);
            match how {
                0 => chars.splice(at..at, insert.chars()).for_each(drop),
                1 if at < chars.len() => {
                    chars.remove(at);
                }
                2 => chars.truncate(at),
                _ => chars.reverse(),
            }
            chars.into_iter().collect::<String>()
        }
    });
    let m = countries.clone();
    fuzz(3000, prop_oneof![typed(), near_miss], move |text| {
        match m.match_input(&text) {
            CountryMatch::Exact(c) | CountryMatch::Probable(c) => {
                prop_assert!(m.get(&c).is_some(), "{c} is not in the table")
            }
            CountryMatch::Ambiguous(cs) => {
                prop_assert!(cs.len() >= 2 && cs.len() <= 8, "{cs:?}");
                prop_assert!(cs.iter().all(|c| m.get(c).is_some()));
            }
            CountryMatch::NoMatch => {}
        }
        Ok(())
    });
}

// ---- button data ---------------------------------------------------------------------

fn every_action() -> Vec<Action> {
    let mut all = vec![
        Action::CountryOther,
        Action::Yes,
        Action::No,
        Action::Today,
        Action::Yesterday,
        Action::PriorNone,
        Action::PriorUnknown,
        Action::DocsNone,
        Action::DocsDone,
        Action::Correct,
        Action::Change,
        Action::BackToSummary,
        Action::ConfirmRestart,
        Action::ConfirmDelete,
        Action::Cancel,
        Action::Country(CountryCode::parse("UZ").unwrap()),
        Action::Country(CountryCode::parse("KZ").unwrap()),
        Action::ToggleStep("labour_permit_apply".into()),
        Action::ToggleStep("get_iin".into()),
    ];
    all.extend(Lang::ALL.map(Action::Lang));
    all.extend(Purpose::ALL.map(Action::Purpose));
    all.extend(Employer::ALL.map(Action::Employer));
    all.extend(DocKind::ALL.map(Action::ToggleDoc));
    all.extend(Field::ALL.map(Action::Edit));
    all.extend(
        DocKind::ALL
            .into_iter()
            .filter(|d| d.has_end_date())
            .map(Action::Renewed),
    );
    for kind in jolserik::rules::DeadlineKind::ALL {
        let key = jolserik::reminders::DeadlineKey {
            kind,
            date: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
        };
        all.push(Action::Snooze(key));
        all.push(Action::StopReminders(key));
    }
    all
}

#[test]
fn fuzz_callback_data() {
    let valid: Arc<Vec<String>> = Arc::new(every_action().iter().map(Action::encode).collect());
    let mutated = (0..valid.len(), any::<u32>(), any::<u8>(), 0u8..5).prop_map({
        let valid = valid.clone();
        move |(i, at, byte, how)| {
            let mut bytes = valid[i].clone().into_bytes();
            let at = usize::try_from(at).unwrap_or(0) % (bytes.len() + 1);
            match how {
                0 => bytes.insert(at, byte),
                1 if at < bytes.len() => bytes[at] = byte,
                2 => bytes.truncate(at),
                3 => bytes.extend_from_slice(valid[(i + at) % valid.len()].as_bytes()),
                _ => bytes.retain(|b| *b != b':'),
            }
            String::from_utf8_lossy(&bytes).into_owned()
        }
    });
    fuzz(5000, prop_oneof![typed(), mutated], |data| {
        if let Some(action) = Action::decode(&data) {
            // Whatever is accepted is something the bot itself could have sent.
            let again = action.encode();
            prop_assert!(again.len() <= jolserik::engine::input::MAX_WIRE_LEN);
            prop_assert_eq!(Action::decode(&again), Some(action));
        }
        let _ = Command::parse(&data);
        Ok(())
    });
}

// ---- configuration --------------------------------------------------------------------

const KEYS: &[(&str, &str)] = &[
    ("storage", "path"),
    ("i18n", "default_language"),
    ("rules", "path"),
    ("telegram", "api_url"),
    ("telegram", "mode"),
    ("telegram", "admins"),
    ("telegram.webhook", "listen"),
    ("telegram.webhook", "public_url"),
    ("reminders", "days_before"),
    ("reminders", "send_at"),
    ("reminders", "timezone"),
    ("reminders.quiet_hours", "start"),
    ("reminders.quiet_hours", "end"),
    ("observability", "listen"),
    ("privacy", "retention_days"),
    ("log", "level"),
];

fn toml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        (-5i64..4000).prop_map(|n| n.to_string()),
        "\\PC{0,30}".prop_map(|s| format!("{s:?}")),
        "[0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})?".prop_map(|s| format!("{s:?}")),
        Just("\"en\"".to_string()),
        Just("\"webhook\"".to_string()),
        Just("\"Asia/Almaty\"".to_string()),
        Just("\"127.0.0.1:0\"".to_string()),
        proptest::collection::vec(-3i64..400, 0..6).prop_map(|v| format!("{v:?}")),
        Just("true".to_string()),
        Just("1.5".to_string()),
        Just("{ a = 1 }".to_string()),
    ]
}

#[test]
fn fuzz_the_configuration() {
    let structured =
        proptest::collection::vec((0..KEYS.len(), toml_value()), 0..10).prop_map(|pairs| {
            let mut out = String::new();
            for (i, value) in pairs {
                let (section, key) = KEYS[i];
                out.push_str(&format!("[{section}]\n{key} = {value}\n"));
            }
            out
        });
    let env = proptest::collection::vec((0..KEYS.len(), "\\PC{0,20}", any::<bool>()), 0..4)
        .prop_map(|vars| {
            vars.into_iter()
                .map(|(i, value, typo)| {
                    let (section, key) = KEYS[i];
                    let name = format!(
                        "JOLSERIK__{}__{}{}",
                        section.replace('.', "__").to_uppercase(),
                        key.to_uppercase(),
                        if typo { "X" } else { "" }
                    );
                    (name, value)
                })
                .collect::<Vec<_>>()
        });
    let text = prop_oneof![typed(), structured];
    fuzz(2000, (text, env), |(text, env)| {
        match Config::from_toml_str(&text, env) {
            Ok(c) => {
                prop_assert!((1..=3650).contains(&c.privacy.retention_days));
                prop_assert!(!c.log.level.trim().is_empty());
            }
            Err(e) => {
                // Every refusal says something.
                prop_assert!(!e.to_string().is_empty());
            }
        }
        Ok(())
    });
}

// ---- backups --------------------------------------------------------------------------

#[test]
fn fuzz_the_backup_reader() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    run(&app, 1, &typed_dialogue("31.12.2026"));
    let file = dir.path().join("b.jsonl");
    jolserik::backup::write(&app.store, &file, clock.now()).unwrap();
    let good = Arc::new(std::fs::read(&file).unwrap());
    let mutated = (any::<u32>(), any::<u8>(), 0u8..4).prop_map({
        let good = good.clone();
        move |(at, byte, how)| {
            let mut bytes = (*good).clone();
            let at = usize::try_from(at).unwrap_or(0) % (bytes.len() + 1);
            match how {
                0 => bytes.insert(at, byte),
                1 if at < bytes.len() => bytes[at] = byte,
                2 => bytes.truncate(at),
                _ => bytes.drain(at..(at + 64).min(bytes.len())).for_each(drop),
            }
            bytes
        }
    });
    let mut original = Vec::new();
    let original_summary = jolserik::backup::read(&good[..], &mut |e| original.push(e)).unwrap();
    let arbitrary = proptest::collection::vec(any::<u8>(), 0..400);
    fuzz(2000, prop_oneof![arbitrary, mutated], |bytes| {
        let mut entries = Vec::new();
        let result = jolserik::backup::read(&bytes[..], &mut |e| entries.push(e));
        // A changed file is accepted only if it says exactly the same: the checksum
        // covers everything but the closing line, whose JSON may be respaced.
        if let Ok(summary) = result {
            prop_assert_eq!(&summary, &original_summary, "a changed header was accepted");
            prop_assert!(entries == original, "changed entries were accepted");
        }
        Ok(())
    });
}

// ---- stored records -------------------------------------------------------------------

/// A fresh app on a RAM disk when there is one: every case writes and flushes.
fn scratch_app() -> (tempfile::TempDir, Arc<App>) {
    let dir = match std::path::Path::new("/dev/shm").is_dir() {
        true => tempfile::tempdir_in("/dev/shm").unwrap(),
        false => tempfile::tempdir().unwrap(),
    };
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    (dir, app)
}

/// JSON shaped like a record of some version: the right field names, wrong or odd
/// values, any `v`.
fn recordish_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        (0u64..5).prop_map(serde_json::Value::from),
        "\\PC{0,12}".prop_map(serde_json::Value::from),
        prop_oneof![
            Just("ru"),
            Just("kk"),
            Just("en"),
            Just("UZ"),
            Just("entry"),
            Just("summary"),
            Just("plan"),
            Just("documents"),
            Just("2026-11-01"),
            Just("2026-02-30"),
            Just("1970-01-01T00:00:00Z"),
            Just("trp"),
            Just("work"),
        ]
        .prop_map(serde_json::Value::from),
    ];
    let field = prop_oneof![
        Just("v"),
        Just("conversation"),
        Just("meta"),
        Just("lang"),
        Just("started"),
        Just("question"),
        Just("q"),
        Just("profile"),
        Just("citizenship"),
        Just("entry"),
        Just("documents"),
        Just("document_ends"),
        Just("pending"),
        Just("sent"),
        Just("reminders"),
        Just("created"),
        Just("last_seen"),
        Just("blocked"),
        Just("user"),
        Just("due"),
        Just("kind"),
        Just("date"),
        Just("offset"),
        Just("state"),
        Just("at"),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            proptest::collection::btree_map(field.clone(), inner, 0..6).prop_map(|m| {
                serde_json::Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

/// Any bytes, JSON shaped like a record, or a real record with one field changed.
fn stored_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        recordish_json().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        (recordish_json(), 0u64..6).prop_map(|(v, version)| {
            let mut object = match v {
                serde_json::Value::Object(m) => m,
                other => {
                    let mut m = serde_json::Map::new();
                    m.insert("conversation".into(), other);
                    m
                }
            };
            object.insert("v".into(), version.into());
            serde_json::to_vec(&object).unwrap()
        }),
    ]
}

fn some_input() -> impl Strategy<Value = Input> {
    let actions = every_action();
    prop_oneof![
        typed().prop_map(|t| Input::from_text(&t)),
        (0..actions.len()).prop_map(move |i| Input::Button(actions[i].clone())),
        Just(Input::Command(Command::Start)),
        Just(Input::Command(Command::Me)),
        Just(Input::Command(Command::Plan)),
        Just(Input::Command(Command::Reminders)),
        Just(Input::Command(Command::Calendar)),
        Just(Input::Unsupported),
    ]
}

/// After anything was stored for `user`, a message gets an answer, the record is
/// readable, and the next message goes on from there: a safe point.
fn assert_safe_point(app: &App, user: u64, input: &Input) -> Result<(), TestCaseError> {
    let handled = app.handle(user, input, Some(Lang::En));
    let handled = match handled {
        Ok(h) => h,
        Err(e) => return Err(TestCaseError::fail(format!("handle failed: {e}"))),
    };
    prop_assert!(
        !handled.replies.is_empty() || handled.export.is_some() || handled.calendar.is_some(),
        "silence after {input:?}"
    );
    // Readable, or no record at all: a user who had no record (only damaged reminders
    // were stored for them, say) and has answered nothing is not stored.
    let loaded = app.store.load(user, app.clock.now());
    prop_assert!(
        matches!(loaded, Ok(Loaded::Found(_) | Loaded::New)),
        "not readable after a message: {loaded:?}"
    );
    let again = app.handle(user, &Input::Command(Command::Start), None);
    prop_assert!(
        matches!(&again, Ok(h) if !h.replies.is_empty()),
        "no way on: {again:?}"
    );
    Ok(())
}

#[test]
fn fuzz_stored_user_records() {
    let (_dir, app) = scratch_app();
    let next = std::sync::atomic::AtomicU64::new(1_000);
    fuzz(300, (stored_bytes(), some_input()), |(bytes, input)| {
        let user = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        app.store.put_raw(user, &bytes).unwrap();
        let _ = app.store.export(user).unwrap();
        assert_safe_point(&app, user, &input)?;
        prop_assert!(app.store.delete(user).is_ok());
        prop_assert!(traces_of(&app.store, user).is_empty());
        Ok(())
    });
}

#[test]
fn fuzz_stored_reminders_and_indexes() {
    let (_dir, app) = scratch_app();
    let next = std::sync::atomic::AtomicU64::new(1_000_000);
    let trees = prop_oneof![
        Just("reminders"),
        Just("reminder_users"),
        Just("reminders_in_flight"),
        Just("quarantine"),
    ];
    let key_tail = prop_oneof![
        Just(b"permit_end:2026-11-29:7".to_vec()),
        Just(b"trp_end:2026-11-29:0".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..24),
    ];
    let entries = proptest::collection::vec((trees, any::<i64>(), key_tail, stored_bytes()), 1..4);
    fuzz(
        200,
        (entries, some_input(), any::<bool>()),
        |(entries, input, planned)| {
            let user = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let now = app.clock.now();
            if planned {
                // A real user with a plan and reminders, whose entries are then spoiled.
                run(&app, user, &button_dialogue("29.11.2026"));
            }
            for (tree, ms, tail, value) in &entries {
                let mut key = Vec::new();
                if *tree == "reminders" {
                    // Due now or at any time, so the worker's read finds some of them.
                    let ms = if ms % 2 == 0 {
                        now.timestamp_millis() - 1
                    } else {
                        *ms
                    };
                    key.extend_from_slice(&((ms as u64) ^ (1 << 63)).to_be_bytes());
                }
                key.extend_from_slice(&user.to_be_bytes());
                if *tree != "reminder_users" {
                    key.extend_from_slice(tail);
                }
                app.store.put_raw_in(tree, &key, value).unwrap();
            }
            // What the worker, the terminal, /reminders, export, a re-plan and the sweep do.
            let (due, damaged) = app.store.due_reminders_and_damaged(now, 1_000).unwrap();
            for user in damaged {
                app.replan(user).unwrap();
            }
            if due.iter().any(|r| r.user == user) {
                if let Some(taken) = app.take_digest(user, now).unwrap() {
                    let _ = app.reminder_message(&taken).unwrap();
                    app.reminder_outcome(&taken, jolserik::reminders::Delivery::Delivered)
                        .unwrap();
                }
            }
            let left = app.store.in_flight(Some(user)).unwrap();
            let today = app.clock.today();
            for digest in jolserik::reminders::Digest::per_user(left, today) {
                app.reminder_outcome(&digest, jolserik::reminders::Delivery::Delivered)
                    .unwrap();
            }
            let _ = app.take_due_reminders(user).unwrap();
            let _ = app.store.pending_reminders(user).unwrap();
            let _ = app.store.reminder_state(user).unwrap();
            let _ = app.store.export(user).unwrap();
            let _ = app.store.next_due().unwrap();
            assert_safe_point(&app, user, &input)?;
            prop_assert!(app.store.delete(user).is_ok());
            let left = traces_of(&app.store, user);
            prop_assert!(left.is_empty(), "left after delete: {left:?}");
            Ok(())
        },
    );
}

/// The sweep over a store full of garbage never fails or panics. (Each case ends
/// with a compaction, a new sled directory: the long form runs a tenth of the cases.)
#[test]
fn fuzz_the_retention_sweep_over_damaged_records() {
    let (_dir, app) = scratch_app();
    let next = std::sync::atomic::AtomicU64::new(2_000_000);
    fuzz_n(
        cases(1_000).div_ceil(10),
        proptest::collection::vec(stored_bytes(), 1..4),
        |records| {
            let mut users = Vec::new();
            for bytes in &records {
                let user = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                app.store.put_raw(user, bytes).unwrap();
                app.store
                    .put_raw_in("reminder_users", &user.to_be_bytes(), bytes)
                    .unwrap();
                users.push(user);
            }
            let later: DateTime<Utc> = app.clock.now() + chrono::Duration::days(4000);
            let clock = app.clock.clone();
            clock.set(later);
            let report = app.sweep_retention();
            clock.set(at("2026-11-21T05:00:00Z"));
            prop_assert!(report.is_ok(), "{report:?}");
            // The next case starts from an empty store (a sweep walks every user).
            for user in users {
                app.store.delete(user).unwrap();
            }
            prop_assert!(app.store.is_empty().unwrap());
            Ok(())
        },
    );
}

// ---- the webhook body ---------------------------------------------------------------------

/// The previous webhook case's status and body size, to explain a failed request.
static LAST: std::sync::Mutex<Option<(u16, usize)>> = std::sync::Mutex::new(None);

/// Webhook bodies: arbitrary bytes, updates with a byte changed, updates with unknown
/// fields (a newer Bot API), fields of the wrong type, any text or button data, and
/// sizes up to past the limit, with the right secret or without. Every answer is 200,
/// 400, 401 or 413, never a 5xx, the bot keeps serving, and a real update is answered
/// at the end.
#[test]
fn fuzz_the_webhook_body() {
    use fake_bot_api::FakeBotApi;
    use jolserik::telegram::{self, Tuning};

    const SECRET: &str = "webhook-secret-for-the-fuzzer_01";
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (fake, running, endpoint, _dir) = rt.block_on(async {
        let fake = FakeBotApi::start().await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
        let app = open_app(
            dir.path(),
            &clock,
            &format!(
                "[telegram]\napi_url = {:?}\nmode = \"webhook\"\n[telegram.webhook]\n\
                 listen = \"127.0.0.1:0\"\npublic_url = \"https://bot.example.kz/tg\"\n",
                fake.url()
            ),
        );
        let options = bot_options(fake.url(), Tuning::local(), Some(SECRET));
        let running = telegram::start(app, options).await.unwrap();
        let endpoint = format!("http://{}/tg", running.webhook_addr().unwrap());
        (fake, running, endpoint, dir)
    });
    // A fresh connection per request: the endpoint answers a wrong secret at once,
    // without reading a large body, and closes that connection; a pooled connection
    // reused after it fails with a broken pipe on the client's side (see
    // RELIABILITY.md). Telegram sends the right secret, so it is not affected.
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let template =
        serde_json::to_value(fake.user(98_001, Some("en")).text_update("/start")).unwrap();
    let template = Arc::new(template);

    let value_mutation = (any::<u32>(), recordish_json(), "\\PC{0,20}", 0u8..4).prop_map({
        let template = template.clone();
        move |(at, value, name, how)| {
            let mut update = (*template).clone();
            let message = &mut update["message"];
            let keys: Vec<String> = message
                .as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            let key = keys[usize::try_from(at).unwrap_or(0) % keys.len().max(1)].clone();
            match how {
                0 => message[&key] = value,
                1 => {
                    if let Some(m) = message.as_object_mut() {
                        m.remove(&key);
                    }
                }
                2 => message[&name] = value,
                _ => update[&name] = value,
            }
            serde_json::to_vec(&update).unwrap()
        }
    });
    let texts = (typed(), any::<u8>()).prop_map({
        let template = template.clone();
        move |(text, kind)| {
            let mut update = (*template).clone();
            update["update_id"] = serde_json::json!(kind);
            update["message"]["text"] = serde_json::Value::from(text);
            serde_json::to_vec(&update).unwrap()
        }
    });
    let callbacks = typed().prop_map({
        let template = template.clone();
        move |data| {
            let message = template["message"].clone();
            serde_json::to_vec(&serde_json::json!({
                "update_id": 7,
                "callback_query": {
                    "id": "q1", "from": message["from"], "chat_instance": "1",
                    "message": message, "data": data,
                },
            }))
            .unwrap()
        }
    });
    let flipped = (any::<u32>(), any::<u8>()).prop_map({
        let template = template.clone();
        move |(at, byte)| {
            let mut bytes = serde_json::to_vec(&*template).unwrap();
            let at = usize::try_from(at).unwrap_or(0) % bytes.len();
            bytes[at] = byte;
            bytes
        }
    });
    let sized = (0usize..3).prop_map(|n| {
        let len = [1 << 10, (1 << 20) - 10, (1 << 20) + 10][n];
        let mut body = br#"{"update_id":1,"message":{"text":""#.to_vec();
        body.resize(len, b'a');
        body
    });
    let bodies = prop_oneof![
        4 => proptest::collection::vec(any::<u8>(), 0..300),
        4 => value_mutation,
        4 => texts,
        4 => callbacks,
        4 => flipped,
        1 => sized,
    ];
    let answers = std::sync::Mutex::new(BTreeMap::<u16, u64>::new());
    fuzz(400, (bodies, 0u8..10), |(body, secret)| {
        let secret = match secret {
            0 => None,
            1 => Some("wrong"),
            _ => Some(SECRET),
        };
        let status = rt.block_on(async {
            let mut request = client
                .post(&endpoint)
                .header("content-type", "application/json")
                .body(body.clone());
            if let Some(s) = secret {
                request = request.header("X-Telegram-Bot-Api-Secret-Token", s);
            }
            request.send().await.map(|r| r.status().as_u16())
        });
        let status = match status {
            Ok(status) => status,
            // A wrong or missing secret is refused at once, before the body is read,
            // and the connection closed: a client still sending a large body sees a
            // broken pipe instead of the 401. Anything else must be answered.
            Err(e) if secret != Some(SECRET) && e.is_request() => 401,
            Err(e) => {
                let last = *LAST.lock().unwrap();
                return Err(TestCaseError::fail(format!(
                    "no answer: {e:?}; previous case: {last:?}"
                )));
            }
        };
        *LAST.lock().unwrap() = Some((status, body.len()));
        *answers.lock().unwrap().entry(status).or_default() += 1;
        prop_assert!(
            [200, 400, 401, 413].contains(&status),
            "answered {status} to {} bytes",
            body.len()
        );
        if secret != Some(SECRET) {
            prop_assert_eq!(status, 401);
        }
        prop_assert!(!running.is_finished(), "the bot stopped");
        Ok(())
    });
    eprintln!("webhook answers by status: {:?}", answers.lock().unwrap());
    // Still serving: a real update is answered.
    let user = fake.user(98_002, Some("en"));
    let update = serde_json::to_vec(&user.text_update("/start")).unwrap();
    rt.block_on(async {
        let status = client
            .post(&endpoint)
            .header("content-type", "application/json")
            .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
            .body(update)
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status, 200);
        user.wait_button("1:l:en", Duration::from_secs(10))
            .await
            .expect("the bot answers after the fuzzing");
        running.shutdown().await.unwrap();
    });
}
