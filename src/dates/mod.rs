//! Recognise, normalise and validate date expressions (pure; jiff for the calendar).
//! STUB: recognises nothing yet.
use jiff::civil::Date;
use serde::Serialize;

use crate::engine::Document;
use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    Absolute,
    Relative,
    Range,
}

/// One date expression in the article, resolved against the reference date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateExpr {
    pub span: Span,
    pub kind: DateKind,
    /// TIMEX3-style value: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-Www`, `PAST_REF`, `PRESENT_REF`,
    /// `FUTURE_REF`; for a range, `START/END`. Empty when it cannot be resolved (no reference date).
    pub value: String,
    /// The day it resolves to, when it names (or resolves to) one existing day.
    pub date: Option<Date>,
    /// The absolute form in AP style, for inlay hints and fixes ("Dec. 2024", "Tuesday", "March 4").
    pub label: String,
}

/// Every date expression in `doc`, sorted by start. `reference` anchors relative and yearless dates.
pub fn recognise(_doc: &Document, _reference: Option<Date>) -> Vec<DateExpr> {
    Vec::new()
}

/// A dateline date at the top of the article ("DENVER, March 4, 2025 —"), if there is one.
pub fn dateline(_doc: &Document) -> Option<Date> {
    None
}
