//! What the app, the delivery worker and the sinks agree on: the outcome of one
//! delivery ([`Delivery`]), where reminders go ([`ReminderSink`]), and how the app wakes
//! the worker when it planned a nearer reminder ([`Wakeup`]). Apart from the worker so
//! that the app, which records outcomes and owns the wakeup, does not import the worker,
//! which drives the app (see ARCHITECTURE.md, "Dependencies between modules").

use std::future::Future;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::Notify;

use crate::domain::Lang;
use crate::engine::Reply;

/// What became of one delivery attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Delivered,
    /// The user blocked the bot (or deleted their account): stop their reminders.
    Blocked,
    /// Too many requests: try again after this long, and slow down meanwhile.
    RetryAfter(Duration),
    /// Refused for good (a malformed message): drop it, say why in the log.
    Rejected(String),
}

/// Where reminders go: Telegram in `serve`, a recorder in tests. The reply is rendered
/// by the sink in `lang`, like any other reply.
pub trait ReminderSink: Send + Sync + 'static {
    fn deliver(
        &self,
        user: u64,
        lang: Lang,
        reply: &Reply,
    ) -> impl Future<Output = Delivery> + Send;
}

/// How the app tells the worker that a nearer reminder was planned.
#[derive(Debug)]
pub struct Wakeup {
    pub(crate) notify: Notify,
    /// The due time (ms) the worker is sleeping until; `i64::MIN` while it is looking
    /// at the store, so that anything planned meanwhile wakes it.
    pub(crate) waiting_for: AtomicI64,
}

impl Default for Wakeup {
    fn default() -> Wakeup {
        Wakeup {
            notify: Notify::new(),
            waiting_for: AtomicI64::new(i64::MIN),
        }
    }
}

impl Wakeup {
    /// A reminder was planned for `at`: wake the worker if it sleeps past that.
    pub fn planned(&self, at: Option<DateTime<Utc>>) {
        if let Some(at) = at {
            if at.timestamp_millis() < self.waiting_for.load(Ordering::SeqCst) {
                self.notify.notify_one();
            }
        }
    }

    /// Wakes the worker to look again (a test moved a manual clock).
    pub fn poke(&self) {
        self.notify.notify_one();
    }
}
