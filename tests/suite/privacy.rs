//! Privacy: `/delete` and `jolserik delete` leave nothing of the user in any key or
//! value of any tree; the retention sweep erases users who went silent (or blocked the
//! bot) past `privacy.retention_days` after their last deadline, and nobody else.

use crate::common::*;
use chrono::Duration;
use jolserik::clock::Clock;
use jolserik::engine::{Action, Command, Input};
use jolserik::store::Loaded;

/// Ids with distinctive bytes and digits, so that a match is not a coincidence.
const ALICE: u64 = 4_815_162_342;
const BOB: u64 = 2_718_281_828;

/// Alice and Bob both reach a plan with reminders; Alice also has a reminder in
/// flight and quarantined bytes from an unreadable record.
fn two_users_with_everything(app: &jolserik::app::App) {
    run(app, ALICE, &typed_dialogue("31.12.2026"));
    run(app, BOB, &button_dialogue("29.11.2026"));
    for user in [ALICE, BOB] {
        let Loaded::Found(record) = app.store.load(user, app.clock.now()).unwrap() else {
            panic!("no record for {user}");
        };
        assert!(record.conversation.has_plan(), "{user} has no plan");
        assert!(!app.store.pending_reminders(user).unwrap().is_empty());
    }
    // A reminder in flight: taken, not yet marked delivered.
    let first = app.store.pending_reminders(ALICE).unwrap()[0].clone();
    let taken = app.take_digest(ALICE, first.due).unwrap().unwrap();
    assert_eq!(
        app.store.in_flight(Some(ALICE)).unwrap().len(),
        taken.reminders.len(),
        "the digest is in flight"
    );
    // Quarantined bytes: an unreadable record put aside (then the dialogue again).
    app.store.put_raw(ALICE, b"\xffnot json").unwrap();
    assert!(matches!(
        app.store.load(ALICE, app.clock.now()).unwrap(),
        Loaded::Unreadable(_)
    ));
    run(app, ALICE, &typed_dialogue("31.12.2026"));
    assert!(!traces_of(&app.store, ALICE).is_empty());
}

#[test]
fn delete_by_the_user_leaves_no_key_or_value_that_mentions_them() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    two_users_with_everything(&app);
    let bob_before = traces_of(&app.store, BOB);

    app.handle(ALICE, &Input::Command(Command::Delete), None)
        .unwrap();
    let handled = app
        .handle(ALICE, &Input::Button(Action::ConfirmDelete), None)
        .unwrap();
    assert!(!handled.replies.is_empty(), "the deletion is acknowledged");

    let left = traces_of(&app.store, ALICE);
    assert!(left.is_empty(), "left after /delete: {left:#?}");
    assert_eq!(app.store.load(ALICE, clock.now()).unwrap(), Loaded::New);
    // Bob is untouched.
    assert_eq!(traces_of(&app.store, BOB), bob_before);
}

#[test]
fn delete_from_the_command_line_leaves_no_key_or_value_that_mentions_them() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "");
    {
        let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
        let app = open_app(dir.path(), &clock, "");
        two_users_with_everything(&app);
    }
    let out = jolserik_bin()
        .arg("--config")
        .arg(&config)
        .args(["delete", "--user", &ALICE.to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("erased"));

    // `jolserik delete` compacts at once: not a byte of Alice is left in the files.
    let alice_dec = ALICE.to_string();
    let needles: [&[u8]; 2] = [&ALICE.to_be_bytes(), alice_dec.as_bytes()];
    assert_eq!(on_disk(&store_path(dir.path()), &needles), 0);
    let store = jolserik::store::Store::open(&store_path(dir.path())).unwrap();
    let left = traces_of(&store, ALICE);
    assert!(left.is_empty(), "left after jolserik delete: {left:#?}");
    assert!(!traces_of(&store, BOB).is_empty());
}

// ---- retention ------------------------------------------------------------------------

#[test]
fn the_retention_sweep_erases_the_silent_and_the_blocked_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let t0 = at("2026-11-21T05:00:00Z");
    let clock = Clock::manual(t0);
    let app = open_app(dir.path(), &clock, "[privacy]\nretention_days = 30\n");
    // Ids whose decimal form appears in no date or count.
    let (mid_dialogue, blocked, with_plan, talkative, migrated, quarantined) = (
        9_000_000_011,
        9_000_000_012,
        9_000_000_013,
        9_000_000_014,
        9_000_000_015,
        9_000_000_016,
    );
    // Silent in the middle of the dialogue since t0.
    run(&app, mid_dialogue, &typed_dialogue("31.12.2026")[..5]);
    // Blocked the bot at t0, mid-dialogue.
    run(&app, blocked, &typed_dialogue("31.12.2026")[..5]);
    app.store.block_user(blocked, t0).unwrap();
    // A plan whose last deadline (the permit's end) is 31 March 2027.
    run(&app, with_plan, &typed_dialogue("31.03.2027"));
    // Writes every ten days.
    run(&app, talkative, &typed_dialogue("31.12.2026")[..3]);
    // A record of the first schema, which kept no times.
    app.store
        .put_raw(migrated, include_bytes!("../fixtures/user-v1.json"))
        .unwrap();
    // Only quarantined bytes are left of this one.
    app.store.put_raw(quarantined, b"\x00garbage").unwrap();
    app.store.load(quarantined, t0).unwrap();

    let everyone = [
        mid_dialogue,
        blocked,
        with_plan,
        talkative,
        migrated,
        quarantined,
    ];
    let present = |app: &jolserik::app::App| -> Vec<u64> {
        everyone
            .into_iter()
            .filter(|u| !traces_of(&app.store, *u).is_empty())
            .collect()
    };

    // Day 29: nobody is due.
    for days in [10, 20] {
        clock.set(t0 + Duration::days(days));
        app.handle(talkative, &Input::Command(Command::Me), None)
            .unwrap();
    }
    clock.set(t0 + Duration::days(29));
    let report = app.sweep_retention().unwrap();
    assert_eq!(report.erased, 0);
    assert_eq!(present(&app), everyone);
    // The migrated record now has a last-seen time: the day of this sweep.
    let Loaded::Found(record) = app.store.load(migrated, clock.now()).unwrap() else {
        panic!("migrated record gone");
    };
    assert_eq!(record.meta.last_seen, t0 + Duration::days(29));

    // Day 30: the silent, the blocked and the quarantined go; the plan's deadline,
    // the talkative user and the stamped one keep theirs.
    clock.set(t0 + Duration::days(30));
    let report = app.sweep_retention().unwrap();
    assert_eq!(report.erased, 3, "{report:?}");
    assert_eq!(present(&app), [with_plan, talkative, migrated]);

    // 30 days after the end (00:00 Almaty) of the plan's last deadline day.
    let Loaded::Found(record) = app.store.load(with_plan, clock.now()).unwrap() else {
        panic!("with_plan gone");
    };
    let plan = jolserik::rules::assess(
        &app.data.catalogue,
        &record.conversation.profile,
        clock.today(),
    );
    let last = plan.deadlines.iter().map(|d| d.date).max().unwrap();
    assert!(last >= chrono::NaiveDate::from_ymd_opt(2027, 3, 31).unwrap());
    let end = jolserik::clock::local_midnight(last.succ_opt().unwrap()).unwrap();
    clock.set(end + Duration::days(30) - Duration::seconds(1));
    app.sweep_retention().unwrap();
    assert!(present(&app).contains(&with_plan));
    clock.set(end + Duration::days(30));
    app.sweep_retention().unwrap();
    assert!(!present(&app).contains(&with_plan));
    // By then everyone is gone, and nothing at all is left in the store but the rule
    // catalogue the bot served with, which is about no one.
    assert!(present(&app).is_empty());
    let left: Vec<String> = app
        .store
        .all_entries()
        .unwrap()
        .into_iter()
        .map(|(tree, _, _)| tree)
        .filter(|tree| tree != "catalogues")
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_user_who_writes_again_is_kept_and_their_reminders_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let t0 = at("2026-11-21T05:00:00Z");
    let clock = Clock::manual(t0);
    let app = open_app(dir.path(), &clock, "[privacy]\nretention_days = 30\n");
    run(&app, 7, &button_dialogue("29.11.2026"));
    app.store.block_user(7, t0).unwrap();
    assert!(app.store.pending_reminders(7).unwrap().is_empty());
    // Day 25 they unblock and write: the clock starts again.
    clock.set(t0 + Duration::days(25));
    app.handle(7, &Input::Command(Command::Start), None)
        .unwrap();
    clock.set(t0 + Duration::days(40));
    assert_eq!(app.sweep_retention().unwrap().erased, 0);
    clock.set(t0 + Duration::days(55));
    assert_eq!(app.sweep_retention().unwrap().erased, 1);
}

// ---- the files on disk ------------------------------------------------------------------

/// How often the bytes of `needles` occur in the files under `dir`.
fn on_disk(dir: &std::path::Path, needles: &[&[u8]]) -> usize {
    let mut hits = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            hits += on_disk(&path, needles);
        } else {
            let bytes = std::fs::read(&path).unwrap();
            hits += needles.iter().filter(|n| contains(&bytes, n)).count();
        }
    }
    hits
}

#[test]
fn after_compaction_the_files_hold_no_byte_of_an_erased_user() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    two_users_with_everything(&app);
    let alice_be = ALICE.to_be_bytes();
    let alice_dec = ALICE.to_string();
    let needles: [&[u8]; 2] = [&alice_be, alice_dec.as_bytes()];
    app.store.delete(ALICE).unwrap();
    // sled is log-structured: the trees are clean, the files are not yet.
    assert!(traces_of(&app.store, ALICE).is_empty());
    let before = on_disk(&store_path(dir.path()), &needles);
    assert!(
        before > 0,
        "expected old log segments to hold the erased bytes"
    );

    // The daily sweep compacts after an erasure.
    let report = app.sweep_retention().unwrap();
    assert!(report.compacted);
    assert_eq!(on_disk(&store_path(dir.path()), &needles), 0);
    // Everything else is intact, and the store works on.
    assert!(!traces_of(&app.store, BOB).is_empty());
    assert!(app.store.pending_reminders(BOB).unwrap().len() > 1);
    app.handle(BOB, &Input::Command(Command::Me), None).unwrap();
    // Nothing was erased since: the next sweep leaves the files alone.
    assert!(!app.sweep_retention().unwrap().compacted);
}

#[test]
fn a_compaction_interrupted_by_a_crash_is_finished_or_undone_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_path(dir.path());
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    {
        let app = open_app(dir.path(), &clock, "");
        run(&app, BOB, &button_dialogue("29.11.2026"));
    }
    let sibling = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        std::path::PathBuf::from(name)
    };
    // A crash between the two renames: the store is at `.old`, a whole copy at
    // `.compacting`.
    std::fs::rename(&path, sibling(".old")).unwrap();
    std::fs::create_dir(sibling(".compacting")).unwrap();
    {
        let store = jolserik::store::Store::open(&path).unwrap();
        assert!(!traces_of(&store, BOB).is_empty());
    }
    assert!(!sibling(".old").exists() && !sibling(".compacting").exists());
    // A crash after the swap: a retired copy is left beside the store.
    std::fs::create_dir(sibling(".old")).unwrap();
    let store = jolserik::store::Store::open(&path).unwrap();
    assert!(!traces_of(&store, BOB).is_empty());
    assert!(!sibling(".old").exists());
}
