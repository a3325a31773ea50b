//! Editor settings (docs/settings.md): one JSON object from `initializationOptions` or the
//! `copydesk` section of `workspace/configuration`, validated as a whole.
//!
//! *Invariant:* a value that fails validation is rejected entirely with an error naming the key,
//! so the caller can keep the previous settings.
//!
//! Wherever an object is expected, an empty array `[]` is read as the empty object: clients
//! written in Lua or Vimscript (Neovim, for one) cannot tell `{}` from `[]` and send an empty
//! table as `[]`.
use std::collections::BTreeMap;
use std::sync::LazyLock;

use jiff::civil::Date;
use serde_json::{Map, Value};

use crate::document::{RuleSetting, Settings, Severity};

/// The default `maxDocumentSize` in bytes.
pub const DEFAULT_MAX_DOCUMENT_SIZE: usize = 4_000_000;

/// Validated editor settings.
#[derive(Clone, Debug, PartialEq)]
pub struct EditorSettings {
    pub reference_date: Option<Date>,
    pub inlay_hints: bool,
    pub max_document_size: usize,
    pub rules: BTreeMap<String, RuleSetting>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub known_sources: Vec<String>,
    pub vague_phrases: Vec<String>,
    pub abbreviations: Vec<String>,
    /// `docsUrl`: where rule pages live (each diagnostic's `codeDescription.href`).
    pub docs_url: Option<String>,
}

impl Default for EditorSettings {
    fn default() -> Self {
        EditorSettings {
            reference_date: None,
            inlay_hints: true,
            max_document_size: DEFAULT_MAX_DOCUMENT_SIZE,
            rules: BTreeMap::new(),
            select: Vec::new(),
            ignore: Vec::new(),
            known_sources: Vec::new(),
            vague_phrases: Vec::new(),
            abbreviations: Vec::new(),
            docs_url: None,
        }
    }
}

/// A settings error naming the offending key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsError {
    pub key: String,
    pub message: String,
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "copydesk: invalid setting `{}`: {}", self.key, self.message)
    }
}

fn err(key: &str, message: impl Into<String>) -> SettingsError {
    SettingsError { key: key.to_string(), message: message.into() }
}

static EMPTY_OBJECT: LazyLock<Map<String, Value>> = LazyLock::new(Map::new);

/// `v` as an object, reading `[]` as `{}` (see the module docs); `None` for anything else.
fn as_object(v: &Value) -> Option<&Map<String, Value>> {
    match v {
        Value::Object(o) => Some(o),
        Value::Array(a) if a.is_empty() => Some(&EMPTY_OBJECT),
        _ => None,
    }
}

fn known_rule(key: &str) -> bool {
    crate::rules::is_known_rule_or_family(key)
}

fn string_list(key: &str, v: &Value, check_rules: bool) -> Result<Vec<String>, SettingsError> {
    let arr = v.as_array().ok_or_else(|| err(key, "expected a list of strings"))?;
    let mut out = Vec::with_capacity(arr.len());
    for item in arr {
        let s = item.as_str().ok_or_else(|| err(key, format!("expected a string, got {item}")))?;
        if check_rules && !known_rule(s) {
            return Err(err(key, format!("unknown rule or family '{s}'")));
        }
        out.push(s.to_string());
    }
    Ok(out)
}

impl EditorSettings {
    /// Parse and validate. `null` (or a missing section) means the defaults. Unknown keys are
    /// ignored (returned so the caller can log them) to stay compatible with newer editors.
    pub fn from_json(value: Option<&Value>) -> Result<(EditorSettings, Vec<String>), SettingsError> {
        let mut s = EditorSettings::default();
        let mut unknown = Vec::new();
        let obj: &Map<String, Value> = match value {
            None | Some(Value::Null) => return Ok((s, unknown)),
            Some(v) => as_object(v).ok_or_else(|| err("copydesk", format!("expected an object, got {v}")))?,
        };
        for (key, v) in obj {
            match key.as_str() {
                "referenceDate" => {
                    s.reference_date = match v {
                        Value::Null => None,
                        Value::String(t) if t.trim().is_empty() => None,
                        Value::String(t) => Some(
                            t.trim()
                                .parse::<Date>()
                                .map_err(|_| err(key, format!("'{t}' is not a date of the form YYYY-MM-DD")))?,
                        ),
                        _ => return Err(err(key, "expected a string YYYY-MM-DD or null")),
                    }
                }
                "inlayHints" => s.inlay_hints = v.as_bool().ok_or_else(|| err(key, "expected true or false"))?,
                "maxDocumentSize" => {
                    s.max_document_size = v
                        .as_u64()
                        .and_then(|n| usize::try_from(n).ok())
                        .ok_or_else(|| err(key, "expected a non-negative integer (bytes)"))?
                }
                "rules" => {
                    let o = as_object(v).ok_or_else(|| err(key, "expected an object keyed by rule id or family"))?;
                    for (id, rs) in o {
                        let k = format!("rules.{id}");
                        if !known_rule(id) {
                            return Err(err(&k, format!("unknown rule or family '{id}'")));
                        }
                        let ro = as_object(rs).ok_or_else(|| err(&k, "expected { enabled, severity }"))?;
                        let mut setting = RuleSetting::default();
                        for (field, fv) in ro {
                            match field.as_str() {
                                "enabled" => {
                                    setting.enabled = Some(
                                        fv.as_bool()
                                            .ok_or_else(|| err(&format!("{k}.enabled"), "expected true or false"))?,
                                    )
                                }
                                "severity" => {
                                    let name = fv.as_str().unwrap_or("");
                                    setting.severity = Some(Severity::parse(name).ok_or_else(|| {
                                        err(
                                            &format!("{k}.severity"),
                                            format!("expected error, warning, info or hint, got {fv}"),
                                        )
                                    })?)
                                }
                                other => unknown.push(format!("{k}.{other}")),
                            }
                        }
                        s.rules.insert(id.clone(), setting);
                    }
                }
                "select" => s.select = string_list(key, v, true)?,
                "ignore" => s.ignore = string_list(key, v, true)?,
                "knownSources" => s.known_sources = string_list(key, v, false)?,
                "vaguePhrases" => s.vague_phrases = string_list(key, v, false)?,
                "abbreviations" => s.abbreviations = string_list(key, v, false)?,
                "docsUrl" => {
                    s.docs_url = match v {
                        Value::Null => None,
                        Value::String(t) if t.trim().is_empty() => None,
                        Value::String(t)
                            if t.trim().starts_with("http://")
                                || t.trim().starts_with("https://")
                                || t.trim().starts_with("file://") =>
                        {
                            Some(t.trim().to_string())
                        }
                        _ => return Err(err(key, "expected a URL (https://…, http://… or file://…) or null")),
                    }
                }
                other => unknown.push(other.to_string()),
            }
        }
        Ok((s, unknown))
    }

    /// The engine settings these editor settings stand for (before the config file is applied
    /// under them).
    pub fn to_settings(&self) -> Settings {
        Settings {
            reference_date: self.reference_date,
            rules: self.rules.clone(),
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            extra_vague_phrases: self.vague_phrases.clone(),
            extra_abbreviations: self.abbreviations.clone(),
            known_sources: self.known_sources.clone(),
            docs_url: self.docs_url.clone(),
            ..Settings::default()
        }
    }
}

/// `didChangeConfiguration` payloads come as `{ "copydesk": {...} }` or as the section itself
/// (`[]` is the empty section, see the module docs).
pub fn section(value: &Value) -> Option<&Value> {
    match value {
        Value::Null => None,
        Value::Object(o) if o.contains_key("copydesk") => o.get("copydesk"),
        other => Some(other),
    }
}

/// `initializationOptions` overlaid by `workspace/configuration`, key by key at the top level
/// (a `null` from either side means "nothing from here"; `[]` is an empty object).
pub fn merge(init: Option<&Value>, config: Option<&Value>) -> Option<Value> {
    match (init.filter(|v| !v.is_null()), config.filter(|v| !v.is_null())) {
        (None, None) => None,
        (Some(a), None) => Some(a.clone()),
        (None, Some(b)) => Some(b.clone()),
        (Some(a), Some(b)) => match (as_object(a), as_object(b)) {
            (Some(a), Some(b)) => {
                let mut m = a.clone();
                m.extend(b.iter().map(|(k, v)| (k.clone(), v.clone())));
                Some(Value::Object(m))
            }
            // A malformed side is passed on so validation names it.
            _ => Some(b.clone()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_every_documented_key() {
        let v = json!({
            "referenceDate": "2025-03-04", "inlayHints": false, "maxDocumentSize": 10,
            "rules": { "date": { "enabled": false, "severity": "hint" } },
            "select": ["date"], "ignore": ["claim"], "knownSources": ["the Ledger"],
            "vaguePhrases": ["insiders say"], "abbreviations": ["Supt."], "future": 1
        });
        let (s, unknown) = EditorSettings::from_json(Some(&v)).unwrap();
        assert_eq!(s.reference_date, Some(jiff::civil::date(2025, 3, 4)));
        assert!(!s.inlay_hints);
        assert_eq!(s.max_document_size, 10);
        assert_eq!(s.rules["date"], RuleSetting { enabled: Some(false), severity: Some(Severity::Hint) });
        assert_eq!(unknown, vec!["future".to_string()]);
        let e = s.to_settings();
        assert_eq!(e.known_sources, vec!["the Ledger".to_string()]);
        assert_eq!(e.extra_abbreviations, vec!["Supt.".to_string()]);
        assert!(!e.rule_enabled("claim/unsourced"));
    }

    #[test]
    fn errors_name_the_key() {
        let bad = [
            (json!({"referenceDate": "March 4"}), "referenceDate"),
            (json!({"inlayHints": "yes"}), "inlayHints"),
            (json!({"maxDocumentSize": -1}), "maxDocumentSize"),
            (json!({"rules": {"nope": {}}}), "rules.nope"),
            (json!({"rules": {"date": {"severity": "loud"}}}), "rules.date.severity"),
            (json!({"select": ["nope"]}), "select"),
            (json!([1]), "copydesk"),
        ];
        for (v, key) in bad {
            assert_eq!(EditorSettings::from_json(Some(&v)).unwrap_err().key, key, "{v}");
        }
        assert_eq!(EditorSettings::from_json(None).unwrap().0, EditorSettings::default());
    }

    #[test]
    fn an_empty_array_is_read_as_an_empty_object() {
        // What Neovim sends for `settings = { copydesk = {} }` and `init_options = {}`.
        let (s, unknown) = EditorSettings::from_json(Some(&json!([]))).unwrap();
        assert_eq!(s, EditorSettings::default());
        assert!(unknown.is_empty());
        // The same inside: `rules = {}` and `rules = { date = {} }`.
        let (s, _) = EditorSettings::from_json(Some(&json!({"rules": []}))).unwrap();
        assert!(s.rules.is_empty());
        let (s, _) = EditorSettings::from_json(Some(&json!({"rules": {"date": []}}))).unwrap();
        assert_eq!(s.rules["date"], RuleSetting::default());
        // `{ "copydesk": [] }` from didChangeConfiguration, merged over `[]` initializationOptions.
        let payload = json!({"copydesk": []});
        let merged = merge(Some(&json!([])), section(&payload));
        assert_eq!(merged, Some(json!({})));
        assert_eq!(EditorSettings::from_json(merged.as_ref()).unwrap().0, EditorSettings::default());
        // Empty initializationOptions do not hide the configured keys, nor the reverse.
        let conf = json!({"inlayHints": false});
        assert_eq!(merge(Some(&json!([])), Some(&conf)), Some(conf.clone()));
        assert_eq!(merge(Some(&conf), Some(&json!([]))), Some(conf.clone()));
        // A non-empty array is still not an object, at the top and inside.
        for (v, key) in [
            (json!([1]), "copydesk"),
            (json!({"rules": ["date"]}), "rules"),
            (json!({"rules": {"date": [true]}}), "rules.date"),
        ] {
            assert_eq!(EditorSettings::from_json(Some(&v)).unwrap_err().key, key, "{v}");
        }
    }

    #[test]
    fn configuration_overrides_initialization_options_key_by_key() {
        let init = json!({"referenceDate": "2025-03-04", "inlayHints": true});
        let conf = json!({"inlayHints": false});
        assert_eq!(merge(Some(&init), Some(&conf)), Some(json!({"referenceDate": "2025-03-04", "inlayHints": false})));
        assert_eq!(merge(Some(&init), Some(&Value::Null)), Some(init.clone()));
        assert_eq!(merge(None, None), None);
    }

    #[test]
    fn section_accepts_both_shapes() {
        let inner = json!({"inlayHints": false});
        assert_eq!(section(&json!({"copydesk": inner.clone()})), Some(&inner));
        assert_eq!(section(&inner), Some(&inner));
        assert_eq!(section(&Value::Null), None);
    }
}
