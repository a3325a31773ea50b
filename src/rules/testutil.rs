//! Caret tests for rules: prose lines, each optionally followed by a line of `^` under the bytes
//! that must be flagged (ASCII prose only). Blank lines separate paragraphs as usual.
use crate::document::{DocKind, Finding, Settings};
use crate::engine::check;
use crate::text::Span;

/// Split caret-annotated source into the text and the expected spans.
pub fn parse_carets(src: &str) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut line_start = 0;
    for line in src.lines() {
        let t = line.trim_end();
        if !t.is_empty() && t.chars().all(|c| c == '^' || c == ' ') {
            let mut i = 0;
            let b = t.as_bytes();
            while i < b.len() {
                if b[i] == b'^' {
                    let s = i;
                    while i < b.len() && b[i] == b'^' {
                        i += 1;
                    }
                    spans.push(Span::new(line_start + s, line_start + i));
                } else {
                    i += 1;
                }
            }
            continue;
        }
        line_start = text.len();
        text.push_str(line);
        text.push('\n');
    }
    (text, spans)
}

/// Findings of `rule` on `text` (Markdown).
pub fn findings(rule: &str, text: &str) -> Vec<Finding> {
    findings_with(rule, text, Settings::default())
}

pub fn findings_with(rule: &str, text: &str, settings: Settings) -> Vec<Finding> {
    let s = Settings { select: vec![rule.to_string()], kind: DocKind::Markdown, ..settings };
    check(text, &s).findings.into_iter().filter(|f| f.rule == rule).collect()
}

/// Assert that `rule` flags exactly the caret-marked spans.
#[track_caller]
pub fn assert_carets(rule: &str, src: &str) {
    let (text, expected) = parse_carets(src);
    let got: Vec<Span> = findings(rule, &text).iter().map(|f| f.span).collect();
    let show = |v: &[Span]| v.iter().map(|s| s.slice(&text).to_string()).collect::<Vec<_>>();
    assert_eq!(show(&got), show(&expected), "in:\n{text}");
}

/// Assert that `rule` flags nothing in `text`.
#[track_caller]
pub fn assert_clean(rule: &str, text: &str) {
    let got = findings(rule, text);
    let shown: Vec<String> = got.iter().map(|f| format!("{} ({})", f.span.slice(text), f.message)).collect();
    assert!(got.is_empty(), "{rule} flagged {shown:?} in:\n{text}");
}

/// The text after applying fix number `fix` of the only finding of `rule`.
#[track_caller]
pub fn after_fix(rule: &str, text: &str, fix: usize) -> String {
    let got = findings(rule, text);
    assert_eq!(got.len(), 1, "expected one {rule} finding in:\n{text}\ngot {got:?}");
    got[0].fixes[fix].apply(text)
}
