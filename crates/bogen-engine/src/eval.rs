//! Evaluation of resolved expressions against the answers of a session.
//!
//! Missing answers make three-valued logic: a comparison with an unanswered question is
//! *unknown* ([`Value::Empty`]), `and`/`or` follow Kleene's rules, a condition that is unknown
//! counts as false (the section stays hidden until it is decided), and a rule that is unknown
//! counts as passed (a missing answer is the job of `required`, not of every rule that reads it).

use crate::answer::{AnswerValue, Record};
use crate::expr::BinaryOp;
use crate::model::{Question, QuestionIdx, QuestionKind};
use crate::resolve::Expr;

/// A value during evaluation.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Unanswered, hidden, or unknown.
    Empty,
    /// True or false.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A text, option value or date.
    Text(String),
    /// Selected options, or a list literal.
    List(Vec<String>),
    /// A matrix or repeat group, by how many rows or records are answered.
    Collection(usize),
}

impl Value {
    /// True only when definitely true: how conditions read a value.
    pub fn is_true(&self) -> bool {
        matches!(self, Value::Bool(true))
    }

    /// False only when definitely false: how rules read a value.
    pub fn is_false(&self) -> bool {
        matches!(self, Value::Bool(false))
    }
}

/// What evaluation reads: the session provides it.
pub(crate) trait Answers {
    /// The effective value of a question: its answer or calculation, or empty while hidden.
    fn value(&self, question: QuestionIdx) -> Value;
    /// The records of a visible repeat group.
    fn records(&self, question: QuestionIdx) -> &[Record];
    /// The question at `question` (for the fields of a repeat group).
    fn question(&self, question: QuestionIdx) -> &Question;
}

/// The record an expression of a repeat group's field is evaluated for, with the group's fields.
#[derive(Clone, Copy)]
pub(crate) struct RecordScope<'a> {
    pub record: &'a Record,
    pub fields: &'a [Question],
}

impl RecordScope<'_> {
    /// Whether a field of this record is shown. Field conditions only read earlier-decided
    /// fields (the compiler rejects cycles among them), so the recursion ends.
    pub fn field_visible(&self, field: usize, answers: &dyn Answers) -> bool {
        self.fields
            .get(field)
            .and_then(|f| f.visible_if.as_ref())
            .is_none_or(|e| evaluate(e, answers, Some(*self)).is_true())
    }

    /// What expressions see of a field: its answer, or empty while the field is hidden.
    fn field_value(&self, field: usize, answers: &dyn Answers) -> Value {
        if !self.field_visible(field, answers) {
            return Value::Empty;
        }
        match self.fields.get(field) {
            Some(question) => value_of_question(question, self.record.fields.get(field).and_then(Option::as_ref)),
            None => Value::Empty,
        }
    }
}

/// What expressions see of `question`'s answer: as [`value_of_answer`], but a number that is not
/// of the question's type (a fraction typed into a whole-number question, which the form flags)
/// is empty, as text that is no number is: a calculation or condition never works with a value
/// the form itself rejects (`12.345,67` in a whole-number field would otherwise count as 12,346).
/// Range checks (`min`, `max`) do not empty it: the value is of its type, and says what was meant.
pub(crate) fn value_of_question(question: &Question, answer: Option<&AnswerValue>) -> Value {
    match (&question.kind, answer) {
        (QuestionKind::Number { integer: true, .. }, Some(AnswerValue::Number(n))) if n.fract() != 0.0 => Value::Empty,
        _ => value_of_answer(answer),
    }
}

/// Converts an answer into an expression value.
pub(crate) fn value_of_answer(answer: Option<&AnswerValue>) -> Value {
    match answer {
        None => Value::Empty,
        Some(answer) if answer.is_empty() => match answer {
            AnswerValue::Records(_) | AnswerValue::Matrix(_) => Value::Collection(0),
            _ => Value::Empty,
        },
        Some(AnswerValue::Text(t) | AnswerValue::Choice(t)) => Value::Text(t.clone()),
        Some(AnswerValue::NotANumber(_) | AnswerValue::NotADate(_)) => Value::Empty,
        Some(AnswerValue::Number(n)) => Value::Number(*n),
        Some(AnswerValue::Bool(b)) => Value::Bool(*b),
        Some(AnswerValue::Choices { selected, other }) => {
            let mut list = selected.clone();
            // "Other" counts as one more selection, so count() sees it; it matches no option value.
            if other.is_some() {
                list.push(String::new());
            }
            Value::List(list)
        }
        Some(AnswerValue::Matrix(rows)) => Value::Collection(rows.len()),
        Some(AnswerValue::Records(records)) => Value::Collection(records.len()),
    }
}

/// Evaluates `expr`; `record` is the record whose fields `record.x` reads, if any.
pub(crate) fn evaluate(expr: &Expr, answers: &dyn Answers, record: Option<RecordScope<'_>>) -> Value {
    match expr {
        Expr::Number(n) => Value::Number(*n),
        Expr::Text(t) => Value::Text(t.clone()),
        Expr::Bool(b) => Value::Bool(*b),
        Expr::List(items) => Value::List(items.clone()),
        Expr::Question(q) => answers.value(*q),
        Expr::RecordField(field) => record.map_or(Value::Empty, |scope| scope.field_value(*field, answers)),
        Expr::Not(inner) => match evaluate(inner, answers, record) {
            Value::Bool(b) => Value::Bool(!b),
            _ => Value::Empty,
        },
        Expr::Negate(inner) => match evaluate(inner, answers, record) {
            Value::Number(n) => Value::Number(-n),
            _ => Value::Empty,
        },
        Expr::Count(inner) => Value::Number(match evaluate(inner, answers, record) {
            Value::List(list) => list.len() as f64,
            Value::Collection(n) => n as f64,
            _ => 0.0,
        }),
        Expr::Empty(inner) => {
            Value::Bool(matches!(evaluate(inner, answers, record), Value::Empty | Value::Collection(0)))
        }
        Expr::Sum { repeat, field } => {
            let QuestionKind::Repeat { fields, .. } = &answers.question(*repeat).kind else { return Value::Empty };
            // Hidden fields do not count, just as they are not exported.
            let total = answers
                .records(*repeat)
                .iter()
                .filter_map(|record| match record.fields.get(*field) {
                    Some(Some(AnswerValue::Number(n)))
                        if (RecordScope { record, fields }).field_visible(*field, answers) =>
                    {
                        Some(*n)
                    }
                    _ => None,
                })
                // Not `sum()`: that starts at -0.0 for floats, which would show as "-0".
                .fold(0.0, |total, n| total + n);
            Value::Number(total)
        }
        Expr::Round(inner, places) => match evaluate(inner, answers, record) {
            Value::Number(n) => {
                let factor = 10f64.powi(*places as i32);
                Value::Number((n * factor).round() / factor)
            }
            _ => Value::Empty,
        },
        Expr::Binary(op, left, right) => binary(*op, left, right, answers, record),
    }
}

fn binary(op: BinaryOp, left: &Expr, right: &Expr, answers: &dyn Answers, record: Option<RecordScope<'_>>) -> Value {
    // `and`/`or` short-circuit on a decided left side, as Kleene logic allows.
    if op == BinaryOp::And || op == BinaryOp::Or {
        let decided = Value::Bool(op == BinaryOp::Or);
        let l = evaluate(left, answers, record);
        if l == decided {
            return decided;
        }
        let r = evaluate(right, answers, record);
        return match (l, r) {
            (_, r) if r == decided => decided,
            (Value::Bool(_), Value::Bool(b)) => Value::Bool(b),
            _ => Value::Empty,
        };
    }
    let l = evaluate(left, answers, record);
    let r = evaluate(right, answers, record);
    if l == Value::Empty || r == Value::Empty {
        return Value::Empty;
    }
    match op {
        BinaryOp::Add | BinaryOp::Subtract | BinaryOp::Multiply | BinaryOp::Divide => {
            let (Value::Number(a), Value::Number(b)) = (l, r) else {
                return Value::Empty;
            };
            let result = match op {
                BinaryOp::Add => a + b,
                BinaryOp::Subtract => a - b,
                BinaryOp::Multiply => a * b,
                _ => a / b,
            };
            if result.is_finite() {
                Value::Number(result)
            } else {
                Value::Empty
            }
        }
        BinaryOp::Equal => Value::Bool(l == r),
        BinaryOp::NotEqual => Value::Bool(l != r),
        BinaryOp::Less | BinaryOp::LessOrEqual | BinaryOp::Greater | BinaryOp::GreaterOrEqual => {
            let ordering = match (&l, &r) {
                (Value::Number(a), Value::Number(b)) => a.partial_cmp(b),
                // Dates are ISO strings, whose text order is their calendar order.
                (Value::Text(a), Value::Text(b)) => Some(a.cmp(b)),
                _ => None,
            };
            let Some(ordering) = ordering else {
                return Value::Empty;
            };
            Value::Bool(match op {
                BinaryOp::Less => ordering.is_lt(),
                BinaryOp::LessOrEqual => ordering.is_le(),
                BinaryOp::Greater => ordering.is_gt(),
                _ => ordering.is_ge(),
            })
        }
        BinaryOp::In | BinaryOp::NotIn => {
            let needle = match l {
                Value::Text(t) => t,
                Value::Number(n) => n.to_string(),
                _ => return Value::Empty,
            };
            let Value::List(list) = r else {
                return Value::Empty;
            };
            let found = list.contains(&needle);
            Value::Bool(if op == BinaryOp::In { found } else { !found })
        }
        BinaryOp::And | BinaryOp::Or => Value::Empty,
    }
}
