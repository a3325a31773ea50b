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

/// The reference date by the precedence above; `dateline` reads a dateline's date (the date
/// analysis, which lies above this layer, supplies it; it is called only when needed).
pub fn determine(
    doc: &Document,
    settings: &Settings,
    dateline: impl FnOnce(&Document) -> Option<Date>,
) -> Option<Reference> {
    let r = |date, source| Some(Reference { date, source });
    if let Some(d) = settings.reference_date {
        return r(d, RefSource::Setting);
    }
    if let Some(d) =
        doc.front_matter.as_ref().and_then(|fm| fm.date.as_ref()).and_then(|(v, _)| parse_front_matter_date(v))
    {
        return r(d, RefSource::FrontMatter);
    }
    if let Some(d) = dateline(doc) {
        return r(d, RefSource::Dateline);
    }
    if let Some(d) = settings.config_reference_date {
        return r(d, RefSource::Config);
    }
    settings.today.and_then(|d| r(d, RefSource::Today))
}

/// `2025-03-04`, `2025-03-04T10:00:00Z`, `"2025-03-04"`: the first ten characters as an ISO date.
pub fn parse_front_matter_date(value: &str) -> Option<Date> {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'');
    v.get(..10)?.parse::<Date>().ok()
}
