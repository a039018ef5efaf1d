//! Working-day arithmetic: add and count, flat as N grows (target ≤ 60 ns a call).

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
            b.iter(|| cal.add_working_days(black_box(start), black_box(n)))
        });
    }
    add.finish();

    let mut count = c.benchmark_group("working_days_between");
    for n in [1u32, 10, 100, 1_000, 5_000] {
        let end = cal.add_working_days(start, n).expect("inside the table");
        count.bench_with_input(BenchmarkId::from_parameter(n), &end, |b, &end| {
            b.iter(|| cal.working_days_between(black_box(start), black_box(end)))
        });
    }
    count.finish();
}

criterion_group!(benches, working_days);
criterion_main!(benches);
