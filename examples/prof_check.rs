//! Profiling runner: `prof_check FILE [N]` checks FILE N times (default 1) with a fixed reference
//! date, for `valgrind --tool=callgrind --toggle-collect='copydesk::engine::check'` or `perf record`.
use copydesk::engine::{DocKind, Settings};
use jiff::civil::date;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: prof_check FILE [N]");
        std::process::exit(2)
    };
    let n: usize = args.next().and_then(|v| v.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let settings = Settings { kind: DocKind::Markdown, today: Some(date(2025, 6, 1)), ..Settings::default() };
    // Warm up (lazily built automata and word lists) outside `check`, so a callgrind run with
    // `--toggle-collect=copydesk::engine::check` counts only the steady-state cost.
    let doc = copydesk::engine::Document::parse(&text, settings.kind, &settings.extra_abbreviations);
    std::hint::black_box(copydesk::engine::check_document(&doc, &settings));
    drop(doc);
    let mut total = 0;
    for _ in 0..n {
        total += std::hint::black_box(copydesk::check(std::hint::black_box(&text), &settings)).findings.len();
    }
    println!("{total} findings");
}
