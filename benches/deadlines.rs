//! The whole statutory timeline of one request (target ≤ 300 ns).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use send_pathway::calendar::HolidayCalendar;
use send_pathway::deadlines;

fn timeline(c: &mut Criterion) {
    let cal = HolidayCalendar::england_and_wales();
    let received = NaiveDate::from_ymd_opt(2025, 1, 6).expect("date");
    c.bench_function("statutory_timeline", |b| {
        b.iter(|| deadlines::statutory_timeline(black_box(received), &cal))
    });
}

criterion_group!(benches, timeline);
criterion_main!(benches);
