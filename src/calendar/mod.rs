//! Dates in law: England and Wales working days, statutory periods, the school
//! year and term calendars.
//!
//! This module knows nothing of SEND. Everything here is a plain function or a
//! value type over [`chrono::NaiveDate`]; bank holidays and term dates are data
//! the caller owns and passes in (the crate ships a built-in England and Wales
//! bank-holiday table, [`HolidayCalendar::england_and_wales`]).
//!
//! | Phrase in the law | Convention | Function |
//! |---|---|---|
//! | "within N weeks of X" | DC-1 | [`weeks_after`] |
//! | "at least N days, beginning with the day on which X" | DC-2 | [`days_beginning_with`] |
//! | "within N days of X" | DC-3 | [`days_after`] |
//! | "at least N weeks' notice of meeting M" | DC-4 | [`weeks_before`] |
//! | "within N months after X", "the 12 months starting with X", "N months before T" | DC-5 | [`months_after`], [`months_starting_with`], [`months_before`] |
//! | "N working days" | DC-6 | [`HolidayCalendar::add_working_days`] |
//! | "before 15 February / 31 March" | DC-7 | [`before_fixed_date`] |
//!
//! ```
//! use send_pathway::calendar::{weeks_after, AcademicYear, HolidayCalendar, TermCalendar, TermName};
//! use send_pathway::NaiveDate;
//!
//! let cal = HolidayCalendar::england_and_wales();
//! let received: NaiveDate = "2025-01-06".parse()?;
//! let week_20 = weeks_after(received, 20)?; // DC-1
//! assert!(cal.day_kind(week_20)?.is_non_working()); // Spring bank holiday: flagged (DC-8)
//! assert_eq!(cal.add_working_days(received, 15)?.to_string(), "2025-01-27"); // DC-6
//!
//! let terms = TermCalendar::builder()
//!     .term(TermName::Spring, "2025-01-06".parse()?, "2025-04-04".parse()?)
//!     .build()?;
//! assert!(terms.is_open(received));
//! assert_eq!(AcademicYear::containing(received), "2024/25".parse()?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod holidays;
mod periods;
mod school_year;
mod terms;

#[cfg(test)]
pub(crate) use holidays::testing;
pub(crate) use holidays::DayIndex;
pub use holidays::{
    changed_days, BankHoliday, DayKind, HolidayCalendar, BUILTIN_FIRST_YEAR, BUILTIN_LAST_YEAR,
    LAST_OFFICIAL_YEAR,
};
pub use periods::{
    before_fixed_date, day_after, days_after, days_beginning_with, months_after, months_before,
    months_starting_with, weeks_after, weeks_before, DateRange, FixedDateReading,
};
pub(crate) use periods::{
    days_after_at, days_beginning_with_last_at, months_after_at, months_starting_with_last_at,
    weeks_after_at, weeks_before_at,
};
pub use school_year::{
    age_on, birthday, end_of_compulsory_school_age, is_young_person, last_day_a_plan_can_run,
    person_status_for_request, plan_age_limit, year_group, year_group_on, AcademicYear,
    PersonStatus, Provision, YearGroup,
};
pub use terms::{ClosedPeriod, Closure, Term, TermCalendar, TermCalendarBuilder, TermId, TermName};
