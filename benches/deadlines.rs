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
//! it is at the end of this file.

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

// The Python peer of `bundle`, as measured (python3 3.11; run from the crate
// root as `python3 peer.py src/calendar/holidays.rs [YYYY-MM-DD ...]`: it
// prints the answers for the dates given, to compare with the crate's, then
// the wall and CPU time per bundle over 4,096 random received dates). Its
// answers equal the crate's for every received date from 2015 to 2034.
//
// import calendar, random, re, sys, time, timeit
// from datetime import date, timedelta
//
// SRC = sys.argv[1] if len(sys.argv) > 1 else "src/calendar/holidays.rs"
// HOLIDAYS = {date(int(y), int(m), int(d)) for y, m, d in
//             re.findall(r"\(\s*(20\d\d),\s*(\d+),\s*(\d+),", open(SRC).read())}
// FIRST, LAST = date(2015, 1, 1), date(2035, 12, 31)
// ONE = timedelta(days=1)
//
// def kind(d):
//     if not (FIRST <= d <= LAST):
//         raise ValueError("outside the holiday table")
//     if d.weekday() >= 5:
//         return "weekend"
//     return "bank holiday" if d in HOLIDAYS else "working day"
//
// def working(d):
//     return kind(d) == "working day"
//
// def add_working_days(d, n):
//     while n > 0:
//         d += ONE
//         if working(d):
//             n -= 1
//     return d
//
// def add_months(d, n):
//     m = d.year * 12 + d.month - 1 + n
//     y, m = divmod(m, 12)
//     m += 1
//     return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
//
// def months_starting_with_last(d, n):
//     later = add_months(d, n)
//     return later - ONE if later.day == d.day else later
//
// def tribunal_effective(nominal):
//     m, d = nominal.month, nominal.day
//     if m == 8:
//         return add_working_days(date(nominal.year, 8, 31), 1)
//     if m == 12 and d >= 25:
//         return add_working_days(date(nominal.year + 1, 1, 1), 1)
//     if m == 1 and d == 1:
//         return add_working_days(nominal, 1)
//     return nominal if working(nominal) else add_working_days(nominal, 1)
//
// def deadline(rule, due, effective=None):
//     return (rule, due, kind(due), effective)
//
// def bundle(r):
//     appeal = add_months(r, 2)
//     return [
//         deadline("T-DECIDE-6W", r + timedelta(weeks=6)),
//         deadline("T-ADVICE-6W", r + timedelta(weeks=6)),
//         deadline("T-DRAFT-14W", r + timedelta(weeks=14)),
//         deadline("T-NOTISSUE-16W", r + timedelta(weeks=16)),
//         deadline("T-FINAL-20W", r + timedelta(weeks=20)),
//         deadline("T-DRAFT-REPS-15D", r + timedelta(days=14)),
//         deadline("T-SCHOOL-CONSULT-15D", r + timedelta(days=15)),
//         deadline("T-MED-CERT-3WD", add_working_days(r, 3)),
//         deadline("T-APPEAL-2M-1M", appeal, tribunal_effective(appeal)),
//         deadline("T-REVIEW-12M", months_starting_with_last(r, 12)),
//     ]
//
// if __name__ == "__main__":
//     for s in sys.argv[2:]:
//         for row in bundle(date.fromisoformat(s)):
//             print(s, *row)
//     rng = random.Random(5)
//     span = (date(2034, 12, 31) - date(2015, 1, 1)).days + 1
//     dates = [date(2015, 1, 1) + timedelta(days=rng.randrange(span)) for _ in range(4096)]
//     for clock, name in ((time.perf_counter, "wall"), (time.process_time, "cpu")):
//         runs = []
//         for _ in range(6):
//             t = timeit.Timer(lambda: [bundle(d) for d in dates], timer=clock).timeit(number=5)
//             runs.append(t / (5 * len(dates)) * 1e9)
//         runs.sort()
//         print("python", sys.version.split()[0], name, "ns per bundle, six runs:",
//               " ".join(f"{x:.0f}" for x in runs), "median", f"{(runs[2] + runs[3]) / 2:.0f}")
