//! Warnings: things the council may still choose to do, but should know about.
//!
//! Where the rules say "usually", "should" or set a target rather than a
//! limit, breaking them is not an error: the action succeeds and a [`Warning`]
//! comes back beside the result, naming the rule.
//!
//! ```
//! use send_pathway::{RuleId, Warning};
//!
//! let warnings = vec![Warning::new(RuleId::TDraft14w, "draft plan sent in week 15")];
//! for w in &warnings {
//!     println!("{w}"); // T-DRAFT-14W: draft plan sent in week 15
//! }
//! assert_eq!(format!("{:<12.11}|", warnings[0]), "T-DRAFT-14W |");
//! ```

use core::fmt;

use crate::rule::RuleId;

/// A rule that was not followed, where the council may still proceed.
///
/// A plain value record: fields are open on purpose (any rule with any
/// message is a valid warning). The struct is `#[non_exhaustive]`, so it is
/// built with [`Warning::new`] and may gain fields in a minor release.
///
/// ```
/// use send_pathway::{RuleId, Warning};
///
/// let w = Warning::new(RuleId::TDraft14w, "draft plan sent in week 15");
/// assert_eq!(w.rule(), RuleId::TDraft14w);
/// assert_eq!(w.message(), "draft plan sent in week 15");
/// assert_eq!(w.to_string(), "T-DRAFT-14W: draft plan sent in week 15");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
pub struct Warning {
    /// The rule concerned.
    pub rule: RuleId,
    /// What happened, in words a caseworker can act on.
    pub message: String,
}

impl Warning {
    /// A warning about `rule`.
    pub fn new(rule: RuleId, message: impl Into<String>) -> Self {
        Warning {
            rule,
            message: message.into(),
        }
    }

    /// The rule concerned.
    pub fn rule(&self) -> RuleId {
        self.rule
    }

    /// What happened, in words a caseworker can act on.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// `RULE-ID: message`, honouring width, alignment and precision as a whole.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.width().is_none() && f.precision().is_none() {
            write!(f, "{}: {}", self.rule, self.message)
        } else {
            f.pad(&format!("{}: {}", self.rule, self.message))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_rule_and_pads_as_a_whole() {
        // T-DRAFT-14W is a target: missing it is a warning, not an error.
        let w = Warning::new(RuleId::TDraft14w, "late");
        assert_eq!(w.to_string(), "T-DRAFT-14W: late");
        assert_eq!(format!("{w:>20}|"), "   T-DRAFT-14W: late|");
        assert_eq!(format!("{w:.11}"), "T-DRAFT-14W");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn unknown_fields_are_errors() {
        let ok: Warning =
            serde_json::from_str(r#"{"rule":"T-DRAFT-14W","message":"late"}"#).unwrap();
        assert_eq!(ok, Warning::new(RuleId::TDraft14w, "late"));
        assert!(serde_json::from_str::<Warning>(
            r#"{"rule":"T-DRAFT-14W","message":"late","extra":1}"#
        )
        .is_err());
        assert!(serde_json::from_str::<Warning>(r#"{"rule":"T-NOPE","message":"late"}"#).is_err());
    }
}
