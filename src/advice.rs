//! Advice requests of an EHC needs assessment.
//!
//! Most 20-week breaches start with late advice. Each [`AdviceRequest`]
//! carries two clocks, both reported:
//!
//! * the local procedure's **tracking clock**, issue date + 6 weeks
//!   (SOP-ADVICE-TRACK-6W, Sutton's EHCP Progress Tracker);
//! * the **statutory clock**, the adviser's *receipt* of the request + 6 weeks
//!   (T-ADVICE-6W, reg 8(1)), which is the one used for compliance.
//!
//! What an assessment needs ([`required_advice`]), when existing advice may be
//! reused ([`ExistingAdvice`], ADV-SUFFICIENT-3PARTY — item by item, never
//! blanket), whether the council is ready to draft ([`AssessmentAdvice::readiness`])
//! and whom to chase today ([`chase_list`]) are plain functions over these records.
//!
//! ```
//! use chrono::NaiveDate;
//! use send_pathway::advice::{AdviceRequest, AdviceType, AssessmentAdvice};
//! use send_pathway::calendar::HolidayCalendar;
//!
//! let cal = HolidayCalendar::england_and_wales();
//! let issued = NaiveDate::from_ymd_opt(2025, 1, 6).ok_or("bad date")?;
//! let mut advice = AssessmentAdvice::new(Vec::new());
//! let ep = advice.add_request(AdviceRequest::issue(AdviceType::Psychological, "EPS", "Dr Shah", issued)?)?;
//! assert_eq!(ep.to_string(), "A0");
//! let request = advice.request_mut(ep).ok_or("no such request")?;
//! request.record_receipt_by_body(issued.succ_opt().ok_or("bad date")?)?;
//! // SOP-ADVICE-TRACK-6W from issue; T-ADVICE-6W from the adviser's receipt.
//! assert_eq!(request.tracking_deadline(&cal)?.due().to_string(), "2025-02-17");
//! assert_eq!(request.compliance_deadline(&cal)?.due().to_string(), "2025-02-18");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;

use chrono::NaiveDate;

use crate::calendar::{year_group_on, HolidayCalendar, YearGroup};
use crate::deadlines::{self, Deadline};
use crate::error::{Error, Result};
use crate::exceptions::{judge, Act, Compliance, ExceptionClaim, Status};
use crate::rule::RuleId;

fn broken(rule: RuleId, reason: impl Into<String>) -> Error {
    Error::RuleBroken {
        rule,
        reason: reason.into(),
    }
}

/// The eight kinds of advice of reg 6(1) (ADV-TYPES-8). Types (f) and (h) name the person.
///
/// Not `#[non_exhaustive]` on purpose: reg 6(1)(a)–(h) is a closed list (ADV-TYPES-8), and the two open-ended kinds carry their own names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "type", content = "person", rename_all = "snake_case")
)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum AdviceType {
    /// (a) The child's parent or the young person.
    ParentOrYoungPerson,
    /// (b) Educational: the head teacher or principal, or the early-years SEN lead.
    Educational,
    /// (c) Medical: a health care professional named by the commissioner.
    Medical,
    /// (d) Psychological: an educational psychologist.
    Psychological,
    /// (e) Social care.
    SocialCare,
    /// (f) Anyone else the council thinks appropriate — named.
    CouncilConsidersAppropriate(String),
    /// (g) From Year 9: preparing for adulthood and independent living.
    PreparingForAdulthood,
    /// (h) Anyone the parent or young person reasonably requests — named.
    RequestedByFamily(String),
}

impl AdviceType {
    /// The letter in reg 6(1).
    pub fn letter(&self) -> char {
        match self {
            AdviceType::ParentOrYoungPerson => 'a',
            AdviceType::Educational => 'b',
            AdviceType::Medical => 'c',
            AdviceType::Psychological => 'd',
            AdviceType::SocialCare => 'e',
            AdviceType::CouncilConsidersAppropriate(_) => 'f',
            AdviceType::PreparingForAdulthood => 'g',
            AdviceType::RequestedByFamily(_) => 'h',
        }
    }

    /// Where Sutton sends such a request, for a chase list.
    pub fn sutton_route(&self) -> &'static str {
        match self {
            AdviceType::SocialCare => "Children's First Contact Service (known child: allocated team; unknown: Early Help EHAT first)",
            AdviceType::Medical => "NHS advice mailbox; community paediatric admin routes to the clinician; DMO signs off",
            AdviceType::Educational => "the setting, ideally completed jointly with the SENCO",
            AdviceType::Psychological => "Cognus Educational Psychology Service",
            AdviceType::ParentOrYoungPerson => "the parent or young person",
            AdviceType::PreparingForAdulthood => "the preparing-for-adulthood lead",
            AdviceType::CouncilConsidersAppropriate(_) | AdviceType::RequestedByFamily(_) => "the named person",
        }
    }
}

impl fmt::Display for AdviceType {
    /// "(b) educational", "(f) Dr Smith": the reg 6(1) letter and the kind or
    /// person. Width, fill and alignment are honoured.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            AdviceType::ParentOrYoungPerson => "(a) parent/young person".into(),
            AdviceType::Educational => "(b) educational".into(),
            AdviceType::Medical => "(c) medical".into(),
            AdviceType::Psychological => "(d) psychological".into(),
            AdviceType::SocialCare => "(e) social care".into(),
            AdviceType::CouncilConsidersAppropriate(who) => format!("(f) {who}"),
            AdviceType::PreparingForAdulthood => "(g) preparing for adulthood".into(),
            AdviceType::RequestedByFamily(who) => format!("(h) {who}"),
        };
        f.pad(&text)
    }
}

/// A hearing or visual impairment (ADV-HI-VI).
///
/// Not `#[non_exhaustive]` on purpose: the ADV-HI-VI cases, none to both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SensoryImpairment {
    /// Neither.
    None,
    /// Hearing impaired.
    Hearing,
    /// Visually impaired.
    Visual,
    /// Both.
    HearingAndVisual,
}

/// What the council knows about the child when working out the advice it must seek.
///
/// A plain value record: fields are open on purpose.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AdviceNeedsFacts {
    /// Date of birth, for the Year 9 test (ADV-PFA-Y9).
    pub date_of_birth: NaiveDate,
    /// Hearing or visual impairment (ADV-HI-VI).
    pub sensory_impairment: SensoryImpairment,
    /// People the council thinks appropriate — type (f).
    pub council_considers_appropriate: Vec<String>,
    /// People the parent or young person reasonably asked for — type (h).
    pub requested_by_family: Vec<String>,
}

/// One piece of advice the assessment needs.
///
/// A plain value record: fields are open on purpose; an answer of [`required_advice`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RequiredAdvice {
    /// The kind of advice.
    pub advice_type: AdviceType,
    /// ADV-HI-VI: the educational advice must involve a teacher qualified to
    /// teach hearing- or visually-impaired pupils. The exact wording of reg
    /// 6(2)–(3) is recalled \[M\]; the crate records that person's involvement.
    pub needs_qualified_sensory_teacher: bool,
}

/// ADV-TYPES-8 with ADV-PFA-Y9 and ADV-HI-VI: the advice an assessment started
/// on `assessment_date` must seek. Types (a)–(e) always; (g) from Year 9 (the
/// year group worked out from the date of birth on that date); (f) and (h) for
/// each person named.
///
/// # Errors
///
/// [`Error::OutOfRange`] only for dates chrono cannot place in an academic year.
pub fn required_advice(
    facts: &AdviceNeedsFacts,
    assessment_date: NaiveDate,
) -> Result<Vec<RequiredAdvice>> {
    let sensory = facts.sensory_impairment != SensoryImpairment::None;
    let mut required: Vec<RequiredAdvice> = [
        AdviceType::ParentOrYoungPerson,
        AdviceType::Educational,
        AdviceType::Medical,
        AdviceType::Psychological,
        AdviceType::SocialCare,
    ]
    .into_iter()
    .map(|advice_type| RequiredAdvice {
        needs_qualified_sensory_teacher: sensory && advice_type == AdviceType::Educational,
        advice_type,
    })
    .collect();
    let plain = |advice_type| RequiredAdvice {
        advice_type,
        needs_qualified_sensory_teacher: false,
    };
    required.extend(
        facts
            .council_considers_appropriate
            .iter()
            .map(|p| plain(AdviceType::CouncilConsidersAppropriate(p.clone()))),
    );
    if year_group_on(facts.date_of_birth, assessment_date)? >= YearGroup::YEAR_9 {
        required.push(plain(AdviceType::PreparingForAdulthood));
    }
    required.extend(
        facts
            .requested_by_family
            .iter()
            .map(|p| plain(AdviceType::RequestedByFamily(p.clone()))),
    );
    Ok(required)
}

/// One request for advice and what happened to it.
///
/// Reading one back re-checks the order of its dates and its exception claims.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "AdviceRequestRecord", into = "AdviceRequestRecord")
)]
pub struct AdviceRequest {
    advice_type: AdviceType,
    body: String,
    contact: String,
    issued_on: NaiveDate,
    received_by_body_on: Option<NaiveDate>,
    advice_received_on: Option<NaiveDate>,
    qualified_sensory_teacher: Option<String>,
    exceptions: Vec<ExceptionClaim>,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AdviceRequestRecord {
    advice_type: AdviceType,
    body: String,
    contact: String,
    issued_on: NaiveDate,
    #[serde(default)]
    received_by_body_on: Option<NaiveDate>,
    #[serde(default)]
    advice_received_on: Option<NaiveDate>,
    #[serde(default)]
    qualified_sensory_teacher: Option<String>,
    #[serde(default)]
    exceptions: Vec<ExceptionClaim>,
}

#[cfg(feature = "serde")]
impl TryFrom<AdviceRequestRecord> for AdviceRequest {
    type Error = Error;
    fn try_from(r: AdviceRequestRecord) -> Result<Self> {
        let mut req = AdviceRequest::issue(r.advice_type, r.body, r.contact, r.issued_on)?;
        if let Some(on) = r.received_by_body_on {
            req.record_receipt_by_body(on)?;
        }
        if let Some(on) = r.advice_received_on {
            req.record_advice(on)?;
        }
        if let Some(teacher) = r.qualified_sensory_teacher {
            req.record_qualified_sensory_teacher(teacher)?;
        }
        for claim in r.exceptions {
            req.claim_exception(claim)?;
        }
        Ok(req)
    }
}

#[cfg(feature = "serde")]
impl From<AdviceRequest> for AdviceRequestRecord {
    fn from(r: AdviceRequest) -> Self {
        AdviceRequestRecord {
            advice_type: r.advice_type,
            body: r.body,
            contact: r.contact,
            issued_on: r.issued_on,
            received_by_body_on: r.received_by_body_on,
            advice_received_on: r.advice_received_on,
            qualified_sensory_teacher: r.qualified_sensory_teacher,
            exceptions: r.exceptions,
        }
    }
}

/// Where an advice request stands against its statutory clock (see [`Status`]).
pub type AdviceStatus = Status;

impl AdviceRequest {
    /// The council issues a request for advice.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] (ADV-TYPES-8) when the body or contact is blank.
    pub fn issue(
        advice_type: AdviceType,
        body: impl Into<String>,
        contact: impl Into<String>,
        issued_on: NaiveDate,
    ) -> Result<Self> {
        let (body, contact) = (body.into(), contact.into());
        if body.trim().is_empty() || contact.trim().is_empty() {
            return Err(broken(
                RuleId::AdvTypes8,
                "name the body asked for advice and whom to contact there",
            ));
        }
        if let AdviceType::CouncilConsidersAppropriate(p) | AdviceType::RequestedByFamily(p) =
            &advice_type
        {
            if p.trim().is_empty() {
                return Err(broken(
                    RuleId::AdvTypes8,
                    "advice of type (f) or (h) names the person asked",
                ));
            }
        }
        Ok(AdviceRequest {
            advice_type,
            body,
            contact,
            issued_on,
            received_by_body_on: None,
            advice_received_on: None,
            qualified_sensory_teacher: None,
            exceptions: Vec::new(),
        })
    }

    /// Record the date the body received the request (starts T-ADVICE-6W).
    ///
    /// # Errors
    ///
    /// [`Error::DatesOutOfOrder`] before the issue date or after the advice arrived;
    /// [`Error::InconsistentRecord`] if already recorded differently.
    pub fn record_receipt_by_body(&mut self, on: NaiveDate) -> Result<()> {
        if on < self.issued_on {
            return Err(Error::DatesOutOfOrder {
                earlier_label: "request issued",
                earlier: self.issued_on,
                later_label: "request received by the adviser",
                later: on,
            });
        }
        if let Some(advice) = self.advice_received_on {
            if advice < on {
                return Err(Error::DatesOutOfOrder {
                    earlier_label: "request received by the adviser",
                    earlier: on,
                    later_label: "advice received",
                    later: advice,
                });
            }
        }
        match self.received_by_body_on {
            Some(existing) if existing != on => Err(Error::InconsistentRecord {
                reason: format!(
                    "the adviser's receipt is already recorded as {existing}, not {on}"
                ),
            }),
            _ => {
                self.received_by_body_on = Some(on);
                Ok(())
            }
        }
    }

    /// Record the date the advice arrived.
    ///
    /// # Errors
    ///
    /// [`Error::DatesOutOfOrder`] when before the adviser received the request
    /// (or, receipt unknown, before the request was issued).
    pub fn record_advice(&mut self, on: NaiveDate) -> Result<()> {
        let (label, floor) = match self.received_by_body_on {
            Some(r) => ("request received by the adviser", r),
            None => ("request issued", self.issued_on),
        };
        if on < floor {
            return Err(Error::DatesOutOfOrder {
                earlier_label: label,
                earlier: floor,
                later_label: "advice received",
                later: on,
            });
        }
        self.advice_received_on = Some(on);
        Ok(())
    }

    /// ADV-HI-VI: record the qualified teacher of hearing- or visually-impaired
    /// pupils involved in educational advice.
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] for advice other than educational, or a blank name.
    pub fn record_qualified_sensory_teacher(&mut self, teacher: impl Into<String>) -> Result<()> {
        let teacher = teacher.into();
        if self.advice_type != AdviceType::Educational {
            return Err(broken(
                RuleId::AdvHiVi,
                "the qualified sensory teacher is part of educational advice (b)",
            ));
        }
        if teacher.trim().is_empty() {
            return Err(broken(RuleId::AdvHiVi, "name the qualified teacher"));
        }
        self.qualified_sensory_teacher = Some(teacher);
        Ok(())
    }

    /// Record an EXC-8-2 ground for this request (per request, never blanket).
    ///
    /// # Errors
    ///
    /// [`Error::ExceptionNotApplicable`] for an exception other than EXC-8-2
    /// (or the historic EXC-COVID).
    pub fn claim_exception(&mut self, claim: ExceptionClaim) -> Result<()> {
        if !claim.exception().excuses(RuleId::TAdvice6w) {
            return Err(Error::ExceptionNotApplicable {
                exception: claim.exception(),
                reason: "advice deadlines are excused only under reg 8(2) (EXC-8-2)".into(),
            });
        }
        self.exceptions.push(claim);
        Ok(())
    }

    /// The kind of advice.
    pub fn advice_type(&self) -> &AdviceType {
        &self.advice_type
    }

    /// The body asked.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// Whom to contact there.
    pub fn contact(&self) -> &str {
        &self.contact
    }

    /// When the council issued the request.
    pub fn issued_on(&self) -> NaiveDate {
        self.issued_on
    }

    /// When the body received it, if known.
    pub fn received_by_body_on(&self) -> Option<NaiveDate> {
        self.received_by_body_on
    }

    /// When the advice arrived, if it has.
    pub fn advice_received_on(&self) -> Option<NaiveDate> {
        self.advice_received_on
    }

    /// The qualified sensory teacher recorded (ADV-HI-VI), if any.
    pub fn qualified_sensory_teacher(&self) -> Option<&str> {
        self.qualified_sensory_teacher.as_deref()
    }

    /// The exception claims recorded.
    pub fn exceptions(&self) -> &[ExceptionClaim] {
        &self.exceptions
    }

    /// SOP-ADVICE-TRACK-6W: issue date + 6 weeks.
    ///
    /// # Errors
    ///
    /// [`Error::DateOverflow`] at the edge of the representable range.
    pub fn tracking_deadline(&self, cal: &HolidayCalendar) -> Result<Deadline> {
        deadlines::advice_tracking_due(self.issued_on, cal)
    }

    /// T-ADVICE-6W: the adviser's receipt + 6 weeks; `None` until receipt is recorded.
    ///
    /// # Errors
    ///
    /// [`Error::DateOverflow`] at the edge of the representable range.
    pub fn statutory_deadline(&self, cal: &HolidayCalendar) -> Result<Option<Deadline>> {
        self.received_by_body_on
            .map(|r| deadlines::advice_due(r, cal))
            .transpose()
    }

    /// The deadline compliance is judged against: the statutory one once
    /// receipt is known; until then the tracking one, which is never later.
    ///
    /// # Errors
    ///
    /// [`Error::DateOverflow`] at the edge of the representable range.
    pub fn compliance_deadline(&self, cal: &HolidayCalendar) -> Result<Deadline> {
        match self.statutory_deadline(cal)? {
            Some(d) => Ok(d),
            None => self.tracking_deadline(cal),
        }
    }

    /// Whether the advice has arrived.
    pub fn is_open(&self) -> bool {
        self.advice_received_on.is_none()
    }

    /// Status on `today` against the statutory clock.
    ///
    /// # Errors
    ///
    /// [`Error::ExceptionNotApplicable`] when a recorded EXC-8-2 ground does not
    /// hold for this request's period; date-range errors at the extremes.
    pub fn status(&self, today: NaiveDate, cal: &HolidayCalendar) -> Result<AdviceStatus> {
        let deadline = self.compliance_deadline(cal)?;
        let act = match self.advice_received_on {
            Some(on) => Act::Done(on),
            None => Act::NotDone,
        };
        Ok(Status::from_judgement(
            judge(&deadline, act, today, &self.exceptions)?,
            act,
        ))
    }
}

/// Whether a party agrees that existing advice is sufficient (ADV-SUFFICIENT-3PARTY).
///
/// `#[non_exhaustive]`: a workflow answer that may grow (a withdrawal, say); match with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "answer", content = "on", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Agreement {
    /// Not asked yet.
    NotAsked,
    /// Agreed it is sufficient, on this date.
    Agreed(NaiveDate),
    /// Does not agree.
    Dissents,
    /// Could not be asked (e.g. the author has left).
    Unavailable,
}

/// Advice already provided for another purpose, and the three agreements
/// needed to use it instead of asking again (reg 6(4), ADV-SUFFICIENT-3PARTY).
///
/// There is deliberately no way to agree for several items at once: each
/// item carries its own three agreements.
///
/// A plain value record: fields are open on purpose; checked by [`AssessmentAdvice::offer_existing`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ExistingAdvice {
    /// The kind of advice it would stand for — (b) to (h); never the family's own (a).
    pub advice_type: AdviceType,
    /// Its author.
    pub author: String,
    /// When it was written.
    pub dated: NaiveDate,
    /// The council's view.
    pub council: Agreement,
    /// The author's view.
    pub author_agreement: Agreement,
    /// The parent's or young person's view.
    pub family: Agreement,
}

/// What to do with a piece of existing advice.
///
/// Not `#[non_exhaustive]` on purpose: reuse, seek new advice, or wait for agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReuseDecision {
    /// All three agree: the council must not seek this advice again.
    Reuse,
    /// Someone dissents or the author is unavailable: seek new advice.
    SeekNewAdvice,
    /// Still waiting for someone's answer.
    AwaitingAgreement,
}

impl ExistingAdvice {
    /// ADV-SUFFICIENT-3PARTY: reuse only when the council, the author and the
    /// parent or young person have each agreed; any dissent or an unavailable
    /// author means a new request.
    pub fn decision(&self) -> ReuseDecision {
        let all = [self.council, self.author_agreement, self.family];
        if all
            .iter()
            .any(|a| matches!(a, Agreement::Dissents | Agreement::Unavailable))
        {
            ReuseDecision::SeekNewAdvice
        } else if all.iter().all(|a| matches!(a, Agreement::Agreed(_))) {
            ReuseDecision::Reuse
        } else {
            ReuseDecision::AwaitingAgreement
        }
    }

    fn check(&self) -> Result<()> {
        if self.advice_type == AdviceType::ParentOrYoungPerson {
            return Err(broken(
                RuleId::AdvSufficient3Party,
                "reg 6(4) covers advice (b) to (h); the family's own advice (a) is always sought",
            ));
        }
        if self.author.trim().is_empty() {
            return Err(broken(
                RuleId::AdvSufficient3Party,
                "name the author of the existing advice",
            ));
        }
        Ok(())
    }
}

/// The id of an advice request within one assessment, returned by
/// [`AssessmentAdvice::add_request`]: "A0", "A1", … in the order requested.
///
/// Ids are dense from 0 within an [`AssessmentAdvice`], so looking one up is
/// O(1). An id is only meaningful for the assessment that issued it. Stored
/// as a plain number.
///
/// ```
/// use send_pathway::advice::AdviceId;
/// assert_eq!(AdviceId::new(3).to_string(), "A3");
/// assert_eq!(format!("[{:>4}]", AdviceId::new(3)), "[  A3]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct AdviceId(u32);

impl AdviceId {
    /// The id with this number.
    pub const fn new(n: u32) -> Self {
        AdviceId(n)
    }

    /// Its number.
    pub const fn get(self) -> u32 {
        self.0
    }

    fn index(self) -> Option<usize> {
        usize::try_from(self.0).ok()
    }
}

impl TryFrom<usize> for AdviceId {
    type Error = Error;
    /// The id of the request at this position (the n-th request, from 0).
    ///
    /// # Errors
    ///
    /// [`Error::OutOfRange`] above `u32::MAX`.
    fn try_from(position: usize) -> Result<Self> {
        u32::try_from(position)
            .map(AdviceId)
            .map_err(|_| Error::OutOfRange {
                what: "the number of an advice request",
                min: 0,
                max: i64::from(u32::MAX),
                given: i64::try_from(position).unwrap_or(i64::MAX),
            })
    }
}

impl From<AdviceId> for u32 {
    fn from(id: AdviceId) -> u32 {
        id.0
    }
}

impl fmt::Display for AdviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("A{}", self.0))
    }
}

/// All the advice of one assessment: what is required, what was requested,
/// what existing advice is offered for reuse.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "AssessmentAdviceRecord", into = "AssessmentAdviceRecord")
)]
pub struct AssessmentAdvice {
    required: Vec<RequiredAdvice>,
    requests: Vec<AdviceRequest>,
    existing: Vec<ExistingAdvice>,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AssessmentAdviceRecord {
    required: Vec<RequiredAdvice>,
    #[serde(default)]
    requests: Vec<AdviceRequest>,
    #[serde(default)]
    existing: Vec<ExistingAdvice>,
}

#[cfg(feature = "serde")]
impl TryFrom<AssessmentAdviceRecord> for AssessmentAdvice {
    type Error = Error;
    fn try_from(r: AssessmentAdviceRecord) -> Result<Self> {
        let mut a = AssessmentAdvice::new(r.required);
        a.existing.reserve(r.existing.len());
        for e in r.existing {
            a.offer_existing(e)?;
        }
        // Linear read-back: which types are validly reused is worked out once,
        // not re-scanned for every request.
        let reused: std::collections::HashSet<AdviceType> = a
            .existing
            .iter()
            .filter(|e| e.decision() == ReuseDecision::Reuse)
            .map(|e| e.advice_type.clone())
            .collect();
        a.requests.reserve(r.requests.len());
        for q in r.requests {
            let validly_reused = reused.contains(&q.advice_type);
            a.admit(q, validly_reused)?;
        }
        Ok(a)
    }
}

#[cfg(feature = "serde")]
impl From<AssessmentAdvice> for AssessmentAdviceRecord {
    fn from(a: AssessmentAdvice) -> Self {
        AssessmentAdviceRecord {
            required: a.required,
            requests: a.requests,
            existing: a.existing,
        }
    }
}

/// Whether the council can move on to the draft plan.
///
/// Not `#[non_exhaustive]` on purpose: ready, or not ready with the reasons.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "readiness", rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Readiness {
    /// Every required advice is in or validly reused.
    Ready,
    /// Not yet.
    NotReady {
        /// Required advice never requested (and not validly reused).
        not_requested: Vec<AdviceType>,
        /// Requested, not yet received.
        awaiting: Vec<AdviceType>,
        /// Educational advice still lacking its qualified sensory teacher (ADV-HI-VI).
        missing_sensory_teacher: bool,
    },
}

impl AssessmentAdvice {
    /// Start tracking with the required advice (see [`required_advice`]).
    pub fn new(required: Vec<RequiredAdvice>) -> Self {
        AssessmentAdvice {
            required,
            requests: Vec::new(),
            existing: Vec::new(),
        }
    }

    /// The required advice.
    pub fn required(&self) -> &[RequiredAdvice] {
        &self.required
    }

    /// The requests.
    pub fn requests(&self) -> &[AdviceRequest] {
        &self.requests
    }

    /// The requests with their ids, in the order requested.
    pub fn requests_with_ids(&self) -> impl Iterator<Item = (AdviceId, &AdviceRequest)> + '_ {
        (0..=u32::MAX).map(AdviceId).zip(self.requests.iter())
    }

    /// One request, by the id [`add_request`](Self::add_request) returned. O(1).
    pub fn request(&self, id: AdviceId) -> Option<&AdviceRequest> {
        self.requests.get(id.index()?)
    }

    /// Mutable access to one request, to record receipt, arrival or exceptions. O(1).
    pub fn request_mut(&mut self, id: AdviceId) -> Option<&mut AdviceRequest> {
        self.requests.get_mut(id.index()?)
    }

    /// The existing advice offered for reuse.
    pub fn existing(&self) -> &[ExistingAdvice] {
        &self.existing
    }

    /// Offer one item of existing advice for reuse (ADV-SUFFICIENT-3PARTY).
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] for the family's own advice (a) or an unnamed author.
    pub fn offer_existing(&mut self, advice: ExistingAdvice) -> Result<()> {
        advice.check()?;
        self.existing.push(advice);
        Ok(())
    }

    /// Add a request. A type already validly reused needs no request, so asking
    /// again is refused (reg 6(4): the council must not seek it).
    ///
    /// # Errors
    ///
    /// [`Error::RuleBroken`] (ADV-SUFFICIENT-3PARTY) when that advice is validly
    /// reused; [`Error::OutOfRange`] past `u32::MAX` requests.
    pub fn add_request(&mut self, request: AdviceRequest) -> Result<AdviceId> {
        let validly_reused = self.validly_reused(&request.advice_type);
        self.admit(request, validly_reused)
    }

    /// ADV-SUFFICIENT-3PARTY: a type validly reused is not sought again; the
    /// one place that rule refuses a request.
    fn admit(&mut self, request: AdviceRequest, validly_reused: bool) -> Result<AdviceId> {
        if validly_reused {
            return Err(broken(
                RuleId::AdvSufficient3Party,
                format!("{} is already provided and all three parties agreed it is sufficient; it must not be sought again", request.advice_type),
            ));
        }
        let id = AdviceId::try_from(self.requests.len())?;
        self.requests.push(request);
        Ok(id)
    }

    fn validly_reused(&self, advice_type: &AdviceType) -> bool {
        self.existing
            .iter()
            .any(|e| &e.advice_type == advice_type && e.decision() == ReuseDecision::Reuse)
    }

    /// Whether every required advice is in or validly reused, and what is missing.
    pub fn readiness(&self) -> Readiness {
        let mut not_requested = Vec::new();
        let mut awaiting = Vec::new();
        let mut missing_sensory_teacher = false;
        for need in &self.required {
            if self.validly_reused(&need.advice_type) {
                continue;
            }
            let matching: Vec<&AdviceRequest> = self
                .requests
                .iter()
                .filter(|r| r.advice_type == need.advice_type)
                .collect();
            if matching.is_empty() {
                not_requested.push(need.advice_type.clone());
            } else if matching.iter().all(|r| r.is_open()) {
                awaiting.push(need.advice_type.clone());
            } else if need.needs_qualified_sensory_teacher
                && !matching
                    .iter()
                    .any(|r| !r.is_open() && r.qualified_sensory_teacher.is_some())
            {
                missing_sensory_teacher = true;
            }
        }
        if not_requested.is_empty() && awaiting.is_empty() && !missing_sensory_teacher {
            Readiness::Ready
        } else {
            Readiness::NotReady {
                not_requested,
                awaiting,
                missing_sensory_teacher,
            }
        }
    }

    /// The chase list of this assessment (see [`chase_list`]).
    ///
    /// # Errors
    ///
    /// As [`chase_list`].
    pub fn chase_list(
        &self,
        case: &str,
        today: NaiveDate,
        within_days: i64,
        cal: &HolidayCalendar,
    ) -> Result<Vec<ChaseItem>> {
        chase_list(
            self.requests.iter().map(|r| (case, r)),
            today,
            within_days,
            cal,
        )
    }
}

/// One line of a chase list.
///
/// An answer, not stored state: its fields are public to read and the struct
/// is `#[non_exhaustive]`, so a field can be added without breaking users.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct ChaseItem {
    /// The case reference.
    pub case: String,
    /// The advice.
    pub advice_type: AdviceType,
    /// The body asked.
    pub body: String,
    /// Whom to chase.
    pub contact: String,
    /// The compliance due date (T-ADVICE-6W, or SOP-ADVICE-TRACK-6W until receipt is known).
    pub due: NaiveDate,
    /// Which clock `due` is.
    pub rule: RuleId,
    /// The tracking date (SOP-ADVICE-TRACK-6W), reported beside it.
    pub tracking_due: NaiveDate,
    /// Days left (negative: days overdue).
    pub days_left: i64,
    /// Status today.
    pub status: AdviceStatus,
}

/// The chase list: for one case or many, every open request due within
/// `within_days` of `today` or already overdue, soonest first (ties by case),
/// with whom to chase.
///
/// # Errors
///
/// [`Error::ExceptionNotApplicable`] when a recorded exception does not hold;
/// date-range errors at the extremes.
pub fn chase_list<'a>(
    requests: impl IntoIterator<Item = (&'a str, &'a AdviceRequest)>,
    today: NaiveDate,
    within_days: i64,
    cal: &HolidayCalendar,
) -> Result<Vec<ChaseItem>> {
    let mut items = Vec::new();
    for (case, request) in requests {
        if !request.is_open() {
            continue;
        }
        let deadline = request.compliance_deadline(cal)?;
        let days_left = deadline.days_left(today);
        if days_left > within_days {
            continue;
        }
        items.push(ChaseItem {
            case: case.to_owned(),
            advice_type: request.advice_type.clone(),
            body: request.body.clone(),
            contact: request.contact.clone(),
            due: deadline.due(),
            rule: deadline.rule(),
            tracking_due: request.tracking_deadline(cal)?.due(),
            days_left,
            status: request.status(today, cal)?,
        });
    }
    items.sort_by(chase_order);
    Ok(items)
}

/// The chase list's order: soonest first, ties by case reference.
pub(crate) fn chase_order(a: &ChaseItem, b: &ChaseItem) -> core::cmp::Ordering {
    a.due.cmp(&b.due).then_with(|| a.case.cmp(&b.case))
}

/// SOP-INSUFFICIENT-DECLINE: Sutton's decline to start an assessment because
/// the request still lacks information after the setting was asked for more.
///
/// It is a decision *not to assess*, so it is judged against T-DECIDE-6W: the
/// seed's "once the statutory 6 weeks deadline has passed" would breach reg
/// 5(1) unless EXC-5-4 applies, so the crate reads it as a decision that must be
/// taken by week 6 (reg 5(1)).
///
/// A plain value record: fields are open on purpose; its dates are checked by [`InsufficientInformationDecline::judge`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct InsufficientInformationDecline {
    /// When the request was received.
    pub request_received: NaiveDate,
    /// When the setting was asked for more information.
    pub more_information_requested_on: NaiveDate,
    /// When the panel declined.
    pub declined_on: NaiveDate,
}

impl InsufficientInformationDecline {
    /// The week-6 deadline the decline is due by (T-DECIDE-6W).
    ///
    /// # Errors
    ///
    /// [`Error::DateOverflow`] at the edge of the representable range.
    pub fn deadline(&self, cal: &HolidayCalendar) -> Result<Deadline> {
        deadlines::decision_to_assess_due(self.request_received, cal)
    }

    /// Judge the decline against week 6, with any EXC-5-4 claims.
    ///
    /// # Errors
    ///
    /// [`Error::DatesOutOfOrder`] when more information was requested before the
    /// request or after the decline; exception errors as [`judge`].
    pub fn judge(&self, cal: &HolidayCalendar, claims: &[ExceptionClaim]) -> Result<Compliance> {
        if self.more_information_requested_on < self.request_received {
            return Err(Error::DatesOutOfOrder {
                earlier_label: "request received",
                earlier: self.request_received,
                later_label: "more information requested",
                later: self.more_information_requested_on,
            });
        }
        if self.declined_on < self.more_information_requested_on {
            return Err(Error::DatesOutOfOrder {
                earlier_label: "more information requested",
                earlier: self.more_information_requested_on,
                later_label: "decline",
                later: self.declined_on,
            });
        }
        judge(
            &self.deadline(cal)?,
            Act::Done(self.declined_on),
            self.declined_on,
            claims,
        )
    }
}

// ----- Display: what caseworkers read -----

display_by_pad!(SensoryImpairment, s => match s {
    SensoryImpairment::None => "no hearing or visual impairment",
    SensoryImpairment::Hearing => "hearing impaired",
    SensoryImpairment::Visual => "visually impaired",
    SensoryImpairment::HearingAndVisual => "hearing and visually impaired",
});
display_by_pad!(Agreement, a => match a {
    Agreement::NotAsked => "not asked".to_owned(),
    Agreement::Agreed(on) => format!("agreed on {on}"),
    Agreement::Dissents => "does not agree".to_owned(),
    Agreement::Unavailable => "unavailable".to_owned(),
});
display_by_pad!(ReuseDecision, d => match d {
    ReuseDecision::Reuse => "reuse the existing advice",
    ReuseDecision::SeekNewAdvice => "seek new advice",
    ReuseDecision::AwaitingAgreement => "awaiting agreement",
});
display_by_pad!(ChaseItem, c => format!(
    "{}: {} from {} ({}), {} {}, {}",
    c.case,
    c.advice_type,
    c.body,
    c.contact,
    c.rule,
    c.due,
    if c.days_left < 0 {
        format!("{} days overdue", c.days_left.unsigned_abs())
    } else {
        format!("{} days left", c.days_left)
    }
));
display_by_pad!(Readiness, r => match r {
    Readiness::Ready => "ready to draft".to_owned(),
    Readiness::NotReady { not_requested, awaiting, missing_sensory_teacher } => {
        let list = |v: &[AdviceType]| v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        let mut parts = Vec::new();
        if !not_requested.is_empty() {
            parts.push(format!("not requested: {}", list(not_requested)));
        }
        if !awaiting.is_empty() {
            parts.push(format!("awaiting: {}", list(awaiting)));
        }
        if *missing_sensory_teacher {
            parts.push("educational advice lacks its qualified sensory teacher".to_owned());
        }
        format!("not ready to draft ({})", parts.join("; "))
    }
});
