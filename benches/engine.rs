//! The pure parts, one call each: a dialogue step of the engine (a typical answer, a
//! typed country with a typo that goes through the forgiving matcher, and the last
//! answer, which assesses and lays out the plan), the plan assessment, rendering a
//! whole plan in each language, and planning one user's reminders. No disk, no clock:
//! these are the floor under every figure the load command reports.
//!
//! Run: `cargo bench --bench engine`.

use std::hint::black_box;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};

use jolserik::config::Config;
use jolserik::countries::Countries;
use jolserik::domain::{CountryCode, DocKind, Employer, Lang, Purpose};
use jolserik::engine::{self, Action, Command, Context, Conversation, Input};
use jolserik::i18n::Localizer;
use jolserik::reminders::plan::plan_reminders;
use jolserik::rules::{self, Catalogue};

struct Data {
    countries: Arc<Countries>,
    catalogue: Catalogue,
    localizer: Localizer,
    config: Config,
}

fn data() -> Data {
    let countries = Arc::new(Countries::embedded().expect("embedded countries"));
    let catalogue = Catalogue::embedded(&|c: &str| countries.contains(c)).expect("embedded rules");
    let localizer = Localizer::new(countries.clone()).expect("locales");
    Data {
        countries,
        catalogue,
        localizer,
        config: Config::default(),
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 5, 0, 0)
        .single()
        .expect("a valid instant")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("a valid date")
}

/// The dialogue the load command drives too: a worker from Uzbekistan for a company,
/// with a labour permit and an IIN, typed dates.
fn dialogue() -> Vec<Input> {
    vec![
        Input::Command(Command::Start),
        Input::Button(Action::Lang(Lang::Ru)),
        Input::Button(Action::Country(CountryCode::parse("UZ").expect("UZ"))),
        Input::Text("01.11.2026".into()),
        Input::Button(Action::PriorAbout),
        Input::Text("12".into()),
        Input::Button(Action::Purpose(Purpose::Work)),
        Input::Button(Action::Employer(Employer::Company)),
        Input::Button(Action::ToggleDoc(DocKind::LabourPermit)),
        Input::Button(Action::ToggleDoc(DocKind::Iin)),
        Input::Button(Action::DocsDone),
        Input::Text("31.12.2026".into()),
        Input::Button(Action::Correct),
    ]
}

/// The conversation after each input of `inputs`, starting from a new one.
fn walk(ctx: &Context<'_>, inputs: &[Input]) -> Vec<Conversation> {
    let mut conv = Conversation::new(Lang::Ru);
    let mut states = vec![conv.clone()];
    for input in inputs {
        conv = engine::step(&conv, input, ctx).conversation;
        states.push(conv.clone());
    }
    states
}

fn benches(c: &mut Criterion) {
    let d = data();
    let ctx = Context {
        now: now(),
        today: today(),
        countries: &d.countries,
        catalogue: &d.catalogue,
    };
    let inputs = dialogue();
    let states = walk(&ctx, &inputs);
    assert!(
        states.last().is_some_and(Conversation::has_plan),
        "the bench dialogue reaches the plan"
    );

    let mut g = c.benchmark_group("engine");
    // The whole dialogue, to report the mean step: every step from its real state.
    g.bench_function("whole dialogue (12 steps)", |b| {
        b.iter(|| {
            for (state, input) in states.iter().zip(&inputs) {
                black_box(engine::step(black_box(state), black_box(input), &ctx));
            }
        })
    });
    // A typical answer: the entry date, typed.
    g.bench_function("step: typed date", |b| {
        b.iter(|| engine::step(black_box(&states[3]), black_box(&inputs[3]), &ctx))
    });
    // The forgiving matcher over every country name in three languages.
    let mut typed = Conversation::new(Lang::Ru);
    for input in [
        Input::Command(Command::Start),
        Input::Button(Action::Lang(Lang::Ru)),
        Input::Button(Action::CountryOther),
    ] {
        typed = engine::step(&typed, &input, &ctx).conversation;
    }
    let typo = Input::Text("Таджикистн".into());
    g.bench_function("step: typed country with a typo", |b| {
        b.iter(|| engine::step(black_box(&typed), black_box(&typo), &ctx))
    });
    // The last answer: the engine assesses and lays out the plan.
    let last = states.len() - 2;
    g.bench_function("step: confirm, the plan is made", |b| {
        b.iter(|| engine::step(black_box(&states[last]), black_box(&inputs[last]), &ctx))
    });
    g.finish();

    let profile = &states[states.len() - 1].profile;
    let mut g = c.benchmark_group("rules");
    g.bench_function("assess", |b| {
        b.iter(|| rules::assess(&d.catalogue, black_box(profile), today()))
    });
    let plan = rules::assess(&d.catalogue, profile, today());
    let messages = rules::view::plan_messages(&plan, &d.catalogue);
    g.bench_function("plan as messages (view)", |b| {
        b.iter(|| rules::view::plan_messages(black_box(&plan), &d.catalogue))
    });
    for lang in Lang::ALL {
        g.bench_function(format!("render the plan: {}", lang.code()), |b| {
            b.iter(|| {
                messages
                    .iter()
                    .map(|m| d.localizer.render(lang, black_box(m)).len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("reminders");
    let prefs = &states[states.len() - 1].reminders;
    let cfg = &d.config.reminders;
    let planned = plan_reminders(7, &plan, prefs, &d.catalogue, cfg, now(), &|_| false);
    assert!(!planned.is_empty(), "the bench user has reminders");
    g.bench_function(
        format!("plan one user's reminders ({} planned)", planned.len()),
        |b| {
            b.iter(|| {
                plan_reminders(
                    7,
                    black_box(&plan),
                    prefs,
                    &d.catalogue,
                    cfg,
                    now(),
                    &|_| false,
                )
            })
        },
    );
    // What a save that changes the profile does: assess, then plan.
    g.bench_function("assess + plan one user's reminders", |b| {
        b.iter(|| {
            let plan = rules::assess(&d.catalogue, black_box(profile), today());
            plan_reminders(7, &plan, prefs, &d.catalogue, cfg, now(), &|_| false)
        })
    });
    g.finish();
}

criterion_group!(engine_benches, benches);
criterion_main!(engine_benches);
