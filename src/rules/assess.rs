//! The assessment: (catalogue, profile, today) → plan. It decides what governs the stay
//! (a TRP, a visa, or the visa-free limits of the citizenship's group), computes the
//! last legal day and every deadline, and lays out the steps of the person's route
//! (EAEU worker, household worker, company employee, student, family, kandas, nomad,
//! visitor). It is pure and total: any profile, however incomplete or odd, gives a plan,
//! and where the catalogue cannot answer the status is `Unknown` with notes saying why.
//!
//! Facts (limits, fees, lists) come from the catalogue; what is here is the reading of
//! the fact sheet that no table expresses: which rule applies when, and in what order.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use crate::domain::{DocKind, Employer, PriorDays, Profile, Purpose};
use crate::rules::catalogue::{Catalogue, Confidence, Group, GroupNote, Placement};
use crate::rules::days::{last_day_of_months, nth_day, nth_working_day, prior_stay};
use crate::rules::plan::{
    step_rank, Deadline, DeadlineKind, Note, NoteKind, Plan, Status, Step, WindowStatus,
};
use crate::rules::trips::{self, Limits, Trip};

/// Steps that keep a person here past their visa-free days: when none of them is in
/// the plan, the plan tells the person to leave by the last legal day.
const STAYING_STEPS: [&str; 7] = [
    "apply_trp",
    "study_trp",
    "family_trp",
    "renew_trp",
    "kandas_apply",
    "nomad_visa_apply",
    "labour_permit_apply",
];

/// Makes the plan for `profile` on `today` (a calendar date in Asia/Almaty).
pub fn assess(catalogue: &Catalogue, profile: &Profile, today: NaiveDate) -> Plan {
    let mut a = Assessment {
        cat: catalogue,
        p: profile,
        today,
        status_rule: None,
        deadlines: Vec::new(),
        steps: Vec::new(),
        notes: Vec::new(),
        window: None,
    };
    let status = a.run();
    a.finish(status)
}

/// A reference case of `jolserik check` that came out wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("reference case `{name}`: last legal day {got:?}, expected {want}")]
pub struct ReferenceError {
    pub name: &'static str,
    pub got: Option<NaiveDate>,
    pub want: NaiveDate,
}

/// Worked cases the calculator must get right with the catalogue as loaded, run by
/// `jolserik check` at start-up (as good 90/180 calculators do): a catalogue edit or a
/// code change that moves one of these dates fails loudly. Returns how many passed.
pub fn reference_check(catalogue: &Catalogue) -> Result<usize, ReferenceError> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
    let profile = |code: &str, entry: NaiveDate, prior: PriorDays, trips: Vec<Trip>| Profile {
        citizenship: crate::domain::CountryCode::parse(code),
        entry: Some(entry),
        prior_days: Some(prior),
        purpose: Some(Purpose::Visit),
        trips,
        ..Profile::default()
    };
    let cases = [
        // Issue 13: 60 days (1 May - 29 June) leave the window during the stay.
        (
            "kyrgyz_trip_issue_13",
            profile(
                "KG",
                day(2026, 10, 1),
                PriorDays::None,
                vec![Trip::new(day(2026, 5, 1), day(2026, 6, 29))],
            ),
            day(2026, 10, 10),
            day(2026, 12, 29),
        ),
        // The same 60 days as a number: assumed just before the entry (safe side).
        (
            "kyrgyz_days_before_60",
            profile("KG", day(2026, 10, 1), PriorDays::Known(60), Vec::new()),
            day(2026, 10, 10),
            day(2026, 10, 30),
        ),
        // Uzbekistan: the per-entry 30 days.
        (
            "uzbek_30_per_entry",
            profile("UZ", day(2026, 3, 1), PriorDays::None, Vec::new()),
            day(2026, 3, 5),
            day(2026, 3, 30),
        ),
        // India: 14 + 14 + 6 = 34 earlier days of 42: eight more.
        (
            "india_42_in_180",
            profile(
                "IN",
                day(2026, 3, 1),
                PriorDays::None,
                vec![
                    Trip::new(day(2026, 1, 1), day(2026, 1, 14)),
                    Trip::new(day(2026, 2, 1), day(2026, 2, 14)),
                    Trip::new(day(2026, 2, 20), day(2026, 2, 25)),
                ],
            ),
            day(2026, 3, 2),
            day(2026, 3, 8),
        ),
        // Through 29 February 2028: 31 + 29 + 30 = 90.
        (
            "russian_leap_year",
            profile("RU", day(2028, 1, 1), PriorDays::None, Vec::new()),
            day(2028, 1, 2),
            day(2028, 3, 30),
        ),
    ];
    let mut passed = 0;
    for (name, profile, today, want) in cases {
        let got = assess(catalogue, &profile, today).status.last_legal_day();
        if got != Some(want) {
            return Err(ReferenceError { name, got, want });
        }
        passed += 1;
    }
    Ok(passed)
}

/// What a held document with an end date says about this stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Held {
    /// Not held (or ended before this entry, which a note says).
    No,
    /// Held, but the user gave no end date.
    NoEnd,
    /// Held and valid through this date.
    Until(NaiveDate),
}

/// What sets the last legal day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Basis {
    Trp(NaiveDate),
    Visa(NaiveDate),
    VisaFree(NaiveDate),
    /// Nothing the catalogue can rely on; the notes say why.
    Unknown,
}

impl Basis {
    /// The last day the current cover lasts, whatever it is.
    fn end(self) -> Option<NaiveDate> {
        match self {
            Basis::Trp(d) | Basis::Visa(d) | Basis::VisaFree(d) => Some(d),
            Basis::Unknown => None,
        }
    }
}

struct Assessment<'a> {
    cat: &'a Catalogue,
    p: &'a Profile,
    today: NaiveDate,
    status_rule: Option<String>,
    deadlines: Vec<Deadline>,
    steps: Vec<Step>,
    notes: Vec<Note>,
    window: Option<WindowStatus>,
}

/// A step before its cost is priced and its done mark is read.
struct StepSpec<'s> {
    id: &'static str,
    rule: &'s str,
    due: Option<NaiveDate>,
    /// Cost in MCI; `None` when unknown.
    mci: Option<i64>,
    per_month: bool,
    documents: Vec<String>,
    link: Option<String>,
}

impl<'a> Assessment<'a> {
    fn run(&mut self) -> Status {
        let Some(code) = self.p.citizenship.clone() else {
            self.note(NoteKind::NeedCitizenship, None);
            return Status::Unknown;
        };
        if code.as_str() == self.cat.home_country() {
            self.note(NoteKind::HomeCitizen, None);
            return Status::Unknown;
        }
        let placement = self.cat.placement(code.as_str());
        let group = placement.group;
        self.group_notes(placement);

        let entry = self.p.entry;
        let trp = self.held(DocKind::Trp, entry);
        let visa = self.held(DocKind::Visa, entry);
        let basis = self.basis(placement, trp, visa);

        let status = match basis {
            Basis::Trp(end) => {
                let rule = trp_rule(self.p.purpose);
                self.deadline(DeadlineKind::TrpEnd, end, rule);
                self.status_rule = Some(rule.to_string());
                Status::on(self.today, end)
            }
            Basis::Visa(end) => {
                let rule = visa_rule(self.p.purpose);
                self.deadline(DeadlineKind::VisaEnd, end, rule);
                self.status_rule = Some(rule.to_string());
                Status::on(self.today, end)
            }
            Basis::VisaFree(last) => {
                self.deadline(DeadlineKind::StayLimit, last, &group.rule);
                self.status_rule = Some(group.rule.clone());
                let weakest = placement
                    .row
                    .map_or(group.confidence, |r| r.confidence.min(group.confidence));
                if weakest < Confidence::High {
                    self.note(
                        NoteKind::CountryUncertain {
                            confidence: weakest,
                        },
                        Some(&group.rule),
                    );
                }
                Status::on(self.today, last)
            }
            Basis::Unknown => Status::Unknown,
        };

        if let Some(entry) = entry {
            self.host_notice(entry);
        }
        self.route(code.as_str(), group, basis, trp);
        if let (Basis::VisaFree(_), Some(entry)) = (basis, entry) {
            self.self_registration(group, entry);
        }

        match status {
            Status::Legal { last_legal_day, .. } => {
                let staying = self
                    .steps
                    .iter()
                    .any(|s| STAYING_STEPS.contains(&s.id.as_str()));
                if !staying && matches!(basis, Basis::VisaFree(_) | Basis::Visa(_)) {
                    let rule = self
                        .status_rule
                        .clone()
                        .unwrap_or_else(|| group.rule.clone());
                    self.step(StepSpec {
                        id: "leave_by_last_day",
                        rule: &rule,
                        due: Some(last_legal_day),
                        mci: None,
                        per_month: false,
                        documents: Vec::new(),
                        link: None,
                    });
                }
            }
            Status::Overstay { overstay_days, .. } => self.overstay(overstay_days),
            Status::Unknown => {}
        }
        status
    }

    /// Notes the data attaches to the group or the country row.
    fn group_notes(&mut self, placement: Placement<'_>) {
        let mut notes: Vec<GroupNote> = placement.group.notes.clone();
        if let Some(row) = placement.row {
            notes.extend(row.notes.iter().copied());
        }
        for n in notes {
            let kind = NoteKind::of_group(n, placement.group);
            let rule = placement.group.rule.clone();
            self.note(kind, Some(&rule));
        }
    }

    /// Whether a document with an end date is held and covers this stay. A document
    /// that ended before the entry does not cover it; the note lets the user correct a
    /// typo rather than silently trusting or dropping the date.
    fn held(&mut self, kind: DocKind, entry: Option<NaiveDate>) -> Held {
        if !self.p.holds(kind) {
            return Held::No;
        }
        match self.p.end_of(kind) {
            None => {
                let note = match kind {
                    DocKind::Trp => NoteKind::NeedTrpEnd,
                    _ => NoteKind::NeedVisaEnd,
                };
                self.note(note, None);
                Held::NoEnd
            }
            Some(end) if entry.is_some_and(|e| end < e) => {
                let note = match kind {
                    DocKind::Trp => NoteKind::TrpEndedBeforeEntry,
                    _ => NoteKind::VisaEndedBeforeEntry,
                };
                self.note(note, None);
                Held::No
            }
            Some(end) => Held::Until(end),
        }
    }

    /// A TRP governs over a visa, a visa over the visa-free limits; a held document
    /// without an end date leaves the status unknown rather than guessed.
    fn basis(&mut self, placement: Placement<'_>, trp: Held, visa: Held) -> Basis {
        let group = placement.group;
        match (trp, visa) {
            (Held::Until(end), _) => return Basis::Trp(end),
            (Held::NoEnd, _) => return Basis::Unknown,
            (Held::No, Held::Until(end)) => return Basis::Visa(end),
            (Held::No, Held::NoEnd) => return Basis::Unknown,
            (Held::No, Held::No) => {}
        }
        if !group.visa_free {
            let note = if placement.row.is_some() {
                NoteKind::VisaRequired
            } else {
                NoteKind::NotInTable
            };
            self.note(note, Some(&group.rule));
            return Basis::Unknown;
        }
        let Some(entry) = self.p.entry else {
            self.note(NoteKind::NeedEntry, None);
            return Basis::Unknown;
        };
        if let Some(from) = group.valid_from {
            if entry < from {
                self.note(NoteKind::RulesBefore { date: from }, Some(&group.rule));
                return Basis::Unknown;
            }
        }
        match self.visa_free_last(group, entry) {
            Some(last) => Basis::VisaFree(last),
            None => Basis::Unknown,
        }
    }

    /// The last legal day of a visa-free stay: the earlier of the per-entry limit and
    /// the rolling-window limit, never before the entry day. `None` when the earlier
    /// days are unknown and the worst case would leave no day after today.
    ///
    /// The earlier days, best first:
    /// - the user's trips: counted exactly, day by day (`rules::trips`);
    /// - "about N days": assumed right before the entry, which gives the earliest date
    ///   any real placement could (the safe side); the plan says trips would be exact;
    /// - "I don't know": counting none (as before) could promise days the person does
    ///   not have, which costs a fine. The worst case the rules allow is a window full
    ///   up to this entry (an entry is legal with up to max - 1 days before it), and
    ///   then the entry day is the last legal day. That is only an answer while it is
    ///   not already past; after it, the plan says it cannot tell (status unknown) and
    ///   sends the person to the border service's record of their crossings, with the
    ///   no-earlier-days date shown only as an upper bound.
    fn visa_free_last(&mut self, group: &Group, entry: NaiveDate) -> Option<NaiveDate> {
        let per_entry = group.per_entry_days.map(|n| nth_day(entry, n));
        let Some(w) = group.window else {
            return Some(per_entry.unwrap_or(entry));
        };
        self.note(NoteKind::ExitDayCounted, Some(&group.rule));
        let limits = Limits {
            window_days: w.days,
            max_in_window: w.limit,
            per_entry: group.per_entry_days,
        };
        let planned = entry > self.today;
        if planned {
            self.note(NoteKind::PlannedTrip { date: entry }, Some(&group.rule));
        }
        // Trips that ended before the window's reach change nothing; any other fault
        // (the command line and the dialogue refuse them) falls to "don't know".
        let reach: Vec<Trip> = self
            .p
            .trips
            .iter()
            .copied()
            .filter(|t| (entry - t.exit).num_days() < w.days)
            .collect();
        let checked = trips::validate(&reach, entry, w.days);
        let (earlier, exact, unknown) = match (&checked, self.p.prior_days) {
            (Ok(list), _) if !self.p.trips.is_empty() => (list.clone(), true, false),
            (Err(_), _) => (Vec::new(), false, true),
            (_, Some(PriorDays::None)) => (Vec::new(), true, false),
            (_, Some(PriorDays::Known(n))) => {
                let n = i64::from(n);
                if n > 0 {
                    self.note(NoteKind::PriorDaysApproximate, Some(&group.rule));
                }
                let assumed = prior_stay(entry, n, w.days)
                    .map(|s| Trip::new(s.first, s.last))
                    .into_iter()
                    .collect();
                (assumed, false, false)
            }
            (_, Some(PriorDays::Unknown)) => (Vec::new(), false, true),
            // Not asked yet: counted as none, with the note that says so.
            (_, None) => {
                self.note(NoteKind::PriorDaysUnknown, Some(&group.rule));
                (Vec::new(), false, false)
            }
        };
        let last = if unknown {
            let best = trips::last_legal_day(&[], entry, limits).unwrap_or(entry);
            self.note(
                NoteKind::PriorDaysWorstCase {
                    date: best,
                    window_days: w.days,
                },
                Some(&group.rule),
            );
            let worst = entry;
            if worst < self.today {
                self.window = Some(WindowStatus {
                    days_used_in_window: 0,
                    full_stay_from: None,
                    planned,
                    exact: false,
                });
                return None;
            }
            worst
        } else {
            match trips::last_legal_day(&earlier, entry, limits) {
                Some(last) => last,
                None => {
                    // The window was full before this entry. The last legal day cannot
                    // be before the entry; the note sends the person to the police.
                    self.note(NoteKind::WindowUsedUp, Some(&group.rule));
                    entry
                }
            }
        };
        let last = per_entry.map_or(last, |p| p.min(last));
        let current = if planned { None } else { Some(entry) };
        let used = trips::days_used_in_window(&earlier, current, self.today, w.days);
        let full_stay_from = (!unknown).then(|| {
            let mut all = earlier.clone();
            all.push(Trip::new(entry, last));
            let from = trips::full_stay_from(&all, last, limits);
            self.note(
                NoteKind::FullStayFrom {
                    date: from,
                    days: limits.full_stay(),
                },
                Some(&group.rule),
            );
            from
        });
        if exact {
            for back in trips::days_coming_back(&earlier, self.today, w.days, 3) {
                self.note(
                    NoteKind::DaysBack {
                        date: back.date,
                        days: back.days,
                        window_days: w.days,
                    },
                    Some(&group.rule),
                );
            }
        }
        self.window = Some(WindowStatus {
            days_used_in_window: used,
            full_stay_from,
            planned,
            exact,
        });
        Some(last)
    }

    /// R6: the host notifies the police within N working days of arrival.
    fn host_notice(&mut self, entry: NaiveDate) {
        let cat = self.cat;
        let n = cat.params().host_notice_working_days;
        let due = nth_working_day(entry, n, &|d| cat.is_holiday(d));
        for year in entry.year()..=due.year() {
            if !cat.has_holidays_for(year) {
                self.note(NoteKind::HolidaysUnknown { year }, Some("R6"));
            }
        }
        self.deadline(DeadlineKind::HostNotice, due, "R6");
        self.step(StepSpec {
            id: "host_notice_check",
            rule: "R6",
            due: Some(due),
            mci: None,
            per_month: false,
            documents: Vec::new(),
            link: self.link("R6"),
        });
        if entry >= cat.params().self_registration_from {
            let date = cat.params().self_registration_from;
            self.note(
                NoteKind::HostNoticeAfterSelfRegistration { date },
                Some("R6"),
            );
        }
    }

    /// R7: from its start date, visa-free immigrants register by day 30 of their stay.
    /// Only for someone who may still be here on that day: a group whose stays can last
    /// longer, or a plan that leads to staying on (a TRP, kandas, a permit).
    fn self_registration(&mut self, group: &Group, entry: NaiveDate) {
        let params = self.cat.params();
        if !group.self_registration || entry < params.self_registration_from {
            return;
        }
        let days = params.self_registration_days;
        let staying = self
            .steps
            .iter()
            .any(|s| STAYING_STEPS.contains(&s.id.as_str()));
        if group.max_stay_days().is_none_or(|max| max <= days) && !staying {
            return;
        }
        let due = nth_day(entry, days);
        self.deadline(DeadlineKind::Registration, due, "R7");
        self.step(StepSpec {
            id: "self_register",
            rule: "R7",
            due: Some(due),
            mci: None,
            per_month: false,
            documents: vec!["passport".to_string()],
            link: self.link("R7"),
        });
        let move_days = params.self_registration_move_working_days;
        self.note(
            NoteKind::SelfRegistrationMove { days: move_days },
            Some("R7"),
        );
    }

    /// The steps of the person's route, by purpose.
    fn route(&mut self, code: &str, group: &Group, basis: Basis, trp: Held) {
        let params = self.cat.params();
        let eaeu = group.id == params.eaeu_group;
        let entry = self.p.entry;
        // The day by which a TRP is needed: the end of the current cover, and for a
        // visa-free stay no later than the day the stay passes R9's threshold.
        let trp_due = match basis {
            Basis::VisaFree(last) => {
                let over = if eaeu {
                    params.trp_stay_over_days_eaeu
                } else {
                    params.trp_stay_over_days
                };
                Some(entry.map_or(last, |e| last.min(nth_day(e, over))))
            }
            other => other.end(),
        };
        let visa_free = matches!(basis, Basis::VisaFree(_));
        match self.p.purpose {
            Some(Purpose::Work) => {
                if visa_free && !eaeu {
                    self.note(NoteKind::NoPaidWorkVisaFree, Some("R1"));
                }
                if visa_free && !group.study_allowed {
                    self.note(NoteKind::NoWorkOrStudyVisaFree, Some("R1"));
                }
                match self.p.employer {
                    Some(Employer::Household | Employer::Company) if eaeu => {
                        self.eaeu_worker(basis, trp, trp_due, eaeu)
                    }
                    Some(Employer::Household) => {
                        if params.household_eligible.contains(code) {
                            self.household_worker(basis, trp, trp_due, eaeu);
                        } else if params.household_eligible_unconfirmed.contains(code) {
                            self.note(NoteKind::HouseholdEligibilityUnconfirmed, Some("R11"));
                            self.household_worker(basis, trp, trp_due, eaeu);
                        } else {
                            self.note(NoteKind::HouseholdNotEligible, Some("R11"));
                        }
                    }
                    Some(Employer::Company) => self.company_worker(basis, trp, trp_due, eaeu),
                    Some(Employer::Abroad) => self.note(NoteKind::RemoteWork, Some("R18")),
                    None => self.note(NoteKind::NeedEmployer, None),
                }
            }
            Some(Purpose::Study) => {
                if visa_free && !group.study_allowed {
                    self.note(NoteKind::NoWorkOrStudyVisaFree, Some("R1"));
                }
                self.trp("study_trp", "R15", basis, trp, trp_due, eaeu);
                self.note(NoteKind::StudentRules, Some("R15"));
            }
            Some(Purpose::Family) => {
                self.trp("family_trp", "R16", basis, trp, trp_due, eaeu);
                self.note(NoteKind::FamilyTerm, Some("R16"));
            }
            Some(Purpose::Business) => self.trp("apply_trp", "R9", basis, trp, trp_due, eaeu),
            Some(Purpose::Kandas) => {
                self.note(NoteKind::KandasClockRuns, Some("R17"));
                let fee = params.kandas_fee_mci;
                self.step(StepSpec {
                    id: "kandas_apply",
                    rule: "R17",
                    due: basis.end(),
                    mci: Some(fee),
                    per_month: false,
                    documents: vec!["passport".to_string()],
                    link: self.link("R17"),
                });
            }
            Some(Purpose::Nomad) => {
                self.note(NoteKind::NomadNoLocalWork, Some("R18"));
                if !self.p.holds(DocKind::Visa) {
                    let documents = self.documents("R18");
                    self.step(StepSpec {
                        id: "nomad_visa_apply",
                        rule: "R18",
                        due: basis.end(),
                        mci: None,
                        per_month: false,
                        documents,
                        link: self.link("R18"),
                    });
                }
            }
            Some(Purpose::Visit | Purpose::Other) | None => {
                if let Basis::Trp(_) = basis {
                    self.trp("apply_trp", "R9", basis, trp, trp_due, eaeu);
                }
            }
        }
    }

    /// EAEU citizens work on a registered contract without any permit (R2), and need a
    /// TRP to stay past 90 days (R10).
    fn eaeu_worker(&mut self, basis: Basis, trp: Held, trp_due: Option<NaiveDate>, eaeu: bool) {
        self.step(StepSpec {
            id: "register_contract",
            rule: "R2",
            due: None,
            mci: None,
            per_month: false,
            documents: vec!["employment_contract".to_string()],
            link: None,
        });
        self.iin(trp_due);
        self.trp("apply_trp", "R10", basis, trp, trp_due, eaeu);
    }

    /// Household work for a private person (R11): IIN, the advance tax, the permit,
    /// then a TRP for the permit's term.
    fn household_worker(
        &mut self,
        basis: Basis,
        trp: Held,
        trp_due: Option<NaiveDate>,
        eaeu: bool,
    ) {
        let params = self.cat.params();
        let tax_mci = params.labour_tax_mci_per_month;
        let permit_end = if self.p.holds(DocKind::LabourPermit) {
            match self.p.end_of(DocKind::LabourPermit) {
                Some(end) => Some(end),
                None => {
                    self.note(NoteKind::NeedPermitEnd, Some("R11"));
                    None
                }
            }
        } else {
            None
        };
        let holds_permit = self.p.holds(DocKind::LabourPermit);
        // The permit (and the tax paid before it) is due when the current cover ends;
        // an extension when the permit itself ends.
        let permit_due = if holds_permit { permit_end } else { trp_due };
        if !holds_permit {
            self.iin(permit_due);
        }
        if let Some(end) = permit_end {
            self.deadline(DeadlineKind::PermitEnd, end, "R11");
        }
        if !holds_permit || permit_end.is_some() {
            if let Some(due) = permit_due {
                self.deadline(DeadlineKind::TaxPrepayment, due, "R12");
            }
            self.step(StepSpec {
                id: "labour_tax_prepay",
                rule: "R12",
                due: permit_due,
                mci: Some(tax_mci),
                per_month: true,
                documents: Vec::new(),
                link: None,
            });
            let documents = self.documents("R11");
            self.step(StepSpec {
                id: if holds_permit {
                    "labour_permit_extend"
                } else {
                    "labour_permit_apply"
                },
                rule: "R11",
                due: permit_due,
                mci: None,
                per_month: false,
                documents,
                link: self.link("R11"),
            });
        }
        if let Some(entry) = self.p.entry {
            let months = params.border_mark_months;
            let until = last_day_of_months(entry, months);
            self.deadline(DeadlineKind::DocumentValidity, until, "R11");
        }
        self.note(NoteKind::LabourPermitTermUnconfirmed, Some("R11"));
        self.trp("apply_trp", "R10", basis, trp, trp_due, eaeu);
    }

    /// A company hires staff from outside the EAEU with its own permit (R13); the
    /// worker checks it, gets an IIN and a TRP for the permit's term.
    fn company_worker(&mut self, basis: Basis, trp: Held, trp_due: Option<NaiveDate>, eaeu: bool) {
        match self.p.end_of(DocKind::WorkPermit) {
            Some(end) => {
                self.deadline(DeadlineKind::PermitEnd, end, "R13");
                self.step(StepSpec {
                    id: "employer_permit_renewal",
                    rule: "R13",
                    due: Some(end),
                    mci: None,
                    per_month: false,
                    documents: Vec::new(),
                    link: self.link("R13"),
                });
            }
            None => {
                if self.p.holds(DocKind::WorkPermit) {
                    self.note(NoteKind::NeedPermitEnd, Some("R13"));
                }
                self.step(StepSpec {
                    id: "employer_permit_check",
                    rule: "R13",
                    due: trp_due,
                    mci: None,
                    per_month: false,
                    documents: Vec::new(),
                    link: self.link("R13"),
                });
            }
        }
        self.iin(trp_due);
        self.trp("apply_trp", "R10", basis, trp, trp_due, eaeu);
    }

    /// R14: an IIN, unless the person has one. Due with the step that needs it.
    fn iin(&mut self, due: Option<NaiveDate>) {
        if self.p.holds(DocKind::Iin) {
            return;
        }
        let fee = self.cat.params().iin_fee_mci;
        let documents = self.documents("R14");
        self.step(StepSpec {
            id: "get_iin",
            rule: "R14",
            due,
            mci: Some(fee),
            per_month: false,
            documents,
            link: self.link("R14"),
        });
    }

    /// A TRP under `rule`: renewed by its end date if held, otherwise applied for by
    /// `due`. The documents are R9's, with the purpose's own in place of "documents
    /// for the purpose", and without health insurance for EAEU citizens (R9).
    fn trp(
        &mut self,
        new_id: &'static str,
        rule: &str,
        basis: Basis,
        trp: Held,
        due: Option<NaiveDate>,
        eaeu: bool,
    ) {
        let mut documents = Vec::new();
        for doc in self.documents("R9") {
            if doc == "purpose_documents" && rule != "R9" {
                documents.extend(self.documents(rule));
            } else if !(eaeu && doc == "health_insurance") {
                documents.push(doc);
            }
        }
        let (id, due) = match (basis, trp) {
            (Basis::Trp(end), _) => ("renew_trp", Some(end)),
            (_, Held::NoEnd) => ("renew_trp", None),
            _ => (new_id, due),
        };
        let link = self.link(rule).or_else(|| self.link("R9"));
        self.step(StepSpec {
            id,
            rule,
            due,
            mci: None,
            per_month: false,
            documents,
            link,
        });
        self.note(NoteKind::TrpFeeUnknown, Some("R9"));
        if rule == "R10" && matches!(basis, Basis::Trp(_)) {
            let days = self.cat.params().employer_change_days;
            self.note(NoteKind::EmployerChange { days }, Some("R10"));
        }
    }

    /// R8: what an overstay means and what to do now. Never "it is fine".
    fn overstay(&mut self, days: i64) {
        let params = self.cat.params();
        let link = self.link("R8");
        self.step(StepSpec {
            id: "leave_or_regularise",
            rule: "R8",
            due: Some(self.today),
            mci: None,
            per_month: false,
            documents: vec!["passport".to_string()],
            link,
        });
        let kind = if days <= params.overstay_warning_max_days {
            NoteKind::OverstayWarning {
                max_days: params.overstay_warning_max_days,
            }
        } else if days <= params.overstay_fine_max_days {
            let mci = params.overstay_fine_mci;
            let (cost, _) = self.price(mci, self.today);
            NoteKind::OverstayFine {
                max_days: params.overstay_fine_max_days,
                mci,
                cost_kzt: cost,
            }
        } else {
            NoteKind::OverstayLonger {
                over_days: params.overstay_fine_max_days,
            }
        };
        self.note(kind, Some("R8"));
        let years = params.overstay_ban_years;
        self.note(NoteKind::OverstayBan { years }, Some("R8"));
    }

    /// `mci` MCI in tenge, from the MCI of the year of `on`; a year the catalogue lacks
    /// borrows the nearest known year's value and the plan says it is an estimate.
    fn price(&mut self, mci: i64, on: NaiveDate) -> (i64, bool) {
        if mci == 0 {
            return (0, false);
        }
        let year = on.year();
        match self.cat.mci_or_nearest(year) {
            Some((kzt, used)) => {
                let estimated = used != year;
                if estimated {
                    self.note(
                        NoteKind::CostEstimate {
                            year,
                            used_year: used,
                        },
                        None,
                    );
                }
                (kzt.saturating_mul(mci), estimated)
            }
            // A validated catalogue always has one year; kept total anyway.
            None => (0, true),
        }
    }

    fn documents(&self, rule: &str) -> Vec<String> {
        self.cat
            .rule(rule)
            .map(|r| r.documents.clone())
            .unwrap_or_default()
    }

    fn link(&self, rule: &str) -> Option<String> {
        self.cat.rule(rule).and_then(|r| r.link.clone())
    }

    fn step(&mut self, spec: StepSpec<'_>) {
        if self.steps.iter().any(|s| s.id == spec.id) {
            return;
        }
        let (cost_kzt, cost_estimated) = match spec.mci {
            Some(mci) => {
                let (kzt, est) = self.price(mci, spec.due.unwrap_or(self.today));
                (Some(kzt), est)
            }
            None => (None, false),
        };
        self.steps.push(Step {
            id: spec.id.to_string(),
            rule: spec.rule.to_string(),
            due: spec.due,
            cost_kzt,
            cost_per_month: spec.per_month,
            cost_estimated,
            documents: spec.documents,
            link: spec.link,
            done: self.p.done_steps.contains(spec.id),
        });
    }

    fn deadline(&mut self, kind: DeadlineKind, date: NaiveDate, rule: &str) {
        let d = Deadline {
            kind,
            date,
            rule: rule.to_string(),
        };
        if !self.deadlines.contains(&d) {
            self.deadlines.push(d);
        }
    }

    fn note(&mut self, kind: NoteKind, rule: Option<&str>) {
        let note = Note {
            kind,
            rule: rule.map(str::to_string),
        };
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// Orders everything, collects the rules used and adds the note asking to confirm
    /// whatever rests on less than high confidence.
    fn finish(mut self, status: Status) -> Plan {
        self.deadlines.sort_by_key(|d| (d.date, d.kind));
        self.steps
            .sort_by_key(|s| (s.due.is_none(), s.due, step_rank(&s.id)));

        let mut used: BTreeSet<&str> = BTreeSet::new();
        if let Some(r) = &self.status_rule {
            used.insert(r);
        }
        used.extend(self.deadlines.iter().map(|d| d.rule.as_str()));
        used.extend(self.steps.iter().map(|s| s.rule.as_str()));
        used.extend(self.notes.iter().filter_map(|n| n.rule.as_deref()));
        // Catalogue order (R1, R2, R6, ..., R19) rather than string order.
        let rules_used: Vec<String> = self
            .cat
            .rules()
            .iter()
            .filter(|r| used.contains(r.id.as_str()))
            .map(|r| r.id.clone())
            .collect();
        let uncertain: Vec<String> = self
            .cat
            .rules()
            .iter()
            .filter(|r| used.contains(r.id.as_str()) && r.confidence < Confidence::High)
            .map(|r| r.id.clone())
            .collect();
        if !uncertain.is_empty() {
            self.note(NoteKind::ConfirmUncertain { rules: uncertain }, None);
        }
        Plan {
            today: self.today,
            status,
            deadlines: self.deadlines,
            steps: self.steps,
            notes: self.notes,
            rules_used,
            window: self.window,
        }
    }
}

/// The rule a held TRP falls under, by purpose.
fn trp_rule(purpose: Option<Purpose>) -> &'static str {
    match purpose {
        Some(Purpose::Work) => "R10",
        Some(Purpose::Study) => "R15",
        Some(Purpose::Family) => "R16",
        _ => "R9",
    }
}

/// The rule a visa end date falls under: the student's (R15) or the nomad's (R18)
/// visa, else the overstay rule (R8), which is what passing the visa's end means.
fn visa_rule(purpose: Option<Purpose>) -> &'static str {
    match purpose {
        Some(Purpose::Study) => "R15",
        Some(Purpose::Nomad) => "R18",
        _ => "R8",
    }
}
