//! Every attribution and claim rule's docs: the "Example" fires the rule, "Use instead" does not.
use copydesk::document::{DocKind, Settings};
use copydesk::engine::check;
use copydesk::rules::all_rules;

/// The fenced code of section `## name` in `docs`.
fn section_code(docs: &str, name: &str) -> String {
    let start = docs.find(&format!("## {name}\n")).unwrap_or_else(|| panic!("no section {name}"));
    let rest = &docs[start..];
    let open = rest.find("```").expect("a code fence");
    let body = &rest[open..];
    let body = &body[body.find('\n').expect("fence line") + 1..];
    body[..body.find("```").expect("closing fence")].to_string()
}

#[test]
fn examples_fire_and_use_instead_does_not() {
    let mut checked = 0;
    for r in all_rules().filter(|r| r.id.starts_with("attribution/") || r.id.starts_with("claim/")) {
        let s = Settings { select: vec![r.id.to_string()], kind: DocKind::Markdown, ..Default::default() };
        let example = section_code(r.docs, "Example");
        let fired = check(&example, &s).findings.iter().filter(|f| f.rule == r.id).count();
        assert!(fired > 0, "{}: its Example does not fire:\n{example}", r.id);
        let instead = section_code(r.docs, "Use instead");
        let found: Vec<String> =
            check(&instead, &s).findings.iter().filter(|f| f.rule == r.id).map(|f| f.message.clone()).collect();
        assert!(found.is_empty(), "{}: its Use instead fires {found:?}:\n{instead}", r.id);
        checked += 1;
    }
    assert_eq!(checked, 5);
}
