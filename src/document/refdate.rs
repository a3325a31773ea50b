//! The publication (reference) date: the anchor for relative dates and tense.
//!
//! Precedence: explicit setting (flag / editor) > front matter `date:`/`published:` > a dateline
//! at the top ("DENVER, March 4, 2025 —") > the config file > today's date from the front end.
use jiff::civil::Date;
use serde::Serialize;

use super::Document;
use super::settings::Settings;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefSource {
    /// `--reference-date` or the editor setting.
    Setting,
    FrontMatter,
    Dateline,
    Config,
    Today,
}

impl RefSource {
    pub fn as_str(self) -> &'static str {
        match self {
            RefSource::Setting => "setting",
            RefSource::FrontMatter => "front-matter",
            RefSource::Dateline => "dateline",
            RefSource::Config => "config",
            RefSource::Today => "today",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub date: Date,
    pub source: RefSource,
}

/// The reference date by the precedence above. `dateline` reads a dateline's date, given the
/// fallback date that decides a missing year (the date analysis, which lies above this layer,
/// supplies it; it is called only when needed).
pub fn determine(
    doc: &Document,
    settings: &Settings,
    dateline: impl FnOnce(&Document, Option<Date>) -> Option<Date>,
) -> Option<Reference> {
    determine_with_warnings(doc, settings, dateline).0
}

/// [`determine`], and a warning for each date the article states but that cannot be read
/// (naming the field and its value, and which date was used instead).
pub fn determine_with_warnings(
    doc: &Document,
    settings: &Settings,
    dateline: impl FnOnce(&Document, Option<Date>) -> Option<Date>,
) -> (Option<Reference>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut unreadable = Vec::new();
    let reference = find(doc, settings, &mut unreadable, dateline);
    if !unreadable.is_empty() {
        let used = match &reference {
            Some(r) => format!("using {} ({})", r.date, r.source.describe()),
            None => "no publication date is used".to_string(),
        };
        for u in unreadable {
            warnings.push(format!("{u} is not a date copydesk can read; {used}"));
        }
    }
    (reference, warnings)
}

fn find(
    doc: &Document,
    settings: &Settings,
    unreadable: &mut Vec<String>,
    dateline: impl FnOnce(&Document, Option<Date>) -> Option<Date>,
) -> Option<Reference> {
    let r = |date, source| Some(Reference { date, source });
    if let Some(d) = settings.reference_date {
        return r(d, RefSource::Setting);
    }
    if let Some((v, span)) = doc.front_matter.as_ref().and_then(|fm| fm.date.as_ref()) {
        match parse_front_matter_date(v) {
            Some(d) => return r(d, RefSource::FrontMatter),
            None => {
                let key = front_matter_key(doc.text, span.start);
                unreadable.push(format!("front matter `{key}: {v}`"));
            }
        }
    }
    // The year of a dateline that names none ("WASHINGTON, March 4 (Reuters) -"), when the
    // article's own dates do not say: the year that puts it nearest the fallback date.
    let fallback = settings.config_reference_date.or(settings.today);
    if let Some(d) = dateline(doc, fallback) {
        return r(d, RefSource::Dateline);
    }
    match published_line(doc) {
        Some(Ok(d)) => return r(d, RefSource::Dateline),
        Some(Err(line)) => unreadable.push(format!("the line `{line}`")),
        None => {}
    }
    if let Some(d) = settings.config_reference_date {
        return r(d, RefSource::Config);
    }
    settings.today.and_then(|d| r(d, RefSource::Today))
}

impl RefSource {
    /// Where the date came from, in words (for messages and summaries).
    pub fn describe(self) -> &'static str {
        match self {
            RefSource::Setting => "from the --reference-date flag or the editor setting",
            RefSource::FrontMatter => "from the article's front matter",
            RefSource::Dateline => "from the article's dateline",
            RefSource::Config => "from reference-date in copydesk.toml",
            RefSource::Today => "today's date, from the clock",
        }
    }
}

/// The key in front of a front matter value at `value_start` (`date`, `pubDate`, `published`, …).
fn front_matter_key(text: &str, value_start: usize) -> &str {
    let line_start = text[..value_start.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let head = &text[line_start..value_start.min(text.len())];
    head.split([':', '=']).next().unwrap_or("date").trim()
}

/// `Published March 4, 2026` (also `Published: …`, `Published on …`) on one of the first lines
/// of the body: `Ok(date)`, or `Err(line)` when the line names a date that cannot be read.
fn published_line(doc: &Document) -> Option<Result<Date, String>> {
    let start = doc.front_matter.as_ref().map_or(0, |fm| fm.span.end).min(doc.prose.len());
    let lines = doc.prose[start..].lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    for line in lines.take(4) {
        let line = line.trim_start_matches(['*', '_']);
        let Some(rest) = strip_prefix_ci(line, "published") else { continue };
        let rest = rest.trim_start_matches([':', ' ', '*', '_']);
        let rest = strip_prefix_ci(rest, "on ").unwrap_or(rest);
        if rest.len() > 60 {
            continue;
        }
        return Some(parse_front_matter_date(rest).ok_or_else(|| line.chars().take(80).collect()));
    }
    None
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn month_of(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (0..12)
        .find(|&i| full[i].starts_with(&w) || (w == "sept" && i == 8))
        .filter(|&i| w.starts_with(MONTHS[i]))
        .map(|i| i as i8 + 1)
}

/// A publication date as front matter and bylines write it: `2025-03-04`, `2025-03-04T10:00:00Z`,
/// `2025/03/04`, `"2025-03-04"`, `March 4, 2026`, `Mar. 4 2026`, `4 March 2026`,
/// `Wed, 04 Mar 2026 10:00:00 +0000`. `None` when it is not one of these or the day does not exist.
pub fn parse_front_matter_date(value: &str) -> Option<Date> {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'');
    if let Some(iso) = v.get(..10) {
        if let Ok(d) = iso.replace('/', "-").parse::<Date>() {
            return Some(d);
        }
    }
    // Words: a month name, a day (1 or 2 digits, maybe "4th"), a four-digit year; read up to the year.
    let (mut month, mut day, mut year) = (None, None, None);
    for word in v.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()) {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            match digits.len() {
                1 | 2 if day.is_none() => day = digits.parse::<i8>().ok(),
                4 if year.is_none() => {
                    year = digits.parse::<i16>().ok();
                    break;
                }
                _ => return None,
            }
        } else if let Some(m) = month_of(word) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if !is_weekday(word) {
            return None;
        }
    }
    Date::new(year?, month?, day?).ok()
}

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    w.len() >= 3 && crate::text::calendar::WEEKDAYS.iter().any(|d| d.starts_with(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DocKind;
    use jiff::civil::date;

    fn refs(text: &str, today: Option<Date>) -> (Option<Reference>, Vec<String>) {
        let doc = Document::parse(text, DocKind::Markdown, &[]);
        let s = Settings { today, ..Default::default() };
        determine_with_warnings(&doc, &s, crate::dates::dateline)
    }

    #[test]
    fn reads_the_common_written_forms() {
        for v in [
            "2026-03-04",
            "2026-03-04T10:00:00Z",
            "2026/03/04",
            "March 4, 2026",
            "Mar. 4 2026",
            "4 March 2026",
            "Wed, 04 Mar 2026 10:00:00 +0000",
            "Sept. 4, 2026",
        ] {
            let want = if v.starts_with("Sept") { date(2026, 9, 4) } else { date(2026, 3, 4) };
            assert_eq!(parse_front_matter_date(v), Some(want), "{v}");
        }
        for v in ["soon", "March 2026", "Feb. 30, 2026", "2026-02-30", "March 4", "Mayday 4 2026"] {
            assert_eq!(parse_front_matter_date(v), None, "{v}");
        }
    }

    #[test]
    fn front_matter_keys_date_pubdate_and_published() {
        for key in ["date", "pubDate", "published"] {
            let text = format!("---\ntitle: x\n{key}: March 4, 2026\n---\n\nThe council met.\n");
            let (r, w) = refs(&text, Some(date(2030, 1, 1)));
            assert_eq!(r, Some(Reference { date: date(2026, 3, 4), source: RefSource::FrontMatter }), "{key}");
            assert!(w.is_empty(), "{w:?}");
        }
    }

    #[test]
    fn an_unreadable_date_is_a_warning_naming_the_field_value_and_the_date_used() {
        let (r, w) = refs("---\npubDate: the fourth of March\n---\n\nThe council met.\n", Some(date(2030, 1, 1)));
        assert_eq!(r.unwrap().source, RefSource::Today);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("`pubDate: the fourth of March`") && w[0].contains("2030-01-01"), "{}", w[0]);
        assert!(w[0].contains("from the clock"), "{}", w[0]);
    }

    #[test]
    fn published_lines_and_wire_datelines_are_read() {
        let (r, _) = refs("# Budget\n\nPublished March 4, 2026\n\nThe council met.\n", Some(date(2030, 1, 1)));
        assert_eq!(r, Some(Reference { date: date(2026, 3, 4), source: RefSource::Dateline }));
        let (r, _) = refs("*Published: Mar. 4, 2026*\n\nThe council met.\n", None);
        assert_eq!(r.map(|r| r.date), Some(date(2026, 3, 4)));
        let (r, w) = refs("Published sometime last week\n\nThe council met.\n", Some(date(2030, 1, 1)));
        assert_eq!(r.unwrap().source, RefSource::Today);
        assert!(w[0].contains("Published sometime last week"), "{w:?}");
        // No full date in the article: the year is the one nearest the fallback date.
        let (r, _) = refs("WASHINGTON, March 4 (Reuters) - The council met.\n", Some(date(2026, 3, 10)));
        assert_eq!(r, Some(Reference { date: date(2026, 3, 4), source: RefSource::Dateline }));
        let (r, _) = refs("WASHINGTON, Dec. 30 (Reuters) - The council met.\n", Some(date(2027, 1, 2)));
        assert_eq!(r.map(|r| r.date), Some(date(2026, 12, 30)));
    }
}
