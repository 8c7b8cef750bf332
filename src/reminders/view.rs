//! Reminders as messages: Fluent ids with typed arguments, never text. A reminder says
//! what is due, the date, the days left (a plural), the step to take and its source,
//! and carries the buttons [Done — I renewed] (for a document's end), [Remind me
//! tomorrow] (while tomorrow is not past the deadline) and [Stop these reminders]. A
//! day's digest of several deadlines is one message with a numbered line and a row of
//! short buttons per deadline. Also the `/reminders` list (one line per deadline) and
//! the texts of the calendar file. Every id used here exists in all six
//! `locales/*/reminders.ftl` with the same variables.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::engine::{Action, Button, DeadlineKey, Reply};
use crate::reminders::digest::Digest;
use crate::reminders::plan::{renewable, Reminder};
use crate::rules::plan::STEP_IDS;
use crate::rules::view::{self as rules_view, deadline_name};
use crate::text::{Arg, Msg};

/// At most this many deadlines in the `/reminders` list; Telegram messages are short.
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

/// A day's digest, as said on `today`. One deadline reads as the single reminder
/// above (with its step, its source and full-width buttons). Several are numbered, the
/// soonest first, each with its date, its days left and the step to take, and each has
/// a row of short buttons that carry its number: renewed (a document's end), tomorrow
/// (while tomorrow is before the deadline), stop.
pub fn digest_reply(digest: &Digest, today: NaiveDate) -> Reply {
    let reminders = &digest.reminders;
    if let [only] = reminders.as_slice() {
        return reminder_reply(only, today);
    }
    let count = i64::try_from(reminders.len()).unwrap_or(i64::MAX);
    let mut lines = vec![Msg::new("reminder-digest-header").int("count", count)];
    let mut buttons = Vec::new();
    let mut any_passed = false;
    for (i, r) in reminders.iter().enumerate() {
        let n = i64::try_from(i + 1).unwrap_or(i64::MAX);
        let days = (r.date - today).num_days();
        let what = deadline_name(r.kind);
        lines.push(match days {
            d if d > 0 => Msg::new("reminder-digest-ahead")
                .int("n", n)
                .msg("what", what)
                .date("date", r.date)
                .int("days", d),
            0 => Msg::new("reminder-digest-last-day")
                .int("n", n)
                .msg("what", what)
                .date("date", r.date),
            d => Msg::new("reminder-digest-passed")
                .int("n", n)
                .msg("what", what)
                .date("date", r.date)
                .int("days", -d),
        });
        any_passed |= days < 0;
        if let Some(step) = r.step.as_deref() {
            lines.push(Msg::new("reminder-digest-step").msg("step", rules_view::step_title(step)));
        }
        let key = r.key();
        let mut row = Vec::new();
        if let Some(doc) = renewable(r.kind, &r.rule) {
            row.push(Button::new(
                Msg::new("btn-digest-renewed").int("n", n),
                Action::Renewed(doc),
            ));
        }
        if days >= 1 {
            row.push(Button::new(
                Msg::new("btn-digest-snooze").int("n", n),
                Action::Snooze(key),
            ));
        }
        row.push(Button::new(
            Msg::new("btn-digest-stop").int("n", n),
            Action::StopReminders(key),
        ));
        buttons.push(row);
    }
    if any_passed {
        lines.push(Msg::new("reminder-passed-now"));
    }
    lines.push(Msg::new("reminder-digest-footer"));
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

/// The `/reminders` answer: one line per deadline with the day of its next reminder,
/// the nearest first ("Permit ends: 29 November — next reminder 22 November"). Every
/// offset of every deadline would be a list of dozens; reminders go out as one digest a
/// day, so the next day is what a user needs.
pub fn list_reply(pending: &[Reminder], tz: Tz) -> Reply {
    // Per deadline, its next reminder: the earliest pending one.
    let mut next: BTreeMap<DeadlineKey, &Reminder> = BTreeMap::new();
    for r in pending {
        next.entry(r.key())
            .and_modify(|first| {
                if r.due < first.due {
                    *first = r;
                }
            })
            .or_insert(r);
    }
    if next.is_empty() {
        return Reply::text(Msg::new("reminders-list-empty"));
    }
    let mut deadlines: Vec<&Reminder> = next.into_values().collect();
    deadlines.sort_by_key(|r| (r.due, r.date, r.kind));
    let count = i64::try_from(deadlines.len()).unwrap_or(i64::MAX);
    let mut lines = vec![Msg::new("reminders-list-header").int("count", count)];
    for r in deadlines.iter().take(LIST_LIMIT) {
        lines.push(
            Msg::new("reminders-list-deadline")
                .msg("what", deadline_name(r.kind))
                .date("date", r.date)
                .date("when", r.due.with_timezone(&tz).date_naive()),
        );
    }
    if deadlines.len() > LIST_LIMIT {
        let more = i64::try_from(deadlines.len() - LIST_LIMIT).unwrap_or(i64::MAX);
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

    fn digest_of(rs: Vec<Reminder>) -> Digest {
        Digest::new(1, NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(), rs)
    }

    #[test]
    fn one_deadline_reads_as_a_single_reminder() {
        let r = reminder(DeadlineKind::PermitEnd, "R11", 7);
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            digest_reply(&digest_of(vec![r.clone()]), today),
            reminder_reply(&r, today)
        );
    }

    #[test]
    fn several_deadlines_are_numbered_lines_with_a_row_of_buttons_each() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let permit = reminder(DeadlineKind::PermitEnd, "R11", 0);
        let mut stay = reminder(DeadlineKind::StayLimit, "R1", 1);
        stay.date = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        stay.step = None;
        let mut registration = reminder(DeadlineKind::Registration, "R7", -1);
        registration.date = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let reply = digest_reply(
            &digest_of(vec![stay.clone(), permit.clone(), registration.clone()]),
            today,
        );
        let Arg::Lines(lines) = &reply.msg.args[0].1 else {
            panic!("{reply:?}")
        };
        let ids: Vec<&str> = lines.iter().map(|l| l.id.as_ref()).collect();
        assert_eq!(
            ids,
            [
                "reminder-digest-header",
                // The passed deadline first, then the last day, then the one ahead.
                "reminder-digest-passed",
                "reminder-digest-step",
                "reminder-digest-last-day",
                "reminder-digest-step",
                "reminder-digest-ahead",
                "reminder-passed-now",
                "reminder-digest-footer",
            ]
        );
        assert!(lines[0].args.contains(&("count", Arg::Int(3))));
        assert!(lines[5].args.contains(&("n", Arg::Int(3))));
        assert!(lines[5].args.contains(&("days", Arg::Int(1))));
        // One row per deadline, numbered like its line: no snooze on or after the day.
        let rows: Vec<Vec<Action>> = reply
            .buttons
            .iter()
            .map(|row| row.iter().map(|b| b.action.clone()).collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec![Action::StopReminders(registration.key())],
                vec![
                    Action::Renewed(DocKind::LabourPermit),
                    Action::StopReminders(permit.key())
                ],
                vec![
                    Action::Snooze(stay.key()),
                    Action::StopReminders(stay.key())
                ],
            ]
        );
        let numbers: Vec<&Arg> = reply
            .buttons
            .iter()
            .map(|row| &row[0].label.args[0].1)
            .collect();
        assert_eq!(numbers, [&Arg::Int(1), &Arg::Int(2), &Arg::Int(3)]);
    }

    #[test]
    fn the_list_has_one_line_per_deadline_with_its_next_reminder_day() {
        let tz = chrono_tz::Asia::Almaty;
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let mut rs = Vec::new();
        for (offset, due) in [(7, "2026-11-22T05:00:00Z"), (3, "2026-11-26T05:00:00Z")] {
            let mut r = reminder(DeadlineKind::PermitEnd, "R11", offset);
            r.due = at(due);
            rs.push(r);
        }
        let mut tax = reminder(DeadlineKind::TaxPrepayment, "R12", 1);
        tax.due = at("2026-11-28T05:00:00Z");
        rs.push(tax);
        let reply = list_reply(&rs, tz);
        let Arg::Lines(lines) = &reply.msg.args[0].1 else {
            panic!("{reply:?}")
        };
        assert_eq!(lines.len(), 3);
        assert!(lines[0].args.contains(&("count", Arg::Int(2))));
        let when = |l: &Msg| {
            l.args
                .iter()
                .find(|(n, _)| *n == "when")
                .map(|(_, a)| a.clone())
        };
        assert_eq!(
            when(&lines[1]),
            Some(Arg::Date(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()))
        );
        assert_eq!(
            when(&lines[2]),
            Some(Arg::Date(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()))
        );
        assert_eq!(list_reply(&[], tz).msg.id, "reminders-list-empty");
    }
}
