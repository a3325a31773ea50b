//! Engine benchmarks: a whole `copydesk::check` of generated articles.
//!
//! * `check/words/*`: 1,000, 10,000 and 100,000-word articles (target: 10,000 words <= 2 ms);
//! * `check/manuscript_1mb`: a 1 MB manuscript (target: >= 30 MB/s);
//! * `scaling/*`: 0.25, 0.5, 1, 2 and 4 MB, to show the cost grows linearly;
//! * `recheck/*`: what the language server does per keystroke: parse and check again with the
//!   document's `Memo` after a one-character edit (alternately inserting and deleting a letter,
//!   so every iteration sees a changed sentence).
//!
//! Every group reports throughput in bytes, so criterion prints MB/s beside the time.
use std::hint::black_box;
use std::time::Duration;

use copydesk::document::{DocKind, Settings};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jiff::civil::date;

#[path = "../tests/support/generator.rs"]
mod generator;

const MB: usize = 1 << 20;

fn settings() -> Settings {
    // A fixed "today" so every run resolves relative dates the same way; the articles carry
    // their own front-matter date anyway.
    Settings { kind: DocKind::Markdown, today: Some(date(2025, 6, 1)), ..Settings::default() }
}

fn words(c: &mut Criterion) {
    let s = settings();
    let mut g = c.benchmark_group("check/words");
    for n in [1_000usize, 10_000, 100_000] {
        let text = generator::article_words(42, n);
        g.throughput(Throughput::Bytes(text.len() as u64));
        if n >= 100_000 {
            g.sample_size(20);
        }
        g.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, t| {
            b.iter(|| black_box(copydesk::check(black_box(t), &s)))
        });
    }
    g.finish();
}

fn manuscript(c: &mut Criterion) {
    let s = settings();
    let text = generator::article_bytes(42, MB);
    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(6));
    g.bench_function("manuscript_1mb", |b| b.iter(|| black_box(copydesk::check(black_box(&text), &s))));
    g.finish();
}

fn scaling(c: &mut Criterion) {
    let s = settings();
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    for quarters in [1usize, 2, 4, 8, 16] {
        let text = generator::article_bytes(43, MB * quarters / 4);
        g.throughput(Throughput::Bytes(text.len() as u64));
        let label = format!("{:.2}MB", quarters as f64 / 4.0);
        g.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| {
            b.iter(|| black_box(copydesk::check(black_box(t), &s)))
        });
    }
    g.finish();
}

fn recheck(c: &mut Criterion) {
    let s = settings();
    let mut g = c.benchmark_group("recheck");
    for (name, text) in
        [("10000_words", generator::article_words(42, 10_000)), ("manuscript_1mb", generator::article_bytes(42, MB))]
    {
        // A letter in the middle of a body paragraph (generated articles have no multi-byte text
        // before that point mattering: the position is moved to a char boundary).
        let mut at = text.len() / 2;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let edited = format!("{}x{}", &text[..at], &text[at..]);
        let mut memo = copydesk::engine::Memo::default();
        let doc = copydesk::engine::parse_document_with(&text, &s, &mut memo);
        copydesk::engine::check_document_with(&doc, &s, &mut memo);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(if text.len() > MB / 2 { 20 } else { 100 });
        let mut flip = false;
        g.bench_function(name, |b| {
            b.iter(|| {
                flip = !flip;
                let t = if flip { &edited } else { &text };
                let doc = copydesk::engine::parse_document_with(t, &s, &mut memo);
                black_box(copydesk::engine::check_document_with(&doc, &s, &mut memo))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, words, manuscript, scaling, recheck);
criterion_main!(benches);
