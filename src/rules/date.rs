//! The `date/*` rules: impossible dates, wrong weekdays, tense against the publication date,
//! reversed ranges, relative dates (hints) and a missing publication date.
//!
//! All analysis happens once in [`crate::dates::recognise`]; these rules only read
//! `Context.dates` and build messages and fixes in the article's own style.
use jiff::ToSpan;
use jiff::civil::Date;

use super::{Category, Context, Family, Fixability, RuleMeta};
use crate::dates::{
    DateExpr, DateKind, NEAREST_YEARLESS_DAYS, Precision, Tense, ap_date, ap_month, render_like, weekday_like,
};
use crate::document::{Applicability, DocKind, Document, Edit, Finding, Fix, RefSource, Severity};
use crate::text::Span;

pub struct DateFamily;

pub const INVALID: RuleMeta = RuleMeta {
    id: "date/invalid",
    summary: "A date that does not exist (Feb. 29 in a common year, April 31, month 13)",
    default_severity: Severity::Error,
    category: Category::Date,
    fix: Fixability::Unsafe,
    docs: r#"## What it flags
A date that is not on any calendar: February 29 in a year that is not a leap year, the 31st of a
30-day month, February 30, day 0 or month 13. A date written without a year ("Feb. 29") takes its
year from the publication date and the tense of its sentence, and is flagged when that year makes
it impossible.

## Why it matters
An impossible date is a typo that readers notice at once, and it leaves them unsure which day was
meant. Spell checkers and most grammar tools pass it silently.

## Example
```text
The water district raised its rates on April 31, 2024.
```

## Use instead
```text
The water district raised its rates on April 30, 2024.
```

## Fix safety
Two fixes are offered, both unsafe: the last valid day of that month and the first day of the
next, written in the article's own style ("Feb. 28, 2025" in AP copy, "28 February 2025" in
day-first copy, "2025-02-28" in ISO data). Only the writer knows which day was meant.
"#,
};

pub const WEEKDAY: RuleMeta = RuleMeta {
    id: "date/weekday",
    summary: "A weekday that does not match its date",
    default_severity: Severity::Error,
    category: Category::Date,
    fix: Fixability::Sometimes,
    docs: r#"## What it flags
A weekday written next to a date ("Tuesday, March 4, 2025", "Tue., March 4", "on Tuesday
(March 4)", "Thursday 29 February 2024") when that date falls on another day of the week.

## Why it matters
Either the weekday or the date is wrong, and readers planning to attend an event cannot tell which.

## Example
```text
The library reopened on Thursday, March 7, 2025, after a month of repairs.
```

## Use instead
```text
The library reopened on Friday, March 7, 2025, after a month of repairs.
```

## Fix safety
Two fixes: replace the weekday with the date's real weekday (safe when the date states its year,
unsafe when the year was inferred), or move the date to the nearest day that falls on the stated
weekday (unsafe: it changes the date).
"#,
};

pub const TENSE: RuleMeta = RuleMeta {
    id: "date/tense",
    summary: "A future date told in the past tense, or a past date in the future tense",
    default_severity: Severity::Warning,
    category: Category::Date,
    fix: Fixability::None,
    docs: r#"## What it flags
A date after the publication date in a clause told in the past tense ("approved ... on April 22,
2025" in an article published in March 2025), or a date well before the publication date in a
clause told in the future tense ("will begin on Sept. 5" in an October article). A date written
without a year means its instance nearest the publication date ("finished on Jan. 22" in a
January 15 article is this January's, and is flagged); it is judged only when that instance is
within four months of the publication date, so that it is clearly the nearest. Quotations,
reported plans ("said it would ..."), schedules told in the past ("was scheduled for") and
present-tense clauses are never flagged.

## Why it matters
Either the date is wrong (often the year) or the article was updated without changing its tense.

## Example
```text
DENVER, March 4, 2025 — The council approved the budget on April 22, 2025.
```

## Use instead
```text
DENVER, March 4, 2025 — The council will vote on the budget on April 22, 2025.
```

## Fix safety
No automatic fix: the writer must decide whether the date or the verb is wrong. Suppress with
`<!-- copydesk-disable-next-line date/tense -->` when the sentence is right as written.
"#,
};

pub const RANGE: RuleMeta = RuleMeta {
    id: "date/range",
    summary: "A date range that ends before it starts",
    default_severity: Severity::Warning,
    category: Category::Date,
    fix: Fixability::Unsafe,
    docs: r#"## What it flags
A range whose second end is earlier than its first: "from March 12 to March 9", "March 9-3",
"2019-2017", "between 2019 and 2017", "from 14 October to 2 October 2024".

## Why it matters
A reversed range is almost always two dates typed in the wrong order, or one wrong date.

## Example
```text
The exhibit ran from 2019 to 2016 at the county museum.
```

## Use instead
```text
The exhibit ran from 2016 to 2019 at the county museum.
```

## Fix safety
The fix swaps the two ends. It is unsafe: one of the dates may be the wrong one instead.
"#,
};

pub const RELATIVE: RuleMeta = RuleMeta {
    id: "date/relative",
    summary: "A relative date, with the day it means",
    default_severity: Severity::Hint,
    category: Category::Date,
    fix: Fixability::Unsafe,
    docs: r#"## What it flags
Every relative date ("yesterday", "on Tuesday", "last December", "two weeks ago", "next year"),
with the date it resolves to from the publication date: "'last December' = December 2024, from
the publication date 2025-03-04".

## Why it matters
Relative dates go stale when an article is updated, syndicated or read later, and a copy editor
has to check each one against the publication date.

## Example
```text
DENVER, March 4, 2025 — The mayor announced her plan yesterday.
```

## Use instead
```text
DENVER, March 4, 2025 — The mayor announced her plan on March 3.
```

## Fix safety
The fix replaces the expression with its absolute form in AP style: the weekday within seven days
of the publication date, otherwise the month and day, with the year only when it differs. It is
unsafe because it rewords the sentence.
"#,
};

pub const NO_REFERENCE: RuleMeta = RuleMeta {
    id: "date/no-reference",
    summary: "Relative dates but no publication date to resolve them against",
    default_severity: Severity::Info,
    category: Category::Date,
    fix: Fixability::Unsafe,
    docs: r#"## What it flags
An article that uses relative dates ("yesterday", "last week") but names no publication date:
no `date:` in its front matter, no dateline and no reference date in the settings. Reported
once, at the first relative date.

## Why it matters
Without a publication date, "yesterday" is resolved against today's date, and tense checks are
switched off.

## Example
```text
The council met yesterday to discuss the budget.
```

## Use instead
```text
DENVER, March 4, 2025 — The council met yesterday to discuss the budget.
```

## Fix safety
In Markdown the fix inserts front matter with `date:` set to today's date (as the editor or
command line knows it). It is unsafe: the publication date may be another day.
"#,
};

static RULES: [RuleMeta; 6] = [INVALID, WEEKDAY, TENSE, RANGE, RELATIVE, NO_REFERENCE];

impl Family for DateFamily {
    fn name(&self) -> &'static str {
        "date"
    }
    fn rules(&self) -> &'static [RuleMeta] {
        &RULES
    }
    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Finding>) {
        let text = doc.text;
        let real_reference = ctx.reference.as_ref().filter(|r| r.source != RefSource::Today).map(|r| r.date);
        // Everything one expression's findings read but the expression and its text; the memo
        // is keyed by the reference as a whole, which decides both.
        let check_one = |e: &DateExpr, out: &mut Vec<Finding>| {
            for leaf in e.leaves() {
                invalid(text, leaf, out);
                weekday(text, leaf, ctx.reference.as_ref().map(|r| r.source), out);
                if let Some(r) = real_reference {
                    if e.kind != DateKind::Range {
                        tense(text, leaf, r, out);
                    }
                }
            }
            range(text, e, out);
            if let Some(r) = &ctx.reference {
                relative(text, e, r.date, r.source == RefSource::Today, out);
            }
        };
        match ctx.date_findings.and_then(|m| m.try_borrow_mut().ok()) {
            Some(mut memo) => {
                memo.begin(&ctx.reference);
                for e in ctx.dates {
                    let after_preposition = text.get(..e.span.start).map(follows_preposition);
                    memo.findings(text, e, after_preposition, out, check_one);
                }
                memo.end();
            }
            None => {
                for e in ctx.dates {
                    check_one(e, out);
                }
            }
        }
        if real_reference.is_none() {
            no_reference(doc, ctx, out);
        }
    }
}

/// The text of `span` with each run of white space written as one space (messages are one line).
fn quote(text: &str, span: Span) -> String {
    // One buffer, no Vec of pieces: this runs for every message.
    let mut out = String::with_capacity(span.len());
    for (k, word) in span.slice(text).split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn days_in(y: i32, m: u8) -> Option<u8> {
    Date::new(i16::try_from(y).ok()?, m as i8, 1).ok().map(|d| d.days_in_month() as u8)
}

fn invalid(text: &str, e: &DateExpr, out: &mut Vec<Finding>) {
    let Some(w) = e.written.as_ref().filter(|_| e.invalid) else { return };
    let (Some(m), Some(d)) = (w.month, w.day) else {
        if let Some(m) = w.month.filter(|m| !(1..=12).contains(m)) {
            out.push(INVALID.finding(e.date_span, format!("'{}' has no month {m}", quote(text, e.date_span))));
        }
        return;
    };
    let shown = quote(text, e.date_span);
    if !(1..=12).contains(&m) {
        out.push(INVALID.finding(e.date_span, format!("'{shown}' does not exist: there is no month {m}")));
        return;
    }
    // The year the date was checked in: written, inferred, or a leap year when unknown.
    let y = w.year.unwrap_or(2024);
    let Some(last) = days_in(y, m) else { return };
    let message = if d == 0 {
        format!("'{shown}' does not exist: there is no day 0")
    } else if m == 2 && d == 29 {
        if w.year_inferred {
            format!(
                "'{shown}' does not exist: the year it falls in, {y} (from the publication date), is not a leap year"
            )
        } else {
            format!("'{shown}' does not exist: {y} is not a leap year")
        }
    } else {
        format!("'{shown}' does not exist: {} has only {last} days", ap_month(m, false))
    };
    let mut f = INVALID.finding(e.date_span, message);
    if d > 0 {
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        for (yy, mm, dd, why) in
            [(y, m, last, "the last day of the month"), (ny, nm, 1, "the first day of the next month")]
        {
            if let Some(new) = render_like(e, text, yy, mm, dd) {
                f = f.with_fix(Fix::new(
                    format!("Change to '{new}' ({why})"),
                    Applicability::Unsafe,
                    vec![Edit::replace(e.date_span, new)],
                ));
            }
        }
    }
    out.push(f);
}

fn weekday(text: &str, e: &DateExpr, source: Option<RefSource>, out: &mut Vec<Finding>) {
    let (Some(stated), Some(date)) = (e.weekday, e.date) else { return };
    let actual = date.weekday();
    if actual == stated.weekday {
        return;
    }
    let inferred = e.written.as_ref().is_some_and(|w| w.year_inferred);
    let with_year = !inferred;
    // Say where the year came from: the publication date only when the article, the flag or the
    // config gave one; otherwise it is today's year, and the message says so.
    let year_note = match source {
        _ if !inferred => String::new(),
        Some(RefSource::Today) | None => {
            format!(" (year {} taken from today's date: the article gives no publication date)", date.year())
        }
        Some(_) => format!(" (year {} inferred from the publication date)", date.year()),
    };
    let message = format!(
        "'{}': {} is a {}, not a {}{year_note}",
        quote(text, e.span),
        ap_date(date, with_year),
        crate::dates::weekday_like("Monday", actual),
        crate::dates::weekday_like("Monday", stated.weekday),
    );
    let new_weekday = weekday_like(stated.span.slice(text), actual);
    let safe = if inferred { Applicability::Unsafe } else { Applicability::Safe };
    let mut f = WEEKDAY.finding(e.span, message).with_fix(Fix::new(
        format!("Change the weekday to '{new_weekday}'"),
        safe,
        vec![Edit::replace(stated.span, new_weekday)],
    ));
    let fwd = (stated.weekday.to_monday_zero_offset() as i64 - actual.to_monday_zero_offset() as i64).rem_euclid(7);
    let shift = if fwd <= 3 { fwd } else { fwd - 7 };
    if let Ok(moved) = date.checked_add(shift.days()) {
        if let Some(new) = render_like(e, text, moved.year() as i32, moved.month() as u8, moved.day() as u8) {
            f = f.with_fix(Fix::new(
                format!(
                    "Change the date to '{new}' (the nearest {})",
                    crate::dates::weekday_like("Monday", stated.weekday)
                ),
                Applicability::Unsafe,
                vec![Edit::replace(e.date_span, new)],
            ));
        }
    }
    out.push(f);
}

/// How far before the publication date a future-tense date must be to be flagged.
const FUTURE_SLACK_DAYS: i32 = 3;

fn tense(text: &str, e: &DateExpr, r: Date, out: &mut Vec<Finding>) {
    let Some(date) = e.date else { return };
    let Some(w) = &e.written else { return };
    if e.in_quote || e.precision != Precision::Day || e.invalid {
        return;
    }
    // A yearless date is the instance nearest the publication date; it is only judged when
    // that instance is clearly the nearest (see `NEAREST_YEARLESS_DAYS`).
    let yearless = w.year_inferred || w.year_span.is_none();
    if yearless && (date - r).get_days().abs() > NEAREST_YEARLESS_DAYS {
        return;
    }
    let cue = e.tense_cue.map(|s| s.slice(text)).unwrap_or("");
    let shown = quote(text, e.date_span);
    let taken = if yearless {
        format!(" (taken as {}, the instance nearest the publication date)", ap_date(date, true))
    } else {
        String::new()
    };
    let message = match e.tense {
        Tense::Past if date > r => format!(
            "'{shown}'{taken} is after the publication date ({r}) but is told in the past tense ('{cue}'); check the date or the verb"
        ),
        Tense::Future if (r - date).get_days() > FUTURE_SLACK_DAYS => format!(
            "'{shown}'{taken} is well before the publication date ({r}) but is told in the future tense ('{cue}'); check the date or the verb"
        ),
        _ => return,
    };
    out.push(TENSE.finding(e.date_span, message));
}

fn range(text: &str, e: &DateExpr, out: &mut Vec<Finding>) {
    let Some(r) = e.range.as_ref().filter(|r| r.reversed) else { return };
    let (a, b) = (&r.first, &r.second);
    let message = format!("'{}' ends ({}) before it starts ({})", quote(text, e.span), end_label(b), end_label(a));
    let (sa, sb) = swap_spans(a, b);
    let mut f = RANGE.finding(e.span, message);
    if sa.end <= sb.start {
        f = f.with_fix(Fix::new(
            "Swap the two ends",
            Applicability::Unsafe,
            vec![Edit::replace(sa, sb.slice(text)), Edit::replace(sb, sa.slice(text))],
        ));
    }
    out.push(f);
}

fn end_label(e: &DateExpr) -> String {
    match (e.date, e.precision) {
        (Some(d), _) => ap_date(d, true),
        _ => e.label.clone(),
    }
}

/// The parts of two range ends to exchange: whole ends, or only what differs ("March 9-3"
/// swaps the days, "from 14 October to 2 October 2024" keeps the shared year in place).
fn swap_spans(a: &DateExpr, b: &DateExpr) -> (Span, Span) {
    let (Some(wa), Some(wb)) = (&a.written, &b.written) else { return (a.span, b.span) };
    // One month written once, for both days ("March 9-3", "24 to 19 March"): swap the days.
    if (wb.month_span.is_none() || wa.month_span.is_none()) && wa.day_span.is_some() && wb.day_span.is_some() {
        return (wa.day_span.unwrap_or(a.span), wb.day_span.unwrap_or(b.span));
    }
    if wa.year_span.is_none() && wb.year_span.is_some() {
        let core_end = [wb.day_span, wb.month_span].into_iter().flatten().map(|s| s.end).max().unwrap_or(b.span.end);
        return (a.span, Span::new(b.span.start, core_end));
    }
    (a.span, b.span)
}

fn relative(text: &str, e: &DateExpr, r: Date, today: bool, out: &mut Vec<Finding>) {
    if e.kind != DateKind::Relative || e.value.is_empty() || e.precision == Precision::Vague {
        return;
    }
    let full = match (e.date, e.precision) {
        (Some(d), Precision::Day) => {
            format!("{}, {}", crate::dates::weekday_like("Monday", d.weekday()), ap_date(d, true))
        }
        (_, Precision::Month) => match e.value.split_once('-') {
            Some((y, m)) => format!("{} {y}", ap_month(m.parse().unwrap_or(1), false)),
            None => e.value.clone(),
        },
        _ => e.label.clone(),
    };
    let from = if today { "today's date" } else { "the publication date" };
    let message = format!("'{}' = {full}, from {from} {r}", quote(text, e.span));
    let mut f = RELATIVE.finding(e.span, message);
    // "the past year" means the last twelve months, not the calendar year: no rewrite.
    let fixable = matches!(e.precision, Precision::Day | Precision::Month | Precision::Year)
        && !e.span.slice(text).to_ascii_lowercase().starts_with("the past");
    if fixable && !e.label.is_empty() && e.label != e.span.slice(text) {
        // "rose last month" reads "rose in February": a month or a year needs a preposition
        // where the relative phrase carried none of its own.
        let needs_in =
            matches!(e.precision, Precision::Month | Precision::Year) && !follows_preposition(&text[..e.span.start]);
        let new_text = if needs_in { format!("in {}", e.label) } else { e.label.clone() };
        f = f.with_fix(Fix::new(
            format!("Replace with '{new_text}'"),
            Applicability::Unsafe,
            vec![Edit::replace(e.span, new_text)],
        ));
    }
    out.push(f);
}

/// Whether the word just before an expression is a preposition that can govern a month or year.
fn follows_preposition(before: &str) -> bool {
    const PREPOSITIONS: [&str; 16] = [
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "through",
        "throughout",
        "during",
        "of",
        "before",
        "after",
        "to",
        "for",
        "between",
        "and",
    ];
    let word = before.trim_end().rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    PREPOSITIONS.iter().any(|p| word.eq_ignore_ascii_case(p))
}

fn no_reference(doc: &Document, ctx: &Context, out: &mut Vec<Finding>) {
    let Some(first) = ctx.dates.iter().find(|e| e.kind == DateKind::Relative && e.precision != Precision::Vague) else {
        return;
    };
    let today = ctx.settings.today;
    let resolved = match (&ctx.reference, today) {
        (Some(r), _) => format!("they are resolved against today's date, {}", r.date),
        _ => "they cannot be resolved".to_string(),
    };
    let message = format!(
        "'{}' is a relative date, but the article has no publication date (front matter `date:` or a dateline); {resolved}, and tense checks are off",
        quote(doc.text, first.span)
    );
    let mut f = NO_REFERENCE.finding(first.span, message);
    if let (Some(t), DocKind::Markdown) = (today, doc.kind) {
        let edit = match &doc.front_matter {
            Some(fm) if fm.date.is_none() && doc.text.starts_with("---") => {
                let at = doc.text.find('\n').map_or(fm.span.start, |i| i + 1);
                Edit::insert(at, format!("date: {t}\n"))
            }
            Some(_) => {
                out.push(f);
                return;
            }
            None => Edit::insert(0, format!("---\ndate: {t}\n---\n\n")),
        };
        f = f.with_fix(Fix::new(format!("Add front matter with 'date: {t}'"), Applicability::Unsafe, vec![edit]));
    }
    out.push(f);
}

mod memo;
pub use memo::{Memo, MemoStats};

#[cfg(test)]
mod tests;
