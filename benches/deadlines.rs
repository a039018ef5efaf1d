//! The deadlines of one request: the 6/14/16/20-week timeline (target ≤ 300 ns)
//! and one case's timeline bundle of ten deadlines (target ≥ 150× a plain
//! Python peer doing the same ten).
//!
//! The bundle is measured from one fixed received date and from 4,096
//! pseudo-random received dates over 2015–2034 (`timeline_bundle_random`): a
//! fixed date lets the branch predictor learn every month-end and year-end
//! branch, which a caseload never allows.
//!
//! The Python peer computes the same ten answers (due date, kind of day, the
//! tribunal's r12 date for the appeal) with `datetime.date`, a `set` of the
//! bank holidays, a day-by-day working-day walk and month arithmetic by hand;
//! it is kept beside the crate's measurements in the CHANGELOG.

use std::hint::black_box;

use chrono::{Datelike, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use send_pathway::calendar::HolidayCalendar;
use send_pathway::deadlines::{self, MediationCertificate, ReviewDueReading};
use send_pathway::{Deadline, Result};

/// Received dates for the random bundle; a power of two so the index wraps with a mask.
const DATES: usize = 4096;

/// For one received date, ten deadlines: T-DECIDE-6W, T-ADVICE-6W, T-DRAFT-14W,
/// T-NOTISSUE-16W, T-FINAL-20W, the T-DRAFT-REPS-15D window,
/// T-SCHOOL-CONSULT-15D, the T-MED-CERT-3WD certificate, T-APPEAL-2M-1M with
/// its r12 effective date, and T-REVIEW-12M.
fn bundle(received: NaiveDate, cal: &HolidayCalendar) -> Result<[Deadline; 10]> {
    Ok([
        deadlines::decision_to_assess_due(received, cal)?,
        deadlines::advice_due(received, cal)?,
        deadlines::draft_target(received, cal)?,
        deadlines::not_to_issue_due(received, cal)?,
        deadlines::final_plan_due(received, cal)?,
        deadlines::draft_representations_window(received, cal)?,
        deadlines::school_consultation_reply_due(received, cal)?,
        deadlines::mediation_certificate_due(received, cal)?,
        deadlines::appeal_due(received, MediationCertificate::NotIssued, cal)?,
        deadlines::review_due(received, ReviewDueReading::default(), cal)?,
    ])
}

/// SplitMix64 over a fixed seed, so every run measures the same dates.
fn random_dates(seed: u64) -> Vec<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2015, 1, 1)
        .expect("date")
        .num_days_from_ce();
    let last = NaiveDate::from_ymd_opt(2034, 12, 31)
        .expect("date")
        .num_days_from_ce();
    let span = u64::try_from(last - first + 1).expect("span");
    let mut state = seed;
    (0..DATES)
        .map(|_| {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            let offset = i32::try_from((z ^ (z >> 31)) % span).expect("offset");
            NaiveDate::from_num_days_from_ce_opt(first + offset).expect("date")
        })
        .collect()
}

fn timeline(c: &mut Criterion) {
    let cal = HolidayCalendar::england_and_wales();
    let received = NaiveDate::from_ymd_opt(2025, 1, 6).expect("date");
    // `black_box(&result)` makes the result exist in memory, as a caller's
    // would, without the harness copying the whole `Result` a byte at a time.
    c.bench_function("statutory_timeline", |b| {
        b.iter(|| {
            let timeline = deadlines::statutory_timeline(black_box(received), &cal);
            black_box(&timeline);
        })
    });
    c.bench_function("timeline_bundle", |b| {
        b.iter(|| {
            let deadlines = bundle(black_box(received), &cal);
            black_box(&deadlines);
        })
    });
    let dates = random_dates(0x5eed_b0d1);
    assert!(dates.iter().all(|d| bundle(*d, &cal).is_ok()));
    c.bench_function("timeline_bundle_random", |b| {
        let mut i = 0usize;
        b.iter(|| {
            i = (i + 1) & (DATES - 1);
            let deadlines = bundle(black_box(dates[i]), &cal);
            black_box(&deadlines);
        })
    });
}

criterion_group!(benches, timeline);
criterion_main!(benches);
