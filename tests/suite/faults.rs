//! Faults from outside: the Bot API answers 500 and 502, hangs past the client's
//! timeout, drops connections (a proxy between the bot and the test double resets
//! them), answers 429 in bursts, and refuses some users with 403. The bot keeps
//! running, backs off within bounds, honours `retry_after`, marks the blocked users,
//! and once the faults stop delivers everything that can be delivered.
//!
//! What `tests/suite/telegram.rs` already covers is not repeated here: one 500 and one
//! timeout on a dialogue reply, a 429 on a reply (with and without the Throttle
//! adaptor), a user who blocks the bot (`my_chat_member`), and the reminder backlog
//! under a 429 (`tests/suite/reminders.rs`). This file adds the reminder path under 5xx,
//! timeouts and resets, connection resets on every call, bursts of 429s, and the
//! bounds on backoff.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::*;
use fake_bot_api::{FakeBotApi, Fault};
use jolserik::app::App;
use jolserik::clock::Clock;
use jolserik::store::Loaded;
use jolserik::telegram::Tuning;
use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, TcpStream};

/// A TCP proxy in front of the test double that can reset every connection, the
/// established ones included, and records when the bot tries to connect.
struct Proxy {
    addr: SocketAddr,
    resetting: Arc<AtomicBool>,
    connects: Arc<Mutex<Vec<Instant>>>,
    live: Arc<Mutex<Vec<tokio::task::JoinHandle<()>>>>,
}

impl Proxy {
    async fn start(upstream: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let resetting = Arc::new(AtomicBool::new(false));
        let connects = Arc::new(Mutex::new(Vec::new()));
        let live: Arc<Mutex<Vec<tokio::task::JoinHandle<()>>>> = Arc::default();
        let (r, c, l) = (resetting.clone(), connects.clone(), live.clone());
        tokio::spawn(async move {
            loop {
                let Ok((mut inbound, _)) = listener.accept().await else {
                    return;
                };
                c.lock().unwrap().push(Instant::now());
                // Dropping the socket then sends RST instead of FIN.
                let _ = inbound.set_zero_linger();
                if r.load(Ordering::SeqCst) {
                    // Read a little of the request, then reset.
                    let mut buf = [0u8; 64];
                    let _ = tokio::time::timeout(Duration::from_millis(50), inbound.read(&mut buf))
                        .await;
                    drop(inbound);
                    continue;
                }
                let task = tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                l.lock().unwrap().push(task);
            }
        });
        Proxy {
            addr,
            resetting,
            connects,
            live,
        }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// From now on every connection is reset, the open ones at once.
    fn reset_all(&self) {
        self.resetting.store(true, Ordering::SeqCst);
        for task in self.live.lock().unwrap().drain(..) {
            task.abort();
        }
    }

    fn heal(&self) {
        self.resetting.store(false, Ordering::SeqCst);
    }

    fn connects_between(&self, from: Instant, to: Instant) -> Vec<Instant> {
        self.connects
            .lock()
            .unwrap()
            .iter()
            .copied()
            .filter(|t| *t >= from && *t <= to)
            .collect()
    }
}

/// The bot, in this process, talking to the double through `api_url`.
/// Visitors whose permit ends in 3 days: a reminder is due at 10:00 on the 21st.
fn reminder_users(app: &App, first: u64, n: u64) -> Vec<u64> {
    let users: Vec<u64> = (first..first + n).collect();
    for user in &users {
        run(app, *user, &button_dialogue("24.11.2026"));
    }
    users
}

/// Every reminder the double accepted, per chat.
fn reminders_received(fake: &FakeBotApi) -> BTreeMap<i64, usize> {
    let mut got = BTreeMap::new();
    for call in fake.calls_to("sendMessage") {
        if call.ok() && call.callback_data().iter().any(|d| d.starts_with("1:rx:")) {
            *got.entry(call.chat_id().unwrap()).or_default() += 1;
        }
    }
    got
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resets_timeouts_and_403s_then_everything_deliverable_arrives() {
    let fake = FakeBotApi::start().await.unwrap();
    let proxy = Proxy::start(fake.addr()).await;
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T04:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    let reminded = reminder_users(&app, 91_001, 8);
    for user in &reminded {
        fake.user(*user, Some("ru")).text_update("/start");
    }
    // Two of them have blocked the bot since.
    let blocked = [reminded[0], reminded[1]];
    for user in blocked {
        fake.block(i64::try_from(user).unwrap());
    }
    let running = start_bot(app.clone(), proxy.url()).await;
    // Once the bot polls (a reset before that is another story: see
    // `a_reset_while_the_dispatcher_starts_stops_the_bot`).
    fake.wait_until("polling", Duration::from_secs(10), |v| {
        !v.calls_to("getUpdates").is_empty()
    })
    .await
    .unwrap();

    // Connections reset for two seconds, while reminders fall due and people write.
    let fault_began = Instant::now();
    proxy.reset_all();
    clock.set(at("2026-11-21T05:00:00Z"));
    app.reminder_wakeup.poke();
    let talkers: Vec<_> = (0..3).map(|i| fake.user(92_001 + i, Some("en"))).collect();
    for t in &talkers {
        t.send_text("/start");
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let fault_ended = Instant::now();
    // Then a hang past the client's timeout for one reminder.
    let chat = |u: u64| i64::try_from(u).unwrap();
    fake.inject(
        Some("sendMessage"),
        Some(chat(reminded[3])),
        Fault::Delay(Duration::from_millis(3_500)),
        1,
    );
    proxy.heal();

    // Everyone who can be reached hears from the bot.
    for t in &talkers {
        t.wait_button("1:l:en", Duration::from_secs(30))
            .await
            .expect("the language question after the faults");
    }
    let reachable: Vec<u64> = reminded[2..].to_vec();
    wait_for("every reachable reminder", Duration::from_secs(30), || {
        let got = reminders_received(&fake);
        reachable
            .iter()
            .all(|u| got.get(&chat(*u)).is_some_and(|n| *n >= 1))
    })
    .await;
    // The blocked ones are marked, and their reminders are gone.
    wait_for("the blocked users marked", Duration::from_secs(10), || {
        blocked.iter().all(
            |u| matches!(app.store.load(*u, clock.now()), Ok(Loaded::Found(r)) if r.meta.blocked),
        )
    })
    .await;
    for user in blocked {
        assert!(app.store.pending_reminders(user).unwrap().is_empty());
    }
    // At most one extra copy, for the one that hung (it was delivered, then timed out
    // on our side and sent again: at least once).
    let got = reminders_received(&fake);
    for user in &reachable {
        let n = got[&chat(*user)];
        let limit = if *user == reminded[3] { 2 } else { 1 };
        assert!(n <= limit, "user {user}: {n} copies");
    }
    assert!(!running.is_finished(), "the bot stopped");
    // The copy that hung is counted once the double answers it, but the bot, which had
    // timed out, marks it delivered only after its own retry is answered: wait for that.
    wait_for("nothing left in flight", Duration::from_secs(10), || {
        app.store.in_flight(None).unwrap().is_empty()
    })
    .await;

    // Backoff during the resets: it kept trying, and never paused longer than the
    // policy's bound (plus the long-poll timeout of Tuning::local).
    let tries = proxy.connects_between(fault_began, fault_ended);
    assert!(
        tries.len() >= 3,
        "only {} tries in 2 s of resets",
        tries.len()
    );
    let longest = tries
        .windows(2)
        .map(|w| w[1] - w[0])
        .max()
        .unwrap_or_default();
    assert!(
        longest <= Duration::from_millis(1_500),
        "a pause of {longest:?}"
    );
    running.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bursts_of_429_are_waited_out_as_retry_after_says() {
    let fake = FakeBotApi::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T04:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    let reminded = reminder_users(&app, 93_001, 6);
    for user in &reminded {
        fake.user(*user, Some("ru")).text_update("/start");
    }
    let running = start_bot(app.clone(), fake.url()).await;
    // A burst: the next six messages, whoever they are for, get 429 retry after 1 s.
    fake.fail("sendMessage", Fault::TooManyRequests { retry_after: 1 }, 6);
    let talkers: Vec<_> = (0..2).map(|i| fake.user(94_001 + i, Some("en"))).collect();
    for t in &talkers {
        t.send_text("/start");
    }
    clock.set(at("2026-11-21T05:00:00Z"));
    app.reminder_wakeup.poke();

    for t in &talkers {
        t.wait_button("1:l:en", Duration::from_secs(20))
            .await
            .expect("a reply after the burst");
    }
    let chat = |u: u64| i64::try_from(u).unwrap();
    wait_for("every reminder", Duration::from_secs(20), || {
        let got = reminders_received(&fake);
        reminded.iter().all(|u| got.contains_key(&chat(*u)))
    })
    .await;
    // Exactly once each: a 429 means "not sent".
    let got = reminders_received(&fake);
    assert!(got.values().all(|n| *n == 1), "{got:?}");
    // After each 429, nothing more went to that chat before retry_after had passed.
    let calls = fake.calls_to("sendMessage");
    let mut refused = 0;
    for (i, call) in calls.iter().enumerate() {
        if call.status != 429 {
            continue;
        }
        refused += 1;
        if let Some(next) = calls[i + 1..]
            .iter()
            .find(|c| c.chat_id() == call.chat_id())
        {
            let waited = next.at - call.at;
            assert!(
                waited >= Duration::from_millis(950),
                "chat {:?}: resent after {waited:?}",
                call.chat_id()
            );
            // And not much longer: the pause is what Telegram asked for, not more
            // than a second or so on top.
            assert!(
                waited <= Duration::from_secs(4),
                "resent only after {waited:?}"
            );
        }
    }
    assert_eq!(refused, 6);
    assert!(!running.is_finished());
    running.shutdown().await.unwrap();
}

/// 500 and 502 on reminders and on replies. teloxide waits 10 s after any 5xx before
/// it reports it, so this takes about 15 s: it is ignored in the short form and runs
/// with `--ignored`; the mapping of 5xx to "try again" is unit-tested in
/// `telegram::reminder_sink` in every run.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "slow (about 15 s): cargo test --test suite faults:: -- --ignored"]
async fn server_errors_on_reminders_are_retried_not_dropped() {
    let fake = FakeBotApi::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T04:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    let reminded = reminder_users(&app, 95_001, 4);
    for user in &reminded {
        fake.user(*user, Some("ru")).text_update("/start");
    }
    let chat = |u: u64| i64::try_from(u).unwrap();
    fake.inject(
        Some("sendMessage"),
        Some(chat(reminded[0])),
        Fault::Refuse {
            code: 502,
            description: "Bad Gateway".into(),
        },
        1,
    );
    fake.inject(
        Some("sendMessage"),
        Some(chat(reminded[1])),
        Fault::ServerError,
        1,
    );
    let talker = fake.user(96_001, Some("en"));
    fake.inject(
        Some("sendMessage"),
        Some(talker.chat_id()),
        Fault::Refuse {
            code: 502,
            description: "Bad Gateway".into(),
        },
        1,
    );
    // A request timeout longer than teloxide's 10 s pause, as in production: the 5xx
    // answer is read (with the short timeout of Tuning::local it would surface as a
    // timeout instead, which was always retried).
    let tuning = Tuning {
        request_timeout: Duration::from_secs(15),
        ..Tuning::local()
    };
    let running = start_bot_with(app.clone(), fake.url(), tuning).await;
    talker.send_text("/start");
    clock.set(at("2026-11-21T05:00:00Z"));
    app.reminder_wakeup.poke();
    talker
        .wait_button("1:l:en", Duration::from_secs(40))
        .await
        .expect("the reply after a 502");
    wait_for("every reminder", Duration::from_secs(40), || {
        let got = reminders_received(&fake);
        reminded.iter().all(|u| got.contains_key(&chat(*u)))
    })
    .await;
    let got = reminders_received(&fake);
    assert!(got.values().all(|n| *n == 1), "{got:?}");
    for user in &reminded {
        let log = app.store.reminder_state(*user).unwrap();
        assert!(log
            .sent
            .values()
            .all(|e| e.state == jolserik::store::SentState::Delivered));
    }
    running.shutdown().await.unwrap();
}

/// Found by the test above: when the connection failed right after `telegram::start`
/// returned — while teloxide's dispatcher made its own first `getMe` — the dispatcher
/// gave up, no update was fetched again, and `serve` stopped. The dispatcher now gets
/// the `getMe` answer `start` already has (teloxide's CacheMe).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_while_the_dispatcher_starts_does_not_stop_the_bot() {
    let fake = FakeBotApi::start().await.unwrap();
    let proxy = Proxy::start(fake.addr()).await;
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T04:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    let running = start_bot(app.clone(), proxy.url()).await;
    proxy.reset_all();
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    proxy.heal();
    let user = fake.user(97_001, Some("en"));
    user.send_text("/start");
    let answered = user.wait_button("1:l:en", Duration::from_secs(15)).await;
    assert!(
        !running.is_finished(),
        "the dispatcher stopped after one failed getMe"
    );
    answered.expect("an answer once the connection is back");
    running.shutdown().await.unwrap();
}
