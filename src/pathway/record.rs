//! What services store: a [`CaseRecord`], the history with its compliance
//! and policy histories, and a schema version.
//!
//! ```json
//! {"schema_version": 3, "council": "Sutton",
//!  "child": {"reference": "CYP-1", "date_of_birth": "2016-03-01", "sensory_impairment": "none"},
//!  "history": [{"on": "2025-01-06", "by": {"role": "parent"}, "type": "assessment_requested", "agreement": "not_applicable"}],
//!  "compliance": [],
//!  "policies": [{"from_event": 1, "policy": {"council": "Sutton", "nsm": "automatic", "asc": "available",
//!    "under_five_interval": 6, "review_due": "twelve_months_starting_with",
//!    "review_anchor": "decision_notice", "phase_transfer": "strict"}}]}
//! ```
//!
//! Reading it back ([`CaseRecord::into_case`]) takes the caller's calendar and
//! policy, replays the history through the consistency checks (never
//! re-judging what was accepted), and names the first bad event.

use super::case::{Case, Child, StoredCompliance};
use super::compliance::ComplianceEntry;
use super::event::Event;
use crate::calendar::HolidayCalendar;
use crate::error::{Error, Result};
use crate::policy::{LocalPolicy, PolicyInForce};

/// The schema version this crate writes and reads.
pub const SCHEMA_VERSION: u32 = 3;

/// The schema version before records carried their policy history: read
/// back with the caller's policy governing every event, as it was then.
pub const SCHEMA_VERSION_WITHOUT_POLICY: u32 = 2;

/// The first schema version, whose compliance entries carry no bank holidays:
/// read back only when every entry is what the caller's calendar judges.
pub const SCHEMA_VERSION_WITHOUT_DAYS: u32 = 1;

/// A case as stored: schema version, the council, the child and the history.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CaseRecord {
    /// Always [`SCHEMA_VERSION`] when written by this crate.
    pub schema_version: u32,
    /// The council whose policy the case was run under.
    pub council: String,
    /// The child.
    pub child: Child,
    /// Every event, in order.
    pub history: Vec<Event>,
    /// The compliance history: each statutory act as judged when it happened.
    #[cfg_attr(feature = "serde", serde(default))]
    pub compliance: Vec<ComplianceEntry>,
    /// The policy history: the policy each event was applied under (from
    /// schema version 3; empty in older records).
    #[cfg_attr(feature = "serde", serde(default))]
    pub policies: Vec<PolicyInForce>,
}

impl From<&Case> for CaseRecord {
    fn from(case: &Case) -> Self {
        let (child, policy, history, compliance) = case.parts();
        CaseRecord {
            schema_version: SCHEMA_VERSION,
            council: policy.council.clone(),
            child: child.clone(),
            history: history.to_vec(),
            compliance: compliance.to_vec(),
            policies: case.policy_history(),
        }
    }
}

impl CaseRecord {
    /// Read the case back under the caller's policy and calendar.
    ///
    /// The history is replayed through the consistency checks only, so a case
    /// accepted under an older calendar or policy is read back as it was:
    /// every event is replayed under the policy it was applied under (the
    /// record's policy history), never today's, so what a policy decided then
    /// (an NSM offered, an ASC scheme in force) stands. The caller's `policy`
    /// governs the events applied from now on and the running clocks. Each
    /// event's statutory acts are judged again, by the same path as
    /// [`Case::apply`], under the bank holidays the stored entries carry (not
    /// today's calendar), and the stored compliance history must be exactly
    /// what they produce: an entry changed, missing, repeated, moved or out of
    /// order is refused. A record of schema version
    /// [`SCHEMA_VERSION_WITHOUT_DAYS`], whose entries carry no days, is read
    /// back only when every entry is what the caller's calendar judges; it is
    /// then written with those days. A record of schema version
    /// [`SCHEMA_VERSION_WITHOUT_POLICY`] (or older) carries no policy history:
    /// its events are replayed under the caller's policy, as they were read
    /// when it was written. The calendar then
    /// works out the case's running clocks once, so its obligations on any
    /// later day are a few comparisons; a clock the table cannot place (a
    /// year it does not cover) is reported when obligations are asked for.
    ///
    /// # Errors
    ///
    /// [`Error::InconsistentRecord`] for another schema version or another
    /// council's policy; [`Error::RecordEvent`] naming the first event that
    /// cannot follow, or a compliance entry that contradicts its event.
    pub fn into_case(self, cal: &HolidayCalendar, policy: &LocalPolicy) -> Result<Case> {
        let legacy = self.schema_version == SCHEMA_VERSION_WITHOUT_DAYS;
        let without_policy = legacy || self.schema_version == SCHEMA_VERSION_WITHOUT_POLICY;
        if self.schema_version != SCHEMA_VERSION && !without_policy {
            return Err(Error::InconsistentRecord {
                reason: format!(
                    "schema version {} is not the version this crate reads ({SCHEMA_VERSION})",
                    self.schema_version
                ),
            });
        }
        if self.council != policy.council {
            return Err(Error::InconsistentRecord {
                reason: format!(
                    "the case was run under {}'s policy, not {}'s",
                    self.council, policy.council
                ),
            });
        }
        let policies = if without_policy {
            if !self.policies.is_empty() {
                return Err(Error::InconsistentRecord {
                    reason: format!(
                        "a record of schema version {} carries no policy history, but this one does",
                        self.schema_version
                    ),
                });
            }
            vec![PolicyInForce::new(1, policy.clone())?]
        } else {
            if let Some(other) = self
                .policies
                .iter()
                .find(|p| p.policy().council != self.council)
            {
                return Err(Error::InconsistentRecord {
                    reason: format!(
                        "the record is {}'s, but its policy history names {}'s policy",
                        self.council,
                        other.policy().council
                    ),
                });
            }
            self.policies
        };
        let stored = StoredCompliance {
            entries: self.compliance,
            cal,
            legacy,
        };
        let mut case = Case::replay_checked(self.child, policies, self.history, Some(stored))?;
        // Events from now on follow the caller's policy; those read back keep their own.
        case.set_policy(policy.clone())?;
        Ok(case.with_clocks(cal))
    }
}
