//! Bogen's filling app: a Yew client-side app that shows a questionnaire, keeps the answers
//! as a draft in the browser, checks them with the engine, and exports them signed.
//!
//! # Modules
//!
//! - [`app`]: the root components: which questionnaire is open ([`app::App`]), and the
//!   reducer of one open questionnaire with its effects ([`app::FormRoot`]).
//! - [`state`]: the state of filling (the session, version counters, errors on display),
//!   the reducer's actions and the context the components read.
//! - [`pages`], [`question`], [`layout`], [`draft_pages`]: what is drawn; [`inputs`]: the leaf
//!   controls, the only code that handles input events.
//! - [`storage`]: the only code that touches browser storage (several drafts per questionnaire,
//!   language, the signing key; which draft a tab has open; `navigator.storage.persist()`).
//! - [`picked`]: what a file chosen on a start page is meant to be (a draft, a questionnaire,
//!   or another file, refused in its own terms).
//! - [`drafts`]: the drafts of the open questionnaire: which one opens, the autosave with its
//!   check against another tab's save, the list of drafts, draft files (open as new, replace,
//!   merge), the answers kept aside; glue between storage, the engine and the reducer.
//! - [`keys`]: the signing key in the browser (found, made on the first export, saved to and
//!   loaded from a key file) and the signed export; [`trust`]: whether a questionnaire is signed
//!   by a trusted office key; [`submit`]: the `mailto:` link and upload details (pure).
//! - [`i18n`]: every interface text, German first, English second. [`format`]: numbers,
//!   dates and answers as text. [`dom`]: focus, title, URL, clock, random numbers, downloads
//!   and uploads, the questionnaire fetch index.html starts early. [`render_count`]: renders
//!   counted in debug builds, for the tests.
//!
//! # Implementation note: how state flows
//!
//! One [`bogen_engine::Session`] per open questionnaire lives in a [`state::Store`] behind
//! `Rc` + `RefCell`, owned by the `use_reducer` of [`app::FormRoot`]. It is never cloned.
//!
//! 1. A leaf control (e.g. [`inputs::TextInput`]) turns an `input` event into a `String`
//!    and calls its callback; the field ([`question::QuestionView`]) turns that into an
//!    answer and dispatches a [`state::Action`] (`Answer`, `RecordField`, `AddRecord`,
//!    `RemoveRecord`, each mirroring an engine call).
//! 2. The reducer calls the engine, which re-evaluates only what the dependency graph reaches
//!    and returns a [`bogen_engine::ChangeSet`]. The reducer bumps the version counter of
//!    exactly the questions and sections named there (and drops errors on display that were
//!    fixed), returns a new `FormState` with a new `revision`, and then tells the components
//!    that watch those questions ([`state::Store::watch`]) to redraw.
//! 3. Each [`question::QuestionView`] (props: index and language) watches its own question,
//!    so exactly the questions the `ChangeSet` names redraw: typing in one field of a
//!    2,000-question form redraws that field and what it affects (a calculated value, a
//!    question that appears), never the page or the form. `FormRoot` re-renders too, but the
//!    section page's props are only what makes up the page (section, language, whether it is
//!    shown, whether its error summary is open, read-only), so Yew skips it; its questions sit
//!    in chunks ([`pages::QuestionChunk`]) that the browser lays out only near the viewport,
//!    and the open error summary watches the errors on display. Records of a repeat group get
//!    their data as props, so only the edited record re-renders. In debug builds
//!    [`render_count`] counts renders, and a browser test checks all this.
//! 4. The context ([`state::FormContext`]) holds the store and the dispatcher and compares
//!    equal for the life of the form, so providing it never re-renders anything by itself.
//! 5. Side effects run after rendering, in `FormRoot`: the autosave (a gloo `Timeout` of
//!    400 ms re-armed by each change, flushed on `pagehide`/`visibilitychange`; the time of
//!    each change is stamped only then, so the typing path never reads a clock), the URL
//!    fragment (`#/abschnitt/<id>`, so reload and the back button work), and focus (the new
//!    page's heading, the error summary after Weiter, a field after "Ändern").
//!
//! # Drafts and other tabs
//!
//! A questionnaire has several drafts; one is open per tab ([`state::DraftHandle`], in the
//! store: the autosave reads and updates it). Every save first compares the stored draft's
//! revision with the last one this tab loaded or saved, and the window's `storage` event does
//! the same when another tab writes: when another tab saved (or deleted) the draft, this tab
//! writes nothing and becomes read-only ([`state::Conflict`]; the reducer refuses changes and
//! the page disables its fields) until the respondent loads the stored answers, merged with
//! this tab's where it holds some the stored draft may lack. Opening another draft (new, from
//! the list, from a file) saves the open one first and mounts a new `FormRoot` on it.
//!
//! Which questionnaire is open and the interface language are the app's two other pieces of
//! state, held by [`app::App`]: changing the language re-renders everything, and keeps the
//! session untouched.
//!
//! The signing key is part of the reducer's state ([`state::Signing`]): found in storage when
//! a form opens, and replaced only through actions (an export that made one, a key file the
//! respondent loaded and, where another key was kept, confirmed). Its private part never
//! leaves the browser except as a key file the respondent asks for.
//!
//! Nothing a questionnaire file contains is ever parsed as HTML: all texts are text nodes.

pub mod app;
pub mod dom;
pub mod draft_pages;
pub mod drafts;
pub mod format;
pub mod i18n;
pub mod inputs;
pub mod keys;
pub mod layout;
pub mod pages;
pub mod picked;
pub mod question;
pub mod render_count;
pub mod state;
pub mod storage;
pub mod submit;
pub mod trust;

pub use app::App;

/// The app's memory allocator in the browser: Talc instead of Rust's default there, dlmalloc.
/// The module is 2.9 KiB smaller (gzip), and the load and typing are no slower (ARCHITECTURE.md,
/// "Dependencies and why"). In the library, not the binary, so that the browser tests run on it
/// too.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Starts the app in `<body>`.
pub fn run() {
    // A panic (a bug, never bad input) is then reported in the console with its message.
    console_error_panic_hook::set_once();
    // `bench/` splits a load at the `bogen-load-*` marks: here, in `app::open_text` and `FormRoot`.
    crate::dom::performance_mark("bogen-load-running");
    crate::dom::follow_presses();
    yew::Renderer::<App>::new().render();
}
