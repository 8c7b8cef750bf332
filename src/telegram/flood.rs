//! Fairness between chats: which received updates go on to the dispatcher, which wait
//! their turn, and which are dropped, so that one chat that sends too much (a stuck
//! keyboard, a script, a batch of forwarded photos) cannot delay anybody else.
//!
//! Why this is needed: teloxide's dispatcher hands each chat's updates to a queue of
//! 64 and, when one chat's queue is full, waits for it before taking the next update
//! of *any* chat; the chat's replies go out at Telegram's one message a second, so 100
//! messages from one user held every other user for a minute. Throttle's own queue has
//! the same shape (30 requests, oldest first). So no chat may have more than a few
//! updates taken and not yet answered ([`FloodConfig::pending`]) nor send faster than
//! a person types (a token bucket of [`FloodConfig::burst`] refilled at
//! [`FloodConfig::per_minute`]). What is over either limit is dropped, taken out of
//! the inbox, and the chat is told once, in its language, to slow down.
//!
//! New users (no stored answers) share one more bucket, [`FloodConfig::new_users_per_second`],
//! so that a wave of new accounts cannot take all of Telegram's 30 messages a second
//! from the users already in a dialogue; their updates over it wait in a bounded line
//! ([`FloodConfig::new_users_waiting`]) in the inbox, and are dropped when it is full.
//!
//! - [`Admission`]: the decisions, pure (time is passed in) and unit-tested.
//! - [`Fair`]: the listener that applies them in front of the dispatcher.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::stream::{self, BoxStream, StreamExt};
use teloxide::stop::StopToken;
use teloxide::types::{AllowedUpdate, Update};
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};
use tokio::sync::mpsc;

use crate::app::App;
use crate::config::FloodConfig;

use super::inbox::Removals;
use super::metrics::Metrics;

/// How often idle chats are forgotten.
const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// The chat an update counts against: the chat it came from, or the user for kinds
/// without a chat. `None` for the rare kinds with neither (they are never limited).
pub(crate) fn chat_key(update: &Update) -> Option<i64> {
    update
        .chat()
        .map(|chat| chat.id.0)
        .or_else(|| update.from().and_then(|user| i64::try_from(user.id.0).ok()))
}

/// What to do with one received update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Hand it to the dispatcher now.
    Admit,
    /// A new user over the shared new-user rate: wait in line.
    Wait,
    /// Over the chat's limits: drop it. `tell` is true for the first update dropped
    /// since the chat was last within its limits.
    Drop { tell: bool },
}

/// A token bucket: `capacity` at once, refilled at `per_sec`.
#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    capacity: f64,
    per_sec: f64,
    at: Instant,
}

impl Bucket {
    fn full(capacity: u32, per_sec: f64, now: Instant) -> Bucket {
        Bucket {
            tokens: f64::from(capacity),
            capacity: f64::from(capacity),
            per_sec,
            at: now,
        }
    }

    fn refill(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.per_sec).min(self.capacity);
        self.at = now;
    }

    fn take(&mut self, now: Instant) -> bool {
        self.refill(now);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    fn is_full(&mut self, now: Instant) -> bool {
        self.refill(now);
        self.tokens >= self.capacity
    }

    /// How long until a token is there.
    fn next_in(&mut self, now: Instant) -> Duration {
        self.refill(now);
        if self.tokens >= 1.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64((1.0 - self.tokens) / self.per_sec)
        }
    }
}

#[derive(Debug)]
struct Chat {
    bucket: Bucket,
    /// Taken (or waiting in line) and not yet answered.
    pending: u32,
    /// Told to slow down since it was last within its limits.
    told: bool,
    /// Has stored answers. Once known, a chat stays known while it is tracked; an
    /// unknown one is looked up again at each update, so a new user who answers leaves
    /// the new users' line at once.
    known: bool,
}

#[derive(Debug)]
struct State {
    chats: HashMap<i64, Chat>,
    new_users: Bucket,
    swept: Instant,
}

/// The flood limits of one running bot, shared by the listener (which admits) and
/// the handlers (which release an update once it is answered).
#[derive(Debug)]
pub(crate) struct Admission {
    limits: FloodConfig,
    state: Mutex<State>,
}

impl Admission {
    pub(crate) fn new(limits: FloodConfig, now: Instant) -> Admission {
        Admission {
            limits,
            state: Mutex::new(State {
                chats: HashMap::new(),
                new_users: Bucket::full(
                    limits.new_users_per_second,
                    f64::from(limits.new_users_per_second),
                    now,
                ),
                swept: now,
            }),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether `chat` is tracked and known to have stored answers. When false, the
    /// caller finds out from the store and passes it to [`Admission::admit`].
    pub(crate) fn known(&self, chat: i64) -> bool {
        self.state().chats.get(&chat).is_some_and(|c| c.known)
    }

    /// Decides about one update of `chat`. `known`: whether the chat has stored
    /// answers (used when the chat is not tracked yet).
    pub(crate) fn admit(&self, chat: i64, known: bool, now: Instant) -> Verdict {
        let limits = self.limits;
        let mut state = self.state();
        if now.saturating_duration_since(state.swept) >= SWEEP_EVERY {
            state.swept = now;
            // A chat that is idle (bucket full, nothing pending) is forgotten; the next
            // time it writes, whether it is known is looked up again, which is how a new
            // user who has answered leaves the new users' line.
            state
                .chats
                .retain(|_, c| c.pending > 0 || !c.bucket.is_full(now));
        }
        let State {
            chats, new_users, ..
        } = &mut *state;
        let chat = chats.entry(chat).or_insert_with(|| Chat {
            bucket: Bucket::full(limits.burst, f64::from(limits.per_minute) / 60.0, now),
            pending: 0,
            told: false,
            known,
        });
        chat.known |= known;
        if chat.pending == 0 && chat.bucket.is_full(now) {
            chat.told = false;
        }
        if chat.pending >= limits.pending || !chat.bucket.take(now) {
            let tell = !chat.told;
            chat.told = true;
            return Verdict::Drop { tell };
        }
        chat.pending += 1;
        if chat.known || new_users.take(now) {
            Verdict::Admit
        } else {
            Verdict::Wait
        }
    }

    /// A new user's update waiting in line may go now; otherwise how long until one
    /// may.
    pub(crate) fn new_user_turn(&self, now: Instant) -> Result<(), Duration> {
        let mut state = self.state();
        if state.new_users.take(now) {
            Ok(())
        } else {
            Err(state.new_users.next_in(now))
        }
    }

    /// How many new users' updates may wait in line.
    pub(crate) fn waiting_capacity(&self) -> usize {
        self.limits.new_users_waiting as usize
    }

    /// An update of `chat` was answered (or given up on).
    pub(crate) fn release(&self, chat: i64) {
        if let Some(c) = self.state().chats.get_mut(&chat) {
            c.pending = c.pending.saturating_sub(1);
        }
    }

    /// How many chats are tracked now (for tests: the table stays bounded).
    #[cfg(test)]
    fn tracked(&self) -> usize {
        self.state().chats.len()
    }
}

/// A chat that was told to slow down: who, and the language hint of the update.
#[derive(Debug, Clone)]
pub(crate) struct SlowDown {
    pub(crate) chat: i64,
    pub(crate) user: Option<u64>,
    pub(crate) language_code: Option<String>,
}

/// The listener in front of the dispatcher: applies [`Admission`] to every update the
/// inner listener yields (already stored in the inbox), keeps new users' line, and
/// sends the chats told to slow down to `slow_down`.
pub(crate) struct Fair<L> {
    inner: L,
    parts: Option<Fairness>,
}

/// What [`Fair`] works with; one for each listener it is put in front of.
#[derive(Clone)]
pub(crate) struct Fairness {
    pub(crate) admission: Arc<Admission>,
    pub(crate) app: Arc<App>,
    pub(crate) removals: Arc<Removals>,
    pub(crate) metrics: Arc<Metrics>,
    pub(crate) slow_down: mpsc::Sender<SlowDown>,
}

impl Fairness {
    /// `inner` with the flood limits in front of it.
    pub(crate) fn wrap<L>(self, inner: L) -> Fair<L> {
        Fair {
            inner,
            parts: Some(self),
        }
    }
}

impl<L> UpdateListener for Fair<L>
where
    L: UpdateListener,
    L::Err: Send + 'static,
{
    type Err = L::Err;

    fn stop_token(&mut self) -> StopToken {
        self.inner.stop_token()
    }

    fn hint_allowed_updates(&mut self, hint: &mut dyn Iterator<Item = AllowedUpdate>) {
        self.inner.hint_allowed_updates(hint);
    }
}

/// The stream's state between updates.
struct Gate<'a, E> {
    inner: BoxStream<'a, Result<Update, E>>,
    parts: Fairness,
    /// New users' updates waiting for their turn, oldest first (stored in the inbox).
    line: VecDeque<(i64, Update)>,
}

impl<'a, L> AsUpdateStream<'a> for Fair<L>
where
    L: UpdateListener,
    L::Err: Send + 'static,
{
    type StreamErr = L::Err;
    type Stream = BoxStream<'a, Result<Update, L::Err>>;

    fn as_stream(&'a mut self) -> Self::Stream {
        let Some(parts) = self.parts.take() else {
            // Asked twice: teloxide asks once per dispatch; pass the updates through.
            return self.inner.as_stream().boxed();
        };
        let gate = Gate {
            inner: self.inner.as_stream().boxed(),
            parts,
            line: VecDeque::new(),
        };
        stream::unfold(gate, |mut gate| async move {
            let item = gate.next().await?;
            Some((item, gate))
        })
        .boxed()
    }
}

impl<E> Gate<'_, E> {
    async fn next(&mut self) -> Option<Result<Update, E>> {
        loop {
            let mut wait = None;
            if !self.line.is_empty() {
                match self.parts.admission.new_user_turn(Instant::now()) {
                    Ok(()) => {
                        let (_, update) = self.line.pop_front()?;
                        self.parts.metrics.set_new_users_waiting(self.line.len());
                        return Some(Ok(update));
                    }
                    Err(after) => wait = Some(after),
                }
            }
            // When the inner listener ends (a stop), the line stays in the inbox and is
            // handed over at the next start.
            let item = match wait {
                None => self.inner.next().await?,
                Some(after) => tokio::select! {
                    item = self.inner.next() => item?,
                    () = tokio::time::sleep(after) => continue,
                },
            };
            let update = match item {
                Ok(update) => update,
                Err(e) => return Some(Err(e)),
            };
            let Some(chat) = chat_key(&update) else {
                return Some(Ok(update));
            };
            // The caseworkers' chat is many people answering many cases: its limits are
            // Telegram's group limit on what the bot sends, not a person's.
            if Some(chat) == self.parts.app.config.handover.operator_chat {
                return Some(Ok(update));
            }
            let known =
                self.parts.admission.known(chat) || is_known(&self.parts.app, &update).await;
            match self.parts.admission.admit(chat, known, Instant::now()) {
                Verdict::Admit => return Some(Ok(update)),
                Verdict::Wait if self.line.len() < self.parts.admission.waiting_capacity() => {
                    self.line.push_back((chat, update));
                    self.parts.metrics.set_new_users_waiting(self.line.len());
                }
                Verdict::Wait => {
                    self.parts.admission.release(chat);
                    self.drop_update(chat, &update, false);
                }
                Verdict::Drop { tell } => self.drop_update(chat, &update, tell),
            }
        }
    }

    /// Takes a dropped update out of the inbox, counts it, and asks for the chat to be
    /// told to slow down when `tell`.
    fn drop_update(&self, chat: i64, update: &Update, tell: bool) {
        self.parts.metrics.update_dropped();
        self.parts.removals.discard(update.id.0);
        tracing::debug!(
            chat,
            update = update.id.0,
            "update over the flood limits dropped"
        );
        if tell {
            tracing::info!(chat, "a chat over its flood limits is told to slow down");
            let from = update.from();
            let notice = SlowDown {
                chat,
                user: from.map(|u| u.id.0),
                language_code: from.and_then(|u| u.language_code.clone()),
            };
            // A full channel means notices are already going out slower than chats
            // flood; one more unsent "slow down" is no loss.
            let _ = self.parts.slow_down.try_send(notice);
        }
    }
}

/// Whether the update's user has stored answers. A store error counts as known: the
/// user is then limited as a person, not held in the new users' line.
async fn is_known(app: &Arc<App>, update: &Update) -> bool {
    let Some(user) = update.from().map(|u| u.id.0) else {
        return true;
    };
    let app = app.clone();
    tokio::task::spawn_blocking(move || app.is_known(user))
        .await
        .unwrap_or(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> FloodConfig {
        FloodConfig {
            burst: 5,
            per_minute: 20,
            pending: 3,
            new_users_per_second: 10,
            new_users_waiting: 100,
        }
    }

    #[test]
    fn a_person_typing_is_never_dropped() {
        let start = Instant::now();
        let admission = Admission::new(limits(), start);
        // Three quick messages, each answered within a second, then one every 5 s.
        for i in 0..3 {
            let at = start + Duration::from_millis(300 * i);
            assert_eq!(admission.admit(7, true, at), Verdict::Admit);
        }
        for _ in 0..3 {
            admission.release(7);
        }
        for i in 0..20 {
            let at = start + Duration::from_secs(2 + 5 * i);
            assert_eq!(admission.admit(7, true, at), Verdict::Admit, "message {i}");
            admission.release(7);
        }
    }

    #[test]
    fn a_flood_is_cut_to_the_pending_limit_and_told_once() {
        let start = Instant::now();
        let admission = Admission::new(limits(), start);
        let verdicts: Vec<Verdict> = (0..300)
            .map(|i| admission.admit(1, true, start + Duration::from_millis(i)))
            .collect();
        let admitted = verdicts.iter().filter(|v| **v == Verdict::Admit).count();
        let told = verdicts
            .iter()
            .filter(|v| **v == Verdict::Drop { tell: true })
            .count();
        assert_eq!(
            admitted, 3,
            "nothing answered yet: only `pending` go through"
        );
        assert_eq!(told, 1);
        // Answers free places, but the bucket (5 at once) still bounds the burst.
        for _ in 0..3 {
            admission.release(1);
        }
        let later = start + Duration::from_millis(400);
        let more = (0..10)
            .filter(|_| admission.admit(1, true, later) == Verdict::Admit)
            .count();
        assert_eq!(more, 2, "5 tokens at once, 3 already used");
        assert_eq!(
            admission.admit(1, true, later),
            Verdict::Drop { tell: false },
            "told once per episode"
        );
    }

    #[test]
    fn the_rate_refills_and_a_calm_chat_is_told_again_next_time() {
        let start = Instant::now();
        let admission = Admission::new(limits(), start);
        for _ in 0..5 {
            assert_eq!(admission.admit(1, true, start), Verdict::Admit);
            admission.release(1);
        }
        assert_eq!(
            admission.admit(1, true, start),
            Verdict::Drop { tell: true }
        );
        // 20 a minute: one token every 3 s.
        let soon = start + Duration::from_millis(3100);
        assert_eq!(admission.admit(1, true, soon), Verdict::Admit);
        admission.release(1);
        assert_eq!(
            admission.admit(1, true, soon),
            Verdict::Drop { tell: false }
        );
        // Quiet long enough to refill: a new flood is told again.
        let calm = soon + Duration::from_secs(16);
        for _ in 0..5 {
            assert_eq!(admission.admit(1, true, calm), Verdict::Admit);
            admission.release(1);
        }
        assert_eq!(admission.admit(1, true, calm), Verdict::Drop { tell: true });
    }

    #[test]
    fn one_chat_never_limits_another() {
        let start = Instant::now();
        let admission = Admission::new(limits(), start);
        for i in 0..1000 {
            admission.admit(1, true, start + Duration::from_millis(i));
        }
        assert_eq!(
            admission.admit(2, true, start + Duration::from_millis(1000)),
            Verdict::Admit
        );
    }

    #[test]
    fn new_users_share_a_rate_and_wait_for_their_turn() {
        let start = Instant::now();
        let admission = Admission::new(limits(), start);
        let verdicts: Vec<Verdict> = (0..100)
            .map(|chat| admission.admit(chat, false, start))
            .collect();
        let admitted = verdicts.iter().filter(|v| **v == Verdict::Admit).count();
        let waiting = verdicts.iter().filter(|v| **v == Verdict::Wait).count();
        assert_eq!((admitted, waiting), (10, 90));
        // A known user is not held by the new users' rate.
        assert_eq!(admission.admit(5000, true, start), Verdict::Admit);
        // A new user who has answered (now stored) leaves the line at their next update.
        admission.release(3);
        assert_eq!(admission.admit(3, true, start), Verdict::Admit);
        assert!(admission.known(3));
        // The line moves at 10 a second.
        assert!(admission.new_user_turn(start).is_err());
        let wait = admission.new_user_turn(start).unwrap_err();
        assert!(wait <= Duration::from_millis(100), "{wait:?}");
        let second = start + Duration::from_secs(1);
        let turns = (0..20)
            .filter(|_| admission.new_user_turn(second).is_ok())
            .count();
        assert_eq!(turns, 10);
    }

    #[test]
    fn idle_chats_are_forgotten() {
        let start = Instant::now();
        let admission = Admission::new(limits(), start);
        for chat in 0..1000 {
            admission.admit(chat, false, start);
            admission.release(chat);
        }
        assert_eq!(admission.tracked(), 1000);
        // A minute later every one of them has refilled; the sweep forgets them.
        admission.admit(1, true, start + Duration::from_secs(61));
        assert_eq!(admission.tracked(), 1);
        assert!(admission.known(1));
        assert!(!admission.known(2));
    }
}
