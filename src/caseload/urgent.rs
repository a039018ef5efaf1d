//! The urgent list: every open obligation of a caseload, most urgent first.

use core::cmp::Ordering;
use core::fmt;

use chrono::NaiveDate;

use super::{is_open, CaseRef, Filter, Judged, Party, PhaseKind, Unjudged};
use crate::calendar::HolidayCalendar;
use crate::error::Result;
use crate::exceptions::Status;
use crate::pathway::{Case, Obligation};

/// One line of the urgent list.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct UrgentRow<'a> {
    /// The case.
    pub case: CaseRef<'a>,
    /// The phase the case is in.
    pub phase: PhaseKind,
    /// Who must act.
    pub party: Party,
    /// What is due, by when, under which rule, and where it stands.
    pub obligation: Obligation,
}

impl UrgentRow<'_> {
    /// Whether the obligation is past its due date and not done (excused or not).
    pub fn is_overdue(&self) -> bool {
        self.obligation.days_left < 0
    }
}

impl fmt::Display for UrgentRow<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!(
            "{} [{}, {}]: {}",
            self.case,
            self.case.council(),
            self.party,
            self.obligation
        ))
    }
}

fn urgency(status: Status) -> u8 {
    match status {
        Status::Overdue => 0,
        Status::MissedExcused(_) => 1,
        _ => 2,
    }
}

/// The urgent list: every open obligation (pending, overdue, or missed but
/// excused) across `cases` that passes `filter`, ordered overdue first, then
/// excused misses, then by due date; ties by case position and rule.
///
/// Each case's obligations come from [`Case::obligations`] under its own
/// policy, so a caseload may mix councils (each row names its council).
/// Cases whose phase the filter excludes are skipped before any date is
/// computed.
///
/// ```
/// use chrono::NaiveDate;
/// use send_pathway::calendar::HolidayCalendar;
/// use send_pathway::caseload::{urgent_list, Filter};
/// let cal = HolidayCalendar::england_and_wales();
/// let today = NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("bad date")?;
/// let rows = urgent_list(std::iter::empty(), today, &cal, &Filter::all())?;
/// assert!(rows.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// The first case whose obligations cannot be computed (a due date outside
/// the caller's bank-holiday table) stops the list with that error.
pub fn urgent_list<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    cal: &HolidayCalendar,
    filter: &Filter,
) -> Result<Vec<UrgentRow<'a>>> {
    urgent_view(cases, today, cal, filter).first_error()
}

/// The urgent list ([`urgent_list`]) for every case it can judge, and beside
/// it each case it could not (its reference, position and the reason, for
/// example a due date outside the caller's bank-holiday table): one case
/// never sinks the list.
///
/// ```
/// use chrono::NaiveDate;
/// use send_pathway::calendar::HolidayCalendar;
/// use send_pathway::caseload::{urgent_view, Filter};
/// let cal = HolidayCalendar::england_and_wales();
/// let today = NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("bad date")?;
/// let view = urgent_view(std::iter::empty(), today, &cal, &Filter::all());
/// assert!(view.rows.is_empty() && view.is_complete());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn urgent_view<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
    cal: &HolidayCalendar,
    filter: &Filter,
) -> Judged<Vec<UrgentRow<'a>>> {
    let mut rows = Vec::new();
    let mut unjudged = Vec::new();
    for (position, case) in cases.into_iter().enumerate() {
        let phase = PhaseKind::of(case.phase());
        if !filter.wants_phase(phase) {
            continue;
        }
        let obligations = match case.obligations(today, cal) {
            Ok(obligations) => obligations,
            Err(error) => {
                unjudged.push(Unjudged::new(position, case, error));
                continue;
            }
        };
        for obligation in obligations {
            let party = Party::of(&obligation.subject);
            if !is_open(obligation.status)
                || !filter.matches(obligation.rule(), phase, party)
                || !filter.matches_due(obligation.deadline.due())
            {
                continue;
            }
            rows.push(UrgentRow {
                case: CaseRef::new(position, case),
                phase,
                party,
                obligation,
            });
        }
    }
    rows.sort_by(compare);
    Judged { rows, unjudged }
}

/// Rank statutory clocks before targets and local dates, keeping the
/// urgent order (overdue first, then by due date) within each: a list where
/// a local target 600 days overdue no longer heads a statutory clock due
/// today. A stable sort: O(n log n) in the rows.
///
/// ```
/// use chrono::NaiveDate;
/// use send_pathway::calendar::HolidayCalendar;
/// use send_pathway::caseload::{statutory_first, urgent_list, Filter};
/// let cal = HolidayCalendar::england_and_wales();
/// let today = NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("bad date")?;
/// let mut rows = urgent_list(std::iter::empty(), today, &cal, &Filter::all())?;
/// statutory_first(&mut rows);
/// assert!(rows.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn statutory_first(rows: &mut [UrgentRow<'_>]) {
    rows.sort_by_key(|r| !r.obligation.rule().is_statutory());
}

fn compare(a: &UrgentRow<'_>, b: &UrgentRow<'_>) -> Ordering {
    urgency(a.obligation.status)
        .cmp(&urgency(b.obligation.status))
        .then_with(|| {
            a.obligation
                .deadline
                .due()
                .cmp(&b.obligation.deadline.due())
        })
        .then_with(|| a.case.position().cmp(&b.case.position()))
        .then_with(|| a.obligation.rule().cmp(&b.obligation.rule()))
}
