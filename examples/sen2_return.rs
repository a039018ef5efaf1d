//! The SEN2 return of a generated caseload (SEN2-SCOPE).
//!
//! `cargo run --example sen2_return`

use send_pathway::calendar::HolidayCalendar;
use send_pathway::caseload::{CeasedWindow, CollectionYear, Sen2Return};
use send_pathway::strategies::national_caseload;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cal = HolidayCalendar::england_and_wales();
    let cases = national_caseload(2027, 5_000);
    let year = CollectionYear::new(2027)?;
    let ret = Sen2Return::build(&cases, year, CeasedWindow::CalendarYear, &cal)?;
    let period = year.period()?;
    println!(
        "SEN2 {} for {} (requests {} to {}, census {})",
        year.year(),
        ret.council,
        period.first(),
        period.last(),
        year.census_date()
    );
    println!(
        "  {} requests, {} plans active on the census date, {} ceased",
        ret.requests.len(),
        ret.active_plans.len(),
        ret.ceased_plans.len()
    );
    let agg = ret.aggregates();
    println!("\nTimeliness");
    println!(
        "  20 weeks, including exceptions:  {}",
        agg.within_20_weeks_including_exceptions
    );
    println!(
        "  20 weeks, excluding exceptions:  {}",
        agg.within_20_weeks_excluding_exceptions
    );
    println!(
        "  bands: <= 20 weeks {}, 20-52 weeks {}, > 52 weeks {}",
        agg.issued_within_20_weeks, agg.issued_20_to_52_weeks, agg.issued_over_52_weeks
    );
    match agg.average_weeks_to_issue {
        Some(w) => println!("  average weeks to issue: {w}"),
        None => println!("  average weeks to issue: no plans issued"),
    }
    println!(
        "  decisions to assess within 6 weeks: {}",
        agg.decisions_within_6_weeks
    );
    println!(
        "  not to issue within 16 weeks:       {}",
        agg.not_to_issue_within_16_weeks
    );
    println!(
        "  review decisions within 4 weeks:    {}",
        agg.review_decisions_within_4_weeks
    );
    println!(
        "  latest review outcomes: amend {}, cease {}, maintain {}",
        agg.reviews_amend, agg.reviews_cease, agg.reviews_maintain
    );

    println!("\nFirst person-level request records (JSON):");
    for request in ret.requests.iter().take(3) {
        println!("  {}", serde_json::to_string(request)?);
    }
    Ok(())
}
