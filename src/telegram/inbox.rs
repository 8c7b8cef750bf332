//! Received means stored: how updates reach the dispatcher without being lost to a
//! crash. Telegram forgets an update once the bot confirms it (the next `getUpdates`
//! offset, or the webhook's 200), and teloxide's own listeners confirm it before any
//! handler has run, so an update that arrived just before a crash went unanswered.
//! Here every update is written to the store's inbox, and waited for on disk, before it
//! is confirmed; the handler takes it out of the inbox once the user has their answer
//! ([`Answering`], [`Removals`]). At the next start, whatever is left is handed to the dispatcher
//! again, before anything new; `App::handle_update` recognises one already applied.
//!
//! - [`InboxPolling`]: long polling (our own, in place of teloxide's `Polling`): a batch
//!   from `getUpdates` goes to the inbox in one write, then the offset moves past it.
//! - [`Replay`]: puts what the inbox held at start in front of any listener (the webhook
//!   writes each update to the inbox itself, before its 200).
//!
//! Updates teloxide could not read (`UpdateKind::Error`) are not handed over: the
//! dispatcher would log them whole, and with them what the user wrote.

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures::stream::{self, BoxStream, StreamExt};
use teloxide::payloads::GetUpdatesSetters;
use teloxide::prelude::Requester;
use teloxide::requests::Request;
use teloxide::stop::{mk_stop_token, StopFlag, StopToken};
use teloxide::types::{AllowedUpdate, Update, UpdateKind};
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};
use teloxide::{Bot, RequestError};
use tokio::sync::Notify;

use crate::app::App;
use crate::store::InboxEntry;

use super::errors::RetryPolicy;
use super::flood::{chat_key, Admission};
use super::metrics::Metrics;

/// The update kinds the bot handles; Telegram is asked for these only, by the polling
/// here and by the webhook (which hands its updates to this inbox, so the list lives
/// here and the webhook imports it, never the other way round).
pub(crate) const ALLOWED_UPDATES: [AllowedUpdate; 4] = [
    AllowedUpdate::Message,
    AllowedUpdate::CallbackQuery,
    AllowedUpdate::ChannelPost,
    AllowedUpdate::MyChatMember,
];

/// How long to wait before polling again after the inbox could not be written (the
/// updates stay unconfirmed with Telegram meanwhile).
const STORE_PAUSE: Duration = Duration::from_secs(2);

/// What the inbox held at start: updates received before the last stop and not
/// answered, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Leftover {
    pub(crate) updates: Vec<Update>,
}

impl Leftover {
    /// Reads the inbox. Entries that no longer parse as updates are dropped with a log
    /// line (by id only): there is nothing to answer them with.
    pub(crate) async fn load(app: &Arc<App>) -> Leftover {
        let reader = app.clone();
        let waiting = match tokio::task::spawn_blocking(move || reader.store.inbox()).await {
            Ok(Ok(waiting)) => waiting,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "could not read the inbox; starting without it");
                return Leftover::default();
            }
            Err(_) => return Leftover::default(),
        };
        let mut updates = Vec::with_capacity(waiting.len());
        for entry in waiting {
            match serde_json::from_str::<Update>(&entry.update) {
                Ok(update) if !matches!(update.kind, UpdateKind::Error(_)) => updates.push(update),
                _ => {
                    tracing::warn!(
                        update = entry.id,
                        "stored update no longer readable; dropped"
                    );
                    let app = app.clone();
                    let id = entry.id;
                    let _ = tokio::task::spawn_blocking(move || app.store.inbox_done(id)).await;
                }
            }
        }
        if !updates.is_empty() {
            tracing::info!(
                count = updates.len(),
                "handling updates received before the last stop"
            );
        }
        Leftover { updates }
    }

    /// The ids being handed over, which Telegram may send again (a crash came after
    /// they were stored and before the offset moved past them).
    pub(crate) fn ids(&self) -> HashSet<u32> {
        self.updates.iter().map(|u| u.id.0).collect()
    }
}

/// The inbox entry for an update. `None` for one teloxide could not read.
pub(crate) fn entry(update: &Update) -> Option<InboxEntry> {
    if matches!(update.kind, UpdateKind::Error(_)) {
        return None;
    }
    Some(InboxEntry {
        id: update.id.0,
        user: update.from().map(|user| user.id.0),
        update: serde_json::to_string(update).ok()?,
    })
}

/// Takes answered updates out of the inbox, and knows when none is still being taken
/// out: a graceful stop waits for that before its last flush, or the next start would
/// hand over updates already answered. An answered update also frees its chat's place
/// under the flood limits.
pub(crate) struct Removals {
    app: Arc<App>,
    admission: Arc<Admission>,
    pending: AtomicUsize,
    settled: Notify,
}

impl Removals {
    pub(crate) fn new(app: &Arc<App>, admission: Arc<Admission>) -> Arc<Removals> {
        Arc::new(Removals {
            app: app.clone(),
            admission,
            pending: AtomicUsize::new(0),
            settled: Notify::new(),
        })
    }

    /// A guard for a handler answering `update`.
    pub(crate) fn answering(self: &Arc<Self>, update: &Update) -> Answering {
        Answering {
            removals: self.clone(),
            id: update.id.0,
            chat: chat_key(update),
        }
    }

    /// Takes an update that will not be answered (dropped by the flood limits) out of
    /// the inbox.
    pub(crate) fn discard(self: &Arc<Self>, id: u32) {
        self.remove(id);
    }

    /// Takes an update out of the inbox, on the blocking pool (the store may be held
    /// for a moment by a backup).
    fn remove(self: &Arc<Self>, id: u32) {
        self.pending.fetch_add(1, Ordering::SeqCst);
        let this = self.clone();
        let remove = move || {
            if let Err(e) = this.app.store.inbox_done(id) {
                tracing::error!(update = id, error = %e, "could not take an answered update out of the inbox");
            }
            if this.pending.fetch_sub(1, Ordering::SeqCst) == 1 {
                this.settled.notify_waiters();
            }
        };
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => drop(runtime.spawn_blocking(remove)),
            Err(_) => remove(),
        }
    }

    /// Waits until every removal asked for so far is done.
    pub(crate) async fn settled(&self) {
        loop {
            let notified = self.settled.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.pending.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}

/// Held by a handler while it answers an update; dropping it (the answer sent, or the
/// handler ended any other way, a panic included) takes the update out of the inbox.
pub(crate) struct Answering {
    removals: Arc<Removals>,
    id: u32,
    chat: Option<i64>,
}

impl Drop for Answering {
    fn drop(&mut self) {
        if let Some(chat) = self.chat {
            self.removals.admission.release(chat);
        }
        self.removals.remove(self.id);
    }
}

/// Long polling that stores each batch before confirming it.
pub(crate) struct InboxPolling {
    bot: Bot,
    app: Arc<App>,
    metrics: Arc<Metrics>,
    poll_timeout: Duration,
    retry: RetryPolicy,
    allowed: Vec<AllowedUpdate>,
    /// Updates already handed over from the inbox, not to be handed over twice.
    replayed: HashSet<u32>,
    token: StopToken,
    flag: Option<StopFlag>,
}

impl InboxPolling {
    pub(crate) fn new(
        bot: Bot,
        app: Arc<App>,
        metrics: Arc<Metrics>,
        poll_timeout: Duration,
        retry: RetryPolicy,
        replayed: HashSet<u32>,
    ) -> InboxPolling {
        let (token, flag) = mk_stop_token();
        InboxPolling {
            bot,
            app,
            metrics,
            poll_timeout,
            retry,
            allowed: ALLOWED_UPDATES.to_vec(),
            replayed,
            token,
            flag: Some(flag),
        }
    }
}

impl UpdateListener for InboxPolling {
    type Err = RequestError;

    fn stop_token(&mut self) -> StopToken {
        self.token.clone()
    }

    fn hint_allowed_updates(&mut self, hint: &mut dyn Iterator<Item = AllowedUpdate>) {
        self.allowed = hint.collect();
    }
}

/// The polling loop's state between updates.
struct Poller {
    bot: Bot,
    app: Arc<App>,
    metrics: Arc<Metrics>,
    timeout_secs: u32,
    retry: RetryPolicy,
    allowed: Vec<AllowedUpdate>,
    flag: StopFlag,
    /// Stored and confirmed, not yet handed to the dispatcher.
    buffer: VecDeque<Update>,
    /// The next `getUpdates` offset: past everything stored. None at start, when
    /// Telegram sends whatever it has not had confirmed. (Not kept across restarts:
    /// after a week without updates Telegram numbers them afresh, possibly lower.)
    next_id: Option<u32>,
    replayed: HashSet<u32>,
    /// Failed `getUpdates` in a row.
    failures: u32,
    /// A pause to take before the next `getUpdates` (after a failure).
    pause: Option<Duration>,
}

impl<'a> AsUpdateStream<'a> for InboxPolling {
    type StreamErr = RequestError;
    type Stream = BoxStream<'a, Result<Update, RequestError>>;

    fn as_stream(&'a mut self) -> Self::Stream {
        // A stop token handed out before belongs to this flag; one asked for later gets a
        // new pair, as with teloxide's listeners.
        let flag = match self.flag.take() {
            Some(flag) => flag,
            None => {
                let (token, flag) = mk_stop_token();
                self.token = token;
                flag
            }
        };
        let poller = Poller {
            bot: self.bot.clone(),
            app: self.app.clone(),
            metrics: self.metrics.clone(),
            timeout_secs: u32::try_from(self.poll_timeout.as_secs()).unwrap_or(u32::MAX),
            retry: self.retry,
            allowed: self.allowed.clone(),
            flag,
            buffer: VecDeque::new(),
            next_id: None,
            replayed: std::mem::take(&mut self.replayed),
            failures: 0,
            pause: None,
        };
        stream::unfold(poller, |mut poller| async move {
            let item = poller.next().await?;
            Some((item, poller))
        })
        .boxed()
    }
}

impl Poller {
    /// The next update for the dispatcher, an error to report, or `None` once stopped.
    async fn next(&mut self) -> Option<Result<Update, RequestError>> {
        loop {
            if self.flag.is_stopped() {
                // What is buffered stays in the inbox and is handed over at next start.
                return None;
            }
            if let Some(update) = self.buffer.pop_front() {
                return Some(Ok(update));
            }
            if let Some(pause) = self.pause.take() {
                tokio::select! {
                    () = tokio::time::sleep(pause) => {}
                    () = &mut self.flag => return None,
                }
            }
            let mut request = self
                .bot
                .get_updates()
                .timeout(self.timeout_secs)
                .allowed_updates(self.allowed.clone());
            if let Some(id) = self.next_id {
                // Confirms everything before `id`: all of it is in the inbox.
                request = request.offset(i32::try_from(id).unwrap_or(i32::MAX));
            }
            let result = tokio::select! {
                result = request.send() => result,
                () = &mut self.flag => return None,
            };
            match result {
                Ok(updates) => {
                    self.failures = 0;
                    self.store(updates).await;
                }
                Err(error) => {
                    let pause = match &error {
                        RequestError::RetryAfter(seconds) => seconds.duration(),
                        _ => {
                            self.failures = self.failures.saturating_add(1);
                            self.retry.backoff(self.failures)
                        }
                    };
                    self.pause = Some(pause);
                    return Some(Err(error));
                }
            }
        }
    }

    /// Stores a batch and, once it is on disk, moves the offset past it and buffers it.
    /// Updates already handed over from the inbox are only confirmed.
    async fn store(&mut self, updates: Vec<Update>) {
        // The offset moves past the last update of the batch, as Telegram numbers them.
        let Some(last) = updates.last().map(|u| u.id.0) else {
            return;
        };
        let fresh: Vec<Update> = updates
            .into_iter()
            .filter(|u| !self.replayed.contains(&u.id.0))
            .collect();
        let mut entries = Vec::with_capacity(fresh.len());
        let mut readable = Vec::with_capacity(fresh.len());
        for update in fresh {
            match entry(&update) {
                Some(e) => {
                    entries.push(e);
                    readable.push(update);
                }
                None => {
                    self.metrics.update("unreadable");
                    tracing::warn!(
                        update = update.id.0,
                        "an update this bot cannot read; skipped"
                    );
                }
            }
        }
        let app = self.app.clone();
        let stored = tokio::task::spawn_blocking(move || app.store.inbox_put(&entries)).await;
        match stored {
            Ok(Ok(())) => {
                self.next_id = Some(last.saturating_add(1));
                self.buffer.extend(readable);
            }
            Ok(Err(e)) => {
                // Not confirmed: Telegram keeps the batch and sends it again.
                tracing::error!(error = %e, "could not store received updates; they stay with Telegram");
                self.pause = Some(STORE_PAUSE);
            }
            Err(_) => self.pause = Some(STORE_PAUSE),
        }
    }
}

/// A listener with the updates left in the inbox in front of it.
pub(crate) struct Replay<L> {
    leftover: Vec<Update>,
    inner: L,
}

impl<L> Replay<L> {
    pub(crate) fn new(leftover: Vec<Update>, inner: L) -> Replay<L> {
        Replay { leftover, inner }
    }
}

impl<L> UpdateListener for Replay<L>
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

impl<'a, L> AsUpdateStream<'a> for Replay<L>
where
    L: UpdateListener,
    L::Err: Send + 'static,
{
    type StreamErr = L::Err;
    type Stream = BoxStream<'a, Result<Update, L::Err>>;

    fn as_stream(&'a mut self) -> Self::Stream {
        let leftover = std::mem::take(&mut self.leftover);
        stream::iter(leftover.into_iter().map(Ok))
            .chain(self.inner.as_stream())
            .boxed()
    }
}
