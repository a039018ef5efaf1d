//! Sutton: "no to assess", then a Next Steps Meeting, an
//! Additional Support Contract built from the `asc` module's own types,
//! mediation declined with a certificate, and the appeal limit with the
//! tribunal's r12 effective date — the branches of the pathway where the
//! answer is no.
//!
//! Only the events and their dates are typed in; the phase, the ids opened,
//! every due date, rule, source, status and r12 date are asked of the case.
//! An over-cap ASC term is refused, handed back, and the case is unchanged.
//!
//! Run with `cargo run --example no_to_assess`.

mod common;

use chrono::NaiveDate;
use common::{date, line, log, Ledger, Res};
use send_pathway::advice::SensoryImpairment;
use send_pathway::asc::{
    AscDecision, AscEvidence, AscRequest, AscRequester, EhcPlanStatus, ExtensionWish, Moderation,
    OfficerDecision, PanelAdvice, Progress, Robustness, SetupMeeting, SupportStillNeeded,
    TermReview,
};
use send_pathway::calendar::{HolidayCalendar, Term, TermCalendar, TermName};
use send_pathway::money::Pounds;
use send_pathway::pathway::{
    Actor, AppealGrounds, Calendars, Case, Child, ContractId, DecisionNotice, DisputeId, Event,
    EventKind, MediationChoice, MeetingId, Opened, ParentalAgreement,
};
use send_pathway::LocalPolicy;

/// What the case owes on `today`, with the tribunal's r12 date where it differs.
fn show(case: &Case, today: NaiveDate, cal: &HolidayCalendar) -> Res<()> {
    println!("{:<20}due as at {today} (phase: {}):", "", case.phase());
    for o in case.obligations(today, cal)? {
        let effective = match o.deadline.tribunal_effective() {
            Some(e) if e != o.deadline.due() => {
                format!(
                    " — in time until {} under HESC r12",
                    e.format("%a %Y-%m-%d")
                )
            }
            _ => String::new(),
        };
        println!(
            "{:<22}{:<20} {} {:<52} {}{effective}",
            "",
            o.rule().code(),
            o.deadline.due().format("%a %Y-%m-%d"),
            o.subject.to_string(),
            o.status
        );
    }
    Ok(())
}

fn first_opened<T>(opened: &[Opened], pick: impl Fn(&Opened) -> Option<T>) -> Res<T> {
    opened
        .iter()
        .find_map(pick)
        .ok_or_else(|| "the event should have opened something".into())
}

fn main() -> Res<()> {
    let cal = HolidayCalendar::england_and_wales();
    let terms = TermCalendar::new(
        vec![
            Term::new(TermName::Summer, date(2025, 4, 22)?, date(2025, 7, 22)?)?,
            Term::new(TermName::Autumn, date(2025, 9, 3)?, date(2025, 12, 19)?)?,
        ],
        vec![],
    )?;
    let cals = Calendars::new(&cal, &terms);
    let child = Child {
        reference: "CYP-2017-0110".into(),
        date_of_birth: date(2017, 1, 10)?,
        sensory_impairment: SensoryImpairment::None,
    };
    let mut ledger = Ledger::new();

    println!("No to assess through the pathway (Sutton policy)\n");
    let request = Event::new(
        date(2025, 3, 12)?,
        Actor::School,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::Agreed,
        },
    );
    let text = line(&request);
    let (mut case, applied) = Case::open(child.clone(), LocalPolicy::sutton(), request, cals)?;
    ledger.opened(&case, &cal)?;
    log(&text, &case, &applied);
    show(&case, date(2025, 3, 13)?, &cal)?;

    let mut step = |case: &mut Case, event: Event| -> Res<Vec<Opened>> {
        let text = line(&event);
        let applied = ledger.apply(case, event, cals)?;
        log(&text, case, &applied);
        Ok(applied.opened)
    };
    let council = |on, kind| Event::new(on, Actor::Council, kind);

    // The panel of 15 April advises "no"; the notice goes out the next day.
    let opened = step(
        &mut case,
        council(
            date(2025, 4, 16)?,
            EventKind::DecidedNotToAssess {
                panel_on: date(2025, 4, 15)?,
                notice: DecisionNotice::complete(
                    "needs can be met at SEN Support from the school's notional budget",
                ),
            },
        ),
    )?;
    let dispute: DisputeId = first_opened(&opened, |o| match o {
        Opened::Dispute(id) => Some(*id),
        _ => None,
    })?;
    let meeting: MeetingId = first_opened(&opened, |o| match o {
        Opened::Meeting(id) => Some(*id),
        _ => None,
    })?;
    show(&case, date(2025, 4, 17)?, &cal)?;

    step(
        &mut case,
        Event::new(
            date(2025, 4, 17)?,
            Actor::Parent,
            EventKind::NsmAccepted { meeting },
        ),
    )?;
    step(
        &mut case,
        council(date(2025, 4, 28)?, EventKind::NsmHeld { meeting }),
    )?;

    // ASC-REQUESTERS (b)(i): the panel suggested an Additional Support Contract.
    let pounds = |n: i64| Pounds::whole(n);
    let request = AscRequest {
        child: case.child().reference.clone(),
        setting: "Oak Primary School".into(),
        requested_by: AscRequester::PanelOnAssessmentRequest,
        received_on: date(2025, 4, 28)?,
        plan: EhcPlanStatus::NoPlan,
        evidence: AscEvidence {
            notional_budget_spent: pounds(6_000)?,
            use_of_notional_budget: "small-group phonics and a daily TA check-in".into(),
            reason_for_more: "less than expected progress across three APDR cycles".into(),
            apdr_evidence: "APDR records September, January and March".into(),
            smart_outcomes: vec!["Blend CVC words independently by July 2025".into()],
            family_involvement: "parents attended each review and agreed the outcomes".into(),
        },
        requested_per_term: pounds(2_500)?,
    };
    let opened = step(
        &mut case,
        council(
            date(2025, 4, 28)?,
            EventKind::AscRequested {
                request: Box::new(request),
            },
        ),
    )?;
    let contract: ContractId = first_opened(&opened, |o| match o {
        Opened::Contract(id) => Some(*id),
        _ => None,
    })?;
    step(
        &mut case,
        Event::new(
            date(2025, 4, 29)?,
            Actor::School,
            EventKind::AscSetupMeetingHeld {
                contract,
                meeting: Box::new(SetupMeeting {
                    held_on: date(2025, 4, 29)?,
                    targets: vec![
                        "Blend CVC words".into(),
                        "Join in whole-class phonics".into(),
                    ],
                    impact_measures: "phonics screening check at each half-term".into(),
                    planned_use: "additional TA hours, three mornings a week".into(),
                    planned_amount: pounds(2_000)?,
                }),
            },
        ),
    )?;
    let decision = |panel: NaiveDate, decided: NaiveDate| -> Res<AscDecision> {
        Ok(AscDecision::new(
            PanelAdvice {
                panel_date: panel,
                targets: Robustness::Robust,
                recommended_per_term: pounds(2_000)?,
            },
            OfficerDecision::Approved {
                officer: "Head of SEN".into(),
                decided_on: decided,
                per_term: pounds(2_000)?,
            },
        ))
    };
    step(
        &mut case,
        council(
            date(2025, 5, 1)?,
            EventKind::AscDecided {
                contract,
                decision: Box::new(decision(date(2025, 4, 30)?, date(2025, 5, 1)?)?),
            },
        ),
    )?;
    let summer = terms
        .term_containing(date(2025, 5, 1)?)
        .ok_or("no summer term")?;
    let autumn = terms.term_after(summer.id()).ok_or("no autumn term")?;

    // ASC-TERM-CAP: £2,500 for the term is refused, handed back, and the case is unchanged.
    let before = case.clone();
    let over = council(
        date(2025, 5, 1)?,
        EventKind::AscTermFunded {
            contract,
            term: summer.id(),
            dates: summer.dates,
            amount: pounds(2_500)?,
            moderation: Moderation::NotModerated,
        },
    );
    match case.apply(over, cals) {
        Ok(_) => println!("{:<20}(unexpectedly accepted)", ""),
        Err(refused) => println!("{:<20}REFUSED: {refused}", ""),
    }
    if case != before {
        return Err("a refused event changed the case".into());
    }
    step(
        &mut case,
        council(
            date(2025, 5, 1)?,
            EventKind::AscTermFunded {
                contract,
                term: summer.id(),
                dates: summer.dates,
                amount: pounds(2_000)?,
                moderation: Moderation::NotModerated,
            },
        ),
    )?;

    // Mediation declined: certificate within 3 working days (T-MED-CERT-3WD).
    step(
        &mut case,
        Event::new(
            date(2025, 5, 20)?,
            Actor::Parent,
            EventKind::MediationAdviserContacted {
                dispute,
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
            EventKind::MediationCertificateIssued { dispute },
        ),
    )?;
    // T-APPEAL-2M-1M: the later of two months from the notice and one month from the certificate, with r12.
    show(&case, date(2025, 5, 22)?, &cal)?;
    if let Some(d) = case.dispute(dispute) {
        let limit = d.appeal_deadline(&cal)?;
        println!(
            "{:<20}appeal limit for {dispute} ({}): {} ({}), effective {} under HESC r12\n",
            "",
            d.decision(),
            limit.due().format("%a %Y-%m-%d"),
            limit.rule(),
            limit
                .tribunal_effective()
                .unwrap_or(limit.due())
                .format("%a %Y-%m-%d")
        );
    }
    step(
        &mut case,
        Event::new(
            date(2025, 6, 20)?,
            Actor::Parent,
            EventKind::AppealLodged {
                dispute,
                grounds: AppealGrounds::NeedsOrProvision,
            },
        ),
    )?;

    // ASC-REVIEW-1TERM, ASC-EXTEND-PANEL: a final Autumn term, then the end.
    step(
        &mut case,
        Event::new(
            date(2025, 7, 18)?,
            Actor::School,
            EventKind::AscReviewed {
                contract,
                review: TermReview {
                    reviewed_on: date(2025, 7, 18)?,
                    progress: Progress::Successful,
                    extension: ExtensionWish::Wanted,
                },
            },
        ),
    )?;
    step(
        &mut case,
        council(
            date(2025, 7, 22)?,
            EventKind::AscExtended {
                contract,
                decision: Box::new(decision(date(2025, 7, 21)?, date(2025, 7, 22)?)?),
            },
        ),
    )?;
    step(
        &mut case,
        council(
            date(2025, 9, 5)?,
            EventKind::AscTermFunded {
                contract,
                term: autumn.id(),
                dates: autumn.dates,
                amount: pounds(2_000)?,
                moderation: Moderation::Moderated,
            },
        ),
    )?;
    step(
        &mut case,
        council(
            date(2025, 12, 19)?,
            EventKind::AscEnded {
                contract,
                support_still_needed: SupportStillNeeded::Yes,
            },
        ),
    )?;

    let today = date(2025, 12, 19)?;
    println!("\nEvery deadline of Case 2, from the case itself\n");
    ledger.close(&case, today, &cal)?;
    ledger.print(&case, today)?;

    if let Some(track) = case.contracts().first() {
        let k = track.contract();
        println!(
            "\n{}: {:?}, {} funded term(s), {} in all",
            track.id(),
            k.stage(),
            k.funded_terms().len(),
            k.total_awarded()
        );
        if let Some(end) = k.ending() {
            println!("  ended {}: next step {:?}", end.ended_on, end.next_step);
        }
    }
    println!("\nWhat may happen next on {today}:");
    for n in case.next_events(today, &cal)? {
        println!("  {n}");
    }
    Ok(())
}
