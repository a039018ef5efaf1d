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
//! * [`prelude`] — the common types in one import: `use send_pathway::prelude::*;`.
//! * [`caseload`] — views over many cases: the urgent list, the review
//!   calendar, phase-transfer cohorts, the advice chase list, the SEN2 return
//!   and the impact of a bank-holiday change.
//! * [`explain`] — every deadline and obligation in a sentence for a letter.
//! * `feed` (feature `ical`) — open deadlines as an iCalendar (RFC 5545) feed.
//!
//! ### Where each rule lives
//!
//! [`RuleId`] is the index: [`RuleId::ALL`] lists every rule with its
//! [`code`](RuleId::code), [`source`](RuleId::source) and
//! [`summary`](RuleId::summary), and `"T-FINAL-20W".parse::<RuleId>()` finds
//! one by its code. The code implementing a rule cites its ID in its
//! documentation, so searching these docs for an ID finds it.
//!
//! | Rule IDs | Module |
//! |---|---|
//! | `DC-1` … `DC-10` (how periods in the law are counted) | [`calendar`], [`deadlines`] |
//! | `T-*` (every statutory clock and local target) | [`deadlines`] |
//! | `EXC-*` (exceptions to the time limits) | [`exceptions`] |
//! | `ADV-*`, `T-ADVICE-6W`, `SOP-ADVICE-TRACK-6W`, `SOP-INSUFFICIENT-DECLINE` | [`advice`] |
//! | `ASC-*` | [`asc`] |
//! | `NSM-*` | [`nsm`] |
//! | `SUP-*`, `FUND-*` | [`sen_support`] |
//! | `REQ-*`, `NOTICE-*`, `DRAFT-*`, `FINAL-*`, `REVIEW-*`, `REASSESS-*`, `CEASE-*`, `AGE-25`, `APPEAL-*`, `TRANSFER-*`, `ORDER-*` | [`pathway`] |
//! | `SEN2-*` | [`pathway`] (the case's record), [`caseload`] (the return) |
//! | what differs between councils | [`policy`] |
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
//! | Feature | Default | What it adds |
//! |---|---|---|
//! | `serde` | yes | `Serialize`/`Deserialize` for every stored type, `Serialize` for every answer a service sends (the README lists exactly which). Records read back are re-validated and unknown fields are errors: an inconsistent record is an [`Error`], never a silently wrong case. |
//! | `proptest` | no | `send_pathway::strategies`: proptest strategies for dates, term calendars, events and valid cases, so services built on the crate can property-test their own code. |
//! | `ical` | no | `feed`: a case's or a caseload's open deadlines as an iCalendar (RFC 5545) feed, with stable UIDs. |
//!
//! With no features the crate depends only on `chrono`, `rust_decimal` and
//! `thiserror`. The minimum supported Rust version is 1.85 (`rust-version` in
//! `Cargo.toml`); it is built and tested on that version in CI.
//!
//! ## Usage
//!
//! ```toml
//! [dependencies]
//! send-pathway = "0.1"
//! ```
//!
//! The crate re-exports [`chrono`] (and [`NaiveDate`] at the root) and
//! [`rust_decimal`], so a program needs no matching versions of its own. Most
//! programs start with the prelude:
//!
//! ```
//! use send_pathway::prelude::*;
//!
//! let cal = HolidayCalendar::england_and_wales();
//! let received = NaiveDate::from_ymd_opt(2025, 1, 6).ok_or("not a date")?;
//! let due: Deadline = send_pathway::deadlines::decision_to_assess_due(received, &cal)?;
//! assert_eq!(due.rule(), RuleId::TDecide6w);
//! assert_eq!(format!("{:<12}|", due.rule()), "T-DECIDE-6W |");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Examples
//!
//! The 20-week timetable of a request received on Monday 6 January 2025
//! (T-FINAL-20W):
//!
//! ```
//! use send_pathway::prelude::*;
//! use send_pathway::{deadlines, exceptions::judge};
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
//! A case: open it with the request, then ask what is due on any day. The
//! prelude has every type this needs, and dates can be written as text
//! (chrono's `NaiveDate` parses `2025-01-06`):
//!
//! ```
//! use send_pathway::prelude::*;
//!
//! let cal = HolidayCalendar::england_and_wales();
//! let policy = LocalPolicy::builder("Kingston").build(); // the statute, no local extras
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
//! let (case, _warnings) = Case::open(child, policy, request, &cal)?;
//! for obligation in case.obligations("2025-03-01".parse()?, &cal)? {
//!     // Decide whether to assess and notify by 2025-02-17 (T-DECIDE-6W): Overdue
//!     println!("{obligation}");
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Values people type are read with `parse` and written back by `Display`,
//! which honours width and alignment for tables: [`RuleId`] (`T-FINAL-20W`),
//! [`ExceptionId`] (`EXC-13-3`), [`calendar::AcademicYear`] (`2025/26`),
//! [`calendar::YearGroup`] (`Year 9`), [`calendar::TermName`] and
//! [`calendar::TermId`] (`Autumn 2025/26`), [`Pounds`] (`£1,250.50`).
//! Types with many parts have builders: [`LocalPolicy::builder`],
//! [`TermCalendar::builder`].
//!
//! Runnable programs live in the repository's `examples/` folder:
//! `walkthrough` (a whole case, start here), `no_to_assess`,
//! `closure_exception`, `advice_tracker`, `asc` and `nsm`. Run one with
//! `cargo run --example walkthrough`. `service_property_tests` shows how to
//! property-test your own service with [`strategies`](crate#features) (run it
//! with `cargo run --example service_property_tests --features proptest`).
//!
//! ## Legal readings
//!
//! Where the sources disagree or are unsure, the crate follows the
//! reading the crate's rules catalogue records (`RULES.md`, [`RuleId`]) and says so in the documentation of the function concerned; where a
//! choice is the council's, it is a typed option in [`LocalPolicy`].

#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs, missing_debug_implementations)]

/// `Display` through `f.pad`, so width, fill and alignment are honoured: one
/// definition for every module's "what a person reads" impls.
macro_rules! display_by_pad {
    ($t:ty, $self_:ident => $text:expr) => {
        impl core::fmt::Display for $t {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                let $self_ = self;
                f.pad(&$text)
            }
        }
    };
}

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
pub mod prelude;
pub mod rule;
pub mod sen_support;
#[cfg(feature = "proptest")]
pub mod strategies;
pub mod warning;

pub use chrono;
pub use chrono::NaiveDate;
pub use rust_decimal;

pub use calendar::{HolidayCalendar, TermCalendar};
pub use deadlines::Deadline;
pub use error::{Error, Result};
pub use exceptions::{Act, Compliance, ExceptionId};
pub use money::Pounds;
pub use policy::LocalPolicy;
pub use rule::RuleId;
pub use warning::Warning;

// The README's examples are compiled and run as doc-tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
