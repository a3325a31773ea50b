//! Resolution: TIMEX3 values, days and AP labels against the reference date and the tense.
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::format::{ap_date, ap_month, int, push_int, weekday_name, ymd};
use std::cell::RefCell;

use super::lex::Tok;
use super::memo::{TenseRecord, Tenses};
use super::parse::{Cand, Dir, Spec, Unit, YearSpec};
use super::tense::tense_in;
use super::{DateExpr, DateKind, NEAREST_YEARLESS_DAYS, Precision, RangeEnds, Tense};
use crate::document::Document;
use crate::text::Span;

/// Resolve every candidate in document order into `DateExpr`s.
pub(crate) fn resolve_all(
    doc: &Document,
    toks: &[Tok],
    cands: &mut Vec<Cand>,
    reference: Option<Date>,
    tenses: Option<&RefCell<Tenses>>,
) -> Vec<DateExpr> {
    let quotes = quote_spans(&doc.prose);
    let quotes = Around { quotes: &quotes, toks, tenses };
    let mut previous: Option<Date> = None;
    let mut out = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        let e = resolve_one(doc, c, reference, &mut previous, quotes);
        out.push(e);
    }
    out
}

/// What every date is read against: the quotations and the text's tokens.
#[derive(Clone, Copy)]
struct Around<'a> {
    quotes: &'a [Span],
    toks: &'a [Tok],
    /// Tenses remembered from the last check (with a memo), and where the tenses read go.
    tenses: Option<&'a RefCell<Tenses>>,
}

fn context(doc: &Document, e: &mut DateExpr, around: Around) {
    let quotes = around.quotes;
    let sentence =
        doc.sentence_at(e.span.start).map(|i| doc.sentences[i].span).unwrap_or(Span::new(0, doc.prose.len()));
    let (t, cue) = match around.tenses {
        Some(cell) => {
            let mut tenses = cell.borrow_mut();
            let (tense, cue) = tenses
                .get(e.date_span, sentence)
                .unwrap_or_else(|| tense_in(&doc.prose, around.toks, sentence, e.date_span));
            tenses.read.push(TenseRecord { date: e.date_span, sentence, tense, cue });
            (tense, cue)
        }
        None => tense_in(&doc.prose, around.toks, sentence, e.date_span),
    };
    e.tense = t;
    e.tense_cue = cue;
    let i = quotes.partition_point(|q| q.end <= e.span.start);
    // The document's quotations are sorted by start; look only at those that could overlap.
    let k = doc.quotes.partition_point(|q| q.span.start < e.span.end);
    let parsed = doc.quotes[..k].iter().rev().take(8).any(|q| q.span.overlaps(e.span));
    e.in_quote = quotes.get(i).is_some_and(|q| q.overlaps(e.span)) || parsed;
}

fn resolve_one(
    doc: &Document,
    c: Cand,
    reference: Option<Date>,
    previous: &mut Option<Date>,
    quotes: Around,
) -> DateExpr {
    let Cand { mut expr, spec, .. } = c;
    context(doc, &mut expr, quotes);
    match spec {
        Spec::Range(a, b) => {
            let (mut a, mut b) = (*a, *b);
            // A yearless end borrows the other end's year: "from 14 October to 2 October 2024".
            let ya = a.expr.written.as_ref().and_then(|w| w.year);
            let yb = b.expr.written.as_ref().and_then(|w| w.year);
            match (ya, yb) {
                (None, Some(y)) => a.expr.written.as_mut().into_iter().for_each(|w| w.year = Some(y)),
                (Some(y), None) => b.expr.written.as_mut().into_iter().for_each(|w| w.year = Some(y)),
                _ => {}
            }
            let mut first = resolve_one(doc, a, reference, previous, quotes);
            let mut second = resolve_one(doc, b, reference, previous, quotes);
            for end in [&mut first, &mut second] {
                end.tense = expr.tense;
                end.in_quote = expr.in_quote;
            }
            // Two yearless ends share a year, unless they wrap over New Year ("from Dec. 28 to Jan. 3").
            let ends = (first.written.clone(), second.written.clone());
            if let (Some(wa), Some(wb)) = ends {
                if wa.year_inferred && wb.year_inferred {
                    let wraps = wa.month >= Some(10) && wb.month <= Some(3);
                    if let (Some(y), Some(m)) = (wa.year, wb.month) {
                        set_cal(&mut second, if wraps { y + 1 } else { y }, m, wb.day, true);
                    }
                }
            }
            let reversed = key(&second) < key(&first) && key(&first).is_some() && key(&second).is_some();
            expr.value = format!("{}/{}", first.value, second.value);
            expr.date = None;
            expr.precision = first.precision;
            expr.label = format!("{} – {}", first.label, second.label);
            expr.range = Some(Box::new(RangeEnds { first, second, reversed }));
            expr
        }
        Spec::Cal => {
            let w = expr.written.clone().expect("calendar candidates are written");
            let y = w.year.or_else(|| infer_year(reference, w.month, w.day, expr.tense));
            match (y, w.month) {
                (Some(y), Some(m)) => set_cal(&mut expr, y, m, w.day, w.year.is_none()),
                (Some(y), None) => {
                    expr.value = int(y.into(), 4);
                    expr.label = int(y.into(), 0);
                }
                (None, Some(m)) => {
                    expr.value = match w.day {
                        Some(d) => format!("XXXX-{m:02}-{d:02}"),
                        None => format!("XXXX-{m:02}"),
                    };
                    expr.invalid = w.day.is_some_and(|d| d > days_in_month(2024, m));
                    expr.label = match w.day {
                        Some(d) => format!("{} {d}", ap_month(m, true)),
                        None => ap_month(m, false).to_string(),
                    };
                }
                (None, None) => {}
            }
            if let Some(d) = expr.date {
                *previous = Some(d);
            }
            expr
        }
        Spec::Decade(d) => {
            expr.value = format!("{d:03}");
            expr.label = format!("the {}0s", d);
            expr
        }
        Spec::Vague(v) => {
            expr.value = v.to_string();
            expr.label = match v {
                "PAST_REF" => "the past",
                "FUTURE_REF" => "the future",
                _ => "now",
            }
            .to_string();
            expr
        }
        Spec::Season(s, _, Some(y)) => {
            expr.value = format!("{y}-{}", SEASONS[s as usize]);
            expr.label = format!("{} {y}", SEASON_NAMES[s as usize]);
            expr
        }
        spec => {
            let Some(r) = reference else { return expr };
            relative(&mut expr, spec, r, *previous);
            if expr.precision == Precision::Day {
                if let Some(d) = expr.date {
                    *previous = Some(d);
                }
            }
            expr
        }
    }
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];
const SEASON_NAMES: [&str; 4] = ["spring", "summer", "fall", "winter"];

/// Sort key for range comparison: (year, month, day) as far as known.
fn key(e: &DateExpr) -> Option<(i32, u8, u8)> {
    let w = e.written.as_ref()?;
    Some((w.year?, w.month.unwrap_or(0), w.day.unwrap_or(0)))
}

fn days_in_month(y: i32, m: u8) -> u8 {
    Date::new(y as i16, m.clamp(1, 12) as i8, 1).map(|d| d.days_in_month() as u8).unwrap_or(31)
}

/// Set a calendar value on `e`: the day (if it exists), the value, the label.
fn set_cal(e: &mut DateExpr, y: i32, m: u8, d: Option<u8>, inferred: bool) {
    if let Some(w) = e.written.as_mut() {
        w.year = Some(y);
        w.year_inferred = inferred;
    }
    match d {
        Some(d) => {
            e.value = ymd(y, m, d);
            e.date = i16::try_from(y).ok().and_then(|y| Date::new(y, m as i8, d as i8).ok());
            e.invalid = e.date.is_none();
            e.label = match e.date {
                Some(date) => ap_date(date, true),
                None => format!("{} {d}, {y}", ap_month(m, true)),
            };
        }
        None => {
            let mut value = int(y.into(), 4);
            value.push('-');
            push_int(&mut value, m.into(), 2);
            e.value = value;
            e.invalid = !(1..=12).contains(&m);
            let mut label = ap_month(m, false).to_string();
            label.push(' ');
            push_int(&mut label, y.into(), 0);
            e.label = label;
        }
    }
}

/// The year of a yearless date. News copy leaves the year out for the instance nearest the
/// publication date, so a date whose reference-year instance is within
/// [`NEAREST_YEARLESS_DAYS`] of it means that instance, even when the tense points the other
/// way (`date/tense` then flags the clash). Otherwise the tense picks the nearest instance in its
/// direction (a past-tense "Dec. 30" in a January article is last year's).
fn infer_year(reference: Option<Date>, month: Option<u8>, day: Option<u8>, tense: Tense) -> Option<i32> {
    let r = reference?;
    let m = month?;
    let ry = r.year() as i32;
    if let Some(d) = day {
        if let Ok(here) = Date::new(r.year(), m as i8, d as i8) {
            let days = (here - r).get_days();
            let against = match tense {
                Tense::Past => days > 0,
                Tense::Future => days < 0,
                Tense::Unknown => false,
            };
            if against && days.abs() <= NEAREST_YEARLESS_DAYS {
                return Some(ry);
            }
        }
    }
    let here = (r.month() as i32, r.day() as i32);
    let there = (m as i32, day.map_or(0, |d| d as i32));
    // Compare months only for a bare month.
    let (here, there) = if day.is_none() { ((here.0, 0), there) } else { (here, there) };
    Some(match tense {
        Tense::Past => {
            if there <= here {
                ry
            } else {
                ry - 1
            }
        }
        Tense::Future => {
            if there >= here {
                ry
            } else {
                ry + 1
            }
        }
        Tense::Unknown => {
            let pos = |(m, d): (i32, i32)| m * 31 + d;
            let diff = pos(there) - pos(here);
            if diff > 6 * 31 {
                ry - 1
            } else if diff < -6 * 31 {
                ry + 1
            } else {
                ry
            }
        }
    })
}

fn weekday_offset(from: Weekday, to: Weekday) -> i64 {
    (to.to_monday_zero_offset() as i64 - from.to_monday_zero_offset() as i64).rem_euclid(7)
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.first_of_month().checked_add(n.months()).ok()
}

fn week_value(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// Resolve a relative expression against reference `r`.
fn relative(e: &mut DateExpr, spec: Spec, r: Date, previous: Option<Date>) {
    let day = |e: &mut DateExpr, d: Option<Date>| {
        if let Some(d) = d {
            e.date = Some(d);
            e.value = d.to_string();
            e.label = ap_relative_day(d, r);
        }
    };
    let month = |e: &mut DateExpr, d: Option<Date>| {
        if let Some(d) = d {
            e.value = format!("{:04}-{:02}", d.year(), d.month());
            e.label = if d.year() == r.year() {
                ap_month(d.month() as u8, false).to_string()
            } else {
                format!("{} {}", ap_month(d.month() as u8, false), d.year())
            };
        }
    };
    let year = |e: &mut DateExpr, y: i32| {
        e.value = format!("{y:04}");
        e.label = y.to_string();
    };
    match spec {
        Spec::DayOffset(n) => day(e, add_days(r, n)),
        Spec::Weekday(wd, dir) => {
            let fwd = weekday_offset(r.weekday(), wd);
            let back = (7 - fwd) % 7;
            let n = match dir {
                Dir::Last => -(if back == 0 { 7 } else { back }),
                Dir::Next => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                Dir::This => fwd - if fwd > 3 { 7 } else { 0 },
                Dir::Until if e.tense == Tense::Past => -back,
                Dir::Until => fwd,
                Dir::ByTense => match e.tense {
                    Tense::Future => fwd,
                    _ => -back,
                },
            };
            day(e, add_days(r, n));
        }
        Spec::Unit(u, off) => match u {
            Unit::Week => {
                if let Some(d) = add_days(r, 7 * off) {
                    e.value = week_value(d);
                    e.label = match off {
                        -1 => "the week before".into(),
                        1 => "the week after".into(),
                        _ => "this week".into(),
                    };
                    e.label = format!(
                        "the week of {}",
                        ap_date(d - (d.weekday().to_monday_zero_offset() as i64).days(), d.year() != r.year())
                    );
                }
            }
            Unit::Weekend => {
                if let Some(d) = add_days(r, 7 * off) {
                    e.value = format!("{}-WE", week_value(d));
                    e.label = format!("the weekend of {}", ap_date(d, d.year() != r.year()));
                }
            }
            Unit::Month => month(e, add_months(r, off)),
            Unit::Quarter => {
                let q = (r.month() as i64 - 1) / 3 + off;
                let y = r.year() as i64 + q.div_euclid(4);
                e.value = format!("{y:04}-Q{}", q.rem_euclid(4) + 1);
                e.label = format!("the {} quarter of {y}", ORD[q.rem_euclid(4) as usize]);
            }
            Unit::Year => year(e, r.year() as i32 + off as i32),
            Unit::Decade => {
                let d = r.year() as i32 / 10 + off as i32;
                e.value = format!("{d:03}");
                e.label = format!("the {d}0s");
            }
            Unit::Day => day(e, add_days(r, off)),
        },
        Spec::MonthRel(m, dir) => {
            let rm = r.month() as u8;
            let ry = r.year() as i32;
            let y = match dir {
                Dir::Last => {
                    if m < rm {
                        ry
                    } else {
                        ry - 1
                    }
                }
                Dir::Next => {
                    if m > rm {
                        ry
                    } else {
                        ry + 1
                    }
                }
                _ => ry,
            };
            month(e, Date::new(y as i16, m as i8, 1).ok());
        }
        Spec::Season(s, dir, _) => {
            // Meteorological seasons; winter belongs to the year of its December.
            let cur = match r.month() {
                3..=5 => 0,
                6..=8 => 1,
                9..=11 => 2,
                _ => 3,
            };
            let mut y = r.year() as i32;
            if cur == 3 && r.month() <= 2 {
                y -= 1;
            }
            let s = s as i32;
            let y = match dir {
                Dir::Last => {
                    if s < cur {
                        y
                    } else {
                        y - 1
                    }
                }
                Dir::Next => {
                    if s > cur {
                        y
                    } else {
                        y + 1
                    }
                }
                Dir::This | Dir::Until => y,
                Dir::ByTense => match e.tense {
                    Tense::Past if s > cur => y - 1,
                    Tense::Future if s < cur => y + 1,
                    _ => y,
                },
            };
            e.value = format!("{y}-{}", SEASONS[s as usize]);
            e.label = format!("{} {y}", SEASON_NAMES[s as usize]);
        }
        Spec::Quarter(q, ys) => {
            let rq = (r.month() as u8 - 1) / 3 + 1;
            let ry = r.year() as i32;
            let y = match ys {
                YearSpec::Explicit(y) => y,
                YearSpec::Offset(o) => ry + o,
                YearSpec::ByTense => match e.tense {
                    Tense::Past if q > rq => ry - 1,
                    Tense::Past if q == rq => ry,
                    Tense::Future if q < rq => ry + 1,
                    _ => ry,
                },
            };
            if matches!(ys, YearSpec::Explicit(_)) {
                e.kind = DateKind::Absolute;
            }
            e.value = format!("{y:04}-Q{q}");
            e.label = format!("the {} quarter of {y}", ORD[(q as usize).clamp(1, 4) - 1]);
        }
        Spec::Shift { n, unit, sign, from_previous } => {
            let anchor = if from_previous { previous.unwrap_or(r) } else { r };
            let n = n * sign;
            match unit {
                Unit::Day => day(e, add_days(anchor, n)),
                Unit::Week => day(e, add_days(anchor, 7 * n)),
                Unit::Month => month(e, add_months(anchor, n)),
                Unit::Year => year(e, anchor.year() as i32 + n as i32),
                Unit::Decade => {
                    let d = (anchor.year() as i32 + 10 * n as i32) / 10;
                    e.value = format!("{d:03}");
                    e.label = format!("the {d}0s");
                }
                _ => {}
            }
        }
        Spec::Cal | Spec::Decade(_) | Spec::Vague(_) | Spec::Range(..) => {}
    }
}

const ORD: [&str; 4] = ["first", "second", "third", "fourth"];

/// AP's absolute form of a day relative to the reference: the weekday within seven days (the
/// reference day itself included: AP writes the day of the week, not "today"), otherwise month
/// and day, with the year only when it differs.
pub(crate) fn ap_relative_day(d: Date, r: Date) -> String {
    let diff = (d - r).get_days().abs();
    if diff <= 7 { weekday_name(d.weekday()).to_string() } else { ap_date(d, d.year() != r.year()) }
}

/// Spans inside quotation marks, per paragraph (an unclosed quotation ends with its paragraph).
fn quote_spans(prose: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let b = prose.as_bytes();
    let mut i = 0;
    // Only `"`, a line break and the first byte of a curly quotation mark matter: jump between them.
    while let Some(k) = memchr::memchr3(b'"', b'\n', 0xE2, &b[i..]) {
        i += k;
        match b[i] {
            b'"' => {
                match open.take() {
                    Some(s) => out.push(Span::new(s, i + 1)),
                    None => open = Some(i),
                }
                i += 1;
            }
            b'\n' if b.get(i + 1) == Some(&b'\n') || (b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n')) => {
                if let Some(s) = open.take() {
                    out.push(Span::new(s, i));
                }
                i += 2;
            }
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9C | 0x9D)) => {
                if b[i + 2] == 0x9C {
                    if open.is_none() {
                        open = Some(i);
                    }
                } else if let Some(s) = open.take() {
                    out.push(Span::new(s, i + 3));
                }
                i += 3;
            }
            _ => i += 1,
        }
    }
    if let Some(s) = open {
        out.push(Span::new(s, b.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn yearless_dates_follow_the_tense() {
        let r = Some(date(2025, 1, 10));
        assert_eq!(infer_year(r, Some(12), Some(30), Tense::Past), Some(2024));
        assert_eq!(infer_year(r, Some(12), Some(30), Tense::Unknown), Some(2024));
        // Five days before the reference is far nearer than next January: this year's, told in
        // the future tense (date/tense flags it).
        assert_eq!(infer_year(r, Some(1), Some(5), Tense::Future), Some(2025));
        // Past tense, a week after the reference: this year's (date/tense flags it).
        assert_eq!(infer_year(r, Some(1), Some(17), Tense::Past), Some(2025));
        // Past tense, five months after: last year's instance is nearly as near, so the tense decides.
        assert_eq!(infer_year(r, Some(6), Some(20), Tense::Past), Some(2024));
        // Future tense, two months after: this year's, as the tense says.
        assert_eq!(infer_year(r, Some(3), Some(20), Tense::Future), Some(2025));
        assert_eq!(infer_year(Some(date(2025, 11, 20)), Some(1), Some(15), Tense::Future), Some(2026));
        // Feb. 29 in a common reference year: the tense alone decides.
        assert_eq!(infer_year(Some(date(2025, 3, 10)), Some(2), Some(29), Tense::Future), Some(2026));
        assert_eq!(infer_year(r, Some(1), Some(15), Tense::Future), Some(2025));
        assert_eq!(infer_year(r, Some(3), None, Tense::Past), Some(2024));
    }

    #[test]
    fn ap_relative_day_uses_weekday_within_a_week() {
        let r = date(2025, 3, 4);
        assert_eq!(ap_relative_day(date(2025, 3, 3), r), "Monday");
        assert_eq!(ap_relative_day(date(2025, 2, 20), r), "Feb. 20");
        assert_eq!(ap_relative_day(date(2024, 12, 20), r), "Dec. 20, 2024");
    }

    #[test]
    fn quotes_close_at_paragraph_end() {
        let s = "He said \"soon\" and “later”.\n\n\"Open";
        let q = quote_spans(s);
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].slice(s), "\"soon\"");
        assert_eq!(q[1].slice(s), "“later”");
        assert_eq!(q[2].slice(s), "\"Open");
    }
}
