//! A newly proclaimed bank holiday: load the gov.uk list and see which open
//! deadlines move or fall on the new holiday.
//!
//! `cargo run --example bank_holiday_change`

use chrono::NaiveDate;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::caseload::{holiday_change_impact, holidays_from_gov_uk_json};
use send_pathway::strategies::national_caseload;

/// The published 2026–2027 list, with a one-off day proclaimed on Friday
/// 11 December 2026 (hypothetical), in gov.uk's JSON shape.
const GOV_UK: &str = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
 {"title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true},
 {"title": "Good Friday", "date": "2026-04-03", "notes": "", "bunting": false},
 {"title": "Easter Monday", "date": "2026-04-06", "notes": "", "bunting": true},
 {"title": "Early May bank holiday", "date": "2026-05-04", "notes": "", "bunting": true},
 {"title": "Spring bank holiday", "date": "2026-05-25", "notes": "", "bunting": true},
 {"title": "Summer bank holiday", "date": "2026-08-31", "notes": "", "bunting": true},
 {"title": "Proclaimed holiday", "date": "2026-12-11", "notes": "", "bunting": true},
 {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true},
 {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true},
 {"title": "New Year’s Day", "date": "2027-01-01", "notes": "", "bunting": true},
 {"title": "Good Friday", "date": "2027-03-26", "notes": "", "bunting": false},
 {"title": "Easter Monday", "date": "2027-03-29", "notes": "", "bunting": true},
 {"title": "Early May bank holiday", "date": "2027-05-03", "notes": "", "bunting": true},
 {"title": "Spring bank holiday", "date": "2027-05-31", "notes": "", "bunting": true},
 {"title": "Summer bank holiday", "date": "2027-08-30", "notes": "", "bunting": true},
 {"title": "Christmas Day", "date": "2027-12-27", "notes": "Substitute day", "bunting": true},
 {"title": "Boxing Day", "date": "2027-12-28", "notes": "Substitute day", "bunting": true}
]}}"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("bad date")?;
    let old = HolidayCalendar::england_and_wales();
    // Keep the built-in years, with 2026-2027 replaced by the official list.
    let official = holidays_from_gov_uk_json(GOV_UK)?;
    let mut new = old.clone();
    for holiday in official.holidays() {
        new.add_holiday(holiday.clone())?;
    }
    println!(
        "Loaded {} holidays from the gov.uk list ({}-{})",
        official.holidays().len(),
        official.first_year(),
        official.last_year()
    );

    let cases = national_caseload(7, 20_000);
    let changes = holiday_change_impact(&cases, today, &old, &new)?;
    let moved = changes.iter().filter(|c| c.due_moved()).count();
    let flagged = changes
        .iter()
        .filter(|c| !c.due_moved() && c.flag_changed())
        .count();
    println!(
        "{} open deadlines change: {moved} move, {flagged} now fall on the new holiday",
        changes.len()
    );
    for change in changes.iter().take(8) {
        let old_due = change
            .old
            .map(|d| d.due().to_string())
            .unwrap_or_else(|| "-".into());
        let new_due = change
            .new
            .map(|d| d.due().to_string())
            .unwrap_or_else(|| "-".into());
        let rule = change
            .new
            .or(change.old)
            .map(|d| d.rule().to_string())
            .unwrap_or_default();
        println!(
            "  {:<14} {:<22} {old_due} -> {new_due}  {}",
            change.case.to_string(),
            rule,
            change.subject
        );
    }
    Ok(())
}
