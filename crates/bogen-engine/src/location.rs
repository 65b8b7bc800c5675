//! Where a JSON path stands in the file's text: `sections[2].questions[5].visibleIf` → line 40, column 22.
//!
//! serde stops at the first error and `serde_json::Value` forgets positions, so the loader asks
//! this index for the line and column of every problem it reports by path. The index is built
//! by one pass over text that serde_json has already accepted as valid JSON, so the scanner can
//! stay small: it never has to report a syntax error itself.

use std::collections::HashMap;

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
}

/// Maps each JSON path of a document to the position of its value (and, for object members, of its key).
#[derive(Debug, Default)]
pub struct PositionIndex {
    values: HashMap<String, LineCol>,
    keys: HashMap<String, LineCol>,
}

impl PositionIndex {
    /// Indexes `text`, which must be valid JSON.
    pub fn new(text: &str) -> PositionIndex {
        let mut scanner =
            Scanner { chars: text.char_indices().peekable(), line: 1, col: 1, index: PositionIndex::default() };
        scanner.skip_ws();
        scanner.value(String::new());
        scanner.index
    }

    /// The position of the value at `path` (`""` is the root).
    pub fn value(&self, path: &str) -> Option<LineCol> {
        self.values.get(path).copied()
    }

    /// The position of the key of the member at `path`, or of its value when it has no key.
    pub fn key_or_value(&self, path: &str) -> Option<LineCol> {
        self.keys.get(path).or_else(|| self.values.get(path)).copied()
    }

    /// The position for `path`, or for its nearest ancestor that exists (a missing field is reported at its object).
    pub fn nearest(&self, path: &str) -> Option<LineCol> {
        let mut current = path;
        loop {
            if let Some(pos) = self.key_or_value(current) {
                return Some(pos);
            }
            let cut = current.rfind(['.', '['])?;
            current = &current[..cut];
        }
    }
}

struct Scanner<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
    col: usize,
    index: PositionIndex,
}

impl Scanner<'_> {
    fn here(&self) -> LineCol {
        LineCol { line: self.line, col: self.col }
    }

    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|(_, c)| *c)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.bump();
        }
    }

    fn value(&mut self, path: String) {
        self.index.values.insert(path.clone(), self.here());
        match self.peek() {
            Some('{') => {
                self.bump();
                self.skip_ws();
                while let Some(c) = self.peek() {
                    if c == '}' {
                        self.bump();
                        break;
                    }
                    if c == ',' {
                        self.bump();
                        self.skip_ws();
                        continue;
                    }
                    let key_pos = self.here();
                    let key = self.string();
                    self.skip_ws();
                    self.bump(); // the colon
                    self.skip_ws();
                    let child = if path.is_empty() { key } else { format!("{path}.{key}") };
                    self.index.keys.insert(child.clone(), key_pos);
                    self.value(child);
                    self.skip_ws();
                }
            }
            Some('[') => {
                self.bump();
                self.skip_ws();
                let mut element = 0;
                while let Some(c) = self.peek() {
                    if c == ']' {
                        self.bump();
                        break;
                    }
                    if c == ',' {
                        self.bump();
                        self.skip_ws();
                        continue;
                    }
                    self.value(format!("{path}[{element}]"));
                    element += 1;
                    self.skip_ws();
                }
            }
            Some('"') => {
                self.string();
            }
            _ => {
                while matches!(self.peek(), Some(c) if !matches!(c, ',' | '}' | ']' | ' ' | '\t' | '\n' | '\r')) {
                    self.bump();
                }
            }
        }
    }

    fn string(&mut self) -> String {
        let mut out = String::new();
        self.bump(); // the opening quote
        while let Some(c) = self.bump() {
            match c {
                '"' => break,
                '\\' => {
                    if let Some(escaped) = self.bump() {
                        match escaped {
                            'u' => {
                                // Keys with \u escapes are rare; keep the escape as written so paths stay unique.
                                out.push_str("\\u");
                            }
                            other => out.push(other),
                        }
                    }
                }
                other => out.push(other),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_keys() {
        let text = "{\n  \"a\": [1, {\"b\": true}],\n  \"c\": \"x\"\n}";
        let index = PositionIndex::new(text);
        assert_eq!(index.value("a[1].b"), Some(LineCol { line: 2, col: 18 }));
        assert_eq!(index.key_or_value("c"), Some(LineCol { line: 3, col: 3 }));
        assert_eq!(index.nearest("a[1].missing"), Some(LineCol { line: 2, col: 12 }));
    }
}
