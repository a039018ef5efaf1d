//! RULES.md, the rules catalogue that ships with the crate, is generated from
//! `RuleId::ALL` and the doc comments that cite each rule. This test fails when
//! it is stale; regenerate with
//! `SEND_PATHWAY_WRITE_RULES=1 cargo test --test rules_catalogue`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use send_pathway::RuleId;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src is readable")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn module_of(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    let path = parts.join("::");
    if path.is_empty() {
        "crate".to_owned()
    } else {
        path
    }
}

/// For each rule code, the functions whose doc comments cite it.
fn implementers() -> BTreeMap<&'static str, Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut found: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for file in files {
        let module = module_of(&root, &file);
        let text = std::fs::read_to_string(&file).expect("source is readable");
        let mut pending: Vec<&'static str> = Vec::new();
        for line in text.lines() {
            let t = line.trim_start();
            if t.starts_with("#[cfg(test)]") {
                break;
            }
            if t.starts_with("///") {
                for rule in RuleId::ALL {
                    let code = rule.code();
                    if t.contains(code) && !pending.contains(&code) {
                        pending.push(code);
                    }
                }
            } else if t.starts_with("#[") || t.is_empty() {
                continue;
            } else {
                let name = t
                    .split_once("fn ")
                    .filter(|(before, _)| {
                        before.is_empty()
                            || before.ends_with("pub ")
                            || before.ends_with(") ")
                            || before.ends_with("const ")
                    })
                    .map(|(_, after)| {
                        after
                            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .next()
                            .unwrap_or_default()
                            .to_owned()
                    });
                if let Some(name) = name {
                    for code in &pending {
                        let entry = found.entry(code).or_default();
                        let item = format!("`{module}::{name}`");
                        if !entry.contains(&item) {
                            entry.push(item);
                        }
                    }
                }
                pending.clear();
            }
        }
    }
    found
}

fn catalogue() -> String {
    let found = implementers();
    let mut out = String::from(
        "# Rules catalogue\n\n\
         Every rule the crate implements, with its stable ID (`RuleId`), what it requires, \
         its legal or local source, whether it is law, and the functions whose documentation \
         cites it. Generated from `RuleId::ALL`; do not edit by hand \
         (`SEND_PATHWAY_WRITE_RULES=1 cargo test --test rules_catalogue` rewrites it).\n\n\
         | Code | Rule | Source | Statutory | Implemented in |\n|---|---|---|---|---|\n",
    );
    for rule in RuleId::ALL {
        let cell = |s: &str| s.replace('|', "\\|");
        let implemented = found
            .get(rule.code())
            .map(|v| v.join(", "))
            .unwrap_or_else(|| "—".to_owned());
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            rule.code(),
            cell(rule.summary()),
            cell(rule.source()),
            if rule.is_statutory() { "yes" } else { "no" },
            implemented
        );
    }
    out
}

#[test]
fn rules_md_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("RULES.md");
    let want = catalogue();
    if std::env::var_os("SEND_PATHWAY_WRITE_RULES").is_some() {
        std::fs::write(&path, &want).expect("RULES.md is writable");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "RULES.md is stale; regenerate it with \
         `SEND_PATHWAY_WRITE_RULES=1 cargo test --test rules_catalogue`"
    );
}
