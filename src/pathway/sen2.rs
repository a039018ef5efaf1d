//! The case's SEN2 record (DfE person-level return), kept up to date as
//! events apply, so a caseload's return never rescans histories (SEN2-REQUEST,
//! SEN2-ASSESSMENT, SEN2-TIMELINESS-20W).
//!
//! The 20-week measure counts a plan as in time when it is issued on or
//! before T-FINAL-20W's due date (DC-1, `deadlines::issued_within_20_weeks`);
//! DfE's exact day count is unverified, so the crate uses its own deadline and
//! says so.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::event::{AppealableDecision, CeaseGround, ReviewOutcome};
use super::state::{CaseState, Dispute};
use crate::exceptions::ExceptionClaim;
use crate::nsm::PanelOutcome;
use crate::rule::RuleId;

/// One request and what came of it, as SEN2 counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Sen2Record {
    /// `ReceivedDate`: when the request was received (start of the 20 weeks).
    pub request_received: NaiveDate,
    /// When the council decided to assess.
    pub decided_to_assess_on: Option<NaiveDate>,
    /// When it decided not to assess.
    pub decided_not_to_assess_on: Option<NaiveDate>,
    /// When it decided not to issue a plan.
    pub decided_not_to_issue_on: Option<NaiveDate>,
    /// When the plan was issued.
    pub plan_issued_on: Option<NaiveDate>,
    /// Issued within 20 weeks (T-FINAL-20W, `deadlines::issued_within_20_weeks`).
    pub within_20_weeks: Option<bool>,
    /// `Week20`: an exception to the 20-week limit was recorded (EXC-13-3).
    pub exceptions_apply: bool,
    /// `RequestTribunal`: an appeal was lodged against this request's refusal
    /// to assess (SEN2-REQUEST).
    pub appealed: bool,
    /// `AssessmentTribunal`: an appeal was lodged against this assessment's
    /// decision not to issue a plan (SEN2-ASSESSMENT). Appeals on a plan's
    /// contents or on ceasing it are about the plan, not the assessment, and
    /// leave both flags alone.
    #[cfg_attr(feature = "serde", serde(default))]
    pub assessment_appealed: bool,
    /// When the last review decision was notified (`LastReview`).
    pub last_review_decision_on: Option<NaiveDate>,
    /// The latest review meeting before that decision (`ReviewMeeting`).
    pub last_review_meeting_on: Option<NaiveDate>,
    /// `ReviewOutcome`.
    pub last_review_outcome: Option<ReviewOutcome>,
    /// When the plan ceased (`CeaseDate`) and why.
    pub ceased: Option<(NaiveDate, CeaseGround)>,
    /// `Exported`: the child moved to another council before the assessment ended.
    pub exported: bool,
    /// When the child moved out with a plan (SEN2 cease reason 5).
    pub transferred_out_on: Option<NaiveDate>,
    /// A tribunal order or concession followed a "no" on this request (the
    /// original outcome stands in SEN2; only this flag is set).
    pub tribunal_reversed: bool,
}

impl Sen2Record {
    fn new(received: NaiveDate) -> Self {
        Sen2Record {
            request_received: received,
            decided_to_assess_on: None,
            decided_not_to_assess_on: None,
            decided_not_to_issue_on: None,
            plan_issued_on: None,
            within_20_weeks: None,
            exceptions_apply: false,
            appealed: false,
            assessment_appealed: false,
            last_review_decision_on: None,
            last_review_meeting_on: None,
            last_review_outcome: None,
            ceased: None,
            exported: false,
            transferred_out_on: None,
            tribunal_reversed: false,
        }
    }
}

fn last(state: &mut CaseState) -> Option<&mut Sen2Record> {
    state.sen2.last_mut()
}

pub(crate) fn request_received(state: &mut CaseState, on: NaiveDate) {
    state.sen2.push(Sen2Record::new(on));
}

pub(crate) fn decided_to_assess(state: &mut CaseState, on: NaiveDate) {
    if let Some(r) = last(state) {
        // SEN2-REQUEST: a "yes" after a tribunal reversed a "no" leaves the
        // original outcome standing; `tribunal_reversed` carries the reversal.
        if r.decided_not_to_assess_on.is_none() {
            r.decided_to_assess_on = Some(on);
        }
    }
}

pub(crate) fn refused(state: &mut CaseState, outcome: PanelOutcome, on: NaiveDate) {
    if let Some(r) = last(state) {
        match outcome {
            PanelOutcome::NoToAssess => r.decided_not_to_assess_on = Some(on),
            _ => r.decided_not_to_issue_on = Some(on),
        }
    }
}

pub(crate) fn plan_issued(state: &mut CaseState, on: NaiveDate) {
    if let Some(r) = last(state) {
        if r.plan_issued_on.is_none() {
            r.plan_issued_on = Some(on);
            // SEN2-TIMELINESS-20W: T-FINAL-20W's own period decides.
            r.within_20_weeks =
                crate::deadlines::issued_within_20_weeks(r.request_received, on).ok();
        }
    }
}

pub(crate) fn exception(state: &mut CaseState, claim: &ExceptionClaim) {
    // `Week20`: the claim excuses T-FINAL-20W, as the exception's own rule says.
    if claim.exception().excuses(RuleId::TFinal20w) {
        if let Some(r) = last(state) {
            r.exceptions_apply = true;
        }
    }
}

pub(crate) fn dispute_updated(state: &mut CaseState, dispute: &Dispute) {
    if dispute.appeal.is_some() && dispute.outcome.is_none() {
        if let Some(r) = last(state) {
            // SEN2-REQUEST / SEN2-ASSESSMENT: each flag is about its own decision.
            match dispute.decision {
                AppealableDecision::RefusalToAssess => r.appealed = true,
                AppealableDecision::RefusalToIssue => r.assessment_appealed = true,
                _ => {}
            }
        }
    }
}

pub(crate) fn reviewed(
    state: &mut CaseState,
    meeting: Option<NaiveDate>,
    on: NaiveDate,
    outcome: ReviewOutcome,
) {
    if let Some(r) = last(state) {
        r.last_review_decision_on = Some(on);
        r.last_review_meeting_on = meeting;
        r.last_review_outcome = Some(outcome);
    }
}

pub(crate) fn ceased(state: &mut CaseState, on: NaiveDate, ground: CeaseGround) {
    if let Some(r) = last(state) {
        r.ceased = Some((on, ground));
    }
}

/// The 20-week measures over many records, including and excluding
/// exceptions (SEN2-TIMELINESS-20W).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Sen2Timeliness {
    /// Plans issued.
    pub issued: u64,
    /// Of them, within 20 weeks.
    pub within_20_weeks: u64,
    /// Plans issued with no exception recorded.
    pub issued_excluding_exceptions: u64,
    /// Of them, within 20 weeks.
    pub within_20_weeks_excluding_exceptions: u64,
}

impl Sen2Timeliness {
    /// Count the measures over `records`.
    pub fn from_records<'a>(records: impl IntoIterator<Item = &'a Sen2Record>) -> Self {
        let mut t = Sen2Timeliness::default();
        for r in records {
            let Some(within) = r.within_20_weeks else {
                continue;
            };
            t.issued += 1;
            t.within_20_weeks += u64::from(within);
            if !r.exceptions_apply {
                t.issued_excluding_exceptions += 1;
                t.within_20_weeks_excluding_exceptions += u64::from(within);
            }
        }
        t
    }

    /// Percentage within 20 weeks, all plans; one decimal place, halves away from zero.
    pub fn percent_including_exceptions(&self) -> Option<Decimal> {
        percent(self.within_20_weeks, self.issued)
    }

    /// Percentage within 20 weeks, plans with an exception removed from both counts.
    pub fn percent_excluding_exceptions(&self) -> Option<Decimal> {
        percent(
            self.within_20_weeks_excluding_exceptions,
            self.issued_excluding_exceptions,
        )
    }
}

fn percent(part: u64, whole: u64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let ratio = Decimal::from(part)
        .checked_mul(Decimal::from(100))?
        .checked_div(Decimal::from(whole))?;
    Some(ratio.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero))
}

pub(crate) fn transferred_out(state: &mut CaseState, on: NaiveDate) {
    let assessing = state.phase.assessment().is_some();
    let plan = state.phase.plan().is_some();
    if let Some(r) = last(state) {
        if assessing {
            r.exported = true;
        } else if plan {
            r.transferred_out_on = Some(on);
        }
    }
}

pub(crate) fn tribunal(state: &mut CaseState) {
    if let Some(r) = last(state) {
        r.tribunal_reversed = true;
    }
}
