//! Every text of the office's page, German first and English second, and the wording of what
//! the page shows: statuses, the reasons a file is invalid with what to do about it, counts,
//! times and the names of downloaded files. Pure, so it is tested natively.
//!
//! The library's messages (`bogen-office`, the engine) are English, like the CLI's; the page
//! words each reason code itself and shows the library's message beside it as the detail.

use crate::office::Tally;
use bogen_engine::Lang;
use bogen_office::batch::{Cause, InvalidKind};

/// The fixed texts of the page in one language.
pub struct Texts {
    pub service_name: &'static str,
    pub skip_link: &'static str,
    pub language_nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub private: &'static str,
    pub known_intro: &'static str,
    pub pick_label: &'static str,
    pub pick_hint: &'static str,
    pub clear: &'static str,
    pub nothing_yet: &'static str,
    pub progress_label: &'static str,
    pub caption: &'static str,
    pub col_file: &'static str,
    pub col_status: &'static str,
    pub col_municipality: &'static str,
    pub col_kind: &'static str,
    pub col_fingerprint: &'static str,
    pub col_time: &'static str,
    pub col_digest: &'static str,
    pub valid: &'static str,
    pub superseded: &'static str,
    pub invalid: &'static str,
    pub message: &'static str,
    pub questionnaire_kind: &'static str,
    pub questionnaire_used: &'static str,
    pub questionnaire_known: &'static str,
    pub questionnaire_broken: &'static str,
    pub questionnaire_broken_hint: &'static str,
    pub downloads_heading: &'static str,
    pub downloads_intro: &'static str,
    pub xlsx_button: &'static str,
    pub csv_intro: &'static str,
    pub choose_legend: &'static str,
    pub download_failed: &'static str,
    pub built_in_broken: &'static str,
    /// Read before a warning by screen readers (GOV.UK's warning text).
    pub warning_word: &'static str,
}

const DE: Texts = Texts {
    service_name: "Bogen – Projektbüro",
    skip_link: "Zum Inhalt springen",
    language_nav: "Sprache",
    title: "Einreichungen prüfen",
    intro: "Ziehen Sie die eingegangenen Einreichungen hierher oder wählen Sie sie aus, auch Hunderte auf einmal. Die Seite prüft bei jeder Datei die Signatur und ob die Antworten zum Fragebogen passen, erkennt, welche Einreichung eine frühere ersetzt, und macht daraus eine Tabelle zum Herunterladen.",
    private: "Die Dateien verlassen Ihren Browser nicht: Alles wird auf diesem Rechner geprüft, nichts wird hochgeladen oder gespeichert.",
    known_intro: "Geprüft wird gegen diese Fragebögen. Für Einreichungen zu einem anderen Fragebogen ziehen Sie dessen Fragebogendatei mit hierher.",
    pick_label: "Einreichungen auswählen",
    pick_hint: "JSON-Dateien, gern viele auf einmal; Sie können sie auch hierher ziehen. Eine Fragebogendatei wird erkannt und zum Prüfen verwendet.",
    clear: "Liste leeren",
    nothing_yet: "Noch keine Dateien.",
    progress_label: "Fortschritt der Prüfung",
    caption: "Geprüfte Dateien",
    col_file: "Datei",
    col_status: "Status",
    col_municipality: "Kommune",
    col_kind: "Art",
    col_fingerprint: "Fingerabdruck",
    col_time: "Signiert am",
    col_digest: "Prüfsumme",
    valid: "Gültig",
    superseded: "Ersetzt",
    invalid: "Ungültig",
    message: "Meldung",
    questionnaire_kind: "Fragebogen",
    questionnaire_used: "Fragebogen: wird zum Prüfen verwendet",
    questionnaire_known: "Fragebogen: schon bekannt",
    questionnaire_broken: "Fragebogen mit Fehlern",
    questionnaire_broken_hint: "Er wird nicht verwendet. Prüfen Sie ihn mit „bogen check“ und ziehen Sie die berichtigte Datei hierher.",
    downloads_heading: "Tabelle herunterladen",
    downloads_intro: "Die Tabelle enthält die gültigen, nicht ersetzten Einreichungen: eine Zeile je Kommune, eine Spalte je Frage, dazu ein Blatt je Liste von Einträgen und das Blatt „Dateien“ mit jeder Datei und ihrem Status.",
    xlsx_button: "Tabelle als Excel-Datei (.xlsx)",
    csv_intro: "Als CSV, für Programme (UTF-8, durch Kommas getrennt; eine deutsche Tabellenkalkulation öffnet besser die Excel-Datei), ein Blatt je Datei:",
    choose_legend: "Welcher Fragebogen soll in die Tabelle?",
    download_failed: "Die Datei konnte nicht erstellt werden.",
    built_in_broken: "Der eingebaute Fragebogen lässt sich nicht laden. Das ist ein Fehler von Bogen; bitte melden Sie ihn.",
    warning_word: "Warnung:",
};

const EN: Texts = Texts {
    service_name: "Bogen – project office",
    skip_link: "Skip to main content",
    language_nav: "Language",
    title: "Check submissions",
    intro: "Drag the submissions you received here or choose them, hundreds at once if you like. The page checks each file's signature and whether its answers fit the questionnaire, finds which submission replaces an earlier one, and makes a table of them to download.",
    private: "The files never leave your browser: everything is checked on this computer, nothing is uploaded or stored.",
    known_intro: "Files are checked against these questionnaires. For submissions of another questionnaire, drag its questionnaire file here too.",
    pick_label: "Choose submissions",
    pick_hint: "JSON files, many at once if you like; you can also drag them here. A questionnaire file is recognised and used for checking.",
    clear: "Clear the list",
    nothing_yet: "No files yet.",
    progress_label: "Progress of the check",
    caption: "Checked files",
    col_file: "File",
    col_status: "Status",
    col_municipality: "Municipality",
    col_kind: "Kind",
    col_fingerprint: "Fingerprint",
    col_time: "Signed",
    col_digest: "Checksum",
    valid: "Valid",
    superseded: "Superseded",
    invalid: "Invalid",
    message: "Message",
    questionnaire_kind: "Questionnaire",
    questionnaire_used: "Questionnaire: used for checking",
    questionnaire_known: "Questionnaire: known already",
    questionnaire_broken: "questionnaire with mistakes",
    questionnaire_broken_hint: "It is not used. Check it with “bogen check” and drag the corrected file here.",
    downloads_heading: "Download the table",
    downloads_intro: "The table holds the valid submissions that were not replaced: one row per municipality, one column per question, a sheet per list of entries, and the sheet “Dateien” with every file and its status.",
    xlsx_button: "Table as Excel file (.xlsx)",
    csv_intro: "As CSV, for programs (UTF-8, comma-separated; a German spreadsheet program opens the Excel file better), one sheet per file:",
    choose_legend: "Which questionnaire should the table hold?",
    download_failed: "The file could not be made.",
    built_in_broken: "The built-in questionnaire does not load. This is a bug in Bogen; please report it.",
    warning_word: "Warning:",
};

/// The texts in `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

/// Why a file is invalid, in a few words (after "Ungültig:").
pub fn reason(lang: Lang, kind: InvalidKind) -> &'static str {
    use InvalidKind::*;
    match (lang, kind) {
        (Lang::De, Unreadable) => "Datei nicht lesbar",
        (Lang::De, TooLarge) => "Datei zu groß (mehr als 16 MiB)",
        (Lang::De, NotJson) => "keine JSON-Datei",
        (Lang::De, NotASubmission) => "keine Einreichung",
        (Lang::De, UnknownFormatVersion) => "unbekannte Formatversion",
        (Lang::De, Malformed) => "Einreichung fehlerhaft aufgebaut",
        (Lang::De, SignatureInvalid) => "Signatur fehlt oder passt nicht zum Inhalt",
        (Lang::De, UnknownQuestionnaire) => "Fragebogen unbekannt",
        (Lang::De, QuestionnaireHashMismatch) => "andere Fassung des Fragebogens",
        (Lang::De, AnswersDoNotFit) => "Antworten passen nicht zum Fragebogen",
        (Lang::En, Unreadable) => "the file could not be read",
        (Lang::En, TooLarge) => "file too large (over 16 MiB)",
        (Lang::En, NotJson) => "not a JSON file",
        (Lang::En, NotASubmission) => "not a submission",
        (Lang::En, UnknownFormatVersion) => "unknown format version",
        (Lang::En, Malformed) => "malformed submission",
        (Lang::En, SignatureInvalid) => "signature missing or not matching the content",
        (Lang::En, UnknownQuestionnaire) => "unknown questionnaire",
        (Lang::En, QuestionnaireHashMismatch) => "another text of the questionnaire",
        (Lang::En, AnswersDoNotFit) => "the answers do not fit the questionnaire",
    }
}

/// What the office can do about an invalid file: the case's own advice where its next step
/// differs from the kind's (a leaked key, no signature, a draft, a cut-off file, …).
pub fn what_to_do(lang: Lang, kind: InvalidKind, cause: Cause) -> &'static str {
    match (lang, cause) {
        (Lang::De, Cause::Empty | Cause::CutOff) => return "Die Datei ist leer oder bricht vorzeitig ab: Sie ist nicht vollständig angekommen (etwa ein abgebrochener Download). Bitten Sie die Kommune, sie noch einmal zu senden.",
        (Lang::De, Cause::Draft) => return "Das ist ein Entwurf, keine Einreichung; Entwürfe sind nicht signiert. Bitten Sie die Kommune um die signierte Einreichung, die sie auf der Seite „Antworten prüfen“ mit „Bewerbung signieren und herunterladen“ erhält.",
        (Lang::De, Cause::KeyFile) => return "Das ist eine Schlüsseldatei, keine Einreichung. Sie ist geheim: Bitten Sie die Kommune, sie für sich zu behalten und die signierte Einreichung zu senden.",
        (Lang::De, Cause::Unsigned) => return "Die Datei ist nicht signiert, daher lässt sich weder ihr Absender noch ihre Unversehrtheit prüfen. Bitten Sie die Kommune um die signierte Einreichung („Bewerbung signieren und herunterladen“ auf der Seite „Antworten prüfen“).",
        (Lang::De, Cause::PrivateKeyLeaked) => return "Die Datei enthält den privaten Schlüssel der Kommune. Damit ist der Schlüssel preisgegeben und darf nicht mehr verwendet werden. Bitten Sie die Kommune, einen neuen Schlüssel zu erzeugen (in einem neuen Browserprofil, den Entwurf als Datei mitgenommen), neu zu signieren und Ihnen den neuen Fingerabdruck mitzuteilen.",
        (Lang::En, Cause::Empty | Cause::CutOff) => return "The file is empty or ends early: it did not arrive whole (an interrupted download, say). Ask the municipality to send it again.",
        (Lang::En, Cause::Draft) => return "This is a draft, not a submission; drafts are not signed. Ask the municipality for the signed submission, which it gets with “Sign and download the application” on the page “Check your answers”.",
        (Lang::En, Cause::KeyFile) => return "This is a key file, not a submission. It is secret: ask the municipality to keep it to itself and to send the signed submission.",
        (Lang::En, Cause::Unsigned) => return "The file is not signed, so neither its sender nor that it is unchanged can be checked. Ask the municipality for the signed submission (“Sign and download the application” on the page “Check your answers”).",
        (Lang::En, Cause::PrivateKeyLeaked) => return "The file contains the municipality's private key. The key is compromised and must not be used again. Ask the municipality to make a new key (in a new browser profile, taking its draft along as a file), sign again and tell you the new fingerprint.",
        (_, Cause::Other | Cause::Changed) => {}
    }
    use InvalidKind::*;
    match (lang, kind) {
        (Lang::De, Unreadable) => "Wählen Sie die Datei noch einmal aus; liegt sie auf einem Netzlaufwerk, kopieren Sie sie zuerst auf diesen Rechner.",
        (Lang::De, TooLarge | NotJson | NotASubmission) => "Prüfen Sie, ob es die richtige Datei ist: Eine Einreichung ist die Datei, die die Kommune mit „Bewerbung signieren und herunterladen“ erhält, meist wenige Kilobyte groß.",
        (Lang::De, UnknownFormatVersion) => "Die Datei stammt aus einer neueren Version von Bogen; prüfen Sie sie mit dieser.",
        (Lang::De, Malformed | AnswersDoNotFit) => "Die Datei wurde nicht so, wie sie ist, von Bogen erstellt. Bitten Sie die Kommune, die Einreichung neu zu signieren und zu senden.",
        (Lang::De, SignatureInvalid) => "Die Datei wurde nach dem Signieren verändert. Bitten Sie die Kommune, die Einreichung neu zu signieren und zu senden.",
        (Lang::De, UnknownQuestionnaire) => "Ziehen Sie die Fragebogendatei, die diese Einreichung beantwortet, mit hierher; die Signatur ist schon geprüft.",
        (Lang::De, QuestionnaireHashMismatch) => "Der Fragebogen wurde ohne neue Versionsnummer geändert. Ziehen Sie die Fassung mit hierher, die die Kommune ausgefüllt hat.",
        (Lang::En, Unreadable) => "Choose the file again; if it is on a network drive, copy it to this computer first.",
        (Lang::En, TooLarge | NotJson | NotASubmission) => "Check that it is the right file: a submission is the file a municipality gets from “Sign and download the application”, usually a few kilobytes.",
        (Lang::En, UnknownFormatVersion) => "The file comes from a newer version of Bogen; check it with that version.",
        (Lang::En, Malformed | AnswersDoNotFit) => "Bogen did not make this file as it is. Ask the municipality to sign and send the submission again.",
        (Lang::En, SignatureInvalid) => "The file was changed after it was signed. Ask the municipality to sign and send the submission again.",
        (Lang::En, UnknownQuestionnaire) => "Drag the questionnaire file this submission answers here too; the signature has been checked already.",
        (Lang::En, QuestionnaireHashMismatch) => "The questionnaire was changed without a new version number. Drag the text the municipality filled in here too.",
    }
}

/// Under "Ersetzt durch FILE" when FILE names another municipality.
pub fn superseded_by_other(lang: Lang, other: &str) -> String {
    match lang {
        Lang::De => format!(
            "Die neuere Datei nennt eine andere Gemeinde ({other}), mit demselben Schlüssel unterschrieben: \
             Fragen Sie beide, welche gilt."
        ),
        Lang::En => format!(
            "The newer file names another municipality ({other}), signed with the same key: ask both which counts."
        ),
    }
}

/// "Ersetzt durch FILE".
pub fn superseded_by(lang: Lang, by: &str) -> String {
    match lang {
        Lang::De => format!("Ersetzt durch {by}"),
        Lang::En => format!("Superseded by {by}"),
    }
}

/// "Kopie von FILE": the same answers, signed at the same time, as FILE, which counts.
pub fn copy_of(lang: Lang, of: &str) -> String {
    match lang {
        Lang::De => format!("Kopie von {of}"),
        Lang::En => format!("Copy of {of}"),
    }
}

/// "Ungültig: REASON".
pub fn invalid_because(lang: Lang, reason: &str) -> String {
    format!("{}: {reason}", texts(lang).invalid)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "12 gültig, 1 ersetzt, 2 ungültig" (and ", 1 Fragebogen" when questionnaire files were dropped).
pub fn tally(lang: Lang, tally: &Tally) -> String {
    let mut text = match lang {
        Lang::De => format!("{} gültig, {} ersetzt, {} ungültig", tally.valid, tally.superseded, tally.invalid),
        Lang::En => format!("{} valid, {} superseded, {} invalid", tally.valid, tally.superseded, tally.invalid),
    };
    if tally.questionnaires > 0 {
        text.push_str(", ");
        text.push_str(&match lang {
            Lang::De => plural(tally.questionnaires, "Fragebogen", "Fragebögen"),
            Lang::En => plural(tally.questionnaires, "questionnaire", "questionnaires"),
        });
    }
    text
}

/// "3 Dateien".
pub fn files(lang: Lang, n: usize) -> String {
    match lang {
        Lang::De => plural(n, "Datei", "Dateien"),
        Lang::En => plural(n, "file", "files"),
    }
}

/// "120 von 500 Dateien geprüft".
pub fn progress(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::De => format!("{done} von {} geprüft", files(lang, total)),
        Lang::En => format!("{done} of {} checked", files(lang, total)),
    }
}

/// What the status line says while files are checked: "500 Dateien werden geprüft …".
pub fn checking(lang: Lang, total: usize) -> String {
    match lang {
        Lang::De => format!("{} {} geprüft …", files(lang, total), if total == 1 { "wird" } else { "werden" }),
        Lang::En => format!("Checking {} …", files(lang, total)),
    }
}

/// What the status line says when a drop is done: "15 Dateien geprüft: 12 gültig, …". `skipped`
/// files were in the list already.
pub fn done(lang: Lang, checked: usize, all: &Tally, skipped: usize) -> String {
    let mut text = match lang {
        Lang::De => format!("{} geprüft. In der Liste: {}.", files(lang, checked), tally(lang, all)),
        Lang::En => format!("{} checked. In the list: {}.", files(lang, checked), tally(lang, all)),
    };
    if skipped > 0 {
        text.push(' ');
        text.push_str(&match (lang, skipped) {
            (Lang::De, 1) => "1 Datei war schon in der Liste und wurde übersprungen.".to_owned(),
            (Lang::De, n) => format!("{n} Dateien waren schon in der Liste und wurden übersprungen."),
            (Lang::En, 1) => "1 file was in the list already and was skipped.".to_owned(),
            (Lang::En, n) => format!("{n} files were in the list already and were skipped."),
        });
    }
    text
}

/// What the status line says after "Liste leeren".
pub fn cleared(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Die Liste ist leer.",
        Lang::En => "The list is empty.",
    }
}

/// "Erfolgreiche Integration ist kein Zufall (erfolgreiche-integration-2005, Version 1.0.0)".
pub fn questionnaire_name(lang: Lang, title: &str, id: &str, version: &str) -> String {
    match lang {
        Lang::De => format!("{title} ({id}, Version {version})"),
        Lang::En => format!("{title} ({id}, version {version})"),
    }
}

/// "…: 2 Einreichungen", for the choice of questionnaire.
pub fn answered_by(lang: Lang, name: &str, submissions: usize) -> String {
    match lang {
        Lang::De => format!("{name}: {}", plural(submissions, "Einreichung", "Einreichungen")),
        Lang::En => format!("{name}: {}", plural(submissions, "submission", "submissions")),
    }
}

/// Why the office is asked to choose a questionnaire.
pub fn several_questionnaires(lang: Lang, n: usize) -> String {
    match lang {
        Lang::De => format!("Die gültigen Einreichungen beantworten {n} Fragebögen. Eine Tabelle enthält einen, denn seine Fragen sind die Spalten; die anderen stehen im Blatt „Dateien“ als nicht in der Tabelle."),
        Lang::En => format!("The valid submissions answer {n} questionnaires. A table holds one, since its questions are the columns; the others are listed in the sheet “Dateien” as not in the table."),
    }
}

/// The button that downloads one sheet as CSV.
pub fn csv_button(lang: Lang, sheet: &str) -> String {
    match lang {
        Lang::De => format!("Blatt „{sheet}“ als CSV"),
        Lang::En => format!("Sheet “{sheet}” as CSV"),
    }
}

/// The status line after a download was offered.
pub fn downloaded(lang: Lang, file_name: &str) -> String {
    match lang {
        Lang::De => format!("Die Datei {file_name} wird heruntergeladen."),
        Lang::En => format!("The file {file_name} is being downloaded."),
    }
}

/// A time as the browser's clock reads it in its time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

/// "27.11.2026, 05:29:52 Uhr" or "2026-11-27 05:29:52". Seconds are shown: the office may
/// compare two files of one municipality signed minutes apart.
pub fn local_time(lang: Lang, t: &LocalTime) -> String {
    let time = format!("{:02}:{:02}:{:02}", t.hour, t.minute, t.second);
    match lang {
        Lang::De => format!("{:02}.{:02}.{}, {time} Uhr", t.day, t.month, t.year),
        Lang::En => format!("{}-{:02}-{:02} {time}", t.year, t.month, t.day),
    }
}

/// The date part of a download's name: `2026-11-27`.
pub fn file_date(t: &LocalTime) -> String {
    format!("{}-{:02}-{:02}", t.year, t.month, t.day)
}

/// The name of a downloaded table: `einreichungen-2026-11-27.xlsx`, and for the sheets other
/// than the main one as CSV `einreichungen-2026-11-27.<suffix>.csv` (as `bogen export` names them).
pub fn download_name(date: &str, suffix: Option<&str>, extension: &str) -> String {
    match suffix {
        Some(suffix) => format!("einreichungen-{date}.{suffix}.{extension}"),
        None => format!("einreichungen-{date}.{extension}"),
    }
}

/// The document's title: "Einreichungen prüfen – Bogen – Projektbüro".
pub fn document_title(lang: Lang) -> String {
    let t = texts(lang);
    format!("{} – {}", t.title, t.service_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVERY_KIND: [InvalidKind; 10] = [
        InvalidKind::Unreadable,
        InvalidKind::TooLarge,
        InvalidKind::NotJson,
        InvalidKind::NotASubmission,
        InvalidKind::UnknownFormatVersion,
        InvalidKind::Malformed,
        InvalidKind::SignatureInvalid,
        InvalidKind::UnknownQuestionnaire,
        InvalidKind::QuestionnaireHashMismatch,
        InvalidKind::AnswersDoNotFit,
    ];

    #[test]
    fn every_reason_code_has_its_own_words_and_advice_in_both_languages() {
        for lang in Lang::ALL {
            let reasons: std::collections::HashSet<&str> = EVERY_KIND.iter().map(|k| reason(lang, *k)).collect();
            assert_eq!(reasons.len(), EVERY_KIND.len(), "two reasons worded alike in {lang:?}");
            for kind in EVERY_KIND {
                assert!(!what_to_do(lang, kind, Cause::Other).is_empty());
            }
        }
        assert_eq!(reason(Lang::De, InvalidKind::SignatureInvalid), "Signatur fehlt oder passt nicht zum Inhalt");
        assert_eq!(
            invalid_because(Lang::De, reason(Lang::De, InvalidKind::UnknownQuestionnaire)),
            "Ungültig: Fragebogen unbekannt"
        );
        assert_eq!(invalid_because(Lang::En, reason(Lang::En, InvalidKind::NotJson)), "Invalid: not a JSON file");
    }

    #[test]
    fn a_leaked_private_key_is_advised_as_compromised_not_as_a_changed_file() {
        let de = what_to_do(Lang::De, InvalidKind::SignatureInvalid, Cause::PrivateKeyLeaked);
        assert!(de.contains("preisgegeben") && de.contains("neuen Schlüssel"), "{de}");
        assert!(!de.contains("verändert"), "{de}");
        let en = what_to_do(Lang::En, InvalidKind::SignatureInvalid, Cause::PrivateKeyLeaked);
        assert!(en.contains("compromised") && en.contains("new key"), "{en}");
        assert!(!en.contains("changed after"), "{en}");
        let changed = what_to_do(Lang::De, InvalidKind::SignatureInvalid, Cause::Changed);
        assert!(changed.contains("nach dem Signieren verändert"), "{changed}");
        for lang in Lang::ALL {
            let causes = [Cause::Empty, Cause::Draft, Cause::KeyFile, Cause::Unsigned, Cause::PrivateKeyLeaked];
            let advice: std::collections::HashSet<&str> =
                causes.iter().map(|c| what_to_do(lang, InvalidKind::NotJson, *c)).collect();
            assert_eq!(advice.len(), causes.len(), "two cases advised alike in {lang:?}");
            assert_eq!(
                what_to_do(lang, InvalidKind::NotJson, Cause::CutOff),
                what_to_do(lang, InvalidKind::NotJson, Cause::Empty)
            );
        }
    }

    #[test]
    fn statuses_read_as_the_office_says_them() {
        assert_eq!(superseded_by(Lang::De, "belm-2.json"), "Ersetzt durch belm-2.json");
        assert_eq!(superseded_by(Lang::En, "belm-2.json"), "Superseded by belm-2.json");
        assert_eq!(copy_of(Lang::De, "belm.json"), "Kopie von belm.json");
        assert_eq!(copy_of(Lang::En, "belm.json"), "Copy of belm.json");
    }

    #[test]
    fn the_tally_names_questionnaires_only_when_there_are_some() {
        let mut t = Tally { valid: 12, superseded: 1, invalid: 2, questionnaires: 0 };
        assert_eq!(tally(Lang::De, &t), "12 gültig, 1 ersetzt, 2 ungültig");
        assert_eq!(tally(Lang::En, &t), "12 valid, 1 superseded, 2 invalid");
        t.questionnaires = 1;
        assert_eq!(tally(Lang::De, &t), "12 gültig, 1 ersetzt, 2 ungültig, 1 Fragebogen");
        t.questionnaires = 2;
        assert_eq!(tally(Lang::De, &t), "12 gültig, 1 ersetzt, 2 ungültig, 2 Fragebögen");
        assert_eq!(tally(Lang::En, &t), "12 valid, 1 superseded, 2 invalid, 2 questionnaires");
    }

    #[test]
    fn progress_and_the_closing_message_count_files_in_words() {
        assert_eq!(progress(Lang::De, 50, 500), "50 von 500 Dateien geprüft");
        assert_eq!(progress(Lang::En, 1, 1), "1 of 1 file checked");
        assert_eq!(checking(Lang::De, 500), "500 Dateien werden geprüft …");
        assert_eq!(checking(Lang::De, 1), "1 Datei wird geprüft …");
        let all = Tally { valid: 2, superseded: 0, invalid: 1, questionnaires: 0 };
        assert_eq!(done(Lang::De, 3, &all, 0), "3 Dateien geprüft. In der Liste: 2 gültig, 0 ersetzt, 1 ungültig.");
        assert_eq!(
            done(Lang::De, 1, &all, 2),
            "1 Datei geprüft. In der Liste: 2 gültig, 0 ersetzt, 1 ungültig. 2 Dateien waren schon in der Liste und wurden übersprungen."
        );
        assert_eq!(
            done(Lang::En, 0, &all, 1),
            "0 files checked. In the list: 2 valid, 0 superseded, 1 invalid. 1 file was in the list already and was skipped."
        );
    }

    #[test]
    fn times_are_local_with_seconds_and_file_names_carry_the_date() {
        let t = LocalTime { year: 2026, month: 11, day: 7, hour: 5, minute: 9, second: 2 };
        assert_eq!(local_time(Lang::De, &t), "07.11.2026, 05:09:02 Uhr");
        assert_eq!(local_time(Lang::En, &t), "2026-11-07 05:09:02");
        assert_eq!(download_name(&file_date(&t), None, "xlsx"), "einreichungen-2026-11-07.xlsx");
        assert_eq!(download_name(&file_date(&t), Some("dateien"), "csv"), "einreichungen-2026-11-07.dateien.csv");
    }

    #[test]
    fn questionnaires_are_named_with_id_and_version() {
        let name = questionnaire_name(Lang::De, "Kita", "kita-umfrage", "1.0.0");
        assert_eq!(name, "Kita (kita-umfrage, Version 1.0.0)");
        assert_eq!(answered_by(Lang::De, &name, 1), "Kita (kita-umfrage, Version 1.0.0): 1 Einreichung");
        assert_eq!(answered_by(Lang::En, "K", 3), "K: 3 submissions");
        assert_eq!(csv_button(Lang::De, "Dateien"), "Blatt „Dateien“ als CSV");
    }
}
