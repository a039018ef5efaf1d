//! The crate's one error type.
//!
//! Every message is written for the person who has to act on it — a caseworker,
//! an SEN officer, a developer wiring a case-management system — and says what
//! was wrong and what to do about it.
//!
//! ```
//! use send_pathway::{Error, RuleId};
//!
//! let err = "T-NOPE".parse::<RuleId>().unwrap_err();
//! assert!(matches!(err, Error::UnknownRule(_)));
//! assert!(err.to_string().contains("rule IDs look like T-FINAL-20W"));
//! // It boxes into the usual error objects, so `?` works in any program.
//! let boxed: Box<dyn std::error::Error + Send + Sync> = err.into();
//! assert!(boxed.to_string().starts_with("unknown rule identifier"));
//! ```

use chrono::NaiveDate;

/// Shorthand for `Result<T, send_pathway::Error>`.
pub type Result<T, E = Error> = core::result::Result<T, E>;

/// Everything that can go wrong in `send-pathway`.
///
/// The enum is `#[non_exhaustive]`: new failure modes arrive as new variants in
/// minor releases, so match with a wildcard arm.
///
/// `Error` is `std::error::Error + Send + Sync + 'static`, `Clone` and `Eq`, so
/// it crosses threads, boxes into `Box<dyn std::error::Error + Send + Sync>`,
/// and can be compared in tests. Its [`Display`](core::fmt::Display) is the
/// message for people; match on the variant for what a program should do.
/// Most variants carry the facts in their own fields and have no
/// [`source`](std::error::Error::source). [`Error::RecordEvent`] wraps the
/// error that made a stored event unreadable and returns it from `source`
/// only — its own message names the event, not the cause — so error
/// reporters that walk the chain (`anyhow`'s `{:#}`, `eyre`) show each once.
///
/// ```
/// use std::error::Error as _;
/// use send_pathway::Error;
///
/// let inner = Error::UnknownRule("T-NOPE".into());
/// let outer = Error::RecordEvent {
///     position: 3,
///     event: "final plan issued",
///     on: send_pathway::NaiveDate::from_ymd_opt(2025, 5, 23).ok_or("not a date")?,
///     source: Box::new(inner.clone()),
/// };
/// assert_eq!(outer.source().map(|e| e.to_string()), Some(inner.to_string()));
/// // The cause is in the chain, not repeated in the message.
/// assert!(!outer.to_string().contains(&inner.to_string()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        remote = "Self",
        tag = "kind",
        content = "fields",
        rename_all = "snake_case"
    )
)]
#[non_exhaustive]
pub enum Error {
    /// A working-day calculation touched a date the bank-holiday table does not cover.
    #[error(
        "{date} is outside the bank-holiday table, which covers {first_year} to {last_year}; \
         add that year's England and Wales bank holidays to the calendar before counting working days"
    )]
    OutsideHolidayTable {
        /// The date that could not be classified.
        date: NaiveDate,
        /// First calendar year the table covers.
        first_year: i32,
        /// Last calendar year the table covers.
        last_year: i32,
    },

    /// Working-day arithmetic would end in a year the bank-holiday table does not cover.
    #[error(
        "counting {working_days} working days from {from} runs outside the bank-holiday table \
         ({first_year} to {last_year}); extend the table with the missing years' bank holidays"
    )]
    BeyondHolidayTable {
        /// The date counted from.
        from: NaiveDate,
        /// How many working days were counted.
        working_days: u32,
        /// First calendar year the table covers.
        first_year: i32,
        /// Last calendar year the table covers.
        last_year: i32,
    },

    /// Date arithmetic left the range of dates that can be represented.
    #[error("{operation} starting from {from} runs past the last representable date; check the date entered")]
    DateOverflow {
        /// The date the arithmetic started from.
        from: NaiveDate,
        /// What was being computed, in words.
        operation: &'static str,
    },

    /// A bank-holiday table supplied by the caller is inconsistent.
    #[error("invalid bank-holiday table: {reason}")]
    InvalidHolidayTable {
        /// What is wrong with it.
        reason: String,
    },

    /// A school term calendar supplied by the caller is inconsistent.
    #[error("invalid term calendar: {reason}")]
    InvalidTermCalendar {
        /// What is wrong with it.
        reason: String,
    },

    /// A date that must come after another comes before it.
    #[error(
        "{later_label} ({later}) is before {earlier_label} ({earlier}); check the dates entered"
    )]
    DatesOutOfOrder {
        /// Name of the date that should be the earlier one.
        earlier_label: &'static str,
        /// Its value.
        earlier: NaiveDate,
        /// Name of the date that should be the later one.
        later_label: &'static str,
        /// Its value.
        later: NaiveDate,
    },

    /// A value is outside the range the law or the local policy allows.
    #[error("{what} must be between {min} and {max}, but {given} was given")]
    OutOfRange {
        /// What the value is.
        what: &'static str,
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
        /// The value supplied.
        given: i64,
    },

    /// A stored record does not agree with itself.
    #[error("stored record rejected: {reason}")]
    InconsistentRecord {
        /// What does not agree.
        reason: String,
    },

    /// An exception was claimed against a deadline it cannot excuse, or its facts do not meet the legal test.
    #[error("exception {exception} cannot excuse this deadline: {reason}")]
    ExceptionNotApplicable {
        /// The exception claimed (e.g. `EXC-13-3`).
        exception: crate::exceptions::ExceptionId,
        /// Why it does not apply.
        reason: String,
    },

    /// An action would break a rule of the pathway; the rule is named.
    #[error("{rule} ({source}): {reason}", source = rule.source())]
    RuleBroken {
        /// The rule that forbids the action.
        rule: crate::rule::RuleId,
        /// What was attempted and why it is not allowed.
        reason: String,
    },

    /// No meeting slot satisfies every constraint.
    #[error("no meeting slot between {first} and {last}: {reason}")]
    NoMeetingSlot {
        /// First day searched.
        first: NaiveDate,
        /// Last day searched.
        last: NaiveDate,
        /// Why each day was ruled out, in words.
        reason: String,
    },

    /// An amount of money is not a valid sum in pounds.
    #[error("invalid amount {given:?}: {reason}")]
    InvalidAmount {
        /// The amount as given.
        given: String,
        /// What is wrong with it.
        reason: &'static str,
    },

    /// An event of a stored history cannot follow the events before it.
    #[error("stored event {position} ({event} on {on}) cannot be read back")]
    RecordEvent {
        /// Its position in the history, counting from 1.
        position: usize,
        /// What the event is.
        event: &'static str,
        /// Its date.
        on: NaiveDate,
        /// Why it cannot follow.
        #[source]
        source: Box<Error>,
    },

    /// REQ-WHO: the subject of a request is 25 or over on the day it was received.
    #[error(
        "the person was {age} on {on} (born {date_of_birth}): only a child or a young person \
         under 25 can be the subject of an EHC needs assessment request (CFA s36, s83)"
    )]
    NotChildOrYoungPerson {
        /// The person's date of birth.
        date_of_birth: NaiveDate,
        /// The day the request was received.
        on: NaiveDate,
        /// Their age in whole years on that day.
        age: u32,
    },

    /// A rule identifier string that this crate does not know.
    #[error("unknown rule identifier {0:?}; rule IDs look like T-FINAL-20W (every rule is listed in `RuleId::ALL` and RULES.md)")]
    UnknownRule(#[cfg_attr(feature = "serde", serde(serialize_with = "given_field"))] String),

    /// Text written by a person could not be read as the value asked for
    /// (an exception ID, a term name, an academic year, a year group …).
    #[error("{given:?} cannot be read: expected {expected}")]
    Unparsable {
        /// The text as given.
        given: String,
        /// What would have been accepted, with an example
        /// (`"an academic year such as 2025/26"`).
        expected: &'static str,
    },

    /// SEN2-SCOPE: no census date is known for a collection year.
    #[error(
        "no SEN2 census date is known for the {year} collection (known: 2024 to 2027); \
         supply the census date from DfE's guidance with CollectionYear::with_census_date"
    )]
    UnknownCensusDate {
        /// The collection year.
        year: i32,
    },

    /// A view that belongs to one council was given cases from several.
    #[error(
        "the caseload mixes councils ({first} and {other}); a {view} is made per council: \
         group the cases by council first"
    )]
    MixedCouncils {
        /// The first council seen.
        first: String,
        /// Another council seen.
        other: String,
        /// What was being built.
        view: &'static str,
    },

    /// An event a case refused, converted from
    /// [`Refused`](crate::pathway::Refused) (by `?`): the event is kept beside
    /// the reason, and the reason is in the message, not repeated as a source.
    #[error("{} on {} was refused: {reason}", event.kind.name(), event.on)]
    EventRefused {
        /// The event, unchanged.
        event: Box<crate::pathway::Event>,
        /// Why the case refused it.
        reason: Box<Error>,
    },

    /// A case in a caseload view could not be judged (see
    /// [`Judged::complete`](crate::caseload::Judged::complete)); the reason is
    /// in the message, not repeated as a source.
    #[error("case {reference} (#{position} of the caseload) could not be judged: {reason}")]
    CaseNotJudged {
        /// The child's reference.
        reference: String,
        /// The case's position in the caseload iterator, from 0.
        position: usize,
        /// Why.
        reason: Box<Error>,
    },
}

/// `UnknownRule`'s text as `{"given": …}`, so every variant's `fields` is an object.
#[cfg(feature = "serde")]
fn given_field<S: serde::Serializer>(given: &str, s: S) -> core::result::Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(1))?;
    map.serialize_entry("given", given)?;
    map.end()
}

/// An error serialises as one stable shape, `{"kind", "fields", "message"}`:
/// `kind` is the variant in snake_case (`"outside_holiday_table"`), `fields`
/// its facts by name (dates `YYYY-MM-DD`, rule IDs as written, a wrapped
/// cause as a nested error of the same shape) and `message` the text for
/// people ([`Display`](core::fmt::Display)). Errors are answers, not stored
/// data: they serialise but are not read back.
#[cfg(feature = "serde")]
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        struct Tagged<'a>(&'a Error);
        impl serde::Serialize for Tagged<'_> {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> core::result::Result<S::Ok, S::Error> {
                Error::serialize(self.0, s)
            }
        }
        #[derive(serde::Serialize)]
        struct Shape<'a> {
            #[serde(flatten)]
            tagged: Tagged<'a>,
            message: String,
        }
        serde::Serialize::serialize(
            &Shape {
                tagged: Tagged(self),
                message: self.to_string(),
            },
            s,
        )
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;

    #[test]
    fn an_error_serialises_as_kind_fields_and_message() -> Result<(), Box<dyn std::error::Error>> {
        let date = NaiveDate::from_ymd_opt(2027, 2, 15).ok_or("date")?;
        let err = Error::OutsideHolidayTable {
            date,
            first_year: 2019,
            last_year: 2026,
        };
        let json = serde_json::to_value(&err)?;
        assert_eq!(json["kind"], "outside_holiday_table");
        assert_eq!(json["fields"]["date"], "2027-02-15");
        assert_eq!(json["fields"]["first_year"], 2019);
        assert_eq!(json["message"], err.to_string());
        let keys: Vec<&String> = json.as_object().ok_or("object")?.keys().collect();
        assert_eq!(keys.len(), 3);
        Ok(())
    }

    #[test]
    fn every_variant_has_object_fields_and_a_nested_cause() -> Result<(), Box<dyn std::error::Error>>
    {
        let unknown = Error::UnknownRule("T-NOPE".into());
        let json = serde_json::to_value(&unknown)?;
        assert_eq!(json["kind"], "unknown_rule");
        assert_eq!(json["fields"]["given"], "T-NOPE");
        let outer = Error::CaseNotJudged {
            reference: "SUT-1".into(),
            position: 4,
            reason: Box::new(unknown.clone()),
        };
        let json = serde_json::to_value(&outer)?;
        assert_eq!(json["kind"], "case_not_judged");
        assert_eq!(json["fields"]["reason"]["kind"], "unknown_rule");
        assert_eq!(json["fields"]["reason"]["message"], unknown.to_string());
        let broken = Error::RuleBroken {
            rule: crate::RuleId::TFinal20w,
            reason: "late".into(),
        };
        let json = serde_json::to_value(&broken)?;
        assert_eq!(json["fields"]["rule"], "T-FINAL-20W");
        Ok(())
    }
}
