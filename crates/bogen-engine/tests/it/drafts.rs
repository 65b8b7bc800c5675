//! The draft file format (version 2, and reading version 1), saving with times and revisions,
//! and the compatibility table: how each kind of answer carries into each kind of question.

use crate::support::{load, render_kept_aside, session_after};
use bogen_engine::location::LineCol;
use bogen_engine::{DraftError, DraftFile, DraftMeta, SaveOrder, Session};
use expect_test::{expect, Expect};
use std::sync::Arc;

const SMALL: &str = r#"{
  "formatVersion": 1, "id": "t", "version": "1.0.0", "title": "T",
  "sections": [{"id": "s", "title": "S", "questions": [
    {"id": "name", "type": "text", "label": "Name"},
    {"id": "as_of", "type": "date", "label": "Stichtag", "default": "2003-12-31"},
    {"id": "inhabitants", "type": "integer", "label": "Einwohner"},
    {"id": "kind", "type": "singleChoice", "label": "Art", "visibleIf": "inhabitants > 0",
     "options": [{"value": "stadt", "label": "Stadt"}, {"value": "landkreis", "label": "Landkreis"}]}
  ]}]
}"#;

fn meta(revision: u64, saved_at: &str) -> DraftMeta {
    DraftMeta { draft_id: "5f0c2a".into(), name: "Zuarbeit Sozialamt".into(), saved_at: saved_at.into(), revision }
}

#[test]
fn a_draft_is_written_with_every_member_of_format_version_2() {
    let questionnaire = load(SMALL);
    let mut session = session_after(
        &questionnaire,
        r#"
        answer name = "Stadt Solingen"
        answer inhabitants = 163000
        answer kind = "stadt"
        answer inhabitants = 0
        "#,
    );
    session.stamp_changes("2026-03-01T10:00:00.000Z");
    let as_of = questionnaire.question_idx("as_of").expect("asked");
    session.set_answer(as_of, None);
    let draft = DraftFile::from_session(&session, &meta(3, "2026-03-01T10:00:00.400Z"));
    let text = serde_json::to_string_pretty(&draft).expect("serialises").replace(&questionnaire.sha256, "<sha256>");
    // The hidden kind is kept; the cleared default is null; the change not yet stamped has no time.
    expect![[r#"
        {
          "format": "bogen-draft",
          "formatVersion": 2,
          "questionnaireId": "t",
          "questionnaireVersion": "1.0.0",
          "questionnaireSha256": "<sha256>",
          "draftId": "5f0c2a",
          "name": "Zuarbeit Sozialamt",
          "savedAt": "2026-03-01T10:00:00.400Z",
          "revision": 3,
          "answers": {
            "as_of": null,
            "inhabitants": 0,
            "kind": "stadt",
            "name": "Stadt Solingen"
          },
          "answeredAt": {
            "inhabitants": "2026-03-01T10:00:00.000Z",
            "kind": "2026-03-01T10:00:00.000Z",
            "name": "2026-03-01T10:00:00.000Z"
          },
          "keptAside": []
        }"#]]
    .assert_eq(&text);
    assert_eq!(DraftFile::parse(&text.replace("<sha256>", &questionnaire.sha256)), Ok(draft.clone()));
    assert_eq!(DraftFile::parse(&draft.to_json()), Ok(draft.clone()));
    // The cleared default stays cleared.
    let (restored, _) = draft.restore(Arc::clone(&questionnaire)).expect("same questionnaire");
    assert_eq!(restored.answer(as_of), None);
}

#[test]
fn serde_reads_both_versions_like_parse_so_stored_drafts_of_version_1_still_open() {
    let v1 = r#"{"formatVersion":1,"questionnaireId":"t","questionnaireVersion":"1.0.0","savedAt":"2025-12-01T08:00:00Z","answers":{"name":"Solingen","gone":1}}"#;
    let through_serde: DraftFile = serde_json::from_str(v1).expect("serde reads version 1");
    assert_eq!(Ok(through_serde.clone()), DraftFile::parse(v1));
    let (session, report) = through_serde.restore(load(SMALL)).expect("same questionnaire");
    assert_eq!(render_kept_aside(session.kept_aside()), "kept aside gone = 1 (from 1.0.0): no longer asked\n");
    assert_eq!(report.newly_kept_aside.len(), 1);
}

fn refused(text: &str) -> String {
    match DraftFile::parse(text) {
        Ok(draft) => panic!("read: {draft:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn what_is_not_a_draft_of_a_known_version_is_refused_with_a_message_that_says_where() {
    let v2 = |members: &str| {
        format!(
            r#"{{"format": "bogen-draft", "formatVersion": 2, "questionnaireId": "t", "questionnaireVersion": "1",
            "questionnaireSha256": null, "draftId": "d", "name": "", "savedAt": "2026-01-01T00:00:00Z",
            "revision": 1, "answers": {{}}, "answeredAt": {{}}{members}}}"#
        )
    };
    let messages = [
        refused("{"),
        refused("[]"),
        refused(r#"{"format": "bogen-submission", "formatVersion": 1}"#),
        refused(r#"{"format": "bogen-draft", "formatVersion": 3}"#),
        refused(r#"{"format": "bogen-draft", "formatVersion": "2"}"#),
        refused(r#"{"questionnaireId": "t"}"#),
        refused(&v2("")),
        refused(&v2(r#", "keptAside": [], "comment": "x""#)),
        refused(&v2(
            r#", "keptAside": [{"questionId": "a", "value": 1, "questionnaireVersion": "1", "reason": {"kind": "lost"}}]"#,
        )),
        refused(&v2(r#", "keptAside": []"#).replace(r#""format": "bogen-draft", "#, "")),
        refused(&v2(r#", "keptAside": []"#).replace(r#""revision": 1"#, r#""revision": -1"#)),
        refused(
            r#"{"format": "bogen-draft", "formatVersion": 1, "questionnaireId": "t", "questionnaireVersion": "1", "savedAt": "", "answers": {}}"#,
        ),
    ];
    expect![[r#"
        not a Bogen draft file: EOF while parsing an object at line 1 column 1
        not a Bogen draft file: a draft file is a JSON object
        not a Bogen draft file: its format is "bogen-submission", a draft's is "bogen-draft"
        draft format version 3 is not supported: this version of Bogen reads versions 1 and 2; open the draft with a newer version of Bogen
        not a Bogen draft file: formatVersion: expected 2, found "2"
        not a Bogen draft file: missing field `formatVersion`
        not a Bogen draft file: missing field `keptAside` at line 1 column 1
        not a Bogen draft file: comment: unknown field `comment`, expected one of `format`, `formatVersion`, `questionnaireId`, `questionnaireVersion`, `questionnaireSha256`, `draftId`, `name`, `savedAt`, `revision`, `answers`, `answeredAt`, `keptAside` at line 3 column 78
        not a Bogen draft file: keptAside[0].reason.kind: unknown variant `lost`, expected one of `unknownQuestion`, `wrongType`, `optionsRemoved`, `matrixChanged`, `lineBreaks`, `recordFields` at line 3 column 147
        not a Bogen draft file: missing field `format` ("bogen-draft")
        not a Bogen draft file: revision: invalid value: integer `-1`, expected u64 at line 3 column 13
        not a Bogen draft file: format: a version 1 draft has no "format" member; remove it or write formatVersion 2
    "#]]
    .assert_eq(&(messages.join("\n") + "\n"));
    assert!(matches!(
        DraftFile::parse(r#"{"format": "bogen-draft", "formatVersion": 3}"#),
        Err(DraftError::UnsupportedVersion(3))
    ));
}

#[test]
fn a_malformed_draft_names_its_path_detail_and_position_as_fields_and_reads_the_same_from_a_parsed_tree() {
    let text = r#"{"format": "bogen-draft", "formatVersion": 2, "questionnaireId": "t", "questionnaireVersion": "1",
        "questionnaireSha256": null, "draftId": "d", "name": "", "savedAt": "2026-01-01T00:00:00Z",
        "revision": 1, "answers": "nope", "answeredAt": {}, "keptAside": []}"#;
    let malformed = |path: &str, detail: &str, position: Option<(usize, usize)>| DraftError::Malformed {
        path: path.to_owned(),
        detail: detail.to_owned(),
        position: position.map(|(line, col)| LineCol { line, col }),
    };
    let answers = malformed("answers", r#"invalid type: string "nope", expected a map"#, Some((3, 24)));
    assert_eq!(DraftFile::parse(text), Err(answers.clone()));
    let tree: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(DraftFile::from_parsed(&tree, text), Err(answers));

    let extra = text.replace(r#""nope""#, "{}").replace(r#""keptAside": []"#, r#""keptAside": [], "extra": 1"#);
    let tree: serde_json::Value = serde_json::from_str(&extra).unwrap();
    assert!(matches!(
        DraftFile::from_parsed(&tree, &extra),
        Err(DraftError::Malformed { path, position: Some(_), .. }) if path == "extra"
    ));
    // Read through serde, from the tree alone, the place in the text is not known.
    assert!(matches!(
        serde_json::from_value::<DraftFile>(tree),
        Err(e) if e.to_string() == "not a Bogen draft file: extra: unknown field `extra`, expected one of `format`, \
            `formatVersion`, `questionnaireId`, `questionnaireVersion`, `questionnaireSha256`, `draftId`, `name`, \
            `savedAt`, `revision`, `answers`, `answeredAt`, `keptAside`"
    ));

    // Text that is not JSON: serde_json's words, which name the place.
    assert_eq!(DraftFile::parse("{\n  \"answers\": ]"), Err(malformed("", "expected value at line 2 column 14", None)));
    assert_eq!(DraftFile::parse("[]"), Err(malformed("", "a draft file is a JSON object", None)));
    assert_eq!(
        DraftFile::parse(r#"{"format": "bogen-draft", "formatVersion": "2"}"#),
        Err(malformed("formatVersion", r#"expected 2, found "2""#, None))
    );
    assert_eq!(
        DraftFile::parse(r#"{"formatVersion": 2, "questionnaireId": "t"}"#),
        Err(malformed("", r#"missing field `format` ("bogen-draft")"#, None))
    );
}

#[test]
fn a_draft_of_another_questionnaire_is_refused() {
    let draft = DraftFile::from_session(&Session::new(load(SMALL)), &meta(1, "2026-01-01T00:00:00Z"));
    let other = load(&SMALL.replace(r#""id": "t""#, r#""id": "other""#));
    let error = draft.restore(other).map(|_| ()).expect_err("another questionnaire");
    assert_eq!(error.to_string(), "the draft belongs to questionnaire \"t\", not to \"other\"");
}

#[test]
fn a_tab_may_save_over_the_stored_draft_only_when_it_is_the_save_it_knows() {
    let stored = DraftFile::from_session(&Session::new(load(SMALL)), &meta(5, "2026-01-01T10:00:00.000Z"));
    assert_eq!(stored.compare_with(&stored.meta()), SaveOrder::Same);
    assert_eq!(stored.compare_with(&meta(4, "2026-01-01T09:59:00.000Z")), SaveOrder::StoredNewer);
    assert_eq!(stored.compare_with(&meta(6, "2026-01-01T10:01:00.000Z")), SaveOrder::StoredOlder);
    assert_eq!(stored.compare_with(&meta(5, "2026-01-01T10:00:00.250Z")), SaveOrder::Concurrent);
}

#[test]
fn a_change_has_no_time_until_it_is_stamped_and_then_the_time_of_the_save() {
    let questionnaire = load(SMALL);
    let name = questionnaire.question_idx("name").expect("asked");
    let inhabitants = questionnaire.question_idx("inhabitants").expect("asked");
    let mut session = session_after(&questionnaire, "answer name = \"A\"");
    assert_eq!(session.answered_at(name), None);
    assert_eq!(session.stamp_changes("2026-01-01T10:00:00Z"), 1);
    session.set_answer(inhabitants, Some(bogen_engine::AnswerValue::Number(5.0)));
    assert_eq!(session.stamp_changes("2026-01-01T10:05:00Z"), 1);
    assert_eq!(session.stamp_changes("2026-01-01T10:06:00Z"), 0);
    assert_eq!(session.answered_at(name), Some("2026-01-01T10:00:00Z"));
    assert_eq!(session.answered_at(inhabitants), Some("2026-01-01T10:05:00Z"));
    session.set_answer(name, Some(bogen_engine::AnswerValue::Text("B".into())));
    assert_eq!(session.answered_at(name), None, "changed since the last stamp: the old time would be wrong");
}

#[test]
fn progress_counts_completed_pages_among_those_not_hidden() {
    const PAGES: &str = r#"{
      "formatVersion": 1, "id": "p", "version": "1", "title": "P",
      "sections": [
        {"id": "a", "title": "A", "questions": [{"id": "x", "type": "yesNo", "label": "X", "required": true}]},
        {"id": "b", "title": "B", "questions": [{"id": "y", "type": "text", "label": "Y", "required": true}]},
        {"id": "c", "title": "C", "visibleIf": "x = true", "questions": [{"id": "z", "type": "text", "label": "Z"}]}
      ]
    }"#;
    let questionnaire = load(PAGES);
    let progress = |script: &str| {
        let p = session_after(&questionnaire, script).progress();
        (p.pages_completed, p.pages_needed)
    };
    assert_eq!(progress(""), (0, 2));
    assert_eq!(progress("answer x = false"), (1, 2));
    // A page of optional questions is completed once something on it is answered.
    assert_eq!(progress("answer x = true"), (1, 3));
    assert_eq!(progress("answer x = true\nanswer y = \"ok\"\nanswer z = \"z\""), (3, 3));
}

/// Opens a draft answering question `q` with `value` in a questionnaire whose only question is
/// `question` (its JSON without the id), and renders what carried and what was kept aside.
fn carry(question: &str, value: &str) -> String {
    let questionnaire = load(&format!(
        r#"{{"formatVersion": 1, "id": "c", "version": "2", "title": "C",
            "sections": [{{"id": "s", "title": "S", "questions": [{{"id": "q", "label": "Q", {question}}}]}}]}}"#
    ));
    let draft = DraftFile::parse(&format!(
        r#"{{"formatVersion": 1, "questionnaireId": "c", "questionnaireVersion": "1", "savedAt": "", "answers": {{"q": {value}}}}}"#
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let (session, report) = draft.restore(Arc::clone(&questionnaire)).expect("same questionnaire");
    let q = questionnaire.question_idx("q").expect("asked");
    let carried = match (session.answer(q), report.carried.first()) {
        (Some(answer), Some(c)) => {
            let json = bogen_engine::answer::answer_to_json(questionnaire.question(q), answer);
            if c.how == bogen_engine::Carry::AsIs {
                format!("carries {json}")
            } else {
                format!("carries {json} ({:?})", c.how)
            }
        }
        _ => "nothing carries".to_owned(),
    };
    let aside: Vec<String> =
        report.newly_kept_aside.iter().map(|k| format!("; kept aside {}: {}", k.value, k.reason)).collect();
    format!("{value:<46} → {carried}{}", aside.join(""))
}

fn check_table(question: &str, values: &[&str], expected: Expect) {
    let lines: Vec<String> = values.iter().map(|v| carry(question, v)).collect();
    expected.assert_eq(&(lines.join("\n") + "\n"));
}

#[test]
fn texts_carry_between_text_kinds_numbers_become_text_and_line_breaks_need_a_long_text() {
    check_table(
        r#""type": "text""#,
        &[r#""Stadt Solingen""#, "163000", "13.9", r#""a\nb""#, "true", r#"["a"]"#, "null"],
        expect![[r#"
            "Stadt Solingen"                               → carries "Stadt Solingen"
            163000                                         → carries "163000" (NumberAsText)
            13.9                                           → carries "13.9" (NumberAsText)
            "a\nb"                                         → carries "a b" (Partly); kept aside "a\nb": the question now takes one line
            true                                           → nothing carries; kept aside true: the question now takes a text
            ["a"]                                          → nothing carries; kept aside ["a"]: the question now takes a text
            null                                           → nothing carries
        "#]],
    );
    check_table(
        r#""type": "longText""#,
        &[r#""a\nb""#],
        expect![[r#"
            "a\nb"                                         → carries "a\nb"
        "#]],
    );
    check_table(
        r#""type": "email""#,
        &[r#""kein@beispiel""#, r#""x\ny""#],
        expect![[r#"
            "kein@beispiel"                                → carries "kein@beispiel"
            "x\ny"                                         → carries "x y" (Partly); kept aside "x\ny": the question now takes one line
        "#]],
    );
}

#[test]
fn numbers_carry_between_integer_and_decimal_and_what_breaks_a_check_is_reported_in_place() {
    check_table(
        r#""type": "integer""#,
        &["12", "12.5", r#""12""#, r#""ca. 500""#, "false", r#"{"a": 1}"#],
        expect![[r#"
            12                                             → carries 12
            12.5                                           → carries 12.5
            "12"                                           → carries 12
            "ca. 500"                                      → carries "ca. 500"
            false                                          → nothing carries; kept aside false: the question now takes a number
            {"a": 1}                                       → nothing carries; kept aside {"a":1}: the question now takes a number
        "#]],
    );
    check_table(
        r#""type": "decimal""#,
        &["12", "12.5"],
        expect![[r#"
            12                                             → carries 12
            12.5                                           → carries 12.5
        "#]],
    );
}

#[test]
fn dates_carry_as_typed_and_yes_no_only_as_yes_or_no() {
    // A date's three fields show any text (reported until it is a date), as number fields do.
    check_table(
        r#""type": "date""#,
        &[r#""2004-02-29""#, r#""2005-02-29""#, r#""2005--1""#, r#""Ende 2004""#, "2004"],
        expect![[r#"
            "2004-02-29"                                   → carries "2004-02-29"
            "2005-02-29"                                   → carries "2005-02-29"
            "2005--1"                                      → carries "2005--1"
            "Ende 2004"                                    → carries "Ende 2004"
            2004                                           → nothing carries; kept aside 2004: the question now takes a date (YYYY-MM-DD)
        "#]],
    );
    check_table(
        r#""type": "yesNo""#,
        &["true", r#""ja""#],
        expect![[r#"
            true                                           → carries true
            "ja"                                           → nothing carries; kept aside "ja": the question now takes yes or no
        "#]],
    );
}

#[test]
fn choices_carry_the_options_still_offered_and_keep_the_removed_ones_aside() {
    let options = r#""options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]"#;
    check_table(
        &format!(r#""type": "singleChoice", {options}"#),
        &[r#""a""#, r#""x""#, r#"["b"]"#, r#"["x"]"#, r#"["a", "b"]"#, "[]", r#""""#, "true"],
        expect![[r#"
            "a"                                            → carries "a"
            "x"                                            → nothing carries; kept aside "x": option 'x' is no longer offered
            ["b"]                                          → carries "b" (ListAsChoice)
            ["x"]                                          → nothing carries; kept aside ["x"]: option 'x' is no longer offered
            ["a", "b"]                                     → nothing carries; kept aside ["a","b"]: the question now takes one option
            []                                             → nothing carries
            ""                                             → nothing carries
            true                                           → nothing carries; kept aside true: the question now takes one option
        "#]],
    );
    check_table(
        &format!(r#""type": "multipleChoice", {options}"#),
        &[
            r#"["a", "b"]"#,
            r#""b""#,
            r#"["a", "x", "y"]"#,
            r#"["x"]"#,
            r#"{"selected": ["a"], "other": "Sport"}"#,
            r#"{"selected": [], "other": "Sport"}"#,
            r#"{"selected": ["a"], "extra": 1}"#,
        ],
        expect![[r#"
            ["a", "b"]                                     → carries ["a","b"]
            "b"                                            → carries ["b"] (ChoiceAsList)
            ["a", "x", "y"]                                → carries ["a"] (Partly); kept aside ["a","x","y"]: options 'x', 'y' are no longer offered
            ["x"]                                          → nothing carries; kept aside ["x"]: option 'x' is no longer offered
            {"selected": ["a"], "other": "Sport"}          → carries ["a"] (Partly); kept aside {"other":"Sport","selected":["a"]}: "other" is no longer asked
            {"selected": [], "other": "Sport"}             → nothing carries; kept aside {"other":"Sport","selected":[]}: "other" is no longer asked
            {"selected": ["a"], "extra": 1}                → nothing carries; kept aside {"extra":1,"selected":["a"]}: the question now takes a list of options
        "#]],
    );
    check_table(
        &format!(r#""type": "multipleChoice", "other": true, {options}"#),
        &[r#"{"selected": ["a"], "other": "Sport"}"#],
        expect![[r#"
            {"selected": ["a"], "other": "Sport"}          → carries {"other":"Sport","selected":["a"]}
        "#]],
    );
}

#[test]
fn a_matrix_carries_the_rows_and_scale_values_that_remain() {
    check_table(
        r#""type": "matrix", "rows": [{"value": "r1", "label": "R1"}, {"value": "r2", "label": "R2"}],
           "options": [{"value": "x", "label": "X"}, {"value": "y", "label": "Y"}]"#,
        &[r#"{"r1": "x", "r2": "y"}"#, r#"{"r1": "x", "r3": "y"}"#, r#"{"r1": "z", "r2": "z"}"#, r#"{"r1": 1}"#],
        expect![[r#"
            {"r1": "x", "r2": "y"}                         → carries {"r1":"x","r2":"y"}
            {"r1": "x", "r3": "y"}                         → carries {"r1":"x"} (Partly); kept aside {"r1":"x","r3":"y"}: rows 'r3' are no longer asked
            {"r1": "z", "r2": "z"}                         → nothing carries; kept aside {"r1":"z","r2":"z"}: scale values 'z' are no longer offered
            {"r1": 1}                                      → nothing carries; kept aside {"r1":1}: the question now takes a scale value per row
        "#]],
    );
}

#[test]
fn repeat_groups_carry_record_by_record_and_keep_a_record_aside_whole_when_a_field_does_not_fit() {
    check_table(
        r#""type": "repeat", "fields": [{"id": "title", "type": "text", "label": "T"},
           {"id": "n", "type": "integer", "label": "N"},
           {"id": "kind", "type": "singleChoice", "label": "K", "options": [{"value": "a", "label": "A"}]}]"#,
        &[
            r#"[{"title": "A", "n": 1}, {"title": "B", "n": 2, "kind": "a"}]"#,
            r#"[{"title": "A", "n": "zwei"}, {"title": "B", "kind": "x", "old": 1}]"#,
            r#"[{"title": 5}]"#,
            r#"[{"title": "A"}, 3]"#,
            r#"{"title": "A"}"#,
        ],
        expect![[r#"
            [{"title": "A", "n": 1}, {"title": "B", "n": 2, "kind": "a"}] → carries [{"n":1,"title":"A"},{"kind":"a","n":2,"title":"B"}]
            [{"title": "A", "n": "zwei"}, {"title": "B", "kind": "x", "old": 1}] → carries [{"n":"zwei","title":"A"},{"title":"B"}] (Partly); kept aside {"kind":"x","old":1,"title":"B"}: record 2: kind: option 'x' is no longer offered; old: no longer asked
            [{"title": 5}]                                 → carries [{"title":"5"}] (NumberAsText)
            [{"title": "A"}, 3]                            → nothing carries; kept aside [{"title":"A"},3]: the question now takes a list of records
            {"title": "A"}                                 → nothing carries; kept aside {"title":"A"}: the question now takes a list of records
        "#]],
    );
}

#[test]
fn an_answer_to_a_question_that_is_calculated_now_is_kept_aside() {
    check_table(
        r#""type": "calculated", "calculate": "1 + 1""#,
        &["2"],
        expect![[r#"
            2                                              → nothing carries; kept aside 2: the question now takes no answer (it is calculated)
        "#]],
    );
}
