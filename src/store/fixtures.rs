//! What the store's unit tests build their cases from: fixed times and dates, a
//! reminder of one deadline at a chosen offset, a fresh record, a plan that leaves out
//! what the sent log already holds (as the app's planner does), and a digest's window.

use chrono::{DateTime, NaiveDate, Utc};

use super::{UserRecord, UserReminders};
use crate::domain::Lang;
use crate::engine::Conversation;
use crate::reminders::digest::Window;
use crate::reminders::plan::Reminder;

/// The tests' "now".
pub(super) fn now() -> DateTime<Utc> {
    at("2026-11-21T05:00:00Z")
}

pub(super) fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

pub(super) fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A reminder of the permit ending on 2026-11-29, `offset` days before, due at `due`.
pub(super) fn reminder(user: u64, offset: i64, due: &str) -> Reminder {
    Reminder {
        user,
        due: at(due),
        kind: crate::rules::DeadlineKind::PermitEnd,
        date: day("2026-11-29"),
        rule: "R11".into(),
        offset,
        step: None,
        link: None,
    }
}

pub(super) fn record() -> UserRecord {
    UserRecord::new(Conversation::new(Lang::En), now())
}

/// A plan that makes `rs`, less what the sent log already holds.
pub(super) fn plan_of(rs: Vec<Reminder>) -> impl Fn(&UserReminders) -> Vec<Reminder> {
    move |state| {
        rs.iter()
            .filter(|r| !state.logged(&r.id()))
            .cloned()
            .collect()
    }
}

/// The window of a digest taken at `t` in Almaty (UTC+5), the reminder hour 10:00.
pub(super) fn window(t: DateTime<Utc>) -> Window {
    let today = (t + chrono::Duration::hours(5)).date_naive();
    let tomorrow = today.succ_opt().unwrap();
    Window {
        now: t,
        today,
        day_end: tomorrow.and_hms_opt(0, 0, 0).unwrap().and_utc() - chrono::Duration::hours(5),
        next_digest: tomorrow.and_hms_opt(5, 0, 0).unwrap().and_utc(),
    }
}
