//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding.
use super::Checked;
use crate::document::Severity;

/// Escaping for a command's message (GitHub's `escapeData`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escaping for a property value (GitHub's `escapeProperty`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(files: &[Checked]) -> String {
    let mut out = String::new();
    for c in files {
        for f in &c.report.findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "notice",
            };
            let (line, col) = c.line_col(f.span.start);
            let (end_line, end_col) = c.line_col(f.span.end);
            out.push_str(&format!(
                "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
                escape_property(&c.path),
                escape_property(f.rule),
                escape_data(&f.message)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_commas_colons_and_newlines() {
        assert_eq!(escape_property("a,b:c%"), "a%2Cb%3Ac%25");
        assert_eq!(escape_data("one\ntwo: 3,4"), "one%0Atwo: 3,4");
    }
}
