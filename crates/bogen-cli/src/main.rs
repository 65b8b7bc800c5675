//! `bogen`, the project office's command-line tool. A thin shell over `bogen-engine`.
//!
//! Exit codes: 0 the file is valid, 1 problems were found, 2 the command could not run
//! (a file could not be read, bad arguments).

use anyhow::Context;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "bogen", version, about = "Tools for the project office of a Bogen questionnaire")]
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("bogen: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check { files } => {
            let mut any_problems = false;
            for file in files {
                let text =
                    std::fs::read_to_string(&file).with_context(|| format!("could not read {}", file.display()))?;
                let name = file.display().to_string();
                match bogen_engine::compile(&text) {
                    Ok(questionnaire) => {
                        let n_pages = questionnaire.pages().count();
                        println!(
                            "{name}: ok: {} sections ({n_pages} pages), {} questions, {} conditions",
                            questionnaire.sections.len(),
                            questionnaire.questions.len(),
                            questionnaire.n_conditions
                        );
                    }
                    Err(problems) => {
                        any_problems = true;
                        print!("{}", problems.render(&name));
                        let n = problems.0.len();
                        eprintln!(
                            "{name}: {n} problem{} found; fix them and run `bogen check {name}` again",
                            if n == 1 { "" } else { "s" }
                        );
                    }
                }
            }
            Ok(if any_problems { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Schema => {
            print!("{}", bogen_engine::schema::questionnaire_schema_json());
            Ok(ExitCode::SUCCESS)
        }
    }
}
