//! The SEN2 return from a caseload (SEN2-SCOPE). Public API only.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use send_pathway::advice::SensoryImpairment;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::caseload::{
    census_date, AssessmentOutcome, CeaseReason, CeasedWindow, CollectionYear, Proportion,
    RequestOutcome, Sen2Return,
};
use send_pathway::exceptions::{ExceptionClaim, ExceptionGround, ExceptionId};
use send_pathway::pathway::ReviewDuty;
use send_pathway::pathway::{
    Actor, Case, Child, DecisionNotice, Event, EventKind, FinalPlanChanges, ParentalAgreement,
    ReviewKind, ReviewOutcome,
};
use send_pathway::strategies::national_caseload;
use send_pathway::{Error, LocalPolicy};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn council(on: NaiveDate, kind: EventKind) -> Event {
    Event::new(on, Actor::Council, kind)
}

fn open(reference: &str, received: NaiveDate, policy: LocalPolicy) -> Case {
    let cal = HolidayCalendar::england_and_wales();
    let child = Child {
        reference: reference.into(),
        date_of_birth: d(2016, 3, 1),
        sensory_impairment: SensoryImpairment::None,
    };
    let first = Event::new(
        received,
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    Case::open(child, policy, first, &cal).expect("opens").0
}

fn apply(case: &mut Case, event: Event) {
    let cal = HolidayCalendar::england_and_wales();
    case.apply(event, &cal).expect("event accepted");
}

/// Request → decision to assess → draft → final plan.
fn issued(
    reference: &str,
    received: NaiveDate,
    decided: NaiveDate,
    draft: NaiveDate,
    fin: NaiveDate,
) -> Case {
    let mut case = open(reference, received, LocalPolicy::sutton());
    apply(&mut case, council(decided, EventKind::DecidedToAssess));
    apply(
        &mut case,
        council(draft, EventKind::DraftPlanIssued { names_school: None }),
    );
    apply(
        &mut case,
        council(
            fin,
            EventKind::FinalPlanIssued {
                school: "Oak Primary".into(),
                changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
            },
        ),
    );
    case
}

#[test]
fn census_dates_sen2_scope() {
    assert_eq!(census_date(2024).unwrap(), d(2024, 1, 18));
    assert_eq!(census_date(2025).unwrap(), d(2025, 1, 16));
    assert_eq!(census_date(2026).unwrap(), d(2026, 1, 15));
    assert_eq!(census_date(2027).unwrap(), d(2027, 1, 21));
    assert_eq!(
        census_date(2028),
        Err(Error::UnknownCensusDate { year: 2028 })
    );
    // A caller-supplied census date must be a Thursday in January of the year.
    assert!(CollectionYear::with_census_date(2028, d(2028, 1, 20)).is_ok());
    assert!(CollectionYear::with_census_date(2028, d(2028, 1, 21)).is_err());
    assert!(CollectionYear::with_census_date(2026, d(2026, 1, 22)).is_err());
    let y = CollectionYear::new(2026).unwrap();
    assert_eq!(
        (y.period().unwrap().first(), y.period().unwrap().last()),
        (d(2025, 1, 1), d(2025, 12, 31))
    );
}

#[test]
fn percentages_one_decimal_halves_away_from_zero_sen2_timeliness_20w() {
    // England 2019: 58.7% including, 60.4% excluding exceptions.
    assert_eq!(
        Proportion::new(31_313, 53_327).percent(),
        Some(Decimal::new(587, 1))
    );
    assert_eq!(
        Proportion::new(29_895, 49_519).percent(),
        Some(Decimal::new(604, 1))
    );
    assert_eq!(Proportion::new(1, 16).percent(), Some(Decimal::new(63, 1))); // 6.25 -> 6.3
    assert_eq!(Proportion::new(1, 80).percent(), Some(Decimal::new(13, 1))); // 1.25 -> 1.3
    assert_eq!(Proportion::new(0, 0).percent(), None);
    assert_eq!(
        Proportion::new(31_313, 53_327).to_string(),
        "58.7% (31,313 of 53,327)"
    );
}

#[test]
fn requests_assessments_and_timeliness_sen2_request_sen2_assessment_sen2_timeliness_20w() {
    let cal = HolidayCalendar::england_and_wales();
    // In time: received 2025-01-06, issued 2025-05-23 (≤ 140 days, T-FINAL-20W).
    let on_time = issued(
        "A",
        d(2025, 1, 6),
        d(2025, 2, 10),
        d(2025, 4, 7),
        d(2025, 5, 23),
    );
    // Late, with an EXC-13-3 exception recorded: received 2025-02-03, issued 2025-08-01.
    let mut excused = open("B", d(2025, 2, 3), LocalPolicy::sutton());
    apply(
        &mut excused,
        council(d(2025, 3, 10), EventKind::DecidedToAssess),
    );
    let claim = ExceptionClaim::new(
        ExceptionId::Exc13_3,
        ExceptionGround::ExceptionalPersonalCircumstances,
        "the child was in hospital from May to July",
        "the family could not take part in the assessment",
    )
    .unwrap();
    apply(
        &mut excused,
        council(
            d(2025, 5, 1),
            EventKind::ExceptionRecorded {
                claim: Box::new(claim),
            },
        ),
    );
    apply(
        &mut excused,
        council(
            d(2025, 6, 2),
            EventKind::DraftPlanIssued { names_school: None },
        ),
    );
    apply(
        &mut excused,
        council(
            d(2025, 8, 1),
            EventKind::FinalPlanIssued {
                school: "Oak Primary".into(),
                changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
            },
        ),
    );
    // Historical decision (2024), plan issued late in 2025: H request, Y assessment, late.
    let historical = issued(
        "C",
        d(2024, 11, 1),
        d(2024, 12, 10),
        d(2025, 3, 3),
        d(2025, 6, 30),
    );
    // A "no" after 6 weeks and a day: received 2025-03-03, due 2025-04-14, decided 2025-04-15.
    let mut refused = open("D", d(2025, 3, 3), LocalPolicy::sutton());
    apply(
        &mut refused,
        council(
            d(2025, 4, 15),
            EventKind::DecidedNotToAssess {
                panel_on: d(2025, 4, 14),
                notice: DecisionNotice::complete("needs can be met at SEN Support"),
            },
        ),
    );
    // Received in December 2025, undecided at the period's end: A.
    let pending = open("E", d(2025, 12, 15), LocalPolicy::sutton());
    // Out of scope: everything in 2023.
    let old = issued(
        "F",
        d(2023, 1, 9),
        d(2023, 2, 6),
        d(2023, 4, 3),
        d(2023, 5, 22),
    );

    let cases = [on_time, excused, historical, refused, pending, old];
    let ret = Sen2Return::build(
        &cases,
        CollectionYear::new(2026).unwrap(),
        CeasedWindow::default(),
        &cal,
    )
    .unwrap();
    assert_eq!(ret.council, "Sutton");
    let refs: Vec<_> = ret.requests.iter().map(|r| r.reference.as_str()).collect();
    assert_eq!(refs, ["A", "B", "C", "D", "E"]);
    let by = |r: &str| ret.requests.iter().find(|x| x.reference == r).unwrap();

    let a = by("A");
    assert_eq!((a.outcome, a.outcome.code()), (RequestOutcome::Assess, 'Y'));
    assert_eq!(a.outcome_date, Some(d(2025, 2, 10)));
    assert_eq!(a.decided_within_6_weeks, Some(true));
    let a_assess = a.assessment.as_ref().unwrap();
    assert_eq!(a_assess.outcome, AssessmentOutcome::Issue);
    assert_eq!(a_assess.outcome_date, Some(d(2025, 5, 23)));
    assert_eq!(a_assess.within_20_weeks, Some(true));

    let b = by("B").assessment.as_ref().unwrap();
    assert!(b.week20_exceptions);
    assert_eq!(b.within_20_weeks, Some(false));

    let c = by("C");
    assert_eq!(c.outcome, RequestOutcome::Historical);
    assert_eq!(c.outcome_date, None);
    assert_eq!(
        c.assessment.as_ref().unwrap().outcome,
        AssessmentOutcome::Issue
    );
    assert_eq!(c.assessment.as_ref().unwrap().within_20_weeks, Some(false));

    let d_ = by("D");
    assert_eq!(d_.outcome, RequestOutcome::NotAssess);
    assert_eq!(d_.decided_within_6_weeks, Some(false)); // T-DECIDE-6W, SEN2-TIMELINESS-OTHER
    assert!(d_.assessment.is_none());
    assert_eq!(by("E").outcome, RequestOutcome::NotYetDecided);

    // Aggregates come from the same records (SEN2-TIMELINESS-20W).
    let agg = ret.aggregates();
    assert_eq!(agg.requests, 5);
    assert_eq!(
        agg.within_20_weeks_including_exceptions,
        Proportion::new(1, 3)
    );
    assert_eq!(
        agg.within_20_weeks_including_exceptions.percent(),
        Some(Decimal::new(333, 1))
    );
    // Excluding exceptions removes B from numerator and denominator.
    assert_eq!(
        agg.within_20_weeks_excluding_exceptions,
        Proportion::new(1, 2)
    );
    assert_eq!(
        agg.within_20_weeks_excluding_exceptions.percent(),
        Some(Decimal::new(500, 1))
    );
    assert_eq!(agg.decisions_within_6_weeks, Proportion::new(2, 3));
    assert_eq!(
        (
            agg.issued_within_20_weeks,
            agg.issued_20_to_52_weeks,
            agg.issued_over_52_weeks
        ),
        (1, 2, 0)
    );
    assert!(agg.average_weeks_to_issue.is_some());
}

#[test]
fn active_plans_and_review_timeliness_sen2_active_sen2_timeliness_other() {
    let cal = HolidayCalendar::england_and_wales();
    let child = Child {
        reference: "P".into(),
        date_of_birth: d(2014, 3, 1),
        sensory_impairment: SensoryImpairment::None,
    };
    let first = council(
        d(2024, 3, 1),
        EventKind::ExistingPlanLoaded {
            issued_on: d(2023, 3, 1),
            last_reviewed_on: Some(d(2024, 2, 20)),
            school: "Oak Primary".into(),
        },
    );
    let (mut case, _) = Case::open(child, LocalPolicy::sutton(), first, &cal).unwrap();
    let meeting = d(2025, 1, 22);
    for e in [
        council(
            d(2025, 1, 6),
            EventKind::ReviewMeetingScheduled {
                meeting_on: meeting,
                kind: ReviewKind::Scheduled,
            },
        ),
        council(d(2025, 1, 8), EventKind::ReviewAdviceCirculated),
        council(meeting, EventKind::ReviewMeetingHeld),
        council(
            meeting,
            EventKind::ReviewConductRecorded {
                duties: ReviewDuty::ALL.to_vec(),
            },
        ),
        council(d(2025, 2, 3), EventKind::ReviewReportSent),
        // Decided 2025-02-21: within 4 weeks of 22 January (due 19 February)? No — 2 days late.
        council(
            d(2025, 2, 21),
            EventKind::ReviewDecided {
                outcome: ReviewOutcome::Amend,
            },
        ),
    ] {
        case.apply(e, &cal).expect("review event");
    }
    let cases = [case];
    // Census 2025-01-16: the plan is active; the 2025 meeting is after the census.
    let y2025 = Sen2Return::build(
        &cases,
        CollectionYear::new(2025).unwrap(),
        CeasedWindow::default(),
        &cal,
    )
    .unwrap();
    assert_eq!(y2025.active_plans.len(), 1);
    let p = &y2025.active_plans[0];
    assert_eq!(p.start_date, d(2023, 3, 1));
    assert_eq!(p.review_meeting, None);
    // Census 2026-01-15: meeting 2025-01-22, decision 2025-02-21, amend, late.
    let y2026 = Sen2Return::build(
        &cases,
        CollectionYear::new(2026).unwrap(),
        CeasedWindow::default(),
        &cal,
    )
    .unwrap();
    let p = &y2026.active_plans[0];
    assert_eq!(p.review_meeting, Some(meeting));
    assert_eq!(p.last_review, Some(d(2025, 2, 21)));
    assert_eq!(p.review_outcome, Some(ReviewOutcome::Amend));
    assert_eq!(p.review_decision_within_4_weeks, Some(false)); // T-REVIEW-DECISION-4W
    let agg = y2026.aggregates();
    assert_eq!(agg.review_decisions_within_4_weeks, Proportion::new(0, 1));
    assert_eq!(agg.reviews_amend, 1);
    assert_eq!(agg.active_plans, 1);
}

#[test]
fn empty_and_mixed_caseloads_sen2_scope() {
    let cal = HolidayCalendar::england_and_wales();
    let none: [Case; 0] = [];
    let ret = Sen2Return::build(
        &none,
        CollectionYear::new(2026).unwrap(),
        CeasedWindow::default(),
        &cal,
    )
    .unwrap();
    assert!(ret.requests.is_empty() && ret.active_plans.is_empty() && ret.ceased_plans.is_empty());
    let agg = ret.aggregates();
    assert_eq!(agg.within_20_weeks_including_exceptions.percent(), None);
    assert_eq!(agg.average_weeks_to_issue, None);

    let mixed = [
        open("A", d(2025, 1, 6), LocalPolicy::sutton()),
        open("B", d(2025, 1, 6), LocalPolicy::salford()),
    ];
    let err = Sen2Return::build(
        &mixed,
        CollectionYear::new(2026).unwrap(),
        CeasedWindow::default(),
        &cal,
    )
    .unwrap_err();
    assert!(matches!(err, Error::MixedCouncils { .. }), "{err}");
    assert!(err.to_string().contains("Sutton and Salford"));
}

#[test]
fn ceased_and_transferred_plans_are_listed_with_their_reason_sen2_plan() {
    assert_eq!(CeaseReason::MaximumAge.code(), 1);
    assert_eq!(CeaseReason::TransferredToAnotherLa.code(), 5);
    assert_eq!(CeaseReason::Other.code(), 9);
    let cal = HolidayCalendar::england_and_wales();
    let load = |reference: &str| {
        let child = Child {
            reference: reference.into(),
            date_of_birth: d(2012, 3, 1),
            sensory_impairment: SensoryImpairment::None,
        };
        let first = council(
            d(2025, 1, 10),
            EventKind::ExistingPlanLoaded {
                issued_on: d(2022, 9, 1),
                last_reviewed_on: Some(d(2024, 9, 2)),
                school: "Oak Primary".into(),
            },
        );
        Case::open(child, LocalPolicy::sutton(), first, &cal)
            .unwrap()
            .0
    };
    // Ceased: decided 2025-03-03, ceased after the appeal period (2 months, r12) on 2025-06-02.
    let mut ceased = load("CEASED");
    apply(
        &mut ceased,
        council(d(2025, 2, 3), EventKind::CeaseProposed),
    );
    apply(
        &mut ceased,
        council(d(2025, 2, 17), EventKind::CeaseConsultationHeld),
    );
    apply(
        &mut ceased,
        council(
            d(2025, 3, 3),
            EventKind::CeaseDecided {
                ground: send_pathway::pathway::CeaseGround::NoLongerNecessary,
                notice: DecisionNotice::complete("needs met at SEN Support"),
            },
        ),
    );
    apply(&mut ceased, council(d(2025, 6, 2), EventKind::PlanCeased));
    // Transferred out on 2025-09-01: cease reason 5.
    let mut moved = load("MOVED");
    apply(
        &mut moved,
        council(
            d(2025, 9, 1),
            EventKind::TransferredOut {
                to_council: "Croydon".into(),
            },
        ),
    );
    let cases = [ceased, moved];
    let ret = Sen2Return::build(
        &cases,
        CollectionYear::new(2026).unwrap(),
        CeasedWindow::CalendarYear,
        &cal,
    )
    .unwrap();
    let rows: Vec<_> = ret
        .ceased_plans
        .iter()
        .map(|p| (p.reference.as_str(), p.cease_date, p.reason.code()))
        .collect();
    assert_eq!(
        rows,
        [("CEASED", d(2025, 6, 2), 2), ("MOVED", d(2025, 9, 1), 5)]
    );
    assert_eq!(ret.ceased_plans[0].start_date, Some(d(2022, 9, 1)));
    // Neither is active on the 2026 census; both were on the 2025 census (2025-01-16).
    assert!(ret.active_plans.is_empty());
    let y2025 = Sen2Return::build(
        &cases,
        CollectionYear::new(2025).unwrap(),
        CeasedWindow::CalendarYear,
        &cal,
    )
    .unwrap();
    assert_eq!(y2025.active_plans.len(), 2);
    assert!(y2025.ceased_plans.is_empty());
    // Census to census (2025-01-17 ..= 2026-01-15) lists the same two.
    let c2c = Sen2Return::build(
        &cases,
        CollectionYear::new(2026).unwrap(),
        CeasedWindow::CensusToCensus,
        &cal,
    )
    .unwrap();
    assert_eq!(c2c.ceased_plans.len(), 2);
}

#[test]
fn generated_caseload_return_is_consistent_sen2_timeliness_20w() {
    let cal = HolidayCalendar::england_and_wales();
    let cases = national_caseload(5, 1_000);
    let ret = Sen2Return::build(
        &cases,
        CollectionYear::new(2027).unwrap(),
        CeasedWindow::default(),
        &cal,
    )
    .unwrap();
    let agg = ret.aggregates();
    let inc = agg.within_20_weeks_including_exceptions;
    let exc = agg.within_20_weeks_excluding_exceptions;
    assert!(exc.whole <= inc.whole && exc.part <= inc.part && inc.part <= inc.whole);
    assert_eq!(
        agg.issued_within_20_weeks + agg.issued_20_to_52_weeks + agg.issued_over_52_weeks,
        inc.whole
    );
    assert_eq!(agg.issued_within_20_weeks, inc.part);
    assert!(agg.active_plans > 0);
    // Records carry only the caller's reference.
    assert!(ret.requests.iter().all(|r| r.reference.starts_with("CYP-")));
    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_string(&ret).unwrap();
        assert!(json.contains("\"census_date\":\"2027-01-21\""));
    }
}

/// SEN2-ACTIVE: `TransferLA` is reported only in the return for the calendar
/// year of the transfer, not in every later year the plan stays active.
#[test]
fn sen2_active_transfer_la_only_in_the_year_of_the_transfer() {
    let cal = HolidayCalendar::england_and_wales();
    let child = Child {
        reference: "T-1".into(),
        date_of_birth: d(2014, 9, 9),
        sensory_impairment: SensoryImpairment::None,
    };
    let first = council(
        d(2024, 6, 3),
        EventKind::PlanTransferredIn {
            from_council: "Croydon".into(),
            plan_made_on: d(2024, 1, 22),
            last_reviewed_on: None,
            school: "Elm Academy".into(),
        },
    );
    let (case, _) = Case::open(child, LocalPolicy::sutton(), first, &cal).expect("opens");
    let transfer_la = |year: i32| {
        let ret = Sen2Return::build(
            [&case],
            CollectionYear::new(year).expect("a collection year"),
            CeasedWindow::CalendarYear,
            &cal,
        )
        .expect("a return");
        assert_eq!(ret.active_plans.len(), 1, "active on the {year} census");
        ret.active_plans[0].transferred_in_from.clone()
    };
    assert_eq!(transfer_la(2025).as_deref(), Some("Croydon"));
    assert_eq!(transfer_la(2026), None, "not reported a year later");
}
