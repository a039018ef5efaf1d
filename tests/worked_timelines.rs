//! The worked timelines of the rules catalogue (Cases 1–3) as fixed tests, public API only.

use chrono::NaiveDate;
use send_pathway::calendar::{DayKind, HolidayCalendar, Term, TermCalendar, TermName};
use send_pathway::deadlines::{self, MediationCertificate, ReviewDueReading};
use send_pathway::exceptions::{
    closure_window, judge, Act, Compliance, ExceptionClaim, ExceptionGround, ExceptionId,
};
use send_pathway::Error;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn cal() -> HolidayCalendar {
    HolidayCalendar::england_and_wales()
}

#[test]
fn case_1_straight_through_to_final_plan_and_first_review() {
    let c = cal();
    let a = d(2025, 1, 6);
    let t = deadlines::statutory_timeline(a, &c).unwrap();

    assert_eq!(t.decision_to_assess.due(), d(2025, 2, 17), "T-DECIDE-6W");
    assert_eq!(
        judge(
            &t.decision_to_assess,
            Act::Done(d(2025, 2, 14)),
            d(2025, 2, 14),
            &[]
        )
        .unwrap(),
        Compliance::Met,
        "T-DECIDE-6W met"
    );

    for _adviser in ["EP", "health", "social care", "school"] {
        assert_eq!(
            deadlines::advice_due(d(2025, 2, 17), &c).unwrap().due(),
            d(2025, 3, 31),
            "T-ADVICE-6W"
        );
    }
    assert_eq!(t.draft_target.due(), d(2025, 4, 14), "T-DRAFT-14W target");
    let reps = deadlines::draft_representations_window(d(2025, 4, 7), &c).unwrap();
    assert_eq!(
        reps.due(),
        d(2025, 4, 21),
        "T-DRAFT-REPS-15D window ends Easter Monday"
    );
    assert_eq!(
        reps.due_day(),
        DayKind::BankHoliday,
        "T-DRAFT-REPS-15D no extension"
    );
    assert_eq!(
        reps.earliest_action(),
        Some(d(2025, 4, 22)),
        "T-DRAFT-REPS-15D earliest finalisation"
    );
    assert_eq!(
        deadlines::school_consultation_reply_due(d(2025, 4, 23), &c)
            .unwrap()
            .due(),
        d(2025, 5, 8),
        "T-SCHOOL-CONSULT-15D"
    );
    assert_eq!(t.not_to_issue.due(), d(2025, 4, 28), "T-NOTISSUE-16W");

    let issued = d(2025, 5, 23);
    assert_eq!((issued - a).num_days(), 137, "137 days, within 20 weeks");
    assert_eq!(t.final_plan.due(), d(2025, 5, 26), "T-FINAL-20W");
    assert!(
        t.final_plan.on_non_working_day(),
        "T-FINAL-20W bank holiday: flagged, not moved"
    );
    assert_eq!(
        judge(&t.final_plan, Act::Done(issued), issued, &[]).unwrap(),
        Compliance::Met,
        "T-FINAL-20W met"
    );

    let meeting = d(2026, 3, 11);
    assert_eq!(
        deadlines::review_invitations_due(meeting, &c)
            .unwrap()
            .due(),
        d(2026, 2, 25),
        "T-REVIEW-INVITE-2W"
    );
    assert_eq!(
        deadlines::review_advice_due(meeting, &c).unwrap().due(),
        d(2026, 2, 25),
        "T-REVIEW-ADVICE-2W"
    );
    assert_eq!(
        deadlines::review_report_due(meeting, &c).unwrap().due(),
        d(2026, 3, 25),
        "T-REVIEW-REPORT-2W"
    );
    assert_eq!(
        deadlines::review_decision_due(meeting, &c).unwrap().due(),
        d(2026, 4, 8),
        "T-REVIEW-DECISION-4W"
    );
    assert_eq!(
        deadlines::amendment_notice_due(meeting, &c).unwrap().due(),
        d(2026, 4, 8),
        "T-AMEND-NOTICE-4W"
    );
    let amend_reps = deadlines::amendment_representations_window(d(2026, 4, 8), &c).unwrap();
    assert_eq!(amend_reps.due(), d(2026, 4, 22), "T-AMEND-REPS-15D");

    let review =
        deadlines::review_due(issued, ReviewDueReading::TwelveMonthsStartingWith, &c).unwrap();
    assert_eq!(review.due(), d(2026, 5, 22), "T-REVIEW-12M strict");
    assert_eq!(
        deadlines::review_due(issued, ReviewDueReading::Anniversary, &c)
            .unwrap()
            .due(),
        d(2026, 5, 23),
        "T-REVIEW-12M lenient"
    );
    assert_eq!(
        judge(&review, Act::Done(d(2026, 4, 8)), d(2026, 4, 8), &[]).unwrap(),
        Compliance::Met,
        "T-REVIEW-12M met by the decision"
    );
    assert_eq!(
        deadlines::amended_plan_due(d(2026, 4, 8), &c)
            .unwrap()
            .due(),
        d(2026, 6, 3),
        "T-AMEND-FINAL-8W"
    );
}

#[test]
fn case_2_no_to_assess_mediation_and_appeal() {
    let c = cal();
    let a = d(2025, 3, 12);
    assert_eq!(
        deadlines::decision_to_assess_due(a, &c).unwrap().due(),
        d(2025, 4, 23),
        "T-DECIDE-6W"
    );

    let notice = d(2025, 4, 16);
    let cert = deadlines::mediation_certificate_due(d(2025, 5, 20), &c).unwrap();
    assert_eq!(cert.due(), d(2025, 5, 23), "T-MED-CERT-3WD");
    assert_eq!(
        judge(&cert, Act::Done(d(2025, 5, 22)), d(2025, 5, 22), &[]).unwrap(),
        Compliance::Met,
        "T-MED-CERT-3WD met"
    );
    assert_eq!(
        deadlines::mediation_contact_due(notice, &c).unwrap().due(),
        d(2025, 6, 16),
        "T-MED-CONTACT-2M"
    );

    let appeal =
        deadlines::appeal_due(notice, MediationCertificate::Issued(d(2025, 5, 22)), &c).unwrap();
    assert_eq!(appeal.rule().code(), "T-APPEAL-2M-1M");
    assert_eq!(
        appeal.due(),
        d(2025, 6, 22),
        "T-APPEAL-2M-1M = max(06-16, 05-22 + 1 month)"
    );
    assert_eq!(appeal.due_day(), DayKind::Weekend);
    assert_eq!(
        appeal.tribunal_effective(),
        Some(d(2025, 6, 23)),
        "DC-8 r12(2) next working day"
    );
}

fn case_3_terms() -> TermCalendar {
    TermCalendar::new(
        vec![
            Term::new(TermName::Summer, d(2025, 4, 22), d(2025, 7, 22)).unwrap(),
            Term::new(TermName::Autumn, d(2025, 9, 3), d(2025, 12, 19)).unwrap(),
        ],
        vec![],
    )
    .unwrap()
}

#[test]
fn case_3_summer_closure_exception() {
    let c = cal();
    let a = d(2025, 5, 19);
    let t = deadlines::statutory_timeline(a, &c).unwrap();
    assert_eq!(t.decision_to_assess.due(), d(2025, 6, 30), "T-DECIDE-6W");

    let closure = case_3_terms()
        .closed_period_containing(d(2025, 8, 1))
        .unwrap();
    assert_eq!(
        (closure.first_closed, closure.reopens, closure.days_closed()),
        (d(2025, 7, 23), d(2025, 9, 3), 42)
    );
    let window = closure_window(closure).unwrap();
    assert_eq!(
        (window.first(), window.last()),
        (d(2025, 7, 16), d(2025, 8, 27)),
        "EXC-10-4(a) window C-7 .. R-7"
    );

    assert_eq!(
        deadlines::advice_due(d(2025, 7, 17), &c).unwrap().due(),
        d(2025, 8, 28),
        "T-ADVICE-6W"
    );
    assert_eq!(t.draft_target.due(), d(2025, 8, 25), "T-DRAFT-14W");
    assert_eq!(t.draft_target.due_day(), DayKind::BankHoliday);
    assert_eq!(
        t.not_to_issue.due(),
        d(2025, 9, 8),
        "T-NOTISSUE-16W unchanged"
    );
    assert_eq!(
        deadlines::draft_representations_window(d(2025, 10, 1), &c)
            .unwrap()
            .due(),
        d(2025, 10, 15),
        "T-DRAFT-REPS-15D"
    );
    assert_eq!(t.final_plan.due(), d(2025, 10, 6), "T-FINAL-20W unchanged");

    let claim = ExceptionClaim::new(
        ExceptionId::Exc13_3,
        ExceptionGround::SchoolClosure {
            advice_requested_on: d(2025, 7, 17),
            closure,
        },
        "head teacher's advice requested 17 July 2025; school closed 23 July to 2 September",
        "the school could not provide its advice while closed for the summer",
    )
    .unwrap();
    let issued = d(2025, 10, 24);
    assert_eq!((issued - a).num_days(), 158);
    assert_eq!(
        judge(&t.final_plan, Act::Done(issued), issued, &[claim]).unwrap(),
        Compliance::MissedExcused(ExceptionId::Exc13_3),
        "EXC-13-3"
    );
    assert_eq!(
        t.final_plan.due(),
        d(2025, 10, 6),
        "DC-10: the exception does not move the date"
    );
}

#[test]
fn case_3_variant_request_before_the_window_is_a_plain_breach() {
    let c = cal();
    let t = deadlines::statutory_timeline(d(2025, 5, 19), &c).unwrap();
    let closure = case_3_terms()
        .closed_period_containing(d(2025, 8, 1))
        .unwrap();
    let claim = ExceptionClaim::new(
        ExceptionId::Exc13_3,
        ExceptionGround::SchoolClosure {
            advice_requested_on: d(2025, 7, 14),
            closure,
        },
        "head teacher's advice requested 14 July 2025",
        "school closed for the summer",
    )
    .unwrap();
    let err = judge(
        &t.final_plan,
        Act::Done(d(2025, 10, 24)),
        d(2025, 10, 24),
        &[claim],
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            Error::ExceptionNotApplicable {
                exception: ExceptionId::Exc13_3,
                ..
            }
        ),
        "EXC-10-4 window"
    );
    assert!(err.to_string().contains("outside the closure window"));
    assert_eq!(
        judge(
            &t.final_plan,
            Act::Done(d(2025, 10, 24)),
            d(2025, 10, 24),
            &[]
        )
        .unwrap(),
        Compliance::Missed,
        "T-FINAL-20W plain breach"
    );
}
