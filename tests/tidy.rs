//! Engine purity: the pure modules must not reach for I/O, the clock, the environment, async
//! runtimes or protocol types. Comment lines are skipped, so docs may name what is forbidden.
use std::path::{Path, PathBuf};

const PURE: &[&str] = &["src/document", "src/engine", "src/rules", "src/dates", "src/attribution", "src/text"];
const FORBIDDEN: &[&str] = &["tower_lsp", "tokio", "std::fs", "std::env", "SystemTime", "println!", "eprintln!"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Forbidden names on non-comment lines of `source`, as (line number, name).
fn violations(source: &str) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("//") || t.starts_with("/*") || t.starts_with('*') {
            continue;
        }
        for f in FORBIDDEN {
            if line.contains(f) {
                out.push((i + 1, *f));
            }
        }
    }
    out
}

#[test]
fn pure_modules_use_no_io_clock_env_async_or_protocol() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for d in PURE {
        rust_files(&root.join(d), &mut files);
    }
    assert!(files.len() >= 5, "found too few source files: {files:?}");
    let mut bad = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).expect("readable source");
        for (line, name) in violations(&src) {
            bad.push(format!("{}:{line}: {name}", f.strip_prefix(root).unwrap_or(f).display()));
        }
    }
    assert!(bad.is_empty(), "the pure engine must not use these:\n{}", bad.join("\n"));
}

#[test]
fn the_scanner_catches_code_and_skips_comments() {
    let src =
        "// std::fs is fine in a comment\n    /// println! in docs too\nfn f() { let _ = std::env::var(\"X\"); }\n";
    assert_eq!(violations(src), vec![(3, "std::env")]);
}
