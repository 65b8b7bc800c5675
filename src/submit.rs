//! Sending a signed submission, as pure functions (tested natively): the `mailto:` link to the
//! office, the name of a key file, and what can go wrong with an upload.
//!
//! A `mailto:` link cannot attach a file (RFC 6068 has no such header, and mail programs ignore
//! one), so the link only fills in address, subject and body; the page says to attach the file
//! by hand. Subject and body are percent-encoded the way `encodeURIComponent` does it (UTF-8
//! bytes, every byte outside `A–Z a–z 0–9 - _ . ! ~ * ' ( )` as `%XX`), and line breaks are
//! written as `%0D%0A` as RFC 6068 asks.
//!
//! The upload (`dom::upload`) posts the file as `multipart/form-data` with one part named
//! [`UPLOAD_FIELD`], carrying the file's name and the type [`SUBMISSION_MIME`].

/// The media type of a submission file, as downloaded and as uploaded.
pub const SUBMISSION_MIME: &str = "application/json";

/// The name of the form field that carries the file in an upload.
pub const UPLOAD_FIELD: &str = "file";

/// Percent-encodes `text` as JavaScript's `encodeURIComponent` does.
pub fn encode_uri_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        let unreserved = byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte);
        if unreserved {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A `mailto:` link to `to` with `subject` and `body` filled in. The address keeps its `@`;
/// anything else outside the unreserved characters is encoded, so an address cannot add
/// headers of its own.
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    let address = encode_uri_component(to.trim()).replace("%40", "@");
    // RFC 6068, section 5: line breaks in a body are CRLF.
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!("mailto:{address}?subject={}&body={}", encode_uri_component(subject), encode_uri_component(&body))
}

/// The name a key file is saved under: `bogen-schluessel-<fingerprint>.json`, so that two key
/// files are told apart by name and the fingerprint can be read without opening the file.
pub fn key_file_name(fingerprint: &str) -> String {
    format!("bogen-schluessel-{fingerprint}.json")
}

/// Why an upload did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadFailure {
    /// The server answered, but not with 2xx.
    Http {
        /// The HTTP status, e.g. 500.
        status: u16,
        /// Its status text, e.g. "Internal Server Error" (may be empty, as over HTTP/2).
        status_text: String,
    },
    /// No answer could be read: the network failed, the server is down, or it does not allow
    /// this page to read its answer (CORS). Browsers do not say which; the detail is theirs.
    Network(String),
    /// No answer, and the browser says it is offline: nothing to do with the server.
    Offline,
    /// The request could not even be made (the reason is the browser's).
    Request(String),
}

/// Whether an HTTP status means success.
pub fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_follows_encode_uri_component() {
        // The expected texts are what encodeURIComponent gives in a browser.
        assert_eq!(encode_uri_component("abc-_.!~*'()XYZ09"), "abc-_.!~*'()XYZ09");
        assert_eq!(encode_uri_component("a b&c=d?e#f/g+h"), "a%20b%26c%3Dd%3Fe%23f%2Fg%2Bh");
        assert_eq!(encode_uri_component("Großstadt „Köln“"), "Gro%C3%9Fstadt%20%E2%80%9EK%C3%B6ln%E2%80%9C");
        assert_eq!(encode_uri_component("100%\n"), "100%25%0A");
        assert_eq!(encode_uri_component("€"), "%E2%82%AC");
    }

    #[test]
    fn a_mailto_link_fills_in_address_subject_and_body_and_nothing_else() {
        let href = mailto("wettbewerb@example.org", "Bewerbung: Köln", "Zeile 1\nZeile 2 & mehr");
        assert_eq!(
            href,
            "mailto:wettbewerb@example.org?subject=Bewerbung%3A%20K%C3%B6ln&body=Zeile%201%0D%0AZeile%202%20%26%20mehr"
        );
        // An address cannot smuggle in headers of its own.
        let sneaky = mailto("a@b.de?bcc=x@y.de", "s", "b");
        assert!(sneaky.starts_with("mailto:a@b.de%3Fbcc%3Dx@y.de?subject=s&body=b"), "{sneaky}");
        assert_eq!(sneaky.matches('?').count(), 1);
    }

    #[test]
    fn key_files_are_named_after_their_fingerprint() {
        assert_eq!(key_file_name("M55N-WCQH-I2A2-DCGK"), "bogen-schluessel-M55N-WCQH-I2A2-DCGK.json");
    }

    #[test]
    fn only_2xx_is_success() {
        assert!(is_success(200) && is_success(201) && is_success(204));
        assert!(!is_success(199) && !is_success(301) && !is_success(404) && !is_success(500));
    }
}
