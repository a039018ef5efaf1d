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
