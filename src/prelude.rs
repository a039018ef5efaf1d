//! The types most programs need, in one import: the calendars, deadlines and
//! their judgement, the council's policy, and what it takes to open a case
//! and ask what is due.
//!
//! ```
//! use send_pathway::prelude::*;
//!
//! let cal = HolidayCalendar::england_and_wales();
//! let received = NaiveDate::from_ymd_opt(2025, 1, 6).ok_or("not a date")?;
//! let due: Deadline = send_pathway::deadlines::final_plan_due(received, &cal)?;
//! assert_eq!(due.rule(), RuleId::TFinal20w);
//! assert_eq!(due.due().to_string(), "2025-05-26");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Opening a case needs nothing else:
//!
//! ```
//! use send_pathway::prelude::*;
//!
//! let cal = HolidayCalendar::england_and_wales();
//! let child = Child {
//!     reference: "CYP-1".into(),
//!     date_of_birth: "2016-03-01".parse()?,
//!     sensory_impairment: SensoryImpairment::None,
//! };
//! let request = Event::new(
//!     "2025-01-06".parse()?,
//!     Actor::Parent,
//!     EventKind::AssessmentRequested { agreement: ParentalAgreement::NotApplicable },
//! );
//! let (case, _) = Case::open(child, LocalPolicy::statutory("Kingston"), request, &cal)?;
//! let due: Vec<Obligation> = case.obligations("2025-01-20".parse()?, &cal)?;
//! assert_eq!(due[0].rule(), RuleId::TDecide6w);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The glob brings in [`Result`], an alias with a default error type: it still
//! accepts a second parameter, so `Result<T, MyError>` keeps working beside it.
//!
//! A date known when the program is written can be a constant: chrono's
//! [`NaiveDate::from_ymd_opt`] is a `const fn`, so a mistyped date stops the
//! build instead of failing at run time.
//!
//! ```
//! use send_pathway::prelude::*;
//!
//! const SPRING_TERM_2025: NaiveDate = match NaiveDate::from_ymd_opt(2025, 1, 6) {
//!     Some(date) => date,
//!     None => panic!("not a date"), // evaluated by the compiler, never at run time
//! };
//! assert_eq!(SPRING_TERM_2025.to_string(), "2025-01-06");
//! ```

pub use crate::advice::SensoryImpairment;
pub use crate::calendar::{HolidayCalendar, TermCalendar, TermName};
pub use crate::deadlines::Deadline;
pub use crate::error::{Error, Result};
pub use crate::exceptions::{Act, Compliance, ExceptionId};
pub use crate::money::Pounds;
pub use crate::pathway::{
    Actor, Case, CaseRecord, Child, Event, EventKind, Obligation, ParentalAgreement,
};
pub use crate::policy::LocalPolicy;
pub use crate::rule::RuleId;
pub use crate::warning::Warning;
pub use chrono::NaiveDate;
