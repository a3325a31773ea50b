//! Per-sentence analyses remembered from one check of a document to the next.
//!
//! [`sentence::analyse`] is a pure function of the sentence's prose, the quotation spans over
//! it and the settings' extra word lists, and it is most of the attribution model's cost. A
//! language server re-checks the whole document on every keystroke, but a keystroke changes one
//! sentence: with a [`Memo`] every other sentence's [`Facts`] come back from the previous check.
//! Everything document-wide (carry-over, quotations, the rules) is still computed afresh, so the
//! result is the same as without the memo; `tests/properties.rs` checks that under random edits.
//!
//! *Invariants:*
//! - an entry is keyed by exactly what `analyse` reads: the sentence's prose and the quotation
//!   spans clipped to the sentence, both relative to the sentence start; the extra word lists
//!   are checked as a whole (a change empties the memo). The prose is compared in full, or known
//!   equal when every byte of the sentence lies in what the document has in common with the one
//!   the last check read (`text::generations`); the quotation spans are always compared;
//! - stored facts are relative to the sentence start and shifted on the way in and out;
//! - the memo holds only the sentences of the last check, so it never outgrows one document.
use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use super::facts::{AnonymousSource, Checkable, Facts, Found, VagueFix, VagueSource};
use super::speaker::{self, Speaker};
use crate::document::{Document, Quote, Settings};
use crate::text::Span;
use crate::text::generations::{Generations, Revision};

/// Remembered sentence analyses; see the module docs. One per document; `Default` is empty.
#[derive(Debug, Default)]
pub struct Memo {
    /// The extra word lists the entries were computed with.
    lists: Option<(Vec<String>, Vec<String>)>,
    entries: Generations<Entry>,
    /// The quotation marks' speaker tags.
    pub(crate) speakers: Speakers,
    stats: MemoStats,
}

/// How the last check used the memo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemoStats {
    /// Sentences whose analysis came from the memo.
    pub reused: usize,
    /// Sentences analysed afresh.
    pub analysed: usize,
}

#[derive(Debug)]
struct Entry {
    prose: Box<str>,
    quotes: Box<[(u32, u32)]>,
    /// Relative to the sentence start.
    facts: Facts,
}

impl Memo {
    /// Statistics of the last check that used this memo.
    pub fn stats(&self) -> MemoStats {
        self.stats
    }

    /// Number of remembered sentences.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Start a check of the document at `revision`: forget everything if the extra word lists
    /// changed.
    pub(crate) fn begin(&mut self, settings: &Settings, revision: &Revision) {
        let same = self
            .lists
            .as_ref()
            .is_some_and(|(v, k)| *v == settings.extra_vague_phrases && *k == settings.known_sources);
        if !same {
            self.entries.clear();
            self.lists = Some((settings.extra_vague_phrases.clone(), settings.known_sources.clone()));
        }
        // Whatever the last check used is now the previous generation (a check that used nothing
        // leaves the one before it in place).
        if !self.entries.current_is_empty() {
            self.entries.rotate();
        }
        self.entries.begin_uses(revision);
        self.stats = MemoStats::default();
    }

    /// End a check: drop the entries it did not use.
    pub(crate) fn end(&mut self) {
        self.entries.end();
        self.entries.end_uses();
    }

    /// The facts of the sentence at `span` of `prose`, from the memo or from `analyse`.
    pub(crate) fn get_or_analyse(
        &mut self,
        prose: &str,
        span: Span,
        quotes: &[Span],
        analyse: impl FnOnce() -> Facts,
    ) -> Facts {
        // A sentence whose prose did not change since the last check takes the entry used at
        // its old place without hashing or comparing the prose (the quotations over it are
        // still compared); else its key finds it.
        let same_quotes = |e: &Entry| e.quotes.iter().copied().eq(relative_quotes(span, quotes));
        let mut found = self.entries.take_unchanged(span, same_quotes).map(|(_, e)| e.facts.clone());
        let text = span.slice(prose);
        let mut h = 0;
        if found.is_none() {
            h = key_hash(text, span.start, quotes);
            found = self.entries.take(h, Some(span), |e| e.matches(text, span.start, quotes)).map(|e| e.facts.clone());
        }
        if let Some(mut f) = found {
            self.stats.reused += 1;
            shift(&mut f, span.start as isize);
            return f;
        }
        self.stats.analysed += 1;
        let facts = analyse();
        let mut rel = facts.clone();
        shift(&mut rel, -(span.start as isize));
        let quotes = relative_quotes(span, quotes).collect();
        // A hash collision with a different sentence simply replaces that entry.
        self.entries.insert(h, Some(span), Entry { prose: text.into(), quotes, facts: rel });
        facts
    }
}

/// The speaker tags of quotation marks (`speaker::speaker_of`), remembered by their place from
/// one check to the next. A tag reads the tokens of the sentences its quotation starts and ends
/// in and of the sentence after (when in the same block), and nothing else. A quotation whose
/// block lies wholly in the bytes the document has in common with the last checked one (text
/// and prose, `text::generations::Unchanged`) takes the tag found at its old place, shifted,
/// when the old quotation had the same span and closing, the old block the same span and the
/// sentences read the same spans (so the same tokens: a block's tokens are read from its prose
/// alone, and the spans decide which of them a sentence holds).
#[derive(Debug, Default)]
pub(crate) struct Speakers {
    /// The revision of the document the entries were made for.
    revision: Option<u64>,
    /// The last check's entries, by quotation start.
    entries: Vec<SpeakerEntry>,
    /// Tags taken from the memo by the last check.
    pub reused: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct SpeakerEntry {
    quote: Span,
    closed: bool,
    block: Span,
    /// The spans of the sentences the tag read: the one the quotation starts in, the one it
    /// ends in and the one after that in the same block (when it is closed).
    read: [Option<Span>; 3],
    speaker: Option<Speaker>,
}

impl Speakers {
    /// `speaker::speakers(doc)`, each quotation mark's own tag from the memo where it can be.
    pub(crate) fn speakers(&mut self, doc: &Document) -> Vec<Option<Speaker>> {
        let unchanged = doc.revision.unchanged_since(self.revision);
        let old = std::mem::take(&mut self.entries);
        let mut entries = Vec::with_capacity(old.len());
        let mut reused = 0;
        let out = speaker::speakers_with(doc, |q| {
            let Some(key) = entry_of(doc, q) else { return speaker::speaker_of(doc, q) };
            let remembered = unchanged.and_then(|u| {
                let moved = |s: Span| u.old_span(s);
                let old_key = SpeakerEntry {
                    quote: moved(q.span)?,
                    block: moved(key.block)?,
                    read: [
                        key.read[0].map(moved).unwrap_or(None),
                        key.read[1].map(moved).unwrap_or(None),
                        key.read[2].map(moved).unwrap_or(None),
                    ],
                    ..key
                };
                if key.read.iter().zip(&old_key.read).any(|(new, old)| new.is_some() != old.is_some()) {
                    return None;
                }
                let k = old.partition_point(|e| e.quote.start < old_key.quote.start);
                let e = old.get(k).filter(|e| SpeakerEntry { speaker: None, ..**e } == old_key)?;
                let d = q.span.start as isize - old_key.quote.start as isize;
                let at = |s: Span| Span::new(s.start.wrapping_add_signed(d), s.end.wrapping_add_signed(d));
                Some(e.speaker.as_ref().map(|sp| Speaker { name: at(sp.name), verb: at(sp.verb) }))
            });
            let speaker = match remembered {
                Some(sp) => {
                    reused += 1;
                    sp
                }
                None => speaker::speaker_of(doc, q),
            };
            entries.push(SpeakerEntry { speaker: speaker.clone(), ..key });
            speaker
        });
        self.entries = entries;
        self.revision = doc.revision.id();
        self.reused = reused;
        out
    }
}

/// A quotation mark's entry without its tag, when all the tag reads lies in its block.
fn entry_of(doc: &Document, q: &Quote) -> Option<SpeakerEntry> {
    let start = doc.sentences.get(q.sentence)?;
    let block = doc.blocks.get(start.block)?.span;
    let mut read = [Some(start.span), None, None];
    if q.closed {
        let s = speaker::sentence_index(doc, q.span.end.saturating_sub(1));
        let end = doc.sentences.get(s).filter(|e| e.block == start.block)?;
        read[1] = Some(end.span);
        read[2] = doc.sentences.get(s + 1).filter(|n| n.block == start.block).map(|n| n.span);
    }
    Some(SpeakerEntry { quote: q.span, closed: q.closed, block, read, speaker: None })
}

impl Entry {
    fn matches(&self, text: &str, start: usize, quotes: &[Span]) -> bool {
        let span = Span::new(start, start + text.len());
        *self.prose == *text && self.quotes.iter().copied().eq(relative_quotes(span, quotes))
    }
}

/// The quotation spans as `analyse` sees them: clipped to the sentence (a token inside the
/// sentence is inside a quotation exactly when it is inside the clipped quotation), relative to
/// its start, empty ones dropped.
fn relative_quotes(span: Span, quotes: &[Span]) -> impl Iterator<Item = (u32, u32)> + '_ {
    quotes.iter().filter_map(move |q| {
        let a = q.start.max(span.start);
        let b = q.end.min(span.end);
        (a < b).then(|| ((a - span.start) as u32, (b - span.start) as u32))
    })
}

fn key_hash(text: &str, start: usize, quotes: &[Span]) -> u64 {
    // Fx: fast, and a collision costs only a miss (entries compare the text itself).
    let mut h = FxHasher::default();
    text.hash(&mut h);
    for q in relative_quotes(Span::new(start, start + text.len()), quotes) {
        q.hash(&mut h);
    }
    h.finish()
}

/// Move every offset in `f` by `d`. The destructuring lists every field, so a new field that
/// holds an offset cannot be forgotten here: it fails to compile until it is handled.
fn shift(f: &mut Facts, d: isize) {
    let at = |o: &mut usize| *o = o.wrapping_add_signed(d);
    let sp = |s: &mut Span| {
        at(&mut s.start);
        at(&mut s.end);
    };
    let Facts {
        found,
        vague,
        anonymous,
        checkable,
        question: _,
        colon_end: _,
        continuation: _,
        anon_verbs,
        names_someone: _,
        attributions,
    } = f;
    if let Some(Found { how: _, source, verb, pronoun: _, proper: _ }) = found {
        sp(source);
        if let Some(v) = verb {
            sp(v);
        }
    }
    for VagueSource { span, fix } in vague {
        sp(span);
        match fix {
            VagueFix::Subject(s) | VagueFix::Source(s) | VagueFix::Rewrite(s) => sp(s),
            VagueFix::Prefix => {}
        }
    }
    for AnonymousSource { span, insert_at, reason_given: _ } in anonymous {
        sp(span);
        at(insert_at);
    }
    if let Some(Checkable { kind: _, cue }) = checkable {
        sp(cue);
    }
    for v in anon_verbs {
        at(v);
    }
    for a in attributions {
        for x in [&mut a.source, &mut a.head, &mut a.content].into_iter().flatten() {
            sp(x);
        }
        sp(&mut a.cue);
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, Settings};
    use crate::engine::{Memo, check_document, check_document_with, parse_document_with};

    fn settings() -> Settings {
        Settings { today: Some(jiff::civil::date(2025, 3, 4)), ..Settings::default() }
    }

    /// Findings, reference and timeline of a check, for comparing two reports.
    fn summary(text: &str, settings: &Settings, memo: Option<&mut Memo>) -> String {
        let doc = Document::parse(text, settings.kind, &settings.extra_abbreviations);
        let r = match memo {
            Some(m) => check_document_with(&doc, settings, m),
            None => check_document(&doc, settings),
        };
        format!("{:?}\n{:?}\n{:?}", r.findings, r.reference, r.dates)
    }

    /// [`summary`] of a document parsed with the memo (so its checks may take sentences by
    /// their place in the last one), after checking that it equals a fresh check's.
    fn revised(text: &str, settings: &Settings, memo: &mut Memo) -> String {
        let doc = parse_document_with(text, settings, memo);
        let r = check_document_with(&doc, settings, memo);
        let with = format!("{:?}\n{:?}\n{:?}", r.findings, r.reference, r.dates);
        assert_eq!(with, summary(text, settings, None), "{text}");
        with
    }

    /// The quotations' attribution of `text` with the memos and without (they must be equal),
    /// and how many speaker tags came from the memo.
    fn quotes(text: &str, parse: &mut crate::document::ParseMemo, memo: &mut super::Memo) -> (String, usize) {
        let s = settings();
        let doc = Document::parse_with(text, s.kind, &[], parse);
        let with = crate::attribution::AttributionModel::build_with(&doc, &s, Some(memo));
        let fresh = crate::attribution::AttributionModel::build(&Document::parse(text, s.kind, &[]), &s);
        assert_eq!(format!("{:?}", with.quotes), format!("{:?}", fresh.quotes), "{text}");
        (format!("{:?}", with.quotes), memo.speakers.reused)
    }

    #[test]
    fn speaker_tags_are_taken_by_place_only_where_nothing_they_read_changed() {
        let text = "\"We are done,\" said Maria Ortiz. The board agreed.\n\n\
            The vote was close.\n\n\
            \"It will hold,\" the engineer told reporters, \"for a decade.\"\n\n\
            Ruiz said: \"No.\"\n";
        let (mut parse, mut memo) = Default::default();
        let (first, n) = quotes(text, &mut parse, &mut memo);
        assert_eq!(n, 0);
        assert!(first.contains("speaker: Some"), "{first}");
        // A word typed in the paragraph between: every tag is taken over, shifted.
        let typed = text.replace("was close", "was very close");
        assert_eq!(quotes(&typed, &mut parse, &mut memo).1, 4);
        // The tag's own paragraph: its quotation is read again (and now has another speaker).
        let renamed = typed.replace("said Maria Ortiz", "said Ana Ruiz");
        let (q, n) = quotes(&renamed, &mut parse, &mut memo);
        assert_eq!(n, 3);
        assert_ne!(q, first);
        // The sentence after a quotation split off (it reads that sentence's span): read again.
        let split = renamed.replace("Ruiz. The board", "Ruiz. The. Board");
        assert_eq!(quotes(&split, &mut parse, &mut memo).1, 3);
        // A document parsed without being checked breaks the chain of revisions: nothing is
        // taken by place.
        let _ = Document::parse_with(text, settings().kind, &[], &mut parse);
        assert_eq!(quotes(&split, &mut parse, &mut memo).1, 0);
    }

    const ARTICLE: &str = "Experts say the bridge is the longest in the state.\n\n\
        The council voted on Tuesday. Ortiz said the repairs cost $4 million, \"more than we hoped.\"\n\n\
        She added that the work was the fastest ever. Also, traffic fell 30 percent.\n\n\
        A senior official said the plan would fail.\n";

    #[test]
    fn an_edit_reanalyses_only_the_sentence_it_touches() {
        let s = settings();
        let mut memo = Memo::default();
        let first = summary(ARTICLE, &s, Some(&mut memo));
        assert_eq!(first, summary(ARTICLE, &s, None));
        let n = memo.stats().analysed;
        assert_eq!((memo.stats().reused, n), (0, 6), "six sentences, all new");
        assert_eq!(memo.len(), 6);

        // Same text again: everything comes from the memo.
        assert_eq!(summary(ARTICLE, &s, Some(&mut memo)), first);
        assert_eq!((memo.stats().reused, memo.stats().analysed), (6, 0));

        // One word changes in the third paragraph; everything after it moves by five bytes.
        let edited = ARTICLE.replace("the fastest ever", "the very fastest ever");
        let with_memo = summary(&edited, &s, Some(&mut memo));
        assert_eq!(with_memo, summary(&edited, &s, None));
        assert_eq!((memo.stats().reused, memo.stats().analysed), (5, 1));
        // The memo keeps only the sentences of the last check.
        assert_eq!(memo.len(), 6);
    }

    #[test]
    fn repeated_sentences_share_an_entry() {
        let s = settings();
        let mut memo = Memo::default();
        let text = "Experts say it failed. Experts say it failed.\n\nShe said it failed.\n";
        assert_eq!(summary(text, &s, Some(&mut memo)), summary(text, &s, None));
        assert_eq!((memo.stats().reused, memo.stats().analysed), (1, 2));
        assert_eq!(memo.len(), 2);
    }

    #[test]
    fn the_same_words_under_a_different_quotation_are_analysed_again() {
        let s = settings();
        let mut memo = Memo::default();
        // The second sentence is identical in both texts, but only in the first does the
        // quotation opened in the sentence before run over it.
        let quoted = "Ortiz said: \"The bridge failed. Repairs cost 40 percent more.\"\n";
        // (The nickname's marks come first, so the last mark is not an orphan closing one.)
        let bare = "\"Ortiz\" said: The bridge failed. Repairs cost 40 percent more.\"\n";
        let a = summary(quoted, &s, Some(&mut memo));
        assert_eq!(a, summary(quoted, &s, None));
        let b = summary(bare, &s, Some(&mut memo));
        assert_eq!(b, summary(bare, &s, None));
        assert_eq!((memo.stats().reused, memo.stats().analysed), (0, 2));
        assert_ne!(a.lines().next(), b.lines().next(), "the quotation must matter to the findings");
    }

    #[test]
    fn changed_word_lists_empty_the_memo() {
        let mut s = settings();
        let mut memo = Memo::default();
        let text = "Word around town is the mayor will resign. The budget grew 4 percent.\n";
        let before = summary(text, &s, Some(&mut memo));
        s.extra_vague_phrases = vec!["word around town".into()];
        let after = summary(text, &s, Some(&mut memo));
        assert_eq!((memo.stats().reused, memo.stats().analysed), (0, 2));
        assert_eq!(after, summary(text, &s, None));
        assert_ne!(before, after, "the extra phrase must change the findings");
        s.known_sources = vec!["the mayor".into()];
        assert_eq!(summary(text, &s, Some(&mut memo)), summary(text, &s, None));
        assert_eq!(memo.stats().reused, 0);
    }

    #[test]
    fn an_unchanged_sentence_under_a_quotation_opened_by_an_edit_is_analysed_again() {
        let s = settings();
        let mut memo = Memo::default();
        // The second sentence, and the closing mark after it, are the same bytes at the end of
        // both texts; only in the first is it inside a quotation.
        let quoted = "Ortiz said: \"The bridge failed. Repairs cost 40 percent more.\"\n";
        let bare = "\"Ortiz\" said: The bridge failed. Repairs cost 40 percent more.\"\n";
        let a = revised(quoted, &s, &mut memo);
        let b = revised(bare, &s, &mut memo);
        assert_eq!((memo.stats().reused, memo.stats().analysed), (0, 2));
        assert_ne!(a.lines().next(), b.lines().next(), "the quotation must matter to the findings");
        assert_eq!(revised(quoted, &s, &mut memo), a);
    }

    #[test]
    fn a_sentence_changed_at_its_last_byte_is_analysed_again() {
        let s = settings();
        let mut memo = Memo::default();
        // A claim, then a question (which claims nothing).
        let text = "The bridge is the longest in the state.\n\nThe council met.\n";
        let question = text.replace("state.", "state?");
        let a = revised(text, &s, &mut memo);
        let b = revised(&question, &s, &mut memo);
        assert_eq!((memo.stats().reused, memo.stats().analysed), (1, 1));
        assert!(a.contains("claim/unsourced") && !b.contains("claim/unsourced"), "{a}\n{b}");
    }

    #[test]
    fn sentences_are_taken_by_place_only_from_the_check_of_the_revision_before() {
        let s = settings();
        let mut memo = Memo::default();
        // The first sentences have the same span; the memo's last check saw the first text,
        // but the document was parsed again (the second text) before the third is checked,
        // which differs from the second only after the first sentence.
        let vague = "Experts said the bridge failed.\n";
        let named = "Gonzalo said the bridge failed.\n";
        let a = revised(vague, &s, &mut memo);
        let _ = parse_document_with(named, &s, &mut memo);
        let c = revised(&format!("{named}\nThe council met.\n"), &s, &mut memo);
        assert_ne!(a.lines().next(), c.lines().next(), "the source must matter to the findings");
    }
}
