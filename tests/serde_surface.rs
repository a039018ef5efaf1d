//! The README's list of what serialises and what deserialises is the truth:
//! every type it names implements the traits it says, and every type checked
//! here is named in it.

#![cfg(feature = "serde")]

use std::collections::BTreeSet;

use send_pathway::{
    advice, asc, calendar, caseload, deadlines, error, exceptions, explain, money, nsm, pathway,
    policy, rule, sen_support, warning,
};

fn both<T: serde::Serialize + serde::de::DeserializeOwned>() {}
fn ser<T: serde::Serialize>() {}

/// `(path, compile-time check)`: `both` for types that serialise and read
/// back validated, `ser` for answers that only serialise.
const BOTH: &[(&str, fn())] = &[
    ("advice::AdviceId", both::<advice::AdviceId> as fn()),
    (
        "advice::AdviceNeedsFacts",
        both::<advice::AdviceNeedsFacts> as fn(),
    ),
    (
        "advice::AdviceRequest",
        both::<advice::AdviceRequest> as fn(),
    ),
    ("advice::AdviceType", both::<advice::AdviceType> as fn()),
    ("advice::Agreement", both::<advice::Agreement> as fn()),
    (
        "advice::AssessmentAdvice",
        both::<advice::AssessmentAdvice> as fn(),
    ),
    ("advice::ChaseItem", both::<advice::ChaseItem> as fn()),
    (
        "advice::ExistingAdvice",
        both::<advice::ExistingAdvice> as fn(),
    ),
    (
        "advice::InsufficientInformationDecline",
        both::<advice::InsufficientInformationDecline> as fn(),
    ),
    ("advice::Readiness", both::<advice::Readiness> as fn()),
    (
        "advice::RequiredAdvice",
        both::<advice::RequiredAdvice> as fn(),
    ),
    (
        "advice::ReuseDecision",
        both::<advice::ReuseDecision> as fn(),
    ),
    (
        "advice::SensoryImpairment",
        both::<advice::SensoryImpairment> as fn(),
    ),
    (
        "asc::AdditionalSupportContract",
        both::<asc::AdditionalSupportContract> as fn(),
    ),
    ("asc::AscAppeal", both::<asc::AscAppeal> as fn()),
    ("asc::AscDecision", both::<asc::AscDecision> as fn()),
    ("asc::AscEnding", both::<asc::AscEnding> as fn()),
    ("asc::AscEvidence", both::<asc::AscEvidence> as fn()),
    ("asc::AscRequest", both::<asc::AscRequest> as fn()),
    ("asc::AscRequester", both::<asc::AscRequester> as fn()),
    ("asc::AscStage", both::<asc::AscStage> as fn()),
    ("asc::AwardsToDate", both::<asc::AwardsToDate> as fn()),
    ("asc::CappedAward", both::<asc::CappedAward> as fn()),
    ("asc::EhcPlanStatus", both::<asc::EhcPlanStatus> as fn()),
    ("asc::ExtensionWish", both::<asc::ExtensionWish> as fn()),
    ("asc::FundingSource", both::<asc::FundingSource> as fn()),
    ("asc::Moderation", both::<asc::Moderation> as fn()),
    ("asc::NextStep", both::<asc::NextStep> as fn()),
    ("asc::OfficerDecision", both::<asc::OfficerDecision> as fn()),
    ("asc::PanelAdvice", both::<asc::PanelAdvice> as fn()),
    ("asc::Progress", both::<asc::Progress> as fn()),
    ("asc::Robustness", both::<asc::Robustness> as fn()),
    ("asc::SetupMeeting", both::<asc::SetupMeeting> as fn()),
    (
        "asc::SupportStillNeeded",
        both::<asc::SupportStillNeeded> as fn(),
    ),
    ("asc::TermFunding", both::<asc::TermFunding> as fn()),
    ("asc::TermReview", both::<asc::TermReview> as fn()),
    (
        "calendar::AcademicYear",
        both::<calendar::AcademicYear> as fn(),
    ),
    (
        "calendar::BankHoliday",
        both::<calendar::BankHoliday> as fn(),
    ),
    (
        "calendar::ClosedPeriod",
        both::<calendar::ClosedPeriod> as fn(),
    ),
    ("calendar::Closure", both::<calendar::Closure> as fn()),
    ("calendar::DateRange", both::<calendar::DateRange> as fn()),
    ("calendar::DayKind", both::<calendar::DayKind> as fn()),
    (
        "calendar::FixedDateReading",
        both::<calendar::FixedDateReading> as fn(),
    ),
    (
        "calendar::HolidayCalendar",
        both::<calendar::HolidayCalendar> as fn(),
    ),
    (
        "calendar::PersonStatus",
        both::<calendar::PersonStatus> as fn(),
    ),
    ("calendar::Provision", both::<calendar::Provision> as fn()),
    ("calendar::Term", both::<calendar::Term> as fn()),
    (
        "calendar::TermCalendar",
        both::<calendar::TermCalendar> as fn(),
    ),
    ("calendar::TermId", both::<calendar::TermId> as fn()),
    ("calendar::TermName", both::<calendar::TermName> as fn()),
    ("calendar::YearGroup", both::<calendar::YearGroup> as fn()),
    (
        "caseload::CeasedWindow",
        both::<caseload::CeasedWindow> as fn(),
    ),
    (
        "caseload::CollectionYear",
        both::<caseload::CollectionYear> as fn(),
    ),
    ("caseload::Filter", both::<caseload::Filter> as fn()),
    ("caseload::Party", both::<caseload::Party> as fn()),
    ("caseload::PhaseKind", both::<caseload::PhaseKind> as fn()),
    ("caseload::YearMonth", both::<caseload::YearMonth> as fn()),
    (
        "deadlines::Convention",
        both::<deadlines::Convention> as fn(),
    ),
    ("deadlines::Deadline", both::<deadlines::Deadline> as fn()),
    (
        "deadlines::MediationCertificate",
        both::<deadlines::MediationCertificate> as fn(),
    ),
    (
        "deadlines::PhaseTransfer",
        both::<deadlines::PhaseTransfer> as fn(),
    ),
    (
        "deadlines::PhaseTransferPlan",
        both::<deadlines::PhaseTransferPlan> as fn(),
    ),
    (
        "deadlines::ReviewDueReading",
        both::<deadlines::ReviewDueReading> as fn(),
    ),
    ("deadlines::SentTime", both::<deadlines::SentTime> as fn()),
    (
        "deadlines::ServiceMethod",
        both::<deadlines::ServiceMethod> as fn(),
    ),
    (
        "deadlines::StatutoryTimeline",
        both::<deadlines::StatutoryTimeline> as fn(),
    ),
    (
        "deadlines::UnderFiveInterval",
        both::<deadlines::UnderFiveInterval> as fn(),
    ),
    ("exceptions::Act", both::<exceptions::Act> as fn()),
    (
        "exceptions::Compliance",
        both::<exceptions::Compliance> as fn(),
    ),
    (
        "exceptions::ExceptionClaim",
        both::<exceptions::ExceptionClaim> as fn(),
    ),
    (
        "exceptions::ExceptionGround",
        both::<exceptions::ExceptionGround> as fn(),
    ),
    (
        "exceptions::ExceptionId",
        both::<exceptions::ExceptionId> as fn(),
    ),
    ("exceptions::Status", both::<exceptions::Status> as fn()),
    ("money::Pounds", both::<money::Pounds> as fn()),
    ("nsm::AgendaItem", both::<nsm::AgendaItem> as fn()),
    ("nsm::Arranger", both::<nsm::Arranger> as fn()),
    ("nsm::AscRoute", both::<nsm::AscRoute> as fn()),
    ("nsm::ChildAttendance", both::<nsm::ChildAttendance> as fn()),
    (
        "nsm::CoordinatorDuties",
        both::<nsm::CoordinatorDuties> as fn(),
    ),
    (
        "nsm::FacilitatingService",
        both::<nsm::FacilitatingService> as fn(),
    ),
    ("nsm::Facilitator", both::<nsm::Facilitator> as fn()),
    ("nsm::FamilyResponse", both::<nsm::FamilyResponse> as fn()),
    ("nsm::FormRecipient", both::<nsm::FormRecipient> as fn()),
    ("nsm::Invitee", both::<nsm::Invitee> as fn()),
    ("nsm::MeetingLength", both::<nsm::MeetingLength> as fn()),
    ("nsm::MeetingPlan", both::<nsm::MeetingPlan> as fn()),
    ("nsm::MinimumContent", both::<nsm::MinimumContent> as fn()),
    (
        "nsm::NextStepsMeeting",
        both::<nsm::NextStepsMeeting> as fn(),
    ),
    ("nsm::Nominator", both::<nsm::Nominator> as fn()),
    ("nsm::NsmAvailability", both::<nsm::NsmAvailability> as fn()),
    ("nsm::NsmForm", both::<nsm::NsmForm> as fn()),
    ("nsm::PanelNotes", both::<nsm::PanelNotes> as fn()),
    ("nsm::PanelOutcome", both::<nsm::PanelOutcome> as fn()),
    ("nsm::Slot", both::<nsm::Slot> as fn()),
    ("nsm::SlotSearch", both::<nsm::SlotSearch> as fn()),
    ("nsm::Topic", both::<nsm::Topic> as fn()),
    ("nsm::Unavailability", both::<nsm::Unavailability> as fn()),
    ("nsm::Venue", both::<nsm::Venue> as fn()),
    ("pathway::Actor", both::<pathway::Actor> as fn()),
    (
        "pathway::AppealGrounds",
        both::<pathway::AppealGrounds> as fn(),
    ),
    (
        "pathway::AppealOutcome",
        both::<pathway::AppealOutcome> as fn(),
    ),
    (
        "pathway::AppealableDecision",
        both::<pathway::AppealableDecision> as fn(),
    ),
    ("pathway::CaseRecord", both::<pathway::CaseRecord> as fn()),
    ("pathway::CeaseGround", both::<pathway::CeaseGround> as fn()),
    ("pathway::Child", both::<pathway::Child> as fn()),
    (
        "pathway::ComplianceEntry",
        both::<pathway::ComplianceEntry> as fn(),
    ),
    (
        "pathway::ConsultationId",
        both::<pathway::ConsultationId> as fn(),
    ),
    ("pathway::ContractId", both::<pathway::ContractId> as fn()),
    (
        "pathway::DecisionNotice",
        both::<pathway::DecisionNotice> as fn(),
    ),
    ("pathway::DisputeId", both::<pathway::DisputeId> as fn()),
    ("pathway::Event", both::<pathway::Event> as fn()),
    ("pathway::EventKind", both::<pathway::EventKind> as fn()),
    (
        "pathway::FinalPlanChanges",
        both::<pathway::FinalPlanChanges> as fn(),
    ),
    (
        "pathway::MediationChoice",
        both::<pathway::MediationChoice> as fn(),
    ),
    ("pathway::MeetingId", both::<pathway::MeetingId> as fn()),
    ("pathway::NoticeItem", both::<pathway::NoticeItem> as fn()),
    ("pathway::Obligation", both::<pathway::Obligation> as fn()),
    (
        "pathway::ParentalAgreement",
        both::<pathway::ParentalAgreement> as fn(),
    ),
    (
        "pathway::ReviewFinding",
        both::<pathway::ReviewFinding> as fn(),
    ),
    ("pathway::ReviewKind", both::<pathway::ReviewKind> as fn()),
    (
        "pathway::ReviewOutcome",
        both::<pathway::ReviewOutcome> as fn(),
    ),
    ("pathway::Sen2Record", both::<pathway::Sen2Record> as fn()),
    (
        "pathway::Sen2Timeliness",
        both::<pathway::Sen2Timeliness> as fn(),
    ),
    ("pathway::Subject", both::<pathway::Subject> as fn()),
    (
        "pathway::reviews::ReviewDuty",
        both::<pathway::reviews::ReviewDuty> as fn(),
    ),
    (
        "pathway::reviews::Setting",
        both::<pathway::reviews::Setting> as fn(),
    ),
    ("policy::AscScheme", both::<policy::AscScheme> as fn()),
    ("policy::LocalPolicy", both::<policy::LocalPolicy> as fn()),
    ("policy::NsmOffer", both::<policy::NsmOffer> as fn()),
    ("policy::ReviewAnchor", both::<policy::ReviewAnchor> as fn()),
    ("rule::RuleId", both::<rule::RuleId> as fn()),
    (
        "sen_support::CostedProvisionMap",
        both::<sen_support::CostedProvisionMap> as fn(),
    ),
    (
        "sen_support::ProvisionLine",
        both::<sen_support::ProvisionLine> as fn(),
    ),
    ("warning::Warning", both::<warning::Warning> as fn()),
];

const SER_ONLY: &[(&str, fn())] = &[
    (
        "caseload::AssessmentOutcome",
        ser::<caseload::AssessmentOutcome> as fn(),
    ),
    (
        "caseload::CaseRef",
        ser::<caseload::CaseRef<'static>> as fn(),
    ),
    (
        "caseload::CeaseReason",
        ser::<caseload::CeaseReason> as fn(),
    ),
    (
        "caseload::CohortEntry",
        ser::<caseload::CohortEntry<'static>> as fn(),
    ),
    (
        "caseload::HolidayChange",
        ser::<caseload::HolidayChange<'static>> as fn(),
    ),
    (
        "caseload::Judged",
        ser::<caseload::Judged<Vec<caseload::UrgentRow<'static>>>> as fn(),
    ),
    (
        "caseload::LateAct",
        ser::<caseload::LateAct<'static>> as fn(),
    ),
    (
        "caseload::PhaseTransferCohort",
        ser::<caseload::PhaseTransferCohort<'static>> as fn(),
    ),
    ("caseload::Proportion", ser::<caseload::Proportion> as fn()),
    (
        "caseload::RequestOutcome",
        ser::<caseload::RequestOutcome> as fn(),
    ),
    (
        "caseload::ReviewCalendar",
        ser::<caseload::ReviewCalendar<'static>> as fn(),
    ),
    (
        "caseload::ReviewDue",
        ser::<caseload::ReviewDue<'static>> as fn(),
    ),
    (
        "caseload::Sen2ActivePlan",
        ser::<caseload::Sen2ActivePlan> as fn(),
    ),
    (
        "caseload::Sen2Aggregates",
        ser::<caseload::Sen2Aggregates> as fn(),
    ),
    (
        "caseload::Sen2Assessment",
        ser::<caseload::Sen2Assessment> as fn(),
    ),
    (
        "caseload::Sen2CeasedPlan",
        ser::<caseload::Sen2CeasedPlan> as fn(),
    ),
    (
        "caseload::Sen2Request",
        ser::<caseload::Sen2Request> as fn(),
    ),
    ("caseload::Sen2Return", ser::<caseload::Sen2Return> as fn()),
    (
        "caseload::TransferBasis",
        ser::<caseload::TransferBasis> as fn(),
    ),
    ("caseload::Unjudged", ser::<caseload::Unjudged> as fn()),
    (
        "caseload::UrgentRow",
        ser::<caseload::UrgentRow<'static>> as fn(),
    ),
    ("error::Error", ser::<error::Error> as fn()),
    (
        "explain::ExceptionExplanation",
        ser::<explain::ExceptionExplanation<'static>> as fn(),
    ),
    (
        "explain::Explanation",
        ser::<explain::Explanation<'static>> as fn(),
    ),
    ("explain::Phrase", ser::<explain::Phrase> as fn()),
    ("pathway::Applied", ser::<pathway::Applied> as fn()),
    ("pathway::MemoryUse", ser::<pathway::MemoryUse> as fn()),
    ("pathway::NextEvent", ser::<pathway::NextEvent> as fn()),
    ("pathway::Opened", ser::<pathway::Opened> as fn()),
    ("pathway::Refused", ser::<pathway::Refused> as fn()),
];

/// The `module::Type` names listed in the README between `start` and the next
/// `<!--` marker, from lines of the form ``- `module`: `A`, `B` ``.
fn readme_list(start: &str) -> BTreeSet<String> {
    let readme = include_str!("../README.md");
    let mut names = BTreeSet::new();
    let Some((_, rest)) = readme.split_once(start) else {
        return names;
    };
    let section = rest.split("<!--").next().unwrap_or_default();
    for line in section.lines() {
        let Some(line) = line.strip_prefix("- `") else {
            continue;
        };
        let Some((module, types)) = line.split_once("`:") else {
            continue;
        };
        for ty in types.split(',') {
            let ty = ty.trim().trim_matches('`').trim_end_matches('.');
            if !ty.is_empty() {
                names.insert(format!("{module}::{ty}"));
            }
        }
    }
    names
}

fn checked(list: &[(&str, fn())]) -> BTreeSet<String> {
    list.iter()
        .map(|(name, check)| {
            check();
            (*name).to_owned()
        })
        .collect()
}

#[test]
fn the_readme_lists_exactly_the_types_that_serialise_and_deserialise() {
    let both_readme = readme_list("<!-- serde: serialize and deserialize -->");
    let ser_readme = readme_list("<!-- serde: serialize only -->");
    assert_eq!(both_readme, checked(BOTH), "README list of types read back");
    assert_eq!(
        ser_readme,
        checked(SER_ONLY),
        "README list of answers that serialise"
    );
}

#[test]
fn a_year_month_is_written_and_read_as_text_and_checked() -> Result<(), Box<dyn std::error::Error>>
{
    let m = caseload::YearMonth::new(2026, 7)?;
    assert_eq!(serde_json::to_string(&m)?, "\"2026-07\"");
    let back: caseload::YearMonth = serde_json::from_str("\"2026-07\"")?;
    assert_eq!(back, m);
    assert!(serde_json::from_str::<caseload::YearMonth>("\"2026-13\"").is_err());
    assert!(serde_json::from_str::<caseload::YearMonth>("{\"year\":2026,\"month\":7}").is_err());
    Ok(())
}

#[test]
fn a_collection_year_is_read_back_only_with_its_census_date(
) -> Result<(), Box<dyn std::error::Error>> {
    let y = caseload::CollectionYear::new(2026)?;
    let json = serde_json::to_string(&y)?;
    assert_eq!(json, r#"{"year":2026,"census_date":"2026-01-15"}"#);
    assert_eq!(serde_json::from_str::<caseload::CollectionYear>(&json)?, y);
    assert!(serde_json::from_str::<caseload::CollectionYear>(
        r#"{"year":2026,"census_date":"2026-01-16"}"#
    )
    .is_err());
    assert!(serde_json::from_str::<caseload::CollectionYear>(
        r#"{"year":2026,"census_date":"2026-01-15","extra":1}"#
    )
    .is_err());
    Ok(())
}

#[test]
fn urgent_rows_serialise_with_the_case_reference_and_council(
) -> Result<(), Box<dyn std::error::Error>> {
    let cal = calendar::HolidayCalendar::england_and_wales();
    let cases = send_pathway::strategies::national_caseload(7, 20);
    let today = send_pathway::NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    let view = caseload::urgent_view(&cases, today, &cal, &caseload::Filter::all());
    let json = serde_json::to_value(&view)?;
    let rows = json["rows"].as_array().ok_or("rows")?;
    assert!(!rows.is_empty());
    let first = &rows[0];
    assert!(first["case"]["reference"]
        .as_str()
        .is_some_and(|r| r.starts_with("CYP-")));
    assert_eq!(first["case"]["council"], "Sutton");
    assert!(first["obligation"]["deadline"].is_object());
    assert_eq!(json["unjudged"].as_array().map(Vec::len), Some(0));
    Ok(())
}

#[test]
fn a_filter_is_read_from_a_query_and_unknown_fields_are_refused(
) -> Result<(), Box<dyn std::error::Error>> {
    let f: caseload::Filter = serde_json::from_str(r#"{"statutory_only": true}"#)?;
    assert_eq!(f, caseload::Filter::all().statutory_only());
    assert!(serde_json::from_str::<caseload::Filter>(r#"{"statutory": true}"#).is_err());
    Ok(())
}
