//! The corpus of broken questionnaires in the repository's `tests/broken/`: each `NAME.json`
//! must produce exactly the lines in `NAME.expected` (what `bogen check NAME.json` prints).
//! `UPDATE_EXPECT=1` rewrites the expected files after a deliberate change of messages.

use crate::support::repo_root;
use bogen_engine::compile;

#[test]
fn every_broken_questionnaire_produces_exactly_its_expected_messages() {
    let folder = repo_root().join("tests/broken");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", folder.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "the corpus should hold at least ten broken questionnaires, found {}", files.len());
    let mut failures = Vec::new();
    for file in files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{name}: {e}"));
        let actual = match compile(&text) {
            Ok(_) => format!("{name}: loaded without problems, but it is in the corpus of broken files\n"),
            Err(problems) => problems.render(&name),
        };
        let expected_path = file.with_extension("expected");
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&expected_path, &actual).unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures
                .push(format!("{name}\n--- expected ({})\n{expected}--- actual\n{actual}", expected_path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "messages differ (run with UPDATE_EXPECT=1 if the change is deliberate):\n\n{}",
        failures.join("\n")
    );
}
