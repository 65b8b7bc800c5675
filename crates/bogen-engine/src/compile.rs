//! Loading: from the text of a questionnaire file to a checked [`Questionnaire`], or to the
//! complete list of its [`Problems`].
//!
//! The file is read in parts (the header, each section, each question, each repeat field) so
//! that one broken question does not hide the problems of the others. Every problem carries the
//! JSON path of what is wrong and, through [`PositionIndex`], its line and column.
//! Start reading at [`compile`]: [`read`], then [`Reading::compile`]. A caller with a faster
//! SHA-256 (the browser's) uses [`Reading::compile_unhashed`] and [`Unhashed::hashed`] instead.
//!
//! The load is on the way to a respondent's first typed character, and in the browser its
//! WebAssembly memory never shrinks, so it is kept lean: each question's model is built as
//! soon as its part of the file is read, with the texts, options and ids moved (not copied)
//! out of the file types; only the expressions and defaults wait for the later passes
//! (`Exprs`); JSON paths are written out only for a problem. The high-water mark of the
//! memory is now set while the parsed JSON tree is whole (the hash and signature need all of
//! it): about 3 MB for the 500 KB file of 2,000 questions. `examples/load_measure.rs` measures
//! time, peak and allocations natively.

use crate::answer::{answer_from_json, AnswerValue};
use crate::expr;
use crate::format::{
    ChoiceDisplay, MessagesFile, OptionFile, QuestionFile, QuestionType, QuestionnaireFile, RuleFile, SectionFile,
    Text, FORMAT_VERSION,
};
use crate::graph::{GraphBuilder, Node};
use crate::location::{LineCol, PositionIndex};
use crate::model::{
    ChoiceOption, Messages, Question, QuestionId, QuestionIdx, QuestionKind, Questionnaire, Rule, Section, SectionId,
    SectionIdx, SignatureStatus, Submission, TextFormat,
};
use crate::resolve::{is_iso_date, resolve, suggestion, Expr, Scope, Type};
use crate::signing::{
    canonical_bytes_unsigned, parse_json_listing_duplicates, sha256_hex, verify_signature, CanonicalError, JsonError,
    SignatureError, SignatureMember, SIGNATURE_MEMBER,
};
use crate::text::{Lang, LocalizedText};
use crate::tree::{from_tree, Segment};
use crate::validate::{describe_violation, intrinsic, Violation, ViolationLocation};
use serde::de::DeserializeOwned;
use serde_json::Value as Json;
use std::collections::HashMap;
use std::fmt;

/// One thing wrong with a questionnaire file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    /// JSON path, e.g. `sections[2].questions[5].visibleIf`; empty for the whole file.
    pub path: String,
    /// Line and column in the file, where known.
    pub position: Option<LineCol>,
    /// What is wrong, lowercase, quoting the offending value.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "(file)" } else { &self.path };
        write!(f, "{path}: {}", self.message)
    }
}

/// Every problem of a questionnaire file, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Renders each problem as `FILE:line:col: path: message`, one per line.
    pub fn render(&self, file_name: &str) -> String {
        self.0.iter().map(|problem| problem.render(file_name) + "\n").collect()
    }
}

impl Problem {
    /// `FILE:line:col: path: message` (`FILE: path: message` without a position), no line break.
    pub fn render(&self, file_name: &str) -> String {
        match self.position {
            Some(p) => format!("{file_name}:{}:{}: {self}", p.line, p.col),
            None => format!("{file_name}: {self}"),
        }
    }
}

/// Reads, checks and compiles a questionnaire file.
pub fn compile(text: &str) -> Result<Questionnaire, Problems> {
    read(text)?.compile()
}

/// The first step of [`compile`]: the file parsed, and its canonical form (RFC 8785) written.
///
/// The steps are apart so that the browser app can hash that form with the browser's own
/// SHA-256 (WebCrypto) on another thread while the engine compiles: the `sha2` crate compiled
/// to WebAssembly runs in V8's baseline code until its optimised code is ready, and hashing
/// the 450 KB of a 2,000-question file cost about 7 ms of the main thread on the way to the
/// first typed character. [`Reading::compile`] finishes with the engine's hash;
/// [`Reading::compile_unhashed`] then [`Unhashed::hashed`] with the caller's.
///
/// Fails only when the text is not JSON (or too large); every other problem is reported by
/// [`Reading::compile`], all at once.
pub fn read(text: &str) -> Result<Reading<'_>, Problems> {
    // A byte order mark is no part of the JSON (RFC 8259 lets readers skip it); some editors
    // write one. The hash and the signature are over the canonical form, so they do not change.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let (mut root, duplicates) = match parse_json_listing_duplicates(text) {
        Ok(parsed) => parsed,
        Err(JsonError::Syntax { reason, line, column }) => {
            return Err(Problems(vec![Problem {
                path: String::new(),
                position: Some(LineCol { line, col: column }),
                message: format!("not valid JSON: {reason}"),
            }]));
        }
        Err(e) => return Err(Problems(vec![Problem { path: String::new(), position: None, message: e.to_string() }])),
    };
    let mut compiler = Compiler {
        problems: Vec::new(),
        languages: vec![Lang::De],
        languages_given: false,
        undeclared: Vec::new(),
        unreadable: Vec::new(),
        section_paths: Vec::new(),
    };
    for path in duplicates {
        let key = path.rsplit('.').next().unwrap_or(&path).to_owned();
        // Readers differ on which of the two counts (this one takes the last): a signed
        // questionnaire must mean the same to everyone.
        compiler.problem(&path, format!("the key \"{key}\" appears twice in this object; keep one"));
    }
    // The canonical form is made once: it is hashed, and it is what the signature signs.
    let canonical = root.as_object_mut().map(|object| canonical_bytes_unsigned(object));
    Ok(Reading { text, root, compiler, canonical })
}

/// A questionnaire file parsed by [`read`], not yet checked.
pub struct Reading<'a> {
    text: &'a str,
    root: Json,
    compiler: Compiler,
    /// `None` when the file is not a JSON object (`compile` says so).
    canonical: Option<Result<Vec<u8>, CanonicalError>>,
}

impl Reading<'_> {
    /// The bytes whose SHA-256 is the questionnaire's [`Questionnaire::sha256`]: its canonical
    /// form without the `"signature"` member. `None` when it has none (the file is not an
    /// object, or holds a number JSON cannot carry); `compile` then reports why.
    pub fn canonical(&self) -> Option<&[u8]> {
        self.canonical.as_ref()?.as_ref().ok().map(Vec::as_slice)
    }

    /// Checks the file and compiles it, hashed here: every problem, or the questionnaire.
    pub fn compile(self) -> Result<Questionnaire, Problems> {
        self.check(true).map(|Unhashed(questionnaire)| questionnaire)
    }

    /// Checks the file and compiles it, for a caller that hashes [`Reading::canonical`] itself
    /// (and so has taken its copy of the bytes) and hands the hash to [`Unhashed::hashed`].
    pub fn compile_unhashed(self) -> Result<Unhashed, Problems> {
        self.check(false)
    }

    fn check(self, hash_here: bool) -> Result<Unhashed, Problems> {
        let Reading { text, mut root, mut compiler, canonical } = self;
        let signature = compiler.signature(&mut root, canonical.as_ref());
        // The canonical form is done with (hashed, its signature checked) before the questions
        // are built: the model is not built beside the bytes, whose room WebAssembly's memory
        // would keep.
        let sha256 = match &canonical {
            Some(Ok(bytes)) if hash_here => sha256_hex(bytes),
            _ => String::new(),
        };
        let has_canonical = matches!(canonical, Some(Ok(_)));
        drop(canonical);
        let questionnaire = compiler.questionnaire(root);
        compiler.count_undeclared_languages();
        let mut problems = compiler.problems;
        match questionnaire {
            Some(mut questionnaire) if has_canonical && problems.is_empty() => {
                questionnaire.signature = signature;
                questionnaire.sha256 = sha256;
                Ok(Unhashed(questionnaire))
            }
            _ => {
                // Positions are looked up only now: a valid file never pays for indexing its text.
                let positions = PositionIndex::new(text);
                for problem in &mut problems {
                    problem.position = positions.nearest(&problem.path);
                }
                problems.sort_by_key(|p| p.position.map(|p| (p.line, p.col)));
                if problems.is_empty() {
                    problems.push(Problem {
                        path: String::new(),
                        position: None,
                        message: "the file could not be read".to_owned(),
                    });
                }
                Err(Problems(problems))
            }
        }
    }
}

/// A compiled questionnaire waiting for the SHA-256 of its canonical form
/// ([`Reading::compile_unhashed`]).
pub struct Unhashed(Questionnaire);

impl Unhashed {
    /// The questionnaire with its hash: the lowercase hex SHA-256 of [`Reading::canonical`], as
    /// the caller computed it.
    pub fn hashed(self, sha256: String) -> Questionnaire {
        let Unhashed(mut questionnaire) = self;
        questionnaire.sha256 = sha256;
        questionnaire
    }
}

struct Compiler {
    /// Problems found so far; their positions are filled in at the end.
    problems: Vec<Problem>,
    languages: Vec<Lang>,
    /// Whether the file has `"languages"` (else it is German only).
    languages_given: bool,
    /// Each language used in a text but not declared: its code, its problem (the first text
    /// that uses it) and how many texts use it after that. One problem per language, not one
    /// per text: a misspelt `"languages"` would otherwise bury itself under hundreds.
    undeclared: Vec<(String, usize, usize)>,
    /// Ids of questions whose definition could not be read: an expression naming one is no
    /// second problem (`minCount: "1"` made the group's `count(children)` "unknown" too).
    unreadable: Vec<String>,
    /// JSON path of each section, by index.
    section_paths: Vec<String>,
}

/// The JSON path of a question read in pass 1, e.g. `sections[2].questions[5]`.
fn question_path(section_paths: &[String], question: &Pending) -> String {
    let section = section_paths.get(question.section.get()).map_or("", String::as_str);
    format!("{section}.questions[{}]", question.index)
}

/// Which graph node of a question an expression belongs to (e.g. `Node::QuestionVisible` for `visibleIf`).
type NodeOf = fn(QuestionIdx) -> Node;

/// Where something is in the file, written out as a JSON path only when a problem names it:
/// the paths of every question and expression of a valid file were 10,000 of the load's 87,000
/// allocations, and their formatting on top.
type PathOf<'a> = &'a dyn Fn() -> String;

/// A question read from the file (its model is built at once), with where it is and what is
/// left of its file for the later passes: its expressions and defaults.
struct Pending {
    /// Its section, and its position there ([`question_path`]).
    section: SectionIdx,
    index: u32,
    /// `None` for a question without expressions or defaults (most of them).
    exprs: Option<Box<Exprs>>,
}

/// What the later passes need of a question's file once its model is built: the expressions
/// (they need every question's type) and the default (it needs the question's kind). Everything
/// else of the file is moved into the model when the question is read, so that a text is never
/// held twice and the file's parts are freed while the next ones are read.
struct Exprs {
    visible_if: Option<String>,
    required_if: Option<String>,
    calculate: Option<String>,
    rules: Vec<RuleFile>,
    default: Option<Json>,
    /// A repeat group's fields, in the order of the model's fields.
    fields: Vec<Exprs>,
}

static NO_EXPRS: Exprs = Exprs {
    visible_if: None,
    required_if: None,
    calculate: None,
    rules: Vec::new(),
    default: None,
    fields: Vec::new(),
};

impl Exprs {
    fn of(file: QuestionFile) -> Exprs {
        Exprs {
            visible_if: file.visible_if,
            required_if: file.required_if,
            calculate: file.calculate,
            rules: file.rules,
            default: file.default,
            fields: file.fields.into_iter().map(Exprs::of).collect(),
        }
    }

    fn is_empty(&self) -> bool {
        self.visible_if.is_none()
            && self.required_if.is_none()
            && self.calculate.is_none()
            && self.rules.is_empty()
            && self.default.is_none()
            && self.fields.iter().all(Exprs::is_empty)
    }
}

/// Which section or question used an id first. (Their paths are kept anyway; the map of ids
/// holds only this, not a path of its own for every id.)
#[derive(Clone, Copy)]
enum IdOwner {
    Section(usize),
    Question(usize),
}

/// Records `id` for `owner`, or returns the one that has it already.
fn first_use(seen: &mut HashMap<String, IdOwner>, id: &str, owner: IdOwner) -> Option<IdOwner> {
    match seen.get(id) {
        Some(&first) => Some(first),
        None => {
            seen.insert(id.to_owned(), owner);
            None
        }
    }
}

/// The index of the questions' ids: the ids pass 1 saw, each with its first owner (no second
/// copy of each). With duplicate ids the first question keeps the id; the duplicate is already
/// reported, also when a section had the id first. (Out of line: see `Compiler::question_graph`.)
#[inline(never)]
fn index_questions(seen_ids: HashMap<String, IdOwner>, questions: &[Question]) -> HashMap<String, QuestionIdx> {
    let mut question_index: HashMap<String, QuestionIdx> = HashMap::with_capacity(questions.len());
    for (id, owner) in seen_ids {
        if let IdOwner::Question(idx) = owner {
            question_index.insert(id, QuestionIdx(idx as u32));
        }
    }
    for (idx, question) in questions.iter().enumerate() {
        if !question_index.contains_key(&question.id.0) {
            question_index.insert(question.id.0.clone(), QuestionIdx(idx as u32));
        }
    }
    question_index
}

/// Each question's type for the expressions, keyed by the index's own strings (no second copy
/// of every id).
#[inline(never)]
fn question_types<'a>(
    question_index: &'a HashMap<String, QuestionIdx>,
    questions: &[Question],
) -> HashMap<&'a str, (QuestionIdx, Type)> {
    question_index.iter().map(|(id, &idx)| (id.as_str(), (idx, type_of(&questions[idx.get()].kind)))).collect()
}

/// Takes the value of `key` out of `object`, leaving an empty list (which the part's reader
/// takes as it takes a missing one): the list's items are read one by one, each at its path.
fn take_list(object: &mut serde_json::Map<String, Json>, key: &str) -> Option<Json> {
    object.get_mut(key).map(|value| std::mem::replace(value, Json::Array(Vec::new())))
}

/// Takes a text out of a file type, leaving an empty one.
fn take_text(text: &mut Text) -> Text {
    std::mem::replace(text, Text::Plain(String::new()))
}

const RESERVED_IDS: [&str; 11] =
    ["and", "or", "not", "in", "true", "false", "record", "count", "empty", "sum", "round"];

impl Compiler {
    /// Adds to each undeclared language's one problem how many more texts use it.
    fn count_undeclared_languages(&mut self) {
        for (_, index, more) in std::mem::take(&mut self.undeclared) {
            if more > 0 {
                let texts = if more == 1 { "text uses" } else { "texts use" };
                self.problems[index].message.push_str(&format!(" ({more} more {texts} it)"));
            }
        }
    }

    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem { path: path.to_owned(), position: None, message: message.into() });
    }

    /// Deserializes one part of the file, reporting serde's error at its path.
    ///
    /// An unknown field is reported and then removed, and the part is read again, so that a
    /// misspelt key costs one message and not the whole question (whose id expressions may use).
    fn part<T: DeserializeOwned>(&mut self, mut value: Json, path: PathOf) -> Option<T> {
        loop {
            match from_tree::<T>(&value) {
                Ok(v) => return Some(v),
                Err(e) => {
                    let inner = e.path_text();
                    let full = join_path(&path(), if inner == "." { "" } else { &inner });
                    let raw = e.message();
                    self.problem(&full, friendly_serde_message(raw));
                    let segments: Vec<&Segment> = e.path().collect();
                    if !raw.starts_with("unknown field") || !remove_at(&mut value, &segments) {
                        return None;
                    }
                }
            }
        }
    }

    /// Whether the file's signature holds, checked against its canonical form. The `signature`
    /// member is taken out of `root` here: the rest of the compiler never sees it.
    fn signature(&mut self, root: &mut Json, canonical: Option<&Result<Vec<u8>, CanonicalError>>) -> SignatureStatus {
        let (Some(object), Some(canonical)) = (root.as_object_mut(), canonical) else {
            return SignatureStatus::Unsigned;
        };
        if let Err(e) = canonical {
            self.problem("", e.to_string());
        }
        let Some(member) = object.remove(SIGNATURE_MEMBER) else {
            return SignatureStatus::Unsigned;
        };
        let member = match from_tree::<SignatureMember>(&member) {
            Ok(member) => member,
            Err(e) => {
                let inner = e.path_text();
                let path = join_path(SIGNATURE_MEMBER, if inner == "." { "" } else { &inner });
                self.problem(&path, friendly_serde_message(e.message()));
                return SignatureStatus::Unsigned;
            }
        };
        let verified = match canonical {
            Ok(message) => verify_signature(&member, message),
            Err(e) => Err(SignatureError::Canonical(e.clone())),
        };
        match verified {
            Ok(key) => SignatureStatus::Signed(key),
            Err(e) => SignatureStatus::Invalid(e),
        }
    }

    fn questionnaire(&mut self, mut root: Json) -> Option<Questionnaire> {
        let Some(object) = root.as_object_mut() else {
            self.problem("", "a questionnaire file must be a JSON object, e.g. {\"formatVersion\": 1, \"id\": …}");
            return None;
        };
        self.languages_given = object.contains_key("languages");
        let section_values = object.insert("sections".to_owned(), Json::Array(Vec::new()));
        let header: Option<QuestionnaireFile> = self.part(root, &String::new);
        let mut header = header?;
        if header.format_version != FORMAT_VERSION {
            self.problem(
                "formatVersion",
                format!(
                    "format version {} is not supported; this version of Bogen reads format version {FORMAT_VERSION}",
                    header.format_version
                ),
            );
        }
        self.check_id(&header.id, &|| "id".to_owned(), false);
        if header.version.trim().is_empty() {
            self.problem("version", "the version is empty; write e.g. \"1.0.0\"");
        }
        self.languages = Vec::new();
        for (i, code) in header.languages.iter().enumerate() {
            match Lang::from_code(code) {
                Some(lang) if self.languages.contains(&lang) => {
                    self.problem(&format!("languages[{i}]"), format!("language \"{code}\" is listed twice"))
                }
                Some(lang) => self.languages.push(lang),
                None => self.problem(
                    &format!("languages[{i}]"),
                    format!("unknown language \"{code}\"; the languages are \"de\" and \"en\""),
                ),
            }
        }
        if self.languages.is_empty() {
            if header.languages.is_empty() {
                self.problem("languages", "at least one language is needed, e.g. [\"de\", \"en\"]");
            }
            self.languages.push(Lang::De);
        }
        let title = self.text(take_text(&mut header.title), &|| "title".to_owned());
        let introduction = header.introduction.take().map(|t| self.text(t, &|| "introduction".to_owned()));
        let submission = header.submission.as_ref().map(|s| {
            if !crate::formats::is_email(&s.email) {
                self.problem("submission.email", format!("\"{}\" is not an e-mail address", s.email));
            }
            if let Some(url) = &s.upload_url {
                if !crate::formats::is_web_address(url) {
                    self.problem(
                        "submission.uploadUrl",
                        format!("\"{url}\" is not a web address starting with https://"),
                    );
                }
            }
            if let Some(deadline) = s.deadline.as_ref().filter(|d| !is_iso_date(d)) {
                self.problem(
                    "submission.deadline",
                    format!("\"{deadline}\" is not a date; write it as YYYY-MM-DD, e.g. \"2004-09-30\""),
                );
            }
            Submission {
                email: s.email.clone(),
                upload_url: s.upload_url.clone(),
                deadline: s.deadline.clone(),
                instructions: s.instructions.clone().map(|t| self.text(t, &|| "submission.instructions".to_owned())),
                // Resolved once the questions are known.
                name_question: None,
                kind_question: None,
            }
        });

        // Pass 1: the outline. Sections and questions get indices; ids are checked for uniqueness.
        let mut sections: Vec<Section> = Vec::new();
        // Room for every question at once: the list of 2,000 models grown step by step left its
        // earlier, smaller copies as holes in the WebAssembly memory, which never shrinks.
        let n_questions = count_questions(section_values.as_ref().and_then(Json::as_array).map_or(&[], Vec::as_slice));
        let mut pending_questions: Vec<Pending> = Vec::with_capacity(n_questions);
        let mut questions: Vec<Question> = Vec::with_capacity(n_questions);
        let mut section_conditions: Vec<(SectionIdx, String, String)> = Vec::new();
        let mut seen_ids: HashMap<String, IdOwner> = HashMap::new();
        let section_values = match sections_value(section_values) {
            Some(values) => values,
            None => {
                self.problem("sections", "\"sections\" must be a list of sections");
                Vec::new()
            }
        };
        if section_values.is_empty() {
            self.problem("sections", "the questionnaire has no sections; add at least one with questions");
        }
        for (i, value) in section_values.into_iter().enumerate() {
            self.section(
                value,
                format!("sections[{i}]"),
                None,
                &mut sections,
                (&mut questions, &mut pending_questions),
                &mut section_conditions,
                &mut seen_ids,
            );
        }

        // They stay in the model: no room left over from growing the list.
        questions.shrink_to_fit();
        sections.shrink_to_fit();

        // Pass 2: the questions' kinds (built in pass 1), so that expressions can be typed.
        let question_index = index_questions(seen_ids, &questions);
        let types = question_types(&question_index, &questions);

        // Pass 3: expressions, and the dependency graph.
        let mut graph = GraphBuilder::new(sections.len(), questions.len());
        let mut n_conditions = 0;
        for (s_idx, section) in sections.iter().enumerate() {
            if let Some(parent) = section.parent {
                graph.edge(Node::SectionVisible(parent), Node::SectionVisible(SectionIdx(s_idx as u32)));
            }
        }
        for (s_idx, source, path) in section_conditions {
            n_conditions += 1;
            // Cloned, not borrowed: `expression` takes `self` mutably (empty, so no allocation, in a valid file).
            let unreadable = self.unreadable.clone();
            let scope = Scope { questions: &types, record: None, unreadable: &unreadable };
            if let Some((expr, reads)) = self.expression(&source, &|| path.clone(), &scope, Type::Bool) {
                for q in reads {
                    graph.edge(Node::QuestionValue(q), Node::SectionVisible(s_idx));
                }
                sections[s_idx.get()].visible_if = Some(expr);
            }
        }
        // The sections' paths, out of `self` while its methods take paths that borrow them.
        let section_paths = std::mem::take(&mut self.section_paths);
        for (idx, pending) in pending_questions.iter().enumerate() {
            n_conditions += self.question_graph(idx, pending, &section_paths, &types, &mut questions, &mut graph);
        }
        // Defaults are checked once the kinds are known.
        for (idx, pending) in pending_questions.iter().enumerate() {
            if let Some(exprs) = pending.exprs.as_deref() {
                self.question_defaults(exprs, &|| question_path(&section_paths, pending), &mut questions[idx]);
            }
        }

        self.section_paths = section_paths;
        let graph = match graph.build() {
            Ok(graph) => Some(graph),
            Err(cycles) => {
                let question_paths: Vec<String> =
                    pending_questions.iter().map(|p| question_path(&self.section_paths, p)).collect();
                let question_paths: Vec<&str> = question_paths.iter().map(String::as_str).collect();
                for cycle in cycles {
                    self.cycle_problem(&cycle, &sections, &questions, &question_paths);
                }
                None
            }
        };
        let section_index = sections.iter().enumerate().map(|(i, s)| (s.id.0.clone(), SectionIdx(i as u32))).collect();
        let submission = submission.map(|mut submission| {
            if let Some(s) = &header.submission {
                submission.name_question =
                    self.respondent_question(s.name_question.as_deref(), "nameQuestion", &question_index, &questions);
                submission.kind_question =
                    self.respondent_question(s.kind_question.as_deref(), "kindQuestion", &question_index, &questions);
            }
            submission
        });
        Some(Questionnaire {
            id: header.id,
            version: header.version,
            languages: self.languages.clone(),
            title,
            introduction,
            submission,
            sections,
            questions,
            graph: graph?,
            question_index,
            section_index,
            n_conditions,
            sha256: String::new(),
            signature: SignatureStatus::Unsigned,
        })
    }

    /// Pass 3 for one question: its place in the dependency graph and its expressions, typed.
    /// Returns how many conditions it has.
    ///
    /// Out of line, as are the other steps done once per question (`question_defaults`,
    /// `index_questions`, the parts of `question`), and kept so by wasm-opt's
    /// `--one-caller-inline-max-function-size=100` (index.html). V8 optimizes a WebAssembly
    /// function that ran long on a background thread, and uses the result from its next call
    /// on. `questionnaire` is called once per load; while it looped over 2,000 questions
    /// itself, V8 optimized its 18 KB in every load (about 100 ms of compile time, seen with
    /// `--js-flags=--trace-wasm-compilation-times`), on the cores the load needed, for code that
    /// never ran. Small functions called per question are either not optimized at all or cheaply.
    #[inline(never)]
    fn question_graph(
        &mut self,
        idx: usize,
        pending: &Pending,
        section_paths: &[String],
        types: &HashMap<&str, (QuestionIdx, Type)>,
        questions: &mut [Question],
        graph: &mut GraphBuilder,
    ) -> usize {
        let q_idx = QuestionIdx(idx as u32);
        let section = questions[idx].section;
        graph.edge(Node::SectionVisible(section), Node::QuestionVisible(q_idx));
        graph.edge(Node::QuestionVisible(q_idx), Node::QuestionValue(q_idx));
        graph.edge(Node::QuestionVisible(q_idx), Node::QuestionValidation(q_idx));
        graph.edge(Node::QuestionValue(q_idx), Node::QuestionValidation(q_idx));
        graph.edge(Node::QuestionRequired(q_idx), Node::QuestionValidation(q_idx));
        let exprs = pending.exprs.as_deref().unwrap_or(&NO_EXPRS);
        let path = || question_path(section_paths, pending);
        let reads = self.question_expressions(exprs, &path, types, None, &mut questions[idx]);
        for (q, node) in reads {
            graph.edge(Node::QuestionValue(q), node(q_idx));
        }
        // A repeat group's fields have conditions of their own, which count too (FORMAT.md).
        let conditions = |e: &Exprs| usize::from(e.visible_if.is_some()) + usize::from(e.required_if.is_some());
        conditions(exprs) + exprs.fields.iter().map(conditions).sum::<usize>()
    }

    /// The defaults of one question and of its fields, checked against their kinds.
    #[inline(never)]
    fn question_defaults(&mut self, exprs: &Exprs, path: PathOf, question: &mut Question) {
        if let Some(default) = &exprs.default {
            question.default = self.default_value(question, default, &|| join_path(&path(), "default"));
        }
        if let QuestionKind::Repeat { fields, .. } = &mut question.kind {
            for (f_idx, field_file) in exprs.fields.iter().enumerate() {
                if let (Some(default), Some(field)) = (&field_file.default, fields.get_mut(f_idx)) {
                    field.default =
                        self.default_value(field, default, &|| format!("{}.fields[{f_idx}].default", path()));
                }
            }
        }
    }

    /// Resolves `submission.nameQuestion` (a text question) or `submission.kindQuestion` (a single choice).
    fn respondent_question(
        &mut self,
        id: Option<&str>,
        key: &str,
        question_index: &HashMap<String, QuestionIdx>,
        questions: &[Question],
    ) -> Option<QuestionIdx> {
        let id = id?;
        let path = format!("submission.{key}");
        let Some(&idx) = question_index.get(id) else {
            // A question whose definition could not be read has its own problem already.
            if !self.unreadable.iter().any(|u| u == id) {
                let hint = suggestion(id, question_index.keys().map(String::as_str));
                self.problem(&path, format!("unknown question id \"{id}\"{hint}"));
            }
            return None;
        };
        let fits = matches!(
            (&questions[idx.get()].kind, key),
            (QuestionKind::Text { format: TextFormat::Plain, multiline: false, .. }, "nameQuestion")
                | (QuestionKind::SingleChoice { .. }, "kindQuestion")
        );
        if !fits {
            let wanted =
                if key == "nameQuestion" { "a question of type \"text\"" } else { "a \"singleChoice\" question" };
            self.problem(&path, format!("\"{id}\" must be {wanted}"));
            return None;
        }
        Some(idx)
    }

    #[allow(clippy::too_many_arguments)]
    fn section(
        &mut self,
        mut value: Json,
        path: String,
        parent: Option<SectionIdx>,
        sections: &mut Vec<Section>,
        (questions, pending_questions): (&mut Vec<Question>, &mut Vec<Pending>),
        section_conditions: &mut Vec<(SectionIdx, String, String)>,
        seen_ids: &mut HashMap<String, IdOwner>,
    ) {
        let Some(object) = value.as_object_mut() else {
            self.problem(&path, "a section must be an object with \"id\", \"title\" and \"questions\"");
            return;
        };
        let question_values = take_list(object, "questions");
        let child_values = take_list(object, "sections");
        let Some(file) = self.part::<SectionFile>(value, &|| path.clone()) else {
            return;
        };
        self.check_id(&file.id, &|| join_path(&path, "id"), true);
        if let Some(first) = first_use(seen_ids, &file.id, IdOwner::Section(sections.len())) {
            let first = self.owner_path(first, pending_questions);
            self.duplicate_id(&file.id, &join_path(&path, "id"), &first);
        }
        let idx = SectionIdx(sections.len() as u32);
        self.section_paths.push(path.clone());
        sections.push(Section {
            id: SectionId(file.id.clone()),
            title: self.text(file.title, &|| join_path(&path, "title")),
            description: file.description.map(|t| self.text(t, &|| join_path(&path, "description"))),
            parent,
            children: Vec::new(),
            questions: Vec::new(),
            visible_if: None,
        });
        if let Some(parent) = parent {
            sections[parent.get()].children.push(idx);
        }
        if let Some(source) = file.visible_if {
            section_conditions.push((idx, source, join_path(&path, "visibleIf")));
        }
        let question_values = sections_value(question_values).unwrap_or_default();
        let child_values = sections_value(child_values).unwrap_or_default();
        if !child_values.is_empty() && parent.is_some() {
            self.problem(
                &join_path(&path, "sections"),
                "sub-sections cannot have sub-sections of their own (only one level)",
            );
            return;
        }
        if !child_values.is_empty() && !question_values.is_empty() {
            self.problem(
                &join_path(&path, "questions"),
                "a section with sub-sections cannot have questions of its own; move them into a sub-section",
            );
        }
        if child_values.is_empty() && question_values.is_empty() {
            self.problem(&path, format!("section \"{}\" has no questions", file.id));
        }
        for (i, q_value) in question_values.into_iter().enumerate() {
            let q_path = || format!("{path}.questions[{i}]");
            let Some(mut file) = self.question_file(q_value, &q_path) else {
                continue;
            };
            if let Some(first) = first_use(seen_ids, &file.id, IdOwner::Question(questions.len())) {
                let first = self.owner_path(first, pending_questions);
                self.duplicate_id(&file.id, &join_path(&q_path(), "id"), &first);
            }
            sections[idx.get()].questions.push(QuestionIdx(questions.len() as u32));
            questions.push(self.question(&mut file, &q_path, idx));
            let exprs = Some(Exprs::of(file)).filter(|e| !e.is_empty()).map(Box::new);
            pending_questions.push(Pending { section: idx, index: i as u32, exprs });
        }
        for (i, child) in child_values.into_iter().enumerate() {
            self.section(
                child,
                format!("{path}.sections[{i}]"),
                Some(idx),
                sections,
                (&mut *questions, &mut *pending_questions),
                section_conditions,
                seen_ids,
            );
        }
    }

    fn question_file(&mut self, mut value: Json, path: PathOf) -> Option<QuestionFile> {
        let fields = value.as_object_mut().and_then(|o| take_list(o, "fields"));
        let id = value.get("id").and_then(Json::as_str).map(str::to_owned);
        let Some(mut file) = self.part::<QuestionFile>(value, path) else {
            self.unreadable.extend(id);
            return None;
        };
        self.check_id(&file.id, &|| join_path(&path(), "id"), true);
        // Each field id, with the position of its field.
        let mut field_ids: HashMap<String, usize> = HashMap::new();
        for (i, field_value) in sections_value(fields).unwrap_or_default().into_iter().enumerate() {
            let f_path = |i: usize| format!("{}.fields[{i}]", path());
            let fields_inside = field_value.get("fields").is_some_and(|f| f.as_array().is_some_and(|a| !a.is_empty()));
            if let Some(field) = self.part::<QuestionFile>(field_value, &|| f_path(i)) {
                self.check_id(&field.id, &|| join_path(&f_path(i), "id"), true);
                match field_ids.get(&field.id) {
                    Some(&first) => self.duplicate_id(&field.id, &join_path(&f_path(i), "id"), &f_path(first)),
                    None => {
                        field_ids.insert(field.id.clone(), i);
                    }
                }
                if matches!(field.question_type, QuestionType::Repeat | QuestionType::Matrix | QuestionType::Calculated)
                    || fields_inside
                {
                    self.problem(
                        &join_path(&f_path(i), "type"),
                        format!("a field of a repeat group cannot be of type \"{}\"", type_name(field.question_type)),
                    );
                    continue;
                }
                file.fields.push(field);
            }
        }
        Some(file)
    }

    /// The path of a section or question, to name where an id was first used.
    fn owner_path(&self, owner: IdOwner, pending_questions: &[Pending]) -> String {
        match owner {
            IdOwner::Section(i) => self.section_paths.get(i).cloned().unwrap_or_default(),
            IdOwner::Question(i) => {
                pending_questions.get(i).map(|p| question_path(&self.section_paths, p)).unwrap_or_default()
            }
        }
    }

    fn duplicate_id(&mut self, id: &str, path: &str, first: &str) {
        self.problem(path, format!("duplicate id \"{id}\"; it is already used at {first}"));
    }

    /// Checks an id; `path` is written out only for a problem (most ids are fine).
    fn check_id(&mut self, id: &str, path: &dyn Fn() -> String, strict: bool) {
        let valid = if strict {
            id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        } else {
            !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        };
        if !valid {
            let rule = if strict {
                "letters, digits and _, starting with a letter, e.g. \"foreign_residents\""
            } else {
                "letters, digits, '-', '_' and '.', e.g. \"erfolgreiche-integration-2005\""
            };
            self.problem(&path(), format!("invalid id \"{id}\": use {rule}"));
        } else if strict && RESERVED_IDS.contains(&id) {
            self.problem(&path(), format!("\"{id}\" is a word of the expression language and cannot be an id"));
        }
    }

    /// A text of the file, moved into the model. `path` is written out only for a problem:
    /// making the JSON path of every text of a valid file took a tenth of its load.
    fn text(&mut self, text: Text, path: &dyn Fn() -> String) -> LocalizedText {
        match text {
            Text::Plain(s) => LocalizedText::plain(s),
            Text::ByLanguage(mut map) => {
                let mut pairs = Vec::with_capacity(self.languages.len());
                for i in 0..self.languages.len() {
                    let lang = self.languages[i];
                    match map.remove(lang.code()) {
                        Some(s) => pairs.push((lang, s)),
                        None => self.problem(&path(), format!("text missing in language \"{lang}\"")),
                    }
                }
                // What is left are the languages not declared.
                for code in map.keys() {
                    if self.languages.iter().any(|l| l.code() == code) {
                        continue;
                    }
                    if let Some((_, _, more)) = self.undeclared.iter_mut().find(|(c, _, _)| c == code) {
                        *more += 1;
                        continue;
                    }
                    let declared = self.languages.iter().map(|l| format!("\"{l}\"")).collect::<Vec<_>>().join(", ");
                    let message = if self.languages_given {
                        format!("language \"{code}\" is not declared in \"languages\" ({declared})")
                    } else {
                        format!(
                            "language \"{code}\" is not declared: the file has no \"languages\", so its only language \
                             is \"de\"; add e.g. \"languages\": [\"de\", \"{code}\"]"
                        )
                    };
                    self.undeclared.push((code.clone(), self.problems.len(), 0));
                    self.problem(&join_path(&path(), code), message);
                }
                LocalizedText::from_pairs(pairs)
            }
        }
    }

    /// The options (or matrix rows), moved into the model; their paths are written out only
    /// for a problem.
    fn options(&mut self, options: Vec<OptionFile>, path: PathOf, what: &str) -> Vec<ChoiceOption> {
        if options.is_empty() {
            self.problem(
                &path(),
                format!("the list of {what} is empty; add at least one {{\"value\": …, \"label\": …}}"),
            );
        }
        // Values are checked before they are moved. A short list is searched; a long one (a
        // list of municipalities) is hashed.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, o) in options.iter().enumerate() {
            if o.value.trim().is_empty() {
                self.problem(&format!("{}[{i}].value", path()), "an option value cannot be empty");
            }
            let first = if options.len() <= 32 {
                options[..i].iter().position(|earlier| earlier.value == o.value)
            } else {
                match seen.get(o.value.as_str()) {
                    Some(&first) => Some(first),
                    None => {
                        seen.insert(&o.value, i);
                        None
                    }
                }
            };
            if let Some(first) = first {
                let path = path();
                self.problem(
                    &format!("{path}[{i}].value"),
                    format!("duplicate option value \"{}\"; it is already used at {path}[{first}].value", o.value),
                );
            }
        }
        drop(seen);
        options
            .into_iter()
            .enumerate()
            .map(|(i, o)| ChoiceOption {
                value: o.value,
                label: self.text(o.label, &|| format!("{}[{i}].label", path())),
            })
            .collect()
    }

    fn messages(&mut self, messages: Option<MessagesFile>, path: PathOf) -> Messages {
        let Some(m) = messages else {
            return Messages::default();
        };
        let mut one = |t: Option<Text>, key: &str| t.map(|t| self.text(t, &|| format!("{}.messages.{key}", path())));
        Messages {
            required: one(m.required, "required"),
            min: one(m.min, "min"),
            max: one(m.max, "max"),
            length: one(m.length, "length"),
            pattern: one(m.pattern, "pattern"),
            format: one(m.format, "format"),
        }
    }

    /// Builds a question without its expressions (those need every question's type first).
    /// Its texts, options and fields are moved out of `file`; what is left is what the later
    /// passes need ([`Exprs`]).
    // Each type's part is a function of its own, as is `check_applicable`: called for every
    // question, one function holding all of them ran long enough in each load for V8 to spend
    // a second core optimizing its 9 KB while the load went on (see `question_graph`).
    fn question(&mut self, file: &mut QuestionFile, path: PathOf, section: SectionIdx) -> Question {
        self.check_applicable(file, path);
        let at = |key: &str| join_path(&path(), key);
        let kind = match file.question_type {
            QuestionType::Text
            | QuestionType::LongText
            | QuestionType::Email
            | QuestionType::Url
            | QuestionType::Phone => self.text_kind(file, path),
            QuestionType::Integer | QuestionType::Decimal => self.number_kind(file, path),
            QuestionType::SingleChoice => QuestionKind::SingleChoice {
                options: self.options(std::mem::take(&mut file.options), &|| at("options"), "options"),
                dropdown: file.display == Some(ChoiceDisplay::Dropdown),
            },
            QuestionType::MultipleChoice => self.multiple_choice_kind(file, path),
            QuestionType::YesNo => QuestionKind::YesNo,
            QuestionType::Date => self.date_kind(file, path),
            QuestionType::Matrix => QuestionKind::Matrix {
                rows: self.options(std::mem::take(&mut file.rows), &|| at("rows"), "rows"),
                scale: self.options(std::mem::take(&mut file.options), &|| at("options"), "options (the scale)"),
            },
            QuestionType::Repeat => self.repeat_kind(file, path, section),
            QuestionType::Calculated => self.calculated_kind(file, path),
        };
        Question {
            id: QuestionId(std::mem::take(&mut file.id)),
            section,
            label: self.text(take_text(&mut file.label), &|| at("label")),
            help: file.help.take().map(|t| self.text(t, &|| at("help"))),
            placeholder: file.placeholder.take().map(|t| self.text(t, &|| at("placeholder"))),
            required: file.required,
            has_required_if: file.required_if.is_some(),
            kind,
            default: None,
            messages: self.messages(file.messages.take(), path),
            rules: Vec::new(),
            visible_if: None,
            required_if: None,
        }
    }

    #[inline(never)]
    fn text_kind(&mut self, file: &QuestionFile, path: PathOf) -> QuestionKind {
        let at = |key: &str| join_path(&path(), key);
        if let (Some(min), Some(max)) = (file.min_length, file.max_length) {
            if min > max {
                self.problem(&at("minLength"), format!("minLength {min} is greater than maxLength {max}"));
            }
        }
        let pattern = file.pattern.as_ref().and_then(|p| match regex_lite::Regex::new(&format!("^(?:{p})$")) {
            Ok(re) => Some(re),
            Err(e) => {
                let detail = e.to_string().lines().last().unwrap_or("").trim().to_owned();
                self.problem(
                    &at("pattern"),
                    format!("invalid pattern \"{p}\": {}", detail.trim_start_matches("error: ")),
                );
                None
            }
        });
        QuestionKind::Text {
            multiline: file.question_type == QuestionType::LongText,
            format: match file.question_type {
                QuestionType::Email => TextFormat::Email,
                QuestionType::Url => TextFormat::Url,
                QuestionType::Phone => TextFormat::Phone,
                _ => TextFormat::Plain,
            },
            min_length: file.min_length,
            max_length: file.max_length,
            pattern,
        }
    }

    #[inline(never)]
    fn number_kind(&mut self, file: &mut QuestionFile, path: PathOf) -> QuestionKind {
        let at = |key: &str| join_path(&path(), key);
        let min = self.number_bound(&file.min, &|| at("min"));
        let max = self.number_bound(&file.max, &|| at("max"));
        if let (Some(min), Some(max)) = (min, max) {
            if min > max {
                self.problem(&at("min"), format!("min {min} is greater than max {max}"));
            }
        }
        QuestionKind::Number {
            integer: file.question_type == QuestionType::Integer,
            min,
            max,
            unit: file.unit.take().map(|u| self.text(u, &|| at("unit"))),
            decimals: file.decimals,
        }
    }

    #[inline(never)]
    fn multiple_choice_kind(&mut self, file: &mut QuestionFile, path: PathOf) -> QuestionKind {
        let at = |key: &str| join_path(&path(), key);
        let options = self.options(std::mem::take(&mut file.options), &|| at("options"), "options");
        if let (Some(min), Some(max)) = (file.min_selected, file.max_selected) {
            if min > max {
                self.problem(&at("minSelected"), format!("minSelected {min} is greater than maxSelected {max}"));
            }
        }
        let n_choices = options.len() as u32 + u32::from(file.other);
        if let Some(min) = file.min_selected.filter(|&m| m > n_choices) {
            self.problem(
                &at("minSelected"),
                format!("minSelected {min} is more than the {n_choices} options there are"),
            );
        }
        QuestionKind::MultipleChoice {
            options,
            other: file.other,
            min_selected: file.min_selected,
            max_selected: file.max_selected,
        }
    }

    #[inline(never)]
    fn date_kind(&mut self, file: &QuestionFile, path: PathOf) -> QuestionKind {
        let at = |key: &str| join_path(&path(), key);
        let min = self.date_bound(&file.min, &|| at("min"));
        let max = self.date_bound(&file.max, &|| at("max"));
        if let (Some(min), Some(max)) = (&min, &max) {
            if min > max {
                self.problem(&at("min"), format!("min {min} is later than max {max}"));
            }
        }
        QuestionKind::Date { min, max }
    }

    #[inline(never)]
    fn repeat_kind(&mut self, file: &mut QuestionFile, path: PathOf, section: SectionIdx) -> QuestionKind {
        let at = |key: &str| join_path(&path(), key);
        if file.fields.is_empty() {
            self.problem(&at("fields"), "a repeat group needs at least one field");
        }
        if let (Some(min), Some(max)) = (file.min_count, file.max_count) {
            if min > max {
                self.problem(&at("minCount"), format!("minCount {min} is greater than maxCount {max}"));
            }
        }
        let fields = file
            .fields
            .iter_mut()
            .enumerate()
            .map(|(i, f)| self.question(f, &|| format!("{}.fields[{i}]", path()), section))
            .collect();
        QuestionKind::Repeat {
            fields,
            min_count: file.min_count,
            max_count: file.max_count,
            record_label: file.record_label.take().map(|t| self.text(t, &|| at("recordLabel"))),
        }
    }

    #[inline(never)]
    fn calculated_kind(&mut self, file: &mut QuestionFile, path: PathOf) -> QuestionKind {
        if file.calculate.is_none() {
            self.problem(
                &path(),
                "a calculated question needs \"calculate\", e.g. \"foreign_residents / inhabitants * 100\"",
            );
        }
        QuestionKind::Calculated {
            unit: file.unit.take().map(|u| self.text(u, &|| join_path(&path(), "unit"))),
            decimals: file.decimals,
            expr: Expr::Number(0.0),
        }
    }

    /// Rejects settings that do not apply to the question's type, so a misplaced key is never silently ignored.
    #[inline(never)]
    fn check_applicable(&mut self, file: &QuestionFile, path: PathOf) {
        use QuestionType as T;
        let t = file.question_type;
        let texty = matches!(t, T::Text | T::LongText | T::Email | T::Url | T::Phone);
        let numeric = matches!(t, T::Integer | T::Decimal);
        let checks: [(&str, bool, bool); 18] = [
            ("min", file.min.is_some(), numeric || t == T::Date),
            ("max", file.max.is_some(), numeric || t == T::Date),
            ("unit", file.unit.is_some(), numeric || t == T::Calculated),
            ("decimals", file.decimals.is_some(), t == T::Decimal || t == T::Calculated),
            ("minLength", file.min_length.is_some(), texty),
            ("maxLength", file.max_length.is_some(), texty),
            ("pattern", file.pattern.is_some(), texty),
            ("options", !file.options.is_empty(), matches!(t, T::SingleChoice | T::MultipleChoice | T::Matrix)),
            ("display", file.display.is_some(), t == T::SingleChoice),
            ("other", file.other, t == T::MultipleChoice),
            ("minSelected", file.min_selected.is_some(), t == T::MultipleChoice),
            ("maxSelected", file.max_selected.is_some(), t == T::MultipleChoice),
            ("rows", !file.rows.is_empty(), t == T::Matrix),
            ("minCount", file.min_count.is_some(), t == T::Repeat),
            ("maxCount", file.max_count.is_some(), t == T::Repeat),
            ("recordLabel", file.record_label.is_some(), t == T::Repeat),
            ("calculate", file.calculate.is_some(), t == T::Calculated),
            ("fields", !file.fields.is_empty(), t == T::Repeat),
        ];
        for (key, present, applies) in checks {
            if present && !applies {
                self.problem(
                    &join_path(&path(), key),
                    format!("\"{key}\" does not apply to a question of type \"{}\"", type_name(t)),
                );
            }
        }
        if let Some(messages) = &file.messages {
            let counted = matches!(t, T::MultipleChoice | T::Repeat);
            let message_checks: [(&str, bool, bool); 5] = [
                ("min", messages.min.is_some(), numeric || counted || t == T::Date),
                ("max", messages.max.is_some(), numeric || counted || t == T::Date),
                ("length", messages.length.is_some(), texty),
                ("pattern", messages.pattern.is_some(), texty),
                ("format", messages.format.is_some(), numeric || matches!(t, T::Email | T::Url | T::Phone | T::Date)),
            ];
            for (key, present, applies) in message_checks {
                if present && !applies {
                    self.problem(
                        &join_path(&path(), &format!("messages.{key}")),
                        format!("a \"{key}\" message does not apply to a question of type \"{}\"", type_name(t)),
                    );
                }
            }
        }
        if t == T::Calculated {
            for (key, present) in [
                ("required", file.required),
                ("requiredIf", file.required_if.is_some()),
                ("default", file.default.is_some()),
            ] {
                if present {
                    self.problem(
                        &join_path(&path(), key),
                        format!("\"{key}\" does not apply to a calculated question, which is never answered"),
                    );
                }
            }
        }
    }

    fn number_bound(&mut self, value: &Option<Json>, path: PathOf) -> Option<f64> {
        match value {
            None => None,
            Some(Json::Number(n)) => n.as_f64(),
            Some(other) => {
                self.problem(&path(), format!("expected a number, found {other}"));
                None
            }
        }
    }

    fn date_bound(&mut self, value: &Option<Json>, path: PathOf) -> Option<String> {
        match value {
            None => None,
            Some(Json::String(s)) if is_iso_date(s) => Some(s.clone()),
            Some(other) => {
                self.problem(
                    &path(),
                    format!("expected a date written \"YYYY-MM-DD\", e.g. \"2004-09-30\", found {other}"),
                );
                None
            }
        }
    }

    /// Parses and resolves one expression; reports problems at `path`.
    fn expression(
        &mut self,
        source: &str,
        path: PathOf,
        scope: &Scope<'_>,
        want: Type,
    ) -> Option<(Expr, Vec<QuestionIdx>)> {
        let ast = match expr::parse(source) {
            Ok(ast) => ast,
            Err(e) => {
                self.problem(&path(), format!("{e} in \"{source}\""));
                return None;
            }
        };
        match resolve(&ast, scope) {
            Ok(resolved) if resolved.ty == want => Some((resolved.expr, resolved.reads.questions)),
            Ok(resolved) => {
                let wanted = if want == Type::Bool {
                    "a condition (true or false), e.g. \"kind = 'landkreis'\""
                } else {
                    "a number"
                };
                let found = match resolved.ty {
                    Type::Number => "a number",
                    Type::Bool => "a condition",
                    _ => "not that",
                };
                self.problem(&path(), format!("expected {wanted}, but \"{source}\" is {found}"));
                None
            }
            Err(e) if e.follows_another => None,
            Err(e) => {
                self.problem(&path(), format!("at column {}: {} in \"{source}\"", e.span.start + 1, e.message));
                None
            }
        }
    }

    /// Resolves a question's expressions into `question`; returns what each graph node of it reads.
    fn question_expressions(
        &mut self,
        file: &Exprs,
        path: PathOf,
        types: &HashMap<&str, (QuestionIdx, Type)>,
        record: Option<(&str, &[(String, Type)])>,
        question: &mut Question,
    ) -> Vec<(QuestionIdx, NodeOf)> {
        let unreadable = self.unreadable.clone();
        let scope = Scope { questions: types, record, unreadable: &unreadable };
        let mut reads: Vec<(QuestionIdx, NodeOf)> = Vec::new();
        if let Some(source) = &file.visible_if {
            if let Some((e, r)) = self.expression(source, &|| join_path(&path(), "visibleIf"), &scope, Type::Bool) {
                question.visible_if = Some(e);
                reads.extend(r.into_iter().map(|q| (q, Node::QuestionVisible as NodeOf)));
            }
        }
        if let Some(source) = &file.required_if {
            if let Some((e, r)) = self.expression(source, &|| join_path(&path(), "requiredIf"), &scope, Type::Bool) {
                question.required_if = Some(e);
                reads.extend(r.into_iter().map(|q| (q, Node::QuestionRequired as NodeOf)));
            }
        }
        if let (Some(source), QuestionKind::Calculated { expr, .. }) = (&file.calculate, &mut question.kind) {
            if let Some((e, r)) = self.expression(source, &|| join_path(&path(), "calculate"), &scope, Type::Number) {
                *expr = e;
                reads.extend(r.into_iter().map(|q| (q, Node::QuestionValue as NodeOf)));
            }
        }
        for (i, rule) in file.rules.iter().enumerate() {
            let rule_path = || format!("{}.rules[{i}]", path());
            let message = self.text(rule.message.clone(), &|| join_path(&rule_path(), "message"));
            let check_path = || join_path(&rule_path(), "check");
            if let Some((check, r)) = self.expression(&rule.check, &check_path, &scope, Type::Bool) {
                question.rules.push(Rule { check, message });
                reads.extend(r.into_iter().map(|q| (q, Node::QuestionValidation as NodeOf)));
            }
        }
        // A repeat group's fields are evaluated per record when the group is validated (and
        // when the app asks whether a field is shown), so whatever they read outside the record
        // is an input of the group's validation node.
        if let QuestionKind::Repeat { fields, .. } = &mut question.kind {
            let field_types: Vec<(String, Type)> = fields.iter().map(|f| (f.id.0.clone(), type_of(&f.kind))).collect();
            let group_id = question.id.0.clone();
            for (i, field_file) in file.fields.iter().enumerate() {
                let Some(field) = fields.get_mut(i) else {
                    continue;
                };
                let f_path = || format!("{}.fields[{i}]", path());
                let field_reads =
                    self.question_expressions(field_file, &f_path, types, Some((&group_id, &field_types)), field);
                reads.extend(field_reads.into_iter().map(|(q, _)| (q, Node::QuestionValidation as NodeOf)));
            }
            self.record_field_cycles(fields, path);
        }
        reads
    }

    /// A field's condition may read other fields of its record, whose own conditions are then
    /// decided first; a cycle among them could never be decided.
    fn record_field_cycles(&mut self, fields: &[Question], path: PathOf) {
        let reads: Vec<Vec<usize>> = fields
            .iter()
            .map(|f| {
                let mut out = Vec::new();
                if let Some(e) = &f.visible_if {
                    record_fields_read(e, &mut out);
                }
                out
            })
            .collect();
        let mut reported = vec![false; fields.len()];
        for start in 0..fields.len() {
            // Depth-first walk along "reads"; coming back to `start` closes a cycle.
            let mut stack = vec![(start, vec![start])];
            let mut seen = vec![false; fields.len()];
            while let Some((field, trail)) = stack.pop() {
                for &next in &reads[field] {
                    if next == start && !reported[start] {
                        let mut names: Vec<String> =
                            trail.iter().map(|&f| format!("record.{}", fields[f].id)).collect();
                        names.push(format!("record.{}", fields[start].id));
                        for &f in &trail {
                            reported[f] = true;
                        }
                        let message = if trail.len() == 1 {
                            format!("cycle in conditions: record.{} depends on itself", fields[start].id)
                        } else {
                            format!(
                                "cycle in conditions: {} (each needs the next to be decided first)",
                                names.join(" → ")
                            )
                        };
                        self.problem(&format!("{}.fields[{start}].visibleIf", path()), message);
                    } else if next < fields.len() && !seen[next] {
                        seen[next] = true;
                        let mut longer = trail.clone();
                        longer.push(next);
                        stack.push((next, longer));
                    }
                }
            }
        }
    }

    fn default_value(&mut self, question: &Question, value: &Json, path: PathOf) -> Option<AnswerValue> {
        let mut record_ids = 0;
        match answer_from_json(question, value, &mut record_ids) {
            Err(e) => {
                self.problem(&path(), format!("the default {value} is not a valid answer: expected {}", e.expected));
                None
            }
            Ok(answer) => {
                let mut violations: Vec<Violation> = Vec::new();
                intrinsic(question, &answer, ViolationLocation::Answer, &mut violations);
                if let (QuestionKind::Repeat { fields, .. }, AnswerValue::Records(records)) = (&question.kind, &answer)
                {
                    for record in records {
                        for (field, value) in fields.iter().zip(&record.fields) {
                            if let Some(value) = value {
                                intrinsic(field, value, ViolationLocation::Answer, &mut violations);
                            }
                        }
                    }
                }
                for v in &violations {
                    self.problem(
                        &path(),
                        format!("the default {value} is not a valid answer: {}", describe_violation(&v.kind)),
                    );
                }
                violations.is_empty().then_some(answer)
            }
        }
    }

    fn cycle_problem(&mut self, cycle: &[Node], sections: &[Section], questions: &[Question], question_paths: &[&str]) {
        let mut names: Vec<String> = Vec::new();
        let mut expression_path = None;
        for node in cycle {
            // The problem is reported at the first expression that takes part in the cycle.
            let (name, path) = match *node {
                Node::SectionVisible(s) => (
                    format!("section \"{}\"", sections[s.get()].id),
                    Some(format!("{}.visibleIf", self.section_paths[s.get()])),
                ),
                Node::QuestionVisible(q) => {
                    (format!("\"{}\"", questions[q.get()].id), Some(format!("{}.visibleIf", question_paths[q.get()])))
                }
                Node::QuestionValue(q) => {
                    let path = matches!(questions[q.get()].kind, QuestionKind::Calculated { .. })
                        .then(|| format!("{}.calculate", question_paths[q.get()]));
                    (format!("\"{}\"", questions[q.get()].id), path)
                }
                Node::QuestionRequired(q) | Node::QuestionValidation(q) => {
                    (format!("\"{}\"", questions[q.get()].id), None)
                }
            };
            if expression_path.is_none() {
                expression_path = path;
            }
            if names.last() != Some(&name) {
                names.push(name);
            }
        }
        if names.len() > 1 && names.first() == names.last() {
            names.pop();
        }
        let path = expression_path.unwrap_or_else(|| "sections".to_owned());
        let message = if names.len() == 1 {
            format!("cycle in conditions and calculations: {} depends on itself", names[0])
        } else {
            let first = names[0].clone();
            names.push(first);
            format!(
                "cycle in conditions and calculations: {} (each needs the next to be decided first)",
                names.join(" → ")
            )
        };
        self.problem(&path, message);
    }
}

/// Collects the fields of the current record that `expr` reads.
fn record_fields_read(expr: &Expr, out: &mut Vec<usize>) {
    match expr {
        Expr::RecordField(field) => out.push(*field),
        Expr::Not(inner) | Expr::Negate(inner) | Expr::Count(inner) | Expr::Empty(inner) | Expr::Round(inner, _) => {
            record_fields_read(inner, out)
        }
        Expr::Binary(_, left, right) => {
            record_fields_read(left, out);
            record_fields_read(right, out);
        }
        Expr::Number(_) | Expr::Text(_) | Expr::Bool(_) | Expr::List(_) | Expr::Question(_) | Expr::Sum { .. } => {}
    }
}

/// Removes the member at `segments` (the last one a map key); returns whether it was there.
fn remove_at(value: &mut Json, segments: &[&Segment]) -> bool {
    let Some((last, parents)) = segments.split_last() else {
        return false;
    };
    let mut current = value;
    for segment in parents {
        let next = match (segment, current) {
            (Segment::Index(index), Json::Array(items)) => items.get_mut(*index),
            (Segment::Key(key), Json::Object(map)) => map.get_mut(key),
            _ => None,
        };
        let Some(next) = next else { return false };
        current = next;
    }
    match (last, current) {
        (Segment::Key(key), Json::Object(map)) => map.remove(key).is_some(),
        _ => false,
    }
}

/// How many questions `sections` hold, sub-sections included (as far as the file is well formed).
fn count_questions(sections: &[Json]) -> usize {
    let list = |section: &Json, key: &str| section.get(key).and_then(Json::as_array).map_or(0, Vec::len);
    sections
        .iter()
        .map(|section| {
            list(section, "questions")
                + section.get("sections").and_then(Json::as_array).map_or(0, |children| count_questions(children))
        })
        .sum()
}

fn sections_value(value: Option<Json>) -> Option<Vec<Json>> {
    match value {
        None | Some(Json::Null) => Some(Vec::new()),
        Some(Json::Array(items)) => Some(items),
        Some(_) => None,
    }
}

fn join_path(base: &str, key: &str) -> String {
    match (base.is_empty(), key.is_empty()) {
        (_, true) => base.to_owned(),
        (true, false) => key.to_owned(),
        (false, false) if key.starts_with('[') => format!("{base}{key}"),
        (false, false) => format!("{base}.{key}"),
    }
}

pub(crate) fn type_name(t: QuestionType) -> &'static str {
    match t {
        QuestionType::Text => "text",
        QuestionType::LongText => "longText",
        QuestionType::Integer => "integer",
        QuestionType::Decimal => "decimal",
        QuestionType::SingleChoice => "singleChoice",
        QuestionType::MultipleChoice => "multipleChoice",
        QuestionType::YesNo => "yesNo",
        QuestionType::Date => "date",
        QuestionType::Email => "email",
        QuestionType::Url => "url",
        QuestionType::Phone => "phone",
        QuestionType::Matrix => "matrix",
        QuestionType::Repeat => "repeat",
        QuestionType::Calculated => "calculated",
    }
}

pub(crate) fn type_of(kind: &QuestionKind) -> Type {
    match kind {
        QuestionKind::Text { .. } => Type::Text,
        QuestionKind::Number { .. } | QuestionKind::Calculated { .. } => Type::Number,
        QuestionKind::SingleChoice { options, .. } => Type::Choice(options.iter().map(|o| o.value.clone()).collect()),
        QuestionKind::MultipleChoice { options, .. } => {
            Type::Choices(options.iter().map(|o| o.value.clone()).collect())
        }
        QuestionKind::YesNo => Type::Bool,
        QuestionKind::Date { .. } => Type::Date,
        QuestionKind::Matrix { .. } => Type::Matrix,
        QuestionKind::Repeat { fields, .. } => {
            Type::Records(fields.iter().map(|f| (f.id.0.clone(), type_of(&f.kind))).collect())
        }
    }
}

/// serde's messages name Rust types and list every field; these say what to write instead.
fn friendly_serde_message(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let hint = suggestion(field, candidates.iter().copied());
        return format!("unknown field \"{field}\"{hint}");
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return format!("missing field \"{field}\"");
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (variant, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return format!(
            "unknown value \"{variant}\"{}; expected one of {}",
            suggestion(variant, candidates.iter().copied()),
            candidates.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ")
        );
    }
    if let Some((before, _)) = message.split_once(", expected struct ") {
        // "invalid type: sequence, expected struct QuestionFile": the type's name means
        // nothing to an author.
        return format!("{}, expected an object {{…}}", before.replace('`', "\""));
    }
    // Rust's names of number types mean nothing to an author.
    if let Some((before, rust)) = message.rsplit_once(", expected ") {
        let words = match rust {
            "u32" | "u64" | "usize" => Some("a whole number, 0 or more,"),
            "i64" => Some("a whole number,"),
            "f64" => Some("a number,"),
            _ => None,
        };
        if let Some(words) = words {
            return format!("{}, expected {words} written without quotes", before.replace('`', "\""));
        }
    }
    if message.contains("untagged enum Text") {
        return "expected a text, or a map of language to text such as {\"de\": \"…\", \"en\": \"…\"}".to_owned();
    }
    message.replace('`', "\"")
}
