//! The logs carry user ids, kinds and timings, never what a user said: a whole
//! conversation (typed country, typed dates, free text, commands, an unreadable
//! record, a storage failure, reminders, the retention sweep, deletion) runs under a
//! subscriber that captures every event at TRACE, and none of the answers may appear.
//! Its own test binary, because the subscriber is process-wide: events from the
//! blocking pool and the worker's tasks are captured too.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use jolserik::clock::Clock;
use jolserik::domain::Lang;
use jolserik::engine::{Action, Command, Input};
use jolserik::worker::RecordingSink;
use jolserik::worker::Worker;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// What the user typed, in every form the bot could have written it back.
const ANSWERS: &[&str] = &[
    "Uzbekistn",
    "3.11.2026",
    "2026-11-03",
    "31.12.2026",
    "2026-12-31",
    "my passport is ZX9876543",
    "ZX9876543",
    "31.02.2026",
    "/whatsthis",
    "whatsthis",
    "Самарканд",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_conversation_logs_no_answer_of_the_user() {
    let captured = Captured::default();
    let writer = captured.clone();
    // The production filter, asked for everything. Without the wall-clock timestamp:
    // it is not something the user said, and on a day in December 2026 it would hold
    // "2026-12", one of the dates the test looks for.
    tracing_subscriber::fmt()
        .with_env_filter(jolserik::logging::filter_for("trace"))
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .without_time()
        .init();

    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock, "[privacy]\nretention_days = 30\n");
    let user = 4242;

    // Mistakes first, then the whole dialogue with typed answers.
    let mut inputs = typed_dialogue("31.12.2026");
    inputs.insert(5, Input::Text("31.02.2026".into()));
    inputs.insert(5, Input::Text("my passport is ZX9876543".into()));
    inputs.insert(2, Input::Text("Самарканд".into()));
    for input in &inputs {
        app.handle(user, input, None).unwrap();
    }
    assert!(
        !app.store.pending_reminders(user).unwrap().is_empty(),
        "the dialogue reached the plan"
    );
    for command in [
        "/whatsthis",
        "/me",
        "/plan",
        "/sources",
        "/reminders",
        "/calendar",
        "/export",
    ] {
        app.handle(user, &Input::from_text(command), None).unwrap();
    }
    // A record that cannot be read, holding the user's words.
    app.store
        .put_raw(
            user + 1,
            "{\"v\":2,\"note\":\"my passport is ZX9876543\"}".as_bytes(),
        )
        .unwrap();
    app.handle(
        user + 1,
        &Input::from_text("my passport is ZX9876543"),
        None,
    )
    .unwrap();
    // A storage failure while a user answers. (Their first answer: before it nothing
    // is stored about them, so a `/start` alone would not need the disk.)
    app.handle(user + 2, &Input::Command(Command::Start), None)
        .unwrap();
    app.store.fail_flushes(true);
    assert!(app
        .handle(user + 2, &Input::Button(Action::Lang(Lang::En)), None)
        .is_err());
    app.store.fail_flushes(false);
    app.store.set_reopen_after(Duration::ZERO);

    // Reminders fall due and are delivered.
    let sink = RecordingSink::new();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let worker = tokio::spawn(Worker::new(app.clone(), sink.clone()).run(async move {
        let _ = stopped.await;
    }));
    let first_due = app.store.pending_reminders(user).unwrap()[0].due;
    clock.set(first_due);
    app.reminder_wakeup.poke();
    assert!(!sink.wait_for(1, Duration::from_secs(5)).await.is_empty());
    let _ = stop.send(());
    worker.await.unwrap();

    // The sweep, then deletion.
    let sweep = app.clone();
    tokio::task::spawn_blocking(move || sweep.sweep_retention().unwrap())
        .await
        .unwrap();
    app.handle(user, &Input::Command(Command::Delete), None)
        .unwrap();
    app.handle(user, &Input::Button(Action::ConfirmDelete), None)
        .unwrap();

    let logs = captured.text();
    if std::env::var_os("SHOW_LOGS").is_some() {
        eprintln!("{logs}");
    }
    // The capture works: these events are there, with the user id.
    for expected in [
        "unreadable user record quarantined",
        "storage failed",
        "reminder delivered",
        "retention sweep done",
        "user erased on request",
        "user=4242",
    ] {
        assert!(logs.contains(expected), "no {expected:?} in:\n{logs}");
    }
    // Each answer, and each date derived from them, as text and as the byte list a
    // library's debug output would print (`[50, 48, 50, 54, ...]`).
    let dates = ["2026-12", "2026-11-0", "2027-"];
    for needle in ANSWERS.iter().chain(&dates) {
        let as_bytes = needle
            .bytes()
            .map(|b| b.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        for form in [needle.to_string(), as_bytes] {
            let at = logs.find(&form);
            assert!(
                at.is_none(),
                "the logs repeat {needle:?} as {form:?}: …{}…",
                &logs[at.unwrap_or(0).saturating_sub(300)..][..400.min(logs.len())]
            );
        }
    }
}
