//! What one change evaluates, counted per graph node kind. Typing in a field that nothing reads
//! must evaluate only that field's own value and validation.

use crate::support::run;
use expect_test::expect;

const FORM: &str = r#"{
  "formatVersion": 1, "id": "t", "version": "1", "title": "T",
  "sections": [
    {"id": "a", "title": "A", "questions": [
      {"id": "kind", "type": "singleChoice", "label": "Art", "options": [
        {"value": "stadt", "label": "Stadt"}, {"value": "landkreis", "label": "Landkreis"}]},
      {"id": "notes", "type": "longText", "label": "Notizen"},
      {"id": "inhabitants", "type": "integer", "label": "Einwohner"},
      {"id": "foreign_residents", "type": "integer", "label": "Ausländer",
       "rules": [{"check": "foreign_residents <= inhabitants", "message": "zu viele"}]},
      {"id": "share", "type": "calculated", "label": "Anteil", "calculate": "foreign_residents / inhabitants * 100"}
    ]},
    {"id": "district", "title": "Landkreis", "visibleIf": "kind = 'landkreis'", "questions": [
      {"id": "members", "type": "integer", "label": "Gemeinden"},
      {"id": "towns", "type": "integer", "label": "Städte"}
    ]},
    {"id": "b", "title": "B", "questions": [
      {"id": "q1", "type": "text", "label": "1"}, {"id": "q2", "type": "text", "label": "2"},
      {"id": "q3", "type": "text", "label": "3"}, {"id": "q4", "type": "text", "label": "4"}
    ]}
  ]
}"#;

fn counts_only(output: &str) -> String {
    output.lines().filter(|l| l.starts_with("counts") || l.contains('→')).map(|l| format!("{l}\n")).collect()
}

#[test]
fn typing_in_an_unrelated_field_evaluates_only_that_field() {
    let output = run(FORM, "answer notes = \"a\"\ncounts\nanswer notes = \"ab\"\ncounts");
    expect![[r#"
        answer notes = "a"  → changed [notes] sections []
        counts: sections 0 visibility 0 values 1 required 0 validations 1
        answer notes = "ab"  → changed [notes] sections []
        counts: sections 0 visibility 0 values 1 required 0 validations 1
    "#]]
    .assert_eq(&counts_only(&output));
}

#[test]
fn changing_the_kind_re_evaluates_exactly_the_district_section_and_its_questions() {
    let output = run(FORM, "answer kind = \"landkreis\"\ncounts\nanswer kind = \"stadt\"\ncounts");
    expect![[r#"
        answer kind = "landkreis"  → changed [kind, members, towns] sections [district]
        counts: sections 1 visibility 2 values 3 required 0 validations 3
        answer kind = "stadt"  → changed [kind, members, towns] sections [district]
        counts: sections 1 visibility 2 values 3 required 0 validations 3
    "#]]
    .assert_eq(&counts_only(&output));
}

#[test]
fn an_input_of_a_calculation_and_a_rule_reaches_both_and_nothing_else() {
    let output = run(FORM, "answer inhabitants = 100\ncounts");
    expect![[r#"
        answer inhabitants = 100  → changed [inhabitants] sections []
        counts: sections 0 visibility 0 values 2 required 0 validations 2
    "#]]
    .assert_eq(&counts_only(&output));
}

#[test]
fn a_change_that_leaves_a_condition_as_it_was_stops_there() {
    // "stadt" → unanswered keeps the district hidden: its section condition is evaluated, but nothing behind it.
    let output = run(FORM, "answer kind = \"stadt\"\ncounts\nclear kind\ncounts");
    expect![[r#"
        answer kind = "stadt"  → changed [kind] sections []
        counts: sections 1 visibility 0 values 1 required 0 validations 1
        clear kind  → changed [kind] sections []
        counts: sections 1 visibility 0 values 1 required 0 validations 1
    "#]]
    .assert_eq(&counts_only(&output));
}
