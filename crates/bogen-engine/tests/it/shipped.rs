//! Every questionnaire the project ships loads without problems, the default one is signed by a
//! trusted office key, and the committed JSON Schema equals the one generated from the format types.

use crate::support::repo_root;
use bogen_engine::{compile, SignatureStatus, TrustedKeys};

/// Files in `questionnaire/` that are not questionnaires.
const NOT_QUESTIONNAIRES: [&str; 2] = ["questionnaire.schema.json", "trusted-keys.json"];

#[test]
fn every_shipped_questionnaire_loads() {
    let mut files = Vec::new();
    for folder in ["questionnaire", "questionnaire/examples"] {
        let Ok(entries) = std::fs::read_dir(repo_root().join(folder)) else {
            continue;
        };
        files.extend(entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p.file_name().is_some_and(|n| NOT_QUESTIONNAIRES.iter().any(|x| n == *x))
        }));
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
fn the_default_questionnaire_is_signed_by_a_trusted_office_key() {
    let read = |path: &str| std::fs::read_to_string(repo_root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let trusted = TrustedKeys::parse(&read("questionnaire/trusted-keys.json")).unwrap();
    let questionnaire = compile(&read("questionnaire/erfolgreiche-integration-2005.json")).unwrap();
    let SignatureStatus::Signed(key) = &questionnaire.signature else {
        panic!(
            "the default questionnaire's signature is {:?}: after changing it, sign it again with `bogen sign` (docs/SUBMISSION.md)",
            questionnaire.signature
        );
    };
    assert!(trusted.find(key).is_some(), "{} is not in questionnaire/trusted-keys.json", key.fingerprint());
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
