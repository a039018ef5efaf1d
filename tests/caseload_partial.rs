//! Caseload views judge every case they can and name each case they cannot;
//! one call builds the gov.uk calendar topped up with the built-in table.
//! Public API only.
#![cfg(feature = "serde")]

use chrono::NaiveDate;
use send_pathway::advice::SensoryImpairment;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::caseload::{statutory_first, urgent_list, urgent_view, Filter};
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
