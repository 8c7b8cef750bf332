//! Reminders end to end: the delivery worker under a clock the test moves (punctual
//! delivery, re-plan on edit, snooze, stop, block, delete), crashes and downtime, a
//! backlog with Telegram's 429, one digest a day (issue 12's household worker over the
//! whole period), `/reminders`, and the terminal black box (`jolserik chat` restarted
//! with a later `--now`). The `.ics` file is `calendar.rs`.

use std::io::Write;
use std::process::{Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use jolserik::app::App;
use jolserik::clock::Clock;
use jolserik::domain::{CountryCode, DocKind, Lang, Purpose};
use jolserik::engine::{Action, Command as BotCommand, Input, Reply};
use jolserik::reminders::{DeadlineKey, Delivery, ReminderSink};
use jolserik::rules::DeadlineKind;
use jolserik::store::{Loaded, SentState};
use jolserik::text::Arg;
use jolserik::worker::Worker;
use jolserik::worker::{RecordingSink, Sent};

use crate::common::{at, jolserik_bin};

// ---- arrange ------------------------------------------------------------------------

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(crate) fn open_app(dir: &std::path::Path, clock: &Clock) -> Arc<App> {
    crate::common::open_app(dir, clock, "")
}

/// A visitor from Germany whose temporary residence permit ends on `trp_end`
/// (dd.mm.yyyy): one deadline ahead (`trp_end`, rule R9); the host notice of the
/// entry on 1 November is long past.
fn complete_dialogue(app: &App, user: u64, lang: Lang, trp_end: &str) {
    complete_dialogue_from(app, user, lang, "01.11.2026", trp_end);
}

/// The same visitor, entered on `entry`.
pub(crate) fn complete_dialogue_from(app: &App, user: u64, lang: Lang, entry: &str, trp_end: &str) {
    let steps = [
        Input::Command(BotCommand::Start),
        Input::Button(Action::Lang(lang)),
        Input::Button(Action::Country(CountryCode::parse("DE").unwrap())),
        Input::Text(entry.into()),
        Input::Button(Action::PriorNone),
        Input::Button(Action::Purpose(Purpose::Visit)),
        Input::Button(Action::ToggleDoc(DocKind::Trp)),
        Input::Button(Action::DocsDone),
        Input::Text(trp_end.into()),
        Input::Button(Action::Correct),
    ];
    for input in steps {
        app.handle(user, &input, Some(lang)).unwrap();
    }
}

fn trp(date: &str) -> DeadlineKey {
    DeadlineKey {
        kind: DeadlineKind::TrpEnd,
        date: day(date),
    }
}

pub(crate) fn press(app: &App, user: u64, action: Action) -> Vec<Reply> {
    app.handle(user, &Input::Button(action), None)
        .unwrap()
        .replies
}

/// A worker running on the test's runtime, stopped by `stop`.
struct Running {
    handle: tokio::task::JoinHandle<()>,
    stop: tokio::sync::oneshot::Sender<()>,
}

fn start(app: &Arc<App>, sink: &RecordingSink) -> Running {
    start_worker(Worker::new(app.clone(), sink.clone()))
}

/// Starts a worker set up by the test (its width, its time to stop).
fn start_worker<S: ReminderSink>(worker: Worker<S>) -> Running {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(worker.run(async move {
        let _ = stopped.await;
    }));
    Running { handle, stop }
}

impl Running {
    async fn stop(self) {
        let _ = self.stop.send(());
        tokio::time::timeout(Duration::from_secs(5), self.handle)
            .await
            .expect("the worker stops on shutdown")
            .unwrap();
    }
}

/// Moves the manual clock and lets the worker look again.
fn move_to(app: &App, clock: &Clock, t: &str) {
    clock.set(at(t));
    app.reminder_wakeup.poke();
}

const WAIT: Duration = Duration::from_secs(5);
/// Long enough for a poked worker to act if it were going to.
const SETTLE: Duration = Duration::from_millis(200);

/// What a delivered reminder is about: its deadline (from its Stop button), the id of
/// its first line and the days it counts.
fn about(sent: &Sent) -> (DeadlineKey, String, Option<i64>) {
    let key = sent
        .reply
        .buttons
        .iter()
        .flatten()
        .find_map(|b| match &b.action {
            Action::StopReminders(k) => Some(*k),
            _ => None,
        })
        .expect("every reminder can be stopped");
    let Some((_, Arg::Lines(lines))) = sent.reply.msg.args.first() else {
        panic!("a reminder is lines: {:?}", sent.reply.msg)
    };
    let days = lines[0]
        .args
        .iter()
        .find_map(|(name, arg)| match (name, arg) {
            (&"days", Arg::Int(n)) => Some(*n),
            _ => None,
        });
    (key, lines[0].id.to_string(), days)
}

// ---- the worker under a manual clock -------------------------------------------------

#[tokio::test]
async fn a_reminder_arrives_at_its_minute_not_before() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z")); // 10:00 in Almaty
    let app = open_app(dir.path(), &clock);
    complete_dialogue(&app, 1, Lang::Ru, "29.11.2026");
    let sink = RecordingSink::new();
    let worker = start(&app, &sink);

    // 7 days before: 22 November 10:00 Almaty = 05:00 UTC.
    move_to(&app, &clock, "2026-11-22T04:59:59Z");
    tokio::time::sleep(SETTLE).await;
    assert!(sink.sent().is_empty(), "sent early: {:?}", sink.sent());

    move_to(&app, &clock, "2026-11-22T05:00:00Z");
    let sent = sink.wait_for(1, WAIT).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].user, 1);
    assert_eq!(sent[0].lang, Lang::Ru);
    assert_eq!(
        about(&sent[0]),
        (trp("2026-11-29"), "reminder-ahead".into(), Some(7))
    );
    // The buttons: renewed (a TRP), tomorrow, stop.
    let actions: Vec<_> = sent[0]
        .reply
        .buttons
        .iter()
        .flatten()
        .map(|b| &b.action)
        .collect();
    assert_eq!(
        actions,
        [
            &Action::Renewed(DocKind::Trp),
            &Action::Snooze(trp("2026-11-29")),
            &Action::StopReminders(trp("2026-11-29")),
        ]
    );
    // It renders in Russian with the plural, the step and the source.
    let text = app.render(Lang::Ru, &sent[0].reply.msg);
    assert!(text.contains("осталось 7 дней"), "{text}");
    assert!(text.contains("29 ноября 2026"), "{text}");
    assert!(text.contains("R9"), "{text}");
    assert!(text.contains("https://"), "{text}");

    // Nothing more until the 3-day one.
    move_to(&app, &clock, "2026-11-26T04:00:00Z");
    tokio::time::sleep(SETTLE).await;
    assert_eq!(sink.sent().len(), 1);
    move_to(&app, &clock, "2026-11-26T05:00:00Z");
    let sent = sink.wait_for(2, WAIT).await;
    assert_eq!(about(&sent[1]).2, Some(3));
    worker.stop().await;
    let state = app.store.reminder_state(1).unwrap();
    assert_eq!(
        state.sent["trp_end:2026-11-29:7"].state,
        SentState::Delivered
    );
}

#[tokio::test]
async fn an_edited_date_replans_and_a_nearer_reminder_wakes_the_worker() {
    let dir = tempfile::tempdir().unwrap();
    // 15:00 in Almaty, real time running, so the worker truly sleeps.
    let clock = Clock::starting_at(at("2026-11-21T10:00:00Z"));
    let app = open_app(dir.path(), &clock);
    complete_dialogue(&app, 1, Lang::En, "31.12.2026");
    let sink = RecordingSink::new();
    let worker = start(&app, &sink);
    tokio::time::sleep(SETTLE).await;
    assert!(sink.sent().is_empty());

    // "Done — I renewed" … with today's date: the last-day notice is due at once,
    // nearer than anything the worker sleeps towards.
    press(&app, 1, Action::Renewed(DocKind::Trp));
    let replies = app
        .handle(1, &Input::Text("21.11.2026".into()), None)
        .unwrap()
        .replies;
    assert_eq!(replies[0].msg.id, "reminder-renewed");
    let sent = sink.wait_for(1, Duration::from_secs(2)).await;
    assert_eq!(sent.len(), 1, "the worker was not woken");
    assert_eq!(
        about(&sent[0]),
        (trp("2026-11-21"), "reminder-last-day".into(), None)
    );
    // The old deadline's reminders are gone; the day-after one remains.
    let pending = app.store.pending_reminders(1).unwrap();
    assert_eq!(
        pending
            .iter()
            .map(|r| (r.date, r.offset))
            .collect::<Vec<_>>(),
        [(day("2026-11-21"), -1)]
    );
    worker.stop().await;
}

#[tokio::test]
async fn remind_me_tomorrow_and_stop() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    complete_dialogue(&app, 1, Lang::En, "29.11.2026");
    let sink = RecordingSink::new();
    let worker = start(&app, &sink);
    move_to(&app, &clock, "2026-11-22T05:00:00Z");
    sink.wait_for(1, WAIT).await;

    // Remind me tomorrow: 23 November at 10:00, 6 days left.
    move_to(&app, &clock, "2026-11-22T06:00:00Z");
    let replies = press(&app, 1, Action::Snooze(trp("2026-11-29")));
    assert_eq!(replies[0].msg.id, "reminder-snoozed");
    move_to(&app, &clock, "2026-11-23T05:00:00Z");
    let sent = sink.wait_for(2, WAIT).await;
    assert_eq!(sent.len(), 2);
    assert_eq!(about(&sent[1]).2, Some(6));

    // Stop these reminders: nothing more, up to and after the deadline.
    let replies = press(&app, 1, Action::StopReminders(trp("2026-11-29")));
    assert_eq!(replies[0].msg.id, "reminder-stopped");
    assert!(app.store.pending_reminders(1).unwrap().is_empty());
    for t in [
        "2026-11-26T05:00:00Z",
        "2026-11-29T05:00:00Z",
        "2026-11-30T05:00:00Z",
    ] {
        move_to(&app, &clock, t);
        tokio::time::sleep(SETTLE).await;
    }
    assert_eq!(sink.sent().len(), 2);
    worker.stop().await;
}

#[tokio::test]
async fn a_blocked_user_gets_nothing_until_they_write_again() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    complete_dialogue(&app, 1, Lang::En, "29.11.2026");
    let sink = RecordingSink::new();
    sink.answer(Some(1), Delivery::Blocked);
    let worker = start(&app, &sink);
    move_to(&app, &clock, "2026-11-22T05:00:00Z");
    tokio::time::sleep(SETTLE).await;
    assert!(sink.sent().is_empty());
    assert!(app.store.pending_reminders(1).unwrap().is_empty());
    let Loaded::Found(record) = app.store.load(1, clock.now()).unwrap() else {
        panic!("the record stays")
    };
    assert!(record.meta.blocked);
    for t in ["2026-11-26T05:00:00Z", "2026-11-29T05:00:00Z"] {
        move_to(&app, &clock, t);
        tokio::time::sleep(SETTLE).await;
    }
    assert!(sink.sent().is_empty());

    // Writing again (30 Nov, 09:00) unblocks and re-plans what is still ahead: the
    // day-after notice at 10:00.
    clock.set(at("2026-11-30T04:00:00Z"));
    app.handle(1, &Input::Command(BotCommand::Start), None)
        .unwrap();
    let pending = app.store.pending_reminders(1).unwrap();
    assert_eq!(pending.iter().map(|r| r.offset).collect::<Vec<_>>(), [-1]);
    move_to(&app, &clock, "2026-11-30T05:00:00Z");
    let sent = sink.wait_for(1, WAIT).await;
    assert_eq!(about(&sent[0]).1, "reminder-passed");
    worker.stop().await;
}

#[tokio::test]
async fn delete_removes_the_reminders_too() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    complete_dialogue(&app, 1, Lang::En, "29.11.2026");
    complete_dialogue(&app, 2, Lang::En, "29.11.2026");
    app.handle(1, &Input::Command(BotCommand::Delete), None)
        .unwrap();
    press(&app, 1, Action::ConfirmDelete);
    let user_1 = 1u64.to_be_bytes();
    let keys = app.store.all_keys().unwrap();
    assert!(
        !keys
            .iter()
            .any(|(tree, k)| k.starts_with(&user_1) || (tree == "reminders" && k[8..16] == user_1)),
        "{keys:?}"
    );
    let sink = RecordingSink::new();
    let worker = start(&app, &sink);
    move_to(&app, &clock, "2026-11-22T05:00:00Z");
    let sent = sink.wait_for(1, WAIT).await;
    tokio::time::sleep(SETTLE).await;
    assert_eq!(
        sink.sent().iter().map(|s| s.user).collect::<Vec<_>>(),
        [2],
        "{sent:?}"
    );
    worker.stop().await;
}

// ---- crashes and downtime -------------------------------------------------------------

#[tokio::test]
async fn a_reminder_left_in_flight_by_a_crash_is_sent_again_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    {
        let app = open_app(dir.path(), &clock);
        complete_dialogue(&app, 1, Lang::En, "29.11.2026");
        complete_dialogue(&app, 2, Lang::En, "29.11.2026");
        clock.set(at("2026-11-22T05:00:00Z"));
        // The worker took user 1's reminder and crashed while sending it.
        let taken = app.take_digest(1, clock.now()).unwrap().unwrap();
        assert_eq!(taken.reminders[0].offset, 7);
        // User 2's was delivered before the crash.
        let taken = app.take_digest(2, clock.now()).unwrap().unwrap();
        app.reminder_outcome(&taken, Delivery::Delivered).unwrap();
    }
    // Restart.
    let app = open_app(dir.path(), &clock);
    let sink = RecordingSink::new();
    let worker = start(&app, &sink);
    let sent = sink.wait_for(1, WAIT).await;
    tokio::time::sleep(SETTLE).await;
    worker.stop().await;
    assert_eq!(sink.sent().len(), 1, "{sent:?}");
    assert_eq!(sent[0].user, 1);
    assert_eq!(about(&sent[0]).2, Some(7));
    drop(app);

    // Restart again: nothing more.
    let app = open_app(dir.path(), &clock);
    let sink = RecordingSink::new();
    let worker = start(&app, &sink);
    tokio::time::sleep(SETTLE).await;
    worker.stop().await;
    assert!(sink.sent().is_empty(), "{:?}", sink.sent());
    assert!(app.store.in_flight(None).unwrap().is_empty());
}

#[tokio::test]
async fn a_digest_left_in_flight_by_a_crash_is_sent_again_as_the_same_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let taken = {
        let app = open_app(dir.path(), &clock);
        household_worker(&app, 1, Lang::Ru);
        // 29 November 10:00: four deadlines in one digest, taken; then a crash.
        clock.set(at("2026-11-29T05:00:00Z"));
        let taken = app.take_digest(1, clock.now()).unwrap().unwrap();
        assert_eq!(taken.deadlines().len(), 4);
        assert_eq!(app.store.in_flight(None).unwrap().len(), 4);
        taken
    };
    let app = open_app(dir.path(), &clock);
    let sink = RecordingSink::new();
    // Telegram first says "too many requests": the whole digest waits, still one.
    sink.answer(Some(1), Delivery::RetryAfter(Duration::from_millis(100)));
    let worker = start(&app, &sink);
    let sent = sink.wait_for(1, WAIT).await;
    tokio::time::sleep(SETTLE).await;
    worker.stop().await;
    assert_eq!(sink.sent().len(), 1, "{sent:?}");
    let keys: std::collections::BTreeSet<_> = taken.deadlines().into_iter().collect();
    assert_eq!(deadlines_of(&sent[0]), keys);
    let text = app.render(Lang::Ru, &sent[0].reply.msg);
    assert!(
        text.starts_with("⏰ Напоминание: близко 4 срока."),
        "{text}"
    );
    assert!(app.store.in_flight(None).unwrap().is_empty());
    let state = app.store.reminder_state(1).unwrap();
    for r in &taken.reminders {
        assert_eq!(
            state.sent[&r.id()].state,
            SentState::Delivered,
            "{}",
            r.id()
        );
    }
    drop(app);

    // Restarted again the same day: nothing more.
    let app = open_app(dir.path(), &clock);
    let sink = RecordingSink::new();
    let worker = start(&app, &sink);
    tokio::time::sleep(SETTLE).await;
    worker.stop().await;
    assert!(sink.sent().is_empty(), "{:?}", sink.sent());
}

#[tokio::test]
async fn downtime_is_caught_up_with_one_reminder_per_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    // Three deadlines: one still ahead, two that passed during the downtime.
    complete_dialogue(&app, 1, Lang::En, "29.11.2026");
    complete_dialogue(&app, 2, Lang::En, "26.11.2026");
    complete_dialogue(&app, 3, Lang::En, "23.11.2026");
    // Down until 28 November 10:05.
    clock.set(at("2026-11-28T05:05:00Z"));
    let sink = RecordingSink::new();
    let worker = start(&app, &sink);
    let sent = sink.wait_for(3, WAIT).await;
    tokio::time::sleep(SETTLE).await;
    worker.stop().await;
    let mut got: Vec<_> = sink.sent().iter().map(|s| (s.user, about(s))).collect();
    got.sort_by_key(|(user, _)| *user);
    assert_eq!(
        got,
        [
            // 7, 3 and 1 day before were missed: only "1 day left".
            (1, (trp("2026-11-29"), "reminder-ahead".into(), Some(1))),
            // The last day was 26 Nov: 3 and 1 day before, the last day and the day
            // after were missed; only the day-after notice goes, counting truly.
            (2, (trp("2026-11-26"), "reminder-passed".into(), Some(2))),
            (3, (trp("2026-11-23"), "reminder-passed".into(), Some(5))),
        ],
        "{sent:?}"
    );
    let state = app.store.reminder_state(1).unwrap();
    assert_eq!(
        state.sent["trp_end:2026-11-29:7"].state,
        SentState::Superseded
    );
    assert!(app.store.in_flight(None).unwrap().is_empty());
}

#[tokio::test]
async fn a_catch_up_before_the_reminder_hour_brings_the_days_reminder_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    complete_dialogue(&app, 1, Lang::En, "29.11.2026");
    // Down from 21 November until 26 November 09:00: the 7-day reminder (22 Nov) was
    // missed, and the 3-day one is due at 10:00 today. One message now, not one now
    // and another at 10:00.
    clock.set(at("2026-11-26T04:00:00Z"));
    let sink = RecordingSink::new();
    let worker = start(&app, &sink);
    let sent = sink.wait_for(1, WAIT).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(
        about(&sent[0]),
        (trp("2026-11-29"), "reminder-ahead".into(), Some(3))
    );
    move_to(&app, &clock, "2026-11-26T05:00:00Z");
    tokio::time::sleep(SETTLE).await;
    assert_eq!(sink.sent().len(), 1, "a second message at 10:00");
    // The next is the 1-day reminder, on 28 November.
    move_to(&app, &clock, "2026-11-28T05:00:00Z");
    let sent = sink.wait_for(2, WAIT).await;
    worker.stop().await;
    assert_eq!(about(&sent[1]).2, Some(1));
    let state = app.store.reminder_state(1).unwrap();
    assert_eq!(
        state.sent["trp_end:2026-11-29:7"].state,
        SentState::Superseded
    );
    assert_eq!(
        state.sent["trp_end:2026-11-29:3"].state,
        SentState::Delivered
    );
}

#[tokio::test]
async fn a_backlog_goes_most_urgent_first_and_a_429_slows_it_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    // Three reminders due at the same minute (22 Nov 10:00): 7, 3 and 1 days left.
    complete_dialogue(&app, 7, Lang::En, "29.11.2026");
    complete_dialogue(&app, 3, Lang::En, "25.11.2026");
    complete_dialogue(&app, 1, Lang::En, "23.11.2026");
    clock.set(at("2026-11-22T05:00:00Z"));
    let sink = RecordingSink::new();
    sink.answer(None, Delivery::RetryAfter(Duration::from_millis(300)));
    let started = std::time::Instant::now();
    let worker = start(&app, &sink);
    let sent = sink.wait_for(3, WAIT).await;
    let elapsed = started.elapsed();
    worker.stop().await;
    assert_eq!(
        sent.iter().map(|s| s.user).collect::<Vec<_>>(),
        [1, 3, 7],
        "the nearest deadline first, and the one told to wait is not lost"
    );
    assert!(elapsed >= Duration::from_millis(300), "{elapsed:?}");
    let state = app.store.reminder_state(1).unwrap();
    assert_eq!(
        state.sent["trp_end:2026-11-23:1"].state,
        SentState::Delivered
    );
}

#[tokio::test]
async fn through_the_bot_api_double_a_429_slows_the_backlog_and_a_block_stops_a_user() {
    use fake_bot_api::{FakeBotApi, Fault};
    use jolserik::telegram::reminder_sink::TelegramSink;
    use teloxide::adaptors::throttle::Limits;
    use teloxide::requests::RequesterExt;

    let api = FakeBotApi::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    // Due at the same minute, nearest deadline first: users 1, 3, 7.
    complete_dialogue(&app, 7, Lang::En, "29.11.2026");
    complete_dialogue(&app, 3, Lang::En, "25.11.2026");
    complete_dialogue(&app, 1, Lang::Kk, "23.11.2026");
    for user in [1, 3, 7] {
        // Each has a private chat with the bot (Telegram refuses unknown chats).
        api.user(user, Some("en")).text_update("/start");
    }
    clock.set(at("2026-11-22T05:00:00Z"));
    api.fail("sendMessage", Fault::TooManyRequests { retry_after: 1 }, 1);
    api.block(3);
    let bot = teloxide::Bot::new(api.token())
        .set_api_url(reqwest::Url::parse(&api.url()).unwrap())
        .throttle(Limits::default());
    let sink = TelegramSink::new(bot, app.data.localizer.clone());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let worker = tokio::spawn(Worker::new(app.clone(), sink).run(async move {
        let _ = stopped.await;
    }));
    let started = std::time::Instant::now();
    let sends = loop {
        let sends = api.calls_to("sendMessage");
        if sends.iter().filter(|c| c.ok()).count() >= 2 || started.elapsed() > WAIT {
            break sends;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let _ = stop.send(());
    worker.await.unwrap();
    let tried: Vec<(Option<i64>, u16)> = sends.iter().map(|c| (c.chat_id(), c.status)).collect();
    assert_eq!(
        tried,
        [
            (Some(1), 429),
            (Some(1), 200),
            (Some(3), 403),
            (Some(7), 200)
        ],
        "most urgent first, retried after the 429, the blocked user skipped"
    );
    assert!(sends[1].at - sends[0].at >= Duration::from_secs(1));
    let kk = sends[1].text().unwrap();
    assert!(kk.contains("1 күн қалды"), "{kk}");
    assert_eq!(
        sends[1].callback_data(),
        [
            "1:rn:trp",
            "1:rs:trp_end:2026-11-23",
            "1:rx:trp_end:2026-11-23"
        ]
    );
    // The blocked user's reminders stop; the others' are delivered once.
    assert!(app.store.pending_reminders(3).unwrap().is_empty());
    assert!(app.store.in_flight(None).unwrap().is_empty());
    assert_eq!(
        app.store.reminder_state(1).unwrap().sent["trp_end:2026-11-23:1"].state,
        SentState::Delivered
    );
}

#[tokio::test]
async fn quiet_hours_hold_a_catch_up_until_morning() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    complete_dialogue(&app, 1, Lang::En, "29.11.2026");
    // Back at 23:00 Almaty on 22 November: the 10:00 reminder was missed.
    clock.set(at("2026-11-22T18:00:00Z"));
    let sink = RecordingSink::new();
    let worker = start(&app, &sink);
    tokio::time::sleep(SETTLE).await;
    assert!(sink.sent().is_empty());
    move_to(&app, &clock, "2026-11-23T02:59:00Z"); // 07:59
    tokio::time::sleep(SETTLE).await;
    assert!(sink.sent().is_empty());
    // 08:00: the worker's quiet-hours pause is real time, so poke once more.
    move_to(&app, &clock, "2026-11-23T03:00:00Z");
    let sent = sink.wait_for(1, WAIT).await;
    worker.stop().await;
    assert_eq!(about(&sent[0]).2, Some(6));
}

// ---- how many at once, and stopping --------------------------------------------------

/// How a [`HeldSink`] holds each delivery before answering `Delivered`.
#[derive(Clone, Copy)]
enum Hold {
    /// Until the test lets it go ([`HeldSink::release`]).
    UntilReleased,
    /// For a while, like a slow network.
    For(Duration),
    /// For ever, like a send stuck in the rate limiter's queue.
    Forever,
}

/// A sink that holds each delivery and keeps count of how many are under way at once,
/// which users it started and which it delivered. Clones share the counts.
#[derive(Clone)]
struct HeldSink {
    inner: Arc<Held>,
}

struct Held {
    hold: Hold,
    releases: tokio::sync::Semaphore,
    under_way: AtomicUsize,
    most_under_way: AtomicUsize,
    started: Mutex<Vec<u64>>,
    delivered: Mutex<Vec<u64>>,
}

impl HeldSink {
    fn new(hold: Hold) -> HeldSink {
        HeldSink {
            inner: Arc::new(Held {
                hold,
                releases: tokio::sync::Semaphore::new(0),
                under_way: AtomicUsize::new(0),
                most_under_way: AtomicUsize::new(0),
                started: Mutex::new(Vec::new()),
                delivered: Mutex::new(Vec::new()),
            }),
        }
    }

    /// Lets `n` held deliveries (or the next ones) finish.
    fn release(&self, n: usize) {
        self.inner.releases.add_permits(n);
    }

    fn under_way(&self) -> usize {
        self.inner.under_way.load(Ordering::SeqCst)
    }

    fn most_under_way(&self) -> usize {
        self.inner.most_under_way.load(Ordering::SeqCst)
    }

    fn started(&self) -> Vec<u64> {
        self.inner.started.lock().unwrap().clone()
    }

    fn delivered(&self) -> Vec<u64> {
        self.inner.delivered.lock().unwrap().clone()
    }
}

impl ReminderSink for HeldSink {
    fn deliver(
        &self,
        user: u64,
        _lang: Lang,
        _reply: &Reply,
    ) -> impl std::future::Future<Output = Delivery> + Send {
        let held = self.inner.clone();
        async move {
            held.started.lock().unwrap().push(user);
            let now = held.under_way.fetch_add(1, Ordering::SeqCst) + 1;
            held.most_under_way.fetch_max(now, Ordering::SeqCst);
            match held.hold {
                Hold::UntilReleased => held.releases.acquire().await.unwrap().forget(),
                Hold::For(d) => tokio::time::sleep(d).await,
                Hold::Forever => std::future::pending::<()>().await,
            }
            held.under_way.fetch_sub(1, Ordering::SeqCst);
            held.delivered.lock().unwrap().push(user);
            Delivery::Delivered
        }
    }
}

/// Waits (up to `WAIT`) until `done` holds; fails the test if it never does.
async fn eventually(what: &str, done: impl Fn() -> bool) {
    let deadline = tokio::time::Instant::now() + WAIT;
    while !done() {
        assert!(tokio::time::Instant::now() < deadline, "never: {what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Users `1..=n`, each with one reminder due on 22 November at 10:00 (7 days before
/// their TRP ends); the clock is set to that minute.
fn users_due(app: &App, clock: &Clock, n: u64) -> Vec<u64> {
    clock.set(at("2026-11-21T05:00:00Z"));
    let users: Vec<u64> = (1..=n).collect();
    for &user in &users {
        complete_dialogue(app, user, Lang::En, "29.11.2026");
    }
    clock.set(at("2026-11-22T05:00:00Z"));
    users
}

/// What a crash while sending leaves: every user's due reminder taken (marked in
/// flight) and none delivered.
fn take_all(app: &App, clock: &Clock, users: &[u64]) {
    for &user in users {
        app.take_digest(user, clock.now())
            .unwrap()
            .expect("the reminder is due");
    }
    assert_eq!(app.store.in_flight(None).unwrap().len(), users.len());
}

fn in_flight_users(app: &App) -> Vec<u64> {
    let mut users: Vec<u64> = app
        .store
        .in_flight(None)
        .unwrap()
        .iter()
        .map(|r| r.user)
        .collect();
    users.sort_unstable();
    users
}

fn sorted(mut users: Vec<u64>) -> Vec<u64> {
    users.sort_unstable();
    users
}

fn assert_delivered(app: &App, users: &[u64]) {
    for &user in users {
        let state = app.store.reminder_state(user).unwrap();
        assert_eq!(
            state.sent["trp_end:2026-11-29:7"].state,
            SentState::Delivered,
            "user {user}"
        );
    }
}

#[tokio::test]
async fn max_in_flight_bounds_the_deliveries_under_way_and_the_in_flight_marks() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    let users = users_due(&app, &clock, 20);
    let sink = HeldSink::new(Hold::UntilReleased);
    let worker = start_worker(Worker::new(app.clone(), sink.clone()).max_in_flight(3));

    // One delivery let go at a time, each once the worker has filled every place it
    // may (or had a while to): the width reaches its cap and must stay there.
    let mut most_marked = 0;
    for delivered in 1..=users.len() {
        let filled = tokio::time::Instant::now() + Duration::from_millis(100);
        while sink.under_way() < 3 && tokio::time::Instant::now() < filled {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        most_marked = most_marked.max(app.store.in_flight(None).unwrap().len());
        sink.release(1);
        eventually("the delivery let go finishes", || {
            sink.delivered().len() >= delivered
        })
        .await;
    }
    worker.stop().await;

    assert_eq!(
        sorted(sink.delivered()),
        users,
        "each delivered exactly once"
    );
    assert_eq!(
        sink.most_under_way(),
        3,
        "the width grows to the cap, no further"
    );
    assert!(
        (1..=3).contains(&most_marked),
        "{most_marked} marked in flight at once"
    );
    assert!(app.store.in_flight(None).unwrap().is_empty());
    assert_delivered(&app, &users);
}

#[tokio::test]
async fn reminders_left_in_flight_are_sent_again_concurrently_and_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let users = {
        let app = open_app(dir.path(), &clock);
        let users = users_due(&app, &clock, 50);
        take_all(&app, &clock, &users);
        users
    };
    // Restart: nothing is queued, everything is in flight.
    let app = open_app(dir.path(), &clock);
    let sink = HeldSink::new(Hold::For(Duration::from_millis(30)));
    let worker = start_worker(Worker::new(app.clone(), sink.clone()));
    eventually("every re-send delivered", || {
        sink.delivered().len() >= users.len()
    })
    .await;
    tokio::time::sleep(SETTLE).await;
    worker.stop().await;

    assert!(
        sink.most_under_way() > 1,
        "re-sent one at a time ({} at most)",
        sink.most_under_way()
    );
    assert_eq!(
        sorted(sink.delivered()),
        users,
        "each delivered exactly once"
    );
    assert!(app.store.in_flight(None).unwrap().is_empty());
    assert_delivered(&app, &users);
}

#[tokio::test]
async fn a_stop_starts_nothing_more_and_lets_the_deliveries_under_way_finish() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    let users = users_due(&app, &clock, 10);
    let sink = HeldSink::new(Hold::For(Duration::from_millis(200)));
    let worker = start_worker(Worker::new(app.clone(), sink.clone()));
    eventually("a delivery started", || !sink.started().is_empty()).await;
    worker.stop().await;

    let started = sorted(sink.started());
    assert!(started.len() < users.len(), "all started: {started:?}");
    assert_eq!(
        sorted(sink.delivered()),
        started,
        "every one started finished"
    );
    assert!(app.store.in_flight(None).unwrap().is_empty());
    assert_delivered(&app, &started);
    for user in users.iter().filter(|u| !started.contains(u)) {
        let pending = app.store.pending_reminders(*user).unwrap();
        assert!(
            pending.iter().any(|r| r.offset == 7),
            "user {user}'s reminder stays queued: {pending:?}"
        );
    }
}

#[tokio::test]
async fn a_stop_during_re_sends_finishes_those_under_way_and_keeps_the_rest_in_flight() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let users = {
        let app = open_app(dir.path(), &clock);
        let users = users_due(&app, &clock, 20);
        take_all(&app, &clock, &users);
        users
    };
    let app = open_app(dir.path(), &clock);
    let sink = HeldSink::new(Hold::For(Duration::from_millis(200)));
    let worker = start_worker(Worker::new(app.clone(), sink.clone()));
    eventually("a re-send started", || !sink.started().is_empty()).await;
    worker.stop().await;

    let started = sorted(sink.started());
    assert!(started.len() < users.len(), "all started: {started:?}");
    assert_eq!(
        sorted(sink.delivered()),
        started,
        "every one started finished"
    );
    assert_delivered(&app, &started);
    let not_started: Vec<u64> = users
        .iter()
        .copied()
        .filter(|u| !started.contains(u))
        .collect();
    assert_eq!(
        in_flight_users(&app),
        not_started,
        "the rest wait in flight"
    );

    // The next start sends the rest, and nothing twice.
    let sink = RecordingSink::new();
    let worker = start(&app, &sink);
    sink.wait_for(not_started.len(), WAIT).await;
    tokio::time::sleep(SETTLE).await;
    worker.stop().await;
    let again = sorted(sink.sent().iter().map(|s| s.user).collect());
    assert_eq!(again, not_started);
    assert!(app.store.in_flight(None).unwrap().is_empty());
}

#[tokio::test]
async fn a_stop_out_of_time_leaves_the_unfinished_in_flight_for_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    let users = users_due(&app, &clock, 3);
    let sink = HeldSink::new(Hold::Forever);
    let worker =
        start_worker(Worker::new(app.clone(), sink.clone()).stop_within(Duration::from_millis(50)));
    eventually("a delivery started", || !sink.started().is_empty()).await;
    let _ = worker.stop.send(());
    tokio::time::timeout(Duration::from_secs(2), worker.handle)
        .await
        .expect("the worker gives up on a stuck delivery")
        .unwrap();

    let started = sorted(sink.started());
    assert!(sink.delivered().is_empty());
    assert_eq!(
        in_flight_users(&app),
        started,
        "the stuck one stays in flight"
    );

    // The next start sends the stuck one again and the others for the first time,
    // each once.
    let sink = RecordingSink::new();
    let worker = start(&app, &sink);
    sink.wait_for(users.len(), WAIT).await;
    tokio::time::sleep(SETTLE).await;
    worker.stop().await;
    let sent = sorted(sink.sent().iter().map(|s| s.user).collect());
    assert_eq!(sent, users);
    assert!(app.store.in_flight(None).unwrap().is_empty());
    assert_delivered(&app, &users);
}

// ---- /reminders ------------------------------------------------------------------------

#[test]
fn the_reminders_command_lists_what_is_ahead_with_dates() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    complete_dialogue(&app, 1, Lang::En, "29.11.2026");
    let handled = app
        .handle(1, &Input::Command(BotCommand::Reminders), None)
        .unwrap();
    let text = app.render(Lang::En, &handled.replies.last().unwrap().msg);
    // Five reminders are planned for the TRP (7, 3, 1 days before, the day, the day
    // after): one line, with the day of the next.
    assert_eq!(app.store.pending_reminders(1).unwrap().len(), 5);
    assert_eq!(
        text,
        "Your next reminder:\n\
         • TRP ends: 29 November 2026 — next reminder 22 November 2026"
    );
}

// ---- the terminal black box --------------------------------------------------------------

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let config = format!(
            "[storage]\npath = {:?}\n",
            dir.path().join("store").display().to_string()
        );
        std::fs::write(dir.path().join("config.toml"), config).unwrap();
        Sandbox { dir }
    }

    fn chat(&self, now: &str, lines: &[&str]) -> String {
        let mut child = jolserik_bin()
            .arg("--config")
            .arg(self.dir.path().join("config.toml"))
            .args(["chat", "--user", "5", "--lang", "en", "--now", now])
            .current_dir(self.dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        for line in lines {
            writeln!(stdin, "{line}").unwrap();
        }
        drop(stdin);
        let output: Output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert!(!stderr.contains("did not render"), "{stderr}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }
}

#[test]
fn chat_restarted_a_week_later_prints_the_reminder_exactly_once() {
    let sandbox = Sandbox::new();
    // T = 21 Nov 2026 10:00 Almaty; a household worker's permit ends at T + 8 days.
    let first = sandbox.chat(
        "2026-11-21T10:00:00+05:00",
        &[
            "English",
            "UZ",
            "01.11.2026",
            "1",          // no days before
            "1",          // work
            "1",          // household
            "2",          // the labour-immigrant permit
            "7",          // done
            "29.11.2026", // its end: T + 8 days
            "1",          // correct
        ],
    );
    assert!(first.contains("What to do next:"), "{first}");
    assert!(!first.contains("⏰"), "nothing is due yet: {first}");

    // T + 7 days, 10:05: one message before the greeting, with every deadline due for
    // a reminder today, once; the 7- and 3-day reminders fell due during the
    // "downtime" and are collapsed into it.
    let second = sandbox.chat("2026-11-28T10:05:00+05:00", &["/reminders"]);
    let digest = "⏰ Reminder: 4 deadlines are near.";
    assert_eq!(second.matches(digest).count(), 1, "{second}");
    assert_eq!(second.matches("⏰ Reminder").count(), 1, "{second}");
    // The permit and its tax (both 29 Nov), the stay limit and the registration (both
    // 30 Nov), the soonest first.
    let permit = "1. Permit ends: 29 November 2026 — 1 day left.";
    assert_eq!(second.matches(permit).count(), 1, "{second}");
    assert_eq!(second.matches("2 days left").count(), 2, "{second}");
    assert!(!second.contains("7 days left"), "{second}");
    assert!(
        second.find(permit) < second.find("Welcome back"),
        "reminders come before the reply: {second}"
    );
    assert!(second.contains("1 ✅ Renewed"), "{second}");
    assert!(second.contains("4 🔕 Stop"), "{second}");
    // /reminders: one line per deadline, with the day of its next reminder.
    assert!(
        second.contains("• Permit ends: 29 November 2026 — next reminder 29 November 2026"),
        "{second}"
    );

    // Once more: nothing new.
    let third = sandbox.chat("2026-11-28T10:30:00+05:00", &["/me"]);
    assert!(!third.contains("⏰"), "{third}");
    assert!(!third.contains("⚠️"), "{third}");
}

// ---- reminders per user per day (issue 12) ----------------------------------------------

/// The household worker of issue 12: from Uzbekistan, entered on 1 November 2026, a
/// labour-immigrant permit ending on 29 November; the permit's end, its tax, the
/// registration and the stay limit fall in the same week.
fn household_worker(app: &App, user: u64, lang: Lang) {
    let steps = [
        Input::Command(BotCommand::Start),
        Input::Button(Action::Lang(lang)),
        Input::Button(Action::Country(CountryCode::parse("UZ").unwrap())),
        Input::Text("01.11.2026".into()),
        Input::Button(Action::PriorNone),
        Input::Button(Action::Purpose(Purpose::Work)),
        Input::Button(Action::Employer(jolserik::domain::Employer::Household)),
        Input::Button(Action::ToggleDoc(DocKind::LabourPermit)),
        Input::Button(Action::DocsDone),
        Input::Text("29.11.2026".into()),
        Input::Button(Action::Correct),
    ];
    for input in steps {
        app.handle(user, &input, Some(lang)).unwrap();
    }
}

/// The deadlines a delivered message is about (from its Stop buttons).
fn deadlines_of(sent: &Sent) -> std::collections::BTreeSet<DeadlineKey> {
    sent.reply
        .buttons
        .iter()
        .flatten()
        .filter_map(|b| match &b.action {
            Action::StopReminders(k) => Some(*k),
            _ => None,
        })
        .collect()
}

/// Runs the worker over simulated days, jumping the clock to each next due reminder and
/// waiting until everything due is settled; returns what was sent, per user and local
/// day.
async fn sent_per_day(
    app: &Arc<App>,
    clock: &Clock,
    sink: &RecordingSink,
    until: &str,
) -> std::collections::BTreeMap<(u64, NaiveDate), Vec<Sent>> {
    let tz = app.config.reminders.timezone;
    let until = at(until);
    let mut per_day: std::collections::BTreeMap<(u64, NaiveDate), Vec<Sent>> =
        std::collections::BTreeMap::new();
    let worker = start(app, sink);
    while let Some(next) = app.store.next_due().unwrap().filter(|t| *t <= until) {
        let before = sink.sent().len();
        move_to(app, clock, &next.to_rfc3339());
        eventually("everything due is settled", || {
            app.store.next_due().unwrap().is_none_or(|t| t > next)
                && app.store.in_flight(None).unwrap().is_empty()
        })
        .await;
        // A second message would be sent at once; give it the chance to show.
        tokio::time::sleep(Duration::from_millis(50)).await;
        let day = next.with_timezone(&tz).date_naive();
        for sent in &sink.sent()[before..] {
            per_day
                .entry((sent.user, day))
                .or_default()
                .push(sent.clone());
        }
    }
    worker.stop().await;
    per_day
}

/// Issue 12's measure: the household worker, in each of the six languages, over the
/// whole period. Before digests: 27 reminders listed by /reminders, 27 messages over 15
/// days, 4 on 29 and 30 November (BENCHMARKS.md, "Reminders per day"). Now: one
/// message a day, and each day's message names every deadline that had a reminder
/// planned that day: nothing is lost by grouping.
#[tokio::test]
async fn a_household_worker_gets_at_most_one_reminder_message_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    let tz = app.config.reminders.timezone;
    let users: Vec<(u64, Lang)> = (1..).zip(Lang::ALL).collect();
    let mut planned: std::collections::BTreeMap<
        (u64, NaiveDate),
        std::collections::BTreeSet<DeadlineKey>,
    > = std::collections::BTreeMap::new();
    for &(user, lang) in &users {
        household_worker(&app, user, lang);
        for r in app.store.pending_reminders(user).unwrap() {
            let day = r.due.with_timezone(&tz).date_naive();
            planned.entry((user, day)).or_default().insert(r.key());
        }
    }
    let pending = app.store.pending_reminders(1).unwrap();
    let listed = app
        .handle(1, &Input::Command(BotCommand::Reminders), None)
        .unwrap();
    let list = app.render(Lang::En, &listed.replies.last().unwrap().msg);
    let deadlines: std::collections::BTreeSet<_> = pending.iter().map(|r| r.key()).collect();
    assert_eq!(list.lines().count(), 1 + deadlines.len(), "{list}");
    eprintln!(
        "household worker: {} reminders planned for {} deadlines; /reminders:\n{list}",
        pending.len(),
        deadlines.len()
    );

    let sink = RecordingSink::new();
    let per_day = sent_per_day(&app, &clock, &sink, "2027-12-31T00:00:00Z").await;
    let mut counts = std::collections::BTreeMap::new();
    for ((user, day), sent) in &per_day {
        assert_eq!(sent.len(), 1, "user {user} on {day}: {sent:?}");
        assert_eq!(
            deadlines_of(&sent[0]),
            planned[&(*user, *day)],
            "user {user} on {day}: the day's message names each deadline due"
        );
        if *user == 1 {
            counts.insert(*day, sent.len());
        }
    }
    assert_eq!(
        per_day.keys().collect::<Vec<_>>(),
        planned.keys().collect::<Vec<_>>(),
        "a message on each day a reminder was planned"
    );
    // The week of the issue: on 29 November, the permit and its tax end and the stay
    // limit and registration are a day away: one message, four lines, four rows.
    let busiest = &per_day[&(1, day("2026-11-29"))][0];
    assert_eq!(busiest.reply.buttons.len(), 4);
    let text = app.render(Lang::En, &busiest.reply.msg);
    assert!(
        text.starts_with("⏰ Reminder: 4 deadlines are near."),
        "{text}"
    );
    eprintln!(
        "household worker, 29 November ({} lines, {} characters):\n{text}",
        text.lines().count(),
        text.chars().count()
    );
    for (user, lang) in &users {
        let sent = &per_day[&(*user, day("2026-11-29"))][0];
        assert_eq!(sent.lang, *lang);
        for button in sent.reply.buttons.iter().flatten() {
            let label = app.render(*lang, &button.label);
            assert!(label.chars().count() <= 30, "{lang}: {label}");
            assert!(button.action.encode().len() <= 64);
        }
    }
    eprintln!(
        "household worker: messages per day {counts:?}; {} messages over {} days, at most 1 a day",
        counts.values().sum::<usize>(),
        counts.len()
    );
}
