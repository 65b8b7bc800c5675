//! The export as data: a [`Workbook`] of [`Sheet`]s of rows of typed [`Cell`]s, built from the
//! verified reports of one questionnaire. The CSV and XLSX writers only lay it out.
//!
//! Sheets (each with two header rows: the ids, then German labels):
//!
//! - **Einreichungen**: one row per valid, not superseded submission of the questionnaire, in
//!   input order: file, municipality, kind, fingerprint, time of signing, short digest, then one
//!   column per top-level question in questionnaire order (a matrix has one column per row, a
//!   repeat group one column with its number of records).
//! - one sheet per **repeat group**, named after the group's id: one row per record, keyed by
//!   file and municipality, with the record's number and one column per field.
//! - **Dateien**: every input with its status, whether it is in the tables, which file
//!   supersedes it, and the reason it is invalid.
//!
//! How answers become cells: numbers (also calculated values) stay numbers; yes/no is the text
//! `ja`/`nein` (the same in CSV and XLSX, and what a German reader expects); a choice is its
//! option's *label* in the questionnaire's default language, since that is what the jury reads
//! (the values are in the questionnaire file); a multiple choice is its labels joined by `"; "`,
//! then `Sonstiges: <text>`; a matrix cell is the scale label; dates are text `YYYY-MM-DD`.
//! Text stays as the respondent wrote it: neutralising what a spreadsheet would read as a
//! formula is the writers' job ([`crate::csv::neutralise`]).

use crate::batch::{FileReport, Status};
use bogen_engine::{Lang, Question, QuestionKind, Questionnaire};
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing (an unanswered question).
    Empty,
    /// Text as it was written.
    Text(String),
    /// A number.
    Number(f64),
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    fn optional(text: Option<&str>) -> Cell {
        text.map_or(Cell::Empty, Cell::text)
    }
}

/// A sheet: the first [`HEADER_ROWS`] rows are headers, the rest data.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name: at most 31 characters, none of `[]:*?/\`, unique in the workbook
    /// ignoring case (Excel's rules).
    pub name: String,
    /// For CSV: `None` for the main sheet (written to `OUT.csv`), else the part of the file name
    /// (`OUT.<suffix>.csv`): lowercase, unique in the workbook.
    pub file_suffix: Option<String>,
    /// Header rows, then data rows; every row has the same number of cells.
    pub rows: Vec<Vec<Cell>>,
}

/// How many header rows every sheet has: ids, then labels.
pub const HEADER_ROWS: usize = 2;

/// The name of the main sheet.
pub const SUBMISSIONS_SHEET: &str = "Einreichungen";

/// The name of the sheet listing every input.
pub const FILES_SHEET: &str = "Dateien";

/// The suffix of the CSV file listing every input (`OUT.dateien.csv`).
pub const FILES_SUFFIX: &str = "dateien";

/// A workbook: the main sheet first, the repeat groups in questionnaire order, the list of files last.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    /// A title for the document's properties, e.g. "Einreichungen: erfolgreiche-integration-2005 1.0.0".
    pub title: String,
    /// The sheets.
    pub sheets: Vec<Sheet>,
}

/// The questionnaires the valid, not superseded submissions answer, each with how many
/// submissions answer it, in the order they first appear. One workbook holds one of them.
pub fn questionnaires_answered(reports: &[FileReport]) -> Vec<(Arc<Questionnaire>, usize)> {
    let mut found: Vec<(Arc<Questionnaire>, usize)> = Vec::new();
    for report in reports {
        let (Status::Valid, Some(answers)) = (&report.status, &report.answers) else {
            continue;
        };
        match found.iter_mut().find(|(q, _)| same_questionnaire(q, &answers.questionnaire)) {
            Some((_, n)) => *n += 1,
            None => found.push((Arc::clone(&answers.questionnaire), 1)),
        }
    }
    found
}

fn same_questionnaire(a: &Questionnaire, b: &Questionnaire) -> bool {
    a.id == b.id && a.version == b.version && a.sha256 == b.sha256
}

/// A column of the main sheet or of a group sheet, taken from a question.
struct Column<'q> {
    id: String,
    label: String,
    question: &'q Question,
    part: Part<'q>,
}

enum Part<'q> {
    /// The whole answer.
    Answer,
    /// One row of a matrix.
    MatrixRow(&'q str),
    /// The number of records of a repeat group.
    RecordCount,
}

/// `group_sheets`: each repeat group's sheet name and CSV file suffix.
fn columns_of<'q>(
    questions: &'q [Question],
    lang: Lang,
    group_sheets: &[(String, String, &Question)],
) -> Vec<Column<'q>> {
    let mut columns = Vec::new();
    for question in questions {
        let label = question.label.get(lang);
        match &question.kind {
            QuestionKind::Matrix { rows, .. } => {
                for row in rows {
                    columns.push(Column {
                        id: format!("{}.{}", question.id, row.value),
                        label: format!("{label} – {}", row.label.get(lang)),
                        question,
                        part: Part::MatrixRow(&row.value),
                    });
                }
            }
            QuestionKind::Repeat { .. } => {
                let (sheet, suffix) = group_sheets
                    .iter()
                    .find(|(_, _, q)| std::ptr::eq(*q, question))
                    .map_or((question.id.0.as_str(), question.id.0.as_str()), |(name, suffix, _)| {
                        (name.as_str(), suffix.as_str())
                    });
                // The CSV export names its file after the suffix, which can differ from the
                // sheet's name (Excel's 31 characters, a clash with "Dateien"): name both then.
                let see = if sheet == suffix {
                    format!("siehe Blatt {sheet}")
                } else {
                    format!("siehe Blatt {sheet}, als CSV die Datei ….{suffix}.csv")
                };
                columns.push(Column {
                    id: question.id.0.clone(),
                    label: format!("{label} (Anzahl; {see})"),
                    question,
                    part: Part::RecordCount,
                });
            }
            _ => columns.push(Column {
                id: question.id.0.clone(),
                label: label.to_owned(),
                question,
                part: Part::Answer,
            }),
        }
    }
    columns
}

fn column_cell(column: &Column<'_>, answers: &BTreeMap<String, Json>, lang: Lang) -> Cell {
    let value = answers.get(&column.question.id.0);
    match column.part {
        Part::Answer => answer_cell(column.question, value, lang),
        Part::MatrixRow(row) => match value.and_then(|v| v.get(row)) {
            Some(Json::String(scale)) => Cell::text(option_label(&column.question.kind, scale, lang)),
            other => json_cell(other),
        },
        Part::RecordCount => match value {
            Some(Json::Array(records)) if records.is_empty() => Cell::Empty,
            Some(Json::Array(records)) => Cell::Number(records.len() as f64),
            other => json_cell(other),
        },
    }
}

/// One answer as one cell, by the question's type (see the module doc). A value that does not
/// have the type's JSON form (which a valid submission never has) is shown as its JSON text.
pub fn answer_cell(question: &Question, value: Option<&Json>, lang: Lang) -> Cell {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Cell::Empty;
    };
    match (&question.kind, value) {
        (QuestionKind::Number { .. } | QuestionKind::Calculated { .. }, Json::Number(n)) => {
            n.as_f64().map_or_else(|| Cell::text(n.to_string()), Cell::Number)
        }
        (QuestionKind::YesNo, Json::Bool(b)) => Cell::text(if *b { "ja" } else { "nein" }),
        (QuestionKind::SingleChoice { .. }, Json::String(v)) => Cell::text(option_label(&question.kind, v, lang)),
        (QuestionKind::MultipleChoice { .. }, Json::Array(selected)) => {
            multiple_choice_cell(&question.kind, selected, None, lang)
        }
        (QuestionKind::MultipleChoice { .. }, Json::Object(map)) => match map.get("selected") {
            Some(Json::Array(selected)) => {
                multiple_choice_cell(&question.kind, selected, map.get("other").and_then(Json::as_str), lang)
            }
            _ => json_cell(Some(value)),
        },
        (QuestionKind::Repeat { .. }, Json::Array(records)) => Cell::Number(records.len() as f64),
        (QuestionKind::Text { .. } | QuestionKind::Date { .. }, Json::String(text)) if text.is_empty() => Cell::Empty,
        (QuestionKind::Text { .. } | QuestionKind::Date { .. }, Json::String(text)) => Cell::text(text.as_str()),
        _ => json_cell(Some(value)),
    }
}

/// The choices in the questionnaire's order of options (the app writes them in the order they
/// were ticked), so that equal answers read alike down a column.
fn multiple_choice_cell(kind: &QuestionKind, selected: &[Json], other: Option<&str>, lang: Lang) -> Cell {
    let options = kind.options();
    let position = |v: &Json| v.as_str().and_then(|v| options.iter().position(|o| o.value == v)).unwrap_or(usize::MAX);
    let mut in_order: Vec<&Json> = selected.iter().collect();
    in_order.sort_by_key(|v| position(v));
    let mut parts: Vec<String> =
        in_order.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), |v| option_label(kind, v, lang))).collect();
    if let Some(other) = other.filter(|o| !o.trim().is_empty()) {
        parts.push(format!("Sonstiges: {other}"));
    }
    if parts.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(parts.join("; "))
    }
}

/// The label of an option (a matrix's scale value), or the value itself if no option has it.
fn option_label(kind: &QuestionKind, value: &str, lang: Lang) -> String {
    kind.options().iter().find(|o| o.value == value).map_or_else(|| value.to_owned(), |o| o.label.get(lang).to_owned())
}

fn json_cell(value: Option<&Json>) -> Cell {
    match value {
        None | Some(Json::Null) => Cell::Empty,
        Some(Json::String(text)) => Cell::text(text.as_str()),
        Some(Json::Number(n)) => n.as_f64().map_or(Cell::Empty, Cell::Number),
        Some(other) => Cell::Text(other.to_string()),
    }
}

/// Gives out sheet names and file suffixes that follow Excel's rules and do not clash.
struct Names {
    sheets: Vec<String>,
    suffixes: Vec<String>,
}

impl Names {
    fn new() -> Names {
        // "History" is reserved by Excel.
        Names { sheets: vec!["history".to_owned()], suffixes: Vec::new() }
    }

    fn sheet(&mut self, wanted: &str) -> String {
        let clean: String = wanted
            .chars()
            .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { '_' } else { c })
            .collect();
        let clean = clean.trim_matches('\'');
        let clean = if clean.is_empty() { "Blatt" } else { clean };
        let mut n = 1;
        loop {
            let tail = if n == 1 { String::new() } else { format!(" ({n})") };
            let head: String = clean.chars().take(31 - tail.chars().count()).collect();
            let name = format!("{head}{tail}");
            if !self.sheets.contains(&name.to_lowercase()) {
                self.sheets.push(name.to_lowercase());
                return name;
            }
            n += 1;
        }
    }

    fn suffix(&mut self, wanted: &str) -> String {
        let clean: String = wanted
            .chars()
            .map(|c| c.to_ascii_lowercase())
            .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '_' | '-') { c } else { '_' })
            .collect();
        let mut n = 1;
        loop {
            let name = if n == 1 { clean.clone() } else { format!("{clean}_{n}") };
            if !self.suffixes.contains(&name) {
                self.suffixes.push(name.clone());
                return name;
            }
            n += 1;
        }
    }
}

fn header(columns: &[(&str, &str)]) -> Vec<Vec<Cell>> {
    vec![
        columns.iter().map(|(id, _)| Cell::text(*id)).collect(),
        columns.iter().map(|(_, label)| Cell::text(*label)).collect(),
    ]
}

/// Builds the workbook of the submissions of `questionnaire` among `reports` (after
/// [`crate::batch::settle`]). Without a questionnaire (when no submission is valid) the main
/// sheet has only the columns that every submission has.
pub fn build_workbook(reports: &[FileReport], questionnaire: Option<&Questionnaire>) -> Workbook {
    let lang = questionnaire.map_or(Lang::De, Questionnaire::default_lang);
    let mut names = Names::new();
    let main_name = names.sheet(SUBMISSIONS_SHEET);
    // Reserve the list of files first, so that a group called "dateien" gets another name.
    let files_name = names.sheet(FILES_SHEET);
    let files_suffix = names.suffix(FILES_SUFFIX);
    let questions: &[Question] = questionnaire.map_or(&[], |q| &q.questions);
    let groups: Vec<(String, String, &Question)> = questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Repeat { .. }))
        .map(|q| (names.sheet(&q.id.0), names.suffix(&q.id.0), q))
        .collect();
    let group_sheets: Vec<(String, String, &Question)> =
        groups.iter().map(|(name, suffix, q)| (name.clone(), suffix.clone(), *q)).collect();
    let columns = columns_of(questions, lang, &group_sheets);

    let fixed = [
        ("file", "Datei"),
        ("municipality", "Kommune"),
        ("kind", "Art"),
        ("fingerprint", "Fingerabdruck"),
        ("createdAt", "Erstellt (UTC)"),
        ("digest", "Prüfsumme"),
    ];
    let mut main = header(&fixed);
    for column in &columns {
        main[0].push(Cell::text(column.id.as_str()));
        main[1].push(Cell::text(column.label.as_str()));
    }
    let mut group_rows: Vec<Vec<Vec<Cell>>> = groups
        .iter()
        .map(|(_, _, group)| {
            let fields: &[Question] = match &group.kind {
                QuestionKind::Repeat { fields, .. } => fields,
                _ => &[],
            };
            let mut rows = header(&[("file", "Datei"), ("municipality", "Kommune"), ("record", "Nr.")]);
            for field in fields {
                rows[0].push(Cell::text(field.id.0.as_str()));
                rows[1].push(Cell::text(field.label.get(lang)));
            }
            rows
        })
        .collect();

    let in_table = |report: &FileReport| {
        report.status == Status::Valid
            && questionnaire
                .zip(report.answers.as_ref())
                .is_some_and(|(q, answers)| same_questionnaire(q, &answers.questionnaire))
    };
    for report in reports.iter().filter(|r| in_table(r)) {
        let Some(answers) = &report.answers else { continue };
        let values = &answers.values;
        let municipality = Cell::optional(report.municipality.as_deref());
        let mut row = vec![
            Cell::text(report.file.as_str()),
            municipality.clone(),
            Cell::optional(report.kind.as_deref()),
            Cell::optional(report.fingerprint.as_deref()),
            Cell::optional(report.created_at.as_deref()),
            Cell::optional(report.short_digest().as_deref()),
        ];
        row.extend(columns.iter().map(|column| column_cell(column, values, lang)));
        main.push(row);
        for ((_, _, group), rows) in groups.iter().zip(&mut group_rows) {
            let (Some(Json::Array(records)), QuestionKind::Repeat { fields, .. }) =
                (values.get(&group.id.0), &group.kind)
            else {
                continue;
            };
            for (n, record) in records.iter().enumerate() {
                let mut row =
                    vec![Cell::text(report.file.as_str()), municipality.clone(), Cell::Number((n + 1) as f64)];
                row.extend(fields.iter().map(|field| answer_cell(field, record.get(&field.id.0), lang)));
                rows.push(row);
            }
        }
    }

    let mut sheets = vec![Sheet { name: main_name, file_suffix: None, rows: main }];
    for ((name, suffix, _), rows) in groups.into_iter().zip(group_rows) {
        sheets.push(Sheet { name, file_suffix: Some(suffix), rows });
    }
    sheets.push(Sheet { name: files_name, file_suffix: Some(files_suffix), rows: files_rows(reports, &in_table) });
    let title = match questionnaire {
        Some(q) => format!("{SUBMISSIONS_SHEET}: {} {}", q.id, q.version),
        None => SUBMISSIONS_SHEET.to_owned(),
    };
    Workbook { title, sheets }
}

fn files_rows(reports: &[FileReport], in_table: &dyn Fn(&FileReport) -> bool) -> Vec<Vec<Cell>> {
    let mut rows = header(&[
        ("file", "Datei"),
        ("status", "Status"),
        ("inTable", "In der Tabelle"),
        ("supersededBy", "Ersetzt durch"),
        ("reason", "Grund"),
        ("message", "Meldung"),
        ("fingerprint", "Fingerabdruck"),
        ("questionnaire", "Fragebogen"),
        ("version", "Version"),
        ("municipality", "Kommune"),
        ("kind", "Art"),
        ("createdAt", "Erstellt (UTC)"),
        ("digest", "Prüfsumme"),
    ]);
    for report in reports {
        let listed = in_table(report);
        let (status, superseded_by, reason, message) = match &report.status {
            Status::Valid if listed => ("gültig", None, None, None),
            Status::Valid => {
                let other =
                    report.questionnaire.as_ref().map(|q| format!("{} {}", q.id, q.version)).unwrap_or_default();
                (
                    "gültig",
                    None,
                    None,
                    Some(format!("not in this workbook: it answers another questionnaire ({other})")),
                )
            }
            Status::Superseded { by } => (
                "ersetzt",
                Some(by.as_str()),
                None,
                Some(match &report.superseded_by_other_name {
                    None if report.superseded_as_copy => {
                        format!("a copy of {by}: the same answers, signed at the same time; they count once")
                    }
                    None => format!("superseded by {by}, signed later with the same key"),
                    Some(other) => format!(
                        "superseded by {by}, signed later with the same key but for another municipality ({other}): \
                         ask both which is meant"
                    ),
                }),
            ),
            Status::Invalid(invalid) => ("ungültig", None, Some(invalid.kind.code()), Some(invalid.to_string())),
        };
        rows.push(vec![
            Cell::text(report.file.as_str()),
            Cell::text(status),
            Cell::text(if listed { "ja" } else { "nein" }),
            Cell::optional(superseded_by),
            Cell::optional(reason),
            Cell::optional(message.as_deref()),
            Cell::optional(report.fingerprint.as_deref()),
            Cell::optional(report.questionnaire.as_ref().map(|q| q.id.as_str())),
            Cell::optional(report.questionnaire.as_ref().map(|q| q.version.as_str())),
            Cell::optional(report.municipality.as_deref()),
            Cell::optional(report.kind.as_deref()),
            Cell::optional(report.created_at.as_deref()),
            Cell::optional(report.short_digest().as_deref()),
        ]);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::{CheckedAnswers, Invalid, InvalidKind};
    use bogen_engine::submission::stamp_of;
    use serde_json::json;

    const DEFAULT: &str = include_str!("../../../questionnaire/erfolgreiche-integration-2005.json");

    fn default_questionnaire() -> Arc<Questionnaire> {
        Arc::new(bogen_engine::compile(DEFAULT).unwrap())
    }

    /// A report as `verify_file` makes it for a valid submission (the answers need not be
    /// complete here: only the table is tested).
    fn report(file: &str, questionnaire: &Arc<Questionnaire>, answers: Json) -> FileReport {
        let values: BTreeMap<String, Json> = serde_json::from_value(answers).unwrap();
        FileReport {
            file: file.to_owned(),
            status: Status::Valid,
            fingerprint: Some("AAAA-BBBB-CCCC-DDDD".to_owned()),
            questionnaire: Some(stamp_of(questionnaire)),
            municipality: values.get("municipality_name").and_then(Json::as_str).map(str::to_owned),
            kind: Some("Mittlere Stadt".to_owned()),
            created_at: Some("2004-09-29T14:05:00Z".to_owned()),
            digest: Some("0123456789abcdef".repeat(4)),
            answers: Some(CheckedAnswers { questionnaire: Arc::clone(questionnaire), values }),
            superseded_by_other_name: None,
            superseded_as_copy: false,
        }
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }

    fn cell<'a>(sheet: &'a Sheet, row: usize, column_id: &str) -> &'a Cell {
        let column = sheet.rows[0].iter().position(|c| *c == text(column_id)).unwrap_or_else(|| panic!("{column_id}"));
        &sheet.rows[row][column]
    }

    fn sheet<'a>(workbook: &'a Workbook, name: &str) -> &'a Sheet {
        workbook.sheets.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no sheet {name}"))
    }

    #[test]
    fn the_main_sheet_has_the_fixed_columns_then_one_per_question_in_questionnaire_order() {
        let questionnaire = default_questionnaire();
        let workbook = build_workbook(&[], Some(&questionnaire));
        let main = &workbook.sheets[0];
        assert_eq!(main.name, "Einreichungen");
        assert_eq!(main.file_suffix, None);
        assert_eq!(main.rows.len(), HEADER_ROWS, "no submissions, only the headers");
        let ids: Vec<&str> = main.rows[0].iter().map(|c| if let Cell::Text(t) = c { t.as_str() } else { "" }).collect();
        assert_eq!(
            ids[..8],
            [
                "file",
                "municipality",
                "kind",
                "fingerprint",
                "createdAt",
                "digest",
                "application_round",
                "municipality_name"
            ]
        );
        assert_eq!(ids.last(), Some(&"declaration_date"));
        // A matrix has a column per row, right where the matrix stands.
        let at = |id: &str| ids.iter().position(|i| *i == id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(at("cooperation.schulen"), at("integration_networks") + 1);
        assert_eq!(at("cooperation.arbeitsverwaltung"), at("cooperation.schulen") + 1);
        let n_matrix_rows = 8 + 6;
        assert_eq!(ids.len(), 6 + questionnaire.questions.len() - 2 + n_matrix_rows);
        // Every question once, in document order.
        let question_ids: Vec<&str> = questionnaire.questions.iter().map(|q| q.id.0.as_str()).collect();
        let mut seen: Vec<&str> = ids[6..].iter().map(|id| id.split('.').next().unwrap()).collect();
        seen.dedup();
        assert_eq!(seen, question_ids);
        // Row 2: the German labels.
        assert_eq!(cell(main, 1, "municipality_name"), &text("Name der Kommune"));
        assert_eq!(
            cell(main, 1, "cooperation.schulen"),
            &text("Wie eng arbeiten Sie in Fragen der Integration mit diesen Partnern zusammen? – Schulen und Kindergärten")
        );
        assert_eq!(
            cell(main, 1, "measures"),
            &text("Welche Integrationsmaßnahmen führt Ihre Kommune durch? (Anzahl; siehe Blatt measures)")
        );
        assert_eq!(cell(main, 1, "file"), &text("Datei"));
        let names: Vec<&str> = workbook.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Einreichungen", "integration_networks", "measures", "result_indicators", "Dateien"]);
        let suffixes: Vec<Option<&str>> = workbook.sheets.iter().map(|s| s.file_suffix.as_deref()).collect();
        assert_eq!(
            suffixes,
            [None, Some("integration_networks"), Some("measures"), Some("result_indicators"), Some("dateien")]
        );
        assert_eq!(workbook.title, "Einreichungen: erfolgreiche-integration-2005 1.0.0");
    }

    #[test]
    fn every_answer_type_becomes_a_readable_cell() {
        let questionnaire = default_questionnaire();
        let answers = json!({
            "municipality_name": "Solingen",
            "municipality_kind": "mittlere_stadt",
            "inhabitants": 163000,
            "unemployment_rate": 12.5,
            "foreign_share": 13.9,
            "contact_email": "integration@solingen.de",
            "municipality_website": "https://www.solingen.de",
            "contact_phone": "+49 212 290-0",
            "statistics_date": "2003-12-31",
            "policy_history": "Seit 1990.\nZweite Zeile, mit \"Anführungszeichen\".",
            "resettlers_statistics": true,
            "youth_statistics": false,
            "info_languages": ["arabisch", "tuerkisch", "russisch"],
            "training_areas": {"selected": ["soziales"], "other": "Standesamt"},
            "indicators_used": {"selected": [], "other": "Wahlbeteiligung"},
            "cooperation": {"schulen": "eng", "polizei": "keine"},
            "measures": [{"title": "Mama lernt Deutsch", "field": "sprache", "budget": 12000, "evaluated": true}, {"title": "=1+1", "field": "bildung", "evaluated": false}],
            "integration_networks": [],
        });
        let workbook = build_workbook(&[report("solingen.json", &questionnaire, answers)], Some(&questionnaire));
        let main = &workbook.sheets[0];
        let expected = [
            ("file", text("solingen.json")),
            ("municipality", text("Solingen")),
            ("kind", text("Mittlere Stadt")),
            ("fingerprint", text("AAAA-BBBB-CCCC-DDDD")),
            ("createdAt", text("2004-09-29T14:05:00Z")),
            ("digest", text("0123 4567 89ab cdef")),
            ("municipality_name", text("Solingen")),
            ("municipality_kind", text("Mittlere Stadt")),
            ("inhabitants", Cell::Number(163000.0)),
            ("unemployment_rate", Cell::Number(12.5)),
            ("foreign_share", Cell::Number(13.9)),
            ("contact_email", text("integration@solingen.de")),
            ("municipality_website", text("https://www.solingen.de")),
            ("contact_phone", text("+49 212 290-0")),
            ("statistics_date", text("2003-12-31")),
            ("policy_history", text("Seit 1990.\nZweite Zeile, mit \"Anführungszeichen\".")),
            ("resettlers_statistics", text("ja")),
            ("youth_statistics", text("nein")),
            // In the questionnaire's order, not in the order they were ticked.
            ("info_languages", text("Türkisch; Russisch; Arabisch")),
            ("training_areas", text("Sozialamt; Sonstiges: Standesamt")),
            ("indicators_used", text("Sonstiges: Wahlbeteiligung")),
            ("cooperation.schulen", text("Eng und verbindlich")),
            ("cooperation.polizei", text("Keine Zusammenarbeit")),
            ("cooperation.arbeitsverwaltung", Cell::Empty),
            ("measures", Cell::Number(2.0)),
            ("integration_networks", Cell::Empty),
            ("application_round", Cell::Empty),
        ];
        for (id, want) in expected {
            assert_eq!(cell(main, 2, id), &want, "{id}");
        }
        let measures = sheet(&workbook, "measures");
        assert_eq!(measures.rows.len(), HEADER_ROWS + 2);
        assert_eq!(
            measures.rows[1][..4],
            [text("Datei"), text("Kommune"), text("Nr."), text("Wie heißt die Maßnahme?")]
        );
        assert_eq!(cell(measures, 2, "file"), &text("solingen.json"));
        assert_eq!(cell(measures, 2, "municipality"), &text("Solingen"));
        assert_eq!(cell(measures, 2, "record"), &Cell::Number(1.0));
        assert_eq!(cell(measures, 2, "field"), &text("Sprache"));
        assert_eq!(cell(measures, 2, "budget"), &Cell::Number(12000.0));
        assert_eq!(cell(measures, 2, "evaluated"), &text("ja"));
        assert_eq!(cell(measures, 2, "field_other"), &Cell::Empty);
        assert_eq!(cell(measures, 3, "record"), &Cell::Number(2.0));
        assert_eq!(cell(measures, 3, "title"), &text("=1+1"), "text stays as written; the writers neutralise it");
        assert_eq!(sheet(&workbook, "integration_networks").rows.len(), HEADER_ROWS);
    }

    #[test]
    fn a_value_without_its_types_json_form_is_shown_as_its_json_text() {
        let questionnaire = default_questionnaire();
        let question = |id: &str| questionnaire.question(questionnaire.question_idx(id).unwrap());
        assert_eq!(answer_cell(question("municipality_name"), Some(&json!(12)), Lang::De), Cell::Number(12.0));
        assert_eq!(answer_cell(question("inhabitants"), Some(&json!("12a")), Lang::De), text("12a"));
        assert_eq!(answer_cell(question("resettlers_statistics"), Some(&json!([1])), Lang::De), text("[1]"));
        assert_eq!(answer_cell(question("municipality_kind"), Some(&json!("dorf")), Lang::De), text("dorf"));
        assert_eq!(answer_cell(question("municipality_kind"), None, Lang::De), Cell::Empty);
        assert_eq!(answer_cell(question("municipality_kind"), Some(&Json::Null), Lang::De), Cell::Empty);
        assert_eq!(
            answer_cell(question("municipality_kind"), Some(&json!("grossstadt")), Lang::En),
            text("Large city"),
            "labels in the language asked for"
        );
    }

    #[test]
    fn only_valid_not_superseded_submissions_of_the_chosen_questionnaire_are_rows_and_every_file_is_listed() {
        let questionnaire = default_questionnaire();
        let other =
            Arc::new(bogen_engine::compile(include_str!("../../../questionnaire/examples/kita-umfrage.json")).unwrap());
        let mut superseded = report("old.json", &questionnaire, json!({"municipality_name": "Belm"}));
        superseded.status = Status::Superseded { by: "new.json".to_owned() };
        let mut invalid = report("broken.json", &questionnaire, json!({}));
        invalid.status = Status::Invalid(Invalid {
            kind: InvalidKind::AnswersDoNotFit,
            message: "the answers do not fit".to_owned(),
            problems: vec!["\"a\": x".to_owned(), "\"b\": y".to_owned()],
            cause: Default::default(),
        });
        invalid.answers = None;
        let reports = vec![
            superseded,
            report("new.json", &questionnaire, json!({"municipality_name": "Belm"})),
            invalid,
            report("kita.json", &other, json!({"district": "nord"})),
        ];
        let answered = questionnaires_answered(&reports);
        assert_eq!(
            answered.iter().map(|(q, n)| (q.id.as_str(), *n)).collect::<Vec<_>>(),
            [("erfolgreiche-integration-2005", 1), ("kita-umfrage", 1)]
        );
        let workbook = build_workbook(&reports, Some(&questionnaire));
        let main = &workbook.sheets[0];
        assert_eq!(main.rows.len(), HEADER_ROWS + 1);
        assert_eq!(cell(main, 2, "file"), &text("new.json"));
        let files = sheet(&workbook, "Dateien");
        assert_eq!(files.file_suffix.as_deref(), Some("dateien"));
        let column = |id: &str| -> Vec<Cell> { (2..files.rows.len()).map(|r| cell(files, r, id).clone()).collect() };
        assert_eq!(column("file"), [text("old.json"), text("new.json"), text("broken.json"), text("kita.json")]);
        assert_eq!(column("status"), [text("ersetzt"), text("gültig"), text("ungültig"), text("gültig")]);
        assert_eq!(column("inTable"), [text("nein"), text("ja"), text("nein"), text("nein")]);
        assert_eq!(column("supersededBy"), [text("new.json"), Cell::Empty, Cell::Empty, Cell::Empty]);
        assert_eq!(column("reason"), [Cell::Empty, Cell::Empty, text("answers-do-not-fit"), Cell::Empty]);
        assert_eq!(
            column("message"),
            [
                text("superseded by new.json, signed later with the same key"),
                Cell::Empty,
                text("the answers do not fit: \"a\": x; \"b\": y"),
                text("not in this workbook: it answers another questionnaire (kita-umfrage 1.0.0)"),
            ]
        );
        assert!(files.rows.iter().all(|row| row.len() == files.rows[0].len()));
        assert!(
            workbook.sheets.iter().all(|s| s.rows.iter().all(|row| row.len() == s.rows[0].len())),
            "rectangular sheets"
        );
    }

    #[test]
    fn without_a_questionnaire_the_main_sheet_has_only_the_fixed_columns() {
        let workbook = build_workbook(&[], None);
        let names: Vec<&str> = workbook.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Einreichungen", "Dateien"]);
        assert_eq!(workbook.sheets[0].rows[0].len(), 6);
    }

    #[test]
    fn a_group_column_names_the_csv_file_where_it_differs_from_the_sheet() {
        let questionnaire = bogen_engine::compile(
            r#"{"formatVersion": 1, "id": "k", "version": "1", "title": "K", "sections": [{"id": "s", "title": "S",
            "questions": [
              {"id": "dateien", "type": "repeat", "label": "D", "fields": [{"id": "a", "type": "text", "label": "A"}]},
              {"id": "massnahmen", "type": "repeat", "label": "M", "fields": [{"id": "b", "type": "text", "label": "B"}]}
            ]}]}"#,
        )
        .unwrap();
        let workbook = build_workbook(&[], Some(&questionnaire));
        let main = &workbook.sheets[0];
        assert_eq!(
            cell(main, 1, "dateien"),
            &text("D (Anzahl; siehe Blatt dateien (2), als CSV die Datei ….dateien_2.csv)")
        );
        assert_eq!(cell(main, 1, "massnahmen"), &text("M (Anzahl; siehe Blatt massnahmen)"));
        let group = workbook.sheets.iter().find(|s| s.name == "dateien (2)").unwrap();
        assert_eq!(group.file_suffix.as_deref(), Some("dateien_2"));
    }

    #[test]
    fn sheet_names_follow_excels_rules_and_never_clash() {
        let mut names = Names::new();
        assert_eq!(names.sheet("Einreichungen"), "Einreichungen");
        assert_eq!(names.sheet("einreichungen"), "einreichungen (2)");
        assert_eq!(names.sheet("history"), "history (2)");
        assert_eq!(names.sheet("a_very_long_group_id_of_forty_characters"), "a_very_long_group_id_of_forty_c");
        assert_eq!(names.sheet("a_very_long_group_id_of_forty_characters_too"), "a_very_long_group_id_of_for (2)");
        assert_eq!(names.sheet("a[b]:c*d?e/f\\g"), "a_b__c_d_e_f_g");
        assert_eq!(names.sheet("''"), "Blatt");
        assert_eq!(names.suffix("dateien"), "dateien");
        assert_eq!(names.suffix("Dateien"), "dateien_2");
    }
}
