//! DOMAIN Case 1: a request straight through to a final plan and its first
//! annual review, as a table of every deadline — its date, weekday, rule ID,
//! legal source and status on the day the plan was reviewed.
//!
//! Run with `cargo run --example walkthrough`.

use chrono::NaiveDate;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::deadlines::{self, ReviewDueReading};
use send_pathway::exceptions::{judge, Act};
use send_pathway::{Deadline, Result};

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(send_pathway::Error::InconsistentRecord {
        reason: format!("{y}-{m}-{d} is not a date"),
    })
}

fn main() -> Result<()> {
    let cal = HolidayCalendar::england_and_wales();
    let received = date(2025, 1, 6)?;
    let today = date(2026, 5, 29)?;

    // (what, deadline, the act and when it was done)
    let timeline = deadlines::statutory_timeline(received, &cal)?;
    let advice_received = date(2025, 2, 17)?;
    let draft_served = date(2025, 4, 7)?;
    let final_issued = date(2025, 5, 23)?;
    let meeting = date(2026, 3, 11)?;
    let decision = date(2026, 4, 8)?;

    let rows: Vec<(&str, Deadline, Act)> = vec![
        (
            "Decision whether to assess",
            timeline.decision_to_assess,
            Act::Done(date(2025, 2, 14)?),
        ),
        (
            "EP advice",
            deadlines::advice_due(advice_received, &cal)?,
            Act::Done(date(2025, 3, 28)?),
        ),
        (
            "Health advice",
            deadlines::advice_due(advice_received, &cal)?,
            Act::Done(date(2025, 3, 31)?),
        ),
        (
            "Social care advice",
            deadlines::advice_due(advice_received, &cal)?,
            Act::Done(date(2025, 3, 24)?),
        ),
        (
            "School advice",
            deadlines::advice_due(advice_received, &cal)?,
            Act::Done(date(2025, 3, 27)?),
        ),
        (
            "Draft plan (target)",
            timeline.draft_target,
            Act::Done(draft_served),
        ),
        (
            "Representations on draft",
            deadlines::draft_representations_window(draft_served, &cal)?,
            Act::Done(date(2025, 4, 17)?),
        ),
        (
            "School consultation reply",
            deadlines::school_consultation_reply_due(date(2025, 4, 23)?, &cal)?,
            Act::Done(date(2025, 5, 6)?),
        ),
        (
            "Limit had the answer been \"no\"",
            timeline.not_to_issue,
            Act::NotDone,
        ),
        (
            "Final EHC plan",
            timeline.final_plan,
            Act::Done(final_issued),
        ),
        (
            "Review invitations",
            deadlines::review_invitations_due(meeting, &cal)?,
            Act::Done(date(2026, 2, 20)?),
        ),
        (
            "Review advice circulated",
            deadlines::review_advice_due(meeting, &cal)?,
            Act::Done(date(2026, 2, 25)?),
        ),
        (
            "Review report",
            deadlines::review_report_due(meeting, &cal)?,
            Act::Done(date(2026, 3, 20)?),
        ),
        (
            "Review decision (amend)",
            deadlines::review_decision_due(meeting, &cal)?,
            Act::Done(decision),
        ),
        (
            "Amendment notice",
            deadlines::amendment_notice_due(meeting, &cal)?,
            Act::Done(decision),
        ),
        (
            "Representations on amendments",
            deadlines::amendment_representations_window(decision, &cal)?,
            Act::Done(date(2026, 4, 20)?),
        ),
        (
            "First annual review",
            deadlines::review_due(
                final_issued,
                ReviewDueReading::TwelveMonthsStartingWith,
                &cal,
            )?,
            Act::Done(decision),
        ),
        (
            "Final amended plan",
            deadlines::amended_plan_due(decision, &cal)?,
            Act::NotDone,
        ),
    ];

    println!(
        "DOMAIN Case 1 — request received {} ({}); status as at {today}\n",
        received,
        received.format("%a")
    );
    println!(
        "{:<31} {:<16} {:<22} {:<66} Status",
        "What", "Due", "Rule", "Source"
    );
    println!("{}", "-".repeat(150));
    for (what, deadline, act) in rows {
        // The 16-week limit binds only a decision *not* to issue; here the council issued.
        let status = if deadline.rule() == send_pathway::RuleId::TNotIssue16w {
            "not applicable (plan issued)".to_owned()
        } else {
            judge(&deadline, act, today, &[])?.to_string()
        };
        let flag = if deadline.on_non_working_day() {
            " *"
        } else {
            ""
        };
        println!(
            "{:<31} {:<16} {:<22} {:<66} {}",
            what,
            format!("{}{}", deadline.due().format("%a %Y-%m-%d"), flag),
            deadline.rule().code(),
            deadline.source(),
            status
        );
    }
    println!("\n* due on a weekend or bank holiday: flagged, never moved (DC-8).");
    println!(
        "Final plan issued after {} days: {} the 20-week limit.",
        (final_issued - received).num_days(),
        if final_issued <= timeline.final_plan.due() {
            "within"
        } else {
            "outside"
        }
    );
    Ok(())
}
