//! Calendar feeds (feature `ical`): a case's or a caseload's open deadlines
//! as an iCalendar (RFC 5545) feed that Outlook, Google Calendar and Apple
//! Calendar subscribe to.
//!
//! One all-day event per open deadline (`DTSTART;VALUE=DATE`), with:
//!
//! * a **stable UID** derived from the case reference, the rule, the anchor
//!   date, what is due (the obligation's subject) and (for advice,
//!   consultations, meetings and disputes) the item's id, under a domain the
//!   caller sets ([`FeedOptions::domain`]) — re-importing the feed updates
//!   events instead of duplicating them, and no two events of one feed share
//!   a UID;
//! * the [explanation](crate::explain) as `DESCRIPTION`;
//! * `DTSTAMP` from a timestamp the caller supplies (the crate reads no clock).
//!
//! The few lines of RFC 5545 are written here rather than with a crate: the
//! `icalendar` crate stamps every new event with the system clock and a
//! random UID, which this crate's purity rule forbids. Text is escaped
//! (`\\`, `;`, `,`, newline), lines are folded at 75 octets without splitting
//! a UTF-8 character, and every line ends in CRLF.

use core::fmt::Write as _;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::calendar::HolidayCalendar;
use crate::caseload::{urgent_list, urgent_view, Filter, Judged};
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

/// The domain of feed UIDs when the caller sets none ([`FeedOptions::domain`]).
pub const DEFAULT_UID_DOMAIN: &str = "send-pathway";

/// What is due, as a UID part: the subject's variant in snake case
/// (`final_plan`, `decision_not_to_issue`), so that one rule running several
/// clocks from one anchor (an order to assess: the plan and the decision not
/// to issue) gives each clock its own UID.
fn subject_tag(subject: &Subject) -> String {
    let debug = format!("{subject:?}");
    let name = debug
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or_default();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The stable UID of a deadline in a case's feed, under the default domain:
/// `<reference>/<rule>/<anchor>/<subject>[/<item>]@send-pathway`, the
/// reference percent-encoded. The same case, rule, anchor, subject and item
/// always give the same UID, so a calendar updates the event on re-import.
/// A feed also makes every UID unique within it (see [`caseload_feed_with`]).
pub fn event_uid(reference: &str, subject: &Subject, deadline: &Deadline) -> String {
    event_uid_in(DEFAULT_UID_DOMAIN, reference, subject, deadline)
}

/// [`event_uid`] under the caller's `domain` (for example the council's web
/// domain, `sutton.gov.uk`), percent-encoded like the reference.
pub fn event_uid_in(
    domain: &str,
    reference: &str,
    subject: &Subject,
    deadline: &Deadline,
) -> String {
    let a = deadline.anchor();
    let mut uid = format!(
        "{}/{}/{:04}{:02}{:02}/{}",
        uid_part(reference),
        deadline.rule().code(),
        a.year(),
        a.month(),
        a.day(),
        subject_tag(subject)
    );
    if let Some(item) = subject_item(subject) {
        uid.push('/');
        uid.push_str(&item);
    }
    uid.push('@');
    uid.push_str(&uid_part(domain));
    uid
}

/// How a feed is written: its name (`X-WR-CALNAME`), the `DTSTAMP` of every
/// event (UTC; the crate reads no clock) and the domain of its UIDs.
///
/// ```
/// use chrono::NaiveDate;
/// use send_pathway::feed::FeedOptions;
/// let stamp = NaiveDate::from_ymd_opt(2026, 6, 8).ok_or("bad date")?.and_hms_opt(9, 0, 0).ok_or("bad time")?;
/// let options = FeedOptions::new("SEN team deadlines", stamp).domain("sutton.gov.uk");
/// assert_eq!(options.uid_domain(), "sutton.gov.uk");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedOptions {
    name: String,
    stamp: NaiveDateTime,
    domain: String,
}

impl FeedOptions {
    /// A feed named `name`, stamped `stamp` (UTC), under the default UID domain.
    pub fn new(name: impl Into<String>, stamp: NaiveDateTime) -> Self {
        FeedOptions {
            name: name.into(),
            stamp,
            domain: DEFAULT_UID_DOMAIN.to_owned(),
        }
    }

    /// Write UIDs under `domain` (for example `sutton.gov.uk`), so that two
    /// councils' feeds never collide in one calendar client.
    #[must_use]
    pub fn domain(mut self, domain: impl Into<String>) -> Self {
        self.domain = domain.into();
        self
    }

    /// The feed's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The stamp of every event.
    pub fn stamp(&self) -> NaiveDateTime {
        self.stamp
    }

    /// The UID domain.
    pub fn uid_domain(&self) -> &str {
        &self.domain
    }
}

fn date_value(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn push_event(out: &mut String, uid: &str, reference: &str, o: &Obligation, stamp: NaiveDateTime) {
    let d = &o.deadline;
    let end = d.due().succ_opt().unwrap_or(d.due());
    fold_line("BEGIN:VEVENT", out);
    fold_line(&format!("UID:{}", escape_text(uid)), out);
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
    options: &FeedOptions,
) -> String {
    let stamp = options.stamp;
    let name = options.name.as_str();
    let mut out = String::new();
    // UIDs seen so far and how often: a second deadline with the same key
    // (never expected, but a caseload may hold two cases under one
    // reference) gets `-2`, `-3`, … in feed order, so UIDs stay unique.
    let mut seen: HashMap<String, u32> = HashMap::new();
    fold_line("BEGIN:VCALENDAR", &mut out);
    fold_line("VERSION:2.0", &mut out);
    fold_line("PRODID:-//send-pathway//open deadlines//EN", &mut out);
    fold_line("CALSCALE:GREGORIAN", &mut out);
    fold_line("METHOD:PUBLISH", &mut out);
    fold_line(&format!("X-WR-CALNAME:{}", escape_text(name)), &mut out);
    for (reference, o) in rows {
        let mut uid = event_uid_in(&options.domain, reference, &o.subject, &o.deadline);
        let count = seen.entry(uid.clone()).or_insert(0);
        *count = count.saturating_add(1);
        if *count > 1 {
            if let Some(at) = uid.rfind('@') {
                uid.insert_str(at, &format!("-{count}"));
            }
        }
        push_event(&mut out, &uid, reference, o, stamp);
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
    caseload_feed_with(
        core::iter::once(case),
        today,
        cal,
        &Filter::all(),
        &FeedOptions::new(format!("EHC deadlines: {}", case.child().reference), stamp),
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
    caseload_feed_with(cases, today, cal, filter, &FeedOptions::new(name, stamp))
}

/// The feed of [`caseload_feed_with`] for every case it can judge, and
/// beside it each case it could not (reference, position, reason — for
/// example a due date outside the caller's bank-holiday table), so one case
/// never empties a subscribed calendar.
///
/// ```
/// use send_pathway::calendar::HolidayCalendar;
/// use send_pathway::caseload::Filter;
/// use send_pathway::feed::{caseload_feed_view, FeedOptions};
/// use send_pathway::NaiveDate;
/// let cal = HolidayCalendar::england_and_wales();
/// let today = NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("date")?;
/// let stamp = today.and_hms_opt(9, 0, 0).ok_or("time")?;
/// let view = caseload_feed_view(std::iter::empty(), today, &cal, &Filter::all(),
///     &FeedOptions::new("Team A", stamp));
/// assert!(view.is_complete() && view.rows.starts_with("BEGIN:VCALENDAR"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn caseload_feed_view<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    cal: &HolidayCalendar,
    filter: &Filter,
    options: &FeedOptions,
) -> Judged<String> {
    let view = urgent_view(cases, today, cal, filter);
    let rows = calendar(
        view.rows
            .iter()
            .map(|r| (r.case.reference(), &r.obligation)),
        options,
    );
    Judged {
        rows,
        unjudged: view.unjudged,
    }
}

/// A caseload's open deadlines on `today` that pass `filter`, as one
/// iCalendar feed written as `options` say (name, stamp, UID domain).
///
/// A feed for a subset: pass only the cases an officer holds (the crate
/// keeps no officer; the caller's store does), and narrow the deadlines with
/// [`Filter::statutory_only`], [`Filter::due_between`], a rule, phase or
/// party. Every event's UID is unique within the feed and stable across runs.
///
/// # Errors
///
/// As [`urgent_list`].
pub fn caseload_feed_with<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    cal: &HolidayCalendar,
    filter: &Filter,
    options: &FeedOptions,
) -> Result<String> {
    let rows = urgent_list(cases, today, cal, filter)?;
    Ok(calendar(
        rows.iter().map(|r| (r.case.reference(), &r.obligation)),
        options,
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
