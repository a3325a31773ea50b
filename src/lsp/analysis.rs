//! One lint of one document version, and its conversion to protocol diagnostics.
//!
//! *Invariant:* an [`Analysis`] owns the exact text it was computed on and that text's
//! [`LineIndex`]; every range it hands out is converted through that index in the negotiated
//! encoding, so a range never mixes two versions or two encodings.
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range, TextEdit, Uri,
};

use crate::attribution::ledger::{self, Cited, Source, Summary};
use crate::document::FrontMatter;
use crate::document::{DocKind, Document, Edit, Finding, Settings, Severity};
use crate::engine::{Memo, Report};
use crate::text::Span;
use crate::text::position::{Encoding, LineCol, LineIndex};

/// The `code` of the one diagnostic a document over `maxDocumentSize` gets.
pub const TOO_LARGE_CODE: &str = "document-too-large";
pub const SOURCE: &str = "copydesk";

/// Everything needed to lint one snapshot, taken under the store lock.
#[derive(Clone, Debug)]
pub struct Job {
    pub generation: u64,
    pub version: i32,
    pub text: String,
    pub settings: Settings,
    pub max_document_size: usize,
    pub inlay_hints: bool,
    pub encoding: Encoding,
    /// The document's memo of sentence analyses. A lint that finds it busy
    /// (another lint of the same document holds it) checks without it.
    pub memo: Arc<Mutex<Memo>>,
}

/// The result of linting one snapshot.
#[derive(Debug)]
pub struct Analysis {
    pub generation: u64,
    pub version: i32,
    pub text: String,
    pub index: LineIndex,
    pub kind: DocKind,
    pub encoding: Encoding,
    pub report: Report,
    /// The source ledger of `report.attributions`, built on first use ([`Analysis::ledger`]):
    /// the outline, lens and hover read it, a keystroke's diagnostics do not wait for it.
    ledger: OnceLock<Ledger>,
    pub front_matter: Option<FrontMatter>,
    pub inlay_hints: bool,
    /// Set when the text was over the size limit and was not linted.
    pub too_large: bool,
    /// The size limit in force (for the too-large message).
    pub max_document_size: usize,
    /// `docs-url` in force: each diagnostic's `codeDescription.href` is its rule's page there.
    pub docs_url: Option<String>,
}

/// The ledger of one analysis: its sources in order of first citation, their summary, and for
/// each attribution of the report the source it counts for.
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    pub sources: Vec<Source>,
    pub summary: Summary,
    /// `source_of[i]`: the index in `sources` of `report.attributions[i]`.
    pub source_of: Vec<usize>,
}

impl Ledger {
    pub fn new(text: &str, cited: &[Cited]) -> Ledger {
        let (sources, summary) = ledger::sources(text, cited);
        let mut source_of = vec![0; cited.len()];
        for (s, source) in sources.iter().enumerate() {
            for &i in &source.cited {
                if let Some(slot) = source_of.get_mut(i) {
                    *slot = s;
                }
            }
        }
        Ledger { sources, summary, source_of }
    }
}

/// `Diagnostic.data`: which finding of which version a diagnostic is, `{"version": N, "index": i}`
/// (`index` is its place in that version's published list). Code actions take the fixes from
/// the server's stored analysis of that version ([`Analysis::finding`]), so fixes never travel
/// to the client and back, and a diagnostic of an older version gets none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireData {
    pub version: i32,
    pub index: usize,
}

impl WireData {
    pub fn from_value(v: Option<&Value>) -> Option<WireData> {
        v.and_then(|v| WireData::deserialize(v).ok())
    }
}

impl Analysis {
    /// The source ledger of `report.attributions` (built on first use).
    pub fn ledger(&self) -> &Ledger {
        self.ledger.get_or_init(|| Ledger::new(&self.text, &self.report.attributions))
    }

    pub fn position(&self, offset: usize) -> Position {
        let lc = self.index.position(&self.text, offset, self.encoding);
        Position { line: lc.line, character: lc.col }
    }

    pub fn range(&self, span: Span) -> Range {
        Range { start: self.position(span.start), end: self.position(span.end) }
    }

    /// A client position in this analysis' text, clamped.
    pub fn offset(&self, pos: Position) -> usize {
        self.index.offset(&self.text, LineCol { line: pos.line, col: pos.character }, self.encoding).0
    }

    /// The link to a rule's documentation page (`None` only if the URL does not parse).
    pub fn code_description(&self, rule: &str) -> Option<CodeDescription> {
        let href = crate::rules::docs_url(self.docs_url.as_deref(), rule);
        href.parse::<Uri>().ok().map(|href| CodeDescription { href })
    }

    pub fn text_edit(&self, e: &Edit) -> TextEdit {
        TextEdit { range: self.range(e.span()), new_text: e.new_text.clone() }
    }

    /// The finding `d` was published for, when `d` came from this analysis: its `data` names this
    /// version and an index whose finding has `d`'s rule and range (a settings change re-lints the
    /// same version, so the index alone could name another finding).
    pub fn finding(&self, d: &Diagnostic) -> Option<&Finding> {
        let data = WireData::from_value(d.data.as_ref())?;
        if data.version != self.version || self.too_large {
            return None;
        }
        let f = self.report.findings.get(data.index)?;
        let same_rule = matches!(&d.code, Some(NumberOrString::String(c)) if c == f.rule);
        (same_rule && self.range(f.span) == d.range).then_some(f)
    }
}

pub(crate) fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// Lint one snapshot. Pure apart from logging; run it off the async threads.
pub fn analyse(job: Job) -> Analysis {
    let Job { generation, version, text, settings, max_document_size, inlay_hints, encoding, memo } = job;
    let kind = settings.kind;
    let docs_url = settings.docs_url.clone();
    let index = LineIndex::new(&text);
    let mut a = Analysis {
        generation,
        version,
        index,
        kind,
        encoding,
        report: Report::default(),
        ledger: OnceLock::new(),
        front_matter: None,
        inlay_hints,
        too_large: false,
        max_document_size,
        docs_url,
        text: String::new(),
    };
    if text.len() > max_document_size {
        a.too_large = true;
        a.text = text;
        return a;
    }
    {
        let doc = match memo.try_lock() {
            Ok(mut m) => {
                let doc = crate::engine::parse_document_with(&text, &settings, &mut m);
                a.report = crate::engine::check_document_with(&doc, &settings, &mut m);
                doc
            }
            // Busy with another lint of this document, or poisoned: check without it.
            Err(_) => {
                let doc = Document::parse(&text, kind, &settings.extra_abbreviations);
                a.report = crate::engine::check_document(&doc, &settings);
                doc
            }
        };
        a.front_matter = doc.front_matter.clone();
    }
    for e in &a.report.internal_errors {
        tracing::error!(version, "engine internal error: {e}");
    }
    a.text = text;
    a
}

/// The protocol diagnostics of an analysis, each with its [`WireData`]. Built when published or
/// pulled (not stored: a publication owns its copy, so nothing is cloned).
pub fn diagnostics(a: &Analysis) -> Vec<Diagnostic> {
    if a.too_large {
        return vec![Diagnostic {
            range: Range::default(),
            severity: Some(DiagnosticSeverity::INFORMATION),
            code: Some(NumberOrString::String(TOO_LARGE_CODE.into())),
            source: Some(SOURCE.into()),
            message: format!(
                "This document is {} bytes, over the maxDocumentSize setting of {} bytes: copydesk did not check it.",
                a.text.len(),
                a.max_document_size
            ),
            ..Diagnostic::default()
        }];
    }
    let version = Value::from(a.version);
    a.report
        .findings
        .iter()
        .enumerate()
        .map(|(index, f)| {
            let mut data = serde_json::Map::new();
            data.insert("version".into(), version.clone());
            data.insert("index".into(), Value::from(index));
            Diagnostic {
                range: a.range(f.span),
                severity: Some(severity(f.severity)),
                code: Some(NumberOrString::String(f.rule.to_string())),
                code_description: a.code_description(f.rule),
                source: Some(SOURCE.into()),
                message: f.message.clone(),
                data: Some(Value::Object(data)),
                ..Diagnostic::default()
            }
        })
        .collect()
}

/// An analysis built by hand (tests of the views and actions that do not need rules).
#[cfg(test)]
pub fn for_test(text: &str, report: Report, front_matter: Option<FrontMatter>, encoding: Encoding) -> Analysis {
    Analysis {
        generation: 0,
        version: 7,
        text: text.to_string(),
        index: LineIndex::new(text),
        kind: DocKind::Markdown,
        encoding,
        ledger: OnceLock::new(),
        report,
        front_matter,
        inlay_hints: true,
        too_large: false,
        max_document_size: usize::MAX,
        docs_url: None,
    }
}
