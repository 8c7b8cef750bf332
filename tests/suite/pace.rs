//! The turn pace: how long a new user waits, and how much they must read, at each
//! action of the whole dialogue, against the Bot API test double with Throttle on as
//! in production (one message a second per chat). Telegram lets a bot send about one
//! message a second to one chat, so every extra message in a turn is a second more.
//!
//! For each action: the messages sent (`sendMessage` and `sendDocument`), the edits
//! (`editMessageText`, `editMessageReplyMarkup`), the characters of the messages sent,
//! and the seconds from the action to the last call. The table is printed
//! (`cargo test --test suite pace:: -- --nocapture`); BENCHMARKS.md has the figures.
//! The assertions are on counts and characters, which do not depend on the machine;
//! the seconds are printed only.

use std::sync::Arc;
use std::time::{Duration, Instant};

use fake_bot_api::{Call, FakeBotApi, FakeUser};
use jolserik::app::App;
use jolserik::clock::Clock;
use jolserik::telegram::Tuning;

/// The bot has finished a turn when nothing more came for this long: Throttle sends a
/// chat's messages about a second apart, so a longer gap is the end of the turn.
const QUIET: Duration = Duration::from_millis(2200);
const WAIT: Duration = Duration::from_secs(30);

/// One thing the user does.
#[derive(Clone, Copy)]
enum Act {
    Text(&'static str),
    Press(&'static str),
}

/// A household worker from Uzbekistan with a labour permit, in English, as a new user
/// goes through the whole dialogue: buttons pressed, dates typed.
const SCRIPT: [(&str, Act); 11] = [
    ("/start", Act::Text("/start")),
    ("language: English", Act::Press("1:l:en")),
    ("citizenship: Uzbekistan", Act::Press("1:c:UZ")),
    ("entry typed", Act::Text("03.11.2026")),
    ("earlier days: none", Act::Press("1:p0")),
    ("purpose: work", Act::Press("1:u:work")),
    ("employer: household", Act::Press("1:m:household")),
    ("document: labour permit", Act::Press("1:d:labour_permit")),
    ("documents: done", Act::Press("1:dd")),
    ("permit end typed", Act::Text("15.02.2027")),
    ("summary: Correct", Act::Press("1:ok")),
];

/// What one action cost the user.
#[derive(Debug, Default, Clone, Copy)]
struct Turn {
    sent: usize,
    edits: usize,
    chars: usize,
    last: Duration,
}

fn is_send(call: &Call) -> bool {
    matches!(call.method.as_str(), "sendMessage" | "sendDocument")
}

fn is_edit(call: &Call) -> bool {
    matches!(
        call.method.as_str(),
        "editMessageText" | "editMessageReplyMarkup"
    )
}

/// The calls to this chat, from the `from`-th call of the double on.
fn chat_calls(fake: &FakeBotApi, chat: i64, from: usize) -> Vec<Call> {
    fake.calls()
        .into_iter()
        .skip(from)
        .filter(|c| c.ok() && c.chat_id() == Some(chat) && (is_send(c) || is_edit(c)))
        .collect()
}

/// Does `act` and waits for the bot to go quiet; what it sent, edited, and when.
async fn measure(fake: &FakeBotApi, user: &FakeUser, act: Act) -> Turn {
    let from = fake.calls().len();
    let started = Instant::now();
    match act {
        Act::Text(text) => {
            user.send_text(text);
        }
        Act::Press(data) => {
            user.press(data)
                .unwrap_or_else(|e| panic!("no button {data:?}: {e}"));
        }
    }
    let chat = user.chat_id();
    let mut seen = 0;
    let mut changed = Instant::now();
    loop {
        let calls = chat_calls(fake, chat, from);
        if calls.len() != seen {
            seen = calls.len();
            changed = Instant::now();
        }
        if seen > 0 && changed.elapsed() >= QUIET {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "no answer to an action in {WAIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let calls = chat_calls(fake, chat, from);
    Turn {
        sent: calls.iter().filter(|c| is_send(c)).count(),
        edits: calls.iter().filter(|c| is_edit(c)).count(),
        chars: calls
            .iter()
            .filter(|c| is_send(c))
            .map(|c| c.text().map_or(0, |t| t.chars().count()))
            .sum(),
        last: calls
            .iter()
            .map(|c| c.at.saturating_duration_since(started))
            .max()
            .unwrap_or_default(),
    }
}

async fn start(dir: &std::path::Path) -> (FakeBotApi, Arc<App>, jolserik::telegram::Running) {
    crate::common::show_bot_logs();
    let fake = FakeBotApi::start().await.expect("test double");
    let clock = Clock::manual(crate::common::at("2026-11-21T05:00:00Z"));
    let app = crate::common::open_app(dir, &clock, "");
    let production = Tuning {
        throttle: Tuning::default().throttle,
        ..Tuning::local()
    };
    let running = crate::common::start_bot_with(app.clone(), fake.url(), production).await;
    (fake, app, running)
}

/// The whole dialogue, one action at a time; prints the table and returns the turns.
async fn walk(fake: &FakeBotApi, user: &FakeUser) -> Vec<Turn> {
    let mut turns = Vec::new();
    println!(
        "{:<26} {:>5} {:>5} {:>6} {:>7}",
        "action", "sent", "edits", "chars", "last s"
    );
    for (what, act) in SCRIPT {
        let turn = measure(fake, user, act).await;
        println!(
            "{:<26} {:>5} {:>5} {:>6} {:>7.2}",
            what,
            turn.sent,
            turn.edits,
            turn.chars,
            turn.last.as_secs_f64()
        );
        turns.push(turn);
    }
    let sent: usize = turns.iter().map(|t| t.sent).sum();
    let edits: usize = turns.iter().map(|t| t.edits).sum();
    let chars: usize = turns.iter().map(|t| t.chars).sum();
    println!(
        "{:<26} {:>5} {:>5} {:>6}",
        "whole dialogue", sent, edits, chars
    );
    turns
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pace_of_every_turn_of_the_dialogue() {
    let dir = tempfile::tempdir().unwrap();
    let (fake, _app, running) = start(dir.path()).await;
    let user = fake.user(7, Some("en"));
    let turns = walk(&fake, &user).await;

    // Every action was answered, with at most one new message: an acknowledgement
    // and the next question are one message, a ticked box is an edit.
    assert!(turns.iter().all(|t| t.sent + t.edits > 0));
    assert!(turns.iter().all(|t| t.sent <= 1), "{turns:?}");
    // The whole dialogue in at most 11 messages (it was 18).
    let sent: usize = turns.iter().map(|t| t.sent).sum();
    assert!(sent <= 11, "{sent} messages");
    // The plan is one message, its first screen, of at most 900 characters (it was 7
    // messages and 5,064 characters).
    let plan = turns.last().expect("the last turn");
    assert_eq!(plan.sent, 1, "the plan is one message");
    assert!(plan.chars <= 900, "{} characters", plan.chars);
    running.shutdown().await.unwrap();
}
