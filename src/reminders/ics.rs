//! The `/calendar` file, RFC 5545 (iCalendar): one all-day event per deadline
//! (`DTSTART;VALUE=DATE`, `DTEND` the next day), an alarm at each configured offset and
//! on the last day at the send time, a UID per deadline that does not contain its date,
//! so importing the file again after a renewal moves the event instead of adding a
//! second one. Texts arrive rendered in the user's language; this module only escapes
//! them (`\`, `;`, `,`, newlines), folds lines at 75 octets without splitting a UTF-8
//! character, and ends every line with CRLF. Pure: the caller passes the time stamp.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Timelike, Utc};

/// A calendar to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Shown by some apps as the calendar's name (`X-WR-CALNAME`).
    pub name: String,
    pub events: Vec<Event>,
}

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
    pub alarms: Vec<Alarm>,
}

/// A display alarm, relative to the start of the event's day (00:00 local).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alarm {
    pub trigger: Duration,
    pub description: String,
}

/// The longest line, in octets, before folding (RFC 5545 §3.1).
const MAX_OCTETS: usize = 75;

/// The alarm trigger for a reminder `days_before` the deadline at `send_at` local time:
/// the start of the event is 00:00 of the deadline day.
pub fn trigger(days_before: i64, send_at: NaiveTime) -> Duration {
    Duration::days(-days_before)
        + Duration::hours(i64::from(send_at.hour()))
        + Duration::minutes(i64::from(send_at.minute()))
}

/// A stable UID for a deadline: its kind and rule and a digest of the user id, never
/// the date (see the module note). The digest keeps two users' events apart without
/// writing the Telegram id into a file the user may share.
pub fn uid(kind: &str, rule: &str, user: u64) -> String {
    format!(
        "{kind}-{}-{:016x}@jolserik",
        rule.to_lowercase(),
        fnv1a(user)
    )
}

fn fnv1a(n: u64) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in n.to_be_bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The whole file.
pub fn render(calendar: &Calendar, stamp: DateTime<Utc>) -> String {
    let stamp_text = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    // Re-importing with a higher SEQUENCE marks the event as a newer revision; minutes
    // since 2024 grow with every export.
    let sequence = (stamp - DateTime::<Utc>::from_timestamp(1_704_067_200, 0).unwrap_or(stamp))
        .num_minutes()
        .max(0);
    let mut out = String::new();
    let mut line = |s: String| out.push_str(&fold(&s));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Jolserik//Deadlines//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape_text(&calendar.name)));
    for event in &calendar.events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", event.uid));
        line(format!("DTSTAMP:{stamp_text}"));
        line(format!("SEQUENCE:{sequence}"));
        line(format!(
            "DTSTART;VALUE=DATE:{}",
            event.date.format("%Y%m%d")
        ));
        let end = event.date.succ_opt().unwrap_or(event.date);
        line(format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
        line(format!("SUMMARY:{}", escape_text(&event.summary)));
        line(format!("DESCRIPTION:{}", escape_text(&event.description)));
        if let Some(url) = &event.url {
            // A URI value is not TEXT: no escaping, but no line breaks either.
            line(format!("URL:{}", url.replace(['\r', '\n'], "")));
        }
        line("TRANSP:TRANSPARENT".into());
        for alarm in &event.alarms {
            line("BEGIN:VALARM".into());
            line("ACTION:DISPLAY".into());
            line(format!("TRIGGER:{}", duration(alarm.trigger)));
            line(format!("DESCRIPTION:{}", escape_text(&alarm.description)));
            line("END:VALARM".into());
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// TEXT escaping (RFC 5545 §3.3.11).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded: at most 75 octets per physical line, continuation lines
/// start with a space, never inside a UTF-8 character, each ending with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

/// A DURATION value (RFC 5545 §3.3.6): `-P6DT14H`, `PT10H`, `P1D`, `PT0S`.
pub fn duration(d: Duration) -> String {
    let total = d.num_minutes();
    let sign = if total < 0 { "-" } else { "" };
    let total = total.unsigned_abs();
    let (days, rest) = (total / 1440, total % 1440);
    let (hours, minutes) = (rest / 60, rest % 60);
    let mut s = format!("{sign}P");
    if days > 0 {
        s.push_str(&format!("{days}D"));
    }
    if rest > 0 {
        s.push('T');
        if hours > 0 {
            s.push_str(&format!("{hours}H"));
        }
        if minutes > 0 {
            s.push_str(&format!("{minutes}M"));
        }
    }
    if total == 0 {
        s.push_str("T0S");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
        assert_eq!(duration(trigger(7, ten)), "-P6DT14H");
        assert_eq!(duration(trigger(0, ten)), "PT10H");
        assert_eq!(duration(trigger(1, ten)), "-PT14H");
        let half = NaiveTime::from_hms_opt(9, 30, 0).unwrap();
        assert_eq!(duration(trigger(30, half)), "-P29DT14H30M");
        assert_eq!(duration(Duration::days(1)), "P1D");
        assert_eq!(duration(Duration::zero()), "PT0S");
    }

    #[test]
    fn escaping_and_folding() {
        assert_eq!(escape_text("a,b;c\\d\ne\r"), "a\\,b\\;c\\\\d\\ne");
        let long = format!("SUMMARY:{}", "ж".repeat(60));
        let folded = fold(&long);
        assert!(folded.ends_with("\r\n"));
        for physical in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }

    #[test]
    fn uids_are_stable_and_dateless() {
        assert_eq!(uid("permit_end", "R11", 7), uid("permit_end", "R11", 7));
        assert_ne!(uid("permit_end", "R11", 7), uid("permit_end", "R11", 8));
        assert!(uid("permit_end", "R11", 7).starts_with("permit_end-r11-"));
    }
}
