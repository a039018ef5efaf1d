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
//!     let again = send_pathway::pathway::Case::replay(case.child().clone(), case.policy().clone(), case.history().to_vec())
//!         .map_err(|e| TestCaseError::fail(e.to_string()))?;
//!     prop_assert_eq!(again.state(), case.state());
//!     prop_assert_eq!(again.history(), case.history());
//!     Ok(())
//! })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

use crate::advice::{AdviceType, SensoryImpairment};
use crate::asc::{
    AscDecision, AscEvidence, AscRequest, AscRequester, EhcPlanStatus, ExtensionWish, Moderation,
    OfficerDecision, PanelAdvice, Progress, Robustness, SetupMeeting, SupportStillNeeded,
    TermReview,
};
use crate::calendar::Provision;
use crate::calendar::{AcademicYear, HolidayCalendar, Term, TermCalendar, TermId, TermName};
use crate::deadlines::PhaseTransfer;
use crate::money::Pounds;
use crate::pathway::{
    Actor, AdviceId, AppealGrounds, AppealOutcome, Case, CeaseGround, Child, ConsultationId,
    ContractId, DecisionNotice, DisputeId, Event, EventKind, FinalPlanChanges, MediationChoice,
    MeetingId, ParentalAgreement, ReviewFinding, ReviewKind, ReviewOutcome,
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

/// The first day of the built-in bank-holiday table: generated plans are made
/// no earlier, so every clock they start can be placed in it.
const TABLE_START: NaiveDate = match NaiveDate::from_ymd_opt(2015, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

fn pounds(n: i64) -> Pounds {
    Pounds::whole(n).unwrap_or(Pounds::ZERO)
}

/// A complete ASC request from a setting (ASC-REQUESTERS, ASC-NOTIONAL-FIRST, ASC-EVIDENCE).
fn asc_request(on: NaiveDate, per_term: i64) -> AscRequest {
    AscRequest {
        child: "the child".into(),
        setting: "Oak Primary".into(),
        requested_by: AscRequester::Setting,
        received_on: on,
        plan: EhcPlanStatus::NoPlan,
        evidence: AscEvidence {
            notional_budget_spent: pounds(6_000),
            use_of_notional_budget: "small-group literacy, TA time".into(),
            reason_for_more: "less than expected progress over two APDR cycles".into(),
            apdr_evidence: "three APDR cycles".into(),
            smart_outcomes: vec!["read 40 words a minute by the end of term".into()],
            family_involvement: "met with parents twice".into(),
        },
        requested_per_term: pounds(per_term),
    }
}

fn asc_decision(on: NaiveDate, per_term: i64) -> AscDecision {
    AscDecision::new(
        PanelAdvice {
            panel_date: on,
            targets: Robustness::Robust,
            recommended_per_term: pounds(per_term),
        },
        OfficerDecision::Approved {
            officer: "Head of SEND".into(),
            decided_on: on,
            per_term: pounds(per_term),
        },
    )
}

/// The term containing `on` (or the next one), with plausible dates: Sutton's
/// scheme funds whole terms, so the term must not have ended.
fn term_of(on: NaiveDate) -> (TermId, crate::calendar::DateRange) {
    let year = AcademicYear::containing(on);
    let y = year.start_year();
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or(on);
    let (name, first, last) = match on.month() {
        9..=12 => (TermName::Autumn, d(y, 9, 1), d(y, 12, 20)),
        1..=3 => (TermName::Spring, d(y + 1, 1, 5), d(y + 1, 3, 31)),
        _ => (TermName::Summer, d(y + 1, 4, 15), d(y + 1, 8, 31)),
    };
    (TermId { year, name }, range(first, last))
}

/// Every kind of event, with small ids and plausible content; most are
/// illegal at any given moment. `on` is filled in by the caller.
fn event_kind(choice: u8, n: u8, on: NaiveDate) -> EventKind {
    let later = |days: u64| on.checked_add_days(Days::new(days)).unwrap_or(on);
    let small = u32::from(n % 4);
    let (term, dates) = term_of(on);
    match choice % 62 {
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
            notice: notice(n),
        },
        8 => EventKind::AdviceRequested {
            advice_type: match n % 4 {
                0 => AdviceType::Educational,
                1 => AdviceType::Psychological,
                2 => AdviceType::Medical,
                _ => AdviceType::SocialCare,
            },
            body: "Sutton EP service".into(),
            contact: "duty EP".into(),
        },
        9 => EventKind::AdviceRequestReceived {
            advice: AdviceId::new(small),
        },
        10 => EventKind::AdviceReceived {
            advice: AdviceId::new(small),
        },
        11 => EventKind::DecidedNotToIssue {
            panel_on: on,
            notice: notice(n),
        },
        12 => EventKind::DraftPlanIssued {
            names_school: (n % 7 == 0).then(|| "Oak Primary".into()),
        },
        13 => EventKind::RepresentationsReceived {
            requested_school: (n % 2 == 0).then(|| "Elm Academy".into()),
        },
        14 => EventKind::NoFurtherRepresentations,
        15 => EventKind::SchoolConsulted {
            school: "Elm Academy".into(),
        },
        16 => EventKind::SchoolReplied {
            consultation: ConsultationId::new(small),
        },
        17 => EventKind::FinalPlanIssued {
            school: "Oak Primary".into(),
            changes: if n % 9 == 0 {
                FinalPlanChanges::OtherChanges
            } else {
                FinalPlanChanges::RepresentationsAndPlacementOnly
            },
        },
        18 => EventKind::NsmAccepted {
            meeting: MeetingId::new(small % 2),
        },
        19 => EventKind::NsmDeclined {
            meeting: MeetingId::new(small % 2),
        },
        20 => EventKind::NsmHeld {
            meeting: MeetingId::new(small % 2),
        },
        21 => EventKind::ReturnedToSenSupport,
        22 => EventKind::AscRequested {
            request: Box::new(asc_request(on, 1_500 + i64::from(n % 3) * 500)),
        },
        23 => EventKind::AscTermFunded {
            contract: ContractId::new(small % 2),
            term,
            dates,
            amount: pounds(i64::from(n % 5) * 500),
            moderation: if n % 2 == 0 {
                Moderation::Moderated
            } else {
                Moderation::NotModerated
            },
        },
        24 => EventKind::AscEnded {
            contract: ContractId::new(small % 2),
            support_still_needed: if n % 2 == 0 {
                SupportStillNeeded::Yes
            } else {
                SupportStillNeeded::No
            },
        },
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
            outcome: review_outcome(n),
        },
        31 => EventKind::AmendmentNoticeSent,
        32 => EventKind::AmendedPlanIssued {
            school: "Elm Academy".into(),
        },
        33 => EventKind::DecidedNotToAmend { notice: notice(n) },
        34 => EventKind::ReassessmentRequested,
        35 => EventKind::ReassessmentRefused { notice: notice(n) },
        36 => EventKind::ReassessmentAgreed,
        37 => EventKind::ReassessedPlanIssued {
            school: "Oak Primary".into(),
        },
        38 => EventKind::CeaseProposed,
        39 => EventKind::CeaseConsultationHeld,
        40 => EventKind::CeaseDecided {
            ground: cease_ground(n),
            notice: notice(n),
        },
        41 => EventKind::PlanCeased,
        42 => EventKind::MediationAdviserContacted {
            dispute: DisputeId::new(small % 3),
            choice: if n % 2 == 0 {
                MediationChoice::Declined
            } else {
                MediationChoice::WantsMediation
            },
        },
        43 => EventKind::MediationHeld {
            dispute: DisputeId::new(small % 3),
        },
        44 => EventKind::MediationCertificateIssued {
            dispute: DisputeId::new(small % 3),
        },
        45 => EventKind::AppealLodged {
            dispute: DisputeId::new(small % 3),
            grounds: if n % 3 == 0 {
                AppealGrounds::PlacementOnly
            } else {
                AppealGrounds::NeedsOrProvision
            },
        },
        46 => EventKind::AppealDecided {
            dispute: DisputeId::new(small % 3),
            outcome: appeal_outcome(n),
        },
        47 => EventKind::AscSetupMeetingHeld {
            contract: ContractId::new(small % 2),
            meeting: Box::new(SetupMeeting {
                held_on: on,
                targets: vec!["phonics".into()],
                impact_measures: "termly reading age".into(),
                planned_use: "1:1 TA".into(),
                planned_amount: pounds(2_000),
            }),
        },
        48 => EventKind::AscDecided {
            contract: ContractId::new(small % 2),
            decision: Box::new(asc_decision(on, 2_000)),
        },
        49 => EventKind::AscReviewed {
            contract: ContractId::new(small % 2),
            review: TermReview {
                reviewed_on: on,
                progress: if n % 3 == 0 {
                    Progress::NotSuccessful
                } else {
                    Progress::Successful
                },
                extension: if n % 2 == 0 {
                    ExtensionWish::Wanted
                } else {
                    ExtensionWish::NotWanted
                },
            },
        },
        50 => EventKind::AscExtended {
            contract: ContractId::new(small % 2),
            decision: Box::new(asc_decision(on, 2_000)),
        },
        51 => EventKind::ExistingPlanLoaded {
            issued_on: on
                .checked_sub_days(Days::new(u64::from(n) * 3))
                .unwrap_or(on)
                .max(TABLE_START.min(on)),
            last_reviewed_on: None,
            school: "Oak Primary".into(),
        },
        52 => EventKind::PlanTransferredIn {
            from_council: "Croydon".into(),
            plan_made_on: on
                .checked_sub_days(Days::new(u64::from(n) * 4))
                .unwrap_or(on)
                .max(TABLE_START.min(on)),
            last_reviewed_on: None,
            school: "Oak Primary".into(),
        },
        53 => EventKind::TransferNotified,
        54 => EventKind::AssessmentTransferredIn {
            from_council: "Merton".into(),
        },
        55 => EventKind::TransferredOut {
            to_council: "Kingston".into(),
        },
        56 => EventKind::MediationAgreementReached {
            dispute: DisputeId::new(small % 3),
        },
        57 => EventKind::HealthMediationRequested {
            dispute: DisputeId::new(small % 3),
        },
        58 => EventKind::HealthCommissionerNotified {
            dispute: DisputeId::new(small % 3),
        },
        59 => EventKind::TribunalRecommendation {
            dispute: DisputeId::new(small % 3),
        },
        60 => EventKind::RecommendationAnswered {
            dispute: DisputeId::new(small % 3),
        },
        _ => EventKind::ReviewMeetingHeld,
    }
}

fn notice(n: u8) -> DecisionNotice {
    if n % 11 == 0 {
        DecisionNotice {
            reasons: String::new(),
            includes: Vec::new(),
        }
    } else {
        DecisionNotice::complete("needs can be met at SEN Support")
    }
}

fn review_outcome(n: u8) -> ReviewOutcome {
    match n % 4 {
        0 => ReviewOutcome::Amend,
        1 => ReviewOutcome::Cease,
        _ => ReviewOutcome::Maintain,
    }
}

fn appeal_outcome(n: u8) -> AppealOutcome {
    match n % 4 {
        0 => AppealOutcome::Upheld,
        1 => AppealOutcome::Dismissed,
        2 => AppealOutcome::Conceded,
        _ => AppealOutcome::Withdrawn,
    }
}

fn cease_ground(n: u8) -> CeaseGround {
    match n % 6 {
        0 => CeaseGround::NoLongerNecessary,
        1 => CeaseGround::MovedAway,
        2 => CeaseGround::Employment,
        3 => CeaseGround::HigherEducation,
        4 => CeaseGround::AgeLimit {
            provision: Provision::FurtherEducation,
        },
        _ => CeaseGround::LeftEducation {
            review_found_not_returning: ReviewFinding::NotReturning,
        },
    }
}

/// One arbitrary event dated `on` (most are illegal at any given moment).
pub fn event_on(on: NaiveDate) -> impl Strategy<Value = Event> {
    (any::<u8>(), any::<u8>(), any::<u8>())
        .prop_map(move |(choice, n, a)| Event::new(on, actor(a), event_kind(choice, n, on)))
}

/// The most events a strategy generates: bigger arguments are capped here, so
/// a huge `max_len` cannot overflow an allocation.
pub const MAX_GENERATED_EVENTS: usize = 10_000;

/// A sequence of up to `max_len` arbitrary events (capped at
/// [`MAX_GENERATED_EVENTS`]; `0` gives the empty sequence), dated from a start
/// in the supported range by gaps of -3 to 40 days (so some go backwards):
/// for robustness tests.
pub fn arbitrary_events(max_len: usize) -> impl Strategy<Value = Vec<Event>> {
    let max_len = max_len.min(MAX_GENERATED_EVENTS);
    (
        supported_date(),
        prop::collection::vec(
            (any::<u8>(), any::<u8>(), any::<u8>(), -3i64..40),
            0..=max_len,
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

/// A valid case of up to `max_events` events (capped at
/// [`MAX_GENERATED_EVENTS`]; `0` still gives a case, of its one opening
/// event): every event in its history was accepted by the pathway. Built by
/// proposing the moves [`Case::next_events`] allows — so reviews, amendments,
/// re-assessments, cease proposals and appeals run side by side — mixed with
/// arbitrary events, and keeping those the case accepts.
pub fn case(max_events: usize) -> impl Strategy<Value = Case> {
    let max_events = max_events.clamp(1, MAX_GENERATED_EVENTS);
    (
        child(),
        policy(),
        date_between(
            NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or(NaiveDate::MIN),
            NaiveDate::from_ymd_opt(2030, 12, 31).unwrap_or(NaiveDate::MAX),
        ),
        any::<bool>(),
        prop::collection::vec(
            (any::<u8>(), any::<u8>(), any::<u8>(), 0u64..45),
            0..=max_events.saturating_mul(4),
        ),
    )
        .prop_filter_map(
            "a case opens with SEN Support at the latest",
            move |(child, policy, start, existing_plan, steps)| {
                build_case(child, policy, start, existing_plan, &steps, max_events)
            },
        )
}

/// A valid event sequence (the history of a generated case) with its child and
/// policy; arguments as [`case`].
pub fn event_sequence(
    max_events: usize,
) -> impl Strategy<Value = (Child, LocalPolicy, Vec<Event>)> {
    case(max_events).prop_map(|c| (c.child().clone(), c.policy().clone(), c.history().to_vec()))
}

/// The event a `next_events` tag stands for, filled in plausibly.
fn planned_event(case: &Case, tag: &str, n: u8, on: NaiveDate) -> Option<EventKind> {
    let later = |days: u64| on.checked_add_days(Days::new(days)).unwrap_or(on);
    let open_dispute = case
        .disputes()
        .iter()
        .rev()
        .find(|d| d.appeal().is_none() && d.outcome().is_none())
        .map(|d| d.id());
    let lodged = case
        .disputes()
        .iter()
        .find(|d| d.appeal().is_some() && d.outcome().is_none())
        .map(|d| d.id());
    Some(match tag {
        "decided_to_assess" => EventKind::DecidedToAssess,
        "decided_not_to_assess" if n % 4 == 0 => EventKind::DecidedNotToAssess {
            panel_on: on,
            notice: DecisionNotice::complete("needs can be met at SEN Support"),
        },
        "advice_requested" => event_kind(8, n, on),
        "draft_plan_issued" => EventKind::DraftPlanIssued { names_school: None },
        "final_plan_issued" => EventKind::FinalPlanIssued {
            school: "Oak Primary".into(),
            changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
        },
        "school_consulted" => EventKind::SchoolConsulted {
            school: "Elm Academy".into(),
        },
        "review_meeting_scheduled" => EventKind::ReviewMeetingScheduled {
            meeting_on: later(15),
            kind: ReviewKind::Scheduled,
        },
        "review_meeting_held" => EventKind::ReviewMeetingHeld,
        "review_decided" => EventKind::ReviewDecided {
            outcome: review_outcome(n),
        },
        "amendment_notice_sent" => EventKind::AmendmentNoticeSent,
        "amended_plan_issued" => EventKind::AmendedPlanIssued {
            school: "Elm Academy".into(),
        },
        "reassessment_requested" if n % 5 == 0 => EventKind::ReassessmentRequested,
        "reassessment_agreed" => EventKind::ReassessmentAgreed,
        "reassessed_plan_issued" => EventKind::ReassessedPlanIssued {
            school: "Oak Primary".into(),
        },
        "cease_proposed" if n % 7 == 0 => EventKind::CeaseProposed,
        "cease_consultation_held" => EventKind::CeaseConsultationHeld,
        "cease_decided" => EventKind::CeaseDecided {
            ground: CeaseGround::NoLongerNecessary,
            notice: DecisionNotice::complete("outcomes met"),
        },
        "plan_ceased" => EventKind::PlanCeased,
        "mediation_adviser_contacted" => EventKind::MediationAdviserContacted {
            dispute: open_dispute?,
            choice: if n % 2 == 0 {
                MediationChoice::Declined
            } else {
                MediationChoice::WantsMediation
            },
        },
        "mediation_held" => EventKind::MediationHeld {
            dispute: open_dispute?,
        },
        "mediation_certificate_issued" => EventKind::MediationCertificateIssued {
            dispute: open_dispute?,
        },
        "appeal_lodged" => EventKind::AppealLodged {
            dispute: open_dispute?,
            grounds: AppealGrounds::NeedsOrProvision,
        },
        "transfer_notified" => EventKind::TransferNotified,
        "review_conduct_recorded" => EventKind::ReviewConductRecorded {
            duties: crate::pathway::reviews::ReviewDuty::ALL[..usize::from(n % 3) + 1].to_vec(),
        },
        "parents_informed" => EventKind::ParentsInformed,
        "apdr_reviewed" if n % 3 == 0 => EventKind::ApdrReviewed,
        "transferred_out" if n % 29 == 0 => EventKind::TransferredOut {
            to_council: "Kingston".into(),
        },
        "health_commissioner_notified" => EventKind::HealthCommissionerNotified {
            dispute: case
                .disputes()
                .iter()
                .find(|d| d.health().is_some_and(|(_, told)| told.is_none()))?
                .id(),
        },
        "recommendation_answered" => EventKind::RecommendationAnswered {
            dispute: case
                .disputes()
                .iter()
                .find(|d| d.recommendation().is_some_and(|(_, r)| r.is_none()))?
                .id(),
        },
        "plan_transferred_in" => event_kind(52, n, on),
        _ => match lodged {
            Some(dispute) if n % 3 == 0 => EventKind::AppealDecided {
                dispute,
                outcome: appeal_outcome(n),
            },
            _ => return None,
        },
    })
}

fn build_case(
    child: Child,
    policy: LocalPolicy,
    start: NaiveDate,
    existing_plan: bool,
    steps: &[(u8, u8, u8, u64)],
    max_events: usize,
) -> Option<Case> {
    let cal = HolidayCalendar::england_and_wales();
    let first = if existing_plan {
        if start.day() % 5 == 0 {
            event_kind(52, start.day0() as u8, start)
        } else {
            EventKind::ExistingPlanLoaded {
                issued_on: start.checked_sub_days(Days::new(200)).unwrap_or(start),
                last_reviewed_on: None,
                school: "Oak Primary".into(),
            }
        }
    } else {
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        }
    };
    // A request for someone already 25 is refused (REQ-WHO); SEN Support always opens.
    let mut case = [first, EventKind::SenSupportStarted]
        .into_iter()
        .find_map(|kind| {
            Case::open(
                child.clone(),
                policy.clone(),
                Event::new(start, Actor::Parent, kind),
                &cal,
            )
            .ok()
            .map(|(c, _)| c)
        })?;
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
        // Mostly a move the case says may happen next; sometimes anything at all.
        let planned = if choice % 4 == 0 {
            None
        } else {
            case.next_events(on, &cal).ok().and_then(|next| {
                let pick = next.get(usize::from(n) % next.len().max(1))?;
                planned_event(&case, pick.event, n, on)
            })
        };
        let kind = planned.unwrap_or_else(|| event_kind(choice / 4, n, on));
        let _ = case.apply(Event::new(on, actor(a), kind), &cal);
    }
    Some(case)
}

mod caseload;
pub use caseload::{
    generate_caseload, national_caseload, CaseloadMix, CaseloadRng, GeneratedCaseload,
    RefusedEvent, DEFAULT_CASELOAD_DAY,
};
