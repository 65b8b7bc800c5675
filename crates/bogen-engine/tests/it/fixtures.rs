//! The sample submissions under `tests/fixtures/submissions/` (made by the app; see its README):
//! each verifies, is signed by its municipality's sample key (`tests/fixtures/sample-keys/`), names the questionnaire copy
//! `tests/fixtures/erfolgreiche-integration-2005.json` by id, version and hash, and its answers
//! fit that questionnaire.

use crate::support::repo_root;
use bogen_engine::submission::{check_against, stamp_of};
use bogen_engine::{compile, verify_submission, KeyPair};
use std::sync::Arc;

const SAMPLES: &str = "tests/fixtures/submissions";
const KEYS: &str = "tests/fixtures/sample-keys";
const QUESTIONNAIRE: &str = "tests/fixtures/erfolgreiche-integration-2005.json";

fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The sample submissions, by file name.
fn samples() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(repo_root().join(SAMPLES))
        .unwrap_or_else(|e| panic!("{SAMPLES}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), read(&p)))
        .collect();
    files.sort();
    files
}

#[test]
fn there_are_at_least_two_samples_each_from_its_own_municipality() {
    let samples = samples();
    assert!(samples.len() >= 2, "expected at least two sample submissions in {SAMPLES}, found {}", samples.len());
    let mut fingerprints: Vec<String> =
        samples.iter().map(|(_, text)| verify_submission(text).unwrap().fingerprint.to_string()).collect();
    fingerprints.sort();
    fingerprints.dedup();
    assert_eq!(
        fingerprints.len(),
        samples.len(),
        "two samples signed by one key would be one municipality's two files"
    );
}

#[test]
fn every_sample_verifies_is_signed_by_its_sample_key_and_answers_the_fixture_questionnaire() {
    let questionnaire = Arc::new(compile(&read(&repo_root().join(QUESTIONNAIRE))).unwrap());
    let stamp = stamp_of(&questionnaire);
    for (name, text) in samples() {
        let verified = verify_submission(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(verified.file.questionnaire, stamp, "{name} answers another text than {QUESTIONNAIRE}");
        let problems = check_against(&verified.file.answers, &questionnaire);
        assert!(problems.is_empty(), "{name}: {problems:?}");

        // Named `<questionnaire>_<municipality>_<date>.json`, signed by `sample-keys/<municipality>.json`.
        let municipality =
            name.split('_').nth(1).unwrap_or_else(|| panic!("{name}: not named <id>_<name>_<date>.json"));
        let key_file = repo_root().join(KEYS).join(format!("{municipality}.json"));
        let key_text = read(&key_file);
        let key = KeyPair::from_key_file(&key_text).unwrap_or_else(|e| panic!("{}: {e}", key_file.display()));
        assert_eq!(verified.signer, key.public_key(), "{name} is not signed by {}", key_file.display());
        let key_json: serde_json::Value = serde_json::from_str(&key_text).unwrap();
        let private = key_json["privateKey"]["d"].as_str().unwrap();
        assert!(!text.contains(private), "{name} contains the private key");
    }
}

#[test]
fn a_sample_changed_by_one_character_no_longer_verifies() {
    let (name, text) = samples().into_iter().next().unwrap();
    let changed = text.replacen("\"language\": \"de\"", "\"language\": \"en\"", 1);
    assert_ne!(changed, text, "{name} was filled in German");
    assert!(verify_submission(&changed).is_err(), "{name}: a changed file still verifies");
}
