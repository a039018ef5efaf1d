//! Stored Additional Support Contracts and per-child tallies are re-checked on
//! the way in (public API only).

use chrono::NaiveDate;
use send_pathway::asc::*;
use send_pathway::calendar::{AcademicYear, Term, TermCalendar, TermId, TermName};
use send_pathway::money::Pounds;
use send_pathway::LocalPolicy;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn gbp(n: i64) -> Pounds {
    Pounds::whole(n).expect("valid amount")
}

fn contract() -> AdditionalSupportContract {
    let terms = TermCalendar::new(
        vec![Term::new(TermName::Autumn, d(2025, 9, 3), d(2025, 12, 19)).unwrap()],
        vec![],
    )
    .unwrap();
    let mut c = AdditionalSupportContract::request(
        AscRequest {
            child: "CYP".into(),
            setting: "School".into(),
            requested_by: AscRequester::PanelAfterAssessment,
            received_on: d(2025, 7, 1),
            plan: EhcPlanStatus::NoPlan,
            evidence: AscEvidence {
                notional_budget_spent: gbp(6_000),
                use_of_notional_budget: "x".into(),
                reason_for_more: "x".into(),
                apdr_evidence: "x".into(),
                smart_outcomes: vec!["x".into()],
                family_involvement: "x".into(),
            },
            requested_per_term: gbp(1_500),
        },
        &LocalPolicy::sutton(),
    )
    .unwrap();
    c.record_setup_meeting(SetupMeeting {
        held_on: d(2025, 7, 2),
        targets: vec!["t".into()],
        impact_measures: "m".into(),
        planned_use: "u".into(),
        planned_amount: gbp(1_500),
    })
    .unwrap();
    c.record_decision(AscDecision::new(
        PanelAdvice {
            panel_date: d(2025, 7, 3),
            targets: Robustness::Robust,
            recommended_per_term: gbp(1_500),
        },
        OfficerDecision::Approved {
            officer: "o".into(),
            decided_on: d(2025, 7, 3),
            per_term: gbp(1_500),
        },
    ))
    .unwrap();
    let autumn = terms.terms()[0].id();
    c.fund_term(
        &terms,
        autumn,
        gbp(1_500),
        d(2025, 9, 3),
        Moderation::NotModerated,
        &AwardsToDate::none(),
    )
    .unwrap();
    c
}

#[test]
fn asc_contract_round_trips() {
    let c = contract();
    let json = serde_json::to_string(&c).unwrap();
    assert!(json.contains("\"amount\":\"1500\""), "{json}");
    assert_eq!(
        serde_json::from_str::<AdditionalSupportContract>(&json).unwrap(),
        c
    );
}

#[test]
fn asc_termly_agreement_stored_term_dates_must_match_the_term() {
    // An Autumn term dated in May contradicts itself.
    let json = serde_json::to_string(&contract()).unwrap();
    let may = json
        .replace("\"2025-09-03\"", "\"2026-05-04\"")
        .replace("\"2025-12-19\"", "\"2026-05-29\"");
    assert_ne!(may, json);
    let err = serde_json::from_str::<AdditionalSupportContract>(&may).unwrap_err();
    assert!(err.to_string().contains("ASC-TERMLY-AGREEMENT"), "{err}");
}

#[test]
fn asc_records_refuse_unknown_fields() {
    let json = serde_json::to_string(&contract()).unwrap();
    for (from, to) in [
        ("{\"request\":", "{\"surprise\":1,\"request\":"),
        ("\"moderation\":", "\"paid_by\":\"x\",\"moderation\":"),
        ("\"officer\":\"o\"", "\"officer\":\"o\",\"note\":\"x\""),
        ("\"held_on\":", "\"venue\":\"x\",\"held_on\":"),
    ] {
        let tampered = json.replacen(from, to, 1);
        assert_ne!(tampered, json, "{from}");
        let err = serde_json::from_str::<AdditionalSupportContract>(&tampered).unwrap_err();
        assert!(err.to_string().contains("unknown field"), "{from}: {err}");
    }
}

#[test]
fn asc_zero_term_refused_in_storage() {
    // ASC-TERM-CAP: a stored £0 term is refused.
    let json = serde_json::to_string(&contract()).unwrap();
    let zero = json.replace("\"amount\":\"1500\"", "\"amount\":\"0\"");
    let err = serde_json::from_str::<AdditionalSupportContract>(&zero).unwrap_err();
    assert!(err.to_string().contains("ASC-TERM-CAP"), "{err}");
}

#[test]
fn asc_two_terms_and_caps_hold_when_a_tally_is_read_back() {
    let year = AcademicYear::starting(2025);
    let t = |name| TermId { year, name };
    let child: AwardsToDate = serde_json::from_str(
        &serde_json::to_string(&vec![
            (t(TermName::Autumn), gbp(1_000)),
            (t(TermName::Autumn), gbp(500)),
            (t(TermName::Spring), gbp(2_000)),
        ])
        .unwrap(),
    )
    .unwrap();
    assert_eq!(child.in_term(t(TermName::Autumn)), gbp(1_500));
    assert_eq!(child.in_year(year), gbp(3_500));
    assert_eq!(child.terms_funded(), 2);
    // ASC-TWO-TERMS: a third term.
    let three = serde_json::to_string(&vec![
        (t(TermName::Autumn), gbp(1_000)),
        (t(TermName::Spring), gbp(1_000)),
        (t(TermName::Summer), gbp(1_000)),
    ])
    .unwrap();
    let err = serde_json::from_str::<AwardsToDate>(&three).unwrap_err();
    assert!(err.to_string().contains("ASC-TWO-TERMS"), "{err}");
    // ASC-TERM-CAP: huge sums are refused, never kept as "the larger".
    let huge = serde_json::to_string(&vec![
        (t(TermName::Autumn), gbp(1_000_000_000_000)),
        (t(TermName::Autumn), gbp(1_000_000_000_000)),
    ])
    .unwrap();
    assert!(serde_json::from_str::<AwardsToDate>(&huge).is_err());
    let zero = serde_json::to_string(&vec![(t(TermName::Autumn), Pounds::ZERO)]).unwrap();
    assert!(serde_json::from_str::<AwardsToDate>(&zero).is_err());
}

#[test]
fn asc_two_terms_per_child_with_a_running_tally() {
    // ASC-TWO-TERMS across contracts: the case keeps one tally per child.
    let year = AcademicYear::starting(2025);
    let mut child = AwardsToDate::none();
    for contract in contract_terms() {
        child.add_term(contract.0, contract.1).unwrap();
    }
    let summer = TermId {
        year,
        name: TermName::Summer,
    };
    assert!(check_child_term(&child, summer, gbp(1)).is_err());
    let from_contracts = AwardsToDate::from_contracts([&contract()]).unwrap();
    assert_eq!(from_contracts.terms_funded(), 1);
}

fn contract_terms() -> Vec<(TermId, Pounds)> {
    let year = AcademicYear::starting(2025);
    vec![
        (
            TermId {
                year,
                name: TermName::Autumn,
            },
            gbp(2_000),
        ),
        (
            TermId {
                year,
                name: TermName::Spring,
            },
            gbp(2_000),
        ),
    ]
}
