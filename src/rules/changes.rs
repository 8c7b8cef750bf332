//! What a change of the rule catalogue changes for one person: their plan made with
//! the old catalogue against their plan made with the new one, on the same day. Only
//! what a person would act on counts: the last legal day, the date of every deadline,
//! the longest stay their group allows, the steps added or no longer needed, and the
//! cost of each step. A new source or a reworded rule changes none of these, so it
//! reaches nobody (the version is updated silently).
//!
//! [`Changes`] is data (serde), because it waits in the store until the notice is sent
//! and is rendered then, in the user's language at that moment: [`notice_msg`] builds
//! the message ids and arguments (words are in `locales/*/changes.ftl`). Two changes
//! that reach one user before the first notice went out are merged into one notice
//! ([`Changes::then`]), from the dates they were told last to the newest. Pure: no I/O,
//! no clock.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::rules::plan::{DeadlineKind, Plan};
use crate::rules::view::{deadline_name, step_title};
use crate::text::{Arg, Msg};

/// An old value and a new one; `None` where there was none (a deadline that appears).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved<T> {
    pub old: Option<T>,
    pub new: Option<T>,
}

impl<T: PartialEq + Copy> Moved<T> {
    fn of(old: Option<T>, new: Option<T>) -> Option<Moved<T>> {
        (old != new).then_some(Moved { old, new })
    }

    /// This move followed by `later`: from this one's old value to `later`'s new one;
    /// `None` when they cancel out.
    fn then(self, later: Moved<T>) -> Option<Moved<T>> {
        Moved::of(self.old, later.new)
    }
}

/// A deadline whose date moved, appeared or went away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineMove {
    pub kind: DeadlineKind,
    #[serde(flatten)]
    pub dates: Moved<NaiveDate>,
}

/// Everything one catalogue change changed for one person. Empty: nothing to tell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_legal_day: Option<Moved<NaiveDate>>,
    /// The longest single stay the person's group allows, in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stay_days: Option<Moved<i64>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<DeadlineMove>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub steps_added: BTreeSet<String>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub steps_removed: BTreeSet<String>,
    /// Step id → its cost in tenge, old and new.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub costs: BTreeMap<String, Moved<i64>>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.last_legal_day.is_none()
            && self.stay_days.is_none()
            && self.deadlines.is_empty()
            && self.steps_added.is_empty()
            && self.steps_removed.is_empty()
            && self.costs.is_empty()
    }

    /// Short names of what changed, for the operator's counts (`rules impact`) and the
    /// logs: "last_legal_day", "deadline:registration", "step_added", ...
    pub fn labels(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.last_legal_day.is_some() {
            out.push("last_legal_day".to_string());
        }
        if self.stay_days.is_some() {
            out.push("stay_days".to_string());
        }
        for d in &self.deadlines {
            out.push(format!("deadline:{}", d.kind.code()));
        }
        if !self.steps_added.is_empty() {
            out.push("step_added".to_string());
        }
        if !self.steps_removed.is_empty() {
            out.push("step_removed".to_string());
        }
        if !self.costs.is_empty() {
            out.push("cost".to_string());
        }
        out
    }

    /// This change, then `later` (both not yet told): one notice from the values the
    /// person last heard to the newest. A date moved and moved back is not mentioned.
    pub fn then(self, later: Changes) -> Changes {
        fn merge<T: PartialEq + Copy>(
            a: Option<Moved<T>>,
            b: Option<Moved<T>>,
        ) -> Option<Moved<T>> {
            match (a, b) {
                (Some(a), Some(b)) => a.then(b),
                (a, None) => a,
                (None, b) => b,
            }
        }
        // A later move continues an earlier one of the same kind when it starts where
        // that one ended; a plan can hold two deadlines of one kind (two permits), so
        // the kind alone does not say which.
        let mut deadlines: Vec<DeadlineMove> = self.deadlines;
        for d in later.deadlines {
            let continued = deadlines
                .iter()
                .position(|e| e.kind == d.kind && e.dates.new == d.dates.old);
            match continued {
                Some(i) => match deadlines[i].dates.then(d.dates) {
                    Some(dates) => deadlines[i].dates = dates,
                    None => {
                        deadlines.remove(i);
                    }
                },
                None => deadlines.push(d),
            }
        }
        let mut added = self.steps_added;
        let mut removed = self.steps_removed;
        for s in later.steps_added {
            if !removed.remove(&s) {
                added.insert(s);
            }
        }
        for s in later.steps_removed {
            if !added.remove(&s) {
                removed.insert(s);
            }
        }
        let mut costs = self.costs;
        for (step, m) in later.costs {
            match costs.remove(&step) {
                Some(earlier) => {
                    if let Some(m) = earlier.then(m) {
                        costs.insert(step, m);
                    }
                }
                None => {
                    costs.insert(step, m);
                }
            }
        }
        Changes {
            last_legal_day: merge(self.last_legal_day, later.last_legal_day),
            stay_days: merge(self.stay_days, later.stay_days),
            deadlines,
            steps_added: added,
            steps_removed: removed,
            costs,
        }
    }
}

/// What changed between a person's plan under the old catalogue and under the new one
/// (both made for the same profile on the same day). `stay_days` is the longest stay of
/// the person's group under each catalogue (`Group::max_stay_days`), which the plans do
/// not carry.
pub fn compare(old: &Plan, new: &Plan, stay_days: (Option<i64>, Option<i64>)) -> Changes {
    let last_legal_day = Moved::of(old.status.last_legal_day(), new.status.last_legal_day());
    let mut deadlines = Vec::new();
    let kinds: BTreeSet<DeadlineKind> = old
        .deadlines
        .iter()
        .chain(&new.deadlines)
        .map(|d| d.kind)
        .collect();
    for kind in kinds {
        let dates = |plan: &Plan| -> Vec<NaiveDate> {
            let mut v: Vec<NaiveDate> = plan
                .deadlines
                .iter()
                .filter(|d| d.kind == kind)
                .map(|d| d.date)
                .collect();
            v.sort();
            v
        };
        let (a, b) = (dates(old), dates(new));
        for i in 0..a.len().max(b.len()) {
            if let Some(dates) = Moved::of(a.get(i).copied(), b.get(i).copied()) {
                // The stay limit is the last legal day: said once, as the last day.
                if kind == DeadlineKind::StayLimit && last_legal_day == Some(dates) {
                    continue;
                }
                deadlines.push(DeadlineMove { kind, dates });
            }
        }
    }
    let ids =
        |plan: &Plan| -> BTreeSet<String> { plan.steps.iter().map(|s| s.id.clone()).collect() };
    let (old_steps, new_steps) = (ids(old), ids(new));
    let mut costs = BTreeMap::new();
    for step in &new.steps {
        if let Some(before) = old.steps.iter().find(|s| s.id == step.id) {
            if let Some(m) = Moved::of(before.cost_kzt, step.cost_kzt) {
                costs.insert(step.id.clone(), m);
            }
        }
    }
    Changes {
        last_legal_day,
        stay_days: Moved::of(stay_days.0, stay_days.1),
        deadlines,
        steps_added: new_steps.difference(&old_steps).cloned().collect(),
        steps_removed: old_steps.difference(&new_steps).cloned().collect(),
        costs,
    }
}

/// The notice: "The rules changed on <date>. For you: …", one line per change, and
/// where to see the whole plan (`/plan`, which Telegram shows as a link to tap).
pub fn notice_msg(changes: &Changes, changed_on: NaiveDate) -> Msg {
    let mut lines = vec![Msg::new("changes-intro").date("date", changed_on)];
    if let Some(m) = changes.last_legal_day {
        lines.push(moved_line(Msg::new("changes-what-last-day"), m));
    }
    if let Some(m) = changes.stay_days {
        lines.push(match (m.old, m.new) {
            (Some(old), Some(new)) => Msg::new("changes-stay-days")
                .int("old", old)
                .int("new", new),
            (None, Some(new)) => Msg::new("changes-stay-days-new").int("new", new),
            _ => Msg::new("changes-stay-days-gone"),
        });
    }
    for d in &changes.deadlines {
        lines.push(moved_line(deadline_name(d.kind), d.dates));
    }
    for step in &changes.steps_added {
        lines.push(Msg::new("changes-step-added").msg("step", step_title(step)));
    }
    for step in &changes.steps_removed {
        lines.push(Msg::new("changes-step-removed").msg("step", step_title(step)));
    }
    for (step, m) in &changes.costs {
        let what = step_title(step);
        lines.push(match (m.old, m.new) {
            (Some(old), Some(new)) => Msg::new("changes-cost")
                .msg("step", what)
                .arg("old", Arg::Kzt(old))
                .arg("new", Arg::Kzt(new)),
            (None, Some(new)) => Msg::new("changes-cost-new")
                .msg("step", what)
                .arg("new", Arg::Kzt(new)),
            _ => Msg::new("changes-cost-unknown").msg("step", what),
        });
    }
    lines.push(Msg::new("changes-see-plan"));
    Msg::new("changes-lines").arg("lines", Arg::Lines(lines))
}

/// "<what>: 14 December → 4 December", or that it appeared or no longer applies. The
/// dates are `$from` and `$to`, the names the locales give date variables.
fn moved_line(what: Msg, m: Moved<NaiveDate>) -> Msg {
    match (m.old, m.new) {
        (Some(old), Some(new)) => Msg::new("changes-date-moved")
            .msg("what", what)
            .date("from", old)
            .date("to", new),
        (None, Some(new)) => Msg::new("changes-date-new")
            .msg("what", what)
            .date("to", new),
        (Some(old), None) => Msg::new("changes-date-gone")
            .msg("what", what)
            .date("from", old),
        (None, None) => what,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::plan::{Deadline, Status, Step};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn step(id: &str, cost: Option<i64>) -> Step {
        Step {
            id: id.into(),
            rule: "R7".into(),
            due: None,
            cost_kzt: cost,
            cost_per_month: false,
            cost_estimated: false,
            documents: vec![],
            link: None,
            done: false,
        }
    }

    fn plan(last: &str, deadlines: &[(DeadlineKind, &str)], steps: Vec<Step>) -> Plan {
        Plan {
            today: day("2026-11-21"),
            status: Status::on(day("2026-11-21"), day(last)),
            deadlines: deadlines
                .iter()
                .map(|(kind, date)| Deadline {
                    kind: *kind,
                    date: day(date),
                    rule: "R7".into(),
                })
                .collect(),
            steps,
            notes: vec![],
            rules_used: vec![],
            window: None,
        }
    }

    #[test]
    fn the_same_plan_changes_nothing() {
        let p = plan(
            "2026-12-30",
            &[(DeadlineKind::Registration, "2026-12-14")],
            vec![step("self_register", Some(0))],
        );
        let c = compare(&p, &p.clone(), (Some(30), Some(30)));
        assert!(c.is_empty(), "{c:?}");
        assert!(c.labels().is_empty());
    }

    #[test]
    fn a_moved_deadline_a_new_step_and_a_new_cost_are_each_reported() {
        let old = plan(
            "2026-12-30",
            &[
                (DeadlineKind::StayLimit, "2026-12-30"),
                (DeadlineKind::Registration, "2026-12-14"),
            ],
            vec![step("self_register", Some(0)), step("get_iin", Some(4325))],
        );
        let new = plan(
            "2026-12-30",
            &[
                (DeadlineKind::StayLimit, "2026-12-30"),
                (DeadlineKind::Registration, "2026-12-04"),
            ],
            vec![
                step("self_register", Some(0)),
                step("get_iin", Some(4500)),
                step("host_notice_check", None),
            ],
        );
        let c = compare(&old, &new, (Some(30), Some(30)));
        assert_eq!(c.last_legal_day, None);
        assert_eq!(
            c.deadlines,
            vec![DeadlineMove {
                kind: DeadlineKind::Registration,
                dates: Moved {
                    old: Some(day("2026-12-14")),
                    new: Some(day("2026-12-04"))
                }
            }]
        );
        assert_eq!(
            c.steps_added,
            BTreeSet::from(["host_notice_check".to_string()])
        );
        assert!(c.steps_removed.is_empty());
        assert_eq!(
            c.costs["get_iin"],
            Moved {
                old: Some(4325),
                new: Some(4500)
            }
        );
        assert_eq!(c.labels(), ["deadline:registration", "step_added", "cost"]);
    }

    #[test]
    fn a_new_stay_limit_is_told_once_as_the_last_legal_day() {
        let old = plan(
            "2027-01-29",
            &[(DeadlineKind::StayLimit, "2027-01-29")],
            vec![],
        );
        let new = plan(
            "2026-12-30",
            &[(DeadlineKind::StayLimit, "2026-12-30")],
            vec![],
        );
        let c = compare(&old, &new, (Some(90), Some(30)));
        assert_eq!(
            c.last_legal_day,
            Some(Moved {
                old: Some(day("2027-01-29")),
                new: Some(day("2026-12-30"))
            })
        );
        assert!(c.deadlines.is_empty(), "{c:?}");
        assert_eq!(
            c.stay_days,
            Some(Moved {
                old: Some(90),
                new: Some(30)
            })
        );
    }

    #[test]
    fn two_changes_merge_from_what_was_told_to_the_newest_and_cancel_out() {
        let a = plan(
            "2026-12-30",
            &[(DeadlineKind::Registration, "2026-12-14")],
            vec![step("a", None)],
        );
        let b = plan(
            "2026-12-30",
            &[(DeadlineKind::Registration, "2026-12-04")],
            vec![step("b", None)],
        );
        let c = plan(
            "2026-12-30",
            &[(DeadlineKind::Registration, "2026-12-01")],
            vec![step("a", None)],
        );
        let first = compare(&a, &b, (None, None));
        let second = compare(&b, &c, (None, None));
        let both = first.clone().then(second);
        assert_eq!(
            both.deadlines[0].dates,
            Moved {
                old: Some(day("2026-12-14")),
                new: Some(day("2026-12-01"))
            }
        );
        // Step a went and came back; b came and went: nothing to say about steps.
        assert!(
            both.steps_added.is_empty() && both.steps_removed.is_empty(),
            "{both:?}"
        );
        // And a change undone before it was told tells nothing at all.
        let back = compare(&b, &a, (None, None));
        assert!(first.then(back).is_empty());
    }

    #[test]
    fn two_changes_to_two_deadlines_of_one_kind_stay_two_moves() {
        // Two permits: the first change moves one, the second change the other.
        let permits = |first: &str, second: &str| {
            plan(
                "2027-02-28",
                &[
                    (DeadlineKind::PermitEnd, first),
                    (DeadlineKind::PermitEnd, second),
                ],
                vec![],
            )
        };
        let a = permits("2026-12-10", "2027-01-20");
        let b = permits("2026-12-05", "2027-01-20");
        let c = permits("2026-12-05", "2027-01-15");
        let both = compare(&a, &b, (None, None)).then(compare(&b, &c, (None, None)));
        let mut moves: Vec<Moved<NaiveDate>> = both.deadlines.iter().map(|d| d.dates).collect();
        moves.sort_by_key(|m| m.old);
        assert_eq!(
            moves,
            [
                Moved {
                    old: Some(day("2026-12-10")),
                    new: Some(day("2026-12-05"))
                },
                Moved {
                    old: Some(day("2027-01-20")),
                    new: Some(day("2027-01-15"))
                },
            ],
            "{both:?}"
        );
    }

    #[test]
    fn the_notice_names_old_and_new_dates_and_ends_with_the_plan() {
        let old = plan(
            "2026-12-30",
            &[(DeadlineKind::Registration, "2026-12-14")],
            vec![],
        );
        let new = plan(
            "2026-12-30",
            &[(DeadlineKind::Registration, "2026-12-04")],
            vec![step("self_register", Some(0))],
        );
        let msg = notice_msg(&compare(&old, &new, (None, None)), day("2026-11-21"));
        let Some((_, Arg::Lines(lines))) = msg.args.first() else {
            panic!("{msg:?}")
        };
        let ids: Vec<&str> = lines.iter().map(|m| m.id.as_ref()).collect();
        assert_eq!(
            ids,
            [
                "changes-intro",
                "changes-date-moved",
                "changes-step-added",
                "changes-see-plan"
            ]
        );
        assert!(lines[1]
            .args
            .contains(&("from", Arg::Date(day("2026-12-14")))));
        assert!(lines[1]
            .args
            .contains(&("to", Arg::Date(day("2026-12-04")))));
    }

    #[test]
    fn changes_survive_the_store_as_json() {
        let old = plan(
            "2026-12-30",
            &[(DeadlineKind::Registration, "2026-12-14")],
            vec![],
        );
        let new = plan("2026-12-29", &[], vec![step("get_iin", Some(4325))]);
        let c = compare(&old, &new, (Some(30), None));
        let back: Changes = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
    }
}
