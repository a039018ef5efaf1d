//! Annual reviews: who is invited, what the meeting covers, and the
//! reminders particular school years bring (REVIEW-*).

use chrono::NaiveDate;

use crate::calendar::{age_on, year_group_on};
use crate::rule::RuleId;
use crate::warning::Warning;

/// Where the child or young person is educated, for the review invitation list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Setting {
    /// An early-years provider.
    EarlyYears,
    /// A school (the school hosts the review, reg 20).
    School,
    /// A post-16 institution.
    PostSixteen,
    /// Not in a school or other institution (the council arranges the review, reg 21).
    NotInInstitution,
}

/// Who a review meeting invites (REVIEW-INVITEES, regs 20(2), 21(2)).
pub fn review_invitees(setting: Setting) -> Vec<&'static str> {
    let head = match setting {
        Setting::EarlyYears => "the early-years provider",
        Setting::School => "the head teacher",
        Setting::PostSixteen => "the principal",
        Setting::NotInInstitution => {
            "the provider of any education or training the council arranges"
        }
    };
    vec![
        "the child's parent or the young person",
        head,
        "an officer of the council who exercises SEN functions",
        "a health care professional identified by the responsible commissioning body",
        "an officer of the council who exercises social care functions",
    ]
}

/// What every review does (REVIEW-CONDUCT, reg 19).
pub const REVIEW_CONDUCT: [&str; 3] = [
    "consult the child and the child's parent, or the young person, and take account of their views, wishes and feelings",
    "consider the child's or young person's progress towards the outcomes in the plan and whether they remain appropriate",
    "consult the school or other institution attended",
];

/// One of the three things every review must do (REVIEW-CONDUCT, reg 19).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReviewDuty {
    /// Consult the child and parent, or the young person, and take account of their views.
    ConsultChildAndFamily,
    /// Consider progress towards the outcomes and whether they remain appropriate.
    ConsiderProgress,
    /// Consult the school or other institution attended.
    ConsultSchool,
}

impl ReviewDuty {
    /// All three duties.
    pub const ALL: [ReviewDuty; 3] = [
        ReviewDuty::ConsultChildAndFamily,
        ReviewDuty::ConsiderProgress,
        ReviewDuty::ConsultSchool,
    ];

    /// The duty in the words of [`REVIEW_CONDUCT`].
    pub fn describe(self) -> &'static str {
        match self {
            ReviewDuty::ConsultChildAndFamily => REVIEW_CONDUCT[0],
            ReviewDuty::ConsiderProgress => REVIEW_CONDUCT[1],
            ReviewDuty::ConsultSchool => REVIEW_CONDUCT[2],
        }
    }

    pub(crate) fn bit(self) -> u8 {
        match self {
            ReviewDuty::ConsultChildAndFamily => 1,
            ReviewDuty::ConsiderProgress => 2,
            ReviewDuty::ConsultSchool => 4,
        }
    }
}

impl core::fmt::Display for ReviewDuty {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(self.describe())
    }
}

/// Reminders for a review meeting on `meeting_on`, from the child's year group
/// (REVIEW-SPECIAL-YEARS as Salford practises it; REVIEW-PFA-Y9 by law) and
/// age (T-REVIEW-UNDER5).
pub fn review_focus(date_of_birth: NaiveDate, meeting_on: NaiveDate) -> Vec<Warning> {
    let mut notes = Vec::new();
    if age_on(date_of_birth, meeting_on).is_ok_and(|age| age < 5) {
        notes.push(Warning::new(
            RuleId::TReviewUnder5,
            "under 5: consider reviewing every 3 to 6 months as well as the annual review",
        ));
    }
    let Ok(year) = year_group_on(date_of_birth, meeting_on) else {
        return notes;
    };
    let special = match year.number() {
        5 => Some("Year 5: the review recommends the type of secondary provision"),
        6 => Some("Year 6: the review confirms the secondary placement"),
        9 => Some("Year 9: the review focuses on preparing for adulthood"),
        11 => Some("Year 11: review shortly before leaving school; plan post-16 options"),
        13 => Some("Year 13: review shortly before leaving; plan post-18 destinations"),
        _ => None,
    };
    if let Some(text) = special {
        notes.push(Warning::new(RuleId::ReviewSpecialYears, text));
    }
    if year.is_year_9_or_above() {
        notes.push(Warning::new(RuleId::ReviewPfaY9, "from Year 9 the review considers provision for preparing for adulthood and independent living"));
    }
    notes
}
