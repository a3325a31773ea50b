//! `copydesk.toml` discovery and parsing. The only module besides the front ends that reads files.
//!
//! *Invariant:* every error names the file, the key and the line. Unknown keys, unknown rule ids
//! or families, and values of the wrong type or range are errors, never silently ignored.
//! *Boundary:* produces a [`Config`]; [`Config::apply`] folds it under settings the front end has
//! already set explicitly (flags, editor settings), so explicit values always win.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use crate::document::{RuleSetting, Settings, Severity};
use crate::text::position::{Encoding, LineIndex};

/// A parsed configuration file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub path: Option<PathBuf>,
    /// `reference-date`: used when the article itself names no publication date.
    pub reference_date: Option<Date>,
    /// `[rules.ID]` / `[rules.FAMILY]`.
    pub rules: BTreeMap<String, RuleSetting>,
    /// `known-sources`: names the attribution rules accept as named sources.
    pub known_sources: Vec<String>,
    /// `vague-phrases`: extra vague-source phrases.
    pub vague_phrases: Vec<String>,
    /// `abbreviations`: extra abbreviations that do not end a sentence.
    pub abbreviations: Vec<String>,
    /// `docs-url`: where rule documentation pages live (diagnostic links, SARIF `helpUri`).
    pub docs_url: Option<String>,
}

/// A configuration error that names the file, key and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: Option<PathBuf>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}: {}", p.display(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The file names looked for, nearest first in each directory.
pub const FILE_NAMES: [&str; 2] = ["copydesk.toml", ".copydesk.toml"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    reference_date: Option<Spanned<String>>,
    docs_url: Option<Spanned<String>>,
    rules: Option<BTreeMap<Spanned<String>, RawRule>>,
    known_sources: Option<Vec<Spanned<String>>>,
    vague_phrases: Option<Vec<Spanned<String>>>,
    abbreviations: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    enabled: Option<bool>,
    severity: Option<Spanned<String>>,
}

/// Turns byte offsets in the config text into 1-based line numbers, and finds the key a line sets.
struct Locator<'a> {
    text: &'a str,
    index: LineIndex,
    path: Option<&'a Path>,
}

impl Locator<'_> {
    fn line(&self, offset: usize) -> u32 {
        self.index.position(self.text, offset, Encoding::Utf32).line + 1
    }

    fn error(&self, offset: usize, message: String) -> ConfigError {
        ConfigError {
            path: self.path.map(Path::to_path_buf),
            message: format!("line {}: {message}", self.line(offset)),
        }
    }

    /// The dotted key a value at `offset` belongs to: the table header above it plus the key on
    /// its line (`rules.date.severity`). Used to name the key in toml's own type errors.
    fn key_at(&self, offset: usize) -> Option<String> {
        let line = self.index.position(self.text, offset, Encoding::Utf8).line as usize;
        let lines: Vec<&str> = self.text.lines().collect();
        let here = lines.get(line)?.trim();
        let key = here.split_once('=').map(|(k, _)| clean_key(k));
        let table = lines[..line]
            .iter()
            .rev()
            .map(|l| l.trim())
            .find(|l| l.starts_with('['))
            .map(|l| clean_key(l.trim_start_matches('[').split(']').next().unwrap_or("")));
        match (table, key) {
            (Some(t), Some(k)) if !here.starts_with('[') => Some(format!("{t}.{k}")),
            (_, Some(k)) => Some(k),
            (Some(t), None) => Some(t),
            (None, None) => None,
        }
    }
}

fn clean_key(k: &str) -> String {
    k.split('.').map(|p| p.trim().trim_matches('"').trim_matches('\'')).collect::<Vec<_>>().join(".")
}

fn check_list(loc: &Locator, key: &str, list: Option<Vec<Spanned<String>>>) -> Result<Vec<String>, ConfigError> {
    let mut out = Vec::new();
    for item in list.unwrap_or_default() {
        let v = item.get_ref().trim();
        if v.is_empty() {
            return Err(loc.error(item.span().start, format!("`{key}`: entries must not be empty")));
        }
        if !out.iter().any(|o| o == v) {
            out.push(v.to_string());
        }
    }
    Ok(out)
}

impl Config {
    /// Parse the text of a config file (`path` only for messages).
    pub fn parse(text: &str, path: Option<&Path>) -> Result<Config, ConfigError> {
        let loc = Locator { text, index: LineIndex::new(text), path };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let msg = e
                .message()
                .trim()
                .replace("struct RawRule", "a table such as { enabled = false, severity = \"info\" }")
                .replace("struct RawConfig", "a table")
                .replace('\n', "; ");
            match e.span() {
                Some(span) => {
                    // toml names the key itself for unknown fields; for type errors we add it.
                    let named = msg.contains("unknown field") || msg.contains("duplicate key");
                    match loc.key_at(span.start).filter(|_| !named) {
                        Some(k) => loc.error(span.start, format!("`{k}`: {msg}")),
                        None => loc.error(span.start, msg),
                    }
                }
                None => ConfigError { path: path.map(Path::to_path_buf), message: msg },
            }
        })?;

        let reference_date = match raw.reference_date {
            None => None,
            Some(d) => Some(d.get_ref().trim().parse::<Date>().map_err(|_| {
                loc.error(
                    d.span().start,
                    format!("`reference-date`: '{}' is not a date in the form YYYY-MM-DD", d.get_ref()),
                )
            })?),
        };

        let docs_url = match raw.docs_url {
            None => None,
            Some(u) => {
                let v = u.get_ref().trim();
                if !(v.starts_with("https://") || v.starts_with("http://") || v.starts_with("file://")) {
                    return Err(loc.error(
                        u.span().start,
                        format!("`docs-url`: '{v}' is not a URL (it must start with https://, http:// or file://)"),
                    ));
                }
                Some(v.to_string())
            }
        };

        let mut rules = BTreeMap::new();
        for (key, rule) in raw.rules.unwrap_or_default() {
            let id = key.get_ref().as_str();
            if !crate::rules::is_known_rule_or_family(id) {
                let near = crate::rules::near_ids(id);
                let hint =
                    if near.is_empty() { String::new() } else { format!(" (did you mean {}?)", near.join(", ")) };
                return Err(loc.error(key.span().start, format!("`rules.{id}`: no rule or family '{id}'{hint}")));
            }
            let severity = match rule.severity {
                None => None,
                Some(s) => Some(Severity::parse(s.get_ref().trim()).ok_or_else(|| {
                    loc.error(
                        s.span().start,
                        format!(
                            "`rules.{id}.severity`: '{}' is not a severity (error, warning, info or hint)",
                            s.get_ref()
                        ),
                    )
                })?),
            };
            rules.insert(id.to_string(), RuleSetting { enabled: rule.enabled, severity });
        }

        Ok(Config {
            path: path.map(Path::to_path_buf),
            reference_date,
            rules,
            docs_url,
            known_sources: check_list(&loc, "known-sources", raw.known_sources)?,
            vague_phrases: check_list(&loc, "vague-phrases", raw.vague_phrases)?,
            abbreviations: check_list(&loc, "abbreviations", raw.abbreviations)?,
        })
    }

    /// Read and parse a file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError { path: Some(path.to_path_buf()), message: e.to_string() })?;
        Config::parse(&text, Some(path))
    }

    /// Apply this configuration under `settings` (explicit settings already there win).
    pub fn apply(&self, settings: &mut Settings) {
        if settings.config_reference_date.is_none() {
            settings.config_reference_date = self.reference_date;
        }
        if settings.docs_url.is_none() {
            settings.docs_url = self.docs_url.clone();
        }
        for (key, rule) in &self.rules {
            let s = settings.rules.entry(key.clone()).or_default();
            s.enabled = s.enabled.or(rule.enabled);
            s.severity = s.severity.or(rule.severity);
        }
        let extend = |into: &mut Vec<String>, from: &[String]| {
            for v in from {
                if !into.contains(v) {
                    into.push(v.clone());
                }
            }
        };
        extend(&mut settings.known_sources, &self.known_sources);
        extend(&mut settings.extra_vague_phrases, &self.vague_phrases);
        extend(&mut settings.extra_abbreviations, &self.abbreviations);
    }
}

/// Walk up from `start` (a file or directory) to the nearest config file.
pub fn find(start: &Path) -> Option<PathBuf> {
    let dir = if start.is_dir() { start } else { start.parent()? };
    dir.ancestors().flat_map(|d| FILE_NAMES.iter().map(move |n| d.join(n))).find(|p| p.is_file())
}

/// A commented default configuration file: every key, commented out, with a line on each.
///
/// Lines starting `## ` are prose; lines starting `# ` are settings (remove the `# ` to use one).
pub fn default_file() -> String {
    let mut s = String::from(
        "## copydesk.toml: configuration for copydesk. The nearest copydesk.toml (or .copydesk.toml)
## above each checked file is used; `--config PATH` picks one, `--no-config` ignores them all.
## Command-line flags and editor settings win over this file. Every key is optional; remove
## the leading `# ` from a setting to use it. Lines starting `## ` are explanations.

## The publication date to use when an article names none itself (no --reference-date,
## no `date:`/`pubDate:`/`published:` in its front matter, no dateline or \"Published …\" line).
## Without it, today's date is used.
# reference-date = \"2025-03-04\"

## Names the attribution rules accept as named sources (outlets, agencies, institutions).
# known-sources = [\"the Ledger\", \"Harwick Institute\"]

## Extra phrases that attribute a claim to nobody in particular, flagged like \"experts say\".
# vague-phrases = [\"insiders say\", \"people close to the matter\"]

## Extra abbreviations that never end a sentence (with their full stop).
# abbreviations = [\"Supt.\", \"Insp.\"]

## Where rule documentation lives: each finding in an editor (and each rule in SARIF output)
## links to BASE/RULE-ID.md, or to the URL with `{id}` replaced by the rule id. The default is
## the docs/rules/ folder of copydesk's repository.
# docs-url = \"https://newsroom.example/copydesk-rules/{id}\"

## Rules, per family ([rules.date]) or per rule ([rules.\"date/invalid\"]); a rule's own table
## wins over its family's. `enabled` turns a rule off or on; `severity` is one of
## \"error\", \"warning\", \"info\", \"hint\". `copydesk rules` lists every rule, `copydesk rule ID`
## explains one. The values shown are the defaults.
",
    );
    for family in crate::rules::FAMILIES {
        s.push_str(&format!("\n## Every `{}/*` rule.\n# [rules.{}]\n# enabled = true\n", family.name(), family.name()));
        for r in family.rules() {
            s.push_str(&format!(
                "\n## {}: {}\n# [rules.\"{}\"]\n# enabled = true\n# severity = \"{}\"\n",
                r.id,
                r.summary,
                r.id,
                r.default_severity.as_str()
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        Config::parse(text, Some(Path::new("copydesk.toml"))).unwrap_err().to_string()
    }

    #[test]
    fn parses_every_key() {
        let c = Config::parse(
            "reference-date = \"2024-02-29\"\nknown-sources = [\"the Ledger\", \"the Ledger\"]\n\
             vague-phrases = [\"insiders say\"]\nabbreviations = [\"Supt.\"]\n\n[rules.date]\nenabled = false\n\
             [rules.claim]\nseverity = \"info\"\n",
            None,
        )
        .unwrap();
        assert_eq!(c.reference_date, Some(jiff::civil::date(2024, 2, 29)));
        assert_eq!(c.known_sources, ["the Ledger"]);
        assert_eq!(c.vague_phrases, ["insiders say"]);
        assert_eq!(c.abbreviations, ["Supt."]);
        assert_eq!(c.rules["date"], RuleSetting { enabled: Some(false), severity: None });
        assert_eq!(c.rules["claim"], RuleSetting { enabled: None, severity: Some(Severity::Info) });
    }

    #[test]
    fn unknown_top_level_key_names_key_and_line() {
        let e = err("reference-date = \"2025-01-01\"\n\nrefrence-date = 3\n");
        assert!(e.starts_with("copydesk.toml: line 3: "), "{e}");
        assert!(e.contains("refrence-date"), "{e}");
    }

    #[test]
    fn docs_url_must_be_a_url() {
        let c = Config::parse("docs-url = \"https://newsroom.example/rules/\"\n", None).unwrap();
        assert_eq!(c.docs_url.as_deref(), Some("https://newsroom.example/rules/"));
        let mut s = Settings::default();
        c.apply(&mut s);
        assert_eq!(s.docs_url.as_deref(), Some("https://newsroom.example/rules/"));
        let e = err("\ndocs-url = \"docs/rules\"\n");
        assert!(e.contains("line 2") && e.contains("`docs-url`") && e.contains("not a URL"), "{e}");
    }

    #[test]
    fn unknown_key_in_a_rule_table_names_key_and_line() {
        let e = err("[rules.date]\nenabled = true\nseverty = \"info\"\n");
        assert!(e.contains("line 3") && e.contains("severty"), "{e}");
    }

    #[test]
    fn bad_severity_names_key_and_line() {
        let e = err("\n[rules.attribution]\nseverity = \"loud\"\n");
        assert!(e.contains("line 3") && e.contains("rules.attribution.severity") && e.contains("loud"), "{e}");
    }

    #[test]
    fn wrong_type_names_key_and_line() {
        let e = err("[rules.date]\nenabled = \"no\"\n");
        assert!(e.contains("line 2") && e.contains("rules.date.enabled"), "{e}");
        let e = err("known-sources = \"the Ledger\"\n");
        assert!(e.contains("line 1") && e.contains("known-sources"), "{e}");
    }

    #[test]
    fn bad_date_names_key_and_line() {
        let e = err("# comment\nreference-date = \"2025-02-30\"\n");
        assert!(e.contains("line 2") && e.contains("reference-date") && e.contains("2025-02-30"), "{e}");
    }

    #[test]
    fn unknown_rule_or_family_is_an_error() {
        let e = err("[rules.dates]\nenabled = false\n");
        assert!(e.contains("line 1") && e.contains("rules.dates") && e.contains("did you mean date"), "{e}");
    }

    #[test]
    fn empty_list_entry_is_an_error() {
        let e = err("abbreviations = [\"Supt.\",\n  \"\"]\n");
        assert!(e.contains("line 2") && e.contains("abbreviations"), "{e}");
    }

    #[test]
    fn syntax_error_gives_a_line() {
        let e = err("reference-date = \n");
        assert!(e.contains("line 1"), "{e}");
    }

    #[test]
    fn apply_keeps_explicit_values() {
        let c = Config::parse(
            "reference-date = \"2025-01-01\"\nknown-sources = [\"A\"]\n[rules.date]\nenabled = false\nseverity = \"hint\"\n",
            None,
        )
        .unwrap();
        let mut s = Settings { config_reference_date: Some(jiff::civil::date(2020, 5, 5)), ..Default::default() };
        s.rules.insert("date".into(), RuleSetting { enabled: Some(true), severity: None });
        s.known_sources.push("B".into());
        c.apply(&mut s);
        assert_eq!(s.config_reference_date, Some(jiff::civil::date(2020, 5, 5)));
        assert_eq!(s.rules["date"], RuleSetting { enabled: Some(true), severity: Some(Severity::Hint) });
        assert_eq!(s.known_sources, ["B", "A"]);
        let mut fresh = Settings::default();
        c.apply(&mut fresh);
        assert_eq!(fresh.config_reference_date, Some(jiff::civil::date(2025, 1, 1)));
        assert_eq!(fresh.reference_date, None);
    }

    /// Uncomment every setting line of the default file: it must parse and mean the defaults.
    #[test]
    fn default_file_round_trips() {
        let text = default_file();
        assert!(Config::parse(&text, None).unwrap() == Config::default(), "all commented: an empty config");
        let uncommented: String = text
            .lines()
            .map(|l| if l.starts_with("## ") || l == "##" { "" } else { l.strip_prefix("# ").unwrap_or(l) })
            .map(|l| format!("{l}\n"))
            .collect();
        let c = Config::parse(&uncommented, None).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        assert_eq!(c.reference_date, Some(jiff::civil::date(2025, 3, 4)));
        assert_eq!(c.known_sources.len(), 2);
        assert_eq!(c.vague_phrases.len(), 2);
        assert_eq!(c.abbreviations, ["Supt.", "Insp."]);
        for f in crate::rules::FAMILIES {
            assert_eq!(c.rules[f.name()].enabled, Some(true));
            for r in f.rules() {
                assert_eq!(c.rules[r.id], RuleSetting { enabled: Some(true), severity: Some(r.default_severity) });
            }
        }
        // Every line is prose (`## `), a setting (`# `) or blank.
        assert!(text.lines().all(|l| l.is_empty() || l.starts_with("# ") || l.starts_with("##")));
    }
}
