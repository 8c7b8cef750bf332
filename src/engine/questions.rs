//! How each question is put to the user: its message id, its arguments and its buttons.
//! Also the summary of the answers and the plan's step buttons.

use crate::domain::{DocKind, Employer, Lang, PriorDays, Profile, Purpose, Trip};
use crate::engine::input::{Action, Field};
use crate::engine::reply::{Button, Reply};
use crate::engine::state::{self, Conversation, Question};
use crate::engine::Context;
use crate::rules::{self, Plan};
use crate::text::{Arg, Msg};

/// The language question's buttons, in the order of who uses the bot most: the
/// migrants' own languages first (most users are Uzbek household workers), then Kazakh,
/// Russian, English.
const LANGUAGE_MENU: [Lang; 6] = [Lang::Uz, Lang::Tg, Lang::Ky, Lang::Kk, Lang::Ru, Lang::En];

/// The message and buttons that ask the conversation's current question.
pub fn ask(conv: &Conversation, ctx: &Context<'_>) -> Reply {
    let profile = &conv.profile;
    match &conv.question {
        // Six names do not fit one row of a phone's keyboard; three to a row do.
        Question::Language => Reply::with_buttons(
            Msg::new("q-language"),
            rows(
                LANGUAGE_MENU
                    .into_iter()
                    .map(|l| Button::new(lang_name(l), Action::Lang(l)))
                    .collect(),
                3,
            ),
        ),
        Question::Citizenship => {
            let mut buttons: Vec<Button> = ctx
                .countries
                .common()
                .into_iter()
                .map(|c| {
                    Button::new(
                        Msg::new("country").arg("country", Arg::Country(c.alpha2.clone())),
                        Action::Country(c.alpha2.clone()),
                    )
                })
                .collect();
            buttons.push(Button::new(
                Msg::new("btn-other-country"),
                Action::CountryOther,
            ));
            Reply::with_buttons(Msg::new("q-citizenship"), rows(buttons, 2))
        }
        Question::CitizenshipTyped => Reply::text(Msg::new("q-citizenship-typed")),
        Question::CitizenshipConfirm { candidate } => Reply::with_buttons(
            Msg::new("q-citizenship-confirm").arg("country", Arg::Country(candidate.clone())),
            vec![vec![
                Button::new(Msg::new("btn-yes"), Action::Yes),
                Button::new(Msg::new("btn-no"), Action::No),
            ]],
        ),
        Question::CitizenshipChoose { candidates } => {
            let mut buttons: Vec<Button> = candidates
                .iter()
                .map(|c| {
                    Button::new(
                        Msg::new("country").arg("country", Arg::Country(c.clone())),
                        Action::Country(c.clone()),
                    )
                })
                .collect();
            buttons.push(Button::new(
                Msg::new("btn-other-country"),
                Action::CountryOther,
            ));
            Reply::with_buttons(Msg::new("q-citizenship-choose"), rows(buttons, 1))
        }
        Question::Entry => Reply::with_buttons(
            Msg::new("q-entry").verbatim("example", ctx.today.format("%d.%m.%Y").to_string()),
            vec![vec![
                Button::new(Msg::new("btn-today"), Action::Today),
                Button::new(Msg::new("btn-yesterday"), Action::Yesterday),
            ]],
        ),
        Question::EntryPlanned { date } => Reply::with_buttons(
            Msg::new("q-entry-planned").date("date", *date),
            vec![vec![
                Button::new(Msg::new("btn-yes"), Action::Yes),
                Button::new(Msg::new("btn-no"), Action::No),
            ]],
        ),
        Question::Trips => {
            let q = Msg::new("q-trips").int("window_days", super::window_days(profile, ctx));
            let q = match profile.entry {
                Some(d) => q.date("date", d),
                None => q.date("date", ctx.today),
            };
            Reply::with_buttons(
                q,
                vec![
                    vec![
                        Button::new(Msg::new("btn-trips-no"), Action::PriorNone),
                        Button::new(Msg::new("btn-trips-add"), Action::TripAdd),
                    ],
                    vec![
                        Button::new(Msg::new("btn-trips-about"), Action::PriorAbout),
                        Button::new(Msg::new("btn-trips-unknown"), Action::PriorUnknown),
                    ],
                ],
            )
        }
        // The "about how many days" branch: only a number answers it.
        Question::PriorDays => Reply {
            numbers_are_answers: true,
            ..Reply::text(
                Msg::new("q-prior-days-about").int("window_days", super::window_days(profile, ctx)),
            )
        },
        Question::TripEntry { change } => {
            let q = Msg::new("q-trip-entry")
                .verbatim("example", ctx.today.format("%d.%m.%Y").to_string());
            Reply::text(match change {
                Some(t) => q.msg("changing", trip_line(Msg::new("trip-changing"), *t)),
                None => q.msg("changing", Msg::new("trip-new")),
            })
        }
        Question::TripExit { entry, .. } => Reply::text(
            Msg::new("q-trip-exit")
                .date("date", *entry)
                .verbatim("example", ctx.today.format("%d.%m.%Y").to_string()),
        ),
        Question::TripMore => Reply::with_buttons(
            Msg::new("q-trip-more").int("window_days", super::window_days(profile, ctx)),
            vec![vec![
                Button::new(Msg::new("btn-trip-another"), Action::TripAdd),
                Button::new(Msg::new("btn-trips-done"), Action::TripsDone),
            ]],
        ),
        Question::TripList => {
            let mut buttons: Vec<Vec<Button>> = profile
                .trips
                .iter()
                .map(|t| {
                    vec![
                        Button::new(
                            trip_button(Msg::new("btn-trip-change"), *t),
                            Action::TripChange(*t),
                        ),
                        Button::new(
                            trip_button(Msg::new("btn-trip-remove"), *t),
                            Action::TripRemove(*t),
                        ),
                    ]
                })
                .collect();
            buttons.push(vec![
                Button::new(Msg::new("btn-trip-add"), Action::TripAdd),
                Button::new(Msg::new("btn-trips-done"), Action::TripsDone),
            ]);
            Reply::with_buttons(trips_list(profile), buttons)
        }
        Question::Purpose => Reply::with_buttons(
            Msg::new("q-purpose"),
            rows(
                Purpose::ALL
                    .into_iter()
                    .map(|p| Button::new(purpose_name(p), Action::Purpose(p)))
                    .collect(),
                2,
            ),
        ),
        Question::Employer => Reply::with_buttons(
            Msg::new("q-employer"),
            rows(
                Employer::ALL
                    .into_iter()
                    .map(|e| Button::new(employer_name(e), Action::Employer(e)))
                    .collect(),
                1,
            ),
        ),
        Question::Documents { selected } => {
            let mut buttons: Vec<Button> = DocKind::ALL
                .into_iter()
                .map(|k| {
                    let id = if selected.contains(&k) {
                        "btn-doc-selected"
                    } else {
                        "btn-doc"
                    };
                    Button::new(
                        Msg::new(id).msg("document", held_name(k)),
                        Action::ToggleDoc(k),
                    )
                })
                .collect();
            buttons.push(Button::new(Msg::new("btn-docs-none"), Action::DocsNone));
            buttons.push(Button::new(Msg::new("btn-docs-done"), Action::DocsDone));
            Reply::with_buttons(Msg::new("q-documents"), rows(buttons, 1))
        }
        Question::DocumentEnd { kind } => Reply::text(
            Msg::new("q-document-end")
                .msg("document", held_name_in_text(*kind))
                .verbatim("example", ctx.today.format("%d.%m.%Y").to_string()),
        ),
        Question::Summary => Reply::with_buttons(
            summary_msg(profile, ctx),
            vec![vec![
                Button::new(Msg::new("btn-correct"), Action::Correct),
                Button::new(Msg::new("btn-change"), Action::Change),
            ]],
        ),
        Question::ChangeWhich => {
            let mut buttons: Vec<Button> = state::changeable_fields(profile)
                .into_iter()
                .map(|f| Button::new(field_name(f), Action::Edit(f)))
                .collect();
            buttons.push(Button::new(
                Msg::new("btn-back-to-summary"),
                Action::BackToSummary,
            ));
            Reply::with_buttons(Msg::new("q-change-which"), rows(buttons, 1))
        }
        Question::Plan => Reply::text(Msg::new("plan-free-text")),
    }
}

/// A message about one trip, with its dates and its days: `from`, `to`, `days`.
pub fn trip_line(msg: Msg, trip: Trip) -> Msg {
    msg.date("from", trip.entry)
        .date("to", trip.exit)
        .int("days", trip.days())
}

/// A button label naming a trip by its short dates (day.month), to stay short.
fn trip_button(msg: Msg, trip: Trip) -> Msg {
    msg.verbatim("from", trip.entry.format("%d.%m").to_string())
        .verbatim("to", trip.exit.format("%d.%m").to_string())
}

/// `/trips`: the trips, one per line, or that there are none.
fn trips_list(profile: &Profile) -> Msg {
    if profile.trips.is_empty() {
        return Msg::new("trips-list-empty");
    }
    let lines = profile
        .trips
        .iter()
        .map(|t| trip_line(Msg::new("trip-line"), *t))
        .collect();
    Msg::new("trips-list").arg("trips", Arg::Lines(lines))
}

/// Lays buttons out `per_row` to a row: narrow phones show long labels badly.
fn rows(buttons: Vec<Button>, per_row: usize) -> Vec<Vec<Button>> {
    buttons
        .chunks(per_row.max(1))
        .map(|chunk| chunk.to_vec())
        .collect()
}

/// A language's own name (`lang-uz` is «Oʻzbekcha» in every locale), so that a reader
/// finds their language whatever language the bot speaks now.
pub fn lang_name(lang: Lang) -> Msg {
    Msg::new(match lang {
        Lang::Ru => "lang-ru",
        Lang::Kk => "lang-kk",
        Lang::En => "lang-en",
        Lang::Uz => "lang-uz",
        Lang::Tg => "lang-tg",
        Lang::Ky => "lang-ky",
    })
}

pub fn purpose_name(p: Purpose) -> Msg {
    Msg::new(match p {
        Purpose::Work => "purpose-work",
        Purpose::Study => "purpose-study",
        Purpose::Family => "purpose-family",
        Purpose::Visit => "purpose-visit",
        Purpose::Business => "purpose-business",
        Purpose::Kandas => "purpose-kandas",
        Purpose::Nomad => "purpose-nomad",
        Purpose::Other => "purpose-other",
    })
}

pub fn employer_name(e: Employer) -> Msg {
    Msg::new(match e {
        Employer::Household => "employer-household",
        Employer::Company => "employer-company",
        Employer::Abroad => "employer-abroad",
    })
}

/// The name of a document the user holds (not the documents a step asks for).
pub fn held_name(kind: DocKind) -> Msg {
    Msg::new(match kind {
        DocKind::Trp => "held-trp",
        DocKind::LabourPermit => "held-labour-permit",
        DocKind::WorkPermit => "held-work-permit",
        DocKind::Visa => "held-visa",
        DocKind::Iin => "held-iin",
    })
}

/// The name of a held document inside a sentence ("your temporary residence permit"):
/// English writes it in lower case there, and other languages may decline it.
pub fn held_name_in_text(kind: DocKind) -> Msg {
    Msg::new(match kind {
        DocKind::Trp => "held-trp-in-text",
        DocKind::LabourPermit => "held-labour-permit-in-text",
        DocKind::WorkPermit => "held-work-permit-in-text",
        DocKind::Visa => "held-visa-in-text",
        DocKind::Iin => "held-iin-in-text",
    })
}

fn field_name(f: Field) -> Msg {
    Msg::new(match f {
        Field::Citizenship => "field-citizenship",
        Field::Entry => "field-entry",
        Field::PriorDays => "field-prior-days",
        Field::Purpose => "field-purpose",
        Field::Employer => "field-employer",
        Field::Documents => "field-documents",
    })
}

/// All the answers so far, one per line; missing ones say so.
pub fn summary_msg(profile: &Profile, ctx: &Context<'_>) -> Msg {
    let today = ctx.today;
    let window_days = super::window_days(profile, ctx);
    let not_given = || Msg::new("summary-not-given");
    let mut lines = vec![Msg::new("summary-citizenship").msg(
        "value",
        match &profile.citizenship {
            Some(c) => Msg::new("country").arg("country", Arg::Country(c.clone())),
            None => not_given(),
        },
    )];
    lines.push(Msg::new("summary-entry").msg(
        "value",
        match profile.entry {
            Some(d) => Msg::new("date").date("date", d),
            None => not_given(),
        },
    ));
    if profile.trips.is_empty() {
        lines.push(
            Msg::new("summary-prior-days")
                .int("window_days", window_days)
                .msg(
                    "value",
                    match profile.prior_days {
                        Some(PriorDays::None) => Msg::new("btn-prior-none"),
                        Some(PriorDays::Known(n)) => {
                            Msg::new("days-count").int("days", i64::from(n))
                        }
                        Some(PriorDays::Unknown) => Msg::new("btn-prior-unknown"),
                        None => not_given(),
                    },
                ),
        );
    } else {
        lines.push(Msg::new("summary-trips").int("window_days", window_days));
        lines.extend(
            profile
                .trips
                .iter()
                .map(|t| trip_line(Msg::new("trip-line"), *t)),
        );
    }
    lines.push(Msg::new("summary-purpose").msg(
        "value",
        profile.purpose.map(purpose_name).unwrap_or_else(not_given),
    ));
    if profile.purpose == Some(Purpose::Work) {
        lines.push(
            Msg::new("summary-employer").msg(
                "value",
                profile
                    .employer
                    .map(employer_name)
                    .unwrap_or_else(not_given),
            ),
        );
    }
    match &profile.documents {
        None => lines.push(Msg::new("summary-documents").msg("value", not_given())),
        Some(held) if held.is_empty() => {
            lines.push(Msg::new("summary-documents").msg("value", Msg::new("btn-docs-none")))
        }
        Some(held) => {
            for kind in held {
                let line = match profile.document_ends.get(kind) {
                    Some(end) if *end < today => Msg::new("summary-document-expired")
                        .msg("document", held_name(*kind))
                        .date("date", *end),
                    Some(end) => Msg::new("summary-document-until")
                        .msg("document", held_name(*kind))
                        .date("date", *end),
                    None => Msg::new("summary-document").msg("document", held_name(*kind)),
                };
                lines.push(line);
            }
        }
    }
    Msg::new("summary").arg("answers", Arg::Lines(lines))
}

/// One button per step of the plan, to mark it done or not done.
pub fn step_buttons(plan: &Plan) -> Option<Reply> {
    if plan.steps.is_empty() {
        return None;
    }
    let buttons = plan
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let id = if s.done {
                "btn-step-undo"
            } else {
                "btn-step-done"
            };
            Button::new(
                Msg::new(id)
                    .int("number", i64::try_from(i + 1).unwrap_or(0))
                    .msg("step", rules::view::step_title(&s.id)),
                Action::ToggleStep(s.id.clone()),
            )
        })
        .collect();
    let mut buttons = rows(buttons, 1);
    buttons.push(vec![Button::new(Msg::new("btn-change"), Action::Change)]);
    // A person when the plan is not enough (engine::handover).
    buttons.push(vec![super::handover::ask_person_button()]);
    Some(Reply::with_buttons(Msg::new("plan-actions"), buttons))
}

pub fn confirm_restart() -> Reply {
    Reply::with_buttons(
        Msg::new("confirm-restart"),
        vec![vec![
            Button::new(Msg::new("btn-confirm-restart"), Action::ConfirmRestart),
            Button::new(Msg::new("btn-cancel"), Action::Cancel),
        ]],
    )
}

pub fn confirm_delete() -> Reply {
    Reply::with_buttons(
        Msg::new("confirm-delete"),
        vec![vec![
            Button::new(Msg::new("btn-confirm-delete"), Action::ConfirmDelete),
            Button::new(Msg::new("btn-cancel"), Action::Cancel),
        ]],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_menu_offers_every_language_once_the_migrants_own_first() {
        let mut menu = LANGUAGE_MENU.to_vec();
        assert_eq!(menu[..3], [Lang::Uz, Lang::Tg, Lang::Ky]);
        menu.sort_by_key(|l| l.code());
        let mut all = Lang::ALL.to_vec();
        all.sort_by_key(|l| l.code());
        assert_eq!(menu, all);
    }

    /// `tests/suite/locales.rs` builds these ids from the enums to render them in every
    /// language; this keeps the two in step.
    #[test]
    fn names_follow_the_codes() {
        for l in Lang::ALL {
            assert_eq!(lang_name(l).id, format!("lang-{}", l.code()));
        }
        for k in DocKind::ALL {
            let code = k.code().replace('_', "-");
            assert_eq!(held_name(k).id, format!("held-{code}"));
            assert_eq!(held_name_in_text(k).id, format!("held-{code}-in-text"));
        }
        for p in Purpose::ALL {
            assert_eq!(purpose_name(p).id, format!("purpose-{}", p.code()));
        }
    }
}
