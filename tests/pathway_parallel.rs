//! Parallel activities inside a plan and side tracks beside it:
//! each listed by `obligations` and `next_events`, none cancelling another;
//! and ASC caps per child across contracts, through the case (public API only).

mod common;

use common::*;
use send_pathway::asc::{
    AscRequester, AwardsToDate, EhcPlanStatus, ExtensionWish, Moderation, Progress,
    SupportStillNeeded, TermReview,
};
use send_pathway::calendar::{AcademicYear, HolidayCalendar, Term, TermCalendar};
use send_pathway::pathway::*;
use send_pathway::{LocalPolicy, RuleId};

fn rules(case: &Case, today: chrono::NaiveDate, cal: &HolidayCalendar) -> Vec<RuleId> {
    case.obligations(today, cal)
        .unwrap()
        .iter()
        .map(Obligation::rule)
        .collect()
}

fn tags(case: &Case, today: chrono::NaiveDate, cal: &HolidayCalendar) -> Vec<&'static str> {
    case.next_events(today, cal)
        .unwrap()
        .iter()
        .map(|n| n.event)
        .collect()
}

fn plan(case: &Case) -> &Plan {
    case.phase().plan().expect("a maintained plan")
}

fn schedule(on: chrono::NaiveDate, meeting_on: chrono::NaiveDate) -> Event {
    council(
        on,
        EventKind::ReviewMeetingScheduled {
            meeting_on,
            kind: ReviewKind::Scheduled,
        },
    )
}

/// A re-assessment (REASSESS-WHO, T-REASSESS-DECIDE-15D, T-REASSESS-FINAL-14W)
/// while an annual review runs (T-REVIEW-*): both clocks listed, neither cancelled.
#[test]
fn reassessment_while_a_review_runs() {
    let cal = cal();
    let mut case = with_plan(d(2014, 5, 1), d(2024, 9, 2), d(2025, 6, 2), &cal);
    case.apply(schedule(d(2025, 6, 2), d(2025, 6, 16)), &cal)
        .unwrap();
    case.apply(
        parent(d(2025, 6, 4), EventKind::ReassessmentRequested),
        &cal,
    )
    .unwrap();
    let r = rules(&case, d(2025, 6, 5), &cal);
    for rule in [
        RuleId::TReview12m,
        RuleId::TReviewInvite2w,
        RuleId::TReviewAdvice2w,
        RuleId::TReassessDecide15d,
    ] {
        assert!(r.contains(&rule), "{rule} listed: {r:?}");
    }
    let t = tags(&case, d(2025, 6, 5), &cal);
    assert!(
        t.contains(&"review_meeting_held") && t.contains(&"reassessment_agreed"),
        "{t:?}"
    );

    case.apply(council(d(2025, 6, 10), EventKind::ReassessmentAgreed), &cal)
        .unwrap();
    case.apply(
        ev(d(2025, 6, 16), Actor::School, EventKind::ReviewMeetingHeld),
        &cal,
    )
    .unwrap();
    let r = rules(&case, d(2025, 6, 17), &cal);
    assert!(
        r.contains(&RuleId::TReviewDecision4w) && r.contains(&RuleId::TReassessFinal14w),
        "{r:?}"
    );
    // The review ends with its decision; the re-assessment carries on.
    let applied = case
        .apply(
            council(
                d(2025, 7, 1),
                EventKind::ReviewDecided {
                    outcome: ReviewOutcome::Maintain,
                },
            ),
            &cal,
        )
        .unwrap();
    assert_eq!(
        applied.opened,
        vec![Opened::Dispute(DisputeId::new(0))],
        "REVIEW-DECISION-RIGHTS"
    );
    assert!(plan(&case).review().is_none());
    assert_eq!(
        plan(&case).reassessment().unwrap().agreed_on(),
        Some(d(2025, 6, 10))
    );
    let r = rules(&case, d(2025, 7, 2), &cal);
    assert!(
        r.contains(&RuleId::TReassessFinal14w) && r.contains(&RuleId::TMedContact2m),
        "{r:?}"
    );
    assert!(tags(&case, d(2025, 7, 2), &cal).contains(&"draft_plan_issued"));
    // reg 27: draft → representations → replacement plan.
    case.apply(
        council(
            d(2025, 7, 7),
            EventKind::DraftPlanIssued { names_school: None },
        ),
        &cal,
    )
    .unwrap();
    assert!(rules(&case, d(2025, 7, 8), &cal).contains(&RuleId::TDraftReps15d));
    case.apply(
        council(
            d(2025, 8, 1),
            EventKind::ReassessedPlanIssued {
                school: "Elm Academy".into(),
            },
        ),
        &cal,
    )
    .unwrap();
    assert!(plan(&case).reassessment().is_none());
    assert_eq!(plan(&case).school(), "Elm Academy");
    assert_eq!(
        case.disputes().len(),
        2,
        "the maintain decision's dispute and the new plan's contents"
    );
}

/// An amendment outside a review (T-AMEND-REPS-15D, T-AMEND-FINAL-8W), and a
/// review that runs beside it.
#[test]
fn amendment_outside_a_review() {
    let cal = cal();
    let mut case = with_plan(d(2014, 5, 1), d(2024, 9, 2), d(2025, 1, 6), &cal);
    case.apply(council(d(2025, 1, 8), EventKind::AmendmentNoticeSent), &cal)
        .unwrap();
    assert!(plan(&case).review().is_none() && plan(&case).amendment().is_some());
    let r = rules(&case, d(2025, 1, 9), &cal);
    for rule in [
        RuleId::TAmendReps15d,
        RuleId::TAmendFinal8w,
        RuleId::TReview12m,
    ] {
        assert!(r.contains(&rule), "{rule} listed: {r:?}");
    }
    let t = tags(&case, d(2025, 1, 9), &cal);
    assert!(
        t.contains(&"amended_plan_issued") && t.contains(&"review_meeting_scheduled"),
        "{t:?}"
    );
    // A review while the amendment runs; it cannot decide "amend" until the amendment is done.
    case.apply(schedule(d(2025, 1, 20), d(2025, 2, 3)), &cal)
        .unwrap();
    case.apply(
        ev(d(2025, 2, 3), Actor::School, EventKind::ReviewMeetingHeld),
        &cal,
    )
    .unwrap();
    let r = rules(&case, d(2025, 2, 4), &cal);
    assert!(
        r.contains(&RuleId::TReviewDecision4w) && r.contains(&RuleId::TAmendFinal8w),
        "{r:?}"
    );
    let amend = council(
        d(2025, 2, 5),
        EventKind::ReviewDecided {
            outcome: ReviewOutcome::Amend,
        },
    );
    assert_eq!(
        refused_rule(&mut case, amend, &cal),
        Some(RuleId::TAmendNotice4w)
    );
    case.apply(
        council(
            d(2025, 2, 10),
            EventKind::AmendedPlanIssued {
                school: "Oak Primary".into(),
            },
        ),
        &cal,
    )
    .unwrap();
    assert!(
        plan(&case).review().is_some(),
        "the review is still running"
    );
    case.apply(
        council(
            d(2025, 2, 12),
            EventKind::ReviewDecided {
                outcome: ReviewOutcome::Amend,
            },
        ),
        &cal,
    )
    .unwrap();
    assert!(tags(&case, d(2025, 2, 12), &cal).contains(&"amendment_notice_sent"));
}

/// A cease proposal (CEASE-PROCEDURE) during a review: both run; a review
/// cannot start a second cease proposal.
#[test]
fn cease_proposal_during_a_review() {
    let cal = cal();
    let mut case = with_plan(d(2008, 5, 1), d(2024, 9, 2), d(2025, 6, 2), &cal);
    case.apply(schedule(d(2025, 6, 2), d(2025, 6, 16)), &cal)
        .unwrap();
    case.apply(council(d(2025, 6, 3), EventKind::CeaseProposed), &cal)
        .unwrap();
    let t = tags(&case, d(2025, 6, 4), &cal);
    assert!(
        t.contains(&"cease_consultation_held") && t.contains(&"review_meeting_held"),
        "{t:?}"
    );
    let r = rules(&case, d(2025, 6, 4), &cal);
    assert!(
        r.contains(&RuleId::TReviewInvite2w) && r.contains(&RuleId::TReview12m),
        "{r:?}"
    );
    case.apply(
        council(d(2025, 6, 10), EventKind::CeaseConsultationHeld),
        &cal,
    )
    .unwrap();
    case.apply(
        ev(d(2025, 6, 16), Actor::School, EventKind::ReviewMeetingHeld),
        &cal,
    )
    .unwrap();
    let twice = council(
        d(2025, 6, 20),
        EventKind::ReviewDecided {
            outcome: ReviewOutcome::Cease,
        },
    );
    assert_eq!(
        refused_rule(&mut case, twice, &cal),
        Some(RuleId::CeaseProcedure)
    );
    case.apply(
        council(
            d(2025, 6, 20),
            EventKind::ReviewDecided {
                outcome: ReviewOutcome::Maintain,
            },
        ),
        &cal,
    )
    .unwrap();
    let cease = plan(&case)
        .cease()
        .expect("the cease proposal survives the review decision");
    assert_eq!(cease.consulted_on(), Some(d(2025, 6, 10)));
    assert!(tags(&case, d(2025, 6, 21), &cal).contains(&"cease_decided"));
    case.apply(council(d(2025, 6, 23), EventKind::CeaseWithdrawn), &cal)
        .unwrap();
    assert!(plan(&case).cease().is_none() && case.phase().plan().is_some());
}

/// A contents appeal (s51(2)(c), APPEAL-CERT placement-only) running while the
/// next annual review falls due (T-APPEAL-2M-1M beside T-REVIEW-12M).
#[test]
fn contents_appeal_while_the_next_review_falls_due() {
    let cal = cal();
    let mut case = with_plan(d(2014, 5, 1), d(2024, 6, 10), d(2025, 3, 3), &cal);
    case.apply(council(d(2025, 3, 3), EventKind::AmendmentNoticeSent), &cal)
        .unwrap();
    let applied = case
        .apply(
            council(
                d(2025, 4, 1),
                EventKind::AmendedPlanIssued {
                    school: "Elm Academy".into(),
                },
            ),
            &cal,
        )
        .unwrap();
    let d0 = DisputeId::new(0);
    assert_eq!(applied.opened, vec![Opened::Dispute(d0)]);
    let due = case.obligations(d(2025, 5, 1), &cal).unwrap();
    let review = due.iter().find(|o| o.rule() == RuleId::TReview12m).unwrap();
    assert_eq!(
        review.deadline.due(),
        d(2025, 6, 9),
        "T-REVIEW-12M from the plan's issue"
    );
    assert!(
        due.iter()
            .any(|o| o.subject == Subject::Appeal { dispute: d0 }),
        "T-APPEAL-2M-1M listed"
    );
    let t = tags(&case, d(2025, 5, 1), &cal);
    assert!(
        t.contains(&"appeal_lodged") && t.contains(&"review_meeting_scheduled"),
        "{t:?}"
    );

    // Placement only: no certificate needed (APPEAL-CERT, CFA s55(3)).
    case.apply(
        parent(
            d(2025, 5, 2),
            EventKind::AppealLodged {
                dispute: d0,
                grounds: AppealGrounds::PlacementOnly,
            },
        ),
        &cal,
    )
    .unwrap();
    case.apply(schedule(d(2025, 5, 12), d(2025, 5, 27)), &cal)
        .unwrap();
    let r = rules(&case, d(2025, 5, 13), &cal);
    assert!(
        r.contains(&RuleId::TReview12m) && r.contains(&RuleId::TReviewInvite2w),
        "{r:?}"
    );
    case.apply(
        ev(d(2025, 5, 27), Actor::School, EventKind::ReviewMeetingHeld),
        &cal,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 6, 5),
            EventKind::ReviewDecided {
                outcome: ReviewOutcome::Maintain,
            },
        ),
        &cal,
    )
    .unwrap();
    assert_eq!(
        case.dispute(d0).unwrap().appeal().map(|(_, g)| g),
        Some(AppealGrounds::PlacementOnly)
    );
    assert_eq!(
        case.dispute(d0).unwrap().outcome(),
        None,
        "the appeal is still pending"
    );
    case.apply(
        ev(
            d(2025, 9, 1),
            Actor::Tribunal,
            EventKind::AppealDecided {
                dispute: d0,
                outcome: AppealOutcome::Dismissed,
            },
        ),
        &cal,
    )
    .unwrap();
    assert_eq!(case.disputes().len(), 2);
    assert_eq!(
        case.dispute(DisputeId::new(1)).unwrap().decision(),
        AppealableDecision::RefusalToAmend
    );
}

fn asc_terms() -> TermCalendar {
    TermCalendar::new(
        vec![
            Term::new(
                send_pathway::calendar::TermName::Autumn,
                d(2025, 9, 3),
                d(2025, 12, 19),
            )
            .unwrap(),
            Term::new(
                send_pathway::calendar::TermName::Spring,
                d(2026, 1, 5),
                d(2026, 3, 27),
            )
            .unwrap(),
            Term::new(
                send_pathway::calendar::TermName::Summer,
                d(2026, 4, 13),
                d(2026, 7, 21),
            )
            .unwrap(),
        ],
        vec![],
    )
    .unwrap()
}

fn fund(
    on: chrono::NaiveDate,
    contract: ContractId,
    term: &Term,
    amount: i64,
    moderation: Moderation,
) -> Event {
    council(
        on,
        EventKind::AscTermFunded {
            contract,
            term: term.id(),
            dates: term.dates,
            amount: pounds(amount),
            moderation,
        },
    )
}

/// Open and approve a contract (ASC-REQUESTERS, ASC-SETUP-MEETING, ASC-DECISION).
fn open_contract(case: &mut Case, on: chrono::NaiveDate, cal: Calendars<'_>) -> ContractId {
    let applied = case
        .apply(
            council(
                on,
                EventKind::AscRequested {
                    request: Box::new(asc_request(on, AscRequester::Setting)),
                },
            ),
            cal,
        )
        .unwrap();
    let [Opened::Contract(id)] = applied.opened[..] else {
        panic!("{applied:?}")
    };
    case.apply(
        ev(
            on,
            Actor::School,
            EventKind::AscSetupMeetingHeld {
                contract: id,
                meeting: Box::new(setup_meeting(on)),
            },
        ),
        cal,
    )
    .unwrap();
    case.apply(
        council(
            on,
            EventKind::AscDecided {
                contract: id,
                decision: Box::new(approved(on, 2_000)),
            },
        ),
        cal,
    )
    .unwrap();
    id
}

/// ASC per child across contracts: ASC-TERM-CAP (£2,000 a term, never £0),
/// ASC-TWO-TERMS (a third funded term over two contracts), ASC-YEAR-CAP.
#[test]
fn asc_caps_per_child_across_contracts() {
    let cal = cal();
    let terms = asc_terms();
    let cals = Calendars::new(&cal, &terms);
    let [autumn, spring, summer] = [terms.terms()[0], terms.terms()[1], terms.terms()[2]];
    let (mut case, _) = Case::open(
        child(d(2017, 1, 10)),
        LocalPolicy::sutton(),
        ev(d(2025, 9, 1), Actor::School, EventKind::SenSupportStarted),
        cals,
    )
    .unwrap();

    let k0 = open_contract(&mut case, d(2025, 9, 1), cals);
    assert_eq!(k0, ContractId::new(0));
    // One contract at a time.
    let second = council(
        d(2025, 9, 2),
        EventKind::AscRequested {
            request: Box::new(asc_request(d(2025, 9, 2), AscRequester::Setting)),
        },
    );
    assert_eq!(rule_of(case.apply(second, cals)), Some(RuleId::AscTwoTerms));
    case.apply(
        fund(d(2025, 9, 3), k0, &autumn, 1_500, Moderation::NotModerated),
        cals,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 10, 1),
            EventKind::AscEnded {
                contract: k0,
                support_still_needed: SupportStillNeeded::No,
            },
        ),
        cals,
    )
    .unwrap();

    let k1 = open_contract(&mut case, d(2025, 10, 2), cals);
    assert_eq!(k1, ContractId::new(1));
    let before = case.clone();
    // ASC-TERM-CAP across contracts: £1,500 + £600 in the autumn term is more than £2,000.
    let over = fund(d(2025, 10, 3), k1, &autumn, 600, Moderation::NotModerated);
    let refused = case.apply(over.clone(), cals).unwrap_err();
    assert!(
        matches!(&refused.error, send_pathway::Error::RuleBroken { rule: RuleId::AscTermCap, reason } if reason.contains("£2,000")),
        "{}",
        refused.error
    );
    assert_eq!(refused.event, over);
    assert_eq!(case, before);
    // ASC-TERM-CAP: never £0.
    let nothing = fund(d(2025, 10, 3), k1, &autumn, 0, Moderation::NotModerated);
    assert_eq!(
        refused_rule(&mut case, nothing, &cal),
        Some(RuleId::AscTermCap)
    );
    // The £500 left in the term is allowed; the term is not a new one.
    case.apply(
        fund(d(2025, 10, 3), k1, &autumn, 500, Moderation::NotModerated),
        cals,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 12, 1),
            EventKind::AscReviewed {
                contract: k1,
                review: TermReview {
                    reviewed_on: d(2025, 12, 1),
                    progress: Progress::Successful,
                    extension: ExtensionWish::Wanted,
                },
            },
        ),
        cals,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 12, 1),
            EventKind::AscExtended {
                contract: k1,
                decision: Box::new(approved(d(2025, 12, 1), 2_000)),
            },
        ),
        cals,
    )
    .unwrap();
    let spring_over = fund(d(2026, 1, 5), k1, &spring, 2_001, Moderation::Moderated);
    assert_eq!(
        rule_of(case.apply(spring_over, cals)),
        Some(RuleId::AscTermCap),
        "£2,000 a term"
    );
    case.apply(
        fund(d(2026, 1, 5), k1, &spring, 2_000, Moderation::Moderated),
        cals,
    )
    .unwrap();
    case.apply(
        council(
            d(2026, 3, 27),
            EventKind::AscEnded {
                contract: k1,
                support_still_needed: SupportStillNeeded::Yes,
            },
        ),
        cals,
    )
    .unwrap();

    // ASC-YEAR-CAP: the child's 2025/26 awards across both contracts stay within £6,000
    // (with two terms of at most £2,000 it cannot bind).
    let awards =
        AwardsToDate::from_contracts(case.contracts().iter().map(AscTrack::contract)).unwrap();
    assert_eq!(awards.in_year(AcademicYear::starting(2025)), pounds(4_000));
    assert_eq!(awards.terms_funded(), 2);

    // ASC-TWO-TERMS: a third funded term for the child, on a third contract.
    let k2 = open_contract(&mut case, d(2026, 4, 13), cals);
    let third = fund(d(2026, 4, 14), k2, &summer, 1_000, Moderation::NotModerated);
    assert_eq!(
        refused_rule(&mut case, third.clone(), &cal),
        Some(RuleId::AscTwoTerms)
    );
    assert_eq!(rule_of(case.apply(third, cals)), Some(RuleId::AscTwoTerms));
    // The record reads back with the same caps.
    let back = CaseRecord::from(&case)
        .into_case(&cal, &LocalPolicy::sutton())
        .unwrap();
    assert_eq!(back, case);
}

/// ASC-SCOPE: an ASC is for a child without a plan.
#[test]
fn asc_for_a_child_with_a_plan_is_refused() {
    let cal = cal();
    let mut case = with_plan(d(2014, 5, 1), d(2024, 9, 2), d(2025, 9, 1), &cal);
    let asc = council(
        d(2025, 9, 2),
        EventKind::AscRequested {
            request: Box::new(asc_request(d(2025, 9, 2), AscRequester::Setting)),
        },
    );
    assert_eq!(refused_rule(&mut case, asc, &cal), Some(RuleId::AscScope));
    assert!(!tags(&case, d(2025, 9, 2), &cal).contains(&"asc_requested"));

    let (mut case, _) = Case::open(
        child(d(2017, 1, 10)),
        LocalPolicy::sutton(),
        ev(d(2025, 9, 1), Actor::School, EventKind::SenSupportStarted),
        &cal,
    )
    .unwrap();
    let mut request = asc_request(d(2025, 9, 2), AscRequester::Setting);
    request.plan = EhcPlanStatus::HasPlan;
    let asc = council(
        d(2025, 9, 2),
        EventKind::AscRequested {
            request: Box::new(request),
        },
    );
    assert_eq!(refused_rule(&mut case, asc, &cal), Some(RuleId::AscScope));
    // A council with no ASC scheme refuses it too.
    let (mut salford, _) = Case::open(
        child(d(2017, 1, 10)),
        LocalPolicy::salford(),
        ev(d(2025, 9, 1), Actor::School, EventKind::SenSupportStarted),
        &cal,
    )
    .unwrap();
    let asc = council(
        d(2025, 9, 2),
        EventKind::AscRequested {
            request: Box::new(asc_request(d(2025, 9, 2), AscRequester::Setting)),
        },
    );
    let refused = salford.apply(asc, &cal);
    if send_pathway::LocalPolicy::salford().asc == send_pathway::policy::AscScheme::NotAvailable {
        assert_eq!(rule_of(refused), Some(RuleId::AscScope));
    }
}
