//! Language-server benchmarks over stdio against the release binary (not criterion: each sample
//! is a round trip through a separate process, and what matters is the latency distribution).
//!
//! * keystroke latency, on a 10,000-word article and on a 1 MB manuscript (targets: 5 ms median /
//!   15 ms p99; 50 ms p99). One sample is one one-character `didChange` (alternately inserting an
//!   `x` in the middle of a random body line and deleting it again), timed from just before the
//!   client writes the `didChange` frame to the moment the client has read the last byte of the
//!   `publishDiagnostics` frame carrying that version. The frame's arrival is stamped before any
//!   parsing, and the client then reads only its envelope (method, uri, version, and the number
//!   of diagnostics, which it skips without building them), so the client's own work neither
//!   counts in the sample nor competes with the server for the CPU. Reported: median, p99 and max
//!   over N samples, and the server's CPU time (user + system, from /proc) per edit, which a busy
//!   machine does not inflate the way it does wall-clock latency. Beside them, the engine alone
//!   (`copydesk::check` in this process, at least 20 runs and a second: median wall time, and CPU
//!   time per check) on the same text. At the end the server's text must equal the client's copy,
//!   and the last publication must carry as many diagnostics as the engine finds in that text;
//! * memory: the server's RSS at start (after `initialize`, once it has logged that its engine
//!   is warm: the word-list automata and regexes every check needs are built), with 20 open
//!   10,000-word articles, and 2.5 s after closing them all, and its peak RSS (VmHWM) (target
//!   60 MB).
//!
//! `cargo bench --bench server` prints a table and writes target/copydesk-bench/server.json for
//! scripts/bench.sh. `COPYDESK_BENCH_EDITS` sets N (default 600).
//!
//! Comparing servers: `COPYDESK_BENCH_SERVERS=/tmp/a:/tmp/b` measures only the keystroke latency
//! on the article, for each of those binaries in turn, `COPYDESK_BENCH_ROUNDS` times (default 3),
//! so that both see the same machine load; copy the binaries out of `target/` first (running
//! from there adds page-fault noise). The engine-alone figure is this bench's own engine.
#[path = "../tests/support/generator.rs"]
mod generator;
#[path = "../tests/support/lsp_client.rs"]
mod lsp_client;

use std::time::{Duration, Instant};

use lsp_client::{LspClient, proc_cpu_ms, proc_minor_faults, proc_status_kib};
use serde_json::json;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Lines of body prose where a keystroke lands in a word: skip front matter, fences, tables.
fn editable_lines(text: &str) -> Vec<(u32, u32)> {
    let mut in_fence = false;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence || i < 6 || line.len() < 40 || line.starts_with(['|', '#', '-']) {
            continue;
        }
        // The middle of the line, moved to the start of a word (columns are UTF-8 bytes).
        let mut half = line.len() / 2;
        while !line.is_char_boundary(half) {
            half -= 1;
        }
        let mid = line[..half].rfind(' ').map_or(0, |p| p + 1);
        out.push((i as u32, mid as u32));
    }
    out
}

struct Latency {
    /// The engine alone (`copydesk::check`, in this process) on the same text: median wall time,
    /// and CPU time per check.
    engine_ms: f64,
    engine_cpu_ms: f64,
    /// Diagnostics per publication.
    findings: usize,
    median_ms: f64,
    p99_ms: f64,
    max_ms: f64,
    /// The server's CPU time per edit.
    server_cpu_ms: f64,
    /// The server's minor page faults per edit.
    server_faults: f64,
    edits: usize,
    bytes: usize,
}

/// The engine's settings as the server uses them for a Markdown document with default editor
/// settings (the reference date falls back to today, as in the server).
fn server_settings() -> copydesk::Settings {
    copydesk::Settings {
        kind: copydesk::document::DocKind::Markdown,
        today: Some(jiff::Zoned::now().date()),
        ..copydesk::Settings::default()
    }
}

fn keystrokes(bin: &str, text: &str, edits: usize) -> Latency {
    let mut c = LspClient::spawn_quiet(bin);
    c.request_timeout = Duration::from_secs(60);
    c.initialize_warm(&["utf-8", "utf-16"]);
    let uri = "file:///bench/article.md";
    c.open(uri, "markdown", 1, text);
    let (_, first) = c.wait_publication(uri, Some(1), Duration::from_secs(60));
    let findings = first.diagnostics;
    let lines = editable_lines(text);
    assert!(!lines.is_empty());
    // Byte offset of each line start, to keep the client's copy of the text (UTF-8 columns).
    let line_starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let mut mine = text.to_string();
    let mut samples = Vec::with_capacity(edits);
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut at = (0, 0);
    let mut last = first;
    let cpu_before = proc_cpu_ms(c.pid());
    let faults_before = proc_minor_faults(c.pid());
    for i in 0..edits {
        let version = i as i64 + 2;
        let start = Instant::now();
        let offset = line_starts[at.0 as usize] + at.1 as usize;
        if i % 2 == 0 {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            at = lines[(state >> 33) as usize % lines.len()];
            c.change_at(uri, version, at.0, at.1, 0, "x");
        } else {
            c.change_at(uri, version, at.0, at.1, 1, "");
        }
        let (arrived, publication) = c.wait_publication(uri, Some(version), Duration::from_secs(30));
        samples.push(arrived.duration_since(start).as_secs_f64() * 1e3);
        // Outside the timed part: the same edit on our copy.
        if i % 2 == 0 {
            mine.insert(line_starts[at.0 as usize] + at.1 as usize, 'x');
        } else {
            mine.remove(offset);
        }
        last = publication;
    }
    let server_cpu_ms = proc_cpu_ms(c.pid()).zip(cpu_before).map_or(0.0, |(a, b)| (a - b) / edits as f64);
    let server_faults =
        proc_minor_faults(c.pid()).zip(faults_before).map_or(0.0, |(a, b)| (a - b) as f64 / edits as f64);
    let held = c.request("copydesk/documentText", json!({"uri": uri}));
    assert_eq!(held["result"]["text"].as_str(), Some(mine.as_str()), "the server's text diverged from the client's");
    let settings = server_settings();
    let want = copydesk::check(&mine, &settings).findings.len();
    assert_eq!(last.diagnostics, want, "the last publication does not carry the engine's findings");
    c.shutdown();
    samples.sort_by(f64::total_cmp);
    // At least 20 checks and at least a second of them, so the CPU time (10 ms ticks) is fine
    // enough; this process does nothing else meanwhile.
    let mut engine = Vec::new();
    let cpu_start = proc_cpu_ms(std::process::id());
    let began = Instant::now();
    while engine.len() < 20 || began.elapsed() < Duration::from_secs(1) {
        let t = Instant::now();
        std::hint::black_box(copydesk::check(text, &settings));
        engine.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let engine_cpu_ms =
        proc_cpu_ms(std::process::id()).zip(cpu_start).map_or(0.0, |(a, b)| (a - b) / engine.len() as f64);
    engine.sort_by(f64::total_cmp);
    Latency {
        engine_ms: percentile(&engine, 0.5),
        engine_cpu_ms,
        findings,
        median_ms: percentile(&samples, 0.5),
        p99_ms: percentile(&samples, 0.99),
        max_ms: *samples.last().unwrap_or(&0.0),
        server_cpu_ms,
        server_faults,
        edits,
        bytes: text.len(),
    }
}

struct Memory {
    docs: usize,
    peak_kib: u64,
    open_rss_kib: u64,
    baseline_rss_kib: u64,
    closed_rss_kib: u64,
}

fn memory(docs: usize) -> Memory {
    memory_of(docs, 10_000)
}

fn memory_of(docs: usize, words: usize) -> Memory {
    let mut c = LspClient::spawn_quiet(BIN);
    c.request_timeout = Duration::from_secs(60);
    c.initialize_warm(&["utf-8", "utf-16"]);
    std::thread::sleep(Duration::from_millis(200));
    let baseline_rss_kib = proc_status_kib(c.pid(), "VmRSS").unwrap_or(0);
    let texts: Vec<String> = (0..docs).map(|i| generator::article_words(100 + i as u64, words)).collect();
    for (i, t) in texts.iter().enumerate() {
        let uri = format!("file:///bench/doc{i}.md");
        c.open(&uri, "markdown", 1, t);
        c.wait_publication(&uri, Some(1), Duration::from_secs(60));
    }
    // A keystroke in each, so every document has been re-analysed at least once.
    for (i, t) in texts.iter().enumerate() {
        let uri = format!("file:///bench/doc{i}.md");
        let (line, col) = editable_lines(t)[0];
        c.change_at(&uri, 2, line, col, 0, "x");
        c.wait_publication(&uri, Some(2), Duration::from_secs(60));
    }
    let pid = c.pid();
    let peak_kib = proc_status_kib(pid, "VmHWM").unwrap_or(0);
    let open_rss_kib = proc_status_kib(pid, "VmRSS").unwrap_or(0);
    for i in 0..docs {
        let uri = format!("file:///bench/doc{i}.md");
        c.close(&uri);
        c.wait_publication(&uri, None, Duration::from_secs(60));
    }
    // The server trims its heap when the last document closes and again 1.5 s later, once its
    // idle lint threads have exited (src/lsp/mod.rs).
    std::thread::sleep(Duration::from_millis(2500));
    let closed_rss_kib = proc_status_kib(pid, "VmRSS").unwrap_or(0);
    c.shutdown();
    Memory { docs, peak_kib, open_rss_kib, baseline_rss_kib, closed_rss_kib }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this binary without it, in a
    // debug build: then only a smoke run (a few edits on small inputs), nothing written.
    let measuring = std::env::args().any(|a| a == "--bench");
    if !measuring {
        let a = keystrokes(BIN, &generator::article_words(42, 1_000), 10);
        let mem = memory_of(2, 1_000);
        assert!(a.median_ms > 0.0 && mem.docs == 2);
        println!("server bench smoke run: ok (run `cargo bench --bench server` to measure)");
        return;
    }
    let edits: usize = std::env::var("COPYDESK_BENCH_EDITS").ok().and_then(|v| v.parse().ok()).unwrap_or(600);
    // COPYDESK_BENCH_ARTICLE=FILE measures a real article instead of the generated one (real prose
    // is slower: e.g. the labelled corpora concatenated, `cat ../shared/corpus/*.md tests/corpus/*.md`).
    let (article, label) = match std::env::var("COPYDESK_BENCH_ARTICLE") {
        Ok(path) => {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("COPYDESK_BENCH_ARTICLE={path}: {e}"));
            let words = text.split_whitespace().count();
            (text, format!("{words} words of {path}"))
        }
        Err(_) => (generator::article_words(42, 10_000), "10,000 words".to_string()),
    };
    let line = |l: &Latency| {
        format!(
            "median {:.2} ms, p99 {:.2} ms, max {:.2} ms; server CPU {:.2} ms and {:.0} page faults per edit (engine alone {:.2} ms, CPU {:.2} ms)",
            l.median_ms, l.p99_ms, l.max_ms, l.server_cpu_ms, l.server_faults, l.engine_ms, l.engine_cpu_ms
        )
    };
    if let Ok(servers) = std::env::var("COPYDESK_BENCH_SERVERS") {
        let rounds: usize = std::env::var("COPYDESK_BENCH_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
        for round in 1..=rounds {
            for bin in servers.split(':').filter(|b| !b.is_empty()) {
                let a = keystrokes(bin, &article, edits);
                println!("round {round}, {bin}: keystroke -> diagnostics, {label} ({} edits): {}", a.edits, line(&a));
            }
        }
        return;
    }
    let manuscript = generator::article_bytes(42, 1 << 20);

    let a = keystrokes(BIN, &article, edits);
    println!(
        "keystroke -> diagnostics, {label} ({} bytes, {} edits, {} diagnostics): {}",
        a.bytes,
        a.edits,
        a.findings,
        line(&a)
    );
    let m = keystrokes(BIN, &manuscript, edits);
    println!(
        "keystroke -> diagnostics, 1 MB manuscript ({} bytes, {} edits, {} diagnostics): {}",
        m.bytes,
        m.edits,
        m.findings,
        line(&m)
    );
    let mem = memory(20);
    println!(
        "server with {} open 10,000-word documents: peak RSS {:.1} MB (RSS at start {:.1} MB, with all open {:.1} MB, after closing {:.1} MB)",
        mem.docs,
        mem.peak_kib as f64 / 1024.0,
        mem.baseline_rss_kib as f64 / 1024.0,
        mem.open_rss_kib as f64 / 1024.0,
        mem.closed_rss_kib as f64 / 1024.0
    );

    let lat = |l: &Latency| json!({"engine_ms": l.engine_ms, "engine_cpu_ms": l.engine_cpu_ms, "findings": l.findings, "median_ms": l.median_ms, "p99_ms": l.p99_ms, "max_ms": l.max_ms, "server_cpu_ms": l.server_cpu_ms, "server_faults": l.server_faults, "edits": l.edits, "bytes": l.bytes});
    let out = json!({
        "article": lat(&a),
        "manuscript": lat(&m),
        "memory": {"docs": mem.docs, "peak_kib": mem.peak_kib, "baseline_rss_kib": mem.baseline_rss_kib,
                   "open_rss_kib": mem.open_rss_kib, "closed_rss_kib": mem.closed_rss_kib},
    });
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/copydesk-bench");
    if std::fs::create_dir_all(&dir).is_ok() {
        let _ = std::fs::write(dir.join("server.json"), format!("{out:#}\n"));
    }
}
