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

/// Why a text is not a web address, so that the message can say what to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    /// It does not start with `http://` or `https://`.
    NoScheme,
    /// It holds a space (or another blank).
    Space,
    /// Nothing follows `https://` but a path, query or port.
    NoHost,
    /// The host name has no dot (`https://stadt`), and is not `localhost`.
    NoDot,
    /// The host name holds characters a host name cannot (`https://stadt_de.de`, `https://a..de`).
    BadHost,
    /// A `:` after the host name is not followed by a port number of up to five digits.
    BadPort,
}

/// Whether `text` is a web address: `http://` or `https://`, a host with a dot (or `localhost`),
/// an optional port, then a path, query or fragment without spaces.
pub fn is_web_address(text: &str) -> bool {
    web_address_problem(text).is_none()
}

/// What keeps `text` from being a web address ([`is_web_address`]), the first problem found in
/// the order a person reads it: the scheme, blanks, then the host name and its port.
pub fn web_address_problem(text: &str) -> Option<UrlProblem> {
    let Some(rest) = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://")) else {
        return Some(UrlProblem::NoScheme);
    };
    if rest.chars().any(char::is_whitespace) {
        return Some(UrlProblem::Space);
    }
    let end_of_host = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end_of_host];
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.len() <= 5 && port.chars().all(|c| c.is_ascii_digit()) => host,
        Some((host, _)) if !host.is_empty() => return Some(UrlProblem::BadPort),
        Some(_) => return Some(UrlProblem::NoHost),
        None => authority,
    };
    if host.is_empty() {
        Some(UrlProblem::NoHost)
    } else if host == "localhost" {
        None
    } else if !host.contains('.') {
        Some(UrlProblem::NoDot)
    } else if !is_domain(host) {
        Some(UrlProblem::BadHost)
    } else {
        None
    }
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
    fn a_web_address_that_is_refused_says_what_is_wrong_with_it() {
        assert_eq!(web_address_problem("www.stadt.de"), Some(UrlProblem::NoScheme));
        assert_eq!(web_address_problem("ftp://stadt.de"), Some(UrlProblem::NoScheme));
        assert_eq!(web_address_problem("http://x"), Some(UrlProblem::NoDot));
        assert_eq!(web_address_problem("http://stadt"), Some(UrlProblem::NoDot));
        assert_eq!(web_address_problem("https://www.stadt.de/ pfad"), Some(UrlProblem::Space));
        assert_eq!(web_address_problem("https://www.st adt.de"), Some(UrlProblem::Space));
        assert_eq!(web_address_problem("https://"), Some(UrlProblem::NoHost));
        assert_eq!(web_address_problem("https:///pfad"), Some(UrlProblem::NoHost));
        assert_eq!(web_address_problem("https://stadt_x.de"), Some(UrlProblem::BadHost));
        assert_eq!(web_address_problem("https://stadt..de"), Some(UrlProblem::BadHost));
        assert_eq!(web_address_problem("https://stadt.de:abc"), Some(UrlProblem::BadPort));
        assert_eq!(web_address_problem("https://www.stadt.de/pfad?a=b"), None);
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
