//! DOMAIN Case 2 (Sutton): "no to assess", then a Next Steps Meeting, an
//! Additional Support Contract, mediation declined and an appeal — the
//! branches of the pathway where the answer is no.
//!
//! Run with `cargo run --example no_to_assess`.

use chrono::NaiveDate;
use send_pathway::advice::SensoryImpairment;
use send_pathway::calendar::{AcademicYear, HolidayCalendar, TermId, TermName};
use send_pathway::money::Pounds;
use send_pathway::pathway::{
    obligations, Actor, Case, Child, DecisionNotice, Event, EventKind, MediationChoice,
    ParentalAgreement,
};
use send_pathway::{Error, LocalPolicy, Result};

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(Error::InconsistentRecord {
        reason: format!("{y}-{m}-{d} is not a date"),
    })
}

fn show(case: &Case, today: NaiveDate, cal: &HolidayCalendar) -> Result<()> {
    println!("  due as at {today} (stage {}):", case.stage().name());
    for o in obligations(case, today, cal)? {
        let effective = match o.deadline.tribunal_effective() {
            Some(e) if e != o.deadline.due() => format!(" (in time until {e} under tribunal r12)"),
            _ => String::new(),
        };
        println!(
            "    {:<18} {} {:<50} {}{effective}",
            o.rule().code(),
            o.deadline.due().format("%a %Y-%m-%d"),
            o.what,
            o.status
        );
    }
    Ok(())
}

fn main() -> Result<()> {
    let cal = HolidayCalendar::england_and_wales();
    let child = Child {
        reference: "CYP-2017-0110".into(),
        date_of_birth: date(2017, 1, 10)?,
        sensory_impairment: SensoryImpairment::None,
    };
    let step = |case: &mut Case, event: Event| -> Result<()> {
        let line = format!(
            "{} {:<8} {}",
            event.on.format("%a %Y-%m-%d"),
            event.by.to_string(),
            event.kind.name()
        );
        let warnings = case.apply(event, &cal)?;
        println!("{line:<62} -> {}", case.stage().name());
        for w in warnings {
            println!("{:<17}note: {w}", "");
        }
        Ok(())
    };

    let request = Event::new(
        date(2025, 3, 12)?,
        Actor::School,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::Agreed,
        },
    );
    let (mut case, _) = Case::open(child, LocalPolicy::sutton(), request, &cal)?;
    println!(
        "Wed 2025-03-12 School   assessment requested                           -> {}",
        case.stage().name()
    );
    show(&case, date(2025, 3, 13)?, &cal)?;

    let notice = DecisionNotice::complete(
        "needs can be met at SEN Support from the school's notional budget",
    );
    step(
        &mut case,
        Event::new(
            date(2025, 4, 16)?,
            Actor::Council,
            EventKind::DecidedNotToAssess {
                panel_on: date(2025, 4, 15)?,
                notice,
            },
        ),
    )?;
    show(&case, date(2025, 4, 17)?, &cal)?;

    step(
        &mut case,
        Event::new(date(2025, 4, 17)?, Actor::Parent, EventKind::NsmAccepted),
    )?;
    step(
        &mut case,
        Event::new(date(2025, 4, 28)?, Actor::Council, EventKind::NsmHeld),
    )?;
    step(
        &mut case,
        Event::new(
            date(2025, 4, 28)?,
            Actor::Council,
            EventKind::ReturnedToSenSupport,
        ),
    )?;
    step(
        &mut case,
        Event::new(
            date(2025, 4, 30)?,
            Actor::Council,
            EventKind::AscStarted {
                reference: "ASC-2025-041".into(),
            },
        ),
    )?;
    let summer = TermId {
        year: AcademicYear::starting(2024),
        name: TermName::Summer,
    };
    step(
        &mut case,
        Event::new(
            date(2025, 5, 1)?,
            Actor::Council,
            EventKind::AscTermFunded {
                term: summer,
                amount: Pounds::whole(2_000)?,
            },
        ),
    )?;

    step(
        &mut case,
        Event::new(
            date(2025, 5, 20)?,
            Actor::Parent,
            EventKind::MediationAdviserContacted {
                dispute: 0,
                choice: MediationChoice::Declined,
            },
        ),
    )?;
    show(&case, date(2025, 5, 21)?, &cal)?;
    step(
        &mut case,
        Event::new(
            date(2025, 5, 22)?,
            Actor::MediationAdviser,
            EventKind::MediationCertificateIssued { dispute: 0 },
        ),
    )?;
    show(&case, date(2025, 5, 22)?, &cal)?;

    // An over-cap term is refused and the case is unchanged.
    let autumn = TermId {
        year: AcademicYear::starting(2025),
        name: TermName::Autumn,
    };
    let before = case.clone();
    if let Err(e) = case.apply(
        Event::new(
            date(2025, 6, 2)?,
            Actor::Council,
            EventKind::AscTermFunded {
                term: autumn,
                amount: Pounds::whole(2_500)?,
            },
        ),
        &cal,
    ) {
        println!("refused: {e}");
    }
    assert_eq!(case, before);

    step(
        &mut case,
        Event::new(
            date(2025, 6, 20)?,
            Actor::Parent,
            EventKind::AppealLodged { dispute: 0 },
        ),
    )?;
    step(
        &mut case,
        Event::new(
            date(2025, 9, 5)?,
            Actor::Council,
            EventKind::AscTermFunded {
                term: autumn,
                amount: Pounds::whole(2_000)?,
            },
        ),
    )?;
    step(
        &mut case,
        Event::new(date(2025, 12, 19)?, Actor::Council, EventKind::AscEnded),
    )?;
    Ok(())
}
