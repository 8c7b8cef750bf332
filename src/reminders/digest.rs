//! One reminder message per user per day: which of a user's reminders go out together
//! as one digest, decided without I/O or a clock (the caller passes the window). The
//! store applies the decision in the transaction that takes the digest; the view turns a
//! [`Digest`] into one message.
//!
//! The rule, which a user would expect and the tests pin down:
//! - A digest is taken when the first of a user's reminders falls due (at the reminder
//!   hour, `send_at`, or when the quiet hours end). It carries every reminder of that
//!   user due by the end of that local day: reminders due later the same day go out
//!   early with it, rather than as a second message.
//! - Per deadline only the most recent goes; of a deadline that has fully passed, only
//!   the day-after notice (see `plan::collapse`). So a catch-up after downtime is one
//!   digest with the current state of each deadline.
//! - What was left in flight for the user joins the digest and is sent again in it (it
//!   was never confirmed as sent), so the user still gets one message.
//! - A reminder that falls due on a day whose digest has already been delivered (a
//!   change the user made after it — a new deadline, a renewal — or a rule change that
//!   moved their dates can plan one) joins the
//!   next day's digest, at the reminder hour. Except the last-day and day-after notices:
//!   "today is the last day" said tomorrow would be false, and the day after is when
//!   the user must act at once, so these still go out on their day, in a second digest.
//!   That second message can only follow a change made after the morning's digest (the
//!   user's, or a rule change they are told about anyway). (Another change
//!   the same day plans afresh, and a deferred reminder whose planned instant has passed
//!   is not planned again: the user who just made a change is looking at their plan.)

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use crate::config::RemindersConfig;
use crate::engine::DeadlineKey;

use super::plan::{by_urgency, collapse, local_instant, outside_quiet_hours, Reminder};
use super::plan::{DAY_AFTER, LAST_DAY};

/// The reminders of one user that go out as one message, soonest deadline first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub user: u64,
    /// The local day it goes out for: delivered, it is the user's digest of that day
    /// (recorded as such however late the delivery is confirmed).
    pub day: NaiveDate,
    pub reminders: Vec<Reminder>,
}

impl Digest {
    /// A digest of `user`'s reminders, ordered soonest deadline first (a passed one
    /// first of all), then by kind, so that the same reminders always read the same.
    pub fn new(user: u64, day: NaiveDate, mut reminders: Vec<Reminder>) -> Digest {
        reminders.retain(|r| r.user == user);
        reminders.sort_by(|a, b| by_urgency(a, b).then_with(|| a.kind.cmp(&b.kind)));
        Digest {
            user,
            day,
            reminders,
        }
    }

    /// Groups reminders of many users (what a crash left in flight) into one digest per
    /// user for `day`, the most urgent user first.
    pub fn per_user(mut reminders: Vec<Reminder>, day: NaiveDate) -> Vec<Digest> {
        reminders.sort_by(by_urgency);
        let mut order = Vec::new();
        let mut by_user: BTreeMap<u64, Vec<Reminder>> = BTreeMap::new();
        for r in reminders {
            if !by_user.contains_key(&r.user) {
                order.push(r.user);
            }
            by_user.entry(r.user).or_default().push(r);
        }
        order
            .into_iter()
            .filter_map(|user| by_user.remove(&user).map(|rs| Digest::new(user, day, rs)))
            .collect()
    }

    /// The deadlines the digest is about, in its order.
    pub fn deadlines(&self) -> Vec<DeadlineKey> {
        let mut keys: Vec<DeadlineKey> = Vec::new();
        for r in &self.reminders {
            if !keys.contains(&r.key()) {
                keys.push(r.key());
            }
        }
        keys
    }
}

/// The moments that bound one user's digest taken at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub now: DateTime<Utc>,
    /// The local day the digest is sent on.
    pub today: NaiveDate,
    /// The end of that day: reminders due before it join the digest.
    pub day_end: DateTime<Utc>,
    /// When the next day's digest goes: the reminder hour tomorrow, outside the quiet
    /// hours. Where a deferred reminder waits.
    pub next_digest: DateTime<Utc>,
}

impl Window {
    /// The window of a digest taken at `now` under the reminder configuration.
    pub fn at(cfg: &RemindersConfig, now: DateTime<Utc>) -> Window {
        let today = super::plan::local_date(cfg.timezone, now);
        let tomorrow = today.succ_opt().unwrap_or(today);
        // A zone whose midnight does not exist starts the day a little later; failing
        // that, a day from now is a safe end.
        let day_end = local_instant(cfg.timezone, tomorrow, NaiveTime::MIN)
            .unwrap_or(now + Duration::days(1));
        let next_digest = local_instant(cfg.timezone, tomorrow, cfg.send_at)
            .map(|t| outside_quiet_hours(cfg, t))
            .unwrap_or(day_end);
        Window {
            now,
            today,
            day_end,
            next_digest,
        }
    }
}

/// What taking a digest does with each candidate (indices into the candidates).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Taking {
    /// Sent in the digest.
    pub send: Vec<usize>,
    /// Recorded as superseded, never sent (an older reminder of the same deadline, or
    /// one of a deadline that has passed).
    pub superseded: Vec<usize>,
    /// Put back in the queue for the next day's digest.
    pub deferred: Vec<usize>,
}

/// Decides a digest: `candidates` are the user's reminders due by the end of `today`
/// and whatever of theirs was left in flight; `delivered_today` says whether a digest
/// already reached them today.
pub fn choose(candidates: &[Reminder], today: NaiveDate, delivered_today: bool) -> Taking {
    let mut per_deadline: BTreeMap<DeadlineKey, Vec<usize>> = BTreeMap::new();
    for (i, r) in candidates.iter().enumerate() {
        per_deadline.entry(r.key()).or_default().push(i);
    }
    let mut taking = Taking::default();
    for indices in per_deadline.values() {
        let group: Vec<Reminder> = indices.iter().map(|i| candidates[*i].clone()).collect();
        let collapsed = collapse(&group, today);
        taking
            .superseded
            .extend(collapsed.skip.iter().map(|j| indices[*j]));
        if let Some(j) = collapsed.send {
            let i = indices[j];
            let must_go_today = matches!(candidates[i].offset, LAST_DAY | DAY_AFTER);
            if delivered_today && !must_go_today {
                taking.deferred.push(i);
            } else {
                taking.send.push(i);
            }
        }
    }
    taking.send.sort_unstable();
    taking.superseded.sort_unstable();
    taking.deferred.sort_unstable();
    taking
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::QuietHours;
    use crate::rules::DeadlineKind;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn r(kind: DeadlineKind, date: &str, offset: i64, due: &str) -> Reminder {
        Reminder {
            user: 1,
            due: utc(due),
            kind,
            date: d(date),
            rule: "R11".into(),
            offset,
            step: None,
            link: None,
        }
    }

    fn cfg() -> RemindersConfig {
        let hm = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        RemindersConfig {
            days_before: vec![30, 14, 7, 3, 1],
            send_at: hm(10),
            timezone: chrono_tz::Asia::Almaty,
            quiet_hours: QuietHours {
                start: hm(22),
                end: hm(8),
            },
        }
    }

    #[test]
    fn the_window_is_the_local_day_and_the_next_reminder_hour() {
        // 15:00 in Almaty (UTC+5).
        let w = Window::at(&cfg(), utc("2026-11-28T10:00:00Z"));
        assert_eq!(w.today, d("2026-11-28"));
        assert_eq!(w.day_end, utc("2026-11-28T19:00:00Z"));
        assert_eq!(w.next_digest, utc("2026-11-29T05:00:00Z"));
        // A reminder hour inside the quiet hours moves to their end.
        let early = RemindersConfig {
            send_at: NaiveTime::from_hms_opt(6, 0, 0).unwrap(),
            ..cfg()
        };
        let w = Window::at(&early, utc("2026-11-28T10:00:00Z"));
        assert_eq!(w.next_digest, utc("2026-11-29T03:00:00Z"));
    }

    #[test]
    fn a_week_of_deadlines_goes_in_one_digest_one_line_per_deadline() {
        let today = d("2026-11-28");
        let candidates = vec![
            // The permit: its 7- and 3-day reminders were missed, the 1-day is today.
            r(
                DeadlineKind::PermitEnd,
                "2026-11-29",
                7,
                "2026-11-22T05:00:00Z",
            ),
            r(
                DeadlineKind::PermitEnd,
                "2026-11-29",
                3,
                "2026-11-26T05:00:00Z",
            ),
            r(
                DeadlineKind::PermitEnd,
                "2026-11-29",
                1,
                "2026-11-28T05:00:00Z",
            ),
            r(
                DeadlineKind::TaxPrepayment,
                "2026-11-29",
                1,
                "2026-11-28T05:00:00Z",
            ),
            // A snooze due later today goes early, with the rest.
            r(
                DeadlineKind::StayLimit,
                "2026-11-30",
                2,
                "2026-11-28T12:00:00Z",
            ),
            // A deadline that passed: only its day-after notice.
            r(
                DeadlineKind::Registration,
                "2026-11-26",
                0,
                "2026-11-26T05:00:00Z",
            ),
            r(
                DeadlineKind::Registration,
                "2026-11-26",
                -1,
                "2026-11-27T05:00:00Z",
            ),
        ];
        let taking = choose(&candidates, today, false);
        assert_eq!(taking.send, [2, 3, 4, 6]);
        assert_eq!(taking.superseded, [0, 1, 5]);
        assert!(taking.deferred.is_empty());
    }

    #[test]
    fn after_the_days_digest_only_the_last_day_and_the_day_after_still_go_today() {
        let today = d("2026-11-28");
        let candidates = vec![
            r(
                DeadlineKind::PermitEnd,
                "2026-12-05",
                7,
                "2026-11-28T05:00:00Z",
            ),
            r(
                DeadlineKind::TrpEnd,
                "2026-11-28",
                0,
                "2026-11-28T10:00:00Z",
            ),
            r(
                DeadlineKind::VisaEnd,
                "2026-11-27",
                -1,
                "2026-11-28T10:00:00Z",
            ),
        ];
        let taking = choose(&candidates, today, true);
        assert_eq!(taking.send, [1, 2]);
        assert_eq!(taking.deferred, [0]);
        assert!(taking.superseded.is_empty());
        // Without a digest delivered today, all three go.
        assert_eq!(choose(&candidates, today, false).send, [0, 1, 2]);
    }

    #[test]
    fn a_digest_reads_soonest_deadline_first_and_groups_users() {
        let mut other = r(
            DeadlineKind::TrpEnd,
            "2026-11-23",
            1,
            "2026-11-22T05:00:00Z",
        );
        other.user = 2;
        let rs = vec![
            r(
                DeadlineKind::StayLimit,
                "2026-11-30",
                2,
                "2026-11-28T05:00:00Z",
            ),
            r(
                DeadlineKind::TaxPrepayment,
                "2026-11-29",
                1,
                "2026-11-28T05:00:00Z",
            ),
            other.clone(),
            r(
                DeadlineKind::PermitEnd,
                "2026-11-29",
                1,
                "2026-11-28T05:00:00Z",
            ),
        ];
        let digests = Digest::per_user(rs, d("2026-11-28"));
        assert_eq!(digests.len(), 2);
        assert_eq!(digests[0].user, 2, "the nearest deadline's user first");
        assert_eq!(digests[0].reminders, [other]);
        let kinds: Vec<_> = digests[1].reminders.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                DeadlineKind::PermitEnd,
                DeadlineKind::TaxPrepayment,
                DeadlineKind::StayLimit
            ]
        );
        assert_eq!(digests[1].deadlines().len(), 3);
    }
}
