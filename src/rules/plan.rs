//! The plan an assessment produces for one person on one day: the stay status, the
//! deadlines, the steps in order and the notes, each carrying the id of the rule it
//! comes from. Pure data with serde; `to_json` is the shape `jolserik plan --json`
//! prints. Words live in the locales, not here (see `view`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::rules::catalogue::{Confidence, Group, GroupNote};

/// Whether the person may still stay, and until when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Status {
    /// Legal through `last_legal_day`; `days_left` is 0 on that day.
    Legal {
        last_legal_day: NaiveDate,
        days_left: i64,
    },
    /// Past the last legal day by `overstay_days` days (R8).
    Overstay {
        last_legal_day: NaiveDate,
        overstay_days: i64,
    },
    /// The catalogue cannot say: a visa without an end date, a case it does not cover,
    /// missing answers. The notes say why, and the view points to official help.
    Unknown,
}

impl Status {
    pub fn last_legal_day(&self) -> Option<NaiveDate> {
        match self {
            Status::Legal { last_legal_day, .. } | Status::Overstay { last_legal_day, .. } => {
                Some(*last_legal_day)
            }
            Status::Unknown => None,
        }
    }

    /// The status on `today` for a stay that may last through `last`.
    pub fn on(today: NaiveDate, last: NaiveDate) -> Status {
        let days = (last - today).num_days();
        if days >= 0 {
            Status::Legal {
                last_legal_day: last,
                days_left: days,
            }
        } else {
            Status::Overstay {
                last_legal_day: last,
                overstay_days: -days,
            }
        }
    }
}

/// What a deadline is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// The last day of a visa-free stay (R1, R2).
    StayLimit,
    /// Self-registration with the migration police (R7).
    Registration,
    /// The host's arrival notice (R6).
    HostNotice,
    TrpEnd,
    PermitEnd,
    VisaEnd,
    /// The advance income tax for a labour-immigrant permit (R12).
    TaxPrepayment,
    /// A document that must be recent enough (the R11 border-crossing mark).
    DocumentValidity,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 8] = [
        DeadlineKind::StayLimit,
        DeadlineKind::Registration,
        DeadlineKind::HostNotice,
        DeadlineKind::TrpEnd,
        DeadlineKind::PermitEnd,
        DeadlineKind::VisaEnd,
        DeadlineKind::TaxPrepayment,
        DeadlineKind::DocumentValidity,
    ];

    /// The serde name, also the tail of the `deadline-*` message id.
    pub fn code(self) -> &'static str {
        match self {
            DeadlineKind::StayLimit => "stay_limit",
            DeadlineKind::Registration => "registration",
            DeadlineKind::HostNotice => "host_notice",
            DeadlineKind::TrpEnd => "trp_end",
            DeadlineKind::PermitEnd => "permit_end",
            DeadlineKind::VisaEnd => "visa_end",
            DeadlineKind::TaxPrepayment => "tax_prepayment",
            DeadlineKind::DocumentValidity => "document_validity",
        }
    }
}

/// A date by which something must be done or by which a right ends (its last day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub date: NaiveDate,
    pub rule: String,
}

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Stable snake_case id (see `STEP_IDS`); also the tail of its `step-*` message.
    pub id: String,
    pub rule: String,
    /// The last day to do it, if the rules give one.
    pub due: Option<NaiveDate>,
    /// The cost in tenge from the MCI of the due year; `Some(0)` is free, `None` not
    /// known.
    pub cost_kzt: Option<i64>,
    /// Whether `cost_kzt` is per month (the R12 tax).
    #[serde(default)]
    pub cost_per_month: bool,
    /// Whether the MCI of the year was not known and a nearby year's was used.
    #[serde(default)]
    pub cost_estimated: bool,
    /// Document ids (`doc-*` messages).
    pub documents: Vec<String>,
    /// Where to do it: an official page.
    pub link: Option<String>,
    /// Marked done by the user; never changes a date.
    pub done: bool,
}

/// Every step id the assessment can produce, in order of importance when two steps
/// fall due on the same day (the order a person would do them in).
pub const STEP_IDS: [&str; 17] = [
    "leave_or_regularise",
    "host_notice_check",
    "self_register",
    "employer_permit_check",
    "register_contract",
    "get_iin",
    "labour_tax_prepay",
    "labour_permit_apply",
    "labour_permit_extend",
    "kandas_apply",
    "nomad_visa_apply",
    "apply_trp",
    "study_trp",
    "family_trp",
    "renew_trp",
    "employer_permit_renewal",
    "leave_by_last_day",
];

/// Where a step sorts among steps due the same day.
pub fn step_rank(id: &str) -> usize {
    STEP_IDS
        .iter()
        .position(|s| *s == id)
        .unwrap_or(STEP_IDS.len())
}

/// Something the person should know that is not a step: an uncertainty, a warning, a
/// reason the status is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub kind: NoteKind,
    /// The rule the note is about, if one.
    pub rule: Option<String>,
}

/// The notes the assessment can add. Each is a `note-*` message; the payload is its
/// arguments, so the same note always has the same variables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "id")]
pub enum NoteKind {
    /// No citizenship yet: nothing can be said.
    NeedCitizenship,
    /// A citizen of Kazakhstan: these rules are for foreigners.
    HomeCitizen,
    /// No entry date, and nothing else governs the stay.
    NeedEntry,
    /// The citizenship is not in our table; the full list is decree No. 148.
    NotInTable,
    /// A visa is required and the person did not say they hold one.
    VisaRequired,
    NeedTrpEnd,
    NeedVisaEnd,
    NeedPermitEnd,
    /// The TRP end date is before the entry date, so it does not cover this stay.
    TrpEndedBeforeEntry,
    VisaEndedBeforeEntry,
    /// The entry is before the date the group's rules start.
    RulesBefore {
        date: NaiveDate,
    },
    /// The 90/180 count includes the exit day (fact sheet: not confirmed, safer).
    ExitDayCounted,
    /// Earlier days unknown: counted as none; the limit may be earlier.
    PriorDaysUnknown,
    /// The earlier days already fill the window: the limit cannot be computed safely.
    WindowUsedUp,
    /// "About N days" before this entry: assumed right before it (the safe side); the
    /// user's trips would give an exact, often later, date.
    PriorDaysApproximate,
    /// "I don't know": in the worst case the rules allow, the window was full up to
    /// the entry; `date` is the last day if there were no earlier days at all (an upper
    /// bound, never the answer). The note says how to make it exact.
    PriorDaysWorstCase {
        date: NaiveDate,
        window_days: i64,
    },
    /// Leaving on the last legal day, a new entry allows the full `days` from `date`.
    FullStayFrom {
        date: NaiveDate,
        days: i64,
    },
    /// On `date`, `days` days of an earlier trip have left the window of
    /// `window_days`.
    DaysBack {
        date: NaiveDate,
        days: i64,
        window_days: i64,
    },
    /// The entry date is after today: the plan is for a trip the person plans.
    PlannedTrip {
        date: NaiveDate,
    },
    /// Overstay up to `max_days` days: a warning (R8).
    OverstayWarning {
        max_days: i64,
    },
    /// Overstay up to `max_days` days: a fine of `mci` MCI, `cost_kzt` tenge.
    OverstayFine {
        max_days: i64,
        mci: i64,
        cost_kzt: i64,
    },
    /// Longer overstays: larger fines, maybe expulsion; tiers not confirmed.
    OverstayLonger {
        over_days: i64,
    },
    /// Expulsion by a court bans entry for `years` years.
    OverstayBan {
        years: i64,
    },
    /// The visa-free clock keeps running while a kandas application is pending.
    KandasClockRuns,
    /// No paid work on a visa-free stay until the permits are in place.
    NoPaidWorkVisaFree,
    /// China: a visa-free stay allows neither work nor study.
    NoWorkOrStudyVisaFree,
    /// Remote work for an employer abroad: only R18 speaks to it.
    RemoteWork,
    NeedEmployer,
    /// The household permit is not open to this citizenship.
    HouseholdNotEligible,
    /// Listed as eligible only by an older source.
    HouseholdEligibilityUnconfirmed,
    /// The permit's maximum total term and the 18-60 age limit are not confirmed.
    LabourPermitTermUnconfirmed,
    /// A change of employer needs the TRP re-issued within `days` days.
    EmployerChange {
        days: i64,
    },
    /// Students may not work on a student visa and must leave when studies end.
    StudentRules,
    /// A family TRP never lasts longer than the sponsor's permit.
    FamilyTerm,
    /// Neo Nomad visa holders may not work for Kazakh employers.
    NomadNoLocalWork,
    /// No state fee for a TRP was found.
    TrpFeeUnknown,
    /// Whether the host's notice continues alongside R7 (in force from `date`) is not
    /// confirmed.
    HostNoticeAfterSelfRegistration {
        date: NaiveDate,
    },
    /// A move means registering again within `days` working days.
    SelfRegistrationMove {
        days: i64,
    },
    /// No holiday list for `year`: only weekends were skipped (the deadline can only
    /// be earlier than the real one).
    HolidaysUnknown {
        year: i32,
    },
    /// The MCI of `year` is not known; `used_year`'s was used.
    CostEstimate {
        year: i32,
        used_year: i32,
    },
    /// Rules in this plan below high confidence: confirm at a ХҚКО, egov.kz or police.
    ConfirmUncertain {
        rules: Vec<String>,
    },
    /// The stay rules of the person's country are below high confidence.
    CountryUncertain {
        confidence: Confidence,
    },
    AzerbaijanRegistration,
    /// Older sources give the group longer stays; until confirmed, the group's own
    /// limits are counted (quoted from the catalogue).
    GroupUnconfirmed {
        per_entry_days: i64,
        window_limit_days: i64,
        window_days: i64,
    },
    TurkmenistanRegionalException,
}

impl NoteKind {
    /// A note the catalogue attaches to `group` (or to one of its countries), with the
    /// group's figures where the note quotes them.
    pub fn of_group(note: GroupNote, group: &Group) -> NoteKind {
        match note {
            GroupNote::AzerbaijanRegistration => NoteKind::AzerbaijanRegistration,
            GroupNote::GroupUnconfirmed => NoteKind::GroupUnconfirmed {
                per_entry_days: group.per_entry_days.unwrap_or_default(),
                window_limit_days: group.window.map_or(0, |w| w.limit),
                window_days: group.window.map_or(0, |w| w.days),
            },
            GroupNote::TurkmenistanRegionalException => NoteKind::TurkmenistanRegionalException,
        }
    }
}

impl NoteKind {
    /// The snake_case id; the message is `note-` plus it in kebab-case.
    pub fn id(&self) -> &'static str {
        match self {
            NoteKind::NeedCitizenship => "need_citizenship",
            NoteKind::HomeCitizen => "home_citizen",
            NoteKind::NeedEntry => "need_entry",
            NoteKind::NotInTable => "not_in_table",
            NoteKind::VisaRequired => "visa_required",
            NoteKind::NeedTrpEnd => "need_trp_end",
            NoteKind::NeedVisaEnd => "need_visa_end",
            NoteKind::NeedPermitEnd => "need_permit_end",
            NoteKind::TrpEndedBeforeEntry => "trp_ended_before_entry",
            NoteKind::VisaEndedBeforeEntry => "visa_ended_before_entry",
            NoteKind::RulesBefore { .. } => "rules_before",
            NoteKind::ExitDayCounted => "exit_day_counted",
            NoteKind::PriorDaysUnknown => "prior_days_unknown",
            NoteKind::WindowUsedUp => "window_used_up",
            NoteKind::PriorDaysApproximate => "prior_days_approximate",
            NoteKind::PriorDaysWorstCase { .. } => "prior_days_worst_case",
            NoteKind::FullStayFrom { .. } => "full_stay_from",
            NoteKind::DaysBack { .. } => "days_back",
            NoteKind::PlannedTrip { .. } => "planned_trip",
            NoteKind::OverstayWarning { .. } => "overstay_warning",
            NoteKind::OverstayFine { .. } => "overstay_fine",
            NoteKind::OverstayLonger { .. } => "overstay_longer",
            NoteKind::OverstayBan { .. } => "overstay_ban",
            NoteKind::KandasClockRuns => "kandas_clock_runs",
            NoteKind::NoPaidWorkVisaFree => "no_paid_work_visa_free",
            NoteKind::NoWorkOrStudyVisaFree => "no_work_or_study_visa_free",
            NoteKind::RemoteWork => "remote_work",
            NoteKind::NeedEmployer => "need_employer",
            NoteKind::HouseholdNotEligible => "household_not_eligible",
            NoteKind::HouseholdEligibilityUnconfirmed => "household_eligibility_unconfirmed",
            NoteKind::LabourPermitTermUnconfirmed => "labour_permit_term_unconfirmed",
            NoteKind::EmployerChange { .. } => "employer_change",
            NoteKind::StudentRules => "student_rules",
            NoteKind::FamilyTerm => "family_term",
            NoteKind::NomadNoLocalWork => "nomad_no_local_work",
            NoteKind::TrpFeeUnknown => "trp_fee_unknown",
            NoteKind::HostNoticeAfterSelfRegistration { .. } => {
                "host_notice_after_self_registration"
            }
            NoteKind::SelfRegistrationMove { .. } => "self_registration_move",
            NoteKind::HolidaysUnknown { .. } => "holidays_unknown",
            NoteKind::CostEstimate { .. } => "cost_estimate",
            NoteKind::ConfirmUncertain { .. } => "confirm_uncertain",
            NoteKind::CountryUncertain { .. } => "country_uncertain",
            NoteKind::AzerbaijanRegistration => "azerbaijan_registration",
            NoteKind::GroupUnconfirmed { .. } => "group_unconfirmed",
            NoteKind::TurkmenistanRegionalException => "turkmenistan_regional_exception",
        }
    }

    /// Whether the note is about an overstay (the view puts these with the status).
    pub fn is_overstay(&self) -> bool {
        matches!(
            self,
            NoteKind::OverstayWarning { .. }
                | NoteKind::OverstayFine { .. }
                | NoteKind::OverstayLonger { .. }
                | NoteKind::OverstayBan { .. }
        )
    }
}

/// The plan for one person on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The day the plan was made for (Asia/Almaty).
    pub today: NaiveDate,
    pub status: Status,
    /// Sorted by date.
    pub deadlines: Vec<Deadline>,
    /// Sorted by due date (undated last), then importance.
    pub steps: Vec<Step>,
    pub notes: Vec<Note>,
    /// Ids of every rule the plan relies on, in catalogue order.
    pub rules_used: Vec<String>,
    /// The rolling-window figures of a visa-free stay; `None` for any other status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<WindowStatus>,
}

/// Where the person stands in the rolling window (`rules::trips`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowStatus {
    /// Days present in the window ending today (earlier stays and this one so far).
    pub days_used_in_window: i64,
    /// Leaving on the last legal day, the first date from which an entry allows the
    /// full stay again; `None` when the earlier days are not known.
    pub full_stay_from: Option<NaiveDate>,
    /// The entry is after today: a planned trip, not a running stay.
    pub planned: bool,
    /// Counted from the user's trips (exact) rather than from a number of days.
    pub exact: bool,
}

impl Plan {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn has_step(&self, id: &str) -> bool {
        self.step(id).is_some()
    }

    pub fn deadline(&self, kind: DeadlineKind) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.kind == kind)
    }

    pub fn has_note(&self, id: &str) -> bool {
        self.notes.iter().any(|n| n.kind.id() == id)
    }

    pub fn uses_rule(&self, id: &str) -> bool {
        self.rules_used.iter().any(|r| r == id)
    }

    /// How many steps are marked done.
    pub fn done_count(&self) -> usize {
        self.steps.iter().filter(|s| s.done).count()
    }

    /// The shape of `jolserik plan --json`:
    /// `{"status": {"last_legal_day", "days_left", "overstay_days"}, "deadlines":
    /// [{"kind", "date", "rule"}], "steps": [{"id", "rule", "due", ...}], ...}`.
    pub fn to_json(&self) -> Value {
        let status = match self.status {
            Status::Legal {
                last_legal_day,
                days_left,
            } => json!({
                "kind": "legal",
                "last_legal_day": last_legal_day.to_string(),
                "days_left": days_left,
                "overstay_days": 0,
            }),
            Status::Overstay {
                last_legal_day,
                overstay_days,
            } => json!({
                "kind": "overstay",
                "last_legal_day": last_legal_day.to_string(),
                "days_left": Value::Null,
                "overstay_days": overstay_days,
            }),
            Status::Unknown => json!({
                "kind": "unknown",
                "last_legal_day": Value::Null,
                "days_left": Value::Null,
                "overstay_days": 0,
            }),
        };
        let mut status = status;
        if let (Some(w), Some(obj)) = (self.window, status.as_object_mut()) {
            obj.insert("days_used_in_window".into(), json!(w.days_used_in_window));
            obj.insert(
                "full_stay_from".into(),
                json!(w.full_stay_from.map(|d| d.to_string())),
            );
            obj.insert("exact".into(), json!(w.exact));
            if w.planned {
                // A planned trip: the last legal day if the person enters that day,
                // and no days counted from today.
                obj.insert("kind".into(), json!("planned"));
                obj.insert("days_left".into(), Value::Null);
            }
        }
        let deadlines: Vec<Value> = self
            .deadlines
            .iter()
            .map(|d| {
                json!({
                    "kind": d.kind.code(),
                    "date": d.date.to_string(),
                    "rule": d.rule,
                })
            })
            .collect();
        let steps: Vec<Value> = self
            .steps
            .iter()
            .map(|s| {
                json!({
                    "id": s.id,
                    "rule": s.rule,
                    "due": s.due.map(|d| d.to_string()),
                    "cost_kzt": s.cost_kzt,
                    "cost_per_month": s.cost_per_month,
                    "cost_estimated": s.cost_estimated,
                    "documents": s.documents,
                    "link": s.link,
                    "done": s.done,
                })
            })
            .collect();
        let notes: Vec<Value> = self
            .notes
            .iter()
            .map(|n| json!({ "id": n.kind.id(), "rule": n.rule }))
            .collect();
        json!({
            "today": self.today.to_string(),
            "status": status,
            "deadlines": deadlines,
            "steps": steps,
            "notes": notes,
            "rules_used": self.rules_used,
        })
    }
}
