//! The project office's page: the office drops the submission files it received, sees each
//! file's status (valid, superseded, invalid and why), municipality, kind, fingerprint, time of
//! signing and checksum, and downloads the table as an Excel workbook or as CSV. Everything
//! happens in the browser: no file is uploaded, nothing is stored.
//!
//! Built by Trunk from `office/index.html` into `dist/office/`, beside the respondents' app
//! (`bogen-app`), which never loads this crate: respondents never download the office's code.
//!
//! # Modules
//!
//! - [`office`]: the page's state without the browser (pure, tested natively): the dropped
//!   files, the questionnaires they are checked against (the default one built in, and any
//!   questionnaire file dropped among them), checking through `bogen-office` exactly as
//!   `bogen verify` does, supersession, the counts and the workbook.
//! - [`words`]: every text of the page in German and English, and the wording of statuses,
//!   reasons, counts, times and file names (pure, tested natively).
//! - [`page`]: the Yew components: header, drop zone, progress, table, downloads. They map the
//!   state to HTML and events to calls of [`office`].
//! - [`browser`]: the only code that talks to the browser beyond rendering: reading dropped
//!   files, yielding to the browser between chunks, the clock, downloads, title and focus.
//!
//! # How many files stay responsive
//!
//! Dropped files are queued and worked through by one task: it reads [`page::CHUNK`] files
//! (each read is asynchronous), checks them, redraws the progress, and gives the browser a turn
//! before the next chunk. A file larger than the engine reads is reported from its size alone,
//! without being read.

pub mod browser;
pub mod office;
pub mod page;
pub mod words;

/// Starts the page in `<body>`.
pub fn run() {
    // A panic (a bug, never bad input) is then reported in the console with its message.
    console_error_panic_hook::set_once();
    yew::Renderer::<page::OfficePage>::new().render();
}
