//! Explanations a caseworker can paste into a letter. Public API only.

use chrono::NaiveDate;
use send_pathway::advice::SensoryImpairment;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::deadlines::{self, Convention};
use send_pathway::exceptions::{ExceptionClaim, ExceptionGround, ExceptionId};
use send_pathway::explain::{explain_exception, phrase};
use send_pathway::pathway::{Actor, Case, Child, Event, EventKind, ParentalAgreement};
use send_pathway::{LocalPolicy, RuleId};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

#[test]
fn the_issue_example_exactly_t_final_20w() {
    let cal = HolidayCalendar::england_and_wales();
    let due = deadlines::final_plan_due(d(2025, 10, 23), &cal).unwrap();
    assert_eq!(
        due.explain().to_string(),
        "The final EHC plan must be issued by Thursday 12 March 2026: 20 weeks from the request \
         received on Thursday 23 October 2025 (SEND Regulations 2014, reg 13(2))."
    );
}

#[test]
fn a_due_date_on_a_bank_holiday_stays_put_t_final_20w_dc_8() {
    let cal = HolidayCalendar::england_and_wales();
    let due = deadlines::final_plan_due(d(2025, 1, 6), &cal).unwrap();
    assert_eq!(
        due.explain().to_string(),
        "The final EHC plan must be issued by Monday 26 May 2025: 20 weeks from the request \
         received on Monday 6 January 2025 (SEND Regulations 2014, reg 13(2)). \
         That day is a bank holiday; the date does not move (DC-8)."
    );
}

#[test]
fn every_t_rule_has_words() {
    for rule in RuleId::ALL.iter().filter(|r| r.code().starts_with("T-")) {
        for convention in [
            Convention::WithinWeeksOf { weeks: 2 },
            Convention::WithinDaysOf { days: 30 },
            Convention::WorkingDaysAfter { days: 3 },
        ] {
            let p = phrase(*rule, convention).unwrap_or_else(|| panic!("{rule} has no phrase"));
            assert!(!p.what.is_empty() && !p.anchor.is_empty());
        }
    }
}

#[test]
fn review_and_working_day_clocks_t_review_invite_2w_t_med_cert_3wd() {
    let cal = HolidayCalendar::england_and_wales();
    let invite = deadlines::review_invitations_due(d(2026, 3, 11), &cal).unwrap();
    assert_eq!(
        invite.explain().to_string(),
        "Invitations to the review meeting must be sent by Wednesday 25 February 2026: 2 weeks before \
         the review meeting on Wednesday 11 March 2026 (SEND Regulations 2014, regs 20(3), 21(3))."
    );
    let cert = deadlines::mediation_certificate_due(d(2025, 12, 23), &cal).unwrap();
    assert!(cert.explain().to_string().starts_with(
        "The mediation certificate must be issued by Tuesday 30 December 2025: 3 working days after"
    ));
}

#[test]
fn obligations_say_where_they_stand() {
    let cal = HolidayCalendar::england_and_wales();
    let child = Child {
        reference: "CYP-1".into(),
        date_of_birth: d(2016, 3, 1),
        sensory_impairment: SensoryImpairment::None,
    };
    let first = Event::new(
        d(2025, 1, 6),
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (case, _) = Case::open(child, LocalPolicy::sutton(), first, &cal).unwrap();
    let late = case.obligations(d(2025, 2, 20), &cal).unwrap();
    let decide = late.iter().find(|o| o.rule() == RuleId::TDecide6w).unwrap();
    assert!(decide
        .explain()
        .to_string()
        .ends_with(" It is 3 days overdue."));
    let early = case.obligations(d(2025, 2, 16), &cal).unwrap();
    let decide = early
        .iter()
        .find(|o| o.rule() == RuleId::TDecide6w)
        .unwrap();
    assert!(decide.explain().to_string().ends_with(" 1 day left."));
    // Width and alignment are honoured.
    let text = decide.explain().to_string();
    assert_eq!(
        format!(
            "{:<width$}|",
            decide.explain(),
            width = text.chars().count() + 2
        ),
        format!("{text}  |")
    );
}

#[test]
fn exceptions_are_explained_exc_13_3() {
    let cal = HolidayCalendar::england_and_wales();
    let due = deadlines::final_plan_due(d(2025, 1, 6), &cal).unwrap();
    let claim = ExceptionClaim::new(
        ExceptionId::Exc13_3,
        ExceptionGround::ExceptionalPersonalCircumstances,
        "the child was in hospital from March to May",
        "the family could not take part in the assessment",
    )
    .unwrap();
    assert_eq!(
        explain_exception(&claim, &due).to_string(),
        "Exception EXC-13-3 (SEND Regulations 2014, reg 13(3)) applies to the limit of T-FINAL-20W \
         (due Monday 26 May 2025): the child was in hospital from March to May; it was impractical to \
         comply because the family could not take part in the assessment. The date does not move: \
         the final EHC plan must be issued as soon as practicable."
    );
}
