//! Every deserialisable type fed tampered JSON, and valid values round-tripped.

use std::collections::BTreeSet;
use std::fmt::Debug;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde::de::DeserializeOwned;
use serde::Serialize;

use send_pathway::advice::{AdviceRequest, AdviceType, AssessmentAdvice};
use send_pathway::asc::{
    AdditionalSupportContract, AscDecision, AscEvidence, AscRequest, AscRequester, AwardsToDate,
    EhcPlanStatus, Moderation, OfficerDecision, PanelAdvice, Robustness, SetupMeeting,
};
use send_pathway::calendar::{
    BankHoliday, ClosedPeriod, Closure, HolidayCalendar, Term, TermCalendar, TermName,
};
use send_pathway::chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use send_pathway::deadlines::{self, MediationCertificate};
use send_pathway::exceptions::{ExceptionClaim, ExceptionGround, ExceptionId};
use send_pathway::nsm::{
    AscRoute, ChildAttendance, FacilitatingService, Facilitator, FamilyResponse, Invitee,
    MeetingLength, MeetingPlan, NextStepsMeeting, Nominator, PanelNotes, PanelOutcome, Venue,
};
use send_pathway::pathway::{Case, CaseRecord, SCHEMA_VERSION_WITHOUT_DAYS};
use send_pathway::{strategies, Deadline, LocalPolicy, Pounds, RuleId, Warning};

use super::harness::{bounded, samples};
use super::tamper::{round_trip, tamper, Mutant, Tally, UNKNOWN_FIELD};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn at(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("valid time"))
}

/// `n` values drawn deterministically from `strategy`.
fn draw<S: Strategy>(strategy: S, n: usize) -> Vec<S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..n)
        .filter_map(|_| strategy.new_tree(&mut runner).ok().map(|t| t.current()))
        .collect()
}

/// Tamper with each value; accepted mutants pass `check`.
fn tamper_all<T>(
    label: &str,
    values: &[T],
    check: impl Fn(&T, &Mutant) -> bool,
    report: &mut Vec<String>,
    findings: &mut Vec<String>,
) -> Tally
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let mut tally = Tally::default();
    for v in values {
        tally.add(tamper(v, &check, findings));
    }
    report.push(format!("  {label}: {tally}"));
    tally
}

fn anything<T>(_: &T, _: &Mutant) -> bool {
    true
}

fn finish(name: &str, report: Vec<String>, findings: Vec<String>, total: Tally) -> String {
    for line in &report {
        println!("robustness {name}:{line}");
    }
    // An unknown field accepted and dropped is a known bug, pinned by
    // `unknown_fields_are_errors_in_every_nested_type`:
    // counted here, not failed. Anything else accepted with data changed
    // through a duplicated key fails.
    let (unknown, other): (Vec<&String>, Vec<&String>) =
        findings.iter().partition(|f| f.starts_with(UNKNOWN_FIELD));
    let unique: BTreeSet<&String> = unknown.iter().copied().collect();
    for f in unique.iter().take(5) {
        println!(
            "robustness {name}: FINDING {}",
            f.chars().take(300).collect::<String>()
        );
    }
    assert!(
        other.is_empty(),
        "{name}: {} tampered records were accepted with data silently dropped; first: {:?}",
        other.len(),
        other.first()
    );
    format!(
        "{total}; {} with an unknown nested field accepted (known bug)",
        unknown.len()
    )
}

fn cases(n: usize) -> Vec<Case> {
    draw(strategies::case(12), n)
}

/// CaseRecord: the mutant must be rejected by the deserialiser or by
/// `into_case`, or come back from `into_case` as exactly the mutant record.
#[test]
fn tampered_case_records_are_rejected_or_read_back_identical() {
    bounded("case records", || {
        let cal = HolidayCalendar::england_and_wales();
        let (mut report, mut findings) = (Vec::new(), Vec::new());
        let mut total = Tally::default();
        for case in cases(samples()) {
            let record = CaseRecord::from(&case);
            let policy = case.policy().clone();
            // The valid record reads back to the same case.
            let back = round_trip(&record)
                .into_case(&cal, &policy)
                .expect("a valid record reads back");
            assert_eq!(back, case, "CaseRecord round trip through into_case");
            total.round_trips += 1;
            let check = |read: &CaseRecord, _: &Mutant| match read.clone().into_case(&cal, &policy)
            {
                Err(e) => {
                    assert!(!e.to_string().is_empty());
                    false
                }
                Ok(case) => {
                    let mut written = CaseRecord::from(&case);
                    if read.schema_version == SCHEMA_VERSION_WITHOUT_DAYS {
                        // A record of the first version is written again with
                        // its entries' days filled in; nothing else changes.
                        written.schema_version = read.schema_version;
                        for (w, r) in written.compliance.iter_mut().zip(&read.compliance) {
                            w.holidays.clone_from(&r.holidays);
                        }
                    }
                    assert_eq!(&written, read, "into_case lost or invented something");
                    true
                }
            };
            total.add(tamper_all(
                &format!("CaseRecord ({} events)", record.history.len()),
                std::slice::from_ref(&record),
                check,
                &mut report,
                &mut findings,
            ));
        }
        finish("case records", report, findings, total)
    });
}

/// Event, Sen2Record, ComplianceEntry and Obligation, from generated cases.
#[test]
fn tampered_case_parts_are_rejected_or_read_back_identical() {
    bounded("case parts", || {
        let cal = HolidayCalendar::england_and_wales();
        let (mut report, mut findings) = (Vec::new(), Vec::new());
        let mut total = Tally::default();
        let cases = cases(samples() * 4);
        let mut seen = BTreeSet::new();
        let mut events = Vec::new();
        let (mut sen2, mut compliance, mut obligations) = (Vec::new(), Vec::new(), Vec::new());
        for case in &cases {
            for e in case.history() {
                // One event of each type per run (the long run sees more cases).
                if seen.insert(e.kind.name()) {
                    events.push(e.clone());
                }
            }
            sen2.extend(case.sen2_records().iter().take(1).copied());
            compliance.extend(case.compliance().iter().take(2).cloned());
            if let Some(last) = case.last_event_on() {
                if let Ok(o) = case.obligations(last, &cal) {
                    obligations.extend(o.into_iter().take(2));
                }
            }
        }
        total.add(tamper_all(
            "Event",
            &events,
            anything,
            &mut report,
            &mut findings,
        ));
        total.add(tamper_all(
            "Sen2Record",
            &sen2,
            anything,
            &mut report,
            &mut findings,
        ));
        total.add(tamper_all(
            "ComplianceEntry",
            &compliance,
            anything,
            &mut report,
            &mut findings,
        ));
        total.add(tamper_all(
            "Obligation",
            &obligations,
            anything,
            &mut report,
            &mut findings,
        ));
        finish("case parts", report, findings, total)
    });
}

fn small_calendar() -> HolidayCalendar {
    HolidayCalendar::new(
        2025,
        2025,
        [
            BankHoliday::new(d(2025, 1, 1), "New Year's Day"),
            BankHoliday::new(d(2025, 4, 18), "Good Friday"),
            BankHoliday::new(d(2025, 12, 25), "Christmas Day"),
        ],
    )
    .expect("valid calendar")
}

/// HolidayCalendar, TermCalendar, Term, Closure (each accepted Term and
/// Closure still has its dates in order).
#[test]
fn tampered_calendars_are_rejected_or_read_back_identical() {
    bounded("calendars", || {
        let (mut report, mut findings) = (Vec::new(), Vec::new());
        let mut total = Tally::default();
        let mut holidays = vec![small_calendar()];
        // The built-in table has ~170 holidays (~9,800 mutants, each building
        // a 21-year table): long runs only.
        if super::harness::cases() >= 500 {
            holidays.push(HolidayCalendar::england_and_wales());
        }
        total.add(tamper_all(
            "HolidayCalendar",
            &holidays,
            anything,
            &mut report,
            &mut findings,
        ));
        let mut terms = draw(strategies::term_calendar(), samples());
        terms.push(
            TermCalendar::new(
                vec![
                    Term::new(TermName::Spring, d(2025, 1, 6), d(2025, 4, 4)).expect("term"),
                    Term::new(TermName::Summer, d(2025, 4, 22), d(2025, 7, 22)).expect("term"),
                ],
                vec![Closure::new(d(2025, 5, 26), d(2025, 5, 30), "half term").expect("closure")],
            )
            .expect("calendar"),
        );
        total.add(tamper_all(
            "TermCalendar",
            &terms,
            anything,
            &mut report,
            &mut findings,
        ));
        let term_values: Vec<Term> = terms
            .iter()
            .flat_map(|t| t.terms().iter().take(2).copied())
            .collect();
        total.add(tamper_all(
            "Term",
            &term_values,
            |t: &Term, _: &Mutant| {
                assert!(
                    t.dates.first() <= t.dates.last(),
                    "term dates out of order: {t:?}"
                );
                true
            },
            &mut report,
            &mut findings,
        ));
        let closures: Vec<Closure> = terms
            .iter()
            .flat_map(|t| t.closures().iter().take(2).cloned())
            .collect();
        total.add(tamper_all(
            "Closure",
            &closures,
            |c: &Closure, _: &Mutant| {
                assert!(
                    c.dates.first() <= c.dates.last(),
                    "closure out of order: {c:?}"
                );
                true
            },
            &mut report,
            &mut findings,
        ));
        finish("calendars", report, findings, total)
    });
}

fn claims() -> Vec<ExceptionClaim> {
    vec![
        ExceptionClaim::new(
            ExceptionId::Exc8_2,
            ExceptionGround::MissedAppointment {
                appointment_on: d(2025, 3, 10),
            },
            "missed clinic 10 March",
            "no clinic until April",
        )
        .expect("claim"),
        ExceptionClaim::new(
            ExceptionId::Exc13_3,
            ExceptionGround::ExceptionalPersonalCircumstances,
            "bereavement",
            "family unavailable",
        )
        .expect("claim"),
        ExceptionClaim::new(
            ExceptionId::Exc5_4,
            ExceptionGround::SchoolClosure {
                advice_requested_on: d(2025, 7, 10),
                closure: ClosedPeriod {
                    first_closed: d(2025, 7, 23),
                    reopens: d(2025, 9, 3),
                },
            },
            "summer closure",
            "school closed",
        )
        .expect("claim"),
    ]
}

fn deadlines_sample() -> Vec<Deadline> {
    let cal = HolidayCalendar::england_and_wales();
    let x = d(2025, 1, 6);
    let mut v: Vec<Deadline> = [
        deadlines::final_plan_due(x, &cal),
        deadlines::draft_representations_window(x, &cal),
        deadlines::school_consultation_reply_due(x, &cal),
        deadlines::review_due(x, Default::default(), &cal),
        deadlines::appeal_due(x, MediationCertificate::Issued(d(2025, 2, 20)), &cal),
        deadlines::phase_transfer_due(
            d(2026, 9, 1),
            deadlines::PhaseTransfer::PrimaryToSecondary,
            Default::default(),
            &cal,
        ),
    ]
    .into_iter()
    .filter_map(Result::ok)
    .collect();
    v.truncate(6);
    v
}

/// Pounds, ExceptionClaim, Warning, RuleId, LocalPolicy, Deadline.
#[test]
fn tampered_values_are_rejected_or_read_back_identical() {
    bounded("values", || {
        let (mut report, mut findings) = (Vec::new(), Vec::new());
        let mut total = Tally::default();
        let pounds: Vec<Pounds> = ["0", "0.01", "2000", "6000.50", "79228162514264337593543950"]
            .iter()
            .filter_map(|s| s.parse().ok())
            .collect();
        total.add(tamper_all(
            "Pounds",
            &pounds,
            |p: &Pounds, _: &Mutant| {
                assert_eq!(Pounds::new(p.amount()).ok(), Some(*p), "Pounds invariant");
                true
            },
            &mut report,
            &mut findings,
        ));
        total.add(tamper_all(
            "ExceptionClaim",
            &claims(),
            |c: &ExceptionClaim, _: &Mutant| {
                let again = ExceptionClaim::new(
                    c.exception(),
                    *c.ground(),
                    c.facts(),
                    c.impractical_because(),
                );
                assert_eq!(again.as_ref(), Ok(c), "ExceptionClaim invariant");
                true
            },
            &mut report,
            &mut findings,
        ));
        let warnings: Vec<Warning> = RuleId::ALL
            .iter()
            .take(3)
            .map(|r| Warning::new(*r, format!("about {r}")))
            .collect();
        total.add(tamper_all(
            "Warning",
            &warnings,
            anything,
            &mut report,
            &mut findings,
        ));
        total.add(tamper_all(
            "RuleId",
            RuleId::ALL,
            anything,
            &mut report,
            &mut findings,
        ));
        let mut policies = vec![
            LocalPolicy::statutory("Anytown"),
            LocalPolicy::sutton(),
            LocalPolicy::salford(),
        ];
        policies.extend(draw(strategies::policy(), samples()));
        total.add(tamper_all(
            "LocalPolicy",
            &policies,
            anything,
            &mut report,
            &mut findings,
        ));
        total.add(tamper_all(
            "Deadline",
            &deadlines_sample(),
            anything,
            &mut report,
            &mut findings,
        ));
        finish("values", report, findings, total)
    });
}

fn two() -> Pounds {
    Pounds::whole(2_000).expect("amount")
}

fn funded_contract() -> AdditionalSupportContract {
    let terms = TermCalendar::new(
        vec![Term::new(TermName::Summer, d(2025, 4, 22), d(2025, 7, 22)).expect("term")],
        vec![],
    )
    .expect("calendar");
    let mut c = AdditionalSupportContract::request(
        AscRequest {
            child: "CYP".into(),
            setting: "School".into(),
            requested_by: AscRequester::PanelAfterAssessment,
            received_on: d(2025, 4, 1),
            plan: EhcPlanStatus::NoPlan,
            evidence: AscEvidence {
                notional_budget_spent: Pounds::whole(6_000).expect("amount"),
                use_of_notional_budget: "x".into(),
                reason_for_more: "x".into(),
                apdr_evidence: "x".into(),
                smart_outcomes: vec!["x".into()],
                family_involvement: "x".into(),
            },
            requested_per_term: two(),
        },
        &LocalPolicy::sutton(),
    )
    .expect("request");
    c.record_setup_meeting(SetupMeeting {
        held_on: d(2025, 4, 2),
        targets: vec!["t".into()],
        impact_measures: "m".into(),
        planned_use: "u".into(),
        planned_amount: two(),
    })
    .expect("meeting");
    c.record_decision(AscDecision::new(
        PanelAdvice {
            panel_date: d(2025, 4, 3),
            targets: Robustness::Robust,
            recommended_per_term: two(),
        },
        OfficerDecision::Approved {
            officer: "o".into(),
            decided_on: d(2025, 4, 3),
            per_term: two(),
        },
    ))
    .expect("decision");
    let summer = terms.terms()[0].id();
    c.fund_term(
        &terms,
        summer,
        two(),
        d(2025, 4, 22),
        Moderation::NotModerated,
        &AwardsToDate::none(),
    )
    .expect("funded");
    c
}

/// AdditionalSupportContract and AwardsToDate, hand-built and from cases.
#[test]
fn tampered_asc_records_are_rejected_or_read_back_identical() {
    bounded("asc", || {
        let (mut report, mut findings) = (Vec::new(), Vec::new());
        let mut total = Tally::default();
        let mut contracts = vec![funded_contract()];
        for case in cases(samples() * 4) {
            contracts.extend(
                case.contracts()
                    .iter()
                    .take(1)
                    .map(|t| t.contract().clone()),
            );
            if contracts.len() > samples() + 1 {
                break;
            }
        }
        total.add(tamper_all(
            "AdditionalSupportContract",
            &contracts,
            anything,
            &mut report,
            &mut findings,
        ));
        let awards: Vec<AwardsToDate> = vec![
            AwardsToDate::none(),
            AwardsToDate::from_contracts(contracts.iter()).expect("awards"),
        ];
        total.add(tamper_all(
            "AwardsToDate",
            &awards,
            anything,
            &mut report,
            &mut findings,
        ));
        finish("asc", report, findings, total)
    });
}

fn meeting() -> NextStepsMeeting {
    let school = TermCalendar::new(
        vec![Term::new(TermName::Summer, d(2025, 4, 22), d(2025, 7, 22)).expect("term")],
        vec![],
    )
    .expect("calendar");
    let plan = MeetingPlan {
        notes: PanelNotes {
            panel: d(2025, 4, 15),
            outcome: PanelOutcome::NoToAssess,
            facilitator: Facilitator {
                name: "Dr A. Patel".into(),
                service: FacilitatingService::EducationalPsychology,
                named_by: Nominator::PrincipalEducationalPsychologist,
            },
            invitees: vec![
                Invitee::Setting {
                    name: "Oak Primary".into(),
                },
                Invitee::ChildOrYoungPerson {
                    attendance: ChildAttendance::ToBeConfirmed,
                },
                Invitee::ParentOrCarer {
                    name: "Ms Jones".into(),
                },
                Invitee::EhcpCoordinator {
                    name: "Sam Lee".into(),
                },
            ],
            suggested_next_steps: vec!["new SEND Support Plan".into()],
            asc_route: AscRoute::Authorised,
        },
        setting_contacted_on: d(2025, 4, 17),
        start: at(d(2025, 4, 28), 10, 0),
        length: MeetingLength::minutes(90).expect("length"),
        venue: Venue::School,
        agenda_circulated_on: d(2025, 4, 23),
        family: FamilyResponse::Accepted(d(2025, 4, 17)),
    };
    NextStepsMeeting::schedule(plan, &HolidayCalendar::england_and_wales(), &school)
        .expect("scheduled")
        .0
}

fn advice_request() -> AdviceRequest {
    let mut req = AdviceRequest::issue(
        AdviceType::Educational,
        "Oak Primary",
        "SENCO",
        d(2025, 10, 1),
    )
    .expect("issued");
    req.record_receipt_by_body(d(2025, 10, 2))
        .expect("received");
    req.record_advice(d(2025, 11, 1)).expect("advice");
    req.claim_exception(claims().remove(0)).expect("claim");
    req
}

/// NextStepsMeeting, AssessmentAdvice, AdviceRequest.
#[test]
fn tampered_meetings_and_advice_are_rejected_or_read_back_identical() {
    bounded("nsm and advice", || {
        let (mut report, mut findings) = (Vec::new(), Vec::new());
        let mut total = Tally::default();
        total.add(tamper_all(
            "NextStepsMeeting",
            &[meeting()],
            anything,
            &mut report,
            &mut findings,
        ));
        let requests = vec![
            advice_request(),
            AdviceRequest::issue(AdviceType::Medical, "NHS", "mailbox", d(2025, 10, 1))
                .expect("issued"),
        ];
        total.add(tamper_all(
            "AdviceRequest",
            &requests,
            anything,
            &mut report,
            &mut findings,
        ));
        let facts = send_pathway::advice::AdviceNeedsFacts {
            date_of_birth: d(2015, 10, 1),
            sensory_impairment: send_pathway::advice::SensoryImpairment::None,
            council_considers_appropriate: vec!["speech therapist".into()],
            requested_by_family: vec![],
        };
        let required =
            send_pathway::advice::required_advice(&facts, d(2025, 10, 1)).expect("required");
        let mut assessment = AssessmentAdvice::new(required);
        assessment.add_request(advice_request()).expect("added");
        let mut advice = vec![assessment];
        for case in cases(samples() * 4) {
            if let Some(a) = case.phase().assessment().and_then(|a| a.advice()) {
                advice.push(a.clone());
            }
            if advice.len() > samples() + 1 {
                break;
            }
        }
        total.add(tamper_all(
            "AssessmentAdvice",
            &advice,
            anything,
            &mut report,
            &mut findings,
        ));
        finish("nsm and advice", report, findings, total)
    });
}

/// Where an unknown field added to one of `value`'s objects is accepted.
fn unknown_field_accepted<T>(value: &T) -> Vec<String>
where
    T: Serialize + DeserializeOwned,
{
    let root = serde_json::to_value(value).expect("serialises");
    super::tamper::mutants(&root)
        .into_iter()
        .filter(|m| m.how.contains("zz_unknown_field"))
        .filter(|m| serde_json::from_str::<T>(&m.text).is_ok())
        .map(|m| format!("{}: {}", std::any::type_name::<T>(), m.how))
        .collect()
}

/// Unknown fields are errors at every level of every stored type (the
/// crate's standard: `deny_unknown_fields`), so nothing is silently dropped.
#[test]
fn unknown_fields_are_errors_in_every_nested_type() {
    let mut accepted = Vec::new();
    for d in deadlines_sample() {
        accepted.extend(unknown_field_accepted(&d));
    }
    for c in claims() {
        accepted.extend(unknown_field_accepted(&c));
    }
    let term = Term::new(TermName::Summer, d(2025, 4, 22), d(2025, 7, 22)).expect("term");
    accepted.extend(unknown_field_accepted(&term));
    let closure = Closure::new(d(2025, 5, 26), d(2025, 5, 30), "half term").expect("closure");
    accepted.extend(unknown_field_accepted(&closure));
    accepted.extend(unknown_field_accepted(&advice_request()));
    accepted.extend(unknown_field_accepted(&funded_contract()));
    let awards = AwardsToDate::from_contracts([funded_contract()].iter()).expect("awards");
    accepted.extend(unknown_field_accepted(&awards));
    for case in cases(4) {
        for entry in case.compliance() {
            accepted.extend(unknown_field_accepted(entry));
        }
    }
    assert!(
        accepted.is_empty(),
        "unknown fields accepted:\n{}",
        accepted.join("\n")
    );
}

/// A compliance history tied to its acts: relabelled, moved, duplicated,
/// dropped or emptied entries, and numeric event tags, are each refused.
#[test]
fn records_with_compliance_or_tags_tampered_are_refused() {
    bounded("record mutations", || {
        let cal = HolidayCalendar::england_and_wales();
        let mut tried = 0usize;
        for case in cases(samples()) {
            let record = CaseRecord::from(&case);
            let policy = case.policy().clone();
            let root = serde_json::to_value(&record).expect("serialises");
            for mutant in super::tamper::record_mutations(&root) {
                tried += 1;
                let verdict = serde_json::from_str::<CaseRecord>(&mutant.text)
                    .map_err(|e| e.to_string())
                    .and_then(|r| r.into_case(&cal, &policy).map_err(|e| e.to_string()));
                assert!(verdict.is_err(), "accepted: {}", mutant.how);
            }
        }
        format!("record mutations: {tried} refused")
    });
}
