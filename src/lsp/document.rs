//! The open-document store: one rope per document, edited incrementally in arrival order.
//!
//! *Invariant:* the rope breaks lines at `\n` only (ropey is built without `cr_lines` /
//! `unicode_lines`), exactly like [`crate::text::position::LineIndex`], so a line number means the
//! same thing to the store, the engine's positions and the client. Column arithmetic is done by
//! [`crate::text::position::column_offset`], never here.
use ropey::Rope;

use crate::document::DocKind;
use crate::text::position::{Clamp, Encoding, LineCol, column_offset};

/// A client position turned into a rope offset, and whether it had to be clamped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub byte: usize,
    pub clamp: Clamp,
}

/// One open text document.
#[derive(Clone, Debug)]
pub struct OpenDocument {
    pub rope: Rope,
    pub version: i32,
    pub kind: DocKind,
}

/// What applying one content change did, for logging.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeOutcome {
    pub start: Clamp,
    pub end: Clamp,
    /// The range's end was before its start; the two were swapped.
    pub reversed: bool,
}

impl ChangeOutcome {
    pub fn clamped(&self) -> bool {
        self.start != Clamp::Exact || self.end != Clamp::Exact || self.reversed
    }
}

impl OpenDocument {
    pub fn new(text: &str, version: i32, kind: DocKind) -> Self {
        OpenDocument { rope: Rope::from_str(text), version, kind }
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// The byte offset of a client position, clamped to the text and to character boundaries.
    pub fn offset(&self, pos: LineCol, enc: Encoding) -> Resolved {
        let line = pos.line as usize;
        // Ropey counts one more line than there are `\n`s, like LineIndex.
        if line >= self.rope.len_lines() {
            return Resolved { byte: self.rope.len_bytes(), clamp: Clamp::PastEnd };
        }
        let start = self.rope.line_to_byte(line);
        let slice = self.rope.line(line);
        let (col, clamp) = match slice.as_str() {
            Some(s) => column_offset(s, pos.col, enc),
            None => column_offset(&slice.to_string(), pos.col, enc),
        };
        Resolved { byte: start + col, clamp }
    }

    /// Replace the text between two client positions (or the whole text when `range` is None).
    /// Never panics: positions past the end or inside a character are clamped and reported.
    pub fn apply_change(&mut self, range: Option<(LineCol, LineCol)>, new_text: &str, enc: Encoding) -> ChangeOutcome {
        let Some((a, b)) = range else {
            self.rope = Rope::from_str(new_text);
            return ChangeOutcome { start: Clamp::Exact, end: Clamp::Exact, reversed: false };
        };
        let s = self.offset(a, enc);
        let e = self.offset(b, enc);
        let reversed = e.byte < s.byte;
        let (lo, hi) = if reversed { (e.byte, s.byte) } else { (s.byte, e.byte) };
        let lo_char = self.rope.byte_to_char(lo);
        let hi_char = self.rope.byte_to_char(hi);
        if hi_char > lo_char {
            self.rope.remove(lo_char..hi_char);
        }
        if !new_text.is_empty() {
            self.rope.insert(lo_char, new_text);
        }
        ChangeOutcome { start: s.clamp, end: e.clamp, reversed }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::position::LineIndex;
    use proptest::prelude::*;

    fn lc(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    #[test]
    fn edits_after_an_emoji_land_in_the_right_place_in_each_encoding() {
        let cases = [(Encoding::Utf8, 5), (Encoding::Utf16, 3), (Encoding::Utf32, 2)];
        for (enc, col) in cases {
            let mut d = OpenDocument::new("a😀b\r\nzz", 1, DocKind::Markdown);
            let out = d.apply_change(Some((lc(0, col), lc(0, col))), "X", enc);
            assert!(!out.clamped());
            assert_eq!(d.text(), "a😀Xb\r\nzz", "{enc:?}");
        }
    }

    #[test]
    fn a_position_inside_a_surrogate_pair_is_clamped_to_the_character_start() {
        let mut d = OpenDocument::new("😀x", 1, DocKind::Plain);
        let out = d.apply_change(Some((lc(0, 1), lc(0, 1))), "[", Encoding::Utf16);
        assert_eq!(out.start, Clamp::InsideChar);
        assert_eq!(d.text(), "[😀x");
    }

    #[test]
    fn ranges_past_the_end_are_clamped_and_crlf_is_kept_whole() {
        let mut d = OpenDocument::new("one\r\ntwo", 1, DocKind::Plain);
        let out = d.apply_change(Some((lc(0, 40), lc(9, 0))), "!", Encoding::Utf16);
        assert_eq!((out.start, out.end), (Clamp::PastLineEnd, Clamp::PastEnd));
        assert_eq!(d.text(), "one!");
        let out = d.apply_change(Some((lc(0, 4), lc(0, 0))), "", Encoding::Utf16);
        assert!(out.reversed);
        assert_eq!(d.text(), "");
        d.apply_change(None, "fresh", Encoding::Utf8);
        assert_eq!(d.text(), "fresh");
    }

    #[derive(Clone, Debug)]
    struct Op {
        start: (u32, u32),
        end: (u32, u32),
        text: String,
    }

    fn op() -> impl Strategy<Value = Op> {
        let piece = prop::sample::select(vec!["a", "é", "😀", "日本", "\n", "\r\n", " ", "x\u{301}", "", "word "]);
        (0u32..6, 0u32..12, 0u32..3, 0u32..12, prop::collection::vec(piece, 0..4)).prop_map(|(l, c, dl, c2, ps)| Op {
            start: (l, c),
            end: (l + dl, c2),
            text: ps.concat(),
        })
    }

    /// The reference: resolve positions with LineIndex over a plain String, clamp and swap the
    /// same way, splice the String.
    fn reference_apply(text: &mut String, o: &Op, enc: Encoding) {
        let idx = LineIndex::new(text);
        let (a, _) = idx.offset(text, lc(o.start.0, o.start.1), enc);
        let (b, _) = idx.offset(text, lc(o.end.0, o.end.1), enc);
        let (lo, hi) = if b < a { (b, a) } else { (a, b) };
        text.replace_range(lo..hi, &o.text);
    }

    proptest! {
        #[test]
        fn random_edit_sequences_match_a_reference_string(
            init in "[a-zé😀\n ]{0,40}",
            ops in prop::collection::vec(op(), 1..40),
            enc in prop::sample::select(vec![Encoding::Utf8, Encoding::Utf16, Encoding::Utf32]),
        ) {
            let mut d = OpenDocument::new(&init, 0, DocKind::Markdown);
            let mut reference = init.clone();
            for o in &ops {
                d.apply_change(Some((lc(o.start.0, o.start.1), lc(o.end.0, o.end.1))), &o.text, enc);
                reference_apply(&mut reference, o, enc);
                prop_assert_eq!(d.text(), reference.clone());
            }
            prop_assert_eq!(d.rope.len_lines(), LineIndex::new(&reference).line_count());
        }
    }
}
