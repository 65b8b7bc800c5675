//! Engine benchmarks (criterion): loading a generated questionnaire of 2,000 questions and 500
//! conditions, and re-evaluating after one answer change. Run with
//! `cargo bench -p bogen-engine --bench engine`. Figures go in the closing notes, never in tests.

use bogen_engine::{compile, AnswerValue, Session};
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
}

criterion_group!(engine, benches);
criterion_main!(engine);
