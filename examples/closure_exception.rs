//! The school's summer closure. Advice asked of the head
//! teacher inside the closure window (C−7 … R−7) lets the council record
//! EXC-13-3, which excuses the late final plan without moving its date; asked
//! before the window, the same claim is refused and the late plan is a plain
//! breach. SEN2 then counts the plan in the "including exceptions" measure
//! only.
//!
//! Only events and their dates are typed in: the closure and its window come
//! from the school's term calendar and `exceptions::closure_window`, every
//! deadline, rule, source and status from the case.
//!
//! Run with `cargo run --example closure_exception`.

mod common;

use chrono::NaiveDate;
use common::{date, line, log, Ledger, Res};
use send_pathway::advice::{AdviceType, SensoryImpairment};
use send_pathway::calendar::{ClosedPeriod, HolidayCalendar, Term, TermCalendar, TermName};
use send_pathway::exceptions::{closure_window, ExceptionClaim, ExceptionGround, ExceptionId};
use send_pathway::pathway::{
    Actor, AdviceId, Case, Child, Event, EventKind, FinalPlanChanges, Opened, ParentalAgreement,
    Sen2Record, Sen2Timeliness,
};
use send_pathway::LocalPolicy;

/// Run Case 3 with the head teacher's advice requested on `asked`; returns the
/// case after the final plan.
fn run(asked: NaiveDate, closure: ClosedPeriod, cal: &HolidayCalendar) -> Res<Case> {
    let child = Child {
        reference: "CYP-2015-0601".into(),
        date_of_birth: date(2015, 6, 1)?,
        sensory_impairment: SensoryImpairment::None,
    };
    let mut ledger = Ledger::new();
    let request = Event::new(
        date(2025, 5, 19)?,
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let text = line(&request);
    let (mut case, applied) = Case::open(child, LocalPolicy::sutton(), request, cal)?;
    ledger.opened(&case, cal)?;
    log(&text, &case, &applied);
    let mut step = |case: &mut Case, event: Event| -> Res<Vec<Opened>> {
        let text = line(&event);
        let applied = ledger.apply(case, event, cal)?;
        log(&text, case, &applied);
        Ok(applied.opened)
    };
    let council = |on, kind| Event::new(on, Actor::Council, kind);

    step(
        &mut case,
        council(date(2025, 6, 27)?, EventKind::DecidedToAssess),
    )?;
    let mut ids: Vec<(AdviceType, AdviceId)> = Vec::new();
    for (advice_type, body, contact) in [
        (
            AdviceType::Educational,
            "Oak Primary School",
            "Head teacher",
        ),
        (AdviceType::Psychological, "Cognus EPS", "Principal EP"),
        (
            AdviceType::Medical,
            "Community paediatrics",
            "Designated Medical Officer",
        ),
        (
            AdviceType::SocialCare,
            "Children's First Contact Service",
            "Duty manager",
        ),
    ] {
        let kind = EventKind::AdviceRequested {
            advice_type: advice_type.clone(),
            body: body.into(),
            contact: contact.into(),
        };
        for o in step(&mut case, council(asked, kind))? {
            if let Opened::Advice(id) = o {
                ids.push((advice_type.clone(), id));
            }
        }
    }
    for (_, id) in &ids {
        step(
            &mut case,
            council(asked, EventKind::AdviceRequestReceived { advice: *id }),
        )?;
    }
    let id_of = |t: AdviceType| {
        ids.iter()
            .find(|(a, _)| *a == t)
            .map(|(_, id)| *id)
            .ok_or("no such request")
    };
    for (t, on) in [
        (AdviceType::Psychological, date(2025, 8, 20)?),
        (AdviceType::Medical, date(2025, 8, 26)?),
        (AdviceType::SocialCare, date(2025, 8, 28)?),
        (AdviceType::Educational, date(2025, 9, 12)?),
    ] {
        step(
            &mut case,
            council(on, EventKind::AdviceReceived { advice: id_of(t)? }),
        )?;
    }
    step(
        &mut case,
        council(
            date(2025, 10, 1)?,
            EventKind::DraftPlanIssued { names_school: None },
        ),
    )?;

    // The council records EXC-13-3 against the final-plan limit, with the facts and why.
    let claim = ExceptionClaim::new(
        ExceptionId::Exc13_3,
        ExceptionGround::SchoolClosure {
            advice_requested_on: asked,
            closure,
        },
        format!(
            "head teacher's advice requested {asked}; school closed {} until {}",
            closure.first_closed, closure.reopens
        ),
        "the school could not give its advice while closed for the summer",
    )?;
    if let Err(refused) = step(
        &mut case,
        council(
            date(2025, 10, 6)?,
            EventKind::ExceptionRecorded {
                claim: Box::new(claim),
            },
        ),
    ) {
        println!("{:<20}REFUSED: {refused}", "");
    }
    step(
        &mut case,
        council(
            date(2025, 10, 24)?,
            EventKind::FinalPlanIssued {
                school: "Oak Primary School".into(),
                changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
            },
        ),
    )?;
    let today = date(2025, 10, 24)?;
    println!();
    ledger.close(&case, today, cal)?;
    ledger.print(&case, today)?;
    Ok(case)
}

fn main() -> Res<()> {
    let cal = HolidayCalendar::england_and_wales();
    let school = TermCalendar::new(
        vec![
            Term::new(TermName::Summer, date(2025, 4, 22)?, date(2025, 7, 22)?)?,
            Term::new(TermName::Autumn, date(2025, 9, 3)?, date(2025, 12, 19)?)?,
        ],
        vec![],
    )?;
    let closure = school
        .closed_period_containing(date(2025, 8, 1)?)
        .ok_or("no summer closure")?;
    println!(
        "School closed from {} (C) until it reopens {} (R): {} days",
        closure.first_closed.format("%a %Y-%m-%d"),
        closure.reopens.format("%a %Y-%m-%d"),
        closure.days_closed()
    );
    if let Some(w) = closure_window(closure) {
        println!(
            "Closure window C-7 .. R-7: {} to {}\n",
            w.first().format("%a %Y-%m-%d"),
            w.last().format("%a %Y-%m-%d")
        );
    }

    let mut records: Vec<Sen2Record> = Vec::new();
    for (label, asked) in [
        (
            "Summer closure: head teacher's advice asked inside the window",
            date(2025, 7, 17)?,
        ),
        ("Variant: asked before the window", date(2025, 7, 14)?),
    ] {
        println!("{label} ({})\n", asked.format("%a %Y-%m-%d"));
        let case = run(asked, closure, &cal)?;
        if let Some(r) = case.sen2_record() {
            let days = r
                .plan_issued_on
                .map(|p| (p - r.request_received).num_days());
            println!(
                "SEN2: plan issued {:?} ({} days): within 20 weeks {:?}, exceptions apply {}\n",
                r.plan_issued_on,
                days.unwrap_or_default(),
                r.within_20_weeks,
                r.exceptions_apply
            );
            records.push(*r);
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
