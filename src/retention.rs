//! How long the bot keeps what a user told it: the pure decision of the daily
//! retention sweep. A user is erased once `privacy.retention_days` have passed since
//! the later of their last message and their last deadline. Whether they blocked the
//! bot or just went quiet, the clock is the same: a blocked user who unblocks before
//! then finds their plan again, and nobody is kept for ever. The sweep itself (store
//! scan, per-user lock, erasure) is `App::sweep_retention`; running it daily is
//! `maintenance`.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::clock::local_midnight;

/// What the sweep knows about one user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    /// When they last wrote; `None` when unknown (a record migrated from the first
    /// draft schema, which kept no times).
    pub last_seen: Option<DateTime<Utc>>,
    pub blocked: bool,
    /// Whether a readable record exists; without one, only traces are left
    /// (quarantined bytes, reminders).
    pub has_record: bool,
    /// The latest date among their deadlines, document end dates and reminders.
    pub last_deadline: Option<NaiveDate>,
}

/// What the sweep does with a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Keep,
    Erase(Why),
    /// The last message time is unknown: record "now" as the start of the clock
    /// rather than erase someone who may be active.
    StampLastSeen,
}

/// Why a user is erased, for the log and the sweep's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    Blocked,
    Silent,
    /// Only traces are left and none of them has a date.
    Orphan,
}

impl Why {
    pub fn label(self) -> &'static str {
        match self {
            Why::Blocked => "blocked",
            Why::Silent => "silent",
            Why::Orphan => "orphan",
        }
    }
}

/// Decides one user's fate at `now`. Pure: no clock, no store.
pub fn decide(facts: &Facts, now: DateTime<Utc>, retention_days: u32) -> Verdict {
    if facts.has_record && facts.last_seen.is_none() {
        return Verdict::StampLastSeen;
    }
    // A deadline lasts to the end of its day in Kazakhstan.
    let deadline_end = facts
        .last_deadline
        .and_then(|d| d.succ_opt())
        .and_then(local_midnight);
    let Some(anchor) = facts.last_seen.max(deadline_end) else {
        return Verdict::Erase(Why::Orphan);
    };
    let expires = anchor
        .checked_add_signed(Duration::days(i64::from(retention_days)))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    if now < expires {
        Verdict::Keep
    } else if facts.blocked {
        Verdict::Erase(Why::Blocked)
    } else {
        Verdict::Erase(Why::Silent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn facts(last_seen: DateTime<Utc>, deadline: Option<NaiveDate>) -> Facts {
        Facts {
            last_seen: Some(last_seen),
            blocked: false,
            has_record: true,
            last_deadline: deadline,
        }
    }

    #[test]
    fn silence_counts_from_the_later_of_last_message_and_last_deadline() {
        let f = facts(at(2026, 1, 1), Some(day(2026, 6, 30)));
        // 365 days after the last message, but the deadline is later.
        assert_eq!(decide(&f, at(2027, 1, 2), 365), Verdict::Keep);
        // The deadline's day ends at 00:00 Almaty on 1 July 2026 (19:00 UTC on 30 June).
        let end = local_midnight(day(2026, 7, 1)).unwrap();
        assert_eq!(
            decide(&f, end + Duration::days(365) - Duration::seconds(1), 365),
            Verdict::Keep
        );
        assert_eq!(
            decide(&f, end + Duration::days(365), 365),
            Verdict::Erase(Why::Silent)
        );
        // Without deadlines, the last message alone.
        let f = facts(at(2026, 1, 1), None);
        assert_eq!(decide(&f, at(2026, 12, 31), 365), Verdict::Keep);
        assert_eq!(decide(&f, at(2027, 1, 1), 365), Verdict::Erase(Why::Silent));
    }

    #[test]
    fn a_blocked_user_has_the_same_clock_and_is_named_as_blocked() {
        let mut f = facts(at(2026, 1, 1), None);
        f.blocked = true;
        assert_eq!(decide(&f, at(2026, 3, 1), 30), Verdict::Erase(Why::Blocked));
        assert_eq!(decide(&f, at(2026, 1, 30), 30), Verdict::Keep);
    }

    #[test]
    fn an_unknown_last_message_is_stamped_not_erased() {
        let f = Facts {
            last_seen: None,
            blocked: false,
            has_record: true,
            last_deadline: Some(day(2000, 1, 1)),
        };
        assert_eq!(decide(&f, at(2030, 1, 1), 1), Verdict::StampLastSeen);
    }

    #[test]
    fn traces_without_a_record_follow_their_dates_or_go() {
        let quarantined = Facts {
            last_seen: Some(at(2026, 1, 1)),
            blocked: false,
            has_record: false,
            last_deadline: None,
        };
        assert_eq!(decide(&quarantined, at(2026, 1, 5), 30), Verdict::Keep);
        let nothing = Facts {
            last_seen: None,
            has_record: false,
            ..quarantined
        };
        assert_eq!(
            decide(&nothing, at(2026, 1, 5), 30),
            Verdict::Erase(Why::Orphan)
        );
    }

    #[test]
    fn extreme_dates_do_not_overflow() {
        let f = facts(DateTime::<Utc>::MAX_UTC, Some(NaiveDate::MAX));
        assert_eq!(decide(&f, at(2026, 1, 1), 3650), Verdict::Keep);
        let f = facts(DateTime::<Utc>::MIN_UTC, Some(NaiveDate::MIN));
        assert_eq!(decide(&f, at(2026, 1, 1), 1), Verdict::Erase(Why::Silent));
    }
}
