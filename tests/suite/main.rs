//! The integration tests, in one binary: each module was a test file of its own, and
//! each linked the whole stack. Together they share one `common` (the launcher of the
//! built binary, waiting, the bot against the Bot API test double) and one link.
//!
//! Apart, in binaries of their own, are the tests that need the whole process:
//! `tests/logs.rs` and `tests/disk.rs` install a process-wide log subscriber and read
//! what it captured, and `tests/fuzz.rs` checks the process's peak memory and times
//! every case.
//!
//! Run one module with `cargo test --test suite telegram::`.

#[path = "../common/mod.rs"]
mod common;

mod backup;
mod calendar;
mod chat;
mod cli;
mod crash;
mod deploy;
mod faults;
mod flood;
mod handover;
mod inbox;
mod languages;
mod locales;
mod pace;
mod privacy;
mod reminders;
mod rule_changes;
mod rules_golden;
mod screens;
mod serve_reminders;
mod store;
mod telegram;
mod upgrade;
