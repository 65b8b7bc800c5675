//! Build script of `bogen`: embeds the respondents' release app, so that `bogen bundle` makes a
//! single HTML file with nothing but this binary (no Rust, Trunk or Node on the office's machine).
//!
//! It reads the release build that `scripts/build.sh` makes in `dist/` (or the folder named by
//! `BOGEN_APP_DIST`): the files that `dist/index.html` loads — the wasm-bindgen module, the
//! WebAssembly module and the stylesheets. Without a build there, `bogen` is built without the
//! app and `bogen bundle` says how to get one; every other command works the same.
//!
//! It also writes what `bogen --version` says beside the crate's version: the commit it was
//! built from and that commit's date, and the build of the embedded app, so that an office can
//! tell an old copy of the tool from a new one.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=BOGEN_APP_DIST");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dist = std::env::var_os("BOGEN_APP_DIST").map(PathBuf::from).unwrap_or_else(|| manifest_dir.join("../../dist"));
    // A folder: cargo looks at everything in it, so a new build is picked up.
    println!("cargo:rerun-if-changed={}", dist.display());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("embedded_app.rs");
    // Read once: the app's files and its build id both come from it.
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|_| "no release build of the app: run scripts/build.sh, then build bogen again".to_owned());
    let app = index.and_then(|index| read_app(&dist, &index).map(|app| (app, app_build(&index))));
    let (app, app_build) = match app {
        Ok((app, build)) => {
            (Ok(app), build.map_or_else(|| "app embedded".to_owned(), |build| format!("app build {build}")))
        }
        Err(why) => (Err(why), "no app embedded".to_owned()),
    };
    let built_from = commit(&manifest_dir).unwrap_or_else(|| "commit unknown".to_owned());
    println!("cargo:rustc-env=BOGEN_BUILT_FROM={built_from}; {app_build}");
    let code = match app {
        Ok(app) => app,
        Err(why) => format!(
            "/// Why this binary carries no app.\npub const APP: Result<EmbeddedApp, &str> = Err({:?});\n",
            format!("{why} (looked in {})", dist.display())
        ),
    };
    if let Err(e) = std::fs::write(&out, code) {
        panic!("could not write {}: {e}", out.display());
    }
}

/// The Rust source that embeds the app found in `dist` (whose page is `index`), or why there is none.
fn read_app(dist: &Path, index: &str) -> Result<String, String> {
    let module = quoted_after(index, "import init, * as bindings from '")
        .ok_or("dist/index.html does not import the app's module (not a Trunk release build?)")?;
    let wasm = quoted_after(index, "module_or_path: '").ok_or("dist/index.html does not name the app's .wasm")?;
    let mut stylesheets = Vec::new();
    let mut rest = index;
    while let Some(at) = rest.find("<link rel=\"stylesheet\" href=\"") {
        rest = &rest[at + "<link rel=\"stylesheet\" href=\"".len()..];
        let end = rest.find('"').ok_or("a stylesheet link in dist/index.html is not closed")?;
        stylesheets.push(rest[..end].to_owned());
    }
    let file = |url: &str| -> Result<String, String> {
        let path = dist.join(url.trim_start_matches("./").trim_start_matches('/'));
        if path.is_file() {
            Ok(path.display().to_string())
        } else {
            Err(format!("dist/index.html names {url}, which is not in {}", dist.display()))
        }
    };
    let css: Vec<String> =
        stylesheets.iter().map(|s| file(s).map(|p| format!("include_str!({p:?})"))).collect::<Result<_, _>>()?;
    Ok(format!(
        "/// The respondents' release app, as built in {dist:?}.\npub const APP: Result<EmbeddedApp, &str> = Ok(EmbeddedApp {{\n    module: include_str!({module:?}),\n    wasm: include_bytes!({wasm:?}),\n    stylesheets: &[{css}],\n}});\n",
        dist = dist.display().to_string(),
        module = file(&module)?,
        wasm = file(&wasm)?,
        css = css.join(", "),
    ))
}

/// `commit 1a2b3c4 of 2026-11-28`: the commit the source was checked out at, when it is a git
/// checkout and git is there. Cargo runs this again when the checkout moves to another commit.
fn commit(dir: &Path) -> Option<String> {
    let git = |args: &[&str]| -> Option<String> {
        let out = Command::new("git").args(args).current_dir(dir).output().ok()?;
        let text = String::from_utf8(out.stdout).ok()?.trim().to_owned();
        (out.status.success() && !text.is_empty()).then_some(text)
    };
    let described = git(&["log", "-1", "--format=commit %h of %cs"])?;
    // HEAD names the branch, the branch's file (or packed-refs) the commit.
    if let Some(git_dir) = git(&["rev-parse", "--absolute-git-dir"]) {
        println!("cargo:rerun-if-changed={git_dir}/HEAD");
    }
    if let (Some(common), Some(branch)) =
        (git(&["rev-parse", "--git-common-dir"]), git(&["symbolic-ref", "-q", "HEAD"]))
    {
        let common = dir.join(common);
        for file in [common.join(&branch), common.join("packed-refs")] {
            if file.exists() {
                println!("cargo:rerun-if-changed={}", file.display());
            }
        }
    }
    Some(described)
}

/// The build of the app whose page is `index` (`<meta name="bogen-build">`, the same that the
/// app's page and service worker carry).
fn app_build(index: &str) -> Option<String> {
    let marker = "<meta name=\"bogen-build\" content=\"";
    let start = index.find(marker)? + marker.len();
    let end = index[start..].find('"')?;
    Some(index[start..start + end].to_owned()).filter(|b| !b.is_empty())
}

/// The text between `marker` and the next `'`.
fn quoted_after(text: &str, marker: &str) -> Option<String> {
    let start = text.find(marker)? + marker.len();
    let end = text[start..].find('\'')?;
    Some(text[start..start + end].to_owned())
}
