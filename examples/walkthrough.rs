//! A request straight through to a final plan and its first
//! annual review, on the case model.
//!
//! The example records only what a caseworker records — each event and its
//! date. Everything else is asked of the case: the phase after each event,
//! the ids it opened, its warnings; then every deadline the case ran, with its
//! due date, weekday, rule ID, legal source and status as at the end (from
//! `Case::obligations`, `Case::next_events` and `exceptions::judge`); then
//! what is due and what may happen next today, and the SEN2 record.
//!
//! Run with `cargo run --example walkthrough`.

mod common;

use common::{date, line, log, Ledger, Res};
use send_pathway::advice::{AdviceType, SensoryImpairment};
use send_pathway::calendar::HolidayCalendar;
use send_pathway::pathway::{
    Actor, AdviceId, Case, Child, ConsultationId, Event, EventKind, FinalPlanChanges, Opened,
    ParentalAgreement, ReviewKind, ReviewOutcome,
};
use send_pathway::LocalPolicy;

fn main() -> Res<()> {
    let cal = HolidayCalendar::england_and_wales();
    let today = date(2026, 5, 29)?;
    let council = |on, kind| Event::new(on, Actor::Council, kind);
    let child = Child {
        reference: "CYP-2016-0301".into(),
        date_of_birth: date(2016, 3, 1)?,
        sensory_impairment: SensoryImpairment::None,
    };

    println!("A request to a final plan through the pathway (Sutton policy)\n");
    let mut ledger = Ledger::new();
    let request = Event::new(
        date(2025, 1, 6)?,
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let first = line(&request);
    let (mut case, applied) = Case::open(child, LocalPolicy::sutton(), request, &cal)?;
    ledger.opened(&case, &cal)?;
    log(&first, &case, &applied);

    // Apply one event, print it, and hand back what it opened.
    let mut step = |case: &mut Case, event: Event| -> Res<Vec<Opened>> {
        let text = line(&event);
        let applied = ledger.apply(case, event, &cal)?;
        log(&text, case, &applied);
        Ok(applied.opened)
    };

    step(
        &mut case,
        council(date(2025, 1, 8)?, EventKind::ConsideringNotified),
    )?;
    step(
        &mut case,
        council(date(2025, 2, 14)?, EventKind::DecidedToAssess),
    )?;
    let mut advice: Vec<(AdviceType, AdviceId)> = Vec::new();
    for (advice_type, body) in [
        (AdviceType::Psychological, "Cognus EPS"),
        (AdviceType::Medical, "Community paediatrics"),
        (AdviceType::SocialCare, "Children's First Contact Service"),
        (AdviceType::Educational, "Oak Primary School"),
    ] {
        let kind = EventKind::AdviceRequested {
            advice_type: advice_type.clone(),
            body: body.into(),
            contact: format!("{body} duty contact").into(),
        };
        for opened in step(&mut case, council(date(2025, 2, 14)?, kind))? {
            if let Opened::Advice(id) = opened {
                advice.push((advice_type.clone(), id));
            }
        }
    }
    for (_, id) in &advice {
        step(
            &mut case,
            council(
                date(2025, 2, 17)?,
                EventKind::AdviceRequestReceived { advice: *id },
            ),
        )?;
    }
    // The advice arrives: social care, school, EP, health.
    let arrivals = [
        (AdviceType::SocialCare, date(2025, 3, 24)?),
        (AdviceType::Educational, date(2025, 3, 27)?),
        (AdviceType::Psychological, date(2025, 3, 28)?),
        (AdviceType::Medical, date(2025, 3, 31)?),
    ];
    for (advice_type, on) in arrivals {
        if let Some((_, id)) = advice.iter().find(|(t, _)| *t == advice_type) {
            step(
                &mut case,
                council(on, EventKind::AdviceReceived { advice: *id }),
            )?;
        }
    }
    step(
        &mut case,
        council(
            date(2025, 4, 7)?,
            EventKind::DraftPlanIssued { names_school: None },
        ),
    )?;
    step(
        &mut case,
        Event::new(
            date(2025, 4, 14)?,
            Actor::Parent,
            EventKind::RepresentationsReceived {
                requested_school: Some("Oak Primary School".into()),
            },
        ),
    )?;
    let opened = step(
        &mut case,
        council(
            date(2025, 4, 23)?,
            EventKind::SchoolConsulted {
                school: "Oak Primary School".into(),
            },
        ),
    )?;
    let consultation = opened
        .iter()
        .find_map(|o| match o {
            Opened::Consultation(id) => Some(*id),
            _ => None,
        })
        .unwrap_or(ConsultationId::new(0));
    step(
        &mut case,
        Event::new(
            date(2025, 5, 6)?,
            Actor::School,
            EventKind::SchoolReplied { consultation },
        ),
    )?;
    step(
        &mut case,
        council(
            date(2025, 5, 23)?,
            EventKind::FinalPlanIssued {
                school: "Oak Primary School".into(),
                changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
            },
        ),
    )?;
    let school = |on, kind| Event::new(on, Actor::School, kind);
    step(
        &mut case,
        school(
            date(2026, 2, 20)?,
            EventKind::ReviewMeetingScheduled {
                meeting_on: date(2026, 3, 11)?,
                kind: ReviewKind::Scheduled,
            },
        ),
    )?;
    step(
        &mut case,
        school(date(2026, 2, 25)?, EventKind::ReviewAdviceCirculated),
    )?;
    step(
        &mut case,
        school(date(2026, 3, 11)?, EventKind::ReviewMeetingHeld),
    )?;
    // REVIEW-CONDUCT (reg 19): the meeting consulted the family and the school
    // and considered progress towards the outcomes.
    step(
        &mut case,
        school(
            date(2026, 3, 11)?,
            EventKind::ReviewConductRecorded {
                duties: send_pathway::pathway::ReviewDuty::ALL.to_vec(),
            },
        ),
    )?;
    step(
        &mut case,
        school(date(2026, 3, 20)?, EventKind::ReviewReportSent),
    )?;
    step(
        &mut case,
        council(
            date(2026, 4, 8)?,
            EventKind::ReviewDecided {
                outcome: ReviewOutcome::Amend,
            },
        ),
    )?;
    step(
        &mut case,
        council(date(2026, 4, 8)?, EventKind::AmendmentNoticeSent),
    )?;
    step(
        &mut case,
        Event::new(
            date(2026, 4, 20)?,
            Actor::Parent,
            EventKind::RepresentationsReceived {
                requested_school: None,
            },
        ),
    )?;

    // Every deadline the case ran, as the case reported it.
    println!("\nEvery deadline of Case 1, from the case itself\n");
    ledger.close(&case, today, &cal)?;
    ledger.print(&case, today)?;

    if let Some(r) = case.sen2_record() {
        if let Some(issued) = r.plan_issued_on {
            let within = match r.within_20_weeks {
                Some(true) => "within",
                Some(false) => "outside",
                None => "not yet judged against",
            };
            println!(
                "\nFinal plan issued {issued}, {} days after the request of {}: {within} the 20-week limit.",
                (issued - r.request_received).num_days(),
                r.request_received
            );
        }
    }

    println!("\nOpen obligations on {today} (phase: {}):", case.phase());
    for o in case.obligations(today, &cal)? {
        println!(
            "  {:<58} {} {:<18} {:>5} days  {}",
            o.subject.to_string(),
            o.deadline.due().format("%a %Y-%m-%d"),
            o.rule().code(),
            o.days_left,
            o.status
        );
    }
    println!("\nWhat may happen next on {today}:");
    for n in case.next_events(today, &cal)? {
        println!("  {n}");
    }
    for r in case.sen2_records() {
        let date = |d: Option<chrono::NaiveDate>| {
            d.map_or_else(|| "not yet".to_owned(), |d| d.to_string())
        };
        let yes_no = |b: bool| if b { "yes" } else { "no" };
        println!(
            "\nSEN2: request {}, decided to assess {}, plan issued {}, within 20 weeks {}, exceptions apply {}, last review {}{}",
            r.request_received,
            date(r.decided_to_assess_on),
            date(r.plan_issued_on),
            r.within_20_weeks.map_or("not yet issued", yes_no),
            yes_no(r.exceptions_apply),
            date(r.last_review_decision_on),
            r.last_review_outcome
                .map(|o| format!(" ({o})"))
                .unwrap_or_default()
        );
    }
    Ok(())
}
