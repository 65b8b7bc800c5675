//! The project office's side of signed submissions: verify many files, decide which supersede
//! which, and tabulate the valid ones. Shared by the `bogen` CLI (`bogen verify`, `bogen export`)
//! and the office's web page; never part of what respondents download.
//!
//! # Contract
//!
//! - Pure like the engine: no IO, no clock, no randomness, no browser crate (with default
//!   features; the `xlsx` feature is the one exception, see [`xlsx`]). Callers read files and
//!   pass in `(name, bytes)`; they check a file's size before reading it ([`batch::Content`]).
//! - [`batch::verify_file`] turns one input into a [`batch::FileReport`]: valid, or invalid with
//!   the first check that failed ([`batch::InvalidKind`], with a stable code) and a message. It
//!   never panics on input. [`batch::settle`] then marks superseded submissions: among valid
//!   ones with the same signing key and questionnaire id, the one signed last counts.
//! - [`table::build_workbook`] makes a [`table::Workbook`] of typed cells from the reports of one
//!   questionnaire (see that module for sheets, columns and how answers become cells);
//!   [`csv::sheet_csv`] and [`xlsx::workbook_xlsx`] write it. Text that a spreadsheet would read
//!   as a formula is neutralised by both writers.
//!
//! A typical caller:
//!
//! ```
//! use bogen_office::{batch, table, csv};
//! let mut known = batch::KnownQuestionnaires::new();
//! # let text = include_str!("../../../questionnaire/examples/kita-umfrage.json");
//! known.add(std::sync::Arc::new(bogen_engine::compile(text).unwrap()));
//! let mut reports = vec![batch::verify_file("a.json", batch::Content::Bytes(b"{}"), &known)];
//! batch::settle(&mut reports);
//! let answered = table::questionnaires_answered(&reports);
//! let workbook = table::build_workbook(&reports, answered.first().map(|(q, _)| &**q));
//! let files_csv = csv::sheet_csv(workbook.sheets.last().unwrap());
//! assert!(String::from_utf8(files_csv).unwrap().contains("a.json,ungültig,nein,,not-a-submission"));
//! ```

pub mod batch;
pub mod csv;
#[cfg(test)]
mod fixtures;
pub mod table;
#[cfg(feature = "xlsx")]
pub mod xlsx;
