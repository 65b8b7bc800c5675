//! `bogen`, the project office's command-line tool. A thin shell over `bogen-engine` and
//! `bogen-office`: it reads files, calls them and prints what they found. No questionnaire logic
//! lives here.
//!
//! Exit codes: 0 everything is valid, 1 problems were found (a broken questionnaire, an invalid
//! submission), 2 the command could not run (a file could not be read or written, bad arguments).

mod bundle;
mod check;
mod export;
mod inputs;
mod keys;
mod terminal;
mod verify;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// `0.0.0 (commit 1a2b3c4 of 2026-11-28; app build 9950f8850b08a493)`: which copy of the tool
/// this is (see build.rs).
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("BOGEN_BUILT_FROM"), ")");

/// The keys the app trusts to sign questionnaires: the same list, built in.
pub const TRUSTED_KEYS: &str = include_str!("../../../questionnaire/trusted-keys.json");

#[derive(Parser)]
#[command(name = "bogen", version = VERSION, about = "Tools for the project office of a Bogen questionnaire")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks questionnaire files and prints every problem as FILE:line:col: JSON-path: message.
    Check {
        /// Questionnaire files (JSON, format version 1).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Prints the JSON Schema of the questionnaire format.
    Schema,
    /// Makes a new key pair for signing questionnaires and writes it to a key file.
    Keygen {
        /// The key file to write (it must not exist yet). Keep it secret.
        #[arg(short, long)]
        output: PathBuf,
        /// Whose key it is, for the entry in questionnaire/trusted-keys.json.
        #[arg(long, default_value = "Projektbüro")]
        name: String,
    },
    /// Verifies submission files: prints per file whether it is valid (who signed it, for which
    /// questionnaire) or the precise reason it is not. Exit code 1 if any file is invalid.
    Verify {
        /// Submission files, or folders whose *.json files are read.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// A questionnaire file to check submissions against, besides the built-in one (repeatable).
        #[arg(long = "questionnaire", value_name = "FILE")]
        questionnaires: Vec<PathBuf>,
        /// Print the reports as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Verifies submission files and writes the valid ones as a spreadsheet: one row per
    /// submission, one column per question; repeat groups and the list of files on their own
    /// sheets (.xlsx) or in their own files (.csv).
    Export {
        /// Submission files, or folders whose *.json files are read.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The spreadsheet to write: OUT.xlsx, or OUT.csv (plus OUT.<group>.csv and OUT.dateien.csv).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// A questionnaire file to check submissions against, besides the built-in one (repeatable).
        #[arg(long = "questionnaire", value_name = "FILE")]
        questionnaires: Vec<PathBuf>,
        /// Export the submissions of this questionnaire when they answer several.
        #[arg(long, value_name = "ID[@VERSION]")]
        only: Option<String>,
        /// Replace output files that exist already (an input file is never replaced).
        #[arg(long)]
        force: bool,
    },
    /// Makes one self-contained HTML file of the app with the questionnaire in it, to send by
    /// e-mail: it opens from disk, offline, and does everything the served app does.
    Bundle {
        /// The questionnaire file (checked first; a broken one is refused).
        questionnaire: PathBuf,
        /// The HTML file to write (default: <questionnaire id>.html in the current folder).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Signs a questionnaire file with a key file (adds or replaces its "signature").
    Sign {
        /// The key file made by `bogen keygen`.
        #[arg(long)]
        key: PathBuf,
        /// The questionnaire file; it is checked first and changed in place unless -o is given.
        file: PathBuf,
        /// Write the signed questionnaire here instead.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { files } => check::run(&files),
        Command::Schema => {
            print!("{}", bogen_engine::schema::questionnaire_schema_json());
            Ok(ExitCode::SUCCESS)
        }
        Command::Keygen { output, name } => keys::keygen(&output, &name),
        Command::Sign { key, file, output } => keys::sign(&key, &file, output.as_deref()),
        Command::Bundle { questionnaire, output, force } => {
            bundle::run(&bundle::Options { questionnaire: &questionnaire, output: output.as_deref(), force })
        }
        Command::Verify { files, questionnaires, json } => verify::run(&files, &questionnaires, json),
        Command::Export { files, output, questionnaires, only, force } => export::run(&export::Options {
            files: &files,
            questionnaires: &questionnaires,
            output: &output,
            only: only.as_deref(),
            force,
        }),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("bogen: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// The time now as RFC 3339 in UTC, e.g. `2026-11-27T10:15:00Z` (the engine has no clock).
pub fn now_rfc3339() -> String {
    let seconds =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or_default();
    rfc3339_of_unix(seconds)
}

/// A Unix time as RFC 3339 in UTC (the civil-from-days algorithm of Howard Hinnant).
pub fn rfc3339_of_unix(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn unix_times_become_rfc3339() {
        assert_eq!(super::rfc3339_of_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339_of_unix(1_096_502_400), "2004-09-30T00:00:00Z");
        assert_eq!(super::rfc3339_of_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(super::rfc3339_of_unix(1_795_778_115), "2026-11-27T11:15:15Z");
    }
}
