//! CSV as RFC 4180 writes it, for programs (R, Python, a spreadsheet's import dialog): UTF-8
//! with a byte order mark (so that a spreadsheet does not read it as Latin-1), comma-separated,
//! CRLF line ends, a field in double quotes when it holds a comma, a quote, CR or LF (quotes
//! doubled). Numbers are written plainly with a decimal point (`12.5`, `-3`).
//!
//! A German spreadsheet program splits lines at semicolons, so double-clicking a comma CSV gives
//! one column: for people, the XLSX export is the one to open.
//!
//! Answers come from outside, so a text that a spreadsheet would read as a formula (starting
//! with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe
//! ([`neutralise`]); typed numbers stay numbers, `-3` included.

use crate::table::{Cell, Sheet};
use std::borrow::Cow;

/// The UTF-8 byte order mark that starts every CSV file.
pub const BOM: &str = "\u{feff}";

/// Whether a spreadsheet would read `text` typed into a cell as a formula (or as the start of one).
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `text` with a leading apostrophe if it [looks like a formula](looks_like_formula), so that a
/// spreadsheet shows it as text: `=HYPERLINK(…)` becomes `'=HYPERLINK(…)`.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if looks_like_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A number as CSV writes it: no exponent, no thousands separator, `.` as decimal mark.
pub fn number_text(n: f64) -> String {
    if n == 0.0 {
        // Not "-0".
        "0".to_owned()
    } else {
        n.to_string()
    }
}

/// A sheet as the bytes of a CSV file (BOM, CRLF line ends).
pub fn sheet_csv(sheet: &Sheet) -> Vec<u8> {
    let mut out = String::from(BOM);
    for row in &sheet.rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match cell {
                Cell::Empty => {}
                Cell::Number(n) => out.push_str(&number_text(*n)),
                Cell::Text(text) => push_field(&mut out, &neutralise(text)),
            }
        }
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn push_field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet { name: "S".into(), file_suffix: None, rows }
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn a_csv_starts_with_a_bom_and_ends_every_line_with_crlf() {
        let bytes = sheet_csv(&sheet(vec![vec![text("a"), text("b")], vec![Cell::Number(1.0), Cell::Empty]]));
        assert_eq!(bytes, b"\xEF\xBB\xBFa,b\r\n1,\r\n");
    }

    #[test]
    fn fields_with_commas_quotes_and_line_breaks_are_quoted_and_quotes_doubled() {
        let bytes = sheet_csv(&sheet(vec![vec![
            text("Gießen, Lahn"),
            text("sagte \"ja\""),
            text("Zeile 1\nZeile 2"),
            text("a\rb"),
            text("schlicht"),
        ]]));
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text, "\u{feff}\"Gießen, Lahn\",\"sagte \"\"ja\"\"\",\"Zeile 1\nZeile 2\",\"a\rb\",schlicht\r\n");
    }

    #[test]
    fn text_that_a_spreadsheet_would_run_as_a_formula_gets_an_apostrophe_but_numbers_stay_numbers() {
        for formula in ["=1+1", "+49 711 216-0", "-3 Grad", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"] {
            assert!(looks_like_formula(formula), "{formula:?}");
            assert_eq!(neutralise(formula), format!("'{formula}"));
        }
        for plain in ["Gießen", "3", " =1", "'=1", "ja", ""] {
            assert!(!looks_like_formula(plain), "{plain:?}");
            assert_eq!(neutralise(plain), plain);
        }
        let bytes = sheet_csv(&sheet(vec![vec![text("=1+1"), Cell::Number(-3.0), text("-3"), text("=A1,B1")]]));
        assert_eq!(String::from_utf8(bytes).unwrap(), "\u{feff}'=1+1,-3,'-3,\"'=A1,B1\"\r\n");
    }

    #[test]
    fn numbers_are_written_plainly_with_a_decimal_point() {
        let cells = [589000.0, 12.5, -0.25, 0.0, -0.0, 1e21, 6.812054329371817].map(Cell::Number).to_vec();
        let text = String::from_utf8(sheet_csv(&sheet(vec![cells]))).unwrap();
        assert_eq!(text, "\u{feff}589000,12.5,-0.25,0,0,1000000000000000000000,6.812054329371817\r\n");
    }
}
