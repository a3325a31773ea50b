//! Read-only views of an analysis: hover, inlay hints and the summary code lens.
use tower_lsp_server::ls_types::{
    CodeLens, Command, Hover, HoverContents, InlayHint, InlayHintLabel, MarkupContent, MarkupKind, Range,
};

use super::analysis::Analysis;
use crate::dates::{DateExpr, DateKind};
use crate::engine::{Finding, RefSource};

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
        if fix.applicability == crate::engine::Applicability::DisplayOnly {
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
                    n if n < 0 => format!("{} before publication ({})", plural(-n, "day"), r.date),
                    n => format!("{} after publication ({})", plural(n, "day"), r.date),
                };
                s.push_str(&format!("\n\n{rel}"));
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

/// Hover at byte `offset`: the findings there, then the date there.
pub fn hover(a: &Analysis, offset: usize) -> Option<Hover> {
    let at = |start: usize, end: usize| start <= offset && (offset < end || (start == end && offset == end));
    let findings: Vec<&Finding> = a.report.findings.iter().filter(|f| at(f.span.start, f.span.end)).collect();
    let date = a.report.dates.iter().find(|d| at(d.span.start, d.span.end));
    let mut parts: Vec<String> = findings.iter().map(|f| finding_markdown(f)).collect();
    let mut range: Option<Range> = findings.first().map(|f| a.range(f.span));
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
        Some(r) => format!("published {}", r.date),
        None => "no publication date".into(),
    });
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

    #[test]
    fn why_it_matters_is_cut_at_the_next_section() {
        let docs = "## What it flags\nx\n\n## Why it matters\nReaders trust names.\n\n## Example\ny";
        assert_eq!(why_it_matters(docs), Some("Readers trust names."));
        assert_eq!(why_it_matters("## Example\n"), None);
    }
}
