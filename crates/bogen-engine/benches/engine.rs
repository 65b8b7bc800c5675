//! Engine benchmarks (criterion): loading a generated questionnaire of 2,000 questions and 500
//! conditions (unsigned, and signed as the office ships it), re-evaluating after one answer
//! change, and drafts of that questionnaire with every question answered (the autosave's cost,
//! opening a draft, planning a merge). Run with `cargo bench -p bogen-engine --bench engine`.
//! Figures go in the closing notes, never in tests.

use bogen_engine::signing::sign_json_text;
use bogen_engine::{
    compile, AnswerValue, DraftFile, DraftMeta, KeyPair, MergePlan, QuestionIdx, QuestionKind, Session, SignatureStatus,
};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;
use std::sync::Arc;

#[path = "support/large.rs"]
mod large;
use large::generated_questionnaire;

fn benches(c: &mut Criterion) {
    let json = generated_questionnaire();
    let questionnaire = Arc::new(compile(&json).unwrap_or_else(|p| panic!("{}", p.render("bench.json"))));
    assert_eq!(questionnaire.questions.len(), 2000);
    assert!(questionnaire.n_conditions >= 500, "only {} conditions", questionnaire.n_conditions);

    c.bench_function("load and check 2,000 questions / 500+ conditions", |b| b.iter(|| compile(black_box(&json))));
    // As the app opens the default questionnaire: signed by the office, so the load also checks
    // the signature over the canonical form (RFC 8785) and hashes it.
    let signed = sign_json_text(&json, &KeyPair::from_seed([7; 32])).expect("the generated file signs");
    assert!(matches!(compile(&signed).map(|q| q.signature), Ok(SignatureStatus::Signed(_))));
    c.bench_function("load a signed questionnaire of 2,000 questions (signature and hash checked)", |b| {
        b.iter(|| compile(black_box(&signed)))
    });
    c.bench_function("new session (full evaluation of 2,000 questions)", |b| {
        b.iter(|| Session::new(Arc::clone(&questionnaire)))
    });

    let unrelated = questionnaire.question_idx("q50_4").expect("q50_4");
    let inhabitants = questionnaire.question_idx("q50_1").expect("q50_1");
    let kind = questionnaire.question_idx("q50_0").expect("q50_0");
    let mut session = Session::new(Arc::clone(&questionnaire));
    session.set_answer(kind, Some(AnswerValue::Choice("b".into())));
    let mut n = 0u64;
    c.bench_function("keystroke in a field nothing reads", |b| {
        b.iter(|| {
            n += 1;
            session.set_answer(unrelated, Some(AnswerValue::Text(format!("Musterstadt {n}"))))
        })
    });
    c.bench_function("keystroke in a number read by a rule, a calculation and 5 conditions", |b| {
        b.iter(|| {
            n += 1;
            session.set_answer(inhabitants, Some(AnswerValue::Number((n % 3000) as f64)))
        })
    });
    c.bench_function("switching a choice that shows or hides 8 questions", |b| {
        b.iter(|| {
            n += 1;
            session.set_answer(kind, Some(AnswerValue::Choice(if n.is_multiple_of(2) { "a" } else { "b" }.into())))
        })
    });
    c.bench_function("full re-evaluation (what incremental evaluation avoids)", |b| {
        b.iter_batched(|| session.clone(), |mut s| s.recompute_all(), BatchSize::LargeInput)
    });
    drafts(c, &questionnaire);
}

/// Every question that takes input answered (1,900 of the 2,000; the other 100 are calculated).
fn answered_session(questionnaire: &Arc<bogen_engine::Questionnaire>, variant: &str) -> Session {
    let mut session = Session::new(Arc::clone(questionnaire));
    for (q, question) in questionnaire.questions.iter().enumerate() {
        let answer = match &question.kind {
            QuestionKind::SingleChoice { .. } => AnswerValue::Choice("b".into()),
            QuestionKind::Number { .. } => AnswerValue::Number(1000.0 + q as f64),
            QuestionKind::YesNo => AnswerValue::Bool(true),
            QuestionKind::Text { .. } => {
                AnswerValue::Text(format!("Antwort {variant} auf Frage {} mit etwas Text", question.id))
            }
            _ => continue,
        };
        session.set_answer(QuestionIdx(q as u32), Some(answer));
    }
    session.stamp_changes("2026-03-01T10:00:00.000Z");
    session
}

fn drafts(c: &mut Criterion, questionnaire: &Arc<bogen_engine::Questionnaire>) {
    let mut session = answered_session(questionnaire, "A");
    let n_answers = session.answers_json().len();
    assert!(n_answers >= 1900, "only {n_answers} answers");
    let meta = DraftMeta {
        draft_id: "5f0c2a9e".into(),
        name: "Bewerbung 1. Runde".into(),
        saved_at: "2026-03-01T10:00:00.400Z".into(),
        revision: 1,
    };
    let text = DraftFile::from_session(&session, &meta).to_json();
    println!("draft of {n_answers} answers: {} bytes", text.len());

    let typed = questionnaire.question_idx("q50_4").expect("q50_4");
    let mut n = 0u64;
    c.bench_function("autosave: stamp, capture and serialise a draft of 1,900 answers", |b| {
        b.iter(|| {
            // One change since the last save, as after a pause in typing.
            n += 1;
            session.set_answer(typed, Some(AnswerValue::Text(format!("Musterstadt {n}"))));
            session.stamp_changes(&meta.saved_at);
            DraftFile::from_session(&session, &meta).to_json()
        })
    });
    c.bench_function("capture a draft of 1,900 answers (from_session only)", |b| {
        b.iter(|| DraftFile::from_session(&session, &meta))
    });
    let draft = DraftFile::from_session(&session, &meta);
    c.bench_function("serialise a draft of 1,900 answers (to_json only)", |b| b.iter(|| draft.to_json()));
    c.bench_function("open a draft of 1,900 answers: parse and restore", |b| {
        b.iter(|| DraftFile::parse(black_box(&text)).map(|d| d.restore(Arc::clone(questionnaire))))
    });
    c.bench_function("parse a draft of 1,900 answers (parse only)", |b| b.iter(|| DraftFile::parse(black_box(&text))));
    c.bench_function("restore a draft of 1,900 answers (restore only)", |b| {
        b.iter(|| draft.restore(Arc::clone(questionnaire)))
    });
    let theirs = DraftFile::from_session(&answered_session(questionnaire, "B"), &meta);
    c.bench_function("plan a merge of two drafts of 1,900 answers (1,200 texts differ)", |b| {
        b.iter(|| MergePlan::new(&session, black_box(&theirs)))
    });
}

criterion_group!(engine, benches);
criterion_main!(engine);
