//! Relative expressions: "yesterday", "last week", "next Tuesday", "the fourth quarter of
//! 2005", "in the spring", "three days ago".
use super::*;

pub(super) fn season(w: &str) -> Option<u8> {
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

pub(super) fn unit(w: &str) -> Option<Unit> {
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

pub(super) fn quarter_word(w: &str) -> Option<u8> {
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
pub(super) fn relative(p: &P, i: usize) -> Option<(Cand, usize)> {
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
pub(super) fn quarter_or_season(p: &P, i: usize) -> Option<(Cand, usize)> {
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
    Some((rel(p.at_tok(i).span(), Spec::Season(s, Dir::ByTense, None), Precision::Season), i + 1))
}

/// "three days ago", "a week earlier", "two years later", "10 days from now".
pub(super) fn shift(p: &P, i: usize) -> Option<(Cand, usize)> {
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
