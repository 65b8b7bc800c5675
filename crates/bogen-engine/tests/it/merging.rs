//! Merging a colleague's draft into the open one, for every question type: the plan lists each
//! difference (both values, which is newer) and each answer only they gave before anything
//! changes; applying it takes the chosen sides. Each test is our draft, their draft and the
//! rendered plan with the merged answers for "all ours" and "all theirs".

use crate::support::{load, render_kept_aside};
use bogen_engine::{DraftFile, MergeError, MergePlan, Newer, Questionnaire, Session, Side};
use expect_test::{expect, Expect};
use std::fmt::Write;
use std::sync::Arc;

const EVERY_TYPE: &str = r#"{
  "formatVersion": 1, "id": "m", "version": "1.1.0", "title": "M",
  "sections": [{"id": "s", "title": "S", "questions": [
    {"id": "name", "type": "text", "label": "Name"},
    {"id": "notes", "type": "longText", "label": "Notizen"},
    {"id": "staff", "type": "integer", "label": "Personal"},
    {"id": "share", "type": "decimal", "label": "Anteil"},
    {"id": "kind", "type": "singleChoice", "label": "Art",
     "options": [{"value": "stadt", "label": "Stadt"}, {"value": "landkreis", "label": "Landkreis"}]},
    {"id": "fields", "type": "multipleChoice", "label": "Felder", "other": true,
     "options": [{"value": "sprache", "label": "Sprache"}, {"value": "arbeit", "label": "Arbeit"}]},
    {"id": "plan", "type": "yesNo", "label": "Konzept?"},
    {"id": "founded", "type": "date", "label": "Gegründet"},
    {"id": "mail", "type": "email", "label": "E-Mail"},
    {"id": "web", "type": "url", "label": "Web"},
    {"id": "tel", "type": "phone", "label": "Telefon"},
    {"id": "cooperation", "type": "matrix", "label": "Zusammenarbeit",
     "rows": [{"value": "schulen", "label": "Schulen"}, {"value": "polizei", "label": "Polizei"}],
     "options": [{"value": "eng", "label": "eng"}, {"value": "keine", "label": "keine"}]},
    {"id": "measures", "type": "repeat", "label": "Maßnahmen", "fields": [
      {"id": "title", "type": "text", "label": "Titel"}, {"id": "budget", "type": "integer", "label": "Budget"}]},
    {"id": "total", "type": "calculated", "label": "Summe", "calculate": "sum(measures.budget) + staff"},
    {"id": "as_of", "type": "date", "label": "Stichtag", "default": "2003-12-31"}
  ]}]
}"#;

fn draft(
    questionnaire: &Questionnaire,
    version: &str,
    answers: &str,
    answered_at: &str,
    kept_aside: &str,
) -> DraftFile {
    let text = format!(
        r#"{{"format": "bogen-draft", "formatVersion": 2, "questionnaireId": "{}", "questionnaireVersion": "{version}",
        "questionnaireSha256": null, "draftId": "d", "name": "", "savedAt": "2026-03-01T12:00:00Z", "revision": 1,
        "answers": {answers}, "answeredAt": {answered_at}, "keptAside": {kept_aside}}}"#,
        questionnaire.id
    );
    DraftFile::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn open(questionnaire: &Arc<Questionnaire>, answers: &str, answered_at: &str) -> Session {
    let (session, _) = draft(questionnaire, &questionnaire.version, answers, answered_at, "[]")
        .restore(Arc::clone(questionnaire))
        .expect("same questionnaire");
    session
}

/// The plan, then the merged answers when all differences go our way and when all go theirs.
fn render_plan(plan: &MergePlan, questionnaire: &Questionnaire) -> String {
    let mut out = String::new();
    let at = |t: &Option<String>| t.clone().unwrap_or_else(|| "—".into());
    let place = |q, record: Option<String>| {
        let id = &questionnaire.question(q).id;
        record.map_or_else(|| id.to_string(), |r| format!("{id}{r}"))
    };
    for d in &plan.differences {
        let record = d.record.map(|r| format!(" record {} ↔ {}", r.ours + 1, r.theirs + 1));
        let newer = match d.newer {
            Newer::Ours => "ours",
            Newer::Theirs => "theirs",
            Newer::Unknown => "unknown",
        };
        writeln!(
            out,
            "differs {}: ours {} ({}) | theirs {} ({}) → newer: {newer}",
            place(d.question, record),
            d.ours_json,
            at(&d.ours_answered_at),
            d.theirs_json,
            at(&d.theirs_answered_at)
        )
        .ok();
    }
    for a in &plan.additions {
        let record = a.record.map(|r| format!(" record {}", r + 1));
        writeln!(out, "adds {}: {} ({})", place(a.question, record), a.json, at(&a.answered_at)).ok();
    }
    out.push_str(&render_kept_aside(&plan.kept_aside));
    for side in [Side::Ours, Side::Theirs] {
        let merged = plan.apply_all(side);
        let answers = serde_json::to_string(&merged.answers_json()).expect("serialises");
        writeln!(out, "all {side:?}: {answers}").ok();
    }
    out
}

/// Ours and theirs: each `answers` then `answeredAt`, as JSON objects.
fn check(ours: (&str, &str), theirs: (&str, &str), expected: Expect) {
    let questionnaire = load(EVERY_TYPE);
    let session = open(&questionnaire, ours.0, ours.1);
    let plan = MergePlan::new(&session, &draft(&questionnaire, "1.1.0", theirs.0, theirs.1, "[]"))
        .expect("same questionnaire");
    expected.assert_eq(&render_plan(&plan, &questionnaire));
}

#[test]
fn every_question_type_answered_differently_on_both_sides_is_a_difference() {
    check(
        (
            r#"{"name": "Stadt Solingen", "notes": "Zeile 1\nZeile 2", "staff": 12, "share": 13.9, "kind": "stadt",
                "fields": {"selected": ["sprache"], "other": "Sport"}, "plan": true, "founded": "1929-08-01",
                "mail": "a@solingen.de", "web": "https://solingen.de", "tel": "0212 290-0",
                "cooperation": {"schulen": "eng"}, "measures": [{"title": "Mama lernt Deutsch", "budget": 12000}]}"#,
            r#"{"name": "2026-03-01T10:00:00Z", "notes": "2026-03-01T10:00:00Z", "staff": "2026-03-02T09:00:00+01:00",
                "share": "2026-03-01T10:00:00Z", "measures": "2026-03-01T10:00:00Z"}"#,
        ),
        (
            r#"{"name": "Klingenstadt Solingen", "notes": "Zeile 1", "staff": 14, "share": 14, "kind": "landkreis",
                "fields": ["sprache", "arbeit"], "plan": false, "founded": "1929-08-02",
                "mail": "b@solingen.de", "web": "https://www.solingen.de", "tel": "0212 290-1",
                "cooperation": {"schulen": "keine", "polizei": "eng"}, "measures": [{"title": "Mama lernt Deutsch", "budget": 13000}]}"#,
            r#"{"name": "2026-03-02T10:00:00Z", "notes": "2026-02-28T10:00:00Z", "staff": "2026-03-02T08:00:00Z",
                "share": "gestern", "kind": "2026-03-02T10:00:00Z", "measures": "2026-03-01T09:00:00Z"}"#,
        ),
        expect![[r#"
            differs name: ours "Stadt Solingen" (2026-03-01T10:00:00Z) | theirs "Klingenstadt Solingen" (2026-03-02T10:00:00Z) → newer: theirs
            differs notes: ours "Zeile 1\nZeile 2" (2026-03-01T10:00:00Z) | theirs "Zeile 1" (2026-02-28T10:00:00Z) → newer: ours
            differs staff: ours 12 (2026-03-02T09:00:00+01:00) | theirs 14 (2026-03-02T08:00:00Z) → newer: unknown
            differs share: ours 13.9 (2026-03-01T10:00:00Z) | theirs 14 (gestern) → newer: unknown
            differs kind: ours "stadt" (—) | theirs "landkreis" (2026-03-02T10:00:00Z) → newer: unknown
            differs fields: ours {"other":"Sport","selected":["sprache"]} (—) | theirs ["sprache","arbeit"] (—) → newer: unknown
            differs plan: ours true (—) | theirs false (—) → newer: unknown
            differs founded: ours "1929-08-01" (—) | theirs "1929-08-02" (—) → newer: unknown
            differs mail: ours "a@solingen.de" (—) | theirs "b@solingen.de" (—) → newer: unknown
            differs web: ours "https://solingen.de" (—) | theirs "https://www.solingen.de" (—) → newer: unknown
            differs tel: ours "0212 290-0" (—) | theirs "0212 290-1" (—) → newer: unknown
            differs cooperation: ours {"schulen":"eng"} (—) | theirs {"polizei":"eng","schulen":"keine"} (—) → newer: unknown
            differs measures record 1 ↔ 1: ours {"budget":12000,"title":"Mama lernt Deutsch"} (2026-03-01T10:00:00Z) | theirs {"budget":13000,"title":"Mama lernt Deutsch"} (2026-03-01T09:00:00Z) → newer: ours
            all Ours: {"as_of":"2003-12-31","cooperation":{"schulen":"eng"},"fields":{"other":"Sport","selected":["sprache"]},"founded":"1929-08-01","kind":"stadt","mail":"a@solingen.de","measures":[{"budget":12000,"title":"Mama lernt Deutsch"}],"name":"Stadt Solingen","notes":"Zeile 1\nZeile 2","plan":true,"share":13.9,"staff":12,"tel":"0212 290-0","web":"https://solingen.de"}
            all Theirs: {"as_of":"2003-12-31","cooperation":{"polizei":"eng","schulen":"keine"},"fields":["sprache","arbeit"],"founded":"1929-08-02","kind":"landkreis","mail":"b@solingen.de","measures":[{"budget":13000,"title":"Mama lernt Deutsch"}],"name":"Klingenstadt Solingen","notes":"Zeile 1","plan":false,"share":14,"staff":14,"tel":"0212 290-1","web":"https://www.solingen.de"}
        "#]],
    );
}

#[test]
fn answers_only_they_gave_are_added_for_every_question_type() {
    check(
        (r#"{"as_of": "2003-12-31"}"#, "{}"),
        (
            r#"{"name": "Solingen", "notes": "a\nb", "staff": 0, "share": 0.5, "kind": "stadt", "fields": {"selected": [], "other": "Sport"},
                "plan": false, "founded": "1929-08-01", "mail": "a@solingen.de", "web": "https://solingen.de", "tel": "0212",
                "cooperation": {"polizei": "keine"}, "measures": [{"title": "A"}], "as_of": "2004-12-31"}"#,
            r#"{"plan": "2026-03-02T10:00:00Z"}"#,
        ),
        expect![[r#"
            adds name: "Solingen" (—)
            adds notes: "a\nb" (—)
            adds staff: 0 (—)
            adds share: 0.5 (—)
            adds kind: "stadt" (—)
            adds fields: {"other":"Sport","selected":[]} (—)
            adds plan: false (2026-03-02T10:00:00Z)
            adds founded: "1929-08-01" (—)
            adds mail: "a@solingen.de" (—)
            adds web: "https://solingen.de" (—)
            adds tel: "0212" (—)
            adds cooperation: {"polizei":"keine"} (—)
            adds measures: [{"title":"A"}] (—)
            adds as_of: "2004-12-31" (—)
            all Ours: {"as_of":"2004-12-31","cooperation":{"polizei":"keine"},"fields":{"other":"Sport","selected":[]},"founded":"1929-08-01","kind":"stadt","mail":"a@solingen.de","measures":[{"title":"A"}],"name":"Solingen","notes":"a\nb","plan":false,"share":0.5,"staff":0,"tel":"0212","web":"https://solingen.de"}
            all Theirs: {"as_of":"2004-12-31","cooperation":{"polizei":"keine"},"fields":{"other":"Sport","selected":[]},"founded":"1929-08-01","kind":"stadt","mail":"a@solingen.de","measures":[{"title":"A"}],"name":"Solingen","notes":"a\nb","plan":false,"share":0.5,"staff":0,"tel":"0212","web":"https://solingen.de"}
        "#]],
    );
}

#[test]
fn our_answers_they_lack_stay_and_equal_answers_defaults_and_calculations_are_no_differences() {
    check(
        (
            r#"{"name": "Solingen", "staff": 3, "fields": ["arbeit", "sprache"], "measures": [{"title": "A", "budget": 1}], "as_of": "2004-12-31"}"#,
            "{}",
        ),
        (
            r#"{"staff": 3, "fields": ["sprache", "arbeit"], "measures": [{"title": "A", "budget": 1}], "notes": "", "total": 99}"#,
            "{}",
        ),
        expect![[r#"
            kept aside total = 99 (from 1.1.0): the question now takes no answer (it is calculated)
            all Ours: {"as_of":"2004-12-31","fields":["arbeit","sprache"],"measures":[{"budget":1,"title":"A"}],"name":"Solingen","staff":3}
            all Theirs: {"as_of":"2004-12-31","fields":["arbeit","sprache"],"measures":[{"budget":1,"title":"A"}],"name":"Solingen","staff":3}
        "#]],
    );
}

#[test]
fn repeat_groups_merge_record_by_record() {
    // Ours changed record 2 and removed record 3; theirs added a record in front and one at the end.
    check(
        (
            r#"{"measures": [{"title": "A", "budget": 1}, {"title": "B", "budget": 22}, {"title": "D", "budget": 4}]}"#,
            r#"{"measures": "2026-03-02T10:00:00Z"}"#,
        ),
        (
            r#"{"measures": [{"title": "Z"}, {"title": "A", "budget": 1}, {"title": "B", "budget": 2}, {"title": "C", "budget": 3}, {"title": "D", "budget": 4}, {"title": "E"}]}"#,
            r#"{"measures": "2026-03-01T10:00:00Z"}"#,
        ),
        expect![[r#"
            differs measures record 2 ↔ 3: ours {"budget":22,"title":"B"} (2026-03-02T10:00:00Z) | theirs {"budget":2,"title":"B"} (2026-03-01T10:00:00Z) → newer: ours
            adds measures record 1: {"title":"Z"} (2026-03-01T10:00:00Z)
            adds measures record 4: {"budget":3,"title":"C"} (2026-03-01T10:00:00Z)
            adds measures record 6: {"title":"E"} (2026-03-01T10:00:00Z)
            all Ours: {"as_of":"2003-12-31","measures":[{"title":"Z"},{"budget":1,"title":"A"},{"budget":22,"title":"B"},{"budget":3,"title":"C"},{"budget":4,"title":"D"},{"title":"E"}]}
            all Theirs: {"as_of":"2003-12-31","measures":[{"title":"Z"},{"budget":1,"title":"A"},{"budget":2,"title":"B"},{"budget":3,"title":"C"},{"budget":4,"title":"D"},{"title":"E"}]}
        "#]],
    );
}

#[test]
fn each_difference_takes_the_side_chosen_for_it_with_that_sides_time() {
    let questionnaire = load(EVERY_TYPE);
    let ours = open(
        &questionnaire,
        r#"{"name": "A", "staff": 1, "measures": [{"title": "x"}, {"title": "y"}]}"#,
        r#"{"name": "2026-03-01T10:00:00Z", "staff": "2026-03-01T10:00:00Z", "measures": "2026-03-01T10:00:00Z"}"#,
    );
    let theirs = draft(
        &questionnaire,
        "1.1.0",
        r#"{"name": "B", "staff": 2, "measures": [{"title": "x2"}, {"title": "y2"}], "tel": "0212"}"#,
        r#"{"name": "2026-03-02T10:00:00Z", "staff": "2026-03-02T10:00:00Z", "measures": "2026-03-02T10:00:00Z", "tel": "2026-03-03T10:00:00Z"}"#,
        "[]",
    );
    let plan = MergePlan::new(&ours, &theirs).expect("same questionnaire");
    assert_eq!(plan.differences.len(), 4);
    assert_eq!(
        plan.apply(&[Side::Ours]).map(|_| ()),
        Err(MergeError::WrongNumberOfChoices { differences: 4, choices: 1 })
    );
    let merged = plan.apply(&[Side::Theirs, Side::Ours, Side::Ours, Side::Theirs]).expect("one choice per difference");
    let answers = serde_json::to_string(&merged.answers_json()).expect("serialises");
    assert_eq!(
        answers,
        r#"{"as_of":"2003-12-31","measures":[{"title":"x"},{"title":"y2"}],"name":"B","staff":1,"tel":"0212"}"#
    );
    let at = |id: &str| merged.answered_at(questionnaire.question_idx(id).expect("asked")).map(str::to_owned);
    assert_eq!(at("name").as_deref(), Some("2026-03-02T10:00:00Z"));
    assert_eq!(at("staff").as_deref(), Some("2026-03-01T10:00:00Z"));
    assert_eq!(at("tel").as_deref(), Some("2026-03-03T10:00:00Z"));
    // Records from both sides: the later of the two times.
    assert_eq!(at("measures").as_deref(), Some("2026-03-02T10:00:00Z"));
    // Nothing changed before apply, and applying does not touch the open session.
    let ours_answers = serde_json::to_string(&ours.answers_json()).expect("serialises");
    assert_eq!(ours_answers, r#"{"as_of":"2003-12-31","measures":[{"title":"x"},{"title":"y"}],"name":"A","staff":1}"#);
}

#[test]
fn a_draft_of_another_version_is_opened_first_and_its_kept_aside_answers_join_ours() {
    let questionnaire = load(EVERY_TYPE);
    let ours = {
        let d = draft(
            &questionnaire,
            "1.1.0",
            r#"{"name": "A"}"#,
            "{}",
            r#"[{"questionId": "fax", "value": "0212 1", "questionnaireVersion": "1.0.0", "reason": {"kind": "unknownQuestion"}}]"#,
        );
        d.restore(Arc::clone(&questionnaire)).expect("same questionnaire").0
    };
    let theirs = draft(
        &questionnaire,
        "1.0.0",
        r#"{"name": "A", "kind": "kleinstadt", "contact_phone": "0212 2", "tel": "0212 3"}"#,
        "{}",
        r#"[{"questionId": "fax", "value": "0212 1", "questionnaireVersion": "1.0.0", "reason": {"kind": "unknownQuestion"}}]"#,
    );
    let plan = MergePlan::new(&ours, &theirs).expect("same questionnaire");
    assert!(plan.theirs_report.questionnaire_changed);
    expect![[r#"
        adds tel: "0212 3" (—)
        kept aside contact_phone = "0212 2" (from 1.0.0): no longer asked
        kept aside kind = "kleinstadt" (from 1.0.0): option 'kleinstadt' is no longer offered
        all Ours: {"as_of":"2003-12-31","name":"A","tel":"0212 3"}
        all Theirs: {"as_of":"2003-12-31","name":"A","tel":"0212 3"}
    "#]]
    .assert_eq(&render_plan(&plan, &questionnaire));
    let merged = plan.apply_all(Side::Theirs);
    let ids: Vec<&str> = merged.kept_aside().iter().map(|k| k.question_id.as_str()).collect();
    assert_eq!(ids, ["fax", "contact_phone", "kind"], "the shared kept-aside answer is not doubled");
}

#[test]
fn a_draft_of_another_questionnaire_cannot_be_merged() {
    let questionnaire = load(EVERY_TYPE);
    let other = load(&EVERY_TYPE.replace(r#""id": "m""#, r#""id": "n""#));
    let theirs = draft(&other, "1.1.0", "{}", "{}", "[]");
    let error = MergePlan::new(&Session::new(questionnaire), &theirs).map(|_| ()).expect_err("another questionnaire");
    assert_eq!(error.to_string(), "the draft belongs to questionnaire \"n\", not to \"m\"");
}
