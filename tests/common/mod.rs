//! Shared fixtures for the pathway integration tests (public API only).
#![allow(dead_code)]

use chrono::NaiveDate;
use send_pathway::advice::{AdviceType, SensoryImpairment};
use send_pathway::asc::{
    AscDecision, AscEvidence, AscRequest, AscRequester, EhcPlanStatus, OfficerDecision,
    PanelAdvice, Robustness, SetupMeeting,
};
use send_pathway::calendar::{HolidayCalendar, Term, TermCalendar, TermName};
use send_pathway::money::Pounds;
use send_pathway::pathway::*;
use send_pathway::{Error, LocalPolicy, RuleId};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

pub fn cal() -> HolidayCalendar {
    HolidayCalendar::england_and_wales()
}

pub fn child(dob: NaiveDate) -> Child {
    Child {
        reference: "CYP-1".into(),
        date_of_birth: dob,
        sensory_impairment: SensoryImpairment::None,
    }
}

pub fn ev(on: NaiveDate, by: Actor, kind: EventKind) -> Event {
    Event::new(on, by, kind)
}

pub fn council(on: NaiveDate, kind: EventKind) -> Event {
    ev(on, Actor::Council, kind)
}

pub fn parent(on: NaiveDate, kind: EventKind) -> Event {
    ev(on, Actor::Parent, kind)
}

/// The rule a refusal names, if it names one.
pub fn rule_of<T>(result: Result<T, Refused>) -> Option<RuleId> {
    match result {
        Err(Refused {
            error: Error::RuleBroken { rule, .. },
            ..
        }) => Some(rule),
        _ => None,
    }
}

/// Apply an event that must be refused: the case is unchanged, the event comes
/// back as it went in, and the rule it names is returned.
pub fn refused_rule(case: &mut Case, event: Event, cal: &HolidayCalendar) -> Option<RuleId> {
    let before = case.clone();
    let result = case.apply(event.clone(), cal);
    assert_eq!(*case, before, "a refused event leaves the case unchanged");
    match result {
        Ok(_) => panic!("{event} was accepted"),
        Err(refused) => {
            assert_eq!(refused.event, event, "the refused event is handed back");
            match refused.error {
                Error::RuleBroken { rule, .. } => Some(rule),
                _ => None,
            }
        }
    }
}

pub fn pounds(n: i64) -> Pounds {
    Pounds::whole(n).expect("money")
}

pub fn open_request(dob: NaiveDate, on: NaiveDate, cal: &HolidayCalendar) -> Case {
    Case::open(
        child(dob),
        LocalPolicy::sutton(),
        parent(
            on,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        ),
        cal,
    )
    .expect("request accepted")
    .0
}

/// A case opened with an existing plan (issued `issued_on`, loaded `on`).
pub fn with_plan(
    dob: NaiveDate,
    issued_on: NaiveDate,
    on: NaiveDate,
    cal: &HolidayCalendar,
) -> Case {
    Case::open(
        child(dob),
        LocalPolicy::sutton(),
        council(
            on,
            EventKind::ExistingPlanLoaded {
                issued_on,
                last_reviewed_on: None,
                school: "Oak Primary".into(),
            },
        ),
        cal,
    )
    .expect("plan loaded")
    .0
}

/// Case 1 of the worked timelines, up to the final plan (Fri 2025-05-23).
pub fn case_1_to_final(cal: &HolidayCalendar) -> Case {
    let mut case = open_request(d(2016, 3, 1), d(2025, 1, 6), cal);
    let mut apply = |e: Event| {
        case.apply(e, cal).expect("Case 1 event accepted");
    };
    apply(council(d(2025, 1, 8), EventKind::ConsideringNotified));
    apply(council(d(2025, 2, 14), EventKind::DecidedToAssess));
    for (t, body) in [
        (AdviceType::ParentOrYoungPerson, "Parent"),
        (AdviceType::Educational, "Oak Primary"),
        (AdviceType::Medical, "Community paediatrics"),
        (AdviceType::Psychological, "Cognus EPS"),
        (AdviceType::SocialCare, "CFCS"),
    ] {
        apply(council(
            d(2025, 2, 14),
            EventKind::AdviceRequested {
                advice_type: t,
                body: body.into(),
                contact: format!("{body} contact").into(),
            },
        ));
    }
    for i in 0..5 {
        apply(council(
            d(2025, 2, 17),
            EventKind::AdviceRequestReceived {
                advice: AdviceId::new(i),
            },
        ));
    }
    for i in 0..5 {
        apply(council(
            d(2025, 3, 28),
            EventKind::AdviceReceived {
                advice: AdviceId::new(i),
            },
        ));
    }
    apply(council(
        d(2025, 4, 7),
        EventKind::DraftPlanIssued { names_school: None },
    ));
    apply(parent(
        d(2025, 4, 14),
        EventKind::RepresentationsReceived {
            requested_school: Some("Oak Primary".into()),
        },
    ));
    apply(council(
        d(2025, 4, 23),
        EventKind::SchoolConsulted {
            school: "Oak Primary".into(),
        },
    ));
    apply(ev(
        d(2025, 5, 6),
        Actor::School,
        EventKind::SchoolReplied {
            consultation: ConsultationId::new(0),
        },
    ));
    apply(council(
        d(2025, 5, 23),
        EventKind::FinalPlanIssued {
            school: "Oak Primary".into(),
            changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
        },
    ));
    case
}

/// Oak Primary's terms, Summer 2025 to Summer 2026 (Case 3 of the worked timelines).
pub fn terms() -> TermCalendar {
    TermCalendar::new(
        vec![
            Term::new(TermName::Summer, d(2025, 4, 22), d(2025, 7, 22)).unwrap(),
            Term::new(TermName::Autumn, d(2025, 9, 3), d(2025, 12, 19)).unwrap(),
            Term::new(TermName::Spring, d(2026, 1, 5), d(2026, 3, 27)).unwrap(),
            Term::new(TermName::Summer, d(2026, 4, 13), d(2026, 7, 21)).unwrap(),
        ],
        vec![],
    )
    .unwrap()
}

/// An ASC request (ASC-REQUESTERS (b)(i): the panel, on an assessment request).
pub fn asc_request(on: NaiveDate, by: AscRequester) -> AscRequest {
    AscRequest {
        child: "CYP-1".into(),
        setting: "Oak Primary".into(),
        requested_by: by,
        received_on: on,
        plan: EhcPlanStatus::NoPlan,
        evidence: AscEvidence {
            notional_budget_spent: pounds(6_000),
            use_of_notional_budget: "small-group literacy, TA time".into(),
            reason_for_more: "less than expected progress over two APDR cycles".into(),
            apdr_evidence: "three APDR cycles".into(),
            smart_outcomes: vec!["read 40 words a minute by the end of term".into()],
            family_involvement: "met with parents twice".into(),
        },
        requested_per_term: pounds(2_000),
    }
}

pub fn setup_meeting(on: NaiveDate) -> SetupMeeting {
    SetupMeeting {
        held_on: on,
        targets: vec!["phonics phase 3".into()],
        impact_measures: "termly reading age".into(),
        planned_use: "1:1 TA, three sessions a week".into(),
        planned_amount: pounds(2_000),
    }
}

pub fn approved(on: NaiveDate, per_term: i64) -> AscDecision {
    AscDecision::new(
        PanelAdvice {
            panel_date: on,
            targets: Robustness::Robust,
            recommended_per_term: pounds(per_term),
        },
        OfficerDecision::Approved {
            officer: "Head of SEND".into(),
            decided_on: on,
            per_term: pounds(per_term),
        },
    )
}

/// The family declines mediation, the adviser issues the certificate, and an
/// appeal on needs or provision reaches the tribunal, on the three dates given
/// (T-MED-CONTACT-2M, T-MED-CERT-3WD, APPEAL-CERT, T-APPEAL-2M-1M).
pub fn appeal_after_declining_mediation(
    case: &mut Case,
    dispute: DisputeId,
    [declined, certified, lodged]: [NaiveDate; 3],
    cal: &HolidayCalendar,
) {
    let events = [
        parent(
            declined,
            EventKind::MediationAdviserContacted {
                dispute,
                choice: MediationChoice::Declined,
            },
        ),
        ev(
            certified,
            Actor::MediationAdviser,
            EventKind::MediationCertificateIssued { dispute },
        ),
        parent(
            lodged,
            EventKind::AppealLodged {
                dispute,
                grounds: AppealGrounds::NeedsOrProvision,
            },
        ),
    ];
    for event in events {
        case.apply(event, cal)
            .expect("the appeal's steps are accepted");
    }
}
