//! Backups: a snapshot written from a store in use is consistent across trees, reads
//! back byte for byte, and the restored store carries every dialogue on; restore
//! refuses damaged files, newer schemas and (without `--force`) a store that holds
//! data; the command line and the running bot's SIGUSR1 path both work.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::common::*;
use jolserik::backup::{self, BackupError};
use jolserik::clock::Clock;
use jolserik::engine::{Command, Input};
use jolserik::store::{Loaded, Store};

fn populated(dir: &Path) -> Arc<jolserik::app::App> {
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir, &clock, "");
    run(&app, 1, &typed_dialogue("31.12.2026"));
    run(&app, 2, &button_dialogue("29.11.2026"));
    run(&app, 3, &typed_dialogue("31.12.2026")[..6]);
    let first = app.store.pending_reminders(1).unwrap()[0].clone();
    let taken = app.take_digest(1, first.due).unwrap().unwrap();
    // Both deadlines of that morning (the permit and its tax) in one digest.
    assert_eq!(taken.reminders.len(), 2);
    app.store.put_raw(4, b"\x00unreadable").unwrap();
    app.store.load(4, clock.now()).unwrap();
    app
}

#[test]
fn a_backup_restores_byte_for_byte_and_the_dialogues_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let app = populated(&dir.path().join("a"));
    let file = dir.path().join("backup.jsonl");
    let summary = backup::write(&app.store, &file, app.clock.now()).unwrap();
    let before = app.store.all_entries().unwrap();
    assert_eq!(summary.entries, before.len() as u64);
    assert!(!dir.path().join("backup.jsonl.partial").exists());
    assert_eq!(backup::verify(&file).unwrap(), summary);

    let clock = Clock::manual(at("2026-11-21T06:00:00Z"));
    let restored = open_app(&dir.path().join("b"), &clock, "");
    backup::restore(&restored.store, &file, false).unwrap();
    assert_eq!(restored.store.all_entries().unwrap(), before);
    // Each user carries on where they were: the one mid-dialogue answers the next
    // question, the others still have their plans and reminders.
    let rest = &typed_dialogue("31.12.2026")[6..];
    run(&restored, 3, rest);
    let Loaded::Found(record) = restored.store.load(3, clock.now()).unwrap() else {
        panic!("user 3 lost");
    };
    assert!(record.conversation.has_plan());
    assert_eq!(restored.store.in_flight(None).unwrap().len(), 2);
    assert!(!restored.store.pending_reminders(2).unwrap().is_empty());
}

#[test]
fn restore_refuses_a_store_with_data_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let app = populated(&dir.path().join("a"));
    let file = dir.path().join("backup.jsonl");
    backup::write(&app.store, &file, app.clock.now()).unwrap();
    let expected = app.store.all_entries().unwrap();
    // Something that is not in the backup.
    run(&app, 99, &typed_dialogue("31.12.2026")[..3]);
    let err = backup::restore(&app.store, &file, false).unwrap_err();
    assert!(matches!(err, BackupError::NotEmpty { .. }), "{err}");
    assert!(err.to_string().contains("--force"));
    backup::restore(&app.store, &file, true).unwrap();
    assert_eq!(app.store.all_entries().unwrap(), expected);
}

#[test]
fn damaged_truncated_and_newer_backups_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = populated(&dir.path().join("a"));
    let file = dir.path().join("backup.jsonl");
    backup::write(&app.store, &file, app.clock.now()).unwrap();
    let good = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = good.lines().collect();
    let mut cases: Vec<(&str, String)> = Vec::new();
    cases.push(("empty", String::new()));
    cases.push((
        "no closing line",
        lines[..lines.len() - 1].join("\n") + "\n",
    ));
    cases.push(("cut mid-line", good[..good.len() - 10].to_string()));
    cases.push(("trailing text", format!("{good}more\n")));
    cases.push(("an entry dropped", {
        let mut l = lines.clone();
        l.remove(2);
        l.join("\n") + "\n"
    }));
    // One hex digit of a value changed (still valid hex).
    let flipped = {
        let line = lines[3];
        let at = line.rfind("\"}").unwrap() - 1;
        let digit = if &line[at..=at] == "0" { "1" } else { "0" };
        let mut l = lines.clone();
        let changed = format!("{}{digit}{}", &line[..at], &line[at + 1..]);
        l[3] = &changed;
        l.join("\n") + "\n"
    };
    cases.push(("a value changed", flipped));
    cases.push(("not a backup", "{\"hello\":1}\n".into()));
    cases.push((
        "a newer format",
        good.replacen("\"version\":1", "\"version\":9", 1),
    ));
    let newer_schema = good.replacen(
        &format!("\"schema\":{}", jolserik::store::SCHEMA_VERSION),
        "\"schema\":99",
        1,
    );
    cases.push(("a newer schema", newer_schema));

    for (what, content) in cases {
        let target =
            Store::open(&dir.path().join(format!("t-{}", what.replace(' ', "-")))).unwrap();
        let path = dir.path().join("bad.jsonl");
        std::fs::write(&path, &content).unwrap();
        let result = backup::restore(&target, &path, true);
        assert!(result.is_err(), "{what}: restored");
        assert!(target.is_empty().unwrap(), "{what}: the store was touched");
    }
}

#[test]
fn a_snapshot_taken_under_load_is_consistent_across_trees() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(&dir.path().join("a"), &clock, "");
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(std::sync::atomic::AtomicU64::new(0));
    // Writers keep re-planning reminders (record + queue + index in one transaction)
    // by changing the entry date back and forth.
    let writers: Vec<_> = (0..3u64)
        .map(|user| {
            let app = app.clone();
            let stop = stop.clone();
            let written = written.clone();
            std::thread::spawn(move || {
                run(&app, user, &typed_dialogue("31.12.2026"));
                let mut n = 0;
                while !stop.load(Ordering::SeqCst) {
                    let date = if n % 2 == 0 { "4.11.2026" } else { "3.11.2026" };
                    for input in [
                        Input::Button(jolserik::engine::Action::Change),
                        Input::Button(jolserik::engine::Action::Edit(
                            jolserik::engine::Field::Entry,
                        )),
                        Input::Text(date.into()),
                        Input::Button(jolserik::engine::Action::Correct),
                    ] {
                        app.handle(user, &input, None).unwrap();
                    }
                    n += 1;
                    written.fetch_add(1, Ordering::SeqCst);
                }
                n
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    // Snapshots that dawdle over every entry, so that a write slipping in between two
    // trees would be caught: each is checked for reminders listed in an index but not
    // queued, or queued but not listed.
    // At least 20 of them, and on until the writers have re-planned more than 20 times
    // between them (a loaded machine runs them slower), for a minute at most.
    let mut checked = 0;
    let started = std::time::Instant::now();
    let mut round = 0;
    while round < 20
        || (written.load(Ordering::SeqCst) <= 20 && started.elapsed() < Duration::from_secs(60))
    {
        round += 1;
        let mut entries = Vec::new();
        app.store
            .snapshot(&mut |tree, key, value| {
                std::thread::sleep(Duration::from_millis(1));
                entries.push((tree.to_string(), key.to_vec(), value.to_vec()));
                Ok(())
            })
            .unwrap();
        let queued: BTreeSet<(u64, String)> = entries
            .iter()
            .filter(|(tree, _, _)| tree == "reminders")
            .map(|(_, key, _)| {
                let user = u64::from_be_bytes(key[8..16].try_into().unwrap());
                (user, String::from_utf8(key[16..].to_vec()).unwrap())
            })
            .collect();
        let listed: BTreeSet<(u64, String)> = entries
            .iter()
            .filter(|(tree, _, _)| tree == "reminder_users")
            .flat_map(|(_, key, value)| {
                let user = u64::from_be_bytes(key[..8].try_into().unwrap());
                let index: serde_json::Value = serde_json::from_slice(value).unwrap();
                index["pending"]
                    .as_object()
                    .map(|p| p.keys().map(|id| (user, id.clone())).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(listed, queued, "snapshot {round} is torn");
        checked += queued.len();
    }
    // And one through a file, restored and read by the store.
    let file = dir.path().join("under-load.jsonl");
    backup::write(&app.store, &file, clock.now()).unwrap();
    stop.store(true, Ordering::SeqCst);
    let rounds: u64 = writers.into_iter().map(|w| w.join().unwrap()).sum();
    assert!(rounds > 20, "the writers hardly ran: {rounds}");
    assert!(checked > 0);
    let store = Store::open(&dir.path().join("r")).unwrap();
    backup::restore(&store, &file, false).unwrap();
    for user in 0..3u64 {
        assert_eq!(
            store.reminder_state(user).unwrap().pending.len(),
            store.pending_reminders(user).unwrap().len()
        );
    }
}

// ---- the command line and the running bot ------------------------------------------------

fn jolserik(config: &Path, args: &[&str]) -> std::process::Output {
    jolserik_bin()
        .arg("--config")
        .arg(config)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "");
    let expected = {
        let app = populated(dir.path());
        app.store.all_entries().unwrap()
    };
    let file = dir.path().join("nightly.jsonl");
    let file_arg = file.display().to_string();
    let out = jolserik(&config, &["backup", &file_arg]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Into a fresh store directory.
    let other = tempfile::tempdir().unwrap();
    let other_config = write_config(other.path(), "");
    let out = jolserik(&other_config, &["restore", &file_arg]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Again: refused, the store is not empty; with --force, done.
    let out = jolserik(&other_config, &["restore", &file_arg]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    let out = jolserik(&other_config, &["restore", &file_arg, "--force"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = Store::open(&store_path(other.path())).unwrap();
    assert_eq!(store.all_entries().unwrap(), expected);
}

#[test]
fn a_backup_of_a_store_in_use_says_how_to_get_one() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "");
    // `jolserik chat` holds the store while it waits for input.
    let mut chat = jolserik_bin()
        .arg("--config")
        .arg(&config)
        .args(["chat", "--user", "1"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait for its greeting: by then the store is open.
    {
        use std::io::Read;
        let mut first = [0u8; 1];
        chat.stdout
            .as_mut()
            .unwrap()
            .read_exact(&mut first)
            .unwrap();
    }
    let file = dir.path().join("b.jsonl").display().to_string();
    let out = jolserik(&config, &["backup", &file]);
    drop(chat.stdin.take());
    let _ = chat.wait();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("SIGUSR1") && stderr.contains("stop it first"),
        "{stderr}"
    );
}

/// The running bot's path: `maintenance` answers SIGUSR1 with a backup next to the
/// store directory, and runs the retention sweep on its schedule.
#[tokio::test]
async fn the_running_bot_writes_a_backup_on_sigusr1_and_sweeps_on_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let t0 = at("2026-11-21T05:00:00Z");
    let clock = Clock::manual(t0);
    let app = open_app(dir.path(), &clock, "[privacy]\nretention_days = 30\n");
    run(&app, 1, &typed_dialogue("31.12.2026")[..4]);
    run(&app, 2, &typed_dialogue("31.12.2026")[..4]);
    let schedule = jolserik::maintenance::Schedule {
        first_sweep_after: Duration::from_millis(300),
        sweep_every: Duration::from_secs(3600),
        backup_dir: jolserik::maintenance::backup_dir(&store_path(dir.path())),
    };
    // User 1 has been silent for 31 days; user 2 writes now.
    clock.set(t0 + chrono::Duration::days(31));
    app.handle(2, &Input::Command(Command::Me), None).unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(jolserik::maintenance::run_with(
        app.clone(),
        schedule,
        async move {
            let _ = stopped.await;
        },
    ));
    // Let it install its signal handler, then signal this process.
    tokio::time::sleep(Duration::from_millis(100)).await;
    crate::common::signal(std::process::id(), "-USR1");
    let name = backup::file_name(clock.now());
    let file = dir.path().join(&name);
    let mut waited = 0;
    while !file.exists() && waited < 50 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        waited += 1;
    }
    assert!(
        file.exists(),
        "no {name} in {:?}",
        std::fs::read_dir(dir.path()).unwrap().collect::<Vec<_>>()
    );
    let summary = backup::verify(&file).unwrap();
    assert!(summary.entries >= 2);
    // The sweep ran after 300 ms: user 1 is gone, user 2 is kept.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        traces_of(&app.store, 1).is_empty()
            || app.store.load(1, clock.now()).unwrap() == Loaded::New
    );
    assert!(matches!(
        app.store.load(2, clock.now()).unwrap(),
        Loaded::Found(_)
    ));
    let _ = stop.send(());
    task.await.unwrap();
}
