//! Tokens of the prose: words, numbers and single punctuation characters.
//!
//! Hand-rolled because the rules below are the contract ([`TokenKind`]) and no crate splits
//! words the way a copy desk reads them (abbreviation periods, curly apostrophes):
//! - a Word starts with a letter and runs over letters, digits and combining marks, over an inner
//!   apostrophe (`'` or `’`) or hyphen followed by a letter or digit ("don’t", "well-known",
//!   "F-16"), and over dotted single letters ("U.S.", "e.g.", "J.R.R." keep their final period);
//! - a Number starts with an ASCII digit and runs over digits, inner `,` and `.` followed by a
//!   digit ("21,400", "3.5") and trailing letters ("1990s", "3rd"); a hyphen splits numbers, so
//!   "2025-03-04" is Number, Punct, Number, Punct, Number;
//! - every other non-space character is one Punct token (a currency sign, each `.` of "...").
use crate::engine::document::{Token, TokenKind};
use crate::text::Span;

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D | 0xFE00..=0xFE0F)
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Append the tokens of `prose[span]` (offsets are into the whole text) to `out`.
/// Byte-level with an ASCII fast path: this runs over every byte of the article.
pub fn tokenize(prose: &str, span: Span, out: &mut Vec<Token>) {
    let s = &prose[span.range()];
    let b = s.as_bytes();
    let base = span.start;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let (ch, len) = if c < 0x80 { (c as char, 1) } else { decode(s, i) };
        if c == b' ' || c == b'\n' || ch.is_whitespace() {
            i += len;
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            (TokenKind::Number, number_end(s, i))
        } else if ch.is_alphabetic() {
            (TokenKind::Word, word_end(s, i))
        } else {
            (TokenKind::Punct, i + len)
        };
        out.push(Token { kind, span: Span::new(base + i, base + end) });
        i = end;
    }
}

/// The char at byte `i` (a char boundary) and its length.
fn decode(s: &str, i: usize) -> (char, usize) {
    let c = s[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

fn number_end(s: &str, start: usize) -> usize {
    let b = s.as_bytes();
    let mut i = start;
    loop {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < b.len() && (b[i] == b',' || b[i] == b'.') && b[i + 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        break;
    }
    // Trailing letters: "1990s", "3rd", "5G".
    while let Some(c) = char_at(s, i) {
        if is_word_char(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The end of the run of ASCII letters and digits from `i`, eight bytes at a time (SWAR). Words
/// are the tokenizer's hottest loop, and a byte-at-a-time loop cost about ten instructions a
/// byte. Hand-rolled: memchr finds given bytes, not the end of a byte class. (The date lexer
/// has the same scan for letters only.)
fn alnum_end(b: &[u8], mut i: usize) -> usize {
    while i + 8 <= b.len() {
        let x = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        let alnum = ascii_alphanumerics(x);
        if alnum != HIGH {
            // The first byte (lowest, little-endian) whose high bit is clear is not alphanumeric.
            return i + ((!alnum & HIGH).trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i
}

/// The high bit of each byte of `x` set where that byte is an ASCII letter or digit.
fn ascii_alphanumerics(x: u64) -> u64 {
    // The low seven bits of each byte plus a bias cannot carry into the next byte. `| 0x20`
    // lowercases a letter and maps no other byte into `a..=z`.
    let low = x & !HIGH;
    let digit = (low + (0x80 - b'0' as u64) * ONES) & !(low + (0x80 - b'9' as u64 - 1) * ONES);
    let lower = (x | (0x20 * ONES)) & !HIGH;
    let letter = (lower + (0x80 - b'a' as u64) * ONES) & !(lower + (0x80 - b'z' as u64 - 1) * ONES);
    (digit | letter) & !x & HIGH
}

fn word_end(s: &str, start: usize) -> usize {
    let b = s.as_bytes();
    let mut i = start;
    // Length in chars of the current dot-separated segment, to recognise "U.S." style words.
    let mut seg_chars = 0usize;
    let mut dotted = false;
    loop {
        // ASCII fast path over plain letters and digits.
        let run_end = alnum_end(b, i);
        seg_chars += run_end - i;
        i = run_end;
        let Some(&byte) = b.get(i) else { break };
        // Among ASCII bytes only an apostrophe, a hyphen or a period can continue a word.
        if byte < 0x80 && !matches!(byte, b'\'' | b'-' | b'.') {
            break;
        }
        let Some(c) = char_at(s, i) else { break };
        if c as u32 >= 0x80 && is_word_char(c) {
            i += c.len_utf8();
            seg_chars += 1;
            continue;
        }
        let next = char_at(s, i + c.len_utf8());
        if (is_apostrophe(c) || is_hyphen(c)) && next.is_some_and(|n| n.is_alphanumeric()) {
            i += c.len_utf8() + next.map_or(0, char::len_utf8);
            seg_chars = 1;
            continue;
        }
        if c == '.' && seg_chars == 1 {
            // "U.S", "e.g", "J.R.R": a single letter, a period, a single letter then a period.
            if let Some(n) = next.filter(|n| n.is_alphabetic()) {
                if char_at(s, i + 1 + n.len_utf8()) == Some('.') {
                    i += 1 + n.len_utf8();
                    seg_chars = 1;
                    dotted = true;
                    continue;
                }
            }
            if dotted {
                // The final period of a dotted abbreviation belongs to the word.
                i += 1;
            }
        }
        break;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(TokenKind, &str)> {
        let mut out = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut out);
        out.iter().map(|t| (t.kind, t.span.slice(s))).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_abbreviation_periods() {
        use TokenKind::*;
        assert_eq!(
            toks("Don’t say U.S. e.g. well-known F-16 Workers' J.R.R. Tolkien."),
            vec![
                (Word, "Don’t"),
                (Word, "say"),
                (Word, "U.S."),
                (Word, "e.g."),
                (Word, "well-known"),
                (Word, "F-16"),
                (Word, "Workers"),
                (Punct, "'"),
                (Word, "J.R.R."),
                (Word, "Tolkien"),
                (Punct, "."),
            ]
        );
    }

    #[test]
    fn numbers_take_inner_separators_and_split_at_hyphens() {
        use TokenKind::*;
        assert_eq!(
            toks("$3.5 21,400 1990s 2025-03-04 5."),
            vec![
                (Punct, "$"),
                (Number, "3.5"),
                (Number, "21,400"),
                (Number, "1990s"),
                (Number, "2025"),
                (Punct, "-"),
                (Number, "03"),
                (Punct, "-"),
                (Number, "04"),
                (Number, "5"),
                (Punct, "."),
            ]
        );
    }

    #[test]
    fn alphanumeric_runs_end_at_the_first_other_byte() {
        for s in ["abcdefghij0123456789XYZ", "ABCDEFGHIJ@KLM", "abcdefg[h", "Zz`{09/:", "wordé", "eightlet"] {
            for start in 0..s.len() {
                let expected = s.as_bytes()[start..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(s.len(), |k| start + k);
                assert_eq!(alnum_end(s.as_bytes(), start), expected, "{s:?} from {start}");
            }
        }
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b'a', b, b'9', b, b, b'Q', b, b]);
            assert_eq!(ascii_alphanumerics(x) & (0x80 << 8) != 0, b.is_ascii_alphanumeric(), "byte {b:#x}");
        }
    }

    #[test]
    fn single_initial_and_unicode() {
        use TokenKind::*;
        assert_eq!(toks("H. Yong é…"), vec![(Word, "H"), (Punct, "."), (Word, "Yong"), (Word, "é"), (Punct, "…")]);
        assert_eq!(toks("Mr."), vec![(Word, "Mr"), (Punct, ".")]);
        assert_eq!(toks("a.m."), vec![(Word, "a.m.")]);
    }
}
