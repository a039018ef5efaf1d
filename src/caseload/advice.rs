//! The advice chase list across a caseload (T-ADVICE-6W, SOP-ADVICE-TRACK-6W).

use chrono::NaiveDate;

use crate::advice::{chase_list, ChaseItem};
use crate::calendar::HolidayCalendar;
use crate::error::Result;
use crate::pathway::{AssessmentStep, Case};

/// The advice chase list of every assessment in `cases`: each open advice
/// request due within `within_days` of `today` or already overdue, soonest
/// first, with whom to chase — [`advice::chase_list`](crate::advice::chase_list)
/// over the requests of every case gathering advice (or with a draft out and
/// advice still missing). Each item names its case by the child's reference.
///
/// # Errors
///
/// As [`advice::chase_list`](crate::advice::chase_list).
pub fn advice_chase_list<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    within_days: i64,
    cal: &HolidayCalendar,
) -> Result<Vec<ChaseItem>> {
    let requests = cases.into_iter().flat_map(|case| {
        let reference = case.child().reference.as_str();
        let advice = case.phase().assessment().and_then(|a| match a.step() {
            AssessmentStep::Assessing { advice, .. }
            | AssessmentStep::DraftIssued { advice, .. } => Some(advice),
            _ => None,
        });
        advice
            .into_iter()
            .flat_map(|a| a.requests().iter())
            .map(move |r| (reference, r))
    });
    chase_list(requests, today, within_days, cal)
}
