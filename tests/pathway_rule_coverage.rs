//! Rules of the catalogue exercised through the case: each test names the rule
//! IDs it checks, so that every rule on the case's data path has a test that
//! drives it with events rather than calling its module directly.

mod common;

use common::*;
use send_pathway::advice::{AdviceType, SensoryImpairment};
use send_pathway::asc::{AscRequester, Moderation};
use send_pathway::calendar::{TermId, TermName};
use send_pathway::deadlines::PhaseTransfer;
use send_pathway::exceptions::{ExceptionClaim, ExceptionGround, ExceptionId, Status};
use send_pathway::nsm::NsmAvailability;
use send_pathway::pathway::{
    Actor, AppealGrounds, AppealOutcome, AppealableDecision, Calendars, Case, Child, ContractId,
    DecisionNotice, DisputeId, EventKind, MediationChoice, MeetingId, ParentalAgreement, Phase,
    ReviewKind, ReviewOutcome, Subject,
};
use send_pathway::{LocalPolicy, RuleId};

fn rules_due(case: &Case, today: chrono::NaiveDate) -> Vec<RuleId> {
    case.obligations(today, &cal())
        .expect("obligations")
        .iter()
        .map(|o| o.rule())
        .collect()
}

fn warned(applied: &send_pathway::pathway::Applied, rule: RuleId) -> bool {
    applied.warnings.iter().any(|w| w.rule == rule)
}

/// ADV-TYPES-8, ADV-HI-VI, ADV-PFA-Y9: deciding to assess sets out the advice
/// the assessment needs — a qualified teacher of the deaf for a hearing-impaired
/// child, preparing-for-adulthood advice from Year 9.
#[test]
fn deciding_to_assess_sets_out_the_advice_needed_adv_types_8_adv_hi_vi_adv_pfa_y9() {
    let cal = cal();
    let child = Child {
        reference: "CYP-HI".into(),
        date_of_birth: d(2011, 1, 10),
        sensory_impairment: SensoryImpairment::Hearing,
    };
    let request = parent(
        d(2025, 1, 6),
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (mut case, _) = Case::open(child, LocalPolicy::sutton(), request, &cal).expect("opens");
    case.apply(council(d(2025, 2, 10), EventKind::DecidedToAssess), &cal)
        .expect("decided");
    let advice = case
        .phase()
        .assessment()
        .and_then(|a| a.advice())
        .expect("advice");
    let educational = advice
        .required()
        .iter()
        .find(|r| r.advice_type == AdviceType::Educational)
        .expect("(b)");
    assert!(educational.needs_qualified_sensory_teacher, "ADV-HI-VI");
    assert!(
        advice
            .required()
            .iter()
            .any(|r| r.advice_type == AdviceType::PreparingForAdulthood),
        "ADV-PFA-Y9: Year 9 in 2024/25"
    );
    // ADV-TYPES-8: a draft before every type of advice has come in brings a warning.
    let applied = case
        .apply(
            council(
                d(2025, 3, 1),
                EventKind::DraftPlanIssued { names_school: None },
            ),
            &cal,
        )
        .expect("draft");
    assert!(warned(&applied, RuleId::AdvTypes8));
}

/// SOP-ADVICE-TRACK-6W then T-ADVICE-6W: an advice request is tracked from its
/// issue until the adviser receives it, then on the statutory clock.
#[test]
fn advice_is_tracked_from_issue_then_from_receipt_sop_advice_track_6w_t_advice_6w() {
    let cal = cal();
    let mut case = open_request(d(2016, 3, 1), d(2025, 1, 6), &cal);
    case.apply(council(d(2025, 2, 14), EventKind::DecidedToAssess), &cal)
        .expect("decided");
    let applied = case
        .apply(
            council(
                d(2025, 2, 14),
                EventKind::AdviceRequested {
                    advice_type: AdviceType::Psychological,
                    body: "EP service".into(),
                    contact: "duty EP".into(),
                },
            ),
            &cal,
        )
        .expect("requested");
    assert_eq!(applied.opened.len(), 1);
    assert!(rules_due(&case, d(2025, 2, 15)).contains(&RuleId::SopAdviceTrack6w));
    let id = send_pathway::advice::AdviceId::new(0);
    case.apply(
        council(
            d(2025, 2, 17),
            EventKind::AdviceRequestReceived { advice: id },
        ),
        &cal,
    )
    .expect("received");
    let due = case.obligations(d(2025, 2, 18), &cal).expect("obligations");
    let advice = due
        .iter()
        .find(|o| o.subject == Subject::Advice { advice: id })
        .expect("listed");
    assert_eq!(
        (advice.rule(), advice.deadline.due()),
        (RuleId::TAdvice6w, d(2025, 3, 31))
    );
}

/// REQ-6M-PRIOR: a request within 6 months of an assessment that concluded is
/// still decided, with a note that no "considering" notice is needed;
/// T-CONSIDER-NOTIFY is recorded once otherwise. A refusal to assess is not an
/// assessment: a request after one needs the notice again.
#[test]
fn a_request_soon_after_an_assessment_req_6m_prior_t_consider_notify() {
    let cal = cal();
    let mut case = open_request(d(2016, 3, 1), d(2025, 1, 6), &cal);
    case.apply(council(d(2025, 1, 8), EventKind::ConsideringNotified), &cal)
        .expect("T-CONSIDER-NOTIFY");
    assert!(
        case.apply(council(d(2025, 1, 9), EventKind::ConsideringNotified), &cal)
            .is_err(),
        "once"
    );
    case.apply(
        council(
            d(2025, 2, 14),
            EventKind::DecidedNotToAssess {
                panel_on: d(2025, 2, 13),
                notice: DecisionNotice::complete("x"),
            },
        ),
        &cal,
    )
    .expect("no");
    let again = |on| {
        parent(
            on,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        )
    };
    // REQ-6M-PRIOR: a "no" to assess is no assessment carried out.
    let applied = case
        .apply(again(d(2025, 5, 1)), &cal)
        .expect("a new request is decided again");
    assert!(!warned(&applied, RuleId::Req6mPrior));
    assert!(case
        .phase()
        .assessment()
        .is_some_and(|a| !a.assessed_in_prior_6_months()));
    // Assessed, then a "no" to issue: that assessment counts for 6 months.
    case.apply(council(d(2025, 5, 9), EventKind::DecidedToAssess), &cal)
        .expect("assess");
    case.apply(
        council(
            d(2025, 8, 1),
            EventKind::DecidedNotToIssue {
                panel_on: d(2025, 7, 31),
                notice: DecisionNotice::complete("needs can be met without a plan"),
            },
        ),
        &cal,
    )
    .expect("no to issue");
    let applied = case
        .apply(again(d(2025, 10, 1)), &cal)
        .expect("a new request is decided again");
    assert!(warned(&applied, RuleId::Req6mPrior));
    assert!(case
        .phase()
        .assessment()
        .is_some_and(|a| a.assessed_in_prior_6_months()));
}

/// EXC-5-4 excuses only the 6-week decision; EXC-COVID only its window.
#[test]
fn an_exception_excuses_only_its_own_deadline_exc_5_4_exc_covid() {
    let cal = cal();
    let mut case = open_request(d(2016, 3, 1), d(2025, 1, 6), &cal);
    let claim = ExceptionClaim::new(
        ExceptionId::Exc5_4,
        ExceptionGround::ExceptionalPersonalCircumstances,
        "bereavement",
        "the parent could not give views",
    )
    .expect("claim");
    case.apply(
        council(
            d(2025, 2, 10),
            EventKind::ExceptionRecorded {
                claim: Box::new(claim),
            },
        ),
        &cal,
    )
    .expect("recorded");
    case.apply(council(d(2025, 3, 3), EventKind::DecidedToAssess), &cal)
        .expect("late decision");
    let entry = case.compliance().last().expect("judged");
    assert_eq!(
        (entry.deadline.rule(), entry.status),
        (
            RuleId::TDecide6w,
            Status::MissedExcused(ExceptionId::Exc5_4)
        )
    );
    // EXC-COVID outside 1 May – 25 September 2020 is refused.
    let covid = ExceptionClaim::new(
        ExceptionId::ExcCovid,
        ExceptionGround::Coronavirus,
        "coronavirus",
        "staff absent",
    );
    let refused = covid.and_then(|c| {
        case.check(
            &council(
                d(2025, 3, 4),
                EventKind::ExceptionRecorded { claim: Box::new(c) },
            ),
            &cal,
        )
    });
    assert!(refused.is_err());
}

/// EXC-27-3 excuses the plan after a re-assessment the council agreed;
/// REASSESS-WHO, T-REASSESS-DECIDE-15D and T-REASSESS-FINAL-14W run their clocks.
#[test]
fn reassessment_clocks_and_their_exception_exc_27_3() {
    let cal = cal();
    let mut case = with_plan(d(2012, 5, 5), d(2024, 3, 1), d(2025, 9, 1), &cal);
    assert!(
        case.apply(
            ev(
                d(2025, 9, 30),
                Actor::Other("a neighbour".into()),
                EventKind::ReassessmentRequested
            ),
            &cal
        )
        .is_err(),
        "REASSESS-WHO"
    );
    case.apply(
        parent(d(2025, 10, 1), EventKind::ReassessmentRequested),
        &cal,
    )
    .expect("requested");
    assert!(rules_due(&case, d(2025, 10, 2)).contains(&RuleId::TReassessDecide15d));
    case.apply(
        council(d(2025, 10, 14), EventKind::ReassessmentAgreed),
        &cal,
    )
    .expect("agreed");
    let due = case
        .obligations(d(2025, 10, 15), &cal)
        .expect("obligations");
    let plan = due
        .iter()
        .find(|o| o.subject == Subject::ReassessedPlan)
        .expect("listed");
    assert_eq!(
        (plan.rule(), plan.deadline.due()),
        (RuleId::TReassessFinal14w, d(2026, 1, 20))
    );
    let claim = ExceptionClaim::new(
        ExceptionId::Exc27_3,
        ExceptionGround::ExceptionalPersonalCircumstances,
        "hospital stay",
        "no views could be gathered",
    )
    .expect("claim");
    case.apply(
        council(
            d(2025, 11, 1),
            EventKind::ExceptionRecorded {
                claim: Box::new(claim),
            },
        ),
        &cal,
    )
    .expect("EXC-27-3 recorded");
    assert_eq!(
        case.phase()
            .plan()
            .and_then(|p| p.reassessment())
            .map(|r| r.exceptions().len()),
        Some(1)
    );
}

/// NSM-WHEN, NSM-SALFORD, NSM-OPTIONAL, NSM-WITHIN-2W, NSM-CONTACT-1W: a "no"
/// offers a Next Steps Meeting by the council's policy; declining changes no
/// clock; the meeting is due within 2 weeks of the panel.
#[test]
fn next_steps_meetings_follow_the_councils_policy_nsm_when_nsm_salford_nsm_optional() {
    let cal = cal();
    for (policy, availability) in [
        (LocalPolicy::sutton(), NsmAvailability::Offered),
        (LocalPolicy::salford(), NsmAvailability::OnRequest),
    ] {
        let request = parent(
            d(2025, 3, 12),
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        );
        let (mut case, _) = Case::open(child(d(2016, 1, 1)), policy, request, &cal).expect("opens");
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
        let meeting = case
            .meetings()
            .first()
            .expect("a meeting is offered or available on request");
        assert_eq!(meeting.availability(), availability);
        let due = case.obligations(d(2025, 4, 16), &cal).expect("obligations");
        let nsm = due
            .iter()
            .find(|o| {
                o.subject
                    == Subject::NextStepsMeeting {
                        meeting: MeetingId::new(0),
                    }
            })
            .expect("NSM-WITHIN-2W");
        assert_eq!(nsm.deadline.due(), d(2025, 4, 29));
        let before: Vec<_> = due
            .iter()
            .filter(|o| o.rule() != RuleId::NsmWithin2w)
            .cloned()
            .collect();
        let applied = case
            .apply(
                parent(
                    d(2025, 4, 17),
                    EventKind::NsmDeclined {
                        meeting: MeetingId::new(0),
                    },
                ),
                &cal,
            )
            .expect("declined");
        assert!(warned(&applied, RuleId::NsmOptional));
        assert_eq!(
            case.obligations(d(2025, 4, 17), &cal)
                .expect("obligations")
                .iter()
                .filter(|o| o.rule() != RuleId::NsmWithin2w)
                .count(),
            before.len(),
            "no clock changes"
        );
    }
}

/// ASC-SCOPE, ASC-REQUESTERS, ASC-NOTIONAL-FIRST, ASC-EVIDENCE, ASC-SETUP-MEETING,
/// ASC-DECISION, ASC-HNB, ASC-NO-APPEAL, ASC-TERMLY-AGREEMENT, ASC-REVIEW-1TERM,
/// ASC-EXTEND-PANEL through the case, with the school's term calendar.
#[test]
fn an_asc_through_the_case_checks_every_step_asc_evidence_asc_termly_agreement() {
    let cal = cal();
    let terms = terms();
    let both = Calendars::new(&cal, &terms);
    let mut case = open_request(d(2016, 1, 1), d(2025, 4, 1), &cal);
    // ASC-NOTIONAL-FIRST: a setting that has not spent its notional budget is refused.
    let mut thin = asc_request(d(2025, 4, 2), AscRequester::Setting);
    thin.evidence.notional_budget_spent = pounds(3_000);
    assert!(case
        .apply(
            council(
                d(2025, 4, 2),
                EventKind::AscRequested {
                    request: Box::new(thin)
                }
            ),
            both
        )
        .is_err());
    // ASC-EVIDENCE: no SMART outcome agreed with the family is refused.
    let mut vague = asc_request(d(2025, 4, 2), AscRequester::Setting);
    vague.evidence.smart_outcomes.clear();
    assert!(case
        .apply(
            council(
                d(2025, 4, 2),
                EventKind::AscRequested {
                    request: Box::new(vague)
                }
            ),
            both
        )
        .is_err());
    case.apply(
        council(
            d(2025, 4, 2),
            EventKind::AscRequested {
                request: Box::new(asc_request(d(2025, 4, 2), AscRequester::Setting)),
            },
        ),
        both,
    )
    .expect("requested");
    let k = ContractId::new(0);
    case.apply(
        council(
            d(2025, 4, 10),
            EventKind::AscSetupMeetingHeld {
                contract: k,
                meeting: Box::new(setup_meeting(d(2025, 4, 10))),
            },
        ),
        both,
    )
    .expect("ASC-SETUP-MEETING");
    case.apply(
        council(
            d(2025, 4, 15),
            EventKind::AscDecided {
                contract: k,
                decision: Box::new(approved(d(2025, 4, 15), 2_000)),
            },
        ),
        both,
    )
    .expect("ASC-DECISION");
    let decision = case.contracts()[0].contract().decision().expect("recorded");
    assert_eq!(
        decision.appeal,
        send_pathway::asc::AscAppeal::NoRightOfAppeal,
        "ASC-NO-APPEAL"
    );
    assert_eq!(
        decision.funding,
        send_pathway::asc::FundingSource::HighNeedsBlock,
        "ASC-HNB"
    );
    // ASC-TERMLY-AGREEMENT: the term's dates must be the school's.
    let summer = TermId {
        year: send_pathway::calendar::AcademicYear::starting(2024),
        name: TermName::Summer,
    };
    let wrong =
        send_pathway::calendar::DateRange::new(d(2025, 4, 20), d(2025, 7, 22)).expect("range");
    assert!(case
        .apply(
            council(
                d(2025, 4, 22),
                EventKind::AscTermFunded {
                    contract: k,
                    term: summer,
                    dates: wrong,
                    amount: pounds(2_000),
                    moderation: Moderation::NotModerated
                }
            ),
            both
        )
        .is_err());
    let right = terms.term(summer).expect("in the calendar").dates;
    case.apply(
        council(
            d(2025, 4, 22),
            EventKind::AscTermFunded {
                contract: k,
                term: summer,
                dates: right,
                amount: pounds(2_000),
                moderation: Moderation::NotModerated,
            },
        ),
        both,
    )
    .expect("funded");
    // ASC-REVIEW-1TERM and ASC-EXTEND-PANEL: no second term before a review and the panel.
    let autumn = TermId {
        year: send_pathway::calendar::AcademicYear::starting(2025),
        name: TermName::Autumn,
    };
    let autumn_dates = terms.term(autumn).expect("autumn").dates;
    let second = council(
        d(2025, 9, 3),
        EventKind::AscTermFunded {
            contract: k,
            term: autumn,
            dates: autumn_dates,
            amount: pounds(2_000),
            moderation: Moderation::Moderated,
        },
    );
    assert_eq!(
        refused_rule(&mut case, second, &cal),
        Some(RuleId::AscReview1Term)
    );
}

/// SUP-APDR, SUP-TERMLY, SUP-INFORM-PARENTS: SEN Support cycles beside any
/// phase; terms with no review with the family are found from the case.
#[test]
fn sen_support_cycles_beside_the_case_sup_apdr_sup_termly_sup_inform_parents() {
    let cal = cal();
    let (mut case, _) = Case::open(
        child(d(2016, 1, 1)),
        LocalPolicy::sutton(),
        ev(d(2025, 4, 22), Actor::School, EventKind::SenSupportStarted),
        &cal,
    )
    .expect("opens");
    let applied = case
        .apply(
            ev(d(2025, 6, 10), Actor::School, EventKind::ApdrReviewed),
            &cal,
        )
        .expect("SUP-APDR");
    assert!(
        warned(&applied, RuleId::SupInformParents),
        "parents not yet told"
    );
    assert!(case
        .next_events(d(2025, 6, 11), &cal)
        .expect("next")
        .iter()
        .any(|n| n.event == "parents_informed"));
    case.apply(
        ev(d(2025, 6, 11), Actor::School, EventKind::ParentsInformed),
        &cal,
    )
    .expect("told");
    // SUP-TERMLY: autumn 2025 passes with no review with the family.
    let gaps = case.terms_without_apdr_review(d(2026, 1, 10), &terms());
    assert_eq!(
        gaps,
        vec![TermId {
            year: send_pathway::calendar::AcademicYear::starting(2025),
            name: TermName::Autumn
        }]
    );
}

/// T-PHASE-15FEB, T-REVIEW-UNDER5, REVIEW-EARLY, REVIEW-SPECIAL-YEARS,
/// REVIEW-PFA-Y9, REVIEW-INVITEES through a plan's review.
#[test]
fn a_plans_review_clocks_t_phase_15feb_t_review_under5_review_early() {
    let cal = cal();
    // A Year 6 child moving to secondary in September 2026.
    let mut case = with_plan(d(2014, 10, 1), d(2024, 6, 1), d(2025, 9, 1), &cal);
    case.apply(
        council(
            d(2025, 9, 2),
            EventKind::PhaseTransferPlanned {
                transfer_on: d(2026, 9, 1),
                transfer: PhaseTransfer::PrimaryToSecondary,
            },
        ),
        &cal,
    )
    .expect("planned");
    let due = case.obligations(d(2025, 9, 3), &cal).expect("obligations");
    let phase = due
        .iter()
        .find(|o| o.subject == Subject::PhaseTransfer)
        .expect("T-PHASE-15FEB");
    assert_eq!(
        (phase.rule(), phase.deadline.due()),
        (RuleId::TPhase15Feb, d(2026, 2, 14))
    );
    let applied = case
        .apply(
            council(
                d(2025, 9, 10),
                EventKind::ReviewMeetingScheduled {
                    meeting_on: d(2025, 10, 1),
                    kind: ReviewKind::Early,
                },
            ),
            &cal,
        )
        .expect("scheduled");
    assert!(warned(&applied, RuleId::ReviewEarly));
    assert!(
        warned(&applied, RuleId::ReviewSpecialYears),
        "Year 6 confirms the secondary placement"
    );
    assert_eq!(
        send_pathway::pathway::reviews::review_invitees(
            send_pathway::pathway::reviews::Setting::School
        )
        .len(),
        5,
        "REVIEW-INVITEES"
    );
    // T-REVIEW-UNDER5: a plan for a 3-year-old lists the under-5 review.
    let young = with_plan(d(2022, 5, 1), d(2025, 6, 1), d(2025, 9, 1), &cal);
    assert!(rules_due(&young, d(2025, 9, 2)).contains(&RuleId::TReviewUnder5));
    // REVIEW-PFA-Y9: a Year 9 review focuses on preparing for adulthood.
    let mut teen = with_plan(d(2011, 1, 10), d(2024, 6, 1), d(2025, 9, 1), &cal);
    let applied = teen
        .apply(
            council(
                d(2025, 9, 10),
                EventKind::ReviewMeetingScheduled {
                    meeting_on: d(2025, 10, 1),
                    kind: ReviewKind::Scheduled,
                },
            ),
            &cal,
        )
        .expect("scheduled");
    assert!(applied
        .warnings
        .iter()
        .any(|w| w.message.contains("preparing for adulthood")));
}

/// T-MED-HELD-30D, T-MED-CERT-OTHER-3WD, T-MED-AGREEMENT, T-MED-HEALTH-3WD,
/// T-ORDER-RECOMMEND-5W, APPEAL-RIGHTS through a dispute.
#[test]
fn a_disputes_mediation_clocks_t_med_held_30d_t_med_agreement_t_med_health_3wd() {
    let cal = cal();
    let mut case = open_request(d(2016, 3, 1), d(2025, 3, 12), &cal);
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
    let dispute = DisputeId::new(0);
    assert_eq!(
        case.dispute(dispute).map(|d| d.decision()),
        Some(AppealableDecision::RefusalToAssess),
        "APPEAL-RIGHTS"
    );
    case.apply(
        parent(
            d(2025, 5, 1),
            EventKind::MediationAdviserContacted {
                dispute,
                choice: MediationChoice::WantsMediation,
            },
        ),
        &cal,
    )
    .expect("contacted");
    let due = case.obligations(d(2025, 5, 2), &cal).expect("obligations");
    let held = due
        .iter()
        .find(|o| o.subject == Subject::MediationHeld { dispute })
        .expect("T-MED-HELD-30D");
    assert_eq!(held.deadline.due(), d(2025, 5, 31));
    case.apply(
        parent(
            d(2025, 5, 2),
            EventKind::HealthMediationRequested { dispute },
        ),
        &cal,
    )
    .expect("health");
    assert!(rules_due(&case, d(2025, 5, 3)).contains(&RuleId::TMedHealth3wd));
    case.apply(
        council(
            d(2025, 5, 6),
            EventKind::HealthCommissionerNotified { dispute },
        ),
        &cal,
    )
    .expect("told");
    case.apply(
        council(d(2025, 5, 20), EventKind::MediationHeld { dispute }),
        &cal,
    )
    .expect("held");
    case.apply(
        council(
            d(2025, 5, 20),
            EventKind::MediationAgreementReached { dispute },
        ),
        &cal,
    )
    .expect("agreement");
    assert!(rules_due(&case, d(2025, 5, 21)).contains(&RuleId::TMedAgreement));
    assert!(rules_due(&case, d(2025, 5, 21)).contains(&RuleId::TMedCertOther3wd));
    case.apply(
        ev(
            d(2025, 5, 22),
            Actor::MediationAdviser,
            EventKind::MediationCertificateIssued { dispute },
        ),
        &cal,
    )
    .expect("certificate");
    case.apply(
        parent(
            d(2025, 6, 10),
            EventKind::AppealLodged {
                dispute,
                grounds: AppealGrounds::NeedsOrProvision,
            },
        ),
        &cal,
    )
    .expect("appeal");
    case.apply(
        ev(
            d(2025, 8, 1),
            Actor::Tribunal,
            EventKind::TribunalRecommendation { dispute },
        ),
        &cal,
    )
    .expect("recommendation");
    let due = case.obligations(d(2025, 8, 2), &cal).expect("obligations");
    let response = due
        .iter()
        .find(|o| o.subject == Subject::RecommendationResponse { dispute })
        .expect("T-ORDER-RECOMMEND-5W");
    assert_eq!(response.deadline.due(), d(2025, 9, 5));
}

/// T-ORDER-AMEND and T-UNOPPOSED-AMEND: an upheld or conceded appeal on a
/// plan's contents starts an amendment on the order's clock; section I only: 2 weeks.
#[test]
fn an_order_to_amend_starts_an_amendment_t_order_amend_t_unopposed_amend() {
    for (outcome, grounds, rule, weeks) in [
        (
            AppealOutcome::Upheld,
            AppealGrounds::NeedsOrProvision,
            RuleId::TOrderAmend,
            5,
        ),
        (
            AppealOutcome::Upheld,
            AppealGrounds::PlacementOnly,
            RuleId::TOrderAmend,
            2,
        ),
        (
            AppealOutcome::Conceded,
            AppealGrounds::NeedsOrProvision,
            RuleId::TUnopposedAmend,
            5,
        ),
    ] {
        let cal = cal();
        let mut case = case_1_to_final(&cal);
        let dispute = case
            .disputes()
            .iter()
            .find(|d| d.decision() == AppealableDecision::PlanContents)
            .expect("contents dispute")
            .id();
        if grounds == AppealGrounds::NeedsOrProvision {
            case.apply(
                parent(
                    d(2025, 6, 1),
                    EventKind::MediationAdviserContacted {
                        dispute,
                        choice: MediationChoice::Declined,
                    },
                ),
                &cal,
            )
            .expect("contacted");
            case.apply(
                ev(
                    d(2025, 6, 3),
                    Actor::MediationAdviser,
                    EventKind::MediationCertificateIssued { dispute },
                ),
                &cal,
            )
            .expect("certificate");
        }
        case.apply(
            parent(d(2025, 6, 20), EventKind::AppealLodged { dispute, grounds }),
            &cal,
        )
        .expect("APPEAL-CERT: placement-only needs no certificate");
        case.apply(
            ev(
                d(2025, 10, 6),
                Actor::Tribunal,
                EventKind::AppealDecided { dispute, outcome },
            ),
            &cal,
        )
        .expect("decided");
        let due = case.obligations(d(2025, 10, 6), &cal).expect("obligations");
        let amended = due
            .iter()
            .find(|o| o.subject == Subject::AmendedPlan)
            .expect("an amendment starts");
        assert_eq!(amended.rule(), rule);
        assert_eq!(
            amended.deadline.due(),
            d(2025, 10, 6) + chrono::Days::new(7 * weeks)
        );
    }
}

/// T-UNOPPOSED-PLAN: a concession after a refusal to issue starts a draft on
/// 5 and 11 weeks from telling the tribunal.
#[test]
fn a_conceded_refusal_to_issue_starts_a_draft_t_unopposed_plan() {
    let cal = cal();
    let mut case = open_request(d(2016, 3, 1), d(2025, 1, 6), &cal);
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
    let dispute = DisputeId::new(0);
    appeal_after_declining_mediation(
        &mut case,
        dispute,
        [d(2025, 5, 1), d(2025, 5, 2), d(2025, 5, 20)],
        &cal,
    );
    case.apply(
        council(
            d(2025, 6, 2),
            EventKind::AppealDecided {
                dispute,
                outcome: AppealOutcome::Conceded,
            },
        ),
        &cal,
    )
    .expect("conceded");
    assert!(matches!(case.phase(), Phase::Assessment(_)));
    let rules = rules_due(&case, d(2025, 6, 2));
    assert!(rules.iter().all(|r| *r != RuleId::TFinal20w));
    assert!(rules.contains(&RuleId::TUnopposedPlan));
}

/// CEASE-GROUNDS, CEASE-PROCEDURE: a decision to cease needs a proposal and a
/// consultation, and opens its own dispute.
#[test]
fn ceasing_needs_consultation_and_opens_a_dispute_cease_grounds_cease_procedure() {
    let cal = cal();
    let mut case = with_plan(d(2014, 5, 5), d(2024, 3, 1), d(2025, 1, 10), &cal);
    let decide = council(
        d(2025, 1, 20),
        EventKind::CeaseDecided {
            ground: send_pathway::pathway::CeaseGround::NoLongerNecessary,
            notice: DecisionNotice::complete("outcomes met"),
        },
    );
    assert_eq!(
        refused_rule(&mut case, decide, &cal),
        Some(RuleId::CeaseProcedure)
    );
    case.apply(council(d(2025, 1, 20), EventKind::CeaseProposed), &cal)
        .expect("proposed");
    case.apply(
        council(d(2025, 1, 27), EventKind::CeaseConsultationHeld),
        &cal,
    )
    .expect("consulted");
    case.apply(
        council(
            d(2025, 2, 3),
            EventKind::CeaseDecided {
                ground: send_pathway::pathway::CeaseGround::NoLongerNecessary,
                notice: DecisionNotice::complete("outcomes met"),
            },
        ),
        &cal,
    )
    .expect("decided");
    assert_eq!(
        case.disputes().last().map(|d| d.decision()),
        Some(AppealableDecision::Cease)
    );
}

/// REVIEW-DECISION-RIGHTS and T-AMEND-NOTICE-4W: "amend" is followed by the
/// amendment notice within the 4 weeks of the meeting.
#[test]
fn amend_after_a_review_needs_its_notice_t_amend_notice_4w() {
    let cal = cal();
    let mut case = with_plan(d(2014, 5, 5), d(2024, 3, 1), d(2025, 1, 10), &cal);
    case.apply(
        council(
            d(2025, 1, 20),
            EventKind::ReviewMeetingScheduled {
                meeting_on: d(2025, 2, 10),
                kind: ReviewKind::Scheduled,
            },
        ),
        &cal,
    )
    .expect("scheduled");
    case.apply(council(d(2025, 2, 10), EventKind::ReviewMeetingHeld), &cal)
        .expect("held");
    case.apply(
        council(
            d(2025, 3, 3),
            EventKind::ReviewDecided {
                outcome: ReviewOutcome::Amend,
            },
        ),
        &cal,
    )
    .expect("amend");
    let due = case.obligations(d(2025, 3, 4), &cal).expect("obligations");
    let notice = due
        .iter()
        .find(|o| o.subject == Subject::AmendmentNotice)
        .expect("listed");
    assert_eq!(
        (notice.rule(), notice.deadline.due()),
        (RuleId::TAmendNotice4w, d(2025, 3, 10))
    );
}
