//! Advice-request tracking, public API only.

use chrono::NaiveDate;
use proptest::prelude::*;
use send_pathway::advice::*;
use send_pathway::calendar::{DateRange, HolidayCalendar};
use send_pathway::exceptions::{Compliance, ExceptionClaim, ExceptionGround, ExceptionId};
use send_pathway::{Error, RuleId};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn cal() -> HolidayCalendar {
    HolidayCalendar::england_and_wales()
}

fn facts(dob: NaiveDate) -> AdviceNeedsFacts {
    AdviceNeedsFacts {
        date_of_birth: dob,
        sensory_impairment: SensoryImpairment::None,
        council_considers_appropriate: vec![],
        requested_by_family: vec![],
    }
}

#[test]
fn adv_types_8_and_adv_pfa_y9() {
    // Year 5 child: (a)–(e) only.
    let y5 = required_advice(&facts(d(2015, 10, 1)), d(2025, 10, 1)).unwrap();
    assert_eq!(
        y5.iter()
            .map(|r| r.advice_type.letter())
            .collect::<String>(),
        "abcde",
        "ADV-TYPES-8"
    );
    // Year 9 (turns 14 in 2025/26): (g) is added.
    let y9 = required_advice(&facts(d(2011, 12, 1)), d(2025, 10, 1)).unwrap();
    assert!(
        y9.iter()
            .any(|r| r.advice_type == AdviceType::PreparingForAdulthood),
        "ADV-PFA-Y9"
    );
    // Year 8 on 31 August, Year 9 from 1 September.
    assert!(!required_advice(&facts(d(2012, 8, 31)), d(2025, 8, 31))
        .unwrap()
        .iter()
        .any(|r| r.advice_type.letter() == 'g'));
    assert!(required_advice(&facts(d(2012, 8, 31)), d(2025, 9, 1))
        .unwrap()
        .iter()
        .any(|r| r.advice_type.letter() == 'g'));
    // (f) and (h) name the person.
    let mut f = facts(d(2015, 10, 1));
    f.council_considers_appropriate
        .push("Sensory support team".into());
    f.requested_by_family.push("Private OT, Ms Green".into());
    let all = required_advice(&f, d(2025, 10, 1)).unwrap();
    assert_eq!(
        all.iter()
            .map(|r| r.advice_type.letter())
            .collect::<String>(),
        "abcdefh"
    );
}

#[test]
fn adv_hi_vi_educational_advice_needs_the_qualified_teacher() {
    let mut f = facts(d(2015, 10, 1));
    f.sensory_impairment = SensoryImpairment::Hearing;
    let required = required_advice(&f, d(2025, 10, 1)).unwrap();
    let edu = required
        .iter()
        .find(|r| r.advice_type == AdviceType::Educational)
        .unwrap();
    assert!(edu.needs_qualified_sensory_teacher, "ADV-HI-VI");
    let mut assessment = AssessmentAdvice::new(
        required
            .into_iter()
            .filter(|r| r.advice_type == AdviceType::Educational)
            .collect(),
    );
    let mut req = AdviceRequest::issue(
        AdviceType::Educational,
        "Oak Primary",
        "SENCO",
        d(2025, 10, 1),
    )
    .unwrap();
    req.record_receipt_by_body(d(2025, 10, 2)).unwrap();
    req.record_advice(d(2025, 11, 1)).unwrap();
    let i = assessment.add_request(req).unwrap();
    assert!(matches!(
        assessment.readiness(),
        Readiness::NotReady {
            missing_sensory_teacher: true,
            ..
        }
    ));
    assessment
        .request_mut(i)
        .unwrap()
        .record_qualified_sensory_teacher("QToD Mr Hall")
        .unwrap();
    assert_eq!(assessment.readiness(), Readiness::Ready);
    let mut medical =
        AdviceRequest::issue(AdviceType::Medical, "NHS", "mailbox", d(2025, 10, 1)).unwrap();
    assert!(medical.record_qualified_sensory_teacher("x").is_err());
}

#[test]
fn t_advice_6w_and_sop_advice_track_6w_both_reported() {
    let c = cal();
    let mut req = AdviceRequest::issue(
        AdviceType::Psychological,
        "Cognus EPS",
        "Principal EP",
        d(2025, 2, 14),
    )
    .unwrap();
    assert_eq!(
        req.tracking_deadline(&c).unwrap().due(),
        d(2025, 3, 28),
        "SOP-ADVICE-TRACK-6W from issue"
    );
    assert_eq!(req.statutory_deadline(&c).unwrap(), None);
    req.record_receipt_by_body(d(2025, 2, 17)).unwrap();
    let statutory = req.statutory_deadline(&c).unwrap().unwrap();
    assert_eq!(
        (statutory.rule(), statutory.due()),
        (RuleId::TAdvice6w, d(2025, 3, 31)),
        "T-ADVICE-6W from receipt"
    );
    assert_eq!(
        req.status(d(2025, 3, 30), &c).unwrap(),
        AdviceStatus::Pending,
        "statutory clock used for compliance"
    );
    assert_eq!(
        req.status(d(2025, 4, 1), &c).unwrap(),
        AdviceStatus::Overdue
    );
    req.record_advice(d(2025, 4, 2)).unwrap();
    assert_eq!(req.status(d(2025, 4, 3), &c).unwrap(), AdviceStatus::Late);
}

#[test]
fn exc_8_2_recorded_per_request() {
    let c = cal();
    let mut req = AdviceRequest::issue(
        AdviceType::Medical,
        "Community paediatrics",
        "NHS mailbox",
        d(2025, 2, 14),
    )
    .unwrap();
    req.record_receipt_by_body(d(2025, 2, 17)).unwrap();
    let missed = ExceptionClaim::new(
        ExceptionId::Exc8_2,
        ExceptionGround::MissedAppointment {
            appointment_on: d(2025, 3, 10),
        },
        "missed clinic 10 March",
        "no clinic until April",
    )
    .unwrap();
    req.claim_exception(missed).unwrap();
    assert_eq!(
        req.status(d(2025, 4, 10), &c).unwrap(),
        AdviceStatus::MissedExcused(ExceptionId::Exc8_2),
        "EXC-8-2"
    );
    assert_eq!(
        req.statutory_deadline(&c).unwrap().unwrap().due(),
        d(2025, 3, 31),
        "the date does not move"
    );
    let wrong = ExceptionClaim::new(
        ExceptionId::Exc13_3,
        ExceptionGround::ExceptionalPersonalCircumstances,
        "x",
        "y",
    )
    .unwrap();
    assert!(
        req.claim_exception(wrong).is_err(),
        "only EXC-8-2 excuses advice"
    );
    // EXC-8-2: a 10-day absence can never be the 4 weeks the ground needs: refused outright.
    let short = ExceptionClaim::new(
        ExceptionId::Exc8_2,
        ExceptionGround::AbsenceFromArea {
            absence: DateRange::new(d(2025, 2, 20), d(2025, 3, 1)).unwrap(),
        },
        "abroad",
        "could not be seen",
    );
    assert!(short.is_err(), "a 10-day absence is no ground");
    // Four weeks away, but mostly before the request was received: judged against its clock.
    let absence = ExceptionClaim::new(
        ExceptionId::Exc8_2,
        ExceptionGround::AbsenceFromArea {
            absence: DateRange::new(d(2025, 1, 20), d(2025, 3, 1)).unwrap(),
        },
        "abroad",
        "could not be seen",
    )
    .unwrap();
    req.claim_exception(absence).unwrap();
    assert!(
        req.status(d(2025, 4, 10), &c).is_err(),
        "a ground that does not hold is an error, not ignored"
    );
}

#[test]
fn no_request_is_met_before_it_was_received() {
    let mut req =
        AdviceRequest::issue(AdviceType::SocialCare, "CFCS", "duty team", d(2025, 2, 14)).unwrap();
    req.record_receipt_by_body(d(2025, 2, 17)).unwrap();
    assert!(
        matches!(
            req.record_advice(d(2025, 2, 16)),
            Err(Error::DatesOutOfOrder { .. })
        ),
        "T-ADVICE-6W"
    );
    assert!(
        req.record_receipt_by_body(d(2025, 2, 18)).is_err(),
        "receipt cannot be rewritten"
    );
    let mut early =
        AdviceRequest::issue(AdviceType::SocialCare, "CFCS", "duty team", d(2025, 2, 14)).unwrap();
    assert!(early.record_receipt_by_body(d(2025, 2, 13)).is_err());
}

#[test]
fn adv_sufficient_3party_item_by_item() {
    let existing = |council, author, family| ExistingAdvice {
        advice_type: AdviceType::Psychological,
        author: "Dr Smith EP".into(),
        dated: d(2025, 1, 10),
        council,
        author_agreement: author,
        family,
    };
    let yes = Agreement::Agreed(d(2025, 2, 20));
    assert_eq!(
        existing(yes, yes, yes).decision(),
        ReuseDecision::Reuse,
        "ADV-SUFFICIENT-3PARTY"
    );
    assert_eq!(
        existing(yes, yes, Agreement::Dissents).decision(),
        ReuseDecision::SeekNewAdvice
    );
    assert_eq!(
        existing(yes, Agreement::Unavailable, yes).decision(),
        ReuseDecision::SeekNewAdvice
    );
    assert_eq!(
        existing(yes, yes, Agreement::NotAsked).decision(),
        ReuseDecision::AwaitingAgreement
    );

    let required = required_advice(&facts(d(2015, 10, 1)), d(2025, 2, 17)).unwrap();
    let mut assessment = AssessmentAdvice::new(required);
    assessment.offer_existing(existing(yes, yes, yes)).unwrap();
    let again =
        AdviceRequest::issue(AdviceType::Psychological, "EPS", "EP", d(2025, 2, 17)).unwrap();
    assert!(matches!(
        assessment.add_request(again),
        Err(Error::RuleBroken {
            rule: RuleId::AdvSufficient3Party,
            ..
        })
    ));
    let mut own = existing(yes, yes, yes);
    own.advice_type = AdviceType::ParentOrYoungPerson;
    assert!(
        assessment.offer_existing(own).is_err(),
        "the family's own advice is always sought"
    );
    match assessment.readiness() {
        Readiness::NotReady { not_requested, .. } => {
            assert!(!not_requested.contains(&AdviceType::Psychological))
        }
        Readiness::Ready => panic!("other advice is still missing"),
    }
}

#[test]
fn readiness_to_draft() {
    let required = required_advice(&facts(d(2015, 10, 1)), d(2025, 2, 17)).unwrap();
    let mut assessment = AssessmentAdvice::new(required.clone());
    for need in &required {
        let mut req =
            AdviceRequest::issue(need.advice_type.clone(), "body", "contact", d(2025, 2, 17))
                .unwrap();
        req.record_receipt_by_body(d(2025, 2, 17)).unwrap();
        if need.advice_type != AdviceType::SocialCare {
            req.record_advice(d(2025, 3, 20)).unwrap();
        }
        assessment.add_request(req).unwrap();
    }
    assert_eq!(
        assessment.readiness(),
        Readiness::NotReady {
            not_requested: vec![],
            awaiting: vec![AdviceType::SocialCare],
            missing_sensory_teacher: false
        }
    );
}

#[test]
fn chase_list_soonest_first_with_whom_to_chase() {
    let c = cal();
    let mk = |t: AdviceType, body: &str, received: NaiveDate| {
        let mut r = AdviceRequest::issue(t, body, format!("{body} contact"), received).unwrap();
        r.record_receipt_by_body(received).unwrap();
        r
    };
    let a = mk(AdviceType::Medical, "Paediatrics", d(2025, 2, 17)); // due 03-31
    let b = mk(AdviceType::SocialCare, "CFCS", d(2025, 2, 10)); // due 03-24 → overdue on 03-25
    let e = mk(AdviceType::Psychological, "EPS", d(2025, 3, 20)); // due 05-01, not within 7 days
    let mut done = mk(AdviceType::Educational, "School", d(2025, 2, 10));
    done.record_advice(d(2025, 3, 1)).unwrap();
    let list = chase_list(
        [("C1", &a), ("C2", &b), ("C3", &e), ("C4", &done)],
        d(2025, 3, 25),
        7,
        &c,
    )
    .unwrap();
    let lines: Vec<(&str, i64)> = list
        .iter()
        .map(|i| (i.case.as_str(), i.days_left))
        .collect();
    assert_eq!(lines, vec![("C2", -1), ("C1", 6)]);
    assert_eq!(list[0].status, AdviceStatus::Overdue);
    assert_eq!(list[0].contact, "CFCS contact");
    assert_eq!(list[0].rule, RuleId::TAdvice6w);
}

#[test]
fn sop_insufficient_decline_by_week_6() {
    let c = cal();
    let in_time = InsufficientInformationDecline {
        request_received: d(2025, 1, 6),
        more_information_requested_on: d(2025, 1, 20),
        declined_on: d(2025, 2, 17),
    };
    assert_eq!(
        in_time.judge(&c, &[]).unwrap(),
        Compliance::Met,
        "SOP-INSUFFICIENT-DECLINE by week 6"
    );
    let late = InsufficientInformationDecline {
        declined_on: d(2025, 2, 18),
        ..in_time.clone()
    };
    assert_eq!(
        late.judge(&c, &[]).unwrap(),
        Compliance::Missed,
        "after week 6 breaches reg 5(1)"
    );
    assert_eq!(late.deadline(&c).unwrap().rule(), RuleId::TDecide6w);
}

fn date_in(first: NaiveDate, days: i64) -> impl Strategy<Value = NaiveDate> {
    (0..days).prop_map(move |n| first + chrono::Duration::days(n))
}

proptest! {
    /// T-ADVICE-6W: no request is ever Met before it was received, and exceptions never move dates.
    #[test]
    fn advice_properties(
        issued in date_in(d(2016, 1, 1), 6000),
        receipt_gap in 0i64..20,
        advice_gap in -10i64..80,
        today_gap in 0i64..120,
        claim in any::<bool>(),
    ) {
        let c = cal();
        let mut req = AdviceRequest::issue(AdviceType::Medical, "NHS", "mailbox", issued).unwrap();
        let received = issued + chrono::Duration::days(receipt_gap);
        req.record_receipt_by_body(received).unwrap();
        let advice_on = received + chrono::Duration::days(advice_gap);
        let recorded = req.record_advice(advice_on).is_ok();
        prop_assert_eq!(recorded, advice_on >= received, "advice can never arrive before the request was received");
        let before = req.statutory_deadline(&c).unwrap().unwrap();
        if claim {
            let c2 = ExceptionClaim::new(ExceptionId::Exc8_2, ExceptionGround::ExceptionalPersonalCircumstances, "bereavement", "family unavailable").unwrap();
            req.claim_exception(c2).unwrap();
        }
        prop_assert_eq!(req.statutory_deadline(&c).unwrap().unwrap(), before, "exceptions never move the date");
        prop_assert!(req.tracking_deadline(&c).unwrap().due() <= before.due());
        let today = received + chrono::Duration::days(today_gap);
        let status = req.status(today, &c).unwrap();
        if status == AdviceStatus::Met {
            let on = req.advice_received_on().unwrap();
            prop_assert!(on >= received && on <= before.due());
        }
    }
}

#[test]
fn advice_ids_are_typed_and_dense() {
    // ADV-TYPES-8: each request has its own id; lookups take the id, not a position.
    let mut assessment = AssessmentAdvice::new(Vec::new());
    let mut ids = Vec::new();
    for t in [
        AdviceType::Educational,
        AdviceType::Medical,
        AdviceType::SocialCare,
    ] {
        let req = AdviceRequest::issue(t, "body", "contact", d(2025, 2, 17)).unwrap();
        ids.push(assessment.add_request(req).unwrap());
    }
    assert_eq!(
        ids,
        vec![AdviceId::new(0), AdviceId::new(1), AdviceId::new(2)]
    );
    assert_eq!(ids[2].to_string(), "A2");
    assert_eq!(format!("{:<4}|", ids[1]), "A1  |");
    assert_eq!(
        assessment.request(ids[1]).map(|r| r.advice_type().clone()),
        Some(AdviceType::Medical)
    );
    assert!(assessment.request(AdviceId::new(3)).is_none());
    assessment
        .request_mut(ids[0])
        .unwrap()
        .record_receipt_by_body(d(2025, 2, 18))
        .unwrap();
    let listed: Vec<AdviceId> = assessment.requests_with_ids().map(|(id, _)| id).collect();
    assert_eq!(listed, ids);
    assert_eq!(serde_json::to_string(&ids[2]).unwrap(), "2");
    assert_eq!(
        serde_json::from_str::<AdviceId>("7").unwrap(),
        AdviceId::new(7)
    );
    let json = serde_json::to_string(&assessment).unwrap();
    assert_eq!(
        serde_json::from_str::<AssessmentAdvice>(&json).unwrap(),
        assessment
    );
    let extra = json.replacen('{', "{\"extra\":1,", 1);
    assert!(
        serde_json::from_str::<AssessmentAdvice>(&extra).is_err(),
        "unknown fields"
    );
}

#[test]
fn advice_display_honours_alignment() {
    // ADV-TYPES-8: the reg 6(1) letter and kind, padded for a chase list.
    assert_eq!(
        format!("[{:<18}]", AdviceType::Medical),
        "[(c) medical       ]"
    );
    assert_eq!(
        format!("[{:>8}]", AdviceType::RequestedByFamily("Dr X".into())),
        "[(h) Dr X]"
    );
    assert_eq!(Readiness::Ready.to_string(), "ready to draft");
    let not_ready = Readiness::NotReady {
        not_requested: vec![AdviceType::SocialCare],
        awaiting: vec![],
        missing_sensory_teacher: true,
    };
    assert_eq!(
        not_ready.to_string(),
        "not ready to draft (not requested: (e) social care; educational advice lacks its qualified sensory teacher)"
    );
    assert_eq!(ReuseDecision::SeekNewAdvice.to_string(), "seek new advice");
}
