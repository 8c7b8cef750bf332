//! Webhook mode: registers the public URL and secret with Telegram (`setWebhook`) and
//! serves teloxide's axum webhook router behind a guard. teloxide's own handler answers a
//! body it cannot parse with 200 and logs the body (a user's message) in full; the guard
//! in front of it answers as this bot promises instead: no or wrong secret 401, a body
//! over the limit 413, a body that is not an update 400, and logs only the reason. An
//! update is written to the inbox before the 200 that tells Telegram it arrived; if it
//! cannot be, the answer is 503 and Telegram sends it again later.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use teloxide::payloads::SetWebhookSetters;
use teloxide::prelude::Requester;
use teloxide::types::Update;
use teloxide::update_listeners::{webhooks, UpdateListener};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use super::errors::Api;
use super::inbox::{self, ALLOWED_UPDATES};
use super::metrics::Metrics;
use super::secrets::WebhookSecret;
use super::TelegramError;
use crate::app::App;

/// The largest webhook body accepted. Updates the bot reads are a few kilobytes.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// An oversized body up to this size is read (and dropped) before the 413.
const DRAIN_BYTES: usize = 8 << 20;
const DRAIN_TIME: std::time::Duration = std::time::Duration::from_secs(5);

/// The header Telegram puts the secret in.
const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

struct Guard {
    secret: WebhookSecret,
    metrics: Arc<Metrics>,
    app: Arc<App>,
}

/// A running webhook endpoint.
pub(crate) struct WebhookServer {
    pub(crate) addr: SocketAddr,
    pub(crate) task: JoinHandle<()>,
}

/// Binds the listener, registers the webhook and starts serving. Returns the update
/// listener for the dispatcher; the server stops when that listener is stopped.
pub(crate) async fn start(
    api: &Api,
    app: &Arc<App>,
    secret: &WebhookSecret,
) -> Result<
    (
        impl UpdateListener<Err = Infallible> + Send + use<>,
        WebhookServer,
    ),
    TelegramError,
> {
    let config = &app.config.telegram;
    let public = config
        .webhook
        .public_url
        .as_deref()
        .ok_or(TelegramError::NoPublicUrl)?;
    let url = reqwest::Url::parse(public).map_err(|_| TelegramError::NoPublicUrl)?;
    let listen = config.webhook.listen;
    let tcp = TcpListener::bind(listen)
        .await
        .map_err(|source| TelegramError::Bind {
            what: "the webhook",
            addr: listen,
            source,
        })?;
    let addr = tcp.local_addr().map_err(|source| TelegramError::Bind {
        what: "the webhook",
        addr: listen,
        source,
    })?;
    let register = api
        .bot
        .set_webhook(url.clone())
        .secret_token(secret.expose().to_string())
        .allowed_updates(ALLOWED_UPDATES.to_vec())
        .drop_pending_updates(false);
    api.call("setWebhook", register)
        .await
        .map_err(|e| TelegramError::Webhook {
            kind: e.kind.label(),
        })?;

    let mut options = webhooks::Options::new(addr, url);
    options.secret_token = Some(secret.expose().to_string());
    let (listener, stop_flag, router) = webhooks::axum_no_setup(options);
    let guard = Arc::new(Guard {
        secret: secret.clone(),
        metrics: api.metrics.clone(),
        app: app.clone(),
    });
    let router = router.layer(axum::middleware::from_fn_with_state(guard, check));
    let task = tokio::spawn(async move {
        if let Err(e) = axum::serve(tcp, router)
            .with_graceful_shutdown(stop_flag)
            .await
        {
            tracing::error!(error = %e, "the webhook server stopped");
        }
    });
    tracing::info!(%addr, "webhook listening");
    Ok((listener, WebhookServer { addr, task }))
}

/// Refuses what Telegram would never send before teloxide's handler sees it.
async fn check(State(guard): State<Arc<Guard>>, request: Request, next: Next) -> Response {
    let secret_ok = request
        .headers()
        .get(SECRET_HEADER)
        .is_some_and(|v| guard.secret.matches(v.as_bytes()));
    if !secret_ok {
        guard.metrics.webhook_rejected("secret");
        tracing::warn!("webhook request without the right secret refused");
        // Refused before its body was read: the connection cannot carry another
        // request, and a client still sending should be told so, not reset later.
        return (StatusCode::UNAUTHORIZED, [(header::CONNECTION, "close")]).into_response();
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let (parts, body) = request.into_parts();
    if let Some(length) = declared.filter(|n| *n > MAX_BODY_BYTES) {
        guard.metrics.webhook_rejected("too_large");
        // Reading a moderately oversized body before answering lets the client see the
        // 413 instead of a connection reset mid-upload; a huge one is cut off.
        if length <= DRAIN_BYTES {
            let drained =
                tokio::time::timeout(DRAIN_TIME, axum::body::to_bytes(body, DRAIN_BYTES)).await;
            if matches!(drained, Ok(Ok(_))) {
                return StatusCode::PAYLOAD_TOO_LARGE.into_response();
            }
        }
        return too_large();
    }
    let bytes = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        // A chunked body has no declared length; the limit catches it while reading.
        // axum reports it as http-body-util's LengthLimitError, known only by its text.
        Err(e) if e.to_string().contains("length limit exceeded") => {
            guard.metrics.webhook_rejected("too_large");
            return too_large();
        }
        Err(_) => {
            guard.metrics.webhook_rejected("malformed");
            return StatusCode::BAD_REQUEST.into_response();
        }
    };
    let Ok(update) = serde_json::from_slice::<Update>(&bytes) else {
        guard.metrics.webhook_rejected("malformed");
        tracing::warn!(
            bytes = bytes.len(),
            "webhook body is not an update; refused"
        );
        return StatusCode::BAD_REQUEST.into_response();
    };
    let Some(entry) = inbox::entry(&update) else {
        // A kind this version cannot read: confirmed and dropped, never logged whole.
        guard.metrics.update("unreadable");
        tracing::warn!(
            update = update.id.0,
            "an update this bot cannot read; skipped"
        );
        return StatusCode::OK.into_response();
    };
    let app = guard.app.clone();
    let stored = tokio::task::spawn_blocking(move || app.store.inbox_put(&[entry])).await;
    if !matches!(stored, Ok(Ok(()))) {
        tracing::error!(
            update = update.id.0,
            "could not store a received update; Telegram is asked to send it again"
        );
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// 413, closing the connection: the unread rest of the body must not be taken for the
/// next request on a kept-alive connection.
fn too_large() -> Response {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONNECTION, "close")],
    )
        .into_response()
}
