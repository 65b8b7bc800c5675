//! The forms of text answers: e-mail addresses, web addresses and telephone numbers.
//!
//! E-mail follows the WHATWG HTML definition of a valid e-mail address, the rule the browser
//! itself applies to `<input type="email">`, so the engine and the browser agree; domain labels
//! may also hold non-ASCII letters (`rathaus@bürgeramt-müllheim.de`), which browsers accept by
//! converting them to punycode. `validator`'s e-mail and URL checks implement the same rules but
//! pull in `regex` with its Unicode tables, `url` and `idna`: +149 KB gzip (+46 %) of the wasm
//! bundle, measured. See ARCHITECTURE.md, "Dependencies and why".

/// Whether `text` is an e-mail address: `local@domain` with the HTML spec's characters.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local.chars().all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c));
    local_ok && domain.len() <= 255 && is_domain(domain)
}

/// Dot-separated labels of letters, digits and inner hyphens, each at most 63 characters.
fn is_domain(domain: &str) -> bool {
    !domain.is_empty()
        && domain.split('.').all(|label| {
            let n_chars = label.chars().count();
            (1..=63).contains(&n_chars)
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// Whether `text` is a web address: `http://` or `https://`, a host with a dot (or `localhost`),
/// an optional port, then a path, query or fragment without spaces.
pub fn is_web_address(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://")) else { return false };
    let end_of_host = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end_of_host);
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.len() <= 5 && port.chars().all(|c| c.is_ascii_digit()) => host,
        Some(_) => return false,
        None => authority,
    };
    let host_ok = host == "localhost" || (host.contains('.') && is_domain(host));
    host_ok && !tail.chars().any(char::is_whitespace)
}

/// A telephone number: digits with the usual separators, an optional leading `+`, 5 to 20 digits.
pub fn is_phone(text: &str) -> bool {
    let body = text.strip_prefix('+').unwrap_or(text);
    let n_digits = body.chars().filter(char::is_ascii_digit).count();
    body.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '/' | '(' | ')' | '.'))
        && (5..=20).contains(&n_digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_addresses_follow_the_html_definition() {
        for good in ["wettbewerb@example.org", "a.b+c@sub.example.de", "rathaus@bürgeramt-müllheim.de", "x@localhost"]
        {
            assert!(is_email(good), "{good} should be valid");
        }
        for bad in [
            "",
            "no-at.example.org",
            "@example.org",
            "a@",
            "a b@example.org",
            "a@-example.org",
            "a@example..org",
            "ä@example.org",
        ] {
            assert!(!is_email(bad), "{bad} should be invalid");
        }
    }

    #[test]
    fn web_addresses_need_a_scheme_and_a_host() {
        for good in
            ["https://www.stuttgart.de", "http://example.org/a?b=c#d", "https://localhost:8080/x", "https://münchen.de"]
        {
            assert!(is_web_address(good), "{good} should be valid");
        }
        for bad in [
            "www.stuttgart.de",
            "ftp://example.org",
            "https://",
            "https://example",
            "https://exa mple.org",
            "https://example.org/a b",
            "https://example.org:abc",
        ] {
            assert!(!is_web_address(bad), "{bad} should be invalid");
        }
    }

    #[test]
    fn phone_numbers_in_german_notation_are_accepted() {
        assert!(is_phone("+49 711 216-0"));
        assert!(is_phone("0711 / 216 0"));
        assert!(is_phone("(0711) 2160"));
        assert!(!is_phone("call me"));
        assert!(!is_phone("123"));
    }
}
