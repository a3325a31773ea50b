//! The one rule registry. One file per rule family; each family lists its rules' static
//! metadata and checks a [`Document`] for all of them at once (families share analysis).
//!
//! *Invariant:* rule ids are stable, public (`family/name`, kebab-case) and unique; this file is
//! the only place that lists families.
pub mod attribution;
pub mod claim;
pub mod date;
pub mod directive;
#[cfg(test)]
pub(crate) mod testutil;

use serde::Serialize;

use crate::attribution::AttributionModel;
use crate::dates::DateExpr;
use crate::document::{Document, Finding, Reference, Settings, Severity};
use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Date,
    Attribution,
    Claim,
    Directive,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Date => "date",
            Category::Attribution => "attribution",
            Category::Claim => "claim",
            Category::Directive => "directive",
        }
    }
}

/// What kind of fixes a rule offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fixability {
    /// Never offers a fix (suppression comments are offered by the editor for every rule).
    None,
    /// Offers fixes, at least sometimes a safe one.
    Sometimes,
    /// Offers fixes that always need a person to read them (unsafe or display-only).
    Unsafe,
}

/// Static facts about a rule: listable without running it.
#[derive(Debug)]
pub struct RuleMeta {
    /// `family/name`, stable and public.
    pub id: &'static str,
    pub summary: &'static str,
    pub default_severity: Severity,
    pub category: Category,
    pub fix: Fixability,
    /// Markdown with the sections What it flags / Why it matters / Example / Use instead / Fix safety.
    pub docs: &'static str,
}

impl RuleMeta {
    /// A finding of this rule at its default severity.
    pub fn finding(&self, span: Span, message: impl Into<String>) -> Finding {
        Finding::new(self.id, self.default_severity, span, message)
    }
}

/// What a family may read besides the document: computed once per check, shared by all families.
pub struct Context<'a> {
    pub settings: &'a Settings,
    pub reference: Option<Reference>,
    pub dates: &'a [DateExpr],
    pub attribution: &'a AttributionModel,
}

/// A rule family: one file, several rules, one pass.
pub trait Family: Sync {
    fn name(&self) -> &'static str;
    fn rules(&self) -> &'static [RuleMeta];
    /// Stateless, never fails, never panics on input. Reports for all its rules; the engine
    /// drops findings of disabled rules and applies severities and suppressions.
    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Finding>);
}

/// Every family, in reporting order.
pub static FAMILIES: &[&dyn Family] =
    &[&date::DateFamily, &attribution::AttributionFamily, &claim::ClaimFamily, &directive::DirectiveFamily];

/// Every rule of every family.
pub fn all_rules() -> impl Iterator<Item = &'static RuleMeta> {
    FAMILIES.iter().flat_map(|f| f.rules().iter())
}

/// A rule by id.
pub fn rule(id: &str) -> Option<&'static RuleMeta> {
    all_rules().find(|r| r.id == id)
}

/// Whether `key` names a rule or a family.
pub fn is_known_rule_or_family(key: &str) -> bool {
    rule(key).is_some() || FAMILIES.iter().any(|f| f.name() == key)
}

/// Rule ids and family names close to `key` (same family, shared prefix, or a small edit distance).
pub fn near_ids(key: &str) -> Vec<String> {
    let mut names: Vec<&str> = FAMILIES.iter().map(|f| f.name()).collect();
    names.extend(all_rules().map(|r| r.id));
    let key_l = key.to_ascii_lowercase();
    let mut scored: Vec<(usize, &str)> = names
        .into_iter()
        .filter_map(|n| {
            let d = edit_distance(&key_l, n);
            let related = n.starts_with(&key_l)
                || key_l.starts_with(n)
                || key_l.split('/').next() == n.split('/').next()
                || key_l.rsplit('/').next() == n.rsplit('/').next();
            (d <= 3.max(key_l.len() / 3) || related).then_some((d, n))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(5).map(|(_, n)| n.to_string()).collect()
}

/// Levenshtein distance over chars; ids are short, so the quadratic table is fine.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_kebab_and_in_their_family() {
        let mut seen = HashSet::new();
        for f in FAMILIES {
            for r in f.rules() {
                assert!(seen.insert(r.id), "duplicate id {}", r.id);
                let (fam, name) = r.id.split_once('/').expect("family/name");
                assert_eq!(fam, f.name());
                assert_eq!(fam, r.category.as_str());
                assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", r.id);
            }
        }
    }

    #[test]
    fn near_ids_suggests_the_family_for_a_typo() {
        assert!(near_ids("dates").contains(&"date".to_string()));
        assert!(near_ids("atribution").contains(&"attribution".to_string()));
        assert!(near_ids("zzzzzzzzzzzzzzzz").is_empty());
    }

    #[test]
    fn docs_have_the_five_sections() {
        for r in all_rules() {
            for h in ["What it flags", "Why it matters", "Example", "Use instead", "Fix safety"] {
                assert!(r.docs.contains(&format!("## {h}")), "{} docs lack '## {h}'", r.id);
            }
        }
    }
}
