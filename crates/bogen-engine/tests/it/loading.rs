//! Problems found when loading, one test per rule: each fixture is broken in one way and the
//! expected output is exactly what `bogen check` prints for it.

use bogen_engine::compile;
use expect_test::{expect, Expect};

fn check(json: &str, expected: Expect) {
    let rendered = match compile(json) {
        Ok(_) => "ok\n".to_owned(),
        Err(problems) => problems.render("q.json"),
    };
    expected.assert_eq(&rendered);
}

/// Wraps questions into a minimal valid questionnaire with one section.
fn with_questions(questions: &str) -> String {
    format!(
        r#"{{"formatVersion": 1, "id": "t", "version": "1", "title": "T",
"sections": [{{"id": "s", "title": "S", "questions": [
{questions}
]}}]}}"#
    )
}

#[test]
fn text_that_is_not_json_is_reported_at_its_line_and_column() {
    check(
        "{\n  \"formatVersion\": 1,\n  \"id\": \"t\"\n  \"version\": \"1\"\n}",
        expect![[r#"
        q.json:4:3: (file): not valid JSON: expected `,` or `}`
    "#]],
    );
}

#[test]
fn unknown_fields_are_reported_with_a_suggestion_and_the_rest_still_loads() {
    check(
        &with_questions(r#"{"id": "a", "type": "text", "lable": "A", "label": "A", "requierd": true}"#),
        expect![[r#"
        q.json:3:29: sections[0].questions[0].lable: unknown field "lable" (did you mean "label"?)
        q.json:3:57: sections[0].questions[0].requierd: unknown field "requierd" (did you mean "required"?)
    "#]],
    );
}

#[test]
fn missing_fields_and_wrong_types_name_the_field() {
    check(
        &with_questions(r#"{"id": "a", "type": "text"}, {"id": "b", "type": "integer", "label": "B", "min": "zero"}"#),
        expect![[r#"
        q.json:3:1: sections[0].questions[0]: missing field "label"
        q.json:3:75: sections[0].questions[1].min: expected a number, found "zero"
    "#]],
    );
}

#[test]
fn unknown_question_types_list_the_types() {
    check(
        &with_questions(r#"{"id": "a", "type": "number", "label": "A"}"#),
        expect![[r#"
        q.json:3:13: sections[0].questions[0].type: unknown value "number"; expected one of "text", "longText", "integer", "decimal", "singleChoice", "multipleChoice", "yesNo", "date", "email", "url", "phone", "matrix", "repeat", "calculated"
    "#]],
    );
}

#[test]
fn duplicate_option_values_name_the_first_use_in_short_and_long_lists() {
    // A short list is searched and a long one (over 32 options) hashed: both say the same.
    let long: Vec<String> = (0..40).map(|i| format!(r#"{{"value": "v{}", "label": "L"}}"#, i % 39)).collect();
    check(
        &with_questions(&format!(
            r#"{{"id": "a", "type": "singleChoice", "label": "A", "options": [{{"value": "x", "label": "X"}}, {{"value": "", "label": "E"}}, {{"value": "x", "label": "Y"}}]}},
{{"id": "b", "type": "singleChoice", "label": "B", "options": [{}]}}"#,
            long.join(", ")
        )),
        expect![[r#"
            q.json:3:94: sections[0].questions[0].options[1].value: an option value cannot be empty
            q.json:3:123: sections[0].questions[0].options[2].value: duplicate option value "x"; it is already used at sections[0].questions[0].options[0].value
            q.json:4:1302: sections[0].questions[1].options[39].value: duplicate option value "v0"; it is already used at sections[0].questions[1].options[0].value
        "#]],
    );
}

#[test]
fn a_question_or_option_written_as_a_list_says_an_object_belongs_there() {
    check(
        &with_questions(
            r#"["q", "text", "Q"], {"id": "b", "type": "singleChoice", "label": "B", "options": [["x", "X"]]}"#,
        ),
        expect![[r#"
            q.json:3:1: sections[0].questions[0]: invalid type: sequence, expected an object {…}
            q.json:3:83: sections[0].questions[1].options[0]: invalid type: sequence, expected an object {…}
        "#]],
    );
}

#[test]
fn a_text_that_is_neither_a_string_nor_a_map_of_strings_says_what_to_write() {
    check(
        &with_questions(
            r#"{"id": "a", "type": "text", "label": 5}, {"id": "b", "type": "text", "label": ["B"]}, {"id": "c", "type": "text", "label": {"de": 5}}, {"id": "d", "type": "text", "label": {"de": "D"}}"#,
        ),
        expect![[r#"
            q.json:3:29: sections[0].questions[0].label: expected a text, or a map of language to text such as {"de": "…", "en": "…"}
            q.json:3:70: sections[0].questions[1].label: expected a text, or a map of language to text such as {"de": "…", "en": "…"}
            q.json:3:115: sections[0].questions[2].label: expected a text, or a map of language to text such as {"de": "…", "en": "…"}
        "#]],
    );
}

#[test]
fn duplicate_ids_name_the_first_use() {
    check(
        &with_questions(
            r#"{"id": "a", "type": "text", "label": "A"}, {"id": "a", "type": "text", "label": "B"}, {"id": "s", "type": "text", "label": "C"}"#,
        ),
        expect![[r#"
        q.json:3:45: sections[0].questions[1].id: duplicate id "a"; it is already used at sections[0].questions[0]
        q.json:3:88: sections[0].questions[2].id: duplicate id "s"; it is already used at sections[0]
    "#]],
    );
}

#[test]
fn references_to_unknown_questions_suggest_the_closest_id() {
    check(
        &with_questions(
            r#"{"id": "inhabitants", "type": "integer", "label": "A"}, {"id": "b", "type": "text", "label": "B", "visibleIf": "inhabitant > 5"}"#,
        ),
        expect![[r#"
        q.json:3:99: sections[0].questions[1].visibleIf: at column 1: unknown question id "inhabitant" (did you mean "inhabitants"?) in "inhabitant > 5"
    "#]],
    );
}

#[test]
fn comparing_a_number_with_a_text_is_a_type_error() {
    check(
        &with_questions(
            r#"{"id": "n", "type": "integer", "label": "A"}, {"id": "b", "type": "text", "label": "B", "visibleIf": "n = 'five'"}"#,
        ),
        expect![[r#"
        q.json:3:89: sections[0].questions[1].visibleIf: at column 1: cannot compare a number ("n") with a text ('five') in "n = 'five'"
    "#]],
    );
}

#[test]
fn comparing_a_choice_with_an_option_it_does_not_have_is_an_error() {
    check(
        &with_questions(
            r#"{"id": "kind", "type": "singleChoice", "label": "A", "options": [{"value": "landkreis", "label": "L"}]}, {"id": "b", "type": "text", "label": "B", "visibleIf": "kind = 'landkreiss'"}"#,
        ),
        expect![[r#"
        q.json:3:148: sections[0].questions[1].visibleIf: at column 8: "kind" has no option 'landkreiss' (did you mean "landkreis"?); its options are 'landkreis' in "kind = 'landkreiss'"
    "#]],
    );
}

#[test]
fn cycles_among_conditions_and_calculations_name_the_questions() {
    check(
        &with_questions(
            r#"{"id": "a", "type": "calculated", "label": "A", "calculate": "b + 1"}, {"id": "b", "type": "calculated", "label": "B", "calculate": "a * 2"}, {"id": "c", "type": "text", "label": "C", "visibleIf": "not empty(c)"}"#,
        ),
        expect![[r#"
        q.json:3:49: sections[0].questions[0].calculate: cycle in conditions and calculations: "a" → "b" → "a" (each needs the next to be decided first)
        q.json:3:185: sections[0].questions[2].visibleIf: cycle in conditions and calculations: "c" depends on itself
    "#]],
    );
}

#[test]
fn defaults_must_be_valid_answers() {
    check(
        &with_questions(
            r#"{"id": "a", "type": "integer", "label": "A", "max": 10, "default": 11}, {"id": "b", "type": "singleChoice", "label": "B", "options": [{"value": "x", "label": "X"}], "default": "y"}, {"id": "c", "type": "yesNo", "label": "C", "default": "ja"}"#,
        ),
        expect![[r#"
        q.json:3:57: sections[0].questions[0].default: the default 11 is not a valid answer: above the maximum 10
        q.json:3:166: sections[0].questions[1].default: the default "y" is not a valid answer: "y" is not one of the options
        q.json:3:226: sections[0].questions[2].default: the default "ja" is not a valid answer: expected true or false
    "#]],
    );
}

#[test]
fn min_greater_than_max_and_empty_option_lists_are_errors() {
    check(
        &with_questions(
            r#"{"id": "a", "type": "decimal", "label": "A", "min": 10, "max": 1}, {"id": "b", "type": "multipleChoice", "label": "B", "options": []}, {"id": "c", "type": "text", "label": "C", "minLength": 5, "maxLength": 2}"#,
        ),
        expect![[r#"
        q.json:3:46: sections[0].questions[0].min: min 10 is greater than max 1
        q.json:3:120: sections[0].questions[1].options: the list of options is empty; add at least one {"value": …, "label": …}
        q.json:3:178: sections[0].questions[2].minLength: minLength 5 is greater than maxLength 2
    "#]],
    );
}

#[test]
fn invalid_patterns_are_reported_with_the_regex_error() {
    check(
        &with_questions(r#"{"id": "a", "type": "text", "label": "A", "pattern": "[0-9"}"#),
        expect![[r#"
            q.json:3:43: sections[0].questions[0].pattern: invalid pattern "[0-9": non-empty character class has no closing bracket
        "#]],
    );
}

#[test]
fn texts_missing_in_a_declared_language_are_errors() {
    check(
        r#"{"formatVersion": 1, "id": "t", "version": "1", "languages": ["de", "en"], "title": {"de": "T"},
"sections": [{"id": "s", "title": {"de": "S", "en": "S", "fr": "S"}, "questions": [{"id": "a", "type": "text", "label": "plain is fine"}]}]}"#,
        expect![[r#"
            q.json:1:76: title: text missing in language "en"
            q.json:2:58: sections[0].title.fr: language "fr" is not declared in "languages" ("de", "en")
        "#]],
    );
}

#[test]
fn an_undeclared_language_is_one_problem_however_many_texts_use_it() {
    // A misspelt "languages" leaves the file German only; its English texts are one problem.
    check(
        r#"{"formatVersion": 1, "id": "t", "version": "1", "langauges": ["de", "en"], "title": {"de": "T", "en": "T"},
"sections": [{"id": "s", "title": {"de": "S", "en": "S"}, "questions": [{"id": "a", "type": "text", "label": {"de": "A", "en": "A"}}]}]}"#,
        expect![[r#"
            q.json:1:49: langauges: unknown field "langauges" (did you mean "languages"?)
            q.json:1:97: title.en: language "en" is not declared: the file has no "languages", so its only language is "de"; add e.g. "languages": ["de", "en"] (2 more texts use it)
        "#]],
    );
}

#[test]
fn a_number_written_as_text_is_named_in_plain_words() {
    check(
        &with_questions(r#"{"id": "a", "type": "text", "label": "A", "maxLength": "500"}"#),
        expect![[r#"
            q.json:3:43: sections[0].questions[0].maxLength: invalid type: string "500", expected a whole number, 0 or more, written without quotes
        "#]],
    );
}

#[test]
fn a_question_that_cannot_be_read_is_one_problem_not_one_more_per_expression_naming_it() {
    check(
        &with_questions(
            r#"{"id": "children", "type": "repeat", "label": "Kinder", "minCount": "1",
                "fields": [{"id": "age", "type": "integer", "label": "Alter"}]},
            {"id": "district", "type": "singlechoice", "label": "Stadtteil", "options": [{"value": "a", "label": "A"}]},
            {"id": "n", "type": "calculated", "label": "Anzahl", "calculate": "count(children)"},
            {"id": "ages", "type": "calculated", "label": "Alter", "calculate": "sum(children.age)"},
            {"id": "note", "type": "text", "label": "Notiz", "visibleIf": "district = 'a' and n > 0"},
            {"id": "other", "type": "text", "label": "Sonst", "visibleIf": "distrikt = 'a'"}"#,
        ),
        expect![[r#"
            q.json:3:57: sections[0].questions[0].minCount: invalid type: string "1", expected a whole number, 0 or more, written without quotes
            q.json:5:32: sections[0].questions[1].type: unknown value "singlechoice" (did you mean "singleChoice"?); expected one of "text", "longText", "integer", "decimal", "singleChoice", "multipleChoice", "yesNo", "date", "email", "url", "phone", "matrix", "repeat", "calculated"
            q.json:9:63: sections[0].questions[5].visibleIf: at column 1: unknown question id "distrikt" in "distrikt = 'a'"
        "#]],
    );
}

#[test]
fn settings_that_do_not_apply_to_the_type_are_errors() {
    check(
        &with_questions(
            r#"{"id": "a", "type": "integer", "label": "A", "maxLength": 5, "options": [{"value": "x", "label": "X"}]}"#,
        ),
        expect![[r#"
        q.json:3:46: sections[0].questions[0].maxLength: "maxLength" does not apply to a question of type "integer"
        q.json:3:62: sections[0].questions[0].options: "options" does not apply to a question of type "integer"
    "#]],
    );
}

#[test]
fn syntax_errors_in_expressions_name_the_column() {
    check(
        &with_questions(
            r#"{"id": "a", "type": "integer", "label": "A"}, {"id": "b", "type": "text", "label": "B", "visibleIf": "a > 1 && a < 5"}"#,
        ),
        expect![[r#"
        q.json:3:89: sections[0].questions[1].visibleIf: at column 7: unexpected character "&" (write "and") in "a > 1 && a < 5"
    "#]],
    );
}

#[test]
fn conditions_must_be_conditions_and_calculations_numbers() {
    check(
        &with_questions(
            r#"{"id": "a", "type": "integer", "label": "A", "visibleIf": "1 + 2"}, {"id": "b", "type": "calculated", "label": "B", "calculate": "a > 1"}"#,
        ),
        expect![[r#"
        q.json:3:46: sections[0].questions[0].visibleIf: expected a condition (true or false), e.g. "kind = 'landkreis'", but "1 + 2" is a number
        q.json:3:117: sections[0].questions[1].calculate: expected a number, but "a > 1" is a condition
    "#]],
    );
}

#[test]
fn record_references_outside_a_repeat_group_are_errors() {
    check(
        &with_questions(
            r#"{"id": "a", "type": "integer", "label": "A", "visibleIf": "record.x = 1"}, {"id": "r", "type": "repeat", "label": "R", "fields": [{"id": "x", "type": "integer", "label": "X"}, {"id": "y", "type": "text", "label": "Y", "visibleIf": "record.z = 1"}]}"#,
        ),
        expect![[r#"
        q.json:3:46: sections[0].questions[0].visibleIf: at column 1: "record." can only be used inside the fields of a repeat group in "record.x = 1"
        q.json:3:219: sections[0].questions[1].fields[1].visibleIf: at column 1: repeat group "r" has no field "z" in "record.z = 1"
    "#]],
    );
}

#[test]
fn a_valid_questionnaire_loads() {
    check(
        &with_questions(r#"{"id": "a", "type": "text", "label": "A"}"#),
        expect![[r#"
        ok
    "#]],
    );
}

#[test]
fn cycles_among_the_fields_of_a_record_are_errors() {
    check(
        &with_questions(
            r#"{"id": "r", "type": "repeat", "label": "R", "fields": [{"id": "a", "type": "yesNo", "label": "A", "visibleIf": "record.b = true"}, {"id": "b", "type": "yesNo", "label": "B", "visibleIf": "record.a = true"}, {"id": "c", "type": "text", "label": "C", "visibleIf": "empty(record.c)"}]}"#,
        ),
        expect![[r#"
        q.json:3:99: sections[0].questions[0].fields[0].visibleIf: cycle in conditions: record.a → record.b → record.a (each needs the next to be decided first)
        q.json:3:250: sections[0].questions[0].fields[2].visibleIf: cycle in conditions: record.c depends on itself
    "#]],
    );
}

#[test]
fn messages_for_checks_a_type_does_not_have_are_errors() {
    check(
        &with_questions(
            r#"{"id": "a", "type": "text", "label": "A", "messages": {"min": "zu klein", "length": "zu lang"}}, {"id": "b", "type": "text", "label": "B", "fields": [{"id": "x", "type": "text", "label": "X"}]}"#,
        ),
        expect![[r#"
        q.json:3:56: sections[0].questions[0].messages.min: a "min" message does not apply to a question of type "text"
        q.json:3:140: sections[0].questions[1].fields: "fields" does not apply to a question of type "text"
    "#]],
    );
}

#[test]
fn numbers_in_a_list_compared_with_a_choice_must_be_quoted() {
    check(
        &with_questions(
            r#"{"id": "k", "type": "singleChoice", "label": "K", "options": [{"value": "1", "label": "1"}]}, {"id": "b", "type": "text", "label": "B", "visibleIf": "k in [1, 2]"}"#,
        ),
        expect![[r#"
        q.json:3:137: sections[0].questions[1].visibleIf: at column 7: option values are texts: write them in quotes, e.g. ['1', '2'], to compare with "k" in "k in [1, 2]"
    "#]],
    );
}

#[test]
fn default_records_are_checked_field_by_field() {
    check(
        &with_questions(
            r#"{"id": "r", "type": "repeat", "label": "R", "default": [{"n": 50}, {"n": 1, "typo": 2}], "fields": [{"id": "n", "type": "integer", "label": "N", "max": 10}]}"#,
        ),
        expect![[r#"
        q.json:3:45: sections[0].questions[0].default: the default [{"n":50},{"n":1,"typo":2}] is not a valid answer: expected a list of records, each an object of field id to answer ("typo" is not a field of this group)
    "#]],
    );
}

#[test]
fn an_empty_submission_address_is_an_error() {
    check(
        r#"{"formatVersion": 1, "id": "t", "version": "1", "title": "T", "submission": {"email": ""},
"sections": [{"id": "s", "title": "S", "questions": [{"id": "a", "type": "text", "label": "A"}]}]}"#,
        expect![[r#"
            q.json:1:78: submission.email: "" is not an e-mail address
        "#]],
    );
}

#[test]
fn conditions_are_counted_with_those_of_repeat_group_fields() {
    let questionnaire = compile(&with_questions(
        r#"{"id": "a", "type": "yesNo", "label": "A", "visibleIf": "true"},
{"id": "g", "type": "repeat", "label": "G", "requiredIf": "a = true", "fields": [
  {"id": "x", "type": "yesNo", "label": "X"},
  {"id": "y", "type": "text", "label": "Y", "visibleIf": "record.x = true", "requiredIf": "record.x = true"}
]}"#,
    ))
    .unwrap();
    assert_eq!(questionnaire.n_conditions, 4);
}

#[test]
fn a_byte_order_mark_before_the_questionnaire_is_skipped() {
    let text = with_questions(r#"{"id": "a", "type": "text", "label": "A"}"#);
    let with_bom = compile(&format!("\u{FEFF}{text}")).unwrap();
    assert_eq!(with_bom.sha256, compile(&text).unwrap().sha256);
}
