//! Every text of the app's own interface, in German (first) and English.
//!
//! The questionnaire's texts come from the file (`LocalizedText::get`); everything else the
//! respondent reads is here, so that a translation is checked by the compiler: [`Texts`] has one
//! field per fixed text and both [`DE`] and [`EN`] must fill every field. Texts with numbers or
//! names in them are functions that take the language.

use crate::format::{format_date, format_number};
use crate::state::{ExportRecord, KeyNotice, MergeSource, Notice, UploadStatus};
use crate::storage::StorageError;
use crate::submit::UploadFailure;
use bogen_engine::formats::UrlProblem;
use bogen_engine::{
    DatePart, DateProblem, Expected, KeptAsideReason, KeyError, Lang, Question, QuestionKind, Violation, ViolationKind,
};

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
    /// The labels of a date's three fields.
    pub date_day: &'static str,
    pub date_month: &'static str,
    pub date_year: &'static str,
    pub other_option: &'static str,
    pub other_specify: &'static str,
    /// Under an optional group of radios that has an answer: takes the answer back.
    pub clear_selection: &'static str,
    /// Said (politely) when a record was removed: "Netzwerk 2 entfernt".
    pub record_removed: &'static str,
    pub not_answered: &'static str,
    /// Under a required question's "Nicht beantwortet" on the review page.
    pub review_missing: &'static str,
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
    pub draft_download: &'static str,
    pub draft_saving: &'static str,
    pub review_title: &'static str,
    pub change: &'static str,
    pub submit_heading: &'static str,
    pub export_button: &'static str,
    pub export_note: &'static str,
    pub export_refused_title: &'static str,
    pub export_refused_text: &'static str,
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
    pub missing_title: &'static str,
    pub missing_text: &'static str,
    pub app_updated: &'static str,
    /// In the header, once the page opens again without a network (the service worker's copy).
    pub offline_ready: &'static str,
    pub fetch_failed_text: &'static str,
    pub storage_quota: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_failed: &'static str,
    pub file_read_failed: &'static str,
    pub calculated_hint: &'static str,
    pub section_not_needed: &'static str,
    pub broken_open_heading: &'static str,
    pub broken_open_label: &'static str,
    pub signing_heading: &'static str,
    pub warning_word: &'static str,
    pub key_none: &'static str,
    pub fingerprint_label: &'static str,
    pub key_fingerprint: &'static str,
    pub fingerprint_explain: &'static str,
    pub key_save_button: &'static str,
    pub key_secret_warning: &'static str,
    pub key_load_label: &'static str,
    pub key_load_hint: &'static str,
    pub key_made: &'static str,
    pub key_no_random: &'static str,
    pub key_replace_title: &'static str,
    pub key_replace_save_current: &'static str,
    pub key_replace_confirm: &'static str,
    pub key_replace_cancel: &'static str,
    pub export_done_title: &'static str,
    pub file_label: &'static str,
    pub digest_label: &'static str,
    pub send_heading: &'static str,
    pub download_again: &'static str,
    pub upload_intro: &'static str,
    pub upload_button: &'static str,
    pub upload_running: &'static str,
    pub print_match_heading: &'static str,
    pub print_match_text: &'static str,
    pub print_no_key: &'static str,
    pub origin_unsigned_title: &'static str,
    pub origin_unsigned_text: &'static str,
    pub origin_unknown_title: &'static str,
    pub origin_invalid_title: &'static str,
    pub origin_invalid_text: &'static str,
    pub origin_technical: &'static str,
    pub drafts_heading: &'static str,
    pub drafts_intro: &'static str,
    pub drafts_intro_unavailable: &'static str,
    pub drafts_caption: &'static str,
    pub col_name: &'static str,
    pub col_progress: &'static str,
    pub col_saved: &'static str,
    pub col_actions: &'static str,
    pub draft_open_tag: &'static str,
    pub draft_not_saved: &'static str,
    /// A stored time that is not a time (a hand-edited file).
    pub time_unknown: &'static str,
    /// A draft name that another draft of the questionnaire has already.
    pub name_taken: &'static str,
    /// The merge page after the other tab saved again while it was open.
    pub merge_again_title: &'static str,
    pub merge_again_text: &'static str,
    /// What the browser may show before a tab closes that holds answers not in storage
    /// (most browsers show their own words instead).
    pub leave_unsaved: &'static str,
    pub draft_unnamed: &'static str,
    pub progress_unknown: &'static str,
    pub action_open: &'static str,
    pub action_rename: &'static str,
    pub action_duplicate: &'static str,
    pub action_delete: &'static str,
    pub new_draft_button: &'static str,
    pub open_draft_label: &'static str,
    pub persist_refused: &'static str,
    pub kept_aside_link: &'static str,
    pub unreadable_download: &'static str,
    pub conflict_title: &'static str,
    pub conflict_text: &'static str,
    pub conflict_diverged_text: &'static str,
    pub conflict_load: &'static str,
    pub deleted_title: &'static str,
    pub deleted_text: &'static str,
    pub recreate: &'static str,
    pub storage_full_title: &'static str,
    pub storage_full_text: &'static str,
    pub storage_unavailable_title: &'static str,
    pub storage_unavailable_text: &'static str,
    pub storage_failed_title: &'static str,
    pub storage_failed_text: &'static str,
    pub new_draft_title: &'static str,
    pub new_draft_text: &'static str,
    pub draft_name_label: &'static str,
    pub draft_name_hint: &'static str,
    pub create_button: &'static str,
    pub rename_title: &'static str,
    pub rename_button: &'static str,
    pub name_missing: &'static str,
    pub name_too_long: &'static str,
    pub delete_text: &'static str,
    pub delete_open_note: &'static str,
    /// The same, when it is the only draft: a new one takes its place.
    pub delete_only_note: &'static str,
    pub delete_confirm: &'static str,
    pub open_file_title: &'static str,
    pub open_file_legend: &'static str,
    pub option_new: &'static str,
    pub option_replace: &'static str,
    pub option_merge: &'static str,
    pub option_merge_hint: &'static str,
    pub choose_missing: &'static str,
    pub replace_confirm: &'static str,
    pub replace_save_current: &'static str,
    pub merge_title: &'static str,
    pub merge_other_tab_intro: &'static str,
    pub merge_choose_text: &'static str,
    pub merge_all_mine: &'static str,
    pub merge_all_theirs_file: &'static str,
    pub merge_all_theirs_tab: &'static str,
    pub merge_mine: &'static str,
    pub merge_theirs_file: &'static str,
    pub merge_theirs_tab: &'static str,
    pub merge_newer: &'static str,
    pub merge_additions_text: &'static str,
    pub merge_no_differences: &'static str,
    pub merge_never_deletes: &'static str,
    pub merge_confirm: &'static str,
    pub kept_title: &'static str,
    pub kept_none: &'static str,
    pub kept_question_id: &'static str,
    pub kept_version: &'static str,
    pub kept_reason: &'static str,
    pub kept_value: &'static str,
    pub kept_now: &'static str,
    /// A kept-aside answer that fits its question as it is now, and the button that puts it back.
    pub kept_fits: &'static str,
    pub kept_take_back: &'static str,
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
    date_day: "Tag",
    date_month: "Monat",
    date_year: "Jahr",
    other_option: "Sonstiges, bitte angeben",
    other_specify: "Bitte angeben",
    clear_selection: "Auswahl zurücknehmen",
    record_removed: "entfernt",
    not_answered: "Nicht beantwortet",
    review_missing: "Diese Angabe ist erforderlich",
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
    open_other_text: "Hat Ihnen das Projektbüro eine Fragebogen-Datei geschickt, oder eine Kollegin einen Entwurf? Öffnen Sie die Datei hier. Einen Entwurf können Sie dann als neuen Entwurf öffnen, mit dem geöffneten zusammenführen oder diesen damit ersetzen. Antworten zu jedem Fragebogen werden getrennt gespeichert.",
    open_file_label: "Datei auswählen (Fragebogen oder Entwurf)",
    drop_hint: "Sie können die Datei auch hierher ziehen.",
    draft_download: "Entwurf als Datei speichern",
    draft_saving: "Entwurf wird gespeichert …",
    review_title: "Antworten prüfen",
    change: "Ändern",
    submit_heading: "Bewerbung signieren und absenden",
    export_button: "Bewerbung signieren und herunterladen",
    export_note: "Die Datei enthält alle sichtbaren Antworten und wird mit dem Schlüssel dieses Browsers signiert. So kann das Projektbüro prüfen, dass sie von Ihnen kommt und unverändert ist.",
    export_refused_title: "Die Antworten können noch nicht heruntergeladen werden",
    export_refused_text: "Bitte beheben Sie zuerst diese Probleme:",
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
    open_default: "Den Fragebogen dieser Seite öffnen",
    fetch_failed_title: "Der Fragebogen konnte nicht geladen werden",
    missing_title: "Kein Fragebogen geöffnet",
    missing_text: "Diese Seite enthält keinen Fragebogen. Öffnen Sie die Fragebogen-Datei, die Sie vom Projektbüro erhalten haben.",
    app_updated: "Bogen wurde seit Ihrem letzten Besuch aktualisiert. Ihre Entwürfe sind erhalten.",
    offline_ready: "Offline bereit: Diese Seite öffnet sich auch ohne Internet.",
    fetch_failed_text: "Die Fragebogen-Datei aus dem Link konnte nicht abgerufen werden.",
    storage_quota: "Speicher voll – Entwurf jetzt als Datei sichern",
    storage_unavailable: "Dieser Browser erlaubt kein Speichern – Entwurf als Datei sichern",
    storage_failed: "Entwurf konnte nicht gespeichert werden – Entwurf als Datei sichern",
    file_read_failed: "Die Datei konnte nicht gelesen werden.",
    calculated_hint: "Wird automatisch berechnet.",
    section_not_needed: "Nach Ihren bisherigen Antworten ist dieser Abschnitt nicht erforderlich.",
    broken_open_heading: "Anderen Fragebogen öffnen",
    broken_open_label: "Fragebogen-Datei auswählen",
    signing_heading: "Signatur",
    warning_word: "Warnung:",
    key_none: "In diesem Browser gibt es noch keinen Schlüssel zum Signieren. Er wird beim ersten Signieren erzeugt und in diesem Browser gespeichert.",
    fingerprint_label: "Fingerabdruck Ihres Schlüssels",
    key_fingerprint: "Fingerabdruck des Schlüssels",
    fingerprint_explain: "Der Fingerabdruck kennzeichnet den Schlüssel, mit dem dieser Browser Ihre Bewerbung signiert. Teilen Sie ihn dem Projektbüro auf einem zweiten Weg mit, per E-Mail oder Telefon: Dann kann es prüfen, dass die Datei wirklich von Ihnen kommt und unverändert ist.",
    key_save_button: "Schlüssel als Datei sichern",
    key_secret_warning: "Die Schlüsseldatei ist geheim: Wer sie hat, kann in Ihrem Namen signieren. Bewahren Sie sie sicher auf, etwa um an einem anderen Rechner mit demselben Schlüssel zu signieren, und schicken Sie sie niemandem – auch nicht dem Projektbüro.",
    key_load_label: "Schlüssel aus Datei laden",
    key_load_hint: "Eine Schlüsseldatei (bogen-schluessel-….json), die Sie zuvor mit „Schlüssel als Datei sichern“ gespeichert haben. Sie können die Datei auch hierher ziehen.",
    key_made: "Für diese Bewerbung wurde ein neuer Schlüssel erzeugt und in diesem Browser gespeichert. Sichern Sie ihn als Datei, wenn Sie auch an einem anderen Rechner oder in einem anderen Browser signieren wollen.",
    key_no_random: "Dieser Browser bietet keine sicheren Zufallszahlen. Ohne sie kann kein Schlüssel erzeugt werden; die Bewerbung wurde daher nicht signiert und nicht heruntergeladen. Bitte verwenden Sie einen aktuellen Browser, oder laden Sie einen gesicherten Schlüssel aus einer Datei.",
    key_replace_title: "Anderen Schlüssel verwenden?",
    key_replace_save_current: "Bisherigen Schlüssel als Datei sichern",
    key_replace_confirm: "Neuen Schlüssel verwenden",
    key_replace_cancel: "Bisherigen Schlüssel behalten",
    export_done_title: "Bewerbung signiert und heruntergeladen",
    file_label: "Datei",
    digest_label: "Prüfsumme der Antworten",
    send_heading: "So senden Sie die Bewerbung",
    download_again: "Datei erneut herunterladen",
    upload_intro: "Sie können die Datei auch direkt beim Projektbüro hochladen:",
    upload_button: "Datei hochladen",
    upload_running: "Die Datei wird hochgeladen …",
    print_match_heading: "Zuordnung zur Datei",
    print_match_text: "Fingerabdruck und Prüfsumme stehen auch in der signierten Datei, und das Projektbüro sieht sie, wenn es die Datei prüft. Stimmen beide überein, gehören dieses Papier und die Datei zusammen.",
    print_no_key: "noch kein Schlüssel – er wird beim Export erzeugt",
    origin_unsigned_title: "Dieser Fragebogen ist nicht signiert",
    origin_unsigned_text: "Er stammt möglicherweise nicht vom Projektbüro. Füllen Sie ihn nur aus, wenn Sie wissen, woher er kommt.",
    origin_unknown_title: "Dieser Fragebogen ist mit einem unbekannten Schlüssel signiert",
    origin_invalid_title: "Achtung: Die Signatur dieses Fragebogens ist ungültig",
    origin_invalid_text: "Der Fragebogen wurde verändert, nachdem er signiert wurde, oder seine Signatur ist beschädigt. Füllen Sie ihn nicht aus: Bitten Sie das Projektbüro um eine neue Datei.",
    origin_technical: "Technischer Grund (englisch)",
    drafts_heading: "Ihre Entwürfe",
    drafts_intro: "Ihre Antworten werden während der Eingabe automatisch in diesem Browser gespeichert, jeder Entwurf für sich. Zur Sicherheit oder zur Weitergabe an Kolleginnen und Kollegen können Sie einen Entwurf als Datei speichern.",
    drafts_intro_unavailable: "Dieser Browser speichert nichts: Ihr Entwurf besteht nur, solange diese Seite geöffnet ist. Speichern Sie ihn als Datei, um ihn später oder an einem anderen Rechner wieder zu öffnen.",
    drafts_caption: "Entwürfe zu diesem Fragebogen",
    col_name: "Name",
    col_progress: "Fortschritt",
    col_saved: "Zuletzt gespeichert",
    col_actions: "Aktionen",
    draft_open_tag: "Geöffnet",
    draft_not_saved: "Noch nicht gespeichert",
    time_unknown: "unbekannt",
    name_taken: "Es gibt schon einen Entwurf mit diesem Namen. Geben Sie einen anderen Namen ein",
    merge_again_title: "Im anderen Tab wurde inzwischen wieder gespeichert",
    merge_again_text: "Es wurde noch nichts zusammengeführt. Die Unterschiede unten sind neu ermittelt, mit den Antworten, die der andere Tab zuletzt gespeichert hat. Prüfen Sie Ihre Auswahl und wählen Sie dann erneut „Zusammenführen“.",
    leave_unsaved: "In diesem Tab gibt es Antworten, die nicht gespeichert sind. Wenn Sie die Seite verlassen, gehen sie verloren. Speichern Sie den Entwurf vorher als Datei.",
    draft_unnamed: "Ohne Namen",
    progress_unknown: "Noch nicht bekannt",
    action_open: "Öffnen",
    action_rename: "Umbenennen",
    action_duplicate: "Kopieren",
    action_delete: "Löschen",
    new_draft_button: "Neuen Entwurf anlegen",
    open_draft_label: "Geöffneter Entwurf",
    persist_refused: "Ihr Browser hat nicht zugesagt, die Entwürfe dauerhaft aufzubewahren. Wenn Browserdaten gelöscht werden (von Ihnen, einem Programm zum Aufräumen oder dem Browser selbst, wenn der Speicher knapp wird), gehen auch die Entwürfe verloren. Speichern Sie Ihren Entwurf deshalb regelmäßig als Datei.",
    kept_aside_link: "Beiseitegelegte Antworten ansehen",
    unreadable_download: "Unlesbaren Entwurf als Datei speichern",
    conflict_title: "Dieser Entwurf wurde in einem anderen Tab geändert",
    conflict_text: "In einem anderen Tab oder Fenster wurde dieser Entwurf gespeichert. Damit keine Antworten überschrieben werden, können Sie hier nichts ändern, bis Sie die neueren Antworten laden.",
    conflict_diverged_text: "In einem anderen Tab oder Fenster wurde dieser Entwurf gespeichert, und auch in diesem Tab gibt es Antworten, die dort fehlen können. Damit keine Antworten überschrieben werden, können Sie hier nichts ändern, bis Sie die neueren Antworten laden: Dabei werden beide Stände zusammengeführt, und wo sie sich unterscheiden, wählen Sie.",
    conflict_load: "Neuere Antworten laden",
    deleted_title: "Dieser Entwurf wurde in einem anderen Tab gelöscht",
    deleted_text: "Seine Antworten gibt es nur noch in diesem Tab. Legen Sie den Entwurf wieder an, oder speichern Sie ihn als Datei.",
    recreate: "Entwurf wieder anlegen",
    storage_full_title: "Der Speicher des Browsers ist voll",
    storage_full_text: "Ihre letzten Änderungen konnten nicht gespeichert werden. Speichern Sie den Entwurf jetzt als Datei, damit nichts verloren geht. Löschen Sie Entwürfe, die Sie nicht mehr brauchen: Sobald wieder Platz ist, wird wieder automatisch gespeichert.",
    storage_unavailable_title: "Dieser Browser speichert nichts",
    storage_unavailable_text: "Der Browser erlaubt dieser Seite nicht, Daten zu speichern, etwa weil Website-Daten blockiert sind. Sie können den Fragebogen trotzdem ausfüllen, aber nichts wird gespeichert: Wenn Sie die Seite schließen oder neu laden, sind die Antworten weg. Speichern Sie den Entwurf deshalb als Datei.",
    storage_failed_title: "Der Entwurf konnte nicht gespeichert werden",
    storage_failed_text: "Der Browser hat das Speichern verweigert. Speichern Sie den Entwurf als Datei, damit nichts verloren geht.",
    new_draft_title: "Neuen Entwurf anlegen",
    new_draft_text: "Der neue Entwurf beginnt leer. Ihr geöffneter Entwurf bleibt gespeichert und in der Liste Ihrer Entwürfe.",
    draft_name_label: "Name des Entwurfs",
    draft_name_hint: "Zum Beispiel „Bewerbung 1. Runde“ oder „Zuarbeit Sozialamt“.",
    create_button: "Entwurf anlegen",
    rename_title: "Entwurf umbenennen",
    rename_button: "Namen speichern",
    name_missing: "Geben Sie einen Namen für den Entwurf ein",
    name_too_long: "Der Name des Entwurfs darf höchstens 100 Zeichen lang sein",
    delete_text: "Ein gelöschter Entwurf lässt sich nicht wiederherstellen. Speichern Sie ihn vorher als Datei, wenn Sie seine Antworten noch brauchen könnten.",
    delete_open_note: "Dies ist der geöffnete Entwurf. Nach dem Löschen wird ein anderer Entwurf geöffnet.",
    delete_only_note: "Dies ist Ihr einziger Entwurf. Nach dem Löschen wird ein neuer, leerer Entwurf angelegt.",
    delete_confirm: "Endgültig löschen",
    open_file_title: "Entwurf aus einer Datei öffnen",
    open_file_legend: "Was möchten Sie mit diesem Entwurf tun?",
    option_new: "Als neuen Entwurf öffnen",
    option_replace: "Den geöffneten Entwurf ersetzen",
    option_merge: "In den geöffneten Entwurf übernehmen (zusammenführen)",
    option_merge_hint: "Sie sehen vorher jede Frage, bei der sich die Antworten unterscheiden, und wählen, welche gilt. Antworten, die nur in einem der beiden Entwürfe stehen, werden übernommen.",
    choose_missing: "Wählen Sie, was mit dem Entwurf geschehen soll",
    replace_confirm: "Antworten ersetzen",
    replace_save_current: "Geöffneten Entwurf als Datei speichern",
    merge_title: "Entwürfe zusammenführen",
    merge_other_tab_intro: "Die Antworten, die in einem anderen Tab gespeichert wurden, werden mit denen in diesem Tab zusammengeführt. Noch hat sich nichts geändert.",
    merge_choose_text: "Wählen Sie bei jeder Frage, welche Antwort gelten soll. Vorausgewählt ist die zuletzt geänderte, wo das bekannt ist, sonst Ihre.",
    merge_all_mine: "Alle meine übernehmen",
    merge_all_theirs_file: "Alle aus der Datei übernehmen",
    merge_all_theirs_tab: "Alle aus dem anderen Tab übernehmen",
    merge_mine: "Meine Antwort",
    merge_theirs_file: "Antwort aus der Datei",
    merge_theirs_tab: "Antwort aus dem anderen Tab",
    merge_newer: "neuer",
    merge_additions_text: "Diese Antworten gibt es nur auf der anderen Seite; sie kommen hinzu.",
    merge_no_differences: "Die Antworten unterscheiden sich bei keiner Frage.",
    merge_never_deletes: "Beim Zusammenführen geht keine Antwort verloren: Was nur einer der beiden Entwürfe enthält, wird übernommen.",
    merge_confirm: "Zusammenführen",
    kept_title: "Beiseitegelegte Antworten",
    kept_none: "In diesem Entwurf gibt es keine beiseitegelegten Antworten.",
    kept_question_id: "Frage (alte Kennung)",
    kept_version: "Aus Fragebogen-Version",
    kept_reason: "Grund",
    kept_value: "Antwort zum Kopieren",
    kept_now: "Frage jetzt",
    kept_fits: "Die Antwort passt so zur Frage dieser Version, die noch unbeantwortet ist.",
    kept_take_back: "Antwort übernehmen",
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
    date_day: "Day",
    date_month: "Month",
    date_year: "Year",
    other_option: "Other, please specify",
    other_specify: "Please specify",
    clear_selection: "Clear selection",
    record_removed: "removed",
    not_answered: "Not answered",
    review_missing: "This answer is required",
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
    open_other_text: "Did the project office send you a questionnaire file, or a colleague a draft? Open the file here. A draft can then be opened as a new draft, merged into the open one, or replace it. Answers to each questionnaire are kept separately.",
    open_file_label: "Choose a file (questionnaire or draft)",
    drop_hint: "You can also drag the file here.",
    draft_download: "Save the draft as a file",
    draft_saving: "Saving the draft …",
    review_title: "Check your answers",
    change: "Change",
    submit_heading: "Sign and send the application",
    export_button: "Sign and download the application",
    export_note: "The file holds every visible answer and is signed with this browser's key, so that the project office can check that it comes from you unchanged.",
    export_refused_title: "The answers cannot be downloaded yet",
    export_refused_text: "Please fix these problems first:",
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
    open_default: "Open this page's questionnaire",
    fetch_failed_title: "The questionnaire could not be loaded",
    missing_title: "No questionnaire open",
    missing_text: "This page holds no questionnaire. Open the questionnaire file you received from the project office.",
    app_updated: "Bogen has been updated since your last visit. Your drafts are kept.",
    offline_ready: "Ready offline: this page opens without an internet connection too.",
    fetch_failed_text: "The questionnaire file from the link could not be fetched.",
    storage_quota: "Storage full – save the draft as a file now",
    storage_unavailable: "This browser does not allow saving – save the draft as a file",
    storage_failed: "The draft could not be saved – save the draft as a file",
    file_read_failed: "The file could not be read.",
    calculated_hint: "Calculated automatically.",
    section_not_needed: "Going by your answers so far, this section is not needed.",
    broken_open_heading: "Open another questionnaire",
    broken_open_label: "Choose a questionnaire file",
    signing_heading: "Digital signature",
    warning_word: "Warning:",
    key_none: "This browser has no signing key yet. It is made when you first sign, and kept in this browser.",
    fingerprint_label: "Your key's fingerprint",
    key_fingerprint: "Key fingerprint",
    fingerprint_explain: "The fingerprint identifies the key this browser signs your application with. Tell it to the project office another way, by e-mail or telephone: then it can check that the file really comes from you and is unchanged.",
    key_save_button: "Save the key as a file",
    key_secret_warning: "The key file is secret: whoever has it can sign in your name. Keep it safe, for example to sign with the same key on another computer, and never send it to anyone – not even to the project office.",
    key_load_label: "Load the key from a file",
    key_load_hint: "A key file (bogen-schluessel-….json) you saved before with “Save the key as a file”. You can also drag the file here.",
    key_made: "A new key was made for this application and kept in this browser. Save it as a file if you want to sign on another computer or in another browser too.",
    key_no_random: "This browser offers no secure random numbers. Without them no key can be made, so the application was not signed or downloaded. Please use an up-to-date browser, or load a saved key from a file.",
    key_replace_title: "Use another key?",
    key_replace_save_current: "Save the current key as a file",
    key_replace_confirm: "Use the new key",
    key_replace_cancel: "Keep the current key",
    export_done_title: "Application signed and downloaded",
    file_label: "File",
    digest_label: "Checksum of the answers",
    send_heading: "How to send the application",
    download_again: "Download the file again",
    upload_intro: "You can also upload the file to the project office directly:",
    upload_button: "Upload the file",
    upload_running: "Uploading the file …",
    print_match_heading: "Matching paper and file",
    print_match_text: "The fingerprint and the checksum are in the signed file too, and the project office sees them when it checks the file. When both match, this paper and the file belong together.",
    print_no_key: "no key yet – it is made at the export",
    origin_unsigned_title: "This questionnaire is not signed",
    origin_unsigned_text: "It may not come from the project office. Only fill it in if you know where it comes from.",
    origin_unknown_title: "This questionnaire is signed with an unknown key",
    origin_invalid_title: "Warning: this questionnaire's signature is not valid",
    origin_invalid_text: "The questionnaire was changed after it was signed, or its signature is damaged. Do not fill it in: ask the project office for a new file.",
    origin_technical: "Technical reason",
    drafts_heading: "Your drafts",
    drafts_intro: "Your answers are saved automatically in this browser as you type, each draft on its own. To be safe, or to pass it on to colleagues, you can save a draft as a file.",
    drafts_intro_unavailable: "This browser keeps nothing: your draft only lasts while this page is open. Save it as a file to open it again later or on another computer.",
    drafts_caption: "Drafts of this questionnaire",
    col_name: "Name",
    col_progress: "Progress",
    col_saved: "Last saved",
    col_actions: "Actions",
    draft_open_tag: "Open",
    draft_not_saved: "Not saved yet",
    time_unknown: "unknown",
    name_taken: "There is already a draft with this name. Enter another name",
    merge_again_title: "The other tab has saved again in the meantime",
    merge_again_text: "Nothing has been merged yet. The differences below were worked out again, with the answers the other tab saved last. Check your choices, then choose “Merge” again.",
    leave_unsaved: "This tab holds answers that are not saved. If you leave the page they are lost. Save the draft as a file first.",
    draft_unnamed: "Untitled",
    progress_unknown: "Not known yet",
    action_open: "Open",
    action_rename: "Rename",
    action_duplicate: "Copy",
    action_delete: "Delete",
    new_draft_button: "Create a new draft",
    open_draft_label: "Open draft",
    persist_refused: "Your browser has not promised to keep the drafts. When browsing data is cleared (by you, by a clean-up program, or by the browser itself when space runs low), the drafts are deleted too. So save your draft as a file now and then.",
    kept_aside_link: "See the answers kept aside",
    unreadable_download: "Save the unreadable draft as a file",
    conflict_title: "This draft was changed in another tab",
    conflict_text: "This draft was saved in another tab or window. So that no answer is overwritten, nothing can be changed here until you load the newer answers.",
    conflict_diverged_text: "This draft was saved in another tab or window, and this tab too holds answers that may be missing there. So that no answer is overwritten, nothing can be changed here until you load the newer answers: both are then merged, and where they differ, you choose.",
    conflict_load: "Load the newer answers",
    deleted_title: "This draft was deleted in another tab",
    deleted_text: "Its answers are now only in this tab. Create the draft again, or save it as a file.",
    recreate: "Create the draft again",
    storage_full_title: "The browser's storage is full",
    storage_full_text: "Your latest changes could not be saved. Save the draft as a file now, so that nothing is lost. Delete drafts you no longer need: as soon as there is room again, saving resumes by itself.",
    storage_unavailable_title: "This browser keeps nothing",
    storage_unavailable_text: "The browser does not let this page keep any data, for example because site data is blocked. You can still fill in the questionnaire, but nothing is kept: when you close or reload the page, the answers are gone. So save the draft as a file.",
    storage_failed_title: "The draft could not be saved",
    storage_failed_text: "The browser refused to save it. Save the draft as a file, so that nothing is lost.",
    new_draft_title: "Create a new draft",
    new_draft_text: "The new draft starts empty. Your open draft stays saved and in the list of your drafts.",
    draft_name_label: "Name of the draft",
    draft_name_hint: "For example “Application round 1” or “Input from the social welfare office”.",
    create_button: "Create the draft",
    rename_title: "Rename the draft",
    rename_button: "Save the name",
    name_missing: "Enter a name for the draft",
    name_too_long: "The name of the draft must be 100 characters or fewer",
    delete_text: "A deleted draft cannot be brought back. Save it as a file first if you might still need its answers.",
    delete_open_note: "This is the open draft. Once it is deleted, another draft opens.",
    delete_only_note: "This is your only draft. Once it is deleted, a new, empty draft is made.",
    delete_confirm: "Delete for good",
    open_file_title: "Open a draft from a file",
    open_file_legend: "What do you want to do with this draft?",
    option_new: "Open it as a new draft",
    option_replace: "Replace the open draft",
    option_merge: "Take it into the open draft (merge)",
    option_merge_hint: "First you see every question where the answers differ, and choose which one counts. Answers that only one of the two drafts has are taken.",
    choose_missing: "Choose what to do with the draft",
    replace_confirm: "Replace the answers",
    replace_save_current: "Save the open draft as a file",
    merge_title: "Merge the drafts",
    merge_other_tab_intro: "The answers saved in another tab are merged with those in this tab. Nothing has changed yet.",
    merge_choose_text: "For every question, choose which answer counts. The one changed last is chosen already where that is known, otherwise yours.",
    merge_all_mine: "Take all of mine",
    merge_all_theirs_file: "Take all from the file",
    merge_all_theirs_tab: "Take all from the other tab",
    merge_mine: "My answer",
    merge_theirs_file: "Answer from the file",
    merge_theirs_tab: "Answer from the other tab",
    merge_newer: "newer",
    merge_additions_text: "Only the other side has these answers; they are added.",
    merge_no_differences: "The answers differ at no question.",
    merge_never_deletes: "Merging loses no answer: what only one of the two drafts holds is taken.",
    merge_confirm: "Merge",
    kept_title: "Answers kept aside",
    kept_none: "This draft has no answers kept aside.",
    kept_question_id: "Question (old id)",
    kept_version: "From questionnaire version",
    kept_reason: "Reason",
    kept_value: "Answer to copy",
    kept_now: "Question now",
    kept_fits: "The answer fits the question of this version as it is, which has no answer yet.",
    kept_take_back: "Put the answer back",
};

/// The fixed texts of `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
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

/// The notice after a draft was restored (its name, when it was saved as local time).
pub fn restored(lang: Lang, name: &str, saved_at: &str) -> String {
    match lang {
        Lang::De => format!("Ihr Entwurf „{name}“ vom {saved_at} wurde wiederhergestellt."),
        Lang::En => format!("Your draft “{name}” of {saved_at} has been restored."),
    }
}

/// "Entwurf 2": the name a new draft gets unless the respondent gives one.
pub fn draft_default_name(lang: Lang, n: usize) -> String {
    match lang {
        Lang::De => format!("Entwurf {n}"),
        Lang::En => format!("Draft {n}"),
    }
}

/// "Kopie von Entwurf 1": the name of a copy.
pub fn draft_copy_name(lang: Lang, name: &str) -> String {
    match lang {
        Lang::De => format!("Kopie von {name}"),
        Lang::En => format!("Copy of {name}"),
    }
}

/// A draft's progress in the list: "3 von 16 Abschnitten".
pub fn draft_progress(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::De => format!("{done} von {total} Abschnitten"),
        Lang::En => format!("{done} of {total} sections"),
    }
}

/// The visually hidden rest of an action in the list of drafts: "Umbenennen<span> Entwurf „X“</span>".
pub fn draft_action_suffix(lang: Lang, name: &str) -> String {
    match lang {
        Lang::De => format!(" Entwurf „{name}“"),
        Lang::En => format!(" draft “{name}”"),
    }
}

/// Under a draft's time in the list, when it was saved with another questionnaire version.
pub fn draft_saved_with(lang: Lang, version: &str) -> String {
    match lang {
        Lang::De => format!("mit Fragebogen-Version {version}"),
        Lang::En => format!("with questionnaire version {version}"),
    }
}

/// "3 beiseitegelegte Antworten" in a sentence.
fn kept_aside_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::De, 1) => "Eine Antwort passt nicht mehr zu den Fragen und wurde beiseitegelegt".to_owned(),
        (Lang::De, n) => format!("{n} Antworten passen nicht mehr zu den Fragen und wurden beiseitegelegt"),
        (Lang::En, 1) => "One answer no longer fits the questions and was kept aside".to_owned(),
        (Lang::En, n) => format!("{n} answers no longer fit the questions and were kept aside"),
    }
}

/// The line on the start page about the answers this draft keeps aside.
pub fn kept_aside_line(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::De, 1) => format!("{}. Sie bleibt im Entwurf erhalten.", kept_aside_count(lang, n)),
        (Lang::De, _) => format!("{}. Sie bleiben im Entwurf erhalten.", kept_aside_count(lang, n)),
        (Lang::En, 1) => format!("{}. It stays in the draft.", kept_aside_count(lang, n)),
        (Lang::En, _) => format!("{}. They stay in the draft.", kept_aside_count(lang, n)),
    }
}

/// Where the other side of a merge comes from, in a sentence.
fn source_words(lang: Lang, source: &MergeSource) -> String {
    match (lang, source) {
        (Lang::De, MergeSource::File(name)) => format!("aus der Datei „{name}“"),
        (Lang::En, MergeSource::File(name)) => format!("from the file “{name}”"),
        (Lang::De, MergeSource::OtherTab) => "aus dem anderen Tab".to_owned(),
        (Lang::En, MergeSource::OtherTab) => "from the other tab".to_owned(),
    }
}

/// A message of the start page (or the flash at the top of a page) as (text, further lines).
/// `local_time` turns a stored time into local date and time.
pub fn notice(lang: Lang, notice: &Notice, local_time: &dyn Fn(&str) -> String) -> (String, Vec<String>) {
    let de = lang == Lang::De;
    let one = |text: String| (text, Vec::new());
    match notice {
        Notice::Restored { name, saved_at } => one(restored(lang, name, &local_time(saved_at))),
        Notice::QuestionnaireChanged { draft_version, current_version, kept_aside, merged } => {
            let first = match (de, draft_version == current_version, *merged) {
                (true, _, true) => format!("Die zusammengeführten Antworten wurden mit Version {draft_version} des Fragebogens gespeichert, jetzt gilt Version {current_version}."),
                (false, _, true) => format!("The merged answers were saved with version {draft_version} of the questionnaire; version {current_version} applies now."),
                (true, false, false) => format!("Der Fragebogen wurde geändert, seit dieser Entwurf gespeichert wurde: Der Entwurf stammt von Version {draft_version}, jetzt gilt Version {current_version}."),
                (true, true, false) => format!("Der Fragebogen (Version {current_version}) wurde geändert, seit dieser Entwurf gespeichert wurde."),
                (false, false, false) => format!("The questionnaire has changed since this draft was saved: the draft comes from version {draft_version}, version {current_version} applies now."),
                (false, true, false) => format!("The questionnaire (version {current_version}) has changed since this draft was saved."),
            };
            let mut more = vec![if de {
                "Antworten auf Fragen, die es noch gibt und die sie aufnehmen können, wurden übernommen.".to_owned()
            } else {
                "Answers to questions that still exist and can take them were carried over.".to_owned()
            }];
            if *kept_aside > 0 {
                more.push(kept_aside_line(lang, *kept_aside));
            }
            (first, more)
        }
        Notice::Unreadable { slot, .. } if de => (
            "Ein gespeicherter Entwurf konnte nicht gelesen werden.".to_owned(),
            vec![format!("Er wurde beiseitegelegt (unter „{slot}“) und wird nicht verwendet. Speichern Sie ihn als Datei, damit nichts verloren geht, und schicken Sie sie bei Bedarf dem Projektbüro.")],
        ),
        Notice::Unreadable { slot, .. } => (
            "A saved draft could not be read.".to_owned(),
            vec![format!("It was put aside (under “{slot}”) and is not used. Save it as a file so that nothing is lost, and send it to the project office if need be.")],
        ),
        Notice::OtherQuestionnaire(id) => one(draft_of_other(lang, id)),
        Notice::Created(name) if de => one(format!("Der Entwurf „{name}“ wurde angelegt und geöffnet.")),
        Notice::Created(name) => one(format!("The draft “{name}” was created and opened.")),
        Notice::Duplicated(name) if de => one(format!("Die Kopie „{name}“ wurde angelegt.")),
        Notice::Duplicated(name) => one(format!("The copy “{name}” was created.")),
        Notice::Renamed(name) if de => one(format!("Der Entwurf heißt jetzt „{name}“.")),
        Notice::Renamed(name) => one(format!("The draft is now called “{name}”.")),
        Notice::Switched(name) if de => one(format!("Der Entwurf „{name}“ ist jetzt geöffnet.")),
        Notice::Switched(name) => one(format!("The draft “{name}” is open now.")),
        Notice::Deleted(name) if de => one(format!("Der Entwurf „{name}“ wurde gelöscht.")),
        Notice::Deleted(name) => one(format!("The draft “{name}” was deleted.")),
        Notice::OpenedAsNew { file_name, name } if de => {
            one(format!("Der Entwurf aus der Datei „{file_name}“ wurde als neuer Entwurf „{name}“ geöffnet."))
        }
        Notice::OpenedAsNew { file_name, name } => {
            one(format!("The draft from the file “{file_name}” was opened as the new draft “{name}”."))
        }
        Notice::Replaced { file_name } if de => {
            one(format!("Die Antworten dieses Entwurfs wurden durch die aus der Datei „{file_name}“ ersetzt."))
        }
        Notice::Replaced { file_name } => {
            one(format!("The answers of this draft were replaced by those from the file “{file_name}”."))
        }
        Notice::Merged { source, differences, added } => {
            let from = source_words(lang, source);
            let decided = match (de, differences) {
                (true, 1) => "1 unterschiedliche Antwort entschieden".to_owned(),
                (true, n) => format!("{n} unterschiedliche Antworten entschieden"),
                (false, 1) => "1 differing answer decided".to_owned(),
                (false, n) => format!("{n} differing answers decided"),
            };
            if de {
                one(format!("Die Antworten {from} wurden zusammengeführt: {decided}, {added} übernommen."))
            } else {
                one(format!("The answers {from} were merged: {decided}, {added} taken."))
            }
        }
        Notice::NothingToMerge { source } => {
            let from = source_words(lang, source);
            if de {
                one(format!("Die Antworten {from} stehen alle schon in Ihrem Entwurf. Es hat sich nichts geändert."))
            } else {
                one(format!("The answers {from} are all in your draft already. Nothing has changed."))
            }
        }
        Notice::LoadedNewer { kept_aside: 0 } if de => {
            one("Die neueren Antworten aus dem anderen Tab wurden geladen. Sie können weiterarbeiten.".to_owned())
        }
        Notice::LoadedNewer { kept_aside: 0 } => {
            one("The newer answers from the other tab were loaded. You can carry on.".to_owned())
        }
        // This tab has another questionnaire version than the tab that saved them.
        Notice::LoadedNewer { kept_aside } if de => (
            "Die neueren Antworten aus dem anderen Tab wurden geladen.".to_owned(),
            vec![kept_aside_line(lang, *kept_aside)],
        ),
        Notice::LoadedNewer { kept_aside } => (
            "The newer answers from the other tab were loaded.".to_owned(),
            vec![kept_aside_line(lang, *kept_aside)],
        ),
        Notice::MergedNotSaved if de => (
            "Die Antworten aus dem anderen Tab wurden in diesem Tab zusammengeführt, konnten aber nicht gespeichert werden.".to_owned(),
            vec!["Speichern Sie den Entwurf jetzt als Datei, damit nichts verloren geht.".to_owned()],
        ),
        Notice::MergedNotSaved => (
            "The answers from the other tab were merged in this tab, but could not be saved.".to_owned(),
            vec!["Save the draft as a file now so that nothing is lost.".to_owned()],
        ),
        Notice::Recreated if de => one("Der Entwurf wurde wieder angelegt.".to_owned()),
        Notice::Recreated => one("The draft was created again.".to_owned()),
        Notice::TakenBack if de => one("Die Antwort steht wieder in ihrer Frage.".to_owned()),
        Notice::TakenBack => one("The answer is back in its question.".to_owned()),
        Notice::StayedOpen if de => (
            "Der geöffnete Entwurf bleibt geöffnet: Seine Antworten konnten nicht gespeichert werden.".to_owned(),
            vec![format!(
                "Sichern Sie sie wie oben beschrieben, etwa mit „{}“, und versuchen Sie es dann noch einmal.",
                texts(lang).draft_download
            )],
        ),
        Notice::StayedOpen => (
            "The open draft stays open: its answers could not be saved.".to_owned(),
            vec![format!(
                "Keep them as described above, for instance with “{}”, then try again.",
                texts(lang).draft_download
            )],
        ),
    }
}

/// Whether a notice warns (a problem) rather than confirms.
pub fn notice_is_warning(notice: &Notice) -> bool {
    matches!(
        notice,
        Notice::QuestionnaireChanged { .. }
            | Notice::Unreadable { .. }
            | Notice::OtherQuestionnaire(_)
            | Notice::LoadedNewer { kept_aside: 1.. }
            | Notice::MergedNotSaved
            | Notice::StayedOpen
    )
}

/// "Entwurf „X“ löschen?"
pub fn delete_title(lang: Lang, name: &str) -> String {
    match lang {
        Lang::De => format!("Entwurf „{name}“ löschen?"),
        Lang::En => format!("Delete the draft “{name}”?"),
    }
}

/// "gespeichert am 01.03.2026, 10:00 Uhr", or that the time is unknown (`None`: the file's
/// `savedAt` is not a time, e.g. after a hand edit).
pub fn saved_on(lang: Lang, saved_at: Option<&str>) -> String {
    match (lang, saved_at) {
        (Lang::De, Some(at)) => format!("gespeichert am {at}"),
        (Lang::De, None) => "Zeitpunkt des Speicherns unbekannt".to_owned(),
        (Lang::En, Some(at)) => format!("saved on {at}"),
        (Lang::En, None) => "time of saving unknown".to_owned(),
    }
}

/// What a draft file holds: "Die Datei „x.json“ enthält den Entwurf „Name“, gespeichert am …"
/// (`saved`: [`saved_on`]).
pub fn draft_file_about(lang: Lang, file_name: &str, name: &str, saved: &str) -> String {
    match (lang, name.is_empty()) {
        (Lang::De, false) => format!("Die Datei „{file_name}“ enthält den Entwurf „{name}“, {saved}."),
        (Lang::De, true) => format!("Die Datei „{file_name}“ enthält einen Entwurf, {saved}."),
        (Lang::En, false) => format!("The file “{file_name}” holds the draft “{name}”, {saved}."),
        (Lang::En, true) => format!("The file “{file_name}” holds a draft, {saved}."),
    }
}

/// When a draft file was saved with another version of the questionnaire.
pub fn draft_file_version(lang: Lang, draft_version: &str, current: &str) -> String {
    match lang {
        Lang::De => format!("Er wurde mit Version {draft_version} des Fragebogens gespeichert; jetzt gilt Version {current}. Antworten, die nicht mehr zu den Fragen passen, werden beiseitegelegt und bleiben erhalten."),
        Lang::En => format!("It was saved with version {draft_version} of the questionnaire; version {current} applies now. Answers that no longer fit the questions are kept aside, never lost."),
    }
}

/// The hint of "Als neuen Entwurf öffnen" / "Den geöffneten Entwurf ersetzen".
pub fn open_file_option_hint(lang: Lang, replace: bool, open_name: &str) -> String {
    match (lang, replace) {
        (Lang::De, false) => format!("Ihr geöffneter Entwurf „{open_name}“ bleibt, wie er ist."),
        (Lang::De, true) => format!("Die Antworten in „{open_name}“ werden durch die aus der Datei ersetzt."),
        (Lang::En, false) => format!("Your open draft “{open_name}” stays as it is."),
        (Lang::En, true) => format!("The answers in “{open_name}” are replaced by those from the file."),
    }
}

/// "Antworten von „X“ ersetzen?"
pub fn replace_title(lang: Lang, name: &str) -> String {
    match lang {
        Lang::De => format!("Antworten von „{name}“ ersetzen?"),
        Lang::En => format!("Replace the answers of “{name}”?"),
    }
}

/// What replacing does.
pub fn replace_text(lang: Lang, file_name: &str) -> String {
    match lang {
        Lang::De => format!("Alle Antworten des geöffneten Entwurfs werden durch die aus der Datei „{file_name}“ ersetzt. Speichern Sie den geöffneten Entwurf vorher als Datei, wenn Sie seine Antworten noch brauchen könnten."),
        Lang::En => format!("Every answer of the open draft is replaced by those from the file “{file_name}”. Save the open draft as a file first if you might still need its answers."),
    }
}

/// The merge page's first paragraph for a file.
pub fn merge_file_intro(lang: Lang, file_name: &str, their_name: &str, saved: &str, our_name: &str) -> String {
    match lang {
        Lang::De => format!("Die Antworten aus der Datei „{file_name}“ (Entwurf „{their_name}“, {saved}) werden in Ihren Entwurf „{our_name}“ übernommen. Noch hat sich nichts geändert."),
        Lang::En => format!("The answers from the file “{file_name}” (draft “{their_name}”, {saved}) are taken into your draft “{our_name}”. Nothing has changed yet."),
    }
}

/// "Unterschiedliche Antworten (3)".
pub fn merge_differences_heading(lang: Lang, n: usize) -> String {
    match lang {
        Lang::De => format!("Unterschiedliche Antworten ({n})"),
        Lang::En => format!("Answers that differ ({n})"),
    }
}

/// "Wird aus der Datei übernommen (5)".
pub fn merge_additions_heading(lang: Lang, source: &MergeSource, n: usize) -> String {
    match (lang, source) {
        (Lang::De, MergeSource::File(_)) => format!("Wird aus der Datei übernommen ({n})"),
        (Lang::De, MergeSource::OtherTab) => format!("Wird aus dem anderen Tab übernommen ({n})"),
        (Lang::En, MergeSource::File(_)) => format!("Taken from the file ({n})"),
        (Lang::En, MergeSource::OtherTab) => format!("Taken from the other tab ({n})"),
    }
}

/// The legend of a difference in one record: "Maßnahmen – Maßnahme 2" (and where the other
/// side has it elsewhere, "(auf der anderen Seite: Maßnahme 3)").
pub fn merge_record_legend(lang: Lang, label: &str, record: &str, ours: usize, theirs: usize) -> String {
    match (lang, ours == theirs) {
        (_, true) => format!("{label} – {record} {}", ours + 1),
        (Lang::De, false) => {
            format!("{label} – {record} {} (auf der anderen Seite: {record} {})", ours + 1, theirs + 1)
        }
        (Lang::En, false) => format!("{label} – {record} {} (on the other side: {record} {})", ours + 1, theirs + 1),
    }
}

/// A record the other side adds: "Maßnahmen – ein Eintrag mehr (Maßnahme 3 auf der anderen Seite)".
pub fn merge_record_addition(lang: Lang, label: &str, record: &str, theirs: usize) -> String {
    match lang {
        Lang::De => format!("{label} – ein Eintrag mehr ({record} {} auf der anderen Seite)", theirs + 1),
        Lang::En => format!("{label} – one more entry ({record} {} on the other side)", theirs + 1),
    }
}

/// "geändert am 27.11.2026, 10:15 Uhr".
pub fn changed_at(lang: Lang, local: &str) -> String {
    match lang {
        Lang::De => format!("geändert am {local}"),
        Lang::En => format!("changed {local}"),
    }
}

/// The other side's kept-aside answers that join ours.
pub fn merge_kept_aside(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::De, 1) => {
            "Eine beiseitegelegte Antwort der anderen Seite kommt zu Ihren beiseitegelegten Antworten hinzu.".to_owned()
        }
        (Lang::De, n) => {
            format!("{n} beiseitegelegte Antworten der anderen Seite kommen zu Ihren beiseitegelegten Antworten hinzu.")
        }
        (Lang::En, 1) => "One answer the other side keeps aside joins yours.".to_owned(),
        (Lang::En, n) => format!("{n} answers the other side keeps aside join yours."),
    }
}

/// The kept-aside page's introduction, naming the questionnaire version now.
pub fn kept_intro(lang: Lang, version: &str) -> String {
    match lang {
        Lang::De => format!("Diese Antworten passten nicht zu den Fragen einer Version des Fragebogens: Eine Frage wurde entfernt, umbenannt oder geändert. Sie bleiben im Entwurf und in Entwurfsdateien erhalten. Übertragen Sie, was Sie noch brauchen, in die Fragen der Version {version}."),
        Lang::En => format!("These answers did not fit the questions of a version of the questionnaire: a question was removed, renamed or changed. They stay in the draft and in draft files. Copy what you still need into the questions of version {version}."),
    }
}

/// What a question takes now, in words.
fn expected_words(lang: Lang, expected: Expected) -> &'static str {
    let de = lang == Lang::De;
    match expected {
        Expected::Text if de => "einen Text",
        Expected::Text => "a text",
        Expected::Date if de => "ein Datum",
        Expected::Date => "a date",
        Expected::Number if de => "eine Zahl",
        Expected::Number => "a number",
        Expected::YesNo if de => "Ja oder Nein",
        Expected::YesNo => "yes or no",
        Expected::Option if de => "eine Auswahl aus einer Liste",
        Expected::Option => "one choice from a list",
        Expected::Options if de => "mehrere Auswahlen aus einer Liste",
        Expected::Options => "several choices from a list",
        Expected::Matrix if de => "eine Bewertung je Zeile",
        Expected::Matrix => "a rating per row",
        Expected::Records if de => "Einträge",
        Expected::Records => "entries",
        Expected::NoAnswer if de => "keine Antwort mehr (sie wird berechnet)",
        Expected::NoAnswer => "no answer any more (it is calculated)",
        _ if de => "eine andere Art von Antwort",
        _ => "another kind of answer",
    }
}

fn quoted(lang: Lang, values: &[String]) -> String {
    let (open, close) = match lang {
        Lang::De => ("„", "“"),
        Lang::En => ("“", "”"),
    };
    values.iter().map(|v| format!("{open}{v}{close}")).collect::<Vec<_>>().join(", ")
}

/// Why an answer was kept aside, in words.
/// The reason of an answer kept aside because its question was missing, shown once the open
/// version has that question again: the usual words ("no longer has this question") would
/// contradict the link to it.
pub fn kept_aside_question_back(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Eine andere Version des Fragebogens hatte diese Frage nicht; diese hat sie wieder.",
        Lang::En => "Another version of the questionnaire did not have this question; this one has it again.",
    }
}

pub fn kept_aside_reason(lang: Lang, reason: &KeptAsideReason) -> String {
    let de = lang == Lang::De;
    match reason {
        KeptAsideReason::UnknownQuestion if de => {
            "Diese Frage gibt es im Fragebogen nicht mehr: Sie wurde entfernt oder umbenannt.".to_owned()
        }
        KeptAsideReason::UnknownQuestion => "The questionnaire no longer has this question: it was removed or renamed.".to_owned(),
        KeptAsideReason::WrongType { expected } if de => {
            format!("Die Frage verlangt jetzt {}.", expected_words(lang, *expected))
        }
        KeptAsideReason::WrongType { expected } => format!("The question now takes {}.", expected_words(lang, *expected)),
        KeptAsideReason::OptionsRemoved { options, other } => {
            let mut parts = Vec::new();
            match (de, options.len()) {
                (_, 0) => {}
                (true, 1) => parts.push(format!("Die Auswahl {} wird nicht mehr angeboten.", quoted(lang, options))),
                (true, _) => parts.push(format!("Die Auswahlen {} werden nicht mehr angeboten.", quoted(lang, options))),
                (false, 1) => parts.push(format!("The choice {} is no longer offered.", quoted(lang, options))),
                (false, _) => parts.push(format!("The choices {} are no longer offered.", quoted(lang, options))),
            }
            if *other {
                parts.push(if de { "„Sonstiges“ wird nicht mehr abgefragt." } else { "“Other” is no longer asked." }.to_owned());
            }
            parts.push(if de { "Was weiterhin passt, wurde übernommen." } else { "What still fits was carried over." }.to_owned());
            parts.join(" ")
        }
        KeptAsideReason::MatrixChanged { rows, values } => {
            let mut parts = Vec::new();
            match (de, rows.len()) {
                (_, 0) => {}
                (true, 1) => parts.push(format!("Die Zeile {} wird nicht mehr abgefragt.", quoted(lang, rows))),
                (true, _) => parts.push(format!("Die Zeilen {} werden nicht mehr abgefragt.", quoted(lang, rows))),
                (false, 1) => parts.push(format!("The row {} is no longer asked.", quoted(lang, rows))),
                (false, _) => parts.push(format!("The rows {} are no longer asked.", quoted(lang, rows))),
            }
            match (de, values.len()) {
                (_, 0) => {}
                (true, 1) => parts.push(format!("Die Bewertung {} wird nicht mehr angeboten.", quoted(lang, values))),
                (true, _) => parts.push(format!("Die Bewertungen {} werden nicht mehr angeboten.", quoted(lang, values))),
                (false, 1) => parts.push(format!("The rating {} is no longer offered.", quoted(lang, values))),
                (false, _) => parts.push(format!("The ratings {} are no longer offered.", quoted(lang, values))),
            }
            parts.push(if de { "Die übrigen Zeilen wurden übernommen." } else { "The other rows were carried over." }.to_owned());
            parts.join(" ")
        }
        KeptAsideReason::LineBreaks if de => "Die Frage nimmt jetzt nur eine Zeile: Die Antwort wurde mit Leerzeichen statt Zeilenumbrüchen übernommen; hier steht sie, wie sie war.".to_owned(),
        KeptAsideReason::LineBreaks => "The question now takes one line: the answer was carried over with spaces for its line breaks; here it is as it was.".to_owned(),
        KeptAsideReason::RecordFields { record, fields } => {
            let reasons: Vec<String> = fields
                .iter()
                .map(|(id, why)| {
                    let why = kept_aside_reason(lang, why);
                    if de { format!("Feld „{id}“: {why}") } else { format!("field “{id}”: {why}") }
                })
                .collect();
            if de {
                format!("Eintrag {}: {} Der Eintrag wurde mit den Feldern übernommen, die passen.", record + 1, reasons.join(" "))
            } else {
                format!("Entry {}: {} The entry was carried over with the fields that fit.", record + 1, reasons.join(" "))
            }
        }
        _ if de => "Die Antwort passt nicht mehr zur Frage.".to_owned(),
        _ => "The answer no longer fits the question.".to_owned(),
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

/// Why a chosen file is not a key, in plain words, with the engine's (English) detail.
fn key_error_reason(lang: Lang, error: &KeyError) -> String {
    let de = lang == Lang::De;
    match error {
        KeyError::NotJson(e) if de => format!("Sie ist keine JSON-Datei ({e})."),
        KeyError::NotJson(e) => format!("it is not a JSON file ({e})."),
        KeyError::NotAKeyFile(reason) if de => format!("Sie ist keine Bogen-Schlüsseldatei ({reason})."),
        KeyError::NotAKeyFile(reason) => format!("it is not a Bogen key file ({reason})."),
        KeyError::UnsupportedVersion(v) if de => {
            format!("Sie hat die Formatversion {v}, die diese Version von Bogen nicht lesen kann.")
        }
        KeyError::UnsupportedVersion(v) => {
            format!("it has format version {v}, which this version of Bogen cannot read.")
        }
        other if de => format!("Die Schlüsseldatei ist beschädigt ({other})."),
        other => format!("the key file is damaged ({other})."),
    }
}

/// The message about the signing key.
pub fn key_notice(lang: Lang, notice: &KeyNotice) -> String {
    let t = texts(lang);
    let de = lang == Lang::De;
    match notice {
        KeyNotice::StoredUnreadable { slot } => {
            let place = slot.as_deref().unwrap_or("-");
            if de {
                format!("Der in diesem Browser gespeicherte Schlüssel konnte nicht gelesen werden. Er wurde beiseitegelegt (unter „{place}“) und wird nicht verwendet. Wenn Sie Ihren Schlüssel als Datei gesichert haben, laden Sie ihn unten; sonst wird beim Signieren ein neuer erzeugt.")
            } else {
                format!("The key kept in this browser could not be read. It was put aside (under “{place}”) and is not used. If you saved your key as a file, load it below; otherwise a new one is made when you sign.")
            }
        }
        KeyNotice::Made => t.key_made.to_owned(),
        KeyNotice::NoRandom => t.key_no_random.to_owned(),
        KeyNotice::Loaded { file_name } if de => {
            format!("Der Schlüssel aus „{file_name}“ wird jetzt in diesem Browser zum Signieren verwendet.")
        }
        KeyNotice::Loaded { file_name } => format!("The key from “{file_name}” is now used for signing in this browser."),
        KeyNotice::AlreadyInUse { file_name } if de => {
            format!("Die Datei „{file_name}“ enthält den Schlüssel, den dieser Browser schon verwendet. Es hat sich nichts geändert.")
        }
        KeyNotice::AlreadyInUse { file_name } => {
            format!("The file “{file_name}” holds the key this browser already uses. Nothing has changed.")
        }
        KeyNotice::Refused { file_name, error } if de => format!(
            "Die Datei „{file_name}“ ist kein Schlüssel: {} Wählen Sie die Datei bogen-schluessel-….json, die Sie mit „{}“ gespeichert haben.",
            key_error_reason(lang, error),
            t.key_save_button
        ),
        KeyNotice::Refused { file_name, error } => format!(
            "The file “{file_name}” is not a key: {} Choose the file bogen-schluessel-….json you saved with “{}”.",
            key_error_reason(lang, error),
            t.key_save_button
        ),
        KeyNotice::FileUnreadable => t.file_read_failed.to_owned(),
        KeyNotice::SignFailed(reason) if de => {
            format!("Die Bewerbung konnte nicht signiert werden ({reason}). Bitte melden Sie diesen Fehler dem Projektbüro.")
        }
        KeyNotice::SignFailed(reason) => {
            format!("The application could not be signed ({reason}). Please report this error to the project office.")
        }
    }
}

/// The review page's warning: this browser's key already signed for `others` (other
/// municipalities) here, and the office counts only a key's latest file.
pub fn key_signed_for_others(lang: Lang, name: &str, others: &[String]) -> String {
    let quote = |names: &[String], (open, close): (&str, &str), and: &str| {
        let quoted: Vec<String> = names.iter().map(|n| format!("{open}{n}{close}")).collect();
        match quoted.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} {and} {last}", rest.join(", ")),
            _ => quoted.join(""),
        }
    };
    match lang {
        Lang::De => format!(
            "Mit dem Schlüssel dieses Browsers wurde hier schon für {} eingereicht. Das Projektbüro wertet von \
             einem Schlüssel nur die neueste Einreichung: Eine Einreichung für „{name}“ ersetzt die frühere. Reichen Sie \
             für eine andere Gemeinde ein, dann laden Sie unten deren Schlüsseldatei, oder füllen Sie in einem \
             eigenen Browser oder Browserprofil aus. Wurde nur der Name berichtigt, können Sie so einreichen.",
            quote(others, ("„", "“"), "und")
        ),
        Lang::En => format!(
            "This browser's key has already signed a submission for {} here. The project office counts only the \
             latest submission of a key: one for “{name}” replaces the earlier one. If you are \
             submitting for another municipality, load its key file below, or fill in the form in a browser or \
             browser profile of its own. If only the name was corrected, you can submit as it is.",
            quote(others, ("“", "”"), "and")
        ),
    }
}

/// Why the key is only in this page: storing it in the browser failed.
pub fn key_not_kept(lang: Lang, error: &StorageError) -> String {
    let reason = match (lang, error) {
        (Lang::De, StorageError::QuotaExceeded) => "der Speicher des Browsers ist voll",
        (Lang::De, StorageError::Unavailable) => "dieser Browser erlaubt kein Speichern",
        (Lang::De, _) => "der Browser hat das Speichern verweigert",
        (Lang::En, StorageError::QuotaExceeded) => "the browser's storage is full",
        (Lang::En, StorageError::Unavailable) => "this browser does not allow saving",
        (Lang::En, _) => "the browser refused to save it",
    };
    match lang {
        Lang::De => format!("Der Schlüssel konnte in diesem Browser nicht gespeichert werden ({reason}). Er gilt nur, solange diese Seite geöffnet ist: Sichern Sie ihn jetzt als Datei, sonst können Sie später nicht mehr mit diesem Fingerabdruck signieren."),
        Lang::En => format!("The key could not be kept in this browser ({reason}). It only lasts while this page is open: save it as a file now, or you cannot sign with this fingerprint later."),
    }
}

/// The question before a key from a file replaces the kept one.
pub fn key_replace_text(lang: Lang, file_name: &str, new: &str, current: &str) -> String {
    match lang {
        Lang::De => format!("Die Datei „{file_name}“ enthält einen anderen Schlüssel (Fingerabdruck {new}) als den, mit dem dieser Browser bisher signiert (Fingerabdruck {current}). Wenn Sie ihn verwenden, ändert sich der Fingerabdruck Ihrer Bewerbungen: Teilen Sie dem Projektbüro dann den neuen mit. Sichern Sie den bisherigen Schlüssel vorher als Datei, wenn Sie ihn noch brauchen."),
        Lang::En => format!("The file “{file_name}” holds another key (fingerprint {new}) than the one this browser has signed with so far (fingerprint {current}). If you use it, the fingerprint of your applications changes: then tell the project office the new one. Save the current key as a file first if you still need it."),
    }
}

/// The link that opens the e-mail to the office.
pub fn mail_link(lang: Lang, email: &str) -> String {
    match lang {
        Lang::De => format!("E-Mail an {email} schreiben"),
        Lang::En => format!("Write an e-mail to {email}"),
    }
}

/// Why and how the file is attached by hand.
pub fn attach_note(lang: Lang, file_name: &str) -> String {
    match lang {
        Lang::De => format!("Hängen Sie die Datei {file_name} von Hand an die E-Mail an: Ein E-Mail-Link kann keine Dateien anhängen. Ihr Browser hat die Datei heruntergeladen, meist in den Ordner „Downloads“ (oder dorthin, wo Sie sie beim Speichern abgelegt haben)."),
        Lang::En => format!("Attach the file {file_name} to the e-mail by hand: an e-mail link cannot attach files. Your browser has downloaded the file, usually into the “Downloads” folder (or wherever you chose to save it)."),
    }
}

/// The step that tells the fingerprint over a second channel.
pub fn tell_fingerprint(lang: Lang, fingerprint: &str) -> String {
    match lang {
        Lang::De => format!("Nennen Sie dem Projektbüro den Fingerabdruck {fingerprint} zusätzlich auf einem zweiten Weg, etwa am Telefon: So kann es prüfen, dass die Datei von Ihnen stammt."),
        Lang::En => format!("Also tell the project office the fingerprint {fingerprint} another way, for example by telephone: so it can check that the file comes from you."),
    }
}

/// The e-mail's subject: "Bewerbung <title>: <municipality>".
pub fn mail_subject(lang: Lang, title: &str, respondent: Option<&str>) -> String {
    let word = match lang {
        Lang::De => "Bewerbung",
        Lang::En => "Application",
    };
    match respondent {
        Some(name) => format!("{word} {title}: {name}"),
        None => format!("{word} {title}"),
    }
}

/// The e-mail's body: who, which file, fingerprint and checksum, and the reminder to attach it.
pub fn mail_body(lang: Lang, title: &str, record: &ExportRecord) -> String {
    let t = texts(lang);
    let mut lines = Vec::new();
    match lang {
        Lang::De => {
            lines.push("Guten Tag,".to_owned());
            lines.push(String::new());
            lines.push(format!("anbei die Bewerbung zum Fragebogen „{title}“."));
        }
        Lang::En => {
            lines.push("Hello,".to_owned());
            lines.push(String::new());
            lines.push(format!("please find attached the application for the questionnaire “{title}”."));
        }
    }
    lines.push(String::new());
    if let Some(name) = &record.respondent {
        lines.push(match lang {
            Lang::De => format!("Kommune: {name}"),
            Lang::En => format!("Municipality: {name}"),
        });
    }
    lines.push(format!("{}: {}", t.file_label, record.file_name));
    lines.push(format!("{}: {}", t.key_fingerprint, record.fingerprint));
    lines.push(format!("{}: {}", t.digest_label, record.short_digest));
    lines.push(String::new());
    lines.push(match lang {
        Lang::De => format!("Bitte hängen Sie die Datei {} an diese E-Mail an.", record.file_name),
        Lang::En => format!("Please attach the file {} to this e-mail.", record.file_name),
    });
    lines.join("\n")
}

/// The review and print pages' warning once an answer changed after the file was signed: that
/// file, perhaps sent already, and the checksum on paper no longer belong together.
pub fn export_outdated(lang: Lang, file_name: &str) -> String {
    match lang {
        Lang::De => format!(
            "Sie haben Antworten geändert, nachdem Sie die Datei „{file_name}“ signiert haben. Diese Datei enthält die \
             Änderungen nicht: Signieren Sie die Bewerbung erneut und senden Sie die neue Datei."
        ),
        Lang::En => format!(
            "You changed answers after you signed the file “{file_name}”. That file does not hold the changes: sign \
             the application again and send the new file."
        ),
    }
}

/// What an upload ended with.
pub fn upload_status(lang: Lang, status: &UploadStatus) -> String {
    let t = texts(lang);
    let de = lang == Lang::De;
    let keep = if de {
        "Die Datei bleibt erhalten: Versuchen Sie es noch einmal, oder senden Sie sie per E-Mail."
    } else {
        "The file is kept: try again, or send it by e-mail."
    };
    match status {
        UploadStatus::Idle => String::new(),
        UploadStatus::Running => t.upload_running.to_owned(),
        UploadStatus::Done { time } if de => format!("Die Datei wurde um {time} Uhr hochgeladen."),
        UploadStatus::Done { time } => format!("The file was uploaded at {time}."),
        UploadStatus::Failed(UploadFailure::Http { status, status_text }) => {
            let answer = format!("HTTP {status} {status_text}");
            if de {
                format!("Das Hochladen ist fehlgeschlagen: Der Server antwortete mit {}. {keep}", answer.trim())
            } else {
                format!("The upload failed: the server answered {}. {keep}", answer.trim())
            }
        }
        UploadStatus::Failed(UploadFailure::Network(detail)) if de => format!(
            "Das Hochladen ist fehlgeschlagen: Der Server hat nicht geantwortet (Netzwerkfehler oder CORS; der Browser meldet: {detail}). {keep}"
        ),
        UploadStatus::Failed(UploadFailure::Network(detail)) => format!(
            "The upload failed: the server did not answer (network error or CORS; the browser reports: {detail}). {keep}"
        ),
        UploadStatus::Failed(UploadFailure::Offline) if de => {
            format!("Das Hochladen ist fehlgeschlagen: Dieser Computer ist nicht mit dem Internet verbunden. {keep}")
        }
        UploadStatus::Failed(UploadFailure::Offline) => {
            format!("The upload failed: this computer is not connected to the internet. {keep}")
        }
        UploadStatus::Failed(UploadFailure::Request(detail)) if de => {
            format!("Das Hochladen konnte nicht beginnen ({detail}). {keep}")
        }
        UploadStatus::Failed(UploadFailure::Request(detail)) => format!("The upload could not start ({detail}). {keep}"),
    }
}

/// The start page's confirmation that the questionnaire comes from a trusted office key.
pub fn origin_trusted(lang: Lang, name: &str, fingerprint: &str) -> String {
    match lang {
        Lang::De => format!("Herkunft geprüft: Dieser Fragebogen ist signiert von {name} (Fingerabdruck {fingerprint}) und seitdem unverändert."),
        Lang::En => format!("Origin checked: this questionnaire is signed by {name} (fingerprint {fingerprint}) and unchanged since."),
    }
}

/// The warning about a questionnaire signed by a key the app does not trust.
pub fn origin_unknown_text(lang: Lang, fingerprint: &str) -> String {
    match lang {
        Lang::De => format!("Sein Schlüssel (Fingerabdruck {fingerprint}) gehört nicht zu den Schlüsseln des Projektbüros, die diese Anwendung kennt. Er stammt möglicherweise nicht vom Projektbüro. Fragen Sie dort nach, ob dieser Fingerabdruck seiner ist, bevor Sie ihn ausfüllen."),
        Lang::En => format!("Its key (fingerprint {fingerprint}) is not one of the project office keys this application knows. It may not come from the project office. Ask the office whether this fingerprint is theirs before you fill it in."),
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

/// The heading of the message about a chosen file that is not opened.
pub fn file_error_title(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Die Datei kann nicht geöffnet werden",
        Lang::En => "The file cannot be opened",
    }
}

/// Why a chosen file is not opened, and what to do instead: in the terms of what the file is
/// meant to be (a submission, a draft, …), never as a broken questionnaire.
pub fn file_problem(lang: Lang, file_name: &str, problem: &crate::picked::FileProblem) -> String {
    use crate::picked::FileProblem as P;
    let de = lang == Lang::De;
    match problem {
        P::Unreadable => texts(lang).file_read_failed.to_owned(),
        P::Empty if de => format!(
            "Die Datei „{file_name}“ ist leer. Wählen Sie die richtige Datei, oder bitten Sie um die Datei noch einmal."
        ),
        P::Empty => format!("The file “{file_name}” is empty. Choose the right file, or ask for the file again."),
        P::NotJson { line, col, cut_off: true } if de => format!(
            "Die Datei „{file_name}“ endet zu früh (Zeile {line}, Spalte {col}): Sie wurde beim Speichern, Senden \
             oder Kopieren abgeschnitten. Bitten Sie um die Datei noch einmal."
        ),
        P::NotJson { line, col, cut_off: true } => format!(
            "The file “{file_name}” ends too early (line {line}, column {col}): it was cut off when it was saved, \
             sent or copied. Ask for the file again."
        ),
        P::NotJson { line, col, .. } if de => format!(
            "Die Datei „{file_name}“ ist weder ein Fragebogen noch ein Entwurf: In Zeile {line}, Spalte {col} ist \
             sie kein gültiges JSON."
        ),
        P::NotJson { line, col, .. } => format!(
            "The file “{file_name}” is neither a questionnaire nor a draft: at line {line}, column {col} it is not \
             valid JSON."
        ),
        P::NotAnObject if de => format!("Die Datei „{file_name}“ ist weder ein Fragebogen noch ein Entwurf."),
        P::NotAnObject => format!("The file “{file_name}” is neither a questionnaire nor a draft."),
        P::Submission if de => format!(
            "Die Datei „{file_name}“ ist eine signierte Einreichung (für das Projektbüro), kein Fragebogen und kein \
             Entwurf. Um weiter auszufüllen, öffnen Sie die Entwurfsdatei („{}“) oder Ihren Entwurf in der Liste \
             „{}“. Die Einreichung senden Sie so, wie sie ist, an das Projektbüro.",
            texts(lang).draft_download,
            texts(lang).drafts_heading
        ),
        P::Submission => format!(
            "The file “{file_name}” is a signed submission (for the project office), not a questionnaire or a \
             draft. To go on filling in, open the draft file (“{}”) or your draft in the list “{}”. Send the \
             submission to the project office as it is.",
            texts(lang).draft_download,
            texts(lang).drafts_heading
        ),
        P::KeyFile if de => format!(
            "Die Datei „{file_name}“ ist eine Schlüsseldatei (Ihr Schlüssel zum Signieren), kein Fragebogen und kein \
             Entwurf. Einen Schlüssel laden Sie auf der Seite „{}“ mit „{}“. Geben Sie die Schlüsseldatei nicht weiter.",
            texts(lang).review_link,
            texts(lang).key_load_label
        ),
        P::KeyFile => format!(
            "The file “{file_name}” is a key file (your signing key), not a questionnaire or a draft. Load a key on \
             the page “{}” with “{}”. Do not pass the key file on.",
            texts(lang).review_link,
            texts(lang).key_load_label
        ),
        P::TrustedKeys if de => format!(
            "Die Datei „{file_name}“ ist die Liste der vertrauenswürdigen Schlüssel des Projektbüros (zum Prüfen der \
             Einreichungen), kein Fragebogen und kein Entwurf. Zum Ausfüllen brauchen Sie sie nicht; öffnen Sie den \
             Fragebogen oder Ihre Entwurfsdatei („{}“).",
            texts(lang).draft_download
        ),
        P::TrustedKeys => format!(
            "The file “{file_name}” is the project office's list of trusted keys (for checking submissions), not a \
             questionnaire or a draft. You do not need it to fill in; open the questionnaire or your draft file \
             (“{}”).",
            texts(lang).draft_download
        ),
        P::UnknownFormat(format) if de => format!(
            "Die Datei „{file_name}“ ist weder ein Fragebogen noch ein Entwurf: Ihr Format ist „{format}“."
        ),
        P::UnknownFormat(format) => {
            format!("The file “{file_name}” is neither a questionnaire nor a draft: its format is “{format}”.")
        }
        P::DraftVersion(version) if de => format!(
            "Die Datei „{file_name}“ ist ein Entwurf im Dateiformat Version {version}; diese Version von Bogen liest \
             Entwürfe der Versionen 1 und 2. Öffnen Sie ihn mit der neueren Version von Bogen, mit der er \
             gespeichert wurde."
        ),
        P::DraftVersion(version) => format!(
            "The file “{file_name}” is a draft of file format version {version}; this version of Bogen reads drafts \
             of versions 1 and 2. Open it with the newer version of Bogen it was saved with."
        ),
        P::DamagedDraft { path, position, detail } => {
            let place = match (path.is_empty(), de) {
                (true, true) => "der obersten Ebene".to_owned(),
                (true, false) => "the top level".to_owned(),
                (false, _) => path.clone(),
            };
            let at = match (position, de) {
                (Some(at), true) => format!(" (Zeile {}, Spalte {})", at.line, at.col),
                (Some(at), false) => format!(" (line {}, column {})", at.line, at.col),
                (None, _) => String::new(),
            };
            if de {
                format!(
                    "Die Entwurfsdatei „{file_name}“ ist beschädigt, an der JSON-Stelle „{place}“{at}: {detail}. \
                     Bitten Sie um die Datei noch einmal, so wie Bogen sie gespeichert hat („{}“), ohne sie von \
                     Hand zu ändern.",
                    texts(lang).draft_download
                )
            } else {
                format!(
                    "The draft file “{file_name}” is damaged at JSON path “{place}”{at}: {detail}. Ask for the \
                     file again as Bogen saved it (“{}”), without changing it by hand.",
                    texts(lang).draft_download
                )
            }
        }
        P::DraftOfOther { questionnaire_id } if de => format!(
            "Der Entwurf in der Datei „{file_name}“ gehört zu einem anderen Fragebogen („{questionnaire_id}“). \
             Öffnen Sie zuerst diesen Fragebogen – seine Fragebogen-Datei hier mit „{}“ oder den Link, mit dem Sie \
             ihn erhalten haben – und wählen Sie dann dort diese Entwurfsdatei.",
            texts(lang).open_file_label
        ),
        P::DraftOfOther { questionnaire_id } => format!(
            "The draft in the file “{file_name}” belongs to another questionnaire (“{questionnaire_id}”). First \
             open that questionnaire – its questionnaire file here with “{}”, or the link you received it by – \
             then choose this draft file there.",
            texts(lang).open_file_label
        ),
        P::AnswersOnlyHere if de => format!(
            "Der Fragebogen „{file_name}“ wurde nicht geöffnet: Ihre Antworten in diesem Tab sind in keinem \
             Speicher und gingen sonst verloren. Sichern Sie sie zuerst wie oben beschrieben, etwa mit „{}“, und \
             wählen Sie den Fragebogen dann noch einmal.",
            texts(lang).draft_download
        ),
        P::AnswersOnlyHere => format!(
            "The questionnaire “{file_name}” was not opened: your answers in this tab are in no storage and \
             would be lost. Keep them first as described above, for instance with “{}”, then choose the \
             questionnaire again.",
            texts(lang).draft_download
        ),
    }
}

/// The heading of the list of other questionnaires' drafts on a start page.
pub fn other_drafts_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Entwürfe zu anderen Fragebogen",
        Lang::En => "Drafts of other questionnaires",
    }
}

/// The line before that list.
pub fn other_drafts_intro(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Sie haben in diesem Browser auch Entwürfe zu:",
        Lang::En => "This browser also holds your drafts of:",
    }
}

/// "(Version 1.0.0, zuletzt gespeichert am 28.11.2026, 01:47 Uhr; 2 Entwürfe)".
pub fn other_drafts_facts(lang: Lang, version: &str, saved: Option<&str>, n: usize) -> String {
    let de = lang == Lang::De;
    let mut parts = Vec::new();
    if !version.is_empty() {
        parts.push(format!("Version {version}"));
    }
    if let Some(saved) = saved {
        parts.push(if de { format!("zuletzt gespeichert am {saved}") } else { format!("last saved {saved}") });
    }
    let mut out = parts.join(", ");
    let count = match (de, n) {
        (true, 1) => "1 Entwurf".to_owned(),
        (true, n) => format!("{n} Entwürfe"),
        (false, 1) => "1 draft".to_owned(),
        (false, n) => format!("{n} drafts"),
    };
    if !out.is_empty() {
        out.push_str("; ");
    }
    out.push_str(&count);
    format!("({out})")
}

/// The link that opens another questionnaire again.
pub fn other_drafts_link(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Diesen Fragebogen öffnen",
        Lang::En => "Open this questionnaire",
    }
}

/// How to reach the drafts of a questionnaire opened from a file: its text is not kept here.
pub fn other_drafts_open_file(lang: Lang, file_name: Option<&str>) -> String {
    let name = file_name.map(|n| format!(" „{n}“")).unwrap_or_default();
    match lang {
        Lang::De => {
            format!("Öffnen Sie dazu die Fragebogen-Datei{name} erneut, unten mit „{}“.", texts(lang).open_file_label)
        }
        Lang::En => format!(
            "To reach them, open the questionnaire file{name} again, below with “{}”.",
            texts(lang).open_file_label
        ),
    }
}

/// The button back to the questionnaire that was open before a broken one was chosen.
pub fn back_to_questionnaire(lang: Lang, title: &str) -> String {
    match lang {
        Lang::De => format!("Zurück zu „{title}“"),
        Lang::En => format!("Back to “{title}”"),
    }
}

/// Said on the page of a broken questionnaire file chosen while another was open.
pub fn still_open(lang: Lang, title: &str) -> String {
    match lang {
        Lang::De => format!("„{title}“ und Ihr Entwurf dazu bleiben, wie sie waren."),
        Lang::En => format!("“{title}” and your draft of it stay as they were."),
    }
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
    // Only the default "required" names the question. An office's message may mention the
    // question's word ("eine fünfstellige Postleitzahl") without naming the field: it gets the
    // label too, in German as in English.
    let names_question = violation.custom_message.is_none() && violation.kind == ViolationKind::Required;
    if names_question {
        message
    } else {
        format!("{label} – {message}")
    }
}

/// What is wrong with a date whose three fields are filled in (GOV.UK's date messages).
fn date_problem(lang: Lang, problem: DateProblem) -> String {
    let de = lang == Lang::De;
    match problem {
        DateProblem::NotDigits if de => {
            "Geben Sie Tag, Monat und Jahr in Ziffern ein, zum Beispiel 31 12 2003".to_owned()
        }
        DateProblem::NotDigits => "Enter the day, month and year as numbers, like 31 12 2003".to_owned(),
        DateProblem::DayOutOfRange if de => "Der Tag muss zwischen 1 und 31 liegen".to_owned(),
        DateProblem::DayOutOfRange => "The day must be between 1 and 31".to_owned(),
        DateProblem::MonthOutOfRange if de => "Der Monat muss zwischen 1 und 12 liegen".to_owned(),
        DateProblem::MonthOutOfRange => "The month must be between 1 and 12".to_owned(),
        DateProblem::YearNotFourDigits if de => "Das Jahr muss vier Ziffern haben, zum Beispiel 2003".to_owned(),
        DateProblem::YearNotFourDigits => "The year must have four digits, like 2003".to_owned(),
        DateProblem::NoSuchDay { day, month, year } => {
            let date = format_date(&format!("{year:04}-{month:02}-{day:02}"), lang);
            if de {
                format!("Den {date} gibt es nicht: Geben Sie ein Datum ein, das es gibt")
            } else {
                format!("There is no {date}: enter a real date")
            }
        }
    }
}

/// What is wrong with a web address.
fn url_problem(lang: Lang, problem: UrlProblem) -> String {
    let de = lang == Lang::De;
    match problem {
        UrlProblem::NoScheme if de => {
            "Geben Sie eine Internetadresse ein, die mit https:// oder http:// beginnt".to_owned()
        }
        UrlProblem::NoScheme => "Enter a web address that starts with https:// or http://".to_owned(),
        UrlProblem::Space if de => "Eine Internetadresse darf keine Leerzeichen enthalten".to_owned(),
        UrlProblem::Space => "A web address cannot contain spaces".to_owned(),
        UrlProblem::NoHost if de => {
            "Geben Sie nach https:// den Namen der Website ein, zum Beispiel https://www.stadt.de".to_owned()
        }
        UrlProblem::NoHost => "Enter the name of the website after https://, like https://www.example.org".to_owned(),
        UrlProblem::NoDot if de => {
            "Der Name der Website nach https:// braucht einen Punkt, zum Beispiel https://www.stadt.de".to_owned()
        }
        UrlProblem::NoDot => {
            "The name of the website after https:// needs a dot, like https://www.example.org".to_owned()
        }
        UrlProblem::BadHost if de => {
            "Der Name der Website darf nur Buchstaben, Ziffern, Bindestriche und einzelne Punkte enthalten".to_owned()
        }
        UrlProblem::BadHost => {
            "The name of the website can only contain letters, numbers, hyphens and single dots".to_owned()
        }
        UrlProblem::BadPort if de => {
            "Nach dem Doppelpunkt hinter dem Namen der Website muss eine Zahl stehen".to_owned()
        }
        UrlProblem::BadPort => "After the colon behind the name of the website there must be a number".to_owned(),
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
    // Years ("mindestens 1970") are not grouped; other numbers as the review shows them.
    let num = |n: f64| format_number(n, None, lang, crate::format::groups_thousands(question));
    let option_label = |value: &str| crate::format::option_label(question, value, lang);
    let whole = matches!(question.kind, QuestionKind::Number { integer: true, .. });
    match &violation.kind {
        ViolationKind::Required => match &question.kind {
            QuestionKind::Repeat { .. } if de => format!("Bitte machen Sie Angaben: {label}"),
            QuestionKind::Repeat { .. } => format!("Please give details: {label}"),
            _ if de => format!("Bitte beantworten Sie: {label}"),
            _ => format!("Please answer: {label}"),
        },
        // A whole-number field's example is a whole number: "12,5" would be refused next.
        ViolationKind::NotANumber if whole && de => "Geben Sie eine ganze Zahl ein, zum Beispiel 12".to_owned(),
        ViolationKind::NotANumber if whole => "Enter a whole number, like 12".to_owned(),
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
        ViolationKind::DateNotReal { problem } => date_problem(lang, *problem),
        ViolationKind::DateIncomplete { missing } => {
            let names: Vec<&str> = missing
                .iter()
                .map(|part| match (part, de) {
                    (DatePart::Day, true) => "einen Tag",
                    (DatePart::Month, true) => "einen Monat",
                    (DatePart::Year, true) => "ein Jahr",
                    (DatePart::Day, false) => "a day",
                    (DatePart::Month, false) => "a month",
                    (DatePart::Year, false) => "a year",
                })
                .collect();
            if de {
                format!("Das Datum muss {} enthalten", names.join(" und "))
            } else {
                format!("The date must include {}", names.join(" and "))
            }
        }
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
        ViolationKind::InvalidUrl { problem } => url_problem(lang, *problem),
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

    fn one_question(json: &str) -> bogen_engine::Questionnaire {
        compile(&format!(
            r#"{{"formatVersion": 1, "id": "t", "version": "1", "title": "T", "languages": ["de", "en"], "sections": [
                {{"id": "a", "title": "A", "questions": [{json}]}}]}}"#
        ))
        .expect("compiles")
    }

    fn message(lang: Lang, question: &Question, kind: ViolationKind) -> String {
        let violation = Violation { location: ViolationLocation::Answer, kind, custom_message: None };
        violation_message(lang, &violation, question, "Frage")
    }

    #[test]
    fn a_whole_number_field_gives_a_whole_number_as_its_example() {
        let integer = one_question(r#"{"id": "n", "type": "integer", "label": "Einwohner"}"#);
        let decimal = one_question(r#"{"id": "n", "type": "decimal", "label": "Quote"}"#);
        let (integer, decimal) = (&integer.questions[0], &decimal.questions[0]);
        assert_eq!(
            message(Lang::De, integer, ViolationKind::NotANumber),
            "Geben Sie eine ganze Zahl ein, zum Beispiel 12"
        );
        assert_eq!(message(Lang::En, integer, ViolationKind::NotANumber), "Enter a whole number, like 12");
        assert_eq!(
            message(Lang::De, decimal, ViolationKind::NotANumber),
            "Geben Sie eine Zahl ein, zum Beispiel 12 oder 12,5"
        );
        assert_eq!(message(Lang::En, decimal, ViolationKind::NotANumber), "Enter a number, like 12 or 12.5");
    }

    #[test]
    fn a_refused_web_address_is_told_what_is_wrong_with_it_not_that_it_lacks_https() {
        let q = std::sync::Arc::new(one_question(r#"{"id": "w", "type": "url", "label": "Website"}"#));
        let mut session = bogen_engine::Session::new(q.clone());
        let idx = bogen_engine::QuestionIdx(0);
        let mut said = |lang: Lang, typed: &str| {
            session.set_answer(idx, Some(bogen_engine::AnswerValue::Text(typed.to_owned())));
            let violations = session.violations(idx);
            let violation = violations.first().expect("refused");
            violation_message(lang, violation, &q.questions[0], "Website")
        };
        for typed in ["http://x", "http://stadt"] {
            let de = said(Lang::De, typed);
            assert!(de.starts_with("Der Name der Website nach https:// braucht einen Punkt"), "{typed}: {de}");
            assert!(!de.contains("beginnt"), "{typed}: {de}");
            assert!(said(Lang::En, typed).starts_with("The name of the website after https:// needs a dot"));
        }
        assert_eq!(
            said(Lang::De, "https://www.stadt.de/ pfad"),
            "Eine Internetadresse darf keine Leerzeichen enthalten"
        );
        assert_eq!(said(Lang::En, "https://www.stadt.de/ pfad"), "A web address cannot contain spaces");
        assert_eq!(
            said(Lang::De, "www.stadt.de"),
            "Geben Sie eine Internetadresse ein, die mit https:// oder http:// beginnt"
        );
    }

    #[test]
    fn a_date_that_is_not_real_is_told_which_part_is_wrong() {
        let q = std::sync::Arc::new(one_question(r#"{"id": "d", "type": "date", "label": "Datum"}"#));
        let mut session = bogen_engine::Session::new(q.clone());
        let idx = bogen_engine::QuestionIdx(0);
        let mut said = |lang: Lang, day: &str, month: &str, year: &str| {
            let parts = bogen_engine::DateParts { day: day.into(), month: month.into(), year: year.into() };
            session.set_answer(idx, parts.answer());
            let violations = session.violations(idx);
            let violation = violations.first().expect("refused");
            violation_message(lang, violation, &q.questions[0], "Datum")
        };
        assert_eq!(
            said(Lang::De, "31", "02", "2003"),
            "Den 31.02.2003 gibt es nicht: Geben Sie ein Datum ein, das es gibt"
        );
        assert_eq!(said(Lang::En, "31", "2", "2003"), "There is no 31 February 2003: enter a real date");
        assert_eq!(said(Lang::De, "0", "12", "2003"), "Der Tag muss zwischen 1 und 31 liegen");
        assert_eq!(said(Lang::En, "0", "12", "2003"), "The day must be between 1 and 31");
        assert_eq!(said(Lang::De, "31", "13", "2003"), "Der Monat muss zwischen 1 und 12 liegen");
        assert_eq!(said(Lang::En, "31", "13", "2003"), "The month must be between 1 and 12");
        assert_eq!(said(Lang::De, "31", "12", "03"), "Das Jahr muss vier Ziffern haben, zum Beispiel 2003");
        assert_eq!(said(Lang::En, "31", "12", "03"), "The year must have four digits, like 2003");
    }

    #[test]
    fn an_office_message_that_mentions_the_question_still_gets_its_label_in_the_summary() {
        let q = one_question(
            r#"{"id": "plz", "type": "text", "label": {"de": "Postleitzahl", "en": "Postcode"}, "pattern": "[0-9]{5}",
                "messages": {"pattern": {"de": "Bitte geben Sie eine fünfstellige Postleitzahl an.", "en": "Please enter a five-digit postcode."}}}"#,
        );
        let question = &q.questions[0];
        let custom = question.messages.pattern.clone();
        let violation = Violation {
            location: ViolationLocation::Answer,
            kind: ViolationKind::PatternMismatch,
            custom_message: custom,
        };
        assert_eq!(
            violation_summary(Lang::De, &violation, question, "Postleitzahl"),
            "Postleitzahl – Bitte geben Sie eine fünfstellige Postleitzahl an."
        );
        assert_eq!(
            violation_summary(Lang::En, &violation, question, "Postcode"),
            "Postcode – Please enter a five-digit postcode."
        );
    }

    #[test]
    fn the_e_mail_names_the_municipality_file_fingerprint_and_checksum_and_asks_to_attach_the_file() {
        let record = ExportRecord {
            file_name: "q_koeln_2004-09-30.json".to_owned(),
            text: String::new(),
            fingerprint: "M55N-WCQH-I2A2-DCGK".to_owned(),
            short_digest: "0123 4567 89ab cdef".to_owned(),
            digest: String::new(),
            respondent: Some("Köln".to_owned()),
        };
        assert_eq!(
            mail_subject(Lang::De, "Erfolgreiche Integration", Some("Köln")),
            "Bewerbung Erfolgreiche Integration: Köln"
        );
        assert_eq!(mail_subject(Lang::En, "T", None), "Application T");
        let body = mail_body(Lang::De, "Erfolgreiche Integration", &record);
        for line in [
            "Kommune: Köln",
            "Datei: q_koeln_2004-09-30.json",
            "Fingerabdruck des Schlüssels: M55N-WCQH-I2A2-DCGK",
            "Prüfsumme der Antworten: 0123 4567 89ab cdef",
            "Bitte hängen Sie die Datei q_koeln_2004-09-30.json an diese E-Mail an.",
        ] {
            assert!(body.lines().any(|l| l == line), "missing line {line:?} in:\n{body}");
        }
        let unnamed = ExportRecord { respondent: None, ..record };
        assert!(!mail_body(Lang::En, "T", &unnamed).contains("Municipality"));
    }

    #[test]
    fn an_upload_failure_is_reported_exactly_and_keeps_the_file() {
        let http =
            UploadStatus::Failed(UploadFailure::Http { status: 500, status_text: "Internal Server Error".to_owned() });
        let text = upload_status(Lang::De, &http);
        assert!(text.contains("Der Server antwortete mit HTTP 500 Internal Server Error."), "{text}");
        assert!(text.contains("Die Datei bleibt erhalten"), "{text}");
        let bare = UploadStatus::Failed(UploadFailure::Http { status: 502, status_text: String::new() });
        assert!(upload_status(Lang::En, &bare).contains("the server answered HTTP 502. "));
        let network = UploadStatus::Failed(UploadFailure::Network("TypeError: Failed to fetch".to_owned()));
        assert!(upload_status(Lang::De, &network)
            .contains("Der Server hat nicht geantwortet (Netzwerkfehler oder CORS; der Browser meldet: TypeError: Failed to fetch)"));
        let offline = UploadStatus::Failed(UploadFailure::Offline);
        assert!(upload_status(Lang::En, &offline)
            .starts_with("The upload failed: this computer is not connected to the internet. The file is kept"));
        assert!(!upload_status(Lang::De, &offline).contains("Server"), "offline, the server is not to blame");
        assert_eq!(
            upload_status(Lang::De, &UploadStatus::Done { time: "14:32".to_owned() }),
            "Die Datei wurde um 14:32 Uhr hochgeladen."
        );
    }

    #[test]
    fn a_file_that_is_no_key_is_refused_naming_the_file_and_why() {
        let error = bogen_engine::KeyPair::from_key_file("{\"format\": \"bogen-submission\"}").expect_err("no key");
        let notice = KeyNotice::Refused { file_name: "antworten.json".to_owned(), error };
        let text = key_notice(Lang::De, &notice);
        assert!(
            text.starts_with("Die Datei „antworten.json“ ist kein Schlüssel: Sie ist keine Bogen-Schlüsseldatei"),
            "{text}"
        );
        assert!(text.contains("bogen-submission"), "{text}");
    }

    #[test]
    fn every_reason_for_keeping_an_answer_aside_is_worded_with_its_values() {
        use bogen_engine::{Expected, KeptAsideReason};
        let removed = KeptAsideReason::OptionsRemoved { options: vec!["wohnen".into()], other: true };
        assert_eq!(
            kept_aside_reason(Lang::De, &removed),
            "Die Auswahl „wohnen“ wird nicht mehr angeboten. „Sonstiges“ wird nicht mehr abgefragt. Was weiterhin passt, wurde übernommen."
        );
        let matrix = KeptAsideReason::MatrixChanged { rows: vec!["a".into(), "b".into()], values: vec!["x".into()] };
        assert_eq!(
            kept_aside_reason(Lang::En, &matrix),
            "The rows “a”, “b” are no longer asked. The rating “x” is no longer offered. The other rows were carried over."
        );
        let record = KeptAsideReason::RecordFields {
            record: 1,
            fields: [("budget".to_owned(), KeptAsideReason::WrongType { expected: Expected::Number })].into(),
        };
        assert_eq!(
            kept_aside_reason(Lang::De, &record),
            "Eintrag 2: Feld „budget“: Die Frage verlangt jetzt eine Zahl. Der Eintrag wurde mit den Feldern übernommen, die passen."
        );
        assert!(
            kept_aside_reason(Lang::En, &KeptAsideReason::LineBreaks).starts_with("The question now takes one line")
        );
    }

    #[test]
    fn a_changed_questionnaire_is_told_with_both_versions_and_the_answers_kept_aside() {
        let changed = Notice::QuestionnaireChanged {
            draft_version: "1.0.0".into(),
            current_version: "1.1.0".into(),
            kept_aside: 1,
            merged: false,
        };
        let (first, more) = notice(Lang::De, &changed, &|t| t.to_owned());
        assert!(first.ends_with("Der Entwurf stammt von Version 1.0.0, jetzt gilt Version 1.1.0."), "{first}");
        assert_eq!(
            more.last().map(String::as_str),
            Some(
                "Eine Antwort passt nicht mehr zu den Fragen und wurde beiseitegelegt. Sie bleibt im Entwurf erhalten."
            )
        );
        let same = Notice::QuestionnaireChanged {
            draft_version: "2".into(),
            current_version: "2".into(),
            kept_aside: 0,
            merged: false,
        };
        let (first, more) = notice(Lang::En, &same, &|t| t.to_owned());
        assert_eq!(first, "The questionnaire (version 2) has changed since this draft was saved.");
        assert_eq!(more.len(), 1, "nothing kept aside, nothing said about it");
        // After a merge the other side's version is meant, not the open draft's.
        let merged = Notice::QuestionnaireChanged {
            draft_version: "1.1.0".into(),
            current_version: "1.0.0".into(),
            kept_aside: 0,
            merged: true,
        };
        let (first, _) = notice(Lang::De, &merged, &|t| t.to_owned());
        assert_eq!(
            first,
            "Die zusammengeführten Antworten wurden mit Version 1.1.0 des Fragebogens gespeichert, jetzt gilt Version 1.0.0."
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

    #[test]
    fn the_warning_for_a_key_used_for_others_quotes_each_name() {
        let two = ["Wetzlar".to_owned(), "Marburg".to_owned()];
        let de = key_signed_for_others(Lang::De, "Gießen", &two);
        assert!(de.contains("schon für „Wetzlar“ und „Marburg“ eingereicht"), "{de}");
        assert!(de.contains("Eine Einreichung für „Gießen“ ersetzt die frühere"), "{de}");
        let en = key_signed_for_others(Lang::En, "Gießen", &two[..1]);
        assert!(en.contains("a submission for “Wetzlar” here"), "{en}");
    }
}
