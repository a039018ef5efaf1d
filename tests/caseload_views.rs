//! Caseload views: the urgent list, the review calendar, the
//! phase-transfer cohort and the advice chase list. Public API only.

use chrono::NaiveDate;
use send_pathway::advice::SensoryImpairment;
use send_pathway::calendar::{FixedDateReading, HolidayCalendar};
use send_pathway::caseload::{
    advice_chase_list, phase_transfer_cohort, review_calendar, urgent_list, Filter, Party,
    PhaseKind, TransferBasis, YearMonth,
};
use send_pathway::deadlines::PhaseTransfer;
use send_pathway::exceptions::Status;
use send_pathway::pathway::{Actor, Case, Child, Event, EventKind, ParentalAgreement, Subject};
use send_pathway::strategies::national_caseload;
use send_pathway::{LocalPolicy, RuleId};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn child(reference: &str, dob: NaiveDate) -> Child {
    Child {
        reference: reference.into(),
        date_of_birth: dob,
        sensory_impairment: SensoryImpairment::None,
    }
}

fn request(reference: &str, received: NaiveDate, policy: LocalPolicy) -> Case {
    let cal = HolidayCalendar::england_and_wales();
    let first = Event::new(
        received,
        Actor::Parent,
        EventKind::AssessmentRequested {
            agreement: ParentalAgreement::NotApplicable,
        },
    );
    Case::open(child(reference, d(2016, 3, 1)), policy, first, &cal)
        .expect("opens")
        .0
}

fn plan(
    reference: &str,
    dob: NaiveDate,
    issued: NaiveDate,
    reviewed: Option<NaiveDate>,
    policy: LocalPolicy,
) -> Case {
    let cal = HolidayCalendar::england_and_wales();
    let first = Event::new(
        d(2025, 1, 2).max(reviewed.unwrap_or(issued)),
        Actor::Council,
        EventKind::ExistingPlanLoaded {
            issued_on: issued,
            last_reviewed_on: reviewed,
            school: "Oak Primary".into(),
        },
    );
    Case::open(child(reference, dob), policy, first, &cal)
        .expect("opens")
        .0
}

#[test]
fn empty_caseload_gives_empty_views() {
    let cal = HolidayCalendar::england_and_wales();
    let today = d(2026, 1, 5);
    let none: Vec<Case> = Vec::new();
    assert!(urgent_list(&none, today, &cal, &Filter::all())
        .unwrap()
        .is_empty());
    let calendar = review_calendar(&none, today, &cal).unwrap();
    assert!(calendar.is_empty());
    // A year with no activity: twelve months, each 0.
    let months: Vec<_> = calendar
        .between(
            YearMonth::new(2026, 1).unwrap(),
            YearMonth::new(2026, 12).unwrap(),
        )
        .collect();
    assert_eq!(months.len(), 12);
    // A range of any length is streamed: nothing is built until it is read.
    let wide = calendar.between(
        YearMonth::new(-200_000, 1).unwrap(),
        YearMonth::new(200_000, 12).unwrap(),
    );
    assert_eq!(wide.take(3).count(), 3);
    // An empty range gives nothing.
    assert_eq!(
        calendar
            .between(
                YearMonth::new(2026, 2).unwrap(),
                YearMonth::new(2026, 1).unwrap()
            )
            .count(),
        0
    );
    assert!(months.iter().all(|(_, n)| *n == 0));
    assert!(phase_transfer_cohort(&none, 2026, today, &cal)
        .unwrap()
        .entries
        .is_empty());
    assert!(advice_chase_list(&none, today, 14, &cal)
        .unwrap()
        .is_empty());
}

#[test]
fn urgent_list_puts_overdue_first_then_by_due_date_t_decide_6w() {
    let cal = HolidayCalendar::england_and_wales();
    let today = d(2025, 3, 1);
    let cases = vec![
        plan(
            "PLAN-1",
            d(2015, 4, 1),
            d(2024, 4, 2),
            None,
            LocalPolicy::sutton(),
        ),
        request("REQ-LATE", d(2025, 1, 6), LocalPolicy::sutton()),
        request("REQ-NEW", d(2025, 2, 20), LocalPolicy::salford()),
    ];
    let rows = urgent_list(&cases, today, &cal, &Filter::all()).unwrap();
    // T-DECIDE-6W: received 2025-01-06, due 2025-02-17 — overdue on 1 March.
    let first = rows.first().unwrap();
    assert_eq!(first.case.reference(), "REQ-LATE");
    assert_eq!(first.case.position(), 1);
    assert_eq!(first.obligation.rule(), RuleId::TDecide6w);
    assert_eq!(first.obligation.status, Status::Overdue);
    assert!(first.is_overdue());
    // Everything after the overdue rows is in due-date order.
    let open: Vec<_> = rows.iter().filter(|r| !r.is_overdue()).collect();
    assert!(open
        .windows(2)
        .all(|w| w[0].obligation.deadline.due() <= w[1].obligation.deadline.due()));
    // Mixed councils are fine here: every row names its council.
    assert!(rows.iter().any(|r| r.case.council() == "Salford"));
    assert!(rows.iter().any(|r| r.case.council() == "Sutton"));

    // Filters: by rule, by phase, by who must act.
    let reviews =
        urgent_list(&cases, today, &cal, &Filter::all().rule(RuleId::TReview12m)).unwrap();
    assert!(!reviews.is_empty());
    assert!(reviews
        .iter()
        .all(|r| r.obligation.rule() == RuleId::TReview12m && r.case.reference() == "PLAN-1"));
    let assessing = urgent_list(
        &cases,
        today,
        &cal,
        &Filter::all().phase(PhaseKind::Assessment),
    )
    .unwrap();
    assert!(assessing.iter().all(|r| r.phase == PhaseKind::Assessment));
    assert_eq!(
        assessing.len(),
        rows.iter()
            .filter(|r| r.phase == PhaseKind::Assessment)
            .count()
    );
    let family = urgent_list(&cases, today, &cal, &Filter::all().party(Party::Family)).unwrap();
    assert!(family.iter().all(|r| r.party == Party::Family));
    let council = urgent_list(&cases, today, &cal, &Filter::all().party(Party::Council)).unwrap();
    assert!(council
        .iter()
        .any(|r| r.obligation.subject == Subject::DecisionToAssess));
}

#[test]
fn review_calendar_groups_annual_reviews_by_month_t_review_12m() {
    let cal = HolidayCalendar::england_and_wales();
    let today = d(2025, 6, 1);
    let cases = vec![
        // Last reviewed 2025-03-12: due 2026-03-11 (12 months starting with, DC-5).
        plan(
            "A",
            d(2015, 4, 1),
            d(2023, 6, 1),
            Some(d(2025, 3, 12)),
            LocalPolicy::sutton(),
        ),
        plan(
            "B",
            d(2014, 4, 1),
            d(2023, 6, 1),
            Some(d(2025, 3, 20)),
            LocalPolicy::sutton(),
        ),
        // Salford reads "on or before the anniversary": due 2026-04-02.
        plan(
            "C",
            d(2013, 4, 1),
            d(2023, 6, 1),
            Some(d(2025, 4, 2)),
            LocalPolicy::salford(),
        ),
        request("R", d(2025, 5, 1), LocalPolicy::sutton()),
    ];
    let calendar = review_calendar(&cases, today, &cal).unwrap();
    let march = YearMonth::new(2026, 3).unwrap();
    assert_eq!(calendar.count(march), 2);
    let refs: Vec<_> = calendar
        .reviews_in(march)
        .iter()
        .map(|r| r.case.reference())
        .collect();
    assert_eq!(refs, ["A", "B"]);
    assert_eq!(calendar.reviews_in(march)[0].deadline.due(), d(2026, 3, 11));
    assert_eq!(
        calendar.reviews_in(march)[0].deadline.rule(),
        RuleId::TReview12m
    );
    let april = YearMonth::new(2026, 4).unwrap();
    assert_eq!(calendar.count(april), 1);
    assert_eq!(calendar.reviews_in(april)[0].deadline.due(), d(2026, 4, 2));
    assert_eq!(calendar.total(), 3);
    assert_eq!(march.to_string(), "2026-03");
    assert_eq!(format!("[{:>9}]", march), "[  2026-03]");
    assert!(YearMonth::new(2026, 13).is_err());
}

#[test]
fn phase_transfer_cohort_finds_year_7_and_year_12_t_phase_15feb_t_phase_31mar() {
    let cal = HolidayCalendar::england_and_wales();
    let today = d(2026, 3, 1);
    let mut cop = LocalPolicy::statutory("Kent");
    cop.phase_transfer = FixedDateReading::CodeOfPractice;
    let cases = vec![
        // Year 7 in September 2026 (born 2014-10-01): before 15 February 2026 — last day 14 Feb.
        plan(
            "Y7",
            d(2014, 10, 1),
            d(2022, 5, 3),
            Some(d(2025, 5, 1)),
            LocalPolicy::sutton(),
        ),
        // Year 12 (born 2009-10-01): before 31 March 2026 — last day 30 March.
        plan(
            "Y12",
            d(2009, 10, 1),
            d(2020, 5, 3),
            Some(d(2025, 5, 1)),
            LocalPolicy::sutton(),
        ),
        // Year 4: not a transfer year.
        plan(
            "Y4",
            d(2017, 10, 1),
            d(2022, 5, 3),
            Some(d(2025, 5, 1)),
            LocalPolicy::sutton(),
        ),
        // Another council reading DC-7 as the Code of Practice does: 15 February itself.
        plan(
            "Y7-COP",
            d(2014, 11, 1),
            d(2022, 5, 3),
            Some(d(2025, 5, 1)),
            cop,
        ),
    ];
    let cohort = phase_transfer_cohort(&cases, 2026, today, &cal).unwrap();
    let refs: Vec<_> = cohort.entries.iter().map(|e| e.case.reference()).collect();
    assert_eq!(refs, ["Y7", "Y7-COP", "Y12"]);
    let y7 = &cohort.entries[0];
    assert_eq!(y7.transfer, PhaseTransfer::PrimaryToSecondary);
    assert_eq!(y7.deadline.rule(), RuleId::TPhase15Feb);
    assert_eq!(y7.deadline.due(), d(2026, 2, 14));
    assert!(matches!(y7.basis, TransferBasis::YearGroup(g) if g.number() == 7));
    assert_eq!(y7.status, Status::Overdue);
    assert_eq!(cohort.entries[1].deadline.due(), d(2026, 2, 15));
    let y12 = &cohort.entries[2];
    assert_eq!(y12.deadline.rule(), RuleId::TPhase31Mar);
    assert_eq!(y12.deadline.due(), d(2026, 3, 30));
    assert_eq!(y12.status, Status::Pending);
    // Latest review meeting: 12 weeks before the deadline, every window at full length.
    assert_eq!(y12.latest_review_meeting, d(2026, 1, 5));
    assert_eq!(cohort.late().count(), 2);
    assert_eq!(cohort.to_amend().count(), 3);
}

#[test]
fn chase_list_across_a_generated_caseload_t_advice_6w() {
    let cal = HolidayCalendar::england_and_wales();
    let cases = national_caseload(3, 400);
    let today = d(2026, 12, 1);
    let items = advice_chase_list(&cases, today, 14, &cal).unwrap();
    assert!(!items.is_empty());
    assert!(items.windows(2).all(|w| w[0].due <= w[1].due));
    assert!(items.iter().all(|i| i.days_left <= 14));
    // Every item belongs to a case with an assessment running.
    for item in &items {
        let case = cases
            .iter()
            .find(|c| c.child().reference == item.case)
            .unwrap();
        assert!(case.phase().assessment().is_some());
    }
}

#[test]
fn views_agree_with_each_case_on_a_generated_caseload() {
    let cal = HolidayCalendar::england_and_wales();
    let cases = national_caseload(11, 300);
    let today = d(2026, 12, 1);
    let rows = urgent_list(&cases, today, &cal, &Filter::all()).unwrap();
    let expected: usize = cases
        .iter()
        .map(|c| {
            c.obligations(today, &cal)
                .unwrap()
                .iter()
                .filter(|o| {
                    matches!(
                        o.status,
                        Status::Pending | Status::Overdue | Status::MissedExcused(_)
                    )
                })
                .count()
        })
        .sum();
    assert_eq!(rows.len(), expected);
    let overdue = rows
        .iter()
        .take_while(|r| r.obligation.status == Status::Overdue)
        .count();
    assert!(rows[overdue..]
        .iter()
        .all(|r| r.obligation.status != Status::Overdue));
    let calendar = review_calendar(&cases, today, &cal).unwrap();
    let plans = cases.iter().filter(|c| c.phase().plan().is_some()).count();
    assert!(calendar.total() <= plans);
    assert!(calendar.total() > 0);
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use send_pathway::strategies;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// The urgent list holds every open obligation exactly once, overdue
        /// first, then in due-date order; every row explains itself in a
        /// sentence naming its rule's source.
        #[test]
        fn urgent_list_is_complete_and_ordered(cases in prop::collection::vec(strategies::case(20), 0..6)) {
            let cal = HolidayCalendar::england_and_wales();
            let today = cases.iter().filter_map(Case::last_event_on).max().unwrap_or(d(2025, 1, 6));
            let rows = urgent_list(&cases, today, &cal, &Filter::all()).unwrap();
            let open: usize = cases.iter().map(|c| {
                c.obligations(today, &cal).unwrap().iter()
                    .filter(|o| matches!(o.status, Status::Pending | Status::Overdue | Status::MissedExcused(_)))
                    .count()
            }).sum();
            prop_assert_eq!(rows.len(), open);
            let overdue = rows.iter().take_while(|r| r.obligation.status == Status::Overdue).count();
            prop_assert!(rows[overdue..].iter().all(|r| r.obligation.status != Status::Overdue));
            for w in rows[overdue..].windows(2) {
                let same_class = matches!(w[0].obligation.status, Status::MissedExcused(_)) == matches!(w[1].obligation.status, Status::MissedExcused(_));
                prop_assert!(!same_class || w[0].obligation.deadline.due() <= w[1].obligation.deadline.due());
            }
            for r in &rows {
                let text = r.obligation.explain().to_string();
                prop_assert!(text.ends_with('.'), "{}", text);
                prop_assert!(text.contains(" by ") || text.contains(" until ") || text.contains(" before "), "{}", text);
            }
            let calendar = review_calendar(&cases, today, &cal).unwrap();
            prop_assert!(calendar.total() <= cases.len());
        }
    }
}
