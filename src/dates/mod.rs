//! Recognise, normalise and validate date expressions (pure; jiff for the calendar).
//!
//! One linear pass: [`lex`] splits the prose into words, numbers and punctuation, [`parse`]
//! tries the date patterns only at anchor tokens (month and weekday names, numbers, relative
//! keywords) and parses locally, [`tense`] reads the clause around each date, [`resolve`] turns
//! what was written into TIMEX3 values against the reference date, and [`format`] writes dates
//! back in the article's own style (for fixes and labels).
//!
//! *Invariant:* every span is a char-boundary range of `doc.text`; nothing here reads the clock.
mod format;
mod lex;
mod memo;
mod parse;
mod resolve;
mod tense;

use jiff::civil::{Date, Weekday};
use serde::Serialize;

use crate::document::Document;
use crate::text::Span;

pub use format::{ap_date, ap_month, render_like, weekday_like};
pub use memo::{Memo, MemoStats};
pub(crate) use memo::{each_span, eq_shifted, shift_expr};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    Absolute,
    Relative,
    Range,
}

/// How precisely an expression pins down time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    Decade,
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    Vague,
}

/// The grammatical time of the clause a date sits in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    Past,
    Future,
    /// No cue, a present-tense or modal clause ("would", "could"), or reported plans.
    #[default]
    Unknown,
}

/// How the month name was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MonthForm {
    /// "February".
    #[default]
    Full,
    /// AP style: "Feb.", "Sept."; March–July are never abbreviated in AP copy.
    Ap,
    /// Three letters with a period ("Mar.", "Sep.").
    ShortDot,
    /// Three letters without a period ("Feb").
    Short,
    /// A number (ISO and numeric dates).
    Numeric,
}

/// The order the components were written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateStyle {
    /// "March 4, 2025" (US / AP).
    #[default]
    MonthFirst,
    /// "4 March 2025", "the 4th of March".
    DayFirst,
    /// "2025-03-04".
    Iso,
    /// "03/04/2025".
    NumericMonthFirst,
    /// "04/03/2025".
    NumericDayFirst,
}

/// The components of a calendar date as written, and where each one is (for rewriting in place).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Written {
    /// As written (may name no real day: month 13, day 31 in April).
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub year_span: Option<Span>,
    pub month_span: Option<Span>,
    pub day_span: Option<Span>,
    pub month_form: MonthForm,
    pub style: DateStyle,
    /// The year came from the reference date and the tense, not the text.
    pub year_inferred: bool,
}

/// A weekday named next to a date ("Tuesday, March 4").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StatedWeekday {
    #[serde(serialize_with = "ser_weekday")]
    pub weekday: Weekday,
    pub span: Span,
}

fn ser_weekday<S: serde::Serializer>(w: &Weekday, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(format::weekday_name(*w))
}

/// The two ends of a range ("from March 12 to March 9", "2019-2017").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RangeEnds {
    pub first: DateExpr,
    pub second: DateExpr,
    /// The second end is earlier than the first.
    pub reversed: bool,
}

/// One date expression in the article, resolved against the reference date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateExpr {
    pub span: Span,
    pub kind: DateKind,
    /// TIMEX3-style value: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-Www`, `YYYY-Qn`, `YYYY-SP`,
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`; for a range, `START/END`. Unknown parts are `X`
    /// (`XXXX-02-29` for a yearless date without a reference date); empty when a relative
    /// expression cannot be resolved (no reference date).
    pub value: String,
    /// The day it resolves to, when it names (or resolves to) one existing day.
    pub date: Option<Date>,
    /// The absolute form in AP style, for inlay hints and fixes ("December 2024", "Tuesday", "March 4").
    pub label: String,
    pub precision: Precision,
    /// The date proper, without a stated weekday or surrounding words.
    pub date_span: Span,
    /// The calendar components as written (absolute dates only).
    pub written: Option<Written>,
    pub weekday: Option<StatedWeekday>,
    /// The components name no existing day (Feb. 29 in a common year, April 31, month 13).
    pub invalid: bool,
    /// Tense of the clause the date sits in.
    pub tense: Tense,
    /// The cue word that set the tense ("approved", "will").
    pub tense_cue: Option<Span>,
    /// Inside a quotation.
    pub in_quote: bool,
    /// For [`DateKind::Range`].
    pub range: Option<Box<RangeEnds>>,
}

impl DateExpr {
    /// The expressions the date rules check one by one: a range's two ends, or itself.
    pub fn leaves(&self) -> Vec<&DateExpr> {
        match &self.range {
            Some(r) => vec![&r.first, &r.second],
            None => vec![self],
        }
    }
}

/// A yearless date means its instance in the publication year when that instance lies within
/// this many days of the publication date (it is then clearly the nearest: the other candidate
/// is at least eight months away), whatever the tense says. Further away, the instances of two
/// years are about equally near and the tense decides.
pub const NEAREST_YEARLESS_DAYS: i32 = 120;

/// Every date expression in `doc`, sorted by start. `reference` anchors relative and yearless dates.
pub fn recognise(doc: &Document, reference: Option<Date>) -> Vec<DateExpr> {
    let region = body_region(doc);
    let toks = lex::tokenize(&doc.prose, region);
    let mut cands = parse::parse(doc, &toks);
    resolve::resolve_all(doc, &toks, &mut cands, reference, None)
}

/// [`recognise`] for a document checked again and again: `memo` carries what the last call
/// found in the parts of the text that did not change ([`Memo`]). The result is the same.
pub fn recognise_with(doc: &Document, reference: Option<Date>, memo: &mut Memo) -> Vec<DateExpr> {
    let region = body_region(doc);
    let mut scanned = memo.scan(&doc.prose, region, &doc.revision);
    let p = parse::P::new(&doc.prose, &scanned.toks);
    let mut cands = parse::finish(&p, std::mem::take(&mut scanned.cands));
    let tenses = std::cell::RefCell::new(std::mem::take(&mut scanned.tenses));
    let out = resolve::resolve_all(doc, &scanned.toks, &mut cands, reference, Some(&tenses));
    scanned.tenses = tenses.into_inner();
    memo.remember_tenses(scanned);
    out
}

/// A dateline date at the top of the article ("DENVER, March 4, 2025 —"), if there is one.
pub fn dateline(doc: &Document, fallback: Option<Date>) -> Option<Date> {
    parse::dateline(doc, body_region(doc).start, fallback)
}

/// The part of the prose to scan: after any front matter (the document parser blanks it; this
/// also covers a parser that does not).
fn body_region(doc: &Document) -> Span {
    let len = doc.prose.len();
    if let Some(fm) = &doc.front_matter {
        return Span::new(fm.span.end.min(len), len);
    }
    let t = doc.text;
    let mut lines = t.split_inclusive('\n');
    let first = lines.next().unwrap_or("").trim_end();
    if first == "---" || first == "+++" {
        let mut pos = t.split_inclusive('\n').next().map_or(0, str::len);
        for line in lines.take(200) {
            pos += line.len();
            if line.trim_end() == first {
                return Span::new(pos.min(len), len);
            }
        }
    }
    Span::new(0, len)
}

#[cfg(test)]
mod tests;
