//! What differs between councils: a typed [`LocalPolicy`] with presets.
//!
//! The statute is the same everywhere; local protocols are not. The seeds show
//! Sutton offering a Next Steps Meeting automatically and running Additional
//! Support Contracts, and Salford holding a follow-up meeting only on request
//! and reviewing under-fives every 6 months "on or before the anniversary".
//! Every reading the law leaves open (T-REVIEW-12M, T-REVIEW-UNDER5, T-PHASE-15FEB) is a field here, so
//! a council's configuration is one value, stored with its cases.
//!
//! ```
//! use send_pathway::policy::{AscScheme, NsmOffer};
//! use send_pathway::LocalPolicy;
//!
//! let sutton = LocalPolicy::sutton();
//! assert_eq!(sutton.nsm, NsmOffer::Automatic); // NSM-WHEN
//! assert_eq!(sutton.asc, AscScheme::Available); // ASC-SCOPE
//! assert_eq!(LocalPolicy::salford().nsm.to_string(), "follow-up meeting on request"); // NSM-SALFORD
//!
//! // A council of your own: the statutory defaults, changed where it differs.
//! let kingston = LocalPolicy::builder("Kingston").nsm(NsmOffer::Automatic).build();
//! assert_eq!(kingston.nsm, NsmOffer::Automatic);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::calendar::FixedDateReading;
use crate::deadlines::{ReviewDueReading, UnderFiveInterval};

/// When a Next Steps Meeting is held after a "no" (NSM-WHEN, NSM-SALFORD).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NsmOffer {
    /// Offered to every family after a "no" (Sutton).
    Automatic,
    /// Held only when the family asks (Salford, NSM-SALFORD).
    OnRequest,
    /// The council has no such meeting.
    NotOffered,
}

/// Whether the council runs Additional Support Contracts (ASC-SCOPE).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AscScheme {
    /// Additional Support Contracts exist (Sutton).
    Available,
    /// They do not.
    NotAvailable,
}

/// What the annual review clock restarts from after a review (T-REVIEW-12M).
///
/// `#[non_exhaustive]`: another anchor may join in a minor release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ReviewAnchor {
    /// The date of the review-decision notice (the crate's default).
    #[default]
    DecisionNotice,
    /// The date of the review meeting.
    Meeting,
}

/// A council's local choices.
///
/// A plain value record: fields are open on purpose, to read and to change
/// (every field is a typed choice, each value valid). The struct is
/// `#[non_exhaustive]` so a new local choice can join in a minor release;
/// build one from a preset ([`statutory`](Self::statutory),
/// [`sutton`](Self::sutton), [`salford`](Self::salford)) or with
/// [`LocalPolicy::builder`]:
///
/// ```
/// use send_pathway::deadlines::{ReviewDueReading, UnderFiveInterval};
/// use send_pathway::policy::{AscScheme, NsmOffer};
/// use send_pathway::LocalPolicy;
///
/// let policy = LocalPolicy::builder("Kingston")
///     .nsm(NsmOffer::OnRequest)
///     .under_five_interval(UnderFiveInterval::months(4)?)
///     .review_due(ReviewDueReading::Anniversary)
///     .build();
/// assert_eq!(policy.council, "Kingston");
/// assert_eq!(policy.asc, AscScheme::NotAvailable); // the statutory default
/// assert!(policy.to_string().starts_with("Kingston: follow-up meeting on request"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct LocalPolicy {
    /// The council's name, for reports.
    pub council: String,
    /// NSM-WHEN / NSM-SALFORD.
    pub nsm: NsmOffer,
    /// ASC-SCOPE: whether Additional Support Contracts exist.
    pub asc: AscScheme,
    /// T-REVIEW-UNDER5.
    pub under_five_interval: UnderFiveInterval,
    /// T-REVIEW-12M: how the 12 months are counted.
    pub review_due: ReviewDueReading,
    /// T-REVIEW-12M: what the clock restarts from.
    pub review_anchor: ReviewAnchor,
    /// T-PHASE-15FEB / T-PHASE-31MAR.
    pub phase_transfer: FixedDateReading,
}

impl LocalPolicy {
    /// A builder starting from [`LocalPolicy::statutory`]: set only what the
    /// council does differently, then [`build`](LocalPolicyBuilder::build).
    pub fn builder(council: impl Into<String>) -> LocalPolicyBuilder {
        LocalPolicyBuilder {
            policy: LocalPolicy::statutory(council),
        }
    }

    /// The crate's default readings everywhere, no NSM and no ASC: the statute alone.
    pub fn statutory(council: impl Into<String>) -> Self {
        LocalPolicy {
            council: council.into(),
            nsm: NsmOffer::NotOffered,
            asc: AscScheme::NotAvailable,
            under_five_interval: UnderFiveInterval::default(),
            review_due: ReviewDueReading::default(),
            review_anchor: ReviewAnchor::default(),
            phase_transfer: FixedDateReading::default(),
        }
    }

    /// London Borough of Sutton (seeds 000, 001): NSM offered automatically,
    /// Additional Support Contracts available, statutory readings otherwise.
    pub fn sutton() -> Self {
        LocalPolicy {
            nsm: NsmOffer::Automatic,
            asc: AscScheme::Available,
            ..LocalPolicy::statutory("Sutton")
        }
    }

    /// Salford City Council: follow-up meeting only on request
    /// (NSM-SALFORD), under-fives reviewed every 6 months, annual review "on or
    /// before the anniversary", no ASC scheme in the seeds.
    pub fn salford() -> Self {
        LocalPolicy {
            nsm: NsmOffer::OnRequest,
            review_due: ReviewDueReading::Anniversary,
            ..LocalPolicy::statutory("Salford")
        }
    }
}

/// Builds a [`LocalPolicy`] from the statutory defaults; see
/// [`LocalPolicy::builder`]. Every setter takes a value that is valid by
/// construction, so [`build`](Self::build) cannot fail.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct LocalPolicyBuilder {
    policy: LocalPolicy,
}

impl LocalPolicyBuilder {
    /// NSM-WHEN / NSM-SALFORD: when a Next Steps Meeting is held.
    pub fn nsm(mut self, nsm: NsmOffer) -> Self {
        self.policy.nsm = nsm;
        self
    }

    /// ASC-SCOPE: whether Additional Support Contracts exist.
    pub fn asc(mut self, asc: AscScheme) -> Self {
        self.policy.asc = asc;
        self
    }

    /// T-REVIEW-UNDER5: the interval between reviews for under-fives.
    pub fn under_five_interval(mut self, interval: UnderFiveInterval) -> Self {
        self.policy.under_five_interval = interval;
        self
    }

    /// T-REVIEW-12M: how the 12 months are counted.
    pub fn review_due(mut self, reading: ReviewDueReading) -> Self {
        self.policy.review_due = reading;
        self
    }

    /// T-REVIEW-12M: what the review clock restarts from.
    pub fn review_anchor(mut self, anchor: ReviewAnchor) -> Self {
        self.policy.review_anchor = anchor;
        self
    }

    /// T-PHASE-15FEB / T-PHASE-31MAR: how "before 15 February" is read.
    pub fn phase_transfer(mut self, reading: FixedDateReading) -> Self {
        self.policy.phase_transfer = reading;
        self
    }

    /// The policy.
    pub fn build(self) -> LocalPolicy {
        self.policy
    }
}

impl Default for LocalPolicy {
    fn default() -> Self {
        LocalPolicy::statutory("")
    }
}

// ----- Display: what a council's configuration reads as -----

display_by_pad!(NsmOffer, o => match o {
    NsmOffer::Automatic => "Next Steps Meeting offered after every \"no\"",
    NsmOffer::OnRequest => "follow-up meeting on request",
    NsmOffer::NotOffered => "no Next Steps Meeting",
});
display_by_pad!(AscScheme, s => match s {
    AscScheme::Available => "Additional Support Contracts available",
    AscScheme::NotAvailable => "no Additional Support Contracts",
});
display_by_pad!(LocalPolicy, p => format!(
    "{}: {}; {}; under-fives reviewed every {}; annual review {}, {}; phase transfer {}",
    if p.council.is_empty() { "(no council named)" } else { p.council.as_str() },
    p.nsm,
    p.asc,
    p.under_five_interval,
    p.review_due,
    p.review_anchor,
    p.phase_transfer,
));
display_by_pad!(ReviewAnchor, a => match a {
    ReviewAnchor::DecisionNotice => "from the review-decision notice",
    ReviewAnchor::Meeting => "from the review meeting",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_starts_from_the_statute() {
        // NSM-WHEN, ASC-SCOPE, T-REVIEW-UNDER5: the builder changes only what it is told.
        assert_eq!(
            LocalPolicy::builder("Sutton")
                .nsm(NsmOffer::Automatic)
                .asc(AscScheme::Available)
                .build(),
            LocalPolicy::sutton()
        );
        assert_eq!(
            LocalPolicy::builder("X").build(),
            LocalPolicy::statutory("X")
        );
        let text = LocalPolicy::salford().to_string();
        assert!(
            text.starts_with("Salford: follow-up meeting on request;"),
            "{text}"
        );
        assert!(
            text.contains("under-fives reviewed every 6 months"),
            "{text}"
        );
    }

    #[test]
    fn presets_differ_where_the_seeds_do() {
        let (sutton, salford) = (LocalPolicy::sutton(), LocalPolicy::salford());
        assert_eq!(sutton.nsm, NsmOffer::Automatic);
        assert_eq!(salford.nsm, NsmOffer::OnRequest); // NSM-SALFORD
        assert_eq!(sutton.asc, AscScheme::Available);
        assert_eq!(salford.asc, AscScheme::NotAvailable);
        assert_eq!(salford.under_five_interval.get(), 6); // T-REVIEW-UNDER5
    }
}

/// A council's policy and the first event of a case it governed: one entry
/// of a case's policy history ([`Case::policies`](crate::pathway::Case::policies)).
///
/// What a policy decided (an NSM offered, an Additional Support Contract
/// scheme in force, how a review deadline is read) is decided once, under the
/// policy in force on the day; a stored case carries its policy history so
/// that reading it back under a later policy replays every event under its
/// own.
///
/// ```
/// use send_pathway::policy::PolicyInForce;
/// use send_pathway::LocalPolicy;
///
/// let entry = PolicyInForce::new(1, LocalPolicy::sutton())?;
/// assert_eq!(entry.from_event(), 1);
/// assert!(PolicyInForce::new(0, LocalPolicy::sutton()).is_err()); // events count from 1
/// # Ok::<(), send_pathway::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "StoredPolicyInForce"))]
pub struct PolicyInForce {
    from_event: usize,
    policy: LocalPolicy,
}

impl PolicyInForce {
    /// The policy governing a case from its event `from_event` (counting from 1) on.
    ///
    /// # Errors
    ///
    /// [`Error::InconsistentRecord`](crate::Error::InconsistentRecord) for event 0.
    pub fn new(from_event: usize, policy: LocalPolicy) -> crate::Result<Self> {
        if from_event == 0 {
            return Err(crate::Error::InconsistentRecord {
                reason: format!(
                    "{}'s policy is said to govern from event 0; events count from 1",
                    policy.council
                ),
            });
        }
        Ok(PolicyInForce { from_event, policy })
    }

    /// The position (from 1) of the first event this policy governed.
    pub fn from_event(&self) -> usize {
        self.from_event
    }

    /// The policy.
    pub fn policy(&self) -> &LocalPolicy {
        &self.policy
    }
}

impl core::fmt::Display for PolicyInForce {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(&format!("from event {}: {}", self.from_event, self.policy))
    }
}

/// A policy-history entry as stored, checked before it becomes one.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredPolicyInForce {
    from_event: usize,
    policy: LocalPolicy,
}

#[cfg(feature = "serde")]
impl TryFrom<StoredPolicyInForce> for PolicyInForce {
    type Error = crate::Error;
    fn try_from(s: StoredPolicyInForce) -> crate::Result<Self> {
        PolicyInForce::new(s.from_event, s.policy)
    }
}
