//! A child's case: the hot state, the history that produced it, and the one
//! door through which events come in.

// A refused event is handed back by value inside `Refused`, so the caller
// keeps it; boxing it would allocate on every refusal to save a move.
#![allow(clippy::result_large_err)]

use core::fmt;

use chrono::NaiveDate;

use super::compliance::ComplianceEntry;
use super::decide::{decide, Decision, Effect, Judging};
use super::event::Event;
use super::evolve::evolve;
use super::ids::{ConsultationId, ContractId, DisputeId, MeetingId};
use super::obligations::{judge_clocks, open_clocks, Clocks, NextEvent, Obligation};
use super::sen2::Sen2Record;
use super::state::{AscTrack, CaseState, Dispute, NsmTrack, Phase, SupportTrack};
use crate::advice::AdviceId;
use crate::advice::SensoryImpairment;
use crate::calendar::{HolidayCalendar, TermCalendar};
use crate::error::{Error, Result};
use crate::policy::{LocalPolicy, PolicyInForce};
use crate::warning::Warning;

/// The child or young person a case is about.
///
/// A plain value record: the fields are open on purpose. The crate holds no
/// identity beyond the caller's own reference (SEN2-SCOPE).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Child {
    /// The caller's reference.
    pub reference: String,
    /// Date of birth (year group, Year 9, under-5 reviews, AGE-25).
    pub date_of_birth: NaiveDate,
    /// Hearing or visual impairment (ADV-HI-VI).
    pub sensory_impairment: SensoryImpairment,
}

/// The calendars a live event is judged against: the caller's bank holidays
/// and, where the case funds Additional Support Contracts, the school's term
/// calendar.
///
/// `&HolidayCalendar` converts into it, so `case.apply(event, &cal)` works.
#[derive(Debug, Clone, Copy)]
pub struct Calendars<'a> {
    /// Bank holidays (working-day clocks, non-working-day flags, r12 dates).
    pub holidays: &'a HolidayCalendar,
    /// School terms (ASC terms must match them); `None` checks ASC terms
    /// against their own recorded dates only.
    pub terms: Option<&'a TermCalendar>,
}

impl<'a> Calendars<'a> {
    /// Bank holidays and a term calendar.
    pub fn new(holidays: &'a HolidayCalendar, terms: &'a TermCalendar) -> Self {
        Calendars {
            holidays,
            terms: Some(terms),
        }
    }
}

impl<'a> From<&'a HolidayCalendar> for Calendars<'a> {
    fn from(holidays: &'a HolidayCalendar) -> Self {
        Calendars {
            holidays,
            terms: None,
        }
    }
}

/// Something an accepted event opened, with the id later events name it by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Opened {
    /// An advice request.
    Advice(AdviceId),
    /// A dispute (mediation and appeal track).
    Dispute(DisputeId),
    /// A school consultation.
    Consultation(ConsultationId),
    /// An Additional Support Contract.
    Contract(ContractId),
    /// A Next Steps Meeting offer.
    Meeting(MeetingId),
}

impl fmt::Display for Opened {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Opened::Advice(id) => fmt::Display::fmt(id, f),
            Opened::Dispute(id) => fmt::Display::fmt(id, f),
            Opened::Consultation(id) => fmt::Display::fmt(id, f),
            Opened::Contract(id) => fmt::Display::fmt(id, f),
            Opened::Meeting(id) => fmt::Display::fmt(id, f),
        }
    }
}

/// What an accepted event brought: warnings the council may act on, and the
/// ids of anything it opened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Applied {
    /// Warnings: targets missed, "usually" rules, notes the law asks to record.
    pub warnings: Vec<Warning>,
    /// What the event opened, in order.
    pub opened: Vec<Opened>,
}

/// An event the case refused, handed back with the reason. The case is exactly as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Refused {
    /// The event, unchanged.
    pub event: Event,
    /// Why it was refused.
    pub error: Error,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} on {} was refused: {}",
            self.event.kind.name(),
            self.event.on,
            self.error
        )
    }
}

/// The reason is in the message, so the chain continues from the reason's
/// own source: a reporter that walks it prints each cause once.
impl std::error::Error for Refused {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.error)
    }
}

/// Keeps the event: [`Error::EventRefused`] with the event and the reason
/// (match `reason` for the rule that refused it).
impl From<Refused> for Error {
    fn from(r: Refused) -> Self {
        Error::EventRefused {
            event: Box::new(r.event),
            reason: Box::new(r.error),
        }
    }
}

/// A child's case: the phase of life and side tracks ([`CaseState`], small and
/// read every day) and the history of events (read only to replay, audit and
/// store).
///
/// Events come in through [`apply`](Self::apply): the case decides (a pure
/// check against the calendars and the council's policy), then evolves (a
/// total update). A refused event is handed back in [`Refused`] and the case
/// is unchanged. Store a case as a [`CaseRecord`](super::CaseRecord).
#[derive(Debug, Clone)]
pub struct Case {
    child: Child,
    /// The policy in force now: it governs the events from `policy_from` on.
    policy: LocalPolicy,
    /// The position (from 1) of the first event the current policy governs.
    policy_from: usize,
    /// The policies that governed earlier events, oldest first (empty unless
    /// the council's policy changed during the case).
    earlier_policies: Vec<PolicyInForce>,
    state: CaseState,
    /// The running clocks worked out with the last calendar the case was
    /// given (hot, derived; not part of what the case *is*).
    clocks: Clocks,
    history: Vec<Event>,
    compliance: Vec<ComplianceEntry>,
}

/// Two cases are equal when their child, policy, state, history and
/// compliance history are; the precomputed clocks are derived from those.
impl PartialEq for Case {
    fn eq(&self, other: &Self) -> bool {
        self.child == other.child
            && self.policy == other.policy
            && self.policy_from == other.policy_from
            && self.earlier_policies == other.earlier_policies
            && self.state == other.state
            && self.history == other.history
            && self.compliance == other.compliance
    }
}

impl Eq for Case {}

impl Case {
    /// Open a case with its first event: SEN Support started, an assessment
    /// requested, the child brought to the council's attention, an existing
    /// plan loaded, or a plan or an assessment transferred in from another
    /// council — a council starts from where each child is.
    ///
    /// # Errors
    ///
    /// [`Refused`] with [`Error::RuleBroken`] for any other first event, or as [`apply`](Self::apply).
    pub fn open<'a>(
        child: Child,
        policy: LocalPolicy,
        first: Event,
        calendars: impl Into<Calendars<'a>>,
    ) -> core::result::Result<(Self, Applied), Refused> {
        if let Err(error) = opening_event(&first) {
            return Err(Refused {
                event: first,
                error,
            });
        }
        let mut case = Case {
            child,
            policy,
            policy_from: 1,
            earlier_policies: Vec::new(),
            state: CaseState::new(first.on),
            clocks: Clocks::default(),
            history: Vec::new(),
            compliance: Vec::new(),
        };
        let applied = case.apply(first, calendars)?;
        Ok((case, applied))
    }

    /// Apply one event: decide, then evolve. On success the event joins the
    /// history; on refusal it is handed back and the case is exactly as it was.
    ///
    /// # Errors
    ///
    /// [`Refused`], whose error is [`Error::DatesOutOfOrder`] for an event
    /// dated before the last one, [`Error::RuleBroken`] naming the rule for a
    /// move the law forbids, or a calendar error (a date outside the caller's
    /// bank-holiday table).
    pub fn apply<'a>(
        &mut self,
        event: Event,
        calendars: impl Into<Calendars<'a>>,
    ) -> core::result::Result<Applied, Refused> {
        let calendars = calendars.into();
        match self.judge_live(&event, calendars) {
            Ok((mut decision, acts)) => {
                let position = self.history.len().saturating_add(1);
                for (deadline, status) in acts {
                    decision
                        .warnings
                        .extend(super::compliance::late_warning(&deadline, status, event.on));
                    let holidays =
                        super::compliance::holidays_in_span(&deadline, calendars.holidays);
                    self.compliance.push(ComplianceEntry {
                        event: position,
                        deadline,
                        done_on: event.on,
                        status,
                        holidays,
                    });
                }
                let on = event.on;
                let applied = self.evolve(event, decision);
                // Work out the running clocks once, now, with the caller's calendar.
                self.clocks = Clocks::compute(
                    &self.state,
                    &self.child,
                    &self.policy,
                    calendars.holidays,
                    on,
                );
                Ok(applied)
            }
            Err(error) => Err(Refused { event, error }),
        }
    }

    /// Check an event without applying it: the warnings it would bring, or why it would be refused.
    ///
    /// # Errors
    ///
    /// As [`apply`](Self::apply), with the event left with the caller.
    pub fn check<'a>(
        &self,
        event: &Event,
        calendars: impl Into<Calendars<'a>>,
    ) -> Result<Vec<Warning>> {
        // The same judgement `apply` makes, so a dry run refuses exactly what
        // `apply` would and warns of the same late acts.
        let (mut decision, acts) = self.judge_live(event, calendars.into())?;
        for (deadline, status) in acts {
            decision
                .warnings
                .extend(super::compliance::late_warning(&deadline, status, event.on));
        }
        Ok(decision.warnings)
    }

    /// What `apply` decides for `event` under today's calendars: the
    /// decision, and the statutory acts it performs, judged once. `apply` and
    /// `check` share it, so they can never disagree.
    fn judge_live(
        &self,
        event: &Event,
        calendars: Calendars<'_>,
    ) -> Result<(
        Decision,
        Vec<(crate::deadlines::Deadline, crate::exceptions::Status)>,
    )> {
        let decision = self.decide(event, Judging::Live(calendars))?;
        let acts = super::compliance::acts(
            &self.state,
            &self.policy,
            &event.kind,
            event.on,
            calendars.holidays,
        )?;
        Ok((decision, acts))
    }

    fn decide(&self, event: &Event, judging: Judging<'_>) -> Result<Decision> {
        if let Some(last) = self.last_event_on() {
            if event.on < last {
                return Err(Error::DatesOutOfOrder {
                    earlier_label: "the last event",
                    earlier: last,
                    later_label: "this event",
                    later: event.on,
                });
            }
        }
        decide(&self.state, &self.child, &self.policy, event, judging)
    }

    fn evolve(&mut self, event: Event, decision: Decision) -> Applied {
        let mut opened = Vec::new();
        for effect in decision.effects {
            let id = match &effect {
                Effect::AdviceAdded(_) => self
                    .state
                    .phase
                    .assessment()
                    .and_then(|a| a.advice())
                    .and_then(|a| AdviceId::try_from(a.requests().len()).ok())
                    .map(Opened::Advice),
                Effect::OpenDispute(_) => {
                    DisputeId::next(self.state.disputes.len()).map(Opened::Dispute)
                }
                Effect::Consulted(_) => super::decide::open_draft(&self.state)
                    .and_then(|d| ConsultationId::next(d.consultations().len()))
                    .map(Opened::Consultation),
                Effect::ContractOpened(_) => {
                    ContractId::next(self.state.contracts.len()).map(Opened::Contract)
                }
                Effect::OfferMeeting(..) => {
                    MeetingId::next(self.state.meetings.len()).map(Opened::Meeting)
                }
                _ => None,
            };
            opened.extend(id);
            evolve(&mut self.state, effect, event.on);
        }
        self.history.push(event);
        Applied {
            warnings: decision.warnings,
            opened,
        }
    }

    /// Rebuild a case from a stored history, checking each event's consistency
    /// but never re-judging what was accepted under the calendars and rules in
    /// force when it happened. Linear in the number of events.
    ///
    /// A bare history carries no compliance history (that was judged when each
    /// act happened and is kept in the [`CaseRecord`](super::CaseRecord)); the
    /// replayed case's [`compliance`](Self::compliance) is empty.
    ///
    /// # Errors
    ///
    /// [`Error::RecordEvent`] naming the first event that cannot follow the
    /// ones before it, or a first event a case cannot open with (as
    /// [`open`](Self::open) refuses).
    pub fn replay(child: Child, policy: LocalPolicy, history: Vec<Event>) -> Result<Self> {
        Self::replay_checked(child, vec![PolicyInForce::new(1, policy)?], history, None)
    }

    /// Replay, and with `stored` also read back the compliance history: each
    /// event's acts are judged again by the path live `apply` takes, under the
    /// calendar the entries carry (or, for a record whose entries carry no
    /// days, `stored.cal`), and must be exactly the stored entries.
    pub(crate) fn replay_checked(
        child: Child,
        policies: Vec<PolicyInForce>,
        history: Vec<Event>,
        stored: Option<StoredCompliance<'_>>,
    ) -> Result<Self> {
        let Some(first) = history.first() else {
            return Err(Error::InconsistentRecord {
                reason: "a case has at least one event".into(),
            });
        };
        check_policy_history(&policies, history.len())?;
        let mut policies = policies.into_iter().peekable();
        let Some(initial) = policies.next() else {
            return Err(Error::InconsistentRecord {
                reason: "a case record names the policy it was run under".into(),
            });
        };
        if let Err(source) = opening_event(first) {
            return Err(Error::RecordEvent {
                position: 1,
                event: first.kind.name(),
                on: first.on,
                source: Box::new(source),
            });
        }
        let first_on = first.on;
        let last_on = history.last().map_or(first_on, |e| e.on);
        let mut case = Case {
            child,
            policy: initial.policy().clone(),
            policy_from: 1,
            earlier_policies: Vec::new(),
            state: CaseState::new(first_on),
            clocks: Clocks::default(),
            history: Vec::with_capacity(history.len()),
            compliance: Vec::new(),
        };
        // One calendar from every day the entries carry, over the whole history's
        // years; an event whose entries were judged under other days (a calendar
        // changed between events) is judged again under its own days alone.
        let mut years = None;
        let mut recorded = None;
        if let Some(s) = stored.as_ref().filter(|s| !s.legacy) {
            let (lo, hi) = super::compliance::judging_years(&s.entries, first_on, last_on);
            recorded = Some(super::compliance::judging_calendar(&s.entries, lo, hi)?);
            years = Some((lo, hi));
        }
        let (mut entries, reading) = match stored {
            Some(s) => (s.entries.into_iter().peekable(), Some((s.cal, s.legacy))),
            None => (Vec::new().into_iter().peekable(), None),
        };
        for (i, event) in history.into_iter().enumerate() {
            let position = i.saturating_add(1);
            let at = |source: Error, event: &Event| Error::RecordEvent {
                position,
                event: event.kind.name(),
                on: event.on,
                source: Box::new(source),
            };
            // Each event is replayed under the policy in force when it was applied.
            if let Some(next) = policies.next_if(|p| p.from_event() == position) {
                case.set_policy_from(next.policy().clone(), position);
            }
            let decision = match case.decide(&event, Judging::Stored) {
                Ok(decision) => decision,
                Err(source) => return Err(at(source, &event)),
            };
            if let Some((cal, legacy)) = reading {
                let mut mine = Vec::new();
                while let Some(entry) = entries.next_if(|e| e.event == position) {
                    mine.push(entry);
                }
                if let Some(next) = entries.peek() {
                    if next.event < position {
                        return Err(at(
                            Error::InconsistentRecord {
                                reason: format!(
                                    "the compliance entry \"{next}\" names event {}, which is out of order or repeated",
                                    next.event
                                ),
                            },
                            &event,
                        ));
                    }
                }
                let judge = |judging: &HolidayCalendar, mine: Vec<ComplianceEntry>| {
                    super::compliance::acts(
                        &case.state,
                        &case.policy,
                        &event.kind,
                        event.on,
                        judging,
                    )
                    .and_then(|acts| {
                        super::compliance::verify(mine, acts, position, event.on, judging, legacy)
                    })
                };
                let kept = match (&recorded, years) {
                    (Some(recorded), Some((lo, hi))) => {
                        judge(recorded, mine.clone()).or_else(|first_error| {
                            if mine.is_empty() {
                                return Err(first_error);
                            }
                            let own = super::compliance::judging_calendar(&mine, lo, hi)?;
                            judge(&own, mine)
                        })
                    }
                    _ => judge(cal, mine),
                };
                match kept {
                    Ok(kept) => case.compliance.extend(kept),
                    Err(source) => return Err(at(source, &event)),
                }
            }
            case.evolve(event, decision);
        }
        if let Some(extra) = entries.next() {
            return Err(Error::InconsistentRecord {
                reason: format!(
                    "the compliance entry \"{extra}\" names event {}, which is not in the history or is out of order",
                    extra.event
                ),
            });
        }
        Ok(case)
    }

    /// The child.
    pub fn child(&self) -> &Child {
        &self.child
    }

    /// The council's policy.
    pub fn policy(&self) -> &LocalPolicy {
        &self.policy
    }

    /// The whole hot state.
    pub fn state(&self) -> &CaseState {
        &self.state
    }

    /// The phase of life.
    pub fn phase(&self) -> &Phase {
        &self.state.phase
    }

    /// SEN Support cycles.
    pub fn support(&self) -> &SupportTrack {
        &self.state.support
    }

    /// Every dispute ever opened, by id.
    pub fn disputes(&self) -> &[Dispute] {
        &self.state.disputes
    }

    /// One dispute.
    pub fn dispute(&self, id: DisputeId) -> Option<&Dispute> {
        self.state.disputes.get(id.index())
    }

    /// Next Steps Meetings offered, by id.
    pub fn meetings(&self) -> &[NsmTrack] {
        &self.state.meetings
    }

    /// Additional Support Contracts, by id.
    pub fn contracts(&self) -> &[AscTrack] {
        &self.state.contracts
    }

    /// Every event applied, in order.
    pub fn history(&self) -> &[Event] {
        &self.history
    }

    /// The date of the last event.
    pub fn last_event_on(&self) -> Option<NaiveDate> {
        self.history.last().map(|e| e.on)
    }

    /// What is due today, soonest first: every running clock of the phase, its
    /// activities and the open side tracks, each with its rule and status.
    ///
    /// # Errors
    ///
    /// A calendar error when a due date falls outside the caller's bank-holiday table.
    pub fn obligations(&self, today: NaiveDate, cal: &HolidayCalendar) -> Result<Vec<Obligation>> {
        match self.clocks.for_calendar(cal, today) {
            Some(Ok(clocks)) => Ok(judge_clocks(clocks, today)),
            // Another calendar, a day before the clocks were worked out, or
            // clocks that could not be worked out on that day (a clock since
            // closed may be what failed): work them out afresh, as a replay would.
            Some(Err(_)) | None => Ok(judge_clocks(
                &open_clocks(&self.state, &self.child, &self.policy, cal, today)?,
                today,
            )),
        }
    }

    /// Calls `each` with every obligation due on `today`, soonest first,
    /// without collecting them: the allocation-free form of
    /// [`obligations`](Self::obligations) for passes over a whole caseload.
    ///
    /// # Errors
    ///
    /// As [`obligations`](Self::obligations); `each` is not called then.
    pub fn for_each_obligation(
        &self,
        today: NaiveDate,
        cal: &HolidayCalendar,
        mut each: impl FnMut(Obligation),
    ) -> Result<()> {
        match self.clocks.for_calendar(cal, today) {
            Some(Ok(clocks)) => clocks
                .iter()
                .filter_map(|k| k.on(today))
                .for_each(&mut each),
            Some(Err(_)) | None => open_clocks(&self.state, &self.child, &self.policy, cal, today)?
                .iter()
                .filter_map(|k| k.on(today))
                .for_each(&mut each),
        }
        Ok(())
    }

    /// What may legally happen next, each with the deadline that governs it,
    /// so a service can drive its screens from the case.
    ///
    /// # Errors
    ///
    /// As [`obligations`](Self::obligations).
    pub fn next_events(&self, today: NaiveDate, cal: &HolidayCalendar) -> Result<Vec<NextEvent>> {
        Ok(super::obligations::next_events(
            &self.state,
            &self.obligations(today, cal)?,
        ))
    }

    /// SUP-TERMLY: the school terms since SEN Support started, up to `today`,
    /// with no assess–plan–do–review cycle reviewed with the family — from
    /// [`sen_support::terms_without_review`](crate::sen_support::terms_without_review)
    /// over the caller's term calendar. Empty when SEN Support never started.
    pub fn terms_without_apdr_review(
        &self,
        today: NaiveDate,
        terms: &TermCalendar,
    ) -> Vec<crate::calendar::TermId> {
        match self.state.support.started_on {
            Some(since) => crate::sen_support::terms_without_review(
                &self.state.support.apdr_reviews,
                since,
                today,
                terms,
            ),
            None => Vec::new(),
        }
    }

    /// The case's SEN2 records, one per request, kept up to date as events apply.
    pub fn sen2_records(&self) -> &[Sen2Record] {
        &self.state.sen2
    }

    /// The latest SEN2 record, if the case has had a request.
    pub fn sen2_record(&self) -> Option<&Sen2Record> {
        self.state.sen2.last()
    }

    /// The compliance history: every statutory act applied live, with the
    /// deadline it was due by and whether it was met, late, or late but excused.
    pub fn compliance(&self) -> &[ComplianceEntry] {
        &self.compliance
    }

    /// The acts done late (excused or not) between `from` and `to` inclusive,
    /// by the day they were done — what the ombudsman and SEN2 ask for.
    pub fn late_acts(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl Iterator<Item = &ComplianceEntry> + '_ {
        self.compliance
            .iter()
            .filter(move |e| e.is_late() && e.done_on >= from && e.done_on <= to)
    }

    /// What the case holds in memory: hot state and history, from the types'
    /// own sizes and capacities.
    pub fn memory(&self) -> super::MemoryUse {
        super::memory::memory(self)
    }

    pub(crate) fn parts(&self) -> (&Child, &LocalPolicy, &[Event], &[ComplianceEntry]) {
        (&self.child, &self.policy, &self.history, &self.compliance)
    }

    /// The case's policy history, oldest first: each policy with the first
    /// event it governed. The last is the policy in force now
    /// ([`policy`](Self::policy)); it governs events from its position on,
    /// which may be one past the last event when it has governed none yet.
    pub fn policies(&self) -> impl Iterator<Item = (usize, &LocalPolicy)> + '_ {
        self.earlier_policies
            .iter()
            .map(|p| (p.from_event(), p.policy()))
            .chain(core::iter::once((self.policy_from, &self.policy)))
    }

    /// Change the council's policy for the events applied from now on.
    /// Events already in the history keep the decisions made under the
    /// policy in force when they were applied (the NSM offered, the ASC
    /// scheme); the running clocks follow the new policy.
    ///
    /// # Errors
    ///
    /// [`Error::InconsistentRecord`] for another council's policy: a case
    /// moves between councils only by transfer.
    pub fn set_policy(&mut self, policy: LocalPolicy) -> Result<()> {
        if policy.council != self.policy.council {
            return Err(Error::InconsistentRecord {
                reason: format!(
                    "the case is run under {}'s policy; {}'s cannot replace it (a case moves between councils only by transfer)",
                    self.policy.council, policy.council
                ),
            });
        }
        let next = self.history.len().saturating_add(1);
        if policy != self.policy {
            // The running clocks read the policy: work them out afresh when asked.
            self.clocks = Clocks::default();
        }
        self.set_policy_from(policy, next);
        Ok(())
    }

    /// The policy in force from event `position` on. A policy that governed
    /// no event is replaced rather than kept in the history.
    fn set_policy_from(&mut self, policy: LocalPolicy, position: usize) {
        if policy == self.policy {
            return;
        }
        let old = core::mem::replace(&mut self.policy, policy);
        let old_from = core::mem::replace(&mut self.policy_from, position);
        if old_from < position {
            if let Ok(entry) = PolicyInForce::new(old_from, old) {
                self.earlier_policies.push(entry);
            }
        }
    }

    /// The policies that governed earlier events (for the memory count).
    pub(crate) fn earlier_policies(&self) -> &Vec<PolicyInForce> {
        &self.earlier_policies
    }

    /// The policy history as stored: every policy that governed an event,
    /// with the first it governed (one set since the last event is the
    /// caller's to give again when the case is read back).
    pub(crate) fn policy_history(&self) -> Vec<PolicyInForce> {
        let events = self.history.len();
        self.policies()
            .filter(|(from, _)| *from <= events)
            .filter_map(|(from, p)| PolicyInForce::new(from, p.clone()).ok())
            .collect()
    }

    /// Work out the running clocks with `cal`, as of the last event, so that
    /// obligations on any later day are a few comparisons.
    pub(crate) fn with_clocks(mut self, cal: &HolidayCalendar) -> Self {
        if let Some(last) = self.last_event_on() {
            self.clocks = Clocks::compute(&self.state, &self.child, &self.policy, cal, last);
        }
        self
    }
}

/// A stored compliance history to read back with a replay.
pub(crate) struct StoredCompliance<'a> {
    /// The entries, in the order stored.
    pub(crate) entries: Vec<ComplianceEntry>,
    /// The caller's calendar: for records whose entries carry no days.
    pub(crate) cal: &'a HolidayCalendar,
    /// The record was written before entries carried their days.
    pub(crate) legacy: bool,
}

/// A stored policy history must be one a case could have: the first policy
/// governs from event 1, each later one from a later event of the history,
/// each differs from the one before, and all are one council's.
fn check_policy_history(policies: &[PolicyInForce], events: usize) -> Result<()> {
    let bad = |reason: String| Err(Error::InconsistentRecord { reason });
    let Some(first) = policies.first() else {
        return bad("a case record names the policy it was run under".into());
    };
    if first.from_event() != 1 {
        return bad(format!(
            "the first policy of the case governs from event {}; it must govern from event 1",
            first.from_event()
        ));
    }
    for pair in policies.windows(2) {
        let [a, b] = pair else { continue };
        if b.from_event() <= a.from_event() || b.policy() == a.policy() {
            return bad(format!(
                "the case's policy history is out of order or repeats itself at event {}",
                b.from_event()
            ));
        }
        if b.policy().council != a.policy().council {
            return bad(format!(
                "the case's policy history changes council at event {} ({} to {}); a case moves between councils only by transfer",
                b.from_event(),
                a.policy().council,
                b.policy().council
            ));
        }
    }
    if let Some(last) = policies.last().filter(|p| p.from_event() > events) {
        return bad(format!(
            "a policy is said to govern from event {}, but the history has {events} events",
            last.from_event()
        ));
    }
    Ok(())
}

/// SUP-APDR: the events a case may open with — SEN Support, a request for
/// assessment, the child brought to the council's attention, an existing
/// plan, or a plan or assessment transferred in. One check for
/// [`Case::open`] and [`Case::replay`].
fn opening_event(first: &Event) -> Result<()> {
    use super::event::EventKind as K;
    if matches!(
        first.kind,
        K::SenSupportStarted
            | K::AssessmentRequested { .. }
            | K::BroughtToAttention
            | K::ExistingPlanLoaded { .. }
            | K::PlanTransferredIn { .. }
            | K::AssessmentTransferredIn { .. }
    ) {
        Ok(())
    } else {
        Err(Error::RuleBroken {
            rule: crate::rule::RuleId::SupApdr,
            reason: "a case opens with SEN Support, a request for assessment, the child being brought to the council's attention, an existing plan, or a plan or assessment transferred in".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pathway::{Actor, EventKind};

    #[test]
    fn a_refused_opening_keeps_its_event_when_converted() -> Result<(), Box<dyn std::error::Error>>
    {
        let cal = HolidayCalendar::england_and_wales();
        let on = NaiveDate::from_ymd_opt(2025, 1, 6).ok_or("date")?;
        let child = Child {
            reference: "SUT-9".into(),
            date_of_birth: NaiveDate::from_ymd_opt(2016, 1, 1).ok_or("date")?,
            sensory_impairment: crate::advice::SensoryImpairment::None,
        };
        let first = Event::new(on, Actor::School, EventKind::ApdrReviewed);
        let Err(refused) = Case::open(child, LocalPolicy::sutton(), first.clone(), &cal) else {
            return Err("an annual APDR review cannot open a case".into());
        };
        let reason = refused.error.clone();
        // The reason is in Refused's message once; the chain goes on from the reason's own source.
        assert!(refused.to_string().contains(&reason.to_string()));
        assert!(std::error::Error::source(&refused).is_none());
        let err = Error::from(refused);
        let Error::EventRefused {
            event,
            reason: kept,
        } = &err
        else {
            return Err(format!("expected EventRefused, got {err:?}").into());
        };
        assert_eq!(**event, first);
        assert_eq!(**kept, reason);
        assert_eq!(err.to_string().matches(&reason.to_string()).count(), 1);
        assert!(std::error::Error::source(&err).is_none());
        Ok(())
    }
}
