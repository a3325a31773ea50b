//! The source ledger in the editor: the sources an article cites as document symbols (the
//! outline), the ledger's summary line as a code lens, and what a hover on a source says.
//!
//! *Invariant:* everything here reads the [`super::analysis::Ledger`] stored with an [`Analysis`] (built with it,
//! off the async threads); a request never re-analyses, and every range comes from that
//! analysis' text and index.
use tower_lsp_server::ls_types::{CodeLens, Command, DocumentSymbol, Range, SymbolKind};

use super::analysis::Analysis;
use crate::attribution::SourceKind;
use crate::attribution::ledger::{Cited, Source};
use crate::text::Span;

/// Where a citation is shown: its source, or its cue when it has none ("it is believed").
fn place(c: &Cited) -> Span {
    c.attribution.source.unwrap_or(c.attribution.cue)
}

/// A span's text on one line, whitespace folded.
fn words(a: &Analysis, s: Span) -> String {
    s.slice(&a.text).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn kind_label(s: &Source) -> &'static str {
    match (s.kind, s.reason_given) {
        (SourceKind::Anonymous, false) => "anonymous, no reason given",
        (SourceKind::Anonymous, true) => "anonymous, reason given",
        (SourceKind::Pronoun, _) => "unresolved pronoun",
        (k, _) => k.as_str(),
    }
}

/// The outline icon: someone definite (an object), a document (a file), an unnamed person (a
/// variable: someone stands there, the reader cannot say who), a crowd (an array of no one in
/// particular), no source at all (null).
fn symbol_kind(a: &Analysis, s: &Source) -> SymbolKind {
    let cited = &a.report.attributions;
    match s.kind {
        SourceKind::Named
            if s.cited.iter().any(|&i| {
                cited.get(i).is_some_and(|c| c.attribution.document && c.attribution.kind == SourceKind::Named)
            }) =>
        {
            SymbolKind::FILE
        }
        SourceKind::Named => SymbolKind::OBJECT,
        SourceKind::Anonymous | SourceKind::Pronoun => SymbolKind::VARIABLE,
        SourceKind::Vague => SymbolKind::ARRAY,
        SourceKind::Impersonal => SymbolKind::NULL,
    }
}

/// One line number (1-based) of a byte offset in the analysis' text.
fn line_of(a: &Analysis, offset: usize) -> u32 {
    a.position(offset).line + 1
}

/// The sources as document symbols, in order of first citation: each with its kind and count in
/// `detail` ("vague · 3×") and a child per citation (the source as written there, its cue as
/// detail). A source's range runs from its first citation to its last, so it encloses them.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must be named to build the struct.
pub fn document_symbols(a: &Analysis) -> Vec<DocumentSymbol> {
    if a.too_large {
        return Vec::new();
    }
    let cited = &a.report.attributions;
    a.ledger()
        .sources
        .iter()
        .filter_map(|s| {
            let children: Vec<DocumentSymbol> = s
                .cited
                .iter()
                .filter_map(|&i| cited.get(i))
                .map(|c| {
                    let range = a.range(place(c));
                    let name = words(a, place(c));
                    DocumentSymbol {
                        name: if name.is_empty() { "(source)".into() } else { name },
                        detail: Some(words(a, c.attribution.cue)),
                        kind: symbol_kind(a, s),
                        tags: None,
                        deprecated: None,
                        range,
                        selection_range: range,
                        children: None,
                    }
                })
                .collect();
            let first = children.first()?;
            let start = children.iter().map(|c| c.range.start).min().unwrap_or(first.range.start);
            let end = children.iter().map(|c| c.range.end).max().unwrap_or(first.range.end);
            Some(DocumentSymbol {
                name: if s.name.trim().is_empty() { "(source)".into() } else { s.name.clone() },
                detail: Some(format!("{} · {}×", kind_label(s), s.cited.len())),
                kind: symbol_kind(a, s),
                tags: None,
                deprecated: None,
                range: Range { start, end },
                selection_range: first.range,
                children: Some(children),
            })
        })
        .collect()
}

/// The ledger's summary line ("3 sources: 1 named, 1 anonymous (1 without reason), 1 vague") as
/// a lens at the top, or nothing when the article cites no one.
pub fn code_lens(a: &Analysis) -> Option<CodeLens> {
    if a.too_large || a.ledger().summary.sources == 0 {
        return None;
    }
    Some(CodeLens {
        range: Range::default(),
        command: Some(Command { title: a.ledger().summary.line(), command: String::new(), arguments: None }),
        data: None,
    })
}

/// Hover on the source of a citation at byte `offset`: for a pronoun whom it refers to, and for
/// every source its kind and how often the article cites it. With the span hovered.
pub fn hover(a: &Analysis, offset: usize) -> Option<(String, Span)> {
    if a.too_large {
        return None;
    }
    let cited = &a.report.attributions;
    let (i, c) = cited.iter().enumerate().find(|(_, c)| {
        let s = place(c);
        s.start <= offset && offset < s.end
    })?;
    let source = a.ledger().sources.get(*a.ledger().source_of.get(i)?)?;
    let here = place(c);
    let mut md = String::from("**Source**");
    if c.attribution.kind == SourceKind::Pronoun {
        match c.refers_to {
            Some(r) => {
                md.push_str(&format!(" '{}' refers to {} (line {})", words(a, here), words(a, r), line_of(a, r.start)))
            }
            None => md.push_str(&format!(" '{}' refers to no earlier source copydesk could find", words(a, here))),
        }
        md.push_str("\n\n");
    } else {
        md.push(' ');
    }
    let mut lines: Vec<u32> =
        source.cited.iter().filter_map(|&j| cited.get(j)).map(|c| line_of(a, place(c).start)).collect();
    lines.dedup();
    let lines: Vec<String> = lines.iter().map(u32::to_string).collect();
    md.push_str(&format!(
        "{}: {}, cited {} (line{} {})",
        source.name,
        kind_label(source),
        if source.cited.len() == 1 { "once".to_string() } else { format!("{} times", source.cited.len()) },
        if lines.len() == 1 { "" } else { "s" },
        lines.join(", ")
    ));
    Some((md, here))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::Attribution;
    use crate::engine::Report;
    use crate::lsp::analysis::for_test;
    use crate::text::position::Encoding;

    /// "It is believed" has no source; "they" refers to no one earlier; a document is named.
    const TEXT: &str = "It is believed the pier is safe.\nThey said so.\nThe harbour report says the pier is safe.\n";

    fn at(s: &str) -> Span {
        let i = TEXT.find(s).unwrap();
        Span::new(i, i + s.len())
    }

    fn cite(source: Option<&str>, cue: &str, kind: SourceKind, document: bool) -> Cited {
        Cited {
            attribution: Attribution {
                source: source.map(at),
                head: source.map(at),
                cue: at(cue),
                content: None,
                kind,
                reason_given: false,
                document,
                report: true,
            },
            sentence: 0,
            refers_to: None,
        }
    }

    fn analysis() -> Analysis {
        let report = Report {
            attributions: vec![
                cite(None, "is believed", SourceKind::Impersonal, false),
                cite(Some("They"), "said", SourceKind::Pronoun, false),
                cite(Some("The harbour report"), "says", SourceKind::Named, true),
            ],
            ..Report::default()
        };
        for_test(TEXT, report, None, Encoding::Utf16)
    }

    #[test]
    fn a_source_without_words_is_named_by_its_cue_and_kinds_pick_their_icons() {
        let a = analysis();
        let symbols = document_symbols(&a);
        let got: Vec<(&str, &str, SymbolKind)> =
            symbols.iter().map(|s| (s.name.as_str(), s.detail.as_deref().unwrap(), s.kind)).collect();
        assert_eq!(
            got,
            [
                ("is believed", "impersonal · 1×", SymbolKind::NULL),
                ("They", "unresolved pronoun · 1×", SymbolKind::VARIABLE),
                ("The harbour report", "named · 1×", SymbolKind::FILE),
            ]
        );
        assert_eq!(symbols[0].range, a.range(at("is believed")));
        assert_eq!(symbols[2].selection_range.start.line, 2);
    }

    #[test]
    fn hover_on_an_unresolved_pronoun_says_so_and_outside_a_source_says_nothing() {
        let a = analysis();
        let (md, span) = hover(&a, TEXT.find("They").unwrap() + 1).unwrap();
        assert_eq!(span, at("They"));
        assert_eq!(
            md,
            "**Source** 'They' refers to no earlier source copydesk could find\n\n\
             They: unresolved pronoun, cited once (line 2)"
        );
        assert!(hover(&a, TEXT.find("pier").unwrap()).is_none());
        // The cue is the place of a source without words.
        assert!(hover(&a, TEXT.find("believed").unwrap()).unwrap().0.contains("is believed: impersonal"));
    }

    #[test]
    fn a_document_too_large_to_check_has_no_ledger_views() {
        let mut a = analysis();
        a.too_large = true;
        assert!(document_symbols(&a).is_empty());
        assert!(code_lens(&a).is_none());
        assert!(hover(&a, 1).is_none());
        a.too_large = false;
        let lens = code_lens(&a).unwrap();
        assert_eq!(
            lens.command.unwrap().title,
            "3 sources: 1 named, 0 anonymous, 0 vague, 1 impersonal, 1 unresolved pronoun"
        );
    }
}
