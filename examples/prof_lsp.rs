//! Profiling runner for the language server's per-keystroke work without the protocol round
//! trip: `prof_lsp FILE [N]` lints FILE once, then N times a copy with one letter inserted
//! mid-file (`PROF_LSP_INSERT` inserts something else), alternating with the original, the way the server's lint loop does (the analysis
//! with the document's memo, then the serialised `publishDiagnostics`). For
//! `valgrind --tool=callgrind --toggle-collect='copydesk::lsp::analysis::analyse' --toggle-collect='copydesk::lsp::output::publication'`
//! (every lint, the first included) or `--toggle-collect='prof_lsp::keystroke'` (the N edits
//! only: divide by N for a keystroke's cost; the analysis each replaces is dropped outside it,
//! as the server drops it after publishing: `--toggle-collect='prof_lsp::drop_analysis'`), or `perf record`; build with `cargo build --profile profiling --example prof_lsp`.
use std::sync::{Arc, Mutex};

use copydesk::document::{DocKind, Settings};
use copydesk::engine::Memo;
use copydesk::lsp::analysis::{Analysis, Job, analyse};
use copydesk::lsp::output::publication;
use copydesk::text::position::Encoding;
use jiff::civil::date;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: prof_lsp FILE [N]");
        std::process::exit(2)
    };
    let n: usize = args.get(1).and_then(|v| v.parse().ok()).unwrap_or(1);
    // The allocator as the server sets it up (unless PROF_LSP_DEFAULT_MALLOC is set).
    if std::env::var_os("PROF_LSP_DEFAULT_MALLOC").is_none() {
        copydesk::lsp::tune_allocator();
    }
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let settings = Settings { kind: DocKind::Markdown, today: Some(date(2025, 6, 1)), ..Settings::default() };
    let memo = Arc::new(Mutex::new(Memo::default()));
    let uri: tower_lsp_server::ls_types::Uri = "file:///prof/article.md".parse().expect("a valid URI");
    let mut at = text.len() / 2;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    // PROF_LSP_INSERT: what the edit inserts (default "x"; a letter typed in a word takes the
    // last parse's Markdown skeleton over, a space or punctuation runs pulldown-cmark).
    let insert = std::env::var("PROF_LSP_INSERT").unwrap_or_else(|_| "x".to_string());
    let edited = format!("{}{insert}{}", &text[..at], &text[at..]);
    let mut bytes = 0;
    let mut last: Option<Analysis> = None;
    for i in 0..=n {
        let t = if i % 2 == 1 { &edited } else { &text };
        let job = Job {
            generation: i as u64,
            version: i as i32,
            text: t.clone(),
            settings: settings.clone(),
            max_document_size: usize::MAX,
            inlay_hints: true,
            encoding: Encoding::Utf16,
            memo: memo.clone(),
        };
        // The server drops the analysis a new one replaces after publishing (on the stdout
        // writer), so `keystroke` hands its analysis back and it is dropped outside.
        let (a, published) = if i == 0 {
            let a = analyse(job);
            let n = publication(&uri, &a).len();
            (a, n)
        } else {
            keystroke(job, &uri)
        };
        bytes += published;
        drop_analysis(last.replace(a));
        if std::env::var_os("PROF_LSP_STATS").is_some() {
            let m = memo.lock().expect("the memo is not poisoned");
            eprintln!(
                "{i}: sentences {:?}, blocks {:?}, dates {:?}, date findings {:?}",
                m.stats(),
                m.parse_stats(),
                m.date_stats(),
                m.date_findings_stats()
            );
        }
    }
    println!("{bytes} bytes published");
}

/// One keystroke's lint: `--toggle-collect='prof_lsp::keystroke'` profiles only these (the
/// analysis and its publication; `--toggle-collect='prof_lsp::drop_analysis'` the dropping of
/// the analysis it replaces).
#[inline(never)]
fn keystroke(job: Job, uri: &tower_lsp_server::ls_types::Uri) -> (Analysis, usize) {
    let a = analyse(job);
    let n = std::hint::black_box(publication(uri, &a)).len();
    (a, n)
}

#[inline(never)]
fn drop_analysis(a: Option<Analysis>) {
    drop(a)
}
