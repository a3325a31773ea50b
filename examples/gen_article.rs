//! Print a generated news article (the benchmarks' input) to stdout.
//!
//! `cargo run --example gen_article -- [--seed N] (--words N | --bytes N)`; default 10,000 words,
//! seed 1. The same seed and size always print the same bytes.
#[path = "../tests/support/generator.rs"]
mod generator;

use std::io::Write;

fn main() {
    let mut seed = 1u64;
    let mut words = None;
    let mut bytes = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().and_then(|v| v.replace('_', "").parse::<u64>().ok());
        match a.as_str() {
            "--seed" => seed = value().unwrap_or_else(|| usage()),
            "--words" => words = Some(value().unwrap_or_else(|| usage()) as usize),
            "--bytes" => bytes = Some(value().unwrap_or_else(|| usage()) as usize),
            _ => usage(),
        }
    }
    let text = match (words, bytes) {
        (_, Some(b)) => generator::article_bytes(seed, b),
        (w, None) => generator::article_words(seed, w.unwrap_or(10_000)),
    };
    let mut out = std::io::stdout().lock();
    if out.write_all(text.as_bytes()).is_err() {
        std::process::exit(1);
    }
}

fn usage() -> ! {
    eprintln!("usage: gen_article [--seed N] [--words N | --bytes N]");
    std::process::exit(2)
}
