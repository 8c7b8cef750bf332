//! What a user can send, once a front end has understood it: free text, a command, a
//! button press, or something the bot does not read (a sticker, a photo). Button actions
//! have a compact, versioned wire form that fits Telegram's 64-byte callback data.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{CountryCode, DocKind, Employer, Lang, Purpose, Trip};
use crate::rules::{Deadline, DeadlineKind};

/// One message from the user, in the engine's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Text(String),
    Command(Command),
    Button(Action),
    /// A sticker, photo, voice note, location, document: the bot reads only text.
    Unsupported,
}

/// The slash commands. Unknown ones are kept so the answer can say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Start,
    Help,
    Language,
    Back,
    Restart,
    Me,
    Delete,
    Export,
    Plan,
    Sources,
    /// The upcoming reminders, with their dates.
    Reminders,
    /// The deadlines as a calendar file (`.ics`).
    Calendar,
    /// The earlier trips: list, change, remove, add.
    Trips,
    /// "Ask a person": hand the case to the caseworkers (or show the contacts).
    Human,
    Unknown(String),
}

impl Command {
    /// Reads `/name`, `/name@SomeBot` or `/name args`. Text that does not start with `/`
    /// is not a command.
    pub fn parse(text: &str) -> Option<Command> {
        let rest = text.trim().strip_prefix('/')?;
        let word = rest.split_whitespace().next().unwrap_or("");
        let name = word.split('@').next().unwrap_or("").to_lowercase();
        Some(match name.as_str() {
            "start" => Command::Start,
            "help" => Command::Help,
            "language" | "lang" => Command::Language,
            "back" => Command::Back,
            "restart" => Command::Restart,
            "me" => Command::Me,
            "delete" => Command::Delete,
            "export" => Command::Export,
            "plan" => Command::Plan,
            "sources" => Command::Sources,
            "reminders" => Command::Reminders,
            "calendar" => Command::Calendar,
            "trips" => Command::Trips,
            "human" => Command::Human,
            // Keep the echo short: the name goes into a log line and an answer.
            other => Command::Unknown(other.chars().take(32).collect()),
        })
    }
}

impl Input {
    /// A typed line: a command when it starts with `/`, text otherwise.
    pub fn from_text(text: &str) -> Input {
        match Command::parse(text) {
            Some(c) => Input::Command(c),
            None => Input::Text(text.to_string()),
        }
    }
}

/// A field of the profile the summary can send the user back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Citizenship,
    Entry,
    PriorDays,
    Purpose,
    Employer,
    Documents,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Citizenship,
        Field::Entry,
        Field::PriorDays,
        Field::Purpose,
        Field::Employer,
        Field::Documents,
    ];

    fn code(self) -> &'static str {
        match self {
            Field::Citizenship => "c",
            Field::Entry => "e",
            Field::PriorDays => "p",
            Field::Purpose => "u",
            Field::Employer => "m",
            Field::Documents => "d",
        }
    }

    fn from_code(s: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.code() == s)
    }
}

/// Which deadline a reminder or a button is about: its kind and its date. Written
/// `permit_end:2026-11-29` in reminder ids, button data and the user's preferences.
/// Defined here, with the buttons that carry it, so that the engine needs nothing from
/// `reminders` (which builds on the engine).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeadlineKey {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
}

impl DeadlineKey {
    pub fn of(deadline: &Deadline) -> DeadlineKey {
        DeadlineKey {
            kind: deadline.kind,
            date: deadline.date,
        }
    }

    /// Reads exactly the form `Display` writes; anything else (forged button data) is
    /// `None`.
    pub fn parse(s: &str) -> Option<DeadlineKey> {
        let (kind, date) = s.split_once(':')?;
        let kind = DeadlineKind::ALL.into_iter().find(|k| k.code() == kind)?;
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
        let key = DeadlineKey { kind, date };
        (key.to_string() == s).then_some(key)
    }
}

impl fmt::Display for DeadlineKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind.code(), self.date.format("%Y-%m-%d"))
    }
}

/// What a button does. Each one is valid only at certain questions; the engine answers a
/// button from an earlier question with "this button is out of date".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Lang(Lang),
    Country(CountryCode),
    CountryOther,
    Yes,
    No,
    Today,
    Yesterday,
    PriorNone,
    PriorUnknown,
    /// "I know only about how many days": asks the number.
    PriorAbout,
    /// "Yes, I will add my trips", "Add another", "Add a trip".
    TripAdd,
    /// "That's all" after a trip, "Done" under the list.
    TripsDone,
    /// Under `/trips`: change or remove this trip.
    TripChange(Trip),
    TripRemove(Trip),
    Purpose(Purpose),
    Employer(Employer),
    ToggleDoc(DocKind),
    DocsNone,
    DocsDone,
    Correct,
    Change,
    Edit(Field),
    BackToSummary,
    ToggleStep(String),
    /// Under a notice the bot sent on its own: the plan's first screen, as a new
    /// message (as `/plan`), so the notice stays readable above it.
    ShowPlan,
    /// Under the plan: back to its first screen.
    PlanHome,
    /// Under the plan: one step in full (a card).
    PlanStep(String),
    /// Under the plan: every step, with done/undone toggles.
    PlanSteps,
    /// Under the plan: the notes ("Good to know").
    PlanNotes,
    /// Under the plan: the rules and their sources.
    PlanSources,
    /// Under the plan: the deadlines as a calendar file.
    PlanCalendar,
    ConfirmRestart,
    ConfirmDelete,
    Cancel,
    /// On a reminder about a document's end: "Done — I renewed" (asks the new end date).
    Renewed(DocKind),
    /// On a reminder: "Remind me tomorrow" (never past the deadline).
    Snooze(DeadlineKey),
    /// On a reminder: "Stop these reminders" (for this deadline).
    StopReminders(DeadlineKey),
    /// "🙋 Ask a person" (under /help and the plan).
    AskPerson,
    /// On the consent screen: "Send to a caseworker".
    HandoverConsent,
    /// On the consent screen or while writing the question: "Cancel", nothing is sent.
    HandoverCancel,
    /// "✖ Close my request".
    CloseCase,
}

/// The version of the wire form below. A button from another version is out of date.
const WIRE_VERSION: &str = "1";

/// Telegram refuses callback data over 64 bytes.
pub const MAX_WIRE_LEN: usize = 64;

impl Action {
    /// The compact wire form, e.g. `1:l:ru`, `1:c:UZ`, `1:s:get_iin`.
    pub fn encode(&self) -> String {
        let body = match self {
            Action::Lang(l) => format!("l:{}", l.code()),
            Action::Country(c) => format!("c:{c}"),
            Action::CountryOther => "co".into(),
            Action::Yes => "y".into(),
            Action::No => "n".into(),
            Action::Today => "td".into(),
            Action::Yesterday => "yd".into(),
            Action::PriorNone => "p0".into(),
            Action::PriorUnknown => "p?".into(),
            Action::PriorAbout => "pa".into(),
            Action::TripAdd => "ta".into(),
            Action::TripsDone => "tt".into(),
            Action::TripChange(t) => format!("tc:{}", trip_wire(t)),
            Action::TripRemove(t) => format!("tr:{}", trip_wire(t)),
            Action::Purpose(p) => format!("u:{}", p.code()),
            Action::Employer(e) => format!("m:{}", e.code()),
            Action::ToggleDoc(d) => format!("d:{}", d.code()),
            Action::DocsNone => "d0".into(),
            Action::DocsDone => "dd".into(),
            Action::Correct => "ok".into(),
            Action::Change => "ch".into(),
            Action::Edit(f) => format!("e:{}", f.code()),
            Action::BackToSummary => "bs".into(),
            Action::ToggleStep(id) => format!("s:{id}"),
            Action::PlanHome => "ph".into(),
            Action::PlanStep(id) => format!("pc:{id}"),
            Action::PlanSteps => "pl".into(),
            Action::PlanNotes => "pn".into(),
            Action::PlanSources => "pq".into(),
            Action::PlanCalendar => "pk".into(),
            Action::ShowPlan => "sp".into(),
            Action::ConfirmRestart => "rr".into(),
            Action::ConfirmDelete => "rd".into(),
            Action::Cancel => "x".into(),
            Action::Renewed(d) => format!("rn:{}", d.code()),
            Action::Snooze(k) => format!("rs:{k}"),
            Action::StopReminders(k) => format!("rx:{k}"),
            Action::AskPerson => "hp".into(),
            Action::HandoverConsent => "hy".into(),
            Action::HandoverCancel => "hn".into(),
            Action::CloseCase => "hx".into(),
        };
        format!("{WIRE_VERSION}:{body}")
    }

    /// Reads the wire form back. Anything else (another version, forged, truncated,
    /// oversized) is `None`.
    pub fn decode(data: &str) -> Option<Action> {
        if data.len() > MAX_WIRE_LEN {
            return None;
        }
        let body = data.strip_prefix(WIRE_VERSION)?.strip_prefix(':')?;
        let (tag, arg) = match body.split_once(':') {
            Some((t, a)) => (t, Some(a)),
            None => (body, None),
        };
        Some(match (tag, arg) {
            ("l", Some(a)) => Action::Lang(Lang::from_code(a).filter(|l| l.code() == a)?),
            ("c", Some(a)) => {
                let code = CountryCode::parse(a)?;
                if code.as_str() != a {
                    return None;
                }
                Action::Country(code)
            }
            ("co", None) => Action::CountryOther,
            ("y", None) => Action::Yes,
            ("n", None) => Action::No,
            ("td", None) => Action::Today,
            ("yd", None) => Action::Yesterday,
            ("p0", None) => Action::PriorNone,
            ("p?", None) => Action::PriorUnknown,
            ("pa", None) => Action::PriorAbout,
            ("ta", None) => Action::TripAdd,
            ("tt", None) => Action::TripsDone,
            ("tc", Some(a)) => Action::TripChange(parse_trip_wire(a)?),
            ("tr", Some(a)) => Action::TripRemove(parse_trip_wire(a)?),
            ("u", Some(a)) => Action::Purpose(Purpose::from_code(a)?),
            ("m", Some(a)) => Action::Employer(Employer::from_code(a)?),
            ("d", Some(a)) => Action::ToggleDoc(DocKind::from_code(a)?),
            ("d0", None) => Action::DocsNone,
            ("dd", None) => Action::DocsDone,
            ("ok", None) => Action::Correct,
            ("ch", None) => Action::Change,
            ("e", Some(a)) => Action::Edit(Field::from_code(a)?),
            ("bs", None) => Action::BackToSummary,
            ("s", Some(a)) if is_step_id(a) => Action::ToggleStep(a.to_string()),
            ("ph", None) => Action::PlanHome,
            ("pc", Some(a)) if is_step_id(a) => Action::PlanStep(a.to_string()),
            ("pl", None) => Action::PlanSteps,
            ("pn", None) => Action::PlanNotes,
            ("pq", None) => Action::PlanSources,
            ("pk", None) => Action::PlanCalendar,
            ("sp", None) => Action::ShowPlan,
            ("rr", None) => Action::ConfirmRestart,
            ("rd", None) => Action::ConfirmDelete,
            ("x", None) => Action::Cancel,
            ("rn", Some(a)) => Action::Renewed(DocKind::from_code(a).filter(|d| d.has_end_date())?),
            ("rs", Some(a)) => Action::Snooze(DeadlineKey::parse(a)?),
            ("rx", Some(a)) => Action::StopReminders(DeadlineKey::parse(a)?),
            ("hp", None) => Action::AskPerson,
            ("hy", None) => Action::HandoverConsent,
            ("hn", None) => Action::HandoverCancel,
            ("hx", None) => Action::CloseCase,
            _ => return None,
        })
    }
}

/// A trip in button data: `2026-01-02:2026-01-05` (23 bytes).
fn trip_wire(t: &Trip) -> String {
    format!(
        "{}:{}",
        t.entry.format("%Y-%m-%d"),
        t.exit.format("%Y-%m-%d")
    )
}

/// Reads exactly the form `trip_wire` writes; anything else is forged.
fn parse_trip_wire(s: &str) -> Option<Trip> {
    let (a, b) = s.split_once(':')?;
    let entry = NaiveDate::parse_from_str(a, "%Y-%m-%d").ok()?;
    let exit = NaiveDate::parse_from_str(b, "%Y-%m-%d").ok()?;
    let trip = Trip::new(entry, exit);
    (trip_wire(&trip) == s).then_some(trip)
}

/// Step ids are short snake_case words; anything else in a button is forged.
fn is_step_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 48
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_action() -> Vec<Action> {
        let mut all = vec![
            Action::CountryOther,
            Action::Yes,
            Action::No,
            Action::Today,
            Action::Yesterday,
            Action::PriorNone,
            Action::PriorUnknown,
            Action::PriorAbout,
            Action::TripAdd,
            Action::TripsDone,
            Action::TripChange(crate::domain::Trip::new(
                chrono::NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
                chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            )),
            Action::TripRemove(crate::domain::Trip::new(
                chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
                chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            )),
            Action::DocsNone,
            Action::DocsDone,
            Action::Correct,
            Action::Change,
            Action::BackToSummary,
            Action::ConfirmRestart,
            Action::ConfirmDelete,
            Action::Cancel,
            Action::Country(CountryCode::parse("UZ").unwrap()),
            Action::ToggleStep("labour_permit_apply".into()),
            Action::PlanHome,
            Action::PlanStep("employer_permit_renewal".into()),
            Action::PlanSteps,
            Action::PlanNotes,
            Action::PlanSources,
            Action::PlanCalendar,
            Action::ShowPlan,
            Action::AskPerson,
            Action::HandoverConsent,
            Action::HandoverCancel,
            Action::CloseCase,
        ];
        for kind in crate::rules::DeadlineKind::ALL {
            // The longest kind with a date: the wire form must still fit.
            let key = DeadlineKey {
                kind,
                date: chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            };
            all.push(Action::Snooze(key));
            all.push(Action::StopReminders(key));
        }
        all.extend(
            DocKind::ALL
                .into_iter()
                .filter(|d| d.has_end_date())
                .map(Action::Renewed),
        );
        all.extend(Lang::ALL.map(Action::Lang));
        all.extend(Purpose::ALL.map(Action::Purpose));
        all.extend(Employer::ALL.map(Action::Employer));
        all.extend(DocKind::ALL.map(Action::ToggleDoc));
        all.extend(Field::ALL.map(Action::Edit));
        all
    }

    #[test]
    fn every_action_round_trips_within_64_bytes() {
        for a in every_action() {
            let wire = a.encode();
            assert!(wire.len() <= MAX_WIRE_LEN, "{wire}");
            assert_eq!(Action::decode(&wire), Some(a), "{wire}");
        }
    }

    #[test]
    fn forged_and_foreign_data_is_refused() {
        for bad in [
            "",
            "1",
            "1:",
            "0:l:ru",
            "2:ok",
            "1:l:de",
            "1:l:RU",
            "1:c:uz",
            "1:c:UZB",
            "1:u:party",
            "1:ok:extra",
            "1:s:",
            "1:s:DROP TABLE",
            "1:pc:",
            "1:pc:Get IIN",
            "1:ph:x",
            "1:pk:",
            "1:e:z",
            "1:rn:iin",
            "1:rn:passport",
            "1:rs:permit_end",
            "1:rs:permit_end:2026-02-30",
            "1:rx:nothing:2026-11-29",
            "1:rx:permit_end:2026-11-29:7",
            "1:tc:2026-01-02",
            "1:tc:2026-1-2:2026-01-05",
            "1:tr:2026-01-02:2026-02-30",
        ] {
            assert_eq!(Action::decode(bad), None, "{bad:?}");
        }
        assert_eq!(Action::decode(&format!("1:s:{}", "a".repeat(70))), None);
    }

    #[test]
    fn commands_are_read_with_bot_names_and_arguments() {
        assert_eq!(Command::parse("/start"), Some(Command::Start));
        assert_eq!(
            Command::parse("  /HELP@JolserikBot now"),
            Some(Command::Help)
        );
        assert_eq!(
            Command::parse("/whatever"),
            Some(Command::Unknown("whatever".into()))
        );
        assert_eq!(Command::parse("/reminders"), Some(Command::Reminders));
        assert_eq!(
            Command::parse("/calendar@JolserikBot"),
            Some(Command::Calendar)
        );
        assert_eq!(Command::parse("/trips"), Some(Command::Trips));
        assert_eq!(Command::parse("/human"), Some(Command::Human));
        assert_eq!(Command::parse("start"), None);
        assert_eq!(Command::parse("/"), Some(Command::Unknown(String::new())));
    }

    proptest::proptest! {
        #[test]
        fn decoding_anything_never_panics(s in "\\PC{0,80}") {
            let _ = Action::decode(&s);
            let _ = Command::parse(&s);
        }
    }
}
