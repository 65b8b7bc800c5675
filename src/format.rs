//! Turning engine values into what a person reads: numbers in German or English notation,
//! dates, whole answers as text for the review, print and merge pages, kept-aside answers (in
//! the JSON form of a question that may no longer exist) as text to copy from; plus the DOM ids
//! of fields and the names of draft files.
//!
//! Pure functions, no browser: they are tested natively.

use bogen_engine::{AnswerValue, DateParts, Lang, LocalizedText, Question, QuestionKind, RecordId};
use serde_json::Value as Json;

/// A number for reading: decimal comma in German, point in English; with `group`, thousands
/// separated from four digits on ("9.000", "1.234,5" / "9,000", "1,234.5"), so that numbers in
/// one column read alike. `decimals` fixes the number of decimal places.
pub fn format_number(n: f64, decimals: Option<u32>, lang: Lang, group: bool) -> String {
    let plain = match decimals {
        Some(d) => format!("{:.*}", d as usize, n),
        None => {
            // Round away float noise such as 0.30000000000000004 before printing.
            let rounded = (n * 1e9).round() / 1e9;
            format!("{rounded}")
        }
    };
    let (sign, body) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int_part, frac_part) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let (group_sep, decimal_sep) = match lang {
        Lang::De => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut int_out = String::with_capacity(int_part.len() + 4);
    let do_group = group && int_part.len() > 3;
    for (i, c) in int_part.chars().enumerate() {
        if do_group && i > 0 && (int_part.len() - i) % 3 == 0 {
            int_out.push(group_sep);
        }
        int_out.push(c);
    }
    let sign = if int_out.chars().all(|c| c == '0' || c == group_sep)
        && frac_part.is_none_or(|f| f.chars().all(|c| c == '0'))
    {
        ""
    } else {
        sign
    };
    match frac_part {
        Some(f) => format!("{sign}{int_out}{decimal_sep}{f}"),
        None => format!("{sign}{int_out}"),
    }
}

/// Whether the numbers of a question are grouped by thousands: all but years, that is whole
/// numbers whose allowed range lies within 1000 to 9999 (`min` 1970, `max` 2005): "2005", never
/// "2.005".
pub fn groups_thousands(question: &Question) -> bool {
    !matches!(
        question.kind,
        QuestionKind::Number { integer: true, min: Some(min), max: Some(max), .. }
            if min >= 1000.0 && max <= 9999.0
    )
}

/// A number given by the respondent, for reading (review, print, messages): every decimal typed
/// and at least the question's `decimals` ("34,56" stays "34,56" with one decimal, "34" becomes
/// "34,0"), so the paper shows what the signed file holds; grouped as [`groups_thousands`] says.
/// Only calculated values are rounded to `decimals` ([`calculated_text`]).
pub fn typed_number_text(question: &Question, n: f64, lang: Lang) -> String {
    let natural = format_number(n, None, Lang::En, false);
    let typed_decimals = natural.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    let decimals = match question.kind {
        QuestionKind::Number { decimals: Some(d), .. } => d.max(typed_decimals),
        _ => typed_decimals,
    };
    format_number(n, Some(decimals), lang, groups_thousands(question))
}

/// The text shown in a number field for a stored number (no grouping, so it parses back).
pub fn number_for_input(n: f64, lang: Lang) -> String {
    format_number(n, None, lang, false)
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A `YYYY-MM-DD` date for reading: "31.03.2005" or "31 March 2005"; anything else as given.
pub fn format_date(iso: &str, lang: Lang) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return iso.to_owned();
    };
    let (Ok(month), Ok(day)) = (m.parse::<usize>(), d.parse::<u32>()) else {
        return iso.to_owned();
    };
    if y.len() != 4 || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return iso.to_owned();
    }
    match lang {
        Lang::De => format!("{d}.{m}.{y}"),
        Lang::En => format!("{day} {} {y}", MONTHS_EN[month - 1]),
    }
}

/// What one record of a repeat group is called ("Maßnahme"), or the interface's generic word.
pub fn record_name(record_label: Option<&LocalizedText>, lang: Lang) -> String {
    record_label.map(|l| l.get(lang).to_owned()).unwrap_or_else(|| crate::i18n::texts(lang).record_fallback.to_owned())
}

/// The label of an option (or matrix scale value) in `lang`; the value itself if the question has no such option.
pub fn option_label(question: &Question, value: &str, lang: Lang) -> String {
    question
        .kind
        .options()
        .iter()
        .find(|o| o.value == value)
        .map(|o| o.label.get(lang).to_owned())
        .unwrap_or_else(|| value.to_owned())
}

/// One answer as lines of text (for the review and print pages). `None` when unanswered.
pub fn answer_lines(question: &Question, answer: &AnswerValue, lang: Lang) -> Vec<String> {
    let t = crate::i18n::texts(lang);
    let option = |value: &str| option_label(question, value, lang);
    match (&question.kind, answer) {
        (QuestionKind::Date { .. }, AnswerValue::Text(text)) => vec![format_date(text, lang)],
        (_, AnswerValue::Text(text)) => vec![text.clone()],
        (QuestionKind::Number { unit, .. }, AnswerValue::Number(n)) => {
            let number = typed_number_text(question, *n, lang);
            vec![match unit {
                Some(unit) => format!("{number} {}", unit.get(lang)),
                None => number,
            }]
        }
        (_, AnswerValue::Number(n)) => vec![format_number(*n, None, lang, true)],
        (_, AnswerValue::NotANumber(text)) => vec![text.clone()],
        // Not a date yet: the fields as they were typed, in the order they are shown.
        (_, AnswerValue::NotADate(_)) => {
            let parts = DateParts::of_answer(Some(answer));
            let part = |label: &str, typed: &str| {
                let typed = typed.trim();
                format!("{label} {}", if typed.is_empty() { "–" } else { typed })
            };
            vec![[part(t.date_day, &parts.day), part(t.date_month, &parts.month), part(t.date_year, &parts.year)]
                .join(", ")]
        }
        (_, AnswerValue::Bool(true)) => vec![t.yes.to_owned()],
        (_, AnswerValue::Bool(false)) => vec![t.no.to_owned()],
        (_, AnswerValue::Choice(value)) => vec![option(value)],
        (_, AnswerValue::Choices { selected, other }) => {
            let mut lines: Vec<String> = selected.iter().map(|v| option(v)).collect();
            if let Some(other) = other {
                let other_label = match lang {
                    Lang::De => "Sonstiges",
                    Lang::En => "Other",
                };
                lines.push(format!("{other_label}: {other}"));
            }
            lines
        }
        (QuestionKind::Matrix { rows, scale }, AnswerValue::Matrix(given)) => rows
            .iter()
            .filter_map(|row| {
                let value = given.get(&row.value)?;
                let label = scale
                    .iter()
                    .find(|o| &o.value == value)
                    .map(|o| o.label.get(lang).to_owned())
                    .unwrap_or_else(|| value.clone());
                Some(format!("{}: {label}", row.label.get(lang)))
            })
            .collect(),
        (_, AnswerValue::Matrix(given)) => given.iter().map(|(r, v)| format!("{r}: {v}")).collect(),
        // Records are laid out by the caller, field by field.
        (_, AnswerValue::Records(_)) => Vec::new(),
    }
}

/// A label in front of its value on one line: "Titel: ", but "Wie heißt das Netzwerk? " and
/// "Name: " as they are (no colon after a question mark or a colon).
pub fn label_before_value(label: &str) -> String {
    let label = label.trim_end();
    if label.ends_with(['?', ':']) {
        format!("{label} ")
    } else {
        format!("{label}: ")
    }
}

/// One record of a repeat group as lines "Titel: Sprachkurs", field by field (answered fields only).
pub fn record_lines(group: &Question, record: &bogen_engine::Record, lang: Lang) -> Vec<String> {
    let QuestionKind::Repeat { fields, .. } = &group.kind else {
        return Vec::new();
    };
    fields
        .iter()
        .zip(&record.fields)
        .filter_map(|(field, value)| {
            let value = value.as_ref().filter(|v| !v.is_empty())?;
            Some(format!(
                "{}{}",
                label_before_value(field.label.get(lang)),
                answer_lines(field, value, lang).join(", ")
            ))
        })
        .collect()
}

/// An answer in its JSON form (docs/FORMAT.md, section 12) as plain text to read and copy,
/// without its question (a kept-aside answer's question may be gone): texts as they are,
/// numbers in the interface's notation without grouping (so they can be typed in again), lists
/// joined by commas, rows and fields one per line, records numbered.
///
/// `options` are those of the question the answer may belong to now: a text that is one of their
/// values reads `Label (value)` (the respondent picks options by label); values no option has (the
/// reason it was kept aside, often), and those labelled by themselves, stay as they are.
pub fn json_answer_text(value: &Json, options: &[bogen_engine::ChoiceOption], lang: Lang) -> String {
    let t = crate::i18n::texts(lang);
    let scalar = |v: &Json| -> Option<String> {
        match v {
            Json::String(s) => Some(match options.iter().find(|o| &o.value == s).map(|o| o.label.get(lang)) {
                Some(label) if label != s => format!("{label} ({s})"),
                _ => s.clone(),
            }),
            Json::Number(n) => Some(n.as_f64().map_or_else(|| n.to_string(), |f| number_for_input(f, lang))),
            Json::Bool(true) => Some(t.yes.to_owned()),
            Json::Bool(false) => Some(t.no.to_owned()),
            Json::Null => Some(String::new()),
            _ => None,
        }
    };
    // One value on one line: nested lists and objects inline.
    fn inline(v: &Json, scalar: &dyn Fn(&Json) -> Option<String>) -> String {
        if let Some(s) = scalar(v) {
            return s;
        }
        match v {
            Json::Array(items) => items.iter().map(|i| inline(i, scalar)).collect::<Vec<_>>().join(", "),
            Json::Object(map) => map
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| format!("{k}: {}", inline(v, scalar)))
                .collect::<Vec<_>>()
                .join("; "),
            _ => String::new(),
        }
    }
    if let Some(s) = scalar(value) {
        return s;
    }
    match value {
        Json::Array(items) if items.iter().any(Json::is_object) => items
            .iter()
            .enumerate()
            .map(|(i, item)| format!("{} {}: {}", t.record_fallback, i + 1, inline(item, &scalar)))
            .collect::<Vec<_>>()
            .join("\n"),
        Json::Object(map) if map.contains_key("selected") => {
            let mut text = map.get("selected").map(|s| inline(s, &scalar)).unwrap_or_default();
            if let Some(other) = map.get("other").and_then(Json::as_str) {
                let other_label = match lang {
                    Lang::De => "Sonstiges",
                    Lang::En => "Other",
                };
                if !text.is_empty() {
                    text.push_str("; ");
                }
                text.push_str(&format!("{other_label}: {other}"));
            }
            text
        }
        Json::Object(map) => map
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| format!("{k}: {}", inline(v, &scalar)))
            .collect::<Vec<_>>()
            .join("\n"),
        other => inline(other, &scalar),
    }
}

/// The name of a draft file: `<questionnaire id>-entwurf-<draft name>-<date>.json`, the name
/// in lowercase ASCII letters, digits and `-` ("Zuarbeit Sozialamt" → `zuarbeit-sozialamt`;
/// "Entwurf 1" → `<id>-entwurf-1-<date>.json`).
pub fn draft_file_name(questionnaire_id: &str, draft_name: &str, date: &str) -> String {
    let mut slug = String::new();
    // Char by char, ASCII only: `str::to_lowercase` would bring Unicode's case tables along.
    for c in draft_name.chars() {
        let part = match c {
            'ä' | 'Ä' => "ae",
            'ö' | 'Ö' => "oe",
            'ü' | 'Ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c.to_ascii_lowercase());
                continue;
            }
            _ if slug.is_empty() || slug.ends_with('-') => continue,
            _ => "-",
        };
        slug.push_str(part);
    }
    let slug: String = slug.chars().take(40).collect();
    let slug = slug.trim_end_matches('-');
    // A name that says "Entwurf" (or "Draft") already, such as "Entwurf 1", does not say it twice.
    let named = ["entwurf", "draft"].iter().any(|word| slug == *word || slug.starts_with(&format!("{word}-")));
    if slug.is_empty() {
        format!("{questionnaire_id}-entwurf-{date}.json")
    } else if named {
        let rest = slug.split_once('-').map_or("", |(_, rest)| rest);
        if rest.is_empty() {
            format!("{questionnaire_id}-entwurf-{date}.json")
        } else {
            format!("{questionnaire_id}-entwurf-{rest}-{date}.json")
        }
    } else {
        format!("{questionnaire_id}-entwurf-{slug}-{date}.json")
    }
}

/// Whether a stored time is one the app can show: RFC 3339 as drafts hold it
/// (`2026-03-01T10:00:00.400Z`, or with an offset). A hand-edited file may say anything
/// ("gestern"), which is then shown as unknown rather than as if it were a time.
pub fn is_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    let number = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let at = |i: usize, allowed: &[u8]| b.get(i).is_some_and(|c| allowed.contains(c));
    let fields = (number(0, 4), number(5, 2), number(8, 2), number(11, 2), number(14, 2), number(17, 2));
    let (Some(_), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = fields else {
        return false;
    };
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
        return false;
    }
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut i = 19;
    if at(i, b".") {
        i += 1;
        let digits = b.get(i..).map_or(0, |rest| rest.iter().take_while(|c| c.is_ascii_digit()).count());
        if digits == 0 {
            return false;
        }
        i += digits;
    }
    match b.get(i) {
        Some(b'Z' | b'z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            i + 6 == b.len()
                && number(i + 1, 2).is_some_and(|h| h < 24)
                && at(i + 3, b":")
                && number(i + 4, 2).is_some_and(|m| m < 60)
        }
        _ => false,
    }
}

/// A calculated value for reading, with its unit.
pub fn calculated_text(question: &Question, value: Option<f64>, lang: Lang) -> String {
    let QuestionKind::Calculated { unit, decimals, .. } = &question.kind else {
        return String::new();
    };
    match value {
        Some(n) => {
            let number = format_number(n, *decimals, lang, true);
            match unit {
                Some(unit) => format!("{number} {}", unit.get(lang)),
                None => number,
            }
        }
        None => crate::i18n::texts(lang).not_calculable.to_owned(),
    }
}

/// The DOM id of a question's (first) control; ids of questions are letters, digits and `_`.
pub fn question_dom_id(question: &Question) -> String {
    format!("q-{}", question.id.0)
}

/// The DOM id of a field of a record of a repeat group.
pub fn record_field_dom_id(group: &Question, record: RecordId, field: &Question) -> String {
    format!("q-{}-r{}-{}", group.id.0, record.0, field.id.0)
}

/// The DOM id of the "please specify" text field of a multiple choice's "other" box.
pub fn other_text_dom_id(field_dom_id: &str) -> String {
    format!("{field_dom_id}-other-text")
}

/// The DOM id of a repeat group's "add" button (the target of the group's own errors).
pub fn add_button_dom_id(group: &Question) -> String {
    format!("q-{}", group.id.0)
}

/// Splits a text into paragraphs at blank lines; lines inside a paragraph are kept (the CSS
/// shows them as line breaks).
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim_end());
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_the_german_way() {
        assert_eq!(format_number(12.5, None, Lang::De, true), "12,5");
        assert_eq!(format_number(12.5, None, Lang::En, true), "12.5");
        assert_eq!(format_number(589000.0, None, Lang::De, true), "589.000");
        assert_eq!(format_number(1234.0, None, Lang::De, true), "1.234");
        assert_eq!(format_number(9000.0, None, Lang::En, true), "9,000");
        assert_eq!(format_number(900.0, None, Lang::De, true), "900");
        assert_eq!(format_number(1234567.891, Some(2), Lang::De, true), "1.234.567,89");
        assert_eq!(format_number(1234567.891, Some(1), Lang::En, true), "1,234,567.9");
        assert_eq!(format_number(-0.001, Some(1), Lang::De, true), "0,0");
        assert_eq!(format_number(0.1 + 0.2, None, Lang::De, false), "0,3");
        assert_eq!(format_number(-12345.0, None, Lang::De, true), "-12.345");
        assert_eq!(format_number(7.0, Some(1), Lang::De, true), "7,0");
    }

    fn number_question(json: &str) -> bogen_engine::Questionnaire {
        bogen_engine::compile(&format!(
            r#"{{"formatVersion": 1, "id": "t", "version": "1", "title": "T", "sections": [
                {{"id": "a", "title": "A", "questions": [{json}]}}]}}"#
        ))
        .expect("compiles")
    }

    #[test]
    fn answered_numbers_are_grouped_alike_and_show_every_decimal_typed() {
        let people = number_question(r#"{"id": "n", "type": "integer", "label": "Personen", "unit": "Personen"}"#);
        let people = &people.questions[0];
        let answer = |n: f64, lang| answer_lines(people, &AnswerValue::Number(n), lang);
        assert_eq!(answer(9000.0, Lang::De), ["9.000 Personen"]);
        assert_eq!(answer(21500.0, Lang::De), ["21.500 Personen"]);
        assert_eq!(answer(9000.0, Lang::En), ["9,000 Personen"]);
        let share = number_question(r#"{"id": "n", "type": "decimal", "label": "Anteil", "decimals": 1}"#);
        let share = &share.questions[0];
        // Never rounded: the paper shows what the exported file holds (34.56).
        assert_eq!(typed_number_text(share, 34.56, Lang::De), "34,56");
        assert_eq!(typed_number_text(share, 34.5, Lang::En), "34.5");
        assert_eq!(typed_number_text(share, 34.0, Lang::De), "34,0");
        assert_eq!(typed_number_text(share, 1234.56, Lang::De), "1.234,56");
        let year = number_question(r#"{"id": "n", "type": "integer", "label": "Jahr", "min": 1970, "max": 2005}"#);
        assert_eq!(typed_number_text(&year.questions[0], 2003.0, Lang::De), "2003");
        assert!(!groups_thousands(&year.questions[0]));
        assert!(groups_thousands(people));
    }

    #[test]
    fn a_label_that_ends_in_a_question_mark_or_colon_gets_no_colon_before_its_value() {
        assert_eq!(label_before_value("Titel"), "Titel: ");
        assert_eq!(label_before_value("Wie heißt das Netzwerk?"), "Wie heißt das Netzwerk? ");
        assert_eq!(label_before_value("Name:"), "Name: ");
        let group = number_question(
            r#"{"id": "g", "type": "repeat", "label": "Netzwerke", "fields": [
                {"id": "name", "type": "text", "label": "Wie heißt das Netzwerk?"},
                {"id": "since", "type": "integer", "label": "Seit", "unit": "Mitglieder"}]}"#,
        );
        let record = bogen_engine::Record {
            id: RecordId(0),
            fields: vec![Some(AnswerValue::Text("Netzwerk Solingen".into())), Some(AnswerValue::Number(1200.0))],
        };
        assert_eq!(
            record_lines(&group.questions[0], &record, Lang::De),
            ["Wie heißt das Netzwerk? Netzwerk Solingen", "Seit: 1.200 Mitglieder"]
        );
    }

    #[test]
    fn dates_read_per_language() {
        assert_eq!(format_date("2005-03-31", Lang::De), "31.03.2005");
        assert_eq!(format_date("2005-03-31", Lang::En), "31 March 2005");
        assert_eq!(format_date("soon", Lang::De), "soon");
    }

    #[test]
    fn a_kept_aside_choice_shows_the_labels_of_the_options_still_offered() {
        use bogen_engine::{ChoiceOption, LocalizedText};
        let option = |value: &str, de: &str| ChoiceOption { value: value.to_owned(), label: LocalizedText::plain(de) };
        let options = [option("sprache", "Sprachförderung"), option("wohnen", "Wohnen"), option("eng", "eng")];
        let json: Json = serde_json::from_str(r#"["sprache", "sport", "wohnen"]"#).unwrap();
        assert_eq!(json_answer_text(&json, &options, Lang::De), "Sprachförderung (sprache), sport, Wohnen (wohnen)");
        let single: Json = serde_json::from_str(r#"{"selected": "wohnen", "other": "Kita"}"#).unwrap();
        assert_eq!(json_answer_text(&single, &options, Lang::De), "Wohnen (wohnen); Sonstiges: Kita");
        let matrix: Json = serde_json::from_str(r#"{"schulen": "eng"}"#).unwrap();
        assert_eq!(json_answer_text(&matrix, &options, Lang::De), "schulen: eng");
    }

    #[test]
    fn only_a_time_in_rfc_3339_counts_as_a_time_a_hand_edit_does_not() {
        for good in [
            "2026-03-01T10:00:00.400Z",
            "2026-03-01T10:00:00Z",
            "2026-03-01t10:00:00+01:00",
            "2026-03-01 10:00:00.1-05:30",
        ] {
            assert!(is_rfc3339(good), "{good}");
        }
        for bad in [
            "gestern",
            "",
            "2026-03-01",
            "2026-13-01T10:00:00Z",
            "2026-03-01T10:00:00",
            "2026-03-01T10:00:00.Z",
            "1",
            "2026-03-01T25:00:00Z",
            "2026-03-01T10:00:00Zx",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }

    #[test]
    fn a_kept_aside_answer_reads_as_plain_text_whatever_its_form() {
        let text = |json: &str, lang| json_answer_text(&serde_json::from_str(json).expect("test JSON"), &[], lang);
        assert_eq!(text(r#""0212 290-0""#, Lang::De), "0212 290-0");
        assert_eq!(text("12.5", Lang::De), "12,5");
        assert_eq!(text("163000", Lang::En), "163000");
        assert_eq!(text("true", Lang::De), "Ja");
        assert_eq!(text(r#"["sprache", "wohnen"]"#, Lang::De), "sprache, wohnen");
        assert_eq!(text(r#"{"selected": ["arbeit"], "other": "Sport"}"#, Lang::De), "arbeit; Sonstiges: Sport");
        assert_eq!(text(r#"{"schulen": "eng", "vereine": "keine"}"#, Lang::De), "schulen: eng\nvereine: keine");
        assert_eq!(
            text(r#"[{"title": "Kurs", "budget": 1200.5}, {"title": "Treff", "field": null}]"#, Lang::De),
            "Eintrag 1: budget: 1200,5; title: Kurs\nEintrag 2: title: Treff"
        );
        assert_eq!(text(r#"{"title": "Kurs", "field": "wohnen"}"#, Lang::En), "field: wohnen\ntitle: Kurs");
    }

    #[test]
    fn a_draft_file_is_named_after_the_questionnaire_the_draft_and_the_day() {
        assert_eq!(
            draft_file_name("erfolgreiche-integration-2005", "Zuarbeit Sozialamt", "2026-03-01"),
            "erfolgreiche-integration-2005-entwurf-zuarbeit-sozialamt-2026-03-01.json"
        );
        assert_eq!(
            draft_file_name("q", "Bewerbung 1. Runde (Köln)!", "2026-03-01"),
            "q-entwurf-bewerbung-1-runde-koeln-2026-03-01.json"
        );
        assert_eq!(draft_file_name("q", "  ", "2026-03-01"), "q-entwurf-2026-03-01.json");
        assert_eq!(
            draft_file_name("q", "Entwurf 1", "2026-03-01"),
            "q-entwurf-1-2026-03-01.json",
            "not entwurf-entwurf"
        );
        assert_eq!(draft_file_name("q", "Draft 2", "2026-03-01"), "q-entwurf-2-2026-03-01.json");
        assert_eq!(draft_file_name("q", "Entwurf", "2026-03-01"), "q-entwurf-2026-03-01.json");
        assert_eq!(draft_file_name("q", "Entwurfsfassung", "2026-03-01"), "q-entwurf-entwurfsfassung-2026-03-01.json");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(
            split_paragraphs("Eins\r\nzwei\r\n\r\n  \nDrei\n"),
            vec!["Eins\nzwei".to_owned(), "Drei".to_owned()]
        );
    }
}
