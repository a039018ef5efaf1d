//! Working-day arithmetic: add and count flat as N grows, and classification
//! (target ≤ 5 ns a call).
//!
//! Each call's `Result` is reduced to an `Option` (`.ok()`) before it reaches
//! `black_box`: the crate's `Error` is several words wide, and handing the whole
//! `Result` to `black_box` makes the harness copy it through the stack a byte at
//! a time on every iteration, which costs more than the lookup being measured.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use send_pathway::calendar::HolidayCalendar;

fn working_days(c: &mut Criterion) {
    let cal = HolidayCalendar::england_and_wales();
    let start = NaiveDate::from_ymd_opt(2016, 3, 14).expect("date");
    let mut add = c.benchmark_group("add_working_days");
    for n in [1u32, 10, 100, 1_000, 5_000] {
        add.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
            b.iter(|| cal.add_working_days(black_box(start), black_box(n)).ok())
        });
    }
    add.finish();

    let mut count = c.benchmark_group("working_days_between");
    for n in [1u32, 10, 100, 1_000, 5_000] {
        let end = cal.add_working_days(start, n).expect("inside the table");
        count.bench_with_input(BenchmarkId::from_parameter(n), &end, |b, &end| {
            b.iter(|| {
                cal.working_days_between(black_box(start), black_box(end))
                    .ok()
            })
        });
    }
    count.finish();

    let holiday = NaiveDate::from_ymd_opt(2025, 12, 25).expect("date");
    c.bench_function("is_working_day", |b| {
        b.iter(|| cal.is_working_day(black_box(holiday)).ok())
    });
    c.bench_function("day_kind", |b| {
        b.iter(|| cal.day_kind(black_box(holiday)).ok())
    });
}

criterion_group!(benches, working_days);
criterion_main!(benches);
