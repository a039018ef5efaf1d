//! What happens in a case: events, who acts, and the notices the law prescribes.

use core::fmt;

use chrono::NaiveDate;

use crate::advice::AdviceType;
use crate::calendar::TermId;
use crate::deadlines::PhaseTransfer;
use crate::error::{Error, Result};
use crate::exceptions::ExceptionClaim;
use crate::money::Pounds;
use crate::rule::RuleId;

/// Who acted.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "role", content = "name", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Actor {
    /// The child's parent.
    Parent,
    /// The young person.
    YoungPerson,
    /// A person acting for the school the child attends.
    School,
    /// A person acting for the post-16 institution.
    PostSixteenInstitution,
    /// The early-years provider.
    EarlyYearsProvider,
    /// The council (local authority).
    Council,
    /// The multi-agency SEND panel (advisory).
    Panel,
    /// A health professional or the health commissioner.
    Health,
    /// Social care.
    SocialCare,
    /// The mediation adviser.
    MediationAdviser,
    /// The First-tier Tribunal (SEND).
    Tribunal,
    /// Anyone else, named (foster carer, youth offending team, family friend…).
    Other(String),
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::Other(name) => f.write_str(name),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Whether a school's request was made with the parent's or young person's agreement (REQ-WHO, D-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ParentalAgreement {
    /// Made with their knowledge and agreement.
    Agreed,
    /// Without it (allowed; a warning).
    NotAgreed,
    /// Not applicable: the parent or young person made the request.
    NotApplicable,
}

/// The items every "no" notice must state (NOTICE-APPEAL-CONTENT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NoticeItem {
    /// The right of appeal to the tribunal.
    RightOfAppeal,
    /// The time limits for appealing.
    TimeLimits,
    /// Information about mediation (reg 32).
    MediationInformation,
    /// Disagreement-resolution services.
    DisagreementResolution,
    /// Information, advice and support services.
    InformationAdviceAndSupport,
}

impl NoticeItem {
    /// All five items.
    pub const ALL: [NoticeItem; 5] = [
        NoticeItem::RightOfAppeal,
        NoticeItem::TimeLimits,
        NoticeItem::MediationInformation,
        NoticeItem::DisagreementResolution,
        NoticeItem::InformationAdviceAndSupport,
    ];
}

/// The written notice of an appealable decision.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DecisionNotice {
    /// The reasons for the decision.
    pub reasons: String,
    /// What the notice states.
    pub includes: Vec<NoticeItem>,
}

impl DecisionNotice {
    /// A notice with its reasons and every required item.
    pub fn complete(reasons: impl Into<String>) -> Self {
        DecisionNotice {
            reasons: reasons.into(),
            includes: NoticeItem::ALL.to_vec(),
        }
    }

    /// NOTICE-APPEAL-CONTENT: every "no" (assess, issue, amend, cease) states
    /// the right of appeal, time limits, mediation, disagreement resolution and
    /// IAS services, with reasons (regs 5(3), 10(3), 31(3), 32).
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] naming what is missing.
    pub fn check(&self) -> Result<()> {
        let missing: Vec<String> = NoticeItem::ALL
            .iter()
            .filter(|i| !self.includes.contains(i))
            .map(|i| format!("{i:?}"))
            .collect();
        if self.reasons.trim().is_empty() {
            return Err(Error::RuleBroken {
                rule: RuleId::NoticeAppealContent,
                reason: "the notice must give reasons".into(),
            });
        }
        if !missing.is_empty() {
            return Err(Error::RuleBroken {
                rule: RuleId::NoticeAppealContent,
                reason: format!("the notice must also state: {}", missing.join(", ")),
            });
        }
        Ok(())
    }
}

/// How the final plan differs from the last draft (FINAL-REPS-ONLY).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FinalPlanChanges {
    /// Only changes from representations (incl. a personal budget) and the placement.
    RepresentationsAndPlacementOnly,
    /// Other changes: the draft must be re-issued instead.
    OtherChanges,
}

/// The outcome of an annual review (T-REVIEW-DECISION-4W).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReviewOutcome {
    /// Keep the plan as it is.
    Maintain,
    /// Amend it (an amendment notice follows).
    Amend,
    /// Propose to cease it.
    Cease,
}

/// Why a review is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReviewKind {
    /// The annual review (T-REVIEW-12M) or an under-5 review (T-REVIEW-UNDER5).
    Scheduled,
    /// An early review on significant change (REVIEW-EARLY).
    Early,
}

/// Why the council no longer maintains the plan (CEASE-GROUNDS, CEASE-AGE-RULES, AGE-25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "ground", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CeaseGround {
    /// The plan is no longer necessary.
    NoLongerNecessary,
    /// Moved to another council's area or left England.
    MovedAway,
    /// Started paid employment (not an apprenticeship).
    Employment,
    /// Started higher education.
    HigherEducation,
    /// Reached the age limit (AGE-25): past the end of the academic year of the 25th birthday.
    AgeLimit,
    /// Aged 18 or over and left education or training; only after a review
    /// found the young person does not wish to return, or should not (reg 30).
    LeftEducation {
        /// Whether a review found they do not wish to return.
        review_found_not_returning: ReviewFinding,
    },
}

/// What a review found about a young person who left education.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReviewFinding {
    /// A review found they do not wish to return, or should not.
    NotReturning,
    /// No such finding.
    NoFinding,
}

/// The family's answer to the mediation adviser (T-MED-CONTACT-2M).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MediationChoice {
    /// They do not want mediation: certificate within 3 working days (T-MED-CERT-3WD).
    Declined,
    /// They want mediation: held within 30 days (T-MED-HELD-30D).
    WantsMediation,
}

/// The tribunal's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AppealOutcome {
    /// The appeal succeeded (in whole or part).
    Upheld,
    /// The appeal failed.
    Dismissed,
    /// The appeal was withdrawn.
    Withdrawn,
}

/// One thing that happened, with its date and who did it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Event {
    /// When it happened (for a notice: the day it was sent).
    pub on: NaiveDate,
    /// Who acted.
    pub by: Actor,
    /// What happened.
    pub kind: EventKind,
}

impl Event {
    /// An event.
    pub fn new(on: NaiveDate, by: Actor, kind: EventKind) -> Self {
        Event { on, by, kind }
    }
}

/// Everything that can happen in a case.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "event", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EventKind {
    // --- SEN Support ---
    /// The setting identifies SEN and starts SEN Support (SUP-APDR).
    SenSupportStarted,
    /// The school told the parents it is making special educational provision (SUP-INFORM-PARENTS).
    ParentsInformed,
    /// An assess–plan–do–review cycle was reviewed with the family (SUP-APDR, SUP-TERMLY).
    ApdrReviewed,
    // --- Request and decision ---
    /// A request for an EHC needs assessment (REQ-WHO).
    AssessmentRequested {
        /// Whether a school acted with the family's agreement.
        agreement: ParentalAgreement,
    },
    /// Someone else brought the child to the council's attention (REQ-ATTENTION).
    BroughtToAttention,
    /// The council notified health, social care and the head teacher that it is considering an assessment (T-CONSIDER-NOTIFY).
    ConsideringNotified,
    /// The council decided to assess and told the family (T-DECIDE-6W).
    DecidedToAssess,
    /// The council decided not to assess and sent the notice (T-DECIDE-6W, NOTICE-APPEAL-CONTENT).
    DecidedNotToAssess {
        /// The panel that advised the decision (a Next Steps Meeting runs from it).
        panel_on: NaiveDate,
        /// The notice.
        notice: DecisionNotice,
    },
    // --- Assessment and advice ---
    /// An advice request was issued (ADV-TYPES-8).
    AdviceRequested {
        /// The kind of advice.
        advice_type: AdviceType,
        /// The body asked.
        body: String,
        /// Whom to contact there.
        contact: String,
    },
    /// The adviser received request number `request` (starts T-ADVICE-6W).
    AdviceRequestReceived {
        /// Index of the request, in issue order.
        request: usize,
    },
    /// The advice for request number `request` arrived.
    AdviceReceived {
        /// Index of the request, in issue order.
        request: usize,
    },
    /// An EXC-8-2 ground recorded on advice request number `request`.
    AdviceExceptionRecorded {
        /// Index of the request, in issue order.
        request: usize,
        /// The claim (EXC-8-2).
        claim: ExceptionClaim,
    },
    /// An exception recorded against one deadline of the assessment (EXC-*).
    ExceptionRecorded {
        /// The claim.
        claim: ExceptionClaim,
    },
    /// The council decided not to issue a plan and sent the notice (T-NOTISSUE-16W).
    DecidedNotToIssue {
        /// The panel that advised the decision (a Next Steps Meeting runs from it).
        panel_on: NaiveDate,
        /// The notice.
        notice: DecisionNotice,
    },
    /// A draft plan was served (DRAFT-NO-SCHOOL, T-DRAFT-REPS-15D). Naming a school is an error.
    DraftPlanIssued {
        /// A school or type of school named in the draft (must be `None`).
        names_school: Option<String>,
    },
    /// The family made representations, possibly asking for a school.
    RepresentationsReceived {
        /// The school requested, if any.
        requested_school: Option<String>,
    },
    /// The family confirmed in writing they have nothing further to add, so
    /// the plan may be finalised before the 15-day window closes (an audited override, DC-2).
    NoFurtherRepresentations,
    /// A school or college was consulted (T-SCHOOL-CONSULT-15D).
    SchoolConsulted {
        /// The school.
        school: String,
    },
    /// The consulted school number `consultation` replied.
    SchoolReplied {
        /// Index of the consultation, in order.
        consultation: usize,
    },
    /// The final plan was issued (T-FINAL-20W, FINAL-REPS-ONLY).
    FinalPlanIssued {
        /// The school or placement named.
        school: String,
        /// How it differs from the last draft.
        changes: FinalPlanChanges,
    },
    // --- Branches after a "no" ---
    /// The family accepted (or asked for) a Next Steps Meeting (NSM-WHEN, NSM-SALFORD).
    NsmAccepted,
    /// The family declined it (NSM-OPTIONAL): no clock changes.
    NsmDeclined,
    /// The Next Steps Meeting was held (NSM-WITHIN-2W).
    NsmHeld,
    /// The child continues at SEN Support after a "no".
    ReturnedToSenSupport,
    /// An Additional Support Contract was agreed (ASC-SCOPE).
    AscStarted {
        /// The contract's reference.
        reference: String,
    },
    /// A term of the contract was funded (ASC-TERM-CAP, ASC-TWO-TERMS, ASC-YEAR-CAP).
    AscTermFunded {
        /// The term.
        term: TermId,
        /// The amount.
        amount: Pounds,
    },
    /// The contract ended (ASC-TWO-TERMS).
    AscEnded,
    // --- The plan ---
    /// A phase transfer is coming (T-PHASE-*).
    PhaseTransferPlanned {
        /// The day of transfer.
        transfer_on: NaiveDate,
        /// The kind of transfer.
        transfer: PhaseTransfer,
    },
    /// A review meeting was arranged and invitations sent (T-REVIEW-INVITE-2W).
    ReviewMeetingScheduled {
        /// The meeting date.
        meeting_on: NaiveDate,
        /// Annual or early.
        kind: ReviewKind,
    },
    /// Advice for the review was circulated (T-REVIEW-ADVICE-2W).
    ReviewAdviceCirculated,
    /// The review meeting was held (REVIEW-CONDUCT).
    ReviewMeetingHeld,
    /// The review report was sent (T-REVIEW-REPORT-2W).
    ReviewReportSent,
    /// The council decided the outcome of the review (T-REVIEW-DECISION-4W).
    ReviewDecided {
        /// Keep, amend or cease.
        outcome: ReviewOutcome,
    },
    /// An amendment notice was sent (T-AMEND-NOTICE-4W, T-AMEND-REPS-15D).
    AmendmentNoticeSent,
    /// The amended final plan was issued (T-AMEND-FINAL-8W).
    AmendedPlanIssued {
        /// The school or placement named.
        school: String,
    },
    /// After representations, the council decided not to amend (T-AMEND-NOT-8W).
    DecidedNotToAmend {
        /// The notice.
        notice: DecisionNotice,
    },
    // --- Re-assessment ---
    /// A re-assessment was requested (REASSESS-WHO).
    ReassessmentRequested,
    /// The council refused it (T-REASSESS-DECIDE-15D; appealable).
    ReassessmentRefused {
        /// The notice.
        notice: DecisionNotice,
    },
    /// The council agreed to re-assess (T-REASSESS-DECIDE-15D).
    ReassessmentAgreed,
    /// The plan after re-assessment was issued (T-REASSESS-FINAL-14W).
    ReassessedPlanIssued {
        /// The school or placement named.
        school: String,
    },
    // --- Ceasing ---
    /// The council proposes to cease the plan.
    CeaseProposed,
    /// The parent or young person and the head were informed and consulted (CEASE-PROCEDURE).
    CeaseConsultationHeld,
    /// The council decided to cease and sent the notice (CEASE-GROUNDS, CEASE-AGE-RULES).
    CeaseDecided {
        /// Why.
        ground: CeaseGround,
        /// The notice.
        notice: DecisionNotice,
    },
    /// The council withdrew its proposal or decision; the plan continues.
    CeaseWithdrawn,
    /// The plan ceased (CEASE-PENDING-APPEAL: only after the appeal period or the appeal).
    PlanCeased,
    // --- Disputes (mediation and appeal side tracks) ---
    /// The family contacted the mediation adviser about dispute number `dispute` (T-MED-CONTACT-2M).
    MediationAdviserContacted {
        /// Index of the dispute.
        dispute: usize,
        /// Whether they want mediation.
        choice: MediationChoice,
    },
    /// Mediation was held for dispute number `dispute` (T-MED-HELD-30D).
    MediationHeld {
        /// Index of the dispute.
        dispute: usize,
    },
    /// The mediation certificate was issued (T-MED-CERT-3WD, T-MED-CERT-OTHER-3WD).
    MediationCertificateIssued {
        /// Index of the dispute.
        dispute: usize,
    },
    /// An appeal reached the tribunal (T-APPEAL-2M-1M).
    AppealLodged {
        /// Index of the dispute.
        dispute: usize,
    },
    /// The tribunal decided (or the appeal was withdrawn).
    AppealDecided {
        /// Index of the dispute.
        dispute: usize,
        /// The outcome.
        outcome: AppealOutcome,
    },
}

impl EventKind {
    /// A short name for tables and errors.
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::SenSupportStarted => "SEN Support started",
            EventKind::ParentsInformed => "parents informed",
            EventKind::ApdrReviewed => "APDR cycle reviewed",
            EventKind::AssessmentRequested { .. } => "assessment requested",
            EventKind::BroughtToAttention => "brought to the council's attention",
            EventKind::ConsideringNotified => "bodies told an assessment is being considered",
            EventKind::DecidedToAssess => "decided to assess",
            EventKind::DecidedNotToAssess { .. } => "decided not to assess",
            EventKind::AdviceRequested { .. } => "advice requested",
            EventKind::AdviceRequestReceived { .. } => "advice request received by adviser",
            EventKind::AdviceReceived { .. } => "advice received",
            EventKind::ExceptionRecorded { .. } => "exception recorded",
            EventKind::AdviceExceptionRecorded { .. } => "advice exception recorded",
            EventKind::DecidedNotToIssue { .. } => "decided not to issue",
            EventKind::DraftPlanIssued { .. } => "draft plan issued",
            EventKind::RepresentationsReceived { .. } => "representations received",
            EventKind::NoFurtherRepresentations => "no further representations",
            EventKind::SchoolConsulted { .. } => "school consulted",
            EventKind::SchoolReplied { .. } => "school replied",
            EventKind::FinalPlanIssued { .. } => "final plan issued",
            EventKind::NsmAccepted => "Next Steps Meeting accepted",
            EventKind::NsmDeclined => "Next Steps Meeting declined",
            EventKind::NsmHeld => "Next Steps Meeting held",
            EventKind::ReturnedToSenSupport => "returned to SEN Support",
            EventKind::AscStarted { .. } => "ASC started",
            EventKind::AscTermFunded { .. } => "ASC term funded",
            EventKind::AscEnded => "ASC ended",
            EventKind::PhaseTransferPlanned { .. } => "phase transfer planned",
            EventKind::ReviewMeetingScheduled { .. } => "review meeting scheduled",
            EventKind::ReviewAdviceCirculated => "review advice circulated",
            EventKind::ReviewMeetingHeld => "review meeting held",
            EventKind::ReviewReportSent => "review report sent",
            EventKind::ReviewDecided { .. } => "review decided",
            EventKind::AmendmentNoticeSent => "amendment notice sent",
            EventKind::AmendedPlanIssued { .. } => "amended plan issued",
            EventKind::DecidedNotToAmend { .. } => "decided not to amend",
            EventKind::ReassessmentRequested => "re-assessment requested",
            EventKind::ReassessmentRefused { .. } => "re-assessment refused",
            EventKind::ReassessmentAgreed => "re-assessment agreed",
            EventKind::ReassessedPlanIssued { .. } => "plan issued after re-assessment",
            EventKind::CeaseProposed => "cease proposed",
            EventKind::CeaseConsultationHeld => "cease consultation held",
            EventKind::CeaseDecided { .. } => "decided to cease",
            EventKind::CeaseWithdrawn => "cease withdrawn",
            EventKind::PlanCeased => "plan ceased",
            EventKind::MediationAdviserContacted { .. } => "mediation adviser contacted",
            EventKind::MediationHeld { .. } => "mediation held",
            EventKind::MediationCertificateIssued { .. } => "mediation certificate issued",
            EventKind::AppealLodged { .. } => "appeal lodged",
            EventKind::AppealDecided { .. } => "appeal decided",
        }
    }
}
