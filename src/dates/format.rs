//! Writing dates: AP style, and rewriting a date in the style it was written in.
use jiff::civil::{Date, Weekday};

use super::{DateExpr, MonthForm};

const FULL: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/// AP abbreviations with a day; March through July are always spelled out.
const AP: [&str; 12] =
    ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// The month in AP style: abbreviated only with a day ("Feb. 28", but "February 2025").
pub fn ap_month(m: u8, with_day: bool) -> &'static str {
    let i = (m.clamp(1, 12) - 1) as usize;
    if with_day { AP[i] } else { FULL[i] }
}

/// "Feb. 28, 2025" (or "Feb. 28" without the year).
pub fn ap_date(d: Date, with_year: bool) -> String {
    let mut s = String::with_capacity(16);
    s.push_str(ap_month(d.month() as u8, true));
    s.push(' ');
    push_int(&mut s, d.day().into(), 0);
    if with_year {
        s.push_str(", ");
        push_int(&mut s, d.year().into(), 0);
    }
    s
}

/// Appends `n` in decimal, zero-padded to `width` characters with the sign counted, exactly as
/// `format!("{n:0width$}")` writes it. Dates are written for every date of an article (values,
/// labels, messages), and going through `format!` cost several times the work.
pub(crate) fn push_int(out: &mut String, n: i64, width: usize) {
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(n.unsigned_abs());
    let len = digits.len() + usize::from(n < 0);
    if n < 0 {
        out.push('-');
    }
    for _ in len..width {
        out.push('0');
    }
    out.push_str(digits);
}

/// `n` in decimal, zero-padded to `width` (see [`push_int`]).
pub(crate) fn int(n: i64, width: usize) -> String {
    let mut s = String::with_capacity(width.max(4));
    push_int(&mut s, n, width);
    s
}

/// "2025-03-04": `format!("{y:04}-{m:02}-{d:02}")`.
pub(crate) fn ymd(y: i32, m: u8, d: u8) -> String {
    let mut s = String::with_capacity(10);
    push_int(&mut s, y.into(), 4);
    s.push('-');
    push_int(&mut s, m.into(), 2);
    s.push('-');
    push_int(&mut s, d.into(), 2);
    s
}

fn ordinal_suffix(d: u8) -> &'static str {
    match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// `s` in capitals when `model` is written in capitals (more than one letter, all upper case).
fn match_case(model: &str, s: &str) -> String {
    if all_caps(model) { s.to_uppercase() } else { s.to_string() }
}

/// More than one letter, and every letter upper case (no list of them built: this runs for
/// every rewritten weekday, month and ordinal).
fn all_caps(model: &str) -> bool {
    let mut letters = 0;
    for c in model.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters > 1
}

fn month_like(form: MonthForm, orig: &str, m: u8) -> String {
    let i = (m.clamp(1, 12) - 1) as usize;
    let s = match form {
        MonthForm::Full => FULL[i].to_string(),
        MonthForm::Ap => AP[i].to_string(),
        MonthForm::ShortDot => {
            // Keep "Sept." if the writer used four letters for September.
            if m == 9 && orig.len() >= 5 { "Sept.".into() } else { format!("{}.", SHORT[i]) }
        }
        MonthForm::Short => SHORT[i].to_string(),
        MonthForm::Numeric => {
            if orig.len() == 2 {
                format!("{m:02}")
            } else {
                m.to_string()
            }
        }
    };
    match_case(orig, &s)
}

/// The date part of `e` rewritten to `(y, m, d)` in the way it was written: same month form,
/// separators, ordinal suffix and zero padding. `None` when `e` is not a written calendar date.
pub fn render_like(e: &DateExpr, text: &str, y: i32, m: u8, d: u8) -> Option<String> {
    let w = e.written.as_ref()?;
    let mut parts: Vec<(crate::text::Span, String)> = Vec::new();
    if let Some(s) = w.month_span {
        let orig = s.slice(text);
        let form_orig = if w.style == super::DateStyle::Iso { "00" } else { orig };
        parts.push((s, month_like(w.month_form, form_orig, m)));
    }
    if let Some(s) = w.day_span {
        let orig = s.slice(text);
        let digits = orig.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let padded = (digits.len() == 2 && digits.starts_with('0')) || w.style == super::DateStyle::Iso;
        let mut out = if padded { format!("{d:02}") } else { d.to_string() };
        if digits.len() < orig.len() {
            out.push_str(&match_case(&orig[digits.len()..], ordinal_suffix(d)));
        }
        parts.push((s, out));
    }
    if let Some(s) = w.year_span {
        let out = if s.len() == 2 { format!("{:02}", y.rem_euclid(100)) } else { y.to_string() };
        parts.push((s, out));
    }
    parts.sort_by_key(|(s, _)| s.start);
    let ds = e.date_span;
    let mut out = String::new();
    let mut pos = ds.start;
    for (s, new) in parts {
        if s.start < pos || s.end > ds.end {
            return None;
        }
        out.push_str(text.get(pos..s.start)?);
        out.push_str(&new);
        pos = s.end;
    }
    out.push_str(text.get(pos..ds.end)?);
    Some(out)
}

/// `w` written like `orig` ("Tue." → "Wed.", "TUESDAY" → "WEDNESDAY").
pub fn weekday_like(orig: &str, w: Weekday) -> String {
    let full = weekday_name(w);
    let letters = orig.trim_end_matches('.');
    if letters.len() >= 6 && !all_caps(orig) {
        return full.to_string();
    }
    let s = if letters.len() >= 6 {
        full.to_string()
    } else {
        let n = letters.len().clamp(3, 4);
        // "Tues." and "Thurs." are the common four- and five-letter forms.
        let short = match (w, n) {
            (Weekday::Tuesday, 4) => "Tues",
            (Weekday::Thursday, 4) => "Thur",
            _ => &full[..3],
        };
        let short = if letters.eq_ignore_ascii_case("thurs") && w == Weekday::Thursday { "Thurs" } else { short };
        if orig.ends_with('.') { format!("{short}.") } else { short.to_string() }
    };
    match_case(orig, &s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn ap_spells_march_to_july_and_abbreviates_the_rest_with_a_day() {
        assert_eq!(ap_date(date(2025, 2, 28), true), "Feb. 28, 2025");
        assert_eq!(ap_date(date(2025, 3, 1), true), "March 1, 2025");
        assert_eq!(ap_date(date(2024, 9, 3), false), "Sept. 3");
        assert_eq!(ap_month(12, false), "December");
    }

    #[test]
    fn integers_are_written_as_format_writes_them() {
        for n in [0i64, 1, -1, 7, -7, 9, 10, 99, -99, 100, 999, 1000, 2025, -2025, 12345, i64::MIN, i64::MAX] {
            for width in [0, 1, 2, 3, 4, 6] {
                assert_eq!(int(n, width), format!("{n:0width$}"), "{n} {width}");
            }
        }
        assert_eq!(ymd(2025, 3, 4), "2025-03-04");
        assert_eq!(ymd(-5, 12, 31), format!("{:04}-{:02}-{:02}", -5, 12, 31));
        assert_eq!(ap_date(date(2025, 12, 31), true), "Dec. 31, 2025");
    }

    #[test]
    fn weekdays_keep_their_form() {
        assert_eq!(weekday_like("Tue.", Weekday::Wednesday), "Wed.");
        assert_eq!(weekday_like("Tues.", Weekday::Thursday), "Thur.");
        assert_eq!(weekday_like("MONDAY", Weekday::Friday), "FRIDAY");
        assert_eq!(weekday_like("Monday", Weekday::Tuesday), "Tuesday");
        assert_eq!(weekday_like("monday", Weekday::Tuesday), "Tuesday");
        assert_eq!(weekday_like("MONDAY.", Weekday::Sunday), "SUNDAY");
        assert_eq!(weekday_like("THU", Weekday::Friday), "FRI");
        assert_eq!(weekday_like("T", Weekday::Friday), "Fri");
    }

    #[test]
    fn capitals_are_kept_only_from_a_model_of_two_or_more_capital_letters() {
        assert!(all_caps("MAR."));
        assert!(all_caps("ST"));
        assert!(!all_caps("S"));
        assert!(!all_caps("St"));
        assert!(!all_caps("12"));
        assert!(!all_caps(""));
        assert_eq!(match_case("3RD", "st"), "ST");
        assert_eq!(match_case("3rd", "st"), "st");
    }

    #[test]
    fn ordinals_are_english() {
        assert_eq!(ordinal_suffix(1), "st");
        assert_eq!(ordinal_suffix(12), "th");
        assert_eq!(ordinal_suffix(22), "nd");
        assert_eq!(ordinal_suffix(23), "rd");
        assert_eq!(ordinal_suffix(30), "th");
    }
}
