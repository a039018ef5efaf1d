//! One Additional Support Contract from request to its final term
//! (Sutton): a panel-suggested contract for Summer 2025, reviewed, a
//! final Autumn term granted through the panel, then the end with the prompt to
//! consider an EHC needs assessment.
//!
//! Run with `cargo run --example asc`.

use chrono::NaiveDate;
use send_pathway::asc::*;
use send_pathway::calendar::{Term, TermCalendar, TermId, TermName};
use send_pathway::money::Pounds;
use send_pathway::{Error, LocalPolicy, Result};

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(Error::InconsistentRecord {
        reason: format!("{y}-{m}-{d} is not a date"),
    })
}

fn main() -> Result<()> {
    let terms = TermCalendar::new(
        vec![
            Term::new(TermName::Summer, date(2025, 4, 22)?, date(2025, 7, 22)?)?,
            Term::new(TermName::Autumn, date(2025, 9, 3)?, date(2025, 12, 19)?)?,
        ],
        vec![],
    )?;
    let summer = terms.terms()[0].id();
    let autumn = terms.terms()[1].id();

    // ASC-REQUESTERS (b)(i): the panel of 15 April 2025 suggests an ASC instead of an assessment.
    let mut contract = AdditionalSupportContract::request(
        AscRequest {
            child: "CYP-2025-0312".into(),
            setting: "Oak Primary School".into(),
            requested_by: AscRequester::PanelOnAssessmentRequest,
            received_on: date(2025, 4, 15)?,
            plan: EhcPlanStatus::NoPlan,
            evidence: AscEvidence {
                notional_budget_spent: "6000".parse()?,
                use_of_notional_budget: "small-group phonics and a daily TA check-in".into(),
                reason_for_more: "less than expected progress across three APDR cycles".into(),
                apdr_evidence: "APDR records September, January and March".into(),
                smart_outcomes: vec!["Blend CVC words independently by July 2025".into()],
                family_involvement: "parents attended each review and agreed the outcomes".into(),
            },
            requested_per_term: "2500".parse()?,
        },
        &LocalPolicy::sutton(),
    )?;
    println!(
        "Requested 2025-04-15 by the panel; asked for {} a term",
        contract.request_details().requested_per_term
    );

    contract.record_setup_meeting(SetupMeeting {
        held_on: date(2025, 4, 24)?,
        targets: vec![
            "Blend CVC words".into(),
            "Join in whole-class phonics".into(),
        ],
        impact_measures: "phonics screening check at each half-term".into(),
        planned_use: "additional TA hours, three mornings a week".into(),
        planned_amount: "2000".parse()?,
    })?;
    println!("Setup meeting at the setting 2025-04-24 (ASC-SETUP-MEETING)");

    contract.record_decision(AscDecision::new(
        PanelAdvice {
            panel_date: date(2025, 4, 29)?,
            targets: Robustness::Robust,
            recommended_per_term: "2000".parse()?,
        },
        OfficerDecision::Approved {
            officer: "Head of SEN".into(),
            decided_on: date(2025, 4, 30)?,
            per_term: "2000".parse()?,
        },
    ))?;
    let decision = contract.decision().ok_or(Error::InconsistentRecord {
        reason: "no decision".into(),
    })?;
    let approved = decision.approved_per_term().unwrap_or(Pounds::ZERO);
    println!(
        "Officer approved up to {approved} a term; appeal: {}; funded from: {}",
        decision.appeal, decision.funding
    );

    // The request asked for £2,500: the most that can be awarded is capped, with the reason.
    let capped = contract.max_award("2500".parse()?, summer, &AwardsToDate::none());
    let reasons: Vec<&str> = capped.limited_by.iter().map(|r| r.code()).collect();
    println!(
        "Maximum award for {summer}: {} (limited by {})",
        capped.amount,
        reasons.join(", ")
    );

    // Recording more than the cap is an error, and the contract is unchanged.
    let before = contract.clone();
    if let Err(e) = contract.fund_term(
        &terms,
        summer,
        Pounds::whole(2_500)?,
        date(2025, 5, 1)?,
        Moderation::NotModerated,
        &AwardsToDate::none(),
    ) {
        println!("Refused: {e}");
    }
    assert_eq!(contract, before);
    contract.fund_term(
        &terms,
        summer,
        capped.amount,
        date(2025, 5, 1)?,
        Moderation::NotModerated,
        &AwardsToDate::none(),
    )?;

    contract.record_review(TermReview {
        reviewed_on: date(2025, 7, 15)?,
        progress: Progress::Successful,
        extension: ExtensionWish::Wanted,
    })?;
    println!(
        "Reviewed after one term 2025-07-15: successful; family wish to extend (ASC-REVIEW-1TERM)"
    );
    contract.record_extension(AscDecision::new(
        PanelAdvice {
            panel_date: date(2025, 7, 18)?,
            targets: Robustness::Robust,
            recommended_per_term: "1500".parse()?,
        },
        OfficerDecision::Approved {
            officer: "Head of SEN".into(),
            decided_on: date(2025, 7, 18)?,
            per_term: "1500".parse()?,
        },
    ))?;
    contract.fund_term(
        &terms,
        autumn,
        "1500".parse()?,
        date(2025, 9, 5)?,
        Moderation::Moderated,
        &AwardsToDate::none(),
    )?;
    println!("Final term granted through the panel (ASC-EXTEND-PANEL)\n");

    println!("{:<16} {:<25} {:>10}  Agreed", "Term", "Dates", "Amount");
    for t in contract.funded_terms() {
        let dates = format!("{} – {}", t.dates.first(), t.dates.last());
        println!(
            "{:<16} {:<25} {:>10}  {}",
            t.term.to_string(),
            dates,
            t.amount,
            t.agreed_on
        );
    }
    println!(
        "Total awarded: {} (contract cap {CONTRACT_CAP}, term cap {TERM_CAP}, year cap {YEAR_CAP})",
        contract.total_awarded()
    );

    // The caps hold per child across contracts: a case keeps one tally per child.
    let child = AwardsToDate::from_contracts([&contract])?;
    let spring = TermId {
        year: autumn.year,
        name: TermName::Spring,
    };
    if let Err(e) = check_child_term(&child, spring, Pounds::whole(500)?) {
        println!("A new contract for {spring} is refused: {e}");
    }

    let ending = contract.end(date(2025, 12, 19)?, SupportStillNeeded::Yes)?;
    println!(
        "Ended {}: next step: {} (ASC-TWO-TERMS)",
        ending.ended_on, ending.next_step
    );
    Ok(())
}
