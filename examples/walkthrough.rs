//! DOMAIN Case 1: a request straight through to a final plan and its first
//! annual review. First the case runs through the typed pathway, event by
//! event; then every deadline as a table — its date, weekday, rule ID, legal
//! source and status; then what the case says is due, and its SEN2 record.
//!
//! Run with `cargo run --example walkthrough`.

use chrono::NaiveDate;
use send_pathway::advice::{AdviceType, SensoryImpairment};
use send_pathway::calendar::HolidayCalendar;
use send_pathway::deadlines::{self, ReviewDueReading};
use send_pathway::exceptions::{judge, Act};
use send_pathway::pathway::{
    obligations, sen2_records, Actor, Case, Child, Event, EventKind, FinalPlanChanges,
    ParentalAgreement, ReviewKind, ReviewOutcome,
};
use send_pathway::{Deadline, LocalPolicy, Result};

/// Case 1 as the events a case-management system would record.
fn case_1_events() -> Result<Vec<Event>> {
    let council =
        |y, m, d, kind| -> Result<Event> { Ok(Event::new(date(y, m, d)?, Actor::Council, kind)) };
    let mut events = vec![
        Event::new(
            date(2025, 1, 6)?,
            Actor::Parent,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        ),
        council(2025, 1, 8, EventKind::ConsideringNotified)?,
        council(2025, 2, 14, EventKind::DecidedToAssess)?,
    ];
    for (advice_type, body) in [
        (AdviceType::Psychological, "Cognus EPS"),
        (AdviceType::Medical, "Community paediatrics"),
        (AdviceType::SocialCare, "Children's First Contact Service"),
        (AdviceType::Educational, "Oak Primary School"),
    ] {
        events.push(council(
            2025,
            2,
            14,
            EventKind::AdviceRequested {
                advice_type,
                body: body.into(),
                contact: format!("{body} duty contact"),
            },
        )?);
    }
    for request in 0..4 {
        events.push(council(
            2025,
            2,
            17,
            EventKind::AdviceRequestReceived { request },
        )?);
    }
    for (request, (m, d)) in [(3, 24), (3, 27), (3, 28), (3, 31)].into_iter().enumerate() {
        events.push(council(2025, m, d, EventKind::AdviceReceived { request })?);
    }
    events.extend([
        council(
            2025,
            4,
            7,
            EventKind::DraftPlanIssued { names_school: None },
        )?,
        Event::new(
            date(2025, 4, 14)?,
            Actor::Parent,
            EventKind::RepresentationsReceived {
                requested_school: Some("Oak Primary School".into()),
            },
        ),
        council(
            2025,
            4,
            23,
            EventKind::SchoolConsulted {
                school: "Oak Primary School".into(),
            },
        )?,
        Event::new(
            date(2025, 5, 6)?,
            Actor::School,
            EventKind::SchoolReplied { consultation: 0 },
        ),
        council(
            2025,
            5,
            23,
            EventKind::FinalPlanIssued {
                school: "Oak Primary School".into(),
                changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
            },
        )?,
        Event::new(
            date(2026, 2, 20)?,
            Actor::School,
            EventKind::ReviewMeetingScheduled {
                meeting_on: date(2026, 3, 11)?,
                kind: ReviewKind::Scheduled,
            },
        ),
        Event::new(
            date(2026, 2, 25)?,
            Actor::School,
            EventKind::ReviewAdviceCirculated,
        ),
        Event::new(
            date(2026, 3, 11)?,
            Actor::School,
            EventKind::ReviewMeetingHeld,
        ),
        Event::new(
            date(2026, 3, 20)?,
            Actor::School,
            EventKind::ReviewReportSent,
        ),
        council(
            2026,
            4,
            8,
            EventKind::ReviewDecided {
                outcome: ReviewOutcome::Amend,
            },
        )?,
    ]);
    Ok(events)
}

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(send_pathway::Error::InconsistentRecord {
        reason: format!("{y}-{m}-{d} is not a date"),
    })
}

fn main() -> Result<()> {
    let cal = HolidayCalendar::england_and_wales();
    let received = date(2025, 1, 6)?;
    let today = date(2026, 5, 29)?;

    // 1. The case through the typed pathway.
    let child = Child {
        reference: "CYP-2016-0301".into(),
        date_of_birth: date(2016, 3, 1)?,
        sensory_impairment: SensoryImpairment::None,
    };
    let mut events = case_1_events()?.into_iter();
    let first = events
        .next()
        .ok_or(send_pathway::Error::InconsistentRecord {
            reason: "no events".into(),
        })?;
    println!("DOMAIN Case 1 through the pathway (Sutton policy)\n");
    println!("{:<15} {:<8} {:<42} Stage after", "Date", "By", "Event");
    println!("{}", "-".repeat(90));
    let first_line = (first.on, first.by.to_string(), first.kind.name());
    let (mut case, _) = Case::open(child, LocalPolicy::sutton(), first, &cal)?;
    println!(
        "{:<15} {:<8} {:<42} {}",
        first_line.0.format("%a %Y-%m-%d"),
        first_line.1,
        first_line.2,
        case.stage().name()
    );
    for event in events {
        let line = (event.on, event.by.to_string(), event.kind.name());
        let warnings = case.apply(event, &cal)?;
        println!(
            "{:<15} {:<8} {:<42} {}",
            line.0.format("%a %Y-%m-%d"),
            line.1,
            line.2,
            case.stage().name()
        );
        for w in warnings {
            println!("{:<15} note: {w}", "");
        }
    }
    println!();

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

    // 3. What the case itself says is due today, and its SEN2 record.
    println!(
        "\nOpen obligations on {today} (stage {}):",
        case.stage().name()
    );
    for o in obligations(&case, today, &cal)? {
        println!(
            "  {:<52} {} {:<18} {:>5} days  {}",
            o.what,
            o.deadline.due().format("%a %Y-%m-%d"),
            o.rule().code(),
            o.days_left,
            o.status
        );
    }
    for r in sen2_records(&case) {
        println!(
            "\nSEN2: request {}, decided to assess {:?}, plan issued {:?}, within 20 weeks: {:?}, exceptions apply: {}",
            r.request_received, r.decided_to_assess_on, r.plan_issued_on, r.within_20_weeks, r.exceptions_apply
        );
    }
    Ok(())
}
