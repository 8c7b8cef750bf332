//! Jolserik (Kazakh *жолсерік*, "fellow traveller") keeps foreigners in Kazakhstan on the
//! right side of their stay and permit deadlines: it asks a few questions, answers with a
//! plan made for them (how long they may stay, what to do, where, by when, at what cost,
//! from which source), in Uzbek, Tajik, Kyrgyz, Kazakh, Russian or English.
//!
//! # Layout
//!
//! - [`domain`]: the words of the domain: languages, countries, purposes, documents, the
//!   profile built by the dialogue.
//! - [`engine`]: the pure dialogue state machine, `step(conversation, input, context)`.
//! - [`rules`]: the Kazakhstan rule catalogue (data) and the pure assessment that turns a
//!   profile into a plan.
//! - [`text`]: message ids with typed arguments, what the engine and rules say.
//! - [`i18n`]: Fluent bundles, rendering, per-language dates and money, locale checks.
//! - [`dates`]: reading the dates people type, writing dates per language.
//! - [`countries`]: the country table (names in six languages, ISO codes) and the
//!   forgiving matcher for typed country names.
//! - [`store`]: the only module that touches sled: records, schema versions, migrations,
//!   group commit.
//! - [`app`]: the pipeline every front end shares: load, step, save, then reply; also
//!   the retention sweep over every user.
//! - [`retention`]: the pure decision of who the retention sweep erases.
//! - [`private_fs`]: file modes: the umask, a private store and backups, what `check`
//!   reports of them.
//! - [`backup`]: the backup file (JSON lines, checksummed) and `backup`/`restore`.
//! - [`maintenance`]: what the running bot does on its own: the daily retention sweep
//!   and a backup on SIGUSR1.
//! - [`console`]: the terminal front end (`jolserik chat`).
//! - [`telegram`]: the Telegram front end (`jolserik serve`): the inbox, the flood
//!   limits that keep one chat from delaying the others, and the Telegram sink of the
//!   delivery worker. (The Bot API test double is the crate `fake-bot-api`.)
//! - [`config`]: `config.toml` plus environment overrides, typed and validated.
//! - [`logging`]: the log filter, which keeps libraries from logging stored data.
//! - [`clock`]: the one source of "now", movable with `--now`.
//! - [`reminders`]: reminder planning and messages (pure), the `.ics` calendar, what
//!   the app and the worker share. Builds on the engine, which keeps the user's reminder
//!   choices in the conversation; see ARCHITECTURE.md for which way each module depends.
//! - [`worker`]: the delivery worker, which sends what falls due (above `app`).
//! - [`recheck`]: rules that stay current: after a catalogue change, every user's plan
//!   is re-assessed and those it concerns are queued one notice (above `app`).
//! - [`notices`]: the sender of those notices, beside the worker.
//! - [`casework`]: the caseworkers' side of a case handed over ("Ask a person"): their
//!   answers and `/close`, stored under the user's lock (above `app`).

pub mod app;
pub mod backup;
pub mod casework;
pub mod clock;
pub mod config;
pub mod console;
pub mod countries;
pub mod dates;
pub mod domain;
pub mod engine;
pub mod i18n;
pub mod logging;
pub mod maintenance;
pub mod notices;
pub mod private_fs;
pub mod recheck;
pub mod reminders;
pub mod retention;
pub mod rules;
pub mod store;
pub mod telegram;
pub mod text;
pub mod worker;
