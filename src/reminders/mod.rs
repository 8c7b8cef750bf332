//! Reminders: the bot writes first, days before each deadline of a user's plan, at a
//! sensible local hour, in the user's language, and keeps that promise across restarts.
//!
//! - [`plan`]: pure. Deadlines × `days_before` × `send_at` × quiet hours × time zone →
//!   exact UTC instants; stable reminder ids; the catch-up rule that collapses missed
//!   reminders per deadline.
//! - [`view`]: pure. A reminder, the `/reminders` list and the calendar's texts as
//!   messages (ids + arguments), with the reminder's buttons.
//! - [`ics`]: pure. The `/calendar` file (RFC 5545): escaping, folding, CRLF.
//! - [`delivery`]: what the app, the worker and the sinks agree on: a delivery's
//!   outcome, the [`ReminderSink`] trait, the [`Wakeup`] the app pokes.
//! - [`worker`]: async. Sleeps until the next due reminder, wakes when a nearer one is
//!   planned, marks each in flight, delivers it through a [`ReminderSink`], marks it
//!   delivered. It drives the app (`App`), so it sits above it; nothing below imports
//!   it.
//!
//! Reminders build on the engine: the user's choices ([`ReminderPrefs`]) and the
//! deadline key ([`DeadlineKey`]) belong to the stored conversation and are defined
//! there (`engine::state`, `engine::input`), re-exported here. The Telegram sink lives
//! in the Telegram front end (`telegram::reminder_sink`). The reminders themselves live
//! in the store (`store`), which re-plans a user's reminders in the same transaction
//! that saves their profile.

pub mod delivery;
pub mod ics;
pub mod plan;
pub mod view;
pub mod worker;

pub use crate::engine::{DeadlineKey, ReminderPrefs};
pub use delivery::{Delivery, ReminderSink, Wakeup};
pub use plan::Reminder;
pub use worker::Worker;

/// The old path of the Telegram sink, for the integration tests only (feature
/// `test-support`); the sink is `telegram::reminder_sink`. Remove once the tests
/// name the new path.
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub use crate::telegram::reminder_sink as telegram_sink;
