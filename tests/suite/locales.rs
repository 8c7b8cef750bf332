//! The locales are complete: all three languages have the same messages with the same
//! variables, parse cleanly, and define every message id the Rust code asks for.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use jolserik::countries::Countries;
use jolserik::domain::Lang;
use jolserik::i18n::{self, Localizer};
use jolserik::text::Msg;

#[test]
fn the_three_locales_parse_and_agree() {
    i18n::check_parity().expect("locales agree");
    let en = i18n::message_variables(Lang::En).unwrap();
    assert!(en.len() > 100, "only {} messages", en.len());
}

/// Message ids written as literals in the source (`Msg::new("…")`, and ids picked in a
/// `match` like `"btn-step-undo"`), found by scanning `src/`.
fn ids_used_in_code() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for piece in text.split("Msg::new(\"").skip(1) {
                if let Some(end) = piece.find('"') {
                    ids.insert(piece[..end].to_string());
                }
            }
        }
    }
    ids
}

#[test]
fn every_id_in_the_code_exists_in_every_language() {
    let used = ids_used_in_code();
    assert!(used.len() > 40, "scan found only {used:?}");
    for lang in Lang::ALL {
        let defined = i18n::message_variables(lang).unwrap();
        let missing: Vec<_> = used
            .iter()
            .filter(|id| !defined.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
    }
}

#[test]
fn russian_plurals_follow_the_grammar() {
    let localizer = Localizer::new(Arc::new(Countries::embedded().unwrap())).unwrap();
    let days = |n: i64, lang: Lang| localizer.render(lang, &Msg::new("days-count").int("days", n));
    assert_eq!(days(1, Lang::Ru), "1 день");
    assert_eq!(days(2, Lang::Ru), "2 дня");
    assert_eq!(days(5, Lang::Ru), "5 дней");
    assert_eq!(days(11, Lang::Ru), "11 дней");
    assert_eq!(days(21, Lang::Ru), "21 день");
    assert_eq!(days(22, Lang::Ru), "22 дня");
    assert_eq!(days(1, Lang::En), "1 day");
    assert_eq!(days(5, Lang::En), "5 days");
    assert_eq!(days(5, Lang::Kk), "5 күн");
}

#[test]
fn dates_and_countries_render_per_language() {
    let localizer = Localizer::new(Arc::new(Countries::embedded().unwrap())).unwrap();
    let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let msg = Msg::new("date").date("date", d);
    assert_eq!(localizer.render(Lang::Ru, &msg), "21 ноября 2026");
    assert_eq!(localizer.render(Lang::Kk, &msg), "2026 жылғы 21 қараша");
    assert_eq!(localizer.render(Lang::En, &msg), "21 November 2026");
    let uz = jolserik::domain::CountryCode::parse("UZ").unwrap();
    let msg = Msg::new("country").arg("country", jolserik::text::Arg::Country(uz));
    assert_eq!(localizer.render(Lang::Kk, &msg), "Өзбекстан");
    assert_eq!(localizer.render(Lang::Ru, &msg), "Узбекистан");
}

#[test]
fn a_missing_message_is_an_error_not_silence() {
    let localizer = Localizer::new(Arc::new(Countries::embedded().unwrap())).unwrap();
    let err = localizer
        .try_render(Lang::En, &Msg::new("no-such-message"), &|s| s.to_string())
        .unwrap_err();
    assert!(err.to_string().contains("no-such-message"));
    let err = localizer
        .try_render(Lang::En, &Msg::new("days-count"), &|s| s.to_string())
        .unwrap_err();
    assert!(err.to_string().contains("days-count"), "{err}");
}
