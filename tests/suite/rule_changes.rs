//! Rules that stay current (issue 15): the catalogue changes between two starts, and
//! exactly the users it concerns hear of it, once, with their own old and new dates,
//! while their reminders move. Each "start" is a fresh `App` over the same store with
//! `rules.path` pointing at a committed fixture catalogue (`tests/fixtures/rules-*.toml`,
//! copies of `data/rules.toml` with one edit each), then the re-assessment pass and the
//! notice sender, as `serve` runs them; the Bot API is the `RecordingSink`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use jolserik::app::App;
use jolserik::clock::Clock;
use jolserik::domain::{CountryCode, Lang, Purpose};
use jolserik::engine::{Action, Command, Field, Input};
use jolserik::recheck;
use jolserik::rules::DeadlineKind;
use jolserik::text::Arg;
use jolserik::worker::{RecordingSink, Sent};

use crate::common::{at, open_app, run};

/// 10:05 in Almaty, just after the reminder hour: a notice made now goes at once.
const NOW: &str = "2026-11-05T05:05:00Z";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The app over the store in `dir` with the catalogue `name`, as at a start.
fn start(dir: &Path, clock: &Clock, name: &str) -> Arc<App> {
    let extra = format!(
        "[rules]\npath = {:?}\n",
        fixture(name).display().to_string()
    );
    open_app(dir, clock, &extra)
}

/// Visitors (user, country) who made their plans under the base catalogue (the pass
/// done, nobody told), then a start with the catalogue `changed`.
fn planned_then_changed(
    dir: &Path,
    clock: &Clock,
    visitors: &[(u64, &str)],
    changed: &str,
) -> Arc<App> {
    {
        let first = start(dir, clock, "rules-base.toml");
        for &(user, country) in visitors {
            run(&first, user, &visitor(country));
        }
        let report = recheck::run_pass(&first).unwrap();
        assert_eq!(report.notified, 0, "{report:?}");
    }
    start(dir, clock, changed)
}

/// A visitor from `country` who entered on 1 November 2026 and has no documents.
fn visitor(country: &str) -> Vec<Input> {
    vec![
        Input::Command(Command::Start),
        Input::Button(Action::Lang(Lang::En)),
        Input::Button(Action::Country(CountryCode::parse(country).unwrap())),
        Input::Text("01.11.2026".into()),
        Input::Button(Action::PriorNone),
        Input::Button(Action::Purpose(Purpose::Visit)),
        Input::Button(Action::DocsNone),
        Input::Button(Action::Correct),
    ]
}

/// Sends what is due through a recording sink until `n` notices went (or a while
/// passed), then stops the sender; returns what it sent.
fn deliver(app: &Arc<App>, n: usize) -> Vec<Sent> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let sink = RecordingSink::new();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(jolserik::notices::run(
            app.clone(),
            sink.clone(),
            |_| {},
            async move {
                let _ = stopped.await;
            },
        ));
        let wait = if n == 0 {
            Duration::from_millis(500)
        } else {
            Duration::from_secs(20)
        };
        let mut sent = sink.wait_for(n.max(1), wait).await;
        // Give a duplicate every chance to show up before counting.
        tokio::time::sleep(Duration::from_millis(300)).await;
        sent = sink.sent().into_iter().chain(sent.drain(..0)).collect();
        let _ = stop.send(());
        task.await.unwrap();
        sent
    })
}

/// The lines of a notice, as message ids with their arguments.
fn lines(sent: &Sent) -> Vec<jolserik::text::Msg> {
    match sent.reply.msg.args.first() {
        Some((_, Arg::Lines(lines))) => lines.clone(),
        other => panic!("not a notice: {other:?}"),
    }
}

fn registration_dates(app: &App, user: u64) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = app
        .store
        .pending_reminders(user)
        .unwrap()
        .into_iter()
        .filter(|r| r.kind == DeadlineKind::Registration)
        .map(|r| r.date)
        .collect();
    dates.dedup();
    dates
}

#[test]
fn a_shorter_registration_period_reaches_exactly_the_users_it_moves_once() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at(NOW));
    const TURK: u64 = 1; // 90 days visa-free: registers within R7's period
    const UZBEK: u64 = 2; // 30 days: within 30 no registration, within 20 one
    const KYRGYZ: u64 = 3; // registers too, but blocked the bot
    const GERMAN: u64 = 4; // a residence permit: no registration deadline at all
    let first = start(dir.path(), &clock, "rules-base.toml");
    run(&first, TURK, &visitor("TR"));
    run(&first, UZBEK, &visitor("UZ"));
    run(&first, KYRGYZ, &visitor("KG"));
    run(
        &first,
        GERMAN,
        &crate::common::button_dialogue("01.06.2027"),
    );
    first.store.block_user(KYRGYZ, clock.now()).unwrap();
    let report = recheck::run_pass(&first).unwrap();
    assert_eq!(report.notified, 0, "{report:?}");
    assert_eq!(registration_dates(&first, TURK), [day("2026-11-30")]);
    assert!(registration_dates(&first, UZBEK).is_empty());
    drop(first);

    // R7: 30 days → 20. Restart.
    let second = start(dir.path(), &clock, "rules-r7-20.toml");
    let report = recheck::run_pass(&second).unwrap();
    assert_eq!(report.notified, 2, "{report:?}");
    assert_eq!(report.reassessed, 4, "{report:?}");
    // Reminders re-planned in the same transaction.
    assert_eq!(registration_dates(&second, TURK), [day("2026-11-20")]);
    assert_eq!(registration_dates(&second, UZBEK), [day("2026-11-20")]);
    let mut sent = deliver(&second, 2);
    sent.sort_by_key(|s| s.user);
    assert_eq!(sent.len(), 2, "{sent:#?}");
    assert_eq!((sent[0].user, sent[1].user), (TURK, UZBEK));
    let uzbek = lines(&sent[1]);
    let new = uzbek
        .iter()
        .find(|m| m.id == "changes-date-new")
        .expect("a registration deadline the Uzbek did not have");
    assert!(new.args.contains(&("to", Arg::Date(day("2026-11-20")))));
    let notice = lines(&sent[0]);
    let moved = notice
        .iter()
        .find(|m| m.id == "changes-date-moved")
        .expect("the moved deadline");
    assert!(moved.args.contains(&("from", Arg::Date(day("2026-11-30")))));
    assert!(moved.args.contains(&("to", Arg::Date(day("2026-11-20")))));
    let text = second.render(sent[0].lang, &sent[0].reply.msg);
    assert!(text.contains("Registration deadline"), "{text}");
    assert!(text.contains("→") && text.contains("/plan"), "{text}");
    assert_eq!(second.store.notices_pending(), 0);
    drop(second);

    // A second restart with the same catalogue: nothing more.
    let third = start(dir.path(), &clock, "rules-r7-20.toml");
    let report = recheck::run_pass(&third).unwrap();
    assert_eq!((report.reassessed, report.notified), (0, 0), "{report:?}");
    assert!(deliver(&third, 0).is_empty());
}

#[test]
fn a_crash_in_the_middle_of_the_pass_leaves_the_rest_for_the_next_start_and_tells_nobody_twice() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at(NOW));
    let users: Vec<u64> = (100..100 + 2 * recheck::BATCH as u64 + 50).collect();
    let first = start(dir.path(), &clock, "rules-base.toml");
    for &user in &users {
        run(&first, user, &visitor("TR"));
    }
    drop(first);

    let second = start(dir.path(), &clock, "rules-r7-20.toml");
    // The process dies after the first batch.
    second.store.crash_after_rechecks(1);
    assert!(recheck::run_pass(&second).is_err());
    let told_before_crash = second.store.notices_pending();
    assert_eq!(told_before_crash, recheck::BATCH);
    drop(second);

    let third = start(dir.path(), &clock, "rules-r7-20.toml");
    let report = recheck::run_pass(&third).unwrap();
    assert_eq!(
        report.notified as usize,
        users.len() - recheck::BATCH,
        "{report:?}"
    );
    assert_eq!(third.store.notices_pending(), users.len());
    let sent = deliver(&third, users.len());
    let mut who: Vec<u64> = sent.iter().map(|s| s.user).collect();
    who.sort_unstable();
    assert_eq!(who, users, "each user exactly once");
    for &user in &users {
        assert_eq!(registration_dates(&third, user), [day("2026-11-20")]);
    }
}

#[test]
fn citizens_of_a_country_moved_to_another_group_are_told_their_new_stay_limit() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at(NOW));
    const TAJIK: u64 = 11;
    const TURK: u64 = 12;
    let second = planned_then_changed(
        dir.path(),
        &clock,
        &[(TAJIK, "TJ"), (TURK, "TR")],
        "rules-tj-moved.toml",
    );
    let report = recheck::run_pass(&second).unwrap();
    assert_eq!(report.notified, 1, "{report:?}");
    let sent = deliver(&second, 1);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].user, TAJIK);
    let notice = lines(&sent[0]);
    let stay = notice
        .iter()
        .find(|m| m.id == "changes-stay-days")
        .expect("the new stay limit");
    assert!(stay.args.contains(&("old", Arg::Int(30))), "{stay:?}");
    assert!(stay.args.contains(&("new", Arg::Int(90))), "{stay:?}");
    let last_day = notice
        .iter()
        .find(|m| m.id == "changes-date-moved")
        .expect("the last legal day");
    assert!(last_day
        .args
        .contains(&("from", Arg::Date(day("2026-11-30")))));
    assert!(last_day
        .args
        .contains(&("to", Arg::Date(day("2027-01-29")))));
    // Told in the user's language, in all six the words exist (locales tests).
    let text = second.render(Lang::Ru, &sent[0].reply.msg);
    assert!(text.contains("90"), "{text}");
}

#[test]
fn a_broken_catalogue_on_reload_keeps_the_old_one_and_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at(NOW));
    // The configured file is edited in place, as an operator would before SIGHUP.
    let rules = dir.path().join("rules.toml");
    std::fs::copy(fixture("rules-base.toml"), &rules).unwrap();
    let extra = format!("[rules]\npath = {:?}\n", rules.display().to_string());
    let app = open_app(dir.path(), &clock, &extra);
    run(&app, 1, &visitor("TR"));
    recheck::run_pass(&app).unwrap();
    let before = app.catalogue().version().to_string();

    std::fs::copy(fixture("rules-broken.toml"), &rules).unwrap();
    let error = recheck::reload(&app).unwrap_err();
    let why = format!(
        "{error}: {}",
        std::error::Error::source(&error)
            .map(ToString::to_string)
            .unwrap_or_default()
    );
    assert!(why.contains("calendar_days") || why.contains("R7"), "{why}");
    assert_eq!(app.catalogue().version(), before);
    assert_eq!(app.store.notices_pending(), 0);
    assert!(deliver(&app, 0).is_empty());

    // Unchanged file: nothing to do. A valid edit: in force, and the user is told.
    std::fs::copy(fixture("rules-base.toml"), &rules).unwrap();
    assert!(recheck::reload(&app).unwrap().is_none());
    std::fs::copy(fixture("rules-r7-20.toml"), &rules).unwrap();
    let report = recheck::reload(&app).unwrap().expect("a new catalogue");
    assert_eq!(report.notified, 1);
    assert_ne!(app.catalogue().version(), before);
}

#[test]
fn rules_diff_and_rules_impact_on_the_fixture_catalogues() {
    let bin = || crate::common::jolserik_bin();
    let out = bin()
        .args(["--config", "/dev/null", "rules", "diff"])
        .arg(fixture("rules-base.toml"))
        .arg(fixture("rules-r7-20.toml"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("rule R7: parameter calendar_days: 30 -> 20"),
        "{text}"
    );
    assert!(
        text.contains("meta.version: (none) -> \"test: R7 20 days\""),
        "{text}"
    );
    let out = bin()
        .args(["--config", "/dev/null", "rules", "diff"])
        .arg(fixture("rules-base.toml"))
        .arg(fixture("rules-tj-moved.toml"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("country TJ: moved from group tajikistan to azerbaijan"),
        "{text}"
    );

    // A store with a Turk, a German with a residence permit and a Tajik, made with the
    // base catalogue.
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at(NOW));
    {
        let app = start(dir.path(), &clock, "rules-base.toml");
        run(&app, 1, &visitor("TR"));
        run(&app, 2, &crate::common::button_dialogue("01.06.2027"));
        run(&app, 3, &visitor("TJ"));
        recheck::run_pass(&app).unwrap();
    }
    let config = crate::common::write_config(
        dir.path(),
        &format!(
            "[rules]\npath = {:?}\n",
            fixture("rules-base.toml").display().to_string()
        ),
    );
    let impact = |name: &str| {
        let out = bin()
            .arg("--config")
            .arg(&config)
            .args(["rules", "impact"])
            .arg(fixture(name))
            .args(["--today", "2026-11-05"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "{text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        text
    };
    // The Turk's registration moves, the Tajik gets one (20 days within a 30-day
    // stay), the German has none.
    let text = impact("rules-r7-20.toml");
    assert!(
        text.contains("would be told: 2; updated silently: 1;"),
        "{text}"
    );
    assert!(text.contains("deadline:registration: 2"), "{text}");
    let text = impact("rules-tj-moved.toml");
    assert!(text.contains("would be told: 1;"), "{text}");
    assert!(
        text.contains("stay_days: 1") && text.contains("last_legal_day: 1"),
        "{text}"
    );
    // From a backup, as while the bot runs (it holds the store's lock).
    let backup = dir.path().join("backup.jsonl");
    let out = bin()
        .arg("--config")
        .arg(&config)
        .arg("backup")
        .arg(&backup)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = bin()
        .arg("--config")
        .arg(&config)
        .args(["rules", "impact"])
        .arg(fixture("rules-r7-20.toml"))
        .args(["--today", "2026-11-05", "--backup"])
        .arg(&backup)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("would be told: 2; updated silently: 1;"),
        "{text}"
    );
    // A dry run: the store still says nothing changed.
    let app = start(dir.path(), &clock, "rules-base.toml");
    assert_eq!(app.store.notices_pending(), 0);
    assert!(app
        .store
        .users_not_on(app.catalogue().version())
        .unwrap()
        .is_empty());
}

/// `serve` itself: SIGHUP with a broken file keeps the catalogue in force, says why in
/// the log and sends nothing; the next SIGHUP with a valid edit reaches the user.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_with_a_broken_file_keeps_the_old_catalogue_and_a_valid_one_reaches_the_user() {
    use std::process::Stdio;

    use fake_bot_api::FakeBotApi;

    const LONG: Duration = Duration::from_secs(40);
    let fake = FakeBotApi::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.toml");
    std::fs::copy(fixture("rules-base.toml"), &rules).unwrap();
    // A Turk who entered on 1 November, stored before the bot starts.
    let turk = fake.user(31_001, Some("en"));
    // Their chat with the bot exists: they ask for their plan as it starts.
    turk.send_text("/plan");
    {
        let clock = Clock::manual(at(NOW));
        let extra = format!("[rules]\npath = {:?}\n", rules.display().to_string());
        let app = open_app(dir.path(), &clock, &extra);
        run(&app, 31_001, &visitor("TR"));
    }
    let config = crate::common::write_config(
        dir.path(),
        &format!("[rules]\npath = {:?}\n", rules.display().to_string()),
    );
    let log = dir.path().join("serve.log");
    let mut child = crate::common::jolserik_bin()
        .arg("--config")
        .arg(&config)
        .args(["serve", "--now", "2026-11-05T10:05:00+05:00"])
        .current_dir(dir.path())
        .env("TELOXIDE_TOKEN", fake_bot_api::TOKEN)
        .env("TELOXIDE_API_URL", fake.url())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let read_log = || std::fs::read_to_string(&log).unwrap_or_default();
    crate::common::wait_for("the first pass", LONG, || {
        read_log().contains("re-assessment after a catalogue change done")
            || read_log().contains("connected to the Bot API")
                && fake.calls_to("getUpdates").len() > 1
    })
    .await;

    std::fs::copy(fixture("rules-broken.toml"), &rules).unwrap();
    crate::common::signal(child.id(), "-HUP");
    crate::common::wait_for("the refusal in the log", LONG, || {
        read_log().contains("was not reloaded")
    })
    .await;
    let text = read_log();
    assert!(text.contains("calendar_days"), "the log says why:\n{text}");
    let notices = || {
        fake.messages(31_001)
            .iter()
            .filter(|m| m.text().contains("The rules changed"))
            .count()
    };
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(notices(), 0, "nothing is sent");

    std::fs::copy(fixture("rules-r7-20.toml"), &rules).unwrap();
    crate::common::signal(child.id(), "-HUP");
    fake.wait_until("the notice", LONG, |v| {
        v.bot_messages(31_001).iter().any(|m| {
            m.text().contains("The rules changed") && m.text().contains("Registration deadline")
        })
    })
    .await
    .unwrap_or_else(|e| panic!("the user is told: {e:?}\n{}", read_log()));
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(notices(), 1, "one notice");
    // Its button opens the plan as a new message; the notice stays readable above it.
    let plans_before = fake
        .messages(31_001)
        .iter()
        .filter(|m| m.from_bot && m.has_button("1:pl"))
        .count();
    turk.press("1:sp").unwrap();
    fake.wait_until("the plan under the notice", LONG, |v| {
        v.bot_messages(31_001)
            .iter()
            .filter(|m| m.has_button("1:pl"))
            .count()
            > plans_before
    })
    .await
    .unwrap_or_else(|e| panic!("the plan opens: {e:?}\n{}", read_log()));
    assert_eq!(notices(), 1, "the notice is still there, and only once");
    let exit = crate::common::exit_after_sigterm(&mut child, Duration::from_secs(20)).await;
    assert!(exit.success(), "{}", read_log());
    let text = read_log();
    assert!(text.contains("rule catalogue reloaded"), "{text}");
}

#[test]
fn a_notice_still_waiting_is_dropped_when_the_user_changes_their_answers() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at(NOW));
    const TURK: u64 = 1;
    const OTHER_TURK: u64 = 2;
    let second = planned_then_changed(
        dir.path(),
        &clock,
        &[(TURK, "TR"), (OTHER_TURK, "TR")],
        "rules-r7-20.toml",
    );
    let report = recheck::run_pass(&second).unwrap();
    assert_eq!(report.notified, 2, "{report:?}");
    // The notice holds their dates, so /export shows it while it waits.
    let exported = second.store.export(OTHER_TURK).unwrap();
    let waiting = exported["rule_change_notices"].as_array().unwrap();
    assert_eq!(waiting.len(), 1, "{exported}");
    assert!(waiting[0].to_string().contains("2026-11-20"), "{exported}");
    // Before the notice goes out, one of them corrects their entry date: the notice
    // would tell them about the plan of the old date.
    run(
        &second,
        TURK,
        &[
            Input::Button(Action::Change),
            Input::Button(Action::Edit(Field::Entry)),
            Input::Text("03.11.2026".into()),
            Input::Button(Action::Correct),
        ],
    );
    assert_eq!(
        registration_dates(&second, TURK),
        [day("2026-11-22")],
        "the new plan, under the new rule"
    );
    let sent = deliver(&second, 1);
    let told: Vec<u64> = sent.iter().map(|s| s.user).collect();
    assert_eq!(
        told,
        [OTHER_TURK],
        "only the one whose answers are unchanged"
    );
    assert_eq!(second.store.notices_pending(), 0);
    let exported = second.store.export(OTHER_TURK).unwrap();
    assert_eq!(exported["rule_change_notices"], serde_json::json!([]));
}

/// A sink that takes a while per message, as Telegram does, and counts how many
/// deliveries are under way at once.
#[derive(Clone, Default)]
struct SlowSink {
    now: Arc<std::sync::atomic::AtomicUsize>,
    most: Arc<std::sync::atomic::AtomicUsize>,
    users: Arc<std::sync::Mutex<Vec<u64>>>,
}

impl jolserik::reminders::ReminderSink for SlowSink {
    fn deliver(
        &self,
        user: u64,
        _lang: Lang,
        _reply: &jolserik::engine::Reply,
    ) -> impl std::future::Future<Output = jolserik::reminders::Delivery> + Send {
        use std::sync::atomic::Ordering::SeqCst;
        let sink = self.clone();
        async move {
            let at_once = sink.now.fetch_add(1, SeqCst) + 1;
            sink.most.fetch_max(at_once, SeqCst);
            tokio::time::sleep(Duration::from_millis(100)).await;
            sink.now.fetch_sub(1, SeqCst);
            sink.users.lock().unwrap().push(user);
            jolserik::reminders::Delivery::Delivered
        }
    }
}

/// A change that concerns many users is sent several at a time (each still marked in
/// flight first), not one round trip after the other.
#[test]
fn notices_to_many_users_go_several_at_a_time_each_once() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at(NOW));
    let users: Vec<u64> = (500..524).collect();
    let turks: Vec<(u64, &str)> = users.iter().map(|&u| (u, "TR")).collect();
    let second = planned_then_changed(dir.path(), &clock, &turks, "rules-r7-20.toml");
    assert_eq!(recheck::run_pass(&second).unwrap().notified, 24);
    let sink = SlowSink::default();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(jolserik::notices::run(
            second.clone(),
            sink.clone(),
            |_| {},
            async move {
                let _ = stopped.await;
            },
        ));
        crate::common::wait_for("every notice", Duration::from_secs(30), || {
            sink.users.lock().unwrap().len() >= users.len()
        })
        .await;
        let _ = stop.send(());
        task.await.unwrap();
    });
    let mut told = sink.users.lock().unwrap().clone();
    told.sort_unstable();
    assert_eq!(told, users, "each user exactly once");
    let most = sink.most.load(std::sync::atomic::Ordering::SeqCst);
    assert!(most > 1, "one at a time: at most {most} under way at once");
    assert_eq!(second.store.notices_pending(), 0);
}
