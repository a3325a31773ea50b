//! Latency of the language server as an editor sees it: from a one-character `didChange` to the
//! `publishDiagnostics` for that version, on a generated 10,000-word article.
//!
//! Run: `cargo bench --bench lsp_latency` (release build of the real binary, over stdio).
//! Prints the median, p90, p99 and max over `EDITS` sequential edits, and the engine alone on the
//! same text. Not a test: nothing fails. `COPYDESK_BENCH_BIN` (at build time) swaps in another binary,
//! e.g. a wrapper that runs the server under `perf record`.
#[path = "../tests/common/lsp_client.rs"]
mod lsp_client;

use std::time::{Duration, Instant};

use lsp_client::LspClient;
use serde_json::json;

const BIN: &str = match option_env!("COPYDESK_BENCH_BIN") {
    Some(b) => b,
    None => env!("CARGO_BIN_EXE_copydesk"),
};
const WORDS: usize = 10_000;
const EDITS: i64 = 600;
const WARMUP: i64 = 20;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// A newsy article: paragraphs of sentences, most attributed to named people, some with dates,
/// about one in eight with a vague attribution (so roughly one finding per hundred words).
fn article(seed: u64) -> String {
    let mut rng = Rng(seed);
    let named = [
        "Mayor Ana Ruiz",
        "Dana Okafor, the project engineer,",
        "Lee Marsh",
        "The city's budget office",
        "Councillor Tom Ibe",
    ];
    let verbs = ["said", "told the council", "wrote in a memo", "noted"];
    let vague = ["Experts say", "Critics argue", "Many residents believe", "Some observers say"];
    let objects = [
        "the budget would rise by 12 percent",
        "the bridge would reopen in June",
        "the café on Rue Émile would stay open",
        "the plan costs $2.4 million",
        "nobody had read the full report",
        "the ferry runs every 20 minutes",
        "the road survey found 40 potholes",
        "the contract went to the lowest bidder",
    ];
    let dated = [
        "The council voted on Tuesday, March 4, 2025, after a long debate.",
        "Work began last December and stopped in the spring.",
        "The survey was published on Feb. 12, 2025.",
        "The next hearing is set for March 18.",
    ];
    let mut out = String::from("---\ntitle: Generated article\ndate: 2025-03-04\n---\n\n# Generated article\n\n");
    let mut words = 0;
    while words < WORDS {
        for _ in 0..(3 + rng.next() % 4) {
            let s = match rng.next() % 8 {
                0 => format!("{} {}. ", rng.pick(&vague), rng.pick(&objects)),
                1 => format!("{} ", rng.pick(&dated)),
                _ => format!("{} {} that {}. ", rng.pick(&named), rng.pick(&verbs), rng.pick(&objects)),
            };
            words += s.split_whitespace().count();
            out.push_str(&s);
        }
        out.push_str("\n\n");
    }
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this binary without it:
    // then a short smoke run (debug build) keeps the bench compiling and working.
    let edits = if std::env::args().any(|a| a == "--bench") { EDITS } else { 10 };
    let mut text = article(0xA27_1C1E);
    let mut rng = Rng(7);
    let mut c = LspClient::spawn(BIN);
    c.initialize(&["utf-16"], json!({"referenceDate": "2025-03-04"}));
    let uri = "file:///tmp/copydesk-bench/article.md";
    c.open(uri, "markdown", 0, &text);
    let findings = c.diagnostics(uri, 0).len();
    let mut times = Vec::new();
    let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
    let mut inserted_at = 0;
    for v in 1..=(edits + WARMUP) {
        // Alternate typing one character before a random space and deleting it again, so the
        // article stays the same size.
        let t0 = Instant::now();
        if v % 2 == 1 {
            inserted_at = spaces[(rng.next() % spaces.len() as u64) as usize];
            c.change(uri, v, &mut text, inserted_at, inserted_at, "x");
        } else {
            c.change(uri, v, &mut text, inserted_at, inserted_at + 1, "");
        }
        c.diagnostics(uri, v);
        if v > WARMUP {
            times.push(t0.elapsed());
        }
        c.notifications.clear();
    }
    assert_eq!(c.document_text(uri).1, text, "the server's text diverged");
    times.sort();
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    println!(
        "lsp_latency: didChange -> publishDiagnostics, {} words ({} bytes), {} edits: median {:.2?}, p90 {:.2?}, p99 {:.2?}, max {:.2?}, mean {:.2?}",
        text.split_whitespace().count(),
        text.len(),
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.9),
        percentile(&times, 0.99),
        times[times.len() - 1],
        mean
    );
    // For comparison: the engine alone on the same text, in this process.
    let settings = copydesk::Settings { reference_date: Some(jiff::civil::date(2025, 3, 4)), ..Default::default() };
    let mut engine: Vec<Duration> = (0..50)
        .map(|_| {
            let t0 = Instant::now();
            std::hint::black_box(copydesk::check(&text, &settings));
            t0.elapsed()
        })
        .collect();
    engine.sort();
    println!(
        "lsp_latency: {findings} diagnostics per publication; engine check alone: median {:.2?}",
        percentile(&engine, 0.5)
    );
    c.shutdown();
}
