//! Deployment: what is on disk is the bot's user's alone, and the systemd units in
//! `deploy/` match the binary.
//!
//! - The built binary, started under a wide umask (`022`, the usual default), leaves
//!   the store directory `0700`, every directory under it `0700` and every file
//!   `0600`, after `serve`, after `backup FILE` and after a SIGUSR1 backup of a running
//!   `serve`; backups are `0600` and a backup directory it creates `0700`.
//! - `check` fails on a store that others may read, and passes once a command has
//!   opened (and so tightened) it.
//! - The unit files carry the sandbox they promise, their `ExecStart` is accepted by
//!   the binary, and their credential names are the ones the bot reads;
//!   `systemd-analyze verify` checks them too where it is installed.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use fake_bot_api::{self as fake_api, FakeBotApi};
use jolserik::telegram::{Token, WebhookSecret};

const LONG: Duration = Duration::from_secs(40);

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o7777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The built binary under `umask 022`: the binary must set its own.
fn jolserik(config: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("umask 022; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_jolserik"))
        .arg("--config")
        .arg(config)
        .args(args);
    for (key, _) in std::env::vars() {
        if key.starts_with("JOLSERIK")
            || key.starts_with("TELOXIDE")
            || key == "RUST_LOG"
            || key == "CREDENTIALS_DIRECTORY"
        {
            cmd.env_remove(key);
        }
    }
    cmd
}

/// A config in `dir` whose store is `dir/state/store`: the bot creates `state`, the
/// directory its signal backups go to.
fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    let store = dir.join("state").join("store");
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!("[storage]\npath = {:?}\n", store.display().to_string()),
    )
    .unwrap();
    (config, store)
}

fn run_ok(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{:?}\nstdout: {}\nstderr: {}",
        cmd,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Every directory under `root` (itself included) is 0700 and every file 0600;
/// returns how many files there are.
fn assert_private_tree(root: &Path) -> usize {
    let mut files = 0;
    let mut pending = vec![root.to_path_buf()];
    while let Some(path) = pending.pop() {
        let meta = std::fs::symlink_metadata(&path).unwrap();
        if meta.is_dir() {
            assert_eq!(
                mode(&path),
                0o700,
                "{} is {:o}",
                path.display(),
                mode(&path)
            );
            for entry in std::fs::read_dir(&path).unwrap() {
                pending.push(entry.unwrap().path());
            }
        } else {
            assert_eq!(
                mode(&path),
                0o600,
                "{} is {:o}",
                path.display(),
                mode(&path)
            );
            files += 1;
        }
    }
    files
}

fn backups_in(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("jolserik-backup-") && name.ends_with(".jsonl")
        })
        .collect();
    found.sort();
    found
}

fn serve(config: &Path, dir: &Path, fake: &FakeBotApi) -> Child {
    jolserik(config, &["serve"])
        .current_dir(dir)
        .env("TELOXIDE_TOKEN", fake_api::TOKEN)
        .env("TELOXIDE_API_URL", fake.url())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("serve.log")).unwrap())
        .spawn()
        .unwrap()
}

async fn wait_for<T>(what: &str, dir: &Path, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + LONG;
    loop {
        if let Some(t) = f() {
            return t;
        }
        let log = std::fs::read_to_string(dir.join("serve.log")).unwrap_or_default();
        assert!(Instant::now() < deadline, "no {what}\n{log}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_and_its_signal_backup_leave_only_private_files() {
    let fake = FakeBotApi::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (config, store) = setup(dir.path());
    let state = store.parent().unwrap().to_path_buf();

    let mut child = serve(&config, dir.path(), &fake);
    // An answered message is a saved record: the store has written its files.
    let user = fake.user(31_001, Some("en"));
    user.send_text("/start");
    user.wait_button("1:l:en", LONG).await.unwrap();
    user.press("1:l:en").unwrap();
    user.wait_button("1:c:UZ", LONG).await.unwrap();

    crate::common::signal(child.id(), "-USR1");
    let backup = wait_for("backup on SIGUSR1", dir.path(), || {
        backups_in(&state).into_iter().next()
    })
    .await;

    crate::common::signal(child.id(), "-TERM");
    let exit = wait_for("exit after SIGTERM", dir.path(), || {
        child.try_wait().unwrap()
    })
    .await;
    let log = std::fs::read_to_string(dir.path().join("serve.log")).unwrap_or_default();
    assert!(exit.success(), "{exit:?}\n{log}");
    assert!(log.contains("backup written on SIGUSR1"), "{log}");

    assert_eq!(mode(&state), 0o700, "the backup directory the bot created");
    let files = assert_private_tree(&store);
    assert!(files >= 2, "sled's files are there: {files}");
    assert_eq!(mode(&backup), 0o600, "{}", backup.display());
    let text = std::fs::read_to_string(&backup).unwrap();
    assert!(
        text.starts_with("{\"format\":\"jolserik-backup\""),
        "{text}"
    );
}

#[test]
fn the_backup_command_writes_a_private_file_into_a_private_directory() {
    let dir = tempfile::tempdir().unwrap();
    let (config, store) = setup(dir.path());
    // `export` opens (and so creates) the store.
    run_ok(&mut jolserik(&config, &["export", "--user", "1"]));
    let file = dir.path().join("off-site").join("b.jsonl");
    run_ok(&mut jolserik(&config, &["backup", file.to_str().unwrap()]));
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(file.parent().unwrap()), 0o700);
    assert_eq!(mode(store.parent().unwrap()), 0o700);
    assert!(assert_private_tree(&store) >= 2);

    // An existing file in the way (a wide one) is replaced by a private one.
    let wide = dir.path().join("wide.jsonl");
    std::fs::write(&wide, "old").unwrap();
    chmod(&wide, 0o644);
    std::fs::write(dir.path().join("wide.jsonl.partial"), "stale").unwrap();
    chmod(&dir.path().join("wide.jsonl.partial"), 0o666);
    run_ok(&mut jolserik(&config, &["backup", wide.to_str().unwrap()]));
    assert_eq!(mode(&wide), 0o600);
}

#[test]
fn check_fails_on_a_store_others_can_read_and_passes_once_it_is_tightened() {
    let dir = tempfile::tempdir().unwrap();
    let (config, store) = setup(dir.path());

    // Before the first start: nothing to protect yet; a wide directory for the
    // backups is pointed out, and passes.
    let state = store.parent().unwrap();
    std::fs::create_dir(state).unwrap();
    chmod(state, 0o755);
    let fresh = run_ok(&mut jolserik(&config, &["check"]));
    let text = String::from_utf8_lossy(&fresh.stdout).into_owned();
    assert!(text.contains("not created yet"), "{text}");
    assert!(
        text.contains("chmod 700 it before the first start"),
        "{text}"
    );
    chmod(state, 0o700);

    run_ok(&mut jolserik(&config, &["export", "--user", "1"]));
    let ok = run_ok(&mut jolserik(&config, &["check"]));
    let text = String::from_utf8_lossy(&ok.stdout).into_owned();
    assert!(text.contains("drwx------ (0700)"), "{text}");
    assert!(text.contains("(this user)"), "{text}");
    assert!(!text.contains("TOO OPEN"), "{text}");

    // As an older jolserik, or a careless copy, would have left it.
    chmod(&store, 0o755);
    let db = store.join("db");
    assert!(db.is_file(), "sled's file is where we expect it");
    chmod(&db, 0o644);
    let bad = jolserik(&config, &["check"]).output().unwrap();
    assert!(!bad.status.success());
    let stdout = String::from_utf8_lossy(&bad.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&bad.stderr).into_owned();
    assert!(stdout.contains("drwxr-xr-x (0755)"), "{stdout}");
    assert!(stdout.contains("TOO OPEN"), "{stdout}");
    assert!(
        stdout.contains(&format!("{} is -rw-r--r-- (0644)", db.display())),
        "{stdout}"
    );
    assert!(stderr.contains("2 path(s)"), "{stderr}");

    // A wide backup directory fails too.
    chmod(state, 0o750);
    let bad = jolserik(&config, &["check"]).output().unwrap();
    assert!(String::from_utf8_lossy(&bad.stderr).contains("3 path(s)"));
    chmod(state, 0o700);

    // Any command that opens the store tightens it, and says so once.
    let opened = run_ok(&mut jolserik(&config, &["export", "--user", "1"]));
    let log = without_ansi(&String::from_utf8_lossy(&opened.stderr));
    assert_eq!(log.matches("readable by other users").count(), 1, "{log}");
    assert!(log.contains("paths=2"), "{log}");
    assert!(log.contains("0644, 0755"), "{log}");
    assert_eq!(mode(&store), 0o700);
    assert_eq!(mode(&db), 0o600);
    run_ok(&mut jolserik(&config, &["check"]));
}

/// The log's text without colour codes (tracing colours even when not on a terminal).
fn without_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

// --- The unit files ---

/// A unit file: section → key → every value given (keys may repeat).
type Unit = BTreeMap<String, BTreeMap<String, Vec<String>>>;

fn deploy_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy")
}

/// systemd's INI dialect, as much as these files use: `[Section]`, `Key=value`,
/// comments on their own lines starting with `#` or `;`.
fn parse_unit(name: &str) -> Unit {
    let text = std::fs::read_to_string(deploy_dir().join(name)).unwrap();
    let mut unit = Unit::new();
    let mut section = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Some(name.to_string());
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("{name}:{}: not `Key=value`: {line}", n + 1));
        let section = section
            .clone()
            .unwrap_or_else(|| panic!("{name}:{}: a key before any section", n + 1));
        unit.entry(section)
            .or_default()
            .entry(key.trim().to_string())
            .or_default()
            .push(value.trim().to_string());
    }
    unit
}

fn value<'a>(unit: &'a Unit, section: &str, key: &str) -> &'a str {
    let values = unit
        .get(section)
        .and_then(|s| s.get(key))
        .unwrap_or_else(|| panic!("[{section}] has no {key}="));
    assert_eq!(values.len(), 1, "{key}= is given more than once");
    &values[0]
}

#[test]
fn the_service_carries_its_sandbox() {
    let unit = parse_unit("jolserik.service");
    for (key, expected) in [
        ("User", "jolserik"),
        ("NoNewPrivileges", "yes"),
        ("ProtectSystem", "strict"),
        ("StateDirectory", "jolserik"),
        ("StateDirectoryMode", "0700"),
        ("ReadWritePaths", "/var/lib/jolserik"),
        ("ProtectHome", "yes"),
        ("PrivateTmp", "yes"),
        ("PrivateDevices", "yes"),
        ("ProtectKernelTunables", "yes"),
        ("ProtectControlGroups", "yes"),
        ("RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX"),
        ("SystemCallFilter", "@system-service"),
        ("UMask", "0077"),
        ("KillSignal", "SIGTERM"),
    ] {
        assert_eq!(value(&unit, "Service", key), expected, "{key}");
    }
    // The store the README configures lives in the state directory, and its backups
    // (next to the store directory) too.
    let store = Path::new("/var/lib/jolserik/store");
    let state = Path::new("/var/lib").join(value(&unit, "Service", "StateDirectory"));
    assert_eq!(jolserik::maintenance::backup_dir(store), state);
    let readme = std::fs::read_to_string(deploy_dir().join("README.md")).unwrap();
    assert!(readme.contains(&format!("path = \"{}\"", store.display())));
}

#[test]
fn the_service_loads_the_credentials_the_bot_reads() {
    let unit = parse_unit("jolserik.service");
    let names: Vec<&str> = unit["Service"]["LoadCredential"]
        .iter()
        .map(|v| v.split_once(':').expect("NAME:PATH").0)
        .collect();
    assert_eq!(names, [Token::CREDENTIAL, WebhookSecret::CREDENTIAL]);
}

#[test]
fn exec_start_is_accepted_by_the_binary() {
    let unit = parse_unit("jolserik.service");
    let exec = value(&unit, "Service", "ExecStart");
    let mut words = exec.split_whitespace();
    let binary = words.next().unwrap();
    assert!(binary.ends_with("/jolserik"), "{exec}");
    let args: Vec<&str> = words.collect();
    assert_eq!(args.last(), Some(&"serve"), "{exec}");
    // clap refuses an unknown flag or subcommand before it answers --help.
    let out = crate::common::jolserik_bin()
        .args(&args)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{exec}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(help.contains("Run the Telegram bot"), "{help}");
    // And the test would catch a drift: a flag the binary does not have is refused.
    let out = crate::common::jolserik_bin()
        .args(&args)
        .args(["--no-such-flag", "--help"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn the_backup_timer_signals_the_bot_and_keeps_backups_as_long_as_the_store_keeps_users() {
    let timer = parse_unit("jolserik-backup.timer");
    assert!(!value(&timer, "Timer", "OnCalendar").is_empty());
    assert_eq!(value(&timer, "Timer", "Persistent"), "true");
    let service = parse_unit("jolserik-backup.service");
    assert_eq!(value(&service, "Service", "Type"), "oneshot");
    let execs = &service["Service"]["ExecStart"];
    assert!(
        execs
            .iter()
            .any(|e| e.contains("kill --signal=SIGUSR1 jolserik.service")),
        "{execs:?}"
    );
    let days = jolserik::config::Config::default().privacy.retention_days;
    let prune = execs
        .iter()
        .find(|e| e.contains("-delete"))
        .expect("a clean-up");
    assert!(prune.contains(&format!("-mtime +{days} ")), "{prune}");
    assert!(prune.contains("-name jolserik-backup-*.jsonl"), "{prune}");
    assert!(prune.contains("/var/lib/jolserik -maxdepth 1"), "{prune}");
}

/// `systemd-analyze verify` on copies of the units whose binary is the one just built
/// (verify insists that `ExecStart` exists). Skipped, visibly, without systemd.
#[test]
fn systemd_analyze_verifies_the_units() {
    let probe = Command::new("systemd-analyze").arg("--version").output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("SKIPPED: systemd-analyze is not installed; the unit files were only parsed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(deploy_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.ends_with(".service") || name.ends_with(".timer")) {
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("/usr/local/bin/jolserik", env!("CARGO_BIN_EXE_jolserik"));
        std::fs::write(dir.path().join(&name), text).unwrap();
        names.push(format!("./{name}"));
    }
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    let out = Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .args(&names)
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    // Unknown or misspelt keys are only warnings to verify; here they fail.
    assert!(stderr.trim().is_empty(), "{stderr}");
}
