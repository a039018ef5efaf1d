//! The stages of a case, each a struct holding only the data valid in it.
//!
//! A transition is a method that consumes the stage and returns the next one,
//! or the error together with the stage unchanged:
//! `fn decide_to_assess(self, on) -> Result<Assessing, (Self, Error)>`.
//! [`Stage`] is the enum that is stored and dispatched on.

// A failed transition hands the stage back by value, so the caller keeps it
// untouched; boxing the error side would allocate on every refusal for no gain.
#![allow(clippy::result_large_err)]

use chrono::NaiveDate;

use super::events::{
    Actor, CeaseGround, DecisionNotice, FinalPlanChanges, ParentalAgreement, ReviewFinding,
    ReviewKind, ReviewOutcome,
};
use crate::advice::AssessmentAdvice;
use crate::calendar::{age_on, plan_age_limit, HolidayCalendar, Provision};
use crate::deadlines::{self, PhaseTransfer};
use crate::error::Error;
use crate::exceptions::ExceptionClaim;
use crate::rule::RuleId;
use crate::warning::Warning;

/// A transition's result: the next stage, or the error with this stage unchanged.
pub type Transition<Next, Same> = Result<Next, (Same, Error)>;

fn broken(rule: RuleId, reason: impl Into<String>) -> Error {
    Error::RuleBroken {
        rule,
        reason: reason.into(),
    }
}

/// DRAFT-NO-SCHOOL: a draft plan names no school or type of school (CFA s38(4)–(5)).
fn draft_names_no_school(names_school: Option<&str>) -> Result<(), Error> {
    match names_school {
        Some(school) => Err(broken(
            RuleId::DraftNoSchool,
            format!("the draft plan must not name a school or type of school ({school}); the family may request one"),
        )),
        None => Ok(()),
    }
}

fn out_of_order(
    earlier_label: &'static str,
    earlier: NaiveDate,
    later_label: &'static str,
    later: NaiveDate,
) -> Error {
    Error::DatesOutOfOrder {
        earlier_label,
        earlier,
        later_label,
        later,
    }
}

/// How the council came to be responsible (REQ-WHO, REQ-ATTENTION).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "route", rename_all = "snake_case"))]
pub enum RequestRoute {
    /// A request under CFA s36(1) by a parent, young person or school.
    Requested {
        /// Who asked.
        by: Actor,
        /// Whether a school acted with the family's agreement.
        agreement: ParentalAgreement,
    },
    /// Someone else brought the child to the council's attention; the clocks
    /// run from the date the council became responsible.
    BroughtToAttention {
        /// Who.
        by: Actor,
    },
}

/// Whether the child was assessed in the previous 6 months (REQ-6M-PRIOR).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "prior", content = "concluded_on", rename_all = "snake_case")
)]
pub enum PriorAssessment {
    /// No assessment in the previous 6 months.
    None,
    /// An assessment concluded on this date, less than 6 months before: no
    /// s36(7) notice of considering is needed, but the council must still
    /// decide and notify, and a refusal is appealable.
    Within6Months(NaiveDate),
}

/// The request that started an assessment, carried until the plan is issued
/// (anchor A of the 6/16/20-week clocks).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Request {
    pub(crate) received_on: NaiveDate,
    pub(crate) route: RequestRoute,
    pub(crate) prior: PriorAssessment,
    pub(crate) considering_notified_on: Option<NaiveDate>,
    pub(crate) exceptions: Vec<ExceptionClaim>,
}

impl Request {
    /// Anchor A: the day the request was received or the council became responsible.
    pub fn received_on(&self) -> NaiveDate {
        self.received_on
    }

    /// How it came.
    pub fn route(&self) -> &RequestRoute {
        &self.route
    }

    /// REQ-6M-PRIOR.
    pub fn prior(&self) -> PriorAssessment {
        self.prior
    }

    /// Exceptions recorded against the request's deadlines.
    pub fn exceptions(&self) -> &[ExceptionClaim] {
        &self.exceptions
    }
}

/// A phase transfer the plan must be reviewed and amended for (T-PHASE-*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PlannedTransfer {
    /// The day of transfer.
    pub transfer_on: NaiveDate,
    /// The kind.
    pub transfer: PhaseTransfer,
    /// When it was recorded.
    pub planned_on: NaiveDate,
    /// When the plan was last amended after it was recorded, naming the next placement.
    pub amended_on: Option<NaiveDate>,
}

/// A maintained EHC plan.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Plan {
    pub(crate) issued_on: NaiveDate,
    pub(crate) school: String,
    pub(crate) review_anchor: NaiveDate,
    pub(crate) last_reviewed_on: Option<NaiveDate>,
    pub(crate) last_assessment_concluded: NaiveDate,
    pub(crate) phase_transfer: Option<PlannedTransfer>,
}

impl Plan {
    fn new(issued_on: NaiveDate, school: String) -> Self {
        Plan {
            issued_on,
            school,
            review_anchor: issued_on,
            last_reviewed_on: None,
            last_assessment_concluded: issued_on,
            phase_transfer: None,
        }
    }

    /// When the plan was made.
    pub fn issued_on(&self) -> NaiveDate {
        self.issued_on
    }

    /// The school or placement named.
    pub fn school(&self) -> &str {
        &self.school
    }

    /// What the next annual review is counted from (T-REVIEW-12M, D-3).
    pub fn review_anchor(&self) -> NaiveDate {
        self.review_anchor
    }

    /// The last review, if any.
    pub fn last_reviewed_on(&self) -> Option<NaiveDate> {
        self.last_reviewed_on
    }

    /// When the last assessment or re-assessment concluded (REASSESS-6M-BAR).
    pub fn last_assessment_concluded(&self) -> NaiveDate {
        self.last_assessment_concluded
    }

    /// A planned phase transfer.
    pub fn phase_transfer(&self) -> Option<&PlannedTransfer> {
        self.phase_transfer.as_ref()
    }

    fn amended(&mut self, on: NaiveDate, school: String) {
        self.school = school;
        if let Some(t) = &mut self.phase_transfer {
            if on >= t.planned_on {
                t.amended_on = Some(on);
            }
        }
    }
}

/// SEN Support: the graduated approach of assess–plan–do–review (SUP-APDR).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SenSupport {
    pub(crate) since: NaiveDate,
    pub(crate) parents_informed_on: Option<NaiveDate>,
    pub(crate) apdr_reviews: Vec<NaiveDate>,
}

impl SenSupport {
    pub(crate) fn start(since: NaiveDate) -> Self {
        SenSupport {
            since,
            parents_informed_on: None,
            apdr_reviews: Vec::new(),
        }
    }

    /// Since when.
    pub fn since(&self) -> NaiveDate {
        self.since
    }

    /// SUP-INFORM-PARENTS: when the parents were told.
    pub fn parents_informed_on(&self) -> Option<NaiveDate> {
        self.parents_informed_on
    }

    /// SUP-APDR / SUP-TERMLY: the dates APDR cycles were reviewed with the family.
    pub fn apdr_reviews(&self) -> &[NaiveDate] {
        &self.apdr_reviews
    }

    /// REQ-WHO: a request by a parent, a young person or a person acting for a
    /// school or post-16 institution. Anyone else can only bring the child to
    /// the council's attention (REQ-ATTENTION). A school acting without the
    /// family's agreement is a warning, not an error (D-5).
    pub fn request_assessment(
        self,
        on: NaiveDate,
        by: &Actor,
        agreement: ParentalAgreement,
        prior: PriorAssessment,
    ) -> Transition<(RequestReceived, Vec<Warning>), Self> {
        let mut warnings = Vec::new();
        match by {
            Actor::Parent | Actor::YoungPerson => {}
            Actor::School | Actor::PostSixteenInstitution => {
                if agreement == ParentalAgreement::NotAgreed {
                    warnings.push(Warning::new(
                        RuleId::ReqWho,
                        "the school should act with the parent's or young person's knowledge and agreement where possible",
                    ));
                }
            }
            other => {
                return Err((
                    self,
                    broken(
                        RuleId::ReqWho,
                        format!("{other} cannot request an assessment; record that they brought the child to the council's attention (REQ-ATTENTION)"),
                    ),
                ))
            }
        }
        let request = Request {
            received_on: on,
            route: RequestRoute::Requested {
                by: by.clone(),
                agreement,
            },
            prior,
            considering_notified_on: None,
            exceptions: Vec::new(),
        };
        Ok((RequestReceived { request }, warnings))
    }

    /// REQ-ATTENTION: the child is brought to the council's attention; `on` is
    /// the day the council becomes responsible.
    pub fn brought_to_attention(
        self,
        on: NaiveDate,
        by: &Actor,
        prior: PriorAssessment,
    ) -> RequestReceived {
        RequestReceived {
            request: Request {
                received_on: on,
                route: RequestRoute::BroughtToAttention { by: by.clone() },
                prior,
                considering_notified_on: None,
                exceptions: Vec::new(),
            },
        }
    }
}

/// A request received; the decision whether to assess is due in 6 weeks (T-DECIDE-6W).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RequestReceived {
    pub(crate) request: Request,
}

impl RequestReceived {
    /// The request.
    pub fn request(&self) -> &Request {
        &self.request
    }

    /// T-DECIDE-6W: decide to assess. Advice requirements come from the child.
    pub fn decide_to_assess(
        self,
        on: NaiveDate,
        advice: AssessmentAdvice,
    ) -> Transition<Assessing, Self> {
        if on < self.request.received_on {
            let e = out_of_order("request received", self.request.received_on, "decision", on);
            return Err((self, e));
        }
        Ok(Assessing {
            request: self.request,
            decided_on: on,
            advice,
        })
    }

    /// T-DECIDE-6W with NOTICE-APPEAL-CONTENT: decide not to assess.
    pub fn decide_not_to_assess(
        self,
        on: NaiveDate,
        panel_on: NaiveDate,
        notice: &DecisionNotice,
    ) -> Transition<NotAssessed, Self> {
        if let Err(e) = notice.check() {
            return Err((self, e));
        }
        if on < self.request.received_on || panel_on > on || panel_on < self.request.received_on {
            let e = out_of_order(
                "request received, then the panel",
                panel_on,
                "the notice",
                on,
            );
            return Err((self, e));
        }
        Ok(NotAssessed {
            request: self.request,
            panel_on,
            decided_on: on,
        })
    }
}

/// The council decided not to assess; the family may appeal and (by policy)
/// have a Next Steps Meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NotAssessed {
    pub(crate) request: Request,
    pub(crate) panel_on: NaiveDate,
    pub(crate) decided_on: NaiveDate,
}

impl NotAssessed {
    /// When the notice was sent.
    pub fn decided_on(&self) -> NaiveDate {
        self.decided_on
    }

    /// The child continues at SEN Support.
    pub fn return_to_sen_support(self, on: NaiveDate) -> SenSupport {
        SenSupport::start(on)
    }
}

/// An EHC needs assessment under way.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Assessing {
    pub(crate) request: Request,
    pub(crate) decided_on: NaiveDate,
    pub(crate) advice: AssessmentAdvice,
}

impl Assessing {
    /// The request.
    pub fn request(&self) -> &Request {
        &self.request
    }

    /// When the council decided to assess.
    pub fn decided_on(&self) -> NaiveDate {
        self.decided_on
    }

    /// The advice being gathered.
    pub fn advice(&self) -> &AssessmentAdvice {
        &self.advice
    }

    pub(crate) fn advice_mut(&mut self) -> &mut AssessmentAdvice {
        &mut self.advice
    }

    /// T-NOTISSUE-16W with NOTICE-APPEAL-CONTENT: decide not to issue a plan.
    pub fn decide_not_to_issue(
        self,
        on: NaiveDate,
        panel_on: NaiveDate,
        notice: &DecisionNotice,
    ) -> Transition<NotIssued, Self> {
        if let Err(e) = notice.check() {
            return Err((self, e));
        }
        if panel_on > on || panel_on < self.decided_on {
            let e = out_of_order(
                "decision to assess, then the panel",
                panel_on,
                "the notice",
                on,
            );
            return Err((self, e));
        }
        Ok(NotIssued {
            request: self.request,
            assessment_decided_on: self.decided_on,
            panel_on,
            decided_on: on,
        })
    }

    /// DRAFT-NO-SCHOOL: serve the draft plan. Naming a school is an error;
    /// after the week-14 target a warning (T-DRAFT-14W, D-1).
    pub fn issue_draft(
        self,
        on: NaiveDate,
        names_school: Option<&str>,
        cal: &HolidayCalendar,
    ) -> Transition<(DraftIssued, Vec<Warning>), Self> {
        if let Err(e) = draft_names_no_school(names_school) {
            return Err((self, e));
        }
        let mut warnings = Vec::new();
        if let crate::advice::Readiness::NotReady {
            not_requested,
            awaiting,
            ..
        } = self.advice.readiness()
        {
            let missing: Vec<String> = not_requested
                .iter()
                .chain(&awaiting)
                .map(ToString::to_string)
                .collect();
            warnings.push(Warning::new(
                RuleId::AdvTypes8,
                format!(
                    "the draft goes out before all advice is in: {}",
                    missing.join(", ")
                ),
            ));
        }
        if let Ok(target) = deadlines::draft_target(self.request.received_on, cal) {
            if on > target.due() {
                warnings.push(Warning::new(
                    target.rule(),
                    format!("the draft is served after the week-14 target of {}; 15 days and consultation may not fit in 20 weeks", target.due()),
                ));
            }
        }
        Ok((
            DraftIssued {
                request: self.request,
                assessment_decided_on: self.decided_on,
                advice: self.advice,
                drafts: vec![on],
                representations: Vec::new(),
                no_further_representations_on: None,
                consultations: Vec::new(),
            },
            warnings,
        ))
    }
}

/// The council decided not to issue a plan after assessing.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NotIssued {
    pub(crate) request: Request,
    pub(crate) assessment_decided_on: NaiveDate,
    pub(crate) panel_on: NaiveDate,
    pub(crate) decided_on: NaiveDate,
}

impl NotIssued {
    /// When the notice was sent.
    pub fn decided_on(&self) -> NaiveDate {
        self.decided_on
    }

    /// The child continues at SEN Support.
    pub fn return_to_sen_support(self, on: NaiveDate) -> SenSupport {
        SenSupport::start(on)
    }
}

/// Representations on a draft or an amendment.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Representation {
    /// When received.
    pub on: NaiveDate,
    /// A school requested, if any.
    pub requested_school: Option<String>,
}

/// A school or college consulted on a placement (T-SCHOOL-CONSULT-15D).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Consultation {
    /// The school.
    pub school: String,
    /// When consulted.
    pub sent_on: NaiveDate,
    /// When it replied.
    pub replied_on: Option<NaiveDate>,
}

/// A draft plan served; representations and consultation under way.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DraftIssued {
    pub(crate) request: Request,
    pub(crate) assessment_decided_on: NaiveDate,
    pub(crate) advice: AssessmentAdvice,
    pub(crate) drafts: Vec<NaiveDate>,
    pub(crate) representations: Vec<Representation>,
    pub(crate) no_further_representations_on: Option<NaiveDate>,
    pub(crate) consultations: Vec<Consultation>,
}

impl DraftIssued {
    /// The request.
    pub fn request(&self) -> &Request {
        &self.request
    }

    /// The day the current draft was served.
    pub fn served_on(&self) -> NaiveDate {
        self.drafts
            .last()
            .copied()
            .unwrap_or(self.assessment_decided_on)
    }

    /// The consultations.
    pub fn consultations(&self) -> &[Consultation] {
        &self.consultations
    }

    /// Re-issue the draft (e.g. after changes beyond FINAL-REPS-ONLY); the
    /// 15-day window starts again.
    pub fn reissue(mut self, on: NaiveDate, names_school: Option<&str>) -> Transition<Self, Self> {
        if let Err(e) = draft_names_no_school(names_school) {
            return Err((self, e));
        }
        self.drafts.push(on);
        self.no_further_representations_on = None;
        Ok(self)
    }

    /// T-FINAL-20W: issue the final plan. Errors: finalising before the 15-day
    /// window of the current draft has closed (T-DRAFT-REPS-15D, unless the
    /// family confirmed they have nothing to add), or changes beyond
    /// representations and placement (FINAL-REPS-ONLY: re-issue the draft).
    pub fn issue_final(
        self,
        on: NaiveDate,
        school: &str,
        changes: FinalPlanChanges,
        cal: &HolidayCalendar,
    ) -> Transition<PlanMaintained, Self> {
        if changes == FinalPlanChanges::OtherChanges {
            let e = broken(RuleId::FinalRepsOnly, "the final plan may differ from the draft only through representations and the placement; re-issue the draft");
            return Err((self, e));
        }
        let served = self.served_on();
        let earliest = deadlines::draft_representations_window(served, cal)
            .ok()
            .and_then(|window| window.earliest_action());
        let confirmed = self
            .no_further_representations_on
            .is_some_and(|c| c >= served);
        if let Some(earliest) = earliest {
            if on < earliest && !confirmed {
                let e = broken(
                    RuleId::TDraftReps15d,
                    format!("the family has until the end of the 15-day window; the plan cannot be finalised before {earliest} unless they confirm they have nothing to add"),
                );
                return Err((self, e));
            }
        }
        if school.trim().is_empty() {
            let e = broken(
                RuleId::TFinal20w,
                "the final plan names the school or placement (section I)",
            );
            return Err((self, e));
        }
        Ok(PlanMaintained {
            plan: Plan::new(on, school.to_owned()),
        })
    }
}

/// A plan is maintained; reviews, amendments, re-assessment and ceasing follow.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PlanMaintained {
    pub(crate) plan: Plan,
}

impl PlanMaintained {
    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// T-REVIEW-INVITE-2W: arrange a review meeting; invitations go out today.
    /// Less than two weeks' notice is a warning (the obligation shows it Late).
    pub fn schedule_review(
        self,
        on: NaiveDate,
        meeting_on: NaiveDate,
        kind: ReviewKind,
        cal: &HolidayCalendar,
    ) -> Transition<(ReviewScheduled, Vec<Warning>), Self> {
        if meeting_on < on {
            let e = out_of_order("invitations sent", on, "review meeting", meeting_on);
            return Err((self, e));
        }
        let mut warnings = Vec::new();
        if let Ok(latest) = deadlines::review_invitations_due(meeting_on, cal) {
            if on > latest.due() {
                warnings.push(Warning::new(
                    latest.rule(),
                    format!(
                        "invitations should go out by {}, two weeks before the meeting",
                        latest.due()
                    ),
                ));
            }
        }
        if kind == ReviewKind::Early {
            warnings.push(Warning::new(
                RuleId::ReviewEarly,
                "early review: record the significant change that prompted it",
            ));
        }
        Ok((
            ReviewScheduled {
                plan: self.plan,
                invitations_sent_on: on,
                meeting_on,
                advice_circulated_on: None,
            },
            warnings,
        ))
    }

    /// REASSESS-WHO: a re-assessment is requested. Within 6 months of the last
    /// assessment the council may refuse (REASSESS-6M-BAR): a warning.
    pub fn request_reassessment(
        self,
        on: NaiveDate,
        by: &Actor,
    ) -> Transition<(ReassessmentRequested, Vec<Warning>), Self> {
        match by {
            Actor::Parent
            | Actor::YoungPerson
            | Actor::School
            | Actor::PostSixteenInstitution
            | Actor::Health
            | Actor::Council => {}
            other => {
                let e = broken(
                    RuleId::ReassessWho,
                    format!("{other} cannot request a re-assessment"),
                );
                return Err((self, e));
            }
        }
        let mut warnings = Vec::new();
        if let Ok(bar) = deadlines::reassessment_bar_ends(self.plan.last_assessment_concluded) {
            if on < bar {
                warnings.push(Warning::new(
                    RuleId::Reassess6mBar,
                    format!("requested within 6 months of the last assessment ({}); the council may refuse unless it thinks a re-assessment necessary", self.plan.last_assessment_concluded),
                ));
            }
        }
        Ok((
            ReassessmentRequested {
                plan: self.plan,
                received_on: on,
            },
            warnings,
        ))
    }

    /// Propose to cease the plan (CEASE-PROCEDURE starts).
    pub fn propose_cease(self, on: NaiveDate) -> CeaseProposed {
        CeaseProposed {
            plan: self.plan,
            proposed_on: on,
            consultation_on: None,
        }
    }

    /// An amendment outside a review: the notice is sent today (T-AMEND-REPS-15D).
    pub fn propose_amendment(self, on: NaiveDate) -> AmendmentProposed {
        AmendmentProposed {
            plan: self.plan,
            meeting_on: None,
            notice_sent_on: on,
            representations: Vec::new(),
            no_further_representations_on: None,
        }
    }
}

/// A review meeting arranged and invitations sent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ReviewScheduled {
    pub(crate) plan: Plan,
    pub(crate) invitations_sent_on: NaiveDate,
    pub(crate) meeting_on: NaiveDate,
    pub(crate) advice_circulated_on: Option<NaiveDate>,
}

impl ReviewScheduled {
    /// The meeting date.
    pub fn meeting_on(&self) -> NaiveDate {
        self.meeting_on
    }

    /// REVIEW-CONDUCT: the meeting is held (on `on`, which may differ from the date arranged).
    pub fn hold(self, on: NaiveDate) -> Transition<ReviewHeld, Self> {
        if on < self.invitations_sent_on {
            let e = out_of_order(
                "invitations sent",
                self.invitations_sent_on,
                "meeting held",
                on,
            );
            return Err((self, e));
        }
        Ok(ReviewHeld {
            plan: self.plan,
            meeting_on: on,
        })
    }
}

/// The review meeting has been held; the report is due in 2 weeks.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ReviewHeld {
    pub(crate) plan: Plan,
    pub(crate) meeting_on: NaiveDate,
}

impl ReviewHeld {
    /// T-REVIEW-REPORT-2W: send the report.
    pub fn send_report(self, on: NaiveDate) -> ReportSent {
        ReportSent {
            plan: self.plan,
            meeting_on: self.meeting_on,
            report_sent_on: on,
        }
    }
}

/// The review report has been sent; the decision is due 4 weeks after the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ReportSent {
    pub(crate) plan: Plan,
    pub(crate) meeting_on: NaiveDate,
    pub(crate) report_sent_on: NaiveDate,
}

/// What follows a review decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterReview {
    /// The plan continues unchanged.
    Maintained(PlanMaintained),
    /// Amendments proposed; the notice went out with the decision.
    Amendment(AmendmentProposed),
    /// Ceasing proposed.
    Cease(CeaseProposed),
}

impl ReportSent {
    /// T-REVIEW-DECISION-4W: decide keep / amend / cease. The annual-review
    /// clock restarts from the decision notice, or the meeting (D-3, policy).
    pub fn decide(
        self,
        on: NaiveDate,
        outcome: ReviewOutcome,
        anchor: crate::policy::ReviewAnchor,
    ) -> AfterReview {
        let mut plan = self.plan;
        plan.last_reviewed_on = Some(self.meeting_on);
        plan.review_anchor = match anchor {
            crate::policy::ReviewAnchor::DecisionNotice => on,
            crate::policy::ReviewAnchor::Meeting => self.meeting_on,
        };
        match outcome {
            ReviewOutcome::Maintain => AfterReview::Maintained(PlanMaintained { plan }),
            ReviewOutcome::Amend => AfterReview::Amendment(AmendmentProposed {
                plan,
                meeting_on: Some(self.meeting_on),
                notice_sent_on: on,
                representations: Vec::new(),
                no_further_representations_on: None,
            }),
            ReviewOutcome::Cease => AfterReview::Cease(CeaseProposed {
                plan,
                proposed_on: on,
                consultation_on: None,
            }),
        }
    }
}

/// An amendment notice sent; representations for 15 days, final within 8 weeks.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AmendmentProposed {
    pub(crate) plan: Plan,
    pub(crate) meeting_on: Option<NaiveDate>,
    pub(crate) notice_sent_on: NaiveDate,
    pub(crate) representations: Vec<Representation>,
    pub(crate) no_further_representations_on: Option<NaiveDate>,
}

impl AmendmentProposed {
    /// When the amendment notice was sent.
    pub fn notice_sent_on(&self) -> NaiveDate {
        self.notice_sent_on
    }

    /// T-AMEND-FINAL-8W: issue the amended plan, after the 15-day window (T-AMEND-REPS-15D).
    pub fn issue_amended(
        self,
        on: NaiveDate,
        school: &str,
        cal: &HolidayCalendar,
    ) -> Transition<PlanMaintained, Self> {
        if let Ok(window) = deadlines::amendment_representations_window(self.notice_sent_on, cal) {
            let confirmed = self.no_further_representations_on.is_some();
            if let Some(earliest) = window.earliest_action() {
                if on < earliest && !confirmed {
                    let e = broken(
                        window.rule(),
                        format!("representations on the amendments are open until {}; finalise from {earliest}", window.due()),
                    );
                    return Err((self, e));
                }
            }
        }
        let mut plan = self.plan;
        plan.amended(on, school.to_owned());
        Ok(PlanMaintained { plan })
    }

    /// T-AMEND-NOT-8W: decide not to amend after representations.
    pub fn decide_not_to_amend(self, notice: &DecisionNotice) -> Transition<PlanMaintained, Self> {
        if let Err(e) = notice.check() {
            return Err((self, e));
        }
        Ok(PlanMaintained { plan: self.plan })
    }
}

/// A re-assessment requested; the decision is due in 15 days.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ReassessmentRequested {
    pub(crate) plan: Plan,
    pub(crate) received_on: NaiveDate,
}

impl ReassessmentRequested {
    /// T-REASSESS-DECIDE-15D: refuse (appealable, NOTICE-APPEAL-CONTENT).
    pub fn refuse(self, notice: &DecisionNotice) -> Transition<PlanMaintained, Self> {
        if let Err(e) = notice.check() {
            return Err((self, e));
        }
        Ok(PlanMaintained { plan: self.plan })
    }

    /// T-REASSESS-DECIDE-15D: agree to re-assess.
    pub fn agree(self, on: NaiveDate) -> Reassessing {
        Reassessing {
            plan: self.plan,
            decided_on: on,
            exceptions: Vec::new(),
        }
    }
}

/// Re-assessing; the plan is due 14 weeks after the decision.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Reassessing {
    pub(crate) plan: Plan,
    pub(crate) decided_on: NaiveDate,
    pub(crate) exceptions: Vec<ExceptionClaim>,
}

impl Reassessing {
    /// T-REASSESS-FINAL-14W: the amended or replacement plan.
    pub fn issue_plan(self, on: NaiveDate, school: &str) -> PlanMaintained {
        let mut plan = Plan::new(on, school.to_owned());
        plan.phase_transfer = self.plan.phase_transfer;
        PlanMaintained { plan }
    }
}

/// Ceasing proposed; the family and the head are informed and consulted (CEASE-PROCEDURE).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CeaseProposed {
    pub(crate) plan: Plan,
    pub(crate) proposed_on: NaiveDate,
    pub(crate) consultation_on: Option<NaiveDate>,
}

impl CeaseProposed {
    /// CEASE-GROUNDS, CEASE-AGE-RULES, AGE-25, CEASE-PROCEDURE: decide to cease.
    /// Errors: no consultation first; a child under 18 ceased for leaving
    /// education; an 18+ young person who left education without a review
    /// finding they will not return; the age limit claimed before it is reached.
    pub fn decide(
        self,
        on: NaiveDate,
        ground: CeaseGround,
        notice: &DecisionNotice,
        date_of_birth: NaiveDate,
    ) -> Transition<CeaseDecided, Self> {
        if self.consultation_on.is_none() {
            let e = broken(RuleId::CeaseProcedure, "inform and consult the parent or young person and the head or principal before deciding to cease");
            return Err((self, e));
        }
        if let Err(e) = notice.check() {
            return Err((self, e));
        }
        let age = age_on(date_of_birth, on).unwrap_or(0);
        match ground {
            CeaseGround::LeftEducation {
                review_found_not_returning,
            } => {
                if age < 18 {
                    let e = broken(RuleId::CeaseAgeRules, "under 18, a plan is not ceased for leaving education: review and amend it instead");
                    return Err((self, e));
                }
                if review_found_not_returning != ReviewFinding::NotReturning {
                    let e = broken(RuleId::CeaseAgeRules, "18 or over and left education: cease only after a review finds the young person does not wish to, or should not, return");
                    return Err((self, e));
                }
            }
            CeaseGround::AgeLimit => {
                let limit = plan_age_limit(date_of_birth, Provision::Other).ok();
                if limit.is_none_or(|l| on <= l) {
                    let e = broken(RuleId::Age25, format!("the plan may continue to the end of the academic year of the 25th birthday ({})", limit.map(|l| l.to_string()).unwrap_or_default()));
                    return Err((self, e));
                }
            }
            _ => {}
        }
        Ok(CeaseDecided {
            plan: self.plan,
            ground,
            notice_sent_on: on,
        })
    }

    /// The proposal is withdrawn.
    pub fn withdraw(self) -> PlanMaintained {
        PlanMaintained { plan: self.plan }
    }
}

/// A decision to cease has been notified; the plan is maintained until the
/// appeal period ends or an appeal is decided (CEASE-PENDING-APPEAL).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CeaseDecided {
    pub(crate) plan: Plan,
    pub(crate) ground: CeaseGround,
    pub(crate) notice_sent_on: NaiveDate,
}

impl CeaseDecided {
    /// When the notice was sent.
    pub fn notice_sent_on(&self) -> NaiveDate {
        self.notice_sent_on
    }

    /// The decision is withdrawn (or an appeal succeeded).
    pub fn withdraw(self) -> PlanMaintained {
        PlanMaintained { plan: self.plan }
    }
}

/// The plan has ceased.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Ceased {
    pub(crate) ceased_on: NaiveDate,
    pub(crate) ground: CeaseGround,
}

impl Ceased {
    /// When.
    pub fn ceased_on(&self) -> NaiveDate {
        self.ceased_on
    }

    /// Why.
    pub fn ground(&self) -> CeaseGround {
        self.ground
    }
}

/// The stage of a case: what is stored and dispatched on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "stage", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Stage {
    /// SEN Support.
    SenSupport(SenSupport),
    /// Request received.
    RequestReceived(RequestReceived),
    /// "No" to assessment.
    NotAssessed(NotAssessed),
    /// Assessing.
    Assessing(Assessing),
    /// "No" to a plan.
    NotIssued(NotIssued),
    /// Draft plan issued.
    DraftIssued(DraftIssued),
    /// Plan maintained.
    PlanMaintained(PlanMaintained),
    /// Review scheduled.
    ReviewScheduled(ReviewScheduled),
    /// Review meeting held.
    ReviewHeld(ReviewHeld),
    /// Review report sent.
    ReportSent(ReportSent),
    /// Amendment proposed.
    AmendmentProposed(AmendmentProposed),
    /// Re-assessment requested.
    ReassessmentRequested(ReassessmentRequested),
    /// Re-assessing.
    Reassessing(Reassessing),
    /// Ceasing proposed.
    CeaseProposed(CeaseProposed),
    /// Decision to cease notified.
    CeaseDecided(CeaseDecided),
    /// Plan ceased.
    Ceased(Ceased),
}

impl Stage {
    /// The stage's name, as in DOMAIN §5.
    pub fn name(&self) -> &'static str {
        match self {
            Stage::SenSupport(_) => "SenSupport",
            Stage::RequestReceived(_) => "RequestReceived",
            Stage::NotAssessed(_) => "NotAssessed",
            Stage::Assessing(_) => "Assessing",
            Stage::NotIssued(_) => "NotIssued",
            Stage::DraftIssued(_) => "DraftIssued",
            Stage::PlanMaintained(_) => "PlanMaintained",
            Stage::ReviewScheduled(_) => "ReviewScheduled",
            Stage::ReviewHeld(_) => "ReviewHeld",
            Stage::ReportSent(_) => "ReportSent",
            Stage::AmendmentProposed(_) => "AmendmentProposed",
            Stage::ReassessmentRequested(_) => "ReassessmentRequested",
            Stage::Reassessing(_) => "Reassessing",
            Stage::CeaseProposed(_) => "CeaseProposed",
            Stage::CeaseDecided(_) => "CeaseDecided",
            Stage::Ceased(_) => "Ceased",
        }
    }

    /// The maintained plan, in every stage that has one.
    pub fn plan(&self) -> Option<&Plan> {
        match self {
            Stage::PlanMaintained(s) => Some(&s.plan),
            Stage::ReviewScheduled(s) => Some(&s.plan),
            Stage::ReviewHeld(s) => Some(&s.plan),
            Stage::ReportSent(s) => Some(&s.plan),
            Stage::AmendmentProposed(s) => Some(&s.plan),
            Stage::ReassessmentRequested(s) => Some(&s.plan),
            Stage::Reassessing(s) => Some(&s.plan),
            Stage::CeaseProposed(s) => Some(&s.plan),
            Stage::CeaseDecided(s) => Some(&s.plan),
            _ => None,
        }
    }

    pub(crate) fn plan_mut(&mut self) -> Option<&mut Plan> {
        match self {
            Stage::PlanMaintained(s) => Some(&mut s.plan),
            Stage::ReviewScheduled(s) => Some(&mut s.plan),
            Stage::ReviewHeld(s) => Some(&mut s.plan),
            Stage::ReportSent(s) => Some(&mut s.plan),
            Stage::AmendmentProposed(s) => Some(&mut s.plan),
            Stage::ReassessmentRequested(s) => Some(&mut s.plan),
            Stage::Reassessing(s) => Some(&mut s.plan),
            Stage::CeaseProposed(s) => Some(&mut s.plan),
            Stage::CeaseDecided(s) => Some(&mut s.plan),
            _ => None,
        }
    }

    /// The request of an assessment in progress (RequestReceived … DraftIssued).
    pub fn request(&self) -> Option<&Request> {
        match self {
            Stage::RequestReceived(s) => Some(&s.request),
            Stage::NotAssessed(s) => Some(&s.request),
            Stage::Assessing(s) => Some(&s.request),
            Stage::NotIssued(s) => Some(&s.request),
            Stage::DraftIssued(s) => Some(&s.request),
            _ => None,
        }
    }

    pub(crate) fn request_mut(&mut self) -> Option<&mut Request> {
        match self {
            Stage::RequestReceived(s) => Some(&mut s.request),
            Stage::Assessing(s) => Some(&mut s.request),
            Stage::DraftIssued(s) => Some(&mut s.request),
            _ => None,
        }
    }
}
