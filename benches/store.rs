//! The store on a real disk (a temporary directory): one durable write of a user's
//! answer, alone (each write pays a whole flush) and under group commit (many threads
//! writing at once share flushes; the figure is the time per write, amortised); one
//! durable dialogue step through `App::handle` (load, step, save, flush); and finding
//! the next due reminder among 1,000,000 queued, which the worker does on every wake.
//!
//! The 1,000,000 reminders are written once per run (100,000 users × 10 reminders,
//! through the same transaction a profile change uses, from several threads so that
//! flushes are shared); that takes a few seconds to a minute, depending on the disk.
//!
//! Run: `cargo bench --bench store`.

use std::hint::black_box;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use jolserik::app::{App, Data};
use jolserik::clock::Clock;
use jolserik::config::Config;
use jolserik::domain::{DocKind, Lang};
use jolserik::engine::{Action, Command, Conversation, Input};
use jolserik::reminders::Reminder;
use jolserik::rules::DeadlineKind;
use jolserik::store::{Store, UserRecord};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 5, 0, 0)
        .single()
        .expect("a valid instant")
}

/// A record as it is in the middle of the dialogue.
fn record() -> UserRecord {
    let mut record = UserRecord::new(Conversation::new(Lang::Ru), now());
    record.conversation.started = true;
    record
}

/// Two versions of a record that differ (sled skips a write of the value already
/// there, which would measure nothing).
fn records() -> [UserRecord; 2] {
    let first = record();
    let mut second = first.clone();
    second.meta.last_seen += chrono::Duration::seconds(1);
    [first, second]
}

fn durable_writes(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Arc::new(Store::open(&dir.path().join("store")).expect("store"));
    let records = records();
    let mut g = c.benchmark_group("durable write");
    g.throughput(Throughput::Elements(1));
    let mut n = 0usize;
    g.bench_function("one user, own flush", |b| {
        b.iter(|| {
            n += 1;
            store
                .save(black_box(7), black_box(&records[n % 2]))
                .expect("save")
        })
    });
    // Each of `threads` writers saves its own user in a loop; the time reported is the
    // wall time divided by all writes: what one write costs when flushes are shared.
    for threads in [8usize, 64, 256] {
        g.bench_with_input(
            BenchmarkId::new("group commit, writers", threads),
            &threads,
            |b, &threads| {
                b.iter_custom(|iters| group_commit(&store, &records, threads, iters));
            },
        );
    }
    g.finish();
}

/// `iters` saves spread over `threads` threads; returns the wall time.
fn group_commit(
    store: &Arc<Store>,
    records: &[UserRecord; 2],
    threads: usize,
    iters: u64,
) -> Duration {
    let per_thread = iters.div_ceil(threads as u64);
    let start = Arc::new(Barrier::new(threads + 1));
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let store = store.clone();
            let records = records.clone();
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                for i in 0..per_thread {
                    let record = &records[usize::from(i % 2 == 1)];
                    store.save(1_000 + t as u64, record).expect("save");
                }
            })
        })
        .collect();
    start.wait();
    let began = Instant::now();
    for h in handles {
        h.join().expect("writer");
    }
    // Report per requested iteration: scale for the rounding up.
    began
        .elapsed()
        .mul_f64(iters as f64 / (per_thread * threads as u64) as f64)
}

fn app_step(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let toml = format!(
        "[storage]\npath = {:?}\n",
        dir.path().join("store").display().to_string()
    );
    let config = Config::from_toml_str(&toml, std::iter::empty()).expect("config");
    let data = Data::load(&config).expect("data");
    let store = Store::open(&config.storage.path).expect("store");
    let app = App::new(config, Clock::manual(now()), data, store);
    let user = 7;
    for input in [
        Input::Command(Command::Start),
        Input::Button(Action::Lang(Lang::En)),
        Input::Button(Action::Country(
            jolserik::domain::CountryCode::parse("UZ").expect("UZ"),
        )),
        Input::Text("01.11.2026".into()),
        Input::Button(Action::PriorNone),
        Input::Button(Action::Purpose(jolserik::domain::Purpose::Visit)),
    ] {
        app.handle(user, &input, None).expect("step");
    }
    // At the documents question each press flips a tick: a real change, saved and
    // flushed every time.
    let toggle = Input::Button(Action::ToggleDoc(DocKind::Iin));
    let mut g = c.benchmark_group("durable step");
    g.throughput(Throughput::Elements(1));
    g.bench_function("App::handle, one user (load, step, save, flush)", |b| {
        b.iter(|| app.handle(user, black_box(&toggle), None).expect("step"))
    });
    g.finish();
}

/// 1,000,000 reminders: 100,000 users × 10, due over a year.
const USERS: u64 = 100_000;
const PER_USER: u64 = 10;

fn reminders_of(user: u64) -> Vec<Reminder> {
    let base = now().timestamp_millis();
    (0..PER_USER)
        .map(|k| {
            // Spread over a year, users interleaved (a cheap permutation of the index).
            let n = (user * PER_USER + k).wrapping_mul(2_654_435_761) % 365_000_000;
            let due = base + i64::try_from(n).unwrap_or(0) * 86;
            Reminder {
                user,
                due: DateTime::from_timestamp_millis(due).expect("in range"),
                kind: DeadlineKind::ALL[usize::try_from(k).unwrap_or(0) % 8],
                date: NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date"),
                rule: "R2".into(),
                offset: i64::try_from(k).unwrap_or(0),
                step: None,
                link: None,
            }
        })
        .collect()
}

fn next_due(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Arc::new(Store::open(&dir.path().join("store")).expect("store"));
    let began = Instant::now();
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("a date");
    let threads = 16u64;
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let store = store.clone();
            std::thread::spawn(move || {
                let record = record();
                let mut user = t;
                while user < USERS {
                    let planned = reminders_of(user);
                    store
                        .save_and_replan(user, &record, today, &|_| planned.clone())
                        .expect("replan");
                    user += threads;
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("loader");
    }
    let queued = store.queued_reminders();
    assert_eq!(queued as u64, USERS * PER_USER);
    eprintln!(
        "next due: {queued} reminders written in {:.1} s",
        began.elapsed().as_secs_f64()
    );
    let mut g = c.benchmark_group("reminder queue");
    g.bench_function("next due among 1,000,000", |b| {
        b.iter(|| store.next_due().expect("next due"))
    });
    g.bench_function("the 100 most urgent among 1,000,000", |b| {
        let end = now() + chrono::Duration::days(400);
        b.iter(|| store.due_reminders(black_box(end), 100).expect("due"))
    });
    g.finish();
}

criterion_group!(store_benches, durable_writes, app_step, next_due);
criterion_main!(store_benches);
