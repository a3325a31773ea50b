//! docs/rules/ holds exactly what `copydesk rules --format markdown-pages` generates from the
//! registry (the same text as `copydesk rule ID`). When this fails after a change to a rule's
//! docs, regenerate: `cargo run -- rules --format markdown-pages docs/rules`, and read the diff.
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn files_under(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn committed_rule_pages_equal_the_generated_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["rules", "--format", "markdown-pages"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let generated = files_under(tmp.path());
    let committed = files_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules"));
    assert_eq!(
        generated.keys().collect::<Vec<_>>(),
        committed.keys().collect::<Vec<_>>(),
        "docs/rules/ has other pages than the registry: run `cargo run -- rules --format markdown-pages docs/rules`"
    );
    for (name, text) in &generated {
        assert_eq!(
            &committed[name], text,
            "docs/rules/{name} is stale: run `cargo run -- rules --format markdown-pages docs/rules`"
        );
    }
    // One page per rule, and each page is what `copydesk rule ID` prints (after the generated-file note).
    for r in copydesk::rules::all_rules() {
        let page = &generated[&format!("{}.md", r.id)];
        let o = Command::new(env!("CARGO_BIN_EXE_copydesk")).args(["rule", r.id]).output().unwrap();
        let shown = String::from_utf8(o.stdout).unwrap();
        assert!(page.ends_with(&shown) && page.len() - shown.len() < 200, "{}", r.id);
    }
}

#[test]
fn markdown_pages_needs_a_folder() {
    let o =
        Command::new(env!("CARGO_BIN_EXE_copydesk")).args(["rules", "--format", "markdown-pages"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("needs the folder"));
}
