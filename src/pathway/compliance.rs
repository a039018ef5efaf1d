//! Compliance history: every statutory act, kept for good with the deadline
//! it was due by, the day it was done, and whether it was met, late, or late
//! but excused (with the exception).
//!
//! An entry is judged once, when the act is applied live, under the calendars
//! in force that day; it is stored in the [`CaseRecord`](super::CaseRecord)
//! with the bank holidays its deadline crossed, and read back as it was:
//! judged again by the same path under those days (never today's calendar),
//! and refused unless it is exactly what its act produced. This is what the ombudsman and
//! the SEN2 timeliness measures ask for.
//!
//! [`acts`] is the one place that knows which deadline an act answers; the
//! clocks of an assessment (statutory, or after a tribunal order or
//! concession) are chosen by [`assessment_clocks`], which obligations use too.

use core::fmt;

use chrono::NaiveDate;

use super::event::{EventKind, MediationChoice};
use super::state::{Assessment, AssessmentStep, CaseState, Clocks, OrderRoute, Phase};
use crate::calendar::HolidayCalendar;
use crate::deadlines::{self, Deadline};
use crate::error::{Error, Result};
use crate::exceptions::{judge, Act, ExceptionClaim, Status};
use crate::policy::LocalPolicy;

/// One statutory act and how it stood against its deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "StoredEntry"))]
pub struct ComplianceEntry {
    /// Position of the event in the history, counting from 1.
    pub event: usize,
    /// The deadline it was due by, with its rule and source.
    pub deadline: Deadline,
    /// The day it was done.
    pub done_on: NaiveDate,
    /// Met, late, or late but excused.
    pub status: Status,
    /// The bank holidays between the deadline's anchor and its due date in
    /// the calendar that judged the act: what read-back needs to judge the
    /// act again exactly as it was, without today's calendar.
    #[cfg_attr(feature = "serde", serde(default))]
    pub holidays: Vec<NaiveDate>,
}

impl ComplianceEntry {
    /// Whether the act was done after its due date (excused or not).
    pub fn is_late(&self) -> bool {
        matches!(self.status, Status::Late | Status::MissedExcused(_))
    }
}

/// A compliance entry as read back, checked before it becomes one.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredEntry {
    event: usize,
    deadline: Deadline,
    done_on: NaiveDate,
    status: Status,
    #[serde(default)]
    holidays: Vec<NaiveDate>,
}

#[cfg(feature = "serde")]
impl TryFrom<StoredEntry> for ComplianceEntry {
    type Error = Error;
    /// What an entry can say of itself: it names an event (from 1), it is an
    /// act done (met, late or excused, agreeing with its due date), and its
    /// bank holidays lie, ascending, between the deadline's anchor and due date.
    fn try_from(s: StoredEntry) -> Result<Self> {
        let entry = ComplianceEntry {
            event: s.event,
            deadline: s.deadline,
            done_on: s.done_on,
            status: s.status,
            holidays: s.holidays,
        };
        let bad = |reason: String| Err(Error::InconsistentRecord { reason });
        if entry.event == 0 {
            return bad(format!(
                "the compliance entry \"{entry}\" names event 0; events count from 1"
            ));
        }
        let late = entry.done_on > entry.deadline.due();
        let consistent = match entry.status {
            Status::Met => !late,
            Status::Late | Status::MissedExcused(_) => late,
            _ => false,
        };
        if !consistent {
            return bad(format!(
                "the compliance entry for event {} says \"{entry}\", which its dates contradict",
                entry.event
            ));
        }
        let (a, b) = (entry.deadline.anchor(), entry.deadline.due());
        let (from, to) = if a <= b { (a, b) } else { (b, a) };
        let inside = entry.holidays.iter().all(|h| *h >= from && *h <= to);
        let ascending = entry
            .holidays
            .windows(2)
            .all(|w| matches!(w, [x, y] if x < y));
        if !inside || !ascending {
            return bad(format!(
                "the compliance entry for event {} carries bank holidays outside {from} to {to} or out of order",
                entry.event
            ));
        }
        Ok(entry)
    }
}

impl fmt::Display for ComplianceEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!(
            "{}: due {}, done {} — {}",
            self.deadline.rule(),
            self.deadline.due(),
            self.done_on,
            self.status
        ))
    }
}

/// The bank holidays of `cal` between a deadline's anchor and its due date
/// (either way round), ascending: the days its working-day arithmetic crossed.
pub(crate) fn holidays_in_span(deadline: &Deadline, cal: &HolidayCalendar) -> Vec<NaiveDate> {
    let (from, to) = if deadline.anchor() <= deadline.due() {
        (deadline.anchor(), deadline.due())
    } else {
        (deadline.due(), deadline.anchor())
    };
    cal.holidays()
        .iter()
        .map(|h| h.date)
        .filter(|d| *d >= from && *d <= to)
        .collect()
}

/// The calendar stored compliance entries were judged under, as far as they
/// depend on it: the bank holidays they carry, over the years `first ..= last`.
pub(crate) fn judging_calendar<'e>(
    entries: impl IntoIterator<Item = &'e ComplianceEntry>,
    first: i32,
    last: i32,
) -> Result<HolidayCalendar> {
    let holidays = entries.into_iter().flat_map(|e| {
        e.holidays
            .iter()
            .map(|d| crate::calendar::BankHoliday::new(*d, "bank holiday (as recorded)"))
    });
    HolidayCalendar::new(first, last, holidays.collect::<Vec<_>>())
}

/// The years a stored record's judging calendar covers: the history's and
/// every entry's anchor and due date, with a year either side.
pub(crate) fn judging_years(
    entries: &[ComplianceEntry],
    first: NaiveDate,
    last: NaiveDate,
) -> (i32, i32) {
    use chrono::Datelike;
    let (lo, hi) = entries
        .iter()
        .flat_map(|e| [e.deadline.anchor(), e.deadline.due()])
        .map(|d| d.year())
        .fold((first.year(), last.year()), |(lo, hi), y| {
            (lo.min(y), hi.max(y))
        });
    (
        lo.saturating_sub(1).max(1900),
        hi.saturating_add(1).min(2200),
    )
}

/// Read back one event's stored compliance entries against the acts the
/// event performs, judged again by [`acts`] (the very path live `apply`
/// takes) under the calendar the entries carry. Returns the entries to keep:
/// with `fill_holidays` (a record written before entries carried their
/// days), the stored entries with the days of `cal` filled in.
///
/// # Errors
///
/// [`Error::InconsistentRecord`] naming the first entry that is not what the
/// act produced, an act with no entry, or an entry with no act.
pub(crate) fn verify(
    stored: Vec<ComplianceEntry>,
    judged: Vec<(Deadline, Status)>,
    position: usize,
    on: NaiveDate,
    cal: &HolidayCalendar,
    fill_holidays: bool,
) -> Result<Vec<ComplianceEntry>> {
    let bad = |reason: String| Err(Error::InconsistentRecord { reason });
    let mut kept = Vec::with_capacity(judged.len());
    let mut stored = stored.into_iter();
    for (n, (deadline, status)) in judged.into_iter().enumerate() {
        let Some(mut entry) = stored.next() else {
            return bad(format!(
                "the act against {} (due {}) has no compliance entry; the record's compliance history is incomplete",
                deadline.rule(),
                deadline.due()
            ));
        };
        let holidays = holidays_in_span(&deadline, cal);
        if fill_holidays {
            entry.holidays.clone_from(&holidays);
        }
        let expected = ComplianceEntry {
            event: position,
            deadline,
            done_on: on,
            status,
            holidays,
        };
        if entry != expected {
            return bad(format!(
                "compliance entry {} of this event says \"{entry}\", but the act produced \"{expected}\"",
                n.saturating_add(1)
            ));
        }
        kept.push(entry);
    }
    if let Some(extra) = stored.next() {
        return bad(format!(
            "the compliance entry \"{extra}\" answers no act of this event (a duplicate, or moved from another event)"
        ));
    }
    Ok(kept)
}

/// The three clocks of an assessment: the decision whether to assess, a
/// decision not to issue, and the final plan — statutory (T-DECIDE-6W,
/// T-NOTISSUE-16W, T-FINAL-20W) or after an order or concession (T-ORDER-*,
/// T-UNOPPOSED-*). After an order to make a plan the first clock is the draft
/// (5 weeks) and there is no not-to-issue clock.
pub(crate) struct AssessmentClocks {
    pub(crate) decision: Option<Deadline>,
    pub(crate) not_to_issue: Option<Deadline>,
    pub(crate) draft: Option<Deadline>,
    pub(crate) final_plan: Deadline,
}

pub(crate) fn assessment_clocks(a: &Assessment, cal: &HolidayCalendar) -> Result<AssessmentClocks> {
    let x = a.anchor;
    Ok(match a.clocks {
        Clocks::Statutory => AssessmentClocks {
            decision: Some(deadlines::decision_to_assess_due(x, cal)?),
            not_to_issue: Some(deadlines::not_to_issue_due(x, cal)?),
            draft: None,
            final_plan: deadlines::final_plan_due(x, cal)?,
        },
        Clocks::OrderToAssess(OrderRoute::TribunalOrder) => AssessmentClocks {
            decision: Some(deadlines::order_assess_decision_due(x, cal)?),
            not_to_issue: Some(deadlines::order_assess_not_to_issue_due(x, cal)?),
            draft: None,
            final_plan: deadlines::order_assess_final_due(x, cal)?,
        },
        Clocks::OrderToAssess(_) => AssessmentClocks {
            decision: Some(deadlines::unopposed_assess_decision_due(x, cal)?),
            not_to_issue: Some(deadlines::unopposed_assess_not_to_issue_due(x, cal)?),
            draft: None,
            final_plan: deadlines::unopposed_assess_final_due(x, cal)?,
        },
        Clocks::OrderToMakePlan(OrderRoute::TribunalOrder) => AssessmentClocks {
            decision: None,
            not_to_issue: None,
            draft: Some(deadlines::order_plan_draft_due(x, cal)?),
            final_plan: deadlines::order_plan_final_due(x, cal)?,
        },
        Clocks::OrderToMakePlan(_) => AssessmentClocks {
            decision: None,
            not_to_issue: None,
            draft: Some(deadlines::unopposed_plan_draft_due(x, cal)?),
            final_plan: deadlines::unopposed_plan_final_due(x, cal)?,
        },
    })
}

/// Where an act stands against its deadline on `today`: the one judgement
/// both the compliance history and obligations use. Only the claims that
/// excuse this deadline's rule and whose facts meet its test count (a claim
/// recorded against the 20-week limit says nothing of the 6-week one).
pub(crate) fn status_of(
    deadline: &Deadline,
    act: Act,
    today: NaiveDate,
    claims: &[ExceptionClaim],
) -> Result<Status> {
    let applies = |c: &&ExceptionClaim| {
        c.exception().excuses(deadline.rule()) && c.check_against(deadline).is_ok()
    };
    let compliance = if claims.iter().any(|c| applies(&c)) {
        let relevant: Vec<ExceptionClaim> = claims.iter().filter(applies).cloned().collect();
        judge(deadline, act, today, &relevant)?
    } else {
        judge(deadline, act, today, &[])?
    };
    Ok(Status::from_judgement(compliance, act))
}

/// The deadline of an amendment: 8 weeks from the notice (T-AMEND-FINAL-8W),
/// or the order's or concession's 5 or 2 weeks (T-ORDER-AMEND, T-UNOPPOSED-AMEND).
pub(crate) fn amendment_due(
    amendment: &super::state::Amendment,
    cal: &HolidayCalendar,
) -> Result<Deadline> {
    let x = amendment.notice.served_on;
    match amendment.ordered {
        None => deadlines::amended_plan_due(x, cal),
        Some((OrderRoute::TribunalOrder, false)) => deadlines::order_amend_due(x, cal),
        Some((OrderRoute::TribunalOrder, true)) => deadlines::order_amend_placement_due(x, cal),
        Some((_, false)) => deadlines::unopposed_amend_due(x, cal),
        Some((_, true)) => deadlines::unopposed_amend_placement_due(x, cal),
    }
}

/// The deadline of a re-assessment's plan: 14 weeks from the decision to
/// re-assess (T-REASSESS-FINAL-14W) or from the order (T-ORDER-ASSESS).
pub(crate) fn reassessment_plan_due(
    r: &super::state::Reassessment,
    cal: &HolidayCalendar,
) -> Result<Option<Deadline>> {
    match (r.ordered, r.agreed_on) {
        (Some((OrderRoute::TribunalOrder, on)), _) => {
            deadlines::order_assess_final_due(on, cal).map(Some)
        }
        (Some((_, on)), _) => deadlines::unopposed_assess_final_due(on, cal).map(Some),
        (None, Some(agreed)) => deadlines::reassessment_plan_due(agreed, cal).map(Some),
        (None, None) => Ok(None),
    }
}

/// The annual-review deadline of a plan: T-REVIEW-12M from the review anchor,
/// or, for a plan transferred in and not yet reviewed here, T-TRANSFER-REVIEW.
pub(crate) fn review_due(
    plan: &super::state::Plan,
    policy: &LocalPolicy,
    cal: &HolidayCalendar,
) -> Result<Deadline> {
    match &plan.transfer_in {
        Some(t) if plan.last_reviewed_on.is_none_or(|r| r < t.transferred_on) => {
            deadlines::transfer_review_due(t.first_review_anchor, t.transferred_on, cal)
        }
        _ => deadlines::review_due(plan.review_anchor(), policy.review_due, cal),
    }
}

/// The statutory acts `event` performs, each judged against its deadline in
/// the state before the event. Called only for live events.
pub(crate) fn acts(
    state: &CaseState,
    policy: &LocalPolicy,
    kind: &EventKind,
    on: NaiveDate,
    cal: &HolidayCalendar,
) -> Result<Vec<(Deadline, Status)>> {
    let mut out = Vec::new();
    let mut done = |deadline: Deadline, claims: &[ExceptionClaim]| -> Result<()> {
        let status = status_of(&deadline, Act::Done(on), on, claims)?;
        out.push((deadline, status));
        Ok(())
    };
    match (&state.phase, kind) {
        (Phase::Assessment(a), _) => {
            let clocks = assessment_clocks(a, cal)?;
            let claims = a.exceptions.as_slice();
            match (kind, &a.step) {
                (
                    EventKind::DecidedToAssess | EventKind::DecidedNotToAssess { .. },
                    AssessmentStep::Requested,
                ) => {
                    if let Some(d) = clocks.decision {
                        done(d, claims)?;
                    }
                }
                (EventKind::DecidedNotToIssue { .. }, _) => {
                    if let Some(d) = clocks.not_to_issue {
                        done(d, claims)?;
                    }
                }
                (EventKind::DraftPlanIssued { .. }, AssessmentStep::Assessing { .. }) => {
                    if let Some(d) = clocks.draft {
                        done(d, claims)?;
                    }
                }
                (EventKind::FinalPlanIssued { .. }, _) => done(clocks.final_plan, claims)?,
                (
                    EventKind::AdviceReceived { advice },
                    AssessmentStep::Assessing { advice: all, .. }
                    | AssessmentStep::DraftIssued { advice: all, .. },
                ) => {
                    if let Some(r) = all.request(*advice) {
                        done(r.compliance_deadline(cal)?, r.exceptions())?;
                    }
                }
                _ => {}
            }
        }
        (Phase::Plan(p), _) => match kind {
            EventKind::TransferNotified => {
                if let Some(t) = &p.transfer_in {
                    done(
                        deadlines::transfer_notification_due(t.transferred_on, cal)?,
                        &[],
                    )?;
                }
            }
            EventKind::ReviewMeetingScheduled { meeting_on, .. } => {
                done(deadlines::review_invitations_due(*meeting_on, cal)?, &[])?
            }
            EventKind::ReviewAdviceCirculated => {
                if let Some(r) = p.review {
                    done(deadlines::review_advice_due(r.meeting_on, cal)?, &[])?;
                }
            }
            EventKind::ReviewReportSent => {
                if let Some(r) = p.review {
                    done(deadlines::review_report_due(r.meeting_on, cal)?, &[])?;
                }
            }
            EventKind::ReviewDecided { .. } => {
                if let Some(r) = p.review {
                    done(deadlines::review_decision_due(r.meeting_on, cal)?, &[])?;
                }
                done(review_due(p, policy, cal)?, &[])?;
            }
            EventKind::AmendmentNoticeSent => {
                if let Some(r) = p.review.filter(|r| r.decided.is_some()) {
                    done(deadlines::amendment_notice_due(r.meeting_on, cal)?, &[])?;
                }
            }
            EventKind::AmendedPlanIssued { .. } => {
                if let Some(a) = &p.amendment {
                    done(amendment_due(a, cal)?, &a.exceptions)?;
                }
                if let Some(t) = p.phase_transfer.filter(|t| t.amended_on.is_none()) {
                    done(
                        deadlines::phase_transfer_due(
                            t.transfer_on,
                            t.transfer,
                            policy.phase_transfer,
                            cal,
                        )?,
                        &[],
                    )?;
                }
            }
            EventKind::DecidedNotToAmend { .. } => {
                if let Some(a) = &p.amendment {
                    done(deadlines::not_amending_due(a.notice.served_on, cal)?, &[])?;
                }
            }
            EventKind::ReassessmentAgreed | EventKind::ReassessmentRefused { .. } => {
                if let Some(r) = &p.reassessment {
                    match (r.ordered, r.requested_on) {
                        (Some((OrderRoute::TribunalOrder, o)), _) => {
                            done(deadlines::order_assess_decision_due(o, cal)?, &[])?
                        }
                        (Some((_, o)), _) => {
                            done(deadlines::unopposed_assess_decision_due(o, cal)?, &[])?
                        }
                        (None, Some(received)) => {
                            done(deadlines::reassessment_decision_due(received, cal)?, &[])?
                        }
                        (None, None) => {}
                    }
                }
            }
            EventKind::ReassessedPlanIssued { .. } => {
                if let Some(r) = &p.reassessment {
                    if let Some(d) = reassessment_plan_due(r, cal)? {
                        done(d, &r.exceptions)?;
                    }
                }
            }
            _ => {}
        },
        _ => {}
    }
    // Dispute acts, whatever the phase.
    let dispute = match kind {
        EventKind::MediationCertificateIssued { dispute }
        | EventKind::MediationHeld { dispute }
        | EventKind::HealthCommissionerNotified { dispute }
        | EventKind::RecommendationAnswered { dispute } => state.disputes.get(dispute.index()),
        _ => None,
    };
    if let Some(d) = dispute {
        match kind {
            EventKind::MediationCertificateIssued { .. } => {
                match (d.adviser_contacted, d.mediation_held_on) {
                    (_, Some(held)) => {
                        done(deadlines::mediation_certificate_other_due(held, cal)?, &[])?
                    }
                    (Some((told, MediationChoice::Declined)), None) => {
                        done(deadlines::mediation_certificate_due(told, cal)?, &[])?
                    }
                    _ => {}
                }
            }
            EventKind::MediationHeld { .. } => {
                if let Some((told, _)) = d.adviser_contacted {
                    done(deadlines::mediation_held_due(told, cal)?, &[])?;
                }
            }
            EventKind::HealthCommissionerNotified { .. } => {
                if let Some((asked, _)) = d.health {
                    done(deadlines::health_commissioner_told_due(asked, cal)?, &[])?;
                }
            }
            EventKind::RecommendationAnswered { .. } => {
                if let Some((made, _)) = d.recommendation {
                    done(deadlines::recommendation_response_due(made, cal)?, &[])?;
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The warning a late act brings: the compliance history records it, and the council should know now.
pub(crate) fn late_warning(
    deadline: &Deadline,
    status: Status,
    on: NaiveDate,
) -> Option<crate::warning::Warning> {
    match status {
        Status::Late | Status::MissedExcused(_) => Some(crate::warning::Warning::new(
            deadline.rule(),
            format!(
                "done {on}, after the due date of {} ({status}); record any exception that applies",
                deadline.due()
            ),
        )),
        _ => None,
    }
}
