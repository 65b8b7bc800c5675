//! Signatures and submissions: the canonical form against RFC 8785's own examples, signing and
//! verifying submissions and questionnaires, every way a file can be wrong, and a byte-by-byte
//! tampering test.

use crate::support::load;
use bogen_engine::signing::{
    canonical_bytes, parse_strict_json, sha256_hex, sign_json_text, JsonError, KeyPair, SignatureError, MAX_FILE_BYTES,
};
use bogen_engine::submission::{check_against, respondent_name, session_respondent_name, AnswerProblem};
use bogen_engine::{
    compile, create_submission, verify_submission, AnswerValue, FileKind, Lang, Session, SignatureStatus,
    SubmissionError,
};
use serde_json::Value as Json;
use std::sync::Arc;

fn canonical(json: &str) -> String {
    let value: Json = serde_json::from_str(json).unwrap();
    String::from_utf8(canonical_bytes(&value).unwrap()).unwrap()
}

#[test]
fn rfc_8785_example_of_section_3_2_2() {
    let input = r#"{
        "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
        "literals": [null, true, false]
    }"#;
    assert_eq!(
        canonical(input),
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}"
    );
}

#[test]
fn rfc_8785_sorting_example_of_section_3_2_3() {
    let input = r#"{
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\ud83d\ude00": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis"
    }"#;
    // Sorted by UTF-16 code units: the emoji (a surrogate pair, 0xD83D…) before U+FB33.
    assert_eq!(
        canonical(input),
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\u{fb33}\":\"Hebrew Letter Dalet With Dagesh\"}"
    );
}

/// Any JSON value: numbers as doubles or safe integers (what RFC 8785 reads), strings and keys
/// with escapes, non-ASCII, characters from U+E000 up and beyond U+FFFF (where UTF-16 order and
/// UTF-8 order differ).
fn any_json() -> impl proptest::strategy::Strategy<Value = Json> {
    use proptest::prelude::*;
    let text = || {
        proptest::string::string_regex(
            "[a-c\\\\\"\\x00-\\x1f\\x7f\u{e9}\u{20ac}\u{e000}\u{fb33}\u{ffff}\u{1f600}\u{10000}]{0,6}",
        )
        .expect("a valid pattern")
    };
    let number = prop_oneof![
        (-(1i64 << 53)..=(1i64 << 53)).prop_map(Json::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Json::Number)),
    ];
    let leaf = prop_oneof![Just(Json::Null), any::<bool>().prop_map(Json::Bool), number, text().prop_map(Json::String)];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
            proptest::collection::btree_map(text(), inner, 0..8)
                .prop_map(|members| Json::Object(members.into_iter().collect())),
        ]
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, .. Default::default() })]

    /// Our canonical form is the one serde_json_canonicalizer (what signed files were made with
    /// before) writes, byte for byte: every signature made before still verifies.
    #[test]
    fn the_canonical_form_is_serde_json_canonicalizer_s_byte_for_byte(value in any_json()) {
        let reference = serde_json_canonicalizer::to_vec(&value).expect("the reference writes it");
        proptest::prop_assert_eq!(canonical_bytes(&value).unwrap(), reference);
    }
}

/// Strings are scanned eight bytes at a time for what needs an escape: every ASCII byte, and a
/// character of two to four bytes, at every position of a string longer than two such words.
#[test]
fn every_byte_at_every_position_of_a_long_string_is_written_as_the_reference_writes_it() {
    let specials: Vec<String> =
        (0u8..0x80).map(|b| char::from(b).to_string()).chain(["é", "€", "\u{1f600}"].map(String::from)).collect();
    for special in &specials {
        for at in 0..24 {
            let text = format!("{}{special}{}", "a".repeat(at), "b".repeat(24 - at));
            let value = Json::String(text.clone());
            let reference = serde_json_canonicalizer::to_vec(&value).expect("the reference writes it");
            assert_eq!(canonical_bytes(&value).unwrap(), reference, "{text:?}");
        }
    }
}

#[test]
fn rfc_8785_appendix_b_numbers() {
    // IEEE 754 bits and the text RFC 8785 requires (NaN and Infinity are not JSON: serde_json
    // cannot even hold them, so they cannot reach the canonical form).
    let table = [
        (0x0000000000000000u64, "0"),
        (0x8000000000000000, "0"),
        (0x0000000000000001, "5e-324"),
        (0x8000000000000001, "-5e-324"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0xffefffffffffffff, "-1.7976931348623157e+308"),
        (0x4340000000000000, "9007199254740992"),
        (0xc340000000000000, "-9007199254740992"),
        (0x4430000000000000, "295147905179352830000"),
        (0x44b52d02c7e14af5, "9.999999999999997e+22"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x44b52d02c7e14af7, "1.0000000000000001e+23"),
        (0x444b1ae4d6e2ef4e, "999999999999999700000"),
        (0x444b1ae4d6e2ef4f, "999999999999999900000"),
        (0x444b1ae4d6e2ef50, "1e+21"),
        (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"),
        (0x3eb0c6f7a0b5ed8d, "0.000001"),
        (0x41b3de4355555553, "333333333.3333332"),
        (0x41b3de4355555554, "333333333.33333325"),
        (0x41b3de4355555555, "333333333.3333333"),
        (0x41b3de4355555556, "333333333.3333334"),
        (0x41b3de4355555557, "333333333.33333343"),
        (0xbecbf647612f3696, "-0.0000033333333333333333"),
        (0x43143ff3c1cb0959, "1424953923781206.2"),
    ];
    for (bits, expected) in table {
        let value = Json::from(f64::from_bits(bits));
        let text = String::from_utf8(canonical_bytes(&value).unwrap()).unwrap();
        assert_eq!(text, expected, "{bits:#018x}");
        // The same number written in a file reaches the same form.
        assert_eq!(canonical(&format!("[{expected}]")), format!("[{expected}]"), "{expected} read back");
    }
}

#[test]
fn integers_beyond_two_to_the_53_are_written_as_the_double_a_javascript_reader_sees() {
    assert_eq!(
        canonical("[18446744073709551615, 9007199254740993, -9007199254740993, 12]"),
        "[18446744073709552000,9007199254740992,-9007199254740992,12]"
    );
}

/// A small questionnaire that uses a condition, a calculation, a repeat group and a choice.
const FIXTURE: &str = r#"{
  "formatVersion": 1, "id": "probe", "version": "1.0.0", "title": "Probe",
  "submission": {"email": "buero@example.org", "nameQuestion": "name", "kindQuestion": "kind"},
  "sections": [{"id": "s", "title": "S", "questions": [
    {"id": "name", "type": "text", "label": "Name", "required": true},
    {"id": "kind", "type": "singleChoice", "label": "Art", "required": true,
     "options": [{"value": "stadt", "label": "Stadt"}, {"value": "landkreis", "label": "Landkreis"}]},
    {"id": "members", "type": "integer", "label": "Gemeinden", "visibleIf": "kind = 'landkreis'", "required": true},
    {"id": "inhabitants", "type": "integer", "label": "Einwohner", "min": 1},
    {"id": "foreign", "type": "integer", "label": "Ausländer", "min": 0},
    {"id": "share", "type": "calculated", "label": "Anteil", "calculate": "foreign / inhabitants * 100", "decimals": 1},
    {"id": "measures", "type": "repeat", "label": "Maßnahmen", "fields": [
      {"id": "title", "type": "text", "label": "Titel", "required": true},
      {"id": "year", "type": "integer", "label": "Jahr"}
    ]}
  ]}]
}"#;

fn filled_session() -> Session {
    let questionnaire = load(FIXTURE);
    let mut session = Session::new(Arc::clone(&questionnaire));
    let idx = |id: &str| questionnaire.question_idx(id).unwrap();
    session.set_answer(idx("name"), Some(AnswerValue::Text("Gießen (Lahn)".into())));
    session.set_answer(idx("kind"), Some(AnswerValue::Choice("landkreis".into())));
    session.set_answer(idx("members"), Some(AnswerValue::Number(21.0)));
    session.set_answer(idx("inhabitants"), Some(AnswerValue::Number(589_000.0)));
    session.set_answer(idx("foreign"), Some(AnswerValue::Number(40_123.0)));
    let (record, _) = session.add_record(idx("measures")).unwrap();
    session.set_record_field(idx("measures"), record, 0, Some(AnswerValue::Text("Sprachkurse \"Deutsch\"".into())));
    session.set_record_field(idx("measures"), record, 1, Some(AnswerValue::Number(2003.0)));
    session
}

const CREATED_AT: &str = "2004-09-29T14:05:00.000Z";

#[test]
fn a_submission_verifies_names_its_file_and_its_answers_fit_the_questionnaire() {
    let session = filled_session();
    let key = KeyPair::from_seed([42; 32]);
    let signed = create_submission(&session, Lang::De, CREATED_AT, &key).unwrap();
    assert_eq!(signed.file_name, "probe_giessen-lahn_2004-09-29.json");
    assert_eq!(signed.fingerprint, key.public_key().fingerprint());
    let verified = verify_submission(&signed.text).unwrap();
    assert_eq!(verified.fingerprint, key.public_key().fingerprint());
    assert_eq!(verified.answers_digest, signed.answers_digest);
    assert_eq!(verified.file.questionnaire.sha256, session.questionnaire().sha256);
    assert_eq!(verified.file.answers["share"], serde_json::json!(6.812054329371817));
    assert_eq!(check_against(&verified.file.answers, session.questionnaire()), vec![]);
    // The documented member order, so that a person reading the file finds the answers in one place.
    let order: Vec<usize> = [
        "\"format\"",
        "\"formatVersion\"",
        "\"questionnaire\"",
        "\"createdAt\"",
        "\"language\"",
        "\"answers\"",
        "\"signature\"",
    ]
    .iter()
    .map(|k| signed.text.find(k).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{}", signed.text);
}

#[test]
fn the_respondent_s_name_is_the_same_before_and_after_signing() {
    let mut session = filled_session();
    let signed = create_submission(&session, Lang::De, CREATED_AT, &KeyPair::from_seed([42; 32])).unwrap();
    let after = respondent_name(session.questionnaire(), &signed.file.answers);
    assert_eq!(session_respondent_name(&session), after);
    assert_eq!(after.as_deref(), Some("Gießen (Lahn)"));
    let name = session.questionnaire().question_idx("name").unwrap();
    session.set_answer(name, Some(AnswerValue::Text("  ".into())));
    assert_eq!(session_respondent_name(&session), None, "blank is no name");
}

#[test]
fn a_submission_signed_by_another_key_verifies_with_that_other_fingerprint() {
    let session = filled_session();
    let signed = create_submission(&session, Lang::De, CREATED_AT, &KeyPair::from_seed([7; 32])).unwrap();
    let verified = verify_submission(&signed.text).unwrap();
    assert_eq!(verified.fingerprint, KeyPair::from_seed([7; 32]).public_key().fingerprint());
    assert_ne!(verified.fingerprint, KeyPair::from_seed([42; 32]).public_key().fingerprint());
}

fn reason(text: &str) -> SubmissionError {
    verify_submission(text).unwrap_err()
}

#[test]
fn every_way_a_file_can_fail_has_its_own_reason() {
    let session = filled_session();
    let signed = create_submission(&session, Lang::De, CREATED_AT, &KeyPair::from_seed([42; 32])).unwrap();
    let text = &signed.text;
    assert!(matches!(reason("{\"format\": "), SubmissionError::NotJson(JsonError::Syntax { .. })));
    assert!(matches!(reason("[1, 2]"), SubmissionError::NotASubmission { kind: FileKind::NotAnObject, .. }));
    assert!(
        matches!(reason(FIXTURE), SubmissionError::NotASubmission { kind: FileKind::Questionnaire, reason }
            if reason.contains("questionnaire")),
        "a questionnaire is named as such"
    );
    assert!(matches!(
        reason(&text.replace("\"formatVersion\": 1", "\"formatVersion\": 2")),
        SubmissionError::UnknownFormatVersion(v) if v == "2"
    ));
    assert!(matches!(
        reason(&text.replace("\"bogen-submission\"", "\"bogen-draft\"")),
        SubmissionError::NotASubmission { kind: FileKind::Draft, .. }
    ));
    assert!(
        matches!(reason(&text.replace(CREATED_AT, "yesterday")), SubmissionError::Malformed(r) if r.contains("createdAt"))
    );
    assert!(matches!(
        reason(&text.replace("\"Gießen (Lahn)\"", "\"Gießen\"")),
        SubmissionError::Signature(SignatureError::Invalid)
    ));
    let unsigned: Json = {
        let mut v: Json = serde_json::from_str(text).unwrap();
        v.as_object_mut().unwrap().remove("signature");
        v
    };
    // No signature: unsigned, not malformed (docs/SUBMISSION.md), in words without the reader's "." and backticks.
    let missing = reason(&unsigned.to_string());
    assert!(matches!(missing, SubmissionError::Signature(SignatureError::Missing)), "{missing:?}");
    assert!(missing.to_string().starts_with("the file has no signature"), "{missing}");
    assert!(missing.to_string().contains("ask for the signed submission"), "{missing}");
    let mut no_answers: Json = serde_json::from_str(text).unwrap();
    no_answers.as_object_mut().unwrap().remove("answers");
    let malformed = reason(&no_answers.to_string()).to_string();
    assert_eq!(malformed, "malformed submission: missing field \"answers\" (at the top level of the file)");
    // A draft or a key file given instead says what to ask for.
    let draft = reason(r#"{"format": "bogen-draft", "formatVersion": 2}"#).to_string();
    assert!(draft.contains("draft file") && draft.contains("review page"), "{draft}");
    let key_file = reason(r#"{"format": "bogen-key", "formatVersion": 1}"#).to_string();
    assert!(key_file.contains("key file") && key_file.contains("secret"), "{key_file}");
    // A fingerprint that is not the key's own.
    let other = KeyPair::from_seed([1; 32]).public_key().fingerprint().to_string();
    assert!(matches!(
        reason(&text.replace(signed.fingerprint.as_str(), &other)),
        SubmissionError::Signature(SignatureError::FingerprintMismatch { .. })
    ));
    // A key twice in one object: readers would disagree about which counts.
    let doubled = text.replacen("\"language\": \"de\",", "\"language\": \"de\", \"language\": \"en\",", 1);
    assert!(
        matches!(reason(&doubled), SubmissionError::NotJson(JsonError::Syntax { reason, .. }) if reason.contains("twice"))
    );
}

#[test]
fn answers_that_do_not_fit_the_questionnaire_are_named() {
    let questionnaire = load(FIXTURE);
    let answers = |json: &str| serde_json::from_str(json).unwrap();
    let problems = check_against(
        &answers(
            r#"{"name": "X", "kind": "stadt", "members": 3, "inhabitants": "many", "colour": "blue", "share": 1}"#,
        ),
        &questionnaire,
    );
    assert!(problems.contains(&AnswerProblem::UnknownQuestion { id: "colour".into() }), "{problems:?}");
    assert!(
        problems.contains(&AnswerProblem::HiddenQuestion { id: "members".into() }),
        "hidden for a Stadt: {problems:?}"
    );
    assert!(
        problems.contains(&AnswerProblem::CalculatedValue {
            id: "share".into(),
            found: Some(Json::from(1)),
            computed: None
        }),
        "calculated without inputs: {problems:?}"
    );
    let words: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        words.iter().any(|w| w.starts_with("\"members\" answers a question that the other answers hide")),
        "{words:?}"
    );
    assert!(
        words.contains(
            &"\"share\" is calculated: the file says 1, but the questionnaire computes no value from these answers"
                .to_owned()
        ),
        "{words:?}"
    );
    assert!(
        problems.iter().any(|p| matches!(p, AnswerProblem::Violation { id, .. } if id == "inhabitants")),
        "{problems:?}"
    );
    // An answer in a form the app never writes is shown with the form it writes.
    let problems = check_against(
        &answers(r#"{"name": "X", "kind": "stadt", "measures": [{"title": "Kurs", "year": null}]}"#),
        &questionnaire,
    );
    let words: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        words,
        [r#""measures" is not what the app exports for these answers: it would write [{"title":"Kurs"}]"#],
        "{problems:?}"
    );
    // A check that fails in a record names the record and the field.
    let problems = check_against(
        &answers(r#"{"name": "X", "kind": "stadt", "measures": [{"title": "Kurs"}, {"year": 2003}]}"#),
        &questionnaire,
    );
    let words: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(words, [r#""measures[1].title": a required answer is missing"#], "{problems:?}");
    let problems = check_against(&answers(r#"{"kind": "dorf", "name": ["X"]}"#), &questionnaire);
    assert!(problems.iter().any(|p| matches!(p, AnswerProblem::WrongType { id, .. } if id == "name")), "{problems:?}");
    assert!(problems.iter().any(|p| matches!(p, AnswerProblem::Violation { id, .. } if id == "kind")), "{problems:?}");
}

#[test]
fn flipping_any_byte_breaks_the_json_or_the_signature_unless_the_canonical_form_stays() {
    let session = filled_session();
    let signed = create_submission(&session, Lang::De, CREATED_AT, &KeyPair::from_seed([42; 32])).unwrap();
    let original: Json = serde_json::from_str(&signed.text).unwrap();
    let original = canonical_bytes(&original).unwrap();
    let bytes = signed.text.as_bytes();
    let (mut not_json, mut invalid, mut unchanged) = (0, 0, 0);
    for i in 0..bytes.len() {
        for flip in [0x01u8, 0x20, 0x80] {
            let mut changed = bytes.to_vec();
            changed[i] ^= flip;
            let Ok(text) = String::from_utf8(changed) else {
                not_json += 1; // Not UTF-8: no reader takes it as text.
                continue;
            };
            match verify_submission(&text) {
                Err(SubmissionError::NotJson(_)) => not_json += 1,
                Err(_) => invalid += 1,
                Ok(_) => {
                    let value: Json = serde_json::from_str(&text).unwrap();
                    assert_eq!(
                        canonical_bytes(&value).unwrap(),
                        original,
                        "byte {i} ^ {flip:#x} changed the content and still verified:\n{text}"
                    );
                    unchanged += 1;
                }
            }
        }
    }
    assert!(not_json > 0 && invalid > 0, "not JSON {not_json}, invalid {invalid}, unchanged {unchanged}");
}

#[test]
fn huge_and_deeply_nested_files_are_refused_without_a_crash() {
    let huge = format!("{{\"format\": \"bogen-submission\", \"pad\": \"{}\"}}", "x".repeat(MAX_FILE_BYTES));
    assert!(matches!(reason(&huge), SubmissionError::NotJson(JsonError::TooLarge { .. })));
    let hundred_mb = " ".repeat(100 * 1024 * 1024);
    assert!(matches!(reason(&hundred_mb), SubmissionError::NotJson(JsonError::TooLarge { .. })));
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert!(matches!(reason(&deep), SubmissionError::NotJson(JsonError::Syntax { .. })));
    let deep_object = "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000);
    assert!(matches!(parse_strict_json(&deep_object), Err(JsonError::Syntax { .. })));
}

#[test]
fn a_questionnaire_hashed_by_the_caller_is_the_one_compile_makes() {
    let key = KeyPair::from_seed([9; 32]);
    let signed_text = sign_json_text(FIXTURE, &key).unwrap();
    for text in [FIXTURE, signed_text.as_str()] {
        let reading = bogen_engine::compile::read(text).unwrap();
        // What the browser app hands to WebCrypto: the canonical form, without the signature.
        let canonical = reading.canonical().expect("a questionnaire has a canonical form").to_vec();
        assert!(!String::from_utf8(canonical.clone()).unwrap().contains("\"signature\""));
        let hashed_outside = reading.compile_unhashed().unwrap().hashed(sha256_hex(&canonical));
        let whole = compile(text).unwrap();
        assert_eq!(hashed_outside.sha256, whole.sha256);
        assert_eq!(hashed_outside.signature, whole.signature);
        assert_eq!(hashed_outside.questions.len(), whole.questions.len());
    }
    // Not an object: no canonical form to hash, and compile says what is wrong.
    let reading = bogen_engine::compile::read("[1, 2]").unwrap();
    assert!(reading.canonical().is_none());
    let problems = reading.compile_unhashed().err().expect("not a questionnaire");
    assert!(problems.0[0].message.contains("must be a JSON object"), "{:?}", problems);
    // Not JSON: read itself fails, with the position.
    let problems = bogen_engine::compile::read("{\"id\": ").err().expect("not JSON");
    assert!(problems.0[0].message.starts_with("not valid JSON"), "{:?}", problems);
    assert!(problems.0[0].position.is_some());
}

#[test]
fn a_signed_questionnaire_knows_its_signer_and_a_changed_one_is_invalid() {
    let key = KeyPair::from_seed([9; 32]);
    let unsigned = compile(FIXTURE).unwrap();
    assert_eq!(unsigned.signature, SignatureStatus::Unsigned);
    let signed_text = sign_json_text(FIXTURE, &key).unwrap();
    let signed = compile(&signed_text).unwrap();
    assert_eq!(signed.signature, SignatureStatus::Signed(key.public_key()));
    // The hash leaves the signature out: signing does not change what submissions name.
    assert_eq!(signed.sha256, unsigned.sha256);
    let changed = compile(&signed_text.replace("\"Probe\"", "\"Probe 2\"")).unwrap();
    assert_eq!(changed.signature, SignatureStatus::Invalid(SignatureError::Invalid));
    assert_ne!(changed.sha256, signed.sha256);
    // A byte order mark is no content either: the hash and the signature stay.
    let with_bom = compile(&format!("\u{FEFF}{signed_text}")).unwrap();
    assert_eq!(with_bom.signature, SignatureStatus::Signed(key.public_key()));
    assert_eq!(with_bom.sha256, signed.sha256);
    let signed_with_bom = sign_json_text(&format!("\u{FEFF}{FIXTURE}"), &key).unwrap();
    assert_eq!(compile(&signed_with_bom).unwrap().signature, SignatureStatus::Signed(key.public_key()));
    // Whitespace is not content.
    let reformatted: Json = serde_json::from_str(&signed_text).unwrap();
    let reformatted = compile(&serde_json::to_string(&reformatted).unwrap()).unwrap();
    assert_eq!(reformatted.signature, SignatureStatus::Signed(key.public_key()));
}

#[test]
fn name_and_kind_questions_must_exist_and_have_the_right_type() {
    let broken = FIXTURE
        .replace("\"nameQuestion\": \"name\"", "\"nameQuestion\": \"nme\"")
        .replace("\"kindQuestion\": \"kind\"", "\"kindQuestion\": \"name\"");
    let problems = compile(&broken).unwrap_err().render("probe.json");
    assert!(
        problems.contains("submission.nameQuestion: unknown question id \"nme\" (did you mean \"name\"?)"),
        "{problems}"
    );
    assert!(problems.contains("submission.kindQuestion: \"name\" must be a \"singleChoice\" question"), "{problems}");
}
