//! Every text of the app's own interface, in German (first) and English.
//!
//! The questionnaire's texts come from the file (`LocalizedText::get`); everything else the
//! respondent reads is here, so that a translation is checked by the compiler: [`Texts`] has one
//! field per fixed text and both [`DE`] and [`EN`] must fill every field. Texts with numbers or
//! names in them are functions that take the language.

use crate::format::{format_date, format_number};
use bogen_engine::{Lang, Question, QuestionKind, Violation, ViolationKind};

/// The fixed texts of one language.
pub struct Texts {
    pub skip_link: &'static str,
    pub language_nav: &'static str,
    pub service_name: &'static str,
    pub loading: &'static str,
    pub no_script: &'static str,
    pub error_prefix: &'static str,
    pub error_summary_title: &'static str,
    pub back_to_overview: &'static str,
    pub back: &'static str,
    pub continue_: &'static str,
    pub optional: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub please_choose: &'static str,
    pub other_option: &'static str,
    pub other_specify: &'static str,
    pub not_answered: &'static str,
    pub not_calculable: &'static str,
    pub remove_confirm: &'static str,
    pub remove_yes: &'static str,
    pub cancel: &'static str,
    pub record_fallback: &'static str,
    pub no_records: &'static str,
    pub status_not_needed: &'static str,
    pub status_not_started: &'static str,
    pub status_in_progress: &'static str,
    pub status_completed: &'static str,
    pub status_has_errors: &'static str,
    pub deadline: &'static str,
    pub submit_to: &'static str,
    pub sections_heading: &'static str,
    pub finish_heading: &'static str,
    pub review_link: &'static str,
    pub print_link: &'static str,
    pub open_other_heading: &'static str,
    pub open_other_text: &'static str,
    pub open_file_label: &'static str,
    pub drop_hint: &'static str,
    pub draft_heading: &'static str,
    pub draft_text: &'static str,
    pub draft_download: &'static str,
    pub draft_saving: &'static str,
    pub review_title: &'static str,
    pub change: &'static str,
    pub submit_heading: &'static str,
    pub export_button: &'static str,
    pub export_note: &'static str,
    pub export_refused_title: &'static str,
    pub export_refused_text: &'static str,
    pub export_done: &'static str,
    pub print_title: &'static str,
    pub print_button: &'static str,
    pub print_intro: &'static str,
    pub signature_heading: &'static str,
    pub signature_place_date: &'static str,
    pub signature_sign: &'static str,
    pub signature_name: &'static str,
    pub broken_title: &'static str,
    pub broken_text: &'static str,
    pub broken_file: &'static str,
    pub broken_line: &'static str,
    pub broken_col: &'static str,
    pub broken_path: &'static str,
    pub broken_whole_file: &'static str,
    pub broken_no_position: &'static str,
    pub open_default: &'static str,
    pub fetch_failed_title: &'static str,
    pub fetch_failed_text: &'static str,
    pub storage_quota: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_failed: &'static str,
    pub restore_unreadable: &'static str,
    pub restore_kept_aside: &'static str,
    pub file_read_failed: &'static str,
    pub calculated_hint: &'static str,
    pub section_not_needed: &'static str,
    pub broken_open_heading: &'static str,
    pub broken_open_label: &'static str,
}

/// German.
pub const DE: Texts = Texts {
    skip_link: "Zum Inhalt springen",
    language_nav: "Sprache",
    service_name: "Bogen",
    loading: "Der Fragebogen wird geladen …",
    no_script: "Bitte aktivieren Sie JavaScript, um den Fragebogen auszufüllen.",
    error_prefix: "Fehler:",
    error_summary_title: "Es gibt ein Problem",
    back_to_overview: "Zurück zur Übersicht",
    back: "Zurück",
    continue_: "Weiter",
    optional: "(optional)",
    yes: "Ja",
    no: "Nein",
    please_choose: "Bitte auswählen",
    other_option: "Sonstiges, bitte angeben",
    other_specify: "Bitte angeben",
    not_answered: "Nicht beantwortet",
    not_calculable: "Noch nicht berechenbar",
    remove_confirm: "Wirklich entfernen?",
    remove_yes: "Ja, entfernen",
    cancel: "Abbrechen",
    record_fallback: "Eintrag",
    no_records: "Noch keine Einträge.",
    status_not_needed: "Nicht erforderlich",
    status_not_started: "Nicht begonnen",
    status_in_progress: "In Bearbeitung",
    status_completed: "Erledigt",
    status_has_errors: "Fehlerhaft",
    deadline: "Abgabe bis",
    submit_to: "Einsenden an",
    sections_heading: "Abschnitte",
    finish_heading: "Prüfen und abschließen",
    review_link: "Antworten prüfen",
    print_link: "Druckansicht",
    open_other_heading: "Fragebogen oder Entwurf öffnen",
    open_other_text: "Hat Ihnen das Projektbüro eine Fragebogen-Datei geschickt, oder eine Kollegin einen Entwurf? Öffnen Sie die Datei hier. Ein Entwurf ersetzt die Antworten in diesem Browser; Antworten zu jedem Fragebogen werden getrennt gespeichert.",
    open_file_label: "Datei auswählen (Fragebogen oder Entwurf)",
    drop_hint: "Sie können die Datei auch hierher ziehen.",
    draft_heading: "Ihr Entwurf",
    draft_text: "Ihre Antworten werden während der Eingabe automatisch in diesem Browser gespeichert. Zur Sicherheit oder zur Weitergabe können Sie den Entwurf als Datei speichern.",
    draft_download: "Entwurf als Datei speichern",
    draft_saving: "Entwurf wird gespeichert …",
    review_title: "Antworten prüfen",
    change: "Ändern",
    submit_heading: "Antworten herunterladen",
    export_button: "Antworten als Datei herunterladen (noch ohne Signatur)",
    export_note: "Die Datei enthält alle sichtbaren Antworten. Die signierte Abgabedatei folgt in einer späteren Version.",
    export_refused_title: "Die Antworten können noch nicht heruntergeladen werden",
    export_refused_text: "Bitte beheben Sie zuerst diese Probleme:",
    export_done: "Die Datei wurde heruntergeladen.",
    print_title: "Druckansicht",
    print_button: "Drucken",
    print_intro: "Alle sichtbaren Antworten zur Unterschrift auf Papier.",
    signature_heading: "Unterschrift",
    signature_place_date: "Ort, Datum",
    signature_sign: "Unterschrift der Bürgermeisterin / des Bürgermeisters bzw. der Landrätin / des Landrats",
    signature_name: "Name in Druckbuchstaben",
    broken_title: "Der Fragebogen kann nicht geöffnet werden",
    broken_text: "Die Fragebogen-Datei enthält Fehler. Bitte schicken Sie diese Liste an die Stelle, von der Sie die Datei erhalten haben. Die einzelnen Meldungen sind auf Englisch: Sie richten sich an die Verfasser des Fragebogens und nennen Zeile, Spalte und Stelle in der Datei.",
    broken_file: "Datei",
    broken_line: "Zeile",
    broken_col: "Spalte",
    broken_path: "Stelle",
    broken_whole_file: "ganze Datei",
    broken_no_position: "ohne Zeilenangabe",
    open_default: "Standard-Fragebogen öffnen",
    fetch_failed_title: "Der Fragebogen konnte nicht geladen werden",
    fetch_failed_text: "Die Fragebogen-Datei aus dem Link konnte nicht abgerufen werden.",
    storage_quota: "Speicher voll – Entwurf jetzt als Datei sichern",
    storage_unavailable: "Dieser Browser erlaubt kein Speichern – Entwurf als Datei sichern",
    storage_failed: "Entwurf konnte nicht gespeichert werden – Entwurf als Datei sichern",
    restore_unreadable: "Ein gespeicherter Entwurf konnte nicht gelesen werden. Der Bogen beginnt leer; der alte Entwurf wurde beiseitegelegt.",
    restore_kept_aside: "Einige gespeicherte Antworten passen nicht mehr zu diesem Fragebogen. Sie werden nicht angezeigt, bleiben aber im Entwurf erhalten.",
    file_read_failed: "Die Datei konnte nicht gelesen werden.",
    calculated_hint: "Wird automatisch berechnet.",
    section_not_needed: "Nach Ihren bisherigen Antworten ist dieser Abschnitt nicht erforderlich.",
    broken_open_heading: "Anderen Fragebogen öffnen",
    broken_open_label: "Fragebogen-Datei auswählen",
};

/// English.
pub const EN: Texts = Texts {
    skip_link: "Skip to main content",
    language_nav: "Language",
    service_name: "Bogen",
    loading: "Loading the questionnaire …",
    no_script: "Please turn on JavaScript to fill in the questionnaire.",
    error_prefix: "Error:",
    error_summary_title: "There is a problem",
    back_to_overview: "Back to the overview",
    back: "Back",
    continue_: "Continue",
    optional: "(optional)",
    yes: "Yes",
    no: "No",
    please_choose: "Please choose",
    other_option: "Other, please specify",
    other_specify: "Please specify",
    not_answered: "Not answered",
    not_calculable: "Cannot be calculated yet",
    remove_confirm: "Really remove?",
    remove_yes: "Yes, remove",
    cancel: "Cancel",
    record_fallback: "Entry",
    no_records: "No entries yet.",
    status_not_needed: "Not needed",
    status_not_started: "Not started",
    status_in_progress: "In progress",
    status_completed: "Completed",
    status_has_errors: "Has errors",
    deadline: "Deadline",
    submit_to: "Send to",
    sections_heading: "Sections",
    finish_heading: "Check and finish",
    review_link: "Check your answers",
    print_link: "Print view",
    open_other_heading: "Open a questionnaire or a draft",
    open_other_text: "Did the project office send you a questionnaire file, or a colleague a draft? Open the file here. A draft replaces the answers in this browser; answers to each questionnaire are kept separately.",
    open_file_label: "Choose a file (questionnaire or draft)",
    drop_hint: "You can also drag the file here.",
    draft_heading: "Your draft",
    draft_text: "Your answers are saved automatically in this browser as you type. To be safe, or to pass it on, you can save the draft as a file.",
    draft_download: "Save the draft as a file",
    draft_saving: "Saving the draft …",
    review_title: "Check your answers",
    change: "Change",
    submit_heading: "Download your answers",
    export_button: "Download the answers as a file (not signed yet)",
    export_note: "The file holds every visible answer. The signed submission file follows in a later version.",
    export_refused_title: "The answers cannot be downloaded yet",
    export_refused_text: "Please fix these problems first:",
    export_done: "The file has been downloaded.",
    print_title: "Print view",
    print_button: "Print",
    print_intro: "All visible answers, for signing on paper.",
    signature_heading: "Signature",
    signature_place_date: "Place, date",
    signature_sign: "Signature of the mayor or district administrator",
    signature_name: "Name in block letters",
    broken_title: "The questionnaire cannot be opened",
    broken_text: "The questionnaire file has mistakes. Please send this list to whoever sent you the file.",
    broken_file: "File",
    broken_line: "Line",
    broken_col: "column",
    broken_path: "place",
    broken_whole_file: "whole file",
    broken_no_position: "no line given",
    open_default: "Open the default questionnaire",
    fetch_failed_title: "The questionnaire could not be loaded",
    fetch_failed_text: "The questionnaire file from the link could not be fetched.",
    storage_quota: "Storage full – save the draft as a file now",
    storage_unavailable: "This browser does not allow saving – save the draft as a file",
    storage_failed: "The draft could not be saved – save the draft as a file",
    restore_unreadable: "A saved draft could not be read. The form starts empty; the old draft was put aside.",
    restore_kept_aside: "Some saved answers no longer fit this questionnaire. They are not shown, but they stay in the draft.",
    file_read_failed: "The file could not be read.",
    calculated_hint: "Calculated automatically.",
    section_not_needed: "Going by your answers so far, this section is not needed.",
    broken_open_heading: "Open another questionnaire",
    broken_open_label: "Choose a questionnaire file",
};

/// The fixed texts of `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

/// The name of a language in that language, for the language switch.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Deutsch",
        Lang::En => "English",
    }
}

/// "7 von 11 Abschnitten erledigt".
pub fn progress(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::De => format!("{done} von {total} Abschnitten erledigt"),
        Lang::En => format!("{done} of {total} sections completed"),
    }
}

/// The live counter under a long text with a maximum length.
pub fn chars_remaining(lang: Lang, max: u32, used: usize) -> String {
    let max = max as usize;
    match (lang, used <= max) {
        (Lang::De, true) if max - used == 1 => "Sie haben noch 1 Zeichen".to_owned(),
        (Lang::De, true) => format!("Sie haben noch {} Zeichen", max - used),
        (Lang::De, false) => format!("Sie haben {} Zeichen zu viel", used - max),
        (Lang::En, true) if max - used == 1 => "You have 1 character remaining".to_owned(),
        (Lang::En, true) => format!("You have {} characters remaining", max - used),
        (Lang::En, false) if used - max == 1 => "You have 1 character too many".to_owned(),
        (Lang::En, false) => format!("You have {} characters too many", used - max),
    }
}

/// "Maßnahme hinzufügen".
pub fn add_record(lang: Lang, record: &str) -> String {
    match lang {
        Lang::De => format!("{record} hinzufügen"),
        Lang::En => format!("Add {}", lower_first(record)),
    }
}

/// "Maßnahme 2 entfernen".
pub fn remove_record(lang: Lang, record_title: &str) -> String {
    match lang {
        Lang::De => format!("{record_title} entfernen"),
        Lang::En => format!("Remove {}", lower_first(record_title)),
    }
}

/// The hint under a repeat group's button when no more records may be added.
pub fn max_records(lang: Lang, max: u32) -> String {
    match lang {
        Lang::De => format!("Sie können höchstens {max} Einträge angeben."),
        Lang::En => format!("You can give at most {max} entries."),
    }
}

/// "Entwurf gespeichert 14:32".
pub fn saved_at(lang: Lang, time: &str) -> String {
    match lang {
        Lang::De => format!("Entwurf gespeichert {time}"),
        Lang::En => format!("Draft saved {time}"),
    }
}

/// The notice after a draft was restored.
pub fn restored(lang: Lang, saved_at: &str) -> String {
    match lang {
        Lang::De => format!("Ihr Entwurf vom {saved_at} wurde wiederhergestellt."),
        Lang::En => format!("Your draft of {saved_at} has been restored."),
    }
}

/// The notice when a draft file of another questionnaire was opened.
pub fn draft_of_other(lang: Lang, id: &str) -> String {
    match lang {
        Lang::De => {
            format!("Dieser Entwurf gehört zu einem anderen Fragebogen („{id}“). Öffnen Sie zuerst diesen Fragebogen.")
        }
        Lang::En => format!("This draft belongs to another questionnaire (“{id}”). Open that questionnaire first."),
    }
}

/// The visually hidden rest of a change link: "Ändern <span>Name der Kommune</span>".
pub fn change_suffix(label: &str) -> String {
    format!(" {label}")
}

/// Where a problem of a broken file is: "Zeile 16, Spalte 11" (also read as 16:11).
pub fn problem_position(lang: Lang, line: usize, col: usize) -> String {
    let t = texts(lang);
    format!("{} {line}, {} {col} ({line}:{col})", t.broken_line, t.broken_col)
}

/// The document title of a page: "Fehler: Angaben zur Kommune – Bewerbungsbogen".
pub fn document_title(lang: Lang, page: &str, questionnaire: &str, has_errors: bool) -> String {
    let prefix = if has_errors { format!("{} ", texts(lang).error_prefix) } else { String::new() };
    if page.is_empty() || page == questionnaire {
        format!("{prefix}{questionnaire}")
    } else {
        format!("{prefix}{page} – {questionnaire}")
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // Only English gets lowered: "Add measure"; German nouns keep their capital.
        Some(first) => first.to_lowercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// The message for a violation as the error summary lists it: a message that does not name
/// the question gets its label in front, so that the summary reads on its own.
pub fn violation_summary(lang: Lang, violation: &Violation, question: &Question, label: &str) -> String {
    let message = violation_message(lang, violation, question, label);
    if message.contains(label) {
        message
    } else {
        format!("{label} – {message}")
    }
}

/// The message for a violation, as shown at the field: the office's own text when it wrote
/// one, otherwise the default for its kind. Only "required" names the question ("Bitte
/// beantworten Sie: Name der Kommune"); the others stand under its label.
pub fn violation_message(lang: Lang, violation: &Violation, question: &Question, label: &str) -> String {
    if let Some(custom) = &violation.custom_message {
        return custom.get(lang).to_owned();
    }
    let de = lang == Lang::De;
    let num = |n: f64| format_number(n, None, lang, true);
    let option_label = |value: &str| crate::format::option_label(question, value, lang);
    match &violation.kind {
        ViolationKind::Required => match &question.kind {
            QuestionKind::Repeat { .. } if de => format!("Bitte machen Sie Angaben: {label}"),
            QuestionKind::Repeat { .. } => format!("Please give details: {label}"),
            _ if de => format!("Bitte beantworten Sie: {label}"),
            _ => format!("Please answer: {label}"),
        },
        ViolationKind::NotANumber if de => "Geben Sie eine Zahl ein, zum Beispiel 12 oder 12,5".to_owned(),
        ViolationKind::NotANumber => "Enter a number, like 12 or 12.5".to_owned(),
        ViolationKind::NotAWholeNumber if de => "Geben Sie eine ganze Zahl ohne Komma ein".to_owned(),
        ViolationKind::NotAWholeNumber => "Enter a whole number".to_owned(),
        ViolationKind::BelowMin { min } if de => {
            format!("Die Zahl muss mindestens {} sein", num(*min))
        }
        ViolationKind::BelowMin { min } => {
            format!("The number must be {} or more", num(*min))
        }
        ViolationKind::AboveMax { max } if de => {
            format!("Die Zahl darf höchstens {} sein", num(*max))
        }
        ViolationKind::AboveMax { max } => {
            format!("The number must be {} or less", num(*max))
        }
        ViolationKind::InvalidDate if de => "Geben Sie ein gültiges Datum ein".to_owned(),
        ViolationKind::InvalidDate => "Enter a real date".to_owned(),
        ViolationKind::DateBeforeMin { min } if de => {
            format!("Das Datum darf nicht vor dem {} liegen", format_date(min, lang))
        }
        ViolationKind::DateBeforeMin { min } => {
            format!("The date must be on or after {}", format_date(min, lang))
        }
        ViolationKind::DateAfterMax { max } if de => {
            format!("Das Datum darf nicht nach dem {} liegen", format_date(max, lang))
        }
        ViolationKind::DateAfterMax { max } => {
            format!("The date must be on or before {}", format_date(max, lang))
        }
        ViolationKind::TooShort { min_length } if de => {
            format!("Geben Sie mindestens {min_length} Zeichen ein")
        }
        ViolationKind::TooShort { min_length } => {
            format!("Enter at least {min_length} characters")
        }
        ViolationKind::TooLong { max_length } if de => {
            format!("Geben Sie höchstens {max_length} Zeichen ein")
        }
        ViolationKind::TooLong { max_length } => {
            format!("Enter {max_length} characters or fewer")
        }
        ViolationKind::PatternMismatch if de => "Die Eingabe hat nicht die erwartete Form".to_owned(),
        ViolationKind::PatternMismatch => "Enter it in the expected form".to_owned(),
        ViolationKind::InvalidEmail if de => {
            "Geben Sie eine E-Mail-Adresse in der richtigen Form ein, zum Beispiel name@beispiel.de".to_owned()
        }
        ViolationKind::InvalidEmail => "Enter an email address in the correct format, like name@example.com".to_owned(),
        ViolationKind::InvalidUrl if de => {
            "Geben Sie eine Internetadresse ein, die mit https:// oder http:// beginnt".to_owned()
        }
        ViolationKind::InvalidUrl => "Enter a web address that starts with https:// or http://".to_owned(),
        ViolationKind::InvalidPhone if de => {
            "Geben Sie eine Telefonnummer ein, zum Beispiel 0711 216-0 oder +49 711 216-0".to_owned()
        }
        ViolationKind::InvalidPhone => "Enter a telephone number, like 0711 216-0 or +49 711 216-0".to_owned(),
        ViolationKind::UnknownOption { value } if de => {
            format!("„{value}“ ist keine der Auswahlmöglichkeiten")
        }
        ViolationKind::UnknownOption { value } => {
            format!("“{value}” is not one of the options")
        }
        ViolationKind::TooFewSelected { min } if de => {
            format!("Wählen Sie mindestens {min} aus")
        }
        ViolationKind::TooFewSelected { min } => format!("Select at least {min}"),
        ViolationKind::TooManySelected { max } if de => {
            format!("Wählen Sie höchstens {max} aus")
        }
        ViolationKind::TooManySelected { max } => format!("Select {max} or fewer"),
        ViolationKind::OtherNotSpecified if de => "Geben Sie an, was mit „Sonstiges“ gemeint ist".to_owned(),
        ViolationKind::OtherNotSpecified => "Say what “Other” means".to_owned(),
        ViolationKind::TooFewRecords { min } if de => {
            format!("Geben Sie mindestens {min} Einträge an")
        }
        ViolationKind::TooFewRecords { min } => format!("Give at least {min} entries"),
        ViolationKind::TooManyRecords { max } if de => {
            format!("Geben Sie höchstens {max} Einträge an")
        }
        ViolationKind::TooManyRecords { max } => format!("Give {max} entries or fewer"),
        ViolationKind::MatrixRowsMissing { rows } => {
            let rows: Vec<String> = match &question.kind {
                QuestionKind::Matrix { rows: all, .. } => rows
                    .iter()
                    .map(|r| {
                        all.iter()
                            .find(|o| &o.value == r)
                            .map(|o| o.label.get(lang).to_owned())
                            .unwrap_or_else(|| r.clone())
                    })
                    .collect(),
                _ => rows.iter().map(|r| option_label(r)).collect(),
            };
            if de {
                format!("Bitte beantworten Sie auch: {}", rows.join(", "))
            } else {
                format!("Please also answer: {}", rows.join(", "))
            }
        }
        // Rules always carry the office's message; this is only reached for a rule without one.
        ViolationKind::RuleFailed { .. } if de => "Die Angabe passt nicht zu den anderen Angaben".to_owned(),
        ViolationKind::RuleFailed { .. } => "The answer does not fit the other answers".to_owned(),
        _ if de => "Die Angabe ist nicht gültig".to_owned(),
        _ => "The answer is not valid".to_owned(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use bogen_engine::{compile, ViolationLocation};

    #[test]
    fn required_names_the_question_in_both_languages() {
        let questionnaire = compile(
            r#"{"formatVersion": 1, "id": "t", "version": "1", "title": "T", "sections": [
                {"id": "a", "title": "A", "questions": [
                    {"id": "name", "type": "text", "label": "Name der Kommune", "required": true}]}]}"#,
        )
        .expect("compiles");
        let question = &questionnaire.questions[0];
        let violation =
            Violation { location: ViolationLocation::Answer, kind: ViolationKind::Required, custom_message: None };
        let label = "Name der Kommune";
        assert_eq!(violation_message(Lang::De, &violation, question, label), "Bitte beantworten Sie: Name der Kommune");
        assert_eq!(violation_message(Lang::En, &violation, question, label), "Please answer: Name der Kommune");
        let too_long = Violation { kind: ViolationKind::TooLong { max_length: 5 }, ..violation };
        assert_eq!(
            violation_summary(Lang::De, &too_long, question, label),
            "Name der Kommune – Geben Sie höchstens 5 Zeichen ein"
        );
    }

    #[test]
    fn the_character_counter_counts_down_and_over() {
        assert_eq!(chars_remaining(Lang::De, 200, 80), "Sie haben noch 120 Zeichen");
        assert_eq!(chars_remaining(Lang::En, 200, 80), "You have 120 characters remaining");
        assert_eq!(chars_remaining(Lang::De, 10, 12), "Sie haben 2 Zeichen zu viel");
        assert_eq!(progress(Lang::De, 7, 11), "7 von 11 Abschnitten erledigt");
        assert_eq!(progress(Lang::En, 7, 11), "7 of 11 sections completed");
    }
}
