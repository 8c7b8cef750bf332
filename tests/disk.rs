//! Disk faults: the disk fills up under the bot, or the store directory is read-only.
//! The bot says so in the log, acknowledges nothing it could not save (no reply for an
//! unsaved answer; the terminal prints `err-storage`), and recovers by itself when
//! space returns: sled refuses every write after one I/O error, so the store reopens
//! itself after a pause, from what is on disk.
//!
//! Two ways to make the disk fail: a real full disk (a 4 MiB tmpfs filled with a
//! file), which needs root and `mount` and so is `#[ignore]`d (run it with
//! `cargo test --test disk -- --ignored`; CI does when it can mount); and a
//! failing flush injected through `Store::fail_flushes`, which runs everywhere. A
//! directory made read-only by remounting is tested at start (a mount with files open
//! for writing cannot be remounted read-only, so "read-only while running" is the
//! injected case).

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use jolserik::app::{App, AppError};
use jolserik::clock::Clock;
use jolserik::domain::Lang;
use jolserik::engine::{Action, Command, Input};
use jolserik::store::{Store, StoreError};

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

/// Captures this binary's logs (once).
fn logs() -> Captured {
    static CAPTURED: std::sync::OnceLock<Captured> = std::sync::OnceLock::new();
    CAPTURED
        .get_or_init(|| {
            let captured = Captured::default();
            let writer = captured.clone();
            tracing_subscriber::fmt()
                .with_env_filter(jolserik::logging::filter_for("info"))
                .with_writer(move || writer.clone())
                .with_ansi(false)
                .init();
            captured
        })
        .clone()
}

fn log_text() -> String {
    String::from_utf8_lossy(&logs().0.lock().unwrap()).into_owned()
}

/// One user's answers, and what the store holds after each acknowledged one.
struct Acknowledged {
    exports: Vec<(u64, serde_json::Value)>,
}

impl Acknowledged {
    /// Sends `input`; on an answer, records what the store holds now (that is what
    /// the answer acknowledged). Returns whether it was answered.
    fn send(&mut self, app: &App, user: u64, input: &Input) -> bool {
        match app.handle(user, input, None) {
            Ok(handled) => {
                assert!(!handled.replies.is_empty());
                let export = app.store.export(user).unwrap();
                self.exports.retain(|(u, _)| *u != user);
                self.exports.push((user, export));
                true
            }
            Err(AppError::Store(_)) => false,
            Err(e) => panic!("not a storage error: {e}"),
        }
    }

    /// Every acknowledged state is what a fresh opening of the store finds.
    fn check_against(&self, store: &Store) {
        for (user, export) in &self.exports {
            assert_eq!(
                &store.export(*user).unwrap(),
                export,
                "user {user}: an acknowledged answer is not on disk"
            );
        }
    }
}

// ---- an injected failing flush ------------------------------------------------------

#[test]
fn a_failing_flush_is_not_acknowledged_and_the_store_recovers() {
    let _ = logs();
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    app.store.set_reopen_after(Duration::from_millis(200));
    let inputs = typed_dialogue("31.12.2026");
    let mut acked = Acknowledged {
        exports: Vec::new(),
    };
    for input in &inputs[..5] {
        assert!(acked.send(&app, 1, input));
    }

    app.store.fail_flushes(true);
    // The entry date is not saved: no reply acknowledges it.
    assert!(!acked.send(&app, 1, &inputs[5]));
    assert!(app.store.is_failed());
    // Until the store is reopened, nothing is read or written, for anyone.
    assert!(!acked.send(&app, 2, &Input::Command(Command::Start)));
    assert!(matches!(
        app.store.load(1, clock.now()),
        Err(StoreError::Unavailable { .. })
    ));
    // The disk is still failing when the store reopens: a change is refused again.
    // (The reopened store holds what reached the disk; a flush reported as failed may
    // still have written the answer, so the resent date may now be a wrong answer to
    // the next question, which is answered without a change. Either way nothing
    // unsaved is acknowledged: checked at the end against a fresh opening.)
    std::thread::sleep(Duration::from_millis(250));
    acked.send(&app, 1, &inputs[5]);
    // A new user's first answer is refused too. (A `/start` alone stores nothing, so
    // it would be answered even now.)
    assert!(!acked.send(&app, 3, &Input::Button(Action::Lang(Lang::En))));

    // Space returns. After the pause the store reopens, and the user's resent answer
    // is taken and acknowledged.
    app.store.fail_flushes(false);
    std::thread::sleep(Duration::from_millis(250));
    assert!(acked.send(&app, 1, &inputs[5]));
    for input in &inputs[6..] {
        assert!(acked.send(&app, 1, input));
    }
    assert!(acked.send(&app, 2, &Input::Command(Command::Start)));
    let logs = log_text();
    assert!(logs.contains("storage failed"), "{logs}");
    assert!(
        logs.contains("store reopened after a storage failure"),
        "{logs}"
    );

    drop(app);
    let store = Store::open(&store_path(dir.path())).unwrap();
    acked.check_against(&store);
}

#[test]
fn the_terminal_says_err_storage_and_shows_no_next_question() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    app.store.set_reopen_after(Duration::ZERO);
    let en = Some(jolserik::domain::Lang::En);
    run(&app, 1, &typed_dialogue("31.12.2026")[..2]);
    // The citizenship typed while the disk fails.
    app.store.fail_flushes(true);
    let mut failing = Vec::new();
    jolserik::console::run(&app, 1, en, "UZ\n".as_bytes(), &mut failing).unwrap();
    let failing = String::from_utf8(failing).unwrap();
    let err_storage = app.render(
        jolserik::domain::Lang::En,
        &jolserik::text::Msg::new("err-storage"),
    );
    assert!(failing.contains(err_storage.trim()), "{failing}");
    // The entry question's buttons are not shown: nothing moved on.
    let today = format!(
        "] {}",
        app.render(
            jolserik::domain::Lang::En,
            &jolserik::text::Msg::new("btn-today")
        )
    );
    assert!(!failing.contains(&today), "{failing}");
    // Space returns; the same answer goes through.
    app.store.fail_flushes(false);
    let mut after = Vec::new();
    jolserik::console::run(&app, 1, en, "UZ\n".as_bytes(), &mut after).unwrap();
    let after = String::from_utf8(after).unwrap();
    // Now the entry question is asked (after the answer, or, if the failed flush had
    // reached the disk after all, as the question the user is at).
    assert!(after.contains(&today), "{after}");
}

#[tokio::test]
async fn reminders_due_while_the_disk_fails_go_out_once_it_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    app.store.set_reopen_after(Duration::from_millis(100));
    run(&app, 1, &button_dialogue("29.11.2026"));
    let first = app.store.pending_reminders(1).unwrap()[0].clone();
    app.store.fail_flushes(true);
    let sink = jolserik::worker::RecordingSink::new();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let worker = tokio::spawn(
        jolserik::worker::Worker::new(app.clone(), sink.clone())
            .store_backoff(Duration::from_millis(200))
            .run(async move {
                let _ = stopped.await;
            }),
    );
    clock.set(first.due);
    app.reminder_wakeup.poke();
    tokio::time::sleep(Duration::from_millis(500)).await;
    // Taking it fails (its in-flight mark cannot be flushed). It is sent only if that
    // mark reached the disk anyway, in which case it is in flight and will be sent
    // again until "delivered" is saved: at least once either way.
    app.store.fail_flushes(false);
    // The worker retries after its store back-off: the reminder goes out, whether its
    // in-flight mark reached the disk or not.
    let sent = sink.wait_for(1, Duration::from_secs(5)).await;
    assert!(!sent.is_empty());
    // Give a duplicate the chance to show up, then check it is settled.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let _ = stop.send(());
    worker.await.unwrap();
    assert!(sink.sent().len() <= 2, "{:?}", sink.sent().len());
    assert!(app.store.in_flight(None).unwrap().is_empty());
    assert_eq!(
        app.store.reminder_state(1).unwrap().sent[&first.id()].state,
        jolserik::store::SentState::Delivered
    );
}

// ---- a real full disk and a read-only directory (root only) -----------------------------

/// A small tmpfs, unmounted on drop. `None` when this is not root or `mount` fails
/// (the tests that need one are ignored by default; `--ignored` runs them).
struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    fn mount(parent: &Path, size: &str) -> Option<SmallDisk> {
        let path = parent.join("disk");
        std::fs::create_dir_all(&path).ok()?;
        let ok = Process::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&path)
            .status()
            .ok()?
            .success();
        ok.then_some(SmallDisk { path })
    }

    fn remount(&self, mode: &str) -> bool {
        Process::new("mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(&self.path)
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }

    /// Fills the disk with a file; returns its path.
    fn fill(&self) -> PathBuf {
        let filler = self.path.join("filler");
        let mut f = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 4096];
        while f.write_all(&chunk).is_ok() {}
        let _ = f.sync_all();
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Process::new("umount").arg("-l").arg(&self.path).status();
    }
}

#[test]
#[ignore = "needs root and mount (a tmpfs): cargo test --test disk -- --ignored"]
fn a_full_disk_is_not_acknowledged_and_the_bot_recovers_when_space_returns() {
    let _ = logs();
    let dir = tempfile::tempdir().unwrap();
    let disk = SmallDisk::mount(dir.path(), "4m").expect("a tmpfs: this needs root and mount");
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(&disk.path, &clock, "");
    app.store.set_reopen_after(Duration::from_millis(100));
    let users: Vec<u64> = (1..=6).collect();
    let inputs = typed_dialogue("31.12.2026");
    let mut acked = Acknowledged {
        exports: Vec::new(),
    };
    for user in &users {
        for input in &inputs[..4] {
            assert!(acked.send(&app, *user, input));
        }
    }

    let filler = disk.fill();
    // Everyone answers on; some writes may still fit in sled's buffers, but sooner
    // or later the disk refuses. Whatever was answered is what counts.
    let mut refused = 0;
    for input in &inputs[4..] {
        for user in &users {
            if !acked.send(&app, *user, input) {
                refused += 1;
            }
        }
    }
    assert!(refused > 0, "the full disk refused nothing");
    assert!(log_text().contains("storage failed"));

    // Space returns; after the pause, the store reopens from disk.
    std::fs::remove_file(&filler).unwrap();
    std::thread::sleep(Duration::from_millis(150));
    // Everything acknowledged before and during the fault is there.
    acked.check_against(&app.store);
    // And the dialogues finish: each user resends from where the store has them.
    for user in &users {
        assert!(acked.send(&app, *user, &Input::Command(Command::Start)));
        for input in &inputs[4..] {
            acked.send(&app, *user, input);
        }
    }
    drop(app);
    let store = Store::open(&disk.path.join("store")).unwrap();
    acked.check_against(&store);
}

#[test]
#[ignore = "needs root and mount (a tmpfs): cargo test --test disk -- --ignored"]
fn a_read_only_store_directory_is_a_clear_error_and_works_once_writable() {
    let dir = tempfile::tempdir().unwrap();
    let disk = SmallDisk::mount(dir.path(), "8m").expect("a tmpfs: this needs root and mount");
    {
        let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
        let app = open_app(&disk.path, &clock, "");
        run(&app, 1, &typed_dialogue("31.12.2026")[..5]);
    }
    assert!(disk.remount("ro"));
    let config = write_config(dir.path(), "");
    // The config points into the mount.
    std::fs::write(
        &config,
        format!(
            "[storage]\npath = {:?}\n",
            disk.path.join("store").display().to_string()
        ),
    )
    .unwrap();
    let out = jolserik_bin()
        .arg("--config")
        .arg(&config)
        .args(["chat", "--user", "1"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("could not open the store"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    assert!(disk.remount("rw"));
    let out = jolserik_bin()
        .arg("--config")
        .arg(&config)
        .args(["export", "--user", "1"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let export: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        export["record"]["conversation"]["profile"]["citizenship"],
        "UZ"
    );
}
