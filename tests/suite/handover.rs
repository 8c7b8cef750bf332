//! "Ask a person" end to end, against the Bot API test double: consent refused sends
//! nothing; a case opens in the caseworkers' chat with the summary (as a message, or as
//! a forum topic); a caseworker's reply reaches the user and is acknowledged; replies
//! from another group and chatter that answers no case are never relayed; `/close` and
//! a later reply that reopens; `/delete` with a case open; handover off shows the
//! contacts; and the built binary killed with relays in flight loses and doubles
//! nothing. The terminal's side (contacts, no caseworkers) is in `chat.rs`.

use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fake_bot_api::{ChatMessage, Content, FakeBotApi, FakeUser, Fault};
use jolserik::app::{App, Data};
use jolserik::clock::{parse_instant, Clock};
use jolserik::config::Config;
use jolserik::engine::Handover;
use jolserik::store::{Loaded, Store};
use jolserik::telegram::{self, Running, Tuning};

use crate::common::{bot_options, jolserik_bin, run, traces_of, typed_dialogue};

const NOW: &str = "2026-11-21T10:00:00+05:00";
const WAIT: Duration = Duration::from_secs(20);
/// The caseworkers' group.
const OPS: i64 = -100_424_242;
/// Another group the bot is in.
const OTHER: i64 = -100_131_313;
/// A caseworker.
const WORKER: u64 = 8_800_001;

const FLOOD: &str = "[telegram.flood]\nburst = 1000\nper_minute = 6000\npending = 32\nnew_users_per_second = 1000\n";

struct Bot {
    fake: FakeBotApi,
    app: Arc<App>,
    running: Option<Running>,
    _dir: tempfile::TempDir,
}

fn path_text(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}

async fn start(handover: &str, forum: bool) -> Bot {
    start_with(handover, Some(forum)).await
}

/// `forum`: `None` when the bot is not in the caseworkers' group.
async fn start_with(handover: &str, forum: Option<bool>) -> Bot {
    crate::common::show_bot_logs();
    let fake = FakeBotApi::start().await.expect("test double");
    if let Some(forum) = forum {
        fake.group(OPS, forum);
    }
    fake.group(OTHER, false);
    let dir = tempfile::tempdir().expect("temp dir");
    let toml = format!(
        "[storage]\npath = \"{}\"\n{FLOOD}[handover]\n{handover}\n[telegram]\napi_url = \"{}\"\n",
        path_text(&dir.path().join("store")),
        fake.url(),
    );
    let config = Config::from_toml_str(&toml, std::iter::empty()).expect("config");
    let clock = Clock::manual(parse_instant(NOW).expect("now"));
    let data = Data::load(&config).expect("data");
    let store = Store::open(&config.storage.path).expect("store");
    let app = Arc::new(App::new(config, clock, data, store));
    let running = telegram::start(app.clone(), bot_options(fake.url(), Tuning::local(), None))
        .await
        .expect("bot starts");
    Bot {
        fake,
        app,
        running: Some(running),
        _dir: dir,
    }
}

fn on() -> String {
    format!("operator_chat = {OPS}")
}

impl Bot {
    /// A user at the plan (answered through the app; Telegram knows their chat).
    fn user_at_plan(&self, id: u64) -> FakeUser {
        run(&self.app, id, &typed_dialogue("31.01.2027"));
        let user = self.fake.user(id, Some("en"));
        user.open_chat();
        user
    }

    fn bot_messages(&self, chat: i64) -> Vec<ChatMessage> {
        self.fake
            .messages(chat)
            .into_iter()
            .filter(|m| m.from_bot)
            .collect()
    }

    async fn wait_ops(&self, needle: &str) -> ChatMessage {
        let needle = needle.to_string();
        let found = std::sync::Mutex::new(None);
        self.fake
            .wait_until(&format!("{needle:?} in the caseworkers' chat"), WAIT, |v| {
                let hit = v
                    .bot_messages(OPS)
                    .into_iter()
                    .rev()
                    .find(|m| m.text().contains(&needle))
                    .cloned();
                let ok = hit.is_some();
                *found.lock().unwrap() = hit;
                ok
            })
            .await
            .expect("message in the caseworkers' chat");
        found.into_inner().unwrap().unwrap()
    }

    /// Waits until a message of the bot's in the caseworkers' chat is mapped to its case
    /// (stored right after Telegram took it), as a caseworker's reply needs.
    async fn wait_mapped(&self, message: &ChatMessage) {
        let id = i32::try_from(message.id).unwrap();
        crate::common::wait_for("the message mapped to its case", WAIT, || {
            matches!(
                self.app.store.case_at(OPS, Some(id), None),
                Ok(jolserik::store::CaseAt::Case(_))
            )
        })
        .await;
    }

    async fn wait_reaction(&self, message: i64) {
        self.fake
            .wait_until("the caseworker's message acknowledged", WAIT, |v| {
                v.messages(OPS)
                    .iter()
                    .any(|m| m.id == message && m.reactions == ["👍"])
            })
            .await
            .expect("reaction");
    }

    fn handover_state(&self, user: &FakeUser) -> Option<Handover> {
        match self.app.store.load(user.id, self.app.clock.now()).unwrap() {
            Loaded::Found(record) => record.conversation.handover,
            _ => None,
        }
    }

    async fn stop(mut self) {
        let running = self.running.take().expect("running");
        assert!(!running.is_finished(), "the bot stopped by itself");
        running.shutdown().await.expect("clean shutdown");
    }
}

async fn press(user: &FakeUser, data: &str) {
    user.wait_button(data, WAIT).await.expect("button appears");
    user.press(data).expect("press");
}

/// /human, consent, the question; returns when the user is told it was sent.
async fn open_case(user: &FakeUser, question: &str) {
    user.send_text("/human");
    press(user, "1:hy").await;
    user.wait_text("Write your question", WAIT)
        .await
        .expect("asked");
    user.send_text(question);
    user.wait_text("Sent to a caseworker", WAIT)
        .await
        .expect("confirmed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consent_refused_sends_nothing() {
    let bot = start(&on(), false).await;
    let user = bot.user_at_plan(7_101);
    user.send_text("/human");
    let consent = user.wait_button("1:hn", WAIT).await.unwrap();
    // The consent screen shows what would be sent, name and username included.
    assert!(consent.text().contains("Uzbekistan"), "{}", consent.text());
    assert!(consent.text().contains("Name: Test"), "{}", consent.text());
    user.press("1:hn").unwrap();
    user.wait_text("Nothing was sent", WAIT).await.unwrap();
    // Text after refusing is answered by the bot, not passed on.
    let seen = user.bot_texts().len();
    user.send_text("please help");
    user.wait_bot_messages(seen + 1, WAIT).await.unwrap();
    assert!(
        bot.bot_messages(OPS).is_empty(),
        "{:?}",
        bot.bot_messages(OPS)
    );
    assert!(bot.app.store.relays().unwrap().is_empty());
    assert_eq!(bot.app.store.open_case_of(user.id).unwrap(), None);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_goes_to_the_caseworkers_and_their_answers_come_back() {
    let bot = start(&on(), false).await;
    let user = bot.user_at_plan(7_102);
    open_case(&user, "My employer keeps my passport").await;
    // Stored before the user was told.
    assert!(bot.app.store.open_case_of(user.id).unwrap().is_some());

    // The case, in Russian (the caseworkers' default language), with the summary.
    let case = bot.wait_ops("Обращение №1").await;
    bot.wait_mapped(&case).await;
    for needle in [
        "Узбекистан",
        "My employer keeps my passport",
        "Test",
        "Последний законный день",
    ] {
        assert!(
            case.text().contains(needle),
            "{needle} not in {}",
            case.text()
        );
    }

    // Chatter in the caseworkers' chat and a reply in another group go nowhere.
    bot.fake.group_message(OPS, WORKER, "Who takes this one?");
    let elsewhere = bot.fake.group_message(OTHER, WORKER, "hello");
    bot.fake
        .reply_in_group(OTHER, WORKER, elsewhere, "Not for the user");
    // A caseworker replies to the case.
    let answer = bot
        .fake
        .reply_in_group(OPS, WORKER, case.id, "Приходите в понедельник в 10:00");
    let got = user
        .wait_text("Приходите в понедельник", WAIT)
        .await
        .unwrap();
    assert!(
        got.text().starts_with("A caseworker answers:"),
        "{}",
        got.text()
    );
    assert!(got.has_button("1:hx"));
    bot.wait_reaction(answer).await;
    assert!(user
        .bot_texts()
        .iter()
        .all(|t| !t.contains("Not for the user") && !t.contains("Who takes this one")));

    // The user writes more: it goes to the case, said once.
    user.send_text("Thank you, I will come");
    let more = bot.wait_ops("I will come").await;
    assert_eq!(more.reply_to, Some(case.id));
    bot.wait_mapped(&more).await;
    user.wait_text("I passed this on", WAIT).await.unwrap();
    user.send_text("With my contract");
    bot.wait_ops("With my contract").await;
    let told = user
        .bot_texts()
        .iter()
        .filter(|t| t.contains("I passed this on"))
        .count();
    assert_eq!(told, 1);

    // A reply to the user's relayed message reaches them too.
    bot.fake
        .reply_in_group(OPS, WORKER, more.id, "Yes, bring it");
    user.wait_text("Yes, bring it", WAIT).await.unwrap();

    // /close in reply closes the case and tells the user.
    let close = bot.fake.reply_in_group(OPS, WORKER, case.id, "/close");
    user.wait_text("The caseworker closed your request", WAIT)
        .await
        .unwrap();
    bot.wait_reaction(close).await;
    assert_eq!(bot.app.store.open_case_of(user.id).unwrap(), None);
    assert_eq!(bot.handover_state(&user), None);
    // Text now stays with the bot.
    let before = bot.bot_messages(OPS).len();
    let seen = user.bot_texts().len();
    user.send_text("ok");
    user.wait_bot_messages(seen + 1, WAIT).await.unwrap();
    assert!(user.bot_texts()[seen].contains("Your plan is ready"));

    // A later reply opens it again.
    bot.fake
        .reply_in_group(OPS, WORKER, case.id, "One more thing: bring a photo");
    user.wait_text("bring a photo", WAIT).await.unwrap();
    assert!(bot.app.store.open_case_of(user.id).unwrap().is_some());
    assert_eq!(
        bot.handover_state(&user),
        Some(Handover::Open { told: false })
    );
    assert_eq!(
        bot.bot_messages(OPS)[before..]
            .iter()
            .filter(|m| m.text().contains("ok"))
            .count(),
        0
    );
    // Everything was stored and sent: the outbox is empty.
    crate::common::wait_for("the outbox drained", WAIT, || {
        bot.app.store.relays().unwrap().is_empty()
    })
    .await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_or_document_goes_to_the_open_case_and_nowhere_without_one() {
    let bot = start(&on(), false).await;
    let user = bot.user_at_plan(7_106);
    // No case: the bot answers as it answers any file, and nothing leaves.
    let seen = user.bot_texts().len();
    user.send(Content::Photo);
    user.wait_bot_messages(seen + 1, WAIT).await.unwrap();
    assert!(bot.bot_messages(OPS).is_empty());
    open_case(&user, "Here is my contract").await;
    let case = bot.wait_ops("Обращение №1").await;
    bot.wait_mapped(&case).await;
    user.send(Content::Document);
    user.wait_text("I passed this file on", WAIT).await.unwrap();
    bot.fake
        .wait_until("the document in the caseworkers' chat", WAIT, |v| {
            v.bot_messages(OPS)
                .iter()
                .any(|m| m.has_content("document") && m.reply_to == Some(case.id))
        })
        .await
        .unwrap();
    // A reply to the copied document is an answer to the case.
    let copy = bot
        .bot_messages(OPS)
        .into_iter()
        .find(|m| m.has_content("document"))
        .unwrap();
    bot.wait_mapped(&copy).await;
    bot.fake
        .reply_in_group(OPS, WORKER, copy.id, "Got the contract");
    user.wait_text("Got the contract", WAIT).await.unwrap();
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forum_gets_a_topic_per_case_and_messages_in_it_count() {
    let bot = start(&format!("{}\noperator_language = \"en\"", on()), true).await;
    let user = bot.user_at_plan(7_103);
    open_case(&user, "Lost passport").await;
    let case = bot.wait_ops("Case #1").await;
    let topics = bot.fake.topics(OPS);
    assert_eq!(topics.len(), 1, "{topics:?}");
    assert_eq!(topics[0].1, "Case #1");
    assert_eq!(case.thread, Some(topics[0].0));
    // A message in the topic, replying to nothing, is an answer.
    bot.fake
        .write_in_topic(OPS, WORKER, topics[0].0, "Go to your embassy");
    user.wait_text("Go to your embassy", WAIT).await.unwrap();
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_with_an_open_case_tells_the_caseworkers_without_the_content() {
    let bot = start(&on(), false).await;
    let user = bot.user_at_plan(7_104);
    open_case(&user, "Secret details of my case").await;
    let case = bot.wait_ops("Обращение №1").await;
    bot.wait_mapped(&case).await;
    user.send_text("/delete");
    press(&user, "1:rd").await;
    let notice = bot.wait_ops("удалил свои данные").await;
    assert_eq!(notice.reply_to, Some(case.id));
    assert!(!notice.text().contains("Secret"), "{}", notice.text());
    assert!(
        traces_of(&bot.app.store, user.id).is_empty(),
        "{:?}",
        traces_of(&bot.app.store, user.id)
    );
    // A reply to the erased case says why nothing was sent.
    let late = bot
        .fake
        .reply_in_group(OPS, WORKER, case.id, "Are you there?");
    bot.fake
        .wait_until("the caseworker told", WAIT, |v| {
            v.bot_messages(OPS)
                .iter()
                .any(|m| m.reply_to == Some(late) && m.text().contains("удалил"))
        })
        .await
        .unwrap();
    assert!(user
        .bot_texts()
        .iter()
        .all(|t| !t.contains("Are you there")));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_the_bot_is_not_in_is_reported_and_the_case_waits() {
    let bot = start_with(&on(), None).await;
    let metrics = bot.running.as_ref().unwrap().metrics().render();
    assert!(metrics.contains("operator_chat_unreachable"), "{metrics}");
    let user = bot.user_at_plan(7_107);
    open_case(&user, "Is anyone there?").await;
    // Refused by Telegram ("chat not found"), the case stays in the outbox.
    bot.fake
        .wait_until("the case tried", WAIT, |v| {
            v.calls_to("sendMessage")
                .iter()
                .any(|c| c.chat_id() == Some(OPS) && !c.ok())
        })
        .await
        .unwrap();
    let relays = bot.app.store.relays().unwrap();
    assert_eq!(relays.len(), 1, "{relays:?}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn handover_off_shows_the_contacts() {
    let bot = start(
        "contacts = { en = \"Sana NGO: +7 700 000 00 00, Mon–Fri 9–18\" }",
        false,
    )
    .await;
    let user = bot.user_at_plan(7_105);
    user.send_text("/human");
    let shown = user.wait_text("Sana NGO", WAIT).await.unwrap();
    assert!(
        shown.text().contains("Public Service Center"),
        "{}",
        shown.text()
    );
    assert!(bot.fake.calls_to("getChat").is_empty());
    assert!(bot.bot_messages(OPS).is_empty());
    // The command menu has /human in every language.
    for lang in ["en", "ru", "kk", "uz", "tg", "ky"] {
        let menu = bot.fake.profile("setMyCommands", lang).unwrap();
        assert!(menu.to_string().contains("\"human\""), "{lang}: {menu}");
    }
    bot.stop().await;
}

/// The built binary, killed (SIGKILL) while the case relays to the caseworkers are in
/// the air (the double holds the first one); after a restart every case is in the
/// caseworkers' chat exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_with_relays_in_flight_nothing_is_lost_or_doubled() {
    let fake = FakeBotApi::start().await.expect("test double");
    fake.group(OPS, false);
    let dir = tempfile::tempdir().unwrap();
    let config = crate::common::write_config(
        dir.path(),
        &format!("{FLOOD}[handover]\noperator_chat = {OPS}\noperator_language = \"en\"\n"),
    );
    // Users with answers, so the dialogue is quick.
    {
        let clock = Clock::manual(parse_instant(NOW).unwrap());
        let app = crate::common::open_app(dir.path(), &clock, "");
        for id in 7_201..=7_205 {
            run(&app, id, &typed_dialogue("31.01.2027"));
        }
    }
    let spawn = || -> Child {
        jolserik_bin()
            .arg("--config")
            .arg(&config)
            .args(["serve", "--now", "2026-11-21T10:00:00+05:00"])
            .current_dir(dir.path())
            .env("TELOXIDE_TOKEN", fake_bot_api::TOKEN)
            .env("TELOXIDE_API_URL", fake.url())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // The first case message hangs in the double until the bot is killed.
    fake.inject(
        Some("sendMessage"),
        Some(OPS),
        Fault::Delay(Duration::from_secs(60)),
        1,
    );
    let mut child = spawn();
    let users: Vec<FakeUser> = (7_201..=7_205)
        .map(|id| {
            let u = fake.user(id, Some("en"));
            u.open_chat();
            u
        })
        .collect();
    for (i, user) in users.iter().enumerate() {
        open_case(user, &format!("Question number {i}")).await;
    }
    // The relay loop was woken by the first case and is held in its first call; the
    // other four wait behind it in the outbox.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(
        fake.messages(OPS).iter().all(|m| !m.from_bot),
        "nothing reached the caseworkers before the kill"
    );

    let mut child = spawn();
    fake.wait_until("every case posted", WAIT, |v| {
        v.bot_messages(OPS).len() >= users.len()
    })
    .await
    .expect("cases posted after the restart");
    // A moment for any duplicate to show up.
    tokio::time::sleep(Duration::from_millis(500)).await;
    crate::common::signal(child.id(), "-TERM");
    child.wait().unwrap();
    let posted: Vec<String> = fake
        .messages(OPS)
        .iter()
        .filter(|m| m.from_bot)
        .map(|m| m.text().to_string())
        .collect();
    for i in 0..users.len() {
        let n = posted
            .iter()
            .filter(|t| t.contains(&format!("Question number {i}")))
            .count();
        assert_eq!(n, 1, "case {i} posted {n} times: {posted:#?}");
    }
    assert_eq!(posted.len(), users.len(), "{posted:#?}");
    let store = Store::open(&crate::common::store_path(dir.path())).unwrap();
    assert!(store.relays().unwrap().is_empty());
}

/// The terminal has no caseworkers: even with handover on, "Ask a person" there shows
/// the contacts; `check` says whether handover is on.
#[test]
fn the_terminal_shows_the_contacts_and_check_tells_whether_handover_is_on() {
    let sandbox = crate::chat::Sandbox::new();
    let off = sandbox.jolserik(&["check"]).output().unwrap();
    assert!(crate::chat::stdout(&off).contains("handover: off"));
    let mut config = std::fs::read_to_string(sandbox.config()).unwrap();
    config.push_str(&format!(
        "[handover]\noperator_chat = {OPS}\ncontacts = {{ ru = \"Фонд «Сана»: +7 700 000 00 00\" }}\n"
    ));
    std::fs::write(sandbox.config(), config).unwrap();
    let on = sandbox.jolserik(&["check"]).output().unwrap();
    let text = crate::chat::stdout(&on);
    assert!(
        text.contains(&format!("handover: on, cases go to chat {OPS}")),
        "{text}"
    );

    let output = sandbox.chat("7301", "ru", &["Русский", "/human"]);
    let text = crate::chat::stdout(&output);
    assert!(text.contains("Фонд «Сана»: +7 700 000 00 00"), "{text}");
    assert!(text.contains("ЦОН"), "{text}");
    assert!(!text.contains("Отправить консультанту"), "{text}");
}

/// A caseworker answers an older case while the user is starting a new request: the
/// answer is delivered, and the new request stays where the user left it (their next
/// text is the new question, not a message to the old case).
#[test]
fn an_answer_to_an_old_case_leaves_a_new_request_where_it_is() {
    use jolserik::casework::{CaseworkerInput, CaseworkerResult};
    use jolserik::engine::{Action, Command, Input};
    use jolserik::store::{Posted, RelayBody};

    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(parse_instant(NOW).expect("now"));
    let app = crate::common::open_app(
        dir.path(),
        &clock,
        &format!("[handover]\noperator_chat = {OPS}\n"),
    );
    app.enable_caseworkers();
    let user = 5_151;
    run(&app, user, &typed_dialogue("31.01.2027"));
    let handover = |app: &App| match app.store.load(user, clock.now()).unwrap() {
        Loaded::Found(record) => record.conversation.handover,
        _ => panic!("the user is stored"),
    };
    run(
        &app,
        user,
        &[
            Input::Command(Command::Human),
            Input::Button(Action::HandoverConsent),
            Input::Text("my employer keeps my passport".into()),
        ],
    );
    // The case is posted as caseworkers' message 7, then the user closes it.
    let opened = app.store.relays().unwrap();
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0].body, RelayBody::CaseOpened);
    let posted = Posted {
        chat: OPS,
        message: Some(7),
        thread: None,
    };
    app.store.relay_done(&opened[0], Some(posted), &[]).unwrap();
    run(&app, user, &[Input::Button(Action::CloseCase)]);
    assert_eq!(handover(&app), None);
    // A new request: the consent screen.
    run(&app, user, &[Input::Command(Command::Human)]);
    assert_eq!(handover(&app), Some(Handover::Consent));

    let answered = app
        .caseworker_message(
            OPS,
            8,
            Some(7),
            None,
            &CaseworkerInput::Text("bring the contract".into()),
        )
        .unwrap();
    assert!(
        matches!(answered, CaseworkerResult::Queued { .. }),
        "{answered:?}"
    );
    assert_eq!(
        handover(&app),
        Some(Handover::Consent),
        "the new request stays"
    );
    // Consent and the question open a second case; the first one is closed by it.
    run(
        &app,
        user,
        &[
            Input::Button(Action::HandoverConsent),
            Input::Text("and my child was born here".into()),
        ],
    );
    assert_eq!(app.store.open_case_of(user).unwrap(), Some(2));
}
