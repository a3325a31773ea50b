//! Block tokens and sentence boundaries remembered from one parse of a document to the next.
//!
//! Tokenizing and segmenting a block reads only that block: its prose (the tokenizer) and the
//! text under its tokens (the segmenter), with the configured extra abbreviations. A keystroke
//! changes one block, so a language server that parses the whole document on every keystroke
//! takes every other block's tokens and sentence boundaries from the last parse.
//!
//! *Invariants:* an entry is keyed by exactly what the two read (the block's prose and its text,
//! compared in full, or known equal because every byte of both lies in what the document has in
//! common with the last parse, see `text::generations`; the extra abbreviations are checked as a
//! whole, and a change empties the memo); tokens are stored relative to the block start and
//! shifted on the way out; the memo holds only the blocks of the last parse. `ParseMemo::begin`
//! keeps the last text and prose, to compare the next ones with.
use std::hash::{Hash, Hasher};
use std::ops::Range;

use rustc_hash::FxHasher;

use super::segment::{self, Abbreviations};
use super::tokens;
use super::{Edited, Skeleton};
use crate::document::{Token, TokenKind};
use crate::text::Span;
use crate::text::generations::{Generations, Revision, Unchanged};

/// Remembered block parses of one document; see the module docs. `Default` is empty.
#[derive(Debug, Default)]
pub struct ParseMemo {
    abbreviations: Option<Vec<String>>,
    entries: Generations<Entry>,
    /// The last parse's revision, text and prose (what the next parse is compared with).
    revision: Revision,
    text: String,
    prose: String,
    /// The last parse's Markdown skeleton (a Markdown parse that ended), for `edit::carry_over`.
    skeleton: Option<Skeleton>,
    /// Parses that took the last parse's skeleton over (`edit::carry_over`).
    carried: usize,
    stats: ParseStats,
}

/// How the last parse used the memo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseStats {
    /// Blocks whose tokens and sentences came from the memo.
    pub reused: usize,
    /// Blocks tokenized and segmented afresh.
    pub parsed: usize,
}

#[derive(Debug)]
struct Entry {
    prose: Box<str>,
    /// The text, when it differs from the prose (Markdown markers, links).
    text: Option<Box<str>>,
    tokens: Box<[(u32, u32, TokenKind)]>,
    /// Sentences as token ranges relative to the block's first token.
    sentences: Box<[Range<usize>]>,
}

impl Entry {
    fn matches(&self, prose: &str, text: &str) -> bool {
        *self.prose == *prose && self.text.as_deref().unwrap_or(&self.prose) == text
    }
}

impl ParseMemo {
    /// Statistics of the last parse that used this memo.
    pub fn stats(&self) -> ParseStats {
        self.stats
    }

    /// Start a parse of `text` with its `prose`: forget everything if the extra abbreviations
    /// changed. Returns the document's revision: what its text and prose have in common with
    /// the last parse's (compared once, here, unless `edited` says where they differ: the last
    /// parse's skeleton was carried over them).
    pub(super) fn begin(
        &mut self,
        extra_abbreviations: &[String],
        text: &str,
        prose: &str,
        edited: Option<Edited>,
    ) -> Revision {
        if self.abbreviations.as_deref() != Some(extra_abbreviations) {
            self.entries.clear();
            self.abbreviations = Some(extra_abbreviations.to_vec());
        }
        let unchanged = match edited {
            // The kept text and prose are the ones the edit was found against: patch them.
            Some(Edited { p, oe, ne }) => {
                let unchanged = Unchanged::edit(p, oe, ne);
                debug_assert_eq!(
                    unchanged,
                    Unchanged::between(
                        &[self.text.as_bytes(), self.prose.as_bytes()],
                        &[text.as_bytes(), prose.as_bytes()]
                    )
                );
                self.text.replace_range(p..oe, &text[p..ne]);
                self.prose.replace_range(p..oe, &prose[p..ne]);
                unchanged
            }
            None => {
                let unchanged = Unchanged::between(
                    &[self.text.as_bytes(), self.prose.as_bytes()],
                    &[text.as_bytes(), prose.as_bytes()],
                );
                self.text.clear();
                self.text.push_str(text);
                self.prose.clear();
                self.prose.push_str(prose);
                unchanged
            }
        };
        debug_assert!(self.text == text && self.prose == prose);
        let revision = Revision::next(Some((self.revision, unchanged)));
        self.revision = revision;
        self.skeleton = None;
        self.entries.rotate();
        self.entries.begin_uses(&revision);
        self.stats = ParseStats::default();
        revision
    }

    /// End a parse: drop the entries it did not use, and keep its Markdown skeleton (`carried`:
    /// taken over from the last parse).
    pub(super) fn end(&mut self, skeleton: Option<Skeleton>, carried: bool) {
        self.entries.end();
        self.entries.end_uses();
        self.skeleton = skeleton;
        self.carried += usize::from(carried);
    }

    /// How many parses with this memo took the last parse's Markdown skeleton over instead of
    /// running pulldown-cmark (a letter typed or deleted inside a word).
    pub fn markdown_carried(&self) -> usize {
        self.carried
    }

    /// The last parse's text, prose and skeleton, when it was a Markdown parse that ended.
    pub(super) fn last_markdown(&self) -> Option<(&str, &str, &Skeleton)> {
        self.skeleton.as_ref().map(|sk| (self.text.as_str(), self.prose.as_str(), sk))
    }

    /// Append the tokens of the block at `span` to `out` and set `sentences` to its sentences
    /// (token ranges relative to its first token), from the memo or by tokenizing and segmenting.
    pub(super) fn block(
        &mut self,
        prose: &str,
        text: &str,
        span: Span,
        abbr: &Abbreviations,
        out: &mut Vec<Token>,
        sentences: &mut Vec<Range<usize>>,
    ) {
        let emit = |e: &Entry, out: &mut Vec<Token>, sentences: &mut Vec<Range<usize>>| {
            out.extend(e.tokens.iter().map(|&(s, e, kind)| Token {
                kind,
                span: Span::new(span.start + s as usize, span.start + e as usize),
            }));
            sentences.extend(e.sentences.iter().cloned());
        };
        // A block whose bytes (text and prose) did not change since the last parse takes the
        // entry used at its old place, without hashing or comparing them; else its key finds it.
        if let Some((_, e)) = self.entries.take_unchanged(span, |_| true) {
            self.stats.reused += 1;
            emit(e, out, sentences);
            return;
        }
        let (p, t) = (span.slice(prose), span.slice(text));
        let mut h = FxHasher::default();
        p.hash(&mut h);
        if p != t {
            t.hash(&mut h);
        }
        let h = h.finish();
        if let Some(e) = self.entries.take(h, Some(span), |e| e.matches(p, t)) {
            self.stats.reused += 1;
            emit(e, out, sentences);
            return;
        }
        self.stats.parsed += 1;
        let first = out.len();
        tokens::tokenize(prose, span, out);
        if out.len() > first {
            segment::segment(text, &out[first..], abbr, sentences);
        }
        let entry = Entry {
            prose: p.into(),
            text: (p != t).then(|| t.into()),
            tokens: out[first..]
                .iter()
                .map(|k| ((k.span.start - span.start) as u32, (k.span.end - span.start) as u32, k.kind))
                .collect(),
            sentences: sentences.clone().into_boxed_slice(),
        };
        // A hash collision with another block simply replaces that entry.
        self.entries.insert(h, Some(span), entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{DocKind, Document};

    /// The document parsed with the memo and without, as text (they must be equal).
    fn both(text: &str, abbreviations: &[String], memo: &mut ParseMemo) -> (String, String) {
        let with = Document::parse_with(text, DocKind::Markdown, abbreviations, memo);
        (format!("{with:?}"), format!("{:?}", Document::parse(text, DocKind::Markdown, abbreviations)))
    }

    const ARTICLE: &str = "# The bridge\n\nThe council met on Tuesday. Ortiz said the [repairs](https://example.org) \
        cost $4 million.\n\n> \"It was late,\" she said.\n\n- Traffic fell 30 percent.\n- Gov. Ruiz agreed.\n";

    #[test]
    fn an_edit_reparses_only_its_block() {
        let mut memo = ParseMemo::default();
        let (with, without) = both(ARTICLE, &[], &mut memo);
        assert_eq!(with, without);
        assert_eq!(memo.stats(), ParseStats { reused: 0, parsed: 5 });
        assert_eq!(both(ARTICLE, &[], &mut memo).0, with);
        assert_eq!(memo.stats(), ParseStats { reused: 5, parsed: 0 });
        // A word in the second block: everything after it moves by six bytes.
        let edited = ARTICLE.replace("council met", "council first met");
        let (with, without) = both(&edited, &[], &mut memo);
        assert_eq!(with, without);
        assert_eq!(memo.stats(), ParseStats { reused: 4, parsed: 1 });
    }

    #[test]
    fn changed_markup_or_abbreviations_are_parsed_again() {
        let mut memo = ParseMemo::default();
        assert_eq!(both(ARTICLE, &[], &mut memo).0, both(ARTICLE, &[], &mut ParseMemo::default()).1);
        // Emphasis markers are blanked in the prose but stay in the text the segmenter reads.
        let emphasis = ARTICLE.replace("Traffic fell", "*Traffic* fell");
        let (with, without) = both(&emphasis, &[], &mut memo);
        assert_eq!(with, without);
        assert_eq!(memo.stats().parsed, 1);
        // An extra abbreviation changes where sentences end: the memo starts again.
        let abbr = ["Tuesday".to_string()];
        let (with, without) = both(&emphasis, &abbr, &mut memo);
        assert_eq!(with, without);
        assert_eq!(memo.stats(), ParseStats { reused: 0, parsed: 5 });
    }

    #[test]
    fn a_block_changed_at_its_first_or_last_byte_is_parsed_again() {
        // Unchanged bytes end just before the block's last byte, or start just after its first:
        // the block keeps its span, but not its tokens.
        let mut memo = ParseMemo::default();
        let text = "The fee was $40\n\n40 people came.\n\nThe end.\n";
        assert_eq!(both(text, &[], &mut memo).0, both(text, &[], &mut memo).1);
        for edited in
            ["The fee was $4x\n\n40 people came.\n\nThe end.\n", "The fee was $4x\n\nx0 people came.\n\nThe end.\n"]
        {
            let (with, without) = both(edited, &[], &mut memo);
            assert_eq!(with, without, "{edited}");
            assert_eq!(memo.stats(), ParseStats { reused: 2, parsed: 1 }, "{edited}");
        }
    }

    #[test]
    fn a_block_whose_prose_changed_by_an_edit_elsewhere_is_parsed_again() {
        // A link reference definition at the end makes the brackets at the start a link's
        // markup: the first block's text is unchanged, its prose is not.
        let text = "See [the report] for details.\n\nMore text here.\n";
        let defined = format!("{text}\n[the report]: https://example.org\n");
        let prose = |t: &str| Document::parse(t, DocKind::Markdown, &[]).prose[..28].to_string();
        assert_ne!(prose(text), prose(&defined), "the definition must change the first block's prose");
        let mut memo = ParseMemo::default();
        for t in [text, defined.as_str(), text] {
            let (with, without) = both(t, &[], &mut memo);
            assert_eq!(with, without, "{t}");
        }
    }
}
