//! Dates written in digits: numeric dates ("2025-02-29", "7/8/07"), bare years ("in 2019",
//! "2019-2021") and decades ("the 1980s", "'70s").
use super::*;

/// "2025-02-29", "02/29/2025", "29/02/2025", "7/8/07".
pub(super) fn numeric(p: &P, i: usize) -> Option<(Cand, usize)> {
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
    let (sa, sb, sc) = (p.at_tok(i).span(), p.at_tok(i + 2).span(), p.at_tok(i + 4).span());
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
pub(super) fn year(p: &P, i: usize) -> Option<(Cand, usize)> {
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
        year_span: Some(p.at_tok(i).span()),
        month_form: MonthForm::Numeric,
        ..Default::default()
    };
    if let Some((y2, len)) = range_second {
        if len == 2 && y2 <= y as i32 {
            // "2019-20 season": a span of seasons, not a reversed range.
            let mut c = cal(Span::new(start, p.end(i + 2)), w, Precision::Year);
            c.expr.date_span = p.at_tok(i).span();
            return Some((c, i + 3));
        }
        let first = cal(p.at_tok(i).span(), w, Precision::Year);
        let w2 = Written {
            year: Some(y2),
            year_span: Some(p.at_tok(i + 2).span()),
            month_form: MonthForm::Numeric,
            ..Default::default()
        };
        let second = cal(p.at_tok(i + 2).span(), w2, Precision::Year);
        return Some((range(Span::new(start, p.end(i + 2)), first, second), i + 3));
    }
    let mut c = cal(Span::new(start, p.end(i)), w, Precision::Year);
    c.expr.date_span = p.at_tok(i).span();
    Some((c, i + 1))
}

/// "'82", "'70s", "the 1980s", "70s".
pub(super) fn short_year(p: &P, i: usize) -> Option<(Cand, usize)> {
    let s = p.s(i);
    if p.kind(i) == Some(Tk::Punct) && matches!(s, "'" | "’") && p.adjacent(i + 1) {
        let n = p.s(i + 1);
        if p.kind(i + 1) == Some(Tk::Num) && n.len() == 2 && !p.adjacent(i) {
            let yy: i32 = n.parse().ok()?;
            let y = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            let w = Written {
                year: Some(y),
                year_span: Some(p.at_tok(i + 1).span()),
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

pub(super) fn decade(span: Span, d: i32) -> Cand {
    let mut e = blank(span, DateKind::Absolute, Precision::Decade);
    e.value = format!("{d:03}");
    Cand { expr: e, spec: Spec::Decade(d), ambiguous: None }
}
