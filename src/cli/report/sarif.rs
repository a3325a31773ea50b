//! SARIF 2.1.0: one run, every registered rule in `tool.driver.rules`, one result per finding.
//! Columns are Unicode code points (`columnKind: unicodeCodePoints`), 1-based, end exclusive.
use serde_json::{Value, json};

use super::Checked;
use crate::document::Severity;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A relative URI reference for a path: `/` separators, and the few characters that would
/// change a URI's meaning percent-encoded.
pub fn path_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for ch in path.replace('\\', "/").chars() {
        match ch {
            '%' | ' ' | '#' | '?' | '[' | ']' | '"' | '<' | '>' | '`' | '{' | '}' | '|' | '^' => {
                let mut buf = [0u8; 4];
                for b in ch.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn region(c: &Checked, start: usize, end: usize) -> Value {
    let (sl, sc) = c.line_col(start);
    let (el, ec) = c.line_col(end);
    let char_offset = c.text.get(..start).map_or(0, |s| s.chars().count());
    let char_length = c.text.get(start..end).map_or(0, |s| s.chars().count());
    json!({
        "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
        "charOffset": char_offset, "charLength": char_length,
    })
}

/// `docs_url`: the `docs-url` in force (`None`: the default); each rule's `helpUri` is its page there.
pub fn render(files: &[Checked], docs_url: Option<&str>) -> String {
    let rules: Vec<_> = crate::rules::all_rules().collect();
    let rule_objs: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": { "text": r.summary },
                "help": { "text": r.docs, "markdown": r.docs },
                "helpUri": crate::rules::docs_url(docs_url, r.id),
                "defaultConfiguration": { "level": level(r.default_severity) },
                "properties": { "category": r.category.as_str() },
            })
        })
        .collect();
    let mut results = Vec::new();
    for c in files {
        let uri = path_uri(&c.path);
        for f in &c.report.findings {
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": region(c, f.span.start, f.span.end),
                    }
                }],
            });
            if let Some(i) = rules.iter().position(|r| r.id == f.rule) {
                result["ruleIndex"] = json!(i);
            }
            if !f.fixes.is_empty() {
                result["fixes"] = f
                    .fixes
                    .iter()
                    .map(|x| {
                        json!({
                            "description": { "text": x.title },
                            "artifactChanges": [{
                                "artifactLocation": { "uri": uri },
                                "replacements": x.edits.iter().map(|e| json!({
                                    "deletedRegion": region(c, e.start, e.end),
                                    "insertedContent": { "text": e.new_text },
                                })).collect::<Vec<_>>(),
                            }],
                            "properties": { "applicability": x.applicability.as_str() },
                        })
                    })
                    .collect();
            }
            results.push(result);
        }
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_objs,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("serialising a JSON value cannot fail");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_encodes_spaces_and_backslashes() {
        assert_eq!(path_uri("my notes\\a#1.md"), "my%20notes/a%231.md");
        assert_eq!(path_uri("café.md"), "café.md");
    }
}
