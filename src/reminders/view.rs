//! Reminders as messages: Fluent ids with typed arguments, never text. A reminder says
//! what is due, the date, the days left (a plural), the step to take and its source,
//! and carries the buttons [Done — I renewed] (for a document's end), [Remind me
//! tomorrow] (while tomorrow is not past the deadline) and [Stop these reminders]. Also
//! the `/reminders` list and the texts of the calendar file. Every id used here exists
//! in `locales/{en,ru,kk}/reminders.ftl` with the same variables.

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::engine::{Action, Button, DeadlineKey, Reply};
use crate::reminders::plan::{renewable, Reminder};
use crate::rules::plan::STEP_IDS;
use crate::rules::view::{self as rules_view, deadline_name};
use crate::text::{Arg, Msg};

/// At most this many reminders in the `/reminders` list; Telegram messages are short.
const LIST_LIMIT: usize = 12;

/// One reminder, as said on `today` (the local date it is sent on): days left count
/// from the day it is actually sent, so a late one never says "7 days" when 5 remain.
pub fn reminder_reply(r: &Reminder, today: NaiveDate) -> Reply {
    let days = (r.date - today).num_days();
    let what = deadline_name(r.kind);
    let mut lines = vec![match days {
        d if d > 0 => Msg::new("reminder-ahead")
            .msg("what", what)
            .date("date", r.date)
            .int("days", d),
        0 => Msg::new("reminder-last-day")
            .msg("what", what)
            .date("date", r.date),
        d => Msg::new("reminder-passed")
            .msg("what", what)
            .date("date", r.date)
            .int("days", -d),
    }];
    lines.extend(step_lines(r.step.as_deref()));
    if days < 0 {
        lines.push(Msg::new("reminder-passed-now"));
    }
    lines.push(source_line(&r.rule, r.link.as_deref()));

    let key = r.key();
    let mut buttons = Vec::new();
    if let Some(doc) = renewable(r.kind, &r.rule) {
        buttons.push(vec![Button::new(
            Msg::new("btn-reminder-renewed"),
            Action::Renewed(doc),
        )]);
    }
    if days >= 1 {
        buttons.push(vec![Button::new(
            Msg::new("btn-reminder-snooze"),
            Action::Snooze(key),
        )]);
    }
    buttons.push(vec![Button::new(
        Msg::new("btn-reminder-stop"),
        Action::StopReminders(key),
    )]);
    Reply::with_buttons(lines_msg(lines), buttons)
}

/// "What to do: <step>" and how, when the reminder has a step.
fn step_lines(step: Option<&str>) -> Vec<Msg> {
    let Some(step) = step else {
        return Vec::new();
    };
    let mut out = vec![Msg::new("reminder-step").msg("step", rules_view::step_title(step))];
    if STEP_IDS.contains(&step) {
        out.push(Msg::new(format!("step-{}-how", step.replace('_', "-"))));
    }
    out
}

fn source_line(rule: &str, link: Option<&str>) -> Msg {
    match link {
        Some(link) => Msg::new("reminder-source")
            .verbatim("rule", rule)
            .verbatim("link", link),
        None => Msg::new("reminder-source-rule").verbatim("rule", rule),
    }
}

fn lines_msg(lines: Vec<Msg>) -> Msg {
    Msg::new("reminder-lines").arg("lines", Arg::Lines(lines))
}

/// The `/reminders` answer: the upcoming reminders, earliest first, each with the local
/// day and time it goes out and the deadline it is about.
pub fn list_reply(pending: &[Reminder], tz: Tz) -> Reply {
    if pending.is_empty() {
        return Reply::text(Msg::new("reminders-list-empty"));
    }
    let count = i64::try_from(pending.len()).unwrap_or(i64::MAX);
    let mut lines = vec![Msg::new("reminders-list-header").int("count", count)];
    for r in pending.iter().take(LIST_LIMIT) {
        let local = r.due.with_timezone(&tz);
        lines.push(
            Msg::new("reminders-list-item")
                .date("when", local.date_naive())
                .verbatim("time", local.format("%H:%M").to_string())
                .msg("what", deadline_name(r.kind))
                .date("date", r.date),
        );
    }
    if pending.len() > LIST_LIMIT {
        let more = i64::try_from(pending.len() - LIST_LIMIT).unwrap_or(i64::MAX);
        lines.push(Msg::new("reminders-list-more").int("count", more));
    }
    Reply::text(lines_msg(lines))
}

/// The texts of one calendar event, before rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventTexts {
    pub summary: Msg,
    pub description: Msg,
    /// What an alarm of this event says.
    pub alarm: Msg,
}

/// The calendar's name.
pub fn calendar_name() -> Msg {
    Msg::new("calendar-name")
}

/// The texts of the event for one deadline: its name as the summary; the date, the
/// step and the source (with its link) as the description.
pub fn event_texts(
    key: DeadlineKey,
    rule: &str,
    step: Option<&str>,
    link: Option<&str>,
) -> EventTexts {
    let what = deadline_name(key.kind);
    let mut lines = vec![Msg::new("calendar-deadline")
        .msg("what", what.clone())
        .date("date", key.date)];
    lines.extend(step_lines(step));
    lines.push(source_line(rule, link));
    EventTexts {
        summary: Msg::new("calendar-summary").msg("what", what.clone()),
        description: lines_msg(lines),
        alarm: Msg::new("calendar-alarm")
            .msg("what", what)
            .date("date", key.date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DocKind;
    use crate::rules::DeadlineKind;
    use chrono::{DateTime, Utc};

    fn reminder(kind: DeadlineKind, rule: &str, offset: i64) -> Reminder {
        Reminder {
            user: 1,
            due: DateTime::parse_from_rfc3339("2026-11-22T05:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
            kind,
            date: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            rule: rule.into(),
            offset,
            step: Some("labour_permit_extend".into()),
            link: Some("https://egov.kz/x".into()),
        }
    }

    fn actions(reply: &Reply) -> Vec<Action> {
        reply
            .buttons
            .iter()
            .flatten()
            .map(|b| b.action.clone())
            .collect()
    }

    #[test]
    fn a_permit_reminder_offers_renewal_snooze_and_stop() {
        let r = reminder(DeadlineKind::PermitEnd, "R11", 7);
        let reply = reminder_reply(&r, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        assert_eq!(
            actions(&reply),
            vec![
                Action::Renewed(DocKind::LabourPermit),
                Action::Snooze(r.key()),
                Action::StopReminders(r.key()),
            ]
        );
        let Arg::Lines(lines) = &reply.msg.args[0].1 else {
            panic!("{reply:?}")
        };
        assert_eq!(lines[0].id, "reminder-ahead");
        assert!(lines[0].args.contains(&("days", Arg::Int(7))));
        assert_eq!(lines[1].id, "reminder-step");
        assert_eq!(lines[2].id, "step-labour-permit-extend-how");
        assert_eq!(lines.last().unwrap().id, "reminder-source");
    }

    #[test]
    fn no_snooze_on_the_last_day_or_after_and_no_renewal_for_registration() {
        let last = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let r = reminder(DeadlineKind::Registration, "R7", 0);
        let reply = reminder_reply(&r, last);
        assert_eq!(actions(&reply), vec![Action::StopReminders(r.key())]);
        let r = reminder(DeadlineKind::PermitEnd, "R13", -1);
        let reply = reminder_reply(&r, last.succ_opt().unwrap());
        assert_eq!(
            actions(&reply),
            vec![
                Action::Renewed(DocKind::WorkPermit),
                Action::StopReminders(r.key())
            ]
        );
        let Arg::Lines(lines) = &reply.msg.args[0].1 else {
            panic!("{reply:?}")
        };
        assert_eq!(lines[0].id, "reminder-passed");
        assert!(lines.iter().any(|l| l.id == "reminder-passed-now"));
    }
}
