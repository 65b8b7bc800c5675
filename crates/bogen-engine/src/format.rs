//! The questionnaire file, format version 1: a serde mirror of the JSON the project office writes.
//!
//! These types are the *raw* stage. They are kept close to the file (every key the office may
//! write is a field here, unknown keys are rejected) and carry no meaning beyond shape:
//! ids are not resolved, expressions are plain strings, texts are not yet per language.
//! [`crate::compile`] turns them into the checked model in [`crate::model`].
//!
//! The JSON Schema in `questionnaire/questionnaire.schema.json` is generated from these types
//! (see [`crate::schema`]), so a doc comment here is also the hover text in an editor.
//!
//! Questions are one flat struct rather than an enum per type: serde cannot combine an
//! internally tagged enum with `deny_unknown_fields`, and a flat struct lets the compiler say
//! "`options` does not apply to a question of type `integer`" instead of serde's less helpful
//! "unknown field".

use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The format version this engine reads.
pub const FORMAT_VERSION: u32 = 1;

/// A questionnaire file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(title = "Bogen questionnaire (format version 1)")]
pub struct QuestionnaireFile {
    /// Optional link to this schema, for editors.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// Always `1` for this format.
    pub format_version: u32,
    /// Stable id of the questionnaire, e.g. `"erfolgreiche-integration-2005"`. Drafts and submissions carry it.
    pub id: String,
    /// Version of this questionnaire's content, e.g. `"1.0.0"`. Raise it when questions change.
    pub version: String,
    /// Languages every text is given in; the first is the default. Allowed: `"de"`, `"en"`.
    #[serde(default = "default_languages")]
    pub languages: Vec<String>,
    /// Title shown on the start page and in the browser tab.
    pub title: Text,
    /// Introduction shown on the start page (paragraphs separated by blank lines).
    #[serde(default)]
    pub introduction: Option<Text>,
    /// Where and by when the finished submission goes.
    #[serde(default)]
    pub submission: Option<SubmissionInstructions>,
    /// The sections, in order. Each becomes one page.
    pub sections: Vec<SectionFile>,
    /// The project office's signature, added by `bogen sign`: it covers everything else in the
    /// file (see docs/SUBMISSION.md). Do not edit it; sign the file again after a change.
    #[serde(default)]
    pub signature: Option<crate::signing::SignatureMember>,
}

fn default_languages() -> Vec<String> {
    vec!["de".to_owned()]
}

/// A user-visible text: either one plain string (used for every language) or a map from language to text.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// The same text in every language.
    Plain(String),
    /// One text per language code, e.g. `{"de": "Einwohner", "en": "Inhabitants"}`.
    ByLanguage(BTreeMap<String, String>),
}

/// How the finished submission reaches the project office.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SubmissionInstructions {
    /// The office's e-mail address for submissions.
    pub email: String,
    /// Optional upload page of the office.
    #[serde(default)]
    pub upload_url: Option<String>,
    /// Deadline as an ISO date, `YYYY-MM-DD`.
    #[serde(default)]
    pub deadline: Option<String>,
    /// Further instructions shown beside the export button.
    #[serde(default)]
    pub instructions: Option<Text>,
    /// The id of the text question that names the respondent (e.g. `"municipality_name"`): it
    /// names the submission file and the office's table rows.
    #[serde(default)]
    pub name_question: Option<String>,
    /// The id of the single-choice question that says what kind of respondent this is (e.g.
    /// `"municipality_kind"`), shown in the office's table.
    #[serde(default)]
    pub kind_question: Option<String>,
}

/// A section (one page), or a chapter holding sub-sections (one level only).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SectionFile {
    /// Unique id among all sections and questions, e.g. `"municipality"`.
    pub id: String,
    /// Heading of the page.
    pub title: Text,
    /// Text shown under the heading.
    #[serde(default)]
    pub description: Option<Text>,
    /// Expression: the section is shown only while this is true, e.g. `"application_round = '2'"`.
    #[serde(default)]
    pub visible_if: Option<String>,
    /// The questions of this section, in order.
    #[serde(default)]
    pub questions: Vec<QuestionFile>,
    /// Sub-sections (a chapter with its points). Sub-sections cannot have sub-sections.
    #[serde(default)]
    pub sections: Vec<SectionFile>,
}

/// The kind of a question, which decides its control and its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum QuestionType {
    /// One line of text.
    Text,
    /// Several lines of text; `maxLength` shows a counter.
    LongText,
    /// A whole number; `min`, `max`, `unit`.
    Integer,
    /// A decimal number; `min`, `max`, `unit`, `decimals`.
    Decimal,
    /// One of `options`, as radio buttons or a dropdown (`display`).
    SingleChoice,
    /// Any of `options`; `other` adds "other, please specify".
    MultipleChoice,
    /// Yes or no.
    YesNo,
    /// A date, `YYYY-MM-DD`; `min`, `max` as dates.
    Date,
    /// An e-mail address.
    Email,
    /// A web address (http or https).
    Url,
    /// A telephone number.
    Phone,
    /// `rows` each answered on one scale of `options`.
    Matrix,
    /// A list of records the respondent adds and removes; `fields`, `minCount`, `maxCount`.
    Repeat,
    /// A read-only value computed from `calculate`.
    Calculated,
}

/// How a single choice is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "camelCase")]
pub enum ChoiceDisplay {
    /// Radio buttons (the default; best for up to about seven options).
    #[default]
    Radio,
    /// A dropdown (for long lists such as the federal states).
    Dropdown,
}

/// A question. Which fields apply depends on `type`; the compiler rejects fields that do not apply.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct QuestionFile {
    /// Unique id, letters, digits and `_`, starting with a letter, e.g. `"inhabitants"`. Used in expressions.
    pub id: String,
    /// The kind of question.
    #[serde(rename = "type")]
    pub question_type: QuestionType,
    /// The question as the respondent reads it.
    pub label: Text,
    /// Help text shown under the label.
    #[serde(default)]
    pub help: Option<Text>,
    /// Placeholder shown in an empty field (an example, never an instruction).
    #[serde(default)]
    pub placeholder: Option<Text>,
    /// The question must be answered (while visible).
    #[serde(default)]
    pub required: bool,
    /// Expression: the question must be answered while this is true.
    #[serde(default)]
    pub required_if: Option<String>,
    /// Expression: the question is shown only while this is true.
    #[serde(default)]
    pub visible_if: Option<String>,
    /// Initial answer, of the question's answer type.
    #[serde(default)]
    pub default: Option<serde_json::Value>,
    /// Smallest allowed value: a number, or for dates a `YYYY-MM-DD` string.
    #[serde(default)]
    pub min: Option<serde_json::Value>,
    /// Largest allowed value: a number, or for dates a `YYYY-MM-DD` string.
    #[serde(default)]
    pub max: Option<serde_json::Value>,
    /// Unit shown beside a number, e.g. `"Einwohner"` or `"%"`.
    #[serde(default)]
    pub unit: Option<Text>,
    /// Decimal places shown for decimals and calculated values.
    #[serde(default)]
    pub decimals: Option<u32>,
    /// Fewest characters for texts.
    #[serde(default)]
    pub min_length: Option<u32>,
    /// Most characters for texts; long texts show a counter.
    #[serde(default)]
    pub max_length: Option<u32>,
    /// Regular expression the whole text answer must match.
    #[serde(default)]
    pub pattern: Option<String>,
    /// The options of a choice or the scale of a matrix.
    #[serde(default)]
    pub options: Vec<OptionFile>,
    /// Radio buttons or dropdown, for a single choice.
    #[serde(default)]
    pub display: Option<ChoiceDisplay>,
    /// Multiple choice: offer "other, please specify" with a text field.
    #[serde(default)]
    pub other: bool,
    /// Multiple choice: fewest options to select.
    #[serde(default)]
    pub min_selected: Option<u32>,
    /// Multiple choice: most options to select.
    #[serde(default)]
    pub max_selected: Option<u32>,
    /// Matrix: the rows, each answered on the scale in `options`.
    #[serde(default)]
    pub rows: Vec<OptionFile>,
    /// Repeat group: the fields of one record.
    #[serde(default)]
    pub fields: Vec<QuestionFile>,
    /// Repeat group: fewest records.
    #[serde(default)]
    pub min_count: Option<u32>,
    /// Repeat group: most records.
    #[serde(default)]
    pub max_count: Option<u32>,
    /// Repeat group: what one record is called, e.g. `{"de": "Maßnahme", "en": "Measure"}`.
    #[serde(default)]
    pub record_label: Option<Text>,
    /// Calculated value: the expression, e.g. `"foreign_residents / inhabitants * 100"`.
    #[serde(default)]
    pub calculate: Option<String>,
    /// Custom messages for the built-in checks, by check name.
    #[serde(default)]
    pub messages: Option<MessagesFile>,
    /// Further checks, each an expression that must be true.
    #[serde(default)]
    pub rules: Vec<RuleFile>,
}

/// A choice option (or matrix row).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct OptionFile {
    /// The value stored and exported, and used in expressions, e.g. `"landkreis"`.
    pub value: String,
    /// What the respondent sees.
    pub label: Text,
}

/// Custom messages that replace the built-in ones.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct MessagesFile {
    /// When a required answer is missing.
    #[serde(default)]
    pub required: Option<Text>,
    /// When a number or date is below `min`.
    #[serde(default)]
    pub min: Option<Text>,
    /// When a number or date is above `max`.
    #[serde(default)]
    pub max: Option<Text>,
    /// When a text is shorter than `minLength` or longer than `maxLength`.
    #[serde(default)]
    pub length: Option<Text>,
    /// When a text does not match `pattern`.
    #[serde(default)]
    pub pattern: Option<Text>,
    /// When the answer is not of the right form (number, e-mail, URL, phone, date).
    #[serde(default)]
    pub format: Option<Text>,
}

/// A cross-field check: `check` must be true, otherwise `message` is shown.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RuleFile {
    /// Expression that must be true, e.g. `"foreign_residents <= inhabitants"`.
    pub check: String,
    /// Message shown when the check fails.
    pub message: Text,
}
