//! A refusal to assess, the family's appeal, and the tribunal's order: the
//! dispute opened by the refusal (APPEAL-TRACKS) goes through the mediation
//! certificate (APPEAL-CERT, T-MED-CERT-3WD) to an appeal (T-APPEAL-2M-1M),
//! and the order starts an assessment on the reg 44 clocks (T-ORDER-ASSESS:
//! decision in 2 weeks, final plan in 14). Every date printed comes from the
//! case.
//!
//! Run with `cargo run --example tribunal_order`.

use chrono::NaiveDate;
use send_pathway::advice::SensoryImpairment;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::pathway::{
    Actor, AppealGrounds, AppealOutcome, Case, Child, DecisionNotice, Event, EventKind,
    MediationChoice, Opened, ParentalAgreement,
};
use send_pathway::LocalPolicy;

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, Box<dyn std::error::Error>> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("{y}-{m}-{d} is not a date").into())
}

fn show(
    case: &Case,
    today: NaiveDate,
    cal: &HolidayCalendar,
) -> Result<(), Box<dyn std::error::Error>> {
    println!("  phase: {}", case.phase());
    for due in case.obligations(today, cal)? {
        println!(
            "  {:<52} due {} ({}) {}",
            due.subject.to_string(),
            due.deadline.due(),
            due.rule(),
            due.status
        );
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cal = HolidayCalendar::england_and_wales();
    let child = Child {
        reference: "CYP-O1".into(),
        date_of_birth: date(2016, 1, 1)?,
        sensory_impairment: SensoryImpairment::None,
    };
    let request = Event::new(
        date(2025, 3, 12)?,
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (mut case, _) = Case::open(child, LocalPolicy::sutton(), request, &cal)?;

    let refusal = Event::new(
        date(2025, 4, 16)?,
        Actor::Council,
        EventKind::DecidedNotToAssess {
            panel_on: date(2025, 4, 15)?,
            notice: DecisionNotice::complete("needs can be met at SEN Support"),
        },
    );
    let applied = case.apply(refusal, &cal)?;
    let dispute = applied
        .opened
        .iter()
        .find_map(|o| match o {
            Opened::Dispute(id) => Some(*id),
            _ => None,
        })
        .ok_or("a refusal to assess opens a dispute")?;
    println!("2025-04-16: the council refuses to assess; it opened {dispute}.");
    show(&case, date(2025, 4, 16)?, &cal)?;

    // An appeal on needs needs a certificate first (APPEAL-CERT).
    let too_soon = Event::new(
        date(2025, 5, 1)?,
        Actor::Parent,
        EventKind::AppealLodged {
            dispute,
            grounds: AppealGrounds::NeedsOrProvision,
        },
    );
    if let Err(refused) = case.apply(too_soon, &cal) {
        println!("\n2025-05-01: {refused}");
    }

    for event in [
        Event::new(
            date(2025, 5, 20)?,
            Actor::Parent,
            EventKind::MediationAdviserContacted {
                dispute,
                choice: MediationChoice::Declined,
            },
        ),
        Event::new(
            date(2025, 5, 22)?,
            Actor::MediationAdviser,
            EventKind::MediationCertificateIssued { dispute },
        ),
        Event::new(
            date(2025, 6, 10)?,
            Actor::Parent,
            EventKind::AppealLodged {
                dispute,
                grounds: AppealGrounds::NeedsOrProvision,
            },
        ),
    ] {
        let on = event.on;
        let name = event.kind.name();
        case.apply(event, &cal)?;
        println!("\n{on}: {name}");
    }
    show(&case, date(2025, 6, 10)?, &cal)?;

    let order = Event::new(
        date(2025, 9, 1)?,
        Actor::Tribunal,
        EventKind::AppealDecided {
            dispute,
            outcome: AppealOutcome::Upheld,
        },
    );
    case.apply(order, &cal)?;
    println!("\n2025-09-01: the tribunal orders an assessment.");
    show(&case, date(2025, 9, 1)?, &cal)?;
    if let Some(record) = case.sen2_record() {
        println!(
            "\nSEN2: the original \"no\" of {:?} stands; reversed by the tribunal: {}",
            record.decided_not_to_assess_on, record.tribunal_reversed
        );
    }

    // The council decides on the order's clock.
    case.apply(
        Event::new(
            date(2025, 9, 12)?,
            Actor::Council,
            EventKind::DecidedToAssess,
        ),
        &cal,
    )?;
    println!("\n2025-09-12: decided to assess, on the order's clock.");
    for entry in case.compliance() {
        println!("  {entry}");
    }
    Ok(())
}
