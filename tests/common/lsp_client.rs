//! A small LSP test client: spawns `copydesk server`, frames JSON-RPC over stdio, answers the
//! server's own requests, collects notifications. Shared by the end-to-end tests and the latency
//! bench. Position arithmetic here is written independently of `copydesk::text::position` so the
//! tests check the server against a second implementation.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub const TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enc {
    Utf8,
    Utf16,
    Utf32,
}

impl Enc {
    pub fn name(self) -> &'static str {
        match self {
            Enc::Utf8 => "utf-8",
            Enc::Utf16 => "utf-16",
            Enc::Utf32 => "utf-32",
        }
    }
    fn units(self, c: char) -> u32 {
        match self {
            Enc::Utf8 => c.len_utf8() as u32,
            Enc::Utf16 => c.len_utf16() as u32,
            Enc::Utf32 => 1,
        }
    }
}

/// Byte offset of an LSP position in `text` (lines split at `\n`; `\r` before it is not a column).
/// Panics on positions that do not exist: the tests only send valid ones through this.
pub fn offset_of(text: &str, line: u32, character: u32, enc: Enc) -> usize {
    let mut start = 0;
    for _ in 0..line {
        start += text[start..].find('\n').expect("line exists") + 1;
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units == character {
            return start + i;
        }
        let eol = c == '\n' || (c == '\r' && text[start + i..].starts_with("\r\n"));
        assert!(!eol, "column past end of line");
        units += enc.units(c);
        assert!(units <= character, "column inside a character");
    }
    assert_eq!(units, character, "column past end of text");
    text.len()
}

/// LSP position of byte `offset` (on a char boundary, not between `\r` and `\n`).
pub fn position_of(text: &str, offset: usize, enc: Enc) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[start..offset].chars().map(|c| enc.units(c)).sum();
    (line, col)
}

pub fn range_json(text: &str, start: usize, end: usize, enc: Enc) -> Value {
    let (sl, sc) = position_of(text, start, enc);
    let (el, ec) = position_of(text, end, enc);
    json!({"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}})
}

/// Apply LSP `TextEdit`s (non-overlapping, against the same text) to `text`.
pub fn apply_text_edits(text: &str, edits: &[Value], enc: Enc) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let r = &e["range"];
            let s = offset_of(
                text,
                r["start"]["line"].as_u64().unwrap() as u32,
                r["start"]["character"].as_u64().unwrap() as u32,
                enc,
            );
            let t = offset_of(
                text,
                r["end"]["line"].as_u64().unwrap() as u32,
                r["end"]["character"].as_u64().unwrap() as u32,
                enc,
            );
            (s, t, e["newText"].as_str().unwrap().to_string())
        })
        .collect();
    spans.sort_by_key(|s| (s.0, s.1));
    let mut out = text.to_string();
    for (s, t, new) in spans.into_iter().rev() {
        out.replace_range(s..t, &new);
    }
    out
}

pub struct LspClient {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
    pub notifications: Vec<Value>,
    pub server_requests: Vec<Value>,
    /// What `workspace/configuration` is answered with (one item).
    pub configuration: Value,
    pub stderr: Arc<Mutex<String>>,
    pub enc: Enc,
    /// Answer the server's requests (true) or leave them unanswered, like a client that is leaving.
    pub answer_requests: bool,
}

pub fn capabilities(encodings: &[&str]) -> Value {
    json!({
        "general": {"positionEncodings": encodings},
        "workspace": {
            "configuration": true,
            "didChangeConfiguration": {"dynamicRegistration": true},
            "didChangeWatchedFiles": {"dynamicRegistration": true},
            "workspaceEdit": {"documentChanges": true},
        },
        "textDocument": {
            "publishDiagnostics": {"versionSupport": true},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}}},
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "inlayHint": {},
        }
    })
}

impl LspClient {
    pub fn spawn(bin: &str) -> LspClient {
        Self::spawn_in(bin, None)
    }

    pub fn spawn_in(bin: &str, cwd: Option<&Path>) -> LspClient {
        let mut cmd = Command::new(bin);
        cmd.arg("server").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        cmd.env("COPYDESK_LOG", "info");
        if let Some(d) = cwd {
            cmd.current_dir(d);
        }
        let mut child = cmd.spawn().expect("spawn copydesk server");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let l = line.trim();
                    if l.is_empty() {
                        break;
                    }
                    if let Some(v) = l.strip_prefix("Content-Length:") {
                        len = Some(v.trim().parse::<usize>().expect("content length"));
                    }
                }
                let mut body = vec![0; len.expect("Content-Length header")];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&body).expect("server wrote valid JSON");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        let log = Arc::new(Mutex::new(String::new()));
        let log2 = log.clone();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stderr);
            let mut line = String::new();
            while r.read_line(&mut line).unwrap_or(0) > 0 {
                log2.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
        LspClient {
            child,
            stdin,
            rx,
            next_id: 1,
            notifications: Vec::new(),
            server_requests: Vec::new(),
            configuration: Value::Null,
            stderr: log,
            enc: Enc::Utf16,
            answer_requests: true,
        }
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn send(&mut self, msg: &Value) {
        let body = msg.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{}", body.len(), body);
        self.send_raw(frame.as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Send a request without waiting; returns its id.
    pub fn request_async(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Send a request and wait for its response (the whole message: `result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.request_async(method, params);
        self.wait_response(json!(id))
    }

    pub fn wait_response(&mut self, id: Value) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let msg =
                self.pump(deadline).unwrap_or_else(|| panic!("no response to request {id}; log:\n{}", self.log()));
            if msg.get("method").is_none() && msg.get("id") == Some(&id) {
                return msg;
            }
            self.keep(msg);
        }
    }

    fn keep(&mut self, msg: Value) {
        if msg.get("method").is_some() {
            self.notifications.push(msg);
        }
    }

    /// Next message from the server, answering its requests on the way. None on timeout/EOF.
    fn pump(&mut self, deadline: Instant) -> Option<Value> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = match self.rx.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            };
            if let (Some(method), Some(id)) = (msg.get("method").and_then(Value::as_str), msg.get("id")) {
                let result = match method {
                    "workspace/configuration" => {
                        let n = msg["params"]["items"].as_array().map_or(1, Vec::len);
                        Value::Array(vec![self.configuration.clone(); n])
                    }
                    _ => Value::Null,
                };
                let reply = json!({"jsonrpc": "2.0", "id": id, "result": result});
                self.server_requests.push(msg);
                if self.answer_requests {
                    self.send(&reply);
                }
                continue;
            }
            return Some(msg);
        }
    }

    /// Wait for (and remove) the first notification matching `pred`.
    pub fn wait_notification(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        self.try_wait_notification(TIMEOUT, &pred)
            .unwrap_or_else(|| panic!("no notification: {what}; got {:?}; log:\n{}", self.notifications, self.log()))
    }

    pub fn try_wait_notification(&mut self, timeout: Duration, pred: &dyn Fn(&Value) -> bool) -> Option<Value> {
        if let Some(i) = self.notifications.iter().position(pred) {
            return Some(self.notifications.remove(i));
        }
        let deadline = Instant::now() + timeout;
        loop {
            let msg = self.pump(deadline)?;
            if msg.get("method").is_some() && pred(&msg) {
                return Some(msg);
            }
            self.keep(msg);
        }
    }

    /// Wait for the diagnostics of `uri` at `version` (skipping earlier versions' publications).
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let msg = self.wait_notification(&format!("diagnostics for {uri} v{version}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        msg["params"]["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    pub fn initialize(&mut self, encodings: &[&str], options: Value) -> Value {
        self.initialize_with(capabilities(encodings), options)
    }

    pub fn initialize_with(&mut self, caps: Value, options: Value) -> Value {
        let r = self.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": caps, "initializationOptions": options}),
        );
        let enc = r["result"]["capabilities"]["positionEncoding"].as_str().unwrap_or("utf-16");
        self.enc = match enc {
            "utf-8" => Enc::Utf8,
            "utf-32" => Enc::Utf32,
            _ => Enc::Utf16,
        };
        self.notify("initialized", json!({}));
        r
    }

    pub fn open(&mut self, uri: &str, language: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        );
    }

    /// Send one incremental change replacing bytes `start..end` of `text` (positions computed in
    /// the negotiated encoding) and update `text` the same way.
    pub fn change(&mut self, uri: &str, version: i64, text: &mut String, start: usize, end: usize, new: &str) {
        let range = range_json(text, start, end, self.enc);
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": range, "text": new}]}),
        );
        text.replace_range(start..end, new);
    }

    pub fn document_text(&mut self, uri: &str) -> (i64, String) {
        let r = self.request("copydesk/documentText", json!({"uri": uri}));
        (r["result"]["version"].as_i64().unwrap(), r["result"]["text"].as_str().unwrap().to_string())
    }

    /// Wait until the server's log contains `needle` (stderr is read on another thread).
    pub fn wait_log(&self, needle: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let log = self.log();
            if log.contains(needle) {
                return log;
            }
            assert!(Instant::now() < deadline, "log never contained {needle:?}:\n{log}");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Wait until the server has sent a request with `method` (answered by `pump`).
    pub fn wait_server_request(&mut self, method: &str) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(m) = self.server_requests.iter().find(|m| m["method"] == method) {
                return m.clone();
            }
            assert!(Instant::now() < deadline, "the server never sent {method}");
            // `pump` answers (and records) server requests without returning them.
            if let Some(msg) = self.pump(Instant::now() + Duration::from_millis(20)) {
                self.keep(msg);
            }
        }
    }

    pub fn log(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// shutdown + exit; returns the exit status code.
    pub fn shutdown(mut self) -> Option<i32> {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("server did not exit");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for LspClient {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
