//! What a case owes today ([`Case::obligations`](super::Case::obligations)) and
//! what may legally happen next ([`Case::next_events`](super::Case::next_events)).
//!
//! Every date comes from the `deadlines` function that owns its rule; this
//! module only decides which clocks are running in the case's state. Closed
//! tracks (decided disputes, held meetings, received advice) cost nothing.

use core::fmt;

use chrono::NaiveDate;

use super::compliance::{
    amendment_due, assessment_clocks, reassessment_plan_due, review_due, status_of,
};
use super::event::MediationChoice;
use super::ids::{ConsultationId, DisputeId, MeetingId};
use super::state::{AssessmentStep, CaseState, Draft, OrderRoute, Phase};
use super::Child;
use crate::advice::AdviceId;
use crate::calendar::{birthday, HolidayCalendar};
use crate::deadlines::{self, Convention, Deadline};
use crate::error::Result;
use crate::exceptions::{Act, ExceptionClaim, Status};
use crate::nsm::FamilyResponse;
use crate::policy::LocalPolicy;
use crate::rule::RuleId;

/// What an obligation is about; rendered to words only by `Display`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "subject", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum Subject {
    /// Decide whether to assess and notify (T-DECIDE-6W).
    DecisionToAssess,
    /// One advice request (T-ADVICE-6W).
    Advice {
        /// Which request.
        advice: AdviceId,
    },
    /// The week-14 draft target (T-DRAFT-14W).
    DraftTarget,
    /// A decision not to issue, if that is the decision (T-NOTISSUE-16W).
    DecisionNotToIssue,
    /// The final plan (T-FINAL-20W).
    FinalPlan,
    /// The family's representation window on a draft (T-DRAFT-REPS-15D).
    DraftRepresentations,
    /// A consulted school's reply (T-SCHOOL-CONSULT-15D).
    SchoolReply {
        /// Which consultation.
        consultation: ConsultationId,
    },
    /// The annual review (T-REVIEW-12M).
    AnnualReview,
    /// The under-5 review (T-REVIEW-UNDER5).
    UnderFiveReview,
    /// The plan amended for a phase transfer (T-PHASE-*).
    PhaseTransfer,
    /// Review invitations (T-REVIEW-INVITE-2W).
    ReviewInvitations,
    /// Review advice circulated (T-REVIEW-ADVICE-2W).
    ReviewAdvice,
    /// Review report (T-REVIEW-REPORT-2W).
    ReviewReport,
    /// Review decision (T-REVIEW-DECISION-4W).
    ReviewDecision,
    /// Amendment notice after a review (T-AMEND-NOTICE-4W).
    AmendmentNotice,
    /// Representation window on proposed amendments (T-AMEND-REPS-15D).
    AmendmentRepresentations,
    /// The amended plan, or notice of not amending (T-AMEND-FINAL-8W).
    AmendedPlan,
    /// Decision on a re-assessment request (T-REASSESS-DECIDE-15D).
    ReassessmentDecision,
    /// The plan after re-assessment (T-REASSESS-FINAL-14W).
    ReassessedPlan,
    /// The Next Steps Meeting (NSM-WITHIN-2W).
    NextStepsMeeting {
        /// Which meeting.
        meeting: MeetingId,
    },
    /// The family contacts the mediation adviser (T-MED-CONTACT-2M).
    MediationContact {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// The mediation certificate (T-MED-CERT-3WD).
    MediationCertificate {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// Mediation held (T-MED-HELD-30D).
    MediationHeld {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// The certificate after mediation (T-MED-CERT-OTHER-3WD).
    CertificateAfterMediation {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// The family's appeal reaches the tribunal (T-APPEAL-2M-1M).
    Appeal {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// The family told that a plan has transferred in (T-TRANSFER-NOTIFY-6W).
    TransferNotification,
    /// Actions agreed at mediation (T-MED-AGREEMENT).
    MediationAgreement {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// The health commissioner told the health issues (T-MED-HEALTH-3WD).
    HealthCommissionerTold {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// Health-only mediation held by the commissioner (T-MED-HEALTH-3WD).
    HealthMediationHeld {
        /// Which dispute.
        dispute: DisputeId,
    },
    /// The written response to a tribunal recommendation (T-ORDER-RECOMMEND-5W).
    RecommendationResponse {
        /// Which dispute.
        dispute: DisputeId,
    },
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Subject::DecisionToAssess => "Decide whether to assess and notify".to_owned(),
            Subject::Advice { advice } => format!("Advice for {advice}"),
            Subject::DraftTarget => "Draft plan (target)".to_owned(),
            Subject::DecisionNotToIssue => {
                "Notify a decision not to issue, if that is the decision".to_owned()
            }
            Subject::FinalPlan => "Issue the final EHC plan".to_owned(),
            Subject::DraftRepresentations => {
                "Family's representations on the draft (window closes)".to_owned()
            }
            Subject::SchoolReply { consultation } => {
                format!("School's reply on the placement ({consultation})")
            }
            Subject::AnnualReview => "Annual review".to_owned(),
            Subject::UnderFiveReview => "Under-5 review".to_owned(),
            Subject::PhaseTransfer => "Plan amended for the phase transfer".to_owned(),
            Subject::ReviewInvitations => "Review invitations (two weeks' notice)".to_owned(),
            Subject::ReviewAdvice => "Review advice circulated".to_owned(),
            Subject::ReviewReport => "Review report to the council and invitees".to_owned(),
            Subject::ReviewDecision => "Review decision notified".to_owned(),
            Subject::AmendmentNotice => "Amendment notice".to_owned(),
            Subject::AmendmentRepresentations => {
                "Family's representations on the amendments (window closes)".to_owned()
            }
            Subject::AmendedPlan => "Issue the amended plan (or notify not amending)".to_owned(),
            Subject::ReassessmentDecision => "Decide on the re-assessment request".to_owned(),
            Subject::ReassessedPlan => "Issue the plan after re-assessment".to_owned(),
            Subject::NextStepsMeeting { meeting } => format!("Next Steps Meeting held ({meeting})"),
            Subject::MediationContact { dispute } => {
                format!("Family contacts the mediation adviser ({dispute})")
            }
            Subject::MediationCertificate { dispute } => {
                format!("Mediation certificate ({dispute})")
            }
            Subject::MediationHeld { dispute } => format!("Mediation held ({dispute})"),
            Subject::CertificateAfterMediation { dispute } => {
                format!("Certificate after mediation ({dispute})")
            }
            Subject::Appeal { dispute } => {
                format!("Family's appeal reaches the tribunal ({dispute})")
            }
            Subject::TransferNotification => "Tell the family the plan has transferred".to_owned(),
            Subject::MediationAgreement { dispute } => {
                format!("Actions agreed at mediation ({dispute})")
            }
            Subject::HealthCommissionerTold { dispute } => {
                format!("Tell the health commissioner the health issues ({dispute})")
            }
            Subject::HealthMediationHeld { dispute } => {
                format!("Health mediation held ({dispute})")
            }
            Subject::RecommendationResponse { dispute } => {
                format!("Respond to the tribunal's recommendation ({dispute})")
            }
        };
        f.pad(&text)
    }
}

/// One thing due in a case: what, by when (with its rule), and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Obligation {
    /// What is due.
    pub subject: Subject,
    /// The deadline, with its rule and source.
    pub deadline: Deadline,
    /// Met, pending, overdue, late or excused, today.
    pub status: Status,
    /// Days from today to the due date (negative once overdue).
    pub days_left: i64,
}

impl Obligation {
    /// The rule the deadline comes from.
    pub fn rule(&self) -> RuleId {
        self.deadline.rule()
    }
}

impl fmt::Display for Obligation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!(
            "{} by {} ({}): {}",
            self.subject,
            self.deadline.due(),
            self.rule(),
            self.status
        ))
    }
}

/// A running clock of the case, worked out once for a calendar: what is due,
/// by when, and everything about its status that does not depend on today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clock {
    subject: Subject,
    deadline: Deadline,
    /// The act's status when it is already done (fixed for good).
    done: Option<Status>,
    /// The exception that excuses the deadline if it is missed.
    excuse: Option<crate::exceptions::ExceptionId>,
    /// The last day the obligation is shown (a window that closes, a family's
    /// deadline that passes, the under-5 reviews).
    shown_until: Option<NaiveDate>,
}

impl Clock {
    /// The obligation on `today`, or `None` once it is no longer shown.
    #[inline]
    pub(crate) fn on(&self, today: NaiveDate) -> Option<Obligation> {
        if self.shown_until.is_some_and(|last| today > last) {
            return None;
        }
        let status = match self.done {
            Some(status) => status,
            None if today <= self.deadline.due() => Status::Pending,
            None => self.excuse.map_or(Status::Overdue, Status::MissedExcused),
        };
        Some(Obligation {
            subject: self.subject,
            deadline: self.deadline,
            status,
            days_left: self.deadline.days_left(today),
        })
    }
}

/// The clocks of a case worked out with one calendar, and that calendar's
/// fingerprint: the hot part of a case that obligations read every day.
#[derive(Debug, Clone, Default)]
pub(crate) struct Clocks {
    /// The calendar's fingerprint and the day the clocks were worked out for.
    pub(crate) calendar: Option<(u64, NaiveDate)>,
    pub(crate) clocks: Vec<Clock>,
    pub(crate) error: Option<crate::error::Error>,
}

impl Clocks {
    pub(crate) fn compute(
        state: &CaseState,
        child: &Child,
        policy: &LocalPolicy,
        cal: &HolidayCalendar,
        as_of: NaiveDate,
    ) -> Self {
        let (clocks, error) = match open_clocks(state, child, policy, cal, as_of) {
            Ok(clocks) => (clocks, None),
            Err(error) => (Vec::new(), Some(error)),
        };
        Clocks {
            calendar: Some((cal.fingerprint(), as_of)),
            clocks,
            error,
        }
    }

    /// The clocks for `cal` on `today`, if these were worked out with that
    /// calendar for a day no later than `today`.
    pub(crate) fn for_calendar(
        &self,
        cal: &HolidayCalendar,
        today: NaiveDate,
    ) -> Option<Result<&[Clock]>> {
        let (fingerprint, as_of) = self.calendar?;
        (fingerprint == cal.fingerprint() && today >= as_of).then(|| match &self.error {
            Some(e) => Err(e.clone()),
            None => Ok(self.clocks.as_slice()),
        })
    }
}

struct Collector<'a> {
    out: Vec<Clock>,
    claims: &'a [ExceptionClaim],
    /// The last day shown for every clock pushed while it is set (a dispute's track).
    shown_until: Option<NaiveDate>,
}

impl Collector<'_> {
    fn push(&mut self, subject: Subject, deadline: Result<Deadline>, act: Act) -> Result<()> {
        self.push_until(subject, deadline, act, None)
    }

    fn push_until(
        &mut self,
        subject: Subject,
        deadline: Result<Deadline>,
        act: Act,
        shown_until: Option<NaiveDate>,
    ) -> Result<()> {
        let deadline = deadline?;
        let claims = self.claims;
        let shown_until = match (shown_until, self.shown_until) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.push_clock(subject, deadline, act, shown_until, claims)
    }

    fn push_clock(
        &mut self,
        subject: Subject,
        deadline: Deadline,
        act: Act,
        shown_until: Option<NaiveDate>,
        claims: &[ExceptionClaim],
    ) -> Result<()> {
        // Status of a done act is fixed; for one not done, only "late or not" depends on today.
        let done = match act {
            Act::Done(on) => Some(status_of(&deadline, act, on, claims)?),
            Act::NotDone => None,
        };
        let excuse = claims
            .iter()
            .find(|c| c.exception().excuses(deadline.rule()) && c.check_against(&deadline).is_ok())
            .map(ExceptionClaim::exception);
        self.out.push(Clock {
            subject,
            deadline,
            done,
            excuse,
            shown_until,
        });
        Ok(())
    }

    fn window(
        &mut self,
        subject: Subject,
        draft: &Draft,
        deadline: Result<Deadline>,
    ) -> Result<()> {
        let deadline = deadline?;
        if draft.no_further_representations_on.is_none() {
            self.push_until(subject, Ok(deadline), Act::NotDone, Some(deadline.due()))?;
        }
        Ok(())
    }
}

fn done(date: Option<NaiveDate>) -> Act {
    date.map_or(Act::NotDone, Act::Done)
}

/// Every running clock of the case, soonest first, for any day from `as_of`
/// on: statuses are judged later, on the day asked.
pub(crate) fn open_clocks(
    state: &CaseState,
    child: &Child,
    policy: &LocalPolicy,
    cal: &HolidayCalendar,
    as_of: NaiveDate,
) -> Result<Vec<Clock>> {
    let mut c = Collector {
        out: Vec::with_capacity(6),
        claims: &[],
        shown_until: None,
    };
    match &state.phase {
        Phase::Assessment(a) => {
            c.claims = &a.exceptions;
            let anchor = a.anchor;
            let clocks = assessment_clocks(a, cal)?;
            match &a.step {
                AssessmentStep::Requested => {
                    if let Some(d) = clocks.decision {
                        c.push(Subject::DecisionToAssess, Ok(d), Act::NotDone)?;
                    }
                }
                AssessmentStep::Assessing { advice, .. } => {
                    for (i, request) in advice.requests().iter().enumerate() {
                        if !request.is_open() {
                            continue;
                        }
                        let Ok(id) = AdviceId::try_from(i) else { break };
                        let deadline = request.compliance_deadline(cal)?;
                        c.push_clock(
                            Subject::Advice { advice: id },
                            deadline,
                            Act::NotDone,
                            None,
                            request.exceptions(),
                        )?;
                    }
                    match clocks.draft {
                        // After an order to make a plan the draft is a legal limit (T-ORDER-PLAN).
                        Some(d) => c.push(Subject::DraftTarget, Ok(d), Act::NotDone)?,
                        None => c.push(
                            Subject::DraftTarget,
                            deadlines::draft_target(anchor, cal),
                            Act::NotDone,
                        )?,
                    }
                    if let Some(d) = clocks.not_to_issue {
                        c.push(Subject::DecisionNotToIssue, Ok(d), Act::NotDone)?;
                    }
                    c.push(Subject::FinalPlan, Ok(clocks.final_plan), Act::NotDone)?;
                }
                AssessmentStep::DraftIssued { draft, .. } => {
                    c.window(
                        Subject::DraftRepresentations,
                        draft,
                        deadlines::draft_representations_window(draft.served_on, cal),
                    )?;
                    for k in &draft.consultations {
                        c.push(
                            Subject::SchoolReply { consultation: k.id },
                            deadlines::school_consultation_reply_due(k.sent_on, cal),
                            done(k.replied_on),
                        )?;
                    }
                    c.push(Subject::FinalPlan, Ok(clocks.final_plan), Act::NotDone)?;
                }
            }
        }
        Phase::Plan(plan) => {
            c.push(
                Subject::AnnualReview,
                review_due(plan, policy, cal),
                Act::NotDone,
            )?;
            if let Some(t) = plan
                .transfer_in
                .as_ref()
                .filter(|t| t.notified_on.is_none())
            {
                c.push(
                    Subject::TransferNotification,
                    deadlines::transfer_notification_due(t.transferred_on, cal),
                    Act::NotDone,
                )?;
            }
            // T-REVIEW-UNDER5 applies while the child is under 5.
            let fifth = birthday(child.date_of_birth, 5)?;
            if as_of < fifth {
                c.push_until(
                    Subject::UnderFiveReview,
                    deadlines::under_five_review_due(
                        plan.review_anchor(),
                        policy.under_five_interval,
                        cal,
                    ),
                    Act::NotDone,
                    fifth.pred_opt(),
                )?;
            }
            if let Some(t) = plan.phase_transfer {
                c.push(
                    Subject::PhaseTransfer,
                    deadlines::phase_transfer_due(
                        t.transfer_on,
                        t.transfer,
                        policy.phase_transfer,
                        cal,
                    ),
                    done(t.amended_on),
                )?;
            }
            if let Some(r) = plan.review {
                match r.decided {
                    None => {
                        c.push(
                            Subject::ReviewInvitations,
                            deadlines::review_invitations_due(r.meeting_on, cal),
                            Act::Done(r.scheduled_on),
                        )?;
                        if r.held_on.is_none() {
                            c.push(
                                Subject::ReviewAdvice,
                                deadlines::review_advice_due(r.meeting_on, cal),
                                done(r.advice_circulated_on),
                            )?;
                        } else {
                            c.push(
                                Subject::ReviewReport,
                                deadlines::review_report_due(r.meeting_on, cal),
                                done(r.report_sent_on),
                            )?;
                            c.push(
                                Subject::ReviewDecision,
                                deadlines::review_decision_due(r.meeting_on, cal),
                                Act::NotDone,
                            )?;
                        }
                    }
                    Some(_) => c.push(
                        Subject::AmendmentNotice,
                        deadlines::amendment_notice_due(r.meeting_on, cal),
                        Act::NotDone,
                    )?,
                }
            }
            if let Some(a) = &plan.amendment {
                if a.ordered.is_none() {
                    c.window(
                        Subject::AmendmentRepresentations,
                        &a.notice,
                        deadlines::amendment_representations_window(a.notice.served_on, cal),
                    )?;
                }
                c.claims = &a.exceptions;
                c.push(Subject::AmendedPlan, amendment_due(a, cal), Act::NotDone)?;
                c.claims = &[];
            }
            if let Some(r) = &plan.reassessment {
                c.claims = &r.exceptions;
                if let Some(draft) = &r.draft {
                    c.window(
                        Subject::DraftRepresentations,
                        draft,
                        deadlines::draft_representations_window(draft.served_on, cal),
                    )?;
                }
                if let Some(due) = reassessment_plan_due(r, cal)? {
                    c.push(Subject::ReassessedPlan, Ok(due), Act::NotDone)?;
                }
                match (r.ordered, r.requested_on, r.agreed_on) {
                    (Some((OrderRoute::TribunalOrder, o)), _, None) => c.push(
                        Subject::ReassessmentDecision,
                        deadlines::order_assess_decision_due(o, cal),
                        Act::NotDone,
                    )?,
                    (Some((_, o)), _, None) => c.push(
                        Subject::ReassessmentDecision,
                        deadlines::unopposed_assess_decision_due(o, cal),
                        Act::NotDone,
                    )?,
                    (None, Some(received), None) => c.push(
                        Subject::ReassessmentDecision,
                        deadlines::reassessment_decision_due(received, cal),
                        Act::NotDone,
                    )?,
                    _ => {}
                }
                c.claims = &[];
            }
        }
        Phase::SenSupport { .. } | Phase::Ceased { .. } | Phase::TransferredOut { .. } => {}
    }

    // Next Steps Meetings still open, while the "no" they follow stands
    // (a new request, an order or a plan takes the case elsewhere).
    let after_a_no = matches!(state.phase, Phase::SenSupport { .. });
    for m in state.meetings.iter().filter(|_| after_a_no) {
        let declined = matches!(m.response, FamilyResponse::Declined(_));
        if declined || m.held_on.is_some() {
            continue;
        }
        c.push(
            Subject::NextStepsMeeting { meeting: m.id },
            Deadline::compute(
                RuleId::NsmWithin2w,
                m.panel_on,
                Convention::WithinDaysOf { days: 14 },
                cal,
            ),
            Act::NotDone,
        )?;
    }

    // Mediation and appeal side tracks still open.
    c.claims = &[];
    for d in &state.disputes {
        let dispute = d.id;
        if let Some(on) = d.agreement_on {
            // No event marks the agreed actions done: the clock shows until its day has passed.
            let actions = deadlines::mediation_agreement_actions_due(on, cal)?;
            c.push_until(
                Subject::MediationAgreement { dispute },
                Ok(actions),
                Act::NotDone,
                Some(actions.due()),
            )?;
        }
        match d.health {
            Some((asked, None)) => c.push(
                Subject::HealthCommissionerTold { dispute },
                deadlines::health_commissioner_told_due(asked, cal),
                Act::NotDone,
            )?,
            Some((_, Some(told))) if d.mediation_held_on.is_none() => c.push(
                Subject::HealthMediationHeld { dispute },
                deadlines::health_mediation_held_due(told, cal),
                Act::NotDone,
            )?,
            _ => {}
        }
        if let Some((made, None)) = d.recommendation {
            c.push(
                Subject::RecommendationResponse { dispute },
                deadlines::recommendation_response_due(made, cal),
                Act::NotDone,
            )?;
        }
        if d.appeal.is_some() || d.outcome.is_some() {
            continue;
        }
        // Every step of this track is the family's, and ends with the time to appeal.
        if d.certainly_expired_by(as_of) {
            continue;
        }
        let appeal = d.appeal_deadline(cal)?;
        let last_day = appeal.tribunal_effective().unwrap_or(appeal.due());
        if as_of > last_day {
            continue;
        }
        c.shown_until = Some(last_day);
        match d.adviser_contacted {
            None => {
                let contact = deadlines::mediation_contact_due(d.notice_sent_on, cal)?;
                c.push_until(
                    Subject::MediationContact { dispute },
                    Ok(contact),
                    Act::NotDone,
                    Some(contact.due().min(last_day)),
                )?;
            }
            Some((on, MediationChoice::Declined)) => {
                c.push(
                    Subject::MediationCertificate { dispute },
                    deadlines::mediation_certificate_due(on, cal),
                    done(d.certificate_on),
                )?;
            }
            Some((on, MediationChoice::WantsMediation)) => match d.mediation_held_on {
                None => c.push(
                    Subject::MediationHeld { dispute },
                    deadlines::mediation_held_due(on, cal),
                    Act::NotDone,
                )?,
                Some(held) => c.push(
                    Subject::CertificateAfterMediation { dispute },
                    deadlines::mediation_certificate_other_due(held, cal),
                    done(d.certificate_on),
                )?,
            },
        }
        c.push(Subject::Appeal { dispute }, Ok(appeal), Act::NotDone)?;
        c.shown_until = None;
    }

    let mut out = c.out;
    // Clocks no longer shown on the day they are worked out for are dropped.
    out.retain(|k| k.shown_until.is_none_or(|last| last >= as_of));
    out.sort_by_key(|k| k.deadline.due());
    Ok(out)
}

/// The obligations of `clocks` on `today`, soonest first.
pub(crate) fn judge_clocks(clocks: &[Clock], today: NaiveDate) -> Vec<Obligation> {
    clocks.iter().filter_map(|k| k.on(today)).collect()
}

/// One move the law allows next, with the deadline that governs it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct NextEvent {
    /// The event's `type` tag, as stored (e.g. `"final_plan_issued"`).
    pub event: &'static str,
    /// The deadline that governs it, with its rule, where one runs.
    pub deadline: Option<Deadline>,
}

impl fmt::Display for NextEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.deadline {
            Some(d) => f.pad(&format!("{} by {} ({})", self.event, d.due(), d.rule())),
            None => f.pad(self.event),
        }
    }
}

pub(crate) fn next_events(state: &CaseState, due: &[Obligation]) -> Vec<NextEvent> {
    let by = |subject: Subject| {
        due.iter()
            .find(|o| o.subject == subject)
            .map(|o| o.deadline)
    };
    let mut out = Vec::new();
    let mut add =
        |event: &'static str, deadline: Option<Deadline>| out.push(NextEvent { event, deadline });
    match &state.phase {
        Phase::TransferredOut { .. } => {
            add("assessment_requested", None);
            add("plan_transferred_in", None);
        }
        Phase::SenSupport { .. } | Phase::Ceased { .. } => {
            if state.support.started_on.is_some() && state.support.parents_informed_on.is_none() {
                add("parents_informed", None);
            }
            add("apdr_reviewed", None);
            add("assessment_requested", None);
            add("brought_to_attention", None);
            add("existing_plan_loaded", None);
            // Only the latest contract can be open (each new one needs the last ended).
            if state
                .contracts
                .last()
                .is_none_or(|k| k.contract.ending().is_some())
            {
                add("asc_requested", None);
            }
        }
        Phase::Assessment(a) => match &a.step {
            AssessmentStep::Requested => {
                let d = by(Subject::DecisionToAssess);
                if a.considering_notified_on.is_none() && !a.assessed_in_prior_6_months {
                    add("considering_notified", None);
                }
                add("decided_to_assess", d);
                add("decided_not_to_assess", d);
            }
            AssessmentStep::Assessing { .. } => {
                add("advice_requested", None);
                add("draft_plan_issued", by(Subject::DraftTarget));
                add("decided_not_to_issue", by(Subject::DecisionNotToIssue));
            }
            AssessmentStep::DraftIssued { .. } => {
                add(
                    "representations_received",
                    by(Subject::DraftRepresentations),
                );
                add("school_consulted", None);
                add("final_plan_issued", by(Subject::FinalPlan));
                add("draft_plan_issued", None);
                add("decided_not_to_issue", by(Subject::DecisionNotToIssue));
            }
        },
        Phase::Plan(p) => {
            match p.review {
                None => add("review_meeting_scheduled", by(Subject::AnnualReview)),
                Some(r) if r.decided.is_some() => {
                    add("amendment_notice_sent", by(Subject::AmendmentNotice))
                }
                Some(r) if r.held_on.is_none() => add("review_meeting_held", None),
                Some(r) => {
                    if r.conduct_outstanding().next().is_some() {
                        add("review_conduct_recorded", None);
                    }
                    add("review_decided", by(Subject::ReviewDecision));
                }
            }
            match &p.amendment {
                None => add("amendment_notice_sent", None),
                Some(_) => {
                    add("amended_plan_issued", by(Subject::AmendedPlan));
                    add("decided_not_to_amend", by(Subject::AmendedPlan));
                }
            }
            match &p.reassessment {
                None => add("reassessment_requested", None),
                Some(r) if r.agreed_on.is_none() => {
                    add("reassessment_agreed", by(Subject::ReassessmentDecision));
                    add("reassessment_refused", by(Subject::ReassessmentDecision));
                }
                Some(r) if r.draft.is_none() => {
                    add("draft_plan_issued", by(Subject::ReassessedPlan))
                }
                Some(_) => add("reassessed_plan_issued", by(Subject::ReassessedPlan)),
            }
            match p.cease {
                None => add("cease_proposed", None),
                Some(c) if c.consulted_on.is_none() => add("cease_consultation_held", None),
                Some(c) if c.decided.is_none() => add("cease_decided", None),
                Some(_) => add("plan_ceased", None),
            }
        }
    }
    if let Phase::Plan(p) = &state.phase {
        if p.transfer_in
            .as_ref()
            .is_some_and(|t| t.notified_on.is_none())
        {
            add("transfer_notified", by(Subject::TransferNotification));
        }
        add("transferred_out", None);
    }
    if state.phase.assessment().is_some() {
        add("transferred_out", None);
    }
    for o in due {
        match o.subject {
            Subject::HealthCommissionerTold { .. } => {
                add("health_commissioner_notified", Some(o.deadline))
            }
            Subject::RecommendationResponse { .. } => {
                add("recommendation_answered", Some(o.deadline))
            }
            Subject::MediationContact { .. } => {
                add("mediation_adviser_contacted", Some(o.deadline))
            }
            Subject::MediationCertificate { .. } | Subject::CertificateAfterMediation { .. } => {
                add("mediation_certificate_issued", Some(o.deadline))
            }
            Subject::MediationHeld { .. } => add("mediation_held", Some(o.deadline)),
            Subject::Appeal { .. } => add("appeal_lodged", Some(o.deadline)),
            Subject::NextStepsMeeting { .. } => add("nsm_held", Some(o.deadline)),
            _ => {}
        }
    }
    out
}
