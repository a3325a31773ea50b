//! Pattern matching over tokens: each pattern starts at an anchor token (a month or weekday name,
//! a number, a relative keyword) and looks only a few tokens ahead, so the whole pass is linear.
use std::sync::LazyLock;

use jiff::civil::Weekday;
use regex::Regex;

use super::lex::{self, Tk, Tok, capitalised, is, is_any};
use super::{DateExpr, DateKind, DateStyle, MonthForm, Precision, StatedWeekday, Tense, Written};
use crate::document::Document;
use crate::text::Span;

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

/// Words before a bare month name that make it a date ("in May", "since March").
const MONTH_LEAD: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "through",
    "throughout",
    "from",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "of",
    "between",
    "and",
    "to",
    "last",
    "next",
    "this",
    "that",
    "each",
    "every",
    "for",
    "on",
    "until",
    "around",
    "about",
    "in early",
    "beginning",
    "end",
    "start",
    "middle",
];

/// Titles before a capitalised word that make it a name ("Sen. June March").
const TITLES: &[&str] = &[
    "sen",
    "rep",
    "gov",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "capt",
    "sgt",
    "det",
    "judge",
    "prof",
    "rev",
    "sister",
    "aunt",
    "uncle",
    "coach",
    "officer",
    "president",
    "mayor",
    "miss",
];

/// Words after a number that make it a quantity, not a day or a year.
const QUANTITY: &[&str] = &[
    "percent",
    "per",
    "miles",
    "mile",
    "people",
    "votes",
    "feet",
    "foot",
    "meters",
    "metres",
    "kilometers",
    "km",
    "acres",
    "acre",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "points",
    "yards",
    "pounds",
    "tons",
    "tonnes",
    "dollars",
    "euros",
    "times",
    "members",
    "residents",
    "students",
    "cases",
    "deaths",
    "units",
    "homes",
    "houses",
    "jobs",
    "workers",
    "troops",
    "soldiers",
    "bushels",
    "gallons",
    "calories",
    "degrees",
    "kg",
    "lbs",
    "mph",
    "million",
    "billion",
    "thousand",
    "hundred",
];

/// Words after a number (skipping capitalised ones) that make it a street address.
const STREET: &[&str] = &[
    "st",
    "street",
    "ave",
    "avenue",
    "road",
    "rd",
    "blvd",
    "boulevard",
    "drive",
    "dr",
    "lane",
    "ln",
    "way",
    "court",
    "ct",
    "place",
    "pl",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "terrace",
    "circle",
    "square",
    "plaza",
    "trail",
    "pike",
    "row",
];

/// Words before a number that make it a label, not a year.
const LABEL_BEFORE: &[&str] = &[
    "no",
    "number",
    "room",
    "suite",
    "route",
    "highway",
    "interstate",
    "page",
    "pp",
    "version",
    "v",
    "flight",
    "apt",
    "apartment",
    "unit",
    "box",
    "channel",
    "model",
    "article",
    "section",
    "chapter",
    "bus",
    "line",
    "exit",
    "gate",
    "platform",
    "pier",
    "building",
    "hall",
    "ward",
    "district",
    "precinct",
    "code",
    "rule",
    "form",
    "bill",
    "hr",
    "sb",
    "ab",
    "item",
    "lot",
    "batch",
    "track",
    "seat",
    "jersey",
    "about",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "some",
    "over",
    "under",
    "only",
    "just",
    "least",
    "than",
    "of",
    "and",
];

pub(crate) struct P<'d> {
    pub t: &'d str,
    pub toks: &'d [Tok],
}

impl<'d> P<'d> {
    pub fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }
    pub fn s(&self, i: usize) -> &'d str {
        self.toks.get(i).map_or("", |t| &self.t[t.start..t.end])
    }
    pub fn kind(&self, i: usize) -> Option<Tk> {
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
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }
    /// Tokens `i - 1` and `i` are separated only by spaces, with at most one line break.
    pub fn near(&self, i: usize) -> bool {
        if i == 0 || i >= self.toks.len() {
            return false;
        }
        let gap = &self.t[self.toks[i - 1].end..self.toks[i].start];
        gap.len() <= 4 && gap.bytes().filter(|&b| b == b'\n').count() <= 1
    }
    fn end(&self, i: usize) -> usize {
        self.toks[i].end
    }
    fn start(&self, i: usize) -> usize {
        self.toks[i].start
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
        i == 0
            || (self.kind(i - 1) == Some(Tk::Punct)
                && matches!(self.s(i - 1), "." | "!" | "?" | "\"" | "“" | "—" | "#"))
            || self.t[self.toks[i - 1].end..self.toks[i].start].contains('\n')
    }
}

/// The month at token `i` with its span (including an abbreviation's period) and form.
fn month_at(p: &P, i: usize) -> Option<(u8, Span, MonthForm, usize)> {
    let w = p.word(i)?;
    let (m, abbr) = lex::month(w)?;
    if !capitalised(w) {
        return None;
    }
    if !abbr {
        return Some((m, p.toks[i].span(), MonthForm::Full, i + 1));
    }
    if p.punct(i + 1, ".") && p.adjacent(i + 1) {
        let ap = matches!(m, 1 | 2 | 8 | 10 | 11 | 12) || (m == 9 && w.len() == 4);
        let form = if ap { MonthForm::Ap } else { MonthForm::ShortDot };
        return Some((m, Span::new(p.start(i), p.end(i + 1)), form, i + 2));
    }
    Some((m, p.toks[i].span(), MonthForm::Short, i + 1))
}

/// "March 4, 2025", "Feb. 29", "Sept. 3-9", "December 2024", bare "in May".
fn month_led(p: &P, i: usize) -> Option<(Cand, usize)> {
    let (m, mspan, form, j) = month_at(p, i)?;
    if p.after_title(i) {
        return None;
    }
    let mut w = Written { month: Some(m), month_span: Some(mspan), month_form: form, ..Default::default() };
    if let Some((d, dspan)) = p.day(j).filter(|_| p.near(j)) {
        // "the 4th" is fine; "March 4:30" or "March 4.5" are not dates.
        w.day = Some(d);
        w.day_span = Some(dspan);
        let mut k = j + 1;
        // Day range inside one month: "March 3-9".
        let mut second_day = None;
        if p.dash(k) && p.adjacent(k) && p.adjacent(k + 1) {
            if let Some((d2, d2span)) = p.day(k + 1) {
                second_day = Some((d2, d2span));
                k += 2;
            }
        }
        if p.punct(k, ",") && p.near(k + 1) {
            if let Some(y) = p.year4(k + 1) {
                w.year = Some(y);
                w.year_span = Some(p.toks[k + 1].span());
                k += 2;
            }
        } else if let Some(y) = p.year4(k).filter(|_| p.near(k)) {
            w.year = Some(y);
            w.year_span = Some(p.toks[k].span());
            k += 1;
        }
        let span = Span::new(mspan.start, p.end(k - 1));
        if let Some((d2, d2span)) = second_day {
            let first_span = Span::new(mspan.start, dspan.end);
            let mut first = cal(first_span, w.clone(), Precision::Day);
            first.expr.date_span = first_span;
            let mut w2 = w.clone();
            w2.day = Some(d2);
            w2.day_span = Some(d2span);
            w2.month_span = None;
            let second = cal(Span::new(d2span.start, span.end), w2, Precision::Day);
            if let Some(w) = first.expr.written.as_mut() {
                w.year_span = None;
            }
            return Some((range(span, first, second), k));
        }
        return Some((cal(span, w, Precision::Day), k));
    }
    if form == MonthForm::Short {
        return None; // "Jan" alone is a name
    }
    // Month and year: "December 2024", "December, 2024", "March of 2020".
    let yi = if p.punct(j, ",") || p.word(j).is_some_and(|x| x == "of") { j + 1 } else { j };
    if let Some(y) = p.year4(yi).filter(|_| p.near(yi)) {
        w.year = Some(y);
        w.year_span = Some(p.toks[yi].span());
        return Some((cal(Span::new(mspan.start, p.end(yi)), w, Precision::Month), yi + 1));
    }
    // Bare month: only after a word that makes it one, and not followed by a name.
    let lead = i > 0
        && (p.prev_word_is(i, MONTH_LEAD)
            || (p.dash(i - 1) && p.adjacent(i) && p.word(i - 2).is_some_and(|x| is(x, "mid"))));
    let next_is_name = p.word(j).is_some_and(|x| capitalised(x) && !p.sentence_start(j)) && p.near(j);
    if !lead || next_is_name || form == MonthForm::Short {
        return None;
    }
    // "mid-", "early", "late" belong to the expression.
    let mut start = mspan.start;
    if i >= 2 && p.dash(i - 1) && p.word(i - 2).is_some_and(|x| is(x, "mid")) {
        start = p.start(i - 2);
    } else if p.prev_word_is(i, &["early", "late"]) {
        start = p.start(i - 1);
    }
    let mut c = cal(Span::new(start, mspan.end), w, Precision::Month);
    c.expr.date_span = mspan;
    Some((c, j))
}

/// "29 February 2025", "5th March", "the 29th of February", "14-16 May".
fn day_first(p: &P, i: usize) -> Option<(Cand, usize)> {
    let (d, dspan) = p.day(i)?;
    if p.prev_word_is(i, LABEL_BEFORE) && !p.prev_word_is(i, &["of", "and", "about", "than"]) {
        return None;
    }
    let mut j = i + 1;
    let mut second_day = None;
    // The word that opens a range sharing one month ("from 14 to 9 July", "between 3 and 5 May").
    let mut opener = None;
    if p.dash(j) && p.adjacent(j) && p.adjacent(j + 1) {
        if let Some(x) = p.day(j + 1) {
            second_day = Some(x);
            j += 2;
        }
    } else if let Some(x) = p.day(j + 1).filter(|_| p.kind(i) == Some(Tk::Num) && p.near(j + 1)) {
        // Spelled-out or spaced ranges: the month must follow the second day ("24 – 19 March").
        let from = p.prev_word_is(i, &["from"])
            && p.word(j).is_some_and(|w| is_any(w, &["to", "through", "until", "till", "thru"]));
        let between = p.prev_word_is(i, &["between"]) && p.word(j).is_some_and(|w| is(w, "and"));
        let spaced = p.dash(j) || p.punct(j, "—");
        if (from || between || spaced) && p.near(j + 2) && month_at(p, j + 2).is_some() {
            if from || between {
                opener = Some(p.start(i - 1));
            }
            second_day = Some(x);
            j += 2;
        }
    }
    let of = p.kind(i) == Some(Tk::Ord) && p.word(j).is_some_and(|x| x == "of");
    if of {
        j += 1;
    }
    if !p.near(j) {
        return None;
    }
    let (m, mspan, form, k) = month_at(p, j)?;
    if form == MonthForm::Short && !p.punct(k, ",") && p.year4(k).is_none() {
        // "3 Mar" is fine in data, but "5 Jan Smith" is not: require a year after a bare abbreviation.
        return None;
    }
    let mut w = Written {
        month: Some(m),
        month_span: Some(mspan),
        day: Some(d),
        day_span: Some(dspan),
        month_form: form,
        style: DateStyle::DayFirst,
        ..Default::default()
    };
    let mut k = k;
    if p.punct(k, ",") && p.year4(k + 1).is_some() && p.near(k + 1) {
        k += 1;
    }
    if let Some(y) = p.year4(k).filter(|_| p.near(k)) {
        w.year = Some(y);
        w.year_span = Some(p.toks[k].span());
        k += 1;
    }
    let mut start = opener.unwrap_or(dspan.start);
    if of && i > 0 && p.word(i - 1).is_some_and(|x| is(x, "the")) {
        start = p.start(i - 1);
    }
    let span = Span::new(start, p.end(k - 1));
    if let Some((d2, d2span)) = second_day {
        let mut w1 = w.clone();
        w1.month_span = None;
        w1.year_span = None;
        let first = cal(dspan, w1, Precision::Day);
        let mut w2 = w;
        w2.day = Some(d2);
        w2.day_span = Some(d2span);
        let second = cal(Span::new(d2span.start, span.end), w2, Precision::Day);
        return Some((range(span, first, second), k));
    }
    Some((cal(span, w, Precision::Day), k))
}

/// "2025-02-29", "02/29/2025", "29/02/2025", "7/8/07".
fn numeric(p: &P, i: usize) -> Option<(Cand, usize)> {
    let sep = p.s(i + 1);
    if !(matches!(sep, "-" | "/") && p.adjacent(i + 1) && p.adjacent(i + 2) && p.adjacent(i + 3) && p.adjacent(i + 4)) {
        return None;
    }
    if p.s(i + 3) != sep
        || p.kind(i) != Some(Tk::Num)
        || p.kind(i + 2) != Some(Tk::Num)
        || p.kind(i + 4) != Some(Tk::Num)
    {
        return None;
    }
    // Not part of a longer chain ("1-800-555-0142", "a/b/c/d").
    if (i >= 1 && p.adjacent(i) && matches!(p.kind(i - 1), Some(Tk::Punct)) && matches!(p.s(i - 1), "-" | "/" | "."))
        || (p.adjacent(i + 5) && matches!(p.s(i + 5), "-" | "/") && matches!(p.kind(i + 6), Some(Tk::Num)))
        || (i >= 1 && p.adjacent(i) && matches!(p.kind(i - 1), Some(Tk::Word | Tk::Other | Tk::Num)))
    {
        return None;
    }
    let (a, b, c) = (p.s(i), p.s(i + 2), p.s(i + 4));
    let span = Span::new(p.start(i), p.end(i + 4));
    let (sa, sb, sc) = (p.toks[i].span(), p.toks[i + 2].span(), p.toks[i + 4].span());
    if a.len() == 4 && (1..=2).contains(&b.len()) && (1..=2).contains(&c.len()) {
        if sep == "/" && a.len() == 4 {
            // 2025/02/29 is rare but unambiguous.
        }
        let w = Written {
            year: a.parse().ok(),
            month: b.parse().ok(),
            day: c.parse().ok(),
            year_span: Some(sa),
            month_span: Some(sb),
            day_span: Some(sc),
            month_form: MonthForm::Numeric,
            style: DateStyle::Iso,
            year_inferred: false,
        };
        if w.month.is_some_and(|m| m > 13) || w.day.is_some_and(|d| d > 31) {
            return None;
        }
        return Some((cal(span, w, Precision::Day), i + 5));
    }
    if !((1..=2).contains(&a.len()) && (1..=2).contains(&b.len()) && (c.len() == 4 || c.len() == 2)) {
        return None;
    }
    if sep == "-" && c.len() == 2 {
        return None; // "3-2-11" is a score or a code more often than a date
    }
    let (x, y): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
    let year: i32 = if c.len() == 2 {
        let yy: i32 = c.parse().ok()?;
        if yy < 50 { 2000 + yy } else { 1900 + yy }
    } else {
        c.parse().ok()?
    };
    if x == 0 || y == 0 || (x > 12 && y > 12) || x > 31 || y > 31 {
        return None;
    }
    let month_first = x <= 12 && y > 12;
    let mut w = Written { year: Some(year), year_span: Some(sc), month_form: MonthForm::Numeric, ..Default::default() };
    set_numeric_order(&mut w, x, y, sa, sb, month_first);
    let mut cand = cal(span, w, Precision::Day);
    if x <= 12 && y <= 12 {
        cand.ambiguous = Some((x, y));
    }
    Some((cand, i + 5))
}

pub(crate) fn set_numeric_order(w: &mut Written, x: u8, y: u8, sa: Span, sb: Span, month_first: bool) {
    if month_first {
        w.month = Some(x);
        w.day = Some(y);
        w.month_span = Some(sa);
        w.day_span = Some(sb);
        w.style = DateStyle::NumericMonthFirst;
    } else {
        w.day = Some(x);
        w.month = Some(y);
        w.day_span = Some(sa);
        w.month_span = Some(sb);
        w.style = DateStyle::NumericDayFirst;
    }
}

/// A bare year ("in 2019"), a year range ("2019-2017"), "early 2009".
fn year(p: &P, i: usize) -> Option<(Cand, usize)> {
    let y = p.num(i, 4)?;
    if p.s(i).len() != 4 || !(1600..=2199).contains(&y) || p.quantity_after(i) {
        return None;
    }
    if i > 0 {
        let prev = p.s(i - 1);
        if matches!(prev, "$" | "£" | "€" | "#" | "¥" | "+" | "×" | "x") && p.adjacent(i) {
            return None;
        }
        if p.prev_word_is(i, LABEL_BEFORE) && !p.prev_word_is(i, &["of", "and", "than"]) {
            return None;
        }
        if p.punct(i - 1, ".") && p.word(i - 2).is_some_and(|w| is_any(w, &["no", "v", "vol", "pp", "p"])) {
            return None;
        }
    }
    // A street address: "1560 Blake St.", "200 Water Street".
    for k in 1..=3 {
        match p.word(i + k) {
            Some(w) if is_any(w, STREET) && k > 1 => return None,
            Some(w) if capitalised(w) => continue,
            _ => break,
        }
    }
    // Part of a chain of numbers: "1-800-2000", "2019/20".
    let range_second = if p.dash(i + 1) && p.adjacent(i + 1) && p.adjacent(i + 2) {
        match p.num(i + 2, 4) {
            Some(y2) if p.s(i + 2).len() == 4 && (1600..=2199).contains(&y2) => Some((y2 as i32, 4)),
            Some(yy) if p.s(i + 2).len() == 2 => Some(((y as i32 / 100) * 100 + yy as i32, 2)),
            _ => return None,
        }
    } else {
        None
    };
    if range_second.is_none() && p.continues_number(i) {
        return None;
    }
    let mut start = p.start(i);
    if p.prev_word_is(i, &["early", "late"]) {
        start = p.start(i - 1);
    } else if i >= 2 && p.dash(i - 1) && p.adjacent(i) && p.word(i - 2).is_some_and(|w| is(w, "mid")) {
        start = p.start(i - 2);
    }
    let w = Written {
        year: Some(y as i32),
        year_span: Some(p.toks[i].span()),
        month_form: MonthForm::Numeric,
        ..Default::default()
    };
    if let Some((y2, len)) = range_second {
        if len == 2 && y2 <= y as i32 {
            // "2019-20 season": a span of seasons, not a reversed range.
            let mut c = cal(Span::new(start, p.end(i + 2)), w, Precision::Year);
            c.expr.date_span = p.toks[i].span();
            return Some((c, i + 3));
        }
        let first = cal(p.toks[i].span(), w, Precision::Year);
        let w2 = Written {
            year: Some(y2),
            year_span: Some(p.toks[i + 2].span()),
            month_form: MonthForm::Numeric,
            ..Default::default()
        };
        let second = cal(p.toks[i + 2].span(), w2, Precision::Year);
        return Some((range(Span::new(start, p.end(i + 2)), first, second), i + 3));
    }
    let mut c = cal(Span::new(start, p.end(i)), w, Precision::Year);
    c.expr.date_span = p.toks[i].span();
    Some((c, i + 1))
}

/// "'82", "'70s", "the 1980s", "70s".
fn short_year(p: &P, i: usize) -> Option<(Cand, usize)> {
    let s = p.s(i);
    if p.kind(i) == Some(Tk::Punct) && matches!(s, "'" | "’") && p.adjacent(i + 1) {
        let n = p.s(i + 1);
        if p.kind(i + 1) == Some(Tk::Num) && n.len() == 2 && !p.adjacent(i) {
            let yy: i32 = n.parse().ok()?;
            let y = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            let w = Written {
                year: Some(y),
                year_span: Some(p.toks[i + 1].span()),
                month_form: MonthForm::Numeric,
                ..Default::default()
            };
            let mut c = cal(Span::new(p.start(i), p.end(i + 1)), w, Precision::Year);
            if let Some(w) = c.expr.written.as_mut() {
                w.year_span = None;
            }
            return Some((c, i + 2));
        }
        if p.kind(i + 1) == Some(Tk::Other) && n.len() == 3 && n.ends_with('s') {
            let yy: i32 = n[..2].parse().ok()?;
            let century = if yy <= 30 { 200 } else { 190 };
            return Some((decade(Span::new(p.start(i), p.end(i + 1)), century + yy / 10), i + 2));
        }
        return None;
    }
    if p.kind(i) == Some(Tk::Other) && s.ends_with('s') && s[..s.len() - 1].bytes().all(|b| b.is_ascii_digit()) {
        let digits = &s[..s.len() - 1];
        if digits.len() == 4 && digits.ends_with('0') {
            let y: i32 = digits.parse().ok()?;
            if (1000..2200).contains(&y) {
                let start =
                    if p.word(i.wrapping_sub(1)).is_some_and(|w| is(w, "the")) { p.start(i - 1) } else { p.start(i) };
                return Some((decade(Span::new(start, p.end(i)), y / 10), i + 1));
            }
        }
        if digits.len() == 2
            && digits.ends_with('0')
            && p.prev_word_is(i, &["the", "early", "late", "mid", "and", "or", "to", "in"])
        {
            let yy: i32 = digits.parse().ok()?;
            let century = if yy <= 30 { 200 } else { 190 };
            return Some((decade(Span::new(p.start(i), p.end(i)), century + yy / 10), i + 1));
        }
    }
    None
}

fn decade(span: Span, d: i32) -> Cand {
    let mut e = blank(span, DateKind::Absolute, Precision::Decade);
    e.value = format!("{d:03}");
    Cand { expr: e, spec: Spec::Decade(d), ambiguous: None }
}

fn range(span: Span, first: Cand, second: Cand) -> Cand {
    let e = blank(span, DateKind::Range, first.expr.precision);
    Cand { expr: e, spec: Spec::Range(Box::new(first), Box::new(second)), ambiguous: None }
}

/// "Tuesday, March 4, 2025", "Tue., March 4", "on Tuesday (March 4)", "Thursday 29 February 2024",
/// or a bare "Tuesday".
fn weekday_led(p: &P, i: usize) -> Option<(Cand, usize)> {
    let w = p.word(i)?;
    let (wd, abbr) = lex::weekday(w)?;
    if !capitalised(w) {
        return None;
    }
    let mut j = i + 1;
    let mut wspan = p.toks[i].span();
    if abbr && p.punct(j, ".") && p.adjacent(j) {
        wspan.end = p.end(j);
        j += 1;
    }
    let mut k = j;
    if p.punct(k, ",") {
        k += 1;
    }
    let paren = p.punct(k, "(");
    if paren {
        k += 1;
    }
    if p.near(k) || paren {
        let date = month_led(p, k).or_else(|| day_first(p, k)).or_else(|| numeric(p, k));
        if let Some((mut c, mut next)) = date {
            if c.expr.precision == Precision::Day && c.expr.kind == DateKind::Absolute {
                if paren {
                    if !p.punct(next, ")") {
                        return None;
                    }
                    next += 1;
                }
                c.expr.date_span = c.expr.span;
                c.expr.span = Span::new(wspan.start, p.end(next - 1));
                c.expr.weekday = Some(StatedWeekday { weekday: wd, span: wspan });
                return Some((c, next));
            }
        }
    }
    if abbr && wspan.end == p.end(i) {
        return None; // "Sun", "Sat", "Wed" alone are words or names
    }
    // A schedule, not a day: "Monday through Friday", "Monday to Friday".
    let schedule = |a: usize, b: usize| {
        p.word(a).is_some_and(|x| is_any(x, &["through", "to", "and", "or", "thru"])) || p.dash(a) && b > 0
    };
    if schedule(j, j) && p.word(j + 1).and_then(lex::weekday).is_some() {
        return None;
    }
    if i >= 2 && schedule(i - 1, 1) && p.word(i - 2).and_then(lex::weekday).is_some() {
        return None;
    }
    // "Black Monday", "Good Friday", "Super Tuesday": named days, not dates.
    if p.prev_word_is(
        i,
        &[
            "black", "cyber", "good", "super", "easter", "ash", "blue", "holy", "palm", "shrove", "maundy", "bloody",
            "giving", "fat",
        ],
    ) && p.word(i - 1).is_some_and(capitalised)
    {
        return None;
    }
    if p.prev_word_is(i, &["every", "each"]) {
        return None;
    }
    let mut c = rel(wspan, Spec::Weekday(wd, Dir::ByTense), Precision::Day);
    // "closed until Friday" looks forward unless the clause is in the past tense.
    if p.prev_word_is(i, &["until", "till"]) {
        c.spec = Spec::Weekday(wd, Dir::Until);
    }
    Some((c, j))
}

fn season(w: &str) -> Option<u8> {
    let mut buf = [0u8; 16];
    let n = lex::lower(w, &mut buf)?;
    Some(match &buf[..n] {
        b"spring" => 0,
        b"summer" => 1,
        b"fall" | b"autumn" => 2,
        b"winter" => 3,
        _ => return None,
    })
}

fn unit(w: &str) -> Option<Unit> {
    let mut buf = [0u8; 16];
    let n = lex::lower(w, &mut buf)?;
    Some(match &buf[..n] {
        b"day" | b"days" => Unit::Day,
        b"week" | b"weeks" => Unit::Week,
        b"weekend" => Unit::Weekend,
        b"month" | b"months" => Unit::Month,
        b"quarter" => Unit::Quarter,
        b"year" | b"years" => Unit::Year,
        b"decade" | b"decades" => Unit::Decade,
        _ => return None,
    })
}

fn quarter_word(w: &str) -> Option<u8> {
    let mut buf = [0u8; 16];
    let n = lex::lower(w, &mut buf)?;
    Some(match &buf[..n] {
        b"first" => 1,
        b"second" => 2,
        b"third" => 3,
        b"fourth" => 4,
        _ => return None,
    })
}

/// Relative expressions that start with a word.
fn relative(p: &P, i: usize) -> Option<(Cand, usize)> {
    let w = p.word(i)?;
    let mut buf = [0u8; 16];
    let n = lex::lower(w, &mut buf)?;
    let lw = std::str::from_utf8(&buf[..n]).ok()?;
    let sp = |a: usize, b: usize| Span::new(p.start(a), p.end(b));
    match lw {
        "today" | "tonight" | "yesterday" | "tomorrow" => {
            let off = match lw {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            // "earlier today", "later tonight" belong together.
            let start = if p.prev_word_is(i, &["earlier", "later"]) { i - 1 } else { i };
            return Some((rel(sp(start, i), Spec::DayOffset(off), Precision::Day), i + 1));
        }
        "recently" | "lately" | "recent" => {
            let end = if lw == "recent" && p.word(i + 1).and_then(unit).is_some() { i + 1 } else { i };
            return Some((rel(sp(i, end), Spec::Vague("PAST_REF"), Precision::Vague), end + 1));
        }
        "current" | "ongoing" => return Some((rel(sp(i, i), Spec::Vague("PRESENT_REF"), Precision::Vague), i + 1)),
        "later"
            if !p.word(i + 1).is_some_and(|x| is_any(x, &["this", "that", "today", "tonight", "than", "in", "on"])) =>
        {
            return Some((rel(sp(i, i), Spec::Vague("FUTURE_REF"), Precision::Vague), i + 1));
        }
        "now" | "currently" | "nowadays" | "presently" => {
            // "now-defunct" is an adjective, and "now" in "right now" is still the present.
            if p.dash(i + 1) && p.adjacent(i + 1) {
                return None;
            }
            return Some((rel(sp(i, i), Spec::Vague("PRESENT_REF"), Precision::Vague), i + 1));
        }
        "soon" if !p.word(i + 1).is_some_and(|x| is(x, "after")) => {
            let start = if p.prev_word_is(i, &["very"]) { i - 1 } else { i };
            return Some((rel(sp(start, i), Spec::Vague("FUTURE_REF"), Precision::Vague), i + 1));
        }
        "this" => {
            let nw = p.word(i + 1)?;
            if is_any(nw, &["morning", "afternoon", "evening"]) {
                return Some((rel(sp(i, i + 1), Spec::DayOffset(0), Precision::Day), i + 2));
            }
        }
        "last" if p.word(i + 1).is_some_and(|x| is(x, "night")) => {
            return Some((rel(sp(i, i + 1), Spec::DayOffset(-1), Precision::Day), i + 2));
        }
        "the" => {
            let nw = p.word(i + 1)?;
            if is(nw, "past")
                && p.word(i + 2).is_none_or(|x| unit(x).is_none() && !x.eq_ignore_ascii_case("few"))
                && p.kind(i + 2) != Some(Tk::Num)
                && p.word(i + 2).and_then(lex::number_word).is_none()
            {
                return Some((rel(sp(i, i + 1), Spec::Vague("PAST_REF"), Precision::Vague), i + 2));
            }
            if is(nw, "future") {
                return Some((rel(sp(i, i + 1), Spec::Vague("FUTURE_REF"), Precision::Vague), i + 2));
            }
            let w2 = p.word(i + 2).unwrap_or("");
            if is_any(nw, &["long", "near", "short"]) && is(w2, "term") {
                return Some((rel(sp(i, i + 2), Spec::Vague("FUTURE_REF"), Precision::Vague), i + 3));
            }
            if is(nw, "time") && is(w2, "being") {
                return Some((rel(sp(i, i + 2), Spec::Vague("PRESENT_REF"), Precision::Vague), i + 3));
            }
            if is(nw, "weekend") {
                return Some((rel(sp(i, i + 1), Spec::Unit(Unit::Weekend, 0), Precision::Week), i + 2));
            }
            if is(nw, "same") && is(w2, "day") {
                let spec = Spec::Shift { n: 0, unit: Unit::Day, sign: 1, from_previous: true };
                return Some((rel(sp(i, i + 2), spec, Precision::Day), i + 3));
            }
        }
        _ => {}
    }
    // last / next / this / past + unit, weekday, month, season; "earlier this month".
    let lead = i;
    let leads_in = (matches!(lw, "earlier" | "later") && p.word(i + 1).is_some_and(|x| is(x, "this")))
        || (lw == "the" && p.word(i + 1).is_some_and(|x| is_any(x, &["past", "last", "previous", "coming", "next"])));
    let dir_i = if leads_in { i + 1 } else { i };
    let dw = p.word(dir_i)?;
    let dir = if is_any(dw, &["last", "past", "previous"]) {
        Dir::Last
    } else if is_any(dw, &["next", "coming"]) {
        Dir::Next
    } else if is(dw, "this") {
        Dir::This
    } else {
        return quarter_or_season(p, i).or_else(|| shift(p, i));
    };
    let k = dir_i + 1;
    let nw = p.word(k)?;
    if lead == dir_i && is(dw, "past") && !p.prev_word_is(i, &["the", "this"]) {
        return None; // "past" alone ("walked past Tuesday's crowd") is not a lead word
    }
    let span = sp(lead, k);
    if let Some(u) = unit(nw) {
        if nw.ends_with('s') && u != Unit::Day {
            return None; // "the past years" is vague
        }
        // "the last week of March": leave to the month.
        if u == Unit::Day {
            return None;
        }
        let off = match dir {
            Dir::Last => -1,
            Dir::Next => 1,
            _ => 0,
        };
        let prec = match u {
            Unit::Week | Unit::Weekend => Precision::Week,
            Unit::Month => Precision::Month,
            Unit::Quarter => Precision::Quarter,
            Unit::Year => Precision::Year,
            Unit::Decade => Precision::Decade,
            Unit::Day => Precision::Day,
        };
        return Some((rel(span, Spec::Unit(u, off), prec), k + 1));
    }
    if let Some((wd, false)) = lex::weekday(nw) {
        if lw == "the" {
            return None;
        }
        return Some((rel(span, Spec::Weekday(wd, dir), Precision::Day), k + 1));
    }
    if let Some((m, false)) = lex::month(nw).filter(|_| capitalised(nw)) {
        if lw == "the" || p.day(k + 1).is_some() {
            return None;
        }
        return Some((rel(span, Spec::MonthRel(m, dir), Precision::Month), k + 1));
    }
    if let Some(s) = season(nw) {
        return Some((rel(span, Spec::Season(s, dir, None), Precision::Season), k + 1));
    }
    None
}

/// "the fourth quarter of 2005", "first-quarter", "in the spring", "the fall of 2019".
fn quarter_or_season(p: &P, i: usize) -> Option<(Cand, usize)> {
    let w = p.word(i)?;
    if let Some(q) = quarter_word(w) {
        let mut k = i + 1;
        if p.dash(k) && p.adjacent(k) {
            k += 1;
        }
        if !p.word(k).is_some_and(|x| is(x, "quarter")) {
            return None;
        }
        let start = if p.prev_word_is(i, &["the"]) { p.start(i - 1) } else { p.start(i) };
        let mut end = p.end(k);
        let mut year = YearSpec::ByTense;
        let mut next = k + 1;
        if p.word(k + 1).is_some_and(|x| is(x, "of")) {
            if let Some(y) = p.year4(k + 2) {
                year = YearSpec::Explicit(y);
                end = p.end(k + 2);
                next = k + 3;
            } else if let Some(d) = p.word(k + 2) {
                if p.word(k + 3).is_some_and(|x| is(x, "year")) {
                    let off = if is(d, "last") {
                        Some(-1)
                    } else if is(d, "this") {
                        Some(0)
                    } else if is(d, "next") {
                        Some(1)
                    } else {
                        None
                    };
                    if let Some(off) = off {
                        year = YearSpec::Offset(off);
                        end = p.end(k + 3);
                        next = k + 4;
                    }
                }
            }
        }
        return Some((rel(Span::new(start, end), Spec::Quarter(q, year), Precision::Quarter), next));
    }
    let s = season(w)?;
    // "the fall of 2019", "spring 2024"
    if p.word(i + 1).is_some_and(|x| is(x, "of")) {
        if let Some(y) = p.year4(i + 2) {
            let start = if p.prev_word_is(i, &["the"]) { p.start(i - 1) } else { p.start(i) };
            let mut c = rel(Span::new(start, p.end(i + 2)), Spec::Season(s, Dir::This, Some(y)), Precision::Season);
            c.expr.kind = DateKind::Absolute;
            return Some((c, i + 3));
        }
    }
    if let Some(y) = p.year4(i + 1).filter(|_| p.near(i + 1)) {
        let mut c = rel(Span::new(p.start(i), p.end(i + 1)), Spec::Season(s, Dir::This, Some(y)), Precision::Season);
        c.expr.kind = DateKind::Absolute;
        return Some((c, i + 2));
    }
    let lead = p.prev_word_is(i, &["in", "during", "by", "until", "since", "early", "late", "this"])
        || (p.prev_word_is(i, &["the"])
            && i >= 2
            && p.word(i - 2).is_some_and(|x| is_any(x, &["in", "during", "by", "until", "since", "over", "through"])));
    if !lead || s == 2 && !p.prev_word_is(i, &["the"]) {
        return None;
    }
    Some((rel(p.toks[i].span(), Spec::Season(s, Dir::ByTense, None), Precision::Season), i + 1))
}

/// "three days ago", "a week earlier", "two years later", "10 days from now".
fn shift(p: &P, i: usize) -> Option<(Cand, usize)> {
    let n: i64 = match p.kind(i)? {
        Tk::Num => p.num(i, 3)? as i64,
        Tk::Word => lex::number_word(p.s(i))?,
        _ => return None,
    };
    let u = unit(p.word(i + 1)?)?;
    if matches!(u, Unit::Weekend | Unit::Quarter) {
        return None;
    }
    let k = i + 2;
    let kw = p.word(k)?;
    let (sign, from_previous, end) = if is(kw, "ago") {
        (-1, false, k)
    } else if is(kw, "earlier") || is(kw, "before") && p.punct(k + 1, ",") {
        (-1, true, k)
    } else if is(kw, "later") {
        (1, true, k)
    } else if is(kw, "from") && p.word(k + 1).is_some_and(|x| is(x, "now")) {
        (1, false, k + 1)
    } else {
        return None;
    };
    let prec = match u {
        Unit::Day | Unit::Week => Precision::Day,
        Unit::Month => Precision::Month,
        Unit::Decade => Precision::Decade,
        _ => Precision::Year,
    };
    Some((rel(Span::new(p.start(i), p.end(end)), Spec::Shift { n, unit: u, sign, from_previous }, prec), end + 1))
}

/// Declares [`ANCHORS`] and [`is_anchor_lower`] from one list, so the two cannot drift apart.
macro_rules! anchors {
    ($($w:literal),* $(,)?) => {
        /// Every word that can start a pattern, lowercase: the spellings [`lex::month`] and
        /// [`lex::weekday`] accept, the keywords [`relative`] matches or leads with, and the first
        /// words of [`quarter_or_season`] and [`shift`] (quarter and season words, [`lex::number_word`]s).
        const ANCHORS: &[&[u8]] = &[$($w),*];

        /// `lower` (a lowercased word) is in [`ANCHORS`]; a `match` on byte strings compiles to a
        /// decision tree on length and bytes, much cheaper than comparing with each entry in turn.
        fn is_anchor_lower(lower: &[u8]) -> bool {
            matches!(lower, $($w)|*)
        }
    };
}

anchors![
    // months
    b"january",
    b"february",
    b"march",
    b"april",
    b"may",
    b"june",
    b"july",
    b"august",
    b"september",
    b"october",
    b"november",
    b"december",
    b"jan",
    b"feb",
    b"mar",
    b"apr",
    b"jun",
    b"jul",
    b"aug",
    b"sep",
    b"sept",
    b"oct",
    b"nov",
    b"dec",
    // weekdays
    b"monday",
    b"tuesday",
    b"wednesday",
    b"thursday",
    b"friday",
    b"saturday",
    b"sunday",
    b"mon",
    b"tue",
    b"tues",
    b"wed",
    b"thu",
    b"thur",
    b"thurs",
    b"fri",
    b"sat",
    b"sun",
    // relative keywords and lead words
    b"today",
    b"tonight",
    b"yesterday",
    b"tomorrow",
    b"recently",
    b"lately",
    b"recent",
    b"current",
    b"ongoing",
    b"later",
    b"now",
    b"currently",
    b"nowadays",
    b"presently",
    b"soon",
    b"this",
    b"last",
    b"the",
    b"earlier",
    b"past",
    b"previous",
    b"next",
    b"coming",
    // quarters and seasons
    b"first",
    b"second",
    b"third",
    b"fourth",
    b"spring",
    b"summer",
    b"fall",
    b"autumn",
    b"winter",
    // number words
    b"a",
    b"an",
    b"one",
    b"two",
    b"three",
    b"four",
    b"five",
    b"six",
    b"seven",
    b"eight",
    b"nine",
    b"ten",
    b"eleven",
    b"twelve",
    b"fifteen",
    b"twenty",
    b"thirty",
];

/// The longest anchor.
const ANCHOR_MAX: usize = 9;

/// The shape of every anchor: bit `last letter` of entry `length * 26 + first letter`.
static ANCHOR_SHAPES: [u32; (ANCHOR_MAX + 1) * 26] = anchor_shapes();

const fn anchor_shapes() -> [u32; (ANCHOR_MAX + 1) * 26] {
    let mut t = [0u32; (ANCHOR_MAX + 1) * 26];
    let mut i = 0;
    while i < ANCHORS.len() {
        let w = ANCHORS[i];
        t[w.len() * 26 + (w[0] - b'a') as usize] |= 1 << (w[w.len() - 1] - b'a');
        i += 1;
    }
    t
}

/// Whether a word is an anchor (see [`anchor_lower`]).
#[cfg(test)]
fn anchor_word(w: &str) -> bool {
    anchor_lower(w.as_bytes()).is_some()
}

/// The anchor a word spells, lowercased (its first `n` bytes), if it spells one: whether it can
/// start a pattern, that is, is in [`ANCHORS`] ignoring case. `at` returns nothing at any other
/// word. This runs on every word of the article (as bytes: no char-boundary checks to slice
/// it): the length and the first and last letters rule out nearly all of them with one table
/// lookup (hand-rolled because no lookup crate beats three byte reads), before the exact match.
#[inline(always)]
fn anchor_lower(b: &[u8]) -> Option<([u8; ANCHOR_MAX], usize)> {
    let n = b.len();
    if n == 0 || n > ANCHOR_MAX {
        return None;
    }
    // `| 0x20` lowercases an ASCII letter; any other byte (punctuation, UTF-8) stays outside
    // `a..=z`, and the anchors are all ASCII letters.
    let (first, last) = (b[0] | 0x20, b[n - 1] | 0x20);
    if !first.is_ascii_lowercase() || !last.is_ascii_lowercase() {
        return None;
    }
    if ANCHOR_SHAPES[n * 26 + (first - b'a') as usize] & (1 << (last - b'a')) == 0 {
        return None;
    }
    // A non-ASCII byte stays as it is and matches no anchor.
    let mut buf = [0u8; ANCHOR_MAX];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    is_anchor_lower(&buf[..n]).then_some((buf, n))
}

/// The words after "the" that [`relative`] reads: its own phrases and the direction words.
fn after_the(w: &str) -> bool {
    let mut buf = [0u8; 16];
    lex::lower(w, &mut buf).is_some_and(|n| {
        matches!(
            &buf[..n],
            b"past"
                | b"future"
                | b"long"
                | b"near"
                | b"short"
                | b"time"
                | b"weekend"
                | b"same"
                | b"last"
                | b"previous"
                | b"coming"
                | b"next"
        )
    })
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
    let p = P { t: &doc.prose, toks };
    let mut out: Vec<(Cand, usize, usize)> = Vec::new(); // (cand, first token, next token)
    let mut i = 0;
    while i < toks.len() {
        // `at` tests this first too; here it is inlined, so most tokens never enter `at`.
        if !may_start(&p, i) {
            i += 1;
            continue;
        }
        match at(&p, i) {
            Some((c, next)) if next > i => {
                out.push((c, i, next));
                i = next;
            }
            _ => i += 1,
        }
    }
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
    merge_ranges(&p, out)
}

fn leaves(c: &Cand) -> Vec<&Cand> {
    match &c.spec {
        Spec::Range(a, b) => vec![a, b],
        _ => vec![c],
    }
}

/// "from A to B", "between A and B", "A–B" (with spaces) become one range.
fn merge_ranges(p: &P, v: Vec<(Cand, usize, usize)>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(v.len());
    let mut it = v.into_iter().peekable();
    while let Some((a, ai, anext)) = it.next() {
        let mergeable = |c: &Cand| c.spec == Spec::Cal && c.expr.weekday.is_none();
        if let Some((b, bi, _)) = it.peek() {
            if mergeable(&a) && mergeable(b) && comparable(&a, b) {
                let between = if *bi == anext + 1 { p.word(anext).map(|w| w.to_ascii_lowercase()) } else { None };
                let dash = *bi == anext + 1 && p.dash(anext);
                let before = ai.checked_sub(1).and_then(|j| p.word(j)).map(|w| w.to_ascii_lowercase());
                let ok = match (before.as_deref(), between.as_deref()) {
                    (Some("from"), Some("to" | "through" | "until" | "till" | "thru")) => true,
                    (Some("between"), Some("and")) => true,
                    _ => dash && a.expr.precision == b.precision_of(),
                };
                if ok {
                    let (b, _, _) = it.next().expect("peeked");
                    let start = if matches!(before.as_deref(), Some("from" | "between")) && !dash {
                        p.start(ai - 1)
                    } else {
                        a.expr.span.start
                    };
                    let span = Span::new(start, b.expr.span.end);
                    out.push(range(span, a, b));
                    continue;
                }
            }
        }
        out.push(a);
    }
    out
}

impl Cand {
    fn precision_of(&self) -> Precision {
        self.expr.precision
    }
}

/// Two calendar expressions of the same precision.
fn comparable(a: &Cand, b: &Cand) -> bool {
    a.expr.precision == b.expr.precision
        && matches!(a.expr.precision, Precision::Day | Precision::Month | Precision::Year)
}

static DATELINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    // CITY[, State or country][ (AGENCY)] followed by a comma or a dash: "DENVER,",
    // "SACRAMENTO, Calif.,", "PORTLAND, Maine,", "WASHINGTON (AP) —", "ST. LOUIS —", "SÃO PAULO --".
    Regex::new(
        r"^\p{Lu}[\p{Lu}.'’ -]*[\p{Lu}.](?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?(?:\s*\([^()\n]{1,60}\))?\s*(?:,|—|–|--|-)\s*",
    )
    .expect("valid regex")
});

/// How many lines (a byline, a kicker, a date line) may come before the dateline.
const DATELINE_LINES: usize = 4;
/// A line this long that is not a dateline is body text: the dateline cannot come after it.
const DATELINE_BODY_LINE: usize = 100;

/// The dateline at the top of the first paragraph.
pub(crate) fn dateline(doc: &Document, body_start: usize) -> Option<jiff::civil::Date> {
    let prose = doc.prose.as_str();
    // The first non-empty lines of the body that are not headings: a byline may come first.
    let mut pos = body_start;
    let mut tried = 0;
    for line in prose.get(body_start..)?.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim_start();
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        tried += 1;
        let lead = start + (line.len() - trimmed.len());
        if let Some((y, m, d)) = dateline_at(prose, lead, start + line.len()) {
            let y = match y {
                Some(y) => y,
                None => article_year(doc, body_start)?,
            };
            return jiff::civil::Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok();
        }
        if tried >= DATELINE_LINES || trimmed.trim_end().len() > DATELINE_BODY_LINE {
            break;
        }
    }
    None
}

/// The year of a yearless dateline ("LISBON, March 4 (AP) —"): the year most full dates in the
/// article are written in (the latest on a tie). A wire story's dated events are overwhelmingly
/// in the year it was filed.
fn article_year(doc: &Document, body_start: usize) -> Option<i32> {
    let toks = lex::tokenize(&doc.prose, Span::new(body_start, doc.prose.len()));
    let mut years: Vec<(i32, usize)> = Vec::new();
    for c in parse(doc, &toks) {
        for leaf in leaves(&c) {
            let Some(w) = leaf.expr.written.as_ref() else { continue };
            if let (Some(y), Some(_)) = (w.year.filter(|_| w.year_span.is_some()), w.day) {
                match years.iter_mut().find(|(yy, _)| *yy == y) {
                    Some((_, n)) => *n += 1,
                    None => years.push((y, 1)),
                }
            }
        }
    }
    years.into_iter().max_by_key(|&(y, n)| (n, y)).map(|(y, _)| y)
}

/// (year if written, month, day) of a dateline starting at `lead`.
fn dateline_at(prose: &str, lead: usize, line_end: usize) -> Option<(Option<i32>, u8, u8)> {
    let window_end = (lead + 200).min(line_end);
    let window_end = (window_end..=line_end).find(|&e| prose.is_char_boundary(e))?;
    let m = DATELINE_PREFIX.find(&prose[lead..window_end])?;
    let toks = lex::tokenize(prose, Span::new(lead + m.end(), window_end));
    let p = P { t: prose, toks: &toks };
    let (c, mut next) = weekday_led(&p, 0)
        .filter(|(c, _)| c.spec == Spec::Cal)
        .or_else(|| month_led(&p, 0))
        .or_else(|| day_first(&p, 0))?;
    let w = c.expr.written.as_ref()?;
    let (mo, d) = (w.month?, w.day?);
    if let Some(y) = w.year {
        // Reject impossible days now; a yearless one is checked once its year is known.
        jiff::civil::Date::new(i16::try_from(y).ok()?, mo as i8, d as i8).ok()?;
    }
    // An agency after the date: "LISBON, March 4, 2025 (Some News Service) —".
    if p.punct(next, "(") {
        let close = (next + 1..(next + 16).min(toks.len())).find(|&k| p.punct(k, ")"))?;
        next = close + 1;
    }
    // A dash must follow ("DENVER, March 4, 2025 —"), even when the prefix had one
    // ("WASHINGTON (AP) — March 4, 2025 —" has both).
    matches!(p.tok(next).map(|t| &prose[t.start..t.end]), Some("—" | "–" | "-")).then_some((w.year, mo, d))
}

#[cfg(test)]
mod anchor_tests {
    use super::*;

    /// The anchor filter must never hide a pattern: wherever the unfiltered matcher finds a date
    /// at a word, that word is an anchor. Run over texts dense with dates: the fixtures and the
    /// recogniser's and date rules' own test sources (prose inside Rust string literals).
    #[test]
    fn the_anchor_filter_hides_no_match() {
        // Every phrase `relative` reads after "the", "a" and "an", in case the sources lack one.
        let phrases = "They met over the weekend. It happened in the past. Plans for the future. \
            Rates in the long term, the near term and the short term. Closed for the time being. \
            He left the same day. Sales rose the last week, the previous month, the past year, \
            and will rise the coming year and the next quarter. It ended a week ago, a month \
            later, an hour earlier, a year before, and a decade ago.";
        let texts = [
            phrases,
            include_str!("tests.rs"),
            include_str!("../rules/date/tests.rs"),
            include_str!("../../tests/fixtures/dates/iso-data.md"),
            include_str!("../../tests/fixtures/dates/uk-day-first.md"),
            include_str!("../../tests/fixtures/dates/us-ap.md"),
        ];
        let mut matched_words = 0;
        for text in texts {
            let toks = lex::tokenize(text, Span::new(0, text.len()));
            let p = P { t: text, toks: &toks };
            for (i, t) in toks.iter().enumerate() {
                let any = at_any(&p, i);
                if t.kind == Tk::Word && any.is_some() {
                    matched_words += 1;
                    assert!(anchor_word(p.s(i)), "{:?} starts a date but is not an anchor word", p.s(i));
                }
                assert_eq!(at(&p, i), any, "the filters change the match at {:?}", p.s(i));
                if any.is_some() {
                    assert!(may_start(&p, i), "{:?} starts a date but fails may_start", p.s(i));
                }
            }
        }
        assert!(matched_words > 300, "too few word-led dates to judge the filter: {matched_words}");
    }

    #[test]
    fn every_anchor_passes_its_shape_table() {
        for a in ANCHORS {
            let a = std::str::from_utf8(a).expect("ASCII");
            assert!(a.len() <= ANCHOR_MAX && a.bytes().all(|b| b.is_ascii_lowercase()), "{a}");
            assert!(anchor_word(a) && anchor_word(&a.to_ascii_uppercase()), "{a}");
        }
        // Same length and first and last letters as an anchor, but not one.
        for w in ["tie", "Tone", "mayday", "Fail", "sixtyfour"] {
            assert!(!anchor_word(w), "{w}");
        }
    }

    #[test]
    fn anchor_words_ignore_case_and_reject_the_rest() {
        for w in ["March", "MARCH", "tues", "Yesterday", "the", "A", "autumn", "Twelve", "Sept"] {
            assert!(anchor_word(w), "{w}");
        }
        for w in ["Marching", "said", "council", "Mayo", "", "é", "thirteen", "quarter", "ago"] {
            assert!(!anchor_word(w), "{w}");
        }
    }
}
