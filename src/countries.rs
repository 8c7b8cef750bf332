//! The country table and the matcher for a typed country.
//!
//! The table (`data/countries.toml`, embedded at build time) lists every ISO 3166-1
//! country with its codes, its names in Russian, Kazakh and English (and, where given,
//! Uzbek, Tajik and Kyrgyz), the other spellings
//! users type, and the rank of the fifteen countries offered as buttons. It holds names
//! and codes only: what a citizenship means for visas and stays is the rules' business.
//! The table is checked when it is loaded, so a bad edit fails at start-up and names the
//! entry instead of producing wrong matches later.
//!
//! [`Countries::match_input`] turns free text ("uz", "Өзбекстан", "Узбекстан", "Rusia",
//! "🇺🇿") into a country. It is written for hostile input: it bounds its work by the
//! length of the text and never panics.

use std::collections::HashMap;

use serde::Deserialize;

use crate::domain::{CountryCode, Lang};

/// The table shipped with the bot.
const EMBEDDED: &str = include_str!("../data/countries.toml");

/// How many countries get a button, ranked 1..=COMMON_COUNT in the table.
pub const COMMON_COUNT: usize = 15;

/// The most countries an [`CountryMatch::Ambiguous`] answer lists: more would not fit a
/// row of buttons, and the user can always type more letters.
pub const AMBIGUOUS_MAX: usize = 3;

/// Longer input (in characters, after trimming) is not a country name: the longest name
/// in the table is shorter, and the cap bounds the work done on pasted text.
const MAX_INPUT_CHARS: usize = 64;

/// Shorter input is matched only exactly; a prefix of three letters starts too many names.
const MIN_PREFIX_CHARS: usize = 4;

/// The most words of one input looked at one by one.
const MAX_WORDS: usize = 8;

/// One country or territory of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// The ISO 3166-1 alpha-2 code, upper case.
    pub alpha2: CountryCode,
    /// The ISO 3166-1 alpha-3 code, upper case.
    pub alpha3: String,
    pub ru: String,
    pub kk: String,
    pub en: String,
    /// The Uzbek (Latin), Tajik and Kyrgyz names. Optional while the translations are
    /// being written: a missing one shows the English name.
    pub uz: Option<String>,
    pub tg: Option<String>,
    pub ky: Option<String>,
    /// Other spellings users type; matched, never shown.
    pub aliases: Vec<String>,
    /// The button rank, 1 first, for the [`COMMON_COUNT`] most frequent countries.
    pub common: Option<u8>,
}

impl Country {
    /// The name shown to a user who speaks `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ru => &self.ru,
            Lang::Kk => &self.kk,
            Lang::En => &self.en,
            Lang::Uz => self.uz.as_deref().unwrap_or(&self.en),
            Lang::Tg => self.tg.as_deref().unwrap_or(&self.en),
            Lang::Ky => self.ky.as_deref().unwrap_or(&self.en),
        }
    }

    /// The flag emoji: the two regional-indicator symbols for the alpha-2 code.
    pub fn flag(&self) -> String {
        self.alpha2
            .as_str()
            .chars()
            .filter_map(|c| {
                let offset = u32::from(c).checked_sub(u32::from('A'))?;
                char::from_u32(0x1F1E6 + offset)
            })
            .collect()
    }
}

/// What a typed text names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountryMatch {
    /// A code, a flag, or a name or alias in any language, up to case, punctuation and
    /// diacritics: safe to take without asking.
    Exact(CountryCode),
    /// One country is clearly meant (a typo, the start of a name, a name inside a longer
    /// text); the bot should confirm it.
    Probable(CountryCode),
    /// Several countries fit equally well, best first, at most [`AMBIGUOUS_MAX`].
    Ambiguous(Vec<CountryCode>),
    NoMatch,
}

/// Why the table could not be loaded. Every message names the entry at fault.
#[derive(Debug, thiserror::Error)]
pub enum CountriesError {
    #[error("country table is not valid TOML: {source}")]
    Parse {
        #[from]
        source: toml::de::Error,
    },
    #[error("country {code}: {what} is already used by country {other}")]
    Duplicate {
        code: String,
        /// The code, name or alias used twice, as written in the table.
        what: String,
        other: String,
    },
    #[error("country #{index} (alpha2 {alpha2:?}): {field} {value:?} must be {expected}")]
    BadCode {
        /// 1-based position of the entry in the table.
        index: usize,
        alpha2: String,
        field: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("country {code}: the {lang} name is missing or has no letters")]
    MissingName { code: String, lang: Lang },
    #[error("country {code}: alias {alias:?} has no letters")]
    BadAlias { code: String, alias: String },
    #[error("common = {rank}: {reason}")]
    BadCommon { rank: i64, reason: String },
}

/// The country table with its lookup indexes. Immutable once built, so it can be shared
/// between handlers (`Send + Sync`); lookups by code are hash lookups.
#[derive(Debug, Clone)]
pub struct Countries {
    list: Vec<Country>,
    by_alpha2: HashMap<CountryCode, usize>,
    by_alpha3: HashMap<String, usize>,
    /// Normalized names and aliases to the index of their country.
    by_key: HashMap<String, usize>,
    /// The same keys as a list, for the prefix and typo searches.
    keys: Vec<Key>,
    /// Indexes of the common countries in rank order.
    common: Vec<usize>,
}

/// A normalized name or alias of one country.
#[derive(Debug, Clone)]
struct Key {
    text: String,
    chars: Vec<char>,
    country: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    #[serde(default)]
    country: Vec<RawCountry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCountry {
    alpha2: String,
    alpha3: String,
    // Absent names default to empty so that the error is `MissingName` with the entry's
    // code rather than a bare TOML "missing field".
    #[serde(default)]
    ru: String,
    #[serde(default)]
    kk: String,
    #[serde(default)]
    en: String,
    uz: Option<String>,
    tg: Option<String>,
    ky: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    // Wider than the u8 it becomes, so 0, -1 or 300 get our message, not serde's.
    common: Option<i64>,
}

impl Countries {
    /// The table embedded in the binary.
    pub fn embedded() -> Result<Countries, CountriesError> {
        Countries::from_toml_str(EMBEDDED)
    }

    /// Parses and checks a table in the format of `data/countries.toml`.
    pub fn from_toml_str(text: &str) -> Result<Countries, CountriesError> {
        let raw: RawTable = toml::from_str(text)?;
        build(raw)
    }

    pub fn get(&self, code: &CountryCode) -> Option<&Country> {
        self.by_alpha2.get(code).map(|&i| &self.list[i])
    }

    /// Whether `code` is the alpha-2 code of a country in the table, in any case.
    pub fn contains(&self, code: &str) -> bool {
        CountryCode::parse(code).is_some_and(|c| self.by_alpha2.contains_key(&c))
    }

    pub fn name(&self, code: &CountryCode, lang: Lang) -> Option<&str> {
        self.get(code).map(|c| c.name(lang))
    }

    /// The countries offered as buttons, in button order.
    pub fn common(&self) -> Vec<&Country> {
        self.common.iter().map(|&i| &self.list[i]).collect()
    }

    /// Every country, in table order.
    pub fn iter(&self) -> impl Iterator<Item = &Country> + '_ {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Says which country a typed text names.
    ///
    /// In order: a flag emoji; an alpha-2 or alpha-3 code (only for 2–3 ASCII letters, so
    /// that "Oman" is never read as a code); a name or alias in any language after
    /// normalization; the start of names (4+ letters); names within a few typos; and, for
    /// text of several words, a name among the words ("гражданин России").
    pub fn match_input(&self, text: &str) -> CountryMatch {
        let text = text.trim();
        if text.chars().nth(MAX_INPUT_CHARS).is_some() {
            return CountryMatch::NoMatch;
        }
        if let Some(code) = flag_code(text) {
            if self.by_alpha2.contains_key(&code) {
                return CountryMatch::Exact(code);
            }
        }
        if let Some(i) = self.code_index(text) {
            return CountryMatch::Exact(self.list[i].alpha2.clone());
        }
        let norm = normalize(text);
        if norm.is_empty() {
            return CountryMatch::NoMatch;
        }
        if let Some(&i) = self.by_key.get(&norm) {
            return CountryMatch::Exact(self.list[i].alpha2.clone());
        }
        match self.match_inexact(&norm) {
            CountryMatch::NoMatch if norm.contains(' ') => self.match_words(&norm),
            found => found,
        }
    }

    fn code_index(&self, text: &str) -> Option<usize> {
        if !(2..=3).contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let upper = text.to_ascii_uppercase();
        match CountryCode::parse(&upper) {
            Some(code) => self.by_alpha2.get(&code).copied(),
            None => self.by_alpha3.get(&upper).copied(),
        }
    }

    /// Prefix and typo matching of a normalized text that is not itself a key.
    fn match_inexact(&self, norm: &str) -> CountryMatch {
        let input: Vec<char> = norm.chars().collect();
        let prefixed = self.prefix_candidates(norm, input.len());
        let fuzzy = self.fuzzy_candidates(&input);
        match prefixed.len() {
            0 => {}
            1 => return self.probable(prefixed[0].country),
            // "Guine" starts Guinea and Guinea-Bissau but is one typo from Guinea only.
            _ => {
                if let [only] = fuzzy.as_slice() {
                    if prefixed.iter().any(|p| p.country == only.country) {
                        return self.probable(only.country);
                    }
                }
                return self.ambiguous(prefixed);
            }
        }
        match fuzzy.len() {
            0 => CountryMatch::NoMatch,
            1 => self.probable(fuzzy[0].country),
            _ => self.ambiguous(fuzzy),
        }
    }

    /// Countries with a key that starts with the input, each with its shortest such key.
    fn prefix_candidates(&self, norm: &str, len: usize) -> Vec<Candidate> {
        let mut found = Vec::new();
        if len < MIN_PREFIX_CHARS {
            return found;
        }
        for key in &self.keys {
            if key.text.starts_with(norm) {
                add_candidate(&mut found, key.country, key.chars.len());
            }
        }
        found
    }

    /// Countries with a key at the smallest edit distance within the allowed typos.
    fn fuzzy_candidates(&self, input: &[char]) -> Vec<Candidate> {
        let mut found = Vec::new();
        if allowed_typos(input.len()) == 0 {
            return found;
        }
        let mut best = usize::MAX;
        let mut rows = Rows::default();
        for key in &self.keys {
            // Tolerance follows the shorter side, so a long input does not reach short
            // abbreviations ("рф", "uk") that a few edits would turn into anything.
            let allowed = allowed_typos(input.len().min(key.chars.len())).min(best);
            if allowed == 0 {
                continue;
            }
            let Some(d) = osa_distance(input, &key.chars, allowed, &mut rows) else {
                continue;
            };
            if d < best {
                best = d;
                found.clear();
            }
            add_candidate(&mut found, key.country, key.chars.len());
        }
        found
    }

    /// Looks for a country among the words of a text the whole of which matched nothing.
    fn match_words(&self, norm: &str) -> CountryMatch {
        // A whole name inside the text, the longest first: "гвинея бисау республикасы"
        // is Guinea-Bissau, not Guinea.
        let mut best: Option<(usize, usize)> = None; // (key length, country)
        let mut tied = false;
        for key in &self.keys {
            if !contains_words(norm, &key.text) {
                continue;
            }
            let len = key.chars.len();
            match best {
                Some((best_len, _)) if len < best_len => {}
                Some((best_len, country)) if len == best_len => tied |= country != key.country,
                _ => {
                    best = Some((len, key.country));
                    tied = false;
                }
            }
        }
        if let Some((_, country)) = best {
            return if tied {
                CountryMatch::NoMatch
            } else {
                self.probable(country)
            };
        }
        // Then each word on its own, for inflected forms: "из Узбекистана".
        let mut hit: Option<usize> = None;
        for word in norm.split(' ').take(MAX_WORDS) {
            if word.chars().count() < MIN_PREFIX_CHARS {
                continue;
            }
            if let CountryMatch::Probable(code) = self.match_inexact(word) {
                let Some(&i) = self.by_alpha2.get(&code) else {
                    continue;
                };
                match hit {
                    Some(h) if h != i => return CountryMatch::NoMatch,
                    _ => hit = Some(i),
                }
            }
        }
        hit.map_or(CountryMatch::NoMatch, |i| self.probable(i))
    }

    fn probable(&self, country: usize) -> CountryMatch {
        CountryMatch::Probable(self.list[country].alpha2.clone())
    }

    /// The candidates best first: button countries (the likely ones for this bot), then
    /// those whose matching name is shortest (closest to what was typed).
    fn ambiguous(&self, mut found: Vec<Candidate>) -> CountryMatch {
        found.sort_by_key(|c| {
            let rank = self.list[c.country].common.unwrap_or(u8::MAX);
            (rank, c.key_len, c.country)
        });
        CountryMatch::Ambiguous(
            found
                .iter()
                .take(AMBIGUOUS_MAX)
                .map(|c| self.list[c.country].alpha2.clone())
                .collect(),
        )
    }
}

/// A country found by prefix or typo, with the length of its closest key.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    country: usize,
    key_len: usize,
}

fn add_candidate(found: &mut Vec<Candidate>, country: usize, key_len: usize) {
    match found.iter_mut().find(|c| c.country == country) {
        Some(c) => c.key_len = c.key_len.min(key_len),
        None => found.push(Candidate { country, key_len }),
    }
}

/// Whether `needle` occurs in `hay` as whole words (both are normalized: words are
/// separated by single spaces).
fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(at, _)| {
        let end = at + needle.len();
        (at == 0 || hay.as_bytes()[at - 1] == b' ')
            && (end == hay.len() || hay.as_bytes()[end] == b' ')
    })
}

/// Typos allowed in a word of `len` characters: none in very short words, where one edit
/// turns any abbreviation into another; then one per five letters or so.
fn allowed_typos(len: usize) -> usize {
    match len {
        0..=2 => 0,
        3..=5 => 1,
        6..=10 => 2,
        _ => 3,
    }
}

/// Reused rows of the distance table, so a search allocates once, not once per key.
#[derive(Default)]
struct Rows {
    before: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

/// The optimal-string-alignment distance (Damerau-Levenshtein where adjacent
/// transpositions count as one edit), or `None` when it exceeds `max`. Stops as soon as
/// a whole row exceeds `max`, since no later row can come back under it.
fn osa_distance(a: &[char], b: &[char], max: usize, rows: &mut Rows) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    rows.before.clear();
    rows.before.resize(n + 1, 0);
    rows.prev.clear();
    rows.prev.extend(0..=n);
    rows.cur.clear();
    rows.cur.resize(n + 1, 0);
    for i in 1..=a.len() {
        rows.cur[0] = i;
        let mut row_min = i;
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows.prev[j] + 1)
                .min(rows.cur[j - 1] + 1)
                .min(rows.prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows.before[j - 2] + 1);
            }
            rows.cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut rows.before, &mut rows.prev);
        std::mem::swap(&mut rows.prev, &mut rows.cur);
    }
    let d = rows.prev[n];
    (d <= max).then_some(d)
}

/// The country code of a leading flag emoji (two regional-indicator symbols).
fn flag_code(text: &str) -> Option<CountryCode> {
    let mut letters = String::with_capacity(2);
    for c in text.chars().take(2) {
        let offset = u32::from(c).checked_sub(0x1F1E6).filter(|&o| o < 26)?;
        letters.push(char::from_u32(u32::from('A') + offset)?);
    }
    CountryCode::parse(&letters)
}

/// The form in which names are compared: lower case, letters and digits only, with
/// diacritics removed and the letters of Kazakh and the neighbouring languages folded to
/// plain Russian ones (so "Қазақстан" and "Казакстан" meet), words separated by single
/// spaces. Apostrophes vanish rather than split words: "O'zbekiston", "d'Ivoire".
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_apostrophe(c) || is_combining(c) {
            continue;
        }
        let Some((first, second)) = fold(c) else {
            space = true;
            continue;
        };
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(first);
        out.extend(second);
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{00B4}' | '\u{02B9}' | '\u{02BB}' | '\u{02BC}' | '\u{2018}' | '\u{2019}'
    )
}

/// Combining marks, as left by decomposed input ("u" + U+0308) or by lower-casing "İ".
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}')
}

/// The plain letters a lower-case character stands for, or `None` for a separator.
fn fold(c: char) -> Option<(char, Option<char>)> {
    let plain = match c {
        // Kazakh, Uzbek, Tajik, Kyrgyz, Ukrainian and Belarusian letters, and ё.
        'ә' => 'а',
        'ө' => 'о',
        'ү' | 'ұ' | 'ў' | 'ӯ' => 'у',
        'қ' => 'к',
        'ғ' | 'ґ' => 'г',
        'ң' => 'н',
        'һ' | 'ҳ' => 'х',
        'і' | 'ї' | 'ӣ' => 'и',
        'ё' | 'є' => 'е',
        'ҷ' => 'ч',
        // Latin letters with diacritics, including Turkish and Azerbaijani ones.
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ə' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ß' => return Some(('s', Some('s'))),
        'æ' => return Some(('a', Some('e'))),
        'œ' => return Some(('o', Some('e'))),
        'þ' => return Some(('t', Some('h'))),
        c if c.is_alphanumeric() => c,
        _ => return None,
    };
    Some((plain, None))
}

fn build(raw: RawTable) -> Result<Countries, CountriesError> {
    let mut list = Vec::with_capacity(raw.country.len());
    let mut by_alpha2 = HashMap::new();
    let mut by_alpha3 = HashMap::new();
    let mut ranks: [Option<usize>; COMMON_COUNT] = [None; COMMON_COUNT];

    for (i, r) in raw.country.into_iter().enumerate() {
        let bad_code = |field, value: &str, expected| CountriesError::BadCode {
            index: i + 1,
            alpha2: r.alpha2.clone(),
            field,
            value: value.to_owned(),
            expected,
        };
        if !is_upper_code(&r.alpha2, 2) {
            return Err(bad_code("alpha2", &r.alpha2, "two upper-case letters"));
        }
        let Some(alpha2) = CountryCode::parse(&r.alpha2) else {
            return Err(bad_code("alpha2", &r.alpha2, "two upper-case letters"));
        };
        if !is_upper_code(&r.alpha3, 3) {
            return Err(bad_code("alpha3", &r.alpha3, "three upper-case letters"));
        }
        if let Some(&other) = by_alpha2.get(&alpha2) {
            return Err(duplicate(
                &r.alpha2,
                &format!("alpha2 {}", r.alpha2),
                &list,
                other,
            ));
        }
        if let Some(&other) = by_alpha3.get(&r.alpha3) {
            return Err(duplicate(
                &r.alpha2,
                &format!("alpha3 {}", r.alpha3),
                &list,
                other,
            ));
        }
        let optional = [(Lang::Uz, &r.uz), (Lang::Tg, &r.tg), (Lang::Ky, &r.ky)];
        let given = optional
            .iter()
            .filter_map(|(lang, name)| name.as_ref().map(|n| (*lang, n)));
        for (lang, name) in [(Lang::Ru, &r.ru), (Lang::Kk, &r.kk), (Lang::En, &r.en)]
            .into_iter()
            .chain(given)
        {
            if normalize(name).is_empty() {
                return Err(CountriesError::MissingName {
                    code: r.alpha2.clone(),
                    lang,
                });
            }
        }
        let common = match r.common {
            None => None,
            Some(rank) => {
                let slot = usize::try_from(rank)
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .filter(|&n| n < COMMON_COUNT);
                let Some(slot) = slot else {
                    return Err(CountriesError::BadCommon {
                        rank,
                        reason: format!("country {} is outside 1..={COMMON_COUNT}", r.alpha2),
                    });
                };
                if let Some(other) = ranks[slot] {
                    let other: &Country = &list[other];
                    return Err(CountriesError::BadCommon {
                        rank,
                        reason: format!("both {} and {} have it", other.alpha2, r.alpha2),
                    });
                }
                ranks[slot] = Some(list.len());
                u8::try_from(rank).ok()
            }
        };
        by_alpha2.insert(alpha2.clone(), list.len());
        by_alpha3.insert(r.alpha3.clone(), list.len());
        list.push(Country {
            alpha2,
            alpha3: r.alpha3,
            ru: r.ru,
            kk: r.kk,
            en: r.en,
            uz: r.uz,
            tg: r.tg,
            ky: r.ky,
            aliases: r.aliases,
            common,
        });
    }

    let mut common = Vec::with_capacity(COMMON_COUNT);
    for (slot, holder) in ranks.iter().enumerate() {
        match holder {
            Some(i) => common.push(*i),
            None => {
                return Err(CountriesError::BadCommon {
                    rank: slot as i64 + 1,
                    reason: "no country has it".to_owned(),
                })
            }
        }
    }

    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut keys = Vec::new();
    for (i, country) in list.iter().enumerate() {
        let names: Vec<&String> = [&country.ru, &country.kk, &country.en]
            .into_iter()
            .chain(
                [&country.uz, &country.tg, &country.ky]
                    .into_iter()
                    .flatten(),
            )
            .collect();
        for (n, written) in names.iter().copied().chain(&country.aliases).enumerate() {
            let key = normalize(written);
            if key.is_empty() {
                // Names were checked above, so this is an alias.
                debug_assert!(n >= names.len());
                return Err(CountriesError::BadAlias {
                    code: country.alpha2.to_string(),
                    alias: written.clone(),
                });
            }
            // A short key equal to another country's code would never match, because
            // codes are looked up first: an alias "CA" on Cameroon would give Canada.
            let upper = key.to_ascii_uppercase();
            let code_owner = match upper.len() {
                2 => CountryCode::parse(&upper).and_then(|c| by_alpha2.get(&c).copied()),
                3 if upper.bytes().all(|b| b.is_ascii_uppercase()) => {
                    by_alpha3.get(&upper).copied()
                }
                _ => None,
            };
            if let Some(other) = code_owner.filter(|&o| o != i) {
                return Err(duplicate(country.alpha2.as_str(), written, &list, other));
            }
            match by_key.get(&key) {
                Some(&other) if other != i => {
                    return Err(duplicate(country.alpha2.as_str(), written, &list, other));
                }
                Some(_) => {}
                None => {
                    by_key.insert(key.clone(), i);
                    keys.push(Key {
                        chars: key.chars().collect(),
                        text: key,
                        country: i,
                    });
                }
            }
        }
    }

    Ok(Countries {
        list,
        by_alpha2,
        by_alpha3,
        by_key,
        keys,
        common,
    })
}

fn duplicate(code: &str, what: &str, list: &[Country], other: usize) -> CountriesError {
    CountriesError::Duplicate {
        code: code.to_owned(),
        what: what.to_owned(),
        other: list
            .get(other)
            .map_or_else(|| code.to_owned(), |c| c.alpha2.to_string()),
    }
}

fn is_upper_code(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use super::*;

    fn table() -> &'static Countries {
        static TABLE: OnceLock<Countries> = OnceLock::new();
        TABLE.get_or_init(|| match Countries::embedded() {
            Ok(t) => t,
            Err(e) => panic!("embedded table: {e}"),
        })
    }

    fn code(s: &str) -> CountryCode {
        CountryCode::parse(s).expect("test code")
    }

    fn exact(s: &str) -> CountryMatch {
        CountryMatch::Exact(code(s))
    }

    fn probable(s: &str) -> CountryMatch {
        CountryMatch::Probable(code(s))
    }

    #[test]
    fn the_embedded_table_loads_whole() {
        let t = table();
        assert_eq!(t.len(), 249);
        assert!(!t.is_empty());
        assert!(t.contains("kz"));
        assert!(t.contains("KZ"));
        assert!(!t.contains("XK"));
        assert!(!t.contains("KAZ"));
        assert_eq!(t.name(&code("KZ"), Lang::Kk), Some("Қазақстан"));
        assert_eq!(t.name(&code("KZ"), Lang::Ru), Some("Казахстан"));
        assert_eq!(t.name(&code("TR"), Lang::En), Some("Türkiye"));
        assert_eq!(t.get(&code("UZ")).map(|c| c.alpha3.as_str()), Some("UZB"));
        assert_eq!(t.get(&code("ZZ")), None);
    }

    #[test]
    fn the_kazakh_names_are_the_kazakhstani_ones() {
        let t = table();
        for (c, kk) in [
            ("UZ", "Өзбекстан"),
            ("TJ", "Тәжікстан"),
            ("KG", "Қырғызстан"),
            ("RU", "Ресей"),
            ("AZ", "Әзірбайжан"),
            ("BY", "Беларусь"),
            ("AM", "Армения"),
            ("GE", "Грузия"),
            ("MD", "Молдова"),
            ("UA", "Украина"),
            ("CN", "Қытай"),
            ("TR", "Түркия"),
            ("IN", "Үндістан"),
            ("TM", "Түрікменстан"),
            ("MN", "Моңғолия"),
            ("US", "Америка Құрама Штаттары"),
            ("GB", "Ұлыбритания"),
            ("DE", "Германия"),
            ("IR", "Иран"),
        ] {
            assert_eq!(t.name(&code(c), Lang::Kk), Some(kk), "{c}");
        }
    }

    #[test]
    fn the_common_countries_are_in_button_order() {
        let order: Vec<&str> = table().common().iter().map(|c| c.alpha2.as_str()).collect();
        assert_eq!(
            order,
            [
                "UZ", "TJ", "KG", "RU", "AZ", "BY", "AM", "GE", "MD", "UA", "CN", "TR", "IN", "TM",
                "MN"
            ]
        );
        for (i, c) in table().common().iter().enumerate() {
            assert_eq!(c.common, Some(i as u8 + 1));
        }
    }

    #[test]
    fn codes_match_exactly() {
        let t = table();
        for (input, want) in [
            ("uz", "UZ"),
            ("UZ", "UZ"),
            (" Uz ", "UZ"),
            ("UZB", "UZ"),
            ("tjk", "TJ"),
            ("kaz", "KZ"),
            ("kz", "KZ"),
            ("usa", "US"),
            ("rus", "RU"),
            ("gb", "GB"),
        ] {
            assert_eq!(t.match_input(input), exact(want), "{input:?}");
        }
    }

    #[test]
    fn names_in_every_language_match_exactly() {
        let t = table();
        for (input, want) in [
            ("Uzbekistan", "UZ"),
            ("узбекистан", "UZ"),
            ("Өзбекстан", "UZ"),
            ("Озбекстан", "UZ"),
            ("Узбекстан", "UZ"),
            ("Тәжікстан", "TJ"),
            ("Тажикстан", "TJ"),
            ("Таджикистан", "TJ"),
            ("Қырғызстан", "KG"),
            ("Кыргызстан", "KG"),
            ("Ресей", "RU"),
            ("россия", "RU"),
            ("Әзірбайжан", "AZ"),
            ("Azərbaycan", "AZ"),
            ("Үндістан", "IN"),
            ("Türkiye", "TR"),
            ("turkiye", "TR"),
            ("Түркия", "TR"),
            ("Моңғолия", "MN"),
            ("Қазақстан", "KZ"),
            ("Казакстан", "KZ"),
            ("Казахстан", "KZ"),
            ("kazakhstan", "KZ"),
            ("Гвинея-Бисау", "GW"),
            ("гвинея бисау", "GW"),
            ("Côte d’Ivoire", "CI"),
            ("cote d'ivoire", "CI"),
            ("  united   states!! ", "US"),
            ("Соединённые Штаты Америки", "US"),
        ] {
            assert_eq!(t.match_input(input), exact(want), "{input:?}");
        }
    }

    #[test]
    fn aliases_match_exactly() {
        let t = table();
        for (input, want) in [
            ("Turkey", "TR"),
            ("Турция", "TR"),
            ("Туркия", "TR"),
            ("США", "US"),
            ("АҚШ", "US"),
            ("Америка", "US"),
            ("UK", "GB"),
            ("England", "GB"),
            ("Англия", "GB"),
            ("Киргизия", "KG"),
            ("Kirgizstan", "KG"),
            ("Белоруссия", "BY"),
            ("Молдавия", "MD"),
            ("O‘zbekiston", "UZ"),
            ("Узбекистон", "UZ"),
            ("Тоҷикистон", "TJ"),
            ("Тожикистон", "TJ"),
            ("КНР", "CN"),
            ("РФ", "RU"),
            ("Україна", "UA"),
        ] {
            assert_eq!(t.match_input(input), exact(want), "{input:?}");
        }
    }

    #[test]
    fn flags_match_exactly() {
        let t = table();
        assert_eq!(t.match_input("🇺🇿"), exact("UZ"));
        assert_eq!(t.match_input(" 🇰🇿 Қазақстан"), exact("KZ"));
        // Regional indicators that spell no assigned code.
        assert_eq!(t.match_input("🇽🇽"), CountryMatch::NoMatch);
        assert_eq!(t.match_input("🇺"), CountryMatch::NoMatch);
        for c in t.iter() {
            assert_eq!(
                t.match_input(&c.flag()),
                CountryMatch::Exact(c.alpha2.clone())
            );
        }
    }

    #[test]
    fn every_name_and_code_finds_its_own_country() {
        let t = table();
        for c in t.iter() {
            let want = CountryMatch::Exact(c.alpha2.clone());
            for lang in Lang::ALL {
                assert_eq!(t.match_input(c.name(lang)), want, "{} {lang}", c.alpha2);
            }
            for alias in &c.aliases {
                assert_eq!(t.match_input(alias), want, "{} {alias}", c.alpha2);
            }
            assert_eq!(t.match_input(&c.alpha3.to_lowercase()), want);
            assert_eq!(t.match_input(c.alpha2.as_str()), want);
        }
    }

    #[test]
    fn typos_and_prefixes_are_probable() {
        let t = table();
        for (input, want) in [
            ("Uzbekstan", "UZ"),
            ("Таджикистн", "TJ"),
            ("Kyrgystan", "KG"),
            ("Rusia", "RU"),
            ("Росия", "RU"),
            ("Kazahstan", "KZ"),
            ("Азербайджон", "AZ"),
            ("Грузиа", "GE"),
            ("Nigeira", "NG"),
            ("узбек", "UZ"),
            ("kyrg", "KG"),
            ("Таджик", "TJ"),
            ("Turkmen", "TM"),
            ("Гвине", "GN"),
            ("из Узбекистана", "UZ"),
            ("гражданин России", "RU"),
            ("Гвинея Бисау Республикасы", "GW"),
            ("Republic of Uzbekistan", "UZ"),
        ] {
            assert_eq!(t.match_input(input), probable(want), "{input:?}");
        }
    }

    fn ambiguous_set(m: CountryMatch) -> Vec<String> {
        match m {
            CountryMatch::Ambiguous(codes) => {
                assert!(
                    codes.len() >= 2 && codes.len() <= AMBIGUOUS_MAX,
                    "{codes:?}"
                );
                let mut v: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
                v.sort();
                v
            }
            other => panic!("not ambiguous: {other:?}"),
        }
    }

    #[test]
    fn ties_are_ambiguous() {
        let t = table();
        assert_eq!(ambiguous_set(t.match_input("Austr")), ["AT", "AU"]);
        assert_eq!(ambiguous_set(t.match_input("Congo")), ["CD", "CG"]);
        assert_eq!(ambiguous_set(t.match_input("Ira")), ["IQ", "IR"]);
        // Many countries start with "united": at most three, the closest first.
        assert_eq!(
            t.match_input("united"),
            CountryMatch::Ambiguous(vec![code("US"), code("GB"), code("AE")])
        );
        // Button countries come first among equals.
        match t.match_input("turk") {
            CountryMatch::Ambiguous(codes) => assert_eq!(codes[..2], [code("TR"), code("TM")]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nonsense_matches_nothing() {
        let t = table();
        let long = "ы".repeat(10 * 1024);
        let long_spaced = "Узбекистан ".repeat(1000);
        for input in [
            "",
            "   ",
            "a",
            "я",
            "zz",
            "xyz",
            "zzzzzzzzz",
            "12345",
            "!!!",
            "🙂",
            "\u{0}\u{1}",
            long.as_str(),
            long_spaced.as_str(),
        ] {
            assert_eq!(t.match_input(input), CountryMatch::NoMatch, "{input:.20?}");
        }
    }

    #[test]
    fn normalization_folds_case_punctuation_and_letters() {
        assert_eq!(normalize("  Өзбекстан!! "), "озбекстан");
        assert_eq!(normalize("Қазақстан"), "казакстан");
        assert_eq!(normalize("Côte d’Ivoire"), "cote divoire");
        assert_eq!(normalize("Guinea-Bissau"), "guinea bissau");
        assert_eq!(normalize("TÜRKİYE"), "turkiye");
        assert_eq!(normalize("Tu\u{0308}rkiye"), "turkiye");
        assert_eq!(normalize("Ёмкость ҒҰҮ"), "емкость гуу");
        assert_eq!(normalize("--"), "");
    }

    #[test]
    fn distance_counts_transpositions_once() {
        let mut rows = Rows::default();
        let d = |a: &str, b: &str, max| {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            osa_distance(&a, &b, max, &mut Rows::default())
        };
        assert_eq!(d("nigeria", "nigeira", 3), Some(1));
        assert_eq!(d("kitten", "sitting", 3), Some(3));
        assert_eq!(d("kitten", "sitting", 2), None);
        assert_eq!(d("", "abc", 3), Some(3));
        assert_eq!(d("abc", "abc", 0), Some(0));
        // Reusing the rows across lengths gives the same answers.
        let a: Vec<char> = "россия".chars().collect();
        let b: Vec<char> = "расия".chars().collect();
        assert_eq!(osa_distance(&a, &b, 2, &mut rows), Some(2));
        assert_eq!(osa_distance(&b, &a, 2, &mut rows), Some(2));
    }

    #[test]
    fn names_in_uzbek_tajik_and_kyrgyz_are_understood() {
        let c = table();
        let names: &[(&str, &str)] = &[
            ("Oʻzbekiston", "UZ"),
            ("O‘zbekiston", "UZ"),
            ("O'zbekiston", "UZ"),
            ("O`zbekiston", "UZ"),
            ("Ozbekiston", "UZ"),
            ("Uzbekiston", "UZ"),
            ("Ӯзбекистон", "UZ"),
            ("Өзбекстан", "UZ"),
            ("Тоҷикистон", "TJ"),
            ("Тожикистон", "TJ"),
            ("Тажикстан", "TJ"),
            ("Кыргызстан", "KG"),
            ("Қирғизистон", "KG"),
            ("Qirgʻiziston", "KG"),
            ("Qozogʻiston", "KZ"),
            ("Қазоқистон", "KZ"),
            ("Туркманистон", "TM"),
            ("Орусия", "RU"),
            ("Афғонистон", "AF"),
        ];
        for (input, code) in names {
            assert_eq!(c.match_input(input), exact(code), "{input}");
        }
        // A typo in a Tajik name is still found.
        assert_eq!(c.match_input("Тоҷикистн"), probable("TJ"));
    }

    #[test]
    fn names_in_the_new_languages_are_optional_and_fall_back_to_english() {
        let table = format!(
            "{}[[country]]\nalpha2 = \"QZ\"\nalpha3 = \"QQZ\"\nen = \"Zland\"\nru = \"Зландия\"\n\
             kk = \"Зландия\"\nuz = \"Zlandiya\"\ntg = \"Зландия\"\n",
            fifteen()
        );
        let c = Countries::from_toml_str(&table).unwrap();
        let z = c.get(&code("QZ")).unwrap();
        assert_eq!(z.name(Lang::Uz), "Zlandiya");
        assert_eq!(z.name(Lang::Tg), "Зландия");
        assert_eq!(z.name(Lang::Ky), "Zland");
        assert_eq!(c.match_input("zlandiya"), exact("QZ"));
        let a = c.get(&code("QA")).unwrap();
        assert_eq!(a.name(Lang::Uz), "Land A");
        // A given name must have letters, like the required ones.
        let bad = format!(
            "{}[[country]]\nalpha2 = \"QZ\"\nalpha3 = \"QQZ\"\nen = \"Z\"\nru = \"З\"\nkk = \"З\"\nky = \" - \"\n",
            fifteen()
        );
        let err = Countries::from_toml_str(&bad).unwrap_err();
        assert!(err.to_string().contains("ky name"), "{err}");
    }

    #[test]
    fn countries_can_be_shared_between_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Countries>();
    }

    /// Fifteen valid common countries, QA..QO, to which a test adds a broken entry.
    fn fifteen() -> String {
        (0..15u8)
            .map(|i| {
                let l = char::from(b'A' + i);
                format!(
                    "[[country]]\nalpha2 = \"Q{l}\"\nalpha3 = \"QQ{l}\"\n\
                     en = \"Land {l}\"\nru = \"Страна {l}\"\nkk = \"Ел {l}\"\ncommon = {}\n\n",
                    i + 1
                )
            })
            .collect()
    }

    fn load_err(extra: &str) -> CountriesError {
        match Countries::from_toml_str(&format!("{}{extra}", fifteen())) {
            Ok(_) => panic!("loaded: {extra}"),
            Err(e) => e,
        }
    }

    #[test]
    fn a_small_valid_table_loads() {
        let t = Countries::from_toml_str(&fifteen()).expect("valid");
        assert_eq!(t.len(), 15);
        assert_eq!(t.common().len(), 15);
        assert_eq!(t.match_input("land c"), exact("QC"));
        assert_eq!(t.match_input("qqd"), exact("QD"));
        // An empty table has no buttons to show, so it is refused too.
        let e = Countries::from_toml_str("").expect_err("empty");
        assert_eq!(e.to_string(), "common = 1: no country has it");
    }

    #[test]
    fn bad_toml_is_a_parse_error() {
        let e = load_err("[[country]\n");
        assert!(matches!(e, CountriesError::Parse { .. }), "{e}");
        let e = load_err("[[country]]\nalpha2 = \"ZZ\"\nalpha3 = \"ZZZ\"\nflag = 1\n");
        assert!(matches!(e, CountriesError::Parse { .. }), "{e}");
    }

    const ZZ: &str = "[[country]]\nalpha2 = \"ZZ\"\nalpha3 = \"ZZZ\"\n";

    #[test]
    fn bad_codes_name_the_entry() {
        for (entry, field) in [
            ("alpha2 = \"Z1\"\nalpha3 = \"ZZZ\"\n", "alpha2"),
            ("alpha2 = \"zz\"\nalpha3 = \"ZZZ\"\n", "alpha2"),
            ("alpha2 = \"ZZZ\"\nalpha3 = \"ZZZ\"\n", "alpha2"),
            ("alpha2 = \"ZZ\"\nalpha3 = \"ZZ\"\n", "alpha3"),
            ("alpha2 = \"ZZ\"\nalpha3 = \"ZÜZ\"\n", "alpha3"),
        ] {
            let e = load_err(&format!(
                "[[country]]\n{entry}en = \"a\"\nru = \"б\"\nkk = \"в\"\n"
            ));
            let msg = e.to_string();
            assert!(
                matches!(&e, CountriesError::BadCode { index: 16, field: f, .. } if *f == field),
                "{msg}"
            );
            assert!(msg.contains("#16") && msg.contains(field), "{msg}");
        }
    }

    #[test]
    fn duplicates_name_both_entries() {
        for (extra, what) in [
            // The same alpha-2, alpha-3, name in another language, or alias twice.
            ("[[country]]\nalpha2 = \"QA\"\nalpha3 = \"ZZZ\"\n", "QA"),
            ("[[country]]\nalpha2 = \"ZZ\"\nalpha3 = \"QQA\"\n", "QQA"),
            (
                "[[country]]\nalpha2 = \"ZZ\"\nalpha3 = \"ZZZ\"\nen = \"Zland\"\nru = \"Зленд\"\nkk = \"LAND-a\"\n",
                "LAND-a",
            ),
            (
                "[[country]]\nalpha2 = \"ZZ\"\nalpha3 = \"ZZZ\"\nen = \"Zland\"\nru = \"Зленд\"\nkk = \"Зел\"\naliases = [\"ЕЛ-A\"]\n",
                "ЕЛ-A",
            ),
            // An alias that is another country's code.
            (
                "[[country]]\nalpha2 = \"ZZ\"\nalpha3 = \"ZZZ\"\nen = \"Zland\"\nru = \"Зленд\"\nkk = \"Зел\"\naliases = [\"qqb\"]\n",
                "qqb",
            ),
        ] {
            let mut entry = extra.to_owned();
            if !entry.contains("en =") {
                entry.push_str("en = \"Zland\"\nru = \"Зленд\"\nkk = \"Зел\"\n");
            }
            let e = load_err(&entry);
            let msg = e.to_string();
            assert!(matches!(e, CountriesError::Duplicate { .. }), "{msg}");
            assert!(msg.contains(what), "{msg}");
            assert!(msg.contains("country Q"), "{msg}");
        }
    }

    #[test]
    fn a_missing_name_names_the_entry_and_language() {
        let e = load_err(&format!("{ZZ}en = \"Zland\"\nru = \"Зленд\"\n"));
        assert!(matches!(
            e,
            CountriesError::MissingName { lang: Lang::Kk, .. }
        ));
        assert_eq!(
            e.to_string(),
            "country ZZ: the kk name is missing or has no letters"
        );
        let e = load_err(&format!("{ZZ}en = \" - \"\nru = \"Зленд\"\nkk = \"Зел\"\n"));
        assert!(e.to_string().contains("ZZ") && e.to_string().contains("en"));
    }

    #[test]
    fn an_empty_alias_names_the_entry() {
        let e = load_err(&format!(
            "{ZZ}en = \"Zland\"\nru = \"Зленд\"\nkk = \"Зел\"\naliases = [\"!!\"]\n"
        ));
        assert!(matches!(e, CountriesError::BadAlias { .. }));
        assert!(e.to_string().contains("ZZ"), "{e}");
    }

    #[test]
    fn bad_common_ranks_name_the_entries() {
        let names = "en = \"Zland\"\nru = \"Зленд\"\nkk = \"Зел\"\n";
        for (rank, want) in [("16", "ZZ"), ("0", "ZZ"), ("-3", "ZZ"), ("3", "QC and ZZ")] {
            let e = load_err(&format!("{ZZ}{names}common = {rank}\n"));
            let msg = e.to_string();
            assert!(matches!(e, CountriesError::BadCommon { .. }), "{msg}");
            assert!(msg.contains(want) && msg.contains(rank), "{msg}");
        }
        // A rank nobody holds.
        let table = fifteen().replace("common = 7\n", "");
        let e = Countries::from_toml_str(&table).expect_err("rank 7 is missing");
        assert_eq!(e.to_string(), "common = 7: no country has it");
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,80}") {
            let _ = table().match_input(&s);
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = table().match_input(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn ambiguous_answers_are_short_and_distinct(s in "[a-zа-яәөүұқғңһі ]{0,20}") {
            if let CountryMatch::Ambiguous(codes) = table().match_input(&s) {
                prop_assert!(codes.len() >= 2 && codes.len() <= AMBIGUOUS_MAX);
                let mut dedup = codes.clone();
                dedup.sort();
                dedup.dedup();
                prop_assert_eq!(dedup.len(), codes.len());
            }
        }
    }

    #[test]
    fn every_shipped_country_has_a_name_in_all_six_languages() {
        let countries = Countries::embedded().unwrap();
        for country in countries.iter() {
            for name in [&country.uz, &country.tg, &country.ky] {
                assert!(
                    name.as_deref().is_some_and(|n| !n.trim().is_empty()),
                    "{}",
                    country.alpha2
                );
            }
        }
    }
}
