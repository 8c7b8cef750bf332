//! Day arithmetic for stay limits, as the fact sheet counts: calendar dates in
//! Asia/Almaty, the entry day is day 1, rolling windows ("90 in 180") are looked at back
//! from every day of the stay with the exit day counted, and working days skip weekends
//! and the catalogue's dated holidays. Every function is total: dates near the ends of
//! the calendar saturate instead of panicking, because profiles come from outside.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;

/// The zone every date is counted in. Kazakhstan has been on UTC+5 since 00:00 on
/// 1 March 2024; `chrono-tz` carries that change, so instants before and after it map
/// to the right calendar day. Never the host machine's zone.
pub const ZONE: Tz = chrono_tz::Asia::Almaty;

/// The calendar date in Kazakhstan at an instant.
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&ZONE).date_naive()
}

/// `date + n` days, saturating at the ends of the calendar.
pub fn add_days(date: NaiveDate, n: i64) -> NaiveDate {
    let moved = if n >= 0 {
        date.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(n.unsigned_abs()))
    };
    moved.unwrap_or(if n >= 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    })
}

/// Day `n` of a period that starts on `start`, the start being day 1: the last day of
/// an `n`-day stay. `nth_day(1 March, 30)` is 30 March.
pub fn nth_day(start: NaiveDate, n: i64) -> NaiveDate {
    add_days(start, n - 1)
}

/// Whole days from `from` to `to` (negative if `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// The last day of a period of `months` months that starts on `start`: "within 12
/// months" of 10 March 2026 runs to 9 March 2027. A start on a day the end month lacks
/// (29 February) ends a day earlier, which is the safe side.
pub fn last_day_of_months(start: NaiveDate, months: i64) -> NaiveDate {
    let months = u32::try_from(months.max(0)).unwrap_or(u32::MAX);
    match start.checked_add_months(Months::new(months)) {
        Some(end) => add_days(end, -1),
        None => NaiveDate::MAX,
    }
}

pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// A working day: not a Saturday or Sunday, and not a listed holiday.
pub fn is_working_day(date: NaiveDate, is_holiday: &dyn Fn(NaiveDate) -> bool) -> bool {
    !is_weekend(date) && !is_holiday(date)
}

/// The `n`-th working day counting from `start`, which is day 1 if it is itself a
/// working day: arriving on Sunday with 3 working days gives Wednesday; arriving on
/// Monday gives Wednesday too.
pub fn nth_working_day(
    start: NaiveDate,
    n: i64,
    is_holiday: &dyn Fn(NaiveDate) -> bool,
) -> NaiveDate {
    let mut day = start;
    let mut counted = 0;
    // A year always holds far more working days than any rule asks for; the bound only
    // keeps a pathological holiday list from looping forever.
    for _ in 0..(366 + 7 * n.max(0)) {
        if is_working_day(day, is_holiday) {
            counted += 1;
            if counted >= n {
                return day;
            }
        }
        if day == NaiveDate::MAX {
            break;
        }
        day = add_days(day, 1);
    }
    day
}

/// A stretch of days present in the country, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stay {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Stay {
    /// Days of this stay within `[from, to]`.
    fn overlap(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let a = self.first.max(from);
        let b = self.last.min(to);
        if b < a {
            0
        } else {
            days_between(a, b) + 1
        }
    }
}

/// Where to put `prior` days known to lie in the window before an entry.
///
/// The user tells us how many days they spent here in the `window_days` days before
/// this entry, not which ones. A day just before the entry stays inside the window of
/// every later day longer than a day further back, so placing all of them immediately
/// before the entry gives the highest count on every day of the stay, and therefore the
/// earliest limit any real placement could give. Being wrong that way costs the user a
/// few days; being wrong the other way costs a fine.
pub fn prior_stay(entry: NaiveDate, prior: i64, window_days: i64) -> Option<Stay> {
    let prior = prior.clamp(0, window_days.max(0));
    if prior == 0 {
        None
    } else {
        Some(Stay {
            first: add_days(entry, -prior),
            last: add_days(entry, -1),
        })
    }
}

/// Days present in the window of `window_days` days that ends on `day` (the day itself
/// counted: the exit day counts, see the module note).
pub fn days_in_window(stays: &[Stay], day: NaiveDate, window_days: i64) -> i64 {
    let from = add_days(day, -(window_days - 1));
    stays.iter().map(|s| s.overlap(from, day)).sum()
}

/// The last day of a continuous stay from `entry` such that no day of it has more than
/// `limit` days present in its window (earlier stays included). `None` when even the
/// entry day is over the limit.
pub fn last_day_in_window(
    entry: NaiveDate,
    earlier: &[Stay],
    window_days: i64,
    limit: i64,
) -> Option<NaiveDate> {
    let mut last_ok = None;
    // A continuous stay of `window_days` days fills the whole window, and a valid
    // window's limit is shorter, so the stay is over the limit by then at the latest.
    for k in 0..window_days.max(1) {
        let day = add_days(entry, k);
        let mut stays: Vec<Stay> = earlier.to_vec();
        stays.push(Stay {
            first: entry,
            last: day,
        });
        if days_in_window(&stays, day, window_days) > limit {
            break;
        }
        last_ok = Some(day);
        if day == NaiveDate::MAX {
            break;
        }
    }
    last_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    fn no_holidays(_: NaiveDate) -> bool {
        false
    }

    #[test]
    fn entry_day_is_day_one() {
        assert_eq!(nth_day(d(2026, 3, 1), 30), d(2026, 3, 30));
        assert_eq!(nth_day(d(2024, 2, 29), 30), d(2024, 3, 29));
        assert_eq!(nth_day(d(2026, 12, 15), 30), d(2027, 1, 13));
        assert_eq!(nth_day(d(2026, 1, 1), 1), d(2026, 1, 1));
    }

    #[test]
    fn working_days_count_the_arrival_day_only_if_it_is_a_working_day() {
        // 2026-11-15 is a Sunday, 2026-11-16 a Monday.
        assert_eq!(
            nth_working_day(d(2026, 11, 15), 3, &no_holidays),
            d(2026, 11, 18)
        );
        assert_eq!(
            nth_working_day(d(2026, 11, 16), 3, &no_holidays),
            d(2026, 11, 18)
        );
        // Friday: Fri, Mon, Tue.
        assert_eq!(
            nth_working_day(d(2026, 11, 20), 3, &no_holidays),
            d(2026, 11, 24)
        );
        let holiday = |x: NaiveDate| x == d(2026, 11, 17);
        assert_eq!(
            nth_working_day(d(2026, 11, 16), 3, &holiday),
            d(2026, 11, 19)
        );
    }

    #[test]
    fn saturating_arithmetic_never_panics() {
        assert_eq!(add_days(NaiveDate::MAX, 10), NaiveDate::MAX);
        assert_eq!(add_days(NaiveDate::MIN, -10), NaiveDate::MIN);
        assert_eq!(
            nth_working_day(NaiveDate::MAX, 3, &no_holidays),
            NaiveDate::MAX
        );
        assert_eq!(last_day_of_months(NaiveDate::MAX, 12), NaiveDate::MAX);
        assert!(last_day_in_window(NaiveDate::MAX, &[], 180, 90).is_some());
    }

    #[test]
    fn twelve_months_end_the_day_before() {
        assert_eq!(last_day_of_months(d(2026, 3, 10), 12), d(2027, 3, 9));
        assert_eq!(last_day_of_months(d(2024, 2, 29), 12), d(2025, 2, 27));
    }

    #[test]
    fn a_fresh_window_allows_the_limit() {
        let last = last_day_in_window(d(2026, 1, 1), &[], 180, 90);
        assert_eq!(last, Some(nth_day(d(2026, 1, 1), 90)));
    }

    #[test]
    fn prior_days_right_before_entry_shorten_the_stay_day_for_day() {
        let entry = d(2026, 6, 1);
        for prior in [0, 1, 30, 60, 89] {
            let stays: Vec<Stay> = prior_stay(entry, prior, 180).into_iter().collect();
            let last = last_day_in_window(entry, &stays, 180, 90);
            assert_eq!(last, Some(nth_day(entry, 90 - prior)), "prior {prior}");
        }
        let stays: Vec<Stay> = prior_stay(entry, 90, 180).into_iter().collect();
        assert_eq!(last_day_in_window(entry, &stays, 180, 90), None);
    }

    #[test]
    fn the_window_is_the_day_itself_and_the_179_before() {
        let entry = d(2026, 6, 1);
        let ending = |days_before: i64| Stay {
            first: add_days(entry, -days_before - 29),
            last: add_days(entry, -days_before),
        };
        // A stay that ended 179 days before still has its last day in the window...
        assert_eq!(days_in_window(&[ending(179)], entry, 180), 1);
        // ...one that ended 180 days before is just out of it.
        assert_eq!(days_in_window(&[ending(180)], entry, 180), 0);
        // The day itself counts (the exit day is a day present).
        let today = Stay {
            first: entry,
            last: entry,
        };
        assert_eq!(days_in_window(&[today], entry, 180), 1);
    }

    #[test]
    fn days_leaving_the_window_free_up_room() {
        // 60 days present that ended 150 days before entry: on entry day the window
        // [entry-179, entry] still holds 30 of them.
        let entry = d(2026, 6, 1);
        let old = Stay {
            first: add_days(entry, -209),
            last: add_days(entry, -150),
        };
        assert_eq!(days_in_window(&[old], entry, 180), 30);
        // Each day of the stay pushes one old day out while there are some left, so
        // the count stays at 31 until the old stay has left the window, then grows.
        let last = last_day_in_window(entry, &[old], 180, 90);
        assert_eq!(last, Some(nth_day(entry, 90)));
        // The placement right before entry is never later than this one.
        let worst: Vec<Stay> = prior_stay(entry, 30, 180).into_iter().collect();
        assert!(last_day_in_window(entry, &worst, 180, 90) <= last);
    }

    #[test]
    fn the_zone_change_of_1_march_2024_is_respected() {
        let at = |y, mo, d, h, mi| {
            Utc.with_ymd_and_hms(y, mo, d, h, mi, 0)
                .single()
                .expect("instant")
        };
        // UTC+6 before: 18:30 UTC on 28 Feb is already 29 Feb in Almaty.
        assert_eq!(local_date(at(2024, 2, 28, 18, 30)), d(2024, 2, 29));
        // At 00:00 local on 1 March (18:00 UTC) the clocks went back to 23:00 on
        // 29 February, so the next hour is still 29 February...
        assert_eq!(local_date(at(2024, 2, 29, 17, 59)), d(2024, 2, 29));
        assert_eq!(local_date(at(2024, 2, 29, 18, 30)), d(2024, 2, 29));
        // ...and 1 March starts at 19:00 UTC, as every day since (UTC+5).
        assert_eq!(local_date(at(2024, 2, 29, 19, 0)), d(2024, 3, 1));
        assert_eq!(local_date(at(2024, 3, 1, 18, 30)), d(2024, 3, 1));
        assert_eq!(local_date(at(2026, 11, 20, 19, 0)), d(2026, 11, 21));
        // A year earlier, 18:00 UTC was already the next day (UTC+6).
        assert_eq!(local_date(at(2023, 3, 1, 18, 0)), d(2023, 3, 2));
    }
}
