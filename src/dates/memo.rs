//! Date recognition remembered from one check of a document to the next.
//!
//! A language server checks the whole document on every keystroke, but a keystroke changes one
//! paragraph. The prose is cut into *chunks* at blank lines (a chunk is a paragraph or heading
//! and the blank lines after it; a chunk boundary is always the start of a line after a blank
//! line, where the date tokenizer is between tokens). Per chunk the memo keeps:
//! - its tokens, keyed by the chunk's text: the tokenizer reads nothing outside the chunk;
//! - the candidates the pattern scan found in it, keyed by the texts of the chunk and of its
//!   two neighbours. The scan reads tokens only through [`P`], which records every token index it
//!   reads; a scan is remembered only when it read nothing outside the three chunks, started at
//!   the chunk's first token and stopped at its end (no candidate ran over a chunk boundary);
//! - the tense read for each date whose sentence lies inside the chunk, with that sentence's
//!   span: the tense reader reads only the sentence's bytes (and the byte after it) and its
//!   tokens. A remembered tense is used only for the same date span in the same sentence span.
//!
//! Everything else (the day/month convention, ranges, resolution against the reference date,
//! quotations) is computed afresh, so a check with the memo returns what one without returns
//! (`tests/properties.rs` edits articles at random and compares).
//!
//! *Invariants:* every stored offset is relative to its chunk's start (token indices to its first
//! token) and shifted on the way in and out; chunk texts are compared in full, never trusted to a
//! hash, unless every byte of the chunk lies in what the document has in common with the one the
//! last check read (then the entry used at its old place is taken, see `text::generations`); the
//! memo holds only the chunks of the last check.
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rustc_hash::FxHasher;

use super::lex::{self, Tk, Tok};
use super::parse::{Cand, P, Spec, scan};
use super::{DateExpr, RangeEnds, StatedWeekday, Tense, Written};
use crate::text::Span;
use crate::text::generations::{Generations, Revision};

/// Remembered date recognition of one document; see the module docs. `Default` is empty.
#[derive(Debug, Default)]
pub struct Memo {
    chunks: Generations<Chunk>,
    scans: Generations<ScanEntry>,
    /// Candidates found by the last check (to size the next one's list).
    cands: usize,
    stats: MemoStats,
}

/// How the last check used the memo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemoStats {
    /// Chunks whose candidates came from the memo.
    pub reused: usize,
    /// Chunks scanned afresh.
    pub scanned: usize,
    /// Dates whose tense came from the memo.
    pub tenses_reused: usize,
}

/// A chunk's text (shared by the scan entries that name it) and its tokens, relative.
#[derive(Clone, Debug)]
struct Chunk {
    text: Arc<str>,
    toks: Arc<[(u32, u32, Tk)]>,
}

#[derive(Debug)]
struct ScanEntry {
    prev: Option<Arc<str>>,
    own: Arc<str>,
    next: Option<Arc<str>>,
    /// Candidates with their first and next token (relative to the chunk's first token).
    cands: Vec<(Cand, usize, usize)>,
    tenses: Vec<TenseRecord>,
}

/// The tense read for one date: what it was read from and what it found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TenseRecord {
    pub date: Span,
    pub sentence: Span,
    pub tense: Tense,
    pub cue: Option<Span>,
}

impl TenseRecord {
    fn shifted(mut self, d: isize) -> Self {
        let at = |s: &mut Span| *s = Span::new(s.start.wrapping_add_signed(d), s.end.wrapping_add_signed(d));
        at(&mut self.date);
        at(&mut self.sentence);
        if let Some(c) = self.cue.as_mut() {
            at(c);
        }
        self
    }
}

/// The tenses a check may reuse (sorted by date start) and those it read (in resolution order).
#[derive(Debug, Default)]
pub(crate) struct Tenses {
    known: Vec<TenseRecord>,
    pub read: Vec<TenseRecord>,
    reused: usize,
}

impl Tenses {
    /// The remembered tense of `date` in `sentence`, if any.
    pub fn get(&mut self, date: Span, sentence: Span) -> Option<(Tense, Option<Span>)> {
        let i = self.known.partition_point(|r| r.date.start < date.start);
        let r = self.known[i..]
            .iter()
            .take_while(|r| r.date.start == date.start)
            .find(|r| r.date == date && r.sentence == sentence)?;
        self.reused += 1;
        Some((r.tense, r.cue))
    }
}

/// The date tokens and the scanned candidates of `prose[region]`, and what the memo knows of
/// tenses; [`Scanned::remember_tenses`] hands the tenses read back to the memo.
pub(crate) struct Scanned {
    pub toks: Vec<Tok>,
    pub cands: Vec<(Cand, usize, usize)>,
    pub tenses: Tenses,
    chunks: Vec<Span>,
    /// The key of each chunk's scan entry when this check stored one (its tenses are still to come).
    stored: Vec<Option<u64>>,
}

impl Memo {
    /// Statistics of the last check that used this memo.
    pub fn stats(&self) -> MemoStats {
        self.stats
    }

    /// Number of remembered chunks.
    pub fn len(&self) -> usize {
        self.chunks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Tokenize and scan `prose[region]` (of the document at `revision`), reusing what the
    /// previous check found in the chunks that did not change.
    pub(crate) fn scan(&mut self, prose: &str, region: Span, revision: &Revision) -> Scanned {
        self.chunks.rotate();
        self.chunks.begin_uses(revision);
        self.scans.rotate();
        self.stats = MemoStats::default();
        let spans = chunks(prose, region);
        let n = spans.len();
        let mut hashes = Vec::with_capacity(n);
        let mut texts: Vec<Arc<str>> = Vec::with_capacity(n);
        let mut ranges = Vec::with_capacity(n);
        // (About one token per four bytes of prose: room enough to fill without moving.)
        let mut toks: Vec<Tok> = Vec::with_capacity(region.len() / 4 + 16);
        for &sp in &spans {
            // A chunk whose bytes did not change since the last check takes the entry used at
            // its old place without hashing or comparing its text; else its text finds it.
            let (h, chunk) = match self.chunks.take_unchanged(sp, |_| true) {
                Some((h, c)) => (h, c.clone()),
                None => {
                    let text = sp.slice(prose);
                    let h = hash(text);
                    let chunk = match self.chunks.take(h, Some(sp), |c| *c.text == *text) {
                        Some(c) => c.clone(),
                        None => {
                            let toks = lex::tokenize(prose, sp)
                                .iter()
                                .map(|t| ((t.start - sp.start) as u32, (t.end - sp.start) as u32, t.kind))
                                .collect();
                            let c = Chunk { text: text.into(), toks };
                            // A hash collision with another chunk simply replaces that entry.
                            self.chunks.insert(h, Some(sp), c.clone());
                            c
                        }
                    };
                    (h, chunk)
                }
            };
            let first = toks.len();
            toks.extend(chunk.toks.iter().map(|&(s, e, kind)| Tok {
                kind,
                start: sp.start + s as usize,
                end: sp.start + e as usize,
            }));
            ranges.push((first, toks.len()));
            hashes.push(h);
            texts.push(chunk.text);
        }
        let p = P::new(prose, &toks);
        let mut cands = Vec::with_capacity(self.cands + 16);
        let mut tenses = Tenses::default();
        let mut stored = vec![None; n];
        let mut i = 0;
        for c in 0..n {
            let (first, end) = ranges[c];
            let start = spans[c].start;
            let (prev, next) = (c.checked_sub(1), (c + 1 < n).then_some(c + 1));
            let key = triple_hash(prev.map(|j| hashes[j]), hashes[c], next.map(|j| hashes[j]));
            let same = |a: &Option<Arc<str>>, b: Option<usize>| match (a, b) {
                (None, None) => true,
                (Some(a), Some(j)) => Arc::ptr_eq(a, &texts[j]),
                _ => false,
            };
            if i == first {
                let hit = self
                    .scans
                    .take(key, None, |e| Arc::ptr_eq(&e.own, &texts[c]) && same(&e.prev, prev) && same(&e.next, next));
                if let Some(e) = hit {
                    cands.extend(e.cands.iter().map(|(cand, a, b)| {
                        let mut cand = cand.clone();
                        shift_cand(&mut cand, start as isize);
                        (cand, a + first, b + first)
                    }));
                    tenses.known.extend(e.tenses.iter().map(|r| r.shifted(start as isize)));
                    self.stats.reused += 1;
                    i = end;
                    continue;
                }
            }
            self.stats.scanned += 1;
            let began = i;
            let before = cands.len();
            p.reset_seen();
            i = scan(&p, i, end, &mut cands);
            let (lo, hi) = p.seen();
            let read_nothing = lo > hi;
            let inside =
                read_nothing || (prev.is_none_or(|j| lo >= ranges[j].0) && next.is_none_or(|j| hi < ranges[j].1));
            if began == first && i == end && inside {
                let own = cands[before..]
                    .iter()
                    .map(|(cand, a, b)| {
                        let mut cand = cand.clone();
                        shift_cand(&mut cand, -(start as isize));
                        (cand, a - first, b - first)
                    })
                    .collect();
                let e = ScanEntry {
                    prev: prev.map(|j| texts[j].clone()),
                    own: texts[c].clone(),
                    next: next.map(|j| texts[j].clone()),
                    cands: own,
                    tenses: Vec::new(),
                };
                self.scans.insert(key, None, e);
                stored[c] = Some(key);
            }
        }
        self.chunks.end();
        self.chunks.end_uses();
        self.scans.end();
        self.cands = cands.len();
        // Ranges put their own record before their ends'; keep the lookup sorted regardless.
        tenses.known.sort_by_key(|r| r.date.start);
        Scanned { toks, cands, tenses, chunks: spans, stored }
    }

    /// Keep the tenses this check read for the chunks whose scan it stored: those of dates whose
    /// sentence lies inside the chunk.
    pub(crate) fn remember_tenses(&mut self, s: Scanned) {
        self.stats.tenses_reused = s.tenses.reused;
        for r in s.tenses.read {
            let c = s.chunks.partition_point(|sp| sp.end <= r.date.start);
            let (Some(sp), Some(Some(key))) = (s.chunks.get(c), s.stored.get(c)) else { continue };
            if sp.start <= r.sentence.start && r.sentence.end <= sp.end {
                if let Some(e) = self.scans.current_mut(*key) {
                    e.tenses.push(r.shifted(-(sp.start as isize)));
                }
            }
        }
    }
}

/// The chunks of `prose[region]`: each ends where a line follows one or more blank lines (only
/// spaces, tabs or `\r` before the `\n`), so each boundary lies after a line break.
fn chunks(prose: &str, region: Span) -> Vec<Span> {
    let b = prose.as_bytes();
    let end = region.end.min(b.len());
    let mut out = Vec::new();
    let mut start = region.start.min(end);
    let mut line = start;
    let mut after_blank = false;
    while line < end {
        let nl = memchr::memchr(b'\n', &b[line..end]).map(|k| line + k);
        let blank = nl.is_some_and(|k| b[line..k].iter().all(|c| matches!(c, b' ' | b'\t' | b'\r')));
        if !blank && after_blank && line > start {
            out.push(Span::new(start, line));
            start = line;
        }
        after_blank = blank;
        line = nl.map_or(end, |k| k + 1);
    }
    out.push(Span::new(start, end));
    out
}

fn hash(text: &str) -> u64 {
    let mut h = FxHasher::default();
    text.hash(&mut h);
    h.finish()
}

fn triple_hash(prev: Option<u64>, own: u64, next: Option<u64>) -> u64 {
    let mut h = FxHasher::default();
    (prev, own, next).hash(&mut h);
    h.finish()
}

/// Move every offset in `c` by `d`. The destructuring lists every field, so a new field that
/// holds an offset cannot be forgotten here: it fails to compile until it is handled.
fn shift_cand(c: &mut Cand, d: isize) {
    let Cand { expr, spec, ambiguous: _ } = c;
    shift_expr(expr, d);
    if let Spec::Range(a, b) = spec {
        shift_cand(a, d);
        shift_cand(b, d);
    }
}

/// Move every offset in `e` (and its range ends) by `d`, wrapping (so a shift and its inverse
/// always restore `e`).
pub(crate) fn shift_expr(e: &mut DateExpr, d: isize) {
    let sp = |s: &mut Span| *s = Span::new(s.start.wrapping_add_signed(d), s.end.wrapping_add_signed(d));
    let DateExpr {
        span,
        kind: _,
        value: _,
        date: _,
        label: _,
        precision: _,
        date_span,
        written,
        weekday,
        invalid: _,
        tense: _,
        tense_cue,
        in_quote: _,
        range,
    } = e;
    sp(span);
    sp(date_span);
    if let Some(Written {
        year: _,
        month: _,
        day: _,
        year_span,
        month_span,
        day_span,
        month_form: _,
        style: _,
        year_inferred: _,
    }) = written
    {
        for s in [year_span, month_span, day_span].into_iter().flatten() {
            sp(s);
        }
    }
    if let Some(StatedWeekday { weekday: _, span }) = weekday {
        sp(span);
    }
    if let Some(c) = tense_cue {
        sp(c);
    }
    if let Some(r) = range {
        let RangeEnds { first, second, reversed: _ } = &mut **r;
        shift_expr(first, d);
        shift_expr(second, d);
    }
}

/// Whether `a` with every offset moved by `d` (wrapping) equals `b`, without moving it. The
/// destructuring lists every field, so a new field cannot be left out of the comparison.
pub(crate) fn eq_shifted(a: &DateExpr, b: &DateExpr, d: isize) -> bool {
    let sp = |s: Span| Span::new(s.start.wrapping_add_signed(d), s.end.wrapping_add_signed(d));
    let DateExpr {
        span,
        kind,
        value,
        date,
        label,
        precision,
        date_span,
        written,
        weekday,
        invalid,
        tense,
        tense_cue,
        in_quote,
        range,
    } = a;
    let written_eq = match (written, &b.written) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            let Written { year, month, day, year_span, month_span, day_span, month_form, style, year_inferred } = x;
            *year == y.year
                && *month == y.month
                && *day == y.day
                && year_span.map(sp) == y.year_span
                && month_span.map(sp) == y.month_span
                && day_span.map(sp) == y.day_span
                && *month_form == y.month_form
                && *style == y.style
                && *year_inferred == y.year_inferred
        }
        _ => false,
    };
    let weekday_eq = match (weekday, &b.weekday) {
        (None, None) => true,
        (Some(StatedWeekday { weekday, span }), Some(y)) => *weekday == y.weekday && sp(*span) == y.span,
        _ => false,
    };
    let range_eq = match (range, &b.range) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            let RangeEnds { first, second, reversed } = &**x;
            *reversed == y.reversed && eq_shifted(first, &y.first, d) && eq_shifted(second, &y.second, d)
        }
        _ => false,
    };
    sp(*span) == b.span
        && *kind == b.kind
        && *value == b.value
        && *date == b.date
        && *label == b.label
        && *precision == b.precision
        && sp(*date_span) == b.date_span
        && written_eq
        && weekday_eq
        && *invalid == b.invalid
        && *tense == b.tense
        && tense_cue.map(sp) == b.tense_cue
        && *in_quote == b.in_quote
        && range_eq
}

/// Every span of `e` and of its range ends, passed to `f`. The destructuring lists every field,
/// so a new field that holds a span cannot be forgotten here.
pub(crate) fn each_span(e: &DateExpr, f: &mut dyn FnMut(Span)) {
    let DateExpr {
        span,
        kind: _,
        value: _,
        date: _,
        label: _,
        precision: _,
        date_span,
        written,
        weekday,
        invalid: _,
        tense: _,
        tense_cue,
        in_quote: _,
        range,
    } = e;
    f(*span);
    f(*date_span);
    if let Some(Written {
        year: _,
        month: _,
        day: _,
        year_span,
        month_span,
        day_span,
        month_form: _,
        style: _,
        year_inferred: _,
    }) = written
    {
        for s in [year_span, month_span, day_span].into_iter().flatten() {
            f(*s);
        }
    }
    if let Some(StatedWeekday { weekday: _, span }) = weekday {
        f(*span);
    }
    if let Some(c) = tense_cue {
        f(*c);
    }
    if let Some(r) = range {
        let RangeEnds { first, second, reversed: _ } = &**r;
        each_span(first, f);
        each_span(second, f);
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::dates::{recognise, recognise_with};
    use crate::document::{DocKind, Document, ParseMemo};

    /// The recognised dates of `text` with the memo and without, as text (they must be equal).
    fn both(text: &str, memo: &mut Memo) -> (String, String) {
        let doc = Document::parse(text, DocKind::Markdown, &[]);
        let reference = Some(date(2025, 3, 4));
        (format!("{:?}", recognise_with(&doc, reference, memo)), format!("{:?}", recognise(&doc, reference)))
    }

    const ARTICLE: &str = "# Council votes on Tuesday\n\n\
        The council met on 03/04/2025 and voted on Feb. 27. Two days later the mayor resigned.\n\n\
        Repairs will run from May 1 to May 9, officials said on Monday.\n\n\
        The bridge closed last week. It opened in 1998 and was rebuilt in the 1980s.\n\n\
        A hearing is set for next month.\n";

    #[test]
    fn an_edit_rescans_only_its_chunk_and_the_neighbours() {
        let mut memo = Memo::default();
        let (with, without) = both(ARTICLE, &mut memo);
        assert_eq!(with, without);
        assert!(with.contains("2025-05-01/2025-05-09"), "the range must be found: {with}");
        assert_eq!((memo.stats().reused, memo.stats().scanned), (0, 5));

        // The same text again: every chunk and every tense comes from the memo.
        assert_eq!(both(ARTICLE, &mut memo).0, with);
        assert_eq!((memo.stats().reused, memo.stats().scanned), (5, 0));
        assert!(memo.stats().tenses_reused >= 8, "{:?}", memo.stats());

        // A word in the fourth chunk: it and its neighbours are scanned again, and everything
        // after it moves by nine bytes.
        let edited = ARTICLE.replace("The bridge closed", "The old stone bridge closed");
        let (with, without) = both(&edited, &mut memo);
        assert_eq!(with, without);
        assert_eq!((memo.stats().reused, memo.stats().scanned), (2, 3));
        assert_eq!(memo.len(), 5);
    }

    #[test]
    fn edits_elsewhere_that_change_document_wide_readings_are_seen() {
        let mut memo = Memo::default();
        let (with, without) = both(ARTICLE, &mut memo);
        assert_eq!(with, without);
        // A day-first date in the last paragraph turns 03/04/2025 into the 3rd of April.
        // (Month-first dates with a day: Feb. 27, May 1, May 9; day-first ones must outnumber them.)
        let day_first = ARTICLE.replace("next month.", "on 14 March, 20 March, 21 March and 22 March.");
        let (with2, without2) = both(&day_first, &mut memo);
        assert_eq!(with2, without2);
        assert!(with.contains("2025-03-04") && with2.contains("2025-04-03"), "{with}\n{with2}");
        // Joining two paragraphs (the blank line goes) and a date across a blank line.
        for text in [
            ARTICLE.replace("resigned.\n\nRepairs", "resigned. Repairs"),
            ARTICLE.replace("A hearing is set for next month.", "The vote was in March\n\n2025 began well."),
            ARTICLE.replace("# Council", "---\ndate: 2025-03-01\n---\n\n# Council"),
            String::new(),
            ARTICLE.to_string(),
        ] {
            let (with, without) = both(&text, &mut memo);
            assert_eq!(with, without, "{text}");
        }
    }

    #[test]
    fn a_scan_that_read_past_its_neighbours_is_not_reused() {
        // "three" in the first chunk reads "days" in the second and the word in the third,
        // which makes it a date ("three days ago") or not; only the third chunk changes.
        let mut memo = Memo::default();
        for text in ["It took three\n\ndays\n\nlong to fix.\n", "It took three\n\ndays\n\nago to fix.\n"] {
            let (with, without) = both(text, &mut memo);
            assert_eq!(with, without, "{text}");
        }
    }

    #[test]
    fn chunks_end_after_blank_lines() {
        let text = "One.\nTwo.\n\nThree.\n \n\n# Four\n";
        let got: Vec<&str> = chunks(text, Span::new(0, text.len())).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["One.\nTwo.\n\n", "Three.\n \n\n", "# Four\n"]);
        assert_eq!(chunks("", Span::new(0, 0)), [Span::new(0, 0)]);
        // A region starting mid-text (after front matter) starts the first chunk.
        assert_eq!(chunks(text, Span::new(11, 18)), [Span::new(11, 18)]);
    }

    #[test]
    fn a_chunk_changed_at_its_first_or_last_byte_is_scanned_again() {
        // Parsed with a memo, so the date memo may take chunks by their place: unchanged bytes
        // start just after the first chunk's first byte, or end just before the last's last.
        let mut parses = ParseMemo::default();
        let mut memo = Memo::default();
        let reference = Some(date(2025, 3, 4));
        let mut dates = |text: &str| {
            let doc = Document::parse_with(text, DocKind::Markdown, &[], &mut parses);
            let with = format!("{:?}", recognise_with(&doc, reference, &mut memo));
            assert_eq!(with, format!("{:?}", recognise(&Document::parse(text, DocKind::Markdown, &[]), reference)));
            with
        };
        let a = dates("5 May 2024 was the vote.\n\nThe council met in 2019");
        let b = dates("6 May 2024 was the vote.\n\nThe council met in 2019");
        let c = dates("6 May 2024 was the vote.\n\nThe council met in 2018");
        assert!(a.contains("2024-05-05") && b.contains("2024-05-06") && !b.contains("2024-05-05"), "{a}\n{b}");
        assert!(b.contains("2019") && c.contains("2018") && !c.contains("2019"), "{b}\n{c}");
    }
}
