//! Live `apply` stays linear: the N-th event of a long history costs about
//! what the first does. Four histories that grow what the case keeps — open
//! advice requests, same-day review cycles, refusals (each a dispute and a
//! Next Steps Meeting), amendments (each a dispute on the plan's contents) —
//! are built to N − 100 events, and applying the last 100 is timed for
//! N = 200, 1,000 and 20,000 (throughput in events). The target: the
//! N = 20,000 figure within 2× of N = 200.
//!
//! Run with `cargo bench --bench apply -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use send_pathway::advice::{AdviceType, SensoryImpairment};
use send_pathway::calendar::HolidayCalendar;
use send_pathway::pathway::{
    Actor, Case, Child, DecisionNotice, Event, EventKind, ParentalAgreement, ReviewKind,
    ReviewOutcome,
};
use send_pathway::LocalPolicy;

const SIZES: [usize; 3] = [200, 1_000, 20_000];

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

fn parent(on: NaiveDate, kind: EventKind) -> Event {
    Event::new(on, Actor::Parent, kind)
}

fn request(on: NaiveDate) -> Event {
    parent(
        on,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    )
}

fn plan_loaded(on: NaiveDate) -> Event {
    council(
        on,
        EventKind::ExistingPlanLoaded {
            issued_on: d(2024, 9, 2),
            last_reviewed_on: None,
            school: "Oak Primary".into(),
        },
    )
}

/// The events of one history, as many as asked: the first opens the case.
fn history(kind: &str, n: usize) -> Vec<Event> {
    let day = d(2025, 3, 3);
    let mut out = Vec::with_capacity(n);
    match kind {
        "advice requests" => {
            out.push(request(d(2025, 1, 6)));
            out.push(council(d(2025, 2, 14), EventKind::DecidedToAssess));
            while out.len() < n {
                out.push(council(
                    day,
                    EventKind::AdviceRequested {
                        advice_type: AdviceType::Educational,
                        body: "body".into(),
                        contact: "contact".into(),
                    },
                ));
            }
        }
        "review cycles" => {
            out.push(plan_loaded(day));
            let cycle = [
                EventKind::ReviewMeetingScheduled {
                    meeting_on: day,
                    kind: ReviewKind::Scheduled,
                },
                EventKind::ReviewMeetingHeld,
                EventKind::ReviewDecided {
                    outcome: ReviewOutcome::Maintain,
                },
            ];
            for kind in cycle.iter().cycle() {
                if out.len() >= n {
                    break;
                }
                out.push(council(day, kind.clone()));
            }
        }
        "refusals" => {
            // Request and refusal, a day apart, for as long as it takes.
            let mut on = d(2025, 1, 6);
            while out.len() < n {
                out.push(request(on));
                if out.len() >= n {
                    break;
                }
                out.push(council(
                    on,
                    EventKind::DecidedNotToAssess {
                        panel_on: on,
                        notice: DecisionNotice::complete("needs can be met at SEN Support"),
                    },
                ));
                if out.len() % 200 == 0 {
                    on = on.checked_add_days(Days::new(1)).unwrap_or(on);
                }
            }
        }
        _ => {
            // Amendments: notice, the family's confirmation, the amended plan.
            out.push(plan_loaded(day));
            let cycle = [
                EventKind::AmendmentNoticeSent,
                EventKind::NoFurtherRepresentations,
                EventKind::AmendedPlanIssued {
                    school: "Oak Primary".into(),
                },
            ];
            for kind in cycle.iter().cycle() {
                if out.len() >= n {
                    break;
                }
                out.push(parent(day, kind.clone()));
            }
        }
    }
    out
}

fn built(events: &[Event], cal: &HolidayCalendar) -> Case {
    let mut events = events.iter().cloned();
    let first = events.next().expect("a first event");
    let (mut case, _) = Case::open(child(), LocalPolicy::statutory("Anytown"), first, cal)
        .expect("the history opens");
    for e in events {
        case.apply(e, cal).expect("the history applies");
    }
    case
}

/// Events timed together at each size: the case is cloned before each batch
/// (a clone holds its history at exact capacity, so its first push copies the
/// history once; spread over a batch that copy is what a live case's
/// amortised growth costs).
const BATCH: usize = 100;

fn nth_event(c: &mut Criterion) {
    let cal = HolidayCalendar::england_and_wales();
    let mut group = c.benchmark_group("apply events N-99 to N");
    group.throughput(Throughput::Elements(BATCH as u64));
    for kind in ["advice requests", "review cycles", "refusals", "amendments"] {
        for n in SIZES {
            let events = history(kind, n);
            let (before, last) = events.split_at(n.saturating_sub(BATCH));
            let case = built(before, &cal);
            // Check once that the timed events are accepted.
            let mut probe = case.clone();
            for e in last {
                probe.apply(e.clone(), &cal).expect("the N-th events apply");
            }
            group.bench_with_input(BenchmarkId::new(kind, n), &n, |b, _| {
                b.iter_batched_ref(
                    || (case.clone(), last.to_vec()),
                    |(case, events)| {
                        for e in events.drain(..) {
                            black_box(case.apply(e, &cal).is_ok());
                        }
                    },
                    BatchSize::LargeInput,
                )
            });
        }
    }
    group.finish();
}

criterion_group!(benches, nth_event);
criterion_main!(benches);
