//! Storing a case and reading it back: build a case, store it as a
//! `CaseRecord` (pretty JSON, events flat and tagged by `"type"`), read it
//! back with `CaseRecord::into_case` under the caller's calendar and policy,
//! and show tampered records being refused with the error a caseworker reads.
//!
//! Run with `cargo run --example case_record`.

mod common;

use common::{date, Res};
use send_pathway::advice::SensoryImpairment;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::pathway::{
    Actor, Case, CaseRecord, Child, Event, EventKind, FinalPlanChanges, ParentalAgreement,
};
use send_pathway::LocalPolicy;

fn main() -> Res<()> {
    let cal = HolidayCalendar::england_and_wales();
    let policy = LocalPolicy::sutton();
    let child = Child {
        reference: "CYP-2016-0301".into(),
        date_of_birth: date(2016, 3, 1)?,
        sensory_impairment: SensoryImpairment::None,
    };
    let council = |on, kind| Event::new(on, Actor::Council, kind);

    // A short case: request, decision, draft, final plan.
    let request = Event::new(
        date(2025, 1, 6)?,
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (mut case, _) = Case::open(child, policy.clone(), request, &cal)?;
    for event in [
        council(date(2025, 2, 14)?, EventKind::DecidedToAssess),
        council(
            date(2025, 4, 7)?,
            EventKind::DraftPlanIssued { names_school: None },
        ),
        council(
            date(2025, 5, 23)?,
            EventKind::FinalPlanIssued {
                school: "Oak Primary School".into(),
                changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
            },
        ),
    ] {
        case.apply(event, &cal)?;
    }

    // Store it.
    let record = CaseRecord::from(&case);
    let json = serde_json::to_string_pretty(&record)?;
    println!("The stored record:\n{json}\n");

    // Read it back: the same case, under the caller's calendar and policy.
    let back: CaseRecord = serde_json::from_str(&json)?;
    let read = back.into_case(&cal, &policy)?;
    println!(
        "Read back: {} events, phase \"{}\", identical to the case stored: {}",
        read.history().len(),
        read.phase(),
        read == case
    );
    let today = date(2025, 6, 2)?;
    for o in read.obligations(today, &cal)? {
        println!("  due on {today}: {o}");
    }

    // Tampered records are refused, naming what is wrong.
    println!("\nTampered records:");
    let mut value: serde_json::Value = serde_json::from_str(&json)?;

    // 1. The draft plan deleted from the history: the final plan has no draft.
    let mut no_draft = value.clone();
    if let Some(history) = no_draft.get_mut("history").and_then(|h| h.as_array_mut()) {
        history.retain(|e| e.get("type").and_then(|t| t.as_str()) != Some("draft_plan_issued"));
    }
    refuse("draft deleted", no_draft, &cal, &policy);

    // 2. An event moved before the one it follows.
    let mut reordered = value.clone();
    if let Some(on) = reordered.pointer_mut("/history/1/on") {
        *on = serde_json::Value::from("2024-12-01");
    }
    refuse(
        "decision dated before the request",
        reordered,
        &cal,
        &policy,
    );

    // 3. A field the schema does not have.
    let mut unknown = value.clone();
    if let Some(first) = unknown
        .pointer_mut("/history/0")
        .and_then(|e| e.as_object_mut())
    {
        first.insert("approved_by".into(), serde_json::Value::from("someone"));
    }
    refuse("unknown field", unknown, &cal, &policy);

    // 4. Another council's record read under Sutton's policy.
    if let Some(council) = value.get_mut("council") {
        *council = serde_json::Value::from("Another Council");
    }
    refuse("another council", value, &cal, &policy);
    Ok(())
}

/// Try to read a tampered record back and print why it is refused.
fn refuse(what: &str, json: serde_json::Value, cal: &HolidayCalendar, policy: &LocalPolicy) {
    let result = serde_json::from_value::<CaseRecord>(json)
        .map_err(|e| format!("not a case record: {e}"))
        .and_then(|record| record.into_case(cal, policy).map_err(|e| chain(&e)));
    match result {
        Ok(_) => println!("  {what}: accepted (unexpected)"),
        Err(e) => println!("  {what}: refused — {e}"),
    }
}

/// An error and its causes, each once, as a chain reporter prints them.
fn chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}
