//! Rules for the source tree, checked as tests: every Rust file starts with a module doc, the
//! engine's non-test code never calls `unwrap()` or `expect()`, and no test is ignored or
//! expected to panic.

use crate::support::repo_root;
use std::path::{Path, PathBuf};

fn rust_files(folder: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if path.is_dir() && !matches!(name, "target" | "node_modules" | "corpus" | "artifacts") {
            rust_files(&path, out);
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

fn all_rust_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in ["src", "crates", "tests"] {
        rust_files(&repo_root().join(folder), &mut files);
    }
    files
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let missing: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(missing.is_empty(), "these files need a `//!` paragraph saying what they are for:\n{}", missing.join("\n"));
}

#[test]
fn the_engine_never_unwraps_outside_tests() {
    let mut offenders = Vec::new();
    let mut files = Vec::new();
    rust_files(&repo_root().join("crates/bogen-engine/src"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            if line.contains(".unwrap()") || line.contains(".expect(") {
                offenders.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(offenders.is_empty(), "bad input must become a message, not a panic:\n{}", offenders.join("\n"));
}

#[test]
fn no_test_is_ignored_or_expected_to_panic() {
    let needles = [concat!("#[", "ignore"), concat!("#[", "should_panic")];
    let offenders: Vec<String> = all_rust_files()
        .into_iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            needles.iter().any(|n| text.contains(n))
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "ignored or should_panic tests in:\n{}", offenders.join("\n"));
}
