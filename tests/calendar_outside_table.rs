//! DC-8: a date the caller's bank-holiday calendar does not cover is never
//! classified silently — every classification either works for every date the
//! calendar covers or fails with `Error::OutsideHolidayTable` (public API only).

use chrono::NaiveDate;
use send_pathway::calendar::{BankHoliday, DayKind, HolidayCalendar};
use send_pathway::deadlines::{self, MediationCertificate};
use send_pathway::{Deadline, Error};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// The built-in table extended to 2045 with the Christmas 2040 holidays.
fn extended_to_2045() -> HolidayCalendar {
    let mut cal = HolidayCalendar::england_and_wales();
    cal.extend_to(
        2045,
        [
            BankHoliday::new(d(2040, 12, 25), "Christmas Day"),
            BankHoliday::new(d(2040, 12, 26), "Boxing Day"),
            BankHoliday::new(d(2041, 1, 1), "New Year's Day"),
        ],
    )
    .expect("2036-2045 is a valid extension");
    cal
}

fn is_outside(result: Result<Deadline, Error>, expected: NaiveDate) -> bool {
    matches!(
        result,
        Err(Error::OutsideHolidayTable { date, first_year: 2015, last_year: 2035 }) if date == expected
    )
}

/// T-FINAL-20W due Tue 2040-12-25: an error with the built-in table (2015–2035),
/// a flagged bank holiday once the caller's calendar covers 2040.
#[test]
fn t_final_20w_due_in_2040_needs_a_calendar_covering_2040() {
    let request = d(2040, 8, 7);
    let builtin = HolidayCalendar::england_and_wales();
    let err = deadlines::final_plan_due(request, &builtin);
    assert!(is_outside(err.clone(), d(2040, 12, 25)), "{err:?}");
    let message = err.unwrap_err().to_string();
    assert!(
        message.contains("2040-12-25") && message.contains("2015 to 2035"),
        "{message}"
    );

    let cal = extended_to_2045();
    let due = deadlines::final_plan_due(request, &cal).unwrap();
    assert_eq!(due.due(), d(2040, 12, 25));
    assert_eq!(due.due_day(), DayKind::BankHoliday);
    assert!(due.on_non_working_day());
    let weekday = deadlines::decision_to_assess_due(request, &cal).unwrap();
    assert_eq!(weekday.due_day(), DayKind::WorkingDay);
    assert!(!weekday.on_non_working_day());
}

/// T-REVIEW-12M and calendar-only clocks are classified too: a weekend outside
/// the table is an error like any other day.
#[test]
fn weekend_due_dates_outside_the_table_are_errors_too() {
    let builtin = HolidayCalendar::england_and_wales();
    // 20 weeks after Sat 2040-01-07 is Sat 2040-05-26.
    assert!(is_outside(
        deadlines::final_plan_due(d(2040, 1, 7), &builtin),
        d(2040, 5, 26)
    ));
    assert_eq!(
        builtin.day_kind(d(2040, 5, 26)),
        Err(Error::OutsideHolidayTable {
            date: d(2040, 5, 26),
            first_year: 2015,
            last_year: 2035
        })
    );
    let cal = extended_to_2045();
    assert_eq!(
        deadlines::final_plan_due(d(2040, 1, 7), &cal)
            .unwrap()
            .due_day(),
        DayKind::Weekend
    );
}

/// T-APPEAL-2M-1M with r12(3)(a): the nominal date Thu 2040-12-27 is in the
/// Christmas closure, so the appeal is in time on the first working day after
/// 1 January 2041 — an error with the built-in table, Wed 2041-01-02 with the
/// extended one.
#[test]
fn t_appeal_2m_1m_r12_effective_date_outside_the_table() {
    let builtin = HolidayCalendar::england_and_wales();
    let nominal = d(2040, 12, 27);
    assert!(is_outside(
        deadlines::appeal_due(d(2040, 10, 27), MediationCertificate::NotIssued, &builtin),
        nominal
    ));
    assert!(deadlines::tribunal_effective_date(nominal, &builtin).is_err());
    // Nominal date inside the table, effective date after it: still an error.
    assert!(matches!(
        deadlines::tribunal_effective_date(d(2035, 12, 27), &builtin),
        Err(Error::OutsideHolidayTable { .. } | Error::BeyondHolidayTable { .. })
    ));

    let cal = extended_to_2045();
    let appeal =
        deadlines::appeal_due(d(2040, 10, 27), MediationCertificate::NotIssued, &cal).unwrap();
    assert_eq!(appeal.due(), nominal);
    assert_eq!(appeal.tribunal_effective(), Some(d(2041, 1, 2)));
}

/// T-MED-CERT-3WD: working days need the calendar at the anchor and the answer.
#[test]
fn t_med_cert_3wd_outside_the_table() {
    let builtin = HolidayCalendar::england_and_wales();
    assert!(deadlines::mediation_certificate_due(d(2040, 12, 21), &builtin).is_err());
    assert!(matches!(
        deadlines::mediation_certificate_due(d(2035, 12, 28), &builtin),
        Err(Error::BeyondHolidayTable { .. })
    ));
    let cal = extended_to_2045();
    // Fri 2040-12-21 + 3 working days: Mon 24th, then Christmas and Boxing Day are skipped.
    assert_eq!(
        deadlines::mediation_certificate_due(d(2040, 12, 21), &cal)
            .unwrap()
            .due(),
        d(2040, 12, 28)
    );
}

/// A stored deadline outside the built-in table reads back without a calendar;
/// the caller's calendar re-checks the holiday flag with `Deadline::verify_with`.
#[cfg(feature = "serde")]
#[test]
fn stored_deadline_outside_the_builtin_table_reads_back_and_is_verified() {
    let cal = extended_to_2045();
    let due = deadlines::final_plan_due(d(2040, 8, 7), &cal).unwrap();
    let json = serde_json::to_string(&due).unwrap();
    let back: Deadline = serde_json::from_str(&json).unwrap();
    assert_eq!(back, due);
    back.verify_with(&cal).unwrap();
    assert!(matches!(
        back.verify_with(&HolidayCalendar::england_and_wales()),
        Err(Error::OutsideHolidayTable { .. })
    ));

    // A wrong holiday flag cannot be seen without the calendar, but is with it.
    let tampered = json.replace("\"bank_holiday\"", "\"working_day\"");
    assert_ne!(tampered, json);
    let wrong: Deadline = serde_json::from_str(&tampered).unwrap();
    assert!(matches!(
        wrong.verify_with(&cal),
        Err(Error::InconsistentRecord { .. })
    ));
    // A weekday stored as a weekend is caught on read-back.
    let weekend = json.replace("\"bank_holiday\"", "\"weekend\"");
    assert!(serde_json::from_str::<Deadline>(&weekend).is_err());

    // An appeal whose r12 effective date is a Saturday, or inside the closure, is rejected.
    let appeal =
        deadlines::appeal_due(d(2040, 10, 27), MediationCertificate::NotIssued, &cal).unwrap();
    let json = serde_json::to_string(&appeal).unwrap();
    assert_eq!(serde_json::from_str::<Deadline>(&json).unwrap(), appeal);
    for bad in ["2041-01-05", "2041-01-01", "2040-12-31"] {
        let tampered = json.replace("2041-01-02", bad);
        assert!(
            serde_json::from_str::<Deadline>(&tampered).is_err(),
            "effective {bad} accepted"
        );
    }
}
