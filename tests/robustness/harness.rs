//! Case counts, the hang guard, shared strategies and the typed-error check.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use send_pathway::chrono::{Datelike, NaiveDate};
use send_pathway::{strategies, Error, HolidayCalendar};

/// The environment variable that raises the case counts for a long run.
pub const CASES_VAR: &str = "SEND_PATHWAY_ROBUSTNESS_CASES";

/// Generated inputs per property (default 64).
pub fn cases() -> u32 {
    std::env::var(CASES_VAR)
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(64)
}

/// How many valid values of each type the tamper loop starts from.
pub fn samples() -> usize {
    1 + usize::try_from(cases() / 32).unwrap_or(1)
}

/// The proptest configuration for every property in the suite.
pub fn config() -> Config {
    Config {
        // Regressions are kept by the named tests, not in a file.
        failure_persistence: None,
        ..Config::with_cases(cases())
    }
}

/// The time a property may take before it counts as a hang.
fn limit() -> Duration {
    Duration::from_secs(120) + Duration::from_millis(u64::from(cases()) * 300)
}

/// Run `body` on its own thread: a panic fails the test with the panic's
/// message, and a body that has not returned within the time limit fails it
/// as a hang. Prints how long it took.
pub fn bounded<F: FnOnce() -> String + Send + 'static>(name: &'static str, body: F) {
    let start = Instant::now();
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .name(name.to_owned())
        .stack_size(16 * 1024 * 1024)
        .spawn(move || {
            let report = body();
            let _ = tx.send(report);
        })
        .expect("spawn a test thread");
    match rx.recv_timeout(limit()) {
        Ok(report) => {
            let _ = handle.join();
            println!(
                "robustness {name}: {report} ({:.2}s)",
                start.elapsed().as_secs_f64()
            );
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => match handle.join() {
            Err(payload) => std::panic::resume_unwind(payload),
            Ok(()) => panic!("{name}: the test thread ended without a report"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name}: no answer after {:?}: a call hangs", limit())
        }
    }
}

/// Run a property over `strategy` with the suite's configuration; returns the
/// number of inputs tried. A failing input (or a panic) fails the test after
/// shrinking.
pub fn run<S: Strategy>(strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) -> u64
where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(config());
    let tried = std::sync::atomic::AtomicU64::new(0);
    let result = runner.run(&strategy, |value| {
        tried.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        test(value)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    tried.into_inner()
}

/// An answer is fine when it is a value or a typed [`Error`] whose message a
/// caseworker can read (non-empty, and every error in its chain non-empty).
pub fn typed<T>(result: Result<T, Error>) -> Result<Option<T>, TestCaseError> {
    match result {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            let message = e.to_string();
            prop_assert!(!message.trim().is_empty(), "empty error message: {e:?}");
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                prop_assert!(!s.to_string().trim().is_empty(), "empty source in {e:?}");
                source = s.source();
            }
            Ok(None)
        }
    }
}

fn from_days(n: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n).expect("inside chrono's range")
}

/// The edges: chrono's first and last days, around year 0, the built-in
/// bank-holiday table's edges, leap days, the table limits (1900, 2200).
pub fn edge_dates() -> Vec<NaiveDate> {
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("edge date");
    let mut v = vec![
        NaiveDate::MIN,
        NaiveDate::MIN.succ_opt().expect("edge"),
        NaiveDate::MAX,
        NaiveDate::MAX.pred_opt().expect("edge"),
        ymd(-1, 12, 31),
        ymd(0, 1, 1),
        ymd(0, 2, 29),
        ymd(1, 1, 1),
        ymd(1899, 12, 31),
        ymd(1900, 1, 1),
        ymd(1970, 1, 1),
        ymd(2000, 2, 29),
        ymd(2014, 12, 31),
        ymd(2015, 1, 1),
        ymd(2020, 5, 1),
        ymd(2024, 2, 29),
        ymd(2025, 8, 31),
        ymd(2025, 9, 1),
        ymd(2035, 12, 31),
        ymd(2036, 1, 1),
        ymd(2200, 12, 31),
        ymd(2201, 1, 1),
    ];
    let max_year = NaiveDate::MAX.year();
    v.push(ymd(max_year, 1, 1));
    v.push(ymd(NaiveDate::MIN.year(), 12, 31));
    v
}

/// Any date chrono can represent, weighted towards the edges and the
/// bank-holiday table's years.
pub fn any_date() -> impl Strategy<Value = NaiveDate> {
    let (min, max) = (
        NaiveDate::MIN.num_days_from_ce(),
        NaiveDate::MAX.num_days_from_ce(),
    );
    prop_oneof![
        3 => (min..=max).prop_map(from_days),
        2 => prop::sample::select(edge_dates()),
        3 => strategies::supported_date(),
    ]
}

/// Free text: anything up to 300 characters, or short awkward strings.
pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,300}",
        prop::sample::select(vec![
            String::new(),
            " ".to_owned(),
            "\t\n".to_owned(),
            "\u{0}".to_owned(),
            "é".repeat(50),
            "£1,000.00".to_owned(),
            "x".repeat(300),
        ]),
    ]
}

/// A bank-holiday calendar: the built-in one, or one the caller built for
/// arbitrary years inside the table's limits.
pub fn any_calendar() -> impl Strategy<Value = HolidayCalendar> {
    prop_oneof![
        2 => Just(HolidayCalendar::england_and_wales()),
        1 => (1900i32..=2200, 0i32..=20, prop::collection::vec((0u32..366, ".{0,20}"), 0..10))
            .prop_filter_map("a valid table", |(first, span, days)| {
                let last = (first + span).min(2200);
                let start = NaiveDate::from_ymd_opt(first, 1, 1)?;
                let holidays = days.into_iter().filter_map(|(n, name)| {
                    let date = start.checked_add_days(send_pathway::chrono::Days::new(u64::from(n)))?;
                    Some(send_pathway::calendar::BankHoliday::new(date, name))
                });
                HolidayCalendar::new(first, last, holidays).ok()
            }),
    ]
}
