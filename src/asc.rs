//! Additional Support Contracts (Sutton).
//!
//! An ASC lets a school add time-limited, High-Needs-funded support for a child
//! or young person at SEN Support, without a full EHC needs assessment: at most
//! £2,000 a term, for at most two terms, and at most £6,000 per child per
//! academic year across contracts. Funding is agreed term by term; the second,
//! final term only through the panel; after that, if support is still needed,
//! the council is likely to consider an EHC needs assessment.
//!
//! The lifecycle, each step a method that checks its rule before changing
//! anything (a refused step leaves the contract exactly as it was):
//!
//! 1. [`AdditionalSupportContract::request`] — by the setting or the panel
//!    (ASC-REQUESTERS), with evidence (ASC-NOTIONAL-FIRST, ASC-EVIDENCE), never
//!    for a child with an EHC plan (ASC-SCOPE).
//! 2. [`record_setup_meeting`](AdditionalSupportContract::record_setup_meeting) (ASC-SETUP-MEETING).
//! 3. [`record_decision`](AdditionalSupportContract::record_decision): panel advice, officer decision
//!    (ASC-DECISION), no appeal (ASC-NO-APPEAL), High Needs Block (ASC-HNB).
//! 4. [`fund_term`](AdditionalSupportContract::fund_term), term by term (ASC-TERMLY-AGREEMENT), within the caps.
//! 5. [`record_review`](AdditionalSupportContract::record_review) after one term (ASC-REVIEW-1TERM).
//! 6. [`record_extension`](AdditionalSupportContract::record_extension): a final second term only
//!    through the panel (ASC-EXTEND-PANEL).
//! 7. [`end`](AdditionalSupportContract::end), with a prompt to consider an EHC needs assessment (ASC-TWO-TERMS).
//!
//! The per-child caps hold across every contract a child has, and are decided
//! in one place, [`check_child_term`], over an [`AwardsToDate`] tally that a
//! case can keep per child without holding the contracts:
//!
//! ```
//! use send_pathway::asc::{check_child_term, AwardsToDate, TERM_CAP};
//! use send_pathway::calendar::{AcademicYear, TermId, TermName};
//! use send_pathway::money::Pounds;
//!
//! let year = AcademicYear::starting(2025);
//! let autumn = TermId { year, name: TermName::Autumn };
//! let spring = TermId { year, name: TermName::Spring };
//! let mut child = AwardsToDate::none();
//! child.add_term(autumn, TERM_CAP)?; // contract 1
//! assert!(check_child_term(&child, autumn, Pounds::whole(1)?).is_err()); // ASC-TERM-CAP
//! assert!(check_child_term(&child, spring, Pounds::ZERO).is_err()); // never £0
//! child.add_term(spring, Pounds::whole(1_200)?)?; // contract 2
//! let summer = TermId { year, name: TermName::Summer };
//! let err = check_child_term(&child, summer, Pounds::whole(500)?).unwrap_err();
//! assert!(err.to_string().contains("ASC-TWO-TERMS"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::calendar::{AcademicYear, DateRange, TermCalendar, TermId, TermName};
use crate::error::{Error, Result};
use crate::money::Pounds;
use crate::policy::{AscScheme, LocalPolicy};
use crate::rule::RuleId;

/// ASC-TERM-CAP: at most £2,000 a term.
pub const TERM_CAP: Pounds = Pounds::whole_const(2_000);
/// ASC-TWO-TERMS: at most two funded terms per contract.
pub const MAX_TERMS: usize = 2;
/// ASC-TERM-CAP × ASC-TWO-TERMS: at most £4,000 per contract.
pub const CONTRACT_CAP: Pounds = Pounds::whole_const(4_000);
/// ASC-YEAR-CAP: at most £6,000 per child per academic year, across contracts.
pub const YEAR_CAP: Pounds = Pounds::whole_const(6_000);
/// FUND-NOTIONAL-6K / ASC-NOTIONAL-FIRST: the school's notional SEN budget pays the first £6,000.
pub const NOTIONAL_SEN_BUDGET: Pounds = Pounds::whole_const(6_000);

fn broken(rule: RuleId, reason: impl Into<String>) -> Error {
    Error::RuleBroken {
        rule,
        reason: reason.into(),
    }
}

fn require_text(rule: RuleId, text: &str, what: &str) -> Result<()> {
    if text.trim().is_empty() {
        Err(broken(rule, format!("record {what}")))
    } else {
        Ok(())
    }
}

/// Who asked for the contract (ASC-REQUESTERS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AscRequester {
    /// (a) The educational setting, on the EHC needs assessment request form, to the SEN Service by secure e-mail.
    Setting,
    /// (b)(i) The panel, when an EHC needs assessment is requested: needs exist, a full assessment may not be needed.
    PanelOnAssessmentRequest,
    /// (b)(ii) The panel, after an EHC needs assessment: a plan may not be needed.
    PanelAfterAssessment,
}

/// Whether the child or young person has an EHC plan (ASC-SCOPE).
///
/// Not `#[non_exhaustive]` on purpose: a typed yes/no, so a `match` on it stays exhaustive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum EhcPlanStatus {
    /// No EHC plan: the child is at SEN Support.
    NoPlan,
    /// An EHC plan is maintained.
    HasPlan,
}

/// The setting's evidence (ASC-NOTIONAL-FIRST, ASC-EVIDENCE).
///
/// A plain value record: fields are open on purpose; checked by [`AscEvidence::check`] when a contract is requested.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AscEvidence {
    /// How much of the notional SEN budget was spent on the child's SEN support.
    pub notional_budget_spent: Pounds,
    /// How the notional budget was used.
    pub use_of_notional_budget: String,
    /// The exceptional circumstances and/or less than expected progress.
    pub reason_for_more: String,
    /// Assess–plan–do–review evidence, focused on outcomes.
    pub apdr_evidence: String,
    /// SMART outcomes agreed with the family.
    pub smart_outcomes: Vec<String>,
    /// How the parent, carer or young person was involved.
    pub family_involvement: String,
}

impl AscEvidence {
    /// Check the evidence is complete.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] naming ASC-NOTIONAL-FIRST or ASC-EVIDENCE.
    pub fn check(&self) -> Result<()> {
        if self.notional_budget_spent < NOTIONAL_SEN_BUDGET {
            return Err(broken(
                RuleId::AscNotionalFirst,
                format!(
                    "the setting has spent {} of the {NOTIONAL_SEN_BUDGET} notional SEN budget; an ASC funds support beyond it",
                    self.notional_budget_spent
                ),
            ));
        }
        require_text(
            RuleId::AscNotionalFirst,
            &self.use_of_notional_budget,
            "how the notional SEN budget was used",
        )?;
        require_text(
            RuleId::AscNotionalFirst,
            &self.reason_for_more,
            "the exceptional circumstances or less than expected progress",
        )?;
        require_text(
            RuleId::AscEvidence,
            &self.apdr_evidence,
            "the assess-plan-do-review evidence",
        )?;
        require_text(
            RuleId::AscEvidence,
            &self.family_involvement,
            "how the family was involved",
        )?;
        if self.smart_outcomes.iter().all(|o| o.trim().is_empty()) {
            return Err(broken(
                RuleId::AscEvidence,
                "record at least one SMART outcome agreed with the family",
            ));
        }
        Ok(())
    }
}

/// A request for an Additional Support Contract.
///
/// A plain value record: fields are open on purpose; checked by [`AdditionalSupportContract::request`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AscRequest {
    /// The child or young person's reference in the caller's system.
    pub child: String,
    /// The setting that will provide the support.
    pub setting: String,
    /// Who asked (ASC-REQUESTERS).
    pub requested_by: AscRequester,
    /// When the SEN Service received the request.
    pub received_on: NaiveDate,
    /// Whether the child has an EHC plan (ASC-SCOPE).
    pub plan: EhcPlanStatus,
    /// The evidence (required when the setting asks).
    pub evidence: AscEvidence,
    /// The amount asked for, per term. May exceed the cap; awards never do.
    pub requested_per_term: Pounds,
}

/// The setup meeting at the setting with the child and family (ASC-SETUP-MEETING).
///
/// A plain value record: fields are open on purpose; checked by [`AdditionalSupportContract::record_setup_meeting`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SetupMeeting {
    /// When it was held.
    pub held_on: NaiveDate,
    /// (a) Specific targets and outcomes.
    pub targets: Vec<String>,
    /// (b) How impact will be assessed and measured during the term.
    pub impact_measures: String,
    /// (c) How the funding (up to £2,000 for the term) will be used.
    pub planned_use: String,
    /// The amount planned for the term.
    pub planned_amount: Pounds,
}

/// The panel's view of the targets (ASC-SETUP-MEETING step 2).
///
/// Not `#[non_exhaustive]` on purpose: a typed yes/no, so a `match` on it stays exhaustive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Robustness {
    /// Sufficiently robust to ensure progress.
    Robust,
    /// Not robust enough.
    NotRobust,
}

/// The panel's advice (ASC-DECISION: the panel advises, the officer decides).
///
/// A plain value record: fields are open on purpose; checked with the decision it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PanelAdvice {
    /// Date of the panel.
    pub panel_date: NaiveDate,
    /// Whether the targets are robust.
    pub targets: Robustness,
    /// Amount the panel recommends per term (within ASC-TERM-CAP).
    pub recommended_per_term: Pounds,
}

/// The responsible officer's decision (ASC-DECISION).
///
/// `#[non_exhaustive]`: approve or decline today; a deferral or a decision with conditions may follow. Match with a wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "outcome", rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum OfficerDecision {
    /// Funding approved, up to `per_term` a term.
    Approved {
        /// The officer's name or role.
        officer: String,
        /// Date of the decision.
        decided_on: NaiveDate,
        /// The most that may be awarded per term.
        per_term: Pounds,
    },
    /// Declined.
    Declined {
        /// The officer's name or role.
        officer: String,
        /// Date of the decision.
        decided_on: NaiveDate,
        /// Why.
        reason: String,
    },
}

impl OfficerDecision {
    fn decided_on(&self) -> NaiveDate {
        match self {
            OfficerDecision::Approved { decided_on, .. }
            | OfficerDecision::Declined { decided_on, .. } => *decided_on,
        }
    }
}

/// Whether the decision can be appealed (ASC-NO-APPEAL).
///
/// `#[non_exhaustive]`: one council's current answer; another council's scheme may allow an appeal. Match with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AscAppeal {
    /// No right of appeal against the panel decision; statutory appeals on
    /// "no to assess" and "no to issue" are unaffected.
    NoRightOfAppeal,
}

/// Where the money comes from (ASC-HNB).
///
/// `#[non_exhaustive]`: one council's current source; another council's scheme adds others. Match with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FundingSource {
    /// The council's High Needs Block.
    HighNeedsBlock,
}

/// A decision on a contract or its extension: panel advice, the officer's
/// decision, and the fixed facts of ASC-NO-APPEAL and ASC-HNB.
///
/// A plain value record: fields are open on purpose; checked by [`AdditionalSupportContract::record_decision`] and [`AdditionalSupportContract::record_extension`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AscDecision {
    /// The panel's advice.
    pub panel: PanelAdvice,
    /// The officer's decision.
    pub officer: OfficerDecision,
    /// ASC-NO-APPEAL.
    pub appeal: AscAppeal,
    /// ASC-HNB.
    pub funding: FundingSource,
}

impl AscDecision {
    /// A decision; the appeal and funding facts are filled in.
    pub fn new(panel: PanelAdvice, officer: OfficerDecision) -> Self {
        AscDecision {
            panel,
            officer,
            appeal: AscAppeal::NoRightOfAppeal,
            funding: FundingSource::HighNeedsBlock,
        }
    }

    /// The approved amount per term, if approved.
    pub fn approved_per_term(&self) -> Option<Pounds> {
        match self.officer {
            OfficerDecision::Approved { per_term, .. } => Some(per_term),
            OfficerDecision::Declined { .. } => None,
        }
    }

    fn check(&self, not_before: NaiveDate) -> Result<()> {
        if self.panel.panel_date < not_before {
            return Err(Error::DatesOutOfOrder {
                earlier_label: "the previous step",
                earlier: not_before,
                later_label: "the panel",
                later: self.panel.panel_date,
            });
        }
        if self.officer.decided_on() < self.panel.panel_date {
            return Err(broken(
                RuleId::AscDecision,
                "the officer decides on the panel's advice, so after the panel",
            ));
        }
        if self.panel.recommended_per_term > TERM_CAP {
            return Err(broken(
                RuleId::AscTermCap,
                format!(
                    "the panel may recommend at most {TERM_CAP} a term, not {}",
                    self.panel.recommended_per_term
                ),
            ));
        }
        match &self.officer {
            OfficerDecision::Approved {
                per_term, officer, ..
            } => {
                require_text(RuleId::AscDecision, officer, "the responsible officer")?;
                if per_term.is_zero() {
                    return Err(broken(
                        RuleId::AscTermCap,
                        "an approval is for more than £0 a term; record a £0 outcome as declined",
                    ));
                }
                if *per_term > TERM_CAP {
                    return Err(broken(
                        RuleId::AscTermCap,
                        format!("at most {TERM_CAP} a term may be approved, not {per_term}"),
                    ));
                }
                if self.panel.targets == Robustness::NotRobust {
                    return Err(broken(RuleId::AscSetupMeeting, "the panel found the targets not robust; the officer cannot approve funding for them"));
                }
                Ok(())
            }
            OfficerDecision::Declined {
                officer, reason, ..
            } => {
                require_text(RuleId::AscDecision, officer, "the responsible officer")?;
                require_text(RuleId::AscDecision, reason, "the reason for declining")
            }
        }
    }
}

/// Head-teacher moderation of continued funding (ASC-TERMLY-AGREEMENT).
///
/// Not `#[non_exhaustive]` on purpose: a typed yes/no, so a `match` on it stays exhaustive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Moderation {
    /// The head teacher moderated the funding.
    Moderated,
    /// Not moderated (allowed only for the first term).
    NotModerated,
}

/// One funded term (ASC-TERMLY-AGREEMENT).
///
/// A plain value record: fields are open on purpose; a contract only holds terms that passed [`AdditionalSupportContract::fund_term`], and a stored one is re-checked on the way in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TermFunding {
    /// The term, with its computed academic year.
    pub term: TermId,
    /// Its dates, from the caller's term calendar.
    pub dates: DateRange,
    /// The amount awarded.
    pub amount: Pounds,
    /// When the funding was agreed.
    pub agreed_on: NaiveDate,
    /// Head-teacher moderation.
    pub moderation: Moderation,
}

/// Whether the first term worked (ASC-REVIEW-1TERM).
///
/// Not `#[non_exhaustive]` on purpose: a typed yes/no, so a `match` on it stays exhaustive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Progress {
    /// Successful in ensuring progress.
    Successful,
    /// Not successful.
    NotSuccessful,
}

/// Whether the setting, young person or family want a second term (ASC-EXTEND-PANEL).
///
/// Not `#[non_exhaustive]` on purpose: a typed yes/no, so a `match` on it stays exhaustive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ExtensionWish {
    /// They wish to extend to a final term.
    Wanted,
    /// They do not.
    NotWanted,
}

/// The review after one funded term (ASC-REVIEW-1TERM).
///
/// A plain value record: fields are open on purpose; checked by [`AdditionalSupportContract::record_review`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TermReview {
    /// When progress was reviewed.
    pub reviewed_on: NaiveDate,
    /// The outcome.
    pub progress: Progress,
    /// Whether a second term is wanted.
    pub extension: ExtensionWish,
}

/// Whether support is still needed when the contract ends.
///
/// Not `#[non_exhaustive]` on purpose: a typed yes/no, so a `match` on it stays exhaustive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SupportStillNeeded {
    /// Yes: consider an EHC needs assessment.
    Yes,
    /// No.
    No,
}

/// What the council should consider next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NextStep {
    /// ASC-TWO-TERMS: support is still needed after the contract, so the
    /// council is likely to consider an EHC needs assessment.
    ConsiderEhcNeedsAssessment,
    /// Continue at SEN Support from the setting's own resources.
    ContinueSenSupport,
}

impl NextStep {
    /// ASC-TWO-TERMS: the prompt that follows a contract's end, from whether
    /// support is still needed — the one place that says so.
    pub fn after(support_still_needed: SupportStillNeeded) -> Self {
        match support_still_needed {
            SupportStillNeeded::Yes => NextStep::ConsiderEhcNeedsAssessment,
            SupportStillNeeded::No => NextStep::ContinueSenSupport,
        }
    }
}

/// The end of a contract.
///
/// A plain value record: fields are open to read; made by
/// [`AdditionalSupportContract::end`]. Read back, its `next_step` must be
/// the one [`NextStep::after`] gives (a stored prompt is checked, never rewritten).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "StoredAscEnding"))]
pub struct AscEnding {
    /// When it ended.
    pub ended_on: NaiveDate,
    /// Whether support is still needed.
    pub support_still_needed: SupportStillNeeded,
    /// The prompt that follows.
    pub next_step: NextStep,
}

/// An ASC ending as stored, checked before it becomes one.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredAscEnding {
    ended_on: NaiveDate,
    support_still_needed: SupportStillNeeded,
    next_step: NextStep,
}

#[cfg(feature = "serde")]
impl TryFrom<StoredAscEnding> for AscEnding {
    type Error = Error;
    fn try_from(s: StoredAscEnding) -> Result<Self> {
        let expected = NextStep::after(s.support_still_needed);
        if s.next_step != expected {
            return Err(Error::InconsistentRecord {
                reason: format!(
                    "the contract ended on {} is stored with the next step \"{}\", but support {} still needed, so the next step is \"{expected}\" (ASC-TWO-TERMS)",
                    s.ended_on,
                    s.next_step,
                    match s.support_still_needed {
                        SupportStillNeeded::Yes => "is",
                        SupportStillNeeded::No => "is not",
                    }
                ),
            });
        }
        Ok(AscEnding {
            ended_on: s.ended_on,
            support_still_needed: s.support_still_needed,
            next_step: s.next_step,
        })
    }
}

/// The months a term of each name may start and end in (first-day months,
/// last-day months). Generous — schools set their own dates and Easter moves —
/// but an Autumn term dated in May is a contradiction.
fn term_months(name: TermName) -> (&'static [u32], &'static [u32]) {
    match name {
        TermName::Autumn => (&[8, 9, 10, 11], &[9, 10, 11, 12]),
        TermName::Spring => (&[12, 1, 2, 3], &[1, 2, 3, 4]),
        TermName::Summer => (&[3, 4, 5, 6], &[4, 5, 6, 7, 8]),
    }
}

/// ASC-TERMLY-AGREEMENT: a funded term's name and year must agree with its
/// dates (from the caller's term calendar, or read back from storage): it
/// starts in its academic year, and in months a term of that name can.
fn check_term_dates(term: TermId, dates: DateRange) -> Result<()> {
    let contradiction = |why: String| {
        broken(
            RuleId::AscTermlyAgreement,
            format!(
                "{term} is recorded as {} to {}: {why}",
                dates.first(),
                dates.last()
            ),
        )
    };
    if AcademicYear::containing(dates.first()) != term.year {
        return Err(contradiction(format!(
            "it does not start in academic year {}",
            term.year
        )));
    }
    // A term lies inside its academic year: one ending in the next year would
    // carry funding past the year ASC-YEAR-CAP counts.
    if AcademicYear::containing(dates.last()) != term.year {
        return Err(contradiction(format!(
            "it does not end in academic year {}",
            term.year
        )));
    }
    let (starts, ends) = term_months(term.name);
    if !starts.contains(&dates.first().month()) || !ends.contains(&dates.last().month()) {
        return Err(contradiction(format!(
            "those are not the dates of a{} {} term",
            if term.name == TermName::Autumn {
                "n"
            } else {
                ""
            },
            term.name
        )));
    }
    Ok(())
}

/// Where a contract is in its lifecycle (derived from what has been recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AscStage {
    /// Requested; setup meeting not yet held.
    Requested,
    /// Setup meeting held; awaiting the panel and officer.
    SetupMeetingHeld,
    /// Declined by the officer.
    Declined,
    /// Approved; no term funded yet.
    Approved,
    /// First term funded; review due after it.
    FirstTermFunded,
    /// First term reviewed.
    Reviewed,
    /// Final second term approved by the panel; not yet funded.
    ExtensionApproved,
    /// Second and final term funded.
    FinalTermFunded,
    /// Ended.
    Ended,
}

/// The funded terms a child has across Additional Support Contracts: the
/// running per-child tally behind ASC-TWO-TERMS, ASC-TERM-CAP and
/// ASC-YEAR-CAP, which hold **per child across all contracts**.
///
/// Every entry was admitted by [`check_child_term`], so a tally never holds
/// more than two funded terms, more than £2,000 in a term, more than £6,000 in
/// an academic year, or a £0 term. Keep one per child and call
/// [`add_term`](Self::add_term) as each term is funded (O(log n)), or build it
/// from stored contracts with [`from_contracts`](Self::from_contracts). Reading
/// one back from storage (a list of `[term, amount]` pairs) re-checks every
/// entry: an overflow or a broken cap is an error, never a quietly altered sum.
///
/// ```
/// use send_pathway::asc::{check_child_term, AwardsToDate};
/// use send_pathway::calendar::{AcademicYear, TermId, TermName};
/// use send_pathway::money::Pounds;
///
/// let year = AcademicYear::starting(2025);
/// let autumn = TermId { year, name: TermName::Autumn };
/// let spring = TermId { year, name: TermName::Spring };
/// let summer = TermId { year, name: TermName::Summer };
/// let mut child = AwardsToDate::none();
/// child.add_term(autumn, Pounds::whole(2_000)?)?;
/// child.add_term(spring, Pounds::whole(1_500)?)?;
/// assert_eq!(child.terms_funded(), 2);
/// // ASC-TWO-TERMS: a third funded term for the child is refused, whichever contract asks.
/// assert!(check_child_term(&child, summer, Pounds::whole(100)?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "Vec<(TermId, Pounds)>", into = "Vec<(TermId, Pounds)>")
)]
pub struct AwardsToDate {
    by_term: BTreeMap<TermId, Pounds>,
    by_year: BTreeMap<AcademicYear, Pounds>,
}

impl TryFrom<Vec<(TermId, Pounds)>> for AwardsToDate {
    type Error = Error;
    /// Rebuild a tally, checking each entry in turn with [`AwardsToDate::add_term`].
    fn try_from(pairs: Vec<(TermId, Pounds)>) -> Result<Self> {
        let mut awards = AwardsToDate::default();
        for (term, amount) in pairs {
            awards.add_term(term, amount)?;
        }
        Ok(awards)
    }
}

impl From<AwardsToDate> for Vec<(TermId, Pounds)> {
    fn from(a: AwardsToDate) -> Self {
        a.by_term.into_iter().collect()
    }
}

impl AwardsToDate {
    /// No awards yet.
    pub fn none() -> Self {
        AwardsToDate::default()
    }

    /// The tally of the given contracts' funded terms (all of one child's
    /// contracts, or all but the one being funded — never the same contract twice).
    ///
    /// # Errors
    ///
    /// As [`add_term`](Self::add_term): the contracts together break a
    /// per-child cap (ASC-TWO-TERMS, ASC-TERM-CAP, ASC-YEAR-CAP).
    pub fn from_contracts<'a>(
        contracts: impl IntoIterator<Item = &'a AdditionalSupportContract>,
    ) -> Result<Self> {
        let mut awards = AwardsToDate::default();
        for contract in contracts {
            for funded in contract.funded_terms() {
                awards.add_term(funded.term, funded.amount)?;
            }
        }
        Ok(awards)
    }

    /// Record a funded term for the child, after checking it with
    /// [`check_child_term`]; on error the tally is unchanged. O(log n).
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] naming ASC-TERM-CAP (a £0 term, or over £2,000 in
    /// the term), ASC-TWO-TERMS (a third funded term for the child) or
    /// ASC-YEAR-CAP (over £6,000 in the academic year).
    pub fn add_term(&mut self, term: TermId, amount: Pounds) -> Result<()> {
        check_child_term(self, term, amount)?;
        self.absorb(term, amount)
    }

    /// Add to the sums without judging the caps (checked arithmetic only).
    fn absorb(&mut self, term: TermId, amount: Pounds) -> Result<()> {
        let in_term = self.in_term(term).checked_add(amount)?;
        let in_year = self.in_year(term.year).checked_add(amount)?;
        self.by_term.insert(term, in_term);
        self.by_year.insert(term.year, in_year);
        Ok(())
    }

    /// Total awarded in one term.
    pub fn in_term(&self, term: TermId) -> Pounds {
        self.by_term.get(&term).copied().unwrap_or_default()
    }

    /// Total awarded in one academic year.
    pub fn in_year(&self, year: AcademicYear) -> Pounds {
        self.by_year.get(&year).copied().unwrap_or_default()
    }

    /// How many different terms are funded for the child (ASC-TWO-TERMS: at most two).
    pub fn terms_funded(&self) -> usize {
        self.by_term.len()
    }

    /// Whether `term` is already funded for the child.
    pub fn is_funded(&self, term: TermId) -> bool {
        self.by_term.contains_key(&term)
    }

    /// The funded terms and their totals, in term order.
    pub fn terms(&self) -> impl Iterator<Item = (TermId, Pounds)> + '_ {
        self.by_term.iter().map(|(t, p)| (*t, *p))
    }
}

/// The room each per-child cap leaves for one more award in `term`:
/// ASC-TERM-CAP, ASC-TWO-TERMS, ASC-YEAR-CAP. `None` is no limit.
fn child_room(awards: &AwardsToDate, term: TermId) -> [(RuleId, Option<Pounds>); 3] {
    let third_term = !awards.is_funded(term) && awards.terms_funded() >= MAX_TERMS;
    [
        (
            RuleId::AscTermCap,
            Some(TERM_CAP.saturating_sub(awards.in_term(term))),
        ),
        (RuleId::AscTwoTerms, third_term.then_some(Pounds::ZERO)),
        (
            RuleId::AscYearCap,
            Some(YEAR_CAP.saturating_sub(awards.in_year(term.year))),
        ),
    ]
}

/// The per-child caps, decided in this one place: may the child be awarded
/// `amount` for `term`, given the awards already in `awards` (across all the
/// child's contracts)?
///
/// * ASC-TERM-CAP: more than £0, and at most £2,000 in the term in total;
/// * ASC-TWO-TERMS: at most two funded terms for the child, across contracts
///   (another award in a term already funded is not a new term);
/// * ASC-YEAR-CAP: at most £6,000 in the academic year in total. With the two
///   caps above it cannot bind (2 × £2,000 = £4,000), but the protocol states
///   it, so it is checked.
///
/// [`AwardsToDate::add_term`], [`AdditionalSupportContract::fund_term`] and
/// [`AdditionalSupportContract::max_award`] all decide through this function,
/// so a case that keeps only an [`AwardsToDate`] per child applies exactly the
/// same rules as one holding the contracts.
///
/// ```
/// use send_pathway::asc::{check_child_term, AwardsToDate};
/// use send_pathway::calendar::{AcademicYear, TermId, TermName};
/// use send_pathway::money::Pounds;
///
/// let autumn = TermId { year: AcademicYear::starting(2025), name: TermName::Autumn };
/// let mut child = AwardsToDate::none();
/// check_child_term(&child, autumn, Pounds::whole(2_000)?)?;
/// assert!(check_child_term(&child, autumn, Pounds::ZERO).is_err()); // ASC-TERM-CAP: never £0
/// child.add_term(autumn, Pounds::whole(1_500)?)?;
/// assert!(check_child_term(&child, autumn, Pounds::whole(501)?).is_err()); // over £2,000 in the term
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`Error::RuleBroken`] naming ASC-TERM-CAP, ASC-TWO-TERMS or ASC-YEAR-CAP.
pub fn check_child_term(awards: &AwardsToDate, term: TermId, amount: Pounds) -> Result<()> {
    if amount.is_zero() {
        return Err(broken(
            RuleId::AscTermCap,
            format!("a funded term must be for more than £0; {term} was given {amount}"),
        ));
    }
    for (rule, room) in child_room(awards, term) {
        let Some(room) = room else { continue };
        if amount > room {
            let reason = match rule {
                RuleId::AscTwoTerms => format!(
                    "the child already has {} funded terms across contracts; {term} would be a third. \
                     If support is still needed, consider an EHC needs assessment",
                    awards.terms_funded()
                ),
                RuleId::AscYearCap => format!(
                    "{amount} for {term} would take the child's awards in {} to more than {YEAR_CAP} \
                     ({} already awarded)",
                    term.year,
                    awards.in_year(term.year)
                ),
                _ => format!(
                    "{amount} for {term} would take the child's awards in that term to more than \
                     {TERM_CAP} ({} already awarded; at most {room} more)",
                    awards.in_term(term)
                ),
            };
            return Err(broken(rule, reason));
        }
    }
    Ok(())
}

/// The most that can be awarded, and which caps cut it down.
///
/// A plain value record: fields are open on purpose; an answer, not stored state.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CappedAward {
    /// The amount that may be awarded.
    pub amount: Pounds,
    /// Every cap the request exceeds (empty when it is awarded in full): ASC-TERM-CAP,
    /// ASC-DECISION (the approved amount), ASC-TWO-TERMS (£4,000 a contract), ASC-YEAR-CAP.
    pub limited_by: Vec<RuleId>,
}

/// An Additional Support Contract and everything recorded on it.
///
/// Reading one back from storage re-checks every rule of this module.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "AscRecord", into = "AscRecord"))]
pub struct AdditionalSupportContract {
    request: AscRequest,
    setup_meeting: Option<SetupMeeting>,
    decision: Option<AscDecision>,
    terms: Vec<TermFunding>,
    /// The sum of `terms`' amounts, kept as they are pushed (checked there).
    total: Pounds,
    review: Option<TermReview>,
    extension: Option<AscDecision>,
    ending: Option<AscEnding>,
}

/// The stored form of a contract.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AscRecord {
    request: AscRequest,
    #[serde(default)]
    setup_meeting: Option<SetupMeeting>,
    #[serde(default)]
    decision: Option<AscDecision>,
    #[serde(default)]
    terms: Vec<TermFunding>,
    #[serde(default)]
    review: Option<TermReview>,
    #[serde(default)]
    extension: Option<AscDecision>,
    #[serde(default)]
    ending: Option<AscEnding>,
}

#[cfg(feature = "serde")]
impl From<AdditionalSupportContract> for AscRecord {
    fn from(c: AdditionalSupportContract) -> Self {
        AscRecord {
            request: c.request,
            setup_meeting: c.setup_meeting,
            decision: c.decision,
            terms: c.terms,
            review: c.review,
            extension: c.extension,
            ending: c.ending,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<AscRecord> for AdditionalSupportContract {
    type Error = Error;
    fn try_from(r: AscRecord) -> Result<Self> {
        AdditionalSupportContract::replay(
            r.request,
            r.setup_meeting,
            r.decision,
            r.terms,
            r.review,
            r.extension,
            r.ending,
        )
    }
}

impl AdditionalSupportContract {
    /// Open a contract from a request.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] when the council has no ASC scheme, the child has an
    /// EHC plan (ASC-SCOPE), or a setting's evidence is incomplete
    /// (ASC-NOTIONAL-FIRST, ASC-EVIDENCE).
    pub fn request(request: AscRequest, policy: &LocalPolicy) -> Result<Self> {
        if policy.asc == AscScheme::NotAvailable {
            return Err(broken(
                RuleId::AscScope,
                format!(
                    "{} has no Additional Support Contract scheme",
                    policy.council
                ),
            ));
        }
        Self::open(request)
    }

    fn open(request: AscRequest) -> Result<Self> {
        if request.plan == EhcPlanStatus::HasPlan {
            return Err(broken(RuleId::AscScope, "an ASC is for a child or young person without an EHC plan; fund through the plan instead"));
        }
        require_text(
            RuleId::AscRequesters,
            &request.child,
            "the child or young person",
        )?;
        require_text(RuleId::AscRequesters, &request.setting, "the setting")?;
        if request.requested_by == AscRequester::Setting {
            request.evidence.check()?;
        }
        Ok(AdditionalSupportContract {
            request,
            setup_meeting: None,
            decision: None,
            terms: Vec::new(),
            total: Pounds::ZERO,
            review: None,
            extension: None,
            ending: None,
        })
    }

    /// Rebuild a contract from its recorded steps, checking each in order.
    /// Linear in what is recorded: a third stored term is refused without
    /// reading further terms.
    #[cfg(feature = "serde")]
    #[allow(clippy::too_many_arguments)]
    fn replay(
        request: AscRequest,
        setup_meeting: Option<SetupMeeting>,
        decision: Option<AscDecision>,
        terms: Vec<TermFunding>,
        review: Option<TermReview>,
        extension: Option<AscDecision>,
        ending: Option<AscEnding>,
    ) -> Result<Self> {
        let mut c = Self::open(request)?;
        if let Some(m) = setup_meeting {
            c.record_setup_meeting(m)?;
        }
        if let Some(d) = decision {
            c.record_decision(d)?;
        }
        let mut terms = terms.into_iter();
        if let Some(first) = terms.next() {
            c.push_term(first, None, &AwardsToDate::none())?;
        }
        if let Some(r) = review {
            c.record_review(r)?;
        }
        if let Some(e) = extension {
            c.record_extension(e)?;
        }
        if let Some(second) = terms.next() {
            let first = c.terms.first().map(|t| t.term);
            c.push_term(second, first, &AwardsToDate::none())?;
        }
        if let Some(extra) = terms.next() {
            return Err(broken(
                RuleId::AscTwoTerms,
                format!(
                    "a third term ({}) is recorded; a contract has at most two",
                    extra.term
                ),
            ));
        }
        if let Some(e) = ending {
            c.end(e.ended_on, e.support_still_needed)?;
        }
        Ok(c)
    }

    /// The request.
    pub fn request_details(&self) -> &AscRequest {
        &self.request
    }

    /// The setup meeting, if held.
    pub fn setup_meeting(&self) -> Option<&SetupMeeting> {
        self.setup_meeting.as_ref()
    }

    /// The decision, if taken.
    pub fn decision(&self) -> Option<&AscDecision> {
        self.decision.as_ref()
    }

    /// The funded terms, in order.
    pub fn funded_terms(&self) -> &[TermFunding] {
        &self.terms
    }

    /// The first-term review, if held.
    pub fn review(&self) -> Option<&TermReview> {
        self.review.as_ref()
    }

    /// The extension decision, if taken.
    pub fn extension(&self) -> Option<&AscDecision> {
        self.extension.as_ref()
    }

    /// The ending, if ended.
    pub fn ending(&self) -> Option<&AscEnding> {
        self.ending.as_ref()
    }

    /// Total awarded on this contract.
    pub fn total_awarded(&self) -> Pounds {
        self.total
    }

    /// The days the contract runs: from the first funded term's first day to
    /// the last funded term's last day. `None` before any term is funded.
    pub fn period(&self) -> Option<DateRange> {
        let (first, last) = (self.terms.first()?, self.terms.last()?);
        DateRange::new(first.dates.first(), last.dates.last()).ok()
    }

    /// Where the contract is.
    pub fn stage(&self) -> AscStage {
        if self.ending.is_some() {
            return AscStage::Ended;
        }
        match (
            &self.setup_meeting,
            &self.decision,
            self.terms.len(),
            &self.review,
            &self.extension,
        ) {
            (None, None, ..) => AscStage::Requested,
            (Some(_), None, ..) => AscStage::SetupMeetingHeld,
            (_, Some(d), ..) if d.approved_per_term().is_none() => AscStage::Declined,
            (_, Some(_), 0, ..) => AscStage::Approved,
            (_, Some(_), 1, None, _) => AscStage::FirstTermFunded,
            (_, Some(_), 1, Some(_), None) => AscStage::Reviewed,
            (_, Some(_), 1, Some(_), Some(_)) => AscStage::ExtensionApproved,
            _ => AscStage::FinalTermFunded,
        }
    }

    fn not_ended(&self) -> Result<()> {
        match self.ending {
            Some(e) => Err(broken(
                RuleId::AscTwoTerms,
                format!("the contract ended on {}", e.ended_on),
            )),
            None => Ok(()),
        }
    }

    /// ASC-SETUP-MEETING: the setting meets the child and family at the setting.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] when already held, dated before the request,
    /// missing its targets, measures or use, or planning more than £2,000.
    pub fn record_setup_meeting(&mut self, meeting: SetupMeeting) -> Result<()> {
        self.not_ended()?;
        let rule = RuleId::AscSetupMeeting;
        if self.setup_meeting.is_some() || self.decision.is_some() {
            return Err(broken(rule, "the setup meeting is already recorded"));
        }
        if meeting.held_on < self.request.received_on {
            return Err(broken(
                rule,
                format!(
                    "the meeting on {} is before the request of {}",
                    meeting.held_on, self.request.received_on
                ),
            ));
        }
        if meeting.targets.iter().all(|t| t.trim().is_empty()) {
            return Err(broken(rule, "record (a) the targets and outcomes"));
        }
        require_text(
            rule,
            &meeting.impact_measures,
            "(b) how impact will be measured during the term",
        )?;
        require_text(
            rule,
            &meeting.planned_use,
            "(c) how the funding will be used",
        )?;
        if meeting.planned_amount > TERM_CAP {
            return Err(broken(
                RuleId::AscTermCap,
                format!(
                    "the plan uses {}, more than the {TERM_CAP} a term",
                    meeting.planned_amount
                ),
            ));
        }
        self.setup_meeting = Some(meeting);
        Ok(())
    }

    /// ASC-DECISION: the panel's advice and the officer's decision.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] when there was no setup meeting, the decision is
    /// already recorded, or the amounts exceed ASC-TERM-CAP.
    pub fn record_decision(&mut self, decision: AscDecision) -> Result<()> {
        self.not_ended()?;
        let Some(meeting) = &self.setup_meeting else {
            return Err(broken(
                RuleId::AscSetupMeeting,
                "the panel decides after the setup meeting; record it first",
            ));
        };
        if self.decision.is_some() {
            return Err(broken(
                RuleId::AscDecision,
                "the decision is already recorded",
            ));
        }
        decision.check(meeting.held_on)?;
        self.decision = Some(decision);
        Ok(())
    }

    /// The child's awards: `others` (the child's *other* contracts) plus this
    /// contract's funded terms.
    fn child_awards(&self, others: &AwardsToDate) -> Result<AwardsToDate> {
        let mut child = others.clone();
        for t in &self.terms {
            child.absorb(t.term, t.amount)?;
        }
        Ok(child)
    }

    /// The most that can be awarded for `term` on this contract, given the
    /// child's awards on other contracts (`others`): the request cut down by
    /// the panel's approval (ASC-DECISION), this contract's two terms and
    /// £4,000 (ASC-TWO-TERMS), and the per-child caps across contracts decided
    /// by [`check_child_term`] — ASC-TERM-CAP, ASC-TWO-TERMS (a third funded
    /// term for the child), ASC-YEAR-CAP.
    pub fn max_award(&self, requested: Pounds, term: TermId, others: &AwardsToDate) -> CappedAward {
        let approved = if self.terms.is_empty() {
            self.decision
                .as_ref()
                .and_then(AscDecision::approved_per_term)
        } else {
            self.extension
                .as_ref()
                .and_then(AscDecision::approved_per_term)
        }
        .unwrap_or(Pounds::ZERO);
        let contract_room = if self.terms.len() >= MAX_TERMS {
            Pounds::ZERO
        } else {
            CONTRACT_CAP.saturating_sub(self.total_awarded())
        };
        // An overflowing tally (impossible for checked awards) leaves no room.
        let child = match self.child_awards(others) {
            Ok(child) => child_room(&child, term),
            Err(_) => [
                (RuleId::AscTermCap, Some(Pounds::ZERO)),
                (RuleId::AscTwoTerms, None),
                (RuleId::AscYearCap, None),
            ],
        };
        let [term_cap, two_terms, year_cap] = child;
        let limits = [
            term_cap,
            (RuleId::AscDecision, Some(approved)),
            (RuleId::AscTwoTerms, Some(contract_room)),
            two_terms,
            year_cap,
        ];
        // Every cap the request exceeds is a reason, even where another cap cuts deeper.
        let mut amount = requested;
        let mut limited_by = Vec::new();
        for (rule, limit) in limits {
            let Some(limit) = limit else { continue };
            if requested > limit && !limited_by.contains(&rule) {
                limited_by.push(rule);
            }
            amount = amount.min(limit);
        }
        CappedAward { amount, limited_by }
    }

    /// ASC-TERMLY-AGREEMENT: fund one term of the caller's term calendar.
    ///
    /// The first term needs an approval; the second needs a successful review
    /// and the panel's extension, must be the term right after the first, and is
    /// final (ASC-TWO-TERMS). Continued funding needs head-teacher moderation.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] naming the rule: no approval, a third term, a term
    /// not in the calendar or not consecutive, agreement after the term ended,
    /// or an amount above any cap (use [`max_award`](Self::max_award) first).
    pub fn fund_term(
        &mut self,
        calendar: &TermCalendar,
        term: TermId,
        amount: Pounds,
        agreed_on: NaiveDate,
        moderation: Moderation,
        others: &AwardsToDate,
    ) -> Result<()> {
        self.not_ended()?;
        if self.terms.len() >= MAX_TERMS {
            return Err(broken(
                RuleId::AscTwoTerms,
                "a contract funds at most two terms; consider an EHC needs assessment",
            ));
        }
        let dates = calendar.term(term).map(|t| t.dates).ok_or_else(|| {
            broken(
                RuleId::AscTermlyAgreement,
                format!("{term} is not in the school's term calendar"),
            )
        })?;
        let previous = self.terms.first().map(|t| t.term);
        if let Some(first) = previous {
            let next = calendar.term_after(first).map(|t| t.id());
            if next != Some(term) {
                return Err(broken(
                    RuleId::AscExtendPanel,
                    format!("the final term must follow {first} directly; {term} does not"),
                ));
            }
        }
        self.push_term(
            TermFunding {
                term,
                dates,
                amount,
                agreed_on,
                moderation,
            },
            previous,
            others,
        )
    }

    /// Record a term funded under a term calendar that is not at hand — the
    /// case's read-back path, and a case applying an event without a term
    /// calendar. Every rule of [`fund_term`](Self::fund_term) is checked except
    /// that the term is in the school's calendar and directly follows the
    /// first (ASC-TERMLY-AGREEMENT, ASC-EXTEND-PANEL): those need the calendar.
    ///
    /// # Errors
    ///
    /// As [`fund_term`](Self::fund_term), less the calendar checks.
    pub fn record_term(&mut self, funding: TermFunding, others: &AwardsToDate) -> Result<()> {
        let previous = self.terms.first().map(|t| t.term);
        self.push_term(funding, previous, others)
    }

    fn push_term(
        &mut self,
        funding: TermFunding,
        expected_previous: Option<TermId>,
        others: &AwardsToDate,
    ) -> Result<()> {
        self.not_ended()?;
        if self.terms.len() >= MAX_TERMS {
            return Err(broken(
                RuleId::AscTwoTerms,
                "a contract funds at most two terms; consider an EHC needs assessment",
            ));
        }
        if self.terms.first().map(|t| t.term) != expected_previous {
            return Err(broken(
                RuleId::AscTermlyAgreement,
                "terms are funded in order",
            ));
        }
        let decision = match (
            self.terms.len(),
            &self.decision,
            &self.review,
            &self.extension,
        ) {
            (0, Some(d), ..) => d,
            (0, None, ..) => {
                return Err(broken(
                    RuleId::AscDecision,
                    "no decision to fund; the officer must approve first",
                ))
            }
            (_, _, None, _) => {
                return Err(broken(
                    RuleId::AscReview1Term,
                    "review progress after the first term before a second",
                ))
            }
            (_, _, Some(_), None) => {
                return Err(broken(
                    RuleId::AscExtendPanel,
                    "a second, final term is granted only through the panel",
                ))
            }
            (_, _, Some(_), Some(e)) => e,
        };
        let Some(_) = decision.approved_per_term() else {
            return Err(broken(RuleId::AscDecision, "the funding was declined"));
        };
        if funding.agreed_on < decision.officer.decided_on() {
            return Err(broken(
                RuleId::AscTermlyAgreement,
                format!(
                    "funding agreed on {} before the decision of {}",
                    funding.agreed_on,
                    decision.officer.decided_on()
                ),
            ));
        }
        if funding.agreed_on > funding.dates.last() {
            return Err(broken(
                RuleId::AscTermlyAgreement,
                format!(
                    "funding for {} must be agreed by the end of that term ({})",
                    funding.term,
                    funding.dates.last()
                ),
            ));
        }
        if let Some(prev) = self.terms.last() {
            if funding.dates.first() <= prev.dates.last() {
                return Err(broken(
                    RuleId::AscTermlyAgreement,
                    "the second term must start after the first ends",
                ));
            }
            if funding.moderation != Moderation::Moderated {
                return Err(broken(
                    RuleId::AscTermlyAgreement,
                    "continued funding is subject to head-teacher moderation",
                ));
            }
        }
        check_term_dates(funding.term, funding.dates)?;
        // The per-child caps (ASC-TERM-CAP, ASC-TWO-TERMS, ASC-YEAR-CAP) first,
        // decided in one place; then this contract's own limits.
        check_child_term(&self.child_awards(others)?, funding.term, funding.amount)?;
        let capped = self.max_award(funding.amount, funding.term, others);
        if let Some(rule) = capped.limited_by.first() {
            return Err(broken(
                *rule,
                format!(
                    "{} is more than the {} allowed for {} on this contract",
                    funding.amount, capped.amount, funding.term
                ),
            ));
        }
        let total = self.total.checked_add(funding.amount)?;
        self.terms.push(funding);
        self.total = total;
        Ok(())
    }

    /// ASC-REVIEW-1TERM: progress reviewed after the first funded term.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] before a term is funded, when already reviewed, or
    /// when dated before the funded term began.
    pub fn record_review(&mut self, review: TermReview) -> Result<()> {
        self.not_ended()?;
        let rule = RuleId::AscReview1Term;
        let [first] = self.terms.as_slice() else {
            return Err(broken(rule, "the review follows exactly one funded term"));
        };
        if self.review.is_some() {
            return Err(broken(rule, "the review is already recorded"));
        }
        if review.reviewed_on < first.dates.first() {
            return Err(broken(
                rule,
                format!(
                    "the review on {} is before the funded term began ({})",
                    review.reviewed_on,
                    first.dates.first()
                ),
            ));
        }
        self.review = Some(review);
        Ok(())
    }

    /// ASC-EXTEND-PANEL: the panel grants a final second term.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] without a successful review with a wish to extend,
    /// or when an extension is already recorded.
    pub fn record_extension(&mut self, decision: AscDecision) -> Result<()> {
        self.not_ended()?;
        let rule = RuleId::AscExtendPanel;
        let Some(review) = self.review else {
            return Err(broken(
                rule,
                "review the first term before referring to the panel",
            ));
        };
        if review.progress != Progress::Successful || review.extension != ExtensionWish::Wanted {
            return Err(broken(rule, "a final term needs a successful first term and the setting's or family's wish to extend"));
        }
        if self.extension.is_some() {
            return Err(broken(
                RuleId::AscTwoTerms,
                "the final term has already been granted",
            ));
        }
        decision.check(review.reviewed_on)?;
        self.extension = Some(decision);
        Ok(())
    }

    /// ASC-TWO-TERMS: end the contract. If support is still needed, the next
    /// step is to consider an EHC needs assessment.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] when already ended or dated before the request.
    pub fn end(
        &mut self,
        ended_on: NaiveDate,
        support_still_needed: SupportStillNeeded,
    ) -> Result<AscEnding> {
        self.not_ended()?;
        if ended_on < self.request.received_on {
            return Err(broken(
                RuleId::AscTwoTerms,
                "the contract cannot end before it was requested",
            ));
        }
        let next_step = NextStep::after(support_still_needed);
        let ending = AscEnding {
            ended_on,
            support_still_needed,
            next_step,
        };
        self.ending = Some(ending);
        Ok(ending)
    }
}

// ----- Display: what caseworkers and families read -----

display_by_pad!(AscRequester, r => match r {
    AscRequester::Setting => "the setting",
    AscRequester::PanelOnAssessmentRequest => "the panel, on a request for assessment",
    AscRequester::PanelAfterAssessment => "the panel, after an assessment",
});
display_by_pad!(EhcPlanStatus, s => match s {
    EhcPlanStatus::NoPlan => "no EHC plan",
    EhcPlanStatus::HasPlan => "has an EHC plan",
});
display_by_pad!(Robustness, r => match r {
    Robustness::Robust => "robust",
    Robustness::NotRobust => "not robust",
});
display_by_pad!(OfficerDecision, d => match d {
    OfficerDecision::Approved { officer, decided_on, per_term } => {
        format!("approved by {officer} on {decided_on}, up to {per_term} a term")
    }
    OfficerDecision::Declined { officer, decided_on, reason } => {
        format!("declined by {officer} on {decided_on}: {reason}")
    }
});
display_by_pad!(AscAppeal, _a => "no right of appeal against the panel decision");
display_by_pad!(FundingSource, _s => "High Needs Block");
display_by_pad!(Moderation, m => match m {
    Moderation::Moderated => "moderated by the head teacher",
    Moderation::NotModerated => "not moderated",
});
display_by_pad!(Progress, p => match p {
    Progress::Successful => "successful",
    Progress::NotSuccessful => "not successful",
});
display_by_pad!(ExtensionWish, w => match w {
    ExtensionWish::Wanted => "a final term is wanted",
    ExtensionWish::NotWanted => "no further term wanted",
});
display_by_pad!(SupportStillNeeded, s => match s {
    SupportStillNeeded::Yes => "support still needed",
    SupportStillNeeded::No => "support no longer needed",
});
display_by_pad!(NextStep, n => match n {
    NextStep::ConsiderEhcNeedsAssessment => "consider an EHC needs assessment",
    NextStep::ContinueSenSupport => "continue at SEN Support",
});
display_by_pad!(CappedAward, a => if a.limited_by.is_empty() {
    format!("{} in full", a.amount)
} else {
    format!(
        "{} (limited by {})",
        a.amount,
        a.limited_by.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ")
    )
});
display_by_pad!(AscStage, s => match s {
    AscStage::Requested => "requested",
    AscStage::SetupMeetingHeld => "setup meeting held",
    AscStage::Declined => "declined",
    AscStage::Approved => "approved",
    AscStage::FirstTermFunded => "first term funded",
    AscStage::Reviewed => "first term reviewed",
    AscStage::ExtensionApproved => "final term approved",
    AscStage::FinalTermFunded => "final term funded",
    AscStage::Ended => "ended",
});
display_by_pad!(TermFunding, t => format!("{}: {} ({})", t.term, t.amount, t.moderation));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{Term, TermName};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn gbp(n: i64) -> Pounds {
        Pounds::whole(n).unwrap()
    }

    fn terms() -> TermCalendar {
        TermCalendar::new(
            vec![
                Term::new(TermName::Summer, d(2025, 4, 22), d(2025, 7, 22)).unwrap(),
                Term::new(TermName::Autumn, d(2025, 9, 3), d(2025, 12, 19)).unwrap(),
                Term::new(TermName::Spring, d(2026, 1, 5), d(2026, 3, 27)).unwrap(),
            ],
            vec![],
        )
        .unwrap()
    }

    fn evidence() -> AscEvidence {
        AscEvidence {
            notional_budget_spent: gbp(6_000),
            use_of_notional_budget: "TA support 1:1 three mornings".into(),
            reason_for_more: "less than expected progress over three APDR cycles".into(),
            apdr_evidence: "APDR cycles Sept, Jan, April".into(),
            smart_outcomes: vec!["Read 40 high-frequency words by July".into()],
            family_involvement: "parents attended all three reviews".into(),
        }
    }

    fn request(plan: EhcPlanStatus) -> AscRequest {
        AscRequest {
            child: "CYP-1".into(),
            setting: "Oak Primary".into(),
            requested_by: AscRequester::Setting,
            received_on: d(2025, 3, 12),
            plan,
            evidence: evidence(),
            requested_per_term: gbp(3_000),
        }
    }

    fn approved() -> AdditionalSupportContract {
        let mut c = AdditionalSupportContract::request(
            request(EhcPlanStatus::NoPlan),
            &LocalPolicy::sutton(),
        )
        .unwrap();
        c.record_setup_meeting(SetupMeeting {
            held_on: d(2025, 4, 24),
            targets: vec!["phonics phase 3".into()],
            impact_measures: "half-termly phonics check".into(),
            planned_use: "extra TA hours".into(),
            planned_amount: gbp(2_000),
        })
        .unwrap();
        c.record_decision(AscDecision::new(
            PanelAdvice {
                panel_date: d(2025, 4, 29),
                targets: Robustness::Robust,
                recommended_per_term: gbp(2_000),
            },
            OfficerDecision::Approved {
                officer: "Head of SEN".into(),
                decided_on: d(2025, 4, 30),
                per_term: gbp(2_000),
            },
        ))
        .unwrap();
        c
    }

    fn summer() -> TermId {
        terms().term_containing(d(2025, 5, 1)).unwrap().id()
    }

    fn autumn() -> TermId {
        terms().term_containing(d(2025, 10, 1)).unwrap().id()
    }

    #[test]
    fn asc_scope_no_contract_with_a_plan() {
        let err = AdditionalSupportContract::request(
            request(EhcPlanStatus::HasPlan),
            &LocalPolicy::sutton(),
        )
        .unwrap_err();
        assert!(matches!(
            err,
            Error::RuleBroken {
                rule: RuleId::AscScope,
                ..
            }
        ));
        assert!(AdditionalSupportContract::request(
            request(EhcPlanStatus::NoPlan),
            &LocalPolicy::salford()
        )
        .is_err());
    }

    #[test]
    fn asc_notional_first_and_evidence() {
        let mut r = request(EhcPlanStatus::NoPlan);
        r.evidence.notional_budget_spent = gbp(4_000);
        let err = AdditionalSupportContract::request(r, &LocalPolicy::sutton()).unwrap_err();
        assert!(matches!(
            err,
            Error::RuleBroken {
                rule: RuleId::AscNotionalFirst,
                ..
            }
        ));
        let mut r = request(EhcPlanStatus::NoPlan);
        r.evidence.smart_outcomes.clear();
        assert!(matches!(
            AdditionalSupportContract::request(r, &LocalPolicy::sutton()),
            Err(Error::RuleBroken {
                rule: RuleId::AscEvidence,
                ..
            })
        ));
        // The panel may propose a contract itself (ASC-REQUESTERS (b)); no setting evidence is demanded.
        let mut r = request(EhcPlanStatus::NoPlan);
        r.requested_by = AscRequester::PanelOnAssessmentRequest;
        r.evidence.smart_outcomes.clear();
        assert!(AdditionalSupportContract::request(r, &LocalPolicy::sutton()).is_ok());
    }

    #[test]
    fn asc_term_cap_max_award_reports_the_reason() {
        let c = approved();
        let capped = c.max_award(gbp(3_000), summer(), &AwardsToDate::none());
        assert_eq!(capped.amount, gbp(2_000));
        assert_eq!(
            capped.limited_by,
            vec![RuleId::AscTermCap, RuleId::AscDecision]
        );
        let mut others = AwardsToDate::none();
        others.add_term(summer(), gbp(1_500)).unwrap();
        let capped = c.max_award(gbp(2_000), summer(), &others);
        assert_eq!(
            (capped.amount, capped.limited_by),
            (gbp(500), vec![RuleId::AscTermCap])
        );
    }

    #[test]
    fn asc_zero_term_refused() {
        // ASC-TERM-CAP: a funded term is for more than £0, and uses up no term when refused.
        let cal = terms();
        let mut c = approved();
        let before = c.clone();
        let err = c
            .fund_term(
                &cal,
                summer(),
                Pounds::ZERO,
                d(2025, 5, 1),
                Moderation::NotModerated,
                &AwardsToDate::none(),
            )
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::RuleBroken {
                    rule: RuleId::AscTermCap,
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(c, before);
        assert!(check_child_term(&AwardsToDate::none(), summer(), Pounds::ZERO).is_err());
        assert!(AwardsToDate::none()
            .add_term(summer(), Pounds::ZERO)
            .is_err());
        // ASC-TERM-CAP: an approval of £0 a term is refused too.
        let mut c = AdditionalSupportContract::request(
            request(EhcPlanStatus::NoPlan),
            &LocalPolicy::sutton(),
        )
        .unwrap();
        c.record_setup_meeting(SetupMeeting {
            held_on: d(2025, 4, 24),
            targets: vec!["phonics".into()],
            impact_measures: "check".into(),
            planned_use: "TA".into(),
            planned_amount: gbp(2_000),
        })
        .unwrap();
        let err = c
            .record_decision(AscDecision::new(
                PanelAdvice {
                    panel_date: d(2025, 4, 29),
                    targets: Robustness::Robust,
                    recommended_per_term: gbp(2_000),
                },
                OfficerDecision::Approved {
                    officer: "Head of SEN".into(),
                    decided_on: d(2025, 4, 30),
                    per_term: Pounds::ZERO,
                },
            ))
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::RuleBroken {
                    rule: RuleId::AscTermCap,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn asc_two_terms_per_child_across_contracts() {
        // ASC-TWO-TERMS: the child already has two funded terms on other contracts.
        let year = summer().year;
        let mut others = AwardsToDate::none();
        others
            .add_term(
                TermId {
                    year,
                    name: TermName::Autumn,
                },
                gbp(1_000),
            )
            .unwrap();
        others
            .add_term(
                TermId {
                    year,
                    name: TermName::Spring,
                },
                gbp(1_000),
            )
            .unwrap();
        assert_eq!(others.terms_funded(), 2);
        let err = check_child_term(&others, summer(), gbp(100)).unwrap_err();
        assert!(
            matches!(
                err,
                Error::RuleBroken {
                    rule: RuleId::AscTwoTerms,
                    ..
                }
            ),
            "{err}"
        );
        // Another award in a term already funded is not a new term (ASC-TERM-CAP still holds).
        check_child_term(
            &others,
            TermId {
                year,
                name: TermName::Autumn,
            },
            gbp(1_000),
        )
        .unwrap();
        let c = approved();
        let capped = c.max_award(gbp(2_000), summer(), &others);
        assert_eq!(
            (capped.amount, capped.limited_by),
            (Pounds::ZERO, vec![RuleId::AscTwoTerms])
        );
        let mut c = approved();
        let before = c.clone();
        let err = c
            .fund_term(
                &terms(),
                summer(),
                gbp(1_000),
                d(2025, 5, 1),
                Moderation::NotModerated,
                &others,
            )
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::RuleBroken {
                    rule: RuleId::AscTwoTerms,
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(c, before);
        // The tally refuses a third term too, and is unchanged.
        let tally = others.clone();
        assert!(others.add_term(summer(), gbp(10)).is_err());
        assert_eq!(others, tally);
    }

    #[test]
    fn asc_year_cap_across_contracts() {
        // ASC-YEAR-CAP: at most £6,000 a year per child; with ASC-TWO-TERMS and
        // ASC-TERM-CAP the most a child can have in a year is £4,000.
        let year = summer().year;
        let mut others = AwardsToDate::none();
        let autumn = TermId {
            year,
            name: TermName::Autumn,
        };
        let spring = TermId {
            year,
            name: TermName::Spring,
        };
        others.add_term(autumn, gbp(2_000)).unwrap();
        others.add_term(spring, gbp(2_000)).unwrap();
        assert_eq!(others.in_year(year), gbp(4_000));
        assert!(others.in_year(year) <= YEAR_CAP);
        assert!(others.add_term(autumn, gbp(1)).is_err(), "ASC-TERM-CAP");
        assert_eq!(others.in_term(autumn), gbp(2_000));
    }

    #[test]
    fn asc_term_dates_must_match_the_term() {
        // ASC-TERMLY-AGREEMENT: an Autumn term dated in May is a contradiction.
        let autumn = TermId {
            year: summer().year,
            name: TermName::Autumn,
        };
        let may = DateRange::new(d(2025, 5, 1), d(2025, 5, 30)).unwrap();
        assert!(check_term_dates(autumn, may).is_err());
        let real = DateRange::new(d(2024, 9, 3), d(2024, 12, 19)).unwrap();
        check_term_dates(autumn, real).unwrap();
        let wrong_year = DateRange::new(d(2025, 9, 3), d(2025, 12, 19)).unwrap();
        assert!(check_term_dates(autumn, wrong_year).is_err());
        // ASC-YEAR-CAP: a term may not run on into the next academic year.
        let into_next_year = DateRange::new(d(2024, 9, 3), d(2025, 12, 19)).unwrap();
        assert!(check_term_dates(autumn, into_next_year).is_err());
    }

    #[test]
    fn asc_two_terms_through_the_panel_then_no_third() {
        let cal = terms();
        let mut c = approved();
        assert_eq!(c.stage(), AscStage::Approved);
        // Over the cap is an error, and the contract is unchanged.
        let before = c.clone();
        let err = c
            .fund_term(
                &cal,
                summer(),
                gbp(2_001),
                d(2025, 5, 1),
                Moderation::NotModerated,
                &AwardsToDate::none(),
            )
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::RuleBroken {
                    rule: RuleId::AscTermCap,
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(c, before);
        c.fund_term(
            &cal,
            summer(),
            gbp(2_000),
            d(2025, 5, 1),
            Moderation::NotModerated,
            &AwardsToDate::none(),
        )
        .unwrap();
        // ASC-REVIEW-1TERM before a second term; ASC-EXTEND-PANEL for it.
        assert!(c
            .fund_term(
                &cal,
                autumn(),
                gbp(2_000),
                d(2025, 9, 10),
                Moderation::Moderated,
                &AwardsToDate::none()
            )
            .is_err());
        c.record_review(TermReview {
            reviewed_on: d(2025, 7, 15),
            progress: Progress::Successful,
            extension: ExtensionWish::Wanted,
        })
        .unwrap();
        assert!(matches!(
            c.fund_term(
                &cal,
                autumn(),
                gbp(2_000),
                d(2025, 9, 10),
                Moderation::Moderated,
                &AwardsToDate::none()
            ),
            Err(Error::RuleBroken {
                rule: RuleId::AscExtendPanel,
                ..
            })
        ));
        c.record_extension(AscDecision::new(
            PanelAdvice {
                panel_date: d(2025, 7, 20),
                targets: Robustness::Robust,
                recommended_per_term: gbp(2_000),
            },
            OfficerDecision::Approved {
                officer: "Head of SEN".into(),
                decided_on: d(2025, 7, 21),
                per_term: gbp(2_000),
            },
        ))
        .unwrap();
        assert!(
            c.fund_term(
                &cal,
                autumn(),
                gbp(2_000),
                d(2025, 9, 10),
                Moderation::NotModerated,
                &AwardsToDate::none()
            )
            .is_err(),
            "moderation"
        );
        c.fund_term(
            &cal,
            autumn(),
            gbp(2_000),
            d(2025, 9, 10),
            Moderation::Moderated,
            &AwardsToDate::none(),
        )
        .unwrap();
        assert_eq!(c.total_awarded(), CONTRACT_CAP);
        assert_eq!(c.stage(), AscStage::FinalTermFunded);
        assert_eq!(
            c.period(),
            Some(DateRange::new(d(2025, 4, 22), d(2025, 12, 19)).unwrap())
        );
        let spring = cal.term_containing(d(2026, 2, 1)).unwrap().id();
        let err = c
            .fund_term(
                &cal,
                spring,
                gbp(1),
                d(2026, 1, 6),
                Moderation::Moderated,
                &AwardsToDate::none(),
            )
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::RuleBroken {
                    rule: RuleId::AscTwoTerms,
                    ..
                }
            ),
            "{err}"
        );
        let end = c.end(d(2025, 12, 19), SupportStillNeeded::Yes).unwrap();
        assert_eq!(
            end.next_step,
            NextStep::ConsiderEhcNeedsAssessment,
            "ASC-TWO-TERMS prompt"
        );
    }

    /// ASC-TWO-TERMS: a stored ending's prompt is checked, never rewritten.
    #[cfg(feature = "serde")]
    #[test]
    fn asc_two_terms_a_stored_next_step_that_contradicts_the_ending_is_refused() {
        let good = serde_json::json!({
            "ended_on": "2025-12-19", "support_still_needed": "yes",
            "next_step": "consider_ehc_needs_assessment"
        });
        let end: AscEnding = serde_json::from_value(good.clone()).unwrap();
        assert_eq!(end.next_step, NextStep::after(SupportStillNeeded::Yes));
        let mut bad = good;
        bad["next_step"] = "continue_sen_support".into();
        let err = serde_json::from_value::<AscEnding>(bad).unwrap_err();
        assert!(err.to_string().contains("ASC-TWO-TERMS"), "{err}");
    }

    #[test]
    fn asc_decision_records_no_appeal_and_hnb() {
        let c = approved();
        let decision = c.decision().unwrap();
        assert_eq!(decision.appeal, AscAppeal::NoRightOfAppeal, "ASC-NO-APPEAL");
        assert_eq!(decision.funding, FundingSource::HighNeedsBlock, "ASC-HNB");
    }

    #[test]
    fn second_term_must_follow_the_first() {
        let cal = terms();
        let mut c = approved();
        c.fund_term(
            &cal,
            summer(),
            gbp(1_000),
            d(2025, 5, 1),
            Moderation::NotModerated,
            &AwardsToDate::none(),
        )
        .unwrap();
        c.record_review(TermReview {
            reviewed_on: d(2025, 7, 15),
            progress: Progress::Successful,
            extension: ExtensionWish::Wanted,
        })
        .unwrap();
        c.record_extension(AscDecision::new(
            PanelAdvice {
                panel_date: d(2025, 7, 20),
                targets: Robustness::Robust,
                recommended_per_term: gbp(2_000),
            },
            OfficerDecision::Approved {
                officer: "Head of SEN".into(),
                decided_on: d(2025, 7, 21),
                per_term: gbp(2_000),
            },
        ))
        .unwrap();
        let spring = cal.term_containing(d(2026, 2, 1)).unwrap().id();
        assert!(c
            .fund_term(
                &cal,
                spring,
                gbp(1_000),
                d(2026, 1, 6),
                Moderation::Moderated,
                &AwardsToDate::none()
            )
            .is_err());
    }
}
