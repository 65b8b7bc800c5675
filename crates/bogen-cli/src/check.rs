//! `bogen check`: loads questionnaire files with the engine and prints every problem, and
//! whether each file is signed by a key the app trusts.

use crate::terminal::printable;
use anyhow::Context;
use bogen_engine::{FileKind, SignatureStatus, TrustedKeys};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let trusted = TrustedKeys::parse(crate::TRUSTED_KEYS).context("the built-in trusted-keys.json is broken")?;
    let mut any_problems = false;
    for file in files {
        let text = crate::inputs::read_text_file(file)?;
        let name = file.display().to_string();
        if let Some(why) = not_a_questionnaire(&text) {
            any_problems = true;
            println!("{}", printable(&format!("{name}: {why}")));
            continue;
        }
        match bogen_engine::compile(&text) {
            Ok(questionnaire) => {
                println!("{name}: ok: {}", summary(&questionnaire));
                match &questionnaire.signature {
                    SignatureStatus::Unsigned => {
                        println!("{name}: not signed; the app will warn that it does not come from the office (bogen sign)")
                    }
                    SignatureStatus::Signed(key) => match trusted.find(key) {
                        Some(entry) => println!("{name}: signed by {} ({}), a trusted key", key.fingerprint(), entry.name),
                        None => println!(
                            "{name}: signed by {}, a key that is not in questionnaire/trusted-keys.json; the app will warn",
                            key.fingerprint()
                        ),
                    },
                    SignatureStatus::Invalid(error) => {
                        any_problems = true;
                        println!("{name}: signature: {error}");
                        eprintln!("{name}: sign it again with `bogen sign --key KEY {name}`");
                    }
                }
            }
            Err(problems) => {
                any_problems = true;
                // A problem quotes the file (a misspelt key, an id): printed one line each.
                for problem in &problems.0 {
                    println!("{}", printable(&problem.render(&name)));
                }
                if ends_early(&text) {
                    eprintln!("{name}: the file ends before its JSON does: a bracket or quote is not closed, or the file was cut off");
                }
                let n = problems.0.len();
                eprintln!(
                    "{name}: {n} problem{} found; fix {} and run `bogen check {name}` again",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "it" } else { "them" }
                );
            }
        }
    }
    Ok(if any_problems { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Why a file is plainly no questionnaire, where the engine's problems would not say it: an
/// empty file, or another file of Bogen's (a key file would otherwise get five problems about
/// the members a questionnaire lacks).
pub fn not_a_questionnaire(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Some(
            "the file is empty: write the questionnaire in it (docs/FORMAT.md), or give the questionnaire's file"
                .to_owned(),
        );
    }
    // Text that is not JSON, and JSON that is no other file of Bogen's, gets the engine's problems.
    let what = match FileKind::of(&serde_json::from_str(text).ok()?) {
        FileKind::KeyFile => "this is a key file (bogen keygen), not a questionnaire: give the questionnaire file, and keep the key file secret",
        FileKind::Submission => "this is a submission, not a questionnaire: check submissions with bogen verify",
        FileKind::Draft => "this is a draft of the app, not a questionnaire: give the questionnaire file",
        FileKind::TrustedKeys => "this is the list of trusted keys, not a questionnaire: give the questionnaire file",
        FileKind::Questionnaire | FileKind::Other(_) | FileKind::NotAnObject => return None,
    };
    Some(what.to_owned())
}

/// Whether the text ends before its JSON does (serde_json's own classification).
fn ends_early(text: &str) -> bool {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    serde_json::from_str::<serde_json::Value>(text).is_err_and(|e| e.classify() == serde_json::error::Category::Eof)
}

/// `4 sections (3 pages), 10 questions, 1 condition`.
pub fn summary(questionnaire: &bogen_engine::Questionnaire) -> String {
    format!(
        "{} ({}), {}, {}",
        counted(questionnaire.sections.len(), "section"),
        counted(questionnaire.pages().count(), "page"),
        counted(questionnaire.questions.len(), "question"),
        counted(questionnaire.n_conditions, "condition")
    )
}

/// `1 page`, `2 pages`.
pub fn counted(n: usize, thing: &str) -> String {
    format!("{n} {thing}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    #[test]
    fn empty_files_and_other_bogen_files_are_named_as_such() {
        let why = |text: &str| super::not_a_questionnaire(text).unwrap_or_default();
        assert!(why("").starts_with("the file is empty"));
        assert!(why("\u{FEFF} \n").starts_with("the file is empty"));
        assert!(why(r#"{"format": "bogen-key", "formatVersion": 1}"#).starts_with("this is a key file"));
        assert!(why(r#"{"format": "bogen-submission"}"#).starts_with("this is a submission"));
        assert!(why(r#"{"format": "bogen-draft"}"#).starts_with("this is a draft"));
        let v1_draft = r#"{"formatVersion": 1, "questionnaireId": "q", "questionnaireVersion": "1", "answers": {}}"#;
        assert!(why(v1_draft).starts_with("this is a draft"));
        assert!(why(r#"{"format": "bogen-trusted-keys"}"#).starts_with("this is the list of trusted keys"));
        assert_eq!(super::not_a_questionnaire(r#"{"format": "xlsx"}"#), None);
        assert_eq!(super::not_a_questionnaire("[]"), None);
        assert_eq!(super::not_a_questionnaire(r#"{"formatVersion": 1, "id": "x"}"#), None);
        assert_eq!(super::not_a_questionnaire("{ oops"), None);
        assert!(super::ends_early("{\"a\": [1, "));
        assert!(!super::ends_early("{\"a\": ]"));
    }

    #[test]
    fn the_summary_says_one_in_the_singular() {
        let questionnaire = bogen_engine::compile(
            r#"{"formatVersion": 1, "id": "t", "version": "1", "title": "T", "sections": [{"id": "s", "title": "S",
            "questions": [{"id": "a", "type": "yesNo", "label": "A", "visibleIf": "true"}]}]}"#,
        )
        .unwrap();
        assert_eq!(super::summary(&questionnaire), "1 section (1 page), 1 question, 1 condition");
    }
}
