//! Property tests of the pathway over arbitrary and valid event sequences,
//! using the crate's own `proptest` strategies (public API only).

use chrono::NaiveDate;
use proptest::prelude::*;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::pathway::{obligations, Case, Stage};
use send_pathway::{strategies, RuleId};

fn cal() -> HolidayCalendar {
    HolidayCalendar::england_and_wales()
}

/// The rules whose deadlines a stage may list (DOMAIN §5 "Clocks" column),
/// plus the side tracks that run beside any stage.
fn allowed(stage: &Stage, rule: RuleId) -> bool {
    use RuleId::*;
    let side_track = matches!(
        rule,
        TMedContact2m | TMedCert3wd | TMedHeld30d | TMedCertOther3wd | TAppeal2m1m
    );
    let plan = stage.plan().is_some()
        && matches!(
            rule,
            TReview12m | TReviewUnder5 | TPhase15Feb | TPhase31Mar | TPhasePost16_5m
        );
    let own = match stage {
        Stage::SenSupport(_) | Stage::NotAssessed(_) | Stage::NotIssued(_) => {
            matches!(rule, NsmWithin2w)
        }
        Stage::RequestReceived(_) => matches!(rule, TDecide6w),
        Stage::Assessing(_) => matches!(
            rule,
            TAdvice6w | SopAdviceTrack6w | TDraft14w | TNotIssue16w | TFinal20w
        ),
        Stage::DraftIssued(_) => matches!(rule, TDraftReps15d | TSchoolConsult15d | TFinal20w),
        Stage::ReviewScheduled(_) => matches!(rule, TReviewInvite2w | TReviewAdvice2w),
        Stage::ReviewHeld(_) | Stage::ReportSent(_) => {
            matches!(rule, TReviewReport2w | TReviewDecision4w)
        }
        Stage::AmendmentProposed(_) => {
            matches!(rule, TAmendNotice4w | TAmendReps15d | TAmendFinal8w)
        }
        Stage::ReassessmentRequested(_) => matches!(rule, TReassessDecide15d),
        Stage::Reassessing(_) => matches!(rule, TReassessFinal14w),
        _ => false,
    };
    side_track || plan || own
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Arbitrary (mostly illegal) events: no panic; a refused event leaves the
    /// case identical; the history's dates never go backwards.
    #[test]
    fn arbitrary_events_never_corrupt_a_case(start in strategies::case(6), events in strategies::arbitrary_events(40)) {
        let cal = cal();
        let mut case = start;
        for event in events {
            let before = case.clone();
            match case.apply(event, &cal) {
                Ok(_) => prop_assert_eq!(case.history().len(), before.history().len() + 1),
                Err(_) => prop_assert_eq!(&case, &before, "a failed transition leaves the case identical"),
            }
            prop_assert!(case.history().windows(2).all(|w| w[0].on <= w[1].on), "history dates never go backwards");
        }
    }

    /// Valid cases: replay rebuilds them; obligations never list a deadline
    /// of a stage the case has left; every obligation names a rule with a source.
    #[test]
    fn valid_cases_replay_and_list_only_their_own_deadlines(case in strategies::case(30), days in 0i64..400) {
        let cal = cal();
        let again = Case::replay(case.child().clone(), case.policy().clone(), case.history().to_vec(), &cal).unwrap();
        prop_assert_eq!(&again, &case);
        let today = case.last_event_on().unwrap() + chrono::Duration::days(days);
        let listed = match obligations(&case, today, &cal) {
            Ok(listed) => listed,
            // A working-day deadline past the bank-holiday table is an error to act on, not a bug.
            Err(send_pathway::Error::OutsideHolidayTable { .. } | send_pathway::Error::BeyondHolidayTable { .. }) => Vec::new(),
            Err(e) => return Err(TestCaseError::fail(format!("obligations failed: {e}"))),
        };
        for o in listed {
            prop_assert!(allowed(case.stage(), o.rule()), "{} listed at stage {}", o.rule(), case.stage().name());
            prop_assert!(!o.deadline.source().is_empty());
            prop_assert_eq!(o.days_left, (o.deadline.due() - today).num_days());
        }
    }

    /// Serde round-trip is exact, for valid cases and those arbitrary events touched.
    #[test]
    fn serde_round_trip_is_exact(case in strategies::case(30), events in strategies::arbitrary_events(10)) {
        let cal = cal();
        let mut case = case;
        for event in events {
            let _ = case.apply(event, &cal);
        }
        let json = serde_json::to_string(&case).unwrap();
        let back: Case = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, case);
    }

    /// Obligations never panic, whatever the date asked about.
    #[test]
    fn obligations_never_panic(case in strategies::case(20), today in strategies::date_between(NaiveDate::MIN, NaiveDate::MAX)) {
        let _ = obligations(&case, today, &cal());
    }
}

/// Cases at the very edges of chrono's range return errors, never panic.
#[test]
fn extreme_dates_never_panic() {
    use send_pathway::advice::SensoryImpairment;
    use send_pathway::pathway::{Actor, Child, Event, EventKind, ParentalAgreement};
    use send_pathway::LocalPolicy;
    let cal = cal();
    for edge in [NaiveDate::MIN, NaiveDate::MAX] {
        let child = Child {
            reference: "edge".into(),
            date_of_birth: edge,
            sensory_impairment: SensoryImpairment::None,
        };
        let request = Event::new(
            edge,
            Actor::Parent,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        );
        if let Ok((mut case, _)) = Case::open(child, LocalPolicy::sutton(), request, &cal) {
            let _ = obligations(&case, edge, &cal);
            for kind in [
                EventKind::DecidedToAssess,
                EventKind::DraftPlanIssued { names_school: None },
                EventKind::ReviewMeetingScheduled {
                    meeting_on: edge,
                    kind: send_pathway::pathway::ReviewKind::Scheduled,
                },
            ] {
                let _ = case.apply(Event::new(edge, Actor::Council, kind), &cal);
                let _ = obligations(&case, edge, &cal);
            }
        }
    }
}
