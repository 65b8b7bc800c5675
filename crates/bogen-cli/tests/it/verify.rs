//! `bogen verify`: a valid file, each reason a file is invalid with its exact message, exit codes,
//! `--json`, folders, supersession, and files that are too large or too deep to read.

use crate::campaign::{self, default_questionnaire, key, municipality};
use crate::{bogen, repo_root, TempDir};
use bogen_engine::submission::{respondent_kind, short_digest};
use bogen_engine::{KeyPair, Lang};
use serde_json::{json, Value as Json};
use std::sync::Arc;

const AT: &str = "2004-09-29T14:05:00Z";
const Q: &str = "erfolgreiche-integration-2005 1.0.0";

/// The valid line of municipality `n`'s submission signed by `key`, which `dir` holds as `file`.
fn valid_line(dir: &TempDir, file: &str, n: usize, key: &KeyPair, at: &str) -> String {
    let questionnaire = default_questionnaire();
    let kind = respondent_kind(&questionnaire, &campaign::answers(&questionnaire, n), Lang::De).unwrap();
    let text = std::fs::read_to_string(dir.path(file)).unwrap();
    let digest = short_digest(&bogen_engine::verify_submission(&text).unwrap().answers_digest);
    format!(
        "{file}: valid: {} ({kind}), signed by {}, {Q}, {at}, digest {digest}",
        municipality(n),
        key.public_key().fingerprint()
    )
}

#[test]
fn a_valid_submission_is_reported_with_its_municipality_signer_questionnaire_and_time() {
    let dir = TempDir::new("valid");
    let questionnaire = default_questionnaire();
    dir.write("gießen.json", campaign::submission(&questionnaire, 0, &key(0), AT));
    let run = bogen(&dir.0, &["verify", "gießen.json"]);
    assert_eq!(run.stdout, format!("{}\n", valid_line(&dir, "gießen.json", 0, &key(0), AT)));
    assert_eq!(run.stderr, "1 file: 1 valid, 0 superseded, 0 invalid\n");
    assert_eq!(run.code, 0);
}

#[test]
fn a_file_signed_by_another_key_verifies_and_shows_that_keys_fingerprint() {
    let dir = TempDir::new("other-key");
    let questionnaire = default_questionnaire();
    let stranger = KeyPair::from_seed([99; 32]);
    dir.write("a.json", campaign::submission(&questionnaire, 3, &stranger, AT));
    let run = bogen(&dir.0, &["verify", "a.json"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains(&format!("signed by {}", stranger.public_key().fingerprint())), "{}", run.stdout);
    assert!(!run.stdout.contains(key(3).public_key().fingerprint().as_str()), "{}", run.stdout);
}

#[test]
fn names_and_answers_from_a_file_cannot_forge_or_hide_a_report_line() {
    let dir = TempDir::new("forged-line");
    let questionnaire = default_questionnaire();
    let mut answers = campaign::answers(&questionnaire, 2);
    let name = "Stadt Fake\nb.json: valid: Stadt Echt\u{1b}[2K\r\u{202e}";
    answers.insert("municipality_name".to_owned(), json!(name));
    let file = "a\u{1b}[31m.json";
    dir.write(file, campaign::sign(&questionnaire, &answers, &key(2), AT));
    let run = bogen(&dir.0, &["verify", file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("a\\u{1b}[31m.json: valid: Stadt Fake\\nb.json: valid: Stadt Echt\\u{1b}[2K\\r\\u{202e} ("),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains(['\u{1b}', '\r', '\u{202e}']), "{:?}", run.stdout);
}

/// Runs `bogen verify` on one file with `text` and returns its one line; the exit code must be 1.
fn invalid_line(text: &[u8], extra: &[&str]) -> String {
    let dir = TempDir::new("invalid");
    dir.write("x.json", text);
    let mut args = vec!["verify"];
    args.extend(extra);
    args.push("x.json");
    let run = bogen(&dir.0, &args);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stderr.starts_with("1 file: 0 valid, 0 superseded, 1 invalid\n"), "{}", run.stderr);
    run.stdout.trim_end().to_owned()
}

#[test]
fn not_json_not_a_submission_and_an_unknown_format_version_each_have_their_reason() {
    assert_eq!(
        invalid_line(b"Sehr geehrte Damen und Herren", &[]),
        "x.json: invalid: not JSON: expected value at line 1, column 1"
    );
    assert_eq!(
        invalid_line(b"{\"a\": \"\xff\"}", &[]),
        "x.json: invalid: not JSON: the file is not UTF-8 text (byte 8 is not, on line 1); it was saved in another \
         encoding: ask the municipality for the file as the app exported it"
    );
    assert_eq!(
        invalid_line(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &[]),
        "x.json: invalid: not JSON: the file is a PNG image, not a submission; ask the municipality for the .json file \
         the app exported"
    );
    let questionnaire_file = std::fs::read(repo_root().join("questionnaire/examples/kita-umfrage.json")).unwrap();
    assert_eq!(
        invalid_line(&questionnaire_file, &[]),
        "x.json: invalid: not a submission: it looks like a questionnaire file"
    );
    assert_eq!(
        invalid_line(b"{\"format\": \"bogen-draft\"}", &[]),
        "x.json: invalid: not a submission: it is a draft file, which is not signed; ask for the signed submission, \
         which the app exports on its review page"
    );
    assert_eq!(
        invalid_line(b"{\"format\": \"bogen-other\"}", &[]),
        "x.json: invalid: not a submission: its \"format\" is \"bogen-other\", not \"bogen-submission\""
    );
    let valid = campaign::submission(&default_questionnaire(), 1, &key(1), AT);
    assert_eq!(
        invalid_line(valid.replace("\"formatVersion\": 1", "\"formatVersion\": 2").as_bytes(), &[]),
        "x.json: invalid: unknown submission format version 2 (this version of Bogen reads 1); a newer Bogen may read it"
    );
}

#[test]
fn a_changed_file_has_an_invalid_signature() {
    let valid = campaign::submission(&default_questionnaire(), 1, &key(1), AT);
    let changed = valid.replace(&municipality(1), "Stuttgart");
    assert_eq!(
        invalid_line(changed.as_bytes(), &[]),
        "x.json: invalid: signature invalid: the signature does not match the content: the file was changed after it was signed"
    );
}

#[test]
fn a_submission_of_an_unknown_questionnaire_names_the_known_ones_and_its_signer() {
    let kita = Arc::new(
        bogen_engine::compile(
            &std::fs::read_to_string(repo_root().join("questionnaire/examples/kita-umfrage.json")).unwrap(),
        )
        .unwrap(),
    );
    let text = campaign::submission(&kita, 2, &key(2), AT);
    let fingerprint = key(2).public_key().fingerprint();
    let other = repo_root().join("questionnaire/examples/vereinsfoerderung.json");
    assert_eq!(
        invalid_line(text.as_bytes(), &["--questionnaire", other.to_str().unwrap()]),
        format!("x.json: invalid: unknown questionnaire \"kita-umfrage\" version 1.0.0, so its answers could not be checked (known: {Q}, vereinsfoerderung 1.0.0); the signature holds (signed by {fingerprint})")
    );
    // Without --questionnaire only the built-in one is known; the hint says what to do.
    let dir = TempDir::new("unknown");
    dir.write("x.json", &text);
    let run = bogen(&dir.0, &["verify", "x.json"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains(&format!("(known: {Q})")), "{}", run.stdout);
    assert!(
        run.stderr.contains("hint: give the questionnaire file those submissions answer with --questionnaire FILE"),
        "{}",
        run.stderr
    );
    // With its questionnaire given, it is checked and valid.
    let kita_file = repo_root().join("questionnaire/examples/kita-umfrage.json");
    let run = bogen(&dir.0, &["verify", "--questionnaire", kita_file.to_str().unwrap(), "x.json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.starts_with("x.json: valid: unnamed, signed by"), "{}", run.stdout);
}

#[test]
fn a_questionnaire_changed_without_a_new_version_is_a_hash_mismatch() {
    let original = default_questionnaire();
    let changed_text = campaign::DEFAULT_QUESTIONNAIRE.replace("Name der Kommune", "Name Ihrer Kommune");
    let changed = Arc::new(bogen_engine::compile(&changed_text).unwrap());
    let text = campaign::submission(&changed, 4, &key(4), AT);
    let line = invalid_line(text.as_bytes(), &[]);
    assert_eq!(
        line,
        format!(
            "x.json: invalid: questionnaire hash mismatch: the submission answers \"erfolgreiche-integration-2005\" version 1.0.0 with sha256 {}, but the known file of that id and version has sha256 {}: the questionnaire was changed without a new version; find the file the respondent filled in (signed by {})",
            changed.sha256,
            original.sha256,
            key(4).public_key().fingerprint()
        )
    );
    // Given the file the respondent filled in, the submission is valid.
    let dir = TempDir::new("mismatch");
    dir.write("x.json", &text);
    dir.write("changed.json", &changed_text);
    let run = bogen(&dir.0, &["verify", "--questionnaire", "changed.json", "x.json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn answers_that_do_not_fit_the_questionnaire_are_listed_one_by_one() {
    let questionnaire = default_questionnaire();
    let mut answers = campaign::answers(&questionnaire, 5);
    answers.remove("inhabitants");
    let (session, _) = bogen_engine::Session::restore(Arc::clone(&questionnaire), &answers);
    let text = campaign::sign_unchecked(&session, &key(5), AT);
    let line = invalid_line(text.as_bytes(), &[]);
    assert!(
        line.starts_with("x.json: invalid: the answers do not fit \"erfolgreiche-integration-2005\" version 1.0.0 ("),
        "{line}"
    );
    assert!(line.contains("\"inhabitants\": a required answer is missing"), "{line}");
    assert!(line.ends_with(&format!("(signed by {})", key(5).public_key().fingerprint())), "{line}");
}

#[test]
fn a_file_that_cannot_be_read_is_invalid_and_the_others_are_still_checked() {
    let dir = TempDir::new("unreadable");
    dir.write("ok.json", campaign::submission(&default_questionnaire(), 6, &key(6), AT));
    let run = bogen(&dir.0, &["verify", "missing.json", "ok.json"]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "missing.json: invalid: the file could not be read: there is no file at this path (is its name or folder misspelt?)"
    );
    assert_eq!(lines[1], valid_line(&dir, "ok.json", 6, &key(6), AT));
}

#[test]
fn a_100_mb_file_is_refused_from_its_size_without_being_read() {
    let dir = TempDir::new("huge");
    let file = std::fs::File::create(dir.path("huge.json")).unwrap();
    // A sparse file: 100 MB by its metadata, nothing on disk.
    file.set_len(100 * 1024 * 1024).unwrap();
    let run = bogen(&dir.0, &["verify", "huge.json"]);
    // "100.0 MiB" comes from the metadata: reading stops one byte past 16 MiB and would say 16.0.
    assert_eq!(run.stdout, "huge.json: invalid: the file is 100.0 MiB; files larger than 16 MiB are not read\n");
    assert_eq!(run.code, 1);
}

#[test]
fn a_file_nested_10000_levels_deep_is_refused_without_a_crash() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert_eq!(
        invalid_line(deep.as_bytes(), &[]),
        "x.json: invalid: not JSON: nested too deeply (more than 128 lists or objects inside each other; no Bogen file is) at line 1, column 128"
    );
    let deep_object = "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000);
    assert!(invalid_line(deep_object.as_bytes(), &[]).starts_with("x.json: invalid: not JSON: nested too deeply"));
}

#[test]
fn a_file_without_a_signature_is_unsigned_with_a_plain_message_and_a_hint() {
    let valid = campaign::submission(&default_questionnaire(), 1, &key(1), AT);
    let mut unsigned: Json = serde_json::from_str(&valid).unwrap();
    unsigned.as_object_mut().unwrap().remove("signature");
    let dir = TempDir::new("unsigned");
    dir.write("x.json", unsigned.to_string());
    let run = bogen(&dir.0, &["verify", "--json", "x.json"]);
    let report: Json = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["files"][0]["reason"]["kind"], "signature-invalid");
    let message = report["files"][0]["reason"]["message"].as_str().unwrap();
    assert!(message.starts_with("the file has no signature"), "{message}");
    assert!(!message.contains('`') && !message.contains(".:"), "{message}");
    let run = bogen(&dir.0, &["verify", "x.json"]);
    assert!(run.stderr.contains("hint: a file without a signature cannot be trusted"), "{}", run.stderr);
}

#[test]
fn every_kind_of_unreadable_text_gets_a_hint_saying_what_to_do() {
    let valid = campaign::submission(&default_questionnaire(), 1, &key(1), AT);
    let hint = |text: &[u8]| {
        let dir = TempDir::new("hints");
        dir.write("x.json", text);
        let run = bogen(&dir.0, &["verify", "x.json"]);
        assert_eq!(run.code, 1);
        (run.stdout, run.stderr)
    };
    let (line, hints) = hint(&valid.as_bytes()[..valid.len() / 2]);
    assert!(
        line.contains("the file ends early (at line") && line.contains("ask the municipality to send it again"),
        "{line}"
    );
    assert!(hints.contains("hint: an empty or cut-off file did not arrive whole"), "{hints}");
    let (line, hints) = hint(b"");
    assert_eq!(line, "x.json: invalid: not JSON: the file is empty; ask the municipality to send it again\n");
    assert!(hints.contains("hint: an empty or cut-off file"), "{hints}");
    let (_, hints) = hint(b"Sehr geehrte Damen und Herren");
    assert!(hints.contains("hint: a file that is not JSON is not a submission"), "{hints}");
    let (_, hints) = hint(b"{\"format\": \"bogen-draft\", \"formatVersion\": 2}");
    assert!(hints.contains("hint: a draft is not signed"), "{hints}");
    let mut leaked: Json = serde_json::from_str(&valid).unwrap();
    leaked["signature"]["publicKey"]["d"] = Json::from("AAAA");
    let (_, hints) = hint(leaked.to_string().as_bytes());
    assert!(hints.contains("compromised") && hints.contains("new key"), "{hints}");
    assert!(!hints.contains("was changed after it was signed"), "{hints}");
}

#[test]
fn subfolders_of_a_folder_are_not_read_and_a_note_says_how_many() {
    let dir = TempDir::new("subfolders");
    let questionnaire = default_questionnaire();
    dir.write("eingang/a.json", campaign::submission(&questionnaire, 7, &key(7), AT));
    dir.write("eingang/mai/b.json", campaign::submission(&questionnaire, 8, &key(8), AT));
    dir.write("eingang/juni/c.json", campaign::submission(&questionnaire, 9, &key(9), AT));
    let run = bogen(&dir.0, &["verify", "eingang"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(
        run.stderr.starts_with("note: eingang: 2 subfolders were not read (only the files directly in a folder are)"),
        "{}",
        run.stderr
    );
    let run = bogen(&dir.0, &["verify", "eingang/mai"]);
    assert!(!run.stderr.contains("note:"), "{}", run.stderr);
}

#[test]
fn a_folder_stands_for_its_json_files_in_name_order_and_a_later_submission_supersedes() {
    let dir = TempDir::new("folder");
    let questionnaire = default_questionnaire();
    dir.write("eingang/b.json", campaign::submission(&questionnaire, 7, &key(7), "2004-09-30T08:00:00Z"));
    dir.write("eingang/a.json", campaign::submission(&questionnaire, 7, &key(7), AT));
    dir.write("eingang/c.json", campaign::submission(&questionnaire, 8, &key(8), AT));
    dir.write("eingang/notiz.txt", "not a submission");
    dir.write("eingang/._a.json", "\0\x05\x16\x07 macOS resource fork");
    let run = bogen(&dir.0, &["verify", "eingang"]);
    assert_eq!(run.code, 0, "superseded files are valid: {}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let a = valid_line(&dir, "eingang/a.json", 7, &key(7), AT).replacen(
        "eingang/a.json: valid:",
        "eingang/a.json: valid, superseded by eingang/b.json:",
        1,
    );
    assert_eq!(
        lines,
        [
            a.as_str(),
            valid_line(&dir, "eingang/b.json", 7, &key(7), "2004-09-30T08:00:00Z").as_str(),
            valid_line(&dir, "eingang/c.json", 8, &key(8), AT).as_str(),
        ]
    );
    assert_eq!(
        run.stderr,
        "note: eingang: 1 file does not end in .json and was not read (notiz.txt); give it as an argument to check it too\n\
         3 files: 2 valid, 1 superseded, 0 invalid\n"
    );
    // A file given again (here also through its folder) is read once, not counted twice.
    let run = bogen(&dir.0, &["verify", "eingang/c.json", "eingang", "./eingang/c.json"]);
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    assert!(run.stdout.starts_with("eingang/c.json: valid: "), "{}", run.stdout);
    assert_eq!(
        run.stderr.matches("note: eingang/c.json was given more than once and is read once\n").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(run.stderr.ends_with("3 files: 2 valid, 1 superseded, 0 invalid\n"), "{}", run.stderr);
}

#[test]
fn json_output_has_stable_keys_for_every_file_and_a_summary() {
    let dir = TempDir::new("json");
    let questionnaire = default_questionnaire();
    dir.write("a.json", campaign::submission(&questionnaire, 9, &key(9), AT));
    dir.write("b.json", "[]");
    let run = bogen(&dir.0, &["verify", "--json", "a.json", "b.json"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "");
    let output: Json = serde_json::from_str(&run.stdout).unwrap();
    let digest =
        bogen_engine::verify_submission(&std::fs::read_to_string(dir.path("a.json")).unwrap()).unwrap().answers_digest;
    let kind = respondent_kind(&questionnaire, &campaign::answers(&questionnaire, 9), Lang::De).unwrap();
    assert_eq!(
        output,
        json!({
            "files": [
                {
                    "file": "a.json",
                    "status": "valid",
                    "supersededBy": null,
                    "supersededByOtherMunicipality": null,
                    "reason": null,
                    "fingerprint": key(9).public_key().fingerprint().to_string(),
                    "questionnaire": {"id": "erfolgreiche-integration-2005", "version": "1.0.0", "sha256": questionnaire.sha256},
                    "municipality": municipality(9),
                    "kind": kind,
                    "createdAt": AT,
                    "digest": digest,
                },
                {
                    "file": "b.json",
                    "status": "invalid",
                    "supersededBy": null,
                    "supersededByOtherMunicipality": null,
                    "reason": {"kind": "not-a-submission", "message": "not a submission: the file is not a JSON object", "problems": []},
                    "fingerprint": null,
                    "questionnaire": null,
                    "municipality": null,
                    "kind": null,
                    "createdAt": null,
                    "digest": null,
                }
            ],
            "summary": {"valid": 1, "superseded": 0, "invalid": 1}
        })
    );
}

#[test]
fn a_broken_questionnaire_or_missing_arguments_cannot_run_and_exit_with_2() {
    let dir = TempDir::new("broken");
    dir.write("a.json", "{}");
    let broken = repo_root().join("tests/broken");
    let first_broken = std::fs::read_dir(&broken)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .min()
        .unwrap();
    let run = bogen(&dir.0, &["verify", "--questionnaire", first_broken.to_str().unwrap(), "a.json"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("does not load; fix it first (bogen check"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(bogen(&dir.0, &["verify"]).code, 2);
    let empty = TempDir::new("empty");
    let run = bogen(&empty.0, &["verify", "."]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr, "bogen: no submission files: the folders given hold no *.json files\n");
}

#[test]
fn the_sample_submissions_made_by_the_app_verify_with_their_municipalities_and_keys() {
    let fixtures = repo_root().join("tests/fixtures");
    let questionnaire = fixtures.join("erfolgreiche-integration-2005.json");
    let run = bogen(&fixtures, &["verify", "--questionnaire", questionnaire.to_str().unwrap(), "submissions"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines[0].starts_with("submissions/erfolgreiche-integration-2005_landkreis-musterland_2026-11-27.json: valid: Landkreis Musterland (Landkreis), signed by J2OC-KBOM-SMYZ-HUCG, erfolgreiche-integration-2005 1.0.0, "),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("submissions/erfolgreiche-integration-2005_stadt-musterstadt_2026-11-27.json: valid: Stadt Musterstadt (Großstadt), signed by CGSA-B3PQ-HF6T-RJE2, erfolgreiche-integration-2005 1.0.0, "),
        "{}",
        lines[1]
    );
}
