//! Property tests: the statutory timelines hold for arbitrary dates (public API only).

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use send_pathway::calendar::{DayKind, HolidayCalendar};
use send_pathway::deadlines::{self, MediationCertificate, PhaseTransfer, ReviewDueReading};
use send_pathway::exceptions::{judge, Act, Compliance};

fn date_between(first: NaiveDate, last: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    (first.num_days_from_ce()..=last.num_days_from_ce())
        .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).expect("in range"))
}

/// A request whose 20-week clock ends inside the built-in table (2015–2035).
fn request_date() -> impl Strategy<Value = NaiveDate> {
    date_between(
        NaiveDate::from_ymd_opt(2015, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2035, 8, 13).unwrap(),
    )
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    date_between(NaiveDate::MIN, NaiveDate::MAX)
}

proptest! {
    /// T-DECIDE-6W ≤ T-NOTISSUE-16W ≤ T-FINAL-20W, and the final plan is due 140 days after the request.
    #[test]
    fn t_final_20w_is_140_days_and_follows_the_decisions(request in request_date()) {
        let cal = HolidayCalendar::england_and_wales();
        let t = deadlines::statutory_timeline(request, &cal).unwrap();
        prop_assert!(t.decision_to_assess.due() <= t.not_to_issue.due());
        prop_assert!(t.draft_target.due() <= t.not_to_issue.due());
        prop_assert!(t.not_to_issue.due() <= t.final_plan.due());
        prop_assert_eq!((t.final_plan.due() - request).num_days(), 140);
        prop_assert_eq!(t.final_plan.due().weekday(), request.weekday(), "DC-1 same weekday");
        // DC-8: a due date is never moved, only flagged.
        for deadline in t.deadlines() {
            prop_assert_eq!(deadline.due_day() == DayKind::WorkingDay, cal.is_working_day(deadline.due()).unwrap());
        }
    }

    /// T-DRAFT-REPS-15D: the 15-day window contains the day of service and lasts 15 days.
    #[test]
    fn t_draft_reps_15d_window_contains_the_day_served(served in request_date()) {
        let cal = HolidayCalendar::england_and_wales();
        let reps = deadlines::draft_representations_window(served, &cal).unwrap();
        let window = reps.window().unwrap();
        prop_assert!(window.contains(served));
        prop_assert_eq!(window.len_days(), 15);
        prop_assert_eq!((reps.earliest_action().unwrap() - served).num_days(), 15);
    }

    /// DC-6: adding then counting working days is the identity.
    #[test]
    fn dc6_add_then_count_is_identity(start in request_date(), n in 0u32..5000) {
        let cal = HolidayCalendar::england_and_wales();
        if let Ok(end) = cal.add_working_days(start, n) {
            prop_assert_eq!(cal.working_days_between(start, end).unwrap(), i64::from(n));
            if n > 0 {
                prop_assert!(cal.is_working_day(end).unwrap());
            }
        }
    }

    /// T-APPEAL-2M-1M: never earlier than notice + 2 months; the r12 effective date never earlier than the nominal one.
    #[test]
    fn t_appeal_effective_never_before_nominal(notice in request_date(), gap in 0i64..120) {
        let cal = HolidayCalendar::england_and_wales();
        let cert = notice + chrono::Duration::days(gap);
        if let Ok(appeal) = deadlines::appeal_due(notice, MediationCertificate::Issued(cert), &cal) {
            let effective = appeal.tribunal_effective().unwrap();
            prop_assert!(effective >= appeal.due());
            prop_assert!(cal.is_working_day(effective).unwrap());
            prop_assert!(appeal.due() >= deadlines::appeal_due(notice, MediationCertificate::NotIssued, &cal).unwrap().due());
        }
    }

    /// Judging never moves the date, and an act on or before the due date is always Met.
    #[test]
    fn judging_respects_the_due_date(request in request_date(), offset in -10i64..200) {
        let cal = HolidayCalendar::england_and_wales();
        let final_plan = deadlines::final_plan_due(request, &cal).unwrap();
        let done = request + chrono::Duration::days(offset.max(0));
        let status = judge(&final_plan, Act::Done(done), done, &[]).unwrap();
        prop_assert_eq!(status == Compliance::Met, done <= final_plan.due());
    }

    /// DC-8: a deadline whose due date the caller's calendar cannot classify is
    /// an `OutsideHolidayTable` error naming that date, never a silent answer;
    /// extending the calendar makes it work.
    #[test]
    fn due_dates_outside_the_table_are_errors(
        request in date_between(NaiveDate::from_ymd_opt(2035, 8, 14).unwrap(), NaiveDate::from_ymd_opt(2036, 12, 31).unwrap()),
    ) {
        let cal = HolidayCalendar::england_and_wales();
        let due = request + chrono::Duration::weeks(20);
        let outside = matches!(
            deadlines::final_plan_due(request, &cal),
            Err(send_pathway::Error::OutsideHolidayTable { date, first_year: 2015, last_year: 2035 }) if date == due
        );
        prop_assert!(outside, "{} + 20 weeks", request);
        let mut longer = cal.clone();
        longer.extend_to(2037, []).unwrap();
        prop_assert_eq!(deadlines::final_plan_due(request, &longer).unwrap().due(), due);
    }

    /// No panic for any date chrono can hold: every function returns a value or an error.
    #[test]
    fn no_panic_for_any_date(date in any_date(), n in any::<u32>()) {
        let cal = HolidayCalendar::england_and_wales();
        let _ = deadlines::statutory_timeline(date, &cal);
        let _ = deadlines::appeal_due(date, MediationCertificate::Issued(date), &cal);
        let _ = deadlines::review_due(date, ReviewDueReading::Anniversary, &cal);
        let _ = deadlines::plan_phase_transfer(date, PhaseTransfer::PostSixteenToPostSixteen, Default::default(), &cal);
        let _ = deadlines::mediation_certificate_due(date, &cal);
        let _ = deadlines::review_invitations_due(date, &cal);
        let _ = cal.add_working_days(date, n);
        let _ = cal.sub_working_days(date, n);
        let _ = cal.working_days_between(date, NaiveDate::MAX);
        let _ = send_pathway::calendar::end_of_compulsory_school_age(date);
        let _ = send_pathway::calendar::plan_age_limit(date, send_pathway::calendar::Provision::Other);
        let _ = send_pathway::calendar::year_group_on(date, NaiveDate::MAX);
        let _ = send_pathway::calendar::months_starting_with(date, n);
        let _ = send_pathway::calendar::days_beginning_with(date, n);
    }
}
