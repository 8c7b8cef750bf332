//! The golden table of the Kazakhstan rules: one case per route, country group, rule and
//! boundary, each with the exact dates the plan must carry, the steps and rules that
//! must appear and those that must not; then properties over arbitrary profiles.
//!
//! Dates were worked out by hand from the fact sheet (entry day is day 1; the 90/180
//! window counts the exit day; earlier days sit right before the entry; working days
//! skip weekends and the catalogue's holidays) and cross-checked with a calendar.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use jolserik::domain::{CountryCode, DocKind, Employer, PriorDays, Profile, Purpose};
use jolserik::rules::plan::{DeadlineKind, Plan, Status};
use jolserik::rules::{assess, Catalogue};
use proptest::prelude::*;

/// Any two upper-case letters is a country, except "XX".
fn known(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()) && code != "XX"
}

fn cat() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| Catalogue::embedded(&known).expect("the embedded catalogue is valid"))
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

#[derive(Debug, Clone, Copy)]
enum Expect {
    Legal(&'static str),
    Overstay(&'static str, i64),
    Unknown,
}

/// One row of the golden table, built with chained setters.
#[derive(Debug, Clone)]
struct Case {
    name: &'static str,
    profile: Profile,
    today: &'static str,
    status: Option<Expect>,
    deadlines: Vec<(DeadlineKind, &'static str, &'static str)>,
    no_deadlines: Vec<DeadlineKind>,
    steps: Vec<(&'static str, Option<&'static str>)>,
    no_steps: Vec<&'static str>,
    order: Vec<&'static str>,
    rules: Vec<&'static str>,
    no_rules: Vec<&'static str>,
    notes: Vec<&'static str>,
    no_notes: Vec<&'static str>,
    costs: Vec<(&'static str, i64)>,
    step_rules: Vec<(&'static str, &'static str)>,
    docs: Vec<(&'static str, &'static str, bool)>,
}

fn case(name: &'static str, today: &'static str) -> Case {
    Case {
        name,
        profile: Profile::default(),
        today,
        status: None,
        deadlines: Vec::new(),
        no_deadlines: Vec::new(),
        steps: Vec::new(),
        no_steps: Vec::new(),
        order: Vec::new(),
        rules: Vec::new(),
        no_rules: Vec::new(),
        notes: Vec::new(),
        no_notes: Vec::new(),
        costs: Vec::new(),
        step_rules: Vec::new(),
        docs: Vec::new(),
    }
}

impl Case {
    fn of(mut self, code: &str) -> Self {
        self.profile.citizenship = CountryCode::parse(code);
        self
    }
    fn entry(mut self, date: &str) -> Self {
        self.profile.entry = Some(d(date));
        self
    }
    fn prior(mut self, p: PriorDays) -> Self {
        self.profile.prior_days = Some(p);
        self
    }
    fn known_prior(self, n: u16) -> Self {
        self.prior(PriorDays::Known(n))
    }
    fn trip(mut self, entry: &str, exit: &str) -> Self {
        self.profile
            .trips
            .push(jolserik::domain::Trip::new(d(entry), d(exit)));
        self
    }
    fn purpose(mut self, p: Purpose) -> Self {
        self.profile.purpose = Some(p);
        self
    }
    fn work(mut self, e: Employer) -> Self {
        self.profile.purpose = Some(Purpose::Work);
        self.profile.employer = Some(e);
        self
    }
    fn holds(mut self, kind: DocKind, end: Option<&str>) -> Self {
        self.profile
            .documents
            .get_or_insert_with(BTreeSet::new)
            .insert(kind);
        if let Some(end) = end {
            self.profile.document_ends.insert(kind, d(end));
        }
        self
    }
    fn no_docs(mut self) -> Self {
        self.profile.documents = Some(BTreeSet::new());
        self
    }
    fn legal(mut self, last: &'static str) -> Self {
        self.status = Some(Expect::Legal(last));
        self
    }
    fn overstay(mut self, last: &'static str, days: i64) -> Self {
        self.status = Some(Expect::Overstay(last, days));
        self
    }
    fn unknown(mut self) -> Self {
        self.status = Some(Expect::Unknown);
        self
    }
    fn deadline(mut self, kind: DeadlineKind, date: &'static str, rule: &'static str) -> Self {
        self.deadlines.push((kind, date, rule));
        self
    }
    fn no_deadline(mut self, kind: DeadlineKind) -> Self {
        self.no_deadlines.push(kind);
        self
    }
    fn step(mut self, id: &'static str, due: &'static str) -> Self {
        self.steps.push((id, Some(due)));
        self
    }
    fn undated_step(mut self, id: &'static str) -> Self {
        self.steps.push((id, None));
        self
    }
    fn no_step(mut self, id: &'static str) -> Self {
        self.no_steps.push(id);
        self
    }
    fn order(mut self, ids: &[&'static str]) -> Self {
        self.order = ids.to_vec();
        self
    }
    fn rules(mut self, ids: &[&'static str]) -> Self {
        self.rules.extend_from_slice(ids);
        self
    }
    fn no_rules(mut self, ids: &[&'static str]) -> Self {
        self.no_rules.extend_from_slice(ids);
        self
    }
    fn note(mut self, id: &'static str) -> Self {
        self.notes.push(id);
        self
    }
    fn no_note(mut self, id: &'static str) -> Self {
        self.no_notes.push(id);
        self
    }
    fn cost(mut self, step: &'static str, kzt: i64) -> Self {
        self.costs.push((step, kzt));
        self
    }
    fn step_rule(mut self, step: &'static str, rule: &'static str) -> Self {
        self.step_rules.push((step, rule));
        self
    }
    fn doc(mut self, step: &'static str, doc: &'static str) -> Self {
        self.docs.push((step, doc, true));
        self
    }
    fn no_doc(mut self, step: &'static str, doc: &'static str) -> Self {
        self.docs.push((step, doc, false));
        self
    }

    fn plan(&self) -> Plan {
        assess(cat(), &self.profile, d(self.today))
    }

    /// Every failed expectation of the case, as text (empty when it passes).
    fn failures(&self) -> Vec<String> {
        let plan = self.plan();
        let mut f = Vec::new();
        let today = d(self.today);
        match (self.status, plan.status) {
            (None, _) => {}
            (
                Some(Expect::Legal(last)),
                Status::Legal {
                    last_legal_day,
                    days_left,
                },
            ) => {
                if last_legal_day != d(last) || days_left != (d(last) - today).num_days() {
                    f.push(format!(
                        "status Legal({last_legal_day}, {days_left}), want {last}"
                    ));
                }
            }
            (
                Some(Expect::Overstay(last, n)),
                Status::Overstay {
                    last_legal_day,
                    overstay_days,
                },
            ) => {
                if last_legal_day != d(last) || overstay_days != n {
                    f.push(format!(
                        "status Overstay({last_legal_day}, {overstay_days}), want ({last}, {n})"
                    ));
                }
            }
            (Some(Expect::Unknown), Status::Unknown) => {}
            (Some(want), got) => f.push(format!("status {got:?}, want {want:?}")),
        }
        for (kind, date, rule) in &self.deadlines {
            match plan.deadline(*kind) {
                Some(dl) if dl.date == d(date) && dl.rule == *rule => {}
                other => f.push(format!(
                    "deadline {kind:?}: got {other:?}, want {date} {rule}"
                )),
            }
        }
        for kind in &self.no_deadlines {
            if let Some(dl) = plan.deadline(*kind) {
                f.push(format!("unexpected deadline {dl:?}"));
            }
        }
        for (id, due) in &self.steps {
            match plan.step(id) {
                Some(s) if s.due == due.map(d) => {}
                Some(s) => f.push(format!("step {id} due {:?}, want {due:?}", s.due)),
                None => f.push(format!("missing step {id}")),
            }
        }
        for id in &self.no_steps {
            if plan.has_step(id) {
                f.push(format!("unexpected step {id}"));
            }
        }
        if !self.order.is_empty() {
            let got: Vec<&str> = plan
                .steps
                .iter()
                .map(|s| s.id.as_str())
                .filter(|id| self.order.contains(id))
                .collect();
            if got != self.order {
                f.push(format!("step order {got:?}, want {:?}", self.order));
            }
        }
        for r in &self.rules {
            if !plan.uses_rule(r) {
                f.push(format!("rule {r} not used"));
            }
        }
        for r in &self.no_rules {
            if plan.uses_rule(r) {
                f.push(format!("rule {r} used"));
            }
        }
        for n in &self.notes {
            if !plan.has_note(n) {
                f.push(format!("missing note {n}"));
            }
        }
        for n in &self.no_notes {
            if plan.has_note(n) {
                f.push(format!("unexpected note {n}"));
            }
        }
        for (id, kzt) in &self.costs {
            match plan.step(id) {
                Some(s) if s.cost_kzt == Some(*kzt) => {}
                other => f.push(format!(
                    "cost of {id}: {:?}, want {kzt}",
                    other.map(|s| s.cost_kzt)
                )),
            }
        }
        for (id, rule) in &self.step_rules {
            match plan.step(id) {
                Some(s) if s.rule == *rule => {}
                other => f.push(format!(
                    "rule of {id}: {:?}, want {rule}",
                    other.map(|s| &s.rule)
                )),
            }
        }
        for (id, doc, present) in &self.docs {
            match plan.step(id) {
                Some(s) if s.documents.iter().any(|x| x == doc) == *present => {}
                Some(s) => f.push(format!(
                    "documents of {id}: {:?}; {doc} should be present: {present}",
                    s.documents
                )),
                None => f.push(format!("missing step {id} (documents)")),
            }
        }
        f
    }
}

use DeadlineKind::*;
use DocKind::*;
use Employer::*;

fn cases() -> Vec<Case> {
    vec![
        // ---- EAEU (R2) ------------------------------------------------------------------
        case(
            "eaeu visitor: 90 days, self-registration, no permit",
            "2026-11-21",
        )
        .of("RU")
        .entry("2026-11-01")
        .prior(PriorDays::None)
        .purpose(Purpose::Visit)
        .legal("2027-01-29")
        .deadline(StayLimit, "2027-01-29", "R2")
        .deadline(HostNotice, "2026-11-04", "R6")
        .deadline(Registration, "2026-11-30", "R7")
        .step("host_notice_check", "2026-11-04")
        .step("self_register", "2026-11-30")
        .step("leave_by_last_day", "2027-01-29")
        .order(&["host_notice_check", "self_register", "leave_by_last_day"])
        .rules(&["R2", "R6", "R7"])
        .no_rules(&["R1", "R11", "R13"])
        .no_step("labour_permit_apply")
        .no_step("employer_permit_check")
        .no_step("apply_trp")
        .note("exit_day_counted")
        .note("host_notice_after_self_registration")
        .no_note("prior_days_unknown"),
        case(
            "eaeu worker at a company: contract, IIN, TRP past 90 days, no permit",
            "2026-11-21",
        )
        .of("KG")
        .entry("2026-09-01")
        .known_prior(0)
        .work(Company)
        .legal("2026-11-29")
        .undated_step("register_contract")
        .step("get_iin", "2026-11-29")
        .step("apply_trp", "2026-11-29")
        .step_rule("apply_trp", "R10")
        .no_doc("apply_trp", "health_insurance")
        .doc("apply_trp", "employment_contract")
        .deadline(Registration, "2026-09-30", "R7")
        .no_step("labour_permit_apply")
        .no_step("employer_permit_check")
        .no_step("labour_tax_prepay")
        .no_step("leave_by_last_day")
        .no_rules(&["R11", "R12", "R13"])
        .rules(&["R2", "R10", "R14"])
        .no_note("no_paid_work_visa_free"),
        case(
            "eaeu household worker takes the EAEU route, not R11",
            "2026-11-21",
        )
        .of("AM")
        .entry("2026-09-01")
        .known_prior(0)
        .work(Household)
        .legal("2026-11-29")
        .step("apply_trp", "2026-11-29")
        .no_step("labour_permit_apply")
        .no_step("labour_tax_prepay")
        .no_note("household_not_eligible")
        .no_rules(&["R11", "R12"]),
        case(
            "eaeu worker holding a TRP: the TRP governs, renew before its end",
            "2026-11-21",
        )
        .of("BY")
        .entry("2026-01-10")
        .work(Company)
        .holds(Trp, Some("2027-06-30"))
        .holds(Iin, None)
        .legal("2027-06-30")
        .deadline(TrpEnd, "2027-06-30", "R10")
        .no_deadline(StayLimit)
        .no_deadline(Registration)
        .step("renew_trp", "2027-06-30")
        .no_step("apply_trp")
        .no_step("get_iin")
        .note("employer_change")
        .note("trp_fee_unknown"),
        case("eaeu with 60 earlier days: 30 left", "2026-10-10")
            .of("RU")
            .entry("2026-10-01")
            .known_prior(60)
            .purpose(Purpose::Visit)
            .legal("2026-10-30")
            .deadline(StayLimit, "2026-10-30", "R2"),
        // Unknown earlier days no longer count as none: in the worst case the window
        // was full up to the entry, which is past by 10 October, so the bot cannot
        // tell and says how to find out (issue 13).
        case(
            "eaeu with unknown earlier days: cannot tell, with the worst-case note",
            "2026-10-10",
        )
        .of("RU")
        .entry("2026-10-01")
        .prior(PriorDays::Unknown)
        .purpose(Purpose::Visit)
        .unknown()
        .note("prior_days_worst_case")
        .no_note("prior_days_unknown"),
        // Issue 13: the same 60 days given as a trip, 1 May - 29 June, counted day by
        // day: 29 December, and the trip's days all come back on 26 December.
        case(
            "kyrgyz with the trip of issue 13: exact 90/180",
            "2026-10-10",
        )
        .of("KG")
        .entry("2026-10-01")
        .trip("2026-05-01", "2026-06-29")
        .purpose(Purpose::Visit)
        .legal("2026-12-29")
        .deadline(StayLimit, "2026-12-29", "R2")
        .note("days_back")
        .note("full_stay_from")
        .no_note("prior_days_approximate"),
        case("eaeu day 90 is the last legal day", "2026-10-29")
            .of("RU")
            .entry("2026-08-01")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .legal("2026-10-29")
            .deadline(HostNotice, "2026-08-05", "R6")
            .deadline(Registration, "2026-08-30", "R7"),
        case(
            "eaeu day 91 is an overstay: warning tier, leave or regularise",
            "2026-10-30",
        )
        .of("RU")
        .entry("2026-08-01")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .overstay("2026-10-29", 1)
        .step("leave_or_regularise", "2026-10-30")
        .no_step("leave_by_last_day")
        .note("overstay_warning")
        .note("overstay_ban")
        .no_note("overstay_fine")
        .rules(&["R8"]),
        case(
            "eaeu with 89 earlier days: only the entry day",
            "2026-10-01",
        )
        .of("KG")
        .entry("2026-10-01")
        .known_prior(89)
        .purpose(Purpose::Visit)
        .legal("2026-10-01")
        .no_note("window_used_up"),
        case(
            "eaeu with 90 earlier days: window used up, clamped to entry",
            "2026-10-01",
        )
        .of("KG")
        .entry("2026-10-01")
        .known_prior(90)
        .purpose(Purpose::Visit)
        .legal("2026-10-01")
        .note("window_used_up"),
        // ---- Uzbekistan (R1, R11, R12, R14, R10) ------------------------------------------
        case(
            "uzbek visitor: 30 days, no self-registration for a 30-day stay",
            "2026-11-10",
        )
        .of("UZ")
        .entry("2026-11-01")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .legal("2026-11-30")
        .deadline(StayLimit, "2026-11-30", "R1")
        .deadline(HostNotice, "2026-11-04", "R6")
        .no_deadline(Registration)
        .step("leave_by_last_day", "2026-11-30")
        .no_step("self_register")
        .rules(&["R1", "R6"])
        .no_rules(&["R2", "R7"]),
        case(
            "uzbek household worker: IIN, tax, permit, TRP, in that order",
            "2026-11-05",
        )
        .of("UZ")
        .entry("2026-11-01")
        .known_prior(0)
        .work(Household)
        .no_docs()
        .legal("2026-11-30")
        .deadline(StayLimit, "2026-11-30", "R1")
        .deadline(Registration, "2026-11-30", "R7")
        .deadline(TaxPrepayment, "2026-11-30", "R12")
        .deadline(DocumentValidity, "2027-10-31", "R11")
        .step("host_notice_check", "2026-11-04")
        .step("self_register", "2026-11-30")
        .step("get_iin", "2026-11-30")
        .step("labour_tax_prepay", "2026-11-30")
        .step("labour_permit_apply", "2026-11-30")
        .step("apply_trp", "2026-11-30")
        .order(&[
            "host_notice_check",
            "self_register",
            "get_iin",
            "labour_tax_prepay",
            "labour_permit_apply",
            "apply_trp",
        ])
        .cost("labour_tax_prepay", 17_300)
        .cost("get_iin", 0)
        .step_rule("apply_trp", "R10")
        .doc("labour_permit_apply", "medical_certificate_028")
        .doc("apply_trp", "health_insurance")
        .rules(&["R1", "R6", "R7", "R10", "R11", "R12", "R14"])
        .no_rules(&["R13", "R2"])
        .note("no_paid_work_visa_free")
        .note("labour_permit_term_unconfirmed")
        .note("confirm_uncertain")
        .no_note("cost_estimate"),
        case(
            "uzbek household worker with permit and TRP: extension, 2027 tax estimated",
            "2026-11-21",
        )
        .of("UZ")
        .entry("2026-03-01")
        .work(Household)
        .holds(LabourPermit, Some("2027-02-28"))
        .holds(Trp, Some("2027-02-28"))
        .holds(Iin, None)
        .legal("2027-02-28")
        .deadline(TrpEnd, "2027-02-28", "R10")
        .deadline(PermitEnd, "2027-02-28", "R11")
        .deadline(TaxPrepayment, "2027-02-28", "R12")
        .deadline(DocumentValidity, "2027-02-28", "R11")
        .step("labour_tax_prepay", "2027-02-28")
        .step("labour_permit_extend", "2027-02-28")
        .step("renew_trp", "2027-02-28")
        .cost("labour_tax_prepay", 17_300)
        .no_step("labour_permit_apply")
        .no_step("get_iin")
        .no_step("apply_trp")
        .no_step("self_register")
        .note("cost_estimate")
        .note("employer_change"),
        case("uzbek day 30 is legal", "2026-03-30")
            .of("UZ")
            .entry("2026-03-01")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .legal("2026-03-30"),
        case("uzbek day 31 is an overstay", "2026-03-31")
            .of("UZ")
            .entry("2026-03-01")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .overstay("2026-03-30", 1)
            .step("leave_or_regularise", "2026-03-31"),
        case(
            "uzbek with 75 earlier days: the window binds before day 30",
            "2026-05-02",
        )
        .of("UZ")
        .entry("2026-05-01")
        .known_prior(75)
        .purpose(Purpose::Visit)
        .legal("2026-05-15"),
        case(
            "uzbek with 60 earlier days: window and per-entry meet on day 30",
            "2026-05-02",
        )
        .of("UZ")
        .entry("2026-05-01")
        .known_prior(60)
        .purpose(Purpose::Visit)
        .legal("2026-05-30"),
        case("uzbek with 61 earlier days: one day less", "2026-05-02")
            .of("UZ")
            .entry("2026-05-01")
            .known_prior(61)
            .purpose(Purpose::Visit)
            .legal("2026-05-29"),
        case(
            "uzbek entry the day before 27 Jan 2023: rules not held",
            "2023-02-01",
        )
        .of("UZ")
        .entry("2023-01-26")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .unknown()
        .note("rules_before")
        .no_deadline(StayLimit)
        .deadline(HostNotice, "2023-01-30", "R6")
        .note("holidays_unknown"),
        case("uzbek entry on 27 Jan 2023: 30 days", "2023-02-01")
            .of("UZ")
            .entry("2023-01-27")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .legal("2023-02-25")
            .no_note("rules_before")
            .no_step("self_register"),
        case(
            "uzbek company employee: employer's permit, not the household one",
            "2026-11-05",
        )
        .of("UZ")
        .entry("2026-11-01")
        .known_prior(0)
        .work(Company)
        .legal("2026-11-30")
        .step("employer_permit_check", "2026-11-30")
        .step("get_iin", "2026-11-30")
        .step("apply_trp", "2026-11-30")
        .order(&["employer_permit_check", "get_iin", "apply_trp"])
        .no_step("labour_permit_apply")
        .rules(&["R13"])
        .no_rules(&["R11", "R12"])
        .note("no_paid_work_visa_free"),
        case(
            "uzbek household worker in 2024 pays 4 MCI of 2024",
            "2024-02-12",
        )
        .of("UZ")
        .entry("2024-02-10")
        .known_prior(0)
        .work(Household)
        .legal("2024-03-10")
        .cost("labour_tax_prepay", 14_768)
        .deadline(HostNotice, "2024-02-14", "R6"),
        case(
            "uzbek household worker in 2025 pays 4 MCI of 2025",
            "2025-03-01",
        )
        .of("UZ")
        .entry("2025-02-25")
        .known_prior(0)
        .work(Household)
        .cost("labour_tax_prepay", 15_728),
        // ---- Tajikistan, Azerbaijan -------------------------------------------------------
        case("tajik household worker: 30 days, R11 route", "2026-11-05")
            .of("TJ")
            .entry("2026-11-01")
            .known_prior(0)
            .work(Household)
            .legal("2026-11-30")
            .step("labour_permit_apply", "2026-11-30")
            .step("labour_tax_prepay", "2026-11-30")
            .rules(&["R11", "R12", "R14", "R10"])
            .note("country_uncertain")
            .no_note("exit_day_counted"),
        case(
            "tajik visitor: no window is modelled, earlier days do not shorten",
            "2026-11-05",
        )
        .of("TJ")
        .entry("2026-11-01")
        .known_prior(80)
        .purpose(Purpose::Visit)
        .legal("2026-11-30")
        .no_note("exit_day_counted")
        .no_note("window_used_up"),
        case(
            "azerbaijani visitor: 90 days, register by day 30",
            "2026-09-10",
        )
        .of("AZ")
        .entry("2026-09-01")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .legal("2026-11-29")
        .deadline(Registration, "2026-09-30", "R7")
        .note("azerbaijan_registration")
        .note("country_uncertain"),
        case(
            "azerbaijani household worker: TRP by day 30 though the stay is 90",
            "2026-09-10",
        )
        .of("AZ")
        .entry("2026-09-01")
        .known_prior(0)
        .work(Household)
        .legal("2026-11-29")
        .step("apply_trp", "2026-09-30")
        .step("labour_permit_apply", "2026-09-30")
        .step("labour_tax_prepay", "2026-09-30"),
        // ---- Georgia, Moldova, Ukraine, Mongolia (low confidence) --------------------------
        case(
            "georgian visitor: treated as 30/90/180, low confidence",
            "2026-11-05",
        )
        .of("GE")
        .entry("2026-11-01")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .legal("2026-11-30")
        .note("group_unconfirmed")
        .note("country_uncertain")
        .note("exit_day_counted"),
        case(
            "moldovan household worker: R11 with eligibility unconfirmed",
            "2026-11-05",
        )
        .of("MD")
        .entry("2026-11-01")
        .known_prior(0)
        .work(Household)
        .step("labour_permit_apply", "2026-11-30")
        .note("household_eligibility_unconfirmed"),
        case(
            "mongolian household worker: not eligible for R11",
            "2026-11-05",
        )
        .of("MN")
        .entry("2026-11-01")
        .known_prior(0)
        .work(Household)
        .legal("2026-11-30")
        .no_step("labour_permit_apply")
        .no_step("labour_tax_prepay")
        .note("household_not_eligible"),
        case("ukrainian visitor with 70 earlier days", "2026-11-05")
            .of("UA")
            .entry("2026-11-01")
            .known_prior(70)
            .purpose(Purpose::Visit)
            .legal("2026-11-20"),
        // ---- China -------------------------------------------------------------------------
        case("chinese visitor: 30 days", "2026-11-05")
            .of("CN")
            .entry("2026-11-01")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .legal("2026-11-30")
            .deadline(StayLimit, "2026-11-30", "R1"),
        case(
            "chinese entry before 10 Nov 2023: rules not held",
            "2023-11-12",
        )
        .of("CN")
        .entry("2023-11-09")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .unknown()
        .note("rules_before"),
        case("chinese entry on 10 Nov 2023: 30 days", "2023-11-12")
            .of("CN")
            .entry("2023-11-10")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .legal("2023-12-09"),
        case(
            "chinese household worker: no labour-immigrant permit",
            "2026-11-05",
        )
        .of("CN")
        .entry("2026-11-01")
        .known_prior(0)
        .work(Household)
        .no_step("labour_permit_apply")
        .no_step("labour_tax_prepay")
        .no_rules(&["R12"])
        .note("household_not_eligible")
        .note("no_work_or_study_visa_free"),
        case(
            "chinese company employee: employer's permit, warning",
            "2026-11-05",
        )
        .of("CN")
        .entry("2026-11-01")
        .known_prior(0)
        .work(Company)
        .step("employer_permit_check", "2026-11-30")
        .no_step("labour_permit_apply")
        .note("no_work_or_study_visa_free"),
        case("chinese student on a visa-free stay: warning", "2026-11-05")
            .of("CN")
            .entry("2026-11-01")
            .known_prior(0)
            .purpose(Purpose::Study)
            .note("no_work_or_study_visa_free")
            .note("student_rules"),
        // ---- Türkiye -------------------------------------------------------------------------
        case(
            "turkish visitor: 90 in 180, no per-entry limit",
            "2026-09-10",
        )
        .of("TR")
        .entry("2026-09-01")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .legal("2026-11-29")
        .deadline(Registration, "2026-09-30", "R7")
        .step("self_register", "2026-09-30"),
        case(
            "turkish visitor with 89 earlier days: day 1 only (90 vs 91)",
            "2026-09-01",
        )
        .of("TR")
        .entry("2026-09-01")
        .known_prior(89)
        .purpose(Purpose::Visit)
        .legal("2026-09-01"),
        case(
            "turkish entry before the decree of 25 Aug 2025",
            "2025-08-26",
        )
        .of("TR")
        .entry("2025-08-24")
        .purpose(Purpose::Visit)
        .unknown()
        .note("rules_before"),
        case("turkish entry on 25 Aug 2025", "2025-08-26")
            .of("TR")
            .entry("2025-08-25")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .legal("2025-11-22")
            .no_step("self_register"),
        case(
            "turkish company employee: TRP by day 30 though the stay is 90",
            "2026-09-10",
        )
        .of("TR")
        .entry("2026-09-01")
        .known_prior(0)
        .work(Company)
        .legal("2026-11-29")
        .step("employer_permit_check", "2026-09-30")
        .step("apply_trp", "2026-09-30"),
        // ---- India, Iran -------------------------------------------------------------------
        case(
            "indian visitor: 14 days, no self-registration",
            "2026-11-05",
        )
        .of("IN")
        .entry("2026-11-01")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .legal("2026-11-14")
        .no_step("self_register")
        .note("country_uncertain"),
        case("iranian with 30 earlier days: 12 of 42 left", "2026-11-05")
            .of("IR")
            .entry("2026-11-01")
            .known_prior(30)
            .purpose(Purpose::Visit)
            .legal("2026-11-12"),
        case("indian day 15 is an overstay", "2026-11-24")
            .of("IN")
            .entry("2026-11-10")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .overstay("2026-11-23", 1),
        // ---- one-sided visa-free (R1) -------------------------------------------------------
        case("american visitor: 30 days, high confidence", "2026-11-05")
            .of("US")
            .entry("2026-11-01")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .legal("2026-11-30")
            .no_note("country_uncertain")
            .no_note("confirm_uncertain"),
        case(
            "german company employee: no paid work on a visa-free stay",
            "2026-11-05",
        )
        .of("DE")
        .entry("2026-11-01")
        .known_prior(0)
        .work(Company)
        .step("employer_permit_check", "2026-11-30")
        .no_step("labour_permit_apply")
        .note("no_paid_work_visa_free"),
        case("british household worker: not eligible", "2026-11-05")
            .of("GB")
            .entry("2026-11-01")
            .known_prior(0)
            .work(Household)
            .no_step("labour_permit_apply")
            .note("household_not_eligible"),
        case(
            "japanese entry on 29 Feb 2024 (leap day, zone change next day)",
            "2024-03-02",
        )
        .of("JP")
        .entry("2024-02-29")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .legal("2024-03-29")
        .deadline(HostNotice, "2024-03-04", "R6"),
        case("japanese entry on 1 Mar 2024", "2024-03-02")
            .of("JP")
            .entry("2024-03-01")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .legal("2024-03-30")
            .deadline(HostNotice, "2024-03-05", "R6"),
        case(
            "french entry in mid-December: the stay crosses the year",
            "2026-12-20",
        )
        .of("FR")
        .entry("2026-12-15")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .legal("2027-01-13")
        .deadline(HostNotice, "2026-12-18", "R6"),
        case("korean with 60 earlier days: day 30", "2026-06-02")
            .of("KR")
            .entry("2026-06-01")
            .known_prior(60)
            .purpose(Purpose::Visit)
            .legal("2026-06-30"),
        case("emirati remote worker: R18 note, no permits", "2026-11-05")
            .of("AE")
            .entry("2026-11-01")
            .known_prior(0)
            .work(Abroad)
            .note("remote_work")
            .no_step("employer_permit_check")
            .no_step("labour_permit_apply"),
        // ---- visa holders ----------------------------------------------------------------
        case(
            "turkmen without a visa: unknown, visa required, regional note",
            "2026-11-05",
        )
        .of("TM")
        .entry("2026-11-01")
        .purpose(Purpose::Visit)
        .unknown()
        .note("visa_required")
        .note("turkmenistan_regional_exception")
        .no_deadline(StayLimit)
        .no_step("leave_by_last_day"),
        case("turkmen with a visa: the visa rules", "2026-11-21")
            .of("TM")
            .entry("2026-11-01")
            .purpose(Purpose::Visit)
            .holds(Visa, Some("2026-12-31"))
            .legal("2026-12-31")
            .deadline(VisaEnd, "2026-12-31", "R8")
            .step("leave_by_last_day", "2026-12-31")
            .no_step("self_register")
            .no_deadline(Registration),
        case(
            "unlisted country without a visa: unknown, not in table",
            "2026-11-05",
        )
        .of("CA")
        .entry("2026-11-01")
        .purpose(Purpose::Visit)
        .unknown()
        .note("not_in_table"),
        case(
            "visa without an end date: unknown with advice",
            "2026-11-05",
        )
        .of("CA")
        .entry("2026-11-01")
        .purpose(Purpose::Visit)
        .holds(Visa, None)
        .unknown()
        .note("need_visa_end")
        .no_note("not_in_table"),
        case(
            "visa ended before the entry: ignored with a note",
            "2026-11-05",
        )
        .of("CA")
        .entry("2026-11-01")
        .holds(Visa, Some("2026-01-01"))
        .unknown()
        .note("visa_ended_before_entry")
        .note("not_in_table"),
        case("visa overstay of 3 days: warning", "2026-11-18")
            .of("NG")
            .entry("2026-10-01")
            .holds(Visa, Some("2026-11-15"))
            .overstay("2026-11-15", 3)
            .note("overstay_warning"),
        case("visa overstay of 5 days: 10 MCI", "2026-11-20")
            .of("NG")
            .entry("2026-10-01")
            .holds(Visa, Some("2026-11-15"))
            .overstay("2026-11-15", 5)
            .note("overstay_fine")
            .no_note("overstay_warning"),
        case("visa overstay of 6 days: tiers not confirmed", "2026-11-21")
            .of("NG")
            .entry("2026-10-01")
            .holds(Visa, Some("2026-11-15"))
            .overstay("2026-11-15", 6)
            .note("overstay_longer")
            .note("overstay_ban")
            .step("leave_or_regularise", "2026-11-21")
            .order(&["host_notice_check", "leave_or_regularise"]),
        // ---- students (R15) -----------------------------------------------------------------
        case(
            "kyrgyz student: study TRP by day 90, no insurance (EAEU)",
            "2026-09-10",
        )
        .of("KG")
        .entry("2026-09-01")
        .known_prior(0)
        .purpose(Purpose::Study)
        .step("study_trp", "2026-11-29")
        .step_rule("study_trp", "R15")
        .doc("study_trp", "institution_request")
        .no_doc("study_trp", "health_insurance")
        .note("student_rules")
        .no_step("leave_by_last_day"),
        case(
            "american student with a student visa: the visa end rules",
            "2026-11-05",
        )
        .of("US")
        .entry("2026-09-01")
        .purpose(Purpose::Study)
        .holds(Visa, Some("2027-06-30"))
        .legal("2027-06-30")
        .deadline(VisaEnd, "2027-06-30", "R15")
        .step("study_trp", "2027-06-30")
        .no_deadline(StayLimit),
        case("uzbek student with a TRP: renew yearly", "2026-11-05")
            .of("UZ")
            .entry("2026-09-01")
            .purpose(Purpose::Study)
            .holds(Trp, Some("2027-07-01"))
            .legal("2027-07-01")
            .deadline(TrpEnd, "2027-07-01", "R15")
            .step("renew_trp", "2027-07-01")
            .step_rule("renew_trp", "R15"),
        // ---- family (R16) -----------------------------------------------------------------
        case("turkish family member: family TRP by day 30", "2026-09-10")
            .of("TR")
            .entry("2026-09-01")
            .known_prior(0)
            .purpose(Purpose::Family)
            .step("family_trp", "2026-09-30")
            .doc("family_trp", "family_tie_proof")
            .note("family_term")
            .rules(&["R16", "R9"]),
        case("russian family member with a TRP", "2026-11-05")
            .of("RU")
            .entry("2026-02-01")
            .purpose(Purpose::Family)
            .holds(Trp, Some("2027-01-31"))
            .legal("2027-01-31")
            .deadline(TrpEnd, "2027-01-31", "R16")
            .step("renew_trp", "2027-01-31"),
        // ---- kandas (R17) -----------------------------------------------------------------
        case(
            "uzbek kandas: apply free, the clock keeps running",
            "2026-11-05",
        )
        .of("UZ")
        .entry("2026-11-01")
        .known_prior(0)
        .purpose(Purpose::Kandas)
        .legal("2026-11-30")
        .step("kandas_apply", "2026-11-30")
        .cost("kandas_apply", 0)
        .step("self_register", "2026-11-30")
        .note("kandas_clock_runs")
        .no_step("leave_by_last_day"),
        case("mongolian kandas with unknown earlier days", "2026-11-05")
            .of("MN")
            .entry("2026-11-01")
            .prior(PriorDays::Unknown)
            .purpose(Purpose::Kandas)
            .unknown()
            .note("kandas_clock_runs")
            .note("prior_days_worst_case"),
        // ---- digital nomads (R18) ---------------------------------------------------------
        case(
            "american nomad without a visa: apply for Neo Nomad",
            "2026-11-05",
        )
        .of("US")
        .entry("2026-11-01")
        .known_prior(0)
        .purpose(Purpose::Nomad)
        .step("nomad_visa_apply", "2026-11-30")
        .doc("nomad_visa_apply", "income_proof")
        .note("nomad_no_local_work"),
        case(
            "german nomad with the visa: the visa end rules",
            "2026-11-05",
        )
        .of("DE")
        .entry("2026-10-01")
        .purpose(Purpose::Nomad)
        .holds(Visa, Some("2027-10-01"))
        .legal("2027-10-01")
        .deadline(VisaEnd, "2027-10-01", "R18")
        .no_step("nomad_visa_apply")
        .step("leave_by_last_day", "2027-10-01"),
        // ---- TRP holders ------------------------------------------------------------------
        case(
            "TRP ended 11 days ago: overstay, tiers not confirmed",
            "2026-11-21",
        )
        .of("UZ")
        .entry("2026-01-10")
        .purpose(Purpose::Other)
        .holds(Trp, Some("2026-11-10"))
        .overstay("2026-11-10", 11)
        .deadline(TrpEnd, "2026-11-10", "R9")
        .note("overstay_longer")
        .step("leave_or_regularise", "2026-11-21"),
        case("TRP without an end date: unknown", "2026-11-21")
            .of("UZ")
            .entry("2026-01-10")
            .work(Household)
            .holds(Trp, None)
            .unknown()
            .note("need_trp_end")
            .undated_step("renew_trp"),
        case("TRP that ended before this entry is ignored", "2026-11-05")
            .of("UZ")
            .entry("2026-11-01")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .holds(Trp, Some("2026-01-01"))
            .legal("2026-11-30")
            .note("trp_ended_before_entry"),
        case(
            "TRP holder without an entry date: the TRP still governs",
            "2026-11-05",
        )
        .of("RU")
        .purpose(Purpose::Business)
        .holds(Trp, Some("2027-03-01"))
        .legal("2027-03-01")
        .deadline(TrpEnd, "2027-03-01", "R9")
        .no_deadline(HostNotice)
        .no_note("need_entry"),
        // ---- R6 host notice: weekends and holidays ------------------------------------------
        case(
            "host notice: arrive Sunday, notify by Wednesday",
            "2026-11-16",
        )
        .of("US")
        .entry("2026-11-15")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .deadline(HostNotice, "2026-11-18", "R6"),
        case(
            "host notice: Nauryz inside the 3 working days",
            "2026-03-21",
        )
        .of("US")
        .entry("2026-03-20")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .deadline(HostNotice, "2026-03-25", "R6"),
        case(
            "host notice: Kurban Ait inside the 3 working days",
            "2026-05-26",
        )
        .of("US")
        .entry("2026-05-26")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .deadline(HostNotice, "2026-05-29", "R6"),
        case(
            "host notice: arrival on a holiday does not count",
            "2026-05-02",
        )
        .of("US")
        .entry("2026-05-01")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .deadline(HostNotice, "2026-05-06", "R6"),
        case(
            "host notice: Independence Day inside the 3 working days",
            "2026-12-16",
        )
        .of("US")
        .entry("2026-12-15")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .deadline(HostNotice, "2026-12-18", "R6"),
        case("host notice across New Year", "2027-01-02")
            .of("US")
            .entry("2026-12-31")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .deadline(HostNotice, "2027-01-05", "R6")
            .legal("2027-01-29")
            .no_note("holidays_unknown"),
        case(
            "host notice in a year without holidays: weekends only, with a note",
            "2028-01-02",
        )
        .of("US")
        .entry("2028-01-01")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .deadline(HostNotice, "2028-01-05", "R6")
        .note("holidays_unknown"),
        // ---- R7 start date ----------------------------------------------------------------
        case("entry on 30 Jun 2026: no self-registration", "2026-07-05")
            .of("RU")
            .entry("2026-06-30")
            .known_prior(0)
            .purpose(Purpose::Visit)
            .legal("2026-09-27")
            .no_deadline(Registration)
            .no_step("self_register")
            .no_rules(&["R7"])
            .no_note("host_notice_after_self_registration"),
        case(
            "entry on 1 Jul 2026: self-registration by day 30",
            "2026-07-05",
        )
        .of("RU")
        .entry("2026-07-01")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .legal("2026-09-28")
        .deadline(Registration, "2026-07-30", "R7")
        .step("self_register", "2026-07-30")
        .note("host_notice_after_self_registration")
        .note("self_registration_move"),
        // ---- missing answers --------------------------------------------------------------
        case("no citizenship: unknown", "2026-11-05")
            .entry("2026-11-01")
            .unknown()
            .note("need_citizenship")
            .rules(&[]),
        case(
            "a citizen of Kazakhstan: unknown, not for citizens",
            "2026-11-05",
        )
        .of("KZ")
        .entry("2026-11-01")
        .unknown()
        .note("home_citizen")
        .no_step("host_notice_check"),
        case("no entry date: unknown", "2026-11-05")
            .of("UZ")
            .purpose(Purpose::Visit)
            .unknown()
            .note("need_entry")
            .no_deadline(HostNotice),
        case("employer not given yet", "2026-11-05")
            .of("UZ")
            .entry("2026-11-01")
            .known_prior(0)
            .purpose(Purpose::Work)
            .legal("2026-11-30")
            .note("need_employer"),
    ]
}

#[test]
fn the_golden_table_holds() {
    let all = cases();
    assert!(all.len() >= 60, "only {} cases", all.len());
    let mut failed = Vec::new();
    for c in &all {
        let f = c.failures();
        if !f.is_empty() {
            failed.push(format!("{}:\n    {}", c.name, f.join("\n    ")));
        }
    }
    assert!(
        failed.is_empty(),
        "{} case(s) failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn the_harness_catches_wrong_expectations() {
    // A case with one wrong date, one missing step and one forbidden step must fail on
    // each, so a green table means something.
    let wrong = case("wrong", "2026-11-10")
        .of("UZ")
        .entry("2026-11-01")
        .known_prior(0)
        .purpose(Purpose::Visit)
        .legal("2026-12-01")
        .deadline(HostNotice, "2026-11-05", "R6")
        .step("apply_trp", "2026-11-30")
        .no_step("host_notice_check")
        .note("kandas_clock_runs")
        .rules(&["R13"]);
    assert_eq!(wrong.failures().len(), 6, "{:?}", wrong.failures());
}

#[test]
fn the_table_covers_every_rule_group_and_deadline_kind() {
    let plans: Vec<(Case, Plan)> = cases()
        .into_iter()
        .map(|c| {
            let p = c.plan();
            (c, p)
        })
        .collect();
    let rules: BTreeSet<&str> = plans
        .iter()
        .flat_map(|(_, p)| p.rules_used.iter().map(String::as_str))
        .collect();
    for r in [
        "R1", "R2", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15", "R16", "R17",
        "R18",
    ] {
        assert!(rules.contains(r), "no case uses {r}");
    }
    let kinds: BTreeSet<DeadlineKind> = plans
        .iter()
        .flat_map(|(_, p)| p.deadlines.iter().map(|d| d.kind))
        .collect();
    for k in DeadlineKind::ALL {
        assert!(kinds.contains(&k), "no case has a {k:?} deadline");
    }
    let groups: BTreeSet<String> = plans
        .iter()
        .filter_map(|(c, _)| c.profile.citizenship.as_ref())
        .map(|code| cat().placement(code.as_str()).group.id.clone())
        .collect();
    for g in cat().groups() {
        assert!(groups.contains(&g.id), "no case for group {}", g.id);
    }
}

#[test]
fn json_has_the_cli_shape() {
    let c = &cases()[0];
    let v = c.plan().to_json();
    assert_eq!(v["status"]["last_legal_day"], "2027-01-29");
    assert_eq!(v["status"]["days_left"], 69);
    assert_eq!(v["status"]["overstay_days"], 0);
    assert_eq!(v["deadlines"][0]["kind"], "host_notice");
    assert_eq!(v["deadlines"][0]["date"], "2026-11-04");
    assert_eq!(v["deadlines"][0]["rule"], "R6");
    assert_eq!(v["steps"][0]["id"], "host_notice_check");
    assert_eq!(v["steps"][0]["due"], "2026-11-04");
    let over = case("x", "2026-10-30")
        .of("RU")
        .entry("2026-08-01")
        .known_prior(0)
        .plan()
        .to_json();
    assert_eq!(over["status"]["last_legal_day"], "2026-10-29");
    assert!(over["status"]["days_left"].is_null());
    assert_eq!(over["status"]["overstay_days"], 1);
    let unknown = case("x", "2026-10-30").plan().to_json();
    assert!(unknown["status"]["last_legal_day"].is_null());
    assert!(unknown["status"]["days_left"].is_null());
    assert_eq!(unknown["status"]["overstay_days"], 0);
}

#[test]
fn overstay_fine_is_ten_mci_of_the_year() {
    let plan = case("x", "2026-11-20")
        .of("NG")
        .entry("2026-10-01")
        .holds(Visa, Some("2026-11-15"))
        .plan();
    let fine = plan.notes.iter().find_map(|n| match n.kind {
        jolserik::rules::plan::NoteKind::OverstayFine { cost_kzt, mci, .. } => {
            Some((cost_kzt, mci))
        }
        _ => None,
    });
    assert_eq!(fine, Some((43_250, 10)));
}

#[test]
fn done_steps_are_marked_and_counted() {
    let mut c = case("x", "2026-11-05")
        .of("UZ")
        .entry("2026-11-01")
        .known_prior(0)
        .work(Household)
        .no_docs();
    c.profile.done_steps.insert("get_iin".to_string());
    c.profile.done_steps.insert("no_such_step".to_string());
    let plan = c.plan();
    assert_eq!(plan.done_count(), 1);
    assert!(plan.step("get_iin").is_some_and(|s| s.done));
    assert!(plan.step("apply_trp").is_some_and(|s| !s.done));
}

// ---- properties ---------------------------------------------------------------------------

fn arb_date() -> impl Strategy<Value = NaiveDate> {
    // 2000-01-01 .. 2040-12-31
    (0i64..15_340).prop_map(|n| d("2000-01-01") + chrono::Duration::days(n))
}

fn arb_code() -> impl Strategy<Value = Option<CountryCode>> {
    prop_oneof![
        Just(None),
        prop::sample::select(vec![
            "RU", "KG", "AM", "BY", "UZ", "TJ", "AZ", "GE", "MD", "UA", "MN", "CN", "TR", "IN",
            "IR", "US", "DE", "GB", "TM", "KZ", "CA", "XX",
        ])
        .prop_map(CountryCode::parse),
        "[A-Z]{2}".prop_map(|s| CountryCode::parse(&s)),
    ]
}

fn arb_prior() -> impl Strategy<Value = Option<PriorDays>> {
    prop_oneof![
        Just(None),
        Just(Some(PriorDays::None)),
        Just(Some(PriorDays::Unknown)),
        any::<u16>().prop_map(|n| Some(PriorDays::Known(n))),
    ]
}

fn arb_profile() -> impl Strategy<Value = Profile> {
    (
        arb_code(),
        prop::option::of(arb_date()),
        arb_prior(),
        prop::option::of(prop::sample::select(Purpose::ALL.to_vec())),
        prop::option::of(prop::sample::select(Employer::ALL.to_vec())),
        prop::option::of(prop::collection::btree_set(
            prop::sample::select(DocKind::ALL.to_vec()),
            0..5,
        )),
        prop::collection::btree_map(
            prop::sample::select(DocKind::ALL.to_vec()),
            arb_date(),
            0..5,
        ),
        prop::collection::btree_set(
            prop::sample::select(jolserik::rules::plan::STEP_IDS.to_vec()),
            0..4,
        ),
    )
        .prop_map(
            |(citizenship, entry, prior_days, purpose, employer, documents, ends, done)| Profile {
                citizenship,
                entry,
                prior_days,
                purpose,
                employer,
                documents,
                document_ends: ends.into_iter().collect::<BTreeMap<_, _>>(),
                trips: Vec::new(),
                done_steps: done.into_iter().map(str::to_string).collect(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn assess_never_panics_and_is_consistent(profile in arb_profile(), today in arb_date()) {
        let plan = assess(cat(), &profile, today);
        // The JSON and the sort order hold for every plan.
        let _ = plan.to_json();
        for w in plan.deadlines.windows(2) {
            prop_assert!(w[0].date <= w[1].date);
        }
        for s in &plan.steps {
            prop_assert!(cat().rule(&s.rule).is_some(), "step {} has rule {}", s.id, s.rule);
        }
        for dl in &plan.deadlines {
            prop_assert!(cat().rule(&dl.rule).is_some());
        }
        match plan.status {
            Status::Legal { last_legal_day, days_left } => {
                prop_assert_eq!(days_left, (last_legal_day - today).num_days());
                prop_assert!(days_left >= 0);
            }
            Status::Overstay { last_legal_day, overstay_days } => {
                prop_assert_eq!(overstay_days, (today - last_legal_day).num_days());
                prop_assert!(overstay_days > 0);
                prop_assert!(plan.has_step("leave_or_regularise"));
            }
            Status::Unknown => {}
        }
    }

    #[test]
    fn the_last_legal_day_is_never_before_entry(profile in arb_profile(), today in arb_date()) {
        let plan = assess(cat(), &profile, today);
        if let (Some(last), Some(entry)) = (plan.status.last_legal_day(), profile.entry) {
            prop_assert!(last >= entry, "last {} before entry {}", last, entry);
        }
    }

    #[test]
    fn more_earlier_days_never_lengthen_the_stay(
        profile in arb_profile(),
        today in arb_date(),
        a in 0u16..200,
        b in 0u16..200,
    ) {
        let (less, more) = (a.min(b), a.max(b));
        let mut p = profile.clone();
        p.prior_days = Some(PriorDays::Known(less));
        let short = assess(cat(), &p, today).status.last_legal_day();
        p.prior_days = Some(PriorDays::Known(more));
        let long = assess(cat(), &p, today).status.last_legal_day();
        if let (Some(s), Some(l)) = (short, long) {
            prop_assert!(l <= s, "{} earlier days gave {}, {} gave {}", more, l, less, s);
        }
        prop_assert_eq!(short.is_some(), long.is_some());
    }

    #[test]
    fn marking_steps_done_never_changes_deadlines(profile in arb_profile(), today in arb_date()) {
        let mut p = profile.clone();
        p.done_steps.clear();
        let before = assess(cat(), &p, today);
        p.done_steps = before.steps.iter().map(|s| s.id.clone()).collect();
        let after = assess(cat(), &p, today);
        prop_assert_eq!(&before.deadlines, &after.deadlines);
        prop_assert_eq!(before.status, after.status);
        let due = |plan: &Plan| plan.steps.iter().map(|s| (s.id.clone(), s.due)).collect::<Vec<_>>();
        prop_assert_eq!(due(&before), due(&after));
        prop_assert!(after.steps.iter().all(|s| s.done));
    }
}

/// `jolserik check` runs these at start-up; they hold for the embedded catalogue, and a
/// catalogue with another EAEU window would fail them by name.
#[test]
fn the_calculators_reference_cases_hold() {
    assert_eq!(jolserik::rules::assess::reference_check(cat()), Ok(5));
}
