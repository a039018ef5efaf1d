//! Bank-holiday updates: the gov.uk list and the impact of a changed
//! calendar on open deadlines (DC-6, DC-8). Public API only.

use chrono::NaiveDate;
use send_pathway::advice::SensoryImpairment;
use send_pathway::calendar::{BankHoliday, DayKind, HolidayCalendar};
use send_pathway::caseload::{holiday_change_impact, holidays_from_gov_uk_json};
use send_pathway::pathway::{
    Actor, Case, Child, DisputeId, Event, EventKind, MediationChoice, ParentalAgreement,
    ReviewDuty, ReviewKind, ReviewOutcome, Subject,
};
use send_pathway::{Error, LocalPolicy, RuleId};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

const GOV_UK: &str = r#"{
  "england-and-wales": {"division": "england-and-wales", "events": [
    {"title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true},
    {"title": "Good Friday", "date": "2026-04-03", "notes": "", "bunting": false},
    {"title": "Easter Monday", "date": "2026-04-06", "notes": "", "bunting": true},
    {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true},
    {"title": "New Year’s Day", "date": "2027-01-01", "notes": "", "bunting": true}
  ]},
  "scotland": {"division": "scotland", "events": []}
}"#;

#[test]
fn loads_the_gov_uk_shape_dc_6() {
    let cal = holidays_from_gov_uk_json(GOV_UK).unwrap();
    assert_eq!((cal.first_year(), cal.last_year()), (2026, 2027));
    assert_eq!(cal.holidays().len(), 5);
    assert_eq!(
        cal.day_kind(d(2026, 4, 3)).expect("covered"),
        DayKind::BankHoliday
    );
    assert_eq!(
        cal.holiday_on(d(2026, 4, 6)).map(|h| h.name.as_ref()),
        Some("Easter Monday")
    );
}

#[test]
fn malformed_lists_are_refused_with_a_reason() {
    let reason = |json: &str| match holidays_from_gov_uk_json(json) {
        Err(Error::InvalidHolidayTable { reason }) => reason,
        other => panic!("expected InvalidHolidayTable, got {other:?}"),
    };
    assert!(reason("not json").contains("gov.uk shape"));
    assert!(
        reason(r#"{"scotland": {"division": "scotland", "events": []}}"#)
            .contains("england-and-wales")
    );
    assert!(
        reason(r#"{"england-and-wales": {"division": "england-and-wales", "events": []}}"#)
            .contains("no events")
    );
    assert!(reason(
        r#"{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "X", "date": "01/01/2026", "notes": "", "bunting": true}]}}"#
    )
    .contains("YYYY-MM-DD"));
    // A field gov.uk may add changes no date: read tolerantly (DC-6).
    assert!(holidays_from_gov_uk_json(
        r#"{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "X", "date": "2026-01-01", "notes": "", "bunting": true, "colour": "red"}]}}"#
    )
    .is_ok());
    // A different division in the england-and-wales entry would change dates.
    assert!(reason(
        r#"{"england-and-wales": {"division": "scotland", "events": [{"title": "X", "date": "2026-01-01", "notes": "", "bunting": true}]}}"#
    )
    .contains("scotland"));
    assert!(reason(
        r#"{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "X", "date": "2026-01-01", "notes": "", "bunting": true}, {"title": "Y", "date": "2026-01-01", "notes": "", "bunting": true}]}}"#
    )
    .contains("listed twice"));
    assert!(reason(
        r#"{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "X", "date": "2025-01-01", "notes": "", "bunting": true}, {"title": "Y", "date": "2027-01-01", "notes": "", "bunting": true}]}}"#
    )
    .contains("2026"));
}

fn plan_with_declined_mediation(cal: &HolidayCalendar, declined: NaiveDate) -> Case {
    let child = Child {
        reference: "CYP-M".into(),
        date_of_birth: d(2014, 3, 1),
        sensory_impairment: SensoryImpairment::None,
    };
    let c = |on, kind| Event::new(on, Actor::Council, kind);
    let first = c(
        d(2025, 3, 1),
        EventKind::ExistingPlanLoaded {
            issued_on: d(2024, 3, 1),
            last_reviewed_on: None,
            school: "Oak Primary".into(),
        },
    );
    let (mut case, _) = Case::open(child, LocalPolicy::sutton(), first, cal).unwrap();
    let meeting = d(2026, 1, 21);
    for e in [
        c(
            d(2026, 1, 5),
            EventKind::ReviewMeetingScheduled {
                meeting_on: meeting,
                kind: ReviewKind::Scheduled,
            },
        ),
        c(d(2026, 1, 6), EventKind::ReviewAdviceCirculated),
        c(meeting, EventKind::ReviewMeetingHeld),
        c(
            meeting,
            EventKind::ReviewConductRecorded {
                duties: ReviewDuty::ALL.to_vec(),
            },
        ),
        c(d(2026, 1, 28), EventKind::ReviewReportSent),
        c(
            d(2026, 2, 4),
            EventKind::ReviewDecided {
                outcome: ReviewOutcome::Maintain,
            },
        ),
        Event::new(
            declined,
            Actor::Parent,
            EventKind::MediationAdviserContacted {
                dispute: DisputeId::new(0),
                choice: MediationChoice::Declined,
            },
        ),
    ] {
        case.apply(e, cal).expect("event accepted");
    }
    case
}

fn request(cal: &HolidayCalendar, received: NaiveDate) -> Case {
    let child = Child {
        reference: "CYP-R".into(),
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
    Case::open(child, LocalPolicy::sutton(), first, cal)
        .unwrap()
        .0
}

#[test]
fn a_new_bank_holiday_moves_working_day_clocks_and_flags_dates_t_med_cert_3wd() {
    let old = HolidayCalendar::england_and_wales();
    // Declined on Monday 2 March 2026: certificate due Thursday 5 March (3 working days, DC-6).
    let mediation = plan_with_declined_mediation(&old, d(2026, 3, 2));
    // Request received Monday 5 January 2026: decision due Monday 16 February (T-DECIDE-6W).
    let assessment = request(&old, d(2026, 1, 5));
    let today = d(2026, 3, 2);
    let cert = mediation
        .obligations(today, &old)
        .unwrap()
        .into_iter()
        .find(|o| matches!(o.subject, Subject::MediationCertificate { .. }))
        .expect("certificate clock running");
    assert_eq!(cert.deadline.due(), d(2026, 3, 5));

    // A one-off bank holiday on Wednesday 4 March 2026 (and one on 16 February).
    let mut new = old.clone();
    new.add_holiday(BankHoliday::new(d(2026, 3, 4), "Proclaimed holiday"))
        .unwrap();
    new.add_holiday(BankHoliday::new(d(2026, 2, 16), "Proclaimed holiday"))
        .unwrap();
    let cases = [mediation, assessment];
    let changes = holiday_change_impact(&cases, today, &old, &new).unwrap();

    let moved = changes
        .iter()
        .find(|c| c.old.map(|o| o.rule()) == Some(RuleId::TMedCert3wd))
        .expect("certificate clock moved");
    assert!(moved.due_moved());
    assert_eq!(moved.new.unwrap().due(), d(2026, 3, 6));
    assert_eq!(moved.case.reference(), "CYP-M");

    let flagged = changes
        .iter()
        .find(|c| c.old.map(|o| o.rule()) == Some(RuleId::TDecide6w))
        .expect("decision date flagged");
    assert!(!flagged.due_moved());
    assert!(flagged.flag_changed());
    assert_eq!(flagged.new.unwrap().due_day(), DayKind::BankHoliday);

    // No change, no report.
    assert!(holiday_change_impact(&cases, today, &old, &old)
        .unwrap()
        .is_empty());
    let none: [Case; 0] = [];
    assert!(holiday_change_impact(&none, today, &old, &new)
        .unwrap()
        .is_empty());
}
