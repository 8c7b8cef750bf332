//! Cases in the store: opening with the record and the relay in one transaction,
//! numbers that are never reused, the outbox surviving a reopen until marked done, the
//! caseworkers' replies finding their case, and erasure leaving no trace of the user.

use super::*;
use crate::domain::Lang;
use crate::engine::{Conversation, Handover};
use crate::store::fixtures::now;

fn record(handover: Option<Handover>) -> UserRecord {
    let mut conv = Conversation::new(Lang::Uz);
    conv.started = true;
    conv.handover = handover;
    UserRecord::new(conv, now())
}

fn open() -> Option<Handover> {
    Some(Handover::Open { told: false })
}

#[test]
fn a_case_opens_with_its_record_and_relay_and_survives_a_reopen_until_sent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    {
        let store = Store::open(&path).unwrap();
        let id = store
            .open_case(41, &record(open()), now(), "summary", "my passport")
            .unwrap();
        assert_eq!(id, 1);
        assert_eq!(
            store
                .open_case(42, &record(open()), now(), "s", "q")
                .unwrap(),
            2
        );
    }
    let store = Store::open(&path).unwrap();
    let crate::store::Loaded::Found(saved) = store.load(41, now()).unwrap() else {
        panic!("the record was saved with the case");
    };
    assert_eq!(saved.conversation.handover, open());
    let relays = store.relays().unwrap();
    assert_eq!(relays.len(), 2);
    assert_eq!(relays[0].body, RelayBody::CaseOpened);
    assert_eq!(relays[0].case, 1);
    let posted = Posted {
        chat: -100,
        message: Some(7),
        thread: None,
    };
    // A long case message was split: parts 5 and 6 came before 7, and a caseworker may
    // reply to any of them.
    store.relay_done(&relays[0], Some(posted), &[5, 6]).unwrap();
    assert_eq!(store.relays().unwrap().len(), 1);
    assert_eq!(store.case_at(-100, Some(5), None).unwrap(), CaseAt::Case(1));
    assert_eq!(store.case_at(-100, Some(6), None).unwrap(), CaseAt::Case(1));
    assert_eq!(store.case(1).unwrap().unwrap().posted, Some(posted));
    assert_eq!(store.case_at(-100, Some(7), None).unwrap(), CaseAt::Case(1));
    assert_eq!(store.case_at(-100, Some(8), None).unwrap(), CaseAt::Nothing);
    assert_eq!(store.case_at(-200, Some(7), None).unwrap(), CaseAt::Nothing);
}

#[test]
fn closing_and_answering_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    let id = store
        .open_case(41, &record(open()), now(), "s", "q")
        .unwrap();
    assert_eq!(
        store.relay_to_case(41, &record(open()), "more").unwrap(),
        Some(id)
    );
    assert_eq!(
        store.close_case_by_user(41, &record(None), now()).unwrap(),
        Some(id)
    );
    assert_eq!(store.open_case_of(41).unwrap(), None);
    // Nothing open: a text is not queued.
    assert_eq!(
        store.relay_to_case(41, &record(None), "late").unwrap(),
        None
    );
    let kinds: Vec<&str> = store
        .relays()
        .unwrap()
        .iter()
        .map(|r| r.body.kind())
        .collect();
    assert_eq!(kinds, ["case_opened", "user_wrote", "user_closed"]);
    // A caseworker's answer to the closed case opens it again, with the record.
    let reopen = |r: &mut UserRecord| r.conversation.handover = open();
    let outcome = store
        .caseworker_answer(
            id,
            RelayBody::Answer {
                text: "Come on Monday".into(),
                chat: -100,
                message: 9,
            },
            Some(&reopen),
            false,
            now(),
        )
        .unwrap();
    assert_eq!(
        outcome,
        CaseworkerOutcome::Queued {
            user: 41,
            reopened: true
        }
    );
    assert_eq!(store.open_case_of(41).unwrap(), Some(id));
    let crate::store::Loaded::Found(saved) = store.load(41, now()).unwrap() else {
        panic!()
    };
    assert_eq!(saved.conversation.handover, open());
    let close = |r: &mut UserRecord| r.conversation.handover = None;
    let closed = store
        .caseworker_answer(
            id,
            RelayBody::ClosedByCaseworker {
                chat: -100,
                message: 10,
            },
            Some(&close),
            true,
            now(),
        )
        .unwrap();
    assert_eq!(
        closed,
        CaseworkerOutcome::Queued {
            user: 41,
            reopened: false
        }
    );
    assert!(!store.case(id).unwrap().unwrap().open);
}

#[test]
fn erasing_the_user_erases_their_cases_and_leaves_a_notice_without_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    let id = store
        .open_case(
            987_654_321,
            &record(open()),
            now(),
            "Name: Aziz",
            "secret question",
        )
        .unwrap();
    let relays = store.relays().unwrap();
    let posted = Posted {
        chat: -5,
        message: Some(3),
        thread: Some(2),
    };
    store.relay_done(&relays[0], Some(posted), &[]).unwrap();
    store
        .relay_to_case(987_654_321, &record(open()), "unsent text")
        .unwrap();
    let other = store
        .open_case(55, &record(open()), now(), "s", "q")
        .unwrap();
    let export = store.export(987_654_321).unwrap();
    assert_eq!(export["cases"].as_array().unwrap().len(), 1);
    assert_eq!(export["outbox"].as_array().unwrap().len(), 1);
    assert!(store.known_users().unwrap().contains(&987_654_321));

    assert!(store.delete(987_654_321).unwrap());
    assert!(store.case(id).unwrap().is_none());
    assert_eq!(store.case_at(-5, Some(3), None).unwrap(), CaseAt::Erased);
    assert_eq!(store.case_at(-5, None, Some(2)).unwrap(), CaseAt::Erased);
    let left = store.relays().unwrap();
    let notices: Vec<&Relay> = left
        .iter()
        .filter(|r| matches!(r.body, RelayBody::UserDeleted { .. }))
        .collect();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].user, None);
    assert!(left.iter().all(|r| r.user != Some(987_654_321)));
    for (tree, key, value) in store.all_entries().unwrap() {
        let text = String::from_utf8_lossy(&value);
        assert!(!text.contains("987654321"), "{tree}: {text}");
        assert!(
            !text.contains("secret question") && !text.contains("Aziz"),
            "{tree}"
        );
        assert!(
            !key.windows(8).any(|w| w == 987_654_321u64.to_be_bytes()),
            "{tree}"
        );
    }
    // The other user's case is untouched; numbers are not reused.
    assert!(store.case(other).unwrap().is_some());
    assert_eq!(
        store
            .open_case(77, &record(open()), now(), "s", "q")
            .unwrap(),
        other + 1
    );
    // An answer to the erased case finds it gone.
    assert_eq!(
        store
            .caseworker_answer(id, RelayBody::UserClosed, None, false, now())
            .unwrap(),
        CaseworkerOutcome::Erased
    );
}

#[test]
fn waiting_relays_keep_their_place_across_a_compaction() {
    // A compaction copies the trees into a fresh database, whose own id counter starts
    // again: relays numbered by it would take the keys of the ones still waiting.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    // A store that has been restarted a few times: sled moves its id counter on at each
    // start, so ids taken now are far from where a fresh database starts.
    for _ in 0..3 {
        drop(Store::open(&path).unwrap());
    }
    let store = Store::open(&path).unwrap();
    store
        .open_case(41, &record(open()), now(), "s", "first question")
        .unwrap();
    store.relay_to_case(41, &record(open()), "second").unwrap();
    store.compact().unwrap();
    store
        .open_case(42, &record(open()), now(), "s", "after the compaction")
        .unwrap();
    store.relay_to_case(42, &record(open()), "last").unwrap();
    let relays = store.relays().unwrap();
    let order: Vec<(u64, &RelayBody)> = relays.iter().map(|r| (r.case, &r.body)).collect();
    assert_eq!(relays.len(), 4, "{order:?}");
    assert_eq!(
        relays.iter().map(|r| r.case).collect::<Vec<_>>(),
        [1, 1, 2, 2],
        "oldest first: {order:?}"
    );
    let ids: Vec<u64> = relays.iter().map(|r| r.id).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
}
