//! The sender of rule-change notices: the queue `recheck` fills, delivered through the
//! same [`ReminderSink`] as the reminders (in `serve` the same throttled Bot API client,
//! so notices keep to Telegram's rates; in tests the `RecordingSink`). A module of its
//! own beside `worker`, above `app`: the reminder worker is being reshaped into daily
//! digests, and a notice is rare (a few times a year per user), so it does not need
//! the worker's overlapping deliveries. When the digests settle, a due notice could
//! simply become one more line of the user's digest of that day: the queue, the
//! in-flight mark and the rendering here stay as they are.
//!
//! Like the worker: it sleeps until the next due notice (the first key of
//! `notices_due`), or until the re-assessment queues one (`App::notice_wakeup`), or
//! until shutdown; nothing goes out in the quiet hours. Each notice is taken out of the
//! queue and marked in flight on disk before it is sent, and leaves the store once
//! delivered; what a crash left in flight is sent again at the next start, and nothing
//! else, so a notice is sent at least once and never twice but for a crash in the very
//! moment of sending. Up to [`WIDTH`] go at once: one at a time, each waiting for its
//! round trip and Throttle's release, would send about four a second, and a change that
//! concerns most users (the MCI each January) would take hours.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use crate::app::App;
use crate::domain::Lang;
use crate::engine::{Action, Button, Reply};
use crate::reminders::delivery::{Delivery, ReminderSink};
use crate::reminders::plan::outside_quiet_hours;
use crate::rules::changes::notice_msg;
use crate::store::Notice;
use crate::text::Msg;
use crate::worker::{or_stop, until, Stopping};

/// How many due notices one round reads.
const ROUND: usize = 100;
/// How many notices are sent at once (each marked in flight on disk first); Throttle
/// keeps them to Telegram's 30 a second.
const WIDTH: usize = 8;
/// The longest single sleep: a guard against wall-clock jumps, not a poll.
const MAX_SLEEP: Duration = Duration::from_secs(300);
/// The pause after a store error before trying again.
const STORE_BACKOFF: Duration = Duration::from_secs(5);

/// What the sender reports after each delivery or round, for the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Observed {
    /// A notice was delivered just now.
    pub delivered: bool,
    /// Notices queued or in flight.
    pub pending: usize,
}

/// The message of a notice in its user's language, as sent now: `None` when the user
/// is gone or has blocked the bot.
pub fn notice_message(app: &App, notice: &Notice) -> Option<(Lang, Reply)> {
    let record = app.store.peek(notice.user).ok().flatten()?;
    if record.meta.blocked {
        return None;
    }
    Some((
        record.conversation.lang,
        Reply::with_buttons(
            notice_msg(&notice.changes, notice.changed_on),
            vec![vec![Button::new(
                Msg::new("btn-open-plan"),
                Action::ShowPlan,
            )]],
        ),
    ))
}

/// Sends due notices through `sink` until `shutdown`; `observe` hears each delivery.
pub async fn run<S: ReminderSink>(
    app: Arc<App>,
    sink: S,
    observe: impl Fn(Observed) + Send,
    shutdown: impl Future<Output = ()> + Send,
) {
    tokio::pin!(shutdown);
    let sender = Sender { app, sink, observe };
    let Err(Stopping) = sender.until_stopped(&mut shutdown).await;
}

struct Sender<S, O> {
    app: Arc<App>,
    sink: S,
    observe: O,
}

impl<S: ReminderSink, O: Fn(Observed) + Send> Sender<S, O> {
    async fn until_stopped<F: Future<Output = ()>>(
        &self,
        shutdown: &mut Pin<&mut F>,
    ) -> Result<std::convert::Infallible, Stopping> {
        let wakeup = self.app.notice_wakeup.clone();
        let mut look_in_flight = true;
        loop {
            if look_in_flight {
                let Some(left) = self.store(|app| app.store.notices_in_flight()).await else {
                    self.pause(STORE_BACKOFF, shutdown).await?;
                    continue;
                };
                if !left.is_empty() {
                    tracing::info!(count = left.len(), "re-sending notices left in flight");
                }
                for group in left.chunks(WIDTH) {
                    self.deliver_all(group.to_vec(), shutdown).await?;
                }
                look_in_flight = false;
            }
            wakeup.waiting_for.store(i64::MIN, Ordering::SeqCst);
            let now = self.app.clock.now();
            let open = outside_quiet_hours(&self.app.config.reminders, now);
            if open > now {
                wakeup
                    .waiting_for
                    .store(open.timestamp_millis(), Ordering::SeqCst);
                self.sleep(until(now, open), shutdown).await?;
                continue;
            }
            let Some(users) = self
                .store(move |app| app.store.due_notice_users(now, ROUND))
                .await
            else {
                self.pause(STORE_BACKOFF, shutdown).await?;
                look_in_flight = true;
                continue;
            };
            if users.is_empty() {
                let Some(next) = self.store(|app| app.store.next_notice_due()).await else {
                    self.pause(STORE_BACKOFF, shutdown).await?;
                    continue;
                };
                let next_ms = next.map_or(i64::MAX, |t| t.timestamp_millis());
                wakeup.waiting_for.store(next_ms, Ordering::SeqCst);
                let pending = self.app.store.notices_pending();
                (self.observe)(Observed {
                    delivered: false,
                    pending,
                });
                self.sleep(next.map_or(MAX_SLEEP, |t| until(now, t)), shutdown)
                    .await?;
                continue;
            }
            'round: for group in users.chunks(WIDTH) {
                let now = self.app.clock.now();
                if outside_quiet_hours(&self.app.config.reminders, now) > now {
                    break;
                }
                let mut taken = Vec::new();
                for &user in group {
                    match self
                        .store(move |app| app.store.take_notice(user, now))
                        .await
                    {
                        Some(Some(notice)) => taken.push(notice),
                        Some(None) => {}
                        None => {
                            look_in_flight = true;
                            // What was taken is in flight; it goes with the re-send.
                            break 'round;
                        }
                    }
                }
                self.deliver_all(taken, shutdown).await?;
            }
        }
    }

    /// Sends in-flight notices at once and records what became of each; then waits as
    /// long as Telegram asked (a 429), if it did.
    async fn deliver_all<F: Future<Output = ()>>(
        &self,
        notices: Vec<Notice>,
        shutdown: &mut Pin<&mut F>,
    ) -> Result<(), Stopping> {
        // Abandoned at shutdown, they stay in flight and go at the next start.
        let sends = futures::future::join_all(notices.into_iter().map(|n| self.deliver(n)));
        let waits = or_stop(sends, shutdown).await?;
        if let Some(wait) = waits.into_iter().flatten().max() {
            self.pause(wait, shutdown).await?;
        }
        Ok(())
    }

    /// Sends one in-flight notice and records what became of it; how long to wait
    /// before sending more when Telegram asked to.
    async fn deliver(&self, notice: Notice) -> Option<Duration> {
        let user = notice.user;
        let n = notice.clone();
        let message = self
            .store(move |app| Ok::<_, std::convert::Infallible>(notice_message(app, &n)))
            .await
            .flatten();
        let Some((lang, reply)) = message else {
            // Gone or blocked: nothing to send, nothing to keep.
            self.store(move |app| app.store.notice_done(user)).await;
            return None;
        };
        match self.sink.deliver(user, lang, &reply).await {
            Delivery::Delivered => {
                tracing::info!(user, "rule-change notice delivered");
                self.store(move |app| app.store.notice_done(user)).await;
                let pending = self.app.store.notices_pending();
                (self.observe)(Observed {
                    delivered: true,
                    pending,
                });
            }
            Delivery::Blocked => {
                tracing::info!(user, "blocked: the rule-change notice is dropped");
                self.store(move |app| {
                    app.store.block_user(user, app.clock.now())?;
                    app.store.notice_done(user)
                })
                .await;
            }
            Delivery::RetryAfter(d) => {
                tracing::warn!(user, retry_after = ?d, "rate limited; the notice waits");
                self.store(move |app| app.store.notice_retry(&notice)).await;
                return Some(d);
            }
            Delivery::Rejected(why) => {
                tracing::error!(user, why, "rule-change notice refused");
                self.store(move |app| app.store.notice_done(user)).await;
            }
        }
        None
    }

    /// Runs a store call on the blocking pool. `None` when it failed (logged).
    async fn store<T, E>(&self, f: impl FnOnce(&App) -> Result<T, E> + Send + 'static) -> Option<T>
    where
        T: Send + 'static,
        E: std::error::Error + Send + 'static,
    {
        let app = self.app.clone();
        match tokio::task::spawn_blocking(move || f(&app)).await {
            Ok(Ok(v)) => Some(v),
            Ok(Err(e)) => {
                tracing::error!(error = %e, "notice store operation failed");
                None
            }
            Err(_) => {
                tracing::error!("notice store task failed");
                None
            }
        }
    }

    /// Sleeps until `d` passes, a notice is queued, or shutdown.
    async fn sleep<F: Future<Output = ()>>(
        &self,
        d: Duration,
        shutdown: &mut Pin<&mut F>,
    ) -> Result<(), Stopping> {
        let wakeup = self.app.notice_wakeup.clone();
        tokio::select! {
            _ = tokio::time::sleep(d.min(MAX_SLEEP)) => Ok(()),
            _ = wakeup.notify.notified() => Ok(()),
            _ = shutdown.as_mut() => Err(Stopping),
        }
    }

    async fn pause<F: Future<Output = ()>>(
        &self,
        d: Duration,
        shutdown: &mut Pin<&mut F>,
    ) -> Result<(), Stopping> {
        or_stop(tokio::time::sleep(d), shutdown).await
    }
}
