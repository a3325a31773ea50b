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
use crate::document::{Token, TokenKind};
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

fn word_end(s: &str, start: usize) -> usize {
    let b = s.as_bytes();
    let mut i = start;
    // Length in chars of the current dot-separated segment, to recognise "U.S." style words.
    let mut seg_chars = 0usize;
    let mut dotted = false;
    loop {
        // ASCII fast path over plain letters and digits.
        let run_end = crate::text::ascii::alphanumerics_end(b, i, b.len());
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
    fn single_initial_and_unicode() {
        use TokenKind::*;
        assert_eq!(toks("H. Yong é…"), vec![(Word, "H"), (Punct, "."), (Word, "Yong"), (Word, "é"), (Punct, "…")]);
        assert_eq!(toks("Mr."), vec![(Word, "Mr"), (Punct, ".")]);
        assert_eq!(toks("a.m."), vec![(Word, "a.m.")]);
    }
}
