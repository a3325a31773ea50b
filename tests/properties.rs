//! Property tests of the engine and the position index on arbitrary and damaged input.
#[path = "support/generator.rs"]
mod generator;
#[path = "support/invariants.rs"]
mod invariants;

use copydesk::document::{DocKind, Document, Settings};
use copydesk::engine::{Memo, check_document, check_document_with, parse_document_with};
use copydesk::text::position::{Clamp, Encoding, LineCol, LineIndex};
use generator::Mutation;
use jiff::civil::date;
use proptest::prelude::*;

fn settings(kind: DocKind) -> Settings {
    Settings { kind, today: Some(date(2025, 3, 4)), ..Settings::default() }
}

/// Text heavy in what the parser and rules react to: Markdown markers, quotation marks, brackets,
/// abbreviations, dates, CRLF and multi-byte characters.
fn prose_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Experts say ".to_string()),
        Just("said Ortiz. ".to_string()),
        Just("Feb. 30, 2025".to_string()),
        Just("Tuesday, March 4, 2025".to_string()),
        Just("last week ".to_string()),
        Just("14 March 2025 ".to_string()),
        Just("2025-02-29".to_string()),
        Just("Mr. ".to_string()),
        Just("U.S. ".to_string()),
        Just("38% ".to_string()),
        Just("$4.2 million ".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("```\n".to_string()),
        Just("<!-- copydesk-disable-next-line -->\n".to_string()),
        Just("<!--".to_string()),
        Just("---\ndate: 2025-03-04\n---\n".to_string()),
        Just("[link](https://example.org)".to_string()),
        Just("[^1]".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        Just("# ".to_string()),
        Just("> ".to_string()),
        Just("- ".to_string()),
        Just("*".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("é😀\u{301}日本".to_string()),
        "[a-zA-Z ,.;:!?()\\[\\]]{0,12}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let snippet = prop_oneof![
        prose_like(),
        any::<String>(),
        Just("\u{0}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{2028}".to_string()),
    ];
    prop_oneof![
        (0.0..1.0f64, snippet).prop_map(|(at, text)| Mutation::Insert { at, text }),
        (0.0..1.0f64, 0usize..400).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (0.0..1.0f64, 0.0..1.0f64, 0usize..400).prop_map(|(from, to, len)| Mutation::Duplicate { from, to, len }),
    ]
}

/// Markdown dense in the constructs whose reading depends on the letters inside or next to them,
/// between words to edit.
fn markdown_heavy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        100 => "[a-z]{1,6}".prop_map(|w| format!("{w} ")),
        4 => Just("\n".to_string()),
        30 => Just("\n\n".to_string()),
        1 => Just("[foo]".to_string()),
        1 => Just("[fo]".to_string()),
        1 => Just("\n[foo]: /url\n".to_string()),
        1 => Just("[x](http://a.b/c)".to_string()),
        1 => Just("![alt](i.png)".to_string()),
        1 => Just("[^n]".to_string()),
        1 => Just("\n[^n]: note\n".to_string()),
        1 => Just("&amp;".to_string()),
        1 => Just("&am".to_string()),
        1 => Just("<http://ex.org>".to_string()),
        1 => Just("<span>".to_string()),
        1 => Just("\n<div>\n".to_string()),
        1 => Just("\n<pre>\n".to_string()),
        1 => Just("</pr".to_string()),
        1 => Just("<!-- copydesk-disable-next-line -->".to_string()),
        1 => Just("`".to_string()),
        1 => Just("\n```\n".to_string()),
        1 => Just("\n~~~\n".to_string()),
        1 => Just("\\".to_string()),
        1 => Just("*".to_string()),
        1 => Just("_".to_string()),
        1 => Just("~~".to_string()),
        1 => Just("\n| a | b |\n|---|---|\n".to_string()),
        1 => Just("|".to_string()),
        1 => Just("\n# ".to_string()),
        1 => Just("\n===\n".to_string()),
        1 => Just("\n---\n".to_string()),
        1 => Just("\n- ".to_string()),
        1 => Just("\n1. ".to_string()),
        1 => Just("\n> ".to_string()),
        1 => Just("\n    ".to_string()),
        1 => Just("---\ndate: 2025-03-04\n---\n".to_string()),
        1 => Just("\u{201c}".to_string()),
        1 => Just("\"".to_string()),
        1 => Just(". ".to_string()),
        1 => Just("\r\n".to_string()),
    ];
    prop::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

/// Insert `letters` at (`del == 0`), or delete up to `del` letters from, the first place at or
/// after the fraction `at` of `text` (wrapping round) that lies next to an ASCII letter.
fn letter_edit(text: &mut String, at: f64, del: usize, letters: &str) {
    let b = text.as_bytes();
    let n = b.len();
    if n < 2 {
        text.push_str(letters);
        return;
    }
    let start = ((at * n as f64) as usize).clamp(1, n - 1);
    let next_to_letter = |i: usize| {
        (b[i - 1].is_ascii_alphabetic() || b.get(i).is_some_and(u8::is_ascii_alphabetic)) && text.is_char_boundary(i)
    };
    let Some(i) = (start..=n).chain(1..start).find(|&i| next_to_letter(i)) else {
        text.push_str(letters);
        return;
    };
    if del == 0 {
        text.insert_str(i, letters);
    } else {
        let end = (i..n).take(del).take_while(|&k| b[k].is_ascii_alphabetic()).last().map_or(i, |k| k + 1);
        text.replace_range(i..end, "");
    }
}

/// `text` and the text after each of `edits` in turn (`letter_edit`'s arguments).
fn after_each_edit(text: String, edits: &[(f64, usize, String)]) -> Vec<String> {
    let mut texts = vec![text];
    for (at, del, letters) in edits {
        let mut next = texts[texts.len() - 1].clone();
        letter_edit(&mut next, *at, *del, letters);
        texts.push(next);
    }
    texts
}

#[test]
fn the_letter_edit_generator_reaches_the_shortcut() {
    // Run the generator of `markdown_skeleton_survives_letter_edits` and count the parses that
    // carried the skeleton over: a generator that never reached it would test nothing.
    // A fixed seed: the count depends on the cases drawn, and with random ones it fell below the
    // bound about once in a dozen runs (97 against 100).
    use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};
    let mut runner =
        TestRunner::new_with_rng(ProptestConfig::with_cases(64), TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let strategy = (markdown_heavy(), prop::collection::vec((0.0..1.0f64, 0usize..4, "[a-zA-Z]{1,3}"), 1..24));
    let carried = std::cell::Cell::new(0);
    runner
        .run(&strategy, |(text, edits)| {
            let mut memo = copydesk::document::ParseMemo::default();
            for text in after_each_edit(text, &edits) {
                let _ = Document::parse_with(&text, DocKind::Markdown, &[], &mut memo);
            }
            carried.set(carried.get() + memo.markdown_carried());
            Ok(())
        })
        .expect("parses");
    let carried = carried.get();
    assert!(carried > 100, "only {carried} parses carried the skeleton over");
}

fn assert_sane(text: &str, kind: DocKind) -> Result<(), TestCaseError> {
    let report = copydesk::check(text, &settings(kind));
    invariants::check_report(text, &report).map_err(TestCaseError::fail)?;
    // The document model keeps its own invariant: prose has the text's length, and every
    // sentence lies inside the text.
    let doc = Document::parse(text, kind, &[]);
    prop_assert_eq!(doc.prose.len(), text.len());
    for s in &doc.sentences {
        prop_assert!(s.span.start <= s.span.end && s.span.end <= text.len());
        prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn engine_on_arbitrary_utf8(text in any::<String>(), plain in any::<bool>()) {
        assert_sane(&text, if plain { DocKind::Plain } else { DocKind::Markdown })?;
    }

    #[test]
    fn engine_on_prose_like_text(text in prose_like(), plain in any::<bool>()) {
        assert_sane(&text, if plain { DocKind::Plain } else { DocKind::Markdown })?;
    }

    #[test]
    fn engine_on_mutated_articles(
        seed in 0u64..10_000,
        words in 30usize..700,
        muts in prop::collection::vec(mutation(), 1..8),
        plain in any::<bool>(),
    ) {
        let mut text = generator::article_words(seed, words);
        for m in &muts {
            generator::mutate(&mut text, m);
        }
        assert_sane(&text, if plain { DocKind::Plain } else { DocKind::Markdown })?;
    }

    /// A language server re-checks one document per edit with a memo of the unchanged
    /// sentences' analyses (and blocks, date scans, date findings): after every edit the report
    /// must equal a fresh check's, including when the settings' word lists or today's date (the
    /// reference of an article without one) change between two edits.
    #[test]
    fn memo_checks_equal_fresh_checks_under_edits(
        seed in 0u64..10_000,
        words in 30usize..500,
        muts in prop::collection::vec(mutation(), 1..8),
        plain in any::<bool>(),
        switch_lists in any::<bool>(),
        switch_today in any::<bool>(),
    ) {
        let mut text = generator::article_words(seed, words);
        let mut memo = Memo::default();
        let kind = if plain { DocKind::Plain } else { DocKind::Markdown };
        for step in 0..=muts.len() {
            if step > 0 {
                generator::mutate(&mut text, &muts[step - 1]);
            }
            let mut s = settings(kind);
            if switch_lists && step % 2 == 1 {
                s.extra_vague_phrases = vec!["the council said".into()];
                s.known_sources = vec!["ortiz".into()];
            }
            if switch_today && step % 3 == 2 {
                s.today = Some(date(2025, 9, 30));
            }
            let doc = Document::parse(&text, kind, &[]);
            let fresh = check_document(&doc, &s);
            let memo_doc = parse_document_with(&text, &s, &mut memo);
            prop_assert_eq!(format!("{:?}", doc), format!("{:?}", memo_doc), "step {}", step);
            let memoised = check_document_with(&memo_doc, &s, &mut memo);
            prop_assert_eq!(format!("{:?}", fresh.findings), format!("{:?}", memoised.findings), "step {}", step);
            prop_assert_eq!(format!("{:?}", fresh.dates), format!("{:?}", memoised.dates));
        }
    }

    /// A letter typed or deleted inside a word of Markdown takes the last parse's skeleton over
    /// (`document/parse/edit.rs`) when nothing around it can read the letters: the document must
    /// be the one a fresh parse gives, in text full of the constructs that do read them (link
    /// labels and definitions, entities, HTML, autolinks, code, fences, tables, list markers,
    /// setext underlines, emphasis, front matter).
    #[test]
    fn markdown_skeleton_survives_letter_edits(
        text in markdown_heavy(),
        edits in prop::collection::vec((0.0..1.0f64, 0usize..4, "[a-zA-Z]{1,3}"), 1..24),
    ) {
        let mut memo = Memo::default();
        let s = settings(DocKind::Markdown);
        for (step, text) in after_each_edit(text, &edits).iter().enumerate() {
            let with = parse_document_with(text, &s, &mut memo);
            let fresh = Document::parse(text, DocKind::Markdown, &[]);
            prop_assert_eq!(format!("{:?}", fresh), format!("{:?}", with), "step {}: {:?}", step, text);
            // The checks after it take unchanged pieces by their place in the edited text.
            let (a, b) = (check_document(&fresh, &s), check_document_with(&with, &s, &mut memo));
            prop_assert_eq!(format!("{:?}", a.findings), format!("{:?}", b.findings), "step {}", step);
            prop_assert_eq!(format!("{:?}", a.dates), format!("{:?}", b.dates));
        }
    }

    /// The same letter edits typed into generated news articles (dates, sources, quotations,
    /// claims): the checks after each, taking unchanged pieces by their place, equal fresh ones.
    #[test]
    fn letter_edits_to_articles_check_as_fresh(
        seed in 0u64..10_000,
        words in 30usize..400,
        edits in prop::collection::vec((0.0..1.0f64, 0usize..4, "[a-zA-Z]{1,3}"), 1..16),
    ) {
        let mut memo = Memo::default();
        let s = settings(DocKind::Markdown);
        for (step, text) in after_each_edit(generator::article_words(seed, words), &edits).iter().enumerate() {
            let fresh = check_document(&Document::parse(text, DocKind::Markdown, &[]), &s);
            let with = check_document_with(&parse_document_with(text, &s, &mut memo), &s, &mut memo);
            prop_assert_eq!(format!("{:?}", fresh.findings), format!("{:?}", with.findings), "step {}", step);
            prop_assert_eq!(format!("{:?}", fresh.dates), format!("{:?}", with.dates));
        }
    }

    #[test]
    fn positions_round_trip_in_every_encoding(text in prop_oneof![any::<String>(), prose_like()]) {
        let idx = LineIndex::new(&text);
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let mut last = LineCol { line: 0, col: 0 };
            for &off in &boundaries {
                let p = idx.position(&text, off, enc);
                prop_assert!(p >= last, "positions go backwards at {}", off);
                last = p;
                let (back, clamp) = idx.offset(&text, p, enc);
                // A '\r' of a CRLF is not a column: an offset on it maps to the line end.
                let on_cr = text[off..].starts_with("\r\n") || (text[..off].ends_with('\r') && text[off..].starts_with('\n'));
                if on_cr {
                    prop_assert!(back <= off);
                } else {
                    prop_assert_eq!(back, off, "{:?} at {}", enc, off);
                    prop_assert_eq!(clamp, Clamp::Exact);
                }
            }
        }
    }

    #[test]
    fn any_client_position_becomes_a_char_boundary(
        text in prop_oneof![any::<String>(), prose_like()],
        line in 0u32..40,
        col in 0u32..200,
    ) {
        let idx = LineIndex::new(&text);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let (off, clamp) = idx.offset(&text, LineCol { line, col }, enc);
            prop_assert!(off <= text.len() && text.is_char_boundary(off));
            let asked = LineCol { line, col };
            if clamp == Clamp::Exact {
                prop_assert_eq!(idx.position(&text, off, enc), asked);
            } else {
                // Clamped positions never land past where the client pointed.
                prop_assert!(idx.position(&text, off, enc) <= asked);
            }
        }
    }
}
