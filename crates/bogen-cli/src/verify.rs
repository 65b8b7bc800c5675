//! `bogen verify`: checks submission files and prints one line per file, or with `--json` the
//! reports as JSON (keys documented in `docs/SUBMISSION.md`, "The office's tools").

use crate::inputs;
use bogen_office::batch::{self, Cause, FileReport, InvalidKind, Status};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(files: &[PathBuf], questionnaires: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let known = inputs::known_questionnaires(questionnaires)?;
    let expanded = inputs::expand(files);
    if !json {
        expanded.print_notes();
    }
    let inputs = expanded.inputs;
    if inputs.is_empty() {
        anyhow::bail!("no submission files: the folders given hold no *.json files");
    }
    let reports = inputs::verify_all(&inputs, &known, false);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        let text = serde_json::to_string_pretty(&batch::reports_json(&reports))?;
        writeln!(out, "{text}")?;
    } else {
        for report in &reports {
            writeln!(out, "{}", line(report))?;
        }
    }
    out.flush()?;
    let counts = batch::count(&reports);
    if !json {
        eprintln!("{}", summary(&reports));
        print_hints(&reports);
    }
    Ok(if counts.invalid > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `FILE: valid: …`, `FILE: valid, superseded by FILE2: …` or `FILE: invalid: reason`, safe to
/// print: the names and answers in it come from the files ([`crate::terminal`]).
pub fn line(report: &FileReport) -> String {
    let file = &report.file;
    let line = match &report.status {
        Status::Valid => format!("{file}: valid: {}", described(report)),
        Status::Superseded { by } => match &report.superseded_by_other_name {
            None if report.superseded_as_copy => format!("{file}: valid, a copy of {by}: {}", described(report)),
            None => format!("{file}: valid, superseded by {by}: {}", described(report)),
            Some(other) => format!(
                "{file}: valid, superseded by {by}, which names another municipality ({other}; one key, two \
                 municipalities? ask both): {}",
                described(report)
            ),
        },
        Status::Invalid(invalid) => match &report.fingerprint {
            Some(fingerprint) => format!("{file}: invalid: {invalid} (signed by {fingerprint})"),
            None => format!("{file}: invalid: {invalid}"),
        },
    };
    crate::terminal::printable(&line).into_owned()
}

/// `Musterstadt (Großstadt), signed by ABCD-…, erfolgreiche-integration-2005 1.0.0,
/// 2004-09-29T14:05:00Z, digest 3f2a 9c01 77be 0d4e` (the digest as on the paper copy).
fn described(report: &FileReport) -> String {
    let who = match (&report.municipality, &report.kind) {
        (Some(name), Some(kind)) => format!("{name} ({kind})"),
        (Some(name), None) => name.clone(),
        (None, Some(kind)) => format!("unnamed ({kind})"),
        (None, None) => "unnamed".to_owned(),
    };
    let questionnaire =
        report.questionnaire.as_ref().map(|q| format!("{} {}", q.id, q.version)).unwrap_or_else(|| "?".to_owned());
    format!(
        "{who}, signed by {}, {questionnaire}, {}, digest {}",
        report.fingerprint.as_deref().unwrap_or("?"),
        report.created_at.as_deref().unwrap_or("?"),
        report.short_digest().as_deref().unwrap_or("?")
    )
}

/// `N files: a valid, b superseded, c invalid`.
pub fn summary(reports: &[FileReport]) -> String {
    let c = batch::count(reports);
    format!(
        "{} file{}: {} valid, {} superseded, {} invalid",
        reports.len(),
        if reports.len() == 1 { "" } else { "s" },
        c.valid,
        c.superseded,
        c.invalid
    )
}

/// What to do next, once per kind of problem found.
pub fn print_hints(reports: &[FileReport]) {
    let any = |kind: InvalidKind, cause: Option<Cause>| {
        reports.iter().any(|r| {
            matches!(&r.status, Status::Invalid(invalid) if invalid.kind == kind && cause.is_none_or(|c| invalid.cause == c))
        })
    };
    if any(InvalidKind::Unreadable, None) {
        eprintln!("hint: a file that could not be read: check its path and its permissions, or copy it to this computer first");
    }
    if any(InvalidKind::TooLarge, None) {
        eprintln!("hint: a submission is a few kilobytes; a file over 16 MiB is something else: ask what was sent");
    }
    if any(InvalidKind::NotJson, Some(Cause::Empty)) || any(InvalidKind::NotJson, Some(Cause::CutOff)) {
        eprintln!("hint: an empty or cut-off file did not arrive whole (an incomplete download or copy): ask the municipality to send it again");
    }
    if any(InvalidKind::NotJson, Some(Cause::Other)) {
        eprintln!(
            "hint: a file that is not JSON is not a submission (a submission is the .json file the app exports): \
             check that the right file was saved, or ask the municipality to send it again"
        );
    }
    if any(InvalidKind::NotASubmission, Some(Cause::Draft)) {
        eprintln!("hint: a draft is not signed: ask the municipality for the signed submission, which the app exports on its review page");
    }
    if any(InvalidKind::NotASubmission, Some(Cause::KeyFile)) {
        eprintln!(
            "hint: a key file is secret: ask its sender to keep it to themselves and to send the signed submission instead"
        );
    }
    if any(InvalidKind::NotASubmission, Some(Cause::Other)) {
        eprintln!(
            "hint: give only the submission files the municipalities sent (questionnaires belong to --questionnaire)"
        );
    }
    if any(InvalidKind::UnknownFormatVersion, None) {
        eprintln!("hint: a file of a newer format version: verify it with a newer bogen");
    }
    if any(InvalidKind::Malformed, None) {
        eprintln!(
            "hint: a malformed submission was not made by the app as it is: ask the municipality to export it again"
        );
    }
    if any(InvalidKind::UnknownQuestionnaire, None) {
        eprintln!("hint: give the questionnaire file those submissions answer with --questionnaire FILE");
    }
    if any(InvalidKind::QuestionnaireHashMismatch, None) {
        eprintln!(
            "hint: a questionnaire must get a new version whenever it changes; give the file the respondents filled in with --questionnaire FILE"
        );
    }
    if any(InvalidKind::SignatureInvalid, Some(Cause::Unsigned)) {
        eprintln!("hint: a file without a signature cannot be trusted: ask the municipality for the signed submission, which the app exports on its review page");
    }
    if any(InvalidKind::SignatureInvalid, Some(Cause::PrivateKeyLeaked)) {
        eprintln!(
            "hint: a file that carries its private key (\"d\") gives that key away: it is compromised and must not be used \
             again; ask the municipality to make a new key (sign in a new browser profile, taking its draft along as a \
             draft file), send the new submission, and tell you the new fingerprint"
        );
    }
    if any(InvalidKind::SignatureInvalid, Some(Cause::Changed))
        || any(InvalidKind::SignatureInvalid, Some(Cause::Other))
    {
        eprintln!(
            "hint: a file whose signature does not hold was changed after it was signed (or damaged); ask the municipality to export it again"
        );
    }
    if any(InvalidKind::AnswersDoNotFit, None) {
        eprintln!(
            "hint: answers that do not fit: check that --questionnaire is the version the municipality filled in; \
             if it is, the file was not made by the app as it is: ask the municipality to export it again"
        );
    }
    if reports.iter().any(|r| r.superseded_by_other_name.is_some()) {
        eprintln!(
            "hint: a key that signed for two municipalities was used in one browser for both (or the name was corrected); \
             only the later file counts until you know which: ask both, and have the other one export with a new key"
        );
    }
}
