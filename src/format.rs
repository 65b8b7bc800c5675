//! Turning engine values into what a person reads: numbers in German or English notation,
//! dates, and whole answers as text for the review and print pages; plus the DOM ids of fields.
//!
//! Pure functions, no browser: they are tested natively.

use bogen_engine::{AnswerValue, Lang, LocalizedText, Question, QuestionKind, RecordId};

/// A number for reading: decimal comma in German, point in English; with `group`, thousands
/// separated ("1.234,5" / "1,234.5"). `decimals` fixes the number of decimal places.
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
    // German style groups only numbers of five or more digits ("1234" but "12.345").
    let do_group = group && int_part.len() > 4;
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
        (QuestionKind::Number { unit, decimals, .. }, AnswerValue::Number(n)) => {
            let number = format_number(*n, *decimals, lang, true);
            vec![match unit {
                Some(unit) => format!("{number} {}", unit.get(lang)),
                None => number,
            }]
        }
        (_, AnswerValue::Number(n)) => vec![format_number(*n, None, lang, true)],
        (_, AnswerValue::NotANumber(text)) => vec![text.clone()],
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
        assert_eq!(format_number(1234.0, None, Lang::De, true), "1234");
        assert_eq!(format_number(1234567.891, Some(2), Lang::De, true), "1.234.567,89");
        assert_eq!(format_number(1234567.891, Some(1), Lang::En, true), "1,234,567.9");
        assert_eq!(format_number(-0.001, Some(1), Lang::De, true), "0,0");
        assert_eq!(format_number(0.1 + 0.2, None, Lang::De, false), "0,3");
        assert_eq!(format_number(-12345.0, None, Lang::De, true), "-12.345");
        assert_eq!(format_number(7.0, Some(1), Lang::De, true), "7,0");
    }

    #[test]
    fn dates_read_per_language() {
        assert_eq!(format_date("2005-03-31", Lang::De), "31.03.2005");
        assert_eq!(format_date("2005-03-31", Lang::En), "31 March 2005");
        assert_eq!(format_date("soon", Lang::De), "soon");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(
            split_paragraphs("Eins\r\nzwei\r\n\r\n  \nDrei\n"),
            vec!["Eins\nzwei".to_owned(), "Drei".to_owned()]
        );
    }
}
