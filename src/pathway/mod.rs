//! The typed pathway: a child's case from SEN Support to a final plan, reviews and beyond.
//!
//! DOMAIN §5 as types. Each stage is a struct holding only the data valid in
//! it ([`stages`]); a transition consumes the stage and returns the next one, or
//! the error together with the stage unchanged. [`Stage`] is the enum that is
//! stored (serde, tagged `"stage"`) and dispatched on. A [`Case`] adds the side
//! tracks — mediation and appeal ([`Dispute`]), the Next Steps Meeting, the
//! Additional Support Contracts — and the [`Event`] history that rebuilds it.
//!
//! * Moves the law forbids are errors naming the rule: a final plan without a
//!   draft, a draft naming a school, finalising before the 15-day window closes,
//!   an ASC for a child with a plan or beyond two terms or the caps, ceasing
//!   without consultation.
//! * Moves the council may still make come back as [`Warning`](crate::Warning)s
//!   beside the success: a re-assessment within 6 months, a school request
//!   without the family's agreement, a late draft.
//! * [`obligations`] lists what is due today; [`sen2_records`] gives the DfE
//!   SEN2 view.
//!
//! ```
//! use chrono::NaiveDate;
//! use send_pathway::advice::SensoryImpairment;
//! use send_pathway::calendar::HolidayCalendar;
//! use send_pathway::pathway::{obligations, Actor, Case, Child, Event, EventKind, ParentalAgreement};
//! use send_pathway::LocalPolicy;
//!
//! let cal = HolidayCalendar::england_and_wales();
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("not a date");
//! let child = Child { reference: "CYP-1".into(), date_of_birth: d(2016, 3, 1)?, sensory_impairment: SensoryImpairment::None };
//! let request = Event::new(d(2025, 1, 6)?, Actor::Parent, EventKind::AssessmentRequested { agreement: ParentalAgreement::NotApplicable });
//! let (mut case, _) = Case::open(child, LocalPolicy::sutton(), request, &cal)?;
//!
//! let due = obligations(&case, d(2025, 1, 20)?, &cal)?;
//! assert_eq!(due[0].rule().code(), "T-DECIDE-6W");
//! assert_eq!(due[0].deadline.due(), d(2025, 2, 17)?);
//!
//! // A final plan without a draft is refused, and the case is unchanged.
//! let before = case.clone();
//! let bad = Event::new(d(2025, 2, 1)?, Actor::Council, EventKind::FinalPlanIssued {
//!     school: "Oak Primary".into(),
//!     changes: send_pathway::pathway::FinalPlanChanges::RepresentationsAndPlacementOnly,
//! });
//! assert!(case.apply(bad, &cal).is_err());
//! assert_eq!(case, before);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod case;
mod events;
mod obligations;
pub mod reviews;
pub mod stages;

pub use case::{AppealableDecision, AscRecord, Case, Child, Dispute, NsmTrack};
pub use events::{
    Actor, AppealOutcome, CeaseGround, DecisionNotice, Event, EventKind, FinalPlanChanges,
    MediationChoice, NoticeItem, ParentalAgreement, ReviewFinding, ReviewKind, ReviewOutcome,
};
pub use obligations::{obligations, sen2_records, Obligation, Sen2Record, Sen2Timeliness};
pub use stages::Stage;
