//! # send-pathway
//!
//! The English SEND statutory pathway, executable: every stage of a child's or
//! young person's journey to and through an Education, Health and Care (EHC)
//! plan, every legal deadline, and the rule each date comes from.
//!
//! Councils in England issue barely half of their EHC plans inside the 20-week
//! legal limit. The rules are spread over the Children and Families Act 2014,
//! the SEND Regulations 2014, the SEND Code of Practice and each council's local
//! protocols. This crate puts them in one place, as plain functions over plain
//! data, for case-management services, school SEN tools and parent-advocacy
//! tools to build on.
//!
//! ## Overview
//!
//! * [`calendar`] — dates in law: England and Wales working days (closed form),
//!   statutory periods (DC-1 … DC-7), academic years and year groups, term
//!   calendars. Knows nothing of SEND.
//! * [`deadlines`] — one plain function per statutory clock (`T-*` rules), each
//!   returning a [`Deadline`] that names its rule and legal source.
//! * [`exceptions`] — the exception grounds (`EXC-*`), the school-closure test,
//!   and judging an act as Met / Pending / Missed / MissedExcused.
//! * [`advice`] — advice requests of an assessment: two clocks, reuse, readiness, chase list.
//! * [`asc`] — Additional Support Contracts (Sutton): caps, terms, lifecycle.
//! * [`money`] — [`money::Pounds`], exact sums in pounds.
//! * [`nsm`] — Next Steps Meetings (Sutton): offer, window, slots, invitations, agenda.
//! * [`pathway`] — the typed state machine of a case: stages, events,
//!   history and replay, obligations today, the SEN2 record.
//! * [`policy`] — what differs between councils ([`LocalPolicy`], with Sutton
//!   and Salford presets).
//! * [`sen_support`] — the graduated approach and notional funding: termly
//!   reviews, costed provision maps.
//! * [`rule`] — the catalogue of rule IDs with their legal sources.
//! * [`caseload`] — views over many cases: the urgent list, the review
//!   calendar, phase-transfer cohorts, the advice chase list, the SEN2 return
//!   and the impact of a bank-holiday change.
//! * [`explain`] — every deadline and obligation in a sentence for a letter.
//! * `feed` (feature `ical`) — open deadlines as an iCalendar (RFC 5545) feed.
//!
//! ## Principles
//!
//! * **Pure.** No clock, no I/O, no global state: `today` is a parameter; bank
//!   holidays and term dates are values you pass in.
//! * **Never panics.** Every fallible call returns [`Error`], with a message a
//!   caseworker can act on.
//! * **Dates are never moved.** A due date on a weekend or bank holiday is
//!   flagged, not rolled forward (DC-8); an exception excuses a missed limit
//!   without computing a new date (DC-10).
//! * **Rule IDs are the index.** Every date carries its [`RuleId`]; the code
//!   that computes it cites the ID, and so does the test that proves it.
//!
//! ## Features
//!
//! * `proptest` — [`strategies`](crate#features): proptest strategies for dates,
//!   term calendars, events and valid cases, so services built on the crate can
//!   property-test their own code.
//! * `ical` — `feed`: open deadlines as an iCalendar (RFC 5545) feed.
//! * `serde` (default) — `Serialize`/`Deserialize` for every public data type.
//!   Records read back are re-validated: an inconsistent record is an error.
//!
//! ## Usage
//!
//! The 20-week timetable of a request received on Monday 6 January 2025
//! (DOMAIN Case 1):
//!
//! ```
//! use chrono::NaiveDate;
//! use send_pathway::{calendar::HolidayCalendar, deadlines, exceptions::{judge, Act, Compliance}};
//!
//! let cal = HolidayCalendar::england_and_wales();
//! let received = NaiveDate::from_ymd_opt(2025, 1, 6).ok_or("bad date")?;
//! let timeline = deadlines::statutory_timeline(received, &cal)?;
//!
//! assert_eq!(timeline.decision_to_assess.due().to_string(), "2025-02-17");
//! assert_eq!(timeline.final_plan.due().to_string(), "2025-05-26");
//! assert_eq!(timeline.final_plan.rule().code(), "T-FINAL-20W");
//! assert_eq!(timeline.final_plan.source(), "SEND Regulations 2014 reg 13(2)");
//! // Spring bank holiday: flagged, never moved.
//! assert!(timeline.final_plan.on_non_working_day());
//!
//! // The final plan went out on Friday 23 May 2025: in time.
//! let issued = NaiveDate::from_ymd_opt(2025, 5, 23).ok_or("bad date")?;
//! assert_eq!(judge(&timeline.final_plan, Act::Done(issued), issued, &[])?, Compliance::Met);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Legal readings
//!
//! Where the sources disagree or are unsure, the crate follows the
//! recommendation of the project's rules catalogue (DOMAIN.md §10, items D-1 …
//! D-16) and says so in the documentation of the function concerned; where a
//! choice is the council's, it is a typed option in [`LocalPolicy`].

#![forbid(unsafe_code)]
#![deny(missing_docs, missing_debug_implementations)]

pub mod advice;
pub mod asc;
pub mod calendar;
pub mod caseload;
pub mod deadlines;
pub mod error;
pub mod exceptions;
pub mod explain;
#[cfg(feature = "ical")]
pub mod feed;
pub mod money;
pub mod nsm;
pub mod pathway;
pub mod policy;
pub mod rule;
pub mod sen_support;
#[cfg(feature = "proptest")]
pub mod strategies;
pub mod warning;

pub use deadlines::Deadline;
pub use error::{Error, Result};
pub use exceptions::{Act, Compliance, ExceptionId};
pub use policy::LocalPolicy;
pub use rule::RuleId;
pub use warning::Warning;
