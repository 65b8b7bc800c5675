//! The engine's integration tests, one binary. Modules:
//!
//! - `support`: the `check` function every scenario test goes through (fixture + script → snapshot).
//! - `scenarios`: behaviour of sessions (visibility, calculations, validation, drafts), data-driven.
//! - `drafts`: the draft format (version 2, reading version 1), saving, and how answers carry into each question type.
//! - `versions`: drafts across the two questionnaire versions under `tests/fixtures/versions/`.
//! - `merging`: merging a colleague's draft, for every question type.
//! - `incremental`: what one change evaluates (counts of graph nodes), never how long it takes.
//! - `loading`: problems reported when loading, one test per rule.
//! - `corpus`: the broken questionnaires under the repository's `tests/broken/`, with exact messages.
//! - `properties`: proptest: random answer sequences never panic, and incremental equals full evaluation.
//! - `signatures`: RFC 8785 examples, signing and verifying submissions and questionnaires, tampering.
//! - `fixtures`: the sample submissions made by the app (`tests/fixtures/submissions/`) verify and fit their questionnaire.
//! - `shipped`: every questionnaire under `questionnaire/` loads, and the committed JSON Schema is fresh.
//! - `tidy`: rules for the source tree (module docs, no unwrap in the engine, no ignored tests).

mod corpus;
mod drafts;
mod fixtures;
mod incremental;
mod loading;
mod merging;
mod properties;
mod scenarios;
mod shipped;
mod signatures;
mod support;
mod tidy;
mod versions;
