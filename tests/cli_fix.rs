//! `copydesk check --fix / --unsafe-fixes / --diff` through the real binary.
#[path = "support/cli_process.rs"]
mod cli_process;

use std::path::Path;
use std::process::Output;

use serde_json::Value;

fn copydesk(args: &[&str], cwd: &Path, stdin: Option<&str>) -> Output {
    cli_process::run(args, cwd, stdin, true)
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The weekday of "Monday, March 4, 2025" is wrong (March 4, 2025 was a Tuesday) and its year is
/// written, so its fix is safe; "experts say" is vague attribution, whose fixes are unsafe.
const ARTICLE: &str = "---\ndate: 2025-03-04\n---\n\nOn Monday, March 4, 2025, experts say the council met.\n";

fn findings(dir: &Path, name: &str) -> Vec<Value> {
    let o = copydesk(&["check", "--no-config", "--format", "json", name], dir, None);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    v["files"][0]["diagnostics"].as_array().unwrap().clone()
}

fn has_fix(d: &Value, applicability: &str) -> bool {
    d["fixes"].as_array().unwrap().iter().any(|f| f["applicability"] == applicability)
}

/// Apply one JSON fix's edits (byte offsets into `text`).
fn apply(text: &str, fix: &Value) -> String {
    let mut edits: Vec<(usize, usize, String)> = fix["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
                e["new_text"].as_str().unwrap().into(),
            )
        })
        .collect();
    edits.sort();
    let mut s = text.to_string();
    for (start, end, new) in edits.into_iter().rev() {
        s.replace_range(start..end, &new);
    }
    s
}

#[test]
fn fix_applies_exactly_the_safe_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.md");
    std::fs::write(&p, ARTICLE).unwrap();
    let before = findings(dir.path(), "a.md");
    assert!(before.iter().any(|d| d["rule"] == "date/weekday" && has_fix(d, "safe")), "{before:#?}");

    let o = copydesk(&["check", "--no-config", "--fix", "a.md"], dir.path(), None);
    let fixed = std::fs::read_to_string(&p).unwrap();
    assert_eq!(fixed, ARTICLE.replace("On Monday", "On Tuesday"));
    let stdout = out(&o);
    assert!(stdout.contains("Fixed 1 finding in 1 file (1 safe, 0 unsafe).\n"), "{stdout}");
    assert!(stdout.contains("fixable with --fix --unsafe-fixes"), "{stdout}");
    assert!(!stdout.contains("date/weekday"), "the fixed finding is not reported: {stdout}");
    assert!(stdout.contains("attribution/vague"), "what remains is reported: {stdout}");
    // The vague attribution remains (a warning): exit 1.
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));

    let after = findings(dir.path(), "a.md");
    assert!(!after.iter().any(|d| has_fix(d, "safe")), "no safe-fixable finding remains: {after:#?}");
    // A second run has nothing to fix and leaves the file alone.
    let o = copydesk(&["check", "--no-config", "--fix", "a.md"], dir.path(), None);
    assert!(!out(&o).contains("Fixed"), "{}", out(&o));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), fixed);
}

#[test]
fn unsafe_fixes_apply_the_first_fix_of_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.md");
    let safe_fixed = ARTICLE.replace("On Monday", "On Tuesday");
    std::fs::write(&p, &safe_fixed).unwrap();
    let remaining = findings(dir.path(), "a.md");
    let vague = remaining.iter().find(|d| d["rule"] == "attribution/vague").expect("vague finding");
    let first = &vague["fixes"][0];
    assert_eq!(first["applicability"], "unsafe");
    let expected = apply(&safe_fixed, first);
    assert_ne!(expected, safe_fixed);

    std::fs::write(&p, ARTICLE).unwrap();
    let o = copydesk(&["check", "--no-config", "--fix", "--unsafe-fixes", "a.md"], dir.path(), None);
    assert_eq!(std::fs::read_to_string(&p).unwrap(), expected, "{}", out(&o));
    assert!(out(&o).contains("Fixed 2 findings in 1 file (1 safe, 1 unsafe).\n"), "{}", out(&o));
}

#[test]
fn diff_shows_the_change_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.md");
    std::fs::write(&p, ARTICLE).unwrap();
    let o = copydesk(&["check", "--no-config", "--diff", "a.md"], dir.path(), None);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), ARTICLE, "--diff writes nothing");
    let diff = out(&o);
    assert!(diff.starts_with("--- a/a.md\n+++ b/a.md\n@@ "), "{diff}");
    assert!(
        diff.contains("\n-On Monday, March 4, 2025, experts say the council met.\n+On Tuesday, March 4, 2025, experts say the council met.\n"),
        "{diff}"
    );
    assert!(err(&o).contains("Would fix 1 finding in 1 file"), "{}", err(&o));

    // The same change as --fix makes: apply the diff's one line change by hand and compare.
    let o2 = copydesk(&["check", "--no-config", "--fix", "a.md"], dir.path(), None);
    assert!(o2.status.code().is_some());
    assert_eq!(std::fs::read_to_string(&p).unwrap(), ARTICLE.replace("On Monday", "On Tuesday"));

    // Nothing to change: no diff, exit 0.
    let o = copydesk(&["check", "--no-config", "--diff", "a.md"], dir.path(), None);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(out(&o), "");
}

#[test]
fn stdin_can_be_diffed_but_not_fixed_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let o = copydesk(&["check", "--no-config", "--fix", "-"], dir.path(), Some(ARTICLE));
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--fix cannot write stdin"), "{}", err(&o));
    let o = copydesk(&["check", "--no-config", "--diff", "--stdin-filename", "s.md", "-"], dir.path(), Some(ARTICLE));
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).contains("+On Tuesday"), "{}", out(&o));
}
