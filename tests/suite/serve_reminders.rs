//! The reminder promise end to end, as an operator would see it: the built binary in
//! `serve` mode against the Bot API test double. A user tells the bot their permit ends
//! in 8 days; the bot is stopped; restarted a week later at 10:05 it sends that reminder
//! exactly once; restarted again, it sends nothing more.

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

use fake_bot_api::FakeBotApi;

use crate::common::jolserik_bin;

const T: &str = "2026-11-21T10:00:00+05:00";
/// Seven days later, five minutes after the configured send time (10:00).
const T_PLUS_7: &str = "2026-11-28T10:05:00+05:00";
/// The permit's end date: T + 8 days.
const PERMIT_STOP_BUTTON: &str = "1:rx:permit_end:2026-11-29";
const LONG: Duration = Duration::from_secs(40);

fn serve(dir: &Path, fake: &FakeBotApi, now: &str, log_name: &str) -> Child {
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!(
            // The test answers at machine speed, far over a person's pace and so over
            // the flood limits (tests/suite/flood.rs tests those).
            "[storage]\npath = \"{}\"\n[telegram.flood]\nburst = 1000\nper_minute = 6000\n",
            dir.join("store").display().to_string().replace('\\', "/")
        ),
    )
    .unwrap();
    jolserik_bin()
        .arg("--config")
        .arg(&config)
        .args(["serve", "--now", now])
        .current_dir(dir)
        .env("TELOXIDE_TOKEN", fake_bot_api::TOKEN)
        .env("TELOXIDE_API_URL", fake.url())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join(log_name)).unwrap())
        .spawn()
        .unwrap()
}

/// SIGTERM, then wait for a clean exit.
async fn stop(mut child: Child, dir: &Path, log_name: &str) {
    let exit = crate::common::exit_after_sigterm(&mut child, Duration::from_secs(20)).await;
    let log = std::fs::read_to_string(dir.join(log_name)).unwrap_or_default();
    assert!(exit.success(), "exit {exit:?}\n{log}");
}

/// How many messages the user received that carry the permit reminder's buttons.
fn permit_reminders(fake: &FakeBotApi, chat: i64) -> usize {
    fake.messages(chat)
        .iter()
        .filter(|m| m.has_button(PERMIT_STOP_BUTTON))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_permit_reminder_arrives_once_after_a_restart_a_week_later() {
    let fake = FakeBotApi::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();

    // Day T: the whole dialogue; the labour-immigrant permit ends on T + 8 days.
    let child = serve(dir.path(), &fake, T, "first.log");
    let user = fake.user(17_001, Some("en"));
    let chat = user.chat_id();
    user.send_text("/start");
    for data in ["1:l:en", "1:c:UZ"] {
        user.wait_button(data, LONG).await.expect(data);
        user.press(data).unwrap();
    }
    user.wait_button("1:td", LONG).await.unwrap();
    user.send_text("01.11.2026");
    user.wait_button("1:p0", LONG).await.unwrap();
    user.press("1:p0").unwrap();
    for data in ["1:u:work", "1:m:household", "1:d:labour_permit", "1:dd"] {
        user.wait_button(data, LONG).await.expect(data);
        user.press(data).unwrap();
    }
    // The end-date question has no buttons; wait for the message that asks it.
    fake.wait_until("the end-date question", LONG, |v| {
        v.bot_messages(chat)
            .last()
            .is_some_and(|m| m.text().contains("Until what date"))
    })
    .await
    .unwrap();
    user.send_text("29.11.2026");
    user.wait_button("1:ok", LONG).await.unwrap();
    user.press("1:ok").unwrap();
    // The plan's first screen, with its "All steps" button.
    user.wait_button("1:pl", LONG).await.expect("the plan");
    assert_eq!(permit_reminders(&fake, chat), 0, "nothing is due on day T");
    stop(child, dir.path(), "first.log").await;

    // A week later, 10:05: the reminder due at 10:00 is sent, once.
    let child = serve(dir.path(), &fake, T_PLUS_7, "second.log");
    fake.wait_until("the permit reminder", LONG, |v| {
        v.bot_messages(chat)
            .iter()
            .any(|m| m.has_button(PERMIT_STOP_BUTTON))
    })
    .await
    .expect("the permit reminder arrives");
    // Give a duplicate every chance to show up before counting.
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(permit_reminders(&fake, chat), 1);
    stop(child, dir.path(), "second.log").await;

    // Restarted again: nothing more.
    let before = fake.messages(chat).len();
    let polls = fake.calls_to("getUpdates").len();
    let child = serve(dir.path(), &fake, T_PLUS_7, "third.log");
    // Polling resumed: the bot is up, and its reminder worker has looked at the queue.
    fake.wait_until("the bot polls again", LONG, |v| {
        v.calls_to("getUpdates").len() > polls + 1
    })
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_secs(4)).await;
    stop(child, dir.path(), "third.log").await;
    assert_eq!(permit_reminders(&fake, chat), 1);
    assert_eq!(
        fake.messages(chat).len(),
        before,
        "the third run sent something"
    );
}
