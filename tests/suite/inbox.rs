//! Received means stored (`telegram::inbox`, `store::inbox`): an update is on disk before
//! Telegram is told it arrived, one left over from a crash is answered at the next
//! start, and one handed over twice is applied once.

use std::time::Duration;

use fake_bot_api::FakeBotApi;
use jolserik::app::App;
use jolserik::clock::Clock;
use jolserik::engine::Input;
use jolserik::store::{InboxEntry, Loaded};

use crate::common::{at, open_app, start_bot, typed_dialogue, wait_for};

const WAIT: Duration = Duration::from_secs(15);

fn conversation(app: &App, user: u64) -> jolserik::engine::Conversation {
    match app.store.load(user, at("2026-11-21T05:00:00Z")).unwrap() {
        Loaded::Found(record) => record.conversation,
        other => panic!("no record: {other:?}"),
    }
}

#[test]
fn an_update_applied_before_is_shown_not_applied_again() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    let inputs = typed_dialogue("01.03.2027");
    // Up to and including the entry date, typed as update 106.
    let entry_date = inputs
        .iter()
        .position(|i| *i == Input::Text("3.11.2026".into()))
        .unwrap();
    for (n, input) in inputs[..=entry_date].iter().enumerate() {
        app.handle_update(1, Some(100 + n as u32), input, None)
            .unwrap();
    }
    let last = 100 + entry_date as u32;
    let before = conversation(&app, 1);

    // The same update again (a crash came before it left the inbox), and an older one.
    for id in [last, last - 2] {
        let again = app
            .handle_update(1, Some(id), &inputs[entry_date], None)
            .unwrap();
        assert_eq!(conversation(&app, 1), before, "update {id} applied twice");
        let ids: Vec<&str> = again.replies.iter().map(|r| &*r.msg.id).collect();
        assert!(
            ids.contains(&"plan-not-ready") && ids.len() >= 2,
            "the user is shown where they are: {ids:?}"
        );
    }

    // The next update is applied as usual, and so is input without an id (the terminal).
    app.handle_update(1, Some(last + 1), &inputs[entry_date + 1], None)
        .unwrap();
    let after = conversation(&app, 1);
    assert_ne!(after, before);
    app.handle(1, &inputs[entry_date + 2], None).unwrap();
    assert_ne!(conversation(&app, 1), after);
    match app.store.load(1, clock.now()).unwrap() {
        Loaded::Found(record) => assert_eq!(record.meta.last_update, Some(last + 1)),
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_update_stored_before_a_crash_is_answered_at_the_next_start() {
    let fake = FakeBotApi::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    // The last run stored this update (and so confirmed it to Telegram), then died.
    let user = fake.user(4242, Some("en"));
    let update = user.text_update("/start");
    let id = u32::try_from(update["update_id"].as_u64().unwrap()).unwrap();
    app.store
        .inbox_put(&[InboxEntry {
            id,
            user: Some(4242),
            update: update.to_string(),
        }])
        .unwrap();

    let running = start_bot(app.clone(), fake.url()).await;
    user.wait_button("1:l:en", WAIT)
        .await
        .expect("the stored /start is answered");
    wait_for("the answered update to leave the inbox", WAIT, || {
        app.store.inbox().unwrap().is_empty()
    })
    .await;
    // Polling goes on after it.
    let answered = user.bot_texts().len();
    user.send_text("/help");
    wait_for("an answer to /help", WAIT, || {
        user.bot_texts().len() > answered
    })
    .await;
    running.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_update_that_cannot_be_stored_stays_with_telegram_until_it_can() {
    let fake = FakeBotApi::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    let running = start_bot(app.clone(), fake.url()).await;
    let user = fake.user(4343, Some("en"));

    app.store.fail_flushes(true);
    user.send_text("/start");
    // The bot has asked for updates again and again, and confirmed none.
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    fake.wait_until("the update still unconfirmed", Duration::ZERO, |v| {
        v.pending_updates() == 1
    })
    .await
    .expect("the update was confirmed unsaved");
    assert!(user.bot_texts().is_empty(), "answered before it was saved");

    app.store.fail_flushes(false);
    user.wait_button("1:l:en", WAIT)
        .await
        .expect("answered once the disk is back");
    fake.wait_until("the update to be confirmed", WAIT, |v| {
        v.pending_updates() == 0
    })
    .await
    .unwrap();
    running.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_conversation_leaves_the_inbox_empty() {
    let fake = FakeBotApi::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock, "");
    let running = start_bot(app.clone(), fake.url()).await;
    let users: Vec<_> = (0..20).map(|i| fake.user(5000 + i, Some("ru"))).collect();
    for user in &users {
        user.send_text("/start");
        user.send_text("/help");
    }
    for user in &users {
        user.wait_button("1:l:ru", WAIT).await.unwrap();
    }
    wait_for("every update to leave the inbox", WAIT, || {
        app.store.inbox().unwrap().is_empty()
    })
    .await;
    running.shutdown().await.unwrap();
    // After a graceful stop, nothing is handed over again at the next start.
    assert!(app.store.inbox().unwrap().is_empty());
}

/// The inbox keeps an update as teloxide writes it back out; every kind the bot
/// handles must read back the same, or a crash would cost it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_update_the_bot_handles_reads_back_from_the_inbox() {
    use teloxide::types::Update;
    let fake = FakeBotApi::start().await.unwrap();
    let user = fake.user(6001, Some("kk"));
    let text = user.text_update("Ташкент 12.03.2026 <b>");
    user.open_chat();
    let user_json = serde_json::json!({"id": 6001, "is_bot": false, "first_name": "Test", "language_code": "kk"});
    let chat_json = serde_json::json!({"id": 6001, "type": "private", "first_name": "Test"});
    let bot_json = serde_json::json!({"id": 123456, "is_bot": true, "first_name": "Bot", "username": "jolserik_bot"});
    let callback = serde_json::json!({"update_id": 9, "callback_query": {
        "id": "77", "from": user_json, "chat_instance": "c1", "data": "1:l:kk",
        "message": {"message_id": 3, "date": 1795234348, "chat": chat_json, "from": bot_json,
            "text": "Тілді таңдаңыз", "reply_markup": {"inline_keyboard": [[{"text": "Қазақша", "callback_data": "1:l:kk"}]]}}}});
    let member = serde_json::json!({"update_id": 10, "my_chat_member": {
        "chat": chat_json, "from": user_json, "date": 1795234348,
        "old_chat_member": {"user": bot_json, "status": "member"},
        "new_chat_member": {"user": bot_json, "status": "kicked", "until_date": 0}}});
    let channel = serde_json::json!({"update_id": 11, "channel_post": {
        "message_id": 4, "date": 1795234348, "text": "news",
        "chat": {"id": -1001, "type": "channel", "title": "Migration news"},
        "sender_chat": {"id": -1001, "type": "channel", "title": "Migration news"}}});
    let sticker = serde_json::json!({"update_id": 12, "message": {
        "message_id": 5, "date": 1795234348, "chat": chat_json, "from": user_json,
        "sticker": {"file_id": "f", "file_unique_id": "u", "type": "regular", "width": 512,
            "height": 512, "is_animated": false, "is_video": false}}});
    for raw in [text, callback, member, channel, sticker] {
        let first: Update = serde_json::from_str(&raw.to_string()).unwrap();
        assert!(
            !matches!(first.kind, teloxide::types::UpdateKind::Error(_)),
            "the test's update does not parse: {raw}"
        );
        let stored = serde_json::to_string(&first).unwrap();
        let again: Update =
            serde_json::from_str(&stored).unwrap_or_else(|e| panic!("{e}: {stored}"));
        assert_eq!(again, first, "changed on the way through the inbox");
    }
}
