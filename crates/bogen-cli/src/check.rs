//! `bogen check`: loads questionnaire files with the engine and prints every problem, and
//! whether each file is signed by a key the app trusts.

use anyhow::Context;
use bogen_engine::{SignatureStatus, TrustedKeys};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let trusted = TrustedKeys::parse(crate::TRUSTED_KEYS).context("the built-in trusted-keys.json is broken")?;
    let mut any_problems = false;
    for file in files {
        let text = std::fs::read_to_string(file).with_context(|| format!("could not read {}", file.display()))?;
        let name = file.display().to_string();
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
                print!("{}", problems.render(&name));
                let n = problems.0.len();
                eprintln!(
                    "{name}: {n} problem{} found; fix them and run `bogen check {name}` again",
                    if n == 1 { "" } else { "s" }
                );
            }
        }
    }
    Ok(if any_problems { ExitCode::from(1) } else { ExitCode::SUCCESS })
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
    fn the_summary_says_one_in_the_singular() {
        let questionnaire = bogen_engine::compile(
            r#"{"formatVersion": 1, "id": "t", "version": "1", "title": "T", "sections": [{"id": "s", "title": "S",
            "questions": [{"id": "a", "type": "yesNo", "label": "A", "visibleIf": "true"}]}]}"#,
        )
        .unwrap();
        assert_eq!(super::summary(&questionnaire), "1 section (1 page), 1 question, 1 condition");
    }
}
