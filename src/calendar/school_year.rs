//! Academic years, year groups, compulsory school age and the age-25 limit.
//!
//! An academic year runs 1 September to 31 August. A child's year group is their
//! age on 31 August before the school year, minus 4, so Reception is year 0 and
//! Year 9 is the year in which most of the class reach 14 (the reg 2 "year 9"
//! definition is recalled, not checked: ADV-PFA-Y9 \[M\]).
//!
//! ```
//! use send_pathway::calendar::{year_group_on, AcademicYear, YearGroup};
//! use send_pathway::NaiveDate;
//!
//! let dob = NaiveDate::from_ymd_opt(2012, 3, 1).ok_or("not a date")?;
//! let today = NaiveDate::from_ymd_opt(2025, 10, 1).ok_or("not a date")?;
//! assert_eq!(year_group_on(dob, today)?, YearGroup::YEAR_9);
//! assert_eq!(AcademicYear::containing(today).to_string(), "2025/26");
//! assert_eq!("2025/26".parse::<AcademicYear>()?, AcademicYear::containing(today));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::error::{Error, Result};

/// An academic year, named by the calendar year it starts in (`2025` is 2025/26).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct AcademicYear(i32);

impl AcademicYear {
    /// The academic year starting on 1 September `start_year`.
    pub const fn starting(start_year: i32) -> Self {
        AcademicYear(start_year)
    }

    /// The academic year a date falls in.
    pub fn containing(date: NaiveDate) -> Self {
        if date.month() >= 9 {
            AcademicYear(date.year())
        } else {
            AcademicYear(date.year() - 1)
        }
    }

    /// The calendar year it starts in.
    pub const fn start_year(self) -> i32 {
        self.0
    }

    /// 1 September.
    ///
    /// # Errors
    ///
    /// [`Error::OutOfRange`] for a year chrono cannot represent.
    pub fn first_day(self) -> Result<NaiveDate> {
        ymd(self.0, 9, 1)
    }

    /// 31 August of the next calendar year.
    ///
    /// # Errors
    ///
    /// [`Error::OutOfRange`] for a year chrono cannot represent.
    pub fn last_day(self) -> Result<NaiveDate> {
        ymd(self.0.saturating_add(1), 8, 31)
    }

    /// The following academic year.
    pub const fn next(self) -> Self {
        AcademicYear(self.0.saturating_add(1))
    }
}

/// `2025/26`, honouring width, fill and alignment.
impl fmt::Display for AcademicYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!(
            "{}/{:02}",
            self.0,
            self.0.saturating_add(1).rem_euclid(100)
        ))
    }
}

/// Reads an academic year as people write it: `2025/26`, `2025-26`,
/// `2025/2026` or just the starting year `2025`.
///
/// ```
/// use send_pathway::calendar::AcademicYear;
///
/// let year: AcademicYear = "2025/26".parse()?;
/// assert_eq!(year, AcademicYear::starting(2025));
/// assert_eq!(year.to_string().parse::<AcademicYear>()?, year);
/// assert!("2025/27".parse::<AcademicYear>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl core::str::FromStr for AcademicYear {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let bad = |reason: &'static str| Error::Unparsable {
            given: s.to_owned(),
            expected: reason,
        };
        const EXPECTED: &str = "an academic year such as 2025/26";
        let text = s.trim();
        let (start, end) = match text.split_once(['/', '-']) {
            Some((a, b)) => (a.trim(), Some(b.trim())),
            None => (text, None),
        };
        let start: i32 = start.parse().map_err(|_| bad(EXPECTED))?;
        if !(0..=9999).contains(&start) {
            return Err(bad(EXPECTED));
        }
        if let Some(end) = end {
            let next = start.saturating_add(1);
            let ok = match end.len() {
                2 => end.parse::<i32>().ok() == Some(next.rem_euclid(100)),
                4 => end.parse::<i32>().ok() == Some(next),
                _ => false,
            };
            if !ok {
                return Err(bad(
                    "an academic year whose second year follows the first, such as 2025/26",
                ));
            }
        }
        Ok(AcademicYear(start))
    }
}

fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or(Error::OutOfRange {
        what: "a calendar year",
        min: i64::from(NaiveDate::MIN.year()),
        max: i64::from(NaiveDate::MAX.year()),
        given: i64::from(year),
    })
}

/// A national curriculum year group: Reception is 0, Year 1 is 1, …; nursery
/// ages are negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct YearGroup(i32);

impl YearGroup {
    /// Reception (year 0).
    pub const RECEPTION: YearGroup = YearGroup(0);
    /// Year 9: preparing for adulthood advice and reviews start (ADV-PFA-Y9, REVIEW-PFA-Y9).
    pub const YEAR_9: YearGroup = YearGroup(9);
    /// Year 11: the last year of compulsory schooling.
    pub const YEAR_11: YearGroup = YearGroup(11);

    /// Year group `n`.
    pub const fn new(n: i32) -> Self {
        YearGroup(n)
    }

    /// The number (Reception is 0).
    pub const fn number(self) -> i32 {
        self.0
    }

    /// Whether this is Year 9 or later (ADV-PFA-Y9).
    pub const fn is_year_9_or_above(self) -> bool {
        self.0 >= 9
    }
}

/// `Reception`, `Year 9`, `Early years (-1)`, honouring width, fill and alignment.
impl fmt::Display for YearGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            0 => f.pad("Reception"),
            n if n < 0 => f.pad(&format!("Early years ({n})")),
            n => f.pad(&format!("Year {n}")),
        }
    }
}

/// Reads a year group as people write it: `Reception` (or `R`), `Year 9`,
/// `Y9`, `9`, and the `Early years (-1)` that [`Display`](fmt::Display)
/// writes. Case is ignored.
///
/// ```
/// use send_pathway::calendar::YearGroup;
///
/// assert_eq!("Year 9".parse::<YearGroup>()?, YearGroup::YEAR_9);
/// assert_eq!("reception".parse::<YearGroup>()?, YearGroup::RECEPTION);
/// assert_eq!("Y11".parse::<YearGroup>()?, YearGroup::YEAR_11);
/// assert_eq!(YearGroup::new(-1).to_string().parse::<YearGroup>()?, YearGroup::new(-1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl core::str::FromStr for YearGroup {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let bad = || Error::Unparsable {
            given: s.to_owned(),
            expected: "a year group such as Reception, Year 9 or Y11",
        };
        let text = s.trim().to_ascii_lowercase();
        if text == "reception" || text == "r" {
            return Ok(YearGroup::RECEPTION);
        }
        let number = if let Some(rest) = text.strip_prefix("early years") {
            rest.trim()
                .strip_prefix('(')
                .and_then(|r| r.strip_suffix(')'))
                .ok_or_else(bad)?
        } else if let Some(rest) = text.strip_prefix("year") {
            rest
        } else if let Some(rest) = text.strip_prefix('y') {
            rest
        } else {
            text.as_str()
        };
        let n: i32 = number.trim().parse().map_err(|_| bad())?;
        if !(-5..=20).contains(&n) {
            return Err(bad());
        }
        Ok(YearGroup(n))
    }
}

/// The date a person born on `dob` reaches `years` of age.
///
/// A 29 February birthday falls on 1 March in a common year (a reading: the
/// crate's sources are silent, and the Family Law Reform Act 1969 s9 only says
/// an age is attained at the start of the anniversary).
///
/// # Errors
///
/// [`Error::DateOverflow`] when the anniversary cannot be represented.
pub fn birthday(dob: NaiveDate, years: u32) -> Result<NaiveDate> {
    let overflow = Error::DateOverflow {
        from: dob,
        operation: "working out a birthday",
    };
    let year = i32::try_from(years)
        .ok()
        .and_then(|y| dob.year().checked_add(y))
        .ok_or(overflow.clone())?;
    NaiveDate::from_ymd_opt(year, dob.month(), dob.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
        .ok_or(overflow)
}

/// Age in whole years on `date`.
///
/// # Errors
///
/// [`Error::DatesOutOfOrder`] when `date` is before `dob`.
pub fn age_on(dob: NaiveDate, date: NaiveDate) -> Result<u32> {
    if date < dob {
        return Err(Error::DatesOutOfOrder {
            earlier_label: "date of birth",
            earlier: dob,
            later_label: "date",
            later: date,
        });
    }
    let mut age = u32::try_from(date.year() - dob.year()).unwrap_or(0);
    // The birthday this calendar year may still be ahead.
    if (date.month(), date.day()) < (dob.month(), dob.day()) {
        age = age.saturating_sub(1);
    }
    Ok(age)
}

/// Year group in the academic year `year`: age on 31 August before it, minus 4.
///
/// A child not yet born on that 31 August gets a negative year group, not an error.
///
/// # Errors
///
/// [`Error::OutOfRange`] when the academic year cannot be represented.
pub fn year_group(dob: NaiveDate, year: AcademicYear) -> Result<YearGroup> {
    let cutoff = ymd(year.start_year(), 8, 31)?;
    // Children born after the cutoff have age "−1" on it: same arithmetic, signed.
    let age = if cutoff >= dob {
        i64::from(age_on(dob, cutoff)?)
    } else {
        -1 - i64::from(age_on(cutoff, dob)?)
    };
    i32::try_from(age - 4)
        .map(YearGroup)
        .map_err(|_| Error::OutOfRange {
            what: "a year group",
            min: i64::from(i32::MIN),
            max: i64::from(i32::MAX),
            given: age - 4,
        })
}

/// Year group on a given date (in the academic year containing it).
///
/// # Errors
///
/// As [`year_group`].
pub fn year_group_on(dob: NaiveDate, date: NaiveDate) -> Result<YearGroup> {
    year_group(dob, AcademicYear::containing(date))
}

/// The last day of compulsory school age: the last Friday of June of the
/// academic year in which the child turns 16 (CoP introduction).
/// After this day a child becomes a *young person* (CFA s83(2)).
///
/// # Errors
///
/// [`Error::DateOverflow`] when the date cannot be represented.
pub fn end_of_compulsory_school_age(dob: NaiveDate) -> Result<NaiveDate> {
    let sixteenth = birthday(dob, 16)?;
    let june_year = AcademicYear::containing(sixteenth)
        .start_year()
        .saturating_add(1);
    let june_30 = ymd(june_year, 6, 30)?;
    let back =
        (june_30.weekday().num_days_from_monday() + 7 - Weekday::Fri.num_days_from_monday()) % 7;
    june_30
        .checked_sub_days(chrono::Days::new(u64::from(back)))
        .ok_or(Error::DateOverflow {
            from: dob,
            operation: "finding the last Friday of June",
        })
}

/// Whether the person is a *young person* (over compulsory school age, under 25) on `date`.
///
/// # Errors
///
/// As [`end_of_compulsory_school_age`].
pub fn is_young_person(dob: NaiveDate, date: NaiveDate) -> Result<bool> {
    Ok(date > end_of_compulsory_school_age(dob)? && date < birthday(dob, 25)?)
}

/// Whether the subject of a request is a *child* or a *young person* (CFA s83(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PersonStatus {
    /// Not over compulsory school age: the parent makes the request and receives the notices.
    Child,
    /// Over compulsory school age and under 25: the young person makes the decisions.
    YoungPerson,
}

impl fmt::Display for PersonStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            PersonStatus::Child => "child",
            PersonStatus::YoungPerson => "young person",
        })
    }
}

/// REQ-WHO: whether someone born on `date_of_birth` can be the subject of an
/// EHC needs assessment request received on `received_on`, and if so whether
/// they are a child or a young person (CFA s36, s83(2); the crate rejects "a
/// request for someone aged 25 or over").
///
/// A child is not over compulsory school age (see
/// [`end_of_compulsory_school_age`]); a young person is over it and under 25.
///
/// ```
/// # use chrono::NaiveDate;
/// # use send_pathway::calendar::{person_status_for_request, PersonStatus};
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("not a date");
/// assert_eq!(person_status_for_request(d(2015, 3, 1)?, d(2025, 6, 2)?)?, PersonStatus::Child);
/// assert_eq!(person_status_for_request(d(2005, 3, 1)?, d(2025, 6, 2)?)?, PersonStatus::YoungPerson);
/// assert!(person_status_for_request(d(2001, 2, 1)?, d(2026, 3, 1)?).is_err()); // 25
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`Error::NotChildOrYoungPerson`] when the person is 25 or over on
/// `received_on`; [`Error::DatesOutOfOrder`] when `received_on` is before the
/// date of birth; [`Error::DateOverflow`] when the dates cannot be represented.
pub fn person_status_for_request(
    date_of_birth: NaiveDate,
    received_on: NaiveDate,
) -> Result<PersonStatus> {
    let age = age_on(date_of_birth, received_on)?;
    if age >= 25 {
        return Err(Error::NotChildOrYoungPerson {
            date_of_birth,
            on: received_on,
            age,
        });
    }
    if received_on > end_of_compulsory_school_age(date_of_birth)? {
        Ok(PersonStatus::YoungPerson)
    } else {
        Ok(PersonStatus::Child)
    }
}

/// What a young person is doing when the age-25 limit is worked out (AGE-25).
///
/// Chosen in code (it carries a date for apprenticeships), so it has
/// [`Display`](fmt::Display) but no `FromStr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum Provision {
    /// A further-education course: the academic year runs 1 August to 31 July (reg 46).
    FurtherEducation,
    /// An apprenticeship: the plan may run to the end of the training, never on or after the 26th birthday.
    Apprenticeship {
        /// When the apprenticeship's training ends.
        training_ends: NaiveDate,
    },
    /// Any other education or training: the academic year runs 1 September to 31 August.
    Other,
}

/// `further education`, `apprenticeship ending 2027-07-31`, `other education or training`.
impl fmt::Display for Provision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Provision::FurtherEducation => f.pad("further education"),
            Provision::Apprenticeship { training_ends } => {
                f.pad(&format!("apprenticeship ending {training_ends}"))
            }
            Provision::Other => f.pad("other education or training"),
        }
    }
}

/// AGE-25: the last day any plan can be maintained, whatever the young
/// person is doing — the day before the 26th birthday.
///
/// # Errors
///
/// [`Error::DateOverflow`] when the dates cannot be represented.
pub fn last_day_a_plan_can_run(dob: NaiveDate) -> Result<NaiveDate> {
    birthday(dob, 26)?.pred_opt().ok_or(Error::DateOverflow {
        from: dob,
        operation: "the day before the 26th birthday",
    })
}

/// AGE-25: the last day an EHC plan may be maintained for a young person.
///
/// A plan may continue to the end of the academic year in which the young
/// person turns 25 (CFA s46):
///
/// * further education (reg 46): the academic year runs 1 August to 31 July,
///   so a 25th birthday in August falls in the year ending 31 July of the
///   *following* calendar year;
/// * other education or training: 1 September to 31 August;
/// * an apprenticeship: to the end of its training.
///
/// Never on or after the 26th birthday. Reg 46 was seen only partly (unverified);
/// the crate follows this reading and says so.
///
/// # Errors
///
/// [`Error::DateOverflow`] when the dates cannot be represented.
pub fn plan_age_limit(dob: NaiveDate, provision: Provision) -> Result<NaiveDate> {
    let twenty_fifth = birthday(dob, 25)?;
    let day_before_26 = last_day_a_plan_can_run(dob)?;
    let end = match provision {
        Provision::FurtherEducation => {
            // The FE year containing the birthday ends on the next 31 July on or after it.
            let july_year = if twenty_fifth.month() >= 8 {
                twenty_fifth.year().saturating_add(1)
            } else {
                twenty_fifth.year()
            };
            ymd(july_year, 7, 31)?
        }
        Provision::Other => AcademicYear::containing(twenty_fifth).last_day()?,
        Provision::Apprenticeship { training_ends } => training_ends,
    };
    Ok(end.min(day_before_26))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    proptest! {
        /// What Display writes, FromStr reads back (ADV-PFA-Y9 reads year groups).
        #[test]
        fn academic_years_and_year_groups_round_trip(start in 0i32..=9999, n in -5i32..=20) {
            let year = AcademicYear::starting(start);
            prop_assert_eq!(year.to_string().parse::<AcademicYear>().unwrap(), year);
            prop_assert_eq!(start.to_string().parse::<AcademicYear>().unwrap(), year);
            let group = YearGroup::new(n);
            prop_assert_eq!(group.to_string().parse::<YearGroup>().unwrap(), group);
        }

        /// Any text either reads or is an error naming what was expected; never a panic.
        #[test]
        fn parsing_never_panics(text in "\\PC{0,24}") {
            if let Err(e) = text.parse::<AcademicYear>() {
                prop_assert!(e.to_string().contains("academic year"));
            }
            if let Err(e) = text.parse::<YearGroup>() {
                prop_assert!(e.to_string().contains("year group"));
            }
        }
    }

    #[test]
    fn academic_year_text_forms() {
        let y = AcademicYear::starting(2099);
        assert_eq!(y.to_string(), "2099/00");
        assert_eq!("2099/00".parse::<AcademicYear>().unwrap(), y);
        assert_eq!("2099/2100".parse::<AcademicYear>().unwrap(), y);
        assert_eq!(
            " 2025 - 26 ".parse::<AcademicYear>().unwrap(),
            AcademicYear::starting(2025)
        );
        for bad in [
            "",
            "/26",
            "2025/",
            "2025/26/27",
            "-5",
            "12345",
            "2025/2027",
            "2025/6",
        ] {
            assert!(bad.parse::<AcademicYear>().is_err(), "{bad:?}");
        }
        assert_eq!(format!("[{:>9}]", y), "[  2099/00]");
    }

    #[test]
    fn year_group_text_forms() {
        // ADV-PFA-Y9: "Year 9" as schools write it.
        assert_eq!("year 9".parse::<YearGroup>().unwrap(), YearGroup::YEAR_9);
        assert_eq!("Y 11".parse::<YearGroup>().unwrap(), YearGroup::YEAR_11);
        assert_eq!("0".parse::<YearGroup>().unwrap(), YearGroup::RECEPTION);
        assert_eq!(
            "Early years (-2)".parse::<YearGroup>().unwrap(),
            YearGroup::new(-2)
        );
        for bad in [
            "",
            "Year",
            "Year 99",
            "Reception 1",
            "early years -1",
            "Yr 9",
        ] {
            assert!(bad.parse::<YearGroup>().is_err(), "{bad:?}");
        }
        assert_eq!(format!("[{:<10}]", YearGroup::RECEPTION), "[Reception ]");
    }

    #[test]
    fn academic_year_boundaries() {
        assert_eq!(
            AcademicYear::containing(d(2025, 8, 31)),
            AcademicYear::starting(2024)
        );
        assert_eq!(
            AcademicYear::containing(d(2025, 9, 1)),
            AcademicYear::starting(2025)
        );
        assert_eq!(AcademicYear::starting(2025).to_string(), "2025/26");
        assert_eq!(AcademicYear::starting(1999).to_string(), "1999/00");
        assert_eq!(
            AcademicYear::starting(2025).last_day().unwrap(),
            d(2026, 8, 31)
        );
    }

    #[test]
    fn year_groups_from_date_of_birth() {
        // Born 1 Sept 2020: oldest in the class; age 4 on 31 Aug 2025 → Reception in 2025/26.
        assert_eq!(
            year_group(d(2020, 9, 1), AcademicYear::starting(2025)).unwrap(),
            YearGroup::new(0)
        );
        // Born 31 Aug 2021: youngest; age 4 on 31 Aug 2025 → also Reception.
        assert_eq!(
            year_group(d(2021, 8, 31), AcademicYear::starting(2025)).unwrap(),
            YearGroup::RECEPTION
        );
        // ADV-PFA-Y9: born 2011-12-01, turns 14 in 2025/26 → Year 9.
        let y = year_group_on(d(2011, 12, 1), d(2025, 10, 1)).unwrap();
        assert_eq!(y, YearGroup::YEAR_9);
        assert!(y.is_year_9_or_above());
        assert_eq!(y.to_string(), "Year 9");
        // Not yet born on the cutoff: a negative year group, not an error.
        assert_eq!(
            year_group(d(2025, 10, 1), AcademicYear::starting(2025)).unwrap(),
            YearGroup::new(-5)
        );
    }

    #[test]
    fn compulsory_school_age_ends_last_friday_of_june() {
        // Turns 16 on 31 Aug 2026 → academic year 2025/26 → last Friday of June 2026 = 26 June.
        assert_eq!(
            end_of_compulsory_school_age(d(2010, 8, 31)).unwrap(),
            d(2026, 6, 26)
        );
        // Turns 16 on 1 Sep 2026 → 2026/27 → last Friday of June 2027 = 25 June.
        assert_eq!(
            end_of_compulsory_school_age(d(2010, 9, 1)).unwrap(),
            d(2027, 6, 25)
        );
        assert!(is_young_person(d(2010, 8, 31), d(2026, 6, 27)).unwrap());
        assert!(!is_young_person(d(2010, 8, 31), d(2026, 6, 26)).unwrap());
    }

    #[test]
    fn age_25_limits() {
        // AGE-25: born 2001-03-10 turns 25 on 2026-03-10, in 2025/26.
        let dob = d(2001, 3, 10);
        assert_eq!(
            plan_age_limit(dob, Provision::FurtherEducation).unwrap(),
            d(2026, 7, 31)
        );
        assert_eq!(
            plan_age_limit(dob, Provision::Other).unwrap(),
            d(2026, 8, 31)
        );
        let long = Provision::Apprenticeship {
            training_ends: d(2027, 6, 1),
        };
        assert_eq!(plan_age_limit(dob, long).unwrap(), d(2027, 3, 9));
        // Born in August: the academic year ends before the 26th birthday caps it.
        assert_eq!(
            plan_age_limit(d(2001, 8, 20), Provision::Other).unwrap(),
            d(2026, 8, 31)
        );
    }

    fn apprenticeship(y: i32, m: u32, day: u32) -> Provision {
        Provision::Apprenticeship {
            training_ends: d(y, m, day),
        }
    }

    /// AGE-25, further education (1 August – 31 July): an August birthday is in
    /// the FE year ending 31 July of the following year.
    #[test]
    fn age_25_further_education_august_september_july_birthdays() {
        let fe = Provision::FurtherEducation;
        assert_eq!(plan_age_limit(d(2001, 8, 20), fe).unwrap(), d(2027, 7, 31));
        assert_eq!(plan_age_limit(d(2001, 8, 1), fe).unwrap(), d(2027, 7, 31));
        assert_eq!(plan_age_limit(d(2001, 9, 10), fe).unwrap(), d(2027, 7, 31));
        assert_eq!(plan_age_limit(d(2001, 7, 10), fe).unwrap(), d(2026, 7, 31));
        assert_eq!(plan_age_limit(d(2001, 7, 31), fe).unwrap(), d(2026, 7, 31));
    }

    /// AGE-25, other education or training (1 September – 31 August).
    #[test]
    fn age_25_other_august_september_july_birthdays() {
        let other = Provision::Other;
        assert_eq!(
            plan_age_limit(d(2001, 8, 20), other).unwrap(),
            d(2026, 8, 31)
        );
        assert_eq!(
            plan_age_limit(d(2001, 9, 10), other).unwrap(),
            d(2027, 8, 31)
        );
        assert_eq!(
            plan_age_limit(d(2001, 9, 1), other).unwrap(),
            d(2027, 8, 31)
        );
        assert_eq!(
            plan_age_limit(d(2001, 7, 10), other).unwrap(),
            d(2026, 8, 31)
        );
    }

    /// AGE-25, apprenticeship: the end of training, never on or after the 26th birthday.
    #[test]
    fn age_25_apprenticeship_august_september_july_birthdays() {
        let long = apprenticeship(2030, 1, 1);
        assert_eq!(
            plan_age_limit(d(2001, 8, 20), long).unwrap(),
            d(2027, 8, 19)
        );
        assert_eq!(plan_age_limit(d(2001, 9, 10), long).unwrap(), d(2027, 9, 9));
        assert_eq!(plan_age_limit(d(2001, 7, 10), long).unwrap(), d(2027, 7, 9));
        let short = apprenticeship(2026, 12, 31);
        assert_eq!(
            plan_age_limit(d(2001, 8, 20), short).unwrap(),
            d(2026, 12, 31)
        );
        assert_eq!(
            plan_age_limit(d(2001, 9, 10), short).unwrap(),
            d(2026, 12, 31)
        );
        assert_eq!(
            plan_age_limit(d(2001, 7, 10), short).unwrap(),
            d(2026, 12, 31)
        );
        // The day before the 26th birthday is the last possible day, even for a leap-day birthday.
        assert_eq!(
            plan_age_limit(d(2000, 2, 29), apprenticeship(2030, 1, 1)).unwrap(),
            d(2026, 2, 28)
        );
    }

    /// REQ-WHO: a child, a young person, or nobody who can be assessed.
    #[test]
    fn req_who_person_status_for_request() {
        // Compulsory school age ends on the last Friday of June of the year they turn 16.
        let dob = d(2010, 8, 31);
        assert_eq!(
            person_status_for_request(dob, d(2026, 6, 26)).unwrap(),
            PersonStatus::Child
        );
        assert_eq!(
            person_status_for_request(dob, d(2026, 6, 27)).unwrap(),
            PersonStatus::YoungPerson
        );
        // The day before the 25th birthday: still a young person; on it: refused.
        let dob = d(2001, 3, 1);
        assert_eq!(
            person_status_for_request(dob, d(2026, 2, 28)).unwrap(),
            PersonStatus::YoungPerson
        );
        let err = person_status_for_request(dob, d(2026, 3, 1)).unwrap_err();
        assert_eq!(
            err,
            Error::NotChildOrYoungPerson {
                date_of_birth: dob,
                on: d(2026, 3, 1),
                age: 25
            }
        );
        assert!(err.to_string().contains("CFA s36, s83"), "{err}");
        assert!(matches!(
            person_status_for_request(dob, d(2060, 1, 1)),
            Err(Error::NotChildOrYoungPerson { age: 58, .. })
        ));
        assert!(matches!(
            person_status_for_request(dob, d(2000, 1, 1)),
            Err(Error::DatesOutOfOrder { .. })
        ));
        assert_eq!(format!("{:>8}", PersonStatus::Child), "   child");
        assert_eq!(PersonStatus::YoungPerson.to_string(), "young person");
    }

    #[test]
    fn leap_day_birthdays() {
        assert_eq!(birthday(d(2008, 2, 29), 1).unwrap(), d(2009, 3, 1));
        assert_eq!(age_on(d(2008, 2, 29), d(2009, 2, 28)).unwrap(), 0);
        assert_eq!(age_on(d(2008, 2, 29), d(2009, 3, 1)).unwrap(), 1);
        assert!(age_on(d(2008, 2, 29), d(2008, 2, 28)).is_err());
        assert!(birthday(NaiveDate::MAX, 30).is_err());
    }
}
