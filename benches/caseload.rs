//! A whole nation's caseload: obligations on one day, SEN2 records
//! for a calendar year, reading back from stored records, and memory per case.
//!
//! The caseload comes from the crate's seeded generator
//! (`strategies::national_caseload`): England's mix, about 35 events a case.
//! `CASELOAD_CASES` sets its size (default 795,000, England's caseload);
//! criterion reports the time for the whole caseload on one core.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use send_pathway::calendar::HolidayCalendar;
use send_pathway::pathway::{Case, CaseRecord};
use send_pathway::strategies::national_caseload;
use send_pathway::LocalPolicy;

fn cases() -> usize {
    std::env::var("CASELOAD_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(795_000)
}

fn caseload(c: &mut Criterion) {
    let n = cases();
    let cal = HolidayCalendar::england_and_wales();
    let policy = LocalPolicy::sutton();
    let started = std::time::Instant::now();
    let load = national_caseload(2026, n);
    eprintln!(
        "generated {} cases in {:.1?}",
        load.len(),
        started.elapsed()
    );
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or(NaiveDate::MIN);

    // Memory per case, from the types' own sizes and capacities.
    let (hot, history): (usize, usize) = load
        .iter()
        .map(|case| {
            let m = case.memory();
            (m.hot_bytes, m.history_bytes)
        })
        .fold((0, 0), |(a, b), (h, y)| (a + h, b + y));
    let events: usize = load.iter().map(|c| c.history().len()).sum();
    eprintln!(
        "memory per case: hot {} B, history {} B, total {} B ({:.1} events a case)",
        hot / load.len().max(1),
        history / load.len().max(1),
        (hot + history) / load.len().max(1),
        events as f64 / load.len().max(1) as f64
    );

    let mut group = c.benchmark_group("caseload");
    group.sample_size(10);
    group.bench_function(format!("obligations of {n} cases on one day"), |b| {
        b.iter(|| {
            let mut due = 0usize;
            for case in &load {
                due += case.obligations(today, &cal).map_or(0, |o| o.len());
            }
            black_box(due)
        })
    });
    group.bench_function(
        format!("obligations of {n} cases on one day, not collected"),
        |b| {
            b.iter(|| {
                let mut due = 0usize;
                for case in &load {
                    let _ = case.for_each_obligation(today, &cal, |_| due += 1);
                }
                black_box(due)
            })
        },
    );
    group.bench_function(format!("SEN2 records of {n} cases for 2025"), |b| {
        let from = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or(NaiveDate::MIN);
        let to = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or(NaiveDate::MAX);
        b.iter(|| {
            let mut records = 0usize;
            for case in &load {
                records += case
                    .sen2_records()
                    .iter()
                    .filter(|r| {
                        r.request_received >= from && r.request_received <= to
                            || r.plan_issued_on.is_some_and(|p| p >= from && p <= to)
                    })
                    .count();
            }
            black_box(records)
        })
    });
    let sample: Vec<CaseRecord> = load.iter().take(100_000).map(CaseRecord::from).collect();
    group.bench_function(format!("read back {} stored records", sample.len()), |b| {
        b.iter_batched(
            || sample.clone(),
            |records| {
                let mut ok = 0usize;
                for r in records {
                    ok += usize::from(r.into_case(&cal, &policy).is_ok());
                }
                black_box(ok)
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
    black_box(load.iter().map(Case::history).count());
}

criterion_group!(benches, caseload);
criterion_main!(benches);
