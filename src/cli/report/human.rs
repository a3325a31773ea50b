//! Human output: `path:line:col: severity[rule] message`, the source lines with the span
//! underlined (annotate-snippets, which measures display width, so accents and emoji line up),
//! the fixes, then one summary line.
use std::io::IsTerminal;

use annotate_snippets::{Level, Renderer, Snippet};

use super::{Checked, counts};
use crate::document::{Finding, Severity};

/// Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty.
pub fn use_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
        Severity::Hint => Level::Note,
    }
}

/// The whole lines a span touches: `(byte offset of the first line, the lines' text, first line number)`.
fn excerpt<'a>(c: &'a Checked, f: &Finding) -> (usize, &'a str, usize) {
    let (first, _) = c.line_col(f.span.start);
    let (last, _) = c.line_col(f.span.end);
    let start = c.index.line_start(first as usize - 1).unwrap_or(0);
    let end = c.index.line_start(last as usize).map_or(c.text.len(), |n| n.saturating_sub(1));
    let mut end = end.max(start);
    // Leave the line ending out of the excerpt (`\r\n` too).
    if c.text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'\r') && end > start {
        end -= 1;
    }
    (start, &c.text[start..end], first as usize)
}

pub fn render_finding(c: &Checked, f: &Finding, renderer: &Renderer) -> String {
    let (line, col) = c.line_col(f.span.start);
    let mut out = format!("{}:{line}:{col}: {}[{}] {}\n", c.path, f.severity.as_str(), f.rule, f.message);
    let (base, source, first_line) = excerpt(c, f);
    let rel_start = f.span.start.saturating_sub(base).min(source.len());
    let rel_end = f.span.end.saturating_sub(base).clamp(rel_start, source.len());
    let lvl = level(f.severity);
    let fix_titles: Vec<String> =
        f.fixes.iter().map(|x| format!("fix ({}): {}", x.applicability.as_str(), x.title)).collect();
    let msg =
        lvl.title("").snippet(Snippet::source(source).line_start(first_line).annotation(lvl.span(rel_start..rel_end)));
    let msg = msg.footers(fix_titles.iter().map(|t| Level::Help.title(t)));
    let rendered = renderer.render(msg).to_string();
    // annotate-snippets always starts with a title line; ours is the header above.
    for l in rendered.lines().skip(1) {
        out.push_str(l.trim_end());
        out.push('\n');
    }
    out
}

pub fn summary(files: &[Checked]) -> String {
    let n = counts(files);
    let noun = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    let parts: Vec<String> =
        [(n[0], "error", "errors"), (n[1], "warning", "warnings"), (n[2], "info", "infos"), (n[3], "hint", "hints")]
            .iter()
            .filter(|(k, ..)| *k > 0)
            .map(|&(k, one, many)| noun(k, one, many))
            .collect();
    let findings = if parts.is_empty() { "no findings".to_string() } else { parts.join(", ") };
    format!("{} checked: {findings}\n", noun(files.len(), "file", "files"))
}

pub fn render(files: &[Checked], colour: bool) -> String {
    let renderer = if colour { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for c in files {
        for f in &c.report.findings {
            out.push_str(&render_finding(c, f, &renderer));
            out.push('\n');
        }
    }
    out.push_str(&summary(files));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Applicability, Edit, Fix};
    use crate::engine::Report;
    use crate::text::Span;

    fn finding(start: usize, end: usize, fixes: Vec<Fix>) -> Finding {
        Finding {
            rule: "date/invalid",
            span: Span::new(start, end),
            message: "bad".into(),
            severity: Severity::Error,
            fixes,
        }
    }

    #[test]
    fn underline_counts_display_width_of_accents_and_emoji() {
        let text = "Intro line.\nZoë 😀 wrote Feb. 30 here.\r\nEnd.\n";
        let s = text.find("Feb").unwrap();
        let fix = Fix::new("Use 'March 2'", Applicability::Unsafe, vec![Edit::replace(Span::new(s, s + 7), "March 2")]);
        let c = Checked::new(
            "a.md".into(),
            text.into(),
            Report { findings: vec![finding(s, s + 7, vec![fix])], ..Default::default() },
        );
        // "Zoë 😀 wrote " is 12 characters (column 13) but 13 cells wide: the emoji takes two.
        let expected = "a.md:2:13: error[date/invalid] bad\n  |\n2 | Zoë 😀 wrote Feb. 30 here.\n  |              ^^^^^^^\n  |\n  = help: fix (unsafe): Use 'March 2'\n\n1 file checked: 1 error\n";
        assert_eq!(render(&[c], false), expected);
    }

    #[test]
    fn summary_counts_files_and_severities() {
        let mut w = finding(0, 1, vec![]);
        w.severity = Severity::Warning;
        let a = Checked::new(
            "a".into(),
            "ab".into(),
            Report { findings: vec![finding(0, 1, vec![]), w.clone(), w], ..Default::default() },
        );
        let b = Checked::new("b".into(), "".into(), Report::default());
        assert_eq!(summary(&[a, b]), "2 files checked: 1 error, 2 warnings\n");
        assert_eq!(summary(&[]), "0 files checked: no findings\n");
    }
}
#[cfg(test)]
mod multiline {
    use super::*;
    use crate::engine::Report;
    use crate::text::Span;

    #[test]
    fn a_span_over_two_lines_shows_both_lines() {
        let text = "One.\nThe plan began on Feb.\n30, said nobody.\n";
        let s = text.find("Feb").unwrap();
        let e = text.find(", said").unwrap();
        let f = Finding {
            rule: "date/invalid",
            span: Span::new(s, e),
            message: "m".into(),
            severity: Severity::Warning,
            fixes: vec![],
        };
        let c = Checked::new("x.txt".into(), text.into(), Report { findings: vec![f], ..Default::default() });
        let out = render(&[c], false);
        assert!(out.starts_with("x.txt:2:19: warning[date/invalid] m\n"), "{out}");
        assert!(out.contains("2 | ") && out.contains("3 | "), "{out}");
        assert!(out.contains("The plan began on Feb.") && out.contains("30, said nobody."), "{out}");
    }
}
