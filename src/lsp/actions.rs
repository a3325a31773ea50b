//! Code actions: the fixes of the finding a diagnostic's `data` names, taken from the stored
//! analysis of that version (no re-lint), suppression comments, the publication date, and
//! `source.fixAll.copydesk` (safe fixes only).
use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, DocumentChanges, NumberOrString, OneOf,
    OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use super::analysis::{Analysis, SOURCE, TOO_LARGE_CODE};
use crate::document::{Applicability, DocKind, Edit, RefSource};

pub const FIX_ALL: &str = "source.fixAll.copydesk";

/// How to build a workspace edit for this client.
#[derive(Clone, Copy, Debug)]
pub struct EditStyle {
    /// The client understands `documentChanges` (versioned edits); otherwise plain `changes`.
    pub document_changes: bool,
}

pub fn workspace_edit(style: EditStyle, uri: &Uri, version: i32, edits: Vec<TextEdit>) -> WorkspaceEdit {
    if style.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri: uri.clone(), version: Some(version) },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..WorkspaceEdit::default() }
    }
}

/// Whether an action of `kind` passes the request's `only` filter (kinds are hierarchical).
fn wanted(only: Option<&[CodeActionKind]>, kind: &str) -> bool {
    match only {
        None => true,
        Some(list) => list.iter().any(|k| {
            let k = k.as_str();
            kind == k || kind.strip_prefix(k).is_some_and(|rest| rest.starts_with('.'))
        }),
    }
}

/// The line ending the text uses (CRLF when its first line ends with one).
fn newline_of(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

/// Where a document-wide directive goes: the top, or the line after the front matter.
fn after_front_matter(a: &Analysis) -> usize {
    match &a.front_matter {
        Some(fm) => {
            let end = fm.span.end.min(a.text.len());
            if end == 0 || a.text.as_bytes()[end - 1] == b'\n' {
                end
            } else {
                a.text[end..].find('\n').map_or(a.text.len(), |i| end + i + 1)
            }
        }
        None => 0,
    }
}

/// Insert a whole line before the line starting at `at`; at the very end of a text without a
/// final newline the line goes after a newline instead.
fn insert_line(a: &Analysis, at: usize, line: &str) -> Edit {
    let nl = newline_of(&a.text);
    if at == a.text.len() && !a.text.is_empty() && !a.text.ends_with('\n') {
        Edit::insert(at, format!("{nl}{line}"))
    } else {
        Edit::insert(at, format!("{line}{nl}"))
    }
}

pub fn disable_line_edit(a: &Analysis, offset: usize, rule: &str) -> Edit {
    let start = line_start(&a.text, offset);
    let indent: String = a.text[start..].chars().take_while(|c| *c == ' ' || *c == '\t').collect();
    Edit::insert(start, format!("{indent}<!-- copydesk-disable-next-line {rule} -->{}", newline_of(&a.text)))
}

pub fn disable_document_edit(a: &Analysis, rule: &str) -> Edit {
    insert_line(a, after_front_matter(a), &format!("<!-- copydesk-disable {rule} -->"))
}

/// Insert or replace the front matter `date:` with `today`.
pub fn set_date_edit(a: &Analysis, today: Date) -> Edit {
    let nl = newline_of(&a.text);
    let value = today.to_string();
    match &a.front_matter {
        Some(fm) => match &fm.date {
            Some((_, span)) => Edit::replace(*span, value),
            None => {
                // Before the closing delimiter line of the block.
                let block = fm.span.slice(&a.text).trim_end_matches(['\n', '\r']);
                let close = block.rfind('\n').map_or(fm.span.start, |i| fm.span.start + i + 1);
                Edit::insert(close, format!("date: {value}{nl}"))
            }
        },
        None => Edit::insert(0, format!("---{nl}date: {value}{nl}---{nl}")),
    }
}

fn rule_of(d: &Diagnostic) -> Option<&str> {
    if d.source.as_deref() != Some(SOURCE) {
        return None;
    }
    match &d.code {
        Some(NumberOrString::String(s)) if s != TOO_LARGE_CODE => Some(s),
        _ => None,
    }
}

fn action(title: String, kind: CodeActionKind, diags: Vec<Diagnostic>, edit: WorkspaceEdit) -> CodeAction {
    CodeAction {
        title,
        kind: Some(kind),
        diagnostics: if diags.is_empty() { None } else { Some(diags) },
        edit: Some(edit),
        ..CodeAction::default()
    }
}

/// Every code action for one request. `a` is the analysis of the document's current version.
pub fn code_actions(
    a: &Analysis,
    uri: &Uri,
    diagnostics: &[Diagnostic],
    only: Option<&[CodeActionKind]>,
    style: EditStyle,
    today: Date,
) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    let quick = wanted(only, CodeActionKind::QUICKFIX.as_str());
    let mut seen_titles = HashSet::new();
    let mut disable_doc = Vec::new();
    if quick {
        for d in diagnostics {
            let Some(rule) = rule_of(d) else { continue };
            // The fixes come from the analysis the diagnostic was published from. A diagnostic of
            // an older version gets none: its edits were computed for text that is gone.
            if let Some(f) = a.finding(d) {
                let offered: Vec<_> =
                    f.fixes.iter().filter(|f| f.applicability != Applicability::DisplayOnly).collect();
                let safe = offered.iter().filter(|f| f.applicability == Applicability::Safe).count();
                for fix in offered {
                    let mut ca = action(
                        fix.title.clone(),
                        CodeActionKind::QUICKFIX,
                        vec![d.clone()],
                        workspace_edit(style, uri, a.version, fix.edits.iter().map(|e| a.text_edit(e)).collect()),
                    );
                    ca.is_preferred = Some(safe == 1 && fix.applicability == Applicability::Safe);
                    out.push(CodeActionOrCommand::CodeAction(ca));
                }
            }
            let offset = a.offset(d.range.start);
            let title = format!("Disable {rule} on this line");
            if seen_titles.insert(format!("{title}@{}", line_start(&a.text, offset))) {
                let e = disable_line_edit(a, offset, rule);
                out.push(CodeActionOrCommand::CodeAction(action(
                    title,
                    CodeActionKind::QUICKFIX,
                    vec![d.clone()],
                    workspace_edit(style, uri, a.version, vec![a.text_edit(&e)]),
                )));
            }
            if !disable_doc.iter().any(|(r, _): &(String, Diagnostic)| r == rule) {
                disable_doc.push((rule.to_string(), d.clone()));
            }
        }
        for (rule, d) in disable_doc {
            let e = disable_document_edit(a, &rule);
            out.push(CodeActionOrCommand::CodeAction(action(
                format!("Disable {rule} in this document"),
                CodeActionKind::QUICKFIX,
                vec![d],
                workspace_edit(style, uri, a.version, vec![a.text_edit(&e)]),
            )));
        }
        // Offered while the article itself names no publication date (a date that does not
        // parse counts as none); an article with one is never rewritten to today's date.
        let unset =
            matches!(a.report.reference.as_ref().map(|r| r.source), None | Some(RefSource::Today | RefSource::Config));
        if a.kind == DocKind::Markdown && !a.too_large && unset && !fm_date_is(a, today) {
            let e = set_date_edit(a, today);
            out.push(CodeActionOrCommand::CodeAction(action(
                format!("Set publication date to {today}"),
                CodeActionKind::QUICKFIX,
                Vec::new(),
                workspace_edit(style, uri, a.version, vec![a.text_edit(&e)]),
            )));
        }
    }
    if wanted(only, FIX_ALL) {
        if let Some(ca) = fix_all(a, uri, style) {
            out.push(CodeActionOrCommand::CodeAction(ca));
        }
    }
    out
}

fn fm_date_is(a: &Analysis, today: Date) -> bool {
    a.front_matter
        .as_ref()
        .and_then(|fm| fm.date.as_ref())
        .and_then(|(v, _)| crate::document::refdate::parse_front_matter_date(v))
        == Some(today)
}

/// One edit applying the first safe fix of every finding whose edits do not overlap an earlier one.
pub fn fix_all(a: &Analysis, uri: &Uri, style: EditStyle) -> Option<CodeAction> {
    let mut edits: Vec<&Edit> = Vec::new();
    for f in &a.report.findings {
        let Some(fix) = f.fixes.iter().find(|x| x.applicability == Applicability::Safe) else { continue };
        let clash = fix
            .edits
            .iter()
            .any(|e| edits.iter().any(|o| e.start < o.end.max(o.start + 1) && o.start < e.end.max(e.start + 1)));
        if !clash {
            edits.extend(fix.edits.iter());
        }
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| (e.start, e.end));
    let text_edits = edits.into_iter().map(|e| a.text_edit(e)).collect();
    Some(CodeAction {
        title: "Fix all safe copydesk findings".into(),
        kind: Some(CodeActionKind::new(FIX_ALL)),
        edit: Some(workspace_edit(style, uri, a.version, text_edits)),
        ..CodeAction::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::FrontMatter;
    use crate::document::{Finding, Fix, Severity, apply_edits};
    use crate::engine::Report;
    use crate::lsp::analysis::for_test;
    use crate::text::Span;
    use crate::text::position::Encoding;

    fn finding(span: Span, fixes: Vec<Fix>) -> Finding {
        Finding { rule: "date/weekday", span, message: "m".into(), severity: Severity::Error, fixes }
    }

    #[test]
    fn fix_all_applies_safe_fixes_only_and_skips_overlaps() {
        let text = "On Monday, March 3 and Friday, March 3 and Sunday.\n";
        let span = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let safe = |s: &str, new: &str| Fix::new("safe", Applicability::Safe, vec![Edit::replace(span(s), new)]);
        let report = Report {
            findings: vec![
                finding(span("Monday"), vec![safe("Monday", "Tuesday")]),
                // Overlaps the first fix: skipped.
                finding(span("Monday, March"), vec![safe("Monday, March", "X")]),
                finding(
                    span("Friday"),
                    vec![Fix::new("u", Applicability::Unsafe, vec![Edit::replace(span("Friday"), "Y")])],
                ),
                finding(span("Sunday"), vec![safe("Sunday", "Sun.")]),
            ],
            ..Report::default()
        };
        let a = for_test(text, report, None, Encoding::Utf16);
        let uri: Uri = "file:///a.md".parse().unwrap();
        let ca = fix_all(&a, &uri, EditStyle { document_changes: true }).unwrap();
        assert_eq!(ca.kind, Some(CodeActionKind::new(FIX_ALL)));
        let Some(DocumentChanges::Edits(docs)) = ca.edit.unwrap().document_changes else { panic!() };
        assert_eq!(docs[0].text_document.version, Some(7));
        assert_eq!(docs[0].edits.len(), 2);
        // Map the protocol edits back through the analysis and apply them.
        let edits: Vec<Edit> = docs[0]
            .edits
            .iter()
            .map(|e| match e {
                OneOf::Left(t) => {
                    Edit { start: a.offset(t.range.start), end: a.offset(t.range.end), new_text: t.new_text.clone() }
                }
                OneOf::Right(_) => panic!(),
            })
            .collect();
        assert_eq!(apply_edits(text, &edits), "On Tuesday, March 3 and Friday, March 3 and Sun..\n");
    }

    fn titles(acts: &[CodeActionOrCommand]) -> Vec<(&str, Option<bool>)> {
        acts.iter()
            .filter_map(|a| match a {
                CodeActionOrCommand::CodeAction(ca) => Some((ca.title.as_str(), ca.is_preferred)),
                CodeActionOrCommand::Command(_) => None,
            })
            .collect()
    }

    #[test]
    fn fixes_come_from_the_analysis_the_diagnostic_names() {
        let text = "On Monday, March 3 it rained.\n";
        let at = Span::new(3, 9);
        let fixes = vec![
            Fix::new("safe", Applicability::Safe, vec![Edit::replace(at, "Monday")]),
            Fix::new("unsafe", Applicability::Unsafe, vec![Edit::replace(at, "Sunday")]),
            Fix::new("display", Applicability::DisplayOnly, vec![]),
        ];
        let report =
            Report { findings: vec![finding(Span::new(0, 2), vec![]), finding(at, fixes)], ..Report::default() };
        let a = for_test(text, report, None, Encoding::Utf16);
        let uri: Uri = "file:///a.md".parse().unwrap();
        let style = EditStyle { document_changes: false };
        let day = jiff::civil::date(2025, 3, 4);
        let published = crate::lsp::analysis::diagnostics(&a);
        assert_eq!(published[1].data, Some(serde_json::json!({"version": 7, "index": 1})));
        let only_quick = Some(&[CodeActionKind::QUICKFIX][..]);
        let fix_titles = |d: &Diagnostic| -> Vec<(String, Option<bool>)> {
            let acts = code_actions(&a, &uri, std::slice::from_ref(d), only_quick, style, day);
            titles(&acts)
                .into_iter()
                .filter(|(t, _)| !t.starts_with("Disable ") && !t.starts_with("Set publication"))
                .map(|(t, p)| (t.to_string(), p))
                .collect()
        };
        // The one safe fix is preferred, the unsafe one is not, display-only is no action.
        assert_eq!(fix_titles(&published[1]), [("safe".into(), Some(true)), ("unsafe".into(), Some(false))]);
        let acts = code_actions(&a, &uri, &published[1..], only_quick, style, day);
        let CodeActionOrCommand::CodeAction(first) = &acts[0] else { panic!() };
        let edits = &first.edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri];
        assert_eq!(edits, &vec![a.text_edit(&Edit::replace(at, "Monday"))]);
        // A diagnostic of another version, or whose index names a different finding, gets no fix
        // (but still its suppression actions).
        let mut stale = published[1].clone();
        stale.data = Some(serde_json::json!({"version": 6, "index": 1}));
        assert!(fix_titles(&stale).is_empty());
        let acts = code_actions(&a, &uri, &[stale], only_quick, style, day);
        assert!(titles(&acts).iter().any(|(t, _)| *t == "Disable date/weekday on this line"));
        let mut moved = published[1].clone();
        moved.data = Some(serde_json::json!({"version": 7, "index": 0}));
        assert!(fix_titles(&moved).is_empty());
        let mut other_range = published[1].clone();
        other_range.range.end.character += 1;
        assert!(fix_titles(&other_range).is_empty());
        let mut no_data = published[1].clone();
        no_data.data = None;
        assert!(fix_titles(&no_data).is_empty());
    }

    #[test]
    fn document_directive_and_date_go_inside_or_after_front_matter() {
        let text = "---\r\ntitle: x\r\n---\r\nBody.\r\n";
        let fm = FrontMatter { span: Span::new(0, text.find("Body").unwrap()), date: None };
        let a = for_test(text, Report::default(), Some(fm), Encoding::Utf8);
        let e = disable_document_edit(&a, "claim");
        assert_eq!(apply_edits(text, &[e]), "---\r\ntitle: x\r\n---\r\n<!-- copydesk-disable claim -->\r\nBody.\r\n");
        let day = jiff::civil::date(2025, 3, 4);
        let e = set_date_edit(&a, day);
        assert_eq!(apply_edits(text, &[e]), "---\r\ntitle: x\r\ndate: 2025-03-04\r\n---\r\nBody.\r\n");

        let text = "---\ndate: 2024-13-40\n---\nBody.\n";
        let v = text.find("2024").unwrap();
        let fm = FrontMatter {
            span: Span::new(0, text.find("Body").unwrap()),
            date: Some(("2024-13-40".into(), Span::new(v, v + 10))),
        };
        let a = for_test(text, Report::default(), Some(fm), Encoding::Utf8);
        assert_eq!(apply_edits(text, &[set_date_edit(&a, day)]), "---\ndate: 2025-03-04\n---\nBody.\n");

        let a = for_test("No newline at end", Report::default(), None, Encoding::Utf8);
        assert_eq!(
            apply_edits(&a.text, &[disable_line_edit(&a, 5, "date")]),
            "<!-- copydesk-disable-next-line date -->\nNo newline at end"
        );
    }

    #[test]
    fn only_filters_by_kind_prefix() {
        assert!(wanted(Some(&[CodeActionKind::SOURCE]), FIX_ALL));
        assert!(wanted(Some(&[CodeActionKind::SOURCE_FIX_ALL]), FIX_ALL));
        assert!(!wanted(Some(&[CodeActionKind::QUICKFIX]), FIX_ALL));
        assert!(!wanted(Some(&[CodeActionKind::new("source.fix")]), FIX_ALL));
        assert!(wanted(None, "quickfix"));
    }
}
