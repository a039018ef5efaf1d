//! The hot state of a case: what it is now, apart from how it got there.
//!
//! Two levels: one [`Phase`] of life at a time — SEN Support, an
//! assessment in progress, a maintained plan with its activities, or ceased —
//! and, beside it, side tracks that run in parallel: SEN Support cycles
//! ([`SupportTrack`]), disputes ([`Dispute`]), Next Steps Meetings
//! ([`NsmTrack`]) and Additional Support Contracts ([`AscTrack`]).
//!
//! Inside a [`Plan`] each activity — a review, an amendment, a re-assessment
//! and a cease proposal — has its own optional slot, so at most one of each
//! runs at a time and any of them can run beside the others and beside an
//! appeal. The types hold only what each phase needs; nothing here is a copy
//! of the history, which the [`Case`](super::Case) keeps apart.

use chrono::NaiveDate;

use super::event::{
    Actor, AppealGrounds, AppealOutcome, AppealableDecision, CeaseGround, MediationChoice,
    ParentalAgreement, ReviewKind, ReviewOutcome,
};
use super::ids::{ConsultationId, ContractId, DisputeId, MeetingId};
use crate::advice::AssessmentAdvice;
use crate::asc::{AdditionalSupportContract, AwardsToDate};
use crate::calendar::HolidayCalendar;
use crate::deadlines::{self, MediationCertificate, PhaseTransfer};
use crate::error::Result;
use crate::exceptions::ExceptionClaim;
use crate::nsm::{FamilyResponse, NsmAvailability, PanelOutcome};

/// The phase of life a case is in.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Phase {
    /// No plan and no assessment running: the setting meets needs at SEN Support.
    SenSupport {
        /// Since when (the start, a "no" that stood, or a return to SEN Support).
        since: NaiveDate,
    },
    /// An EHC needs assessment in progress: request → decision → assessment → draft.
    Assessment(Box<Assessment>),
    /// A maintained plan with its current activities.
    Plan(Box<Plan>),
    /// The child moved to another council's area: the case is closed here
    /// (SEN2 cease reason 5 for a plan, `Exported` for an assessment).
    TransferredOut {
        /// The day the other council became responsible.
        on: NaiveDate,
        /// The council the child moved to.
        to_council: String,
    },
    /// The plan has ceased.
    Ceased {
        /// The day it ceased.
        on: NaiveDate,
        /// Why.
        ground: CeaseGround,
    },
}

impl Phase {
    /// A short name: "SEN Support", "assessment", "plan maintained", "ceased".
    pub fn name(&self) -> &'static str {
        match self {
            Phase::SenSupport { .. } => "SEN Support",
            Phase::Assessment(a) => match a.step {
                AssessmentStep::Requested => "request received",
                AssessmentStep::Assessing { .. } => "assessing",
                AssessmentStep::DraftIssued { .. } => "draft plan issued",
            },
            Phase::Plan(_) => "plan maintained",
            Phase::TransferredOut { .. } => "transferred out",
            Phase::Ceased { .. } => "ceased",
        }
    }

    /// The maintained plan, if there is one.
    pub fn plan(&self) -> Option<&Plan> {
        match self {
            Phase::Plan(p) => Some(p),
            _ => None,
        }
    }

    /// The assessment in progress, if there is one.
    pub fn assessment(&self) -> Option<&Assessment> {
        match self {
            Phase::Assessment(a) => Some(a),
            _ => None,
        }
    }
}

impl core::fmt::Display for Phase {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(self.name())
    }
}

/// How an assessment came to the council (REQ-WHO, REQ-ATTENTION).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestRoute {
    /// A request under CFA s36(1).
    Request {
        /// Who asked.
        by: Actor,
        /// A school's agreement with the family (REQ-WHO).
        agreement: ParentalAgreement,
    },
    /// Brought to the council's attention by someone else (CFA s24).
    BroughtToAttention {
        /// Who brought it.
        by: Actor,
    },
    /// The child moved here during another council's assessment; the clocks
    /// run from the day this council became responsible (TRANSFER-MID-ASSESSMENT).
    TransferredIn {
        /// The council that started the assessment.
        from_council: String,
    },
    /// The tribunal ordered an assessment or a plan, or the council did not
    /// oppose the appeal (T-ORDER-*, T-UNOPPOSED-*).
    Ordered {
        /// The dispute whose outcome started it.
        dispute: DisputeId,
    },
}

/// How a tribunal outcome reached the council (T-ORDER-* against T-UNOPPOSED-*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OrderRoute {
    /// The tribunal ordered it (reg 44): periods run from the order.
    TribunalOrder,
    /// The council told the tribunal it would not oppose (reg 45): periods run from that notice.
    Unopposed,
}

impl core::fmt::Display for OrderRoute {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(match self {
            OrderRoute::TribunalOrder => "tribunal order",
            OrderRoute::Unopposed => "appeal not opposed",
        })
    }
}

/// Which clocks an assessment runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Clocks {
    /// 6, 16 and 20 weeks from the anchor (T-DECIDE-6W, T-NOTISSUE-16W, T-FINAL-20W).
    Statutory,
    /// After an order or concession to assess: 2, 10 and 14 weeks (T-ORDER-ASSESS, T-UNOPPOSED-ASSESS).
    OrderToAssess(OrderRoute),
    /// After an order or concession to make a plan: draft in 5 weeks, final in 11 (T-ORDER-PLAN, T-UNOPPOSED-PLAN).
    OrderToMakePlan(OrderRoute),
}

/// An assessment in progress. Its clocks (T-DECIDE-6W, T-NOTISSUE-16W,
/// T-FINAL-20W) run from [`anchor`](Self::anchor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub(crate) anchor: NaiveDate,
    pub(crate) clocks: Clocks,
    pub(crate) route: RequestRoute,
    /// REQ-6M-PRIOR: assessed in the 6 months before the request.
    pub(crate) assessed_in_prior_6_months: bool,
    pub(crate) considering_notified_on: Option<NaiveDate>,
    pub(crate) exceptions: Vec<ExceptionClaim>,
    pub(crate) step: AssessmentStep,
}

impl Assessment {
    /// The date the clocks run from: the request received, or the day the council became responsible.
    pub fn anchor(&self) -> NaiveDate {
        self.anchor
    }
    /// Which clocks it runs on.
    pub fn clocks(&self) -> Clocks {
        self.clocks
    }
    /// How it started.
    pub fn route(&self) -> &RequestRoute {
        &self.route
    }
    /// Where it is.
    pub fn step(&self) -> &AssessmentStep {
        &self.step
    }
    /// Exceptions recorded against its deadlines.
    pub fn exceptions(&self) -> &[ExceptionClaim] {
        &self.exceptions
    }
    /// Whether the person was assessed in the 6 months before (REQ-6M-PRIOR).
    pub fn assessed_in_prior_6_months(&self) -> bool {
        self.assessed_in_prior_6_months
    }
    /// When the reg 4(2) bodies were told the council is considering an assessment.
    pub fn considering_notified_on(&self) -> Option<NaiveDate> {
        self.considering_notified_on
    }
    /// The advice requests, once the council has decided to assess.
    pub fn advice(&self) -> Option<&AssessmentAdvice> {
        match &self.step {
            AssessmentStep::Requested => None,
            AssessmentStep::Assessing { advice, .. }
            | AssessmentStep::DraftIssued { advice, .. } => Some(advice),
        }
    }
}

/// The steps of an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AssessmentStep {
    /// Request received; no decision yet.
    Requested,
    /// The council decided to assess and is gathering advice.
    Assessing {
        /// When it decided.
        decided_on: NaiveDate,
        /// The advice requests.
        advice: AssessmentAdvice,
    },
    /// A draft plan has been served.
    DraftIssued {
        /// When it decided to assess.
        decided_on: NaiveDate,
        /// The advice gathered.
        advice: AssessmentAdvice,
        /// The draft and its representation window.
        draft: Draft,
    },
}

/// A draft plan, or proposed amendments, and what followed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub(crate) served_on: NaiveDate,
    pub(crate) representations: Vec<(NaiveDate, Option<String>)>,
    pub(crate) no_further_representations_on: Option<NaiveDate>,
    pub(crate) consultations: Vec<Consultation>,
}

impl Draft {
    pub(crate) fn served(on: NaiveDate) -> Self {
        Draft {
            served_on: on,
            representations: Vec::new(),
            no_further_representations_on: None,
            consultations: Vec::new(),
        }
    }
    /// When it was served (day 1 of the 15-day window, DC-2).
    pub fn served_on(&self) -> NaiveDate {
        self.served_on
    }
    /// Representations received, with any school asked for.
    pub fn representations(&self) -> &[(NaiveDate, Option<String>)] {
        &self.representations
    }
    /// The family's written confirmation that they have nothing to add (DC-2 override).
    pub fn no_further_representations_on(&self) -> Option<NaiveDate> {
        self.no_further_representations_on
    }
    /// School consultations, by id.
    pub fn consultations(&self) -> &[Consultation] {
        &self.consultations
    }
}

/// A school or college consulted about a draft (T-SCHOOL-CONSULT-15D).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consultation {
    pub(crate) id: ConsultationId,
    pub(crate) school: String,
    pub(crate) sent_on: NaiveDate,
    pub(crate) replied_on: Option<NaiveDate>,
}

impl Consultation {
    /// Its id.
    pub fn id(&self) -> ConsultationId {
        self.id
    }
    /// The school.
    pub fn school(&self) -> &str {
        &self.school
    }
    /// When it was sent.
    pub fn sent_on(&self) -> NaiveDate {
        self.sent_on
    }
    /// When the school replied.
    pub fn replied_on(&self) -> Option<NaiveDate> {
        self.replied_on
    }
}

/// A maintained EHC plan and its current activities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub(crate) issued_on: NaiveDate,
    pub(crate) school: String,
    pub(crate) last_reviewed_on: Option<NaiveDate>,
    pub(crate) phase_transfer: Option<PlannedTransfer>,
    pub(crate) review: Option<Review>,
    pub(crate) amendment: Option<Amendment>,
    pub(crate) reassessment: Option<Reassessment>,
    pub(crate) cease: Option<CeaseProposal>,
    pub(crate) transfer_in: Option<TransferIn>,
}

/// A plan that came from another council (TRANSFER-DEEMED).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferIn {
    pub(crate) from_council: String,
    pub(crate) transferred_on: NaiveDate,
    pub(crate) notified_on: Option<NaiveDate>,
    pub(crate) first_review_anchor: NaiveDate,
}

impl TransferIn {
    /// The council the plan came from.
    pub fn from_council(&self) -> &str {
        &self.from_council
    }
    /// The day this council became responsible.
    pub fn transferred_on(&self) -> NaiveDate {
        self.transferred_on
    }
    /// When the family was told (T-TRANSFER-NOTIFY-6W).
    pub fn notified_on(&self) -> Option<NaiveDate> {
        self.notified_on
    }
}

impl Plan {
    pub(crate) fn new(issued_on: NaiveDate, school: String) -> Self {
        Plan {
            issued_on,
            school,
            last_reviewed_on: None,
            phase_transfer: None,
            review: None,
            amendment: None,
            reassessment: None,
            cease: None,
            transfer_in: None,
        }
    }
    /// When the plan was first issued.
    pub fn issued_on(&self) -> NaiveDate {
        self.issued_on
    }
    /// The school or placement named.
    pub fn school(&self) -> &str {
        &self.school
    }
    /// When the last review decision was notified.
    pub fn last_reviewed_on(&self) -> Option<NaiveDate> {
        self.last_reviewed_on
    }
    /// The anchor of the next annual review (T-REVIEW-12M): the last
    /// review decision, or the plan's issue date.
    pub fn review_anchor(&self) -> NaiveDate {
        self.last_reviewed_on.unwrap_or(self.issued_on)
    }
    /// A planned phase transfer.
    pub fn phase_transfer(&self) -> Option<&PlannedTransfer> {
        self.phase_transfer.as_ref()
    }
    /// The review running, if any.
    pub fn review(&self) -> Option<&Review> {
        self.review.as_ref()
    }
    /// The amendment running, if any.
    pub fn amendment(&self) -> Option<&Amendment> {
        self.amendment.as_ref()
    }
    /// The re-assessment running, if any.
    pub fn reassessment(&self) -> Option<&Reassessment> {
        self.reassessment.as_ref()
    }
    /// The cease proposal running, if any.
    pub fn cease(&self) -> Option<&CeaseProposal> {
        self.cease.as_ref()
    }
    /// Where the plan came from, until its first review here.
    pub fn transfer_in(&self) -> Option<&TransferIn> {
        self.transfer_in.as_ref()
    }
}

/// A phase transfer the plan must prepare for (T-PHASE-*).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedTransfer {
    pub(crate) transfer_on: NaiveDate,
    pub(crate) transfer: PhaseTransfer,
    pub(crate) amended_on: Option<NaiveDate>,
}

impl PlannedTransfer {
    /// The day of transfer.
    pub fn transfer_on(&self) -> NaiveDate {
        self.transfer_on
    }
    /// The kind of transfer.
    pub fn transfer(&self) -> PhaseTransfer {
        self.transfer
    }
    /// When the plan was amended for it.
    pub fn amended_on(&self) -> Option<NaiveDate> {
        self.amended_on
    }
}

/// A review of the plan, from invitations to the decision notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review {
    pub(crate) kind: ReviewKind,
    pub(crate) scheduled_on: NaiveDate,
    pub(crate) meeting_on: NaiveDate,
    pub(crate) advice_circulated_on: Option<NaiveDate>,
    pub(crate) held_on: Option<NaiveDate>,
    pub(crate) report_sent_on: Option<NaiveDate>,
    /// Set when the decision was "amend" and the amendment notice is still to go.
    pub(crate) decided: Option<(NaiveDate, ReviewOutcome)>,
    /// REVIEW-CONDUCT duties recorded, as bits of [`ReviewDuty`](super::reviews::ReviewDuty).
    pub(crate) conduct: u8,
}

impl Review {
    /// Annual or early.
    pub fn kind(&self) -> ReviewKind {
        self.kind
    }
    /// When the invitations went out.
    pub fn scheduled_on(&self) -> NaiveDate {
        self.scheduled_on
    }
    /// The meeting date.
    pub fn meeting_on(&self) -> NaiveDate {
        self.meeting_on
    }
    /// When advice was circulated.
    pub fn advice_circulated_on(&self) -> Option<NaiveDate> {
        self.advice_circulated_on
    }
    /// When the meeting was held.
    pub fn held_on(&self) -> Option<NaiveDate> {
        self.held_on
    }
    /// When the report was sent.
    pub fn report_sent_on(&self) -> Option<NaiveDate> {
        self.report_sent_on
    }
    /// The decision, while its amendment notice is still to be sent.
    pub fn decided(&self) -> Option<(NaiveDate, ReviewOutcome)> {
        self.decided
    }
    /// The REVIEW-CONDUCT duties not yet recorded.
    pub fn conduct_outstanding(&self) -> impl Iterator<Item = super::reviews::ReviewDuty> + '_ {
        super::reviews::ReviewDuty::ALL
            .into_iter()
            .filter(|d| self.conduct & d.bit() == 0)
    }
}

/// Proposed amendments and their representation window (T-AMEND-*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    pub(crate) notice: Draft,
    pub(crate) ordered: Option<(OrderRoute, bool)>,
    pub(crate) exceptions: Vec<ExceptionClaim>,
}

impl Amendment {
    /// Exceptions recorded against an ordered amendment's period (EXC-44-3).
    pub fn exceptions(&self) -> &[ExceptionClaim] {
        &self.exceptions
    }
    /// An amendment the tribunal ordered or the council conceded, and whether
    /// it is about the placement (section I) only (T-ORDER-AMEND, T-UNOPPOSED-AMEND).
    pub fn ordered(&self) -> Option<(OrderRoute, bool)> {
        self.ordered
    }
    /// The amendment notice and what followed it.
    pub fn notice(&self) -> &Draft {
        &self.notice
    }
}

/// A re-assessment while the plan is maintained (REASSESS-*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reassessment {
    pub(crate) ordered: Option<(OrderRoute, NaiveDate)>,
    pub(crate) requested_on: Option<NaiveDate>,
    pub(crate) agreed_on: Option<NaiveDate>,
    pub(crate) draft: Option<Draft>,
    pub(crate) exceptions: Vec<ExceptionClaim>,
}

impl Reassessment {
    /// A re-assessment the tribunal ordered or the council conceded, and when (T-ORDER-ASSESS).
    pub fn ordered(&self) -> Option<(OrderRoute, NaiveDate)> {
        self.ordered
    }
    /// When it was requested (`None`: on the council's own initiative).
    pub fn requested_on(&self) -> Option<NaiveDate> {
        self.requested_on
    }
    /// When the council agreed to re-assess (T-REASSESS-FINAL-14W runs from it).
    pub fn agreed_on(&self) -> Option<NaiveDate> {
        self.agreed_on
    }
    /// The draft after re-assessment (reg 27).
    pub fn draft(&self) -> Option<&Draft> {
        self.draft.as_ref()
    }
    /// Exceptions recorded (EXC-27-3).
    pub fn exceptions(&self) -> &[ExceptionClaim] {
        &self.exceptions
    }
}

/// A proposal to cease the plan (CEASE-*).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CeaseProposal {
    pub(crate) proposed_on: NaiveDate,
    pub(crate) consulted_on: Option<NaiveDate>,
    pub(crate) decided: Option<(NaiveDate, CeaseGround, DisputeId)>,
}

impl CeaseProposal {
    /// When it was proposed.
    pub fn proposed_on(&self) -> NaiveDate {
        self.proposed_on
    }
    /// When the family and the head were consulted (CEASE-PROCEDURE).
    pub fn consulted_on(&self) -> Option<NaiveDate> {
        self.consulted_on
    }
    /// The decision to cease: date, ground and the dispute it opened.
    pub fn decided(&self) -> Option<(NaiveDate, CeaseGround, DisputeId)> {
        self.decided
    }
}

/// SEN Support cycles beside any phase (SUP-*).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SupportTrack {
    pub(crate) started_on: Option<NaiveDate>,
    pub(crate) parents_informed_on: Option<NaiveDate>,
    pub(crate) apdr_reviews: Vec<NaiveDate>,
}

impl SupportTrack {
    /// When the setting started SEN Support.
    pub fn started_on(&self) -> Option<NaiveDate> {
        self.started_on
    }
    /// When the parents were told (SUP-INFORM-PARENTS).
    pub fn parents_informed_on(&self) -> Option<NaiveDate> {
        self.parents_informed_on
    }
    /// APDR reviews held with the family (SUP-TERMLY).
    pub fn apdr_reviews(&self) -> &[NaiveDate] {
        &self.apdr_reviews
    }
}

/// The mediation-and-appeal track of one appealable decision (APPEAL-TRACKS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dispute {
    pub(crate) id: DisputeId,
    pub(crate) decision: AppealableDecision,
    pub(crate) notice_sent_on: NaiveDate,
    pub(crate) adviser_contacted: Option<(NaiveDate, MediationChoice)>,
    pub(crate) mediation_held_on: Option<NaiveDate>,
    pub(crate) certificate_on: Option<NaiveDate>,
    pub(crate) appeal: Option<(NaiveDate, AppealGrounds)>,
    pub(crate) outcome: Option<(NaiveDate, AppealOutcome)>,
    pub(crate) agreement_on: Option<NaiveDate>,
    pub(crate) health: Option<(NaiveDate, Option<NaiveDate>)>,
    pub(crate) recommendation: Option<(NaiveDate, Option<NaiveDate>)>,
}

impl Dispute {
    pub(crate) fn open(id: DisputeId, decision: AppealableDecision, on: NaiveDate) -> Self {
        Dispute {
            id,
            decision,
            notice_sent_on: on,
            adviser_contacted: None,
            mediation_held_on: None,
            certificate_on: None,
            appeal: None,
            outcome: None,
            agreement_on: None,
            health: None,
            recommendation: None,
        }
    }
    /// When mediation reached an agreement (T-MED-AGREEMENT).
    pub fn agreement_on(&self) -> Option<NaiveDate> {
        self.agreement_on
    }
    /// Health-only mediation: when the family asked, and when the council told
    /// the commissioner (T-MED-HEALTH-3WD).
    pub fn health(&self) -> Option<(NaiveDate, Option<NaiveDate>)> {
        self.health
    }
    /// A tribunal recommendation and when it was answered (T-ORDER-RECOMMEND-5W).
    pub fn recommendation(&self) -> Option<(NaiveDate, Option<NaiveDate>)> {
        self.recommendation
    }
    /// Its id.
    pub fn id(&self) -> DisputeId {
        self.id
    }
    /// The decision it is about.
    pub fn decision(&self) -> AppealableDecision {
        self.decision
    }
    /// When the decision notice was sent.
    pub fn notice_sent_on(&self) -> NaiveDate {
        self.notice_sent_on
    }
    /// When the family contacted the mediation adviser, and their choice.
    pub fn adviser_contacted(&self) -> Option<(NaiveDate, MediationChoice)> {
        self.adviser_contacted
    }
    /// When mediation was held.
    pub fn mediation_held_on(&self) -> Option<NaiveDate> {
        self.mediation_held_on
    }
    /// The certificate, for the appeal limit.
    pub fn certificate(&self) -> MediationCertificate {
        self.certificate_on.map_or(
            MediationCertificate::NotIssued,
            MediationCertificate::Issued,
        )
    }
    /// When an appeal was lodged, and on what grounds.
    pub fn appeal(&self) -> Option<(NaiveDate, AppealGrounds)> {
        self.appeal
    }
    /// When an appeal was lodged.
    pub fn appeal_lodged_on(&self) -> Option<NaiveDate> {
        self.appeal.map(|(on, _)| on)
    }
    /// The outcome, if decided.
    pub fn outcome(&self) -> Option<AppealOutcome> {
        self.outcome.map(|(_, o)| o)
    }
    /// Whether the track is finished: decided, or its time to appeal has run out
    /// (the caller judges the latter with [`appeal_deadline`](Self::appeal_deadline)).
    pub fn is_decided(&self) -> bool {
        self.outcome.is_some()
    }
    /// T-APPEAL-2M-1M with the r12 effective date.
    ///
    /// # Errors
    ///
    /// As [`deadlines::appeal_due`]: a date outside the caller's holiday table.
    pub fn appeal_deadline(&self, cal: &HolidayCalendar) -> Result<crate::Deadline> {
        deadlines::appeal_due(self.notice_sent_on, self.certificate(), cal)
    }
    /// A cheap bound, with no calendar: whether the time to appeal has
    /// certainly run out by `date` — more than 120 days after the later of
    /// the notice and the certificate (2 months, or 1 after the certificate,
    /// plus at most the r12 August extension, is under 100 days).
    pub(crate) fn certainly_expired_by(&self, date: NaiveDate) -> bool {
        let latest = self
            .certificate_on
            .map_or(self.notice_sent_on, |c| c.max(self.notice_sent_on));
        latest
            .checked_add_days(chrono::Days::new(120))
            .is_some_and(|bound| date > bound)
    }

    /// A bound with no calendar: whether on `date` the time to appeal is
    /// certainly still running, no appeal lodged — on or before the nominal
    /// T-APPEAL-2M-1M date, which no bank holiday brings forward (r12 only
    /// moves it later).
    pub(crate) fn certainly_open_on(&self, date: NaiveDate) -> bool {
        self.appeal.is_none()
            && deadlines::Convention::AppealLimit {
                certificate: self.certificate(),
            }
            .calendar_free_due(self.notice_sent_on)
            .is_ok_and(|nominal| date <= nominal)
    }

    /// Whether, on `date`, the time to appeal has run out with no appeal lodged.
    ///
    /// # Errors
    ///
    /// As [`appeal_deadline`](Self::appeal_deadline).
    pub fn appeal_period_over(&self, date: NaiveDate, cal: &HolidayCalendar) -> Result<bool> {
        if self.appeal.is_some() {
            return Ok(false);
        }
        let d = self.appeal_deadline(cal)?;
        Ok(date > d.tribunal_effective().unwrap_or(d.due()))
    }
}

/// A Next Steps Meeting offered after a "no" (NSM-WHEN, NSM-OPTIONAL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NsmTrack {
    pub(crate) id: MeetingId,
    pub(crate) after: PanelOutcome,
    pub(crate) panel_on: NaiveDate,
    pub(crate) availability: NsmAvailability,
    pub(crate) response: FamilyResponse,
    pub(crate) held_on: Option<NaiveDate>,
    /// The meeting as arranged, checked by the `nsm` module.
    pub(crate) arranged: Option<Box<crate::nsm::NextStepsMeeting>>,
}

impl NsmTrack {
    /// Its id.
    pub fn id(&self) -> MeetingId {
        self.id
    }
    /// The "no" it follows.
    pub fn after(&self) -> PanelOutcome {
        self.after
    }
    /// The panel it runs from.
    pub fn panel_on(&self) -> NaiveDate {
        self.panel_on
    }
    /// Offered, or on request (council policy).
    pub fn availability(&self) -> NsmAvailability {
        self.availability
    }
    /// The family's answer.
    pub fn response(&self) -> FamilyResponse {
        self.response
    }
    /// When it was held.
    pub fn held_on(&self) -> Option<NaiveDate> {
        self.held_on
    }
    /// The meeting as arranged: agenda, minimum content, venue, form.
    pub fn arranged(&self) -> Option<&crate::nsm::NextStepsMeeting> {
        self.arranged.as_deref()
    }
}

/// An Additional Support Contract of the child, as the [`asc`](crate::asc) module keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AscTrack {
    pub(crate) id: ContractId,
    pub(crate) contract: AdditionalSupportContract,
}

impl AscTrack {
    /// Its id.
    pub fn id(&self) -> ContractId {
        self.id
    }
    /// The contract, with every step recorded on it.
    pub fn contract(&self) -> &AdditionalSupportContract {
        &self.contract
    }
}

/// Everything a case is now: the phase and the side tracks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseState {
    pub(crate) phase: Phase,
    pub(crate) support: SupportTrack,
    pub(crate) disputes: Vec<Dispute>,
    pub(crate) meetings: Vec<NsmTrack>,
    pub(crate) contracts: Vec<AscTrack>,
    /// The child's ASC awards across every contract (ASC-TWO-TERMS, ASC-YEAR-CAP).
    pub(crate) asc_awards: AwardsToDate,
    /// When the last assessment concluded (REQ-6M-PRIOR, REASSESS-6M-BAR).
    pub(crate) last_assessment_concluded: Option<NaiveDate>,
    pub(crate) sen2: Vec<super::sen2::Sen2Record>,
}

impl CaseState {
    /// When the last assessment or re-assessment concluded — a plan issued, a
    /// "no" notified, a plan loaded or transferred in — for REQ-6M-PRIOR and
    /// REASSESS-6M-BAR.
    pub fn last_assessment_concluded(&self) -> Option<NaiveDate> {
        self.last_assessment_concluded
    }

    pub(crate) fn new(since: NaiveDate) -> Self {
        CaseState {
            phase: Phase::SenSupport { since },
            support: SupportTrack::default(),
            disputes: Vec::new(),
            meetings: Vec::new(),
            contracts: Vec::new(),
            asc_awards: AwardsToDate::none(),
            last_assessment_concluded: None,
            sen2: Vec::new(),
        }
    }
}
