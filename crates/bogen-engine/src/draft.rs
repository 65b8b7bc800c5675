//! The draft file, format version 1: a respondent's answers in progress, as the browser keeps
//! them and as colleagues pass them on.
//!
//! A draft holds every answer, including those of hidden questions and those kept aside because
//! they fit no question: a draft never loses anything. The time of saving is passed in by the
//! caller, because the engine has no clock.

use crate::model::Questionnaire;
use crate::session::{RestoreIssue, Session};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The draft format this engine writes and reads.
pub const DRAFT_FORMAT_VERSION: u32 = 1;

/// A draft file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DraftFile {
    /// Always 1.
    pub format_version: u32,
    /// The questionnaire's id.
    pub questionnaire_id: String,
    /// The questionnaire's version when the draft was saved.
    pub questionnaire_version: String,
    /// When it was saved (ISO 8601, from the caller's clock).
    pub saved_at: String,
    /// Answers by question id.
    pub answers: BTreeMap<String, Json>,
}

/// Why a draft cannot be opened.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum DraftError {
    /// Not a draft file (with serde's reason and position).
    Malformed(String),
    /// A newer or unknown draft format.
    UnsupportedVersion(u32),
    /// The draft belongs to another questionnaire.
    OtherQuestionnaire {
        /// The draft's questionnaire id.
        draft: String,
        /// The loaded questionnaire's id.
        loaded: String,
    },
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DraftError::Malformed(reason) => write!(f, "not a Bogen draft file: {reason}"),
            DraftError::UnsupportedVersion(v) => {
                write!(f, "draft format version {v} is not supported (this version reads {DRAFT_FORMAT_VERSION})")
            }
            DraftError::OtherQuestionnaire { draft, loaded } => {
                write!(f, "the draft belongs to questionnaire \"{draft}\", not to \"{loaded}\"")
            }
        }
    }
}

impl DraftFile {
    /// Captures a session's answers.
    pub fn from_session(session: &Session, saved_at: &str) -> DraftFile {
        let questionnaire = session.questionnaire();
        DraftFile {
            format_version: DRAFT_FORMAT_VERSION,
            questionnaire_id: questionnaire.id.clone(),
            questionnaire_version: questionnaire.version.clone(),
            saved_at: saved_at.to_owned(),
            answers: session.answers_json(),
        }
    }

    /// Reads a draft from JSON text.
    pub fn parse(text: &str) -> Result<DraftFile, DraftError> {
        let draft: DraftFile = serde_json::from_str(text).map_err(|e| DraftError::Malformed(e.to_string()))?;
        if draft.format_version != DRAFT_FORMAT_VERSION {
            return Err(DraftError::UnsupportedVersion(draft.format_version));
        }
        Ok(draft)
    }

    /// The draft as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Opens the draft as a session of `questionnaire`.
    pub fn restore(&self, questionnaire: Arc<Questionnaire>) -> Result<(Session, Vec<RestoreIssue>), DraftError> {
        if self.questionnaire_id != questionnaire.id {
            return Err(DraftError::OtherQuestionnaire {
                draft: self.questionnaire_id.clone(),
                loaded: questionnaire.id.clone(),
            });
        }
        Ok(Session::restore(questionnaire, &self.answers))
    }
}
