//! The three languages of the migrants themselves (Uzbek, Tajik, Kyrgyz), black-box:
//! `jolserik chat --lang uz|tg|ky` runs the whole dialogue to the plan, writes dates the
//! way each language writes them, and speaks the language in its own script.

use crate::chat::{stdout, Sandbox};

/// A household worker's answers; `language` is the language button (its label or number) and
/// `country` the citizenship typed in the language itself.
fn answers<'a>(language: &'a str, country: &'a str) -> Vec<&'a str> {
    vec![
        language,
        country,
        "01.11.2026", // entry
        "1",          // days before: no
        "1",          // purpose: work
        "1",          // employer: household
        "2",          // tick the labour-immigrant permit
        "7",          // done
        "31.12.2026", // its end date
        "1",          // correct
    ]
}

/// The language names, which every locale shows in their own script; they must not
/// count as the locale's own text.
const LANGUAGE_NAMES: [&str; 6] = [
    "Oʻzbekcha",
    "Тоҷикӣ",
    "Кыргызча",
    "Қазақша",
    "Русский",
    "English",
];

/// The text the locale wrote itself: without the language names, and without text
/// that is not letters of the language (commands, codes).
fn own_text(out: &str) -> String {
    let mut text = out.to_string();
    for name in LANGUAGE_NAMES {
        text = text.replace(name, "");
    }
    text
}

fn letters(text: &str, pred: impl Fn(char) -> bool) -> usize {
    text.chars()
        .filter(|c| c.is_alphabetic() && pred(*c))
        .count()
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// Mostly the given script, with at least one of the letters only that language has.
fn assert_script(lang: &str, out: &str, cyrillic: bool, own_letters: &[&str]) {
    let text = own_text(out);
    let cyr = letters(&text, is_cyrillic);
    let latin = letters(&text, |c| c.is_ascii_alphabetic());
    if cyrillic {
        assert!(
            cyr > 4 * latin,
            "{lang}: {cyr} Cyrillic, {latin} Latin letters"
        );
    } else {
        assert!(
            latin > 4 * cyr,
            "{lang}: {latin} Latin, {cyr} Cyrillic letters"
        );
    }
    let lower = text.to_lowercase();
    assert!(
        own_letters.iter().any(|l| lower.contains(l)),
        "{lang}: none of {own_letters:?} in the text"
    );
}

/// One language's run: code, language button, the country as its speakers write it, the
/// entry date in the language's own form, whether the script is Cyrillic, and the
/// letters only that language has.
#[derive(Clone, Copy)]
struct Case {
    lang: &'static str,
    button: &'static str,
    country: &'static str,
    entry: &'static str,
    cyrillic: bool,
    own: &'static [&'static str],
}

#[test]
fn dialogue_in_new_languages_ends_in_the_plan() {
    let sandbox = Sandbox::new();
    let cases = [
        Case {
            lang: "uz",
            button: "Oʻzbekcha",
            country: "Oʻzbekiston",
            entry: "2026-yil 1-noyabr",
            cyrillic: false,
            own: &["o\u{2bb}", "g\u{2bb}"],
        },
        Case {
            lang: "tg",
            button: "Тоҷикӣ",
            country: "Тоҷикистон",
            entry: "1 ноябри соли 2026",
            cyrillic: true,
            own: &["ғ", "ӣ", "қ", "ӯ", "ҳ", "ҷ"],
        },
        Case {
            lang: "ky",
            button: "Кыргызча",
            country: "Кыргызстан",
            entry: "2026-жылдын 1-ноябры",
            cyrillic: true,
            own: &["ң", "ө", "ү"],
        },
    ];
    let mut outputs = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let Case {
            lang,
            button,
            country,
            entry,
            cyrillic,
            own,
        } = *case;
        let user = (100 + i).to_string();
        let out = stdout(&sandbox.chat(&user, lang, &answers(button, country)));
        // The language question offers every language in its own name.
        for name in LANGUAGE_NAMES {
            assert!(out.contains(name), "{lang}: no {name} in {out}");
        }
        // The summary writes the entry date the language's way.
        assert!(out.contains(entry), "{lang}: no {entry:?} in {out}");
        // The plan came: its step buttons are there, and nothing fell back to an id.
        assert!(out.contains("] 📋 "), "{lang}: no plan in {out}");
        assert!(!out.contains("plan-"), "{lang}: a raw id in {out}");

        let export = sandbox
            .jolserik(&["export", "--user", &user])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
        assert_eq!(json["record"]["conversation"]["lang"], lang, "{json}");
        let citizenship = &json["record"]["conversation"]["profile"]["citizenship"];
        let expected = match lang {
            "uz" => "UZ",
            "tg" => "TJ",
            _ => "KG",
        };
        assert_eq!(citizenship, expected, "{lang}");

        outputs.push((lang, out, cyrillic, own));
    }
    // Last, so that the checks above run for all three first: the language in its own
    // script (a locale file left in English would fail here).
    for (lang, out, cyrillic, own) in outputs {
        assert_script(lang, &out, cyrillic, own);
    }
}

#[test]
fn the_command_line_takes_the_new_codes() {
    let sandbox = Sandbox::new();
    for lang in ["uz", "tg", "ky", "UZ"] {
        let out = sandbox
            .jolserik(&["rules", "--lang", lang])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{lang}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty());
    }
    let bad = sandbox
        .jolserik(&["rules", "--lang", "uzb"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("uz, tg, ky"), "{err}");
}

/// In every language, a user adds two trips, then under `/trips` changes one and removes
/// the other; every text renders (no raw id shows) and the record keeps the one left.
#[test]
fn trips_are_added_changed_and_removed_in_every_language() {
    let sandbox = Sandbox::new();
    // The language buttons in their order: uz tg ky kk ru en.
    for (i, lang) in ["uz", "tg", "ky", "kk", "ru", "en"].iter().enumerate() {
        let user = (200 + i).to_string();
        let button = (i + 1).to_string();
        let out = stdout(&sandbox.chat(
            &user,
            lang,
            &[
                &button,
                "UZ",
                "01.11.2026",
                "2", // yes, I will add my trips
                "01.06.2026",
                "20.06.2026",
                "1", // add another
                "10.09.2026",
                "15.09.2026",
                "2", // that's all
                "/trips",
                "1", // change the June trip
                "01.07.2026",
                "05.07.2026",
                "4", // remove the September trip
                "4", // done
            ],
        ));
        for raw in ["q-trip", "btn-trip", "trip-", "trips-"] {
            assert!(!out.contains(raw), "{lang}: a raw id {raw} in {out}");
        }
        let export = sandbox
            .jolserik(&["export", "--user", &user])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
        assert_eq!(
            json["record"]["conversation"]["profile"]["trips"],
            serde_json::json!([{"entry": "2026-07-01", "exit": "2026-07-05"}]),
            "{lang}: {out}"
        );
    }
}
