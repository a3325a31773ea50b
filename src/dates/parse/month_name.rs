//! Dates led by a calendar word: a month ("March 4, 2025", "Feb. 29", "December 2024"), a
//! day before a month ("29 February 2025", "the 5th of March"), or a weekday ("Tuesday, March 4").
use super::*;

/// The month at token `i` with its span (including an abbreviation's period) and form.
pub(super) fn month_at(p: &P, i: usize) -> Option<(u8, Span, MonthForm, usize)> {
    let w = p.word(i)?;
    let (m, abbr) = lex::month(w)?;
    if !capitalised(w) {
        return None;
    }
    if !abbr {
        return Some((m, p.at_tok(i).span(), MonthForm::Full, i + 1));
    }
    if p.punct(i + 1, ".") && p.adjacent(i + 1) {
        let ap = matches!(m, 1 | 2 | 8 | 10 | 11 | 12) || (m == 9 && w.len() == 4);
        let form = if ap { MonthForm::Ap } else { MonthForm::ShortDot };
        return Some((m, Span::new(p.start(i), p.end(i + 1)), form, i + 2));
    }
    Some((m, p.at_tok(i).span(), MonthForm::Short, i + 1))
}

/// "March 4, 2025", "Feb. 29", "Sept. 3-9", "December 2024", bare "in May".
pub(super) fn month_led(p: &P, i: usize) -> Option<(Cand, usize)> {
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
                w.year_span = Some(p.at_tok(k + 1).span());
                k += 2;
            }
        } else if let Some(y) = p.year4(k).filter(|_| p.near(k)) {
            w.year = Some(y);
            w.year_span = Some(p.at_tok(k).span());
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
        w.year_span = Some(p.at_tok(yi).span());
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
pub(super) fn day_first(p: &P, i: usize) -> Option<(Cand, usize)> {
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
        w.year_span = Some(p.at_tok(k).span());
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

/// "Tuesday, March 4, 2025", "Tue., March 4", "on Tuesday (March 4)", "Thursday 29 February 2024",
/// or a bare "Tuesday".
pub(super) fn weekday_led(p: &P, i: usize) -> Option<(Cand, usize)> {
    let w = p.word(i)?;
    let (wd, abbr) = lex::weekday(w)?;
    if !capitalised(w) {
        return None;
    }
    let mut j = i + 1;
    let mut wspan = p.at_tok(i).span();
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
