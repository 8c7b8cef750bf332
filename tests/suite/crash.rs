//! Crash safety of the built binary: `jolserik serve` against the Bot API test double
//! (in this process; the bot is a child process), with users in the middle of the
//! dialogue and a morning's reminders falling due, killed with SIGKILL at random
//! moments and restarted each time (its clock carried on with `--now`). Then a SIGTERM
//! under the same load, and a last run that lets everything finish.
//!
//! What must hold:
//! - the store opens after every kill;
//! - every answer the bot acknowledged is in the store: after each kill, the question
//!   a user's newest bot message asks is never ahead of the question the store has
//!   them at (the bot shows the next question only after saving the answer);
//! - every reminder due is delivered at least once (each "delivered" or "superseded"
//!   entry of the sent log, no reminder due and not taken, none left in flight), and
//!   a reminder sent twice has a kill between the two sends;
//! - SIGTERM under load exits 0 and loses nothing;
//! - the logs of every run carry neither the token nor the typed answers.
//!
//! Short form in `cargo test`: 5 kills. Long form:
//!
//! ```sh
//! JOLSERIK_CRASH_KILLS=25 cargo test --release --test suite crash:: -- --nocapture
//! JOLSERIK_CRASH_KILLS=25 JOLSERIK_CRASH_REMINDERS=1250 cargo test --release --test suite crash:: -- --nocapture
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::common::*;
use chrono::{DateTime, Utc};
use fake_bot_api::{ChatMessage, FakeBotApi, FakeUser};
use jolserik::clock::Clock;
use jolserik::store::{Loaded, SentState, Store};

/// The bot's clock at the first start: 09:59:57 in Almaty on 21 November 2026, three
/// seconds before the morning's reminders.
const START: &str = "2026-11-21T04:59:57Z";
const DIALOGUE_USERS: u64 = 6;
const FIRST_DIALOGUE_USER: u64 = 70_001;
const FIRST_REMINDER_USER: u64 = 80_001;

fn kills() -> usize {
    std::env::var("JOLSERIK_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
}

/// How many users have a reminder due at 10:00: enough to keep the bot sending (30
/// messages a second at most) through the first kills in the short form, and through
/// most of them in the long form.
fn reminder_users() -> u64 {
    // A bigger backlog on request: `JOLSERIK_CRASH_REMINDERS=1250`.
    if let Some(n) = std::env::var("JOLSERIK_CRASH_REMINDERS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return n;
    }
    if long_form() {
        10 * kills() as u64
    } else {
        60
    }
}

/// Whether this is the long form (`JOLSERIK_CRASH_KILLS` set).
fn long_form() -> bool {
    std::env::var_os("JOLSERIK_CRASH_KILLS").is_some()
}

/// A small deterministic generator (xorshift), seeded per run and printed, so a
/// failure can be replayed with `JOLSERIK_CRASH_SEED`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn millis(&mut self, from: u64, to: u64) -> Duration {
        Duration::from_millis(from + self.next() % (to - from))
    }
}

/// The bot as a child process, and what it needs to be started again.
struct Bot {
    dir: PathBuf,
    config: PathBuf,
    api_url: String,
    began: Instant,
    start: DateTime<Utc>,
    child: Option<Child>,
    runs: usize,
}

impl Bot {
    fn spawn(&mut self) {
        // The clock carries on: the bot's "now" is the first start plus real time.
        let now = self.start + chrono::Duration::from_std(self.began.elapsed()).unwrap();
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join("serve.log"))
            .unwrap();
        let child = jolserik_bin()
            .arg("--config")
            .arg(&self.config)
            .args(["serve", "--now", &now.to_rfc3339()])
            .current_dir(&self.dir)
            .env("RUST_LOG", "info")
            .env("TELOXIDE_TOKEN", fake_bot_api::TOKEN)
            .env("TELOXIDE_API_URL", &self.api_url)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(child);
        self.runs += 1;
    }

    /// SIGKILL; returns when the process is gone.
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// SIGTERM; returns the exit code.
    fn terminate(&mut self) -> Option<i32> {
        let mut child = self.child.take()?;
        crate::common::signal(child.id(), "-TERM");
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(exit) = child.try_wait().unwrap() {
                return exit.code();
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("the bot did not stop within 20 s of SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn store_path(&self) -> PathBuf {
        store_path(&self.dir)
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Where in the dialogue a question is, for comparing what the user saw with what
/// the store has.
fn stored_position(question: &str) -> u8 {
    match question {
        "language" => 0,
        "citizenship" | "citizenship_typed" | "citizenship_confirm" | "citizenship_choose" => 1,
        "entry" => 2,
        "trips" | "prior_days" | "trip_entry" | "trip_exit" | "trip_more" | "trip_list" => 3,
        "entry_planned" => 2,
        "purpose" => 4,
        "employer" => 5,
        "documents" => 6,
        "document_end" => 7,
        "summary" | "change_which" => 8,
        "plan" => 9,
        other => panic!("unknown question {other}"),
    }
}

fn is_reminder(m: &ChatMessage) -> bool {
    m.callback_data()
        .iter()
        .any(|d| d.starts_with("1:rx:") || d.starts_with("1:rs:"))
}

/// The question the user's newest bot message with buttons asks, and that message.
fn shown(user: &FakeUser) -> Option<(u8, ChatMessage)> {
    let messages = user.messages();
    let message = messages
        .into_iter()
        .rev()
        .filter(|m| m.from_bot && !is_reminder(m))
        .find(|m| !m.callback_data().is_empty())?;
    let data = message.callback_data();
    let has = |prefix: &str| data.iter().any(|d| d.starts_with(prefix));
    let position = if has("1:s:") {
        9
    } else if has("1:ok") {
        8
    } else if has("1:d") {
        6
    } else if has("1:m:") {
        5
    } else if has("1:u:") {
        4
    } else if has("1:p0") {
        3
    } else if has("1:td") {
        2
    } else if has("1:c:") || has("1:co") || has("1:y") {
        1
    } else if has("1:l:") {
        0
    } else {
        return None;
    };
    Some((position, message))
}

/// Answers the question the newest bot message asks, like a person who waits for
/// each reply and, after a few seconds of silence, sends the same again; stops at
/// the plan. (A message in flight when the bot is killed can be lost without an
/// answer: teloxide confirms an update to Telegram when it asks for the next ones,
/// which may be before the handler has run. Nothing acknowledged is lost that way;
/// the user just has to repeat themselves, as here.)
async fn converse(user: FakeUser, stop: Arc<AtomicBool>) {
    const PATIENCE: Duration = Duration::from_millis(2_500);
    let mut last_action: Option<(i64, u8)> = None;
    let mut acted_at = Instant::now() - PATIENCE;
    let mut seen = 0;
    let mut repeated = false;
    while !stop.load(Ordering::SeqCst) {
        let count = user.messages().iter().filter(|m| m.from_bot).count();
        if count > seen {
            seen = count;
            // Something new: the bot is answering; give it a moment to finish.
            acted_at = Instant::now().min(acted_at + PATIENCE);
        }
        let current = shown(&user);
        let position = current.as_ref().map(|(p, _)| *p);
        if position == Some(9) {
            return;
        }
        let key = current.as_ref().map(|(p, m)| (m.id, *p));
        let fresh = key.is_some() && key != last_action;
        if !fresh && acted_at.elapsed() < PATIENCE {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        }
        // A question not answered yet: answer it. Silence after our answer: send it
        // again once, then ask where we are with /plan, which shows the plan or asks
        // the current question again (the reply that would have moved us on may have
        // been lost with the process that was to send it).
        let repeat = !fresh;
        if repeat && repeated {
            user.send_text("/plan");
            repeated = false;
            acted_at = Instant::now();
            continue;
        }
        repeated = repeat;
        match position {
            None => drop(user.send_text("/plan")),
            Some(0) => drop(user.press("1:l:en")),
            Some(1) => drop(user.press("1:c:UZ")),
            Some(2) => drop(user.send_text("01.11.2026")),
            Some(3) => drop(user.press("1:p0")),
            Some(4) => drop(user.press("1:u:work")),
            Some(5) => drop(user.press("1:m:company")),
            Some(6) => drop(user.press("1:d0")),
            Some(8) => drop(user.press("1:ok")),
            Some(_) => {}
        }
        last_action = key;
        acted_at = Instant::now();
    }
}

/// With the bot stopped: the store opens, and no user has been shown a question
/// beyond the one the store has them at.
fn check_acknowledged(bot: &Bot, users: &[FakeUser], label: &str) -> BTreeMap<u64, u8> {
    let store = Store::open(&bot.store_path())
        .unwrap_or_else(|e| panic!("{label}: the store does not open: {e}"));
    let now = Utc::now();
    let mut positions = BTreeMap::new();
    for user in users {
        let stored_at = match store.load(user.id, now).unwrap() {
            Loaded::Found(record) => {
                let json = serde_json::to_value(&record.conversation.question).unwrap();
                Some(stored_position(json["q"].as_str().unwrap()))
            }
            _ => None,
        };
        if let Some((shown_at, _)) = shown(user) {
            assert!(
                stored_at.is_some_and(|s| s >= shown_at),
                "{label}: user {} was shown question {shown_at} but the store has {stored_at:?}",
                user.id
            );
        }
        if let Some(at) = stored_at {
            positions.insert(user.id, at);
        }
    }
    positions
}

/// Every send of every reminder: (chat, text) → the instants it reached the double.
fn reminder_sends(fake: &FakeBotApi) -> BTreeMap<(i64, String), Vec<Instant>> {
    let mut sends: BTreeMap<(i64, String), Vec<Instant>> = BTreeMap::new();
    for call in fake.calls_to("sendMessage") {
        let is_reminder = call.callback_data().iter().any(|d| d.starts_with("1:rx:"));
        if call.ok() && is_reminder {
            if let (Some(chat), Some(text)) = (call.chat_id(), call.text()) {
                sends
                    .entry((chat, text.to_string()))
                    .or_default()
                    .push(call.at);
            }
        }
    }
    sends
}

/// Dialogue users stopped in the middle of the dialogue, and reminder users: visitors
/// whose residence permit ends 1, 3, 7, 14 or 30 days after the morning of the test,
/// so that one reminder of each falls due at 10:00.
fn prepare_users(dir: &Path) {
    let clock = Clock::manual(at("2026-11-21T04:00:00Z"));
    let app = open_app(dir, &clock, "");
    // Dialogue users, each stopped at another question (entry, trips, purpose,
    // employer, documents, summary); they carry on under the kills.
    let stops = [5, 6, 8, 9, 11, 13];
    for i in 0..DIALOGUE_USERS {
        let k = stops[usize::try_from(i).unwrap() % stops.len()];
        run(
            &app,
            FIRST_DIALOGUE_USER + i,
            &typed_dialogue("31.12.2026")[..k],
        );
    }
    let ends = [
        "22.11.2026",
        "24.11.2026",
        "28.11.2026",
        "05.12.2026",
        "21.12.2026",
    ];
    for i in 0..reminder_users() {
        let user = FIRST_REMINDER_USER + i;
        let end = ends[usize::try_from(i).unwrap() % ends.len()];
        run(&app, user, &button_dialogue(end));
        assert!(
            app.store
                .pending_reminders(user)
                .unwrap()
                .iter()
                .any(|r| r.due == at("2026-11-21T05:00:00Z")),
            "user {user} has no reminder at 10:00"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_at_random_moments_the_bot_loses_nothing_it_acknowledged() {
    let seed = std::env::var("JOLSERIK_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
                | 1
        });
    let kills = kills();
    eprintln!("crash test: {kills} kills, JOLSERIK_CRASH_SEED={seed}");
    let mut rng = Rng(seed);

    // On a RAM disk when there is one: a SIGKILL loses what the process held, not
    // what it wrote (the page cache outlives it), so this tests the same thing, and
    // preparing 150 users with a flush per answer is fast.
    let dir = match Path::new("/dev/shm").is_dir() {
        true => tempfile::tempdir_in("/dev/shm").unwrap(),
        false => tempfile::tempdir().unwrap(),
    };
    prepare_users(dir.path());
    let fake = FakeBotApi::start().await.unwrap();
    let config = write_config(dir.path(), "[telegram]\napi_url = \"http://127.0.0.1:9\"\n");
    let mut bot = Bot {
        dir: dir.path().to_path_buf(),
        config,
        api_url: fake.url(),
        began: Instant::now(),
        start: at(START),
        child: None,
        runs: 0,
    };
    // The reminder users talked to the bot before (in `prepare_reminder_users`): the
    // double must know their chats, or it answers "chat not found".
    for i in 0..reminder_users() {
        fake.user(FIRST_REMINDER_USER + i, Some("ru"))
            .text_update("/start");
    }
    let users: Vec<FakeUser> = (0..DIALOGUE_USERS)
        .map(|i| fake.user(FIRST_DIALOGUE_USER + i, Some("en")))
        .collect();
    let stop = Arc::new(AtomicBool::new(false));

    bot.spawn();
    let talkers: Vec<_> = users
        .iter()
        .map(|u| tokio::spawn(converse(u.clone(), stop.clone())))
        .collect();

    // ---- SIGKILL at random moments -----------------------------------------------
    let mut kill_times = Vec::new();
    let mut progress = Vec::new();
    for k in 0..kills {
        tokio::time::sleep(rng.millis(1_000, 2_500)).await;
        kill_times.push(Instant::now());
        bot.kill();
        let positions = check_acknowledged(&bot, &users, &format!("after kill {}", k + 1));
        progress.push(positions.values().map(|p| u64::from(*p)).sum::<u64>());
        bot.spawn();
    }
    // ---- SIGTERM under load --------------------------------------------------------
    tokio::time::sleep(rng.millis(1_000, 2_000)).await;
    let terminated_at = Instant::now();
    let code = bot.terminate();
    assert_eq!(code, Some(0), "SIGTERM under load must exit 0");
    let after_term = check_acknowledged(&bot, &users, "after SIGTERM");
    {
        let store = Store::open(&bot.store_path()).unwrap();
        let left = store.in_flight(None).unwrap();
        eprintln!("after SIGTERM: {} reminder(s) in flight", left.len());
    }
    // ---- a last run: everything finishes ---------------------------------------------
    bot.spawn();
    // At most 30 reminders a second, and the dialogues to finish.
    let finish = Instant::now() + Duration::from_secs(30 + reminder_users() / 5);
    loop {
        // The long form also waits for every dialogue to reach the plan (the replies
        // are throttled to one message a second per chat: that takes a while).
        let done = !long_form() || users.iter().all(|u| matches!(shown(u), Some((9, _))));
        let sent = reminder_sends(&fake).len();
        if done && sent >= reminder_users() as usize {
            break;
        }
        if Instant::now() > finish {
            let _ = std::fs::copy(dir.path().join("serve.log"), "/tmp/crash-serve.log");
            let logs = std::fs::read_to_string(dir.path().join("serve.log")).unwrap_or_default();
            let tail: Vec<&str> = logs.lines().rev().take(40).collect();
            panic!(
                "not finished in time: {sent} reminders, dialogue at {:?}; log tail:\n{}",
                users
                    .iter()
                    .map(|u| shown(u).map(|s| s.0))
                    .collect::<Vec<_>>(),
                tail.into_iter().rev().collect::<Vec<_>>().join("\n")
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The users stop writing; then quiet for a moment: nothing still on its way.
    stop.store(true, Ordering::SeqCst);
    for t in talkers {
        t.await.unwrap();
    }
    let sent_count = || fake.calls_to("sendMessage").len();
    let mut last = sent_count();
    loop {
        tokio::time::sleep(Duration::from_millis(700)).await;
        let now = sent_count();
        if now == last {
            break;
        }
        last = now;
    }
    // Nothing is under way: a kill now loses nothing (and does not wait out the long
    // poll, as a graceful stop does).
    bot.kill();
    // ---- what must hold ----------------------------------------------------------------
    let final_positions = check_acknowledged(&bot, &users, "at the end");
    let store = Store::open(&bot.store_path()).unwrap();
    if long_form() {
        assert!(
            final_positions.values().all(|p| *p == 9),
            "{final_positions:?}"
        );
    }
    assert!(store.in_flight(None).unwrap().is_empty(), "left in flight");
    let sends = reminder_sends(&fake);
    let now = at(START) + chrono::Duration::from_std(bot.began.elapsed()).unwrap();
    let mut delivered_total = 0;
    for i in 0..reminder_users() {
        let user = FIRST_REMINDER_USER + i;
        // Nothing due is still waiting.
        for r in store.pending_reminders(user).unwrap() {
            assert!(r.due > now, "user {user}: {} is due and not sent", r.id());
        }
        let log = store.reminder_state(user).unwrap();
        let delivered: BTreeSet<&String> = log
            .sent
            .iter()
            .filter(|(_, e)| e.state == SentState::Delivered)
            .map(|(id, _)| id)
            .collect();
        assert!(
            log.sent
                .values()
                .all(|e| e.state != SentState::InFlight && e.state != SentState::Dropped),
            "user {user}: {:?}",
            log.sent
        );
        // Each superseded reminder has a delivered one of the same deadline.
        for (id, entry) in &log.sent {
            if entry.state == SentState::Superseded {
                let deadline = id.rsplit_once(':').map(|(d, _)| d).unwrap();
                assert!(
                    delivered.iter().any(|d| d.starts_with(deadline)),
                    "user {user}: {id} superseded by nothing delivered"
                );
            }
        }
        let chat = i64::try_from(user).unwrap();
        let texts = sends.keys().filter(|(c, _)| *c == chat).count();
        assert_eq!(
            texts,
            delivered.len(),
            "user {user}: {} delivered in the log, {texts} different reminders received",
            delivered.len()
        );
        assert!(!delivered.is_empty(), "user {user}: nothing delivered");
        delivered_total += delivered.len();
    }
    // A reminder received twice has a kill between the two sends.
    let mut duplicates = 0;
    for ((chat, _), times) in &sends {
        for pair in times.windows(2) {
            duplicates += 1;
            let rel = |t: Instant| t.duration_since(bot.began);
            assert!(
                kill_times.iter().any(|k| *k > pair[0] && *k < pair[1]),
                "chat {chat}: a reminder was sent at {:?} and {:?} with no kill between \
                 (kills at {:?}, SIGTERM at {:?})",
                rel(pair[0]),
                rel(pair[1]),
                kill_times.iter().map(|k| rel(*k)).collect::<Vec<_>>(),
                rel(terminated_at)
            );
        }
    }
    // The logs carry neither the token nor what the users typed.
    let logs = std::fs::read_to_string(dir.path().join("serve.log")).unwrap();
    assert!(
        !logs.contains(fake_bot_api::TOKEN),
        "the token is in the logs"
    );
    for typed in ["01.11.2026", "2026-11-01"] {
        assert!(!logs.contains(typed), "{typed:?} is in the logs");
    }
    assert!(!logs.contains("panicked"), "a panic in the logs");
    eprintln!(
        "crash test: {} runs, {kills} kills + 1 SIGTERM; {} dialogue users, at {final_positions:?} in the end; \
         {delivered_total} reminders delivered, {duplicates} duplicate sends (each after a kill); \
         progress at each kill {progress:?}; after SIGTERM {after_term:?}",
        bot.runs, DIALOGUE_USERS
    );
}
