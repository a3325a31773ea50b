//! Sentence segmentation over the tokens of one block.
//!
//! Hand-rolled (no maintained crate knows AP abbreviations and quotation conventions); linear in
//! the tokens. The rules, in the order they are tried at a `.`, `?`, `!` or `…`:
//! 1. A terminator only counts when followed by white space (or the end of the block), after any
//!    closing quotes and brackets glued to it ("done.”" ends with the `”`).
//! 2. `?`/`!`: a break unless the next word is lowercase ("“Why now?” she asked") or, after a
//!    closing quote, a speaker tag follows ("“Why now?” Ortiz asked").
//! 3. An ellipsis, a known abbreviation (data/abbreviations.txt plus the configured extras), a
//!    dotted word ("U.S.") or a single capital initial ("H."): a break only when the next word
//!    plainly opens a sentence — a function word from [`STARTERS`] ("The", "It", "But") or an
//!    opening quotation mark before a capital ("at 6 p.m. The meeting" breaks, "p.m. Wednesday",
//!    "Co. Ltd" and "Ri H. Yong" do not).
//! 4. Any other `.`: a break unless the next word starts lowercase, or the period closes a leading
//!    list number ("1. First").
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::document::lexicon::is_reporting_verb;
use crate::document::{Token, TokenKind};

static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.strip_suffix('.').unwrap_or(l))
        .collect()
});

/// Capitalised words that open sentences and rarely follow an abbreviation inside one.
static STARTERS: &[&str] = &[
    "A",
    "About",
    "After",
    "Afterward",
    "Again",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Even",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "Neither",
    "Nevertheless",
    "No",
    "None",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "Over",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Two",
    "Under",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yet",
    "You",
    "Your",
];

/// Which abbreviations this parse knows: the compiled-in list plus the configured extras.
pub struct Abbreviations {
    extra: HashSet<String>,
}

impl Abbreviations {
    pub fn new(extra: &[String]) -> Self {
        Abbreviations {
            extra: extra
                .iter()
                .map(|a| a.trim())
                .filter(|a| !a.is_empty())
                .map(|a| a.strip_suffix('.').unwrap_or(a).to_string())
                .collect(),
        }
    }

    /// `word` without its final period.
    pub fn contains(&self, word: &str) -> bool {
        ABBREVIATIONS.contains(word) || (!self.extra.is_empty() && self.extra.contains(word))
    }
}

fn is_terminator(s: &str) -> bool {
    matches!(s, "." | "?" | "!" | "…" | "‽" | "。" | "？" | "！")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "›")
}

fn is_quote_mark(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | "»" | "›")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "‹" | "„")
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// Split `toks` (one block) into sentences; pushes index ranges relative to `toks`.
pub fn segment(text: &str, toks: &[Token], abbr: &Abbreviations, out: &mut Vec<Range<usize>>) {
    let n = toks.len();
    let s = |i: usize| toks[i].span.slice(text);
    let adjacent = |a: usize, b: usize| toks[a].span.end == toks[b].span.start;
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let t = toks[i];
        // Most tokens end no sentence: rule them out from one byte, without slicing the text
        // (a word ends with a period; a terminator starts with `.`, `?`, `!` or the first byte
        // of `…`, `‽`, `。`, `？`, `！`).
        let maybe = match t.kind {
            TokenKind::Word => bytes.get(t.span.end.wrapping_sub(1)) == Some(&b'.'),
            TokenKind::Punct => matches!(bytes.get(t.span.start), Some(b'.' | b'?' | b'!' | 0xE2 | 0xE3 | 0xEF)),
            TokenKind::Number => false,
        };
        if !maybe {
            i += 1;
            continue;
        }
        let dotted = t.kind == TokenKind::Word && s(i).ends_with('.');
        if !(dotted || (t.kind == TokenKind::Punct && is_terminator(s(i)))) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < n && adjacent(j, j + 1) && toks[j + 1].kind == TokenKind::Punct && is_terminator(s(j + 1)) {
            j += 1;
        }
        let mut k = j;
        while k + 1 < n && adjacent(k, k + 1) && toks[k + 1].kind == TokenKind::Punct && is_closer(s(k + 1)) {
            k += 1;
        }
        let next = k + 1;
        if next >= n {
            break;
        }
        if adjacent(k, next) {
            // "example.com", "?!x": not followed by space.
            i = next;
            continue;
        }
        let run = &text[toks[i].span.start..toks[j].span.end];
        let quoted = (j + 1..=k).any(|q| is_quote_mark(s(q)));
        let question = run.contains(['?', '!', '‽', '？', '！']);
        let periods = run.bytes().filter(|&b| b == b'.').count();
        let ellipsis = run.contains('…') || (2..=3).contains(&periods);
        let brk = if question {
            !(starts_lowercase(text, toks, next) || quoted && tag_follows(text, toks, next))
        } else if ellipsis && periods < 4 {
            opens_sentence(text, toks, next)
        } else {
            let prev = if dotted {
                Some(i)
            } else {
                (i > start && adjacent(i - 1, i) && toks[i - 1].kind != TokenKind::Punct).then(|| i - 1)
            };
            match prev {
                Some(p) if toks[p].kind == TokenKind::Word && abbreviation_like(s(p), abbr) => {
                    opens_sentence(text, toks, next)
                }
                Some(p) if toks[p].kind == TokenKind::Number && p == start && s(p).len() <= 3 => false,
                _ => !starts_lowercase(text, toks, next),
            }
        };
        if brk {
            out.push(start..next);
            start = next;
        }
        i = next;
    }
    if start < n {
        out.push(start..n);
    }
}

fn abbreviation_like(word: &str, abbr: &Abbreviations) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    if bare.len() < word.len() {
        return true; // dotted: "U.S.", "a.m."
    }
    let mut chars = bare.chars();
    let single_capital = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || abbr.contains(bare)
}

/// Skip opening quotes and brackets from `i`; returns the first other token and whether any was skipped.
fn skip_openers(text: &str, toks: &[Token], mut i: usize) -> (Option<usize>, bool) {
    let mut skipped = false;
    while i < toks.len() && toks[i].kind == TokenKind::Punct && is_opener(toks[i].span.slice(text)) {
        i += 1;
        skipped = true;
    }
    ((i < toks.len()).then_some(i), skipped)
}

fn starts_lowercase(text: &str, toks: &[Token], i: usize) -> bool {
    match skip_openers(text, toks, i).0 {
        Some(w) => toks[w].kind == TokenKind::Word && first_char(toks[w].span.slice(text)).is_lowercase(),
        None => false,
    }
}

/// Whether the token at `i` plainly opens a new sentence (used after abbreviations and ellipses).
fn opens_sentence(text: &str, toks: &[Token], i: usize) -> bool {
    match skip_openers(text, toks, i) {
        (Some(w), skipped) => {
            let word = toks[w].span.slice(text);
            toks[w].kind == TokenKind::Word
                && ((skipped && first_char(word).is_uppercase()) || STARTERS.binary_search(&word).is_ok())
        }
        (None, _) => false,
    }
}

/// After "?”": a speaker tag ("Ortiz asked", "asked the mayor", "she said") before any terminator.
fn tag_follows(text: &str, toks: &[Token], i: usize) -> bool {
    for t in toks.iter().skip(i).take(6) {
        let w = t.span.slice(text);
        match t.kind {
            TokenKind::Word if is_reporting_verb(w) => return true,
            TokenKind::Word => {}
            TokenKind::Punct if w == "," => {}
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::parse::tokens::tokenize;
    use crate::text::Span;

    #[test]
    fn every_terminator_passes_the_first_byte_test() {
        for t in [".", "?", "!", "…", "‽", "。", "？", "！"] {
            assert!(is_terminator(t));
            assert!(matches!(t.as_bytes()[0], b'.' | b'?' | b'!' | 0xE2 | 0xE3 | 0xEF), "{t}");
        }
        assert_eq!(split("Wait… Then go。 Now？ Yes！ Done."), vec!["Wait…", "Then go。", "Now？", "Yes！", "Done."]);
    }

    #[test]
    fn starters_are_sorted_for_binary_search() {
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]));
    }

    fn split(text: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut toks);
        let mut out = Vec::new();
        segment(text, &toks, &Abbreviations::new(&["Supt.".to_string()]), &mut out);
        out.iter().map(|r| &text[toks[r.start].span.start..toks[r.end - 1].span.end]).collect()
    }

    #[test]
    fn abbreviations_from_the_issue_do_not_break() {
        for abbr in [
            "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "St.", "Jr.", "Sr.", "Inc.",
            "Corp.", "Co.", "Ltd.", "No.", "vs.", "etc.", "e.g.", "i.e.", "a.m.", "p.m.", "U.S.", "U.K.", "U.N.",
            "E.U.", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Tue.", "Thu.", "Supt.",
        ] {
            let text = format!("We saw {abbr} Harlow there. Then we left.");
            assert_eq!(split(&text), vec![&text[..text.len() - 14], "Then we left."], "{abbr}");
        }
    }

    #[test]
    fn breaks_after_abbreviation_when_a_sentence_plainly_starts() {
        assert_eq!(
            split("It opens at 6 p.m. The doors close late."),
            vec!["It opens at 6 p.m.", "The doors close late."]
        );
        assert_eq!(split("Apples, pears, etc. But not plums."), vec!["Apples, pears, etc.", "But not plums."]);
        assert_eq!(split("It meets at 6 p.m. Wednesday. Come."), vec!["It meets at 6 p.m. Wednesday.", "Come."]);
        assert_eq!(split("Harlow Co. Ltd sells nets."), vec!["Harlow Co. Ltd sells nets."]);
        assert_eq!(
            split("He lives in the U.S. \"We like it,\" he said."),
            vec!["He lives in the U.S.", "\"We like it,\" he said."]
        );
    }

    #[test]
    fn initials_decimals_money_and_ellipses() {
        assert_eq!(
            split("J.R.R. Tolkien and Kim H. Sol met. The end."),
            vec!["J.R.R. Tolkien and Kim H. Sol met.", "The end."]
        );
        assert_eq!(split("It cost $3.5 billion. Then 2.5%."), vec!["It cost $3.5 billion.", "Then 2.5%."]);
        assert_eq!(split("We waited... and waited … Nothing came."), vec!["We waited... and waited … Nothing came."]);
        assert_eq!(split("We waited... Then it came."), vec!["We waited...", "Then it came."]);
    }

    #[test]
    fn closing_quotes_and_brackets_belong_to_the_first_sentence() {
        assert_eq!(split("She called it “absurd.” Others agreed."), vec!["She called it “absurd.”", "Others agreed."]);
        assert_eq!(split("It passed (narrowly.) Nobody cheered."), vec!["It passed (narrowly.)", "Nobody cheered."]);
    }

    #[test]
    fn questions_inside_quotations_with_a_tag_continue() {
        assert_eq!(split("“Why now?” she asked. Nobody knew."), vec!["“Why now?” she asked.", "Nobody knew."]);
        assert_eq!(split("“Why now?” Ortiz asked. Nobody knew."), vec!["“Why now?” Ortiz asked.", "Nobody knew."]);
        assert_eq!(split("Why now? Nobody knew!"), vec!["Why now?", "Nobody knew!"]);
        assert_eq!(split("Who knows? Maybe."), vec!["Who knows?", "Maybe."]);
    }

    #[test]
    fn urls_and_numbered_lines_do_not_break() {
        assert_eq!(split("See example.com today. Ok."), vec!["See example.com today.", "Ok."]);
        assert_eq!(split("1. First step here."), vec!["1. First step here."]);
    }
}
