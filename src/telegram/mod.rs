//! The Telegram front end, `jolserik serve`: the same dialogue as the terminal, behind a
//! teloxide 0.17 bot. This module owns starting and stopping the bot: the Bot API client
//! (token from `TELOXIDE_TOKEN`, Throttle adaptor, our timeouts), the bot's profile in
//! three languages (command menu, descriptions), the update source (long polling, or a
//! webhook with a secret), the observability listener, and a graceful shutdown that
//! finishes the updates in flight and flushes the store.
//!
//! - [`handlers`]: one update, start to finish.
//! - [`inbox`]: updates are stored before Telegram is told they arrived.
//! - [`flood`]: one chat that sends too much cannot delay the others.
//! - [`keyboard`]: inline keyboards, message splitting, plain-text rendering.
//! - [`errors`]: what a failed Bot API call means, and the retry policy.
//! - [`webhook`]: the webhook endpoint and its guard.
//! - [`metrics`]: counters, `/healthz` and `/metrics`.
//! - [`secrets`]: the token and webhook secret, and keeping them out of logs.
//! - [`reminder_sink`]: the reminder worker's sink that sends through the Bot API.
//! - [`handover`]: the caseworkers' chat and the relay loop between them and users.

pub mod errors;
pub(crate) mod flood;
pub(crate) mod handlers;
pub(crate) mod handover;
pub(crate) mod inbox;
pub mod keyboard;
pub mod metrics;
pub mod reminder_sink;
pub mod secrets;
pub mod webhook;

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use teloxide::adaptors::throttle::Limits;
use teloxide::adaptors::CacheMe;
use teloxide::dispatching::ShutdownToken;
use teloxide::dispatching::{Dispatcher, UpdateFilterExt, UpdateHandler};
use teloxide::error_handlers::ErrorHandler;
use teloxide::payloads::{
    SetMyCommandsSetters, SetMyDescriptionSetters, SetMyShortDescriptionSetters,
};
use teloxide::prelude::{Requester, RequesterExt};
use teloxide::types::{BotCommand, CallbackQuery, ChatMemberUpdated, Message, Update};
use teloxide::update_listeners::UpdateListener;
use teloxide::{dptree, Bot, RequestError};
use tokio::task::JoinHandle;

use crate::app::App;
use crate::config::TelegramMode;
use crate::domain::Lang;
use crate::engine::Reply;
use crate::reminders::{Delivery, ReminderSink};
use crate::store::StoreError;
use crate::text::Msg;
use crate::worker::Worker;

pub use errors::{CallError, ErrorKind, RetryPolicy};
pub use handlers::{count_users, UserCounts};
pub use metrics::Metrics;
pub use secrets::{Redactor, SecretError, Token, WebhookSecret};

use errors::{classify, Api};
use handlers::Shared;
use reminder_sink::TelegramSink;

/// The environment variable that overrides `telegram.api_url`.
pub const API_URL_VAR: &str = "TELOXIDE_API_URL";

/// The commands in the menu, in menu order, with the message describing each.
const COMMANDS: [(&str, &str); 14] = [
    ("start", "tg-cmd-start"),
    ("help", "tg-cmd-help"),
    ("plan", "tg-cmd-plan"),
    ("me", "tg-cmd-me"),
    ("sources", "tg-cmd-sources"),
    ("reminders", "tg-cmd-reminders"),
    ("calendar", "tg-cmd-calendar"),
    ("trips", "tg-cmd-trips"),
    ("human", "tg-cmd-human"),
    ("language", "tg-cmd-language"),
    ("back", "tg-cmd-back"),
    ("restart", "tg-cmd-restart"),
    ("export", "tg-cmd-export"),
    ("delete", "tg-cmd-delete"),
];

/// Why the bot could not start or stop cleanly. Never carries the token: Bot API
/// failures are described by kind only.
#[derive(Debug, thiserror::Error)]
pub enum TelegramError {
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error("the Bot API URL `{0}` is not an http:// or https:// URL (telegram.api_url or {API_URL_VAR})")]
    ApiUrl(String),
    #[error("could not build the HTTP client for the Bot API")]
    Client(#[source] reqwest::Error),
    #[error(
        "Telegram refused the bot token: check {} (a token revoked in @BotFather stops working)",
        secrets::TOKEN_VAR
    )]
    TokenRefused,
    #[error(
        "could not reach the Bot API at {api_url} ({kind}); check the network and telegram.api_url"
    )]
    Unreachable { api_url: String, kind: &'static str },
    #[error("Telegram did not accept the webhook ({kind}); check telegram.webhook.public_url")]
    Webhook { kind: &'static str },
    #[error("webhook mode needs telegram.webhook.public_url, an https:// URL")]
    NoPublicUrl,
    #[error("could not listen on {addr} for {what}")]
    Bind {
        what: &'static str,
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("could not flush the store on shutdown")]
    Store(#[from] StoreError),
}

/// Knobs that are not configuration: production values by default; tests against the
/// local test double shorten them ([`Tuning::local`]).
#[derive(Debug, Clone)]
pub struct Tuning {
    /// Limits of the Throttle adaptor; `None` sends without throttling.
    pub throttle: Option<Limits>,
    /// The whole-request timeout of the HTTP client; longer than `poll_timeout`.
    pub request_timeout: Duration,
    /// How long one `getUpdates` waits for updates (long polling).
    pub poll_timeout: Duration,
    pub retry: RetryPolicy,
    /// The longest text of one message; longer replies are split.
    pub max_message_len: usize,
    /// How long shutdown waits for updates in flight.
    pub shutdown_grace: Duration,
}

/// Telegram's published limits: about one message a second per chat, 20 a minute per
/// group, 30 a second overall. teloxide's default also caps private chats at 20 a
/// minute, which a user finishing the dialogue quickly would hit (a plan is several
/// messages) and then wait for; Telegram has no such rule for private chats.
fn telegram_limits() -> Limits {
    Limits {
        messages_per_sec_chat: 1,
        messages_per_min_chat: 60,
        messages_per_min_channel_or_supergroup: 20,
        messages_per_sec_overall: 30,
    }
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            throttle: Some(telegram_limits()),
            request_timeout: Duration::from_secs(25),
            poll_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
            max_message_len: keyboard::TELEGRAM_TEXT_LIMIT,
            shutdown_grace: Duration::from_secs(8),
        }
    }
}

impl Tuning {
    /// For a Bot API on this machine (the test double): no throttling, short timeouts
    /// and pauses, so a test of a retry takes a second, not a minute.
    pub fn local() -> Tuning {
        Tuning {
            throttle: None,
            request_timeout: Duration::from_secs(3),
            poll_timeout: Duration::from_secs(1),
            retry: RetryPolicy {
                attempts: 4,
                base_delay: Duration::from_millis(50),
                max_delay: Duration::from_millis(400),
            },
            max_message_len: keyboard::TELEGRAM_TEXT_LIMIT,
            shutdown_grace: Duration::from_secs(5),
        }
    }
}

/// What the bot needs besides the `App`: the secrets, where the Bot API is, the tuning.
#[derive(Debug, Clone)]
pub struct Options {
    pub token: Token,
    pub webhook_secret: Option<WebhookSecret>,
    /// The Bot API base URL (without `/bot<token>`).
    pub api_url: String,
    pub tuning: Tuning,
}

impl Options {
    /// Reads the secrets from the environment and the Bot API URL from
    /// `TELOXIDE_API_URL` or, when that is unset, `telegram.api_url`.
    pub fn from_env(config: &crate::config::Config) -> Result<Options, TelegramError> {
        let token = Token::from_env()?;
        let webhook_secret = WebhookSecret::from_env()?;
        if config.telegram.mode == TelegramMode::Webhook && webhook_secret.is_none() {
            return Err(SecretError::WebhookSecretMissing.into());
        }
        let api_url = match std::env::var(API_URL_VAR) {
            Ok(url) if !url.trim().is_empty() => url,
            _ => config.telegram.api_url.clone(),
        };
        Ok(Options {
            token,
            webhook_secret,
            api_url,
            tuning: Tuning::default(),
        })
    }
}

/// A started bot. Stop it with [`Running::shutdown`].
pub struct Running {
    shared: Arc<Shared>,
    shutdown: ShutdownToken,
    dispatcher: JoinHandle<()>,
    webhook: Option<webhook::WebhookServer>,
    observability: Option<(SocketAddr, tokio::sync::oneshot::Sender<()>, JoinHandle<()>)>,
    reminders: (tokio::sync::oneshot::Sender<()>, JoinHandle<()>),
    /// The rule-change notices' sender and the re-assessment (at start, on SIGHUP).
    rule_changes: Vec<(tokio::sync::oneshot::Sender<()>, JoinHandle<()>)>,
    /// The relay loop between the caseworkers' chat and users, when handover is on.
    relays: Option<(tokio::sync::oneshot::Sender<()>, JoinHandle<()>)>,
    /// Sends "slow down" to chats over their flood limits; ends with the listener.
    slow_down: JoinHandle<()>,
    grace: Duration,
}

impl Running {
    /// Where the webhook endpoint listens (webhook mode).
    pub fn webhook_addr(&self) -> Option<SocketAddr> {
        self.webhook.as_ref().map(|w| w.addr)
    }

    /// Where `/healthz` and `/metrics` are served, when `observability.listen` is set.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.observability.as_ref().map(|(addr, _, _)| *addr)
    }

    pub fn metrics(&self) -> Arc<Metrics> {
        self.shared.metrics.clone()
    }

    /// Whether the bot stopped by itself (its update source ended).
    pub fn is_finished(&self) -> bool {
        self.dispatcher.is_finished()
    }

    /// Stops taking updates, lets the ones in flight finish (up to the grace period),
    /// stops the listeners and flushes the store.
    pub async fn shutdown(self) -> Result<(), TelegramError> {
        tracing::info!("shutting down");
        self.shared.metrics.set_stopping();
        let deadline = tokio::time::Instant::now() + self.grace;
        // The worker finishes its deliveries while the updates in flight finish.
        let (stop_reminders, reminders) = self.reminders;
        let _ = stop_reminders.send(());
        loop {
            match self.shutdown.shutdown() {
                Ok(done) => {
                    if tokio::time::timeout_at(deadline, done).await.is_err() {
                        tracing::warn!("updates still in flight at the end of the grace period");
                    }
                    break;
                }
                // Idle: not started yet (still asking getMe) or already stopped.
                Err(_) => {
                    if self.dispatcher.is_finished() || tokio::time::Instant::now() >= deadline {
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
        }
        // The worker gives up on its own within `reminder_stop_time`; this is a bound
        // in case it cannot even do that.
        let worker_deadline = deadline.max(tokio::time::Instant::now()) + Duration::from_secs(1);
        if tokio::time::timeout_at(worker_deadline, reminders)
            .await
            .is_err()
        {
            tracing::warn!("the reminder worker did not stop in time");
        }
        for (stop, task) in self.rule_changes {
            let _ = stop.send(());
            // A pass under way runs on the blocking pool and stops between batches of
            // its own accord at the next start; nothing is lost by not waiting for it.
            if tokio::time::timeout(Duration::from_secs(2), task)
                .await
                .is_err()
            {
                tracing::warn!("the rule-change tasks did not stop in time");
            }
        }
        // A relay being sent finishes; what is not marked sent is sent at the next start.
        if let Some((stop, task)) = self.relays {
            let _ = stop.send(());
            if tokio::time::timeout(Duration::from_secs(2), task)
                .await
                .is_err()
            {
                tracing::warn!("the relay loop did not stop in time");
            }
        }
        // Its channel closes with the listener; a notice still queued is no loss.
        self.slow_down.abort();
        if let Some(server) = self.webhook {
            // The server stops with the update listener; give it a moment, no more.
            let _ = tokio::time::timeout(Duration::from_secs(2), server.task).await;
        }
        if let Some((_, stop, task)) = self.observability {
            let _ = stop.send(());
            let _ = tokio::time::timeout(Duration::from_secs(2), task).await;
        }
        // Answered updates leave the inbox before the last flush, so the next start
        // does not hand them over again.
        if tokio::time::timeout(Duration::from_secs(2), self.shared.removals.settled())
            .await
            .is_err()
        {
            tracing::warn!("answered updates still leaving the inbox at the last flush");
        }
        let app = self.shared.app.clone();
        match tokio::task::spawn_blocking(move || app.store.sync()).await {
            Ok(result) => result?,
            Err(_) => tracing::error!("flushing the store panicked"),
        }
        tracing::info!("stopped");
        Ok(())
    }
}

/// How many threads of the runtime's blocking pool may run at once. The store is
/// synchronous, so every update's `App::handle` (and every reminder's store call) runs
/// there, waiting for the disk. Tokio's default of 512 let a thousand users at once
/// start hundreds of threads that only queued for the same group commit: more CPU in
/// scheduling than in work, and hundreds of megabytes of thread stacks and heaps. A few
/// dozen fill every flush just as well; the rest wait in tokio's
/// queue, which costs nothing.
pub const BLOCKING_THREADS: usize = 32;

/// The runtime `serve` runs on: tokio's multi-threaded scheduler (a worker per core)
/// with [`BLOCKING_THREADS`]. The load harness builds the bot's runtime here too.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .thread_name("jolserik")
        .max_blocking_threads(BLOCKING_THREADS)
        .enable_all()
        .build()
}

/// Starts the bot: checks the token with `getMe`, sets the command menu and descriptions,
/// starts the observability listener and the update source, and returns once updates
/// are being taken.
pub async fn start(app: Arc<App>, options: Options) -> Result<Running, TelegramError> {
    let Options {
        token,
        webhook_secret,
        api_url,
        tuning,
    } = options;
    // Before the dispatcher hands over what the inbox kept: a `/human` among those
    // updates must reach the consent screen, not the contacts shown without caseworkers.
    if app.config.handover.operator_chat.is_some() {
        app.enable_caseworkers();
    }
    let url = reqwest::Url::parse(&api_url)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.has_host())
        .ok_or_else(|| TelegramError::ApiUrl(api_url.clone()))?;
    let client = teloxide::net::default_reqwest_settings()
        .timeout(tuning.request_timeout)
        .build()
        .map_err(TelegramError::Client)?;
    let bot = Bot::with_client(token.expose(), client).set_api_url(url);
    let metrics = Metrics::new();
    let api = Api {
        bot: bot.clone(),
        throttled: tuning.throttle.map(|limits| bot.clone().throttle(limits)),
        retry: tuning.retry,
        metrics: metrics.clone(),
    };

    // The dispatcher asks getMe once more as it starts, and gives up for good if that
    // one call fails; through CacheMe it gets this answer instead.
    let dispatch_bot = bot.clone().cache_me();
    let me = api
        .call("getMe", dispatch_bot.get_me())
        .await
        .map_err(|e| match e.kind {
            ErrorKind::Unauthorized => TelegramError::TokenRefused,
            kind => TelegramError::Unreachable {
                api_url: api_url.clone(),
                kind: kind.label(),
            },
        })?;
    tracing::info!(bot_id = me.id.0, mode = %app.config.telegram.mode, "connected to the Bot API");
    set_profile(&api, &app).await;

    let observability = match app.config.observability.listen {
        Some(addr) => Some(serve_metrics(addr, &metrics).await?),
        None => None,
    };
    let admission = Arc::new(flood::Admission::new(
        app.config.telegram.flood,
        std::time::Instant::now(),
    ));
    let shared = Arc::new(Shared::new(
        app.clone(),
        api.clone(),
        tuning.max_message_len,
        admission.clone(),
    ));
    let (slow_down, slow_down_task) = spawn_slow_down(shared.clone());
    let fairness = flood::Fairness {
        admission,
        app: app.clone(),
        removals: shared.removals.clone(),
        metrics: metrics.clone(),
        slow_down,
    };
    let leftover = inbox::Leftover::load(&app).await;
    let dispatcher = Dispatcher::builder(dispatch_bot, handler_tree())
        .dependencies(dptree::deps![shared.clone()])
        .default_handler({
            let metrics = metrics.clone();
            let removals = shared.removals.clone();
            move |update: Arc<Update>| {
                let answering = removals.answering(&update);
                metrics.update("other");
                async move { drop(answering) }
            }
        })
        .error_handler(Arc::new(ListenerErrors {
            metrics: metrics.clone(),
        }))
        .build();
    let shutdown = dispatcher.shutdown_token();
    let errors = Arc::new(ListenerErrors {
        metrics: metrics.clone(),
    });

    let (dispatcher, webhook) = match app.config.telegram.mode {
        TelegramMode::Polling => {
            // getUpdates is refused while a webhook is set, so clear any earlier one.
            if let Err(e) = api.call("deleteWebhook", bot.delete_webhook()).await {
                tracing::warn!(kind = e.kind.label(), "could not delete an earlier webhook");
            }
            let polling = inbox::InboxPolling::new(
                bot.clone(),
                app.clone(),
                metrics.clone(),
                tuning.poll_timeout,
                tuning.retry,
                leftover.ids(),
            );
            let listener = fairness.wrap(inbox::Replay::new(leftover.updates, polling));
            (spawn_dispatcher(dispatcher, listener, errors), None)
        }
        TelegramMode::Webhook => {
            let secret = webhook_secret.ok_or(SecretError::WebhookSecretMissing)?;
            let (listener, server) = webhook::start(&api, &app, &secret).await?;
            let listener = fairness.wrap(inbox::Replay::new(leftover.updates, listener));
            (spawn_dispatcher(dispatcher, listener, errors), Some(server))
        }
    };
    let rule_changes = spawn_rule_changes(&app, &api);
    let relays = match app.config.handover.operator_chat {
        Some(chat) => {
            let operator_chat = handover::check_chat(&shared, chat).await;
            let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
            let task = tokio::spawn(handover::run(shared.clone(), operator_chat, stopped));
            Some((stop, task))
        }
        None => None,
    };
    let reminders = spawn_reminders(app, &api, &tuning);
    Ok(Running {
        relays,
        shared,
        slow_down: slow_down_task,
        shutdown,
        dispatcher,
        webhook,
        observability,
        reminders,
        rule_changes,
        grace: tuning.shutdown_grace,
    })
}

/// Runs the bot, and next to it the maintenance tasks (daily retention sweep, backup on
/// SIGUSR1), until `stop` resolves (a signal, in `main`) or the bot stops by itself;
/// then shuts the bot down gracefully and stops the maintenance.
pub async fn run_until(
    app: Arc<App>,
    options: Options,
    stop: impl Future<Output = ()>,
) -> Result<(), TelegramError> {
    let running = start(app.clone(), options).await?;
    let (stop_maintenance, maintenance_stopped) = tokio::sync::oneshot::channel::<()>();
    let maintenance = tokio::spawn(crate::maintenance::run(app, async move {
        let _ = maintenance_stopped.await;
    }));
    tokio::pin!(stop);
    loop {
        tokio::select! {
            () = &mut stop => break,
            () = tokio::time::sleep(Duration::from_millis(500)) => {
                if running.is_finished() {
                    tracing::error!("the update source stopped by itself");
                    break;
                }
            }
        }
    }
    let result = running.shutdown().await;
    // A backup under way finishes first; the maintenance task checks for the stop
    // between jobs.
    let _ = stop_maintenance.send(());
    if tokio::time::timeout(Duration::from_secs(30), maintenance)
        .await
        .is_err()
    {
        tracing::warn!("maintenance did not stop in time");
    }
    result
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM (systemd stop).
pub async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
                return;
            }
            Err(e) => tracing::warn!(error = %e, "cannot listen for SIGTERM; only Ctrl-C stops"),
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// The update kinds the bot handles, each to its handler. The branches also tell the
/// polling listener which kinds to ask Telegram for.
fn handler_tree() -> UpdateHandler<Infallible> {
    // Each endpoint holds the update's place in the inbox until it has answered.
    dptree::entry()
        .branch(Update::filter_message().endpoint(
            |msg: Message, update: Update, shared: Arc<Shared>| async move {
                let _answering = shared.removals.answering(&update);
                shared.on_message(msg, update.id.0).await;
                Ok::<(), Infallible>(())
            },
        ))
        .branch(Update::filter_callback_query().endpoint(
            |query: CallbackQuery, update: Update, shared: Arc<Shared>| async move {
                let _answering = shared.removals.answering(&update);
                shared.on_callback(query, update.id.0).await;
                Ok::<(), Infallible>(())
            },
        ))
        .branch(Update::filter_channel_post().endpoint(
            |msg: Message, update: Update, shared: Arc<Shared>| async move {
                let _answering = shared.removals.answering(&update);
                shared.on_channel_post(msg).await;
                Ok::<(), Infallible>(())
            },
        ))
        .branch(Update::filter_my_chat_member().endpoint(
            |change: ChatMemberUpdated, update: Update, shared: Arc<Shared>| async move {
                let _answering = shared.removals.answering(&update);
                shared.on_my_chat_member(change).await;
                Ok::<(), Infallible>(())
            },
        ))
}

fn spawn_dispatcher<L>(
    mut dispatcher: Dispatcher<CacheMe<Bot>, Infallible, teloxide::dispatching::DefaultKey>,
    listener: L,
    errors: Arc<ListenerErrors>,
) -> JoinHandle<()>
where
    L: UpdateListener + Send + 'static,
    L::Err: std::fmt::Debug + Send,
    ListenerErrors: ErrorHandler<L::Err>,
{
    tokio::spawn(async move {
        if let Err(e) = dispatcher
            .try_dispatch_with_listener(listener, errors)
            .await
        {
            tracing::error!(
                kind = classify(&e).label(),
                "the dispatcher could not start"
            );
        }
    })
}

/// How many "slow down" notices may wait to be sent; more are not sent.
const SLOW_DOWN_QUEUE: usize = 256;

/// Sends "slow down" to the chats the flood limits drop updates of, one at a time and
/// apart from the handlers, so a notice never holds up an answer.
fn spawn_slow_down(
    shared: Arc<Shared>,
) -> (tokio::sync::mpsc::Sender<flood::SlowDown>, JoinHandle<()>) {
    let (tx, mut rx) = tokio::sync::mpsc::channel(SLOW_DOWN_QUEUE);
    let task = tokio::spawn(async move {
        while let Some(notice) = rx.recv().await {
            shared.slow_down(notice).await;
        }
    });
    (tx, task)
}

/// Counts and logs (by kind only) errors of the update source and of handlers. The
/// default teloxide handler would print the error with `{:?}`, URL and token included.
struct ListenerErrors {
    metrics: Arc<Metrics>,
}

impl ErrorHandler<RequestError> for ListenerErrors {
    fn handle_error(
        self: Arc<Self>,
        error: RequestError,
    ) -> std::pin::Pin<Box<dyn Future<Output = ()> + Send>> {
        let kind = classify(&error);
        self.metrics.api_error(kind.label());
        tracing::warn!(
            method = "getUpdates",
            kind = kind.label(),
            "fetching updates failed; retrying"
        );
        Box::pin(async {})
    }
}

impl ErrorHandler<Infallible> for ListenerErrors {
    fn handle_error(
        self: Arc<Self>,
        error: Infallible,
    ) -> std::pin::Pin<Box<dyn Future<Output = ()> + Send>> {
        match error {}
    }
}

/// The command menu, description and short description, in each language and as the
/// default for users whose language is none of ours. A failure is logged, not fatal:
/// the bot works without a menu.
async fn set_profile(api: &Api, app: &App) {
    let mut targets: Vec<(Option<&str>, Lang)> =
        Lang::ALL.iter().map(|l| (Some(l.code()), *l)).collect();
    targets.push((None, app.config.i18n.default_language));
    for (code, lang) in targets {
        let render = |id: &'static str| keyboard::render(app, lang, &Msg::new(id));
        let commands: Vec<BotCommand> = COMMANDS
            .iter()
            .map(|(command, id)| BotCommand::new(*command, render(id)))
            .collect();
        let mut set_commands = api.bot.set_my_commands(commands);
        let mut set_description = api
            .bot
            .set_my_description()
            .description(render("tg-description"));
        let mut set_short = api
            .bot
            .set_my_short_description()
            .short_description(render("tg-short-description"));
        if let Some(code) = code {
            set_commands = set_commands.language_code(code);
            set_description = set_description.language_code(code);
            set_short = set_short.language_code(code);
        }
        let results = [
            api.call("setMyCommands", set_commands).await.err(),
            api.call("setMyDescription", set_description).await.err(),
            api.call("setMyShortDescription", set_short).await.err(),
        ];
        for e in results.into_iter().flatten() {
            tracing::warn!(
                method = e.method,
                lang = code.unwrap_or("default"),
                kind = e.kind.label(),
                "bot profile not set"
            );
        }
    }
}

/// Starts the reminder worker, sending through the same (throttled) client as the
/// dialogue so reminders queue behind Telegram's limits. Stops when the sender fires.
/// Starts the reminder worker. It may have as many deliveries under way as Throttle
/// sends in about two seconds (unthrottled, its own default): each is marked in flight
/// before it queues in Throttle, so this is also the most a crash can leave to send
/// again, and what a stop must wait for.
fn spawn_reminders(
    app: Arc<App>,
    api: &Api,
    tuning: &Tuning,
) -> (tokio::sync::oneshot::Sender<()>, JoinHandle<()>) {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let shutdown = async move {
        let _ = stopped.await;
    };
    let localizer = app.data.localizer.clone();
    let metrics = api.metrics.clone();
    let width = tuning
        .throttle
        .as_ref()
        .map_or(crate::worker::MAX_IN_FLIGHT, |l| {
            (2 * l.messages_per_sec_overall as usize).max(1)
        });
    let stop_within = reminder_stop_time(tuning.shutdown_grace);
    let task = match &api.throttled {
        Some(throttled) => {
            let sink = CountingSink {
                inner: TelegramSink::new(throttled.clone(), localizer),
                metrics,
            };
            let worker = Worker::new(app, sink)
                .max_in_flight(width)
                .stop_within(stop_within);
            tokio::spawn(worker.run(shutdown))
        }
        None => {
            let sink = CountingSink {
                inner: TelegramSink::new(api.bot.clone(), localizer),
                metrics,
            };
            let worker = Worker::new(app, sink)
                .max_in_flight(width)
                .stop_within(stop_within);
            tokio::spawn(worker.run(shutdown))
        }
    };
    (stop, task)
}

/// Starts the re-assessment (a pass now, another after each SIGHUP with a valid new
/// catalogue) and the sender of the notices it queues, through the same throttled
/// client as the reminders.
fn spawn_rule_changes(
    app: &Arc<App>,
    api: &Api,
) -> Vec<(tokio::sync::oneshot::Sender<()>, JoinHandle<()>)> {
    let stopper = || {
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        (stop, async move {
            let _ = stopped.await;
        })
    };
    let metrics = api.metrics.clone();
    let observe =
        move |r: &crate::recheck::PassReport| metrics.rules_pass(r.reassessed, r.notified);
    let (stop_recheck, recheck_stopped) = stopper();
    let recheck = tokio::spawn(crate::recheck::run(app.clone(), observe, recheck_stopped));
    let (stop_notices, notices_stopped) = stopper();
    let metrics = api.metrics.clone();
    let observe = move |o: crate::notices::Observed| metrics.notices(o.delivered, o.pending);
    let localizer = app.data.localizer.clone();
    let notices = match &api.throttled {
        Some(throttled) => {
            let sink = TelegramSink::new(throttled.clone(), localizer);
            tokio::spawn(crate::notices::run(
                app.clone(),
                sink,
                observe,
                notices_stopped,
            ))
        }
        None => {
            let sink = TelegramSink::new(api.bot.clone(), localizer);
            tokio::spawn(crate::notices::run(
                app.clone(),
                sink,
                observe,
                notices_stopped,
            ))
        }
    };
    vec![(stop_recheck, recheck), (stop_notices, notices)]
}

/// How long the reminder worker may take to finish its deliveries at a stop: most of
/// the grace period, which it shares with the updates in flight.
fn reminder_stop_time(grace: Duration) -> Duration {
    grace
        .saturating_sub(Duration::from_secs(1))
        .max(Duration::from_millis(500))
}

/// Counts what the reminder sink reports, for `/metrics`.
struct CountingSink<S> {
    inner: S,
    metrics: Arc<Metrics>,
}

impl<S: ReminderSink> ReminderSink for CountingSink<S> {
    fn deliver(
        &self,
        user: u64,
        lang: Lang,
        reply: &Reply,
    ) -> impl Future<Output = Delivery> + Send {
        let delivering = self.inner.deliver(user, lang, reply);
        let metrics = self.metrics.clone();
        async move {
            let delivery = delivering.await;
            match &delivery {
                Delivery::Delivered => metrics.reminder_sent(),
                Delivery::Blocked => metrics.user_blocked(),
                Delivery::RetryAfter(_) => metrics.api_error("retry_after"),
                Delivery::Rejected(_) => metrics.api_error("bad_request"),
            }
            delivery
        }
    }
}

/// Starts the `/healthz` + `/metrics` listener.
async fn serve_metrics(
    addr: SocketAddr,
    metrics: &Arc<Metrics>,
) -> Result<(SocketAddr, tokio::sync::oneshot::Sender<()>, JoinHandle<()>), TelegramError> {
    let bind_error = |source| TelegramError::Bind {
        what: "/healthz and /metrics",
        addr,
        source,
    };
    let tcp = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(bind_error)?;
    let local = tcp.local_addr().map_err(bind_error)?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let router = metrics.router();
    let task = tokio::spawn(async move {
        let serve = axum::serve(tcp, router).with_graceful_shutdown(async {
            let _ = stopped.await;
        });
        if let Err(e) = serve.await {
            tracing::error!(error = %e, "the observability listener stopped");
        }
    });
    tracing::info!(addr = %local, "serving /healthz and /metrics");
    Ok((local, stop, task))
}
