//! The LSP test client, used by every server test and the server benchmark (included with
//! `#[path]`): spawns `copydesk server`, frames JSON-RPC over stdio, answers the server's own
//! requests (`workspace/configuration`, `client/registerCapability`, ...) so the server never
//! waits on us, and keeps the notifications that arrive while it waits for something else.
//!
//! A reader thread only cuts the server's output into frames and stamps each with the moment its
//! last byte was read; parsing happens in the caller, and only as far as the caller needs (the
//! benchmark reads the envelope of a publication, never its diagnostics). Position arithmetic
//! here is written independently of `copydesk::text::position` so the tests check the server
//! against a second implementation.
#![allow(dead_code)]

use std::borrow::Cow;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde::de::{IgnoredAny, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Value, json};

/// How long the end-to-end helpers wait for a response, a notification or a log line.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// One message from the server, unparsed, with the time its last byte arrived.
pub struct Frame {
    pub at: Instant,
    pub body: Vec<u8>,
}

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

/// The parts of a message the client routes on; `params` is left as unparsed JSON.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, default)]
    method: Option<Cow<'a, str>>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(borrow, default)]
    params: Option<&'a RawValue>,
}

/// `publishDiagnostics` params without the diagnostics themselves (only their number).
#[derive(Deserialize)]
struct PublicationParams<'a> {
    #[serde(borrow)]
    uri: Cow<'a, str>,
    #[serde(default)]
    version: Option<i64>,
    diagnostics: Count,
}

/// The length of a JSON array, its elements skipped unparsed.
struct Count(usize);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Count;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Count, A::Error> {
                let mut n = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Count(n))
            }
        }
        d.deserialize_seq(V)
    }
}

/// A `publishDiagnostics` notification read as far as the benchmark needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publication {
    pub version: Option<i64>,
    pub diagnostics: usize,
}

pub struct LspClient {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Frame>,
    next_id: i64,
    /// Notifications received while waiting for something else, oldest first, unparsed.
    kept: VecDeque<Frame>,
    /// The server's requests to the client, as received (answered unless `answer_requests` is off).
    pub server_requests: Vec<Value>,
    /// What `workspace/configuration` is answered with (one item).
    pub configuration: Value,
    pub stderr: Arc<Mutex<String>>,
    pub enc: Enc,
    /// Answer the server's requests (true) or leave them unanswered, like a client that is leaving.
    pub answer_requests: bool,
    /// How long [`request`](Self::request) waits for its response.
    pub request_timeout: Duration,
}

/// The capabilities the end-to-end tests offer: everything the server can use.
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

/// The capabilities of a plain editor, for the load test and the benchmark: position encodings
/// and versioned diagnostics only.
pub fn minimal_capabilities(encodings: &[&str]) -> Value {
    json!({
        "general": {"positionEncodings": encodings},
        "textDocument": {"publishDiagnostics": {"versionSupport": true}},
    })
}

fn parse(frame: &Frame) -> Value {
    serde_json::from_slice(&frame.body).expect("the server sent invalid JSON")
}

impl LspClient {
    /// Start `bin server` logging at `info` (everything: the end-to-end tests read the log).
    pub fn spawn(bin: &str) -> LspClient {
        Self::start(bin, None, "info")
    }

    pub fn spawn_in(bin: &str, cwd: Option<&Path>) -> LspClient {
        Self::start(bin, cwd, "info")
    }

    /// Start `bin server` logging only copydesk's own messages from `info` up (a handful per
    /// session: nothing is logged per edit at that level), for the load test and the benchmark.
    pub fn spawn_quiet(bin: &str) -> LspClient {
        Self::start(bin, None, "copydesk=info")
    }

    fn start(bin: &str, cwd: Option<&Path>, log_filter: &str) -> LspClient {
        let mut cmd = Command::new(bin);
        cmd.arg("server").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        cmd.env("COPYDESK_LOG", log_filter);
        if let Some(d) = cwd {
            cmd.current_dir(d);
        }
        let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {bin} server: {e}"));
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = channel();
        thread::spawn(move || {
            let mut r = BufReader::with_capacity(1 << 16, stdout);
            while let Some(body) = read_frame(&mut r) {
                if tx.send(Frame { at: Instant::now(), body }).is_err() {
                    break;
                }
            }
        });
        let log = Arc::new(Mutex::new(String::new()));
        let log2 = log.clone();
        thread::spawn(move || {
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
            kept: VecDeque::new(),
            server_requests: Vec::new(),
            configuration: Value::Null,
            stderr: log,
            enc: Enc::Utf16,
            answer_requests: true,
            request_timeout: TIMEOUT,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("server stdin open");
        self.stdin.flush().expect("flush");
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

    /// Wait for the response with `id`; notifications meanwhile are kept.
    pub fn wait_response(&mut self, id: Value) -> Value {
        let deadline = Instant::now() + self.request_timeout;
        loop {
            let frame =
                self.raw_recv(deadline).unwrap_or_else(|| panic!("no response to request {id}; log:\n{}", self.log()));
            let env: Envelope = serde_json::from_slice(&frame.body).expect("the server sent invalid JSON");
            if env.method.is_some() {
                self.kept.push_back(frame);
                continue;
            }
            // A response: compare ids on the whole message (`"id": null` answers a frame the
            // server could not read, and the envelope reads a null id as none).
            let msg = parse(&frame);
            if msg.get("id") == Some(&id) {
                return msg;
            }
        }
    }

    /// The next message from the server that is not a server->client request (those are
    /// answered here and recorded in `server_requests`), or `None` at the deadline.
    fn raw_recv(&mut self, deadline: Instant) -> Option<Frame> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let frame = match self.rx.recv_timeout(left) {
                Ok(f) => f,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            };
            let env: Envelope = serde_json::from_slice(&frame.body).expect("the server sent invalid JSON");
            if let (Some(id), Some(method)) = (env.id.as_ref(), env.method.as_deref()) {
                let result = if method == "workspace/configuration" {
                    let params: Value =
                        env.params.map_or(Value::Null, |p| serde_json::from_str(p.get()).unwrap_or_default());
                    let n = params["items"].as_array().map_or(1, Vec::len);
                    Value::Array(vec![self.configuration.clone(); n])
                } else {
                    Value::Null
                };
                let reply = json!({"jsonrpc": "2.0", "id": id.clone(), "result": result});
                self.server_requests.push(parse(&frame));
                if self.answer_requests {
                    self.send(&reply);
                }
                continue;
            }
            return Some(frame);
        }
    }

    /// The next notification (kept ones first), unparsed, or `None` at the deadline.
    fn next_frame(&mut self, deadline: Instant) -> Option<Frame> {
        if let Some(f) = self.kept.pop_front() {
            return Some(f);
        }
        self.raw_recv(deadline)
    }

    /// The next notification (kept ones first), parsed whole, or `None` at the deadline.
    pub fn next_notification(&mut self, deadline: Instant) -> Option<(Instant, Value)> {
        self.next_frame(deadline).map(|f| (f.at, parse(&f)))
    }

    /// The notifications received and kept so far (not yet taken by a wait), oldest first.
    pub fn notifications(&self) -> Vec<Value> {
        self.kept.iter().map(parse).collect()
    }

    /// Wait for (and remove) the first notification matching `pred`.
    pub fn wait_notification(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        self.try_wait_notification(TIMEOUT, &pred)
            .unwrap_or_else(|| panic!("no notification: {what}; got {:?}; log:\n{}", self.notifications(), self.log()))
    }

    /// The first notification matching `pred` (kept ones first, then new ones, keeping the
    /// others), or `None` after `timeout`.
    pub fn try_wait_notification(&mut self, timeout: Duration, pred: &dyn Fn(&Value) -> bool) -> Option<Value> {
        if let Some(i) = self.kept.iter().position(|f| pred(&parse(f))) {
            return self.kept.remove(i).map(|f| parse(&f));
        }
        let deadline = Instant::now() + timeout;
        loop {
            let frame = self.raw_recv(deadline)?;
            let msg = parse(&frame);
            if msg.get("method").is_none() {
                continue; // a late response: nobody waits for it any more
            }
            if pred(&msg) {
                return Some(msg);
            }
            self.kept.push_back(frame);
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

    /// Wait for `publishDiagnostics` for `uri` at `version` (or any version when `None`) and
    /// return when its frame arrived and the publication's envelope: its version and how many
    /// diagnostics it carries (they are skipped, not parsed). Other notifications are dropped.
    pub fn wait_publication(&mut self, uri: &str, version: Option<i64>, timeout: Duration) -> (Instant, Publication) {
        let deadline = Instant::now() + timeout;
        loop {
            let frame = self
                .next_frame(deadline)
                .unwrap_or_else(|| panic!("no diagnostics for {uri} version {version:?} within {timeout:?}"));
            let env: Envelope = serde_json::from_slice(&frame.body).expect("the server sent invalid JSON");
            if env.method.as_deref() != Some("textDocument/publishDiagnostics") {
                continue;
            }
            let p: PublicationParams = serde_json::from_str(env.params.expect("params").get())
                .expect("publishDiagnostics params: uri, version, diagnostics");
            if p.uri == uri && version.is_none_or(|v| p.version == Some(v)) {
                return (frame.at, Publication { version: p.version, diagnostics: p.diagnostics.0 });
            }
        }
    }

    /// Wait for `publishDiagnostics` for `uri` at `version` (or any version when `None`);
    /// returns when it arrived and its params, parsed whole. Other notifications are dropped.
    pub fn wait_diagnostics(&mut self, uri: &str, version: Option<i64>, timeout: Duration) -> (Instant, Value) {
        let deadline = Instant::now() + timeout;
        loop {
            let (t, mut msg) = self
                .next_notification(deadline)
                .unwrap_or_else(|| panic!("no diagnostics for {uri} version {version:?} within {timeout:?}"));
            if msg["method"] == "textDocument/publishDiagnostics"
                && msg["params"]["uri"] == uri
                && version.is_none_or(|v| msg["params"]["version"] == v)
            {
                return (t, msg["params"].take());
            }
        }
    }

    /// `initialize` offering `encodings` with every capability and `options`, then `initialized`.
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

    /// `initialize` as a plain editor ([`minimal_capabilities`]), then wait until the server has
    /// warmed its engine: from then on its memory holds everything a check builds once per process.
    pub fn initialize_warm(&mut self, encodings: &[&str]) -> Value {
        let r = self.initialize_with(minimal_capabilities(encodings), Value::Null);
        self.wait_log_for("engine ready", Duration::from_secs(60));
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

    /// One incremental change given as a position: replace `(line, col)..(line, col + del)` with
    /// `insert` (the caller keeps its own copy of the text).
    pub fn change_at(&mut self, uri: &str, version: i64, line: u32, col: u32, del: u32, insert: &str) {
        let range = json!({"start": {"line": line, "character": col}, "end": {"line": line, "character": col + del}});
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": range, "text": insert}]}),
        );
    }

    pub fn close(&mut self, uri: &str) {
        self.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    }

    pub fn document_text(&mut self, uri: &str) -> (i64, String) {
        let r = self.request("copydesk/documentText", json!({"uri": uri}));
        (r["result"]["version"].as_i64().unwrap(), r["result"]["text"].as_str().unwrap().to_string())
    }

    /// Wait until the server's log contains `needle` (stderr is read on another thread); returns
    /// the whole log.
    pub fn wait_log(&self, needle: &str) -> String {
        self.wait_log_for(needle, TIMEOUT)
    }

    pub fn wait_log_for(&self, needle: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let log = self.log();
            if log.contains(needle) {
                return log;
            }
            assert!(Instant::now() < deadline, "log never contained {needle:?} within {timeout:?}:\n{log}");
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Wait until the server has sent a request with `method` (answered by `raw_recv`).
    pub fn wait_server_request(&mut self, method: &str) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(m) = self.server_requests.iter().find(|m| m["method"] == method) {
                return m.clone();
            }
            assert!(Instant::now() < deadline, "the server never sent {method}");
            if let Some(frame) = self.raw_recv(Instant::now() + Duration::from_millis(20)) {
                let is_notification = serde_json::from_slice::<Envelope>(&frame.body).is_ok_and(|e| e.method.is_some());
                if is_notification {
                    self.kept.push_back(frame);
                }
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
            thread::sleep(Duration::from_millis(10));
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

/// One frame's body, or `None` when the server's output ends.
fn read_frame(r: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut len = None;
    let mut line = String::new();
    loop {
        line.clear();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some(v) = l.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).ok()?;
    Some(body)
}

/// A field of `/proc/<pid>/status` in KiB (`VmHWM`, `VmRSS`), on Linux.
pub fn proc_status_kib(pid: u32, field: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time (user + system) the process `pid` has used so far, in milliseconds, on Linux: fields
/// 14 and 15 of `/proc/<pid>/stat`, in clock ticks of 10 ms (USER_HZ is 100 on Linux's
/// mainstream configurations), so meaningful over many edits only.
pub fn proc_cpu_ms(pid: u32) -> Option<f64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may contain spaces; the fields after it are plain numbers.
    let rest = &s[s.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 * 10.0)
}

/// Minor page faults the process `pid` has taken so far (field 10 of `/proc/<pid>/stat`), on
/// Linux: memory the allocator handed back to the system and touched again shows here.
pub fn proc_minor_faults(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &s[s.rfind(')')? + 1..];
    rest.split_whitespace().nth(7)?.parse().ok()
}
