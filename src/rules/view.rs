//! The plan and the catalogue as messages: Fluent ids with typed arguments, never text.
//! The full plan, for the caseworker's `jolserik plan`, is a run of messages — the
//! status, the checklist in chunks of at most five steps, the notes, the sources with
//! their dates and the disclaimer; the chat shows the same facts as phone-sized screens
//! (`screens`). The catalogue report is the same data laid out for a reviewing lawyer.
//! Every id used here exists in `locales/*/rules.ftl` (every language) with the same
//! variables.

use std::collections::BTreeMap;

use crate::rules::catalogue::{Catalogue, Confidence, Rule, Source};
use crate::rules::plan::{DeadlineKind, Note, NoteKind, Plan, Status, Step, STEP_IDS};
use crate::text::{Arg, Msg};

pub mod screens;

/// Steps per checklist message.
const STEPS_PER_MESSAGE: usize = 5;
/// Notes per notes message (each is one short line).
const NOTES_PER_MESSAGE: usize = 8;
/// Rules per sources message.
const RULES_PER_MESSAGE: usize = 4;

/// The whole plan, in the order the bot sends it.
pub fn plan_messages(plan: &Plan, catalogue: &Catalogue) -> Vec<Msg> {
    let mut out = vec![status_message(plan, catalogue)];
    out.extend(checklist_messages(plan, catalogue));
    out.extend(notes_messages(plan, catalogue));
    let mut sources = sources_messages(plan, catalogue);
    match sources.last_mut() {
        Some(last) => append_line(last, Msg::new("plan-disclaimer")),
        None => sources.push(Msg::new("plan-disclaimer")),
    }
    out.extend(sources);
    out
}

/// The rules this plan relies on: each with its check date, confidence and sources.
pub fn sources_messages(plan: &Plan, catalogue: &Catalogue) -> Vec<Msg> {
    let rules: Vec<&Rule> = plan
        .rules_used
        .iter()
        .filter_map(|id| catalogue.rule(id))
        .collect();
    if rules.is_empty() {
        return vec![lines(vec![
            Msg::new("plan-sources-header"),
            Msg::new("plan-sources-none"),
        ])];
    }
    rules
        .chunks(RULES_PER_MESSAGE)
        .enumerate()
        .map(|(i, chunk)| {
            let mut l = Vec::new();
            if i == 0 {
                l.push(Msg::new("plan-sources-header"));
            }
            for rule in chunk {
                l.extend(screens::rule_lines(&rule.id, catalogue));
            }
            lines(l)
        })
        .collect()
}

/// The name of a deadline ("Permit ends"): in the plan's list of deadlines, and in the
/// reminders and the engine's answers about them.
pub fn deadline_name(kind: DeadlineKind) -> Msg {
    Msg::new(format!("deadline-{}", kebab(kind.code())))
}

/// The short title of a step, for its done/undo button. An id the assessment does not
/// know (stale button data) gets a neutral title rather than a missing message.
pub fn step_title(step_id: &str) -> Msg {
    if STEP_IDS.contains(&step_id) {
        Msg::new(format!("step-{}", kebab(step_id)))
    } else {
        Msg::new("step-unknown")
    }
}

/// Everything the catalogue holds, for `jolserik rules --lang L`: one message per rule,
/// then the country groups, the holidays and the MCI.
pub fn catalogue_report(catalogue: &Catalogue) -> Vec<Msg> {
    let summary = catalogue.summary();
    let mut out = vec![lines(vec![
        Msg::new("rule-report-title")
            .int("rules", count(summary.rules))
            .int("countries", count(summary.countries))
            .int("groups", count(summary.groups)),
        Msg::new("rule-report-intro"),
    ])];

    for rule in catalogue.rules() {
        let mut l = vec![
            Msg::new("rule-report-rule")
                .verbatim("rule", rule.id.clone())
                .msg("title", rule_title(rule))
                .verbatim("slug", rule.slug.clone()),
            Msg::new("rule-report-confidence")
                .msg("confidence", confidence(rule.confidence))
                .date("date", rule.verified),
        ];
        for (key, value) in &rule.params {
            l.push(
                Msg::new("rule-report-param")
                    .msg("name", Msg::new(format!("rule-param-{}", kebab(key))))
                    .verbatim("value", value.to_string()),
            );
        }
        if !rule.documents.is_empty() {
            l.push(Msg::new("rule-report-documents"));
            l.extend(rule.documents.iter().map(|d| document_line(d, Some(rule))));
        }
        if let Some(link) = &rule.link {
            l.push(Msg::new("rule-report-link").verbatim("link", link.clone()));
        }
        l.push(Msg::new("rule-report-sources"));
        l.extend(rule.sources.iter().map(source_line));
        out.push(lines(l));
    }

    out.push(lines(vec![
        Msg::new("rule-report-groups-header"),
        Msg::new("rule-report-home").verbatim("code", catalogue.home_country().to_string()),
    ]));
    for group in catalogue.groups() {
        let mut l = vec![Msg::new("rule-report-group")
            .msg("group", group_name(&group.id))
            .verbatim("rule", group.rule.clone())
            .msg("confidence", confidence(group.confidence))];
        if !group.visa_free {
            l.push(Msg::new("rule-report-visa-required"));
        }
        if let Some(days) = group.per_entry_days {
            l.push(Msg::new("rule-report-per-entry").int("days", days));
        }
        if let Some(w) = group.window {
            l.push(
                Msg::new("rule-report-window")
                    .int("limit", w.limit)
                    .int("window", w.days),
            );
        }
        if group.work_without_permit {
            l.push(Msg::new("rule-report-work-without-permit"));
        }
        if !group.study_allowed {
            l.push(Msg::new("rule-report-no-work-or-study"));
        }
        if group.visa_free && group.self_registration {
            l.push(Msg::new("rule-report-self-registration"));
        }
        if let Some(from) = group.valid_from {
            l.push(Msg::new("rule-report-valid-from").date("date", from));
        }
        for n in &group.notes {
            l.push(
                Msg::new("plan-note-plain").msg("note", note_msg(&NoteKind::of_group(*n, group))),
            );
        }
        // Rows sharing a source, date and confidence are listed together.
        let mut rows: BTreeMap<(String, Option<String>, Confidence), Vec<String>> = BTreeMap::new();
        for row in catalogue.countries().iter().filter(|r| r.group == group.id) {
            rows.entry((row.source.clone(), row.date.clone(), row.confidence))
                .or_default()
                .push(row.code.clone());
        }
        let row_notes: Vec<NoteKind> = catalogue
            .countries()
            .iter()
            .filter(|r| r.group == group.id)
            .flat_map(|r| r.notes.iter().map(|n| NoteKind::of_group(*n, group)))
            .collect();
        for ((source, date, conf), codes) in rows {
            l.push(
                Msg::new("rule-report-countries")
                    .verbatim("codes", codes.join(", "))
                    .verbatim("source", source)
                    .verbatim("date", date.unwrap_or_else(|| "—".to_string()))
                    .msg("confidence", confidence(conf)),
            );
        }
        for kind in &row_notes {
            l.push(Msg::new("plan-note-plain").msg("note", note_msg(kind)));
        }
        if catalogue.default_group().id == group.id {
            l.push(Msg::new("rule-report-default-group"));
        }
        out.push(lines(l));
    }

    for year in catalogue.holiday_years() {
        let mut l = vec![Msg::new("rule-report-holidays")
            .verbatim("year", year.year.to_string())
            .msg("confidence", confidence(year.confidence))
            .verbatim("source", year.source.clone())];
        for h in &year.days {
            l.push(
                Msg::new("rule-report-holiday")
                    .date("date", h.date)
                    .msg("name", Msg::new(format!("rule-holiday-{}", kebab(&h.name)))),
            );
        }
        if !year.substitutes_modelled {
            l.push(Msg::new("rule-report-substitutes"));
        }
        out.push(lines(l));
    }

    let mut l = vec![Msg::new("rule-report-mci-header")];
    for m in catalogue.mci_table() {
        let line = match &m.date {
            Some(date) => Msg::new("rule-report-mci")
                .verbatim("year", m.year.to_string())
                .arg("amount", Arg::Kzt(m.kzt))
                .verbatim("source", m.source.clone())
                .verbatim("date", date.clone()),
            None => Msg::new("rule-report-mci-undated")
                .verbatim("year", m.year.to_string())
                .arg("amount", Arg::Kzt(m.kzt))
                .verbatim("source", m.source.clone()),
        };
        l.push(line);
    }
    l.push(Msg::new("rule-report-mci-fallback"));
    out.push(lines(l));
    out
}

// ---- the parts of a plan -------------------------------------------------------------

/// The first message: the status in one line, and with it what cannot wait — what an
/// overstay means and what to do now, why the status is unknown, the kandas warning —
/// then the key dates.
fn status_message(plan: &Plan, catalogue: &Catalogue) -> Msg {
    let mut l = status_lines(plan, &|n| note_line(n, catalogue), true);
    if !plan.deadlines.is_empty() {
        l.push(Msg::new("plan-deadlines-header"));
        for d in &plan.deadlines {
            l.push(
                Msg::new("plan-deadline")
                    .msg("kind", deadline_name(d.kind))
                    .date("date", d.date)
                    .verbatim("rule", d.rule.clone()),
            );
        }
    }
    lines(l)
}

/// The status in one line and what cannot wait, each note written by `note`. The
/// overstay's consequences (warning, fine, ban) come with it when `overstay_notes`;
/// the chat's first screen leaves them to "Good to know" to stay short.
fn status_lines(plan: &Plan, note: &dyn Fn(&Note) -> Msg, overstay_notes: bool) -> Vec<Msg> {
    let mut l = Vec::new();
    match plan.status {
        // A planned trip: the date holds if the person enters on the planned day;
        // days counted from today would mean nothing.
        Status::Legal { last_legal_day, .. } if plan.window.is_some_and(|w| w.planned) => {
            l.push(Msg::new("plan-status-planned").date("date", last_legal_day))
        }
        Status::Legal {
            last_legal_day,
            days_left,
        } => l.push(
            Msg::new("plan-status-legal")
                .date("date", last_legal_day)
                .int("days", days_left),
        ),
        Status::Overstay {
            last_legal_day,
            overstay_days,
        } => {
            l.push(
                Msg::new("plan-status-overstay")
                    .date("date", last_legal_day)
                    .int("days", overstay_days),
            );
            if overstay_notes {
                l.extend(plan.notes.iter().filter(|n| n.kind.is_overstay()).map(note));
            }
            l.push(Msg::new("plan-overstay-now"));
        }
        Status::Unknown => l.push(Msg::new("plan-status-unknown")),
    }
    l.extend(
        plan.notes
            .iter()
            .filter(|n| headline(n, plan.status) && !n.kind.is_overstay())
            .map(note),
    );
    if matches!(plan.status, Status::Unknown) {
        l.push(Msg::new("plan-official-help"));
    }
    l
}

/// Whether a note belongs with the status rather than in the notes section.
fn headline(note: &Note, status: Status) -> bool {
    match &note.kind {
        NoteKind::KandasClockRuns
        | NoteKind::WindowUsedUp
        | NoteKind::PlannedTrip { .. }
        | NoteKind::PriorDaysWorstCase { .. } => true,
        k if k.is_overstay() => matches!(status, Status::Overstay { .. }),
        NoteKind::NeedCitizenship
        | NoteKind::HomeCitizen
        | NoteKind::NeedEntry
        | NoteKind::NotInTable
        | NoteKind::VisaRequired
        | NoteKind::NeedTrpEnd
        | NoteKind::NeedVisaEnd
        | NoteKind::RulesBefore { .. } => matches!(status, Status::Unknown),
        _ => false,
    }
}

/// The numbered checklist with progress, in messages of at most five steps.
fn checklist_messages(plan: &Plan, catalogue: &Catalogue) -> Vec<Msg> {
    if plan.steps.is_empty() {
        return vec![lines(vec![Msg::new("plan-no-steps")])];
    }
    let total = count(plan.steps.len());
    let done = count(plan.done_count());
    plan.steps
        .chunks(STEPS_PER_MESSAGE)
        .enumerate()
        .map(|(chunk_no, chunk)| {
            let mut l = Vec::new();
            if chunk_no == 0 {
                l.push(
                    Msg::new("plan-checklist-header")
                        .int("done", done)
                        .int("total", total),
                );
            }
            for (i, step) in chunk.iter().enumerate() {
                if i > 0 || chunk_no == 0 {
                    l.push(Msg::new("plan-separator"));
                }
                let n = count(chunk_no * STEPS_PER_MESSAGE + i + 1);
                l.extend(step_lines(step, n, catalogue));
            }
            lines(l)
        })
        .collect()
}

/// One step: what (with the rule), how and where, by when, with what, at what cost.
fn step_lines(step: &Step, n: i64, catalogue: &Catalogue) -> Vec<Msg> {
    let id = if step.done {
        "plan-step-done"
    } else {
        "plan-step"
    };
    let mut l = vec![Msg::new(id)
        .int("n", n)
        .msg("title", step_title(&step.id))
        .verbatim("rule", step.rule.clone())];
    if STEP_IDS.contains(&step.id.as_str()) {
        l.push(Msg::new(format!("step-{}-how", kebab(&step.id))));
    }
    if let Some(due) = step.due {
        l.push(Msg::new("plan-step-due").date("date", due));
    }
    if let Some(link) = &step.link {
        l.push(Msg::new("plan-step-where").verbatim("link", link.clone()));
    }
    if !step.documents.is_empty() {
        l.push(Msg::new("plan-step-documents"));
        let rule = catalogue.rule(&step.rule);
        l.extend(step.documents.iter().map(|d| document_line(d, rule)));
    }
    match step.cost_kzt {
        Some(0) => l.push(Msg::new("plan-step-free")),
        Some(kzt) => {
            let id = match (step.cost_per_month, step.cost_estimated) {
                (true, false) => "plan-step-cost-monthly",
                (true, true) => "plan-step-cost-monthly-estimate",
                (false, false) => "plan-step-cost",
                (false, true) => "plan-step-cost-estimate",
            };
            l.push(Msg::new(id).arg("cost", Arg::Kzt(kzt)));
        }
        None => {}
    }
    l
}

/// The notes not already shown with the status, in messages of at most eight.
fn notes_messages(plan: &Plan, catalogue: &Catalogue) -> Vec<Msg> {
    let rest: Vec<&Note> = plan
        .notes
        .iter()
        .filter(|n| !headline(n, plan.status))
        // Overstay notes only ever appear with an overstay status.
        .filter(|n| !n.kind.is_overstay())
        .collect();
    rest.chunks(NOTES_PER_MESSAGE)
        .enumerate()
        .map(|(i, chunk)| {
            let mut l = Vec::new();
            if i == 0 {
                l.push(Msg::new("plan-notes-header"));
            }
            l.extend(chunk.iter().map(|n| note_line(n, catalogue)));
            lines(l)
        })
        .collect()
}

/// A note as a list line, with its rule when it has one (and that rule's quoted
/// parameters, for the notes that quote them).
fn note_line(note: &Note, catalogue: &Catalogue) -> Msg {
    let rule = note.rule.as_deref().and_then(|r| catalogue.rule(r));
    let text = with_params(note_msg(&note.kind), rule);
    match &note.rule {
        Some(rule) => Msg::new("plan-note")
            .msg("note", text)
            .verbatim("rule", rule.clone()),
        None => Msg::new("plan-note-plain").msg("note", text),
    }
}

/// The message of a note, with its arguments.
pub fn note_msg(kind: &NoteKind) -> Msg {
    let m = Msg::new(format!("note-{}", kebab(kind.id())));
    match kind {
        NoteKind::RulesBefore { date } | NoteKind::PlannedTrip { date } => m.date("date", *date),
        NoteKind::PriorDaysWorstCase { date, window_days } => {
            m.date("date", *date).int("window_days", *window_days)
        }
        NoteKind::FullStayFrom { date, days } => m.date("date", *date).int("days", *days),
        NoteKind::DaysBack {
            date,
            days,
            window_days,
        } => m
            .date("date", *date)
            .int("days", *days)
            .int("window_days", *window_days),
        NoteKind::OverstayWarning { max_days } => m.int("days", *max_days),
        NoteKind::OverstayFine {
            max_days,
            mci,
            cost_kzt,
        } => m
            .int("days", *max_days)
            .int("mci", *mci)
            .arg("cost", Arg::Kzt(*cost_kzt)),
        NoteKind::OverstayLonger { over_days } => m.int("days", *over_days),
        NoteKind::OverstayBan { years } => m.int("years", *years),
        NoteKind::EmployerChange { days } | NoteKind::SelfRegistrationMove { days } => {
            m.int("days", *days)
        }
        NoteKind::HostNoticeAfterSelfRegistration { date } => m.date("date", *date),
        NoteKind::GroupUnconfirmed {
            per_entry_days,
            window_limit_days,
            window_days,
        } => m
            .int("per_entry_days", *per_entry_days)
            .int("window_limit_days", *window_limit_days)
            .int("window_days", *window_days),
        NoteKind::HolidaysUnknown { year } => m.verbatim("year", year.to_string()),
        NoteKind::CostEstimate { year, used_year } => m
            .verbatim("year", year.to_string())
            .verbatim("used", used_year.to_string()),
        NoteKind::ConfirmUncertain { rules } => m.verbatim("rules", rules.join(", ")),
        NoteKind::CountryUncertain { confidence: c } => m.msg("confidence", confidence(*c)),
        NoteKind::NeedCitizenship
        | NoteKind::HomeCitizen
        | NoteKind::NeedEntry
        | NoteKind::NotInTable
        | NoteKind::VisaRequired
        | NoteKind::NeedTrpEnd
        | NoteKind::NeedVisaEnd
        | NoteKind::NeedPermitEnd
        | NoteKind::TrpEndedBeforeEntry
        | NoteKind::VisaEndedBeforeEntry
        | NoteKind::ExitDayCounted
        | NoteKind::PriorDaysUnknown
        | NoteKind::PriorDaysApproximate
        | NoteKind::WindowUsedUp
        | NoteKind::KandasClockRuns
        | NoteKind::NoPaidWorkVisaFree
        | NoteKind::NoWorkOrStudyVisaFree
        | NoteKind::RemoteWork
        | NoteKind::NeedEmployer
        | NoteKind::HouseholdNotEligible
        | NoteKind::HouseholdEligibilityUnconfirmed
        | NoteKind::LabourPermitTermUnconfirmed
        | NoteKind::StudentRules
        | NoteKind::FamilyTerm
        | NoteKind::NomadNoLocalWork
        | NoteKind::TrpFeeUnknown
        | NoteKind::AzerbaijanRegistration
        | NoteKind::TurkmenistanRegionalException => m,
    }
}

// ---- small pieces --------------------------------------------------------------------

fn lines(l: Vec<Msg>) -> Msg {
    Msg::new("plan-lines").arg("lines", Arg::Lines(l))
}

/// Adds a line to a message made by `lines`.
fn append_line(msg: &mut Msg, line: Msg) {
    for (_, arg) in msg.args.iter_mut() {
        if let Arg::Lines(l) = arg {
            l.push(line);
            return;
        }
    }
}

fn source_line(s: &Source) -> Msg {
    match &s.date {
        Some(date) => Msg::new("plan-source")
            .verbatim("url", s.url.clone())
            .verbatim("date", date.clone())
            .verbatim("kind", s.date_kind.code()),
        None => Msg::new("plan-source-undated").verbatim("url", s.url.clone()),
    }
}

/// A document a rule asks for, with the rule's quoted parameters ("from the last 12
/// months").
fn document_line(doc: &str, rule: Option<&Rule>) -> Msg {
    let name = with_params(Msg::new(format!("doc-{}", kebab(doc))), rule);
    Msg::new("plan-step-document").msg("doc", name)
}

/// A rule's title, with its quoted parameters ("30 days per entry, 90 in 180").
fn rule_title(rule: &Rule) -> Msg {
    with_params(
        Msg::new(format!("rule-{}", rule.id.to_ascii_lowercase())),
        Some(rule),
    )
}

/// The rule parameters that texts quote, passed as Fluent variables of the same name,
/// so that a number written in a sentence is the number the rules compute with.
const QUOTED_COUNTS: [&str; 9] = [
    "per_entry_days",
    "window_days",
    "window_limit_days",
    "calendar_days",
    "income_months",
    "border_mark_months",
    "medical_certificate_months",
    "min_months",
    "max_months",
];

/// Quoted parameters that are amounts, grouped by thousands ("3,000").
const QUOTED_AMOUNTS: [&str; 1] = ["income_usd_per_month"];

/// Adds the quoted parameters the rule has to a message (extra ones are harmless).
fn with_params(mut msg: Msg, rule: Option<&Rule>) -> Msg {
    let Some(rule) = rule else {
        return msg;
    };
    for name in QUOTED_COUNTS {
        if let Some(n) = rule.int(name) {
            msg = msg.int(name, n);
        }
    }
    for name in QUOTED_AMOUNTS {
        if let Some(n) = rule.int(name) {
            msg = msg.arg(name, Arg::Grouped(n));
        }
    }
    msg
}

fn group_name(id: &str) -> Msg {
    Msg::new(format!("rule-group-{}", kebab(id)))
}

fn confidence(c: Confidence) -> Msg {
    Msg::new(format!("confidence-{}", c.code()))
}

/// snake_case → kebab-case, for message ids.
fn kebab(s: &str) -> String {
    s.replace('_', "-")
}

/// A count as a Fluent number (counts here are small; saturate rather than wrap).
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
