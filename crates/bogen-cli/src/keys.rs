//! `bogen keygen` and `bogen sign`: the office's key, and signing questionnaires with it.

use anyhow::{bail, Context};
use bogen_engine::signing::sign_json_text;
use bogen_engine::{KeyPair, TrustedKeys};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// A new key from 32 bytes of the operating system's randomness.
pub fn new_key_pair() -> anyhow::Result<KeyPair> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| anyhow::anyhow!("the operating system gave no random bytes: {e}"))?;
    Ok(KeyPair::from_seed(seed))
}

pub fn keygen(output: &Path, name: &str) -> anyhow::Result<ExitCode> {
    let pair = new_key_pair()?;
    let text = pair.to_key_file(&crate::now_rfc3339());
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Only the owner may read a private key.
        options.mode(0o600);
    }
    let mut file = options.open(output).with_context(|| {
        if output.exists() {
            format!("{} exists already; choose another name (a key is never overwritten)", output.display())
        } else {
            format!("could not create {}", output.display())
        }
    })?;
    file.write_all(text.as_bytes()).with_context(|| format!("could not write {}", output.display()))?;
    let public = pair.public_key();
    println!("wrote {} (keep it secret: whoever has it can sign in your name)", output.display());
    println!("fingerprint: {}", public.fingerprint());
    println!("to make the app trust it, add this entry to the \"keys\" of questionnaire/trusted-keys.json:");
    println!("{}", TrustedKeys::entry_json(name, &public));
    Ok(ExitCode::SUCCESS)
}

pub fn sign(key: &Path, file: &Path, output: Option<&Path>) -> anyhow::Result<ExitCode> {
    let key_text =
        std::fs::read_to_string(key).with_context(|| format!("could not read the key file {}", key.display()))?;
    let pair = KeyPair::from_key_file(&key_text).with_context(|| format!("{} is not usable", key.display()))?;
    let text = crate::inputs::read_text_file(file)?;
    let name = file.display().to_string();
    if let Some(why) = crate::check::not_a_questionnaire(&text) {
        println!("{name}: {why}");
        eprintln!("{name}: not signed");
        return Ok(ExitCode::from(1));
    }
    // A broken questionnaire is refused with the messages of `bogen check`.
    if let Err(problems) = bogen_engine::compile(&text) {
        print!("{}", problems.render(&name));
        eprintln!("{name}: not signed: fix the problems above first (bogen check {name})");
        return Ok(ExitCode::from(1));
    }
    let signed = keep_layout(&text, sign_json_text(&text, &pair).with_context(|| format!("could not sign {name}"))?);
    let questionnaire = match bogen_engine::compile(&signed) {
        Ok(q) => q,
        Err(problems) => bail!("the signed file does not load (a bug):\n{}", problems.render(&name)),
    };
    let target = output.unwrap_or(file);
    std::fs::write(target, &signed).with_context(|| format!("could not write {}", target.display()))?;
    let trusted = TrustedKeys::parse(crate::TRUSTED_KEYS).context("the built-in trusted-keys.json is broken")?;
    let public = pair.public_key();
    println!("{}: signed by {} (sha256 {})", target.display(), public.fingerprint(), questionnaire.sha256);
    if trusted.find(&public).is_none() {
        println!(
            "note: this key is not in questionnaire/trusted-keys.json, so the app will warn that the questionnaire is not the office's"
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The signed text in the file's own style: a byte order mark kept, and CRLF line ends where
/// the file has them (the signature block is written with LF). JSON strings hold no raw line
/// breaks, so every line break is layout.
fn keep_layout(original: &str, signed: String) -> String {
    let mut signed = signed;
    if original.contains("\r\n") {
        signed = signed.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    if original.starts_with('\u{FEFF}') && !signed.starts_with('\u{FEFF}') {
        signed.insert(0, '\u{FEFF}');
    }
    signed
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_signed_file_keeps_its_line_ends_and_byte_order_mark() {
        let key = bogen_engine::KeyPair::from_seed([3; 32]);
        let text = "\u{FEFF}{\r\n  \"formatVersion\": 1, \"id\": \"t\", \"version\": \"1\", \"title\": \"T\",\r\n  \"sections\": [{\"id\": \"s\", \"title\": \"S\", \"questions\": [{\"id\": \"a\", \"type\": \"text\", \"label\": \"A\"}]}]\r\n}\r\n";
        let signed = super::keep_layout(text, bogen_engine::signing::sign_json_text(text, &key).unwrap());
        assert!(signed.starts_with('\u{FEFF}'));
        assert_eq!(signed.matches('\n').count(), signed.matches("\r\n").count(), "{signed:?}");
        assert!(signed.contains("\"signature\": {\r\n"), "{signed:?}");
        let questionnaire = bogen_engine::compile(&signed).unwrap();
        assert_eq!(questionnaire.signature, bogen_engine::SignatureStatus::Signed(key.public_key()));
        // A file with LF stays with LF.
        let lf = text.replace("\r\n", "\n");
        let signed = super::keep_layout(&lf, bogen_engine::signing::sign_json_text(&lf, &key).unwrap());
        assert!(!signed.contains('\r'));
    }
}
