//! ASC-TERM-CAP, ASC-TWO-TERMS, ASC-YEAR-CAP hold per child across contracts
//! for arbitrary sequences of requests and awards; every sum is exact (public API only).

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use send_pathway::asc::*;
use send_pathway::calendar::{AcademicYear, Term, TermCalendar, TermId, TermName};
use send_pathway::money::Pounds;
use send_pathway::LocalPolicy;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn pence(p: i64) -> Pounds {
    Pounds::new(Decimal::new(p, 2)).expect("valid amount")
}

fn calendar() -> TermCalendar {
    let mut terms = Vec::new();
    for y in 2025..2027 {
        terms.push(Term::new(TermName::Autumn, d(y, 9, 3), d(y, 12, 19)).unwrap());
        terms.push(Term::new(TermName::Spring, d(y + 1, 1, 5), d(y + 1, 3, 27)).unwrap());
        terms.push(Term::new(TermName::Summer, d(y + 1, 4, 13), d(y + 1, 7, 21)).unwrap());
    }
    TermCalendar::new(terms, vec![]).unwrap()
}

fn approved_contract(per_term: Pounds) -> AdditionalSupportContract {
    let request = AscRequest {
        child: "CYP-7".into(),
        setting: "Elm Academy".into(),
        requested_by: AscRequester::PanelOnAssessmentRequest,
        received_on: d(2025, 6, 2),
        plan: EhcPlanStatus::NoPlan,
        evidence: AscEvidence {
            notional_budget_spent: Pounds::whole(6_000).unwrap(),
            use_of_notional_budget: "small-group literacy".into(),
            reason_for_more: "less than expected progress".into(),
            apdr_evidence: "three cycles".into(),
            smart_outcomes: vec!["outcome".into()],
            family_involvement: "at every review".into(),
        },
        requested_per_term: per_term,
    };
    let mut c = AdditionalSupportContract::request(request, &LocalPolicy::sutton()).unwrap();
    c.record_setup_meeting(SetupMeeting {
        held_on: d(2025, 6, 10),
        targets: vec!["target".into()],
        impact_measures: "termly check".into(),
        planned_use: "TA time".into(),
        planned_amount: per_term,
    })
    .unwrap();
    c.record_decision(AscDecision::new(
        PanelAdvice {
            panel_date: d(2025, 6, 17),
            targets: Robustness::Robust,
            recommended_per_term: per_term,
        },
        OfficerDecision::Approved {
            officer: "SEN manager".into(),
            decided_on: d(2025, 6, 18),
            per_term,
        },
    ))
    .unwrap();
    c
}

#[derive(Debug, Clone)]
enum Op {
    Fund {
        contract: usize,
        term: usize,
        pence: i64,
        moderated: bool,
    },
    Review {
        contract: usize,
        successful: bool,
    },
    Extend {
        contract: usize,
        pence: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..3, 0usize..6, 0i64..300_000, any::<bool>()).prop_map(
            |(contract, term, pence, moderated)| Op::Fund {
                contract,
                term,
                pence,
                moderated
            }
        ),
        (0usize..3, any::<bool>()).prop_map(|(contract, successful)| Op::Review {
            contract,
            successful
        }),
        (0usize..3, 0i64..300_000).prop_map(|(contract, pence)| Op::Extend { contract, pence }),
    ]
}

proptest! {
    #[test]
    fn asc_caps_hold_for_any_sequence(approvals in prop::collection::vec(1i64..=200_000, 3), ops in prop::collection::vec(op(), 0..40)) {
        let cal = calendar();
        let term_ids: Vec<TermId> = cal.terms().iter().map(Term::id).collect();
        let mut contracts: Vec<AdditionalSupportContract> = approvals.iter().map(|&p| approved_contract(pence(p))).collect();

        for op in ops {
            let i = match op { Op::Fund { contract, .. } | Op::Review { contract, .. } | Op::Extend { contract, .. } => contract };
            let others = AwardsToDate::from_contracts(contracts.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, c)| c)).unwrap();
            let before = contracts[i].clone();
            let result = match op {
                Op::Fund { term, pence: p, moderated, .. } => {
                    let t = term_ids[term];
                    let dates = cal.term(t).unwrap().dates;
                    let moderation = if moderated { Moderation::Moderated } else { Moderation::NotModerated };
                    contracts[i].fund_term(&cal, t, pence(p), dates.first(), moderation, &others)
                }
                Op::Review { successful, .. } => {
                    let reviewed_on = contracts[i].funded_terms().first().map(|t| t.dates.last()).unwrap_or(d(2025, 6, 20));
                    let progress = if successful { Progress::Successful } else { Progress::NotSuccessful };
                    contracts[i].record_review(TermReview { reviewed_on, progress, extension: ExtensionWish::Wanted })
                }
                Op::Extend { pence: p, .. } => {
                    let on = contracts[i].review().map(|r| r.reviewed_on).unwrap_or(d(2025, 6, 20));
                    contracts[i].record_extension(AscDecision::new(
                        PanelAdvice { panel_date: on, targets: Robustness::Robust, recommended_per_term: pence(p) },
                        OfficerDecision::Approved { officer: "SEN manager".into(), decided_on: on, per_term: pence(p) },
                    ))
                }
            };
            if result.is_err() {
                prop_assert_eq!(&contracts[i], &before, "a refused step leaves the contract unchanged");
            }

            // Invariants over the whole caseload of this child.
            let mut per_term: std::collections::BTreeMap<TermId, i64> = Default::default();
            let mut per_year: std::collections::BTreeMap<AcademicYear, i64> = Default::default();
            for c in &contracts {
                prop_assert!(c.funded_terms().len() <= MAX_TERMS, "ASC-TWO-TERMS");
                let mut contract_pence = 0i64;
                for t in c.funded_terms() {
                    let p = (t.amount.amount() * Decimal::from(100)).to_i64().expect("whole pence");
                    contract_pence += p;
                    *per_term.entry(t.term).or_default() += p;
                    *per_year.entry(t.term.year).or_default() += p;
                }
                prop_assert!(contract_pence <= 400_000, "ASC-TWO-TERMS: at most £4,000 per contract");
                prop_assert_eq!(c.total_awarded(), pence(contract_pence), "sums are exact");
            }
            prop_assert!(per_term.len() <= MAX_TERMS, "ASC-TWO-TERMS: at most two funded terms per child across contracts");
            for (_, p) in per_term { prop_assert!(p > 0 && p <= 200_000, "ASC-TERM-CAP"); }
            for (_, p) in per_year { prop_assert!(p <= 600_000, "ASC-YEAR-CAP"); }
        }
    }

    #[test]
    fn max_award_never_exceeds_a_cap(requested in 0i64..1_000_000, taken in 1i64..=200_000) {
        let c = approved_contract(Pounds::whole(2_000).unwrap());
        let term = calendar().terms()[0].id();
        let others = AwardsToDate::try_from(vec![(term, pence(taken))]).unwrap();
        let capped = c.max_award(pence(requested), term, &others);
        prop_assert!(capped.amount <= pence(requested));
        prop_assert!(capped.amount.checked_add(pence(taken)).unwrap() <= TERM_CAP);
        prop_assert_eq!(capped.limited_by.is_empty(), capped.amount == pence(requested));
    }
}
