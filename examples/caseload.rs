//! A generated caseload: the urgent list and the review calendar.
//!
//! `cargo run --example caseload`

use chrono::NaiveDate;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::caseload::{
    advice_chase_list, phase_transfer_cohort, review_calendar, urgent_list, Filter, Party,
    PhaseKind, YearMonth,
};
use send_pathway::strategies::national_caseload;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cal = HolidayCalendar::england_and_wales();
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("bad date")?;
    let cases = national_caseload(2026, 2_000);
    println!("{} cases on {today}", cases.len());

    let urgent = urgent_list(&cases, today, &cal, &Filter::all())?;
    let overdue = urgent.iter().filter(|r| r.is_overdue()).count();
    println!(
        "\nUrgent list: {} open obligations, {overdue} overdue. The first ten:",
        urgent.len()
    );
    for row in urgent.iter().take(10) {
        println!(
            "  {:<14} {:<10} {:<8} {}",
            row.case.to_string(),
            row.phase,
            row.party,
            row.obligation.explain()
        );
    }

    let council_plans = Filter::all().phase(PhaseKind::Plan).party(Party::Council);
    let plans = urgent_list(&cases, today, &cal, &council_plans)?;
    println!(
        "\nThe council's own obligations on maintained plans: {}",
        plans.len()
    );

    let calendar = review_calendar(&cases, today, &cal)?;
    println!("\nAnnual reviews due per month (for panel planning):");
    let from = YearMonth::of(today);
    let to = YearMonth::new(2027, 11)?;
    for (month, count) in calendar.between(from, to) {
        println!("  {month}  {count:>4}");
    }
    let before = calendar
        .months()
        .filter(|(m, _)| *m < from)
        .map(|(_, r)| r.len())
        .sum::<usize>();
    println!("  overdue from earlier months: {before}");

    let cohort = phase_transfer_cohort(&cases, 2027, today, &cal)?;
    println!(
        "\nPhase transfers in 2027: {} children, {} still to be amended, {} already late",
        cohort.entries.len(),
        cohort.to_amend().count(),
        cohort.late().count()
    );
    if let Some(first) = cohort.entries.first() {
        println!("  e.g. {}: {}", first.case, first.deadline.explain());
    }

    let chase = advice_chase_list(&cases, today, 7, &cal)?;
    println!("\nAdvice to chase this week: {}", chase.len());
    for item in chase.iter().take(5) {
        println!(
            "  {} — {} from {} ({}), due {}",
            item.case, item.advice_type, item.body, item.contact, item.due
        );
    }
    Ok(())
}
