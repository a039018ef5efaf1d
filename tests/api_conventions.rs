//! API conventions checked through the public API only (Rust API Guidelines
//! C-SEND-SYNC, C-GOOD-ERR, C-COMMON-TRAITS, C-DEBUG).
//!
//! Every public type is listed here by module, the pathway's included; a new
//! public type should join its module's list.

use std::fmt::Debug;
use std::str::FromStr;

mod common;

use send_pathway::{
    advice, asc, calendar, caseload, deadlines, error, exceptions, explain, money, nsm, pathway,
    policy, rule, sen_support, strategies, warning,
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
        calendar::{ AcademicYear, YearGroup, PersonStatus, Provision, DateRange, FixedDateReading, BankHoliday, DayKind, HolidayCalendar, TermName, Term, TermId, Closure, ClosedPeriod, TermCalendar, TermCalendarBuilder }
        deadlines::{ Convention, MediationCertificate, Deadline, StatutoryTimeline, ReviewDueReading, UnderFiveInterval, PhaseTransfer, PhaseTransferPlan, SentTime, ServiceMethod }
        exceptions::{ ExceptionId, ExceptionGround, ExceptionClaim, Act, Compliance, Status }
        money::{ Pounds }
        nsm::{ PanelOutcome, NsmAvailability, FamilyResponse, MeetingLength, Unavailability, Slot, SlotSearch, FacilitatingService, Nominator, Facilitator, Arranger, ChildAttendance, Invitee, PanelNotes, AscRoute, CoordinatorDuties, AgendaItem, MinimumContent, Topic, Venue, FormRecipient, NsmForm, NextStepsMeeting, MeetingPlan }
        policy::{ NsmOffer, AscScheme, ReviewAnchor, LocalPolicy, LocalPolicyBuilder }
        sen_support::{ ProvisionLine, CostedProvisionMap }
        rule::{ RuleId }
        warning::{ Warning }
        error::{ Error }
        pathway::{
            Case, CaseRecord, Child, Event, EventKind, Actor, Phase, Plan, Assessment, Dispute,
            Obligation, Subject, NextEvent, Applied, Refused, Opened, ComplianceEntry, Sen2Record,
            Sen2Timeliness, CaseState, MemoryUse, DisputeId, ContractId, MeetingId, ConsultationId,
            AdviceId, AppealGrounds, AppealOutcome, AppealableDecision, CeaseGround, DecisionNotice,
            FinalPlanChanges, MediationChoice, NoticeItem, ParentalAgreement, ReviewFinding,
            ReviewKind, ReviewOutcome, ReviewDuty, Amendment, AscTrack, AssessmentStep,
            CeaseProposal, Clocks, Consultation, Draft, NsmTrack, OrderRoute, PlannedTransfer,
            Reassessment, RequestRoute, Review, SupportTrack, TransferIn
        }
        strategies::{ CaseloadRng, CaseloadMix }
        caseload::{
            PhaseKind, Party, Filter, TransferBasis, YearMonth, CollectionYear, CeasedWindow,
            RequestOutcome, AssessmentOutcome, Sen2Assessment, Sen2Request, Sen2ActivePlan,
            CeaseReason, Sen2CeasedPlan, Sen2Return, Proportion, Sen2Aggregates
        }
        explain::{ Phrase }
    }
    // Views that borrow the caseload they were made from.
    is_send_sync_debug::<caseload::HolidayChange<'_>>();
    is_send_sync_debug::<caseload::CaseRef<'_>>();
    is_send_sync_debug::<caseload::CohortEntry<'_>>();
    is_send_sync_debug::<caseload::PhaseTransferCohort<'_>>();
    is_send_sync_debug::<caseload::ReviewDue<'_>>();
    is_send_sync_debug::<caseload::ReviewCalendar<'_>>();
    is_send_sync_debug::<caseload::UrgentRow<'_>>();
    is_send_sync_debug::<explain::Explanation<'_>>();
    is_send_sync_debug::<explain::ExceptionExplanation<'_>>();
    // `Calendars` borrows the caller's calendars, so it is checked with a lifetime.
    fn is_send_sync_debug<T: Send + Sync + Debug>() {}
    is_send_sync_debug::<pathway::Calendars<'_>>();
    is_send_sync_unpin::<pathway::reviews::Setting>();
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
fn plain_errors_have_no_source() {
    let err = send_pathway::RuleId::from_str("T-NOPE").unwrap_err();
    assert!(std::error::Error::source(&err).is_none());
    assert_eq!(err.clone(), err);
}

#[test]
fn a_stored_history_error_chains_to_its_cause() {
    use send_pathway::pathway::CaseRecord;
    use send_pathway::{Error, LocalPolicy};
    // A record whose draft plan was removed: the representations that followed
    // cannot be read back (DRAFT-15D), and the error says why through `source`.
    let cal = common::cal();
    let case = common::case_1_to_final(&cal);
    let mut value = serde_json::to_value(CaseRecord::from(&case)).unwrap();
    let history = value["history"].as_array_mut().unwrap();
    let draft = history
        .iter()
        .position(|e| e["type"] == "draft_plan_issued")
        .unwrap();
    history.remove(draft);
    let record: CaseRecord = serde_json::from_value(value).unwrap();
    let err = record.into_case(&cal, &LocalPolicy::sutton()).unwrap_err();
    let Error::RecordEvent { source: inner, .. } = &err else {
        panic!("expected RecordEvent, got {err:?}");
    };
    let source = std::error::Error::source(&err).expect("RecordEvent has a source");
    assert_eq!(source.to_string(), inner.to_string());
    // Display names the event; the cause is only in the chain, so a reporter
    // that walks it prints each once.
    assert!(!err.to_string().contains(&source.to_string()), "{err}");
    assert!(err.to_string().contains("cannot be read back"), "{err}");
    // The chain survives boxing, as `anyhow`/`eyre` reporters walk it.
    let boxed: Box<dyn std::error::Error + Send + Sync + 'static> = Box::new(err.clone());
    assert!(boxed.source().is_some());
}

#[test]
fn people_write_these_and_the_crate_reads_them() {
    use calendar::{AcademicYear, TermId, TermName, YearGroup};
    use exceptions::ExceptionId;
    // FromStr round-trips through Display for every value people write.
    for id in ExceptionId::ALL {
        assert_eq!(id.to_string().parse::<ExceptionId>().unwrap(), id);
    }
    // EXC-13-3: codes are exact, as rule IDs are.
    assert_eq!(
        " EXC-13-3 ".parse::<ExceptionId>().unwrap(),
        ExceptionId::Exc13_3
    );
    assert!("exc-13-3".parse::<ExceptionId>().is_err());
    for year in [1999, 2025, 2099] {
        let y = AcademicYear::starting(year);
        assert_eq!(y.to_string().parse::<AcademicYear>().unwrap(), y);
    }
    assert_eq!(
        "2025-2026".parse::<AcademicYear>().unwrap(),
        AcademicYear::starting(2025)
    );
    assert!("2025/27".parse::<AcademicYear>().is_err());
    assert!("twenty".parse::<AcademicYear>().is_err());
    for n in -2..=14 {
        let g = YearGroup::new(n);
        assert_eq!(g.to_string().parse::<YearGroup>().unwrap(), g);
    }
    assert_eq!("R".parse::<YearGroup>().unwrap(), YearGroup::RECEPTION);
    assert!("Year nine".parse::<YearGroup>().is_err());
    for name in [TermName::Autumn, TermName::Spring, TermName::Summer] {
        assert_eq!(name.to_string().parse::<TermName>().unwrap(), name);
        let id = TermId::new(AcademicYear::starting(2025), name);
        assert_eq!(id.to_string().parse::<TermId>().unwrap(), id);
    }
    let err = "Winter 2025/26".parse::<TermId>().unwrap_err();
    assert!(
        err.to_string().contains("Autumn, Spring or Summer"),
        "{err}"
    );
    fn common<T: Copy + Eq + Ord + std::hash::Hash + Debug + std::fmt::Display + FromStr>() {}
    common::<ExceptionId>();
    common::<AcademicYear>();
    common::<YearGroup>();
    common::<TermName>();
    common::<TermId>();
}

#[test]
fn display_honours_width_and_alignment() {
    use calendar::{AcademicYear, DateRange, DayKind, TermName, YearGroup};
    use exceptions::{Act, Compliance, ExceptionId};
    let cal = calendar::HolidayCalendar::england_and_wales();
    let received = send_pathway::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    let due = deadlines::final_plan_due(received, &cal).unwrap();
    // T-FINAL-20W as a caseworker's list shows it.
    assert_eq!(format!("[{due:>28}]"), "[  T-FINAL-20W due 2025-05-26]");
    let cells = [
        format!("[{:<9}]", AcademicYear::starting(2025)),
        format!("[{:>9}]", YearGroup::YEAR_9),
        format!("[{:^8}]", TermName::Spring),
        format!("[{:<10}]", ExceptionId::Exc13_3),
        format!("[{:>8}]", Compliance::Met),
        format!("[{:<9}]", Act::NotDone),
        format!("[{:>12}]", DayKind::Weekend),
        format!("[{:<11}]", DateRange::day(received)),
    ];
    assert_eq!(
        cells,
        [
            "[2025/26  ]",
            "[   Year 9]",
            "[ Spring ]",
            "[EXC-13-3  ]",
            "[     Met]",
            "[not done ]",
            "[     weekend]",
            "[2025-01-06 ]",
        ]
    );
}

#[test]
fn builders_and_const_constructors() {
    use calendar::{BankHoliday, ClosedPeriod, TermCalendar, TermName};
    use send_pathway::{LocalPolicy, NaiveDate};
    const D: NaiveDate = match NaiveDate::from_ymd_opt(2025, 9, 3) {
        Some(d) => d,
        None => panic!(),
    };
    const HOLIDAY: BankHoliday = BankHoliday::from_static(D, "one-off");
    const CLOSED: ClosedPeriod = ClosedPeriod::new(D, D);
    const UNDER5: deadlines::UnderFiveInterval = match deadlines::UnderFiveInterval::checked(4) {
        Some(i) => i,
        None => panic!(),
    };
    assert_eq!(HOLIDAY.name, "one-off");
    assert_eq!(CLOSED.days_closed(), 0);
    assert_eq!(UNDER5.get(), 4);
    let terms = TermCalendar::builder()
        .term(
            TermName::Autumn,
            D,
            NaiveDate::from_ymd_opt(2025, 12, 19).unwrap(),
        )
        .build()
        .unwrap();
    assert_eq!(terms.terms().len(), 1);
    // A bad term is reported when the calendar is built.
    let bad = TermCalendar::builder()
        .term(
            TermName::Autumn,
            D,
            NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
        )
        .build();
    assert!(matches!(
        bad,
        Err(send_pathway::Error::DatesOutOfOrder { .. })
    ));
    let policy = LocalPolicy::builder("Anywhere")
        .under_five_interval(UNDER5)
        .build();
    assert_eq!(policy.under_five_interval, UNDER5);
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

#[test]
fn answers_people_read_have_display() {
    use send_pathway::exceptions::Status;
    use send_pathway::{Pounds, RuleId};
    // T-ADVICE-6W: a chase-list line reads as one sentence.
    // An answer, `#[non_exhaustive]`: built here as a service reads one back.
    let item: advice::ChaseItem = serde_json::from_value(serde_json::json!({
        "case": "CYP-1",
        "advice_type": advice::AdviceType::Psychological,
        "body": "EP service",
        "contact": "duty EP",
        "due": "2025-02-17",
        "rule": RuleId::TAdvice6w,
        "tracking_due": "2025-02-17",
        "days_left": -3,
        "status": Status::Overdue,
    }))
    .unwrap();
    assert_eq!(
        item.to_string(),
        "CYP-1: (d) psychological from EP service (duty EP), T-ADVICE-6W 2025-02-17, 3 days overdue"
    );
    // ASC-TERM-CAP: a capped award names the caps that cut it.
    let award = asc::CappedAward {
        amount: Pounds::whole_const(2_000),
        limited_by: vec![RuleId::AscTermCap],
    };
    assert_eq!(award.to_string(), "£2,000 (limited by ASC-TERM-CAP)");
    let in_full = asc::CappedAward {
        amount: Pounds::whole_const(5),
        limited_by: vec![],
    };
    assert_eq!(format!("[{in_full:>12}]"), "[  £5 in full]");
}

/// Tagged enums read back refuse fields they do not know, as structs do
/// (DC-1 conventions, EXC-* grounds and judgements, AGE-25 provision).
#[test]
fn tagged_enums_refuse_unknown_fields() {
    use calendar::Provision;
    use deadlines::{Convention, MediationCertificate, ServiceMethod};
    use exceptions::{Act, Compliance, ExceptionGround, Status};
    let ok: Convention = serde_json::from_str(r#"{"kind":"within_weeks_of","weeks":20}"#).unwrap();
    assert_eq!(ok, Convention::WithinWeeksOf { weeks: 20 });
    assert!(serde_json::from_str::<Convention>(
        r#"{"kind":"within_weeks_of","weeks":20,"wekks":20}"#
    )
    .is_err());
    assert!(serde_json::from_str::<ExceptionGround>(
        r#"{"ground":"missed_appointment","appointment_on":"2025-02-03","note":"x"}"#
    )
    .is_err());
    assert!(serde_json::from_str::<Provision>(
        r#"{"kind":"apprenticeship","training_ends":"2027-07-31","x":1}"#
    )
    .is_err());
    assert!(serde_json::from_str::<ServiceMethod>(
        r#"{"method":"email","time":"before_five_pm","x":1}"#
    )
    .is_err());
    let act: Act = serde_json::from_str(r#"{"status":"done","on":"2025-05-23"}"#).unwrap();
    assert!(matches!(act, Act::Done(_)));
    assert!(
        serde_json::from_str::<Act>(r#"{"status":"done","on":"2025-05-23","by":"x"}"#).is_err()
    );
    assert!(serde_json::from_str::<Compliance>(r#"{"status":"met","x":1}"#).is_err());
    assert!(serde_json::from_str::<Status>(r#"{"status":"late","x":1}"#).is_err());
    assert!(serde_json::from_str::<MediationCertificate>(
        r#"{"status":"issued","issued_on":"2025-06-02","x":1}"#
    )
    .is_err());
}
