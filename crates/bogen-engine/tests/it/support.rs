//! The one function scenario tests call: load a fixture, run a small script of answers, and
//! render what the respondent would see as compact text, compared with `expect-test`.
//!
//! Script lines:
//! - `answer ID = JSON` sets an answer (`answer kind = "landkreis"`, `answer n = 12`, `answer x = "12a"` for typed text)
//! - `clear ID` removes an answer
//! - `add ID` adds a record to a repeat group; `remove ID[i]` removes the i-th record
//! - `set ID[i].FIELD = JSON` sets a field of the i-th record
//! - `counts` appends how many graph nodes the previous line evaluated

use bogen_engine::{compile, AnswerValue, QuestionKind, Questionnaire, Session, ViolationLocation};
use std::fmt::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// The repository's root folder.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Compiles a fixture, panicking with every problem when it does not load.
pub fn load(json: &str) -> Arc<Questionnaire> {
    match compile(json) {
        Ok(q) => Arc::new(q),
        Err(problems) => panic!("fixture does not load:\n{}", problems.render("fixture.json")),
    }
}

/// Runs `script` against `fixture` and returns the rendered state after it.
pub fn run(fixture: &str, script: &str) -> String {
    let questionnaire = load(fixture);
    let mut session = Session::new(Arc::clone(&questionnaire));
    let mut log = String::new();
    for line in script.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line == "counts" {
            let c = session.evaluation_counts();
            writeln!(
                log,
                "counts: sections {} visibility {} values {} required {} validations {}",
                c.section_visibility, c.question_visibility, c.values, c.requirements, c.validations
            )
            .ok();
            continue;
        }
        session.reset_counts();
        let changes = apply(&mut session, &questionnaire, line);
        if let Some(changes) = changes {
            let names: Vec<String> =
                changes.questions.iter().map(|q| questionnaire.question(*q).id.0.clone()).collect();
            let sections: Vec<String> =
                changes.sections.iter().map(|s| questionnaire.section(*s).id.0.clone()).collect();
            writeln!(log, "{line}  → changed [{}] sections [{}]", names.join(", "), sections.join(", ")).ok();
        }
    }
    log.push_str(&render(&session));
    log
}

fn parse_target(target: &str) -> (&str, Option<usize>, Option<&str>) {
    let (head, field) = match target.split_once("].") {
        Some((head, field)) => (head, Some(field)),
        None => (target.trim_end_matches(']'), None),
    };
    match head.split_once('[') {
        Some((id, index)) => (id, index.parse().ok(), field),
        None => (head, None, field),
    }
}

/// A new session of `questionnaire` after the script's lines (without a log).
pub fn session_after(questionnaire: &Arc<Questionnaire>, script: &str) -> Session {
    let mut session = Session::new(Arc::clone(questionnaire));
    for line in script.lines().map(str::trim).filter(|l| !l.is_empty()) {
        apply(&mut session, questionnaire, line);
    }
    session
}

/// Reads a file of the repository, e.g. `tests/fixtures/versions/…`.
pub fn repo_file(path: &str) -> String {
    std::fs::read_to_string(repo_root().join(path)).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn apply(session: &mut Session, questionnaire: &Questionnaire, line: &str) -> Option<bogen_engine::ChangeSet> {
    let (command, rest) = line.split_once(' ').unwrap_or((line, ""));
    let (target, value) = match rest.split_once(" = ") {
        Some((t, v)) => (t.trim(), Some(v.trim())),
        None => (rest.trim(), None),
    };
    let (id, index, field) = parse_target(target);
    let q = questionnaire.question_idx(id).unwrap_or_else(|| panic!("script names unknown question {id}"));
    let question = questionnaire.question(q);
    let json =
        value.map(|v| serde_json::from_str::<serde_json::Value>(v).unwrap_or_else(|e| panic!("bad JSON {v}: {e}")));
    let record_id = |session: &Session| match (session.answer(q), index) {
        (Some(AnswerValue::Records(records)), Some(i)) => records[i].id,
        _ => panic!("{target} names no record"),
    };
    Some(match command {
        "answer" => {
            let json = json.expect("answer needs a value");
            let answer = match (&question.kind, &json) {
                (QuestionKind::Number { .. }, serde_json::Value::String(s)) => {
                    bogen_engine::parse_number_input(s, bogen_engine::Lang::De)
                }
                _ => {
                    let mut next = 1_000_000;
                    bogen_engine::answer::answer_from_json(question, &json, &mut next)
                        .expect("answer fits the question")
                }
            };
            session.set_answer(q, Some(answer))
        }
        "clear" => session.set_answer(q, None),
        "add" => session.add_record(q).expect("a repeat group").1,
        "remove" => {
            let record = record_id(session);
            session.remove_record(q, record)
        }
        "set" => {
            let record = record_id(session);
            let QuestionKind::Repeat { fields, .. } = &question.kind else { panic!("{id} is not a repeat group") };
            let field_name = field.expect("set needs ID[i].FIELD");
            let field_idx = fields.iter().position(|f| f.id.0 == field_name).expect("known field");
            let json = json.expect("set needs a value");
            let answer = match (&fields[field_idx].kind, &json) {
                (QuestionKind::Number { .. }, serde_json::Value::String(s)) => {
                    bogen_engine::parse_number_input(s, bogen_engine::Lang::De)
                }
                _ => {
                    let mut next = 1_000_000;
                    bogen_engine::answer::answer_from_json(&fields[field_idx], &json, &mut next)
                        .expect("answer fits the field")
                }
            };
            session.set_record_field(q, record, field_idx, Some(answer))
        }
        other => panic!("unknown script command {other}"),
    })
}

/// Renders sections (with status), visible questions with answers, calculated values and violations.
pub fn render(session: &Session) -> String {
    let questionnaire = session.questionnaire();
    let mut out = String::new();
    for (s_idx, section) in questionnaire.sections.iter().enumerate() {
        let s = bogen_engine::SectionIdx(s_idx as u32);
        if !session.is_section_visible(s) {
            writeln!(out, "section {} (hidden)", section.id).ok();
            continue;
        }
        let status =
            if section.children.is_empty() { format!(" {:?}", session.section_status(s)) } else { String::new() };
        writeln!(out, "section {}{status}", section.id).ok();
        for &q in &section.questions {
            let question = questionnaire.question(q);
            if !session.is_visible(q) {
                continue;
            }
            let required = if session.is_required(q) { "*" } else { "" };
            let value = match &question.kind {
                QuestionKind::Calculated { .. } => {
                    session.calculated(q).map(|n| n.to_string()).unwrap_or_else(|| "—".into())
                }
                _ => session
                    .answer(q)
                    .map(|a| bogen_engine::answer::answer_to_json(question, a).to_string())
                    .unwrap_or_else(|| "—".into()),
            };
            writeln!(out, "  {}{required} = {value}", question.id).ok();
            for v in session.violations(q) {
                let at = match v.location {
                    ViolationLocation::Answer => String::new(),
                    ViolationLocation::RecordField { record, field } => {
                        let QuestionKind::Repeat { fields, .. } = &question.kind else { unreachable!() };
                        let Some(AnswerValue::Records(records)) = session.answer(q) else { unreachable!() };
                        let position = records.iter().position(|r| r.id == record).unwrap_or(usize::MAX);
                        format!("[{position}].{}: ", fields[field].id)
                    }
                };
                let custom = v
                    .custom_message
                    .as_ref()
                    .map(|m| format!(" \"{}\"", m.get(bogen_engine::Lang::En)))
                    .unwrap_or_default();
                writeln!(out, "    ! {at}{:?}{custom}", v.kind).ok();
            }
        }
    }
    out
}

/// Renders what opening a draft did: whether the questionnaire changed, each answer that carried
/// (and how, when not as it was), and each answer kept aside now, with its reason.
pub fn render_report(report: &bogen_engine::RestoreReport, questionnaire: &Questionnaire) -> String {
    let mut out = String::new();
    let sha = match &report.draft_questionnaire_sha256 {
        Some(sha) if *sha == questionnaire.sha256 => "same sha256",
        Some(_) => "other sha256",
        None => "sha256 unknown",
    };
    writeln!(
        out,
        "draft of {} ({sha}) opened with {}: {}",
        report.draft_questionnaire_version,
        questionnaire.version,
        if report.questionnaire_changed { "changed" } else { "unchanged" }
    )
    .ok();
    for carried in &report.carried {
        let how = match carried.how {
            bogen_engine::Carry::AsIs => String::new(),
            other => format!(" ({other:?})"),
        };
        writeln!(out, "carried {}{how}", questionnaire.question(carried.question).id).ok();
    }
    out.push_str(&render_kept_aside(&report.newly_kept_aside));
    writeln!(out, "kept aside in all: {}", report.kept_aside_total).ok();
    out
}

/// One line per kept-aside answer: old id, value as it was, version, reason.
pub fn render_kept_aside(list: &[bogen_engine::KeptAside]) -> String {
    let mut out = String::new();
    for kept in list {
        writeln!(
            out,
            "kept aside {} = {} (from {}): {}",
            kept.question_id, kept.value, kept.questionnaire_version, kept.reason
        )
        .ok();
    }
    out
}
