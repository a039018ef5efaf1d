//! API conventions checked through the public API only (Rust API Guidelines
//! C-SEND-SYNC, C-GOOD-ERR, C-COMMON-TRAITS, C-DEBUG).
//!
//! Every public type outside `pathway` (the lead adds those) is listed here by
//! module; a new public type should join its module's list.

use std::fmt::Debug;
use std::str::FromStr;

use send_pathway::{
    advice, asc, calendar, deadlines, error, exceptions, money, nsm, policy, rule, sen_support,
    warning,
};

/// Compiles only when `T` can cross threads, be shared between them, be moved
/// freely once pinned-by-value, be printed for debugging and hold no borrow.
fn is_send_sync_unpin<T: Send + Sync + Unpin + Debug + 'static>() {}

/// C-GOOD-ERR: what `Box<dyn Error + Send + Sync>` and `anyhow` need.
fn is_good_error<T: std::error::Error + Send + Sync + Clone + PartialEq + 'static>() {}

macro_rules! all_send_sync_unpin {
    ($($module:ident :: { $($ty:ident),* $(,)? })*) => {
        $( $( is_send_sync_unpin::<$module::$ty>(); )* )*
    };
}

#[test]
fn every_public_type_is_send_sync_unpin() {
    all_send_sync_unpin! {
        advice::{ AdviceType, SensoryImpairment, AdviceNeedsFacts, RequiredAdvice, AdviceRequest, AdviceStatus, Agreement, ExistingAdvice, ReuseDecision, AssessmentAdvice, Readiness, ChaseItem, InsufficientInformationDecline }
        asc::{ AscRequester, EhcPlanStatus, AscEvidence, AscRequest, SetupMeeting, Robustness, PanelAdvice, OfficerDecision, AscAppeal, FundingSource, AscDecision, Moderation, TermFunding, Progress, ExtensionWish, TermReview, SupportStillNeeded, NextStep, AscEnding, AscStage, AwardsToDate, CappedAward, AdditionalSupportContract }
        calendar::{ AcademicYear, YearGroup, Provision, DateRange, FixedDateReading, BankHoliday, DayKind, HolidayCalendar, TermName, Term, TermId, Closure, ClosedPeriod, TermCalendar }
        deadlines::{ Convention, MediationCertificate, Deadline, StatutoryTimeline, ReviewDueReading, UnderFiveInterval, PhaseTransfer, PhaseTransferPlan, SentTime, ServiceMethod }
        exceptions::{ ExceptionId, ExceptionGround, ExceptionClaim, Act, Compliance, Status }
        money::{ Pounds }
        nsm::{ PanelOutcome, NsmAvailability, FamilyResponse, MeetingLength, Unavailability, Slot, SlotSearch, FacilitatingService, Nominator, Facilitator, Arranger, ChildAttendance, Invitee, PanelNotes, AscRoute, CoordinatorDuties, AgendaItem, MinimumContent, Topic, Venue, FormRecipient, NsmForm, NextStepsMeeting, MeetingPlan }
        policy::{ NsmOffer, AscScheme, ReviewAnchor, LocalPolicy }
        sen_support::{ ProvisionLine, CostedProvisionMap }
        rule::{ RuleId }
        warning::{ Warning }
        error::{ Error }
    }
    // Root re-exports and the prelude name the same types.
    is_send_sync_unpin::<send_pathway::NaiveDate>();
    is_send_sync_unpin::<send_pathway::Pounds>();
    is_send_sync_unpin::<send_pathway::HolidayCalendar>();
    is_send_sync_unpin::<send_pathway::TermCalendar>();
}

#[test]
fn error_is_a_good_error() {
    is_good_error::<send_pathway::Error>();
    // It boxes into the usual error objects, and `?` converts it.
    fn boxed() -> Result<(), Box<dyn std::error::Error + Send + Sync + 'static>> {
        let _: send_pathway::RuleId = "T-NOPE".parse()?;
        Ok(())
    }
    let err = boxed().err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("T-NOPE"), "{err}");
}

#[test]
fn error_has_no_source_chain() {
    // No variant wraps another error today; `source` is `None` (documented on `Error`).
    let err = send_pathway::RuleId::from_str("T-NOPE").unwrap_err();
    assert!(std::error::Error::source(&err).is_none());
    assert_eq!(err.clone(), err);
}

#[test]
fn rule_id_conversions_and_traits() {
    use send_pathway::RuleId;
    // T-FINAL-20W and ASC-TERM-CAP by their codes, both ways.
    let rule: RuleId = "T-FINAL-20W".parse().unwrap();
    assert_eq!(rule, RuleId::TFinal20w);
    assert_eq!(
        RuleId::try_from("ASC-TERM-CAP").unwrap(),
        RuleId::AscTermCap
    );
    assert_eq!(rule.to_string(), "T-FINAL-20W");
    // Display honours width and alignment, so codes line up in reports.
    assert_eq!(format!("[{rule:<12}]"), "[T-FINAL-20W ]");
    assert_eq!(format!("[{rule:>12}]"), "[ T-FINAL-20W]");
    // Ord and Hash: usable as map keys, sorted in catalogue order.
    let mut set = std::collections::BTreeSet::new();
    set.insert(RuleId::AscTermCap);
    set.insert(RuleId::TFinal20w);
    assert_eq!(set.iter().next(), Some(&RuleId::TFinal20w));
    let map: std::collections::HashMap<RuleId, usize> = RuleId::ALL
        .iter()
        .enumerate()
        .map(|(i, r)| (*r, i))
        .collect();
    assert_eq!(map.len(), RuleId::ALL.len());
    fn common<T: Copy + Eq + Ord + std::hash::Hash + Debug + std::fmt::Display + FromStr>() {}
    common::<RuleId>();
}

#[test]
fn warning_display_and_accessors() {
    use send_pathway::{RuleId, Warning};
    // T-DRAFT-14W is a target, so missing it is a warning.
    let w = Warning::new(RuleId::TDraft14w, "draft plan sent in week 15");
    assert_eq!(w.rule(), RuleId::TDraft14w);
    assert_eq!(w.message(), "draft plan sent in week 15");
    assert_eq!(w.to_string(), "T-DRAFT-14W: draft plan sent in week 15");
    assert_eq!(format!("{:<12.11}|", w), "T-DRAFT-14W |");
}

#[test]
fn the_prelude_is_enough_to_start() {
    use send_pathway::prelude::*;
    let cal = HolidayCalendar::england_and_wales();
    let received = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    let due: Deadline = send_pathway::deadlines::final_plan_due(received, &cal).unwrap();
    assert_eq!(due.rule(), RuleId::TFinal20w);
    let judged: Result<Compliance> =
        send_pathway::exceptions::judge(&due, Act::Done(received), received, &[]);
    assert_eq!(judged, Ok(Compliance::Met));
    // The alias still takes a second parameter, so it does not hide std's `Result`.
    let other: Result<u8, String> = Err("other error types still work".to_owned());
    assert!(other.is_err());
    let _: Option<(
        LocalPolicy,
        Pounds,
        Warning,
        ExceptionId,
        Option<TermCalendar>,
        Error,
    )> = None;
    // chrono is re-exported, so no version of it needs to match.
    let same: send_pathway::chrono::NaiveDate = received;
    assert_eq!(
        same,
        send_pathway::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap()
    );
    let _: send_pathway::rust_decimal::Decimal = send_pathway::rust_decimal::Decimal::ONE;
}
