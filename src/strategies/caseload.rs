//! A seeded generator of a national-scale caseload, for benches
//! and property tests: England's mix of plans, requests, reviews, disputes,
//! advice requests and ASCs, built through [`Case::apply`] so every case is
//! one the pathway accepted.

use chrono::{Datelike, Days, NaiveDate};

use crate::advice::{AdviceType, SensoryImpairment};
use crate::calendar::HolidayCalendar;
use crate::pathway::{
    Actor, AppealGrounds, Case, Child, DecisionNotice, DisputeId, Event, EventKind,
    FinalPlanChanges, MediationChoice, ParentalAgreement, ReviewDuty, ReviewKind, ReviewOutcome,
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
/// progress, about 35 events a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseloadMix {
    /// Per cent of cases that are maintained plans (the rest are requests).
    pub plans_percent: u64,
    /// Per cent of plans with a dispute still open.
    pub open_dispute_percent: u64,
    /// Per cent of cases at SEN Support with an ASC.
    pub asc_percent: u64,
    /// The day the caseload is generated for: every event is on or before it.
    pub today: NaiveDate,
}

impl Default for CaseloadMix {
    fn default() -> Self {
        CaseloadMix {
            plans_percent: 80,
            open_dispute_percent: 6,
            asc_percent: 2,
            today: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or(NaiveDate::MIN),
        }
    }
}

fn days(on: NaiveDate, n: u64) -> NaiveDate {
    on.checked_add_days(Days::new(n)).unwrap_or(on)
}

fn back(on: NaiveDate, n: u64) -> NaiveDate {
    on.checked_sub_days(Days::new(n)).unwrap_or(on)
}

/// `cases` cases from `seed`, with the [`CaseloadMix::default`] mix, under the
/// Sutton policy and the built-in calendar. Deterministic.
pub fn national_caseload(seed: u64, cases: usize) -> Vec<Case> {
    let cal = HolidayCalendar::england_and_wales();
    let policy = LocalPolicy::sutton();
    let mix = CaseloadMix::default();
    let mut rng = CaseloadRng::new(seed);
    (0..cases)
        .filter_map(|i| generate(&mut rng, i, mix, &policy, &cal))
        .collect()
}

fn generate(
    rng: &mut CaseloadRng,
    i: usize,
    mix: CaseloadMix,
    policy: &LocalPolicy,
    cal: &HolidayCalendar,
) -> Option<Case> {
    let today = mix.today;
    let age_days = 4 * 365 + rng.below(14 * 365);
    let child = Child {
        reference: format!("CYP-{i}"),
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
        let (mut case, _) = Case::open(child, policy.clone(), first, cal).ok()?;
        // The school keeps running assess-plan-do-review beside the plan (SUP-TERMLY).
        let _ = case.apply(
            Event::new(issued, Actor::School, EventKind::SenSupportStarted),
            cal,
        );
        let _ = case.apply(
            Event::new(issued, Actor::School, EventKind::ParentsInformed),
            cal,
        );
        let mut anchor = issued;
        for _ in 0..years {
            for term in 1..=3 {
                let _ = case.apply(
                    Event::new(
                        days(anchor, term * 80),
                        Actor::School,
                        EventKind::ApdrReviewed,
                    ),
                    cal,
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
                let _ = case.apply(e, cal);
            }
            if outcome == ReviewOutcome::Amend {
                let _ = case.apply(council(decided, EventKind::AmendmentNoticeSent), cal);
                let _ = case.apply(
                    council(
                        days(decided, 40),
                        EventKind::AmendedPlanIssued {
                            school: "Oak Primary".into(),
                        },
                    ),
                    cal,
                );
            } else if rng.chance(25) {
                // The family takes the "maintain" decision to mediation and appeal.
                let dispute = case
                    .disputes()
                    .last()
                    .map(|d| d.id())
                    .unwrap_or(DisputeId::new(0));
                let _ = case.apply(
                    Event::new(
                        days(decided, 20),
                        Actor::Parent,
                        EventKind::MediationAdviserContacted {
                            dispute,
                            choice: MediationChoice::Declined,
                        },
                    ),
                    cal,
                );
                let _ = case.apply(
                    Event::new(
                        days(decided, 22),
                        Actor::MediationAdviser,
                        EventKind::MediationCertificateIssued { dispute },
                    ),
                    cal,
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
                let _ = case.apply(
                    Event::new(
                        on,
                        Actor::Parent,
                        EventKind::AppealLodged {
                            dispute: id,
                            grounds: AppealGrounds::NeedsOrProvision,
                        },
                    ),
                    cal,
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
        let (mut case, _) = Case::open(child, policy.clone(), request, cal).ok()?;
        if received.year() < 2015 {
            return Some(case);
        }
        let _ = case.apply(
            council(days(received, 5), EventKind::ConsideringNotified),
            cal,
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
                let _ = case.apply(e, cal);
            }
        }
        let decision = days(received, 30 + rng.below(15));
        if decision > today {
            return Some(case);
        }
        if rng.chance(20) {
            let _ = case.apply(
                council(
                    decision,
                    EventKind::DecidedNotToAssess {
                        panel_on: back(decision, 1),
                        notice: notice(),
                    },
                ),
                cal,
            );
            return Some(case);
        }
        let _ = case.apply(council(decision, EventKind::DecidedToAssess), cal);
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
            let _ = case.apply(
                council(
                    asked,
                    EventKind::AdviceRequested {
                        advice_type,
                        body: "service".into(),
                        contact: "duty".into(),
                    },
                ),
                cal,
            );
            let got = days(asked, 20 + rng.below(40));
            if got < today && rng.chance(70) {
                let id = crate::pathway::AdviceId::new(u32::try_from(k).unwrap_or(0));
                let _ = case.apply(
                    council(
                        days(asked, 3),
                        EventKind::AdviceRequestReceived { advice: id },
                    ),
                    cal,
                );
                let _ = case.apply(council(got, EventKind::AdviceReceived { advice: id }), cal);
            }
        }
        let draft = days(received, 90 + rng.below(30));
        if draft < today && rng.chance(50) {
            let _ = case.apply(
                council(draft, EventKind::DraftPlanIssued { names_school: None }),
                cal,
            );
            let _ = case.apply(
                Event::new(
                    days(draft, 7),
                    Actor::Parent,
                    EventKind::RepresentationsReceived {
                        requested_school: Some("Elm Academy".into()),
                    },
                ),
                cal,
            );
            let _ = case.apply(
                council(
                    days(draft, 8),
                    EventKind::SchoolConsulted {
                        school: "Elm Academy".into(),
                    },
                ),
                cal,
            );
            let fin = days(draft, 20 + rng.below(30));
            if fin < today {
                let _ = case.apply(
                    council(
                        fin,
                        EventKind::FinalPlanIssued {
                            school: "Elm Academy".into(),
                            changes: FinalPlanChanges::RepresentationsAndPlacementOnly,
                        },
                    ),
                    cal,
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
}
