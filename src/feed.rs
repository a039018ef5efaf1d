//! Calendar feeds (feature `ical`): a case's or a caseload's open deadlines
//! as an iCalendar (RFC 5545) feed that Outlook, Google Calendar and Apple
//! Calendar subscribe to.
//!
//! One all-day event per open deadline (`DTSTART;VALUE=DATE`), with:
//!
//! * a **stable UID** derived from the case reference, the rule, the anchor
//!   date and (for advice, consultations, meetings and disputes) the item's
//!   id — re-importing the feed updates events instead of duplicating them;
//! * the [explanation](crate::explain) as `DESCRIPTION`;
//! * `DTSTAMP` from a timestamp the caller supplies (the crate reads no clock).
//!
//! The few lines of RFC 5545 are written here rather than with a crate: the
//! `icalendar` crate stamps every new event with the system clock and a
//! random UID, which this crate's purity rule forbids. Text is escaped
//! (`\\`, `;`, `,`, newline), lines are folded at 75 octets without splitting
//! a UTF-8 character, and every line ends in CRLF.

use core::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::calendar::HolidayCalendar;
use crate::caseload::{urgent_list, Filter};
use crate::deadlines::Deadline;
use crate::error::Result;
use crate::pathway::{Case, Obligation, Subject};

/// RFC 5545 §3.3.11: escape a TEXT value (backslash, semicolon, comma, newline).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// RFC 5545 §3.1: fold a content line into lines of at most 75 octets
/// (continuations start with one space), never inside a UTF-8 character,
/// each ending in CRLF.
pub fn fold_line(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn uid_part(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.' {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn subject_item(subject: &Subject) -> Option<String> {
    match subject {
        Subject::Advice { advice } => Some(format!("advice{}", advice.get())),
        Subject::SchoolReply { consultation } => {
            Some(format!("consultation{}", consultation.number()))
        }
        Subject::NextStepsMeeting { meeting } => Some(format!("meeting{}", meeting.number())),
        Subject::MediationContact { dispute }
        | Subject::MediationCertificate { dispute }
        | Subject::MediationHeld { dispute }
        | Subject::CertificateAfterMediation { dispute }
        | Subject::Appeal { dispute }
        | Subject::MediationAgreement { dispute }
        | Subject::HealthCommissionerTold { dispute }
        | Subject::HealthMediationHeld { dispute }
        | Subject::RecommendationResponse { dispute } => {
            Some(format!("dispute{}", dispute.number()))
        }
        _ => None,
    }
}

/// The stable UID of a deadline in a case's feed:
/// `<reference>/<rule>/<anchor>[/<item>]@send-pathway`, the reference
/// percent-encoded. The same case, rule, anchor and item always give the same
/// UID, so a calendar updates the event on re-import.
pub fn event_uid(reference: &str, subject: &Subject, deadline: &Deadline) -> String {
    let a = deadline.anchor();
    let mut uid = format!(
        "{}/{}/{:04}{:02}{:02}",
        uid_part(reference),
        deadline.rule().code(),
        a.year(),
        a.month(),
        a.day()
    );
    if let Some(item) = subject_item(subject) {
        uid.push('/');
        uid.push_str(&item);
    }
    uid.push_str("@send-pathway");
    uid
}

fn date_value(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn push_event(out: &mut String, reference: &str, o: &Obligation, stamp: NaiveDateTime) {
    let d = &o.deadline;
    let end = d.due().succ_opt().unwrap_or(d.due());
    fold_line("BEGIN:VEVENT", out);
    fold_line(
        &format!("UID:{}", escape_text(&event_uid(reference, &o.subject, d))),
        out,
    );
    fold_line(
        &format!(
            "DTSTAMP:{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            stamp.year(),
            stamp.month(),
            stamp.day(),
            stamp.hour(),
            stamp.minute(),
            stamp.second()
        ),
        out,
    );
    fold_line(&format!("DTSTART;VALUE=DATE:{}", date_value(d.due())), out);
    if end > d.due() {
        fold_line(&format!("DTEND;VALUE=DATE:{}", date_value(end)), out);
    }
    fold_line(
        &format!(
            "SUMMARY:{}",
            escape_text(&format!("{reference}: {} ({})", o.subject, d.rule()))
        ),
        out,
    );
    fold_line(
        &format!("DESCRIPTION:{}", escape_text(&o.explain().to_string())),
        out,
    );
    fold_line(&format!("CATEGORIES:{}", escape_text(d.rule().code())), out);
    fold_line("TRANSP:TRANSPARENT", out);
    fold_line("END:VEVENT", out);
}

fn calendar<'a>(
    rows: impl IntoIterator<Item = (&'a str, &'a Obligation)>,
    name: &str,
    stamp: NaiveDateTime,
) -> String {
    let mut out = String::new();
    fold_line("BEGIN:VCALENDAR", &mut out);
    fold_line("VERSION:2.0", &mut out);
    fold_line("PRODID:-//send-pathway//open deadlines//EN", &mut out);
    fold_line("CALSCALE:GREGORIAN", &mut out);
    fold_line("METHOD:PUBLISH", &mut out);
    fold_line(&format!("X-WR-CALNAME:{}", escape_text(name)), &mut out);
    for (reference, o) in rows {
        push_event(&mut out, reference, o, stamp);
    }
    fold_line("END:VCALENDAR", &mut out);
    out
}

/// A case's open deadlines on `today` (pending, overdue, or missed but
/// excused) as an iCalendar feed; `stamp` (UTC) is every event's `DTSTAMP`.
///
/// # Errors
///
/// As [`Case::obligations`].
pub fn case_feed(
    case: &Case,
    today: NaiveDate,
    cal: &HolidayCalendar,
    stamp: NaiveDateTime,
) -> Result<String> {
    caseload_feed(
        core::iter::once(case),
        today,
        cal,
        &Filter::all(),
        &format!("EHC deadlines: {}", case.child().reference),
        stamp,
    )
}

/// A caseload's open deadlines on `today`, filtered as the urgent list is
/// ([`urgent_list`]), as one iCalendar feed named `name`.
///
/// # Errors
///
/// As [`urgent_list`].
pub fn caseload_feed<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    cal: &HolidayCalendar,
    filter: &Filter,
    name: &str,
    stamp: NaiveDateTime,
) -> Result<String> {
    let rows = urgent_list(cases, today, cal, filter)?;
    Ok(calendar(
        rows.iter().map(|r| (r.case.reference(), &r.obligation)),
        name,
        stamp,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_rfc5545_text() {
        assert_eq!(escape_text("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
        assert_eq!(escape_text("x\r\ny"), "x\\ny");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        fold_line(&line, &mut out);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }
}
