//! Next Steps Meetings (Sutton).
//!
//! When the panel says no to an assessment, or no to a plan after one, Sutton
//! offers the family a Next Steps Meeting with the setting and the
//! professionals involved (NSM-WHEN); Salford holds a follow-up meeting only on
//! request (NSM-SALFORD). The meeting is optional, and declining it pauses and
//! changes no statutory clock (NSM-OPTIONAL): mediation and appeal limits
//! run from the decision notice whatever the family decides here.
//!
//! This module offers plain scheduling functions — the contact window
//! ([`contact_window`]), the latest date ([`latest_meeting_date`]), the earliest
//! free slots ([`propose_slots`]) — and a validated [`NextStepsMeeting`] with its
//! invitations, agenda and form.
//!
//! ```
//! use chrono::NaiveDate;
//! use send_pathway::nsm::{contact_window, latest_meeting_date, offer, AgendaItem, NsmAvailability, PanelOutcome};
//! use send_pathway::LocalPolicy;
//!
//! let panel = NaiveDate::from_ymd_opt(2025, 4, 15).ok_or("bad date")?;
//! assert_eq!(offer(PanelOutcome::NoToAssess, &LocalPolicy::sutton()), NsmAvailability::Offered);
//! assert_eq!(offer(PanelOutcome::NoToAssess, &LocalPolicy::salford()), NsmAvailability::OnRequest);
//! let contact = contact_window(panel)?; // NSM-CONTACT-1W
//! assert_eq!(contact.last().to_string(), "2025-04-22");
//! assert_eq!(latest_meeting_date(panel)?.to_string(), "2025-04-29"); // NSM-WITHIN-2W
//! assert_eq!(AgendaItem::STANDARD[2].to_string(), "Parental rights"); // NSM-AGENDA-7
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};

use crate::calendar::{days_after, DateRange, HolidayCalendar, TermCalendar};
use crate::error::{Error, Result};
use crate::money::Pounds;
use crate::policy::{LocalPolicy, NsmOffer};
use crate::rule::RuleId;
use crate::warning::Warning;

fn broken(rule: RuleId, reason: impl Into<String>) -> Error {
    Error::RuleBroken {
        rule,
        reason: reason.into(),
    }
}

/// What the panel decided (NSM-WHEN).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PanelOutcome {
    /// An EHC needs assessment is not required.
    NoToAssess,
    /// After an assessment, an EHC plan is not required.
    NoToPlan,
}

/// Whether and how the meeting is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NsmAvailability {
    /// Offered to the family, who may accept or decline (Sutton).
    Offered,
    /// Held only if the family asks (Salford).
    OnRequest,
    /// The council has no such meeting.
    NotAvailable,
}

/// NSM-WHEN / NSM-SALFORD: whether the council offers a meeting after this outcome.
///
/// Both outcomes qualify (NSM-WHEN); the council's policy decides whether the
/// offer is automatic or on request.
pub fn offer(outcome: PanelOutcome, policy: &LocalPolicy) -> NsmAvailability {
    // Both "no" outcomes qualify; the match keeps that visible if outcomes are added.
    match (outcome, policy.nsm) {
        (PanelOutcome::NoToAssess | PanelOutcome::NoToPlan, NsmOffer::Automatic) => {
            NsmAvailability::Offered
        }
        (PanelOutcome::NoToAssess | PanelOutcome::NoToPlan, NsmOffer::OnRequest) => {
            NsmAvailability::OnRequest
        }
        (_, NsmOffer::NotOffered) => NsmAvailability::NotAvailable,
    }
}

/// The family's answer. Declining is always allowed and changes no statutory
/// clock (NSM-OPTIONAL).
///
/// `#[non_exhaustive]`: a local workflow answer that may grow (a withdrawal, say); match with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "answer", content = "on", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum FamilyResponse {
    /// No answer yet.
    Awaiting,
    /// Accepted (or, where held on request, requested) on this date.
    Accepted(NaiveDate),
    /// Declined on this date.
    Declined(NaiveDate),
}

/// NSM-CONTACT-1W: the facilitator contacts the setting "during the week
/// following the panel" — read as panel + 1 … panel + 7 days (the rules catalogue's
/// recommendation).
///
/// # Errors
///
/// [`Error::DateOverflow`] at the edge of the representable range.
pub fn contact_window(panel: NaiveDate) -> Result<DateRange> {
    DateRange::new(days_after(panel, 1)?, days_after(panel, 7)?)
}

/// NSM-WITHIN-2W: the latest meeting date, panel + 14 days.
///
/// # Errors
///
/// [`Error::DateOverflow`] at the edge of the representable range.
pub fn latest_meeting_date(panel: NaiveDate) -> Result<NaiveDate> {
    days_after(panel, 14)
}

/// The days a meeting may be held: the day after the panel up to panel + 14 (NSM-WITHIN-2W).
///
/// # Errors
///
/// [`Error::DateOverflow`] at the edge of the representable range.
pub fn meeting_window(panel: NaiveDate) -> Result<DateRange> {
    DateRange::new(days_after(panel, 1)?, latest_meeting_date(panel)?)
}

/// The length of a meeting, 90 to 120 minutes (NSM-DURATION).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "u32", into = "u32"))]
pub struct MeetingLength(u32);

impl MeetingLength {
    /// Shortest allowed: 1.5 hours.
    pub const SHORTEST: MeetingLength = MeetingLength(90);
    /// Longest allowed: 2 hours.
    pub const LONGEST: MeetingLength = MeetingLength(120);

    /// A length in minutes.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] (NSM-DURATION) outside 90–120 minutes.
    pub fn minutes(minutes: u32) -> Result<Self> {
        if (90..=120).contains(&minutes) {
            Ok(MeetingLength(minutes))
        } else {
            Err(broken(RuleId::NsmDuration, format!("a Next Steps Meeting lasts 1.5 to 2 hours (90-120 minutes), not {minutes} minutes")))
        }
    }

    /// The length in minutes.
    pub fn get(self) -> u32 {
        self.0
    }

    fn delta(self) -> TimeDelta {
        TimeDelta::minutes(i64::from(self.0))
    }

    /// The end of a meeting of this length starting at `start`.
    fn end_from(self, start: NaiveDateTime) -> Result<NaiveDateTime> {
        start
            .checked_add_signed(self.delta())
            .ok_or(Error::DateOverflow {
                from: start.date(),
                operation: "the end of the meeting",
            })
    }
}

impl TryFrom<u32> for MeetingLength {
    type Error = Error;
    fn try_from(m: u32) -> Result<Self> {
        MeetingLength::minutes(m)
    }
}

impl From<MeetingLength> for u32 {
    fn from(m: MeetingLength) -> u32 {
        m.0
    }
}

/// A time a participant cannot attend, `from` (inclusive) to `to` (exclusive).
///
/// A plain value record: fields are open on purpose.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Unavailability {
    /// Who.
    pub participant: String,
    /// From.
    pub from: NaiveDateTime,
    /// Until (exclusive).
    pub to: NaiveDateTime,
}

/// A proposed meeting time.
///
/// A plain value record: fields are open on purpose; an answer of [`propose_slots`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Slot {
    /// Start.
    pub start: NaiveDateTime,
    /// End (exclusive).
    pub end: NaiveDateTime,
}

impl Slot {
    fn clashes_with(&self, u: &Unavailability) -> bool {
        self.start < u.to && u.from < self.end
    }
}

/// What to search for in [`propose_slots`].
///
/// A plain value record: fields are open on purpose; checked by [`propose_slots`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SlotSearch {
    /// The panel date the window runs from.
    pub panel: NaiveDate,
    /// How long the meeting will last.
    pub length: MeetingLength,
    /// Earliest start on any day (e.g. 09:00).
    pub day_starts: NaiveTime,
    /// Latest end on any day (e.g. 15:30).
    pub day_ends: NaiveTime,
    /// Minutes between candidate starts (e.g. 30); at least 5.
    pub step_minutes: u32,
    /// Everyone's unavailable times.
    pub unavailable: Vec<Unavailability>,
    /// How many slots to return at most.
    pub max_slots: usize,
}

/// The earliest slots for a Next Steps Meeting.
///
/// Every slot lies inside the meeting window (NSM-WITHIN-2W), on a working day
/// (DC-6) on which the school is open, lasts the requested 90–120 minutes
/// (NSM-DURATION), fits the day's hours and is clear of every participant's
/// unavailability. Slots come soonest first.
///
/// # Errors
///
/// [`Error::NoMeetingSlot`] saying why each day was ruled out when nothing fits;
/// [`Error::OutOfRange`] for a step under 5 minutes or a day that ends before it starts.
pub fn propose_slots(
    search: &SlotSearch,
    cal: &HolidayCalendar,
    school: &TermCalendar,
) -> Result<Vec<Slot>> {
    if search.step_minutes < 5 {
        return Err(Error::OutOfRange {
            what: "the step between slot starts in minutes",
            min: 5,
            max: 1440,
            given: i64::from(search.step_minutes),
        });
    }
    if search.day_ends <= search.day_starts {
        return Err(Error::OutOfRange {
            what: "the meeting day's end (minutes after midnight)",
            min: 0,
            max: 1440,
            given: 0,
        });
    }
    let window = meeting_window(search.panel)?;
    let step = TimeDelta::minutes(i64::from(search.step_minutes));
    let mut slots = Vec::new();
    let mut ruled_out: Vec<String> = Vec::new();
    let mut day = window.first();
    while day <= window.last() && slots.len() < search.max_slots {
        if !cal.is_working_day(day)? {
            ruled_out.push(format!("{} not a working day", day.format("%a %d %b")));
        } else if !school.is_open(day) {
            ruled_out.push(format!("{} school closed", day.format("%a %d %b")));
        } else {
            let before = slots.len();
            let day_end = day.and_time(search.day_ends);
            let mut start = day.and_time(search.day_starts);
            while slots.len() < search.max_slots {
                let end = search.length.end_from(start)?;
                if end > day_end {
                    break;
                }
                let slot = Slot { start, end };
                if !search.unavailable.iter().any(|u| slot.clashes_with(u)) {
                    slots.push(slot);
                }
                start = match start.checked_add_signed(step) {
                    Some(next) => next,
                    None => break,
                };
            }
            if slots.len() == before {
                ruled_out.push(format!(
                    "{} no free {}-minute slot",
                    day.format("%a %d %b"),
                    search.length.get()
                ));
            }
        }
        day = match day.succ_opt() {
            Some(next) => next,
            None => break,
        };
    }
    if slots.is_empty() {
        return Err(Error::NoMeetingSlot {
            first: window.first(),
            last: window.last(),
            reason: ruled_out.join("; "),
        });
    }
    Ok(slots)
}

/// The Cognus service that facilitates (NSM-FACILITATOR).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "service", content = "name", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum FacilitatingService {
    /// Therapies.
    Therapies,
    /// Educational Psychology Service.
    EducationalPsychology,
    /// SEN Support.
    SenSupport,
    /// Any other service with input relevant to the child's needs.
    Other(String),
}

/// Who named the facilitator in the panel notes (NSM-FACILITATOR).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Nominator {
    /// Head of SEND Support.
    HeadOfSendSupport,
    /// Principal Educational Psychologist.
    PrincipalEducationalPsychologist,
    /// Head of Therapies.
    HeadOfTherapies,
}

/// The facilitator: a named member of a Cognus education service.
///
/// A plain value record: fields are open on purpose; checked with the panel notes when a meeting is scheduled.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Facilitator {
    /// Their name.
    pub name: String,
    /// Their service.
    pub service: FacilitatingService,
    /// Who named them.
    pub named_by: Nominator,
}

/// Who arranges the meeting: the facilitating service after "no to assess";
/// the SEND Service after "no to plan" (Sutton's published NSM guidance).
///
/// `#[non_exhaustive]`: who arranges the meeting is local workflow and differs between councils; match with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Arranger {
    /// The service identified by the panel.
    FacilitatingService,
    /// The SEND Service.
    SendService,
}

/// NSM-FACILITATOR: who arranges the meeting after this outcome.
pub fn arranger(outcome: PanelOutcome) -> Arranger {
    match outcome {
        PanelOutcome::NoToAssess => Arranger::FacilitatingService,
        PanelOutcome::NoToPlan => Arranger::SendService,
    }
}

/// Whether a (younger) child attends; the child is always *invited* (NSM-INVITE).
///
/// `#[non_exhaustive]`: the local form's answers, which may grow; match with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ChildAttendance {
    /// The child or young person will attend.
    Attends,
    /// The parents have decided a younger child will not attend.
    ParentsDecidedNotToAttend,
    /// Not yet known.
    ToBeConfirmed,
}

/// Someone invited to the meeting (NSM-INVITE, NSM-COORDINATOR).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "role", rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum Invitee {
    /// The educational setting (always invited).
    Setting {
        /// The setting's name.
        name: String,
    },
    /// The child or young person (always invited).
    ChildOrYoungPerson {
        /// Whether they will attend.
        attendance: ChildAttendance,
    },
    /// Parent or carer.
    ParentOrCarer {
        /// Name.
        name: String,
    },
    /// A professional involved with the family.
    Professional {
        /// Name.
        name: String,
        /// Service or role.
        service: String,
    },
    /// The EHCP co-ordinator, who attends (NSM-COORDINATOR).
    EhcpCoordinator {
        /// Name.
        name: String,
    },
}

/// NSM-PANEL-NOTES: what the panel's decision notes record.
///
/// A plain value record: fields are open on purpose; checked by [`NextStepsMeeting::schedule`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PanelNotes {
    /// Date of the panel.
    pub panel: NaiveDate,
    /// What it decided.
    pub outcome: PanelOutcome,
    /// The facilitator.
    pub facilitator: Facilitator,
    /// Who is invited.
    pub invitees: Vec<Invitee>,
    /// Suggested next steps.
    pub suggested_next_steps: Vec<String>,
    /// Whether the council authorised exploring the ASC route (NSM-MIN-CONTENT (g)).
    pub asc_route: AscRoute,
}

/// Whether the council authorised exploring an Additional Support Contract.
///
/// Not `#[non_exhaustive]` on purpose: a typed yes/no, so a `match` on it stays exhaustive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AscRoute {
    /// Authorised: the meeting explains ASC content and process.
    Authorised,
    /// Not authorised.
    NotAuthorised,
}

/// NSM-COORDINATOR: the EHCP co-ordinator's duties, as a checklist.
///
/// A plain value record: fields are open on purpose; a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CoordinatorDuties {
    /// When the decision was shared by telephone with the family and services.
    pub decision_phoned_on: Option<NaiveDate>,
    /// When the offer of a meeting was confirmed in writing.
    pub offer_confirmed_in_writing_on: Option<NaiveDate>,
}

impl CoordinatorDuties {
    /// The duties not yet done, in words.
    pub fn outstanding(&self) -> Vec<&'static str> {
        let mut left = Vec::new();
        if self.decision_phoned_on.is_none() {
            left.push("telephone the family and services with the panel decision");
        }
        if self.offer_confirmed_in_writing_on.is_none() {
            left.push("confirm the offer of a Next Steps Meeting in writing");
        }
        left
    }
}

/// One item of the standard agenda (NSM-AGENDA-7), in order.
///
/// `#[non_exhaustive]`: the NSM-AGENDA-7 agenda is the council's own protocol and changes when the protocol is revised; match with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AgendaItem {
    /// 1 Welcome and introductions.
    WelcomeAndIntroductions,
    /// 2 Purpose of meeting.
    PurposeOfMeeting,
    /// 3 Parental rights: mediation and appeal.
    ParentalRights,
    /// 4 Reasons for the panel decision.
    ReasonsForPanelDecision,
    /// 5 Next steps discussion.
    NextStepsDiscussion,
    /// 6 Parents' views.
    ParentsViews,
    /// 7 Next steps: the agreed way forward.
    NextSteps,
}

impl AgendaItem {
    /// The standard agenda, in order (NSM-AGENDA-7).
    pub const STANDARD: [AgendaItem; 7] = [
        AgendaItem::WelcomeAndIntroductions,
        AgendaItem::PurposeOfMeeting,
        AgendaItem::ParentalRights,
        AgendaItem::ReasonsForPanelDecision,
        AgendaItem::NextStepsDiscussion,
        AgendaItem::ParentsViews,
        AgendaItem::NextSteps,
    ];

    /// The heading as on the standard agenda.
    pub fn title(self) -> &'static str {
        match self {
            AgendaItem::WelcomeAndIntroductions => "Welcome and introductions",
            AgendaItem::PurposeOfMeeting => "Purpose of meeting",
            AgendaItem::ParentalRights => "Parental rights",
            AgendaItem::ReasonsForPanelDecision => "Reasons for panel decision",
            AgendaItem::NextStepsDiscussion => "Next steps discussion",
            AgendaItem::ParentsViews => "Parents' views",
            AgendaItem::NextSteps => "Next steps",
        }
    }

    /// Its purpose, as on the standard agenda.
    pub fn purpose(self) -> &'static str {
        match self {
            AgendaItem::WelcomeAndIntroductions => "Welcome; all attendees introduce themselves",
            AgendaItem::PurposeOfMeeting => "Outline reasons for decision and discuss next steps",
            AgendaItem::ParentalRights => "Outline mediation and appeal processes",
            AgendaItem::ReasonsForPanelDecision => {
                "Outline what panel members took into consideration"
            }
            AgendaItem::NextStepsDiscussion => "Outline panel's recommended next steps",
            AgendaItem::ParentsViews => {
                "Gather all necessary information to facilitate appropriate action"
            }
            AgendaItem::NextSteps => "Agreed way forward to support",
        }
    }
}

/// The minimum content of the discussion (NSM-MIN-CONTENT (a)–(g)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MinimumContent {
    /// (a) The panel composition.
    PanelComposition,
    /// (b) The council agrees the child has SEND, accurately identified by the setting.
    SendAcknowledged,
    /// (c) The legal test was applied; needs can be met at SEN Support from the notional budget.
    LegalTestApplied,
    /// (d) The distribution of notional funding (see [`notional_funding`]).
    NotionalFunding,
    /// (e) Issues, strategies, interventions and services.
    IssuesAndStrategies,
    /// (f) The next steps for the setting and partners.
    NextStepsForSettingAndPartners,
    /// (g) ASC content and process — only when the council authorised that route.
    AscContentAndProcess,
}

impl MinimumContent {
    /// What the item covers, in the protocol's words.
    pub fn description(self) -> &'static str {
        match self {
            MinimumContent::PanelComposition => "The panel composition (range of services and professionals involved)",
            MinimumContent::SendAcknowledged => "The council agrees the child has SEND, accurately identified by the setting",
            MinimumContent::LegalTestApplied => "The panel applied the legal test; needs can be met at SEN Support from the notional budget",
            MinimumContent::NotionalFunding => "The distribution of notional funding across Sutton settings",
            MinimumContent::IssuesAndStrategies => "Issues, strategies, interventions and services that could be involved",
            MinimumContent::NextStepsForSettingAndPartners => "The next steps the setting and partners will take to meet needs",
            MinimumContent::AscContentAndProcess => "The content and process of an Additional Support Contract",
        }
    }

    /// The letter in the protocol.
    pub fn letter(self) -> char {
        match self {
            MinimumContent::PanelComposition => 'a',
            MinimumContent::SendAcknowledged => 'b',
            MinimumContent::LegalTestApplied => 'c',
            MinimumContent::NotionalFunding => 'd',
            MinimumContent::IssuesAndStrategies => 'e',
            MinimumContent::NextStepsForSettingAndPartners => 'f',
            MinimumContent::AscContentAndProcess => 'g',
        }
    }
}

/// NSM-MIN-CONTENT: the items the meeting must cover; (g) only with the ASC route authorised.
pub fn minimum_content(asc_route: AscRoute) -> Vec<MinimumContent> {
    let mut items = vec![
        MinimumContent::PanelComposition,
        MinimumContent::SendAcknowledged,
        MinimumContent::LegalTestApplied,
        MinimumContent::NotionalFunding,
        MinimumContent::IssuesAndStrategies,
        MinimumContent::NextStepsForSettingAndPartners,
    ];
    if asc_route == AscRoute::Authorised {
        items.push(MinimumContent::AscContentAndProcess);
    }
    items
}

/// NSM-MIN-CONTENT (d): Sutton's distribution of notional SEN funding as the
/// protocol states it — about £12.5m primary, £8m secondary, up to £6,000 per
/// young person at college. `(sector, amount, qualifier)`.
pub fn notional_funding() -> [(&'static str, Pounds, &'static str); 3] {
    [
        (
            "the primary sector",
            Pounds::whole_const(12_500_000),
            "approximately",
        ),
        (
            "the secondary sector",
            Pounds::whole_const(8_000_000),
            "approximately",
        ),
        (
            "each young person at a college",
            Pounds::whole_const(6_000),
            "up to",
        ),
    ]
}

/// Topics the meeting may cover (NSM-TOPICS-000).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Topic {
    /// Developing a new SEND Support Plan (SSP).
    NewSendSupportPlan,
    /// Using the school's notional funding effectively.
    UseOfNotionalFunding,
    /// How an Additional Support Contract could help.
    AdditionalSupportContract,
    /// Further information that would help the panel review its decision (after "no to assess").
    FurtherInformationForPanel,
    /// Support from other services (after "no to plan").
    OtherServices,
}

/// NSM-TOPICS-000: the topics Sutton's NSM guidance lists for each outcome.
pub fn topics(outcome: PanelOutcome) -> Vec<Topic> {
    match outcome {
        PanelOutcome::NoToAssess => vec![
            Topic::NewSendSupportPlan,
            Topic::UseOfNotionalFunding,
            Topic::AdditionalSupportContract,
            Topic::FurtherInformationForPanel,
        ],
        PanelOutcome::NoToPlan => vec![
            Topic::NewSendSupportPlan,
            Topic::UseOfNotionalFunding,
            Topic::AdditionalSupportContract,
            Topic::OtherServices,
        ],
    }
}

/// Where the meeting is held (NSM-VENUE).
///
/// `#[non_exhaustive]`: `Elsewhere` holds any other place, and new kinds of meeting (online, say) may be added; match with a wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "at", content = "place", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Venue {
    /// At the school or setting (the usual place).
    School,
    /// Elsewhere convenient or appropriate.
    Elsewhere(String),
}

/// Who the completed NSM form went to (NSM-FORM).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum FormRecipient {
    /// The relevant professionals.
    Professionals,
    /// The family.
    Family,
    /// The educational setting.
    Setting,
    /// Saved on the child's file.
    ChildsFile,
}

/// NSM-FORM: the completed form and where it went.
///
/// A plain value record: fields are open on purpose; checked by [`NextStepsMeeting::record_form`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NsmForm {
    /// When it was completed.
    pub completed_on: NaiveDate,
    /// Who it was shared with, and whether it was saved.
    pub shared_with: Vec<FormRecipient>,
}

impl NsmForm {
    /// Recipients still missing (professionals, family, setting, the child's file).
    pub fn missing(&self) -> Vec<FormRecipient> {
        [
            FormRecipient::Professionals,
            FormRecipient::Family,
            FormRecipient::Setting,
            FormRecipient::ChildsFile,
        ]
        .into_iter()
        .filter(|r| !self.shared_with.contains(r))
        .collect()
    }
}

/// The checks that need no calendar: window, length, invitations, notes,
/// agenda, contact, the family's answer. Shared by scheduling and by reading
/// a stored meeting back.
fn check_plan(plan: &MeetingPlan) -> Result<Vec<Warning>> {
    let mut warnings = Vec::new();
    let notes = &plan.notes;
    let day = plan.start.date();
    let window = meeting_window(notes.panel)?;
    if !window.contains(day) {
        return Err(broken(
            RuleId::NsmWithin2w,
            format!(
                "the meeting on {day} is outside {} to {}, within 2 weeks of the panel",
                window.first(),
                window.last()
            ),
        ));
    }
    if plan.length.end_from(plan.start)?.date() != day {
        return Err(broken(
            RuleId::NsmDuration,
            "the meeting must end on the day it starts",
        ));
    }
    if let Venue::Elsewhere(place) = &plan.venue {
        warnings.push(Warning::new(
            RuleId::NsmVenue,
            format!("the meeting is usually held at the school; this one is at {place}"),
        ));
    }
    let has_setting = notes
        .invitees
        .iter()
        .any(|i| matches!(i, Invitee::Setting { .. }));
    let has_child = notes
        .invitees
        .iter()
        .any(|i| matches!(i, Invitee::ChildOrYoungPerson { .. }));
    if !has_setting || !has_child {
        return Err(broken(
            RuleId::NsmInvite,
            "the educational setting and the child or young person must always be invited",
        ));
    }
    if notes.facilitator.name.trim().is_empty() {
        return Err(broken(
            RuleId::NsmFacilitator,
            "the panel notes must name the facilitator",
        ));
    }
    if notes
        .suggested_next_steps
        .iter()
        .all(|s| s.trim().is_empty())
    {
        return Err(broken(
            RuleId::NsmPanelNotes,
            "the panel notes must record suggested next steps",
        ));
    }
    if plan.agenda_circulated_on >= day {
        return Err(broken(
            RuleId::NsmAgendaAdvance,
            "the agenda must be circulated in advance of the meeting for agreement",
        ));
    }
    if plan.setting_contacted_on <= notes.panel || plan.setting_contacted_on > day {
        return Err(broken(
            RuleId::NsmContact1w,
            "the setting is contacted after the panel and before the meeting",
        ));
    }
    let contact = contact_window(notes.panel)?;
    if !contact.contains(plan.setting_contacted_on) {
        warnings.push(Warning::new(
            RuleId::NsmContact1w,
            format!(
                "the setting was contacted on {}, not in the week after the panel ({} to {})",
                plan.setting_contacted_on,
                contact.first(),
                contact.last()
            ),
        ));
    }
    if let FamilyResponse::Declined(on) = plan.family {
        return Err(broken(
            RuleId::NsmOptional,
            format!("the family declined the meeting on {on}; no statutory clock changes"),
        ));
    }
    Ok(warnings)
}

/// NSM-WITHIN-2W read with DC-6: a meeting is held on a working day, and at
/// the school only on a day it is open (NSM-VENUE).
fn check_day(
    day: NaiveDate,
    venue: &Venue,
    cal: &HolidayCalendar,
    school: &TermCalendar,
) -> Result<()> {
    check_weekday(day)?;
    if !cal.is_working_day(day)? {
        return Err(broken(
            RuleId::NsmWithin2w,
            format!("{} is not a working day", day.format("%A %d %B %Y")),
        ));
    }
    if *venue == Venue::School && !school.is_open(day) {
        return Err(broken(
            RuleId::NsmVenue,
            format!("the school is closed on {day}"),
        ));
    }
    Ok(())
}

/// The part of the working-day test that needs no calendar: never on a
/// Saturday or Sunday. Reading a stored meeting back applies this; bank
/// holidays and school closures need the caller's calendars
/// ([`NextStepsMeeting::check_calendars`]).
fn check_weekday(day: NaiveDate) -> Result<()> {
    if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        return Err(broken(
            RuleId::NsmWithin2w,
            format!(
                "{} is a weekend; a Next Steps Meeting is held on a working day",
                day.format("%A %d %B %Y")
            ),
        ));
    }
    Ok(())
}

/// The stored form of a meeting: the plan's fields plus the form, re-checked on read-back.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingRecord {
    notes: PanelNotes,
    setting_contacted_on: NaiveDate,
    start: NaiveDateTime,
    length: MeetingLength,
    venue: Venue,
    agenda_circulated_on: NaiveDate,
    family: FamilyResponse,
    #[serde(default)]
    form: Option<NsmForm>,
}

#[cfg(feature = "serde")]
impl TryFrom<MeetingRecord> for NextStepsMeeting {
    type Error = Error;
    fn try_from(r: MeetingRecord) -> Result<Self> {
        let plan = MeetingPlan {
            notes: r.notes,
            setting_contacted_on: r.setting_contacted_on,
            start: r.start,
            length: r.length,
            venue: r.venue,
            agenda_circulated_on: r.agenda_circulated_on,
            family: r.family,
        };
        check_plan(&plan)?;
        check_weekday(plan.start.date())?;
        if let Some(form) = &r.form {
            if form.completed_on < plan.start.date() {
                return Err(broken(
                    RuleId::NsmForm,
                    "the stored form is dated before the meeting",
                ));
            }
        }
        Ok(NextStepsMeeting::from_checked(plan, r.form))
    }
}

#[cfg(feature = "serde")]
impl From<NextStepsMeeting> for MeetingRecord {
    fn from(m: NextStepsMeeting) -> Self {
        MeetingRecord {
            notes: m.notes,
            setting_contacted_on: m.setting_contacted_on,
            start: m.start,
            length: m.length,
            venue: m.venue,
            agenda_circulated_on: m.agenda_circulated_on,
            family: m.family,
            form: m.form,
        }
    }
}

/// A scheduled Next Steps Meeting, checked against every rule of the protocol.
///
/// Reading one back re-checks every rule that needs no calendar.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "MeetingRecord", into = "MeetingRecord")
)]
pub struct NextStepsMeeting {
    notes: PanelNotes,
    setting_contacted_on: NaiveDate,
    start: NaiveDateTime,
    length: MeetingLength,
    venue: Venue,
    agenda_circulated_on: NaiveDate,
    family: FamilyResponse,
    form: Option<NsmForm>,
}

/// Everything needed to schedule a meeting.
///
/// A plain value record: fields are open on purpose; checked by [`NextStepsMeeting::schedule`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MeetingPlan {
    /// The panel's notes (facilitator, invitees, next steps).
    pub notes: PanelNotes,
    /// When the facilitator contacted the setting.
    pub setting_contacted_on: NaiveDate,
    /// When the meeting starts.
    pub start: NaiveDateTime,
    /// How long it lasts.
    pub length: MeetingLength,
    /// Where.
    pub venue: Venue,
    /// When the agenda went out for agreement.
    pub agenda_circulated_on: NaiveDate,
    /// The family's answer to the offer.
    pub family: FamilyResponse,
}

impl NextStepsMeeting {
    /// Schedule a meeting, checking the protocol.
    ///
    /// Errors (the meeting is not scheduled): outside the window
    /// (NSM-WITHIN-2W), shorter than 90 or longer than 120 minutes
    /// (NSM-DURATION), on a non-working day, at a school that is closed that
    /// day, without the setting and the child invited (NSM-INVITE), with no
    /// facilitator or next steps in the panel notes (NSM-PANEL-NOTES), an
    /// agenda not circulated in advance (NSM-AGENDA-ADVANCE), or a family that
    /// declined (NSM-OPTIONAL).
    ///
    /// Warnings (scheduled all the same): contact with the setting outside the
    /// week after the panel (NSM-CONTACT-1W); a venue other than the school
    /// (NSM-VENUE, "usually").
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] naming the rule, or the calendar's coverage errors.
    pub fn schedule(
        plan: MeetingPlan,
        cal: &HolidayCalendar,
        school: &TermCalendar,
    ) -> Result<(Self, Vec<Warning>)> {
        let warnings = check_plan(&plan)?;
        check_day(plan.start.date(), &plan.venue, cal, school)?;
        Ok((NextStepsMeeting::from_checked(plan, None), warnings))
    }

    /// Schedule a meeting without the caller's calendars at hand — a case read
    /// back from storage, or one applied without a school term calendar.
    /// Every check of [`schedule`](Self::schedule) runs except that the day is
    /// a working day and the school is open, which need the calendars; a
    /// weekend is still refused. Call [`check_calendars`](Self::check_calendars)
    /// when they are at hand.
    ///
    /// # Errors
    ///
    /// As [`schedule`](Self::schedule), less the calendar checks.
    pub fn schedule_without_calendars(plan: MeetingPlan) -> Result<(Self, Vec<Warning>)> {
        let warnings = check_plan(&plan)?;
        check_weekday(plan.start.date())?;
        Ok((NextStepsMeeting::from_checked(plan, None), warnings))
    }

    /// Re-check a meeting read back from storage against the caller's
    /// calendars: a working day (no bank holiday) and, at the school, a day the
    /// school is open — the checks of [`schedule`](Self::schedule) that need
    /// data the stored record does not carry. (Reading back already refuses a
    /// weekend and re-checks every other rule.)
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use send_pathway::calendar::{HolidayCalendar, TermCalendar};
    /// use send_pathway::nsm::NextStepsMeeting;
    /// fn read_back(json: &str, school: &TermCalendar) -> Result<NextStepsMeeting, Box<dyn std::error::Error>> {
    ///     let meeting: NextStepsMeeting = serde_json::from_str(json)?; // weekend refused here
    ///     meeting.check_calendars(&HolidayCalendar::england_and_wales(), school)?; // bank holidays, closures
    ///     Ok(meeting)
    /// }
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] (NSM-WITHIN-2W) on a non-working day, (NSM-VENUE)
    /// when the school is closed; the holiday table's coverage errors.
    pub fn check_calendars(&self, cal: &HolidayCalendar, school: &TermCalendar) -> Result<()> {
        check_day(self.start.date(), &self.venue, cal, school)
    }

    fn from_checked(plan: MeetingPlan, form: Option<NsmForm>) -> Self {
        NextStepsMeeting {
            notes: plan.notes,
            setting_contacted_on: plan.setting_contacted_on,
            start: plan.start,
            length: plan.length,
            venue: plan.venue,
            agenda_circulated_on: plan.agenda_circulated_on,
            family: plan.family,
            form,
        }
    }

    /// The panel notes.
    pub fn notes(&self) -> &PanelNotes {
        &self.notes
    }

    /// Start time.
    pub fn start(&self) -> NaiveDateTime {
        self.start
    }

    /// End time.
    pub fn end(&self) -> NaiveDateTime {
        self.length.end_from(self.start).unwrap_or(self.start)
    }

    /// The family's answer to the offer.
    pub fn family(&self) -> FamilyResponse {
        self.family
    }

    /// Venue.
    pub fn venue(&self) -> &Venue {
        &self.venue
    }

    /// The standard agenda (NSM-AGENDA-7).
    pub fn agenda(&self) -> [AgendaItem; 7] {
        AgendaItem::STANDARD
    }

    /// What the meeting must cover (NSM-MIN-CONTENT).
    pub fn minimum_content(&self) -> Vec<MinimumContent> {
        minimum_content(self.notes.asc_route)
    }

    /// Who arranges it (NSM-FACILITATOR).
    pub fn arranger(&self) -> Arranger {
        arranger(self.notes.outcome)
    }

    /// The form, once recorded.
    pub fn form(&self) -> Option<&NsmForm> {
        self.form.as_ref()
    }

    /// NSM-FORM: record the completed form. Returns a warning for every
    /// recipient it has not yet gone to.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] when completed before the meeting.
    pub fn record_form(&mut self, form: NsmForm) -> Result<Vec<Warning>> {
        if form.completed_on < self.start.date() {
            return Err(broken(
                RuleId::NsmForm,
                "the form records the meeting, so it is completed on or after the day",
            ));
        }
        let warnings = form
            .missing()
            .into_iter()
            .map(|r| {
                Warning::new(
                    RuleId::NsmForm,
                    format!("the NSM form has not yet gone to {r}"),
                )
            })
            .collect();
        self.form = Some(form);
        Ok(warnings)
    }
}

// ----- Display: what facilitators, settings and families read -----

display_by_pad!(PanelOutcome, o => match o {
    PanelOutcome::NoToAssess => "no to an EHC needs assessment",
    PanelOutcome::NoToPlan => "no to an EHC plan after assessment",
});
display_by_pad!(NsmAvailability, a => match a {
    NsmAvailability::Offered => "offered",
    NsmAvailability::OnRequest => "on request",
    NsmAvailability::NotAvailable => "not available",
});
display_by_pad!(FamilyResponse, r => match r {
    FamilyResponse::Awaiting => "awaiting the family's answer".to_owned(),
    FamilyResponse::Accepted(on) => format!("accepted on {on}"),
    FamilyResponse::Declined(on) => format!("declined on {on}"),
});
display_by_pad!(MeetingLength, m => format!("{} minutes", m.0));
display_by_pad!(Slot, s => format!(
    "{}–{}",
    s.start.format("%a %d %b %Y %H:%M"),
    s.end.format("%H:%M")
));
display_by_pad!(FacilitatingService, s => match s {
    FacilitatingService::Therapies => "Therapies",
    FacilitatingService::EducationalPsychology => "Educational Psychology Service",
    FacilitatingService::SenSupport => "SEN Support",
    FacilitatingService::Other(name) => name.as_str(),
});
display_by_pad!(Nominator, n => match n {
    Nominator::HeadOfSendSupport => "Head of SEND Support",
    Nominator::PrincipalEducationalPsychologist => "Principal Educational Psychologist",
    Nominator::HeadOfTherapies => "Head of Therapies",
});
display_by_pad!(Facilitator, x => format!("{} ({})", x.name, x.service));
display_by_pad!(Arranger, a => match a {
    Arranger::FacilitatingService => "the facilitating service",
    Arranger::SendService => "the SEND Service",
});
display_by_pad!(ChildAttendance, a => match a {
    ChildAttendance::Attends => "attending",
    ChildAttendance::ParentsDecidedNotToAttend => "invited; parents decided they will not attend",
    ChildAttendance::ToBeConfirmed => "attendance to be confirmed",
});
display_by_pad!(Invitee, i => match i {
    Invitee::Setting { name } => format!("Setting: {name}"),
    Invitee::ChildOrYoungPerson { attendance } => format!("Child or young person ({attendance})"),
    Invitee::ParentOrCarer { name } => format!("Parent or carer: {name}"),
    Invitee::Professional { name, service } => format!("Professional: {name}, {service}"),
    Invitee::EhcpCoordinator { name } => format!("EHCP co-ordinator: {name}"),
});
display_by_pad!(Venue, v => match v {
    Venue::School => "the school",
    Venue::Elsewhere(place) => place.as_str(),
});
display_by_pad!(AscRoute, r => match r {
    AscRoute::Authorised => "ASC route authorised",
    AscRoute::NotAuthorised => "ASC route not authorised",
});
display_by_pad!(AgendaItem, a => a.title());
display_by_pad!(MinimumContent, c => format!("({}) {}", c.letter(), c.description()));
display_by_pad!(Topic, t => match t {
    Topic::NewSendSupportPlan => "a new SEND Support Plan",
    Topic::UseOfNotionalFunding => "use of notional SEN funding",
    Topic::AdditionalSupportContract => "an Additional Support Contract",
    Topic::FurtherInformationForPanel => "further information for the panel",
    Topic::OtherServices => "support from other services",
});
display_by_pad!(FormRecipient, r => match r {
    FormRecipient::Professionals => "the professionals",
    FormRecipient::Family => "the family",
    FormRecipient::Setting => "the setting",
    FormRecipient::ChildsFile => "the child's file",
});

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn nsm_contact_1w_and_within_2w_case_2() {
        let w = contact_window(d(2025, 4, 15)).unwrap();
        assert_eq!((w.first(), w.last()), (d(2025, 4, 16), d(2025, 4, 22)));
        assert_eq!(latest_meeting_date(d(2025, 4, 15)).unwrap(), d(2025, 4, 29));
    }

    #[test]
    fn nsm_duration_is_90_to_120_minutes() {
        assert!(MeetingLength::minutes(89).is_err());
        assert!(MeetingLength::minutes(121).is_err());
        assert_eq!(MeetingLength::minutes(90).unwrap(), MeetingLength::SHORTEST);
    }

    #[test]
    fn nsm_when_and_salford() {
        assert_eq!(
            offer(PanelOutcome::NoToAssess, &LocalPolicy::sutton()),
            NsmAvailability::Offered
        );
        assert_eq!(
            offer(PanelOutcome::NoToPlan, &LocalPolicy::sutton()),
            NsmAvailability::Offered
        );
        assert_eq!(
            offer(PanelOutcome::NoToAssess, &LocalPolicy::salford()),
            NsmAvailability::OnRequest
        );
        assert_eq!(
            offer(PanelOutcome::NoToAssess, &LocalPolicy::statutory("x")),
            NsmAvailability::NotAvailable
        );
        assert_eq!(arranger(PanelOutcome::NoToPlan), Arranger::SendService);
    }

    #[test]
    fn nsm_min_content_g_only_with_asc_route() {
        assert_eq!(minimum_content(AscRoute::NotAuthorised).len(), 6);
        let with = minimum_content(AscRoute::Authorised);
        assert_eq!(with.last().map(|c| c.letter()), Some('g'));
        assert_eq!(AgendaItem::STANDARD[2].title(), "Parental rights");
    }
}
