//! The pathway: applying one event (target ≤ 1 µs), the obligations of one case
//! (≤ 2 µs) and of 100,000 generated cases (≤ 200 ms on one core).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use send_pathway::advice::{AdviceType, SensoryImpairment};
use send_pathway::calendar::HolidayCalendar;
use send_pathway::pathway::{obligations, Actor, Case, Child, Event, EventKind, ParentalAgreement};
use send_pathway::{strategies, LocalPolicy};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// A case in assessment with five advice requests, four received.
fn assessing(cal: &HolidayCalendar) -> Case {
    let child = Child {
        reference: "CYP".into(),
        date_of_birth: d(2016, 3, 1),
        sensory_impairment: SensoryImpairment::None,
    };
    let first = Event::new(
        d(2025, 1, 6),
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (mut case, _) = Case::open(child, LocalPolicy::sutton(), first, cal).expect("opens");
    case.apply(
        Event::new(d(2025, 2, 14), Actor::Council, EventKind::DecidedToAssess),
        cal,
    )
    .expect("decides");
    for t in [
        AdviceType::ParentOrYoungPerson,
        AdviceType::Educational,
        AdviceType::Medical,
        AdviceType::Psychological,
        AdviceType::SocialCare,
    ] {
        let kind = EventKind::AdviceRequested {
            advice_type: t,
            body: "body".into(),
            contact: "contact".into(),
        };
        case.apply(Event::new(d(2025, 2, 14), Actor::Council, kind), cal)
            .expect("requests");
    }
    for request in 0..4 {
        case.apply(
            Event::new(
                d(2025, 2, 17),
                Actor::Council,
                EventKind::AdviceRequestReceived { request },
            ),
            cal,
        )
        .expect("received");
    }
    case
}

fn pathway(c: &mut Criterion) {
    let cal = HolidayCalendar::england_and_wales();
    let case = assessing(&cal);
    let draft = Event::new(
        d(2025, 4, 7),
        Actor::Council,
        EventKind::DraftPlanIssued { names_school: None },
    );

    c.bench_function("apply_one_event", |b| {
        // The case is returned, so criterion drops it outside the timed region.
        b.iter_batched(
            || (case.clone(), draft.clone()),
            |(mut case, event)| {
                let result = case.apply(event, &cal);
                (case, result)
            },
            BatchSize::SmallInput,
        )
    });

    let today = d(2025, 3, 20);
    c.bench_function("obligations_one_case", |b| {
        b.iter(|| obligations(black_box(&case), black_box(today), &cal))
    });

    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let strategy = strategies::case(25);
    let cases: Vec<Case> = (0..100_000)
        .filter_map(|_| strategy.new_tree(&mut runner).ok().map(|t| t.current()))
        .collect();
    let mut group = c.benchmark_group("obligations_caseload");
    group.sample_size(10);
    group.bench_function("100k_cases", |b| {
        b.iter(|| {
            cases
                .iter()
                .map(|case| {
                    let today = case.last_event_on().unwrap_or(today);
                    obligations(case, today, &cal).map_or(0, |o| o.len())
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, pathway);
criterion_main!(benches);
