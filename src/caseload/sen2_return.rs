//! The SEN2 person-level return (DfE; rules SEN2-*, see `RULES.md`): typed records from a
//! caseload and a collection year, and the published measures from the same
//! records.
//!
//! The crate never holds identity: every record carries only the caller's
//! reference for the child ([`Child::reference`](crate::pathway::Child)); the
//! service joins names, UPN/ULN and the rest by that reference. The records
//! are typed data (serialisable), not DfE's XML: tag spellings differ between
//! specification versions, so an XML writer belongs
//! to the service and must name the version it follows.

use core::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::calendar::{DateRange, HolidayCalendar};
use crate::deadlines::{decision_to_assess_due, not_to_issue_due, review_decision_due};
use crate::error::{Error, Result};
use crate::pathway::{Case, CeaseGround, EventKind, Phase, ReviewOutcome, Sen2Record};

/// SEN2-SCOPE: the census date of collection year `year` (a Thursday in
/// January): 2024-01-18, 2025-01-16, 2026-01-15, 2027-01-21.
///
/// # Errors
///
/// [`Error::UnknownCensusDate`] for any other year: supply the date with
/// [`CollectionYear::with_census_date`].
pub fn census_date(year: i32) -> Result<NaiveDate> {
    let day = match year {
        2024 => 18,
        2025 => 16,
        2026 => 15,
        2027 => 21,
        _ => return Err(Error::UnknownCensusDate { year }),
    };
    NaiveDate::from_ymd_opt(year, 1, day).ok_or(Error::UnknownCensusDate { year })
}

/// A SEN2 collection year Y and its census date (SEN2-SCOPE).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "CollectionYearRecord", into = "CollectionYearRecord")
)]
pub struct CollectionYear {
    year: i32,
    census: NaiveDate,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CollectionYearRecord {
    year: i32,
    census_date: NaiveDate,
}

#[cfg(feature = "serde")]
impl TryFrom<CollectionYearRecord> for CollectionYear {
    type Error = Error;
    fn try_from(r: CollectionYearRecord) -> Result<Self> {
        CollectionYear::with_census_date(r.year, r.census_date)
    }
}

#[cfg(feature = "serde")]
impl From<CollectionYear> for CollectionYearRecord {
    fn from(c: CollectionYear) -> Self {
        CollectionYearRecord {
            year: c.year,
            census_date: c.census,
        }
    }
}

impl CollectionYear {
    /// Collection year `year` with its known census date ([`census_date`]).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCensusDate`] for a year whose census date is not built in.
    pub fn new(year: i32) -> Result<Self> {
        Ok(CollectionYear {
            year,
            census: census_date(year)?,
        })
    }

    /// Collection year `year` with a census date the caller takes from DfE's guidance.
    ///
    /// # Errors
    ///
    /// [`Error::InconsistentRecord`] unless `census` is a Thursday in January
    /// of `year`, or differs from a built-in census date for that year.
    pub fn with_census_date(year: i32, census: NaiveDate) -> Result<Self> {
        if census.year() != year || census.month() != 1 || census.weekday() != Weekday::Thu {
            return Err(Error::InconsistentRecord {
                reason: format!(
                    "the SEN2 census date of the {year} collection must be a Thursday in January {year}; {census} is not"
                ),
            });
        }
        if let Ok(known) = census_date(year) {
            if known != census {
                return Err(Error::InconsistentRecord {
                    reason: format!(
                        "the census date of the {year} collection is {known}, not {census}"
                    ),
                });
            }
        }
        Ok(CollectionYear { year, census })
    }

    /// The collection year Y.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The census date.
    pub fn census_date(&self) -> NaiveDate {
        self.census
    }

    /// The reporting period: calendar year Y−1, 1 January to 31 December.
    ///
    /// # Errors
    ///
    /// [`Error::OutOfRange`] for a year that cannot be represented.
    pub fn period(&self) -> Result<DateRange> {
        let y = self.year.saturating_sub(1);
        let range = NaiveDate::from_ymd_opt(y, 1, 1).zip(NaiveDate::from_ymd_opt(y, 12, 31));
        let (first, last) = range.ok_or(Error::OutOfRange {
            what: "a SEN2 collection year",
            min: -262_000,
            max: 262_000,
            given: i64::from(self.year),
        })?;
        DateRange::new(first, last)
    }
}

/// Which ceased plans a return lists (SEN2-SCOPE: the window is unverified).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CeasedWindow {
    /// Plans ceased in calendar year Y−1 (default).
    #[default]
    CalendarYear,
    /// Plans ceased after the previous census date up to this one.
    CensusToCensus,
}

/// `RequestOutcome` (SEN2-REQUEST), as at the end of the reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RequestOutcome {
    /// Y: decided to assess.
    Assess,
    /// N: decided not to assess.
    NotAssess,
    /// A: decision not yet made.
    NotYetDecided,
    /// W: withdrawn or ceased before a decision (the child moved away).
    Withdrawn,
    /// H: historical — decided before the period.
    Historical,
}

impl RequestOutcome {
    /// The SEN2 code letter.
    pub fn code(self) -> char {
        match self {
            RequestOutcome::Assess => 'Y',
            RequestOutcome::NotAssess => 'N',
            RequestOutcome::NotYetDecided => 'A',
            RequestOutcome::Withdrawn => 'W',
            RequestOutcome::Historical => 'H',
        }
    }
}

/// `AssessmentOutcome` (SEN2-ASSESSMENT), as at the end of the reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AssessmentOutcome {
    /// Y: plan issued.
    Issue,
    /// N: decided not to issue.
    NotIssue,
    /// A: not yet decided.
    NotYetDecided,
    /// W: withdrawn (the child moved away).
    Withdrawn,
    /// H: historical — decided before the period.
    Historical,
}

impl AssessmentOutcome {
    /// The SEN2 code letter.
    pub fn code(self) -> char {
        match self {
            AssessmentOutcome::Issue => 'Y',
            AssessmentOutcome::NotIssue => 'N',
            AssessmentOutcome::NotYetDecided => 'A',
            AssessmentOutcome::Withdrawn => 'W',
            AssessmentOutcome::Historical => 'H',
        }
    }
}

/// One assessment (SEN2-ASSESSMENT), for a request the council decided to assess.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Sen2Assessment {
    /// `AssessmentOutcome`.
    pub outcome: AssessmentOutcome,
    /// `AssessmentOutcomeDate`: the plan's issue date (Y) or the decision not to issue (N).
    pub outcome_date: Option<NaiveDate>,
    /// `Week20`: 20-week exceptions apply (EXC-13-3).
    pub week20_exceptions: bool,
    /// `AssessmentTribunal`: an appeal was lodged against this assessment's
    /// decision not to issue a plan (appeals on a plan's contents or a cease
    /// are about the plan, not the assessment).
    pub tribunal: bool,
    /// SEN2-TIMELINESS-20W: for a plan issued in the period, within 20 weeks
    /// (T-FINAL-20W's own period, `deadlines::issued_within_20_weeks`).
    pub within_20_weeks: Option<bool>,
    /// For a plan issued in the period: whole days from the request to the issue date.
    pub days_to_issue: Option<i64>,
    /// SEN2-TIMELINESS-OTHER: for a decision not to issue in the period, within
    /// 16 weeks of the request (T-NOTISSUE-16W).
    pub not_to_issue_within_16_weeks: Option<bool>,
}

/// One request (SEN2-REQUEST) in scope of the return.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Sen2Request {
    /// The caller's reference for the child (no identity is held).
    pub reference: String,
    /// `ReceivedDate`: start of the 20-week period.
    pub received_date: NaiveDate,
    /// `RequestOutcome`.
    pub outcome: RequestOutcome,
    /// `RequestOutcomeDate` (Y and N only).
    pub outcome_date: Option<NaiveDate>,
    /// `RequestTribunal`: an appeal against a decision not to assess.
    pub tribunal: bool,
    /// A tribunal order or concession later reversed a "no" (the original outcome stands).
    pub tribunal_reversed: bool,
    /// `Exported`: the child moved to another council before the assessment ended.
    pub exported: bool,
    /// SEN2-TIMELINESS-OTHER: for a decision made in the period, within 6
    /// weeks of the request (T-DECIDE-6W).
    pub decided_within_6_weeks: Option<bool>,
    /// The assessment, once the council decided to assess.
    pub assessment: Option<Sen2Assessment>,
}

/// A plan active on the census date (SEN2-ACTIVE, SEN2-PLAN).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Sen2ActivePlan {
    /// The caller's reference for the child.
    pub reference: String,
    /// `StartDate`: when the plan was first issued (or made, for a plan loaded or transferred in).
    pub start_date: NaiveDate,
    /// `TransferLA`: the council it came from, when the plan was transferred
    /// in during the calendar year the return covers (SEN2-ACTIVE; the year
    /// before the census). The service maps the name to the LA number.
    pub transferred_in_from: Option<String>,
    /// `ReviewMeeting`: the latest annual-review meeting on or before the census date.
    pub review_meeting: Option<NaiveDate>,
    /// `LastReview`: the latest review decision notified on or before the census date.
    pub last_review: Option<NaiveDate>,
    /// `ReviewOutcome`: A amend / C cease / M maintain.
    pub review_outcome: Option<ReviewOutcome>,
    /// SEN2-TIMELINESS-OTHER: `LastReview` within 4 weeks of `ReviewMeeting`
    /// (T-REVIEW-DECISION-4W); `None` when either is missing or the decision
    /// predates the meeting (it belongs to an earlier review).
    pub review_decision_within_4_weeks: Option<bool>,
    /// `PhaseTransferDueDate`: the phase-transfer deadline, when a transfer is recorded.
    pub phase_transfer_due: Option<NaiveDate>,
    /// `PhaseTransferFinalDate`: when the plan was amended for it.
    pub phase_transfer_final: Option<NaiveDate>,
}

/// `CeaseReason` (SEN2-PLAN).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CeaseReason {
    /// 1: reached the maximum age.
    MaximumAge,
    /// 2: needs met without a plan.
    NeedsMetWithoutPlan,
    /// 3: moved on to higher education.
    HigherEducation,
    /// 4: paid employment.
    PaidEmployment,
    /// 5: transferred to another LA in England.
    TransferredToAnotherLa,
    /// 6: no longer wishes to engage in education or training.
    NoLongerWishesToEngage,
    /// 7: moved outside England.
    MovedOutsideEngland,
    /// 9: other.
    Other,
}

impl CeaseReason {
    /// The SEN2 code, 1–9.
    pub fn code(self) -> u8 {
        match self {
            CeaseReason::MaximumAge => 1,
            CeaseReason::NeedsMetWithoutPlan => 2,
            CeaseReason::HigherEducation => 3,
            CeaseReason::PaidEmployment => 4,
            CeaseReason::TransferredToAnotherLa => 5,
            CeaseReason::NoLongerWishesToEngage => 6,
            CeaseReason::MovedOutsideEngland => 7,
            CeaseReason::Other => 9,
        }
    }

    /// The reason for a cease ground. Readings: `MovedAway` (a plan ceased
    /// because the child left) is 7, moved outside England — a move within
    /// England is a transfer, recorded as the case's transfer out (5); a young
    /// person who left education after a review found they do not wish to
    /// return is 6; left education without that finding is 9.
    pub fn of(ground: &CeaseGround) -> Self {
        match ground {
            CeaseGround::NoLongerNecessary => CeaseReason::NeedsMetWithoutPlan,
            CeaseGround::MovedAway => CeaseReason::MovedOutsideEngland,
            CeaseGround::Employment => CeaseReason::PaidEmployment,
            CeaseGround::HigherEducation => CeaseReason::HigherEducation,
            CeaseGround::AgeLimit { .. } => CeaseReason::MaximumAge,
            CeaseGround::LeftEducation {
                review_found_not_returning,
            } => match review_found_not_returning {
                crate::pathway::ReviewFinding::NotReturning => CeaseReason::NoLongerWishesToEngage,
                crate::pathway::ReviewFinding::NoFinding => CeaseReason::Other,
            },
        }
    }
}

/// A plan that ceased, or transferred out, in the window (SEN2-PLAN).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Sen2CeasedPlan {
    /// The caller's reference for the child.
    pub reference: String,
    /// `StartDate`, when known.
    pub start_date: Option<NaiveDate>,
    /// `CeaseDate`: the day the plan ended or transferred (not the decision date).
    pub cease_date: NaiveDate,
    /// `CeaseReason`.
    pub reason: CeaseReason,
}

/// One council's SEN2 return for a collection year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Sen2Return {
    /// The collection year and census date.
    pub year: CollectionYear,
    /// The council (empty for an empty caseload).
    pub council: String,
    /// Requests in scope, by reference then received date.
    pub requests: Vec<Sen2Request>,
    /// Plans active on the census date, by reference.
    pub active_plans: Vec<Sen2ActivePlan>,
    /// Plans ceased or transferred out in the window, by reference.
    pub ceased_plans: Vec<Sen2CeasedPlan>,
}

fn within(date: Option<NaiveDate>, period: &DateRange) -> bool {
    date.is_some_and(|d| period.contains(d))
}

fn by_end(date: Option<NaiveDate>, period: &DateRange) -> Option<NaiveDate> {
    date.filter(|d| *d <= period.last())
}

/// SEN2-SCOPE: a request is in scope when it was received, or any decision
/// on it was made, in the period.
fn in_scope(r: &Sen2Record, period: &DateRange) -> bool {
    period.contains(r.request_received)
        || within(r.decided_to_assess_on, period)
        || within(r.decided_not_to_assess_on, period)
        || within(r.decided_not_to_issue_on, period)
        || within(r.plan_issued_on, period)
}

/// SEN2-REQUEST and SEN2-ASSESSMENT for one record, as at the period's end.
fn request_row(
    reference: &str,
    r: &Sen2Record,
    period: &DateRange,
    cal: &HolidayCalendar,
) -> Result<Sen2Request> {
    let historical = |d: NaiveDate| d < period.first();
    let (outcome, outcome_date) = if let Some(d) = by_end(r.decided_to_assess_on, period) {
        (
            if historical(d) {
                RequestOutcome::Historical
            } else {
                RequestOutcome::Assess
            },
            Some(d),
        )
    } else if let Some(d) = by_end(r.decided_not_to_assess_on, period) {
        (
            if historical(d) {
                RequestOutcome::Historical
            } else {
                RequestOutcome::NotAssess
            },
            Some(d),
        )
    } else if r.exported {
        (RequestOutcome::Withdrawn, None)
    } else {
        (RequestOutcome::NotYetDecided, None)
    };
    // SEN2-TIMELINESS-OTHER: T-DECIDE-6W from the crate's own deadline.
    let decided_within_6_weeks = match (outcome, outcome_date) {
        (RequestOutcome::Assess | RequestOutcome::NotAssess, Some(d)) => {
            Some(d <= decision_to_assess_due(r.request_received, cal)?.due())
        }
        _ => None,
    };
    let assessment = match by_end(r.decided_to_assess_on, period) {
        Some(_) => Some(assessment_row(r, period, cal)?),
        None => None,
    };
    let outcome_date = match outcome {
        RequestOutcome::Assess | RequestOutcome::NotAssess => outcome_date,
        _ => None,
    };
    Ok(Sen2Request {
        reference: reference.to_owned(),
        received_date: r.request_received,
        outcome,
        outcome_date,
        tribunal: r.appealed && outcome == RequestOutcome::NotAssess,
        tribunal_reversed: r.tribunal_reversed,
        exported: r.exported,
        decided_within_6_weeks,
        assessment,
    })
}

fn assessment_row(
    r: &Sen2Record,
    period: &DateRange,
    cal: &HolidayCalendar,
) -> Result<Sen2Assessment> {
    let historical = |d: NaiveDate| d < period.first();
    let (outcome, date) = if let Some(d) = by_end(r.plan_issued_on, period) {
        let o = if historical(d) {
            AssessmentOutcome::Historical
        } else {
            AssessmentOutcome::Issue
        };
        (o, Some(d))
    } else if let Some(d) = by_end(r.decided_not_to_issue_on, period) {
        let o = if historical(d) {
            AssessmentOutcome::Historical
        } else {
            AssessmentOutcome::NotIssue
        };
        (o, Some(d))
    } else if r.exported {
        (AssessmentOutcome::Withdrawn, None)
    } else {
        (AssessmentOutcome::NotYetDecided, None)
    };
    let (within_20_weeks, days_to_issue) = match (outcome, date) {
        // SEN2-TIMELINESS-20W: the case's own T-FINAL-20W judgement.
        (AssessmentOutcome::Issue, Some(d)) => {
            (r.within_20_weeks, Some((d - r.request_received).num_days()))
        }
        _ => (None, None),
    };
    let not_to_issue_within_16_weeks = match (outcome, date) {
        (AssessmentOutcome::NotIssue, Some(d)) => {
            Some(d <= not_to_issue_due(r.request_received, cal)?.due())
        }
        _ => None,
    };
    Ok(Sen2Assessment {
        outcome,
        outcome_date: match outcome {
            AssessmentOutcome::Issue | AssessmentOutcome::NotIssue => date,
            _ => None,
        },
        week20_exceptions: r.exceptions_apply,
        tribunal: r.assessment_appealed,
        within_20_weeks,
        days_to_issue,
        not_to_issue_within_16_weeks,
    })
}

/// When the case's (latest) plan started: the issue of a final plan, a plan
/// loaded as existing, or a plan transferred in; `None` if the case never had one.
fn plan_start(case: &Case) -> Option<NaiveDate> {
    if let Some(plan) = case.phase().plan() {
        return Some(plan.issued_on());
    }
    case.history().iter().rev().find_map(|e| match &e.kind {
        EventKind::FinalPlanIssued { .. } | EventKind::PlanTransferredIn { .. } => Some(e.on),
        EventKind::ExistingPlanLoaded { issued_on, .. } => Some(*issued_on),
        _ => None,
    })
}

/// SEN2-ACTIVE: the plan's row when it was active on the census date.
fn active_row(
    case: &Case,
    census: NaiveDate,
    cal: &HolidayCalendar,
) -> Result<Option<Sen2ActivePlan>> {
    let ended = match case.phase() {
        Phase::Plan(_) => None,
        Phase::Ceased { on, .. } | Phase::TransferredOut { on, .. } => Some(*on),
        _ => return Ok(None),
    };
    let Some(start) = plan_start(case) else {
        return Ok(None);
    };
    if start > census || ended.is_some_and(|on| on <= census) {
        return Ok(None);
    }
    let mut review_meeting = None;
    let mut last_review = None;
    for event in case.history().iter().take_while(|e| e.on <= census) {
        match &event.kind {
            EventKind::ReviewMeetingHeld => review_meeting = Some(event.on),
            EventKind::ReviewDecided { outcome } => last_review = Some((event.on, *outcome)),
            _ => {}
        }
    }
    // SEN2-TIMELINESS-OTHER: ReviewMeeting -> LastReview within 4 weeks (T-REVIEW-DECISION-4W).
    let review_decision_within_4_weeks = match (review_meeting, last_review) {
        (Some(meeting), Some((decided, _))) if decided >= meeting => {
            Some(decided <= review_decision_due(meeting, cal)?.due())
        }
        _ => None,
    };
    let plan = case.phase().plan();
    let transfer = plan.and_then(|p| p.phase_transfer());
    let phase_transfer_due = match transfer {
        Some(t) => Some(
            crate::deadlines::phase_transfer_due(
                t.transfer_on(),
                t.transfer(),
                case.policy().phase_transfer,
                cal,
            )?
            .due(),
        ),
        None => None,
    };
    Ok(Some(Sen2ActivePlan {
        reference: case.child().reference.clone(),
        start_date: start,
        // SEN2-ACTIVE: only a transfer in the calendar year Y−1 is reported.
        transferred_in_from: plan
            .and_then(|p| p.transfer_in())
            .filter(|t| census.year().checked_sub(1) == Some(t.transferred_on().year()))
            .map(|t| t.from_council().to_owned()),
        review_meeting,
        last_review: last_review.map(|(d, _)| d),
        review_outcome: last_review.map(|(_, o)| o),
        review_decision_within_4_weeks,
        phase_transfer_due,
        phase_transfer_final: transfer.and_then(|t| t.amended_on()),
    }))
}

impl Sen2Return {
    /// Build one council's return for `year` from its caseload (SEN2-SCOPE):
    ///
    /// * **requests** — every request received, or decided on, in calendar
    ///   year Y−1, from each case's [`sen2_records`](Case::sen2_records), with
    ///   outcomes as at 31 December Y−1 (SEN2-REQUEST, SEN2-ASSESSMENT): a
    ///   decision before the period is H, a move away before a decision is W;
    /// * **active plans** — every plan active on the census date, with the
    ///   latest review meeting and decision on or before it read from the
    ///   case's history (SEN2-ACTIVE);
    /// * **ceased plans** — plans ceased or transferred out in `ceased`'s window (SEN2-PLAN).
    ///
    /// Readings (DfE's exact formulas are unverified): 20 weeks is
    /// T-FINAL-20W's own period (`deadlines::issued_within_20_weeks`); the
    /// 6-week, 16-week and 4-week measures use the crate's own deadlines
    /// (T-DECIDE-6W, T-NOTISSUE-16W, T-REVIEW-DECISION-4W); `RequestTribunal`
    /// is an appeal against the refusal to assess and `AssessmentTribunal`
    /// one against the decision not to issue a plan.
    ///
    /// # Errors
    ///
    /// [`Error::MixedCouncils`] when the cases come from more than one
    /// council's policy (a return is per council: group first); date errors
    /// at the edges of the representable range.
    pub fn build<'a>(
        cases: impl IntoIterator<Item = &'a Case>,
        year: CollectionYear,
        ceased: CeasedWindow,
        cal: &HolidayCalendar,
    ) -> Result<Self> {
        let period = year.period()?;
        let ceased_window = match ceased {
            CeasedWindow::CalendarYear => period,
            CeasedWindow::CensusToCensus => {
                let previous = census_date(year.year.saturating_sub(1))
                    .ok()
                    .and_then(|d| d.succ_opt())
                    .unwrap_or(period.first());
                DateRange::new(previous.min(year.census), year.census)?
            }
        };
        let mut council: Option<&str> = None;
        let mut out = Sen2Return {
            year,
            council: String::new(),
            requests: Vec::new(),
            active_plans: Vec::new(),
            ceased_plans: Vec::new(),
        };
        for case in cases {
            let this = case.policy().council.as_str();
            match council {
                None => council = Some(this),
                Some(first) if first != this => {
                    return Err(Error::MixedCouncils {
                        first: first.to_owned(),
                        other: this.to_owned(),
                        view: "SEN2 return",
                    })
                }
                Some(_) => {}
            }
            let reference = case.child().reference.as_str();
            for record in case.sen2_records() {
                if in_scope(record, &period) {
                    out.requests
                        .push(request_row(reference, record, &period, cal)?);
                }
            }
            if let Some(active) = active_row(case, year.census, cal)? {
                out.active_plans.push(active);
            }
            let ended = match case.phase() {
                Phase::Ceased { on, ground } => Some((*on, CeaseReason::of(ground))),
                Phase::TransferredOut { on, .. } if plan_start(case).is_some() => {
                    Some((*on, CeaseReason::TransferredToAnotherLa))
                }
                _ => None,
            };
            if let Some((on, reason)) = ended {
                if ceased_window.contains(on) {
                    out.ceased_plans.push(Sen2CeasedPlan {
                        reference: reference.to_owned(),
                        start_date: plan_start(case),
                        cease_date: on,
                        reason,
                    });
                }
            }
        }
        out.council = council.unwrap_or_default().to_owned();
        out.requests.sort_by(|a, b| {
            a.reference
                .cmp(&b.reference)
                .then(a.received_date.cmp(&b.received_date))
        });
        out.active_plans
            .sort_by(|a, b| a.reference.cmp(&b.reference));
        out.ceased_plans
            .sort_by(|a, b| a.reference.cmp(&b.reference));
        Ok(out)
    }

    /// The published measures, counted from this return's own records.
    pub fn aggregates(&self) -> Sen2Aggregates {
        let mut a = Sen2Aggregates::default();
        let mut total_days: i64 = 0;
        for r in &self.requests {
            if period_outcome(r.outcome) {
                a.requests_decided += 1;
            }
            match r.outcome {
                RequestOutcome::Assess => a.decided_to_assess += 1,
                RequestOutcome::NotAssess => a.decided_not_to_assess += 1,
                _ => {}
            }
            if let Some(w) = r.decided_within_6_weeks {
                a.decisions_within_6_weeks.add(w);
            }
            let Some(s) = &r.assessment else { continue };
            if let Some(w) = s.not_to_issue_within_16_weeks {
                a.not_to_issue_within_16_weeks.add(w);
            }
            if let (Some(w), Some(days)) = (s.within_20_weeks, s.days_to_issue) {
                // SEN2-TIMELINESS-20W: both measures from the same records.
                a.within_20_weeks_including_exceptions.add(w);
                if !s.week20_exceptions {
                    a.within_20_weeks_excluding_exceptions.add(w);
                }
                // SEN2-TIMELINESS-20W bands: the first is T-FINAL-20W's own
                // judgement; 52 weeks is 364 days (DC-1).
                match (w, days) {
                    (true, _) => a.issued_within_20_weeks += 1,
                    (false, ..=364) => a.issued_20_to_52_weeks += 1,
                    (false, _) => a.issued_over_52_weeks += 1,
                }
                total_days = total_days.saturating_add(days);
            }
        }
        a.requests = self.requests.len() as u64;
        let issued = a.within_20_weeks_including_exceptions.whole;
        a.average_weeks_to_issue = if issued == 0 {
            None
        } else {
            Decimal::from(total_days)
                .checked_div(Decimal::from(issued))
                .and_then(|d| d.checked_div(Decimal::from(7)))
                .map(|w| w.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero))
        };
        for p in &self.active_plans {
            if let Some(w) = p.review_decision_within_4_weeks {
                a.review_decisions_within_4_weeks.add(w);
            }
            match p.review_outcome {
                Some(ReviewOutcome::Amend) => a.reviews_amend += 1,
                Some(ReviewOutcome::Cease) => a.reviews_cease += 1,
                Some(ReviewOutcome::Maintain) => a.reviews_maintain += 1,
                _ => {}
            }
        }
        a.active_plans = self.active_plans.len() as u64;
        a.ceased_plans = self.ceased_plans.len() as u64;
        a
    }
}

fn period_outcome(o: RequestOutcome) -> bool {
    matches!(o, RequestOutcome::Assess | RequestOutcome::NotAssess)
}

/// A count out of a count, with the percentage DfE publishes: one decimal
/// place, halves away from zero, shown beside the exact counts.
///
/// ```
/// use send_pathway::caseload::Proportion;
/// // England 2019, excluding exceptions (the exceptions of EXC-13-3).
/// let p = Proportion::new(29_895, 49_519);
/// assert_eq!(p.to_string(), "60.4% (29,895 of 49,519)");
/// assert_eq!(Proportion::new(0, 0).to_string(), "n/a (0 of 0)");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Proportion {
    /// The count meeting the measure.
    pub part: u64,
    /// The count measured.
    pub whole: u64,
}

impl Proportion {
    /// `part` out of `whole`.
    pub fn new(part: u64, whole: u64) -> Self {
        Proportion { part, whole }
    }

    fn add(&mut self, yes: bool) {
        self.whole += 1;
        self.part += u64::from(yes);
    }

    /// The percentage to one decimal place, halves away from zero; `None` when nothing was measured.
    pub fn percent(&self) -> Option<Decimal> {
        if self.whole == 0 {
            return None;
        }
        Decimal::from(self.part)
            .checked_mul(Decimal::from(100))?
            .checked_div(Decimal::from(self.whole))
            .map(|p| p.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero))
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Proportion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counts = format!("({} of {})", thousands(self.part), thousands(self.whole));
        match self.percent() {
            Some(p) => f.pad(&format!("{p:.1}% {counts}")),
            None => f.pad(&format!("n/a {counts}")),
        }
    }
}

/// The published measures of a return (SEN2-TIMELINESS-20W, SEN2-TIMELINESS-OTHER).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Sen2Aggregates {
    /// Requests in scope.
    pub requests: u64,
    /// Requests decided in the period (Y or N).
    pub requests_decided: u64,
    /// Of them, decided to assess.
    pub decided_to_assess: u64,
    /// Of them, decided not to assess.
    pub decided_not_to_assess: u64,
    /// Request decisions in the period within 6 weeks (T-DECIDE-6W).
    pub decisions_within_6_weeks: Proportion,
    /// Decisions not to issue in the period within 16 weeks (T-NOTISSUE-16W).
    pub not_to_issue_within_16_weeks: Proportion,
    /// Plans issued in the period within 20 weeks, all plans.
    pub within_20_weeks_including_exceptions: Proportion,
    /// The same with plans where exceptions apply removed from both counts.
    pub within_20_weeks_excluding_exceptions: Proportion,
    /// Plans issued within 20 weeks (T-FINAL-20W).
    pub issued_within_20_weeks: u64,
    /// Plans issued after 20 and within 52 weeks.
    pub issued_20_to_52_weeks: u64,
    /// Plans issued after more than 52 weeks.
    pub issued_over_52_weeks: u64,
    /// Mean weeks from request to issue, one decimal place; `None` with no plans issued.
    pub average_weeks_to_issue: Option<Decimal>,
    /// Active plans whose latest review decision came within 4 weeks of the meeting.
    pub review_decisions_within_4_weeks: Proportion,
    /// Active plans whose latest review decided to amend.
    pub reviews_amend: u64,
    /// … to cease.
    pub reviews_cease: u64,
    /// … to maintain unchanged.
    pub reviews_maintain: u64,
    /// Plans active on the census date.
    pub active_plans: u64,
    /// Plans ceased or transferred out in the window.
    pub ceased_plans: u64,
}
