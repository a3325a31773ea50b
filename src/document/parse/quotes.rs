//! Quotation spans (who spoke is the attribution analysis's question: `attribution::speaker`).
//!
//! Marks are paired per block, left to right, in one pass over the prose:
//! - curly double quotes by direction; straight `"` alternate open/close within a paragraph; two
//!   apostrophes (`''`, a typewriter convention of some newsrooms' archives) are a straight `"`;
//!   an opening curly mark typed where a closing one belongs (`“Fine,“ she said`: after the
//!   quotation's last word, before a space) closes;
//! - single quotes (`‘’`, `'`) open only inside a double quotation (or, curly `‘` only, at the top
//!   level when closed in the same paragraph); an apostrophe between letters ("don’t"), before a
//!   digit ("’90s") or after a word when no single quotation is open ("Workers' Party") is not a mark;
//! - a double quotation still open at the end of its paragraph is `closed: false`; when the next
//!   paragraph opens with a quote mark, it continues the quotation (`Quote::continues` points at
//!   the part before);
//! - each outermost Markdown block quote is one `block_quote` quotation.
use crate::document::{Document, Quote};
use crate::text::Span;

struct Scan<'d> {
    doc: &'d Document<'d>,
    quotes: Vec<Quote>,
    /// Groups of quote indices forming one multi-paragraph quotation.
    chains: Vec<Vec<usize>>,
}

pub fn find(doc: &Document, block_quotes: &[Span]) -> Vec<Quote> {
    let mut sc = Scan { doc, quotes: Vec::new(), chains: Vec::new() };
    let mut chain_open: Option<usize> = None;
    let mut candidates: Vec<usize> = Vec::new();
    for block in &doc.blocks {
        let pending = chain_open.take();
        let body = &doc.prose[block.span.range()];
        let starts_with_mark = body.starts_with(['"', '“', '‘', '\'', '«', '„']);
        let continuing = pending.filter(|_| starts_with_mark);
        let mut dq: Option<(usize, usize)> = None;
        let mut sq: Option<(usize, usize, bool)> = None; // start, len, nested
        let block_first_quote = sc.quotes.len();
        // Only quote-mark bytes matter: `"`, `'` and the lead bytes of “ ” ‘ ’ „ (E2) and « » (C2).
        let bytes = body.as_bytes();
        candidates.clear();
        if memchr::memchr(0xC2, bytes).is_some() {
            candidates.extend((0..bytes.len()).filter(|&i| matches!(bytes[i], b'"' | b'\'' | 0xE2 | 0xC2)));
        } else {
            candidates.extend(memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes));
        }
        let mut skip_to = 0;
        for &i in &candidates {
            if i < skip_to {
                continue;
            }
            let Some(mut c) = body.get(i..).and_then(|r| r.chars().next()) else { continue };
            if !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '«' | '»') {
                continue;
            }
            let mut len = c.len_utf8();
            // (Of three, `'''`, the first closes a single quotation inside the double one.)
            if c == '\'' && bytes.get(i + 1) == Some(&b'\'') && bytes.get(i + 2) != Some(&b'\'') {
                // `''`: a double quote mark in the typewriter convention.
                (c, len) = ('"', 2);
                skip_to = i + 2;
            }
            let at = block.span.start + i;
            // (Before `''`, the character before the run: `case,'''` closes after the comma.)
            let lead = if len == 2 { body[..i].trim_end_matches('\'') } else { &body[..i] };
            let prev = lead.chars().next_back().unwrap_or(' ');
            let next = body[i + len..].chars().next().unwrap_or(' ');
            // The last character before the mark that is not a space (`"No," she said` has `,`).
            // (A mark that ends the paragraph after a space closes nothing: it opens the next
            // paragraph's quotation, split off from it.)
            // (A single quotation may close first: `'Park Avenue,' '' she noted`.)
            let before = body[..i].trim_end().trim_end_matches(['\'', '’']).chars().next_back().unwrap_or(' ');
            let before = if body[i + len..].trim().is_empty() { ' ' } else { before };
            let first = sc.quotes.len() == block_first_quote;
            match c {
                '“' if dq.is_some() && closes(prev, next) => {
                    let o = dq.take().expect("open");
                    sc.push(o, at + len, len, true, false);
                    sq = None;
                }
                '“' | '„' | '«' if dq.is_none() => {
                    dq = Some((at, len));
                    sq = None;
                }
                '”' | '»' => {
                    if let Some(o) = dq.take() {
                        sc.push(o, at + len, len, true, false);
                        sq = None;
                    } else if orphan_closer(first, i, prev, next, before) {
                        sc.push((block.span.start, 0), at + len, len, true, false);
                    }
                }
                '"' => {
                    if let Some(o) = dq.take() {
                        sc.push(o, at + len, len, true, false);
                        sq = None;
                    } else if orphan_closer(first, i, prev, next, before) {
                        sc.push((block.span.start, 0), at + len, len, true, false);
                    } else {
                        dq = Some((at, len));
                    }
                }
                '‘' if sq.is_none() && !next.is_ascii_digit() => sq = Some((at, len, dq.is_some())),
                '’' | '\'' => {
                    let apostrophe = (prev.is_alphanumeric() && next.is_alphanumeric())
                        || (!prev.is_alphanumeric() && next.is_ascii_digit());
                    if apostrophe {
                    } else if let Some((s, l, nested)) = sq {
                        if !prev.is_whitespace() {
                            sc.push((s, l), at + len, len, true, nested);
                            sq = None;
                        }
                    } else if c == '\''
                        && dq.is_some()
                        && (prev.is_whitespace() || matches!(prev, '"' | '“' | '(' | '—' | '–'))
                        && next.is_alphabetic()
                    {
                        sq = Some((at, 1, true));
                    }
                }
                _ => {}
            }
        }
        if let Some(o) = dq {
            let idx = sc.quotes.len();
            sc.push(o, block.span.end, 0, false, false);
            let joins = continuing.filter(|_| sc.quotes[idx].span.start == block.span.start);
            match joins {
                Some(ch) => {
                    sc.chains[ch].push(idx);
                    chain_open = Some(ch);
                }
                None => {
                    sc.chains.push(vec![idx]);
                    chain_open = Some(sc.chains.len() - 1);
                }
            }
        }
        // The closed part continuing a chain: the first quotation of this block, if it opens it.
        if let Some(ch) = continuing {
            if let Some(first) = sc.quotes.get(block_first_quote) {
                if first.span.start == block.span.start && first.closed {
                    sc.chains[ch].push(block_first_quote);
                }
            }
        }
    }

    for &bq in block_quotes {
        if let Some(q) = sc.block_quote(bq) {
            sc.quotes.push(q);
        }
    }
    // Sort by start (outer before inner), and point each continuing part at the part before it.
    let mut order: Vec<usize> = (0..sc.quotes.len()).collect();
    order.sort_by_key(|&i| (sc.quotes[i].span.start, std::cmp::Reverse(sc.quotes[i].span.end)));
    let mut position = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        position[old] = new;
    }
    for chain in &sc.chains {
        for pair in chain.windows(2) {
            sc.quotes[pair[1]].continues = Some(position[pair[0]]);
        }
    }
    let mut quotes: Vec<Option<Quote>> = sc.quotes.into_iter().map(Some).collect();
    order.iter().map(|&i| quotes[i].take().expect("each index once")).collect()
}

impl<'d> Scan<'d> {
    /// Record a quotation from the mark at `open` to `end` (the closing mark has `close_len` bytes).
    fn push(&mut self, open: (usize, usize), end: usize, close_len: usize, closed: bool, nested: bool) {
        let span = Span::new(open.0, end);
        let inner = trim(self.doc.prose.as_bytes(), open.0 + open.1, end - close_len);
        let sentence = self.sentence_index(open.0);
        self.quotes.push(Quote { span, inner, closed, block_quote: false, continues: None, sentence, nested });
    }

    fn sentence_index(&self, offset: usize) -> usize {
        let s = &self.doc.sentences;
        self.doc
            .sentence_at(offset)
            .unwrap_or_else(|| s.partition_point(|x| x.span.end <= offset).min(s.len().saturating_sub(1)))
    }

    fn block_quote(&self, bq: Span) -> Option<Quote> {
        let inner = trim(self.doc.prose.as_bytes(), bq.start, bq.end);
        if inner.is_empty() {
            return None;
        }
        let sentences = &self.doc.sentences;
        let first = sentences.partition_point(|s| s.span.start < inner.start);
        if first >= sentences.len() || !bq.contains(sentences[first].span.start) {
            return None;
        }
        Some(Quote {
            span: bq,
            inner,
            closed: true,
            block_quote: true,
            continues: None,
            sentence: first,
            nested: false,
        })
    }
}

/// A closing mark with no opening one before it in its paragraph: the first mark of the paragraph,
/// after a word or the punctuation that ends a quotation, before a space or the end (`Not now," she
/// said.`). The quotation runs from the paragraph's start; its opening mark was lost (a copy-paste,
/// a paragraph split) rather than this mark opening a quotation that runs to the end. A mark with
/// spaces on both sides after such punctuation (`this, " she said`) closes too: an opening mark
/// stands against the word it opens.
fn orphan_closer(first_in_block: bool, at: usize, prev: char, next: char, before: char) -> bool {
    first_in_block
        && at > 0
        && (closes(prev, next) || (prev.is_whitespace() && next.is_whitespace() && ends_quote(before)))
}

/// A mark after the quotation's last word or closing punctuation, before a space or the end.
fn closes(prev: char, next: char) -> bool {
    (prev.is_alphanumeric() || ends_quote(prev)) && (next.is_whitespace() || matches!(next, ',' | '.' | ';' | ')'))
}

fn ends_quote(c: char) -> bool {
    matches!(c, ',' | '.' | '?' | '!' | '…')
}

fn trim(bytes: &[u8], mut s: usize, mut e: usize) -> Span {
    e = e.min(bytes.len()).max(s);
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    Span::new(s, e)
}
