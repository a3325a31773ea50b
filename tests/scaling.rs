//! Complexity guards (not speed goals): pathological inputs at size n and 4n; the 4n run must
//! take less than 10x the n run (linear is 4x, quadratic 16x). A ratio of two measurements on the
//! same machine is robust to how fast the machine is; each side is the best of several rounds,
//! interleaved so that a burst of load on the shared machine hits both sides alike.
//!
//! Sizes are smaller in debug builds so the whole file stays within a few seconds.
#[path = "support/invariants.rs"]
mod invariants;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use copydesk::document::{DocKind, Document, Settings};
use jiff::civil::date;

/// Timing runs one at a time, so the tests in this file do not compete for the two cores.
static SERIAL: Mutex<()> = Mutex::new(());

const SCALE: usize = if cfg!(debug_assertions) { 1 } else { 4 };

fn settings(kind: DocKind) -> Settings {
    Settings { kind, today: Some(date(2025, 3, 4)), ..Settings::default() }
}

/// Seconds per check of `text`: repeat until at least 20 ms have passed, so tiny inputs are
/// still measured above the clock's noise.
fn per_check(text: &str, kind: DocKind) -> f64 {
    let s = settings(kind);
    let start = Instant::now();
    let mut runs = 0u32;
    while runs == 0 || start.elapsed() < Duration::from_millis(20) {
        std::hint::black_box(copydesk::check(std::hint::black_box(text), &s));
        runs += 1;
    }
    start.elapsed().as_secs_f64() / f64::from(runs)
}

/// Build the input at `n` and `4n`, check both for sanity, and assert the time ratio.
fn assert_linear(name: &str, kind: DocKind, n: usize, make: impl Fn(usize) -> String) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let small = make(n);
    let large = make(4 * n);
    for text in [&small, &large] {
        let report = copydesk::check(text, &settings(kind));
        if let Err(e) = invariants::check_report(text, &report) {
            panic!("{name}: {e}");
        }
    }
    let (mut t1, mut t4) = (f64::MAX, f64::MAX);
    for _ in 0..3 {
        t1 = t1.min(per_check(&small, kind));
        t4 = t4.min(per_check(&large, kind));
    }
    let ratio = t4 / t1;
    assert!(
        ratio < 10.0,
        "{name}: {} bytes took {:.2} ms, {} bytes took {:.2} ms: x{ratio:.1} for 4x the input (superlinear)",
        small.len(),
        t1 * 1e3,
        large.len(),
        t4 * 1e3
    );
}

#[test]
fn one_long_paragraph_of_many_sentences() {
    // ~50,000 characters per n in debug; 200,000 in release.
    assert_linear("single paragraph", DocKind::Markdown, 12_500 * SCALE, |chars| {
        let unit = "Officials said the bridge would reopen on March 4, 2025, after repairs. ";
        let mut s = unit.repeat(chars / unit.len() + 1);
        s.truncate(chars);
        s
    });
}

#[test]
fn deeply_nested_brackets() {
    for (open, close) in [("(", ")"), ("[", "]")] {
        assert_linear(&format!("nested {open}{close}"), DocKind::Markdown, 2_500 * SCALE, |n| {
            format!("{}Experts say it rose 40%.{}\n", open.repeat(n), close.repeat(n))
        });
    }
}

#[test]
fn quotation_marks_without_partners() {
    for mark in ["\"", "\u{201c}", "\u{201d}", "'"] {
        assert_linear(&format!("unpaired {mark}"), DocKind::Markdown, 1_250 * SCALE, |n| {
            format!("She said {mark}we will see. ").repeat(n)
        });
    }
}

#[test]
fn a_long_line_without_a_full_stop() {
    assert_linear("line without a full stop", DocKind::Plain, 64 * 1024 * SCALE, |bytes| {
        let unit = "and the levy rose 4% according to nobody in particular ";
        let mut s = unit.repeat(bytes / unit.len() + 1);
        s.truncate(bytes);
        s
    });
}

#[test]
fn many_abbreviations() {
    let make = |n: usize| "Mr. Ortiz and Dr. Vance said. ".repeat(n);
    assert_linear("abbreviations", DocKind::Markdown, 6_250 * SCALE, make);
    // An abbreviation never ends a sentence.
    let text = make(50);
    let doc = Document::parse(&text, DocKind::Markdown, &[]);
    assert!(!doc.sentences.is_empty());
    for s in &doc.sentences {
        let t = s.span.slice(&text);
        assert!(!t.ends_with("Mr.") && !t.ends_with("Dr."), "sentence ends at an abbreviation: {t:?}");
    }
}

#[test]
fn markdown_markers_that_never_close() {
    for unit in ["*a ", "_a ", "`a ", "<!-- a ", "[a](", "**", "~~", "<", "![", "[^", "|"] {
        assert_linear(&format!("unclosed {unit:?}"), DocKind::Markdown, 2_500 * SCALE, |n| unit.repeat(n));
    }
}

#[test]
fn many_short_blocks() {
    assert_linear("headings and list items", DocKind::Markdown, 1_000 * SCALE, |n| {
        "# Budget, Feb. 30\n\n- Experts say costs rose 40%.\n\n> \"Quote,\" said Ortiz.\n\n".repeat(n)
    });
    assert_linear("table rows", DocKind::Markdown, 1_000 * SCALE, |n| {
        let mut t = String::from("| a | b |\n|---|---|\n");
        t.push_str(&"| Costs rose 40% | Jan. 14, 2025 |\n".repeat(n));
        t
    });
}

#[test]
fn many_dates_and_relative_dates() {
    assert_linear("dates", DocKind::Markdown, 1_000 * SCALE, |n| {
        "On Tuesday, March 4, 2025, and 2025-02-30 and last week and 14 March 2025, it rose. ".repeat(n)
    });
}
