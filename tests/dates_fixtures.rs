//! Fixture articles, one per date style, checked end to end through the engine: every date
//! finding (rule and flagged text), and the clean look-alikes they contain stay clean.
use std::path::Path;

use copydesk::document::{DocKind, Settings};
use copydesk::engine::check;

fn date_findings(name: &str) -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dates").join(name);
    let text = std::fs::read_to_string(path).expect("fixture");
    let s = Settings { kind: DocKind::Markdown, ..Default::default() };
    let report = check(&text, &s);
    assert!(report.internal_errors.is_empty(), "{:?}", report.internal_errors);
    report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("date/") && f.rule != "date/relative")
        .map(|f| (f.rule.to_string(), f.span.slice(&text).to_string()))
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn us_ap_article() {
    assert_eq!(
        date_findings("us-ap.md"),
        pairs(&[
            ("date/invalid", "Feb. 29"),
            ("date/weekday", "Sunday, Feb. 10"),
            ("date/tense", "April 22, 2025"),
            ("date/range", "from Feb. 20 to Feb. 14"),
        ])
    );
}

#[test]
fn uk_day_first_article() {
    assert_eq!(
        date_findings("uk-day-first.md"),
        pairs(&[
            ("date/range", "from 20 January to 3 January 2025"),
            ("date/invalid", "29 February 2025"),
            ("date/tense", "2 April 2025"),
        ])
    );
}

#[test]
fn iso_data_article() {
    assert_eq!(date_findings("iso-data.md"), pairs(&[("date/invalid", "2023-02-29"), ("date/invalid", "2026-04-31")]));
}
