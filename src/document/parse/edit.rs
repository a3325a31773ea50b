//! The Markdown skeleton of the last parse carried over a letter typed or deleted inside a word.
//!
//! pulldown-cmark reads the whole text on every parse (Markdown's block structure is not local),
//! and what the parser keeps of its events is small: the prose (the text with non-prose blanked),
//! the leaf blocks, the link and footnote positions, the directives, the outermost block quotes
//! and the front matter ([`Skeleton`]). A keystroke that inserts or deletes ASCII letters next
//! to an ASCII letter of prose (typing a word, or inside one) leaves all of that as it was,
//! shifted, when:
//! - the letter before the edit, or else the one after it, and any deleted letters were copied
//!   into the prose, so they lie in text events of one leaf block (not in code, HTML, a link
//!   destination, an image, an autolink or the front matter), a paragraph, list item or heading
//!   (not a table cell); letters typed next to them join their text;
//! - nothing between the blank lines around the edit is `[`, `]`, `&`, `<`, `` ` ``, `\` or `|`:
//!   those open the only inline constructs whose reading depends on the letters inside them
//!   (link labels matched against definitions anywhere in the document, entities, autolinks and
//!   HTML, code spans, escapes, table rows; a `>` without a `<` is a block quote marker or text). Emphasis delimiters are read by the classes of the
//!   characters next to them, and a letter between two letters changes no delimiter's
//!   neighbours. A paragraph never holds a blank line, so that window holds all of its inline
//!   content;
//! - block structure is read from the start of each line, and a line whose first letter changes
//!   still starts with a letter after the same indentation and markers, so no line becomes or
//!   stops being a heading, list item, fence, HTML block, table row, thematic break or setext
//!   underline; the fences left open (`mask_unclosed_fences`) are read the same way;
//! - the front matter, read again, is the same.
//!
//! The property test `markdown_skeleton_survives_letter_edits` (tests/properties.rs) compares
//! documents parsed this way with fresh parses under random letter edits of Markdown-heavy text.
use super::{RawBlock, front_matter};
use crate::document::{BlockKind, Directive, FrontMatter};
use crate::text::Span;
use crate::text::generations::{common_prefix, common_suffix};

/// What a Markdown parse keeps of pulldown-cmark's events besides the prose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Skeleton {
    pub blocks: Vec<RawBlock>,
    /// Start offsets of links, autolinks and footnote references, in text order.
    pub cites: Vec<usize>,
    pub directives: Vec<Directive>,
    /// Outermost Markdown block quotes.
    pub block_quotes: Vec<Span>,
    pub front_matter: Option<FrontMatter>,
}

/// The most letters an edit may insert or delete to take the skeleton over.
const MAX_EDIT: usize = 64;
/// How far from the edit the blank lines around it are looked for.
const MAX_WINDOW: usize = 16 * 1024;

/// The prose and skeleton of `text`, when it differs from `old_text` (whose prose and skeleton
/// these are) by ASCII letters inserted or deleted next to an ASCII letter of one paragraph (see
/// the module docs); `None` when the edit is anything else, and the text must be parsed.
/// Also returns the edit: old bytes `p..oe` of both text and prose became new bytes `p..ne`.
pub(super) fn carry_over(
    old_text: &str,
    old_prose: &str,
    old: &Skeleton,
    text: &str,
) -> Option<(String, Skeleton, Edited)> {
    let (o, n, op) = (old_text.as_bytes(), text.as_bytes(), old_prose.as_bytes());
    if o.len() != op.len() || o == n {
        return None;
    }
    let p = common_prefix(o, n);
    let s = common_suffix(o, n, o.len().min(n.len()) - p);
    // Old bytes p..oe became new bytes p..ne, next to a copied letter: the one before them
    // (`left`: they join the text before) or the one after them (they join the text after).
    let (oe, ne) = (o.len() - s, n.len() - s);
    if oe - p > MAX_EDIT || ne - p > MAX_EDIT {
        return None;
    }
    let letters = |b: &[u8]| b.iter().all(u8::is_ascii_alphabetic);
    let copied_letter = |i: usize| o.get(i).is_some_and(u8::is_ascii_alphabetic) && op[i] == o[i];
    let left = p > 0 && copied_letter(p - 1);
    if !(left || copied_letter(oe)) || !letters(&o[p..oe]) || !letters(&n[p..ne]) || op[p..oe] != o[p..oe] {
        return None;
    }
    let block = if left {
        old.blocks.iter().find(|b| b.span.start < p && oe <= b.span.end)?
    } else {
        old.blocks.iter().find(|b| b.span.start <= p && oe < b.span.end)?
    };
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Heading) {
        return None;
    }
    let (from, to) = (blank_line_before(o, p)?, blank_line_after(o, oe)?);
    if o[from..to].iter().any(|b| matches!(b, b'[' | b']' | b'&' | b'<' | b'`' | b'\\' | b'|')) {
        return None;
    }
    let front_matter = front_matter(text);
    if front_matter != old.front_matter {
        return None;
    }
    // Where the old offsets go. Offsets at the edit go with the letters' side: an end right
    // after the letter before them moves past them, a start at the letter after them (or at
    // letters deleted before it) moves to their start. Anything else at the edit (none is
    // expected: the letters lie inside one text of one block) gives up.
    let shift = |x: usize| x + ne - oe;
    let start_at = |x: usize| match x {
        _ if x < p => Some(x),
        _ if x > oe => Some(shift(x)),
        _ => (!left).then_some(p),
    };
    let end_at = |x: usize| match x {
        _ if x < p => Some(x),
        _ if x > oe => Some(shift(x)),
        _ if left => (x == oe).then(|| shift(x)),
        _ => (x == p).then_some(x),
    };
    let span = |s: Span| Some(Span::new(start_at(s.start)?, end_at(s.end)?));
    let blocks = old.blocks.iter().map(|b| Some(RawBlock { span: span(b.span)?, ..*b })).collect::<Option<_>>()?;
    let cites = old.cites.iter().map(|&c| start_at(c)).collect::<Option<_>>()?;
    let directives = old
        .directives
        .iter()
        .map(|d| {
            let rules = d.rules.iter().map(|(r, s)| Some((r.clone(), span(*s)?))).collect::<Option<_>>()?;
            Some(Directive { kind: d.kind.clone(), span: span(d.span)?, rules })
        })
        .collect::<Option<_>>()?;
    let block_quotes = old.block_quotes.iter().map(|&b| span(b)).collect::<Option<_>>()?;
    let mut prose = String::with_capacity(n.len());
    prose.push_str(&old_prose[..p]);
    prose.push_str(&text[p..ne]);
    prose.push_str(&old_prose[oe..]);
    let skeleton = Skeleton { blocks, cites, directives, block_quotes, front_matter };
    Some((prose, skeleton, Edited { p, oe, ne }))
}

/// Where a carried-over edit changed the text and the prose alike: old bytes `p..oe` became new
/// bytes `p..ne`; everything else is the same bytes in both.
#[derive(Clone, Copy, Debug)]
pub(super) struct Edited {
    pub p: usize,
    pub oe: usize,
    pub ne: usize,
}

/// The start of the blank line (or of the text) before offset `at`, within [`MAX_WINDOW`].
fn blank_line_before(b: &[u8], at: usize) -> Option<usize> {
    let lo = at.saturating_sub(MAX_WINDOW);
    let mut i = at;
    // Walk back line by line: a line of spaces and tabs only ends the window.
    while let Some(nl) = memchr::memrchr(b'\n', &b[lo..i]).map(|k| lo + k) {
        let line_start = match memchr::memrchr(b'\n', &b[lo..nl]) {
            Some(k) => lo + k + 1,
            // The line may go on before the window: only the text's first line is whole.
            None if lo > 0 => return None,
            None => 0,
        };
        if b[line_start..nl].iter().all(|&c| matches!(c, b' ' | b'\t' | b'\r')) {
            return Some(line_start);
        }
        i = nl;
    }
    (lo == 0).then_some(0)
}

/// The end of the blank line (or of the text) after offset `at`, within [`MAX_WINDOW`].
fn blank_line_after(b: &[u8], at: usize) -> Option<usize> {
    let hi = (at + MAX_WINDOW).min(b.len());
    let mut i = at;
    while let Some(nl) = memchr::memchr(b'\n', &b[i..hi]).map(|k| i + k) {
        let line_end = memchr::memchr(b'\n', &b[nl + 1..hi]).map_or(hi, |k| nl + 1 + k);
        if b[nl + 1..line_end].iter().all(|&c| matches!(c, b' ' | b'\t' | b'\r')) && (line_end < hi || hi == b.len()) {
            return Some(line_end);
        }
        i = nl + 1;
    }
    (hi == b.len()).then_some(hi)
}

#[cfg(test)]
mod tests {
    use crate::document::{DocKind, Document, ParseMemo};

    /// Parse `texts` in turn with one memo; each must equal a fresh parse. Returns how many took
    /// the skeleton over.
    fn carried(texts: &[&str]) -> usize {
        let mut memo = ParseMemo::default();
        for t in texts {
            let with = Document::parse_with(t, DocKind::Markdown, &[], &mut memo);
            assert_eq!(format!("{with:?}"), format!("{:?}", Document::parse(t, DocKind::Markdown, &[])), "{t:?}");
        }
        memo.markdown_carried()
    }

    #[test]
    fn a_letter_typed_in_plain_prose_is_carried_over() {
        let before = "# Title\n\nThe council met *today*.\n\n> It voted.\n\n- One\n- Two\n";
        let texts = [before, &before.replace("council", "counxcil"), before, &before.replace("voted", "vod")];
        assert_eq!(carried(&texts), 3);
        // In a heading, a list item, next to emphasis, and a deletion.
        let more =
            [before, &before.replace("Title", "Tiqtle"), &before.replace("Title", "Tiqtle").replace("Two", "Twxo")];
        assert_eq!(carried(&more), 2);
        let emphasis = [before, &before.replace("today", "todsay"), &before.replace("today", "toy")];
        assert_eq!(carried(&emphasis), 2);
        // At the end of a word, a line, a paragraph, an emphasis and the text.
        let ends = [before, &before.replace("met", "metx"), &before.replace("met", "metx").replace("today", "todayy")];
        assert_eq!(carried(&ends), 2);
        let ends =
            [before, &before.replace("Title", "Titles"), &before.replace("Title", "Titles").replace("Two", "Twos")];
        assert_eq!(carried(&ends), 2);
    }

    /// Letters that change how the text around them reads: a link label that stops or starts
    /// matching a definition elsewhere in the document, a footnote label, an entity, text next
    /// to a table's pipes. Each is parsed afresh (and equals a fresh parse); the first two fail
    /// when the window's characters are not checked.
    #[test]
    fn letters_read_by_a_link_label_or_entity_are_parsed_again() {
        let link = "See [foo] here.\n\n[foo]: https://example.org\n";
        assert_eq!(carried(&[link, &link.replacen("[foo]", "[fxoo]", 1)]), 0);
        let unlinked = "See [fo] here.\n\n[foo]: https://example.org\n";
        assert_eq!(carried(&[unlinked, &unlinked.replacen("[fo]", "[foo]", 1)]), 0);
        let note = "A claim[^ab] here.\n\n[^axb]: The source.\n";
        assert_eq!(carried(&[note, &note.replacen("[^ab]", "[^axb]", 1)]), 0);
        let entity = "Salt &amp pepper.\n";
        assert_eq!(carried(&[entity, &entity.replace("&amp ", "&amp; ")]), 0);
        let table = "| ab | cd |\n|---|---|\n| ef | gh |\n";
        assert_eq!(carried(&[table, &table.replace("ef", "exf")]), 0);
        // Letters not copied into the prose: code, an autolink, HTML, front matter.
        for t in [
            "Run `abc` now.\n",
            "See <https://abc.org> now.\n",
            "A <abbr>x</abbr> b.\n",
            "---\ntitle: abc\n---\n\nText.\n",
        ] {
            assert_eq!(carried(&[t, &t.replace("abc", "abxc")]), 0, "{t:?}");
        }
    }
}
