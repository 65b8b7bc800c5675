//! Name resolution and type checking of expressions: from a syntax tree ([`crate::expr::Ast`])
//! to a resolved [`Expr`] whose references are question indices, checked once at load.
//!
//! After this step evaluation never looks up a name and never meets a type error: comparing a
//! number with a text, or a choice with an option it does not have, is a load problem here.

use crate::expr::{Ast, BinaryOp, Span};
use crate::model::QuestionIdx;
use std::collections::HashMap;

/// A resolved, type-checked expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Number literal.
    Number(f64),
    /// Text literal (also option values and dates).
    Text(String),
    /// `true` / `false`.
    Bool(bool),
    /// A list literal of texts.
    List(Vec<String>),
    /// The value of a question (empty while the question is hidden).
    Question(QuestionIdx),
    /// A field of the record the expression is evaluated for.
    RecordField(usize),
    /// `not`
    Not(Box<Expr>),
    /// unary `-`
    Negate(Box<Expr>),
    /// A binary operation.
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// Number of selected options, answered matrix rows or records.
    Count(Box<Expr>),
    /// Whether unanswered.
    Empty(Box<Expr>),
    /// Sum of a numeric field over all records of a repeat group.
    Sum {
        /// The repeat group.
        repeat: QuestionIdx,
        /// The field's position.
        field: usize,
    },
    /// Rounds to `places` decimal places.
    Round(Box<Expr>, u32),
}

/// The type of an expression, as far as checking needs it.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    /// A number.
    Number,
    /// A text.
    Text,
    /// A date (`YYYY-MM-DD`).
    Date,
    /// True or false.
    Bool,
    /// One option of a single choice; carries the option values for checking literals.
    Choice(Vec<String>),
    /// Options of a multiple choice.
    Choices(Vec<String>),
    /// Rows of a matrix.
    Matrix,
    /// Records of a repeat group, with the types of their fields.
    Records(Vec<(String, Type)>),
    /// A list literal.
    List,
}

impl Type {
    fn describe(&self) -> &'static str {
        match self {
            Type::Number => "a number",
            Type::Text => "a text",
            Type::Date => "a date",
            Type::Bool => "a yes/no value",
            Type::Choice(_) => "a single choice",
            Type::Choices(_) => "a multiple choice",
            Type::Matrix => "a matrix",
            Type::Records(_) => "a repeat group",
            Type::List => "a list",
        }
    }
}

/// A resolution or type error, located in the expression.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolveError {
    /// Where in the expression.
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// The expression names a question whose own definition could not be read (reported there):
    /// this problem only follows from that one, and is not reported again.
    pub follows_another: bool,
}

/// What names mean where an expression stands.
pub(crate) struct Scope<'a> {
    /// Top-level questions by id: index and type.
    pub questions: &'a HashMap<&'a str, (QuestionIdx, Type)>,
    /// When the expression belongs to a field of a repeat group: the group's id and its fields.
    pub record: Option<(&'a str, &'a [(String, Type)])>,
    /// Ids of questions the file has but whose definition could not be read (a problem of
    /// their own): naming one is no further problem.
    pub unreadable: &'a [String],
}

/// What an expression reads: questions, and fields of the current record (by position).
#[derive(Default)]
pub(crate) struct Reads {
    pub questions: Vec<QuestionIdx>,
    pub record_fields: Vec<usize>,
}

/// The result of resolving: the expression, its type, and what it reads.
pub(crate) struct Resolved {
    pub expr: Expr,
    pub ty: Type,
    pub reads: Reads,
}

pub(crate) fn resolve(ast: &Ast, scope: &Scope<'_>) -> Result<Resolved, ResolveError> {
    let mut reads = Reads::default();
    let (expr, ty) = resolve_node(ast, scope, &mut reads)?;
    // Unstable sorts: equal indices are indistinguishable, and the stable sort costs the
    // wasm module a larger copy per element type.
    reads.questions.sort_unstable();
    reads.questions.dedup();
    reads.record_fields.sort_unstable();
    reads.record_fields.dedup();
    Ok(Resolved { expr, ty, reads })
}

fn err<T>(span: Span, message: String) -> Result<T, ResolveError> {
    Err(ResolveError { span, message, follows_another: false })
}

/// An unknown id, or one of a question whose definition could not be read.
fn unknown<T>(span: Span, name: &str, scope: &Scope<'_>, message: String) -> Result<T, ResolveError> {
    Err(ResolveError { span, message, follows_another: scope.unreadable.iter().any(|id| id == name) })
}

fn resolve_node(ast: &Ast, scope: &Scope<'_>, reads: &mut Reads) -> Result<(Expr, Type), ResolveError> {
    match ast {
        Ast::Number(n, _) => Ok((Expr::Number(*n), Type::Number)),
        Ast::Text(t, _) => Ok((Expr::Text(t.clone()), Type::Text)),
        Ast::Bool(b, _) => Ok((Expr::Bool(*b), Type::Bool)),
        Ast::List(items, span) => {
            let mut texts = Vec::new();
            for item in items {
                match item {
                    Ast::Text(t, _) => texts.push(t.clone()),
                    Ast::Number(n, _) => texts.push(n.to_string()),
                    other => {
                        return err(other.span(), "a list may only hold texts in quotes, e.g. ['a', 'b']".to_owned())
                    }
                }
            }
            if texts.is_empty() {
                return err(*span, "the list is empty".to_owned());
            }
            Ok((Expr::List(texts), Type::List))
        }
        Ast::Name { name, field: None, span } => {
            if name == "record" {
                return err(*span, "\"record\" needs a field, e.g. record.title".to_owned());
            }
            match scope.questions.get(name.as_str()) {
                Some((idx, ty)) => {
                    reads.questions.push(*idx);
                    Ok((Expr::Question(*idx), ty.clone()))
                }
                None => unknown(*span, name, scope, unknown_question(name, scope)),
            }
        }
        Ast::Name { name, field: Some(field), span } if name == "record" => match scope.record {
            Some((repeat_id, fields)) => match fields.iter().position(|(id, _)| id == field) {
                Some(pos) => {
                    reads.record_fields.push(pos);
                    Ok((Expr::RecordField(pos), fields[pos].1.clone()))
                }
                None => err(
                    *span,
                    format!(
                        "repeat group \"{repeat_id}\" has no field \"{field}\"{}",
                        suggestion(field, fields.iter().map(|(id, _)| id.as_str()))
                    ),
                ),
            },
            None => err(*span, "\"record.\" can only be used inside the fields of a repeat group".to_owned()),
        },
        Ast::Name { name, field: Some(field), span } => {
            err(*span, format!("\"{name}.{field}\" can only be used inside sum(), e.g. sum({name}.{field})"))
        }
        Ast::Not(inner, _) => {
            let (e, t) = resolve_node(inner, scope, reads)?;
            expect_bool(&t, inner.span(), "not")?;
            Ok((Expr::Not(Box::new(e)), Type::Bool))
        }
        Ast::Negate(inner, _) => {
            let (e, t) = resolve_node(inner, scope, reads)?;
            if t != Type::Number {
                return err(inner.span(), format!("\"-\" needs a number, but this is {}", t.describe()));
            }
            Ok((Expr::Negate(Box::new(e)), Type::Number))
        }
        Ast::Binary(op, left, right, _) => resolve_binary(*op, left, right, scope, reads),
        Ast::Call(name, args, span) => resolve_call(name, args, *span, scope, reads),
    }
}

fn expect_bool(ty: &Type, span: Span, context: &str) -> Result<(), ResolveError> {
    if *ty == Type::Bool {
        Ok(())
    } else {
        err(span, format!("\"{context}\" needs a condition (true or false), but this is {}", ty.describe()))
    }
}

// Out of line, as is `resolve_call`: inlined into `resolve_node` they made it 9 KB, and V8
// optimized it on a second core in every load while the load went on (see the compiler's
// `Compiler::question_graph`).
#[inline(never)]
fn resolve_binary(
    op: BinaryOp,
    left: &Ast,
    right: &Ast,
    scope: &Scope<'_>,
    reads: &mut Reads,
) -> Result<(Expr, Type), ResolveError> {
    let (l, lt) = resolve_node(left, scope, reads)?;
    let (r, rt) = resolve_node(right, scope, reads)?;
    let node = |op| Expr::Binary(op, Box::new(l.clone()), Box::new(r.clone()));
    match op {
        BinaryOp::And | BinaryOp::Or => {
            expect_bool(&lt, left.span(), op.symbol())?;
            expect_bool(&rt, right.span(), op.symbol())?;
            Ok((node(op), Type::Bool))
        }
        BinaryOp::Add | BinaryOp::Subtract | BinaryOp::Multiply | BinaryOp::Divide => {
            for (ty, side) in [(&lt, left), (&rt, right)] {
                if *ty != Type::Number {
                    return err(
                        side.span(),
                        format!("\"{}\" needs numbers, but {} is {}", op.symbol(), quote(side), ty.describe()),
                    );
                }
            }
            Ok((node(op), Type::Number))
        }
        BinaryOp::Equal | BinaryOp::NotEqual => {
            check_comparable(&lt, left, &rt, right, false)?;
            Ok((node(op), Type::Bool))
        }
        BinaryOp::Less | BinaryOp::LessOrEqual | BinaryOp::Greater | BinaryOp::GreaterOrEqual => {
            check_comparable(&lt, left, &rt, right, true)?;
            Ok((node(op), Type::Bool))
        }
        BinaryOp::In | BinaryOp::NotIn => {
            match (&lt, &rt) {
                (Type::Choice(options), Type::List) | (Type::Text, Type::Choices(options)) => {
                    if let Ast::List(items, _) = right {
                        if let Some(number) = items.iter().find(|i| matches!(i, Ast::Number(..))) {
                            return err(
                                number.span(),
                                format!("option values are texts: write them in quotes, e.g. ['1', '2'], to compare with {}", quote(left)),
                            );
                        }
                    }
                    let literals: Vec<(&str, Span)> = match (right, left) {
                        (Ast::List(items, _), _) => items
                            .iter()
                            .filter_map(|i| match i {
                                Ast::Text(t, s) => Some((t.as_str(), *s)),
                                _ => None,
                            })
                            .collect(),
                        (_, Ast::Text(t, s)) => vec![(t.as_str(), *s)],
                        _ => Vec::new(),
                    };
                    for (literal, span) in literals {
                        check_option(literal, span, options, if matches!(lt, Type::Choice(_)) { left } else { right })?;
                    }
                }
                (Type::Text | Type::Number, Type::List) => {}
                (_, Type::Choices(_)) => {
                    return err(left.span(), format!("\"in\" a multiple choice needs an option in quotes on the left, but {} is {}", quote(left), lt.describe()))
                }
                _ => {
                    return err(
                        right.span(),
                        format!(
                            "\"{}\" needs a list such as ['a', 'b'] or a multiple-choice question on the right, but {} is {}",
                            op.symbol(),
                            quote(right),
                            rt.describe()
                        ),
                    )
                }
            }
            Ok((node(op), Type::Bool))
        }
    }
}

fn check_comparable(lt: &Type, left: &Ast, rt: &Type, right: &Ast, ordering: bool) -> Result<(), ResolveError> {
    let ok = match (lt, rt) {
        (Type::Number, Type::Number) | (Type::Date, Type::Date) => true,
        (Type::Bool, Type::Bool) | (Type::Text, Type::Text) => !ordering,
        (Type::Choice(options), Type::Text) => {
            if let Ast::Text(t, s) = right {
                check_option(t, *s, options, left)?;
            }
            !ordering
        }
        (Type::Text, Type::Choice(options)) => {
            if let Ast::Text(t, s) = left {
                check_option(t, *s, options, right)?;
            }
            !ordering
        }
        (Type::Choice(_), Type::Choice(_)) => !ordering,
        (Type::Date, Type::Text) | (Type::Text, Type::Date) => {
            let literal = if *lt == Type::Text { left } else { right };
            if let Ast::Text(t, s) = literal {
                if !is_iso_date(t) {
                    return err(*s, format!("'{t}' is not a date; write dates as 'YYYY-MM-DD', e.g. '2004-09-30'"));
                }
            }
            true
        }
        _ => false,
    };
    if ok {
        return Ok(());
    }
    if ordering && lt == rt {
        return err(
            left.span(),
            format!("{} and {} cannot be ordered with <, <=, > or >=; compare with = or !=", quote(left), quote(right)),
        );
    }
    err(
        left.span(),
        format!("cannot compare {} ({}) with {} ({})", lt.describe(), quote(left), rt.describe(), quote(right)),
    )
}

fn check_option(literal: &str, span: Span, options: &[String], question: &Ast) -> Result<(), ResolveError> {
    if options.iter().any(|o| o == literal) {
        return Ok(());
    }
    err(
        span,
        format!(
            "{} has no option '{literal}'{}; its options are {}",
            quote(question),
            suggestion(literal, options.iter().map(String::as_str)),
            options.iter().map(|o| format!("'{o}'")).collect::<Vec<_>>().join(", ")
        ),
    )
}

#[inline(never)]
fn resolve_call(
    name: &str,
    args: &[Ast],
    span: Span,
    scope: &Scope<'_>,
    reads: &mut Reads,
) -> Result<(Expr, Type), ResolveError> {
    let arity = |n: usize, example: &str| -> Result<(), ResolveError> {
        if args.len() == n {
            Ok(())
        } else {
            err(span, format!("{name}() takes {n} argument{}, e.g. {example}", if n == 1 { "" } else { "s" }))
        }
    };
    match name {
        "count" => {
            arity(1, "count(measures)")?;
            let (e, t) = resolve_node(&args[0], scope, reads)?;
            match t {
                Type::Choices(_) | Type::Records(_) | Type::Matrix => Ok((Expr::Count(Box::new(e)), Type::Number)),
                other => err(
                    args[0].span(),
                    format!(
                        "count() counts selected options, matrix rows or records, but {} is {}",
                        quote(&args[0]),
                        other.describe()
                    ),
                ),
            }
        }
        "empty" => {
            arity(1, "empty(contact_email)")?;
            let (e, _) = resolve_node(&args[0], scope, reads)?;
            if !matches!(e, Expr::Question(_) | Expr::RecordField(_)) {
                return err(args[0].span(), "empty() takes a question id, e.g. empty(contact_email)".to_owned());
            }
            Ok((Expr::Empty(Box::new(e)), Type::Bool))
        }
        "sum" => {
            arity(1, "sum(measures.budget)")?;
            let Ast::Name { name: repeat_name, field: Some(field), span: arg_span } = &args[0] else {
                return err(
                    args[0].span(),
                    "sum() takes a field of a repeat group, e.g. sum(measures.budget)".to_owned(),
                );
            };
            let Some((repeat, Type::Records(fields))) = scope.questions.get(repeat_name.as_str()) else {
                return unknown(
                    *arg_span,
                    repeat_name,
                    scope,
                    format!("\"{repeat_name}\" is not a repeat group{}", suggestion_for_question(repeat_name, scope)),
                );
            };
            let Some(pos) = fields.iter().position(|(id, _)| id == field) else {
                return err(
                    *arg_span,
                    format!(
                        "repeat group \"{repeat_name}\" has no field \"{field}\"{}",
                        suggestion(field, fields.iter().map(|(id, _)| id.as_str()))
                    ),
                );
            };
            if fields[pos].1 != Type::Number {
                return err(
                    *arg_span,
                    format!(
                        "sum() needs a number field, but \"{repeat_name}.{field}\" is {}",
                        fields[pos].1.describe()
                    ),
                );
            }
            reads.questions.push(*repeat);
            Ok((Expr::Sum { repeat: *repeat, field: pos }, Type::Number))
        }
        "round" => {
            if args.is_empty() || args.len() > 2 {
                return err(
                    span,
                    "round() takes a number and optionally decimal places, e.g. round(share, 1)".to_owned(),
                );
            }
            let (e, t) = resolve_node(&args[0], scope, reads)?;
            if t != Type::Number {
                return err(args[0].span(), format!("round() needs a number, but this is {}", t.describe()));
            }
            let places = match args.get(1) {
                None => 0,
                Some(Ast::Number(n, _)) if n.fract() == 0.0 && (0.0..=10.0).contains(n) => *n as u32,
                Some(other) => {
                    return err(other.span(), "decimal places must be a whole number from 0 to 10".to_owned())
                }
            };
            Ok((Expr::Round(Box::new(e), places), Type::Number))
        }
        _ => err(
            span,
            format!(
                "unknown function \"{name}\"{}; the functions are count, empty, sum and round",
                suggestion(name, ["count", "empty", "sum", "round"].into_iter())
            ),
        ),
    }
}

fn unknown_question(name: &str, scope: &Scope<'_>) -> String {
    let record_hint = match scope.record {
        Some((_, fields)) if fields.iter().any(|(id, _)| id == name) => {
            format!(" (a field of this record is written record.{name})")
        }
        _ => String::new(),
    };
    format!("unknown question id \"{name}\"{}{record_hint}", suggestion_for_question(name, scope))
}

fn suggestion_for_question(name: &str, scope: &Scope<'_>) -> String {
    suggestion(name, scope.questions.keys().copied())
}

/// A "did you mean" hint for the closest candidate, if one is close.
pub(crate) fn suggestion<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    // One-letter ids are too short for a guess to mean anything.
    if word.chars().count() < 3 {
        return String::new();
    }
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = edit_distance(word, candidate);
        if distance <= (word.chars().count() / 3).max(1)
            && best.is_none_or(|(d, c)| distance < d || (distance == d && candidate < c))
        {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| format!(" (did you mean \"{c}\"?)")).unwrap_or_default()
}

/// Edit distance in which swapping two neighbouring letters counts as one edit ("lable" → "label").
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

fn quote(ast: &Ast) -> String {
    match ast {
        Ast::Name { name, field: None, .. } => format!("\"{name}\""),
        Ast::Name { name, field: Some(f), .. } => format!("\"{name}.{f}\""),
        Ast::Text(t, _) => format!("'{t}'"),
        Ast::Number(n, _) => n.to_string(),
        Ast::Bool(b, _) => b.to_string(),
        _ => "this part".to_owned(),
    }
}

/// Whether `text` is a valid calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| {
        text.get(range).and_then(|s| s.parse::<u32>().ok().filter(|_| s.bytes().all(|b| b.is_ascii_digit())))
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert!(is_iso_date("2004-02-29"));
        assert!(!is_iso_date("2005-02-29"));
        assert!(!is_iso_date("2005-13-01"));
        assert!(!is_iso_date("05-01-2005"));
        assert!(!is_iso_date("2005-1-01"));
        assert!(!is_iso_date("2005-+1-01"));
    }

    #[test]
    fn suggestions_pick_the_closest_id() {
        assert_eq!(suggestion("inhabitant", ["inhabitants", "kind"].into_iter()), " (did you mean \"inhabitants\"?)");
        assert_eq!(suggestion("zzz", ["inhabitants"].into_iter()), "");
    }
}
