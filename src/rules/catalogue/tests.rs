//! The tests of `rules::catalogue`, in a file of their own so the module stays one a person can
//! hold.

use super::*;

/// Any two upper-case ASCII letters is a country, except "XX".
fn known(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()) && code != "XX"
}

fn load(text: &str) -> Result<Catalogue, CatalogueError> {
    Catalogue::from_toml_str(text, &known)
}

/// The embedded file with one substring replaced; panics if the substring is not
/// there, so a test cannot pass by editing nothing.
fn edited(from: &str, to: &str) -> String {
    assert!(
        EMBEDDED_TOML.contains(from),
        "test edit target missing: {from}"
    );
    EMBEDDED_TOML.replacen(from, to, 1)
}

fn refused(text: &str) -> String {
    match load(text) {
        Ok(_) => panic!("the catalogue was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_embedded_catalogue_is_valid() {
    let cat = Catalogue::embedded(&known).expect("embedded catalogue");
    let s = cat.summary();
    assert_eq!(s.rules, 16);
    assert_eq!(s.holiday_years, vec![2024, 2025, 2026, 2027]);
    assert_eq!(s.mci_years, vec![2024, 2025, 2026]);
    assert_eq!(cat.mci(2026), Some(4325));
    assert!(s.to_string().starts_with("16 rules"));
    for (id, _) in REQUIRED_RULES {
        let rule = cat.rule(id).expect("rule present");
        assert!(!rule.sources.is_empty());
    }
}

#[test]
fn mci_for_a_missing_year_is_an_error_but_nearest_falls_back() {
    let cat = Catalogue::embedded(&known).expect("embedded catalogue");
    let d = NaiveDate::from_ymd_opt(2027, 3, 1).expect("date");
    let err = cat.mci_for(d).expect_err("2027 unknown");
    assert!(err.to_string().contains("2027"), "{err}");
    assert_eq!(cat.mci_or_nearest(2027), Some((4325, 2026)));
    assert_eq!(cat.mci_or_nearest(2020), Some((3692, 2024)));
    assert_eq!(cat.mci_or_nearest(2025), Some((3932, 2025)));
}

#[test]
fn unknown_country_is_refused_naming_the_row() {
    let msg = refused(&edited("code = \"UZ\"", "code = \"XX\""));
    assert!(msg.contains("XX") && msg.contains("country row"), "{msg}");
    let msg = refused(&edited("eligible = [\"UZ\"", "eligible = [\"XX\""));
    assert!(msg.contains("XX") && msg.contains("R11"), "{msg}");
}

#[test]
fn rule_without_source_is_refused_naming_the_rule() {
    let text = edited(
        "[[rule.source]]\nurl = \"https://enbekshiqazaq.kz/en/news/392228\"\ndate = \"2025-12-15\"\n",
        "",
    );
    let msg = refused(&text);
    assert!(msg.contains("R12") && msg.contains("no source"), "{msg}");
}

#[test]
fn overlapping_groups_are_refused_naming_the_country() {
    let text = edited(
        "code = \"TJ\"\ngroup = \"tajikistan\"",
        "code = \"UZ\"\ngroup = \"tajikistan\"",
    );
    let msg = refused(&text);
    assert!(
        msg.contains("UZ") && msg.contains("uzbekistan") && msg.contains("tajikistan"),
        "{msg}"
    );
}

#[test]
fn a_gap_in_mci_is_refused_naming_the_year() {
    let text = edited("year = 2025\nkzt = 3932", "year = 2023\nkzt = 3932");
    // 2023, 2024, 2026: 2025 is missing.
    let msg = refused(&text);
    assert!(msg.contains("2025"), "{msg}");
}

#[test]
fn bad_dates_are_refused_naming_the_entry() {
    let msg = refused(&edited("\"2024-06-16\"", "\"2024-06-31\""));
    assert!(
        msg.contains("holidays 2024") && msg.contains("2024-06-31"),
        "{msg}"
    );
    let msg = refused(&edited(
        "verified = \"2026-11-15\"",
        "verified = \"15.11.2026\"",
    ));
    assert!(
        msg.contains("rule R1") && msg.contains("15.11.2026"),
        "{msg}"
    );
    let msg = refused(&edited("date = \"2023-01-19\"", "date = \"Jan 2023\""));
    assert!(msg.contains("rule R1 source 1"), "{msg}");
    let msg = refused(&edited(
        "{ date = \"2025-01-01\"",
        "{ date = \"2024-12-31\"",
    ));
    assert!(
        msg.contains("holidays 2025") && msg.contains("2024-12-31"),
        "{msg}"
    );
}

#[test]
fn unknown_rules_groups_documents_and_params_are_refused() {
    let msg = refused(&edited("rule = \"R2\"", "rule = \"R4\""));
    assert!(msg.contains("group eaeu") && msg.contains("R4"), "{msg}");
    let msg = refused(&edited("group = \"china\"", "group = \"cathay\""));
    assert!(msg.contains("CN") && msg.contains("cathay"), "{msg}");
    let msg = refused(&edited("\"institution_request\"", "\"diploma\""));
    assert!(msg.contains("R15") && msg.contains("diploma"), "{msg}");
    let msg = refused(&edited("working_days = 3", "workin_days = 3"));
    assert!(msg.contains("R6") && msg.contains("workin_days"), "{msg}");
    let msg = refused(&edited(
        "fee_mci_per_month = 4",
        "fee_mci_per_month = \"four\"",
    ));
    assert!(
        msg.contains("R12") && msg.contains("fee_mci_per_month"),
        "{msg}"
    );
    let msg = refused(&edited(
        "notes = [\"azerbaijan_registration\"]",
        "notes = [\"nope\"]",
    ));
    assert!(msg.contains("azerbaijan") && msg.contains("nope"), "{msg}");
    let msg = refused(&edited("name = \"kurban_ait\"", "name = \"eid\""));
    assert!(msg.contains("2024") && msg.contains("eid"), "{msg}");
}

#[test]
fn missing_and_duplicate_rules_are_refused() {
    let msg = refused(&edited("id = \"R19\"", "id = \"R17\""));
    assert!(msg.contains("R17") && msg.contains("twice"), "{msg}");
    let msg = refused(&edited("slug = \"kandas\"", "slug = \"kandas_x\""));
    assert!(msg.contains("R17") && msg.contains("kandas_x"), "{msg}");
    let msg = refused(&edited("calendar_days = 30\n", ""));
    assert!(msg.contains("R7") && msg.contains("calendar_days"), "{msg}");
}

#[test]
fn bad_groups_and_links_are_refused() {
    let msg = refused(&edited("per_entry_days = 14", "per_entry_days = 0"));
    assert!(msg.contains("india_iran"), "{msg}");
    let msg = refused(&edited("window_limit_days = 42", "window_limit_days = 420"));
    assert!(msg.contains("india_iran"), "{msg}");
    let msg = refused(&edited(
        "link = \"https://migration.enbek.kz\"",
        "link = \"migration.enbek.kz\"",
    ));
    assert!(msg.contains("R13 link"), "{msg}");
}

#[test]
fn the_remaining_kinds_of_bad_data_are_refused() {
    let msg = refused(&edited(
        "time_zone = \"Asia/Almaty\"",
        "time_zone = \"Asia/Tashkent\"",
    ));
    assert!(
        msg.contains("time_zone") && msg.contains("Asia/Tashkent"),
        "{msg}"
    );

    // Drop the whole R19 block.
    let start = EMBEDDED_TOML
        .find("[[rule]]\nid = \"R19\"")
        .expect("R19 block");
    let end = start
        + EMBEDDED_TOML[start..]
            .find("\n# ---")
            .expect("end of R19 block");
    let text = format!("{}{}", &EMBEDDED_TOML[..start], &EMBEDDED_TOML[end..]);
    let msg = refused(&text);
    assert!(msg.contains("R19") && msg.contains("missing"), "{msg}");

    let msg = refused(&edited("id = \"tajikistan\"", "id = \"uzbekistan\""));
    assert!(msg.contains("uzbekistan") && msg.contains("twice"), "{msg}");

    let msg = refused(&edited(
        "year = 2025\nconfidence",
        "year = 2024\nconfidence",
    ));
    assert!(
        msg.contains("holidays 2024") && msg.contains("twice"),
        "{msg}"
    );

    let msg = refused(&edited(
        "year = 2025\nkzt = 3932",
        "year = 2024\nkzt = 3932",
    ));
    assert!(
        msg.contains("MCI for 2024") && msg.contains("twice"),
        "{msg}"
    );

    let msg = refused(&edited("kzt = 4325", "kzt = 0"));
    assert!(msg.contains("MCI for 2026"), "{msg}");

    let start = EMBEDDED_TOML.find("[[mci]]").expect("mci table");
    let msg = refused(&EMBEDDED_TOML[..start]);
    assert!(msg.contains("MCI table is empty"), "{msg}");
}

#[test]
fn bad_toml_and_unreadable_files_keep_their_cause() {
    let err = load("[meta\nschema = 1").expect_err("not toml");
    assert!(matches!(err, CatalogueError::Parse { .. }));
    assert!(std::error::Error::source(&err).is_some());
    let err = Catalogue::load("/nonexistent/rules.toml", &known).expect_err("no file");
    assert!(err.to_string().contains("/nonexistent/rules.toml"));
    assert!(std::error::Error::source(&err).is_some());
}
