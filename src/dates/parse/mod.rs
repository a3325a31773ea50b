//! Pattern matching over tokens: each pattern starts at an anchor token (a month or weekday name,
//! a number, a relative keyword) and looks only a few tokens ahead, so the whole pass is linear.
//!
//! One file per grammar (month and weekday names, numbers, relative words, ranges, the
//! dateline) and the anchor filter; this file holds the candidate types, the token cursor `P`
//! and the driver that tries every pattern at each token.
mod anchors;
mod dateline;
mod month_name;
mod numeric;
mod ranges;
mod relative;
mod words;

use std::cell::Cell;
use std::sync::LazyLock;

use jiff::civil::Weekday;
use regex::Regex;

use super::lex::{self, Tk, Tok, capitalised, is, is_any};
use super::{DateExpr, DateKind, DateStyle, MonthForm, Precision, StatedWeekday, Tense, Written};
use crate::document::Document;
use crate::text::Span;

use anchors::*;
pub(crate) use dateline::dateline;
use month_name::*;
use numeric::*;
use ranges::*;
use relative::*;
use words::*;

/// Which way a relative expression points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    Last,
    Next,
    This,
    /// The nearest one in the direction the clause's tense points.
    ByTense,
    /// After "until": forward unless the clause is in the past tense.
    Until,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearSpec {
    Explicit(i32),
    Offset(i32),
    ByTense,
}

/// What to resolve, besides the written components.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Spec {
    /// A calendar date, month or year as written in `Written` (year possibly missing).
    Cal,
    /// "the 1980s": the first three digits.
    Decade(i32),
    Weekday(Weekday, Dir),
    /// today = 0, yesterday = -1, tomorrow = 1.
    DayOffset(i64),
    /// last week = (Week, -1), this month = (Month, 0).
    Unit(Unit, i64),
    MonthRel(u8, Dir),
    /// 0 spring, 1 summer, 2 fall, 3 winter.
    Season(u8, Dir, Option<i32>),
    Quarter(u8, YearSpec),
    /// "three days ago" (from the reference), "two weeks later" (from the previous date).
    Shift {
        n: i64,
        unit: Unit,
        sign: i64,
        from_previous: bool,
    },
    Vague(&'static str),
    Range(Box<Cand>, Box<Cand>),
}

/// A recognised expression before resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cand {
    pub expr: DateExpr,
    pub spec: Spec,
    /// A numeric date whose day/month order the article's convention must decide: (first, second).
    pub ambiguous: Option<(u8, u8)>,
}

fn blank(span: Span, kind: DateKind, precision: Precision) -> DateExpr {
    DateExpr {
        span,
        kind,
        value: String::new(),
        date: None,
        label: String::new(),
        precision,
        date_span: span,
        written: None,
        weekday: None,
        invalid: false,
        tense: Tense::Unknown,
        tense_cue: None,
        in_quote: false,
        range: None,
    }
}

fn cal(span: Span, w: Written, precision: Precision) -> Cand {
    let mut e = blank(span, DateKind::Absolute, precision);
    e.written = Some(w);
    Cand { expr: e, spec: Spec::Cal, ambiguous: None }
}

fn rel(span: Span, spec: Spec, precision: Precision) -> Cand {
    Cand { expr: blank(span, DateKind::Relative, precision), spec, ambiguous: None }
}

/// The token cursor the patterns read through. Every read of a token (or of the gap before it)
/// goes through a method that records its index in `seen`, so the caller knows exactly which
/// tokens a stretch of parsing depended on (the date memo relies on it: `memo.rs`).
pub(crate) struct P<'d> {
    pub t: &'d str,
    toks: &'d [Tok],
    /// The lowest and highest token index read since the last [`P::reset_seen`].
    seen: Cell<(usize, usize)>,
}

impl<'d> P<'d> {
    pub fn new(t: &'d str, toks: &'d [Tok]) -> Self {
        P { t, toks, seen: Cell::new((usize::MAX, 0)) }
    }
    #[inline(always)]
    fn touch(&self, i: usize) {
        let (lo, hi) = self.seen.get();
        self.seen.set((lo.min(i), hi.max(i)));
    }
    /// Forget the tokens read so far.
    pub fn reset_seen(&self) {
        self.seen.set((usize::MAX, 0));
    }
    /// The lowest and highest token index read since the last reset (`(usize::MAX, 0)`: none).
    pub fn seen(&self) -> (usize, usize) {
        self.seen.get()
    }
    /// Token `i` (which must exist).
    pub fn at_tok(&self, i: usize) -> &Tok {
        self.touch(i);
        &self.toks[i]
    }
    pub fn tok(&self, i: usize) -> Option<&Tok> {
        self.touch(i);
        self.toks.get(i)
    }
    pub fn s(&self, i: usize) -> &'d str {
        self.touch(i);
        self.toks.get(i).map_or("", |t| &self.t[t.start..t.end])
    }
    pub fn kind(&self, i: usize) -> Option<Tk> {
        self.touch(i);
        self.toks.get(i).map(|t| t.kind)
    }
    pub fn word(&self, i: usize) -> Option<&'d str> {
        (self.kind(i)? == Tk::Word).then(|| self.s(i))
    }
    pub fn punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(Tk::Punct) && self.s(i) == p
    }
    pub fn dash(&self, i: usize) -> bool {
        self.kind(i) == Some(Tk::Punct) && matches!(self.s(i), "-" | "–")
    }
    /// No space between tokens `i - 1` and `i`.
    pub fn adjacent(&self, i: usize) -> bool {
        self.touch(i);
        i > 0 && i < self.toks.len() && self.at_tok(i - 1).end == self.at_tok(i).start
    }
    /// Tokens `i - 1` and `i` are separated only by spaces, with at most one line break.
    pub fn near(&self, i: usize) -> bool {
        self.touch(i);
        if i == 0 || i >= self.toks.len() {
            return false;
        }
        let gap = &self.t[self.at_tok(i - 1).end..self.at_tok(i).start];
        gap.len() <= 4 && gap.bytes().filter(|&b| b == b'\n').count() <= 1
    }
    fn end(&self, i: usize) -> usize {
        self.at_tok(i).end
    }
    fn start(&self, i: usize) -> usize {
        self.at_tok(i).start
    }
    /// The number value of a plain number token with at most `max_len` digits.
    fn num(&self, i: usize, max_len: usize) -> Option<u32> {
        if self.kind(i)? != Tk::Num || self.s(i).len() > max_len {
            return None;
        }
        self.s(i).parse().ok()
    }
    /// A day of the month: 1–31, plain or ordinal.
    fn day(&self, i: usize) -> Option<(u8, Span)> {
        let tok = self.tok(i)?;
        let digits = match tok.kind {
            Tk::Num => self.s(i),
            Tk::Ord => &self.s(i)[..self.s(i).len() - 2],
            _ => return None,
        };
        if digits.len() > 2 {
            return None;
        }
        let d: u8 = digits.parse().ok()?;
        if !(1..=31).contains(&d) || self.quantity_after(i) {
            return None;
        }
        Some((d, tok.span()))
    }
    /// A four-digit year in a date: 1000–2999.
    fn year4(&self, i: usize) -> Option<i32> {
        let y = self.num(i, 4)?;
        (self.s(i).len() == 4 && (1000..3000).contains(&y) && !self.quantity_after(i) && !self.continues_number(i))
            .then_some(y as i32)
    }
    /// The token after `i` makes it a quantity or a time ("5 percent", "6 p.m.", "4:30").
    fn quantity_after(&self, i: usize) -> bool {
        let n = i + 1;
        if self.punct(n, ":") || self.punct(n, "%") {
            return self.adjacent(n) || self.punct(n, "%");
        }
        if let Some(w) = self.word(n) {
            if is_any(w, QUANTITY) {
                return true;
            }
            if (is(w, "a") || is(w, "p")) && self.punct(n + 1, ".") && is(self.s(n + 2), "m") {
                return true;
            }
            if is_any(w, &["am", "pm"]) {
                return true;
            }
        }
        false
    }
    /// `i` is glued to more digits by a hyphen or slash ("1-800-555", "555-0142").
    fn continues_number(&self, i: usize) -> bool {
        let glued = |a: usize, b: usize| {
            self.adjacent(b)
                && self.kind(a).is_some_and(|k| k == Tk::Punct)
                && matches!(self.s(a), "-" | "/" | "." | ":")
                && matches!(self.kind(b), Some(Tk::Num | Tk::Other))
        };
        (i >= 2 && self.adjacent(i) && glued(i - 1, i - 2) && self.adjacent(i - 1))
            || (glued(i + 1, i + 2) && self.adjacent(i + 1))
    }
    fn prev_word_is(&self, i: usize, set: &[&str]) -> bool {
        i > 0 && self.word(i - 1).is_some_and(|w| is_any(w, set))
    }
    /// The previous token is a title ("Sen.", "Mr") so the capitalised word at `i` is a name.
    fn after_title(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let j = if self.punct(i - 1, ".") && i >= 2 { i - 2 } else { i - 1 };
        self.word(j).is_some_and(|w| is_any(w, TITLES) && capitalised(w))
    }
    /// The token before `i` ends a sentence or there is none.
    fn sentence_start(&self, i: usize) -> bool {
        self.touch(i);
        i == 0
            || (self.kind(i - 1) == Some(Tk::Punct)
                && matches!(self.s(i - 1), "." | "!" | "?" | "\"" | "“" | "—" | "#"))
            || self.t[self.at_tok(i - 1).end..self.at_tok(i).start].contains('\n')
    }
}

/// Try every pattern at token `i`.
fn at(p: &P, i: usize) -> Option<(Cand, usize)> {
    if !may_start(p, i) {
        return None;
    }
    at_any(p, i)
}

/// Whether a pattern can start at token `i`, from the token's bytes and the next word. Nearly
/// every token of an article fails this, so it is kept small enough to inline into the loop of
/// [`parse`]: [`at`] has every pattern inlined into it, and entering it for each token cost more
/// than the test.
#[inline(always)]
fn may_start(p: &P, i: usize) -> bool {
    let Some(t) = p.tok(i) else { return false };
    let b = &p.t.as_bytes()[t.start..t.end];
    match t.kind {
        Tk::Word => {
            let Some((lower, n)) = anchor_lower(b) else { return false };
            // The commonest anchors start a date only before a few words ("the past", "the
            // weekend", "the last week"; "a week ago"): check the next word first.
            match &lower[..n] {
                b"the" => p.word(i + 1).is_some_and(after_the),
                b"a" | b"an" => p.word(i + 1).and_then(unit).is_some(),
                _ => true,
            }
        }
        Tk::Num | Tk::Ord => true,
        // The only patterns at these: [`short_year`]'s "'82" and "1980s".
        Tk::Punct => b == b"'" || b == "\u{2019}".as_bytes(),
        Tk::Other => b.last() == Some(&b's'),
    }
}

/// Every pattern at token `i`, without the anchor-word filter.
fn at_any(p: &P, i: usize) -> Option<(Cand, usize)> {
    match p.kind(i)? {
        Tk::Word => {
            let w = p.s(i);
            if lex::weekday(w).is_some() {
                return weekday_led(p, i);
            }
            if lex::month(w).is_some() {
                if let Some(r) = month_led(p, i) {
                    return Some(r);
                }
            }
            relative(p, i)
        }
        Tk::Num => numeric(p, i).or_else(|| day_first(p, i)).or_else(|| shift(p, i)).or_else(|| year(p, i)),
        Tk::Ord => day_first(p, i),
        Tk::Punct | Tk::Other => short_year(p, i),
    }
}

/// All candidates in `toks`, in order, with ranges merged and numeric dates ordered by the
/// article's convention.
pub(crate) fn parse(doc: &Document, toks: &[Tok]) -> Vec<Cand> {
    let p = P::new(&doc.prose, toks);
    let mut out = Vec::new();
    scan(&p, 0, toks.len(), &mut out);
    finish(&p, out)
}

/// The candidates found by trying every pattern at each token from `from` on, up to `to` (a
/// candidate that starts before `to` may end after it), each with its first token and the token
/// after it. Returns the token where the next scan must start. Reads tokens only through `p`.
pub(crate) fn scan(p: &P, from: usize, to: usize, out: &mut Vec<(Cand, usize, usize)>) -> usize {
    let mut i = from;
    while i < to {
        // `at` tests this first too; here it is inlined, so most tokens never enter `at`.
        if !may_start(p, i) {
            i += 1;
            continue;
        }
        match at(p, i) {
            Some((c, next)) if next > i => {
                out.push((c, i, next));
                i = next;
            }
            _ => i += 1,
        }
    }
    i
}

/// What needs every candidate of the article: the day/month order of ambiguous numeric dates,
/// and ranges merged.
pub(crate) fn finish(p: &P, mut out: Vec<(Cand, usize, usize)>) -> Vec<Cand> {
    // The article's convention for numeric dates: day-first prose or unambiguous numeric dates.
    let (mut dmy, mut mdy) = (0, 0);
    for (c, _, _) in &out {
        for leaf in leaves(c) {
            if leaf.ambiguous.is_some() {
                continue;
            }
            match leaf.expr.written.as_ref().map(|w| w.style) {
                Some(DateStyle::DayFirst | DateStyle::NumericDayFirst) => dmy += 1,
                Some(DateStyle::MonthFirst | DateStyle::NumericMonthFirst)
                    if leaf.expr.written.as_ref().is_some_and(|w| w.day.is_some()) =>
                {
                    mdy += 1
                }
                _ => {}
            }
        }
    }
    out.retain_mut(|(c, _, _)| match c.ambiguous {
        Some((x, y)) if dmy != mdy => {
            let w = c.expr.written.as_mut().expect("numeric dates are written");
            let (sa, sb) = if w.style == DateStyle::NumericMonthFirst {
                (w.month_span.unwrap_or_default(), w.day_span.unwrap_or_default())
            } else {
                (w.day_span.unwrap_or_default(), w.month_span.unwrap_or_default())
            };
            set_numeric_order(w, x, y, sa, sb, mdy > dmy);
            c.ambiguous = None;
            true
        }
        Some(_) => false,
        None => true,
    });
    merge_ranges(p, out)
}

fn leaves(c: &Cand) -> Vec<&Cand> {
    match &c.spec {
        Spec::Range(a, b) => vec![a, b],
        _ => vec![c],
    }
}
