//! Decide: is this event allowed now, and what does it change?
//!
//! One pure step: the case's state, the event, and — for a live event — the
//! caller's calendars and the council's policy, give either the accepted
//! [`Effect`]s with any warnings, or a typed error. Nothing is changed here;
//! [`evolve`](super::evolve) applies the effects and cannot fail.
//!
//! Every check belongs to one of two kinds:
//!
//! * **consistency** — the move exists in the law's state machine at all (a
//!   final plan needs a draft, an id must name something open, an ASC needs
//!   an approval before a term is funded). These never depend on the calendar
//!   or on council policy, and a stored history is held to them on read-back.
//! * **judgement** — what depends on the bank-holiday and term calendars
//!   (appeal limits with the tribunal's working-day rule, caps that need the
//!   term calendar). These run only for a live event ([`Judging::Live`]), so a
//!   record accepted under last year's calendar is never re-judged under this
//!   year's. Where a judgement has a part no calendar can change, that part is
//!   checked on read-back as well: the 15-day representation windows (counted
//!   in calendar days), a plan ceased before the nominal date to appeal its
//!   cease, an appeal lodged long after any calendar's limit, an exception
//!   claim's absence or closure too short to excuse anything.
//!
//! Local policy is read only as the case's policy in force for the event: a
//! stored history is replayed under the policy each event was applied under.
//!
//! Every rule is one call into the module that owns it (`deadlines`, `asc`,
//! `nsm`, `advice`, `calendar`); nothing here restates a period or a cap.

use chrono::NaiveDate;

use super::event::{
    Actor, AppealGrounds, AppealOutcome, AppealableDecision, CeaseGround, Event, EventKind,
    FinalPlanChanges, MediationChoice, ParentalAgreement, ReviewKind, ReviewOutcome,
};
use super::ids::{ConsultationId, ContractId, DisputeId, MeetingId};
use super::state::{
    Assessment, AssessmentStep, CaseState, Clocks, Dispute, Draft, NsmTrack, OrderRoute, Phase,
    Plan, PlannedTransfer, Reassessment, RequestRoute,
};
use super::{Calendars, Child};
use crate::advice::AdviceId;
use crate::advice::{
    required_advice, AdviceNeedsFacts, AdviceRequest, AdviceType, AssessmentAdvice, Readiness,
};
use crate::asc::{AdditionalSupportContract, AwardsToDate, EhcPlanStatus, TermFunding};
use crate::calendar::{end_of_compulsory_school_age, plan_age_limit, TermId};
use crate::deadlines;
use crate::error::{Error, Result};
use crate::exceptions::{ExceptionClaim, ExceptionGround, ExceptionId};
use crate::money::Pounds;
use crate::nsm::{offer, FamilyResponse, NsmAvailability, PanelOutcome};
use crate::policy::LocalPolicy;
use crate::rule::RuleId;
use crate::warning::Warning;

/// How far to judge an event.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Judging<'a> {
    /// A new event: every rule, with the caller's calendars and the council's policy.
    Live(Calendars<'a>),
    /// An event read back from a stored history: consistency only.
    Stored,
}

impl<'a> Judging<'a> {
    fn live(self) -> Option<Calendars<'a>> {
        match self {
            Judging::Live(c) => Some(c),
            Judging::Stored => None,
        }
    }
}

/// An accepted change to the case; [`evolve`](super::evolve) applies it.
#[derive(Debug, Clone)]
pub(crate) enum Effect {
    SupportStarted,
    ParentsInformed,
    ApdrReviewed,
    AssessmentOpened(Box<Assessment>),
    ConsideringNotified,
    DecidedToAssess(AssessmentAdvice),
    AdviceAdded(Box<AdviceRequest>),
    AdviceUpdated(AdviceId, Box<AdviceRequest>),
    AssessmentException(ExceptionClaim),
    ReassessmentException(ExceptionClaim),
    AmendmentException(ExceptionClaim),
    /// The assessment ended in a "no": back to SEN Support.
    AssessmentRefused(PanelOutcome),
    DraftServed,
    ReassessmentDraftServed,
    Representation(Option<String>),
    NoFurtherRepresentations,
    Consulted(String),
    ConsultationReplied(ConsultationId),
    PlanMade(String),
    PlanLoaded {
        issued_on: NaiveDate,
        last_reviewed_on: Option<NaiveDate>,
        school: String,
    },
    OpenDispute(AppealableDecision),
    UpdateDispute(Dispute),
    OfferMeeting(PanelOutcome, NaiveDate, NsmAvailability),
    UpdateMeeting(NsmTrack),
    ReturnedToSupport,
    ContractOpened(Box<AdditionalSupportContract>),
    ContractUpdated(ContractId, Box<AdditionalSupportContract>),
    AscAward(TermId, Pounds),
    PhaseTransferPlanned(PlannedTransfer),
    ReviewScheduled(NaiveDate, ReviewKind),
    ReviewAdviceCirculated,
    ReviewHeld,
    ReviewReportSent,
    ReviewConduct(u8),
    ReviewDecided(ReviewOutcome),
    AmendmentStarted,
    AmendedPlanIssued(String),
    AmendmentClosed,
    ReassessmentRequested,
    ReassessmentClosed,
    ReassessmentAgreed,
    ReassessedPlanIssued(String),
    CeaseProposed,
    CeaseConsulted,
    CeaseDecided(CeaseGround, DisputeId),
    CeaseWithdrawn,
    Ceased(CeaseGround),
    PlanTransferredIn {
        from_council: String,
        plan_made_on: NaiveDate,
        last_reviewed_on: Option<NaiveDate>,
        school: String,
    },
    TransferNotified,
    TransferredOut(String),
    /// A tribunal order or concession starts an assessment or a plan (T-ORDER-*, T-UNOPPOSED-*).
    Ordered(Box<Assessment>),
    OrderedReassessment(OrderRoute),
    OrderedAmendment(OrderRoute, bool),
}

/// What [`decide`] accepted.
#[derive(Debug, Clone)]
pub(crate) struct Decision {
    pub(crate) effects: Effects,
    pub(crate) warnings: Vec<Warning>,
}

/// The effects of one event (at most three), in the order they apply.
#[derive(Debug, Clone, Default)]
pub(crate) struct Effects(Vec<Effect>);

impl Effects {
    fn push(&mut self, effect: Effect) {
        self.0.push(effect);
    }
}

impl Extend<Effect> for Effects {
    fn extend<I: IntoIterator<Item = Effect>>(&mut self, iter: I) {
        self.0.extend(iter);
    }
}

impl<const N: usize> From<[Effect; N]> for Effects {
    fn from(effects: [Effect; N]) -> Self {
        Effects(Vec::from(effects))
    }
}

impl IntoIterator for Effects {
    type Item = Effect;
    type IntoIter = std::vec::IntoIter<Effect>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

fn broken(rule: RuleId, reason: impl Into<String>) -> Error {
    Error::RuleBroken {
        rule,
        reason: reason.into(),
    }
}

fn just(effect: Effect) -> Result<Decision> {
    Ok(Decision {
        effects: Effects::from([effect]),
        warnings: Vec::new(),
    })
}

fn with(effects: impl Into<Effects>, warnings: Vec<Warning>) -> Result<Decision> {
    Ok(Decision {
        effects: effects.into(),
        warnings,
    })
}

fn wrong_phase(rule: RuleId, event: &EventKind, state: &CaseState) -> Error {
    broken(
        rule,
        format!(
            "\"{}\" cannot happen while the case is at {}",
            event.name(),
            state.phase.name()
        ),
    )
}

/// The advice request an id names.
fn advice_request(advice: &AssessmentAdvice, id: AdviceId) -> Result<&AdviceRequest> {
    advice.request(id).ok_or_else(|| {
        broken(
            RuleId::AdvTypes8,
            format!("there is no {id} in this assessment"),
        )
    })
}

/// Decide one event. Pure: reads the state, never changes it.
pub(crate) fn decide(
    state: &CaseState,
    child: &Child,
    policy: &LocalPolicy,
    event: &Event,
    judging: Judging<'_>,
) -> Result<Decision> {
    let on = event.on;
    let kind = &event.kind;
    match kind {
        // --- SEN Support, beside any phase (SUP-*) ---
        EventKind::SenSupportStarted => {
            if state.support.started_on.is_some() && !matches!(state.phase, Phase::Ceased { .. }) {
                return Err(broken(RuleId::SupApdr, "SEN Support has already started"));
            }
            just(Effect::SupportStarted)
        }
        EventKind::ParentsInformed => {
            if state.support.parents_informed_on.is_some() {
                return Err(broken(RuleId::SupInformParents, "the parents have already been told"));
            }
            just(Effect::ParentsInformed)
        }
        EventKind::ApdrReviewed => with([Effect::ApdrReviewed], parents_not_told(state, judging)),

        // --- Requests (REQ-WHO, REQ-ATTENTION, REQ-6M-PRIOR) ---
        EventKind::AssessmentRequested { agreement } => {
            request_allowed(state, kind)?;
            // REQ-WHO: the person must be under 25 on the day the request is received.
            crate::calendar::person_status_for_request(child.date_of_birth, on)?;
            let mut warnings = parents_not_told(state, judging);
            match &event.by {
                Actor::Parent | Actor::YoungPerson => {}
                Actor::School | Actor::PostSixteenInstitution | Actor::EarlyYearsProvider => {
                    if *agreement == ParentalAgreement::NotAgreed {
                        warnings.push(Warning::new(
                            RuleId::ReqWho,
                            "the school should act with the parent's or young person's knowledge and agreement where possible",
                        ));
                    }
                }
                other => {
                    return Err(broken(
                        RuleId::ReqWho,
                        format!("{other} cannot request an assessment; record that they brought the child to the council's attention (REQ-ATTENTION)"),
                    ))
                }
            }
            let assessment = open_assessment(
                state,
                on,
                RequestRoute::Request { by: event.by.clone(), agreement: *agreement },
            );
            if assessment.assessed_in_prior_6_months {
                warnings.push(Warning::new(
                    RuleId::Req6mPrior,
                    "assessed in the previous 6 months: no notice of considering is needed, but the council must still decide and notify",
                ));
            }
            with([Effect::AssessmentOpened(Box::new(assessment))], warnings)
        }
        EventKind::BroughtToAttention => {
            request_allowed(state, kind)?;
            crate::calendar::person_status_for_request(child.date_of_birth, on)?;
            let assessment =
                open_assessment(state, on, RequestRoute::BroughtToAttention { by: event.by.clone() });
            just(Effect::AssessmentOpened(Box::new(assessment)))
        }
        EventKind::ConsideringNotified => match &state.phase {
            Phase::Assessment(a) if matches!(a.step, AssessmentStep::Requested) => {
                if a.considering_notified_on.is_some() {
                    return Err(broken(RuleId::TConsiderNotify, "the bodies have already been told"));
                }
                just(Effect::ConsideringNotified)
            }
            _ => Err(wrong_phase(RuleId::TConsiderNotify, kind, state)),
        },
        EventKind::DecidedToAssess => match &state.phase {
            Phase::Assessment(a) if matches!(a.step, AssessmentStep::Requested) => {
                let facts = AdviceNeedsFacts {
                    date_of_birth: child.date_of_birth,
                    sensory_impairment: child.sensory_impairment,
                    council_considers_appropriate: Vec::new(),
                    requested_by_family: Vec::new(),
                };
                let required = required_advice(&facts, on)?;
                with([Effect::DecidedToAssess(AssessmentAdvice::new(required))], Vec::new())
            }
            _ => Err(wrong_phase(RuleId::TDecide6w, kind, state)),
        },
        EventKind::DecidedNotToAssess { panel_on, notice } => match &state.phase {
            Phase::Assessment(a) if matches!(a.step, AssessmentStep::Requested) => {
                notice.check()?;
                refusal(policy, PanelOutcome::NoToAssess, AppealableDecision::RefusalToAssess, *panel_on, on)
            }
            _ => Err(wrong_phase(RuleId::TDecide6w, kind, state)),
        },

        // --- Assessment and advice (ADV-*) ---
        EventKind::AdviceRequested { advice_type, body, contact } => match &state.phase {
            Phase::Assessment(a) if matches!(a.step, AssessmentStep::Assessing { .. }) => {
                let request = AdviceRequest::issue(advice_type.clone(), body.clone(), contact.clone(), on)?;
                just(Effect::AdviceAdded(Box::new(request)))
            }
            _ => Err(wrong_phase(RuleId::AdvTypes8, kind, state)),
        },
        EventKind::AdviceRequestReceived { advice } | EventKind::AdviceReceived { advice } => {
            let Some(all) = state.phase.assessment().and_then(Assessment::advice) else {
                return Err(wrong_phase(RuleId::AdvTypes8, kind, state));
            };
            let mut request = advice_request(all, *advice)?.clone();
            if matches!(kind, EventKind::AdviceRequestReceived { .. }) {
                request.record_receipt_by_body(on)?;
            } else {
                request.record_advice(on)?;
            }
            just(Effect::AdviceUpdated(*advice, Box::new(request)))
        }
        EventKind::AdviceExceptionRecorded { advice, claim } => {
            let Some(all) = state.phase.assessment().and_then(Assessment::advice) else {
                return Err(wrong_phase(RuleId::Exc8_2, kind, state));
            };
            let mut request = advice_request(all, *advice)?.clone();
            if let Some(cal) = judging.live() {
                // EXC-8-2 is judged against that request's own clock.
                claim.check_against(&request.compliance_deadline(cal.holidays)?)?;
            }
            request.claim_exception((**claim).clone())?;
            just(Effect::AdviceUpdated(*advice, Box::new(request)))
        }
        EventKind::ExceptionRecorded { claim } => record_exception(state, claim, judging),
        EventKind::DecidedNotToIssue { panel_on, notice } => match &state.phase {
            Phase::Assessment(a) if !matches!(a.step, AssessmentStep::Requested) => {
                notice.check()?;
                refusal(policy, PanelOutcome::NoToPlan, AppealableDecision::RefusalToIssue, *panel_on, on)
            }
            _ => Err(wrong_phase(RuleId::TNotIssue16w, kind, state)),
        },
        EventKind::DraftPlanIssued { names_school } => {
            draft_names_no_school(names_school.as_deref())?;
            match &state.phase {
                Phase::Assessment(a) => match &a.step {
                    AssessmentStep::Assessing { advice, .. } => {
                        let mut warnings = Vec::new();
                        if let Readiness::NotReady { not_requested, awaiting, .. } = advice.readiness() {
                            let missing: Vec<String> =
                                not_requested.iter().chain(&awaiting).map(ToString::to_string).collect();
                            warnings.push(Warning::new(
                                RuleId::AdvTypes8,
                                format!("the draft goes out before all advice is in: {}", missing.join(", ")),
                            ));
                        }
                        if let Some(cal) = judging.live() {
                            if let Ok(target) = deadlines::draft_target(a.anchor, cal.holidays) {
                                if on > target.due() {
                                    warnings.push(Warning::new(target.rule(), format!("the draft is served after the week-14 target of {}; 15 days and consultation may not fit in 20 weeks", target.due())));
                                }
                            }
                        }
                        with([Effect::DraftServed], warnings)
                    }
                    // A re-issued draft (FINAL-REPS-ONLY) starts a new window.
                    AssessmentStep::DraftIssued { .. } => just(Effect::DraftServed),
                    AssessmentStep::Requested => Err(wrong_phase(RuleId::DraftNoSchool, kind, state)),
                },
                Phase::Plan(p) => match &p.reassessment {
                    Some(r) if r.agreed_on.is_some() => just(Effect::ReassessmentDraftServed),
                    _ => Err(broken(RuleId::TReassessFinal14w, "a draft during a plan follows a decision to re-assess; use an amendment notice to amend the plan")),
                },
                _ => Err(wrong_phase(RuleId::DraftNoSchool, kind, state)),
            }
        }
        EventKind::RepresentationsReceived { .. } | EventKind::NoFurtherRepresentations => {
            if open_draft(state).is_none() {
                return Err(broken(RuleId::TDraftReps15d, "there is no draft plan or amendment notice to make representations on"));
            }
            match kind {
                EventKind::RepresentationsReceived { requested_school } => {
                    just(Effect::Representation(requested_school.as_deref().map(str::to_owned)))
                }
                _ => with(
                    [Effect::NoFurtherRepresentations],
                    vec![Warning::new(RuleId::TDraftReps15d, "finalising early on the family's written confirmation: keep it on file (audited override)")],
                ),
            }
        }
        EventKind::SchoolConsulted { school } => {
            if open_draft(state).is_none() {
                return Err(broken(RuleId::TSchoolConsult15d, "schools are consulted on a draft plan or proposed amendments"));
            }
            if school.trim().is_empty() {
                return Err(broken(RuleId::TSchoolConsult15d, "name the school or college consulted"));
            }
            just(Effect::Consulted(school.to_string()))
        }
        EventKind::SchoolReplied { consultation } => {
            let open = open_draft(state)
                .and_then(|d| d.consultations.get(consultation.index()))
                .is_some_and(|c| c.replied_on.is_none());
            if !open {
                return Err(broken(RuleId::TSchoolConsult15d, format!("there is no open {consultation}")));
            }
            just(Effect::ConsultationReplied(*consultation))
        }
        EventKind::FinalPlanIssued { school, changes } => match &state.phase {
            Phase::Assessment(a) => match &a.step {
                AssessmentStep::DraftIssued { draft, .. } => {
                    if *changes == FinalPlanChanges::OtherChanges {
                        return Err(broken(RuleId::FinalRepsOnly, "the final plan may differ from the draft only through representations and the placement; re-issue the draft"));
                    }
                    require_school(school, RuleId::TFinal20w)?;
                    window_closed(draft, on, RuleId::TDraftReps15d)?;
                    with([Effect::PlanMade(school.to_string()), Effect::OpenDispute(AppealableDecision::PlanContents)], Vec::new())
                }
                _ => Err(broken(RuleId::DraftNoSchool, "a final plan needs a draft served first, with its 15-day window (T-DRAFT-REPS-15D)")),
            },
            _ => Err(wrong_phase(RuleId::TFinal20w, kind, state)),
        },
        EventKind::ExistingPlanLoaded { issued_on, last_reviewed_on, school } => {
            request_allowed(state, kind).map_err(|_| wrong_phase(RuleId::TReview12m, kind, state))?;
            require_school(school, RuleId::TReview12m)?;
            within_age_limit(child, on)?;
            if *issued_on > on || last_reviewed_on.is_some_and(|r| r < *issued_on || r > on) {
                return Err(Error::DatesOutOfOrder {
                    earlier_label: "the plan's issue date and last review",
                    earlier: *issued_on,
                    later_label: "the day it is loaded",
                    later: on,
                });
            }
            just(Effect::PlanLoaded { issued_on: *issued_on, last_reviewed_on: *last_reviewed_on, school: school.to_string() })
        }

        // --- After a "no" (NSM-*) ---
        EventKind::NsmAccepted { meeting }
        | EventKind::NsmDeclined { meeting }
        | EventKind::NsmHeld { meeting }
        | EventKind::NsmScheduled { meeting, .. }
        | EventKind::NsmFormRecorded { meeting, .. } => {
            nsm_event(state, kind, *meeting, on, judging)
        }
        EventKind::ReturnedToSenSupport => match &state.phase {
            Phase::SenSupport { .. } => just(Effect::ReturnedToSupport),
            _ => Err(wrong_phase(RuleId::SupApdr, kind, state)),
        },

        // --- Additional Support Contracts: the asc module decides (ASC-*) ---
        EventKind::AscRequested { request } => {
            if state.phase.plan().is_some() || request.plan == EhcPlanStatus::HasPlan {
                return Err(broken(RuleId::AscScope, "an ASC is for a child or young person without an EHC plan; fund through the plan instead"));
            }
            // Only the latest contract can be open: each new one needs the last ended (O(1)).
            if state.contracts.last().is_some_and(|c| c.contract.ending().is_none()) {
                return Err(broken(RuleId::AscTwoTerms, "an Additional Support Contract is already running; end it first"));
            }
            let contract = AdditionalSupportContract::request((**request).clone(), policy)?;
            just(Effect::ContractOpened(Box::new(contract)))
        }
        EventKind::AscSetupMeetingHeld { contract, .. }
        | EventKind::AscDecided { contract, .. }
        | EventKind::AscTermFunded { contract, .. }
        | EventKind::AscReviewed { contract, .. }
        | EventKind::AscExtended { contract, .. }
        | EventKind::AscEnded { contract, .. } => asc_event(state, kind, *contract, on, judging),

        // --- The plan and its activities ---
        EventKind::PhaseTransferPlanned { transfer_on, transfer } => {
            plan_of(state, RuleId::TPhase15Feb, kind)?;
            if *transfer_on <= on {
                return Err(broken(RuleId::TPhase15Feb, "the transfer must be in the future"));
            }
            just(Effect::PhaseTransferPlanned(PlannedTransfer { transfer_on: *transfer_on, transfer: *transfer, amended_on: None }))
        }
        EventKind::ReviewMeetingScheduled { meeting_on, kind: review_kind } => {
            let plan = plan_of(state, RuleId::TReviewInvite2w, kind)?;
            if plan.review.is_some() {
                return Err(broken(RuleId::TReviewDecision4w, "a review is already running; it ends with its decision notice"));
            }
            if *meeting_on < on {
                return Err(Error::DatesOutOfOrder { earlier_label: "invitations sent", earlier: on, later_label: "review meeting", later: *meeting_on });
            }
            let mut warnings = Vec::new();
            if *review_kind == ReviewKind::Early {
                warnings.push(Warning::new(RuleId::ReviewEarly, "early review: record the significant change that prompted it"));
            }
            // Reminders for people: only for a live event, never on read-back.
            if judging.live().is_some() {
                warnings.extend(super::reviews::review_focus(child.date_of_birth, *meeting_on));
            }
            with([Effect::ReviewScheduled(*meeting_on, *review_kind)], warnings)
        }
        EventKind::ReviewAdviceCirculated | EventKind::ReviewMeetingHeld | EventKind::ReviewReportSent => {
            let plan = plan_of(state, RuleId::ReviewConduct, kind)?;
            let Some(review) = plan.review.filter(|r| r.decided.is_none()) else {
                return Err(broken(RuleId::ReviewConduct, "no review is running; schedule the meeting first"));
            };
            match kind {
                EventKind::ReviewAdviceCirculated => {
                    if review.advice_circulated_on.is_some() {
                        return Err(broken(RuleId::TReviewAdvice2w, "the advice has already been circulated"));
                    }
                    with([Effect::ReviewAdviceCirculated], Vec::new())
                }
                EventKind::ReviewMeetingHeld => {
                    if review.held_on.is_some() {
                        return Err(broken(RuleId::ReviewConduct, "the meeting has already been held"));
                    }
                    just(Effect::ReviewHeld)
                }
                _ => {
                    if review.held_on.is_none() || review.report_sent_on.is_some() {
                        return Err(broken(RuleId::TReviewReport2w, "the report follows the meeting, once"));
                    }
                    just(Effect::ReviewReportSent)
                }
            }
        }
        EventKind::ReviewConductRecorded { duties } => {
            let plan = plan_of(state, RuleId::ReviewConduct, kind)?;
            if !plan.review.is_some_and(|r| r.decided.is_none() && r.held_on.is_some()) {
                return Err(broken(RuleId::ReviewConduct, "record the review's conduct after its meeting and before the decision"));
            }
            if duties.is_empty() {
                return Err(broken(RuleId::ReviewConduct, "name at least one duty the review carried out"));
            }
            just(Effect::ReviewConduct(duties.iter().fold(0, |bits, d| bits | d.bit())))
        }
        EventKind::ReviewDecided { outcome } => {
            let plan = plan_of(state, RuleId::TReviewDecision4w, kind)?;
            let Some(review) = plan.review.filter(|r| r.decided.is_none() && r.held_on.is_some()) else {
                return Err(broken(RuleId::TReviewDecision4w, "the decision follows the review meeting"));
            };
            // REVIEW-CONDUCT (reg 19): a review that did not do all three things is not a complete review.
            let warnings: Vec<Warning> = review
                .conduct_outstanding()
                .map(|duty| Warning::new(RuleId::ReviewConduct, format!("not recorded before the decision: {duty}")))
                .collect();
            let mut effects = Effects::from([Effect::ReviewDecided(*outcome)]);
            match outcome {
                // REVIEW-DECISION-RIGHTS: maintaining unchanged is appealable (s51(2)(e)).
                ReviewOutcome::Maintain => effects.push(Effect::OpenDispute(AppealableDecision::RefusalToAmend)),
                ReviewOutcome::Amend => {
                    if plan.amendment.is_some() {
                        return Err(broken(RuleId::TAmendNotice4w, "an amendment is already running; finish it first"));
                    }
                }
                ReviewOutcome::Cease => {
                    if plan.cease.is_some() {
                        return Err(broken(RuleId::CeaseProcedure, "a cease proposal is already running"));
                    }
                    effects.push(Effect::CeaseProposed);
                }
            }
            with(effects, warnings)
        }
        EventKind::AmendmentNoticeSent => {
            let plan = plan_of(state, RuleId::TAmendReps15d, kind)?;
            if plan.amendment.is_some() {
                return Err(broken(RuleId::TAmendReps15d, "an amendment is already running; finish it first"));
            }
            with([Effect::AmendmentStarted], Vec::new())
        }
        EventKind::AmendedPlanIssued { school } => {
            let plan = plan_of(state, RuleId::TAmendFinal8w, kind)?;
            let Some(amendment) = &plan.amendment else {
                return Err(broken(RuleId::TAmendReps15d, "amend the plan only after an amendment notice and its 15-day window"));
            };
            require_school(school, RuleId::TAmendFinal8w)?;
            if amendment.ordered.is_none() {
                window_closed(&amendment.notice, on, RuleId::TAmendReps15d)?;
            }
            with([Effect::AmendedPlanIssued(school.to_string()), Effect::OpenDispute(AppealableDecision::PlanContents)], Vec::new())
        }
        EventKind::DecidedNotToAmend { notice } => {
            let plan = plan_of(state, RuleId::TAmendNot8w, kind)?;
            let Some(amendment) = &plan.amendment else {
                return Err(broken(RuleId::TAmendNot8w, "there is no amendment to decide on"));
            };
            notice.check()?;
            // A decision not to amend comes after representations, never inside the window.
            window_closed(&amendment.notice, on, RuleId::TAmendReps15d)?;
            with([Effect::AmendmentClosed, Effect::OpenDispute(AppealableDecision::RefusalToAmend)], Vec::new())
        }
        EventKind::ReassessmentRequested | EventKind::ReassessmentAgreed => {
            let plan = plan_of(state, RuleId::ReassessWho, kind)?;
            let mut warnings = Vec::new();
            match kind {
                EventKind::ReassessmentRequested => {
                    if plan.reassessment.is_some() {
                        return Err(broken(RuleId::ReassessWho, "a re-assessment is already running"));
                    }
                    match &event.by {
                        Actor::Parent | Actor::YoungPerson | Actor::School | Actor::PostSixteenInstitution | Actor::Health | Actor::Council => {}
                        other => return Err(broken(RuleId::ReassessWho, format!("{other} cannot request a re-assessment"))),
                    }
                    let concluded = state.last_assessment_concluded.unwrap_or(plan.issued_on);
                    let bar = deadlines::reassessment_bar_ends(concluded)?;
                    if on < bar {
                        warnings.push(Warning::new(RuleId::Reassess6mBar, format!("requested within 6 months of the last assessment ({}); the council may refuse unless it thinks a re-assessment necessary", concluded)));
                    }
                    with([Effect::ReassessmentRequested], warnings)
                }
                _ => {
                    if plan.reassessment.as_ref().is_some_and(|r| r.agreed_on.is_some()) {
                        return Err(broken(RuleId::TReassessDecide15d, "the re-assessment is already agreed"));
                    }
                    with([Effect::ReassessmentAgreed], warnings)
                }
            }
        }
        EventKind::ReassessmentRefused { notice } => {
            let plan = plan_of(state, RuleId::TReassessDecide15d, kind)?;
            if !plan.reassessment.as_ref().is_some_and(|r| r.agreed_on.is_none() && r.requested_on.is_some()) {
                return Err(broken(RuleId::TReassessDecide15d, "only a request not yet decided can be refused"));
            }
            notice.check()?;
            with([Effect::ReassessmentClosed, Effect::OpenDispute(AppealableDecision::RefusalToReassess)], Vec::new())
        }
        EventKind::ReassessedPlanIssued { school } => {
            let plan = plan_of(state, RuleId::TReassessFinal14w, kind)?;
            let Some(Reassessment { agreed_on: Some(_agreed), draft, .. }) = &plan.reassessment else {
                return Err(broken(RuleId::TReassessFinal14w, "a plan after re-assessment follows a decision to re-assess"));
            };
            // Reg 27: the replacement plan goes through a draft and representations.
            let Some(draft) = draft else {
                return Err(broken(RuleId::TReassessFinal14w, "the plan after re-assessment needs a draft and its representation window first (reg 27)"));
            };
            require_school(school, RuleId::TReassessFinal14w)?;
            window_closed(draft, on, RuleId::TDraftReps15d)?;
            with([Effect::ReassessedPlanIssued(school.to_string()), Effect::OpenDispute(AppealableDecision::PlanContents)], Vec::new())
        }
        EventKind::CeaseProposed => {
            let plan = plan_of(state, RuleId::CeaseProcedure, kind)?;
            if plan.cease.is_some() {
                return Err(broken(RuleId::CeaseProcedure, "a cease proposal is already running"));
            }
            just(Effect::CeaseProposed)
        }
        EventKind::CeaseConsultationHeld => {
            let plan = plan_of(state, RuleId::CeaseProcedure, kind)?;
            match plan.cease {
                Some(c) if c.consulted_on.is_none() && c.decided.is_none() => just(Effect::CeaseConsulted),
                _ => Err(broken(RuleId::CeaseProcedure, "consult once, after proposing to cease")),
            }
        }
        EventKind::CeaseDecided { ground, notice } => {
            let plan = plan_of(state, RuleId::CeaseGrounds, kind)?;
            match plan.cease {
                Some(c) if c.decided.is_none() => {
                    if c.consulted_on.is_none() {
                        return Err(broken(RuleId::CeaseProcedure, "inform and consult the parent or young person and the head before deciding to cease (reg 31)"));
                    }
                }
                _ => return Err(broken(RuleId::CeaseProcedure, "propose to cease and consult before deciding")),
            }
            notice.check()?;
            check_cease_ground(child, *ground, on)?;
            let dispute = DisputeId::next(state.disputes.len())
                .ok_or_else(|| broken(RuleId::AppealTracks, "this case has too many disputes to number another"))?;
            with([Effect::CeaseDecided(*ground, dispute), Effect::OpenDispute(AppealableDecision::Cease)], Vec::new())
        }
        EventKind::CeaseWithdrawn => {
            let plan = plan_of(state, RuleId::CeaseProcedure, kind)?;
            if plan.cease.is_none() {
                return Err(broken(RuleId::CeaseProcedure, "there is no cease proposal to withdraw"));
            }
            just(Effect::CeaseWithdrawn)
        }
        EventKind::PlanCeased => {
            let plan = plan_of(state, RuleId::CeasePendingAppeal, kind)?;
            let Some((_, ground, dispute)) = plan.cease.and_then(|c| c.decided) else {
                return Err(broken(RuleId::CeaseProcedure, "a plan ceases only after a decision to cease"));
            };
            let Some(d) = state.disputes.get(dispute.index()) else {
                return Err(broken(RuleId::CeasePendingAppeal, format!("{dispute} is missing")));
            };
            // CEASE-PENDING-APPEAL: maintained while an appeal can be brought or is pending.
            match d.outcome() {
                Some(AppealOutcome::Upheld | AppealOutcome::Conceded) => {
                    return Err(broken(RuleId::OrderCease, "the cease appeal succeeded: the plan continues"))
                }
                Some(_) => {}
                None if d.appeal.is_some() => {
                    return Err(broken(RuleId::CeasePendingAppeal, "an appeal against ceasing is pending; the plan is maintained until it is decided"))
                }
                None => match judging.live() {
                    Some(cal) if !d.appeal_period_over(on, cal.holidays)? => {
                        let limit = d.appeal_deadline(cal.holidays)?;
                        return Err(broken(RuleId::CeasePendingAppeal, format!("the family may still appeal until {}; the plan is maintained until then", limit.tribunal_effective().unwrap_or(limit.due()))));
                    }
                    Some(_) => {}
                    // On read-back: a cease before the nominal appeal date is wrong under any calendar.
                    None if d.certainly_open_on(on) => {
                        return Err(broken(RuleId::CeasePendingAppeal, "the plan ceased while the family could still appeal the decision to cease under any calendar; the plan is maintained until the time to appeal has passed"));
                    }
                    None => {}
                },
            }
            just(Effect::Ceased(ground))
        }

        // --- Transfers between councils (§3.7) ---
        EventKind::PlanTransferredIn { from_council, plan_made_on, last_reviewed_on, school } => {
            request_allowed(state, kind).map_err(|_| wrong_phase(RuleId::TransferDeemed, kind, state))?;
            require_school(school, RuleId::TransferDeemed)?;
            require_council(from_council, RuleId::TransferDeemed)?;
            within_age_limit(child, on)?;
            if *plan_made_on > on || last_reviewed_on.is_some_and(|r| r < *plan_made_on || r > on) {
                return Err(Error::DatesOutOfOrder {
                    earlier_label: "the plan's making and last review",
                    earlier: *plan_made_on,
                    later_label: "the transfer",
                    later: on,
                });
            }
            just(Effect::PlanTransferredIn {
                from_council: from_council.to_string(),
                plan_made_on: *plan_made_on,
                last_reviewed_on: *last_reviewed_on,
                school: school.to_string(),
            })
        }
        EventKind::TransferNotified => match state.phase.plan().and_then(|p| p.transfer_in.as_ref()) {
            Some(t) if t.notified_on.is_none() => just(Effect::TransferNotified),
            _ => Err(broken(RuleId::TTransferNotify6w, "only a plan transferred in, not yet notified, is notified")),
        },
        EventKind::AssessmentTransferredIn { from_council } => {
            request_allowed(state, kind).map_err(|_| wrong_phase(RuleId::TransferMidAssessment, kind, state))?;
            require_council(from_council, RuleId::TransferMidAssessment)?;
            crate::calendar::person_status_for_request(child.date_of_birth, on)?;
            let assessment = open_assessment(state, on, RequestRoute::TransferredIn { from_council: from_council.to_string() });
            just(Effect::AssessmentOpened(Box::new(assessment)))
        }
        EventKind::TransferredOut { to_council } => {
            require_council(to_council, RuleId::TTransferPlan15wd)?;
            match state.phase {
                Phase::TransferredOut { .. } => Err(wrong_phase(RuleId::TTransferPlan15wd, kind, state)),
                _ => just(Effect::TransferredOut(to_council.to_string())),
            }
        }

        // --- Disputes (T-MED-*, T-APPEAL-2M-1M, APPEAL-CERT) ---
        EventKind::MediationAdviserContacted { dispute, .. }
        | EventKind::MediationHeld { dispute }
        | EventKind::MediationCertificateIssued { dispute }
        | EventKind::AppealLodged { dispute, .. }
        | EventKind::AppealDecided { dispute, .. }
        | EventKind::MediationAgreementReached { dispute }
        | EventKind::HealthMediationRequested { dispute }
        | EventKind::HealthCommissionerNotified { dispute }
        | EventKind::TribunalRecommendation { dispute }
        | EventKind::RecommendationAnswered { dispute } => dispute_event(state, kind, *dispute, on, judging),
    }
}

/// What a tribunal outcome does to the case (ORDER-*, T-ORDER-*, T-UNOPPOSED-*,
/// ORDER-CEASE). An order (appeal upheld) or a concession (not opposed) acts
/// on the decision appealed; a dismissal or withdrawal leaves the decision to
/// stand, except that a dismissed cease appeal ends the plan at once.
fn outcome_effects(
    state: &CaseState,
    dispute: &Dispute,
    outcome: AppealOutcome,
) -> Result<Vec<Effect>> {
    let route = match outcome {
        AppealOutcome::Upheld => OrderRoute::TribunalOrder,
        AppealOutcome::Conceded => OrderRoute::Unopposed,
        _ => {
            // ORDER-CEASE: a cease appeal dismissed — the plan ceases immediately.
            let ceasing = state
                .phase
                .plan()
                .and_then(|p| p.cease)
                .and_then(|c| c.decided);
            return Ok(match (dispute.decision, ceasing, outcome) {
                (AppealableDecision::Cease, Some((_, ground, id)), AppealOutcome::Dismissed)
                    if id == dispute.id =>
                {
                    vec![Effect::Ceased(ground)]
                }
                _ => Vec::new(),
            });
        }
    };
    let ordered = |clocks: Clocks| -> Result<Vec<Effect>> {
        match state.phase {
            Phase::SenSupport { .. } | Phase::Ceased { .. } => {}
            _ => {
                return Err(broken(
                    RuleId::TOrderAssess,
                    format!(
                        "an order after {} starts a new assessment, but the case is at {}",
                        dispute.decision,
                        state.phase.name()
                    ),
                ))
            }
        }
        let step = match clocks {
            Clocks::OrderToMakePlan(_) => AssessmentStep::Assessing {
                decided_on: dispute.notice_sent_on,
                advice: AssessmentAdvice::new(Vec::new()),
            },
            _ => AssessmentStep::Requested,
        };
        let assessment = Assessment {
            anchor: dispute.outcome.map_or(dispute.notice_sent_on, |(on, _)| on),
            clocks,
            route: RequestRoute::Ordered {
                dispute: dispute.id,
            },
            assessed_in_prior_6_months: false,
            considering_notified_on: None,
            exceptions: Vec::new(),
            step,
        };
        Ok(vec![Effect::Ordered(Box::new(assessment))])
    };
    match dispute.decision {
        AppealableDecision::RefusalToAssess => ordered(Clocks::OrderToAssess(route)),
        AppealableDecision::RefusalToIssue => ordered(Clocks::OrderToMakePlan(route)),
        AppealableDecision::RefusalToReassess => match state.phase.plan() {
            Some(p) if p.reassessment.is_none() => Ok(vec![Effect::OrderedReassessment(route)]),
            _ => Err(broken(
                RuleId::TOrderAssess,
                "an order to re-assess needs a maintained plan with no re-assessment running",
            )),
        },
        AppealableDecision::PlanContents | AppealableDecision::RefusalToAmend => {
            match state.phase.plan() {
                Some(p) if p.amendment.is_none() => {
                    let placement_only = dispute
                        .appeal
                        .is_some_and(|(_, g)| g == AppealGrounds::PlacementOnly);
                    Ok(vec![Effect::OrderedAmendment(route, placement_only)])
                }
                Some(_) => Err(broken(
                    RuleId::TOrderAmend,
                    "an amendment is already running; finish it before the ordered one",
                )),
                None => Ok(Vec::new()),
            }
        }
        // ORDER-CEASE: the appeal against ceasing succeeded — the plan is maintained.
        AppealableDecision::Cease => Ok(match state.phase.plan().and_then(|p| p.cease) {
            Some(_) => vec![Effect::CeaseWithdrawn],
            None => Vec::new(),
        }),
    }
}

fn require_council(council: &str, rule: RuleId) -> Result<()> {
    if council.trim().is_empty() {
        return Err(broken(rule, "name the other council"));
    }
    Ok(())
}

/// SUP-INFORM-PARENTS (CFA s68): a school making special educational
/// provision must tell the parents; a warning until it is recorded.
fn parents_not_told(state: &CaseState, judging: Judging<'_>) -> Vec<Warning> {
    match (state.support.started_on, state.support.parents_informed_on) {
        (Some(_), None) if judging.live().is_some() => vec![Warning::new(
            RuleId::SupInformParents,
            "the school is making special educational provision but has not recorded telling the parents (CFA s68)",
        )],
        _ => Vec::new(),
    }
}

/// A new assessment can start only where no assessment or plan is running.
fn request_allowed(state: &CaseState, kind: &EventKind) -> Result<()> {
    match state.phase {
        Phase::SenSupport { .. } | Phase::Ceased { .. } | Phase::TransferredOut { .. } => Ok(()),
        _ => Err(wrong_phase(RuleId::ReqWho, kind, state)),
    }
}

fn open_assessment(state: &CaseState, on: NaiveDate, route: RequestRoute) -> Assessment {
    // REQ-6M-PRIOR: an assessment concluded in the 6 months before the request.
    let prior = state.last_assessment_concluded.is_some_and(|concluded| {
        deadlines::reassessment_bar_ends(concluded).is_ok_and(|bar| on < bar)
    });
    Assessment {
        anchor: on,
        clocks: Clocks::Statutory,
        route,
        assessed_in_prior_6_months: prior,
        considering_notified_on: None,
        exceptions: Vec::new(),
        step: AssessmentStep::Requested,
    }
}

/// A "no" to assess or to issue: back to SEN Support, a dispute, and the NSM the policy offers.
fn refusal(
    policy: &LocalPolicy,
    outcome: PanelOutcome,
    decision: AppealableDecision,
    panel_on: NaiveDate,
    on: NaiveDate,
) -> Result<Decision> {
    if panel_on > on {
        return Err(Error::DatesOutOfOrder {
            earlier_label: "the panel",
            earlier: panel_on,
            later_label: "the decision notice",
            later: on,
        });
    }
    let availability = offer(outcome, policy);
    let mut effects = Effects::from([
        Effect::AssessmentRefused(outcome),
        Effect::OpenDispute(decision),
    ]);
    if availability != NsmAvailability::NotAvailable {
        effects.push(Effect::OfferMeeting(outcome, panel_on, availability));
    }
    with(effects, Vec::new())
}

fn draft_names_no_school(names_school: Option<&str>) -> Result<()> {
    match names_school {
        Some(s) if !s.trim().is_empty() => Err(broken(
            RuleId::DraftNoSchool,
            format!("the draft must not name a school or type of school (it names {s:?}); the family is asked for their preference"),
        )),
        _ => Ok(()),
    }
}

fn require_school(school: &str, rule: RuleId) -> Result<()> {
    if school.trim().is_empty() {
        return Err(broken(
            rule,
            "the plan names the school or placement (section I)",
        ));
    }
    Ok(())
}

/// DC-2: the council may act on a draft or amendment notice only once its
/// 15-day window has closed, or on the family's written confirmation. The
/// window is counted in calendar days, so the check needs no calendar and a
/// stored history is held to it on read-back too.
fn window_closed(draft: &Draft, on: NaiveDate, rule: RuleId) -> Result<()> {
    let period = match rule {
        RuleId::TAmendReps15d => deadlines::AMENDMENT_REPRESENTATIONS,
        _ => deadlines::DRAFT_REPRESENTATIONS,
    };
    let last = period.calendar_free_due(draft.served_on)?;
    let confirmed = draft.no_further_representations_on.is_some();
    match last.succ_opt() {
        Some(earliest) if on < earliest && !confirmed => Err(broken(
            rule,
            format!("the family has until the end of the 15-day window; nothing can be decided before {earliest} unless they confirm they have nothing to add"),
        )),
        _ => Ok(()),
    }
}

fn plan_of<'s>(state: &'s CaseState, rule: RuleId, kind: &EventKind) -> Result<&'s Plan> {
    state
        .phase
        .plan()
        .ok_or_else(|| wrong_phase(rule, kind, state))
}

/// The draft or amendment notice whose representations are open.
pub(crate) fn open_draft(state: &CaseState) -> Option<&Draft> {
    match &state.phase {
        Phase::Assessment(a) => match &a.step {
            AssessmentStep::DraftIssued { draft, .. } => Some(draft),
            _ => None,
        },
        Phase::Plan(p) => p
            .amendment
            .as_ref()
            .map(|a| &a.notice)
            .or_else(|| p.reassessment.as_ref().and_then(|r| r.draft.as_ref())),
        _ => None,
    }
}

/// CEASE-GROUNDS, CEASE-AGE-RULES, AGE-25.
/// AGE-25: no plan is maintained on or after the 26th birthday, whatever the
/// young person is doing, so none can be loaded or transferred in then.
fn within_age_limit(child: &Child, on: NaiveDate) -> Result<()> {
    let last = crate::calendar::last_day_a_plan_can_run(child.date_of_birth)?;
    if on > last {
        return Err(broken(
            RuleId::Age25,
            format!("no EHC plan is maintained after {last}, the day before the young person's 26th birthday, so none can be loaded or transferred in"),
        ));
    }
    Ok(())
}

/// CEASE-AGE-RULES (regs 29, 30): under 18, a plan ceases for employment or
/// higher education only by the "no longer necessary" ground (so never on
/// those grounds as such; during compulsory school age they cannot arise at
/// all); under 18, not for leaving education; 18 or over, leaving education
/// only after a review finds the young person will not return. AGE-25: the
/// age ground only after the end of the academic year of the 25th birthday.
fn check_cease_ground(child: &Child, ground: CeaseGround, on: NaiveDate) -> Result<()> {
    let compulsory_ends = end_of_compulsory_school_age(child.date_of_birth)?;
    let eighteen = crate::calendar::birthday(child.date_of_birth, 18)?;
    match ground {
        CeaseGround::Employment | CeaseGround::HigherEducation if on <= compulsory_ends => Err(broken(
            RuleId::CeaseAgeRules,
            format!("the child is of compulsory school age until {compulsory_ends}: a plan cannot cease for employment or higher education"),
        )),
        CeaseGround::Employment | CeaseGround::HigherEducation if on < eighteen => Err(broken(
            RuleId::CeaseAgeRules,
            format!("under 18 (until {eighteen}), a plan ceases only if it is no longer necessary (reg 29): decide on that ground if it applies"),
        )),
        CeaseGround::LeftEducation { review_found_not_returning } => {
            if on < eighteen {
                return Err(broken(RuleId::CeaseAgeRules, "under 18, a plan does not cease for leaving education: review and amend it instead (reg 29)"));
            }
            if review_found_not_returning == super::event::ReviewFinding::NoFinding {
                return Err(broken(RuleId::CeaseAgeRules, "18 or over and left education: cease only after a review finds the young person does not wish to return, or should not (reg 30)"));
            }
            Ok(())
        }
        CeaseGround::AgeLimit { provision } => {
            let limit = plan_age_limit(child.date_of_birth, provision)?;
            if on <= limit {
                return Err(broken(RuleId::Age25, format!("the plan may continue until {limit}, the end of the academic year in which the young person turns 25")));
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn record_exception(
    state: &CaseState,
    claim: &ExceptionClaim,
    judging: Judging<'_>,
) -> Result<Decision> {
    let id = claim.exception();
    let not_here = |reason: &str| Error::ExceptionNotApplicable {
        exception: id,
        reason: reason.to_owned(),
    };
    if id == ExceptionId::Exc8_2 {
        return Err(not_here(
            "EXC-8-2 is recorded on the advice request it excuses",
        ));
    }
    if id == ExceptionId::Exc44_3 {
        return order_exception(state, claim, judging);
    }
    let reassessing = matches!(id, ExceptionId::Exc27_3)
        || (id == ExceptionId::ExcCovid && state.phase.plan().is_some());
    if reassessing {
        let Some(Reassessment {
            agreed_on: Some(agreed),
            ..
        }) = state.phase.plan().and_then(|p| p.reassessment.as_ref())
        else {
            return Err(not_here(
                "EXC-27-3 excuses the plan after a re-assessment the council agreed",
            ));
        };
        if let Some(cal) = judging.live() {
            claim.check_against(&deadlines::reassessment_plan_due(*agreed, cal.holidays)?)?;
        }
        return with(
            [Effect::ReassessmentException(claim.clone())],
            inform_family(id),
        );
    }
    let Some(assessment) = state.phase.assessment() else {
        return Err(not_here(
            "no deadline this exception excuses is running at this stage",
        ));
    };
    if let Some(cal) = judging.live() {
        // Judged against the clock the assessment actually runs (statutory,
        // or after an order or concession), never a restated one.
        let clocks = super::compliance::assessment_clocks(assessment, cal.holidays)?;
        let deadline = match id {
            ExceptionId::Exc5_4 => clocks.decision,
            ExceptionId::Exc10_4 => clocks.not_to_issue,
            _ => Some(clocks.final_plan),
        };
        let Some(deadline) = deadline else {
            return Err(not_here(
                "the deadline this exception excuses is not running on this assessment",
            ));
        };
        claim.check_against(&deadline)?;
    }
    // Grounds (a)/(b) cover only the setting's own advice (EXC-10-4(a)).
    if let ExceptionGround::SchoolClosure {
        advice_requested_on,
        ..
    }
    | ExceptionGround::EarlyYearsClosure {
        advice_requested_on,
        ..
    } = *claim.ground()
    {
        if let Some(advice) = assessment.advice() {
            let asked = advice.requests().iter().any(|r| {
                *r.advice_type() == AdviceType::Educational && r.issued_on() == advice_requested_on
            });
            if !asked {
                return Err(not_here(&format!("the closure ground covers only the setting's own educational advice, and none was requested on {advice_requested_on}")));
            }
        }
    }
    with(
        [Effect::AssessmentException(claim.clone())],
        inform_family(id),
    )
}

/// EXC-44-3: an exception to a tribunal order's periods (reg 44(3)), recorded
/// on the ordered assessment, re-assessment or amendment whose clock it
/// excuses, and judged against that clock.
fn order_exception(
    state: &CaseState,
    claim: &ExceptionClaim,
    judging: Judging<'_>,
) -> Result<Decision> {
    let not_here = || {
        Error::ExceptionNotApplicable {
        exception: ExceptionId::Exc44_3,
        reason: "EXC-44-3 excuses only the periods of a tribunal order (reg 44), and no ordered assessment, re-assessment or amendment is running".into(),
    }
    };
    let ordered = Some(OrderRoute::TribunalOrder);
    let (effect, deadline) = match &state.phase {
        Phase::Assessment(a)
            if matches!(
                a.clocks,
                Clocks::OrderToAssess(OrderRoute::TribunalOrder)
                    | Clocks::OrderToMakePlan(OrderRoute::TribunalOrder)
            ) =>
        {
            let due = match judging.live() {
                Some(cal) => {
                    Some(super::compliance::assessment_clocks(a, cal.holidays)?.final_plan)
                }
                None => None,
            };
            (Effect::AssessmentException(claim.clone()), due)
        }
        Phase::Plan(p) => match (&p.reassessment, &p.amendment) {
            (Some(r), _) if r.ordered.map(|(route, _)| route) == ordered => {
                let due = match judging.live() {
                    Some(cal) => super::compliance::reassessment_plan_due(r, cal.holidays)?,
                    None => None,
                };
                (Effect::ReassessmentException(claim.clone()), due)
            }
            (_, Some(a)) if a.ordered.map(|(route, _)| route) == ordered => {
                let due = match judging.live() {
                    Some(cal) => Some(super::compliance::amendment_due(a, cal.holidays)?),
                    None => None,
                };
                (Effect::AmendmentException(claim.clone()), due)
            }
            _ => return Err(not_here()),
        },
        _ => return Err(not_here()),
    };
    if let Some(deadline) = deadline {
        claim.check_against(&deadline)?;
    }
    with([effect], inform_family(ExceptionId::Exc44_3))
}

fn inform_family(id: ExceptionId) -> Vec<Warning> {
    vec![Warning::new(
        id.rule(),
        "tell the parent or young person that an exception applies and why (CoP 9.43)",
    )]
}

fn nsm_event(
    state: &CaseState,
    kind: &EventKind,
    meeting: MeetingId,
    on: NaiveDate,
    judging: Judging<'_>,
) -> Result<Decision> {
    let Some(track) = state.meetings.get(meeting.index()) else {
        return Err(broken(
            RuleId::NsmWhen,
            format!("no Next Steps Meeting {meeting} was offered in this case"),
        ));
    };
    let mut next = track.clone();
    let mut warnings = Vec::new();
    match kind {
        EventKind::NsmAccepted { .. } if track.response == FamilyResponse::Awaiting => {
            next.response = FamilyResponse::Accepted(on);
        }
        EventKind::NsmDeclined { .. } if track.response == FamilyResponse::Awaiting => {
            next.response = FamilyResponse::Declined(on);
            warnings.push(Warning::new(
                RuleId::NsmOptional,
                "the family declined; no statutory clock changes",
            ));
        }
        EventKind::NsmScheduled { plan, .. }
            if matches!(track.response, FamilyResponse::Accepted(_)) && track.held_on.is_none() =>
        {
            if plan.notes.panel != track.panel_on {
                return Err(broken(
                    RuleId::NsmPanelNotes,
                    format!(
                        "the plan's panel of {} is not the panel of {} this meeting follows",
                        plan.notes.panel, track.panel_on
                    ),
                ));
            }
            // The nsm module owns every rule of the meeting.
            let (arranged, notes) = match judging
                .live()
                .and_then(|c| c.terms.map(|t| (c.holidays, t)))
            {
                Some((holidays, terms)) => {
                    crate::nsm::NextStepsMeeting::schedule((**plan).clone(), holidays, terms)?
                }
                None => crate::nsm::NextStepsMeeting::schedule_without_calendars((**plan).clone())?,
            };
            warnings.extend(notes);
            next.arranged = Some(Box::new(arranged));
        }
        EventKind::NsmFormRecorded { form, .. } if track.held_on.is_some() => {
            let Some(mut arranged) = track.arranged.clone() else {
                return Err(broken(
                    RuleId::NsmForm,
                    "record the form of a meeting that was arranged and held",
                ));
            };
            warnings.extend(arranged.record_form((**form).clone())?);
            next.arranged = Some(arranged);
        }
        EventKind::NsmHeld { .. }
            if matches!(track.response, FamilyResponse::Accepted(_)) && track.held_on.is_none() =>
        {
            next.held_on = Some(on);
            if let Some(arranged) = &track.arranged {
                if arranged.start().date() != on {
                    warnings.push(Warning::new(
                        RuleId::NsmWithin2w,
                        format!(
                            "held on {on}, not on the {} arranged",
                            arranged.start().date()
                        ),
                    ));
                }
            }
            let latest = crate::nsm::latest_meeting_date(track.panel_on)?;
            if on > latest {
                warnings.push(Warning::new(
                    RuleId::NsmWithin2w,
                    format!("held after {latest}, 2 weeks from the panel"),
                ));
            }
        }
        _ => {
            return Err(broken(
                RuleId::NsmOptional,
                "the family answers the offer once, and the meeting follows an acceptance",
            ))
        }
    }
    with([Effect::UpdateMeeting(next)], warnings)
}

fn asc_event(
    state: &CaseState,
    kind: &EventKind,
    id: ContractId,
    on: NaiveDate,
    judging: Judging<'_>,
) -> Result<Decision> {
    let Some(track) = state.contracts.get(id.index()) else {
        return Err(broken(
            RuleId::AscScope,
            format!("there is no {id} in this case"),
        ));
    };
    let mut contract = track.contract.clone();
    let mut award = None;
    let mut warnings = Vec::new();
    match kind {
        EventKind::AscSetupMeetingHeld { meeting, .. } => {
            contract.record_setup_meeting((**meeting).clone())?
        }
        EventKind::AscDecided { decision, .. } => contract.record_decision((**decision).clone())?,
        EventKind::AscReviewed { review, .. } => contract.record_review(*review)?,
        EventKind::AscExtended { decision, .. } => {
            contract.record_extension((**decision).clone())?
        }
        EventKind::AscEnded {
            support_still_needed,
            ..
        } => {
            contract.end(on, *support_still_needed)?;
            if *support_still_needed == crate::asc::SupportStillNeeded::Yes {
                warnings.push(Warning::new(
                    RuleId::AscTwoTerms,
                    "support is still needed after the contract: consider an EHC needs assessment",
                ));
            }
        }
        EventKind::AscTermFunded {
            term,
            dates,
            amount,
            moderation,
            ..
        } => {
            if state.phase.plan().is_some() {
                return Err(broken(
                    RuleId::AscScope,
                    "the child now has an EHC plan: fund through the plan",
                ));
            }
            // The per-child caps across every contract (ASC-TWO-TERMS, ASC-TERM-CAP, ASC-YEAR-CAP).
            crate::asc::check_child_term(&state.asc_awards, *term, *amount)?;
            let others = other_contracts_awards(&state.asc_awards, &contract)?;
            match judging.live().and_then(|c| c.terms) {
                Some(terms) => {
                    if terms.term(*term).map(|t| t.dates) != Some(*dates) {
                        return Err(broken(RuleId::AscTermlyAgreement, format!("{term} does not have the dates {} to {} in the school's term calendar", dates.first(), dates.last())));
                    }
                    contract.fund_term(terms, *term, *amount, on, *moderation, &others)?;
                }
                None => contract.record_term(
                    TermFunding {
                        term: *term,
                        dates: *dates,
                        amount: *amount,
                        agreed_on: on,
                        moderation: *moderation,
                    },
                    &others,
                )?,
            }
            award = Some(Effect::AscAward(*term, *amount));
        }
        _ => return Err(broken(RuleId::AscScope, "not an ASC event")),
    }
    let mut effects = Effects::from([Effect::ContractUpdated(id, Box::new(contract))]);
    effects.extend(award);
    with(effects, warnings)
}

/// The child's awards on every contract but `own`: the asc module adds the
/// contract's own terms itself. At most two terms are ever funded per child
/// (ASC-TWO-TERMS), so this is constant work.
fn other_contracts_awards(
    all: &AwardsToDate,
    own: &AdditionalSupportContract,
) -> Result<AwardsToDate> {
    let mut others = AwardsToDate::none();
    for (term, amount) in all.terms() {
        let own_amount = Pounds::checked_total(
            own.funded_terms()
                .iter()
                .filter(|f| f.term == term)
                .map(|f| f.amount),
        )?;
        let rest = amount.saturating_sub(own_amount);
        if !rest.is_zero() {
            others.add_term(term, rest)?;
        }
    }
    Ok(others)
}

fn dispute_event(
    state: &CaseState,
    kind: &EventKind,
    id: DisputeId,
    on: NaiveDate,
    judging: Judging<'_>,
) -> Result<Decision> {
    let Some(d) = state.disputes.get(id.index()) else {
        return Err(broken(
            RuleId::AppealTracks,
            format!("there is no {id} in this case"),
        ));
    };
    let mut next = *d;
    match kind {
        EventKind::MediationAdviserContacted { choice, .. } => {
            if d.adviser_contacted.is_some() {
                return Err(broken(
                    RuleId::TMedContact2m,
                    "the adviser has already been contacted",
                ));
            }
            next.adviser_contacted = Some((on, *choice));
        }
        EventKind::MediationHeld { .. } => match d.adviser_contacted {
            Some((_, MediationChoice::WantsMediation)) if d.mediation_held_on.is_none() => {
                next.mediation_held_on = Some(on)
            }
            _ => {
                return Err(broken(
                    RuleId::TMedHeld30d,
                    "mediation is held once, after the family asked for it",
                ))
            }
        },
        EventKind::MediationCertificateIssued { .. } => {
            let ready = matches!(d.adviser_contacted, Some((_, MediationChoice::Declined)))
                || d.mediation_held_on.is_some();
            if !ready || d.certificate_on.is_some() {
                return Err(broken(
                    RuleId::TMedCert3wd,
                    "a certificate follows the family declining mediation, or mediation, once",
                ));
            }
            next.certificate_on = Some(on);
        }
        EventKind::AppealLodged { grounds, .. } => {
            if d.appeal.is_some() || d.outcome.is_some() {
                return Err(broken(RuleId::TAppeal2m1m, "an appeal is already lodged"));
            }
            // APPEAL-CERT: only a placement-only appeal (section I) needs no certificate.
            let placement_only = *grounds == AppealGrounds::PlacementOnly;
            if placement_only && d.decision != AppealableDecision::PlanContents {
                return Err(broken(
                    RuleId::AppealCert,
                    format!(
                        "a placement-only appeal is about section I of a plan, not {}",
                        d.decision
                    ),
                ));
            }
            if !placement_only && d.certificate_on.is_none() {
                return Err(broken(RuleId::AppealCert, "an appeal about needs or provision needs a mediation certificate first (CFA s55)"));
            }
            let late = match judging.live() {
                Some(cal) => d.appeal_period_over(on, cal.holidays)?,
                // On read-back: long past the time to appeal under any calendar.
                None => d.certainly_expired_by(on),
            };
            if late {
                return Err(broken(
                    RuleId::TAppeal2m1m,
                    "the time to appeal has passed; only the tribunal can extend it",
                ));
            }
            next.appeal = Some((on, *grounds));
        }
        EventKind::AppealDecided { outcome, .. } => {
            if d.appeal.is_none() || d.outcome.is_some() {
                return Err(broken(
                    RuleId::AppealRights,
                    "only a lodged, undecided appeal can be decided",
                ));
            }
            next.outcome = Some((on, *outcome));
            let mut effects = Effects::from([Effect::UpdateDispute(next)]);
            effects.extend(outcome_effects(state, &next, *outcome)?);
            return with(effects, Vec::new());
        }
        EventKind::MediationAgreementReached { .. } => {
            if d.mediation_held_on.is_none() || d.agreement_on.is_some() {
                return Err(broken(
                    RuleId::TMedAgreement,
                    "an agreement follows mediation, once",
                ));
            }
            next.agreement_on = Some(on);
        }
        EventKind::HealthMediationRequested { .. } => {
            if d.health.is_some() {
                return Err(broken(
                    RuleId::TMedHealth3wd,
                    "health mediation has already been asked for",
                ));
            }
            next.health = Some((on, None));
        }
        EventKind::HealthCommissionerNotified { .. } => {
            match d.health {
                Some((asked, None)) => next.health = Some((asked, Some(on))),
                _ => return Err(broken(
                    RuleId::TMedHealth3wd,
                    "the commissioner is told once, after the family asked for health mediation",
                )),
            }
        }
        EventKind::TribunalRecommendation { .. } => {
            if d.appeal.is_none() || d.recommendation.is_some() {
                return Err(broken(
                    RuleId::TOrderRecommend5w,
                    "a recommendation comes from the tribunal hearing a lodged appeal, once",
                ));
            }
            next.recommendation = Some((on, None));
        }
        EventKind::RecommendationAnswered { .. } => match d.recommendation {
            Some((made, None)) => next.recommendation = Some((made, Some(on))),
            _ => {
                return Err(broken(
                    RuleId::TOrderRecommend5w,
                    "there is no recommendation waiting for an answer",
                ))
            }
        },
        _ => return Err(broken(RuleId::AppealTracks, "not a dispute event")),
    }
    just(Effect::UpdateDispute(next))
}
