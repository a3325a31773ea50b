//! Tidy checks over `src/**/*.rs`, in the style of rust-analyzer's: engine purity (the pure
//! modules reach for no I/O, clock, environment, async runtime or protocol type), the layer
//! order of the modules (no import from a layer above, no two modules importing each other) and
//! file length. Comment lines are skipped, so docs may name what is forbidden.
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

// ---------------------------------------------------------------------------------------------
// Layers. Every top-level module of `src/` has a layer; code may import only from layers below
// its own (and from itself). Two modules on one layer are side by side and share nothing: the
// command line and the server never import each other. ARCHITECTURE.md draws the same table.
// Test code (`tests.rs`, `testutil.rs`, `#[cfg(test)] mod … { … }`) is exempt: unit tests may
// drive a module through the whole pipeline (`engine::check`).

const LAYERS: &[(&str, u8)] = &[
    ("text", 0),
    ("lexicon", 0),
    ("document", 1),
    ("attribution", 2),
    ("dates", 2),
    ("rules", 3),
    ("engine", 4),
    ("config", 4),
    ("cli", 5),
    ("lsp", 5),
];

/// Pairs of modules allowed to import each other, each with its reason. Keep it short.
const CYCLE_ALLOWED: &[(&str, &str)] = &[];

/// No source file longer than this, except the ones listed (generated tables belong here too).
const MAX_LINES: usize = 900;
const LONG_FILES_ALLOWED: &[&str] = &[];

/// One `crate::`/`super::` path used by non-test code, resolved to the module it names.
#[derive(Debug)]
struct Import {
    line: usize,
    path: Vec<String>,
}

/// The module a file defines: `src/a/b.rs` and `src/a/b/mod.rs` are `a::b`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel.iter().skip(1).map(|s| s.to_string_lossy().into_owned()).collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs");
        if stem != "mod" && stem != "lib" && stem != "main" {
            parts.push(stem.to_string());
        }
    }
    parts
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The paths in a `use` tree or expression starting right after `crate::`/`super::` at `s`:
/// `a::b::C` gives `[a, b, C]`; `{a::B, c::{D, e}}` gives each leaf. Returns the paths and how
/// many bytes were read.
fn paths_at(s: &str) -> (Vec<Vec<String>>, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut prefix = Vec::new();
    loop {
        let start = i;
        while i < b.len() && is_ident(b[i] as char) {
            i += 1;
        }
        if i > start {
            prefix.push(s[start..i].to_string());
        }
        if s[i..].starts_with("::{") {
            i += 3;
            let mut out = Vec::new();
            loop {
                while i < b.len() && (b[i] == b' ' || b[i] == b'\n' || b[i] == b',' || b[i] == b'\r') {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'}' {
                    return (out, (i + 1).min(b.len()));
                }
                let (inner, n) = paths_at(&s[i..]);
                for p in inner {
                    out.push(prefix.iter().cloned().chain(p).collect());
                }
                i += n.max(1);
                // skip `as x` and anything up to the next separator
                while i < b.len() && b[i] != b',' && b[i] != b'}' {
                    i += 1;
                }
            }
        } else if s[i..].starts_with("::") && i > start {
            i += 2;
        } else if s[i..].starts_with('{') && prefix.is_empty() {
            // `crate::{` handled above via `::{`; a bare `{` here only follows `use crate::`.
            let (p, n) = paths_at(&format!("::{}", &s[i..]));
            return (p, n.saturating_sub(2) + i);
        } else {
            return (vec![prefix], i);
        }
    }
}

/// Non-test code only: the text of `source` with comment lines and test code blanked (line
/// numbers kept), so a scan of it sees what production code imports.
fn production_code(source: &str, file_is_test: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending_cfg_test = false;
    let mut depth: i64 = 0;
    let mut in_test: Option<i64> = None;
    for line in source.lines() {
        let t = line.trim_start();
        let comment = t.starts_with("//") || t.starts_with("/*") || t.starts_with('*');
        let code = if comment { "" } else { line.split("//").next().unwrap_or("") };
        if in_test.is_none() && pending_cfg_test && t.starts_with("mod ") && t.ends_with('{') {
            in_test = Some(depth);
        }
        if !comment && !t.starts_with("#[") {
            pending_cfg_test = false;
        }
        if t.starts_with("#[cfg(test)]") {
            pending_cfg_test = true;
        }
        let opens = code.matches('{').count() as i64;
        let closes = code.matches('}').count() as i64;
        let test_now = file_is_test || in_test.is_some();
        depth += opens - closes;
        if let Some(d) = in_test {
            if depth <= d {
                in_test = None;
            }
        }
        out.push(if test_now || comment { String::new() } else { code.to_string() });
    }
    out
}

/// The `crate::` and `super::` paths production code in `source` uses, resolved from `module`.
fn imports(source: &str, module: &[String], file_is_test: bool) -> Vec<Import> {
    let lines = production_code(source, file_is_test);
    // Join so that multi-line `use crate::{…}` trees parse; remember where each line starts.
    let joined = lines.join("\n");
    let line_at = |off: usize| joined[..off].matches('\n').count() + 1;
    let mut out = Vec::new();
    for key in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(k) = joined[from..].find(key) {
            let at = from + k;
            from = at + key.len();
            if at > 0 && is_ident(joined[..at].chars().next_back().unwrap_or(' ')) {
                continue;
            }
            let mut base: Vec<String> =
                if key == "crate::" { Vec::new() } else { module[..module.len().saturating_sub(1)].to_vec() };
            let mut rest = &joined[from..];
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
                from += "super::".len();
            }
            let (paths, _) = paths_at(rest);
            for p in paths {
                if !p.is_empty() {
                    out.push(Import { line: line_at(at), path: base.iter().cloned().chain(p).collect() });
                }
            }
        }
    }
    out
}

fn layer_of(top: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == top).map(|(_, l)| *l)
}

/// Every violation of the layer order and of "no two modules import each other" in the files
/// under `root/src`, as `file:line: message`.
fn layer_violations(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut modules: Vec<(PathBuf, Vec<String>, String)> = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(root).unwrap_or(f).to_path_buf();
        let m = module_of(&rel);
        if m.is_empty() {
            continue; // lib.rs and main.rs: the crate root, above every layer
        }
        modules.push((rel, m, std::fs::read_to_string(f).expect("readable source")));
    }
    let known: Vec<Vec<String>> = modules.iter().map(|(_, m, _)| m.clone()).collect();
    let resolve = |p: &[String]| -> Vec<String> {
        (1..=p.len()).rev().map(|n| p[..n].to_vec()).find(|c| known.contains(c)).unwrap_or_else(|| p[..1].to_vec())
    };
    let mut bad = Vec::new();
    // (from module, to module) -> first (file, line)
    let mut edges: std::collections::BTreeMap<(String, String), (String, usize)> = Default::default();
    for (rel, m, src) in &modules {
        let name = rel.file_name().unwrap_or_default().to_string_lossy();
        let is_test = name == "tests.rs" || name == "testutil.rs";
        let Some(own) = layer_of(&m[0]) else {
            bad.push(format!("{}:1: module `{}` has no layer: add it to LAYERS in tests/tidy.rs", rel.display(), m[0]));
            continue;
        };
        for imp in imports(src, m, is_test) {
            let target = resolve(&imp.path);
            let top = &target[0];
            if *top != m[0] {
                match layer_of(top) {
                    Some(l) if l < own => {}
                    Some(l) => bad.push(format!(
                        "{}:{}: `{}` (layer {own}) imports `{}` (layer {l}); import only from layers below",
                        rel.display(),
                        imp.line,
                        m[0],
                        imp.path.join("::")
                    )),
                    None => {}
                }
            }
            let (a, b) = (m.join("::"), target.join("::"));
            let related = a == b || a.starts_with(&format!("{b}::")) || b.starts_with(&format!("{a}::"));
            if !related {
                edges.entry((a, b)).or_insert((rel.display().to_string(), imp.line));
            }
        }
    }
    for ((a, b), (file, line)) in &edges {
        if a < b {
            if let Some((file2, line2)) = edges.get(&(b.clone(), a.clone())) {
                let allowed = CYCLE_ALLOWED.iter().any(|&(x, y)| (x == a && y == b) || (x == b && y == a));
                if !allowed {
                    bad.push(format!("{file}:{line}: `{a}` imports `{b}`, and {file2}:{line2}: `{b}` imports `{a}`"));
                }
            }
        }
    }
    bad
}

#[test]
fn modules_import_only_from_layers_below_and_never_each_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bad = layer_violations(root);
    assert!(bad.is_empty(), "layer violations (see ARCHITECTURE.md, Layers):\n{}", bad.join("\n"));
}

#[test]
fn no_source_file_is_too_long() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut bad = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(root).unwrap_or(f).display().to_string();
        let n = std::fs::read_to_string(f).expect("readable source").lines().count();
        if n > MAX_LINES && !LONG_FILES_ALLOWED.contains(&rel.as_str()) {
            bad.push(format!("{rel}: {n} lines (at most {MAX_LINES}; split it by idea)"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_import_scanner_reads_use_trees_super_and_skips_tests_and_comments() {
    let m: Vec<String> = vec!["rules".into(), "date".into()];
    let src = "//! crate::cli in a doc comment\nuse crate::{\n    dates::{DateExpr, weekday_like},\n    document::Document,\n};\nuse super::Context;\nfn f() { crate::text::Span::new(0, 0); }\n#[cfg(test)]\nmod tests {\n    use crate::engine::check;\n}\nfn g() { crate::lsp::x(); }\n";
    let got: Vec<(usize, String)> = imports(src, &m, false).into_iter().map(|i| (i.line, i.path.join("::"))).collect();
    assert_eq!(
        got,
        vec![
            (2, "dates::DateExpr".to_string()),
            (2, "dates::weekday_like".to_string()),
            (2, "document::Document".to_string()),
            (7, "text::Span::new".to_string()),
            (12, "lsp::x".to_string()),
            (6, "rules::Context".to_string()),
        ]
    );
    assert!(imports(src, &m, true).is_empty());
}
