//! Drafts across questionnaire versions, with the two versions committed under
//! `tests/fixtures/versions/` (see its README for what changed): a draft of 1.0.0 opens with
//! 1.1.0 with the exact report, kept-aside answers survive saving, loading and a second
//! migration, and drafts of format version 1 still open.

use crate::support::{load, render, render_kept_aside, render_report, repo_file, session_after};
use bogen_engine::{DraftFile, DraftMeta, Questionnaire, Session};
use expect_test::expect;
use std::sync::Arc;

fn version(v: &str) -> Arc<Questionnaire> {
    load(&repo_file(&format!("tests/fixtures/versions/integration-kurzbogen-{v}.json")))
}

fn meta(revision: u64, saved_at: &str) -> DraftMeta {
    DraftMeta { draft_id: "5f0c2a".into(), name: "Bewerbung 1. Runde".into(), saved_at: saved_at.into(), revision }
}

/// Saves a session as the app does (stamp, capture, text) and reads the text back.
fn save_and_load(session: &mut Session, meta: &DraftMeta) -> DraftFile {
    session.stamp_changes(&meta.saved_at);
    let text = DraftFile::from_session(session, meta).to_json();
    DraftFile::parse(&text).unwrap_or_else(|e| panic!("a saved draft reads back: {e}\n{text}"))
}

/// A 1.0.0 draft that touches every change between the versions.
fn draft_of_1_0_0() -> DraftFile {
    let mut session = session_after(
        &version("1.0.0"),
        r#"
        answer municipality_name = "Stadt Solingen"
        answer municipality_kind = "kleinstadt"
        answer inhabitants = 163000
        answer contact_phone = "0212 290-0"
        answer integration_plan = true
        answer fields_of_action = {"selected": ["sprache", "wohnen"], "other": "Sport"}
        answer cooperation = {"schulen": "eng", "vereine": "gelegentlich"}
        add measures
        set measures[0].title = "Mama lernt Deutsch"
        set measures[0].field = "sprache"
        set measures[0].budget = 12000
        add measures
        set measures[1].title = "Wohnprojekt"
        set measures[1].field = "wohnen"
        set measures[1].budget = 3000
        answer summary = "Erste Zeile\nzweite Zeile"
        "#,
    );
    save_and_load(&mut session, &meta(7, "2026-01-12T09:30:00.000Z"))
}

#[test]
fn a_draft_of_1_0_0_opens_with_1_1_0_carrying_what_fits_and_keeping_the_rest_aside() {
    let newer = version("1.1.0");
    let (session, report) = draft_of_1_0_0().restore(Arc::clone(&newer)).expect("same questionnaire id");
    expect![[r#"
        draft of 1.0.0 (other sha256) opened with 1.1.0: changed
        carried municipality_name
        carried inhabitants
        carried fields_of_action (Partly)
        carried cooperation (Partly)
        carried measures (Partly)
        carried summary
        kept aside contact_phone = "0212 290-0" (from 1.0.0): no longer asked
        kept aside cooperation = {"schulen":"eng","vereine":"gelegentlich"} (from 1.0.0): rows 'vereine' are no longer asked
        kept aside fields_of_action = {"other":"Sport","selected":["sprache","wohnen"]} (from 1.0.0): option 'wohnen' is no longer offered
        kept aside integration_plan = true (from 1.0.0): the question now takes one option
        kept aside measures = {"budget":3000,"field":"wohnen","title":"Wohnprojekt"} (from 1.0.0): record 2: field: option 'wohnen' is no longer offered
        kept aside municipality_kind = "kleinstadt" (from 1.0.0): option 'kleinstadt' is no longer offered
        kept aside in all: 6
    "#]]
    .assert_eq(&render_report(&report, &newer));
    // The new required question starts empty and is reported missing; the kind lost its removed option.
    expect![[r#"
        section municipality InProgress
          municipality_name* = "Stadt Solingen"
          municipality_kind* = —
            ! Required
          inhabitants = 163000
          phone = —
          contact_email* = —
            ! Required
          integration_plan = —
        section work Completed
          fields_of_action = {"other":"Sport","selected":["sprache"]}
          cooperation = {"schulen":"eng"}
          measures = [{"budget":12000,"field":"sprache","title":"Mama lernt Deutsch"},{"budget":3000,"title":"Wohnprojekt"}]
          total_budget = 15000
          summary = "Erste Zeile\nzweite Zeile"
    "#]]
    .assert_eq(&render(&session));
    // Answers keep the time of their last change across the migration.
    let name = newer.question_idx("municipality_name").expect("asked");
    assert_eq!(session.answered_at(name), Some("2026-01-12T09:30:00.000Z"));
}

#[test]
fn kept_aside_answers_survive_saving_loading_and_a_second_migration() {
    let (older, newer) = (version("1.0.0"), version("1.1.0"));
    let (mut session, _) = draft_of_1_0_0().restore(Arc::clone(&newer)).expect("same questionnaire id");
    let saved = save_and_load(&mut session, &meta(8, "2026-02-01T08:00:00.000Z"));
    expect![[r#"
        kept aside contact_phone = "0212 290-0" (from 1.0.0): no longer asked
        kept aside cooperation = {"schulen":"eng","vereine":"gelegentlich"} (from 1.0.0): rows 'vereine' are no longer asked
        kept aside fields_of_action = {"other":"Sport","selected":["sprache","wohnen"]} (from 1.0.0): option 'wohnen' is no longer offered
        kept aside integration_plan = true (from 1.0.0): the question now takes one option
        kept aside measures = {"budget":3000,"field":"wohnen","title":"Wohnprojekt"} (from 1.0.0): record 2: field: option 'wohnen' is no longer offered
        kept aside municipality_kind = "kleinstadt" (from 1.0.0): option 'kleinstadt' is no longer offered
    "#]]
    .assert_eq(&render_kept_aside(&saved.kept_aside));
    assert_eq!(saved.questionnaire_version, "1.1.0");
    assert!(!saved.answers.contains_key("contact_phone"), "kept-aside answers are not among the answers");

    // Opened again with the same version: nothing new is set aside, nothing is lost.
    let (mut session, report) = saved.restore(Arc::clone(&newer)).expect("same questionnaire id");
    assert!(!report.questionnaire_changed);
    assert!(report.newly_kept_aside.is_empty(), "{:?}", report.newly_kept_aside);
    assert_eq!(session.kept_aside(), saved.kept_aside.as_slice());

    // A second migration, back to 1.0.0 (as when a colleague still has the old version):
    // what 1.1.0 added is kept aside too, the earlier kept-aside answers stay.
    let phone = newer.question_idx("phone").expect("asked");
    session.set_answer(phone, Some(bogen_engine::AnswerValue::Text("0212 290-2".into())));
    let saved = save_and_load(&mut session, &meta(9, "2026-02-02T08:00:00.000Z"));
    let (_, report) = saved.restore(Arc::clone(&older)).expect("same questionnaire id");
    expect![[r#"
        draft of 1.1.0 (other sha256) opened with 1.0.0: changed
        carried municipality_name
        carried inhabitants
        carried fields_of_action
        carried cooperation
        carried measures
        carried summary
        kept aside phone = "0212 290-2" (from 1.1.0): no longer asked
        kept aside in all: 7
    "#]]
    .assert_eq(&render_report(&report, &older));
}

#[test]
fn a_kept_aside_answer_that_fits_again_is_offered_and_taken_back_only_when_asked() {
    // 1.1.0 asks "phone"; 1.0.0 does not. A 1.1.0 draft opened with 1.0.0 keeps the phone aside.
    let (older, newer) = (version("1.0.0"), version("1.1.0"));
    let (mut session, _) = draft_of_1_0_0().restore(Arc::clone(&newer)).expect("same questionnaire id");
    let phone = newer.question_idx("phone").expect("asked");
    session.set_answer(phone, Some(bogen_engine::AnswerValue::Text("0212 290-2".into())));
    let saved = save_and_load(&mut session, &meta(9, "2026-02-02T08:00:00.000Z"));
    let (mut in_older, _) = saved.restore(Arc::clone(&older)).expect("same questionnaire id");
    let index = in_older.kept_aside().iter().position(|k| k.question_id == "phone").expect("kept aside");
    assert_eq!(in_older.kept_aside_fits(index), None, "1.0.0 has no such question");
    in_older.set_answer(older.question_idx("inhabitants").unwrap(), Some(bogen_engine::AnswerValue::Number(1.0)));
    let saved = save_and_load(&mut in_older, &meta(10, "2026-02-03T08:00:00.000Z"));

    // Back with 1.1.0: nothing is put back by itself, but the phone fits its question again.
    let (mut back, _) = saved.restore(Arc::clone(&newer)).expect("same questionnaire id");
    let index = back.kept_aside().iter().position(|k| k.question_id == "phone").expect("still kept aside");
    assert_eq!(back.answer(phone), None);
    assert_eq!(back.kept_aside_fits(index), Some(phone));
    // A kept-aside answer that does not fit now (an option no longer offered) is not offered.
    let kind = back.kept_aside().iter().position(|k| k.question_id == "municipality_kind").expect("kept aside");
    assert_eq!(back.kept_aside_fits(kind), None);
    let before = back.kept_aside().len();
    let changes = back.take_back_kept_aside(index).expect("it fits");
    assert!(changes.questions.contains(&phone));
    assert_eq!(back.answer(phone), Some(&bogen_engine::AnswerValue::Text("0212 290-2".into())));
    assert_eq!(back.kept_aside().len(), before - 1);
    assert!(back.kept_aside().iter().all(|k| k.question_id != "phone"));
    // Once the question has an answer, another kept-aside answer for it is not offered over it.
    let (mut answered, _) = saved.restore(Arc::clone(&newer)).expect("same questionnaire id");
    answered.set_answer(phone, Some(bogen_engine::AnswerValue::Text("0212 999".into())));
    let index = answered.kept_aside().iter().position(|k| k.question_id == "phone").unwrap();
    assert_eq!(answered.kept_aside_fits(index), None);
    assert_eq!(answered.take_back_kept_aside(index), None);
}

#[test]
fn a_draft_file_of_format_version_1_still_opens_and_its_kept_aside_answers_move_to_kept_aside() {
    let draft = DraftFile::parse(&repo_file("tests/fixtures/versions/integration-kurzbogen-draft-v1.json"))
        .expect("format version 1 is read");
    assert_eq!((draft.format_version, draft.revision, draft.draft_id.as_str()), (2, 0, ""));
    let older = version("1.0.0");
    let (mut session, report) = draft.restore(Arc::clone(&older)).expect("same questionnaire id");
    expect![[r#"
        draft of 1.0.0 (sha256 unknown) opened with 1.0.0: unchanged
        carried municipality_name
        carried municipality_kind
        carried inhabitants
        carried contact_phone
        carried integration_plan
        carried fields_of_action
        carried cooperation
        carried measures
        carried summary
        kept aside fax = "0212 290-1" (from 1.0.0): no longer asked
        kept aside in all: 1
    "#]]
    .assert_eq(&render_report(&report, &older));
    // Saved again, it is a version 2 draft with the kept-aside answer in its own list.
    let saved = save_and_load(&mut session, &meta(1, "2026-01-13T10:00:00.000Z"));
    assert!(!saved.answers.contains_key("fax"));
    assert_eq!(render_kept_aside(&saved.kept_aside), "kept aside fax = \"0212 290-1\" (from 1.0.0): no longer asked\n");

    // And the same version 1 file opens with 1.1.0 directly.
    let newer = version("1.1.0");
    let (_, report) = draft.restore(Arc::clone(&newer)).expect("same questionnaire id");
    assert_eq!(report.kept_aside_total, 7, "{}", render_report(&report, &newer));
}

#[test]
fn the_questionnaire_counts_as_changed_when_its_content_changed_under_the_same_version() {
    let original = version("1.0.0");
    let draft = DraftFile::from_session(&Session::new(Arc::clone(&original)), &meta(1, "2026-01-12T09:30:00Z"));
    assert!(!draft.questionnaire_changed(&original));
    let edited = load(
        &repo_file("tests/fixtures/versions/integration-kurzbogen-1.0.0.json").replace("Einwohner", "Einwohnerzahl"),
    );
    assert_eq!(edited.version, original.version);
    assert!(draft.questionnaire_changed(&edited), "the office forgot to raise the version, the hash tells");
    let (_, report) = draft.restore(edited).expect("same questionnaire id");
    assert!(report.questionnaire_changed);
}
