//! Reminders: the bot writes first, days before each deadline of a user's plan, at a
//! sensible local hour, in the user's language, and keeps that promise across restarts.
//!
//! - [`plan`]: pure. Deadlines × `days_before` × `send_at` × quiet hours × time zone →
//!   exact UTC instants; stable reminder ids; the catch-up rule that collapses missed
//!   reminders per deadline.
//! - [`digest`]: pure. One message per user per day: which reminders go out together,
//!   which wait for the next day's digest, which are superseded.
//! - [`view`]: pure. A reminder, the `/reminders` list and the calendar's texts as
//!   messages (ids + arguments), with the reminder's buttons.
//! - [`ics`]: pure. The `/calendar` file (RFC 5545): escaping, folding, CRLF.
//! - [`delivery`]: what the app, the worker and the sinks agree on: a delivery's
//!   outcome, the [`ReminderSink`] trait, the [`Wakeup`] the app pokes.
//!
//! The delivery loop that sends them is `crate::worker`: it drives the app, which plans
//! with this module, so it lives above both.
//!
//! Reminders build on the engine: the user's choices ([`ReminderPrefs`]) and the
//! deadline key ([`DeadlineKey`]) belong to the stored conversation and are defined
//! there (`engine::state`, `engine::input`), re-exported here. The Telegram sink lives
//! in the Telegram front end (`telegram::reminder_sink`). The reminders themselves live
//! in the store (`store`), which re-plans a user's reminders in the same transaction
//! that saves their profile.

pub mod delivery;
pub mod digest;
pub mod ics;
pub mod plan;
pub mod view;

pub use crate::engine::{DeadlineKey, ReminderPrefs};
pub use delivery::{Delivery, ReminderSink, Wakeup};
pub use digest::Digest;
pub use plan::Reminder;
