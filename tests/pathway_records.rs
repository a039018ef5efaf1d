//! Stored case records: exact round trips and tampered records refused,
//! naming the first bad event (public API only).

mod common;

use common::*;
use send_pathway::pathway::{Case, CaseRecord, SCHEMA_VERSION};
use send_pathway::{Error, LocalPolicy};
use serde_json::Value;

fn stored() -> (Case, Value) {
    let cal = cal();
    let case = case_1_to_final(&cal);
    let value = serde_json::to_value(CaseRecord::from(&case)).unwrap();
    (case, value)
}

fn history(v: &mut Value) -> &mut Vec<Value> {
    v["history"].as_array_mut().unwrap()
}

fn position_of(v: &Value, tag: &str) -> usize {
    v["history"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["type"] == tag)
        .unwrap()
}

fn read(v: Value) -> Result<Case, Error> {
    let record: CaseRecord = serde_json::from_value(v).map_err(|e| Error::InconsistentRecord {
        reason: e.to_string(),
    })?;
    record.into_case(&cal(), &LocalPolicy::sutton())
}

fn first_bad(v: Value) -> (usize, &'static str) {
    match read(v) {
        Err(Error::RecordEvent {
            position, event, ..
        }) => (position, event),
        other => panic!("expected a RecordEvent error, got {other:?}"),
    }
}

#[test]
fn events_serialise_flat_and_tagged() {
    let (case, v) = stored();
    assert_eq!(v["schema_version"], SCHEMA_VERSION);
    assert_eq!(v["council"], "Sutton");
    let first = &v["history"][0];
    assert_eq!(first["type"], "assessment_requested");
    assert_eq!(first["by"]["role"], "parent");
    assert_eq!(first["on"], "2025-01-06");
    assert_eq!(first["agreement"], "not_applicable");
    let reply = &v["history"][position_of(&v, "school_replied")];
    assert_eq!(reply["consultation"], 0, "typed ids are plain numbers");
    assert_eq!(read(v).unwrap(), case);
}

#[test]
fn a_removed_event_is_refused_at_the_first_event_that_cannot_follow() {
    let (_, mut v) = stored();
    let draft = position_of(&v, "draft_plan_issued");
    history(&mut v).remove(draft);
    // The representations that followed the draft now have nothing to answer.
    assert_eq!(first_bad(v), (draft + 1, "representations received"));
}

#[test]
fn a_duplicated_event_is_refused_at_the_duplicate() {
    let (case, mut v) = stored();
    let last = history(&mut v).last().cloned().unwrap();
    history(&mut v).push(last);
    assert_eq!(
        first_bad(v),
        (case.history().len() + 1, "final plan issued")
    );

    let (_, mut v) = stored();
    let decided = position_of(&v, "decided_to_assess");
    let copy = v["history"][decided].clone();
    history(&mut v).insert(decided + 1, copy);
    assert_eq!(first_bad(v), (decided + 2, "decided to assess"));
}

#[test]
fn reordered_events_are_refused_at_the_first_out_of_place() {
    let (_, mut v) = stored();
    let notified = position_of(&v, "considering_notified");
    history(&mut v).swap(notified, notified + 1);
    let (position, event) = first_bad(v);
    assert_eq!(
        (position, event),
        (
            notified + 2,
            "bodies told an assessment is being considered"
        )
    );
}

#[test]
fn unknown_fields_and_event_types_are_refused() {
    let (_, mut v) = stored();
    v["history"][1]["urgent"] = Value::Bool(true);
    assert!(serde_json::from_value::<CaseRecord>(v)
        .unwrap_err()
        .to_string()
        .contains("urgent"));

    let (_, mut v) = stored();
    v["history"][1]["type"] = Value::from("plan_teleported");
    assert!(serde_json::from_value::<CaseRecord>(v)
        .unwrap_err()
        .to_string()
        .contains("plan_teleported"));

    let (_, mut v) = stored();
    v["stage"] = Value::from("plan_maintained");
    assert!(
        serde_json::from_value::<CaseRecord>(v).is_err(),
        "unknown top-level field"
    );

    let (_, mut v) = stored();
    v["child"]["nickname"] = Value::from("Sam");
    assert!(
        serde_json::from_value::<CaseRecord>(v).is_err(),
        "unknown child field"
    );
}

#[test]
fn another_schema_version_or_council_is_refused() {
    let (_, mut v) = stored();
    v["schema_version"] = Value::from(SCHEMA_VERSION + 1);
    assert!(
        matches!(read(v), Err(Error::InconsistentRecord { reason }) if reason.contains("schema version"))
    );

    let (_, v) = stored();
    let record: CaseRecord = serde_json::from_value(v).unwrap();
    let err = record
        .into_case(&cal(), &LocalPolicy::salford())
        .unwrap_err();
    assert!(
        matches!(&err, Error::InconsistentRecord { reason } if reason.contains("Sutton")),
        "{err}"
    );

    let (_, mut v) = stored();
    v["council"] = Value::from("Salford");
    assert!(matches!(read(v), Err(Error::InconsistentRecord { .. })));
}

#[test]
fn an_empty_history_is_refused() {
    let (_, mut v) = stored();
    history(&mut v).clear();
    assert!(matches!(read(v), Err(Error::InconsistentRecord { .. })));
}

#[test]
fn a_record_is_never_rejudged_under_todays_calendar() {
    // Built under a calendar where Fri 2025-04-18 (Good Friday) is a working
    // day, the draft window closed a day earlier; read back under that same
    // calendar and under the built-in one, the history stands as accepted.
    let mut caller = cal();
    assert!(caller.remove_holiday(d(2025, 4, 18)).is_some());
    let case = case_1_to_final(&caller);
    let record = CaseRecord::from(&case);
    assert_eq!(
        record
            .clone()
            .into_case(&caller, &LocalPolicy::sutton())
            .unwrap(),
        case
    );
    assert_eq!(
        record.into_case(&cal(), &LocalPolicy::sutton()).unwrap(),
        case
    );
}
