//! A Next Steps Meeting through the case (Case 2 of the worked timelines): offered after a
//! "no", accepted, arranged by the `nsm` module's rules, held, its form shared.

mod common;

use chrono::{NaiveDateTime, NaiveTime};
use common::*;
use send_pathway::nsm::{
    AscRoute, ChildAttendance, FacilitatingService, Facilitator, FamilyResponse, FormRecipient,
    Invitee, MeetingLength, MeetingPlan, Nominator, NsmForm, PanelNotes, PanelOutcome, Venue,
};
use send_pathway::pathway::{Calendars, Case, DecisionNotice, EventKind, MeetingId};
use send_pathway::RuleId;

fn at(date: chrono::NaiveDate, h: u32) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(h, 0, 0).expect("time"))
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
        ],
        suggested_next_steps: vec!["new SEND Support Plan".into()],
        asc_route: AscRoute::Authorised,
    }
}

fn plan(start: NaiveDateTime, minutes: u32) -> MeetingPlan {
    MeetingPlan {
        notes: notes(),
        setting_contacted_on: d(2025, 4, 17),
        start,
        length: MeetingLength::minutes(minutes).expect("length"),
        venue: Venue::School,
        agenda_circulated_on: d(2025, 4, 23),
        family: FamilyResponse::Accepted(d(2025, 4, 17)),
    }
}

fn refused_case() -> Case {
    let cal = cal();
    let mut case = open_request(d(2016, 1, 1), d(2025, 3, 12), &cal);
    case.apply(
        council(
            d(2025, 4, 16),
            EventKind::DecidedNotToAssess {
                panel_on: d(2025, 4, 15),
                notice: DecisionNotice::complete("needs met at SEN Support"),
            },
        ),
        &cal,
    )
    .expect("no to assess");
    case
}

/// NSM-WHEN, NSM-FACILITATOR, NSM-PANEL-NOTES, NSM-CONTACT-1W, NSM-WITHIN-2W,
/// NSM-DURATION, NSM-VENUE, NSM-INVITE, NSM-AGENDA-ADVANCE, NSM-AGENDA-7,
/// NSM-MIN-CONTENT, NSM-FORM: the case calls the nsm module for each.
#[test]
fn a_next_steps_meeting_is_arranged_held_and_recorded_through_the_case() {
    let cal = cal();
    let terms = terms();
    let both = Calendars::new(&cal, &terms);
    let mut case = refused_case();
    let meeting = MeetingId::new(0);
    // Arranged before the family accepted: refused (NSM-OPTIONAL).
    let early = council(
        d(2025, 4, 17),
        EventKind::NsmScheduled {
            meeting,
            plan: Box::new(plan(at(d(2025, 4, 28), 10), 90)),
        },
    );
    assert_eq!(
        refused_rule(&mut case, early, &cal),
        Some(RuleId::NsmOptional)
    );
    case.apply(
        parent(d(2025, 4, 17), EventKind::NsmAccepted { meeting }),
        both,
    )
    .expect("accepted");
    // NSM-DURATION: 60 minutes is too short.
    assert!(MeetingLength::minutes(60).is_err());
    // NSM-WITHIN-2W: a meeting more than 2 weeks after the panel is refused.
    let late = council(
        d(2025, 4, 23),
        EventKind::NsmScheduled {
            meeting,
            plan: Box::new(plan(at(d(2025, 5, 6), 10), 90)),
        },
    );
    assert_eq!(
        refused_rule(&mut case, late, &cal),
        Some(RuleId::NsmWithin2w)
    );
    // NSM-INVITE: without the setting invited it is refused.
    let mut no_setting = plan(at(d(2025, 4, 28), 10), 90);
    no_setting
        .notes
        .invitees
        .retain(|i| !matches!(i, Invitee::Setting { .. }));
    let bad = council(
        d(2025, 4, 23),
        EventKind::NsmScheduled {
            meeting,
            plan: Box::new(no_setting),
        },
    );
    assert_eq!(refused_rule(&mut case, bad, &cal), Some(RuleId::NsmInvite));
    case.apply(
        council(
            d(2025, 4, 23),
            EventKind::NsmScheduled {
                meeting,
                plan: Box::new(plan(at(d(2025, 4, 28), 10), 90)),
            },
        ),
        both,
    )
    .expect("arranged");
    let arranged = case.meetings()[0].arranged().expect("arranged");
    assert_eq!(arranged.agenda().len(), 7, "NSM-AGENDA-7");
    assert_eq!(
        arranged.minimum_content().len(),
        7,
        "NSM-MIN-CONTENT with the ASC route (g)"
    );
    case.apply(
        council(d(2025, 4, 28), EventKind::NsmHeld { meeting }),
        both,
    )
    .expect("held");
    // NSM-FORM: shared with everyone and saved.
    let form = NsmForm {
        completed_on: d(2025, 4, 29),
        shared_with: vec![
            FormRecipient::Professionals,
            FormRecipient::Family,
            FormRecipient::Setting,
            FormRecipient::ChildsFile,
        ],
    };
    let applied = case
        .apply(
            council(
                d(2025, 4, 29),
                EventKind::NsmFormRecorded {
                    meeting,
                    form: Box::new(form),
                },
            ),
            both,
        )
        .expect("form");
    assert!(applied.warnings.is_empty(), "{:?}", applied.warnings);
    assert!(case.meetings()[0]
        .arranged()
        .and_then(|m| m.form())
        .is_some());
    // The stored case reads back with the arranged meeting.
    let record = send_pathway::pathway::CaseRecord::from(&case);
    let again = record.into_case(&cal, case.policy()).expect("reads back");
    assert_eq!(again, case);
}
