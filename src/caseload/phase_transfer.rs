//! The phase-transfer cohort of a transfer year (T-PHASE-15FEB, T-PHASE-31MAR).

use chrono::{Datelike, NaiveDate};

use super::{CaseRef, Judged, Unjudged};
use crate::calendar::{year_group, AcademicYear, HolidayCalendar, YearGroup};
use crate::deadlines::{plan_phase_transfer, Deadline, PhaseTransfer};
use crate::error::Result;
use crate::exceptions::Status;
use crate::pathway::Case;

/// Why a case is in the cohort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TransferBasis {
    /// The case records the transfer (`PhaseTransferPlanned`).
    Recorded,
    /// No transfer is recorded; the child's year group in the academic year
    /// starting in September of the transfer year is a usual transfer point
    /// (Reception, Year 7, Year 12).
    YearGroup(YearGroup),
}

/// One child of the cohort.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CohortEntry<'a> {
    /// The case.
    pub case: CaseRef<'a>,
    /// The transfer.
    pub transfer: PhaseTransfer,
    /// The day of transfer (recorded, or 1 September of the transfer year).
    pub transfer_on: NaiveDate,
    /// Recorded, or inferred from the year group.
    pub basis: TransferBasis,
    /// The amended plan's deadline, under the case's DC-7 reading.
    pub deadline: Deadline,
    /// Last day to hold the review meeting with every window at full length.
    pub latest_review_meeting: NaiveDate,
    /// Last day to send the amendment notice with 8 weeks to spare.
    pub latest_amendment_notice: NaiveDate,
    /// When the plan was amended for the transfer, if recorded.
    pub amended_on: Option<NaiveDate>,
    /// Met, Late, Pending or Overdue on the day the cohort was drawn.
    pub status: Status,
}

impl CohortEntry<'_> {
    /// Still to be reviewed and amended (pending or overdue).
    pub fn to_amend(&self) -> bool {
        self.amended_on.is_none()
    }

    /// Already late: amended after the deadline, or not amended and past it.
    pub fn is_late(&self) -> bool {
        matches!(self.status, Status::Late | Status::Overdue)
    }
}

/// The phase-transfer cohort of one transfer year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PhaseTransferCohort<'a> {
    /// The calendar year of transfer.
    pub transfer_year: i32,
    /// Everyone transferring, by deadline then case position.
    pub entries: Vec<CohortEntry<'a>>,
}

impl<'a> PhaseTransferCohort<'a> {
    /// Who must still be reviewed and amended.
    pub fn to_amend(&self) -> impl Iterator<Item = &CohortEntry<'a>> + '_ {
        self.entries.iter().filter(|e| e.to_amend())
    }

    /// Who is already late.
    pub fn late(&self) -> impl Iterator<Item = &CohortEntry<'a>> + '_ {
        self.entries.iter().filter(|e| e.is_late())
    }
}

fn usual_transfer(group: YearGroup) -> Option<PhaseTransfer> {
    match group.number() {
        0 => Some(PhaseTransfer::EarlyYearsToSchool),
        7 => Some(PhaseTransfer::PrimaryToSecondary),
        12 => Some(PhaseTransfer::SecondaryToPostSixteen),
        _ => None,
    }
}

/// The cohort transferring in calendar year `transfer_year`: every maintained
/// plan with a recorded phase transfer that year, and every other plan whose
/// child enters Reception, Year 7 or Year 12 in September of that year (the
/// usual transfer points; infant-to-junior and middle-school transfers depend
/// on the local school structure, so record them with `PhaseTransferPlanned`).
///
/// The deadline comes from [`deadlines::phase_transfer_due`](crate::deadlines::phase_transfer_due)
/// — T-PHASE-15FEB, T-PHASE-31MAR (reg 18(1), DC-7) or T-PHASE-POST16-5M — under
/// the DC-7 reading of each case's own policy, with the latest review
/// meeting and amendment notice from [`plan_phase_transfer`]. Status is
/// judged on `today`: `Met`/`Late` once amended, `Pending`/`Overdue` before.
///
/// # Errors
///
/// [`Error::DateOverflow`](crate::Error::DateOverflow) or
/// [`Error::OutOfRange`](crate::Error::OutOfRange) at the edges of the
/// representable dates; [`Error::OutsideHolidayTable`](crate::Error::OutsideHolidayTable)
/// for the first case whose deadline is outside the caller's table
/// ([`phase_transfer_cohort_view`] judges the others and names it).
pub fn phase_transfer_cohort<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    transfer_year: i32,
    today: NaiveDate,
    cal: &HolidayCalendar,
) -> Result<PhaseTransferCohort<'a>> {
    phase_transfer_cohort_view(cases, transfer_year, today, cal)?.first_error()
}

/// The phase-transfer cohort ([`phase_transfer_cohort`]) of every case it
/// can judge, and beside it each case it could not (reference, position,
/// reason — for example a deadline outside the caller's bank-holiday table).
///
/// ```
/// use chrono::NaiveDate;
/// use send_pathway::calendar::HolidayCalendar;
/// use send_pathway::caseload::phase_transfer_cohort_view;
/// let cal = HolidayCalendar::england_and_wales();
/// let today = NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("bad date")?;
/// let view = phase_transfer_cohort_view(std::iter::empty(), 2026, today, &cal)?;
/// assert!(view.rows.entries.is_empty() && view.is_complete());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`Error::DateOverflow`](crate::Error::DateOverflow) when `transfer_year`
/// has no representable 1 September (no case can be judged then).
pub fn phase_transfer_cohort_view<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    transfer_year: i32,
    today: NaiveDate,
    cal: &HolidayCalendar,
) -> Result<Judged<PhaseTransferCohort<'a>>> {
    let year = AcademicYear::starting(transfer_year);
    let september = year.first_day()?;
    let mut entries = Vec::new();
    let mut unjudged = Vec::new();
    for (position, case) in cases.into_iter().enumerate() {
        match cohort_entry(position, case, transfer_year, year, september, today, cal) {
            Ok(Some(entry)) => entries.push(entry),
            Ok(None) => {}
            Err(error) => unjudged.push(Unjudged::new(position, case, error)),
        }
    }
    entries.sort_by(|a, b| {
        a.deadline
            .due()
            .cmp(&b.deadline.due())
            .then_with(|| a.case.position().cmp(&b.case.position()))
    });
    Ok(Judged {
        rows: PhaseTransferCohort {
            transfer_year,
            entries,
        },
        unjudged,
    })
}

/// The cohort entry of one case, `None` when it does not transfer that year.
fn cohort_entry<'a>(
    position: usize,
    case: &'a Case,
    transfer_year: i32,
    year: AcademicYear,
    september: NaiveDate,
    today: NaiveDate,
    cal: &HolidayCalendar,
) -> Result<Option<CohortEntry<'a>>> {
    let Some(plan) = case.phase().plan() else {
        return Ok(None);
    };
    let (transfer, transfer_on, basis, amended_on) = match plan.phase_transfer() {
        Some(planned) => {
            if planned.transfer_on().year() != transfer_year {
                return Ok(None);
            }
            (
                planned.transfer(),
                planned.transfer_on(),
                TransferBasis::Recorded,
                planned.amended_on(),
            )
        }
        None => {
            let group = year_group(case.child().date_of_birth, year)?;
            let Some(transfer) = usual_transfer(group) else {
                return Ok(None);
            };
            (transfer, september, TransferBasis::YearGroup(group), None)
        }
    };
    let planned = plan_phase_transfer(transfer_on, transfer, case.policy().phase_transfer, cal)?;
    let deadline = planned.amended_plan;
    let status = match amended_on {
        Some(on) if on <= deadline.due() => Status::Met,
        Some(_) => Status::Late,
        None if today > deadline.due() => Status::Overdue,
        None => Status::Pending,
    };
    Ok(Some(CohortEntry {
        case: CaseRef::new(position, case),
        transfer,
        transfer_on,
        basis,
        deadline,
        latest_review_meeting: planned.latest_review_meeting,
        latest_amendment_notice: planned.latest_amendment_notice,
        amended_on,
        status,
    }))
}
