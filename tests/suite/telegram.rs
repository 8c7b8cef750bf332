//! The Telegram front end against the Bot API test double (`fake_bot_api`,
//! an axum server on 127.0.0.1): whole conversations through `getUpdates`, every
//! behaviour the bot promises in Telegram, the Bot API's failures, load, webhook mode,
//! and the built binary's `serve`. No network beyond loopback.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fake_bot_api::{Content, FakeBotApi, FakeUser, Fault};
use jolserik::app::{App, Data};
use jolserik::clock::{parse_instant, Clock};
use jolserik::config::Config;
use jolserik::domain::Lang;
use jolserik::rules;
use jolserik::store::{Loaded, Store, UserRecord};
use jolserik::telegram::keyboard::{self, split_text, text_len};
use jolserik::telegram::{self, Running, Tuning};
use jolserik::text::{Arg, Msg};

use crate::common::{bot_options, jolserik_bin};

/// The bot's clock: entry dates in the script are 20 days before this.
const NOW: &str = "2026-11-21T10:00:00+05:00";
const WAIT: Duration = Duration::from_secs(20);
const SECRET: &str = "webhook-secret-for-tests_0123";

/// A bot started against a fresh test double and a fresh store.
struct Bot {
    fake: FakeBotApi,
    app: Arc<App>,
    running: Option<Running>,
    _dir: tempfile::TempDir,
}

/// How to start one.
struct Setup {
    /// Extra lines in `[telegram]`.
    telegram: String,
    /// Extra sections after `[telegram]`.
    more: String,
    tuning: Tuning,
    secret: Option<&'static str>,
}

impl Setup {
    /// These tests press buttons as fast as a machine can, far over the flood limits
    /// meant for people; the limits are raised out of the way here and tested on
    /// their own in tests/suite/flood.rs.
    fn new() -> Setup {
        Setup {
            telegram: String::new(),
            more: "[telegram.flood]\nburst = 1000\nper_minute = 6000\npending = 32\nnew_users_per_second = 1000\n".to_owned(),
            tuning: Tuning::local(),
            secret: None,
        }
    }

    fn telegram(mut self, lines: &str) -> Setup {
        self.telegram.push_str(lines);
        self.telegram.push('\n');
        self
    }

    fn more(mut self, lines: &str) -> Setup {
        self.more.push_str(lines);
        self.more.push('\n');
        self
    }

    fn tuning(mut self, tuning: Tuning) -> Setup {
        self.tuning = tuning;
        self
    }

    fn webhook(self) -> Setup {
        let mut setup = self.telegram(
            "mode = \"webhook\"\n[telegram.webhook]\nlisten = \"127.0.0.1:0\"\npublic_url = \"https://bot.example.kz/tg\"",
        );
        setup.secret = Some(SECRET);
        setup
    }

    async fn start(self) -> Bot {
        crate::common::show_bot_logs();
        let fake = FakeBotApi::start().await.expect("test double");
        let dir = tempfile::tempdir().expect("temp dir");
        let toml = format!(
            "[storage]\npath = \"{}\"\n{}[telegram]\napi_url = \"{}\"\n{}",
            path_text(&dir.path().join("store")),
            self.more,
            fake.url(),
            self.telegram,
        );
        let config = Config::from_toml_str(&toml, std::iter::empty()).expect("config");
        let clock = Clock::manual(parse_instant(NOW).expect("now"));
        let data = Data::load(&config).expect("data");
        let store = Store::open(&config.storage.path).expect("store");
        let app = Arc::new(App::new(config, clock, data, store));
        let options = bot_options(fake.url(), self.tuning, self.secret);
        let running = telegram::start(app.clone(), options)
            .await
            .expect("bot starts");
        Bot {
            fake,
            app,
            running: Some(running),
            _dir: dir,
        }
    }
}

fn path_text(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}

impl Bot {
    fn user(&self, id: u64, language_code: Option<&str>) -> FakeUser {
        self.fake.user(id, language_code)
    }

    fn running(&self) -> &Running {
        self.running.as_ref().expect("running")
    }

    /// A message as the bot renders it.
    fn text(&self, lang: Lang, msg: &Msg) -> String {
        keyboard::render(&self.app, lang, msg)
    }

    fn say(&self, lang: Lang, id: &'static str) -> String {
        self.text(lang, &Msg::new(id))
    }

    fn record(&self, user: &FakeUser) -> Option<UserRecord> {
        match self
            .app
            .store
            .load(user.id, self.app.clock.now())
            .expect("load")
        {
            Loaded::Found(record) => Some(record),
            _ => None,
        }
    }

    /// Waits until the user's stored record satisfies `check`.
    async fn wait_record(&self, user: &FakeUser, what: &str, check: impl Fn(&UserRecord) -> bool) {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if self.record(user).is_some_and(|r| check(&r)) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("user {}: {what} never happened", user.id);
    }

    /// Every call answered 200, except those the test made fail.
    fn assert_no_refusals(&self) {
        for call in self.fake.calls() {
            assert!(
                call.ok(),
                "{} refused with {}: {:?}\n{}",
                call.method,
                call.status,
                call.description,
                call.params
            );
        }
    }

    /// Stops the bot, checking it was still running: no test sees it exit by itself.
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

/// The whole dialogue: language, citizenship, entry date (typed), no days before (a button),
/// purpose, employer, no documents, "Correct"; returns when the plan's first screen arrived.
async fn reach_the_plan(_bot: &Bot, user: &FakeUser, lang: Lang) {
    user.send_text("/start");
    press(user, &format!("1:l:{}", lang.code())).await;
    press(user, "1:c:UZ").await;
    user.wait_button("1:td", WAIT)
        .await
        .expect("entry question");
    user.send_text("01.11.2026");
    // Days before this entry: "No".
    press(user, "1:p0").await;
    press(user, "1:u:work").await;
    press(user, "1:m:company").await;
    press(user, "1:d0").await;
    press(user, "1:ok").await;
    user.wait_button("1:pl", WAIT)
        .await
        .expect("the plan's first screen");
}

/// The user's plan as of now.
fn plan_of(bot: &Bot, user: &FakeUser) -> rules::Plan {
    let record = bot.record(user).expect("record");
    rules::assess(
        &bot.app.data.catalogue,
        &record.conversation.profile,
        bot.app.clock.today(),
    )
}

/// The plan's first screen, rendered: the one message the plan is sent as.
fn plan_texts(bot: &Bot, user: &FakeUser, lang: Lang) -> Vec<String> {
    let plan = plan_of(bot, user);
    vec![bot.text(
        lang,
        &rules::view::screens::home(&plan, &bot.app.data.catalogue),
    )]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conversations_in_russian_kazakh_and_english_reach_the_plan() {
    let bot = Arc::new(Setup::new().start().await);
    let users = [
        (bot.user(1001, Some("ru")), Lang::Ru),
        (bot.user(1002, Some("kk")), Lang::Kk),
        (bot.user(1003, Some("en-US")), Lang::En),
    ];
    let mut tasks = Vec::new();
    for (user, lang) in users.clone() {
        let bot = bot.clone();
        tasks.push(tokio::spawn(async move {
            reach_the_plan(&bot, &user, lang).await
        }));
    }
    for task in tasks {
        task.await.expect("a dialogue");
    }

    for (user, lang) in &users {
        let record = bot.record(user).expect("stored");
        assert!(
            record.conversation.has_plan(),
            "user {} has a plan",
            user.id
        );
        assert_eq!(record.conversation.lang, *lang);
        let texts = user.bot_texts();
        // The first words follow Telegram's language_code.
        // The welcome and the first question are one message.
        assert!(
            texts[0].starts_with(&format!(
                "{}\n\n{}",
                bot.say(*lang, "welcome"),
                bot.say(*lang, "q-language")
            )),
            "user {}",
            user.id
        );
        // The plan arrived as one message: its first screen, whole.
        for plan_text in plan_texts(&bot, user, *lang) {
            assert!(texts.contains(&plan_text), "missing plan part: {plan_text}");
        }
        let plan_message = messages_with_button(user, "1:pl");
        assert_eq!(plan_message.len(), 1, "one first screen");
        // The pressed questions became records: the answer under them, no buttons.
        let messages = user.messages();
        let language_question = messages
            .iter()
            .find(|m| m.from_bot && m.text().contains(&bot.say(*lang, "q-language")))
            .expect("language question");
        assert!(language_question.reply_markup.is_none());
        let answered = bot.text(
            *lang,
            &Msg::new("tg-answered")
                .arg("answer", Arg::Verbatim(bot.say(*lang, lang_label(*lang)))),
        );
        assert!(
            language_question.text().ends_with(&answered),
            "{}",
            language_question.text()
        );
        let summary = messages
            .iter()
            .find(|m| {
                m.from_bot
                    && m.text().starts_with(&first_line(&bot.text(
                        *lang,
                        &Msg::new("summary").arg("answers", Arg::Lines(vec![])),
                    )))
            })
            .expect("summary");
        assert!(
            summary.reply_markup.is_none(),
            "the summary lost its buttons"
        );
        assert!(summary.text().ends_with(&bot.text(
            *lang,
            &Msg::new("tg-answered").arg("answer", Arg::Verbatim(bot.say(*lang, "btn-correct")))
        )));
    }
    // Every button press was answered, nothing was refused, all as plain text.
    assert!(bot.fake.unanswered_queries().is_empty());
    bot.assert_no_refusals();
    for call in bot.fake.calls_to("sendMessage") {
        assert!(call.params.get("parse_mode").is_none());
        assert!(text_len(call.text().unwrap_or("")) <= 4096);
    }
    Arc::into_inner(bot).expect("sole owner").stop().await;
}

/// The bot's messages that have a button sending `data`.
fn messages_with_button(user: &FakeUser, data: &str) -> Vec<fake_bot_api::ChatMessage> {
    user.messages()
        .into_iter()
        .filter(|m| m.from_bot && m.has_button(data))
        .collect()
}

fn lang_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "lang-ru",
        Lang::Kk => "lang-kk",
        Lang::En => "lang-en",
        Lang::Uz => "lang-uz",
        Lang::Tg => "lang-tg",
        Lang::Ky => "lang-ky",
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").to_string()
}

/// The value of one series in a Prometheus exposition (0 when absent).
fn metric(exposition: &str, series: &str) -> u64 {
    exposition
        .lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
        .unwrap_or(0)
}

/// Waits until a series of the bot's metrics reaches `at_least`.
async fn wait_metric(bot: &Bot, series: &str, at_least: u64) {
    let deadline = Instant::now() + WAIT;
    loop {
        let text = bot.running().metrics().render();
        if metric(&text, series) >= at_least {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{series} never reached {at_least}:\n{text}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ticking_documents_edits_the_keyboard_in_place() {
    let bot = Setup::new().start().await;
    let user = bot.user(1101, Some("en"));
    user.send_text("/start");
    press(&user, "1:l:en").await;
    press(&user, "1:c:TJ").await;
    user.wait_button("1:td", WAIT).await.unwrap();
    user.send_text("15.11.2026");
    press(&user, "1:p?").await;
    press(&user, "1:u:study").await;
    let docs = user.wait_button("1:d:visa", WAIT).await.unwrap();
    let before = user.bot_texts().len();
    user.press("1:d:visa").unwrap();
    let selected = bot.text(
        Lang::En,
        &Msg::new("btn-doc-selected").msg("document", Msg::new("held-visa")),
    );
    bot.fake
        .wait_until("the visa ticked", WAIT, |v| {
            v.bot_messages(user.chat_id()).iter().any(|m| {
                m.id == docs.id
                    && m.reply_markup
                        .as_ref()
                        .is_some_and(|k| k.to_string().contains(&selected))
            })
        })
        .await
        .unwrap();
    assert_eq!(user.bot_texts().len(), before, "no new message for a tick");
    // Untick: "Done" then holds nothing, so no end date is asked and the summary comes.
    user.press("1:d:visa").unwrap();
    bot.fake
        .wait_until("the visa unticked", WAIT, |v| {
            v.bot_messages(user.chat_id()).iter().any(|m| {
                m.id == docs.id
                    && m.reply_markup
                        .as_ref()
                        .is_some_and(|k| !k.to_string().contains(&selected))
            })
        })
        .await
        .unwrap();
    press(&user, "1:dd").await;
    user.wait_button("1:ok", WAIT).await.unwrap();
    bot.assert_no_refusals();
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_or_channel_gets_one_brief_note_and_nothing_is_stored() {
    let bot = Setup::new().start().await;
    bot.fake.group_message(-100_555, 2001, "/start");
    bot.fake.group_message(-100_555, 2002, "hello?");
    bot.fake.channel_post(-100_777, "news");
    bot.fake.channel_post(-100_777, "more news");
    let note_ru = bot.say(Lang::Ru, "tg-private-only");
    bot.fake
        .wait_until("notes in the group and the channel", WAIT, |v| {
            v.calls_to("sendMessage").len() >= 2
        })
        .await
        .unwrap();
    // Let the second message of each chat be handled too.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let sent = bot.fake.calls_to("sendMessage");
    assert_eq!(sent.len(), 2, "one note per chat: {sent:?}");
    assert!(sent.iter().all(|c| c.text() == Some(note_ru.as_str())));
    let chats: Vec<i64> = sent.iter().filter_map(|c| c.chat_id()).collect();
    assert!(chats.contains(&-100_555) && chats.contains(&-100_777));
    assert_eq!(
        bot.app.store.user_count(),
        0,
        "nothing stored about the group or its members"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stickers_photos_voice_locations_and_documents_get_a_note_and_the_question() {
    let bot = Setup::new().start().await;
    let user = bot.user(3001, Some("kk"));
    user.send_text("/start");
    user.wait_button("1:l:kk", WAIT).await.unwrap();
    for content in [
        Content::Sticker,
        Content::Photo,
        Content::Voice,
        Content::Location,
        Content::Document,
    ] {
        user.send(content);
    }
    let note = bot.say(Lang::Kk, "err-unsupported-input");
    let question = bot.say(Lang::Kk, "q-language");
    let chat = user.chat_id();
    bot.fake
        .wait_until("five notes", WAIT, |v| {
            v.bot_messages(chat)
                .iter()
                .filter(|m| m.text().starts_with(&note))
                .count()
                == 5
        })
        .await
        .unwrap();
    // The note and the question again are one message; with the welcome, six.
    bot.fake
        .wait_until("the question after each", WAIT, |v| {
            v.bot_messages(chat)
                .iter()
                .filter(|m| m.text().ends_with(&question))
                .count()
                == 6
        })
        .await
        .unwrap();
    bot.assert_no_refusals();
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_and_forged_buttons_get_out_of_date_and_the_current_question() {
    let bot = Setup::new().start().await;
    let user = bot.user(4001, Some("ru"));
    user.send_text("/start");
    let language = user.wait_button("1:l:ru", WAIT).await.unwrap();
    user.press("1:l:ru").unwrap();
    let citizenship = user.wait_button("1:c:UZ", WAIT).await.unwrap();
    // An old keyboard, a forged action, another version, plain garbage.
    let queries = [
        user.press_on(language.id, "1:l:en"),
        user.press_on(citizenship.id, "1:zz"),
        user.press_on(citizenship.id, "2:c:UZ"),
        user.press_on(citizenship.id, "garbage"),
    ];
    let stale = bot.say(Lang::Ru, "err-stale-button");
    let question = bot.say(Lang::Ru, "q-citizenship");
    let chat = user.chat_id();
    bot.fake
        .wait_until("four out-of-date notes", WAIT, |v| {
            v.bot_messages(chat)
                .iter()
                .filter(|m| m.text().starts_with(&stale))
                .count()
                == 4
        })
        .await
        .unwrap();
    bot.fake
        .wait_until("the question again each time", WAIT, |v| {
            v.bot_messages(chat)
                .iter()
                .filter(|m| m.text() == format!("{stale}\n\n{question}") && m.has_button("1:c:UZ"))
                .count()
                == 4
        })
        .await
        .unwrap();
    let unanswered = bot.fake.unanswered_queries();
    assert!(
        queries.iter().all(|q| !unanswered.contains(q)),
        "every press answered"
    );
    let unsupported = bot.say(Lang::Ru, "err-unsupported-input");
    assert!(!user.bot_texts().iter().any(|t| t.contains(&unsupported)));
    let record = bot.record(&user).unwrap();
    assert_eq!(
        record.conversation.lang,
        Lang::Ru,
        "the stale English button changed nothing"
    );
    assert!(record.conversation.profile.citizenship.is_none());
    // The pressed messages lost their (out-of-date) buttons.
    let messages = user.messages();
    for id in [language.id, citizenship.id] {
        let m = messages.iter().find(|m| m.id == id).unwrap();
        assert!(m.reply_markup.is_none(), "{m:?}");
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_replies_are_split_at_paragraph_boundaries() {
    let limit = 700;
    let bot = Setup::new()
        .tuning(Tuning {
            max_message_len: limit,
            ..Tuning::local()
        })
        .start()
        .await;
    let user = bot.user(5001, Some("en"));
    reach_the_plan(&bot, &user, Lang::En).await;
    // The sources, asked by command, are the longest screen: sent as new messages.
    user.send_text("/sources");
    user.wait_button("1:ph", WAIT).await.expect("the sources");
    let sent = user.bot_texts();
    let plan = plan_of(&bot, &user);
    let full = bot.text(
        Lang::En,
        &rules::view::screens::sources(&plan, &bot.app.data.catalogue),
    );
    let parts = split_text(&full, limit);
    assert!(parts.iter().all(|p| text_len(p) <= limit));
    let start = sent
        .iter()
        .position(|t| *t == parts[0])
        .unwrap_or_else(|| panic!("first part of {full:?} not sent"));
    assert_eq!(&sent[start..start + parts.len()], parts.as_slice());
    assert!(parts.len() > 1, "the sources are longer than {limit}");
    if full.split("\n\n").all(|p| text_len(p) <= limit) {
        assert_eq!(parts.join("\n\n"), full, "cut only between paragraphs");
    }
    // At Telegram's own limit, a 10 000-character text goes out in three parts.
    let long = (0..40)
        .map(|i| format!("{i} {}", "word ".repeat(48)))
        .collect::<Vec<_>>()
        .join("\n\n");
    let parts = split_text(&long, keyboard::TELEGRAM_TEXT_LIMIT);
    assert!(parts.len() >= 3 && parts.iter().all(|p| text_len(p) <= 4096));
    assert_eq!(parts.join("\n\n"), long);
    bot.assert_no_refusals();
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typed_text_is_repeated_as_plain_text_never_markup() {
    let bot = Setup::new().start().await;
    let user = bot.user(6001, Some("en"));
    user.send_text("/start");
    user.wait_button("1:l:en", WAIT).await.unwrap();
    user.send_text("/<b>x</b>&amp;<a_href=\"tg://x\">");
    let echoed = user
        .wait_text("/<b>x</b>&amp;<a_href=\"tg://x\">", WAIT)
        .await
        .expect("the command is repeated character for character");
    assert!(echoed.text().starts_with(&first_line(&bot.text(
        Lang::En,
        &Msg::new("err-unknown-command").arg(
            "command",
            Arg::UserText("<b>x</b>&amp;<a_href=\"tg://x\">".into())
        )
    ))));
    for call in bot.fake.calls_to("sendMessage") {
        assert!(
            call.params.get("parse_mode").is_none(),
            "no parse mode: {}",
            call.params
        );
        assert!(call.params.get("entities").is_none());
    }
    assert_eq!(
        keyboard::escape("<b>&"),
        "<b>&",
        "plain text needs no escaping"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_menu_and_descriptions_are_set_per_language() {
    let bot = Setup::new().start().await;
    for (code, lang) in [
        ("ru", Lang::Ru),
        ("kk", Lang::Kk),
        ("en", Lang::En),
        ("", Lang::Ru),
    ] {
        let commands = bot
            .fake
            .profile("setMyCommands", code)
            .expect("commands set");
        let commands = commands.as_array().expect("array");
        let names: Vec<&str> = commands
            .iter()
            .filter_map(|c| c["command"].as_str())
            .collect();
        for name in [
            "start", "help", "plan", "me", "language", "restart", "delete", "export",
        ] {
            assert!(names.contains(&name), "{code}: {names:?}");
        }
        let start = commands.iter().find(|c| c["command"] == "start").unwrap();
        assert_eq!(
            start["description"],
            bot.say(lang, "tg-cmd-start"),
            "{code}"
        );
        assert_eq!(
            bot.fake.profile("setMyDescription", code).unwrap(),
            bot.say(lang, "tg-description")
        );
        assert_eq!(
            bot.fake.profile("setMyShortDescription", code).unwrap(),
            bot.say(lang, "tg-short-description")
        );
    }
    assert_ne!(
        bot.say(Lang::Kk, "tg-cmd-start"),
        bot.say(Lang::Ru, "tg-cmd-start")
    );
    bot.assert_no_refusals();
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_answer_an_admin_and_look_unknown_to_anyone_else() {
    let bot = Setup::new().telegram("admins = [7001]").start().await;
    let admin = bot.user(7001, Some("en"));
    let stranger = bot.user(7002, Some("en"));
    stranger.send_text("/start");
    // Answered something, so stored (a user who only pressed Start is not).
    press(&stranger, "1:l:en").await;
    stranger.wait_button("1:c:UZ", WAIT).await.unwrap();
    stranger.send_text("/stats");
    let unknown = bot.text(
        Lang::En,
        &Msg::new("err-unknown-command").arg("command", Arg::UserText("stats".into())),
    );
    stranger
        .wait_text(&unknown, WAIT)
        .await
        .expect("unknown command");
    admin.send_text("/stats");
    let zeros = [
        "users", "active", "plans", "blocked", "pending", "sent", "updates", "replies", "errors",
    ]
    .into_iter()
    .fold(Msg::new("tg-stats"), |m, name| m.int(name, 0));
    let heading = first_line(&bot.text(Lang::En, &zeros));
    let stats = admin.wait_text(&heading, WAIT).await.expect("stats");
    assert!(stats.text().contains("Users: 1"), "{}", stats.text());
    assert!(
        stats.text().contains("Answering the questions: 1"),
        "{}",
        stats.text()
    );
    assert!(
        bot.record(&admin).is_none(),
        "/stats stores nothing about the admin"
    );
    // Every rule was checked within the default 180 days.
    let review = first_line(&bot.text(Lang::En, &Msg::new("changes-stale-rules")));
    let review = review.split('(').next().unwrap().trim().to_owned();
    assert!(!stats.text().contains(&review), "{}", stats.text());
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_list_the_rules_due_for_review() {
    // The catalogue's rules were checked on 15 November 2026; the clock is a few days on.
    let mut setup = Setup::new().telegram("admins = [7001]");
    setup.more.push_str("[rules]\nstale_after_days = 2\n");
    let bot = setup.start().await;
    let admin = bot.user(7001, Some("en"));
    admin.send_text("/stats");
    let stats = admin
        .wait_text(
            "Rules due for review (checked more than 2 days ago): R1",
            WAIT,
        )
        .await
        .expect("the rules due for review");
    assert!(stats.text().contains("R7"), "{}", stats.text());
    bot.stop().await;
}

async fn too_many_requests_then_the_reply(tuning: Tuning) {
    // Throttle resends after a 429 itself; without it the front end's retry does.
    let throttled = tuning.throttle.is_some();
    let bot = Setup::new().tuning(tuning).start().await;
    bot.fake
        .fail("sendMessage", Fault::TooManyRequests { retry_after: 1 }, 1);
    let user = bot.user(8001, Some("ru"));
    user.send_text("/start");
    user.wait_button("1:l:ru", WAIT)
        .await
        .expect("the reply arrives");
    let calls = bot.fake.calls_to("sendMessage");
    let refused = calls.iter().find(|c| c.status == 429).expect("a 429");
    let resent = calls
        .iter()
        .find(|c| c.ok() && c.at > refused.at)
        .expect("sent again");
    assert!(
        resent.at - refused.at >= Duration::from_secs(1),
        "waited retry_after"
    );
    assert_eq!(
        calls
            .iter()
            .filter(|c| {
                c.ok()
                    && c.text()
                        .is_some_and(|t| t.starts_with(&bot.say(Lang::Ru, "welcome")))
            })
            .count(),
        1,
        "the welcome went out once"
    );
    if !throttled {
        wait_metric(&bot, "jolserik_api_errors_total{kind=\"retry_after\"}", 1).await;
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_requests_waits_retry_after_and_resends() {
    too_many_requests_then_the_reply(Tuning::local()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_requests_through_the_throttle_adaptor() {
    let limits = teloxide::adaptors::throttle::Limits {
        messages_per_sec_chat: 100,
        messages_per_min_chat: 1000,
        messages_per_min_channel_or_supergroup: 1000,
        messages_per_sec_overall: 1000,
    };
    too_many_requests_then_the_reply(Tuning {
        throttle: Some(limits),
        ..Tuning::local()
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_who_blocked_the_bot_is_marked_and_unmarked_when_they_write() {
    let bot = Setup::new().start().await;
    let user = bot.user(9001, Some("en"));
    user.send_text("/start");
    // A user who has answered something (one who has not is not stored at all).
    press(&user, "1:l:en").await;
    user.wait_button("1:c:UZ", WAIT).await.unwrap();
    let before = user.bot_texts().len();
    bot.fake.block(user.chat_id());
    user.send_text("/help");
    bot.wait_record(&user, "marked blocked after a 403", |r| r.meta.blocked)
        .await;
    bot.fake.unblock(user.chat_id());
    user.send_text("/help");
    // /help's help and the question, one message (the first /help's 403'd).
    user.wait_bot_messages(before + 1, WAIT).await.unwrap();
    assert!(user.bot_texts()[before].starts_with(&first_line(&bot.say(Lang::En, "help"))));
    bot.wait_record(&user, "unmarked after writing", |r| !r.meta.blocked)
        .await;
    // Blocking from the client sends my_chat_member: marked without any 403.
    user.block_bot();
    bot.wait_record(&user, "marked blocked by my_chat_member", |r| {
        r.meta.blocked
    })
    .await;
    wait_metric(&bot, "jolserik_users_blocked_total", 2).await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_are_retried() {
    let bot = Setup::new().start().await;
    bot.fake.fail("sendMessage", Fault::ServerError, 1);
    let user = bot.user(10_001, Some("ru"));
    user.send_text("/start");
    // teloxide itself pauses 10 s after any 5xx before it reports the error.
    user.wait_button("1:l:ru", Duration::from_secs(40))
        .await
        .expect("reply after a 500");
    let calls = bot.fake.calls_to("sendMessage");
    assert_eq!(calls[0].status, 500);
    assert!(calls.iter().skip(1).all(|c| c.ok()));
    // teloxide reads the 500's body only after its pause, so with the short request
    // timeout of Tuning::local the failure surfaces as a timeout; either is retried.
    let metrics = bot.running().metrics().render();
    let failures = metric(&metrics, "jolserik_api_errors_total{kind=\"server\"}")
        + metric(&metrics, "jolserik_api_errors_total{kind=\"timeout\"}");
    assert_eq!(failures, 1, "{metrics}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeouts_are_retried() {
    let bot = Setup::new().start().await;
    // Longer than the 3-second request timeout of Tuning::local.
    bot.fake
        .fail("sendMessage", Fault::Delay(Duration::from_millis(3500)), 1);
    bot.fake
        .fail("getUpdates", Fault::Delay(Duration::from_millis(3500)), 1);
    let user = bot.user(11_001, Some("en"));
    user.send_text("/start");
    user.wait_button("1:l:en", WAIT)
        .await
        .expect("reply after timeouts");
    wait_metric(&bot, "jolserik_api_errors_total{kind=\"timeout\"}", 2).await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_users_at_once_all_reach_the_plan() {
    let bot = Arc::new(Setup::new().start().await);
    let langs = [Lang::Ru, Lang::Kk, Lang::En];
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..200u64 {
        let bot = bot.clone();
        let lang = langs[usize::try_from(i % 3).unwrap()];
        tasks.push(tokio::spawn(async move {
            let user = bot.user(20_000 + i, Some(lang.code()));
            reach_the_plan(&bot, &user, lang).await;
        }));
    }
    for task in tasks {
        task.await.expect("a user's dialogue");
    }
    let took = started.elapsed();
    assert_eq!(bot.app.store.user_count(), 200);
    for i in 0..200u64 {
        let user = bot.user(20_000 + i, None);
        assert!(bot.record(&user).unwrap().conversation.has_plan());
    }
    assert!(bot.fake.unanswered_queries().is_empty());
    bot.assert_no_refusals();
    eprintln!("200 dialogues took {took:?}");
    let bot = Arc::into_inner(bot).expect("sole owner");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_quick_messages_from_one_user_are_handled_in_order() {
    let bot = Setup::new().start().await;
    let user = bot.user(12_001, Some("en"));
    user.send_text("/start");
    user.wait_button("1:l:en", WAIT).await.unwrap();
    for i in 1..=20 {
        user.send_text(&format!("/c{i:02}"));
    }
    // The greeting, then one message per command: the note and the question again.
    user.wait_bot_messages(1 + 20, WAIT)
        .await
        .expect("every message answered");
    let order: Vec<String> = user
        .bot_texts()
        .iter()
        .filter_map(|t| {
            t.split_whitespace()
                .find(|w| w.starts_with("/c"))
                .map(|w| w.trim_end_matches('.').to_string())
        })
        .collect();
    let expected: Vec<String> = (1..=20).map(|i| format!("/c{i:02}")).collect();
    assert_eq!(order, expected);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_updates_with_the_right_secret_are_handled_and_the_rest_refused() {
    let bot = Setup::new().webhook().start().await;
    let (url, secret) = bot.fake.webhook().expect("webhook registered");
    assert_eq!(url, "https://bot.example.kz/tg");
    assert_eq!(secret.as_deref(), Some(SECRET));
    let addr = bot.running().webhook_addr().expect("listening");
    let endpoint = format!("http://{addr}/tg");
    let client = reqwest::Client::new();
    let post = |body: Vec<u8>, secret: Option<&str>| {
        let mut request = client
            .post(&endpoint)
            .header("content-type", "application/json")
            .body(body);
        if let Some(s) = secret {
            request = request.header("X-Telegram-Bot-Api-Secret-Token", s);
        }
        request.send()
    };
    let user = bot.user(13_001, Some("kk"));
    let update = serde_json::to_vec(&user.text_update("/start")).unwrap();

    assert_eq!(post(update.clone(), None).await.unwrap().status(), 401);
    assert_eq!(
        post(update.clone(), Some("wrong-secret"))
            .await
            .unwrap()
            .status(),
        401
    );
    assert_eq!(
        post(b"{not json".to_vec(), Some(SECRET))
            .await
            .unwrap()
            .status(),
        400
    );
    assert_eq!(
        post(b"{\"hello\": 1}".to_vec(), Some(SECRET))
            .await
            .unwrap()
            .status(),
        400
    );
    let huge = vec![b' '; 2 << 20];
    assert_eq!(post(huge, Some(SECRET)).await.unwrap().status(), 413);
    assert!(
        bot.fake.calls_to("sendMessage").is_empty(),
        "nothing refused was handled"
    );

    let answer = post(update, Some(SECRET)).await.unwrap();
    let status = answer.status();
    assert_eq!(
        status,
        200,
        "{:?}\n{}",
        answer.text().await,
        bot.running().metrics().render()
    );
    user.wait_button("1:l:kk", WAIT).await.expect("handled");
    // Still running after all that: a button press arrives and is handled.
    let press = serde_json::to_vec(&user.press_update("1:l:kk").unwrap()).unwrap();
    assert_eq!(post(press, Some(SECRET)).await.unwrap().status(), 200);
    user.wait_button("1:c:UZ", WAIT)
        .await
        .expect("still handling");
    let metrics = bot.running().metrics().render();
    assert!(
        metrics.contains("jolserik_webhook_rejected_total{reason=\"secret\"} 2"),
        "{metrics}"
    );
    assert!(
        metrics.contains("jolserik_webhook_rejected_total{reason=\"malformed\"} 2"),
        "{metrics}"
    );
    assert!(
        metrics.contains("jolserik_webhook_rejected_total{reason=\"too_large\"} 1"),
        "{metrics}"
    );
    assert!(
        bot.fake.calls_to("getUpdates").is_empty(),
        "no polling in webhook mode"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_and_metrics_are_served() {
    let bot = Setup::new()
        .more("[observability]\nlisten = \"127.0.0.1:0\"")
        .start()
        .await;
    let user = bot.user(14_001, Some("en"));
    user.send_text("/start");
    press(&user, "1:l:en").await;
    user.wait_button("1:c:UZ", WAIT).await.unwrap();
    let addr = bot
        .running()
        .metrics_addr()
        .expect("observability listener");
    let health = reqwest::get(format!("http://{addr}/healthz"))
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    // The counters settle just after the last reply reaches the double.
    wait_metric(&bot, "jolserik_update_to_reply_seconds_count", 2).await;
    let metrics = reqwest::get(format!("http://{addr}/metrics"))
        .await
        .unwrap();
    assert_eq!(metrics.status(), 200);
    let text = metrics.text().await.unwrap();
    for (series, value) in [
        ("jolserik_updates_total{kind=\"message\"}", 1),
        ("jolserik_updates_total{kind=\"callback_query\"}", 1),
        // The welcome with the first question, the pressed question's record, the
        // acknowledgement with the next question.
        ("jolserik_replies_sent_total", 3),
        ("jolserik_update_to_reply_seconds_count", 2),
        ("jolserik_update_to_reply_seconds_bucket{le=\"+Inf\"}", 2),
        ("jolserik_reminders_sent_total", 0),
        ("jolserik_users_blocked_total", 0),
    ] {
        assert!(
            text.contains(&format!("{series} {value}\n")),
            "{series} {value} in\n{text}"
        );
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_calendar_goes_out_as_a_document() {
    let bot = Setup::new().start().await;
    let user = bot.user(15_001, Some("en"));
    reach_the_plan(&bot, &user, Lang::En).await;
    user.send_text("/calendar");
    let chat = user.chat_id();
    bot.fake
        .wait_until("a calendar file", WAIT, |v| {
            v.bot_messages(chat).iter().any(|m| m.document.is_some())
        })
        .await
        .unwrap_or_else(|e| {
            panic!(
                "{e}: {:#?}",
                bot.fake
                    .calls()
                    .iter()
                    .rev()
                    .filter(|c| c.method != "getUpdates")
                    .take(4)
                    .map(|c| (
                        c.method.clone(),
                        c.status,
                        c.description.clone(),
                        c.params.to_string().chars().take(300).collect::<String>()
                    ))
                    .collect::<Vec<_>>()
            )
        });
    let (name, bytes) = user
        .messages()
        .into_iter()
        .find_map(|m| m.document)
        .unwrap();
    assert!(name.ends_with(".ics"), "{name}");
    assert!(String::from_utf8_lossy(&bytes).starts_with("BEGIN:VCALENDAR"));
    bot.assert_no_refusals();
    bot.stop().await;
}

/// The built binary, against the test double, as an operator runs it.
fn jolserik(dir: &Path, config: &Path, fake: &FakeBotApi) -> std::process::Command {
    let mut cmd = jolserik_bin();
    cmd.arg("--config").arg(config).current_dir(dir);
    cmd.env("RUST_LOG", "info,jolserik=debug");
    cmd.env("TELOXIDE_API_URL", fake.url());
    cmd
}

fn write_config(dir: &Path) -> std::path::PathBuf {
    let config = dir.join("config.toml");
    // api_url points nowhere: TELOXIDE_API_URL, set by `jolserik()`, must win.
    let text = format!(
        "[storage]\npath = \"{}\"\n[telegram]\napi_url = \"http://127.0.0.1:9\"\n",
        path_text(&dir.join("store"))
    );
    std::fs::write(&config, text).unwrap();
    config
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_serves_a_whole_conversation_and_stops_cleanly_on_sigterm() {
    let fake = FakeBotApi::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    let log = std::fs::File::create(dir.path().join("stderr.log")).unwrap();
    let mut child = jolserik(dir.path(), &config, &fake)
        .args(["serve", "--now", NOW])
        .env("TELOXIDE_TOKEN", fake_bot_api::TOKEN)
        .stdout(std::process::Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    let user = fake.user(16_001, Some("ru"));
    user.send_text("/start");
    let long = Duration::from_secs(40);
    let step = |data: &'static str| {
        let user = user.clone();
        async move {
            user.wait_button(data, long).await.expect(data);
            user.press(data).unwrap();
        }
    };
    step("1:l:ru").await;
    step("1:c:UZ").await;
    user.wait_button("1:td", long).await.unwrap();
    user.send_text("01.11.2026");
    step("1:p0").await;
    step("1:u:work").await;
    step("1:m:company").await;
    step("1:d0").await;
    step("1:ok").await;
    // The checklist comes last; with Telegram's limits (one message a second per chat,
    // the production Throttle setting) the plan takes a few seconds.
    let _ = Data::load(&Config::default()).unwrap();
    user.wait_button("1:pl", long).await.expect("the plan");

    let exit = crate::common::exit_after_sigterm(&mut child, Duration::from_secs(15)).await;
    let stderr = std::fs::read_to_string(dir.path().join("stderr.log")).unwrap();
    assert!(exit.success(), "exit {exit:?}\n{stderr}");
    let secret_part = fake_bot_api::TOKEN.split_once(':').unwrap().1;
    assert!(
        !stderr.contains(secret_part),
        "the token is in the log:\n{stderr}"
    );
    assert!(
        !stderr.contains("01.11.2026"),
        "a user's answer is in the log"
    );
    assert!(stderr.contains("stopped"), "{stderr}");

    let store = Store::open(&dir.path().join("store")).expect("the store is free again");
    match store.load(16_001, parse_instant(NOW).unwrap()).unwrap() {
        Loaded::Found(record) => assert!(record.conversation.has_plan()),
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_malformed_or_refused_token_is_a_clear_error() {
    let fake = FakeBotApi::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    // Run off the runtime's threads: the double answering the binary runs on them.
    let run = |token: Option<&str>| {
        let mut cmd = jolserik(dir.path(), &config, &fake);
        cmd.arg("serve");
        if let Some(t) = token {
            cmd.env("TELOXIDE_TOKEN", t);
        }
        async move {
            tokio::task::spawn_blocking(move || cmd.output().unwrap())
                .await
                .unwrap()
        }
    };
    let missing = run(None).await;
    assert!(!missing.status.success());
    let text = String::from_utf8_lossy(&missing.stderr);
    assert!(text.contains("TELOXIDE_TOKEN is not set"), "{text}");

    let malformed = run(Some("123456:short-secret")).await;
    assert!(!malformed.status.success());
    let text = String::from_utf8_lossy(&malformed.stderr);
    assert!(text.contains("does not look like a bot token"), "{text}");
    assert!(!text.contains("short-secret"), "{text}");

    let refused = run(Some("654321:SOME-other-token-that-the-api-refuses-0000")).await;
    assert!(!refused.status.success());
    let text = String::from_utf8_lossy(&refused.stderr);
    assert!(text.contains("Telegram refused the bot token"), "{text}");
    assert!(!text.contains("SOME-other-token"), "{text}");
}
