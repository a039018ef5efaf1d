//! A stored case is read back as it was under any later policy or calendar:
//! every event is replayed under the policy it was applied under, recorded
//! in the case's policy history (public API only).

mod common;

use common::*;
use proptest::prelude::*;
use send_pathway::calendar::{BankHoliday, HolidayCalendar};
use send_pathway::deadlines::{ReviewDueReading, UnderFiveInterval};
use send_pathway::pathway::{Case, CaseRecord, DecisionNotice, EventKind, ParentalAgreement};
use send_pathway::policy::{AscScheme, NsmOffer};
use send_pathway::strategies;
use send_pathway::{Error, LocalPolicy};

fn salford_without_nsm() -> LocalPolicy {
    let mut p = LocalPolicy::salford();
    p.nsm = NsmOffer::NotOffered;
    p
}

/// A "no" to assess decided while the council offered no Next Steps Meeting.
fn refused_under(policy: LocalPolicy) -> Case {
    let cal = cal();
    let (mut case, _) = Case::open(
        child(d(2016, 3, 1)),
        policy,
        parent(
            d(2025, 1, 6),
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        ),
        &cal,
    )
    .unwrap();
    case.apply(
        council(
            d(2025, 2, 10),
            EventKind::DecidedNotToAssess {
                panel_on: d(2025, 2, 7),
                notice: DecisionNotice::complete("needs can be met at SEN Support"),
            },
        ),
        &cal,
    )
    .unwrap();
    case
}

fn round_trip(record: &CaseRecord) -> CaseRecord {
    serde_json::from_str(&serde_json::to_string(record).unwrap()).unwrap()
}

/// NSM-SALFORD, NSM-WHEN: the offer the policy made on the day stands.
#[test]
fn nsm_when_no_meeting_offered_then_none_appears_under_a_later_policy() {
    let case = refused_under(salford_without_nsm());
    assert!(case.meetings().is_empty(), "no NSM while none was offered");
    let record = round_trip(&CaseRecord::from(&case));
    let back = record.into_case(&cal(), &LocalPolicy::salford()).unwrap();
    assert!(
        back.meetings().is_empty(),
        "reading back under today's policy grows no meeting"
    );
    assert_eq!(back.history(), case.history());
    assert_eq!(back.compliance(), case.compliance());
    assert_eq!(back.state(), case.state());
    // The new policy governs what comes after.
    let policies: Vec<_> = back.policies().collect();
    assert_eq!(policies.len(), 2);
    assert_eq!(policies[0], (1, &salford_without_nsm()));
    assert_eq!(policies[1], (3, &LocalPolicy::salford()));
    // And a record written again keeps only the policies that governed events.
    let again = CaseRecord::from(&back);
    assert_eq!(again.policies.len(), 1);
    assert_eq!(again.policies[0].policy(), &salford_without_nsm());
}

/// NSM-WHEN: a meeting offered under the old policy is kept after the policy stops offering them.
#[test]
fn nsm_when_a_meeting_offered_stays_after_the_policy_stops_offering() {
    let case = refused_under(LocalPolicy::salford());
    assert_eq!(case.meetings().len(), 1);
    let back = CaseRecord::from(&case)
        .into_case(&cal(), &salford_without_nsm())
        .unwrap();
    assert_eq!(back.meetings(), case.meetings());
}

/// ASC-SCOPE: contracts made while the scheme ran read back after it is switched off,
/// and the switched-off scheme governs new requests.
#[test]
fn asc_scope_contracts_read_back_after_the_scheme_is_switched_off() {
    let cal = cal();
    let terms = terms();
    let calendars = send_pathway::pathway::Calendars::new(&cal, &terms);
    let mut case = refused_under(LocalPolicy::sutton());
    case.apply(
        council(d(2025, 2, 12), EventKind::ReturnedToSenSupport),
        calendars,
    )
    .unwrap();
    let request = |on| {
        council(
            on,
            EventKind::AscRequested {
                request: Box::new(asc_request(
                    on,
                    send_pathway::asc::AscRequester::PanelOnAssessmentRequest,
                )),
            },
        )
    };
    case.apply(request(d(2025, 2, 14)), calendars).unwrap();
    assert_eq!(case.contracts().len(), 1);
    let mut off = LocalPolicy::sutton();
    off.asc = AscScheme::NotAvailable;
    let mut back = CaseRecord::from(&case).into_case(&cal, &off).unwrap();
    assert_eq!(back.contracts(), case.contracts());
    assert_eq!(back.policy(), &off);
    // The scheme is off from now on: once this contract ends, no new one.
    back.apply(
        council(
            d(2025, 2, 18),
            EventKind::AscEnded {
                contract: send_pathway::pathway::ContractId::new(0),
                support_still_needed: send_pathway::asc::SupportStillNeeded::Yes,
            },
        ),
        calendars,
    )
    .unwrap();
    let refused = back.apply(request(d(2025, 2, 20)), calendars);
    assert_eq!(rule_of(refused), Some(send_pathway::rule::RuleId::AscScope));
}

#[test]
fn set_policy_refuses_another_council() {
    let mut case = refused_under(LocalPolicy::sutton());
    let err = case.set_policy(LocalPolicy::salford()).unwrap_err();
    assert!(matches!(err, Error::InconsistentRecord { .. }), "{err}");
    assert!(err.to_string().contains("transfer"), "{err}");
}

fn read(v: serde_json::Value) -> Result<Case, String> {
    let record: CaseRecord = serde_json::from_value(v).map_err(|e| e.to_string())?;
    record
        .into_case(&cal(), &LocalPolicy::salford())
        .map_err(|e| e.to_string())
}

/// Tampering with the policy history is refused: out of order, not from
/// event 1, past the history, another council's, or a repeat.
#[test]
fn a_tampered_policy_history_is_refused() {
    let mut case = refused_under(salford_without_nsm());
    case.set_policy(LocalPolicy::salford()).unwrap();
    case.apply(
        council(d(2025, 2, 12), EventKind::ReturnedToSenSupport),
        &cal(),
    )
    .unwrap();
    let v = serde_json::to_value(CaseRecord::from(&case)).unwrap();
    assert_eq!(v["policies"].as_array().unwrap().len(), 2);
    assert!(read(v.clone()).is_ok());
    let tampered = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut t = v.clone();
        f(&mut t);
        read(t)
    };
    let err = tampered(&|t| t["policies"][0]["from_event"] = 2.into()).unwrap_err();
    assert!(err.contains("event 1"), "{err}");
    assert!(tampered(&|t| t["policies"][0]["from_event"] = 0.into()).is_err());
    assert!(tampered(&|t| t["policies"][1]["from_event"] = 1.into()).is_err());
    let err = tampered(&|t| t["policies"][1]["from_event"] = 9.into()).unwrap_err();
    assert!(err.contains("the history has 3 events"), "{err}");
    assert!(tampered(&|t| t["policies"][1]["policy"]["council"] = "Sutton".into()).is_err());
    assert!(tampered(&|t| t["policies"][1] = t["policies"][0].clone()).is_err());
    assert!(tampered(&|t| t["policies"] = serde_json::json!([])).is_err());
    assert!(tampered(&|t| t["policies"][0]["extra"] = 1.into()).is_err());
    // A version-2 record has no policy history to carry.
    assert!(tampered(&|t| t["schema_version"] = 2.into()).is_err());
    let mut old = v.clone();
    old["schema_version"] = 2.into();
    old.as_object_mut().unwrap().remove("policies");
    let back = read(old).unwrap();
    assert_eq!(
        back.policies().count(),
        1,
        "a version-2 record is replayed under the caller's policy"
    );
}

/// A policy that differs in every field, for the same council.
fn other_policy(p: &LocalPolicy) -> LocalPolicy {
    let mut q = p.clone();
    q.nsm = match p.nsm {
        NsmOffer::Automatic => NsmOffer::NotOffered,
        _ => NsmOffer::Automatic,
    };
    q.asc = match p.asc {
        AscScheme::Available => AscScheme::NotAvailable,
        _ => AscScheme::Available,
    };
    q.review_due = match p.review_due {
        ReviewDueReading::Anniversary => ReviewDueReading::TwelveMonthsStartingWith,
        _ => ReviewDueReading::Anniversary,
    };
    q.under_five_interval = UnderFiveInterval::months(4).unwrap();
    q
}

/// A calendar with a bank holiday on every Wednesday of 2025 that is not one already.
fn other_calendar() -> HolidayCalendar {
    let mut cal = HolidayCalendar::england_and_wales();
    let mut day = d(2025, 1, 1);
    while day.year_ce().1 == 2025 {
        if cal.holiday_on(day).is_none() {
            cal.add_holiday(BankHoliday::new(day, "council closure"))
                .unwrap();
        }
        day = day + chrono::Days::new(7);
    }
    cal
}

use chrono::Datelike;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Read back under a policy and a calendar that both differ from those
    /// the case was built with, every case is what it was: the same history,
    /// compliance and state; only later events follow the new policy.
    #[test]
    fn read_back_under_another_policy_and_calendar_is_as_it_was(case in strategies::case(16)) {
        let record = round_trip(&CaseRecord::from(&case));
        let policy = other_policy(case.policy());
        let back = record.into_case(&other_calendar(), &policy);
        prop_assert!(back.is_ok(), "{:?}", back.err());
        let Ok(back) = back else { return Ok(()) };
        prop_assert_eq!(back.history(), case.history());
        prop_assert_eq!(back.compliance(), case.compliance());
        prop_assert_eq!(back.state(), case.state());
        prop_assert_eq!(back.policy(), &policy);
        let first = back.policies().next();
        prop_assert_eq!(first, Some((1, case.policy())));
    }
}
