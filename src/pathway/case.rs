//! A child's case: the current stage, the side tracks, and the history that
//! rebuilds them.

// A failed transition hands the stage back by value, so the caller keeps it
// untouched; boxing the error side would allocate on every refusal for no gain.
#![allow(clippy::result_large_err)]

use chrono::NaiveDate;

use super::events::{AppealOutcome, Event, EventKind, MediationChoice};
use super::stages::*;
use crate::advice::{
    required_advice, AdviceId, AdviceNeedsFacts, AdviceRequest, AdviceType, AssessmentAdvice,
    SensoryImpairment,
};
use crate::asc::{MAX_TERMS, TERM_CAP, YEAR_CAP};
use crate::calendar::{months_after, HolidayCalendar, TermId};
use crate::deadlines::{self, MediationCertificate};
use crate::error::{Error, Result};
use crate::exceptions::{ExceptionClaim, ExceptionGround, ExceptionId};
use crate::money::Pounds;
use crate::nsm::{offer, FamilyResponse, NsmAvailability, PanelOutcome};
use crate::policy::{AscScheme, LocalPolicy};
use crate::rule::RuleId;
use crate::warning::Warning;

fn broken(rule: RuleId, reason: impl Into<String>) -> Error {
    Error::RuleBroken {
        rule,
        reason: reason.into(),
    }
}

/// The child or young person a case is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Child {
    /// The caller's reference.
    pub reference: String,
    /// Date of birth (year group, Year 9, under-5 reviews, AGE-25).
    pub date_of_birth: NaiveDate,
    /// Hearing or visual impairment (ADV-HI-VI).
    pub sensory_impairment: SensoryImpairment,
}

/// Which decision a dispute is about (APPEAL-RIGHTS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AppealableDecision {
    /// Refusal to assess.
    RefusalToAssess,
    /// Refusal to issue a plan.
    RefusalToIssue,
    /// Refusal to re-assess.
    RefusalToReassess,
    /// Refusal to amend after a review.
    RefusalToAmend,
    /// Sections B, F or I of a final or amended plan. A placement-only appeal needs no mediation certificate.
    PlanContents,
    /// Decision to cease the plan.
    Cease,
}

/// The mediation-and-appeal side track of one appealable decision (§3.6).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Dispute {
    pub(crate) decision: AppealableDecision,
    pub(crate) notice_sent_on: NaiveDate,
    pub(crate) adviser_contacted: Option<(NaiveDate, MediationChoice)>,
    pub(crate) mediation_held_on: Option<NaiveDate>,
    pub(crate) certificate_on: Option<NaiveDate>,
    pub(crate) appeal_lodged_on: Option<NaiveDate>,
    pub(crate) outcome: Option<(NaiveDate, AppealOutcome)>,
}

impl Dispute {
    fn open(decision: AppealableDecision, notice_sent_on: NaiveDate) -> Self {
        Dispute {
            decision,
            notice_sent_on,
            adviser_contacted: None,
            mediation_held_on: None,
            certificate_on: None,
            appeal_lodged_on: None,
            outcome: None,
        }
    }

    /// The decision.
    pub fn decision(&self) -> AppealableDecision {
        self.decision
    }

    /// When the decision notice was sent.
    pub fn notice_sent_on(&self) -> NaiveDate {
        self.notice_sent_on
    }

    /// The certificate, for the appeal limit.
    pub fn certificate(&self) -> MediationCertificate {
        match self.certificate_on {
            Some(on) => MediationCertificate::Issued(on),
            None => MediationCertificate::NotIssued,
        }
    }

    /// When an appeal was lodged, if it was.
    pub fn appeal_lodged_on(&self) -> Option<NaiveDate> {
        self.appeal_lodged_on
    }

    /// The tribunal's decision, if any.
    pub fn outcome(&self) -> Option<AppealOutcome> {
        self.outcome.map(|(_, o)| o)
    }

    /// T-APPEAL-2M-1M with the r12 date: the last day the appeal is in time.
    ///
    /// # Errors
    ///
    /// Date-range errors at the extremes.
    pub fn appeal_deadline(&self, cal: &HolidayCalendar) -> Result<crate::Deadline> {
        deadlines::appeal_due(self.notice_sent_on, self.certificate(), cal)
    }

    /// Whether the time to appeal has run out with no appeal lodged, on `date`.
    fn appeal_period_over(&self, date: NaiveDate, cal: &HolidayCalendar) -> Result<bool> {
        if self.appeal_lodged_on.is_some() {
            return Ok(false);
        }
        let d = self.appeal_deadline(cal)?;
        Ok(date > d.tribunal_effective().unwrap_or(d.due()))
    }
}

/// A Next Steps Meeting offered after a "no" (NSM-WHEN, NSM-OPTIONAL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NsmTrack {
    /// The panel the meeting follows.
    pub panel_on: NaiveDate,
    /// Offered or on request (policy).
    pub availability: NsmAvailability,
    /// The family's answer.
    pub response: FamilyResponse,
    /// When it was held.
    pub held_on: Option<NaiveDate>,
}

/// An Additional Support Contract as the case sees it (the full lifecycle is
/// in [`crate::asc`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AscRecord {
    /// The contract's reference.
    pub reference: String,
    /// When it started.
    pub started_on: NaiveDate,
    /// The funded terms.
    pub terms: Vec<(TermId, Pounds)>,
    /// When it ended.
    pub ended_on: Option<NaiveDate>,
}

/// A child's case: stage, side tracks and history, always consistent.
///
/// Apply events with [`Case::apply`]; a refused event leaves the case exactly as
/// it was. Reading a case back from storage replays its history and rejects a
/// record whose stored state does not follow from it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CaseRecord", into = "CaseRecord"))]
pub struct Case {
    child: Child,
    policy: LocalPolicy,
    stage: Stage,
    disputes: Vec<Dispute>,
    nsm: Option<NsmTrack>,
    ascs: Vec<AscRecord>,
    history: Vec<Event>,
}

/// The stored form of a case.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct CaseRecord {
    child: Child,
    policy: LocalPolicy,
    stage: Stage,
    #[serde(default)]
    disputes: Vec<Dispute>,
    #[serde(default)]
    nsm: Option<NsmTrack>,
    #[serde(default)]
    ascs: Vec<AscRecord>,
    history: Vec<Event>,
}

#[cfg(feature = "serde")]
impl From<Case> for CaseRecord {
    fn from(c: Case) -> Self {
        CaseRecord {
            child: c.child,
            policy: c.policy,
            stage: c.stage,
            disputes: c.disputes,
            nsm: c.nsm,
            ascs: c.ascs,
            history: c.history,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<CaseRecord> for Case {
    type Error = Error;
    /// Replays the history with the built-in England and Wales table and
    /// compares the result with what was stored.
    fn try_from(r: CaseRecord) -> Result<Self> {
        let cal = HolidayCalendar::england_and_wales();
        let replayed = Case::replay(r.child, r.policy, r.history, &cal)?;
        let bad = |what: &str| Error::InconsistentRecord {
            reason: format!("the stored {what} does not follow from the case history"),
        };
        if replayed.stage != r.stage {
            return Err(bad("stage"));
        }
        if replayed.disputes != r.disputes {
            return Err(bad("disputes"));
        }
        if replayed.nsm != r.nsm {
            return Err(bad("Next Steps Meeting"));
        }
        if replayed.ascs != r.ascs {
            return Err(bad("Additional Support Contracts"));
        }
        Ok(replayed)
    }
}

/// Changes to the side tracks that a stage transition brings with it.
enum Effect {
    OpenDispute(AppealableDecision),
    OfferNsm(PanelOutcome, NaiveDate),
    EndActiveAsc,
}

impl Case {
    /// Open a case with its first event: SEN Support started, an assessment
    /// requested, or the child brought to the council's attention.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] for any other first event, or as [`Case::apply`].
    pub fn open(
        child: Child,
        policy: LocalPolicy,
        first: Event,
        cal: &HolidayCalendar,
    ) -> Result<(Self, Vec<Warning>)> {
        match first.kind {
            EventKind::SenSupportStarted => Ok((Case::start_sen_support(child, policy, first.on, first.by), Vec::new())),
            EventKind::AssessmentRequested { .. } | EventKind::BroughtToAttention => {
                // The request is applied to an empty SEN Support stage that never reaches the history.
                let mut case = Case {
                    child,
                    policy,
                    stage: Stage::SenSupport(SenSupport::start(first.on)),
                    disputes: Vec::new(),
                    nsm: None,
                    ascs: Vec::new(),
                    history: Vec::new(),
                };
                let warnings = case.apply(first, cal)?;
                Ok((case, warnings))
            }
            _ => Err(broken(RuleId::SupApdr, "a case opens with SEN Support, a request for assessment, or the child being brought to the council's attention")),
        }
    }

    /// Open a case at SEN Support (SUP-APDR): the setting identified SEN on `on`. Never fails.
    pub fn start_sen_support(
        child: Child,
        policy: LocalPolicy,
        on: NaiveDate,
        by: super::events::Actor,
    ) -> Self {
        Case {
            child,
            policy,
            stage: Stage::SenSupport(SenSupport::start(on)),
            disputes: Vec::new(),
            nsm: None,
            ascs: Vec::new(),
            history: vec![Event::new(on, by, EventKind::SenSupportStarted)],
        }
    }

    /// Rebuild a case from its history. The same history always rebuilds the same case.
    ///
    /// # Errors
    ///
    /// The first event that cannot be applied, with its position.
    pub fn replay(
        child: Child,
        policy: LocalPolicy,
        history: Vec<Event>,
        cal: &HolidayCalendar,
    ) -> Result<Self> {
        let mut events = history.into_iter();
        let first = events.next().ok_or_else(|| Error::InconsistentRecord {
            reason: "a case has at least one event".into(),
        })?;
        let (mut case, _) = Case::open(child, policy, first, cal)?;
        for (i, event) in events.enumerate() {
            case.apply(event, cal)
                .map_err(|e| Error::InconsistentRecord {
                    reason: format!("event {} of the history cannot be applied: {e}", i + 2),
                })?;
        }
        Ok(case)
    }

    /// The child.
    pub fn child(&self) -> &Child {
        &self.child
    }

    /// The council's policy.
    pub fn policy(&self) -> &LocalPolicy {
        &self.policy
    }

    /// The current stage.
    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    /// Mediation and appeal side tracks, one per appealable decision.
    pub fn disputes(&self) -> &[Dispute] {
        &self.disputes
    }

    /// The Next Steps Meeting offered after the latest "no", if any.
    pub fn nsm(&self) -> Option<&NsmTrack> {
        self.nsm.as_ref()
    }

    /// Additional Support Contracts.
    pub fn ascs(&self) -> &[AscRecord] {
        &self.ascs
    }

    /// Every event applied, in order.
    pub fn history(&self) -> &[Event] {
        &self.history
    }

    /// The date of the last event.
    pub fn last_event_on(&self) -> Option<NaiveDate> {
        self.history.last().map(|e| e.on)
    }

    /// Apply one event. On success the event joins the history and any
    /// warnings come back; on error the case is exactly as it was.
    ///
    /// # Errors
    ///
    /// [`Error::DatesOutOfOrder`] for an event dated before the last one;
    /// [`Error::RuleBroken`] naming the rule for a move the pathway forbids.
    pub fn apply(&mut self, event: Event, cal: &HolidayCalendar) -> Result<Vec<Warning>> {
        if let Some(last) = self.last_event_on() {
            if event.on < last {
                return Err(Error::DatesOutOfOrder {
                    earlier_label: "the last event",
                    earlier: last,
                    later_label: "this event",
                    later: event.on,
                });
            }
        }
        let warnings = if let Some(result) = self.apply_side_track(&event, cal) {
            result?
        } else {
            let stage = std::mem::replace(
                &mut self.stage,
                Stage::SenSupport(SenSupport::start(event.on)),
            );
            match transition(
                stage,
                &event,
                &self.child,
                &self.policy,
                &self.disputes,
                cal,
            ) {
                Ok((stage, warnings, effects)) => {
                    self.stage = stage;
                    self.commit(effects, event.on);
                    warnings
                }
                Err((stage, e)) => {
                    self.stage = stage;
                    return Err(e);
                }
            }
        };
        self.history.push(event);
        Ok(warnings)
    }

    fn commit(&mut self, effects: Vec<Effect>, on: NaiveDate) {
        for effect in effects {
            match effect {
                Effect::OpenDispute(decision) => self.disputes.push(Dispute::open(decision, on)),
                Effect::OfferNsm(outcome, panel_on) => {
                    let availability = offer(outcome, &self.policy);
                    self.nsm =
                        (availability != NsmAvailability::NotAvailable).then_some(NsmTrack {
                            panel_on,
                            availability,
                            response: FamilyResponse::Awaiting,
                            held_on: None,
                        });
                }
                Effect::EndActiveAsc => {
                    if let Some(asc) = self.ascs.iter_mut().find(|a| a.ended_on.is_none()) {
                        asc.ended_on = Some(on);
                    }
                }
            }
        }
    }

    /// Events that touch only a side track (NSM, ASC, disputes, exceptions,
    /// in-stage records). `None` when the event is a stage transition.
    fn apply_side_track(
        &mut self,
        event: &Event,
        cal: &HolidayCalendar,
    ) -> Option<Result<Vec<Warning>>> {
        let on = event.on;
        Some(match &event.kind {
            EventKind::NsmAccepted | EventKind::NsmDeclined | EventKind::NsmHeld => self.nsm_event(&event.kind, on),
            EventKind::AscStarted { reference } => self.asc_start(reference, on),
            EventKind::AscTermFunded { term, amount } => self.asc_fund(*term, *amount),
            EventKind::AscEnded => match self.ascs.iter_mut().find(|a| a.ended_on.is_none()) {
                Some(asc) => {
                    asc.ended_on = Some(on);
                    Ok(vec![Warning::new(RuleId::AscTwoTerms, "if support is still needed, consider an EHC needs assessment")])
                }
                None => Err(broken(RuleId::AscTwoTerms, "no Additional Support Contract is running")),
            },
            EventKind::MediationAdviserContacted { dispute, choice } => self.dispute_event(*dispute, |d| {
                if d.adviser_contacted.is_some() {
                    return Err(broken(RuleId::TMedContact2m, "the adviser has already been contacted"));
                }
                d.adviser_contacted = Some((on, *choice));
                Ok(())
            }),
            EventKind::MediationHeld { dispute } => self.dispute_event(*dispute, |d| match d.adviser_contacted {
                Some((_, MediationChoice::WantsMediation)) if d.mediation_held_on.is_none() => {
                    d.mediation_held_on = Some(on);
                    Ok(())
                }
                _ => Err(broken(RuleId::TMedHeld30d, "mediation is held once, after the family asked for it")),
            }),
            EventKind::MediationCertificateIssued { dispute } => self.dispute_event(*dispute, |d| {
                let ready = matches!(d.adviser_contacted, Some((_, MediationChoice::Declined))) || d.mediation_held_on.is_some();
                if !ready || d.certificate_on.is_some() {
                    return Err(broken(RuleId::TMedCert3wd, "a certificate follows the family declining mediation, or mediation, once"));
                }
                d.certificate_on = Some(on);
                Ok(())
            }),
            EventKind::AppealLodged { dispute } => {
                let idx = *dispute;
                let certificate_needed = self.disputes.get(idx).map(|d| d.decision != AppealableDecision::PlanContents);
                let late = self.disputes.get(idx).map(|d| d.appeal_period_over(on, cal));
                self.dispute_event(idx, |d| {
                    if d.appeal_lodged_on.is_some() {
                        return Err(broken(RuleId::TAppeal2m1m, "an appeal is already lodged"));
                    }
                    if certificate_needed == Some(true) && d.certificate_on.is_none() {
                        return Err(broken(RuleId::AppealRights, "an appeal needs a mediation certificate (only placement-only appeals do not)"));
                    }
                    if let Some(Ok(true)) = late {
                        return Err(broken(RuleId::TAppeal2m1m, "the time to appeal has passed; only the tribunal can extend it"));
                    }
                    d.appeal_lodged_on = Some(on);
                    Ok(())
                })
            }
            EventKind::AppealDecided { dispute, outcome } => self.dispute_event(*dispute, |d| {
                if d.appeal_lodged_on.is_none() || d.outcome.is_some() {
                    return Err(broken(RuleId::AppealRights, "only a lodged, undecided appeal can be decided"));
                }
                d.outcome = Some((on, *outcome));
                Ok(())
            }),
            EventKind::ExceptionRecorded { claim } => self.record_exception(claim, cal),
            EventKind::AdviceExceptionRecorded { request, claim } => match &mut self.stage {
                Stage::Assessing(s) => match AdviceId::try_from(*request).ok().and_then(|id| s.advice_mut().request_mut(id)) {
                    Some(r) => {
                        // Checked against the request's own clock before it is stored.
                        let checked = r.compliance_deadline(cal).and_then(|d| claim.check_against(&d));
                        checked.and_then(|_| r.claim_exception(claim.clone())).map(|_| Vec::new())
                    }
                    None => Err(broken(RuleId::Exc8_2, format!("there is no advice request number {request}"))),
                },
                _ => Err(broken(RuleId::Exc8_2, "advice exceptions are recorded during the assessment")),
            },
            _ => return self.apply_in_stage(event, cal),
        })
    }

    /// Events that record something inside the current stage without leaving it.
    fn apply_in_stage(
        &mut self,
        event: &Event,
        cal: &HolidayCalendar,
    ) -> Option<Result<Vec<Warning>>> {
        let on = event.on;
        let ok = || Ok(Vec::new());
        Some(match (&mut self.stage, &event.kind) {
            (Stage::SenSupport(s), EventKind::ParentsInformed) => {
                s.parents_informed_on = Some(on);
                ok()
            }
            (Stage::SenSupport(s), EventKind::ApdrReviewed) => {
                s.apdr_reviews.push(on);
                ok()
            }
            (Stage::RequestReceived(s), EventKind::ConsideringNotified) => {
                if let PriorAssessment::Within6Months(_) = s.request.prior {
                    Ok(vec![Warning::new(RuleId::Req6mPrior, "assessed in the previous 6 months: no notice of considering is needed, but the council must still decide")])
                } else {
                    s.request.considering_notified_on = Some(on);
                    ok()
                }
            }
            (
                Stage::Assessing(s),
                EventKind::AdviceRequested {
                    advice_type,
                    body,
                    contact,
                },
            ) => {
                match AdviceRequest::issue(advice_type.clone(), body.clone(), contact.clone(), on)
                    .and_then(|r| s.advice_mut().add_request(r))
                {
                    Ok(_) => ok(),
                    Err(e) => Err(e),
                }
            }
            (Stage::Assessing(s), EventKind::AdviceRequestReceived { request }) => {
                match AdviceId::try_from(*request)
                    .ok()
                    .and_then(|id| s.advice_mut().request_mut(id))
                {
                    Some(r) => r.record_receipt_by_body(on).map(|_| Vec::new()),
                    None => Err(broken(
                        RuleId::AdvTypes8,
                        format!("there is no advice request number {request}"),
                    )),
                }
            }
            (Stage::Assessing(s), EventKind::AdviceReceived { request }) => {
                match AdviceId::try_from(*request)
                    .ok()
                    .and_then(|id| s.advice_mut().request_mut(id))
                {
                    Some(r) => r.record_advice(on).map(|_| Vec::new()),
                    None => Err(broken(
                        RuleId::AdvTypes8,
                        format!("there is no advice request number {request}"),
                    )),
                }
            }
            (Stage::DraftIssued(s), EventKind::RepresentationsReceived { requested_school }) => {
                s.representations.push(Representation {
                    on,
                    requested_school: requested_school.clone(),
                });
                ok()
            }
            (Stage::DraftIssued(s), EventKind::NoFurtherRepresentations) => {
                s.no_further_representations_on = Some(on);
                Ok(vec![Warning::new(RuleId::TDraftReps15d, "finalising early on the family's written confirmation: keep it on file (audited override)")])
            }
            (Stage::DraftIssued(s), EventKind::SchoolConsulted { school }) => {
                s.consultations.push(Consultation {
                    school: school.clone(),
                    sent_on: on,
                    replied_on: None,
                });
                ok()
            }
            (Stage::DraftIssued(s), EventKind::SchoolReplied { consultation }) => {
                match s.consultations.get_mut(*consultation) {
                    Some(c) if c.replied_on.is_none() => {
                        c.replied_on = Some(on);
                        ok()
                    }
                    _ => Err(broken(
                        RuleId::TSchoolConsult15d,
                        format!("there is no open consultation number {consultation}"),
                    )),
                }
            }
            (
                Stage::AmendmentProposed(s),
                EventKind::RepresentationsReceived { requested_school },
            ) => {
                s.representations.push(Representation {
                    on,
                    requested_school: requested_school.clone(),
                });
                ok()
            }
            (Stage::AmendmentProposed(s), EventKind::NoFurtherRepresentations) => {
                s.no_further_representations_on = Some(on);
                ok()
            }
            (Stage::ReviewScheduled(s), EventKind::ReviewAdviceCirculated) => {
                s.advice_circulated_on = Some(on);
                match deadlines::review_advice_due(s.meeting_on, cal) {
                    Ok(latest) if on > latest.due() => Ok(vec![Warning::new(
                        latest.rule(),
                        format!("advice should be circulated by {}", latest.due()),
                    )]),
                    _ => ok(),
                }
            }
            (Stage::CeaseProposed(s), EventKind::CeaseConsultationHeld) => {
                s.consultation_on = Some(on);
                ok()
            }
            (
                stage,
                EventKind::PhaseTransferPlanned {
                    transfer_on,
                    transfer,
                },
            ) => match stage.plan_mut() {
                Some(plan) if *transfer_on > on => {
                    plan.phase_transfer = Some(PlannedTransfer {
                        transfer_on: *transfer_on,
                        transfer: *transfer,
                        planned_on: on,
                        amended_on: None,
                    });
                    ok()
                }
                Some(_) => Err(broken(
                    RuleId::TPhase15Feb,
                    "the transfer must be in the future",
                )),
                None => Err(broken(
                    RuleId::TPhase15Feb,
                    "a phase transfer is planned for a maintained plan",
                )),
            },
            _ => return None,
        })
    }

    /// Record an exception against the one deadline it excuses, after checking
    /// its ground holds for that deadline (each deadline is judged on its own).
    fn record_exception(
        &mut self,
        claim: &ExceptionClaim,
        cal: &HolidayCalendar,
    ) -> Result<Vec<Warning>> {
        let id = claim.exception();
        let not_here = |reason: &str| Error::ExceptionNotApplicable {
            exception: id,
            reason: reason.to_owned(),
        };
        let deadline = match (&self.stage, id) {
            (_, ExceptionId::Exc8_2) => {
                return Err(not_here(
                    "EXC-8-2 is recorded on the advice request it excuses",
                ))
            }
            (Stage::Reassessing(s), ExceptionId::Exc27_3 | ExceptionId::ExcCovid) => {
                deadlines::reassessment_plan_due(s.decided_on, cal)?
            }
            (stage, _) => {
                let Some(request) = stage.request() else {
                    return Err(not_here(
                        "no deadline this exception excuses is running at this stage",
                    ));
                };
                let a = request.received_on();
                match id {
                    ExceptionId::Exc5_4 => deadlines::decision_to_assess_due(a, cal)?,
                    ExceptionId::Exc10_4 => deadlines::not_to_issue_due(a, cal)?,
                    ExceptionId::Exc13_3 | ExceptionId::ExcCovid => {
                        deadlines::final_plan_due(a, cal)?
                    }
                    _ => {
                        return Err(not_here(
                            "no deadline this exception excuses is running at this stage",
                        ))
                    }
                }
            }
        };
        claim.check_against(&deadline)?;
        // Grounds (a)/(b) cover only the setting's own advice: where the case
        // holds the assessment's advice requests, one must match.
        if let ExceptionGround::SchoolClosure {
            advice_requested_on,
            ..
        }
        | ExceptionGround::EarlyYearsClosure {
            advice_requested_on,
            ..
        } = *claim.ground()
        {
            let advice = match &self.stage {
                Stage::Assessing(s) => Some(s.advice()),
                Stage::DraftIssued(s) => Some(&s.advice),
                _ => None,
            };
            if let Some(advice) = advice {
                let asked = advice.requests().iter().any(|r| {
                    *r.advice_type() == AdviceType::Educational
                        && r.issued_on() == advice_requested_on
                });
                if !asked {
                    return Err(not_here(&format!(
                        "the closure ground covers only the setting's own educational advice, and none was requested on {advice_requested_on}"
                    )));
                }
            }
        }
        let target = match &mut self.stage {
            Stage::Reassessing(s) => Some(&mut s.exceptions),
            stage => stage.request_mut().map(|r| &mut r.exceptions),
        };
        match target {
            Some(claims) => {
                claims.push(claim.clone());
                Ok(vec![Warning::new(
                    id.rule(),
                    "tell the parent or young person that an exception applies and why (CoP 9.43)",
                )])
            }
            None => Err(not_here(
                "exceptions are recorded while an assessment is in progress",
            )),
        }
    }

    fn nsm_event(&mut self, kind: &EventKind, on: NaiveDate) -> Result<Vec<Warning>> {
        let Some(track) = self.nsm.as_mut() else {
            return Err(broken(
                RuleId::NsmWhen,
                "no Next Steps Meeting is offered in this case",
            ));
        };
        match kind {
            EventKind::NsmAccepted if track.response == FamilyResponse::Awaiting => {
                track.response = FamilyResponse::Accepted(on)
            }
            EventKind::NsmDeclined if track.response == FamilyResponse::Awaiting => {
                track.response = FamilyResponse::Declined(on);
                return Ok(vec![Warning::new(
                    RuleId::NsmOptional,
                    "the family declined; no statutory clock changes",
                )]);
            }
            EventKind::NsmHeld
                if matches!(track.response, FamilyResponse::Accepted(_))
                    && track.held_on.is_none() =>
            {
                track.held_on = Some(on);
                let latest = crate::nsm::latest_meeting_date(track.panel_on)?;
                if on > latest {
                    return Ok(vec![Warning::new(
                        RuleId::NsmWithin2w,
                        format!("held after {latest}, 2 weeks from the panel"),
                    )]);
                }
            }
            _ => {
                return Err(broken(
                    RuleId::NsmOptional,
                    "the family answers the offer once, and the meeting follows an acceptance",
                ))
            }
        }
        Ok(Vec::new())
    }

    fn asc_start(&mut self, reference: &str, on: NaiveDate) -> Result<Vec<Warning>> {
        if self.policy.asc == AscScheme::NotAvailable {
            return Err(broken(
                RuleId::AscScope,
                format!(
                    "{} has no Additional Support Contract scheme",
                    self.policy.council
                ),
            ));
        }
        if self.stage.plan().is_some() {
            return Err(broken(
                RuleId::AscScope,
                "an ASC is for a child without an EHC plan",
            ));
        }
        if self.ascs.iter().any(|a| a.ended_on.is_none()) {
            return Err(broken(
                RuleId::AscTwoTerms,
                "an Additional Support Contract is already running",
            ));
        }
        self.ascs.push(AscRecord {
            reference: reference.to_owned(),
            started_on: on,
            terms: Vec::new(),
            ended_on: None,
        });
        Ok(Vec::new())
    }

    fn asc_fund(&mut self, term: TermId, amount: Pounds) -> Result<Vec<Warning>> {
        let funded = || self.ascs.iter().flat_map(|a| &a.terms);
        let in_term = Pounds::checked_total(funded().filter(|(t, _)| *t == term).map(|(_, p)| *p))?;
        let in_year = Pounds::checked_total(
            funded()
                .filter(|(t, _)| t.year == term.year)
                .map(|(_, p)| *p),
        )?;
        let Some(asc) = self.ascs.iter_mut().find(|a| a.ended_on.is_none()) else {
            return Err(broken(
                RuleId::AscTermlyAgreement,
                "no Additional Support Contract is running",
            ));
        };
        if asc.terms.len() >= MAX_TERMS {
            return Err(broken(
                RuleId::AscTwoTerms,
                "a contract funds at most two terms; consider an EHC needs assessment",
            ));
        }
        if asc.terms.iter().any(|(t, _)| *t == term) {
            return Err(broken(
                RuleId::AscTermlyAgreement,
                format!("{term} is already funded"),
            ));
        }
        if in_term.checked_add(amount)? > TERM_CAP {
            return Err(broken(
                RuleId::AscTermCap,
                format!("{amount} would take {term} over {TERM_CAP}"),
            ));
        }
        if in_year.checked_add(amount)? > YEAR_CAP {
            return Err(broken(
                RuleId::AscYearCap,
                format!("{amount} would take {} over {YEAR_CAP}", term.year),
            ));
        }
        asc.terms.push((term, amount));
        Ok(Vec::new())
    }

    fn dispute_event(
        &mut self,
        index: usize,
        change: impl FnOnce(&mut Dispute) -> Result<()>,
    ) -> Result<Vec<Warning>> {
        let Some(dispute) = self.disputes.get(index) else {
            return Err(broken(
                RuleId::AppealRights,
                format!("there is no dispute number {index}"),
            ));
        };
        // Change a copy, so a refused event leaves the dispute as it was.
        let mut copy = dispute.clone();
        change(&mut copy)?;
        if let Some(slot) = self.disputes.get_mut(index) {
            *slot = copy;
        }
        Ok(Vec::new())
    }
}

type Step = (Stage, Vec<Warning>, Vec<Effect>);

/// The stage transitions: one event, one stage in, the next stage out — or the
/// error with the stage unchanged.
fn transition(
    stage: Stage,
    event: &Event,
    child: &Child,
    policy: &LocalPolicy,
    disputes: &[Dispute],
    cal: &HolidayCalendar,
) -> core::result::Result<Step, (Stage, Error)> {
    let on = event.on;
    let plain = |s: Stage| Ok((s, Vec::new(), Vec::new()));
    match (stage, &event.kind) {
        // Entering or re-entering SEN Support.
        (Stage::Ceased(_), EventKind::SenSupportStarted) => {
            plain(Stage::SenSupport(SenSupport::start(on)))
        }
        (Stage::NotAssessed(s), EventKind::ReturnedToSenSupport) => {
            plain(Stage::SenSupport(s.return_to_sen_support(on)))
        }
        (Stage::NotIssued(s), EventKind::ReturnedToSenSupport) => {
            plain(Stage::SenSupport(s.return_to_sen_support(on)))
        }

        // Requests.
        (Stage::SenSupport(s), EventKind::AssessmentRequested { agreement }) => {
            let prior = prior_assessment(disputes, on);
            s.request_assessment(on, &event.by, *agreement, prior)
                .map(|(next, w)| (Stage::RequestReceived(next), w, Vec::new()))
                .map_err(|(s, e)| (Stage::SenSupport(s), e))
        }
        (Stage::Ceased(c), EventKind::AssessmentRequested { agreement }) => SenSupport::start(on)
            .request_assessment(on, &event.by, *agreement, PriorAssessment::None)
            .map(|(next, w)| (Stage::RequestReceived(next), w, Vec::new()))
            .map_err(move |(_, e)| (Stage::Ceased(c), e)),
        (Stage::SenSupport(s), EventKind::BroughtToAttention) => {
            let prior = prior_assessment(disputes, on);
            plain(Stage::RequestReceived(
                s.brought_to_attention(on, &event.by, prior),
            ))
        }

        // Decision to assess.
        (Stage::RequestReceived(s), EventKind::DecidedToAssess) => {
            let facts = AdviceNeedsFacts {
                date_of_birth: child.date_of_birth,
                sensory_impairment: child.sensory_impairment,
                council_considers_appropriate: Vec::new(),
                requested_by_family: Vec::new(),
            };
            let required = match required_advice(&facts, on) {
                Ok(r) => r,
                Err(e) => return Err((Stage::RequestReceived(s), e)),
            };
            s.decide_to_assess(on, AssessmentAdvice::new(required))
                .map(|n| (Stage::Assessing(n), Vec::new(), Vec::new()))
                .map_err(|(s, e)| (Stage::RequestReceived(s), e))
        }
        (Stage::RequestReceived(s), EventKind::DecidedNotToAssess { panel_on, notice }) => {
            let panel_on = *panel_on;
            s.decide_not_to_assess(on, panel_on, notice)
                .map(|n| {
                    (
                        Stage::NotAssessed(n),
                        Vec::new(),
                        vec![
                            Effect::OpenDispute(AppealableDecision::RefusalToAssess),
                            Effect::OfferNsm(PanelOutcome::NoToAssess, panel_on),
                        ],
                    )
                })
                .map_err(|(s, e)| (Stage::RequestReceived(s), e))
        }

        // Assessment outcomes.
        (Stage::Assessing(s), EventKind::DecidedNotToIssue { panel_on, notice }) => {
            let panel_on = *panel_on;
            s.decide_not_to_issue(on, panel_on, notice)
                .map(|n| {
                    (
                        Stage::NotIssued(n),
                        Vec::new(),
                        vec![
                            Effect::OpenDispute(AppealableDecision::RefusalToIssue),
                            Effect::OfferNsm(PanelOutcome::NoToPlan, panel_on),
                        ],
                    )
                })
                .map_err(|(s, e)| (Stage::Assessing(s), e))
        }
        (Stage::Assessing(s), EventKind::DraftPlanIssued { names_school }) => s
            .issue_draft(on, names_school.as_deref(), cal)
            .map(|(n, w)| (Stage::DraftIssued(n), w, Vec::new()))
            .map_err(|(s, e)| (Stage::Assessing(s), e)),
        (Stage::DraftIssued(s), EventKind::DraftPlanIssued { names_school }) => s
            .reissue(on, names_school.as_deref())
            .map(|n| (Stage::DraftIssued(n), Vec::new(), Vec::new()))
            .map_err(|(s, e)| (Stage::DraftIssued(s), e)),
        (Stage::DraftIssued(s), EventKind::FinalPlanIssued { school, changes }) => {
            let request_received = s.request.received_on;
            s.issue_final(on, school, *changes, cal)
                .map(|n| {
                    let mut warnings = Vec::new();
                    if let Ok(due) = deadlines::final_plan_due(request_received, cal) {
                        if on > due.due() {
                            warnings.push(Warning::new(due.rule(), format!("issued after the 20-week limit of {}: record any exception that applies", due.due())));
                        }
                    }
                    (Stage::PlanMaintained(n), warnings, vec![Effect::OpenDispute(AppealableDecision::PlanContents), Effect::EndActiveAsc])
                })
                .map_err(|(s, e)| (Stage::DraftIssued(s), e))
        }
        (Stage::RequestReceived(s), EventKind::FinalPlanIssued { .. }) => Err((
            Stage::RequestReceived(s),
            broken(RuleId::TFinal20w, "a final plan follows a draft plan"),
        )),
        (Stage::Assessing(s), EventKind::FinalPlanIssued { .. }) => Err((
            Stage::Assessing(s),
            broken(
                RuleId::TDraftReps15d,
                "a final plan follows a draft plan and its 15-day representation period",
            ),
        )),

        // Reviews.
        (Stage::PlanMaintained(s), EventKind::ReviewMeetingScheduled { meeting_on, kind }) => s
            .schedule_review(on, *meeting_on, *kind, cal)
            .map(|(n, mut w)| {
                w.extend(super::reviews::review_focus(
                    child.date_of_birth,
                    *meeting_on,
                ));
                (Stage::ReviewScheduled(n), w, Vec::new())
            })
            .map_err(|(s, e)| (Stage::PlanMaintained(s), e)),
        (Stage::ReviewScheduled(s), EventKind::ReviewMeetingHeld) => s
            .hold(on)
            .map(|n| (Stage::ReviewHeld(n), Vec::new(), Vec::new()))
            .map_err(|(s, e)| (Stage::ReviewScheduled(s), e)),
        (Stage::ReviewHeld(s), EventKind::ReviewReportSent) => {
            plain(Stage::ReportSent(s.send_report(on)))
        }
        (Stage::ReviewHeld(s), EventKind::ReviewDecided { .. }) => Err((
            Stage::ReviewHeld(s),
            broken(
                RuleId::TReviewReport2w,
                "send the review report before deciding",
            ),
        )),
        (Stage::ReportSent(s), EventKind::ReviewDecided { outcome }) => {
            let next = match s.decide(on, *outcome, policy.review_anchor) {
                AfterReview::Maintained(p) => Stage::PlanMaintained(p),
                AfterReview::Amendment(a) => Stage::AmendmentProposed(a),
                AfterReview::Cease(c) => Stage::CeaseProposed(c),
            };
            plain(next)
        }

        // Amendments.
        (Stage::PlanMaintained(s), EventKind::AmendmentNoticeSent) => {
            plain(Stage::AmendmentProposed(s.propose_amendment(on)))
        }
        (Stage::AmendmentProposed(s), EventKind::AmendedPlanIssued { school }) => s
            .issue_amended(on, school, cal)
            .map(|n| {
                (
                    Stage::PlanMaintained(n),
                    Vec::new(),
                    vec![Effect::OpenDispute(AppealableDecision::PlanContents)],
                )
            })
            .map_err(|(s, e)| (Stage::AmendmentProposed(s), e)),
        (Stage::AmendmentProposed(s), EventKind::DecidedNotToAmend { notice }) => s
            .decide_not_to_amend(notice)
            .map(|n| {
                (
                    Stage::PlanMaintained(n),
                    Vec::new(),
                    vec![Effect::OpenDispute(AppealableDecision::RefusalToAmend)],
                )
            })
            .map_err(|(s, e)| (Stage::AmendmentProposed(s), e)),

        // Re-assessment.
        (Stage::PlanMaintained(s), EventKind::ReassessmentRequested) => s
            .request_reassessment(on, &event.by)
            .map(|(n, w)| (Stage::ReassessmentRequested(n), w, Vec::new()))
            .map_err(|(s, e)| (Stage::PlanMaintained(s), e)),
        (Stage::ReassessmentRequested(s), EventKind::ReassessmentRefused { notice }) => s
            .refuse(notice)
            .map(|n| {
                (
                    Stage::PlanMaintained(n),
                    Vec::new(),
                    vec![Effect::OpenDispute(AppealableDecision::RefusalToReassess)],
                )
            })
            .map_err(|(s, e)| (Stage::ReassessmentRequested(s), e)),
        (Stage::ReassessmentRequested(s), EventKind::ReassessmentAgreed) => {
            plain(Stage::Reassessing(s.agree(on)))
        }
        (Stage::Reassessing(s), EventKind::ReassessedPlanIssued { school }) => Ok((
            Stage::PlanMaintained(s.issue_plan(on, school)),
            Vec::new(),
            vec![Effect::OpenDispute(AppealableDecision::PlanContents)],
        )),

        // Ceasing.
        (Stage::PlanMaintained(s), EventKind::CeaseProposed) => {
            plain(Stage::CeaseProposed(s.propose_cease(on)))
        }
        (Stage::PlanMaintained(s), EventKind::CeaseDecided { .. }) => Err((
            Stage::PlanMaintained(s),
            broken(
                RuleId::CeaseProcedure,
                "propose ceasing and consult the family and the head or principal first",
            ),
        )),
        (Stage::CeaseProposed(s), EventKind::CeaseDecided { ground, notice }) => s
            .decide(on, *ground, notice, child.date_of_birth)
            .map(|n| {
                (
                    Stage::CeaseDecided(n),
                    Vec::new(),
                    vec![Effect::OpenDispute(AppealableDecision::Cease)],
                )
            })
            .map_err(|(s, e)| (Stage::CeaseProposed(s), e)),
        (Stage::CeaseProposed(s), EventKind::CeaseWithdrawn) => {
            plain(Stage::PlanMaintained(s.withdraw()))
        }
        (Stage::CeaseDecided(s), EventKind::CeaseWithdrawn) => {
            plain(Stage::PlanMaintained(s.withdraw()))
        }
        (Stage::CeaseDecided(s), EventKind::PlanCeased) => {
            let dispute = disputes.iter().rev().find(|d| {
                d.decision == AppealableDecision::Cease && d.notice_sent_on == s.notice_sent_on
            });
            let may_cease = match dispute {
                Some(d) => match d.outcome {
                    Some((_, AppealOutcome::Dismissed | AppealOutcome::Withdrawn)) => Ok(true),
                    Some((_, AppealOutcome::Upheld)) => Ok(false),
                    None => d.appeal_period_over(on, cal),
                },
                None => Ok(true),
            };
            match may_cease {
                Ok(true) => plain(Stage::Ceased(Ceased { ceased_on: on, ground: s.ground })),
                Ok(false) => Err((
                    Stage::CeaseDecided(s),
                    broken(RuleId::CeasePendingAppeal, "the plan is maintained until the appeal period ends or the appeal is decided"),
                )),
                Err(e) => Err((Stage::CeaseDecided(s), e)),
            }
        }

        // Anything else is not a legal move from this stage.
        (stage, kind) => {
            let rule = illegal_move_rule(kind);
            let e = broken(
                rule,
                format!("'{}' cannot happen at stage {}", kind.name(), stage.name()),
            );
            Err((stage, e))
        }
    }
}

/// The rule most relevant to an event refused at the wrong stage.
fn illegal_move_rule(kind: &EventKind) -> RuleId {
    match kind {
        EventKind::AssessmentRequested { .. } => RuleId::ReqWho,
        EventKind::BroughtToAttention => RuleId::ReqAttention,
        EventKind::DecidedToAssess | EventKind::DecidedNotToAssess { .. } => RuleId::TDecide6w,
        EventKind::DecidedNotToIssue { .. } => RuleId::TNotIssue16w,
        EventKind::DraftPlanIssued { .. } => RuleId::DraftNoSchool,
        EventKind::FinalPlanIssued { .. } => RuleId::TFinal20w,
        EventKind::ReviewMeetingScheduled { .. }
        | EventKind::ReviewMeetingHeld
        | EventKind::ReviewReportSent
        | EventKind::ReviewDecided { .. } => RuleId::TReview12m,
        EventKind::AmendmentNoticeSent
        | EventKind::AmendedPlanIssued { .. }
        | EventKind::DecidedNotToAmend { .. } => RuleId::TAmendFinal8w,
        EventKind::ReassessmentRequested
        | EventKind::ReassessmentRefused { .. }
        | EventKind::ReassessmentAgreed
        | EventKind::ReassessedPlanIssued { .. } => RuleId::ReassessWho,
        EventKind::CeaseProposed
        | EventKind::CeaseConsultationHeld
        | EventKind::CeaseDecided { .. }
        | EventKind::CeaseWithdrawn => RuleId::CeaseProcedure,
        EventKind::PlanCeased => RuleId::CeasePendingAppeal,
        EventKind::AdviceRequested { .. }
        | EventKind::AdviceRequestReceived { .. }
        | EventKind::AdviceReceived { .. } => RuleId::AdvTypes8,
        EventKind::RepresentationsReceived { .. } | EventKind::NoFurtherRepresentations => {
            RuleId::TDraftReps15d
        }
        EventKind::SchoolConsulted { .. } | EventKind::SchoolReplied { .. } => {
            RuleId::TSchoolConsult15d
        }
        EventKind::ReviewAdviceCirculated => RuleId::TReviewAdvice2w,
        EventKind::ConsideringNotified => RuleId::TConsiderNotify,
        EventKind::PhaseTransferPlanned { .. } => RuleId::TPhase15Feb,
        _ => RuleId::SupApdr,
    }
}

/// REQ-6M-PRIOR: whether an assessment concluded in the 6 months before `on`.
/// The case records an assessment as concluded by its "no to issue" notice.
fn prior_assessment(disputes: &[Dispute], on: NaiveDate) -> PriorAssessment {
    disputes
        .iter()
        .rev()
        .find(|d| d.decision == AppealableDecision::RefusalToIssue)
        .map(|d| d.notice_sent_on)
        .filter(|concluded| months_after(*concluded, 6).is_ok_and(|bar| on < bar))
        .map_or(PriorAssessment::None, PriorAssessment::Within6Months)
}
