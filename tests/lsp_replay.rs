//! Acceptance: open an article, apply 1,000 random incremental edits (insertions and deletions,
//! multi-byte characters, CRLF), and check that the server's text equals the same edits applied
//! to a plain String, and that its final diagnostics, and the fixes its code actions offer for
//! them, equal `copydesk check --format json` on the final text.
#[path = "support/lsp_client.rs"]
mod lsp_client;

use std::io::Write;
use std::process::{Command, Stdio};

use lsp_client::{Enc, LspClient, position_of, range_json};
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");
const ARTICLE: &str = include_str!("fixtures/lsp/replay-article.md");
const REFERENCE_DATE: &str = "2025-03-04";

/// SplitMix64: a seeded generator so a failure replays exactly (no `rand` dependency for a test).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "a",
    "e",
    " ",
    "é",
    "ü",
    "😀",
    "🚲",
    "日本",
    "—",
    "\n",
    "\r\n",
    "\n\n",
    "x\u{301}",
    "\"",
    "“",
    "”",
    " experts say",
    " last December",
    " on Monday, March 3, 2025",
    " said the mayor",
    " yesterday",
    " Feb. 30, 2025",
    " according to the board",
    " many believe",
    " next week",
    "👩‍👩‍👧",
];

/// Char boundaries of `text` that an LSP position can name (not between `\r` and `\n`).
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .filter(|&i| !(text[..i].ends_with('\r') && text[i..].starts_with('\n')))
        .collect()
}

/// One random edit as (start, end, new text), valid for `text`.
fn random_edit(rng: &mut Rng, text: &str) -> (usize, usize, String) {
    let b = boundaries(text);
    let i = rng.below(b.len());
    let start = b[i];
    if rng.below(100) < 55 || text.is_empty() {
        let n = 1 + rng.below(2);
        let s: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        (start, start, s)
    } else {
        let j = (i + 1 + rng.below(12)).min(b.len() - 1);
        (start, b[j], String::new())
    }
}

/// (rule, severity, message, range, fixes as code actions offer them: `{title, isPreferred, edits}`).
type Diag = (String, i64, String, Value, Value);

/// The edits of a workspace edit for one document, in either shape.
fn edits_of(edit: &Value) -> Value {
    match edit["documentChanges"].as_array() {
        Some(dc) => dc[0]["edits"].clone(),
        None => edit["changes"].as_object().and_then(|m| m.values().next()).cloned().unwrap_or(Value::Null),
    }
}

/// As the server publishes them, with the fixes its code actions offer for each (one request
/// for all of them; an action names its diagnostic).
fn from_server(c: &mut LspClient, uri: &str, diags: &[Value]) -> Vec<Diag> {
    let actions = if diags.is_empty() {
        Value::Array(Vec::new())
    } else {
        c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": diags[0]["range"],
                   "context": {"diagnostics": diags, "only": ["quickfix"]}}),
        )["result"]
            .clone()
    };
    let actions = actions.as_array().expect("code actions");
    let mut v: Vec<_> = diags
        .iter()
        .map(|d| {
            let rule = d["code"].as_str().unwrap().to_string();
            let suppressions = [format!("Disable {rule} on this line"), format!("Disable {rule} in this document")];
            let fixes: Vec<Value> = actions
                .iter()
                .filter(|a| a["diagnostics"] == json!([d]) && !suppressions.iter().any(|t| a["title"] == *t))
                .map(|a| json!({"title": a["title"], "isPreferred": a["isPreferred"], "edits": edits_of(&a["edit"])}))
                .collect();
            (
                rule,
                d["severity"].as_i64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
                d["range"].clone(),
                Value::Array(fixes),
            )
        })
        .collect();
    v.sort_by(|a, b| a.3.to_string().cmp(&b.3.to_string()).then(a.0.cmp(&b.0)));
    v
}

fn severity_number(s: &str) -> i64 {
    match s {
        "error" => 1,
        "warning" => 2,
        "info" => 3,
        "hint" => 4,
        other => panic!("unknown severity {other}"),
    }
}

/// The same, from `copydesk check --format json` on `text`, ranges converted in `enc`.
fn from_cli(text: &str, enc: Enc) -> Vec<Diag> {
    let mut child = Command::new(BIN)
        .args(["check", "--format", "json", "--no-config", "--stdin-filename", "replay.md"])
        .args(["--reference-date", REFERENCE_DATE, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "check failed: {}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("check --format json prints JSON");
    let diags = report["files"][0]["diagnostics"].as_array().cloned().unwrap_or_default();
    let mut v: Vec<_> = diags
        .iter()
        .map(|d| {
            let (s, e) = (d["start"].as_u64().unwrap() as usize, d["end"].as_u64().unwrap() as usize);
            let (sl, sc) = position_of(text, s, enc);
            let (el, ec) = position_of(text, e, enc);
            (
                d["rule"].as_str().unwrap().to_string(),
                severity_number(d["severity"].as_str().unwrap()),
                d["message"].as_str().unwrap().to_string(),
                json!({"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}}),
                cli_fixes(text, &d["fixes"], enc),
            )
        })
        .collect();
    v.sort_by(|a, b| a.3.to_string().cmp(&b.3.to_string()).then(a.0.cmp(&b.0)));
    v
}

/// CLI fixes (byte offsets) as the server's code actions offer them: display-only ones are not
/// actions, and a safe fix is preferred when it is the finding's only safe one.
fn cli_fixes(text: &str, fixes: &Value, enc: Enc) -> Value {
    let fixes: Vec<Value> =
        fixes.as_array().into_iter().flatten().filter(|f| f["applicability"] != "display-only").cloned().collect();
    let safe = fixes.iter().filter(|f| f["applicability"] == "safe").count();
    Value::Array(
        fixes
            .iter()
            .map(|f| {
                let edits: Vec<Value> = f["edits"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| {
                        let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
                        json!({"range": range_json(text, s, t, enc), "newText": e["new_text"]})
                    })
                    .collect();
                let preferred = safe == 1 && f["applicability"] == "safe";
                json!({"title": f["title"], "isPreferred": preferred, "edits": edits})
            })
            .collect(),
    )
}

/// The same, from the library's `check` with the settings the CLI would use.
fn from_engine(text: &str, enc: Enc) -> Vec<Diag> {
    let settings = copydesk::Settings { reference_date: Some(REFERENCE_DATE.parse().unwrap()), ..Default::default() };
    let report = copydesk::check(text, &settings);
    let mut v: Vec<_> = report
        .findings
        .iter()
        .map(|f| {
            let (sl, sc) = position_of(text, f.span.start, enc);
            let (el, ec) = position_of(text, f.span.end, enc);
            (
                f.rule.to_string(),
                severity_number(f.severity.as_str()),
                f.message.clone(),
                json!({"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}}),
                cli_fixes(text, &serde_json::to_value(&f.fixes).unwrap(), enc),
            )
        })
        .collect();
    v.sort_by(|a, b| a.3.to_string().cmp(&b.3.to_string()).then(a.0.cmp(&b.0)));
    v
}

fn replay(encodings: &[&str], seed: u64, crlf: bool) {
    let mut c = LspClient::spawn(BIN);
    c.initialize(encodings, json!({"referenceDate": REFERENCE_DATE}));
    let uri = "file:///tmp/copydesk-replay/replay.md";
    let mut text = if crlf { ARTICLE.replace('\n', "\r\n") } else { ARTICLE.to_string() };
    c.open(uri, "markdown", 0, &text);
    let mut rng = Rng(seed);
    for v in 1..=1000 {
        let (s, e, new) = random_edit(&mut rng, &text);
        c.change(uri, v, &mut text, s, e, &new);
        if v % 250 == 0 {
            let (version, server) = c.document_text(uri);
            assert_eq!(version, v);
            assert_eq!(server, text, "texts diverged by edit {v} (seed {seed})");
        }
    }
    let (version, server) = c.document_text(uri);
    assert_eq!((version, &server), (1000, &text));
    assert!(!c.log().contains("clamped"), "valid edits were clamped:\n{}", c.log());
    let published = c.diagnostics(uri, 1000);
    let server = from_server(&mut c, uri, &published);
    assert_eq!(server, from_engine(&text, c.enc), "final diagnostics differ from the engine's check");
    assert_eq!(server, from_cli(&text, c.enc), "final diagnostics differ from `copydesk check`");
    assert!(server.len() >= 3, "the edited article should still have findings: {server:?}");
    assert!(
        server.iter().any(|d| d.4.as_array().is_some_and(|f| !f.is_empty())),
        "some final finding should have a fix to compare: {server:?}"
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn replay_1000_random_edits_utf16() {
    replay(&["utf-16"], 0x5EED_0001, false);
}

#[test]
fn replay_1000_random_edits_utf8_crlf() {
    replay(&["utf-8", "utf-16"], 0x5EED_0002, true);
}
