//! Calendar dates as users type them and as the bot writes them. This module owns the
//! date parser (numeric day-month-year forms, ISO `YYYY-MM-DD`, month names in Russian,
//! Kazakh, English, Uzbek, Tajik and Kyrgyz, with the case endings the bot writes, and
//! the words for today, yesterday and tomorrow), the range checks
//! for an entry date and a document's end date, and the per-language date formatter. It
//! never reads the clock: callers pass today's date (Asia/Almaty, see `clock`). It holds
//! no user-visible text either: errors carry Fluent message ids. The case endings of
//! Kazakh, Uzbek and Kyrgyz dates (see [`DateCase`]) live here too, since a date in a
//! case is still a date the parser must read back.
//!
//! Decisions a caller should know:
//! - Numbers are always day, month, year, because that is how the region writes dates.
//!   The one exception is a four-digit first number (`2026-11-21`, `2026.11.21`), which
//!   can only be a year and is read as year, month, day.
//! - A two-digit year means 20YY (`21.11.26` is 21 November 2026).
//! - A date without a year (`21.11`, `21 ноября`, `Nov 21`) is, for [`parse_date`] and
//!   [`parse_entry_date`], the most recent such date not after today: people name past
//!   days that way. [`parse_document_end`] refuses it with [`DateError::YearMissing`],
//!   because guessing the year of an expiry date could hide an overstay.
//! - Look-alike letters are not guessed: `нoября` with a Latin `o` is unrecognized.
//!   Invisible direction and zero-width marks are dropped, since they arrive with
//!   copy-and-paste and change nothing a reader sees.

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::Lang;
use crate::text::Msg;

/// How far back an entry date or a document end date may lie.
pub const MAX_YEARS_BACK: u32 = 10;
/// How far ahead a document end date may lie.
pub const MAX_YEARS_AHEAD: u32 = 20;

/// Longer input is not a date. The longest real form, `2026 жылғы 21 желтоқсан`, is
/// about 40 bytes; the cap keeps hostile input cheap to reject.
const MAX_INPUT_BYTES: usize = 100;
/// A day, month or year never has more digits than this; longer runs are refused
/// before they are accumulated, so no number can overflow.
const MAX_DIGITS: usize = 4;

/// Why a text is not an acceptable date. The `Display` strings are for logs; users see
/// the Fluent message named by [`DateError::message_id`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not in any form we read.
    #[error("not a date")]
    Unrecognized,
    /// The form is right but the calendar has no such day: day 0, 31 February, 29
    /// February in a common year, month 13. `year` is `None` when the user gave none.
    #[error("no such date: day {day}, month {month}, year {year:?}")]
    Impossible {
        day: u32,
        month: u32,
        year: Option<i32>,
    },
    /// An entry date after today.
    #[error("date is in the future")]
    Future,
    /// More than [`MAX_YEARS_BACK`] years before today.
    #[error("date is more than 10 years ago")]
    TooOld,
    /// A document end more than [`MAX_YEARS_AHEAD`] years after today.
    #[error("date is more than 20 years ahead")]
    TooFarAhead,
    /// A document end date given as day and month only.
    #[error("date has no year")]
    YearMissing,
}

impl DateError {
    /// The Fluent message that explains this error to the user. For `Impossible` the
    /// caller may pass `day`, `month` and (when present) `year` as arguments.
    pub fn message_id(&self) -> &'static str {
        match self {
            DateError::Unrecognized => "err-date-unrecognized",
            DateError::Impossible { .. } => "err-date-impossible",
            DateError::Future => "err-date-future",
            DateError::TooOld => "err-date-too-old",
            DateError::TooFarAhead => "err-date-too-far",
            DateError::YearMissing => "err-date-year-missing",
        }
    }

    /// The message for the user, with examples taken from `today` so that they are never
    /// stale: `$example` is a date written in digits (today, or a year ahead where a later
    /// date is what is wanted), and `err-date-unrecognized` also gets `$date`, the same
    /// day written the way the language writes dates; `err-date-too-old` gets `$years`,
    /// the limit.
    pub fn message(&self, today: NaiveDate) -> Msg {
        let ahead = today.checked_add_months(Months::new(12)).unwrap_or(today);
        let example = match self {
            DateError::TooFarAhead | DateError::YearMissing => ahead,
            _ => today,
        };
        let msg =
            Msg::new(self.message_id()).verbatim("example", example.format("%d.%m.%Y").to_string());
        match self {
            DateError::Unrecognized => msg.date("date", today),
            DateError::TooOld => msg.int("years", i64::from(MAX_YEARS_BACK)),
            _ => msg,
        }
    }
}

/// Reads a date in any accepted form. A date without a year becomes the most recent such
/// date not after `today`.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    match parse_parts(input, today)? {
        Parsed::Full(date) => Ok(date),
        Parsed::Yearless { day, month } => most_recent(day, month, today),
    }
}

/// Reads the date of the last entry into Kazakhstan: not after today and not more than
/// [`MAX_YEARS_BACK`] years before it (see [`earliest_accepted`]).
pub fn parse_entry_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let date = parse_date(input, today)?;
    if date > today {
        return Err(DateError::Future);
    }
    if date < earliest_accepted(today) {
        return Err(DateError::TooOld);
    }
    Ok(date)
}

/// Reads the last day of a document. Past dates are accepted (the caller flags the
/// document as expired) back to [`earliest_accepted`], future ones up to
/// [`latest_document_end`]. The year must be written.
pub fn parse_document_end(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let date = match parse_parts(input, today)? {
        Parsed::Full(date) => date,
        Parsed::Yearless { day, month } => {
            // A day that exists in no year is the more useful thing to say first.
            check_day_month(day, month)?;
            return Err(DateError::YearMissing);
        }
    };
    if date < earliest_accepted(today) {
        return Err(DateError::TooOld);
    }
    if date > latest_document_end(today) {
        return Err(DateError::TooFarAhead);
    }
    Ok(date)
}

/// The oldest date accepted: today minus [`MAX_YEARS_BACK`] years, as calendar months, so
/// from 29 February the limit is 28 February ten years earlier.
pub fn earliest_accepted(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(MAX_YEARS_BACK * 12))
        .unwrap_or(NaiveDate::MIN)
}

/// The latest document end accepted: today plus [`MAX_YEARS_AHEAD`] years, as months.
pub fn latest_document_end(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_months(Months::new(MAX_YEARS_AHEAD * 12))
        .unwrap_or(NaiveDate::MAX)
}

/// A grammatical case a locale may ask of a date (`{ DATE($date, case: "dative") }`).
///
/// Kazakh, Uzbek and Kyrgyz mark case with a suffix on the last word of the date, which
/// in our date forms is always the month («2026 жылғы 30 қарашаға», «2026-yil
/// 30-noyabrgacha», «2026-жылдын 30-ноябрына»). English, Russian and Tajik (which says
/// it with prepositions) ignore the case. The names are the interface the translators
/// write; [`DateCase::from_name`] reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateCase {
    Nominative,
    Genitive,
    Dative,
    Accusative,
    Locative,
    Ablative,
    /// "Until": Uzbek -gacha. Languages without such a case use the dative.
    Limitative,
}

impl DateCase {
    pub const ALL: [DateCase; 7] = [
        DateCase::Nominative,
        DateCase::Genitive,
        DateCase::Dative,
        DateCase::Accusative,
        DateCase::Locative,
        DateCase::Ablative,
        DateCase::Limitative,
    ];

    /// The name a Fluent file writes.
    pub fn name(self) -> &'static str {
        match self {
            DateCase::Nominative => "nominative",
            DateCase::Genitive => "genitive",
            DateCase::Dative => "dative",
            DateCase::Accusative => "accusative",
            DateCase::Locative => "locative",
            DateCase::Ablative => "ablative",
            DateCase::Limitative => "limitative",
        }
    }

    pub fn from_name(name: &str) -> Option<DateCase> {
        DateCase::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Writes a date the way the language writes it: `21 ноября 2026`, `2026 жылғы 21
/// қараша`, `21 November 2026`, `2026-yil 21-noyabr`, `21 ноябри соли 2026`,
/// `2026-жылдын 21-ноябры`. Every output is read back by [`parse_date`].
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    format_date_case(date, lang, DateCase::Nominative)
}

/// Writes a date in a grammatical case (see [`DateCase`]). Every output, in every case,
/// is read back by [`parse_date`], since people copy what the bot wrote.
pub fn format_date_case(date: NaiveDate, lang: Lang, case: DateCase) -> String {
    let day = date.day();
    let year = year_text(date.year());
    // month0 is 0..=11, so indexing a 12-entry table cannot fail; `get` keeps it total.
    let month = |table: &[&'static str; 12]| {
        table
            .get(date.month0() as usize)
            .copied()
            .unwrap_or_default()
    };
    match lang {
        Lang::Ru => format!("{day} {} {year}", month(&RU_GENITIVE)),
        Lang::Kk => format!("{year} жылғы {day} {}", kk_case(month(&KK_MONTHS), case)),
        Lang::En => format!("{day} {} {year}", month(&EN_MONTHS)),
        // The official form: «2026-yil 30-noyabr».
        Lang::Uz => format!("{year}-yil {day}-{}", uz_case(month(&UZ_MONTHS), case)),
        // The official form with the izofat: «30 ноябри соли 2026».
        Lang::Tg => format!("{day} {}и соли {year}", month(&TG_MONTHS)),
        // The form of Kyrgyz official texts, the month with the possessive ending:
        // «2026-жылдын 30-ноябры», «…30-ноябрына чейин».
        Lang::Ky => format!(
            "{year}-жылдын {day}-{}",
            ky_case(month(&KY_POSSESSIVE), case)
        ),
    }
}

/// Whether a word's last vowel is a front one (Kazakh and Kyrgyz vowel harmony). `у`
/// and `и` stand for sounds of either row; our words decide by an earlier vowel, and a
/// word with no other vowel counts as back.
fn last_vowel(word: &str) -> Option<char> {
    word.chars().rev().find(|c| "аәеёиоөуұүыіэюя".contains(*c))
}

/// The Kazakh case ending for a word, by its last sound and its vowels.
fn kk_case(word: &str, case: DateCase) -> String {
    let last = word.chars().last().unwrap_or('а');
    let front = word
        .chars()
        .rev()
        .find(|c| "аәеёоөұүыіэюя".contains(*c))
        .is_some_and(|v| "әеөүіэ".contains(v));
    let vowel = "аәеёиоөұүыіэюя".contains(last);
    let nasal = "мнң".contains(last);
    let voiceless = "кқпстфхцчшщбвгд".contains(last);
    let pick = |back: &'static str, fr: &'static str| if front { fr } else { back };
    let ending = match case {
        DateCase::Nominative => "",
        DateCase::Dative | DateCase::Limitative if voiceless => pick("қа", "ке"),
        DateCase::Dative | DateCase::Limitative => pick("ға", "ге"),
        DateCase::Locative if voiceless => pick("та", "те"),
        DateCase::Locative => pick("да", "де"),
        DateCase::Ablative if nasal => pick("нан", "нен"),
        DateCase::Ablative if voiceless => pick("тан", "тен"),
        DateCase::Ablative => pick("дан", "ден"),
        DateCase::Genitive if vowel || nasal => pick("ның", "нің"),
        DateCase::Genitive if voiceless => pick("тың", "тің"),
        DateCase::Genitive => pick("дың", "дің"),
        DateCase::Accusative if vowel => pick("ны", "ні"),
        DateCase::Accusative if voiceless => pick("ты", "ті"),
        DateCase::Accusative => pick("ды", "ді"),
    };
    format!("{word}{ending}")
}

/// The Uzbek case ending: Uzbek has no vowel harmony; only a final k or q changes the
/// first consonant of the dative and the limitative.
fn uz_case(word: &str, case: DateCase) -> String {
    let last = word.chars().last().unwrap_or('a');
    let ending = match case {
        DateCase::Nominative => "",
        DateCase::Genitive => "ning",
        DateCase::Dative if last == 'k' => "ka",
        DateCase::Dative if last == 'q' => "qa",
        DateCase::Dative => "ga",
        DateCase::Accusative => "ni",
        DateCase::Locative => "da",
        DateCase::Ablative => "dan",
        DateCase::Limitative if last == 'k' => "kacha",
        DateCase::Limitative if last == 'q' => "qacha",
        DateCase::Limitative => "gacha",
    };
    format!("{word}{ending}")
}

/// The Kyrgyz case ending after a month in its possessive form (which ends in a vowel,
/// so the endings begin with н): high vowels follow the last vowel (ы и у ү), low ones
/// are а е after а ы у / е и, о after о, ө after ө ү.
fn ky_case(possessive: &str, case: DateCase) -> String {
    let v = last_vowel(possessive).unwrap_or('ы');
    let high = match v {
        'е' | 'и' | 'э' => 'и',
        'о' | 'у' | 'ё' | 'ю' => 'у',
        'ө' | 'ү' => 'ү',
        _ => 'ы',
    };
    let low = match v {
        'е' | 'и' | 'э' => 'е',
        'о' | 'ё' => 'о',
        'ө' | 'ү' => 'ө',
        _ => 'а',
    };
    let ending = match case {
        DateCase::Nominative => String::new(),
        DateCase::Genitive => format!("н{high}н"),
        DateCase::Dative | DateCase::Limitative => format!("н{low}"),
        DateCase::Accusative => "н".to_string(),
        DateCase::Locative => format!("нд{low}"),
        DateCase::Ablative => format!("н{low}н"),
    };
    format!("{possessive}{ending}")
}

/// Four digits for the years people write, so that year 26 does not come back as 2026.
fn year_text(year: i32) -> String {
    if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else {
        year.to_string()
    }
}

const RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

const KK_MONTHS: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const UZ_MONTHS: [&str; 12] = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr", "oktabr",
    "noyabr", "dekabr",
];

const TG_MONTHS: [&str; 12] = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "май",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
];

/// Kyrgyz months in the possessive form that follows «2026-жылдын 30-…»; the plain names
/// are the Russian nominatives (январь, февраль…), already among the words we read.
const KY_POSSESSIVE: [&str; 12] = [
    "январы",
    "февралы",
    "марты",
    "апрели",
    "майы",
    "июну",
    "июлу",
    "августу",
    "сентябры",
    "октябры",
    "ноябры",
    "декабры",
];

/// Every month word we read, lower case, with its number. The formatter's tables are in
/// here too (the English ones lower-cased), which the round-trip test relies on.
const MONTH_WORDS: &[(&str, u32)] = &[
    // Russian: nominative, genitive, common abbreviations.
    ("январь", 1),
    ("января", 1),
    ("янв", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("фев", 2),
    ("февр", 2),
    ("март", 3),
    ("марта", 3),
    ("мар", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("апр", 4),
    ("май", 5),
    ("мая", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июн", 6),
    ("июль", 7),
    ("июля", 7),
    ("июл", 7),
    ("август", 8),
    ("августа", 8),
    ("авг", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("сен", 9),
    ("сент", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("окт", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("ноя", 11),
    ("нояб", 11),
    ("декабрь", 12),
    ("декабря", 12),
    ("дек", 12),
    // Kazakh: month names do not decline after a day number.
    ("қаңтар", 1),
    ("ақпан", 2),
    ("наурыз", 3),
    ("сәуір", 4),
    ("мамыр", 5),
    ("маусым", 6),
    ("шілде", 7),
    ("тамыз", 8),
    ("қыркүйек", 9),
    ("қазан", 10),
    ("қараша", 11),
    ("желтоқсан", 12),
    // Uzbek (Latin): the official names and the spellings taken from Russian.
    ("yanvar", 1),
    ("fevral", 2),
    ("mart", 3),
    ("aprel", 4),
    ("iyun", 6),
    ("iyul", 7),
    ("avgust", 8),
    ("sentabr", 9),
    ("sentyabr", 9),
    ("oktabr", 10),
    ("oktyabr", 10),
    ("noyabr", 11),
    ("dekabr", 12),
    // Tajik: the names and their izofat forms («30 ноябри соли 2026»).
    ("январ", 1),
    ("январи", 1),
    ("феврал", 2),
    ("феврали", 2),
    ("марти", 3),
    ("апрел", 4),
    ("апрели", 4),
    ("майи", 5),
    ("июн", 6),
    ("июни", 6),
    ("июл", 7),
    ("июли", 7),
    ("августи", 8),
    ("сентябр", 9),
    ("сентябри", 9),
    ("октябр", 10),
    ("октябри", 10),
    ("ноябр", 11),
    ("ноябри", 11),
    ("декабр", 12),
    ("декабри", 12),
    // Kyrgyz: the possessive forms (the plain ones are the Russian nominatives).
    ("январы", 1),
    ("февралы", 2),
    ("марты", 3),
    ("майы", 5),
    ("июну", 6),
    ("июлу", 7),
    ("августу", 8),
    ("сентябры", 9),
    ("октябры", 10),
    ("ноябры", 11),
    ("декабры", 12),
    // English: full names and three-letter abbreviations (plus "sept").
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Words that say "year" after (or, in Kazakh, before the rest of) a year number.
const YEAR_MARKERS: &[&str] = &[
    "г",
    "год",
    "года",
    "ж",
    "жыл",
    "жылы",
    "жылғы",
    "yil",
    "yili",
    "y",
    "жылдын",
    "сол",
    "соли",
];

/// English ordinal endings, as in `21st November`.
const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

fn month_of(word: &str) -> Option<u32> {
    MONTH_WORDS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, m)| m)
        .or_else(|| month_in_case(word))
}

/// A month with a case ending, as the bot writes it or as people type it: «қарашаға»,
/// «noyabrgacha», «ноябрына», and the Kyrgyz endings on the plain name («ноябрга»).
fn month_in_case(word: &str) -> Option<u32> {
    static FORMS: std::sync::LazyLock<Vec<(String, u32)>> = std::sync::LazyLock::new(|| {
        let mut forms = Vec::new();
        for (m, ((kk, uz), (ky, ky_plain))) in KK_MONTHS
            .iter()
            .zip(UZ_MONTHS.iter())
            .zip(KY_POSSESSIVE.iter().zip(RU_NOMINATIVE.iter()))
            .enumerate()
        {
            let month = m as u32 + 1;
            for case in DateCase::ALL {
                forms.push((kk_case(kk, case), month));
                forms.push((uz_case(uz, case), month));
                forms.push((ky_case(ky, case), month));
                forms.push((ky_plain_case(ky_plain, case), month));
            }
        }
        forms
    });
    FORMS.iter().find(|(form, _)| form == word).map(|&(_, m)| m)
}

/// The Russian (and Kyrgyz) nominative month names.
const RU_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// A Kyrgyz month without the possessive, with a case ending: «30-ноябрга», «1-июлда».
/// Only read, never written.
fn ky_plain_case(name: &str, case: DateCase) -> String {
    let stem = name.trim_end_matches('ь');
    let last = stem.chars().last().unwrap_or('а');
    let voiceless = "кпстфхцчшщ".contains(last);
    let low = match last_vowel(stem).unwrap_or('а') {
        'е' | 'и' | 'э' => 'е',
        'о' | 'ё' => 'о',
        'ө' | 'ү' => 'ө',
        _ => 'а',
    };
    let (g, d) = if voiceless {
        ('к', 'т')
    } else {
        ('г', 'д')
    };
    match case {
        DateCase::Dative | DateCase::Limitative => format!("{stem}{g}{low}"),
        DateCase::Locative => format!("{stem}{d}{low}"),
        DateCase::Ablative => format!("{stem}{d}{low}н"),
        _ => name.to_string(),
    }
}

fn is_year_marker(word: &str) -> bool {
    YEAR_MARKERS.contains(&word)
}

/// Today, yesterday and tomorrow as day offsets.
fn relative_offset(word: &str) -> Option<i8> {
    match word {
        "today" | "сегодня" | "бүгін" | "bugun" | "имрӯз" | "бүгүн" => {
            Some(0)
        }
        "yesterday" | "вчера" | "кеше" | "kecha" | "дирӯз" | "кечээ" => Some(-1),
        "tomorrow" | "завтра" | "ертең" | "ertaga" | "фардо" | "эртең" => {
            Some(1)
        }
        _ => None,
    }
}

/// Marks that are invisible and carry no meaning for a date: direction marks and
/// embeddings, zero-width spaces and joiners, the byte-order mark, the soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// The punctuation that may separate date parts, with dash look-alikes that phone
/// keyboards substitute folded to `-`. Punctuation is not letters, so folding it guesses
/// nothing about words.
fn separator(c: char) -> Option<char> {
    match c {
        '.' | ',' | '/' | '-' => Some(c),
        '\u{2010}'..='\u{2013}' | '\u{2212}' => Some('-'),
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    /// A run of ASCII digits, at most [`MAX_DIGITS`] long. `digits` keeps leading zeros
    /// visible, because `26` and `0026` are different years.
    Num {
        value: u32,
        digits: usize,
    },
    /// A run of letters, lower-cased.
    Word(String),
    Sep(char),
}

/// Splits the text into numbers, words and separators; whitespace only ends a token.
/// `None` for any other character (emoji, symbols, non-ASCII digits) or an over-long
/// number.
fn tokenize(s: &str) -> Option<Vec<Tok>> {
    let mut toks = Vec::new();
    let mut chars = s.chars().filter(|c| !is_invisible(*c)).peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut value: u32 = 0;
            let mut digits = 0;
            while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits += 1;
                if digits > MAX_DIGITS {
                    return None;
                }
                let v = d.to_digit(10)?;
                value = value.checked_mul(10)?.checked_add(v)?;
                chars.next();
            }
            toks.push(Tok::Num { value, digits });
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&l) = chars.peek().filter(|l| l.is_alphabetic()) {
                word.extend(l.to_lowercase());
                chars.next();
            }
            toks.push(Tok::Word(word));
        } else if c.is_whitespace() {
            chars.next();
        } else {
            toks.push(Tok::Sep(separator(c)?));
            chars.next();
        }
    }
    Some(toks)
}

/// What the text said, before a missing year is decided by the caller's policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Parsed {
    Full(NaiveDate),
    Yearless { day: u32, month: u32 },
}

fn parse_parts(input: &str, today: NaiveDate) -> Result<Parsed, DateError> {
    let s = input.trim();
    if s.is_empty() || s.len() > MAX_INPUT_BYTES {
        return Err(DateError::Unrecognized);
    }
    let toks = tokenize(s).ok_or(DateError::Unrecognized)?;

    // Trailing dots and one trailing year word ("г.", "года", "ж.", "жыл") say nothing.
    let mut toks = toks.as_slice();
    let mut marker = false;
    loop {
        match toks.split_last() {
            Some((Tok::Sep('.'), rest)) => toks = rest,
            Some((Tok::Word(w), rest)) if !marker && is_year_marker(w) => {
                marker = true;
                toks = rest;
            }
            _ => break,
        }
    }

    if let [Tok::Word(w)] = toks {
        let offset = relative_offset(w).filter(|_| !marker);
        let date = match offset.ok_or(DateError::Unrecognized)? {
            0 => Some(today),
            -1 => today.pred_opt(),
            _ => today.succ_opt(),
        };
        return date.map(Parsed::Full).ok_or(DateError::Unrecognized);
    }

    let parsed = if toks.iter().all(|t| !matches!(t, Tok::Word(_))) {
        numeric(toks)?
    } else {
        worded(toks)?
    };
    // A year word with no year before it ("21.11 г.") is not a form we know.
    if marker && matches!(parsed, Parsed::Yearless { .. }) {
        return Err(DateError::Unrecognized);
    }
    Ok(parsed)
}

/// `D.M.Y`, `D.M`, `Y-M-D`: numbers joined by one kind of separator (or only spaces).
fn numeric(toks: &[Tok]) -> Result<Parsed, DateError> {
    let mut nums: Vec<(u32, usize)> = Vec::new();
    let mut seps: Vec<Option<char>> = Vec::new();
    let mut pending: Option<char> = None;
    for tok in toks {
        match tok {
            Tok::Num { value, digits } => {
                if !nums.is_empty() {
                    seps.push(pending.take());
                }
                nums.push((*value, *digits));
            }
            // A separator must stand between two numbers, alone.
            Tok::Sep(c) if !nums.is_empty() && pending.is_none() => pending = Some(*c),
            _ => return Err(DateError::Unrecognized),
        }
    }
    if pending.is_some() || seps.windows(2).any(|w| w[0] != w[1]) {
        return Err(DateError::Unrecognized);
    }
    match *nums.as_slice() {
        [(day, 1..=2), (month, 1..=2)] => Ok(Parsed::Yearless { day, month }),
        [(year, 4), (month, 1..=2), (day, 1..=2)] => full(year_of(year, 4)?, month, day),
        [(day, 1..=2), (month, 1..=2), (year, digits @ (2 | 4))] => {
            full(year_of(year, digits)?, month, day)
        }
        _ => Err(DateError::Unrecognized),
    }
}

/// Forms with a month word: `21 ноября 2026`, `Nov 21, 2026`, `2026 жылғы 21 қараша`,
/// each also without the year except the year-first one.
fn worded(toks: &[Tok]) -> Result<Parsed, DateError> {
    #[derive(Clone, Copy)]
    enum Item {
        Num(u32, usize),
        Month(u32),
        Marker,
    }
    let mut items = Vec::new();
    for tok in toks {
        match tok {
            // Spaces, commas, dots after abbreviations: all mere separators here.
            Tok::Sep(_) => {}
            Tok::Num { value, digits } => items.push(Item::Num(*value, *digits)),
            Tok::Word(w) => {
                if let Some(m) = month_of(w) {
                    items.push(Item::Month(m));
                } else if is_year_marker(w) {
                    items.push(Item::Marker);
                } else if ORDINAL_SUFFIXES.contains(&w.as_str())
                    && matches!(items.last(), Some(Item::Num(_, 1..=2)))
                {
                    // "21st": the suffix adds nothing to the day number before it.
                } else {
                    return Err(DateError::Unrecognized);
                }
            }
        }
    }
    use Item::{Marker, Month, Num};
    match *items.as_slice() {
        [Num(day, 1..=2), Month(month)] | [Month(month), Num(day, 1..=2)] => {
            Ok(Parsed::Yearless { day, month })
        }
        [Num(day, 1..=2), Month(month), Num(year, digits @ (2 | 4))]
        | [Month(month), Num(day, 1..=2), Num(year, digits @ (2 | 4))]
        | [Num(year, digits @ 4), Num(day, 1..=2), Month(month)]
        | [Num(year, digits @ 4), Marker, Num(day, 1..=2), Month(month)]
        | [Num(day, 1..=2), Month(month), Marker, Num(year, digits @ 4)] => {
            full(year_of(year, digits)?, month, day)
        }
        _ => Err(DateError::Unrecognized),
    }
}

/// A written year: four digits as they stand, two digits as 20YY.
fn year_of(value: u32, digits: usize) -> Result<i32, DateError> {
    let value = i32::try_from(value).map_err(|_| DateError::Unrecognized)?;
    match digits {
        4 => Ok(value),
        2 => Ok(2000 + value),
        _ => Err(DateError::Unrecognized),
    }
}

fn full(year: i32, month: u32, day: u32) -> Result<Parsed, DateError> {
    NaiveDate::from_ymd_opt(year, month, day)
        .map(Parsed::Full)
        .ok_or(DateError::Impossible {
            day,
            month,
            year: Some(year),
        })
}

/// Whether a day and month exist in some year (29 February counts).
fn check_day_month(day: u32, month: u32) -> Result<(), DateError> {
    // 2000 is a leap year, so it has every day-month pair that any year has.
    match NaiveDate::from_ymd_opt(2000, month, day) {
        Some(_) => Ok(()),
        None => Err(DateError::Impossible {
            day,
            month,
            year: None,
        }),
    }
}

/// The most recent date with this day and month that is not after `today`.
fn most_recent(day: u32, month: u32, today: NaiveDate) -> Result<NaiveDate, DateError> {
    check_day_month(day, month)?;
    // 29 February comes back at most eight years later (across 2100), so eight years
    // back always finds a day-month that exists at all.
    (0..=8)
        .filter_map(|back| today.year().checked_sub(back))
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .find(|date| *date <= today)
        .ok_or(DateError::Unrecognized)
}

#[cfg(test)]
mod tests;
