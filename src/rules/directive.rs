//! The `directive/*` rules: problems with copydesk's own suppression comments.
use super::{Category, Context, Family, Fixability, RuleMeta, is_known_rule_or_family};
use crate::document::Directive;
use crate::document::{Applicability, Document, Edit, Finding, Fix, Severity};
use crate::text::Span;

pub struct DirectiveFamily;

const UNKNOWN_RULE_META: RuleMeta = RuleMeta {
    id: "directive/unknown-rule",
    summary: "A copydesk suppression comment names a rule or family that does not exist",
    default_severity: Severity::Warning,
    category: Category::Directive,
    fix: Fixability::Sometimes,
    docs: r#"## What it flags
A `copydesk-disable`, `copydesk-enable`, `copydesk-disable-next-line` or `copydesk-disable-file`
comment that names something which is neither a rule id (`date/invalid`) nor a family (`date`).

## Why it matters
A misspelt id suppresses nothing, so the finding the writer meant to silence keeps coming back,
or, worse, the writer believes a passage was reviewed and silenced when it was not.

## Example
```markdown
<!-- copydesk-disable-next-line date/invalidd -->
The hearing is set for Feb. 30.
```

## Use instead
```markdown
<!-- copydesk-disable-next-line date/invalid -->
The hearing is set for Feb. 30.
```
`copydesk rules` lists every id and family.

## Fix safety
When the comment names other rules too, removing the unknown id is safe: it suppressed nothing.
When it is the only id, the fix removes the whole comment and is unsafe: deleting just the id
would turn the comment into one that silences every rule.
"#,
};

static RULES: &[RuleMeta] = &[UNKNOWN_RULE_META];

/// `directive/unknown-rule`.
pub static UNKNOWN_RULE: &RuleMeta = &RULES[0];

impl Family for DirectiveFamily {
    fn name(&self) -> &'static str {
        "directive"
    }
    fn rules(&self) -> &'static [RuleMeta] {
        RULES
    }
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Finding>) {
        for d in &doc.directives {
            for (i, (id, span)) in d.rules.iter().enumerate() {
                if is_known_rule_or_family(id) {
                    continue;
                }
                let msg = format!("'{id}' in this copydesk comment is not a rule id or family; it suppresses nothing");
                out.push(UNKNOWN_RULE.finding(*span, msg).with_fix(removal(d, i)));
            }
        }
    }
}

/// Remove the `i`th id with one separator next to it, or the whole comment when it is the only id.
fn removal(d: &Directive, i: usize) -> Fix {
    let (id, span) = &d.rules[i];
    if d.rules.len() == 1 {
        return Fix::new("Remove this copydesk comment", Applicability::Unsafe, vec![Edit::replace(d.span, "")]);
    }
    let cut = if i > 0 { Span::new(d.rules[i - 1].1.end, span.end) } else { Span::new(span.start, d.rules[1].1.start) };
    Fix::new(format!("Remove '{id}' from the comment"), Applicability::Safe, vec![Edit::replace(cut, "")])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::AttributionModel;
    use crate::document::{DocKind, Settings};

    fn check(text: &str) -> Vec<Finding> {
        let doc = Document::parse(text, DocKind::Markdown, &[]);
        let settings = Settings::default();
        let attribution = AttributionModel::default();
        let ctx = Context {
            settings: &settings,
            reference: None,
            dates: &[],
            attribution: &attribution,
            date_findings: None,
        };
        let mut out = Vec::new();
        DirectiveFamily.check(&doc, &ctx, &mut out);
        out
    }

    #[test]
    fn flags_misspelt_id_and_removes_it() {
        let text = "<!-- copydesk-disable date/invalidd, claim -->\n\nText.\n";
        let fs = check(text);
        assert_eq!(fs.len(), 1);
        assert_eq!(fs[0].span.slice(text), "date/invalidd");
        assert_eq!(fs[0].fixes[0].applicability, Applicability::Safe);
        assert_eq!(fs[0].fixes[0].apply(text), "<!-- copydesk-disable claim -->\n\nText.\n");
    }

    #[test]
    fn sole_unknown_id_fix_removes_the_comment_unsafely() {
        let text = "Intro.\n\n<!-- copydesk-disable-next-line dates -->\nText.\n";
        let fs = check(text);
        assert_eq!(fs.len(), 1);
        assert_eq!(fs[0].fixes[0].applicability, Applicability::Unsafe);
        assert_eq!(fs[0].fixes[0].apply(text), "Intro.\n\n\nText.\n");
    }

    #[test]
    fn second_unknown_id_removed_with_its_comma() {
        let text = "<!-- copydesk-enable claim, nonsense -->";
        let fs = check(text);
        assert_eq!(fs[0].fixes[0].apply(text), "<!-- copydesk-enable claim -->");
    }

    #[test]
    fn ignores_known_ids_families_and_bare_directives() {
        assert!(check("<!-- copydesk-disable-file -->\n\n<!-- copydesk-disable directive -->\n").is_empty());
        assert!(check("<!-- copydesk-disable-next-line directive/unknown-rule -->\nText.\n").is_empty());
    }

    #[test]
    fn docs_example_fires_and_use_instead_does_not() {
        let example = "<!-- copydesk-disable-next-line date/invalidd -->\nThe hearing is set for Feb. 30.\n";
        assert_eq!(check(example).len(), 1);
        // `date/invalid` is known once the date family registers it; a family name always is.
        assert!(check("<!-- copydesk-disable-next-line date -->\nThe hearing is set for Feb. 30.\n").is_empty());
    }
}
