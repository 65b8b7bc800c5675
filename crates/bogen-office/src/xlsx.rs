//! The workbook as an `.xlsx` file, with `rust_xlsxwriter` (only with the crate feature `xlsx`).
//!
//! Why a feature: `rust_xlsxwriter` reads the system clock when it makes a workbook (for the
//! document's creation time, which [`workbook_xlsx`] then sets from the caller's time), and its
//! zip writer depends on `getrandom`, which on `wasm32-unknown-unknown` pulls in
//! `wasm-bindgen`. Without the feature this crate stays pure and free of browser crates. The CLI
//! enables it; a browser page that enables it must also enable `rust_xlsxwriter`'s `wasm`
//! feature, since `std`'s clock panics on `wasm32-unknown-unknown`.
//!
//! Layout: the header rows are bold (the ids grey), frozen above the data with the file column
//! beside it, and the label row wraps its long questions and carries filter buttons. Data rows
//! are one line high; a text with line breaks wraps, and its row is as high as its lines need,
//! up to [`MAX_ROW_LINES`], so that a sheet of thousands of submissions stays scannable (the whole
//! text is in the cell). A text that a spreadsheet would read as
//! a formula is written with Excel's quote prefix: the cell shows the text as written and stays
//! text when edited (the XLSX form of the CSV's leading apostrophe). Excel holds at most 32,767
//! characters in a cell; a longer answer is cut there with a note (the submission file keeps it whole).

use crate::csv::looks_like_formula;
use crate::table::{Cell, Sheet, Workbook, HEADER_ROWS};
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, Worksheet};
use std::fmt;

/// Why a workbook could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsxError(pub String);

impl fmt::Display for XlsxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the spreadsheet could not be written: {}", self.0)
    }
}

impl std::error::Error for XlsxError {}

/// Excel's limit of characters (UTF-16 units) in a cell.
const MAX_CELL_CHARS: usize = 32_767;

/// What is appended to a text cut at Excel's limit.
pub const CUT_NOTE: &str =
    " … [gekürzt: die Antwort ist länger, als Excel in einer Zelle hält; vollständig in der Einreichung]";

/// The narrowest and widest a column is made, in characters.
const MIN_WIDTH: usize = 10;
const MAX_WIDTH: usize = 50;

/// The height of a data row in points, and of the wrapped label row (four lines). Not Excel's
/// default 15: rust_xlsxwriter marks a row's height as fixed only when it differs from the
/// default, and only a fixed height keeps a spreadsheet from growing rows with line breaks.
const ROW_HEIGHT: f64 = 15.75;
const LABEL_ROW_HEIGHT: f64 = 60.0;

/// The height of one more line in a row of wrapped text, in points.
const LINE_HEIGHT: f64 = 15.0;

/// The most lines a data row is made high for; the rest of a long text is in the cell.
pub const MAX_ROW_LINES: usize = 8;

/// Column widths are taken from the headers and this many first rows: enough, and cheap.
const WIDTH_ROWS: usize = 200;

/// The workbook as the bytes of an `.xlsx` file. `created_at` (RFC 3339, e.g.
/// `2026-11-27T10:15:00Z`) is the document's creation time.
pub fn workbook_xlsx(workbook: &Workbook, created_at: &str) -> Result<Vec<u8>, XlsxError> {
    let error = |e: rust_xlsxwriter::XlsxError| XlsxError(e.to_string());
    let mut book = rust_xlsxwriter::Workbook::new();
    let mut properties = DocProperties::new().set_title(&workbook.title);
    if let Ok(time) = ExcelDateTime::parse_from_str(created_at.get(..19).unwrap_or(created_at)) {
        properties = properties.set_creation_datetime(&time);
    }
    book.set_properties(&properties);
    let formats = Formats {
        ids: Format::new().set_bold().set_font_color(Color::RGB(0x595959)),
        labels: Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top),
        quoted: Format::new().set_quote_prefix(),
        wrapped: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        quoted_wrapped: Format::new().set_quote_prefix().set_text_wrap().set_align(FormatAlign::Top),
    };
    for sheet in &workbook.sheets {
        let worksheet = book.add_worksheet();
        worksheet.set_name(&sheet.name).map_err(error)?;
        write_sheet(worksheet, sheet, &formats).map_err(error)?;
    }
    book.save_to_buffer().map_err(error)
}

struct Formats {
    ids: Format,
    labels: Format,
    quoted: Format,
    /// A data text with line breaks.
    wrapped: Format,
    quoted_wrapped: Format,
}

/// How many lines a text with line breaks needs in a column of the widest width (one for a
/// text without), at most [`MAX_ROW_LINES`].
fn lines_needed(text: &str) -> usize {
    if !text.contains('\n') {
        return 1;
    }
    let lines: usize = text.split('\n').map(|line| line.chars().count().div_ceil(MAX_WIDTH).max(1)).sum();
    lines.min(MAX_ROW_LINES)
}

fn write_sheet(worksheet: &mut Worksheet, sheet: &Sheet, formats: &Formats) -> Result<(), rust_xlsxwriter::XlsxError> {
    let n_columns = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    if n_columns > usize::from(u16::MAX) || sheet.rows.len() > u32::MAX as usize {
        return Err(rust_xlsxwriter::XlsxError::RowColumnLimitError);
    }
    let mut widths = vec![MIN_WIDTH; n_columns];
    for (r, row) in sheet.rows.iter().enumerate() {
        let header = match r {
            0 => Some(&formats.ids),
            1 => Some(&formats.labels),
            _ => None,
        };
        if r == 1 {
            worksheet.set_row_height(1, LABEL_ROW_HEIGHT)?;
        } else if r >= HEADER_ROWS {
            let lines = row.iter().map(|c| if let Cell::Text(t) = c { lines_needed(t) } else { 1 }).max().unwrap_or(1);
            worksheet.set_row_height(r as u32, ROW_HEIGHT + LINE_HEIGHT * (lines - 1) as f64)?;
        }
        for (c, cell) in row.iter().enumerate() {
            let (row_num, col_num) = (r as u32, c as u16);
            match cell {
                Cell::Empty => {}
                Cell::Number(n) => {
                    worksheet.write_number(row_num, col_num, *n)?;
                    if r < WIDTH_ROWS {
                        widths[c] = widths[c].max(n.to_string().len().min(MAX_WIDTH));
                    }
                }
                Cell::Text(text) => {
                    let text = fit_cell(text);
                    match header {
                        Some(format) => worksheet.write_string_with_format(row_num, col_num, text.as_ref(), format)?,
                        None => {
                            let format = match (looks_like_formula(&text), text.contains('\n')) {
                                (true, true) => Some(&formats.quoted_wrapped),
                                (true, false) => Some(&formats.quoted),
                                (false, true) => Some(&formats.wrapped),
                                (false, false) => None,
                            };
                            match format {
                                Some(format) => {
                                    worksheet.write_string_with_format(row_num, col_num, text.as_ref(), format)?
                                }
                                None => worksheet.write_string(row_num, col_num, text.as_ref())?,
                            }
                        }
                    };
                    // The labels wrap; the ids and the data set the width.
                    if r < WIDTH_ROWS && r != 1 {
                        let longest_line = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
                        widths[c] = widths[c].max(longest_line.min(MAX_WIDTH));
                    }
                }
            }
        }
    }
    for (c, width) in widths.into_iter().enumerate() {
        worksheet.set_column_width(c as u16, width as f64 + 1.0)?;
    }
    if sheet.rows.len() >= HEADER_ROWS && n_columns > 0 {
        worksheet.set_freeze_panes(HEADER_ROWS as u32, 1)?;
        worksheet.autofilter(
            HEADER_ROWS as u32 - 1,
            0,
            (sheet.rows.len() - 1).max(HEADER_ROWS - 1) as u32,
            (n_columns - 1) as u16,
        )?;
    }
    Ok(())
}

/// The text cut to Excel's limit, with [`CUT_NOTE`], if it is longer.
fn fit_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= MAX_CELL_CHARS || text.encode_utf16().count() <= MAX_CELL_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    let room = MAX_CELL_CHARS - CUT_NOTE.encode_utf16().count();
    let mut used = 0;
    let mut cut = String::new();
    for c in text.chars() {
        used += c.len_utf16();
        if used > room {
            break;
        }
        cut.push(c);
    }
    cut.push_str(CUT_NOTE);
    std::borrow::Cow::Owned(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_with_an_answer_longer_than_a_cell_holds_is_still_written() {
        let workbook = Workbook {
            title: "T".into(),
            sheets: vec![Sheet {
                name: "S".into(),
                file_suffix: None,
                rows: vec![
                    vec![Cell::Text("id".into()), Cell::Text("n".into())],
                    vec![Cell::Text("Label".into()), Cell::Text("Zahl".into())],
                    vec![Cell::Text("x".repeat(40_000)), Cell::Number(-3.0)],
                ],
            }],
        };
        let bytes = workbook_xlsx(&workbook, "2004-09-29T14:05:00Z").unwrap();
        assert_eq!(&bytes[..2], b"PK", "an xlsx is a zip file");
    }

    #[test]
    fn a_text_with_line_breaks_needs_a_line_each_and_long_lines_more() {
        assert_eq!(lines_needed("eine Zeile, auch wenn sie lang ist und länger als fünfzig Zeichen wird"), 1);
        assert_eq!(lines_needed("erste\nzweite"), 2);
        assert_eq!(lines_needed(&format!("{}\nkurz", "x".repeat(120))), 4);
        assert_eq!(lines_needed(&"Zeile\n".repeat(40)), MAX_ROW_LINES);
    }

    #[test]
    fn a_text_longer_than_excel_holds_is_cut_with_a_note() {
        let long = "ä".repeat(40_000);
        let cut = fit_cell(&long);
        assert!(cut.ends_with(CUT_NOTE));
        assert!(cut.encode_utf16().count() <= MAX_CELL_CHARS);
        assert!(cut.encode_utf16().count() > MAX_CELL_CHARS - 10);
        assert_eq!(fit_cell("kurz"), "kurz");
        // 20,000 emoji are 40,000 UTF-16 units: over the limit, though 20,000 characters.
        let emoji = "😀".repeat(20_000);
        assert!(fit_cell(&emoji).ends_with(CUT_NOTE));
    }
}
