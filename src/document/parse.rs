//! Builds a [`Document`]: Markdown (pulldown-cmark with source offsets) or plain text into
//! prose, blocks, sentences, tokens, quotations and directives. Linear in the text.
//!
//! Choices worth knowing (the contract is in [`super::document`]):
//! - Block spans are trimmed to their prose: a heading's span starts at its first word, not `#`.
//! - Plain text: blank lines separate paragraphs. When a file has no blank-line paragraphs or
//!   never wraps a line mid-sentence, a single newline also ends a paragraph after a line that
//!   ends a sentence (`.`, `?`, `!`, optionally followed by closing quotes or brackets) and after
//!   a short heading-like line (no final punctuation, at most 10 words); such a line is a Heading.
//!   A hard-wrapped file (blank-line paragraphs and lines ending mid-sentence) is split at blank
//!   lines only.
//! - Front matter (YAML `---` or TOML `+++` at the very top) is read in both kinds.
mod edit;
mod memo;
mod quotes;
mod segment;
pub(crate) mod tokens;

use std::sync::LazyLock;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::settings::DocKind;
use super::*;
use crate::text::Span;

use edit::{Edited, Skeleton};
pub use memo::{ParseMemo, ParseStats};
pub use segment::Abbreviations;

pub fn parse<'a>(text: &'a str, kind: DocKind, extra_abbreviations: &[String]) -> Document<'a> {
    parse_with(text, kind, extra_abbreviations, None)
}

/// [`parse`], taking unchanged blocks' tokens and sentences from `memo` (and leaving this
/// parse's there). The document is the same as without a memo.
pub fn parse_with<'a>(
    text: &'a str,
    kind: DocKind,
    extra_abbreviations: &[String],
    mut memo: Option<&mut ParseMemo>,
) -> Document<'a> {
    // A letter typed inside a word of a paragraph leaves pulldown-cmark's reading as it was.
    let carried = match (&memo, kind) {
        (Some(m), DocKind::Markdown) => m.last_markdown().and_then(|(t, p, sk)| edit::carry_over(t, p, sk, text)),
        _ => None,
    };
    let (prose, skeleton, edited) = match carried {
        Some((prose, skeleton, edited)) => (prose, skeleton, Some(edited)),
        None => {
            let mut b = Builder::new(text);
            let front_matter = front_matter(text);
            let body_start = front_matter.as_ref().map_or(0, |f| f.span.end);
            match kind {
                DocKind::Markdown => b.markdown(body_start),
                DocKind::Plain => b.plain(body_start),
            }
            let prose = b.finish_prose();
            let Builder { blocks, cites, directives, block_quotes, .. } = b;
            (prose, Skeleton { blocks, cites, directives, block_quotes, front_matter }, None)
        }
    };
    let abbr = Abbreviations::new(extra_abbreviations);

    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut sentences = Vec::with_capacity(text.len() / 100);
    let mut blocks = Vec::with_capacity(skeleton.blocks.len());
    let mut ranges = Vec::new();
    let revision = match memo.as_deref_mut() {
        Some(m) => m.begin(extra_abbreviations, text, &prose, edited),
        None => Revision::default(),
    };
    for raw in &skeleton.blocks {
        let first_tok = tokens.len();
        ranges.clear();
        match memo.as_deref_mut() {
            Some(m) => m.block(&prose, text, raw.span, &abbr, &mut tokens, &mut ranges),
            None => {
                tokens::tokenize(&prose, raw.span, &mut tokens);
                if tokens.len() > first_tok {
                    segment::segment(text, &tokens[first_tok..], &abbr, &mut ranges);
                }
            }
        }
        if tokens.len() == first_tok {
            continue;
        }
        let first_sentence = sentences.len();
        let block = blocks.len();
        for r in &ranges {
            let (s, e) = (first_tok + r.start, first_tok + r.end);
            sentences.push(Sentence {
                span: Span::new(tokens[s].span.start, tokens[e - 1].span.end),
                block,
                cites: false,
                tokens: s..e,
            });
        }
        blocks.push(Block {
            kind: raw.kind,
            span: raw.span,
            in_block_quote: raw.in_block_quote,
            sentences: first_sentence..sentences.len(),
        });
    }
    mark_cites(&skeleton.cites, &blocks, &mut sentences);

    let mut doc = Document {
        text,
        kind,
        prose,
        front_matter: skeleton.front_matter.clone(),
        blocks,
        sentences,
        tokens,
        quotes: Vec::new(),
        directives: skeleton.directives.clone(),
        revision,
    };
    doc.quotes = quotes::find(&doc, &skeleton.block_quotes);
    if let Some(m) = memo {
        m.end((kind == DocKind::Markdown).then_some(skeleton), edited.is_some());
    }
    doc
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RawBlock {
    kind: BlockKind,
    span: Span,
    in_block_quote: bool,
}

struct Builder<'a> {
    text: &'a str,
    prose: Vec<u8>,
    blocks: Vec<RawBlock>,
    /// Start offsets of links, autolinks and footnote references, in text order.
    cites: Vec<usize>,
    directives: Vec<Directive>,
    /// Outermost Markdown block quotes.
    block_quotes: Vec<Span>,
}

/// The block being filled with inline text.
struct Leaf {
    kind: BlockKind,
    extent: Option<(usize, usize)>,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        let prose = text.bytes().map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' }).collect();
        Builder { text, prose, blocks: Vec::new(), cites: Vec::new(), directives: Vec::new(), block_quotes: Vec::new() }
    }

    fn finish_prose(&mut self) -> String {
        let bytes = std::mem::take(&mut self.prose);
        // Every copied range lies on char boundaries, so this cannot fail; blank everything if it did.
        String::from_utf8(bytes).unwrap_or_else(|e| {
            e.into_bytes().iter().map(|&b| if b == b'\n' || b == b'\r' { b as char } else { ' ' }).collect()
        })
    }

    /// Copy the `|` delimiting a table cell `s..e` (just outside it, past spaces) into the prose.
    fn keep_cell_pipes(&mut self, s: usize, e: usize) {
        let b = self.text.as_bytes();
        let before = b[..s.min(b.len())].iter().rposition(|&c| c != b' ' && c != b'\t');
        let after = b.get(e..).and_then(|rest| rest.iter().position(|&c| c != b' ' && c != b'\t')).map(|i| e + i);
        let inside_first =
            b.get(s..e).and_then(|cell| cell.iter().position(|&c| c != b' ' && c != b'\t')).map(|i| s + i);
        let inside_last =
            b.get(s..e).and_then(|cell| cell.iter().rposition(|&c| c != b' ' && c != b'\t')).map(|i| s + i);
        for i in [before, after, inside_first, inside_last].into_iter().flatten() {
            if b[i] == b'|' && (i == 0 || b[i - 1] != b'\\') {
                self.prose[i] = b'|';
            }
        }
    }

    /// Copy `text[s..e]` into the prose.
    fn copy(&mut self, s: usize, e: usize) {
        if s < e && e <= self.text.len() && self.text.is_char_boundary(s) && self.text.is_char_boundary(e) {
            self.prose[s..e].copy_from_slice(&self.text.as_bytes()[s..e]);
        }
    }

    fn close_leaf(&mut self, leaf: &mut Option<Leaf>, in_bq: bool) {
        if let Some(Leaf { kind, extent: Some((s, e)) }) = leaf.take() {
            let span = trim_span(&self.prose, s, e);
            if !span.is_empty() {
                self.blocks.push(RawBlock { kind, span, in_block_quote: in_bq });
            }
        }
    }

    fn markdown(&mut self, body_start: usize) {
        let text = self.text;
        let body = &text[body_start..];
        let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
        let mut leaf: Option<Leaf> = None;
        let mut containers: Vec<bool> = Vec::new(); // true = list item
        let (mut in_code, mut in_image, mut bq_depth) = (0usize, 0usize, 0usize);
        let mut bq_start = 0;
        let mut links: Vec<bool> = Vec::new(); // true = autolink (its text is a URL, not prose)
        let unfenced = mask_unclosed_fences(body);
        for (ev, r) in Parser::new_ext(&unfenced, opts).into_offset_iter() {
            let (s, e) = (r.start + body_start, r.end + body_start);
            match ev {
                Event::Start(tag) => {
                    let block_level = !matches!(
                        tag,
                        Tag::Emphasis
                            | Tag::Strong
                            | Tag::Strikethrough
                            | Tag::Link { .. }
                            | Tag::Image { .. }
                            | Tag::Superscript
                            | Tag::Subscript
                    );
                    if block_level {
                        self.close_leaf(&mut leaf, bq_depth > 0);
                    }
                    match tag {
                        Tag::Paragraph => {
                            let kind = if containers.last() == Some(&true) {
                                BlockKind::ListItem
                            } else {
                                BlockKind::Paragraph
                            };
                            leaf = Some(Leaf { kind, extent: None });
                        }
                        Tag::Heading { .. } => leaf = Some(Leaf { kind: BlockKind::Heading, extent: None }),
                        Tag::TableCell => {
                            // Keep the cell's delimiting pipes in the prose: each cell is its own
                            // segment, and nothing that scans the prose (dates) reads one cell
                            // into the next ("| 12 | Feb. 29, 2025 |" is not "12 Feb.").
                            self.keep_cell_pipes(s, e);
                            leaf = Some(Leaf { kind: BlockKind::TableCell, extent: None })
                        }
                        Tag::Item => containers.push(true),
                        Tag::BlockQuote(_) => {
                            containers.push(false);
                            if bq_depth == 0 {
                                bq_start = s;
                            }
                            bq_depth += 1;
                        }
                        Tag::List(_) | Tag::FootnoteDefinition(_) | Tag::Table(_) => containers.push(false),
                        Tag::CodeBlock(_) => in_code += 1,
                        Tag::Image { .. } => in_image += 1,
                        Tag::Link { link_type, .. } => {
                            self.cites.push(s);
                            links.push(matches!(link_type, LinkType::Autolink | LinkType::Email));
                        }
                        _ => {}
                    }
                }
                Event::End(end) => match end {
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => {
                        self.close_leaf(&mut leaf, bq_depth > 0)
                    }
                    TagEnd::Item | TagEnd::List(_) | TagEnd::FootnoteDefinition | TagEnd::Table => {
                        self.close_leaf(&mut leaf, bq_depth > 0);
                        containers.pop();
                    }
                    TagEnd::BlockQuote(_) => {
                        self.close_leaf(&mut leaf, true);
                        containers.pop();
                        bq_depth = bq_depth.saturating_sub(1);
                        if bq_depth == 0 {
                            self.block_quotes.push(trim_span(text.as_bytes(), bq_start, e));
                        }
                    }
                    TagEnd::CodeBlock => in_code = in_code.saturating_sub(1),
                    TagEnd::Image => in_image = in_image.saturating_sub(1),
                    TagEnd::Link => {
                        links.pop();
                    }
                    _ => {}
                },
                Event::Text(_) if in_code == 0 && in_image == 0 && !links.last().copied().unwrap_or(false) => {
                    self.copy(s, e);
                    let kind =
                        if containers.last() == Some(&true) { BlockKind::ListItem } else { BlockKind::Paragraph };
                    let l = leaf.get_or_insert(Leaf { kind, extent: None });
                    l.extent = Some(l.extent.map_or((s, e), |(a, b)| (a.min(s), b.max(e))));
                }
                Event::Html(_) | Event::InlineHtml(_) => self.scan_directives(s, e),
                Event::FootnoteReference(_) => self.cites.push(s),
                _ => {}
            }
        }
        self.close_leaf(&mut leaf, bq_depth > 0);
        self.cites.sort_unstable();
    }

    fn scan_directives(&mut self, s: usize, e: usize) {
        let chunk = &self.text[s..e];
        if !chunk.contains("copydesk-") {
            return;
        }
        for m in DIRECTIVE.captures_iter(chunk) {
            if let Some(d) = directive_from(&m, s) {
                self.directives.push(d);
            }
        }
    }

    fn plain(&mut self, body_start: usize) {
        let text = self.text;
        // Lines as (start, end-without-newline, is_blank); directive lines count as blank.
        let mut lines: Vec<(usize, usize, bool)> = Vec::new();
        let mut pos = body_start;
        while pos < text.len() {
            let nl = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
            let end = if nl > pos && text.as_bytes()[nl - 1] == b'\r' { nl - 1 } else { nl };
            let line = &text[pos..end];
            let trimmed = line.trim();
            let mut blank = trimmed.is_empty();
            if trimmed.starts_with("<!--") && trimmed.ends_with("-->") && trimmed.contains("copydesk-") {
                let lead = line.len() - line.trim_start().len();
                let before = self.directives.len();
                self.scan_directives(pos + lead, pos + lead + trimmed.len());
                blank |= self.directives.len() > before;
            }
            if !blank {
                self.copy(pos, end);
            }
            lines.push((pos, end, blank));
            pos = nl + 1;
        }
        let line_text = |l: &(usize, usize, bool)| text[l.0..l.1].trim();
        let first = lines.iter().position(|l| !l.2).unwrap_or(0);
        let last = lines.iter().rposition(|l| !l.2).unwrap_or(0);
        let has_blank_between = lines.get(first..last).is_some_and(|ls| ls.iter().any(|l| l.2));
        let wraps_mid_sentence = lines
            .windows(2)
            .any(|w| !w[0].2 && !w[1].2 && line_text(&w[0]).len() > 40 && !ends_sentence(line_text(&w[0])));
        let by_line = !(has_blank_between && wraps_mid_sentence);

        let mut para: Option<(usize, usize, usize)> = None; // start, end, line count
        let flush = |b: &mut Self, para: &mut Option<(usize, usize, usize)>| {
            if let Some((s, e, n)) = para.take() {
                let span = trim_span(&b.prose, s, e);
                if !span.is_empty() {
                    let kind = if n == 1 && heading_like(span.slice(text)) {
                        BlockKind::Heading
                    } else {
                        BlockKind::Paragraph
                    };
                    b.blocks.push(RawBlock { kind, span, in_block_quote: false });
                }
            }
        };
        for (i, l) in lines.iter().enumerate() {
            if l.2 {
                flush(self, &mut para);
                continue;
            }
            para = Some(match para {
                Some((s, _, n)) => (s, l.1, n + 1),
                None => (l.0, l.1, 1),
            });
            let t = line_text(l);
            let next = lines.get(i + 1).filter(|n| !n.2).map(line_text);
            let next_opens = next.and_then(|n| n.chars().next()).is_some_and(|c| !c.is_lowercase());
            if by_line && next.is_some() && (ends_sentence(t) || (next_opens && heading_like(t))) {
                flush(self, &mut para);
            }
        }
        flush(self, &mut para);
    }
}

/// Whether a line ends with sentence-final punctuation, allowing closing quotes/brackets after it.
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*', '_']);
    t.ends_with(['.', '?', '!', '…', ':'])
}

/// A short line without final punctuation that reads like a title.
fn heading_like(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    let dangling = ["a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "from", "that"];
    (1..=10).contains(&words)
        && !dangling.contains(&last)
        && t.len() <= 80
        && !t.ends_with(['.', ',', ';', ':', '?', '!', '"', '”', '…', '-', '—'])
        && t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Shrink `s..e` to its non-space bytes (in `bytes`, which is the prose or the text).
fn trim_span(bytes: &[u8], mut s: usize, mut e: usize) -> Span {
    e = e.min(bytes.len());
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    Span::new(s, e)
}

/// Sentence `cites`: a cite belongs to the sentence of its block that ends after it (else the
/// block's last sentence), so "[a memo](url) says" and "see <https://x>" both count.
fn mark_cites(cites: &[usize], blocks: &[Block], sentences: &mut [Sentence]) {
    for &c in cites {
        let bi = blocks.partition_point(|b| b.span.end < c);
        let Some(block) = blocks.get(bi).filter(|b| b.span.start <= c + 1 || b.span.contains(c)) else {
            // A cite between blocks (e.g. an image-only line): the previous block's last sentence.
            if let Some(b) = bi.checked_sub(1).and_then(|i| blocks.get(i)) {
                if let Some(s) = b.sentences.clone().last() {
                    sentences[s].cites = true;
                }
            }
            continue;
        };
        let r = block.sentences.clone();
        if r.is_empty() {
            continue;
        }
        let k = r.start + sentences[r.clone()].partition_point(|s| s.span.end < c);
        sentences[k.min(r.end - 1)].cites = true;
    }
}

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*copydesk-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->").expect("valid regex")
});

fn directive_from(m: &regex::Captures, base: usize) -> Option<Directive> {
    let all = m.get(0)?;
    let kind = match m.get(1)?.as_str() {
        "disable-next-line" => DirectiveKind::DisableNextLine,
        "disable-file" => DirectiveKind::DisableFile,
        "disable" => DirectiveKind::Disable,
        _ => DirectiveKind::Enable,
    };
    let args = m.get(2)?;
    let mut rules = Vec::new();
    let mut off = 0;
    for part in args.as_str().split(|c: char| c == ',' || c.is_whitespace()) {
        if !part.is_empty() {
            let s = base + args.start() + off;
            rules.push((part.to_string(), Span::new(s, s + part.len())));
        }
        off += part.len() + 1;
    }
    Some(Directive { kind, span: Span::new(base + all.start(), base + all.end()), rules })
}

/// Front matter at the very top: YAML between `---` lines or TOML between `+++` lines.
fn front_matter(text: &str) -> Option<FrontMatter> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - body.len();
    let fence = if body.starts_with("---") {
        "---"
    } else if body.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let first_nl = body.find('\n')?;
    if body[..first_nl].trim_end() != fence {
        return None;
    }
    let mut pos = first_nl + 1;
    // The keys publishing tools use, best first: `date` (Hugo, Jekyll), `pubDate` (Astro),
    // `publishDate`, `published`, `publishedAt`, `pub_date`, `published_at`.
    const KEYS: [&str; 7] = ["date", "pubDate", "publishDate", "published", "publishedAt", "pub_date", "published_at"];
    let mut found: [Option<(String, Span)>; 7] = Default::default();
    while pos <= body.len() {
        let nl = body[pos..].find('\n').map_or(body.len(), |i| pos + i);
        let line = &body[pos..nl];
        let t = line.trim_end();
        if t == fence || (fence == "---" && t == "...") {
            let end = (nl + 1).min(body.len());
            let date = found.into_iter().flatten().next();
            return Some(FrontMatter { span: Span::new(0, bom + end), date });
        }
        for (key, slot) in KEYS.iter().zip(found.iter_mut()) {
            if slot.is_none() {
                if let Some(v) = key_value(line, key, fence == "+++") {
                    *slot = Some((v.0.to_string(), Span::new(bom + pos + v.1, bom + pos + v.1 + v.0.len())));
                }
            }
        }
        if nl == body.len() {
            break;
        }
        pos = nl + 1;
    }
    None
}

/// `key: value` (YAML) or `key = value` (TOML) at the start of `line`; the unquoted value and its offset.
fn key_value<'l>(line: &'l str, key: &str, toml: bool) -> Option<(&'l str, usize)> {
    let rest = line.strip_prefix(key)?;
    let sep = if toml { '=' } else { ':' };
    let after = rest.trim_start().strip_prefix(sep)?;
    let mut off = line.len() - after.len();
    let v = after.trim_end();
    let lead = v.len() - v.trim_start().len();
    off += lead;
    let mut v = v.trim_start();
    // Drop a trailing comment, then quotes.
    if let Some(i) = v.find(" #") {
        v = v[..i].trim_end();
    }
    if v.len() >= 2 && (v.starts_with('"') && v.ends_with('"') || v.starts_with('\'') && v.ends_with('\'')) {
        v = &v[1..v.len() - 1];
        off += 1;
    }
    (!v.is_empty()).then_some((v, off))
}

#[cfg(test)]
mod tests;

/// `body` with the marks of every code fence that is never closed replaced by full stops (same
/// length, so offsets hold). CommonMark runs an unclosed fence to the end of the document: a
/// writer's "~~~~~" separator would hide the rest of the article from every check. A fence that is
/// closed stays a code block.
fn mask_unclosed_fences(body: &str) -> std::borrow::Cow<'_, str> {
    let mut open: Option<(usize, u8, usize)> = None; // (offset of the marks, mark, count)
    let mut unclosed: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let indent = line.bytes().take_while(|&b| b == b' ').count();
        let rest = &line.as_bytes()[indent.min(line.len())..];
        let mark = rest.first().copied().filter(|&b| b == b'`' || b == b'~');
        let count = mark.map_or(0, |m| rest.iter().take_while(|&&b| b == m).count());
        if indent <= 3 && count >= 3 {
            let m = mark.unwrap_or(b'`');
            let after = &rest[count..];
            match open {
                None if !(m == b'`' && after.contains(&b'`')) => open = Some((at + indent, m, count)),
                Some((_, om, oc)) if om == m && count >= oc && after.iter().all(|b| b.is_ascii_whitespace()) => {
                    open = None
                }
                _ => {}
            }
        }
        at += line.len();
    }
    if let Some((o, _, c)) = open {
        unclosed.push((o, c));
    }
    if unclosed.is_empty() {
        return std::borrow::Cow::Borrowed(body);
    }
    let mut bytes = body.as_bytes().to_vec();
    for (o, c) in unclosed {
        bytes[o..o + c].fill(b'.');
    }
    // Only ASCII marks were replaced by ASCII: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| body.to_string()))
}
