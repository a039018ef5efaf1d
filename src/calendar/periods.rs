//! Statutory periods, counted exactly as the date conventions DC-1 … DC-7 of the rules catalogue (RULES.md) say.
//!
//! Each function answers one phrase of the Regulations. Periods are calendar
//! periods: only DC-6 ("working days", see [`HolidayCalendar`](super::HolidayCalendar))
//! skips weekends and holidays. A due date that lands on a non-working day is
//! never moved (DC-8); the [`deadlines`](crate::deadlines) module flags it.
//!
//! ```
//! use chrono::NaiveDate;
//! use send_pathway::calendar::{days_beginning_with, months_after, weeks_after};
//!
//! let x = NaiveDate::from_ymd_opt(2025, 1, 31).ok_or("not a date")?;
//! assert_eq!(weeks_after(x, 6)?.to_string(), "2025-03-14"); // DC-1
//! assert_eq!(months_after(x, 1)?.to_string(), "2025-02-28"); // DC-5: clamped to month end
//! let window = days_beginning_with(x, 15)?; // DC-2: X counts as day 1
//! assert_eq!(window.to_string(), "2025-01-31 to 2025-02-14");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Datelike, Days, Months, NaiveDate};

use super::{DayIndex, HolidayCalendar};
use crate::error::{Error, Result};

/// An inclusive run of calendar days, `first ..= last`.
///
/// Used for representation windows, terms, closures and absences. Reading one
/// back re-checks that `first <= last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "DateRangeRecord", into = "DateRangeRecord")
)]
pub struct DateRange {
    first: NaiveDate,
    last: NaiveDate,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct DateRangeRecord {
    first: NaiveDate,
    last: NaiveDate,
}

#[cfg(feature = "serde")]
impl TryFrom<DateRangeRecord> for DateRange {
    type Error = Error;
    fn try_from(r: DateRangeRecord) -> Result<Self> {
        DateRange::new(r.first, r.last)
    }
}

#[cfg(feature = "serde")]
impl From<DateRange> for DateRangeRecord {
    fn from(r: DateRange) -> Self {
        DateRangeRecord {
            first: r.first,
            last: r.last,
        }
    }
}

impl DateRange {
    /// The days `first ..= last`.
    ///
    /// # Errors
    ///
    /// [`Error::DatesOutOfOrder`] when `last` is before `first`.
    pub fn new(first: NaiveDate, last: NaiveDate) -> Result<Self> {
        if last < first {
            return Err(Error::DatesOutOfOrder {
                earlier_label: "first day",
                earlier: first,
                later_label: "last day",
                later: last,
            });
        }
        Ok(DateRange { first, last })
    }

    /// A single day.
    pub const fn day(date: NaiveDate) -> Self {
        DateRange {
            first: date,
            last: date,
        }
    }

    /// First day (inclusive).
    pub const fn first(&self) -> NaiveDate {
        self.first
    }

    /// Last day (inclusive).
    pub const fn last(&self) -> NaiveDate {
        self.last
    }

    /// Whether `date` is one of the days.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first <= date && date <= self.last
    }

    /// Number of days, counting both ends.
    pub fn len_days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }

    /// Whether the two ranges share at least one day.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

/// `2025-09-03 to 2025-12-19` (a single day is just the date), honouring
/// width, fill and alignment.
impl core::fmt::Display for DateRange {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.first == self.last {
            f.pad(&self.first.to_string())
        } else {
            f.pad(&format!("{} to {}", self.first, self.last))
        }
    }
}

fn overflow(from: NaiveDate, operation: &'static str) -> Error {
    Error::DateOverflow { from, operation }
}

/// DC-1 "within N weeks of X": X itself is not counted, so the last day in time
/// is X + 7N days, the same weekday as X.
///
/// Regs 4(1), 5(1), 8(1), 10(1), 13(2), 20, 21, 22(3), 27(2). Never working days
/// (a tool page that counts the 20 weeks in working days is wrong).
///
/// ```
/// # use chrono::NaiveDate;
/// # use send_pathway::calendar::weeks_after;
/// let received = NaiveDate::from_ymd_opt(2025, 1, 6).ok_or("not a date")?; // Monday
/// assert_eq!(weeks_after(received, 20)?, NaiveDate::from_ymd_opt(2025, 5, 26).ok_or("not a date")?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`Error::DateOverflow`] past the last representable date.
#[inline]
pub fn weeks_after(x: NaiveDate, weeks: u32) -> Result<NaiveDate> {
    x.checked_add_days(Days::new(u64::from(weeks) * 7))
        .ok_or_else(|| overflow(x, "counting weeks forward"))
}

/// DC-2 "at least N days, beginning with the day on which X": X is day 1, so
/// the window is X ..= X + N − 1; the council may act on the outcome from X + N
/// (see [`DateRange::last`] and [`day_after`]). Calendar days, no extension for
/// holidays. Regs 13(1)(a), 22(2)(c).
///
/// `days` must be at least 1.
///
/// # Errors
///
/// [`Error::OutOfRange`] for `days == 0`; [`Error::DateOverflow`] past the last
/// representable date.
#[inline]
pub fn days_beginning_with(x: NaiveDate, days: u32) -> Result<DateRange> {
    if days == 0 {
        return Err(Error::OutOfRange {
            what: "a period of days",
            min: 1,
            max: i64::from(u32::MAX),
            given: 0,
        });
    }
    let last = x
        .checked_add_days(Days::new(u64::from(days) - 1))
        .ok_or_else(|| overflow(x, "counting days beginning with a date"))?;
    Ok(DateRange { first: x, last })
}

/// DC-3 "within N days of X": due X + N.
///
/// # Errors
///
/// [`Error::DateOverflow`] past the last representable date.
#[inline]
pub fn days_after(x: NaiveDate, days: u32) -> Result<NaiveDate> {
    x.checked_add_days(Days::new(u64::from(days)))
        .ok_or_else(|| overflow(x, "counting days forward"))
}

/// The day after `x` (e.g. the earliest day to finalise after a DC-2 window).
///
/// # Errors
///
/// [`Error::DateOverflow`] for the last representable date.
#[inline]
pub fn day_after(x: NaiveDate) -> Result<NaiveDate> {
    x.succ_opt().ok_or_else(|| overflow(x, "the next day"))
}

/// DC-4 "at least N weeks' notice of / in advance of meeting M": act on or
/// before M − 7N. Regs 20(3)–(4), 21(3)–(4).
///
/// # Errors
///
/// [`Error::DateOverflow`] before the first representable date.
#[inline]
pub fn weeks_before(m: NaiveDate, weeks: u32) -> Result<NaiveDate> {
    m.checked_sub_days(Days::new(u64::from(weeks) * 7))
        .ok_or_else(|| overflow(m, "counting weeks back"))
}

/// DC-5 "within N months after X": the same day-number N months later, clamped
/// to the end of a shorter month (2024-12-31 + 2 months = 2025-02-28).
///
/// The corresponding-date rule (*Dodds v Walker* \[1981\]) is recalled, not
/// checked in a stored source (unverified); it is the recommendation.
///
/// # Errors
///
/// [`Error::DateOverflow`] past the last representable date.
#[inline]
pub fn months_after(x: NaiveDate, months: u32) -> Result<NaiveDate> {
    x.checked_add_months(Months::new(months))
        .ok_or_else(|| overflow(x, "counting months forward"))
}

/// DC-5 "at least N months before T": on or before T − N months, clamped the same way.
///
/// # Errors
///
/// [`Error::DateOverflow`] before the first representable date.
#[inline]
pub fn months_before(t: NaiveDate, months: u32) -> Result<NaiveDate> {
    t.checked_sub_months(Months::new(months))
        .ok_or_else(|| overflow(t, "counting months back"))
}

/// DC-5 "the N months starting with X": X is day one, and the period ends
/// the day before the *corresponding date* N months later — or, where that
/// month has no corresponding date (X = 29 February, or the 29th–31st before
/// a shorter month), on that month's last day ("the 12 months starting with"
/// the plan date, CFA s44; T-REVIEW-12M).
///
/// | Starting with | Months | Last day |
/// |---|---|---|
/// | 2025-01-15 | 12 | 2026-01-14 |
/// | 2025-01-31 | 1 | 2025-02-28 (Feb has no 31st: its last day, not 02-27) |
/// | 2025-03-01 | 1 | 2025-03-31 |
/// | 2024-02-29 | 12 | 2025-02-28 |
/// | 2023-03-01 | 12 | 2024-02-29 |
///
/// ```
/// # use chrono::NaiveDate;
/// # use send_pathway::calendar::months_starting_with;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("not a date");
/// assert_eq!(months_starting_with(d(2025, 1, 31)?, 1)?.last(), d(2025, 2, 28)?);
/// assert_eq!(months_starting_with(d(2023, 3, 1)?, 12)?.last(), d(2024, 2, 29)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`Error::OutOfRange`] for `months == 0`; [`Error::DateOverflow`] past the
/// last representable date.
#[inline]
pub fn months_starting_with(x: NaiveDate, months: u32) -> Result<DateRange> {
    if months == 0 {
        return Err(Error::OutOfRange {
            what: "a period of months",
            min: 1,
            max: i64::from(u32::MAX),
            given: 0,
        });
    }
    // chrono clamps to the month's last day exactly when the month has no
    // corresponding date; that clamped day is itself the period's last day.
    let later = months_after(x, months)?;
    let last = if later.day() == x.day() {
        later
            .pred_opt()
            .ok_or_else(|| overflow(x, "counting months starting with a date"))?
    } else {
        later
    };
    Ok(DateRange { first: x, last })
}

/// How to read "before 15 February" in reg 18 (DC-7; this reading is unverified, so the crate offers both and says so).
///
/// `#[non_exhaustive]`: a new reading (from case law or a revised Code) may
/// join in a minor release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum FixedDateReading {
    /// "Before 15 February": the last day in time is 14 February (the Regulations' words; default).
    #[default]
    Strict,
    /// "By 15 February at the latest": the Code of Practice 9.179 wording; 15 February itself is in time.
    CodeOfPractice,
}

/// The reading in words, honouring width, fill and alignment.
impl core::fmt::Display for FixedDateReading {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(match self {
            FixedDateReading::Strict => "strictly before the fixed date",
            FixedDateReading::CodeOfPractice => {
                "on or before the fixed date (Code of Practice 9.179)"
            }
        })
    }
}

/// DC-7 "before `day` `month` in the calendar year `year`": the last day in time
/// under the chosen reading.
///
/// # Errors
///
/// [`Error::OutOfRange`] when `month`/`day` is not a date in `year`.
pub fn before_fixed_date(
    year: i32,
    month: u32,
    day: u32,
    reading: FixedDateReading,
) -> Result<NaiveDate> {
    let fixed = NaiveDate::from_ymd_opt(year, month, day).ok_or(Error::OutOfRange {
        what: "a calendar year with that fixed date",
        min: -262_000,
        max: 262_000,
        given: i64::from(year),
    })?;
    match reading {
        FixedDateReading::CodeOfPractice => Ok(fixed),
        FixedDateReading::Strict => fixed
            .pred_opt()
            .ok_or_else(|| overflow(fixed, "the day before a fixed date")),
    }
}

// ---- The same conventions on a calendar's day numbers ---------------------
//
// Every deadline the crate computes counts on the per-day tables of the
// caller's `HolidayCalendar` rather than on chrono's calendar arithmetic: a
// period is an addition of day or month indices and the answer's date and kind
// are two loads. Each function below is the convention of the same name above,
// on table positions; the property tests check that both give the same day for
// arbitrary dates. `None` when the answer would leave the calendar's table:
// the caller then takes the date path above, which says why in an `Error`.

/// DC-1 on day numbers: [`weeks_after`].
#[inline]
pub(crate) fn weeks_after_at(cal: &HolidayCalendar, x: DayIndex, weeks: u32) -> Option<DayIndex> {
    cal.index_plus_days(x, i64::from(weeks).checked_mul(7)?)
}

/// DC-4 on day numbers: [`weeks_before`].
#[inline]
pub(crate) fn weeks_before_at(cal: &HolidayCalendar, m: DayIndex, weeks: u32) -> Option<DayIndex> {
    cal.index_plus_days(m, i64::from(weeks).checked_mul(-7)?)
}

/// DC-3 on day numbers: [`days_after`].
#[inline]
pub(crate) fn days_after_at(cal: &HolidayCalendar, x: DayIndex, days: u32) -> Option<DayIndex> {
    cal.index_plus_days(x, i64::from(days))
}

/// DC-2 on day numbers: the last day of [`days_beginning_with`]; `None` for no days.
#[inline]
pub(crate) fn days_beginning_with_last_at(
    cal: &HolidayCalendar,
    x: DayIndex,
    days: u32,
) -> Option<DayIndex> {
    cal.index_plus_days(x, i64::from(days.checked_sub(1)?))
}

/// DC-5 on day numbers: [`months_after`] (negative `months`: [`months_before`]),
/// clamped to the last day of a shorter month as chrono clamps.
#[inline]
pub(crate) fn months_after_at(
    cal: &HolidayCalendar,
    x: NaiveDate,
    months: i64,
) -> Option<DayIndex> {
    let (month, day) = cal.month_of(x)?;
    let (start, len) = cal.month_span(cal.month_plus(month, months)?)?;
    cal.index_plus_days(start, i64::from(day.min(len)).checked_sub(1)?)
}

/// DC-5 on day numbers: the last day of [`months_starting_with`]; `None` for no months.
///
/// The day before the corresponding day `months` later, or that month's last
/// day when it has no corresponding day.
#[inline]
pub(crate) fn months_starting_with_last_at(
    cal: &HolidayCalendar,
    x: NaiveDate,
    months: u32,
) -> Option<DayIndex> {
    if months == 0 {
        return None;
    }
    let (month, day) = cal.month_of(x)?;
    let (start, len) = cal.month_span(cal.month_plus(month, i64::from(months))?)?;
    // `day >= 1`: a day that exists later ends the period the day before it.
    let last_in_month = i64::from(day.checked_sub(1)?.min(len));
    cal.index_plus_days(start, last_in_month.checked_sub(1)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dc1_within_weeks_of() {
        assert_eq!(weeks_after(d(2025, 1, 6), 6).unwrap(), d(2025, 2, 17));
        assert_eq!(weeks_after(d(2025, 1, 6), 16).unwrap(), d(2025, 4, 28));
        assert_eq!(weeks_after(d(2025, 1, 6), 20).unwrap(), d(2025, 5, 26));
        assert!(weeks_after(NaiveDate::MAX, 1).is_err());
    }

    #[test]
    fn dc2_days_beginning_with() {
        let w = days_beginning_with(d(2025, 4, 7), 15).unwrap();
        assert_eq!((w.first(), w.last()), (d(2025, 4, 7), d(2025, 4, 21)));
        assert_eq!(day_after(w.last()).unwrap(), d(2025, 4, 22));
        assert_eq!(w.len_days(), 15);
        assert!(days_beginning_with(d(2025, 4, 7), 0).is_err());
    }

    #[test]
    fn dc3_dc4_dc5_dc7() {
        assert_eq!(days_after(d(2025, 10, 1), 15).unwrap(), d(2025, 10, 16));
        assert_eq!(weeks_before(d(2026, 3, 11), 2).unwrap(), d(2026, 2, 25));
        assert_eq!(months_after(d(2025, 4, 16), 2).unwrap(), d(2025, 6, 16));
        assert_eq!(months_after(d(2024, 12, 31), 2).unwrap(), d(2025, 2, 28));
        assert_eq!(
            months_starting_with(d(2025, 5, 23), 12).unwrap().last(),
            d(2026, 5, 22)
        );
        assert_eq!(months_before(d(2026, 1, 5), 5).unwrap(), d(2025, 8, 5));
        assert_eq!(
            before_fixed_date(2026, 2, 15, FixedDateReading::Strict).unwrap(),
            d(2026, 2, 14)
        );
        assert_eq!(
            before_fixed_date(2026, 2, 15, FixedDateReading::CodeOfPractice).unwrap(),
            d(2026, 2, 15)
        );
        assert!(before_fixed_date(2025, 2, 30, FixedDateReading::Strict).is_err());
    }

    /// DC-5: every example of "the N months starting with X" the conventions give.
    #[test]
    fn dc5_months_starting_with_month_ends() {
        let last = |x: NaiveDate, n: u32| months_starting_with(x, n).unwrap().last();
        assert_eq!(last(d(2025, 1, 15), 12), d(2026, 1, 14));
        assert_eq!(last(d(2025, 1, 31), 1), d(2025, 2, 28));
        assert_eq!(last(d(2025, 3, 1), 1), d(2025, 3, 31));
        assert_eq!(last(d(2024, 2, 29), 12), d(2025, 2, 28));
        assert_eq!(last(d(2023, 3, 1), 12), d(2024, 2, 29));
        assert_eq!(last(d(2025, 5, 23), 12), d(2026, 5, 22));
        assert_eq!(last(d(2024, 1, 30), 1), d(2024, 2, 29));
        assert_eq!(last(d(2024, 1, 29), 1), d(2024, 2, 28));
        assert_eq!(last(d(2025, 8, 31), 1), d(2025, 9, 30));
        assert_eq!(
            months_starting_with(d(2025, 1, 31), 1).unwrap().first(),
            d(2025, 1, 31)
        );
        assert!(months_starting_with(NaiveDate::MAX, 1).is_err());
    }

    fn days_in_month(y: i32, m: u32) -> u32 {
        match m {
            4 | 6 | 9 | 11 => 30,
            2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            2 => 28,
            _ => 31,
        }
    }

    /// DC-5, stated plainly and independently of chrono's month arithmetic:
    /// move N months on; if that month has day X.day(), the day before it,
    /// otherwise that month's last day.
    fn plain_months_starting_with(x: NaiveDate, n: u32) -> (i32, u32, u32) {
        let months = x.year() * 12 + x.month0() as i32 + n as i32;
        let (y, m) = (months.div_euclid(12), months.rem_euclid(12) as u32 + 1);
        let dim = days_in_month(y, m);
        if x.day() > dim {
            (y, m, dim)
        } else if x.day() > 1 {
            (y, m, x.day() - 1)
        } else if m == 1 {
            (y - 1, 12, 31)
        } else {
            (y, m - 1, days_in_month(y, m - 1))
        }
    }

    /// DC-5 for every day of a whole 400-year Gregorian cycle (2000-01-01 ..
    /// 2400-01-01), against the plain statement of the rule.
    #[test]
    fn dc5_months_starting_with_every_day_of_a_gregorian_cycle() {
        let mut x = d(2000, 1, 1);
        let end = d(2400, 1, 1);
        while x < end {
            for n in [1, 3, 6, 12, 24] {
                let got = months_starting_with(x, n).unwrap().last();
                let (y, m, dd) = plain_months_starting_with(x, n);
                assert_eq!(
                    (got.year(), got.month(), got.day()),
                    (y, m, dd),
                    "{n} months starting with {x}"
                );
            }
            x = x.succ_opt().unwrap();
        }
    }

    /// `Some(day)` when the date answer is a day `cal` covers, `None` otherwise:
    /// what the day-number form must answer.
    fn covered(cal: &HolidayCalendar, answer: Result<NaiveDate>) -> Option<NaiveDate> {
        answer.ok().filter(|d| cal.covers(*d))
    }

    proptest::proptest! {
        /// DC-1 to DC-5 on day numbers give the day chrono's calendar
        /// arithmetic gives, for arbitrary dates (year ends, month ends and
        /// the table's edges included) and arbitrary calendars, and `None`
        /// exactly when that day is outside the calendar (or the anchor is).
        #[test]
        fn day_number_periods_equal_the_date_periods(
            (cal, x) in crate::calendar::testing::calendar_and_date(),
            k in proptest::prop_oneof![0u32..=3, 0u32..=60, 0u32..=2000],
        ) {
            let at = |i: Option<DayIndex>| i.and_then(|i| cal.date_and_kind(i)).map(|(d, _)| d);
            let in_table = |answer: Result<NaiveDate>| if cal.covers(x) { covered(&cal, answer) } else { None };
            let i = cal.day_index(x);
            proptest::prop_assert_eq!(at(i.and_then(|i| weeks_after_at(&cal, i, k))), in_table(weeks_after(x, k)));
            proptest::prop_assert_eq!(at(i.and_then(|i| weeks_before_at(&cal, i, k))), in_table(weeks_before(x, k)));
            proptest::prop_assert_eq!(at(i.and_then(|i| days_after_at(&cal, i, k))), in_table(days_after(x, k)));
            proptest::prop_assert_eq!(
                at(i.and_then(|i| days_beginning_with_last_at(&cal, i, k))),
                in_table(days_beginning_with(x, k).map(|r| r.last()))
            );
            proptest::prop_assert_eq!(at(months_after_at(&cal, x, i64::from(k))), in_table(months_after(x, k)));
            proptest::prop_assert_eq!(at(months_after_at(&cal, x, -i64::from(k))), in_table(months_before(x, k)));
            proptest::prop_assert_eq!(
                at(months_starting_with_last_at(&cal, x, k)),
                in_table(months_starting_with(x, k).map(|r| r.last()))
            );
        }
    }

    #[test]
    fn date_range_is_validated() {
        assert!(DateRange::new(d(2025, 1, 2), d(2025, 1, 1)).is_err());
        let r = DateRange::new(d(2025, 1, 1), d(2025, 1, 31)).unwrap();
        assert!(r.contains(d(2025, 1, 31)) && !r.contains(d(2025, 2, 1)));
        assert!(r.overlaps(&DateRange::day(d(2025, 1, 31))));
    }
}
