//! A Next Steps Meeting after "no to assess" (Sutton): the
//! contact window, proposed slots around everyone's diaries, the meeting
//! scheduled, its invitations and its agenda.
//!
//! Run with `cargo run --example nsm`.

use chrono::{NaiveDate, NaiveTime};
use send_pathway::calendar::{HolidayCalendar, Term, TermCalendar, TermName};
use send_pathway::nsm::*;
use send_pathway::{Error, LocalPolicy, Result};

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(Error::InconsistentRecord {
        reason: format!("{y}-{m}-{d} is not a date"),
    })
}

fn time(h: u32, m: u32) -> Result<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0).ok_or(Error::InconsistentRecord {
        reason: format!("{h}:{m} is not a time"),
    })
}

fn main() -> Result<()> {
    let cal = HolidayCalendar::england_and_wales();
    let school = TermCalendar::new(
        vec![Term::new(
            TermName::Summer,
            date(2025, 4, 22)?,
            date(2025, 7, 22)?,
        )?],
        vec![],
    )?;
    let panel = date(2025, 4, 15)?;

    println!("Panel {panel}: EHC needs assessment not required.");
    println!(
        "Sutton: {}; Salford: {} (NSM-WHEN, NSM-SALFORD)",
        offer(PanelOutcome::NoToAssess, &LocalPolicy::sutton()),
        offer(PanelOutcome::NoToAssess, &LocalPolicy::salford())
    );
    let contact = contact_window(panel)?;
    println!(
        "Facilitator contacts the setting {} to {} (NSM-CONTACT-1W)",
        contact.first(),
        contact.last()
    );
    println!(
        "Latest meeting date {} (NSM-WITHIN-2W)\n",
        latest_meeting_date(panel)?
    );

    let busy = |who: &str, y, m, d, from: (u32, u32), to: (u32, u32)| -> Result<Unavailability> {
        Ok(Unavailability {
            participant: who.into(),
            from: date(y, m, d)?.and_time(time(from.0, from.1)?),
            to: date(y, m, d)?.and_time(time(to.0, to.1)?),
        })
    };
    let search = SlotSearch {
        panel,
        length: MeetingLength::minutes(90)?,
        day_starts: time(9, 0)?,
        day_ends: time(15, 0)?,
        step_minutes: 30,
        unavailable: vec![
            busy("EP", 2025, 4, 22, (9, 0), (17, 0))?,
            busy("Parent", 2025, 4, 23, (8, 0), (18, 0))?,
            busy("SENCO", 2025, 4, 24, (9, 0), (15, 0))?,
            busy("EP", 2025, 4, 25, (9, 0), (15, 0))?,
            busy("Class teacher", 2025, 4, 28, (9, 0), (10, 0))?,
        ],
        max_slots: 4,
    };
    println!("Earliest free slots (working days, school open, everyone free):");
    for slot in propose_slots(&search, &cal, &school)? {
        println!(
            "  {} {}–{}",
            slot.start.date().format("%a %d %b %Y"),
            slot.start.format("%H:%M"),
            slot.end.format("%H:%M")
        );
    }

    let notes = PanelNotes {
        panel,
        outcome: PanelOutcome::NoToAssess,
        facilitator: Facilitator {
            name: "Dr A. Patel".into(),
            service: FacilitatingService::EducationalPsychology,
            named_by: Nominator::PrincipalEducationalPsychologist,
        },
        invitees: vec![
            Invitee::Setting {
                name: "Oak Primary School (SENCO and class teacher)".into(),
            },
            Invitee::ChildOrYoungPerson {
                attendance: ChildAttendance::ParentsDecidedNotToAttend,
            },
            Invitee::ParentOrCarer {
                name: "Ms R. Jones".into(),
            },
            Invitee::Professional {
                name: "J. Okafor".into(),
                service: "Speech and language therapy".into(),
            },
            Invitee::EhcpCoordinator {
                name: "Sam Lee".into(),
            },
        ],
        suggested_next_steps: vec![
            "Build a new SEND Support Plan".into(),
            "Explore an Additional Support Contract".into(),
        ],
        asc_route: AscRoute::Authorised,
    };
    let (meeting, warnings) = NextStepsMeeting::schedule(
        MeetingPlan {
            notes,
            setting_contacted_on: date(2025, 4, 17)?,
            start: date(2025, 4, 28)?.and_time(time(10, 0)?),
            length: MeetingLength::minutes(90)?,
            venue: Venue::School,
            agenda_circulated_on: date(2025, 4, 23)?,
            family: FamilyResponse::Accepted(date(2025, 4, 17)?),
        },
        &cal,
        &school,
    )?;
    for w in &warnings {
        println!("warning: {w}");
    }

    println!(
        "\nNEXT STEPS MEETING — {} {}–{} at {}",
        meeting.start().format("%A %d %B %Y"),
        meeting.start().format("%H:%M"),
        meeting.end().format("%H:%M"),
        meeting.venue()
    );
    println!(
        "Facilitator: {} ({}), arranged by {}",
        meeting.notes().facilitator.name,
        meeting.notes().facilitator.service,
        meeting.arranger()
    );
    println!("\nInvited (NSM-INVITE):");
    for invitee in &meeting.notes().invitees {
        println!("  {invitee}");
    }
    println!("\nAgenda (NSM-AGENDA-7):");
    for (i, item) in meeting.agenda().iter().enumerate() {
        println!("  {}. {:<28} {}", i + 1, item.title(), item.purpose());
    }
    println!("\nMinimum content (NSM-MIN-CONTENT):");
    for item in meeting.minimum_content() {
        println!("  ({}) {}", item.letter(), item.description());
    }
    for (sector, amount, qualifier) in notional_funding() {
        println!("      {qualifier} {amount} for {sector}");
    }
    Ok(())
}
