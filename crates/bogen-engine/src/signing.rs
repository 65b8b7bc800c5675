//! Signatures: keys, fingerprints, the canonical form that is signed, and the `"signature"`
//! member that submissions and questionnaires carry.
//!
//! The scheme is the same for both kinds of file (see `docs/SUBMISSION.md`):
//!
//! 1. Take the JSON document without its top-level `"signature"` member.
//! 2. Write it in the canonical form of RFC 8785 (JCS): no whitespace, members sorted by their
//!    UTF-16 code units, numbers as ECMAScript writes them ([`canonical_bytes`]).
//! 3. Sign those UTF-8 bytes with Ed25519 (RFC 8032, [`KeyPair::sign`]).
//! 4. Add `"signature": {"algorithm": "Ed25519", "publicKey": <JWK>, "fingerprint": …, "value": …}`.
//!
//! A signature binds a file to a key. Which municipality or office a key belongs to is bound by
//! its [`Fingerprint`], which people compare over another channel (e-mail, telephone).
//!
//! No randomness and no clock here: a new key comes from a seed the caller draws
//! (`crypto.getRandomValues` in the browser, the operating system in the CLI), and times are
//! passed in. Everything read from outside is first parsed by [`parse_strict_json`], which
//! refuses what other JSON readers would read differently (duplicate keys) or could not bear
//! (huge or deeply nested files).

use crate::tree::from_tree;
use data_encoding::{BASE32_NOPAD, BASE64URL_NOPAD, HEXLOWER};
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::map::Entry;
use serde_json::{Map, Value as Json};
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::fmt;

/// The only algorithm: Ed25519 (RFC 8032).
pub const ALGORITHM: &str = "Ed25519";

/// The largest file the engine reads as a submission, key or questionnaire: 16 MiB. A
/// submission of a 2,000-question questionnaire with long texts stays far below it.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// The name of the member that holds the signature of a submission or questionnaire.
pub const SIGNATURE_MEMBER: &str = "signature";

// ---------------------------------------------------------------------------------------------
// Reading JSON from outside

/// Why a text could not be read as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// Not valid JSON (serde's reason, with its line and column).
    Syntax {
        /// What is wrong.
        reason: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::TooLarge { bytes } => write!(
                f,
                "the file is {} MiB; files larger than {} MiB are not read",
                bytes / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            JsonError::Syntax { reason, line, column } => {
                write!(f, "not JSON: {reason} at line {line}, column {column}")
            }
        }
    }
}

/// Parses JSON from outside: at most [`MAX_FILE_BYTES`], nested at most 128 levels (serde_json's
/// limit, so a hostile file cannot exhaust the stack), and no object with a key twice. RFC 8259
/// leaves duplicate keys to the reader; two readers that pick different values could then
/// disagree about what was signed, so they are refused.
pub fn parse_strict_json(text: &str) -> Result<Json, JsonError> {
    parse_json(text, None)
}

/// Parses JSON like [`parse_strict_json`], but reads an object with a key twice (the last one
/// counts, as in most readers) and lists the JSON path of every such key instead, so that a
/// questionnaire's author hears of all of them and of every other problem at once.
pub fn parse_json_listing_duplicates(text: &str) -> Result<(Json, Vec<String>), JsonError> {
    let duplicates = RefCell::new(Vec::new());
    let value = parse_json(text, Some(&duplicates))?;
    Ok((value, duplicates.into_inner()))
}

fn parse_json(text: &str, duplicates: Option<&RefCell<Vec<String>>>) -> Result<Json, JsonError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(JsonError::TooLarge { bytes: text.len() });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let seed = ValueSeed { path: None, duplicates };
    let value = seed.deserialize(&mut deserializer).and_then(|v| deserializer.end().map(|()| v));
    value.map_err(|e| {
        let message = e.to_string();
        let reason = match message.rfind(" at line ") {
            Some(cut) => message[..cut].to_owned(),
            None => message,
        };
        // serde_json's words for its nesting limit mean nothing to an office.
        let reason = if reason == "recursion limit exceeded" {
            "nested too deeply (more than 128 lists or objects inside each other; no Bogen file is)".to_owned()
        } else {
            reason
        };
        JsonError::Syntax { reason, line: e.line(), column: e.column() }
    })
}

/// Where a value stands, as a chain to the root; turned into text only for a duplicate key.
struct PathNode<'a> {
    parent: Option<&'a PathNode<'a>>,
    key: Option<&'a str>,
    index: usize,
}

fn path_text(node: Option<&PathNode<'_>>) -> String {
    let mut segments = Vec::new();
    let mut node = node;
    while let Some(n) = node {
        segments.push(match n.key {
            Some(key) => format!(".{key}"),
            None => format!("[{}]", n.index),
        });
        node = n.parent;
    }
    let text: String = segments.into_iter().rev().collect();
    text.strip_prefix('.').map(str::to_owned).unwrap_or(text)
}

/// Builds a `serde_json::Value`; a duplicate key is an error, or with `duplicates` a listed path.
struct ValueSeed<'a> {
    path: Option<&'a PathNode<'a>>,
    duplicates: Option<&'a RefCell<Vec<String>>>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Json;
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Json::Null, Json::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut list = Vec::new();
        loop {
            let node = PathNode { parent: self.path, key: None, index: list.len() };
            let seed = ValueSeed { path: Some(&node), duplicates: self.duplicates };
            match seq.next_element_seed(seed)? {
                Some(item) => list.push(item),
                None => return Ok(Json::Array(list)),
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = {
                let node = PathNode { parent: self.path, key: Some(&key), index: 0 };
                map.next_value_seed(ValueSeed { path: Some(&node), duplicates: self.duplicates })?
            };
            // One search of the map for both the check and the insertion.
            match object.entry(key) {
                Entry::Vacant(vacant) => {
                    vacant.insert(value);
                }
                Entry::Occupied(mut occupied) => {
                    let key = occupied.key();
                    match self.duplicates {
                        Some(list) => {
                            let node = PathNode { parent: self.path, key: Some(key), index: 0 };
                            list.borrow_mut().push(path_text(Some(&node)));
                        }
                        None => {
                            return Err(serde::de::Error::custom(format_args!(
                                "the key \"{key}\" appears twice in one object"
                            )))
                        }
                    }
                    occupied.insert(value);
                }
            }
        }
        Ok(Json::Object(object))
    }
}

// ---------------------------------------------------------------------------------------------
// The canonical form (RFC 8785)

/// Why a document has no canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanonicalError(pub String);

impl fmt::Display for CanonicalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no canonical form (RFC 8785): {}", self.0)
    }
}

/// The RFC 8785 (JCS) form of a JSON value, as UTF-8 bytes: what is hashed and signed.
///
/// RFC 8785 reads every number as an IEEE 754 double (I-JSON). serde_json keeps integers beyond
/// 2^53 exact, which a JavaScript or Python verifier would not; they are written here as the
/// double they are nearest to, as those verifiers do.
pub fn canonical_bytes(value: &Json) -> Result<Vec<u8>, CanonicalError> {
    let mut out = Vec::with_capacity(256);
    write_canonical(value, &mut out)?;
    Ok(out)
}

/// The canonical form of a document without its top-level `"signature"` member.
pub fn canonical_bytes_unsigned(document: &Map<String, Json>) -> Result<Vec<u8>, CanonicalError> {
    let mut out = Vec::with_capacity(256);
    write_canonical_object(document, Some(SIGNATURE_MEMBER), &mut out)?;
    Ok(out)
}

// Written straight from the tree into one buffer. (serde_json_canonicalizer, used before, went
// through serde's serializer, copied every member into a buffer of its own at each level and
// read every key back as JSON to sort it: 4 ms of the 2,000-question file's 25 ms load.) The
// output is the same byte for byte; a test compares the two on generated documents.

fn write_canonical(value: &Json, out: &mut Vec<u8>) -> Result<(), CanonicalError> {
    match value {
        Json::Null => out.extend_from_slice(b"null"),
        Json::Bool(true) => out.extend_from_slice(b"true"),
        Json::Bool(false) => out.extend_from_slice(b"false"),
        Json::Number(n) => write_canonical_number(n, out)?,
        Json::String(s) => write_canonical_string(s, out),
        Json::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out)?;
            }
            out.push(b']');
        }
        Json::Object(object) => write_canonical_object(object, None, out)?,
    }
    Ok(())
}

/// Every number as the double it is nearest to, written as ECMAScript writes it.
///
/// Out of line, as is the rare re-sort of an object's members below. V8 optimises the canonical
/// writer on every load of a questionnaire (it runs for every value of the file) on a thread
/// beside the load, on the same two cores: with the number formatting inlined, `write_canonical`
/// was 10.7 KB of optimised code, for the few numbers a questionnaire holds (2.8 KB without;
/// `--trace-wasm-compilation-times`).
#[inline(never)]
fn write_canonical_number(n: &serde_json::Number, out: &mut Vec<u8>) -> Result<(), CanonicalError> {
    match n.as_f64().filter(|f| f.is_finite()) {
        Some(f) => out.extend_from_slice(ryu_js::Buffer::new().format_finite(f).as_bytes()),
        None => return Err(CanonicalError("NaN and +/-Infinity are not permitted in JSON".to_owned())),
    }
    Ok(())
}

/// Members sorted by the UTF-16 code units of their keys. serde_json's map keeps them in the
/// order of their UTF-8 bytes, which is the same except for keys with characters from U+E000
/// up (UTF-8 lead bytes 0xEE and above): only an object with such a key is listed and sorted
/// again (most objects, none of whose keys has one, are written as they are).
fn write_canonical_object(
    object: &Map<String, Json>,
    skip: Option<&str>,
    out: &mut Vec<u8>,
) -> Result<(), CanonicalError> {
    let members = object.iter().filter(|(key, _)| Some(key.as_str()) != skip);
    // `is_ascii` first: core checks a word at a time, and keys are nearly always ASCII.
    if object.keys().any(|key| !key.is_ascii() && key.bytes().any(|b| b >= 0xEE)) {
        return write_members_in_utf16_order(members, out);
    }
    write_members(members, out)
}

#[inline(never)]
fn write_members_in_utf16_order<'a>(
    members: impl Iterator<Item = (&'a String, &'a Json)>,
    out: &mut Vec<u8>,
) -> Result<(), CanonicalError> {
    let utf16_less = |a: &str, b: &str| a.encode_utf16().lt(b.encode_utf16());
    let mut members: Vec<(&String, &Json)> = members.collect();
    if !members.windows(2).all(|pair| utf16_less(pair[0].0, pair[1].0)) {
        members.sort_unstable_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    }
    write_members(members.into_iter(), out)
}

fn write_members<'a>(
    members: impl Iterator<Item = (&'a String, &'a Json)>,
    out: &mut Vec<u8>,
) -> Result<(), CanonicalError> {
    out.push(b'{');
    for (i, (key, value)) in members.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_canonical_string(key, out);
        out.push(b':');
        write_canonical(value, out)?;
    }
    out.push(b'}');
    Ok(())
}

/// A string as JSON.stringify writes it: `"` and `\` escaped, control characters as `\b`,
/// `\f`, `\n`, `\r`, `\t` or `\u00xx`, everything else as it is.
fn write_canonical_string(s: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = s.as_bytes();
    // Most of a questionnaire's text needs no escape: that part is found eight bytes at a time
    // and copied as it is. Byte by byte, this loop had 5 % of the profiler's samples of the
    // questionnaire's compile in the browser, where V8 runs it in its baseline code.
    let mut plain = 0;
    for (i, &b) in bytes.iter().enumerate().skip(plain_prefix_len(bytes)) {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0c => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f => &[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]],
            _ => continue,
        };
        out.extend_from_slice(&bytes[plain..i]);
        out.extend_from_slice(escape);
        plain = i + 1;
    }
    out.extend_from_slice(&bytes[plain..]);
    out.push(b'"');
}

/// How many leading bytes of `bytes`, in whole words of eight, need no escape in a JSON string.
fn plain_prefix_len(bytes: &[u8]) -> usize {
    let mut len = 0;
    while let Some(word) = bytes.get(len..len + 8) {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        if word_needs_escape(word) {
            break;
        }
        len += 8;
    }
    len
}

/// Whether any of the eight bytes of `word` is a control character, `"` or `\`. (A byte below
/// `n` turns on its high bit in `word - n` while its own high bit is off; a byte equal to `c` is
/// a zero byte of `word ^ c`, below 1.)
fn word_needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_byte_below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH != 0;
    has_byte_below(word, 0x20)
        || has_byte_below(word ^ (ONES * u64::from(b'"')), 1)
        || has_byte_below(word ^ (ONES * u64::from(b'\\')), 1)
}

/// Lowercase hex: how the file formats write a hash (a questionnaire's `sha256`, for one).
pub fn hex(bytes: &[u8]) -> String {
    HEXLOWER.encode(bytes)
}

/// Lowercase hex of the SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    // Fed in pieces rather than in one call: sha2 hashes all full blocks of one `update` in one
    // call of its block function, and V8 moves a WebAssembly function from its baseline code to
    // optimized code only between calls. A questionnaire of 2,000 questions (450 KB) was hashed
    // in one call, all of it by the baseline code, at about 20 MB/s. In 4 KiB pieces the first
    // hash of 450 KB took 7–10 ms instead of 26 in Node's V8 (the later ones 1.3 ms either way).
    const PIECE: usize = 4096;
    let mut hasher = Sha256::new();
    for piece in bytes.chunks(PIECE) {
        hasher.update(piece);
    }
    hex(&hasher.finalize())
}

// ---------------------------------------------------------------------------------------------
// Keys and fingerprints

/// The short form of a public key that people read aloud and compare: the first 80 bits of the
/// SHA-256 of the 32 key bytes, in base32 (RFC 4648: `A`–`Z`, `2`–`7`, no `0`/`1`/`8` to mistake
/// for letters), in four groups of four, e.g. `K7QF-2M4X-PLA3-9…`. Finding another key with the
/// same fingerprint takes about 2^80 tries.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(String);

impl Fingerprint {
    fn of(public_key: &[u8; 32]) -> Fingerprint {
        let digest = Sha256::digest(public_key);
        let text = BASE32_NOPAD.encode(&digest[..10]);
        let groups: Vec<&str> = (0..4).map(|i| &text[i * 4..i * 4 + 4]).collect();
        Fingerprint(groups.join("-"))
    }

    /// As written, e.g. `K7QF-2M4X-PLA3-9ZRT`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a key (in a file, a JWK or a signature member) is not usable.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyError {
    /// The file is not JSON.
    NotJson(JsonError),
    /// JSON, but not a Bogen key file (the reason names the member).
    NotAKeyFile(String),
    /// A key file of a format version this engine does not read.
    UnsupportedVersion(u64),
    /// A JWK member is missing or wrong (the reason names it).
    BadJwk(String),
    /// The private and the public part do not belong together.
    Mismatch,
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::NotJson(e) => write!(f, "not a key file: {e}"),
            KeyError::NotAKeyFile(reason) => write!(f, "not a Bogen key file: {reason}"),
            KeyError::UnsupportedVersion(v) => {
                write!(f, "key file format version {v} is not supported (this version reads {KEY_FORMAT_VERSION})")
            }
            KeyError::BadJwk(reason) => write!(f, "not an Ed25519 key: {reason}"),
            KeyError::Mismatch => {
                f.write_str("the key file is damaged: its public part does not belong to its private part")
            }
        }
    }
}

/// A public Ed25519 key.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.fingerprint())
    }
}

impl PublicKey {
    /// The 32 bytes of the key.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The key from its 32 bytes; refuses bytes that are no point of the curve.
    pub fn from_bytes(bytes: &[u8]) -> Result<PublicKey, KeyError> {
        let bytes: [u8; 32] =
            bytes.try_into().map_err(|_| KeyError::BadJwk(format!("\"x\" holds {} bytes, not 32", bytes.len())))?;
        VerifyingKey::from_bytes(&bytes)
            .map(PublicKey)
            .map_err(|_| KeyError::BadJwk("\"x\" is not a point of the curve".to_owned()))
    }

    /// Its fingerprint.
    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint::of(&self.0.to_bytes())
    }

    /// The key as a JSON Web Key (RFC 8037): `{"kty": "OKP", "crv": "Ed25519", "x": …}`.
    pub fn to_jwk(&self) -> Jwk {
        Jwk { kty: "OKP".to_owned(), crv: ALGORITHM.to_owned(), x: BASE64URL_NOPAD.encode(&self.0.to_bytes()), d: None }
    }

    /// Reads the public part of a JWK.
    pub fn from_jwk(jwk: &Jwk) -> Result<PublicKey, KeyError> {
        if jwk.kty != "OKP" {
            return Err(KeyError::BadJwk(format!("\"kty\" is \"{}\", not \"OKP\"", jwk.kty)));
        }
        if jwk.crv != ALGORITHM {
            return Err(KeyError::BadJwk(format!("\"crv\" is \"{}\", not \"Ed25519\"", jwk.crv)));
        }
        let bytes = decode_base64url(&jwk.x).map_err(|reason| KeyError::BadJwk(format!("\"x\" {reason}")))?;
        PublicKey::from_bytes(&bytes)
    }

    /// Whether `signature` is this key's signature of `message`. Strict verification (RFC 8032
    /// section 5.1.7 with canonical encodings), so that a signature has exactly one valid form.
    pub fn verify(&self, message: &[u8], signature: &[u8; 64]) -> bool {
        let signature = ed25519_dalek::Signature::from_bytes(signature);
        self.0.verify_strict(message, &signature).is_ok()
    }
}

/// base64url without padding, strictly: a text with padding, other characters or stray bits is refused.
fn decode_base64url(text: &str) -> Result<Vec<u8>, String> {
    BASE64URL_NOPAD.decode(text.as_bytes()).map_err(|_| "is not base64url without padding".to_owned())
}

/// A JSON Web Key of type OKP (RFC 8037), as it stands in files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jwk {
    /// Always `"OKP"`.
    pub kty: String,
    /// Always `"Ed25519"`.
    pub crv: String,
    /// The public key, base64url without padding.
    pub x: String,
    /// The private key (only in key files), base64url without padding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub d: Option<String>,
}

/// A key pair: what a respondent's browser keeps, and what the office signs questionnaires with.
pub struct KeyPair(SigningKey);

impl fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never the private part, not even in a debug print.
        write!(f, "KeyPair({})", self.public_key().fingerprint())
    }
}

/// The key file format this engine writes and reads.
pub const KEY_FORMAT_VERSION: u64 = 1;

/// The `"format"` of a key file.
pub const KEY_FORMAT: &str = "bogen-key";

/// A key file: a key pair to keep (a backup, another machine).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct KeyFile {
    format: String,
    format_version: u64,
    created_at: String,
    fingerprint: String,
    private_key: Jwk,
}

impl KeyPair {
    /// The key pair of a 32-byte seed (RFC 8032's private key). The seed must come from a
    /// cryptographically secure random source; the caller draws it.
    pub fn from_seed(seed: [u8; 32]) -> KeyPair {
        KeyPair(SigningKey::from_bytes(&seed))
    }

    /// The public key.
    pub fn public_key(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    /// The signature of `message`.
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.0.sign(message).to_bytes()
    }

    /// The key file's text (pretty JSON). `created_at` comes from the caller's clock.
    pub fn to_key_file(&self, created_at: &str) -> String {
        let mut jwk = self.public_key().to_jwk();
        jwk.d = Some(BASE64URL_NOPAD.encode(&self.0.to_bytes()));
        let file = KeyFile {
            format: KEY_FORMAT.to_owned(),
            format_version: KEY_FORMAT_VERSION,
            created_at: created_at.to_owned(),
            fingerprint: self.public_key().fingerprint().to_string(),
            private_key: jwk,
        };
        serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
    }

    /// Reads a key file, checking that its parts belong together.
    pub fn from_key_file(text: &str) -> Result<KeyPair, KeyError> {
        let value = parse_strict_json(text).map_err(KeyError::NotJson)?;
        let object = value.as_object().ok_or_else(|| KeyError::NotAKeyFile("it is not a JSON object".to_owned()))?;
        match object.get("format").and_then(Json::as_str) {
            Some(KEY_FORMAT) => {}
            Some(other) => {
                return Err(KeyError::NotAKeyFile(format!("\"format\" is \"{other}\", not \"{KEY_FORMAT}\"")))
            }
            None => return Err(KeyError::NotAKeyFile(format!("it has no \"format\": \"{KEY_FORMAT}\""))),
        }
        match object.get("formatVersion").and_then(Json::as_u64) {
            Some(KEY_FORMAT_VERSION) => {}
            Some(v) => return Err(KeyError::UnsupportedVersion(v)),
            None => return Err(KeyError::NotAKeyFile("\"formatVersion\" is missing".to_owned())),
        }
        let file: KeyFile =
            from_tree(&value).map_err(|e| KeyError::NotAKeyFile(format!("{}: {}", e.path_text(), e.message())))?;
        let d = file.private_key.d.as_deref().ok_or_else(|| {
            KeyError::NotAKeyFile("\"privateKey\" has no private part \"d\" (is this a public key?)".to_owned())
        })?;
        let seed = decode_base64url(d).map_err(|reason| KeyError::BadJwk(format!("\"d\" {reason}")))?;
        let seed: [u8; 32] =
            seed.try_into().map_err(|s: Vec<u8>| KeyError::BadJwk(format!("\"d\" holds {} bytes, not 32", s.len())))?;
        let pair = KeyPair::from_seed(seed);
        let public = PublicKey::from_jwk(&file.private_key)?;
        if public != pair.public_key() || file.fingerprint != pair.public_key().fingerprint().as_str() {
            return Err(KeyError::Mismatch);
        }
        Ok(pair)
    }
}

// ---------------------------------------------------------------------------------------------
// The "signature" member

/// The `"signature"` member of a signed document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignatureMember {
    /// Always `"Ed25519"`.
    pub algorithm: String,
    /// The signer's public key as a JSON Web Key: `{"kty": "OKP", "crv": "Ed25519", "x": "<base64url>"}`.
    #[schemars(with = "serde_json::Value")]
    pub public_key: Jwk,
    /// The key's fingerprint, e.g. `"K7QF-2M4X-PLA3-9ZRT"`: what people compare.
    pub fingerprint: String,
    /// The 64-byte Ed25519 signature, base64url without padding.
    pub value: String,
}

/// Why a document's signature is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureError {
    /// The document has no `"signature"` member.
    Missing,
    /// The member is not of the documented shape (the reason names what).
    Malformed(String),
    /// Another algorithm than Ed25519.
    UnknownAlgorithm(String),
    /// The public key is not usable.
    BadKey(KeyError),
    /// The stated fingerprint is not the key's.
    FingerprintMismatch {
        /// What the file says.
        stated: String,
        /// What the key's fingerprint is.
        actual: Fingerprint,
    },
    /// The signature does not match: the document was changed after signing, or signed by another key.
    Invalid,
    /// The document has no canonical form.
    Canonical(CanonicalError),
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureError::Missing => f.write_str(
                "the file has no signature (no \"signature\" member), so nobody can tell who sent it or whether it was \
                 changed; ask for the signed submission, which the app exports on its review page",
            ),
            SignatureError::Malformed(reason) => write!(f, "the \"signature\" is malformed: {reason}"),
            SignatureError::UnknownAlgorithm(a) => {
                write!(f, "the signature algorithm \"{a}\" is not supported (only \"Ed25519\")")
            }
            SignatureError::BadKey(e) => write!(f, "the signature's public key is unusable: {e}"),
            SignatureError::FingerprintMismatch { stated, actual } => {
                write!(f, "the signature states the fingerprint {stated}, but its key's fingerprint is {actual}")
            }
            SignatureError::Invalid => {
                f.write_str("the signature does not match the content: the file was changed after it was signed")
            }
            SignatureError::Canonical(e) => write!(f, "{e}"),
        }
    }
}

/// Signs a JSON object: sets its `"signature"` member (replacing one that was there).
pub fn sign_document(document: &mut Map<String, Json>, key: &KeyPair) -> Result<(), CanonicalError> {
    let member = signature_of(document, key)?;
    let member = serde_json::to_value(member).map_err(|e| CanonicalError(e.to_string()))?;
    document.insert(SIGNATURE_MEMBER.to_owned(), member);
    Ok(())
}

/// The `"signature"` member that signs a JSON object (less a `"signature"` member it may have).
pub fn signature_of(document: &Map<String, Json>, key: &KeyPair) -> Result<SignatureMember, CanonicalError> {
    let message = canonical_bytes_unsigned(document)?;
    let public = key.public_key();
    Ok(SignatureMember {
        algorithm: ALGORITHM.to_owned(),
        public_key: public.to_jwk(),
        fingerprint: public.fingerprint().to_string(),
        value: BASE64URL_NOPAD.encode(&key.sign(&message)),
    })
}

/// Checks a JSON object's `"signature"` member against the rest of it; returns the signer's key.
pub fn verify_document(document: &Map<String, Json>) -> Result<PublicKey, SignatureError> {
    let member = document.get(SIGNATURE_MEMBER).ok_or(SignatureError::Missing)?;
    let member: SignatureMember = from_tree(member).map_err(|e| {
        let path = e.path_text();
        let reason = e.message().to_owned();
        SignatureError::Malformed(if path == "." { reason } else { format!("{path}: {reason}") })
    })?;
    let message = canonical_bytes_unsigned(document).map_err(SignatureError::Canonical)?;
    verify_signature(&member, &message)
}

/// Checks a `"signature"` member against the canonical form of the rest of its document
/// ([`canonical_bytes_unsigned`]), for a caller that has that form already (loading a
/// questionnaire hashes it too); returns the signer's key.
pub fn verify_signature(member: &SignatureMember, message: &[u8]) -> Result<PublicKey, SignatureError> {
    if member.algorithm != ALGORITHM {
        return Err(SignatureError::UnknownAlgorithm(member.algorithm.clone()));
    }
    if member.public_key.d.is_some() {
        // A private key in a file sent out is a leak, not a signature: refuse it loudly.
        return Err(SignatureError::Malformed(
            "\"publicKey\" contains a private key (\"d\"); this key must no longer be used".to_owned(),
        ));
    }
    let public = PublicKey::from_jwk(&member.public_key).map_err(SignatureError::BadKey)?;
    let actual = public.fingerprint();
    if member.fingerprint != actual.as_str() {
        return Err(SignatureError::FingerprintMismatch { stated: member.fingerprint.clone(), actual });
    }
    let signature =
        decode_base64url(&member.value).map_err(|reason| SignatureError::Malformed(format!("\"value\" {reason}")))?;
    let signature: [u8; 64] = signature
        .try_into()
        .map_err(|s: Vec<u8>| SignatureError::Malformed(format!("\"value\" holds {} bytes, not 64", s.len())))?;
    if public.verify(message, &signature) {
        Ok(public)
    } else {
        Err(SignatureError::Invalid)
    }
}

// ---------------------------------------------------------------------------------------------
// Trusted keys

/// The `"format"` of a list of trusted keys.
pub const TRUSTED_KEYS_FORMAT: &str = "bogen-trusted-keys";

/// Keys the app trusts to sign questionnaires (`questionnaire/trusted-keys.json`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrustedKeys(pub Vec<TrustedKey>);

/// One trusted key and whose it is.
#[derive(Debug, Clone, PartialEq)]
pub struct TrustedKey {
    /// Whose key it is, e.g. "Projektbüro Erfolgreiche Integration".
    pub name: String,
    /// The key.
    pub public_key: PublicKey,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TrustedKeysFile {
    format: String,
    format_version: u64,
    keys: Vec<TrustedKeyFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TrustedKeyFile {
    name: String,
    fingerprint: String,
    public_key: Jwk,
}

impl TrustedKeys {
    /// Reads a list of trusted keys; every key's stated fingerprint must be its own.
    pub fn parse(text: &str) -> Result<TrustedKeys, KeyError> {
        let value = parse_strict_json(text).map_err(KeyError::NotJson)?;
        let file: TrustedKeysFile =
            from_tree(&value).map_err(|e| KeyError::NotAKeyFile(format!("{}: {}", e.path_text(), e.message())))?;
        if file.format != TRUSTED_KEYS_FORMAT {
            return Err(KeyError::NotAKeyFile(format!(
                "\"format\" is \"{}\", not \"{TRUSTED_KEYS_FORMAT}\"",
                file.format
            )));
        }
        if file.format_version != 1 {
            return Err(KeyError::UnsupportedVersion(file.format_version));
        }
        let mut keys = Vec::with_capacity(file.keys.len());
        for (i, key) in file.keys.into_iter().enumerate() {
            let public_key =
                PublicKey::from_jwk(&key.public_key).map_err(|e| KeyError::NotAKeyFile(format!("keys[{i}]: {e}")))?;
            if key.fingerprint != public_key.fingerprint().as_str() {
                return Err(KeyError::NotAKeyFile(format!(
                    "keys[{i}]: the fingerprint {} is not the key's ({})",
                    key.fingerprint,
                    public_key.fingerprint()
                )));
            }
            keys.push(TrustedKey { name: key.name, public_key });
        }
        Ok(TrustedKeys(keys))
    }

    /// The entry for `public_key`, if it is trusted.
    pub fn find(&self, public_key: &PublicKey) -> Option<&TrustedKey> {
        self.0.iter().find(|k| &k.public_key == public_key)
    }

    /// One entry of the list, as JSON text to paste into `trusted-keys.json`.
    pub fn entry_json(name: &str, public_key: &PublicKey) -> String {
        let entry = TrustedKeyFile {
            name: name.to_owned(),
            fingerprint: public_key.fingerprint().to_string(),
            public_key: public_key.to_jwk(),
        };
        serde_json::to_string_pretty(&entry).unwrap_or_default()
    }
}

impl std::error::Error for JsonError {}
impl std::error::Error for CanonicalError {}
impl std::error::Error for KeyError {}
impl std::error::Error for SignatureError {}
impl std::error::Error for SignTextError {}

// ---------------------------------------------------------------------------------------------
// Signing a questionnaire file in place

/// Why a questionnaire file could not be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignTextError {
    /// The text is not JSON.
    NotJson(JsonError),
    /// The top level is not an object.
    NotAnObject,
    /// The document has no canonical form.
    Canonical(CanonicalError),
}

impl fmt::Display for SignTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignTextError::NotJson(e) => write!(f, "{e}"),
            SignTextError::NotAnObject => f.write_str("the file is not a JSON object"),
            SignTextError::Canonical(e) => write!(f, "{e}"),
        }
    }
}

/// Signs the text of a JSON document (a questionnaire) and returns the new text, keeping the
/// author's layout: a `"signature"` member already there is cut out, and the new one is added
/// as the last member. Only the top-level object is touched.
pub fn sign_json_text(text: &str, key: &KeyPair) -> Result<String, SignTextError> {
    // A byte order mark is skipped as `compile::read` skips it; the text returned has none.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value = parse_strict_json(text).map_err(SignTextError::NotJson)?;
    let mut document = match value {
        Json::Object(document) => document,
        _ => return Err(SignTextError::NotAnObject),
    };
    sign_document(&mut document, key).map_err(SignTextError::Canonical)?;
    // Written from the struct, so its members keep the documented order.
    let member: SignatureMember =
        document
            .get(SIGNATURE_MEMBER)
            .and_then(|m| serde_json::from_value(m.clone()).ok())
            .ok_or_else(|| SignTextError::Canonical(CanonicalError("the signature was not made".to_owned())))?;
    let spans = top_level_members(text).ok_or(SignTextError::NotAnObject)?;
    // Remove an old signature member together with the comma that joins it to a neighbour.
    let mut out = text.to_owned();
    if let Some(i) = spans.members.iter().position(|m| m.key == SIGNATURE_MEMBER) {
        let member_span = &spans.members[i];
        let (start, end) = if i > 0 {
            (spans.members[i - 1].end, member_span.end)
        } else if let Some(next) = spans.members.get(1) {
            (member_span.start, next.start)
        } else {
            (member_span.start, member_span.end)
        };
        out.replace_range(start..end, "");
    }
    let spans = top_level_members(&out).ok_or(SignTextError::NotAnObject)?;
    let pretty = serde_json::to_string_pretty(&member).unwrap_or_default().replace('\n', "\n  ");
    let insertion = match spans.members.last() {
        Some(last) => (last.end, format!(",\n  \"{SIGNATURE_MEMBER}\": {pretty}")),
        None => (spans.open + 1, format!("\n  \"{SIGNATURE_MEMBER}\": {pretty}\n")),
    };
    out.insert_str(insertion.0, &insertion.1);
    Ok(out)
}

/// Byte spans of the members of the top-level object of a valid JSON text.
struct MemberSpans {
    /// The offset of the opening `{`.
    open: usize,
    members: Vec<MemberSpan>,
}

struct MemberSpan {
    key: String,
    /// Offset of the key's opening quote.
    start: usize,
    /// Offset just after the value.
    end: usize,
}

/// Scans a valid JSON text for its top-level members. Strings are skipped with their escapes,
/// so braces inside texts do not count.
fn top_level_members(text: &str) -> Option<MemberSpans> {
    let bytes = text.as_bytes();
    let open = text.find('{')?;
    let mut members = Vec::new();
    let mut depth = 0usize;
    let mut i = open;
    // Per top-level member: where its key starts, the key, and whether the value began.
    let mut current: Option<(usize, String)> = None;
    let mut value_end = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 && current.is_none() {
                    let key: String = serde_json::from_str(text.get(start..=i)?).ok()?;
                    current = Some((start, key));
                } else if depth == 1 {
                    value_end = i + 1;
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 1 {
                    value_end = i + 1;
                }
                if depth == 0 {
                    if let Some((start, key)) = current.take() {
                        members.push(MemberSpan { key, start, end: value_end });
                    }
                    return Some(MemberSpans { open, members });
                }
            }
            b',' if depth == 1 => {
                if let Some((start, key)) = current.take() {
                    members.push(MemberSpan { key, start, end: value_end });
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' | b':' => {}
            _ if depth == 1 => value_end = i + 1,
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> KeyPair {
        KeyPair::from_seed([n; 32])
    }

    #[test]
    fn rfc_8032_test_1_signs_the_empty_message() {
        // RFC 8032, section 7.1, TEST 1.
        let seed = HEXLOWER.decode(b"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60").unwrap();
        let pair = KeyPair::from_seed(seed.try_into().unwrap());
        assert_eq!(
            HEXLOWER.encode(&pair.public_key().to_bytes()),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
        );
        assert_eq!(
            HEXLOWER.encode(&pair.sign(b"")),
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        );
    }

    #[test]
    fn a_key_file_round_trips_and_a_damaged_one_is_refused() {
        let pair = key(7);
        let text = pair.to_key_file("2026-11-27T10:00:00Z");
        let back = KeyPair::from_key_file(&text).unwrap();
        assert_eq!(back.public_key(), pair.public_key());
        // Another key's public part with this private part.
        let other = key(8).public_key().to_jwk().x;
        let damaged = text.replace(&pair.public_key().to_jwk().x, &other);
        assert_eq!(KeyPair::from_key_file(&damaged).unwrap_err(), KeyError::Mismatch);
        assert!(matches!(KeyPair::from_key_file("{}"), Err(KeyError::NotAKeyFile(_))));
        assert!(matches!(KeyPair::from_key_file("not json"), Err(KeyError::NotJson(_))));
        assert!(matches!(
            KeyPair::from_key_file(&text.replace("\"formatVersion\": 1", "\"formatVersion\": 9")),
            Err(KeyError::UnsupportedVersion(9))
        ));
    }

    #[test]
    fn fingerprints_are_four_groups_of_four_base32_characters() {
        let fingerprint = key(1).public_key().fingerprint();
        let text = fingerprint.as_str();
        assert_eq!(text.len(), 19, "{text}");
        assert!(text.split('-').all(|g| g.len() == 4 && g.chars().all(|c| matches!(c, 'A'..='Z' | '2'..='7'))));
        assert_ne!(key(2).public_key().fingerprint(), fingerprint);
    }

    #[test]
    fn duplicate_keys_and_deep_nesting_are_refused() {
        assert!(matches!(parse_strict_json(r#"{"a": 1, "a": 2}"#), Err(JsonError::Syntax { .. })));
        assert!(parse_strict_json(r#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}"#).is_ok());
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(matches!(parse_strict_json(&deep), Err(JsonError::Syntax { .. })));
    }

    #[test]
    fn a_signed_document_verifies_and_any_change_breaks_it() {
        let mut document: Map<String, Json> =
            serde_json::from_str(r#"{"b": [1, 2.5, "x"], "a": {"z": null, "y": true}}"#).unwrap();
        sign_document(&mut document, &key(3)).unwrap();
        assert_eq!(verify_document(&document).unwrap(), key(3).public_key());
        let mut changed = document.clone();
        changed.insert("c".into(), Json::from(1));
        assert_eq!(verify_document(&changed), Err(SignatureError::Invalid));
    }

    #[test]
    fn signing_a_text_keeps_its_layout_and_replaces_an_old_signature() {
        let text = "{\n  \"id\": \"x\",\n  \"list\": [1, {\"signature\": \"inner\"}],\n  \"t\": \"}{,\\\"\"\n}\n";
        let signed = sign_json_text(text, &key(4)).unwrap();
        assert!(signed.starts_with("{\n  \"id\": \"x\",\n  \"list\": [1, {\"signature\": \"inner\"}],\n  \"t\": \"}{,\\\"\",\n  \"signature\": {"));
        let document: Json = serde_json::from_str(&signed).unwrap();
        assert_eq!(verify_document(document.as_object().unwrap()).unwrap(), key(4).public_key());
        let again = sign_json_text(&signed, &key(5)).unwrap();
        let document: Json = serde_json::from_str(&again).unwrap();
        assert_eq!(verify_document(document.as_object().unwrap()).unwrap(), key(5).public_key());
        assert_eq!(again.matches("\"signature\": {").count(), 1);
        // A signature as the first member is removed with the comma after it.
        let first = "{\"signature\": {\"x\": 1}, \"id\": \"y\"}";
        let signed = sign_json_text(first, &key(4)).unwrap();
        assert!(signed.starts_with("{\"id\": \"y\",\n  \"signature\""), "{signed}");
        let empty = sign_json_text("{}", &key(4)).unwrap();
        assert!(serde_json::from_str::<Json>(&empty).is_ok(), "{empty}");
    }
}
