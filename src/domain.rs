//! The words of the domain: languages, countries, purposes, documents and the profile a
//! user builds by answering the dialogue. Pure data with serde, shared by the engine, the
//! rules, the store and every front end; nothing here does I/O.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A language the bot speaks. Stored records hold the lower-case code, so variants may be
/// added but never renamed. The order of the buttons is [`Lang::ALL`], not this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ru,
    Kk,
    En,
    /// Uzbek, in the Latin alphabet.
    Uz,
    /// Tajik, in the Cyrillic alphabet.
    Tg,
    /// Kyrgyz, in the Cyrillic alphabet.
    Ky,
}

impl Lang {
    /// Every language, in the order of the language buttons. The first three keep the
    /// places they had before the others came, so a number typed for a button (the
    /// console, scripts, old habits) still means the same language.
    pub const ALL: [Lang; 6] = [Lang::Ru, Lang::Kk, Lang::En, Lang::Uz, Lang::Tg, Lang::Ky];

    /// The two-letter code used in file names, config and the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Kk => "kk",
            Lang::En => "en",
            Lang::Uz => "uz",
            Lang::Tg => "tg",
            Lang::Ky => "ky",
        }
    }

    /// Exactly one of our codes (see [`Lang::code`]), case-insensitive.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Our codes joined by ", ", for error messages on the command line and in config.
    pub fn codes() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }

    /// Picks our language for a BCP 47 tag such as Telegram's `language_code`.
    ///
    /// Each language we speak is itself; the other languages of the region whose speakers
    /// mostly read Russian go to Russian; every other known tag goes to English. An empty
    /// or unparsable tag gives `None`, so the caller falls back to the configured default.
    pub fn negotiate(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if primary.is_empty() || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        if let Some(ours) = Lang::from_code(&primary) {
            return Some(ours);
        }
        Some(match primary.as_str() {
            "az" | "hy" | "be" | "uk" | "tk" | "mn" => Lang::Ru,
            _ => Lang::En,
        })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An ISO 3166-1 alpha-2 code in upper case, such as `UZ`. Whether the code names a
/// country we know is the country table's business (`countries`), not this type's.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CountryCode(String);

impl CountryCode {
    /// Two ASCII letters, any case. Anything else is `None`.
    pub fn parse(s: &str) -> Option<CountryCode> {
        let s = s.trim();
        if s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic()) {
            Some(CountryCode(s.to_ascii_uppercase()))
        } else {
            None
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why the user is in Kazakhstan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Work,
    Study,
    Family,
    Visit,
    Business,
    Kandas,
    Nomad,
    Other,
}

impl Purpose {
    pub const ALL: [Purpose; 8] = [
        Purpose::Work,
        Purpose::Study,
        Purpose::Family,
        Purpose::Visit,
        Purpose::Business,
        Purpose::Kandas,
        Purpose::Nomad,
        Purpose::Other,
    ];

    /// The stable name used on the command line, in callback data and in message ids.
    pub fn code(self) -> &'static str {
        match self {
            Purpose::Work => "work",
            Purpose::Study => "study",
            Purpose::Family => "family",
            Purpose::Visit => "visit",
            Purpose::Business => "business",
            Purpose::Kandas => "kandas",
            Purpose::Nomad => "nomad",
            Purpose::Other => "other",
        }
    }

    pub fn from_code(s: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.code() == s)
    }
}

/// Who employs a worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Employer {
    /// A private person's household (domestic work, home repairs): the R11 route.
    Household,
    /// A company or entrepreneur registered in Kazakhstan.
    Company,
    /// An employer abroad (remote work).
    Abroad,
}

impl Employer {
    pub const ALL: [Employer; 3] = [Employer::Household, Employer::Company, Employer::Abroad];

    pub fn code(self) -> &'static str {
        match self {
            Employer::Household => "household",
            Employer::Company => "company",
            Employer::Abroad => "abroad",
        }
    }

    pub fn from_code(s: &str) -> Option<Employer> {
        Employer::ALL.into_iter().find(|e| e.code() == s)
    }
}

/// A document the user may already hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// Temporary residence permit (РВП / уақытша тұруға рұқсат).
    Trp,
    /// Labour-immigrant permit for household work (R11).
    LabourPermit,
    /// The employer's permit to hire foreign labour (R13).
    WorkPermit,
    Visa,
    /// Individual identification number; it has no end date.
    Iin,
}

impl DocKind {
    pub const ALL: [DocKind; 5] = [
        DocKind::Trp,
        DocKind::LabourPermit,
        DocKind::WorkPermit,
        DocKind::Visa,
        DocKind::Iin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DocKind::Trp => "trp",
            DocKind::LabourPermit => "labour_permit",
            DocKind::WorkPermit => "work_permit",
            DocKind::Visa => "visa",
            DocKind::Iin => "iin",
        }
    }

    pub fn from_code(s: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|d| d.code() == s)
    }

    /// Whether the dialogue asks when this document ends.
    pub fn has_end_date(self) -> bool {
        !matches!(self, DocKind::Iin)
    }
}

/// Days spent in Kazakhstan in the 180 days before the last entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "days")]
pub enum PriorDays {
    None,
    Known(u16),
    /// The user does not know; the rules then say the 90/180 count is uncertain.
    Unknown,
}

/// An earlier stay in Kazakhstan, as the user gives it: the day of entry and the day
/// of exit, both days present (`rules::trips` counts them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Trip {
    pub entry: NaiveDate,
    pub exit: NaiveDate,
}

impl Trip {
    pub fn new(entry: NaiveDate, exit: NaiveDate) -> Trip {
        Trip { entry, exit }
    }

    /// Days present on this trip, both ends counted; 0 if the dates are reversed.
    pub fn days(&self) -> i64 {
        ((self.exit - self.entry).num_days() + 1).max(0)
    }
}

/// Everything the user has told the bot about their situation. Every field is optional
/// because the dialogue fills it step by step; `rules::assess` decides what it can say
/// from what is there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub citizenship: Option<CountryCode>,
    /// The calendar date (Asia/Almaty) of the last entry into Kazakhstan.
    pub entry: Option<NaiveDate>,
    pub prior_days: Option<PriorDays>,
    /// Earlier stays in the 180 days before `entry`, when the user gave them; they
    /// make the rolling-window count exact and take precedence over `prior_days`.
    /// Empty in records written before trips existed (`#[serde(default)]`), and left
    /// out when empty so a record without trips is stored exactly as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trips: Vec<Trip>,
    pub purpose: Option<Purpose>,
    /// Asked only when the purpose is work.
    pub employer: Option<Employer>,
    /// The documents the user holds; `Some(empty)` means "none", `None` not yet asked.
    pub documents: Option<BTreeSet<DocKind>>,
    /// End dates of the held documents that have one.
    pub document_ends: BTreeMap<DocKind, NaiveDate>,
    /// Ids of plan steps the user marked done.
    pub done_steps: BTreeSet<String>,
}

impl Profile {
    pub fn holds(&self, kind: DocKind) -> bool {
        self.documents.as_ref().is_some_and(|d| d.contains(&kind))
    }

    /// The end date of a held document, if the user gave one.
    pub fn end_of(&self, kind: DocKind) -> Option<NaiveDate> {
        if self.holds(kind) {
            self.document_ends.get(&kind).copied()
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_the_region() {
        assert_eq!(Lang::negotiate("kk"), Some(Lang::Kk));
        assert_eq!(Lang::negotiate("kk-KZ"), Some(Lang::Kk));
        assert_eq!(Lang::negotiate("uz"), Some(Lang::Uz));
        assert_eq!(Lang::negotiate("uz-Latn-UZ"), Some(Lang::Uz));
        assert_eq!(Lang::negotiate("tg"), Some(Lang::Tg));
        assert_eq!(Lang::negotiate("TG-tj"), Some(Lang::Tg));
        assert_eq!(Lang::negotiate("ky"), Some(Lang::Ky));
        assert_eq!(Lang::negotiate("ky_KG"), Some(Lang::Ky));
        for tag in ["ru", "ru-RU", "az", "hy", "be", "uk", "tk", "mn"] {
            assert_eq!(Lang::negotiate(tag), Some(Lang::Ru), "{tag}");
        }
        for tag in ["en", "en-GB", "zh-hans", "tr", "de"] {
            assert_eq!(Lang::negotiate(tag), Some(Lang::En), "{tag}");
        }
        assert_eq!(Lang::negotiate(""), None);
        assert_eq!(Lang::negotiate("  "), None);
        assert_eq!(Lang::negotiate("12"), None);
    }

    #[test]
    fn codes_round_trip_and_serialize_as_before() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(Lang::from_code(&lang.code().to_uppercase()), Some(lang));
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(json, format!("\"{}\"", lang.code()));
        }
        // Records written before the new languages still read.
        let old: Lang = serde_json::from_str("\"kk\"").unwrap();
        assert_eq!(old, Lang::Kk);
        assert_eq!(Lang::from_code("uzb"), None);
        assert_eq!(Lang::codes(), "ru, kk, en, uz, tg, ky");
    }

    #[test]
    fn country_codes_are_two_letters() {
        assert_eq!(CountryCode::parse("uz").unwrap().as_str(), "UZ");
        assert!(CountryCode::parse("UZB").is_none());
        assert!(CountryCode::parse("Ü1").is_none());
        assert!(CountryCode::parse("").is_none());
    }

    #[test]
    fn end_dates_count_only_for_held_documents() {
        let mut p = Profile::default();
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        p.document_ends.insert(DocKind::Trp, d);
        assert_eq!(p.end_of(DocKind::Trp), None);
        p.documents = Some([DocKind::Trp].into_iter().collect());
        assert_eq!(p.end_of(DocKind::Trp), Some(d));
    }
}
