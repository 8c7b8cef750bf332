//! The rule catalogue: every rule the bot believes (with its parameters, sources, check
//! date and confidence), the country groups, the public holidays and the MCI per year,
//! loaded from `data/rules.toml` (embedded, or a file named in the config) and validated
//! before anything uses it. A catalogue that exists is a catalogue that passed
//! validation, so the assessment reads it without re-checking; a bad file is refused with
//! an error naming the entry, so an operator can fix it.
//!
//! Every catalogue has a version: [`Catalogue::version`], a 64-bit FNV-1a hash of the
//! file's exact bytes, written as 16 hex digits. A hash of the content rather than a
//! number the operator keeps, because a forgotten bump must not hide a change from the
//! users it concerns; FNV-1a rather than std's `DefaultHasher`, because the value is
//! stored (per user, and as the key of the catalogues the bot has served with) and must
//! be the same in every build. The file may also carry a `version` label and a
//! `changelog` line in `[meta]` for humans (`rules diff`, the logs); they are part of the
//! bytes, so editing them alone is a new version too (a silent one for every user).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The catalogue shipped inside the binary.
pub const EMBEDDED_TOML: &str = include_str!("../../data/rules.toml");

/// The rule ids the assessment relies on, with the slug each must carry. A file that
/// drops one, or gives an id a different slug, is refused: the code's reading of the
/// rule would no longer match the data.
pub const REQUIRED_RULES: [(&str, &str); 16] = [
    ("R1", "visa_free_30_90_180"),
    ("R2", "eaeu_90_180"),
    ("R6", "host_notification"),
    ("R7", "self_registration_30d"),
    ("R8", "overstay"),
    ("R9", "trp_general"),
    ("R10", "trp_labour"),
    ("R11", "labour_immigrant_permit"),
    ("R12", "labour_immigrant_tax"),
    ("R13", "employer_work_permit"),
    ("R14", "iin"),
    ("R15", "students"),
    ("R16", "family_reunification"),
    ("R17", "kandas"),
    ("R18", "digital_nomad"),
    ("R19", "permanent_residence_absence"),
];

/// Document ids a rule may list. Each has a `doc-*` message in every locale, which is
/// why the set is closed: a new document needs its words before the data may name it.
pub const KNOWN_DOCUMENTS: [&str; 18] = [
    "application_form",
    "passport",
    "health_insurance",
    "owner_consent",
    "fingerprint_certificate",
    "purpose_documents",
    "employment_contract",
    "application_signed_both",
    "tax_receipts",
    "passport_border_mark",
    "medical_certificate_028",
    "health_insurance_full_term",
    "intent_agreement",
    "passport_translation",
    "institution_request",
    "family_tie_proof",
    "income_proof",
    "clean_record",
];

/// Group ids; each has a `rule-group-*` message in every locale.
pub const KNOWN_GROUPS: [&str; 10] = [
    "eaeu",
    "uzbekistan",
    "tajikistan",
    "azerbaijan",
    "unconfirmed_90",
    "china",
    "turkey",
    "india_iran",
    "one_sided",
    "visa_required",
];

/// Holiday names; each has a `rule-holiday-*` message in every locale.
pub const KNOWN_HOLIDAYS: [&str; 12] = [
    "new_year",
    "orthodox_christmas",
    "womens_day",
    "nauryz",
    "unity_day",
    "defender_day",
    "victory_day",
    "kurban_ait",
    "capital_day",
    "constitution_day",
    "republic_day",
    "independence_day",
];

/// What a parameter holds. Unknown keys are refused so a typo cannot silently drop a
/// parameter; each key has a `rule-param-*` message for the reviewer's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ParamKind {
    /// A count of days, months, MCI...; never negative.
    Count,
    Date,
    /// A list of ISO alpha-2 country codes.
    Countries,
    /// The id of a country group.
    Group,
}

const PARAMS: [(&str, ParamKind); 41] = [
    ("per_entry_days", ParamKind::Count),
    ("window_days", ParamKind::Count),
    ("window_limit_days", ParamKind::Count),
    ("visa_runs_end", ParamKind::Date),
    ("working_days", ParamKind::Count),
    ("host_fine_small_business_mci", ParamKind::Count),
    ("host_fine_medium_business_mci", ParamKind::Count),
    ("host_fine_large_business_mci", ParamKind::Count),
    ("in_force_from", ParamKind::Date),
    ("calendar_days", ParamKind::Count),
    ("move_working_days", ParamKind::Count),
    ("warning_max_days", ParamKind::Count),
    ("fine_max_days", ParamKind::Count),
    ("fine_mci", ParamKind::Count),
    ("entry_ban_years", ParamKind::Count),
    ("stay_over_days", ParamKind::Count),
    ("stay_over_days_eaeu", ParamKind::Count),
    ("eaeu_group", ParamKind::Group),
    ("processing_working_days_max", ParamKind::Count),
    ("fingerprints_required_from", ParamKind::Date),
    ("late_application_days_unconfirmed", ParamKind::Count),
    ("max_months", ParamKind::Count),
    ("employer_change_days", ParamKind::Count),
    ("eligible", ParamKind::Countries),
    ("eligible_unconfirmed", ParamKind::Countries),
    ("min_months", ParamKind::Count),
    ("online_only_from", ParamKind::Date),
    ("processing_days", ParamKind::Count),
    ("border_mark_months", ParamKind::Count),
    ("medical_certificate_months", ParamKind::Count),
    ("fee_mci_per_month", ParamKind::Count),
    ("vacancy_posting_days", ParamKind::Count),
    ("vacancy_posting_from", ParamKind::Date),
    ("intra_corporate_years", ParamKind::Count),
    ("fee_mci", ParamKind::Count),
    ("in_person_from", ParamKind::Date),
    ("decision_working_days", ParamKind::Count),
    ("extension_months", ParamKind::Count),
    ("income_usd_per_month", ParamKind::Count),
    ("income_months", ParamKind::Count),
    ("absence_days", ParamKind::Count),
];

/// Parameters the assessment reads, per rule; the loader refuses a file without them.
const REQUIRED_PARAMS: [(&str, &[&str]); 9] = [
    ("R6", &["working_days"]),
    (
        "R7",
        &["in_force_from", "calendar_days", "move_working_days"],
    ),
    (
        "R8",
        &[
            "warning_max_days",
            "fine_max_days",
            "fine_mci",
            "entry_ban_years",
        ],
    ),
    (
        "R9",
        &["stay_over_days", "stay_over_days_eaeu", "eaeu_group"],
    ),
    ("R10", &["employer_change_days"]),
    (
        "R11",
        &["eligible", "eligible_unconfirmed", "border_mark_months"],
    ),
    ("R12", &["fee_mci_per_month"]),
    ("R14", &["fee_mci"]),
    ("R17", &["fee_mci"]),
];

/// Counts that may be zero (the fee of a free service); every other count is positive.
const MAY_BE_ZERO: [&str; 2] = ["fee_mci", "late_application_days_unconfirmed"];

/// Notes the data may attach to a group or a country row; each is a `note-*` message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupNote {
    /// Azerbaijan: "must be registered after 30 days" (M).
    AzerbaijanRegistration,
    /// Georgia, Moldova, Ukraine, Mongolia: treated as 30/90/180 until confirmed (L).
    GroupUnconfirmed,
    /// Turkmenistan: 5 visa-free days for residents of Balkan velayat (M).
    TurkmenistanRegionalException,
}

impl GroupNote {
    fn parse(s: &str) -> Option<GroupNote> {
        match s {
            "azerbaijan_registration" => Some(GroupNote::AzerbaijanRegistration),
            "group_unconfirmed" => Some(GroupNote::GroupUnconfirmed),
            "turkmenistan_regional_exception" => Some(GroupNote::TurkmenistanRegionalException),
            _ => None,
        }
    }
}

/// How sure the research is: H, M or L in the fact sheet. Ordered from least to most
/// sure, so `min` gives the weakest link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn code(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// What the date of a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// The page's own date (the default).
    #[default]
    Published,
    /// The page says when it was last updated.
    Updated,
    /// The date someone checked the page.
    Checked,
}

impl DateKind {
    pub fn code(self) -> &'static str {
        match self {
            DateKind::Published => "published",
            DateKind::Updated => "updated",
            DateKind::Checked => "checked",
        }
    }
}

/// Where a rule comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub url: String,
    /// "YYYY", "YYYY-MM" or "YYYY-MM-DD": only as precise as the page.
    pub date: Option<String>,
    pub date_kind: DateKind,
}

/// A parameter value as written in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ParamValue {
    Int(i64),
    Text(String),
    List(Vec<String>),
}

impl fmt::Display for ParamValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamValue::Int(n) => write!(f, "{n}"),
            ParamValue::Text(s) => f.write_str(s),
            ParamValue::List(items) => f.write_str(&items.join(", ")),
        }
    }
}

/// One rule of the fact sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rule {
    /// "R1" ... "R19", as in the fact sheet.
    pub id: String,
    pub slug: String,
    pub confidence: Confidence,
    /// When the rule was last checked against its sources.
    pub verified: NaiveDate,
    /// The official page where the user acts on the rule, if there is one.
    pub link: Option<String>,
    /// Document ids (see `KNOWN_DOCUMENTS`).
    pub documents: Vec<String>,
    /// Every parameter, validated, in key order (for the reviewer's report).
    pub params: BTreeMap<String, ParamValue>,
    pub sources: Vec<Source>,
}

impl Rule {
    pub fn int(&self, key: &str) -> Option<i64> {
        match self.params.get(key) {
            Some(ParamValue::Int(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn date(&self, key: &str) -> Option<NaiveDate> {
        match self.params.get(key) {
            Some(ParamValue::Text(s)) => parse_date(s),
            _ => None,
        }
    }

    pub fn list(&self, key: &str) -> &[String] {
        match self.params.get(key) {
            Some(ParamValue::List(items)) => items,
            _ => &[],
        }
    }
}

/// A rolling window: at most `limit` days present in any `days` consecutive days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    pub days: i64,
    pub limit: i64,
}

/// A group of countries whose citizens share the same stay rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub id: String,
    /// The rule that sets the limits (R1 or R2), or R8 for the visa group.
    pub rule: String,
    /// Whether citizens may enter without a visa.
    pub visa_free: bool,
    pub per_entry_days: Option<i64>,
    pub window: Option<Window>,
    /// EAEU citizens work on a contract without any permit.
    pub work_without_permit: bool,
    /// China: a visa-free stay allows neither work nor study.
    pub study_allowed: bool,
    /// Whether R7 self-registration can apply to its citizens.
    pub self_registration: bool,
    /// Entries before this date were under rules the catalogue does not hold.
    pub valid_from: Option<NaiveDate>,
    pub confidence: Confidence,
    pub notes: Vec<GroupNote>,
}

impl Group {
    /// The longest a single visa-free stay can last, from the per-entry limit and the
    /// window's limit; `None` when neither is set (a visa group).
    pub fn max_stay_days(&self) -> Option<i64> {
        match (self.per_entry_days, self.window.map(|w| w.limit)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// One country's place in the groups, with where that comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryRow {
    pub code: String,
    pub group: String,
    pub source: String,
    pub date: Option<String>,
    pub confidence: Confidence,
    pub notes: Vec<GroupNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holiday {
    pub date: NaiveDate,
    /// See `KNOWN_HOLIDAYS`.
    pub name: String,
}

/// The public holidays of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HolidayYear {
    pub year: i32,
    pub confidence: Confidence,
    pub source: String,
    /// Whether days off moved by decree are in the list (they are not, see the file).
    pub substitutes_modelled: bool,
    pub days: Vec<Holiday>,
}

/// The monthly calculation index (МРП / АЕК) of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MciRow {
    pub year: i32,
    pub kzt: i64,
    pub source: String,
    pub date: Option<String>,
    pub confidence: Confidence,
}

/// The parameters the assessment reads, pulled out and type-checked at load time so
/// `assess` never has to handle a missing one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    pub host_notice_working_days: i64,
    pub self_registration_from: NaiveDate,
    pub self_registration_days: i64,
    pub self_registration_move_working_days: i64,
    pub overstay_warning_max_days: i64,
    pub overstay_fine_max_days: i64,
    pub overstay_fine_mci: i64,
    pub overstay_ban_years: i64,
    pub trp_stay_over_days: i64,
    pub trp_stay_over_days_eaeu: i64,
    pub eaeu_group: String,
    pub employer_change_days: i64,
    pub household_eligible: BTreeSet<String>,
    pub household_eligible_unconfirmed: BTreeSet<String>,
    pub border_mark_months: i64,
    pub labour_tax_mci_per_month: i64,
    pub iin_fee_mci: i64,
    pub kandas_fee_mci: i64,
}

/// Where a citizenship falls: its group, and the row that puts it there (`None` when
/// the country is not listed and falls to the default group).
#[derive(Debug, Clone, Copy)]
pub struct Placement<'a> {
    pub group: &'a Group,
    pub row: Option<&'a CountryRow>,
}

/// The validated catalogue.
#[derive(Debug, Clone)]
pub struct Catalogue {
    rules: Vec<Rule>,
    groups: Vec<Group>,
    countries: Vec<CountryRow>,
    holidays: Vec<HolidayYear>,
    mci: Vec<MciRow>,
    home_country: String,
    /// The content hash (see the module doc) and the optional labels of `[meta]`.
    version: String,
    label: Option<String>,
    changelog: Option<String>,
    /// The file as read, kept so the store can keep every catalogue the bot served with
    /// (a user's old plan is re-made from it when the rules change).
    text: std::sync::Arc<str>,
    default_group: usize,
    group_index: BTreeMap<String, usize>,
    country_index: BTreeMap<String, usize>,
    holiday_dates: BTreeSet<NaiveDate>,
    params: Params,
}

/// Counts for `jolserik check` and the start-up log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogueSummary {
    pub rules: usize,
    pub groups: usize,
    pub countries: usize,
    pub holiday_years: Vec<i32>,
    pub mci_years: Vec<i32>,
}

impl fmt::Display for CatalogueSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn span(years: &[i32]) -> String {
            match (years.first(), years.last()) {
                (Some(a), Some(b)) if a == b => a.to_string(),
                (Some(a), Some(b)) => format!("{a}-{b}"),
                _ => "none".to_string(),
            }
        }
        write!(
            f,
            "{} rules, {} countries in {} groups, holidays {} ({} years), MCI {} ({} years)",
            self.rules,
            self.countries,
            self.groups,
            span(&self.holiday_years),
            self.holiday_years.len(),
            span(&self.mci_years),
            self.mci_years.len()
        )
    }
}

/// Why a catalogue was refused. Every variant names the entry at fault.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// The file named in the config could not be read.
    #[error("cannot read the rule catalogue {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is not TOML of the expected shape; the cause names the line and key.
    #[error("the rule catalogue is not valid: {source}")]
    Parse {
        #[from]
        source: toml::de::Error,
    },
    /// `[meta]` holds a value this version cannot use.
    #[error("meta.{field}: unsupported value {value:?}")]
    BadMeta { field: &'static str, value: String },
    /// Two rules share an id.
    #[error("rule {rule} is defined twice")]
    DuplicateRule { rule: String },
    /// A rule the assessment needs is absent.
    #[error("rule {rule} ({slug}) is missing")]
    MissingRule { rule: String, slug: &'static str },
    /// A rule's slug does not match its id.
    #[error("rule {rule} has slug {found:?}, expected {expected:?}")]
    WrongSlug {
        rule: String,
        found: String,
        expected: &'static str,
    },
    /// A rule cites no source: the bot may not use a fact it cannot trace.
    #[error("rule {rule} has no source")]
    RuleWithoutSource { rule: String },
    /// An entry refers to a rule that is not in the catalogue.
    #[error("{entry} refers to unknown rule {rule:?}")]
    UnknownRule { entry: String, rule: String },
    /// A date that is not a date, or not in the expected form.
    #[error("{entry}: bad date {value:?}")]
    BadDate { entry: String, value: String },
    /// A link or source that is not an address or citation.
    #[error("{entry}: bad link or source {value:?}")]
    BadLink { entry: String, value: String },
    /// A country code the country table does not know.
    #[error("{entry}: unknown country code {code:?}")]
    UnknownCountry { entry: String, code: String },
    /// One country placed in more than one group (or twice in one).
    #[error("country {country} is in more than one group row: {groups}")]
    OverlappingGroups { country: String, groups: String },
    /// A group id not defined, or not one the bot has words for.
    #[error("{entry}: unknown group {group:?}")]
    UnknownGroup { entry: String, group: String },
    /// Two groups share an id.
    #[error("group {group} is defined twice")]
    DuplicateGroup { group: String },
    /// A group whose limits make no sense.
    #[error("group {group}: {problem}")]
    BadGroup {
        group: String,
        problem: &'static str,
    },
    /// A parameter the assessment needs is absent.
    #[error("rule {rule}: missing parameter {param}")]
    MissingParameter { rule: String, param: &'static str },
    /// A parameter the catalogue does not know (a typo would otherwise be ignored).
    #[error("rule {rule}: unknown parameter {param}")]
    UnknownParameter { rule: String, param: String },
    /// A parameter of the wrong kind or out of range.
    #[error("rule {rule}: parameter {param} {problem}")]
    BadParameter {
        rule: String,
        param: String,
        problem: &'static str,
    },
    /// A document id without words in the locales.
    #[error("rule {rule}: unknown document {doc:?}")]
    UnknownDocument { rule: String, doc: String },
    /// A note id without words in the locales.
    #[error("{entry}: unknown note {note:?}")]
    UnknownNote { entry: String, note: String },
    /// A holiday name without words in the locales.
    #[error("holidays {year}: unknown holiday {name:?}")]
    UnknownHoliday { year: i32, name: String },
    /// A holiday dated outside its year's list.
    #[error("holidays {year}: {date} is not in {year}")]
    HolidayOutsideYear { year: i32, date: NaiveDate },
    /// Two holiday lists for one year.
    #[error("holidays {year} are listed twice")]
    DuplicateHolidayYear { year: i32 },
    /// No MCI for a year that is needed: a gap in the table, an empty table, or a date
    /// asked about explicitly (`Catalogue::mci_for`).
    #[error("no MCI for the year {year}")]
    MissingMci { year: i32 },
    /// The MCI table is empty: no cost could be computed.
    #[error("the MCI table is empty")]
    NoMci,
    /// Two MCI values for one year.
    #[error("MCI for {year} is listed twice")]
    DuplicateMci { year: i32 },
    /// An MCI value that is not a positive amount.
    #[error("MCI for {year} is not a positive amount: {kzt}")]
    BadMci { year: i32, kzt: i64 },
}

// ---- the file as written -----------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    meta: RawMeta,
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    group: Vec<RawGroup>,
    #[serde(default)]
    country: Vec<RawCountry>,
    #[serde(default)]
    holidays: Vec<RawHolidayYear>,
    #[serde(default)]
    mci: Vec<RawMci>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    schema: u32,
    home_country: String,
    default_group: String,
    time_zone: String,
    /// A label for humans ("2026-12 visa-free list"); not the version the bot compares.
    version: Option<String>,
    /// One line on what changed, for the operator's log and `rules diff`.
    changelog: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    slug: String,
    confidence: Confidence,
    verified: String,
    link: Option<String>,
    #[serde(default)]
    documents: Vec<String>,
    #[serde(default)]
    params: BTreeMap<String, ParamValue>,
    #[serde(default)]
    source: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    url: String,
    date: Option<String>,
    #[serde(default)]
    date_kind: DateKind,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: String,
    rule: String,
    visa_free: bool,
    per_entry_days: Option<i64>,
    window_days: Option<i64>,
    window_limit_days: Option<i64>,
    #[serde(default)]
    work_without_permit: bool,
    #[serde(default = "yes")]
    study_allowed: bool,
    #[serde(default)]
    self_registration: bool,
    valid_from: Option<String>,
    confidence: Confidence,
    #[serde(default)]
    notes: Vec<String>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCountry {
    code: String,
    group: String,
    source: String,
    date: Option<String>,
    confidence: Confidence,
    #[serde(default)]
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHolidayYear {
    year: i32,
    confidence: Confidence,
    source: String,
    substitutes_modelled: bool,
    days: Vec<RawHoliday>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    date: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMci {
    year: i32,
    kzt: i64,
    source: String,
    date: Option<String>,
    confidence: Confidence,
}

// ---- loading and validation ----------------------------------------------------------

/// A full "YYYY-MM-DD" date.
fn parse_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn date_field(entry: impl Fn() -> String, value: &str) -> Result<NaiveDate, CatalogueError> {
    parse_date(value).ok_or_else(|| CatalogueError::BadDate {
        entry: entry(),
        value: value.to_string(),
    })
}

/// A source date: "YYYY", "YYYY-MM" or "YYYY-MM-DD", each part a real value.
fn valid_partial_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let numeric = |p: &str, len: usize| p.len() == len && p.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] => numeric(y, 4),
        [y, m] => numeric(y, 4) && numeric(m, 2) && matches!(m.parse::<u32>(), Ok(1..=12)),
        [_, _, _] => parse_date(s).is_some(),
        _ => false,
    }
}

fn partial_date_field(
    entry: impl Fn() -> String,
    value: Option<String>,
) -> Result<Option<String>, CatalogueError> {
    match value {
        Some(v) if !valid_partial_date(&v) => Err(CatalogueError::BadDate {
            entry: entry(),
            value: v,
        }),
        other => Ok(other),
    }
}

/// A link must be an https address; a source may also be a citation ("decree No. 148").
fn check_link(
    entry: impl Fn() -> String,
    value: &str,
    citation_ok: bool,
) -> Result<(), CatalogueError> {
    let trimmed = value.trim();
    let ok = if citation_ok {
        !trimmed.is_empty()
    } else {
        trimmed.starts_with("https://") && !trimmed.contains(char::is_whitespace)
    };
    if ok {
        Ok(())
    } else {
        Err(CatalogueError::BadLink {
            entry: entry(),
            value: value.to_string(),
        })
    }
}

impl Catalogue {
    /// Parses and validates a catalogue. `is_known_country` says whether an alpha-2 code
    /// names a country (the `countries` module owns that list).
    pub fn from_toml_str(
        text: &str,
        is_known_country: &dyn Fn(&str) -> bool,
    ) -> Result<Catalogue, CatalogueError> {
        let raw: RawCatalogue = toml::from_str(text)?;
        let mut catalogue = build(raw, is_known_country)?;
        catalogue.version = content_version(text);
        catalogue.text = std::sync::Arc::from(text);
        Ok(catalogue)
    }

    /// The content hash of the file this catalogue was read from: 16 hex digits.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The file's own `meta.version` label, if it has one.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// The file's `meta.changelog` line, if it has one.
    pub fn changelog(&self) -> Option<&str> {
        self.changelog.as_deref()
    }

    /// The file as it was read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Rules whose `verified` date is more than `stale_after_days` before `today`: due
    /// for a reviewer to check against their sources again (`jolserik check`, `/stats`).
    pub fn stale_rules(&self, today: NaiveDate, stale_after_days: u32) -> Vec<&Rule> {
        self.rules
            .iter()
            .filter(|r| (today - r.verified).num_days() > i64::from(stale_after_days))
            .collect()
    }

    /// The catalogue shipped in the binary (a test proves it validates).
    pub fn embedded(is_known_country: &dyn Fn(&str) -> bool) -> Result<Catalogue, CatalogueError> {
        Catalogue::from_toml_str(EMBEDDED_TOML, is_known_country)
    }

    /// A catalogue from a file, e.g. `rules.path` in config.toml.
    pub fn load(
        path: impl AsRef<Path>,
        is_known_country: &dyn Fn(&str) -> bool,
    ) -> Result<Catalogue, CatalogueError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| CatalogueError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Catalogue::from_toml_str(&text, is_known_country)
    }

    pub fn summary(&self) -> CatalogueSummary {
        CatalogueSummary {
            rules: self.rules.len(),
            groups: self.groups.len(),
            countries: self.countries.len(),
            holiday_years: self.holidays.iter().map(|h| h.year).collect(),
            mci_years: self.mci.iter().map(|m| m.year).collect(),
        }
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Rules in file order (R1, R2, R6...).
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.group_index.get(id).and_then(|&i| self.groups.get(i))
    }

    /// Country rows in file order.
    pub fn countries(&self) -> &[CountryRow] {
        &self.countries
    }

    pub fn holiday_years(&self) -> &[HolidayYear] {
        &self.holidays
    }

    pub fn mci_table(&self) -> &[MciRow] {
        &self.mci
    }

    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The country whose citizens are not migrants here (Kazakhstan).
    pub fn home_country(&self) -> &str {
        &self.home_country
    }

    /// The group of every country without a row (a visa group).
    pub fn default_group(&self) -> &Group {
        self.groups
            .get(self.default_group)
            .unwrap_or(&FALLBACK_GROUP)
    }

    /// The group of a citizenship; an unlisted code gets the default (visa) group.
    pub fn placement(&self, code: &str) -> Placement<'_> {
        let row = self
            .country_index
            .get(code)
            .and_then(|&i| self.countries.get(i));
        match row.and_then(|r| self.group(&r.group)) {
            Some(group) => Placement { group, row },
            None => Placement {
                group: self.default_group(),
                row: None,
            },
        }
    }

    /// The MCI of a year, if the catalogue has it.
    pub fn mci(&self, year: i32) -> Option<i64> {
        self.mci.iter().find(|m| m.year == year).map(|m| m.kzt)
    }

    /// The MCI in force on a date, for an explicit request (the CLI, a review): a year
    /// without a value is an error naming the year.
    pub fn mci_for(&self, date: NaiveDate) -> Result<i64, CatalogueError> {
        self.mci(date.year())
            .ok_or(CatalogueError::MissingMci { year: date.year() })
    }

    /// The MCI for a year, or the nearest known year's when the year is missing: the
    /// latest year before it, else the earliest listed. The second value is the year
    /// actually used, so the caller can say the amount is an estimate.
    pub fn mci_or_nearest(&self, year: i32) -> Option<(i64, i32)> {
        if let Some(kzt) = self.mci(year) {
            return Some((kzt, year));
        }
        self.mci
            .iter()
            .filter(|m| m.year < year)
            .max_by_key(|m| m.year)
            .or_else(|| self.mci.iter().min_by_key(|m| m.year))
            .map(|m| (m.kzt, m.year))
    }

    /// Whether a date is a listed public holiday.
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holiday_dates.contains(&date)
    }

    /// Whether the catalogue lists the holidays of a year at all.
    pub fn has_holidays_for(&self, year: i32) -> bool {
        self.holidays.iter().any(|h| h.year == year)
    }
}

/// The version of a catalogue file: FNV-1a (64 bits) over its bytes, in hex. Stable
/// across builds and platforms, which std's hashers do not promise.
pub fn content_version(text: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = text
        .bytes()
        .fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    format!("{hash:016x}")
}

/// Used only if a lookup ever misses the default group, which validation rules out; it
/// keeps the lookups total. The safest reading: a visa country with nothing known.
static FALLBACK_GROUP: Group = Group {
    id: String::new(),
    rule: String::new(),
    visa_free: false,
    per_entry_days: None,
    window: None,
    work_without_permit: false,
    study_allowed: true,
    self_registration: false,
    valid_from: None,
    confidence: Confidence::Low,
    notes: Vec::new(),
};

fn build(
    raw: RawCatalogue,
    is_known_country: &dyn Fn(&str) -> bool,
) -> Result<Catalogue, CatalogueError> {
    // [meta]
    if raw.meta.schema != 1 {
        return Err(CatalogueError::BadMeta {
            field: "schema",
            value: raw.meta.schema.to_string(),
        });
    }
    if raw.meta.time_zone != "Asia/Almaty" {
        return Err(CatalogueError::BadMeta {
            field: "time_zone",
            value: raw.meta.time_zone,
        });
    }
    if !is_known_country(&raw.meta.home_country) {
        return Err(CatalogueError::UnknownCountry {
            entry: "meta.home_country".to_string(),
            code: raw.meta.home_country,
        });
    }

    let rules = build_rules(raw.rule)?;
    let (groups, group_index) = build_groups(raw.group, &rules)?;
    let default_group = match group_index.get(&raw.meta.default_group) {
        Some(&i) => i,
        None => {
            return Err(CatalogueError::UnknownGroup {
                entry: "meta.default_group".to_string(),
                group: raw.meta.default_group,
            })
        }
    };
    let (countries, country_index) = build_countries(
        raw.country,
        &group_index,
        &raw.meta.home_country,
        is_known_country,
    )?;
    let (holidays, holiday_dates) = build_holidays(raw.holidays)?;
    let mci = build_mci(raw.mci)?;
    let params = resolve_params(&rules, &group_index, is_known_country)?;

    Ok(Catalogue {
        rules,
        groups,
        countries,
        holidays,
        mci,
        home_country: raw.meta.home_country,
        version: String::new(),
        label: raw.meta.version,
        changelog: raw.meta.changelog,
        text: std::sync::Arc::from(""),
        default_group,
        group_index,
        country_index,
        holiday_dates,
        params,
    })
}

/// Groups with their limits checked, and an index by id.
fn build_groups(
    raw: Vec<RawGroup>,
    rules: &[Rule],
) -> Result<(Vec<Group>, BTreeMap<String, usize>), CatalogueError> {
    let rule_ids: BTreeSet<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    let mut groups = Vec::new();
    let mut group_index = BTreeMap::new();
    for g in raw {
        let entry = || format!("group {}", g.id);
        if !KNOWN_GROUPS.contains(&g.id.as_str()) {
            return Err(CatalogueError::UnknownGroup {
                entry: "group".to_string(),
                group: g.id,
            });
        }
        if group_index.contains_key(&g.id) {
            return Err(CatalogueError::DuplicateGroup { group: g.id });
        }
        if !rule_ids.contains(g.rule.as_str()) {
            return Err(CatalogueError::UnknownRule {
                entry: entry(),
                rule: g.rule,
            });
        }
        let bad = |problem| CatalogueError::BadGroup {
            group: g.id.clone(),
            problem,
        };
        let window = match (g.window_days, g.window_limit_days) {
            (Some(days), Some(limit)) => {
                if limit <= 0 || days <= 0 || limit >= days {
                    return Err(bad(
                        "the window limit must be positive and shorter than the window",
                    ));
                }
                Some(Window { days, limit })
            }
            (None, None) => None,
            _ => return Err(bad("window_days and window_limit_days go together")),
        };
        if let Some(n) = g.per_entry_days {
            if n <= 0 {
                return Err(bad("per_entry_days must be positive"));
            }
        }
        if g.visa_free && g.per_entry_days.is_none() && window.is_none() {
            return Err(bad("a visa-free group needs per_entry_days or a window"));
        }
        if !g.visa_free && (g.per_entry_days.is_some() || window.is_some()) {
            return Err(bad("a visa group cannot have visa-free limits"));
        }
        let valid_from = match &g.valid_from {
            Some(v) => Some(date_field(entry, v)?),
            None => None,
        };
        let notes = parse_notes(&entry(), &g.notes)?;
        group_index.insert(g.id.clone(), groups.len());
        groups.push(Group {
            id: g.id,
            rule: g.rule,
            visa_free: g.visa_free,
            per_entry_days: g.per_entry_days,
            window,
            work_without_permit: g.work_without_permit,
            study_allowed: g.study_allowed,
            self_registration: g.self_registration,
            valid_from,
            confidence: g.confidence,
            notes,
        });
    }
    Ok((groups, group_index))
}

/// One row per country code, each in exactly one known group.
fn build_countries(
    raw: Vec<RawCountry>,
    group_index: &BTreeMap<String, usize>,
    home_country: &str,
    is_known_country: &dyn Fn(&str) -> bool,
) -> Result<(Vec<CountryRow>, BTreeMap<String, usize>), CatalogueError> {
    let mut countries: Vec<CountryRow> = Vec::new();
    let mut country_index: BTreeMap<String, usize> = BTreeMap::new();
    for (n, c) in raw.into_iter().enumerate() {
        let entry = || format!("country row {} ({})", n + 1, c.code);
        if !is_known_country(&c.code) {
            return Err(CatalogueError::UnknownCountry {
                entry: format!("country row {}", n + 1),
                code: c.code,
            });
        }
        if !group_index.contains_key(&c.group) {
            return Err(CatalogueError::UnknownGroup {
                entry: entry(),
                group: c.group,
            });
        }
        if let Some(&i) = country_index.get(&c.code) {
            let first = countries.get(i).map(|r| r.group.as_str()).unwrap_or("?");
            return Err(CatalogueError::OverlappingGroups {
                groups: format!("{first}, {}", c.group),
                country: c.code,
            });
        }
        if c.code == home_country {
            return Err(CatalogueError::BadMeta {
                field: "home_country",
                value: format!("{} also has a country row", c.code),
            });
        }
        check_link(entry, &c.source, true)?;
        let date = partial_date_field(entry, c.date.clone())?;
        let notes = parse_notes(&entry(), &c.notes)?;
        country_index.insert(c.code.clone(), countries.len());
        countries.push(CountryRow {
            code: c.code,
            group: c.group,
            source: c.source,
            date,
            confidence: c.confidence,
            notes,
        });
    }

    Ok((countries, country_index))
}

/// Holiday lists by year, each date inside its year.
fn build_holidays(
    raw: Vec<RawHolidayYear>,
) -> Result<(Vec<HolidayYear>, BTreeSet<NaiveDate>), CatalogueError> {
    let mut holidays: Vec<HolidayYear> = Vec::new();
    let mut holiday_dates = BTreeSet::new();
    for h in raw {
        if holidays.iter().any(|x| x.year == h.year) {
            return Err(CatalogueError::DuplicateHolidayYear { year: h.year });
        }
        check_link(|| format!("holidays {}", h.year), &h.source, true)?;
        let mut days = Vec::new();
        for (n, d) in h.days.into_iter().enumerate() {
            let date = date_field(|| format!("holidays {}, day {}", h.year, n + 1), &d.date)?;
            if date.year() != h.year {
                return Err(CatalogueError::HolidayOutsideYear { year: h.year, date });
            }
            if !KNOWN_HOLIDAYS.contains(&d.name.as_str()) {
                return Err(CatalogueError::UnknownHoliday {
                    year: h.year,
                    name: d.name,
                });
            }
            holiday_dates.insert(date);
            days.push(Holiday { date, name: d.name });
        }
        days.sort_by_key(|d| d.date);
        holidays.push(HolidayYear {
            year: h.year,
            confidence: h.confidence,
            source: h.source,
            substitutes_modelled: h.substitutes_modelled,
            days,
        });
    }
    holidays.sort_by_key(|h| h.year);

    Ok((holidays, holiday_dates))
}

/// MCI: at least one year, no duplicates, no gaps (a gap would silently borrow the
/// previous year's value for a year the law set differently).
fn build_mci(raw: Vec<RawMci>) -> Result<Vec<MciRow>, CatalogueError> {
    let mut mci: Vec<MciRow> = Vec::new();
    for m in raw {
        if mci.iter().any(|x| x.year == m.year) {
            return Err(CatalogueError::DuplicateMci { year: m.year });
        }
        if m.kzt <= 0 {
            return Err(CatalogueError::BadMci {
                year: m.year,
                kzt: m.kzt,
            });
        }
        let entry = || format!("mci {}", m.year);
        check_link(entry, &m.source, true)?;
        let date = partial_date_field(entry, m.date.clone())?;
        mci.push(MciRow {
            year: m.year,
            kzt: m.kzt,
            source: m.source,
            date,
            confidence: m.confidence,
        });
    }
    mci.sort_by_key(|m| m.year);
    let (first, last) = match (mci.first(), mci.last()) {
        (Some(a), Some(b)) => (a.year, b.year),
        _ => return Err(CatalogueError::NoMci),
    };
    for year in first..=last {
        if !mci.iter().any(|m| m.year == year) {
            return Err(CatalogueError::MissingMci { year });
        }
    }

    Ok(mci)
}

fn parse_notes(entry: &str, notes: &[String]) -> Result<Vec<GroupNote>, CatalogueError> {
    notes
        .iter()
        .map(|n| {
            GroupNote::parse(n).ok_or_else(|| CatalogueError::UnknownNote {
                entry: entry.to_string(),
                note: n.clone(),
            })
        })
        .collect()
}

fn build_rules(raw: Vec<RawRule>) -> Result<Vec<Rule>, CatalogueError> {
    let mut rules: Vec<Rule> = Vec::new();
    for r in raw {
        if rules.iter().any(|x| x.id == r.id) {
            return Err(CatalogueError::DuplicateRule { rule: r.id });
        }
        if let Some((_, expected)) = REQUIRED_RULES.iter().find(|(id, _)| *id == r.id) {
            if r.slug != *expected {
                return Err(CatalogueError::WrongSlug {
                    rule: r.id,
                    found: r.slug,
                    expected,
                });
            }
        } else {
            // Only the fact sheet's rules exist; an id it does not have is a typo or an
            // invented rule.
            return Err(CatalogueError::UnknownRule {
                entry: "rule".to_string(),
                rule: r.id,
            });
        }
        let id = r.id.clone();
        let entry = || format!("rule {id}");
        let verified = date_field(entry, &r.verified)?;
        if r.source.is_empty() {
            return Err(CatalogueError::RuleWithoutSource { rule: r.id });
        }
        let mut sources = Vec::new();
        for (n, s) in r.source.into_iter().enumerate() {
            let entry = || format!("rule {id} source {}", n + 1);
            check_link(entry, &s.url, false)?;
            let date = partial_date_field(entry, s.date)?;
            sources.push(Source {
                url: s.url,
                date,
                date_kind: s.date_kind,
            });
        }
        if let Some(link) = &r.link {
            check_link(|| format!("rule {id} link"), link, false)?;
        }
        for doc in &r.documents {
            if !KNOWN_DOCUMENTS.contains(&doc.as_str()) {
                return Err(CatalogueError::UnknownDocument {
                    rule: r.id,
                    doc: doc.clone(),
                });
            }
        }
        for (key, value) in &r.params {
            let Some((_, kind)) = PARAMS.iter().find(|(k, _)| k == key) else {
                return Err(CatalogueError::UnknownParameter {
                    rule: r.id,
                    param: key.clone(),
                });
            };
            let bad = |problem| CatalogueError::BadParameter {
                rule: id.clone(),
                param: key.clone(),
                problem,
            };
            match (kind, value) {
                (ParamKind::Count, ParamValue::Int(n)) => {
                    if *n < 0 || (*n == 0 && !MAY_BE_ZERO.contains(&key.as_str())) {
                        return Err(bad("must be a positive number"));
                    }
                }
                (ParamKind::Date, ParamValue::Text(s)) => {
                    date_field(|| format!("rule {id} parameter {key}"), s)?;
                }
                (ParamKind::Countries, ParamValue::List(_)) => {}
                (ParamKind::Group, ParamValue::Text(_)) => {}
                (ParamKind::Count, _) => return Err(bad("must be a number")),
                (ParamKind::Date, _) => return Err(bad("must be a date \"YYYY-MM-DD\"")),
                (ParamKind::Countries, _) => return Err(bad("must be a list of country codes")),
                (ParamKind::Group, _) => return Err(bad("must be a group id")),
            }
        }
        rules.push(Rule {
            id: r.id,
            slug: r.slug,
            confidence: r.confidence,
            verified,
            link: r.link,
            documents: r.documents,
            params: r.params,
            sources,
        });
    }
    for (id, slug) in REQUIRED_RULES {
        if !rules.iter().any(|r| r.id == id) {
            return Err(CatalogueError::MissingRule {
                rule: id.to_string(),
                slug,
            });
        }
    }
    for (id, keys) in REQUIRED_PARAMS {
        let Some(rule) = rules.iter().find(|r| r.id == id) else {
            continue;
        };
        for key in keys {
            if !rule.params.contains_key(*key) {
                return Err(CatalogueError::MissingParameter {
                    rule: id.to_string(),
                    param: key,
                });
            }
        }
    }
    Ok(rules)
}

/// Pulls the typed parameters out of validated rules, checking cross-references
/// (country codes, the EAEU group id) on the way.
fn resolve_params(
    rules: &[Rule],
    group_index: &BTreeMap<String, usize>,
    is_known_country: &dyn Fn(&str) -> bool,
) -> Result<Params, CatalogueError> {
    let rule = |id: &str| {
        rules
            .iter()
            .find(|r| r.id == id)
            .ok_or(CatalogueError::MissingRule {
                rule: id.to_string(),
                slug: REQUIRED_RULES
                    .iter()
                    .find(|(r, _)| *r == id)
                    .map(|(_, s)| *s)
                    .unwrap_or(""),
            })
    };
    let int = |id: &str, key: &'static str| -> Result<i64, CatalogueError> {
        rule(id)?.int(key).ok_or(CatalogueError::MissingParameter {
            rule: id.to_string(),
            param: key,
        })
    };
    let date = |id: &str, key: &'static str| -> Result<NaiveDate, CatalogueError> {
        rule(id)?.date(key).ok_or(CatalogueError::MissingParameter {
            rule: id.to_string(),
            param: key,
        })
    };
    let codes = |id: &str, key: &'static str| -> Result<BTreeSet<String>, CatalogueError> {
        let r = rule(id)?;
        let mut set = BTreeSet::new();
        for code in r.list(key) {
            if !is_known_country(code) {
                return Err(CatalogueError::UnknownCountry {
                    entry: format!("rule {id} parameter {key}"),
                    code: code.clone(),
                });
            }
            set.insert(code.clone());
        }
        Ok(set)
    };
    // Every country list and group id in any rule must be known, not just the ones
    // the assessment reads.
    for r in rules {
        for (key, value) in &r.params {
            match value {
                ParamValue::List(items) => {
                    if let Some(code) = items.iter().find(|c| !is_known_country(c)) {
                        return Err(CatalogueError::UnknownCountry {
                            entry: format!("rule {} parameter {key}", r.id),
                            code: code.clone(),
                        });
                    }
                }
                ParamValue::Text(group)
                    if PARAMS.contains(&(key.as_str(), ParamKind::Group))
                        && !group_index.contains_key(group) =>
                {
                    return Err(CatalogueError::UnknownGroup {
                        entry: format!("rule {} parameter {key}", r.id),
                        group: group.clone(),
                    });
                }
                _ => {}
            }
        }
    }
    let eaeu_group = match rule("R9")?.params.get("eaeu_group") {
        Some(ParamValue::Text(g)) if group_index.contains_key(g) => g.clone(),
        Some(ParamValue::Text(g)) => {
            return Err(CatalogueError::UnknownGroup {
                entry: "rule R9 parameter eaeu_group".to_string(),
                group: g.clone(),
            })
        }
        _ => {
            return Err(CatalogueError::MissingParameter {
                rule: "R9".to_string(),
                param: "eaeu_group",
            })
        }
    };
    let household_eligible = codes("R11", "eligible")?;
    let household_eligible_unconfirmed = codes("R11", "eligible_unconfirmed")?;
    if let Some(code) = household_eligible
        .intersection(&household_eligible_unconfirmed)
        .next()
    {
        return Err(CatalogueError::OverlappingGroups {
            country: code.clone(),
            groups: "R11 eligible, R11 eligible_unconfirmed".to_string(),
        });
    }
    let overstay_warning_max_days = int("R8", "warning_max_days")?;
    let overstay_fine_max_days = int("R8", "fine_max_days")?;
    if overstay_fine_max_days <= overstay_warning_max_days {
        return Err(CatalogueError::BadParameter {
            rule: "R8".to_string(),
            param: "fine_max_days".to_string(),
            problem: "must be more than warning_max_days",
        });
    }
    Ok(Params {
        host_notice_working_days: int("R6", "working_days")?,
        self_registration_from: date("R7", "in_force_from")?,
        self_registration_days: int("R7", "calendar_days")?,
        self_registration_move_working_days: int("R7", "move_working_days")?,
        overstay_warning_max_days,
        overstay_fine_max_days,
        overstay_fine_mci: int("R8", "fine_mci")?,
        overstay_ban_years: int("R8", "entry_ban_years")?,
        trp_stay_over_days: int("R9", "stay_over_days")?,
        trp_stay_over_days_eaeu: int("R9", "stay_over_days_eaeu")?,
        eaeu_group,
        employer_change_days: int("R10", "employer_change_days")?,
        household_eligible,
        household_eligible_unconfirmed,
        border_mark_months: int("R11", "border_mark_months")?,
        labour_tax_mci_per_month: int("R12", "fee_mci_per_month")?,
        iin_fee_mci: int("R14", "fee_mci")?,
        kandas_fee_mci: int("R17", "fee_mci")?,
    })
}

#[cfg(test)]
mod tests;
