//! The pathway on the case model: applying one event (target ≤ 1 µs), one
//! case's obligations (≤ 2 µs) and next events, replaying a history, the
//! obligations of a generated caseload, and the linear-cost checks — replay
//! and read-back (`CaseRecord::into_case`) of a case with N Additional Support
//! Contract start/end pairs, and of an assessment with N advice requests, for
//! N = 1,000 / 10,000 / 20,000. Throughput is reported in events, so the time
//! per event must stay flat as N grows.
//!
//! Run with `cargo bench --bench pathway -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use send_pathway::advice::{AdviceType, SensoryImpairment};
use send_pathway::asc::{AscEvidence, AscRequest, AscRequester, EhcPlanStatus, SupportStillNeeded};
use send_pathway::calendar::HolidayCalendar;
use send_pathway::money::Pounds;
use send_pathway::pathway::{
    Actor, AdviceId, Case, CaseRecord, Child, ContractId, Event, EventKind, ParentalAgreement,
};
use send_pathway::{strategies, LocalPolicy};

const SIZES: [u32; 3] = [1_000, 10_000, 20_000];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn child() -> Child {
    Child {
        reference: "CYP".into(),
        date_of_birth: d(2016, 3, 1),
        sensory_impairment: SensoryImpairment::None,
    }
}

fn council(on: NaiveDate, kind: EventKind) -> Event {
    Event::new(on, Actor::Council, kind)
}

fn request_event(on: NaiveDate) -> Event {
    Event::new(
        on,
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    )
}

/// A case in assessment with five advice requests, four received.
fn assessing(cal: &HolidayCalendar) -> Case {
    let (mut case, _) = Case::open(
        child(),
        LocalPolicy::sutton(),
        request_event(d(2025, 1, 6)),
        cal,
    )
    .expect("opens");
    case.apply(council(d(2025, 2, 14), EventKind::DecidedToAssess), cal)
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
        case.apply(council(d(2025, 2, 14), kind), cal)
            .expect("requests");
    }
    for n in 0..4 {
        case.apply(
            council(
                d(2025, 2, 17),
                EventKind::AdviceRequestReceived {
                    advice: AdviceId::new(n),
                },
            ),
            cal,
        )
        .expect("received");
    }
    case
}

/// A complete ASC request from the setting.
fn asc_request(on: NaiveDate) -> AscRequest {
    AscRequest {
        child: "CYP".into(),
        setting: "Oak Primary".into(),
        requested_by: AscRequester::Setting,
        received_on: on,
        plan: EhcPlanStatus::NoPlan,
        evidence: AscEvidence {
            notional_budget_spent: Pounds::whole(6_000).expect("pounds"),
            use_of_notional_budget: "small-group literacy".into(),
            reason_for_more: "less than expected progress".into(),
            apdr_evidence: "three APDR cycles".into(),
            smart_outcomes: vec!["read 40 words a minute".into()],
            family_involvement: "met with parents twice".into(),
        },
        requested_per_term: Pounds::whole(1_500).expect("pounds"),
    }
}

/// SEN Support, then `n` ASC request/end pairs: 2n + 1 events, built live
/// (so the case is known to accept the sequence).
fn asc_pairs(n: u32, cal: &HolidayCalendar) -> Case {
    let on = d(2025, 1, 6);
    let first = Event::new(on, Actor::School, EventKind::SenSupportStarted);
    let (mut case, _) = Case::open(child(), LocalPolicy::sutton(), first, cal).expect("opens");
    for k in 0..n {
        case.apply(
            council(
                on,
                EventKind::AscRequested {
                    request: Box::new(asc_request(on)),
                },
            ),
            cal,
        )
        .expect("ASC requested");
        let end = EventKind::AscEnded {
            contract: ContractId::new(k),
            support_still_needed: SupportStillNeeded::No,
        };
        case.apply(council(on, end), cal).expect("ASC ended");
    }
    case
}

/// An assessment with `n` advice requests, each requested, received by the
/// adviser and answered: 3n + 2 events, built live.
fn advice_requests(n: u32, cal: &HolidayCalendar) -> Case {
    let (mut case, _) = Case::open(
        child(),
        LocalPolicy::sutton(),
        request_event(d(2025, 1, 6)),
        cal,
    )
    .expect("opens");
    let on = d(2025, 2, 14);
    case.apply(council(on, EventKind::DecidedToAssess), cal)
        .expect("decides");
    for k in 0..n {
        let kind = EventKind::AdviceRequested {
            advice_type: AdviceType::Educational,
            body: "body".into(),
            contact: "contact".into(),
        };
        case.apply(council(on, kind), cal).expect("requested");
        let advice = AdviceId::new(k);
        case.apply(
            council(on, EventKind::AdviceRequestReceived { advice }),
            cal,
        )
        .expect("received");
        case.apply(council(on, EventKind::AdviceReceived { advice }), cal)
            .expect("answered");
    }
    case
}

fn one_case(c: &mut Criterion) {
    let cal = HolidayCalendar::england_and_wales();
    let case = assessing(&cal);
    let draft = council(
        d(2025, 4, 7),
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
        b.iter(|| black_box(&case).obligations(black_box(today), &cal))
    });
    c.bench_function("next_events_one_case", |b| {
        b.iter(|| black_box(&case).next_events(black_box(today), &cal))
    });

    // Replay of a history: the assessing case's 11 events, and a long one.
    let history = case.history().to_vec();
    c.bench_function("replay_assessing_case", |b| {
        b.iter_batched(
            || history.clone(),
            |h| Case::replay(child(), LocalPolicy::sutton(), h),
            BatchSize::SmallInput,
        )
    });
}

fn caseload(c: &mut Criterion) {
    let cal = HolidayCalendar::england_and_wales();
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
                    let today = case.last_event_on().unwrap_or(d(2025, 3, 20));
                    case.obligations(today, &cal).map_or(0, |o| o.len())
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

/// Replay and read-back must cost the same per event at every N.
fn linear(c: &mut Criterion) {
    let cal = HolidayCalendar::england_and_wales();
    let policy = LocalPolicy::sutton();
    for (name, build) in [
        ("asc_pairs", asc_pairs as fn(u32, &HolidayCalendar) -> Case),
        (
            "advice_requests",
            advice_requests as fn(u32, &HolidayCalendar) -> Case,
        ),
    ] {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        for n in SIZES {
            let case = build(n, &cal);
            let history = case.history().to_vec();
            let record = CaseRecord::from(&case);
            group.throughput(Throughput::Elements(history.len() as u64));
            group.bench_with_input(BenchmarkId::new("replay", n), &history, |b, h| {
                b.iter_batched(
                    || h.clone(),
                    |h| Case::replay(child(), LocalPolicy::sutton(), h).expect("replays"),
                    BatchSize::LargeInput,
                )
            });
            group.bench_with_input(BenchmarkId::new("into_case", n), &record, |b, r| {
                b.iter_batched(
                    || r.clone(),
                    |r| r.into_case(&cal, &policy).expect("reads back"),
                    BatchSize::LargeInput,
                )
            });
        }
        group.finish();
    }
}

criterion_group!(benches, one_case, caseload, linear);
criterion_main!(benches);
