//! What must hold for every report on every input: shared by the property tests, the scaling
//! guards, the fuzz-corpus replay and the fuzz target (included with `#[path]`).
#![allow(dead_code)]

use copydesk::document::apply_edits;
use copydesk::engine::Report;

/// Every finding, fix edit and date lies inside `text` on char boundaries; the findings are
/// sorted; a fix's edits do not overlap; applying any fix changes the text only inside its edits.
/// Returns a description of the first violation.
pub fn check_report(text: &str, report: &Report) -> Result<(), String> {
    let ok = |s: usize, e: usize| s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
    let mut prev = (0usize, 0usize);
    for f in &report.findings {
        if !ok(f.span.start, f.span.end) {
            return Err(format!("{} span {:?} outside the text or off a char boundary", f.rule, f.span));
        }
        if f.message.is_empty() {
            return Err(format!("{} at {:?} has no message", f.rule, f.span));
        }
        if (f.span.start, f.span.end) < prev {
            return Err(format!("findings not sorted at {} {:?}", f.rule, f.span));
        }
        prev = (f.span.start, f.span.end);
        for fix in &f.fixes {
            let mut edits: Vec<_> = fix.edits.iter().collect();
            if edits.is_empty() {
                return Err(format!("{} fix '{}' has no edits", f.rule, fix.title));
            }
            edits.sort_by_key(|e| (e.start, e.end));
            for e in &edits {
                if !ok(e.start, e.end) {
                    return Err(format!("{} fix '{}' edit {}..{} is invalid", f.rule, fix.title, e.start, e.end));
                }
            }
            if edits.windows(2).any(|w| w[0].end > w[1].start) {
                return Err(format!("{} fix '{}' has overlapping edits", f.rule, fix.title));
            }
            let fixed = apply_edits(text, &fix.edits);
            let first = edits[0];
            let last = edits[edits.len() - 1];
            let removed: usize = edits.iter().map(|e| e.end - e.start).sum();
            let added: usize = edits.iter().map(|e| e.new_text.len()).sum();
            if fixed.len() != text.len() - removed + added {
                return Err(format!("{} fix '{}' applied to the wrong length", f.rule, fix.title));
            }
            if !fixed.starts_with(&text[..first.start]) || !fixed.ends_with(&text[last.end..]) {
                return Err(format!("{} fix '{}' changed text outside its edits", f.rule, fix.title));
            }
        }
    }
    for d in &report.dates {
        if !ok(d.span.start, d.span.end) {
            return Err(format!("date {:?} outside the text or off a char boundary", d.span));
        }
    }
    if let Some(e) = report.internal_errors.first() {
        return Err(format!("internal error: {e}"));
    }
    Ok(())
}
