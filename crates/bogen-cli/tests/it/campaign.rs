//! A made-up national campaign: complete, valid answers to the default questionnaire for
//! municipality number `n`, filled the way the app fills them (through a `Session`) and signed
//! with the engine, as a municipality's browser signs them. Shared by the integration tests and
//! the benchmark (`benches/campaign.rs`), which includes this file by path.
//!
//! The answers are realistic in size and shape: every required question answered, long texts of
//! a few hundred characters, two to five records in repeat groups, both rounds and every kind of
//! municipality, and names with umlauts, commas and quotes. Calculated values come from the engine.

use bogen_engine::{create_submission, KeyPair, Lang, Question, QuestionKind, Questionnaire, Session, TextFormat};
use serde_json::{json, Value as Json};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The default questionnaire, as the CLI builds it in.
pub const DEFAULT_QUESTIONNAIRE: &str = include_str!("../../../../questionnaire/erfolgreiche-integration-2005.json");

/// The default questionnaire, compiled.
pub fn default_questionnaire() -> Arc<Questionnaire> {
    match bogen_engine::compile(DEFAULT_QUESTIONNAIRE) {
        Ok(questionnaire) => Arc::new(questionnaire),
        Err(problems) => panic!("{}", problems.render("default questionnaire")),
    }
}

const PLACES: [&str; 12] = [
    "Gießen",
    "Solingen",
    "Belm",
    "Kreis Hersfeld-Rotenburg",
    "Würzburg",
    "Lüneburg",
    "Frankfurt (Oder)",
    "Halle, Saale",
    "Mönchengladbach",
    "Sankt \"Wendel\"",
    "Esslingen am Neckar",
    "Öhringen",
];

const SENTENCES: [&str; 10] = [
    "Die Integration der Zugewanderten ist seit vielen Jahren eine Querschnittsaufgabe der gesamten Verwaltung.",
    "Der Rat hat im Jahr 2001 ein Gesamtkonzept beschlossen, das jährlich fortgeschrieben wird.",
    "Sprachkurse für Mütter, Hausaufgabenhilfe und Patenschaften für Auszubildende bilden den Kern unserer Arbeit.",
    "Migrantenorganisationen sind im Integrationsbeirat vertreten und an der Planung beteiligt.",
    "Die Zahl der Teilnehmenden an den Sprachkursen hat sich seit 1999 mehr als verdoppelt.",
    "Wir messen den Erfolg an Schulabschlüssen, Ausbildungsquoten und der Zahl der Einbürgerungen.",
    "In den Stadtteilen arbeiten Quartiersmanagerinnen eng mit Schulen, Vereinen und Moscheegemeinden zusammen.",
    "Die Mitarbeiterinnen und Mitarbeiter der Ausländerbehörde werden regelmäßig interkulturell fortgebildet.",
    "Ein jährlicher Integrationsbericht informiert Rat und Öffentlichkeit über Fortschritte und Defizite.",
    "Für 2005 planen wir, die Elternarbeit in den Kindertagesstätten weiter auszubauen.",
];

const PHRASES: [&str; 6] = [
    "Amt für Integration und Migration",
    "Dr. Ayşe Yılmaz",
    "Leiterin der Stabsstelle",
    "Netzwerk \"Bildung, Sprache, Arbeit\"",
    "-3 Grad und Sonnenschein",
    "Integrationsbeirat",
];

/// The name of municipality `n`: a place and a number, so that every name is unique.
pub fn municipality(n: usize) -> String {
    format!("{} {n}", PLACES[n % PLACES.len()])
}

/// Prose of about `target` characters, at most `max`.
fn prose(n: usize, target: usize, max: Option<u32>) -> String {
    let limit = max.map_or(usize::MAX, |m| m as usize);
    let mut text = String::new();
    let mut i = n;
    while text.chars().count() < target.min(limit) {
        let sentence = SENTENCES[i % SENTENCES.len()];
        let extra = usize::from(!text.is_empty()) + sentence.chars().count();
        if text.chars().count() + extra > limit {
            break;
        }
        if !text.is_empty() {
            text.push(if i.is_multiple_of(4) { '\n' } else { ' ' });
        }
        text.push_str(sentence);
        i += 7;
    }
    text
}

/// Complete, valid answers of municipality `n` (before calculated values are added).
pub fn answers(questionnaire: &Questionnaire, n: usize) -> BTreeMap<String, Json> {
    let inhabitants = 2_000 + (n * 7_919) % 600_000;
    let mut answers = BTreeMap::new();
    for (i, question) in questionnaire.questions.iter().enumerate() {
        let special = match question.id.0.as_str() {
            "municipality_name" => Some(json!(municipality(n))),
            "application_round" => Some(json!(if n.is_multiple_of(5) { "2" } else { "1" })),
            "inhabitants" => Some(json!(inhabitants)),
            "foreign_residents" => Some(json!(inhabitants * (5 + n % 10) / 100)),
            "resettlers" => Some(json!(inhabitants * (n % 5) / 100)),
            "naturalised_residents" => Some(json!(inhabitants * (1 + n % 4) / 100)),
            "trainees_total" => Some(json!(20 + n % 200)),
            "trainees_migration" => Some(json!((20 + n % 200) / 5)),
            "office_postcode" => Some(json!(format!("{:05}", 10_000 + (n * 37) % 89_999))),
            _ => None,
        };
        if let Some(value) = special.or_else(|| value_of(question, n + i)) {
            answers.insert(question.id.0.clone(), value);
        }
    }
    answers
}

fn value_of(question: &Question, n: usize) -> Option<Json> {
    Some(match &question.kind {
        QuestionKind::Text { format: TextFormat::Email, .. } => json!(format!("integration@kommune-{n}.example.org")),
        QuestionKind::Text { format: TextFormat::Url, .. } => {
            json!(format!("https://www.kommune-{n}.example.org/integration"))
        }
        QuestionKind::Text { format: TextFormat::Phone, .. } => {
            json!(format!("0{} {}-0", 200 + n % 800, 1_000 + n % 8_999))
        }
        QuestionKind::Text { multiline: true, max_length, .. } => json!(prose(n, 300 + (n * 13) % 900, *max_length)),
        QuestionKind::Text { max_length, .. } => {
            let phrase = PHRASES[n % PHRASES.len()];
            json!(phrase.chars().take(max_length.map_or(usize::MAX, |m| m as usize)).collect::<String>())
        }
        QuestionKind::Number { integer, min, max, .. } => {
            let low = min.unwrap_or(0.0);
            let high = max.unwrap_or(low + 1_000.0);
            let value = match question.id.0.as_str() {
                "baseline_year" => 2000.0,
                "latest_year" => 2004.0,
                _ if *integer => low + (n as f64 % (high - low + 1.0)).floor(),
                _ => low + ((n % 1_000) as f64 / 1_000.0 * (high - low) * 10.0).round() / 10.0,
            };
            json!(value)
        }
        QuestionKind::SingleChoice { options, .. } => json!(options[n % options.len()].value),
        QuestionKind::MultipleChoice { options, other, max_selected, .. } => {
            let k = (1 + n % 3).min(options.len()).min(max_selected.map_or(usize::MAX, |m| m as usize));
            let selected: Vec<&str> = options.iter().skip(n % 2).take(k.max(1)).map(|o| o.value.as_str()).collect();
            let selected = if selected.is_empty() { vec![options[0].value.as_str()] } else { selected };
            if *other && n.is_multiple_of(4) && max_selected.is_none() {
                json!({"selected": selected, "other": "Arbeitskreis \"Vielfalt\", Bürgerbüro"})
            } else {
                json!(selected)
            }
        }
        QuestionKind::YesNo => json!(!n.is_multiple_of(4)),
        QuestionKind::Date { min, max } => {
            json!(min.clone().or_else(|| max.clone()).unwrap_or_else(|| "2004-09-20".to_owned()))
        }
        QuestionKind::Matrix { rows, scale } => {
            let map: serde_json::Map<String, Json> = rows
                .iter()
                .enumerate()
                .map(|(r, row)| (row.value.clone(), json!(scale[(n + r) % scale.len()].value)))
                .collect();
            Json::Object(map)
        }
        QuestionKind::Repeat { fields, min_count, max_count, .. } => {
            let count =
                (2 + n % 4).max(min_count.unwrap_or(0) as usize).min(max_count.map_or(usize::MAX, |m| m as usize));
            let records: Vec<Json> = (0..count)
                .map(|r| {
                    let map: serde_json::Map<String, Json> = fields
                        .iter()
                        .enumerate()
                        .filter_map(|(f, field)| Some((field.id.0.clone(), value_of(field, n + r * 3 + f)?)))
                        .collect();
                    Json::Object(map)
                })
                .collect();
            Json::Array(records)
        }
        QuestionKind::Calculated { .. } => return None,
    })
}

/// The signed submission of municipality `n`, signed by `key` at `created_at`.
pub fn submission(questionnaire: &Arc<Questionnaire>, n: usize, key: &KeyPair, created_at: &str) -> String {
    sign(questionnaire, &answers(questionnaire, n), key, created_at)
}

/// Signs `answers` as the app would. Panics if they do not satisfy the questionnaire (then the
/// generator needs fixing, not the code under test).
pub fn sign(
    questionnaire: &Arc<Questionnaire>,
    answers: &BTreeMap<String, Json>,
    key: &KeyPair,
    created_at: &str,
) -> String {
    let (session, issues) = Session::restore(Arc::clone(questionnaire), answers);
    assert!(issues.is_empty(), "{issues:?}");
    let violations: Vec<String> =
        session.all_violations().map(|(q, v)| format!("{}: {:?}", questionnaire.question(q).id, v.kind)).collect();
    assert!(violations.is_empty(), "{violations:?}");
    sign_unchecked(&session, key, created_at)
}

/// Signs what a session holds, whether it is complete or not.
pub fn sign_unchecked(session: &Session, key: &KeyPair, created_at: &str) -> String {
    match create_submission(session, Lang::De, created_at, key) {
        Ok(signed) => signed.text,
        Err(e) => panic!("{e}"),
    }
}

/// The key of municipality `n` (from a seed: the tests must be repeatable).
pub fn key(n: usize) -> KeyPair {
    let mut seed = [7u8; 32];
    seed[..8].copy_from_slice(&(n as u64).to_le_bytes());
    KeyPair::from_seed(seed)
}
