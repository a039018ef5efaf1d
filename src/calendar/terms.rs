//! School term calendars, supplied by the caller.
//!
//! Councils and academy trusts set their own term dates, so the crate ships
//! none: a [`TermCalendar`] is data the caller builds (or reads back from
//! storage) and it is validated either way. It answers three questions the
//! pathway asks: which funded term a date is in (Additional Support Contracts),
//! whether the school is open on a day (Next Steps Meetings), and when the
//! school was closed for a continuous run long enough to count as a closure
//! for the EXC-5-4 / EXC-10-4 / EXC-13-3 grounds (a)/(b).
//!
//! ```
//! use chrono::NaiveDate;
//! use send_pathway::calendar::{TermCalendar, TermName};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("not a date");
//! let terms = TermCalendar::builder()
//!     .term(TermName::Summer, d(2025, 4, 22)?, d(2025, 7, 22)?)
//!     .term(TermName::Autumn, d(2025, 9, 3)?, d(2025, 12, 19)?)
//!     .build()?;
//! let id = terms.term_containing(d(2025, 10, 1)?).ok_or("no term")?.id();
//! assert_eq!(id.to_string(), "Autumn 2025/26");
//! let summer = terms.closed_period_containing(d(2025, 8, 1)?).ok_or("open")?;
//! assert_eq!(summer.days_closed(), 42);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

use super::periods::DateRange;
use super::school_year::AcademicYear;
use crate::error::{Error, Result};

/// The three terms of the English school year.
///
/// Not `#[non_exhaustive]` on purpose: the pathway's rules (funded terms,
/// termly reviews) are written for three terms, and a school with six
/// "half-terms" records them as three terms with half-term closures.
///
/// ```
/// use send_pathway::calendar::TermName;
///
/// assert_eq!("autumn".parse::<TermName>()?, TermName::Autumn);
/// assert_eq!(format!("[{:>8}]", TermName::Summer), "[  Summer]");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TermName {
    /// September to December.
    Autumn,
    /// January to Easter.
    Spring,
    /// Easter to July.
    Summer,
}

impl fmt::Display for TermName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            TermName::Autumn => "Autumn",
            TermName::Spring => "Spring",
            TermName::Summer => "Summer",
        })
    }
}

/// Reads `Autumn`, `Spring` or `Summer`, ignoring case and surrounding spaces.
impl core::str::FromStr for TermName {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "autumn" => Ok(TermName::Autumn),
            "spring" => Ok(TermName::Spring),
            "summer" => Ok(TermName::Summer),
            _ => Err(Error::Unparsable {
                given: s.to_owned(),
                expected: "Autumn, Spring or Summer",
            }),
        }
    }
}

/// One term: its name and its first and last days (the school may be closed on
/// some days inside it; see [`Closure`]).
///
/// A plain value record: fields are open on purpose. [`DateRange`] already
/// guarantees the dates are in order; whether terms fit together is checked by
/// [`TermCalendar::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Term {
    /// Autumn, Spring or Summer.
    pub name: TermName,
    /// First and last day of the term.
    pub dates: DateRange,
}

impl Term {
    /// A term from its name and dates.
    ///
    /// # Errors
    ///
    /// [`Error::DatesOutOfOrder`] when `last` is before `first`.
    pub fn new(name: TermName, first: NaiveDate, last: NaiveDate) -> Result<Self> {
        Ok(Term {
            name,
            dates: DateRange::new(first, last)?,
        })
    }

    /// The academic year the term belongs to (from its first day).
    pub fn academic_year(&self) -> AcademicYear {
        AcademicYear::containing(self.dates.first())
    }

    /// An identifier for the term, e.g. "Summer 2024/25".
    pub fn id(&self) -> TermId {
        TermId {
            year: self.academic_year(),
            name: self.name,
        }
    }
}

/// `Autumn 2025/26 (2025-09-03 to 2025-12-19)`, honouring width, fill and alignment.
impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{} ({})", self.id(), self.dates))
    }
}

/// Names a term across years: academic year plus term name.
///
/// A plain value record: fields are open on purpose (any year with any term
/// names a term). Written and read as `Autumn 2025/26`:
///
/// ```
/// use send_pathway::calendar::{AcademicYear, TermId, TermName};
///
/// let id: TermId = "Autumn 2025/26".parse()?;
/// assert_eq!(id, TermId::new(AcademicYear::starting(2025), TermName::Autumn));
/// assert_eq!(id.to_string(), "Autumn 2025/26");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TermId {
    /// The academic year.
    pub year: AcademicYear,
    /// The term within it.
    pub name: TermName,
}

impl TermId {
    /// The term `name` of academic year `year`.
    pub const fn new(year: AcademicYear, name: TermName) -> Self {
        TermId { year, name }
    }
}

/// `Autumn 2025/26`, honouring width, fill and alignment.
impl fmt::Display for TermId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{} {}", self.name, self.year))
    }
}

/// Reads `Autumn 2025/26` (the [`Display`](fmt::Display) form; the term name
/// and year are read as [`TermName`] and [`AcademicYear`] read them).
impl core::str::FromStr for TermId {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let (name, year) =
            s.trim()
                .split_once(char::is_whitespace)
                .ok_or_else(|| Error::Unparsable {
                    given: s.to_owned(),
                    expected: "a term and academic year such as Autumn 2025/26",
                })?;
        Ok(TermId {
            year: year.parse()?,
            name: name.parse()?,
        })
    }
}

/// Days inside or between terms when the school is closed (INSET days,
/// half-term, an emergency closure).
///
/// A plain value record: fields are open on purpose ([`DateRange`] keeps the
/// dates in order; [`TermCalendar::new`] checks closures against each other).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Closure {
    /// The closed days.
    pub dates: DateRange,
    /// Why, in the school's words.
    pub reason: String,
}

impl Closure {
    /// A closure from its dates and reason.
    ///
    /// # Errors
    ///
    /// [`Error::DatesOutOfOrder`] when `last` is before `first`.
    pub fn new(first: NaiveDate, last: NaiveDate, reason: impl Into<String>) -> Result<Self> {
        Ok(Closure {
            dates: DateRange::new(first, last)?,
            reason: reason.into(),
        })
    }
}

/// `2025-10-27 to 2025-10-31: half-term`, honouring width, fill and alignment.
impl fmt::Display for Closure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{}: {}", self.dates, self.reason))
    }
}

/// A continuous run of days the school was closed: `first_closed` (C) up to the
/// day before `reopens` (R), as the closure-window test wants them.
///
/// A plain value record: fields are open on purpose, so a caller can state a
/// closure the term calendar does not know. A period whose `reopens` is not
/// after `first_closed` closes no days ([`days_closed`](Self::days_closed) is
/// zero or less) and never meets the 4-week closure test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ClosedPeriod {
    /// C: the first day the school was closed.
    pub first_closed: NaiveDate,
    /// R: the day the school reopened.
    pub reopens: NaiveDate,
}

impl ClosedPeriod {
    /// Closed from `first_closed` (C) until the day before `reopens` (R).
    pub const fn new(first_closed: NaiveDate, reopens: NaiveDate) -> Self {
        ClosedPeriod {
            first_closed,
            reopens,
        }
    }

    /// Days closed, `R − C`.
    pub fn days_closed(&self) -> i64 {
        (self.reopens - self.first_closed).num_days()
    }
}

/// A school's term calendar: its terms and its closures, validated.
///
/// Terms must be in date order without overlapping, each inside one academic
/// year, with Autumn, Spring and Summer in that order within a year and no term
/// named twice in one year. Closures must be in date order without
/// overlapping. Reading a calendar back from storage checks all of it again.
///
/// ```
/// use chrono::NaiveDate;
/// use send_pathway::calendar::{Term, TermCalendar, TermName};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("not a date");
/// let cal = TermCalendar::new(
///     vec![
///         Term::new(TermName::Summer, d(2025, 4, 22)?, d(2025, 7, 22)?)?,
///         Term::new(TermName::Autumn, d(2025, 9, 3)?, d(2025, 12, 19)?)?,
///     ],
///     vec![],
/// )?;
/// let summer = cal.closed_periods()[0];
/// assert_eq!((summer.first_closed, summer.reopens), (d(2025, 7, 23)?, d(2025, 9, 3)?));
/// assert_eq!(summer.days_closed(), 42);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "TermCalendarRecord", into = "TermCalendarRecord")
)]
pub struct TermCalendar {
    terms: Vec<Term>,
    closures: Vec<Closure>,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct TermCalendarRecord {
    terms: Vec<Term>,
    #[serde(default)]
    closures: Vec<Closure>,
}

#[cfg(feature = "serde")]
impl TryFrom<TermCalendarRecord> for TermCalendar {
    type Error = Error;
    fn try_from(r: TermCalendarRecord) -> Result<Self> {
        TermCalendar::new(r.terms, r.closures)
    }
}

#[cfg(feature = "serde")]
impl From<TermCalendar> for TermCalendarRecord {
    fn from(c: TermCalendar) -> Self {
        TermCalendarRecord {
            terms: c.terms,
            closures: c.closures,
        }
    }
}

/// `closed 2025-07-23, reopens 2025-09-03 (42 days)`, honouring width, fill and alignment.
impl fmt::Display for ClosedPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!(
            "closed {}, reopens {} ({} days)",
            self.first_closed,
            self.reopens,
            self.days_closed()
        ))
    }
}

/// Builds a [`TermCalendar`] a term and a closure at a time; nothing is checked
/// until [`build`](Self::build), which reports the first problem.
///
/// ```
/// use chrono::NaiveDate;
/// use send_pathway::calendar::{TermCalendar, TermName};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("not a date");
/// let cal = TermCalendar::builder()
///     .term(TermName::Autumn, d(2025, 9, 3)?, d(2025, 12, 19)?)
///     .closure(d(2025, 10, 27)?, d(2025, 10, 31)?, "half-term")
///     .term(TermName::Spring, d(2026, 1, 5)?, d(2026, 3, 27)?)
///     .build()?;
/// assert_eq!(cal.terms().len(), 2);
/// assert!(!cal.is_open(d(2025, 10, 28)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct TermCalendarBuilder {
    terms: Vec<Result<Term>>,
    closures: Vec<Result<Closure>>,
}

impl TermCalendarBuilder {
    /// Adds the term `name` from `first` to `last` (inclusive).
    pub fn term(mut self, name: TermName, first: NaiveDate, last: NaiveDate) -> Self {
        self.terms.push(Term::new(name, first, last));
        self
    }

    /// Adds a closure from `first` to `last` (inclusive) with the school's reason.
    pub fn closure(mut self, first: NaiveDate, last: NaiveDate, reason: impl Into<String>) -> Self {
        self.closures.push(Closure::new(first, last, reason));
        self
    }

    /// The calendar, checked as [`TermCalendar::new`] checks it.
    ///
    /// # Errors
    ///
    /// [`Error::DatesOutOfOrder`] when a term or closure ends before it
    /// starts; [`Error::InvalidTermCalendar`] naming the first problem
    /// [`TermCalendar::new`] finds.
    pub fn build(self) -> Result<TermCalendar> {
        let terms = self.terms.into_iter().collect::<Result<Vec<_>>>()?;
        let closures = self.closures.into_iter().collect::<Result<Vec<_>>>()?;
        TermCalendar::new(terms, closures)
    }
}

fn invalid(reason: String) -> Error {
    Error::InvalidTermCalendar { reason }
}

impl TermCalendar {
    /// An empty builder: add terms and closures in date order, then
    /// [`build`](TermCalendarBuilder::build).
    pub fn builder() -> TermCalendarBuilder {
        TermCalendarBuilder::default()
    }

    /// A calendar from its terms and closures, both in date order.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidTermCalendar`] naming the first problem found.
    pub fn new(terms: Vec<Term>, closures: Vec<Closure>) -> Result<Self> {
        for term in &terms {
            let year = term.academic_year();
            if AcademicYear::containing(term.dates.last()) != year {
                return Err(invalid(format!(
                    "{} term starting {} runs past the end of academic year {year}",
                    term.name,
                    term.dates.first()
                )));
            }
        }
        for pair in terms.windows(2) {
            let [a, b] = pair else { continue };
            if b.dates.first() <= a.dates.last() {
                return Err(invalid(format!(
                    "{} term starting {} overlaps or comes before the {} term ending {}",
                    b.name,
                    b.dates.first(),
                    a.name,
                    a.dates.last()
                )));
            }
            if a.academic_year() == b.academic_year() && a.name >= b.name {
                return Err(invalid(format!(
                    "in {} the {} term cannot follow the {} term",
                    a.academic_year(),
                    b.name,
                    a.name
                )));
            }
        }
        for pair in closures.windows(2) {
            let [a, b] = pair else { continue };
            if b.dates.first() <= a.dates.last() {
                return Err(invalid(format!(
                    "closure \"{}\" from {} overlaps or comes before closure \"{}\" ending {}",
                    b.reason,
                    b.dates.first(),
                    a.reason,
                    a.dates.last()
                )));
            }
        }
        Ok(TermCalendar { terms, closures })
    }

    /// The terms, in date order.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The closures, in date order.
    pub fn closures(&self) -> &[Closure] {
        &self.closures
    }

    /// The term containing `date`, if any.
    pub fn term_containing(&self, date: NaiveDate) -> Option<&Term> {
        let at = self.terms.partition_point(|t| t.dates.last() < date);
        self.terms.get(at).filter(|t| t.dates.contains(date))
    }

    /// The term with this identifier, if the calendar has it.
    pub fn term(&self, id: TermId) -> Option<&Term> {
        self.terms.iter().find(|t| t.id() == id)
    }

    /// The first term that starts after `term` ends.
    pub fn term_after(&self, id: TermId) -> Option<&Term> {
        let this = self.term(id)?;
        self.terms
            .iter()
            .find(|t| t.dates.first() > this.dates.last())
    }

    /// The closure covering `date`, if any.
    pub fn closure_on(&self, date: NaiveDate) -> Option<&Closure> {
        let at = self.closures.partition_point(|c| c.dates.last() < date);
        self.closures.get(at).filter(|c| c.dates.contains(date))
    }

    /// Whether the school is open on `date`: inside a term, not in a closure,
    /// Monday to Friday. (Bank holidays are the working-day calendar's business.)
    pub fn is_open(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
            && self.term_containing(date).is_some()
            && self.closure_on(date).is_none()
    }

    /// Every continuous run of closed days between the first term's start and
    /// the last term's end: the holidays between terms merged with the
    /// closures that touch or overlap them. Runs are in date order.
    pub fn closed_periods(&self) -> Vec<ClosedPeriod> {
        let (Some(first), Some(last)) = (self.terms.first(), self.terms.last()) else {
            return Vec::new();
        };
        let mut spans: Vec<(NaiveDate, NaiveDate)> = Vec::new(); // inclusive closed days
        for pair in self.terms.windows(2) {
            let [a, b] = pair else { continue };
            if let (Some(c), Some(r)) = (a.dates.last().succ_opt(), b.dates.first().pred_opt()) {
                if c <= r {
                    spans.push((c, r));
                }
            }
        }
        spans.extend(
            self.closures
                .iter()
                .filter(|c| {
                    c.dates.last() >= first.dates.first() && c.dates.first() <= last.dates.last()
                })
                .map(|c| (c.dates.first(), c.dates.last())),
        );
        spans.sort();
        let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match merged.last_mut() {
                Some((_, end)) if end.succ_opt().is_some_and(|next| s <= next) => {
                    *end = (*end).max(e)
                }
                _ => merged.push((s, e)),
            }
        }
        merged
            .into_iter()
            .filter_map(|(c, last_closed)| {
                last_closed.succ_opt().map(|reopens| ClosedPeriod {
                    first_closed: c,
                    reopens,
                })
            })
            .collect()
    }

    /// The closed period containing `date`, if any.
    pub fn closed_period_containing(&self, date: NaiveDate) -> Option<ClosedPeriod> {
        self.closed_periods()
            .into_iter()
            .find(|p| p.first_closed <= date && date < p.reopens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn year_2025_26() -> TermCalendar {
        TermCalendar::new(
            vec![
                Term::new(TermName::Summer, d(2025, 4, 22), d(2025, 7, 22)).unwrap(),
                Term::new(TermName::Autumn, d(2025, 9, 3), d(2025, 12, 19)).unwrap(),
                Term::new(TermName::Spring, d(2026, 1, 5), d(2026, 3, 27)).unwrap(),
            ],
            vec![
                Closure::new(d(2025, 10, 27), d(2025, 10, 31), "half-term").unwrap(),
                Closure::new(d(2025, 12, 19), d(2025, 12, 19), "INSET day").unwrap(),
            ],
        )
        .unwrap()
    }

    #[test]
    fn open_days_and_terms() {
        let cal = year_2025_26();
        assert!(cal.is_open(d(2025, 10, 1)));
        assert!(!cal.is_open(d(2025, 10, 28)), "half-term");
        assert!(!cal.is_open(d(2025, 10, 4)), "Saturday");
        assert!(!cal.is_open(d(2025, 8, 1)), "summer holiday");
        assert_eq!(
            cal.term_containing(d(2025, 11, 1)).map(|t| t.name),
            Some(TermName::Autumn)
        );
        let autumn = cal.term_containing(d(2025, 11, 1)).unwrap().id();
        assert_eq!(autumn.to_string(), "Autumn 2025/26");
        assert_eq!(
            cal.term_after(autumn).map(|t| t.name),
            Some(TermName::Spring)
        );
    }

    #[test]
    fn closed_periods_merge_adjacent_closures() {
        let cal = year_2025_26();
        let periods = cal.closed_periods();
        assert_eq!(
            periods[0],
            ClosedPeriod {
                first_closed: d(2025, 7, 23),
                reopens: d(2025, 9, 3)
            }
        );
        assert_eq!(periods[0].days_closed(), 42);
        assert_eq!(periods[1].days_closed(), 5);
        // INSET day on the last day of term merges with the Christmas holiday.
        assert_eq!(
            periods[2],
            ClosedPeriod {
                first_closed: d(2025, 12, 19),
                reopens: d(2026, 1, 5)
            }
        );
        assert_eq!(
            cal.closed_period_containing(d(2025, 8, 1)),
            Some(periods[0])
        );
    }

    #[test]
    fn term_names_and_ids_read_back() {
        assert_eq!(" SUMMER ".parse::<TermName>().unwrap(), TermName::Summer);
        assert!("Michaelmas".parse::<TermName>().is_err());
        let id: TermId = "Spring 2025/26".parse().unwrap();
        assert_eq!(
            id,
            TermId::new(AcademicYear::starting(2025), TermName::Spring)
        );
        assert!("Spring".parse::<TermId>().is_err());
        assert!("Spring 2025/27".parse::<TermId>().is_err());
        assert_eq!(format!("[{id:>16}]"), "[  Spring 2025/26]");
    }

    #[test]
    fn builder_checks_what_new_checks() {
        let built = TermCalendar::builder()
            .term(TermName::Summer, d(2025, 4, 22), d(2025, 7, 22))
            .term(TermName::Autumn, d(2025, 9, 3), d(2025, 12, 19))
            .term(TermName::Spring, d(2026, 1, 5), d(2026, 3, 27))
            .closure(d(2025, 10, 27), d(2025, 10, 31), "half-term")
            .closure(d(2025, 12, 19), d(2025, 12, 19), "INSET day")
            .build()
            .unwrap();
        assert_eq!(built, year_2025_26());
        // EXC-13-3 closure periods print as a caseworker reads them.
        assert_eq!(
            built.closed_periods()[0].to_string(),
            "closed 2025-07-23, reopens 2025-09-03 (42 days)"
        );
        assert_eq!(
            built.closures()[0].to_string(),
            "2025-10-27 to 2025-10-31: half-term"
        );
        assert_eq!(
            built.terms()[1].to_string(),
            "Autumn 2025/26 (2025-09-03 to 2025-12-19)"
        );
        let overlapping = TermCalendar::builder()
            .term(TermName::Autumn, d(2025, 9, 3), d(2025, 12, 19))
            .term(TermName::Spring, d(2025, 12, 19), d(2026, 3, 27))
            .build();
        assert!(matches!(
            overlapping,
            Err(Error::InvalidTermCalendar { .. })
        ));
    }

    #[test]
    fn inconsistent_calendars_are_rejected() {
        let overlap = TermCalendar::new(
            vec![
                Term::new(TermName::Autumn, d(2025, 9, 3), d(2025, 12, 19)).unwrap(),
                Term::new(TermName::Spring, d(2025, 12, 19), d(2026, 3, 27)).unwrap(),
            ],
            vec![],
        );
        assert!(matches!(overlap, Err(Error::InvalidTermCalendar { .. })));
        let wrong_order = TermCalendar::new(
            vec![
                Term::new(TermName::Spring, d(2025, 9, 3), d(2025, 12, 19)).unwrap(),
                Term::new(TermName::Autumn, d(2026, 1, 5), d(2026, 3, 27)).unwrap(),
            ],
            vec![],
        );
        assert!(wrong_order.is_err());
        let across_years = TermCalendar::new(
            vec![Term::new(TermName::Summer, d(2025, 4, 1), d(2025, 9, 10)).unwrap()],
            vec![],
        );
        assert!(across_years.is_err());
        let closures = TermCalendar::new(
            vec![],
            vec![
                Closure::new(d(2025, 10, 27), d(2025, 10, 31), "a").unwrap(),
                Closure::new(d(2025, 10, 30), d(2025, 11, 3), "b").unwrap(),
            ],
        );
        assert!(closures.is_err());
    }
}
