//! Fuzz the whole engine: any UTF-8 input, as Markdown and as plain text, must give a report whose
//! findings, fix edits and dates lie inside the text on char boundaries and whose fixes change the
//! text only inside their edits. A violation aborts the run, so libFuzzer saves the input.
#![no_main]

use copydesk::document::{DocKind, Settings};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for kind in [DocKind::Markdown, DocKind::Plain] {
        let settings = Settings { kind, ..Settings::default() };
        let report = copydesk::check(text, &settings);
        if let Err(e) = invariants::check_report(text, &report) {
            panic!("{kind:?}: {e}");
        }
    }
});
