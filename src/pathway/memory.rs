//! What a case costs to keep in memory: its hot state and its history,
//! counted from the types' own sizes and the capacities of what they own.
//! An estimate a service can sum over a caseload; heap allocator
//! overhead is not counted.

use core::mem::size_of;

use super::case::Case;
use super::event::{Actor, DecisionNotice, Event, EventKind};
use super::state::{Assessment, AssessmentStep, CaseState, Draft, Phase, RequestRoute};
use crate::exceptions::ExceptionClaim;

/// Bytes a case holds: hot state (what obligations read every day) and
/// history (read only to replay, audit and store).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct MemoryUse {
    /// The phase, activities, side tracks, SEN2 records and the child.
    pub hot_bytes: usize,
    /// The events and the compliance history.
    pub history_bytes: usize,
}

impl MemoryUse {
    /// Both together.
    pub fn total(&self) -> usize {
        self.hot_bytes.saturating_add(self.history_bytes)
    }
}

fn vec_bytes<T>(v: &Vec<T>) -> usize {
    v.capacity() * size_of::<T>()
}

fn actor_bytes(a: &Actor) -> usize {
    match a {
        Actor::Other(name) => name.len(),
        _ => 0,
    }
}

fn claim_bytes(c: &ExceptionClaim) -> usize {
    c.facts().len() + c.impractical_because().len()
}

fn draft_bytes(d: &Draft) -> usize {
    vec_bytes(&d.representations)
        + d.representations
            .iter()
            .map(|(_, s)| s.as_ref().map_or(0, String::capacity))
            .sum::<usize>()
        + vec_bytes(&d.consultations)
        + d.consultations
            .iter()
            .map(|c| c.school.capacity())
            .sum::<usize>()
}

fn assessment_bytes(a: &Assessment) -> usize {
    let route = match &a.route {
        RequestRoute::Request { by, .. } | RequestRoute::BroughtToAttention { by } => {
            actor_bytes(by)
        }
        RequestRoute::TransferredIn { from_council } => from_council.capacity(),
        _ => 0,
    };
    let advice = a.advice().map_or(0, |advice| {
        core::mem::size_of_val(advice.requests())
            + core::mem::size_of_val(advice.required())
            + advice
                .requests()
                .iter()
                .map(|r| r.body().len() + r.contact().len())
                .sum::<usize>()
    });
    let draft = match &a.step {
        AssessmentStep::DraftIssued { draft, .. } => draft_bytes(draft),
        _ => 0,
    };
    route
        + advice
        + draft
        + vec_bytes(&a.exceptions)
        + a.exceptions.iter().map(claim_bytes).sum::<usize>()
}

pub(crate) fn state_bytes(s: &CaseState) -> usize {
    let phase = match &s.phase {
        Phase::Assessment(a) => assessment_bytes(a),
        Phase::Plan(p) => {
            p.school.capacity()
                + p.amendment.as_ref().map_or(0, |a| draft_bytes(&a.notice))
                + p.reassessment.as_ref().map_or(0, |r| {
                    r.draft.as_ref().map_or(0, draft_bytes) + vec_bytes(&r.exceptions)
                })
                + p.transfer_in
                    .as_ref()
                    .map_or(0, |t| t.from_council.capacity())
        }
        Phase::TransferredOut { to_council, .. } => to_council.capacity(),
        _ => 0,
    };
    let contracts = s.contracts.len() * size_of::<crate::asc::AdditionalSupportContract>()
        + s.contracts
            .iter()
            .map(|k| {
                k.contract.request_details().child.len()
                    + k.contract.request_details().setting.len()
            })
            .sum::<usize>();
    size_of::<CaseState>()
        + phase
        + vec_bytes(&s.support.apdr_reviews)
        + vec_bytes(&s.disputes)
        + vec_bytes(&s.meetings)
        + vec_bytes(&s.contracts)
        + contracts
        + s.asc_awards.terms_funded()
            * 2
            * (size_of::<crate::calendar::TermId>() + size_of::<crate::money::Pounds>() + 32)
        + vec_bytes(&s.sen2)
}

fn event_heap(e: &Event) -> usize {
    let kind = match &e.kind {
        EventKind::DecidedNotToAssess { notice, .. }
        | EventKind::DecidedNotToIssue { notice, .. }
        | EventKind::DecidedNotToAmend { notice }
        | EventKind::ReassessmentRefused { notice }
        | EventKind::CeaseDecided { notice, .. } => {
            size_of::<DecisionNotice>() + notice.reasons.capacity() + vec_bytes(&notice.includes)
        }
        EventKind::AdviceRequested { body, contact, .. } => body.len() + contact.len(),
        EventKind::DraftPlanIssued { names_school }
        | EventKind::RepresentationsReceived {
            requested_school: names_school,
        } => names_school.as_ref().map_or(0, |s| s.len()),
        EventKind::SchoolConsulted { school }
        | EventKind::FinalPlanIssued { school, .. }
        | EventKind::ExistingPlanLoaded { school, .. }
        | EventKind::AmendedPlanIssued { school }
        | EventKind::ReassessedPlanIssued { school } => school.len(),
        EventKind::PlanTransferredIn {
            from_council,
            school,
            ..
        } => from_council.len() + school.len(),
        EventKind::AssessmentTransferredIn { from_council } => from_council.len(),
        EventKind::TransferredOut { to_council } => to_council.len(),
        EventKind::ExceptionRecorded { claim }
        | EventKind::AdviceExceptionRecorded { claim, .. } => {
            size_of::<ExceptionClaim>() + claim_bytes(claim)
        }
        EventKind::ReviewConductRecorded { duties } => vec_bytes(duties),
        EventKind::AscRequested { request } => {
            size_of::<crate::asc::AscRequest>() + request.child.len() + request.setting.len()
        }
        _ => 0,
    };
    kind + actor_bytes(&e.by)
}

pub(crate) fn memory(case: &Case) -> MemoryUse {
    let (child, policy, history, compliance) = case.parts();
    let hot = state_bytes(case.state())
        + size_of::<Case>()
        + child.reference.capacity()
        + policy.council.capacity()
        + vec_bytes(case.earlier_policies())
        + case
            .earlier_policies()
            .iter()
            .map(|p| p.policy().council.capacity())
            .sum::<usize>();
    let history_bytes = core::mem::size_of_val(history)
        + history.iter().map(event_heap).sum::<usize>()
        + core::mem::size_of_val(compliance);
    MemoryUse {
        hot_bytes: hot,
        history_bytes,
    }
}
