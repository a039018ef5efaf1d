//! Stored records round-trip exactly, and tampered records are rejected (public API only).
#![cfg(feature = "serde")]

use chrono::NaiveDate;
use send_pathway::calendar::{HolidayCalendar, Term, TermCalendar, TermName};
use send_pathway::deadlines::{self, MediationCertificate};
use send_pathway::exceptions::{ExceptionClaim, ExceptionGround, ExceptionId};
use send_pathway::{Deadline, LocalPolicy, RuleId};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

#[test]
fn deadline_round_trips_and_names_its_rule() {
    let cal = HolidayCalendar::england_and_wales();
    let f = deadlines::final_plan_due(d(2025, 1, 6), &cal).unwrap();
    let json = serde_json::to_string(&f).unwrap();
    assert!(
        json.contains("\"T-FINAL-20W\""),
        "T-FINAL-20W stored by code: {json}"
    );
    assert!(json.contains("reg 13(2)"));
    assert_eq!(serde_json::from_str::<Deadline>(&json).unwrap(), f);
    let appeal = deadlines::appeal_due(
        d(2025, 4, 16),
        MediationCertificate::Issued(d(2025, 5, 22)),
        &cal,
    )
    .unwrap();
    let json = serde_json::to_string(&appeal).unwrap();
    assert_eq!(serde_json::from_str::<Deadline>(&json).unwrap(), appeal);
}

#[test]
fn tampered_deadline_is_rejected() {
    let cal = HolidayCalendar::england_and_wales();
    let f = deadlines::final_plan_due(d(2025, 1, 6), &cal).unwrap();
    let json = serde_json::to_string(&f)
        .unwrap()
        .replace("2025-05-26", "2025-06-26");
    let err = serde_json::from_str::<Deadline>(&json).unwrap_err();
    assert!(err.to_string().contains("T-FINAL-20W"), "{err}");
    let unknown = serde_json::to_string(&f)
        .unwrap()
        .replace("T-FINAL-20W", "T-FINAL-99W");
    assert!(serde_json::from_str::<Deadline>(&unknown).is_err());
}

#[test]
fn holiday_and_term_calendars_are_revalidated() {
    let cal = HolidayCalendar::england_and_wales();
    let json = serde_json::to_string(&cal).unwrap();
    assert_eq!(serde_json::from_str::<HolidayCalendar>(&json).unwrap(), cal);
    let bad =
        r#"{"first_year":2025,"last_year":2025,"holidays":[{"date":"2026-01-01","name":"x"}]}"#;
    assert!(serde_json::from_str::<HolidayCalendar>(bad).is_err());

    let terms = TermCalendar::new(
        vec![Term::new(TermName::Autumn, d(2025, 9, 3), d(2025, 12, 19)).unwrap()],
        vec![],
    )
    .unwrap();
    let json = serde_json::to_string(&terms).unwrap();
    assert_eq!(serde_json::from_str::<TermCalendar>(&json).unwrap(), terms);
    let reversed = json.replace("2025-09-03", "2025-12-25");
    assert!(
        serde_json::from_str::<TermCalendar>(&reversed).is_err(),
        "a term ending before it starts"
    );
}

#[test]
fn claims_and_policies_round_trip() {
    let claim = ExceptionClaim::new(
        ExceptionId::Exc8_2,
        ExceptionGround::ExceptionalPersonalCircumstances,
        "bereavement",
        "family unavailable",
    )
    .unwrap();
    let json = serde_json::to_string(&claim).unwrap();
    assert!(json.contains("EXC-8-2"));
    assert_eq!(
        serde_json::from_str::<ExceptionClaim>(&json).unwrap(),
        claim
    );
    let emptied = json.replace("bereavement", " ");
    assert!(
        serde_json::from_str::<ExceptionClaim>(&emptied).is_err(),
        "EXC-8-2 claim without facts"
    );

    for policy in [LocalPolicy::sutton(), LocalPolicy::salford()] {
        let json = serde_json::to_string(&policy).unwrap();
        assert_eq!(serde_json::from_str::<LocalPolicy>(&json).unwrap(), policy);
    }
    let bad_interval = serde_json::to_string(&LocalPolicy::salford())
        .unwrap()
        .replace("\"under_five_interval\":6", "\"under_five_interval\":9");
    assert!(
        serde_json::from_str::<LocalPolicy>(&bad_interval).is_err(),
        "T-REVIEW-UNDER5 interval 3-6"
    );
    assert_eq!(
        serde_json::to_string(&RuleId::AscTermCap).unwrap(),
        "\"ASC-TERM-CAP\""
    );
}

mod asc_records {
    use super::d;
    use send_pathway::asc::*;
    use send_pathway::calendar::{Term, TermCalendar, TermName};
    use send_pathway::money::Pounds;
    use send_pathway::LocalPolicy;

    fn funded_contract() -> AdditionalSupportContract {
        let terms = TermCalendar::new(
            vec![Term::new(TermName::Summer, d(2025, 4, 22), d(2025, 7, 22)).unwrap()],
            vec![],
        )
        .unwrap();
        let two = Pounds::whole(2_000).unwrap();
        let mut c = AdditionalSupportContract::request(
            AscRequest {
                child: "CYP".into(),
                setting: "School".into(),
                requested_by: AscRequester::PanelAfterAssessment,
                received_on: d(2025, 4, 1),
                plan: EhcPlanStatus::NoPlan,
                evidence: AscEvidence {
                    notional_budget_spent: Pounds::whole(6_000).unwrap(),
                    use_of_notional_budget: "x".into(),
                    reason_for_more: "x".into(),
                    apdr_evidence: "x".into(),
                    smart_outcomes: vec!["x".into()],
                    family_involvement: "x".into(),
                },
                requested_per_term: two,
            },
            &LocalPolicy::sutton(),
        )
        .unwrap();
        c.record_setup_meeting(SetupMeeting {
            held_on: d(2025, 4, 2),
            targets: vec!["t".into()],
            impact_measures: "m".into(),
            planned_use: "u".into(),
            planned_amount: two,
        })
        .unwrap();
        c.record_decision(AscDecision::new(
            PanelAdvice {
                panel_date: d(2025, 4, 3),
                targets: Robustness::Robust,
                recommended_per_term: two,
            },
            OfficerDecision::Approved {
                officer: "o".into(),
                decided_on: d(2025, 4, 3),
                per_term: two,
            },
        ))
        .unwrap();
        let summer = terms.terms()[0].id();
        c.fund_term(
            &terms,
            summer,
            two,
            d(2025, 4, 22),
            Moderation::NotModerated,
            &AwardsToDate::none(),
        )
        .unwrap();
        c
    }

    #[test]
    fn asc_contract_round_trips_with_money_as_strings() {
        let c = funded_contract();
        let json = serde_json::to_string(&c).unwrap();
        assert!(
            json.contains("\"amount\":\"2000\""),
            "money stored as a string: {json}"
        );
        assert!(
            json.contains("\"no_right_of_appeal\"") && json.contains("\"high_needs_block\""),
            "ASC-NO-APPEAL, ASC-HNB"
        );
        assert_eq!(
            serde_json::from_str::<AdditionalSupportContract>(&json).unwrap(),
            c
        );
    }

    #[test]
    fn tampered_asc_records_are_rejected() {
        let json = serde_json::to_string(&funded_contract()).unwrap();
        let over_cap = json.replace("\"amount\":\"2000\"", "\"amount\":\"2500.00\"");
        let err = serde_json::from_str::<AdditionalSupportContract>(&over_cap).unwrap_err();
        assert!(err.to_string().contains("ASC-TERM-CAP"), "{err}");
        let with_plan = json.replace("\"no_plan\"", "\"has_plan\"");
        assert!(
            serde_json::from_str::<AdditionalSupportContract>(&with_plan)
                .unwrap_err()
                .to_string()
                .contains("ASC-SCOPE")
        );
        let float = json.replace("\"amount\":\"2000\"", "\"amount\":2000.0");
        assert!(
            serde_json::from_str::<AdditionalSupportContract>(&float).is_err(),
            "money is never a float"
        );
    }
}

/// T-MED-CERT-3WD: a stored working-day deadline must be consistent with its days.
#[test]
fn t_med_cert_3wd_deadline_with_inconsistent_days_or_rewritten_source_is_refused() {
    let cal = HolidayCalendar::england_and_wales();
    let due = deadlines::mediation_certificate_due(d(2025, 1, 6), &cal).unwrap();
    let v = serde_json::to_value(due).unwrap();
    let back: Deadline = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(back, due);
    let mut huge = v.clone();
    huge["convention"]["days"] = 4_294_967_295u32.into();
    assert!(serde_json::from_value::<Deadline>(huge).is_err());
    let mut holiday = v.clone();
    holiday["due_day"] =
        serde_json::to_value(send_pathway::calendar::DayKind::BankHoliday).unwrap();
    assert!(serde_json::from_value::<Deadline>(holiday).is_err());
    let mut source = v;
    source["source"] = "rewritten".into();
    assert!(serde_json::from_value::<Deadline>(source).is_err());
}

/// T-DECIDE-6W: a compliance entry read on its own must agree with itself.
#[test]
fn t_decide_6w_compliance_entry_read_alone_must_agree_with_itself() {
    use send_pathway::exceptions::Status;
    use send_pathway::pathway::ComplianceEntry;
    let cal = HolidayCalendar::england_and_wales();
    let due = deadlines::decision_to_assess_due(d(2025, 1, 6), &cal).unwrap();
    let entry = ComplianceEntry {
        event: 2,
        deadline: due,
        done_on: d(2025, 3, 3),
        status: Status::Late,
        holidays: Vec::new(),
    };
    let v = serde_json::to_value(&entry).unwrap();
    assert_eq!(
        serde_json::from_value::<ComplianceEntry>(v.clone()).unwrap(),
        entry
    );
    let mut met = v.clone();
    met["status"] = serde_json::to_value(Status::Met).unwrap();
    assert!(serde_json::from_value::<ComplianceEntry>(met).is_err());
    let mut zero = v.clone();
    zero["event"] = 0.into();
    assert!(serde_json::from_value::<ComplianceEntry>(zero).is_err());
    let mut outside = v;
    outside["holidays"] = serde_json::json!(["2030-12-25"]);
    assert!(serde_json::from_value::<ComplianceEntry>(outside).is_err());
}
