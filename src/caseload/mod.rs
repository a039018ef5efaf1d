//! Views over many cases: what a service team, a panel or a
//! statutory return needs from a whole caseload.
//!
//! Every view is a plain function over any iterator of `&Case`, a `today` and
//! the caller's [`HolidayCalendar`](crate::calendar::HolidayCalendar). Rows
//! *borrow* the cases ([`CaseRef`]): nothing is cloned, and a row names its
//! case by the child's reference and the case's position in the iterator.
//!
//! * [`urgent_list`] — every open obligation, overdue first, then by due date,
//!   filtered by rule, phase and who must act ([`Filter`]).
//! * [`review_calendar`] — annual reviews due per month, for planning panels.
//! * [`phase_transfer_cohort`] — who must be reviewed and amended before
//!   15 February / 31 March of a transfer year, and who is already late.
//! * [`advice_chase_list`] — the advice chase list across assessments.
//! * [`Sen2Return`] — the DfE SEN2 person-level return and its aggregates.
//! * [`holiday_change_impact`] — open deadlines that a new bank-holiday list moves.
//! * [`late_acts`] — every statutory act done late in a period, from the cases'
//!   compliance histories (the ombudsman's and SEN2's question).
//!
//! **Councils.** Each case is judged under its own [`LocalPolicy`](crate::LocalPolicy),
//! so the operational views (urgent list, review calendar, cohort, chase list,
//! holiday change) accept a caseload mixing councils, and every row names its
//! council. The SEN2 return is one council's return: a caseload mixing
//! councils is refused with [`Error::MixedCouncils`](crate::Error::MixedCouncils).
//!
//! **Partial answers.** Each operational view has a `*_view` form
//! ([`urgent_view`], [`review_calendar_view`], [`phase_transfer_cohort_view`],
//! [`advice_chase_view`], [`holiday_change_view`], [`late_acts_view`], and
//! `feed::caseload_feed_view`) that returns [`Judged`]: the rows for the cases
//! it could judge and, beside them, each case it could not ([`Unjudged`]:
//! reference, position, reason). One case whose dates fall outside the
//! caller's bank-holiday table never sinks the view. The plain forms return
//! the first such case's error.
//!
//! **Empty caseloads** give empty views (and a SEN2 return with zero counts and
//! no percentages), never an error.

mod advice;
mod holiday_change;
mod late_acts;
mod phase_transfer;
mod review_calendar;
mod sen2_return;
mod urgent;

use core::fmt;

pub use advice::{advice_chase_list, advice_chase_view};
#[cfg(feature = "serde")]
pub use holiday_change::holidays_from_gov_uk_json;
pub use holiday_change::{holiday_change_impact, holiday_change_view, HolidayChange};
pub use late_acts::{late_acts, late_acts_view, LateAct};
pub use phase_transfer::{
    phase_transfer_cohort, phase_transfer_cohort_view, CohortEntry, PhaseTransferCohort,
    TransferBasis,
};
pub use review_calendar::{
    review_calendar, review_calendar_view, ReviewCalendar, ReviewDue, YearMonth,
};
pub use sen2_return::{
    census_date, AssessmentOutcome, CeaseReason, CeasedWindow, CollectionYear, Proportion,
    RequestOutcome, Sen2ActivePlan, Sen2Aggregates, Sen2Assessment, Sen2CeasedPlan, Sen2Request,
    Sen2Return,
};
pub use urgent::{statutory_first, urgent_list, urgent_view, UrgentRow};

use chrono::NaiveDate;

use crate::exceptions::Status;
use crate::pathway::{Case, Phase, Subject};
use crate::rule::RuleId;

/// A case named in a view: the child's reference, its position in the
/// caseload iterator (from 0), and the case itself, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct CaseRef<'a> {
    position: usize,
    case: &'a Case,
}

impl<'a> CaseRef<'a> {
    /// Name `case`, found at `position` of the caseload.
    pub fn new(position: usize, case: &'a Case) -> Self {
        CaseRef { position, case }
    }

    /// The caller's reference for the child.
    pub fn reference(&self) -> &'a str {
        &self.case.child().reference
    }

    /// The position in the caseload iterator, from 0.
    pub fn position(&self) -> usize {
        self.position
    }

    /// The case.
    pub fn case(&self) -> &'a Case {
        self.case
    }

    /// The council whose policy the case runs under.
    pub fn council(&self) -> &'a str {
        &self.case.policy().council
    }
}

impl PartialEq for CaseRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.position == other.position && core::ptr::eq(self.case, other.case)
    }
}

impl Eq for CaseRef<'_> {}

/// A case reference serialises as `{"reference", "position", "council"}`:
/// enough to find the case again, not the case itself.
#[cfg(feature = "serde")]
impl serde::Serialize for CaseRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("CaseRef", 3)?;
        out.serialize_field("reference", self.reference())?;
        out.serialize_field("position", &self.position)?;
        out.serialize_field("council", self.council())?;
        out.end()
    }
}

impl fmt::Display for CaseRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{} (#{})", self.reference(), self.position))
    }
}

/// A case a view could not judge: its reference, its position in the
/// caseload iterator and why (for example a due date outside the caller's
/// bank-holiday table).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Unjudged {
    /// The child's reference.
    pub reference: String,
    /// The case's position in the caseload iterator, from 0.
    pub position: usize,
    /// Why the case could not be judged.
    pub error: crate::Error,
}

impl Unjudged {
    /// `case`, at `position` of the caseload, could not be judged because of `error`.
    pub(crate) fn new(position: usize, case: &Case, error: crate::Error) -> Self {
        Unjudged {
            reference: case.child().reference.clone(),
            position,
            error,
        }
    }
}

impl fmt::Display for Unjudged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!(
            "{} (#{}) could not be judged: {}",
            self.reference, self.position, self.error
        ))
    }
}

/// A view's answer over a caseload: the rows for the cases it could judge
/// and, beside them, each case it could not, with the reason. One case
/// never sinks the whole view.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Judged<T> {
    /// The view's rows, for the cases it could judge.
    pub rows: T,
    /// Each case it could not judge, in caseload order.
    pub unjudged: Vec<Unjudged>,
}

impl<T> Judged<T> {
    /// The rows if every case was judged, else the first unjudged case's own
    /// error (what the all-or-nothing views return).
    pub(crate) fn first_error(self) -> crate::Result<T> {
        match self.unjudged.into_iter().next() {
            None => Ok(self.rows),
            Some(u) => Err(u.error),
        }
    }

    /// Whether every case was judged.
    pub fn is_complete(&self) -> bool {
        self.unjudged.is_empty()
    }

    /// The rows if every case was judged, else the first case's error
    /// (naming the case).
    ///
    /// # Errors
    ///
    /// [`Error::CaseNotJudged`](crate::Error::CaseNotJudged) for the first
    /// case that could not be judged.
    pub fn complete(self) -> crate::Result<T> {
        match self.unjudged.into_iter().next() {
            None => Ok(self.rows),
            Some(u) => Err(crate::Error::CaseNotJudged {
                reference: u.reference,
                position: u.position,
                reason: Box::new(u.error),
            }),
        }
    }
}

/// The phase a case is in, as a filter: SEN Support, assessment, plan, ceased
/// or transferred out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PhaseKind {
    /// SEN Support, no assessment running.
    SenSupport,
    /// An EHC needs assessment in progress.
    Assessment,
    /// A maintained plan.
    Plan,
    /// The plan has ceased.
    Ceased,
    /// The child moved to another council.
    TransferredOut,
}

impl PhaseKind {
    /// The kind of `phase`.
    pub fn of(phase: &Phase) -> Self {
        match phase {
            Phase::SenSupport { .. } => PhaseKind::SenSupport,
            Phase::Assessment(_) => PhaseKind::Assessment,
            Phase::Plan(_) => PhaseKind::Plan,
            Phase::Ceased { .. } => PhaseKind::Ceased,
            Phase::TransferredOut { .. } => PhaseKind::TransferredOut,
        }
    }
}

impl fmt::Display for PhaseKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            PhaseKind::SenSupport => "SEN Support",
            PhaseKind::Assessment => "assessment",
            PhaseKind::Plan => "plan",
            PhaseKind::Ceased => "ceased",
            PhaseKind::TransferredOut => "transferred out",
        })
    }
}

/// Who must act on an obligation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Party {
    /// The council (the SEN team, the panel).
    Council,
    /// The parent or young person.
    Family,
    /// The school, college or setting.
    School,
    /// An adviser: an assessment adviser (reg 6) or the mediation adviser.
    Adviser,
    /// A health commissioning body.
    Health,
    /// The First-tier Tribunal.
    Tribunal,
}

impl Party {
    /// Who must act on `subject`.
    ///
    /// Readings: review invitations, review advice and the review report are
    /// the head teacher's under reg 20 (a child at school), so they are the
    /// school's; mediation certificates are the mediation adviser's (reg 34);
    /// telling the health commissioner and holding mediation are the
    /// council's; health-only mediation is the commissioner's.
    pub fn of(subject: &Subject) -> Self {
        match subject {
            Subject::Advice { .. }
            | Subject::MediationCertificate { .. }
            | Subject::CertificateAfterMediation { .. } => Party::Adviser,
            Subject::SchoolReply { .. }
            | Subject::ReviewInvitations
            | Subject::ReviewAdvice
            | Subject::ReviewReport => Party::School,
            Subject::DraftRepresentations
            | Subject::AmendmentRepresentations
            | Subject::MediationContact { .. }
            | Subject::Appeal { .. } => Party::Family,
            Subject::HealthMediationHeld { .. } => Party::Health,
            _ => Party::Council,
        }
    }
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Party::Council => "council",
            Party::Family => "family",
            Party::School => "school",
            Party::Adviser => "adviser",
            Party::Health => "health",
            Party::Tribunal => "tribunal",
        })
    }
}

/// Which obligations a view keeps: by rule, by phase and by who must act.
/// An empty set keeps everything; several values in one set are alternatives.
///
/// ```
/// use send_pathway::caseload::{Filter, Party, PhaseKind};
/// use send_pathway::RuleId;
/// let council_plans = Filter::all().phase(PhaseKind::Plan).party(Party::Council);
/// assert!(council_plans.matches(RuleId::TReview12m, PhaseKind::Plan, Party::Council));
/// assert!(!council_plans.matches(RuleId::TFinal20w, PhaseKind::Assessment, Party::Council));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct Filter {
    rules: Vec<RuleId>,
    phases: Vec<PhaseKind>,
    parties: Vec<Party>,
    statutory_only: bool,
    due_from: Option<NaiveDate>,
    due_to: Option<NaiveDate>,
}

impl Filter {
    /// Keep everything.
    pub fn all() -> Self {
        Filter::default()
    }

    /// Keep obligations under `rule` (added to any rules already chosen).
    #[must_use]
    pub fn rule(mut self, rule: RuleId) -> Self {
        self.rules.push(rule);
        self
    }

    /// Keep cases in `phase` (added to any phases already chosen).
    #[must_use]
    pub fn phase(mut self, phase: PhaseKind) -> Self {
        self.phases.push(phase);
        self
    }

    /// Keep obligations on which `party` must act (added to any already chosen).
    #[must_use]
    pub fn party(mut self, party: Party) -> Self {
        self.parties.push(party);
        self
    }

    /// Keep statutory clocks only (rules that are law, [`RuleId::is_statutory`]),
    /// leaving out targets and local protocol dates.
    ///
    /// ```
    /// use send_pathway::caseload::{Filter, Party, PhaseKind};
    /// use send_pathway::RuleId;
    /// let law = Filter::all().statutory_only();
    /// assert!(law.matches(RuleId::TFinal20w, PhaseKind::Assessment, Party::Council));
    /// assert!(!law.matches(RuleId::TDraft14w, PhaseKind::Assessment, Party::Council));
    /// ```
    #[must_use]
    pub fn statutory_only(mut self) -> Self {
        self.statutory_only = true;
        self
    }

    /// Keep obligations due from `from` to `to`, both included (a feed or a
    /// list for a date window).
    #[must_use]
    pub fn due_between(mut self, from: NaiveDate, to: NaiveDate) -> Self {
        self.due_from = Some(from);
        self.due_to = Some(to);
        self
    }

    /// Whether a due date passes the date window (every date passes when no
    /// window is set).
    pub fn matches_due(&self, due: NaiveDate) -> bool {
        self.due_from.is_none_or(|from| due >= from) && self.due_to.is_none_or(|to| due <= to)
    }

    /// Whether an obligation under `rule`, in a case in `phase`, for `party` passes.
    pub fn matches(&self, rule: RuleId, phase: PhaseKind, party: Party) -> bool {
        (!self.statutory_only || rule.is_statutory())
            && (self.rules.is_empty() || self.rules.contains(&rule))
            && (self.phases.is_empty() || self.phases.contains(&phase))
            && (self.parties.is_empty() || self.parties.contains(&party))
    }

    fn wants_phase(&self, phase: PhaseKind) -> bool {
        self.phases.is_empty() || self.phases.contains(&phase)
    }
}

/// Whether an obligation is still open: not done, in time or not (an
/// excused miss is still owed "as soon as practicable", DC-10).
pub(crate) fn is_open(status: Status) -> bool {
    matches!(
        status,
        Status::Pending | Status::Overdue | Status::MissedExcused(_)
    )
}
