//! The chase list over 100,000 open advice requests (target ≤ 50 ms).

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use send_pathway::advice::{chase_list, AdviceRequest, AdviceType};
use send_pathway::calendar::HolidayCalendar;

fn caseload(n: usize) -> Vec<(String, AdviceRequest)> {
    let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("date");
    let types = [
        AdviceType::Educational,
        AdviceType::Medical,
        AdviceType::Psychological,
        AdviceType::SocialCare,
    ];
    (0..n)
        .map(|i| {
            let issued = start + Duration::days((i % 120) as i64);
            let mut r = AdviceRequest::issue(types[i % 4].clone(), "body", "contact", issued)
                .expect("valid");
            if i % 3 != 0 {
                r.record_receipt_by_body(issued + Duration::days((i % 5) as i64))
                    .expect("valid");
            }
            (format!("EHC-{:06}", i / 4), r)
        })
        .collect()
}

fn chase(c: &mut Criterion) {
    let cal = HolidayCalendar::england_and_wales();
    let requests = caseload(100_000);
    let today = NaiveDate::from_ymd_opt(2025, 3, 1).expect("date");
    let mut group = c.benchmark_group("chase_list");
    group.sample_size(20);
    group.bench_function("100k_open_requests", |b| {
        b.iter(|| {
            chase_list(
                requests.iter().map(|(case, r)| (case.as_str(), r)),
                black_box(today),
                14,
                &cal,
            )
        })
    });
    group.finish();
}

criterion_group!(benches, chase);
criterion_main!(benches);
