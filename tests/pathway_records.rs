//! Stored case records: exact round trips and tampered records refused,
//! naming the first bad event (public API only).

mod common;

use common::*;
use send_pathway::pathway::{Actor, Case, CaseRecord, EventKind, SCHEMA_VERSION};
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
    // The decision moved up performs its act (T-DECIDE-6W) where the record
    // holds no entry for it: the first event out of place.
    let (position, event) = first_bad(v);
    assert_eq!((position, event), (notified + 1, "decided to assess"));
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

// ---- A compliance entry is exactly what its act produced (T-DECIDE-6W, T-FINAL-20W) ----

/// Request 2025-01-06, decided to assess 2025-03-03: late against T-DECIDE-6W.
fn late_decision() -> (Case, Value) {
    let cal = cal();
    let mut case = open_request(d(2016, 1, 1), d(2025, 1, 6), &cal);
    case.apply(council(d(2025, 3, 3), EventKind::DecidedToAssess), &cal)
        .unwrap();
    assert_eq!(case.late_acts(d(2025, 1, 1), d(2025, 12, 31)).count(), 1);
    let value = serde_json::to_value(CaseRecord::from(&case)).unwrap();
    (case, value)
}

fn compliance(v: &mut Value) -> &mut Vec<Value> {
    v["compliance"].as_array_mut().unwrap()
}

fn refused_naming(v: Value, words: &str) {
    match read(v) {
        Err(e) => assert!(
            e.to_string().contains(words),
            "expected the error to say {words:?}, got: {e}"
        ),
        Ok(_) => panic!("a tampered compliance history was accepted"),
    }
}

#[test]
fn t_decide_6w_compliance_entry_round_trips() {
    let (case, v) = late_decision();
    assert_eq!(read(v).unwrap(), case);
}

#[test]
fn t_decide_6w_compliance_entry_with_moved_anchor_and_met_is_refused() {
    let (_, mut v) = late_decision();
    let entry = &mut compliance(&mut v)[0];
    entry["deadline"]["anchor"] = "2025-01-20".into();
    entry["deadline"]["due"] = "2025-03-03".into();
    entry["status"] = serde_json::to_value(send_pathway::exceptions::Status::Met).unwrap();
    refused_naming(v, "event 2");
}

#[test]
fn t_decide_6w_compliance_entry_relabelled_to_another_rule_is_refused() {
    let (_, mut v) = late_decision();
    compliance(&mut v)[0]["deadline"]["rule"] = "T-FINAL-20W".into();
    compliance(&mut v)[0]["deadline"]["source"] = "".into();
    assert!(read(v).is_err());
}

#[test]
fn compliance_entry_dropped_is_refused() {
    let (_, mut v) = late_decision();
    compliance(&mut v).clear();
    refused_naming(v, "event 2");
}

#[test]
fn compliance_entry_duplicated_is_refused() {
    let (_, mut v) = late_decision();
    let entry = compliance(&mut v)[0].clone();
    compliance(&mut v).push(entry);
    refused_naming(v, "event 2");
}

#[test]
fn compliance_entry_moved_to_another_event_is_refused() {
    let (case, mut v) = stored();
    // Move the last entry to the event before it, when it is dated the same day.
    let n = case.history().len();
    let last = compliance(&mut v).len() - 1;
    compliance(&mut v)[last]["event"] = (n - 1).into();
    compliance(&mut v)[last]["done_on"] = v["history"][n - 2]["on"].clone();
    assert!(read(v).is_err());
}

#[test]
fn compliance_entry_marked_excused_without_a_claim_is_refused() {
    let (_, mut v) = late_decision();
    use send_pathway::exceptions::{ExceptionId, Status};
    let claim = serde_json::to_value(Status::MissedExcused(ExceptionId::Exc5_4)).unwrap();
    compliance(&mut v)[0]["status"] = claim;
    assert!(read(v).is_err());
}

#[test]
fn compliance_entries_reordered_are_refused() {
    let (_, mut v) = stored();
    let entries = compliance(&mut v);
    assert!(entries.len() >= 2, "the fixture judges more than one act");
    entries.swap(0, 1);
    assert!(read(v).is_err());
}

#[test]
fn compliance_is_verified_with_the_days_the_record_carries_not_todays_calendar() {
    use send_pathway::calendar::{BankHoliday, HolidayCalendar};
    // Judged under a calendar with an extra bank holiday on the day 6 weeks
    // fall: the entry records its due date as a bank holiday.
    let mut then = HolidayCalendar::england_and_wales();
    then.add_holiday(BankHoliday::new(d(2025, 2, 17), "Local day"))
        .unwrap();
    let mut case = open_request(d(2016, 1, 1), d(2025, 1, 6), &then);
    case.apply(council(d(2025, 2, 14), EventKind::DecidedToAssess), &then)
        .unwrap();
    assert_eq!(case.compliance()[0].holidays, vec![d(2025, 2, 17)]);
    let record = CaseRecord::from(&case);
    // Read back under today's calendar, which lacks that day: as it was.
    let back = record
        .clone()
        .into_case(&cal(), &LocalPolicy::sutton())
        .unwrap();
    assert_eq!(back, case);
    // Removing the day the record carries makes the entry disagree with its act.
    let mut v = serde_json::to_value(&record).unwrap();
    compliance(&mut v)[0]["holidays"] = serde_json::json!([]);
    assert!(read(v).is_err());
}

#[test]
fn a_version_1_record_reads_back_when_todays_calendar_judges_its_entries_alike() {
    let (case, mut v) = stored();
    v["schema_version"] = send_pathway::pathway::SCHEMA_VERSION_WITHOUT_DAYS.into();
    v.as_object_mut().unwrap().remove("policies");
    for entry in compliance(&mut v) {
        entry.as_object_mut().unwrap().remove("holidays");
    }
    let back = read(v.clone()).unwrap();
    assert_eq!(back, case, "written again with the days filled in");
    // Its entries are still checked against their acts.
    compliance(&mut v).pop();
    assert!(read(v).is_err());
}

/// SUP-APDR: a stored history opens as a live case opens.
#[test]
fn sup_apdr_replay_refuses_a_first_event_open_refuses() {
    let (case, _) = stored();
    let first = ev(d(2025, 1, 6), Actor::School, EventKind::ApdrReviewed);
    let refused = Case::open(
        case.child().clone(),
        LocalPolicy::sutton(),
        first.clone(),
        &cal(),
    );
    assert!(refused.is_err(), "open refuses it");
    let err = Case::replay(case.child().clone(), LocalPolicy::sutton(), vec![first]).unwrap_err();
    assert!(
        matches!(err, Error::RecordEvent { position: 1, .. }),
        "{err}"
    );
}

#[test]
fn numeric_event_tags_are_refused() {
    let (_, mut v) = stored();
    let tag = v["history"][0]["type"].clone();
    assert!(tag.is_string());
    v["history"][0]["type"] = 6.into();
    assert!(read(v).is_err());
}

/// Read back a bare history (no compliance), as `Case::replay` does.
fn replay(events: Vec<send_pathway::pathway::Event>) -> Result<Case, Error> {
    Case::replay(child(d(2016, 3, 1)), LocalPolicy::sutton(), events)
}

fn bad_rule(result: Result<Case, Error>) -> Option<send_pathway::rule::RuleId> {
    match result {
        Err(Error::RecordEvent { source, .. }) => match *source {
            Error::RuleBroken { rule, .. } => Some(rule),
            _ => None,
        },
        _ => None,
    }
}

fn to_draft() -> Vec<send_pathway::pathway::Event> {
    vec![
        parent(
            d(2025, 1, 6),
            EventKind::AssessmentRequested {
                agreement: send_pathway::pathway::ParentalAgreement::NotApplicable,
            },
        ),
        council(d(2025, 2, 14), EventKind::DecidedToAssess),
        council(
            d(2025, 4, 7),
            EventKind::DraftPlanIssued { names_school: None },
        ),
    ]
}

fn final_plan(on: chrono::NaiveDate) -> send_pathway::pathway::Event {
    council(
        on,
        EventKind::FinalPlanIssued {
            school: "Oak Primary".into(),
            changes: send_pathway::pathway::FinalPlanChanges::RepresentationsAndPlacementOnly,
        },
    )
}

/// T-DRAFT-REPS-15D: the 15 days are calendar days, so a stored plan issued
/// inside the window without the family's confirmation is impossible under
/// any calendar and refused on read-back; day 16 is the first day allowed.
#[test]
fn t_draft_reps_15d_a_plan_inside_the_window_is_refused_on_read_back() {
    use send_pathway::rule::RuleId;
    let with = |on| {
        let mut h = to_draft();
        h.push(final_plan(on));
        replay(h)
    };
    assert_eq!(bad_rule(with(d(2025, 4, 9))), Some(RuleId::TDraftReps15d));
    assert_eq!(
        bad_rule(with(d(2025, 4, 21))),
        Some(RuleId::TDraftReps15d),
        "day 15"
    );
    assert!(with(d(2025, 4, 22)).is_ok(), "day 16");
    // The family's written confirmation lets the council act at once.
    let mut confirmed = to_draft();
    confirmed.push(parent(d(2025, 4, 8), EventKind::NoFurtherRepresentations));
    confirmed.push(final_plan(d(2025, 4, 9)));
    assert!(replay(confirmed).is_ok());
}

/// CEASE-PENDING-APPEAL: a plan ceased before the nominal date to appeal the
/// cease (2 months after the notice) is impossible under any calendar.
#[test]
fn cease_pending_appeal_a_plan_ceased_44_days_after_the_decision_is_refused_on_read_back() {
    use send_pathway::pathway::{CeaseGround, DecisionNotice};
    use send_pathway::rule::RuleId;
    let with = |ceased_on| {
        replay(vec![
            council(
                d(2024, 1, 8),
                EventKind::ExistingPlanLoaded {
                    issued_on: d(2023, 9, 1),
                    last_reviewed_on: None,
                    school: "Oak Primary".into(),
                },
            ),
            council(d(2024, 2, 1), EventKind::CeaseProposed),
            council(d(2024, 2, 15), EventKind::CeaseConsultationHeld),
            council(
                d(2024, 3, 1),
                EventKind::CeaseDecided {
                    ground: CeaseGround::NoLongerNecessary,
                    notice: DecisionNotice::complete("needs met without a plan"),
                },
            ),
            council(ceased_on, EventKind::PlanCeased),
        ])
    };
    assert_eq!(
        bad_rule(with(d(2024, 4, 14))),
        Some(RuleId::CeasePendingAppeal),
        "44 days after the notice"
    );
    assert_eq!(
        bad_rule(with(d(2024, 5, 1))),
        Some(RuleId::CeasePendingAppeal),
        "the nominal last day to appeal"
    );
    assert!(with(d(2024, 5, 2)).is_ok(), "the day after");
}

/// T-APPEAL-2M-1M: an appeal lodged years after the decision is past the
/// limit under any calendar and refused on read-back.
#[test]
fn t_appeal_2m_1m_an_appeal_six_years_late_is_refused_on_read_back() {
    use send_pathway::pathway::{AppealGrounds, DecisionNotice, DisputeId, MediationChoice};
    use send_pathway::rule::RuleId;
    let with = |lodged_on| {
        replay(vec![
            parent(
                d(2025, 1, 6),
                EventKind::AssessmentRequested {
                    agreement: send_pathway::pathway::ParentalAgreement::NotApplicable,
                },
            ),
            council(
                d(2025, 2, 10),
                EventKind::DecidedNotToAssess {
                    panel_on: d(2025, 2, 7),
                    notice: DecisionNotice::complete("needs can be met at SEN Support"),
                },
            ),
            parent(
                d(2025, 2, 20),
                EventKind::MediationAdviserContacted {
                    dispute: DisputeId::new(0),
                    choice: MediationChoice::Declined,
                },
            ),
            ev(
                d(2025, 2, 24),
                Actor::MediationAdviser,
                EventKind::MediationCertificateIssued {
                    dispute: DisputeId::new(0),
                },
            ),
            parent(
                lodged_on,
                EventKind::AppealLodged {
                    dispute: DisputeId::new(0),
                    grounds: AppealGrounds::NeedsOrProvision,
                },
            ),
        ])
    };
    assert_eq!(bad_rule(with(d(2031, 3, 3))), Some(RuleId::TAppeal2m1m));
    assert!(with(d(2025, 3, 20)).is_ok(), "in time");
}

/// EXC-5-4, EXC-8-2: a one-day "absence from the area" can never be the four
/// weeks the ground needs; a stored claim of one is refused on read-back.
#[test]
fn exc_absence_of_one_day_is_refused_on_read_back() {
    let (_, mut v) = stored();
    let claim = serde_json::json!({
        "on": "2025-01-20", "by": {"role": "council"}, "type": "exception_recorded",
        "claim": {"exception": "EXC-5-4", "ground": {"ground": "absence_from_area",
                  "absence": {"first": "2025-01-20", "last": "2025-01-20"}},
                  "facts": "away", "impractical_because": "not seen"}
    });
    history(&mut v).insert(2, claim);
    let err = read(v).unwrap_err();
    assert!(
        err.to_string().contains("at least 28 continuous days"),
        "{err}"
    );
}

/// Obligations worked out at the last event never disagree with a fresh
/// replay on a later day: a clock the table could not place then (the time
/// to appeal a "no", past the table's end) has closed by the day asked.
#[test]
fn cached_obligations_agree_with_a_fresh_replay_on_a_later_day() {
    use send_pathway::calendar::HolidayCalendar;
    use send_pathway::pathway::DecisionNotice;
    let short = HolidayCalendar::new(2024, 2025, Vec::new()).unwrap();
    let (mut case, _) = Case::open(
        child(d(2016, 3, 1)),
        LocalPolicy::statutory("Anytown"),
        parent(
            d(2025, 6, 2),
            EventKind::AssessmentRequested {
                agreement: send_pathway::pathway::ParentalAgreement::NotApplicable,
            },
        ),
        &short,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 11, 17),
            EventKind::DecidedNotToAssess {
                panel_on: d(2025, 11, 14),
                notice: DecisionNotice::complete("needs can be met at SEN Support"),
            },
        ),
        &short,
    )
    .unwrap();
    assert!(
        case.obligations(d(2025, 11, 18), &short).is_err(),
        "the time to appeal runs past the table"
    );
    let later = d(2026, 6, 1);
    let fresh = Case::replay(
        case.child().clone(),
        case.policy().clone(),
        case.history().to_vec(),
    )
    .unwrap();
    let expected = fresh.obligations(later, &short).unwrap();
    assert_eq!(case.obligations(later, &short).unwrap(), expected);
    let mut each = Vec::new();
    case.for_each_obligation(later, &short, |o| each.push(o))
        .unwrap();
    assert_eq!(each, expected);
}
