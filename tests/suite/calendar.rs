//! `/calendar`: the `.ics` file of a user's deadlines, read back by a strict RFC 5545
//! parser (CRLF, folding, escaping, the required properties), with stable UIDs across a
//! renewal. Apart from `reminders.rs`, whose helpers it uses, because the file is a
//! format of its own.

use jolserik::clock::Clock;
use jolserik::domain::{DocKind, Lang};
use jolserik::engine::{Action, Command as BotCommand, Input};

use crate::common::at;
use crate::reminders::{complete_dialogue_from, open_app, press};

/// A strict reader of RFC 5545, enough for what we write: CRLF only, lines of at most 75
/// octets, folding by CRLF + one space, `NAME;PARAM=V:VALUE` content lines, nested
/// BEGIN/END, and the required properties of each component.
mod ics {
    /// A content line: name, parameters, value.
    pub type Property = (String, Vec<(String, String)>, String);

    #[derive(Debug, Default)]
    pub struct Component {
        pub name: String,
        pub props: Vec<Property>,
        pub children: Vec<Component>,
    }

    impl Component {
        pub fn get(&self, name: &str) -> Option<&str> {
            self.props
                .iter()
                .find(|(n, _, _)| n == name)
                .map(|(_, _, v)| v.as_str())
        }

        pub fn param(&self, name: &str, param: &str) -> Option<&str> {
            self.props
                .iter()
                .find(|(n, _, _)| n == name)
                .and_then(|(_, ps, _)| ps.iter().find(|(p, _)| p == param))
                .map(|(_, v)| v.as_str())
        }

        fn require(&self, names: &[&str]) -> Result<(), String> {
            for n in names {
                let count = self.props.iter().filter(|(p, _, _)| p == n).count();
                if count != 1 {
                    return Err(format!("{}: {n} appears {count} times", self.name));
                }
            }
            Ok(())
        }
    }

    pub fn parse(text: &str) -> Result<Component, String> {
        if !text.ends_with("\r\n") {
            return Err("the file does not end with CRLF".into());
        }
        let body = &text[..text.len() - 2];
        let mut logical: Vec<String> = Vec::new();
        for physical in body.split("\r\n") {
            if physical.contains('\r') || physical.contains('\n') {
                return Err(format!("a bare CR or LF in {physical:?}"));
            }
            if physical.len() > 75 {
                return Err(format!("{} octets: {physical:?}", physical.len()));
            }
            if let Some(rest) = physical.strip_prefix(' ') {
                logical
                    .last_mut()
                    .ok_or("a continuation line first")?
                    .push_str(rest);
            } else if physical.is_empty() {
                return Err("an empty line".into());
            } else {
                logical.push(physical.to_string());
            }
        }
        let mut stack: Vec<Component> = Vec::new();
        let mut done = None;
        for line in logical {
            let (head, value) = split_unquoted(&line).ok_or(format!("no value: {line}"))?;
            let mut parts = head.split(';');
            let name = parts.next().unwrap_or("").to_string();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(format!("bad name in {line}"));
            }
            let mut params = Vec::new();
            for p in parts {
                let (k, v) = p
                    .split_once('=')
                    .ok_or(format!("bad parameter in {line}"))?;
                params.push((k.to_string(), v.to_string()));
            }
            match name.as_str() {
                "BEGIN" => stack.push(Component {
                    name: value.to_string(),
                    ..Component::default()
                }),
                "END" => {
                    let c = stack.pop().ok_or("END without BEGIN")?;
                    if c.name != value {
                        return Err(format!("END:{value} closes {}", c.name));
                    }
                    check(&c)?;
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(c),
                        None => done = Some(c),
                    }
                }
                _ => stack
                    .last_mut()
                    .ok_or(format!("{name} outside a component"))?
                    .props
                    .push((name, params, value.to_string())),
            }
        }
        if !stack.is_empty() {
            return Err("unclosed component".into());
        }
        done.ok_or_else(|| "no VCALENDAR".into())
    }

    /// The first `:` not inside a quoted parameter value.
    fn split_unquoted(line: &str) -> Option<(&str, &str)> {
        let mut quoted = false;
        for (i, c) in line.char_indices() {
            match c {
                '"' => quoted = !quoted,
                ':' if !quoted => return Some((&line[..i], &line[i + 1..])),
                _ => {}
            }
        }
        None
    }

    fn check(c: &Component) -> Result<(), String> {
        match c.name.as_str() {
            "VCALENDAR" => c.require(&["VERSION", "PRODID"]),
            "VEVENT" => {
                c.require(&["UID", "DTSTAMP", "DTSTART"])?;
                let dtstamp = c.get("DTSTAMP").unwrap_or("");
                if dtstamp.len() != 16 || !dtstamp.ends_with('Z') {
                    return Err(format!("DTSTAMP {dtstamp} is not a UTC date-time"));
                }
                if c.param("DTSTART", "VALUE") != Some("DATE") {
                    return Err("DTSTART is not VALUE=DATE".into());
                }
                let start = c.get("DTSTART").unwrap_or("");
                if start.len() != 8 || !start.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(format!("DTSTART {start} is not a DATE"));
                }
                Ok(())
            }
            "VALARM" => {
                c.require(&["ACTION", "TRIGGER", "DESCRIPTION"])?;
                let trigger = c.get("TRIGGER").unwrap_or("");
                let t = trigger.trim_start_matches(['-', '+']);
                if !t.starts_with('P') {
                    return Err(format!("TRIGGER {trigger} is not a duration"));
                }
                Ok(())
            }
            other => Err(format!("unexpected component {other}")),
        }
    }

    /// Undoes TEXT escaping, refusing anything RFC 5545 does not allow.
    pub fn unescape(s: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(c @ ('\\' | ';' | ',')) => out.push(c),
                    other => return Err(format!("bad escape \\{other:?}")),
                },
                ';' | ',' => return Err(format!("unescaped {c} in {s}")),
                c => out.push(c),
            }
        }
        Ok(out)
    }
}

#[test]
fn the_calendar_file_reads_back_strictly_with_dates_uids_and_alarms() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(at("2026-11-21T05:00:00Z"));
    let app = open_app(dir.path(), &clock);
    // Entered yesterday: the host's notice is still ahead, as is the TRP's end.
    complete_dialogue_from(&app, 1, Lang::Ru, "20.11.2026", "29.11.2026");
    let handled = app
        .handle(1, &Input::Command(BotCommand::Calendar), None)
        .unwrap();
    let file = handled.calendar.expect("a calendar file");
    assert!(file.file_name.ends_with(".ics"));
    let cal = ics::parse(&file.content).unwrap_or_else(|e| panic!("{e}\n{}", file.content));
    assert_eq!(cal.name, "VCALENDAR");
    assert_eq!(cal.get("VERSION"), Some("2.0"));
    // Both deadlines of the plan: the host's notice and the TRP's end.
    let events: Vec<_> = cal.children.iter().filter(|c| c.name == "VEVENT").collect();
    assert_eq!(events.len(), 2, "{}", file.content);
    assert!(events.iter().any(|e| e
        .get("UID")
        .is_some_and(|u| u.starts_with("host_notice-r6-"))));
    let trp = events
        .iter()
        .find(|e| e.get("DTSTART") == Some("20261129"))
        .expect("the TRP end event");
    assert_eq!(trp.get("DTEND"), Some("20261130"));
    assert_eq!(trp.param("DTEND", "VALUE"), Some("DATE"));
    let summary = ics::unescape(trp.get("SUMMARY").unwrap()).unwrap();
    assert_eq!(summary, "Жолсерік: РВП заканчивается");
    let description = ics::unescape(trp.get("DESCRIPTION").unwrap()).unwrap();
    assert!(description.contains("29 ноября 2026"), "{description}");
    assert!(description.contains("R9"), "{description}");
    assert!(description.contains("https://egov.kz"), "{description}");
    assert!(
        description.contains('\n'),
        "lines survive escaping: {description}"
    );
    assert!(trp.get("URL").unwrap().starts_with("https://"));
    let triggers: Vec<&str> = trp
        .children
        .iter()
        .map(|a| {
            assert_eq!(a.get("ACTION"), Some("DISPLAY"));
            a.get("TRIGGER").unwrap()
        })
        .collect();
    // 30, 14, 7, 3, 1 days before at 10:00, and 10:00 on the day.
    assert_eq!(
        triggers,
        [
            "-P29DT14H",
            "-P13DT14H",
            "-P6DT14H",
            "-P2DT14H",
            "-PT14H",
            "PT10H"
        ]
    );

    // The same deadline keeps its UID after a renewal, so importing again updates it.
    let uid = trp.get("UID").unwrap().to_string();
    press(&app, 1, Action::Renewed(DocKind::Trp));
    app.handle(1, &Input::Text("31.05.2027".into()), None)
        .unwrap();
    let again = app
        .handle(1, &Input::Command(BotCommand::Calendar), None)
        .unwrap()
        .calendar
        .unwrap();
    let cal = ics::parse(&again.content).unwrap();
    let renewed = cal
        .children
        .iter()
        .find(|e| e.get("DTSTART") == Some("20270531"))
        .expect("the moved event");
    assert_eq!(renewed.get("UID"), Some(uid.as_str()));
    let uids: std::collections::BTreeSet<_> =
        cal.children.iter().filter_map(|e| e.get("UID")).collect();
    assert_eq!(uids.len(), 2, "UIDs are distinct");
    assert_eq!(cal.children.len(), 2);
}

#[test]
fn the_strict_parser_refuses_what_rfc_5545_refuses() {
    let good = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n";
    assert!(ics::parse(good).is_ok());
    assert!(ics::parse(&good.replace("\r\n", "\n")).is_err(), "bare LF");
    assert!(ics::parse(&good.replace("VERSION:2.0\r\n", "")).is_err());
    let long = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{}\r\nEND:VCALENDAR\r\n",
        "x".repeat(80)
    );
    assert!(ics::parse(&long).is_err(), "an unfolded long line");
    assert!(ics::unescape("a,b").is_err());
    assert_eq!(ics::unescape("a\\,b\\nc").unwrap(), "a,b\nc");
}
