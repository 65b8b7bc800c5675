//! Merging a colleague's draft into the open one, in two steps: a [`MergePlan`] lists, before
//! anything changes, every question where the two differ and every answer that will be added;
//! [`MergePlan::apply`] then builds the merged session from the respondent's choices.
//!
//! The rules (`docs/DRAFT.md`, "Merging two drafts"):
//!
//! - "Theirs" (the opened file) is first opened with the loaded questionnaire like any draft
//!   ([`DraftFile::restore`]), so it may be of another version; its kept-aside answers join ours.
//! - An answer counts as given when it is not empty and not just the question's default.
//!   Given on one side only: taken (listed in [`MergePlan::additions`]). Given on both and
//!   different: a [`Difference`], which side is newer where both times are known.
//!   Calculated questions are never merged: they follow from the answers.
//! - Repeat groups merge record by record. Records equal on both sides are matched in order
//!   (a longest common subsequence, so that a record added or removed on one side does not
//!   shift the others); between matched records the remaining ones are paired by position, and
//!   each differing pair is a [`Difference`] of its own; records left over on either side are
//!   taken. Records carry no identity across machines, so a record one side deleted and the
//!   other kept comes back: a merge never deletes.
//! - A merge never deletes an answer: without a record of deletions, "only on one side" cannot
//!   tell "deleted there" from "never given here", and keeping it is the side of caution.

use crate::answer::{answer_to_json, AnswerValue, Record};
use crate::draft::{DraftError, DraftFile, KeptAside, RestoreReport};
use crate::model::{Question, QuestionIdx, Questionnaire};
use crate::session::Session;
use serde_json::Value as Json;
use std::cmp::Ordering;
use std::fmt;
use std::sync::Arc;

/// One side of a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The open draft.
    Ours,
    /// The opened draft file.
    Theirs,
}

/// Which side of a difference was changed later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Newer {
    /// Ours.
    Ours,
    /// Theirs.
    Theirs,
    /// Not known: a time is missing or unreadable, or both are the same.
    Unknown,
}

/// Positions of two paired records, from 0, in each side's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordPair {
    /// Position among our records.
    pub ours: usize,
    /// Position among their records.
    pub theirs: usize,
}

/// A question (or a record of a repeat group) that both sides answered differently.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// The question.
    pub question: QuestionIdx,
    /// For a repeat group: the two records that differ; both values then hold that one record.
    pub record: Option<RecordPair>,
    /// Our answer.
    pub ours: AnswerValue,
    /// Their answer.
    pub theirs: AnswerValue,
    /// Our answer in its JSON form (for a record: the record's object).
    pub ours_json: Json,
    /// Their answer in its JSON form.
    pub theirs_json: Json,
    /// When ours was last changed, where known.
    pub ours_answered_at: Option<String>,
    /// When theirs was last changed, where known.
    pub theirs_answered_at: Option<String>,
    /// Which was changed later.
    pub newer: Newer,
}

/// An answer (or a record) that only they gave: the merge adds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Addition {
    /// The question.
    pub question: QuestionIdx,
    /// For a repeat group: the record's position among their records.
    pub record: Option<usize>,
    /// The answer (for a record: that one record).
    pub value: AnswerValue,
    /// Its JSON form (for a record: the record's object).
    pub json: Json,
    /// When they last changed it, where known.
    pub answered_at: Option<String>,
}

/// Why a plan cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MergeError {
    /// The choices do not match the differences one to one.
    WrongNumberOfChoices {
        /// How many differences the plan has.
        differences: usize,
        /// How many choices were given.
        choices: usize,
    },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::WrongNumberOfChoices { differences, choices } => {
                write!(f, "the merge has {differences} differences but {choices} choices were given")
            }
        }
    }
}

impl std::error::Error for MergeError {}

/// How the merged answer of one question is built.
#[derive(Debug, Clone)]
enum Step {
    /// Their answer replaces ours (an addition).
    Take,
    /// The side chosen for difference `n`.
    Choose(usize),
    /// Records, slot by slot.
    Records(Vec<Slot>),
}

#[derive(Debug, Clone, Copy)]
enum Slot {
    Ours(usize),
    Theirs(usize),
    Choose { ours: usize, theirs: usize, difference: usize },
}

/// One side's state, as it was when the plan was made.
#[derive(Debug, Clone)]
struct Snapshot {
    answers: Vec<Option<AnswerValue>>,
    answered_at: Vec<Option<String>>,
    kept_aside: Vec<KeptAside>,
}

impl Snapshot {
    fn of(session: &Session) -> Snapshot {
        let n = session.questionnaire().questions.len();
        Snapshot {
            answers: (0..n).map(|q| session.answer(QuestionIdx(q as u32)).cloned()).collect(),
            answered_at: (0..n).map(|q| session.answered_at(QuestionIdx(q as u32)).map(str::to_owned)).collect(),
            kept_aside: session.kept_aside().to_vec(),
        }
    }
}

/// What merging a draft file into the open draft would do. Nothing has changed yet.
#[derive(Debug, Clone)]
pub struct MergePlan {
    /// Questions (and records) answered differently, in question order: one choice each.
    pub differences: Vec<Difference>,
    /// Answers (and records) only they gave, which the merge adds.
    pub additions: Vec<Addition>,
    /// Their kept-aside answers that join ours (those we do not keep aside already).
    pub kept_aside: Vec<KeptAside>,
    /// What opening their draft with the loaded questionnaire did.
    pub theirs_report: RestoreReport,
    questionnaire: Arc<Questionnaire>,
    ours: Snapshot,
    theirs: Snapshot,
    steps: Vec<(QuestionIdx, Step)>,
}

impl MergePlan {
    /// Plans merging `theirs`, an opened draft file of the same questionnaire (any version),
    /// into `ours`, the open draft. Call [`Session::stamp_changes`] on ours first, so that our
    /// latest changes have a time.
    pub fn new(ours: &Session, theirs: &DraftFile) -> Result<MergePlan, DraftError> {
        let questionnaire = Arc::clone(ours.questionnaire());
        let (their_session, theirs_report) = theirs.restore(Arc::clone(&questionnaire))?;
        let ours = Snapshot::of(ours);
        let theirs = Snapshot::of(&their_session);
        let mut differences = Vec::new();
        let mut additions = Vec::new();
        let mut steps = Vec::new();
        for (q, question) in questionnaire.questions.iter().enumerate() {
            if !question.kind.takes_input() {
                continue;
            }
            let idx = QuestionIdx(q as u32);
            let (our_at, their_at) = (&ours.answered_at[q], &theirs.answered_at[q]);
            let (mine, yours) = (given(question, &ours.answers[q]), given(question, &theirs.answers[q]));
            match (mine, yours) {
                (_, None) => {}
                (None, Some(answer)) => {
                    additions.push(Addition {
                        question: idx,
                        record: None,
                        value: answer.clone(),
                        json: answer_to_json(question, answer),
                        answered_at: their_at.clone(),
                    });
                    steps.push((idx, Step::Take));
                }
                (Some(a), Some(b)) if same_answer(a, b) => {}
                (Some(AnswerValue::Records(a)), Some(AnswerValue::Records(b))) => {
                    let mut slots = align_records(a, b);
                    for slot in &mut slots {
                        match slot {
                            Slot::Ours(_) => {}
                            Slot::Theirs(j) => additions.push(Addition {
                                question: idx,
                                record: Some(*j),
                                value: AnswerValue::Records(vec![b[*j].clone()]),
                                json: record_json(question, &b[*j]),
                                answered_at: their_at.clone(),
                            }),
                            Slot::Choose { ours: i, theirs: j, difference } => {
                                *difference = differences.len();
                                differences.push(Difference {
                                    question: idx,
                                    record: Some(RecordPair { ours: *i, theirs: *j }),
                                    ours: AnswerValue::Records(vec![a[*i].clone()]),
                                    theirs: AnswerValue::Records(vec![b[*j].clone()]),
                                    ours_json: record_json(question, &a[*i]),
                                    theirs_json: record_json(question, &b[*j]),
                                    ours_answered_at: our_at.clone(),
                                    theirs_answered_at: their_at.clone(),
                                    newer: newer(our_at, their_at),
                                });
                            }
                        }
                    }
                    steps.push((idx, Step::Records(slots)));
                }
                (Some(a), Some(b)) => {
                    steps.push((idx, Step::Choose(differences.len())));
                    differences.push(Difference {
                        question: idx,
                        record: None,
                        ours: a.clone(),
                        theirs: b.clone(),
                        ours_json: answer_to_json(question, a),
                        theirs_json: answer_to_json(question, b),
                        ours_answered_at: our_at.clone(),
                        theirs_answered_at: their_at.clone(),
                        newer: newer(our_at, their_at),
                    });
                }
            }
        }
        let kept_aside = theirs.kept_aside.iter().filter(|k| !ours.kept_aside.contains(k)).cloned().collect();
        Ok(MergePlan { differences, additions, kept_aside, theirs_report, questionnaire, ours, theirs, steps })
    }

    /// Whether merging changes nothing: no difference, no addition, nothing kept aside.
    pub fn is_empty(&self) -> bool {
        self.differences.is_empty() && self.additions.is_empty() && self.kept_aside.is_empty()
    }

    /// One side for every difference: "take all of ours" or "all of theirs".
    pub fn all(&self, side: Side) -> Vec<Side> {
        vec![side; self.differences.len()]
    }

    /// The merged session: for each difference the side chosen (`choices[i]` for
    /// `differences[i]`), the additions, and both sides' kept-aside answers. An answer's time
    /// is the time of the side it came from.
    pub fn apply(&self, choices: &[Side]) -> Result<Session, MergeError> {
        if choices.len() != self.differences.len() {
            return Err(MergeError::WrongNumberOfChoices {
                differences: self.differences.len(),
                choices: choices.len(),
            });
        }
        Ok(self.build(|difference| choices[difference]))
    }

    /// [`MergePlan::apply`] with one side for every difference.
    pub fn apply_all(&self, side: Side) -> Session {
        self.build(|_| side)
    }

    fn build(&self, choice: impl Fn(usize) -> Side) -> Session {
        let mut answers = self.ours.answers.clone();
        let mut answered_at = self.ours.answered_at.clone();
        for (idx, step) in &self.steps {
            let q = idx.get();
            let theirs = || (self.theirs.answers[q].clone(), self.theirs.answered_at[q].clone());
            match step {
                Step::Take => (answers[q], answered_at[q]) = theirs(),
                Step::Choose(d) if choice(*d) == Side::Theirs => (answers[q], answered_at[q]) = theirs(),
                Step::Choose(_) => {}
                Step::Records(slots) => {
                    let (Some(AnswerValue::Records(a)), Some(AnswerValue::Records(b))) =
                        (&self.ours.answers[q], &self.theirs.answers[q])
                    else {
                        continue;
                    };
                    let mut from_theirs = false;
                    let mut records = Vec::with_capacity(slots.len());
                    for slot in slots {
                        let record = match *slot {
                            Slot::Ours(i) => &a[i],
                            Slot::Choose { ours: i, difference, .. } if choice(difference) == Side::Ours => &a[i],
                            Slot::Theirs(j) | Slot::Choose { theirs: j, .. } => {
                                from_theirs = true;
                                &b[j]
                            }
                        };
                        records.push(record.clone());
                    }
                    answers[q] = Some(AnswerValue::Records(records));
                    if from_theirs {
                        answered_at[q] = later(&self.ours.answered_at[q], &self.theirs.answered_at[q]);
                    }
                }
            }
        }
        let mut kept_aside = self.ours.kept_aside.clone();
        kept_aside.extend(self.kept_aside.iter().cloned());
        Session::from_parts(Arc::clone(&self.questionnaire), answers, answered_at, kept_aside)
    }
}

/// The answer, when it counts as given: not empty and not only the question's default.
fn given<'a>(question: &Question, answer: &'a Option<AnswerValue>) -> Option<&'a AnswerValue> {
    answer.as_ref().filter(|a| !a.is_empty() && question.default.as_ref() != Some(*a))
}

/// Whether two answers mean the same: records compare by their fields (their ids are each
/// session's own), multiple choices by the set of options.
fn same_answer(a: &AnswerValue, b: &AnswerValue) -> bool {
    match (a, b) {
        (AnswerValue::Records(a), AnswerValue::Records(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_record(a, b))
        }
        (
            AnswerValue::Choices { selected: a, other: other_a },
            AnswerValue::Choices { selected: b, other: other_b },
        ) => {
            let (mut a, mut b) = (a.clone(), b.clone());
            a.sort_unstable();
            b.sort_unstable();
            a == b && other_a == other_b
        }
        _ => a == b,
    }
}

fn same_record(a: &Record, b: &Record) -> bool {
    a.fields.len() == b.fields.len()
        && a.fields.iter().zip(&b.fields).all(|(a, b)| match (a, b) {
            (Some(a), Some(b)) => same_answer(a, b),
            (a, b) => a.as_ref().is_none_or(AnswerValue::is_empty) && b.as_ref().is_none_or(AnswerValue::is_empty),
        })
}

/// Aligns two lists of records: equal records matched in order (longest common subsequence),
/// the rest paired by position between them, what is left over on either side kept.
fn align_records(a: &[Record], b: &[Record]) -> Vec<Slot> {
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] =
                if same_record(&a[i], &b[j]) { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut matches = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same_record(&a[i], &b[j]) {
            matches.push((i, j));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    matches.push((n, m));
    let mut slots = Vec::new();
    let (mut i0, mut j0) = (0, 0);
    for (i1, j1) in matches {
        let paired = (i1 - i0).min(j1 - j0);
        for k in 0..paired {
            slots.push(Slot::Choose { ours: i0 + k, theirs: j0 + k, difference: 0 });
        }
        slots.extend((i0 + paired..i1).map(Slot::Ours));
        slots.extend((j0 + paired..j1).map(Slot::Theirs));
        if i1 < n {
            slots.push(Slot::Ours(i1));
        }
        (i0, j0) = (i1 + 1, j1 + 1);
    }
    slots
}

fn record_json(question: &Question, record: &Record) -> Json {
    match answer_to_json(question, &AnswerValue::Records(vec![record.clone()])) {
        Json::Array(mut list) if list.len() == 1 => list.remove(0),
        other => other,
    }
}

fn newer(ours: &Option<String>, theirs: &Option<String>) -> Newer {
    match (ours, theirs) {
        (Some(a), Some(b)) => match crate::time::compare(a, b) {
            Some(Ordering::Greater) => Newer::Ours,
            Some(Ordering::Less) => Newer::Theirs,
            _ => Newer::Unknown,
        },
        _ => Newer::Unknown,
    }
}

/// The later of two times, when both are known and comparable.
fn later(ours: &Option<String>, theirs: &Option<String>) -> Option<String> {
    match newer(ours, theirs) {
        Newer::Ours => ours.clone(),
        Newer::Theirs => theirs.clone(),
        Newer::Unknown if ours == theirs => ours.clone(),
        Newer::Unknown => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::RecordId;

    fn records(values: &[i64]) -> Vec<Record> {
        values
            .iter()
            .map(|&v| Record { id: RecordId(v as u64), fields: vec![Some(AnswerValue::Number(v as f64))] })
            .collect()
    }

    fn render(slots: &[Slot]) -> String {
        slots
            .iter()
            .map(|s| match s {
                Slot::Ours(i) => format!("o{i}"),
                Slot::Theirs(j) => format!("t{j}"),
                Slot::Choose { ours, theirs, .. } => format!("o{ours}/t{theirs}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn equal_records_are_matched_even_when_one_side_removed_or_inserted_one() {
        // Ours removed the middle record: it comes back as theirs, nothing is paired wrongly.
        assert_eq!(render(&align_records(&records(&[1, 3]), &records(&[1, 2, 3]))), "o0 t1 o1");
        // Theirs inserted one at the front.
        assert_eq!(render(&align_records(&records(&[1, 2]), &records(&[9, 1, 2]))), "t0 o0 o1");
        // A changed record is paired with the one in its place.
        assert_eq!(render(&align_records(&records(&[1, 2, 3]), &records(&[1, 5, 3]))), "o0 o1/t1 o2");
        // Leftovers after the last match.
        assert_eq!(render(&align_records(&records(&[1, 2, 4]), &records(&[1, 5]))), "o0 o1/t1 o2");
        assert_eq!(render(&align_records(&records(&[]), &records(&[1]))), "t0");
    }
}
