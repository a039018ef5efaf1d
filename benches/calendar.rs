//! Working-day arithmetic: add and count flat as N grows, from random starts,
//! and classification (target ≤ 5 ns a call).
//!
//! Add and count run over 4,096 pseudo-random starts spread over the whole
//! built-in table (2015–2035), not one fixed date: a fixed start lets the
//! branch predictor and the cache learn the answer, which a service answering
//! many cases never sees. Each group's N is the number of working days added
//! (or counted across); starts are drawn so that every answer stays inside the
//! table, and the starts include weekends and bank holidays.
//!
//! Each call's `Result` is reduced to an `Option` (`.ok()`) before it reaches
//! `black_box`: the crate's `Error` is several words wide, and handing the whole
//! `Result` to `black_box` makes the harness copy it through the stack a byte at
//! a time on every iteration, which costs more than the lookup being measured.

use std::hint::black_box;

use chrono::{Datelike, NaiveDate};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use send_pathway::calendar::HolidayCalendar;

/// Starts per group; a power of two so the index wraps with a mask.
const STARTS: usize = 4096;

/// SplitMix64: a fixed seed, so every run measures the same starts.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// `STARTS` random dates from which `n` working days stay inside the table.
fn random_starts(cal: &HolidayCalendar, n: u32, rng: &mut SplitMix) -> Vec<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(cal.first_year(), 1, 1)
        .expect("date")
        .num_days_from_ce();
    let last = NaiveDate::from_ymd_opt(cal.last_year(), 12, 31)
        .expect("date")
        .num_days_from_ce();
    let span = u64::try_from(last - first + 1).expect("span");
    let mut starts = Vec::with_capacity(STARTS);
    while starts.len() < STARTS {
        let offset = i32::try_from(rng.next() % span).expect("offset");
        let start = NaiveDate::from_num_days_from_ce_opt(first + offset).expect("date");
        if cal.add_working_days(start, n).is_ok() {
            starts.push(start);
        }
    }
    starts
}

fn working_days(c: &mut Criterion) {
    let cal = HolidayCalendar::england_and_wales();
    let mut rng = SplitMix(0x5eed_da7e);
    let ns = [1u32, 10, 100, 1_000, 5_000];

    let mut add = c.benchmark_group("add_working_days");
    for n in ns {
        let starts = random_starts(&cal, n, &mut rng);
        add.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
            let mut i = 0usize;
            b.iter(|| {
                i = (i + 1) & (STARTS - 1);
                cal.add_working_days(black_box(starts[i]), black_box(n))
                    .ok()
            })
        });
    }
    add.finish();

    let mut count = c.benchmark_group("working_days_between");
    for n in ns {
        let pairs: Vec<(NaiveDate, NaiveDate)> = random_starts(&cal, n, &mut rng)
            .into_iter()
            .map(|start| (start, cal.add_working_days(start, n).expect("inside")))
            .collect();
        count.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            let mut i = 0usize;
            b.iter(|| {
                i = (i + 1) & (STARTS - 1);
                let (from, to) = black_box(pairs[i]);
                cal.working_days_between(from, to).ok()
            })
        });
    }
    count.finish();

    let days = random_starts(&cal, 0, &mut rng);
    assert!(days.iter().any(|d| d.weekday().number_from_monday() > 5));
    c.bench_function("is_working_day", |b| {
        let mut i = 0usize;
        b.iter(|| {
            i = (i + 1) & (STARTS - 1);
            cal.is_working_day(black_box(days[i])).ok()
        })
    });
    c.bench_function("day_kind", |b| {
        let mut i = 0usize;
        b.iter(|| {
            i = (i + 1) & (STARTS - 1);
            cal.day_kind(black_box(days[i])).ok()
        })
    });
    c.bench_function("working_day_on_or_after", |b| {
        let mut i = 0usize;
        b.iter(|| {
            i = (i + 1) & (STARTS - 1);
            cal.working_day_on_or_after(black_box(days[i])).ok()
        })
    });
}

criterion_group!(benches, working_days);
criterion_main!(benches);
