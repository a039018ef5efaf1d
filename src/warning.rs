//! Warnings: things the council may still choose to do, but should know about.
//!
//! Where the rules say "usually", "should" or set a target rather than a
//! limit, breaking them is not an error: the action succeeds and a [`Warning`]
//! comes back beside the result, naming the rule.

use core::fmt;

use crate::rule::RuleId;

/// A rule that was not followed, where the council may still proceed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.rule, self.message)
    }
}
