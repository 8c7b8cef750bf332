//! Black-box tests of the calculator and the reviewer's catalogue: `jolserik plan` and
//! `jolserik rules`, run as a newcomer would, with their exit codes.

use std::process::Output;

use crate::common::jolserik_bin;

fn jolserik(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    jolserik_bin()
        .args(args)
        .current_dir(dir.path())
        .output()
        .unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = jolserik(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn plan_json_has_the_documented_shape() {
    let plan = json(&[
        "plan",
        "--citizenship",
        "KGZ",
        "--entry",
        "2026-11-01",
        "--today",
        "2026-11-21",
        "--json",
    ]);
    // EAEU: 90 days from entry, day 1 = entry day.
    assert_eq!(plan["status"]["last_legal_day"], "2027-01-29");
    assert_eq!(plan["status"]["days_left"], 69);
    assert_eq!(plan["status"]["overstay_days"], 0);
    let deadlines = plan["deadlines"].as_array().unwrap();
    assert!(deadlines
        .iter()
        .any(|d| d["kind"] == "stay_limit" && d["date"] == "2027-01-29" && d["rule"] == "R2"));
    for step in plan["steps"].as_array().unwrap() {
        assert!(step["id"].is_string() && step["rule"].is_string());
        assert!(step["due"].is_null() || step["due"].is_string());
    }
}

#[test]
fn plan_for_a_household_worker_has_the_permit_and_its_tax() {
    let plan = json(&[
        "plan",
        "--citizenship",
        "UZ",
        "--entry",
        "2026-11-01",
        "--purpose",
        "work",
        "--employer",
        "household",
        "--holds",
        "labour_permit:2026-12-31",
        "--holds",
        "iin",
        "--today",
        "2026-11-21",
        "--json",
    ]);
    let steps: Vec<&str> = plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(steps.contains(&"labour_tax_prepay"), "{steps:?}");
    assert!(
        !steps.contains(&"get_iin"),
        "holds an IIN already: {steps:?}"
    );
    assert!(!steps.contains(&"employer_permit_check"), "{steps:?}");
}

#[test]
fn plan_text_is_the_bots_text_in_each_language() {
    for (lang, expect) in [
        ("en", "9 days left"),
        ("ru", "осталось 9 дней"),
        ("kk", "9 күн қалды"),
    ] {
        let out = jolserik(&[
            "plan",
            "--citizenship",
            "UZ",
            "--entry",
            "2026-11-01",
            "--today",
            "2026-11-21",
            "--lang",
            lang,
        ]);
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(expect), "{lang}: {text}");
    }
}

#[test]
fn bad_plan_arguments_fail_with_a_clear_message() {
    for (args, needle) in [
        (vec!["--citizenship", "XX", "--entry", "2026-11-01"], "XX"),
        (
            vec!["--citizenship", "Uzbekistan", "--entry", "2026-11-01"],
            "Uzbekistan",
        ),
        (
            vec!["--citizenship", "UZ", "--entry", "01.11.2026"],
            "01.11.2026",
        ),
        (
            vec!["--citizenship", "UZ", "--entry", "2026-02-30"],
            "2026-02-30",
        ),
        (
            vec![
                "--citizenship",
                "UZ",
                "--entry",
                "2026-11-01",
                "--purpose",
                "party",
            ],
            "party",
        ),
        (
            vec![
                "--citizenship",
                "UZ",
                "--entry",
                "2026-11-01",
                "--holds",
                "trp",
            ],
            "trp",
        ),
        (
            vec![
                "--citizenship",
                "UZ",
                "--entry",
                "2026-11-01",
                "--holds",
                "iin:2027-01-01",
            ],
            "iin",
        ),
        (
            vec![
                "--citizenship",
                "UZ",
                "--entry",
                "2026-11-01",
                "--days-before",
                "200",
            ],
            "200",
        ),
        (
            vec![
                "--citizenship",
                "UZ",
                "--entry",
                "2026-11-01",
                "--employer",
                "company",
            ],
            "--employer",
        ),
    ] {
        let mut full = vec!["plan"];
        full.extend(args.iter().copied());
        let out = jolserik(&full);
        assert!(!out.status.success(), "{full:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{full:?}: {err}");
    }
}

#[test]
fn the_catalogue_report_names_every_rule_with_sources() {
    let out = jolserik(&["rules", "--lang", "en"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for rule in [
        "R1", "R2", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15", "R16", "R17",
        "R18", "R19",
    ] {
        assert!(text.contains(rule), "{rule} missing");
    }
    assert!(text.contains("https://"), "no sources");
    let ru = jolserik(&["rules", "--lang", "ru"]);
    assert!(String::from_utf8_lossy(&ru.stdout).contains("R17"));
}

#[test]
fn a_broken_rules_file_stops_check_with_the_entry_named() {
    let dir = tempfile::tempdir().unwrap();
    let rules =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/rules.toml")).unwrap();
    // Put an unknown country into the table.
    let broken = rules.replacen("code = \"UZ\"", "code = \"QQ\"", 1);
    assert_ne!(broken, rules, "the catalogue lists UZ");
    std::fs::write(dir.path().join("rules.toml"), broken).unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[rules]\npath = \"rules.toml\"\n",
    )
    .unwrap();
    let out = jolserik_bin()
        .args(["--config", "config.toml", "check"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("QQ"), "{err}");
}

/// Issue 13: the trips make the 90/180 count exact; the number of days stays for the
/// approximate case; a future entry is a planned trip; bad trips are named.
#[test]
fn plan_counts_exactly_from_trips() {
    let base = [
        "plan",
        "--citizenship",
        "KG",
        "--entry",
        "2026-10-01",
        "--today",
        "2026-10-10",
        "--json",
    ];
    let with = |extra: &[&'static str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        json(&args)
    };
    let exact = with(&["--trip", "2026-05-01:2026-06-29"]);
    let s = &exact["status"];
    assert_eq!(s["kind"], "legal");
    assert_eq!(s["last_legal_day"], "2026-12-29");
    assert_eq!(s["days_left"], 80);
    // 60 days of May/June (all in the window from 14 April) + 10 of this stay.
    assert_eq!(s["days_used_in_window"], 70);
    assert_eq!(s["full_stay_from"], "2027-03-30");
    assert_eq!(s["exact"], true);
    let notes: Vec<&str> = exact["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    assert!(notes.contains(&"days_back"), "{notes:?}");

    let approx = with(&["--days-before", "60"]);
    assert_eq!(approx["status"]["last_legal_day"], "2026-10-30");
    assert_eq!(approx["status"]["exact"], false);

    let planned = json(&[
        "plan",
        "--citizenship",
        "KG",
        "--entry",
        "2027-01-15",
        "--trip",
        "2026-09-01:2026-10-30",
        "--today",
        "2026-11-20",
        "--json",
    ]);
    assert_eq!(planned["status"]["kind"], "planned");
    assert_eq!(planned["status"]["last_legal_day"], "2027-02-13");
    assert!(planned["status"]["days_left"].is_null());
    let text = jolserik(&[
        "plan",
        "--citizenship",
        "KG",
        "--entry",
        "2027-01-15",
        "--today",
        "2026-11-20",
        "--lang",
        "en",
    ]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("If you enter on the planned day, your last legal day is 14 April 2027")
            && !text.contains("days left"),
        "{text}"
    );

    for (trip, needle) in [
        ("2026-06-29:2026-05-01", "exit is before the entry"),
        ("2026-09-20:2026-10-01", "overlaps the current stay"),
        ("2026-03-01:2026-04-04", "180 or more days"),
        ("2026-05-01", "ENTRY:EXIT"),
    ] {
        let mut args = base.to_vec();
        args.extend_from_slice(&["--trip", trip]);
        let out = jolserik(&args);
        assert!(!out.status.success(), "{trip} accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle) && err.contains(trip), "{trip}: {err}");
    }
    let out = jolserik(&[
        "plan",
        "--citizenship",
        "KG",
        "--entry",
        "2026-10-01",
        "--trip",
        "2026-05-01:2026-06-10",
        "--trip",
        "2026-06-01:2026-06-29",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("overlaps trip"),
        "{err}"
    );
}
