//! When each reminder goes out, decided without I/O or a clock: the caller passes `now`.
//! A deadline's date is its last legal day. A reminder `k` days before it goes out at
//! `send_at` local time (in the configured zone) on day `date - k`, for every `k` in
//! `days_before`, plus two that are always planned: on the last day itself (`k = 0`,
//! "today is the last day") and on the day after (`k = -1`, "yesterday was the last
//! day: here is what to do now").
//!
//! The exact rules, which the table tests pin down:
//! - A `days_before` reminder (and a "remind me tomorrow" one) whose instant is already
//!   past when the plan is made is skipped: a late "7 days left" is noise.
//! - The last-day and day-after reminders are planned at their instant when it is still
//!   ahead. When it has passed but their day has not (a plan made at 15:00 on the last
//!   day), they are due at once — or, inside the quiet hours, when the quiet hours end —
//!   provided that moment is still on their day; otherwise they are skipped, because
//!   "today is the last day" said tomorrow would be false.
//! - Nothing is ever planned inside the quiet hours.
//! - A reminder's id is `{kind}:{date}:{k}` (e.g. `permit_end:2026-11-29:7`). It is
//!   stable across re-plans, so the sent log can tell that a reminder was delivered and
//!   must never be planned again.
//!
//! Downtime catch-up ([`collapse`]): of the reminders of one deadline that are due at
//! once, only the most recent is sent; and none whose deadline has fully passed, except
//! the single day-after notice.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::config::RemindersConfig;
use crate::domain::DocKind;
use crate::engine::{DeadlineKey, ReminderPrefs};
use crate::rules::{Catalogue, Deadline, DeadlineKind, Plan, Step};

/// `k` of the reminder on the last day itself.
pub const LAST_DAY: i64 = 0;
/// `k` of the reminder on the day after the last day.
pub const DAY_AFTER: i64 = -1;

/// One planned reminder, as the store keeps it: everything needed to say it later
/// without re-assessing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub user: u64,
    /// When it goes out.
    pub due: DateTime<Utc>,
    pub kind: DeadlineKind,
    /// The deadline's last legal day.
    pub date: NaiveDate,
    /// The rule the deadline comes from (its source).
    pub rule: String,
    /// Days before the deadline: `days_before` values, [`LAST_DAY`], [`DAY_AFTER`].
    pub offset: i64,
    /// The plan step that meets the deadline, if there is one.
    #[serde(default)]
    pub step: Option<String>,
    /// The official page to act on, if there is one.
    #[serde(default)]
    pub link: Option<String>,
}

impl Reminder {
    pub fn key(&self) -> DeadlineKey {
        DeadlineKey {
            kind: self.kind,
            date: self.date,
        }
    }

    /// `{kind}:{date}:{offset}`, stable across re-plans.
    pub fn id(&self) -> String {
        reminder_id(self.key(), self.offset)
    }
}

pub fn reminder_id(key: DeadlineKey, offset: i64) -> String {
    format!("{key}:{offset}")
}

/// The deadline part of a reminder id (everything before the last `:`).
pub fn deadline_of_id(id: &str) -> Option<DeadlineKey> {
    let (key, _) = id.rsplit_once(':')?;
    DeadlineKey::parse(key)
}

/// The document a deadline is the end of, for the "Done — I renewed" button.
pub fn renewable(kind: DeadlineKind, rule: &str) -> Option<DocKind> {
    match kind {
        DeadlineKind::TrpEnd => Some(DocKind::Trp),
        DeadlineKind::VisaEnd => Some(DocKind::Visa),
        // R11 is the household worker's own permit, R13 the employer's.
        DeadlineKind::PermitEnd if rule == "R13" => Some(DocKind::WorkPermit),
        DeadlineKind::PermitEnd => Some(DocKind::LabourPermit),
        _ => None,
    }
}

/// A local wall-clock time on a day, as a UTC instant. A time that does not exist (a
/// daylight-saving gap) moves forward to the first one that does; a time that exists
/// twice (clocks set back, as Almaty's were on 1 March 2024) takes the earlier one.
pub fn local_instant(tz: Tz, day: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    let mut local = day.and_time(time);
    // No zone has a gap longer than a few hours; give up rather than loop.
    for _ in 0..=8 {
        if let Some(t) = tz.from_local_datetime(&local).earliest() {
            return Some(t.with_timezone(&Utc));
        }
        local += Duration::minutes(30);
    }
    None
}

/// The calendar day of an instant in the reminder zone.
pub fn local_date(tz: Tz, t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&tz).date_naive()
}

/// The first moment at or after `t` outside the quiet hours.
pub fn outside_quiet_hours(cfg: &RemindersConfig, t: DateTime<Utc>) -> DateTime<Utc> {
    let local = t.with_timezone(&cfg.timezone);
    let time = local.time();
    let quiet = cfg.quiet_hours;
    if !quiet.contains(time) {
        return t;
    }
    // Inside a window that wraps midnight and after its start, it ends tomorrow.
    let day = if quiet.start > quiet.end && time >= quiet.start {
        local.date_naive().succ_opt()
    } else {
        Some(local.date_naive())
    };
    day.and_then(|d| local_instant(cfg.timezone, d, quiet.end))
        .filter(|end| *end > t)
        .unwrap_or(t)
}

/// When each reminder of a deadline on `date` goes out, by offset, as planned at `now`.
/// `extra_days` are days the user asked to be reminded on ("remind me tomorrow").
pub fn schedule(
    date: NaiveDate,
    extra_days: &BTreeSet<NaiveDate>,
    cfg: &RemindersConfig,
    now: DateTime<Utc>,
) -> BTreeMap<i64, DateTime<Utc>> {
    let mut out = BTreeMap::new();
    let at = |k: i64| {
        let day = date.checked_sub_signed(Duration::days(k))?;
        local_instant(cfg.timezone, day, cfg.send_at).map(|t| (day, t))
    };
    // Ahead of the deadline: only what is still to come.
    let mut ahead: BTreeSet<i64> = cfg.days_before.iter().map(|d| i64::from(*d)).collect();
    ahead.extend(
        extra_days
            .iter()
            .map(|d| (date - *d).num_days())
            // Never past the deadline; the last day has its own reminder.
            .filter(|k| *k >= 1),
    );
    for k in ahead {
        if let Some((_, t)) = at(k) {
            if t >= now {
                out.insert(k, outside_quiet_hours(cfg, t));
            }
        }
    }
    // The last day and the day after: always, while their day lasts.
    for k in [LAST_DAY, DAY_AFTER] {
        let Some((day, t)) = at(k) else { continue };
        if t >= now {
            out.insert(k, outside_quiet_hours(cfg, t));
        } else {
            let soonest = outside_quiet_hours(cfg, now);
            if local_date(cfg.timezone, soonest) == day {
                out.insert(k, soonest);
            }
        }
    }
    out
}

/// The step that meets a deadline: the one from the same rule due that day, else the
/// one from the same rule.
pub fn step_for<'p>(plan: &'p Plan, deadline: &Deadline) -> Option<&'p Step> {
    plan.steps
        .iter()
        .find(|s| s.rule == deadline.rule && s.due == Some(deadline.date))
        .or_else(|| plan.steps.iter().find(|s| s.rule == deadline.rule))
}

/// Where to act on a deadline: its step's page, else its rule's page or first source.
pub fn link_for(step: Option<&Step>, deadline: &Deadline, catalogue: &Catalogue) -> Option<String> {
    step.and_then(|s| s.link.clone()).or_else(|| {
        catalogue.rule(&deadline.rule).and_then(|r| {
            r.link
                .clone()
                .or_else(|| r.sources.first().map(|s| s.url.clone()))
        })
    })
}

/// Every reminder of one user's plan, as planned at `now`, leaving out stopped
/// deadlines, deadlines whose step the user marked done, and reminders the sent log
/// already has (`logged`).
pub fn plan_reminders(
    user: u64,
    plan: &Plan,
    prefs: &ReminderPrefs,
    catalogue: &Catalogue,
    cfg: &RemindersConfig,
    now: DateTime<Utc>,
    logged: &dyn Fn(&str) -> bool,
) -> Vec<Reminder> {
    let mut out = Vec::new();
    let no_extra = BTreeSet::new();
    for deadline in &plan.deadlines {
        let key = DeadlineKey::of(deadline);
        let key_text = key.to_string();
        if prefs.stopped.contains(&key_text) {
            continue;
        }
        let step = step_for(plan, deadline);
        if step.is_some_and(|s| s.done) {
            continue;
        }
        let link = link_for(step, deadline, catalogue);
        let extra = prefs.extra_days.get(&key_text).unwrap_or(&no_extra);
        for (offset, due) in schedule(deadline.date, extra, cfg, now) {
            if logged(&reminder_id(key, offset)) {
                continue;
            }
            out.push(Reminder {
                user,
                due,
                kind: deadline.kind,
                date: deadline.date,
                rule: deadline.rule.clone(),
                offset,
                step: step.map(|s| s.id.clone()),
                link: link.clone(),
            });
        }
    }
    out
}

/// What to do with reminders of one deadline that are all due at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collapsed {
    /// The index of the one to send, if any.
    pub send: Option<usize>,
    /// The indices of the others: recorded as superseded, never sent.
    pub skip: Vec<usize>,
}

/// Of due reminders of one deadline, send only the most recent; and nothing if the
/// deadline has fully passed on `today`, except the day-after notice.
pub fn collapse(due: &[Reminder], today: NaiveDate) -> Collapsed {
    let latest = due
        .iter()
        .enumerate()
        // The latest instant; on a tie, the one nearest the deadline.
        .max_by_key(|(_, r)| (r.due, -r.offset))
        .map(|(i, _)| i);
    let send = latest.filter(|i| {
        let r = &due[*i];
        r.offset == DAY_AFTER || today <= r.date
    });
    Collapsed {
        send,
        skip: (0..due.len()).filter(|i| Some(*i) != send).collect(),
    }
}

/// Urgency: the nearest deadline first (a passed one is the most urgent), then the
/// earliest due.
pub fn by_urgency(a: &Reminder, b: &Reminder) -> std::cmp::Ordering {
    (a.date, a.due, a.user).cmp(&(b.date, b.due, b.user))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::QuietHours;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn cfg(days: &[u32], send_at: NaiveTime, quiet: (NaiveTime, NaiveTime)) -> RemindersConfig {
        RemindersConfig {
            days_before: days.to_vec(),
            send_at,
            timezone: chrono_tz::Asia::Almaty,
            quiet_hours: QuietHours {
                start: quiet.0,
                end: quiet.1,
            },
        }
    }

    fn default_cfg() -> RemindersConfig {
        cfg(&[30, 14, 7, 3, 1], hm(10, 0), (hm(22, 0), hm(8, 0)))
    }

    fn table(schedule: &BTreeMap<i64, DateTime<Utc>>) -> Vec<(i64, String)> {
        schedule
            .iter()
            .rev()
            .map(|(k, t)| (*k, t.format("%Y-%m-%dT%H:%M:%SZ").to_string()))
            .collect()
    }

    fn row(k: i64, t: &str) -> (i64, String) {
        (k, t.to_string())
    }

    /// Deadlines × offsets × send times × quiet hours → exact UTC instants.
    #[test]
    fn planning_table() {
        let none = BTreeSet::new();
        struct Case {
            name: &'static str,
            deadline: NaiveDate,
            cfg: RemindersConfig,
            now: &'static str,
            want: Vec<(i64, String)>,
        }
        let cases = vec![
            Case {
                name: "all offsets ahead, UTC+5 (after 1 March 2024)",
                deadline: d(2026, 12, 31),
                cfg: default_cfg(),
                now: "2026-11-01T05:00:00Z",
                want: vec![
                    row(30, "2026-12-01T05:00:00Z"),
                    row(14, "2026-12-17T05:00:00Z"),
                    row(7, "2026-12-24T05:00:00Z"),
                    row(3, "2026-12-28T05:00:00Z"),
                    row(1, "2026-12-30T05:00:00Z"),
                    row(0, "2026-12-31T05:00:00Z"),
                    row(-1, "2027-01-01T05:00:00Z"),
                ],
            },
            Case {
                name: "offsets already past are skipped",
                deadline: d(2026, 11, 29),
                cfg: default_cfg(),
                // 21 Nov 10:00 local: 30 and 14 days before are gone; 7 days before is
                // 22 Nov.
                now: "2026-11-21T05:00:00Z",
                want: vec![
                    row(7, "2026-11-22T05:00:00Z"),
                    row(3, "2026-11-26T05:00:00Z"),
                    row(1, "2026-11-28T05:00:00Z"),
                    row(0, "2026-11-29T05:00:00Z"),
                    row(-1, "2026-11-30T05:00:00Z"),
                ],
            },
            Case {
                name: "an offset due this very minute is kept",
                deadline: d(2026, 11, 28),
                cfg: default_cfg(),
                now: "2026-11-21T05:00:00Z",
                want: vec![
                    row(7, "2026-11-21T05:00:00Z"),
                    row(3, "2026-11-25T05:00:00Z"),
                    row(1, "2026-11-27T05:00:00Z"),
                    row(0, "2026-11-28T05:00:00Z"),
                    row(-1, "2026-11-29T05:00:00Z"),
                ],
            },
            Case {
                name: "deadline tomorrow, morning: the 1-day reminder still today",
                deadline: d(2026, 11, 22),
                cfg: default_cfg(),
                now: "2026-11-21T03:00:00Z", // 08:00 local
                want: vec![
                    row(1, "2026-11-21T05:00:00Z"),
                    row(0, "2026-11-22T05:00:00Z"),
                    row(-1, "2026-11-23T05:00:00Z"),
                ],
            },
            Case {
                name: "deadline tomorrow, afternoon: the 1-day reminder is past",
                deadline: d(2026, 11, 22),
                cfg: default_cfg(),
                now: "2026-11-21T10:00:00Z", // 15:00 local
                want: vec![
                    row(0, "2026-11-22T05:00:00Z"),
                    row(-1, "2026-11-23T05:00:00Z"),
                ],
            },
            Case {
                name: "deadline today, before send time",
                deadline: d(2026, 11, 21),
                cfg: default_cfg(),
                now: "2026-11-21T02:00:00Z", // 07:00 local
                want: vec![
                    row(0, "2026-11-21T05:00:00Z"),
                    row(-1, "2026-11-22T05:00:00Z"),
                ],
            },
            Case {
                name: "deadline today, after send time: the last-day notice is due at once",
                deadline: d(2026, 11, 21),
                cfg: default_cfg(),
                now: "2026-11-21T10:00:00Z", // 15:00 local
                want: vec![
                    row(0, "2026-11-21T10:00:00Z"),
                    row(-1, "2026-11-22T05:00:00Z"),
                ],
            },
            Case {
                name: "deadline today, in the evening quiet hours: too late for today",
                deadline: d(2026, 11, 21),
                cfg: default_cfg(),
                now: "2026-11-21T17:30:00Z", // 22:30 local
                want: vec![row(-1, "2026-11-22T05:00:00Z")],
            },
            Case {
                name: "deadline was yesterday: only the day-after notice, at once",
                deadline: d(2026, 11, 20),
                cfg: default_cfg(),
                now: "2026-11-21T10:00:00Z",
                want: vec![row(-1, "2026-11-21T10:00:00Z")],
            },
            Case {
                name: "day-after notice missed at 03:00, now in quiet hours 04-07: at 07:00",
                deadline: d(2026, 11, 20),
                cfg: cfg(&[3], hm(3, 0), (hm(4, 0), hm(7, 0))),
                now: "2026-11-21T00:00:00Z", // 05:00 local
                want: vec![row(-1, "2026-11-21T02:00:00Z")],
            },
            Case {
                name: "deadline long gone: nothing",
                deadline: d(2026, 11, 1),
                cfg: default_cfg(),
                now: "2026-11-21T10:00:00Z",
                want: vec![],
            },
            Case {
                name: "either side of 1 March 2024: UTC+6 before, UTC+5 after",
                deadline: d(2024, 3, 3),
                cfg: cfg(&[7, 3, 1], hm(10, 0), (hm(22, 0), hm(8, 0))),
                now: "2024-02-01T00:00:00Z",
                want: vec![
                    row(7, "2024-02-25T04:00:00Z"),
                    row(3, "2024-02-29T04:00:00Z"),
                    row(1, "2024-03-02T05:00:00Z"),
                    row(0, "2024-03-03T05:00:00Z"),
                    row(-1, "2024-03-04T05:00:00Z"),
                ],
            },
            Case {
                name: "the hour that happened twice on 29 February 2024 takes the first",
                deadline: d(2024, 3, 1),
                cfg: cfg(&[1], hm(23, 30), (hm(0, 0), hm(0, 0))),
                now: "2024-02-01T00:00:00Z",
                want: vec![
                    // 23:30 +06, not 23:30 +05 an hour later.
                    row(1, "2024-02-29T17:30:00Z"),
                    row(0, "2024-03-01T18:30:00Z"),
                    row(-1, "2024-03-02T18:30:00Z"),
                ],
            },
            Case {
                name: "another send time and zone",
                deadline: d(2026, 6, 15),
                cfg: RemindersConfig {
                    timezone: chrono_tz::Europe::Berlin,
                    ..cfg(&[2], hm(9, 15), (hm(21, 0), hm(7, 0)))
                },
                now: "2026-06-01T00:00:00Z",
                want: vec![
                    // CEST, UTC+2.
                    row(2, "2026-06-13T07:15:00Z"),
                    row(0, "2026-06-15T07:15:00Z"),
                    row(-1, "2026-06-16T07:15:00Z"),
                ],
            },
        ];
        for case in cases {
            let got = schedule(case.deadline, &none, &case.cfg, utc(case.now));
            assert_eq!(table(&got), case.want, "{}", case.name);
        }
    }

    #[test]
    fn a_snooze_adds_a_day_but_never_past_the_deadline() {
        let extra: BTreeSet<NaiveDate> = [d(2026, 11, 23), d(2026, 11, 30), d(2026, 12, 5)]
            .into_iter()
            .collect();
        let got = schedule(
            d(2026, 11, 30),
            &extra,
            &cfg(&[7], hm(10, 0), (hm(22, 0), hm(8, 0))),
            utc("2026-11-22T12:00:00Z"),
        );
        assert_eq!(
            table(&got),
            vec![
                row(7, "2026-11-23T05:00:00Z"),
                row(0, "2026-11-30T05:00:00Z"),
                row(-1, "2026-12-01T05:00:00Z"),
            ],
            "23 Nov coincides with the 7-day reminder; 30 Nov is the last day; 5 Dec is past it"
        );
        let extra: BTreeSet<NaiveDate> = [d(2026, 11, 25)].into_iter().collect();
        let got = schedule(
            d(2026, 11, 30),
            &extra,
            &cfg(&[7], hm(10, 0), (hm(22, 0), hm(8, 0))),
            utc("2026-11-24T12:00:00Z"),
        );
        assert_eq!(got.get(&5), Some(&utc("2026-11-25T05:00:00Z")));
    }

    #[test]
    fn quiet_hours_push_forward_to_their_end() {
        let c = default_cfg();
        // 23:00 local → 08:00 next day.
        assert_eq!(
            outside_quiet_hours(&c, utc("2026-11-21T18:00:00Z")),
            utc("2026-11-22T03:00:00Z")
        );
        // 06:00 local → 08:00 the same day.
        assert_eq!(
            outside_quiet_hours(&c, utc("2026-11-21T01:00:00Z")),
            utc("2026-11-21T03:00:00Z")
        );
        // 12:00 local: not quiet.
        assert_eq!(
            outside_quiet_hours(&c, utc("2026-11-21T07:00:00Z")),
            utc("2026-11-21T07:00:00Z")
        );
        // A window that does not wrap: 13:00-14:00.
        let lunch = cfg(&[1], hm(10, 0), (hm(13, 0), hm(14, 0)));
        assert_eq!(
            outside_quiet_hours(&lunch, utc("2026-11-21T08:30:00Z")),
            utc("2026-11-21T09:00:00Z")
        );
    }

    #[test]
    fn keys_and_ids_round_trip_and_refuse_forgeries() {
        let key = DeadlineKey {
            kind: DeadlineKind::PermitEnd,
            date: d(2026, 11, 29),
        };
        assert_eq!(key.to_string(), "permit_end:2026-11-29");
        assert_eq!(DeadlineKey::parse("permit_end:2026-11-29"), Some(key));
        assert_eq!(reminder_id(key, -1), "permit_end:2026-11-29:-1");
        assert_eq!(deadline_of_id("permit_end:2026-11-29:-1"), Some(key));
        for bad in [
            "",
            "permit_end",
            "permit_end:2026-11-31",
            "permit_end:2026-1-29",
            "permitend:2026-11-29",
            "permit_end:2026-11-29:",
        ] {
            assert_eq!(DeadlineKey::parse(bad), None, "{bad:?}");
        }
    }

    fn reminder(offset: i64, due: &str, date: NaiveDate) -> Reminder {
        Reminder {
            user: 1,
            due: utc(due),
            kind: DeadlineKind::PermitEnd,
            date,
            rule: "R11".into(),
            offset,
            step: None,
            link: None,
        }
    }

    #[test]
    fn catch_up_sends_only_the_latest_of_a_deadline() {
        let date = d(2026, 11, 29);
        let due = vec![
            reminder(7, "2026-11-22T05:00:00Z", date),
            reminder(3, "2026-11-26T05:00:00Z", date),
            reminder(1, "2026-11-28T05:00:00Z", date),
        ];
        let c = collapse(&due, d(2026, 11, 28));
        assert_eq!(c.send, Some(2));
        assert_eq!(c.skip, vec![0, 1]);
    }

    #[test]
    fn catch_up_after_the_deadline_sends_only_the_day_after_notice() {
        let date = d(2026, 11, 29);
        let mut due = vec![
            reminder(3, "2026-11-26T05:00:00Z", date),
            reminder(0, "2026-11-29T05:00:00Z", date),
        ];
        // Back on 30 Nov before 10:00: the deadline has passed and the day-after notice
        // is not due yet, so nothing now.
        let c = collapse(&due, d(2026, 11, 30));
        assert_eq!(c.send, None);
        assert_eq!(c.skip, vec![0, 1]);
        // Back on 3 Dec: the single day-after notice.
        due.push(reminder(-1, "2026-11-30T05:00:00Z", date));
        let c = collapse(&due, d(2026, 12, 3));
        assert_eq!(c.send, Some(2));
        // On the last day itself, the last-day notice.
        let c = collapse(&due[..2], date);
        assert_eq!(c.send, Some(1));
    }

    #[test]
    fn urgency_puts_the_nearest_deadline_first() {
        let mut rs = [
            reminder(30, "2026-11-01T05:00:00Z", d(2026, 12, 1)),
            reminder(1, "2026-11-01T05:00:00Z", d(2026, 11, 2)),
            reminder(-1, "2026-11-01T05:00:00Z", d(2026, 10, 31)),
        ];
        rs.sort_by(by_urgency);
        let order: Vec<i64> = rs.iter().map(|r| r.offset).collect();
        assert_eq!(order, vec![-1, 1, 30]);
    }
}
