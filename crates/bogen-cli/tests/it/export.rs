//! `bogen export`: an XLSX that is a well-formed workbook with the expected sheets, CSV files with
//! a BOM, CRLF and neutralised formulas, supersession listed, outputs never overwritten by
//! accident, and submissions of several questionnaires.

use crate::campaign::{self, default_questionnaire, key, municipality};
use crate::{bogen, repo_root, TempDir};
use std::io::Read;
use std::sync::Arc;

const AT: &str = "2004-09-29T14:05:00Z";
const LATER: &str = "2004-09-30T08:00:00Z";
const FORMULA: &str = "=HYPERLINK(\"http://example.org\",\"hier\")";

/// Four files: `a.json` superseded by `b.json` (same key, signed later), `c.json` with an answer
/// that a spreadsheet would run as a formula, and `d.json` that is no JSON.
fn inbox(test: &str) -> TempDir {
    let dir = TempDir::new(test);
    let questionnaire = default_questionnaire();
    dir.write("a.json", campaign::submission(&questionnaire, 10, &key(10), AT));
    dir.write("b.json", campaign::submission(&questionnaire, 12, &key(10), LATER));
    let mut answers = campaign::answers(&questionnaire, 11);
    answers.insert("office_in_charge".into(), FORMULA.into());
    dir.write("c.json", campaign::sign(&questionnaire, &answers, &key(11), AT));
    dir.write("d.json", "nicht JSON");
    dir
}

fn zip_entry(archive: &mut zip::ZipArchive<std::fs::File>, name: &str) -> String {
    let mut text = String::new();
    archive.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_string(&mut text).unwrap();
    text
}

#[test]
fn an_xlsx_export_is_a_workbook_with_the_submissions_the_groups_and_the_files() {
    let dir = inbox("xlsx");
    let run = bogen(&dir.0, &["export", ".", "-o", "tabelle.xlsx"]);
    assert_eq!(run.code, 1, "d.json is invalid: {}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    // The inbox's two files of one key name two municipalities: the line says so.
    assert!(
        lines[0].starts_with("./a.json: valid, superseded by ./b.json, which names another municipality (Gießen 12; "),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("hint: a key that signed for two municipalities"), "{}", run.stderr);
    assert!(lines[1].starts_with("./d.json: invalid: not JSON: "), "{}", run.stdout);
    assert_eq!(
        lines[2],
        "wrote tabelle.xlsx: 2 submissions of erfolgreiche-integration-2005 1.0.0 (sheets: Einreichungen, integration_networks, measures, result_indicators, Dateien)"
    );
    assert_eq!(lines[3], "4 files: 2 valid, 1 superseded, 1 invalid");

    let mut archive = zip::ZipArchive::new(std::fs::File::open(dir.path("tabelle.xlsx")).unwrap()).unwrap();
    let workbook = zip_entry(&mut archive, "xl/workbook.xml");
    let names: Vec<&str> = workbook.split("<sheet name=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
    assert_eq!(names, ["Einreichungen", "integration_networks", "measures", "result_indicators", "Dateien"]);
    let main = zip_entry(&mut archive, "xl/worksheets/sheet1.xml");
    assert_eq!(main.matches("<row ").count(), 2 + 2, "two header rows and b.json and c.json");
    assert!(!main.contains("<f>"), "no cell is a formula");
    let files = zip_entry(&mut archive, "xl/worksheets/sheet5.xml");
    assert_eq!(files.matches("<row ").count(), 2 + 4, "every input is listed");
    let strings = zip_entry(&mut archive, "xl/sharedStrings.xml");
    for expected in [municipality(11), municipality(12), "Prüfsumme".to_owned(), "ersetzt".to_owned()] {
        assert!(strings.contains(&expected), "{expected} is not in the workbook");
    }
    // The formula-like answer is a text cell, as written (no apostrophe), whose style has
    // Excel's quote prefix, so that editing it keeps it text.
    let index = strings.split("<si>").skip(1).position(|s| s == format!("<t>{FORMULA}</t></si>")).unwrap();
    let cell = format!(" t=\"s\"><v>{index}</v></c>");
    let before = &main[..main.find(&cell).expect("the formula-like answer's cell")];
    let tag = &before[before.rfind("<c ").unwrap()..];
    let style: usize =
        tag.split(" s=\"").nth(1).expect("the cell has a style").split('"').next().unwrap().parse().unwrap();
    let styles = zip_entry(&mut archive, "xl/styles.xml");
    let cell_styles = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = cell_styles.split("<xf ").nth(style + 1).unwrap();
    assert!(xf.split('>').next().unwrap().contains("quotePrefix=\"1\""), "style {style}: {xf}");
}

/// Reads RFC 4180 CSV (after its BOM): rows of fields.
#[test]
fn answers_with_line_breaks_wrap_in_rows_as_high_as_their_lines() {
    let dir = TempDir::new("wrap");
    let questionnaire = default_questionnaire();
    let mut answers = campaign::answers(&questionnaire, 11);
    answers.insert("office_in_charge".into(), "Amt für Integration\nZimmer 12\nzweiter Stock".into());
    dir.write("c.json", campaign::sign(&questionnaire, &answers, &key(11), AT));
    let run = bogen(&dir.0, &["export", "c.json", "-o", "t.xlsx"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(dir.path("t.xlsx")).unwrap()).unwrap();
    let strings = zip_entry(&mut archive, "xl/sharedStrings.xml");
    let index = strings
        .split("<si>")
        .skip(1)
        .position(|s| s.contains("Amt für Integration\nZimmer 12"))
        .expect("the answer is in the workbook");
    let main = zip_entry(&mut archive, "xl/worksheets/sheet1.xml");
    let cell = format!(" t=\"s\"><v>{index}</v></c>");
    let before = &main[..main.find(&cell).expect("the answer's cell")];
    let tag = &before[before.rfind("<c ").unwrap()..];
    let style: usize =
        tag.split(" s=\"").nth(1).expect("the cell has a style").split('"').next().unwrap().parse().unwrap();
    let styles = zip_entry(&mut archive, "xl/styles.xml");
    let cell_styles = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = cell_styles.split("<xf ").nth(style + 1).unwrap();
    assert!(xf.contains("wrapText=\"1\""), "style {style}: {xf}");
    let row = &before[before.rfind("<row ").unwrap()..];
    let row = &row[..row.find('>').unwrap()];
    let height: f64 = row.split(" ht=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
    assert!(height >= 15.75 + 2.0 * 15.0, "three lines at least: {row}");
}

#[test]
fn an_output_in_a_folder_that_does_not_exist_is_refused_naming_the_folder() {
    let dir = TempDir::new("no-folder");
    dir.write("c.json", campaign::submission(&default_questionnaire(), 1, &key(1), AT));
    let run = bogen(&dir.0, &["export", "c.json", "-o", "fehlt/x.xlsx"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "bogen: fehlt/x.xlsx: the folder fehlt does not exist; create it first, or choose another -o\n"
    );
    assert!(!run.stderr.contains(".tmp"));
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("a BOM first");
    let mut rows = vec![vec![String::new()]];
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        let field = rows.last_mut().unwrap().last_mut().unwrap();
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => rows.last_mut().unwrap().push(String::new()),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF outside quotes");
                rows.push(vec![String::new()]);
            }
            (false, '\n') => panic!("a line ends in LF without CR"),
            (false, c) => field.push(c),
        }
    }
    assert_eq!(rows.pop(), Some(vec![String::new()]), "the last line ends in CRLF");
    rows
}

fn column<'a>(rows: &'a [Vec<String>], id: &str) -> Vec<&'a str> {
    let i = rows[0].iter().position(|c| c == id).unwrap_or_else(|| panic!("no column {id}"));
    rows[2..].iter().map(|row| row[i].as_str()).collect()
}

#[test]
fn a_csv_export_writes_one_file_per_sheet_with_bom_crlf_and_neutralised_formulas() {
    let dir = inbox("csv");
    let run = bogen(&dir.0, &["export", "a.json", "b.json", "c.json", "d.json", "-o", "out.csv"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("wrote 2 submissions of erfolgreiche-integration-2005 1.0.0 to out.csv, out.integration_networks.csv, out.measures.csv, out.result_indicators.csv, out.dateien.csv\n"),
        "{}",
        run.stdout
    );
    let read = |name: &str| std::fs::read_to_string(dir.path(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let main = parse_csv(&read("out.csv"));
    assert_eq!(main.len(), 2 + 2);
    assert!(main.iter().all(|row| row.len() == main[0].len()), "rectangular");
    assert_eq!(main[0][..3], ["file", "municipality", "kind"]);
    assert_eq!(main[1][..3], ["Datei", "Kommune", "Art"]);
    assert_eq!(column(&main, "file"), ["b.json", "c.json"]);
    assert_eq!(column(&main, "municipality"), [municipality(12), municipality(11)]);
    assert_eq!(column(&main, "office_in_charge")[1], format!("'{FORMULA}"));
    let questionnaire = default_questionnaire();
    let inhabitants = campaign::answers(&questionnaire, 12)["inhabitants"].to_string();
    assert_eq!(column(&main, "inhabitants")[0], inhabitants, "numbers as plain digits");
    assert!(read("out.csv").contains(&format!(",{inhabitants},")), "numbers are not quoted");

    let measures = parse_csv(&read("out.measures.csv"));
    let n_measures = |n: usize| campaign::answers(&questionnaire, n)["measures"].as_array().unwrap().len();
    assert_eq!(measures.len(), 2 + n_measures(12) + n_measures(11));
    assert_eq!(column(&measures, "file")[0], "b.json");
    assert_eq!(column(&measures, "record")[..2], ["1", "2"]);

    let files = parse_csv(&read("out.dateien.csv"));
    assert_eq!(column(&files, "file"), ["a.json", "b.json", "c.json", "d.json"]);
    assert_eq!(column(&files, "status"), ["ersetzt", "gültig", "gültig", "ungültig"]);
    assert_eq!(column(&files, "supersededBy"), ["b.json", "", "", ""]);
    assert_eq!(column(&files, "reason"), ["", "", "", "not-json"]);
    assert_eq!(column(&files, "inTable"), ["nein", "ja", "ja", "nein"]);
}

#[test]
fn an_existing_output_is_replaced_only_with_force_and_an_input_never() {
    let dir = inbox("overwrite");
    assert_eq!(bogen(&dir.0, &["export", "b.json", "-o", "out.xlsx"]).code, 0);
    let run = bogen(&dir.0, &["export", "b.json", "-o", "out.xlsx"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr, "bogen: out.xlsx exists already; give --force to replace it, or choose another -o\n");
    assert_eq!(bogen(&dir.0, &["export", "b.json", "c.json", "-o", "out.xlsx", "--force"]).code, 0);
    // A CSV export also checks the files beside the main one.
    dir.write("out.dateien.csv", "notes");
    let run = bogen(&dir.0, &["export", "b.json", "-o", "out.csv"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr, "bogen: out.dateien.csv exists already; give --force to replace it, or choose another -o\n");
    assert!(!dir.path("out.csv").exists(), "nothing is written when one target is refused");
    // A part of an earlier export that this one does not write is named, not silently left.
    dir.write("out.alte_gruppe.csv", "from an earlier export");
    dir.write("out.notes.csv.bak", "not a part");
    let run = bogen(&dir.0, &["export", "b.json", "-o", "out.csv", "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "note: out.alte_gruppe.csv is from an earlier export (this one has no such sheet) and was left as it is"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("note:").count(), 1, "{}", run.stderr);
    // An input, even when its name ends in .csv, is never replaced.
    let input = std::fs::read(dir.path("b.json")).unwrap();
    dir.write("b.csv", &input);
    let run = bogen(&dir.0, &["export", "b.csv", "-o", "b.csv", "--force"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr, "bogen: b.csv is one of the input files; it is never overwritten: choose another -o\n");
    assert_eq!(std::fs::read(dir.path("b.csv")).unwrap(), input);
    let run = bogen(&dir.0, &["export", "b.json", "-o", "out.ods"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("out.ods: the output must end in .xlsx"), "{}", run.stderr);
}

#[test]
fn submissions_of_several_questionnaires_are_exported_one_questionnaire_at_a_time() {
    let dir = inbox("several");
    let kita_path = repo_root().join("questionnaire/examples/kita-umfrage.json");
    let kita = Arc::new(bogen_engine::compile(&std::fs::read_to_string(&kita_path).unwrap()).unwrap());
    dir.write("kita.json", campaign::submission(&kita, 1, &key(1), AT));
    let kita_arg = kita_path.to_str().unwrap();
    let run =
        bogen(&dir.0, &["export", "--questionnaire", kita_arg, "b.json", "c.json", "kita.json", "-o", "out.xlsx"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "bogen: the valid submissions answer 2 questionnaires, and one spreadsheet holds one (its questions are the columns):\n  erfolgreiche-integration-2005@1.0.0 (2 submissions)\n  kita-umfrage@1.0.0 (1 submission)\nchoose one with --only ID@VERSION\n"
    );
    assert!(!dir.path("out.xlsx").exists());
    let run = bogen(
        &dir.0,
        &[
            "export",
            "--questionnaire",
            kita_arg,
            "--only",
            "kita-umfrage",
            "b.json",
            "c.json",
            "kita.json",
            "-o",
            "out.xlsx",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "wrote out.xlsx: 1 submission of kita-umfrage 1.0.0 (sheets: Einreichungen, children, Dateien); 2 valid submissions of other questionnaires are not in it\n3 files: 3 valid, 0 superseded, 0 invalid\n"
    );
    let run = bogen(&dir.0, &["export", "--only", "nirgendwo@2", "b.json", "-o", "x.xlsx"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("bogen: --only nirgendwo@2: no valid submission answers it"), "{}", run.stderr);
}

#[test]
fn the_sample_submissions_made_by_the_app_export_with_every_answer_in_its_column() {
    let dir = TempDir::new("samples");
    let fixtures = repo_root().join("tests/fixtures");
    let questionnaire = fixtures.join("erfolgreiche-integration-2005.json");
    let run = bogen(
        &dir.0,
        &[
            "export",
            "--questionnaire",
            questionnaire.to_str().unwrap(),
            fixtures.join("submissions").to_str().unwrap(),
            "-o",
            "samples.csv",
        ],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let main = parse_csv(&std::fs::read_to_string(dir.path("samples.csv")).unwrap());
    assert_eq!(column(&main, "municipality"), ["Landkreis Musterland", "Stadt Musterstadt"]);
    assert_eq!(column(&main, "municipality_name"), ["Landkreis Musterland", "Stadt Musterstadt"]);
    assert_eq!(column(&main, "kind"), ["Landkreis", "Großstadt"]);
    assert_eq!(column(&main, "fingerprint"), ["J2OC-KBOM-SMYZ-HUCG", "CGSA-B3PQ-HF6T-RJE2"]);
    // Every answer of each file is somewhere in its row or its groups' rows.
    for (row, file) in ["landkreis-musterland", "stadt-musterstadt"].iter().enumerate() {
        let path = fixtures.join(format!("submissions/erfolgreiche-integration-2005_{file}_2026-11-27.json"));
        let submission: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for (id, value) in submission["answers"].as_object().unwrap() {
            let in_main = main[0].iter().position(|c| c == id || c.starts_with(&format!("{id}.")));
            let i = in_main.unwrap_or_else(|| panic!("no column for {id}"));
            if !value.is_null() {
                assert_ne!(main[2 + row][i], "", "{file}: {id} = {value} has an empty cell");
            }
        }
    }
}
