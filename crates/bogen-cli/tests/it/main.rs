//! The `bogen` binary's integration tests, one binary: each runs the built `bogen` on files in a
//! fresh temporary folder and checks its output, exit code and the files it writes. Modules:
//!
//! - `campaign`: valid, signed submissions of the default questionnaire (also used by the benchmark).
//! - `verify`: `bogen verify`, one test per reason a file is invalid, `--json`, folders.
//! - `export`: `bogen export` to XLSX and CSV, supersession, overwriting, several questionnaires.

mod campaign;
mod export;
mod verify;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A folder of its own for one test, removed when the test ends.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(test: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let path = std::env::temp_dir().join(format!("bogen-cli-{test}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    /// Writes `text` to `name` in the folder and returns its path.
    pub fn write(&self, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, text).unwrap();
        path
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a run of `bogen` gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `bogen` with `args` in `dir`.
pub fn bogen(dir: &Path, args: &[&str]) -> Run {
    let Output { status, stdout, stderr } =
        Command::new(env!("CARGO_BIN_EXE_bogen")).args(args).current_dir(dir).output().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

/// The repository's root folder.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// An office with two copies of the tool can tell them apart: the version names the commit the
/// binary was built from and the app build it carries for `bogen bundle`.
#[test]
fn the_version_names_the_commit_and_the_app_it_was_built_with() {
    let dir = TempDir::new("version");
    let run = bogen(&dir.0, &["--version"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let git = Command::new("git").args(["log", "-1", "--format=%h of %cs"]).current_dir(repo_root()).output();
    let commit = match git {
        Ok(out) if out.status.success() => format!("commit {}", String::from_utf8(out.stdout).unwrap().trim()),
        _ => "commit unknown".to_owned(),
    };
    let index = std::fs::read_to_string(repo_root().join("dist/index.html")).unwrap_or_default();
    let app = match index.split("<meta name=\"bogen-build\" content=\"").nth(1) {
        Some(rest) => format!("app build {}", rest.split('"').next().unwrap()),
        None if index.is_empty() => "no app embedded".to_owned(),
        None => "app embedded".to_owned(),
    };
    let expected = format!("bogen {} ({commit}; {app})\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(run.stdout, expected);
}

#[test]
fn check_reads_a_questionnaire_an_editor_saved_as_utf_16_and_names_a_file_that_is_no_text() {
    let dir = TempDir::new("check-encodings");
    let text = std::fs::read_to_string(repo_root().join("questionnaire/examples/kita-umfrage.json")).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    dir.write("kita-utf16.json", &utf16);
    let run = bogen(&dir.0, &["check", "kita-utf16.json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with("kita-utf16.json: ok: "), "{}", run.stdout);
    dir.write("scan.json", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
    let run = bogen(&dir.0, &["check", "scan.json"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "bogen: scan.json: the file is a PDF document, not a JSON text file; save it as UTF-8 text (or use the file as it was sent)\n"
    );
}

#[test]
fn sign_keeps_the_files_byte_order_mark_and_signs_a_utf_16_file_as_utf_8() {
    let dir = TempDir::new("sign-bom");
    assert_eq!(bogen(&dir.0, &["keygen", "-o", "key.json"]).code, 0);
    let text = std::fs::read_to_string(repo_root().join("questionnaire/examples/kita-umfrage.json")).unwrap();
    dir.write("bom.json", format!("\u{feff}{text}").as_bytes());
    let run = bogen(&dir.0, &["sign", "--key", "key.json", "bom.json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(std::fs::read(dir.path("bom.json")).unwrap().starts_with(b"\xEF\xBB\xBF{"), "the mark stays");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    dir.write("utf16.json", &utf16);
    let run = bogen(&dir.0, &["sign", "--key", "key.json", "utf16.json", "-o", "signed.json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let signed = std::fs::read_to_string(dir.path("signed.json")).unwrap();
    assert!(signed.starts_with("\u{feff}{"), "UTF-8 now, its mark kept: {:?}", &signed[..10]);
    assert_eq!(bogen(&dir.0, &["check", "signed.json"]).code, 0);
}
