//! Bank-holiday updates: the official gov.uk list, and which open deadlines a
//! new list moves (DC-6, DC-8).

use chrono::NaiveDate;

use super::{is_open, CaseRef, Judged, Unjudged};
use crate::calendar::HolidayCalendar;
use crate::deadlines::Deadline;
use crate::error::Result;
use crate::pathway::{Case, Obligation, Subject};

/// An open deadline whose due date, non-working-day flag or tribunal date
/// differs between the old and the new bank-holiday calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct HolidayChange<'a> {
    /// The case.
    pub case: CaseRef<'a>,
    /// What is due.
    pub subject: Subject,
    /// Under the old calendar (`None`: the obligation appears only under the new one).
    pub old: Option<Deadline>,
    /// Under the new calendar (`None`: the obligation disappears under the new one).
    pub new: Option<Deadline>,
}

impl HolidayChange<'_> {
    /// Whether the due date itself moved (a working-day clock, DC-6).
    pub fn due_moved(&self) -> bool {
        self.old.map(|d| d.due()) != self.new.map(|d| d.due())
    }

    /// Whether the due date's non-working-day flag changed (DC-8).
    pub fn flag_changed(&self) -> bool {
        self.old.map(|d| d.on_non_working_day()) != self.new.map(|d| d.on_non_working_day())
    }
}

fn same_clock(a: &Obligation, b: &Obligation) -> bool {
    a.subject == b.subject
        && a.deadline.rule() == b.deadline.rule()
        && a.deadline.anchor() == b.deadline.anchor()
}

fn differs(a: &Deadline, b: &Deadline) -> bool {
    a.due() != b.due()
        || a.due_day() != b.due_day()
        || a.tribunal_effective() != b.tribunal_effective()
}

/// Every open deadline of `cases` on `today` whose due date, day kind
/// (working day, weekend, bank holiday) or tribunal r12 date changes when
/// `old` is replaced by `new` — e.g. a newly proclaimed bank holiday moves a
/// working-day clock in flight (T-MED-CERT-3WD) and flags a 20-week date that
/// now falls on it. Obligations are matched by subject, rule and anchor; one
/// that exists under only one calendar is reported with the other side `None`.
///
/// # Errors
///
/// As [`Case::obligations`], under either calendar, for the first case that
/// cannot be judged ([`holiday_change_view`] judges the others and names it).
pub fn holiday_change_impact<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    old: &HolidayCalendar,
    new: &HolidayCalendar,
) -> Result<Vec<HolidayChange<'a>>> {
    holiday_change_view(cases, today, old, new).first_error()
}

/// The holiday-change impact ([`holiday_change_impact`]) for every case it
/// can judge under both calendars, and beside it each case it could not
/// (reference, position, reason — for example a due date outside the old or
/// the new table).
///
/// ```
/// use chrono::NaiveDate;
/// use send_pathway::calendar::HolidayCalendar;
/// use send_pathway::caseload::holiday_change_view;
/// let cal = HolidayCalendar::england_and_wales();
/// let today = NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("bad date")?;
/// let view = holiday_change_view(std::iter::empty(), today, &cal, &cal);
/// assert!(view.rows.is_empty() && view.is_complete());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn holiday_change_view<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    old: &HolidayCalendar,
    new: &HolidayCalendar,
) -> Judged<Vec<HolidayChange<'a>>> {
    let mut changes = Vec::new();
    let mut unjudged = Vec::new();
    for (position, case) in cases.into_iter().enumerate() {
        let open = |cal: &HolidayCalendar| -> Result<Vec<Obligation>> {
            Ok(case
                .obligations(today, cal)?
                .into_iter()
                .filter(|o| is_open(o.status))
                .collect())
        };
        let (before, after) = match open(old).and_then(|b| Ok((b, open(new)?))) {
            Ok(both) => both,
            Err(error) => {
                unjudged.push(Unjudged::new(position, case, error));
                continue;
            }
        };
        for o in &before {
            match after.iter().find(|n| same_clock(o, n)) {
                Some(n) if !differs(&o.deadline, &n.deadline) => {}
                found => changes.push(HolidayChange {
                    case: CaseRef::new(position, case),
                    subject: o.subject,
                    old: Some(o.deadline),
                    new: found.map(|n| n.deadline),
                }),
            }
        }
        for n in &after {
            if !before.iter().any(|o| same_clock(o, n)) {
                changes.push(HolidayChange {
                    case: CaseRef::new(position, case),
                    subject: n.subject,
                    old: None,
                    new: Some(n.deadline),
                });
            }
        }
    }
    Judged {
        rows: changes,
        unjudged,
    }
}

/// Load the official England and Wales bank holidays from the gov.uk JSON
/// list (`https://www.gov.uk/bank-holidays.json`, DC-6): the calendar covers
/// the whole years from the first event to the last. Other divisions
/// (Scotland, Northern Ireland) are ignored.
///
/// ```
/// use send_pathway::caseload::holidays_from_gov_uk_json;
/// let json = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
///   {"title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true},
///   {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true}]}}"#;
/// let cal = holidays_from_gov_uk_json(json)?;
/// assert_eq!((cal.first_year(), cal.last_year()), (2026, 2026));
/// assert_eq!(cal.holidays().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`Error::InvalidHolidayTable`](crate::Error::InvalidHolidayTable), naming
/// what is wrong: not JSON in the gov.uk shape (unknown fields are ignored), no
/// england-and-wales division, a date not `YYYY-MM-DD`, an empty title, a
/// date listed twice, no events, or a year between the first and last with
/// no holidays.
#[cfg(feature = "serde")]
pub fn holidays_from_gov_uk_json(json: &str) -> Result<HolidayCalendar> {
    HolidayCalendar::from_gov_uk_json(json)
}
