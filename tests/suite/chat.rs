//! Black-box tests of the built binary: `jolserik chat` with piped stdin in a temporary
//! directory, then `export` and `delete`, as an operator or a script would use them.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use crate::common::jolserik_bin;

/// A temporary directory with a config whose store is inside it; the other black-box
/// files (`languages`) drive the binary through it too.
pub(crate) struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    pub(crate) fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let config = format!(
            "[storage]\npath = \"{}\"\n",
            dir.path()
                .join("store")
                .display()
                .to_string()
                .replace('\\', "/")
        );
        std::fs::write(dir.path().join("config.toml"), config).unwrap();
        Sandbox { dir }
    }

    pub(crate) fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    pub(crate) fn jolserik(&self, args: &[&str]) -> Command {
        let mut cmd = jolserik_bin();
        cmd.arg("--config").arg(self.config()).args(args);
        cmd.current_dir(self.dir.path());
        cmd
    }

    pub(crate) fn chat(&self, user: &str, lang: &str, lines: &[&str]) -> Output {
        let mut child = self
            .jolserik(&[
                "chat",
                "--user",
                user,
                "--lang",
                lang,
                "--now",
                "2026-11-21T10:00:00+05:00",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        for line in lines {
            writeln!(stdin, "{line}").unwrap();
        }
        drop(stdin);
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "chat failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("did not render"), "{stderr}");
        output
    }
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The answers of a household worker from Uzbekistan, by number and by typing.
const HOUSEHOLD_WORKER: &[&str] = &[
    "Русский",    // language, pressed by its label
    "UZ",         // citizenship by code
    "01.11.2026", // entry
    "1",          // days before: no
    "1",          // purpose: work
    "1",          // employer: household
    "2",          // tick the labour-immigrant permit
    "7",          // done
    "31.12.2026", // its end date
    "1",          // correct
];

#[test]
fn the_dialogue_completes_in_russian() {
    let sandbox = Sandbox::new();
    // The plan's first screen, then "All steps" pressed by its label: the terminal
    // shows the same screens as Telegram, with numbered buttons.
    let mut lines = HOUSEHOLD_WORKER.to_vec();
    lines.push("Все шаги");
    let out = stdout(&sandbox.chat("1", "ru", &lines));
    assert!(out.contains("Здравствуйте"), "{out}");
    assert!(out.contains("] Русский"), "{out}");
    assert!(out.contains("Узбекистан"), "{out}");
    assert!(out.contains("1 ноября 2026"), "{out}");
    assert!(out.contains("Что сделать дальше:"), "{out}");
    assert!(out.contains("] 📋 Все шаги"), "{out}");
    assert!(out.contains("Нажмите ⬜"), "{out}");
    assert!(out.contains("] ⬜ Сделано"), "{out}");
}

#[test]
fn the_dialogue_completes_in_kazakh_and_english() {
    let sandbox = Sandbox::new();
    let mut kk = HOUSEHOLD_WORKER.to_vec();
    kk[0] = "Қазақша";
    let out = stdout(&sandbox.chat("2", "kk", &kk));
    assert!(out.contains("Сәлеметсіз бе"), "{out}");
    assert!(out.contains("Өзбекстан"), "{out}");
    assert!(out.contains("2026 жылғы 1 қараша"), "{out}");
    assert!(out.contains("Әрі қарай не істеу керек:"), "{out}");

    let mut en = HOUSEHOLD_WORKER.to_vec();
    en[0] = "English"; // pressed by its label
    let out = stdout(&sandbox.chat("3", "en", &en));
    assert!(out.contains("Hello!"), "{out}");
    assert!(out.contains("1 November 2026"), "{out}");
    assert!(out.contains("What to do next:"), "{out}");
    assert!(out.contains("] 💡 Good to know"), "{out}");
}

#[test]
fn quitting_midway_and_coming_back_resumes() {
    let sandbox = Sandbox::new();
    let first = stdout(&sandbox.chat("42", "en", &["English", "Kyrgyzstan", "20.11.2026", "3"]));
    assert!(first.contains("how many days"), "{first}");
    let second = stdout(&sandbox.chat("42", "en", &["5"]));
    assert!(second.contains("Welcome back"), "{second}");
    // The question after the one answered last time is asked again, then answered.
    assert!(second.contains("how many days"), "{second}");
    assert!(second.contains("Why are you in Kazakhstan?"), "{second}");

    let export = sandbox
        .jolserik(&["export", "--user", "42"])
        .output()
        .unwrap();
    assert!(export.status.success());
    let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    let profile = &json["record"]["conversation"]["profile"];
    assert_eq!(profile["citizenship"], "KG");
    assert_eq!(profile["entry"], "2026-11-20");
    assert_eq!(profile["prior_days"]["days"], 5);
}

#[test]
fn delete_then_export_shows_nothing_left() {
    let sandbox = Sandbox::new();
    sandbox.chat("7", "en", &["English", "Russia", "/delete", "1"]);
    let export = sandbox
        .jolserik(&["export", "--user", "7"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert!(json["record"].is_null(), "{json}");

    sandbox.chat("8", "en", &["English", "Russia"]);
    let deleted = sandbox
        .jolserik(&["delete", "--user", "8"])
        .output()
        .unwrap();
    assert!(deleted.status.success());
    assert!(String::from_utf8_lossy(&deleted.stdout).contains("erased"));
    let export = sandbox
        .jolserik(&["export", "--user", "8"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert!(json["record"].is_null(), "{json}");
}

/// Trips given in the dialogue are in `/export` (it sends the whole record) and gone
/// after `/delete` (it erases the whole record).
#[test]
fn trips_are_exported_and_deleted_with_the_record() {
    let sandbox = Sandbox::new();
    let out = stdout(&sandbox.chat(
        "9",
        "en",
        &[
            "English",
            "Kyrgyzstan",
            "01.11.2026",
            "2", // yes, I will add my trips
            "01.06.2026",
            "20.06.2026",
            "1", // add another
            "10.09.2026",
            "15.09.2026",
            "2", // that's all
            "/export",
        ],
    ));
    // The export printed in the chat holds both trips.
    for date in ["2026-06-01", "2026-06-20", "2026-09-10", "2026-09-15"] {
        assert!(out.contains(date), "{date}: {out}");
    }
    let export = sandbox
        .jolserik(&["export", "--user", "9"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert_eq!(
        json["record"]["conversation"]["profile"]["trips"],
        serde_json::json!([
            {"entry": "2026-06-01", "exit": "2026-06-20"},
            {"entry": "2026-09-10", "exit": "2026-09-15"},
        ]),
        "{json}"
    );

    sandbox.chat("9", "en", &["/delete", "1"]);
    let export = sandbox
        .jolserik(&["export", "--user", "9"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert!(json["record"].is_null(), "{json}");
    assert!(!String::from_utf8_lossy(&export.stdout).contains("2026-06-01"));
}

#[test]
fn a_second_process_on_the_same_store_gets_a_clear_error() {
    let sandbox = Sandbox::new();
    let mut running = sandbox
        .jolserik(&["chat", "--user", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the first process has opened the store (it prints the greeting).
    let mut stdout = running.stdout.take().unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    let second = sandbox
        .jolserik(&["export", "--user", "1"])
        .output()
        .unwrap();
    drop(running.stdin.take());
    running.wait().unwrap();
    assert!(!second.status.success());
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains("already in use by another jolserik"), "{err}");
}

#[test]
fn check_and_bad_configuration() {
    let sandbox = Sandbox::new();
    let ok = sandbox.jolserik(&["check"]).output().unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let text = String::from_utf8_lossy(&ok.stdout);
    assert!(text.contains("locales"), "{text}");

    std::fs::write(sandbox.config(), "[storage]\npth = \"x\"\n").unwrap();
    let bad = sandbox.jolserik(&["check"]).output().unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("pth"));

    let missing = jolserik_bin()
        .args(["--config", "/nonexistent/jolserik.toml", "check"])
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("jolserik.toml"));
}

#[test]
fn huge_strange_and_non_utf8_lines_do_not_crash_the_chat() {
    let sandbox = Sandbox::new();
    let huge = "ж".repeat(10_000);
    let out = stdout(&sandbox.chat("9", "ru", &["Русский", &huge, "", "\u{202e}\u{0}"]));
    assert!(out.contains("Не нашёл такую страну"), "{out}");

    let mut child = sandbox
        .jolserik(&["chat", "--user", "10", "--lang", "en"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"English\n\xff\xfe broken\nUzbekistan\n")
        .unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let out = stdout(&output);
    assert!(out.contains("On what date did you last enter"), "{out}");
}
