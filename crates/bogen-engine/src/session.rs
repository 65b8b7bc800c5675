//! A session: one respondent's answers to one questionnaire, and everything derived from them.
//!
//! The session owns the answers and keeps the derived state (visibility, requirements,
//! calculated values, violations) up to date *incrementally*: a change evaluates only the
//! graph nodes it reaches (see [`crate::graph`]) and returns a [`ChangeSet`] that tells the UI
//! what to re-render. [`Session::recompute_all`] evaluates everything, for start-up and tests.
//!
//! Answers of hidden questions stay in the session (switching a choice back loses nothing),
//! but read as empty in expressions, are never validated, and are left out of
//! [`Session::visible_answers`], the basis of the submission.
//!
//! For drafts, the session also holds the answers kept aside because they fit no question
//! ([`Session::kept_aside`]) and when each answer was last changed ([`Session::answered_at`]);
//! the caller gives those times when it saves ([`Session::stamp_changes`]), since the engine has
//! no clock. Drafts are opened and merged in [`crate::draft`] and [`crate::merge`].

use crate::answer::{answer_from_json, answer_to_json, AnswerValue, Record, RecordId};
use crate::draft::{Expected, KeptAside, KeptAsideReason};
use crate::eval::{evaluate, value_of_question, Answers, Value};
use crate::graph::Node;
use crate::model::{QuestionIdx, QuestionKind, Questionnaire, SectionIdx};
use crate::validate::{record_field_required, record_field_visible, validate_question, Violation, ViolationKind};
use serde_json::Value as Json;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};
use std::sync::Arc;

/// What one change touched: the UI re-renders exactly these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    /// Sections whose visibility changed.
    pub sections: Vec<SectionIdx>,
    /// Questions whose answer, visibility, required-ness, calculated value or violations changed.
    pub questions: Vec<QuestionIdx>,
}

/// How many graph nodes of each kind were evaluated: tests assert on what was evaluated, never on time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EvaluationCounts {
    /// Section visibility conditions.
    pub section_visibility: usize,
    /// Question visibility conditions.
    pub question_visibility: usize,
    /// Question values (calculations, visibility gating).
    pub values: usize,
    /// Requirement conditions.
    pub requirements: usize,
    /// Validations.
    pub validations: usize,
}

impl EvaluationCounts {
    /// All evaluations.
    pub fn total(&self) -> usize {
        self.section_visibility + self.question_visibility + self.values + self.requirements + self.validations
    }
}

/// The state of a page section in the task list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionStatus {
    /// Hidden by a condition.
    NotNeeded,
    /// No visible question answered yet.
    NotStarted,
    /// Some answered, required ones missing.
    InProgress,
    /// Everything visible is answered as required and valid.
    Completed,
    /// An answer breaks a check (not only missing).
    HasErrors,
}

/// How far a session is: what the task list and a list of drafts show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Pages whose status is [`SectionStatus::Completed`].
    pub pages_completed: usize,
    /// Pages that are not hidden by a condition.
    pub pages_needed: usize,
}

/// A problem found by [`Session::restore`], the strict reading of answers that should fit the
/// questionnaire exactly (a submission's). Drafts are opened with [`crate::DraftFile::restore`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RestoreIssue {
    /// The answers name a question this questionnaire does not have; the answer is kept aside.
    UnknownQuestion {
        /// The id in the answers.
        id: String,
    },
    /// The answer does not fit the question's type; it is kept aside.
    WrongType {
        /// The question's id.
        id: String,
        /// What was expected.
        expected: String,
    },
}

/// One respondent's answers and their derived state.
#[derive(Debug, Clone)]
pub struct Session {
    questionnaire: Arc<Questionnaire>,
    answers: Vec<Option<AnswerValue>>,
    /// Draft answers that fit no question of this questionnaire: kept so that nothing is lost.
    kept_aside: Vec<KeptAside>,
    /// When each answer was last changed (RFC 3339, from the caller), where known.
    answered_at: Vec<Option<String>>,
    /// Answers changed since the last [`Session::stamp_changes`].
    unstamped: Vec<bool>,
    section_visible: Vec<bool>,
    question_visible: Vec<bool>,
    required: Vec<bool>,
    calculated: Vec<Option<f64>>,
    violations: Vec<Vec<Violation>>,
    next_record_id: u64,
    counts: EvaluationCounts,
    /// Scratch space of `propagate`, kept to avoid clearing a vector of every node per keystroke.
    queued: Vec<bool>,
}

impl Answers for Session {
    fn value(&self, question: QuestionIdx) -> Value {
        let q = question.get();
        if !self.question_visible[q] {
            return Value::Empty;
        }
        match &self.questionnaire.questions[q].kind {
            QuestionKind::Calculated { .. } => self.calculated[q].map_or(Value::Empty, Value::Number),
            _ => value_of_question(&self.questionnaire.questions[q], self.answers[q].as_ref()),
        }
    }

    fn question(&self, question: QuestionIdx) -> &crate::model::Question {
        self.questionnaire.question(question)
    }

    fn records(&self, question: QuestionIdx) -> &[Record] {
        match (&self.answers[question.get()], self.question_visible[question.get()]) {
            (Some(AnswerValue::Records(records)), true) => records,
            _ => &[],
        }
    }
}

impl Session {
    /// Starts a new session with the questionnaire's defaults.
    pub fn new(questionnaire: Arc<Questionnaire>) -> Session {
        let defaults = questionnaire.questions.iter().map(|q| q.default.clone()).collect();
        Session::with_answers(questionnaire, defaults)
    }

    /// A session of these answers (one per question), fully evaluated.
    fn with_answers(questionnaire: Arc<Questionnaire>, mut answers: Vec<Option<AnswerValue>>) -> Session {
        let n_questions = questionnaire.questions.len();
        let n_sections = questionnaire.sections.len();
        let n_nodes = questionnaire.graph.order().len();
        answers.resize(n_questions, None);
        let mut session = Session {
            answers,
            kept_aside: Vec::new(),
            answered_at: vec![None; n_questions],
            unstamped: vec![false; n_questions],
            section_visible: vec![false; n_sections],
            question_visible: vec![false; n_questions],
            required: vec![false; n_questions],
            calculated: vec![None; n_questions],
            violations: vec![Vec::new(); n_questions],
            next_record_id: 1,
            counts: EvaluationCounts::default(),
            queued: vec![false; n_nodes],
            questionnaire,
        };
        session.recompute_all();
        session
    }

    /// Reads answers by question id that should fit this questionnaire exactly (a submission's
    /// answers), with [`crate::answer::answer_from_json`] and no carrying between versions.
    /// Answers that do not fit are reported and kept aside. Drafts are opened with
    /// [`crate::DraftFile::restore`] instead, which carries answers across versions.
    pub fn restore(
        questionnaire: Arc<Questionnaire>,
        answers: &BTreeMap<String, Json>,
    ) -> (Session, Vec<RestoreIssue>) {
        let mut session = Session::new(questionnaire);
        let mut issues = Vec::new();
        for (id, value) in answers {
            let keep_aside = |reason| KeptAside {
                question_id: id.clone(),
                value: value.clone(),
                questionnaire_version: session.questionnaire.version.clone(),
                reason,
            };
            let Some(idx) = session.questionnaire.question_idx(id) else {
                issues.push(RestoreIssue::UnknownQuestion { id: id.clone() });
                session.kept_aside.push(keep_aside(KeptAsideReason::UnknownQuestion));
                continue;
            };
            if value.is_null() {
                session.answers[idx.get()] = None;
                continue;
            }
            let questionnaire = Arc::clone(&session.questionnaire);
            match answer_from_json(questionnaire.question(idx), value, &mut session.next_record_id) {
                Ok(answer) => session.answers[idx.get()] = Some(answer),
                Err(e) => {
                    let expected = Expected::of(&questionnaire.question(idx).kind);
                    session.kept_aside.push(keep_aside(KeptAsideReason::WrongType { expected }));
                    issues.push(RestoreIssue::WrongType { id: id.clone(), expected: e.expected });
                }
            }
        }
        session.recompute_all();
        (session, issues)
    }

    /// A session of these answers (one per question, records' ids are given anew), times and
    /// kept-aside answers: what opening or merging drafts produces.
    pub(crate) fn from_parts(
        questionnaire: Arc<Questionnaire>,
        mut answers: Vec<Option<AnswerValue>>,
        answered_at: Vec<Option<String>>,
        kept_aside: Vec<KeptAside>,
    ) -> Session {
        let mut next_record_id = 1;
        for answer in &mut answers {
            if let Some(AnswerValue::Records(records)) = answer {
                for record in records {
                    record.id = RecordId(next_record_id);
                    next_record_id += 1;
                }
            }
        }
        let mut session = Session::with_answers(questionnaire, answers);
        let n = session.answers.len();
        session.answered_at = answered_at;
        session.answered_at.resize(n, None);
        session.kept_aside = kept_aside;
        session.next_record_id = next_record_id;
        session
    }

    /// The questionnaire being filled.
    pub fn questionnaire(&self) -> &Arc<Questionnaire> {
        &self.questionnaire
    }

    /// The answer to a question (also while it is hidden).
    pub fn answer(&self, question: QuestionIdx) -> Option<&AnswerValue> {
        self.answers[question.get()].as_ref()
    }

    /// Whether a question is shown (its section and its own condition).
    pub fn is_visible(&self, question: QuestionIdx) -> bool {
        self.question_visible[question.get()]
    }

    /// Whether a section is shown.
    pub fn is_section_visible(&self, section: SectionIdx) -> bool {
        self.section_visible[section.get()]
    }

    /// Whether a question must be answered now.
    pub fn is_required(&self, question: QuestionIdx) -> bool {
        self.required[question.get()]
    }

    /// The value of a calculated question (`None` while it cannot be computed or is hidden).
    pub fn calculated(&self, question: QuestionIdx) -> Option<f64> {
        self.calculated[question.get()]
    }

    /// The violations of a visible question (none while hidden).
    pub fn violations(&self, question: QuestionIdx) -> &[Violation] {
        &self.violations[question.get()]
    }

    /// Whether a field of a record is shown.
    pub fn is_record_field_visible(&self, question: QuestionIdx, record: RecordId, field: usize) -> bool {
        self.with_record_field(question, record, field, record_field_visible).unwrap_or(false)
    }

    /// Whether a field of a record must be answered.
    pub fn is_record_field_required(&self, question: QuestionIdx, record: RecordId, field: usize) -> bool {
        self.with_record_field(question, record, field, record_field_required).unwrap_or(false)
    }

    fn with_record_field(
        &self,
        question: QuestionIdx,
        record: RecordId,
        field: usize,
        test: fn(&[crate::model::Question], usize, &Record, &dyn Answers) -> bool,
    ) -> Option<bool> {
        let QuestionKind::Repeat { fields, .. } = &self.questionnaire.question(question).kind else {
            return None;
        };
        let Some(AnswerValue::Records(records)) = self.answer(question) else {
            return None;
        };
        let record = records.iter().find(|r| r.id == record)?;
        Some(test(fields, field, record, self))
    }

    /// How many graph nodes were evaluated since the last [`Session::reset_counts`].
    pub fn evaluation_counts(&self) -> EvaluationCounts {
        self.counts
    }

    /// Resets the evaluation counters.
    pub fn reset_counts(&mut self) {
        self.counts = EvaluationCounts::default();
    }

    /// Sets (or with `None` clears) the answer to a question.
    pub fn set_answer(&mut self, question: QuestionIdx, answer: Option<AnswerValue>) -> ChangeSet {
        if !self.questionnaire.question(question).kind.takes_input() {
            return ChangeSet::default();
        }
        self.answers[question.get()] = answer;
        self.changed_answer(question)
    }

    /// Sets a field of a record of a repeat group.
    pub fn set_record_field(
        &mut self,
        question: QuestionIdx,
        record: RecordId,
        field: usize,
        answer: Option<AnswerValue>,
    ) -> ChangeSet {
        let Some(AnswerValue::Records(records)) = self.answers[question.get()].as_mut() else {
            return ChangeSet::default();
        };
        let Some(slot) = records.iter_mut().find(|r| r.id == record).and_then(|r| r.fields.get_mut(field)) else {
            return ChangeSet::default();
        };
        *slot = answer;
        self.changed_answer(question)
    }

    /// Adds a record (with the fields' defaults) to a repeat group.
    pub fn add_record(&mut self, question: QuestionIdx) -> Option<(RecordId, ChangeSet)> {
        let QuestionKind::Repeat { fields, .. } = &self.questionnaire.question(question).kind else {
            return None;
        };
        let record =
            Record { id: RecordId(self.next_record_id), fields: fields.iter().map(|f| f.default.clone()).collect() };
        self.next_record_id += 1;
        let id = record.id;
        match self.answers[question.get()].as_mut() {
            Some(AnswerValue::Records(records)) => records.push(record),
            _ => self.answers[question.get()] = Some(AnswerValue::Records(vec![record])),
        }
        Some((id, self.changed_answer(question)))
    }

    /// Removes a record from a repeat group.
    pub fn remove_record(&mut self, question: QuestionIdx, record: RecordId) -> ChangeSet {
        let Some(AnswerValue::Records(records)) = self.answers[question.get()].as_mut() else {
            return ChangeSet::default();
        };
        let before = records.len();
        records.retain(|r| r.id != record);
        if records.len() == before {
            return ChangeSet::default();
        }
        self.changed_answer(question)
    }

    fn changed_answer(&mut self, question: QuestionIdx) -> ChangeSet {
        // The time of a change is the caller's: it is given when the draft is saved (stamp_changes).
        self.answered_at[question.get()] = None;
        self.unstamped[question.get()] = true;
        let start = self.questionnaire.graph.id(Node::QuestionValue(question));
        let mut changes = self.propagate(start);
        if !changes.questions.contains(&question) {
            changes.questions.push(question);
        }
        changes.questions.sort_unstable();
        changes
    }

    /// Evaluates the nodes reachable from `start` in topological order, following only nodes whose result changed.
    fn propagate(&mut self, start: u32) -> ChangeSet {
        let questionnaire = Arc::clone(&self.questionnaire);
        let graph = &questionnaire.graph;
        let mut heap = BinaryHeap::new();
        let mut touched = Vec::new();
        let mut changes = ChangeSet::default();
        heap.push(Reverse((graph.rank(start), start)));
        self.queued[start as usize] = true;
        touched.push(start);
        while let Some(Reverse((_, id))) = heap.pop() {
            let node = graph.node(id);
            if !self.evaluate_node(node) {
                continue;
            }
            match node {
                Node::SectionVisible(s) => changes.sections.push(s),
                Node::QuestionVisible(q)
                | Node::QuestionValue(q)
                | Node::QuestionRequired(q)
                | Node::QuestionValidation(q) => {
                    if !changes.questions.contains(&q) {
                        changes.questions.push(q);
                    }
                }
            }
            for &reader in graph.dependents(id) {
                if !self.queued[reader as usize] {
                    self.queued[reader as usize] = true;
                    touched.push(reader);
                    heap.push(Reverse((graph.rank(reader), reader)));
                }
            }
        }
        for id in touched {
            self.queued[id as usize] = false;
        }
        changes.sections.sort_unstable();
        changes
    }

    /// Evaluates every node, in topological order.
    pub fn recompute_all(&mut self) {
        let questionnaire = Arc::clone(&self.questionnaire);
        for &id in questionnaire.graph.order() {
            self.evaluate_node(questionnaire.graph.node(id));
        }
    }

    /// Evaluates one node; returns whether its result changed.
    fn evaluate_node(&mut self, node: Node) -> bool {
        let questionnaire = Arc::clone(&self.questionnaire);
        match node {
            Node::SectionVisible(s) => {
                self.counts.section_visibility += 1;
                let section = questionnaire.section(s);
                let parent_visible = section.parent.is_none_or(|p| self.section_visible[p.get()]);
                let visible =
                    parent_visible && section.visible_if.as_ref().is_none_or(|e| evaluate(e, self, None).is_true());
                std::mem::replace(&mut self.section_visible[s.get()], visible) != visible
            }
            Node::QuestionVisible(q) => {
                self.counts.question_visibility += 1;
                let question = questionnaire.question(q);
                let visible = self.section_visible[question.section.get()]
                    && question.visible_if.as_ref().is_none_or(|e| evaluate(e, self, None).is_true());
                std::mem::replace(&mut self.question_visible[q.get()], visible) != visible
            }
            Node::QuestionValue(q) => {
                self.counts.values += 1;
                match &questionnaire.question(q).kind {
                    QuestionKind::Calculated { expr, .. } => {
                        let value = match (self.question_visible[q.get()], evaluate(expr, self, None)) {
                            (true, Value::Number(n)) => Some(n),
                            _ => None,
                        };
                        std::mem::replace(&mut self.calculated[q.get()], value) != value
                    }
                    // An answer's value node is reached when the answer or its visibility
                    // changed; both change what readers see, so it always propagates.
                    _ => true,
                }
            }
            Node::QuestionRequired(q) => {
                self.counts.requirements += 1;
                let question = questionnaire.question(q);
                let required = question.required
                    || question.required_if.as_ref().is_some_and(|e| evaluate(e, self, None).is_true());
                std::mem::replace(&mut self.required[q.get()], required) != required
            }
            Node::QuestionValidation(q) => {
                self.counts.validations += 1;
                let mut violations = Vec::new();
                if self.question_visible[q.get()] {
                    validate_question(
                        questionnaire.question(q),
                        self.answers[q.get()].as_ref(),
                        self.required[q.get()],
                        self,
                        &mut violations,
                    );
                }
                if violations == self.violations[q.get()] {
                    return false;
                }
                self.violations[q.get()] = violations;
                true
            }
        }
    }

    /// The status of a page section for the task list.
    pub fn section_status(&self, section: SectionIdx) -> SectionStatus {
        if !self.section_visible[section.get()] {
            return SectionStatus::NotNeeded;
        }
        let questionnaire = &self.questionnaire;
        let visible_inputs = || {
            questionnaire
                .section(section)
                .questions
                .iter()
                .copied()
                .filter(|&q| self.question_visible[q.get()] && questionnaire.question(q).kind.takes_input())
        };
        // A pre-filled default is not the respondent's work: a page with only defaults is not started.
        let n_answered = visible_inputs()
            .filter(|&q| {
                self.answer(q).is_some_and(|a| !a.is_empty() && Some(a) != questionnaire.question(q).default.as_ref())
            })
            .count();
        let mut missing = false;
        // Calculated values answer nothing, but a rule on one (a share above 100 %) is an error of the page.
        let visible_questions =
            questionnaire.section(section).questions.iter().filter(|q| self.question_visible[q.get()]);
        for &q in visible_questions {
            for violation in &self.violations[q.get()] {
                match violation.kind {
                    ViolationKind::Required
                    | ViolationKind::MatrixRowsMissing { .. }
                    | ViolationKind::TooFewRecords { .. } => missing = true,
                    _ => return SectionStatus::HasErrors,
                }
            }
        }
        if n_answered == 0 && visible_inputs().next().is_some() {
            SectionStatus::NotStarted
        } else if missing {
            SectionStatus::InProgress
        } else {
            SectionStatus::Completed
        }
    }

    /// Every violation of every visible question, in questionnaire order.
    pub fn all_violations(&self) -> impl Iterator<Item = (QuestionIdx, &Violation)> + '_ {
        self.violations.iter().enumerate().flat_map(|(q, list)| list.iter().map(move |v| (QuestionIdx(q as u32), v)))
    }

    /// All answers by question id, hidden ones included: what a draft stores. A question whose
    /// default the respondent cleared is `null`, so that the default does not come back.
    /// Kept-aside answers are not among them ([`Session::kept_aside`]).
    pub fn answers_json(&self) -> BTreeMap<String, Json> {
        let mut out = BTreeMap::new();
        for (question, answer) in self.questionnaire.questions.iter().zip(&self.answers) {
            match answer {
                Some(answer) => {
                    out.insert(question.id.0.clone(), answer_to_json(question, answer));
                }
                None if question.default.is_some() => {
                    out.insert(question.id.0.clone(), Json::Null);
                }
                None => {}
            }
        }
        out
    }

    /// The answers that count: visible questions with an answer, calculated values, and for
    /// repeat groups only the visible fields of each record. The basis of the submission.
    pub fn visible_answers(&self) -> BTreeMap<String, Json> {
        let mut out = BTreeMap::new();
        for (idx, question) in self.questionnaire.questions.iter().enumerate() {
            if !self.question_visible[idx] {
                continue;
            }
            let value = match (&question.kind, &self.answers[idx]) {
                (QuestionKind::Calculated { .. }, _) => self.calculated[idx].map(crate::answer::number_to_json),
                (QuestionKind::Repeat { fields, .. }, Some(AnswerValue::Records(records))) => {
                    let visible: Vec<Record> = records
                        .iter()
                        .map(|record| Record {
                            id: record.id,
                            fields: record
                                .fields
                                .iter()
                                .enumerate()
                                .map(|(field_idx, value)| {
                                    value.clone().filter(|_| record_field_visible(fields, field_idx, record, self))
                                })
                                .collect(),
                        })
                        .collect();
                    Some(answer_to_json(question, &AnswerValue::Records(visible)))
                }
                (_, Some(answer)) if !answer.is_empty() => Some(answer_to_json(question, answer)),
                _ => None,
            };
            if let Some(value) = value {
                out.insert(question.id.0.clone(), value);
            }
        }
        out
    }

    /// The question kept-aside answer `index` would answer as it is now, when it fits that
    /// question whole (the questionnaire has the question again, or takes that form again: a
    /// draft opened with an older version and then with the newer one) and the question has no
    /// answer yet. A record of a repeat group is not offered: it belongs inside a list.
    pub fn kept_aside_fits(&self, index: usize) -> Option<QuestionIdx> {
        self.kept_aside_fit(index).map(|(question, _)| question)
    }

    /// Puts kept-aside answer `index` back as its question's answer, when [`Session::kept_aside_fits`]
    /// says it fits, and removes it from the kept-aside ones. Nothing is ever taken back by
    /// itself: the respondent chooses it (docs/DRAFT.md).
    pub fn take_back_kept_aside(&mut self, index: usize) -> Option<ChangeSet> {
        let (question, answer) = self.kept_aside_fit(index)?;
        let changes = self.set_answer(question, Some(answer));
        self.kept_aside.remove(index);
        Some(changes)
    }

    fn kept_aside_fit(&self, index: usize) -> Option<(QuestionIdx, AnswerValue)> {
        let kept = self.kept_aside.get(index)?;
        if matches!(kept.reason, KeptAsideReason::RecordFields { .. }) {
            return None;
        }
        let question = self.questionnaire.question_idx(&kept.question_id)?;
        if self.answers[question.get()].as_ref().is_some_and(|a| !a.is_empty()) {
            return None;
        }
        let fit = crate::carry::fit(self.questionnaire.question(question), &kept.value);
        match fit.answer {
            Some(answer) if fit.aside.is_empty() && self.questionnaire.question(question).kind.takes_input() => {
                Some((question, answer))
            }
            _ => None,
        }
    }

    /// Whether the session holds anything a respondent entered: an answer other than its
    /// question's default (a default comes back by itself), or a kept-aside one. What a tab
    /// would lose with its draft.
    pub fn holds_answers(&self) -> bool {
        let entered = self.answers.iter().zip(&self.questionnaire.questions).any(|(answer, question)| match answer {
            Some(answer) => !answer.is_empty() && question.default.as_ref() != Some(answer),
            // A default the respondent cleared.
            None => question.default.is_some(),
        });
        entered || !self.kept_aside.is_empty()
    }

    /// Answers that fit no question of this questionnaire, kept so that they are never lost:
    /// those the draft brought and those set aside when it was opened. Drafts write them back.
    pub fn kept_aside(&self) -> &[KeptAside] {
        &self.kept_aside
    }

    /// When an answer was last changed (RFC 3339, as the caller gave it): from the draft it
    /// came from, or from [`Session::stamp_changes`]. `None` when unknown, and from a change
    /// until the next stamp.
    pub fn answered_at(&self, question: QuestionIdx) -> Option<&str> {
        self.answered_at[question.get()].as_deref()
    }

    /// Gives every answer changed since the last stamp the time `at` (RFC 3339, from the
    /// caller's clock), and returns how many. The app calls it when it saves, with the time of
    /// saving, so that the typing path never reads a clock; a time is then at most one
    /// autosave delay later than the change.
    pub fn stamp_changes(&mut self, at: &str) -> usize {
        let mut n = 0;
        for (stamp, unstamped) in self.answered_at.iter_mut().zip(&mut self.unstamped) {
            if std::mem::take(unstamped) {
                *stamp = Some(at.to_owned());
                n += 1;
            }
        }
        n
    }

    /// How many of the pages that are not hidden are completed.
    pub fn progress(&self) -> Progress {
        let mut progress = Progress::default();
        for page in self.questionnaire.pages() {
            match self.section_status(page) {
                SectionStatus::NotNeeded => {}
                SectionStatus::Completed => {
                    progress.pages_completed += 1;
                    progress.pages_needed += 1;
                }
                _ => progress.pages_needed += 1,
            }
        }
        progress
    }
}
