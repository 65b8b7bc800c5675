//! `bogen export`: verifies submission files like `bogen verify` and writes the valid ones as a
//! spreadsheet: `-o OUT.xlsx` one workbook, `-o OUT.csv` one CSV file per sheet (`OUT.csv`,
//! `OUT.<group>.csv` per repeat group, `OUT.dateien.csv`).
//!
//! One workbook holds one questionnaire version, whose questions are its columns. When the valid
//! submissions answer several, the command stops and lists them; `--only ID[@VERSION]` picks one
//! (the others are then listed in the sheet "Dateien" as not in the tables).
//!
//! An existing file is replaced only with `--force` (a workbook may carry the jury's notes), and
//! an input never. Files are written to a temporary name beside the target and renamed, so an
//! interrupted export leaves no half-written spreadsheet.

use crate::inputs;
use anyhow::{bail, Context};
use bogen_engine::Questionnaire;
use bogen_office::batch::{self, FileReport, KnownQuestionnaires, Status};
use bogen_office::table::{self, Workbook};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// What `bogen export` was asked to do.
pub struct Options<'a> {
    pub files: &'a [PathBuf],
    pub questionnaires: &'a [PathBuf],
    pub output: &'a Path,
    pub only: Option<&'a str>,
    pub force: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Xlsx,
    Csv,
}

pub fn run(options: &Options<'_>) -> anyhow::Result<ExitCode> {
    let output = options.output;
    let kind = match output.extension().and_then(|x| x.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("xlsx") => Kind::Xlsx,
        Some("csv") => Kind::Csv,
        _ => {
            bail!("{}: the output must end in .xlsx (a workbook, for people) or .csv (for programs)", output.display())
        }
    };
    let known = inputs::known_questionnaires(options.questionnaires)?;
    let expanded = inputs::expand(options.files);
    expanded.print_notes();
    let inputs = expanded.inputs;
    if inputs.is_empty() {
        bail!("no submission files: the folders given hold no *.json files");
    }
    let mut reports = inputs::verify_all(&inputs, &known, true);
    let questionnaire = choose(&reports, &known, options.only)?;
    let workbook = table::build_workbook(&reports, questionnaire.as_deref());
    // The cells hold what is needed now; the answers would double the memory while writing.
    for report in &mut reports {
        report.answers = None;
    }

    let targets: Vec<(PathBuf, usize)> = match kind {
        Kind::Xlsx => vec![(output.to_owned(), 0)],
        Kind::Csv => workbook
            .sheets
            .iter()
            .enumerate()
            .map(|(i, sheet)| (csv_path(output, sheet.file_suffix.as_deref()), i))
            .collect(),
    };
    let input_paths: Vec<PathBuf> =
        inputs.iter().filter_map(|i| i.path.as_ref().ok()).filter_map(|p| p.canonicalize().ok()).collect();
    for (target, _) in &targets {
        check_target(target, &input_paths, options.force)?;
    }
    match kind {
        Kind::Xlsx => {
            let bytes = bogen_office::xlsx::workbook_xlsx(&workbook, &crate::now_rfc3339())?;
            write_replacing(output, &bytes)?;
        }
        Kind::Csv => {
            for (target, sheet) in &targets {
                write_replacing(target, &bogen_office::csv::sheet_csv(&workbook.sheets[*sheet]))?;
            }
            for stale in stale_csv_parts(output, &targets) {
                eprintln!(
                    "{}",
                    crate::terminal::printable(&format!(
                        "note: {} is from an earlier export (this one has no such sheet) and was left as it is; \
                         delete it if it is not needed",
                        stale.display()
                    ))
                );
            }
        }
    }

    for report in &reports {
        if !matches!(report.status, Status::Valid) {
            println!("{}", crate::verify::line(report));
        }
    }
    println!("{}", written(&workbook, &reports, questionnaire.as_deref(), &targets, kind));
    println!("{}", crate::verify::summary(&reports));
    crate::verify::print_hints(&reports);
    let counts = batch::count(&reports);
    Ok(if counts.invalid > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The questionnaire whose submissions are exported (see the module doc).
fn choose(
    reports: &[FileReport],
    known: &KnownQuestionnaires,
    only: Option<&str>,
) -> anyhow::Result<Option<Arc<Questionnaire>>> {
    let answered = table::questionnaires_answered(reports);
    let listing = |list: &[(Arc<Questionnaire>, usize)]| {
        list.iter()
            .map(|(q, n)| format!("  {}@{} ({n} submission{})", q.id, q.version, if *n == 1 { "" } else { "s" }))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let Some(only) = only else {
        return match answered.len() {
            0 | 1 => Ok(answered.into_iter().next().map(|(q, _)| q)),
            _ => bail!(
                "the valid submissions answer {} questionnaires, and one spreadsheet holds one (its questions are the columns):\n{}\nchoose one with --only ID@VERSION",
                answered.len(),
                listing(&answered)
            ),
        };
    };
    let (id, version) = match only.split_once('@') {
        Some((id, version)) => (id, Some(version)),
        None => (only, None),
    };
    let fits = |q: &Questionnaire| q.id == id && version.is_none_or(|v| q.version == v);
    let mut candidates: Vec<(Arc<Questionnaire>, usize)> =
        answered.iter().filter(|(q, _)| fits(q)).map(|(q, n)| (Arc::clone(q), *n)).collect();
    if candidates.is_empty() {
        candidates = known.list().iter().filter(|q| fits(q)).map(|q| (Arc::clone(q), 0)).collect();
    }
    match candidates.len() {
        1 => Ok(candidates.pop().map(|(q, _)| q)),
        0 => bail!(
            "--only {only}: no valid submission answers it and it is not a known questionnaire; the valid submissions answer:\n{}",
            if answered.is_empty() { "  (none)".to_owned() } else { listing(&answered) }
        ),
        _ => bail!("--only {only}: several versions fit; name one:\n{}", listing(&candidates)),
    }
}

/// `OUT.csv` for the main sheet, `OUT.<suffix>.csv` for the others.
fn csv_path(output: &Path, suffix: Option<&str>) -> PathBuf {
    match suffix {
        None => output.to_owned(),
        Some(suffix) => {
            let stem = output.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            output.with_file_name(format!("{stem}.{suffix}.csv"))
        }
    }
}

/// Files `OUT.<part>.csv` beside `output` that this export did not write: parts of an earlier
/// export with sheets this one has not (`--force` replaces only the files it writes).
fn stale_csv_parts(output: &Path, targets: &[(PathBuf, usize)]) -> Vec<PathBuf> {
    let stem = output.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let is_part = |name: &str| {
        let part = name.strip_prefix(&format!("{stem}.")).and_then(|rest| rest.strip_suffix(".csv"));
        part.is_some_and(|part| !part.is_empty() && !part.contains('.'))
    };
    // Named as the targets are (`csv_path`: beside `output`, as it was given), to compare and show.
    let mut stale: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| is_part(&entry.file_name().to_string_lossy()))
        .map(|entry| output.with_file_name(entry.file_name()))
        .filter(|path| !targets.iter().any(|(target, _)| target == path))
        .collect();
    stale.sort();
    stale
}

fn check_target(target: &Path, inputs: &[PathBuf], force: bool) -> anyhow::Result<()> {
    // Said before anything is written, and about the folder, not the temporary file's name.
    let folder = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !folder.is_dir() {
        bail!(
            "{}: the folder {} does not exist; create it first, or choose another -o",
            target.display(),
            folder.display()
        );
    }
    if !target.exists() {
        return Ok(());
    }
    let canonical = target.canonicalize().with_context(|| format!("could not resolve {}", target.display()))?;
    if inputs.contains(&canonical) {
        bail!("{} is one of the input files; it is never overwritten: choose another -o", target.display());
    }
    if target.is_dir() {
        bail!("{} is a folder; give a file name with -o", target.display());
    }
    if !force {
        bail!("{} exists already; give --force to replace it, or choose another -o", target.display());
    }
    Ok(())
}

/// Writes `bytes` to a temporary file beside `target`, then renames it over `target`.
fn write_replacing(target: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    if let Err(e) = std::fs::write(&temporary, bytes) {
        let _ = std::fs::remove_file(&temporary);
        bail!(
            "could not write {} (through the temporary file {}): {e}; check that the folder is writable and has room",
            target.display(),
            temporary.display()
        );
    }
    std::fs::rename(&temporary, target).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        anyhow::anyhow!("could not write {}: {e}", target.display())
    })
}

/// `wrote out.xlsx: 9,500 submissions of … (sheets: …)`.
fn written(
    workbook: &Workbook,
    reports: &[FileReport],
    questionnaire: Option<&Questionnaire>,
    targets: &[(PathBuf, usize)],
    kind: Kind,
) -> String {
    let rows = workbook.sheets.first().map_or(0, |s| s.rows.len().saturating_sub(table::HEADER_ROWS));
    let of = questionnaire.map(|q| format!(" of {} {}", q.id, q.version)).unwrap_or_default();
    let not_exported = reports.iter().filter(|r| r.status == Status::Valid).count() - rows;
    let other = if not_exported > 0 {
        format!(
            "; {not_exported} valid submission{} of other questionnaires {} not in it",
            if not_exported == 1 { "" } else { "s" },
            if not_exported == 1 { "is" } else { "are" }
        )
    } else {
        String::new()
    };
    match kind {
        Kind::Xlsx => {
            let sheets: Vec<&str> = workbook.sheets.iter().map(|s| s.name.as_str()).collect();
            format!(
                "wrote {}: {rows} submission{}{of} (sheets: {}){other}",
                targets[0].0.display(),
                if rows == 1 { "" } else { "s" },
                sheets.join(", ")
            )
        }
        Kind::Csv => {
            let files: Vec<String> = targets.iter().map(|(p, _)| p.display().to_string()).collect();
            format!("wrote {rows} submission{}{of} to {}{other}", if rows == 1 { "" } else { "s" }, files.join(", "))
        }
    }
}
