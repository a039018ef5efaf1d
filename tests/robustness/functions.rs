//! Generated inputs to every public function that takes dates, amounts,
//! strings or collections: each returns a value or a typed error with a
//! readable message, never panics, never hangs.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use send_pathway::advice::{
    self, AdviceNeedsFacts, AdviceRequest, AdviceType, AssessmentAdvice, SensoryImpairment,
};
use send_pathway::asc::{self, AwardsToDate};
use send_pathway::calendar::{
    self, AcademicYear, BankHoliday, ClosedPeriod, Closure, FixedDateReading, HolidayCalendar,
    Provision, Term, TermCalendar, TermId, TermName,
};
use send_pathway::chrono::{NaiveDate, NaiveTime};
use send_pathway::deadlines::{
    self, MediationCertificate, PhaseTransfer, ReviewDueReading, SentTime, ServiceMethod,
    UnderFiveInterval,
};
use send_pathway::exceptions::{self, Act, ExceptionClaim, ExceptionGround, ExceptionId};
use send_pathway::nsm::{self, MeetingLength, SlotSearch, Unavailability};
use send_pathway::pathway::{Case, Child};
use send_pathway::rust_decimal::Decimal;
use send_pathway::{sen_support, strategies, Pounds};

use super::harness::{any_calendar, any_date, any_text, bounded, run, typed};

type Outcome = Result<(), TestCaseError>;

#[test]
fn working_days_take_any_date() {
    bounded("working days", || {
        let n = run(
            (any_calendar(), any_date(), any_date(), 0u32..5_000),
            |(cal, a, b, n)| -> Outcome {
                typed(cal.add_working_days(a, n))?;
                typed(cal.sub_working_days(a, n))?;
                typed(cal.working_days_between(a, b))?;
                typed(cal.next_working_day(a))?;
                typed(cal.previous_working_day(a))?;
                typed(cal.working_day_on_or_after(a))?;
                typed(cal.day_kind(a))?;
                typed(cal.is_working_day(a))?;
                let _ = (cal.covers(a), cal.holiday_on(a), cal.fingerprint());
                // Huge counts from inside the table run off its end, typed.
                typed(cal.add_working_days(a, u32::MAX))?;
                typed(cal.sub_working_days(a, u32::MAX))?;
                Ok(())
            },
        );
        format!("{n} inputs")
    });
}

#[test]
fn holiday_tables_take_any_years_and_text() {
    bounded("holiday tables", || {
        let n = run(
            (
                any::<i32>(),
                prop_oneof![any::<i32>(), 1900i32..=2200],
                prop::collection::vec((any_date(), any_text()), 0..12),
                any_text(),
                prop::collection::vec((".{0,12}", ".{0,30}"), 0..6),
            ),
            |(first, last, holidays, text, events)| -> Outcome {
                let list: Vec<BankHoliday> = holidays
                    .into_iter()
                    .map(|(d, name)| BankHoliday::new(d, name))
                    .collect();
                if let Some(mut cal) = typed(HolidayCalendar::new(first, last, list.clone()))? {
                    for h in list {
                        typed(cal.add_holiday(h))?;
                    }
                    typed(cal.extend_to(last.saturating_add(1), []))?;
                }
                typed(HolidayCalendar::from_gov_uk_json(&text))?;
                let json = serde_json::json!({
                    "england-and-wales": {
                        "division": "england-and-wales",
                        "events": events
                            .iter()
                            .map(|(date, title)| serde_json::json!({"title": title, "date": date, "notes": "", "bunting": true}))
                            .collect::<Vec<_>>()
                    }
                });
                typed(HolidayCalendar::from_gov_uk_json(&json.to_string()))?;
                Ok(())
            },
        );
        format!("{n} inputs")
    });
}

#[test]
fn periods_take_any_date_and_count() {
    bounded("periods", || {
        let n = run(
            (
                any_date(),
                any::<u32>(),
                any::<i32>(),
                0u32..15,
                0u32..40,
                any::<bool>(),
            ),
            |(x, count, year, month, day, code)| -> Outcome {
                typed(calendar::weeks_after(x, count))?;
                typed(calendar::weeks_before(x, count))?;
                typed(calendar::days_after(x, count))?;
                typed(calendar::day_after(x))?;
                typed(calendar::days_beginning_with(x, count))?;
                typed(calendar::months_after(x, count))?;
                typed(calendar::months_before(x, count))?;
                typed(calendar::months_starting_with(x, count))?;
                let reading = if code {
                    FixedDateReading::CodeOfPractice
                } else {
                    FixedDateReading::Strict
                };
                typed(calendar::before_fixed_date(year, month, day, reading))?;
                typed(calendar::before_fixed_date(
                    year,
                    any_month(month),
                    15,
                    reading,
                ))?;
                Ok(())
            },
        );
        format!("{n} inputs")
    });
}

fn any_month(m: u32) -> u32 {
    m % 12 + 1
}

#[test]
fn school_year_takes_any_dates() {
    bounded("school year", || {
        let n = run(
            (
                any_date(),
                any_date(),
                any::<u32>(),
                any::<i32>(),
                any_date(),
            ),
            |(dob, on, years, start_year, training_ends)| -> Outcome {
                typed(calendar::age_on(dob, on))?;
                typed(calendar::birthday(dob, years))?;
                typed(calendar::birthday(dob, years % 30))?;
                let year = AcademicYear::starting(start_year);
                typed(year.first_day())?;
                typed(year.last_day())?;
                let _ = (AcademicYear::containing(on), year.next(), year.to_string());
                typed(calendar::year_group(dob, year))?;
                typed(calendar::year_group(dob, AcademicYear::containing(on)))?;
                typed(calendar::year_group_on(dob, on))?;
                typed(calendar::end_of_compulsory_school_age(dob))?;
                typed(calendar::is_young_person(dob, on))?;
                typed(calendar::person_status_for_request(dob, on))?;
                for provision in [
                    Provision::FurtherEducation,
                    Provision::Other,
                    Provision::Apprenticeship { training_ends },
                ] {
                    typed(calendar::plan_age_limit(dob, provision))?;
                }
                Ok(())
            },
        );
        format!("{n} inputs")
    });
}

fn term_name(n: u8) -> TermName {
    match n % 3 {
        0 => TermName::Autumn,
        1 => TermName::Spring,
        _ => TermName::Summer,
    }
}

/// Terms and closures from arbitrary dates, kept when their constructors accept them.
fn any_term_calendar_parts() -> impl Strategy<Value = (Vec<Term>, Vec<Closure>)> {
    (
        prop::collection::vec((any::<u8>(), any_date(), any_date()), 0..8),
        prop::collection::vec((any_date(), any_date(), any_text()), 0..5),
    )
        .prop_map(|(terms, closures)| {
            let terms = terms
                .into_iter()
                .filter_map(|(n, a, b)| Term::new(term_name(n), a.min(b), a.max(b)).ok())
                .collect();
            let closures = closures
                .into_iter()
                .filter_map(|(a, b, why)| Closure::new(a.min(b), a.max(b), why).ok())
                .collect();
            (terms, closures)
        })
}

#[test]
fn term_calendars_take_any_terms() {
    bounded("term calendars", || {
        let n = run(
            (
                any_term_calendar_parts(),
                any_date(),
                any_date(),
                any::<u8>(),
                any::<i32>(),
            ),
            |((terms, closures), a, b, name, year)| -> Outcome {
                typed(Term::new(term_name(name), a, b))?;
                typed(Closure::new(a, b, "closed"))?;
                if let Some(cal) = typed(TermCalendar::new(terms, closures))? {
                    let _ = (cal.term_containing(a), cal.closure_on(a), cal.is_open(a));
                    let _ = cal.closed_period_containing(b);
                    let id = TermId {
                        year: AcademicYear::starting(year),
                        name: term_name(name),
                    };
                    let _ = (cal.term(id), cal.term_after(id));
                    for period in cal.closed_periods() {
                        let _ = (period.days_closed(), exceptions::closure_window(period));
                    }
                    let _ = sen_support::terms_without_review(&[a, b], a.min(b), a.max(b), &cal);
                }
                typed(sen_support::apdr_review_window(a))?;
                let period = ClosedPeriod {
                    first_closed: a,
                    reopens: b,
                };
                let _ = (period.days_closed(), exceptions::closure_window(period));
                Ok(())
            },
        );
        format!("{n} inputs")
    });
}

const PHASE_TRANSFERS: [PhaseTransfer; 7] = [
    PhaseTransfer::EarlyYearsToSchool,
    PhaseTransfer::InfantToJunior,
    PhaseTransfer::PrimaryToMiddle,
    PhaseTransfer::PrimaryToSecondary,
    PhaseTransfer::MiddleToSecondary,
    PhaseTransfer::SecondaryToPostSixteen,
    PhaseTransfer::PostSixteenToPostSixteen,
];

#[test]
fn every_deadline_takes_any_date() {
    type DueFn = fn(NaiveDate, &HolidayCalendar) -> send_pathway::Result<send_pathway::Deadline>;
    let all: Vec<DueFn> = vec![
        deadlines::decision_to_assess_due,
        deadlines::advice_due,
        deadlines::advice_tracking_due,
        deadlines::not_to_issue_due,
        deadlines::issue_decision_target,
        deadlines::draft_target,
        deadlines::draft_representations_window,
        deadlines::school_consultation_reply_due,
        deadlines::final_plan_due,
        deadlines::review_invitations_due,
        deadlines::review_advice_due,
        deadlines::review_report_due,
        deadlines::review_decision_due,
        deadlines::amendment_notice_due,
        deadlines::amendment_representations_window,
        deadlines::amended_plan_due,
        deadlines::not_amending_due,
        deadlines::reassessment_decision_due,
        deadlines::reassessment_plan_due,
        deadlines::mediation_contact_due,
        deadlines::mediation_certificate_due,
        deadlines::mediation_held_due,
        deadlines::health_commissioner_told_due,
        deadlines::health_mediation_held_due,
        deadlines::mediation_certificate_other_due,
        deadlines::mediation_agreement_actions_due,
        deadlines::commissioner_informs_council_due,
        deadlines::transfer_notification_due,
        deadlines::order_assess_decision_due,
        deadlines::order_assess_not_to_issue_due,
        deadlines::order_assess_final_due,
        deadlines::order_plan_draft_due,
        deadlines::order_plan_final_due,
        deadlines::order_amend_due,
        deadlines::order_amend_placement_due,
        deadlines::unopposed_assess_decision_due,
        deadlines::unopposed_assess_not_to_issue_due,
        deadlines::unopposed_assess_final_due,
        deadlines::unopposed_plan_draft_due,
        deadlines::unopposed_plan_final_due,
        deadlines::unopposed_amend_due,
        deadlines::unopposed_amend_placement_due,
        deadlines::recommendation_response_due,
    ];
    bounded("deadlines", move || {
        let n = run(
            (
                any_calendar(),
                any_date(),
                any_date(),
                any_date(),
                0u32..10,
                any::<u8>(),
            ),
            |(cal, x, y, today, months, pick)| -> Outcome {
                for due in &all {
                    if let Some(deadline) = typed(due(x, &cal))? {
                        let _ = (
                            deadline.days_left(today),
                            deadline.window(),
                            deadline.earliest_action(),
                        );
                        let _ = (deadline.convention().code(), deadline.on_non_working_day());
                        typed(deadline.convention().due_from(x, &cal))?;
                        typed(deadline.verify_with(&cal))?;
                    }
                }
                typed(deadlines::statutory_timeline(x, &cal))?;
                for reading in [
                    ReviewDueReading::TwelveMonthsStartingWith,
                    ReviewDueReading::Anniversary,
                ] {
                    typed(deadlines::review_due(x, reading, &cal))?;
                }
                if let Some(interval) = typed(UnderFiveInterval::months(months))? {
                    typed(deadlines::under_five_review_due(x, interval, &cal))?;
                }
                let transfer = PHASE_TRANSFERS[usize::from(pick) % PHASE_TRANSFERS.len()];
                for reading in [FixedDateReading::Strict, FixedDateReading::CodeOfPractice] {
                    typed(deadlines::phase_transfer_due(x, transfer, reading, &cal))?;
                    typed(deadlines::plan_phase_transfer(x, transfer, reading, &cal))?;
                }
                typed(deadlines::reassessment_bar_ends(x))?;
                for certificate in [
                    MediationCertificate::NotIssued,
                    MediationCertificate::Issued(y),
                ] {
                    typed(deadlines::appeal_due(x, certificate, &cal))?;
                }
                for method in [
                    ServiceMethod::HandDelivery {
                        time: SentTime::BeforeFivePm,
                    },
                    ServiceMethod::HandDelivery {
                        time: SentTime::AfterFivePm,
                    },
                    ServiceMethod::SignedFor { signed_on: y },
                    ServiceMethod::FirstClassPost,
                    ServiceMethod::FirstClassPostPracticeDirection,
                ] {
                    typed(deadlines::estimated_receipt(x, method, &cal))?;
                }
                typed(deadlines::transfer_review_due(x, y, &cal))?;
                typed(deadlines::tribunal_effective_date(x, &cal))?;
                Ok(())
            },
        );
        format!("{n} inputs x {} deadline functions", all.len())
    });
}

fn any_ground() -> impl Strategy<Value = ExceptionGround> {
    (any::<u8>(), any_date(), any_date(), any_date()).prop_map(|(k, a, b, c)| match k % 6 {
        0 => ExceptionGround::SchoolClosure {
            advice_requested_on: a,
            closure: ClosedPeriod {
                first_closed: b,
                reopens: c,
            },
        },
        1 => ExceptionGround::EarlyYearsClosure {
            advice_requested_on: a,
            closure: ClosedPeriod {
                first_closed: b,
                reopens: c,
            },
        },
        2 => ExceptionGround::ExceptionalPersonalCircumstances,
        3 => match calendar::DateRange::new(a.min(b), a.max(b)) {
            Ok(absence) => ExceptionGround::AbsenceFromArea { absence },
            Err(_) => ExceptionGround::Coronavirus,
        },
        4 => ExceptionGround::MissedAppointment { appointment_on: a },
        _ => ExceptionGround::Coronavirus,
    })
}

const EXCEPTIONS: [ExceptionId; 6] = [
    ExceptionId::Exc5_4,
    ExceptionId::Exc8_2,
    ExceptionId::Exc10_4,
    ExceptionId::Exc13_3,
    ExceptionId::Exc27_3,
    ExceptionId::ExcCovid,
];

#[test]
fn exceptions_take_any_claim() {
    bounded("exceptions", || {
        let n = run(
            (
                any::<u8>(),
                any_ground(),
                any_text(),
                any_text(),
                any_date(),
                any_date(),
                any::<bool>(),
            ),
            |(k, ground, facts, why, x, today, done)| -> Outcome {
                let id = EXCEPTIONS[usize::from(k) % EXCEPTIONS.len()];
                let claim = typed(ExceptionClaim::new(id, ground, facts, why))?;
                let cal = HolidayCalendar::england_and_wales();
                if let Some(deadline) = typed(deadlines::final_plan_due(x, &cal))? {
                    let act = if done { Act::Done(today) } else { Act::NotDone };
                    let claims: Vec<ExceptionClaim> = claim.iter().cloned().collect();
                    typed(exceptions::judge(&deadline, act, today, &claims))?;
                    if let Some(c) = &claim {
                        typed(c.check_against(&deadline))?;
                    }
                }
                Ok(())
            },
        );
        format!("{n} inputs")
    });
}

fn any_decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..=28).prop_filter_map("representable", |(m, scale)| {
        Decimal::try_from_i128_with_scale(i128::from(m), scale).ok()
    })
}

#[test]
fn money_takes_any_text_and_amount() {
    bounded("money", || {
        let n = run(
            (
                prop_oneof![
                    any_text(),
                    "[-+£ ]{0,2}[0-9,]{0,40}(\\.[0-9]{0,5})?",
                    "[0-9eE.+-]{0,30}",
                ],
                any::<i64>(),
                any_decimal(),
                prop::collection::vec(any_decimal(), 0..20),
            ),
            |(text, whole, amount, amounts)| -> Outcome {
                if let Some(p) = typed(text.parse::<Pounds>())? {
                    prop_assert_eq!(p.to_string().parse::<Pounds>().ok(), Some(p), "{}", text);
                    let _ = format!("{p:>20}|{p:<20}|{p:^20}");
                }
                let a = typed(Pounds::whole(whole))?;
                let b = typed(Pounds::new(amount))?;
                if let (Some(a), Some(b)) = (a, b) {
                    typed(a.checked_add(b))?;
                    let _ = (a.saturating_sub(b), a.is_whole(), b.is_zero());
                }
                let pounds: Vec<Pounds> = amounts
                    .into_iter()
                    .filter_map(|d| Pounds::new(d).ok())
                    .collect();
                typed(Pounds::checked_total(pounds.iter().copied()))?;
                typed(Pounds::checked_total(
                    pounds.iter().copied().chain(pounds.iter().copied()),
                ))?;
                Ok(())
            },
        );
        format!("{n} inputs")
    });
}

#[test]
fn asc_caps_take_any_awards() {
    bounded("asc", || {
        let n = run(
            (
                prop::collection::vec((any::<i32>(), any::<u8>(), any_decimal()), 0..12),
                any::<i32>(),
                any::<u8>(),
                any_decimal(),
            ),
            |(awards, year, name, amount)| -> Outcome {
                let mut to_date = AwardsToDate::none();
                for (y, n, a) in awards {
                    if let Ok(p) = Pounds::new(a) {
                        let term = TermId {
                            year: AcademicYear::starting(y),
                            name: term_name(n),
                        };
                        typed(to_date.add_term(term, p))?;
                    }
                }
                let term = TermId {
                    year: AcademicYear::starting(year),
                    name: term_name(name),
                };
                if let Ok(p) = Pounds::new(amount) {
                    typed(asc::check_child_term(&to_date, term, p))?;
                }
                let _ = (
                    to_date.in_term(term),
                    to_date.in_year(term.year),
                    to_date.terms_funded(),
                );
                Ok(())
            },
        );
        format!("{n} inputs")
    });
}

#[test]
fn next_steps_meetings_take_any_dates() {
    bounded("nsm", || {
        let n = run(
            (
                any_date(),
                any::<u32>(),
                0u32..24,
                0u32..24,
                0u32..200,
                0usize..50,
                prop::collection::vec((any_text(), any_date(), 0u32..24, any_date(), 0u32..24), 0..5),
                any_term_calendar_parts(),
            ),
            |(panel, minutes, start_h, end_h, step, max_slots, busy, (terms, closures))| -> Outcome {
                typed(nsm::contact_window(panel))?;
                typed(nsm::latest_meeting_date(panel))?;
                typed(nsm::meeting_window(panel))?;
                let time = |h: u32| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN);
                let length = typed(MeetingLength::minutes(minutes))?;
                let length = length.or_else(|| MeetingLength::minutes(90).ok());
                let school = TermCalendar::new(terms, closures).unwrap_or_else(|_| {
                    TermCalendar::new(Vec::new(), Vec::new()).expect("empty calendar")
                });
                if let Some(length) = length {
                    let search = SlotSearch {
                        panel,
                        length,
                        day_starts: time(start_h),
                        day_ends: time(end_h),
                        step_minutes: step,
                        unavailable: busy
                            .into_iter()
                            .map(|(who, a, ah, b, bh)| Unavailability {
                                participant: who,
                                from: a.and_time(time(ah)),
                                to: b.and_time(time(bh)),
                            })
                            .collect(),
                        max_slots,
                    };
                    let cal = HolidayCalendar::england_and_wales();
                    if let Some(slots) = typed(nsm::propose_slots(&search, &cal, &school))? {
                        prop_assert!(slots.len() <= max_slots);
                    }
                }
                Ok(())
            },
        );
        format!("{n} inputs")
    });
}

const ADVICE_TYPES: [AdviceType; 5] = [
    AdviceType::ParentOrYoungPerson,
    AdviceType::Educational,
    AdviceType::Medical,
    AdviceType::Psychological,
    AdviceType::SocialCare,
];

#[test]
fn advice_takes_any_dates_and_text() {
    bounded("advice", || {
        let n = run(
            (
                any_date(),
                any_date(),
                any_date(),
                any_date(),
                any::<u8>(),
                any_text(),
                any_text(),
                prop::collection::vec(any_text(), 0..4),
                -1000i64..1000,
            ),
            |(dob, issued, received, today, k, body, contact, people, within)| -> Outcome {
                let facts = AdviceNeedsFacts {
                    date_of_birth: dob,
                    sensory_impairment: if k % 2 == 0 {
                        SensoryImpairment::None
                    } else {
                        SensoryImpairment::Hearing
                    },
                    council_considers_appropriate: people.clone(),
                    requested_by_family: people,
                };
                let required = typed(advice::required_advice(&facts, issued))?;
                let mut assessment = AssessmentAdvice::new(required.unwrap_or_default());
                let kind = ADVICE_TYPES[usize::from(k) % ADVICE_TYPES.len()].clone();
                let cal = HolidayCalendar::england_and_wales();
                if let Some(mut request) =
                    typed(AdviceRequest::issue(kind, body.clone(), contact, issued))?
                {
                    typed(request.record_receipt_by_body(received))?;
                    typed(request.record_advice(today))?;
                    typed(request.record_qualified_sensory_teacher(body))?;
                    typed(request.tracking_deadline(&cal))?;
                    typed(request.statutory_deadline(&cal))?;
                    typed(request.compliance_deadline(&cal))?;
                    typed(request.status(today, &cal))?;
                    typed(advice::chase_list(
                        [("case", &request)],
                        today,
                        within,
                        &cal,
                    ))?;
                    if let Some(id) = typed(assessment.add_request(request))? {
                        let _ = assessment.request(id);
                    }
                }
                let _ = assessment.readiness();
                typed(assessment.chase_list("case", today, within, &cal))?;
                Ok(())
            },
        );
        format!("{n} inputs")
    });
}

fn child_born(dob: NaiveDate, reference: String) -> Child {
    Child {
        reference,
        date_of_birth: dob,
        sensory_impairment: SensoryImpairment::None,
    }
}

/// Arbitrary (mostly illegal) events, and events at chrono's edges: every
/// call answers, and a refused event leaves the case unchanged.
#[test]
fn cases_take_arbitrary_events_and_edge_dates() {
    bounded("cases", || {
        let n = run(
            (
                strategies::child(),
                any_date(),
                any_text(),
                strategies::policy(),
                strategies::arbitrary_events(30),
                prop::collection::vec(any_date().prop_flat_map(strategies::event_on), 0..4),
                any_date(),
                any::<bool>(),
            ),
            |(child, dob, reference, policy, events, edge_events, today, odd_child)| -> Outcome {
                let child = if odd_child {
                    child_born(dob, reference)
                } else {
                    child
                };
                let cal = HolidayCalendar::england_and_wales();
                typed(Case::replay(child.clone(), policy.clone(), events.clone()))?;
                let mut all = events.into_iter().chain(edge_events);
                let Some(first) = all.next() else {
                    return Ok(());
                };
                let mut case = match Case::open(child, policy, first, &cal) {
                    Ok((case, _)) => case,
                    Err(refused) => {
                        typed::<()>(Err(refused.error))?;
                        return Ok(());
                    }
                };
                for event in all {
                    typed(case.check(&event, &cal))?;
                    let before = case.clone();
                    if let Err(refused) = case.apply(event.clone(), &cal) {
                        prop_assert_eq!(&case, &before, "a refused event changes nothing");
                        prop_assert_eq!(&refused.event, &event);
                        typed::<()>(Err(refused.error))?;
                    }
                }
                for day in [today, NaiveDate::MIN, NaiveDate::MAX] {
                    typed(case.obligations(day, &cal))?;
                    typed(case.next_events(day, &cal))?;
                }
                if let Some(last) = case.last_event_on() {
                    typed(case.obligations(last, &cal))?;
                    typed(case.next_events(last, &cal))?;
                }
                let _ = (
                    case.sen2_records(),
                    case.sen2_record(),
                    case.compliance(),
                    case.memory(),
                );
                Ok(())
            },
        );
        format!("{n} inputs")
    });
}
