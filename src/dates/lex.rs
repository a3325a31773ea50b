//! A small tokenizer for date recognition: words, plain numbers, ordinals and punctuation.
//!
//! Hand-rolled rather than reusing the document's tokens because dates need finer distinctions
//! ("29th" is an ordinal, "1,800" and "14.2" are not date components, "3B" is neither) and must
//! not depend on sentence segmentation. One pass, no allocation per token.
use jiff::civil::Weekday;

use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tk {
    /// Letters only.
    Word,
    /// ASCII digits only.
    Num,
    /// Digits followed by st/nd/rd/th.
    Ord,
    /// Anything alphanumeric that is neither (numbers with inner `,`/`.`, "3B", "CK24A009").
    Other,
    /// One other non-space character.
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub kind: Tk,
    pub start: usize,
    pub end: usize,
}

impl Tok {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Tokenize `text[region]`.
pub(crate) fn tokenize(text: &str, region: Span) -> Vec<Tok> {
    let b = text.as_bytes();
    let end = region.end.min(b.len());
    let mut toks = Vec::with_capacity((end - region.start.min(end)) / 5);
    let mut i = region.start.min(end);
    while i < end {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            while i < end && b[i].is_ascii_digit() {
                i += 1;
            }
            let mut kind = Tk::Num;
            // 1,800 / 14.2 / 3,000.50
            while i + 1 < end && (b[i] == b',' || b[i] == b'.') && b[i + 1].is_ascii_digit() {
                kind = Tk::Other;
                i += 1;
                while i < end && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
            if i < end && b[i].is_ascii_alphabetic() {
                let ls = i;
                while i < end && b[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                let suffix = &text[ls..i];
                kind = if kind == Tk::Num && ["st", "nd", "rd", "th"].iter().any(|s| suffix.eq_ignore_ascii_case(s)) {
                    Tk::Ord
                } else {
                    Tk::Other
                };
            }
            toks.push(Tok { kind, start, end: i });
            continue;
        }
        let ch = char_at(text, i);
        if ch.is_alphabetic() {
            let mut kind = Tk::Word;
            while i < end {
                // ASCII fast path; decode a char only for non-ASCII bytes.
                i = crate::text::ascii::letters_end(b, i, end);
                if i >= end {
                    break;
                }
                let c = b[i];
                if c.is_ascii_digit() {
                    kind = Tk::Other;
                    i += 1;
                    continue;
                }
                if c.is_ascii() {
                    break;
                }
                let ch = char_at(text, i);
                if ch.is_alphabetic() {
                    i += ch.len_utf8();
                } else {
                    break;
                }
            }
            toks.push(Tok { kind, start, end: i });
            continue;
        }
        if ch.is_whitespace() {
            i += ch.len_utf8();
            continue;
        }
        i += ch.len_utf8();
        toks.push(Tok { kind: Tk::Punct, start, end: i });
    }
    toks
}

/// The char starting at byte `i` (a char boundary) of `text`.
fn char_at(text: &str, i: usize) -> char {
    let c = text.as_bytes()[i];
    if c.is_ascii() { c as char } else { text[i..].chars().next().unwrap_or(' ') }
}

/// Lowercase ASCII copy of a short word in a stack buffer (keywords are all short).
pub(crate) fn lower(word: &str, buf: &mut [u8; 16]) -> Option<usize> {
    let w = word.as_bytes();
    if w.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    Some(w.len())
}

/// Month number and how the name was written (without its period).
pub(crate) fn month(word: &str) -> Option<(u8, bool)> {
    let mut buf = [0u8; 16];
    let n = lower(word, &mut buf)?;
    // (number, abbreviated)
    Some(match &buf[..n] {
        b"january" => (1, false),
        b"february" => (2, false),
        b"march" => (3, false),
        b"april" => (4, false),
        b"may" => (5, false),
        b"june" => (6, false),
        b"july" => (7, false),
        b"august" => (8, false),
        b"september" => (9, false),
        b"october" => (10, false),
        b"november" => (11, false),
        b"december" => (12, false),
        b"jan" => (1, true),
        b"feb" => (2, true),
        b"mar" => (3, true),
        b"apr" => (4, true),
        b"jun" => (6, true),
        b"jul" => (7, true),
        b"aug" => (8, true),
        b"sep" | b"sept" => (9, true),
        b"oct" => (10, true),
        b"nov" => (11, true),
        b"dec" => (12, true),
        _ => return None,
    })
}

/// Weekday and whether the name was abbreviated (the names: [`crate::text::calendar`]).
pub(crate) fn weekday(word: &str) -> Option<(Weekday, bool)> {
    use Weekday::*;
    let (i, abbreviated) = crate::text::calendar::weekday(word)?;
    let day = [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday][usize::from(i)];
    Some((day, abbreviated))
}

/// Small cardinal numbers written as words ("three days ago").
pub(crate) fn number_word(word: &str) -> Option<i64> {
    let mut buf = [0u8; 16];
    let n = lower(word, &mut buf)?;
    Some(match &buf[..n] {
        b"a" | b"an" | b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"fifteen" => 15,
        b"twenty" => 20,
        b"thirty" => 30,
        b"several" | b"few" => return None,
        _ => return None,
    })
}

/// Case-insensitive equality for ASCII keywords.
pub(crate) fn is(word: &str, kw: &str) -> bool {
    word.eq_ignore_ascii_case(kw)
}

pub(crate) fn is_any(word: &str, kws: &[&str]) -> bool {
    kws.iter().any(|k| word.eq_ignore_ascii_case(k))
}

pub(crate) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Tk, &str)> {
        tokenize(s, Span::new(0, s.len())).iter().map(|t| (t.kind, &s[t.start..t.end])).collect()
    }

    #[test]
    fn splits_ordinals_numbers_and_formatted_numbers() {
        assert_eq!(
            kinds("Feb. 29th, 1,800 14.2 3B"),
            vec![
                (Tk::Word, "Feb"),
                (Tk::Punct, "."),
                (Tk::Ord, "29th"),
                (Tk::Punct, ","),
                (Tk::Other, "1,800"),
                (Tk::Other, "14.2"),
                (Tk::Other, "3B")
            ]
        );
    }

    #[test]
    fn keeps_multibyte_punctuation_whole() {
        assert_eq!(kinds("é—2025"), vec![(Tk::Word, "é"), (Tk::Punct, "—"), (Tk::Num, "2025")]);
    }
}
