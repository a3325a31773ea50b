//! The anchor filter: the words that can start a date pattern, and the cheap test that lets
//! nearly every other word of an article skip the patterns.
use super::*;

/// Declares [`ANCHORS`] and [`is_anchor_lower`] from one list, so the two cannot drift apart.
macro_rules! anchors {
    ($($w:literal),* $(,)?) => {
        /// Every word that can start a pattern, lowercase: the spellings [`lex::month`] and
        /// [`lex::weekday`] accept, the keywords [`relative`] matches or leads with, and the first
        /// words of [`quarter_or_season`] and [`shift`] (quarter and season words, [`lex::number_word`]s).
        pub(super) const ANCHORS: &[&[u8]] = &[$($w),*];

        /// `lower` (a lowercased word) is in [`ANCHORS`]; a `match` on byte strings compiles to a
        /// decision tree on length and bytes, much cheaper than comparing with each entry in turn.
        pub(super) fn is_anchor_lower(lower: &[u8]) -> bool {
            matches!(lower, $($w)|*)
        }
    };
}

anchors![
    // months
    b"january",
    b"february",
    b"march",
    b"april",
    b"may",
    b"june",
    b"july",
    b"august",
    b"september",
    b"october",
    b"november",
    b"december",
    b"jan",
    b"feb",
    b"mar",
    b"apr",
    b"jun",
    b"jul",
    b"aug",
    b"sep",
    b"sept",
    b"oct",
    b"nov",
    b"dec",
    // weekdays
    b"monday",
    b"tuesday",
    b"wednesday",
    b"thursday",
    b"friday",
    b"saturday",
    b"sunday",
    b"mon",
    b"tue",
    b"tues",
    b"wed",
    b"thu",
    b"thur",
    b"thurs",
    b"fri",
    b"sat",
    b"sun",
    // relative keywords and lead words
    b"today",
    b"tonight",
    b"yesterday",
    b"tomorrow",
    b"recently",
    b"lately",
    b"recent",
    b"current",
    b"ongoing",
    b"later",
    b"now",
    b"currently",
    b"nowadays",
    b"presently",
    b"soon",
    b"this",
    b"last",
    b"the",
    b"earlier",
    b"past",
    b"previous",
    b"next",
    b"coming",
    // quarters and seasons
    b"first",
    b"second",
    b"third",
    b"fourth",
    b"spring",
    b"summer",
    b"fall",
    b"autumn",
    b"winter",
    // number words
    b"a",
    b"an",
    b"one",
    b"two",
    b"three",
    b"four",
    b"five",
    b"six",
    b"seven",
    b"eight",
    b"nine",
    b"ten",
    b"eleven",
    b"twelve",
    b"fifteen",
    b"twenty",
    b"thirty",
];

/// The longest anchor.
pub(super) const ANCHOR_MAX: usize = 9;

/// The shape of every anchor: bit `last letter` of entry `length * 26 + first letter`.
pub(super) static ANCHOR_SHAPES: [u32; (ANCHOR_MAX + 1) * 26] = anchor_shapes();

pub(super) const fn anchor_shapes() -> [u32; (ANCHOR_MAX + 1) * 26] {
    let mut t = [0u32; (ANCHOR_MAX + 1) * 26];
    let mut i = 0;
    while i < ANCHORS.len() {
        let w = ANCHORS[i];
        t[w.len() * 26 + (w[0] - b'a') as usize] |= 1 << (w[w.len() - 1] - b'a');
        i += 1;
    }
    t
}

/// Whether a word is an anchor (see [`anchor_lower`]).
#[cfg(test)]
pub(super) fn anchor_word(w: &str) -> bool {
    anchor_lower(w.as_bytes()).is_some()
}

/// The anchor a word spells, lowercased (its first `n` bytes), if it spells one: whether it can
/// start a pattern, that is, is in [`ANCHORS`] ignoring case. `at` returns nothing at any other
/// word. This runs on every word of the article (as bytes: no char-boundary checks to slice
/// it): the length and the first and last letters rule out nearly all of them with one table
/// lookup (hand-rolled because no lookup crate beats three byte reads), before the exact match.
#[inline(always)]
pub(super) fn anchor_lower(b: &[u8]) -> Option<([u8; ANCHOR_MAX], usize)> {
    let n = b.len();
    if n == 0 || n > ANCHOR_MAX {
        return None;
    }
    // `| 0x20` lowercases an ASCII letter; any other byte (punctuation, UTF-8) stays outside
    // `a..=z`, and the anchors are all ASCII letters.
    let (first, last) = (b[0] | 0x20, b[n - 1] | 0x20);
    if !first.is_ascii_lowercase() || !last.is_ascii_lowercase() {
        return None;
    }
    if ANCHOR_SHAPES[n * 26 + (first - b'a') as usize] & (1 << (last - b'a')) == 0 {
        return None;
    }
    // A non-ASCII byte stays as it is and matches no anchor.
    let mut buf = [0u8; ANCHOR_MAX];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    is_anchor_lower(&buf[..n]).then_some((buf, n))
}

/// The words after "the" that [`relative`] reads: its own phrases and the direction words.
pub(super) fn after_the(w: &str) -> bool {
    let mut buf = [0u8; 16];
    lex::lower(w, &mut buf).is_some_and(|n| {
        matches!(
            &buf[..n],
            b"past"
                | b"future"
                | b"long"
                | b"near"
                | b"short"
                | b"time"
                | b"weekend"
                | b"same"
                | b"last"
                | b"previous"
                | b"coming"
                | b"next"
        )
    })
}

#[cfg(test)]
mod anchor_tests {
    use super::*;

    /// The anchor filter must never hide a pattern: wherever the unfiltered matcher finds a date
    /// at a word, that word is an anchor. Run over texts dense with dates: the fixtures and the
    /// recogniser's and date rules' own test sources (prose inside Rust string literals).
    #[test]
    fn the_anchor_filter_hides_no_match() {
        // Every phrase `relative` reads after "the", "a" and "an", in case the sources lack one.
        let phrases = "They met over the weekend. It happened in the past. Plans for the future. \
            Rates in the long term, the near term and the short term. Closed for the time being. \
            He left the same day. Sales rose the last week, the previous month, the past year, \
            and will rise the coming year and the next quarter. It ended a week ago, a month \
            later, an hour earlier, a year before, and a decade ago.";
        let texts = [
            phrases,
            include_str!("../tests.rs"),
            include_str!("../../rules/date/tests.rs"),
            include_str!("../../../tests/fixtures/dates/iso-data.md"),
            include_str!("../../../tests/fixtures/dates/uk-day-first.md"),
            include_str!("../../../tests/fixtures/dates/us-ap.md"),
        ];
        let mut matched_words = 0;
        for text in texts {
            let toks = lex::tokenize(text, Span::new(0, text.len()));
            let p = P::new(text, &toks);
            for (i, t) in toks.iter().enumerate() {
                let any = at_any(&p, i);
                if t.kind == Tk::Word && any.is_some() {
                    matched_words += 1;
                    assert!(anchor_word(p.s(i)), "{:?} starts a date but is not an anchor word", p.s(i));
                }
                assert_eq!(at(&p, i), any, "the filters change the match at {:?}", p.s(i));
                if any.is_some() {
                    assert!(may_start(&p, i), "{:?} starts a date but fails may_start", p.s(i));
                }
            }
        }
        assert!(matched_words > 300, "too few word-led dates to judge the filter: {matched_words}");
    }

    #[test]
    fn every_anchor_passes_its_shape_table() {
        for a in ANCHORS {
            let a = std::str::from_utf8(a).expect("ASCII");
            assert!(a.len() <= ANCHOR_MAX && a.bytes().all(|b| b.is_ascii_lowercase()), "{a}");
            assert!(anchor_word(a) && anchor_word(&a.to_ascii_uppercase()), "{a}");
        }
        // Same length and first and last letters as an anchor, but not one.
        for w in ["tie", "Tone", "mayday", "Fail", "sixtyfour"] {
            assert!(!anchor_word(w), "{w}");
        }
    }

    #[test]
    fn anchor_words_ignore_case_and_reject_the_rest() {
        for w in ["March", "MARCH", "tues", "Yesterday", "the", "A", "autumn", "Twelve", "Sept"] {
            assert!(anchor_word(w), "{w}");
        }
        for w in ["Marching", "said", "council", "Mayo", "", "é", "thirteen", "quarter", "ago"] {
            assert!(!anchor_word(w), "{w}");
        }
    }
}
