//! The dateline at the top of an article ("DENVER, March 4, 2025 —"): a date for the
//! reference-date precedence, read before the rest of the recogniser runs.
use super::*;

pub(super) static DATELINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    // CITY[, State or country][ (AGENCY)] followed by a comma or a dash: "DENVER,",
    // "SACRAMENTO, Calif.,", "PORTLAND, Maine,", "WASHINGTON (AP) —", "ST. LOUIS —", "SÃO PAULO --".
    Regex::new(
        r"^\p{Lu}[\p{Lu}.'’ -]*[\p{Lu}.](?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?(?:\s*\([^()\n]{1,60}\))?\s*(?:,|—|–|--|-)\s*",
    )
    .expect("valid regex")
});

/// How many lines (a byline, a kicker, a date line) may come before the dateline.
pub(super) const DATELINE_LINES: usize = 4;
/// A line this long that is not a dateline is body text: the dateline cannot come after it.
pub(super) const DATELINE_BODY_LINE: usize = 100;

/// The dateline at the top of the first paragraph.
/// A yearless dateline takes the year most of the article's full dates are in, else the year that
/// puts it nearest `fallback` (the configured or today's date).
pub(crate) fn dateline(
    doc: &Document,
    body_start: usize,
    fallback: Option<jiff::civil::Date>,
) -> Option<jiff::civil::Date> {
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
                None => match article_year(doc, body_start) {
                    Some(y) => y,
                    None => nearest_year(fallback?, m, d)?,
                },
            };
            return jiff::civil::Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok();
        }
        if tried >= DATELINE_LINES || trimmed.trim_end().len() > DATELINE_BODY_LINE {
            break;
        }
    }
    None
}

/// The year in which month `m`, day `d` falls nearest `to` (a wire story is filed about when it is read).
fn nearest_year(to: jiff::civil::Date, m: u8, d: u8) -> Option<i32> {
    let y = i32::from(to.year());
    (y - 1..=y + 1)
        .filter_map(|yy| {
            let day = jiff::civil::Date::new(i16::try_from(yy).ok()?, m as i8, d as i8).ok()?;
            let gap = to.until(day).ok()?.get_days().abs();
            Some((gap, yy))
        })
        .min()
        .map(|(_, yy)| yy)
}

/// The year of a yearless dateline ("LISBON, March 4 (AP) —"): the year most full dates in the
/// article are written in (the latest on a tie). A wire story's dated events are overwhelmingly
/// in the year it was filed.
pub(super) fn article_year(doc: &Document, body_start: usize) -> Option<i32> {
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
pub(super) fn dateline_at(prose: &str, lead: usize, line_end: usize) -> Option<(Option<i32>, u8, u8)> {
    let window_end = (lead + 200).min(line_end);
    let window_end = (window_end..=line_end).find(|&e| prose.is_char_boundary(e))?;
    let m = DATELINE_PREFIX.find(&prose[lead..window_end])?;
    let toks = lex::tokenize(prose, Span::new(lead + m.end(), window_end));
    let p = P::new(prose, &toks);
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
