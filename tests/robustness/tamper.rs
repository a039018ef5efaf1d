//! The tamper engine: from one valid value, every mutant of its JSON — each
//! field removed, changed (numbers ±1, dates ±1 day, strings altered, bools
//! flipped, enum tags swapped for another or an unknown one), duplicated (the
//! key written twice), retyped (string, number, null, array, object), and an
//! unknown field added to each object — and the verdict on each.

use std::collections::BTreeSet;
use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};

use send_pathway::chrono::{Days, NaiveDate, NaiveDateTime};

/// One step into a JSON tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A field of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
}

/// What happened to the mutants of one type.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    /// Valid values tampered with.
    pub originals: u64,
    /// Mutants fed to the deserialiser.
    pub tried: u64,
    /// Mutants rejected (deserialiser error, or `into_case` error).
    pub rejected: u64,
    /// Mutants accepted; each read back identical after a round trip.
    pub accepted: u64,
    /// Accepted mutants that read back identical to the original value
    /// (e.g. a duplicated key with the same value).
    pub accepted_as_original: u64,
    /// Exact round trips of valid values and accepted mutants.
    pub round_trips: u64,
}

impl Tally {
    /// Add another tally.
    pub fn add(&mut self, other: Tally) {
        self.originals += other.originals;
        self.tried += other.tried;
        self.rejected += other.rejected;
        self.accepted += other.accepted;
        self.accepted_as_original += other.accepted_as_original;
        self.round_trips += other.round_trips;
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} originals, {} mutants tried, {} rejected, {} accepted ({} identical to the original), {} round trips",
            self.originals, self.tried, self.rejected, self.accepted, self.accepted_as_original, self.round_trips
        )
    }
}

fn all_paths(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                at.push(Step::Key(k.clone()));
                all_paths(child, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                at.push(Step::Index(i));
                all_paths(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut node = v;
    for step in path {
        node = match step {
            Step::Key(k) => node.as_object_mut()?.get_mut(k)?,
            Step::Index(i) => node.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(node)
}

fn node<'a>(v: &'a Value, path: &[Step]) -> Option<&'a Value> {
    let mut node = v;
    for step in path {
        node = match step {
            Step::Key(k) => node.as_object()?.get(k)?,
            Step::Index(i) => node.as_array()?.get(*i)?,
        };
    }
    Some(node)
}

fn strings(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Object(m) => {
            for (k, child) in m {
                out.insert(k.clone());
                strings(child, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|c| strings(c, out)),
        _ => {}
    }
}

/// The strings a type uses that look like enum tags or rule codes.
fn tag_pool(v: &Value) -> Vec<String> {
    let mut all = BTreeSet::new();
    strings(v, &mut all);
    all.into_iter()
        .filter(|s| {
            !s.is_empty()
                && s.len() <= 40
                && s.chars().all(|c| {
                    c.is_ascii_lowercase()
                        || c == '_'
                        || c.is_ascii_uppercase()
                        || c == '-'
                        || c.is_ascii_digit()
                })
                && s.parse::<NaiveDate>().is_err()
        })
        .collect()
}

/// Altered values of a leaf or container (same JSON type).
fn changes(v: &Value, pool: &[String]) -> Vec<Value> {
    let mut out = Vec::new();
    match v {
        Value::Bool(b) => out.push(Value::Bool(!b)),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                out.extend(i.checked_add(1).map(Value::from));
                out.extend(i.checked_sub(1).map(Value::from));
                out.push(Value::from(i64::MAX));
                out.push(Value::from(u64::MAX));
                out.push(Value::from(4_294_967_296u64));
            } else if let Some(u) = n.as_u64() {
                out.extend(u.checked_add(1).map(Value::from));
                out.extend(u.checked_sub(1).map(Value::from));
            } else if let Some(f) = n.as_f64() {
                out.push(json!(f + 1.0));
            }
            out.push(json!(0.5));
        }
        Value::String(s) => {
            if let Ok(d) = s.parse::<NaiveDate>() {
                for other in [
                    d.checked_add_days(Days::new(1)),
                    d.checked_sub_days(Days::new(1)),
                    Some(NaiveDate::MIN),
                    Some(NaiveDate::MAX),
                ]
                .into_iter()
                .flatten()
                {
                    out.push(Value::from(other.to_string()));
                }
                out.push(Value::from("2025-02-30"));
            } else if let Ok(t) = s.parse::<NaiveDateTime>() {
                for other in [
                    t.checked_add_days(Days::new(1)),
                    t.checked_sub_days(Days::new(1)),
                    t.checked_add_signed(send_pathway::chrono::TimeDelta::minutes(1)),
                ]
                .into_iter()
                .flatten()
                {
                    out.push(Value::from(other.format("%Y-%m-%dT%H:%M:%S").to_string()));
                }
            } else if let Ok(amount) = s.parse::<send_pathway::rust_decimal::Decimal>() {
                let one = send_pathway::rust_decimal::Decimal::ONE;
                out.extend(amount.checked_add(one).map(|a| Value::from(a.to_string())));
                out.extend(amount.checked_sub(one).map(|a| Value::from(a.to_string())));
                out.push(Value::from(format!("-{s}")));
                out.push(Value::from(format!("{s}.001")));
                out.push(Value::from("79228162514264337593543950335"));
                out.push(Value::from("1e3"));
            }
            out.push(Value::from(format!("{s}x")));
            out.push(Value::from(""));
            out.push(Value::from(" "));
            out.push(Value::from(s.to_uppercase()));
            out.push(Value::from("zz_unknown_tag"));
            // Swap for up to four other tags the type uses.
            let others: Vec<&String> = pool.iter().filter(|p| *p != s).collect();
            let step = (others.len() / 4).max(1);
            for other in others.iter().step_by(step).take(4) {
                out.push(Value::from(other.as_str()));
            }
        }
        Value::Array(a) => {
            if let Some(first) = a.first() {
                let mut doubled = a.clone();
                doubled.push(first.clone());
                out.push(Value::Array(doubled));
                if a.len() > 1 {
                    let mut reversed = a.clone();
                    reversed.reverse();
                    out.push(Value::Array(reversed));
                }
                out.push(Value::Array(Vec::new()));
            }
        }
        Value::Object(m) => {
            let mut extra = m.clone();
            extra.insert("zz_unknown_field".into(), Value::from(1));
            out.push(Value::Object(extra));
        }
        Value::Null => {}
    }
    out.retain(|c| c != v);
    out
}

/// The same place with another JSON type.
fn retypes(v: &Value) -> Vec<Value> {
    let all = [
        Value::Null,
        json!(0),
        json!(-1),
        json!(1.5),
        json!("x"),
        json!(true),
        json!([]),
        json!({}),
        json!([v]),
    ];
    let kind = |x: &Value| std::mem::discriminant(x);
    all.into_iter()
        .filter(|x| kind(x) != kind(v) || matches!(x, Value::Array(a) if a.len() == 1))
        .collect()
}

/// A mutant: how it was made and its JSON text.
#[derive(Debug, Clone)]
pub struct Mutant {
    /// What was done, and where.
    pub how: String,
    /// The JSON text fed to the deserialiser.
    pub text: String,
}

const DUP_MARKER: &str = "\u{1}\u{2}duplicate\u{2}\u{1}";

/// The text of `root` with the object at `parent` carrying `key` twice: first
/// its own value, then `second`.
fn with_duplicate(root: &Value, parent: &[Step], key: &str, second: Value) -> Option<String> {
    let mut copy = root.clone();
    let object = node_mut(&mut copy, parent)?.as_object_mut()?;
    // Keys are written in map order; the marker sorts before letters, so
    // rename the original key into a slot after it with a second marker.
    let first = object.remove(key)?;
    let mut rebuilt = Map::new();
    rebuilt.insert(format!("{DUP_MARKER}a"), first);
    rebuilt.insert(format!("{DUP_MARKER}b"), second);
    for (k, v) in std::mem::take(object) {
        rebuilt.insert(k, v);
    }
    *object = rebuilt;
    let text = serde_json::to_string(&copy).ok()?;
    let escaped_marker = serde_json::to_string(DUP_MARKER).ok()?;
    let escaped_marker = escaped_marker.trim_end_matches('"');
    let escaped_key = serde_json::to_string(key).ok()?;
    Some(
        text.replace(&format!("{escaped_marker}a\""), &escaped_key)
            .replace(&format!("{escaped_marker}b\""), &escaped_key),
    )
}

/// Every mutant of `root`.
pub fn mutants(root: &Value) -> Vec<Mutant> {
    let pool = tag_pool(root);
    let mut paths = Vec::new();
    all_paths(root, &mut Vec::new(), &mut paths);
    let mut out = Vec::new();
    let describe = |path: &[Step]| -> String {
        path.iter()
            .map(|s| match s {
                Step::Key(k) => format!(".{k}"),
                Step::Index(i) => format!("[{i}]"),
            })
            .collect::<String>()
    };
    for path in &paths {
        let Some(here) = node(root, path) else {
            continue;
        };
        let at = describe(path);
        let mut push = |how: String, value: Value| {
            if let Ok(text) = serde_json::to_string(&value) {
                out.push(Mutant { how, text });
            }
        };
        // Removed.
        if let Some((last, parent)) = path.split_last() {
            let mut copy = root.clone();
            let removed = match (node_mut(&mut copy, parent), last) {
                (Some(Value::Object(m)), Step::Key(k)) => m.remove(k).is_some(),
                (Some(Value::Array(a)), Step::Index(i)) if *i < a.len() => {
                    a.remove(*i);
                    true
                }
                _ => false,
            };
            if removed {
                push(format!("removed {at}"), copy);
            }
        }
        // Changed and retyped.
        let changed = changes(here, &pool);
        let replacements: Vec<(&str, Value)> = changed
            .iter()
            .map(|c| ("changed", c.clone()))
            .chain(retypes(here).into_iter().map(|r| ("retyped", r)))
            .collect();
        for (label, replacement) in replacements {
            let mut copy = root.clone();
            if let Some(slot) = node_mut(&mut copy, path) {
                let how = format!("{label} {at} to {replacement}");
                *slot = replacement;
                push(how, copy);
            }
        }
        // Duplicated: the key written twice, with the same value and with a changed one.
        if let Some((Step::Key(k), parent)) = path.split_last() {
            let seconds = std::iter::once(here.clone()).chain(changed.first().cloned());
            for second in seconds {
                if let Some(text) = with_duplicate(root, parent, k, second.clone()) {
                    out.push(Mutant {
                        how: format!("duplicated {at} (second {second})"),
                        text,
                    });
                }
            }
        }
    }
    out
}

/// The prefix of a finding that is an unknown field accepted and dropped.
pub const UNKNOWN_FIELD: &str = "unknown field dropped: ";

/// Serialise, read back, and require the same value.
pub fn round_trip<T>(value: &T) -> T
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let text = serde_json::to_string(value).expect("a valid value serialises");
    let back: T = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("a valid value reads back: {e}\n{text}"));
    assert_eq!(&back, value, "round trip changed the value: {text}");
    back
}

/// Feed every mutant of `original` to the deserialiser. A mutant must be
/// rejected, or read back to a value that round-trips exactly and passes
/// `accepted` (which may reject it after further checks: return `false`).
pub fn tamper<T>(
    original: &T,
    accepted: impl Fn(&T, &Mutant) -> bool,
    findings: &mut Vec<String>,
) -> Tally
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let mut tally = Tally {
        originals: 1,
        ..Tally::default()
    };
    round_trip(original);
    tally.round_trips += 1;
    let root = serde_json::to_value(original).expect("serialises");
    for mutant in mutants(&root) {
        tally.tried += 1;
        match serde_json::from_str::<T>(&mutant.text) {
            Err(e) => {
                assert!(!e.to_string().is_empty(), "empty error for {}", mutant.how);
                tally.rejected += 1;
            }
            Ok(read) => {
                let again = round_trip(&read);
                tally.round_trips += 1;
                if again == *original {
                    tally.accepted_as_original += 1;
                }
                let unknown = mutant.how.contains("zz_unknown_field");
                if unknown || mutant.how.starts_with("duplicated") && again != *original {
                    findings.push(format!(
                        "{}{}: accepted {} -> {:?}",
                        if unknown { UNKNOWN_FIELD } else { "" },
                        std::any::type_name::<T>(),
                        mutant.how,
                        serde_json::to_string(&again).unwrap_or_default()
                    ));
                }
                if accepted(&again, &mutant) {
                    tally.accepted += 1;
                } else {
                    tally.rejected += 1;
                }
            }
        }
    }
    tally
}

/// The mutations a database editor makes to a stored case record's meaning
/// rather than its shape: each compliance entry relabelled to another rule,
/// moved to the event before, duplicated or dropped; the compliance history
/// emptied; each event's `type` tag replaced by a number. Every one must be
/// refused by `into_case`.
pub fn record_mutations(root: &Value) -> Vec<Mutant> {
    let mut out = Vec::new();
    let mut push = |how: String, value: Value| {
        if let Ok(text) = serde_json::to_string(&value) {
            out.push(Mutant { how, text });
        }
    };
    let entries = root["compliance"].as_array().cloned().unwrap_or_default();
    if !entries.is_empty() {
        let mut emptied = root.clone();
        emptied["compliance"] = json!([]);
        push("compliance emptied".into(), emptied);
    }
    for (i, entry) in entries.iter().enumerate() {
        let with = |edit: &dyn Fn(&mut Vec<Value>)| {
            let mut copy = root.clone();
            if let Some(list) = copy["compliance"].as_array_mut() {
                edit(list);
            }
            copy
        };
        push(
            format!("compliance[{i}] dropped"),
            with(&|l| {
                l.remove(i);
            }),
        );
        push(
            format!("compliance[{i}] duplicated"),
            with(&|l| {
                l.insert(i, entry.clone());
            }),
        );
        let other = if entry["deadline"]["rule"] == "T-FINAL-20W" {
            "T-DECIDE-6W"
        } else {
            "T-FINAL-20W"
        };
        push(
            format!("compliance[{i}] relabelled {other}"),
            with(&|l| {
                l[i]["deadline"]["rule"] = other.into();
            }),
        );
        if let Some(event) = entry["event"].as_u64().filter(|e| *e > 1) {
            let before = root["history"][(event - 2) as usize]["on"].clone();
            push(
                format!("compliance[{i}] moved to event {}", event - 1),
                with(&|l| {
                    l[i]["event"] = (event - 1).into();
                    l[i]["done_on"] = before.clone();
                }),
            );
        }
    }
    let events = root["history"].as_array().map_or(0, Vec::len);
    for i in 0..events {
        let mut copy = root.clone();
        copy["history"][i]["type"] = json!(i % 7);
        push(format!("history[{i}].type numeric"), copy);
    }
    out
}
