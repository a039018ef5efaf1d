//! Every situation a council meets on its first day: existing and
//! transferred plans, assessments that arrive mid-way, transfers out, tribunal
//! orders and concessions that act on the case, parallel processes, and the
//! compliance history. Public API only.

mod common;

use chrono::NaiveDate;
use send_pathway::advice::SensoryImpairment;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::exceptions::Status;
use send_pathway::pathway::{
    Actor, AppealGrounds, AppealOutcome, AppealableDecision, AssessmentStep, Case, CaseRecord,
    CeaseGround, Child, Clocks, DecisionNotice, DisputeId, Event, EventKind, FinalPlanChanges,
    OrderRoute, ParentalAgreement, Phase, ReviewKind, ReviewOutcome, Subject,
};
use send_pathway::{Error, LocalPolicy, RuleId};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn child(dob: NaiveDate) -> Child {
    Child {
        reference: "CYP-7".into(),
        date_of_birth: dob,
        sensory_impairment: SensoryImpairment::None,
    }
}

fn ev(on: NaiveDate, by: Actor, kind: EventKind) -> Event {
    Event::new(on, by, kind)
}

fn council(on: NaiveDate, kind: EventKind) -> Event {
    ev(on, Actor::Council, kind)
}

fn due_of(
    case: &Case,
    today: NaiveDate,
    cal: &HolidayCalendar,
    subject: Subject,
) -> Option<(NaiveDate, RuleId)> {
    case.obligations(today, cal)
        .expect("obligations")
        .into_iter()
        .find(|o| o.subject == subject)
        .map(|o| (o.deadline.due(), o.rule()))
}

#[test]
fn existing_plan_review_clock_runs_from_the_last_review_t_review_12m() {
    let cal = HolidayCalendar::england_and_wales();
    let first = council(
        d(2026, 1, 5),
        EventKind::ExistingPlanLoaded {
            issued_on: d(2023, 6, 1),
            last_reviewed_on: Some(d(2025, 3, 12)),
            school: "Oak Primary".into(),
        },
    );
    let (case, _) =
        Case::open(child(d(2015, 4, 1)), LocalPolicy::sutton(), first, &cal).expect("opens");
    // T-REVIEW-12M, DC-5: the 12 months starting with 2025-03-12 end 2026-03-11.
    assert_eq!(
        due_of(&case, d(2026, 1, 5), &cal, Subject::AnnualReview),
        Some((d(2026, 3, 11), RuleId::TReview12m))
    );
    assert!(matches!(case.phase(), Phase::Plan(_)));
}

#[test]
fn transferred_plan_notification_and_first_review_at_the_later_date_t_transfer_review() {
    let cal = HolidayCalendar::england_and_wales();
    // Plan made 2025-01-20, never reviewed; transferred 2025-12-01.
    let first = council(
        d(2025, 12, 1),
        EventKind::PlanTransferredIn {
            from_council: "Croydon".into(),
            plan_made_on: d(2025, 1, 20),
            last_reviewed_on: None,
            school: "Elm Academy".into(),
        },
    );
    let (mut case, _) =
        Case::open(child(d(2014, 9, 9)), LocalPolicy::sutton(), first, &cal).expect("opens");
    // T-TRANSFER-NOTIFY-6W: 6 weeks from the transfer.
    assert_eq!(
        due_of(&case, d(2025, 12, 2), &cal, Subject::TransferNotification),
        Some((d(2026, 1, 12), RuleId::TTransferNotify6w))
    );
    // T-TRANSFER-REVIEW: later of 2026-01-19 (12 months from 2025-01-20) and 2026-02-28 (3 months from 2025-12-01).
    assert_eq!(
        due_of(&case, d(2025, 12, 2), &cal, Subject::AnnualReview),
        Some((d(2026, 2, 28), RuleId::TTransferReview))
    );
    // TRANSFER-DEEMED: the plan is treated as made on the old council's date.
    assert_eq!(
        case.phase().plan().map(|p| p.issued_on()),
        Some(d(2025, 1, 20))
    );
    case.apply(council(d(2026, 1, 20), EventKind::TransferNotified), &cal)
        .expect("notified");
    let late = &case.compliance()[0];
    assert_eq!(late.deadline.rule(), RuleId::TTransferNotify6w);
    assert_eq!(late.status, Status::Late);
}

#[test]
fn transfer_mid_assessment_clocks_run_from_responsibility_transfer_mid_assessment() {
    let cal = HolidayCalendar::england_and_wales();
    let first = council(
        d(2025, 3, 3),
        EventKind::AssessmentTransferredIn {
            from_council: "Merton".into(),
        },
    );
    let (case, _) =
        Case::open(child(d(2016, 1, 1)), LocalPolicy::sutton(), first, &cal).expect("opens");
    assert_eq!(
        due_of(&case, d(2025, 3, 3), &cal, Subject::DecisionToAssess),
        Some((d(2025, 4, 14), RuleId::TDecide6w))
    );
}

#[test]
fn transfer_out_ends_the_case_with_sen2_outcome() {
    let cal = HolidayCalendar::england_and_wales();
    let request = ev(
        d(2025, 1, 6),
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (mut case, _) =
        Case::open(child(d(2016, 1, 1)), LocalPolicy::sutton(), request, &cal).expect("opens");
    case.apply(
        council(
            d(2025, 2, 1),
            EventKind::TransferredOut {
                to_council: "Kingston".into(),
            },
        ),
        &cal,
    )
    .expect("moves");
    assert!(matches!(case.phase(), Phase::TransferredOut { .. }));
    assert!(case.sen2_record().is_some_and(|r| r.exported));
    assert!(case
        .obligations(d(2025, 2, 2), &cal)
        .expect("obligations")
        .is_empty());
}

#[test]
fn request_for_someone_aged_25_is_refused_req_who() {
    let cal = HolidayCalendar::england_and_wales();
    let request = ev(
        d(2026, 3, 1),
        Actor::YoungPerson,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let refused = Case::open(child(d(2001, 2, 1)), LocalPolicy::sutton(), request, &cal)
        .expect_err("too old");
    assert!(
        matches!(refused.error, Error::NotChildOrYoungPerson { .. }),
        "{}",
        refused.error
    );
}

/// A refusal to assess, an appeal, and the tribunal's order: the assessment
/// that follows runs on the reg 44 clocks (T-ORDER-ASSESS).
fn refused_then_appealed(outcome: AppealOutcome) -> (Case, HolidayCalendar) {
    let cal = HolidayCalendar::england_and_wales();
    let request = ev(
        d(2025, 3, 12),
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (mut case, _) =
        Case::open(child(d(2016, 1, 1)), LocalPolicy::sutton(), request, &cal).expect("opens");
    let applied = case
        .apply(
            council(
                d(2025, 4, 16),
                EventKind::DecidedNotToAssess {
                    panel_on: d(2025, 4, 15),
                    notice: DecisionNotice::complete("needs met at SEN Support"),
                },
            ),
            &cal,
        )
        .expect("no to assess");
    let dispute = applied.opened.iter().find_map(|o| match o {
        send_pathway::pathway::Opened::Dispute(id) => Some(*id),
        _ => None,
    });
    let dispute = dispute.expect("a dispute opens (APPEAL-TRACKS)");
    common::appeal_after_declining_mediation(
        &mut case,
        dispute,
        [d(2025, 5, 20), d(2025, 5, 22), d(2025, 6, 10)],
        &cal,
    );
    case.apply(
        ev(
            d(2025, 9, 1),
            Actor::Tribunal,
            EventKind::AppealDecided { dispute, outcome },
        ),
        &cal,
    )
    .expect("decided");
    (case, cal)
}

#[test]
fn order_to_assess_starts_an_assessment_on_reg_44_clocks_t_order_assess() {
    let (case, cal) = refused_then_appealed(AppealOutcome::Upheld);
    let Phase::Assessment(a) = case.phase() else {
        panic!("an order to assess starts an assessment")
    };
    assert_eq!(a.clocks(), Clocks::OrderToAssess(OrderRoute::TribunalOrder));
    assert_eq!(
        due_of(&case, d(2025, 9, 1), &cal, Subject::DecisionToAssess),
        Some((d(2025, 9, 15), RuleId::TOrderAssess))
    );
    // SEN2-REQUEST: the original outcome stands; the reversal is flagged.
    assert!(case
        .sen2_record()
        .is_some_and(|r| r.decided_not_to_assess_on.is_some() && r.tribunal_reversed));
}

#[test]
fn unopposed_appeal_runs_from_the_notification_t_unopposed_assess() {
    let (case, cal) = refused_then_appealed(AppealOutcome::Conceded);
    let Phase::Assessment(a) = case.phase() else {
        panic!("a concession starts an assessment")
    };
    assert_eq!(a.clocks(), Clocks::OrderToAssess(OrderRoute::Unopposed));
    let due = case.obligations(d(2025, 9, 2), &cal).expect("obligations");
    assert!(due
        .iter()
        .any(|o| o.rule() == RuleId::TUnopposedAssess && o.deadline.due() == d(2025, 9, 15)));
}

#[test]
fn dismissed_appeal_leaves_sen_support() {
    let (case, _) = refused_then_appealed(AppealOutcome::Dismissed);
    assert!(matches!(case.phase(), Phase::SenSupport { .. }));
}

#[test]
fn appeal_on_needs_without_certificate_is_refused_appeal_cert() {
    let cal = HolidayCalendar::england_and_wales();
    let request = ev(
        d(2025, 3, 12),
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (mut case, _) =
        Case::open(child(d(2016, 1, 1)), LocalPolicy::sutton(), request, &cal).expect("opens");
    case.apply(
        council(
            d(2025, 4, 16),
            EventKind::DecidedNotToAssess {
                panel_on: d(2025, 4, 15),
                notice: DecisionNotice::complete("x"),
            },
        ),
        &cal,
    )
    .expect("no");
    let appeal = ev(
        d(2025, 5, 1),
        Actor::Parent,
        EventKind::AppealLodged {
            dispute: DisputeId::new(0),
            grounds: AppealGrounds::NeedsOrProvision,
        },
    );
    let before = case.clone();
    let refused = case.apply(appeal, &cal).expect_err("needs a certificate");
    assert!(matches!(
        refused.error,
        Error::RuleBroken {
            rule: RuleId::AppealCert,
            ..
        }
    ));
    assert_eq!(case, before);
}

/// A maintained plan with a review, an amendment outside it, a re-assessment
/// and a cease proposal, all at once, and a contents appeal beside them.
#[test]
fn parallel_processes_each_keep_their_clocks_review_decision_rights() {
    let cal = HolidayCalendar::england_and_wales();
    let first = council(
        d(2025, 1, 10),
        EventKind::ExistingPlanLoaded {
            issued_on: d(2024, 3, 1),
            last_reviewed_on: None,
            school: "Oak Primary".into(),
        },
    );
    let (mut case, _) =
        Case::open(child(d(2012, 5, 5)), LocalPolicy::sutton(), first, &cal).expect("opens");
    let steps = [
        council(
            d(2025, 1, 20),
            EventKind::ReviewMeetingScheduled {
                meeting_on: d(2025, 2, 10),
                kind: ReviewKind::Scheduled,
            },
        ),
        ev(
            d(2025, 1, 21),
            Actor::Parent,
            EventKind::ReassessmentRequested,
        ),
        council(d(2025, 1, 22), EventKind::AmendmentNoticeSent),
        council(d(2025, 1, 23), EventKind::CeaseProposed),
    ];
    for e in steps {
        case.apply(e, &cal).expect("runs in parallel");
    }
    let plan = case.phase().plan().expect("plan");
    assert!(
        plan.review().is_some()
            && plan.amendment().is_some()
            && plan.reassessment().is_some()
            && plan.cease().is_some()
    );
    let due = case.obligations(d(2025, 1, 24), &cal).expect("obligations");
    for rule in [
        RuleId::TReviewInvite2w,
        RuleId::TAmendFinal8w,
        RuleId::TReassessDecide15d,
        RuleId::TReview12m,
    ] {
        assert!(due.iter().any(|o| o.rule() == rule), "{rule} listed");
    }
    // A decision not to amend inside the 15-day window is refused (T-AMEND-REPS-15D).
    let early = council(
        d(2025, 1, 30),
        EventKind::DecidedNotToAmend {
            notice: DecisionNotice::complete("x"),
        },
    );
    assert!(case.apply(early, &cal).is_err());
    // The review goes on; "maintain" opens its own dispute (REVIEW-DECISION-RIGHTS).
    case.apply(council(d(2025, 2, 10), EventKind::ReviewMeetingHeld), &cal)
        .expect("held");
    let applied = case
        .apply(
            council(
                d(2025, 3, 3),
                EventKind::ReviewDecided {
                    outcome: ReviewOutcome::Maintain,
                },
            ),
            &cal,
        )
        .expect("decided");
    assert_eq!(applied.opened.len(), 1);
    let dispute = case.disputes().last().expect("dispute");
    assert_eq!(dispute.decision(), AppealableDecision::RefusalToAmend);
    // The amendment, re-assessment and cease proposal are still running.
    let plan = case.phase().plan().expect("plan");
    assert!(
        plan.review().is_none()
            && plan.amendment().is_some()
            && plan.reassessment().is_some()
            && plan.cease().is_some()
    );
}

#[test]
fn employment_cease_during_compulsory_school_age_is_refused_cease_age_rules() {
    let cal = HolidayCalendar::england_and_wales();
    let first = council(
        d(2025, 1, 10),
        EventKind::ExistingPlanLoaded {
            issued_on: d(2024, 3, 1),
            last_reviewed_on: None,
            school: "Oak High".into(),
        },
    );
    let (mut case, _) =
        Case::open(child(d(2010, 5, 5)), LocalPolicy::sutton(), first, &cal).expect("opens");
    case.apply(council(d(2025, 1, 20), EventKind::CeaseProposed), &cal)
        .expect("proposed");
    case.apply(
        council(d(2025, 1, 27), EventKind::CeaseConsultationHeld),
        &cal,
    )
    .expect("consulted");
    let cease = council(
        d(2025, 2, 3),
        EventKind::CeaseDecided {
            ground: CeaseGround::Employment,
            notice: DecisionNotice::complete("started work"),
        },
    );
    let refused = case.apply(cease, &cal).expect_err("compulsory school age");
    assert!(matches!(
        refused.error,
        Error::RuleBroken {
            rule: RuleId::CeaseAgeRules,
            ..
        }
    ));
}

#[test]
fn dismissed_cease_appeal_ends_the_plan_and_an_allowed_one_keeps_it_order_cease() {
    for (outcome, ceased) in [
        (AppealOutcome::Dismissed, true),
        (AppealOutcome::Upheld, false),
    ] {
        let cal = HolidayCalendar::england_and_wales();
        let first = council(
            d(2025, 1, 10),
            EventKind::ExistingPlanLoaded {
                issued_on: d(2024, 3, 1),
                last_reviewed_on: None,
                school: "Oak Primary".into(),
            },
        );
        let (mut case, _) =
            Case::open(child(d(2014, 5, 5)), LocalPolicy::sutton(), first, &cal).expect("opens");
        for e in [
            council(d(2025, 1, 20), EventKind::CeaseProposed),
            council(d(2025, 1, 27), EventKind::CeaseConsultationHeld),
            council(
                d(2025, 2, 3),
                EventKind::CeaseDecided {
                    ground: CeaseGround::NoLongerNecessary,
                    notice: DecisionNotice::complete("outcomes met"),
                },
            ),
        ] {
            case.apply(e, &cal).expect("cease steps");
        }
        let dispute = case.disputes().last().expect("cease dispute").id();
        // CEASE-PENDING-APPEAL: not ceased while the family can still appeal.
        assert!(case
            .apply(council(d(2025, 2, 10), EventKind::PlanCeased), &cal)
            .is_err());
        common::appeal_after_declining_mediation(
            &mut case,
            dispute,
            [d(2025, 2, 20), d(2025, 2, 24), d(2025, 3, 10)],
            &cal,
        );
        case.apply(
            ev(
                d(2025, 7, 1),
                Actor::Tribunal,
                EventKind::AppealDecided { dispute, outcome },
            ),
            &cal,
        )
        .expect("appeal steps");
        assert_eq!(
            matches!(case.phase(), Phase::Ceased { .. }),
            ceased,
            "{outcome}"
        );
    }
}

#[test]
fn order_to_make_a_plan_starts_a_draft_on_its_clocks_t_order_plan() {
    let cal = HolidayCalendar::england_and_wales();
    let request = ev(
        d(2025, 1, 6),
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (mut case, _) =
        Case::open(child(d(2016, 1, 1)), LocalPolicy::sutton(), request, &cal).expect("opens");
    case.apply(council(d(2025, 2, 14), EventKind::DecidedToAssess), &cal)
        .expect("yes");
    case.apply(
        council(
            d(2025, 4, 20),
            EventKind::DecidedNotToIssue {
                panel_on: d(2025, 4, 18),
                notice: DecisionNotice::complete("x"),
            },
        ),
        &cal,
    )
    .expect("no to issue");
    let dispute = case.disputes()[0].id();
    common::appeal_after_declining_mediation(
        &mut case,
        dispute,
        [d(2025, 5, 1), d(2025, 5, 2), d(2025, 5, 20)],
        &cal,
    );
    case.apply(
        ev(
            d(2025, 10, 6),
            Actor::Tribunal,
            EventKind::AppealDecided {
                dispute,
                outcome: AppealOutcome::Upheld,
            },
        ),
        &cal,
    )
    .expect("appeal");
    let Phase::Assessment(a) = case.phase() else {
        panic!("an order to make a plan starts a draft")
    };
    assert!(matches!(a.step(), AssessmentStep::Assessing { .. }));
    // T-ORDER-PLAN: draft within 5 weeks, final within 11 of the order.
    assert_eq!(
        due_of(&case, d(2025, 10, 6), &cal, Subject::DraftTarget),
        Some((d(2025, 11, 10), RuleId::TOrderPlan))
    );
    assert_eq!(
        due_of(&case, d(2025, 10, 6), &cal, Subject::FinalPlan),
        Some((d(2025, 12, 22), RuleId::TOrderPlan))
    );
    // And the plan follows through a draft and representations.
    case.apply(
        council(
            d(2025, 11, 3),
            EventKind::DraftPlanIssued { names_school: None },
        ),
        &cal,
    )
    .expect("draft");
    case.apply(
        council(
            d(2025, 12, 1),
            EventKind::FinalPlanIssued {
                school: "Oak Primary".into(),
                changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
            },
        ),
        &cal,
    )
    .expect("final");
    assert!(case.compliance().iter().all(|e| e.status == Status::Met));
}

#[test]
fn compliance_history_lists_late_acts_and_survives_the_record() {
    let mut cal = HolidayCalendar::england_and_wales();
    // A caller's own calendar: a new bank holiday the built-in table lacks.
    cal.add_holiday(send_pathway::calendar::BankHoliday::new(
        d(2025, 6, 9),
        "Local celebration",
    ))
    .expect("holiday");
    let request = ev(
        d(2025, 1, 6),
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (mut case, _) =
        Case::open(child(d(2016, 1, 1)), LocalPolicy::sutton(), request, &cal).expect("opens");
    let applied = case
        .apply(council(d(2025, 2, 20), EventKind::DecidedToAssess), &cal)
        .expect("late decision");
    assert!(applied.warnings.iter().any(|w| w.rule == RuleId::TDecide6w));
    let late: Vec<_> = case.late_acts(d(2025, 1, 1), d(2025, 12, 31)).collect();
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].deadline.due(), d(2025, 2, 17));
    let json = serde_json::to_string(&CaseRecord::from(&case)).expect("json");
    let back: CaseRecord = serde_json::from_str(&json).expect("read");
    let again = back
        .into_case(&cal, &LocalPolicy::sutton())
        .expect("into case");
    assert_eq!(again, case);
    // A tampered entry that calls a late act "met" is refused.
    let tampered = json.replace("\"late\"", "\"met\"");
    // (The entry contradicts its own dates, so it is refused as it is read.)
    let back: Result<CaseRecord, _> = serde_json::from_str(&tampered);
    assert!(back.map_or(true, |b| b.into_case(&cal, &LocalPolicy::sutton()).is_err()));
}

#[test]
fn a_caseload_lists_its_late_acts_for_a_period() {
    let cal = HolidayCalendar::england_and_wales();
    let mut cases = Vec::new();
    for (i, decided) in [d(2025, 2, 10), d(2025, 2, 20), d(2025, 3, 3)]
        .into_iter()
        .enumerate()
    {
        let request = ev(
            d(2025, 1, 6),
            Actor::Parent,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        );
        let mut c = child(d(2016, 1, 1));
        c.reference = format!("CYP-{i}");
        let (mut case, _) = Case::open(c, LocalPolicy::sutton(), request, &cal).expect("opens");
        case.apply(council(decided, EventKind::DecidedToAssess), &cal)
            .expect("decided");
        cases.push(case);
    }
    // T-DECIDE-6W was due 2025-02-17: two of the three decisions were late.
    let late = send_pathway::caseload::late_acts(
        &cases,
        d(2025, 1, 1),
        d(2025, 12, 31),
        Some(RuleId::TDecide6w),
    );
    let refs: Vec<&str> = late.iter().map(|l| l.case.reference()).collect();
    assert_eq!(refs, ["CYP-1", "CYP-2"]);
    assert!(
        send_pathway::caseload::late_acts(&cases, d(2025, 3, 1), d(2025, 3, 31), None).len() == 1
    );
}

#[test]
fn exceptional_circumstances_excuse_an_order_clock_exc_44_3() {
    use send_pathway::exceptions::{ExceptionClaim, ExceptionGround, ExceptionId};
    let (mut case, cal) = refused_then_appealed(AppealOutcome::Upheld);
    let claim = ExceptionClaim::new(
        ExceptionId::Exc44_3,
        ExceptionGround::ExceptionalPersonalCircumstances,
        "the family were in hospital for three weeks",
        "the parent could not be consulted before the decision",
    )
    .expect("a valid claim");
    case.apply(
        council(
            d(2025, 9, 10),
            EventKind::ExceptionRecorded {
                claim: Box::new(claim),
            },
        ),
        &cal,
    )
    .expect("EXC-44-3 is recorded against the order's clock");
    // Decided after the order's 2 weeks: late, but excused.
    case.apply(council(d(2025, 9, 25), EventKind::DecidedToAssess), &cal)
        .expect("decided");
    let entry = case.compliance().last().expect("judged");
    assert_eq!(entry.deadline.rule(), RuleId::TOrderAssess);
    assert_eq!(entry.status, Status::MissedExcused(ExceptionId::Exc44_3));
    // The same claim on a case with no order is refused.
    let request = ev(
        d(2025, 3, 12),
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (mut plain, _) =
        Case::open(child(d(2016, 1, 1)), LocalPolicy::sutton(), request, &cal).expect("opens");
    let claim = ExceptionClaim::new(
        ExceptionId::Exc44_3,
        ExceptionGround::ExceptionalPersonalCircumstances,
        "x",
        "y",
    )
    .expect("claim");
    assert!(plain
        .apply(
            council(
                d(2025, 3, 20),
                EventKind::ExceptionRecorded {
                    claim: Box::new(claim)
                }
            ),
            &cal
        )
        .is_err());
}

#[test]
fn for_each_obligation_sees_what_obligations_lists() {
    let cal = HolidayCalendar::england_and_wales();
    let request = ev(
        d(2025, 1, 6),
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (case, _) =
        Case::open(child(d(2016, 1, 1)), LocalPolicy::sutton(), request, &cal).expect("opens");
    for today in [d(2025, 1, 7), d(2025, 3, 1), d(2024, 12, 1)] {
        let mut seen = Vec::new();
        case.for_each_obligation(today, &cal, |o| seen.push(o))
            .expect("answers");
        assert_eq!(seen, case.obligations(today, &cal).expect("answers"));
    }
}

/// T-ORDER-ASSESS: once a tribunal has ordered an assessment, the 6-week clock of
/// T-DECIDE-6W no longer runs, so an EXC-5-4 claim (which excuses only that clock)
/// is judged against the order's clock and refused; the case is left unchanged.
#[test]
fn t_order_assess_exception_is_judged_against_the_running_order_clock() {
    use send_pathway::exceptions::{ExceptionClaim, ExceptionGround, ExceptionId};
    let (mut case, cal) = refused_then_appealed(AppealOutcome::Upheld);
    let before = case.clone();
    let claim = ExceptionClaim::new(
        ExceptionId::Exc5_4,
        ExceptionGround::ExceptionalPersonalCircumstances,
        "the child was in hospital in September",
        "the family could not give their views in time",
    )
    .expect("EXC-5-4 lists this ground");
    let refused = case
        .apply(
            council(
                d(2025, 9, 10),
                EventKind::ExceptionRecorded {
                    claim: Box::new(claim),
                },
            ),
            &cal,
        )
        .expect_err("EXC-5-4 excuses the 6-week clock, which is not running under an order");
    assert!(matches!(
        refused.error,
        Error::ExceptionNotApplicable { .. }
    ));
    assert_eq!(case, before, "a refused event leaves the case as it was");
}

/// SEN2-REQUEST: a decision to assess made on a tribunal's order leaves the
/// original "no" standing in the return; only the tribunal flag is set.
#[test]
fn sen2_request_ordered_decision_keeps_the_original_no() {
    let (mut case, cal) = refused_then_appealed(AppealOutcome::Upheld);
    case.apply(council(d(2025, 9, 12), EventKind::DecidedToAssess), &cal)
        .expect("decided on the order");
    let record = case.sen2_record().expect("a request record");
    assert_eq!(record.decided_not_to_assess_on, Some(d(2025, 4, 16)));
    assert_eq!(record.decided_to_assess_on, None);
    assert!(record.tribunal_reversed);
}

/// SEN2-ASSESSMENT: `Week20` is about the statutory 20 weeks; an exception
/// claimed while a tribunal order's periods run does not set it.
#[test]
fn sen2_assessment_week20_not_set_by_an_order_exception() {
    use send_pathway::exceptions::{ExceptionClaim, ExceptionGround, ExceptionId};
    let (mut case, cal) = refused_then_appealed(AppealOutcome::Upheld);
    let claim = ExceptionClaim::new(
        ExceptionId::Exc13_3,
        ExceptionGround::ExceptionalPersonalCircumstances,
        "the family were in hospital for three weeks",
        "the parent could not be consulted before the decision",
    )
    .expect("a valid claim");
    // EXC-13-3 excuses T-FINAL-20W, which an order to assess replaces: the
    // claim is refused, so it can neither excuse the order nor set Week20.
    let refused = case.apply(
        council(
            d(2025, 9, 10),
            EventKind::ExceptionRecorded {
                claim: Box::new(claim),
            },
        ),
        &cal,
    );
    assert!(refused.is_err(), "EXC-13-3 is not an exception to an order");
    let record = case.sen2_record().expect("a request record");
    assert!(!record.exceptions_apply, "Week20 stays 0 under an order");
}
