//! Cost of a lexicon lookup: every word of the README's sample article, looked up as written
//! (`lookup_folded`) and pre-lowercased (`lookup`). Criterion reports time per pass; divide by the
//! word count it prints to get time per lookup.

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};

fn words() -> Vec<String> {
    let text = include_str!("../examples/city-budget.md");
    text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

fn bench(c: &mut Criterion) {
    let words = words();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    eprintln!("lexicon bench: {} words per pass", words.len());
    let mut group = c.benchmark_group("lexicon");
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("lookup", |b| {
        b.iter(|| {
            let mut acc = 0u32;
            for w in &lower {
                acc ^= copydesk::lexicon::lookup(black_box(w)).bits();
            }
            acc
        })
    });
    group.bench_function("lookup_folded", |b| {
        b.iter(|| {
            let mut acc = 0u32;
            for w in &words {
                acc ^= copydesk::lexicon::lookup_folded(black_box(w)).bits();
            }
            acc
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
