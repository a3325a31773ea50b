//! The sentence tokeniser of the attribution analyses: one pass over a sentence's bytes gives its
//! tokens, a normalised (lowercase, single-spaced, straight-apostrophe) copy with a map back to
//! byte offsets, and the word lists each token is in.
//!
//! The tokens are our own rather than [`crate::document::Document::tokens`]: building all three in
//! one pass ([`Sent::fill`]) is cheaper than converting the document's tokens. Each token is
//! looked up once in [`super::lists::Lists::words`] and carries the [`flags`] of every single-word
//! list it is in, so the analyses test bits instead of comparing or hashing strings; ASCII bytes
//! are classified by table and only non-ASCII characters are decoded.
use super::closed::strip_possessive;
use super::lists::{LISTS, flags};
use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum K {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Bytes in the original text.
    pub span: Span,
    /// Bytes in [`Sent::norm`].
    pub n0: u32,
    pub n1: u32,
    pub kind: K,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Inside a quotation (marks included).
    pub quoted: bool,
    /// The single-word lists the token is in ([`flags`]), looked up once when it is made.
    pub flags: u64,
    /// The word's lexicon classes ([`crate::lexicon::Classes::bits`]), looked up once; 0 for
    /// numbers and punctuation.
    pub lex: u32,
    /// The word's closed classes ([`super::extract::words::classes`]), looked up with `flags`.
    pub closed: u32,
    /// The phrases of the word lists that start with the word ([`super::lists::WordEntry::phrases`]).
    pub phrases: u32,
}

/// A tokenised sentence.
#[derive(Default)]
pub(crate) struct Sent {
    pub toks: Vec<Tok>,
    /// Lowercased tokens joined by single spaces; punctuation normalised (`“”` to `"`, `’` to `'`).
    pub norm: String,
    /// Index of the first word token.
    pub first: usize,
}

fn joins_word(prev: char, c: char, next: Option<char>) -> bool {
    let Some(n) = next else { return false };
    match c {
        '\'' | '’' => prev.is_alphabetic() && n.is_alphabetic(),
        '-' | '‑' => prev.is_alphanumeric() && n.is_alphanumeric(),
        '.' => prev.is_alphanumeric() && n.is_alphanumeric(),
        ',' => prev.is_ascii_digit() && n.is_ascii_digit(),
        '&' => prev.is_uppercase() && n.is_uppercase(),
        _ => false,
    }
}

/// Classes of bytes for the tokeniser ([`ASCII_CLASS`]); bytes of non-ASCII characters have none.
const ALNUM: u8 = 1;
const UPPER: u8 = 2;
const SPACE: u8 = 4;

/// The class of every ASCII byte, so that the tokeniser's tests on ASCII text are one load
/// instead of the range tests of `char::is_alphanumeric` and friends.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() { ALNUM } else { 0 }
            | if c.is_ascii_uppercase() { UPPER } else { 0 }
            // `char::is_whitespace` on ASCII: includes U+000B, which `is_ascii_whitespace` does not.
            | if matches!(c, b' ' | b'\t'..=b'\r') { SPACE } else { 0 };
        b += 1;
    }
    t
};

/// `c.is_alphanumeric()`, by table for ASCII.
#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() { ASCII_CLASS[c as usize] & ALNUM != 0 } else { c.is_alphanumeric() }
}

/// `c.is_whitespace()`, by table for ASCII.
#[inline]
fn is_space(c: char) -> bool {
    if c.is_ascii() { ASCII_CLASS[c as usize] & SPACE != 0 } else { c.is_whitespace() }
}

/// The character at byte `i` of `s` (a char boundary below `s.len()`) and its length. Prose is
/// mostly ASCII, so a byte below 0x80 is taken as it is instead of going through UTF-8 decoding.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// The character at byte `i` of `s`, if `i` is inside it.
#[inline]
fn char_after(s: &str, i: usize) -> Option<char> {
    (i < s.len()).then(|| char_at(s, i).0)
}

impl Sent {
    /// Tokenise `text[span]`; `quotes` are quotation spans (any order) whose tokens are marked quoted.
    #[cfg(test)]
    pub fn new(text: &str, span: Span, quotes: &[Span]) -> Sent {
        let mut sent = Sent::default();
        sent.fill(text, span, quotes);
        sent
    }

    /// [`Sent::new`] into this sentence's buffers, reusing their memory.
    ///
    /// One forward pass over the bytes, decoding a character only where it is not ASCII, with the
    /// previous character carried along and the next one peeked at when a joiner (`'`, `-`, `.`,
    /// `,`, `&`) needs it: no per-sentence buffer of decoded characters.
    pub fn fill(&mut self, text: &str, span: Span, quotes: &[Span]) {
        let s = &text[span.range()];
        let bytes = s.as_bytes();
        let base = span.start;
        let lists = &*LISTS;
        let Sent { toks, norm, first } = self;
        toks.clear();
        toks.reserve(s.len() / 4 + 1);
        norm.clear();
        norm.reserve(s.len() + 8);
        let mut k = 0;
        // The character before byte `k`.
        let mut prev: Option<char> = None;
        while k < s.len() {
            let (c, cl) = char_at(s, k);
            if is_space(c) {
                prev = Some(c);
                k += cl;
                continue;
            }
            let prev_space = prev.is_none_or(|p| !is_alnum(p));
            let starts_decimal = c == '.' && prev_space && char_after(s, k + cl).is_some_and(|n| n.is_ascii_digit());
            if !norm.is_empty() {
                norm.push(' ');
            }
            let n0 = norm.len() as u32;
            if is_alnum(c) || starts_decimal {
                let mut e = k + cl;
                // The character before byte `e`.
                let mut pe = c;
                // What the word holds so far: only ASCII, any ASCII capital.
                let mut ascii = c.is_ascii();
                let mut classes = ASCII_CLASS[bytes[k] as usize];
                loop {
                    // A run of ASCII letters and digits, the bulk of every word, byte by byte.
                    let run = e;
                    while e < bytes.len() && ASCII_CLASS[bytes[e] as usize] & ALNUM != 0 {
                        classes |= ASCII_CLASS[bytes[e] as usize];
                        e += 1;
                    }
                    if e > run {
                        pe = bytes[e - 1] as char;
                    }
                    if e >= bytes.len() {
                        break;
                    }
                    let (ch, l) = char_at(s, e);
                    let joins = is_alnum(ch)
                        || (matches!(ch, '\'' | '’' | '-' | '‑' | '.' | ',' | '&')
                            && joins_word(pe, ch, char_after(s, e + l)));
                    if !joins {
                        break;
                    }
                    ascii &= ch.is_ascii();
                    classes |= ASCII_CLASS[bytes[e] as usize];
                    pe = ch;
                    e += l;
                }
                let word = &s[k..e];
                if ascii {
                    // Most words are lowercase already: copied as they are.
                    norm.push_str(word);
                    if classes & UPPER != 0 {
                        norm[n0 as usize..].make_ascii_lowercase();
                    }
                } else {
                    for ch in word.chars() {
                        match ch {
                            '’' => norm.push('\''),
                            '‑' => norm.push('-'),
                            ch if ch.is_ascii() => norm.push(ch.to_ascii_lowercase()),
                            ch => norm.extend(ch.to_lowercase()),
                        }
                    }
                }
                let kind = if c.is_ascii_digit() || c == '.' { K::Num } else { K::Word };
                toks.push(Tok {
                    span: Span::new(base + k, base + e),
                    n0,
                    n1: norm.len() as u32,
                    kind,
                    cap: c.is_uppercase(),
                    quoted: false,
                    flags: 0,
                    lex: 0,
                    closed: 0,
                    phrases: 0,
                });
                prev = Some(pe);
                k = e;
            } else {
                let n = match c {
                    '“' | '”' | '„' | '«' | '»' | '"' => '"',
                    '‘' | '’' | '\'' => '\'',
                    '—' | '–' => '—',
                    c => c,
                };
                norm.push(n);
                toks.push(Tok {
                    span: Span::new(base + k, base + k + cl),
                    n0,
                    n1: norm.len() as u32,
                    kind: K::Punct,
                    cap: false,
                    quoted: false,
                    flags: 0,
                    lex: 0,
                    closed: 0,
                    phrases: 0,
                });
                prev = Some(c);
                k += cl;
            }
        }
        // The table lookups in a loop of their own: independent of each other, so the processor
        // overlaps their cache misses (the lexicon is megabytes, and most words miss).
        crate::lexicon::prefetch(
            toks.iter().filter(|t| t.kind == K::Word).map(|t| &norm[t.n0 as usize..t.n1 as usize]),
        );
        for t in toks.iter_mut() {
            let w = &norm[t.n0 as usize..t.n1 as usize];
            let entry = lists.word_entry(w);
            (t.flags, t.closed, t.phrases) = (entry.flags, entry.closed, entry.phrases);
            if t.kind == K::Word {
                t.lex = crate::lexicon::lookup(w).bits();
            }
        }
        if !quotes.is_empty() {
            for t in toks.iter_mut() {
                t.quoted = quotes.iter().any(|q| q.contains_span(t.span));
            }
        }
        *first = toks.iter().position(|t| t.kind == K::Word).unwrap_or(0);
    }

    pub fn w(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.norm[t.n0 as usize..t.n1 as usize]
    }

    /// The [`flags`] of token `i`; none past the end.
    pub(crate) fn fl(&self, i: usize) -> u64 {
        self.toks.get(i).map_or(0, |t| t.flags)
    }

    /// The [`flags`] of token `i` without a possessive ending ("experts'" as "experts").
    pub(crate) fn fl_stripped(&self, i: usize) -> u64 {
        if i >= self.toks.len() {
            return 0;
        }
        let w = self.w(i);
        let stem = strip_possessive(w);
        if stem.len() == w.len() { self.toks[i].flags } else { LISTS.word_flags(stem) }
    }

    /// Whether the word at `i`, which the dictionary knows as a noun, stands inside a noun
    /// phrase after its modifiers, where it is a noun and not a verb of saying: after a determiner,
    /// a quantifier, a preposition, a possessive or a figure, then one to three modifiers that
    /// leave the phrase open. A modifier leaves it open when it is only an adjective ("in any
    /// other state"), or when it may be a noun too but the word is followed by a noun of its own
    /// that names no people ("for private hail coverage", not "their father gives voters"); a singular after a count leaves a plural open ("three data
    /// centers"). Not "the utility say the": there "utility" closes its phrase and "say" is its
    /// verb. A quantifier counts like a figure: "more hail claims". (Nor before "that": "the
    /// official states that".)
    pub(crate) fn modified_noun(&self, i: usize) -> bool {
        use crate::lexicon::Classes;
        let class = |k: usize| Classes::from_bits(self.toks[k].lex);
        const CLOSED: u64 = flags::DETERMINER | flags::PREP | flags::PRONOUN | flags::BE | flags::AUX_ADV;
        const COUNTS: &[&str] = &["two", "three", "four", "five", "six", "seven", "eight", "nine", "several", "many"];
        const QUANTIFIERS: &[&str] = &["more", "most", "fewer", "some", "few", "no", "all"];
        if i < 2
            || self.toks[i].kind != K::Word
            || !class(i).contains(Classes::N)
            || self.fl(i) & (CLOSED | flags::QUANTIFIER | flags::SPELLED) != 0
            || COUNTS.contains(&self.w(i))
            || self.is(i + 1, "that")
        {
            return false;
        }
        // (Lower case: "the new poll shows Trump" is a subject, its verb and an object.)
        let noun_next = self.toks.get(i + 1).is_some_and(|t| t.kind == K::Word && !t.cap)
            && class(i + 1).contains(Classes::N)
            && !class(i + 1)
                .intersects(Classes::VPAST | Classes::V3SG | Classes::VING | Classes::PERSON_ANY | Classes::GROUP_ANY)
            && self.fl(i + 1) & CLOSED == 0;
        // A finite form ("shows", "says", "thought") after a complete phrase is its verb: "the
        // poll shows differences", "the billionaire businessman says". Only a count leaves such a
        // phrase open for a plural: "more hail claims".
        let finite = class(i).intersects(Classes::V3SG | Classes::VPAST);
        let plural = class(i).contains(Classes::NPL);
        let mut k = i;
        let (mut strict, mut singular_nouns) = (true, true);
        while k > 0
            && i - k < 3
            && self.toks[k - 1].kind == K::Word
            && !self.toks[k - 1].cap
            && !self.is(k - 1, "one")
            && (self.fl(k - 1) & (CLOSED | flags::QUANTIFIER) == 0 || self.is(k - 1, "other"))
            && !QUANTIFIERS.contains(&self.w(k - 1))
            && !["less", "any", "every", "each"].contains(&self.w(k - 1))
            && class(k - 1).intersects(Classes::ADJ | Classes::N)
            && !class(k - 1).intersects(Classes::NPL | Classes::VPAST | Classes::V3SG | Classes::VING)
            // (Not an adverb: "hate speech here say".)
            && (!class(k - 1).contains(Classes::ADV) || class(k - 1).contains(Classes::ADJ))
        {
            let c = class(k - 1);
            strict &= c.contains(Classes::ADJ) && !c.contains(Classes::N) || self.is(k - 1, "other");
            singular_nouns &= c.contains(Classes::N);
            k -= 1;
        }
        if k == i || k == 0 {
            return false;
        }
        let p = k - 1;
        let quantifier = QUANTIFIERS.contains(&self.w(p));
        // (A figure alone, not "57-year-old".)
        let count = self.toks[p].kind == K::Num && !self.w(p).contains('-')
            || self.fl(p) & flags::SPELLED != 0
            || COUNTS.contains(&self.w(p))
            || quantifier;
        let opens = count
            || self.fl(p) & (flags::DETERMINER | flags::PREP | flags::QUANTIFIER) != 0
            || ["less", "any", "every", "each"].contains(&self.w(p))
            || (self.toks[p].kind == K::Word && ["'s", "’s"].iter().any(|e| self.w(p).ends_with(e)));
        opens && ((!finite && (strict || noun_next)) || (count && plural && singular_nouns))
    }

    #[inline]
    pub(crate) fn is(&self, i: usize, s: &str) -> bool {
        i < self.toks.len() && self.w(i) == s
    }

    pub(crate) fn punct(&self, i: usize) -> Option<char> {
        let t = self.toks.get(i).filter(|t| t.kind == K::Punct)?;
        // Punctuation is mostly ASCII: its byte is the character, with no slicing or decoding.
        match self.norm.as_bytes().get(t.n0 as usize) {
            Some(&b) if b < 0x80 => Some(b as char),
            _ => Some(self.w(i).chars().next().unwrap_or(' ')),
        }
    }

    /// The token range a match `n0..n1` of the normalised string covers, if it is on token edges.
    pub(crate) fn token_range(&self, n0: usize, n1: usize) -> Option<(usize, usize)> {
        let i = self.toks.partition_point(|t| (t.n0 as usize) < n0);
        let j = self.toks.partition_point(|t| (t.n1 as usize) < n1);
        (i < self.toks.len() && j < self.toks.len() && self.toks[i].n0 as usize == n0 && self.toks[j].n1 as usize == n1)
            .then_some((i, j + 1))
    }

    /// The index of the first token starting at or after document byte `at` (the number of
    /// tokens before it): the token a span starting at `at` begins with, or the end of one
    /// ending there.
    pub(crate) fn token_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < at)
    }

    pub(crate) fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }
}

/// Whether token `k` opens the reason or purpose of a request for anonymity just before it:
/// "because", "since", "so that", "in order to", "for fear", "out of fear", "to avoid", "to
/// protect" within a few words after "named", "identified", "anonymity", "anonymously" or "to be
/// quoted" ("asked not to be named so that her son would not be singled out"). Such a clause
/// states why the source is unnamed, not a cause the writer asserts.
pub(crate) fn anonymity_reason(s: &Sent, k: usize) -> bool {
    let opens = matches!(s.toks.get(k).map(|_| s.w(k)), Some("because" | "since"))
        || (s.is(k, "so") && s.is(k + 1, "that"))
        || (s.is(k, "in") && s.is(k + 1, "order"))
        || (matches!(s.toks.get(k).map(|_| s.w(k)), Some("for" | "out")) && s.is(k + 1, "fear"))
        || (s.is(k, "to") && matches!(s.toks.get(k + 1).map(|_| s.w(k + 1)), Some("avoid" | "protect" | "shield")));
    opens
        && (k.saturating_sub(5)..k).rev().take_while(|&j| s.toks[j].kind == K::Word).any(|j| {
            matches!(s.w(j), "named" | "identified" | "anonymity" | "anonymously")
                || (s.is(j, "quoted") && j >= 2 && s.is(j - 1, "be") && s.is(j - 2, "to"))
                || name_kept(s, j)
        })
}

/// Whether token `j` ends a request that a name be kept out of print: "asked that his name not be
/// used", "asked that her name be withheld" (a request for anonymity in other words).
pub(crate) fn name_kept(s: &Sent, j: usize) -> bool {
    matches!(s.w(j), "used" | "withheld" | "published" | "printed" | "given" | "disclosed")
        && (j.saturating_sub(4)..j).any(|i| matches!(s.w(i), "name" | "names"))
}

/// Whether token `i` is in any of the lists `bits`.
pub(crate) fn has(s: &Sent, i: usize, bits: u64) -> bool {
    s.fl(i) & bits != 0
}
