//! What the running bot counts, and the small HTTP listener (`observability.listen`) that
//! shows it: `/healthz` for a liveness probe and `/metrics` in the Prometheus text
//! exposition format. The counters are plain atomics and the exposition is written by
//! hand: a dozen series do not justify a metrics library.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

/// Upper bounds (seconds) of the update-to-reply latency histogram buckets.
const LATENCY_BUCKETS: [f64; 10] = [0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0];

/// Update kinds counted separately; anything else is `other`.
pub const UPDATE_KINDS: [&str; 5] = [
    "message",
    "callback_query",
    "channel_post",
    "my_chat_member",
    "other",
];

/// Every counter of one running bot. Shared behind an `Arc`; all methods take `&self`.
#[derive(Debug, Default)]
pub struct Metrics {
    updates: [AtomicU64; UPDATE_KINDS.len()],
    replies_sent: AtomicU64,
    users_blocked: AtomicU64,
    reminders_sent: AtomicU64,
    /// Updates over a chat's flood limits, dropped unanswered.
    updates_dropped: AtomicU64,
    /// Updates of new users waiting for their turn (a gauge).
    new_users_waiting: AtomicU64,
    /// Users re-assessed after a rule change, and those of them queued a notice.
    users_reassessed: AtomicU64,
    users_notified: AtomicU64,
    notices_sent: AtomicU64,
    /// Rule-change notices queued or in flight (a gauge).
    notices_pending: AtomicU64,
    webhook_rejected: Mutex<BTreeMap<&'static str, u64>>,
    api_errors: Mutex<BTreeMap<&'static str, u64>>,
    latency: Histogram,
    /// Cleared when shutdown begins, so a probe sees the bot going away.
    stopping: AtomicBool,
}

#[derive(Debug, Default)]
struct Histogram {
    buckets: [AtomicU64; LATENCY_BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
}

impl Metrics {
    pub fn new() -> Arc<Metrics> {
        Arc::new(Metrics::default())
    }

    /// One update received, of a kind from [`UPDATE_KINDS`].
    pub fn update(&self, kind: &str) {
        let i = UPDATE_KINDS
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(UPDATE_KINDS.len() - 1);
        self.updates[i].fetch_add(1, Ordering::Relaxed);
    }

    /// One message sent or edited for a user.
    pub fn reply_sent(&self) {
        self.replies_sent.fetch_add(1, Ordering::Relaxed);
    }

    /// A user was found to have blocked the bot.
    pub fn user_blocked(&self) {
        self.users_blocked.fetch_add(1, Ordering::Relaxed);
    }

    /// A reminder went out (counted by the reminder sender).
    pub fn reminder_sent(&self) {
        self.reminders_sent.fetch_add(1, Ordering::Relaxed);
    }

    /// An update over a chat's flood limits was dropped.
    pub fn update_dropped(&self) {
        self.updates_dropped.fetch_add(1, Ordering::Relaxed);
    }

    /// How many updates of new users wait for their turn now.
    pub fn set_new_users_waiting(&self, waiting: usize) {
        self.new_users_waiting.store(
            u64::try_from(waiting).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }

    /// A re-assessment pass after a rule change re-assessed and notified this many.
    pub fn rules_pass(&self, reassessed: u64, notified: u64) {
        self.users_reassessed
            .fetch_add(reassessed, Ordering::Relaxed);
        self.users_notified.fetch_add(notified, Ordering::Relaxed);
    }

    /// The notice sender's news: one delivered, and how many are left.
    pub fn notices(&self, delivered: bool, pending: usize) {
        if delivered {
            self.notices_sent.fetch_add(1, Ordering::Relaxed);
        }
        self.notices_pending.store(
            u64::try_from(pending).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }

    pub fn updates_dropped_total(&self) -> u64 {
        self.updates_dropped.load(Ordering::Relaxed)
    }

    /// A Bot API call failed, by the kind from `errors::ErrorKind::label`.
    pub fn api_error(&self, kind: &'static str) {
        let mut map = self.api_errors.lock().unwrap_or_else(|p| p.into_inner());
        *map.entry(kind).or_insert(0) += 1;
    }

    /// A webhook request was refused (`secret`, `malformed`, `too_large`).
    pub fn webhook_rejected(&self, reason: &'static str) {
        let mut map = self
            .webhook_rejected
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        *map.entry(reason).or_insert(0) += 1;
    }

    /// Time from an update arriving to its last reply being sent.
    pub fn observe_latency(&self, elapsed: Duration) {
        let secs = elapsed.as_secs_f64();
        for (i, bound) in LATENCY_BUCKETS.iter().enumerate() {
            if secs <= *bound {
                self.latency.buckets[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        self.latency.count.fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX);
        self.latency.sum_micros.fetch_add(micros, Ordering::Relaxed);
    }

    pub fn set_stopping(&self) {
        self.stopping.store(true, Ordering::Relaxed);
    }

    pub fn updates_total(&self) -> u64 {
        self.updates.iter().map(|c| c.load(Ordering::Relaxed)).sum()
    }

    pub fn replies_total(&self) -> u64 {
        self.replies_sent.load(Ordering::Relaxed)
    }

    pub fn api_errors_total(&self) -> u64 {
        let map = self.api_errors.lock().unwrap_or_else(|p| p.into_inner());
        map.values().sum()
    }

    /// The Prometheus text exposition (format 0.0.4).
    pub fn render(&self) -> String {
        let mut out = String::new();
        let load = |c: &AtomicU64| c.load(Ordering::Relaxed);
        out.push_str("# HELP jolserik_updates_total Telegram updates received, by kind.\n");
        out.push_str("# TYPE jolserik_updates_total counter\n");
        for (kind, counter) in UPDATE_KINDS.iter().zip(&self.updates) {
            let _ = writeln!(
                out,
                "jolserik_updates_total{{kind=\"{kind}\"}} {}",
                load(counter)
            );
        }
        let simple = [
            (
                "jolserik_replies_sent_total",
                "Messages sent or edited for users.",
                &self.replies_sent,
            ),
            (
                "jolserik_users_blocked_total",
                "Times a user was found to have blocked the bot.",
                &self.users_blocked,
            ),
            (
                "jolserik_reminders_sent_total",
                "Deadline reminders sent.",
                &self.reminders_sent,
            ),
            (
                "jolserik_updates_dropped_total",
                "Updates over a chat's flood limits, dropped unanswered.",
                &self.updates_dropped,
            ),
            (
                "jolserik_users_reassessed_total",
                "Users re-assessed after a change of the rule catalogue.",
                &self.users_reassessed,
            ),
            (
                "jolserik_users_notified_total",
                "Users queued a notice of what a rule change changed for them.",
                &self.users_notified,
            ),
            (
                "jolserik_notices_sent_total",
                "Rule-change notices delivered.",
                &self.notices_sent,
            ),
        ];
        for (name, help, counter) in simple {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
            let _ = writeln!(out, "{name} {}", load(counter));
        }
        let name = "jolserik_notices_pending";
        let _ = writeln!(
            out,
            "# HELP {name} Rule-change notices queued or being sent.\n# TYPE {name} gauge\n{name} {}",
            load(&self.notices_pending)
        );
        let name = "jolserik_new_users_waiting";
        let _ = writeln!(
            out,
            "# HELP {name} Updates of new users waiting for their turn.\n# TYPE {name} gauge\n{name} {}",
            load(&self.new_users_waiting)
        );
        out.push_str("# HELP jolserik_api_errors_total Failed Bot API calls, by kind.\n");
        out.push_str("# TYPE jolserik_api_errors_total counter\n");
        {
            let map = self.api_errors.lock().unwrap_or_else(|p| p.into_inner());
            for (kind, n) in map.iter() {
                let _ = writeln!(out, "jolserik_api_errors_total{{kind=\"{kind}\"}} {n}");
            }
        }
        out.push_str(
            "# HELP jolserik_webhook_rejected_total Webhook requests refused, by reason.\n",
        );
        out.push_str("# TYPE jolserik_webhook_rejected_total counter\n");
        {
            let map = self
                .webhook_rejected
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            for (reason, n) in map.iter() {
                let _ = writeln!(
                    out,
                    "jolserik_webhook_rejected_total{{reason=\"{reason}\"}} {n}"
                );
            }
        }
        let name = "jolserik_update_to_reply_seconds";
        let _ = writeln!(
            out,
            "# HELP {name} Time from an update arriving to its last reply being sent.\n\
             # TYPE {name} histogram"
        );
        for (bound, counter) in LATENCY_BUCKETS.iter().zip(&self.latency.buckets) {
            let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {}", load(counter));
        }
        let count = load(&self.latency.count);
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {count}");
        let sum = load(&self.latency.sum_micros) as f64 / 1e6;
        let _ = writeln!(out, "{name}_sum {sum}");
        let _ = writeln!(out, "{name}_count {count}");
        out
    }

    /// The router of the observability listener.
    pub fn router(self: &Arc<Metrics>) -> Router {
        let for_metrics = self.clone();
        let for_health = self.clone();
        Router::new()
            .route(
                "/metrics",
                get(move || {
                    let metrics = for_metrics.clone();
                    async move {
                        (
                            [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
                            metrics.render(),
                        )
                    }
                }),
            )
            .route(
                "/healthz",
                get(move || {
                    let metrics = for_health.clone();
                    async move {
                        if metrics.stopping.load(Ordering::Relaxed) {
                            (StatusCode::SERVICE_UNAVAILABLE, "stopping\n").into_response()
                        } else {
                            (StatusCode::OK, "ok\n").into_response()
                        }
                    }
                }),
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exposition_has_every_series() {
        let m = Metrics::new();
        m.update("message");
        m.update("message");
        m.update("whatever");
        m.reply_sent();
        m.api_error("retry_after");
        m.update_dropped();
        m.set_new_users_waiting(7);
        m.observe_latency(Duration::from_millis(70));
        m.observe_latency(Duration::from_secs(3));
        let text = m.render();
        assert!(
            text.contains("jolserik_updates_total{kind=\"message\"} 2"),
            "{text}"
        );
        assert!(
            text.contains("jolserik_updates_total{kind=\"other\"} 1"),
            "{text}"
        );
        assert!(text.contains("jolserik_replies_sent_total 1"), "{text}");
        assert!(text.contains("jolserik_updates_dropped_total 1"), "{text}");
        assert!(text.contains("jolserik_new_users_waiting 7"), "{text}");
        assert!(text.contains("jolserik_api_errors_total{kind=\"retry_after\"} 1"));
        assert!(text.contains("jolserik_update_to_reply_seconds_bucket{le=\"0.05\"} 0"));
        assert!(text.contains("jolserik_update_to_reply_seconds_bucket{le=\"0.1\"} 1"));
        assert!(text.contains("jolserik_update_to_reply_seconds_bucket{le=\"5\"} 2"));
        assert!(text.contains("jolserik_update_to_reply_seconds_bucket{le=\"+Inf\"} 2"));
        assert!(text.contains("jolserik_update_to_reply_seconds_count 2"));
        assert_eq!(m.updates_total(), 3);
    }
}
