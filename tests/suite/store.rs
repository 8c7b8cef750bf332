//! Store tests against real sled directories: a record of the first schema (a committed
//! fixture) is migrated and its dialogue continues; users interleave without mixing.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use jolserik::app::{App, Data};
use jolserik::clock::Clock;
use jolserik::config::Config;
use jolserik::domain::{Lang, Purpose};
use jolserik::engine::{Action, Input, Question};
use jolserik::store::{Loaded, Store};

fn app_in(dir: &std::path::Path) -> App {
    let config = Config::from_toml_str(
        &format!(
            "[storage]\npath = {:?}\n",
            dir.join("store").display().to_string()
        ),
        Vec::<(String, String)>::new(),
    )
    .unwrap();
    let clock = Clock::manual(Utc.with_ymd_and_hms(2026, 11, 21, 5, 0, 0).unwrap());
    let data = Data::load(&config).unwrap();
    let store = Store::open(&config.storage.path).unwrap();
    App::new(config, clock, data, store)
}

#[test]
fn a_first_schema_record_is_migrated_and_the_dialogue_continues() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path());
    let fixture = include_bytes!("../fixtures/user-v1.json");
    app.store.put_raw(5, fixture).unwrap();

    let now = app.clock.now();
    let Loaded::Found(record) = app.store.load(5, now).unwrap() else {
        panic!("the v1 fixture did not load");
    };
    assert_eq!(record.conversation.lang, Lang::Kk);
    assert_eq!(record.conversation.question, Question::Purpose);
    assert_eq!(
        record
            .conversation
            .profile
            .citizenship
            .as_ref()
            .unwrap()
            .as_str(),
        "UZ"
    );

    let handled = app
        .handle(5, &Input::Button(Action::Purpose(Purpose::Study)), None)
        .unwrap();
    assert_eq!(handled.lang, Lang::Kk);
    assert_eq!(handled.replies.last().unwrap().msg.id, "q-documents");
    let export = app.store.export(5).unwrap();
    assert_eq!(export["schema"], jolserik::store::SCHEMA_VERSION);
    assert_eq!(
        export["record"]["conversation"]["profile"]["purpose"],
        "study"
    );
}

#[test]
fn an_unreadable_record_resets_the_user_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path());
    app.store.put_raw(6, br#"{"v": 1, "lang": 42}"#).unwrap();
    let handled = app
        .handle(6, &Input::from_text("hello"), Some(Lang::Ru))
        .unwrap();
    assert_eq!(handled.replies[0].msg.id, "store-reset-notice");
    assert_eq!(handled.replies[1].msg.id, "welcome");
    // The next message finds a healthy record.
    let handled = app.handle(6, &Input::from_text("/start"), None).unwrap();
    assert_eq!(handled.replies[0].msg.id, "welcome-back");
}

#[test]
fn users_interleaved_across_threads_keep_their_own_answers() {
    let dir = tempfile::tempdir().unwrap();
    let app = Arc::new(app_in(dir.path()));
    let threads: Vec<_> = (0..8u64)
        .map(|user| {
            let app = app.clone();
            std::thread::spawn(move || {
                let country = ["UZ", "TJ", "KG", "RU"][usize::try_from(user % 4).unwrap()];
                for input in [
                    Input::Command(jolserik::engine::Command::Start),
                    Input::Button(Action::Lang(Lang::En)),
                    Input::from_text(country),
                    Input::from_text(&format!("{}.11.2026", 10 + user)),
                ] {
                    app.handle(user, &input, None).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    for user in 0..8u64 {
        let export = app.store.export(user).unwrap();
        let profile = &export["record"]["conversation"]["profile"];
        assert_eq!(profile["entry"], format!("2026-11-{}", 10 + user));
        let country = ["UZ", "TJ", "KG", "RU"][usize::try_from(user % 4).unwrap()];
        assert_eq!(profile["citizenship"], country);
    }
    assert_eq!(app.store.user_count(), 8);
}

#[test]
fn bad_input_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path());
    app.handle(1, &Input::Command(jolserik::engine::Command::Start), None)
        .unwrap();
    let before = app.store.export(1).unwrap();
    app.handle(1, &Input::from_text("gibberish"), None).unwrap();
    app.handle(1, &Input::Unsupported, None).unwrap();
    assert_eq!(app.store.export(1).unwrap(), before);
}
