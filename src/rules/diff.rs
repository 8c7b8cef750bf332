//! The rule-level differences between two catalogues, for the reviewer of an edit
//! (`jolserik rules diff OLD.toml NEW.toml`): rules added or removed, and of each rule
//! its parameters, confidence, check date, link, documents and sources; the groups'
//! limits; countries moved between groups (or added, or dropped to the default group);
//! public holidays; the MCI. Plain English lines for the operator, like the rest of the
//! command line (no user sees them). Pure: two validated catalogues in, lines out.
//!
//! Groups and rows are compared field by field through their serde form, so a field
//! added to `Group` later is compared without touching this file.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::rules::catalogue::{Catalogue, Rule};

/// Every difference, one line each, in catalogue order; empty when the two say the
/// same (a comment or whitespace edit).
pub fn diff(old: &Catalogue, new: &Catalogue) -> Vec<String> {
    let mut out = Vec::new();
    meta(old, new, &mut out);
    rules(old, new, &mut out);
    groups(old, new, &mut out);
    countries(old, new, &mut out);
    holidays(old, new, &mut out);
    mci(old, new, &mut out);
    out
}

fn show(v: Option<&str>) -> String {
    v.map_or_else(|| "(none)".to_string(), |s| format!("{s:?}"))
}

fn meta(old: &Catalogue, new: &Catalogue, out: &mut Vec<String>) {
    if old.label() != new.label() {
        out.push(format!(
            "meta.version: {} -> {}",
            show(old.label()),
            show(new.label())
        ));
    }
    if old.changelog() != new.changelog() {
        out.push(format!("meta.changelog: {}", show(new.changelog())));
    }
    if old.home_country() != new.home_country() {
        out.push(format!(
            "meta.home_country: {} -> {}",
            old.home_country(),
            new.home_country()
        ));
    }
    if old.default_group().id != new.default_group().id {
        out.push(format!(
            "meta.default_group: {} -> {}",
            old.default_group().id,
            new.default_group().id
        ));
    }
}

/// The fields of two serializable values that differ: (name, old, new) as JSON text.
fn fields<T: Serialize>(old: &T, new: &T) -> Vec<(String, String, String)> {
    let as_map = |v: &T| match serde_json::to_value(v) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    let (a, b) = (as_map(old), as_map(new));
    let names: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let null = serde_json::Value::Null;
    names
        .into_iter()
        .filter_map(|k| {
            let (x, y) = (a.get(k).unwrap_or(&null), b.get(k).unwrap_or(&null));
            (x != y).then(|| (k.clone(), x.to_string(), y.to_string()))
        })
        .collect()
}

fn rules(old: &Catalogue, new: &Catalogue, out: &mut Vec<String>) {
    for r in old.rules() {
        if new.rule(&r.id).is_none() {
            out.push(format!("rule {} ({}): removed", r.id, r.slug));
        }
    }
    for r in new.rules() {
        match old.rule(&r.id) {
            None => out.push(format!("rule {} ({}): added", r.id, r.slug)),
            Some(before) => rule(before, r, out),
        }
    }
}

fn rule(old: &Rule, new: &Rule, out: &mut Vec<String>) {
    let id = &new.id;
    let keys: BTreeSet<&String> = old.params.keys().chain(new.params.keys()).collect();
    for k in keys {
        match (old.params.get(k), new.params.get(k)) {
            (Some(a), Some(b)) if a != b => {
                out.push(format!("rule {id}: parameter {k}: {a} -> {b}"));
            }
            (Some(a), None) => out.push(format!("rule {id}: parameter {k} removed (was {a})")),
            (None, Some(b)) => out.push(format!("rule {id}: parameter {k} added: {b}")),
            _ => {}
        }
    }
    if old.confidence != new.confidence {
        out.push(format!(
            "rule {id}: confidence {} -> {}",
            old.confidence.code(),
            new.confidence.code()
        ));
    }
    if old.verified != new.verified {
        out.push(format!(
            "rule {id}: verified {} -> {}",
            old.verified, new.verified
        ));
    }
    if old.link != new.link {
        out.push(format!(
            "rule {id}: link {} -> {}",
            show(old.link.as_deref()),
            show(new.link.as_deref())
        ));
    }
    let docs = |r: &Rule| -> BTreeSet<String> { r.documents.iter().cloned().collect() };
    for d in docs(new).difference(&docs(old)) {
        out.push(format!("rule {id}: document added: {d}"));
    }
    for d in docs(old).difference(&docs(new)) {
        out.push(format!("rule {id}: document removed: {d}"));
    }
    let sources = |r: &Rule| -> BTreeMap<String, String> {
        r.sources
            .iter()
            .map(|s| (s.url.clone(), s.date.clone().unwrap_or_default()))
            .collect()
    };
    let (a, b) = (sources(old), sources(new));
    for (url, date) in &b {
        match a.get(url) {
            None => out.push(format!("rule {id}: source added: {url}")),
            Some(before) if before != date => out.push(format!(
                "rule {id}: source {url}: date {before:?} -> {date:?}"
            )),
            _ => {}
        }
    }
    for url in a.keys().filter(|u| !b.contains_key(*u)) {
        out.push(format!("rule {id}: source removed: {url}"));
    }
}

fn groups(old: &Catalogue, new: &Catalogue, out: &mut Vec<String>) {
    for g in old.groups() {
        if new.group(&g.id).is_none() {
            out.push(format!("group {}: removed", g.id));
        }
    }
    for g in new.groups() {
        match old.group(&g.id) {
            None => out.push(format!("group {}: added", g.id)),
            Some(before) => {
                for (field, a, b) in fields(before, g) {
                    out.push(format!("group {}: {field}: {a} -> {b}", g.id));
                }
            }
        }
    }
}

fn countries(old: &Catalogue, new: &Catalogue, out: &mut Vec<String>) {
    let rows = |c: &Catalogue| -> BTreeMap<String, crate::rules::catalogue::CountryRow> {
        c.countries()
            .iter()
            .map(|r| (r.code.clone(), r.clone()))
            .collect()
    };
    let (a, b) = (rows(old), rows(new));
    let codes: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    for code in codes {
        match (a.get(code), b.get(code)) {
            (Some(x), Some(y)) => {
                if x.group != y.group {
                    out.push(format!(
                        "country {code}: moved from group {} to {}",
                        x.group, y.group
                    ));
                }
                for (field, p, q) in fields(x, y) {
                    if field != "group" {
                        out.push(format!("country {code}: {field}: {p} -> {q}"));
                    }
                }
            }
            (Some(x), None) => out.push(format!(
                "country {code}: row removed: moved from group {} to the default group {}",
                x.group,
                new.default_group().id
            )),
            (None, Some(y)) => out.push(format!(
                "country {code}: row added: moved from the default group {} to {}",
                old.default_group().id,
                y.group
            )),
            (None, None) => {}
        }
    }
}

fn holidays(old: &Catalogue, new: &Catalogue, out: &mut Vec<String>) {
    let years = |c: &Catalogue| -> BTreeMap<i32, BTreeSet<chrono::NaiveDate>> {
        c.holiday_years()
            .iter()
            .map(|y| (y.year, y.days.iter().map(|d| d.date).collect()))
            .collect()
    };
    let (a, b) = (years(old), years(new));
    let all: BTreeSet<&i32> = a.keys().chain(b.keys()).collect();
    for year in all {
        match (a.get(year), b.get(year)) {
            (Some(x), Some(y)) => {
                for d in y.difference(x) {
                    out.push(format!("holidays {year}: added {d}"));
                }
                for d in x.difference(y) {
                    out.push(format!("holidays {year}: removed {d}"));
                }
            }
            (None, Some(y)) => out.push(format!("holidays {year}: added ({} days)", y.len())),
            (Some(_), None) => out.push(format!("holidays {year}: removed")),
            (None, None) => {}
        }
    }
}

fn mci(old: &Catalogue, new: &Catalogue, out: &mut Vec<String>) {
    let rows = |c: &Catalogue| -> BTreeMap<i32, i64> {
        c.mci_table().iter().map(|m| (m.year, m.kzt)).collect()
    };
    let (a, b) = (rows(old), rows(new));
    let all: BTreeSet<&i32> = a.keys().chain(b.keys()).collect();
    for year in all {
        match (a.get(year), b.get(year)) {
            (Some(x), Some(y)) if x != y => out.push(format!("MCI {year}: {x} -> {y} KZT")),
            (None, Some(y)) => out.push(format!("MCI {year}: added, {y} KZT")),
            (Some(x), None) => out.push(format!("MCI {year}: removed (was {x} KZT)")),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::catalogue::EMBEDDED_TOML;

    fn load(text: &str) -> Catalogue {
        Catalogue::from_toml_str(text, &|c: &str| c.len() == 2).unwrap()
    }

    #[test]
    fn the_same_catalogue_has_no_differences_and_a_comment_changes_only_the_version() {
        let a = load(EMBEDDED_TOML);
        let b = load(&format!("{EMBEDDED_TOML}\n# a comment\n"));
        assert!(diff(&a, &b).is_empty());
        assert_ne!(a.version(), b.version());
        assert_eq!(a.version(), load(EMBEDDED_TOML).version());
    }

    #[test]
    fn a_parameter_a_confidence_a_move_between_groups_and_the_mci_are_listed() {
        let a = load(EMBEDDED_TOML);
        let edited = EMBEDDED_TOML
            .replacen("calendar_days = 30", "calendar_days = 20", 1)
            .replacen(
                "[meta]\n",
                "[meta]\nversion = \"test\"\nchangelog = \"R7 shortened\"\n",
                1,
            );
        assert_ne!(edited, EMBEDDED_TOML, "the fixture text moved");
        let b = load(&edited);
        let lines = diff(&a, &b);
        assert!(
            lines.contains(&"rule R7: parameter calendar_days: 30 -> 20".to_string()),
            "{lines:#?}"
        );
        assert!(lines.contains(&"meta.version: (none) -> \"test\"".to_string()));
        assert!(lines.contains(&"meta.changelog: \"R7 shortened\"".to_string()));
        assert_eq!(lines.len(), 3, "{lines:#?}");
    }

    #[test]
    fn rules_checked_longer_ago_than_the_limit_are_due_for_review() {
        let edited = EMBEDDED_TOML.replacen(
            "id = \"R7\"\nslug = \"self_registration_30d\"\nconfidence = \"high\"\nverified = \"2026-11-15\"",
            "id = \"R7\"\nslug = \"self_registration_30d\"\nconfidence = \"high\"\nverified = \"2025-01-10\"",
            1,
        );
        assert_ne!(edited, EMBEDDED_TOML, "the fixture text moved");
        let c = load(&edited);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let ids: Vec<&str> = c
            .stale_rules(today, 180)
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(ids, ["R7"]);
        assert!(c.stale_rules(today, 800).is_empty());
    }
}
