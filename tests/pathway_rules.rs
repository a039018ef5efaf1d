//! Illegal moves are refused with the rule named ("reject as
//! errors"); the case is unchanged and the event handed back (public API only).

mod common;

use chrono::NaiveDate;
use common::*;
use send_pathway::calendar::{plan_age_limit, Provision};
use send_pathway::pathway::*;
use send_pathway::{Error, LocalPolicy, RuleId};

/// A case at the draft stage: request 2025-01-06, decided 02-14, draft 04-07.
fn drafted() -> Case {
    let cal = cal();
    let mut case = open_request(d(2016, 3, 1), d(2025, 1, 6), &cal);
    case.apply(council(d(2025, 2, 14), EventKind::DecidedToAssess), &cal)
        .unwrap();
    case.apply(
        council(
            d(2025, 4, 7),
            EventKind::DraftPlanIssued { names_school: None },
        ),
        &cal,
    )
    .unwrap();
    case
}

fn final_plan(on: NaiveDate) -> Event {
    council(
        on,
        EventKind::FinalPlanIssued {
            school: "Oak Primary".into(),
            changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
        },
    )
}

fn cease(on: NaiveDate, ground: CeaseGround) -> Event {
    council(
        on,
        EventKind::CeaseDecided {
            ground,
            notice: DecisionNotice::complete("see the review report"),
        },
    )
}

/// A plan loaded on `on` with a cease proposal consulted on.
fn consulted(dob: NaiveDate, on: NaiveDate) -> Case {
    let cal = cal();
    let mut case = with_plan(dob, d(2020, 1, 6), on, &cal);
    case.apply(council(on, EventKind::CeaseProposed), &cal)
        .unwrap();
    case.apply(council(on, EventKind::CeaseConsultationHeld), &cal)
        .unwrap();
    case
}

/// DRAFT-NO-SCHOOL / T-DRAFT-REPS-15D: a final plan needs a draft.
#[test]
fn final_without_draft_is_refused() {
    let cal = cal();
    let mut case = open_request(d(2016, 3, 1), d(2025, 1, 6), &cal);
    case.apply(council(d(2025, 2, 14), EventKind::DecidedToAssess), &cal)
        .unwrap();
    assert_eq!(
        refused_rule(&mut case, final_plan(d(2025, 3, 1)), &cal),
        Some(RuleId::DraftNoSchool)
    );
    // Nor straight after the request.
    let mut case = open_request(d(2016, 3, 1), d(2025, 1, 6), &cal);
    assert_eq!(
        refused_rule(&mut case, final_plan(d(2025, 3, 1)), &cal),
        Some(RuleId::DraftNoSchool)
    );
}

/// DRAFT-NO-SCHOOL: the draft must not name a school.
#[test]
fn draft_naming_a_school_is_refused() {
    let cal = cal();
    let mut case = open_request(d(2016, 3, 1), d(2025, 1, 6), &cal);
    case.apply(council(d(2025, 2, 14), EventKind::DecidedToAssess), &cal)
        .unwrap();
    let naming = council(
        d(2025, 4, 7),
        EventKind::DraftPlanIssued {
            names_school: Some("Oak Primary".into()),
        },
    );
    assert_eq!(
        refused_rule(&mut case, naming, &cal),
        Some(RuleId::DraftNoSchool)
    );
    // A blank name names nothing.
    case.apply(
        council(
            d(2025, 4, 7),
            EventKind::DraftPlanIssued {
                names_school: Some("  ".into()),
            },
        ),
        &cal,
    )
    .unwrap();
}

/// T-DRAFT-REPS-15D (DC-2): not inside the window (ends Easter Monday 04-21; earliest 04-22).
#[test]
fn finalising_inside_the_15_day_window_is_refused() {
    let cal = cal();
    let mut case = drafted();
    assert_eq!(
        refused_rule(&mut case, final_plan(d(2025, 4, 21)), &cal),
        Some(RuleId::TDraftReps15d)
    );
    case.apply(final_plan(d(2025, 4, 22)), &cal).unwrap();
}

/// T-AMEND-REPS-15D / T-AMEND-NOT-8W: no decision not to amend inside the window.
#[test]
fn decision_not_to_amend_inside_the_window_is_refused() {
    let cal = cal();
    let mut case = with_plan(d(2014, 5, 1), d(2024, 9, 2), d(2026, 4, 8), &cal);
    case.apply(council(d(2026, 4, 8), EventKind::AmendmentNoticeSent), &cal)
        .unwrap();
    let not_amend = |on| {
        council(
            on,
            EventKind::DecidedNotToAmend {
                notice: DecisionNotice::complete("the plan still meets needs"),
            },
        )
    };
    assert_eq!(
        refused_rule(&mut case, not_amend(d(2026, 4, 22)), &cal),
        Some(RuleId::TAmendReps15d)
    );
    let applied = case.apply(not_amend(d(2026, 4, 23)), &cal).unwrap();
    assert_eq!(
        applied.opened,
        vec![Opened::Dispute(DisputeId::new(0))],
        "appealable, s51(2)(e)"
    );
    assert_eq!(
        case.disputes()[0].decision(),
        AppealableDecision::RefusalToAmend
    );
}

/// CEASE-PROCEDURE: reg 31 consultation before deciding to cease.
#[test]
fn ceasing_without_consultation_is_refused() {
    let cal = cal();
    let mut case = with_plan(d(2010, 5, 1), d(2020, 1, 6), d(2025, 6, 2), &cal);
    assert_eq!(
        refused_rule(
            &mut case,
            cease(d(2025, 6, 2), CeaseGround::NoLongerNecessary),
            &cal
        ),
        Some(RuleId::CeaseProcedure)
    );
    case.apply(council(d(2025, 6, 2), EventKind::CeaseProposed), &cal)
        .unwrap();
    assert_eq!(
        refused_rule(
            &mut case,
            cease(d(2025, 6, 3), CeaseGround::NoLongerNecessary),
            &cal
        ),
        Some(RuleId::CeaseProcedure)
    );
    assert_eq!(
        refused_rule(
            &mut case,
            council(d(2025, 6, 3), EventKind::PlanCeased),
            &cal
        ),
        Some(RuleId::CeaseProcedure)
    );
}

/// CEASE-AGE-RULES: no employment (or higher-education) ground during compulsory school age.
#[test]
fn employment_ground_during_compulsory_school_age_is_refused() {
    let cal = cal();
    // Born 2009-05-01: compulsory school age ends on the last Friday of June 2025 (27 June).
    let mut case = consulted(d(2009, 5, 1), d(2025, 6, 2));
    assert_eq!(
        refused_rule(
            &mut case,
            cease(d(2025, 6, 27), CeaseGround::Employment),
            &cal
        ),
        Some(RuleId::CeaseAgeRules)
    );
    assert_eq!(
        refused_rule(
            &mut case,
            cease(d(2025, 6, 27), CeaseGround::HigherEducation),
            &cal
        ),
        Some(RuleId::CeaseAgeRules)
    );
    // CEASE-AGE-RULES (reg 29): past compulsory school age but under 18, only
    // "no longer necessary" ceases the plan.
    assert_eq!(
        refused_rule(
            &mut case,
            cease(d(2025, 6, 30), CeaseGround::Employment),
            &cal
        ),
        Some(RuleId::CeaseAgeRules)
    );
    case.apply(cease(d(2025, 6, 30), CeaseGround::NoLongerNecessary), &cal)
        .unwrap();
}

/// CEASE-AGE-RULES: at 17, employment and higher education are no grounds of
/// their own; from the 18th birthday they are.
#[test]
fn cease_age_rules_employment_at_17_is_refused_and_at_18_accepted() {
    let cal = cal();
    // Born 2008-09-15: 17 in October 2025, 18 on 2026-09-15.
    let mut case = consulted(d(2008, 9, 15), d(2025, 9, 22));
    for ground in [CeaseGround::Employment, CeaseGround::HigherEducation] {
        assert_eq!(
            refused_rule(&mut case, cease(d(2025, 10, 3), ground), &cal),
            Some(RuleId::CeaseAgeRules),
            "{ground:?} at 17"
        );
    }
    let mut older = consulted(d(2008, 9, 15), d(2026, 9, 1));
    assert_eq!(
        refused_rule(
            &mut older,
            cease(d(2026, 9, 14), CeaseGround::Employment),
            &cal
        ),
        Some(RuleId::CeaseAgeRules),
        "the day before the 18th birthday"
    );
    older
        .apply(cease(d(2026, 9, 15), CeaseGround::Employment), &cal)
        .unwrap();
}

/// AGE-25: no plan is maintained from the 26th birthday, so none is loaded or
/// transferred in then.
#[test]
fn age_25_a_plan_for_a_26_year_old_is_neither_loaded_nor_transferred_in() {
    use send_pathway::pathway::{Case, Event};
    let cal = cal();
    let born = d(2000, 3, 1);
    let load = |on| {
        council(
            on,
            EventKind::ExistingPlanLoaded {
                issued_on: d(2024, 9, 2),
                last_reviewed_on: None,
                school: "City College".into(),
            },
        )
    };
    let transfer = |on| {
        council(
            on,
            EventKind::PlanTransferredIn {
                from_council: "Croydon".into(),
                plan_made_on: d(2024, 9, 2),
                last_reviewed_on: None,
                school: "City College".into(),
            },
        )
    };
    let open =
        |e: Event| rule_of(Case::open(child(born), LocalPolicy::sutton(), e, &cal).map(|(c, _)| c));
    assert_eq!(open(load(d(2026, 3, 1))), Some(RuleId::Age25));
    assert_eq!(open(transfer(d(2026, 3, 1))), Some(RuleId::Age25));
    assert_eq!(
        open(load(d(2026, 2, 28))),
        None,
        "the day before the 26th birthday"
    );
    assert_eq!(open(transfer(d(2026, 2, 28))), None);
}

/// AGE-25: not before the end of the academic year in which the young person
/// turns 25 — 31 July for further education (reg 46), 31 August otherwise,
/// the end of training for an apprenticeship.
#[test]
fn age_limit_cease_before_the_end_of_the_year_of_the_25th_birthday_is_refused() {
    let cal = cal();
    let dob = d(2000, 10, 15); // 25 on 2025-10-15
    let cases = [
        (Provision::FurtherEducation, d(2026, 7, 31)),
        (Provision::Other, d(2026, 8, 31)),
        (
            Provision::Apprenticeship {
                training_ends: d(2026, 3, 31),
            },
            d(2026, 3, 31),
        ),
        // Never on or after the 26th birthday.
        (
            Provision::Apprenticeship {
                training_ends: d(2027, 3, 31),
            },
            d(2026, 10, 14),
        ),
    ];
    for (provision, last_day) in cases {
        assert_eq!(
            plan_age_limit(dob, provision).unwrap(),
            last_day,
            "{provision:?}"
        );
        let mut case = consulted(dob, d(2026, 1, 5));
        let ground = CeaseGround::AgeLimit { provision };
        assert_eq!(
            refused_rule(&mut case, cease(last_day, ground), &cal),
            Some(RuleId::Age25),
            "{provision:?}"
        );
        case.apply(cease(last_day.succ_opt().unwrap(), ground), &cal)
            .unwrap();
    }
    // An August birthday: for further education the year of the 25th birthday ends the NEXT 31 July.
    let august = d(2000, 8, 20);
    assert_eq!(
        plan_age_limit(august, Provision::FurtherEducation).unwrap(),
        d(2026, 7, 31)
    );
    assert_eq!(
        plan_age_limit(august, Provision::Other).unwrap(),
        d(2025, 8, 31)
    );
    let mut case = consulted(august, d(2025, 9, 1));
    let fe = CeaseGround::AgeLimit {
        provision: Provision::FurtherEducation,
    };
    assert_eq!(
        refused_rule(&mut case, cease(d(2025, 9, 2), fe), &cal),
        Some(RuleId::Age25)
    );
    case.apply(
        cease(
            d(2025, 9, 2),
            CeaseGround::AgeLimit {
                provision: Provision::Other,
            },
        ),
        &cal,
    )
    .unwrap();
}

/// APPEAL-CERT: an appeal on needs or provision needs a mediation certificate;
/// a placement-only appeal on plan contents needs none.
#[test]
fn appeal_on_needs_or_provision_needs_a_certificate_placement_only_does_not() {
    let cal = cal();
    let mut case = drafted();
    let applied = case.apply(final_plan(d(2025, 4, 22)), &cal).unwrap();
    let d0 = DisputeId::new(0);
    assert_eq!(applied.opened, vec![Opened::Dispute(d0)]);
    let needs = parent(
        d(2025, 5, 1),
        EventKind::AppealLodged {
            dispute: d0,
            grounds: AppealGrounds::NeedsOrProvision,
        },
    );
    assert_eq!(
        refused_rule(&mut case, needs, &cal),
        Some(RuleId::AppealCert)
    );
    let placement = parent(
        d(2025, 5, 1),
        EventKind::AppealLodged {
            dispute: d0,
            grounds: AppealGrounds::PlacementOnly,
        },
    );
    case.apply(placement, &cal).unwrap();
    assert_eq!(
        case.dispute(d0).unwrap().appeal(),
        Some((d(2025, 5, 1), AppealGrounds::PlacementOnly))
    );

    // A "no to assess" is never placement-only, and needs the certificate.
    let mut case = open_request(d(2016, 3, 1), d(2025, 1, 6), &cal);
    case.apply(
        council(
            d(2025, 2, 14),
            EventKind::DecidedNotToAssess {
                panel_on: d(2025, 2, 13),
                notice: DecisionNotice::complete("SEN Support"),
            },
        ),
        &cal,
    )
    .unwrap();
    let placement = parent(
        d(2025, 3, 1),
        EventKind::AppealLodged {
            dispute: d0,
            grounds: AppealGrounds::PlacementOnly,
        },
    );
    assert_eq!(
        refused_rule(&mut case, placement, &cal),
        Some(RuleId::AppealCert)
    );
    let needs = parent(
        d(2025, 3, 1),
        EventKind::AppealLodged {
            dispute: d0,
            grounds: AppealGrounds::NeedsOrProvision,
        },
    );
    assert_eq!(
        refused_rule(&mut case, needs.clone(), &cal),
        Some(RuleId::AppealCert)
    );
    case.apply(
        parent(
            d(2025, 3, 1),
            EventKind::MediationAdviserContacted {
                dispute: d0,
                choice: MediationChoice::Declined,
            },
        ),
        &cal,
    )
    .unwrap();
    case.apply(
        ev(
            d(2025, 3, 3),
            Actor::MediationAdviser,
            EventKind::MediationCertificateIssued { dispute: d0 },
        ),
        &cal,
    )
    .unwrap();
    case.apply(Event::new(d(2025, 3, 4), needs.by, needs.kind), &cal)
        .unwrap();
    // An unknown dispute id names APPEAL-TRACKS.
    let stray = parent(
        d(2025, 3, 5),
        EventKind::MediationHeld {
            dispute: DisputeId::new(7),
        },
    );
    assert_eq!(
        refused_rule(&mut case, stray, &cal),
        Some(RuleId::AppealTracks)
    );
}

/// T-REASSESS-FINAL-14W (reg 27): the replacement plan after re-assessment needs a draft and its window.
#[test]
fn replacement_plan_after_reassessment_without_a_draft_is_refused() {
    let cal = cal();
    let mut case = with_plan(d(2014, 5, 1), d(2024, 9, 2), d(2025, 10, 1), &cal);
    let replacement = |on| {
        council(
            on,
            EventKind::ReassessedPlanIssued {
                school: "Elm Academy".into(),
            },
        )
    };
    assert_eq!(
        refused_rule(&mut case, replacement(d(2025, 10, 1)), &cal),
        Some(RuleId::TReassessFinal14w)
    );
    case.apply(
        parent(d(2025, 10, 1), EventKind::ReassessmentRequested),
        &cal,
    )
    .unwrap();
    case.apply(
        council(d(2025, 10, 14), EventKind::ReassessmentAgreed),
        &cal,
    )
    .unwrap();
    assert_eq!(
        refused_rule(&mut case, replacement(d(2025, 12, 1)), &cal),
        Some(RuleId::TReassessFinal14w)
    );
    case.apply(
        council(
            d(2025, 12, 1),
            EventKind::DraftPlanIssued { names_school: None },
        ),
        &cal,
    )
    .unwrap();
    // Inside the draft's 15-day window (T-DRAFT-REPS-15D).
    assert_eq!(
        refused_rule(&mut case, replacement(d(2025, 12, 10)), &cal),
        Some(RuleId::TDraftReps15d)
    );
    let applied = case.apply(replacement(d(2025, 12, 16)), &cal).unwrap();
    assert_eq!(applied.opened, vec![Opened::Dispute(DisputeId::new(0))]);
    // A draft during a plan without a decision to re-assess is refused.
    let draft = council(
        d(2025, 12, 17),
        EventKind::DraftPlanIssued { names_school: None },
    );
    assert_eq!(
        refused_rule(&mut case, draft, &cal),
        Some(RuleId::TReassessFinal14w)
    );
}

/// REQ-WHO: a request for someone 25 or over is refused; at 24 it is accepted.
#[test]
fn request_for_someone_25_or_over_is_refused() {
    let cal = cal();
    let request = |on| {
        parent(
            on,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        )
    };
    let dob = d(2000, 10, 15);
    let event = request(d(2025, 10, 15));
    let refused = Case::open(child(dob), LocalPolicy::sutton(), event.clone(), &cal).unwrap_err();
    assert_eq!(refused.event, event);
    assert!(
        matches!(refused.error, Error::NotChildOrYoungPerson { age: 25, .. }),
        "{}",
        refused.error
    );
    assert!(refused.error.to_string().contains("under 25"));
    Case::open(
        child(dob),
        LocalPolicy::sutton(),
        request(d(2025, 10, 14)),
        &cal,
    )
    .unwrap();
    // Brought to attention: the same test (REQ-ATTENTION).
    let (mut case, _) = Case::open(
        child(dob),
        LocalPolicy::sutton(),
        parent(d(2025, 1, 6), EventKind::SenSupportStarted),
        &cal,
    )
    .unwrap();
    let before = case.clone();
    let late = ev(
        d(2025, 10, 16),
        Actor::Health,
        EventKind::BroughtToAttention,
    );
    let refused = case.apply(late.clone(), &cal).unwrap_err();
    assert!(matches!(refused.error, Error::NotChildOrYoungPerson { .. }));
    assert_eq!((refused.event, case), (late, before));
}

/// A case opens only with SEN Support, a request, attention or an existing plan.
#[test]
fn a_case_opens_only_with_an_opening_event() {
    let cal = cal();
    let event = final_plan(d(2025, 5, 1));
    let refused = Case::open(
        child(d(2016, 3, 1)),
        LocalPolicy::sutton(),
        event.clone(),
        &cal,
    )
    .unwrap_err();
    assert_eq!(refused.event, event);
    assert!(matches!(
        refused.error,
        Error::RuleBroken {
            rule: RuleId::SupApdr,
            ..
        }
    ));
}
