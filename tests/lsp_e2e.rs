//! End to end: the real `copydesk server` binary over stdio, driven by our small client.
#[path = "support/lsp_client.rs"]
mod lsp_client;

use lsp_client::{Enc, LspClient, apply_text_edits, capabilities, position_of, range_json};
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

fn client(encodings: &[&str], options: Value) -> LspClient {
    let mut c = LspClient::spawn(BIN);
    c.initialize(encodings, options);
    c
}

fn action_titled<'a>(actions: &'a Value, title: &str) -> &'a Value {
    actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no action '{title}' in {actions:#}"))
}

/// The single text document edit of an action: (version, edits).
fn document_edit(action: &Value) -> (i64, Vec<Value>) {
    let dc = action["edit"]["documentChanges"].as_array().expect("documentChanges");
    assert_eq!(dc.len(), 1);
    (dc[0]["textDocument"]["version"].as_i64().expect("versioned"), dc[0]["edits"].as_array().unwrap().clone())
}

fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

#[test]
fn initialize_advertises_capabilities_and_prefers_utf8() {
    let mut c = LspClient::spawn(BIN);
    let r = c.initialize(&["utf-16", "utf-8"], Value::Null);
    let caps = &r["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-8");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["inlayHintProvider"], true);
    assert_eq!(caps["codeLensProvider"]["resolveProvider"], false);
    assert_eq!(caps["documentSymbolProvider"]["label"], "Sources");
    let kinds = caps["codeActionProvider"]["codeActionKinds"].as_array().unwrap();
    assert!(kinds.contains(&json!("quickfix")) && kinds.contains(&json!("source.fixAll.copydesk")), "{kinds:?}");
    assert!(caps.get("diagnosticProvider").is_none(), "no pull diagnostics for a client without support");
    assert_eq!(r["result"]["serverInfo"]["name"], "copydesk");
    // The server asked to watch config files (the client supports dynamic registration).
    let reg = c.wait_server_request("client/registerCapability");
    let regs = reg["params"]["registrations"].as_array().unwrap();
    let watch = regs.iter().find(|r| r["method"] == "workspace/didChangeWatchedFiles").expect("watcher");
    assert_eq!(watch["registerOptions"]["watchers"][0]["globPattern"], "**/copydesk.toml");
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn encoding_falls_back_to_utf16_and_accepts_utf32() {
    for (offered, want) in [(json!(["utf-16"]), "utf-16"), (json!(["utf-32"]), "utf-32"), (Value::Null, "utf-16")] {
        let mut c = LspClient::spawn(BIN);
        let mut caps = capabilities(&[]);
        caps["general"]["positionEncodings"] = offered.clone();
        let r = c.initialize_with(caps, Value::Null);
        assert_eq!(r["result"]["capabilities"]["positionEncoding"], want, "offered {offered}");
    }
}

/// Edits around emoji, accents and CRLF line ends, checked against our own copy of the text.
fn edit_session(encodings: &[&str], want: Enc) {
    let mut c = client(encodings, Value::Null);
    assert_eq!(c.enc, want);
    let uri = "file:///tmp/copydesk-e2e/emoji.md";
    let mut text = String::from("Ça va 😀 bien.\r\nSecond line 👩‍👩‍👧 here.\r\nThird: naïve 日本.\n");
    c.open(uri, "markdown", 1, &text);
    assert!(c.diagnostics(uri, 1).is_empty());
    let mut v = 1;
    let mut edit = |c: &mut LspClient, text: &mut String, at: &str, del: usize, new: &str| {
        v += 1;
        let start = text.find(at).unwrap();
        c.change(uri, v, text, start, start + del, new);
    };
    edit(&mut c, &mut text, " bien", 0, "🎉"); // insert after an emoji
    edit(&mut c, &mut text, "😀", "😀".len(), ""); // delete an emoji
    edit(&mut c, &mut text, "\r\nSecond", 2, " "); // join two CRLF lines
    edit(&mut c, &mut text, " here", 0, "\r\nnew ✓ line"); // split with a CRLF
    edit(&mut c, &mut text, "日本", "日本".len(), "中文🀄"); // replace CJK with an astral char
    edit(&mut c, &mut text, "👩", "👩‍👩‍👧".len(), "x"); // delete a ZWJ sequence
    let (version, server) = c.document_text(uri);
    assert_eq!((version, server.as_str()), (v, text.as_str()));
    // The last publication carries the last version.
    c.diagnostics(uri, v);
    assert!(!c.log().contains("clamped"), "no edit should have been clamped:\n{}", c.log());
}

#[test]
fn incremental_edits_with_emoji_and_crlf_under_utf8() {
    edit_session(&["utf-8", "utf-16"], Enc::Utf8);
}

#[test]
fn incremental_edits_with_emoji_and_crlf_under_utf16() {
    edit_session(&["utf-16"], Enc::Utf16);
}

#[test]
fn diagnostics_carry_versions_and_never_go_back() {
    let mut c = client(&["utf-16"], json!({"maxDocumentSize": 40}));
    let uri = "file:///tmp/copydesk-e2e/versions.md";
    let mut text = String::from("Short.\n");
    c.open(uri, "markdown", 1, &text);
    assert!(c.diagnostics(uri, 1).is_empty());
    // A burst of edits: the server may skip intermediate versions but must end at the newest,
    // and versions it publishes never decrease.
    for v in 2..=30 {
        let end = text.len();
        c.change(uri, v, &mut text, end, end, "ab");
    }
    let last = c.diagnostics(uri, 30);
    assert_eq!(last.len(), 1, "the text is now over 40 bytes: {last:?}");
    assert_eq!(last[0]["code"], "document-too-large");
    assert_eq!(last[0]["severity"], 3);
    assert_eq!(last[0]["source"], "copydesk");
    let published: Vec<i64> = c
        .notifications()
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .map(|m| m["params"]["version"].as_i64().unwrap())
        .collect();
    assert!(published.windows(2).all(|w| w[0] < w[1]), "{published:?}");
    assert!(published.iter().all(|&v| v < 30));
}

/// A diagnostic as a client might send it back in a code-action request, without `data` (the
/// server offers it suppression actions only).
fn injected(uri_text: &str, enc: Enc, rule: &str, start: usize, end: usize) -> Value {
    json!({
        "range": range_json(uri_text, start, end, enc),
        "severity": 2, "source": "copydesk", "code": rule, "message": "injected",
    })
}

#[test]
fn code_actions_take_fixes_from_the_published_version_and_apply_cleanly() {
    let mut c = client(&["utf-16"], json!({"referenceDate": "2025-03-04"}));
    let uri = "file:///tmp/copydesk-e2e/actions.md";
    let text = "Intro 😀 line, experts say.\r\nOn Monday, March 4, 2025 it rained.\r\nThe end.\r\n".to_string();
    c.open(uri, "markdown", 3, &text);
    let published = c.diagnostics(uri, 3);
    assert_eq!(codes(&published), ["attribution/vague", "date/weekday"]);
    // `data` names the version and the diagnostic's place in the list; the fixes stay in the server.
    for (i, d) in published.iter().enumerate() {
        assert_eq!(d["data"], json!({"version": 3, "index": i}));
    }
    let e = c.enc;
    let d1 = find_diag(&published, "date/weekday").clone();
    let d2 = find_diag(&published, "attribution/vague").clone();
    let ask = |c: &mut LspClient, diags: &[&Value]| {
        c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": diags[0]["range"], "context": {"diagnostics": diags}}),
        )["result"]
            .clone()
    };
    let actions = ask(&mut c, &[&d1, &d2]);
    // Fixes: the weekday's single safe fix is preferred; the vague attribution's rewrites are
    // unsafe, so none of them is.
    let fix = action_titled(&actions, "Change the weekday to 'Tuesday'");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"], json!([d1]));
    let rewrites: Vec<&Value> = actions
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["diagnostics"] == json!([d2]) && !a["title"].as_str().unwrap().starts_with("Disable "))
        .collect();
    assert!(!rewrites.is_empty(), "{actions:#}");
    assert!(rewrites.iter().all(|a| a["isPreferred"] == false), "{rewrites:#?}");
    let (version, edits) = document_edit(fix);
    assert_eq!(version, 3);
    assert_eq!(
        apply_text_edits(&text, &edits, e),
        "Intro 😀 line, experts say.\r\nOn Tuesday, March 4, 2025 it rained.\r\nThe end.\r\n"
    );
    // Both diagnostics get suppression actions (not only the first).
    let line = action_titled(&actions, "Disable attribution/vague on this line");
    let (_, edits) = document_edit(line);
    assert_eq!(
        apply_text_edits(&text, &edits, e),
        "<!-- copydesk-disable-next-line attribution/vague -->\r\nIntro 😀 line, experts say.\r\nOn Monday, March 4, 2025 it rained.\r\nThe end.\r\n"
    );
    let (_, edits) = document_edit(action_titled(&actions, "Disable date/weekday on this line"));
    assert_eq!(
        apply_text_edits(&text, &edits, e),
        "Intro 😀 line, experts say.\r\n<!-- copydesk-disable-next-line date/weekday -->\r\nOn Monday, March 4, 2025 it rained.\r\nThe end.\r\n"
    );
    let (_, edits) = document_edit(action_titled(&actions, "Disable date/weekday in this document"));
    assert_eq!(
        apply_text_edits(&text, &edits, e),
        "<!-- copydesk-disable date/weekday -->\r\nIntro 😀 line, experts say.\r\nOn Monday, March 4, 2025 it rained.\r\nThe end.\r\n"
    );
    action_titled(&actions, "Disable attribution/vague in this document");

    // The document changes on its last line: the version-3 diagnostic is stale and gets no fix
    // (its edits belong to text that is gone), only the suppressions; the version-4 one does.
    let mut text = text;
    let end = text.len();
    c.change(uri, 4, &mut text, end, end, "More.\r\n");
    let republished = c.diagnostics(uri, 4);
    let stale = ask(&mut c, &[&d1]);
    assert!(stale.as_array().unwrap().iter().all(|a| a["title"] != "Change the weekday to 'Tuesday'"), "{stale:#}");
    action_titled(&stale, "Disable date/weekday on this line");
    let fresh = ask(&mut c, &[find_diag(&republished, "date/weekday")]);
    let (version, edits) = document_edit(action_titled(&fresh, "Change the weekday to 'Tuesday'"));
    assert_eq!(version, 4);
    assert_eq!(apply_text_edits(&text, &edits, e), text.replace("On Monday", "On Tuesday"));
    // A diagnostic whose `data` names a finding it is not (another index) gets no fix either.
    let mut wrong = find_diag(&republished, "date/weekday").clone();
    wrong["data"]["index"] = json!(0);
    let acts = ask(&mut c, &[&wrong]);
    assert!(acts.as_array().unwrap().iter().all(|a| a["title"] != "Change the weekday to 'Tuesday'"), "{acts:#}");
}

#[test]
fn set_publication_date_inserts_front_matter() {
    let mut c = client(&["utf-8"], Value::Null);
    let uri = "file:///tmp/copydesk-e2e/date.md";
    let text = "# Storm hits coast\n\nIt rained yesterday.\n";
    c.open(uri, "markdown", 1, text);
    c.diagnostics(uri, 1);
    let before = today();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range_json(text, 0, 0, c.enc), "context": {"diagnostics": []}}),
    );
    let after = today();
    let actions = &r["result"];
    let day = if actions.as_array().unwrap().iter().any(|a| a["title"] == format!("Set publication date to {before}")) {
        before
    } else {
        after
    };
    let (version, edits) = document_edit(action_titled(actions, &format!("Set publication date to {day}")));
    assert_eq!(version, 1);
    assert_eq!(apply_text_edits(text, &edits, c.enc), format!("---\ndate: {day}\n---\n{text}"));

    // Plain-text documents get the same suppression comments on their own line, no front matter.
    let puri = "file:///tmp/copydesk-e2e/date.txt";
    let ptext = "Line one\nLine two";
    c.open(puri, "plaintext", 1, ptext);
    c.diagnostics(puri, 1);
    let d = injected(ptext, c.enc, "claim/unsourced", 9, 13);
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": puri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let actions = &r["result"];
    assert!(actions.as_array().unwrap().iter().all(|a| !a["title"].as_str().unwrap().starts_with("Set publication")));
    let (_, edits) = document_edit(action_titled(actions, "Disable claim/unsourced on this line"));
    assert_eq!(
        apply_text_edits(ptext, &edits, c.enc),
        "Line one\n<!-- copydesk-disable-next-line claim/unsourced -->\nLine two"
    );
}

#[test]
fn code_lens_summarises_and_hover_and_hints_are_empty_where_nothing_is_found() {
    let mut c = client(&["utf-16"], json!({"referenceDate": "2025-03-04"}));
    let uri = "file:///tmp/copydesk-e2e/lens.md";
    let text = "Plain words with nothing to flag.\n";
    c.open(uri, "markdown", 1, text);
    c.diagnostics(uri, 1);
    let r = c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}}));
    let lens = &r["result"][0];
    assert_eq!(lens["range"]["start"], json!({"line": 0, "character": 0}));
    assert_eq!(lens["command"]["title"], "no findings · published 2025-03-04");
    let r =
        c.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}}));
    assert_eq!(r["result"], Value::Null);
    let r = c.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri}, "range": range_json(text, 0, text.len(), c.enc)}),
    );
    assert_eq!(r["result"], json!([]));
}

#[test]
fn configuration_changes_relint_and_invalid_settings_keep_the_old_ones() {
    let mut c = client(&["utf-16"], Value::Null);
    let uri = "file:///tmp/copydesk-e2e/config.md";
    let mut text = "A sentence of some length for the limit.\n".to_string();
    c.open(uri, "markdown", 1, &text);
    assert!(c.diagnostics(uri, 1).is_empty());
    // The server pulls the `copydesk` section on didChangeConfiguration.
    c.configuration = json!({"maxDocumentSize": 10});
    c.notify("workspace/didChangeConfiguration", json!({"settings": null}));
    let d = c.diagnostics(uri, 1);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["code"], "document-too-large");
    let asked = c.server_requests.iter().rfind(|m| m["method"] == "workspace/configuration").unwrap();
    assert_eq!(asked["params"]["items"][0]["section"], "copydesk");
    // Invalid: one message naming the key; the limit of 10 stays.
    c.configuration = json!({"maxDocumentSize": "big", "inlayHints": false});
    c.notify("workspace/didChangeConfiguration", json!({"settings": null}));
    let m = c.wait_notification("showMessage", |m| m["method"] == "window/showMessage");
    let msg = m["params"]["message"].as_str().unwrap();
    assert!(msg.contains("maxDocumentSize"), "{msg}");
    assert_eq!(m["params"]["type"], 1);
    let end = text.len();
    c.change(uri, 2, &mut text, end, end, "x");
    assert_eq!(c.diagnostics(uri, 2)[0]["code"], "document-too-large");
    // Back to valid settings without a limit problem.
    c.configuration = json!({"maxDocumentSize": 1000});
    c.notify("workspace/didChangeConfiguration", json!({"settings": null}));
    assert!(c.diagnostics(uri, 2).is_empty());
    let shown = c.notifications().iter().filter(|m| m["method"] == "window/showMessage").count();
    assert_eq!(shown, 0, "exactly one message for the one invalid change");
}

#[test]
fn settings_come_from_initialization_options_and_push_style_changes() {
    // A client without workspace/configuration sends the settings in the notification.
    let mut caps = capabilities(&["utf-16"]);
    caps["workspace"]["configuration"] = json!(false);
    let mut c = LspClient::spawn(BIN);
    c.initialize_with(caps, json!({"maxDocumentSize": 5}));
    let uri = "file:///tmp/copydesk-e2e/init.txt";
    c.open(uri, "plaintext", 1, "The ferry left on time.");
    assert_eq!(c.diagnostics(uri, 1)[0]["code"], "document-too-large");
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"copydesk": {"maxDocumentSize": 100}}}));
    assert!(c.diagnostics(uri, 1).is_empty());
}

#[test]
fn close_clears_diagnostics_and_unknown_documents_are_ignored() {
    let mut c = client(&["utf-16"], json!({"maxDocumentSize": 3}));
    let uri = "file:///tmp/copydesk-e2e/close.md";
    c.open(uri, "markdown", 1, "long enough");
    assert_eq!(c.diagnostics(uri, 1).len(), 1);
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    let m = c.wait_notification("cleared", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
    });
    assert_eq!(m["params"]["diagnostics"], json!([]));
    assert!(m["params"].get("version").is_none_or(Value::is_null));
    // Edits to a closed or never-opened document are logged and ignored.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "x"}]}),
    );
    let r = c.request("copydesk/documentText", json!({"uri": uri}));
    assert_eq!(r["result"], Value::Null);
    // Other languages are not ours.
    c.open("file:///tmp/copydesk-e2e/code.py", "python", 1, "print('hi')\n");
    let r = c.request("copydesk/documentText", json!({"uri": "file:///tmp/copydesk-e2e/code.py"}));
    assert_eq!(r["result"], Value::Null);
    c.wait_log("not open");
    c.wait_log("language id 'python'");
}

#[test]
fn garbage_frames_get_errors_and_the_server_keeps_serving() {
    let mut c = client(&["utf-16"], Value::Null);
    c.send_raw(b"Content-Length: 7\r\n\r\n{nope!}");
    let r = c.wait_response(Value::Null);
    assert_eq!(r["error"]["code"], -32700);
    c.send_raw(b"Content-Length: 11\r\n\r\n{\"id\": 41}\n");
    let r = c.wait_response(json!(41));
    assert_eq!(r["error"]["code"], -32600);
    c.send_raw(b"this is not a header\r\n\r\n");
    let r = c.wait_response(Value::Null);
    assert_eq!(r["error"]["code"], -32700);
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///x.md"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(r["result"], Value::Null);
    assert!(r.get("error").is_none());
    let r = c.request("no/suchMethod", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn out_of_range_edits_are_clamped_and_logged() {
    let mut c = client(&["utf-16"], Value::Null);
    let uri = "file:///tmp/copydesk-e2e/clamp.md";
    c.open(uri, "markdown", 1, "ab😀\r\ncd");
    let send = |c: &mut LspClient, v: i64, range: Value, t: &str| {
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"range": range, "text": t}]}),
        );
    };
    let pos = |l: u32, ch: u32| json!({"line": l, "character": ch});
    send(&mut c, 2, json!({"start": pos(0, 99), "end": pos(0, 99)}), "!"); // past the line end
    send(&mut c, 3, json!({"start": pos(0, 3), "end": pos(0, 3)}), "["); // inside the surrogate pair
    send(&mut c, 4, json!({"start": pos(40, 0), "end": pos(50, 2)}), "?"); // past the end
    assert_eq!(c.document_text(uri), (4, "ab[😀!\r\ncd?".to_string()));
    c.wait_log("clamped");
    assert!(c.diagnostics(uri, 4).is_empty());
}

#[test]
fn pull_diagnostics_when_the_client_supports_them() {
    let mut caps = capabilities(&["utf-16"]);
    caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    let mut c = LspClient::spawn(BIN);
    let r = c.initialize_with(caps, json!({"maxDocumentSize": 4}));
    assert_eq!(r["result"]["capabilities"]["diagnosticProvider"]["identifier"], "copydesk");
    let uri = "file:///tmp/copydesk-e2e/pull.md";
    c.open(uri, "markdown", 1, "abcdef");
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    assert_eq!(r["result"]["kind"], "full");
    assert_eq!(r["result"]["items"][0]["code"], "document-too-large");
    let mut text = "abcdef".to_string();
    c.change(uri, 2, &mut text, 2, 6, "");
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    assert_eq!(r["result"]["items"], json!([]), "the pull answers for the current text");
    assert!(
        !c.notifications().iter().any(|m| m["method"] == "textDocument/publishDiagnostics"),
        "a pull client is not also pushed to"
    );
}

#[test]
fn positions_in_diagnostics_use_the_negotiated_encoding() {
    // The too-large diagnostic sits at 0:0; a real finding range is checked in the replay test.
    // Here: hover positions past an emoji resolve in the negotiated encoding without clamping.
    for enc in [["utf-8"], ["utf-16"]] {
        let mut c = client(&enc, Value::Null);
        let uri = "file:///tmp/copydesk-e2e/pos.md";
        let mut text = "😀😀 tail\n".to_string();
        c.open(uri, "markdown", 1, &text);
        let (_, col) = position_of(&text, text.find("tail").unwrap(), c.enc);
        assert_eq!(col, if c.enc == Enc::Utf8 { 9 } else { 5 });
        let at = text.find("tail").unwrap();
        c.change(uri, 2, &mut text, at, at + 4, "end");
        assert_eq!(c.document_text(uri).1, "😀😀 end\n");
    }
}

#[test]
fn exits_even_when_the_client_never_answers_its_requests() {
    // The server asks for workspace/configuration after `initialized`; a client that shuts down
    // without answering must still see the server exit.
    let mut c = LspClient::spawn(BIN);
    c.answer_requests = false;
    c.initialize(&["utf-16"], Value::Null);
    c.wait_server_request("client/registerCapability");
    assert_eq!(c.shutdown(), Some(0));
}

// ---- With the rules: real findings through the protocol ----

const ARTICLE: &str = "---\ndate: 2025-03-04\n---\n\n😀 On Monday, March 4, 2025, experts say the pier closed last December. The footpath reopens Feb. 30, 2025.\n";

fn codes(diags: &[Value]) -> Vec<&str> {
    diags.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

fn find_diag<'a>(diags: &'a [Value], code: &str) -> &'a Value {
    diags.iter().find(|d| d["code"] == code).unwrap_or_else(|| panic!("no {code} in {diags:#?}"))
}

#[test]
fn real_findings_carry_rule_severity_ranges_and_fixes() {
    for enc in [["utf-16"], ["utf-8"]] {
        let mut c = client(&enc, Value::Null);
        let uri = "file:///tmp/copydesk-e2e/real.md";
        c.open(uri, "markdown", 1, ARTICLE);
        let d = c.diagnostics(uri, 1);
        assert_eq!(codes(&d), ["date/weekday", "attribution/vague", "date/relative", "date/invalid"]);
        let weekday = find_diag(&d, "date/weekday");
        assert_eq!(weekday["source"], "copydesk");
        assert_eq!(weekday["severity"], 1);
        assert_eq!(weekday["message"], "'Monday, March 4, 2025': March 4, 2025 is a Tuesday, not a Monday");
        let at = ARTICLE.find("Monday").unwrap();
        assert_eq!(weekday["range"], range_json(ARTICLE, at, at + "Monday, March 4, 2025".len(), c.enc));
        // Line 4 starts with an emoji: 3 (utf-8: "On " is after 4 bytes + space) columns differ per encoding.
        let col = weekday["range"]["start"]["character"].as_u64().unwrap();
        assert_eq!(col, if c.enc == Enc::Utf8 { 8 } else { 6 });
        // `data` names the version and the diagnostic's place in the list; the fixes come with
        // the code actions.
        assert_eq!(weekday["data"], json!({"version": 1, "index": 0}));
        let r = c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": weekday["range"], "context": {"diagnostics": [weekday]}}),
        );
        let fix = action_titled(&r["result"], "Change the weekday to 'Tuesday'");
        assert_eq!(fix["isPreferred"], true, "the one safe fix");
        assert_eq!(find_diag(&d, "attribution/vague")["severity"], 2);
        assert_eq!(find_diag(&d, "date/relative")["severity"], 4);
    }
}

#[test]
fn applying_real_fixes_and_suppressions_changes_the_findings() {
    let mut c = client(&["utf-16"], Value::Null);
    let uri = "file:///tmp/copydesk-e2e/fixes.md";
    let mut text = ARTICLE.to_string();
    c.open(uri, "markdown", 1, &text);
    let d = c.diagnostics(uri, 1);
    let ask = |c: &mut LspClient, d: &[Value], only: Option<Value>| {
        let mut ctx = json!({"diagnostics": d});
        if let Some(o) = only {
            ctx["only"] = o;
        }
        c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": d[0]["range"], "context": ctx}),
        )["result"]
            .clone()
    };
    let actions = ask(&mut c, &d, None);
    // Every diagnostic in the request got its actions, not just the first.
    for code in ["date/weekday", "attribution/vague", "date/relative", "date/invalid"] {
        action_titled(&actions, &format!("Disable {code} on this line"));
        action_titled(&actions, &format!("Disable {code} in this document"));
    }
    let fix = action_titled(&actions, "Change the weekday to 'Tuesday'");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(action_titled(&actions, "Change to 'Feb. 28, 2025' (the last day of the month)")["isPreferred"], false);
    // Apply the weekday fix as an editor would: the edit, then a didChange.
    let (version, edits) = document_edit(fix);
    assert_eq!(version, 1);
    let fixed = apply_text_edits(&text, &edits, c.enc);
    assert_eq!(fixed, ARTICLE.replace("On Monday", "On Tuesday"));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": edits.iter().map(|e| json!({"range": e["range"], "text": e["newText"]})).collect::<Vec<_>>()}),
    );
    text = fixed;
    let d = c.diagnostics(uri, 2);
    assert_eq!(codes(&d), ["attribution/vague", "date/relative", "date/invalid"]);
    assert_eq!(c.document_text(uri).1, text);
    // Suppress date/invalid in the document: the directive goes after the front matter.
    let actions = ask(&mut c, &d, None);
    let (_, edits) = document_edit(action_titled(&actions, "Disable date/invalid in this document"));
    let suppressed = apply_text_edits(&text, &edits, c.enc);
    assert!(
        suppressed.starts_with("---\ndate: 2025-03-04\n---\n<!-- copydesk-disable date/invalid -->\n"),
        "{suppressed}"
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": suppressed}]}),
    );
    let d = c.diagnostics(uri, 3);
    assert_eq!(codes(&d), ["attribution/vague", "date/relative"]);
    // And on one line.
    let actions = ask(&mut c, &d, None);
    let (_, edits) = document_edit(action_titled(&actions, "Disable attribution/vague on this line"));
    let text4 = apply_text_edits(&suppressed, &edits, c.enc);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": text4}]}),
    );
    assert_eq!(codes(&c.diagnostics(uri, 4)), ["date/relative"]);
}

#[test]
fn fix_all_applies_only_safe_fixes() {
    let mut c = client(&["utf-16"], Value::Null);
    let uri = "file:///tmp/copydesk-e2e/fixall.md";
    let text = "---\ndate: 2025-03-04\n---\n\nOn Monday, March 4, 2025, and on Thursday, March 7, 2025, experts say it rained.\n";
    c.open(uri, "markdown", 1, text);
    let d = c.diagnostics(uri, 1);
    assert_eq!(codes(&d), ["date/weekday", "date/weekday", "attribution/vague"]);
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range_json(text, 0, 0, c.enc),
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let actions = r["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.copydesk");
    let (version, edits) = document_edit(&actions[0]);
    assert_eq!(version, 1);
    assert_eq!(
        apply_text_edits(text, &edits, c.enc),
        text.replace("On Monday", "On Tuesday").replace("on Thursday", "on Friday")
    );
}

#[test]
fn hover_explains_findings_and_dates() {
    let mut c = client(&["utf-16"], Value::Null);
    let uri = "file:///tmp/copydesk-e2e/hover.md";
    c.open(uri, "markdown", 1, ARTICLE);
    c.diagnostics(uri, 1);
    let hover = |c: &mut LspClient, needle: &str| {
        let (line, character) = position_of(ARTICLE, ARTICLE.find(needle).unwrap() + 1, c.enc);
        c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        )["result"]
            .clone()
    };
    let h = hover(&mut c, "experts say");
    let md = h["contents"]["value"].as_str().unwrap();
    assert_eq!(h["contents"]["kind"], "markdown");
    let meta = copydesk::rules::rule("attribution/vague").unwrap();
    assert!(md.contains(meta.summary), "{md}");
    assert!(md.contains("**Why it matters.**"), "{md}");
    assert!(md.contains("'experts say' names no source"), "{md}");
    let h = hover(&mut c, "March 4, 2025");
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("**March 4, 2025** (Tuesday)"), "{md}");
    assert!(md.contains("the publication date"), "{md}");
    let h = hover(&mut c, "last December");
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("Resolved: December 2024"), "{md}");
    assert_eq!(hover(&mut c, "pier"), Value::Null);
}

#[test]
fn inlay_hints_and_code_lens_with_real_dates() {
    let mut c = client(&["utf-16"], Value::Null);
    let uri = "file:///tmp/copydesk-e2e/hints.md";
    c.open(uri, "markdown", 1, ARTICLE);
    c.diagnostics(uri, 1);
    let whole = range_json(ARTICLE, 0, ARTICLE.len(), c.enc);
    let r = c.request("textDocument/inlayHint", json!({"textDocument": {"uri": uri}, "range": whole}));
    let hints = r["result"].as_array().unwrap();
    assert_eq!(hints.len(), 1, "{hints:#?}");
    assert_eq!(hints[0]["label"], "→ December 2024");
    let end = ARTICLE.find("last December").unwrap() + "last December".len();
    let (line, character) = position_of(ARTICLE, end, c.enc);
    assert_eq!(hints[0]["position"], json!({"line": line, "character": character}));
    let r = c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}}));
    assert_eq!(r["result"][0]["command"]["title"], "1 vague attribution · 3 date errors · published 2025-03-04");
    // The setting turns hints off.
    c.configuration = json!({"inlayHints": false});
    c.notify("workspace/didChangeConfiguration", json!({"settings": null}));
    c.diagnostics(uri, 1);
    let r = c.request("textDocument/inlayHint", json!({"textDocument": {"uri": uri}, "range": whole}));
    assert_eq!(r["result"], json!([]));
}

#[test]
fn rule_settings_from_the_editor_and_the_nearest_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("copydesk.toml");
    std::fs::write(&toml, "[rules.attribution]\nenabled = false\n").unwrap();
    let doc = dir.path().join("story.md");
    std::fs::write(&doc, ARTICLE).unwrap();
    let uri = format!("file://{}", doc.display());
    let mut c = client(&["utf-16"], json!({"rules": {"date/relative": {"severity": "warning"}}}));
    c.open(&uri, "markdown", 1, ARTICLE);
    let d = c.diagnostics(&uri, 1);
    assert_eq!(codes(&d), ["date/weekday", "date/relative", "date/invalid"], "the config file turns attribution off");
    assert_eq!(find_diag(&d, "date/relative")["severity"], 2, "editor severity applies");
    // The file changes: the server re-reads it when told.
    std::fs::write(&toml, "[rules.\"date/invalid\"]\nseverity = \"info\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}", toml.display()), "type": 2}]}),
    );
    let d = c.diagnostics(&uri, 1);
    assert_eq!(codes(&d), ["date/weekday", "attribution/vague", "date/relative", "date/invalid"]);
    assert_eq!(find_diag(&d, "date/invalid")["severity"], 3);
    // A broken file: one message; the last good version stays.
    std::fs::write(&toml, "[rules\nbroken").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}", toml.display()), "type": 2}]}),
    );
    let m = c.wait_notification("showMessage", |m| m["method"] == "window/showMessage");
    assert!(m["params"]["message"].as_str().unwrap().contains("copydesk.toml"), "{m}");
    let d = c.diagnostics(&uri, 1);
    assert_eq!(find_diag(&d, "date/invalid")["severity"], 3);
}

#[test]
fn set_publication_date_is_not_offered_when_the_article_has_one() {
    let mut c = client(&["utf-16"], Value::Null);
    let uri = "file:///tmp/copydesk-e2e/dated.md";
    c.open(uri, "markdown", 1, ARTICLE);
    let d = c.diagnostics(uri, 1);
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d[0]["range"], "context": {"diagnostics": d}}),
    );
    let titles: Vec<&str> = r["result"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.iter().all(|t| !t.starts_with("Set publication date")), "{titles:?}");
    // Without the front matter date the article falls back to today, and the action appears,
    // extending the existing front matter.
    let undated = ARTICLE.replace("date: 2025-03-04\n", "title: Pier\n");
    c.open(uri, "markdown", 2, &undated);
    c.diagnostics(uri, 2);
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range_json(&undated, 0, 0, c.enc), "context": {"diagnostics": []}}),
    );
    let action = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Set publication date to "))
        .expect("offered")
        .clone();
    let day = action["title"].as_str().unwrap().trim_start_matches("Set publication date to ").to_string();
    assert!(day == today() || day < today(), "{day}");
    let (_, edits) = document_edit(&action);
    assert_eq!(
        apply_text_edits(&undated, &edits, c.enc),
        undated.replace("title: Pier\n", &format!("title: Pier\ndate: {day}\n"))
    );
}

/// The repository path a default `codeDescription.href` names (`…/docs/rules/date/invalid.md`).
fn page_of(href: &str) -> std::path::PathBuf {
    let rel = href.strip_prefix(copydesk::rules::DEFAULT_DOCS_URL).unwrap_or_else(|| panic!("{href}"));
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules").join(rel)
}

#[test]
fn every_diagnostic_links_to_its_rules_page() {
    let mut c = client(&["utf-16"], Value::Null);
    let uri = "file:///tmp/copydesk-e2e/links.md";
    let text =
        "---\ndate: 2025-03-04\n---\n\nOn Monday, March 4, 2025, experts say the pier closed on Feb. 30, 2025.\n";
    c.open(uri, "markdown", 1, text);
    let d = c.diagnostics(uri, 1);
    assert!(d.len() >= 3, "{d:#?}");
    for diag in &d {
        let href = diag["codeDescription"]["href"].as_str().unwrap_or_else(|| panic!("no href: {diag:#}"));
        let rule = diag["code"].as_str().unwrap();
        assert!(href.ends_with(&format!("/{rule}.md")), "{href}");
        let page = page_of(href);
        assert!(page.is_file(), "{href} names {}, which is not in the repository", page.display());
        let body = std::fs::read_to_string(&page).unwrap();
        assert!(body.contains(&format!("# {rule}\n")), "{}", page.display());
    }
    // The pull model carries the same links.
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}}));
    let items = r["result"]["items"].as_array().unwrap();
    assert_eq!(items.len(), d.len());
    for (pulled, pushed) in items.iter().zip(&d) {
        assert_eq!(pulled["codeDescription"], pushed["codeDescription"]);
    }

    // A configured base URL replaces the default.
    let mut c = client(&["utf-16"], json!({"docsUrl": "https://newsroom.example/copydesk/{id}"}));
    c.open(uri, "markdown", 1, text);
    let d = c.diagnostics(uri, 1);
    let weekday = find_diag(&d, "date/weekday");
    assert_eq!(weekday["codeDescription"]["href"], "https://newsroom.example/copydesk/date/weekday");
}

/// What VS Code sends for `editor.codeActionsOnSave` (`source.fixAll` or `source.fixAll.copydesk`,
/// triggerKind 2, the diagnostics in range) and what Neovim sends for
/// `vim.lsp.buf.code_action({context = {only = {"source.fixAll"}}})`: each gets the one safe fix-all.
#[test]
fn fix_all_answers_vscode_on_save_and_neovim_kind_filters() {
    let mut c = client(&["utf-16"], Value::Null);
    let uri = "file:///tmp/copydesk-e2e/fixall-kinds.md";
    let text = "---\ndate: 2025-03-04\n---\n\nOn Monday, March 4, 2025, experts say it rained.\n";
    c.open(uri, "markdown", 1, text);
    let d = c.diagnostics(uri, 1);
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 5, "character": 0}});
    let ask = |c: &mut LspClient, context: Value| -> Vec<Value> {
        let r = c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": whole, "context": context}),
        );
        r["result"].as_array().cloned().unwrap_or_default()
    };
    for only in [json!(["source.fixAll"]), json!(["source.fixAll.copydesk"]), json!(["source"])] {
        for (trigger, diags) in [(2, json!(d.clone())), (1, json!([]))] {
            let actions = ask(&mut c, json!({"diagnostics": diags, "only": only, "triggerKind": trigger}));
            assert_eq!(actions.len(), 1, "only {only}: {actions:#?}");
            assert_eq!(actions[0]["kind"], "source.fixAll.copydesk");
            let (_, edits) = document_edit(&actions[0]);
            assert_eq!(apply_text_edits(text, &edits, c.enc), text.replace("On Monday", "On Tuesday"), "only {only}");
        }
    }
    // Other kinds never get it.
    for only in [json!(["quickfix"]), json!(["source.organizeImports"]), json!(["source.fix"])] {
        let actions = ask(&mut c, json!({"diagnostics": [], "only": only}));
        assert!(actions.iter().all(|a| a["kind"] != "source.fixAll.copydesk"), "only {only}: {actions:#?}");
    }
}

/// A named source, a pronoun that refers back to it, and a vague source (line 3 has an emoji:
/// columns differ between encodings).
const LEDGER: &str = "# Pier repairs\n\nAt the quay 😀, Maria Ortiz said the pier would reopen in May.\n\nShe added that the repairs had cost more than planned.\n\nCritics say the work was rushed.\n";

fn span_range(text: &str, needle: &str, enc: lsp_client::Enc) -> Value {
    let start = text.find(needle).unwrap_or_else(|| panic!("{needle:?} in the text"));
    range_json(text, start, start + needle.len(), enc)
}

#[test]
fn the_source_ledger_is_an_outline_a_lens_and_hovers() {
    for enc in [["utf-16"], ["utf-8"]] {
        let mut c = client(&enc, json!({"referenceDate": "2025-03-04"}));
        let uri = "file:///tmp/copydesk-e2e/ledger.md";
        let mut text = LEDGER.to_string();
        c.open(uri, "markdown", 1, &text);
        c.diagnostics(uri, 1);
        let e = c.enc;
        let at = |needle: &str| span_range(LEDGER, needle, e);

        // The outline: one symbol per source, in order of first citation, a child per citation.
        let r = c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
        let symbols = r["result"].as_array().unwrap_or_else(|| panic!("{r:#}"));
        assert_eq!(symbols.len(), 2, "{symbols:#?}");
        let ortiz = &symbols[0];
        assert_eq!(ortiz["name"], "Maria Ortiz");
        assert_eq!(ortiz["detail"], "named · 2×", "the pronoun counts for its referent");
        assert_eq!(ortiz["kind"], 19, "Object: someone definite");
        assert_eq!(ortiz["selectionRange"], at("Maria Ortiz"));
        let first = LEDGER.find("Maria Ortiz").unwrap();
        let she_end = LEDGER.find("She").unwrap() + "She".len();
        assert_eq!(ortiz["range"], range_json(LEDGER, first, she_end, e), "encloses every citation");
        let kids = ortiz["children"].as_array().unwrap();
        let kids: Vec<(&str, &str, &Value)> =
            kids.iter().map(|k| (k["name"].as_str().unwrap(), k["detail"].as_str().unwrap(), &k["range"])).collect();
        assert_eq!(kids, [("Maria Ortiz", "said", &at("Maria Ortiz")), ("She", "added", &at("She"))]);
        let critics = &symbols[1];
        assert_eq!(critics["name"], "Critics");
        assert_eq!(critics["detail"], "vague · 1×");
        assert_eq!(critics["kind"], 18, "Array: a crowd of no one in particular");
        assert_eq!(critics["range"], at("Critics"));
        assert_eq!(critics["children"][0]["detail"], "say");

        // The lenses: the findings summary first, as before, then the ledger's summary line.
        let r = c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}}));
        let titles: Vec<&str> =
            r["result"].as_array().unwrap().iter().map(|l| l["command"]["title"].as_str().unwrap()).collect();
        assert_eq!(titles, ["1 vague attribution · published 2025-03-04", "2 sources: 1 named, 0 anonymous, 1 vague"]);
        assert_eq!(r["result"][1]["range"]["start"], json!({"line": 0, "character": 0}));

        // Hovers: a pronoun says whom it refers to; any source its kind and how often it is cited.
        let hover = |c: &mut LspClient, needle: &str| {
            let (line, character) = position_of(LEDGER, LEDGER.find(needle).unwrap() + 1, e);
            c.request(
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
            )["result"]
                .clone()
        };
        let h = hover(&mut c, "She");
        assert_eq!(
            h["contents"]["value"],
            "**Source** 'She' refers to Maria Ortiz (line 3)\n\nMaria Ortiz: named, cited 2 times (lines 3, 5)"
        );
        assert_eq!(h["range"], at("She"));
        let h = hover(&mut c, "Maria Ortiz");
        assert_eq!(h["contents"]["value"], "**Source** Maria Ortiz: named, cited 2 times (lines 3, 5)");
        assert_eq!(h["range"], at("Maria Ortiz"));
        // Where a finding is, the finding comes first and the source follows.
        let h = hover(&mut c, "Critics");
        let md = h["contents"]["value"].as_str().unwrap();
        let (finding, source) = (md.find("attribution/vague").unwrap(), md.find("**Source** Critics").unwrap());
        assert!(finding < source, "{md}");
        assert!(md.ends_with("**Source** Critics: vague, cited once (line 7)"), "{md}");
        assert_eq!(hover(&mut c, "the repairs"), Value::Null);

        // An edit removes the vague source: asked at once, the outline is the new version's.
        let start = text.find("Critics").unwrap();
        c.change(uri, 2, &mut text, start, start + "Critics say the work was rushed.".len(), "");
        let r = c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
        let names: Vec<&str> = r["result"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Maria Ortiz"]);
        let r = c.request("textDocument/codeLens", json!({"textDocument": {"uri": uri}}));
        assert_eq!(r["result"][1]["command"]["title"], "1 source: 1 named, 0 anonymous, 0 vague");
        // An article that cites no one: no symbols, and only the findings lens.
        let quiet = "file:///tmp/copydesk-e2e/quiet.md";
        c.open(quiet, "markdown", 1, "The pier reopened in May.\n");
        c.diagnostics(quiet, 1);
        let r = c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": quiet}}));
        assert_eq!(r["result"], json!([]));
        let r = c.request("textDocument/codeLens", json!({"textDocument": {"uri": quiet}}));
        assert_eq!(r["result"].as_array().unwrap().len(), 1, "{r:#}");
        assert_eq!(c.shutdown(), Some(0));
    }
}
