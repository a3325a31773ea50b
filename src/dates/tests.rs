//! Recogniser tests: what is found, its value, and what must not be found.
use jiff::civil::date;

use super::*;
use crate::engine::{DocKind, Document};

fn dates(text: &str, reference: &str) -> Vec<(String, String)> {
    let doc = Document::parse(text, DocKind::Markdown, &[]);
    recognise(&doc, reference.parse().ok()).into_iter().map(|e| (e.span.slice(text).to_string(), e.value)).collect()
}

#[test]
fn smoke() {
    let _ = date(2025, 1, 1);
    assert_eq!(dates("It met on Feb. 29, 2025.", "2025-03-04"), vec![("Feb. 29, 2025".into(), "2025-02-29".into())]);
}
