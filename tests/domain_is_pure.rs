//! domain/ holds the business rules as plain Rust: nothing in it may reach for the web
//! (ARCHITECTURE.md, Layers). This reads every file under crates/domain/src and fails on any use
//! of a web crate, so the rule holds without anyone remembering it.
#![cfg(not(target_arch = "wasm32"))]
use std::path::{Path, PathBuf};

const WEB_CRATES: [&str; 6] = [
    "leptos",
    "web_sys",
    "wasm_bindgen",
    "js_sys",
    "gloo",
    "tachys",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The web crates a source text names as a path (`leptos::…`, `use gloo_timers…`),
/// comments left out.
fn web_crates_named(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        for name in WEB_CRATES {
            let mut rest = code;
            while let Some(at) = rest.find(name) {
                let before = rest[..at].chars().next_back();
                let after = &rest[at + name.len()..];
                let starts_word = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                let is_path = after.starts_with("::") || (name == "gloo" && after.starts_with('_'));
                if starts_word && is_path {
                    found.push(format!("{name}: {}", line.trim()));
                }
                rest = after;
            }
        }
    }
    found
}

#[test]
fn the_check_finds_a_web_crate_when_there_is_one() {
    assert_eq!(web_crates_named("use leptos::prelude::*;").len(), 1);
    assert_eq!(web_crates_named("let w = web_sys::window();").len(), 1);
    assert_eq!(
        web_crates_named("use gloo_timers::callback::Timeout;").len(),
        1
    );
    assert!(web_crates_named("// leptos::view! is not used here").is_empty());
    assert!(web_crates_named("let leptos_like = 1; my_leptos::x();").is_empty());
}

#[test]
fn nothing_in_domain_uses_a_web_crate() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/domain/src"),
        &mut files,
    );
    assert!(files.len() > 20, "the domain's files are found");
    let offences: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            web_crates_named(&text)
                .into_iter()
                .map(move |o| format!("{}: {o}", f.display()))
        })
        .collect();
    assert!(offences.is_empty(), "domain/ must stay pure: {offences:#?}");
}

/// The subjects of domain/ and the ones each may use: a strict order, so no two subjects
/// lean on each other (the profile builds on the application's rules, never the reverse).
const SUBJECTS: [(&str, &[&str]); 5] = [
    ("common", &[]),
    ("money", &["common"]),
    ("onboarding", &["common", "money"]),
    ("partner", &["common", "money", "onboarding"]),
    ("learning", &["common", "money", "onboarding"]),
];

/// The subjects a source text names as `domain::<subject>`, comments left out.
fn subjects_named(source: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (subject, _) in SUBJECTS {
            if code.contains(&format!("domain::{subject}::")) && !found.contains(&subject) {
                found.push(subject);
            }
        }
    }
    found
}

#[test]
fn the_subjects_of_domain_import_each_other_in_one_direction_only() {
    assert_eq!(
        subjects_named("use crate::domain::money::cny::Cny; // domain::partner::x"),
        ["money"]
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/domain/src");
    let mut offences = Vec::new();
    for (subject, allowed) in SUBJECTS {
        let mut files = Vec::new();
        rust_files(&root.join(subject), &mut files);
        assert!(!files.is_empty(), "domain/{subject} has files");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for used in subjects_named(&text) {
                if used != subject && !allowed.contains(&used) {
                    offences.push(format!("{} uses domain::{used}", file.display()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "an import against the order: {offences:#?}"
    );
}
