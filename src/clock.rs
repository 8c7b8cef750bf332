//! The one place the program asks what time it is. `--now` starts the clock at a chosen
//! instant and lets it run forward, so a reminder can be tested by restarting the bot with
//! a later `--now`; tests use a clock they move by hand.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// Every date the user sees or enters is a calendar date in this zone (UTC+5 since
/// 1 March 2024). The host machine's zone is never used.
pub const KZ_TZ: Tz = chrono_tz::Asia::Almaty;

/// Where "now" comes from. Cheap to clone; clones share the same time.
#[derive(Clone, Debug)]
pub struct Clock {
    source: Source,
}

#[derive(Clone, Debug)]
enum Source {
    System,
    /// Starts at `start` when the program starts and runs forward with the monotonic clock.
    Offset {
        start: DateTime<Utc>,
        at: Instant,
    },
    /// Moves only when a test moves it.
    Manual(Arc<Mutex<DateTime<Utc>>>),
}

impl Clock {
    pub fn system() -> Clock {
        Clock {
            source: Source::System,
        }
    }

    pub fn starting_at(start: DateTime<Utc>) -> Clock {
        Clock {
            source: Source::Offset {
                start,
                at: Instant::now(),
            },
        }
    }

    pub fn manual(start: DateTime<Utc>) -> Clock {
        Clock {
            source: Source::Manual(Arc::new(Mutex::new(start))),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &self.source {
            Source::System => Utc::now(),
            Source::Offset { start, at } => {
                let elapsed = chrono::Duration::from_std(at.elapsed()).unwrap_or_default();
                *start + elapsed
            }
            Source::Manual(t) => *t.lock().unwrap_or_else(|p| p.into_inner()),
        }
    }

    /// Today's calendar date in Kazakhstan.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&KZ_TZ).date_naive()
    }

    /// Moves a manual clock forward; other clocks ignore it.
    pub fn advance(&self, by: chrono::Duration) {
        if let Source::Manual(t) = &self.source {
            let mut guard = t.lock().unwrap_or_else(|p| p.into_inner());
            *guard += by;
        }
    }

    /// Sets a manual clock; other clocks ignore it.
    pub fn set(&self, to: DateTime<Utc>) {
        if let Source::Manual(t) = &self.source {
            *t.lock().unwrap_or_else(|p| p.into_inner()) = to;
        }
    }
}

/// The error for a `--now` value that is neither an RFC 3339 instant nor a date.
#[derive(Debug, thiserror::Error)]
#[error("`{0}` is not a time: use an RFC 3339 instant (2026-11-21T10:00:00+05:00) or a date (2026-11-21)")]
pub struct BadInstant(pub String);

/// Reads `--now`: an RFC 3339 instant, or a date meaning 00:00 in Asia/Almaty.
pub fn parse_instant(s: &str) -> Result<DateTime<Utc>, BadInstant> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| BadInstant(s.to_string()))?;
    local_midnight(date).ok_or_else(|| BadInstant(s.to_string()))
}

/// 00:00 of a Kazakhstan calendar date, as a UTC instant.
pub fn local_midnight(date: NaiveDate) -> Option<DateTime<Utc>> {
    use chrono::TimeZone;
    KZ_TZ
        .from_local_datetime(&date.and_hms_opt(0, 0, 0)?)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_midnight_in_almaty() {
        let t = parse_instant("2026-11-21").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-20T19:00:00+00:00");
        // Before 1 March 2024 Almaty was UTC+6.
        let t = parse_instant("2024-02-29").unwrap();
        assert_eq!(t.to_rfc3339(), "2024-02-28T18:00:00+00:00");
    }

    #[test]
    fn instants_and_garbage() {
        let t = parse_instant("2026-11-21T10:05:00+05:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-21T05:05:00+00:00");
        assert!(parse_instant("21.11.2026").is_err());
        assert!(parse_instant("").is_err());
    }

    #[test]
    fn manual_clock_moves_only_when_told() {
        let c = Clock::manual(parse_instant("2026-11-21").unwrap());
        assert_eq!(c.today(), NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
        c.advance(chrono::Duration::days(2));
        assert_eq!(c.today(), NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    }
}
