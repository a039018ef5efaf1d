//! DOMAIN §11 Cases 1-3 run through the typed pathway, plus the §5 error and
//! warning lists (public API only).

use chrono::NaiveDate;
use send_pathway::advice::{AdviceType, SensoryImpairment};
use send_pathway::calendar::{ClosedPeriod, HolidayCalendar};
use send_pathway::exceptions::{ExceptionClaim, ExceptionGround, ExceptionId, Status};
use send_pathway::pathway::*;
use send_pathway::{Error, LocalPolicy, RuleId};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn cal() -> HolidayCalendar {
    HolidayCalendar::england_and_wales()
}

fn child(dob: NaiveDate) -> Child {
    Child {
        reference: "CYP-1".into(),
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

fn rule_of(result: Result<Vec<send_pathway::Warning>, Error>) -> Option<RuleId> {
    match result {
        Err(Error::RuleBroken { rule, .. }) => Some(rule),
        _ => None,
    }
}

/// Case 1 up to the final plan.
fn case_1_to_final(cal: &HolidayCalendar) -> Case {
    let (mut case, _) = Case::open(
        child(d(2016, 3, 1)),
        LocalPolicy::sutton(),
        ev(
            d(2025, 1, 6),
            Actor::Parent,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        ),
        cal,
    )
    .unwrap();
    let mut apply = |e: Event| case.apply(e, cal).unwrap();
    apply(council(d(2025, 1, 8), EventKind::ConsideringNotified));
    apply(council(d(2025, 2, 14), EventKind::DecidedToAssess));
    for (t, body) in [
        (AdviceType::ParentOrYoungPerson, "Parent"),
        (AdviceType::Educational, "Oak Primary"),
        (AdviceType::Medical, "Community paediatrics"),
        (AdviceType::Psychological, "Cognus EPS"),
        (AdviceType::SocialCare, "CFCS"),
    ] {
        apply(council(
            d(2025, 2, 14),
            EventKind::AdviceRequested {
                advice_type: t,
                body: body.into(),
                contact: format!("{body} contact"),
            },
        ));
    }
    for i in 0..5 {
        apply(council(
            d(2025, 2, 17),
            EventKind::AdviceRequestReceived { request: i },
        ));
    }
    for i in 0..5 {
        apply(council(
            d(2025, 3, 28),
            EventKind::AdviceReceived { request: i },
        ));
    }
    apply(council(
        d(2025, 4, 7),
        EventKind::DraftPlanIssued { names_school: None },
    ));
    apply(ev(
        d(2025, 4, 14),
        Actor::Parent,
        EventKind::RepresentationsReceived {
            requested_school: Some("Oak Primary".into()),
        },
    ));
    apply(council(
        d(2025, 4, 23),
        EventKind::SchoolConsulted {
            school: "Oak Primary".into(),
        },
    ));
    apply(ev(
        d(2025, 5, 6),
        Actor::School,
        EventKind::SchoolReplied { consultation: 0 },
    ));
    apply(council(
        d(2025, 5, 23),
        EventKind::FinalPlanIssued {
            school: "Oak Primary".into(),
            changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
        },
    ));
    case
}

#[test]
fn case_1_through_the_pathway() {
    let cal = cal();
    let case = case_1_to_final(&cal);
    assert_eq!(case.stage().name(), "PlanMaintained");
    let sen2 = sen2_records(&case);
    assert_eq!(sen2.len(), 1);
    assert_eq!(sen2[0].within_20_weeks, Some(true), "T-FINAL-20W: 137 days");
    assert!(!sen2[0].exceptions_apply);

    // The first annual review: T-REVIEW-12M strict due 2026-05-22.
    let due = obligations(&case, d(2026, 2, 1), &cal).unwrap();
    let review = due.iter().find(|o| o.rule() == RuleId::TReview12m).unwrap();
    assert_eq!(review.deadline.due(), d(2026, 5, 22), "T-REVIEW-12M");
    assert_eq!(review.status, Status::Pending);

    let mut case = case;
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
    let due = obligations(&case, d(2026, 3, 1), &cal).unwrap();
    let invite = due
        .iter()
        .find(|o| o.rule() == RuleId::TReviewInvite2w)
        .unwrap();
    assert_eq!(
        (invite.deadline.due(), invite.status),
        (d(2026, 2, 25), Status::Met),
        "T-REVIEW-INVITE-2W"
    );
    assert_eq!(
        due.iter()
            .find(|o| o.rule() == RuleId::TReviewAdvice2w)
            .unwrap()
            .status,
        Status::Met,
        "T-REVIEW-ADVICE-2W"
    );

    case.apply(
        ev(d(2026, 3, 11), Actor::School, EventKind::ReviewMeetingHeld),
        &cal,
    )
    .unwrap();
    let due = obligations(&case, d(2026, 3, 12), &cal).unwrap();
    assert_eq!(
        due.iter()
            .find(|o| o.rule() == RuleId::TReviewReport2w)
            .unwrap()
            .deadline
            .due(),
        d(2026, 3, 25),
        "T-REVIEW-REPORT-2W"
    );
    assert_eq!(
        due.iter()
            .find(|o| o.rule() == RuleId::TReviewDecision4w)
            .unwrap()
            .deadline
            .due(),
        d(2026, 4, 8),
        "T-REVIEW-DECISION-4W"
    );
    assert!(
        due.iter().all(|o| o.rule() != RuleId::TReviewInvite2w),
        "a stage the case has left lists nothing"
    );

    case.apply(
        ev(d(2026, 3, 20), Actor::School, EventKind::ReviewReportSent),
        &cal,
    )
    .unwrap();
    case.apply(
        council(
            d(2026, 4, 8),
            EventKind::ReviewDecided {
                outcome: ReviewOutcome::Amend,
            },
        ),
        &cal,
    )
    .unwrap();
    assert_eq!(case.stage().name(), "AmendmentProposed");
    let due = obligations(&case, d(2026, 4, 10), &cal).unwrap();
    assert_eq!(
        due.iter()
            .find(|o| o.rule() == RuleId::TAmendNotice4w)
            .unwrap()
            .status,
        Status::Met,
        "T-AMEND-NOTICE-4W"
    );
    assert_eq!(
        due.iter()
            .find(|o| o.rule() == RuleId::TAmendReps15d)
            .unwrap()
            .deadline
            .due(),
        d(2026, 4, 22),
        "T-AMEND-REPS-15D"
    );
    assert_eq!(
        due.iter()
            .find(|o| o.rule() == RuleId::TAmendFinal8w)
            .unwrap()
            .deadline
            .due(),
        d(2026, 6, 3),
        "T-AMEND-FINAL-8W"
    );
    // The review clock restarted from the decision notice (D-3).
    assert_eq!(
        due.iter()
            .find(|o| o.rule() == RuleId::TReview12m)
            .unwrap()
            .deadline
            .due(),
        d(2027, 4, 7)
    );

    // Finalising before the 15-day window closes is an error; the case is unchanged.
    let before = case.clone();
    let early = case.apply(
        council(
            d(2026, 4, 20),
            EventKind::AmendedPlanIssued {
                school: "Oak Primary".into(),
            },
        ),
        &cal,
    );
    assert_eq!(rule_of(early), Some(RuleId::TAmendReps15d));
    assert_eq!(case, before);
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
    assert_eq!(case.stage().name(), "PlanMaintained");
}

#[test]
fn case_2_no_to_assess_nsm_asc_mediation_appeal() {
    let cal = cal();
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
    let due = obligations(&case, d(2025, 3, 13), &cal).unwrap();
    assert_eq!(due[0].deadline.due(), d(2025, 4, 23), "T-DECIDE-6W");

    // An incomplete notice is refused (NOTICE-APPEAL-CONTENT).
    let thin = DecisionNotice {
        reasons: "needs can be met at SEN Support".into(),
        includes: vec![NoticeItem::RightOfAppeal],
    };
    let r = case.apply(
        council(
            d(2025, 4, 16),
            EventKind::DecidedNotToAssess {
                panel_on: d(2025, 4, 15),
                notice: thin,
            },
        ),
        &cal,
    );
    assert_eq!(rule_of(r), Some(RuleId::NoticeAppealContent));

    let notice =
        DecisionNotice::complete("needs can be met at SEN Support from the notional budget");
    case.apply(
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
    assert_eq!(case.stage().name(), "NotAssessed");
    let nsm = case.nsm().unwrap();
    assert_eq!(
        nsm.panel_on,
        d(2025, 4, 15),
        "NSM-WHEN: Sutton offers automatically"
    );
    let due = obligations(&case, d(2025, 4, 17), &cal).unwrap();
    let meeting = due
        .iter()
        .find(|o| o.rule() == RuleId::NsmWithin2w)
        .unwrap();
    assert_eq!(meeting.deadline.due(), d(2025, 4, 29), "NSM-WITHIN-2W");
    assert_eq!(
        due.iter()
            .find(|o| o.rule() == RuleId::TMedContact2m)
            .unwrap()
            .deadline
            .due(),
        d(2025, 6, 16),
        "T-MED-CONTACT-2M"
    );

    case.apply(
        ev(d(2025, 4, 17), Actor::Parent, EventKind::NsmAccepted),
        &cal,
    )
    .unwrap();
    case.apply(council(d(2025, 4, 28), EventKind::NsmHeld), &cal)
        .unwrap();
    case.apply(
        council(d(2025, 4, 28), EventKind::ReturnedToSenSupport),
        &cal,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 4, 30),
            EventKind::AscStarted {
                reference: "ASC-77".into(),
            },
        ),
        &cal,
    )
    .unwrap();

    let summer = send_pathway::calendar::TermId {
        year: send_pathway::calendar::AcademicYear::starting(2024),
        name: send_pathway::calendar::TermName::Summer,
    };
    let autumn = send_pathway::calendar::TermId {
        year: send_pathway::calendar::AcademicYear::starting(2025),
        name: send_pathway::calendar::TermName::Autumn,
    };
    let spring = send_pathway::calendar::TermId {
        year: send_pathway::calendar::AcademicYear::starting(2025),
        name: send_pathway::calendar::TermName::Spring,
    };
    let pounds = |n| send_pathway::money::Pounds::whole(n).unwrap();
    let over = case.apply(
        council(
            d(2025, 5, 1),
            EventKind::AscTermFunded {
                term: summer,
                amount: pounds(2_500),
            },
        ),
        &cal,
    );
    assert_eq!(rule_of(over), Some(RuleId::AscTermCap));
    case.apply(
        council(
            d(2025, 5, 1),
            EventKind::AscTermFunded {
                term: summer,
                amount: pounds(2_000),
            },
        ),
        &cal,
    )
    .unwrap();

    // Mediation declined → certificate within 3 working days (T-MED-CERT-3WD).
    case.apply(
        ev(
            d(2025, 5, 20),
            Actor::Parent,
            EventKind::MediationAdviserContacted {
                dispute: 0,
                choice: MediationChoice::Declined,
            },
        ),
        &cal,
    )
    .unwrap();
    let due = obligations(&case, d(2025, 5, 21), &cal).unwrap();
    assert_eq!(
        due.iter()
            .find(|o| o.rule() == RuleId::TMedCert3wd)
            .unwrap()
            .deadline
            .due(),
        d(2025, 5, 23),
        "T-MED-CERT-3WD"
    );
    case.apply(
        ev(
            d(2025, 5, 22),
            Actor::MediationAdviser,
            EventKind::MediationCertificateIssued { dispute: 0 },
        ),
        &cal,
    )
    .unwrap();
    let appeal = case.disputes()[0].appeal_deadline(&cal).unwrap();
    assert_eq!(
        (appeal.due(), appeal.tribunal_effective()),
        (d(2025, 6, 22), Some(d(2025, 6, 23))),
        "T-APPEAL-2M-1M"
    );
    case.apply(
        ev(
            d(2025, 6, 20),
            Actor::Parent,
            EventKind::AppealLodged { dispute: 0 },
        ),
        &cal,
    )
    .unwrap();

    case.apply(
        council(
            d(2025, 9, 5),
            EventKind::AscTermFunded {
                term: autumn,
                amount: pounds(2_000),
            },
        ),
        &cal,
    )
    .unwrap();
    let third = case.apply(
        council(
            d(2026, 1, 6),
            EventKind::AscTermFunded {
                term: spring,
                amount: pounds(1_000),
            },
        ),
        &cal,
    );
    assert_eq!(rule_of(third), Some(RuleId::AscTwoTerms), "ASC-TWO-TERMS");
    let warnings = case
        .apply(council(d(2025, 12, 19), EventKind::AscEnded), &cal)
        .unwrap();
    assert_eq!(
        warnings[0].rule,
        RuleId::AscTwoTerms,
        "prompt to consider an assessment"
    );
}

#[test]
fn case_3_summer_closure_exception_through_the_pathway() {
    let cal = cal();
    let (mut case, _) = Case::open(
        child(d(2015, 6, 1)),
        LocalPolicy::sutton(),
        ev(
            d(2025, 5, 19),
            Actor::Parent,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        ),
        &cal,
    )
    .unwrap();
    case.apply(council(d(2025, 6, 27), EventKind::DecidedToAssess), &cal)
        .unwrap();
    case.apply(
        council(
            d(2025, 7, 17),
            EventKind::AdviceRequested {
                advice_type: AdviceType::Educational,
                body: "Oak Primary".into(),
                contact: "Head teacher".into(),
            },
        ),
        &cal,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 7, 17),
            EventKind::AdviceRequestReceived { request: 0 },
        ),
        &cal,
    )
    .unwrap();
    let closure = ClosedPeriod {
        first_closed: d(2025, 7, 23),
        reopens: d(2025, 9, 3),
    };
    let claim = ExceptionClaim::new(
        ExceptionId::Exc13_3,
        ExceptionGround::SchoolClosure {
            advice_requested_on: d(2025, 7, 17),
            closure,
        },
        "head teacher's advice requested 17 July; school closed 23 July to 2 September",
        "the school could not give its advice while closed",
    )
    .unwrap();
    case.apply(
        council(d(2025, 9, 1), EventKind::ExceptionRecorded { claim }),
        &cal,
    )
    .unwrap();
    case.apply(
        council(d(2025, 9, 12), EventKind::AdviceReceived { request: 0 }),
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

    let due = obligations(&case, d(2025, 10, 10), &cal).unwrap();
    let final_plan = due.iter().find(|o| o.rule() == RuleId::TFinal20w).unwrap();
    assert_eq!(
        final_plan.deadline.due(),
        d(2025, 10, 6),
        "T-FINAL-20W unchanged"
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
    let sen2 = sen2_records(&case);
    assert_eq!(
        sen2[0].within_20_weeks,
        Some(false),
        "158 days: not within 20 weeks (inc. measure)"
    );
    assert!(sen2[0].exceptions_apply, "excluded from the exc. measure");
    let t = Sen2Timeliness::from_records(&sen2);
    assert_eq!(
        (t.issued, t.within_20_weeks, t.issued_excluding_exceptions),
        (1, 0, 0)
    );
}

#[test]
fn case_3_variant_exception_outside_the_window_is_refused_when_recorded() {
    let cal = cal();
    let (mut case, _) = Case::open(
        child(d(2015, 6, 1)),
        LocalPolicy::sutton(),
        ev(
            d(2025, 5, 19),
            Actor::Parent,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        ),
        &cal,
    )
    .unwrap();
    case.apply(council(d(2025, 6, 27), EventKind::DecidedToAssess), &cal)
        .unwrap();
    let closure = ClosedPeriod {
        first_closed: d(2025, 7, 23),
        reopens: d(2025, 9, 3),
    };
    let claim = ExceptionClaim::new(
        ExceptionId::Exc13_3,
        ExceptionGround::SchoolClosure {
            advice_requested_on: d(2025, 7, 14),
            closure,
        },
        "advice requested 14 July",
        "school closed",
    )
    .unwrap();
    // No educational advice was requested on 17 July: the closure ground cannot cover EP, health or social care advice.
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
    let inside = ExceptionClaim::new(
        ExceptionId::Exc13_3,
        ExceptionGround::SchoolClosure {
            advice_requested_on: d(2025, 7, 17),
            closure,
        },
        "EP advice requested 17 July",
        "school closed",
    )
    .unwrap();
    let only_setting = case
        .apply(
            council(
                d(2025, 9, 1),
                EventKind::ExceptionRecorded { claim: inside },
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
    let err = case
        .apply(
            council(d(2025, 9, 1), EventKind::ExceptionRecorded { claim }),
            &cal,
        )
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::ExceptionNotApplicable {
                exception: ExceptionId::Exc13_3,
                ..
            }
        ),
        "EXC-10-4 window: {err}"
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
                    claim: advice_claim
                }
            ),
            &cal
        )
        .is_err());
}

#[test]
fn section_5_errors() {
    let cal = cal();
    let open = |kind| {
        Case::open(
            child(d(2015, 1, 1)),
            LocalPolicy::sutton(),
            ev(d(2025, 1, 6), Actor::Parent, kind),
            &cal,
        )
        .unwrap()
        .0
    };
    // REQ-WHO: health can only bring to attention.
    let mut case = open(EventKind::SenSupportStarted);
    assert_eq!(
        rule_of(case.apply(
            ev(
                d(2025, 1, 7),
                Actor::Health,
                EventKind::AssessmentRequested {
                    agreement: ParentalAgreement::NotApplicable
                }
            ),
            &cal
        )),
        Some(RuleId::ReqWho)
    );
    case.apply(
        ev(d(2025, 1, 7), Actor::Health, EventKind::BroughtToAttention),
        &cal,
    )
    .unwrap();
    assert_eq!(case.stage().name(), "RequestReceived", "REQ-ATTENTION");

    // Final without draft.
    case.apply(council(d(2025, 2, 1), EventKind::DecidedToAssess), &cal)
        .unwrap();
    let r = case.apply(
        council(
            d(2025, 3, 1),
            EventKind::FinalPlanIssued {
                school: "X".into(),
                changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
            },
        ),
        &cal,
    );
    assert!(rule_of(r).is_some(), "final without draft");
    // Draft naming a school.
    assert_eq!(
        rule_of(case.apply(
            council(
                d(2025, 4, 1),
                EventKind::DraftPlanIssued {
                    names_school: Some("Oak Primary".into())
                }
            ),
            &cal
        )),
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
    let early = council(
        d(2025, 4, 21),
        EventKind::FinalPlanIssued {
            school: "Oak".into(),
            changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
        },
    );
    assert_eq!(
        rule_of(case.apply(early.clone(), &cal)),
        Some(RuleId::TDraftReps15d)
    );
    // FINAL-REPS-ONLY.
    let changed = council(
        d(2025, 4, 22),
        EventKind::FinalPlanIssued {
            school: "Oak".into(),
            changes: FinalPlanChanges::OtherChanges,
        },
    );
    assert_eq!(
        rule_of(case.apply(changed, &cal)),
        Some(RuleId::FinalRepsOnly)
    );
    // The family's written confirmation allows finalising early (an audited override).
    case.apply(
        ev(
            d(2025, 4, 14),
            Actor::Parent,
            EventKind::NoFurtherRepresentations,
        ),
        &cal,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 4, 21),
            EventKind::FinalPlanIssued {
                school: "Oak".into(),
                changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
            },
        ),
        &cal,
    )
    .unwrap();

    // ASC for a child with a plan.
    assert_eq!(
        rule_of(case.apply(
            council(
                d(2025, 5, 1),
                EventKind::AscStarted {
                    reference: "A".into()
                }
            ),
            &cal
        )),
        Some(RuleId::AscScope)
    );
    // Cease without consultation.
    assert_eq!(
        rule_of(case.apply(
            council(
                d(2025, 6, 1),
                EventKind::CeaseDecided {
                    ground: CeaseGround::NoLongerNecessary,
                    notice: DecisionNotice::complete("needs met")
                }
            ),
            &cal
        )),
        Some(RuleId::CeaseProcedure)
    );
    case.apply(council(d(2025, 6, 1), EventKind::CeaseProposed), &cal)
        .unwrap();
    assert_eq!(
        rule_of(case.apply(
            council(
                d(2025, 6, 2),
                EventKind::CeaseDecided {
                    ground: CeaseGround::NoLongerNecessary,
                    notice: DecisionNotice::complete("needs met")
                }
            ),
            &cal
        )),
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
        rule_of(case.apply(
            council(
                d(2025, 6, 4),
                EventKind::CeaseDecided {
                    ground: left,
                    notice: DecisionNotice::complete("left")
                }
            ),
            &cal
        )),
        Some(RuleId::CeaseAgeRules)
    );
    assert_eq!(
        rule_of(case.apply(
            council(
                d(2025, 6, 4),
                EventKind::CeaseDecided {
                    ground: CeaseGround::AgeLimit,
                    notice: DecisionNotice::complete("25")
                }
            ),
            &cal
        )),
        Some(RuleId::Age25)
    );
    case.apply(
        council(
            d(2025, 6, 4),
            EventKind::CeaseDecided {
                ground: CeaseGround::NoLongerNecessary,
                notice: DecisionNotice::complete("needs met"),
            },
        ),
        &cal,
    )
    .unwrap();
    // CEASE-PENDING-APPEAL: not before the appeal period ends.
    assert_eq!(
        rule_of(case.apply(council(d(2025, 7, 1), EventKind::PlanCeased), &cal)),
        Some(RuleId::CeasePendingAppeal)
    );
    case.apply(council(d(2025, 9, 5), EventKind::PlanCeased), &cal)
        .unwrap();
    assert_eq!(case.stage().name(), "Ceased");
    // Dates never go backwards.
    assert!(matches!(
        case.apply(council(d(2025, 9, 1), EventKind::SenSupportStarted), &cal),
        Err(Error::DatesOutOfOrder { .. })
    ));
}

#[test]
fn section_5_warnings() {
    let cal = cal();
    let (case, warnings) = Case::open(
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
        warnings[0].rule,
        RuleId::ReqWho,
        "no parental agreement on a school request: warning (D-5)"
    );
    assert_eq!(case.stage().name(), "RequestReceived");

    let mut case = case_1_to_final(&cal);
    let w = case
        .apply(
            ev(
                d(2025, 9, 1),
                Actor::Parent,
                EventKind::ReassessmentRequested,
            ),
            &cal,
        )
        .unwrap();
    assert_eq!(
        w[0].rule,
        RuleId::Reassess6mBar,
        "re-assessment inside 6 months: warning"
    );
    let due = obligations(&case, d(2025, 9, 2), &cal).unwrap();
    assert_eq!(
        due.iter()
            .find(|o| o.rule() == RuleId::TReassessDecide15d)
            .unwrap()
            .deadline
            .due(),
        d(2025, 9, 16)
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
        &cal,
    )
    .unwrap();
    assert_eq!(rebuilt, case);
}

#[cfg(feature = "serde")]
#[test]
fn stored_cases_round_trip_and_are_rechecked() {
    let cal = cal();
    let case = case_1_to_final(&cal);
    let json = serde_json::to_string(&case).unwrap();
    assert!(json.contains("\"stage\":\"plan_maintained\""));
    assert_eq!(serde_json::from_str::<Case>(&json).unwrap(), case);
    // A final plan dated before its request.
    let tampered = json.replace("\"on\":\"2025-05-23\"", "\"on\":\"2024-05-23\"");
    assert!(serde_json::from_str::<Case>(&tampered).is_err());
    // A stored stage that does not follow from the history.
    let wrong_school = json.replacen(
        "\"school\":\"Oak Primary\",\"review_anchor\"",
        "\"school\":\"Elm Academy\",\"review_anchor\"",
        1,
    );
    assert_ne!(wrong_school, json);
    let err = serde_json::from_str::<Case>(&wrong_school).unwrap_err();
    assert!(
        err.to_string()
            .contains("does not follow from the case history"),
        "{err}"
    );
}

#[test]
fn sen2_percentages_match_dfe_2019() {
    // England 2019: 29,895 / 49,519 = 60.4% excluding exceptions; 31,313 / 53,327 = 58.7% including.
    let t = Sen2Timeliness {
        issued: 53_327,
        within_20_weeks: 31_313,
        issued_excluding_exceptions: 49_519,
        within_20_weeks_excluding_exceptions: 29_895,
    };
    assert_eq!(
        t.percent_including_exceptions().unwrap().to_string(),
        "58.7"
    );
    assert_eq!(
        t.percent_excluding_exceptions().unwrap().to_string(),
        "60.4"
    );
}
