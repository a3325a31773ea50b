//! Profiling runner: `prof_check FILE [N] [--recheck]` checks FILE N times (default 1) with a
//! fixed reference date, for `valgrind --tool=callgrind --toggle-collect='copydesk::engine::check*'`
//! or `perf record`. With `--recheck` it checks the way the language server does per keystroke:
//! FILE once with a `Memo`, then N times a copy with one letter inserted mid-file, alternating
//! with the original, reusing the memo (profile `copydesk::engine::check_document_with` and
//! `copydesk::engine::parse_document_with`).
//!
//! Build it with the symbols the profilers need (the release profile is stripped):
//! `cargo build --locked --profile profiling --example prof_check` (target/profiling/examples/).

use copydesk::document::{DocKind, Settings};
use copydesk::engine::{Memo, check_document_with, parse_document_with};
use jiff::civil::date;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let recheck = args.iter().any(|a| a == "--recheck");
    let mut pos = args.iter().filter(|a| !a.starts_with("--"));
    let Some(path) = pos.next() else {
        eprintln!("usage: prof_check FILE [N] [--recheck]");
        std::process::exit(2)
    };
    let n: usize = pos.next().and_then(|v| v.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let settings = Settings { kind: DocKind::Markdown, today: Some(date(2025, 6, 1)), ..Settings::default() };
    // Warm up (lazily built automata and word lists) outside `check`, so a callgrind run with
    // `--toggle-collect=copydesk::engine::check` counts only the steady-state cost.
    let mut memo = Memo::default();
    let doc = parse_document_with(&text, &settings, &mut memo);
    std::hint::black_box(check_document_with(&doc, &settings, &mut memo));
    drop(doc);
    let mut total = 0;
    if recheck {
        let mut at = text.len() / 2;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let edited = format!("{}x{}", &text[..at], &text[at..]);
        for i in 0..n {
            let t = if i % 2 == 0 { &edited } else { &text };
            let doc = parse_document_with(t, &settings, &mut memo);
            total += std::hint::black_box(check_document_with(&doc, &settings, &mut memo)).findings.len();
        }
        let st = memo.stats();
        let ps = memo.parse_stats();
        println!("last parse reused {} and parsed {} blocks", ps.reused, ps.parsed);
        let ds = memo.date_stats();
        println!(
            "{total} findings; last recheck reused {} and analysed {} sentences, reused {} and scanned {} date chunks, reused {} tenses",
            st.reused, st.analysed, ds.reused, ds.scanned, ds.tenses_reused
        );
        return;
    }
    for _ in 0..n {
        total += std::hint::black_box(copydesk::check(std::hint::black_box(&text), &settings)).findings.len();
    }
    println!("{total} findings");
}
