//! The JSON report: a public contract that other tools parse. Change it only by adding keys, and
//! bump `version` if a key's meaning ever changes.
use serde::Serialize;

use super::Checked;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub version: u32,
    pub files: Vec<JsonFile<'a>>,
}

#[derive(Serialize)]
pub struct JsonFile<'a> {
    pub path: &'a str,
    pub reference_date: Option<String>,
    pub reference_date_source: Option<&'static str>,
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    pub rule: &'static str,
    pub category: &'static str,
    pub severity: &'static str,
    pub message: &'a str,
    /// UTF-8 byte offsets into the file.
    pub start: usize,
    pub end: usize,
    /// The file's text `start..end`.
    pub text: &'a str,
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
    pub fixes: Vec<JsonFix<'a>>,
}

#[derive(Serialize)]
pub struct JsonFix<'a> {
    pub title: &'a str,
    pub applicability: &'static str,
    pub edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
pub struct JsonEdit<'a> {
    pub start: usize,
    pub end: usize,
    pub new_text: &'a str,
}

pub fn file(c: &Checked) -> JsonFile<'_> {
    let diagnostics = c
        .report
        .findings
        .iter()
        .map(|f| {
            let (line, column) = c.line_col(f.span.start);
            JsonDiagnostic {
                rule: f.rule,
                category: Checked::category(f),
                severity: f.severity.as_str(),
                message: &f.message,
                start: f.span.start,
                end: f.span.end,
                text: c.text.get(f.span.range()).unwrap_or(""),
                line,
                column,
                fixes: f
                    .fixes
                    .iter()
                    .map(|x| JsonFix {
                        title: &x.title,
                        applicability: x.applicability.as_str(),
                        edits: x
                            .edits
                            .iter()
                            .map(|e| JsonEdit { start: e.start, end: e.end, new_text: &e.new_text })
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    JsonFile {
        path: &c.path,
        reference_date: c.report.reference.as_ref().map(|r| r.date.to_string()),
        reference_date_source: c.report.reference.as_ref().map(|r| r.source.as_str()),
        diagnostics,
    }
}

pub fn render(files: &[Checked]) -> String {
    let report = JsonReport { version: VERSION, files: files.iter().map(file).collect() };
    let mut s = serde_json::to_string_pretty(&report).expect("serialising plain structs cannot fail");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Applicability, Edit, Finding, Fix, RefSource, Reference, Severity};
    use crate::engine::Report;
    use crate::text::Span;
    use serde_json::json;

    #[test]
    fn matches_the_contract_with_accents_and_emoji() {
        // Line 3 starts at byte 12. Before 'F': "Señora " (8 bytes, 7 chars: ñ is 2 bytes), "🎉"
        // (4 bytes, 1 char), " said on " (9 bytes, 9 chars): byte 12 + 21 = 33, column 7 + 1 + 9 + 1 = 18.
        let text = "---\ndate: x\nSeñora 🎉 said on Feb. 30.\n";
        let line3 = 4 + 8;
        let start = line3 + 21;
        assert_eq!(&text[start..start + 7], "Feb. 30");
        let f = Finding {
            rule: "date/invalid",
            span: Span::new(start, start + 7),
            message: "'Feb. 30' does not exist".into(),
            severity: Severity::Error,
            fixes: vec![Fix::new(
                "Replace with 'March 2'",
                Applicability::Safe,
                vec![Edit::replace(Span::new(start, start + 7), "March 2")],
            )],
        };
        let report = Report {
            findings: vec![f],
            reference: Some(Reference { date: jiff::civil::date(2025, 3, 4), source: RefSource::FrontMatter }),
            ..Default::default()
        };
        let c = Checked::new("dir/a.md".into(), text.into(), report);
        let v: serde_json::Value = serde_json::from_str(&render(&[c])).unwrap();
        assert_eq!(
            v,
            json!({"version": 1, "files": [{
                "path": "dir/a.md",
                "reference_date": "2025-03-04",
                "reference_date_source": "front-matter",
                "diagnostics": [{
                    "rule": "date/invalid", "category": "date", "severity": "error",
                    "message": "'Feb. 30' does not exist",
                    "start": 33, "end": 40, "text": "Feb. 30", "line": 3, "column": 18,
                    "fixes": [{"title": "Replace with 'March 2'", "applicability": "safe",
                               "edits": [{"start": 33, "end": 40, "new_text": "March 2"}]}]
                }]
            }]})
        );
    }

    #[test]
    fn no_reference_date_is_null() {
        let c = Checked::new("-".into(), String::new(), Report::default());
        let v: serde_json::Value = serde_json::from_str(&render(&[c])).unwrap();
        assert_eq!(v["files"][0]["reference_date"], serde_json::Value::Null);
        assert_eq!(v["files"][0]["reference_date_source"], serde_json::Value::Null);
    }
}
