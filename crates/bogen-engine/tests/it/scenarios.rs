//! How a session behaves as answers arrive: visibility, calculations, validation, repeat groups.
//! Each test is a fixture, a script and the expected snapshot (`UPDATE_EXPECT=1` rewrites them).

use crate::support::run;
use expect_test::{expect, Expect};

const MUNICIPALITY: &str = r#"{
  "formatVersion": 1, "id": "t", "version": "1", "languages": ["de", "en"],
  "title": "T",
  "sections": [
    {"id": "municipality", "title": "Kommune", "questions": [
      {"id": "kind", "type": "singleChoice", "label": "Art", "required": true, "options": [
        {"value": "grossstadt", "label": "Großstadt"}, {"value": "landkreis", "label": "Landkreis"}]},
      {"id": "members", "type": "integer", "label": "Gemeinden", "required": true, "min": 1,
       "visibleIf": "kind = 'landkreis'"},
      {"id": "inhabitants", "type": "integer", "label": "Einwohner", "min": 0},
      {"id": "foreign_residents", "type": "integer", "label": "Ausländer", "min": 0,
       "rules": [{"check": "foreign_residents <= inhabitants",
                  "message": {"de": "Höchstens so viele wie Einwohner", "en": "At most as many as inhabitants"}}]},
      {"id": "foreign_share", "type": "calculated", "label": "Anteil", "unit": "%", "decimals": 1,
       "calculate": "round(foreign_residents / inhabitants * 100, 1)"},
      {"id": "contact_email", "type": "email", "label": "E-Mail", "requiredIf": "kind = 'grossstadt'"}
    ]},
    {"id": "round_two", "title": "Runde 2", "visibleIf": "members >= 10", "questions": [
      {"id": "deepening", "type": "longText", "label": "Vertiefung", "maxLength": 10}
    ]}
  ]
}"#;

fn check(fixture: &str, script: &str, expected: Expect) {
    expected.assert_eq(&run(fixture, script));
}

#[test]
fn a_new_session_shows_only_unconditional_questions() {
    check(
        MUNICIPALITY,
        "",
        expect![[r#"
            section municipality NotStarted
              kind* = —
                ! Required
              inhabitants = —
              foreign_residents = —
              foreign_share = —
              contact_email = —
            section round_two (hidden)
        "#]],
    );
}

#[test]
fn choosing_landkreis_shows_the_member_question_and_switching_back_keeps_its_answer() {
    check(
        MUNICIPALITY,
        r#"
        answer kind = "landkreis"
        answer members = 12
        answer kind = "grossstadt"
        "#,
        expect![[r#"
            answer kind = "landkreis"  → changed [kind, members] sections []
            answer members = 12  → changed [members, deepening] sections [round_two]
            answer kind = "grossstadt"  → changed [kind, members, contact_email, deepening] sections [round_two]
            section municipality InProgress
              kind* = "grossstadt"
              inhabitants = —
              foreign_residents = —
              foreign_share = —
              contact_email* = —
                ! Required
            section round_two (hidden)
        "#]],
    );
}

#[test]
fn a_hidden_answer_reads_as_empty_so_sections_depending_on_it_hide_too() {
    check(
        MUNICIPALITY,
        r#"
        answer kind = "landkreis"
        answer members = 12
        answer deepening = "short"
        answer kind = "grossstadt"
        answer kind = "landkreis"
        "#,
        expect![[r#"
            answer kind = "landkreis"  → changed [kind, members] sections []
            answer members = 12  → changed [members, deepening] sections [round_two]
            answer deepening = "short"  → changed [deepening] sections []
            answer kind = "grossstadt"  → changed [kind, members, contact_email, deepening] sections [round_two]
            answer kind = "landkreis"  → changed [kind, members, contact_email, deepening] sections [round_two]
            section municipality Completed
              kind* = "landkreis"
              members* = 12
              inhabitants = —
              foreign_residents = —
              foreign_share = —
              contact_email = —
            section round_two Completed
              deepening = "short"
        "#]],
    );
}

#[test]
fn calculations_follow_their_inputs_and_stay_empty_until_computable() {
    check(
        MUNICIPALITY,
        r#"
        answer foreign_residents = 132000
        answer inhabitants = 589000
        answer inhabitants = 0
        "#,
        expect![[r#"
            answer foreign_residents = 132000  → changed [foreign_residents] sections []
            answer inhabitants = 589000  → changed [inhabitants, foreign_share] sections []
            answer inhabitants = 0  → changed [inhabitants, foreign_residents, foreign_share] sections []
            section municipality HasErrors
              kind* = —
                ! Required
              inhabitants = 0
              foreign_residents = 132000
                ! RuleFailed { rule: 0 } "At most as many as inhabitants"
              foreign_share = —
              contact_email = —
            section round_two (hidden)
        "#]],
    );
}

#[test]
fn a_fraction_in_a_whole_number_question_is_flagged_and_no_calculation_or_condition_uses_it() {
    check(
        MUNICIPALITY,
        r#"
        answer inhabitants = 589000
        answer foreign_residents = 132000.5
        answer kind = "landkreis"
        answer members = 12.5
        answer foreign_residents = 132000
        answer members = 12
        "#,
        expect![[r#"
            answer inhabitants = 589000  → changed [inhabitants] sections []
            answer foreign_residents = 132000.5  → changed [foreign_residents] sections []
            answer kind = "landkreis"  → changed [kind, members] sections []
            answer members = 12.5  → changed [members] sections []
            answer foreign_residents = 132000  → changed [foreign_residents, foreign_share] sections []
            answer members = 12  → changed [members, deepening] sections [round_two]
            section municipality Completed
              kind* = "landkreis"
              members* = 12
              inhabitants = 589000
              foreign_residents = 132000
              foreign_share = 22.4
              contact_email = —
            section round_two NotStarted
              deepening = —
        "#]],
    );
    check(
        MUNICIPALITY,
        r#"
        answer inhabitants = 589000
        answer foreign_residents = 132000.5
        "#,
        expect![[r#"
            answer inhabitants = 589000  → changed [inhabitants] sections []
            answer foreign_residents = 132000.5  → changed [foreign_residents] sections []
            section municipality HasErrors
              kind* = —
                ! Required
              inhabitants = 589000
              foreign_residents = 132000.5
                ! NotAWholeNumber
              foreign_share = —
              contact_email = —
            section round_two (hidden)
        "#]],
    );
}

#[test]
fn cross_field_rules_fail_only_when_decided() {
    check(
        MUNICIPALITY,
        r#"
        answer foreign_residents = 500
        answer inhabitants = 100
        "#,
        expect![[r#"
            answer foreign_residents = 500  → changed [foreign_residents] sections []
            answer inhabitants = 100  → changed [inhabitants, foreign_residents, foreign_share] sections []
            section municipality HasErrors
              kind* = —
                ! Required
              inhabitants = 100
              foreign_residents = 500
                ! RuleFailed { rule: 0 } "At most as many as inhabitants"
              foreign_share = 500
              contact_email = —
            section round_two (hidden)
        "#]],
    );
}

#[test]
fn typed_text_that_is_not_a_number_is_kept_and_reported() {
    check(
        MUNICIPALITY,
        r#"
        answer inhabitants = "12a"
        answer foreign_residents = "12,5"
        answer kind = "landkreis"
        answer members = 0
        "#,
        expect![[r#"
            answer inhabitants = "12a"  → changed [inhabitants] sections []
            answer foreign_residents = "12,5"  → changed [foreign_residents] sections []
            answer kind = "landkreis"  → changed [kind, members] sections []
            answer members = 0  → changed [members] sections []
            section municipality HasErrors
              kind* = "landkreis"
              members* = 0
                ! BelowMin { min: 1.0 }
              inhabitants = "12a"
                ! NotANumber
              foreign_residents = 12.5
                ! NotAWholeNumber
              foreign_share = —
              contact_email = —
            section round_two (hidden)
        "#]],
    );
}

#[test]
fn required_if_and_format_checks_apply_while_visible() {
    check(
        MUNICIPALITY,
        r#"
        answer kind = "grossstadt"
        answer contact_email = "not an address"
        answer deepening = "far too long for ten"
        "#,
        expect![[r#"
            answer kind = "grossstadt"  → changed [kind, contact_email] sections []
            answer contact_email = "not an address"  → changed [contact_email] sections []
            answer deepening = "far too long for ten"  → changed [deepening] sections []
            section municipality HasErrors
              kind* = "grossstadt"
              inhabitants = —
              foreign_residents = —
              foreign_share = —
              contact_email* = "not an address"
                ! InvalidEmail
            section round_two (hidden)
        "#]],
    );
}

const MEASURES: &str = r#"{
  "formatVersion": 1, "id": "t", "version": "1", "title": "T",
  "sections": [
    {"id": "measures_page", "title": "Maßnahmen", "questions": [
      {"id": "measures", "type": "repeat", "label": "Maßnahmen", "minCount": 2, "maxCount": 3, "fields": [
        {"id": "title", "type": "text", "label": "Titel", "required": true},
        {"id": "budget", "type": "decimal", "label": "Budget", "min": 0},
        {"id": "evaluated", "type": "yesNo", "label": "Evaluiert?"},
        {"id": "evaluation_by", "type": "text", "label": "Durch wen?", "visibleIf": "record.evaluated = true",
         "required": true}
      ]},
      {"id": "n_measures", "type": "calculated", "label": "Anzahl", "calculate": "count(measures)"},
      {"id": "total_budget", "type": "calculated", "label": "Summe", "calculate": "sum(measures.budget)"},
      {"id": "fields_of_action", "type": "multipleChoice", "label": "Handlungsfelder", "other": true, "maxSelected": 2,
       "options": [{"value": "sprache", "label": "Sprache"}, {"value": "arbeit", "label": "Arbeit"},
                   {"value": "wohnen", "label": "Wohnen"}]},
      {"id": "language_courses", "type": "integer", "label": "Sprachkurse", "visibleIf": "'sprache' in fields_of_action"},
      {"id": "n_fields", "type": "calculated", "label": "Anzahl Felder", "calculate": "count(fields_of_action)"}
    ]}
  ]
}"#;

#[test]
fn repeat_groups_count_sum_and_check_each_record() {
    check(
        MEASURES,
        r#"
        add measures
        set measures[0].budget = 1500.5
        set measures[0].evaluated = true
        add measures
        set measures[1].title = "Sprachkurs"
        set measures[1].budget = "2000"
        "#,
        expect![[r#"
            add measures  → changed [measures, n_measures] sections []
            set measures[0].budget = 1500.5  → changed [measures, total_budget] sections []
            set measures[0].evaluated = true  → changed [measures] sections []
            add measures  → changed [measures, n_measures] sections []
            set measures[1].title = "Sprachkurs"  → changed [measures] sections []
            set measures[1].budget = "2000"  → changed [measures, total_budget] sections []
            section measures_page InProgress
              measures = [{"budget":1500.5,"evaluated":true},{"budget":2000,"title":"Sprachkurs"}]
                ! [0].title: Required
                ! [0].evaluation_by: Required
              n_measures = 2
              total_budget = 3500.5
              fields_of_action = —
              n_fields = 0
        "#]],
    );
}

#[test]
fn removing_a_record_updates_counts_and_sums() {
    check(
        MEASURES,
        r#"
        add measures
        set measures[0].budget = 100
        add measures
        set measures[1].budget = 50
        remove measures[0]
        "#,
        expect![[r#"
            add measures  → changed [measures, n_measures] sections []
            set measures[0].budget = 100  → changed [measures, total_budget] sections []
            add measures  → changed [measures, n_measures] sections []
            set measures[1].budget = 50  → changed [measures, total_budget] sections []
            remove measures[0]  → changed [measures, n_measures, total_budget] sections []
            section measures_page InProgress
              measures = [{"budget":50}]
                ! TooFewRecords { min: 2 }
                ! [0].title: Required
              n_measures = 1
              total_budget = 50
              fields_of_action = —
              n_fields = 0
        "#]],
    );
}

#[test]
fn multiple_choice_membership_count_other_and_limits() {
    check(
        MEASURES,
        r#"
        answer fields_of_action = ["sprache"]
        answer fields_of_action = {"selected": ["sprache", "arbeit"], "other": ""}
        "#,
        expect![[r#"
            answer fields_of_action = ["sprache"]  → changed [fields_of_action, language_courses, n_fields] sections []
            answer fields_of_action = {"selected": ["sprache", "arbeit"], "other": ""}  → changed [fields_of_action, n_fields] sections []
            section measures_page HasErrors
              measures = —
              n_measures = 0
              total_budget = 0
              fields_of_action = {"other":"","selected":["sprache","arbeit"]}
                ! OtherNotSpecified
                ! TooManySelected { max: 2 }
              language_courses = —
              n_fields = 3
        "#]],
    );
}

#[test]
fn hidden_fields_of_a_record_read_as_empty_in_sums_and_conditions() {
    const CARE: &str = r#"{
      "formatVersion": 1, "id": "t", "version": "1", "title": "T",
      "sections": [{"id": "s", "title": "S", "questions": [
        {"id": "children", "type": "repeat", "label": "Kinder", "fields": [
          {"id": "care", "type": "yesNo", "label": "Betreuung?"},
          {"id": "hours", "type": "integer", "label": "Stunden", "visibleIf": "record.care = true"},
          {"id": "long_day", "type": "yesNo", "label": "Ganztags?", "visibleIf": "record.hours >= 8"}
        ]},
        {"id": "total_hours", "type": "calculated", "label": "Stunden gesamt", "calculate": "sum(children.hours)"}
      ]}]
    }"#;
    check(
        CARE,
        r#"
        add children
        set children[0].care = true
        set children[0].hours = 9
        set children[0].long_day = true
        set children[0].care = false
        "#,
        expect![[r#"
            add children  → changed [children] sections []
            set children[0].care = true  → changed [children] sections []
            set children[0].hours = 9  → changed [children, total_hours] sections []
            set children[0].long_day = true  → changed [children] sections []
            set children[0].care = false  → changed [children, total_hours] sections []
            section s Completed
              children = [{"care":false,"hours":9,"long_day":true}]
              total_hours = 0
        "#]],
    );
}

#[test]
fn a_page_with_only_its_defaults_is_not_started() {
    const DEFAULTS: &str = r#"{
      "formatVersion": 1, "id": "t", "version": "1", "title": "T",
      "sections": [{"id": "s", "title": "S", "questions": [
        {"id": "as_of", "type": "date", "label": "Stichtag", "default": "2003-12-31", "required": true},
        {"id": "inhabitants", "type": "integer", "label": "Einwohner", "required": true}
      ]}]
    }"#;
    check(
        DEFAULTS,
        r#"
        answer inhabitants = 1000
        "#,
        expect![[r#"
            answer inhabitants = 1000  → changed [inhabitants] sections []
            section s Completed
              as_of* = "2003-12-31"
              inhabitants* = 1000
        "#]],
    );
    check(
        DEFAULTS,
        "",
        expect![[r#"
        section s NotStarted
          as_of* = "2003-12-31"
          inhabitants* = —
            ! Required
    "#]],
    );
}

#[test]
fn a_date_typed_field_by_field_is_reported_and_is_no_answer_to_conditions_until_it_is_a_date() {
    const DATES: &str = r#"{
      "formatVersion": 1, "id": "t", "version": "1", "title": "T",
      "sections": [{"id": "s", "title": "S", "questions": [
        {"id": "founded", "type": "date", "label": "Gegründet", "required": true, "min": "1990-01-01"},
        {"id": "why_late", "type": "text", "label": "Warum so spät?", "visibleIf": "founded > '2004-01-01'"},
        {"id": "none_yet", "type": "yesNo", "label": "Noch kein Datum?", "visibleIf": "empty(founded)"}
      ]}]
    }"#;
    check(
        DATES,
        r#"answer founded = "--1""#,
        expect![[r#"
            answer founded = "--1"  → changed [founded] sections []
            section s HasErrors
              founded* = "--1"
                ! DateIncomplete { missing: [Month, Year] }
              none_yet = —
        "#]],
    );
    check(
        DATES,
        r#"
        answer founded = "--1"
        answer founded = "-3-1"
        answer founded = "2005-3-1"
        answer founded = "2005-03-01"
        answer founded = "2005-2-30"
        "#,
        expect![[r#"
            answer founded = "--1"  → changed [founded] sections []
            answer founded = "-3-1"  → changed [founded] sections []
            answer founded = "2005-3-1"  → changed [founded] sections []
            answer founded = "2005-03-01"  → changed [founded, why_late, none_yet] sections []
            answer founded = "2005-2-30"  → changed [founded, why_late, none_yet] sections []
            section s HasErrors
              founded* = "2005-2-30"
                ! DateNotReal { problem: NoSuchDay { day: 30, month: 2, year: 2005 } }
              none_yet = —
        "#]],
    );
}

#[test]
fn a_session_holds_answers_once_something_differs_from_the_defaults() {
    let questionnaire = crate::support::load(
        r#"{"formatVersion": 1, "id": "t", "version": "1", "title": "T", "sections": [{"id": "s", "title": "S",
        "questions": [{"id": "application_round", "type": "singleChoice", "label": "Runde", "default": "1",
                       "options": [{"value": "1", "label": "1"}, {"value": "2", "label": "2"}]},
                      {"id": "name", "type": "text", "label": "Name"}]}]}"#,
    );
    let round = questionnaire.question_idx("application_round").unwrap();
    let name = questionnaire.question_idx("name").unwrap();
    let mut session = bogen_engine::Session::new(std::sync::Arc::clone(&questionnaire));
    assert!(!session.holds_answers(), "only the default: nothing to lose");
    session.set_answer(name, Some(bogen_engine::AnswerValue::Text("Belm".into())));
    assert!(session.holds_answers());
    session.set_answer(name, Some(bogen_engine::AnswerValue::Text(String::new())));
    assert!(!session.holds_answers(), "an emptied field holds nothing");
    session.set_answer(round, Some(bogen_engine::AnswerValue::Choice("2".into())));
    assert!(session.holds_answers(), "another choice than the default");
    session.set_answer(round, None);
    assert!(session.holds_answers(), "a default cleared is the respondent's choice too");
}
