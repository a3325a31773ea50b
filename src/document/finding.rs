//! What a rule reports: findings, their fixes and edits.
use serde::{Deserialize, Serialize};

use crate::text::Span;

/// How serious a finding is. Ordered from most to least serious.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

/// Whether a fix may be applied without a person reading it (ruff's model).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Mechanical and meaning-preserving: `fix all` applies it.
    Safe,
    /// Changes meaning or inserts placeholders: offered, never applied in bulk.
    Unsafe,
    /// Shown to the writer, never applied by a tool.
    DisplayOnly,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

/// Replace the bytes `start..end` of the original text with `new_text`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub new_text: String,
}

impl Edit {
    pub fn replace(span: Span, new_text: impl Into<String>) -> Self {
        Edit { start: span.start, end: span.end, new_text: new_text.into() }
    }
    pub fn insert(at: usize, new_text: impl Into<String>) -> Self {
        Edit { start: at, end: at, new_text: new_text.into() }
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One way to resolve a finding: a title that says what applying it does, and its edits.
///
/// *Invariant:* edits do not overlap and lie on char boundaries of the text checked.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(title: impl Into<String>, applicability: Applicability, edits: Vec<Edit>) -> Self {
        Fix { title: title.into(), applicability, edits }
    }
    /// Apply this fix to `text` (the text the finding was computed on).
    pub fn apply(&self, text: &str) -> String {
        apply_edits(text, &self.edits)
    }
}

/// Apply non-overlapping edits to `text`. Edits are sorted here; overlapping ones after the first are skipped.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len() + 64);
    let mut pos = 0;
    for e in sorted {
        if e.start < pos || e.end > text.len() || e.start > e.end {
            continue;
        }
        out.push_str(&text[pos..e.start]);
        out.push_str(&e.new_text);
        pos = e.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// A problem a rule found at one place in the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule id, `family/name`.
    pub rule: &'static str,
    pub span: Span,
    /// Says what is wrong *here*, naming the text.
    pub message: String,
    /// The rule's default severity until settings are applied in [`crate::engine::check`].
    pub severity: Severity,
    pub fixes: Vec<Fix>,
}

impl Finding {
    /// A finding of rule `rule` (its id) at its default `severity`; rules usually build one with
    /// `RuleMeta::finding`, which supplies both.
    pub fn new(rule: &'static str, severity: Severity, span: Span, message: impl Into<String>) -> Self {
        Finding { rule, span, message: message.into(), severity, fixes: Vec::new() }
    }
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }
    /// The rule's family: the part of the id before `/`.
    pub fn family(&self) -> &'static str {
        self.rule.split('/').next().unwrap_or(self.rule)
    }
}
