//! The date conventions and the worked-timeline mini fixtures, through the public API only.

use chrono::NaiveDate;
use send_pathway::calendar::{
    days_after, days_beginning_with, months_after, months_before, months_starting_with,
    weeks_after, weeks_before, DayKind, FixedDateReading, HolidayCalendar,
};
use send_pathway::deadlines::{self, MediationCertificate, PhaseTransfer};
use send_pathway::RuleId;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn cal() -> HolidayCalendar {
    HolidayCalendar::england_and_wales()
}

#[test]
fn dc1_within_n_weeks_of_excludes_the_event_day() {
    assert_eq!(
        weeks_after(d(2025, 1, 6), 6).unwrap(),
        d(2025, 2, 17),
        "DC-1 6 weeks"
    );
    assert_eq!(
        weeks_after(d(2025, 1, 6), 16).unwrap(),
        d(2025, 4, 28),
        "DC-1 16 weeks"
    );
    assert_eq!(
        weeks_after(d(2025, 1, 6), 20).unwrap(),
        d(2025, 5, 26),
        "DC-1 20 weeks"
    );
}

#[test]
fn dc2_at_least_15_days_beginning_with_the_day_served() {
    let w = days_beginning_with(d(2025, 4, 7), 15).unwrap();
    assert_eq!(
        w.last(),
        d(2025, 4, 21),
        "DC-2 window ends Easter Monday, no extension"
    );
    let reps = deadlines::draft_representations_window(d(2025, 4, 7), &cal()).unwrap();
    assert_eq!(reps.rule(), RuleId::TDraftReps15d);
    assert_eq!(
        reps.earliest_action(),
        Some(d(2025, 4, 22)),
        "T-DRAFT-REPS-15D earliest finalisation"
    );
}

#[test]
fn dc3_within_n_days_of() {
    assert_eq!(
        days_after(d(2025, 10, 1), 15).unwrap(),
        d(2025, 10, 16),
        "DC-3"
    );
    let due = deadlines::reassessment_decision_due(d(2025, 10, 1), &cal()).unwrap();
    assert_eq!(
        (due.rule().code(), due.due()),
        ("T-REASSESS-DECIDE-15D", d(2025, 10, 16))
    );
}

#[test]
fn dc4_at_least_two_weeks_before_the_meeting() {
    assert_eq!(
        weeks_before(d(2026, 3, 11), 2).unwrap(),
        d(2026, 2, 25),
        "DC-4"
    );
    let invite = deadlines::review_invitations_due(d(2026, 3, 11), &cal()).unwrap();
    assert_eq!(
        (invite.rule().code(), invite.due()),
        ("T-REVIEW-INVITE-2W", d(2026, 2, 25))
    );
    let advice = deadlines::review_advice_due(d(2026, 3, 11), &cal()).unwrap();
    assert_eq!(
        (advice.rule().code(), advice.due()),
        ("T-REVIEW-ADVICE-2W", d(2026, 2, 25))
    );
}

#[test]
fn dc5_months_with_month_end_clamping() {
    assert_eq!(
        months_after(d(2025, 4, 16), 2).unwrap(),
        d(2025, 6, 16),
        "DC-5"
    );
    assert_eq!(
        months_after(d(2024, 12, 31), 2).unwrap(),
        d(2025, 2, 28),
        "DC-5 clamp"
    );
    assert_eq!(
        months_starting_with(d(2025, 5, 23), 12).unwrap().last(),
        d(2026, 5, 22),
        "DC-5 12 months starting with"
    );
    assert_eq!(
        months_before(d(2026, 1, 5), 5).unwrap(),
        d(2025, 8, 5),
        "DC-5 5 months before"
    );
}

#[test]
fn dc6_working_days() {
    let c = cal();
    assert_eq!(
        c.add_working_days(d(2025, 12, 23), 3).unwrap(),
        d(2025, 12, 30),
        "DC-6"
    );
    assert_eq!(
        c.add_working_days(d(2025, 12, 19), 3).unwrap(),
        d(2025, 12, 24),
        "DC-6"
    );
    let cert = deadlines::mediation_certificate_due(d(2025, 5, 20), &c).unwrap();
    assert_eq!(
        (cert.rule().code(), cert.due()),
        ("T-MED-CERT-3WD", d(2025, 5, 23))
    );
}

#[test]
fn dc7_phase_transfer_fixed_dates() {
    let c = cal();
    let y6 = deadlines::phase_transfer_due(
        d(2026, 9, 1),
        PhaseTransfer::PrimaryToSecondary,
        FixedDateReading::Strict,
        &c,
    )
    .unwrap();
    assert_eq!(
        (y6.rule().code(), y6.due()),
        ("T-PHASE-15FEB", d(2026, 2, 14))
    );
    assert_eq!(
        y6.due_day(),
        DayKind::Weekend,
        "Saturday: flagged, not moved"
    );
    let cop = deadlines::phase_transfer_due(
        d(2026, 9, 1),
        PhaseTransfer::PrimaryToSecondary,
        FixedDateReading::CodeOfPractice,
        &c,
    )
    .unwrap();
    assert_eq!(cop.due(), d(2026, 2, 15), "T-PHASE-15FEB CoP reading");
    let y11 = deadlines::phase_transfer_due(
        d(2026, 9, 1),
        PhaseTransfer::SecondaryToPostSixteen,
        FixedDateReading::Strict,
        &c,
    )
    .unwrap();
    assert_eq!(
        (y11.rule().code(), y11.due()),
        ("T-PHASE-31MAR", d(2026, 3, 30))
    );
    let p16 = deadlines::phase_transfer_due(
        d(2026, 1, 5),
        PhaseTransfer::PostSixteenToPostSixteen,
        FixedDateReading::Strict,
        &c,
    )
    .unwrap();
    assert_eq!(
        (p16.rule().code(), p16.due()),
        ("T-PHASE-POST16-5M", d(2025, 8, 5))
    );
}

#[test]
fn t_phase_15feb_backwards_with_full_windows() {
    let plan = deadlines::plan_phase_transfer(
        d(2026, 9, 1),
        PhaseTransfer::PrimaryToSecondary,
        FixedDateReading::Strict,
        &cal(),
    )
    .unwrap();
    assert_eq!(
        plan.latest_amendment_notice,
        d(2025, 12, 20),
        "T-AMEND-FINAL-8W back from T-PHASE-15FEB"
    );
    assert_eq!(
        plan.latest_review_meeting,
        d(2025, 11, 22),
        "T-AMEND-NOTICE-4W back from the notice"
    );
}

#[test]
fn dc8_tribunal_effective_dates() {
    let c = cal();
    let aug = deadlines::appeal_due(d(2025, 6, 2), MediationCertificate::NotIssued, &c).unwrap();
    assert_eq!(
        (aug.due(), aug.tribunal_effective()),
        (d(2025, 8, 2), Some(d(2025, 9, 1))),
        "DC-8 August"
    );
    let xmas = deadlines::appeal_due(d(2025, 10, 27), MediationCertificate::NotIssued, &c).unwrap();
    assert_eq!(
        (xmas.due(), xmas.tribunal_effective()),
        (d(2025, 12, 27), Some(d(2026, 1, 2))),
        "DC-8 Christmas"
    );
    // Every other deadline keeps its date and has no effective date.
    assert_eq!(
        deadlines::final_plan_due(d(2025, 1, 6), &c)
            .unwrap()
            .tribunal_effective(),
        None
    );
}

#[test]
fn reassess_fixtures() {
    let c = cal();
    let final_due = deadlines::reassessment_plan_due(d(2025, 10, 14), &c).unwrap();
    assert_eq!(
        (final_due.rule().code(), final_due.due()),
        ("T-REASSESS-FINAL-14W", d(2026, 1, 20))
    );
    // REASSESS-6M-BAR: last assessment concluded 2025-05-23; requests before 2025-11-23 may be refused.
    assert_eq!(
        deadlines::reassessment_bar_ends(d(2025, 5, 23)).unwrap(),
        d(2025, 11, 23)
    );
}

#[test]
fn every_deadline_names_a_rule_with_a_source() {
    let c = cal();
    let x = d(2025, 3, 3);
    let all = [
        deadlines::decision_to_assess_due(x, &c),
        deadlines::advice_due(x, &c),
        deadlines::advice_tracking_due(x, &c),
        deadlines::not_to_issue_due(x, &c),
        deadlines::issue_decision_target(x, &c),
        deadlines::draft_target(x, &c),
        deadlines::draft_representations_window(x, &c),
        deadlines::school_consultation_reply_due(x, &c),
        deadlines::final_plan_due(x, &c),
        deadlines::review_report_due(x, &c),
        deadlines::review_decision_due(x, &c),
        deadlines::amendment_notice_due(x, &c),
        deadlines::amendment_representations_window(x, &c),
        deadlines::amended_plan_due(x, &c),
        deadlines::not_amending_due(x, &c),
        deadlines::mediation_contact_due(x, &c),
        deadlines::mediation_held_due(x, &c),
        deadlines::health_commissioner_told_due(x, &c),
        deadlines::health_mediation_held_due(x, &c),
        deadlines::mediation_certificate_other_due(x, &c),
        deadlines::mediation_agreement_actions_due(x, &c),
        deadlines::commissioner_informs_council_due(x, &c),
    ];
    for deadline in all {
        let deadline = deadline.unwrap();
        assert!(!deadline.source().is_empty());
        assert!(
            deadline.due() != x,
            "{} must not be due on its own anchor",
            deadline.rule()
        );
    }
}
