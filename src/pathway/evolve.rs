//! Evolve: apply accepted effects. Total: it never fails and never judges.
//!
//! Replaying a stored history uses only this step (after the consistency
//! checks of [`decide`](super::decide) in [`Judging::Stored`](super::decide::Judging)
//! mode), so a record is read back exactly as it was accepted.

use chrono::NaiveDate;

use super::decide::Effect;
use super::event::ReviewOutcome;
use super::ids::{ConsultationId, ContractId, DisputeId, MeetingId};
use super::sen2;
use super::state::{
    Amendment, AscTrack, AssessmentStep, CaseState, CeaseProposal, Consultation, Dispute, Draft,
    NsmTrack, Phase, Plan, Reassessment, Review, TransferIn,
};
use crate::advice::AssessmentAdvice;
use crate::nsm::FamilyResponse;

/// Apply one accepted effect of an event dated `on`.
pub(crate) fn evolve(state: &mut CaseState, effect: Effect, on: NaiveDate) {
    match effect {
        Effect::SupportStarted => {
            state.support.started_on = Some(on);
            if matches!(state.phase, Phase::Ceased { .. }) {
                state.phase = Phase::SenSupport { since: on };
            }
        }
        Effect::ParentsInformed => state.support.parents_informed_on = Some(on),
        Effect::ApdrReviewed => state.support.apdr_reviews.push(on),
        Effect::AssessmentOpened(assessment) => {
            sen2::request_received(state, on);
            state.phase = Phase::Assessment(Box::new(*assessment));
        }
        Effect::ConsideringNotified => {
            if let Phase::Assessment(a) = &mut state.phase {
                a.considering_notified_on = Some(on);
            }
        }
        Effect::DecidedToAssess(advice) => {
            if let Phase::Assessment(a) = &mut state.phase {
                a.step = AssessmentStep::Assessing {
                    decided_on: on,
                    advice,
                };
            }
            sen2::decided_to_assess(state, on);
        }
        Effect::AdviceAdded(request) => {
            if let Some(advice) = advice_mut(state) {
                // The request was issued by `decide`; adding it cannot fail there.
                let _ = advice.add_request(*request);
            }
        }
        Effect::AdviceUpdated(id, request) => {
            if let Some(slot) = advice_mut(state).and_then(|a| a.request_mut(id)) {
                *slot = *request;
            }
        }
        Effect::AssessmentException(claim) => {
            // SEN2-ASSESSMENT: `Week20` is about the statutory 20 weeks only;
            // EXC-COVID also excuses an order's periods, and that must not set it.
            if on_statutory_clocks(state) {
                sen2::exception(state, &claim);
            }
            if let Phase::Assessment(a) = &mut state.phase {
                a.exceptions.push(claim);
            }
        }
        Effect::AmendmentException(claim) => {
            if let Some(a) = plan_mut(state).and_then(|p| p.amendment.as_mut()) {
                a.exceptions.push(claim);
            }
        }
        Effect::ReassessmentException(claim) => {
            if let Some(r) = plan_mut(state).and_then(|p| p.reassessment.as_mut()) {
                r.exceptions.push(claim);
            }
        }
        Effect::AssessmentRefused(outcome) => {
            sen2::refused(state, outcome, on);
            // REQ-6M-PRIOR: only an assessment carried out counts (a "no" to
            // issue after assessing), never a refusal to assess.
            if outcome == crate::nsm::PanelOutcome::NoToPlan {
                state.last_assessment_concluded = Some(on);
            }
            state.phase = Phase::SenSupport { since: on };
        }
        Effect::DraftServed => {
            if let Phase::Assessment(a) = &mut state.phase {
                let step = core::mem::replace(&mut a.step, AssessmentStep::Requested);
                a.step = match step {
                    AssessmentStep::Assessing { decided_on, advice }
                    | AssessmentStep::DraftIssued {
                        decided_on, advice, ..
                    } => AssessmentStep::DraftIssued {
                        decided_on,
                        advice,
                        draft: Draft::served(on),
                    },
                    other => other,
                };
            }
        }
        Effect::ReassessmentDraftServed => {
            if let Some(r) = plan_mut(state).and_then(|p| p.reassessment.as_mut()) {
                r.draft = Some(Draft::served(on));
            }
        }
        Effect::Representation(school) => {
            if let Some(d) = open_draft_mut(state) {
                d.representations.push((on, school));
            }
        }
        Effect::NoFurtherRepresentations => {
            if let Some(d) = open_draft_mut(state) {
                d.no_further_representations_on = Some(on);
            }
        }
        Effect::Consulted(school) => {
            if let Some(d) = open_draft_mut(state) {
                if let Some(id) = ConsultationId::next(d.consultations.len()) {
                    d.consultations.push(Consultation {
                        id,
                        school,
                        sent_on: on,
                        replied_on: None,
                    });
                }
            }
        }
        Effect::ConsultationReplied(id) => {
            if let Some(c) = open_draft_mut(state).and_then(|d| d.consultations.get_mut(id.index()))
            {
                c.replied_on = Some(on);
            }
        }
        Effect::PlanMade(school) => {
            // SEN2-REQUEST: a plan made on a tribunal's order leaves the original outcome standing.
            if on_statutory_clocks(state) {
                sen2::plan_issued(state, on);
            }
            state.last_assessment_concluded = Some(on);
            state.phase = Phase::Plan(Box::new(Plan::new(on, school)));
        }
        Effect::PlanLoaded {
            issued_on,
            last_reviewed_on,
            school,
        } => {
            let mut plan = Plan::new(issued_on, school);
            plan.last_reviewed_on = last_reviewed_on;
            state.last_assessment_concluded = Some(issued_on);
            state.phase = Phase::Plan(Box::new(plan));
        }
        Effect::OpenDispute(decision) => {
            if let Some(id) = DisputeId::next(state.disputes.len()) {
                state.disputes.push(Dispute::open(id, decision, on));
            }
        }
        Effect::UpdateDispute(dispute) => {
            sen2::dispute_updated(state, &dispute);
            if let Some(slot) = state.disputes.get_mut(dispute.id.index()) {
                *slot = dispute;
            }
        }
        Effect::OfferMeeting(after, panel_on, availability) => {
            if let Some(id) = MeetingId::next(state.meetings.len()) {
                state.meetings.push(NsmTrack {
                    id,
                    after,
                    panel_on,
                    availability,
                    response: FamilyResponse::Awaiting,
                    held_on: None,
                    arranged: None,
                });
            }
        }
        Effect::UpdateMeeting(track) => {
            if let Some(slot) = state.meetings.get_mut(track.id.index()) {
                *slot = track;
            }
        }
        Effect::ReturnedToSupport => state.phase = Phase::SenSupport { since: on },
        Effect::ContractOpened(contract) => {
            if let Some(id) = ContractId::next(state.contracts.len()) {
                state.contracts.push(AscTrack {
                    id,
                    contract: *contract,
                });
            }
        }
        Effect::ContractUpdated(id, contract) => {
            if let Some(slot) = state.contracts.get_mut(id.index()) {
                slot.contract = *contract;
            }
        }
        Effect::AscAward(term, amount) => {
            // Checked by `decide` against the same tally; it cannot overflow there.
            let _ = state.asc_awards.add_term(term, amount);
        }
        Effect::PhaseTransferPlanned(transfer) => {
            if let Some(p) = plan_mut(state) {
                p.phase_transfer = Some(transfer);
            }
        }
        Effect::ReviewScheduled(meeting_on, kind) => {
            if let Some(p) = plan_mut(state) {
                p.review = Some(Review {
                    kind,
                    scheduled_on: on,
                    meeting_on,
                    advice_circulated_on: None,
                    held_on: None,
                    report_sent_on: None,
                    decided: None,
                    conduct: 0,
                });
            }
        }
        Effect::ReviewAdviceCirculated => review_mut(state, |r| r.advice_circulated_on = Some(on)),
        Effect::ReviewHeld => review_mut(state, |r| r.held_on = Some(on)),
        Effect::ReviewReportSent => review_mut(state, |r| r.report_sent_on = Some(on)),
        Effect::ReviewConduct(bits) => review_mut(state, |r| r.conduct |= bits),
        Effect::ReviewDecided(outcome) => {
            let meeting = plan_mut(state).and_then(|p| p.review.map(|r| r.meeting_on));
            sen2::reviewed(state, meeting, on, outcome);
            if let Some(p) = plan_mut(state) {
                p.last_reviewed_on = Some(on);
                // "Amend" keeps the review open until its amendment notice goes.
                p.review = match (outcome, p.review) {
                    (ReviewOutcome::Amend, Some(mut r)) => {
                        r.decided = Some((on, outcome));
                        Some(r)
                    }
                    _ => None,
                };
            }
        }
        Effect::AmendmentStarted => {
            if let Some(p) = plan_mut(state) {
                p.amendment = Some(Amendment {
                    notice: Draft::served(on),
                    ordered: None,
                    exceptions: Vec::new(),
                });
                if p.review.is_some_and(|r| r.decided.is_some()) {
                    p.review = None;
                }
            }
        }
        Effect::AmendedPlanIssued(school) => {
            if let Some(p) = plan_mut(state) {
                p.amendment = None;
                p.school = school;
                if let Some(t) = p.phase_transfer.as_mut() {
                    t.amended_on = Some(on);
                }
            }
        }
        Effect::AmendmentClosed => {
            if let Some(p) = plan_mut(state) {
                p.amendment = None;
            }
        }
        Effect::ReassessmentRequested => {
            if let Some(p) = plan_mut(state) {
                p.reassessment = Some(Reassessment {
                    ordered: None,
                    requested_on: Some(on),
                    agreed_on: None,
                    draft: None,
                    exceptions: Vec::new(),
                });
            }
        }
        Effect::ReassessmentAgreed => {
            if let Some(p) = plan_mut(state) {
                let r = p.reassessment.get_or_insert(Reassessment {
                    ordered: None,
                    requested_on: None,
                    agreed_on: None,
                    draft: None,
                    exceptions: Vec::new(),
                });
                r.agreed_on = Some(on);
            }
        }
        Effect::ReassessmentClosed => {
            if let Some(p) = plan_mut(state) {
                p.reassessment = None;
            }
        }
        Effect::ReassessedPlanIssued(school) => {
            state.last_assessment_concluded = Some(on);
            if let Some(p) = plan_mut(state) {
                p.reassessment = None;
                p.school = school;
            }
        }
        Effect::CeaseProposed => {
            if let Some(p) = plan_mut(state) {
                p.cease = Some(CeaseProposal {
                    proposed_on: on,
                    consulted_on: None,
                    decided: None,
                });
            }
        }
        Effect::CeaseConsulted => {
            if let Some(c) = plan_mut(state).and_then(|p| p.cease.as_mut()) {
                c.consulted_on = Some(on);
            }
        }
        Effect::CeaseDecided(ground, dispute) => {
            if let Some(c) = plan_mut(state).and_then(|p| p.cease.as_mut()) {
                c.decided = Some((on, ground, dispute));
            }
        }
        Effect::CeaseWithdrawn => {
            if let Some(p) = plan_mut(state) {
                p.cease = None;
            }
        }
        Effect::PlanTransferredIn {
            from_council,
            plan_made_on,
            last_reviewed_on,
            school,
        } => {
            // TRANSFER-DEEMED: treated as made by this council on the date the old one made it.
            let mut plan = Plan::new(plan_made_on, school);
            plan.last_reviewed_on = last_reviewed_on;
            plan.transfer_in = Some(TransferIn {
                from_council,
                transferred_on: on,
                notified_on: None,
                first_review_anchor: last_reviewed_on.unwrap_or(plan_made_on),
            });
            state.last_assessment_concluded = Some(plan_made_on);
            state.phase = Phase::Plan(Box::new(plan));
        }
        Effect::TransferNotified => {
            if let Some(t) = plan_mut(state).and_then(|p| p.transfer_in.as_mut()) {
                t.notified_on = Some(on);
            }
        }
        Effect::TransferredOut(to_council) => {
            sen2::transferred_out(state, on);
            state.phase = Phase::TransferredOut { on, to_council };
        }
        Effect::Ordered(assessment) => {
            sen2::tribunal(state);
            state.phase = Phase::Assessment(Box::new(*assessment));
        }
        Effect::OrderedReassessment(route) => {
            if let Some(p) = plan_mut(state) {
                p.reassessment = Some(Reassessment {
                    ordered: Some((route, on)),
                    requested_on: None,
                    agreed_on: None,
                    draft: None,
                    exceptions: Vec::new(),
                });
            }
        }
        Effect::OrderedAmendment(route, placement_only) => {
            if let Some(p) = plan_mut(state) {
                p.amendment = Some(Amendment {
                    notice: Draft::served(on),
                    ordered: Some((route, placement_only)),
                    exceptions: Vec::new(),
                });
            }
        }
        Effect::Ceased(ground) => {
            sen2::ceased(state, on, ground);
            state.phase = Phase::Ceased { on, ground };
        }
    }
}

fn plan_mut(state: &mut CaseState) -> Option<&mut Plan> {
    match &mut state.phase {
        Phase::Plan(p) => Some(p),
        _ => None,
    }
}

fn review_mut(state: &mut CaseState, change: impl FnOnce(&mut Review)) {
    if let Some(r) = plan_mut(state).and_then(|p| p.review.as_mut()) {
        change(r);
    }
}

fn advice_mut(state: &mut CaseState) -> Option<&mut AssessmentAdvice> {
    match &mut state.phase {
        Phase::Assessment(a) => match &mut a.step {
            AssessmentStep::Assessing { advice, .. }
            | AssessmentStep::DraftIssued { advice, .. } => Some(advice),
            AssessmentStep::Requested => None,
        },
        _ => None,
    }
}

fn open_draft_mut(state: &mut CaseState) -> Option<&mut Draft> {
    match &mut state.phase {
        Phase::Assessment(a) => match &mut a.step {
            AssessmentStep::DraftIssued { draft, .. } => Some(draft),
            _ => None,
        },
        Phase::Plan(p) => match (&mut p.amendment, &mut p.reassessment) {
            (Some(a), _) => Some(&mut a.notice),
            (None, Some(r)) => r.draft.as_mut(),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the case is in an assessment running the statutory clocks (not a
/// tribunal order's or a concession's): the SEN2 record follows only those.
fn on_statutory_clocks(state: &CaseState) -> bool {
    state
        .phase
        .assessment()
        .is_some_and(|a| a.clocks == super::state::Clocks::Statutory)
}
