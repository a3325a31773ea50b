use super::*;

fn plain(text: &str) -> Document<'_> {
    parse(text, DocKind::Plain, &[])
}

fn md(text: &str) -> Document<'_> {
    parse(text, DocKind::Markdown, &[])
}

fn sentences<'a>(doc: &Document<'a>) -> Vec<&'a str> {
    (0..doc.sentences.len()).map(|i| doc.sentence_text(i)).collect()
}

/// The document invariants every input must keep.
fn check_invariants(doc: &Document) {
    let (t, p) = (doc.text.as_bytes(), doc.prose.as_bytes());
    assert_eq!(t.len(), p.len());
    for (a, b) in t.iter().zip(p) {
        assert!(a == b || *b == b' ', "prose byte {b} differs from text byte {a}");
        if *a == b'\n' || *a == b'\r' {
            assert_eq!(a, b);
        }
    }
    let ok = |s: Span| {
        s.start <= s.end && s.end <= t.len() && doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end)
    };
    for (i, s) in doc.sentences.iter().enumerate() {
        assert!(ok(s.span));
        assert!(doc.blocks[s.block].span.contains_span(s.span));
        assert!(doc.blocks[s.block].sentences.contains(&i));
        assert!(!s.tokens.is_empty());
        assert_eq!(doc.tokens[s.tokens.start].span.start, s.span.start);
        assert_eq!(doc.tokens[s.tokens.end - 1].span.end, s.span.end);
    }
    assert!(doc.sentences.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    assert!(doc.tokens.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    for tok in &doc.tokens {
        assert!(ok(tok.span));
        assert!(!doc.prose[tok.span.range()].contains(char::is_whitespace));
    }
    for q in &doc.quotes {
        assert!(ok(q.span) && ok(q.inner) && q.span.contains_span(q.inner));
        assert!(q.sentence < doc.sentences.len());
    }
}

// Our own article with the traps of a wire-style draft: titles, abbreviations, initials, money,
// quotes with tags before and after, apostrophes, an acronym in brackets, one paragraph per line.
const ARTICLE: &str = "Harbor council approves ferry deal
On Sept. 12, 2024, Mayor Lena Ortiz met with Gen. Tomas R. Vale at the U.S. Navy pier in Port Adair. The meeting marked a turn in talks between the city and the Harbor Workers' Union (HWU).
Vale, who also chairs the Seamen's League, said the navy would lease two docks for $3.5 million a year. According to the city's press office, he said, \"The docks will be ready by Dec. 1,\" adding that repairs start at 6 a.m. Monday.
Union leader J.R. Okafor described the deal as “a fair start.” Others were less sure.
“Why now?” asked Sen. Ada Brooks. She said the council voted at 9 p.m. The vote was 5 to 2.
The ’90s-era piers, built by Carter Bros. Ltd, need work, the port’s engineer noted.";

const ARTICLE_SENTENCES: &[(&str, usize)] = &[
    ("Harbor council approves ferry deal", 0),
    ("On Sept. 12, 2024, Mayor Lena Ortiz met with Gen. Tomas R. Vale at the U.S. Navy pier in Port Adair.", 1),
    ("The meeting marked a turn in talks between the city and the Harbor Workers' Union (HWU).", 1),
    ("Vale, who also chairs the Seamen's League, said the navy would lease two docks for $3.5 million a year.", 2),
    (
        "According to the city's press office, he said, \"The docks will be ready by Dec. 1,\" adding that repairs start at 6 a.m. Monday.",
        2,
    ),
    ("Union leader J.R. Okafor described the deal as “a fair start.”", 3),
    ("Others were less sure.", 3),
    ("“Why now?” asked Sen. Ada Brooks.", 4),
    ("She said the council voted at 9 p.m.", 4),
    ("The vote was 5 to 2.", 4),
    ("The ’90s-era piers, built by Carter Bros. Ltd, need work, the port’s engineer noted.", 5),
];

#[test]
fn article_sentence_boundaries_in_plain_text_lines() {
    let doc = plain(ARTICLE);
    check_invariants(&doc);
    let got: Vec<(&str, usize)> =
        doc.sentences.iter().enumerate().map(|(i, s)| (doc.sentence_text(i), s.block)).collect();
    assert_eq!(got, ARTICLE_SENTENCES);
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
    assert!(doc.blocks[1..].iter().all(|b| b.kind == BlockKind::Paragraph));
}

#[test]
fn article_sentence_boundaries_in_markdown() {
    let text = format!("# {}", ARTICLE.replace('\n', "\n\n"));
    let doc = md(&text);
    check_invariants(&doc);
    let got: Vec<&str> = sentences(&doc);
    let want: Vec<&str> = ARTICLE_SENTENCES.iter().map(|s| s.0).collect();
    assert_eq!(got, want);
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
}

#[test]
fn article_quotes_and_speakers() {
    // The parser finds the spans; who spoke is the attribution analysis's (checked here end to end).
    let doc = plain(ARTICLE);
    let speakers = crate::attribution::speaker::speakers(&doc);
    let qs: Vec<(&str, Option<(&str, &str)>)> = doc
        .quotes
        .iter()
        .zip(&speakers)
        .map(|(q, sp)| (q.inner.slice(ARTICLE), sp.as_ref().map(|s| (s.name.slice(ARTICLE), s.verb.slice(ARTICLE)))))
        .collect();
    assert_eq!(
        qs,
        vec![
            ("The docks will be ready by Dec. 1,", Some(("he", "said"))),
            ("a fair start.", Some(("J.R. Okafor", "described"))),
            ("Why now?", Some(("Ada Brooks", "asked"))),
        ]
    );
}

#[test]
fn hard_wrapped_plain_text_splits_at_blank_lines_only() {
    let text = "The ferry board met on Tuesday and voted to raise\nfares by a quarter. Riders objected.\n\nA second paragraph ends here.\nAnd continues on this line.\n";
    let doc = plain(text);
    check_invariants(&doc);
    assert_eq!(doc.blocks.len(), 2);
    assert_eq!(
        sentences(&doc),
        vec![
            "The ferry board met on Tuesday and voted to raise\nfares by a quarter.",
            "Riders objected.",
            "A second paragraph ends here.",
            "And continues on this line."
        ]
    );
}

#[test]
fn plain_line_ending_mid_sentence_continues_the_paragraph() {
    let text = "Short title\nThe council voted on the plan after a long\ndebate. It passed.\nNext paragraph.";
    let doc = plain(text);
    let blocks: Vec<&str> = doc.blocks.iter().map(|b| b.span.slice(text)).collect();
    assert_eq!(
        blocks,
        vec!["Short title", "The council voted on the plan after a long\ndebate. It passed.", "Next paragraph."]
    );
}

#[test]
fn extra_abbreviations_are_honoured() {
    let text = "Talks with Brig. Harlow ended. Then we left.";
    assert_eq!(sentences(&plain(text)), vec!["Talks with Brig.", "Harlow ended.", "Then we left."]);
    let doc = parse(text, DocKind::Plain, &["Brig.".to_string()]);
    assert_eq!(sentences(&doc), vec!["Talks with Brig. Harlow ended.", "Then we left."]);
}

#[test]
fn prose_masks_markdown_syntax_code_html_links_and_images() {
    let text = "---\ntitle: \"A\"\ndate: 2025-03-14\n---\n\n# Heading *one*\n\nSee [the memo](https://example.org/m \"Memo\") and `code here` with <b>bold</b> text.<!-- note -->\n\n![alt words](pic.png) Image gone. Visit <https://example.org> now.[^1]\n\n```\nfenced code\n```\n\n    indented code\n\n<div>\nhtml block\n</div>\n\n> quoted **words**\n\n- item _one_\n\n| a | b |\n|---|---|\n| c | d |\n\n[^1]: Footnote body.\n";
    let doc = md(text);
    check_invariants(&doc);
    let words: Vec<&str> = doc.prose.split_whitespace().collect();
    assert_eq!(
        words,
        vec![
            "Heading", "one", "See", "the", "memo", "and", "with", "bold", "text.", "Image", "gone.", "Visit", "now.",
            "quoted", "words", "item", "one", "|", "a", "|", "b", "|", "|", "c", "|", "d", "|", "Footnote", "body."
        ]
    );
}

#[test]
fn front_matter_dates_yaml_toml_and_published() {
    let text = "---\ntitle: x\ndate: 2025-03-14\n---\nBody.\n";
    let fm = md(text).front_matter.unwrap();
    let (v, s) = fm.date.unwrap();
    assert_eq!((v.as_str(), s.slice(text)), ("2025-03-14", "2025-03-14"));
    assert_eq!(fm.span, Span::new(0, text.find("Body").unwrap()));

    let text = "+++\ntitle = \"x\"\ndate = \"2024-09-20\"\n+++\nBody.\n";
    let (v, s) = md(text).front_matter.unwrap().date.unwrap();
    assert_eq!((v.as_str(), s.slice(text)), ("2024-09-20", "2024-09-20"));

    let text = "---\npublished: '2023-10-27'\n---\nBody.\n";
    let (v, s) = plain(text).front_matter.unwrap().date.unwrap();
    assert_eq!((v.as_str(), s.slice(text)), ("2023-10-27", "2023-10-27"));

    assert!(md("---\nno closing fence\n").front_matter.is_none());
    assert!(md("Text\n---\n").front_matter.is_none());
    let doc = md("---\ntitle: x\n---\nBody.\n");
    assert!(doc.front_matter.unwrap().date.is_none());
}

#[test]
fn blocks_headings_list_items_cells_and_block_quotes() {
    let text = "## Title\n\nPara one.\n\n- tight item\n- second item\n\n1. loose item\n\n2. next\n\n> Quoted line.\n\n| h |\n|---|\n| cell |\n";
    let doc = md(text);
    check_invariants(&doc);
    let blocks: Vec<(BlockKind, &str, bool)> =
        doc.blocks.iter().map(|b| (b.kind, b.span.slice(text), b.in_block_quote)).collect();
    use BlockKind::*;
    assert_eq!(
        blocks,
        vec![
            (Heading, "Title", false),
            (Paragraph, "Para one.", false),
            (ListItem, "tight item", false),
            (ListItem, "second item", false),
            (ListItem, "loose item", false),
            (ListItem, "next", false),
            (Paragraph, "Quoted line.", true),
            (TableCell, "h", false),
            (TableCell, "cell", false),
        ]
    );
}

#[test]
fn cites_marks_links_autolinks_and_footnotes() {
    let text = "No link here. The [report](https://x.org) says so. Plain again.\n\nSee <https://x.org>\n\nA claim.[^2] Another.\n\n[Ref link][r] first. Then not.\n\n[r]: https://x.org\n[^2]: Note.\n";
    let doc = md(text);
    let cites: Vec<(&str, bool)> =
        (0..doc.sentences.len()).map(|i| (doc.sentence_text(i), doc.sentences[i].cites)).collect();
    assert_eq!(
        cites,
        vec![
            ("No link here.", false),
            ("The [report](https://x.org) says so.", true),
            ("Plain again.", false),
            ("See", true),
            ("A claim.", true),
            ("Another.", false),
            ("Ref link][r] first.", true),
            ("Then not.", false),
            ("Note.", false),
        ]
    );
}

fn quotes_of<'a>(doc: &Document<'a>) -> Vec<(&'a str, bool, bool)> {
    doc.quotes.iter().map(|q| (q.inner.slice(doc.text), q.closed, q.nested)).collect()
}

#[test]
fn quotes_straight_curly_nested_and_apostrophes() {
    let text = "\"One,\" she said, \"and two.\" He called it “the ‘people’s dock,’ not ours” and don’t forget the Workers' Party or the ’90s.";
    let doc = plain(text);
    check_invariants(&doc);
    assert_eq!(
        quotes_of(&doc),
        vec![
            ("One,", true, false),
            ("and two.", true, false),
            ("the ‘people’s dock,’ not ours", true, false),
            ("people’s dock,", true, true),
        ]
    );
    let text = "She said \"we use the 'old way' here\" often.";
    assert_eq!(quotes_of(&plain(text)), vec![("we use the 'old way' here", true, false), ("old way", true, true)]);
}

#[test]
fn a_closing_mark_with_no_opening_one_closes_a_quotation_from_the_paragraph_start() {
    // The opening mark was lost: the quotation is what comes before the mark, not what follows.
    let text = "The pier stays shut until May,\" the harbourmaster said.\n\nIt was late.” Okafor said so.\n";
    let doc = md(text);
    check_invariants(&doc);
    assert_eq!(quotes_of(&doc), vec![("The pier stays shut until May,", true, false), ("It was late.", true, false)]);
    // A mark after a space opens a quotation as before, and a paired one is not an orphan.
    let text = "She said \"no\" twice.\n\nHe wrote: \"Enough.\n";
    assert_eq!(quotes_of(&md(text)), vec![("no", true, false), ("Enough.", false, false)]);
    // A free-standing mark after a comma closes (an opening mark stands against its word); one
    // after a word and a space still opens.
    let text = "We sail at dawn, \" the skipper said.\n\nShe wrote \" and left.\n";
    assert_eq!(quotes_of(&md(text)), vec![("We sail at dawn,", true, false), ("and left.", false, false)]);
    // A mark ending the paragraph after a space belongs to the next paragraph's quotation: it
    // makes no quotation of this one (`'Pier,' ''`: after a single quotation too).
    let text = "The pier is shut. \"\n\nThey called it 'the Pier,' \" she said.\n";
    assert_eq!(quotes_of(&md(text)), vec![("", false, false), ("They called it 'the Pier,'", true, false)]);
}

#[test]
fn two_apostrophes_are_a_double_mark_and_a_backwards_curly_mark_closes() {
    let text = "''Not yet,'' she said. The dock's ''old'' crane stays.\n\nIt rained,'' he said.\n\n''They said 'no.''' Then quiet.\n";
    assert_eq!(
        quotes_of(&md(text)),
        vec![
            ("Not yet,", true, false),
            ("old", true, false),
            ("It rained,", true, false),
            ("They said 'no.'", true, false),
            ("no.", true, true)
        ]
    );
    // `“Fine,“ he said`: the second mark comes after the last word, before a space, so it closes.
    let text = "“Fine,“ he said, “we wait.“\n\nShe said “no “ loudly.\n";
    assert_eq!(
        quotes_of(&md(text)),
        vec![("Fine,", true, false), ("we wait.", true, false), ("no “ loudly.", false, false)]
    );
}

#[test]
fn multi_paragraph_quotation_is_open_then_continued_with_a_shared_speaker() {
    let text = "“We will rebuild the pier.\n\n“We will do it this year,” said Ortiz.\n\nAfter that, silence.\n";
    let doc = md(text);
    check_invariants(&doc);
    assert_eq!(
        quotes_of(&doc),
        vec![("We will rebuild the pier.", false, false), ("We will do it this year,", true, false)]
    );
    assert_eq!(doc.quotes[0].span.slice(text), "“We will rebuild the pier.");
    assert_eq!((doc.quotes[0].continues, doc.quotes[1].continues), (None, Some(0)));
    for sp in crate::attribution::speaker::speakers(&doc) {
        let sp = sp.expect("speaker");
        assert_eq!((sp.name.slice(text), sp.verb.slice(text)), ("Ortiz", "said"));
    }
    assert_eq!(doc.quotes[1].sentence, 1);
}

#[test]
fn block_quote_is_one_quotation_with_the_speaker_before_it() {
    let text = "The minister told the chamber:\n\n> We hear you. We will act.\n> Soon.\n\nThen she sat down.\n";
    let doc = md(text);
    let bq: Vec<&Quote> = doc.quotes.iter().filter(|q| q.block_quote).collect();
    assert_eq!(bq.len(), 1);
    assert_eq!(bq[0].inner.slice(text), "We hear you. We will act.\n> Soon.");
    assert_eq!(bq[0].sentence, 1);
    let i = doc.quotes.iter().position(|q| q.block_quote).expect("a block quote");
    let sp = crate::attribution::speaker::speakers(&doc)[i].clone().expect("speaker");
    assert_eq!((sp.name.slice(text), sp.verb.slice(text)), ("The minister", "told"));
}

#[test]
fn directives_parsed_with_rule_spans() {
    let text = "<!-- copydesk-disable-next-line date/invalid, claim -->\nText.\n\n<!-- copydesk-disable-file -->\n\nMore <!--copydesk-enable date--> text.\n\n<!-- an ordinary comment -->\n";
    let doc = md(text);
    let ds: Vec<(DirectiveKind, Vec<&str>)> =
        doc.directives.iter().map(|d| (d.kind.clone(), d.rules.iter().map(|r| r.1.slice(text)).collect())).collect();
    assert_eq!(
        ds,
        vec![
            (DirectiveKind::DisableNextLine, vec!["date/invalid", "claim"]),
            (DirectiveKind::DisableFile, vec![]),
            (DirectiveKind::Enable, vec!["date"]),
        ]
    );
    assert_eq!(doc.directives[0].span.slice(text), "<!-- copydesk-disable-next-line date/invalid, claim -->");
    // The comment is blanked in the prose but lies inside the sentence's span.
    assert_eq!(sentences(&doc), vec!["Text.", "More <!--copydesk-enable date--> text."]);
    assert!(!doc.prose.contains("copydesk"));
}

#[test]
fn plain_text_directive_only_on_a_line_of_its_own() {
    let text = "First line.\n<!-- copydesk-disable date -->\nSecond <!-- copydesk-disable claim --> line.\n";
    let doc = plain(text);
    assert_eq!(doc.directives.len(), 1);
    assert_eq!(doc.directives[0].rules[0].0, "date");
    assert_eq!(sentences(&doc), vec!["First line.", "Second <!-- copydesk-disable claim --> line."]);
}

#[test]
fn odd_inputs_keep_the_invariants() {
    for text in [
        "",
        "\n\n",
        "\"",
        "“",
        "’",
        "...",
        "a.b.c.d. e",
        "> > > deep\n>\n> “open",
        "---\n",
        "+++\ndate = \n+++\n",
        "# é́ 😀 “x” ‘y’\r\n\r\nSecond “para\r\n",
        "[link](",
        "<!-- copydesk-disable",
        "| a |\n|---|\n| “b |\n",
        "- “one\n- two”\n",
        "Mr. Mrs. Dr. U.S. e.g.",
    ] {
        check_invariants(&md(text));
        check_invariants(&plain(text));
    }
}

proptest::proptest! {
    #[test]
    fn any_input_keeps_the_invariants(s in "[a-zA-Z .,!?'\"“”‘’\\-\n>#*`\\[\\]()<!é😀0-9:]{0,200}") {
        check_invariants(&md(&s));
        check_invariants(&plain(&s));
    }
}

#[test]
fn an_unclosed_code_fence_does_not_hide_the_rest_of_the_article() {
    let text = "First paragraph.\n\n~~~~~.\n\nExperts say the bridge is unsafe.\n";
    let doc = Document::parse(text, DocKind::Markdown, &[]);
    assert!(
        doc.sentences.iter().any(|s| s.span.slice(text).starts_with("Experts say")),
        "the sentence after an unclosed fence is prose"
    );
    // A closed fence is still code.
    let text = "Intro.\n\n```\nExperts say nothing here.\n```\n\nAfter.\n";
    let doc = Document::parse(text, DocKind::Markdown, &[]);
    assert!(!doc.sentences.iter().any(|s| s.span.slice(text).contains("Experts")));
}
