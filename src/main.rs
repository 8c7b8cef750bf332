//! The command line: `chat`, `check`, `export`, `delete`, `backup`, `restore`, `plan`,
//! `rules` (with `rules diff` and `rules impact`), `serve`. Wiring only: every command opens what it needs, calls the library
//! and turns an error into a clear message and a non-zero exit.

use std::collections::BTreeSet;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use jolserik::app::{App, Data};
use jolserik::clock::{self, Clock};
use jolserik::config::Config;
use jolserik::countries::CountryMatch;
use jolserik::domain::{DocKind, Employer, Lang, PriorDays, Profile, Purpose, Trip};
use jolserik::private_fs;
use jolserik::rules;
use jolserik::rules::trips::TripError;
use jolserik::store::Store;
use jolserik::telegram;

#[derive(Parser)]
#[command(
    name = "jolserik",
    version,
    about = "A fellow traveller for foreigners in Kazakhstan"
)]
struct Cli {
    /// The configuration file.
    #[arg(long, global = true, default_value = "config.toml")]
    config: PathBuf,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Talk with the bot in the terminal; one line is one message.
    Chat {
        /// Which user to be; a second run with the same id continues the conversation.
        #[arg(long, default_value_t = 1)]
        user: u64,
        /// The language to start in (uz, tg, ky, kk, ru, en).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Start the clock here: an RFC 3339 instant or a date (00:00 Asia/Almaty).
        #[arg(long)]
        now: Option<String>,
    },
    /// Check the configuration, locales and rule catalogue, and the modes of the store
    /// and its backup directory (no one but the owner may read them); print a summary.
    Check,
    /// Print everything stored about a user, as JSON.
    Export {
        #[arg(long)]
        user: u64,
    },
    /// Erase everything stored about a user.
    Delete {
        #[arg(long)]
        user: u64,
    },
    /// Write a consistent snapshot of the whole store to FILE (the bot must be stopped;
    /// a running bot writes one when it receives SIGUSR1).
    Backup { file: PathBuf },
    /// Replace the store's content with a backup FILE, after checking all of it.
    Restore {
        file: PathBuf,
        /// Replace a store that already holds data.
        #[arg(long)]
        force: bool,
    },
    /// Compute a plan without the dialogue.
    Plan(PlanArgs),
    /// Print the rule catalogue for a human reviewer; or compare two catalogues, or
    /// see whom a new one would reach.
    Rules {
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        #[command(subcommand)]
        action: Option<RulesCmd>,
    },
    /// Run the Telegram bot until SIGINT or SIGTERM. The token comes from the
    /// `telegram-token` file in $CREDENTIALS_DIRECTORY, or else from TELOXIDE_TOKEN.
    Serve {
        /// Start the clock here: an RFC 3339 instant or a date (00:00 Asia/Almaty).
        #[arg(long)]
        now: Option<String>,
    },
}

#[derive(Subcommand)]
enum RulesCmd {
    /// The rule-level differences between two catalogue files (parameters, sources,
    /// confidence, groups, countries moved between groups, holidays, MCI).
    Diff { old: PathBuf, new: PathBuf },
    /// A dry run of a new catalogue on the store: how many users would be told, grouped
    /// by what changes for them. Reads only; sends nothing. While the bot runs, give it
    /// a backup (send the bot SIGUSR1, then pass the file it writes with --backup).
    Impact {
        new: PathBuf,
        /// Read this backup file instead of the store (the bot may keep running).
        #[arg(long)]
        backup: Option<PathBuf>,
        /// The day to judge on (default: today in Asia/Almaty).
        #[arg(long, value_parser = parse_iso_date)]
        today: Option<NaiveDate>,
    },
}

#[derive(clap::Args)]
struct PlanArgs {
    /// Citizenship: ISO 3166 alpha-2 or alpha-3 code.
    #[arg(long)]
    citizenship: String,
    /// Date of the last entry, YYYY-MM-DD.
    #[arg(long, value_parser = parse_iso_date)]
    entry: NaiveDate,
    /// Days spent in Kazakhstan in the 180 days before that entry, when the trips are
    /// not known: assumed right before the entry (the safe side, approximate).
    #[arg(long)]
    days_before: Option<u16>,
    /// An earlier stay in the 180 days before the entry, ENTRY:EXIT (YYYY-MM-DD, both
    /// days counted); repeat for each trip. Makes the 90/180 count exact.
    #[arg(long = "trip", value_parser = parse_trip)]
    trips: Vec<Trip>,
    /// work, study, family, visit, business, kandas, nomad or other.
    #[arg(long, value_parser = parse_purpose)]
    purpose: Option<Purpose>,
    /// household, company or abroad.
    #[arg(long, value_parser = parse_employer)]
    employer: Option<Employer>,
    /// A document held: KIND:YYYY-MM-DD (trp, labour_permit, work_permit, visa) or iin.
    #[arg(long, value_parser = parse_holding)]
    holds: Vec<(DocKind, Option<NaiveDate>)>,
    /// The day to compute for (default: today in Asia/Almaty).
    #[arg(long, value_parser = parse_iso_date)]
    today: Option<NaiveDate>,
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Print the plan as JSON.
    #[arg(long)]
    json: bool,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("`{s}` is not one of {}", Lang::codes()))
}

fn parse_iso_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("`{s}` is not a date YYYY-MM-DD"))
}

fn parse_trip(s: &str) -> Result<Trip, String> {
    let (entry, exit) = s
        .split_once(':')
        .ok_or_else(|| format!("`{s}` is not a trip ENTRY:EXIT (YYYY-MM-DD:YYYY-MM-DD)"))?;
    Ok(Trip::new(parse_iso_date(entry)?, parse_iso_date(exit)?))
}

fn parse_purpose(s: &str) -> Result<Purpose, String> {
    Purpose::from_code(s).ok_or_else(|| {
        format!("`{s}` is not one of work, study, family, visit, business, kandas, nomad, other")
    })
}

fn parse_employer(s: &str) -> Result<Employer, String> {
    Employer::from_code(s).ok_or_else(|| format!("`{s}` is not one of household, company, abroad"))
}

fn parse_holding(s: &str) -> Result<(DocKind, Option<NaiveDate>), String> {
    let (kind, date) = match s.split_once(':') {
        Some((k, d)) => (k, Some(parse_iso_date(d)?)),
        None => (s, None),
    };
    let kind = DocKind::from_code(kind).ok_or_else(|| {
        format!("`{kind}` is not one of trp, labour_permit, work_permit, visa, iin")
    })?;
    match (kind.has_end_date(), date) {
        (true, None) => Err(format!(
            "{s}: give its end date as {kind_code}:YYYY-MM-DD",
            kind_code = kind.code()
        )),
        (false, Some(_)) => Err(format!("{s}: an IIN has no end date; write just `iin`")),
        (_, date) => Ok((kind, date)),
    }
}

/// A failure with a message for the operator; `main` prints it with its causes.
type Failure = Box<dyn std::error::Error>;

fn main() -> ExitCode {
    // Before anything is created: every file and directory of every command is the
    // bot's user's alone, whatever umask the shell or service manager gave us.
    private_fs::restrict_umask();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let mut message = format!("jolserik: error: {e}");
            let mut source = e.source();
            while let Some(cause) = source {
                message.push_str(&format!("\n  caused by: {cause}"));
                source = cause.source();
            }
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Reads the config file. The default path may be absent (defaults apply); a path given
/// explicitly must exist.
fn load_config(path: &Path) -> Result<Config, Failure> {
    let explicit = path != Path::new("config.toml");
    if !explicit && !path.exists() {
        return Ok(Config::from_toml_str("", std::env::vars())?);
    }
    Ok(Config::load(path, std::env::vars())?)
}

fn init_logs(config: &Config, quiet: bool) {
    // The terminal chat prints replies on stdout; its logs stay on stderr and quiet.
    let default = if quiet {
        "warn"
    } else {
        config.log.level.as_str()
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(jolserik::logging::filter(default))
        .with_writer(std::io::stderr)
        .try_init();
}

fn clock_from(now: Option<&str>) -> Result<Clock, Failure> {
    Ok(match now {
        Some(s) => Clock::starting_at(clock::parse_instant(s)?),
        None => Clock::system(),
    })
}

fn run(cli: Cli) -> Result<(), Failure> {
    let config = load_config(&cli.config)?;
    match cli.command {
        Cmd::Chat { user, lang, now } => {
            init_logs(&config, true);
            let clock = clock_from(now.as_deref())?;
            private_fs::prepare_store(&config.storage.path);
            let app = App::open(config, clock)?;
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            jolserik::console::run(
                &app,
                user,
                lang,
                BufReader::new(stdin.lock()),
                stdout.lock(),
            )?;
            app.store.sync()?;
            Ok(())
        }
        Cmd::Check => {
            init_logs(&config, false);
            let data = Data::load(&config)?;
            let mut out = std::io::stdout().lock();
            writeln!(out, "config: {} ok", cli.config.display())?;
            for (key, value) in config.summary() {
                writeln!(out, "  {key} = {value}")?;
            }
            writeln!(out, "countries: {} ok", data.countries.len())?;
            writeln!(out, "rules: {} ok", data.catalogue.summary())?;
            writeln!(
                out,
                "locales: {} ok (same messages and variables)",
                Lang::codes()
            )?;
            let cases = rules::assess::reference_check(&data.catalogue)?;
            writeln!(out, "calculator: {cases} reference cases ok")?;
            let days = config.rules.stale_after_days;
            let stale = data.catalogue.stale_rules(Clock::system().today(), days);
            if stale.is_empty() {
                writeln!(out, "rules review: every rule checked within {days} days")?;
            } else {
                let list: Vec<String> = stale
                    .iter()
                    .map(|r| format!("{} (verified {})", r.id, r.verified))
                    .collect();
                writeln!(
                    out,
                    "rules review: {} rule(s) checked more than {days} days ago, due for review: {}",
                    stale.len(),
                    list.join(", ")
                )?;
            }
            // Whether the bot can post there needs Telegram: `serve` asks (getChat) at
            // start and logs it.
            match config.handover.operator_chat {
                Some(chat) => writeln!(
                    out,
                    "handover: on, cases go to chat {chat} in {}; serve checks at start that \
                     the bot can post there",
                    config.handover.operator_language
                )?,
                None => writeln!(
                    out,
                    "handover: off, \"Ask a person\" shows the contacts ({} of 6 languages set)",
                    config.handover.contacts.len()
                )?,
            }
            check_modes(&mut out, &config)
        }
        Cmd::Export { user } => {
            init_logs(&config, true);
            private_fs::prepare_store(&config.storage.path);
            let store = Store::open(&config.storage.path)?;
            let export = store.export(user)?;
            println!("{}", serde_json::to_string_pretty(&export)?);
            Ok(())
        }
        Cmd::Delete { user } => {
            init_logs(&config, true);
            let store = open_offline(&config)?;
            let existed = store.delete(user)?;
            // Rewrite the files, so that the erased bytes leave the disk now.
            store.compact()?;
            println!(
                "{}",
                if existed {
                    format!("user {user}: erased")
                } else {
                    format!("user {user}: nothing was stored")
                }
            );
            Ok(())
        }
        Cmd::Backup { file } => {
            init_logs(&config, true);
            let store = open_offline(&config)?;
            let summary = jolserik::backup::write(&store, &file, Clock::system().now())?;
            println!(
                "{}: {} entries (schema {})",
                file.display(),
                summary.entries,
                summary.header.schema
            );
            Ok(())
        }
        Cmd::Restore { file, force } => {
            init_logs(&config, true);
            let store = open_offline(&config)?;
            let summary = jolserik::backup::restore(&store, &file, force)?;
            store.sync()?;
            println!(
                "{}: {} entries restored into {} (backup of {})",
                file.display(),
                summary.entries,
                config.storage.path.display(),
                summary.header.created.to_rfc3339()
            );
            Ok(())
        }
        Cmd::Plan(args) => {
            init_logs(&config, true);
            plan(&config, args)
        }
        Cmd::Serve { now } => serve(config, now.as_deref()),
        Cmd::Rules {
            action: Some(action),
            ..
        } => {
            init_logs(&config, true);
            rules_action(&config, action)
        }
        Cmd::Rules { lang, action: None } => {
            init_logs(&config, true);
            let data = Data::load(&config)?;
            let lang = lang.unwrap_or(config.i18n.default_language);
            let mut out = std::io::stdout().lock();
            for msg in rules::view::catalogue_report(&data.catalogue) {
                writeln!(out, "{}\n", data.localizer.render(lang, &msg))?;
            }
            Ok(())
        }
    }
}

/// Why `jolserik rules impact` could not read the store.
#[derive(Debug, thiserror::Error)]
enum ImpactError {
    #[error("the store at {0} is in use by a running jolserik: send it SIGUSR1 (kill -USR1 <pid>), then run again with --backup and the file it writes next to the store directory")]
    InUse(PathBuf),
}

/// `jolserik rules diff` and `jolserik rules impact`.
fn rules_action(config: &Config, action: RulesCmd) -> Result<(), Failure> {
    let data = Data::load(config)?;
    let known = |code: &str| data.countries.contains(code);
    let mut out = std::io::stdout().lock();
    match action {
        RulesCmd::Diff { old, new } => {
            let old = rules::Catalogue::load(&old, &known)?;
            let new = rules::Catalogue::load(&new, &known)?;
            writeln!(out, "catalogue {} -> {}", describe(&old), describe(&new))?;
            let lines = rules::diff::diff(&old, &new);
            if lines.is_empty() {
                writeln!(out, "no rule-level differences")?;
            }
            for line in lines {
                writeln!(out, "{line}")?;
            }
            Ok(())
        }
        RulesCmd::Impact { new, backup, today } => {
            let new = rules::Catalogue::load(&new, &known)?;
            // A backup is restored into a private scratch store, read, and removed.
            let scratch =
                std::env::temp_dir().join(format!("jolserik-impact-{}", std::process::id()));
            let store = match &backup {
                Some(file) => {
                    let _ = std::fs::remove_dir_all(&scratch);
                    let store = Store::open(&scratch)?;
                    jolserik::backup::restore(&store, file, false)?;
                    store
                }
                None => match Store::open(&config.storage.path) {
                    Ok(store) => store,
                    Err(jolserik::store::StoreError::InUse { path }) => {
                        return Err(ImpactError::InUse(path).into())
                    }
                    Err(e) => return Err(e.into()),
                },
            };
            let clock = Clock::system();
            let today = today.unwrap_or_else(|| clock.today());
            let impact = jolserik::recheck::impact(
                &store,
                &known,
                &data.catalogue,
                &new,
                clock.now(),
                today,
                config.privacy.retention_days,
            );
            drop(store);
            if backup.is_some() {
                let _ = std::fs::remove_dir_all(&scratch);
            }
            let impact = impact?;
            writeln!(
                out,
                "catalogue {} -> {}",
                describe(&data.catalogue),
                describe(&new)
            )?;
            writeln!(
                out,
                "users to re-assess: {}; would be told: {}; updated silently: {}; left to the retention sweep: {}",
                impact.users, impact.told, impact.silent, impact.skipped
            )?;
            if !impact.by_change.is_empty() {
                writeln!(out, "told, by what changes for them:")?;
                for (label, n) in &impact.by_change {
                    writeln!(out, "  {label}: {n}")?;
                }
            }
            writeln!(out, "dry run: nothing was written and no message was sent")?;
            Ok(())
        }
    }
}

/// A catalogue's version, with its label when it has one.
fn describe(c: &rules::Catalogue) -> String {
    match c.label() {
        Some(label) => format!("{} ({label})", c.version()),
        None => c.version().to_string(),
    }
}

/// Why `jolserik check` refused the modes on disk.
#[derive(Debug, thiserror::Error)]
enum ModesError {
    #[error("{0} path(s) of the store or its backups can be read or written by other users (listed above): `jolserik serve` (or any command that opens the store) sets the store to 0700/0600; for the backup directory, chmod 700 it")]
    TooOpen(usize),
}

/// The `check` lines about the disk: the store's and the backup directory's modes and
/// owner. Once the store exists, any path of the store, or the backup directory, that
/// group or others may read or write fails the check. Before the first start there is
/// nothing to protect yet: a wide backup directory is pointed out but passes (it is
/// often the checkout's `data/` or a fresh temporary directory).
fn check_modes(out: &mut impl Write, config: &Config) -> Result<(), Failure> {
    let store = &config.storage.path;
    let backups = jolserik::maintenance::backup_dir(store);
    let store_exists = std::fs::symlink_metadata(store).is_ok();
    let me = private_fs::current_uid();
    let mut too_open = 0;
    for (what, path, walk) in [
        ("store", store.as_path(), true),
        ("backups", &backups, false),
    ] {
        let Some(seen) = private_fs::inspect(path, walk)? else {
            writeln!(
                out,
                "{what}: {} not created yet (it will be 0700)",
                path.display()
            )?;
            continue;
        };
        let owner = if Some(seen.uid) == me {
            format!("owner uid {} (this user)", seen.uid)
        } else {
            format!("owner uid {} (not this user)", seen.uid)
        };
        let dir = path.is_dir();
        let contents = if walk {
            format!(", {} paths inside", seen.checked.saturating_sub(1))
        } else {
            String::new()
        };
        let counts = store_exists || seen.is_private();
        let verdict = match (seen.is_private(), counts) {
            (true, _) => "ok",
            (false, true) => "TOO OPEN",
            (false, false) => "too open for data: chmod 700 it before the first start",
        };
        writeln!(
            out,
            "{what}: {} {} ({:04o}), {owner}{contents} {verdict}",
            path.display(),
            private_fs::mode_text(seen.mode, dir),
            seen.mode
        )?;
        for (at, mode) in &seen.too_open {
            writeln!(
                out,
                "  {} is {} ({mode:04o}): readable or writable by group or others",
                at.display(),
                private_fs::mode_text(*mode, at.is_dir())
            )?;
        }
        if counts {
            too_open += seen.too_open.len();
        }
    }
    if too_open > 0 {
        return Err(ModesError::TooOpen(too_open).into());
    }
    Ok(())
}

/// Why an offline command could not open the store.
#[derive(Debug, thiserror::Error)]
enum OfflineError {
    #[error("the store at {0} is in use by a running jolserik: stop it first, or send it SIGUSR1 (kill -USR1 <pid>) and it writes a backup next to the store directory")]
    InUse(PathBuf),
}

/// Opens the store for `backup` and `restore`, which need the bot stopped.
fn open_offline(config: &Config) -> Result<Store, Failure> {
    private_fs::prepare_store(&config.storage.path);
    match Store::open(&config.storage.path) {
        Ok(store) => Ok(store),
        Err(jolserik::store::StoreError::InUse { path }) => Err(OfflineError::InUse(path).into()),
        Err(e) => Err(e.into()),
    }
}

/// Why `jolserik plan` refused its arguments.
#[derive(Debug, thiserror::Error)]
enum PlanArgError {
    #[error("--citizenship {0}: not an ISO 3166 alpha-2 or alpha-3 code we know")]
    UnknownCountry(String),
    #[error("--days-before {0}: must be from 0 to 180")]
    DaysBefore(u16),
    #[error("--holds {0} is given twice")]
    DuplicateHolding(String),
    #[error("--employer applies only with --purpose work")]
    EmployerWithoutWork,
    #[error("--trip {}:{} is refused", .source.trip().entry, .source.trip().exit)]
    Trip {
        #[source]
        source: TripError,
    },
    #[error("give either --trip (exact) or --days-before (approximate), not both")]
    TripsAndDaysBefore,
}

fn plan(config: &Config, args: PlanArgs) -> Result<(), Failure> {
    let data = Data::load(config)?;
    let code = args.citizenship.trim();
    let citizenship = match data.countries.match_input(code) {
        CountryMatch::Exact(c) if code.len() <= 3 => c,
        _ => return Err(PlanArgError::UnknownCountry(args.citizenship.clone()).into()),
    };
    let prior_days = match args.days_before {
        None | Some(0) => PriorDays::None,
        Some(n) if n <= 180 => PriorDays::Known(n),
        Some(n) => return Err(PlanArgError::DaysBefore(n).into()),
    };
    if args.employer.is_some() && args.purpose != Some(Purpose::Work) {
        return Err(PlanArgError::EmployerWithoutWork.into());
    }
    if !args.trips.is_empty() && args.days_before.is_some() {
        return Err(PlanArgError::TripsAndDaysBefore.into());
    }
    // The same checks the rules make, so a bad trip is refused by name rather than
    // quietly turning the count into "don't know".
    let window_days = data
        .catalogue
        .placement(citizenship.as_str())
        .group
        .window
        .map_or(180, |w| w.days);
    let trips = rules::trips::validate(&args.trips, args.entry, window_days)
        .map_err(|source| PlanArgError::Trip { source })?;
    let mut documents = BTreeSet::new();
    let mut profile = Profile {
        citizenship: Some(citizenship),
        entry: Some(args.entry),
        prior_days: Some(prior_days),
        purpose: Some(args.purpose.unwrap_or(Purpose::Visit)),
        employer: args.employer,
        trips,
        ..Profile::default()
    };
    for (kind, end) in args.holds {
        if !documents.insert(kind) {
            return Err(PlanArgError::DuplicateHolding(kind.code().to_string()).into());
        }
        if let Some(end) = end {
            profile.document_ends.insert(kind, end);
        }
    }
    profile.documents = Some(documents);
    let today = args.today.unwrap_or_else(|| Clock::system().today());
    let plan = rules::assess(&data.catalogue, &profile, today);
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&plan.to_json())?)?;
    } else {
        let lang = args.lang.unwrap_or(config.i18n.default_language);
        for msg in rules::view::plan_messages(&plan, &data.catalogue) {
            writeln!(out, "{}\n", data.localizer.render(lang, &msg))?;
        }
    }
    Ok(())
}

/// `jolserik serve`. The secrets are read first, so a missing or malformed token fails
/// before anything opens; from then on the log writer and the panic hook redact them.
fn serve(config: Config, now: Option<&str>) -> Result<(), Failure> {
    let options = telegram::Options::from_env(&config)?;
    let redactor = telegram::Redactor::new(Some(&options.token), options.webhook_secret.as_ref());
    redactor.install_panic_hook();
    let _ = tracing_subscriber::fmt()
        .with_env_filter(jolserik::logging::filter(&config.log.level))
        .with_writer(redactor.stderr_writer())
        .try_init();
    let clock = clock_from(now)?;
    private_fs::prepare_store(&config.storage.path);
    let app = Arc::new(App::open(config, clock)?);
    let runtime = telegram::runtime()?;
    let result = runtime.block_on(telegram::run_until(
        app,
        options,
        telegram::shutdown_signal(),
    ));
    // A handler stuck on a long retry must not hold the exit; the store is flushed.
    runtime.shutdown_timeout(std::time::Duration::from_secs(2));
    Ok(result?)
}
