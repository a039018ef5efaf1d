//! A case's and a caseload's open deadlines as an iCalendar feed.
//!
//! `cargo run --example calendar_feed --features ical`

use chrono::NaiveDate;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::caseload::{Filter, Party};
use send_pathway::feed::{case_feed, caseload_feed};
use send_pathway::strategies::national_caseload;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cal = HolidayCalendar::england_and_wales();
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("bad date")?;
    // The export time comes from the caller: the crate reads no clock.
    let stamp = today.and_hms_opt(9, 0, 0).ok_or("bad time")?;
    let cases = national_caseload(42, 200);

    let case = cases
        .iter()
        .find(|c| c.phase().assessment().is_some())
        .ok_or("no assessment in the caseload")?;
    print!("{}", case_feed(case, today, &cal, stamp)?);

    let family = caseload_feed(
        &cases,
        today,
        &cal,
        &Filter::all().party(Party::Family),
        "What families must do",
        stamp,
    )?;
    let events = family.matches("BEGIN:VEVENT").count();
    println!(
        "\nA caseload feed of the families' deadlines: {events} events, {} bytes",
        family.len()
    );
    Ok(())
}
