//! Where a loaded questionnaire comes from: whether it is signed by one of the office keys the
//! app trusts (`questionnaire/trusted-keys.json`, compiled in), signed by another key, not
//! signed, or changed after signing. Pure; tested natively. The start page words the answer.
//!
//! A questionnaire can come from anywhere (a file, `?questionnaire=<url>`), and one that only
//! looks like the office's could collect answers for someone else. The engine checks the
//! signature when it compiles a questionnaire ([`SignatureStatus`]); whom to trust is the app's
//! decision, made here.

use bogen_engine::{Questionnaire, SignatureStatus, TrustedKeys};
use std::sync::OnceLock;

/// The trusted office keys, as committed.
pub const TRUSTED_KEYS_JSON: &str = include_str!("../questionnaire/trusted-keys.json");

/// The trusted keys, parsed once. A list that does not parse (a broken commit; a native test
/// guards against it) trusts no key, so every questionnaire is then shown with a warning.
pub fn trusted_keys() -> &'static TrustedKeys {
    static KEYS: OnceLock<TrustedKeys> = OnceLock::new();
    KEYS.get_or_init(|| TrustedKeys::parse(TRUSTED_KEYS_JSON).unwrap_or_default())
}

/// The origin of a questionnaire, as the start page reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Signed by a trusted key and unchanged since.
    Trusted {
        /// Whose key, e.g. "Projektbüro „Erfolgreiche Integration“".
        name: String,
        /// The key's fingerprint.
        fingerprint: String,
    },
    /// Signed, unchanged since, but by a key the app does not know.
    UnknownKey {
        /// The key's fingerprint, to ask the office about.
        fingerprint: String,
    },
    /// Not signed at all.
    Unsigned,
    /// A signature that does not hold: changed after signing, or damaged.
    Invalid {
        /// The engine's reason (English, technical).
        reason: String,
    },
}

/// The origin of `questionnaire` against `trusted`.
pub fn origin_with(questionnaire: &Questionnaire, trusted: &TrustedKeys) -> Origin {
    match &questionnaire.signature {
        SignatureStatus::Unsigned => Origin::Unsigned,
        SignatureStatus::Invalid(error) => Origin::Invalid { reason: error.to_string() },
        SignatureStatus::Signed(key) => match trusted.find(key) {
            Some(entry) => Origin::Trusted { name: entry.name.clone(), fingerprint: key.fingerprint().to_string() },
            None => Origin::UnknownKey { fingerprint: key.fingerprint().to_string() },
        },
    }
}

/// The origin of `questionnaire` against the committed trusted keys.
pub fn origin(questionnaire: &Questionnaire) -> Origin {
    // Only a signed questionnaire is compared with the keys. Reading them (a point
    // decompression and a SHA-256 per key, code run nowhere else on a load) would otherwise
    // sit on the way to the first page of every unsigned one.
    match questionnaire.signature {
        SignatureStatus::Signed(_) => origin_with(questionnaire, trusted_keys()),
        SignatureStatus::Unsigned | SignatureStatus::Invalid(_) => origin_with(questionnaire, &TrustedKeys::default()),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use bogen_engine::signing::sign_json_text;
    use bogen_engine::{compile, KeyPair};

    const UNSIGNED: &str = r#"{"formatVersion": 1, "id": "t", "version": "1", "title": "T",
        "sections": [{"id": "a", "title": "A", "questions": [{"id": "q", "type": "text", "label": "Q"}]}]}"#;

    #[test]
    fn the_committed_trusted_keys_parse_and_name_the_office() {
        let keys = TrustedKeys::parse(TRUSTED_KEYS_JSON).expect("questionnaire/trusted-keys.json parses");
        assert!(!keys.0.is_empty());
        assert_eq!(trusted_keys(), &keys);
    }

    #[test]
    fn the_default_questionnaire_is_signed_by_a_trusted_office_key() {
        let questionnaire =
            compile(include_str!("../questionnaire/erfolgreiche-integration-2005.json")).expect("compiles");
        match origin(&questionnaire) {
            Origin::Trusted { name, fingerprint } => {
                assert!(name.contains("Projektbüro"), "{name}");
                assert_eq!(fingerprint.len(), 19, "{fingerprint}");
            }
            other => panic!("the shipped questionnaire must be trusted, got {other:?}"),
        }
    }

    #[test]
    fn unsigned_unknown_and_changed_questionnaires_are_told_apart() {
        assert_eq!(origin(&compile(UNSIGNED).expect("compiles")), Origin::Unsigned);

        let stranger = KeyPair::from_seed([9; 32]);
        let signed = sign_json_text(UNSIGNED, &stranger).expect("signs");
        assert_eq!(
            origin(&compile(&signed).expect("compiles")),
            Origin::UnknownKey { fingerprint: stranger.public_key().fingerprint().to_string() }
        );

        // The same file, trusted when its key is on the list.
        let list = format!(
            r#"{{"format": "bogen-trusted-keys", "formatVersion": 1, "keys": [{}]}}"#,
            TrustedKeys::entry_json("Testbüro", &stranger.public_key())
        );
        let trusted = TrustedKeys::parse(&list).expect("parses");
        assert!(matches!(
            origin_with(&compile(&signed).expect("compiles"), &trusted),
            Origin::Trusted { name, .. } if name == "Testbüro"
        ));

        let changed = signed.replace("\"title\": \"T\"", "\"title\": \"Anders\"");
        assert_ne!(changed, signed);
        assert!(matches!(origin(&compile(&changed).expect("compiles")), Origin::Invalid { .. }));
    }
}
