//! The worked timelines' Cases 1-3 run end to end through the case (phase, activities and
//! side tracks), plus the error and warning lists (public API only).

mod common;

use common::*;
use send_pathway::advice::AdviceType;
use send_pathway::asc::{
    AscRequester, ExtensionWish, Moderation, Progress, SupportStillNeeded, TermReview,
};
use send_pathway::calendar::{ClosedPeriod, DayKind, Provision};
use send_pathway::exceptions::{ExceptionClaim, ExceptionGround, ExceptionId, Status};
use send_pathway::pathway::*;
use send_pathway::{Error, LocalPolicy, RuleId};

fn due_of(list: &[Obligation], rule: RuleId) -> &Obligation {
    list.iter()
        .find(|o| o.rule() == rule)
        .unwrap_or_else(|| panic!("{rule} not listed in {list:?}"))
}

fn next_has(next: &[NextEvent], tag: &str) -> bool {
    next.iter().any(|n| n.event == tag)
}

/// Case 1: request → decision → advice → draft → final → first review with
/// amendment (REQ-WHO, T-DECIDE-6W, T-ADVICE-6W, T-DRAFT-14W, T-DRAFT-REPS-15D,
/// T-SCHOOL-CONSULT-15D, T-NOTISSUE-16W, T-FINAL-20W, T-REVIEW-*, T-AMEND-*).
#[test]
fn case_1_through_the_pathway() {
    let cal = cal();
    // The dates while the assessment runs, from the case itself.
    let mut case = open_request(d(2016, 3, 1), d(2025, 1, 6), &cal);
    let due = case.obligations(d(2025, 1, 20), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::TDecide6w).deadline.due(),
        d(2025, 2, 17),
        "T-DECIDE-6W"
    );
    let full = case_1_to_final(&cal);
    // Replay Case 1 up to the draft to read the assessing-step clocks.
    let upto_draft: Vec<Event> = full
        .history()
        .iter()
        .take_while(|e| !matches!(e.kind, EventKind::DraftPlanIssued { .. }))
        .cloned()
        .collect();
    let assessing = Case::replay(full.child().clone(), full.policy().clone(), upto_draft).unwrap();
    let due = assessing.obligations(d(2025, 3, 1), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::TDraft14w).deadline.due(),
        d(2025, 4, 14),
        "T-DRAFT-14W"
    );
    assert_eq!(
        due_of(&due, RuleId::TNotIssue16w).deadline.due(),
        d(2025, 4, 28),
        "T-NOTISSUE-16W"
    );
    let final_due = due_of(&due, RuleId::TFinal20w).deadline;
    assert_eq!(final_due.due(), d(2025, 5, 26), "T-FINAL-20W");
    assert_eq!(
        final_due.due_day(),
        DayKind::BankHoliday,
        "T-FINAL-20W flagged, not moved"
    );
    // Advice received 03-28: none open, so no T-ADVICE-6W listed; before receipt each is due 03-31.
    let before_advice: Vec<Event> = full
        .history()
        .iter()
        .take(1 + 1 + 1 + 5 + 5)
        .cloned()
        .collect();
    let waiting = Case::replay(full.child().clone(), full.policy().clone(), before_advice).unwrap();
    let advice: Vec<_> = waiting
        .obligations(d(2025, 3, 1), &cal)
        .unwrap()
        .into_iter()
        .filter(|o| matches!(o.subject, Subject::Advice { .. }))
        .collect();
    assert_eq!(advice.len(), 5);
    for o in &advice {
        if o.rule() == RuleId::TAdvice6w {
            assert_eq!(o.deadline.due(), d(2025, 3, 31), "T-ADVICE-6W");
        }
    }
    // The draft window and the school consultation.
    let upto_consult: Vec<Event> = full
        .history()
        .iter()
        .take_while(|e| !matches!(e.kind, EventKind::SchoolReplied { .. }))
        .cloned()
        .collect();
    let drafted = Case::replay(full.child().clone(), full.policy().clone(), upto_consult).unwrap();
    let due = drafted.obligations(d(2025, 4, 8), &cal).unwrap();
    let window = due_of(&due, RuleId::TDraftReps15d).deadline;
    assert_eq!(
        window.due(),
        d(2025, 4, 21),
        "T-DRAFT-REPS-15D ends Easter Monday"
    );
    assert_eq!(window.due_day(), DayKind::BankHoliday, "no extension");
    let due = drafted.obligations(d(2025, 4, 24), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::TSchoolConsult15d).deadline.due(),
        d(2025, 5, 8),
        "T-SCHOOL-CONSULT-15D"
    );

    case = full;
    assert!(matches!(case.phase(), Phase::Plan(_)));
    let sen2 = case.sen2_records();
    assert_eq!(sen2.len(), 1);
    assert_eq!(sen2[0].within_20_weeks, Some(true), "T-FINAL-20W: 137 days");
    assert!(!sen2[0].exceptions_apply);
    // The final plan opened a contents dispute (s51(2)(c)).
    assert_eq!(
        case.disputes()[0].decision(),
        AppealableDecision::PlanContents
    );

    // The first annual review: T-REVIEW-12M strict due 2026-05-22.
    let due = case.obligations(d(2026, 2, 1), &cal).unwrap();
    let review = due_of(&due, RuleId::TReview12m);
    assert_eq!(review.deadline.due(), d(2026, 5, 22), "T-REVIEW-12M");
    assert_eq!(review.status, Status::Pending);

    case.apply(
        council(
            d(2026, 2, 25),
            EventKind::ReviewMeetingScheduled {
                meeting_on: d(2026, 3, 11),
                kind: ReviewKind::Scheduled,
            },
        ),
        &cal,
    )
    .unwrap();
    case.apply(
        council(d(2026, 2, 25), EventKind::ReviewAdviceCirculated),
        &cal,
    )
    .unwrap();
    let due = case.obligations(d(2026, 3, 1), &cal).unwrap();
    let invite = due_of(&due, RuleId::TReviewInvite2w);
    assert_eq!(
        (invite.deadline.due(), invite.status),
        (d(2026, 2, 25), Status::Met),
        "T-REVIEW-INVITE-2W"
    );
    let advice = due_of(&due, RuleId::TReviewAdvice2w);
    assert_eq!(
        (advice.deadline.due(), advice.status),
        (d(2026, 2, 25), Status::Met),
        "T-REVIEW-ADVICE-2W"
    );

    case.apply(
        ev(d(2026, 3, 11), Actor::School, EventKind::ReviewMeetingHeld),
        &cal,
    )
    .unwrap();
    let due = case.obligations(d(2026, 3, 12), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::TReviewReport2w).deadline.due(),
        d(2026, 3, 25),
        "T-REVIEW-REPORT-2W"
    );
    assert_eq!(
        due_of(&due, RuleId::TReviewDecision4w).deadline.due(),
        d(2026, 4, 8),
        "T-REVIEW-DECISION-4W"
    );
    assert!(
        due.iter().all(|o| o.rule() != RuleId::TReviewAdvice2w),
        "a step the review has left lists nothing"
    );

    case.apply(
        ev(d(2026, 3, 20), Actor::School, EventKind::ReviewReportSent),
        &cal,
    )
    .unwrap();
    let applied = case
        .apply(
            council(
                d(2026, 4, 8),
                EventKind::ReviewDecided {
                    outcome: ReviewOutcome::Amend,
                },
            ),
            &cal,
        )
        .unwrap();
    assert!(
        applied
            .warnings
            .iter()
            .all(|w| w.rule != RuleId::TReviewDecision4w),
        "on time"
    );
    // "Amend": the amendment notice is due the same day (T-AMEND-NOTICE-4W).
    let due = case.obligations(d(2026, 4, 8), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::TAmendNotice4w).deadline.due(),
        d(2026, 4, 8),
        "T-AMEND-NOTICE-4W"
    );
    assert!(next_has(
        &case.next_events(d(2026, 4, 8), &cal).unwrap(),
        "amendment_notice_sent"
    ));
    let applied = case
        .apply(council(d(2026, 4, 8), EventKind::AmendmentNoticeSent), &cal)
        .unwrap();
    assert!(
        applied
            .warnings
            .iter()
            .all(|w| w.rule != RuleId::TAmendNotice4w),
        "T-AMEND-NOTICE-4W met"
    );
    let Phase::Plan(plan) = case.phase() else {
        panic!("plan")
    };
    assert!(plan.amendment().is_some() && plan.review().is_none());

    let due = case.obligations(d(2026, 4, 10), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::TAmendReps15d).deadline.due(),
        d(2026, 4, 22),
        "T-AMEND-REPS-15D"
    );
    assert_eq!(
        due_of(&due, RuleId::TAmendFinal8w).deadline.due(),
        d(2026, 6, 3),
        "T-AMEND-FINAL-8W"
    );
    // T-REVIEW-12M met by the 04-08 decision: the clock restarted from it.
    assert_eq!(
        due_of(&due, RuleId::TReview12m).deadline.due(),
        d(2027, 4, 7)
    );
    assert_eq!(
        case.sen2_record().unwrap().last_review_outcome,
        Some(ReviewOutcome::Amend)
    );

    // Finalising before the 15-day window closes is refused; the case is unchanged.
    let early = council(
        d(2026, 4, 20),
        EventKind::AmendedPlanIssued {
            school: "Oak Primary".into(),
        },
    );
    assert_eq!(
        refused_rule(&mut case, early, &cal),
        Some(RuleId::TAmendReps15d)
    );
    case.apply(
        council(
            d(2026, 5, 20),
            EventKind::AmendedPlanIssued {
                school: "Oak Primary".into(),
            },
        ),
        &cal,
    )
    .unwrap();
    let Phase::Plan(plan) = case.phase() else {
        panic!("plan")
    };
    assert!(plan.amendment().is_none());
    // The amended plan's contents are appealable: a second contents dispute.
    assert_eq!(case.disputes().len(), 2);
    assert_eq!(
        case.disputes()[1].decision(),
        AppealableDecision::PlanContents
    );
}

/// Case 2: "no to assess" → NSM → ASC (asc module types) → mediation
/// certificate → appeal limit (T-DECIDE-6W, NOTICE-APPEAL-CONTENT, NSM-WHEN,
/// NSM-WITHIN-2W, ASC-TERM-CAP, ASC-TWO-TERMS, T-MED-CERT-3WD, T-MED-CONTACT-2M,
/// T-APPEAL-2M-1M, DC-8).
#[test]
fn case_2_no_to_assess_nsm_asc_mediation_appeal() {
    let cal = cal();
    let terms = terms();
    let with_terms = Calendars::new(&cal, &terms);
    let (mut case, _) = Case::open(
        child(d(2017, 1, 10)),
        LocalPolicy::sutton(),
        ev(
            d(2025, 3, 12),
            Actor::School,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::Agreed,
            },
        ),
        &cal,
    )
    .unwrap();
    let due = case.obligations(d(2025, 3, 13), &cal).unwrap();
    assert_eq!(due[0].deadline.due(), d(2025, 4, 23), "T-DECIDE-6W");

    // An incomplete notice is refused (NOTICE-APPEAL-CONTENT).
    let thin = DecisionNotice {
        reasons: "needs can be met at SEN Support".into(),
        includes: vec![NoticeItem::RightOfAppeal],
    };
    let r = council(
        d(2025, 4, 16),
        EventKind::DecidedNotToAssess {
            panel_on: d(2025, 4, 15),
            notice: thin,
        },
    );
    assert_eq!(
        refused_rule(&mut case, r, &cal),
        Some(RuleId::NoticeAppealContent)
    );

    let notice =
        DecisionNotice::complete("needs can be met at SEN Support from the notional budget");
    let applied = case
        .apply(
            council(
                d(2025, 4, 16),
                EventKind::DecidedNotToAssess {
                    panel_on: d(2025, 4, 15),
                    notice,
                },
            ),
            &cal,
        )
        .unwrap();
    assert_eq!(
        applied.opened,
        vec![
            Opened::Dispute(DisputeId::new(0)),
            Opened::Meeting(MeetingId::new(0))
        ]
    );
    assert!(matches!(case.phase(), Phase::SenSupport { .. }));
    assert_eq!(
        case.dispute(DisputeId::new(0)).unwrap().decision(),
        AppealableDecision::RefusalToAssess
    );
    let nsm = &case.meetings()[0];
    assert_eq!(
        nsm.panel_on(),
        d(2025, 4, 15),
        "NSM-WHEN: Sutton offers automatically"
    );
    let due = case.obligations(d(2025, 4, 17), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::NsmWithin2w).deadline.due(),
        d(2025, 4, 29),
        "NSM-WITHIN-2W"
    );
    assert_eq!(
        due_of(&due, RuleId::TMedContact2m).deadline.due(),
        d(2025, 6, 16),
        "T-MED-CONTACT-2M"
    );

    let m0 = MeetingId::new(0);
    case.apply(
        parent(d(2025, 4, 17), EventKind::NsmAccepted { meeting: m0 }),
        &cal,
    )
    .unwrap();
    let held = case
        .apply(
            council(d(2025, 4, 28), EventKind::NsmHeld { meeting: m0 }),
            &cal,
        )
        .unwrap();
    assert!(
        held.warnings.iter().all(|w| w.rule != RuleId::NsmWithin2w),
        "held in time"
    );
    case.apply(
        council(d(2025, 4, 28), EventKind::ReturnedToSenSupport),
        &cal,
    )
    .unwrap();

    // The ASC the panel suggested, through the asc module's own types.
    let applied = case
        .apply(
            council(
                d(2025, 4, 30),
                EventKind::AscRequested {
                    request: Box::new(asc_request(
                        d(2025, 4, 30),
                        AscRequester::PanelOnAssessmentRequest,
                    )),
                },
            ),
            with_terms,
        )
        .unwrap();
    let k0 = ContractId::new(0);
    assert_eq!(applied.opened, vec![Opened::Contract(k0)]);
    case.apply(
        ev(
            d(2025, 4, 30),
            Actor::School,
            EventKind::AscSetupMeetingHeld {
                contract: k0,
                meeting: Box::new(setup_meeting(d(2025, 4, 30))),
            },
        ),
        with_terms,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 5, 1),
            EventKind::AscDecided {
                contract: k0,
                decision: Box::new(approved(d(2025, 5, 1), 2_000)),
            },
        ),
        with_terms,
    )
    .unwrap();
    let summer = terms.terms()[0];
    let autumn = terms.terms()[1];
    let spring = terms.terms()[2];
    let fund = |on, term: send_pathway::calendar::Term, amount, moderation| {
        council(
            on,
            EventKind::AscTermFunded {
                contract: k0,
                term: term.id(),
                dates: term.dates,
                amount: pounds(amount),
                moderation,
            },
        )
    };
    let over = fund(d(2025, 5, 1), summer, 2_500, Moderation::NotModerated);
    let before = case.clone();
    let r = case.apply(over.clone(), with_terms);
    assert_eq!(rule_of(r), Some(RuleId::AscTermCap), "ASC-TERM-CAP");
    assert_eq!(case, before);
    case.apply(
        fund(d(2025, 5, 1), summer, 2_000, Moderation::NotModerated),
        with_terms,
    )
    .unwrap();

    // Mediation declined → certificate within 3 working days (T-MED-CERT-3WD).
    let d0 = DisputeId::new(0);
    case.apply(
        parent(
            d(2025, 5, 20),
            EventKind::MediationAdviserContacted {
                dispute: d0,
                choice: MediationChoice::Declined,
            },
        ),
        &cal,
    )
    .unwrap();
    let due = case.obligations(d(2025, 5, 21), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::TMedCert3wd).deadline.due(),
        d(2025, 5, 23),
        "T-MED-CERT-3WD"
    );
    case.apply(
        ev(
            d(2025, 5, 22),
            Actor::MediationAdviser,
            EventKind::MediationCertificateIssued { dispute: d0 },
        ),
        &cal,
    )
    .unwrap();
    let appeal = case.dispute(d0).unwrap().appeal_deadline(&cal).unwrap();
    assert_eq!(
        (appeal.due(), appeal.tribunal_effective()),
        (d(2025, 6, 22), Some(d(2025, 6, 23))),
        "T-APPEAL-2M-1M, DC-8"
    );
    let due = case.obligations(d(2025, 6, 1), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::TAppeal2m1m).deadline.due(),
        d(2025, 6, 22)
    );
    // The limit as the tribunal reads it: Mon 06-23 still in time, Tue 06-24 not.
    let lodge = |on| {
        parent(
            on,
            EventKind::AppealLodged {
                dispute: d0,
                grounds: AppealGrounds::NeedsOrProvision,
            },
        )
    };
    assert!(case.check(&lodge(d(2025, 6, 23)), &cal).is_ok());
    assert!(matches!(
        case.check(&lodge(d(2025, 6, 24)), &cal),
        Err(Error::RuleBroken {
            rule: RuleId::TAppeal2m1m,
            ..
        })
    ));
    case.apply(lodge(d(2025, 6, 20)), &cal).unwrap();
    assert!(case.sen2_record().unwrap().appealed);

    // ASC-REVIEW-1TERM, ASC-EXTEND-PANEL: a final Autumn term.
    case.apply(
        council(
            d(2025, 7, 18),
            EventKind::AscReviewed {
                contract: k0,
                review: TermReview {
                    reviewed_on: d(2025, 7, 18),
                    progress: Progress::Successful,
                    extension: ExtensionWish::Wanted,
                },
            },
        ),
        with_terms,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 7, 18),
            EventKind::AscExtended {
                contract: k0,
                decision: Box::new(approved(d(2025, 7, 18), 2_000)),
            },
        ),
        with_terms,
    )
    .unwrap();
    case.apply(
        fund(d(2025, 9, 5), autumn, 2_000, Moderation::Moderated),
        with_terms,
    )
    .unwrap();
    let third = fund(d(2026, 1, 6), spring, 1_000, Moderation::Moderated);
    assert_eq!(
        rule_of(case.apply(third, with_terms)),
        Some(RuleId::AscTwoTerms),
        "ASC-TWO-TERMS"
    );
    let ended = case
        .apply(
            council(
                d(2025, 12, 19),
                EventKind::AscEnded {
                    contract: k0,
                    support_still_needed: SupportStillNeeded::Yes,
                },
            ),
            with_terms,
        )
        .unwrap();
    assert_eq!(
        ended.warnings[0].rule,
        RuleId::AscTwoTerms,
        "prompt to consider an assessment"
    );
}

fn case_3_claim(requested: chrono::NaiveDate) -> ExceptionClaim {
    let closure = ClosedPeriod {
        first_closed: d(2025, 7, 23),
        reopens: d(2025, 9, 3),
    };
    ExceptionClaim::new(
        ExceptionId::Exc13_3,
        ExceptionGround::SchoolClosure {
            advice_requested_on: requested,
            closure,
        },
        "head teacher's advice requested; school closed 23 July to 2 September",
        "the school could not give its advice while closed",
    )
    .unwrap()
}

/// Case 3: the summer-closure exception (EXC-10-4(a), EXC-13-3, T-FINAL-20W,
/// SEN2-TIMELINESS-20W inc./exc.).
#[test]
fn case_3_summer_closure_exception_through_the_pathway() {
    let cal = cal();
    let mut case = open_request(d(2015, 6, 1), d(2025, 5, 19), &cal);
    assert_eq!(
        case.obligations(d(2025, 5, 20), &cal).unwrap()[0]
            .deadline
            .due(),
        d(2025, 6, 30),
        "T-DECIDE-6W"
    );
    case.apply(council(d(2025, 6, 27), EventKind::DecidedToAssess), &cal)
        .unwrap();
    for (t, body) in [
        (AdviceType::Educational, "Oak Primary"),
        (AdviceType::Psychological, "EPS"),
        (AdviceType::Medical, "Health"),
        (AdviceType::SocialCare, "Social care"),
    ] {
        case.apply(
            council(
                d(2025, 7, 17),
                EventKind::AdviceRequested {
                    advice_type: t,
                    body: body.into(),
                    contact: "duty".into(),
                },
            ),
            &cal,
        )
        .unwrap();
        let id = AdviceId::new(
            u32::try_from(
                case.phase()
                    .assessment()
                    .unwrap()
                    .advice()
                    .unwrap()
                    .requests()
                    .len()
                    - 1,
            )
            .unwrap(),
        );
        case.apply(
            council(
                d(2025, 7, 17),
                EventKind::AdviceRequestReceived { advice: id },
            ),
            &cal,
        )
        .unwrap();
    }
    let due = case.obligations(d(2025, 7, 18), &cal).unwrap();
    for o in due
        .iter()
        .filter(|o| matches!(o.subject, Subject::Advice { .. }))
    {
        if o.rule() == RuleId::TAdvice6w {
            assert_eq!(o.deadline.due(), d(2025, 8, 28), "T-ADVICE-6W");
        }
    }
    let target = due_of(&due, RuleId::TDraft14w).deadline;
    assert_eq!(
        (target.due(), target.due_day()),
        (d(2025, 8, 25), DayKind::BankHoliday),
        "T-DRAFT-14W"
    );
    assert_eq!(
        due_of(&due, RuleId::TNotIssue16w).deadline.due(),
        d(2025, 9, 8),
        "T-NOTISSUE-16W unchanged"
    );

    case.apply(
        council(
            d(2025, 9, 1),
            EventKind::ExceptionRecorded {
                claim: Box::new(case_3_claim(d(2025, 7, 17))),
            },
        ),
        &cal,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 9, 12),
            EventKind::AdviceReceived {
                advice: AdviceId::new(0),
            },
        ),
        &cal,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 10, 1),
            EventKind::DraftPlanIssued { names_school: None },
        ),
        &cal,
    )
    .unwrap();

    let due = case.obligations(d(2025, 10, 10), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::TDraftReps15d).deadline.due(),
        d(2025, 10, 15),
        "T-DRAFT-REPS-15D"
    );
    let final_plan = due_of(&due, RuleId::TFinal20w);
    assert_eq!(
        final_plan.deadline.due(),
        d(2025, 10, 6),
        "T-FINAL-20W unchanged (DC-10)"
    );
    assert_eq!(
        final_plan.status,
        Status::MissedExcused(ExceptionId::Exc13_3),
        "EXC-13-3"
    );

    case.apply(
        council(
            d(2025, 10, 24),
            EventKind::FinalPlanIssued {
                school: "Oak Primary".into(),
                changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
            },
        ),
        &cal,
    )
    .unwrap();
    let sen2 = case.sen2_records();
    assert_eq!(
        sen2[0].within_20_weeks,
        Some(false),
        "158 days: not within 20 weeks (inc. measure)"
    );
    assert!(sen2[0].exceptions_apply, "excluded from the exc. measure");
    let t = Sen2Timeliness::from_records(sen2);
    assert_eq!(
        (
            t.issued,
            t.within_20_weeks,
            t.issued_excluding_exceptions,
            t.within_20_weeks_excluding_exceptions
        ),
        (1, 0, 0, 0)
    );
    assert!(
        t.percent_including_exceptions().unwrap().is_zero(),
        "0% within 20 weeks, inc. exceptions"
    );
    assert_eq!(t.percent_excluding_exceptions(), None);
}

/// Case 3 variant: advice requested before the closure window (EXC-10-4), and
/// the closure ground covers only the setting's own advice.
#[test]
fn case_3_variant_exception_outside_the_window_is_refused_when_recorded() {
    let cal = cal();
    let mut case = open_request(d(2015, 6, 1), d(2025, 5, 19), &cal);
    case.apply(council(d(2025, 6, 27), EventKind::DecidedToAssess), &cal)
        .unwrap();
    case.apply(
        council(
            d(2025, 7, 17),
            EventKind::AdviceRequested {
                advice_type: AdviceType::Psychological,
                body: "EPS".into(),
                contact: "EP".into(),
            },
        ),
        &cal,
    )
    .unwrap();
    // No educational advice was requested on 17 July: the closure ground cannot cover EP advice.
    let only_setting = case
        .apply(
            council(
                d(2025, 9, 1),
                EventKind::ExceptionRecorded {
                    claim: Box::new(case_3_claim(d(2025, 7, 17))),
                },
            ),
            &cal,
        )
        .unwrap_err();
    assert!(
        only_setting
            .to_string()
            .contains("setting's own educational advice"),
        "{only_setting}"
    );
    let before = case.clone();
    let event = council(
        d(2025, 9, 1),
        EventKind::ExceptionRecorded {
            claim: Box::new(case_3_claim(d(2025, 7, 14))),
        },
    );
    let refused = case.apply(event.clone(), &cal).unwrap_err();
    assert_eq!(refused.event, event);
    assert!(
        matches!(
            refused.error,
            Error::ExceptionNotApplicable {
                exception: ExceptionId::Exc13_3,
                ..
            }
        ),
        "EXC-10-4 window: {}",
        refused.error
    );
    assert_eq!(case, before);
    // EXC-8-2 belongs on the advice request, not the case.
    let advice_claim = ExceptionClaim::new(
        ExceptionId::Exc8_2,
        ExceptionGround::ExceptionalPersonalCircumstances,
        "x",
        "y",
    )
    .unwrap();
    assert!(case
        .apply(
            council(
                d(2025, 9, 1),
                EventKind::ExceptionRecorded {
                    claim: Box::new(advice_claim)
                }
            ),
            &cal
        )
        .is_err());
}

/// Moves the crate rejects as errors, on one case from request to ceased.
#[test]
fn section_5_errors() {
    let cal = cal();
    let (mut case, _) = Case::open(
        child(d(2015, 1, 1)),
        LocalPolicy::sutton(),
        parent(d(2025, 1, 6), EventKind::SenSupportStarted),
        &cal,
    )
    .unwrap();
    // REQ-WHO: health can only bring to attention.
    let health = ev(
        d(2025, 1, 7),
        Actor::Health,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    assert_eq!(refused_rule(&mut case, health, &cal), Some(RuleId::ReqWho));
    case.apply(
        ev(d(2025, 1, 7), Actor::Health, EventKind::BroughtToAttention),
        &cal,
    )
    .unwrap();
    assert!(
        matches!(
            case.phase(),
            Phase::Assessment(a) if matches!(a.route(), RequestRoute::BroughtToAttention { .. })
        ),
        "REQ-ATTENTION"
    );

    case.apply(council(d(2025, 2, 1), EventKind::DecidedToAssess), &cal)
        .unwrap();
    // Final without draft.
    let final_plan = |on, changes| {
        council(
            on,
            EventKind::FinalPlanIssued {
                school: "Oak".into(),
                changes,
            },
        )
    };
    assert_eq!(
        refused_rule(
            &mut case,
            final_plan(
                d(2025, 3, 1),
                FinalPlanChanges::RepresentationsAndPlacementOnly
            ),
            &cal
        ),
        Some(RuleId::DraftNoSchool),
        "final without draft"
    );
    // Draft naming a school.
    let naming = council(
        d(2025, 4, 1),
        EventKind::DraftPlanIssued {
            names_school: Some("Oak Primary".into()),
        },
    );
    assert_eq!(
        refused_rule(&mut case, naming, &cal),
        Some(RuleId::DraftNoSchool)
    );
    case.apply(
        council(
            d(2025, 4, 7),
            EventKind::DraftPlanIssued { names_school: None },
        ),
        &cal,
    )
    .unwrap();
    // Finalising before X+15.
    assert_eq!(
        refused_rule(
            &mut case,
            final_plan(
                d(2025, 4, 21),
                FinalPlanChanges::RepresentationsAndPlacementOnly
            ),
            &cal
        ),
        Some(RuleId::TDraftReps15d)
    );
    // FINAL-REPS-ONLY.
    assert_eq!(
        refused_rule(
            &mut case,
            final_plan(d(2025, 4, 22), FinalPlanChanges::OtherChanges),
            &cal
        ),
        Some(RuleId::FinalRepsOnly)
    );
    // The family's written confirmation allows finalising early (an audited override).
    let w = case
        .apply(
            parent(d(2025, 4, 14), EventKind::NoFurtherRepresentations),
            &cal,
        )
        .unwrap();
    assert_eq!(w.warnings[0].rule, RuleId::TDraftReps15d);
    case.apply(
        final_plan(
            d(2025, 4, 21),
            FinalPlanChanges::RepresentationsAndPlacementOnly,
        ),
        &cal,
    )
    .unwrap();

    // ASC for a child with a plan.
    let asc = council(
        d(2025, 5, 1),
        EventKind::AscRequested {
            request: Box::new(asc_request(d(2025, 5, 1), AscRequester::Setting)),
        },
    );
    assert_eq!(refused_rule(&mut case, asc, &cal), Some(RuleId::AscScope));
    // Cease without consultation.
    let cease = |on, ground| {
        council(
            on,
            EventKind::CeaseDecided {
                ground,
                notice: DecisionNotice::complete("needs met"),
            },
        )
    };
    assert_eq!(
        refused_rule(
            &mut case,
            cease(d(2025, 6, 1), CeaseGround::NoLongerNecessary),
            &cal
        ),
        Some(RuleId::CeaseProcedure)
    );
    case.apply(council(d(2025, 6, 1), EventKind::CeaseProposed), &cal)
        .unwrap();
    assert_eq!(
        refused_rule(
            &mut case,
            cease(d(2025, 6, 2), CeaseGround::NoLongerNecessary),
            &cal
        ),
        Some(RuleId::CeaseProcedure)
    );
    case.apply(
        council(d(2025, 6, 3), EventKind::CeaseConsultationHeld),
        &cal,
    )
    .unwrap();
    // CEASE-AGE-RULES: a 10-year-old is not ceased for leaving education.
    let left = CeaseGround::LeftEducation {
        review_found_not_returning: ReviewFinding::NotReturning,
    };
    assert_eq!(
        refused_rule(&mut case, cease(d(2025, 6, 4), left), &cal),
        Some(RuleId::CeaseAgeRules)
    );
    let age = CeaseGround::AgeLimit {
        provision: Provision::Other,
    };
    assert_eq!(
        refused_rule(&mut case, cease(d(2025, 6, 4), age), &cal),
        Some(RuleId::Age25)
    );
    let applied = case
        .apply(cease(d(2025, 6, 4), CeaseGround::NoLongerNecessary), &cal)
        .unwrap();
    assert_eq!(applied.opened, vec![Opened::Dispute(DisputeId::new(1))]);
    // CEASE-PENDING-APPEAL: not before the appeal period ends.
    assert_eq!(
        refused_rule(
            &mut case,
            council(d(2025, 7, 1), EventKind::PlanCeased),
            &cal
        ),
        Some(RuleId::CeasePendingAppeal)
    );
    case.apply(council(d(2025, 9, 5), EventKind::PlanCeased), &cal)
        .unwrap();
    assert!(
        matches!(case.phase(), Phase::Ceased { on, ground: CeaseGround::NoLongerNecessary } if *on == d(2025, 9, 5))
    );
    // Dates never go backwards.
    let back = council(d(2025, 9, 1), EventKind::SenSupportStarted);
    let refused = case.apply(back.clone(), &cal).unwrap_err();
    assert!(matches!(refused.error, Error::DatesOutOfOrder { .. }));
    assert_eq!(refused.event, back);
}

/// Warnings: the council may still choose (REQ-WHO, REASSESS-6M-BAR).
#[test]
fn section_5_warnings() {
    let cal = cal();
    let (case, applied) = Case::open(
        child(d(2015, 1, 1)),
        LocalPolicy::sutton(),
        ev(
            d(2025, 1, 6),
            Actor::School,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotAgreed,
            },
        ),
        &cal,
    )
    .unwrap();
    assert_eq!(
        applied.warnings[0].rule,
        RuleId::ReqWho,
        "no parental agreement on a school request: warning (REQ-WHO)"
    );
    assert!(
        matches!(case.phase(), Phase::Assessment(a) if matches!(a.step(), AssessmentStep::Requested))
    );

    let mut case = case_1_to_final(&cal);
    let w = case
        .apply(
            parent(d(2025, 9, 1), EventKind::ReassessmentRequested),
            &cal,
        )
        .unwrap();
    assert_eq!(
        w.warnings[0].rule,
        RuleId::Reassess6mBar,
        "re-assessment inside 6 months: warning"
    );
    let due = case.obligations(d(2025, 9, 2), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::TReassessDecide15d).deadline.due(),
        d(2025, 9, 16)
    );
}

/// A mini fixture of the worked timelines: re-assessment received Wed 2025-10-01 → decision
/// due Thu 2025-10-16; agreed Tue 2025-10-14 → final due Tue 2026-01-20
/// (T-REASSESS-DECIDE-15D, T-REASSESS-FINAL-14W).
#[test]
fn reassessment_mini_fixture() {
    let cal = cal();
    let mut case = case_1_to_final(&cal);
    case.apply(
        parent(d(2025, 10, 1), EventKind::ReassessmentRequested),
        &cal,
    )
    .unwrap();
    let due = case.obligations(d(2025, 10, 2), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::TReassessDecide15d).deadline.due(),
        d(2025, 10, 16)
    );
    case.apply(
        council(d(2025, 10, 14), EventKind::ReassessmentAgreed),
        &cal,
    )
    .unwrap();
    let due = case.obligations(d(2025, 10, 15), &cal).unwrap();
    assert_eq!(
        due_of(&due, RuleId::TReassessFinal14w).deadline.due(),
        d(2026, 1, 20)
    );
}

#[test]
fn replaying_the_history_rebuilds_the_case() {
    let cal = cal();
    let case = case_1_to_final(&cal);
    let rebuilt = Case::replay(
        case.child().clone(),
        case.policy().clone(),
        case.history().to_vec(),
    )
    .unwrap();
    // A bare history rebuilds the state exactly; the compliance history lives in the record.
    assert_eq!(rebuilt.state(), case.state());
    assert_eq!(rebuilt.history(), case.history());
    assert!(rebuilt.compliance().is_empty());
}

#[test]
fn stored_cases_round_trip_and_are_rechecked() {
    let cal = cal();
    let case = case_1_to_final(&cal);
    let json = serde_json::to_string(&CaseRecord::from(&case)).unwrap();
    assert!(json.contains("\"type\":\"final_plan_issued\""), "{json}");
    assert!(json.contains("\"schema_version\":3"));
    let back: CaseRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back.into_case(&cal, &LocalPolicy::sutton()).unwrap(), case);
    // A final plan dated before the draft: refused, naming the event.
    let tampered = json.replace("\"on\":\"2025-05-23\"", "\"on\":\"2024-05-23\"");
    let record: CaseRecord = serde_json::from_str(&tampered).unwrap();
    let err = record.into_case(&cal, &LocalPolicy::sutton()).unwrap_err();
    assert!(
        matches!(err, Error::RecordEvent { position, event: "final plan issued", .. } if position == case.history().len()),
        "{err}"
    );
}

#[test]
fn sen2_percentages_match_dfe_2019() {
    // England 2019: 29,895 / 49,519 = 60.4% excluding exceptions; 31,313 / 53,327 = 58.7% including.
    let mut t = Sen2Timeliness::default();
    t.issued = 53_327;
    t.within_20_weeks = 31_313;
    t.issued_excluding_exceptions = 49_519;
    t.within_20_weeks_excluding_exceptions = 29_895;
    assert_eq!(
        t.percent_including_exceptions().unwrap().to_string(),
        "58.7"
    );
    assert_eq!(
        t.percent_excluding_exceptions().unwrap().to_string(),
        "60.4"
    );
}

/// SEN2-ASSESSMENT / SEN2-REQUEST: an appeal on the plan's contents (s51(2)(c))
/// is about the plan, so it sets neither `AssessmentTribunal` nor
/// `RequestTribunal` for the request that led to it.
#[test]
fn sen2_assessment_tribunal_not_set_by_a_plan_contents_appeal() {
    let cal = cal();
    let mut case = case_1_to_final(&cal);
    let dispute = case
        .disputes()
        .iter()
        .find(|d| d.decision() == AppealableDecision::PlanContents)
        .map(|d| d.id())
        .expect("the final plan opened a contents dispute");
    appeal_after_declining_mediation(
        &mut case,
        dispute,
        [d(2025, 6, 2), d(2025, 6, 4), d(2025, 6, 20)],
        &cal,
    );
    let sen2 = case.sen2_records();
    assert_eq!(sen2.len(), 1);
    assert!(!sen2[0].appealed, "RequestTribunal stays 0");
    assert!(!sen2[0].assessment_appealed, "AssessmentTribunal stays 0");
}
