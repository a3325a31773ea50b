//! The short fuzz-corpus replay CI runs: every seed in `fuzz/seeds/` and every saved failure in
//! `fuzz/regressions/` goes through the engine as Markdown and as plain text, and each report must
//! keep the invariants the fuzz target checks (tests/support/invariants.rs).
#[path = "support/invariants.rs"]
mod invariants;

use std::path::{Path, PathBuf};

use copydesk::document::{DocKind, Settings};

fn inputs(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

fn replay(path: &Path) {
    let bytes = std::fs::read(path).expect("readable input");
    // libFuzzer artifacts may be any bytes; the engine takes text, as the fuzz target does.
    let text = String::from_utf8_lossy(&bytes);
    for kind in [DocKind::Markdown, DocKind::Plain] {
        let report = copydesk::check(&text, &Settings { kind, ..Settings::default() });
        if let Err(e) = invariants::check_report(&text, &report) {
            panic!("{} ({kind:?}): {e}", path.display());
        }
    }
}

#[test]
fn every_seed_keeps_the_report_invariants() {
    let seeds = inputs("fuzz/seeds");
    assert!(seeds.len() >= 10, "the seed corpus is missing: {} files", seeds.len());
    for p in &seeds {
        replay(p);
    }
}

#[test]
fn every_saved_failure_stays_fixed() {
    for p in inputs("fuzz/regressions") {
        replay(&p);
    }
}
