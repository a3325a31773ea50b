//! The README's sample output is the real output: every ```text block in README.md that starts
//! with `$ copydesk ARGS` is run (from the repository root, without colour) and compared with the
//! lines shown. A line that is only `…` stands for any number of lines (the README's elision).
//!
//! When the output changes on purpose, refresh the blocks with
//! `scripts/update-readme` (that is, `UPDATE_README=1 cargo test --test readme`) and read the diff of
//! README.md before committing it: the test then rewrites each block from the real output, keeping
//! as many findings before the `…` as it showed, and everything from the summary line on.
use std::path::Path;
use std::process::Command;

const FENCE: &str = "```text\n";

/// One sample: where its body is in the README, the command's arguments, the lines shown.
struct Sample {
    body_start: usize,
    body_end: usize,
    args: Vec<String>,
    shown: Vec<String>,
}

fn samples(readme: &str) -> Vec<Sample> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = readme[from..].find(FENCE) {
        let body_start = from + i + FENCE.len();
        let Some(len) = readme[body_start..].find("```\n") else { break };
        let body_end = body_start + len;
        from = body_end + 4;
        let body = &readme[body_start..body_end];
        let mut lines = body.lines();
        let Some(cmd) = lines.next().and_then(|l| l.strip_prefix("$ copydesk ")) else { continue };
        out.push(Sample {
            body_start,
            body_end,
            args: cmd.split_whitespace().map(String::from).collect(),
            shown: lines.map(String::from).collect(),
        });
    }
    out
}

fn run(args: &[String]) -> Vec<String> {
    let o = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run copydesk");
    String::from_utf8(o.stdout).expect("UTF-8 output").lines().map(String::from).collect()
}

/// Whether `shown` (with `…` lines matching any run of lines) is `actual`.
fn matches(shown: &[String], actual: &[String]) -> bool {
    match shown.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == "…" => (0..=actual.len()).any(|skip| matches(rest, &actual[skip..])),
        Some((first, rest)) => actual.first() == Some(first) && matches(rest, &actual[1..]),
    }
}

/// The block refreshed from `actual`: as many leading lines as were shown before the first `…`
/// (extended to the end of that finding), `…`, then the summary line and what follows it.
fn refreshed(shown: &[String], actual: &[String]) -> Vec<String> {
    let Some(cut) = shown.iter().position(|l| l == "…") else { return actual.to_vec() };
    let summary = actual.iter().rposition(|l| l.contains(" checked: ")).unwrap_or(actual.len());
    let mut head = cut.min(summary);
    while head < summary && !actual[head].is_empty() {
        head += 1;
    }
    let mut out = actual[..head].to_vec();
    if !out.last().is_some_and(String::is_empty) {
        out.push(String::new());
    }
    out.push("…".into());
    out.push(String::new());
    out.extend_from_slice(&actual[summary..]);
    out
}

#[test]
fn readme_sample_output_is_what_copydesk_prints() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let samples = samples(&readme);
    assert!(!samples.is_empty(), "README.md has no ```text block starting with `$ copydesk`");
    let update = std::env::var_os("UPDATE_README").is_some_and(|v| !v.is_empty());
    let mut new = readme.clone();
    let mut stale = Vec::new();
    for s in samples.iter().rev() {
        let actual = run(&s.args);
        if matches(&s.shown, &actual) {
            continue;
        }
        stale.push(format!(
            "$ copydesk {}\n--- shown ---\n{}\n--- printed ---\n{}",
            s.args.join(" "),
            s.shown.join("\n"),
            actual.join("\n")
        ));
        let mut body = format!("$ copydesk {}\n", s.args.join(" "));
        for l in refreshed(&s.shown, &actual) {
            body.push_str(&l);
            body.push('\n');
        }
        new.replace_range(s.body_start..s.body_end, &body);
    }
    if update && new != readme {
        std::fs::write(&path, &new).unwrap();
        eprintln!("README.md rewritten from the real output: read `git diff README.md` before committing");
        return;
    }
    assert!(
        stale.is_empty(),
        "README.md's sample output is stale (refresh with `UPDATE_README=1 cargo test --test readme`, then read the diff):\n{}",
        stale.join("\n\n")
    );
}

#[test]
fn an_ellipsis_line_matches_any_run_of_lines() {
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!(matches(&v(&["a", "…", "z"]), &v(&["a", "b", "c", "z"])));
    assert!(matches(&v(&["a", "…", "z"]), &v(&["a", "z"])));
    assert!(!matches(&v(&["a", "…", "z"]), &v(&["a", "b"])));
    assert!(!matches(&v(&["a", "b"]), &v(&["a", "c"])));
    assert!(!matches(&v(&["a"]), &v(&["a", "extra"])));
    assert_eq!(
        refreshed(
            &v(&["x", "", "…", "", "old summary"]),
            &v(&["x1", "x2", "", "y", "", "1 file checked: new", "more"])
        ),
        v(&["x1", "x2", "", "…", "", "1 file checked: new", "more"])
    );
}
