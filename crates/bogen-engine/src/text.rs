//! Localised texts: what the respondent reads, in each of the questionnaire's languages.
//!
//! The engine never invents display text; it only carries the office's texts.
//! Default messages for violations live in the app (`src/i18n.rs`), keyed by violation kind.

use std::fmt;

/// A language the questionnaire is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// German, the default.
    De,
    /// English.
    En,
}

impl Lang {
    /// All languages the engine knows, in order of preference.
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The ISO 639-1 code, as used in questionnaire files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's name in that language, for a language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// Parses an ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in one or more languages. Lookup falls back to the first language given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LocalizedText {
    by_lang: Vec<(Lang, String)>,
    /// A plain string in the file counts as given for every language.
    plain: bool,
}

impl LocalizedText {
    /// The same text for every language.
    pub fn plain(text: impl Into<String>) -> LocalizedText {
        LocalizedText { by_lang: vec![(Lang::De, text.into())], plain: true }
    }

    /// Builds a text from (language, text) pairs; the first pair is the fallback.
    pub fn from_pairs(pairs: Vec<(Lang, String)>) -> LocalizedText {
        LocalizedText { by_lang: pairs, plain: false }
    }

    /// The text in `lang`, or in the fallback language when it is missing.
    pub fn get(&self, lang: Lang) -> &str {
        self.by_lang
            .iter()
            .find(|(l, _)| *l == lang)
            .or_else(|| self.by_lang.first())
            .map(|(_, text)| text.as_str())
            .unwrap_or("")
    }

    /// Whether a text was given explicitly for `lang` (a plain string counts for every language).
    pub fn has(&self, lang: Lang) -> bool {
        self.plain || self.by_lang.iter().any(|(l, _)| *l == lang)
    }
}
