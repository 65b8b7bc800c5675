//! Text from the files the office reads, made safe to print on a terminal.
//!
//! A submission's answers, a file's name and a questionnaire's keys come from outside. Printed as
//! they are, a line break in a municipality's name would start a second, forged report line
//! (`other.json: valid: …`), and an escape sequence could erase or recolour what the terminal
//! shows. So every line the tool prints about such a file is passed through [`printable`].

use std::borrow::Cow;
use std::fmt::Write;

/// `text` with every character that moves the cursor or changes how the terminal shows text
/// written as a Rust-style escape (`\n`, `\u{1b}`): control characters, the line and paragraph
/// separators and the bidirectional overrides and isolates (which reorder what follows them).
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                other => {
                    let _ = write!(out, "\\u{{{:x}}}", u32::from(other));
                }
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn plain_text_passes_and_what_moves_the_cursor_or_reorders_text_is_escaped() {
        assert_eq!(printable("Gießen (Großstadt) – 1.0.0"), "Gießen (Großstadt) – 1.0.0");
        assert_eq!(printable("Stadt Fake\nx.json: valid"), "Stadt Fake\\nx.json: valid");
        assert_eq!(printable("\u{1b}[31mROT\u{1b}[0m\r"), "\\u{1b}[31mROT\\u{1b}[0m\\r");
        assert_eq!(printable("a\tb\u{7f}\u{85}"), "a\\tb\\u{7f}\\u{85}");
        assert_eq!(printable("\u{202e}nosj.exe\u{2066}\u{2028}"), "\\u{202e}nosj.exe\\u{2066}\\u{2028}");
    }
}
