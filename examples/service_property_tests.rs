//! Property-testing your own service with `send_pathway::strategies`.
//!
//! The "service" here is a caseworker dashboard: from a list of cases it
//! counts, per rule, the statutory acts that are overdue today (the
//! `T-FINAL-20W` row is the one a head of service watches). Its properties are
//! checked against cases the crate generates — every one a valid history the
//! pathway accepted — so the dashboard is tested on journeys nobody wrote by
//! hand.
//!
//! Needs the `proptest` feature:
//!
//! ```text
//! cargo run --example service_property_tests --features proptest
//! ```
//!
//! The proptest runner runs inside `main`, so the example is a plain program:
//! it prints one dashboard and exits non-zero if a property fails.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use send_pathway::exceptions::Status;
use send_pathway::pathway::Case;
use send_pathway::{strategies, HolidayCalendar, NaiveDate, RuleId};

/// What the dashboard shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Dashboard {
    /// How many acts are overdue today, per rule. Rules with nothing overdue
    /// are left out, so an empty map means "all in time".
    overdue: BTreeMap<RuleId, usize>,
    /// Cases whose clocks could not be worked out, with the reason for the
    /// caseworker (e.g. a plan made before the bank-holiday table starts):
    /// listed, never silently dropped.
    needs_attention: Vec<(String, String)>,
}

/// The service under test: the dashboard of a caseload on `today`.
fn dashboard(cases: &[Case], today: NaiveDate, cal: &HolidayCalendar) -> Dashboard {
    let mut board = Dashboard::default();
    for case in cases {
        match case.obligations(today, cal) {
            Ok(obligations) => {
                for obligation in obligations {
                    if obligation.status == Status::Overdue {
                        *board.overdue.entry(obligation.rule()).or_insert(0) += 1;
                    }
                }
            }
            Err(e) => board
                .needs_attention
                .push((case.child().reference.clone(), e.to_string())),
        }
    }
    board
}

/// The day after the latest event of any case, plus `offset` days: a "today"
/// every case has reached.
fn today_after(cases: &[Case], offset: u64) -> NaiveDate {
    let latest = cases
        .iter()
        .filter_map(Case::last_event_on)
        .max()
        .unwrap_or(NaiveDate::MIN);
    latest
        .checked_add_days(chrono::Days::new(offset + 1))
        .unwrap_or(latest)
}

fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let cal = HolidayCalendar::england_and_wales();
    // A handful of generated cases and a day up to a year after the last event.
    let caseload = (prop::collection::vec(strategies::case(15), 1..6), 0u64..365);
    let mut runner = TestRunner::new(Config {
        cases: 48,
        // An example has no source file to store failing seeds beside.
        failure_persistence: None,
        ..Config::default()
    });

    // 1. Every case is either counted or listed for attention; the counts are
    //    exactly the overdue obligations, each due before today (a pending
    //    act is never on the dashboard).
    runner.run(&caseload, |(cases, offset)| {
        let today = today_after(&cases, offset);
        let board = dashboard(&cases, today, &cal);
        let mut overdue = 0;
        let mut readable = 0;
        for case in &cases {
            let Ok(obligations) = case.obligations(today, &cal) else {
                continue;
            };
            readable += 1;
            for o in obligations.iter().filter(|o| o.status == Status::Overdue) {
                overdue += 1;
                prop_assert!(o.deadline.due() < today, "{} is not yet due", o.deadline);
                prop_assert!(o.days_left < 0);
            }
        }
        prop_assert_eq!(readable + board.needs_attention.len(), cases.len());
        prop_assert_eq!(board.overdue.values().sum::<usize>(), overdue);
        prop_assert!(board.overdue.values().all(|&n| n > 0));
        Ok(())
    })?;

    // 2. The order of the caseload does not matter to the counts.
    runner.run(&caseload, |(cases, offset)| {
        let today = today_after(&cases, offset);
        let forward = dashboard(&cases, today, &cal);
        let mut reversed = cases.clone();
        reversed.reverse();
        prop_assert_eq!(dashboard(&reversed, today, &cal).overdue, forward.overdue);
        Ok(())
    })?;

    // 3. Adding a case never lowers any count: the dashboard of a caseload is
    //    the sum of the dashboards of its cases.
    runner.run(&caseload, |(cases, offset)| {
        let today = today_after(&cases, offset);
        let whole = dashboard(&cases, today, &cal);
        let mut summed: BTreeMap<RuleId, usize> = BTreeMap::new();
        let mut attention = 0;
        for case in &cases {
            let one = dashboard(std::slice::from_ref(case), today, &cal);
            attention += one.needs_attention.len();
            for (rule, n) in &one.overdue {
                prop_assert!(whole.overdue.get(rule).copied().unwrap_or(0) >= *n);
                *summed.entry(*rule).or_insert(0) += n;
            }
        }
        prop_assert_eq!(summed, whole.overdue);
        prop_assert_eq!(attention, whole.needs_attention.len());
        Ok(())
    })?;

    // One dashboard, to show what the service prints.
    let mut sample = TestRunner::deterministic();
    let (cases, offset) = caseload
        .new_tree(&mut sample)
        .map_err(|e| e.to_string())?
        .current();
    let today = today_after(&cases, offset);
    println!("Overdue on {today} across {} cases:", cases.len());
    let board = dashboard(&cases, today, &cal);
    if board.overdue.is_empty() {
        println!("  nothing overdue");
    }
    for (rule, n) in &board.overdue {
        println!("  {rule:<22} {n:>3}   {}", rule.summary());
    }
    for (reference, why) in &board.needs_attention {
        println!("  needs attention: {reference}: {why}");
    }
    println!("3 properties held for {} generated caseloads each.", 48);
    Ok(())
}
