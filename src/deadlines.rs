//! One plain function per statutory clock (every `T-*` rule).
//!
//! Each function takes the event the period runs from — a date the caller
//! recorded (received, sent, served, met) — and the bank-holiday table, and
//! returns a [`Deadline`]: the due date, the rule, the legal source, the
//! convention applied and what kind of day the date falls on. A due date on a
//! weekend or bank holiday is **flagged, never moved** (DC-8): the Regulations
//! have no roll-forward. Only the tribunal appeal reports a second, effective
//! date under the tribunal's own r12.
//!
//! "Due" is always the *last day on which the act is in time*.
//!
//! Where the law allows two readings, the default is the crate's choice and the
//! other reading is a typed option: [`ReviewDueReading`],
//! [`UnderFiveInterval`], [`FixedDateReading`].
//!
//! `T-CONSIDER-NOTIFY` (reg 4(2)) is a duty with no clock, so it has no function
//! here; the pathway records it.
//!
//! ```
//! use send_pathway::deadlines::{review_due, ReviewDueReading};
//! use send_pathway::{HolidayCalendar, NaiveDate, RuleId};
//!
//! let cal = HolidayCalendar::england_and_wales();
//! let issued = NaiveDate::from_ymd_opt(2025, 3, 14).ok_or("not a date")?;
//! let review = review_due(issued, ReviewDueReading::default(), &cal)?; // T-REVIEW-12M
//! assert_eq!(review.rule(), RuleId::TReview12m);
//! assert_eq!(review.due().to_string(), "2026-03-13");
//! assert_eq!(review.to_string(), "T-REVIEW-12M due 2026-03-13");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Datelike, NaiveDate};

use crate::calendar::{
    before_fixed_date, day_after, days_after, days_after_at, days_beginning_with,
    days_beginning_with_last_at, months_after, months_after_at, months_before,
    months_starting_with, months_starting_with_last_at, weeks_after, weeks_after_at, weeks_before,
    weeks_before_at, DateRange, DayIndex, DayKind, FixedDateReading, HolidayCalendar,
};
use crate::error::{Error, Result};
use crate::rule::RuleId;

/// The date arithmetic a deadline was computed with (DC-1 … DC-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum Convention {
    /// DC-1 "within N weeks of X": due X + 7N.
    WithinWeeksOf {
        /// N.
        weeks: u32,
    },
    /// DC-2 "at least N days, beginning with the day on which X": due X + N − 1, the window's last day.
    DaysBeginningWith {
        /// N.
        days: u32,
    },
    /// DC-3 "within N days of X": due X + N.
    WithinDaysOf {
        /// N.
        days: u32,
    },
    /// DC-4 "at least N weeks before meeting M": due M − 7N (the anchor is the meeting).
    WeeksBefore {
        /// N.
        weeks: u32,
    },
    /// DC-5 "within N months after X": same day-number, clamped to month end.
    WithinMonthsAfter {
        /// N.
        months: u32,
    },
    /// DC-5 "the N months starting with X": due the day before the
    /// corresponding date N months later, or that month's last day where it
    /// has no corresponding date (see [`months_starting_with`]).
    MonthsStartingWith {
        /// N.
        months: u32,
    },
    /// DC-5 "at least N months before T": due T − N months (the anchor is T).
    MonthsBefore {
        /// N.
        months: u32,
    },
    /// DC-7 "before `day` `month` in the calendar year of the anchor".
    BeforeFixedDate {
        /// Month of the fixed date.
        month: u32,
        /// Day of the fixed date.
        day: u32,
        /// Strict ("before") or Code of Practice ("by … at the latest").
        reading: FixedDateReading,
    },
    /// DC-6 "N working days": the N-th working day after X.
    WorkingDaysAfter {
        /// N.
        days: u32,
    },
    /// T-APPEAL-2M-1M: the later of notice + 2 months and certificate + 1 month.
    AppealLimit {
        /// The mediation certificate, if one was issued.
        certificate: MediationCertificate,
    },
}

/// Whether a mediation certificate was issued, for the appeal limit.
///
/// Not `#[non_exhaustive]` on purpose: a certificate was issued or it was not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        tag = "status",
        content = "issued_on",
        rename_all = "snake_case",
        deny_unknown_fields
    )
)]
pub enum MediationCertificate {
    /// No certificate (none needed, e.g. a placement-only appeal, or not yet issued).
    NotIssued,
    /// Issued on this date.
    Issued(NaiveDate),
}

/// `DC-1 within 20 weeks of the anchor`, honouring width, fill and alignment.
impl core::fmt::Display for Convention {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let words = match *self {
            Convention::WithinWeeksOf { weeks } => format!("within {weeks} weeks of the anchor"),
            Convention::DaysBeginningWith { days } => {
                format!("{days} days beginning with the anchor")
            }
            Convention::WithinDaysOf { days } => format!("within {days} days of the anchor"),
            Convention::WeeksBefore { weeks } => {
                format!("at least {weeks} weeks before the anchor")
            }
            Convention::WithinMonthsAfter { months } => {
                format!("within {months} months after the anchor")
            }
            Convention::MonthsStartingWith { months } => {
                format!("the {months} months starting with the anchor")
            }
            Convention::MonthsBefore { months } => {
                format!("at least {months} months before the anchor")
            }
            Convention::BeforeFixedDate {
                month,
                day,
                reading,
            } => format!("before {day}/{month} in the anchor's year ({reading})"),
            Convention::WorkingDaysAfter { days } => {
                format!("{days} working days after the anchor")
            }
            Convention::AppealLimit { certificate } => {
                format!(
                    "2 months after the notice or 1 month after the certificate ({certificate})"
                )
            }
        };
        f.pad(&format!("{} {words}", self.code()))
    }
}

/// `no mediation certificate` or `mediation certificate issued 2025-06-02`.
impl core::fmt::Display for MediationCertificate {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            MediationCertificate::NotIssued => f.pad("no mediation certificate"),
            MediationCertificate::Issued(on) => {
                f.pad(&format!("mediation certificate issued {on}"))
            }
        }
    }
}

/// T-APPEAL-2M-1M: the later of notice + 2 months and certificate + 1 month,
/// with `months_after` counting DC-5 months (on dates or on day numbers).
#[inline(always)]
fn appeal_limit<D: Ord, E>(
    notice: NaiveDate,
    certificate: MediationCertificate,
    mut months_after: impl FnMut(NaiveDate, u32) -> core::result::Result<D, E>,
) -> core::result::Result<D, E> {
    let by_notice = months_after(notice, 2)?;
    match certificate {
        MediationCertificate::NotIssued => Ok(by_notice),
        MediationCertificate::Issued(on) => Ok(by_notice.max(months_after(on, 1)?)),
    }
}

impl Convention {
    /// The due date this convention gives for `anchor`.
    ///
    /// # Errors
    ///
    /// [`Error::DateOverflow`] at the edges of the representable range; for
    /// working days, the holiday table's coverage errors.
    #[inline(always)]
    pub fn due_from(self, anchor: NaiveDate, cal: &HolidayCalendar) -> Result<NaiveDate> {
        match self.due_on_day_numbers(anchor, cal) {
            Some((due, _)) => Ok(due),
            None => self.due_on_dates(anchor, cal),
        }
    }

    /// [`Convention::due_from`] with chrono's calendar arithmetic: the path
    /// for answers outside the calendar's table, and the one that explains
    /// an error.
    #[inline]
    fn due_on_dates(self, anchor: NaiveDate, cal: &HolidayCalendar) -> Result<NaiveDate> {
        self.due_with(anchor, |from, days| cal.add_working_days(from, days))
    }

    /// The due date of a period that needs no holiday calendar (every
    /// convention but DC-6 working days): what a stored record can be held
    /// to without the calendar that judged it.
    ///
    /// # Errors
    ///
    /// [`Error::DateOverflow`] at the edges of the representable range;
    /// [`Error::InconsistentRecord`] for a working-day period.
    pub(crate) fn calendar_free_due(self, anchor: NaiveDate) -> Result<NaiveDate> {
        self.due_with(anchor, |from, days| {
            Err(Error::InconsistentRecord {
                reason: format!("{days} working days from {from} need a holiday calendar"),
            })
        })
    }

    /// The due date and its kind, counted on `cal`'s day numbers (the
    /// `*_at` forms of the conventions). `None` when the anchor or the answer
    /// is outside `cal`'s table, or for a fixed date (DC-7, no arithmetic):
    /// the date path answers those.
    #[inline(always)]
    fn due_on_day_numbers(
        self,
        anchor: NaiveDate,
        cal: &HolidayCalendar,
    ) -> Option<(NaiveDate, DayKind)> {
        let due = match self {
            Convention::WithinWeeksOf { weeks } => {
                weeks_after_at(cal, cal.day_index(anchor)?, weeks)?
            }
            Convention::DaysBeginningWith { days } => {
                days_beginning_with_last_at(cal, cal.day_index(anchor)?, days)?
            }
            Convention::WithinDaysOf { days } => days_after_at(cal, cal.day_index(anchor)?, days)?,
            Convention::WeeksBefore { weeks } => {
                weeks_before_at(cal, cal.day_index(anchor)?, weeks)?
            }
            Convention::WithinMonthsAfter { months } => {
                months_after_at(cal, anchor, i64::from(months))?
            }
            Convention::MonthsStartingWith { months } => {
                months_starting_with_last_at(cal, anchor, months)?
            }
            Convention::MonthsBefore { months } => {
                months_after_at(cal, anchor, -i64::from(months))?
            }
            Convention::BeforeFixedDate { .. } => return None,
            Convention::WorkingDaysAfter { days } => {
                return cal.working_days_after(cal.day_index(anchor)?, days)
            }
            Convention::AppealLimit { certificate } => {
                appeal_limit(anchor, certificate, |from, months| {
                    months_after_at(cal, from, i64::from(months)).ok_or(())
                })
                .ok()?
            }
        };
        cal.date_and_kind(due)
    }

    /// The due date, with `working_days` answering DC-6 periods (the only
    /// ones that need a holiday calendar).
    #[inline(always)]
    fn due_with(
        self,
        anchor: NaiveDate,
        working_days: impl FnOnce(NaiveDate, u32) -> Result<NaiveDate>,
    ) -> Result<NaiveDate> {
        match self {
            Convention::WithinWeeksOf { weeks } => weeks_after(anchor, weeks),
            Convention::DaysBeginningWith { days } => {
                days_beginning_with(anchor, days).map(|w| w.last())
            }
            Convention::WithinDaysOf { days } => days_after(anchor, days),
            Convention::WeeksBefore { weeks } => weeks_before(anchor, weeks),
            Convention::WithinMonthsAfter { months } => months_after(anchor, months),
            Convention::MonthsStartingWith { months } => {
                months_starting_with(anchor, months).map(|r| r.last())
            }
            Convention::MonthsBefore { months } => months_before(anchor, months),
            Convention::BeforeFixedDate {
                month,
                day,
                reading,
            } => before_fixed_date(anchor.year(), month, day, reading),
            Convention::WorkingDaysAfter { days } => working_days(anchor, days),
            Convention::AppealLimit { certificate } => {
                appeal_limit(anchor, certificate, months_after)
            }
        }
    }

    /// Whether the period runs forward from the anchor (false for "before M").
    pub fn runs_forward(self) -> bool {
        !matches!(
            self,
            Convention::WeeksBefore { .. }
                | Convention::MonthsBefore { .. }
                | Convention::BeforeFixedDate { .. }
        )
    }

    /// The date convention of the rules catalogue this is, e.g. `"DC-1"`.
    pub fn code(self) -> &'static str {
        match self {
            Convention::WithinWeeksOf { .. } => "DC-1",
            Convention::DaysBeginningWith { .. } => "DC-2",
            Convention::WithinDaysOf { .. } => "DC-3",
            Convention::WeeksBefore { .. } => "DC-4",
            Convention::WithinMonthsAfter { .. }
            | Convention::MonthsStartingWith { .. }
            | Convention::MonthsBefore { .. } => "DC-5",
            Convention::WorkingDaysAfter { .. } => "DC-6",
            Convention::BeforeFixedDate { .. } => "DC-7",
            Convention::AppealLimit { .. } => "DC-5/DC-8",
        }
    }
}

/// A statutory or local deadline: when, which rule, by which arithmetic.
///
/// Built by the functions of this module. Reading one back from storage
/// checks everything that can be checked without a bank-holiday calendar and
/// rejects a record that does not agree: the due date recomputed from the
/// anchor and convention (for calendar periods; a working-day due date must
/// be after its anchor), the weekend flag, and the shape of the tribunal's r12
/// effective date (a weekday, not before the due date, after the August or
/// Christmas closure). A stored deadline is never rejected merely because its
/// dates lie outside the built-in table. Whether the due date is a *bank
/// holiday*, and the working-day arithmetic, depend on the caller's calendar:
/// the case read-back re-checks them with [`Deadline::verify_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "DeadlineRecord", into = "DeadlineRecord")
)]
pub struct Deadline {
    rule: RuleId,
    anchor: NaiveDate,
    convention: Convention,
    due: NaiveDate,
    due_day: DayKind,
    tribunal_effective: Option<NaiveDate>,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct DeadlineRecord {
    rule: RuleId,
    source: String,
    anchor: NaiveDate,
    convention: Convention,
    due: NaiveDate,
    due_day: DayKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tribunal_effective: Option<NaiveDate>,
}

#[cfg(feature = "serde")]
impl From<Deadline> for DeadlineRecord {
    fn from(d: Deadline) -> Self {
        DeadlineRecord {
            rule: d.rule,
            source: d.rule.source().to_owned(),
            anchor: d.anchor,
            convention: d.convention,
            due: d.due,
            due_day: d.due_day,
            tribunal_effective: d.tribunal_effective,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<DeadlineRecord> for Deadline {
    type Error = Error;
    fn try_from(r: DeadlineRecord) -> Result<Self> {
        let bad = |reason: String| Error::InconsistentRecord { reason };
        match r.convention {
            // Working days depend on the caller's holiday table; check what can be checked without it.
            Convention::WorkingDaysAfter { days } => {
                if days > 0 && r.due <= r.anchor {
                    return Err(bad(format!(
                        "{} due {} is not after its anchor {}",
                        r.rule, r.due, r.anchor
                    )));
                }
                // Each working day is at least one calendar day, and a count of
                // working days always lands on a working day.
                let span = (r.due - r.anchor).num_days();
                if span < i64::from(days) || (days > 0 && r.due_day != DayKind::WorkingDay) {
                    return Err(bad(format!(
                        "{} due {} ({:?}) cannot be {days} working days after {}",
                        r.rule, r.due, r.due_day, r.anchor
                    )));
                }
            }
            convention => {
                // Calendar periods need no holiday table (working days were handled above).
                let expected = convention.due_with(r.anchor, |from, _| {
                    Err(Error::InconsistentRecord {
                        reason: format!("{} from {from} needs a holiday calendar", r.rule),
                    })
                })?;
                if expected != r.due {
                    return Err(bad(format!(
                        "{} from {} under {} is due {}, not {} as stored",
                        r.rule,
                        r.anchor,
                        convention.code(),
                        expected,
                        r.due
                    )));
                }
            }
        }
        if r.source != r.rule.source() {
            return Err(bad(format!(
                "{} is stored with the source \"{}\", but its source is \"{}\"",
                r.rule,
                r.source,
                r.rule.source()
            )));
        }
        let weekend = matches!(r.due.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
        if weekend != (r.due_day == DayKind::Weekend) {
            return Err(bad(format!(
                "{} due {} is stored as {:?}",
                r.rule, r.due, r.due_day
            )));
        }
        let is_appeal = matches!(r.convention, Convention::AppealLimit { .. });
        match r.tribunal_effective {
            Some(eff) if !is_appeal || !r12_shape_holds(r.due, eff) => {
                return Err(bad(format!(
                    "{} has an impossible tribunal effective date {eff}",
                    r.rule
                )))
            }
            None if is_appeal => {
                return Err(bad(format!(
                    "{} is missing its tribunal effective date",
                    r.rule
                )))
            }
            _ => {}
        }
        Ok(Deadline {
            rule: r.rule,
            anchor: r.anchor,
            convention: r.convention,
            due: r.due,
            due_day: r.due_day,
            tribunal_effective: r.tribunal_effective,
        })
    }
}

/// What can be checked of an r12 effective date without a holiday calendar:
/// a weekday, not before the nominal date, and after the closure of
/// r12(3)(a) when the nominal date falls in it.
#[cfg(feature = "serde")]
fn r12_shape_holds(nominal: NaiveDate, effective: NaiveDate) -> bool {
    let weekday = !matches!(
        effective.weekday(),
        chrono::Weekday::Sat | chrono::Weekday::Sun
    );
    let (m, d) = (nominal.month(), nominal.day());
    let after_closure = if m == 8 {
        effective.year() > nominal.year() || effective.month() > 8
    } else if m == 12 && d >= 25 {
        effective.year() > nominal.year()
            && effective
                > NaiveDate::from_ymd_opt(nominal.year().saturating_add(1), 1, 1)
                    .unwrap_or(NaiveDate::MAX)
    } else if m == 1 && d == 1 {
        effective > nominal
    } else {
        true
    };
    weekday && effective >= nominal && after_closure
}

/// `T-FINAL-20W due 2025-05-26`, honouring width, fill and alignment (the
/// rule and due date: what a caseworker's list shows).
impl core::fmt::Display for Deadline {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(&format!("{} due {}", self.rule, self.due))
    }
}

impl Deadline {
    /// Re-check this deadline against the caller's calendar: recompute it
    /// from its rule, anchor and convention with `cal` and compare every
    /// field (the due date, what kind of day it is, the r12 effective date).
    /// Reading a stored deadline back checks only what needs no calendar; a
    /// case read back with the caller's calendar calls this.
    ///
    /// # Errors
    ///
    /// [`Error::InconsistentRecord`] naming the first field that differs; the
    /// errors of [`Deadline::compute`] when `cal` cannot recompute it (e.g. the
    /// due date is outside it).
    pub fn verify_with(&self, cal: &HolidayCalendar) -> Result<()> {
        let fresh = Deadline::compute(self.rule, self.anchor, self.convention, cal)?;
        if fresh == *self {
            return Ok(());
        }
        let reason = if fresh.due != self.due {
            format!(
                "{} from {} is due {} with this calendar, not {} as stored",
                self.rule, self.anchor, fresh.due, self.due
            )
        } else if fresh.due_day != self.due_day {
            format!(
                "{} due {} is a {:?} in this calendar, stored as {:?}",
                self.rule, self.due, fresh.due_day, self.due_day
            )
        } else {
            format!(
                "{} due {} has the tribunal effective date {:?} with this calendar, not {:?} as stored",
                self.rule, self.due, fresh.tribunal_effective, self.tribunal_effective
            )
        };
        Err(Error::InconsistentRecord { reason })
    }

    /// Compute a deadline for `rule` from `anchor` under `convention`.
    ///
    /// The module's functions call this with the right rule and convention;
    /// it is public for local rules a council adds itself.
    ///
    /// # Errors
    ///
    /// As [`Convention::due_from`], and [`Error::OutsideHolidayTable`] when
    /// the due date is outside `cal`: every deadline says what kind of day it
    /// falls on (DC-8), so a date the caller's calendar cannot classify is an
    /// error, never a silent "working day". Extend the calendar
    /// ([`HolidayCalendar::extend_to`]) for later years.
    #[inline(always)]
    pub fn compute(
        rule: RuleId,
        anchor: NaiveDate,
        convention: Convention,
        cal: &HolidayCalendar,
    ) -> Result<Self> {
        // The parts, not a `Deadline`, cross the two paths: the value is built
        // once, in place, instead of being copied out of an `Option` into a `Result`.
        let (due, due_day, tribunal_effective) =
            match Deadline::parts_on_day_numbers(anchor, convention, cal) {
                Some(parts) => parts,
                None => Deadline::parts_on_dates(anchor, convention, cal)?,
            };
        Ok(Deadline {
            rule,
            anchor,
            convention,
            due,
            due_day,
            tribunal_effective,
        })
    }

    /// The due date, its kind and the tribunal's date, counted on `cal`'s day
    /// numbers: `None` when a step leaves the table (the date path then
    /// answers, or says why not).
    #[inline(always)]
    fn parts_on_day_numbers(
        anchor: NaiveDate,
        convention: Convention,
        cal: &HolidayCalendar,
    ) -> Option<(NaiveDate, DayKind, Option<NaiveDate>)> {
        let (due, due_day) = convention.due_on_day_numbers(anchor, cal)?;
        let tribunal_effective = match convention {
            Convention::AppealLimit { .. } => {
                Some(tribunal_effective_at(due, cal.day_index(due)?, cal)?)
            }
            _ => None,
        };
        Some((due, due_day, tribunal_effective))
    }

    /// The same parts with chrono's calendar arithmetic.
    #[inline(never)]
    fn parts_on_dates(
        anchor: NaiveDate,
        convention: Convention,
        cal: &HolidayCalendar,
    ) -> Result<(NaiveDate, DayKind, Option<NaiveDate>)> {
        let due = convention.due_on_dates(anchor, cal)?;
        let due_day = cal.day_kind(due)?;
        let tribunal_effective = match convention {
            Convention::AppealLimit { .. } => Some(tribunal_effective_on_dates(due, cal)?),
            _ => None,
        };
        Ok((due, due_day, tribunal_effective))
    }

    /// The rule this deadline comes from.
    pub fn rule(&self) -> RuleId {
        self.rule
    }

    /// The legal or local source, e.g. `"SEND Regulations 2014 reg 13(2)"`.
    pub fn source(&self) -> &'static str {
        self.rule.source()
    }

    /// The event date the period runs from (or, for "before M" periods, M).
    pub fn anchor(&self) -> NaiveDate {
        self.anchor
    }

    /// The arithmetic applied.
    pub fn convention(&self) -> Convention {
        self.convention
    }

    /// The last day on which the act is in time. Never moved for weekends or holidays.
    pub fn due(&self) -> NaiveDate {
        self.due
    }

    /// What kind of day the due date is.
    pub fn due_day(&self) -> DayKind {
        self.due_day
    }

    /// Whether the due date falls on a weekend or bank holiday (flagged, not moved: DC-8).
    pub fn on_non_working_day(&self) -> bool {
        self.due_day.is_non_working()
    }

    /// For the tribunal appeal only: the last day an appeal is in time under
    /// HESC Rules r12 (DC-8). `None` for every other deadline.
    pub fn tribunal_effective(&self) -> Option<NaiveDate> {
        self.tribunal_effective
    }

    /// For a "days beginning with" period (DC-2): the whole window, `anchor ..= due`.
    pub fn window(&self) -> Option<DateRange> {
        match self.convention {
            Convention::DaysBeginningWith { .. } => DateRange::new(self.anchor, self.due).ok(),
            _ => None,
        }
    }

    /// For a "days beginning with" period (DC-2): the first day the council may
    /// act on the outcome (`due + 1`).
    pub fn earliest_action(&self) -> Option<NaiveDate> {
        self.window().and_then(|w| day_after(w.last()).ok())
    }

    /// Days from `today` to the due date: positive while time is left, 0 on the
    /// day, negative once overdue.
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.due - today).num_days()
    }
}

/// The tribunal's r12 effective date for an appeal due on `nominal` (DC-8).
///
/// HESC Rules r12(3)(a): an appeal whose time ends on any day from 25 December
/// to 1 January, or on any day in August, is in time on the first working day
/// after 1 January / 31 August; r12(2): otherwise a due date on a non-working day
/// moves to the next working day. The HESC wording is recalled, not checked
/// (unverified); the Upper Tribunal's r12 was seen.
///
/// # Errors
///
/// The holiday table's coverage errors.
#[inline]
pub fn tribunal_effective_date(nominal: NaiveDate, cal: &HolidayCalendar) -> Result<NaiveDate> {
    if let Some(effective) = cal
        .day_index(nominal)
        .and_then(|at| tribunal_effective_at(nominal, at, cal))
    {
        return Ok(effective);
    }
    tribunal_effective_on_dates(nominal, cal)
}

/// Where r12 moves an appeal due on a day (DC-8): the rule, once, for both
/// the date path and the day-number path.
#[derive(Clone, Copy)]
enum R12 {
    /// r12(2): the due day if it is a working day, else the next one.
    OnOrAfterDue,
    /// r12(3)(a), August: the first working day after 31 August.
    AfterAugust,
    /// r12(3)(a), 25 to 31 December: the first working day after 1 January.
    AfterNewYearFromDecember,
    /// r12(3)(a), 1 January: the first working day after it.
    AfterNewYearsDay,
}

#[inline(always)]
fn r12(nominal: NaiveDate) -> R12 {
    match (nominal.month(), nominal.day()) {
        (8, _) => R12::AfterAugust,
        (12, d) if d >= 25 => R12::AfterNewYearFromDecember,
        (1, 1) => R12::AfterNewYearsDay,
        _ => R12::OnOrAfterDue,
    }
}

/// [`tribunal_effective_date`] with dates: for a day outside the table, and
/// to say why in an error.
fn tribunal_effective_on_dates(nominal: NaiveDate, cal: &HolidayCalendar) -> Result<NaiveDate> {
    let overflow = || Error::DateOverflow {
        from: nominal,
        operation: "the tribunal's r12 date",
    };
    let closed_until = match r12(nominal) {
        R12::AfterAugust => NaiveDate::from_ymd_opt(nominal.year(), 8, 31),
        R12::AfterNewYearFromDecember => {
            NaiveDate::from_ymd_opt(nominal.year().saturating_add(1), 1, 1)
        }
        R12::AfterNewYearsDay => Some(nominal),
        R12::OnOrAfterDue => return cal.working_day_on_or_after(nominal),
    };
    cal.next_working_day(closed_until.ok_or_else(overflow)?)
}

/// [`tribunal_effective_date`] on `cal`'s day numbers, `nominal` at table
/// position `at`; `None` when the answer is outside the table.
#[inline(always)]
fn tribunal_effective_at(
    nominal: NaiveDate,
    at: DayIndex,
    cal: &HolidayCalendar,
) -> Option<NaiveDate> {
    match r12(nominal) {
        R12::OnOrAfterDue => cal.working_on_or_after(at),
        R12::AfterNewYearsDay => cal.next_working_after(at),
        closure => {
            // 31 August ends August; 1 January begins the month after December.
            let (month, _) = cal.month_of(nominal)?;
            let closed_until = match closure {
                R12::AfterAugust => {
                    let (start, len) = cal.month_span(month)?;
                    cal.index_plus_days(start, i64::from(len).checked_sub(1)?)?
                }
                _ => cal.month_span(cal.month_plus(month, 1)?)?.0,
            };
            cal.next_working_after(closed_until)
        }
    }
}

macro_rules! deadline_fn {
    ($(#[$doc:meta])* $name:ident, $anchor:ident, $rule:ident, $conv:expr) => {
        $(#[$doc])*
        ///
        /// # Errors
        ///
        /// [`Error::DateOverflow`] at the edge of the representable range;
        /// [`Error::OutsideHolidayTable`] when the due date (or, for working-day
        /// periods, the anchor) is outside `cal`, [`Error::BeyondHolidayTable`]
        /// when working days run past it.
        #[inline]
        pub fn $name($anchor: NaiveDate, cal: &HolidayCalendar) -> Result<Deadline> {
            Deadline::compute(RuleId::$rule, $anchor, $conv, cal)
        }
    };
}

// ---- 3.1 Request and decision to assess --------------------------------------

deadline_fn!(
    /// T-DECIDE-6W: decision whether to assess, notified within 6 weeks of the
    /// request being received or the council becoming responsible (regs 4(1),
    /// 5(1); DC-1). Excusable only by EXC-5-4 (or EXC-COVID).
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use send_pathway::{calendar::HolidayCalendar, deadlines};
    /// let cal = HolidayCalendar::england_and_wales();
    /// let due = deadlines::decision_to_assess_due(NaiveDate::from_ymd_opt(2025, 1, 6).ok_or("not a date")?, &cal)?;
    /// assert_eq!(due.due(), NaiveDate::from_ymd_opt(2025, 2, 17).ok_or("not a date")?);
    /// assert_eq!(due.rule().code(), "T-DECIDE-6W");
    /// assert_eq!(due.source(), "SEND Regulations 2014 regs 4(1), 5(1)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    decision_to_assess_due, request_received, TDecide6w, Convention::WithinWeeksOf { weeks: 6 }
);

// ---- 3.2 Advice ---------------------------------------------------------------

deadline_fn!(
    /// T-ADVICE-6W: advice supplied within 6 weeks of the adviser *receiving*
    /// the request (reg 8(1); DC-1). This is the statutory clock used for
    /// compliance. Excusable by EXC-8-2.
    advice_due, received_by_adviser, TAdvice6w, Convention::WithinWeeksOf { weeks: 6 }
);

deadline_fn!(
    /// SOP-ADVICE-TRACK-6W: Sutton's tracking clock, 6 weeks from the date the
    /// council *issued* the request. Reported beside [`advice_due`], not used for
    /// statutory compliance.
    advice_tracking_due, issued, SopAdviceTrack6w, Convention::WithinWeeksOf { weeks: 6 }
);

// ---- 3.3 Decision to issue, draft, final ---------------------------------------

deadline_fn!(
    /// T-NOTISSUE-16W: a decision not to issue a plan, notified within 16 weeks
    /// of the request (reg 10(1); DC-1). Excusable by EXC-10-4.
    not_to_issue_due, request_received, TNotIssue16w, Convention::WithinWeeksOf { weeks: 16 }
);

deadline_fn!(
    /// T-ISSUE-DECISION-16W: Sutton practice takes the "yes" decision by week 16
    /// too. Local, not statutory.
    issue_decision_target, request_received, TIssueDecision16w, Convention::WithinWeeksOf { weeks: 16 }
);

deadline_fn!(
    /// T-DRAFT-14W: target for the draft plan, week 14, so the 15-day
    /// representation period and school consultation fit in 20 weeks. A
    /// target, not law: missing it is a warning.
    draft_target, request_received, TDraft14w, Convention::WithinWeeksOf { weeks: 14 }
);

deadline_fn!(
    /// T-DRAFT-REPS-15D: at least 15 days, beginning with the day the draft is
    /// served, for representations (reg 13(1); DC-2). `due()` is the window's
    /// last day; [`Deadline::earliest_action`] the first day the plan may be
    /// finalised. No extension for holidays.
    draft_representations_window, draft_served, TDraftReps15d, DRAFT_REPRESENTATIONS
);

/// T-DRAFT-REPS-15D's period: 15 days beginning with the day the draft is served (DC-2).
pub(crate) const DRAFT_REPRESENTATIONS: Convention = Convention::DaysBeginningWith { days: 15 };

deadline_fn!(
    /// T-SCHOOL-CONSULT-15D: a consulted school or college should reply within
    /// 15 days (CoP 9.83; DC-3); the council proceeds without a reply.
    school_consultation_reply_due, consultation_sent, TSchoolConsult15d, Convention::WithinDaysOf { days: 15 }
);

deadline_fn!(
    /// T-FINAL-20W: the final EHC plan, issued within 20 weeks of the request
    /// (reg 13(2); DC-1) — calendar weeks, never working days. What is
    /// due is the final plan, not "the assessment". Excusable by EXC-13-3.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use send_pathway::{calendar::HolidayCalendar, deadlines};
    /// let cal = HolidayCalendar::england_and_wales();
    /// let due = deadlines::final_plan_due(NaiveDate::from_ymd_opt(2025, 1, 6).ok_or("not a date")?, &cal)?;
    /// assert_eq!(due.due(), NaiveDate::from_ymd_opt(2025, 5, 26).ok_or("not a date")?);
    /// assert!(due.on_non_working_day()); // Spring bank holiday: flagged, not moved.
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    final_plan_due, request_received, TFinal20w, FINAL_PLAN_PERIOD
);

/// T-FINAL-20W's period: the final plan within 20 weeks of the request being
/// received (reg 13(2); DC-1). [`final_plan_due`] and the SEN2 timeliness
/// measures (SEN2-TIMELINESS-20W) both read it, so the return's 20-week test is
/// the deadline's own.
pub const FINAL_PLAN_PERIOD: Convention = Convention::WithinWeeksOf { weeks: 20 };

/// T-FINAL-20W without a holiday calendar: whether a plan issued on `issued`
/// met the 20-week limit of a request received on `request_received`. The
/// period counts calendar days (DC-1), so no calendar is needed; a due date on
/// a bank holiday is flagged by [`final_plan_due`], never moved.
///
/// ```
/// # use chrono::NaiveDate;
/// # use send_pathway::deadlines;
/// let received = NaiveDate::from_ymd_opt(2025, 1, 6).ok_or("not a date")?;
/// let on_limit = NaiveDate::from_ymd_opt(2025, 5, 26).ok_or("not a date")?;
/// assert!(deadlines::issued_within_20_weeks(received, on_limit)?);
/// assert!(!deadlines::issued_within_20_weeks(received, on_limit.succ_opt().ok_or("end")?)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`Error::DateOverflow`] when the limit is past the last representable date.
pub fn issued_within_20_weeks(request_received: NaiveDate, issued: NaiveDate) -> Result<bool> {
    // FINAL_PLAN_PERIOD counts calendar weeks; were it ever a working-day
    // period, this calendar-free test would refuse rather than guess.
    let limit = FINAL_PLAN_PERIOD.due_with(request_received, |from, _| {
        Err(Error::DateOverflow {
            from,
            operation: "the T-FINAL-20W period without a holiday calendar",
        })
    })?;
    Ok(issued <= limit)
}

/// Every request-anchored deadline of one EHC needs assessment.
///
/// An answer, not a state: each [`Deadline`] carries and checks its own rule
/// and anchor, and a timeline read back must have each field's own rule and
/// one anchor for all. Its fields are public to read and the struct is
/// `#[non_exhaustive]`, so a field can be added without breaking users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "StoredTimeline"))]
#[non_exhaustive]
pub struct StatutoryTimeline {
    /// T-DECIDE-6W.
    pub decision_to_assess: Deadline,
    /// T-DRAFT-14W (target).
    pub draft_target: Deadline,
    /// T-NOTISSUE-16W.
    pub not_to_issue: Deadline,
    /// T-ISSUE-DECISION-16W (local).
    pub issue_decision: Deadline,
    /// T-FINAL-20W.
    pub final_plan: Deadline,
}

/// A timeline as stored, checked before it becomes one.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredTimeline {
    decision_to_assess: Deadline,
    draft_target: Deadline,
    not_to_issue: Deadline,
    issue_decision: Deadline,
    final_plan: Deadline,
}

#[cfg(feature = "serde")]
impl TryFrom<StoredTimeline> for StatutoryTimeline {
    type Error = Error;
    fn try_from(s: StoredTimeline) -> Result<Self> {
        let t = StatutoryTimeline {
            decision_to_assess: s.decision_to_assess,
            draft_target: s.draft_target,
            not_to_issue: s.not_to_issue,
            issue_decision: s.issue_decision,
            final_plan: s.final_plan,
        };
        let expected = [
            RuleId::TDecide6w,
            RuleId::TDraft14w,
            RuleId::TNotIssue16w,
            RuleId::TIssueDecision16w,
            RuleId::TFinal20w,
        ];
        let anchor = t.decision_to_assess.anchor();
        for (deadline, rule) in t.deadlines().iter().zip(expected) {
            if deadline.rule() != rule || deadline.anchor() != anchor {
                return Err(Error::InconsistentRecord {
                    reason: format!(
                        "a statutory timeline of the request received {anchor} holds {} from {} where {rule} from {anchor} belongs",
                        deadline.rule(),
                        deadline.anchor()
                    ),
                });
            }
        }
        Ok(t)
    }
}

impl StatutoryTimeline {
    /// The deadlines in due-date order.
    pub fn deadlines(&self) -> [Deadline; 5] {
        [
            self.decision_to_assess,
            self.draft_target,
            self.not_to_issue,
            self.issue_decision,
            self.final_plan,
        ]
    }
}

/// The whole week 6 / 14 / 16 / 20 timetable of a request received (or the
/// council becoming responsible, REQ-ATTENTION) on `request_received`.
///
/// # Errors
///
/// [`Error::DateOverflow`] at the edge of the representable range;
/// [`Error::OutsideHolidayTable`] when a due date is outside `cal`.
pub fn statutory_timeline(
    request_received: NaiveDate,
    cal: &HolidayCalendar,
) -> Result<StatutoryTimeline> {
    Ok(StatutoryTimeline {
        decision_to_assess: decision_to_assess_due(request_received, cal)?,
        draft_target: draft_target(request_received, cal)?,
        not_to_issue: not_to_issue_due(request_received, cal)?,
        issue_decision: issue_decision_target(request_received, cal)?,
        final_plan: final_plan_due(request_received, cal)?,
    })
}

// ---- 3.4 Reviews, phase transfer, amendments ------------------------------------

/// How to read the annual review duty (T-REVIEW-12M).
///
/// `#[non_exhaustive]`: another reading may join in a minor release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ReviewDueReading {
    /// CFA s44(1) "the 12 months starting with" the anchor (default): due the
    /// day before the anchor's corresponding date 12 months later, or the last
    /// day of February when that month has none (DC-5, [`months_starting_with`]).
    #[default]
    TwelveMonthsStartingWith,
    /// "On or before the anniversary" (practitioner sources, Salford): due anchor + 12 months.
    Anniversary,
}

/// The reading in words, honouring width, fill and alignment.
impl core::fmt::Display for ReviewDueReading {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(match self {
            ReviewDueReading::TwelveMonthsStartingWith => {
                "within the 12 months starting with the anchor"
            }
            ReviewDueReading::Anniversary => "on or before the anniversary",
        })
    }
}

/// T-REVIEW-12M: the annual review, due within the 12 months starting with
/// `anchor` — the date the final plan was issued, then the date of the last
/// review-decision notice (T-REVIEW-12M; a council may anchor on the meeting
/// date instead, see the policy module). CFA s44(1) wording recalled \[M\].
///
/// # Errors
///
/// [`Error::DateOverflow`] at the edge of the representable range;
/// [`Error::OutsideHolidayTable`] when a due date is outside `cal`.
#[inline]
pub fn review_due(
    anchor: NaiveDate,
    reading: ReviewDueReading,
    cal: &HolidayCalendar,
) -> Result<Deadline> {
    let convention = match reading {
        ReviewDueReading::TwelveMonthsStartingWith => Convention::MonthsStartingWith { months: 12 },
        ReviewDueReading::Anniversary => Convention::WithinMonthsAfter { months: 12 },
    };
    Deadline::compute(RuleId::TReview12m, anchor, convention, cal)
}

/// The interval between reviews for a child under 5 (T-REVIEW-UNDER5):
/// 3 to 6 months, default 6 (Salford; the CoP says "at least every 3–6 months").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "u32", into = "u32"))]
pub struct UnderFiveInterval(u32);

impl UnderFiveInterval {
    /// The default, 6 months.
    pub const SIX_MONTHS: UnderFiveInterval = UnderFiveInterval(6);

    /// An interval of `months`.
    ///
    /// # Errors
    ///
    /// [`Error::OutOfRange`] outside 3–6 months.
    pub fn months(months: u32) -> Result<Self> {
        UnderFiveInterval::checked(months).ok_or(Error::OutOfRange {
            what: "the under-5 review interval in months",
            min: 3,
            max: 6,
            given: i64::from(months),
        })
    }

    /// An interval of `months`, or `None` outside 3–6 months: the form to use
    /// in a `const`, where an error cannot be dropped.
    ///
    /// ```
    /// use send_pathway::deadlines::UnderFiveInterval;
    ///
    /// const FOUR_MONTHS: UnderFiveInterval = match UnderFiveInterval::checked(4) {
    ///     Some(interval) => interval,
    ///     None => panic!("not 3 to 6 months"), // evaluated by the compiler
    /// };
    /// assert_eq!(FOUR_MONTHS.to_string(), "4 months");
    /// ```
    pub const fn checked(months: u32) -> Option<Self> {
        if months >= 3 && months <= 6 {
            Some(UnderFiveInterval(months))
        } else {
            None
        }
    }

    /// The interval in months.
    pub const fn get(self) -> u32 {
        self.0
    }
}

/// `6 months`, honouring width, fill and alignment.
impl core::fmt::Display for UnderFiveInterval {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(&format!("{} months", self.0))
    }
}

impl Default for UnderFiveInterval {
    fn default() -> Self {
        UnderFiveInterval::SIX_MONTHS
    }
}

impl TryFrom<u32> for UnderFiveInterval {
    type Error = Error;
    fn try_from(months: u32) -> Result<Self> {
        UnderFiveInterval::months(months)
    }
}

impl From<UnderFiveInterval> for u32 {
    fn from(i: UnderFiveInterval) -> u32 {
        i.0
    }
}

/// T-REVIEW-UNDER5: for a child under 5, the next review within the chosen
/// interval after the last one (CoP 9.178), in addition to the annual duty.
///
/// # Errors
///
/// [`Error::DateOverflow`] at the edge of the representable range;
/// [`Error::OutsideHolidayTable`] when a due date is outside `cal`.
pub fn under_five_review_due(
    last_review: NaiveDate,
    interval: UnderFiveInterval,
    cal: &HolidayCalendar,
) -> Result<Deadline> {
    Deadline::compute(
        RuleId::TReviewUnder5,
        last_review,
        Convention::WithinMonthsAfter {
            months: interval.get(),
        },
        cal,
    )
}

deadline_fn!(
    /// T-REVIEW-INVITE-2W: invitations sent at least two weeks before the review
    /// meeting (regs 20(3), 21(3); DC-4). The anchor is the meeting date.
    review_invitations_due, meeting, TReviewInvite2w, Convention::WeeksBefore { weeks: 2 }
);

deadline_fn!(
    /// T-REVIEW-ADVICE-2W: advice gathered and circulated at least two weeks
    /// before the review meeting (regs 20(4), 21(4); DC-4).
    review_advice_due, meeting, TReviewAdvice2w, Convention::WeeksBefore { weeks: 2 }
);

deadline_fn!(
    /// T-REVIEW-REPORT-2W: the review report, within 2 weeks of the meeting
    /// (regs 20, 21(7); DC-1).
    review_report_due, meeting, TReviewReport2w, Convention::WithinWeeksOf { weeks: 2 }
);

deadline_fn!(
    /// T-REVIEW-DECISION-4W: the decision to keep, amend or cease, within 4
    /// weeks of the meeting (regs 20–21; DC-1).
    review_decision_due, meeting, TReviewDecision4w, Convention::WithinWeeksOf { weeks: 4 }
);

deadline_fn!(
    /// T-AMEND-NOTICE-4W: on a decision to amend, the amendment notice within
    /// the 4-week decision period (*R (L) v Devon CC* \[2022\]; the crate follows
    /// Devon — the holding is recalled \[M\]).
    amendment_notice_due, meeting, TAmendNotice4w, Convention::WithinWeeksOf { weeks: 4 }
);

deadline_fn!(
    /// T-AMEND-REPS-15D: at least 15 days, beginning with the day the amendment
    /// notice is served, for representations (reg 22(2); DC-2).
    amendment_representations_window, notice_served, TAmendReps15d, AMENDMENT_REPRESENTATIONS
);

/// T-AMEND-REPS-15D's period: 15 days beginning with the day the notice is served (DC-2).
pub(crate) const AMENDMENT_REPRESENTATIONS: Convention = Convention::DaysBeginningWith { days: 15 };

deadline_fn!(
    /// T-AMEND-FINAL-8W: the final amended plan within 8 weeks of the
    /// amendment notice (reg 22(3); DC-1). No exceptions.
    amended_plan_due, notice_sent, TAmendFinal8w, Convention::WithinWeeksOf { weeks: 8 }
);

deadline_fn!(
    /// T-AMEND-NOT-8W: a decision not to amend after representations, with
    /// reasons, within 8 weeks of the amendment notice (reg 22(4); DC-1).
    not_amending_due, notice_sent, TAmendNot8w, Convention::WithinWeeksOf { weeks: 8 }
);

/// The kind of phase transfer (reg 2 "transfer between phases of education").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PhaseTransfer {
    /// Early-years provision to school.
    EarlyYearsToSchool,
    /// Infant school to junior school.
    InfantToJunior,
    /// Primary school to middle school.
    PrimaryToMiddle,
    /// Primary school to secondary school.
    PrimaryToSecondary,
    /// Middle school to secondary school.
    MiddleToSecondary,
    /// Secondary school to a post-16 institution.
    SecondaryToPostSixteen,
    /// One post-16 institution to another, at a time other than the usual.
    PostSixteenToPostSixteen,
}

/// `primary to secondary`, …, honouring width, fill and alignment.
impl core::fmt::Display for PhaseTransfer {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(match self {
            PhaseTransfer::EarlyYearsToSchool => "early years to school",
            PhaseTransfer::InfantToJunior => "infant to junior",
            PhaseTransfer::PrimaryToMiddle => "primary to middle",
            PhaseTransfer::PrimaryToSecondary => "primary to secondary",
            PhaseTransfer::MiddleToSecondary => "middle to secondary",
            PhaseTransfer::SecondaryToPostSixteen => "secondary to post-16",
            PhaseTransfer::PostSixteenToPostSixteen => "post-16 to post-16",
        })
    }
}

/// The phase-transfer deadline for a transfer on `transfer_date`.
///
/// * T-PHASE-15FEB — school phases: before 15 February of the year of
///   transfer (reg 18(1)(b); DC-7). `reading` chooses "before" (strict,
///   default) or the CoP 9.179 "by … at the latest".
/// * T-PHASE-31MAR — secondary to post-16: before 31 March (reg 18(1)(a)).
/// * T-PHASE-POST16-5M — post-16 to post-16: at least 5 months before the
///   transfer (reg 18(2); DC-5); `reading` does not apply.
///
/// # Errors
///
/// [`Error::DateOverflow`] at the edge of the representable range;
/// [`Error::OutsideHolidayTable`] when a due date is outside `cal`.
pub fn phase_transfer_due(
    transfer_date: NaiveDate,
    transfer: PhaseTransfer,
    reading: FixedDateReading,
    cal: &HolidayCalendar,
) -> Result<Deadline> {
    let (rule, convention) = match transfer {
        PhaseTransfer::SecondaryToPostSixteen => (
            RuleId::TPhase31Mar,
            Convention::BeforeFixedDate {
                month: 3,
                day: 31,
                reading,
            },
        ),
        PhaseTransfer::PostSixteenToPostSixteen => (
            RuleId::TPhasePost16_5m,
            Convention::MonthsBefore { months: 5 },
        ),
        _ => (
            RuleId::TPhase15Feb,
            Convention::BeforeFixedDate {
                month: 2,
                day: 15,
                reading,
            },
        ),
    };
    Deadline::compute(rule, transfer_date, convention, cal)
}

/// Working back from a phase-transfer deadline with every window at full
/// length: the latest amendment notice (8 weeks before, T-AMEND-FINAL-8W) and
/// the latest review meeting (a further 4 weeks, T-AMEND-NOTICE-4W).
///
/// An answer to read: its fields are public and the struct is
/// `#[non_exhaustive]`, so a field can be added without breaking users. Read
/// back, its two dates must be what the amended plan's deadline gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "StoredPhaseTransferPlan"))]
#[non_exhaustive]
pub struct PhaseTransferPlan {
    /// The amended plan's deadline.
    pub amended_plan: Deadline,
    /// Last day to send the amendment notice and still have 8 weeks.
    pub latest_amendment_notice: NaiveDate,
    /// Last day to hold the review meeting and still have 4 weeks to decide.
    pub latest_review_meeting: NaiveDate,
}

/// A phase-transfer plan as stored, checked before it becomes one.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredPhaseTransferPlan {
    amended_plan: Deadline,
    latest_amendment_notice: NaiveDate,
    latest_review_meeting: NaiveDate,
}

#[cfg(feature = "serde")]
impl TryFrom<StoredPhaseTransferPlan> for PhaseTransferPlan {
    type Error = Error;
    fn try_from(s: StoredPhaseTransferPlan) -> Result<Self> {
        let rule = s.amended_plan.rule();
        if !matches!(rule, RuleId::TPhase15Feb | RuleId::TPhase31Mar) {
            return Err(Error::InconsistentRecord {
                reason: format!(
                    "a phase-transfer plan is due under T-PHASE-15FEB or T-PHASE-31MAR, not {rule}"
                ),
            });
        }
        let expected = plan_backwards(s.amended_plan)?;
        if (
            expected.latest_amendment_notice,
            expected.latest_review_meeting,
        ) != (s.latest_amendment_notice, s.latest_review_meeting)
        {
            return Err(Error::InconsistentRecord {
                reason: format!(
                    "a phase transfer due {} gives a latest amendment notice of {} and review meeting of {}, not {} and {} as stored",
                    s.amended_plan.due(),
                    expected.latest_amendment_notice,
                    expected.latest_review_meeting,
                    s.latest_amendment_notice,
                    s.latest_review_meeting
                ),
            });
        }
        Ok(expected)
    }
}

/// The latest notice and meeting that still leave every window at full length.
fn plan_backwards(amended_plan: Deadline) -> Result<PhaseTransferPlan> {
    let latest_amendment_notice = weeks_before(amended_plan.due(), 8)?;
    let latest_review_meeting = weeks_before(latest_amendment_notice, 4)?;
    Ok(PhaseTransferPlan {
        amended_plan,
        latest_amendment_notice,
        latest_review_meeting,
    })
}

/// Plan a phase transfer backwards (see [`PhaseTransferPlan`]).
///
/// # Errors
///
/// [`Error::DateOverflow`] at the edge of the representable range;
/// [`Error::OutsideHolidayTable`] when a due date is outside `cal`.
pub fn plan_phase_transfer(
    transfer_date: NaiveDate,
    transfer: PhaseTransfer,
    reading: FixedDateReading,
    cal: &HolidayCalendar,
) -> Result<PhaseTransferPlan> {
    plan_backwards(phase_transfer_due(transfer_date, transfer, reading, cal)?)
}

// ---- 3.5 Re-assessment ---------------------------------------------------------

deadline_fn!(
    /// T-REASSESS-DECIDE-15D: decision on a re-assessment request within 15
    /// days of receiving it (reg 25(1); DC-3). A refusal is appealable.
    reassessment_decision_due, request_received, TReassessDecide15d, Convention::WithinDaysOf { days: 15 }
);

deadline_fn!(
    /// T-REASSESS-FINAL-14W: the amended or replacement plan within 14 weeks of
    /// the decision to re-assess (reg 27(2); DC-1). Excusable by EXC-27-3.
    reassessment_plan_due, decided_to_reassess, TReassessFinal14w, Convention::WithinWeeksOf { weeks: 14 }
);

/// REASSESS-6M-BAR: the first day on which a re-assessment request can no
/// longer be refused for coming too soon — 6 months after the previous
/// assessment concluded (reg 24; the anchor is unverified; the crate follows this reading and says so).
/// A request received *before* this date may be refused, unless the council
/// thinks a re-assessment necessary.
///
/// # Errors
///
/// [`Error::DateOverflow`] at the edge of the representable range.
pub fn reassessment_bar_ends(last_assessment_concluded: NaiveDate) -> Result<NaiveDate> {
    months_after(last_assessment_concluded, 6)
}

// ---- 3.6 Mediation and appeal --------------------------------------------------

deadline_fn!(
    /// T-MED-CONTACT-2M: a parent or young person who wishes to appeal contacts
    /// the mediation adviser within 2 months of the decision notice being sent
    /// (reg 33; DC-5).
    mediation_contact_due, notice_sent, TMedContact2m, Convention::WithinMonthsAfter { months: 2 }
);

deadline_fn!(
    /// T-MED-CERT-3WD: the mediation certificate, within 3 working days of the
    /// adviser being told the parent or young person declines mediation
    /// (reg 34; DC-6).
    mediation_certificate_due, adviser_told, TMedCert3wd, Convention::WorkingDaysAfter { days: 3 }
);

deadline_fn!(
    /// T-MED-HELD-30D: the council arranges mediation within 30 days of being
    /// told it is wanted (regs 35–37, numbers recalled \[M\]; DC-3).
    mediation_held_due, council_told, TMedHeld30d, Convention::WithinDaysOf { days: 30 }
);

deadline_fn!(
    /// T-MED-HEALTH-3WD: the council tells each health commissioner the health
    /// issues within 3 working days (IPSEA; DC-6).
    health_commissioner_told_due, council_told, TMedHealth3wd, Convention::WorkingDaysAfter { days: 3 }
);

deadline_fn!(
    /// T-MED-HEALTH-3WD: health-only mediation arranged by the commissioner
    /// within 30 days of the council's notice (IPSEA; DC-3).
    health_mediation_held_due, commissioner_told, TMedHealth3wd, Convention::WithinDaysOf { days: 30 }
);

deadline_fn!(
    /// T-MED-CERT-OTHER-3WD: a certificate within 3 working days when mediation
    /// cannot be held within 30 days, or after it concludes (IPSEA; DC-6).
    mediation_certificate_other_due, event, TMedCertOther3wd, Convention::WorkingDaysAfter { days: 3 }
);

deadline_fn!(
    /// T-MED-AGREEMENT: actions agreed at mediation (other than those with
    /// tribunal-order limits) within 2 weeks of the agreement (reg 42; DC-1).
    mediation_agreement_actions_due, agreement, TMedAgreement, Convention::WithinWeeksOf { weeks: 2 }
);

deadline_fn!(
    /// T-MED-AGREEMENT: where the council was not a party, the commissioner
    /// tells it of the agreement within 1 week (reg 42; DC-1).
    commissioner_informs_council_due, agreement, TMedAgreement, Convention::WithinWeeksOf { weeks: 1 }
);

/// T-APPEAL-2M-1M: the appeal must reach the tribunal within 2 months after the
/// written decision notice was *sent*, or 1 month from the issue of the
/// mediation certificate if that is later (HESC Rules r20(1)(c); DC-5). The
/// deadline also carries the r12 effective date (DC-8), see
/// [`tribunal_effective_date`].
///
/// ```
/// # use chrono::NaiveDate;
/// # use send_pathway::{calendar::HolidayCalendar, deadlines::{self, MediationCertificate}};
/// let cal = HolidayCalendar::england_and_wales();
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("not a date");
/// let appeal = deadlines::appeal_due(d(2025, 6, 2)?, MediationCertificate::NotIssued, &cal)?;
/// assert_eq!(appeal.due(), d(2025, 8, 2)?);                        // nominal, a Saturday in August
/// assert_eq!(appeal.tribunal_effective(), Some(d(2025, 9, 1)?));   // r12(3)(a)
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`Error::DateOverflow`] at the edge of the representable range;
/// [`Error::OutsideHolidayTable`] / [`Error::BeyondHolidayTable`] when the due
/// date or its r12 effective date is outside `cal`.
#[inline]
pub fn appeal_due(
    notice_sent: NaiveDate,
    certificate: MediationCertificate,
    cal: &HolidayCalendar,
) -> Result<Deadline> {
    Deadline::compute(
        RuleId::TAppeal2m1m,
        notice_sent,
        Convention::AppealLimit { certificate },
        cal,
    )
}

// ---- DC-9 receipt and service ---------------------------------------------------

/// Whether something was sent before or after 17:00 (DC-9).
///
/// Not `#[non_exhaustive]` on purpose: DC-9 splits the day in two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SentTime {
    /// Before 17:00.
    BeforeFivePm,
    /// At or after 17:00.
    AfterFivePm,
}

/// How a notice or request was sent, for estimating when it was received (DC-9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum ServiceMethod {
    /// Handed over in person.
    HandDelivery {
        /// Time of day.
        time: SentTime,
    },
    /// Recorded delivery: received the day it was signed for.
    SignedFor {
        /// The day it was signed for.
        signed_on: NaiveDate,
    },
    /// First-class post, IPSEA estimator: the next working day after posting.
    FirstClassPost,
    /// First-class post under the 1985 Practice Direction: the 2nd working day.
    FirstClassPostPracticeDirection,
    /// Second-class post under the 1985 Practice Direction: the 4th working day.
    SecondClassPostPracticeDirection,
    /// E-mail.
    Email {
        /// Time of day.
        time: SentTime,
    },
}

/// `before 17:00` or `at or after 17:00`, honouring width, fill and alignment.
impl core::fmt::Display for SentTime {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(match self {
            SentTime::BeforeFivePm => "before 17:00",
            SentTime::AfterFivePm => "at or after 17:00",
        })
    }
}

/// `e-mail at or after 17:00`, `first-class post`, …, honouring width, fill and alignment.
impl core::fmt::Display for ServiceMethod {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ServiceMethod::HandDelivery { time } => f.pad(&format!("by hand {time}")),
            ServiceMethod::SignedFor { signed_on } => {
                f.pad(&format!("recorded delivery signed for {signed_on}"))
            }
            ServiceMethod::FirstClassPost => f.pad("first-class post"),
            ServiceMethod::FirstClassPostPracticeDirection => {
                f.pad("first-class post (1985 Practice Direction)")
            }
            ServiceMethod::SecondClassPostPracticeDirection => {
                f.pad("second-class post (1985 Practice Direction)")
            }
            ServiceMethod::Email { time } => f.pad(&format!("e-mail {time}")),
        }
    }
}

/// DC-9: an *estimate* of the day something sent on `sent` was received, when
/// the actual date is not known. Store actual dates wherever you have them:
/// the Regulations contain no service rule (unverified), so this follows IPSEA's
/// estimator with the Interpretation Act 1978 s7 / 1985 Practice Direction
/// fallback for post.
///
/// # Errors
///
/// The holiday table's coverage errors.
pub fn estimated_receipt(
    sent: NaiveDate,
    method: ServiceMethod,
    cal: &HolidayCalendar,
) -> Result<NaiveDate> {
    let same_day_unless_late = |time: SentTime| -> Result<NaiveDate> {
        if time == SentTime::AfterFivePm || !cal.is_working_day(sent)? {
            cal.next_working_day(sent)
        } else {
            Ok(sent)
        }
    };
    match method {
        ServiceMethod::HandDelivery { time } | ServiceMethod::Email { time } => {
            same_day_unless_late(time)
        }
        ServiceMethod::SignedFor { signed_on } => {
            if signed_on < sent {
                Err(Error::DatesOutOfOrder {
                    earlier_label: "date sent",
                    earlier: sent,
                    later_label: "date signed for",
                    later: signed_on,
                })
            } else {
                Ok(signed_on)
            }
        }
        ServiceMethod::FirstClassPost => cal.add_working_days(sent, 1),
        ServiceMethod::FirstClassPostPracticeDirection => cal.add_working_days(sent, 2),
        ServiceMethod::SecondClassPostPracticeDirection => cal.add_working_days(sent, 4),
    }
}

// ---- 3.7 Transfers between councils --------------------------------------------

deadline_fn!(
    /// T-TRANSFER-NOTIFY-6W: the new council tells the parent or young person
    /// that the plan has transferred, whether it proposes to assess, and when
    /// it will review — within 6 weeks of the transfer (reg 15(4); DC-1).
    transfer_notification_due, transferred_on, TTransferNotify6w, Convention::WithinWeeksOf { weeks: 6 }
);

/// T-TRANSFER-REVIEW: the new council's first review of a transferred plan is
/// due by the later of (a) the end of the 12 months starting with the date the
/// plan was made or last reviewed and (b) the end of the 3 months starting
/// with the transfer (reg 15(5); DC-5). The deadline's anchor and convention
/// are those of the later limit, and its rule is T-TRANSFER-REVIEW.
///
/// # Errors
///
/// [`Error::DateOverflow`] at the edge of the representable range, or the
/// holiday table's coverage errors for the due date.
pub fn transfer_review_due(
    made_or_last_reviewed: NaiveDate,
    transferred_on: NaiveDate,
    cal: &HolidayCalendar,
) -> Result<Deadline> {
    let annual = Convention::MonthsStartingWith { months: 12 };
    let after_transfer = Convention::MonthsStartingWith { months: 3 };
    let a = annual.due_from(made_or_last_reviewed, cal)?;
    let b = after_transfer.due_from(transferred_on, cal)?;
    if a >= b {
        Deadline::compute(RuleId::TTransferReview, made_or_last_reviewed, annual, cal)
    } else {
        Deadline::compute(RuleId::TTransferReview, transferred_on, after_transfer, cal)
    }
}

// ---- 3.8 Tribunal orders, unopposed appeals, recommendations ----------------------
// Periods run "within N weeks of the order being made" (DC-1). HMCTS guidance
// counts from the day the order is sent: pass that date as the anchor to follow
// it (the sources conflict; the crate's default is the order date).

deadline_fn!(
    /// T-ORDER-ASSESS: after an order to assess or re-assess, notify the
    /// decision to assess within 2 weeks of the order (reg 44(2)(b)).
    order_assess_decision_due, order_made, TOrderAssess, Convention::WithinWeeksOf { weeks: 2 }
);
deadline_fn!(
    /// T-ORDER-ASSESS: after an order to assess, a decision not to issue within 10 weeks (reg 44(2)(b)).
    order_assess_not_to_issue_due, order_made, TOrderAssess, Convention::WithinWeeksOf { weeks: 10 }
);
deadline_fn!(
    /// T-ORDER-ASSESS: after an order to assess, the final plan within 14 weeks (reg 44(2)(b)).
    order_assess_final_due, order_made, TOrderAssess, Convention::WithinWeeksOf { weeks: 14 }
);
deadline_fn!(
    /// T-ORDER-PLAN: after an order to make and maintain a plan, the draft within 5 weeks (reg 44(2)(c)).
    order_plan_draft_due, order_made, TOrderPlan, Convention::WithinWeeksOf { weeks: 5 }
);
deadline_fn!(
    /// T-ORDER-PLAN: after an order to make and maintain a plan, the final plan within 11 weeks (reg 44(2)(c)).
    order_plan_final_due, order_made, TOrderPlan, Convention::WithinWeeksOf { weeks: 11 }
);
deadline_fn!(
    /// T-ORDER-AMEND: after an order to amend needs or provision (B/F), the amended plan within 5 weeks (reg 44(2)(e)).
    order_amend_due, order_made, TOrderAmend, Convention::WithinWeeksOf { weeks: 5 }
);
deadline_fn!(
    /// T-ORDER-AMEND: after an order about the school or institution only (I), the amended plan within 2 weeks (reg 44(2)(f)).
    order_amend_placement_due, order_made, TOrderAmend, Convention::WithinWeeksOf { weeks: 2 }
);
deadline_fn!(
    /// T-UNOPPOSED-ASSESS: the council told the tribunal it will not oppose an
    /// assessment appeal: notify the decision to assess within 2 weeks of telling it (reg 45(1)-(3A)).
    unopposed_assess_decision_due, tribunal_told, TUnopposedAssess, Convention::WithinWeeksOf { weeks: 2 }
);
deadline_fn!(
    /// T-UNOPPOSED-ASSESS: a decision not to issue within 10 weeks of telling the tribunal (reg 45(3A)).
    unopposed_assess_not_to_issue_due, tribunal_told, TUnopposedAssess, Convention::WithinWeeksOf { weeks: 10 }
);
deadline_fn!(
    /// T-UNOPPOSED-ASSESS: the final plan within 14 weeks of telling the tribunal (reg 45(3A)).
    unopposed_assess_final_due, tribunal_told, TUnopposedAssess, Convention::WithinWeeksOf { weeks: 14 }
);
deadline_fn!(
    /// T-UNOPPOSED-PLAN: an unopposed appeal against a refusal to issue: the draft within 5 weeks (reg 45(6)).
    unopposed_plan_draft_due, tribunal_told, TUnopposedPlan, Convention::WithinWeeksOf { weeks: 5 }
);
deadline_fn!(
    /// T-UNOPPOSED-PLAN: the final plan within 11 weeks of telling the tribunal (reg 45(6)).
    unopposed_plan_final_due, tribunal_told, TUnopposedPlan, Convention::WithinWeeksOf { weeks: 11 }
);
deadline_fn!(
    /// T-UNOPPOSED-AMEND: an unopposed appeal on contents or a refusal to amend: the amended plan within 5 weeks (reg 45(4)).
    unopposed_amend_due, tribunal_told, TUnopposedAmend, Convention::WithinWeeksOf { weeks: 5 }
);
deadline_fn!(
    /// T-UNOPPOSED-AMEND: section I only: the amended plan within 2 weeks (reg 45(5)).
    unopposed_amend_placement_due, tribunal_told, TUnopposedAmend, Convention::WithinWeeksOf { weeks: 2 }
);
deadline_fn!(
    /// T-ORDER-RECOMMEND-5W: a written response to a tribunal's non-binding
    /// health or social-care recommendation within 5 weeks (SI 2017/1306 reg 6).
    recommendation_response_due, recommendation_made, TOrderRecommend5w, Convention::WithinWeeksOf { weeks: 5 }
);

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn t_final_20w_flags_bank_holiday_without_moving() {
        let cal = HolidayCalendar::england_and_wales();
        let f = final_plan_due(d(2025, 1, 6), &cal).unwrap();
        assert_eq!(f.due(), d(2025, 5, 26));
        assert_eq!(f.due_day(), DayKind::BankHoliday);
        assert_eq!(f.convention().code(), "DC-1");
        assert_eq!(f.days_left(d(2025, 5, 23)), 3);
    }

    proptest::proptest! {
        /// T-FINAL-20W / SEN2-TIMELINESS-20W: the return's 20-week test is the
        /// deadline's own, for any request and issue date in the table.
        #[test]
        fn t_final_20w_sen2_test_is_the_deadline(received in 0u32..3_000, after in 0u32..400) {
            let cal = HolidayCalendar::england_and_wales();
            let received = d(2020, 1, 1) + chrono::Days::new(u64::from(received));
            let issued = received + chrono::Days::new(u64::from(after));
            let due = final_plan_due(received, &cal).unwrap().due();
            proptest::prop_assert_eq!(issued_within_20_weeks(received, issued).unwrap(), issued <= due);
            proptest::prop_assert_eq!(issued <= due, after <= 140);
        }
    }

    /// Every convention, with arbitrary periods (none included) and a
    /// certificate within a year of the anchor.
    fn any_convention(anchor: NaiveDate) -> impl proptest::strategy::Strategy<Value = Convention> {
        use proptest::prelude::*;
        let certificate = prop_oneof![
            Just(MediationCertificate::NotIssued),
            (-400i64..400).prop_map(move |off| MediationCertificate::Issued(
                anchor
                    .checked_add_signed(chrono::Duration::days(off))
                    .unwrap_or(anchor)
            )),
        ];
        let n = prop_oneof![0u32..=3, 0u32..=60, 0u32..=800];
        prop_oneof![
            n.clone()
                .prop_map(|weeks| Convention::WithinWeeksOf { weeks }),
            n.clone()
                .prop_map(|days| Convention::DaysBeginningWith { days }),
            n.clone().prop_map(|days| Convention::WithinDaysOf { days }),
            n.clone()
                .prop_map(|weeks| Convention::WeeksBefore { weeks }),
            n.clone()
                .prop_map(|months| Convention::WithinMonthsAfter { months }),
            n.clone()
                .prop_map(|months| Convention::MonthsStartingWith { months }),
            n.clone()
                .prop_map(|months| Convention::MonthsBefore { months }),
            (
                1u32..=12,
                1u32..=31,
                prop_oneof![
                    Just(FixedDateReading::Strict),
                    Just(FixedDateReading::CodeOfPractice)
                ]
            )
                .prop_map(|(month, day, reading)| Convention::BeforeFixedDate {
                    month,
                    day,
                    reading
                }),
            n.prop_map(|days| Convention::WorkingDaysAfter { days }),
            certificate.prop_map(|certificate| Convention::AppealLimit { certificate }),
        ]
    }

    proptest::proptest! {
        /// DC-1 to DC-8 and T-APPEAL-2M-1M: a deadline counted on the
        /// calendar's day numbers is the deadline counted with chrono's
        /// calendar arithmetic — the same due date, kind of day and tribunal
        /// date, or the same error — for arbitrary anchors (year ends and the
        /// table's edges included, dates outside it too), conventions and calendars.
        #[test]
        fn day_number_deadlines_equal_the_date_deadlines(
            ((cal, anchor), convention) in proptest::strategy::Strategy::prop_flat_map(
                crate::calendar::testing::calendar_and_date(),
                |(cal, anchor)| (proptest::prelude::Just((cal, anchor)), any_convention(anchor)),
            ),
        ) {
            let on_dates = Deadline::parts_on_dates(anchor, convention, &cal).map(
                |(due, due_day, tribunal_effective)| Deadline {
                    rule: RuleId::TAppeal2m1m,
                    anchor,
                    convention,
                    due,
                    due_day,
                    tribunal_effective,
                },
            );
            proptest::prop_assert_eq!(Deadline::compute(RuleId::TAppeal2m1m, anchor, convention, &cal), on_dates);
            proptest::prop_assert_eq!(convention.due_from(anchor, &cal), convention.due_on_dates(anchor, &cal));
            proptest::prop_assert_eq!(tribunal_effective_date(anchor, &cal), tribunal_effective_on_dates(anchor, &cal));
        }
    }

    /// The same, exhaustively: every anchor of the built-in calendar under
    /// the periods the crate's deadlines use.
    #[test]
    fn day_number_deadlines_equal_the_date_deadlines_every_builtin_day() {
        let cal = HolidayCalendar::england_and_wales();
        let conventions = [
            Convention::WithinWeeksOf { weeks: 6 },
            Convention::WithinWeeksOf { weeks: 20 },
            Convention::DaysBeginningWith { days: 15 },
            Convention::WithinDaysOf { days: 15 },
            Convention::WeeksBefore { weeks: 2 },
            Convention::WithinMonthsAfter { months: 2 },
            Convention::MonthsStartingWith { months: 12 },
            Convention::MonthsBefore { months: 5 },
            Convention::WorkingDaysAfter { days: 3 },
            Convention::AppealLimit {
                certificate: MediationCertificate::NotIssued,
            },
        ];
        let mut anchor = d(2014, 12, 1);
        while anchor <= d(2036, 1, 31) {
            for convention in conventions {
                let on_dates = Deadline::parts_on_dates(anchor, convention, &cal);
                let fast = Deadline::compute(RuleId::TFinal20w, anchor, convention, &cal)
                    .map(|x| (x.due(), x.due_day(), x.tribunal_effective()));
                assert_eq!(fast, on_dates, "{convention} from {anchor}");
            }
            assert_eq!(
                tribunal_effective_date(anchor, &cal),
                tribunal_effective_on_dates(anchor, &cal),
                "{anchor}"
            );
            anchor = anchor.succ_opt().unwrap();
        }
    }

    #[test]
    fn dc8_tribunal_effective_dates() {
        let cal = HolidayCalendar::england_and_wales();
        assert_eq!(
            tribunal_effective_date(d(2025, 8, 2), &cal).unwrap(),
            d(2025, 9, 1)
        );
        assert_eq!(
            tribunal_effective_date(d(2025, 12, 27), &cal).unwrap(),
            d(2026, 1, 2)
        );
        assert_eq!(
            tribunal_effective_date(d(2026, 1, 1), &cal).unwrap(),
            d(2026, 1, 2)
        );
        assert_eq!(
            tribunal_effective_date(d(2025, 6, 22), &cal).unwrap(),
            d(2025, 6, 23)
        );
        assert_eq!(
            tribunal_effective_date(d(2025, 6, 20), &cal).unwrap(),
            d(2025, 6, 20)
        );
    }

    #[test]
    fn t_appeal_2m_1m_takes_the_later_limit() {
        let cal = HolidayCalendar::england_and_wales();
        let a = appeal_due(
            d(2025, 4, 16),
            MediationCertificate::Issued(d(2025, 5, 22)),
            &cal,
        )
        .unwrap();
        assert_eq!(a.due(), d(2025, 6, 22));
        assert_eq!(a.tribunal_effective(), Some(d(2025, 6, 23)));
        let b = appeal_due(
            d(2025, 4, 16),
            MediationCertificate::Issued(d(2025, 4, 20)),
            &cal,
        )
        .unwrap();
        assert_eq!(b.due(), d(2025, 6, 16));
    }

    #[test]
    fn t_review_12m_readings() {
        let cal = HolidayCalendar::england_and_wales();
        let strict = review_due(d(2025, 5, 23), ReviewDueReading::default(), &cal).unwrap();
        assert_eq!(strict.due(), d(2026, 5, 22));
        let lenient = review_due(d(2025, 5, 23), ReviewDueReading::Anniversary, &cal).unwrap();
        assert_eq!(lenient.due(), d(2026, 5, 23));
        // DC-5 at month ends: a plan made on 29 February is reviewed by 28
        // February; one made on 1 March 2023 by 29 February 2024.
        let leap = review_due(d(2024, 2, 29), ReviewDueReading::default(), &cal).unwrap();
        assert_eq!(leap.due(), d(2025, 2, 28));
        let march = review_due(d(2023, 3, 1), ReviewDueReading::default(), &cal).unwrap();
        assert_eq!(march.due(), d(2024, 2, 29));
        assert!(UnderFiveInterval::months(2).is_err());
        assert_eq!(
            under_five_review_due(d(2025, 1, 31), UnderFiveInterval::months(3).unwrap(), &cal)
                .unwrap()
                .due(),
            d(2025, 4, 30)
        );
    }

    #[test]
    fn dc9_receipt_estimates() {
        let cal = HolidayCalendar::england_and_wales();
        let fri = d(2025, 4, 17); // Thursday before Good Friday
        assert_eq!(
            estimated_receipt(fri, ServiceMethod::FirstClassPost, &cal).unwrap(),
            d(2025, 4, 22)
        );
        assert_eq!(
            estimated_receipt(
                d(2025, 6, 2),
                ServiceMethod::Email {
                    time: SentTime::BeforeFivePm
                },
                &cal
            )
            .unwrap(),
            d(2025, 6, 2)
        );
        assert_eq!(
            estimated_receipt(
                d(2025, 6, 2),
                ServiceMethod::Email {
                    time: SentTime::AfterFivePm
                },
                &cal
            )
            .unwrap(),
            d(2025, 6, 3)
        );
        assert_eq!(
            estimated_receipt(
                d(2025, 6, 7),
                ServiceMethod::HandDelivery {
                    time: SentTime::BeforeFivePm
                },
                &cal
            )
            .unwrap(),
            d(2025, 6, 9)
        );
        assert_eq!(
            estimated_receipt(
                d(2025, 6, 2),
                ServiceMethod::SecondClassPostPracticeDirection,
                &cal
            )
            .unwrap(),
            d(2025, 6, 6)
        );
        assert!(estimated_receipt(
            d(2025, 6, 2),
            ServiceMethod::SignedFor {
                signed_on: d(2025, 6, 1)
            },
            &cal
        )
        .is_err());
    }

    #[test]
    fn extreme_dates_are_errors_not_panics() {
        let cal = HolidayCalendar::england_and_wales();
        assert!(final_plan_due(NaiveDate::MAX, &cal).is_err());
        assert!(review_invitations_due(NaiveDate::MIN, &cal).is_err());
        assert!(appeal_due(NaiveDate::MAX, MediationCertificate::NotIssued, &cal).is_err());
        assert!(statutory_timeline(NaiveDate::MAX, &cal).is_err());
    }

    /// T-DECIDE-6W, T-FINAL-20W: a stored timeline must hold each field's own
    /// rule from one anchor.
    #[cfg(feature = "serde")]
    #[test]
    fn t_final_20w_a_stored_timeline_is_checked() {
        let cal = HolidayCalendar::england_and_wales();
        let t = statutory_timeline(d(2025, 1, 6), &cal).unwrap();
        let v = serde_json::to_value(t).unwrap();
        let back: StatutoryTimeline = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(back, t);
        let mut swapped = v.clone();
        swapped["final_plan"] = v["draft_target"].clone();
        assert!(serde_json::from_value::<StatutoryTimeline>(swapped).is_err());
        let other = statutory_timeline(d(2025, 2, 3), &cal).unwrap();
        let mut moved = v;
        moved["final_plan"] = serde_json::to_value(other.final_plan).unwrap();
        let err = serde_json::from_value::<StatutoryTimeline>(moved).unwrap_err();
        assert!(
            err.to_string().contains("T-FINAL-20W from 2025-01-06"),
            "{err}"
        );
    }

    /// T-PHASE-15FEB: a stored phase-transfer plan's dates are what its deadline gives.
    #[cfg(feature = "serde")]
    #[test]
    fn t_phase_15feb_a_stored_plan_is_checked() {
        let cal = HolidayCalendar::england_and_wales();
        let plan = plan_phase_transfer(
            d(2026, 9, 1),
            PhaseTransfer::PrimaryToSecondary,
            FixedDateReading::Strict,
            &cal,
        )
        .unwrap();
        let v = serde_json::to_value(plan).unwrap();
        assert_eq!(
            serde_json::from_value::<PhaseTransferPlan>(v.clone()).unwrap(),
            plan
        );
        let mut late = v.clone();
        late["latest_review_meeting"] = "2026-02-01".into();
        assert!(serde_json::from_value::<PhaseTransferPlan>(late).is_err());
        let mut other = v;
        other["amended_plan"] =
            serde_json::to_value(decision_to_assess_due(d(2025, 1, 6), &cal).unwrap()).unwrap();
        assert!(serde_json::from_value::<PhaseTransferPlan>(other).is_err());
    }
}
