//! Explanations: every [`Deadline`] and [`Obligation`] in a sentence a
//! caseworker could paste into a letter — what is due, by when, counted from
//! what, under which provision.
//!
//! ```
//! use chrono::NaiveDate;
//! use send_pathway::{calendar::HolidayCalendar, deadlines};
//! let cal = HolidayCalendar::england_and_wales();
//! let received = NaiveDate::from_ymd_opt(2025, 10, 23).ok_or("bad date")?;
//! let due = deadlines::final_plan_due(received, &cal)?;
//! assert_eq!(
//!     due.explain().to_string(),
//!     "The final EHC plan must be issued by Thursday 12 March 2026: 20 weeks from the \
//!      request received on Thursday 23 October 2025 (SEND Regulations 2014, reg 13(2))."
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The "what is due" wording comes from a per-rule phrase table ([`phrase`],
//! covering every `T-*` rule); the "counted from" wording from the deadline's
//! [`Convention`]. A due date on a weekend or bank holiday is said to stay
//! put (DC-8); an appeal also gives the tribunal's r12 effective date; a
//! DC-7 fixed date shows both the words families read ("before 15 February")
//! and the last day in time.

use core::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::calendar::{DayKind, FixedDateReading};
use crate::deadlines::{Convention, Deadline, MediationCertificate};
use crate::exceptions::{ExceptionClaim, Status};
use crate::pathway::Obligation;
use crate::rule::RuleId;

/// The words for one rule: what is due (a clause ending before "by &lt;date&gt;")
/// and the event the period is counted from (a noun phrase before "on &lt;date&gt;").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Phrase {
    /// E.g. "The final EHC plan must be issued".
    pub what: &'static str,
    /// E.g. "the request received".
    pub anchor: &'static str,
}

const fn p(what: &'static str, anchor: &'static str) -> Option<Phrase> {
    Some(Phrase { what, anchor })
}

fn weeks(convention: Convention) -> Option<u32> {
    match convention {
        Convention::WithinWeeksOf { weeks } => Some(weeks),
        _ => None,
    }
}

/// The phrase for `rule` (and, where one rule has several clocks, for the
/// clock `convention` describes). `Some` for every `T-*` rule and for the
/// local clocks that produce deadlines (SOP-ADVICE-TRACK-6W,
/// SOP-INSUFFICIENT-DECLINE, NSM-WITHIN-2W, NSM-CONTACT-1W); `None` for rules that carry no clock, which are then
/// explained with a generic "what the rule requires is due".
pub fn phrase(rule: RuleId, convention: Convention) -> Option<Phrase> {
    const ORDER: &str = "the tribunal's order";
    const UNOPPOSED: &str = "the council telling the tribunal it will not oppose the appeal";
    match rule {
        RuleId::TConsiderNotify => p(
            "Health, social care and the head teacher must be told that an assessment is being considered",
            "the request received",
        ),
        RuleId::TDecide6w => p(
            "The decision whether to carry out an EHC needs assessment must be notified",
            "the request received",
        ),
        RuleId::TAdvice6w => p("The advice must be supplied", "the adviser receiving the request"),
        RuleId::TNotIssue16w => p(
            "A decision not to issue an EHC plan must be notified",
            "the request received",
        ),
        RuleId::TIssueDecision16w => p(
            "The decision to issue an EHC plan should be taken (local practice)",
            "the request received",
        ),
        RuleId::TDraft14w => p(
            "The draft EHC plan should be issued (a target, not law)",
            "the request received",
        ),
        RuleId::TDraftReps15d => p(
            "The parent or young person may make representations on the draft plan",
            "the draft plan served",
        ),
        RuleId::TSchoolConsult15d => p(
            "The consulted school or college should reply",
            "the consultation sent",
        ),
        RuleId::TFinal20w => p("The final EHC plan must be issued", "the request received"),
        RuleId::TReview12m => p(
            "The EHC plan must be reviewed",
            "the plan made or last reviewed",
        ),
        RuleId::TReviewUnder5 => p(
            "The plan of a child under 5 should be reviewed again",
            "the last review",
        ),
        RuleId::TReviewInvite2w => p(
            "Invitations to the review meeting must be sent",
            "the review meeting",
        ),
        RuleId::TReviewAdvice2w => p(
            "Advice for the review must be gathered and circulated",
            "the review meeting",
        ),
        RuleId::TReviewReport2w => p("The review report must be sent", "the review meeting"),
        RuleId::TReviewDecision4w => p(
            "The decision to maintain, amend or cease the plan must be notified",
            "the review meeting",
        ),
        RuleId::TPhase15Feb | RuleId::TPhase31Mar | RuleId::TPhasePost16_5m => p(
            "The EHC plan must be reviewed and amended",
            "the transfer",
        ),
        RuleId::TAmendNotice4w => p("The amendment notice must be sent", "the review meeting"),
        RuleId::TAmendReps15d => p(
            "The parent or young person may make representations on the proposed amendments",
            "the amendment notice served",
        ),
        RuleId::TAmendFinal8w => p(
            "The amended EHC plan must be issued",
            "the amendment notice sent",
        ),
        RuleId::TAmendNot8w => p(
            "A decision not to amend the plan, with reasons, must be notified",
            "the amendment notice sent",
        ),
        RuleId::TReassessDecide15d => p(
            "The decision on the re-assessment request must be notified",
            "the request received",
        ),
        RuleId::TReassessFinal14w => p(
            "The amended or replacement EHC plan must be issued",
            "the decision to re-assess",
        ),
        RuleId::TMedContact2m => p(
            "The parent or young person must contact the mediation adviser",
            "the decision notice sent",
        ),
        RuleId::TMedCert3wd => p(
            "The mediation certificate must be issued",
            "the adviser being told that mediation is declined",
        ),
        RuleId::TMedHeld30d => p(
            "Mediation must be held",
            "the council being told that mediation is wanted",
        ),
        RuleId::TMedHealth3wd => match convention {
            Convention::WorkingDaysAfter { .. } => p(
                "The health commissioner must be told the health issues",
                "the council being told that mediation is wanted",
            ),
            _ => p(
                "Health mediation must be held",
                "the commissioner being told the health issues",
            ),
        },
        RuleId::TMedCertOther3wd => p(
            "The mediation certificate must be issued",
            "mediation ending, or proving impossible in time,",
        ),
        RuleId::TMedAgreement => match weeks(convention) {
            Some(1) => p(
                "The commissioner must tell the council of the mediation agreement",
                "the agreement",
            ),
            _ => p("The actions agreed at mediation must be carried out", "the agreement"),
        },
        RuleId::TAppeal2m1m => p("The appeal must reach the tribunal", "the decision notice sent"),
        RuleId::TTransferPlan15wd => p(
            "The plan must be transferred to the new council",
            "the old council becoming aware of the move",
        ),
        RuleId::TTransferNotify6w => p(
            "The family must be told that the plan has transferred",
            "the transfer",
        ),
        RuleId::TTransferReview => match convention {
            Convention::MonthsStartingWith { months: 12 } => p(
                "The transferred plan must be reviewed by the new council",
                "the plan made or last reviewed",
            ),
            _ => p(
                "The transferred plan must be reviewed by the new council",
                "the transfer",
            ),
        },
        RuleId::TTransferHealth15wd => p(
            "Health commissioning must be handed over",
            "the health body becoming aware of the move",
        ),
        RuleId::TOrderAssess => order_assess(convention, ORDER),
        RuleId::TUnopposedAssess => order_assess(convention, UNOPPOSED),
        RuleId::TOrderPlan => order_plan(convention, ORDER),
        RuleId::TUnopposedPlan => order_plan(convention, UNOPPOSED),
        RuleId::TOrderAmend => p("The amended EHC plan must be issued", ORDER),
        RuleId::TUnopposedAmend => p("The amended EHC plan must be issued", UNOPPOSED),
        RuleId::TOrderRecommend5w => p(
            "A written response to the tribunal's recommendation must be sent",
            "the recommendation",
        ),
        // Local clocks that also produce deadlines.
        RuleId::SopAdviceTrack6w => p(
            "The advice should be supplied (the council's tracking date)",
            "the advice request issued",
        ),
        RuleId::SopInsufficientDecline => p(
            "A decline for insufficient information must be decided",
            "the request received",
        ),
        RuleId::NsmWithin2w => p("The Next Steps Meeting should be held", "the panel"),
        RuleId::NsmContact1w => p(
            "The facilitator should contact the setting",
            "the panel",
        ),
        _ => None,
    }
}

fn order_assess(convention: Convention, anchor: &'static str) -> Option<Phrase> {
    match weeks(convention) {
        Some(2) => p("The decision to assess must be notified", anchor),
        Some(10) => p(
            "A decision not to issue an EHC plan must be notified",
            anchor,
        ),
        _ => p("The final EHC plan must be issued", anchor),
    }
}

fn order_plan(convention: Convention, anchor: &'static str) -> Option<Phrase> {
    match weeks(convention) {
        Some(5) => p("The draft EHC plan must be issued", anchor),
        _ => p("The final EHC plan must be issued", anchor),
    }
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAYS
        .get(w.num_days_from_monday() as usize)
        .copied()
        .unwrap_or("")
}

fn month_name(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|m| MONTHS.get(m as usize))
        .copied()
        .unwrap_or("")
}

/// "Thursday 12 March 2026".
pub fn long_date(d: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(d.weekday()),
        d.day(),
        month_name(d.month()),
        d.year()
    )
}

/// "15 February 2026".
fn day_month_year(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

/// "Saturday 14 February".
fn weekday_day_month(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        weekday_name(d.weekday()),
        d.day(),
        month_name(d.month())
    )
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn is_year_then_section(before: &str, after: &str) -> bool {
    let b = before.as_bytes();
    let n = b.len();
    let year = n >= 4
        && b.get(n - 4..)
            .is_some_and(|y| y.iter().all(u8::is_ascii_digit))
        && !b.get(n.wrapping_sub(5)).is_some_and(u8::is_ascii_digit);
    let a = after.as_bytes();
    let section = |prefix: &[u8]| {
        a.starts_with(prefix)
            && a.get(prefix.len())
                .is_some_and(|c| c.is_ascii_digit() || *c == b' ')
    };
    year && (section(b" reg")
        || section(b" regs")
        || section(b" s")
        || section(b" ss")
        || section(b" r"))
}

/// A legal source as cited in a letter: a comma between the instrument and
/// its provision ("SEND Regulations 2014, reg 13(2)").
pub fn cite(source: &str) -> String {
    source
        .split("; ")
        .map(|part| {
            let found = part.char_indices().map(|(i, _)| i).find(|&i| {
                match (part.get(..i), part.get(i..)) {
                    (Some(before), Some(after)) => is_year_then_section(before, after),
                    _ => false,
                }
            });
            match found.and_then(|i| Some((part.get(..i)?, part.get(i..)?))) {
                Some((before, after)) => format!("{before},{after}"),
                None => part.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A deadline or obligation in words; `Display` is the sentence (honouring
/// width and alignment). Made by [`Deadline::explain`] and [`Obligation::explain`].
#[derive(Debug, Clone, Copy)]
pub struct Explanation<'a> {
    deadline: &'a Deadline,
    status: Option<(Status, i64)>,
}

/// An explanation serialises as its sentence, a JSON string.
#[cfg(feature = "serde")]
impl serde::Serialize for Explanation<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An exception explanation serialises as its sentences, a JSON string.
#[cfg(feature = "serde")]
impl serde::Serialize for ExceptionExplanation<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Deadline {
    /// This deadline in a sentence for a letter (see [`crate::explain`]).
    pub fn explain(&self) -> Explanation<'_> {
        Explanation {
            deadline: self,
            status: None,
        }
    }
}

impl Obligation {
    /// This obligation in words: the deadline's sentence, then where it
    /// stands today (days left, days overdue, or the exception that applies).
    pub fn explain(&self) -> Explanation<'_> {
        Explanation {
            deadline: &self.deadline,
            status: Some((self.status, self.days_left)),
        }
    }
}

impl Explanation<'_> {
    fn sentence(&self) -> String {
        let d = self.deadline;
        let rule = d.rule();
        let convention = d.convention();
        let Phrase { what, anchor } = phrase(rule, convention).unwrap_or(Phrase {
            what: "What the rule requires is due",
            anchor: "the event that started the clock",
        });
        let anchor_on = format!("{anchor} on {}", long_date(d.anchor()));
        let source = cite(d.source());
        let due = long_date(d.due());
        let mut s = match convention {
            Convention::BeforeFixedDate {
                month,
                day,
                reading,
            } => {
                let fixed = NaiveDate::from_ymd_opt(d.anchor().year(), month, day);
                let strict_last = fixed.and_then(|f| f.pred_opt());
                match (fixed, strict_last, reading) {
                    (Some(f), Some(last), FixedDateReading::Strict) => format!(
                        "{what} before {} — the last day is {} — for {anchor_on} ({source}).",
                        day_month_year(f),
                        weekday_day_month(last)
                    ),
                    (Some(f), Some(last), _) => format!(
                        "{what} by {} at the latest (the Code of Practice reading; the Regulations say before {}, \
                         so the strict last day is {}) — for {anchor_on} ({source}).",
                        day_month_year(f),
                        day_month_year(f),
                        weekday_day_month(last)
                    ),
                    _ => format!("{what} by {due}: before a fixed date, for {anchor_on} ({source})."),
                }
            }
            Convention::AppealLimit { certificate } => {
                let cert = match certificate {
                    MediationCertificate::Issued(on) => format!(
                        ", or 1 month after the mediation certificate issued on {}, if that is later",
                        long_date(on)
                    ),
                    MediationCertificate::NotIssued => String::new(),
                };
                format!("{what} by {due}: 2 months after {anchor_on}{cert} ({source}).")
            }
            other => {
                let (lead, period) = match other {
                    Convention::WithinWeeksOf { weeks } => {
                        ("by", format!("{} from", plural(weeks, "week", "weeks")))
                    }
                    Convention::DaysBeginningWith { days } => (
                        "until",
                        format!("{} beginning with", plural(days, "day", "days")),
                    ),
                    Convention::WithinDaysOf { days } => {
                        ("by", format!("{} from", plural(days, "day", "days")))
                    }
                    Convention::WeeksBefore { weeks } => {
                        ("by", format!("{} before", plural(weeks, "week", "weeks")))
                    }
                    Convention::WithinMonthsAfter { months } => {
                        ("by", format!("{} after", plural(months, "month", "months")))
                    }
                    Convention::MonthsStartingWith { months } => (
                        "by",
                        format!(
                            "the last day of the {} starting with",
                            plural(months, "month", "months")
                        ),
                    ),
                    Convention::MonthsBefore { months } => (
                        "by",
                        format!("{} before", plural(months, "month", "months")),
                    ),
                    Convention::WorkingDaysAfter { days } => (
                        "by",
                        format!("{} after", plural(days, "working day", "working days")),
                    ),
                    _ => ("by", "counted from".to_owned()),
                };
                format!("{what} {lead} {due}: {period} {anchor_on} ({source}).")
            }
        };
        if !matches!(convention, Convention::BeforeFixedDate { .. }) {
            match d.due_day() {
                DayKind::Weekend => s.push_str(&format!(
                    " That day is a {}; the date does not move (DC-8).",
                    weekday_name(d.due().weekday())
                )),
                DayKind::BankHoliday => {
                    s.push_str(" That day is a bank holiday; the date does not move (DC-8).");
                }
                _ => {}
            }
        }
        if let Some(first) = d.earliest_action() {
            s.push_str(&format!(
                " The council may act on the outcome from {}.",
                long_date(first)
            ));
        }
        if let Some(effective) = d.tribunal_effective().filter(|e| *e != d.due()) {
            s.push_str(&format!(
                " The tribunal treats an appeal as in time until {} (HESC Rules r12).",
                long_date(effective)
            ));
        }
        if let Some((status, days_left)) = self.status {
            s.push_str(&status_sentence(status, days_left));
        }
        s
    }
}

fn status_sentence(status: Status, days_left: i64) -> String {
    let days = |n: i64| {
        if n == 1 {
            "1 day".to_owned()
        } else {
            format!("{n} days")
        }
    };
    match status {
        Status::Met => " It was done in time.".to_owned(),
        Status::Late => " It was done late.".to_owned(),
        Status::Pending if days_left == 0 => " It is due today.".to_owned(),
        Status::Pending => format!(" {} left.", days(days_left)),
        Status::Overdue => format!(" It is {} overdue.", days(days_left.saturating_neg())),
        Status::MissedExcused(id) => format!(
            " The date has passed, but exception {id} applies ({}): the date does not move, \
             and the act is still due as soon as practicable.",
            cite(id.rule().source())
        ),
    }
}

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.sentence())
    }
}

/// An exception claimed against a deadline, in words (rule DC-10).
#[derive(Debug, Clone, Copy)]
pub struct ExceptionExplanation<'a> {
    claim: &'a ExceptionClaim,
    deadline: &'a Deadline,
}

/// Explain `claim` against `deadline`: which provision, the facts, why
/// compliance was impractical, and that the date does not move.
pub fn explain_exception<'a>(
    claim: &'a ExceptionClaim,
    deadline: &'a Deadline,
) -> ExceptionExplanation<'a> {
    ExceptionExplanation { claim, deadline }
}

impl fmt::Display for ExceptionExplanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = self.claim.exception();
        let what =
            phrase(self.deadline.rule(), self.deadline.convention()).map_or("The act", |p| p.what);
        f.pad(&format!(
            "Exception {id} ({}) applies to the limit of {} (due {}): {}; it was impractical to \
             comply because {}. The date does not move: {} as soon as practicable.",
            cite(id.rule().source()),
            self.deadline.rule(),
            long_date(self.deadline.due()),
            self.claim.facts().trim_end_matches('.'),
            self.claim.impractical_because().trim_end_matches('.'),
            lower_first(what)
        ))
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::HolidayCalendar;
    use crate::deadlines;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_t_rule_has_a_phrase() {
        let any = Convention::WithinWeeksOf { weeks: 2 };
        for rule in RuleId::ALL {
            if rule.code().starts_with("T-") {
                assert!(phrase(*rule, any).is_some(), "{rule} has no phrase");
            }
        }
    }

    #[test]
    fn t_final_20w_example_sentence() {
        // T-FINAL-20W, DC-1: the issue's example, exactly.
        let cal = HolidayCalendar::england_and_wales();
        let due = deadlines::final_plan_due(d(2025, 10, 23), &cal).unwrap();
        assert_eq!(
            due.explain().to_string(),
            "The final EHC plan must be issued by Thursday 12 March 2026: 20 weeks from the request \
             received on Thursday 23 October 2025 (SEND Regulations 2014, reg 13(2))."
        );
    }

    #[test]
    fn citations_get_a_comma() {
        assert_eq!(
            cite("SEND Regulations 2014 reg 13(2)"),
            "SEND Regulations 2014, reg 13(2)"
        );
        assert_eq!(
            cite("Children and Families Act 2014 s44(1); SEND Code of Practice 9.166"),
            "Children and Families Act 2014, s44(1); SEND Code of Practice 9.166"
        );
        assert_eq!(
            cite("SEND Code of Practice 9.83"),
            "SEND Code of Practice 9.83"
        );
        assert_eq!(
            cite("R (L) v Devon CC [2022] EWHC 493 (Admin)"),
            "R (L) v Devon CC [2022] EWHC 493 (Admin)"
        );
    }

    #[test]
    fn t_phase_15feb_shows_both_readings() {
        // T-PHASE-15FEB, DC-7: "before 15 February 2026 — the last day is Saturday 14 February".
        let cal = HolidayCalendar::england_and_wales();
        let strict = deadlines::phase_transfer_due(
            d(2026, 9, 1),
            deadlines::PhaseTransfer::PrimaryToSecondary,
            FixedDateReading::Strict,
            &cal,
        )
        .unwrap();
        let text = strict.explain().to_string();
        assert!(
            text.starts_with(
                "The EHC plan must be reviewed and amended before 15 February 2026 — the last day is Saturday 14 February — for the transfer on Tuesday 1 September 2026"
            ),
            "{text}"
        );
        let cop = deadlines::phase_transfer_due(
            d(2026, 9, 1),
            deadlines::PhaseTransfer::PrimaryToSecondary,
            FixedDateReading::CodeOfPractice,
            &cal,
        )
        .unwrap();
        assert!(cop
            .explain()
            .to_string()
            .contains("by 15 February 2026 at the latest"));
    }

    #[test]
    fn t_appeal_2m_1m_gives_the_r12_date() {
        // T-APPEAL-2M-1M, DC-8: nominal Sat 2 Aug 2025, effective Mon 1 Sep 2025.
        let cal = HolidayCalendar::england_and_wales();
        let appeal =
            deadlines::appeal_due(d(2025, 6, 2), MediationCertificate::NotIssued, &cal).unwrap();
        let text = appeal.explain().to_string();
        assert!(text.starts_with("The appeal must reach the tribunal by Saturday 2 August 2025: 2 months after the decision notice sent on Monday 2 June 2025 (Tribunal Procedure (HESC) Rules 2008, r20(1)(c))."), "{text}");
        assert!(text.contains("That day is a Saturday; the date does not move (DC-8)."));
        assert!(text.contains("in time until Monday 1 September 2025 (HESC Rules r12)."));
    }

    #[test]
    fn t_draft_reps_15d_window_and_bank_holiday() {
        // T-DRAFT-REPS-15D, DC-2: served Mon 7 April 2025, window to Easter Monday.
        let cal = HolidayCalendar::england_and_wales();
        let w = deadlines::draft_representations_window(d(2025, 4, 7), &cal).unwrap();
        assert_eq!(
            w.explain().to_string(),
            "The parent or young person may make representations on the draft plan until Monday 21 April 2025: \
             15 days beginning with the draft plan served on Monday 7 April 2025 (SEND Regulations 2014, reg 13(1); SEND Code of Practice 9.77). \
             That day is a bank holiday; the date does not move (DC-8). \
             The council may act on the outcome from Tuesday 22 April 2025."
        );
    }

    #[test]
    fn status_sentences_exc_13_3() {
        assert_eq!(status_sentence(Status::Pending, 0), " It is due today.");
        assert_eq!(status_sentence(Status::Pending, 5), " 5 days left.");
        assert_eq!(
            status_sentence(Status::Overdue, -1),
            " It is 1 day overdue."
        );
        assert_eq!(
            status_sentence(Status::MissedExcused(crate::ExceptionId::Exc13_3), -3),
            " The date has passed, but exception EXC-13-3 applies (SEND Regulations 2014, reg 13(3)): \
             the date does not move, and the act is still due as soon as practicable."
        );
    }

    #[test]
    fn display_honours_width() {
        let cal = HolidayCalendar::england_and_wales();
        let due = deadlines::final_plan_due(d(2025, 10, 23), &cal).unwrap();
        let text = due.explain().to_string();
        let wide = format!("{:>300}", due.explain());
        assert_eq!(wide.len(), 300 + text.len() - text.chars().count());
        assert!(wide.ends_with(&text));
    }
}
