//! SEN Support: the graduated approach and the school's own funding.
//!
//! Before any EHC needs assessment, the setting meets needs through
//! assess–plan–do–review (APDR) cycles (SUP-APDR), reviewed at least termly
//! with the child and family (SUP-TERMLY), paid for from its notional SEN
//! budget up to £6,000 per pupil (FUND-NOTIONAL-6K). A Salford referral shows
//! this with a costed provision map over the previous, current and next term
//! (FUND-COSTED-MAP-3T). These plain functions check that evidence.
//!
//! ```
//! use send_pathway::calendar::{AcademicYear, TermId, TermName};
//! use send_pathway::money::Pounds;
//! use send_pathway::sen_support::{CostedProvisionMap, ProvisionLine};
//!
//! let autumn = TermId::new(AcademicYear::starting(2025), TermName::Autumn);
//! let group = ProvisionLine { term: autumn, provision: "social skills group".into(), cost: "900".parse()?, group_size: 3 };
//! assert_eq!(group.cost_per_child()?.to_string(), "£300"); // FUND-COSTED-MAP-3T: shared cost
//! assert_eq!(group.to_string(), "Autumn 2025/26: social skills group, £900 (group of 3)");
//! let map = CostedProvisionMap { lines: vec![group] };
//! assert!(!map.exceeds_notional_threshold()?); // FUND-NOTIONAL-6K
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDate;

use crate::calendar::{days_after, TermCalendar, TermId};
use crate::error::{Error, Result};
use crate::money::Pounds;
use crate::rule::RuleId;

/// FUND-NOTIONAL-6K: the school pays the first £6,000 of a pupil's SEN provision a year.
pub const NOTIONAL_THRESHOLD: Pounds = Pounds::whole_const(6_000);

/// SUP-TERMLY: the terms between `since` and `today` (terms that have ended)
/// in which no APDR review was held with the family. Provision is reviewed
/// at least termly (CoP 6.65 as recalled; seeds 003, 004).
pub fn terms_without_review(
    reviews: &[NaiveDate],
    since: NaiveDate,
    today: NaiveDate,
    terms: &TermCalendar,
) -> Vec<TermId> {
    terms
        .terms()
        .iter()
        .filter(|t| t.dates.last() >= since && t.dates.last() < today)
        .filter(|t| !reviews.iter().any(|r| t.dates.contains(*r)))
        .map(|t| t.id())
        .collect()
}

/// SUP-APDR: Salford's plan phase sets a review date "typically 6–8 weeks"
/// after the plan. Returns the usual window for the next review.
///
/// # Errors
///
/// [`Error::DateOverflow`] at the edge of the representable range.
pub fn apdr_review_window(planned_on: NaiveDate) -> Result<crate::calendar::DateRange> {
    crate::calendar::DateRange::new(days_after(planned_on, 42)?, days_after(planned_on, 56)?)
}

/// One line of a costed provision map (FUND-COSTED-MAP-3T).
///
/// A plain value record: fields are open on purpose (a group of 0 is refused
/// by [`ProvisionLine::cost_per_child`], not on construction).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ProvisionLine {
    /// The term.
    pub term: TermId,
    /// What is provided.
    pub provision: String,
    /// Its cost for the whole group.
    pub cost: Pounds,
    /// How many children share it (1 for individual support).
    pub group_size: u32,
}

/// `Autumn 2025/26: social skills group, £900 (group of 3)`, honouring width,
/// fill and alignment.
impl core::fmt::Display for ProvisionLine {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let text = if self.group_size == 1 {
            format!("{}: {}, {}", self.term, self.provision, self.cost)
        } else {
            format!(
                "{}: {}, {} (group of {})",
                self.term, self.provision, self.cost, self.group_size
            )
        };
        f.pad(&text)
    }
}

impl ProvisionLine {
    /// The child's share: group costs divided by the number of children, to the penny.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] (FUND-COSTED-MAP-3T) for a group of 0.
    pub fn cost_per_child(&self) -> Result<Pounds> {
        if self.group_size == 0 {
            return Err(Error::RuleBroken {
                rule: RuleId::FundCostedMap3t,
                reason: format!("'{}' has a group of 0 children", self.provision),
            });
        }
        let share = self.cost.amount() / rust_decimal::Decimal::from(self.group_size);
        Pounds::new(
            share.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointNearestEven),
        )
    }
}

/// A costed provision map for one child over three terms (FUND-COSTED-MAP-3T).
///
/// A plain value record: fields are open on purpose (its lines are checked as
/// they are costed).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CostedProvisionMap {
    /// The lines.
    pub lines: Vec<ProvisionLine>,
}

impl CostedProvisionMap {
    /// The child's cost in one term.
    ///
    /// # Errors
    ///
    /// As [`ProvisionLine::cost_per_child`].
    pub fn term_total(&self, term: TermId) -> Result<Pounds> {
        self.lines
            .iter()
            .filter(|l| l.term == term)
            .try_fold(Pounds::ZERO, |sum, l| sum.checked_add(l.cost_per_child()?))
    }

    /// The child's cost over the whole map.
    ///
    /// # Errors
    ///
    /// As [`ProvisionLine::cost_per_child`].
    pub fn total(&self) -> Result<Pounds> {
        self.lines
            .iter()
            .try_fold(Pounds::ZERO, |sum, l| sum.checked_add(l.cost_per_child()?))
    }

    /// FUND-COSTED-MAP-3T: the map must cover the previous, current and next
    /// term around `today` in the school's calendar. Returns the terms it misses.
    pub fn missing_terms(&self, today: NaiveDate, terms: &TermCalendar) -> Vec<TermId> {
        let all = terms.terms();
        let current = all.iter().position(|t| t.dates.last() >= today);
        let wanted: Vec<TermId> = match current {
            Some(i) => [i.checked_sub(1), Some(i), i.checked_add(1)]
                .into_iter()
                .flatten()
                .filter_map(|j| all.get(j))
                .map(|t| t.id())
                .collect(),
            None => Vec::new(),
        };
        wanted
            .into_iter()
            .filter(|id| !self.lines.iter().any(|l| l.term == *id))
            .collect()
    }

    /// FUND-NOTIONAL-6K: whether the map's cost exceeds the £6,000 the school
    /// pays from its notional budget — the point where High Needs top-up or an
    /// Additional Support Contract comes into view.
    ///
    /// # Errors
    ///
    /// As [`ProvisionLine::cost_per_child`].
    pub fn exceeds_notional_threshold(&self) -> Result<bool> {
        Ok(self.total()? > NOTIONAL_THRESHOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{Term, TermName};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn terms() -> TermCalendar {
        TermCalendar::new(
            vec![
                Term::new(TermName::Autumn, d(2025, 9, 3), d(2025, 12, 19)).unwrap(),
                Term::new(TermName::Spring, d(2026, 1, 5), d(2026, 3, 27)).unwrap(),
                Term::new(TermName::Summer, d(2026, 4, 13), d(2026, 7, 21)).unwrap(),
            ],
            vec![],
        )
        .unwrap()
    }

    #[test]
    fn sup_termly_finds_terms_with_no_review() {
        let cal = terms();
        let missing = terms_without_review(&[d(2025, 10, 1)], d(2025, 9, 3), d(2026, 4, 20), &cal);
        assert_eq!(
            missing,
            vec![cal.terms()[1].id()],
            "SUP-TERMLY: no review in Spring"
        );
    }

    #[test]
    fn sup_apdr_review_window_is_six_to_eight_weeks() {
        let w = apdr_review_window(d(2025, 9, 10)).unwrap();
        assert_eq!((w.first(), w.last()), (d(2025, 10, 22), d(2025, 11, 5)));
    }

    #[test]
    fn fund_costed_map_3t_shares_group_costs_and_checks_terms() {
        let cal = terms();
        let [autumn, spring, summer] = [
            cal.terms()[0].id(),
            cal.terms()[1].id(),
            cal.terms()[2].id(),
        ];
        let line = |term, cost, group_size| ProvisionLine {
            term,
            provision: "support".into(),
            cost: Pounds::whole(cost).unwrap(),
            group_size,
        };
        let map = CostedProvisionMap {
            lines: vec![
                line(autumn, 2_000, 1),
                line(spring, 900, 3),
                line(spring, 1_800, 1),
            ],
        };
        assert_eq!(
            map.term_total(spring).unwrap(),
            Pounds::whole(2_100).unwrap()
        );
        assert_eq!(map.missing_terms(d(2026, 2, 1), &cal), vec![summer]);
        assert!(
            !map.exceeds_notional_threshold().unwrap(),
            "FUND-NOTIONAL-6K: £4,100 is within £6,000"
        );
        let thirds = ProvisionLine {
            term: autumn,
            provision: "group".into(),
            cost: Pounds::whole(100).unwrap(),
            group_size: 3,
        };
        assert_eq!(
            thirds.cost_per_child().unwrap().amount().to_string(),
            "33.33"
        );
        assert!(line(autumn, 10, 0).cost_per_child().is_err());
    }
}
