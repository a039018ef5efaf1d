//! The case: a child's journey through the statutory pathway, as a state
//! machine that can be stored.
//!
//! The case pathway as types, in two levels. A case has one [`Phase`] of life — SEN
//! Support, an [`Assessment`] in progress, a maintained [`Plan`] carrying its
//! current activities (at most one review, amendment, re-assessment and cease
//! proposal at a time, each with its own clocks), or ceased — and beside it
//! side tracks that run in parallel: SEN Support cycles, [`Dispute`]s (one per
//! appealable decision), Next Steps Meetings and Additional Support Contracts.
//!
//! * **Decide, then evolve.** [`Case::apply`] first decides — a pure check of
//!   the event against the state, the caller's calendars and the council's
//!   policy, calling the rule modules (`deadlines`, `asc`, `nsm`, `advice`,
//!   `calendar`) that own each rule — and then evolves the state, a total step
//!   that cannot fail. A refused event comes back in [`Refused`] and the case
//!   is unchanged. [`Case::replay`] uses the consistency checks and evolve only,
//!   so a stored history is never re-judged under today's calendar.
//! * **Typed ids.** What a case opens is numbered by the case and named by
//!   [`ids`] in later events: [`DisputeId`], [`ConsultationId`], [`ContractId`],
//!   [`MeetingId`], [`AdviceId`].
//! * **A record to store.** [`CaseRecord`] is the history with a schema
//!   version; [`CaseRecord::into_case`] reads it back under the caller's
//!   calendar and policy and names the first bad event.
//! * **Questions.** [`Case::obligations`], [`Case::next_events`],
//!   [`Case::sen2_records`], and the compliance history of every statutory
//!   act ([`Case::compliance`], [`Case::late_acts`]).
//!
//! ```
//! use chrono::NaiveDate;
//! use send_pathway::advice::SensoryImpairment;
//! use send_pathway::calendar::HolidayCalendar;
//! use send_pathway::pathway::{Actor, Case, Child, Event, EventKind, FinalPlanChanges, ParentalAgreement};
//! use send_pathway::LocalPolicy;
//!
//! let cal = HolidayCalendar::england_and_wales();
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("not a date");
//! let child = Child { reference: "CYP-1".into(), date_of_birth: d(2016, 3, 1)?, sensory_impairment: SensoryImpairment::None };
//! let request = Event::new(d(2025, 1, 6)?, Actor::Parent, EventKind::AssessmentRequested { agreement: ParentalAgreement::NotApplicable });
//! let (mut case, _) = Case::open(child, LocalPolicy::sutton(), request, &cal)?;
//!
//! let due = case.obligations(d(2025, 1, 20)?, &cal)?;
//! assert_eq!(due[0].rule().code(), "T-DECIDE-6W");
//! assert_eq!(due[0].deadline.due(), d(2025, 2, 17)?);
//!
//! // A final plan without a draft is refused, handed back, and the case is unchanged.
//! let before = case.clone();
//! let bad = Event::new(d(2025, 2, 1)?, Actor::Council, EventKind::FinalPlanIssued {
//!     school: "Oak Primary".into(),
//!     changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
//! });
//! let refused = case.apply(bad.clone(), &cal).unwrap_err();
//! assert_eq!(refused.event, bad);
//! assert_eq!(case, before);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod case;
mod compliance;
mod decide;
mod event;
mod evolve;
pub mod ids;
mod memory;
mod obligations;
mod record;
pub mod reviews;
mod sen2;
mod state;

pub use crate::advice::AdviceId;
pub use case::{Applied, Calendars, Case, Child, Opened, Refused};
pub use compliance::ComplianceEntry;
pub use event::{
    Actor, AppealGrounds, AppealOutcome, AppealableDecision, CeaseGround, DecisionNotice, Event,
    EventKind, FinalPlanChanges, MediationChoice, NoticeItem, ParentalAgreement, ReviewFinding,
    ReviewKind, ReviewOutcome,
};
pub use ids::{ConsultationId, ContractId, DisputeId, MeetingId};
pub use memory::MemoryUse;
pub use obligations::{NextEvent, Obligation, Subject};
pub use record::{
    CaseRecord, SCHEMA_VERSION, SCHEMA_VERSION_WITHOUT_DAYS, SCHEMA_VERSION_WITHOUT_POLICY,
};
pub use reviews::ReviewDuty;
pub use sen2::{Sen2Record, Sen2Timeliness};
pub use state::{
    Amendment, AscTrack, Assessment, AssessmentStep, CaseState, CeaseProposal, Clocks,
    Consultation, Dispute, Draft, NsmTrack, OrderRoute, Phase, Plan, PlannedTransfer, Reassessment,
    RequestRoute, Review, SupportTrack, TransferIn,
};
