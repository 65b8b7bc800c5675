//! The engine's integration tests, one binary. Modules:
//!
//! - `support`: the `check` function every scenario test goes through (fixture + script → snapshot).
//! - `scenarios`: behaviour of sessions (visibility, calculations, validation, drafts), data-driven.
//! - `incremental`: what one change evaluates (counts of graph nodes), never how long it takes.
//! - `loading`: problems reported when loading, one test per rule.
//! - `corpus`: the broken questionnaires under the repository's `tests/broken/`, with exact messages.
//! - `properties`: proptest: random answer sequences never panic, and incremental equals full evaluation.
//! - `signatures`: RFC 8785 examples, signing and verifying submissions and questionnaires, tampering.
//! - `shipped`: every questionnaire under `questionnaire/` loads, and the committed JSON Schema is fresh.
//! - `tidy`: rules for the source tree (module docs, no unwrap in the engine, no ignored tests).

mod corpus;
mod incremental;
mod loading;
mod properties;
mod scenarios;
mod shipped;
mod signatures;
mod support;
mod tidy;
