//! Suppression directives in the article: `<!-- copydesk-disable-next-line RULE -->`,
//! `<!-- copydesk-disable RULE -->` … `<!-- copydesk-enable RULE -->`, `<!-- copydesk-disable-file -->`.
//! RULE is a rule id (`date/invalid`), a family (`date`) or omitted (every rule); several may be
//! listed, separated by commas or spaces.
//!
//! - `disable-next-line` covers the next non-blank line after the comment and, when a block
//!   (paragraph, heading, list item, table cell) starts on that line, the whole block: a
//!   hard-wrapped Markdown paragraph is suppressed as a unit.
//! - `disable` runs to the next `enable` naming the same rule or family (an `enable` without a
//!   rule ends every open `disable`), or to the end of the file. An `enable RULE` does not carve an
//!   exception out of a `disable` without rules.
//! - `disable-file` covers the whole file.
//!
//! A finding is suppressed when its start offset lies in a covered range for its rule.
//! Unknown ids are reported by the `directive/unknown-rule` rule, not here.
use super::finding::Finding;
use super::{Directive, DirectiveKind, Document};
use crate::text::Span;

/// A covered range and the rule or family it covers (`""` = every rule).
struct Region<'d> {
    span: Span,
    key: &'d str,
}

fn key_matches(key: &str, rule: &str) -> bool {
    key.is_empty() || key == rule || rule.split('/').next() == Some(key)
}

fn keys(d: &Directive) -> Vec<&str> {
    if d.rules.is_empty() { vec![""] } else { d.rules.iter().map(|r| r.0.as_str()).collect() }
}

/// Drop the findings that a directive in `doc` suppresses.
pub fn apply(doc: &Document, mut findings: Vec<Finding>) -> Vec<Finding> {
    if doc.directives.is_empty() || findings.is_empty() {
        return findings;
    }
    let regions = regions(doc);
    findings.retain(|f| !regions.iter().any(|r| r.span.contains(f.span.start) && key_matches(r.key, f.rule)));
    findings
}

fn regions<'d>(doc: &'d Document) -> Vec<Region<'d>> {
    let len = doc.text.len();
    let mut out = Vec::new();
    let mut open: Vec<(&str, usize)> = Vec::new();
    for d in &doc.directives {
        match d.kind {
            DirectiveKind::DisableFile => {
                out.extend(keys(d).into_iter().map(|key| Region { span: Span::new(0, len), key }))
            }
            DirectiveKind::DisableNextLine => {
                let span = next_line(doc, d.span.end);
                out.extend(keys(d).into_iter().map(|key| Region { span, key }));
            }
            DirectiveKind::Disable => open.extend(keys(d).into_iter().map(|k| (k, d.span.end))),
            DirectiveKind::Enable => {
                let ks = keys(d);
                open.retain(|&(k, start)| {
                    let closes = ks.contains(&"") || ks.contains(&k);
                    if closes {
                        out.push(Region { span: Span::new(start, d.span.start), key: k });
                    }
                    !closes
                });
            }
        }
    }
    out.extend(open.into_iter().map(|(key, start)| Region { span: Span::new(start, len), key }));
    out
}

/// The next non-blank line after the line holding `offset`, extended to the end of a block
/// that starts on it.
fn next_line(doc: &Document, offset: usize) -> Span {
    let text = doc.text;
    let mut pos = text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1);
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if !text[pos..end].trim().is_empty() {
            let line = Span::new(pos, end);
            let b = doc.blocks.partition_point(|b| b.span.start < line.start);
            return match doc.blocks.get(b) {
                Some(block) if block.span.start < line.end || line.is_empty() => {
                    Span::new(line.start, block.span.end.max(line.end))
                }
                _ => line,
            };
        }
        pos = end + 1;
    }
    Span::new(text.len(), text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::settings::DocKind;
    use crate::document::{Settings, Severity};
    use crate::text::Span;

    fn finding(rule: &'static str, at: usize) -> Finding {
        Finding {
            rule,
            span: Span::new(at, at + 1),
            message: String::new(),
            severity: Severity::Warning,
            fixes: vec![],
        }
    }

    /// Findings of `date/invalid` and `claim/unsourced` at every "X" in `text`; returns (rule, line) kept.
    fn kept(text: &str, kind: DocKind) -> Vec<(&'static str, usize)> {
        let doc = Document::parse(text, kind, &Settings::default().extra_abbreviations);
        let mut fs = Vec::new();
        for (i, _) in text.match_indices('X') {
            fs.push(finding("date/invalid", i));
            fs.push(finding("claim/unsourced", i));
        }
        let line = |at: usize| text[..at].matches('\n').count() + 1;
        apply(&doc, fs).into_iter().map(|f| (f.rule, line(f.span.start))).collect()
    }

    #[test]
    fn disable_next_line_covers_the_next_block_for_the_named_family() {
        let text = "<!-- copydesk-disable-next-line date -->\nX one\nX wrapped.\n\nX after.\n";
        assert_eq!(
            kept(text, DocKind::Markdown),
            vec![("claim/unsourced", 2), ("claim/unsourced", 3), ("date/invalid", 5), ("claim/unsourced", 5)]
        );
    }

    #[test]
    fn disable_next_line_skips_blank_lines_and_without_rules_covers_all() {
        let text = "Intro X.\n<!-- copydesk-disable-next-line -->\n\nX here.\n\nX there.\n";
        assert_eq!(
            kept(text, DocKind::Markdown),
            vec![("date/invalid", 1), ("claim/unsourced", 1), ("date/invalid", 6), ("claim/unsourced", 6)]
        );
    }

    #[test]
    fn disable_enable_region_by_rule_id() {
        let text = "X a.\n\n<!-- copydesk-disable claim/unsourced -->\n\nX b.\n\n<!-- copydesk-enable claim/unsourced -->\n\nX c.\n";
        assert_eq!(
            kept(text, DocKind::Markdown),
            vec![
                ("date/invalid", 1),
                ("claim/unsourced", 1),
                ("date/invalid", 5),
                ("date/invalid", 9),
                ("claim/unsourced", 9)
            ]
        );
    }

    #[test]
    fn disable_without_enable_runs_to_the_end_and_enable_all_closes_it() {
        let text = "X a.\n\n<!-- copydesk-disable date -->\n\nX b.\n\n<!-- copydesk-enable -->\n\nX c.\n\n<!-- copydesk-disable -->\n\nX d.\n";
        assert_eq!(
            kept(text, DocKind::Markdown),
            vec![
                ("date/invalid", 1),
                ("claim/unsourced", 1),
                ("claim/unsourced", 5),
                ("date/invalid", 9),
                ("claim/unsourced", 9)
            ]
        );
    }

    #[test]
    fn disable_file_and_plain_text_directives() {
        assert_eq!(kept("X a.\n\nX b. <!-- copydesk-disable-file -->\n", DocKind::Markdown), vec![]);
        let text = "X a.\n<!-- copydesk-disable-next-line claim -->\nX b.\nX c.\n";
        assert_eq!(
            kept(text, DocKind::Plain),
            vec![
                ("date/invalid", 1),
                ("claim/unsourced", 1),
                ("date/invalid", 3),
                ("date/invalid", 4),
                ("claim/unsourced", 4)
            ]
        );
    }

    #[test]
    fn directive_inside_code_is_not_a_directive() {
        let text = "```\n<!-- copydesk-disable-file -->\n```\n\nX a.\n";
        assert_eq!(kept(text, DocKind::Markdown), vec![("date/invalid", 5), ("claim/unsourced", 5)]);
    }
}
