//! Proptest strategies for `send-pathway`'s types (feature `proptest`).
//!
//! As `rust_decimal` offers `Arbitrary` for `Decimal`, this module offers the
//! strategies a service built on the crate needs to property-test its own
//! code: dates in the supported range, valid term calendars, valid event
//! sequences and the cases they build, and arbitrary (often illegal) events
//! for robustness tests.
//!
//! ```
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//! use send_pathway::strategies;
//!
//! let mut runner = TestRunner::default();
//! runner.run(&strategies::case(12), |case| {
//!     // Every generated case replays to itself.
//!     let cal = send_pathway::calendar::HolidayCalendar::england_and_wales();
//!     let again = send_pathway::pathway::Case::replay(case.child().clone(), case.policy().clone(), case.history().to_vec(), &cal)
//!         .map_err(|e| TestCaseError::fail(e.to_string()))?;
//!     prop_assert_eq!(again, case);
//!     Ok(())
//! })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

use crate::advice::{AdviceType, SensoryImpairment};
use crate::calendar::{AcademicYear, HolidayCalendar, Term, TermCalendar, TermId, TermName};
use crate::deadlines::PhaseTransfer;
use crate::money::Pounds;
use crate::pathway::{
    Actor, AppealOutcome, Case, CeaseGround, Child, DecisionNotice, Event, EventKind,
    FinalPlanChanges, MediationChoice, ParentalAgreement, ReviewKind, ReviewOutcome, Stage,
};
use crate::policy::LocalPolicy;

fn from_days(n: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MIN)
}

/// Any date from `first` to `last` inclusive.
pub fn date_between(first: NaiveDate, last: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    (first.num_days_from_ce()..=last.num_days_from_ce().max(first.num_days_from_ce()))
        .prop_map(from_days)
}

/// A date the built-in bank-holiday table covers (2015–2035).
pub fn supported_date() -> impl Strategy<Value = NaiveDate> {
    date_between(
        NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(2035, 12, 31).unwrap_or(NaiveDate::MAX),
    )
}

/// A valid three-term calendar for an academic year from 2015 to 2034, with
/// term dates that vary as real ones do, and an INSET closure.
pub fn term_calendar() -> impl Strategy<Value = TermCalendar> {
    (
        2015i32..2035,
        1u32..8,
        15u32..21,
        3u32..8,
        22u32..28,
        8u32..22,
        16u32..24,
    )
        .prop_map(
            |(
                year,
                autumn_start,
                autumn_end,
                spring_start,
                spring_end,
                summer_start,
                summer_end,
            )| {
                let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN);
                let terms = vec![
                    Term {
                        name: TermName::Autumn,
                        dates: range(d(year, 9, autumn_start), d(year, 12, autumn_end)),
                    },
                    Term {
                        name: TermName::Spring,
                        dates: range(d(year + 1, 1, spring_start), d(year + 1, 3, spring_end)),
                    },
                    Term {
                        name: TermName::Summer,
                        dates: range(d(year + 1, 4, summer_start), d(year + 1, 7, summer_end)),
                    },
                ];
                let inset = crate::calendar::Closure {
                    dates: range(d(year, 9, autumn_start), d(year, 9, autumn_start)),
                    reason: "INSET day".into(),
                };
                TermCalendar::new(terms, vec![inset]).unwrap_or_default()
            },
        )
}

fn range(first: NaiveDate, last: NaiveDate) -> crate::calendar::DateRange {
    crate::calendar::DateRange::new(first, last)
        .unwrap_or_else(|_| crate::calendar::DateRange::day(first))
}

/// A child born between 2003 and 2022.
pub fn child() -> impl Strategy<Value = Child> {
    (
        date_between(
            NaiveDate::from_ymd_opt(2003, 1, 1).unwrap_or(NaiveDate::MIN),
            NaiveDate::from_ymd_opt(2022, 12, 31).unwrap_or(NaiveDate::MAX),
        ),
        0u8..4,
    )
        .prop_map(|(dob, s)| Child {
            reference: format!("CYP-{}", dob.num_days_from_ce()),
            date_of_birth: dob,
            sensory_impairment: match s {
                0 => SensoryImpairment::Hearing,
                1 => SensoryImpairment::Visual,
                _ => SensoryImpairment::None,
            },
        })
}

/// A council policy: one of the presets.
pub fn policy() -> impl Strategy<Value = LocalPolicy> {
    prop_oneof![
        Just(LocalPolicy::sutton()),
        Just(LocalPolicy::salford()),
        Just(LocalPolicy::statutory("Anytown"))
    ]
}

fn actor(i: u8) -> Actor {
    match i % 6 {
        0 => Actor::Parent,
        1 => Actor::YoungPerson,
        2 => Actor::School,
        3 => Actor::Council,
        4 => Actor::Health,
        _ => Actor::Other("family friend".into()),
    }
}

/// Every kind of event, with small indices and plausible content; most are
/// illegal at any given stage. `on` is filled in by the caller.
fn event_kind(choice: u8, n: u8, on: NaiveDate) -> EventKind {
    let later = |days: u64| on.checked_add_days(Days::new(days)).unwrap_or(on);
    let idx = usize::from(n % 6);
    let term_name = match n % 3 {
        0 => TermName::Autumn,
        1 => TermName::Spring,
        _ => TermName::Summer,
    };
    let term = TermId {
        year: AcademicYear::containing(on),
        name: term_name,
    };
    match choice % 44 {
        0 => EventKind::SenSupportStarted,
        1 => EventKind::ParentsInformed,
        2 => EventKind::ApdrReviewed,
        3 => EventKind::AssessmentRequested {
            agreement: match n % 3 {
                0 => ParentalAgreement::Agreed,
                1 => ParentalAgreement::NotAgreed,
                _ => ParentalAgreement::NotApplicable,
            },
        },
        4 => EventKind::BroughtToAttention,
        5 => EventKind::ConsideringNotified,
        6 => EventKind::DecidedToAssess,
        7 => EventKind::DecidedNotToAssess {
            panel_on: on,
            notice: DecisionNotice::complete("needs can be met at SEN Support"),
        },
        8 => EventKind::AdviceRequested {
            advice_type: match n % 4 {
                0 => AdviceType::Educational,
                1 => AdviceType::Medical,
                2 => AdviceType::Psychological,
                _ => AdviceType::SocialCare,
            },
            body: "body".into(),
            contact: "contact".into(),
        },
        9 => EventKind::AdviceRequestReceived { request: idx },
        10 => EventKind::AdviceReceived { request: idx },
        11 => EventKind::DecidedNotToIssue {
            panel_on: on,
            notice: DecisionNotice::complete("a plan is not necessary"),
        },
        12 => EventKind::DraftPlanIssued {
            names_school: (n % 7 == 0).then(|| "Oak Primary".to_owned()),
        },
        13 => EventKind::RepresentationsReceived {
            requested_school: (n % 2 == 0).then(|| "Oak Primary".to_owned()),
        },
        14 => EventKind::NoFurtherRepresentations,
        15 => EventKind::SchoolConsulted {
            school: "Oak Primary".into(),
        },
        16 => EventKind::SchoolReplied { consultation: idx },
        17 => EventKind::FinalPlanIssued {
            school: "Oak Primary".into(),
            changes: if n % 9 == 0 {
                FinalPlanChanges::OtherChanges
            } else {
                FinalPlanChanges::RepresentationsAndPlacementOnly
            },
        },
        18 => EventKind::NsmAccepted,
        19 => EventKind::NsmDeclined,
        20 => EventKind::NsmHeld,
        21 => EventKind::ReturnedToSenSupport,
        22 => EventKind::AscStarted {
            reference: format!("ASC-{n}"),
        },
        23 => EventKind::AscTermFunded {
            term,
            amount: Pounds::whole(i64::from(n) * 100).unwrap_or(Pounds::ZERO),
        },
        24 => EventKind::AscEnded,
        25 => EventKind::PhaseTransferPlanned {
            transfer_on: later(200),
            transfer: PhaseTransfer::PrimaryToSecondary,
        },
        26 => EventKind::ReviewMeetingScheduled {
            meeting_on: later(u64::from(n % 30)),
            kind: if n % 5 == 0 {
                ReviewKind::Early
            } else {
                ReviewKind::Scheduled
            },
        },
        27 => EventKind::ReviewAdviceCirculated,
        28 => EventKind::ReviewMeetingHeld,
        29 => EventKind::ReviewReportSent,
        30 => EventKind::ReviewDecided {
            outcome: match n % 3 {
                0 => ReviewOutcome::Maintain,
                1 => ReviewOutcome::Amend,
                _ => ReviewOutcome::Cease,
            },
        },
        31 => EventKind::AmendmentNoticeSent,
        32 => EventKind::AmendedPlanIssued {
            school: "Elm Academy".into(),
        },
        33 => EventKind::DecidedNotToAmend {
            notice: DecisionNotice::complete("no change needed"),
        },
        34 => EventKind::ReassessmentRequested,
        35 => EventKind::ReassessmentRefused {
            notice: DecisionNotice::complete("no change in needs"),
        },
        36 => EventKind::ReassessmentAgreed,
        37 => EventKind::ReassessedPlanIssued {
            school: "Elm Academy".into(),
        },
        38 => EventKind::CeaseProposed,
        39 => EventKind::CeaseConsultationHeld,
        40 => EventKind::CeaseDecided {
            ground: if n % 2 == 0 {
                CeaseGround::NoLongerNecessary
            } else {
                CeaseGround::MovedAway
            },
            notice: DecisionNotice::complete("plan no longer necessary"),
        },
        41 => EventKind::PlanCeased,
        42 => EventKind::MediationAdviserContacted {
            dispute: idx % 2,
            choice: if n % 2 == 0 {
                MediationChoice::Declined
            } else {
                MediationChoice::WantsMediation
            },
        },
        _ => match n % 4 {
            0 => EventKind::MediationCertificateIssued { dispute: idx % 2 },
            1 => EventKind::MediationHeld { dispute: idx % 2 },
            2 => EventKind::AppealLodged { dispute: idx % 2 },
            _ => EventKind::AppealDecided {
                dispute: idx % 2,
                outcome: match n % 3 {
                    0 => AppealOutcome::Upheld,
                    1 => AppealOutcome::Dismissed,
                    _ => AppealOutcome::Withdrawn,
                },
            },
        },
    }
}

/// One arbitrary event dated `on` (most are illegal at any given stage).
pub fn event_on(on: NaiveDate) -> impl Strategy<Value = Event> {
    (any::<u8>(), any::<u8>(), any::<u8>())
        .prop_map(move |(choice, n, a)| Event::new(on, actor(a), event_kind(choice, n, on)))
}

/// A sequence of arbitrary events, dated from a start in the supported range
/// by gaps of -3 to 40 days (so some go backwards): for robustness tests.
pub fn arbitrary_events(max_len: usize) -> impl Strategy<Value = Vec<Event>> {
    (
        supported_date(),
        prop::collection::vec(
            (any::<u8>(), any::<u8>(), any::<u8>(), -3i64..40),
            0..max_len,
        ),
    )
        .prop_map(|(start, steps)| {
            let mut on = start;
            steps
                .into_iter()
                .map(|(choice, n, a, gap)| {
                    on = if gap >= 0 {
                        on.checked_add_days(Days::new(gap.unsigned_abs()))
                    } else {
                        on.checked_sub_days(Days::new(gap.unsigned_abs()))
                    }
                    .unwrap_or(on);
                    Event::new(on, actor(a), event_kind(choice, n, on))
                })
                .collect()
        })
}

/// A valid case of up to `max_events` events: every event in its history was
/// accepted by the pathway. Built by proposing arbitrary events and keeping
/// those the case accepts.
pub fn case(max_events: usize) -> impl Strategy<Value = Case> {
    (
        child(),
        policy(),
        date_between(
            NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or(NaiveDate::MIN),
            NaiveDate::from_ymd_opt(2030, 12, 31).unwrap_or(NaiveDate::MAX),
        ),
        prop::collection::vec(
            (any::<u8>(), any::<u8>(), any::<u8>(), 0u64..45),
            0..max_events.saturating_mul(4),
        ),
    )
        .prop_map(move |(child, policy, start, steps)| {
            build_case(child, policy, start, &steps, max_events)
        })
}

/// A valid event sequence (the history of a generated case) with its child and policy.
pub fn event_sequence(
    max_events: usize,
) -> impl Strategy<Value = (Child, LocalPolicy, Vec<Event>)> {
    case(max_events).prop_map(|c| (c.child().clone(), c.policy().clone(), c.history().to_vec()))
}

fn build_case(
    child: Child,
    policy: LocalPolicy,
    start: NaiveDate,
    steps: &[(u8, u8, u8, u64)],
    max_events: usize,
) -> Case {
    let cal = HolidayCalendar::england_and_wales();
    let first = Event::new(
        start,
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let mut case = match Case::open(child.clone(), policy.clone(), first, &cal) {
        Ok((case, _)) => case,
        // A parent's request always opens a case; SEN Support is the total fallback.
        Err(_) => Case::start_sen_support(child, policy, start, Actor::School),
    };
    let mut on = start;
    for &(choice, n, a, gap) in steps {
        if case.history().len() >= max_events {
            break;
        }
        on = on.checked_add_days(Days::new(gap)).unwrap_or(on);
        // Keep every deadline (some run in working days) inside the built-in table.
        if on.year() > 2034 {
            break;
        }
        // Bias towards the moves that make progress from the current stage.
        let kind = match (case.stage(), choice % 3) {
            (Stage::RequestReceived(_), 0) => EventKind::DecidedToAssess,
            (Stage::Assessing(_), 0) => EventKind::DraftPlanIssued { names_school: None },
            (Stage::DraftIssued(_), 0) => EventKind::FinalPlanIssued {
                school: "Oak Primary".into(),
                changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
            },
            (Stage::PlanMaintained(_), 0) => EventKind::ReviewMeetingScheduled {
                meeting_on: on.checked_add_days(Days::new(15)).unwrap_or(on),
                kind: ReviewKind::Scheduled,
            },
            (Stage::ReviewScheduled(_), 0) => EventKind::ReviewMeetingHeld,
            (Stage::ReviewHeld(_), 0) => EventKind::ReviewReportSent,
            (Stage::ReportSent(_), 0) => EventKind::ReviewDecided {
                outcome: match n % 4 {
                    0 => ReviewOutcome::Amend,
                    1 => ReviewOutcome::Cease,
                    _ => ReviewOutcome::Maintain,
                },
            },
            (Stage::CeaseProposed(_), 0) => EventKind::CeaseConsultationHeld,
            _ => event_kind(choice / 3, n, on),
        };
        let _ = case.apply(Event::new(on, actor(a), kind), &cal);
    }
    case
}
