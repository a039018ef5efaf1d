//! Exceptions to the time limits, and judging an act against a deadline.
//!
//! The Regulations let the council (or an adviser) miss certain limits when "it
//! is impractical to do so because" of a listed ground (the exception provisions of the SEND Regulations 2014). An exception
//! **never moves the due date** and computes no new one (DC-10): the fixed limit
//! is disapplied while the cause makes compliance impractical, "as soon as
//! practicable" still binds, and each deadline is judged on its own — a
//! week-6 exception does not carry to week 16 or week 20.
//!
//! The model is [`Compliance`]: `Met | Pending | Missed | MissedExcused(id)`,
//! always against the unchanged [`Deadline`].
//!
//! ```
//! use send_pathway::exceptions::{judge, Act, Compliance, ExceptionClaim, ExceptionGround, ExceptionId};
//! use send_pathway::{deadlines, HolidayCalendar, NaiveDate};
//!
//! let cal = HolidayCalendar::england_and_wales();
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("not a date");
//! let decision = deadlines::decision_to_assess_due(d(2025, 1, 6)?, &cal)?; // T-DECIDE-6W
//! let claim = ExceptionClaim::new(
//!     "EXC-5-4".parse::<ExceptionId>()?,
//!     ExceptionGround::ExceptionalPersonalCircumstances,
//!     "the family were bereaved in February",
//!     "the parent could not meet the council or give views",
//! )?;
//! let judged = judge(&decision, Act::Done(d(2025, 3, 3)?), d(2025, 3, 3)?, &[claim])?;
//! assert_eq!(judged, Compliance::MissedExcused(ExceptionId::Exc5_4));
//! assert_eq!(judged.to_string(), "Missed, excused (EXC-5-4)");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;

use chrono::NaiveDate;

use crate::calendar::{ClosedPeriod, DateRange};
use crate::deadlines::Deadline;
use crate::error::{Error, Result};
use crate::rule::RuleId;

/// The exception provisions of the SEND Regulations 2014.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ExceptionId {
    /// EXC-5-4: reg 5(4), excuses T-DECIDE-6W.
    #[cfg_attr(feature = "serde", serde(rename = "EXC-5-4"))]
    Exc5_4,
    /// EXC-8-2: reg 8(2), excuses T-ADVICE-6W.
    #[cfg_attr(feature = "serde", serde(rename = "EXC-8-2"))]
    Exc8_2,
    /// EXC-10-4: reg 10(4), excuses T-NOTISSUE-16W.
    #[cfg_attr(feature = "serde", serde(rename = "EXC-10-4"))]
    Exc10_4,
    /// EXC-13-3: reg 13(3), excuses T-FINAL-20W (on the reg 10(4)(a)–(d) grounds).
    #[cfg_attr(feature = "serde", serde(rename = "EXC-13-3"))]
    Exc13_3,
    /// EXC-27-3: reg 27(3), excuses T-REASSESS-FINAL-14W.
    #[cfg_attr(feature = "serde", serde(rename = "EXC-27-3"))]
    Exc27_3,
    /// EXC-COVID: SI 2020/471, coronavirus, 1 May to 25 September 2020 only. Historic data.
    #[cfg_attr(feature = "serde", serde(rename = "EXC-COVID"))]
    ExcCovid,
    /// EXC-44-3 (reg 44(3)): the periods after a tribunal order
    /// (T-ORDER-ASSESS, T-ORDER-PLAN, T-ORDER-AMEND) are disapplied while it
    /// is impractical to meet them because of exceptional personal
    /// circumstances, or an absence from the area of at least 2 continuous
    /// weeks. A third ground is unverified; it is not offered.
    #[cfg_attr(feature = "serde", serde(rename = "EXC-44-3"))]
    Exc44_3,
}

/// First and last day of the coronavirus exception (SI 2020/471), inclusive.
const COVID_FIRST: (i32, u32, u32) = (2020, 5, 1);
const COVID_LAST: (i32, u32, u32) = (2020, 9, 25);

/// Minimum continuous closure, and minimum absence, in days.
pub const MINIMUM_CLOSURE_DAYS: i64 = 28;
/// Minimum continuous absence from the area inside the statutory period, in days
/// (the conservative reading of "a continuous period of not less than 4 weeks").
pub const MINIMUM_ABSENCE_DAYS: i64 = 28;

/// EXC-44-3: an absence from the area excuses a tribunal order's period only
/// if it lasts at least 2 continuous weeks (reg 44(3)).
pub const MINIMUM_ABSENCE_DAYS_AFTER_ORDER: i64 = 14;

/// The shortest absence from the area an exception's ground accepts:
/// 2 weeks for EXC-44-3, 4 weeks for the others.
fn minimum_absence_days(exception: ExceptionId) -> i64 {
    if exception == ExceptionId::Exc44_3 {
        MINIMUM_ABSENCE_DAYS_AFTER_ORDER
    } else {
        MINIMUM_ABSENCE_DAYS
    }
}

impl ExceptionId {
    /// Every exception, in the order of the Regulations.
    pub const ALL: [ExceptionId; 7] = [
        ExceptionId::Exc5_4,
        ExceptionId::Exc8_2,
        ExceptionId::Exc10_4,
        ExceptionId::Exc13_3,
        ExceptionId::Exc27_3,
        ExceptionId::ExcCovid,
        ExceptionId::Exc44_3,
    ];

    /// The rule that states the exception.
    pub fn rule(self) -> RuleId {
        match self {
            ExceptionId::Exc5_4 => RuleId::Exc5_4,
            ExceptionId::Exc8_2 => RuleId::Exc8_2,
            ExceptionId::Exc10_4 => RuleId::Exc10_4,
            ExceptionId::Exc13_3 => RuleId::Exc13_3,
            ExceptionId::Exc27_3 => RuleId::Exc27_3,
            ExceptionId::ExcCovid => RuleId::ExcCovid,
            ExceptionId::Exc44_3 => RuleId::Exc44_3,
        }
    }

    /// Whether this exception can excuse a deadline of `rule`.
    ///
    /// The coronavirus modification reached the Regulations' time limits
    /// generally, so EXC-COVID excuses any statutory clock of the SEND
    /// Regulations; never a local target or the tribunal's own limits.
    pub fn excuses(self, rule: RuleId) -> bool {
        match self {
            ExceptionId::Exc5_4 => rule == RuleId::TDecide6w,
            ExceptionId::Exc8_2 => rule == RuleId::TAdvice6w,
            ExceptionId::Exc10_4 => rule == RuleId::TNotIssue16w,
            ExceptionId::Exc13_3 => rule == RuleId::TFinal20w,
            ExceptionId::Exc27_3 => rule == RuleId::TReassessFinal14w,
            ExceptionId::Exc44_3 => matches!(
                rule,
                RuleId::TOrderAssess | RuleId::TOrderPlan | RuleId::TOrderAmend
            ),
            ExceptionId::ExcCovid => {
                rule.is_statutory()
                    && rule.source().contains("SEND Regulations")
                    && rule.code().starts_with("T-")
            }
        }
    }

    /// Whether `ground` is one the provision lists.
    pub fn allows(self, ground: &ExceptionGround) -> bool {
        use ExceptionGround as G;
        match self {
            ExceptionId::Exc5_4
            | ExceptionId::Exc10_4
            | ExceptionId::Exc13_3
            | ExceptionId::Exc27_3 => matches!(
                ground,
                G::SchoolClosure { .. }
                    | G::EarlyYearsClosure { .. }
                    | G::ExceptionalPersonalCircumstances
                    | G::AbsenceFromArea { .. }
            ),
            ExceptionId::Exc8_2 => matches!(
                ground,
                G::ExceptionalPersonalCircumstances
                    | G::AbsenceFromArea { .. }
                    | G::MissedAppointment { .. }
            ),
            ExceptionId::ExcCovid => matches!(ground, G::Coronavirus),
            ExceptionId::Exc44_3 => matches!(
                ground,
                G::ExceptionalPersonalCircumstances | G::AbsenceFromArea { .. }
            ),
        }
    }
}

/// The code, e.g. `EXC-13-3`, honouring width, fill and alignment.
impl fmt::Display for ExceptionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.rule().code())
    }
}

/// Reads an exception by its code, exactly as catalogued (`EXC-13-3`), like
/// [`RuleId`]'s codes; surrounding spaces are ignored.
///
/// ```
/// use send_pathway::ExceptionId;
///
/// let id: ExceptionId = "EXC-13-3".parse()?;
/// assert_eq!(id, ExceptionId::Exc13_3);
/// assert_eq!(id.to_string().parse::<ExceptionId>()?, id);
/// assert!("EXC-99".parse::<ExceptionId>().is_err());
/// assert!("exc-13-3".parse::<ExceptionId>().is_err()); // codes are exact
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl core::str::FromStr for ExceptionId {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let code = s.trim();
        ExceptionId::ALL
            .iter()
            .copied()
            .find(|id| id.rule().code() == code)
            .ok_or_else(|| Error::Unparsable {
                given: s.to_owned(),
                expected: "an exception code: EXC-5-4, EXC-8-2, EXC-10-4, EXC-13-3, EXC-27-3, EXC-44-3 or EXC-COVID",
            })
    }
}

/// The facts an exception rests on (the lettered grounds of the Regulations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "ground", rename_all = "snake_case", from = "GroundRecord")
)]
#[non_exhaustive]
pub enum ExceptionGround {
    /// Ground (a): the council asked the school or post-16 head/principal for
    /// advice during the closure window of that setting. Never covers EP,
    /// health or social-care advice.
    SchoolClosure {
        /// The date of the council's request for that setting's advice.
        advice_requested_on: NaiveDate,
        /// The setting's continuous closure.
        closure: ClosedPeriod,
    },
    /// Ground (b): the same for an early-years provider's SEN lead.
    EarlyYearsClosure {
        /// The date of the council's request for that provider's advice.
        advice_requested_on: NaiveDate,
        /// The provider's continuous closure.
        closure: ClosedPeriod,
    },
    /// Exceptional personal circumstances affecting the child, the parent or
    /// the young person during the period (5(4)(c), 8(2)(a)). The facts go in
    /// the claim's text.
    ExceptionalPersonalCircumstances,
    /// Absence of the child, parent or young person from the council's area for
    /// a continuous period of at least 4 weeks during the period (5(4)(d), 8(2)(b)).
    AbsenceFromArea {
        /// The days absent.
        absence: DateRange,
    },
    /// The child or young person missed an appointment for an examination or
    /// test the adviser made during the period (8(2)(c)).
    MissedAppointment {
        /// The day of the missed appointment.
        appointment_on: NaiveDate,
    },
    /// The coronavirus reason (EXC-COVID).
    Coronavirus,
}

/// The stored form of an [`ExceptionGround`]. Serde ignores unknown fields on
/// the unit variants of an internally tagged enum, so every variant is a
/// struct here and unknown fields are refused for all of them.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(tag = "ground", rename_all = "snake_case", deny_unknown_fields)]
enum GroundRecord {
    SchoolClosure {
        advice_requested_on: NaiveDate,
        closure: ClosedPeriod,
    },
    EarlyYearsClosure {
        advice_requested_on: NaiveDate,
        closure: ClosedPeriod,
    },
    ExceptionalPersonalCircumstances {},
    AbsenceFromArea {
        absence: DateRange,
    },
    MissedAppointment {
        appointment_on: NaiveDate,
    },
    Coronavirus {},
}

#[cfg(feature = "serde")]
impl From<GroundRecord> for ExceptionGround {
    fn from(r: GroundRecord) -> Self {
        match r {
            GroundRecord::SchoolClosure {
                advice_requested_on,
                closure,
            } => ExceptionGround::SchoolClosure {
                advice_requested_on,
                closure,
            },
            GroundRecord::EarlyYearsClosure {
                advice_requested_on,
                closure,
            } => ExceptionGround::EarlyYearsClosure {
                advice_requested_on,
                closure,
            },
            GroundRecord::ExceptionalPersonalCircumstances {} => {
                ExceptionGround::ExceptionalPersonalCircumstances
            }
            GroundRecord::AbsenceFromArea { absence } => {
                ExceptionGround::AbsenceFromArea { absence }
            }
            GroundRecord::MissedAppointment { appointment_on } => {
                ExceptionGround::MissedAppointment { appointment_on }
            }
            GroundRecord::Coronavirus {} => ExceptionGround::Coronavirus,
        }
    }
}

/// The ground in words, honouring width, fill and alignment.
impl fmt::Display for ExceptionGround {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExceptionGround::SchoolClosure {
                advice_requested_on,
                closure,
            } => f.pad(&format!(
                "school closure: advice requested {advice_requested_on}, {closure}"
            )),
            ExceptionGround::EarlyYearsClosure {
                advice_requested_on,
                closure,
            } => f.pad(&format!(
                "early-years closure: advice requested {advice_requested_on}, {closure}"
            )),
            ExceptionGround::ExceptionalPersonalCircumstances => {
                f.pad("exceptional personal circumstances")
            }
            ExceptionGround::AbsenceFromArea { absence } => {
                f.pad(&format!("absence from the area {absence}"))
            }
            ExceptionGround::MissedAppointment { appointment_on } => {
                f.pad(&format!("missed appointment on {appointment_on}"))
            }
            ExceptionGround::Coronavirus => f.pad("coronavirus (SI 2020/471)"),
        }
    }
}

/// The closure window of a continuous closure (grounds (a)/(b)).
///
/// With C the first closed day and R the reopening day, a closure counts only
/// if it lasted at least 28 days (R − C ≥ 28); the window is then C − 7 …
/// R − 7, both ends included (inclusivity is unverified; the crate follows this reading and says so).
/// Returns `None` for a shorter closure.
///
/// ```
/// use chrono::NaiveDate;
/// use send_pathway::{calendar::ClosedPeriod, exceptions::closure_window};
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("not a date");
/// let summer = ClosedPeriod { first_closed: d(2025, 7, 23)?, reopens: d(2025, 9, 3)? };
/// let window = closure_window(summer).ok_or("closure shorter than 28 days")?;
/// assert_eq!((window.first(), window.last()), (d(2025, 7, 16)?, d(2025, 8, 27)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn closure_window(closure: ClosedPeriod) -> Option<DateRange> {
    if closure.days_closed() < MINIMUM_CLOSURE_DAYS {
        return None;
    }
    let week = chrono::Days::new(7);
    let first = closure.first_closed.checked_sub_days(week)?;
    let last = closure.reopens.checked_sub_days(week)?;
    DateRange::new(first, last).ok()
}

/// An exception claimed against one deadline, with the record the Code of
/// Practice expects: the ground, the facts, and why compliance was impractical
/// (and the parent or young person must be told, CoP 9.43).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "ExceptionClaimRecord", into = "ExceptionClaimRecord")
)]
pub struct ExceptionClaim {
    exception: ExceptionId,
    ground: ExceptionGround,
    facts: String,
    impractical_because: String,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ExceptionClaimRecord {
    exception: ExceptionId,
    ground: ExceptionGround,
    facts: String,
    impractical_because: String,
}

#[cfg(feature = "serde")]
impl TryFrom<ExceptionClaimRecord> for ExceptionClaim {
    type Error = Error;
    fn try_from(r: ExceptionClaimRecord) -> Result<Self> {
        ExceptionClaim::new(r.exception, r.ground, r.facts, r.impractical_because)
    }
}

#[cfg(feature = "serde")]
impl From<ExceptionClaim> for ExceptionClaimRecord {
    fn from(c: ExceptionClaim) -> Self {
        ExceptionClaimRecord {
            exception: c.exception,
            ground: c.ground,
            facts: c.facts,
            impractical_because: c.impractical_because,
        }
    }
}

impl ExceptionClaim {
    /// Record a claim.
    ///
    /// # Errors
    ///
    /// [`Error::ExceptionNotApplicable`] when the provision does not list the
    /// ground, when the facts or the "impractical because" note is empty, or
    /// when an absence or a closure is shorter than any such ground can be
    /// (EXC-5-4, EXC-8-2, EXC-10-4, EXC-13-3, EXC-27-3: 4 weeks; EXC-44-3's
    /// absence: 2 weeks).
    pub fn new(
        exception: ExceptionId,
        ground: ExceptionGround,
        facts: impl Into<String>,
        impractical_because: impl Into<String>,
    ) -> Result<Self> {
        let (facts, impractical_because) = (facts.into(), impractical_because.into());
        let not = |reason: &str| Error::ExceptionNotApplicable {
            exception,
            reason: reason.to_owned(),
        };
        if !exception.allows(&ground) {
            return Err(not("the provision does not list that ground"));
        }
        if facts.trim().is_empty() {
            return Err(not("record the facts the exception rests on"));
        }
        if impractical_because.trim().is_empty() {
            return Err(not("record why keeping to the time limit was impractical"));
        }
        // What no calendar can change is checked here, so a claim that can
        // never excuse anything is refused live and on read-back alike; the
        // overlap with the period is judged against the deadline itself.
        match ground {
            ExceptionGround::AbsenceFromArea { absence } => {
                let minimum = minimum_absence_days(exception);
                let days = (absence.last() - absence.first())
                    .num_days()
                    .saturating_add(1);
                if days < minimum {
                    return Err(not(&format!(
                        "the absence {absence} lasts {days} days; it must last at least {minimum} continuous days"
                    )));
                }
            }
            ExceptionGround::SchoolClosure { closure, .. }
            | ExceptionGround::EarlyYearsClosure { closure, .. }
                if closure.days_closed() < MINIMUM_CLOSURE_DAYS =>
            {
                return Err(not(&format!(
                    "the closure from {} lasted {} days; it must last at least {MINIMUM_CLOSURE_DAYS}",
                    closure.first_closed,
                    closure.days_closed()
                )));
            }
            _ => {}
        }
        Ok(ExceptionClaim {
            exception,
            ground,
            facts,
            impractical_because,
        })
    }

    /// The provision claimed.
    pub fn exception(&self) -> ExceptionId {
        self.exception
    }

    /// The ground.
    pub fn ground(&self) -> &ExceptionGround {
        &self.ground
    }

    /// The facts recorded.
    pub fn facts(&self) -> &str {
        &self.facts
    }

    /// Why compliance was impractical.
    pub fn impractical_because(&self) -> &str {
        &self.impractical_because
    }

    /// Check the claim against one deadline: that the provision excuses that
    /// rule and that the ground's facts meet the legal test.
    ///
    /// # Errors
    ///
    /// [`Error::ExceptionNotApplicable`] saying which test failed.
    pub fn check_against(&self, deadline: &Deadline) -> Result<()> {
        let id = self.exception;
        let not = |reason: String| {
            Err(Error::ExceptionNotApplicable {
                exception: id,
                reason,
            })
        };
        if !id.excuses(deadline.rule()) {
            return not(format!(
                "{id} does not apply to {} (each deadline is judged on its own)",
                deadline.rule()
            ));
        }
        // The statutory period: the day after the anchor up to the due date.
        let period_start = deadline.anchor().succ_opt().unwrap_or(deadline.anchor());
        let period =
            DateRange::new(period_start, deadline.due()).unwrap_or(DateRange::day(deadline.due()));
        match self.ground {
            ExceptionGround::SchoolClosure { advice_requested_on, closure }
            | ExceptionGround::EarlyYearsClosure { advice_requested_on, closure } => match closure_window(closure) {
                None => not(format!(
                    "the closure from {} lasted {} days; it must last at least {MINIMUM_CLOSURE_DAYS}",
                    closure.first_closed,
                    closure.days_closed()
                )),
                Some(window) if !window.contains(advice_requested_on) => not(format!(
                    "the advice was requested on {advice_requested_on}, outside the closure window {} to {}",
                    window.first(),
                    window.last()
                )),
                Some(_) => Ok(()),
            },
            ExceptionGround::ExceptionalPersonalCircumstances => Ok(()),
            ExceptionGround::AbsenceFromArea { absence } => {
                let first = absence.first().max(period.first());
                let last = absence.last().min(period.last());
                let days = (last - first).num_days() + 1;
                let minimum = minimum_absence_days(self.exception);
                if days >= minimum {
                    Ok(())
                } else {
                    not(format!(
                        "only {} days of the absence fall within the period {} to {}; at least {minimum} continuous days are needed",
                        days.max(0),
                        period.first(),
                        period.last()
                    ))
                }
            }
            ExceptionGround::MissedAppointment { appointment_on } => {
                if period.contains(appointment_on) {
                    Ok(())
                } else {
                    not(format!("the missed appointment on {appointment_on} is outside the period {} to {}", period.first(), period.last()))
                }
            }
            ExceptionGround::Coronavirus => {
                let covid = match (
                    NaiveDate::from_ymd_opt(COVID_FIRST.0, COVID_FIRST.1, COVID_FIRST.2),
                    NaiveDate::from_ymd_opt(COVID_LAST.0, COVID_LAST.1, COVID_LAST.2),
                ) {
                    (Some(a), Some(b)) => DateRange::new(a, b)?,
                    _ => return not("the coronavirus period cannot be represented".into()),
                };
                if period.overlaps(&covid) {
                    Ok(())
                } else {
                    not(format!(
                        "the period {} to {} does not overlap 1 May to 25 September 2020",
                        period.first(),
                        period.last()
                    ))
                }
            }
        }
    }
}

/// Whether the act a deadline asks for has been done.
///
/// Not `#[non_exhaustive]` on purpose: an act is done on a day or not done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        tag = "status",
        content = "on",
        rename_all = "snake_case",
        deny_unknown_fields
    )
)]
pub enum Act {
    /// Done on this date.
    Done(NaiveDate),
    /// Not done yet.
    NotDone,
}

/// How an act stands against its deadline.
///
/// `#[non_exhaustive]`: an outcome may join in a minor release, so match with
/// a wildcard arm (or use [`is_in_time`](Self::is_in_time)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        tag = "status",
        content = "exception",
        rename_all = "snake_case",
        deny_unknown_fields
    )
)]
#[non_exhaustive]
pub enum Compliance {
    /// Done on or before the due date.
    Met,
    /// Not done, and the due date has not passed.
    Pending,
    /// Done late, or not done and the due date has passed.
    Missed,
    /// Missed, but an exception applies; the due date did not move.
    MissedExcused(ExceptionId),
}

impl Compliance {
    /// Whether the limit was kept or is still open (Met or Pending).
    pub fn is_in_time(self) -> bool {
        matches!(self, Compliance::Met | Compliance::Pending)
    }
}

/// `Met`, `Pending`, `Missed`, `Missed, excused (EXC-13-3)`, honouring width, fill and alignment.
impl fmt::Display for Compliance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Compliance::Met => f.pad("Met"),
            Compliance::Pending => f.pad("Pending"),
            Compliance::Missed => f.pad("Missed"),
            Compliance::MissedExcused(id) => f.pad(&format!("Missed, excused ({id})")),
        }
    }
}

/// Where an obligation stands today, for reports and chase lists: [`Compliance`]
/// with a missed limit split by whether the act is still outstanding.
///
/// `#[non_exhaustive]`: a status may join in a minor release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        tag = "status",
        content = "exception",
        rename_all = "snake_case",
        deny_unknown_fields
    )
)]
#[non_exhaustive]
pub enum Status {
    /// Done on or before the due date.
    Met,
    /// Not done; still in time.
    Pending,
    /// Not done; past the due date.
    Overdue,
    /// Done, but after the due date.
    Late,
    /// Past the due date, but an exception applies (the date did not move).
    MissedExcused(ExceptionId),
}

impl Status {
    /// The status of an act judged as `compliance`.
    pub fn from_judgement(compliance: Compliance, act: Act) -> Self {
        match (compliance, act) {
            (Compliance::Met, _) => Status::Met,
            (Compliance::Pending, _) => Status::Pending,
            (Compliance::MissedExcused(id), _) => Status::MissedExcused(id),
            (Compliance::Missed, Act::NotDone) => Status::Overdue,
            (Compliance::Missed, Act::Done(_)) => Status::Late,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Met => f.pad("Met"),
            Status::Pending => f.pad("Pending"),
            Status::Overdue => f.pad("Overdue"),
            Status::Late => f.pad("Late"),
            Status::MissedExcused(id) => f.pad(&format!("Missed, excused ({id})")),
        }
    }
}

/// `done 2025-05-23` or `not done`, honouring width, fill and alignment.
impl fmt::Display for Act {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Act::Done(on) => f.pad(&format!("done {on}")),
            Act::NotDone => f.pad("not done"),
        }
    }
}

/// Judge an act against one deadline on `today`, with any exceptions claimed
/// for that deadline.
///
/// The due date never moves. An exception matters only when the limit was
/// missed: then the first claim that holds makes the result
/// [`Compliance::MissedExcused`].
///
/// ```
/// use chrono::NaiveDate;
/// use send_pathway::{calendar::HolidayCalendar, deadlines, exceptions::{judge, Act, Compliance}};
/// let cal = HolidayCalendar::england_and_wales();
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("not a date");
/// let final_plan = deadlines::final_plan_due(d(2025, 1, 6)?, &cal)?;
/// assert_eq!(judge(&final_plan, Act::Done(d(2025, 5, 23)?), d(2025, 6, 1)?, &[])?, Compliance::Met);
/// assert_eq!(judge(&final_plan, Act::NotDone, d(2025, 5, 1)?, &[])?, Compliance::Pending);
/// assert_eq!(judge(&final_plan, Act::NotDone, d(2025, 5, 27)?, &[])?, Compliance::Missed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`Error::ExceptionNotApplicable`] when a claim does not hold for this
/// deadline (claims are never silently ignored); [`Error::DatesOutOfOrder`]
/// when a forward-running act is dated before the event that started its clock.
pub fn judge(
    deadline: &Deadline,
    act: Act,
    today: NaiveDate,
    claims: &[ExceptionClaim],
) -> Result<Compliance> {
    for claim in claims {
        claim.check_against(deadline)?;
    }
    let late = match act {
        Act::Done(on) => {
            if deadline.convention().runs_forward() && on < deadline.anchor() {
                return Err(Error::DatesOutOfOrder {
                    earlier_label: "the event that started the clock",
                    earlier: deadline.anchor(),
                    later_label: "the act",
                    later: on,
                });
            }
            on > deadline.due()
        }
        Act::NotDone => today > deadline.due(),
    };
    Ok(match (late, act, claims.first()) {
        (false, Act::Done(_), _) => Compliance::Met,
        (false, Act::NotDone, _) => Compliance::Pending,
        (true, _, Some(claim)) => Compliance::MissedExcused(claim.exception()),
        (true, _, None) => Compliance::Missed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::HolidayCalendar;
    use crate::deadlines;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn summer() -> ClosedPeriod {
        ClosedPeriod {
            first_closed: d(2025, 7, 23),
            reopens: d(2025, 9, 3),
        }
    }

    #[test]
    fn closure_window_needs_28_days() {
        let short = ClosedPeriod {
            first_closed: d(2025, 10, 25),
            reopens: d(2025, 11, 3),
        };
        assert_eq!(closure_window(short), None);
        let exactly = ClosedPeriod {
            first_closed: d(2025, 7, 1),
            reopens: d(2025, 7, 29),
        };
        assert!(closure_window(exactly).is_some());
    }

    #[test]
    fn exc_13_3_excuses_only_the_final_plan() {
        let cal = HolidayCalendar::england_and_wales();
        let claim = ExceptionClaim::new(
            ExceptionId::Exc13_3,
            ExceptionGround::SchoolClosure {
                advice_requested_on: d(2025, 7, 17),
                closure: summer(),
            },
            "head teacher asked for advice on 17 July; school closed 23 July to 2 September",
            "the school could not give its advice while closed",
        )
        .unwrap();
        let final_plan = deadlines::final_plan_due(d(2025, 5, 19), &cal).unwrap();
        assert_eq!(
            judge(
                &final_plan,
                Act::Done(d(2025, 10, 24)),
                d(2025, 11, 1),
                std::slice::from_ref(&claim)
            )
            .unwrap(),
            Compliance::MissedExcused(ExceptionId::Exc13_3)
        );
        assert_eq!(final_plan.due(), d(2025, 10, 6), "the due date never moves");
        let decision = deadlines::decision_to_assess_due(d(2025, 5, 19), &cal).unwrap();
        assert!(judge(&decision, Act::Done(d(2025, 7, 1)), d(2025, 7, 1), &[claim]).is_err());
    }

    #[test]
    fn exc_10_4_request_before_window_is_no_exception() {
        let cal = HolidayCalendar::england_and_wales();
        let claim = ExceptionClaim::new(
            ExceptionId::Exc10_4,
            ExceptionGround::SchoolClosure {
                advice_requested_on: d(2025, 7, 14),
                closure: summer(),
            },
            "asked on 14 July",
            "closed",
        )
        .unwrap();
        let not_issue = deadlines::not_to_issue_due(d(2025, 5, 19), &cal).unwrap();
        assert!(matches!(
            claim.check_against(&not_issue),
            Err(Error::ExceptionNotApplicable { .. })
        ));
    }

    #[test]
    fn exc_8_2_grounds() {
        let cal = HolidayCalendar::england_and_wales();
        let advice = deadlines::advice_due(d(2025, 2, 17), &cal).unwrap();
        let missed = ExceptionClaim::new(
            ExceptionId::Exc8_2,
            ExceptionGround::MissedAppointment {
                appointment_on: d(2025, 3, 3),
            },
            "DNA clinic",
            "no new slot",
        )
        .unwrap();
        assert!(missed.check_against(&advice).is_ok());
        let absence = ExceptionGround::AbsenceFromArea {
            absence: DateRange::new(d(2025, 2, 20), d(2025, 3, 10)).unwrap(),
        };
        // EXC-8-2: an absence shorter than 4 weeks can never excuse, so the claim is refused
        // outright (live and on read-back, no calendar needed).
        let short = ExceptionClaim::new(ExceptionId::Exc8_2, absence, "abroad", "not seen");
        assert!(
            matches!(short, Err(Error::ExceptionNotApplicable { .. })),
            "19 days is not 4 weeks"
        );
        // Long enough, but mostly outside the period: judged against the deadline.
        let outside = ExceptionGround::AbsenceFromArea {
            absence: DateRange::new(d(2025, 1, 1), d(2025, 3, 10)).unwrap(),
        };
        let partly =
            ExceptionClaim::new(ExceptionId::Exc8_2, outside, "abroad", "not seen").unwrap();
        assert!(
            partly.check_against(&advice).is_err(),
            "only 21 days of it fall within the period"
        );
        assert!(ExceptionClaim::new(
            ExceptionId::Exc8_2,
            ExceptionGround::SchoolClosure {
                advice_requested_on: d(2025, 7, 17),
                closure: summer()
            },
            "x",
            "y"
        )
        .is_err());
        assert!(ExceptionClaim::new(
            ExceptionId::Exc8_2,
            ExceptionGround::ExceptionalPersonalCircumstances,
            "",
            "y"
        )
        .is_err());
    }

    #[test]
    fn exc_covid_only_in_2020() {
        let cal = HolidayCalendar::england_and_wales();
        let claim = ExceptionClaim::new(
            ExceptionId::ExcCovid,
            ExceptionGround::Coronavirus,
            "lockdown",
            "services closed",
        )
        .unwrap();
        assert!(claim
            .check_against(&deadlines::final_plan_due(d(2020, 3, 2), &cal).unwrap())
            .is_ok());
        assert!(claim
            .check_against(&deadlines::final_plan_due(d(2021, 3, 1), &cal).unwrap())
            .is_err());
        assert!(
            claim
                .check_against(&deadlines::draft_target(d(2020, 3, 2), &cal).unwrap())
                .is_err(),
            "not a statutory limit"
        );
    }

    #[test]
    fn act_before_its_clock_started_is_an_error() {
        let cal = HolidayCalendar::england_and_wales();
        let decision = deadlines::decision_to_assess_due(d(2025, 1, 6), &cal).unwrap();
        assert!(judge(&decision, Act::Done(d(2025, 1, 1)), d(2025, 1, 10), &[]).is_err());
        let invite = deadlines::review_invitations_due(d(2026, 3, 11), &cal).unwrap();
        assert_eq!(
            judge(&invite, Act::Done(d(2026, 2, 20)), d(2026, 3, 1), &[]).unwrap(),
            Compliance::Met
        );
    }
}
