//! The acts of a caseload done late in a period, from each case's compliance
//! history: what the ombudsman and the SEN2 timeliness measures ask for.

use chrono::NaiveDate;

use super::{CaseRef, Judged};
use crate::pathway::{Case, ComplianceEntry};
use crate::rule::RuleId;

/// One late act: the case and its compliance entry, borrowed.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LateAct<'a> {
    /// The case.
    pub case: CaseRef<'a>,
    /// The act, the deadline it was due by, and whether it was excused.
    pub entry: &'a ComplianceEntry,
}

/// Every statutory act of `cases` done late (excused or not) between `from`
/// and `to` inclusive, optionally only those of `rule`, in caseload order and
/// then in the order each case did them. Reads only the compliance history
/// judged when each act happened: never re-judged under today's calendar.
///
/// ```
/// use send_pathway::caseload::late_acts;
/// use send_pathway::pathway::Case;
/// let none: Vec<Case> = Vec::new();
/// let from = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).ok_or("date")?;
/// let to = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("date")?;
/// assert!(late_acts(&none, from, to, None).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn late_acts<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    from: NaiveDate,
    to: NaiveDate,
    rule: Option<RuleId>,
) -> Vec<LateAct<'a>> {
    let mut out = Vec::new();
    for (position, case) in cases.into_iter().enumerate() {
        for entry in case.late_acts(from, to) {
            if rule.is_none_or(|r| entry.deadline.rule() == r) {
                out.push(LateAct {
                    case: CaseRef::new(position, case),
                    entry,
                });
            }
        }
    }
    out
}

/// The late acts ([`late_acts`]) in the same shape as the other views,
/// for a service that handles every view alike. It reads only the stored
/// compliance history and computes no date, so every case is judged: its
/// unjudged list is always empty.
///
/// ```
/// use send_pathway::caseload::late_acts_view;
/// use send_pathway::pathway::Case;
/// let none: Vec<Case> = Vec::new();
/// let from = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).ok_or("date")?;
/// let to = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("date")?;
/// assert!(late_acts_view(&none, from, to, None).is_complete());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn late_acts_view<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    from: NaiveDate,
    to: NaiveDate,
    rule: Option<RuleId>,
) -> Judged<Vec<LateAct<'a>>> {
    Judged {
        rows: late_acts(cases, from, to, rule),
        unjudged: Vec::new(),
    }
}
