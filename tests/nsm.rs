//! Next Steps Meeting scheduling (Case 2 of the worked timelines), public API only.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use proptest::prelude::*;
use send_pathway::calendar::{HolidayCalendar, Term, TermCalendar, TermName};
use send_pathway::deadlines::{self, MediationCertificate};
use send_pathway::nsm::*;
use send_pathway::{Error, RuleId};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn at(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("valid time"))
}

fn school() -> TermCalendar {
    TermCalendar::new(
        vec![Term::new(TermName::Summer, d(2025, 4, 22), d(2025, 7, 22)).unwrap()],
        vec![],
    )
    .unwrap()
}

fn notes() -> PanelNotes {
    PanelNotes {
        panel: d(2025, 4, 15),
        outcome: PanelOutcome::NoToAssess,
        facilitator: Facilitator {
            name: "Dr A. Patel".into(),
            service: FacilitatingService::EducationalPsychology,
            named_by: Nominator::PrincipalEducationalPsychologist,
        },
        invitees: vec![
            Invitee::Setting {
                name: "Oak Primary".into(),
            },
            Invitee::ChildOrYoungPerson {
                attendance: ChildAttendance::ToBeConfirmed,
            },
            Invitee::ParentOrCarer {
                name: "Ms Jones".into(),
            },
            Invitee::EhcpCoordinator {
                name: "Sam Lee".into(),
            },
        ],
        suggested_next_steps: vec!["new SEND Support Plan".into(), "explore an ASC".into()],
        asc_route: AscRoute::Authorised,
    }
}

fn plan() -> MeetingPlan {
    MeetingPlan {
        notes: notes(),
        setting_contacted_on: d(2025, 4, 17),
        start: at(d(2025, 4, 28), 10, 0),
        length: MeetingLength::minutes(90).unwrap(),
        venue: Venue::School,
        agenda_circulated_on: d(2025, 4, 23),
        family: FamilyResponse::Accepted(d(2025, 4, 17)),
    }
}

#[test]
fn case_2_meeting_is_scheduled_nsm_within_2w() {
    let cal = HolidayCalendar::england_and_wales();
    let (meeting, warnings) = NextStepsMeeting::schedule(plan(), &cal, &school()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(meeting.end(), at(d(2025, 4, 28), 11, 30));
    assert_eq!(meeting.agenda().len(), 7, "NSM-AGENDA-7");
    assert_eq!(
        meeting.minimum_content().len(),
        7,
        "NSM-MIN-CONTENT with (g)"
    );
}

#[test]
fn nsm_errors_window_duration_non_working_day_invitees() {
    let cal = HolidayCalendar::england_and_wales();
    let rule_of = |p: MeetingPlan| match NextStepsMeeting::schedule(p, &cal, &school()) {
        Err(Error::RuleBroken { rule, .. }) => Some(rule),
        _ => None,
    };
    let mut late = plan();
    late.start = at(d(2025, 4, 30), 10, 0);
    assert_eq!(rule_of(late), Some(RuleId::NsmWithin2w));
    let mut easter = plan();
    easter.start = at(d(2025, 4, 21), 10, 0);
    easter.venue = Venue::Elsewhere("family centre".into());
    easter.setting_contacted_on = d(2025, 4, 16);
    easter.agenda_circulated_on = d(2025, 4, 17);
    assert_eq!(
        rule_of(easter),
        Some(RuleId::NsmWithin2w),
        "Easter Monday is not a working day"
    );
    assert!(MeetingLength::minutes(60).is_err(), "NSM-DURATION");
    let mut no_child = plan();
    no_child
        .notes
        .invitees
        .retain(|i| !matches!(i, Invitee::ChildOrYoungPerson { .. }));
    assert_eq!(rule_of(no_child), Some(RuleId::NsmInvite));
    let mut no_setting = plan();
    no_setting
        .notes
        .invitees
        .retain(|i| !matches!(i, Invitee::Setting { .. }));
    assert_eq!(rule_of(no_setting), Some(RuleId::NsmInvite));
    let mut agenda_late = plan();
    agenda_late.agenda_circulated_on = d(2025, 4, 28);
    assert_eq!(rule_of(agenda_late), Some(RuleId::NsmAgendaAdvance));
    let mut holiday = plan();
    holiday.start = at(d(2025, 4, 17), 10, 0); // Thursday before Easter: school on holiday
    holiday.setting_contacted_on = d(2025, 4, 16);
    holiday.agenda_circulated_on = d(2025, 4, 16);
    assert_eq!(rule_of(holiday), Some(RuleId::NsmVenue));
}

#[test]
fn nsm_usually_rules_are_warnings() {
    let cal = HolidayCalendar::england_and_wales();
    let mut p = plan();
    p.venue = Venue::Elsewhere("Sutton library".into());
    p.setting_contacted_on = d(2025, 4, 24);
    let (_, warnings) = NextStepsMeeting::schedule(p, &cal, &school()).unwrap();
    let rules: Vec<RuleId> = warnings.iter().map(|w| w.rule).collect();
    assert_eq!(rules, vec![RuleId::NsmVenue, RuleId::NsmContact1w]);
}

#[test]
fn nsm_optional_declining_changes_no_clock() {
    let cal = HolidayCalendar::england_and_wales();
    let notice = d(2025, 4, 16);
    let appeal_before =
        deadlines::appeal_due(notice, MediationCertificate::NotIssued, &cal).unwrap();
    let mut declined = plan();
    declined.family = FamilyResponse::Declined(d(2025, 4, 17));
    let err = NextStepsMeeting::schedule(declined, &cal, &school()).unwrap_err();
    assert!(matches!(
        err,
        Error::RuleBroken {
            rule: RuleId::NsmOptional,
            ..
        }
    ));
    // The appeal and mediation limits run from the notice whatever the family decided.
    assert_eq!(
        deadlines::appeal_due(notice, MediationCertificate::NotIssued, &cal).unwrap(),
        appeal_before
    );
}

#[test]
fn nsm_form_warns_until_shared_with_everyone() {
    let cal = HolidayCalendar::england_and_wales();
    let (mut meeting, _) = NextStepsMeeting::schedule(plan(), &cal, &school()).unwrap();
    let warnings = meeting
        .record_form(NsmForm {
            completed_on: d(2025, 4, 28),
            shared_with: vec![FormRecipient::Family, FormRecipient::Setting],
        })
        .unwrap();
    assert_eq!(
        warnings.len(),
        2,
        "NSM-FORM: professionals and the child's file missing"
    );
    assert!(meeting
        .record_form(NsmForm {
            completed_on: d(2025, 4, 27),
            shared_with: vec![]
        })
        .is_err());
}

#[test]
fn nsm_coordinator_and_topics() {
    let duties = CoordinatorDuties {
        decision_phoned_on: Some(d(2025, 4, 16)),
        offer_confirmed_in_writing_on: None,
    };
    assert_eq!(duties.outstanding().len(), 1, "NSM-COORDINATOR");
    assert!(
        topics(PanelOutcome::NoToAssess).contains(&Topic::FurtherInformationForPanel),
        "NSM-TOPICS-000"
    );
    assert_eq!(notional_funding()[2].1.to_string(), "£6,000");
}

#[cfg(feature = "serde")]
#[test]
fn stored_meetings_are_rechecked() {
    let cal = HolidayCalendar::england_and_wales();
    let (meeting, _) = NextStepsMeeting::schedule(plan(), &cal, &school()).unwrap();
    let json = serde_json::to_string(&meeting).unwrap();
    assert_eq!(
        serde_json::from_str::<NextStepsMeeting>(&json).unwrap(),
        meeting
    );
    let moved = json.replace("2025-04-28T10:00:00", "2025-05-28T10:00:00");
    assert!(serde_json::from_str::<NextStepsMeeting>(&moved)
        .unwrap_err()
        .to_string()
        .contains("NSM-WITHIN-2W"));
    let short = json.replace("\"length\":90", "\"length\":60");
    assert!(
        serde_json::from_str::<NextStepsMeeting>(&short).is_err(),
        "NSM-DURATION"
    );
}

#[cfg(feature = "serde")]
#[test]
fn nsm_within_2w_stored_weekend_meeting_refused() {
    // NSM-WITHIN-2W with DC-6: a stored meeting on a Saturday is refused on the way in.
    let cal = HolidayCalendar::england_and_wales();
    let (meeting, _) = NextStepsMeeting::schedule(plan(), &cal, &school()).unwrap();
    let json = serde_json::to_string(&meeting).unwrap();
    let saturday = json.replace("2025-04-28T10:00:00", "2025-04-26T10:00:00");
    let err = serde_json::from_str::<NextStepsMeeting>(&saturday).unwrap_err();
    assert!(
        err.to_string().contains("NSM-WITHIN-2W") && err.to_string().contains("weekend"),
        "{err}"
    );
    // A bank holiday needs the caller's calendar: read back, then check_calendars.
    let mut easter = plan();
    easter.start = at(d(2025, 4, 21), 10, 0);
    easter.venue = Venue::Elsewhere("family centre".into());
    easter.setting_contacted_on = d(2025, 4, 16);
    easter.agenda_circulated_on = d(2025, 4, 17);
    let (elsewhere, _) = NextStepsMeeting::schedule(
        MeetingPlan {
            start: at(d(2025, 4, 22), 10, 0),
            ..easter.clone()
        },
        &cal,
        &school(),
    )
    .unwrap();
    let stored = serde_json::to_string(&elsewhere)
        .unwrap()
        .replace("2025-04-22T10:00:00", "2025-04-21T10:00:00");
    let read: NextStepsMeeting = serde_json::from_str(&stored).unwrap();
    assert!(matches!(
        read.check_calendars(&cal, &school()),
        Err(Error::RuleBroken {
            rule: RuleId::NsmWithin2w,
            ..
        })
    ));
    meeting.check_calendars(&cal, &school()).unwrap();
    // Unknown fields are errors.
    let extra = json.replacen('{', "{\"colour\":\"red\",", 1);
    assert!(serde_json::from_str::<NextStepsMeeting>(&extra)
        .unwrap_err()
        .to_string()
        .contains("unknown field"));
}

#[test]
fn no_slot_is_a_clear_answer() {
    let cal = HolidayCalendar::england_and_wales();
    let everyone_busy = Unavailability {
        participant: "EP".into(),
        from: at(d(2025, 4, 15), 0, 0),
        to: at(d(2025, 5, 1), 0, 0),
    };
    let search = SlotSearch {
        panel: d(2025, 4, 15),
        length: MeetingLength::minutes(120).unwrap(),
        day_starts: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        day_ends: NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
        step_minutes: 30,
        unavailable: vec![everyone_busy],
        max_slots: 5,
    };
    let err = propose_slots(&search, &cal, &school()).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("Mon 21 Apr not a working day") && text.contains("Thu 17 Apr school closed"),
        "{text}"
    );
}

fn unavailability() -> impl Strategy<Value = Unavailability> {
    (0i64..16 * 24 * 4, 1i64..48).prop_map(|(start_q, len_q)| {
        let from = at(d(2025, 4, 15), 0, 0) + chrono::Duration::minutes(start_q * 15);
        Unavailability {
            participant: "someone".into(),
            from,
            to: from + chrono::Duration::minutes(len_q * 15),
        }
    })
}

proptest! {
    /// Every proposed slot: inside the window, on a working day with the school
    /// open, of a valid length, clear of every unavailability (NSM-WITHIN-2W, NSM-DURATION).
    #[test]
    fn proposed_slots_respect_every_constraint(
        panel_offset in 0i64..20,
        minutes in 90u32..=120,
        unavailable in prop::collection::vec(unavailability(), 0..12),
        step in prop::sample::select(vec![15u32, 30, 60]),
    ) {
        let cal = HolidayCalendar::england_and_wales();
        let school = school();
        let panel = d(2025, 4, 8) + chrono::Duration::days(panel_offset);
        let search = SlotSearch {
            panel,
            length: MeetingLength::minutes(minutes).unwrap(),
            day_starts: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            day_ends: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            step_minutes: step,
            unavailable: unavailable.clone(),
            max_slots: 10,
        };
        if let Ok(slots) = propose_slots(&search, &cal, &school) {
            let window = meeting_window(panel).unwrap();
            prop_assert!(!slots.is_empty());
            prop_assert!(slots.windows(2).all(|w| w[0].start < w[1].start), "soonest first");
            for slot in slots {
                let day = slot.start.date();
                prop_assert!(window.contains(day));
                prop_assert!(cal.is_working_day(day).unwrap());
                prop_assert!(school.is_open(day));
                prop_assert_eq!((slot.end - slot.start).num_minutes(), i64::from(minutes));
                prop_assert_eq!(slot.end.date(), day);
                for u in &unavailable {
                    prop_assert!(slot.end <= u.from || u.to <= slot.start, "clashes with {:?}", u);
                }
            }
        }
    }
}

#[test]
fn nsm_display_for_people_honours_alignment() {
    // NSM-VENUE, NSM-AGENDA-7, NSM-INVITE: what facilitators and families read.
    assert_eq!(format!("[{:<12}]", Venue::School), "[the school  ]");
    assert_eq!(
        format!("[{:>10}]", AgendaItem::ParentsViews),
        "[Parents' views]"
    );
    assert_eq!(
        format!("{:>20}|", AgendaItem::ParentalRights),
        "     Parental rights|"
    );
    let invitee = Invitee::Setting { name: "Oak".into() };
    assert_eq!(format!("{invitee:-^15}"), "-Setting: Oak--");
    assert_eq!(
        MeetingLength::minutes(90).unwrap().to_string(),
        "90 minutes"
    );
    assert_eq!(
        MinimumContent::AscContentAndProcess.to_string(),
        "(g) The content and process of an Additional Support Contract"
    );
    assert_eq!(
        PanelOutcome::NoToAssess.to_string(),
        "no to an EHC needs assessment"
    );
    assert_eq!(FormRecipient::ChildsFile.to_string(), "the child's file");
}
