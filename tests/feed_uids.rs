//! Feed UIDs: unique per deadline for any caseload, stable across runs, under
//! a caller-set domain; feeds for a subset (statutory only, a date window).
//! Public API only.
#![cfg(feature = "ical")]

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime};
use send_pathway::advice::SensoryImpairment;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::caseload::Filter;
use send_pathway::feed::{caseload_feed_with, FeedOptions};
use send_pathway::pathway::{
    Actor, AppealGrounds, AppealOutcome, Case, Child, DecisionNotice, Event, EventKind,
    MediationChoice, Opened, ParentalAgreement,
};
use send_pathway::LocalPolicy;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn stamp() -> NaiveDateTime {
    d(2026, 6, 8).and_hms_opt(9, 0, 0).expect("valid time")
}

fn uids(feed: &str) -> Vec<String> {
    feed.replace("\r\n ", "")
        .split("\r\n")
        .filter_map(|l| l.strip_prefix("UID:").map(str::to_owned))
        .collect()
}

fn assert_unique(uids: &[String]) {
    let set: HashSet<_> = uids.iter().collect();
    assert_eq!(set.len(), uids.len(), "duplicate UID in {uids:#?}");
}

/// A refusal to assess, appealed and upheld: the order's clocks
/// (T-ORDER-ASSESS) run from one anchor, the order date.
fn ordered_case(cal: &HolidayCalendar) -> Case {
    let child = Child {
        reference: "SUT-000000".into(),
        date_of_birth: d(2016, 1, 1),
        sensory_impairment: SensoryImpairment::None,
    };
    let request = Event::new(
        d(2025, 9, 15),
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    let (mut case, _) = Case::open(child, LocalPolicy::sutton(), request, cal).unwrap();
    let applied = case
        .apply(
            Event::new(
                d(2025, 10, 20),
                Actor::Council,
                EventKind::DecidedNotToAssess {
                    panel_on: d(2025, 10, 20),
                    notice: DecisionNotice::complete("needs can be met at SEN Support"),
                },
            ),
            cal,
        )
        .unwrap();
    let dispute = applied
        .opened
        .iter()
        .find_map(|o| match o {
            Opened::Dispute(id) => Some(*id),
            _ => None,
        })
        .unwrap();
    for event in [
        Event::new(
            d(2025, 11, 3),
            Actor::Parent,
            EventKind::MediationAdviserContacted {
                dispute,
                choice: MediationChoice::Declined,
            },
        ),
        Event::new(
            d(2025, 11, 5),
            Actor::MediationAdviser,
            EventKind::MediationCertificateIssued { dispute },
        ),
        Event::new(
            d(2025, 12, 1),
            Actor::Parent,
            EventKind::AppealLodged {
                dispute,
                grounds: AppealGrounds::NeedsOrProvision,
            },
        ),
        Event::new(
            d(2026, 5, 11),
            Actor::Tribunal,
            EventKind::AppealDecided {
                dispute,
                outcome: AppealOutcome::Upheld,
            },
        ),
        Event::new(d(2026, 5, 20), Actor::Council, EventKind::DecidedToAssess),
    ] {
        case.apply(event, cal).unwrap();
    }
    case
}

#[test]
fn t_order_assess_clocks_from_one_anchor_have_distinct_uids() {
    let cal = HolidayCalendar::england_and_wales();
    let case = ordered_case(&cal);
    let today = d(2026, 6, 8);
    let order_clocks = case
        .obligations(today, &cal)
        .unwrap()
        .into_iter()
        .filter(|o| o.rule().code() == "T-ORDER-ASSESS")
        .count();
    assert!(order_clocks >= 2, "the order runs several clocks");
    let feed = caseload_feed_with(
        [&case],
        today,
        &cal,
        &Filter::all(),
        &FeedOptions::new("order", stamp()),
    )
    .unwrap();
    let uids = uids(&feed);
    assert_unique(&uids);
    assert!(uids
        .iter()
        .any(|u| u.starts_with("SUT-000000/T-ORDER-ASSESS/20260511/final_plan")));
}

#[test]
fn uid_domain_is_the_callers() {
    let cal = HolidayCalendar::england_and_wales();
    let case = ordered_case(&cal);
    let options = FeedOptions::new("order", stamp()).domain("sutton.gov.uk");
    let feed = caseload_feed_with([&case], d(2026, 6, 8), &cal, &Filter::all(), &options).unwrap();
    let uids = uids(&feed);
    assert!(!uids.is_empty());
    assert!(
        uids.iter().all(|u| u.ends_with("@sutton.gov.uk")),
        "{uids:?}"
    );
}

#[test]
fn two_cases_under_one_reference_still_get_unique_uids() {
    let cal = HolidayCalendar::england_and_wales();
    let case = ordered_case(&cal);
    let twice = [&case, &case];
    let options = FeedOptions::new("twice", stamp());
    let feed = caseload_feed_with(twice, d(2026, 6, 8), &cal, &Filter::all(), &options).unwrap();
    let uids = uids(&feed);
    assert_unique(&uids);
    // And the feed is the same on every run.
    let again = caseload_feed_with(twice, d(2026, 6, 8), &cal, &Filter::all(), &options).unwrap();
    assert_eq!(feed, again);
}

#[test]
fn feed_for_a_subset_statutory_and_window() {
    let cal = HolidayCalendar::england_and_wales();
    let case = ordered_case(&cal);
    let today = d(2026, 6, 8);
    let all = case.obligations(today, &cal).unwrap();
    let options = FeedOptions::new("law", stamp());
    let law = caseload_feed_with(
        [&case],
        today,
        &cal,
        &Filter::all().statutory_only(),
        &options,
    )
    .unwrap();
    assert!(uids(&law).iter().all(|u| !u.contains("/T-DRAFT-14W/")));
    let window = caseload_feed_with(
        [&case],
        today,
        &cal,
        &Filter::all().due_between(d(2026, 8, 1), d(2026, 8, 31)),
        &options,
    )
    .unwrap();
    let in_window = all
        .iter()
        .filter(|o| {
            matches!(
                o.status,
                send_pathway::exceptions::Status::Pending
                    | send_pathway::exceptions::Status::Overdue
            ) && o.deadline.due() >= d(2026, 8, 1)
                && o.deadline.due() <= d(2026, 8, 31)
        })
        .count();
    assert_eq!(uids(&window).len(), in_window);
}

#[cfg(feature = "proptest")]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use send_pathway::feed::event_uid;
    use send_pathway::strategies::case;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Over generated caseloads (reviews, amendments, appeals and
        /// orders, transfers and parallel activities), each open deadline of
        /// a case has its own UID before any feed de-duplication, and a
        /// whole feed's UIDs are unique and the same on a second run.
        #[test]
        fn uids_unique_per_deadline(cases in prop::collection::vec(case(40), 1..6), offset in 0u64..800) {
            let cal = HolidayCalendar::england_and_wales();
            let today = cases[0].history()[0].on.checked_add_days(chrono::Days::new(offset)).unwrap();
            let mut all = Vec::new();
            for c in &cases {
                let Ok(obligations) = c.obligations(today, &cal) else { return Ok(()) };
                let mut own = HashSet::new();
                for o in obligations.iter().filter(|o| matches!(o.status,
                    send_pathway::exceptions::Status::Pending
                    | send_pathway::exceptions::Status::Overdue
                    | send_pathway::exceptions::Status::MissedExcused(_))) {
                    let uid = event_uid(&c.child().reference, &o.subject, &o.deadline);
                    prop_assert!(own.insert(uid.clone()), "{uid} twice in one case: {:#?}", obligations);
                }
                all.push(c);
            }
            let options = FeedOptions::new("generated", stamp());
            let feed = caseload_feed_with(all.iter().copied(), today, &cal, &Filter::all(), &options).unwrap();
            let u = uids(&feed);
            let set: HashSet<_> = u.iter().collect();
            prop_assert_eq!(set.len(), u.len());
            let again = caseload_feed_with(all.iter().copied(), today, &cal, &Filter::all(), &options).unwrap();
            prop_assert_eq!(feed, again);
        }
    }
}
