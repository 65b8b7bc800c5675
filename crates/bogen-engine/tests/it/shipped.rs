//! Every questionnaire the project ships loads without problems, and the committed JSON Schema
//! equals the one generated from the format types.

use crate::support::repo_root;
use bogen_engine::compile;

#[test]
fn every_shipped_questionnaire_loads() {
    let mut files = Vec::new();
    for folder in ["questionnaire", "questionnaire/examples"] {
        let Ok(entries) = std::fs::read_dir(repo_root().join(folder)) else {
            continue;
        };
        files.extend(
            entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| {
                p.extension().is_some_and(|x| x == "json") && !p.to_string_lossy().ends_with(".schema.json")
            }),
        );
    }
    assert!(!files.is_empty(), "no questionnaire found under questionnaire/");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if let Err(problems) = compile(&text) {
            panic!("{}", problems.render(&file.display().to_string()));
        }
    }
}

#[test]
fn the_committed_json_schema_is_up_to_date() {
    let path = repo_root().join("questionnaire/questionnaire.schema.json");
    let generated = bogen_engine::schema::questionnaire_schema_json();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &generated).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is stale: regenerate it with `cargo run -p bogen-cli -- schema > questionnaire/questionnaire.schema.json`",
        path.display()
    );
    assert!(
        generated.contains("https://json-schema.org/draft/2020-12/schema"),
        "the schema must declare draft 2020-12"
    );
}
