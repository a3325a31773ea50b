//! Fixture articles for the attribution and claim rules, checked end to end.
use copydesk::document::{DocKind, Settings};
use copydesk::engine::check;

fn findings(path: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).expect("fixture");
    let s =
        Settings { kind: DocKind::Markdown, select: vec!["attribution".into(), "claim".into()], ..Default::default() };
    check(&text, &s).findings.into_iter().map(|f| (f.rule.to_string(), f.span.slice(&text).to_string())).collect()
}

#[test]
fn council_article_flags_what_a_copy_editor_would() {
    let got = findings("tests/fixtures/attribution_council.md");
    let expect = [
        ("claim/unsourced", "Ferry ridership has fallen 22 percent since the fare increase in 2023."),
        ("claim/unsourced", "The current fleet is the oldest on the East Coast."),
        ("attribution/vague", "Experts suggest"),
        ("attribution/anonymous", "A senior official"),
        // A crowd with a verb of complaint: which riders? (issue 11's "a few shopkeepers complained")
        ("attribution/vague", "Riders on the early boat grumbled"),
        (
            "attribution/unattributed-quote",
            "\"The boats are older than most of the people who ride them, and nobody wants to pay for new ones.\"",
        ),
    ];
    let expect: Vec<(String, String)> = expect.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(got, expect);
}

#[test]
fn clean_article_produces_nothing() {
    assert_eq!(findings("tests/fixtures/clean_attribution_clinic.md"), vec![]);
}
