//! What services store: a [`CaseRecord`], the history plus a schema version.
//!
//! ```json
//! {"schema_version": 2, "council": "London Borough of Sutton",
//!  "child": {"reference": "CYP-1", "date_of_birth": "2016-03-01", "sensory_impairment": "none"},
//!  "history": [{"on": "2025-01-06", "by": {"role": "parent"}, "type": "assessment_requested", "agreement": "not_applicable"}]}
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
use crate::policy::LocalPolicy;

/// The schema version this crate writes and reads.
pub const SCHEMA_VERSION: u32 = 2;

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
        }
    }
}

impl CaseRecord {
    /// Read the case back under the caller's policy and calendar.
    ///
    /// The history is replayed through the consistency checks only, so a case
    /// accepted under an older calendar or policy is read back as it was. Each
    /// event's statutory acts are judged again, by the same path as
    /// [`Case::apply`], under the bank holidays the stored entries carry (not
    /// today's calendar), and the stored compliance history must be exactly
    /// what they produce: an entry changed, missing, repeated, moved or out of
    /// order is refused. A record of schema version
    /// [`SCHEMA_VERSION_WITHOUT_DAYS`], whose entries carry no days, is read
    /// back only when every entry is what the caller's calendar judges; it is
    /// then written with those days. The calendar then
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
        if self.schema_version != SCHEMA_VERSION && !legacy {
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
        let stored = StoredCompliance {
            entries: self.compliance,
            cal,
            legacy,
        };
        Ok(
            Case::replay_checked(self.child, policy.clone(), self.history, Some(stored))?
                .with_clocks(cal),
        )
    }
}
