//! What happens in a case: events, who acts, and the notices the law prescribes.
//!
//! An [`Event`] is stored flat and tagged by `"type"`:
//!
//! ```json
//! {"on": "2025-05-23", "by": {"role": "council"}, "type": "final_plan_issued",
//!  "school": "Oak Primary", "changes": "representations_and_placement_only"}
//! ```
//!
//! Unknown fields and unknown event types are errors when a record is read back.

use core::fmt;

use chrono::NaiveDate;

use super::ids::{ConsultationId, ContractId, DisputeId, MeetingId};
use crate::advice::AdviceId;
use crate::advice::AdviceType;
use crate::asc::{
    AscDecision, AscRequest, Moderation, SetupMeeting, SupportStillNeeded, TermReview,
};
use crate::calendar::{DateRange, TermId};
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
    Other(Box<str>),
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::Other(name) => f.write_str(name),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Whether a school's request was made with the parent's or young person's agreement (REQ-WHO).
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
///
/// A plain value record: its fields are open on purpose, and
/// [`check`](Self::check) says whether it meets NOTICE-APPEAL-CONTENT.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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

impl fmt::Display for ReviewOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            ReviewOutcome::Maintain => "maintain the plan",
            ReviewOutcome::Amend => "amend the plan",
            ReviewOutcome::Cease => "propose to cease the plan",
        })
    }
}

/// Why a review is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
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
    /// Reached the age limit (AGE-25): past the end of the academic year of
    /// the 25th birthday, which depends on what the young person is doing.
    AgeLimit {
        /// The young person's actual provision (further education, apprenticeship, other).
        provision: crate::calendar::Provision,
    },
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
#[non_exhaustive]
pub enum AppealOutcome {
    /// The appeal succeeded (in whole or part).
    Upheld,
    /// The appeal failed.
    Dismissed,
    /// The appeal was withdrawn.
    Withdrawn,
    /// The council told the tribunal it would not oppose the appeal (reg 45).
    Conceded,
}

impl fmt::Display for AppealOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            AppealOutcome::Upheld => "upheld",
            AppealOutcome::Dismissed => "dismissed",
            AppealOutcome::Withdrawn => "withdrawn",
            AppealOutcome::Conceded => "conceded (not opposed)",
        })
    }
}

/// Which appealable decision a dispute is about (APPEAL-TRACKS, CFA s51(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AppealableDecision {
    /// s51(2)(a): refusal to assess.
    RefusalToAssess,
    /// s51(2)(b): a plan is not necessary after an assessment.
    RefusalToIssue,
    /// s51(2)(d): refusal to re-assess.
    RefusalToReassess,
    /// s51(2)(e): not to amend after a review or re-assessment, including
    /// "maintain unchanged" after an annual review (REVIEW-DECISION-RIGHTS).
    RefusalToAmend,
    /// s51(2)(c): sections B, F or I of a plan when first finalised, amended or replaced.
    PlanContents,
    /// s51(2)(f): the decision to cease the plan.
    Cease,
}

impl fmt::Display for AppealableDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            AppealableDecision::RefusalToAssess => "refusal to assess",
            AppealableDecision::RefusalToIssue => "refusal to issue a plan",
            AppealableDecision::RefusalToReassess => "refusal to re-assess",
            AppealableDecision::RefusalToAmend => "decision not to amend the plan",
            AppealableDecision::PlanContents => "the contents of the plan",
            AppealableDecision::Cease => "the decision to cease the plan",
        })
    }
}

/// What an appeal is about, which decides whether a mediation certificate is
/// needed (APPEAL-CERT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AppealGrounds {
    /// Only section I (the school or institution named, or that none is named):
    /// no certificate is needed (CFA s55(3)).
    PlacementOnly,
    /// Anything else, including an appeal that is partly about needs (B) or provision (F).
    NeedsOrProvision,
}

/// One thing that happened, with its date and who did it.
///
/// Stored flat: `{"on": …, "by": …, "type": "<event>", …its fields}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "StoredEvent"))]
pub struct Event {
    /// When it happened (for a notice: the day it was sent).
    pub on: NaiveDate,
    /// Who acted.
    pub by: Actor,
    /// What happened.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub kind: EventKind,
}

/// An event as read back: serde lets an internally tagged *unit* variant
/// ignore unknown fields even under `deny_unknown_fields`, so the fields
/// beside `on` and `by` are collected and a unit event with any field but
/// `type` is refused (struct variants already deny unknown fields).
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct StoredEvent {
    on: NaiveDate,
    by: Actor,
    #[serde(flatten)]
    kind: EventKind,
    #[serde(flatten)]
    fields: std::collections::BTreeMap<String, StoredField>,
}

/// A field beside `on` and `by`: text, or anything else (read and ignored).
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum StoredField {
    Text(#[allow(dead_code)] String),
    Other(#[allow(dead_code)] serde::de::IgnoredAny),
}

#[cfg(feature = "serde")]
impl TryFrom<StoredEvent> for Event {
    type Error = Error;
    fn try_from(stored: StoredEvent) -> Result<Self> {
        // Event types are stored by name only: a number would name a variant
        // by its place in the declaration, which changes as the crate grows.
        if !matches!(stored.fields.get("type"), Some(StoredField::Text(_))) {
            return Err(Error::InconsistentRecord {
                reason: format!(
                    "the \"{}\" event's type is not stored by its name",
                    stored.kind.name()
                ),
            });
        }
        if stored.kind.is_unit() {
            if let Some(extra) = stored.fields.keys().find(|k| k.as_str() != "type") {
                return Err(Error::InconsistentRecord {
                    reason: format!(
                        "unknown field `{extra}` on a \"{}\" event",
                        stored.kind.name()
                    ),
                });
            }
        }
        Ok(Event {
            on: stored.on,
            by: stored.by,
            kind: stored.kind,
        })
    }
}

impl Event {
    /// An event.
    pub fn new(on: NaiveDate, by: Actor, kind: EventKind) -> Self {
        Event { on, by, kind }
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{}: {} ({})", self.on, self.kind.name(), self.by))
    }
}

/// Everything that can happen in a case.
///
/// Things the case opens (disputes, consultations, contracts, meetings,
/// advice requests) are numbered by the case and named by typed ids in the
/// events that follow; see [`ids`](super::ids).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)
)]
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
    /// An advice request was issued (ADV-TYPES-8); the case numbers it.
    AdviceRequested {
        /// The kind of advice.
        advice_type: AdviceType,
        /// The body asked.
        body: Box<str>,
        /// Whom to contact there.
        contact: Box<str>,
    },
    /// The adviser received the request (starts T-ADVICE-6W).
    AdviceRequestReceived {
        /// Which request.
        advice: AdviceId,
    },
    /// The advice arrived.
    AdviceReceived {
        /// Which request.
        advice: AdviceId,
    },
    /// An EXC-8-2 ground recorded on one advice request.
    AdviceExceptionRecorded {
        /// Which request.
        advice: AdviceId,
        /// The claim (EXC-8-2).
        claim: Box<ExceptionClaim>,
    },
    /// An exception recorded against one deadline of the assessment or re-assessment (EXC-*).
    ExceptionRecorded {
        /// The claim.
        claim: Box<ExceptionClaim>,
    },
    /// The council decided not to issue a plan and sent the notice (T-NOTISSUE-16W).
    DecidedNotToIssue {
        /// The panel that advised the decision (a Next Steps Meeting runs from it).
        panel_on: NaiveDate,
        /// The notice.
        notice: DecisionNotice,
    },
    /// A draft plan was served (DRAFT-NO-SCHOOL, T-DRAFT-REPS-15D): after an
    /// assessment, or after a decision to re-assess (reg 27). Naming a school is an error.
    DraftPlanIssued {
        /// A school or type of school named in the draft (must be `None`).
        names_school: Option<Box<str>>,
    },
    /// The family made representations on a draft or proposed amendments, possibly asking for a school.
    RepresentationsReceived {
        /// The school requested, if any.
        requested_school: Option<Box<str>>,
    },
    /// The family confirmed in writing they have nothing further to add, so
    /// the plan may be finalised before the 15-day window closes (an audited override, DC-2).
    NoFurtherRepresentations,
    /// A school or college was consulted (T-SCHOOL-CONSULT-15D); the case numbers the consultation.
    SchoolConsulted {
        /// The school.
        school: Box<str>,
    },
    /// A consulted school replied.
    SchoolReplied {
        /// Which consultation.
        consultation: ConsultationId,
    },
    /// The final plan was issued (T-FINAL-20W, FINAL-REPS-ONLY).
    FinalPlanIssued {
        /// The school or placement named.
        school: Box<str>,
        /// How it differs from the last draft.
        changes: FinalPlanChanges,
    },
    /// A plan that already exists is taken onto the system: the first event
    /// of a case opened for a child who already has a plan.
    ExistingPlanLoaded {
        /// When the plan was first issued.
        issued_on: NaiveDate,
        /// When its last review decision was notified, if it has been reviewed.
        last_reviewed_on: Option<NaiveDate>,
        /// The school or placement named.
        school: Box<str>,
    },
    /// A plan transferred in from another council (TRANSFER-DEEMED): the
    /// first event of the case here; `on` is the transfer date.
    PlanTransferredIn {
        /// The council it came from.
        from_council: Box<str>,
        /// When the old council made the plan (treated as made by this one, reg 15(3)).
        plan_made_on: NaiveDate,
        /// When it was last reviewed, if it has been.
        last_reviewed_on: Option<NaiveDate>,
        /// The school or placement named.
        school: Box<str>,
    },
    /// The family was told the plan has transferred, whether the council will
    /// assess, and when it will review (T-TRANSFER-NOTIFY-6W).
    TransferNotified,
    /// The child moved here during another council's assessment
    /// (TRANSFER-MID-ASSESSMENT); `on` is the day this council became responsible.
    AssessmentTransferredIn {
        /// The council that started the assessment.
        from_council: Box<str>,
    },
    /// The child moved to another council's area; the case closes here (SEN2
    /// cease reason 5 for a plan, `Exported` for an assessment).
    TransferredOut {
        /// The council now responsible.
        to_council: Box<str>,
    },
    // --- Branches after a "no" ---
    /// The family accepted (or asked for) the Next Steps Meeting (NSM-WHEN, NSM-SALFORD).
    NsmAccepted {
        /// Which meeting.
        meeting: MeetingId,
    },
    /// The family declined it (NSM-OPTIONAL): no clock changes.
    NsmDeclined {
        /// Which meeting.
        meeting: MeetingId,
    },
    /// The meeting was arranged with the setting, its agenda circulated
    /// (NSM-FACILITATOR, NSM-PANEL-NOTES, NSM-CONTACT-1W, NSM-WITHIN-2W,
    /// NSM-DURATION, NSM-VENUE, NSM-INVITE, NSM-AGENDA-ADVANCE): the `nsm`
    /// module checks the plan.
    NsmScheduled {
        /// Which meeting.
        meeting: MeetingId,
        /// The arrangements.
        plan: Box<crate::nsm::MeetingPlan>,
    },
    /// The meeting's form was completed and shared (NSM-FORM).
    NsmFormRecorded {
        /// Which meeting.
        meeting: MeetingId,
        /// The form.
        form: Box<crate::nsm::NsmForm>,
    },
    /// The Next Steps Meeting was held (NSM-WITHIN-2W).
    NsmHeld {
        /// Which meeting.
        meeting: MeetingId,
    },
    /// The child continues at SEN Support after a "no".
    ReturnedToSenSupport,
    /// An Additional Support Contract was requested (ASC-REQUESTERS); the case numbers the contract.
    AscRequested {
        /// The request, with the setting's evidence.
        request: Box<AscRequest>,
    },
    /// The setting met the child and family to set up the contract (ASC-SETUP-MEETING).
    AscSetupMeetingHeld {
        /// Which contract.
        contract: ContractId,
        /// The meeting.
        meeting: Box<SetupMeeting>,
    },
    /// The panel advised and the officer decided (ASC-DECISION).
    AscDecided {
        /// Which contract.
        contract: ContractId,
        /// The decision.
        decision: Box<AscDecision>,
    },
    /// A term was funded (ASC-TERM-CAP, ASC-TWO-TERMS, ASC-YEAR-CAP, ASC-TERMLY-AGREEMENT).
    AscTermFunded {
        /// Which contract.
        contract: ContractId,
        /// The term.
        term: TermId,
        /// Its dates, from the school's term calendar.
        dates: DateRange,
        /// The amount, more than £0.
        amount: Pounds,
        /// Head-teacher moderation.
        moderation: Moderation,
    },
    /// Progress reviewed after the first funded term (ASC-REVIEW-1TERM).
    AscReviewed {
        /// Which contract.
        contract: ContractId,
        /// The review.
        review: TermReview,
    },
    /// The panel granted a final second term (ASC-EXTEND-PANEL).
    AscExtended {
        /// Which contract.
        contract: ContractId,
        /// The panel's and officer's decision.
        decision: Box<AscDecision>,
    },
    /// The contract ended (ASC-TWO-TERMS).
    AscEnded {
        /// Which contract.
        contract: ContractId,
        /// Whether support is still needed (then an EHC needs assessment is likely considered).
        support_still_needed: SupportStillNeeded,
    },
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
    /// What the review did, as reg 19 requires (REVIEW-CONDUCT): the council
    /// records each duty the meeting carried out. A decision without all three
    /// brings a warning naming what is missing.
    ReviewConductRecorded {
        /// The duties carried out.
        duties: Vec<super::reviews::ReviewDuty>,
    },
    /// The review report was sent (T-REVIEW-REPORT-2W).
    ReviewReportSent,
    /// The council decided the outcome of the review and notified it
    /// (T-REVIEW-DECISION-4W, REVIEW-DECISION-RIGHTS). "Maintain" opens a
    /// dispute (s51(2)(e)); "amend" must be followed by the amendment notice;
    /// "cease" starts a cease proposal.
    ReviewDecided {
        /// Keep, amend or cease.
        outcome: ReviewOutcome,
    },
    /// An amendment notice with the proposed amendments was sent (T-AMEND-NOTICE-4W,
    /// T-AMEND-REPS-15D): after a review's "amend", or at any other time.
    AmendmentNoticeSent,
    /// The amended final plan was issued (T-AMEND-FINAL-8W).
    AmendedPlanIssued {
        /// The school or placement named.
        school: Box<str>,
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
    /// The council agreed to re-assess, on a request or its own initiative (T-REASSESS-DECIDE-15D).
    ReassessmentAgreed,
    /// The plan after re-assessment was issued (T-REASSESS-FINAL-14W); only after a draft
    /// and its representation window (reg 27).
    ReassessedPlanIssued {
        /// The school or placement named.
        school: Box<str>,
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
    /// The family contacted the mediation adviser (T-MED-CONTACT-2M).
    MediationAdviserContacted {
        /// Which dispute.
        dispute: DisputeId,
        /// Whether they want mediation.
        choice: MediationChoice,
    },
    /// Mediation was held (T-MED-HELD-30D).
    MediationHeld {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// The mediation certificate was issued (T-MED-CERT-3WD, T-MED-CERT-OTHER-3WD).
    MediationCertificateIssued {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// An appeal reached the tribunal (T-APPEAL-2M-1M, APPEAL-CERT).
    AppealLodged {
        /// Which dispute.
        dispute: DisputeId,
        /// What it is about.
        grounds: AppealGrounds,
    },
    /// The tribunal decided, the appeal was withdrawn, or the council conceded.
    /// An order or a concession acts on the case (ORDER-*, T-ORDER-*, T-UNOPPOSED-*).
    AppealDecided {
        /// Which dispute.
        dispute: DisputeId,
        /// The outcome.
        outcome: AppealOutcome,
    },
    /// Mediation reached an agreement on appealable issues (T-MED-AGREEMENT).
    MediationAgreementReached {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// The family asked for mediation on health issues (T-MED-HEALTH-3WD starts).
    HealthMediationRequested {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// The council told the health commissioner the health issues (T-MED-HEALTH-3WD).
    HealthCommissionerNotified {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// The tribunal made a non-binding health or social-care recommendation (T-ORDER-RECOMMEND-5W).
    TribunalRecommendation {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// The written response to the recommendation was sent (T-ORDER-RECOMMEND-5W).
    RecommendationAnswered {
        /// Which dispute.
        dispute: DisputeId,
    },
}

impl EventKind {
    /// Whether the event carries no fields of its own.
    #[cfg(feature = "serde")]
    fn is_unit(&self) -> bool {
        use EventKind as K;
        matches!(
            self,
            K::SenSupportStarted
                | K::ParentsInformed
                | K::ApdrReviewed
                | K::BroughtToAttention
                | K::ConsideringNotified
                | K::DecidedToAssess
                | K::NoFurtherRepresentations
                | K::ReturnedToSenSupport
                | K::ReviewAdviceCirculated
                | K::ReviewMeetingHeld
                | K::ReviewReportSent
                | K::AmendmentNoticeSent
                | K::ReassessmentRequested
                | K::ReassessmentAgreed
                | K::CeaseProposed
                | K::CeaseConsultationHeld
                | K::CeaseWithdrawn
                | K::PlanCeased
        )
    }

    /// A short name in words, for people: tables, letters and error
    /// messages ("final plan issued"). Not the stored form: that is
    /// [`tag`](Self::tag).
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
            EventKind::ExistingPlanLoaded { .. } => "existing plan loaded",
            EventKind::NsmAccepted { .. } => "Next Steps Meeting accepted",
            EventKind::NsmDeclined { .. } => "Next Steps Meeting declined",
            EventKind::NsmHeld { .. } => "Next Steps Meeting held",
            EventKind::NsmScheduled { .. } => "Next Steps Meeting arranged",
            EventKind::NsmFormRecorded { .. } => "Next Steps Meeting form recorded",
            EventKind::ReturnedToSenSupport => "returned to SEN Support",
            EventKind::AscRequested { .. } => "ASC requested",
            EventKind::AscSetupMeetingHeld { .. } => "ASC setup meeting held",
            EventKind::AscDecided { .. } => "ASC decided",
            EventKind::AscTermFunded { .. } => "ASC term funded",
            EventKind::AscReviewed { .. } => "ASC reviewed",
            EventKind::AscExtended { .. } => "ASC final term granted",
            EventKind::AscEnded { .. } => "ASC ended",
            EventKind::PhaseTransferPlanned { .. } => "phase transfer planned",
            EventKind::ReviewMeetingScheduled { .. } => "review meeting scheduled",
            EventKind::ReviewAdviceCirculated => "review advice circulated",
            EventKind::ReviewMeetingHeld => "review meeting held",
            EventKind::ReviewReportSent => "review report sent",
            EventKind::ReviewConductRecorded { .. } => "review conduct recorded",
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
            EventKind::PlanTransferredIn { .. } => "plan transferred in",
            EventKind::TransferNotified => "family told of the transfer",
            EventKind::AssessmentTransferredIn { .. } => "assessment transferred in",
            EventKind::TransferredOut { .. } => "transferred out",
            EventKind::MediationAgreementReached { .. } => "mediation agreement reached",
            EventKind::HealthMediationRequested { .. } => "health mediation requested",
            EventKind::HealthCommissionerNotified { .. } => "health commissioner notified",
            EventKind::TribunalRecommendation { .. } => "tribunal recommendation",
            EventKind::RecommendationAnswered { .. } => "recommendation answered",
        }
    }
}

/// The stored `type` tag of every event kind, in one table: it makes
/// [`EventKind::tag`] and [`EventKind::TAGS`], and a test checks it against
/// the serde form.
macro_rules! event_tags {
    ($($variant:ident => $tag:literal,)*) => {
        impl EventKind {
            /// The event's stored `type` tag, as written in a
            /// [`CaseRecord`](super::CaseRecord) and named by
            /// [`NextEvent::event`](super::NextEvent) (`"final_plan_issued"`):
            /// the machine form, stable across releases. For people, use
            /// [`name`](Self::name) ("final plan issued").
            ///
            /// ```
            /// use send_pathway::pathway::EventKind;
            /// assert_eq!(EventKind::DecidedToAssess.tag(), "decided_to_assess");
            /// assert_eq!(EventKind::DecidedToAssess.name(), "decided to assess");
            /// assert!(EventKind::TAGS.contains(&"final_plan_issued"));
            /// ```
            pub fn tag(&self) -> &'static str {
                match self {
                    $(EventKind::$variant { .. } => $tag,)*
                }
            }

            /// Every event kind's tag ([`tag`](Self::tag)), in declaration order.
            pub const TAGS: &'static [&'static str] = &[$($tag,)*];
        }
    };
}

event_tags! {
    SenSupportStarted => "sen_support_started",
    ParentsInformed => "parents_informed",
    ApdrReviewed => "apdr_reviewed",
    AssessmentRequested => "assessment_requested",
    BroughtToAttention => "brought_to_attention",
    ConsideringNotified => "considering_notified",
    DecidedToAssess => "decided_to_assess",
    DecidedNotToAssess => "decided_not_to_assess",
    AdviceRequested => "advice_requested",
    AdviceRequestReceived => "advice_request_received",
    AdviceReceived => "advice_received",
    ExceptionRecorded => "exception_recorded",
    AdviceExceptionRecorded => "advice_exception_recorded",
    DecidedNotToIssue => "decided_not_to_issue",
    DraftPlanIssued => "draft_plan_issued",
    RepresentationsReceived => "representations_received",
    NoFurtherRepresentations => "no_further_representations",
    SchoolConsulted => "school_consulted",
    SchoolReplied => "school_replied",
    FinalPlanIssued => "final_plan_issued",
    ExistingPlanLoaded => "existing_plan_loaded",
    NsmAccepted => "nsm_accepted",
    NsmDeclined => "nsm_declined",
    NsmHeld => "nsm_held",
    NsmScheduled => "nsm_scheduled",
    NsmFormRecorded => "nsm_form_recorded",
    ReturnedToSenSupport => "returned_to_sen_support",
    AscRequested => "asc_requested",
    AscSetupMeetingHeld => "asc_setup_meeting_held",
    AscDecided => "asc_decided",
    AscTermFunded => "asc_term_funded",
    AscReviewed => "asc_reviewed",
    AscExtended => "asc_extended",
    AscEnded => "asc_ended",
    PhaseTransferPlanned => "phase_transfer_planned",
    ReviewMeetingScheduled => "review_meeting_scheduled",
    ReviewAdviceCirculated => "review_advice_circulated",
    ReviewMeetingHeld => "review_meeting_held",
    ReviewReportSent => "review_report_sent",
    ReviewConductRecorded => "review_conduct_recorded",
    ReviewDecided => "review_decided",
    AmendmentNoticeSent => "amendment_notice_sent",
    AmendedPlanIssued => "amended_plan_issued",
    DecidedNotToAmend => "decided_not_to_amend",
    ReassessmentRequested => "reassessment_requested",
    ReassessmentRefused => "reassessment_refused",
    ReassessmentAgreed => "reassessment_agreed",
    ReassessedPlanIssued => "reassessed_plan_issued",
    CeaseProposed => "cease_proposed",
    CeaseConsultationHeld => "cease_consultation_held",
    CeaseDecided => "cease_decided",
    CeaseWithdrawn => "cease_withdrawn",
    PlanCeased => "plan_ceased",
    MediationAdviserContacted => "mediation_adviser_contacted",
    MediationHeld => "mediation_held",
    MediationCertificateIssued => "mediation_certificate_issued",
    AppealLodged => "appeal_lodged",
    AppealDecided => "appeal_decided",
    PlanTransferredIn => "plan_transferred_in",
    TransferNotified => "transfer_notified",
    AssessmentTransferredIn => "assessment_transferred_in",
    TransferredOut => "transferred_out",
    MediationAgreementReached => "mediation_agreement_reached",
    HealthMediationRequested => "health_mediation_requested",
    HealthCommissionerNotified => "health_commissioner_notified",
    TribunalRecommendation => "tribunal_recommendation",
    RecommendationAnswered => "recommendation_answered",
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

#[cfg(all(test, feature = "serde", feature = "proptest"))]
mod tests {
    use proptest::prelude::*;

    use super::EventKind;

    proptest! {
        #[test]
        fn the_tag_is_the_stored_type(events in crate::strategies::arbitrary_events(40)) {
            for e in events {
                let json = serde_json::to_value(&e.kind).map_err(|err| TestCaseError::fail(err.to_string()))?;
                prop_assert_eq!(json["type"].as_str(), Some(e.kind.tag()));
            }
        }
    }

    #[test]
    fn every_tag_is_distinct_and_every_generated_kind_is_listed() {
        let mut tags = EventKind::TAGS.to_vec();
        tags.sort_unstable();
        tags.dedup();
        assert_eq!(tags.len(), EventKind::TAGS.len());
        for case in crate::strategies::national_caseload(5, 200) {
            for e in case.history() {
                assert!(EventKind::TAGS.contains(&e.kind.tag()));
            }
        }
    }

    #[test]
    fn every_next_event_names_a_tag() {
        // NextEvent::event is written where the next events are worked out;
        // every tag written there must be a real event type.
        let source = include_str!("obligations.rs");
        let mut found = 0;
        for (i, _) in source.match_indices("add(") {
            let rest = source.get(i + 4..).unwrap_or_default().trim_start();
            let Some(quoted) = rest.strip_prefix('"') else {
                continue;
            };
            let Some((tag, _)) = quoted.split_once('"') else {
                continue;
            };
            assert!(
                EventKind::TAGS.contains(&tag),
                "{tag:?} is not an event tag"
            );
            found += 1;
        }
        assert!(found >= 30, "only {found} next events found");
        let cal = crate::calendar::HolidayCalendar::england_and_wales();
        let today = crate::strategies::DEFAULT_CASELOAD_DAY;
        for case in crate::strategies::national_caseload(6, 100) {
            for next in case.next_events(today, &cal).unwrap_or_default() {
                assert!(EventKind::TAGS.contains(&next.event), "{}", next.event);
            }
        }
    }
}
