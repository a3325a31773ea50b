//! Read-only views of an analysis: hover, inlay hints and the summary code lens.
use tower_lsp_server::ls_types::{
    CodeLens, Command, Hover, HoverContents, InlayHint, InlayHintLabel, MarkupContent, MarkupKind, Range,
};

use super::analysis::Analysis;
use crate::dates::{DateExpr, DateKind};
use crate::document::{Finding, RefSource};

/// The `## Why it matters` section of a rule's Markdown docs, if it has one.
pub fn why_it_matters(docs: &str) -> Option<&str> {
    let start = docs.find("## Why it matters")?;
    let body = &docs[start + "## Why it matters".len()..];
    let end = body.find("\n## ").unwrap_or(body.len());
    let s = body[..end].trim();
    (!s.is_empty()).then_some(s)
}

fn finding_markdown(f: &Finding) -> String {
    let mut s = format!("**copydesk · `{}`**", f.rule);
    if let Some(meta) = crate::rules::rule(f.rule) {
        s.push_str(&format!(": {}\n\n", meta.summary));
        s.push_str(&f.message);
        if let Some(why) = why_it_matters(meta.docs) {
            s.push_str("\n\n**Why it matters.** ");
            s.push_str(why);
        }
    } else {
        s.push_str("\n\n");
        s.push_str(&f.message);
    }
    for fix in &f.fixes {
        if fix.applicability == crate::document::Applicability::DisplayOnly {
            s.push_str(&format!("\n\nSuggestion: {}", fix.title));
        }
    }
    s.push_str(&format!("\n\nFull documentation: `copydesk rule {}`", f.rule));
    s
}

fn plural(n: i64, one: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {one}s") }
}

fn date_markdown(a: &Analysis, d: &DateExpr) -> String {
    let written = d.span.slice(&a.text);
    let mut s = format!("**Date** `{}`", written.trim());
    match d.date {
        Some(day) => {
            s.push_str(&format!(" → **{}** ({})", day.strftime("%B %-d, %Y"), day.strftime("%A")));
            if let Some(r) = &a.report.reference {
                let days = r.date.until(day).map(|sp| sp.get_days() as i64).unwrap_or(0);
                let rel = match days {
                    0 => "the publication date".to_string(),
                    n if n < 0 => format!("{} before publication", plural(-n, "day")),
                    n => format!("{} after publication", plural(n, "day")),
                };
                s.push_str(&format!("\n\n{rel}. Publication date {}, {}.", r.date, r.source.describe()));
                for w in &a.report.reference_warnings {
                    s.push_str(&format!("\n\n⚠ {w}."));
                }
            }
        }
        None if !d.value.is_empty() => s.push_str(&format!(" → `{}`", d.value)),
        None => s.push_str("\n\nNo publication date to resolve it against."),
    }
    if !d.label.is_empty() && d.kind != DateKind::Absolute {
        s.push_str(&format!("\n\nResolved: {}", d.label));
    }
    s
}

/// Hover at byte `offset`: the findings there, then the source there (see
/// [`super::sources::hover`]), then the date there.
pub fn hover(a: &Analysis, offset: usize) -> Option<Hover> {
    let at = |start: usize, end: usize| start <= offset && (offset < end || (start == end && offset == end));
    let findings: Vec<&Finding> = a.report.findings.iter().filter(|f| at(f.span.start, f.span.end)).collect();
    let date = a.report.dates.iter().find(|d| at(d.span.start, d.span.end));
    let mut parts: Vec<String> = findings.iter().map(|f| finding_markdown(f)).collect();
    let mut range: Option<Range> = findings.first().map(|f| a.range(f.span));
    if let Some((md, span)) = super::sources::hover(a, offset) {
        parts.push(md);
        range.get_or_insert(a.range(span));
    }
    if let Some(d) = date {
        parts.push(date_markdown(a, d));
        range.get_or_insert(a.range(d.span));
    }
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: parts.join("\n\n---\n\n") }),
        range,
    })
}

/// An inlay hint after each relative date in `range` ("→ Dec. 2024").
pub fn inlay_hints(a: &Analysis, range: Range) -> Vec<InlayHint> {
    if !a.inlay_hints {
        return Vec::new();
    }
    let (lo, hi) = (a.offset(range.start), a.offset(range.end));
    a.report
        .dates
        .iter()
        .filter(|d| d.kind == DateKind::Relative && !d.label.is_empty() && d.span.end >= lo && d.span.start <= hi)
        .map(|d| InlayHint {
            position: a.position(d.span.end),
            label: InlayHintLabel::String(format!("→ {}", d.label)),
            kind: None,
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect()
}

/// "2 unsourced claims · 5 vague attributions · 1 date error · published 2025-03-04".
pub fn summary(a: &Analysis) -> String {
    if a.too_large {
        return "copydesk: document too large to check".into();
    }
    let count = |fam: &str| a.report.findings.iter().filter(|f| f.family() == fam).count() as i64;
    let mut parts = Vec::new();
    for (fam, one) in [("claim", "unsourced claim"), ("attribution", "vague attribution"), ("date", "date error")] {
        let n = count(fam);
        if n > 0 {
            parts.push(plural(n, one));
        }
    }
    let other = a.report.findings.len() as i64 - count("claim") - count("attribution") - count("date");
    if other > 0 {
        parts.push(plural(other, "other finding"));
    }
    if parts.is_empty() {
        parts.push("no findings".into());
    }
    parts.push(match &a.report.reference {
        Some(r) if r.source == RefSource::Today => format!("no publication date (assuming today, {})", r.date),
        // Where the date came from is in the hover of any date (the editors' tests read this line).
        Some(r) => format!("published {}", r.date),
        None => "no publication date".into(),
    });
    if !a.report.reference_warnings.is_empty() {
        parts.push("the article's date could not be read (hover a date)".into());
    }
    parts.join(" · ")
}

pub fn code_lens(a: &Analysis) -> CodeLens {
    CodeLens {
        range: Range::default(),
        command: Some(Command { title: summary(a), command: String::new(), arguments: None }),
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Reference, Severity};
    use crate::engine::Report;
    use crate::lsp::analysis::for_test;
    use crate::text::Span;
    use crate::text::position::Encoding;
    use jiff::civil::date;

    const TEXT: &str = "😀 Experts say the pier closed last December, on Feb. 20, 2025.\n";

    fn report() -> Report {
        let at = |s: &str| {
            let i = TEXT.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let finding = |rule: &'static str, s: &str| Finding {
            rule,
            span: at(s),
            message: format!("'{s}' flagged"),
            severity: Severity::Warning,
            fixes: Vec::new(),
        };
        Report {
            findings: vec![
                finding("attribution/vague", "Experts say"),
                finding("claim/unsourced", "the pier closed"),
                finding("claim/unsourced", "pier"),
                finding("date/weekday", "Feb. 20, 2025"),
            ],
            reference: Some(Reference { date: date(2025, 3, 4), source: RefSource::FrontMatter }),
            dates: vec![
                date_expr(at("last December"), DateKind::Relative, "2024-12", None, "Dec. 2024"),
                date_expr(
                    at("Feb. 20, 2025"),
                    DateKind::Absolute,
                    "2025-02-20",
                    Some(date(2025, 2, 20)),
                    "Feb. 20, 2025",
                ),
            ],
            ..Report::default()
        }
    }

    fn date_expr(span: Span, kind: DateKind, value: &str, day: Option<jiff::civil::Date>, label: &str) -> DateExpr {
        DateExpr {
            span,
            kind,
            value: value.into(),
            date: day,
            label: label.into(),
            precision: if day.is_some() { crate::dates::Precision::Day } else { crate::dates::Precision::Month },
            date_span: span,
            written: None,
            weekday: None,
            invalid: false,
            tense: Default::default(),
            tense_cue: None,
            in_quote: false,
            range: None,
        }
    }

    fn markdown(h: Hover) -> String {
        match h.contents {
            HoverContents::Markup(m) => m.value,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn hover_on_a_finding_names_the_rule_and_its_message() {
        let a = for_test(TEXT, report(), None, Encoding::Utf16);
        let h = hover(&a, TEXT.find("Experts").unwrap() + 2).unwrap();
        assert_eq!(h.range, Some(a.range(Span::new(5, 16))));
        let md = markdown(h);
        assert!(md.starts_with("**copydesk · `attribution/vague`**"), "{md}");
        assert!(md.contains("'Experts say' flagged"), "{md}");
        assert!(md.contains("`copydesk rule attribution/vague`"), "{md}");
    }

    #[test]
    fn hover_on_a_date_gives_the_day_weekday_and_distance() {
        let a = for_test(TEXT, report(), None, Encoding::Utf8);
        let md = markdown(hover(&a, TEXT.find("Feb.").unwrap()).unwrap());
        assert!(md.contains("**February 20, 2025** (Thursday)"), "{md}");
        assert!(
            md.contains("12 days before publication. Publication date 2025-03-04, from the article's front matter."),
            "{md}"
        );
        // The same place has a finding: both are shown, the finding first.
        assert!(md.find("date/weekday").unwrap() < md.find("February 20").unwrap(), "{md}");
        assert!(hover(&a, TEXT.find("on Feb").unwrap()).is_none());
    }

    #[test]
    fn inlay_hints_follow_relative_dates_only_and_can_be_turned_off() {
        let mut a = for_test(TEXT, report(), None, Encoding::Utf16);
        let whole = Range { start: a.position(0), end: a.position(TEXT.len()) };
        let hints = inlay_hints(&a, whole);
        assert_eq!(hints.len(), 1);
        let end = TEXT.find("last December").unwrap() + "last December".len();
        // After the emoji (2 UTF-16 units, 4 bytes): the column is in UTF-16 units.
        assert_eq!(hints[0].position, a.position(end));
        assert_eq!(hints[0].position.character as usize, end - 2);
        assert!(matches!(&hints[0].label, InlayHintLabel::String(s) if s == "→ Dec. 2024"));
        a.inlay_hints = false;
        assert!(inlay_hints(&a, whole).is_empty());
    }

    #[test]
    fn code_lens_counts_findings_by_family() {
        let a = for_test(TEXT, report(), None, Encoding::Utf16);
        assert_eq!(summary(&a), "2 unsourced claims · 1 vague attribution · 1 date error · published 2025-03-04");
        let lens = code_lens(&a);
        assert_eq!(lens.range, Range::default());
        let mut r = report();
        r.findings.clear();
        r.reference = None;
        assert_eq!(summary(&for_test(TEXT, r.clone(), None, Encoding::Utf16)), "no findings · no publication date");
        r.reference = Some(Reference { date: date(2026, 12, 6), source: RefSource::Today });
        r.reference_warnings = vec!["front matter `date: soon` is not a date copydesk can read; using 2026-12-06 (today's date, from the clock)".into()];
        assert_eq!(
            summary(&for_test(TEXT, r, None, Encoding::Utf16)),
            "no findings · no publication date (assuming today, 2026-12-06) · the article's date could not be read (hover a date)"
        );
    }

    #[test]
    fn why_it_matters_is_cut_at_the_next_section() {
        let docs = "## What it flags\nx\n\n## Why it matters\nReaders trust names.\n\n## Example\ny";
        assert_eq!(why_it_matters(docs), Some("Readers trust names."));
        assert_eq!(why_it_matters("## Example\n"), None);
    }
}
