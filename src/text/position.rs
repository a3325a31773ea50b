//! The ONLY code that converts between UTF-8 byte offsets and line/column positions.
//!
//! *Invariant:* every consumer (CLI columns, LSP ranges in utf-8/utf-16/utf-32) goes through
//! [`LineIndex`]. Out-of-range or mid-character positions are clamped, never a panic.
//!
//! Lines end at `\n`; a `\r` before it belongs to the line ending (CRLF), so a column never
//! counts it.

/// How a column is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units (the LSP default).
    Utf16,
    /// Unicode scalar values ("characters").
    Utf32,
}

/// A zero-based line and column (column in the units of an [`Encoding`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of one version of a text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
}

/// What happened when a client position was turned into an offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clamp {
    /// The position was exact.
    Exact,
    /// The line was past the end: clamped to the end of the text.
    PastEnd,
    /// The column was past the end of its line: clamped to the line end.
    PastLineEnd,
    /// The column fell inside a character: moved to the start of that character.
    InsideChar,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        LineIndex { line_starts, len: text.len() }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Start offset of line `line` (0-based), if it exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).copied()
    }

    /// The byte range of line `line` without its line ending.
    fn line_content(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.line_starts[line];
        let mut end = self.line_starts.get(line + 1).map_or(self.len, |n| n - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start, end.max(start))
    }

    /// Byte offset to line/column. `offset` is clamped to the text and moved back to a
    /// character boundary.
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let (start, end) = self.line_content(text, line);
        LineCol { line: line as u32, col: column_of(&text[start..end], offset - start, enc) }
    }

    /// [`LineIndex::position`], given the position of an earlier offset `from` on the same line:
    /// counts only the text between them, so walking many offsets of one long line in order
    /// costs the line once, not once per offset. Falls back to [`LineIndex::position`] when
    /// `from` is after `offset`, on another line, or not a character boundary.
    pub fn position_after(&self, text: &str, from: (usize, LineCol), offset: usize, enc: Encoding) -> LineCol {
        let (prev, at) = from;
        let target = self.position_line(text, offset);
        if prev > offset || !text.is_char_boundary(prev) || target.0 != at.line as usize || prev < target.1 {
            return self.position(text, offset, enc);
        }
        let offset = target.2;
        LineCol { line: at.line, col: at.col + count_units(&text[prev.min(offset)..offset], enc) as u32 }
    }

    /// `(line, line start, offset clamped into the line's content on a char boundary)`.
    fn position_line(&self, text: &str, offset: usize) -> (usize, usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let (start, end) = self.line_content(text, line);
        (line, start, offset.clamp(start, end))
    }

    /// Line/column to byte offset, clamping what does not exist and saying so.
    pub fn offset(&self, text: &str, pos: LineCol, enc: Encoding) -> (usize, Clamp) {
        let line = pos.line as usize;
        if line >= self.line_starts.len() {
            return (self.len, Clamp::PastEnd);
        }
        let (start, end) = self.line_content(text, line);
        let (off, clamp) = column_offset(&text[start..end], pos.col, enc);
        (start + off, clamp)
    }
}

/// The byte offset of column `col` (in `enc` units) within one line's text, clamping what does
/// not exist and saying so. `line` may include its line ending (`\n` or `\r\n`), which no column
/// counts. Used by [`LineIndex::offset`] and by front ends that keep lines elsewhere (the language
/// server's rope), so column arithmetic lives only here.
pub fn column_offset(line: &str, col: u32, enc: Encoding) -> (usize, Clamp) {
    let content = line.strip_suffix('\n').unwrap_or(line);
    let content = content.strip_suffix('\r').unwrap_or(content);
    let want = col as usize;
    let mut units = 0usize;
    for (i, ch) in content.char_indices() {
        if units == want {
            return (i, Clamp::Exact);
        }
        let w = unit_len(ch, enc);
        if units + w > want {
            return (i, Clamp::InsideChar);
        }
        units += w;
    }
    if units == want { (content.len(), Clamp::Exact) } else { (content.len(), Clamp::PastLineEnd) }
}

/// The column (in `enc` units) of byte `offset` within one line's text; the offset is clamped to
/// the line content and moved back to a character boundary.
pub fn column_of(line: &str, offset: usize, enc: Encoding) -> u32 {
    let content = line.strip_suffix('\n').unwrap_or(line);
    let content = content.strip_suffix('\r').unwrap_or(content);
    let mut offset = offset.min(content.len());
    while !content.is_char_boundary(offset) {
        offset -= 1;
    }
    count_units(&content[..offset], enc) as u32
}

fn unit_len(ch: char, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => ch.len_utf8(),
        Encoding::Utf16 => ch.len_utf16(),
        Encoding::Utf32 => 1,
    }
}

fn count_units(s: &str, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => s.len(),
        // Every char but a continuation byte's is one unit, and a four-byte char (the only kind
        // outside the Basic Multilingual Plane) two: counted over bytes, which vectorises, with
        // the common all-ASCII line settled by one word-at-a-time test.
        Encoding::Utf16 if s.is_ascii() => s.len(),
        Encoding::Utf16 => s.bytes().map(|b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0)).sum(),
        Encoding::Utf32 => s.chars().count(),
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

#[cfg(test)]
mod position_after_tests {
    use super::*;

    #[test]
    fn units_are_counted_as_the_chars_say() {
        for s in
            ["", "plain ascii", "Zoë wrote é", "😀 and 𝄞 and 中文", "a\u{10FFFF}b\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}"]
        {
            assert_eq!(count_units(s, Encoding::Utf16), s.chars().map(char::len_utf16).sum::<usize>(), "{s:?}");
            assert_eq!(count_units(s, Encoding::Utf32), s.chars().count(), "{s:?}");
        }
    }

    #[test]
    fn position_after_agrees_with_position() {
        let text = "ab\r\nZoë 😀 wrote Feb. 30 here.\r\nend";
        let idx = LineIndex::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let offsets: Vec<usize> = (0..=text.len()).filter(|&o| text.is_char_boundary(o)).collect();
            for &a in &offsets {
                let at = idx.position(text, a, enc);
                for b in 0..=text.len() + 2 {
                    assert_eq!(
                        idx.position_after(text, (a, at), b, enc),
                        idx.position(text, b, enc),
                        "{a} -> {b} {enc:?}"
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str) {
        let idx = LineIndex::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            for (off, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let p = idx.position(text, off, enc);
                let (back, _) = idx.offset(text, p, enc);
                // Offsets inside a CRLF's '\r' map to the line end; everything else is exact.
                if !(text[..off].ends_with('\r') || text[off..].starts_with('\r')) {
                    assert_eq!(back, off, "{enc:?} {text:?} at {off}");
                }
            }
        }
    }

    #[test]
    fn emoji_counts_two_utf16_units_and_one_char() {
        let text = "a😀b";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 5, Encoding::Utf16), LineCol { line: 0, col: 3 });
        assert_eq!(idx.position(text, 5, Encoding::Utf32), LineCol { line: 0, col: 2 });
        assert_eq!(idx.position(text, 5, Encoding::Utf8), LineCol { line: 0, col: 5 });
    }

    #[test]
    fn crlf_is_not_part_of_a_column() {
        let text = "ab\r\ncd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 4, Encoding::Utf16), LineCol { line: 1, col: 0 });
        assert_eq!(idx.offset(text, LineCol { line: 0, col: 9 }, Encoding::Utf16), (2, Clamp::PastLineEnd));
    }

    #[test]
    fn clamps_inside_a_surrogate_pair() {
        let text = "😀x";
        let idx = LineIndex::new(text);
        assert_eq!(idx.offset(text, LineCol { line: 0, col: 1 }, Encoding::Utf16), (0, Clamp::InsideChar));
        assert_eq!(idx.offset(text, LineCol { line: 7, col: 0 }, Encoding::Utf16), (5, Clamp::PastEnd));
    }

    #[test]
    fn column_offset_agrees_with_the_index_on_a_crlf_line() {
        let line = "aé😀b\r\n";
        assert_eq!(column_offset(line, 4, Encoding::Utf16), (7, Clamp::Exact));
        assert_eq!(column_offset(line, 3, Encoding::Utf16), (3, Clamp::InsideChar));
        assert_eq!(column_offset(line, 9, Encoding::Utf16), (8, Clamp::PastLineEnd));
        assert_eq!(column_of(line, 7, Encoding::Utf16), 4);
        assert_eq!(column_of(line, 99, Encoding::Utf32), 4);
        let text = "x\naé😀b\r\n";
        let idx = LineIndex::new(text);
        for col in 0..8 {
            let (o, c) = idx.offset(text, LineCol { line: 1, col }, Encoding::Utf16);
            assert_eq!((o - 2, c), column_offset(line, col, Encoding::Utf16));
        }
    }

    #[test]
    fn round_trips_on_mixed_text() {
        for t in ["", "é", "naïve café\nZoë 😀 日本語\r\nend", "x\u{301}y\n\n", "\r\n\r\n"] {
            roundtrip(t);
        }
    }
}
