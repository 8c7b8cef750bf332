//! The delivery worker: what the bot sends on its own, today the reminders. It sits
//! above `app` (it drives it) and `reminders` (what it delivers), so it is a module of
//! its own: inside `reminders` it would make `app` and `reminders` import each other.
//!
//! After mini-redis's expiry task: it sleeps until the next due
//! reminder (the store's first key), or until the app says a nearer one was planned
//! (`Wakeup`), or until shutdown — `select!{ sleep_until(next), notified(), shutdown }`.
//! No polling: between reminders it wakes at most every few minutes, only to guard
//! against the wall clock jumping under a monotonic sleep.
//!
//! Each round it reads the most urgent of what is due (nearest deadline first, ranked
//! over the whole backlog), and for each user with something due, in that order: takes
//! the user's digest out of the queue — every reminder of theirs due that day, one
//! message, a downtime backlog collapsed to the most recent reminder per deadline (see
//! `reminders::digest`) — and marks it in flight, delivers it through a
//! [`ReminderSink`], and marks it delivered. At start (and after a store error) it first
//! re-sends what is left in flight, one digest per user, and nothing else.
//! Quiet hours hold every reminder still in the queue until they end; one already in
//! flight was taken outside them and is sent again at once.
//!
//! Deliveries overlap: a send waits for the network and for Telegram's rate limiter
//! (teloxide's Throttle releases queued messages four times a second), so one at a time
//! would send about four messages a second whatever the limit. Up to
//! [`Worker::max_in_flight`] (by default [`MAX_IN_FLIGHT`]) digests, each of a different
//! user, run at once, started in order of urgency; re-sends of what was left in flight go the same way. The first
//! [`GROW_AFTER`] go one at a time, then the width doubles with each delivery, and a
//! 429 sets it back to one: a handful of reminders goes out strictly in order, one after
//! the other, and a backlog of thousands fills Telegram's limit.
//!
//! Every delivery under way is marked in flight on disk, so the width is also what a
//! crash or a stop can leave to send again at the next start (at least once, never
//! lost). At shutdown nothing more starts, and the deliveries under way get
//! [`Worker::stop_within`] to finish and record their outcome.
//!
//! Sink results: `Delivered`; `Blocked` stops that user's reminders (until they write
//! again); `RetryAfter(d)` puts the reminder back with its place and pauses all sending
//! for `d` (Telegram's 429), so nothing is lost; `Rejected` drops it with a log line
//! (a message Telegram will never accept must not be retried forever).
//!
//! Store calls block on the disk (group commit), so they run on tokio's blocking pool.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::task::JoinSet;

use crate::app::App;
use crate::reminders::delivery::{Delivery, ReminderSink};
use crate::reminders::digest::Digest;
use crate::reminders::plan::{local_date, outside_quiet_hours};

/// How many due reminders one round reads (the most urgent of all that are due); the
/// rest wait for the next round.
const BATCH: usize = 2_000;
/// The longest single sleep: a guard against wall-clock jumps, not a poll.
const MAX_SLEEP: Duration = Duration::from_secs(300);
/// The pause after a store error before trying again.
const STORE_BACKOFF: Duration = Duration::from_secs(5);
/// How long, by default, the deliveries under way at shutdown get to finish: a few
/// Throttle batches and a slow network round trip.
const STOP_WITHIN: Duration = Duration::from_secs(5);

/// The worker: the app (store, clock, configuration) and a sink.
pub struct Worker<S> {
    app: Arc<App>,
    sink: Arc<S>,
    /// Set when a store call fails. A write reported as failed may still have reached
    /// the disk (an in-flight mark, say), so after a failure the worker looks at what
    /// is in flight again, as at start: nothing is left waiting for a restart.
    store_failed: Arc<AtomicBool>,
    store_backoff: Duration,
    /// The most deliveries under way (each marked in flight on disk) at once.
    max_in_flight: usize,
    /// How long the deliveries under way at shutdown get to finish.
    stop_within: Duration,
}

/// The most deliveries under way at once unless the caller sets
/// [`Worker::max_in_flight`]: the load harness's 1,000 messages a second, through
/// Throttle's quarter-second batches, need several hundred.
pub const MAX_IN_FLIGHT: usize = 2_048;
/// Deliveries in a row, one at a time, before the width grows; after that it doubles
/// with every delivery, up to the worker's [`Worker::max_in_flight`]. (Doubling once
/// per round of deliveries, as TCP does, took three seconds to open up: a round waits
/// for Throttle's next quarter-second batch.)
pub const GROW_AFTER: usize = 4;

/// Shutdown was signalled: the worker starts nothing more and finishes what is under
/// way. Carried by `?` out of whatever the worker was waiting for (the notice sender,
/// `notices`, stops the same way).
pub(crate) struct Stopping;

/// The deliveries under way, and how many may be.
struct Flight {
    tasks: JoinSet<Option<Delivery>>,
    /// Whose digest is being delivered, so a re-read of the queue skips the user: one
    /// delivery per user at a time, so a user never gets two messages at once.
    ids: HashMap<tokio::task::Id, u64>,
    width: usize,
    /// The widest the flight may grow: the worker's `max_in_flight`.
    max_width: usize,
    /// Deliveries in a row since the start or the last 429.
    streak: usize,
}

impl Flight {
    fn new(max_width: usize) -> Flight {
        Flight {
            tasks: JoinSet::new(),
            ids: HashMap::new(),
            width: 1,
            max_width,
            streak: 0,
        }
    }

    fn has(&self, user: u64) -> bool {
        self.ids.values().any(|u| *u == user)
    }

    fn is_empty(&self) -> bool {
        self.tasks.is_empty()
    }

    /// Counted on the tasks themselves, so that waiting for room always has a delivery
    /// to wait for.
    fn is_full(&self) -> bool {
        self.tasks.len() >= self.width
    }

    /// Starts one delivery to `user`, registered so that a re-read of the queue skips
    /// them.
    fn start(
        &mut self,
        user: u64,
        delivery: impl Future<Output = Option<Delivery>> + Send + 'static,
    ) {
        let task = self.tasks.spawn(delivery);
        self.ids.insert(task.id(), user);
    }

    /// Waits for one delivery to finish; `None` when none is under way. Returns the
    /// pause a 429 asks for, after adjusting the width.
    async fn next(&mut self) -> Option<Option<Duration>> {
        let joined = self.tasks.join_next_with_id().await?;
        let result = match joined {
            Ok((id, result)) => {
                self.ids.remove(&id);
                result
            }
            Err(e) => {
                self.ids.remove(&e.id());
                None
            }
        };
        Some(match result {
            Some(Delivery::Delivered) => {
                self.streak += 1;
                if self.streak >= GROW_AFTER {
                    self.width = (self.width * 2).min(self.max_width);
                }
                None
            }
            Some(Delivery::RetryAfter(d)) => {
                self.width = 1;
                self.streak = 0;
                Some(d)
            }
            _ => None,
        })
    }

    /// Waits for every delivery under way; returns the longest pause asked for.
    async fn drain(&mut self) -> Option<Duration> {
        let mut pause = None;
        while let Some(asked) = self.next().await {
            pause = pause.max(asked);
        }
        pause
    }

    /// Waits until one more delivery may start, unless shutdown comes first. Returns
    /// the pause a 429 asked for meanwhile: then nothing more should start before it.
    async fn make_room<F>(
        &mut self,
        shutdown: &mut Pin<&mut F>,
    ) -> Result<Option<Duration>, Stopping>
    where
        F: Future<Output = ()>,
    {
        check_shutdown(shutdown).await?;
        let mut asked = None;
        while self.is_full() {
            asked = asked.max(or_stop(self.next(), shutdown).await?.flatten());
        }
        Ok(asked)
    }
}

impl<S> Worker<S>
where
    S: ReminderSink,
{
    pub fn new(app: Arc<App>, sink: S) -> Worker<S> {
        Worker {
            app,
            sink: Arc::new(sink),
            // At start, what a crash left in flight is sent first.
            store_failed: Arc::new(AtomicBool::new(true)),
            store_backoff: STORE_BACKOFF,
            max_in_flight: MAX_IN_FLIGHT,
            stop_within: STOP_WITHIN,
        }
    }

    /// The pause after a store error (tests shorten it).
    pub fn store_backoff(mut self, pause: Duration) -> Worker<S> {
        self.store_backoff = pause;
        self
    }

    /// The most deliveries under way at once (at least one; [`MAX_IN_FLIGHT`] unless
    /// set). Each is marked in flight on disk while it waits in the sink, so this is
    /// also the most a crash leaves to send again at the next start, and the most a stop
    /// has to finish. Set it to about what the sink's rate limiter lets through in one
    /// to two seconds (the Telegram front end passes twice Throttle's
    /// `messages_per_sec_overall`, 60 for Telegram's 30): enough to keep the limiter
    /// busy, no more.
    pub fn max_in_flight(mut self, n: usize) -> Worker<S> {
        // A width of zero would never start a delivery.
        self.max_in_flight = n.max(1);
        self
    }

    /// How long the deliveries under way at shutdown get to finish (5 s unless set).
    /// Those still unfinished then stay in flight on disk and are sent again at the
    /// next start. The caller's own limit for the worker to stop should be longer.
    pub fn stop_within(mut self, d: Duration) -> Worker<S> {
        self.stop_within = d;
        self
    }

    /// Runs until `shutdown` completes. Then nothing more starts, and the deliveries
    /// under way get [`Worker::stop_within`] to finish (each records its own outcome);
    /// one still unfinished, like one interrupted by a crash, stays in flight and is
    /// sent again at the next start.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send) {
        tokio::pin!(shutdown);
        let mut flight = Flight::new(self.max_in_flight);
        let Err(Stopping) = self.deliver_until_stopped(&mut flight, &mut shutdown).await;
        self.finish(flight).await;
    }

    /// The worker's loop; it only ends when shutdown is signalled, leaving what is
    /// under way in `flight`.
    async fn deliver_until_stopped<F>(
        &self,
        flight: &mut Flight,
        shutdown: &mut Pin<&mut F>,
    ) -> Result<Infallible, Stopping>
    where
        F: Future<Output = ()>,
    {
        let wakeup = self.app.reminder_wakeup.clone();
        loop {
            if self.store_failed.swap(false, Ordering::SeqCst) {
                // What is in flight on disk includes what is being delivered now: let
                // that finish before reading it.
                if let Some(asked) = or_stop(flight.drain(), shutdown).await? {
                    self.pause(asked, shutdown).await?;
                }
                let Some((left, damaged)) = self
                    .store(|app| app.store.in_flight_and_damaged(None))
                    .await
                else {
                    self.pause(self.store_backoff, shutdown).await?;
                    continue;
                };
                for user in damaged {
                    self.store(move |app| app.replan(user)).await;
                }
                // Re-sent now: they are today's digests.
                let now = self.app.clock.now();
                let today = local_date(self.app.config.reminders.timezone, now);
                self.resend(flight, Digest::per_user(left, today), shutdown)
                    .await?;
            }
            wakeup.waiting_for.store(i64::MIN, Ordering::SeqCst);
            let now = self.app.clock.now();
            let open = outside_quiet_hours(&self.app.config.reminders, now);
            if open > now {
                // Quiet hours: nothing is sent before they end. A notification only makes
                // the worker look at the clock again (a test's clock may have moved).
                wakeup
                    .waiting_for
                    .store(open.timestamp_millis(), Ordering::SeqCst);
                tokio::select! {
                    _ = tokio::time::sleep(until(now, open).min(MAX_SLEEP)) => {}
                    _ = wakeup.notify.notified() => {}
                    _ = shutdown.as_mut() => return Err(Stopping),
                }
                continue;
            }
            let Some((due, damaged)) = self
                .store(move |app| app.store.most_urgent_due(now, BATCH))
                .await
            else {
                // The failure flag makes the next round look at what is in flight.
                self.pause(self.store_backoff, shutdown).await?;
                continue;
            };
            for user in damaged {
                // Reminders that could not be read are planned again from the user's
                // record, so a damaged or newer entry costs no reminder.
                self.store(move |app| app.replan(user)).await;
            }
            // The users to take a digest of, most urgent first (by their most urgent
            // reminder); those being delivered to are skipped until it is done.
            let mut users: Vec<u64> = Vec::new();
            for r in &due {
                if !flight.has(r.user) && !users.contains(&r.user) {
                    users.push(r.user);
                }
            }
            let due = users;
            if due.is_empty() {
                if !flight.is_empty() {
                    // Nothing new: wait for a delivery to finish, then look again.
                    if let Some(asked) = or_stop(flight.next(), shutdown).await?.flatten() {
                        self.back_off(flight, asked, shutdown).await?;
                    }
                    continue;
                }
                let Some(next) = self.store(|app| app.store.next_due()).await else {
                    self.pause(self.store_backoff, shutdown).await?;
                    continue;
                };
                let next_ms = next.map_or(i64::MAX, |t| t.timestamp_millis());
                wakeup.waiting_for.store(next_ms, Ordering::SeqCst);
                let sleep = next.map_or(MAX_SLEEP, |t| until(now, t).min(MAX_SLEEP));
                tokio::select! {
                    _ = tokio::time::sleep(sleep) => {}
                    _ = wakeup.notify.notified() => {}
                    _ = shutdown.as_mut() => return Err(Stopping),
                }
                continue;
            }
            for user in due {
                if let Some(asked) = flight.make_room(shutdown).await? {
                    // The rest of the round waits; the queue is read again after the
                    // pause, with the reminder told to wait back in its place.
                    self.back_off(flight, asked, shutdown).await?;
                    break;
                }
                // The time is read after waiting for room, which can take a while.
                let now = self.app.clock.now();
                if outside_quiet_hours(&self.app.config.reminders, now) > now {
                    // A long backlog ran into the quiet hours: the rest waits.
                    break;
                }
                let delivery = take_and_deliver(
                    self.app.clone(),
                    self.sink.clone(),
                    self.store_failed.clone(),
                    user,
                    now,
                );
                flight.start(user, delivery);
            }
        }
    }

    /// Sends again what was left in flight (by a crash, a stop out of time, or a failed
    /// store write), as the same digest per user, overlapping like any delivery; they
    /// are already taken, so they go straight to the sink. After a 429 the rest go on:
    /// they are still in flight, and the digest told to wait is back in the queue.
    async fn resend<F>(
        &self,
        flight: &mut Flight,
        left: Vec<Digest>,
        shutdown: &mut Pin<&mut F>,
    ) -> Result<(), Stopping>
    where
        F: Future<Output = ()>,
    {
        if !left.is_empty() {
            tracing::info!(users = left.len(), "re-sending reminders left in flight");
        }
        for digest in left {
            while let Some(asked) = flight.make_room(shutdown).await? {
                self.back_off(flight, asked, shutdown).await?;
            }
            let user = digest.user;
            let delivery = deliver(
                self.app.clone(),
                self.sink.clone(),
                self.store_failed.clone(),
                digest,
            );
            flight.start(user, delivery);
        }
        Ok(())
    }

    /// A 429: lets the deliveries under way finish (each records its own outcome),
    /// then pauses all sending for as long as Telegram asked, unless shutdown comes
    /// first.
    async fn back_off<F>(
        &self,
        flight: &mut Flight,
        asked: Duration,
        shutdown: &mut Pin<&mut F>,
    ) -> Result<(), Stopping>
    where
        F: Future<Output = ()>,
    {
        let more = or_stop(flight.drain(), shutdown).await?;
        self.pause(more.map_or(asked, |more| more.max(asked)), shutdown)
            .await
    }

    /// After shutdown: waits up to `stop_within` for the deliveries under way. Those
    /// still unfinished are abandoned; each is still marked in flight on disk, so the
    /// next start sends it again (at least once, never lost).
    async fn finish(&self, mut flight: Flight) {
        if tokio::time::timeout(self.stop_within, flight.drain())
            .await
            .is_ok()
        {
            return;
        }
        flight.tasks.abort_all();
        let mut unfinished = 0usize;
        while let Some(joined) = flight.tasks.join_next().await {
            // A delivery that finished in the meantime recorded its outcome; only the
            // cancelled (or panicked) ones are left in flight.
            if joined.is_err() {
                unfinished += 1;
            }
        }
        tracing::warn!(
            count = unfinished,
            "reminders left in flight at stop, to be sent again at the next start"
        );
    }

    /// Runs a store call on the blocking pool. `None` when it failed (logged).
    async fn store<T, E>(&self, f: impl FnOnce(&App) -> Result<T, E> + Send + 'static) -> Option<T>
    where
        T: Send + 'static,
        E: std::error::Error + Send + 'static,
    {
        store_call(&self.app, &self.store_failed, f).await
    }

    /// Sleeps, unless shutdown comes first.
    async fn pause<F>(&self, d: Duration, shutdown: &mut Pin<&mut F>) -> Result<(), Stopping>
    where
        F: Future<Output = ()>,
    {
        or_stop(tokio::time::sleep(d), shutdown).await
    }
}

/// Takes the user's digest out of the queue (marking it in flight) and delivers it.
/// `None` when there was nothing to take or it was not sent.
async fn take_and_deliver<S: ReminderSink>(
    app: Arc<App>,
    sink: Arc<S>,
    failed: Arc<AtomicBool>,
    user: u64,
    now: DateTime<Utc>,
) -> Option<Delivery> {
    let taken = store_call(&app, &failed, move |app| app.take_digest(user, now))
        .await
        .flatten()?;
    deliver(app, sink, failed, taken).await
}

/// Sends one in-flight digest as one message and records what became of it; the
/// result, when it was sent.
async fn deliver<S: ReminderSink>(
    app: Arc<App>,
    sink: Arc<S>,
    failed: Arc<AtomicBool>,
    digest: Digest,
) -> Option<Delivery> {
    let d = digest.clone();
    let message = store_call(&app, &failed, move |app| app.reminder_message(&d))
        .await
        .flatten();
    let Some((lang, reply)) = message else {
        // The user is gone or blocked the bot: nothing to send.
        let d = digest.clone();
        store_call(&app, &failed, move |app| {
            app.reminder_outcome(&d, Delivery::Rejected(String::new()))
        })
        .await;
        return None;
    };
    let result = sink.deliver(digest.user, lang, &reply).await;
    // The log names the user and how many deadlines, never a date.
    let (user, deadlines) = (digest.user, digest.reminders.len());
    match &result {
        Delivery::Delivered => tracing::info!(user, deadlines, "reminder delivered"),
        Delivery::Blocked => tracing::info!(user, "blocked: reminders stop"),
        Delivery::RetryAfter(d) => tracing::warn!(user, retry_after = ?d, "rate limited"),
        Delivery::Rejected(why) => {
            tracing::error!(user, deadlines, why, "reminder refused")
        }
    }
    let outcome = result.clone();
    // Not recorded: it stays in flight and is sent again (the failure flag makes the
    // worker look at what is in flight).
    store_call(&app, &failed, move |app| {
        app.reminder_outcome(&digest, outcome)
    })
    .await?;
    Some(result)
}

/// Runs a store call on the blocking pool. `None` when it failed (logged, and noted in
/// `failed`).
async fn store_call<T, E>(
    app: &Arc<App>,
    failed: &AtomicBool,
    f: impl FnOnce(&App) -> Result<T, E> + Send + 'static,
) -> Option<T>
where
    T: Send + 'static,
    E: std::error::Error + Send + 'static,
{
    let app = app.clone();
    match tokio::task::spawn_blocking(move || f(&app)).await {
        Ok(Ok(value)) => Some(value),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "reminder store operation failed");
            failed.store(true, Ordering::SeqCst);
            None
        }
        Err(e) => {
            tracing::error!(error = %e, "reminder store task failed");
            failed.store(true, Ordering::SeqCst);
            None
        }
    }
}

/// `Err(Stopping)` when shutdown has been signalled, without waiting for it.
async fn check_shutdown<F>(shutdown: &mut Pin<&mut F>) -> Result<(), Stopping>
where
    F: Future<Output = ()>,
{
    tokio::select! {
        biased;
        _ = shutdown.as_mut() => Err(Stopping),
        _ = std::future::ready(()) => Ok(()),
    }
}

/// Waits for `work`, unless shutdown comes first. `work` must be safe to drop half
/// way (a `JoinSet` join, a sleep): whatever it was waiting for carries on.
pub(crate) async fn or_stop<T, F>(
    work: impl Future<Output = T>,
    shutdown: &mut Pin<&mut F>,
) -> Result<T, Stopping>
where
    F: Future<Output = ()>,
{
    tokio::select! {
        done = work => Ok(done),
        _ = shutdown.as_mut() => Err(Stopping),
    }
}

/// The time from `now` to `then`, zero if it has passed.
pub(crate) fn until(now: DateTime<Utc>, then: DateTime<Utc>) -> Duration {
    (then - now).to_std().unwrap_or(Duration::ZERO)
}

/// The test double, for the tests and the load harness only: the release build leaves it
/// out (feature `test-support`).
#[cfg(any(test, feature = "test-support"))]
pub use recording::{RecordingSink, Sent};

#[cfg(any(test, feature = "test-support"))]
mod recording {
    use std::collections::VecDeque;
    use std::future::Future;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use tokio::sync::Notify;

    use crate::domain::Lang;
    use crate::engine::Reply;
    use crate::reminders::delivery::{Delivery, ReminderSink};

    /// One reminder a [`RecordingSink`] received.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Sent {
        pub user: u64,
        pub lang: Lang,
        pub reply: Reply,
    }

    /// A sink for tests: records what it is given and answers from a script (then
    /// `Delivered`). Clones share the record.
    #[derive(Clone, Default)]
    pub struct RecordingSink {
        inner: Arc<RecordingInner>,
    }

    #[derive(Default)]
    struct RecordingInner {
        sent: Mutex<Vec<Sent>>,
        /// Answers to give, in order, per user; `None` for any user.
        script: Mutex<VecDeque<(Option<u64>, Delivery)>>,
        arrived: Notify,
    }

    impl RecordingSink {
        pub fn new() -> RecordingSink {
            RecordingSink::default()
        }

        /// The next delivery to `user` (or to anyone) gets this answer instead of
        /// `Delivered`.
        pub fn answer(&self, user: Option<u64>, delivery: Delivery) {
            self.inner
                .script
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push_back((user, delivery));
        }

        /// Everything delivered so far (not the attempts that were answered otherwise).
        pub fn sent(&self) -> Vec<Sent> {
            self.inner
                .sent
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .clone()
        }

        /// Waits until at least `n` reminders were delivered, or `timeout` passes; returns
        /// what was delivered.
        pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Sent> {
            let deadline = tokio::time::Instant::now() + timeout;
            loop {
                let arrived = self.inner.arrived.notified();
                let sent = self.sent();
                if sent.len() >= n {
                    return sent;
                }
                if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                    return self.sent();
                }
            }
        }
    }

    impl ReminderSink for RecordingSink {
        fn deliver(
            &self,
            user: u64,
            lang: Lang,
            reply: &Reply,
        ) -> impl Future<Output = Delivery> + Send {
            let scripted = {
                let mut script = self.inner.script.lock().unwrap_or_else(|p| p.into_inner());
                let at = script.iter().position(|(u, _)| u.is_none_or(|u| u == user));
                at.and_then(|i| script.remove(i)).map(|(_, d)| d)
            };
            let result = scripted.unwrap_or(Delivery::Delivered);
            if result == Delivery::Delivered {
                self.inner
                    .sent
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(Sent {
                        user,
                        lang,
                        reply: reply.clone(),
                    });
            }
            self.inner.arrived.notify_waiters();
            std::future::ready(result)
        }
    }
}
