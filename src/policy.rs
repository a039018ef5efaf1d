//! What differs between councils: a typed [`LocalPolicy`] with presets.
//!
//! The statute is the same everywhere; local protocols are not. The seeds show
//! Sutton offering a Next Steps Meeting automatically and running Additional
//! Support Contracts, and Salford holding a follow-up meeting only on request
//! and reviewing under-fives every 6 months "on or before the anniversary".
//! Every choice that DOMAIN.md leaves open (D-3, D-4, D-13) is a field here, so
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

/// What the annual review clock restarts from after a review (DOMAIN D-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReviewAnchor {
    /// The date of the review-decision notice (DOMAIN's recommendation; default).
    #[default]
    DecisionNotice,
    /// The date of the review meeting.
    Meeting,
}

/// A council's local choices.
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
    /// T-REVIEW-UNDER5, D-4.
    pub under_five_interval: UnderFiveInterval,
    /// T-REVIEW-12M, D-3: how the 12 months are counted.
    pub review_due: ReviewDueReading,
    /// T-REVIEW-12M, D-3: what the clock restarts from.
    pub review_anchor: ReviewAnchor,
    /// T-PHASE-15FEB / T-PHASE-31MAR, D-13.
    pub phase_transfer: FixedDateReading,
}

impl LocalPolicy {
    /// DOMAIN's recommendations everywhere, no NSM and no ASC: the statute alone.
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

    /// Salford City Council (seed 004): follow-up meeting only on request
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
display_by_pad!(ReviewAnchor, a => match a {
    ReviewAnchor::DecisionNotice => "from the review-decision notice",
    ReviewAnchor::Meeting => "from the review meeting",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_differ_where_the_seeds_do() {
        let (sutton, salford) = (LocalPolicy::sutton(), LocalPolicy::salford());
        assert_eq!(sutton.nsm, NsmOffer::Automatic);
        assert_eq!(salford.nsm, NsmOffer::OnRequest); // NSM-SALFORD
        assert_eq!(sutton.asc, AscScheme::Available);
        assert_eq!(salford.asc, AscScheme::NotAvailable);
        assert_eq!(salford.under_five_interval.get(), 6); // T-REVIEW-UNDER5, D-4
    }
}
