//! The Bogen engine: questionnaires, expressions, answers, validation and drafts, with no IO.
//!
//! # Contract
//!
//! What the app and the CLI may rely on:
//!
//! - [`compile`] turns the text of a questionnaire file into a checked [`Questionnaire`], or
//!   returns *every* problem ([`Problems`]), each with a JSON path and a line and column.
//! - A [`Session`] holds one respondent's answers. Each change ([`Session::set_answer`],
//!   [`Session::set_record_field`], [`Session::add_record`], [`Session::remove_record`])
//!   re-evaluates only what the dependency graph says it reaches, and returns a [`ChangeSet`]
//!   naming the sections and questions whose state changed. Nothing else changed.
//! - Answers of hidden questions are kept in the session and in drafts, but are never validated
//!   and are left out of [`Session::visible_answers`].
//! - Violations are data ([`Violation`], [`ViolationKind`]); display text is the caller's job,
//!   except for messages the office wrote, which come as [`LocalizedText`].
//! - [`DraftFile`] is the versioned draft format (`docs/DRAFT.md`). A draft never loses an
//!   answer: [`DraftFile::restore`] opens a draft with any version of its questionnaire,
//!   carries every answer that fits (the compatibility table is in `docs/DRAFT.md`) and keeps
//!   the others aside ([`KeptAside`]: old question id, value as it was, version, reason), which
//!   [`Session::kept_aside`] holds and [`DraftFile::from_session`] writes back on every save.
//!   Drafts of format version 1 still open. [`RestoreReport`] says what carried, what was
//!   kept aside and whether the questionnaire changed since the draft was saved.
//! - Saving a draft: [`Session::stamp_changes`] with the time of saving (so that the typing path
//!   never needs a clock), then [`DraftFile::from_session`] with the draft's id, name, time and
//!   revision ([`DraftMeta`]). Before saving over a stored draft, [`DraftFile::compare_with`]
//!   tells whether another tab saved it since ([`SaveOrder`]).
//! - [`MergePlan::new`] compares the open draft with a colleague's draft file and lists every
//!   difference and addition before anything changes; [`MergePlan::apply`] builds the merged
//!   session from a choice per difference.
//! - [`submission`] is the signed submission format: [`create_submission`] signs a session's
//!   visible answers with a [`KeyPair`], [`verify_submission`] checks a file's signature and
//!   [`submission::check_against`] whether its answers fit the questionnaire. [`signing`] holds
//!   the scheme (RFC 8785 canonical form, Ed25519, fingerprints) shared with signed
//!   questionnaires, whose status a compiled [`Questionnaire`] carries ([`SignatureStatus`]).
//! - [`FileKind::of`] tells which of Bogen's files a parsed JSON document is (questionnaire,
//!   draft, submission, key file, list of trusted keys, or another), for every reader that
//!   refuses the others in its own words.
//!
//! Non-goals: no rendering, no storage, no clock, no randomness. The time of saving or signing
//! and the seed of a new key are passed in. This crate depends on no browser crate; a test checks that.
//!
//! # Where to start reading
//!
//! [`format`] (the file), then [`compile`](crate::compile()) (checks, graph), then [`session`]
//! (answers and incremental evaluation). The expression language is in [`expr`], [`resolve`]
//! and [`eval`]. Drafts: [`draft`], `carry` (how answers fit another questionnaire version)
//! and [`merge`].
#![deny(missing_docs)]

pub mod answer;
mod carry;
pub mod compile;
pub mod draft;
pub mod encoding;
mod eval;
pub mod expr;
pub mod file_kind;
pub mod format;
pub mod formats;
mod graph;
pub mod location;
pub mod merge;
pub mod model;
pub mod resolve;
pub mod schema;
pub mod session;
pub mod signing;
pub mod submission;
pub mod text;
mod time;
mod tree;
pub mod validate;

pub use answer::{parse_number_input, AnswerValue, DatePart, DateParts, DateProblem, Record, RecordId};
pub use compile::{compile, Problem, Problems};
pub use draft::{
    CarriedAnswer, Carry, DraftError, DraftFile, DraftMeta, Expected, KeptAside, KeptAsideReason, RestoreReport,
    SaveOrder,
};
pub use file_kind::FileKind;
pub use merge::{Addition, Difference, MergeError, MergePlan, Newer, RecordPair, Side};
pub use model::{
    ChoiceOption, Question, QuestionId, QuestionIdx, QuestionKind, Questionnaire, Section, SectionId, SectionIdx,
    SignatureStatus, TextFormat,
};
pub use session::{ChangeSet, EvaluationCounts, Progress, RestoreIssue, SectionStatus, Session};
pub use signing::{Fingerprint, KeyError, KeyPair, PublicKey, SignatureError, TrustedKeys};
pub use submission::{create_submission, verify_submission, SignedSubmission, SubmissionError, VerifiedSubmission};
pub use text::{Lang, LocalizedText};
pub use validate::{Violation, ViolationKind, ViolationLocation};
