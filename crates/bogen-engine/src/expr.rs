//! The expression language of conditions, calculations and rules: lexer and parser.
//!
//! This module turns text such as `kind = 'landkreis' and inhabitants > 10000` into a syntax
//! tree with character spans. It knows nothing about questions: resolving names, checking
//! types and evaluating happen in [`crate::resolve`] and [`crate::eval`].
//!
//! The grammar, loosest binding first (documented with examples in `docs/FORMAT.md`):
//!
//! ```text
//! or      := and ('or' and)*
//! and     := not ('and' not)*
//! not     := 'not' not | compare
//! compare := sum (('=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in') sum)?
//! sum     := product (('+' | '-') product)*
//! product := unary (('*' | '/') unary)*
//! unary   := '-' unary | primary
//! primary := number | string | 'true' | 'false' | '[' (or (',' or)*)? ']' | '(' or ')'
//!          | name '(' (or (',' or)*)? ')' | name ('.' name)?
//! ```
//!
//! A hand-written recursive-descent parser was chosen over parser crates (see ARCHITECTURE.md):
//! it adds nothing to the wasm bundle and its messages name the exact column and what was expected.

use std::fmt;

/// A range of characters (not bytes) in the expression text, 0-based, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// A syntax error, with the column it was found at.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    /// Where in the expression.
    pub span: Span,
    /// What went wrong, lowercase, naming what was expected.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at column {}: {}", self.span.start + 1, self.message)
    }
}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `or`
    Or,
    /// `and`
    And,
    /// `=` or `==`
    Equal,
    /// `!=`
    NotEqual,
    /// `<`
    Less,
    /// `<=`
    LessOrEqual,
    /// `>`
    Greater,
    /// `>=`
    GreaterOrEqual,
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `+`
    Add,
    /// `-`
    Subtract,
    /// `*`
    Multiply,
    /// `/`
    Divide,
}

impl BinaryOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Or => "or",
            BinaryOp::And => "and",
            BinaryOp::Equal => "=",
            BinaryOp::NotEqual => "!=",
            BinaryOp::Less => "<",
            BinaryOp::LessOrEqual => "<=",
            BinaryOp::Greater => ">",
            BinaryOp::GreaterOrEqual => ">=",
            BinaryOp::In => "in",
            BinaryOp::NotIn => "not in",
            BinaryOp::Add => "+",
            BinaryOp::Subtract => "-",
            BinaryOp::Multiply => "*",
            BinaryOp::Divide => "/",
        }
    }
}

/// A syntax tree node.
#[derive(Debug, Clone, PartialEq)]
pub enum Ast {
    /// A number literal.
    Number(f64, Span),
    /// A text literal in single or double quotes.
    Text(String, Span),
    /// `true` or `false`.
    Bool(bool, Span),
    /// `[a, b, c]`
    List(Vec<Ast>, Span),
    /// A name, `inhabitants`, or a dotted name, `record.budget` or `measures.budget`.
    Name {
        /// The first part.
        name: String,
        /// The part after the dot, if any.
        field: Option<String>,
        /// Where.
        span: Span,
    },
    /// `not x`
    Not(Box<Ast>, Span),
    /// `-x`
    Negate(Box<Ast>, Span),
    /// `a op b`
    Binary(BinaryOp, Box<Ast>, Box<Ast>, Span),
    /// `name(args)`
    Call(String, Vec<Ast>, Span),
}

impl Ast {
    /// Where this node stands in the expression.
    pub fn span(&self) -> Span {
        match self {
            Ast::Number(_, s) | Ast::Text(_, s) | Ast::Bool(_, s) | Ast::List(_, s) => *s,
            Ast::Name { span, .. } => *span,
            Ast::Not(_, s) | Ast::Negate(_, s) | Ast::Binary(_, _, _, s) | Ast::Call(_, _, s) => *s,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Text(String),
    Name(String),
    Symbol(&'static str),
    End,
}

impl Token {
    fn describe(&self) -> String {
        match self {
            Token::Number(n) => format!("number {n}"),
            Token::Text(t) => format!("text '{t}'"),
            Token::Name(n) => format!("\"{n}\""),
            Token::Symbol(s) => format!("\"{s}\""),
            Token::End => "the end of the expression".to_owned(),
        }
    }
}

const SYMBOLS: [&str; 16] = ["<=", ">=", "!=", "==", "=", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ","];

fn lex(source: &str) -> Result<Vec<(Token, Span)>, ParseError> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        let start = pos;
        if c.is_whitespace() {
            pos += 1;
            continue;
        }
        if c.is_ascii_digit() {
            while pos < chars.len() && (chars[pos].is_ascii_digit() || chars[pos] == '.') {
                pos += 1;
            }
            let literal: String = chars[start..pos].iter().collect();
            let number = literal.parse::<f64>().map_err(|_| ParseError {
                span: Span { start, end: pos },
                message: format!("\"{literal}\" is not a number; write decimals with a point, e.g. 12.5"),
            })?;
            tokens.push((Token::Number(number), Span { start, end: pos }));
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            while pos < chars.len() && (chars[pos].is_alphanumeric() || chars[pos] == '_') {
                pos += 1;
            }
            tokens.push((Token::Name(chars[start..pos].iter().collect()), Span { start, end: pos }));
            continue;
        }
        if c == '.' {
            tokens.push((Token::Symbol("."), Span { start, end: pos + 1 }));
            pos += 1;
            continue;
        }
        if c == '\'' || c == '"' {
            pos += 1;
            let mut text = String::new();
            loop {
                match chars.get(pos) {
                    None => {
                        return Err(ParseError {
                            span: Span { start, end: pos },
                            message: format!("text started here is never closed; add a {c} at its end"),
                        })
                    }
                    Some(&q) if q == c => {
                        pos += 1;
                        break;
                    }
                    Some('\\') if chars.get(pos + 1).is_some() => {
                        text.push(chars[pos + 1]);
                        pos += 2;
                    }
                    Some(&other) => {
                        text.push(other);
                        pos += 1;
                    }
                }
            }
            tokens.push((Token::Text(text), Span { start, end: pos }));
            continue;
        }
        let rest: String = chars[pos..chars.len().min(pos + 2)].iter().collect();
        match SYMBOLS.iter().find(|symbol| rest.starts_with(**symbol)) {
            Some(symbol) => {
                let len = symbol.chars().count();
                tokens.push((Token::Symbol(symbol), Span { start, end: pos + len }));
                pos += len;
            }
            None => {
                let hint = match c {
                    '&' => " (write \"and\")",
                    '|' => " (write \"or\")",
                    '!' => " (write \"not\")",
                    '{' | '}' | '$' => " (refer to a question by its bare id, e.g. inhabitants)",
                    _ => "",
                };
                return Err(ParseError {
                    span: Span { start, end: pos + 1 },
                    message: format!("unexpected character \"{c}\"{hint}"),
                });
            }
        }
    }
    tokens.push((Token::End, Span { start: chars.len(), end: chars.len() }));
    Ok(tokens)
}

/// Parses an expression.
pub fn parse(source: &str) -> Result<Ast, ParseError> {
    let tokens = lex(source)?;
    let mut parser = Parser { tokens, pos: 0, depth: 0 };
    if parser.peek() == &Token::End {
        return Err(ParseError { span: Span { start: 0, end: 0 }, message: "the expression is empty".to_owned() });
    }
    let ast = parser.or()?;
    match parser.peek() {
        Token::End => Ok(ast),
        other => {
            Err(parser.error(format!("expected an operator such as \"and\" or \"=\", found {}", other.describe())))
        }
    }
}

/// Nesting deeper than this is refused, so that hostile input cannot overflow the stack.
const MAX_DEPTH: usize = 64;

struct Parser {
    tokens: Vec<(Token, Span)>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Token {
        &self.tokens[self.pos].0
    }

    fn span(&self) -> Span {
        self.tokens[self.pos].1
    }

    fn advance(&mut self) -> (Token, Span) {
        let token = self.tokens[self.pos].clone();
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
        token
    }

    fn error(&self, message: String) -> ParseError {
        ParseError { span: self.span(), message }
    }

    fn is_name(&self, word: &str) -> bool {
        matches!(self.peek(), Token::Name(n) if n == word)
    }

    fn is_symbol(&self, symbol: &str) -> bool {
        matches!(self.peek(), Token::Symbol(s) if *s == symbol)
    }

    fn expect_symbol(&mut self, symbol: &'static str, context: &str) -> Result<Span, ParseError> {
        if self.is_symbol(symbol) {
            Ok(self.advance().1)
        } else {
            Err(self.error(format!("expected \"{symbol}\" {context}, found {}", self.peek().describe())))
        }
    }

    fn nested<T>(&mut self, parse: impl FnOnce(&mut Parser) -> Result<T, ParseError>) -> Result<T, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(format!("the expression nests deeper than {MAX_DEPTH} levels")));
        }
        let result = parse(self);
        self.depth -= 1;
        result
    }

    fn or(&mut self) -> Result<Ast, ParseError> {
        self.nested(|p| {
            let mut left = p.and()?;
            while p.is_name("or") {
                p.advance();
                let right = p.and()?;
                left = binary(BinaryOp::Or, left, right);
            }
            Ok(left)
        })
    }

    fn and(&mut self) -> Result<Ast, ParseError> {
        let mut left = self.not()?;
        while self.is_name("and") {
            self.advance();
            let right = self.not()?;
            left = binary(BinaryOp::And, left, right);
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Ast, ParseError> {
        if self.is_name("not") {
            let start = self.advance().1;
            let inner = self.nested(|p| p.not())?;
            let span = Span { start: start.start, end: inner.span().end };
            return Ok(Ast::Not(Box::new(inner), span));
        }
        self.compare()
    }

    fn compare(&mut self) -> Result<Ast, ParseError> {
        let left = self.sum()?;
        let op = match self.peek() {
            Token::Symbol("=") | Token::Symbol("==") => BinaryOp::Equal,
            Token::Symbol("!=") => BinaryOp::NotEqual,
            Token::Symbol("<") => BinaryOp::Less,
            Token::Symbol("<=") => BinaryOp::LessOrEqual,
            Token::Symbol(">") => BinaryOp::Greater,
            Token::Symbol(">=") => BinaryOp::GreaterOrEqual,
            Token::Name(n) if n == "in" => BinaryOp::In,
            Token::Name(n) if n == "not" && matches!(&self.tokens[self.pos + 1].0, Token::Name(m) if m == "in") => {
                self.advance();
                BinaryOp::NotIn
            }
            _ => return Ok(left),
        };
        self.advance();
        let right = self.sum()?;
        if let Token::Symbol(s @ ("=" | "==" | "!=" | "<" | "<=" | ">" | ">=")) = self.peek() {
            return Err(
                self.error(format!("comparisons cannot be chained; combine them with \"and\", e.g. a < b and b {s} c"))
            );
        }
        Ok(binary(op, left, right))
    }

    fn sum(&mut self) -> Result<Ast, ParseError> {
        let mut left = self.product()?;
        loop {
            let op = match self.peek() {
                Token::Symbol("+") => BinaryOp::Add,
                Token::Symbol("-") => BinaryOp::Subtract,
                _ => return Ok(left),
            };
            self.advance();
            let right = self.product()?;
            left = binary(op, left, right);
        }
    }

    fn product(&mut self) -> Result<Ast, ParseError> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Token::Symbol("*") => BinaryOp::Multiply,
                Token::Symbol("/") => BinaryOp::Divide,
                _ => return Ok(left),
            };
            self.advance();
            let right = self.unary()?;
            left = binary(op, left, right);
        }
    }

    fn unary(&mut self) -> Result<Ast, ParseError> {
        if self.is_symbol("-") {
            let start = self.advance().1;
            let inner = self.nested(|p| p.unary())?;
            let span = Span { start: start.start, end: inner.span().end };
            return Ok(Ast::Negate(Box::new(inner), span));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Ast, ParseError> {
        let (token, span) = self.advance();
        match token {
            Token::Number(n) => Ok(Ast::Number(n, span)),
            Token::Text(t) => Ok(Ast::Text(t, span)),
            Token::Name(name) if name == "true" => Ok(Ast::Bool(true, span)),
            Token::Name(name) if name == "false" => Ok(Ast::Bool(false, span)),
            Token::Name(name) if matches!(name.as_str(), "and" | "or" | "not" | "in") => {
                Err(ParseError { span, message: format!("expected a value before \"{name}\"") })
            }
            Token::Name(name) => {
                if self.is_symbol("(") {
                    self.advance();
                    let args = self.nested(|p| p.list_items(")", "to close the arguments"))?;
                    let end = self.tokens[self.pos - 1].1.end;
                    return Ok(Ast::Call(name, args, Span { start: span.start, end }));
                }
                if self.is_symbol(".") {
                    self.advance();
                    let (field_token, field_span) = self.advance();
                    return match field_token {
                        Token::Name(field) => Ok(Ast::Name {
                            name,
                            field: Some(field),
                            span: Span { start: span.start, end: field_span.end },
                        }),
                        other => Err(ParseError {
                            span: field_span,
                            message: format!("expected a field name after \"{name}.\", found {}", other.describe()),
                        }),
                    };
                }
                Ok(Ast::Name { name, field: None, span })
            }
            Token::Symbol("(") => {
                let inner = self.nested(|p| p.or())?;
                self.expect_symbol(")", "to close the parenthesis")?;
                Ok(inner)
            }
            Token::Symbol("[") => {
                let items = self.nested(|p| p.list_items("]", "to close the list"))?;
                let end = self.tokens[self.pos - 1].1.end;
                Ok(Ast::List(items, Span { start: span.start, end }))
            }
            other => Err(ParseError {
                span,
                message: format!(
                    "expected a value (a question id, a number or a text in quotes), found {}",
                    other.describe()
                ),
            }),
        }
    }

    fn list_items(&mut self, close: &'static str, context: &str) -> Result<Vec<Ast>, ParseError> {
        let mut items = Vec::new();
        if self.is_symbol(close) {
            self.advance();
            return Ok(items);
        }
        loop {
            items.push(self.or()?);
            if self.is_symbol(",") {
                self.advance();
                continue;
            }
            self.expect_symbol(close, context)?;
            return Ok(items);
        }
    }
}

fn binary(op: BinaryOp, left: Ast, right: Ast) -> Ast {
    let span = Span { start: left.span().start, end: right.span().end };
    Ast::Binary(op, Box::new(left), Box::new(right), span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(source: &str) -> String {
        fn show(ast: &Ast) -> String {
            match ast {
                Ast::Number(n, _) => n.to_string(),
                Ast::Text(t, _) => format!("'{t}'"),
                Ast::Bool(b, _) => b.to_string(),
                Ast::List(items, _) => format!("[{}]", items.iter().map(show).collect::<Vec<_>>().join(", ")),
                Ast::Name { name, field: Some(f), .. } => format!("{name}.{f}"),
                Ast::Name { name, field: None, .. } => name.clone(),
                Ast::Not(inner, _) => format!("(not {})", show(inner)),
                Ast::Negate(inner, _) => format!("(-{})", show(inner)),
                Ast::Binary(op, l, r, _) => format!("({} {} {})", show(l), op.symbol(), show(r)),
                Ast::Call(name, args, _) => format!("{name}({})", args.iter().map(show).collect::<Vec<_>>().join(", ")),
            }
        }
        match parse(source) {
            Ok(ast) => show(&ast),
            Err(e) => format!("error {e}"),
        }
    }

    #[test]
    fn precedence_follows_the_grammar() {
        assert_eq!(shape("a + b * c > 3 and not d or e"), "((((a + (b * c)) > 3) and (not d)) or e)");
        assert_eq!(shape("-a - -2"), "((-a) - (-2))");
        assert_eq!(shape("kind in ['x', \"y\"]"), "(kind in ['x', 'y'])");
        assert_eq!(shape("'sprache' not in fields"), "('sprache' not in fields)");
        assert_eq!(
            shape("count(measures) >= 1 and sum(measures.budget) > 0"),
            "((count(measures) >= 1) and (sum(measures.budget) > 0))"
        );
        assert_eq!(shape("record.year == 2004"), "(record.year = 2004)");
        assert_eq!(shape("not (a = 1)"), "(not (a = 1))");
    }

    #[test]
    fn errors_name_the_column_and_what_was_expected() {
        assert_eq!(shape(""), "error at column 1: the expression is empty");
        assert_eq!(shape("a = "), "error at column 5: expected a value (a question id, a number or a text in quotes), found the end of the expression");
        assert_eq!(shape("a && b"), "error at column 3: unexpected character \"&\" (write \"and\")");
        assert_eq!(
            shape("kind = 'landkreis"),
            "error at column 8: text started here is never closed; add a ' at its end"
        );
        assert_eq!(
            shape("(a = 1"),
            "error at column 7: expected \")\" to close the parenthesis, found the end of the expression"
        );
        assert_eq!(
            shape("1 < a < 3"),
            "error at column 7: comparisons cannot be chained; combine them with \"and\", e.g. a < b and b < c"
        );
        assert_eq!(shape("a b"), "error at column 3: expected an operator such as \"and\" or \"=\", found \"b\"");
        assert_eq!(
            shape("{a} = 1"),
            "error at column 1: unexpected character \"{\" (refer to a question by its bare id, e.g. inhabitants)"
        );
        assert_eq!(
            shape("1.2.3"),
            "error at column 1: \"1.2.3\" is not a number; write decimals with a point, e.g. 12.5"
        );
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("{}1{}", "(".repeat(500), ")".repeat(500));
        assert!(shape(&deep).contains("nests deeper than"));
        let nots = format!("{}a", "not ".repeat(500));
        assert!(shape(&nots).contains("nests deeper than"));
    }
}
