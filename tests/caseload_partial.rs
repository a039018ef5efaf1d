//! Caseload views judge every case they can and name each case they cannot;
//! one call builds the gov.uk calendar topped up with the built-in table.
//! Public API only.
#![cfg(feature = "serde")]

use chrono::NaiveDate;
use send_pathway::advice::AdviceType;
use send_pathway::advice::SensoryImpairment;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::caseload::{
    advice_chase_list, advice_chase_view, holiday_change_impact, holiday_change_view, late_acts,
    late_acts_view, phase_transfer_cohort, phase_transfer_cohort_view, review_calendar,
    review_calendar_view, statutory_first, urgent_list, urgent_view, Filter, Judged,
};
use send_pathway::deadlines::PhaseTransfer;
use send_pathway::pathway::{Actor, Case, Child, Event, EventKind, ParentalAgreement};
use send_pathway::{Error, LocalPolicy};

const GOV_UK_2026: &str = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
    {"title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true, "id": 1},
    {"title": "Good Friday", "date": "2026-04-03", "notes": "", "bunting": false},
    {"title": "Easter Monday", "date": "2026-04-06", "notes": "", "bunting": true},
    {"title": "Early May bank holiday", "date": "2026-05-04", "notes": "", "bunting": true},
    {"title": "Spring bank holiday", "date": "2026-05-25", "notes": "", "bunting": true},
    {"title": "Summer bank holiday", "date": "2026-08-31", "notes": "", "bunting": true},
    {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true},
    {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true}
]}}"#;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn requested(reference: &str, on: NaiveDate) -> Case {
    let cal = HolidayCalendar::england_and_wales();
    let child = Child {
        reference: reference.into(),
        date_of_birth: d(2016, 1, 1),
        sensory_impairment: SensoryImpairment::None,
    };
    let request = Event::new(
        on,
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    Case::open(child, LocalPolicy::sutton(), request, &cal)
        .unwrap()
        .0
}

#[test]
fn one_case_outside_the_table_does_not_sink_the_urgent_list() {
    let file = HolidayCalendar::from_gov_uk_json(GOV_UK_2026).unwrap();
    let cases = [
        requested("SUT-1", d(2026, 1, 5)),
        requested("SUT-2", d(2026, 11, 2)),
    ];
    let today = d(2026, 1, 20);
    let view = urgent_view(&cases, today, &file, &Filter::all());
    assert!(!view.is_complete());
    assert_eq!(view.unjudged.len(), 1);
    assert_eq!(view.unjudged[0].reference, "SUT-2");
    assert_eq!(view.unjudged[0].position, 1);
    assert!(matches!(
        view.unjudged[0].error,
        Error::OutsideHolidayTable { .. }
    ));
    assert!(view.unjudged[0]
        .to_string()
        .starts_with("SUT-2 (#1) could not be judged"));
    assert!(!view.rows.is_empty());
    assert!(view.rows.iter().all(|r| r.case.reference() == "SUT-1"));
    // The all-or-nothing list still refuses, and `complete` names the case.
    assert!(urgent_list(&cases, today, &file, &Filter::all()).is_err());
    let err = view.complete().unwrap_err();
    assert!(err.to_string().contains("SUT-2"), "{err}");

    // Topped up with the built-in table, every case is judged.
    let topped = HolidayCalendar::from_gov_uk_json_with_built_in(GOV_UK_2026).unwrap();
    let view = urgent_view(&cases, today, &topped, &Filter::all());
    assert!(view.is_complete());
    assert!(view.rows.iter().any(|r| r.case.reference() == "SUT-2"));
}

#[test]
fn statutory_clocks_can_rank_before_local_targets() {
    let cal = HolidayCalendar::england_and_wales();
    let cases = [
        requested("SUT-1", d(2025, 1, 6)),
        requested("SUT-2", d(2026, 1, 5)),
    ];
    let today = d(2026, 1, 20);
    let mut rows = urgent_list(&cases, today, &cal, &Filter::all()).unwrap();
    statutory_first(&mut rows);
    let flags: Vec<bool> = rows
        .iter()
        .map(|r| r.obligation.rule().is_statutory())
        .collect();
    let first_local = flags.iter().position(|s| !s).unwrap_or(flags.len());
    assert!(flags[first_local..].iter().all(|s| !s), "{flags:?}");
    let law = urgent_list(&cases, today, &cal, &Filter::all().statutory_only()).unwrap();
    assert_eq!(law.len(), first_local);
}

fn child(reference: &str, born: NaiveDate) -> Child {
    Child {
        reference: reference.into(),
        date_of_birth: born,
        sensory_impairment: SensoryImpairment::None,
    }
}

/// A plan issued on `issued`, loaded as it stands.
fn plan(reference: &str, issued: NaiveDate) -> Case {
    let cal = HolidayCalendar::england_and_wales();
    let first = Event::new(
        issued,
        Actor::Council,
        EventKind::ExistingPlanLoaded {
            issued_on: issued,
            last_reviewed_on: None,
            school: "Oak Primary".into(),
        },
    );
    Case::open(
        child(reference, d(2016, 10, 1)),
        LocalPolicy::sutton(),
        first,
        &cal,
    )
    .unwrap()
    .0
}

/// An assessment with one educational advice request, asked and received on `asked`.
fn assessing(reference: &str, requested_on: NaiveDate, asked: NaiveDate) -> Case {
    let cal = HolidayCalendar::england_and_wales();
    let mut case = requested(reference, requested_on);
    let council = |on, kind| Event::new(on, Actor::Council, kind);
    case.apply(council(asked, EventKind::DecidedToAssess), &cal)
        .unwrap();
    case.apply(
        council(
            asked,
            EventKind::AdviceRequested {
                advice_type: AdviceType::Educational,
                body: "Oak Primary".into(),
                contact: "SENCo".into(),
            },
        ),
        &cal,
    )
    .unwrap();
    case
}

/// The view names exactly the case `reference` at `position`, outside the table.
fn names_only<T>(view: &Judged<T>, reference: &str, position: usize) {
    assert_eq!(view.unjudged.len(), 1, "{:?}", view.unjudged);
    assert_eq!(view.unjudged[0].reference, reference);
    assert_eq!(view.unjudged[0].position, position);
    assert!(
        matches!(
            view.unjudged[0].error,
            Error::OutsideHolidayTable { .. } | Error::BeyondHolidayTable { .. }
        ),
        "{}",
        view.unjudged[0].error
    );
}

#[test]
fn the_review_calendar_judges_every_plan_it_can() {
    let file = HolidayCalendar::from_gov_uk_json(GOV_UK_2026).unwrap();
    let cases = [plan("SUT-1", d(2025, 6, 2)), plan("SUT-2", d(2026, 3, 2))];
    let today = d(2026, 4, 1);
    let view = review_calendar_view(&cases, today, &file);
    names_only(&view, "SUT-2", 1);
    assert_eq!(view.rows.total(), 1);
    assert!(view
        .rows
        .months()
        .all(|(_, due)| due.iter().all(|r| r.case.reference() == "SUT-1")));
    assert!(review_calendar(&cases, today, &file).is_err());
    let topped = HolidayCalendar::from_gov_uk_json_with_built_in(GOV_UK_2026).unwrap();
    let whole = review_calendar_view(&cases, today, &topped);
    assert!(whole.is_complete());
    assert_eq!(whole.rows.total(), 2);
}

#[test]
fn the_phase_transfer_cohort_judges_every_transfer_it_can() {
    let built_in = HolidayCalendar::england_and_wales();
    let file = HolidayCalendar::from_gov_uk_json(GOV_UK_2026).unwrap();
    let mut secondary = plan("SUT-1", d(2024, 3, 4));
    secondary
        .apply(
            Event::new(
                d(2025, 9, 1),
                Actor::Council,
                EventKind::PhaseTransferPlanned {
                    transfer_on: d(2026, 9, 1),
                    transfer: PhaseTransfer::PrimaryToSecondary,
                },
            ),
            &built_in,
        )
        .unwrap();
    // Post-16 to post-16: at least 5 months before, in 2025 — outside the 2026 file.
    let mut college = plan("SUT-2", d(2024, 3, 4));
    college
        .apply(
            Event::new(
                d(2025, 6, 2),
                Actor::Council,
                EventKind::PhaseTransferPlanned {
                    transfer_on: d(2026, 3, 2),
                    transfer: PhaseTransfer::PostSixteenToPostSixteen,
                },
            ),
            &built_in,
        )
        .unwrap();
    let cases = [secondary, college];
    let today = d(2026, 1, 20);
    let view = phase_transfer_cohort_view(&cases, 2026, today, &file).unwrap();
    names_only(&view, "SUT-2", 1);
    assert_eq!(view.rows.entries.len(), 1);
    assert_eq!(view.rows.entries[0].case.reference(), "SUT-1");
    assert!(phase_transfer_cohort(&cases, 2026, today, &file).is_err());
    let whole = phase_transfer_cohort_view(&cases, 2026, today, &built_in).unwrap();
    assert!(whole.is_complete());
    assert_eq!(whole.rows.entries.len(), 2);
}

#[test]
fn the_advice_chase_list_judges_every_assessment_it_can() {
    let file = HolidayCalendar::from_gov_uk_json(GOV_UK_2026).unwrap();
    let cases = [
        assessing("SUT-1", d(2026, 1, 5), d(2026, 2, 2)),
        assessing("SUT-2", d(2026, 10, 5), d(2026, 11, 30)),
    ];
    let today = d(2026, 12, 1);
    let view = advice_chase_view(&cases, today, 400, &file);
    names_only(&view, "SUT-2", 1);
    assert!(!view.rows.is_empty());
    assert!(view.rows.iter().all(|item| item.case == "SUT-1"));
    assert!(advice_chase_list(&cases, today, 400, &file).is_err());
    let built_in = HolidayCalendar::england_and_wales();
    let whole = advice_chase_view(&cases, today, 400, &built_in);
    assert!(whole.is_complete());
    assert_eq!(
        whole.rows,
        advice_chase_list(&cases, today, 400, &built_in).unwrap()
    );
}

#[test]
fn the_holiday_change_impact_judges_every_case_it_can_under_both_calendars() {
    let file = HolidayCalendar::from_gov_uk_json(GOV_UK_2026).unwrap();
    let topped = HolidayCalendar::from_gov_uk_json_with_built_in(GOV_UK_2026).unwrap();
    let cases = [
        requested("SUT-1", d(2026, 1, 5)),
        requested("SUT-2", d(2026, 11, 2)),
    ];
    let today = d(2026, 1, 20);
    let view = holiday_change_view(&cases, today, &file, &topped);
    names_only(&view, "SUT-2", 1);
    assert!(view.rows.iter().all(|c| c.case.reference() == "SUT-1"));
    assert!(holiday_change_impact(&cases, today, &file, &topped).is_err());
    assert!(holiday_change_view(&cases, today, &topped, &topped).is_complete());
}

#[test]
fn late_acts_judge_every_case_from_its_history() {
    let cases = [requested("SUT-1", d(2025, 1, 6))];
    let view = late_acts_view(&cases, d(2025, 1, 1), d(2026, 12, 31), None);
    assert!(view.is_complete());
    assert_eq!(
        view.rows.len(),
        late_acts(&cases, d(2025, 1, 1), d(2026, 12, 31), None).len()
    );
}

#[cfg(feature = "ical")]
#[test]
fn a_feed_keeps_every_case_it_can_judge() {
    use send_pathway::feed::{caseload_feed_view, caseload_feed_with, FeedOptions};
    let file = HolidayCalendar::from_gov_uk_json(GOV_UK_2026).unwrap();
    let cases = [
        requested("SUT-1", d(2026, 1, 5)),
        requested("SUT-2", d(2026, 11, 2)),
    ];
    let today = d(2026, 1, 20);
    let options = FeedOptions::new("Team A", today.and_hms_opt(9, 0, 0).unwrap());
    let view = caseload_feed_view(&cases, today, &file, &Filter::all(), &options);
    names_only(&view, "SUT-2", 1);
    assert!(view.rows.contains("UID:SUT-1/"));
    assert!(!view.rows.contains("SUT-2"));
    assert!(caseload_feed_with(&cases, today, &file, &Filter::all(), &options).is_err());
}

#[test]
fn a_partial_view_serialises_its_rows_and_the_cases_it_could_not_judge() {
    let file = HolidayCalendar::from_gov_uk_json(GOV_UK_2026).unwrap();
    let cases = [
        requested("SUT-1", d(2026, 1, 5)),
        requested("SUT-2", d(2026, 11, 2)),
    ];
    let view = urgent_view(&cases, d(2026, 1, 20), &file, &Filter::all());
    let json = serde_json::to_value(&view).unwrap();
    assert_eq!(json["unjudged"][0]["reference"], "SUT-2");
    assert_eq!(json["unjudged"][0]["position"], 1);
    assert_eq!(
        json["unjudged"][0]["error"]["kind"],
        "outside_holiday_table"
    );
    assert_eq!(json["rows"][0]["case"]["reference"], "SUT-1");
}
