//! One chat cannot stall the bot for everyone: a user flooding the bot, and a wave of
//! new accounts pressing Start, side by side with a normal user walking through the
//! dialogue, against the Bot API test double with Throttle on as in production (one
//! message a second per chat, 30 a second overall).
//!
//! Each test prints what it measured (`cargo test --test suite flood:: -- --nocapture`);
//! RELIABILITY.md has the figures.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fake_bot_api::{FakeBotApi, FakeUser};
use jolserik::app::App;
use jolserik::clock::Clock;
use jolserik::domain::Lang;
use jolserik::telegram::{count_users, Tuning};
use jolserik::text::Msg;

/// The longest a normal user may wait for the bot's answer to one action.
const TURN_LIMIT: Duration = Duration::from_millis(1500);
const WAIT: Duration = Duration::from_secs(20);
/// How long the normal user reads a question before answering. A second or more, as
/// people do; and Telegram's one message a second per chat would otherwise be measured
/// as the bot's delay.
const READING: Duration = Duration::from_millis(1200);

/// Throttle as in production, the rest as for a local Bot API.
fn production_throttle() -> Tuning {
    Tuning {
        throttle: Tuning::default().throttle,
        ..Tuning::local()
    }
}

/// One action of the normal user, and the button of the question it leads to.
enum Act {
    Text(&'static str),
    Press(&'static str),
}

/// The dialogue up to the summary, each action with the button that shows the bot
/// has answered it.
const TURNS: [(Act, &str); 7] = [
    (Act::Press("1:l:en"), "1:c:UZ"),
    (Act::Press("1:c:UZ"), "1:td"),
    (Act::Text("01.11.2026"), "1:p0"),
    (Act::Press("1:p0"), "1:u:work"),
    (Act::Press("1:u:work"), "1:m:company"),
    (Act::Press("1:m:company"), "1:d0"),
    (Act::Press("1:d0"), "1:ok"),
];

/// Walks the normal user through `turns` and returns how long each answer took.
async fn walk(user: &FakeUser, turns: &[(Act, &str)]) -> Vec<Duration> {
    let mut paces = Vec::new();
    for (act, next) in turns {
        tokio::time::sleep(READING).await;
        let started = Instant::now();
        match act {
            Act::Text(text) => {
                user.send_text(text);
            }
            Act::Press(data) => {
                user.press(data).expect("the button is there");
            }
        }
        user.wait_button(next, WAIT)
            .await
            .unwrap_or_else(|e| panic!("no answer to {next:?}: {e}"));
        paces.push(started.elapsed());
    }
    paces
}

fn store_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                total += meta.len();
            }
        }
    }
    total
}

fn millis(d: &[Duration]) -> Vec<u128> {
    d.iter().map(Duration::as_millis).collect()
}

async fn start(dir: &Path) -> (FakeBotApi, Arc<App>, jolserik::telegram::Running) {
    start_with(dir, "").await
}

async fn start_with(
    dir: &Path,
    config: &str,
) -> (FakeBotApi, Arc<App>, jolserik::telegram::Running) {
    crate::common::show_bot_logs();
    let fake = FakeBotApi::start().await.expect("test double");
    let clock = Clock::manual(crate::common::at("2026-11-21T05:00:00Z"));
    let app = crate::common::open_app(dir, &clock, config);
    let running =
        crate::common::start_bot_with(app.clone(), fake.url(), production_throttle()).await;
    (fake, app, running)
}

/// A normal user has seen the greeting and is about to choose a language.
async fn greeted(user: &FakeUser) {
    user.send_text("/start");
    user.wait_button("1:l:en", WAIT).await.expect("greeting");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooding_chat_does_not_delay_another_user() {
    let dir = tempfile::tempdir().unwrap();
    let (fake, app, running) = start(dir.path()).await;
    let normal = fake.user(2, Some("en"));
    greeted(&normal).await;

    // 300 messages in 10 seconds from one chat.
    let flooder = fake.user(1, Some("ru"));
    let flooding = {
        let flooder = flooder.clone();
        tokio::spawn(async move {
            for i in 0..300 {
                flooder.send_text(&format!("message {i}"));
                tokio::time::sleep(Duration::from_millis(33)).await;
            }
        })
    };
    tokio::time::sleep(Duration::from_secs(1)).await;
    let paces = walk(&normal, &TURNS).await;
    flooding.await.unwrap();
    // Whatever the flooder was still owed goes out at one a second.
    tokio::time::sleep(Duration::from_secs(6)).await;

    let slow_down = app.render(Lang::Ru, &Msg::new("tg-slow-down"));
    let flooder_texts = flooder.bot_texts();
    let told = flooder_texts.iter().filter(|t| **t == slow_down).count();
    let dropped = running.metrics().updates_dropped_total();
    println!(
        "flood of 300: normal user's turns (ms) {:?}; flooder got {} messages ({} slow-down); {} updates dropped",
        millis(&paces),
        flooder_texts.len(),
        told,
        dropped
    );
    for (pace, (_, next)) in paces.iter().zip(&TURNS) {
        assert!(
            *pace <= TURN_LIMIT,
            "the answer leading to {next:?} took {pace:?}"
        );
    }
    assert_eq!(told, 1, "told to slow down once, in their language");
    // Of 300 messages, a few are answered (at most the `burst` of 20 and 40 a minute
    // over the 10 s, and no more than `pending` at a time), the rest dropped.
    assert!(dropped >= 270, "only {dropped} of 300 dropped");
    // Dropped updates left the inbox: at most the `pending` ones still being answered
    // are handed over again at the next start.
    running.shutdown().await.unwrap();
    let left = app.store.inbox().unwrap().len();
    assert!(left <= 8, "{left} updates left in the inbox");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_button_flood_is_limited_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let (fake, _app, running) = start(dir.path()).await;
    let normal = fake.user(2, Some("en"));
    greeted(&normal).await;
    let presser = fake.user(3, Some("en"));
    presser.send_text("/start");
    let language_question = presser.wait_button("1:l:en", WAIT).await.unwrap();
    let pressing = {
        let presser = presser.clone();
        tokio::spawn(async move {
            for _ in 0..200 {
                // The language button, pressed again and again on the same message.
                presser.press_on(language_question.id, "1:l:en");
                tokio::time::sleep(Duration::from_millis(25)).await;
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    let paces = walk(&normal, &TURNS).await;
    pressing.await.unwrap();
    println!(
        "button flood of 200: normal user's turns (ms) {:?}; {} updates dropped",
        millis(&paces),
        running.metrics().updates_dropped_total()
    );
    for pace in &paces {
        assert!(*pace <= TURN_LIMIT, "{pace:?}");
    }
    assert!(running.metrics().updates_dropped_total() >= 150);
    running.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_new_accounts_neither_grow_the_store_nor_delay_a_user() {
    let dir = tempfile::tempdir().unwrap();
    // A line shorter than the wave, to see it hold.
    let line = 300;
    let (fake, app, running) = start_with(
        dir.path(),
        &format!("[telegram.flood]\nnew_users_waiting = {line}"),
    )
    .await;
    let normal = fake.user(2, Some("en"));
    greeted(&normal).await;
    // The normal user has answered something, so is known before the wave.
    let (first, _) = &TURNS[0];
    if let Act::Press(data) = first {
        normal.press(data).unwrap();
    }
    normal.wait_button("1:c:UZ", WAIT).await.unwrap();
    app.store.sync().unwrap();
    let users_before = count_users(&app).unwrap();
    let bytes_before = store_bytes(&dir.path().join("store"));

    let newcomers: Vec<FakeUser> = (0..1000)
        .map(|i| fake.user(1_000_000 + i, Some("uz")))
        .collect();
    let wave = {
        let newcomers = newcomers.clone();
        tokio::spawn(async move {
            for chunk in newcomers.chunks(10) {
                for user in chunk {
                    user.send_text("/start");
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
    };
    tokio::time::sleep(Duration::from_secs(1)).await;
    let paces = walk(&normal, &TURNS[1..]).await;
    wave.await.unwrap();
    let greeted_new = newcomers
        .iter()
        .filter(|u| !u.bot_texts().is_empty())
        .count();
    app.store.sync().unwrap();
    let users_after = count_users(&app).unwrap();
    let bytes_after = store_bytes(&dir.path().join("store"));
    let waiting = app.store.inbox().unwrap().len();
    let dropped = running.metrics().updates_dropped_total();
    println!(
        "1,000 new accounts in 10 s: normal user's turns (ms) {:?}; {} greeted so far, {} waiting in the inbox, {} dropped (line of {}); users stored {} -> {}; store {} -> {} bytes",
        millis(&paces),
        greeted_new,
        waiting,
        dropped,
        line,
        users_before.users,
        users_after.users,
        bytes_before,
        bytes_after
    );
    // The inbox holds the line and the few being answered, never the whole wave.
    assert!(waiting <= line + 50, "{waiting} updates in the inbox");
    assert!(dropped > 0, "a wave longer than the line overflows it");
    for pace in &paces {
        assert!(*pace <= TURN_LIMIT, "{pace:?}");
    }
    assert!(greeted_new >= 50, "new users are answered, in turn");
    assert_eq!(
        users_after.users, users_before.users,
        "accounts that only pressed Start are not stored"
    );
    running.shutdown().await.unwrap();
}
