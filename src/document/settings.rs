//! Everything a check depends on besides the text. Built by the front ends (CLI flags, config
//! file, editor settings); the engine never reads files, the environment or the clock.
use std::collections::BTreeMap;

use jiff::civil::Date;

use super::finding::Severity;

/// How to read the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DocKind {
    #[default]
    Markdown,
    Plain,
}

impl DocKind {
    /// `.md`/`.markdown` are Markdown, `.txt` is plain text; `None` for anything else.
    pub fn from_extension(ext: &str) -> Option<DocKind> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Some(DocKind::Markdown),
            "txt" | "text" => Some(DocKind::Plain),
            _ => None,
        }
    }
}

/// Per rule or per family (`date`, `date/invalid`) overrides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleSetting {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
}

#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub kind: DocKind,
    /// The publication date given explicitly (CLI flag or editor setting): wins over everything.
    pub reference_date: Option<Date>,
    /// `reference-date` from the config file: used when the article itself names no date.
    pub config_reference_date: Option<Date>,
    /// Today's date as the front end knows it: the last resort. Never read from the clock here.
    pub today: Option<Date>,
    /// Keyed by rule id (`date/invalid`) or family (`date`); a rule id beats its family.
    pub rules: BTreeMap<String, RuleSetting>,
    /// `--select`: when non-empty, only these rules/families run.
    pub select: Vec<String>,
    /// `--ignore`: these rules/families never run.
    pub ignore: Vec<String>,
    /// Extra vague-source phrases ("insiders say").
    pub extra_vague_phrases: Vec<String>,
    /// Extra abbreviations that do not end a sentence ("Supt.").
    pub extra_abbreviations: Vec<String>,
    /// Names that count as named sources ("the Ledger", "Harwick Institute").
    pub known_sources: Vec<String>,
    /// Where rule documentation lives (`docs-url`; see `rules::docs_url`). Not read by the
    /// engine: carried here from the config file and editor settings to the front ends' links.
    pub docs_url: Option<String>,
}

fn matches(key: &str, rule: &str) -> bool {
    key == rule || rule.split('/').next() == Some(key)
}

impl Settings {
    /// Whether `rule` runs under these settings (select/ignore, then `enabled`).
    pub fn rule_enabled(&self, rule: &str) -> bool {
        if !self.select.is_empty() && !self.select.iter().any(|k| matches(k, rule)) {
            return false;
        }
        if self.ignore.iter().any(|k| matches(k, rule)) {
            return false;
        }
        self.lookup(rule).and_then(|s| s.enabled).unwrap_or(true)
    }

    /// The severity `rule` reports at: settings override, else `default`.
    pub fn severity(&self, rule: &str, default: Severity) -> Severity {
        self.lookup_with(rule, |s| s.severity).unwrap_or(default)
    }

    fn lookup(&self, rule: &str) -> Option<&RuleSetting> {
        // Most checks set no rule at all: every finding asks, so skip the hashing and splitting.
        if self.rules.is_empty() {
            return None;
        }
        self.rules.get(rule).or_else(|| self.rules.get(rule.split('/').next()?))
    }

    fn lookup_with<T>(&self, rule: &str, f: impl Fn(&RuleSetting) -> Option<T>) -> Option<T> {
        if self.rules.is_empty() {
            return None;
        }
        self.rules.get(rule).and_then(&f).or_else(|| self.rules.get(rule.split('/').next()?).and_then(&f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_setting_beats_family_setting() {
        let mut s = Settings::default();
        s.rules.insert("date".into(), RuleSetting { enabled: Some(false), severity: Some(Severity::Info) });
        s.rules.insert("date/invalid".into(), RuleSetting { enabled: Some(true), severity: None });
        assert!(s.rule_enabled("date/invalid"));
        assert!(!s.rule_enabled("date/weekday"));
        assert_eq!(s.severity("date/invalid", Severity::Error), Severity::Info);
    }

    #[test]
    fn select_and_ignore_take_families_and_ids() {
        let s = Settings { select: vec!["date".into()], ignore: vec!["date/relative".into()], ..Default::default() };
        assert!(s.rule_enabled("date/invalid"));
        assert!(!s.rule_enabled("date/relative"));
        assert!(!s.rule_enabled("claim/unsourced"));
    }
}
