//! A minimal synchronous LSP client over the server's stdio, for the load test and the server
//! benchmark (included with `#[path]`). It answers the server's own requests
//! (`workspace/configuration`, `client/registerCapability`, ...) so the server never waits on us.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<(Instant, Value)>,
    next_id: i64,
    /// Notifications received while waiting for something else, oldest first.
    pending: std::collections::VecDeque<(Instant, Value)>,
}

impl Client {
    /// Start `bin server` with logging off.
    pub fn spawn(bin: &str) -> Client {
        let mut child = Command::new(bin)
            .arg("server")
            .env("COPYDESK_LOG", "off")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {bin} server: {e}"));
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(msg) = read_frame(&mut r) {
                if tx.send((Instant::now(), msg)).is_err() {
                    break;
                }
            }
        });
        Client { child, stdin, rx, next_id: 1, pending: Default::default() }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
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
            let (t, msg) = self.raw_recv(deadline).unwrap_or_else(|| panic!("no response to {method}"));
            if msg.get("method").is_none() && msg.get("id") == Some(&json!(id)) {
                return msg;
            }
            self.pending.push_back((t, msg));
        }
    }

    /// The next message from the server that is not a server->client request (those are
    /// answered here), or `None` at the deadline.
    fn raw_recv(&mut self, deadline: Instant) -> Option<(Instant, Value)> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let (t, msg) = match self.rx.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            };
            if let (Some(id), Some(method)) = (msg.get("id"), msg.get("method").and_then(Value::as_str)) {
                let result = if method == "workspace/configuration" {
                    let n = msg["params"]["items"].as_array().map_or(1, Vec::len);
                    Value::Array(vec![Value::Null; n])
                } else {
                    Value::Null
                };
                let reply = json!({"jsonrpc": "2.0", "id": id.clone(), "result": result});
                self.send(&reply);
                continue;
            }
            return Some((t, msg));
        }
    }

    /// The next notification (kept ones first), or `None` at the deadline.
    pub fn next_notification(&mut self, deadline: Instant) -> Option<(Instant, Value)> {
        if let Some(m) = self.pending.pop_front() {
            return Some(m);
        }
        self.raw_recv(deadline)
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

    /// Wait for `publishDiagnostics` for `uri` at `version` (or any version when `None`);
    /// returns when it arrived and its params. Other notifications are dropped.
    pub fn wait_diagnostics(&mut self, uri: &str, version: Option<i64>, timeout: Duration) -> (Instant, Value) {
        let deadline = Instant::now() + timeout;
        loop {
            let (t, msg) = self
                .next_notification(deadline)
                .unwrap_or_else(|| panic!("no diagnostics for {uri} version {version:?} within {timeout:?}"));
            if msg["method"] == "textDocument/publishDiagnostics"
                && msg["params"]["uri"] == uri
                && version.is_none_or(|v| msg["params"]["version"] == v)
            {
                return (t, msg["params"].clone());
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

fn read_frame(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// A field of `/proc/<pid>/status` in KiB (`VmHWM`, `VmRSS`), on Linux.
pub fn proc_status_kib(pid: u32, field: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
