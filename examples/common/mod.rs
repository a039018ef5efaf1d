//! Shared by the pathway examples: a ledger that watches a case's own
//! obligations as events are applied, so every deadline printed — its date,
//! rule, source and status — comes from the crate, never from the example.
//!
//! Before each event the ledger asks the case what it owes on the event's day
//! ([`Case::obligations`]) and which moves each deadline governs
//! ([`Case::next_events`]); after the event it asks again. A deadline that
//! disappears was either settled by the event (it governs that event, or no
//! other), made unnecessary by it (it governs another move: a "no to issue"
//! limit once a draft is served), or ran out with time (a representation
//! window, a family's time to appeal). Statuses of settled deadlines are
//! judged by [`exceptions::judge`] with the exceptions recorded in the case.

#![allow(dead_code)]

use std::error::Error;

use chrono::NaiveDate;
use send_pathway::calendar::HolidayCalendar;
use send_pathway::deadlines::Deadline;
use send_pathway::exceptions::{self, Act, ExceptionClaim, Status};
use send_pathway::pathway::{Applied, Calendars, Case, Event, EventKind, Obligation, Subject};
use send_pathway::RuleId;

/// The result type of the examples.
pub type Res<T> = Result<T, Box<dyn Error>>;

/// A calendar date, or an error naming the bad one.
pub fn date(y: i32, m: u32, d: u32) -> Res<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| format!("{y}-{m:02}-{d:02} is not a date").into())
}

/// The stored `type` tag of an event (e.g. `"final_plan_issued"`), as
/// [`NextEvent::event`](send_pathway::pathway::NextEvent) names moves.
pub fn tag(event: &Event) -> Res<String> {
    let value = serde_json::to_value(event)?;
    value
        .get("type")
        .and_then(|t| t.as_str())
        .map(str::to_owned)
        .ok_or_else(|| "an event serialises with a type tag".into())
}

#[derive(Debug, Clone)]
enum End {
    /// Still listed by the case, with the status the case gives it.
    Open(Status),
    /// Settled by an event.
    Done { on: NaiveDate, by: &'static str },
    /// Made unnecessary by an event that took another branch.
    NotNeeded { on: NaiveDate, by: &'static str },
    /// Replaced by a deadline of another rule for the same thing (the
    /// council's own target giving way to the statutory clock).
    Replaced {
        on: NaiveDate,
        by: &'static str,
        rule: RuleId,
        due: NaiveDate,
    },
    /// No longer listed because time ran on, last seen with this status.
    Lapsed(Status),
}

#[derive(Debug, Clone)]
struct Row {
    subject: Subject,
    deadline: Deadline,
    end: End,
}

type Key = (Subject, RuleId, NaiveDate);

fn key(o: &Obligation) -> Key {
    (o.subject, o.rule(), o.deadline.due())
}

/// Every deadline a case has run, as the case reported it.
#[derive(Debug, Default)]
pub struct Ledger {
    rows: Vec<Row>,
}

impl Ledger {
    /// An empty ledger.
    pub fn new() -> Self {
        Ledger::default()
    }

    fn position(&self, k: Key) -> Option<usize> {
        self.rows
            .iter()
            .position(|r| (r.subject, r.deadline.rule(), r.deadline.due()) == k)
    }

    /// Take in what the case owes: new deadlines join, open ones take the case's status.
    fn observe(&mut self, owed: &[Obligation]) {
        for o in owed {
            match self.position(key(o)) {
                Some(i) => {
                    if let Some(row) = self.rows.get_mut(i) {
                        if matches!(row.end, End::Open(_)) {
                            row.end = End::Open(o.status);
                        }
                    }
                }
                None => self.rows.push(Row {
                    subject: o.subject,
                    deadline: o.deadline,
                    end: End::Open(o.status),
                }),
            }
        }
    }

    /// Open rows the case no longer lists on `owed`'s day, with no event in between: time ran on.
    fn lapse_missing(&mut self, owed: &[Obligation]) {
        for row in &mut self.rows {
            if let End::Open(status) = row.end {
                let k = (row.subject, row.deadline.rule(), row.deadline.due());
                if !owed.iter().any(|o| key(o) == k) {
                    row.end = End::Lapsed(status);
                }
            }
        }
    }

    /// Record what a newly opened case owes on the day of its first event.
    pub fn opened(&mut self, case: &Case, cal: &HolidayCalendar) -> Res<()> {
        if let Some(on) = case.last_event_on() {
            self.observe(&case.obligations(on, cal)?);
        }
        Ok(())
    }

    /// Apply one event to the case and record which deadlines it settled.
    ///
    /// A refused event is returned as the error, and the case is unchanged.
    pub fn apply<'a>(
        &mut self,
        case: &mut Case,
        event: Event,
        cal: impl Into<Calendars<'a>>,
    ) -> Res<Applied> {
        let cals: Calendars<'a> = cal.into();
        let on = event.on;
        let by = event.kind.name();
        let tag = tag(&event)?;
        let before = case.obligations(on, cals.holidays)?;
        let next = case.next_events(on, cals.holidays)?;
        self.lapse_missing(&before);
        self.observe(&before);
        let applied = case.apply(event, cals)?;
        let after = case.obligations(on, cals.holidays)?;
        for o in before
            .iter()
            .filter(|o| !after.iter().any(|a| key(a) == key(o)))
        {
            let Some(row) = self.position(key(o)).and_then(|i| self.rows.get_mut(i)) else {
                continue;
            };
            // Acts the case already recorded as done keep the status it gave them.
            if matches!(row.end, End::Open(Status::Met | Status::Late)) {
                if let End::Open(s) = row.end {
                    row.end = End::Lapsed(s);
                }
                continue;
            }
            let successor = after
                .iter()
                .find(|a| a.subject == o.subject && a.rule() != o.rule());
            if let Some(a) = successor {
                row.end = End::Replaced {
                    on,
                    by,
                    rule: a.rule(),
                    due: a.deadline.due(),
                };
                continue;
            }
            let governs: Vec<&str> = next
                .iter()
                .filter(|n| n.deadline == Some(o.deadline))
                .map(|n| n.event)
                .collect();
            // The same clock recomputed (a certificate moves the appeal limit).
            let moved = after.iter().find(|a| a.subject == o.subject);
            row.end = match moved {
                _ if governs.is_empty() || governs.contains(&tag.as_str()) => End::Done { on, by },
                Some(a) => End::Replaced {
                    on,
                    by,
                    rule: a.rule(),
                    due: a.deadline.due(),
                },
                None => End::NotNeeded { on, by },
            };
        }
        self.observe(&after);
        Ok(applied)
    }

    /// Bring the ledger to `today`: what is still owed takes today's status.
    pub fn close(&mut self, case: &Case, today: NaiveDate, cal: &HolidayCalendar) -> Res<()> {
        let owed = case.obligations(today, cal)?;
        self.lapse_missing(&owed);
        self.observe(&owed);
        Ok(())
    }

    /// Print every deadline, soonest first: what, due date, rule, source and status.
    pub fn print(&self, case: &Case, today: NaiveDate) -> Res<()> {
        let mut rows: Vec<&Row> = self.rows.iter().collect();
        rows.sort_by_key(|r| r.deadline.due());
        println!(
            "{:<58} {:<17} {:<21} {:<66} Status as at {today}",
            "What", "Due", "Rule", "Source"
        );
        println!("{}", "-".repeat(200));
        for row in rows {
            let d = &row.deadline;
            let flag = if d.on_non_working_day() { " *" } else { "" };
            let due = format!("{}{flag}", d.due().format("%a %Y-%m-%d"));
            println!(
                "{:<58} {:<17} {:<21} {:<66} {}",
                row.subject.to_string(),
                due,
                d.rule().code(),
                d.source(),
                status(row, case, today)?
            );
        }
        println!("* due on a weekend or bank holiday: flagged, never moved (DC-8).");
        Ok(())
    }
}

/// The exceptions recorded in the case that excuse `rule`.
pub fn claims_for(case: &Case, rule: RuleId) -> Vec<ExceptionClaim> {
    case.history()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::ExceptionRecorded { claim } if claim.exception().excuses(rule) => {
                Some((**claim).clone())
            }
            _ => None,
        })
        .collect()
}

fn status(row: &Row, case: &Case, today: NaiveDate) -> Res<String> {
    let d = &row.deadline;
    Ok(match &row.end {
        End::Open(s) => {
            let effective = match d.tribunal_effective() {
                Some(e) if e != d.due() => format!(
                    " (in time until {} under HESC r12)",
                    e.format("%a %Y-%m-%d")
                ),
                _ => String::new(),
            };
            let window = match d.earliest_action() {
                Some(e) => format!(
                    " (window open; earliest action {})",
                    e.format("%a %Y-%m-%d")
                ),
                None => String::new(),
            };
            format!("{s}{window}{effective}")
        }
        End::Done { on, by } => {
            let judged = exceptions::judge(d, Act::Done(*on), today, &claims_for(case, d.rule()))?;
            format!("{judged}: {by} {on}")
        }
        End::NotNeeded { on, by } => format!("not needed: {by} {on}"),
        End::Replaced { on, by, rule, due } => format!("replaced by {rule} due {due}: {by} {on}"),
        End::Lapsed(s) => match d.earliest_action() {
            Some(e) => format!("window closed; earliest action {}", e.format("%a %Y-%m-%d")),
            None if matches!(s, Status::Met | Status::Late) => s.to_string(),
            None => "ran out unused".to_owned(),
        },
    })
}

/// Print one accepted event: date, who, what, the phase after it, what it opened, and its warnings.
pub fn log(line: &str, case: &Case, applied: &Applied) {
    let opened: Vec<String> = applied.opened.iter().map(ToString::to_string).collect();
    let opened = if opened.is_empty() {
        String::new()
    } else {
        format!("  [opens {}]", opened.join(", "))
    };
    println!("{line:<86} -> {}{opened}", case.phase().name());
    for w in &applied.warnings {
        println!("{:<20}note: {w}", "");
    }
}

/// The log line of an event, taken before it is applied.
pub fn line(event: &Event) -> String {
    format!(
        "{} {:<22} {}",
        event.on.format("%a %Y-%m-%d"),
        event.by.to_string(),
        event.kind.name()
    )
}
