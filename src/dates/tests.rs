//! The tests of `dates`, in a file of their own so the module stays one a person can
//! hold.

use super::*;
use crate::text::Arg;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn impossible(day: u32, month: u32, year: Option<i32>) -> DateError {
    DateError::Impossible { day, month, year }
}

/// Late in November 2026, so a yearless `30.11` falls in 2025.
fn today() -> NaiveDate {
    d(2026, 11, 25)
}

#[test]
fn accepted_forms() {
    let nov21 = d(2026, 11, 21);
    let cases: &[(&str, NaiveDate)] = &[
        // Numeric, day first.
        ("21.11.2026", nov21),
        ("21.11.26", nov21),
        ("21/11/2026", nov21),
        ("21-11-2026", nov21),
        ("21,11,2026", nov21),
        ("21 11 2026", nov21),
        ("21. 11. 2026", nov21),
        ("21\u{2013}11\u{2013}2026", nov21),
        ("1.2.2026", d(2026, 2, 1)),
        ("01.02.2026", d(2026, 2, 1)),
        ("29.02.2024", d(2024, 2, 29)),
        ("21.11.0026", d(26, 11, 21)),
        // Year first only when the first number has four digits.
        ("2026-11-21", nov21),
        ("2026.11.21", nov21),
        ("2026/11/21", nov21),
        ("2026-1-5", d(2026, 1, 5)),
        // Russian month words.
        ("21 ноября 2026", nov21),
        ("21 ноябрь 2026", nov21),
        ("21 нояб 2026", nov21),
        ("21 нояб. 2026", nov21),
        ("21 ноя 2026", nov21),
        ("21 ноября 2026 года", nov21),
        ("21 ноября 2026 г.", nov21),
        ("21 ноября 2026г.", nov21),
        ("21 НОЯБРЯ 2026", nov21),
        ("1 мая 2026", d(2026, 5, 1)),
        ("3 сент. 2026", d(2026, 9, 3)),
        // Kazakh.
        ("21 қараша 2026", nov21),
        ("2026 жылғы 21 қараша", nov21),
        ("2026 ж. 21 қараша", nov21),
        ("2026 ж 21 қараша", nov21),
        ("2026 жылы 21 қараша", nov21),
        ("21 қараша 2026 ж.", nov21),
        ("21 қараша 2026 жыл", nov21),
        ("2026 ЖЫЛҒЫ 21 ҚАРАША", nov21),
        ("5 сәуір 2026", d(2026, 4, 5)),
        ("1 қаңтар 2027", d(2027, 1, 1)),
        // English.
        ("21 November 2026", nov21),
        ("Nov 21 2026", nov21),
        ("November 21, 2026", nov21),
        ("21 nov 2026", nov21),
        ("21 Nov. 2026", nov21),
        ("21-Nov-2026", nov21),
        ("21st November 2026", nov21),
        ("November 21st, 2026", nov21),
        ("21 NoVeMbEr 2026", nov21),
        ("Sept 3 2026", d(2026, 9, 3)),
        ("21 nov 26", nov21),
        // Tolerance.
        ("  21.11.2026  ", nov21),
        ("\t21.11.2026\n", nov21),
        ("21.11.2026.", nov21),
        ("21.11.2026 г.", nov21),
        ("21.11.2026г", nov21),
        ("21.11.2026 года", nov21),
        ("\u{200F}21.11.2026\u{200E}", nov21),
        ("\u{FEFF}21 ноя\u{200B}бря 2026", nov21),
        ("21\u{00A0}ноября\u{00A0}2026", nov21),
        // Relative words.
        ("today", today()),
        ("Today", today()),
        ("TODAY", today()),
        ("сегодня", today()),
        ("Сегодня.", today()),
        ("бүгін", today()),
        ("Бүгін", today()),
        ("yesterday", d(2026, 11, 24)),
        ("вчера", d(2026, 11, 24)),
        ("Кеше", d(2026, 11, 24)),
        ("tomorrow", d(2026, 11, 26)),
        ("завтра", d(2026, 11, 26)),
        ("ертең", d(2026, 11, 26)),
        // No year: the most recent such day not after today.
        ("21.11", nov21),
        ("21.11.", nov21),
        ("21/11", nov21),
        ("21 ноября", nov21),
        ("21 қараша", nov21),
        ("Nov 21", nov21),
        ("21 nov", nov21),
        ("25.11", today()),
        ("26.11", d(2025, 11, 26)),
        ("30.11", d(2025, 11, 30)),
        ("29.02", d(2024, 2, 29)),
    ];
    for (input, expected) in cases {
        assert_eq!(parse_date(input, today()), Ok(*expected), "{input:?}");
    }
}

#[test]
fn rejected_forms() {
    let long_digits = "1".repeat(10_000);
    let long_spaces = format!("{}21.11.2026", " ".repeat(10_000));
    let long_text = "21.11.2026 ".repeat(1_000);
    let unrecognized: &[&str] = &[
        "",
        "   ",
        ".",
        "abc",
        "21",
        "2026",
        "21.11.2026.2026",
        "99999999999.1.1",
        "1.1.99999999999",
        "021.11.2026",
        "21.011.2026",
        "21.11.202",
        "21.11.2",
        "21.11.20266",
        "2026-11",
        "26-11-21-",
        "-21.11.2026",
        "21..11.2026",
        "21.11/2026",
        "21.11 2026",
        "21 нoября 2026",        // Latin "o": look-alikes are not guessed
        "21 ноября ноября 2026", // two months
        "21 ноября 2026 2027",
        "2026 ноября 21",
        "26 жылғы 21 қараша", // year first needs four digits
        "21 ноября 2026 жылғы года",
        "21 ноября г.", // a year word without a year
        "21.11 г.",
        "г.",
        "21-го ноября 2026",
        "21 foo 2026",
        "st November 2026",
        "🙂",
        "21.11.2026 🙂",
        "21.11.2026!",
        "٢١.١١.٢٠٢٦", // Arabic-Indic digits
        "２１.１１.２０２６",
        "сегодня вчера",
        "сегодня г.",
        "0x15.11.2026",
        "+21.11.2026",
        &long_digits,
        &long_text,
    ];
    // Surrounding whitespace is trimmed before the length cap applies.
    assert_eq!(parse_date(&long_spaces, today()), Ok(d(2026, 11, 21)));
    for input in unrecognized {
        assert_eq!(
            parse_date(input, today()),
            Err(DateError::Unrecognized),
            "{input:?}"
        );
    }

    let impossible_cases: &[(&str, DateError)] = &[
        ("31.02.2026", impossible(31, 2, Some(2026))),
        ("29.02.2025", impossible(29, 2, Some(2025))),
        ("29.02.2100", impossible(29, 2, Some(2100))),
        ("21.13.2026", impossible(21, 13, Some(2026))),
        ("0.11.2026", impossible(0, 11, Some(2026))),
        ("00.11.2026", impossible(0, 11, Some(2026))),
        ("21.00.2026", impossible(21, 0, Some(2026))),
        ("00.00.0000", impossible(0, 0, Some(0))),
        ("99.99.99", impossible(99, 99, Some(2099))),
        ("2026-02-30", impossible(30, 2, Some(2026))),
        ("31 апреля 2026", impossible(31, 4, Some(2026))),
        ("32 қараша 2026", impossible(32, 11, Some(2026))),
        ("Feb 30, 2026", impossible(30, 2, Some(2026))),
        ("31.04", impossible(31, 4, None)),
        ("30.02", impossible(30, 2, None)),
        ("0 ноября", impossible(0, 11, None)),
        ("1.13", impossible(1, 13, None)),
    ];
    for (input, expected) in impossible_cases {
        assert_eq!(
            parse_date(input, today()),
            Err(expected.clone()),
            "{input:?}"
        );
    }
}

#[test]
fn entry_date_range() {
    let today = d(2026, 11, 21);
    assert_eq!(parse_entry_date("21.11.2026", today), Ok(today));
    assert_eq!(parse_entry_date("сегодня", today), Ok(today));
    assert_eq!(parse_entry_date("вчера", today), Ok(d(2026, 11, 20)));
    assert_eq!(
        parse_entry_date("22.11.2026", today),
        Err(DateError::Future)
    );
    assert_eq!(parse_entry_date("завтра", today), Err(DateError::Future));
    assert_eq!(parse_entry_date("21.11.99", today), Err(DateError::Future));
    // Exactly ten years back is the oldest accepted; a day older is not.
    assert_eq!(earliest_accepted(today), d(2016, 11, 21));
    assert_eq!(parse_entry_date("21.11.2016", today), Ok(d(2016, 11, 21)));
    assert_eq!(
        parse_entry_date("20.11.2016", today),
        Err(DateError::TooOld)
    );
    assert_eq!(
        parse_entry_date("01.01.1990", today),
        Err(DateError::TooOld)
    );
    // A yearless date is the most recent one, which is never in the future.
    assert_eq!(parse_entry_date("22.11", today), Ok(d(2025, 11, 22)));
    // Parse errors come through unchanged.
    assert_eq!(
        parse_entry_date("31.02.2026", today),
        Err(impossible(31, 2, Some(2026)))
    );
    assert_eq!(parse_entry_date("x", today), Err(DateError::Unrecognized));
}

#[test]
fn entry_range_from_a_leap_day() {
    // Months arithmetic clamps: ten years before 29 Feb 2028 is 28 Feb 2018.
    let today = d(2028, 2, 29);
    assert_eq!(earliest_accepted(today), d(2018, 2, 28));
    assert_eq!(parse_entry_date("28.02.2018", today), Ok(d(2018, 2, 28)));
    assert_eq!(
        parse_entry_date("27.02.2018", today),
        Err(DateError::TooOld)
    );
    assert_eq!(parse_entry_date("29.02", today), Ok(today));
}

#[test]
fn document_end_range() {
    let today = d(2026, 11, 21);
    // Expired documents are accepted; the caller flags them.
    assert_eq!(parse_document_end("21.11.2025", today), Ok(d(2025, 11, 21)));
    assert_eq!(parse_document_end("вчера", today), Ok(d(2026, 11, 20)));
    assert_eq!(parse_document_end("today", today), Ok(today));
    assert_eq!(parse_document_end("21.11.2016", today), Ok(d(2016, 11, 21)));
    assert_eq!(
        parse_document_end("20.11.2016", today),
        Err(DateError::TooOld)
    );
    assert_eq!(latest_document_end(today), d(2046, 11, 21));
    assert_eq!(parse_document_end("21.11.2046", today), Ok(d(2046, 11, 21)));
    assert_eq!(
        parse_document_end("22.11.2046", today),
        Err(DateError::TooFarAhead)
    );
    assert_eq!(
        parse_document_end("2026 жылғы 1 желтоқсан", today),
        Ok(d(2026, 12, 1))
    );
    // The year of an end date is never guessed.
    assert_eq!(
        parse_document_end("21.11", today),
        Err(DateError::YearMissing)
    );
    assert_eq!(
        parse_document_end("1 декабря", today),
        Err(DateError::YearMissing)
    );
    assert_eq!(
        parse_document_end("31.04", today),
        Err(impossible(31, 4, None))
    );
    assert_eq!(
        parse_document_end("29.02.2027", today),
        Err(impossible(29, 2, Some(2027)))
    );
    assert_eq!(parse_document_end("", today), Err(DateError::Unrecognized));
}

#[test]
fn formats_per_language() {
    let date = d(2026, 11, 21);
    assert_eq!(format_date(date, Lang::Ru), "21 ноября 2026");
    assert_eq!(format_date(date, Lang::Kk), "2026 жылғы 21 қараша");
    assert_eq!(format_date(date, Lang::En), "21 November 2026");
    let date = d(2027, 1, 1);
    assert_eq!(format_date(date, Lang::Ru), "1 января 2027");
    assert_eq!(format_date(date, Lang::Kk), "2027 жылғы 1 қаңтар");
    assert_eq!(format_date(date, Lang::En), "1 January 2027");
    assert_eq!(format_date(d(26, 5, 9), Lang::En), "9 May 0026");
}

#[test]
fn every_month_reads_back_in_every_language() {
    for month in 1..=12 {
        let date = d(2026, month, 15);
        for lang in Lang::ALL {
            let text = format_date(date, lang);
            assert_eq!(parse_date(&text, today()), Ok(date), "{text}");
        }
    }
}

/// Every month in every case, for each language that marks case on the date:
/// nominative, genitive, dative, accusative, locative, ablative, limitative.
const KK_TABLE: [[&str; 7]; 12] = [
    [
        "қаңтар",
        "қаңтардың",
        "қаңтарға",
        "қаңтарды",
        "қаңтарда",
        "қаңтардан",
        "қаңтарға",
    ],
    [
        "ақпан",
        "ақпанның",
        "ақпанға",
        "ақпанды",
        "ақпанда",
        "ақпаннан",
        "ақпанға",
    ],
    [
        "наурыз",
        "наурыздың",
        "наурызға",
        "наурызды",
        "наурызда",
        "наурыздан",
        "наурызға",
    ],
    [
        "сәуір",
        "сәуірдің",
        "сәуірге",
        "сәуірді",
        "сәуірде",
        "сәуірден",
        "сәуірге",
    ],
    [
        "мамыр",
        "мамырдың",
        "мамырға",
        "мамырды",
        "мамырда",
        "мамырдан",
        "мамырға",
    ],
    [
        "маусым",
        "маусымның",
        "маусымға",
        "маусымды",
        "маусымда",
        "маусымнан",
        "маусымға",
    ],
    [
        "шілде",
        "шілденің",
        "шілдеге",
        "шілдені",
        "шілдеде",
        "шілдеден",
        "шілдеге",
    ],
    [
        "тамыз",
        "тамыздың",
        "тамызға",
        "тамызды",
        "тамызда",
        "тамыздан",
        "тамызға",
    ],
    [
        "қыркүйек",
        "қыркүйектің",
        "қыркүйекке",
        "қыркүйекті",
        "қыркүйекте",
        "қыркүйектен",
        "қыркүйекке",
    ],
    [
        "қазан",
        "қазанның",
        "қазанға",
        "қазанды",
        "қазанда",
        "қазаннан",
        "қазанға",
    ],
    [
        "қараша",
        "қарашаның",
        "қарашаға",
        "қарашаны",
        "қарашада",
        "қарашадан",
        "қарашаға",
    ],
    [
        "желтоқсан",
        "желтоқсанның",
        "желтоқсанға",
        "желтоқсанды",
        "желтоқсанда",
        "желтоқсаннан",
        "желтоқсанға",
    ],
];

const UZ_TABLE: [[&str; 7]; 12] = [
    [
        "yanvar",
        "yanvarning",
        "yanvarga",
        "yanvarni",
        "yanvarda",
        "yanvardan",
        "yanvargacha",
    ],
    [
        "fevral",
        "fevralning",
        "fevralga",
        "fevralni",
        "fevralda",
        "fevraldan",
        "fevralgacha",
    ],
    [
        "mart",
        "martning",
        "martga",
        "martni",
        "martda",
        "martdan",
        "martgacha",
    ],
    [
        "aprel",
        "aprelning",
        "aprelga",
        "aprelni",
        "aprelda",
        "apreldan",
        "aprelgacha",
    ],
    [
        "may", "mayning", "mayga", "mayni", "mayda", "maydan", "maygacha",
    ],
    [
        "iyun",
        "iyunning",
        "iyunga",
        "iyunni",
        "iyunda",
        "iyundan",
        "iyungacha",
    ],
    [
        "iyul",
        "iyulning",
        "iyulga",
        "iyulni",
        "iyulda",
        "iyuldan",
        "iyulgacha",
    ],
    [
        "avgust",
        "avgustning",
        "avgustga",
        "avgustni",
        "avgustda",
        "avgustdan",
        "avgustgacha",
    ],
    [
        "sentabr",
        "sentabrning",
        "sentabrga",
        "sentabrni",
        "sentabrda",
        "sentabrdan",
        "sentabrgacha",
    ],
    [
        "oktabr",
        "oktabrning",
        "oktabrga",
        "oktabrni",
        "oktabrda",
        "oktabrdan",
        "oktabrgacha",
    ],
    [
        "noyabr",
        "noyabrning",
        "noyabrga",
        "noyabrni",
        "noyabrda",
        "noyabrdan",
        "noyabrgacha",
    ],
    [
        "dekabr",
        "dekabrning",
        "dekabrga",
        "dekabrni",
        "dekabrda",
        "dekabrdan",
        "dekabrgacha",
    ],
];

/// Kyrgyz: the possessive form of the month after «…-жылдын», then the case.
const KY_TABLE: [[&str; 7]; 12] = [
    [
        "январы",
        "январынын",
        "январына",
        "январын",
        "январында",
        "январынан",
        "январына",
    ],
    [
        "февралы",
        "февралынын",
        "февралына",
        "февралын",
        "февралында",
        "февралынан",
        "февралына",
    ],
    [
        "марты",
        "мартынын",
        "мартына",
        "мартын",
        "мартында",
        "мартынан",
        "мартына",
    ],
    [
        "апрели",
        "апрелинин",
        "апрелине",
        "апрелин",
        "апрелинде",
        "апрелинен",
        "апрелине",
    ],
    [
        "майы",
        "майынын",
        "майына",
        "майын",
        "майында",
        "майынан",
        "майына",
    ],
    [
        "июну",
        "июнунун",
        "июнуна",
        "июнун",
        "июнунда",
        "июнунан",
        "июнуна",
    ],
    [
        "июлу",
        "июлунун",
        "июлуна",
        "июлун",
        "июлунда",
        "июлунан",
        "июлуна",
    ],
    [
        "августу",
        "августунун",
        "августуна",
        "августун",
        "августунда",
        "августунан",
        "августуна",
    ],
    [
        "сентябры",
        "сентябрынын",
        "сентябрына",
        "сентябрын",
        "сентябрында",
        "сентябрынан",
        "сентябрына",
    ],
    [
        "октябры",
        "октябрынын",
        "октябрына",
        "октябрын",
        "октябрында",
        "октябрынан",
        "октябрына",
    ],
    [
        "ноябры",
        "ноябрынын",
        "ноябрына",
        "ноябрын",
        "ноябрында",
        "ноябрынан",
        "ноябрына",
    ],
    [
        "декабры",
        "декабрынын",
        "декабрына",
        "декабрын",
        "декабрында",
        "декабрынан",
        "декабрына",
    ],
];

#[test]
fn every_month_in_every_case() {
    for (month0, ((kk, uz), ky)) in KK_TABLE.iter().zip(&UZ_TABLE).zip(&KY_TABLE).enumerate() {
        let date = d(2026, month0 as u32 + 1, 15 + month0 as u32);
        let day = date.day();
        for (i, case) in DateCase::ALL.into_iter().enumerate() {
            let expect = [
                (Lang::Kk, format!("2026 жылғы {day} {}", kk[i])),
                (Lang::Uz, format!("2026-yil {day}-{}", uz[i])),
                (Lang::Ky, format!("2026-жылдын {day}-{}", ky[i])),
            ];
            for (lang, text) in expect {
                assert_eq!(format_date_case(date, lang, case), text, "{case:?}");
                // What the bot writes, people copy back.
                assert_eq!(parse_date(&text, today()), Ok(date), "{text}");
            }
            // The languages without case marking ignore the case.
            for lang in [Lang::En, Lang::Ru, Lang::Tg] {
                assert_eq!(format_date_case(date, lang, case), format_date(date, lang));
            }
        }
    }
}

#[test]
fn case_names_are_the_agreed_interface() {
    let names: Vec<&str> = DateCase::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(
        names,
        [
            "nominative",
            "genitive",
            "dative",
            "accusative",
            "locative",
            "ablative",
            "limitative"
        ]
    );
    for case in DateCase::ALL {
        assert_eq!(DateCase::from_name(case.name()), Some(case));
    }
    assert_eq!(DateCase::from_name("Dative"), None);
    assert_eq!(DateCase::from_name("instrumental"), None);
}

#[test]
fn dates_in_the_new_languages_are_read() {
    let nov30 = d(2025, 11, 30); // yearless: the most recent 30 November
    let nov30_26 = d(2026, 11, 30);
    let cases: &[(&str, NaiveDate)] = &[
        // Uzbek.
        ("30-noyabr 2026", nov30_26),
        ("30 noyabr 2026", nov30_26),
        ("30 noyabr", nov30),
        ("2026-yil 30-noyabr", nov30_26),
        ("2026 yil 30 noyabr", nov30_26),
        ("2026-yil 30-noyabrgacha", nov30_26),
        ("30-noyabrdan", nov30),
        ("30-noyabr 2026-yil", nov30_26),
        ("30 sentyabr 2026", d(2026, 9, 30)),
        ("Bugun", today()),
        ("kecha", d(2026, 11, 24)),
        ("ertaga", d(2026, 11, 26)),
        // Tajik.
        ("30 ноябри 2026", nov30_26),
        ("30 ноябри соли 2026", nov30_26),
        ("30 ноябр 2026", nov30_26),
        ("1 майи 2026", d(2026, 5, 1)),
        ("имрӯз", today()),
        ("Дирӯз", d(2026, 11, 24)),
        ("фардо", d(2026, 11, 26)),
        // Kyrgyz.
        ("30-ноябрь 2026", nov30_26),
        ("2026-жылдын 30-ноябры", nov30_26),
        ("2026-жылдын 30-ноябрына", nov30_26),
        ("30-ноябрга", nov30),
        ("1-июлда", d(2026, 7, 1)),
        ("1-августтан", d(2026, 8, 1)),
        ("бүгүн", today()),
        ("кечээ", d(2026, 11, 24)),
        ("эртең", d(2026, 11, 26)),
        // Kazakh with a case ending.
        ("2026 жылғы 30 қарашаға", nov30_26),
        ("30 қарашадан", nov30),
    ];
    for (input, expected) in cases {
        assert_eq!(parse_date(input, today()), Ok(*expected), "{input:?}");
    }
    for input in [
        "30 noyabrxyz 2026",
        "2026-yil noyabr",
        "соли 2026",
        "30 ноябри соли",
    ] {
        assert!(parse_date(input, today()).is_err(), "{input:?}");
    }
}

#[test]
fn date_errors_carry_examples_from_today() {
    let today = d(2031, 3, 9);
    let arg = |msg: &Msg, name: &str| {
        msg.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| a.clone())
    };
    let m = DateError::Future.message(today);
    assert_eq!(m.id, "err-date-future");
    assert_eq!(arg(&m, "example"), Some(Arg::Verbatim("09.03.2031".into())));
    let m = DateError::TooFarAhead.message(today);
    assert_eq!(arg(&m, "example"), Some(Arg::Verbatim("09.03.2032".into())));
    let m = DateError::Unrecognized.message(today);
    assert_eq!(arg(&m, "date"), Some(Arg::Date(today)));
    let m = DateError::TooOld.message(today);
    assert_eq!(arg(&m, "years"), Some(Arg::Int(10)));
}

#[test]
fn message_ids() {
    let all = [
        (DateError::Unrecognized, "err-date-unrecognized"),
        (impossible(31, 2, Some(2026)), "err-date-impossible"),
        (DateError::Future, "err-date-future"),
        (DateError::TooOld, "err-date-too-old"),
        (DateError::TooFarAhead, "err-date-too-far"),
        (DateError::YearMissing, "err-date-year-missing"),
    ];
    for (err, id) in &all {
        assert_eq!(err.message_id(), *id);
        assert!(!err.to_string().is_empty());
    }
}

fn any_date_2000_2099() -> impl Strategy<Value = NaiveDate> {
    // 2000-01-01 plus 0..36525 days covers 2000-01-01 ..= 2099-12-31.
    (0u64..36_525).prop_map(|n| {
        d(2000, 1, 1)
            .checked_add_days(chrono::Days::new(n))
            .expect("in range")
    })
}

proptest! {
    #[test]
    fn formatted_dates_read_back(date in any_date_2000_2099()) {
        for lang in Lang::ALL {
            prop_assert_eq!(parse_date(&format_date(date, lang), today()), Ok(date));
        }
        let numeric = date.format("%d.%m.%Y").to_string();
        prop_assert_eq!(parse_date(&numeric, today()), Ok(date));
        let iso = date.format("%Y-%m-%d").to_string();
        prop_assert_eq!(parse_date(&iso, today()), Ok(date));
        let short = date.format("%d.%m.%y").to_string();
        prop_assert_eq!(parse_date(&short, today()), Ok(date));
    }

    #[test]
    fn any_text_is_answered_without_panic(s in ".*") {
        let _ = parse_date(&s, today());
        let _ = parse_entry_date(&s, today());
        let _ = parse_document_end(&s, today());
    }

    #[test]
    fn any_printable_text_is_answered_without_panic(s in "\\PC{0,300}") {
        let _ = parse_date(&s, today());
        let _ = parse_entry_date(&s, today());
        let _ = parse_document_end(&s, NaiveDate::MAX);
        let _ = parse_entry_date(&s, NaiveDate::MIN);
    }

    #[test]
    fn date_shaped_noise_is_answered_without_panic(
        s in "[0-9]{0,12}[./ -]{0,2}[0-9]{0,12}[./ -]{0,2}[0-9]{0,12}"
    ) {
        let _ = parse_date(&s, today());
        let _ = parse_document_end(&s, today());
    }
}
