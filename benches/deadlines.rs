//! The deadlines of one request: the 6/14/16/20-week timeline (target ≤ 300 ns)
//! and the timeline bundle (target ≤ 80 ns).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use send_pathway::calendar::HolidayCalendar;
use send_pathway::deadlines::{self, MediationCertificate, ReviewDueReading};
use send_pathway::{Deadline, Result};

/// For one received date: T-DECIDE-6W, T-NOTISSUE-16W, T-FINAL-20W, the
/// T-DRAFT-REPS-15D window, the T-MED-CERT-3WD certificate, T-APPEAL-2M-1M with
/// its r12 effective date, and T-REVIEW-12M.
fn bundle(received: NaiveDate, cal: &HolidayCalendar) -> Result<[Deadline; 7]> {
    Ok([
        deadlines::decision_to_assess_due(received, cal)?,
        deadlines::not_to_issue_due(received, cal)?,
        deadlines::final_plan_due(received, cal)?,
        deadlines::draft_representations_window(received, cal)?,
        deadlines::mediation_certificate_due(received, cal)?,
        deadlines::appeal_due(received, MediationCertificate::NotIssued, cal)?,
        deadlines::review_due(received, ReviewDueReading::default(), cal)?,
    ])
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
}

criterion_group!(benches, timeline);
criterion_main!(benches);
