//! Runs of ASCII letters (and digits), found eight bytes at a time (SWAR).
//!
//! Words are the hottest loop of both tokenizers (the document's and the date lexer's), and a
//! byte-at-a-time loop costs ten or more instructions a byte. Hand-rolled: memchr finds given
//! bytes, not the end of a byte class, and no well-kept crate offers a class scan like this.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` set where that byte is an ASCII letter.
fn letters(x: u64) -> u64 {
    // `| 0x20` lowercases a letter (and maps no other byte into `a..=z`); the low seven bits of
    // each byte plus a bias cannot carry into the next byte.
    let y = (x | (0x20 * ONES)) & !HIGH;
    let at_least_a = y + (0x80 - b'a' as u64) * ONES;
    let past_z = y + (0x80 - b'z' as u64 - 1) * ONES;
    at_least_a & !past_z & !x & HIGH
}

/// The high bit of each byte of `x` set where that byte is an ASCII letter or digit.
fn alphanumerics(x: u64) -> u64 {
    let low = x & !HIGH;
    let digit = (low + (0x80 - b'0' as u64) * ONES) & !(low + (0x80 - b'9' as u64 - 1) * ONES);
    (digit & !x & HIGH) | letters(x)
}

/// The end of the run of bytes from `i` (below `end`) whose mask bit `class` sets.
#[inline(always)]
fn run_end(b: &[u8], mut i: usize, end: usize, class: fn(u64) -> u64, byte: fn(&u8) -> bool) -> usize {
    let end = end.min(b.len());
    while i + 8 <= end {
        let x = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        let m = class(x);
        if m != HIGH {
            // The first byte (lowest, little-endian) whose high bit is clear is outside the class.
            return i + ((!m & HIGH).trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end && byte(&b[i]) {
        i += 1;
    }
    i
}

/// The end of the run of ASCII letters starting at `i`, looking no further than `end`.
pub fn letters_end(b: &[u8], i: usize, end: usize) -> usize {
    run_end(b, i, end, letters, u8::is_ascii_alphabetic)
}

/// The end of the run of ASCII letters and digits starting at `i`, looking no further than `end`.
pub fn alphanumerics_end(b: &[u8], i: usize, end: usize) -> usize {
    run_end(b, i, end, alphanumerics, u8::is_ascii_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_end_at_the_first_byte_outside_the_class() {
        // Every position of an outsider in and after an eight-byte block, ASCII and UTF-8.
        let texts = [
            "abcdefghijklmnopqrstuvwxyz0123456789XYZ",
            "ABCDEFGHIJ@KLM",
            "abcdefg[h",
            "Zz`{09/:",
            "wordé",
            "eightlet",
            "a1b",
        ];
        for s in texts {
            let b = s.as_bytes();
            for start in 0..s.len() {
                let until = |f: fn(&u8) -> bool| b[start..].iter().position(|c| !f(c)).map_or(s.len(), |k| start + k);
                assert_eq!(letters_end(b, start, s.len()), until(u8::is_ascii_alphabetic), "{s:?} from {start}");
                assert_eq!(
                    alphanumerics_end(b, start, s.len()),
                    until(u8::is_ascii_alphanumeric),
                    "{s:?} from {start}"
                );
            }
            // `end` bounds the scan.
            assert_eq!(letters_end(b, 0, 2), 2.min(until_class(b, u8::is_ascii_alphabetic)));
        }
        // Every byte value in every lane position.
        for v in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = *b"aZq9Mz0k";
                bytes[lane] = v;
                let x = u64::from_le_bytes(bytes);
                let bit = 0x80u64 << (8 * lane);
                assert_eq!(letters(x) & bit != 0, v.is_ascii_alphabetic(), "letter {v:#x} in lane {lane}");
                assert_eq!(alphanumerics(x) & bit != 0, v.is_ascii_alphanumeric(), "alnum {v:#x} in lane {lane}");
            }
        }
    }

    fn until_class(b: &[u8], f: fn(&u8) -> bool) -> usize {
        b.iter().position(|c| !f(c)).unwrap_or(b.len())
    }
}
