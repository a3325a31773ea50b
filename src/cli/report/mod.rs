//! Renderers for `copydesk check`: human, JSON (the public contract), SARIF 2.1.0 and GitHub
//! Actions annotations. Every renderer takes the same [`Checked`] files and returns the text to print.
//!
//! *Invariant:* line/column numbers come from [`LineIndex`] (the only offset↔position code);
//! columns are counted in characters (Unicode scalar values), 1-based.
pub mod github;
pub mod human;
pub mod json;
mod plain;
pub mod sarif;

use crate::document::Finding;
use crate::engine::Report;
use std::cell::Cell;

use crate::text::position::{Encoding, LineCol, LineIndex};

/// One file that was read and checked.
pub struct Checked {
    /// The path as given on the command line (or the `--stdin-filename`, or `-`).
    pub path: String,
    pub text: String,
    pub report: Report,
    pub index: LineIndex,
    /// The last offset converted and its position: findings come in order, so the next
    /// conversion on the same line counts only the text in between (a one-line 2 MB file with
    /// thousands of findings stays linear).
    last: Cell<Option<(usize, LineCol)>>,
}

impl Checked {
    pub fn new(path: String, text: String, report: Report) -> Self {
        let index = LineIndex::new(&text);
        Checked { path, text, report, index, last: Cell::new(None) }
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let p = match self.last.get() {
            Some(from) if from.0 <= offset => self.index.position_after(&self.text, from, offset, Encoding::Utf32),
            _ => self.index.position(&self.text, offset, Encoding::Utf32),
        };
        // Keep the furthest point: starts come in order, an end may run ahead of the next start.
        if self.last.get().is_none_or(|(o, _)| o <= offset) {
            self.last.set(Some((offset, p)));
        }
        (p.line + 1, p.col + 1)
    }

    /// The category of a finding's rule, from the registry (the family as a fallback).
    pub fn category(f: &Finding) -> &'static str {
        crate::rules::rule(f.rule).map_or_else(|| f.family(), |r| r.category.as_str())
    }
}

/// Counts of findings by severity: `[error, warning, info, hint]`.
pub fn counts<'a>(files: impl IntoIterator<Item = &'a Checked>) -> [usize; 4] {
    let mut n = [0; 4];
    for c in files {
        for f in &c.report.findings {
            n[f.severity as usize] += 1;
        }
    }
    n
}
