//! The compiled questionnaire: ids resolved to indices, expressions parsed and type-checked,
//! texts per language, and the dependency graph. Built only by [`crate::compile()`].
//!
//! A [`Questionnaire`] is immutable and shared by every session that fills it.
//! Indices ([`QuestionIdx`], [`SectionIdx`]) are positions in its vectors and are stable for
//! its lifetime; ids ([`QuestionId`], [`SectionId`]) are the office's names and are what files store.

use crate::graph::Graph;
use crate::resolve::Expr;
use crate::text::{Lang, LocalizedText};
use std::collections::HashMap;
use std::fmt;

/// The office's id of a question, e.g. `inhabitants`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionId(pub String);

/// The office's id of a section, e.g. `municipality`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionId(pub String);

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Position of a question in [`Questionnaire::questions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionIdx(pub u32);

/// Position of a section in [`Questionnaire::sections`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionIdx(pub u32);

impl QuestionIdx {
    /// As a vector index.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

impl SectionIdx {
    /// As a vector index.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// A checked questionnaire, ready to be filled.
#[derive(Debug)]
pub struct Questionnaire {
    /// The questionnaire's stable id.
    pub id: String,
    /// The version of its content.
    pub version: String,
    /// Its languages; the first is the default.
    pub languages: Vec<Lang>,
    /// Title.
    pub title: LocalizedText,
    /// Introduction for the start page.
    pub introduction: Option<LocalizedText>,
    /// Submission instructions.
    pub submission: Option<Submission>,
    /// All sections in document order; a chapter comes before its sub-sections.
    pub sections: Vec<Section>,
    /// All top-level questions (not the fields of repeat groups) in document order.
    pub questions: Vec<Question>,
    pub(crate) graph: Graph,
    pub(crate) question_index: HashMap<String, QuestionIdx>,
    pub(crate) section_index: HashMap<String, SectionIdx>,
    /// How many conditions (visibleIf and requiredIf) the file holds, for summaries.
    pub n_conditions: usize,
    /// Lowercase hex SHA-256 of the file's canonical form (RFC 8785) without its `signature`
    /// member: what submissions name, so that the office knows which text was answered.
    pub sha256: String,
    /// Whether and by whom the file is signed.
    pub signature: SignatureStatus,
}

/// Whether a questionnaire file carries a valid signature. Whether the signer is trusted is
/// the caller's question ([`crate::signing::TrustedKeys`]).
#[derive(Debug, Clone, PartialEq)]
pub enum SignatureStatus {
    /// The file has no `signature` member.
    Unsigned,
    /// Signed by this key, and unchanged since.
    Signed(crate::signing::PublicKey),
    /// A signature that does not hold: changed after signing, or malformed.
    Invalid(crate::signing::SignatureError),
}

impl Questionnaire {
    /// Looks a question up by id.
    pub fn question_idx(&self, id: &str) -> Option<QuestionIdx> {
        self.question_index.get(id).copied()
    }

    /// Looks a section up by id.
    pub fn section_idx(&self, id: &str) -> Option<SectionIdx> {
        self.section_index.get(id).copied()
    }

    /// The question at `idx`.
    pub fn question(&self, idx: QuestionIdx) -> &Question {
        &self.questions[idx.get()]
    }

    /// The section at `idx`.
    pub fn section(&self, idx: SectionIdx) -> &Section {
        &self.sections[idx.get()]
    }

    /// The sections that are pages: sections without sub-sections, in document order.
    pub fn pages(&self) -> impl Iterator<Item = SectionIdx> + '_ {
        (0..self.sections.len() as u32).map(SectionIdx).filter(|&s| self.section(s).children.is_empty())
    }

    /// The default language.
    pub fn default_lang(&self) -> Lang {
        self.languages.first().copied().unwrap_or(Lang::De)
    }
}

/// Where and by when the finished submission goes.
#[derive(Debug, Clone)]
pub struct Submission {
    /// The office's e-mail address.
    pub email: String,
    /// The office's upload page.
    pub upload_url: Option<String>,
    /// The deadline, `YYYY-MM-DD`.
    pub deadline: Option<String>,
    /// Further instructions.
    pub instructions: Option<LocalizedText>,
    /// The question that names the respondent (a text question).
    pub name_question: Option<QuestionIdx>,
    /// The question that says what kind of respondent this is (a single choice).
    pub kind_question: Option<QuestionIdx>,
}

/// A section: a page of questions, or a chapter holding sub-sections.
#[derive(Debug)]
pub struct Section {
    /// The office's id.
    pub id: SectionId,
    /// Heading.
    pub title: LocalizedText,
    /// Text under the heading.
    pub description: Option<LocalizedText>,
    /// The chapter this section belongs to.
    pub parent: Option<SectionIdx>,
    /// Sub-sections (only for chapters).
    pub children: Vec<SectionIdx>,
    /// Questions directly in this section, in order.
    pub questions: Vec<QuestionIdx>,
    pub(crate) visible_if: Option<Expr>,
}

/// A question of the questionnaire, or a field of a repeat group's record.
#[derive(Debug)]
pub struct Question {
    /// The office's id (for a repeat field, unique within its group).
    pub id: QuestionId,
    /// The section it stands in.
    pub section: SectionIdx,
    /// The question text.
    pub label: LocalizedText,
    /// Help text.
    pub help: Option<LocalizedText>,
    /// Placeholder.
    pub placeholder: Option<LocalizedText>,
    /// Always required (while visible).
    pub required: bool,
    /// Whether it has a requiredIf condition.
    pub has_required_if: bool,
    /// Type and type-specific settings.
    pub kind: QuestionKind,
    /// The initial answer.
    pub default: Option<crate::answer::AnswerValue>,
    /// Custom messages for built-in checks.
    pub messages: Messages,
    /// Cross-field rules.
    pub rules: Vec<Rule>,
    pub(crate) visible_if: Option<Expr>,
    pub(crate) required_if: Option<Expr>,
}

/// A check the office wrote: an expression that must hold, and what to say when it does not.
#[derive(Debug)]
pub struct Rule {
    pub(crate) check: Expr,
    /// The office's message.
    pub message: LocalizedText,
}

/// Custom messages for the built-in checks.
#[derive(Debug, Default, Clone)]
pub struct Messages {
    /// Missing required answer.
    pub required: Option<LocalizedText>,
    /// Below min.
    pub min: Option<LocalizedText>,
    /// Above max.
    pub max: Option<LocalizedText>,
    /// Length out of range.
    pub length: Option<LocalizedText>,
    /// Pattern mismatch.
    pub pattern: Option<LocalizedText>,
    /// Malformed answer.
    pub format: Option<LocalizedText>,
}

/// An option of a choice, or a row of a matrix.
#[derive(Debug, Clone)]
pub struct ChoiceOption {
    /// Stored value.
    pub value: String,
    /// Shown label.
    pub label: LocalizedText,
}

/// A kind of text answer whose form is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    /// Free text.
    Plain,
    /// An e-mail address.
    Email,
    /// An http(s) URL.
    Url,
    /// A telephone number.
    Phone,
}

/// Type-specific settings of a question.
#[derive(Debug)]
pub enum QuestionKind {
    /// Short or long text, e-mail, URL or phone.
    Text {
        /// Several lines.
        multiline: bool,
        /// Which form is checked.
        format: TextFormat,
        /// Fewest characters.
        min_length: Option<u32>,
        /// Most characters.
        max_length: Option<u32>,
        /// Whole-text pattern (anchored at compile time).
        pattern: Option<regex_lite::Regex>,
    },
    /// Integer or decimal.
    Number {
        /// Whole numbers only.
        integer: bool,
        /// Smallest.
        min: Option<f64>,
        /// Largest.
        max: Option<f64>,
        /// Unit shown beside.
        unit: Option<LocalizedText>,
        /// Decimal places shown.
        decimals: Option<u32>,
    },
    /// One of the options.
    SingleChoice {
        /// Options.
        options: Vec<ChoiceOption>,
        /// Radio buttons or dropdown.
        dropdown: bool,
    },
    /// Any of the options.
    MultipleChoice {
        /// Options.
        options: Vec<ChoiceOption>,
        /// Offers "other, please specify".
        other: bool,
        /// Fewest selected.
        min_selected: Option<u32>,
        /// Most selected.
        max_selected: Option<u32>,
    },
    /// Yes or no.
    YesNo,
    /// A date.
    Date {
        /// Earliest, `YYYY-MM-DD`.
        min: Option<String>,
        /// Latest, `YYYY-MM-DD`.
        max: Option<String>,
    },
    /// Rows answered on one scale.
    Matrix {
        /// Rows.
        rows: Vec<ChoiceOption>,
        /// Scale.
        scale: Vec<ChoiceOption>,
    },
    /// A list of records.
    Repeat {
        /// The fields of one record; their `section` is the group's.
        fields: Vec<Question>,
        /// Fewest records.
        min_count: Option<u32>,
        /// Most records.
        max_count: Option<u32>,
        /// What one record is called.
        record_label: Option<LocalizedText>,
    },
    /// A read-only computed number.
    Calculated {
        /// Unit shown beside.
        unit: Option<LocalizedText>,
        /// Decimal places shown.
        decimals: Option<u32>,
        /// The expression.
        expr: Expr,
    },
}

impl QuestionKind {
    /// The options of a choice (empty for other kinds).
    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            QuestionKind::SingleChoice { options, .. } | QuestionKind::MultipleChoice { options, .. } => options,
            QuestionKind::Matrix { scale, .. } => scale,
            _ => &[],
        }
    }

    /// Whether the respondent types or picks the answer (everything but calculated values).
    pub fn takes_input(&self) -> bool {
        !matches!(self, QuestionKind::Calculated { .. })
    }
}
