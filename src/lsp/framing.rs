//! A guard in front of tower-lsp's input: re-frames stdin and turns a malformed message into a
//! request that the server answers with a JSON-RPC error.
//!
//! Hand-rolled because no crate does this: tower-lsp-server 0.23 stops reading stdin after the
//! first frame its codec cannot decode (its read loop ends when `FramedRead` yields `None` after
//! an error), so one garbage frame would take the server down. Here every frame is checked; a
//! good one passes through byte for byte, a bad one becomes a `copydesk/invalidMessage` request
//! whose handler returns the parse (-32700) or invalid-request (-32600) error, and reading goes on.
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tower_lsp_server::jsonrpc::{Request, Response};

/// The method a malformed frame is turned into.
pub const INVALID_METHOD: &str = "copydesk/invalidMessage";
/// Frames larger than this are skipped and answered with an error (64 MiB).
const MAX_FRAME: usize = 64 << 20;
/// A header line longer than this is garbage.
const MAX_HEADER_LINE: usize = 8 << 10;

pub const PARSE_ERROR: i64 = -32700;
pub const INVALID_REQUEST: i64 = -32600;

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn substitute(id: Value, code: i64, message: &str) -> Vec<u8> {
    let v = json!({"jsonrpc": "2.0", "id": id, "method": INVALID_METHOD, "params": {"code": code, "message": message}});
    frame(v.to_string().as_bytes())
}

/// Check one message body; `Ok` passes it through, `Err` is the substitute frame.
pub fn check_body(body: &[u8]) -> Result<(), Vec<u8>> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            tracing::warn!("unparseable JSON-RPC message ({} bytes): {e}", body.len());
            return Err(substitute(Value::Null, PARSE_ERROR, "Parse error"));
        }
    };
    if serde_json::from_value::<Request>(value.clone()).is_ok()
        || serde_json::from_value::<Response>(value.clone()).is_ok()
    {
        return Ok(());
    }
    tracing::warn!("invalid JSON-RPC message: {}", truncate(&value.to_string(), 200));
    let id = match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    Err(substitute(id, INVALID_REQUEST, "Invalid request"))
}

fn truncate(s: &str, n: usize) -> &str {
    let mut end = s.len().min(n);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn content_length(line: &[u8]) -> Option<Option<usize>> {
    let lower = line.to_ascii_lowercase();
    let key = b"content-length:";
    let at = lower.windows(key.len()).position(|w| w == key)?;
    let value = std::str::from_utf8(&line[at + key.len()..]).ok().map(str::trim);
    Some(value.and_then(|v| v.parse().ok()))
}

/// Copy framed messages from `input` to `output`, replacing malformed ones. Ends at EOF.
pub async fn sanitize(input: impl AsyncRead + Unpin, mut output: impl AsyncWrite + Unpin) {
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let mut line = Vec::with_capacity(128);
    loop {
        // Header block: lines up to an empty line.
        let mut length: Option<Option<usize>> = None;
        let mut any = false;
        loop {
            line.clear();
            match (&mut reader).take(MAX_HEADER_LINE as u64).read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let trimmed = line.trim_ascii();
            if trimmed.is_empty() {
                if any {
                    break;
                }
                continue;
            }
            any = true;
            if let Some(l) = content_length(trimmed) {
                length = Some(l);
            }
        }
        let bytes = match length {
            Some(Some(n)) if n <= MAX_FRAME => {
                let mut body = vec![0; n];
                if reader.read_exact(&mut body).await.is_err() {
                    return;
                }
                match check_body(&body) {
                    Ok(()) => frame(&body),
                    Err(sub) => sub,
                }
            }
            Some(Some(n)) => {
                tracing::warn!("skipping a {n}-byte message (over the {MAX_FRAME}-byte limit)");
                let skipped = tokio::io::copy(&mut (&mut reader).take(n as u64), &mut tokio::io::sink()).await;
                if skipped.map_or(true, |k| k < n as u64) {
                    return;
                }
                substitute(Value::Null, INVALID_REQUEST, "Message too large")
            }
            _ => {
                tracing::warn!("message header without a valid Content-Length");
                substitute(Value::Null, PARSE_ERROR, "Parse error")
            }
        };
        if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn run(input: &[u8]) -> Vec<Value> {
        let (mut w, r) = tokio::io::duplex(1 << 16);
        let input = input.to_vec();
        let feeder = tokio::spawn(async move {
            let mut out = Vec::new();
            sanitize(&input[..], &mut out).await;
            w.write_all(&out).await.unwrap();
        });
        feeder.await.unwrap();
        let mut all = Vec::new();
        let mut r = r;
        let mut buf = Vec::new();
        r.read_to_end(&mut buf).await.unwrap();
        let text = String::from_utf8(buf).unwrap();
        for part in text.split("Content-Length: ").skip(1) {
            let (n, rest) = part.split_once("\r\n\r\n").unwrap();
            let n: usize = n.parse().unwrap();
            all.push(serde_json::from_str(&rest[..n]).unwrap());
        }
        all
    }

    #[tokio::test]
    async fn garbage_becomes_an_error_request_and_good_frames_pass() {
        let good = r#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#;
        let input = format!(
            "Content-Length: 5\r\n\r\n{{{{{{{{{{Content-Length: {}\r\n\r\n{good}junk\r\n\r\nContent-Length: 8\r\n\r\n{{\"id\":3}}",
            good.len()
        );
        let out = run(input.as_bytes()).await;
        assert_eq!(out.len(), 4, "{out:?}");
        assert_eq!(out[0]["method"], INVALID_METHOD);
        assert_eq!(out[0]["params"]["code"], PARSE_ERROR);
        assert_eq!(out[1], serde_json::from_str::<Value>(good).unwrap());
        assert_eq!(out[2]["params"]["code"], PARSE_ERROR);
        assert_eq!((out[3]["id"].clone(), out[3]["params"]["code"].clone()), (json!(3), json!(INVALID_REQUEST)));
    }
}
