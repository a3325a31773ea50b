//! `copydesk rules` (human table, JSON, VS Code settings schema) and `copydesk rule ID`.
use std::process::ExitCode;

use serde_json::{Map, Value, json};

use super::{EXIT_ERROR, RulesArgs, RulesFormat};
use crate::rules::{Fixability, RuleMeta};

fn fixability(f: Fixability) -> &'static str {
    match f {
        Fixability::None => "none",
        Fixability::Sometimes => "sometimes",
        Fixability::Unsafe => "unsafe",
    }
}

pub fn list(args: RulesArgs) -> ExitCode {
    match (args.format, args.dir.as_deref()) {
        (RulesFormat::MarkdownPages, Some(dir)) => {
            return match write_pages(dir) {
                Ok(n) => {
                    eprintln!("copydesk: wrote {n} pages into {}", dir.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("copydesk: error: {}: {e}", dir.display());
                    ExitCode::from(EXIT_ERROR)
                }
            };
        }
        (RulesFormat::MarkdownPages, None) => {
            eprintln!("copydesk: error: --format markdown-pages needs the folder to write into (e.g. docs/rules)");
            return ExitCode::from(EXIT_ERROR);
        }
        (_, Some(_)) => {
            eprintln!("copydesk: error: a folder is given only with --format markdown-pages");
            return ExitCode::from(EXIT_ERROR);
        }
        _ => {}
    }
    let text = match args.format {
        RulesFormat::Human => human_table(),
        RulesFormat::Json => pretty(&rules_json()),
        RulesFormat::VscodeSettings => pretty(&vscode_settings()),
        RulesFormat::MarkdownPages => unreachable!("handled above"),
    };
    print!("{text}");
    ExitCode::SUCCESS
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("serialising a JSON value cannot fail");
    s.push('\n');
    s
}

/// One block per family: id, default severity, fixability, summary.
pub fn human_table() -> String {
    let width = crate::rules::all_rules().map(|r| r.id.len()).max().unwrap_or(0).max(4);
    let mut out = format!("{:<width$}  {:<8}  {:<9}  {}\n", "RULE", "SEVERITY", "FIX", "SUMMARY");
    for family in crate::rules::FAMILIES {
        for r in family.rules() {
            out.push_str(&format!(
                "{:<width$}  {:<8}  {:<9}  {}\n",
                r.id,
                r.default_severity.as_str(),
                fixability(r.fix),
                r.summary
            ));
        }
    }
    out.push_str(&format!(
        "\n{} rules in {} families. `copydesk rule ID` explains one.\n",
        crate::rules::all_rules().count(),
        crate::rules::FAMILIES.len()
    ));
    out
}

fn rule_json(r: &RuleMeta) -> Value {
    json!({
        "id": r.id,
        "summary": r.summary,
        "default_severity": r.default_severity.as_str(),
        "category": r.category.as_str(),
        "fixability": fixability(r.fix),
        "docs": r.docs,
    })
}

/// `copydesk rules --format json`: an array of every rule's metadata.
pub fn rules_json() -> Value {
    Value::Array(crate::rules::all_rules().map(rule_json).collect())
}

/// Every rule id and family name, for `select`/`ignore` and the `rules` object.
fn rule_keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = Vec::new();
    for f in crate::rules::FAMILIES {
        keys.push(f.name());
        keys.extend(f.rules().iter().map(|r| r.id));
    }
    keys
}

fn string_list(description: &str) -> Value {
    json!({ "type": "array", "items": { "type": "string" }, "default": [], "markdownDescription": description })
}

fn rule_setting(description: String) -> Value {
    json!({
        "type": "object",
        "markdownDescription": description,
        "additionalProperties": false,
        "properties": {
            "enabled": { "type": "boolean", "description": "Run this rule (or family)." },
            "severity": {
                "type": "string",
                "enum": ["error", "warning", "info", "hint"],
                "description": "Report findings at this severity.",
            },
        },
    })
}

/// `copydesk rules --format vscode-settings`: the VS Code extension's
/// `contributes.configuration.properties`, generated from the registry so it never drifts.
/// The keys are exactly those of docs/settings.md, plus the client-side `server.path` and `trace.server`.
pub fn vscode_settings() -> Value {
    let keys = rule_keys();
    let mut rules = Map::new();
    for f in crate::rules::FAMILIES {
        rules.insert(
            f.name().to_string(),
            rule_setting(format!("Every `{}/*` rule. A rule's own entry wins over its family's.", f.name())),
        );
        for r in f.rules() {
            rules.insert(
                r.id.to_string(),
                rule_setting(format!("{} (default severity: {}).", r.summary, r.default_severity.as_str())),
            );
        }
    }
    let selector = |description: &str| {
        json!({
            "type": "array",
            "items": { "type": "string", "enum": keys },
            "default": [],
            "uniqueItems": true,
            "markdownDescription": description,
        })
    };
    json!({
        "copydesk.referenceDate": {
            "type": ["string", "null"],
            "default": null,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "markdownDescription": "Publication date (`YYYY-MM-DD`), the anchor for relative dates and tense. Wins over front matter, a dateline and `copydesk.toml`.",
        },
        "copydesk.docsUrl": {
            "type": ["string", "null"],
            "default": null,
            "markdownDescription": "Where rule pages live: each diagnostic links to `BASE/RULE-ID.md`, or to this URL with `{id}` replaced. Empty: `docs-url` in `copydesk.toml`, else the repository's `docs/rules/`.",
        },
        "copydesk.inlayHints": {
            "type": "boolean",
            "default": true,
            "markdownDescription": "Show the resolved date of relative expressions (\"last Tuesday\") as inlay hints.",
        },
        "copydesk.maxDocumentSize": {
            "type": "integer",
            "default": 4000000,
            "minimum": 0,
            "markdownDescription": "Documents larger than this many bytes get one info diagnostic instead of a check.",
        },
        "copydesk.rules": {
            "type": "object",
            "default": {},
            "additionalProperties": false,
            "markdownDescription": "Per rule (`date/invalid`) or per family (`date`): `{ \"enabled\": bool, \"severity\": \"error\"|\"warning\"|\"info\"|\"hint\" }`. Wins over `copydesk.toml`.",
            "properties": rules,
        },
        "copydesk.select": selector("Run only these rules or families (empty: all)."),
        "copydesk.ignore": selector("Never run these rules or families."),
        "copydesk.knownSources": string_list("Names the attribution rules accept as named sources (outlets, agencies, institutions)."),
        "copydesk.vaguePhrases": string_list("Extra phrases that attribute a claim to nobody in particular (\"insiders say\")."),
        "copydesk.abbreviations": string_list("Extra abbreviations that never end a sentence (\"Supt.\")."),
        "copydesk.server.path": {
            "type": ["string", "null"],
            "default": null,
            "scope": "machine-overridable",
            "markdownDescription": "Path to the `copydesk` binary (default: the one bundled with the extension, else `copydesk` on `PATH`).",
        },
        "copydesk.trace.server": {
            "type": "string",
            "enum": ["off", "messages", "verbose"],
            "default": "off",
            "markdownDescription": "Trace the communication between VS Code and the copydesk language server.",
        },
    })
}

/// A rule's documentation as `copydesk rule ID` prints it and its page under docs/rules/ holds.
pub fn rule_text(r: &RuleMeta) -> String {
    format!(
        "# {}\n\n{}\n\nDefault severity: {}. Fixes: {}.\n\n{}\n",
        r.id,
        r.summary,
        r.default_severity.as_str(),
        fixability(r.fix),
        r.docs.trim_end()
    )
}

const GENERATED: &str = "<!-- Generated from the rule registry by `copydesk rules --format markdown-pages docs/rules`: edit the rule's docs in src/rules/, not this file. -->\n\n";

/// Every page `--format markdown-pages` writes: `(path relative to the folder, contents)`.
pub fn pages() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut index = format!("{GENERATED}# Rules\n\n`copydesk rule ID` prints the same pages.\n");
    for f in crate::rules::FAMILIES {
        index.push_str(&format!(
            "\n## {}\n\n| rule | default severity | fixes | summary |\n|---|---|---|---|\n",
            f.name()
        ));
        for r in f.rules() {
            index.push_str(&format!(
                "| [`{}`]({}.md) | {} | {} | {} |\n",
                r.id,
                r.id,
                r.default_severity.as_str(),
                fixability(r.fix),
                r.summary.replace('|', "\\|")
            ));
            out.push((format!("{}.md", r.id), format!("{GENERATED}{}", rule_text(r))));
        }
    }
    out.insert(0, ("README.md".to_string(), index));
    out
}

fn write_pages(dir: &std::path::Path) -> std::io::Result<usize> {
    let pages = pages();
    for (rel, text) in &pages {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&p, text)?;
    }
    Ok(pages.len())
}

pub fn show(id: &str) -> ExitCode {
    if let Some(r) = crate::rules::rule(id) {
        print!("{}", rule_text(r));
        return ExitCode::SUCCESS;
    }
    if let Some(f) = crate::rules::FAMILIES.iter().find(|f| f.name() == id) {
        println!("The `{id}` family:");
        for r in f.rules() {
            println!("  {:<32} {}", r.id, r.summary);
        }
        return ExitCode::SUCCESS;
    }
    let near = near_ids(id);
    if near.is_empty() {
        eprintln!("copydesk: error: no rule '{id}' (see `copydesk rules`)");
    } else {
        eprintln!("copydesk: error: no rule '{id}'; did you mean: {}?", near.join(", "));
    }
    ExitCode::from(EXIT_ERROR)
}

pub use crate::rules::near_ids;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vscode_settings_has_exactly_the_documented_keys() {
        let v = vscode_settings();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        let mut want = vec![
            "copydesk.referenceDate",
            "copydesk.docsUrl",
            "copydesk.inlayHints",
            "copydesk.maxDocumentSize",
            "copydesk.rules",
            "copydesk.select",
            "copydesk.ignore",
            "copydesk.knownSources",
            "copydesk.vaguePhrases",
            "copydesk.abbreviations",
            "copydesk.server.path",
            "copydesk.trace.server",
        ];
        want.sort();
        assert_eq!(keys, want);
        let rules = v["copydesk.rules"]["properties"].as_object().unwrap();
        for k in rule_keys() {
            assert_eq!(rules[k]["properties"]["severity"]["enum"], json!(["error", "warning", "info", "hint"]), "{k}");
            assert_eq!(rules[k]["properties"]["enabled"]["type"], "boolean", "{k}");
        }
        assert_eq!(rules.len(), rule_keys().len());
        assert_eq!(v["copydesk.maxDocumentSize"]["default"], 4000000);
    }

    #[test]
    fn human_table_lists_every_rule() {
        let t = human_table();
        for r in crate::rules::all_rules() {
            assert!(t.contains(r.id), "{}", r.id);
        }
        assert!(t.starts_with("RULE"));
    }
}
