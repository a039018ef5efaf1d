//! Property tests of the case over arbitrary event sequences with parallel
//! activities, using the crate's own `proptest` strategies (public API only).

mod common;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use send_pathway::calendar::{BankHoliday, HolidayCalendar};
use send_pathway::pathway::{Case, CaseRecord, Event, Phase};
use send_pathway::{strategies, Error, RuleId};

fn cal() -> HolidayCalendar {
    HolidayCalendar::england_and_wales()
}

/// The caller's calendar differs from the built-in one: a made-up bank holiday
/// (Wed 11 June 2025) and Christmas Day 2025 no longer a holiday.
fn caller_calendar() -> HolidayCalendar {
    let mut cal = HolidayCalendar::england_and_wales();
    cal.add_holiday(BankHoliday::new(common::d(2025, 6, 11), "Borough Day"))
        .unwrap();
    assert!(cal.remove_holiday(common::d(2025, 12, 25)).is_some());
    assert_ne!(cal, HolidayCalendar::england_and_wales());
    cal
}

fn is_table_error(e: &Error) -> bool {
    matches!(
        e,
        Error::OutsideHolidayTable { .. } | Error::BeyondHolidayTable { .. }
    )
}

/// Apply one event and check the refusal contract: a refused event leaves the
/// case identical and is handed back unchanged; an accepted one joins the history.
fn apply_checked(
    case: &mut Case,
    event: Event,
    cal: &HolidayCalendar,
) -> Result<bool, TestCaseError> {
    let before = case.clone();
    match case.apply(event.clone(), cal) {
        Ok(_) => {
            prop_assert_eq!(case.history().len(), before.history().len() + 1);
            prop_assert_eq!(case.history().last(), Some(&event));
            Ok(true)
        }
        Err(refused) => {
            prop_assert_eq!(&*case, &before, "a refused event leaves the case identical");
            prop_assert_eq!(
                refused.event,
                event,
                "the refused event is handed back unchanged"
            );
            Ok(false)
        }
    }
}

/// The rules whose deadlines a phase may list (the clocks of
/// the phase and its activities), plus the side tracks beside any phase.
fn allowed(phase: &Phase, rule: RuleId) -> bool {
    use RuleId::*;
    let side_track = matches!(
        rule,
        NsmWithin2w
            | TMedContact2m
            | TMedCert3wd
            | TMedHeld30d
            | TMedCertOther3wd
            | TAppeal2m1m
            | TMedAgreement
            | TMedHealth3wd
            | TOrderRecommend5w
    );
    let own = match phase {
        Phase::Assessment(_) => matches!(
            rule,
            TDecide6w
                | TAdvice6w
                | SopAdviceTrack6w
                | TDraft14w
                | TNotIssue16w
                | TDraftReps15d
                | TSchoolConsult15d
                | TFinal20w
                | TOrderAssess
                | TOrderPlan
                | TUnopposedAssess
                | TUnopposedPlan
        ),
        Phase::Plan(_) => matches!(
            rule,
            TReview12m
                | TReviewUnder5
                | TPhase15Feb
                | TPhase31Mar
                | TPhasePost16_5m
                | TReviewInvite2w
                | TReviewAdvice2w
                | TReviewReport2w
                | TReviewDecision4w
                | TAmendNotice4w
                | TAmendReps15d
                | TAmendFinal8w
                | TReassessDecide15d
                | TDraftReps15d
                | TReassessFinal14w
                | TTransferNotify6w
                | TTransferReview
                | TOrderAssess
                | TOrderAmend
                | TUnopposedAssess
                | TUnopposedAmend
        ),
        _ => false,
    };
    side_track || own
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Arbitrary (mostly illegal) events on cases with parallel activities: no
    /// panic; a refused event leaves the case identical and comes back
    /// unchanged; the history's dates never go backwards; replay of the
    /// history equals the live case.
    #[test]
    fn arbitrary_events_never_corrupt_a_case(start in strategies::case(12), events in strategies::arbitrary_events(40)) {
        let cal = cal();
        let mut case = start;
        for event in events {
            apply_checked(&mut case, event, &cal)?;
            prop_assert!(case.history().windows(2).all(|w| w[0].on <= w[1].on), "history dates never go backwards");
        }
        let again = Case::replay(case.child().clone(), case.policy().clone(), case.history().to_vec())
            .map_err(|e| TestCaseError::fail(format!("replay failed: {e}")))?;
        // The state and history rebuild exactly; the compliance history (judged
        // once, live) travels in the record, so the record round trip is exact too.
        prop_assert_eq!(again.state(), case.state());
        prop_assert_eq!(again.history(), case.history());
        let back = CaseRecord::from(&case).into_case(&cal, case.policy())
            .map_err(|e| TestCaseError::fail(format!("read-back failed: {e}")))?;
        prop_assert_eq!(back, case);
    }

    /// `Case::check` is `apply`'s dry run: for arbitrary events on arbitrary
    /// cases (including dates past the calendar's table) it refuses exactly
    /// what `apply` refuses, with the same error, and warns exactly as `apply`.
    #[test]
    fn check_answers_exactly_what_apply_would(
        start in strategies::case(12),
        events in strategies::arbitrary_events(30),
        far in strategies::event_on(NaiveDate::from_ymd_opt(2200, 3, 3).unwrap()),
    ) {
        let cal = cal();
        let mut case = start;
        for event in events.into_iter().chain([far]) {
            let checked = case.check(&event, &cal);
            let mut trial = case.clone();
            let applied = trial.apply(event.clone(), &cal);
            match (&checked, &applied) {
                (Ok(warnings), Ok(applied)) => prop_assert_eq!(warnings, &applied.warnings),
                (Err(e), Err(refused)) => prop_assert_eq!(e.to_string(), refused.error.to_string()),
                _ => prop_assert!(false, "check {:?} but apply {:?}", checked, applied.as_ref().map(|_| ())),
            }
            if applied.is_ok() {
                case = trial;
            }
        }
    }

    /// Events dated at and just inside the edges of chrono's range are refused
    /// (or accepted) without a panic, under the same refusal contract.
    #[test]
    fn events_at_the_edges_of_chronos_range(
        start in strategies::case(10),
        at_min in strategies::event_on(NaiveDate::MIN),
        near_min in strategies::event_on(NaiveDate::MIN.checked_add_days(Days::new(1)).unwrap()),
        near_max in strategies::event_on(NaiveDate::MAX.checked_sub_days(Days::new(1)).unwrap()),
        at_max in strategies::event_on(NaiveDate::MAX),
    ) {
        let cal = cal();
        let mut case = start;
        for event in [at_min, near_min, near_max, at_max] {
            apply_checked(&mut case, event, &cal)?;
            let _ = case.obligations(NaiveDate::MAX, &cal);
            let _ = case.next_events(NaiveDate::MIN, &cal);
        }
    }

    /// A case opened at the edges of chrono's range, for a child born there,
    /// never panics whatever event follows.
    #[test]
    fn cases_opened_at_the_edges_never_panic(
        edge in prop_oneof![
            Just(NaiveDate::MIN),
            Just(NaiveDate::MIN.checked_add_days(Days::new(1)).unwrap()),
            Just(NaiveDate::MAX.checked_sub_days(Days::new(1)).unwrap()),
            Just(NaiveDate::MAX),
        ],
        first in strategies::event_on(NaiveDate::MAX),
        then in prop::collection::vec(any::<bool>(), 1..6),
        policy in strategies::policy(),
    ) {
        let cal = cal();
        let child = common::child(edge);
        let first = Event::new(edge, first.by, first.kind);
        if let Ok((mut case, _)) = Case::open(child, policy, first, &cal) {
            for far in then {
                let on = if far { NaiveDate::MAX } else { edge };
                let events = [
                    send_pathway::pathway::EventKind::DecidedToAssess,
                    send_pathway::pathway::EventKind::DraftPlanIssued { names_school: None },
                    send_pathway::pathway::EventKind::ReviewMeetingScheduled { meeting_on: NaiveDate::MAX, kind: send_pathway::pathway::ReviewKind::Scheduled },
                    send_pathway::pathway::EventKind::ReassessmentAgreed,
                ];
                for kind in events {
                    apply_checked(&mut case, Event::new(on, send_pathway::pathway::Actor::Council, kind), &cal)?;
                    let _ = case.obligations(on, &cal);
                    let _ = case.next_events(on, &cal);
                }
            }
        }
    }

    /// Valid cases: obligations never list a deadline of a phase the case has
    /// left; every obligation names a rule with a source; every `next_events`
    /// deadline is one of the obligations.
    #[test]
    fn valid_cases_list_only_their_own_deadlines(case in strategies::case(30), days in 0u64..400) {
        let cal = cal();
        let today = case.last_event_on().unwrap().checked_add_days(Days::new(days)).unwrap();
        let listed = match case.obligations(today, &cal) {
            Ok(listed) => listed,
            // A working-day deadline past the bank-holiday table is an error to act on, not a bug.
            Err(e) if is_table_error(&e) => return Ok(()),
            Err(e) => return Err(TestCaseError::fail(format!("obligations failed: {e}"))),
        };
        for o in &listed {
            prop_assert!(allowed(case.phase(), o.rule()), "{} listed at phase {}", o.rule(), case.phase().name());
            prop_assert!(!o.deadline.source().is_empty());
            prop_assert_eq!(o.days_left, (o.deadline.due() - today).num_days());
        }
        prop_assert!(listed.windows(2).all(|w| w[0].deadline.due() <= w[1].deadline.due()), "soonest first");
        let next = case.next_events(today, &cal).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for n in next {
            if let Some(deadline) = n.deadline {
                prop_assert!(listed.iter().any(|o| o.deadline == deadline), "{} has a deadline not in the obligations", n.event);
            }
        }
    }

    /// The stored record round-trips exactly through JSON, under a caller
    /// calendar that differs from the built-in one (a made-up bank holiday
    /// added, a real one removed) used both to build and to read back.
    #[test]
    fn case_record_json_round_trip_is_exact_under_the_callers_calendar(
        start in strategies::case(20),
        events in strategies::arbitrary_events(20),
    ) {
        let cal = caller_calendar();
        let mut case = start;
        for event in events {
            apply_checked(&mut case, event, &cal)?;
        }
        let record = CaseRecord::from(&case);
        let json = serde_json::to_string(&record).unwrap();
        let back: CaseRecord = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &record);
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json, "byte-identical re-serialisation");
        match back.into_case(&cal, case.policy()) {
            Ok(read) => prop_assert_eq!(read, case),
            // Read-back asks the caller's table today's questions; one it cannot answer is refused now.
            Err(e) => {
                let live = case.obligations(case.last_event_on().unwrap(), &cal);
                prop_assert!(is_table_error(&e) && live.is_err(), "read-back refused: {}", e);
            }
        }
    }

    /// A tampered history (an event removed, duplicated or moved) is either a
    /// valid history or refused naming its FIRST bad event: everything before
    /// that position replays, and that event does not.
    #[test]
    fn tampered_histories_name_the_first_bad_event(case in strategies::case(25), which in any::<prop::sample::Index>(), other in any::<prop::sample::Index>(), how in 0u8..3) {
        let mut history = case.history().to_vec();
        let i = which.index(history.len());
        let j = other.index(history.len());
        match how {
            0 => { history.remove(i); }
            1 => { let e = history[i].clone(); history.insert(i, e); }
            _ => { let e = history.remove(i); history.insert(j.min(history.len()), e); }
        }
        let (child, policy) = (case.child().clone(), case.policy().clone());
        match Case::replay(child.clone(), policy.clone(), history.clone()) {
            Ok(again) => prop_assert_eq!(again.history(), &history[..]),
            Err(Error::RecordEvent { position, event, on, .. }) => {
                prop_assert!(position >= 1 && position <= history.len());
                let bad = &history[position - 1];
                prop_assert_eq!((bad.kind.name(), bad.on), (event, on));
                if position > 1 {
                    prop_assert!(Case::replay(child.clone(), policy.clone(), history[..position - 1].to_vec()).is_ok(), "events before the named one replay");
                }
                prop_assert!(Case::replay(child, policy, history[..position].to_vec()).is_err());
            }
            Err(Error::InconsistentRecord { .. }) => prop_assert!(history.is_empty()),
            Err(e) => return Err(TestCaseError::fail(format!("unexpected error {e}"))),
        }
    }

    /// Obligations and next events never panic, whatever the date asked about.
    #[test]
    fn questions_never_panic(case in strategies::case(20), today in strategies::date_between(NaiveDate::MIN, NaiveDate::MAX)) {
        let cal = cal();
        let _ = case.obligations(today, &cal);
        let _ = case.next_events(today, &cal);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The clocks a case works out once with the caller's calendar answer
    /// exactly as clocks worked out afresh on the day asked: a calendar that
    /// differs only after the case's dates (extended to 2040) forces the
    /// fresh path, and the two lists must be identical.
    #[test]
    fn precomputed_clocks_answer_as_fresh_ones(case in strategies::case(30), days in 0u64..500) {
        let cal = cal();
        let mut wider = cal.clone();
        wider.extend_to(2040, Vec::new()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_ne!(cal.fingerprint(), wider.fingerprint());
        let today = case.last_event_on().unwrap().checked_add_days(Days::new(days)).unwrap();
        match (case.obligations(today, &cal), case.obligations(today, &wider)) {
            (Ok(cached), Ok(fresh)) => prop_assert_eq!(cached, fresh),
            // Only a date past the built-in table may differ: the wider calendar covers it.
            (Err(e), _) if is_table_error(&e) => {}
            (a, b) => prop_assert!(false, "cached {a:?} but fresh {b:?}"),
        }
    }
}
