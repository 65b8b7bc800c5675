//! The text of a file read from outside, whatever an editor or mail program made of it: UTF-8
//! (with or without a byte order mark), or UTF-16 with its byte order mark (what "Unicode" means
//! when an editor saves a file again). Files that are plainly no text (a PDF, an image, an
//! office document) are named as what they are, so that the message can say what was sent.
//!
//! JSON is defined on text, and hashes and signatures on its canonical form (RFC 8785), so a
//! file saved again in another encoding still verifies once it is read.

use std::borrow::Cow;
use std::fmt;

/// Why a file's bytes are no text this reader takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    /// A file of a known binary kind: "a PDF document", "a PNG image", ….
    Binary(&'static str),
    /// Neither UTF-8 nor UTF-16 with a byte order mark.
    Encoding {
        /// The first byte that is not UTF-8, counted from 1.
        byte: usize,
        /// Its line, counted from 1.
        line: usize,
    },
}

impl fmt::Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotText::Binary(what) => write!(f, "the file is {what}, not a JSON text file"),
            NotText::Encoding { byte, line } => write!(
                f,
                "the file is not UTF-8 text (byte {byte} is not, on line {line}); it was saved in another encoding"
            ),
        }
    }
}

/// The text of `bytes`, without a byte order mark.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, NotText> {
    if let Some(what) = binary_kind(bytes) {
        return Err(NotText::Binary(what));
    }
    if let Some(text) = utf16_with_bom(bytes) {
        return Ok(Cow::Owned(text));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        NotText::Encoding { byte: e.valid_up_to() + 1, line }
    })
}

/// Whether `bytes` start with a byte order mark (UTF-8, or UTF-16 either way round): a file's
/// own layout, which a tool that writes the file back (`bogen sign`) keeps.
pub fn has_byte_order_mark(bytes: &[u8]) -> bool {
    [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"].iter().any(|mark| bytes.starts_with(mark))
}

/// What a file that is plainly no text is, from its first bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 6] = [
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (or an office document such as .docx or .xlsx)"),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document (.doc or .xls)"),
    ];
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|&(_, what)| what)
}

/// The text of a UTF-16 file that starts with its byte order mark (little or big endian), or
/// `None` when it is no such file or not valid UTF-16 (then it is read as UTF-8, and fails).
fn utf16_with_bom(bytes: &[u8]) -> Option<String> {
    let (body, little_endian) = match bytes {
        [0xFF, 0xFE, body @ ..] => (body, true),
        [0xFE, 0xFF, body @ ..] => (body, false),
        _ => return None,
    };
    if body.len() % 2 != 0 {
        return None;
    }
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_bom_and_utf16_with_bom_read_the_same() {
        let text = "{\"name\": \"Gießen 🏛\"}";
        assert_eq!(decode(text.as_bytes()).unwrap(), text);
        assert_eq!(decode(format!("\u{feff}{text}").as_bytes()).unwrap(), text);
        for little_endian in [true, false] {
            let mut bytes: Vec<u8> = if little_endian { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
            for unit in text.encode_utf16() {
                bytes.extend(if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() });
            }
            assert_eq!(decode(&bytes).unwrap(), text, "little endian: {little_endian}");
        }
    }

    #[test]
    fn other_bytes_are_named_with_where_or_what_they_are() {
        assert_eq!(decode(b"{\n\"a\": \"\xff\"}"), Err(NotText::Encoding { byte: 9, line: 2 }));
        assert_eq!(decode(b"%PDF-1.7\n"), Err(NotText::Binary("a PDF document")));
        // UTF-16 without its byte order mark is not guessed at.
        let bytes: Vec<u8> = "{\"a\": \"ä\"}".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(matches!(decode(&bytes), Err(NotText::Encoding { .. })));
        assert_eq!(
            NotText::Encoding { byte: 9, line: 2 }.to_string(),
            "the file is not UTF-8 text (byte 9 is not, on line 2); it was saved in another encoding"
        );
    }
}
