//! iCalendar feeds (feature `ical`) checked against RFC 5545's rules. Public API only.
#![cfg(feature = "ical")]

use chrono::{NaiveDate, NaiveDateTime};
use send_pathway::calendar::HolidayCalendar;
use send_pathway::caseload::Filter;
use send_pathway::feed::{case_feed, caseload_feed, escape_text};
use send_pathway::strategies::national_caseload;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn stamp(h: u32) -> NaiveDateTime {
    d(2026, 12, 1).and_hms_opt(h, 30, 0).expect("valid time")
}

fn unfold(feed: &str) -> Vec<String> {
    feed.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn feed_follows_rfc_5545() {
    let cal = HolidayCalendar::england_and_wales();
    let cases = national_caseload(21, 60);
    let feed = caseload_feed(
        &cases,
        d(2026, 12, 1),
        &cal,
        &Filter::all(),
        "SEN team, deadlines",
        stamp(9),
    )
    .unwrap();
    // CRLF line ends only; no line longer than 75 octets.
    assert!(feed.ends_with("\r\n"));
    assert!(!feed.replace("\r\n", "").contains('\n'));
    for line in feed.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let lines = unfold(&feed);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert!(lines.contains(&"X-WR-CALNAME:SEN team\\, deadlines".to_owned()));
    let events = lines.iter().filter(|l| *l == "BEGIN:VEVENT").count();
    assert!(events > 0);
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("DTSTART;VALUE=DATE:"))
            .count(),
        events
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| *l == "DTSTAMP:20261201T093000Z")
            .count(),
        events
    );
    // UIDs are unique within the feed.
    let mut uids: Vec<_> = lines.iter().filter(|l| l.starts_with("UID:")).collect();
    let n = uids.len();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), n);
    assert_eq!(n, events);
}

#[test]
fn uids_are_stable_across_exports() {
    let cal = HolidayCalendar::england_and_wales();
    let cases = national_caseload(4, 5);
    let case = &cases[0];
    let uids = |feed: String| -> Vec<String> {
        unfold(&feed)
            .into_iter()
            .filter(|l| l.starts_with("UID:"))
            .collect()
    };
    let a = uids(case_feed(case, d(2026, 12, 1), &cal, stamp(9)).unwrap());
    let b = uids(case_feed(case, d(2026, 12, 2), &cal, stamp(17)).unwrap());
    assert!(!a.is_empty());
    assert_eq!(a, b);
    assert!(a[0].starts_with("UID:CYP-0/"));
    assert!(a[0].ends_with("@send-pathway"));
}

#[test]
fn description_is_the_escaped_explanation() {
    let cal = HolidayCalendar::england_and_wales();
    let cases = national_caseload(8, 10);
    let today = d(2026, 12, 1);
    let case = cases
        .iter()
        .find(|c| !c.obligations(today, &cal).unwrap().is_empty())
        .unwrap();
    let first = case
        .obligations(today, &cal)
        .unwrap()
        .into_iter()
        .find(|o| {
            matches!(
                o.status,
                send_pathway::exceptions::Status::Pending
                    | send_pathway::exceptions::Status::Overdue
            )
        });
    let feed = case_feed(case, today, &cal, stamp(9)).unwrap();
    if let Some(o) = first {
        let expected = format!("DESCRIPTION:{}", escape_text(&o.explain().to_string()));
        assert!(unfold(&feed).contains(&expected), "{feed}");
    }
}
