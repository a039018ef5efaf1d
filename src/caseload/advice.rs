//! The advice chase list across a caseload (T-ADVICE-6W, SOP-ADVICE-TRACK-6W).

use chrono::NaiveDate;

use super::{Judged, Unjudged};
use crate::advice::{chase_list, chase_order, ChaseItem};
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
/// As [`advice::chase_list`](crate::advice::chase_list), for the first case
/// that cannot be judged ([`advice_chase_view`] judges the others and names it).
pub fn advice_chase_list<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    within_days: i64,
    cal: &HolidayCalendar,
) -> Result<Vec<ChaseItem>> {
    advice_chase_view(cases, today, within_days, cal).first_error()
}

/// The advice chase list ([`advice_chase_list`]) for every case it can
/// judge, and beside it each case it could not (reference, position, reason
/// — for example an advice due date outside the caller's bank-holiday table).
/// The items are in the same order as the all-or-nothing list: soonest
/// first, ties by case reference, then in caseload order.
///
/// ```
/// use chrono::NaiveDate;
/// use send_pathway::calendar::HolidayCalendar;
/// use send_pathway::caseload::advice_chase_view;
/// let cal = HolidayCalendar::england_and_wales();
/// let today = NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("bad date")?;
/// let view = advice_chase_view(std::iter::empty(), today, 10, &cal);
/// assert!(view.rows.is_empty() && view.is_complete());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn advice_chase_view<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    within_days: i64,
    cal: &HolidayCalendar,
) -> Judged<Vec<ChaseItem>> {
    let mut items = Vec::new();
    let mut unjudged = Vec::new();
    for (position, case) in cases.into_iter().enumerate() {
        let reference = case.child().reference.as_str();
        let advice = case.phase().assessment().and_then(|a| match a.step() {
            AssessmentStep::Assessing { advice, .. }
            | AssessmentStep::DraftIssued { advice, .. } => Some(advice),
            _ => None,
        });
        let Some(advice) = advice else {
            continue;
        };
        let requests = advice.requests().iter().map(|r| (reference, r));
        match chase_list(requests, today, within_days, cal) {
            Ok(found) => items.extend(found),
            Err(error) => unjudged.push(Unjudged::new(position, case, error)),
        }
    }
    // The order `chase_list` gives one list (a stable sort: caseload order within ties).
    items.sort_by(chase_order);
    Judged {
        rows: items,
        unjudged,
    }
}
