//! The document model, the ground floor above `text`: an article parsed into Markdown- or
//! plain-text-aware prose, blocks, sentences, tokens, quotation spans and suppression directives,
//! all as byte ranges into the original text; plus what every layer above speaks in:
//! [`Settings`], the reference date, and [`Finding`] (which names its rule by id and knows
//! nothing of the rule registry).
//!
//! *Invariant:* `prose` has exactly the length of `text`, and every byte of it is either the
//! same byte as in `text` or an ASCII space (or the original `\n`/`\r`): non-prose (front matter,
//! code, HTML, link destinations, Markdown markers) is blanked, so offsets into `prose` are
//! offsets into `text`. Rules read `prose` for matching and `text` for quoting.
//!
//! *Boundary:* imports only `text`. Pure: no I/O, clock, environment, async or protocol types.
pub mod finding;
pub mod lexicon;
mod parse;
pub mod refdate;
pub mod settings;
pub mod suppress;

use std::ops::Range;

pub use finding::{Applicability, Edit, Finding, Fix, Severity, apply_edits};
pub use parse::{ParseMemo, ParseStats};
pub use refdate::{RefSource, Reference};
pub use settings::{DocKind, RuleSetting, Settings};

use crate::text::Span;
use crate::text::generations::Revision;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    TableCell,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    /// Inside a Markdown block quote (`> ...`).
    pub in_block_quote: bool,
    /// Indices into [`Document::sentences`].
    pub sentences: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Trimmed: starts at the first and ends after the last non-space prose byte.
    pub span: Span,
    /// Index into [`Document::blocks`].
    pub block: usize,
    /// Contains a Markdown link, a footnote reference (`[^1]`) or an autolink: it cites something.
    pub cites: bool,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and periods of abbreviations ("U.S.", "don't", "well-known").
    Word,
    /// Digits with inner `,` `.` (and a leading currency sign is a separate Punct token).
    Number,
    /// Any other single non-space character.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark inclusive (or the end of the paragraph when open).
    pub span: Span,
    /// The words inside the marks.
    pub inner: Span,
    /// False for an opening paragraph of a multi-paragraph quotation (no closing mark).
    pub closed: bool,
    /// A Markdown block quote rather than quotation marks.
    pub block_quote: bool,
    /// The part before this one of a multi-paragraph quotation (an index into
    /// `Document::quotes`): this part opens the paragraph after that part's unclosed one.
    pub continues: Option<usize>,
    /// Index of the sentence the quotation starts in.
    pub sentence: usize,
    /// A quotation inside another one (single quotes within double quotes).
    pub nested: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    DisableNextLine,
    Disable,
    Enable,
    DisableFile,
}

/// A `<!-- copydesk-... -->` comment (or, in plain text, the same on a line of its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    pub span: Span,
    /// Rule ids or families named; empty means all rules.
    pub rules: Vec<(String, Span)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatter {
    pub span: Span,
    /// The raw value of `date:` (or `pubDate:`, `published:` and the like) and where it is.
    pub date: Option<(String, Span)>,
}

#[derive(Clone, Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    pub kind: DocKind,
    /// `text` with non-prose bytes blanked (see the module invariant).
    pub prose: String,
    pub front_matter: Option<FrontMatter>,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub quotes: Vec<Quote>,
    pub directives: Vec<Directive>,
    /// Which version of its text a memo saw parsed (`Default` without a memo): what it has in
    /// common with the one parsed before it, so the analyses' memos can take the entries of
    /// unchanged pieces by their place. Not part of what the document says (its `Debug` prints
    /// nothing of it); valid only for this `text` and `prose`, which are not to be changed.
    pub(crate) revision: Revision,
}

impl<'a> Document<'a> {
    /// Parse `text`. Never fails: malformed Markdown is read as well as it can be.
    pub fn parse(text: &'a str, kind: DocKind, extra_abbreviations: &[String]) -> Document<'a> {
        parse::parse(text, kind, extra_abbreviations)
    }

    /// [`Document::parse`] for a document parsed again and again (a language server, per
    /// edit): `memo` carries the unchanged blocks' tokens and sentences from one call to the
    /// next ([`ParseMemo`]). The document is the same; keep one memo per document.
    pub fn parse_with(
        text: &'a str,
        kind: DocKind,
        extra_abbreviations: &[String],
        memo: &mut ParseMemo,
    ) -> Document<'a> {
        parse::parse_with(text, kind, extra_abbreviations, Some(memo))
    }

    pub fn sentence_text(&self, i: usize) -> &'a str {
        self.sentences[i].span.slice(self.text)
    }

    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// The index of the sentence containing `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// The quotations whose span overlaps `span`.
    pub fn quotes_overlapping(&self, span: Span) -> impl Iterator<Item = &Quote> {
        self.quotes.iter().filter(move |q| q.span.overlaps(span))
    }
}
