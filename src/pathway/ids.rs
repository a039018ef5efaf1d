//! Typed names for the things a case opens: disputes, school consultations,
//! Additional Support Contracts and Next Steps Meetings.
//!
//! The case numbers what it opens, in the order it opens them, and hands the
//! number back from [`Case::apply`](super::Case::apply) in
//! [`Applied::opened`](super::Applied::opened). Later events name the thing by
//! that id, never by a position in some list, so an id stays valid however
//! many other things are opened or closed around it. In stored JSON an id is a
//! plain number.

use core::fmt;

macro_rules! case_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(transparent))]
        pub struct $name(u32);

        impl $name {
            /// The id with this number (the case numbers from 0, in opening order).
            pub const fn new(number: u32) -> Self {
                $name(number)
            }

            /// Its number.
            pub const fn number(self) -> u32 {
                self.0
            }

            /// Index into the case's dense list of these things.
            pub(crate) fn index(self) -> usize {
                self.0 as usize
            }

            /// The id of the next one to open after `count` of them exist.
            pub(crate) fn next(count: usize) -> Option<Self> {
                u32::try_from(count).ok().map($name)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&format!(concat!($what, " {}{}"), $prefix, self.0))
            }
        }
    };
}

case_id!(
    /// One mediation-and-appeal track, opened by an appealable decision (APPEAL-TRACKS).
    DisputeId, "D", "dispute"
);
case_id!(
    /// One consultation of a school or college about a draft plan (T-SCHOOL-CONSULT-15D).
    ConsultationId, "C", "consultation"
);
case_id!(
    /// One Additional Support Contract of the child (ASC-SCOPE).
    ContractId, "K", "contract"
);
case_id!(
    /// One Next Steps Meeting offered after a "no" (NSM-WHEN).
    MeetingId, "M", "meeting"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_display_with_prefix_and_honour_width() {
        assert_eq!(DisputeId::new(2).to_string(), "dispute D2");
        assert_eq!(format!("{:>12}", ContractId::new(0)), " contract K0");
        assert_eq!(MeetingId::next(3), Some(MeetingId::new(3)));
    }
}
