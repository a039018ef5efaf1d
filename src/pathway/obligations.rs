//! What is due in a case today, and its SEN2 record.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::case::Case;
use super::events::{EventKind, MediationChoice};
use super::stages::Stage;
use crate::calendar::{age_on, HolidayCalendar};
use crate::deadlines::{self, Convention, Deadline};
use crate::error::Result;
use crate::exceptions::{judge, Act, ExceptionClaim, ExceptionId, Status};
use crate::nsm::FamilyResponse;
use crate::rule::RuleId;

/// One deadline that is open in a case: when, which rule, how it stands today.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Obligation {
    /// What is due, in words.
    pub what: String,
    /// The deadline (due date, rule, source, convention).
    pub deadline: Deadline,
    /// Met, Pending, Overdue, Late or MissedExcused.
    pub status: Status,
    /// Days from today to the due date (negative when past).
    pub days_left: i64,
}

impl Obligation {
    /// The rule.
    pub fn rule(&self) -> RuleId {
        self.deadline.rule()
    }
}

struct Collector<'a> {
    today: NaiveDate,
    out: Vec<Obligation>,
    claims: &'a [ExceptionClaim],
}

impl Collector<'_> {
    fn push(
        &mut self,
        what: impl Into<String>,
        deadline: Result<Deadline>,
        act: Act,
    ) -> Result<()> {
        let deadline = deadline?;
        let claims: Vec<ExceptionClaim> = self
            .claims
            .iter()
            .filter(|c| c.exception().excuses(deadline.rule()))
            .cloned()
            .collect();
        let status = Status::from_judgement(judge(&deadline, act, self.today, &claims)?, act);
        self.out.push(Obligation {
            what: what.into(),
            days_left: deadline.days_left(self.today),
            deadline,
            status,
        });
        Ok(())
    }
}

impl Collector<'_> {
    /// T-REVIEW-REPORT-2W and T-REVIEW-DECISION-4W, both counted from the meeting.
    fn after_review_meeting(
        &mut self,
        meeting_on: NaiveDate,
        report: Act,
        cal: &HolidayCalendar,
    ) -> Result<()> {
        self.push(
            "Review report to the council and invitees",
            deadlines::review_report_due(meeting_on, cal),
            report,
        )?;
        self.push(
            "Review decision notified",
            deadlines::review_decision_due(meeting_on, cal),
            Act::NotDone,
        )
    }
}

fn done(date: Option<NaiveDate>) -> Act {
    date.map_or(Act::NotDone, Act::Done)
}

/// Every open statutory and local deadline of the case on `today`: those of
/// the current stage, of the Next Steps Meeting while the case is in a "no"
/// branch, and of each mediation-and-appeal side track still running. Sorted
/// by due date.
///
/// Deadlines of stages the case has left are never listed. The family's own
/// limits (contacting the mediation adviser, appealing) are listed while they
/// run and dropped once they pass: a family choosing not to appeal is not a breach.
///
/// # Errors
///
/// An exception claim that does not hold for its deadline; date-range errors
/// at the extremes.
pub fn obligations(
    case: &Case,
    today: NaiveDate,
    cal: &HolidayCalendar,
) -> Result<Vec<Obligation>> {
    let no_claims: &[ExceptionClaim] = &[];
    let claims = match case.stage() {
        Stage::Reassessing(s) => s.exceptions.as_slice(),
        stage => stage.request().map_or(no_claims, |r| r.exceptions()),
    };
    let mut c = Collector {
        today,
        out: Vec::with_capacity(8),
        claims,
    };
    let policy = case.policy();

    match case.stage() {
        Stage::RequestReceived(s) => {
            c.push(
                "Decide whether to assess and notify",
                deadlines::decision_to_assess_due(s.request.received_on, cal),
                Act::NotDone,
            )?;
        }
        Stage::Assessing(s) => {
            let a = s.request.received_on;
            for (i, request) in s.advice.requests().iter().enumerate() {
                let deadline = request.compliance_deadline(cal)?;
                let status = request.status(today, cal)?;
                c.out.push(Obligation {
                    what: format!(
                        "Advice {} ({}) from {} [request {i}]",
                        request.advice_type(),
                        request.contact(),
                        request.body()
                    ),
                    days_left: deadline.days_left(today),
                    deadline,
                    status,
                });
            }
            c.push(
                "Draft plan (target)",
                deadlines::draft_target(a, cal),
                Act::NotDone,
            )?;
            c.push(
                "Notify a decision not to issue, if that is the decision",
                deadlines::not_to_issue_due(a, cal),
                Act::NotDone,
            )?;
            c.push(
                "Issue the final EHC plan",
                deadlines::final_plan_due(a, cal),
                Act::NotDone,
            )?;
        }
        Stage::DraftIssued(s) => {
            let window = deadlines::draft_representations_window(s.served_on(), cal)?;
            if today <= window.due() {
                c.push(
                    "Family's representations on the draft (window closes)",
                    Ok(window),
                    Act::NotDone,
                )?;
            }
            for consultation in &s.consultations {
                c.push(
                    format!("Reply from {} on the placement", consultation.school),
                    deadlines::school_consultation_reply_due(consultation.sent_on, cal),
                    done(consultation.replied_on),
                )?;
            }
            c.push(
                "Issue the final EHC plan",
                deadlines::final_plan_due(s.request.received_on, cal),
                Act::NotDone,
            )?;
        }
        Stage::ReviewScheduled(s) => {
            c.push(
                "Review invitations (two weeks' notice)",
                deadlines::review_invitations_due(s.meeting_on, cal),
                Act::Done(s.invitations_sent_on),
            )?;
            c.push(
                "Review advice circulated",
                deadlines::review_advice_due(s.meeting_on, cal),
                done(s.advice_circulated_on),
            )?;
        }
        Stage::ReviewHeld(s) => c.after_review_meeting(s.meeting_on, Act::NotDone, cal)?,
        Stage::ReportSent(s) => {
            c.after_review_meeting(s.meeting_on, Act::Done(s.report_sent_on), cal)?
        }
        Stage::AmendmentProposed(s) => {
            if let Some(meeting) = s.meeting_on {
                c.push(
                    "Amendment notice",
                    deadlines::amendment_notice_due(meeting, cal),
                    Act::Done(s.notice_sent_on),
                )?;
            }
            let window = deadlines::amendment_representations_window(s.notice_sent_on, cal)?;
            if today <= window.due() {
                c.push(
                    "Family's representations on the amendments (window closes)",
                    Ok(window),
                    Act::NotDone,
                )?;
            }
            c.push(
                "Issue the amended plan (or notify not amending)",
                deadlines::amended_plan_due(s.notice_sent_on, cal),
                Act::NotDone,
            )?;
        }
        Stage::ReassessmentRequested(s) => {
            c.push(
                "Decide on the re-assessment request",
                deadlines::reassessment_decision_due(s.received_on, cal),
                Act::NotDone,
            )?;
        }
        Stage::Reassessing(s) => {
            c.push(
                "Issue the plan after re-assessment",
                deadlines::reassessment_plan_due(s.decided_on, cal),
                Act::NotDone,
            )?;
        }
        Stage::SenSupport(_)
        | Stage::NotAssessed(_)
        | Stage::NotIssued(_)
        | Stage::PlanMaintained(_)
        | Stage::CeaseProposed(_)
        | Stage::CeaseDecided(_)
        | Stage::Ceased(_) => {}
    }

    // Duties that run for as long as a plan is maintained.
    if let Some(plan) = case.stage().plan() {
        c.push(
            "Annual review",
            deadlines::review_due(plan.review_anchor, policy.review_due, cal),
            Act::NotDone,
        )?;
        if age_on(case.child().date_of_birth, today).is_ok_and(|age| age < 5) {
            let last = plan.last_reviewed_on.unwrap_or(plan.issued_on);
            c.push(
                "Under-5 review",
                deadlines::under_five_review_due(last, policy.under_five_interval, cal),
                Act::NotDone,
            )?;
        }
        if let Some(t) = plan.phase_transfer {
            c.push(
                format!("Plan amended for the phase transfer on {}", t.transfer_on),
                deadlines::phase_transfer_due(
                    t.transfer_on,
                    t.transfer,
                    policy.phase_transfer,
                    cal,
                ),
                done(t.amended_on),
            )?;
        }
    }

    // The Next Steps Meeting, while the case is in a "no" branch.
    if matches!(
        case.stage(),
        Stage::NotAssessed(_) | Stage::NotIssued(_) | Stage::SenSupport(_)
    ) {
        if let Some(nsm) = case.nsm() {
            let declined = matches!(nsm.response, FamilyResponse::Declined(_));
            if !declined
                && (nsm.held_on.is_none()
                    || nsm
                        .panel_on
                        .checked_add_days(chrono::Days::new(14))
                        .is_some_and(|last| today <= last))
            {
                c.push(
                    "Next Steps Meeting held",
                    Deadline::compute(
                        RuleId::NsmWithin2w,
                        nsm.panel_on,
                        Convention::WithinDaysOf { days: 14 },
                        cal,
                    ),
                    done(nsm.held_on),
                )?;
            }
        }
    }

    // Mediation and appeal side tracks.
    c.claims = no_claims;
    for (i, d) in case.disputes().iter().enumerate() {
        if d.appeal_lodged_on.is_some() || d.outcome.is_some() {
            continue;
        }
        let appeal = d.appeal_deadline(cal)?;
        if today > appeal.tribunal_effective().unwrap_or(appeal.due()) {
            continue;
        }
        match d.adviser_contacted {
            None => {
                let contact = deadlines::mediation_contact_due(d.notice_sent_on, cal)?;
                if today <= contact.due() {
                    c.push(
                        format!("Family contacts the mediation adviser [dispute {i}]"),
                        Ok(contact),
                        Act::NotDone,
                    )?;
                }
            }
            Some((on, MediationChoice::Declined)) => {
                c.push(
                    format!("Mediation certificate [dispute {i}]"),
                    deadlines::mediation_certificate_due(on, cal),
                    done(d.certificate_on),
                )?;
            }
            Some((on, MediationChoice::WantsMediation)) => match d.mediation_held_on {
                None => c.push(
                    format!("Mediation held [dispute {i}]"),
                    deadlines::mediation_held_due(on, cal),
                    Act::NotDone,
                )?,
                Some(held) => c.push(
                    format!("Certificate after mediation [dispute {i}]"),
                    deadlines::mediation_certificate_other_due(held, cal),
                    done(d.certificate_on),
                )?,
            },
        }
        c.push(
            format!("Family's appeal reaches the tribunal [dispute {i}]"),
            Ok(appeal),
            Act::NotDone,
        )?;
    }

    let mut out = c.out;
    out.sort_by_key(|o| o.deadline.due());
    Ok(out)
}

/// The SEN2-style record of one assessment in a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sen2Record {
    /// Anchor A: request received or council responsible.
    pub request_received: NaiveDate,
    /// Decision to assess, if made.
    pub decided_to_assess_on: Option<NaiveDate>,
    /// Decision not to assess, if made.
    pub decided_not_to_assess_on: Option<NaiveDate>,
    /// Decision not to issue, if made.
    pub decided_not_to_issue_on: Option<NaiveDate>,
    /// Final plan issued, if issued.
    pub plan_issued_on: Option<NaiveDate>,
    /// Whether the plan was issued within 20 weeks (issue ≤ request + 140 days); `None` until issued.
    pub within_20_weeks: Option<bool>,
    /// Whether a 20-week exception (EXC-13-3 or EXC-COVID) was recorded.
    pub exceptions_apply: bool,
}

/// The SEN2 records of a case, one per request, derived from its history.
pub fn sen2_records(case: &Case) -> Vec<Sen2Record> {
    let mut records: Vec<Sen2Record> = Vec::new();
    for event in case.history() {
        match &event.kind {
            EventKind::AssessmentRequested { .. } | EventKind::BroughtToAttention => {
                records.push(Sen2Record {
                    request_received: event.on,
                    decided_to_assess_on: None,
                    decided_not_to_assess_on: None,
                    decided_not_to_issue_on: None,
                    plan_issued_on: None,
                    within_20_weeks: None,
                    exceptions_apply: false,
                })
            }
            kind => {
                let Some(r) = records.last_mut() else {
                    continue;
                };
                match kind {
                    EventKind::DecidedToAssess => r.decided_to_assess_on = Some(event.on),
                    EventKind::DecidedNotToAssess { .. } => {
                        r.decided_not_to_assess_on = Some(event.on)
                    }
                    EventKind::DecidedNotToIssue { .. } => {
                        r.decided_not_to_issue_on = Some(event.on)
                    }
                    EventKind::FinalPlanIssued { .. } if r.plan_issued_on.is_none() => {
                        r.plan_issued_on = Some(event.on);
                        r.within_20_weeks = Some((event.on - r.request_received).num_days() <= 140);
                    }
                    EventKind::ExceptionRecorded { claim } => {
                        if matches!(
                            claim.exception(),
                            ExceptionId::Exc13_3 | ExceptionId::ExcCovid
                        ) {
                            r.exceptions_apply = true;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    records
}

/// 20-week timeliness over many records, as DfE publishes it (DOMAIN §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sen2Timeliness {
    /// Plans issued.
    pub issued: u64,
    /// Of those, within 20 weeks.
    pub within_20_weeks: u64,
    /// Plans issued with no exception applying.
    pub issued_excluding_exceptions: u64,
    /// Of those, within 20 weeks.
    pub within_20_weeks_excluding_exceptions: u64,
}

impl Sen2Timeliness {
    /// Count the issued plans among `records`. The "excluding exceptions"
    /// measure removes plans with an exception from numerator *and* denominator.
    pub fn from_records<'a>(records: impl IntoIterator<Item = &'a Sen2Record>) -> Self {
        let mut t = Sen2Timeliness {
            issued: 0,
            within_20_weeks: 0,
            issued_excluding_exceptions: 0,
            within_20_weeks_excluding_exceptions: 0,
        };
        for r in records {
            let Some(within) = r.within_20_weeks else {
                continue;
            };
            t.issued += 1;
            t.within_20_weeks += u64::from(within);
            if !r.exceptions_apply {
                t.issued_excluding_exceptions += 1;
                t.within_20_weeks_excluding_exceptions += u64::from(within);
            }
        }
        t
    }

    /// Percentage within 20 weeks including exceptions, to one decimal place.
    pub fn percent_including_exceptions(&self) -> Option<Decimal> {
        percent(self.within_20_weeks, self.issued)
    }

    /// Percentage within 20 weeks excluding exceptions, to one decimal place.
    pub fn percent_excluding_exceptions(&self) -> Option<Decimal> {
        percent(
            self.within_20_weeks_excluding_exceptions,
            self.issued_excluding_exceptions,
        )
    }
}

fn percent(part: u64, whole: u64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let ratio = Decimal::from(part)
        .checked_mul(Decimal::from(100))?
        .checked_div(Decimal::from(whole))?;
    Some(ratio.round_dp(1))
}
