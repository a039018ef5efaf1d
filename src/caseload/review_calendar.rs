//! The review calendar: annual reviews due per month, for planning panels.

use core::fmt;
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::{is_open, CaseRef, Judged, Unjudged};
use crate::calendar::HolidayCalendar;
use crate::deadlines::Deadline;
use crate::error::{Error, Result};
use crate::exceptions::Status;
use crate::pathway::{Case, Subject};

/// A calendar month, e.g. 2026-03.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "String", try_from = "String"))]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// The month `month` (1–12) of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::OutOfRange`] when `month` is not 1–12 or the year cannot be
    /// represented as a date.
    pub fn new(year: i32, month: u32) -> Result<Self> {
        if NaiveDate::from_ymd_opt(year, month, 1).is_none() {
            return Err(Error::OutOfRange {
                what: "a month number (1-12) in a representable year",
                min: 1,
                max: 12,
                given: i64::from(month),
            });
        }
        Ok(YearMonth { year, month })
    }

    /// The month containing `date`.
    pub fn of(date: NaiveDate) -> Self {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(&self) -> u32 {
        self.month
    }
}

impl core::str::FromStr for YearMonth {
    type Err = Error;

    /// Read a month as written by `Display`, `YYYY-MM` (a query such as
    /// `?month=2026-07`).
    ///
    /// ```
    /// use send_pathway::caseload::YearMonth;
    /// let m: YearMonth = "2026-07".parse()?;
    /// assert_eq!(m, YearMonth::new(2026, 7)?);
    /// assert!("2026-13".parse::<YearMonth>().is_err());
    /// # Ok::<(), send_pathway::Error>(())
    /// ```
    fn from_str(text: &str) -> Result<Self> {
        let unparsable = || Error::Unparsable {
            given: text.to_owned(),
            expected: "a month in the form YYYY-MM, such as 2026-07",
        };
        let (year, month) = text.trim().split_once('-').ok_or_else(unparsable)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(unparsable());
        }
        let year: i32 = year.parse().map_err(|_| unparsable())?;
        let month: u32 = month.parse().map_err(|_| unparsable())?;
        YearMonth::new(year, month).map_err(|_| unparsable())
    }
}

impl From<YearMonth> for String {
    fn from(m: YearMonth) -> Self {
        m.to_string()
    }
}

impl TryFrom<String> for YearMonth {
    type Error = Error;
    fn try_from(text: String) -> Result<Self> {
        text.parse()
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{:04}-{:02}", self.year, self.month))
    }
}

/// One annual review in the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ReviewDue<'a> {
    /// The case.
    pub case: CaseRef<'a>,
    /// The review deadline (T-REVIEW-12M, or T-TRANSFER-REVIEW for a plan
    /// transferred in and not yet reviewed here).
    pub deadline: Deadline,
    /// Pending, overdue, or missed but excused.
    pub status: Status,
}

/// Annual reviews due, grouped by the month they fall due (overdue ones in
/// the past months they were due).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct ReviewCalendar<'a> {
    months: BTreeMap<YearMonth, Vec<ReviewDue<'a>>>,
}

impl<'a> ReviewCalendar<'a> {
    /// The months with at least one review due, in order, with their reviews
    /// (by due date, then case position).
    pub fn months(&self) -> impl Iterator<Item = (YearMonth, &[ReviewDue<'a>])> + '_ {
        self.months.iter().map(|(m, v)| (*m, v.as_slice()))
    }

    /// The reviews due in `month` (empty for a month with none).
    pub fn reviews_in(&self, month: YearMonth) -> &[ReviewDue<'a>] {
        self.months.get(&month).map_or(&[], Vec::as_slice)
    }

    /// How many reviews are due in `month` (0 for a month with none).
    pub fn count(&self, month: YearMonth) -> usize {
        self.reviews_in(month).len()
    }

    /// Reviews due in the months `from ..= to`, month by month, including
    /// months with none (count 0) — a year with no activity gives twelve zeros.
    ///
    /// The months are streamed, not collected: a range of any length costs
    /// nothing until it is read, and reading it costs one lookup a month.
    pub fn between(
        &self,
        from: YearMonth,
        to: YearMonth,
    ) -> impl Iterator<Item = (YearMonth, usize)> + '_ {
        let mut next = (from <= to).then_some(from);
        core::iter::from_fn(move || {
            let m = next?;
            let following = if m.month == 12 {
                YearMonth::new(m.year.saturating_add(1), 1)
            } else {
                YearMonth::new(m.year, m.month.saturating_add(1))
            };
            next = following.ok().filter(|n| *n > m && *n <= to);
            Some((m, self.count(m)))
        })
    }

    /// All reviews in the calendar.
    pub fn total(&self) -> usize {
        self.months.values().map(Vec::len).sum()
    }

    /// Whether no review is due.
    pub fn is_empty(&self) -> bool {
        self.months.is_empty()
    }
}

/// The review calendar of `cases` on `today`: every open annual review of a
/// maintained plan (T-REVIEW-12M; T-TRANSFER-REVIEW for a plan transferred
/// in), grouped by the month it is due.
///
/// The dates are the cases' own obligations ([`Case::obligations`]), so each
/// follows its council's policy (its reading of the review anchor, T-REVIEW-12M). Under-5 reviews
/// (T-REVIEW-UNDER5) are extra reviews of the same plan and are left out;
/// use [`urgent_list`](super::urgent_list) with a rule filter for them.
///
/// # Errors
///
/// As [`Case::obligations`], for the first case that cannot be judged
/// ([`review_calendar_view`] judges the others and names it).
pub fn review_calendar<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    cal: &HolidayCalendar,
) -> Result<ReviewCalendar<'a>> {
    review_calendar_view(cases, today, cal).first_error()
}

/// The review calendar ([`review_calendar`]) of every case it can judge, and
/// beside it each case it could not (reference, position, reason — for
/// example a review date outside the caller's bank-holiday table).
///
/// ```
/// use chrono::NaiveDate;
/// use send_pathway::calendar::HolidayCalendar;
/// use send_pathway::caseload::review_calendar_view;
/// let cal = HolidayCalendar::england_and_wales();
/// let today = NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("bad date")?;
/// let view = review_calendar_view(std::iter::empty(), today, &cal);
/// assert!(view.rows.is_empty() && view.is_complete());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn review_calendar_view<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    cal: &HolidayCalendar,
) -> Judged<ReviewCalendar<'a>> {
    let mut months: BTreeMap<YearMonth, Vec<ReviewDue<'a>>> = BTreeMap::new();
    let mut unjudged = Vec::new();
    for (position, case) in cases.into_iter().enumerate() {
        if case.phase().plan().is_none() {
            continue;
        }
        let obligations = match case.obligations(today, cal) {
            Ok(obligations) => obligations,
            Err(error) => {
                unjudged.push(Unjudged::new(position, case, error));
                continue;
            }
        };
        for obligation in obligations {
            if obligation.subject != Subject::AnnualReview || !is_open(obligation.status) {
                continue;
            }
            months
                .entry(YearMonth::of(obligation.deadline.due()))
                .or_default()
                .push(ReviewDue {
                    case: CaseRef::new(position, case),
                    deadline: obligation.deadline,
                    status: obligation.status,
                });
        }
    }
    for reviews in months.values_mut() {
        reviews.sort_by(|a, b| {
            a.deadline
                .due()
                .cmp(&b.deadline.due())
                .then_with(|| a.case.position().cmp(&b.case.position()))
        });
    }
    Judged {
        rows: ReviewCalendar { months },
        unjudged,
    }
}
