//! `bogen bundle`: one self-contained HTML file of the respondents' app with a questionnaire in
//! it, to send as an e-mail attachment. Opened from disk (`file://`), it needs no server and no
//! network.
//!
//! An e-mail attachment should be small, so the page is a few lines of bootstrap and four packed
//! parts — the wasm-bindgen JavaScript module, the WebAssembly module, the stylesheets and the
//! questionnaire (its signature included) — each deflate-compressed (zopfli) and written in
//! base 85 ([`ALPHABET`]): five characters for four bytes, where base64 takes 5⅓; for a module of
//! some 450 KiB that is 35 KiB less to send.
//! The bootstrap unpacks them with the browser's `DecompressionStream`, puts the stylesheets and
//! the questionnaire into the page (the questionnaire into the
//! `<script type="application/json" id="bogen-questionnaire">` element the app reads), imports
//! the JavaScript module from a `blob:` URL (allowed on `file://` pages, unlike `fetch` of a
//! file) and starts it with the WebAssembly bytes.
//!
//! The app comes from the release build that was in `dist/` when this binary was built (see
//! `build.rs`); the questionnaire is checked first, and a broken one is refused with the
//! messages of `bogen check`.

use anyhow::{bail, Context};
use bogen_engine::TrustedKeys;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The respondents' release app, embedded at build time.
pub struct EmbeddedApp {
    /// The wasm-bindgen JavaScript module.
    pub module: &'static str,
    /// The WebAssembly module (after wasm-opt).
    pub wasm: &'static [u8],
    /// The stylesheets, in the order the page loads them.
    pub stylesheets: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/embedded_app.rs"));

pub struct Options<'a> {
    pub questionnaire: &'a Path,
    pub output: Option<&'a Path>,
    pub force: bool,
}

pub fn run(options: &Options<'_>) -> anyhow::Result<ExitCode> {
    let app = match APP {
        Ok(app) => app,
        Err(why) => bail!(
            "this bogen carries no app to bundle: {why}. Get a bogen that does: scripts/release.sh makes one \
             (or scripts/build.sh, then cargo install --path crates/bogen-cli)"
        ),
    };
    let path = options.questionnaire;
    let text = crate::inputs::read_text_file(path)?;
    let name = path.display().to_string();
    if let Some(why) = crate::check::not_a_questionnaire(&text) {
        println!("{name}: {why}");
        eprintln!("{name}: not bundled");
        return Ok(ExitCode::from(1));
    }
    let questionnaire = match bogen_engine::compile(&text) {
        Ok(questionnaire) => questionnaire,
        Err(problems) => {
            print!("{}", problems.render(&name));
            eprintln!("{name}: not bundled: fix the problems above first (bogen check {name})");
            return Ok(ExitCode::from(1));
        }
    };
    let file_name =
        path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "questionnaire.json".into());
    let html = page(&app, &questionnaire, &text, &file_name)?;
    let target: PathBuf = match options.output {
        Some(output) => output.to_owned(),
        None => PathBuf::from(format!("{}.html", questionnaire.id)),
    };
    if target.exists() && !options.force {
        bail!("{} exists already; choose another name with -o, or replace it with --force", target.display());
    }
    std::fs::write(&target, &html).with_context(|| format!("could not write {}", target.display()))?;
    let gzip = gzip_size(html.as_bytes())?;
    // The keys the bundled app trusts are the ones compiled into it, which need not be this
    // checkout's list: read them from the app itself where they can be found.
    let (trusted, of_app) = match app_trusted_keys(app.wasm) {
        Some(keys) => (keys, true),
        None => (TrustedKeys::parse(crate::TRUSTED_KEYS).context("the built-in trusted-keys.json is broken")?, false),
    };
    println!(
        "{}: {} for questionnaire {} {} ({} KiB, {} KiB gzip)",
        target.display(),
        match &questionnaire.signature {
            bogen_engine::SignatureStatus::Signed(key) if trusted.find(key).is_none() => {
                format!("signed by {}, a key the app does not trust (the app will warn)", key.fingerprint())
            }
            bogen_engine::SignatureStatus::Signed(key) => format!("signed by {}", key.fingerprint()),
            bogen_engine::SignatureStatus::Unsigned => "not signed (the app will warn)".to_owned(),
            bogen_engine::SignatureStatus::Invalid(_) => "its signature does not hold (the app will warn)".to_owned(),
        },
        questionnaire.id,
        questionnaire.version,
        kib(html.len()),
        kib(gzip),
    );
    if let Some(warning) = untrusted_warning(&questionnaire.signature, &trusted, of_app) {
        eprintln!("warning: {}: {warning}", target.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// What to say when the questionnaire is signed by a key the bundled app does not trust.
/// `of_app`: the list was read from the app itself (else it is this checkout's, which the app
/// was most likely built with).
fn untrusted_warning(signature: &bogen_engine::SignatureStatus, trusted: &TrustedKeys, of_app: bool) -> Option<String> {
    let bogen_engine::SignatureStatus::Signed(key) = signature else {
        return None;
    };
    if trusted.find(key).is_some() {
        return None;
    }
    Some(format!(
        "the questionnaire is signed by {}, a key that the app in this file does not trust (it is not in {}): respondents \
         will see a red warning that the questionnaire may not come from the office. For the app to trust the key, a \
         developer adds its entry (bogen keygen printed it) to questionnaire/trusted-keys.json and builds the app and \
         bogen again (docs/OFFICE.md, section 2); then bundle again with the new bogen",
        key.fingerprint(),
        if of_app {
            "the trusted-keys.json the app was built with"
        } else {
            "questionnaire/trusted-keys.json"
        }
    ))
}

/// The list of trusted keys compiled into the app (`src/trust.rs` includes
/// `questionnaire/trusted-keys.json` as text, which stays whole in the WebAssembly's data), or
/// `None` when it cannot be found there.
fn app_trusted_keys(wasm: &[u8]) -> Option<TrustedKeys> {
    let marker = b"\"bogen-trusted-keys\"";
    let at = wasm.windows(marker.len()).position(|w| w == marker)?;
    let start = wasm[..at].iter().rposition(|&b| b == b'{')?;
    // The matching brace, skipping strings (a key's name may hold braces).
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, &b) in wasm.iter().enumerate().skip(start) {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'{') => depth += 1,
            (false, _, b'}') => {
                depth -= 1;
                if depth == 0 {
                    return TrustedKeys::parse(std::str::from_utf8(&wasm[start..=i]).ok()?).ok();
                }
            }
            _ => {}
        }
    }
    None
}

fn kib(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / 1024.0)
}

/// The single HTML page.
fn page(
    app: &EmbeddedApp,
    questionnaire: &bogen_engine::Questionnaire,
    questionnaire_text: &str,
    file_name: &str,
) -> anyhow::Result<String> {
    let pack = |bytes: &[u8]| deflate(bytes).map(|packed| format!("{}\", {}", base85(&packed), packed.len()));
    let module = pack(app.module.as_bytes())?;
    let wasm = pack(app.wasm)?;
    let styles = pack(compact_css(&app.stylesheets.join("\n")).as_bytes())?;
    let questionnaire_packed = pack(compact_json(questionnaire_text).as_bytes())?;
    let lang = questionnaire.default_lang();
    let title = escape_text(questionnaire.title.get(lang));
    Ok(format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="bogen bundle">
<title>{title}</title>
<link rel="icon" href="data:,">
<script type="application/json" id="bogen-questionnaire" data-file-name="{file_name}"></script>
</head>
<body>
<noscript>
<p lang="de">Bitte aktivieren Sie JavaScript, um den Fragebogen auszufüllen.</p>
<p lang="en">Please turn on JavaScript to fill in the questionnaire.</p>
</noscript>
<script type="module">
// Made by `bogen bundle`: the app and the questionnaire {id} {version}, each part deflated and
// base64-encoded. Unpacked here, in the browser, with nothing fetched from anywhere.
// Each part: [its deflated bytes in base 85, their number].
const packed = {{
  module: ["{module}],
  styles: ["{styles}],
  questionnaire: ["{questionnaire_packed}],
  wasm: ["{wasm}],
}};
const ALPHABET = "{alphabet}";
function fromBase85([text, length]) {{
  const value = new Uint8Array(128);
  for (let i = 0; i < ALPHABET.length; i++) value[ALPHABET.charCodeAt(i)] = i;
  const bytes = new Uint8Array(Math.ceil(length / 4) * 4);
  for (let i = 0, o = 0; i < text.length; i += 5, o += 4) {{
    let n = 0;
    for (let j = 0; j < 5; j++) n = n * 85 + value[text.charCodeAt(i + j)];
    bytes[o] = n >>> 24;
    bytes[o + 1] = (n >>> 16) & 255;
    bytes[o + 2] = (n >>> 8) & 255;
    bytes[o + 3] = n & 255;
  }}
  return bytes.subarray(0, length);
}}
async function unpack(part) {{
  const stream = new Blob([fromBase85(part)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream);
}}
try {{
  if (typeof DecompressionStream !== "function") throw new Error("DecompressionStream is missing");
  const [module, styles, questionnaire, wasm] = await Promise.all([
    unpack(packed.module).then((r) => r.text()),
    unpack(packed.styles).then((r) => r.text()),
    unpack(packed.questionnaire).then((r) => r.text()),
    unpack(packed.wasm).then((r) => r.arrayBuffer()),
  ]);
  const style = document.createElement("style");
  style.textContent = styles;
  document.head.append(style);
  document.getElementById("bogen-questionnaire").textContent = questionnaire;
  const url = URL.createObjectURL(new Blob([module], {{ type: "text/javascript" }}));
  const app = await import(url);
  URL.revokeObjectURL(url);
  await app.default({{ module_or_path: wasm }});
}} catch (error) {{
  console.error("bogen:", error);
  document.body.insertAdjacentHTML("beforeend",
    '<p lang="de">Dieser Browser kann den Fragebogen nicht öffnen. Bitte nehmen Sie einen aktuellen Browser (Chrome, Edge, Firefox oder Safari).</p>' +
    '<p lang="en">This browser cannot open the questionnaire. Please use a current browser (Chrome, Edge, Firefox or Safari).</p>');
}}
</script>
</body>
</html>
"#,
        lang = lang.code(),
        id = escape_text(&questionnaire.id),
        version = escape_text(&questionnaire.version),
        file_name = escape_attribute(file_name),
        alphabet = ALPHABET,
    ))
}

/// The 85 digits of the page's base 85: printable ASCII without `"` and `\\` (which would end or
/// escape the JavaScript string that holds them) and `<` (so no `</script>` can arise), in code
/// order, the last six left out.
const ALPHABET: &str = "!#$%&'()*+,-./0123456789:;=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwx";

/// `bytes` in base 85: each group of four bytes (big-endian, the last one padded with zeros) as five
/// digits of [`ALPHABET`], most significant first.
fn base85(bytes: &[u8]) -> String {
    let digits = ALPHABET.as_bytes();
    let mut out = String::with_capacity(bytes.len().div_ceil(4) * 5);
    for chunk in bytes.chunks(4) {
        let mut group = [0u8; 4];
        group[..chunk.len()].copy_from_slice(chunk);
        let mut n = u32::from_be_bytes(group);
        let mut five = [0u8; 5];
        for digit in five.iter_mut().rev() {
            *digit = digits[(n % 85) as usize];
            n /= 85;
        }
        out.extend(five.iter().map(|&d| d as char));
    }
    out
}

/// Raw deflate (RFC 1951), as `DecompressionStream("deflate-raw")` reads it, made by zopfli.
fn deflate(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut packed = Vec::new();
    let options = zopfli::Options {
        // Fewer rounds than zopfli's default 15: nearly the same size for a module of a few
        // hundred KiB, in a fraction of the time.
        iteration_count: std::num::NonZeroU64::new(5).unwrap_or(std::num::NonZeroU64::MIN),
        ..Default::default()
    };
    zopfli::compress(options, zopfli::Format::Deflate, bytes, &mut packed).context("compressing the app")?;
    Ok(packed)
}

fn gzip_size(bytes: &[u8]) -> anyhow::Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

/// The JSON text without the whitespace between its tokens: members, their order and every
/// string stay as written. The questionnaire's hash and signature are over its canonical form,
/// which this does not change; the indentation of a pretty-printed file cost 2 KiB of the
/// e-mail attachment.
fn compact_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// The stylesheets without their comments, indentation and empty lines (a comment's `/*` inside
/// a quoted string stays): the comments say why a rule is there, which the attachment need not
/// carry, and they cost 2 KiB of it.
fn compact_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out.lines().map(str::trim).filter(|line| !line.is_empty()).collect::<Vec<_>>().join("\n")
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn escape_attribute(text: &str) -> String {
    escape_text(text).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the page's `fromBase85` does, in Rust.
    fn from_base85(text: &str, length: usize) -> Vec<u8> {
        let mut bytes = Vec::new();
        for five in text.as_bytes().chunks(5) {
            let n = five.iter().fold(0u32, |n, &c| n * 85 + ALPHABET.bytes().position(|d| d == c).unwrap() as u32);
            bytes.extend(n.to_be_bytes());
        }
        bytes.truncate(length);
        bytes
    }

    #[test]
    fn the_trusted_keys_are_read_from_the_app_s_data() {
        let list = crate::TRUSTED_KEYS.replace("Projektbüro", "Projektbüro {mit Klammern}");
        let mut wasm = b"\0asm\x01junk{\"other\": 1}\0\0".to_vec();
        wasm.extend_from_slice(list.as_bytes());
        wasm.extend_from_slice(b"\0\0more data}");
        let keys = super::app_trusted_keys(&wasm).expect("found");
        assert_eq!(keys.0.len(), 1);
        assert_eq!(keys.0[0].name, "Projektbüro {mit Klammern} „Erfolgreiche Integration“");
        assert!(super::app_trusted_keys(b"\0asm no list here").is_none());
        // The app this bogen carries, when it carries one, has its list.
        if let Ok(app) = super::APP {
            assert!(super::app_trusted_keys(app.wasm).is_some(), "the app's trusted keys are not found in its wasm");
        }
    }

    #[test]
    fn a_key_the_app_does_not_trust_gets_a_warning_that_says_what_to_do() {
        let trusted = bogen_engine::TrustedKeys::parse(crate::TRUSTED_KEYS).unwrap();
        let other = bogen_engine::KeyPair::from_seed([7; 32]).public_key();
        let warning = super::untrusted_warning(&bogen_engine::SignatureStatus::Signed(other.clone()), &trusted, true)
            .expect("a warning");
        assert!(warning.contains(&other.fingerprint().to_string()), "{warning}");
        assert!(warning.contains("red warning"), "{warning}");
        assert!(warning.contains("a developer adds its entry") && warning.contains("builds the app and bogen again"));
        assert_eq!(super::untrusted_warning(&bogen_engine::SignatureStatus::Unsigned, &trusted, true), None);
        let office = trusted.0[0].public_key.clone();
        assert_eq!(super::untrusted_warning(&bogen_engine::SignatureStatus::Signed(office), &trusted, true), None);
    }

    #[test]
    fn base85_has_85_digits_safe_in_a_script_string_and_round_trips() {
        assert_eq!(ALPHABET.len(), 85);
        assert!(ALPHABET.bytes().all(|c| c.is_ascii_graphic() && !b"\"\\<".contains(&c)));
        let mut unique: Vec<u8> = ALPHABET.bytes().collect();
        unique.dedup();
        assert_eq!(unique.len(), 85, "in code order, each once");
        for length in [0usize, 1, 2, 3, 4, 5, 257] {
            let bytes: Vec<u8> = (0..length).map(|i| (i * 97 % 256) as u8).chain([0xff; 3]).take(length).collect();
            let text = base85(&bytes);
            assert_eq!(text.len(), length.div_ceil(4) * 5);
            assert_eq!(from_base85(&text, length), bytes, "{length} bytes");
        }
        assert_eq!(base85(&[0xff; 4]), base85(&[0xff, 0xff, 0xff, 0xff]));
        assert_eq!(from_base85(&base85(&[0xff; 8]), 8), vec![0xff; 8], "the largest group");
    }

    #[test]
    fn a_compacted_questionnaire_keeps_its_content_hash_and_signature() {
        let pretty = include_str!("../../../questionnaire/erfolgreiche-integration-2005.json");
        let compact = super::compact_json(pretty);
        assert!(compact.len() < pretty.len() * 3 / 4, "{} of {} bytes", compact.len(), pretty.len());
        let (a, b): (serde_json::Value, serde_json::Value) =
            (serde_json::from_str(pretty).unwrap(), serde_json::from_str(&compact).unwrap());
        assert_eq!(a, b);
        let (a, b) = (bogen_engine::compile(pretty).unwrap(), bogen_engine::compile(&compact).unwrap());
        assert_eq!(a.sha256, b.sha256);
        assert!(matches!(b.signature, bogen_engine::SignatureStatus::Signed(_)), "{:?}", b.signature);
        // Spaces inside strings, escaped quotes and backslashes stay.
        assert_eq!(super::compact_json("{ \"a b\" : [ \"x \\\" y\\\\\" , 1 ] }"), "{\"a b\":[\"x \\\" y\\\\\",1]}");
    }

    #[test]
    fn compacted_stylesheets_lose_comments_and_indentation_but_no_rule() {
        let css = "/* why */\n.a {\n  content: \"/* not a comment */\";\n  /* why not */ color: red;\n}\n\n.b::after { content: '*/' }\n";
        assert_eq!(
            super::compact_css(css),
            ".a {\ncontent: \"/* not a comment */\";\ncolor: red;\n}\n.b::after { content: '*/' }"
        );
        if let Ok(app) = super::APP {
            let all = app.stylesheets.join("\n");
            let compact = super::compact_css(&all);
            assert!(!compact.contains("/*"), "a comment is left");
            let rules = |css: &str| css.matches('{').count();
            assert_eq!(rules(&compact), rules(&all), "every rule stays");
        }
    }

    #[test]
    fn the_compressed_module_inflates_back() {
        let bytes: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        let packed = deflate(&bytes).unwrap();
        let mut back = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::DeflateDecoder::new(&packed[..]), &mut back).unwrap();
        assert_eq!(back, bytes);
    }
}
