//! Reminders: the bot writes first, days before each deadline of a user's plan, at a
//! sensible local hour, in the user's language, and keeps that promise across restarts.
//!
//! - [`plan`]: pure. Deadlines × `days_before` × `send_at` × quiet hours × time zone →
//!   exact UTC instants; stable reminder ids; the catch-up rule that collapses missed
//!   reminders per deadline.
//! - [`view`]: pure. A reminder, the `/reminders` list and the calendar's texts as
//!   messages (ids + arguments), with the reminder's buttons.
//! - [`ics`]: pure. The `/calendar` file (RFC 5545): escaping, folding, CRLF.
//! - [`worker`]: async. Sleeps until the next due reminder, wakes when a nearer one is
//!   planned, marks each in flight, delivers it through a [`worker::ReminderSink`],
//!   marks it delivered.
//! - [`telegram_sink`]: the sink that sends reminders through the Telegram Bot API.
//!
//! The reminders themselves live in the store (`store`), which re-plans a user's
//! reminders in the same transaction that saves their profile.

pub mod ics;
pub mod plan;
pub mod telegram_sink;
pub mod view;
pub mod worker;

pub use plan::{DeadlineKey, Reminder, ReminderPrefs};
pub use worker::{Delivery, ReminderSink, Wakeup, Worker};
