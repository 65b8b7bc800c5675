//! The files `bogen verify` and `bogen export` read: folders expanded to the `*.json` files in
//! them, each file's size checked from its metadata before it is read (a 100 MB file is never
//! read into memory), and the questionnaires the submissions are checked against.

use anyhow::Context;
use bogen_engine::signing::MAX_FILE_BYTES;
pub use bogen_office::batch::Loaded;
use bogen_office::batch::{FileReport, KnownQuestionnaires};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The default questionnaire, built in: submissions of it are checked without `--questionnaire`.
pub const DEFAULT_QUESTIONNAIRE: &str = include_str!("../../../questionnaire/erfolgreiche-integration-2005.json");

/// One input: a file to read, or a folder that could not be listed.
pub struct Input {
    /// The name in messages and tables: the path as given (or folder/name).
    pub name: String,
    /// Where it is, or why not even that is known.
    pub path: Result<PathBuf, String>,
}

/// The inputs of the arguments, and what of the folders given is not read.
pub struct Expanded {
    pub inputs: Vec<Input>,
    /// Per folder given, how many subfolders it has (only folders with some).
    pub subfolders: Vec<(String, usize)>,
    /// Per folder given, the names of its files that do not end in `.json` (only folders with
    /// some; hidden files are not counted).
    pub other_files: Vec<(String, Vec<String>)>,
    /// Files given more than once (as the same path, or through a folder too): read once.
    pub repeated: Vec<String>,
}

impl Expanded {
    /// One line per folder whose subfolders or other files were not read, and per file given
    /// twice: the office may have sorted submissions into a subfolder, and a mail program may
    /// have saved one as `name.json.txt`, and expects them checked; nothing is left out unsaid.
    pub fn print_notes(&self) {
        for (folder, names) in &self.other_files {
            let n = names.len();
            let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
            let more = if n > 3 { format!(" and {} more", n - 3) } else { String::new() };
            eprintln!(
                "{}",
                crate::terminal::printable(&format!(
                    "note: {folder}: {} not end in .json and {} not read ({}{more}); give {} as {} to check {} too",
                    if n == 1 { "1 file does".to_owned() } else { format!("{n} files do") },
                    if n == 1 { "was" } else { "were" },
                    shown.join(", "),
                    if n == 1 { "it" } else { "them" },
                    if n == 1 { "an argument" } else { "arguments" },
                    if n == 1 { "it" } else { "them" },
                ))
            );
        }
        for name in &self.repeated {
            eprintln!(
                "{}",
                crate::terminal::printable(&format!("note: {name} was given more than once and is read once"))
            );
        }
        for (folder, n) in &self.subfolders {
            eprintln!(
                "note: {folder}: {} not read (only the files directly in a folder are); give {} as {} to check {} too",
                if *n == 1 { "1 subfolder was".to_owned() } else { format!("{n} subfolders were") },
                if *n == 1 { "it" } else { "them" },
                if *n == 1 { "an argument" } else { "arguments" },
                if *n == 1 { "its files" } else { "their files" },
            );
        }
    }
}

/// The arguments as inputs: a folder stands for the `*.json` files directly in it, sorted by
/// name, hidden files left out (an office drops hundreds of submissions into one folder); a file
/// stands for itself, whatever its name. Subfolders are not read, only counted.
pub fn expand(arguments: &[PathBuf]) -> Expanded {
    let mut inputs: Vec<Input> = Vec::new();
    let mut subfolders = Vec::new();
    let mut other_files = Vec::new();
    for argument in arguments {
        if !argument.is_dir() {
            inputs.push(Input { name: argument.display().to_string(), path: Ok(argument.clone()) });
            continue;
        }
        let entries = match std::fs::read_dir(argument) {
            Ok(entries) => entries,
            Err(e) => {
                inputs.push(Input {
                    name: argument.display().to_string(),
                    path: Err(format!("the folder could not be listed: {e}")),
                });
                continue;
            }
        };
        let paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        let n_folders = paths.iter().filter(|p| p.is_dir()).count();
        if n_folders > 0 {
            subfolders.push((argument.display().to_string(), n_folders));
        }
        let (mut files, mut others): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .into_iter()
            .filter(|p| !p.is_dir())
            // Hidden files: e.g. the `._name.json` that macOS leaves beside copied files.
            .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
            .partition(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("json")));
        files.sort();
        others.sort();
        if !others.is_empty() {
            let names = others.iter().map(|p| p.file_name().unwrap_or_default().to_string_lossy().into_owned());
            other_files.push((argument.display().to_string(), names.collect()));
        }
        inputs.extend(files.into_iter().map(|path| Input { name: path.display().to_string(), path: Ok(path) }));
    }
    // The same file twice would be counted twice and supersede itself.
    let mut first_names = std::collections::HashMap::new();
    let mut repeated = Vec::new();
    inputs.retain(|input| {
        let Ok(path) = &input.path else { return true };
        let identity = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        match first_names.entry(identity) {
            std::collections::hash_map::Entry::Vacant(vacant) => {
                vacant.insert(input.name.clone());
                true
            }
            std::collections::hash_map::Entry::Occupied(first) => {
                if !repeated.contains(first.get()) {
                    repeated.push(first.get().clone());
                }
                false
            }
        }
    });
    Expanded { inputs, subfolders, other_files, repeated }
}

/// Reads a text file the office gives (a questionnaire, a key file): UTF-8, or UTF-16 that an
/// editor saved ([`bogen_engine::encoding`]); otherwise an error that names the file and says
/// what it is or where its text breaks, and what to do. A byte order mark stays at the start,
/// as U+FEFF: the engine's readers skip it, and `bogen sign` writes it back with the file.
pub fn read_text_file(path: &Path) -> anyhow::Result<String> {
    let name = path.display();
    let bytes = std::fs::read(path).with_context(|| format!("could not read {name}"))?;
    match bogen_engine::encoding::decode(&bytes) {
        Ok(text) if bogen_engine::encoding::has_byte_order_mark(&bytes) => Ok(format!("\u{feff}{text}")),
        Ok(text) => Ok(text.into_owned()),
        Err(not_text) => anyhow::bail!("{name}: {not_text}; save it as UTF-8 text (or use the file as it was sent)"),
    }
}

/// Reads an input, checking its size first. Reading stops one byte past the limit, so that a
/// file that grows while it is read, or a device without a size, cannot fill the memory either.
pub fn load(input: &Input) -> Loaded {
    let path = match &input.path {
        Ok(path) => path,
        Err(reason) => return Loaded::Unreadable(reason.clone()),
    };
    let file = std::fs::File::open(path).and_then(|f| f.metadata().map(|m| (f, m)));
    let (file, metadata) = match file {
        Ok(found) => found,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Loaded::Unreadable("there is no file at this path (is its name or folder misspelt?)".to_owned())
        }
        Err(e) => return Loaded::Unreadable(e.to_string()),
    };
    if metadata.is_dir() {
        return Loaded::Unreadable("it is a folder".to_owned());
    }
    if metadata.len() > MAX_FILE_BYTES as u64 {
        return Loaded::TooLarge(metadata.len());
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    match file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() > MAX_FILE_BYTES => Loaded::TooLarge(bytes.len() as u64),
        Ok(_) => Loaded::Bytes(bytes),
        Err(e) => Loaded::Unreadable(e.to_string()),
    }
}

/// Verifies every input, one at a time (only one file's bytes are held at once), then settles
/// which submissions supersede which. Without `keep_answers` the answers are dropped as soon as
/// a file is checked (`bogen verify` needs none of them: 10,000 submissions hold ~400 MB).
pub fn verify_all(inputs: &[Input], known: &KnownQuestionnaires, keep_answers: bool) -> Vec<FileReport> {
    let mut reports: Vec<FileReport> = inputs
        .iter()
        .map(|input| {
            let mut report = bogen_office::batch::verify_file(&input.name, load(input).content(), known);
            if !keep_answers {
                report.answers = None;
            }
            report
        })
        .collect();
    bogen_office::batch::settle(&mut reports);
    reports
}

/// The built-in questionnaire and every `--questionnaire` file. A file that does not load is an
/// error (exit 2) with the messages of `bogen check`.
pub fn known_questionnaires(files: &[PathBuf]) -> anyhow::Result<KnownQuestionnaires> {
    let mut known = KnownQuestionnaires::new();
    let built_in = bogen_engine::compile(DEFAULT_QUESTIONNAIRE)
        .map_err(|p| anyhow::anyhow!("the built-in questionnaire does not load (a bug):\n{}", p.render("built-in")))?;
    known.add(Arc::new(built_in));
    for file in files {
        known.add(Arc::new(load_questionnaire(file)?));
    }
    Ok(known)
}

fn load_questionnaire(file: &Path) -> anyhow::Result<bogen_engine::Questionnaire> {
    let name = file.display().to_string();
    let text = read_text_file(file).with_context(|| format!("could not read the questionnaire {name}"))?;
    if let Some(why) = crate::check::not_a_questionnaire(&text) {
        anyhow::bail!("--questionnaire {name}: {why}");
    }
    bogen_engine::compile(&text).map_err(|problems| {
        anyhow::anyhow!(
            "the questionnaire {name} does not load; fix it first (bogen check {name}):\n{}",
            problems.render(&name).trim_end()
        )
    })
}
