//! The server's stdout: one writer thread writes whole frames, in the order they are queued.
//!
//! Two producers queue frames. tower-lsp writes its messages (responses, requests to the
//! client) into [`TransportOut`], which cuts its byte stream into frames. The server queues its
//! `publishDiagnostics` notifications itself, serialised once straight from the analysis
//! ([`publication`]): tower-lsp's own `publish_diagnostics` converts the params into a
//! `serde_json::Value` tree, prints that and drops it, which on a 1 MB manuscript (3,300
//! diagnostics) cost about 15 ms per publication against 1 ms for serialising directly.
//! Hand-rolled because tower-lsp-server 0.23 has no way to send a pre-serialised message.
//!
//! *Invariant:* frames are written whole and in queue order, so a publication queued under the
//! store lock (see `super`) reaches the client in the order of the versions it was checked for.
use std::io::Write;
use std::pin::Pin;
use std::sync::mpsc;
use std::task::{Context, Poll};
use std::time::Duration;

use serde::Serialize;
use tokio::io::AsyncWrite;
use tower_lsp_server::ls_types::{PublishDiagnosticsParams, Range, Uri};

use super::analysis::{self, Analysis, SOURCE, WireData};

enum Msg {
    /// A whole frame, header included (from tower-lsp).
    Frame(Vec<u8>),
    /// A message body; the writer adds the header. Then the writer drops what comes with it.
    Body(Vec<u8>, Option<Garbage>),
    /// Everything queued before this has been written.
    Flushed(mpsc::Sender<()>),
}

/// Something the writer thread drops after writing the frame it came with.
type Garbage = Box<dyn std::any::Any + Send>;

/// The queue to the writer thread. Cheap to clone.
#[derive(Clone)]
pub struct Output {
    tx: mpsc::Sender<Msg>,
}

impl Output {
    /// Start the writer thread on `w` (the process' stdout).
    pub fn spawn(mut w: impl Write + Send + 'static) -> std::io::Result<Output> {
        let (tx, rx) = mpsc::channel::<Msg>();
        std::thread::Builder::new().name("copydesk-stdout".into()).spawn(move || {
            for msg in rx {
                let written = match msg {
                    Msg::Frame(f) => w.write_all(&f),
                    Msg::Body(b, garbage) => {
                        let written = write!(w, "Content-Length: {}\r\n\r\n", b.len()).and_then(|()| w.write_all(&b));
                        let written = written.and_then(|()| w.flush());
                        drop(garbage);
                        written
                    }
                    Msg::Flushed(ack) => {
                        let _ = ack.send(());
                        continue;
                    }
                };
                if let Err(e) = written.and_then(|()| w.flush()) {
                    // The client closed its end: nothing more can reach it.
                    tracing::info!("stdout closed: {e}");
                    return;
                }
            }
        })?;
        Ok(Output { tx })
    }

    /// Queue one JSON-RPC message body.
    pub fn send_body(&self, body: Vec<u8>) {
        let _ = self.tx.send(Msg::Body(body, None));
    }

    /// Queue one JSON-RPC message body, and `garbage` for the writer to drop once the body is
    /// written (freeing a large value after the message is on its way instead of before).
    pub fn send_body_then_drop<T: Send + 'static>(&self, body: Vec<u8>, garbage: Option<T>) {
        let garbage = garbage.map(|g| Box::new(g) as Garbage);
        let _ = self.tx.send(Msg::Body(body, garbage));
    }

    /// Wait until everything queued so far is written, for at most `limit` (a client that stops
    /// reading must not keep the server from exiting).
    pub fn flush(&self, limit: Duration) {
        let (ack, done) = mpsc::channel();
        if self.tx.send(Msg::Flushed(ack)).is_ok() {
            let _ = done.recv_timeout(limit);
        }
    }

    /// The writer for tower-lsp's transport.
    pub fn transport(&self) -> TransportOut {
        TransportOut { out: self.clone(), pending: Vec::new() }
    }
}

/// tower-lsp's output: accepts every byte at once and queues each complete frame.
pub struct TransportOut {
    out: Output,
    /// Bytes of a frame not yet complete.
    pending: Vec<u8>,
}

/// The length of the frame at the start of `buf` (header and body), when all of it is there.
/// `Err` with the header's length when the header names no length (not expected from
/// tower-lsp; those bytes are passed on as they are).
fn frame_len(buf: &[u8]) -> Option<Result<usize, usize>> {
    let header_end = buf.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let header = std::str::from_utf8(&buf[..header_end]).unwrap_or("");
    let len = header.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.trim().eq_ignore_ascii_case("content-length").then(|| value.trim().parse::<usize>().ok()).flatten()
    });
    match len {
        Some(n) if buf.len() >= header_end + n => Some(Ok(header_end + n)),
        Some(_) => None,
        None => Some(Err(header_end)),
    }
}

impl TransportOut {
    fn queue_complete_frames(&mut self) {
        while let Some(n) = frame_len(&self.pending) {
            let n = n.unwrap_or_else(|n| n);
            let rest = self.pending.split_off(n);
            let frame = std::mem::replace(&mut self.pending, rest);
            let _ = self.out.tx.send(Msg::Frame(frame));
        }
    }
}

impl AsyncWrite for TransportOut {
    fn poll_write(mut self: Pin<&mut Self>, _: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        self.pending.extend_from_slice(buf);
        self.queue_complete_frames();
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[derive(Serialize)]
struct Notification<P> {
    jsonrpc: &'static str,
    method: &'static str,
    params: P,
}

/// Append `s` as a JSON string. serde_json looks every byte up in a table; here eight bytes at a
/// time are tested for one that needs an escape (nearly none do), and the runs between escapes
/// are copied whole (this is most of a publication's bytes: messages, links, rule ids).
fn push_json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let b = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        // Skip a word of plain bytes at once.
        if let Some(w) = b.get(i..i + 8) {
            let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
            if !needs_escape(w) {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        i += 1;
        if c >= 0x20 && c != b'"' && c != b'\\' {
            continue;
        }
        out.extend_from_slice(&b[run..i - 1]);
        run = i;
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[(c >> 4) as usize]);
                out.push(HEX[(c & 15) as usize]);
            }
        }
    }
    out.extend_from_slice(&b[run..]);
    out.push(b'"');
}

/// Whether any of the eight bytes of `w` is a control byte (below 0x20), `"` or `\\`: the
/// classic "has a zero byte" test, `(x - 0x01..) & !x & 0x80..`, applied to `w` less 0x20
/// per byte (bytes of 0x80 and up set their own top bit, so they are masked out with `!w`) and
/// to `w` XOR each quote character (zero exactly at that character). The test is exact for
/// "some byte is": a borrow only runs on above a byte that already matched.
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    (below_space | zero(w ^ (ONES * b'"' as u64)) | zero(w ^ (ONES * b'\\' as u64))) != 0
}

/// Append `n` in decimal.
fn push_num(out: &mut Vec<u8>, n: i64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The diagnostics of `a` as the JSON array `ls_types::Diagnostic`s serialise to (same keys,
/// same order), each with its [`WireData`], written straight from the analysis.
fn push_diagnostics(out: &mut Vec<u8>, a: &Analysis) {
    // What a rule's diagnostics share, from its code to the key of their message (the code, the
    // link, checked to be a URI, and the source), written once per rule: most findings share a
    // few rules, and the link is most of a diagnostic's bytes after its message.
    let mut shared: Vec<(&str, Vec<u8>)> = Vec::new();
    for f in &a.report.findings {
        if !shared.iter().any(|(rule, _)| *rule == f.rule) {
            let mut part = Vec::with_capacity(128);
            part.extend_from_slice(b",\"code\":");
            push_json_str(&mut part, f.rule);
            if let Some(c) = a.code_description(f.rule) {
                part.extend_from_slice(b",\"codeDescription\":{\"href\":");
                push_json_str(&mut part, c.href.as_str());
                part.push(b'}');
            }
            part.extend_from_slice(b",\"source\":");
            push_json_str(&mut part, SOURCE);
            part.extend_from_slice(b",\"message\":");
            shared.push((f.rule, part));
        }
    }
    out.push(b'[');
    for (index, f) in a.report.findings.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        let r: Range = a.range(f.span);
        let WireData { version, index } = WireData { version: a.version, index };
        out.extend_from_slice(b"{\"range\":{\"start\":{\"line\":");
        push_num(out, r.start.line.into());
        out.extend_from_slice(b",\"character\":");
        push_num(out, r.start.character.into());
        out.extend_from_slice(b"},\"end\":{\"line\":");
        push_num(out, r.end.line.into());
        out.extend_from_slice(b",\"character\":");
        push_num(out, r.end.character.into());
        out.extend_from_slice(b"}},\"severity\":");
        push_num(out, severity_number(f.severity));
        if let Some((_, part)) = shared.iter().find(|(rule, _)| *rule == f.rule) {
            out.extend_from_slice(part);
        }
        push_json_str(out, &f.message);
        out.extend_from_slice(b",\"data\":{\"version\":");
        push_num(out, version.into());
        out.extend_from_slice(b",\"index\":");
        push_num(out, index as i64);
        out.extend_from_slice(b"}}");
    }
    out.push(b']');
}

/// The protocol's number for a severity (what [`analysis::severity`] serialises to).
fn severity_number(s: crate::document::Severity) -> i64 {
    use crate::document::Severity;
    match s {
        Severity::Error => 1,
        Severity::Warning => 2,
        Severity::Info => 3,
        Severity::Hint => 4,
    }
}

#[derive(Serialize)]
struct Params<'a, D> {
    uri: &'a Uri,
    diagnostics: D,
    version: i32,
}

const PUBLISH: &str = "textDocument/publishDiagnostics";

/// The `publishDiagnostics` message for `a`, serialised: the same JSON as
/// `analysis::diagnostics(a)` in `PublishDiagnosticsParams` with `a`'s version.
pub fn publication(uri: &Uri, a: &Analysis) -> Vec<u8> {
    let version = a.version;
    let body = if a.too_large {
        serde_json::to_vec(&Notification {
            jsonrpc: "2.0",
            method: PUBLISH,
            params: Params { uri, diagnostics: analysis::diagnostics(a), version },
        })
    } else {
        // The same object, its diagnostics written by hand (the envelope by serde_json, with
        // an empty list where they go).
        let envelope = serde_json::to_vec(&Notification {
            jsonrpc: "2.0",
            method: PUBLISH,
            params: Params { uri, diagnostics: [(); 0], version },
        });
        envelope.map(|e| {
            const EMPTY: &[u8] = b"\"diagnostics\":[]";
            let at = e.windows(EMPTY.len()).rposition(|w| w == EMPTY).map_or(e.len(), |p| p + EMPTY.len() - 1);
            let mut out = Vec::with_capacity(e.len() + 400 * a.report.findings.len());
            out.extend_from_slice(&e[..at]);
            out.pop();
            push_diagnostics(&mut out, a);
            out.extend_from_slice(&e[at + 1..]);
            out
        })
    };
    // Plain data (strings, numbers, a URI) always serialises.
    body.unwrap_or_default()
}

/// The message that clears `uri`'s diagnostics (no version: it is closed).
pub fn cleared(uri: &Uri) -> Vec<u8> {
    let params = PublishDiagnosticsParams::new(uri.clone(), Vec::new(), None);
    serde_json::to_vec(&Notification { jsonrpc: "2.0", method: PUBLISH, params }).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Applicability, Edit, Finding, Fix, Severity};
    use crate::engine::Report;
    use crate::lsp::analysis::for_test;
    use crate::text::Span;
    use crate::text::position::Encoding;
    use serde_json::{Value, json};

    #[test]
    fn the_word_test_finds_exactly_the_bytes_that_need_an_escape() {
        let escaped = |c: u8| c < 0x20 || c == b'"' || c == b'\\';
        for fill in [b'a', b' ', 0x7f, 0x80, 0xff, b'!', b'#', b'[', b']'] {
            for at in 0..8 {
                for c in 0..=255u8 {
                    let mut w = [fill; 8];
                    w[at] = c;
                    assert_eq!(needs_escape(u64::from_le_bytes(w)), escaped(c), "{c:#x} at {at} among {fill:#x}");
                }
            }
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let pieces = ["plain words ", "\"", "\\", "\n", "\r\t", "\u{1}\u{1f}", "é😀 ", "\u{7f}", "x"];
        // Every piece at every offset modulo the word, in runs long enough for the word test.
        for (i, a) in pieces.iter().enumerate() {
            for b in &pieces {
                for pad in 0..9 {
                    let s = format!("{}{a}{}{b}{}", "p".repeat(pad), "q".repeat(i), "r".repeat(17 - pad));
                    let mut out = Vec::new();
                    push_json_str(&mut out, &s);
                    assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
                }
            }
        }
        let mut out = Vec::new();
        push_json_str(&mut out, "");
        assert_eq!(out, b"\"\"");
    }

    #[test]
    fn a_publication_is_what_tower_lsp_would_have_sent() {
        let text = "Intro 😀 \"quote\".\r\nOn Monday, March 3 it rained.\n";
        let at = text.find("Monday").unwrap();
        let f = |rule, span, message: &str, severity| Finding {
            rule,
            span,
            message: message.into(),
            severity,
            fixes: vec![Fix::new("t", Applicability::Safe, vec![Edit::replace(span, "x")])],
        };
        let report = Report {
            findings: vec![
                f("attribution/vague", Span::new(0, 5), "a \"quoted\" \\ message\n", Severity::Warning),
                f("date/weekday", Span::new(at, at + 6), "'Monday' 😀", Severity::Error),
                f("date/relative", Span::new(at, at), "", Severity::Hint),
                // A second finding of a rule already seen shares its link.
                f("attribution/vague", Span::new(6, 10), "again\t\u{1}\r é", Severity::Info),
            ],
            ..Report::default()
        };
        let uri: Uri = "file:///tmp/a%20b.md".parse().unwrap();
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let mut a = for_test(text, report.clone(), None, enc);
            a.version = 12;
            let theirs = serde_json::to_value(Notification {
                jsonrpc: "2.0",
                method: PUBLISH,
                params: PublishDiagnosticsParams::new(uri.clone(), analysis::diagnostics(&a), Some(12)),
            })
            .unwrap();
            let ours: Value = serde_json::from_slice(&publication(&uri, &a)).unwrap();
            assert_eq!(ours, theirs);
            assert_eq!(ours["params"]["diagnostics"][1]["data"], json!({"version": 12, "index": 1}));
            a.too_large = true;
            let ours: Value = serde_json::from_slice(&publication(&uri, &a)).unwrap();
            assert_eq!(ours["params"]["diagnostics"][0]["code"], analysis::TOO_LARGE_CODE);
            assert_eq!(ours["params"]["version"], 12);
        }
        let cleared: Value = serde_json::from_slice(&cleared(&uri)).unwrap();
        assert_eq!(
            cleared,
            json!({"jsonrpc": "2.0", "method": PUBLISH, "params": {"uri": "file:///tmp/a%20b.md", "diagnostics": []}})
        );
    }

    /// A `Write` that records what reaches it.
    #[derive(Clone, Default)]
    struct Sink(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn frames_from_both_producers_arrive_whole_and_in_order() {
        use tokio::io::AsyncWriteExt;
        let sink = Sink::default();
        let out = Output::spawn(sink.clone()).unwrap();
        let mut transport = out.transport();
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        rt.block_on(async {
            // tower-lsp's bytes may come in any pieces: a frame is queued only once complete.
            transport.write_all(b"Content-Length: 7\r\n\r\n{\"a\":").await.unwrap();
            out.send_body(b"{\"b\":2}".to_vec());
            transport.write_all(b"1}Content-Length: 2\r\n\r\n[]Content-").await.unwrap();
            transport.write_all(b"Length: 4\r\n\r\nnull").await.unwrap();
        });
        out.flush(Duration::from_secs(10));
        let written = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        assert_eq!(
            written,
            "Content-Length: 7\r\n\r\n{\"b\":2}Content-Length: 7\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n[]Content-Length: 4\r\n\r\nnull"
        );
    }
}
