//! A minimal synchronous LSP client over the server's stdio, for the load test and the server
//! benchmark (included with `#[path]`). It answers the server's own requests
//! (`workspace/configuration`, `client/registerCapability`, ...) so the server never waits on us.
//!
//! A reader thread only cuts the server's output into frames and stamps each with the moment its
//! last byte was read; parsing happens in the caller, and only as far as the caller needs (the
//! benchmark reads the envelope of a publication, never its diagnostics).
#![allow(dead_code)]

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde::de::{IgnoredAny, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Value, json};

/// One message from the server, unparsed, with the time its last byte arrived.
pub struct Frame {
    pub at: Instant,
    pub body: Vec<u8>,
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

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Frame>,
    /// The server's log lines (info and above from copydesk itself).
    log: Receiver<String>,
    next_id: i64,
    /// Notifications received while waiting for something else, oldest first.
    pending: std::collections::VecDeque<Frame>,
}

fn parse(frame: &Frame) -> Value {
    serde_json::from_slice(&frame.body).expect("the server sent invalid JSON")
}

impl Client {
    /// Start `bin server`, logging copydesk's own messages from `info` up (a handful per
    /// session: nothing is logged per edit at that level).
    pub fn spawn(bin: &str) -> Client {
        let mut child = Command::new(bin)
            .arg("server")
            .env("COPYDESK_LOG", "copydesk=info")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {bin} server: {e}"));
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        let (log_tx, log) = channel();
        thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if log_tx.send(line).is_err() {
                    break;
                }
            }
        });
        let (tx, rx) = channel();
        thread::spawn(move || {
            let mut r = BufReader::with_capacity(1 << 16, stdout);
            while let Some(body) = read_frame(&mut r) {
                if tx.send(Frame { at: Instant::now(), body }).is_err() {
                    break;
                }
            }
        });
        Client { child, stdin, rx, log, next_id: 1, pending: Default::default() }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Wait for a log line containing `needle`; returns it.
    pub fn wait_log(&mut self, needle: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.log.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => {}
                Err(_) => panic!("the server did not log '{needle}' within {timeout:?}"),
            }
        }
    }

    /// `initialize` (see [`Client::initialize`]), then wait until the server has warmed its
    /// engine: from then on its memory holds everything a check builds once per process.
    pub fn initialize_warm(&mut self, encodings: &[&str]) -> Value {
        let r = self.initialize(encodings);
        self.wait_log("engine ready", Duration::from_secs(60));
        r
    }

    pub fn send(&mut self, msg: &Value) {
        let body = msg.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.stdin.write_all(frame.as_bytes()).expect("server stdin open");
        self.stdin.flush().expect("flush");
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Send a request and wait for its response (notifications meanwhile are kept).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let frame = self.raw_recv(deadline).unwrap_or_else(|| panic!("no response to {method}"));
            let env: Envelope = serde_json::from_slice(&frame.body).expect("the server sent invalid JSON");
            if env.method.is_none() && env.id == Some(json!(id)) {
                return parse(&frame);
            }
            self.pending.push_back(frame);
        }
    }

    /// The next message from the server that is not a server->client request (those are
    /// answered here), or `None` at the deadline.
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
                    Value::Array(vec![Value::Null; n])
                } else {
                    Value::Null
                };
                let reply = json!({"jsonrpc": "2.0", "id": id.clone(), "result": result});
                self.send(&reply);
                continue;
            }
            return Some(frame);
        }
    }

    fn next_frame(&mut self, deadline: Instant) -> Option<Frame> {
        if let Some(f) = self.pending.pop_front() {
            return Some(f);
        }
        self.raw_recv(deadline)
    }

    /// The next notification (kept ones first), parsed whole, or `None` at the deadline.
    pub fn next_notification(&mut self, deadline: Instant) -> Option<(Instant, Value)> {
        self.next_frame(deadline).map(|f| (f.at, parse(&f)))
    }

    /// `initialize` offering `encodings` (e.g. `["utf-8", "utf-16"]`), then `initialized`.
    pub fn initialize(&mut self, encodings: &[&str]) -> Value {
        let caps = json!({
            "general": {"positionEncodings": encodings},
            "textDocument": {"publishDiagnostics": {"versionSupport": true}},
        });
        let r = self.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": caps}));
        self.notify("initialized", json!({}));
        r
    }

    pub fn open(&mut self, uri: &str, version: i64, text: &str) {
        let doc = json!({"uri": uri, "languageId": "markdown", "version": version, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": doc}));
    }

    /// One incremental change: replace `(line, col)..(line, col + del)` with `insert`.
    pub fn change(&mut self, uri: &str, version: i64, line: u32, col: u32, del: u32, insert: &str) {
        let range = json!({"start": {"line": line, "character": col}, "end": {"line": line, "character": col + del}});
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": range, "text": insert}]}),
        );
    }

    pub fn close(&mut self, uri: &str) {
        self.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
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

    /// `shutdown` + `exit`, then wait for the process.
    pub fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Client {
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
