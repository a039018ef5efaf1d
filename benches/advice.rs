//! The chase list over 100,000 open advice requests (target ≤ 50 ms), and
//! reading back one assessment with 2,000 and 20,000 advice requests (linear:
//! ten times the requests, about ten times the time).

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use send_pathway::advice::{
    chase_list, AdviceRequest, AdviceType, Agreement, AssessmentAdvice, ExistingAdvice,
};
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

/// One assessment with `n` requests and a few items of existing advice, stored as JSON.
fn stored_assessment(n: usize) -> String {
    let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("date");
    let mut a = AssessmentAdvice::new(Vec::new());
    for (i, who) in ["Dr A", "Dr B", "Dr C", "Dr D"].into_iter().enumerate() {
        let agreed = Agreement::Agreed(start);
        a.offer_existing(ExistingAdvice {
            advice_type: AdviceType::CouncilConsidersAppropriate(who.into()),
            author: who.into(),
            dated: start,
            council: agreed,
            author_agreement: if i % 2 == 0 {
                agreed
            } else {
                Agreement::NotAsked
            },
            family: agreed,
        })
        .expect("valid");
    }
    for (_, r) in caseload(n) {
        a.add_request(r).expect("valid");
    }
    serde_json::to_string(&a).expect("serialises")
}

fn read_back(c: &mut Criterion) {
    let mut group = c.benchmark_group("assessment_advice_read_back");
    group.sample_size(20);
    for n in [2_000, 20_000] {
        let json = stored_assessment(n);
        group.bench_function(format!("{n}_requests"), |b| {
            b.iter(|| {
                serde_json::from_str::<AssessmentAdvice>(black_box(&json)).expect("reads back")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, chase, read_back);
criterion_main!(benches);
