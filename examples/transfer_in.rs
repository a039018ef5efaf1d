//! A plan arriving from another council (T-TRANSFER-NOTIFY-6W): the case opens from
//! the transferred plan, and the new council's clocks — telling the family
//! within 6 weeks (T-TRANSFER-NOTIFY-6W) and the first review by the later of
//! the old 12-month date and 3 months from the transfer (T-TRANSFER-REVIEW) —
//! come from the case itself. Then a late notification shows in the
//! compliance history.
//!
//! Run with `cargo run --example transfer_in`.

use chrono::NaiveDate;
use send_pathway::advice::SensoryImpairment;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::pathway::{Actor, Case, Child, Event, EventKind};
use send_pathway::LocalPolicy;

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, Box<dyn std::error::Error>> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("{y}-{m}-{d} is not a date").into())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cal = HolidayCalendar::england_and_wales();
    let child = Child {
        reference: "CYP-T1".into(),
        date_of_birth: date(2014, 9, 9)?,
        sensory_impairment: SensoryImpairment::None,
    };
    // The caseworker's inputs: the transfer and the old council's dates.
    let transferred_on = date(2025, 12, 1)?;
    let arrival = Event::new(
        transferred_on,
        Actor::Council,
        EventKind::PlanTransferredIn {
            from_council: "London Borough of Croydon".into(),
            plan_made_on: date(2025, 1, 20)?,
            last_reviewed_on: None,
            school: "Elm Academy".into(),
        },
    );
    let (mut case, _) = Case::open(child, LocalPolicy::sutton(), arrival, &cal)?;
    println!("A plan made by Croydon, transferred to Sutton on {transferred_on}.");
    if let Some(plan) = case.phase().plan() {
        println!(
            "Treated as made on {} (TRANSFER-DEEMED); names {}.",
            plan.issued_on(),
            plan.school()
        );
    }
    println!();
    println!("What the new council owes, as of {transferred_on}:");
    for due in case.obligations(transferred_on, &cal)? {
        println!("  {:<48} {}", due.subject.to_string(), due.explain());
    }
    println!();
    println!("What may happen next:");
    for next in case.next_events(transferred_on, &cal)? {
        println!("  {next}");
    }

    // The family is told a week late.
    let told = date(2026, 1, 19)?;
    let applied = case.apply(
        Event::new(told, Actor::Council, EventKind::TransferNotified),
        &cal,
    )?;
    println!();
    println!("The family was told on {told}.");
    for warning in &applied.warnings {
        println!("  warning: {warning}");
    }
    println!("Compliance history:");
    for entry in case.compliance() {
        println!("  {entry}");
    }
    Ok(())
}
