//! Fuzz target: loading any text as a questionnaire returns problems or a questionnaire, never
//! panics; a loaded questionnaire survives a session with its defaults and a draft round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(questionnaire) = bogen_engine::compile(text) {
        let questionnaire = Arc::new(questionnaire);
        let session = bogen_engine::Session::new(Arc::clone(&questionnaire));
        let meta = bogen_engine::DraftMeta { saved_at: "2004-09-30T12:00:00Z".into(), ..Default::default() };
        let draft = bogen_engine::DraftFile::from_session(&session, &meta);
        let _ = bogen_engine::DraftFile::parse(&draft.to_json()).map(|d| d.restore(questionnaire));
    }
});
