//! DOMAIN Case 3: the school's summer closure. Advice asked of the head
//! teacher inside the closure window excuses the late final plan
//! (EXC-13-3) without moving its date; asked before the window, it does not.
//!
//! Run with `cargo run --example closure_exception`.

use chrono::NaiveDate;
use send_pathway::advice::{AdviceType, SensoryImpairment};
use send_pathway::calendar::{HolidayCalendar, Term, TermCalendar, TermName};
use send_pathway::exceptions::{closure_window, ExceptionClaim, ExceptionGround, ExceptionId};
use send_pathway::pathway::{
    obligations, sen2_records, Actor, Case, Child, Event, EventKind, FinalPlanChanges,
    ParentalAgreement, Sen2Timeliness,
};
use send_pathway::{Error, LocalPolicy, Result};

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(Error::InconsistentRecord {
        reason: format!("{y}-{m}-{d} is not a date"),
    })
}

fn run(advice_requested: NaiveDate, cal: &HolidayCalendar, school: &TermCalendar) -> Result<Case> {
    let child = Child {
        reference: "CYP-2015-0601".into(),
        date_of_birth: date(2015, 6, 1)?,
        sensory_impairment: SensoryImpairment::None,
    };
    let council = |on: NaiveDate, kind| Event::new(on, Actor::Council, kind);
    let (mut case, _) = Case::open(
        child,
        LocalPolicy::sutton(),
        Event::new(
            date(2025, 5, 19)?,
            Actor::Parent,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        ),
        cal,
    )?;
    case.apply(council(date(2025, 6, 27)?, EventKind::DecidedToAssess), cal)?;
    case.apply(
        council(
            advice_requested,
            EventKind::AdviceRequested {
                advice_type: AdviceType::Educational,
                body: "Oak Primary School".into(),
                contact: "Head teacher".into(),
            },
        ),
        cal,
    )?;
    case.apply(
        council(
            advice_requested,
            EventKind::AdviceRequestReceived { request: 0 },
        ),
        cal,
    )?;

    let closure =
        school
            .closed_period_containing(date(2025, 8, 1)?)
            .ok_or(Error::InconsistentRecord {
                reason: "no summer closure".into(),
            })?;
    let claim = ExceptionClaim::new(
        ExceptionId::Exc13_3,
        ExceptionGround::SchoolClosure {
            advice_requested_on: advice_requested,
            closure,
        },
        format!(
            "head teacher's advice requested {advice_requested}; school closed {} to {}",
            closure.first_closed, closure.reopens
        ),
        "the school could not give its advice while closed for the summer",
    )?;
    match case.apply(
        council(date(2025, 9, 1)?, EventKind::ExceptionRecorded { claim }),
        cal,
    ) {
        Ok(warnings) => warnings.iter().for_each(|w| println!("  note: {w}")),
        Err(e) => println!("  exception refused: {e}"),
    }
    case.apply(
        council(date(2025, 9, 12)?, EventKind::AdviceReceived { request: 0 }),
        cal,
    )?;
    case.apply(
        council(
            date(2025, 10, 1)?,
            EventKind::DraftPlanIssued { names_school: None },
        ),
        cal,
    )?;
    Ok(case)
}

fn main() -> Result<()> {
    let cal = HolidayCalendar::england_and_wales();
    let school = TermCalendar::new(
        vec![
            Term::new(TermName::Summer, date(2025, 4, 22)?, date(2025, 7, 22)?)?,
            Term::new(TermName::Autumn, date(2025, 9, 3)?, date(2025, 12, 19)?)?,
        ],
        vec![],
    )?;
    let closure =
        school
            .closed_period_containing(date(2025, 8, 1)?)
            .ok_or(Error::InconsistentRecord {
                reason: "no summer closure".into(),
            })?;
    println!(
        "School closed {} (C) until it reopens {} (R): {} days",
        closure.first_closed,
        closure.reopens,
        closure.days_closed()
    );
    if let Some(w) = closure_window(closure) {
        println!("Closure window C-7 .. R-7: {} to {}\n", w.first(), w.last());
    }

    let mut records = Vec::new();
    for (label, asked) in [
        (
            "Advice asked Thu 2025-07-17 (inside the window)",
            date(2025, 7, 17)?,
        ),
        (
            "Variant: asked Mon 2025-07-14 (before the window)",
            date(2025, 7, 14)?,
        ),
    ] {
        println!("{label}");
        let mut case = run(asked, &cal, &school)?;
        for o in obligations(&case, date(2025, 10, 10)?, &cal)?
            .iter()
            .filter(|o| o.rule().code() == "T-FINAL-20W")
        {
            println!(
                "  on 2025-10-10: {} due {} -> {}",
                o.rule(),
                o.deadline.due(),
                o.status
            );
        }
        case.apply(
            Event::new(
                date(2025, 10, 24)?,
                Actor::Council,
                EventKind::FinalPlanIssued {
                    school: "Oak Primary School".into(),
                    changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
                },
            ),
            &cal,
        )?;
        for r in sen2_records(&case) {
            println!(
                "  final plan {:?}: within 20 weeks {:?}, exceptions apply {}\n",
                r.plan_issued_on, r.within_20_weeks, r.exceptions_apply
            );
            records.push(r);
        }
    }
    let t = Sen2Timeliness::from_records(&records);
    println!(
        "SEN2 over both: {} of {} within 20 weeks including exceptions; {} of {} excluding them",
        t.within_20_weeks,
        t.issued,
        t.within_20_weeks_excluding_exceptions,
        t.issued_excluding_exceptions
    );
    Ok(())
}
