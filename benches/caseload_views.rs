//! Caseload views over a generated national-scale caseload.
//!
//! 100,000 cases keep CI time sane; every view is linear in the number of
//! cases (each case's obligations are computed once per view), so England's
//! ~640,000 plans and requests take about 6.4 times as long.

use chrono::NaiveDate;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use send_pathway::calendar::{BankHoliday, HolidayCalendar};
use send_pathway::caseload::{
    advice_chase_list, holiday_change_impact, phase_transfer_cohort, review_calendar, urgent_list,
    CeasedWindow, CollectionYear, Filter, Party, Sen2Return,
};
use send_pathway::strategies::national_caseload;

const CASES: usize = 100_000;

fn views(c: &mut Criterion) {
    let cal = HolidayCalendar::england_and_wales();
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let cases = national_caseload(14, CASES);
    let mut new = cal.clone();
    let _ = new.add_holiday(BankHoliday::new(
        NaiveDate::from_ymd_opt(2026, 12, 11).unwrap_or_default(),
        "Proclaimed holiday",
    ));
    let year = CollectionYear::new(2027).ok();

    let mut group = c.benchmark_group("caseload_100k");
    group.sample_size(10);
    group.bench_function("urgent_list", |b| {
        b.iter(|| urgent_list(black_box(&cases), today, &cal, &Filter::all()).map(|r| r.len()))
    });
    group.bench_function("urgent_list_family_only", |b| {
        let filter = Filter::all().party(Party::Family);
        b.iter(|| urgent_list(black_box(&cases), today, &cal, &filter).map(|r| r.len()))
    });
    group.bench_function("review_calendar", |b| {
        b.iter(|| review_calendar(black_box(&cases), today, &cal).map(|r| r.total()))
    });
    group.bench_function("phase_transfer_cohort", |b| {
        b.iter(|| {
            phase_transfer_cohort(black_box(&cases), 2027, today, &cal).map(|r| r.entries.len())
        })
    });
    group.bench_function("advice_chase_list", |b| {
        b.iter(|| advice_chase_list(black_box(&cases), today, 14, &cal).map(|r| r.len()))
    });
    if let Some(year) = year {
        group.bench_function("sen2_return", |b| {
            b.iter(|| {
                Sen2Return::build(black_box(&cases), year, CeasedWindow::CalendarYear, &cal)
                    .map(|r| r.aggregates().requests)
            })
        });
    }
    group.bench_function("holiday_change_impact", |b| {
        b.iter(|| holiday_change_impact(black_box(&cases), today, &cal, &new).map(|r| r.len()))
    });
    group.finish();
}

criterion_group!(benches, views);
criterion_main!(benches);
