//! Human output: `path:line:col: severity[rule] message`, the source lines with the span
//! underlined (annotate-snippets, which measures display width, so accents and emoji line up),
//! the fixes, then one summary line.
use std::io::IsTerminal;

use annotate_snippets::{Level, Renderer, Snippet};

use super::{Checked, counts};
use crate::document::{Finding, RefSource, Reference, Severity};

/// Excerpts longer than this (in bytes) are cut to a window around the finding, so a very long
/// line (a one-line 2 MB file) costs the same as a short one.
pub const MAX_EXCERPT: usize = 480;
/// Context kept on each side of the finding in a cut excerpt, and the most of a long span shown.
const CONTEXT: usize = 80;
const MAX_SPAN_SHOWN: usize = 240;

/// How excerpts are drawn: annotate-snippets, and whether in colour (without colour, the common
/// shapes take the direct path in [`super::plain`], which writes the same bytes).
pub struct Excerpts {
    renderer: Renderer,
    colour: bool,
}

pub fn renderer(colour: bool) -> Excerpts {
    Excerpts { renderer: if colour { Renderer::styled() } else { Renderer::plain() }, colour }
}

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

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The excerpt to show and the span inside it: the whole lines when they are short, else a
/// window of [`CONTEXT`] bytes either side of the span (at most [`MAX_SPAN_SHOWN`] of the span
/// itself), marked with `…` where it was cut.
fn window(source: &str, rel_start: usize, rel_end: usize) -> (String, usize, usize) {
    if source.len() <= MAX_EXCERPT {
        return (source.to_string(), rel_start, rel_end);
    }
    let from = floor_boundary(source, rel_start.saturating_sub(CONTEXT));
    let shown_end = ceil_boundary(source, rel_end.min(rel_start + MAX_SPAN_SHOWN));
    let to = ceil_boundary(source, shown_end + CONTEXT);
    // Keep to the lines the window touches: stop at a line break after the span.
    let to = source[shown_end..to].find(['\n', '\r']).map_or(to, |i| shown_end + i);
    let from = source[from..rel_start].rfind('\n').map_or(from, |i| from + i + 1);
    let mut text = String::new();
    if from > 0 {
        text.push('…');
    }
    let shift = text.len();
    text.push_str(&source[from..to]);
    if to < source.len() {
        text.push('…');
    }
    (text, rel_start - from + shift, shown_end - from + shift)
}

pub fn render_finding(c: &Checked, f: &Finding, excerpts: &Excerpts) -> String {
    let (line, col) = c.line_col(f.span.start);
    let mut out = format!("{}:{line}:{col}: {}[{}] {}\n", c.path, f.severity.as_str(), f.rule, f.message);
    let (base, source, first_line) = excerpt(c, f);
    let rel_start = f.span.start.saturating_sub(base).min(source.len());
    let rel_end = f.span.end.saturating_sub(base).clamp(rel_start, source.len());
    let (source, rel_start, rel_end) = window(source, rel_start, rel_end);
    let source = source.as_str();
    let lvl = level(f.severity);
    let fix_titles: Vec<String> =
        f.fixes.iter().map(|x| format!("fix ({}): {}", x.applicability.as_str(), x.title)).collect();
    if !excerpts.colour {
        let mark = if f.severity == Severity::Error { '^' } else { '-' };
        if let Some(lines) = super::plain::render(source, first_line, rel_start, rel_end, mark, &fix_titles) {
            out.push_str(&lines);
            return out;
        }
    }
    let msg =
        lvl.title("").snippet(Snippet::source(source).line_start(first_line).annotation(lvl.span(rel_start..rel_end)));
    let msg = msg.footers(fix_titles.iter().map(|t| Level::Help.title(t)));
    let rendered = excerpts.renderer.render(msg).to_string();
    // annotate-snippets always starts with a title line; ours is the header above.
    for l in rendered.lines().skip(1) {
        out.push_str(l.trim_end());
        out.push('\n');
    }
    out
}

/// `3 files checked: 2 errors, 5 warnings` (with a line break).
pub fn summary_line(files: usize, n: [usize; 4]) -> String {
    let noun = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    let parts: Vec<String> =
        [(n[0], "error", "errors"), (n[1], "warning", "warnings"), (n[2], "info", "infos"), (n[3], "hint", "hints")]
            .iter()
            .filter(|(k, ..)| *k > 0)
            .map(|&(k, one, many)| noun(k, one, many))
            .collect();
    let findings = if parts.is_empty() { "no findings".to_string() } else { parts.join(", ") };
    format!("{} checked: {findings}\n", noun(files, "file", "files"))
}

pub fn summary(files: &[Checked]) -> String {
    summary_line(files.len(), counts(files))
}

/// Which publication date the files used: `publication date 2025-03-06, from the article's
/// front matter` when they agree, else how many files took theirs from where.
pub fn reference_note(refs: &[Option<Reference>]) -> Option<String> {
    let first = refs.first()?;
    if refs.iter().all(|r| r == first) {
        let r = first.as_ref()?;
        return Some(format!("publication date {}, {}", r.date, r.source.describe()));
    }
    let mut by_source: Vec<(&'static str, usize)> = Vec::new();
    for r in refs {
        let key = match r.as_ref().map(|r| r.source) {
            None => "with none",
            Some(RefSource::Setting) => "from the flag",
            Some(RefSource::FrontMatter | RefSource::Dateline) => "from the article",
            Some(RefSource::Config) => "from the config",
            Some(RefSource::Today) => "from the clock",
        };
        match by_source.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => by_source.push((key, 1)),
        }
    }
    let parts: Vec<String> = by_source.iter().map(|(k, n)| format!("{n} {k}")).collect();
    Some(format!("publication dates: {}", parts.join(", ")))
}

/// One file's findings, each followed by a blank line.
pub fn render_file(c: &Checked, renderer: &Excerpts) -> String {
    let mut out = String::new();
    for f in &c.report.findings {
        out.push_str(&render_finding(c, f, renderer));
        out.push('\n');
    }
    out
}

pub fn render(files: &[Checked], colour: bool) -> String {
    let renderer = renderer(colour);
    let mut out = String::new();
    for c in files {
        out.push_str(&render_file(c, &renderer));
    }
    out.push_str(&summary(files));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Applicability, Edit, Fix};
    use crate::engine::Report;

    #[test]
    fn reference_note_names_one_date_or_counts_the_sources() {
        let r = |y, source| Some(Reference { date: jiff::civil::date(y, 3, 4), source });
        assert_eq!(reference_note(&[]), None);
        assert_eq!(
            reference_note(&[r(2025, RefSource::Dateline), r(2025, RefSource::Dateline)]).unwrap(),
            "publication date 2025-03-04, from the article's dateline"
        );
        assert_eq!(
            reference_note(&[
                r(2025, RefSource::FrontMatter),
                r(2024, RefSource::Dateline),
                r(2026, RefSource::Today),
                None
            ])
            .unwrap(),
            "publication dates: 2 from the article, 1 from the clock, 1 with none"
        );
    }

    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_span() {
        let line = format!("{}Feb. 30{}", "a".repeat(1000), "é".repeat(1000));
        let (shown, s, e) = window(&line, 1000, 1007);
        assert_eq!(&shown[s..e], "Feb. 30");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.len() < 2 * CONTEXT + 20 + 2 * CONTEXT, "{}", shown.len());
        // Short excerpts are left whole.
        assert_eq!(window("x Feb. 30 y", 2, 9), ("x Feb. 30 y".to_string(), 2, 9));
    }
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
