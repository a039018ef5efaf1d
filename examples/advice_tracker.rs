//! A chase list for a small caseload: every open advice request due within a
//! week or already overdue, soonest first, with both clocks and whom to chase.
//!
//! Run with `cargo run --example advice_tracker`.

use chrono::NaiveDate;
use send_pathway::advice::{chase_list, AdviceRequest, AdviceType};
use send_pathway::calendar::HolidayCalendar;
use send_pathway::{Error, Result};

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(Error::InconsistentRecord {
        reason: format!("{y}-{m}-{d} is not a date"),
    })
}

fn request(
    advice_type: AdviceType,
    body: &str,
    contact: &str,
    issued: NaiveDate,
    received: Option<NaiveDate>,
    arrived: Option<NaiveDate>,
) -> Result<AdviceRequest> {
    let mut r = AdviceRequest::issue(advice_type, body, contact, issued)?;
    if let Some(on) = received {
        r.record_receipt_by_body(on)?;
    }
    if let Some(on) = arrived {
        r.record_advice(on)?;
    }
    Ok(r)
}

fn main() -> Result<()> {
    let cal = HolidayCalendar::england_and_wales();
    let today = date(2025, 3, 25)?;
    let caseload = [
        (
            "EHC-0106",
            request(
                AdviceType::Psychological,
                "Cognus EPS",
                "Principal EP duty line",
                date(2025, 2, 14)?,
                Some(date(2025, 2, 17)?),
                None,
            )?,
        ),
        (
            "EHC-0106",
            request(
                AdviceType::Medical,
                "Community paediatrics",
                "NHS advice mailbox",
                date(2025, 2, 14)?,
                Some(date(2025, 2, 17)?),
                None,
            )?,
        ),
        (
            "EHC-0106",
            request(
                AdviceType::SocialCare,
                "Children's First Contact Service",
                "CFCS, 020 8770 6001",
                date(2025, 2, 14)?,
                Some(date(2025, 2, 14)?),
                Some(date(2025, 3, 20)?),
            )?,
        ),
        (
            "EHC-0203",
            request(
                AdviceType::SocialCare,
                "Children's First Contact Service",
                "CFCS, 020 8770 6001",
                date(2025, 2, 7)?,
                Some(date(2025, 2, 10)?),
                None,
            )?,
        ),
        (
            "EHC-0203",
            request(
                AdviceType::Educational,
                "Elm Academy",
                "SENCO Mrs Khan",
                date(2025, 2, 7)?,
                None,
                None,
            )?,
        ),
        (
            "EHC-0311",
            request(
                AdviceType::Psychological,
                "Cognus EPS",
                "Principal EP duty line",
                date(2025, 3, 10)?,
                Some(date(2025, 3, 11)?),
                None,
            )?,
        ),
        (
            "EHC-0311",
            request(
                AdviceType::RequestedByFamily("Private OT, Ms Green".into()),
                "Green OT Ltd",
                "Ms Green",
                date(2025, 2, 20)?,
                Some(date(2025, 2, 24)?),
                None,
            )?,
        ),
    ];

    let list = chase_list(caseload.iter().map(|(case, r)| (*case, r)), today, 7, &cal)?;
    println!("Advice chase list for {today} (due within 7 days or overdue), soonest first\n");
    println!(
        "{:<9} {:<26} {:<34} {:<25} {:<11} {:<20} {:<11} {:>5}  Status",
        "Case", "Advice", "Body", "Chase", "Due", "Clock", "Tracking", "Days"
    );
    println!("{}", "-".repeat(160));
    for item in &list {
        println!(
            "{:<9} {:<26} {:<34} {:<25} {:<11} {:<20} {:<11} {:>5}  {}",
            item.case,
            item.advice_type.to_string(),
            item.body,
            item.contact,
            item.due.to_string(),
            item.rule.code(),
            item.tracking_due.to_string(),
            item.days_left,
            item.status
        );
    }
    println!("\nT-ADVICE-6W runs from the adviser's receipt and decides compliance;");
    println!("SOP-ADVICE-TRACK-6W (issue + 6 weeks) is shown beside it, and used until receipt is recorded.");
    Ok(())
}
