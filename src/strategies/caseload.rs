//! A seeded generator of a national-scale caseload, for benches
//! and property tests: England's mix of plans, requests, reviews, disputes,
//! advice requests and ASCs, built through [`Case::apply`] so every case is
//! one the pathway accepted.

use chrono::{Datelike, Days, NaiveDate};

use crate::advice::{AdviceType, SensoryImpairment};
use crate::calendar::HolidayCalendar;
use crate::pathway::{
    Actor, AppealGrounds, Applied, Case, Child, DecisionNotice, DisputeId, Event, EventKind,
    FinalPlanChanges, MediationChoice, ParentalAgreement, Refused, ReviewDuty, ReviewKind,
    ReviewOutcome,
};
use crate::policy::LocalPolicy;

/// A small, fast, seeded random source (SplitMix64): the same seed always
/// gives the same caseload, on every machine.
#[derive(Debug, Clone)]
pub struct CaseloadRng(u64);

impl CaseloadRng {
    /// A generator from a seed.
    pub const fn new(seed: u64) -> Self {
        CaseloadRng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// True with probability `percent` in 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// The shape of a generated caseload. The default is England's:
/// about four in five cases a maintained plan, the rest an assessment in
/// progress, about 35 events a case. Percentages over 100 count as 100.
///
/// `#[non_exhaustive]`: start from [`CaseloadMix::default`] and set the
/// fields to change.
///
/// ```
/// use send_pathway::strategies::CaseloadMix;
/// let mut mix = CaseloadMix::default();
/// mix.plans_percent = 50;
/// assert_eq!(mix.open_dispute_percent, 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CaseloadMix {
    /// Per cent of cases that are maintained plans (the rest are requests).
    pub plans_percent: u64,
    /// Per cent of plans with a dispute still open.
    pub open_dispute_percent: u64,
    /// Per cent of requests with an ASC suggested while the request is considered.
    pub asc_percent: u64,
}

impl Default for CaseloadMix {
    fn default() -> Self {
        CaseloadMix {
            plans_percent: 80,
            open_dispute_percent: 6,
            asc_percent: 2,
        }
    }
}

/// An event the generator tried and the case refused, with the case's
/// reference: a generated history is built through [`Case::apply`], so a
/// policy or calendar that refuses a step shows here instead of vanishing.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RefusedEvent {
    /// The case's reference (`CYP-<n>`).
    pub reference: String,
    /// The event and why it was refused.
    pub refused: Refused,
}

/// A generated caseload: the cases, and every event a case refused while
/// it was built (a case whose first event was refused is left out and its
/// refusal kept here).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GeneratedCaseload {
    /// The cases, in order of their reference numbers.
    pub cases: Vec<Case>,
    /// Each refused event, in the order it was tried.
    pub refused: Vec<RefusedEvent>,
}

/// The day [`national_caseload`] generates for: 1 December 2026.
pub const DEFAULT_CASELOAD_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 1) {
    Some(day) => day,
    None => NaiveDate::MIN,
};

fn days(on: NaiveDate, n: u64) -> NaiveDate {
    on.checked_add_days(Days::new(n)).unwrap_or(on)
}

fn back(on: NaiveDate, n: u64) -> NaiveDate {
    on.checked_sub_days(Days::new(n)).unwrap_or(on)
}

/// `cases` cases from `seed`, with the [`CaseloadMix::default`] mix, under the
/// Sutton policy and the built-in calendar, generated for
/// [`DEFAULT_CASELOAD_DAY`]. Deterministic. The same as
/// [`generate_caseload`] with those, keeping the cases only.
pub fn national_caseload(seed: u64, cases: usize) -> Vec<Case> {
    generate_caseload(
        seed,
        cases,
        CaseloadMix::default(),
        &LocalPolicy::sutton(),
        &HolidayCalendar::england_and_wales(),
        DEFAULT_CASELOAD_DAY,
    )
    .cases
}

/// `cases` cases from `seed` in the shape `mix`, under `policy`, judged
/// against the caller's `cal`, with every event on or before `today`;
/// deterministic (the same arguments give the same caseload). Every event
/// goes through [`Case::apply`]; the ones a case refused are reported in
/// [`GeneratedCaseload::refused`], never dropped silently.
///
/// ```
/// use send_pathway::calendar::HolidayCalendar;
/// use send_pathway::strategies::{generate_caseload, CaseloadMix};
/// use send_pathway::{LocalPolicy, NaiveDate};
/// let mut mix = CaseloadMix::default();
/// mix.plans_percent = 100;
/// let today = NaiveDate::from_ymd_opt(2026, 6, 1).ok_or("date")?;
/// let cal = HolidayCalendar::england_and_wales();
/// let load = generate_caseload(3, 20, mix, &LocalPolicy::salford(), &cal, today);
/// assert_eq!(load.cases.len(), 20);
/// assert!(load.cases.iter().all(|c| c.phase().plan().is_some()));
/// assert!(load.cases.iter().all(|c| c.last_event_on() <= Some(today)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn generate_caseload(
    seed: u64,
    cases: usize,
    mix: CaseloadMix,
    policy: &LocalPolicy,
    cal: &HolidayCalendar,
    today: NaiveDate,
) -> GeneratedCaseload {
    let mut rng = CaseloadRng::new(seed);
    let mut refused = Vec::new();
    let cases = (0..cases)
        .filter_map(|i| generate(&mut rng, i, mix, (policy, cal, today), &mut refused))
        .collect();
    GeneratedCaseload { cases, refused }
}

/// Keep a refusal, naming the case.
fn note(refused: &mut Vec<RefusedEvent>, reference: &str, applied: Result<Applied, Refused>) {
    if let Err(refusal) = applied {
        refused.push(RefusedEvent {
            reference: reference.to_owned(),
            refused: refusal,
        });
    }
}

/// The opened case, or `None` with the refusal kept.
fn opened(
    refused: &mut Vec<RefusedEvent>,
    reference: &str,
    opened: Result<(Case, Applied), Refused>,
) -> Option<(Case, Applied)> {
    match opened {
        Ok(case) => Some(case),
        Err(refusal) => {
            note(refused, reference, Err(refusal));
            None
        }
    }
}

fn generate(
    rng: &mut CaseloadRng,
    i: usize,
    mix: CaseloadMix,
    world: (&LocalPolicy, &HolidayCalendar, NaiveDate),
    refused: &mut Vec<RefusedEvent>,
) -> Option<Case> {
    let (policy, cal, today) = world;
    let age_days = 4 * 365 + rng.below(14 * 365);
    let reference = format!("CYP-{i}");
    let child = Child {
        reference: reference.clone(),
        date_of_birth: back(today, age_days),
        sensory_impairment: if rng.chance(3) {
            SensoryImpairment::Hearing
        } else {
            SensoryImpairment::None
        },
    };
    let council = |on, kind| Event::new(on, Actor::Council, kind);
    let notice = || DecisionNotice::complete("needs can be met at SEN Support");
    if rng.chance(mix.plans_percent) {
        // A plan issued 1–6 years ago, reviewed every year since, with amendments and disputes.
        let years = 1 + rng.below(7);
        let issued = back(today, years * 365 + rng.below(300));
        let first = council(
            issued,
            EventKind::ExistingPlanLoaded {
                issued_on: issued,
                last_reviewed_on: None,
                school: "Oak Primary".into(),
            },
        );
        let (mut case, _) = opened(
            refused,
            &reference,
            Case::open(child, policy.clone(), first, cal),
        )?;
        // The school keeps running assess-plan-do-review beside the plan (SUP-TERMLY).
        note(
            refused,
            &reference,
            case.apply(
                Event::new(issued, Actor::School, EventKind::SenSupportStarted),
                cal,
            ),
        );
        note(
            refused,
            &reference,
            case.apply(
                Event::new(issued, Actor::School, EventKind::ParentsInformed),
                cal,
            ),
        );
        let mut anchor = issued;
        for _ in 0..years {
            for term in 1..=3 {
                note(
                    refused,
                    &reference,
                    case.apply(
                        Event::new(
                            days(anchor, term * 80),
                            Actor::School,
                            EventKind::ApdrReviewed,
                        ),
                        cal,
                    ),
                );
            }
            let meeting = days(anchor, 300 + rng.below(40));
            if meeting >= back(today, 30) {
                break;
            }
            let outcome = match rng.below(10) {
                0..=5 => ReviewOutcome::Maintain,
                _ => ReviewOutcome::Amend,
            };
            let steps = [
                council(
                    back(meeting, 15),
                    EventKind::ReviewMeetingScheduled {
                        meeting_on: meeting,
                        kind: ReviewKind::Scheduled,
                    },
                ),
                council(back(meeting, 14), EventKind::ReviewAdviceCirculated),
                council(meeting, EventKind::ReviewMeetingHeld),
                council(
                    meeting,
                    EventKind::ReviewConductRecorded {
                        duties: ReviewDuty::ALL.to_vec(),
                    },
                ),
                council(days(meeting, 10), EventKind::ReviewReportSent),
                council(
                    days(meeting, 20 + rng.below(10)),
                    EventKind::ReviewDecided { outcome },
                ),
            ];
            let mut decided = meeting;
            for e in steps {
                decided = e.on;
                note(refused, &reference, case.apply(e, cal));
            }
            if outcome == ReviewOutcome::Amend {
                note(
                    refused,
                    &reference,
                    case.apply(council(decided, EventKind::AmendmentNoticeSent), cal),
                );
                note(
                    refused,
                    &reference,
                    case.apply(
                        council(
                            days(decided, 40),
                            EventKind::AmendedPlanIssued {
                                school: "Oak Primary".into(),
                            },
                        ),
                        cal,
                    ),
                );
            } else if rng.chance(25) {
                // The family takes the "maintain" decision to mediation and appeal.
                let dispute = case
                    .disputes()
                    .last()
                    .map(|d| d.id())
                    .unwrap_or(DisputeId::new(0));
                note(
                    refused,
                    &reference,
                    case.apply(
                        Event::new(
                            days(decided, 20),
                            Actor::Parent,
                            EventKind::MediationAdviserContacted {
                                dispute,
                                choice: MediationChoice::Declined,
                            },
                        ),
                        cal,
                    ),
                );
                note(
                    refused,
                    &reference,
                    case.apply(
                        Event::new(
                            days(decided, 22),
                            Actor::MediationAdviser,
                            EventKind::MediationCertificateIssued { dispute },
                        ),
                        cal,
                    ),
                );
            }
            anchor = decided;
        }
        if rng.chance(mix.open_dispute_percent) {
            // A contents appeal running while the next review falls due.
            if let Some(d) = case.disputes().iter().rev().find(|d| {
                matches!(
                    d.certificate(),
                    crate::deadlines::MediationCertificate::Issued(_)
                ) && d.appeal().is_none()
            }) {
                let id = d.id();
                let on = case.last_event_on().unwrap_or(today);
                note(
                    refused,
                    &reference,
                    case.apply(
                        Event::new(
                            on,
                            Actor::Parent,
                            EventKind::AppealLodged {
                                dispute: id,
                                grounds: AppealGrounds::NeedsOrProvision,
                            },
                        ),
                        cal,
                    ),
                );
            }
        }
        Some(case)
    } else {
        // A request in progress: received in the last 30 weeks, at some step.
        let received = back(today, 7 + rng.below(200));
        let request = Event::new(
            received,
            Actor::Parent,
            EventKind::AssessmentRequested {
                agreement: ParentalAgreement::NotApplicable,
            },
        );
        let (mut case, _) = opened(
            refused,
            &reference,
            Case::open(child, policy.clone(), request, cal),
        )?;
        if received.year() < 2015 {
            return Some(case);
        }
        note(
            refused,
            &reference,
            case.apply(
                council(days(received, 5), EventKind::ConsideringNotified),
                cal,
            ),
        );
        if rng.chance(mix.asc_percent) {
            // ASC-REQUESTERS (b): the panel suggests a contract while the request is considered.
            let on = days(received, 6);
            let contract = crate::pathway::ContractId::new(0);
            let (term, dates) = super::term_of(on);
            for e in [
                council(
                    on,
                    EventKind::AscRequested {
                        request: Box::new(super::asc_request(on, 2_000)),
                    },
                ),
                council(
                    on,
                    EventKind::AscDecided {
                        contract,
                        decision: Box::new(super::asc_decision(on, 2_000)),
                    },
                ),
                council(
                    on,
                    EventKind::AscTermFunded {
                        contract,
                        term,
                        dates,
                        amount: crate::money::Pounds::whole_const(2_000),
                        moderation: crate::asc::Moderation::Moderated,
                    },
                ),
            ] {
                note(refused, &reference, case.apply(e, cal));
            }
        }
        let decision = days(received, 30 + rng.below(15));
        if decision > today {
            return Some(case);
        }
        if rng.chance(20) {
            note(
                refused,
                &reference,
                case.apply(
                    council(
                        decision,
                        EventKind::DecidedNotToAssess {
                            panel_on: back(decision, 1),
                            notice: notice(),
                        },
                    ),
                    cal,
                ),
            );
            return Some(case);
        }
        note(
            refused,
            &reference,
            case.apply(council(decision, EventKind::DecidedToAssess), cal),
        );
        for (k, advice_type) in [
            AdviceType::Educational,
            AdviceType::Psychological,
            AdviceType::Medical,
            AdviceType::SocialCare,
            AdviceType::ParentOrYoungPerson,
        ]
        .into_iter()
        .enumerate()
        {
            let asked = days(decision, 2);
            note(
                refused,
                &reference,
                case.apply(
                    council(
                        asked,
                        EventKind::AdviceRequested {
                            advice_type,
                            body: "service".into(),
                            contact: "duty".into(),
                        },
                    ),
                    cal,
                ),
            );
            let got = days(asked, 20 + rng.below(40));
            if got < today && rng.chance(70) {
                let id = crate::pathway::AdviceId::new(u32::try_from(k).unwrap_or(0));
                note(
                    refused,
                    &reference,
                    case.apply(
                        council(
                            days(asked, 3),
                            EventKind::AdviceRequestReceived { advice: id },
                        ),
                        cal,
                    ),
                );
                note(
                    refused,
                    &reference,
                    case.apply(council(got, EventKind::AdviceReceived { advice: id }), cal),
                );
            }
        }
        let draft = days(received, 90 + rng.below(30));
        if draft < today && rng.chance(50) {
            note(
                refused,
                &reference,
                case.apply(
                    council(draft, EventKind::DraftPlanIssued { names_school: None }),
                    cal,
                ),
            );
            note(
                refused,
                &reference,
                case.apply(
                    Event::new(
                        days(draft, 7),
                        Actor::Parent,
                        EventKind::RepresentationsReceived {
                            requested_school: Some("Elm Academy".into()),
                        },
                    ),
                    cal,
                ),
            );
            note(
                refused,
                &reference,
                case.apply(
                    council(
                        days(draft, 8),
                        EventKind::SchoolConsulted {
                            school: "Elm Academy".into(),
                        },
                    ),
                    cal,
                ),
            );
            let fin = days(draft, 20 + rng.below(30));
            if fin < today {
                note(
                    refused,
                    &reference,
                    case.apply(
                        council(
                            fin,
                            EventKind::FinalPlanIssued {
                                school: "Elm Academy".into(),
                                changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
                            },
                        ),
                        cal,
                    ),
                );
            }
        }
        Some(case)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_caseload_has_the_national_mix() {
        let cases = national_caseload(7, 2_000);
        assert_eq!(cases.len(), 2_000);
        let events: usize = cases.iter().map(|c| c.history().len()).sum();
        let plans = cases.iter().filter(|c| c.phase().plan().is_some()).count();
        let open_disputes = cases
            .iter()
            .filter(|c| {
                c.disputes()
                    .iter()
                    .any(|d| d.outcome().is_none() && d.appeal().is_some())
            })
            .count();
        println!(
            "events/case {:.1}, plans {plans}, open appeals {open_disputes}",
            events as f64 / 2_000.0
        );
        assert!((1_400..=1_800).contains(&plans), "{plans} plans");
        assert!(events / 2_000 >= 15, "{events} events");
        // The same seed gives the same caseload.
        assert_eq!(national_caseload(7, 50), cases[..50].to_vec());
    }

    #[test]
    fn the_default_generator_reports_what_it_refused() {
        let load = generate_caseload(
            7,
            500,
            CaseloadMix::default(),
            &LocalPolicy::sutton(),
            &HolidayCalendar::england_and_wales(),
            DEFAULT_CASELOAD_DAY,
        );
        assert_eq!(load.cases, national_caseload(7, 500));
        let mut kinds = std::collections::BTreeMap::new();
        for r in &load.refused {
            *kinds.entry(r.refused.event.kind.name()).or_insert(0) += 1;
        }
        println!("refused events: {} {kinds:?}", load.refused.len());
        assert!(load.refused.iter().all(|r| r.reference.starts_with("CYP-")));
    }

    #[test]
    fn a_shaped_caseload_follows_its_mix_policy_and_day() {
        let today = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap_or(NaiveDate::MIN);
        let mix = CaseloadMix {
            plans_percent: 0,
            ..CaseloadMix::default()
        };
        let load = generate_caseload(
            1,
            100,
            mix,
            &LocalPolicy::salford(),
            &HolidayCalendar::england_and_wales(),
            today,
        );
        assert_eq!(load.cases.len(), 100);
        // No plan loaded: every case starts with a request.
        assert!(load.cases.iter().all(|c| matches!(
            c.history().first().map(|e| &e.kind),
            Some(EventKind::AssessmentRequested { .. })
        )));
        assert!(load.cases.iter().all(|c| c.policy().council == "Salford"));
        assert!(load
            .cases
            .iter()
            .all(|c| c.history().iter().all(|e| e.on <= today)));
    }

    #[test]
    fn a_calendar_too_short_shows_as_refusals_not_silence() -> Result<(), crate::Error> {
        // A table of 2026 only: every history reaching back before it is refused somewhere.
        let json = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
            {"title": "New Year's Day", "date": "2026-01-01", "notes": "", "bunting": true},
            {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true}]}}"#;
        let cal = HolidayCalendar::from_gov_uk_json(json)?;
        let load = generate_caseload(
            9,
            50,
            CaseloadMix::default(),
            &LocalPolicy::sutton(),
            &cal,
            DEFAULT_CASELOAD_DAY,
        );
        assert!(!load.refused.is_empty());
        assert!(load.refused.iter().any(|r| matches!(
            r.refused.error,
            crate::Error::OutsideHolidayTable { .. } | crate::Error::BeyondHolidayTable { .. }
        )));
        let generated: usize = load.cases.iter().map(|c| c.history().len()).sum();
        assert!(generated > 0);
        Ok(())
    }
}
