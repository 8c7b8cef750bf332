//! The locales are complete: all six languages have the same messages with the same
//! variables, parse cleanly, define every message id the Rust code asks for (written
//! as a literal or built at run time from the code's own tables), and render every
//! message without an error.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use jolserik::countries::Countries;
use jolserik::domain::Lang;
use jolserik::i18n::{self, Localizer};
use jolserik::text::Msg;

#[test]
fn the_locales_parse_and_agree() {
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

// ---- every language, every message, every id the code builds at run time ----------

use chrono::{NaiveDate, TimeZone};
use jolserik::domain::{CountryCode, DocKind, Employer, PriorDays, Profile, Purpose};
use jolserik::rules::catalogue::{Catalogue, KNOWN_DOCUMENTS, KNOWN_GROUPS, KNOWN_HOLIDAYS};
use jolserik::rules::plan::{DeadlineKind, STEP_IDS};
use jolserik::text::Arg;

// The engine's name functions are private to it; these build the same ids from the same
// enums (`engine::questions` tests that the two agree).
fn lang_name(l: Lang) -> Msg {
    Msg::new(format!("lang-{}", l.code()))
}

fn held_name(k: DocKind) -> Msg {
    Msg::new(format!("held-{}", k.code().replace('_', "-")))
}

fn held_name_in_text(k: DocKind) -> Msg {
    Msg::new(format!("held-{}-in-text", k.code().replace('_', "-")))
}

fn purpose_name(p: Purpose) -> Msg {
    Msg::new(format!("purpose-{}", p.code()))
}

fn localizer() -> Localizer {
    Localizer::new(Arc::new(Countries::embedded().unwrap())).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Renders a message in every language and fails on any rendering error, on a date the
/// `DATE` function could not write, and on a message that came out as its own id.
fn renders_everywhere(localizer: &Localizer, msg: &Msg) {
    for lang in Lang::ALL {
        let text = localizer
            .try_render(lang, msg, &|s| s.to_string())
            .unwrap_or_else(|e| panic!("{lang} {}: {e}", msg.id));
        assert!(!text.contains("DATE()"), "{lang} {}: {text}", msg.id);
        assert!(text.trim() != msg.id, "{lang}: {} shows its id", msg.id);
    }
}

/// A sample value for a variable, by its name: dates for the date variables, a country
/// for `$country`, tenge for costs, and a number for everything else (text variables
/// take any value; numbers also exercise the plural selectors).
fn sample(name: &str, n: i64) -> Arg {
    match name {
        "date" | "tomorrow" | "when" | "from" | "to" => Arg::Date(day(2026, 11, 30)),
        "country" => Arg::Country(CountryCode::parse("UZ").unwrap()),
        "cost" | "amount" => Arg::Kzt(17_300),
        _ => Arg::Int(n),
    }
}

#[test]
fn the_six_locales_parse_agree_and_call_date_rightly() {
    i18n::check_parity().expect("locales agree");
    for lang in Lang::ALL {
        let problems = i18n::check_functions(lang).unwrap();
        assert!(problems.is_empty(), "{lang}: {problems:?}");
        // The same messages; terms (`-name`) are each language's own and may differ.
        let messages = |lang| {
            i18n::message_variables(lang)
                .unwrap()
                .into_keys()
                .filter(|id| !id.starts_with('-'))
                .count()
        };
        assert_eq!(messages(lang), messages(Lang::En), "{lang}");
    }
}

#[test]
fn every_message_renders_in_every_language_with_sample_arguments() {
    let localizer = localizer();
    let en = i18n::message_variables(Lang::En).unwrap();
    let mut rendered = 0;
    for (id, vars) in en.iter().filter(|(id, _)| !id.starts_with('-')) {
        // 0, 1, 2, 5, 21 and 22 reach every plural category of the six languages.
        for n in [0, 1, 2, 5, 21, 22] {
            let mut msg = Msg::new(id.clone());
            for var in vars {
                let name: &'static str = Box::leak(var.clone().into_boxed_str());
                msg = msg.arg(name, sample(name, n));
            }
            renders_everywhere(&localizer, &msg);
            rendered += 1;
        }
    }
    assert!(rendered > 600, "only {rendered}");
}

#[test]
fn the_language_names_are_the_same_in_every_locale() {
    let localizer = localizer();
    let names: Vec<String> = Lang::ALL
        .iter()
        .map(|l| localizer.render(Lang::En, &lang_name(*l)))
        .collect();
    assert_eq!(
        names,
        [
            "Русский",
            "Қазақша",
            "English",
            "Oʻzbekcha",
            "Тоҷикӣ",
            "Кыргызча"
        ]
    );
    for lang in Lang::ALL {
        for (l, name) in Lang::ALL.iter().zip(&names) {
            let msg = lang_name(*l);
            assert_eq!(&localizer.render(lang, &msg), name, "{lang}");
        }
    }
}

/// The ids the code builds from its own tables, rendered through the code's own
/// functions, in every language.
#[test]
fn every_id_built_at_run_time_renders_in_every_language() {
    let localizer = localizer();
    let countries = Countries::embedded().unwrap();
    let catalogue = Catalogue::embedded(&|c| countries.contains(c)).unwrap();

    // The catalogue report: rule titles, parameters, documents, groups, holidays, MCI.
    for msg in jolserik::rules::view::catalogue_report(&catalogue) {
        renders_everywhere(&localizer, &msg);
    }
    // The tables behind the other built ids.
    for kind in DeadlineKind::ALL {
        renders_everywhere(&localizer, &jolserik::rules::view::deadline_name(kind));
    }
    for step in STEP_IDS {
        renders_everywhere(&localizer, &jolserik::rules::view::step_title(step));
        renders_everywhere(
            &localizer,
            &Msg::new(format!("step-{}-how", step.replace('_', "-"))),
        );
    }
    renders_everywhere(
        &localizer,
        &jolserik::rules::view::step_title("no_such_step"),
    );
    for doc in KNOWN_DOCUMENTS {
        let id = format!("doc-{}", doc.replace('_', "-"));
        assert!(
            i18n::message_variables(Lang::En).unwrap().contains_key(&id),
            "{id}"
        );
    }
    for group in KNOWN_GROUPS {
        renders_everywhere(
            &localizer,
            &Msg::new(format!("rule-group-{}", group.replace('_', "-"))),
        );
    }
    for holiday in KNOWN_HOLIDAYS {
        renders_everywhere(
            &localizer,
            &Msg::new(format!("rule-holiday-{}", holiday.replace('_', "-"))),
        );
    }
    for kind in DocKind::ALL {
        renders_everywhere(&localizer, &held_name(kind));
        renders_everywhere(&localizer, &held_name_in_text(kind));
    }
    for purpose in Purpose::ALL {
        renders_everywhere(&localizer, &purpose_name(purpose));
    }

    // Plans for many situations: every note, step and deadline they reach, with the
    // arguments the code gives them.
    let today = day(2026, 11, 21);
    let citizenships: Vec<Option<CountryCode>> = [
        "UZ", "TJ", "KG", "RU", "AZ", "CN", "TR", "IN", "TM", "US", "KZ", "AF",
    ]
    .iter()
    .map(|c| CountryCode::parse(c))
    .chain([None])
    .collect();
    let entries = [
        None,
        Some(day(2026, 11, 1)),
        Some(day(2026, 6, 1)),
        Some(day(2025, 1, 10)),
    ];
    let priors = [
        None,
        Some(PriorDays::None),
        Some(PriorDays::Known(80)),
        Some(PriorDays::Unknown),
    ];
    let doc_sets: [&[(DocKind, Option<NaiveDate>)]; 5] = [
        &[],
        &[(DocKind::Trp, Some(day(2027, 3, 1)))],
        &[
            (DocKind::LabourPermit, Some(day(2026, 12, 31))),
            (DocKind::Iin, None),
        ],
        &[(DocKind::Visa, Some(day(2026, 10, 1)))],
        &[
            (DocKind::WorkPermit, Some(day(2027, 1, 31))),
            (DocKind::Trp, None),
        ],
    ];
    let mut seen = std::collections::HashSet::new();
    for citizenship in &citizenships {
        for entry in entries {
            for prior in priors {
                for purpose in Purpose::ALL.map(Some).into_iter().chain([None]) {
                    let employers: Vec<Option<Employer>> = if purpose == Some(Purpose::Work) {
                        Employer::ALL.map(Some).to_vec()
                    } else {
                        vec![None]
                    };
                    for employer in employers {
                        for docs in doc_sets {
                            let mut profile = Profile {
                                citizenship: citizenship.clone(),
                                entry,
                                prior_days: prior,
                                purpose,
                                employer,
                                documents: Some(docs.iter().map(|(k, _)| *k).collect()),
                                ..Profile::default()
                            };
                            for (kind, end) in docs.iter() {
                                if let Some(end) = end {
                                    profile.document_ends.insert(*kind, *end);
                                }
                            }
                            let plan = jolserik::rules::assess(&catalogue, &profile, today);
                            // Many situations give the same plan; render each plan once.
                            if !seen.insert(serde_json::to_string(&plan).unwrap()) {
                                continue;
                            }
                            for msg in jolserik::rules::view::plan_messages(&plan, &catalogue) {
                                renders_everywhere(&localizer, &msg);
                            }
                        }
                    }
                }
            }
        }
    }
    let plans = seen.len();
    assert!(plans > 300, "only {plans} plans");

    // Reminders: every deadline kind, each step or none, before, on and after the day.
    let due = chrono::Utc.with_ymd_and_hms(2026, 11, 20, 4, 0, 0).unwrap();
    for kind in DeadlineKind::ALL {
        for step in STEP_IDS.iter().map(|s| Some(s.to_string())).chain([None]) {
            let reminder = jolserik::reminders::plan::Reminder {
                user: 1,
                due,
                kind,
                date: day(2026, 11, 30),
                rule: "R7".into(),
                offset: 3,
                step: step.clone(),
                link: step.as_ref().map(|_| "https://egov.kz".to_string()),
            };
            for today in [
                day(2026, 11, 20),
                day(2026, 11, 30),
                day(2026, 12, 1),
                day(2026, 12, 5),
            ] {
                let reply = jolserik::reminders::view::reminder_reply(&reminder, today);
                renders_everywhere(&localizer, &reply.msg);
                for button in reply.buttons.iter().flatten() {
                    renders_everywhere(&localizer, &button.label);
                }
            }
            let key = reminder.key();
            let texts = jolserik::reminders::view::event_texts(key, "R7", step.as_deref(), None);
            let _ = texts;
        }
    }
    let list = jolserik::reminders::view::list_reply(&[], chrono_tz::Asia::Almaty);
    renders_everywhere(&localizer, &list.msg);
}

#[test]
fn date_errors_give_todays_examples() {
    let localizer = localizer();
    let today = day(2031, 3, 9);
    use jolserik::dates::DateError;
    for err in [
        DateError::Unrecognized,
        DateError::Impossible {
            day: 31,
            month: 2,
            year: Some(2031),
        },
        DateError::Future,
        DateError::TooOld,
        DateError::TooFarAhead,
        DateError::YearMissing,
    ] {
        let msg = err.message(today);
        renders_everywhere(&localizer, &msg);
        let text = localizer.render(Lang::En, &msg);
        assert!(
            text.contains("09.03.2031") || text.contains("09.03.2032"),
            "{text}"
        );
        assert!(!text.contains("2026"), "{text}");
    }
    let text = localizer.render(Lang::Ru, &DateError::Unrecognized.message(today));
    assert!(text.contains("9 марта 2031"), "{text}");
}

#[test]
fn kazakh_dates_take_the_case_the_sentence_needs() {
    let localizer = localizer();
    let d = day(2026, 11, 30);
    let held = held_name(DocKind::Visa);
    let until = Msg::new("summary-document-until")
        .msg("document", held.clone())
        .date("date", d);
    assert_eq!(
        localizer.render(Lang::Kk, &until),
        "• Виза, 2026 жылғы 30 қарашаға дейін жарамды"
    );
    let expired = Msg::new("summary-document-expired")
        .msg("document", held)
        .date("date", d);
    assert_eq!(
        localizer.render(Lang::Kk, &expired),
        "• Виза, мерзімі 2026 жылғы 30 қарашада аяқталған"
    );
    // Russian: the document is named, so its gender cannot go wrong.
    let ru = localizer.render(Lang::Ru, &expired);
    assert_eq!(ru, "• Виза: срок действия истёк 30 ноября 2026");
    // Plain `{ $date }` stays the nominative.
    assert_eq!(
        localizer.render(Lang::Kk, &Msg::new("date").date("date", d)),
        "2026 жылғы 30 қараша"
    );
}

#[test]
fn russian_reminder_counts_read_right_for_21() {
    let localizer = localizer();
    let header =
        |n: i64| localizer.render(Lang::Ru, &Msg::new("reminders-list-header").int("count", n));
    assert_eq!(header(1), "Ваше ближайшее напоминание:");
    assert_eq!(header(21), "Ближайшие напоминания (21):");
    assert_eq!(header(3), "Ближайшие напоминания (3):");
}

#[test]
fn english_names_documents_in_lower_case_mid_sentence() {
    let localizer = localizer();
    let msg = Msg::new("q-document-end")
        .msg("document", held_name_in_text(DocKind::Trp))
        .verbatim("example", "21.11.2026");
    let text = localizer.render(Lang::En, &msg);
    assert!(
        text.contains("your temporary residence permit valid"),
        "{text}"
    );
}

#[test]
fn deadline_names_are_names_not_prepositions() {
    let localizer = localizer();
    for kind in DeadlineKind::ALL {
        for lang in [Lang::En, Lang::Ru, Lang::Kk] {
            let text = localizer.render(lang, &jolserik::rules::view::deadline_name(kind));
            let last = text.split_whitespace().last().unwrap_or("");
            assert!(
                !["by", "until", "до", "дейін"].contains(&last),
                "{lang}: {text}"
            );
        }
    }
}

#[test]
fn numbers_in_rule_texts_come_from_the_rule_parameters() {
    let localizer = localizer();
    let countries = Countries::embedded().unwrap();
    let known = |c: &str| countries.contains(c);
    let render_all = |catalogue: &Catalogue, lang: Lang| -> String {
        jolserik::rules::view::catalogue_report(catalogue)
            .iter()
            .map(|m| localizer.render(lang, m))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let shipped = Catalogue::embedded(&known).unwrap();
    let text = render_all(&shipped, Lang::En);
    assert!(
        text.contains("Visa-free stay: 30 days per entry, 90 in 180"),
        "{text}"
    );
    assert!(
        text.contains("Proof of income over USD 3,000 a month for 6 months"),
        "{text}"
    );
    assert!(text.contains("Self-registration within 30 days"), "{text}");
    let ru = render_all(&shipped, Lang::Ru);
    assert!(ru.contains("30 дней за въезд, 90 из 180"), "{ru}");

    // Change the parameters, and the texts follow.
    let toml = jolserik::rules::catalogue::EMBEDDED_TOML
        .replacen("per_entry_days = 30", "per_entry_days = 45", 1)
        .replacen(
            "income_usd_per_month = 3000",
            "income_usd_per_month = 4500",
            1,
        );
    let changed = Catalogue::from_toml_str(&toml, &known).unwrap();
    let text = render_all(&changed, Lang::En);
    assert!(text.contains("Visa-free stay: 45 days per entry"), "{text}");
    assert!(text.contains("USD 4,500 a month"), "{text}");
    let kk = render_all(&changed, Lang::Kk);
    assert!(kk.contains("бір кіруге 45 күн"), "{kk}");
}

/// The trips' buttons fit a phone's keyboard: at most 30 characters in every language,
/// the change and remove buttons with their short dates (day.month) in.
#[test]
fn the_trip_buttons_are_short_in_every_language() {
    let localizer = localizer();
    let dated = |id: &'static str| {
        Msg::new(id)
            .arg("from", Arg::Verbatim("01.06".into()))
            .arg("to", Arg::Verbatim("20.06".into()))
    };
    let buttons = [
        Msg::new("btn-trips-no"),
        Msg::new("btn-trips-add"),
        Msg::new("btn-trips-about"),
        Msg::new("btn-trips-unknown"),
        Msg::new("btn-trip-another"),
        Msg::new("btn-trips-done"),
        Msg::new("btn-trip-add"),
        dated("btn-trip-change"),
        dated("btn-trip-remove"),
    ];
    for lang in Lang::ALL {
        for msg in &buttons {
            let label = localizer.render(lang, msg);
            let visible: String = label
                .chars()
                .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
                .collect();
            assert!(visible.chars().count() <= 30, "{lang} {}: {label}", msg.id);
        }
    }
}
