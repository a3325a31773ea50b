//! The attribution model: for each sentence, what (if anything) attributes it, which of its
//! sources are vague or anonymous, and what checkable content it asserts; for each quotation,
//! whether a speaker is given and whether it speaks of its speaker in the third person.
//!
//! Built once per check by [`AttributionModel::build`] and shared by the `attribution/*` and
//! `claim/*` rules (and the language server's hover). Pure: text and settings in, facts out.
//!
//! # What attributes a sentence
//! * a source with a reporting verb, either order, with titles and appositives ("Ortiz said",
//!   "said Maria Ortiz, the budget director", "the agency said in a report"). Any subject that
//!   is not vague and not an anonymous formula counts: proper names, pronouns, organisations
//!   ("the authority", "police"), documents ("the memo says"). Evidence verbs ("shows",
//!   "found", "indicates") count only with a named, document or organisation subject;
//! * "according to <source>" with a source that is not vague, "(Source: ...)" and `Source:` lines;
//! * a Markdown link or footnote reference in the sentence;
//! * a known source from the settings anywhere in the sentence;
//! * an anonymous source whose anonymity is explained in the sentence;
//! * being inside an attributed quotation (all its sentences are attributed to its speaker);
//! * carry-over (below).
//!
//! # How far carry-over reaches
//! A sentence whose own source is only a pronoun ("she added", "it said") inherits the source of
//! the nearest attributed sentence before it in the same paragraph, or the last sentence of the
//! previous paragraph. A sentence with no source of its own is carried over only when it opens
//! with a continuation cue ("Also,", "In addition,", "Moreover,") and the sentence right before
//! it, in the same paragraph, is attributed. Carry-over chains sentence by sentence and never
//! crosses a heading or a paragraph boundary on its own: a new paragraph needs its own source.
//!
//! # Quotations
//! A quotation is attributed when a speaker tag is next to it ([`speaker`]), when its sentence has a source
//! outside the quotation marks, when the sentence before it in the same paragraph has one
//! (or ends with a colon after one, across a paragraph break: block quotes), when the sentence
//! after it in the same paragraph has one, or when it belongs to a multi-paragraph quotation
//! that is attributed.
pub(crate) mod claim;
mod closed;
pub(crate) mod extract;
mod facts;
mod fold;
pub mod ledger;
pub(crate) mod lists;
mod memo;
pub(crate) mod sentence;
pub mod speaker;
pub(crate) mod tokens;

use crate::document::{Document, Settings};
use crate::text::Span;
pub use extract::{Attribution, SourceKind};
use facts::Facts;
pub use facts::{AnonymousSource, Checkable, ClaimKind, How, VagueFix, VagueSource};
pub use memo::{Memo, MemoStats};
use sentence::Extras;

/// Per-sentence attribution, indexed like [`Document::sentences`], and per-quotation facts,
/// indexed like [`Document::quotes`].
#[derive(Clone, Debug, Default)]
pub struct AttributionModel {
    pub sentences: Vec<SentenceAttribution>,
    pub quotes: Vec<QuoteAttribution>,
    /// Every attribution in the article, in order, pronoun sources resolved: the source ledger's
    /// input ([`ledger::sources`]).
    pub cited: Vec<ledger::Cited>,
    /// Sentences whose analysis panicked (a bug): each left without attributions, the rest of
    /// the article analysed as usual. The engine reports them as internal errors.
    pub failed: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceAttribution {
    /// Attributed to a named source, a citation, an attributed quotation or by carry-over.
    pub attributed: bool,
    /// How, when attributed.
    pub how: Option<How>,
    /// The source's words ("Maria Ortiz", "the authority's incident log"), when there are any.
    pub source: Option<Span>,
    /// The reporting verb ("said"), when there is one.
    pub verb: Option<Span>,
    /// Vague sources ("Experts suggest", "it is believed").
    pub vague: Vec<VagueSource>,
    /// Anonymous sources, with or without a stated reason.
    pub anonymous: Vec<AnonymousSource>,
    /// The first checkable assertion outside quotation marks (statistic, superlative, ...).
    pub checkable: Option<Checkable>,
    /// Ends with a question mark.
    pub question: bool,
    /// Lies wholly inside a quotation.
    pub quoted: bool,
    /// Holds a Markdown link or a footnote reference: whatever else its attributions say, the
    /// writer cites a source for it.
    pub cited: bool,
}

impl SentenceAttribution {
    /// A vague source, or an anonymous one with no reason: the sentence has a source problem.
    pub fn has_source_problem(&self) -> bool {
        !self.vague.is_empty() || self.anonymous.iter().any(|a| !a.reason_given)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteAttribution {
    /// A speaker is given (tag, sentence or adjacent sentence).
    pub attributed: bool,
    /// The speaker's words next to the quotation ("he" in `he remarked, "..."`), when found.
    pub speaker: Option<Span>,
    /// Inside another quotation.
    pub nested: bool,
    /// Short enough to be a scare quote or a partial quotation (four words or fewer).
    pub short: bool,
    /// Looks like a title (every significant word capitalised).
    pub title: bool,
    /// The quoted words speak of the speaker in the third person: where that happens.
    pub third_person: Option<Span>,
}

impl AttributionModel {
    pub fn build(doc: &Document, settings: &Settings) -> AttributionModel {
        Self::build_with(doc, settings, None)
    }

    /// [`build`](Self::build), taking unchanged sentences' analyses from `memo` (and leaving
    /// this check's in it). The result is the same as without a memo.
    pub fn build_with(doc: &Document, settings: &Settings, mut memo: Option<&mut Memo>) -> AttributionModel {
        let extras = Extras {
            vague: (!settings.extra_vague_phrases.is_empty()).then(|| lists::automaton(&settings.extra_vague_phrases)),
            known: (!settings.known_sources.is_empty()).then(|| lists::automaton(&settings.known_sources)),
        };
        let text = doc.text;
        let prose = doc.prose.as_str();
        let ns = doc.sentences.len();
        // Quotation spans per sentence, by a linear sweep (quotes are sorted by start).
        let mut qspans: Vec<Vec<Span>> = vec![Vec::new(); ns];
        {
            let mut first = 0;
            for (i, s) in doc.sentences.iter().enumerate() {
                while first < doc.quotes.len() && doc.quotes[first].span.end <= s.span.start {
                    first += 1;
                }
                let mut k = first;
                while k < doc.quotes.len() && doc.quotes[k].span.start < s.span.end {
                    if doc.quotes[k].span.overlaps(s.span) {
                        qspans[i].push(doc.quotes[k].span);
                    }
                    k += 1;
                }
            }
        }
        if let Some(m) = memo.as_deref_mut() {
            m.begin(settings, &doc.revision);
        }
        let mut facts: Vec<Facts> = Vec::with_capacity(ns);
        let mut cited_v: Vec<bool> = Vec::with_capacity(ns);
        let mut failed = Vec::new();
        for (i, s) in doc.sentences.iter().enumerate() {
            // A bug in the grammar costs its sentence, not the article: the panic is caught here
            // and the sentence left without attributions.
            let mut analyse = || {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    sentence::analyse(prose, s.span, &qspans[i], &extras)
                }))
                .unwrap_or_else(|panic| {
                    let what = crate::text::panic_message(panic.as_ref());
                    failed.push(format!("bytes {}..{}: {what}", s.span.start, s.span.end));
                    Facts::default()
                })
            };
            let mut f = match memo.as_deref_mut() {
                Some(m) => m.get_or_analyse(prose, s.span, &qspans[i], analyse),
                None => analyse(),
            };
            let raw = s.span.slice(text);
            let cites = s.cites || cites_marker(raw);
            cited_v.push(cites);
            if cites {
                // A cited document is a named one: "according to [a staff memo](...)".
                for a in f.attributions.iter_mut().filter(|a| a.document && a.kind == SourceKind::Vague) {
                    a.kind = SourceKind::Named;
                    if let Some(src) = a.source {
                        f.vague.retain(|v| !v.span.overlaps(src));
                    }
                }
            }
            if cites && f.found.is_none_or(|x| x.pronoun) {
                f.found = Some(facts::Found {
                    how: How::Citation,
                    source: s.span,
                    verb: None,
                    pronoun: false,
                    proper: false,
                });
            }
            facts.push(f);
        }
        if let Some(m) = memo.as_deref_mut() {
            m.end();
        }
        let mut cited: Vec<ledger::Cited> = facts
            .iter()
            .enumerate()
            .flat_map(|(i, f)| {
                f.attributions.iter().map(move |&a| ledger::Cited { attribution: a, sentence: i, refers_to: None })
            })
            .collect();
        ledger::resolve(text, &mut cited);
        // The vague and anonymous sources move into the model (nothing below reads them in `facts`).
        let mut out: Vec<SentenceAttribution> = facts
            .iter_mut()
            .zip(&doc.sentences)
            .zip(&qspans)
            .zip(cited_v)
            .map(|(((f, s), qs), cited)| SentenceAttribution {
                attributed: f.found.is_some(),
                how: f.found.map(|x| x.how),
                source: f.found.map(|x| x.source),
                verb: f.found.and_then(|x| x.verb),
                vague: std::mem::take(&mut f.vague),
                anonymous: std::mem::take(&mut f.anonymous),
                checkable: f.checkable,
                question: f.question,
                quoted: qs.iter().any(|q| q.start <= s.span.start && s.span.end <= q.end + 1),
                cited,
            })
            .collect();

        // Carry-over. A pronoun's antecedent is the nearest earlier sentence, in this block or the
        // one before, attributed by a name (not a citation, not itself a pronoun). Blocks only grow
        // with the sentence index, so that is the last such sentence seen if it is close enough:
        // tracked as we go instead of searched backwards (which was quadratic in a long paragraph).
        // The writer and the reader ("I strongly support ...", "we've added ...", "you said")
        // are no one's antecedent, and their own "we" refers back to no one.
        let writer =
            |out: &[SentenceAttribution], j: usize| out[j].source.is_some_and(|src| opens_with_writer(text, src));
        let antecedent = |out: &[SentenceAttribution], j: usize| {
            out[j].attributed
                && out[j].how != Some(How::Citation)
                && !facts[j].found.is_some_and(|x| x.pronoun)
                && !writer(out, j)
        };
        let mut last_antecedent = (ns > 0 && antecedent(&out, 0)).then_some(0);
        for i in 1..ns {
            let same_block = doc.sentences[i - 1].block == doc.sentences[i].block;
            let pronoun = facts[i].found.is_some_and(|x| x.pronoun) && !writer(&out, i);
            if pronoun {
                let block = doc.sentences[i].block;
                let prev = last_antecedent.filter(|&j| doc.sentences[j].block + 1 >= block);
                if let Some(j) = prev {
                    out[i].how = Some(How::CarryOver);
                    out[i].source = out[j].source;
                }
            } else if !out[i].attributed && facts[i].continuation && same_block && out[i - 1].attributed {
                out[i].attributed = true;
                out[i].how = Some(How::CarryOver);
                out[i].source = out[i - 1].source;
            }
            if antecedent(&out, i) {
                last_antecedent = Some(i);
            }
        }

        // Quotations.
        let named = |j: usize| facts[j].found.is_some_and(|x| x.verb.is_some() || x.how == How::AccordingTo);
        // Across a paragraph break only a person or a name carries a quotation: "Ruiz said ...".
        let proper = |j: usize| facts[j].found.is_some_and(|x| x.verb.is_some() && x.proper);
        let speakers = match memo {
            Some(m) => m.speakers.speakers(doc),
            None => speaker::speakers(doc),
        };
        let mut quotes: Vec<QuoteAttribution> = Vec::with_capacity(doc.quotes.len());
        for (qi, q) in doc.quotes.iter().enumerate() {
            let nested =
                doc.quotes[..qi].iter().rev().take(8).any(|o| o.span.contains_span(q.span) && o.span != q.span);
            let inner = q.inner.slice(text);
            // The first 13 words tell both (a quotation runs to hundreds of words).
            let (mut words, mut long, mut capitalised) = (0, 0, true);
            for w in inner.split_whitespace().take(13) {
                words += 1;
                if w.len() > 3 {
                    long += 1;
                    capitalised &= w.chars().next().is_some_and(char::is_uppercase);
                }
            }
            let short = words <= 4;
            let title = words > 0
                && words <= 12
                && capitalised
                && long >= 2
                && !inner.trim_end().ends_with(['.', ',', '?', '!']);
            let first = doc.sentence_at(q.span.start).unwrap_or(q.sentence.min(ns.saturating_sub(1)));
            let last = doc.sentence_at(q.span.end.saturating_sub(1)).unwrap_or(first);
            let mut attributed = speakers[qi].is_some();
            if ns > 0 {
                attributed = attributed || (first..=last).any(&named);
                let block = |j: usize| doc.sentences[j].block;
                if !attributed && first > 0 {
                    let p = first - 1;
                    // "Ruiz read a statement to the court:" introduces what follows, whatever the verb.
                    let intro = facts[p].colon_end && (named(p) || facts[p].names_someone);
                    let same = block(p) == block(first) && (named(p) || intro || quote_attributed_in(&quotes, doc, p));
                    let before =
                        block(p) + 1 == block(first) && (intro || proper(p) || quote_tagged_in(&quotes, doc, p));
                    attributed = same || before;
                }
                // The next sentence: in the same paragraph, or anywhere after an unclosed quotation.
                if !attributed && last + 1 < ns && (block(last + 1) == block(last) || !q.closed) && named(last + 1) {
                    attributed = true;
                }
            }
            let tagged = speakers[qi].as_ref().map(|s| s.name);
            // A role ("the director") gives way to the name in apposition when there is one.
            let role = tagged.is_some_and(|s| s.slice(text).starts_with(char::is_lowercase));
            let speaker = match tagged {
                Some(s) if !role => Some(s),
                _ => speaker_next_to(doc, q.span).or(tagged),
            };
            let third_person = speaker.and_then(|sp| third_person(text, sp, q.inner));
            quotes.push(QuoteAttribution { attributed, speaker, nested, short, title, third_person });
        }
        // Multi-paragraph quotations share their attribution.
        let mut k = 0;
        while k < doc.quotes.len() {
            let mut e = k;
            while e + 1 < doc.quotes.len() && !doc.quotes[e].closed {
                e += 1;
            }
            if e > k && quotes[k..=e].iter().any(|q| q.attributed) {
                for q in &mut quotes[k..=e] {
                    q.attributed = true;
                }
            }
            k = e + 1;
        }
        // Sentences inside attributed quotations are attributed to the speaker.
        for (qi, q) in doc.quotes.iter().enumerate() {
            if !quotes[qi].attributed {
                continue;
            }
            for (i, s) in doc.sentences.iter().enumerate().skip(q.sentence.min(ns)) {
                if s.span.start >= q.span.end {
                    break;
                }
                if q.span.start <= s.span.start && s.span.end <= q.span.end + 1 && !out[i].attributed {
                    out[i].attributed = true;
                    out[i].how = Some(How::Quotation);
                    out[i].source = quotes[qi].speaker;
                }
            }
        }
        AttributionModel { sentences: out, quotes, cited, failed }
    }
}

/// Whether `raw` holds `[^` (a footnote reference) or `](` (a link): `raw.contains("[^") ||
/// raw.contains("](")`, in one pass that stops only at brackets (a substring search per marker
/// and sentence cost more than the rest of a remembered sentence's lookup).
fn cites_marker(raw: &str) -> bool {
    let b = raw.as_bytes();
    memchr::memchr2_iter(b'[', b']', b).any(|i| matches!((b[i], b.get(i + 1)), (b'[', Some(b'^')) | (b']', Some(b'('))))
}

/// A quotation with a speaker next to it starts in `sentence`.
fn quote_tagged_in(done: &[QuoteAttribution], doc: &Document, sentence: usize) -> bool {
    quotes_starting_in(done, doc, sentence).any(|i| done[i].attributed && done[i].speaker.is_some())
}

fn quote_attributed_in(done: &[QuoteAttribution], doc: &Document, sentence: usize) -> bool {
    quotes_starting_in(done, doc, sentence).any(|i| done[i].attributed)
}

/// Indices (below `done.len()`) of the quotations that start inside `sentence`: the quotations are
/// sorted by start, so two binary searches instead of a scan of every quotation per sentence
/// (which made the model quadratic on quotation-heavy text).
fn quotes_starting_in(done: &[QuoteAttribution], doc: &Document, sentence: usize) -> std::ops::Range<usize> {
    let Some(s) = doc.sentences.get(sentence).map(|s| s.span) else { return 0..0 };
    let lo = doc.quotes.partition_point(|q| q.span.start < s.start);
    let hi = doc.quotes.partition_point(|q| q.span.start < s.end);
    lo.min(done.len())..hi.min(done.len())
}

/// The speaker next to a quotation: `he remarked, "…"` or `"…," said Ortiz` / `"…," Ortiz said`.
fn speaker_next_to(doc: &Document, q: Span) -> Option<Span> {
    let text = doc.prose.as_str();
    let before = &text[..q.start];
    let words_before: Vec<(usize, &str)> = last_words(before, 3);
    // `<speaker> <verb>,` right before the opening mark.
    if words_before.len() >= 2 {
        let (_, v) = words_before[words_before.len() - 1];
        let (ss, sname) = words_before[words_before.len() - 2];
        if crate::document::lexicon::is_reporting_verb(v) && is_person_word(sname) {
            return Some(Span::new(ss, ss + sname.len()));
        }
    }
    // After the closing mark: `said Ortiz` or `Ortiz said`.
    let after = &text[q.end..];
    let mut it = first_words(after, 2, q.end).into_iter();
    if let (Some((a0, w0)), Some((a1, w1))) = (it.next(), it.next()) {
        if crate::document::lexicon::is_reporting_verb(w0) && is_person_word(w1) {
            return Some(name_from(text, a1));
        }
        // `said the chief executive, Dr. Ana Ruiz`: the name in apposition.
        if crate::document::lexicon::is_reporting_verb(w0) && matches!(w1, "the" | "its" | "their" | "his" | "her") {
            // At most 80 bytes, cut back to a char boundary (a fuzzer found the cut inside a dash;
            // `str::floor_char_boundary` is newer than our minimum Rust version).
            let mut cut = text.len().min(a1 + 80);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let rest = &text[a1..cut];
            let stop = rest.find(['.', ';', '"', '“', '”', '\n']).unwrap_or(rest.len());
            if let Some(c) = rest[..stop].find(", ")
                && rest[..c].split_whitespace().skip(1).all(|w| w.chars().next().is_some_and(char::is_lowercase))
                && rest[c + 2..].starts_with(char::is_uppercase)
            {
                return Some(name_from(text, a1 + c + 2));
            }
        }
        if crate::document::lexicon::is_reporting_verb(w1) && is_person_word(w0) {
            return Some(Span::new(a0, a0 + w0.len()));
        }
    }
    None
}

/// A capitalised name starting at `start`, with titles: "Dr. Ana Ruiz-Lopez" (stops at a comma,
/// a lowercase word or the end of the sentence).
fn name_from(text: &str, start: usize) -> Span {
    let mut end = start;
    let mut at = start;
    let rest = &text[start..];
    for w in rest.split(' ') {
        let word = w.trim_end_matches([',', ';', ':', '.', '!', '?', '"', '”', '’']);
        if word.is_empty() || !word.starts_with(char::is_uppercase) {
            break;
        }
        let title = w.ends_with('.') && word.len() <= 4;
        end = at + word.len();
        at += w.len() + 1;
        if !title && w.len() != word.len() {
            break; // "Ruiz," or "Ruiz." ends the name
        }
    }
    Span::new(start, end.max(start))
}

fn is_person_word(w: &str) -> bool {
    matches!(w.to_ascii_lowercase().as_str(), "he" | "she" | "they") || w.chars().next().is_some_and(char::is_uppercase)
}

fn word_chars(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// The last `k` words of `s` (stopping at sentence punctuation), with their offsets.
fn last_words(s: &str, k: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().rev().peekable();
    while out.len() < k {
        while let Some(&(_, c)) = it.peek() {
            if word_chars(c) {
                break;
            }
            if matches!(c, '.' | '?' | '!' | ';' | '"' | '“' | '”') {
                out.reverse();
                return out;
            }
            it.next();
        }
        let Some(&(i, c)) = it.peek() else { break };
        let e = i + c.len_utf8();
        let mut a = i;
        while let Some(&(j, c)) = it.peek() {
            if !word_chars(c) {
                break;
            }
            a = j;
            it.next();
        }
        out.push((a, &s[a..e]));
    }
    out.reverse();
    out
}

/// The first `k` words of `s` (stopping at sentence punctuation), with offsets from `base`.
fn first_words(s: &str, k: usize, base: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while out.len() < k {
        while let Some(&(_, c)) = it.peek() {
            if word_chars(c) {
                break;
            }
            if matches!(c, '.' | '?' | '!' | ';' | '"' | '“' | '”') {
                return out;
            }
            it.next();
        }
        let Some(&(a, _)) = it.peek() else { break };
        let mut b = a;
        while let Some(&(j, c)) = it.peek() {
            if !word_chars(c) {
                break;
            }
            b = j + c.len_utf8();
            it.next();
        }
        out.push((base + a, &s[a..b]));
        if b - a > 40 {
            break;
        }
    }
    out
}

/// Verbs after a speaker's own surname that make a quotation speak of them in the third person.
const THIRD_PERSON_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "had",
    "will",
    "would",
    "remains",
    "wants",
    "thanks",
    "believes",
    "feels",
    "hopes",
    "looks",
    "expressed",
    "intends",
    "plans",
    "welcomes",
    "appreciates",
    "congratulates",
];

/// Whether the quoted words (`inner`) speak of the speaker (`speaker`) in the third person:
/// they open with "He/She <reporting verb>" or name the speaker followed by a reporting verb.
fn third_person(text: &str, speaker: Span, inner: Span) -> Option<Span> {
    let name = speaker.slice(text);
    let inner_text = inner.slice(text);
    let words = first_words(inner_text, 2, inner.start);
    if let [(a, w0), (_, w1)] = words.as_slice() {
        let pron = matches!(*w0, "He" | "She");
        if pron && (crate::document::lexicon::is_reporting_verb(w1) || w1.ends_with("ed")) {
            let lname = name.to_ascii_lowercase();
            if matches!(lname.as_str(), "he" | "she") || name.chars().next().is_some_and(char::is_uppercase) {
                return Some(Span::new(*a, a + w0.len() + 1 + w1.len()));
            }
        }
    }
    let is_pronoun = matches!(name.to_ascii_lowercase().as_str(), "he" | "she" | "they");
    // The speaker's surname as the subject of a verb: "Dr. Ruiz is proud of the team".
    let surname = name.split_whitespace().last().unwrap_or("").trim_end_matches('.');
    if !is_pronoun && surname.len() > 2 && surname.starts_with(char::is_uppercase) {
        let mut from = 0;
        while let Some(p) = inner_text[from..].find(surname) {
            let at = from + p;
            let end = at + surname.len();
            let ok_start = !inner_text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '-');
            let after = &inner_text[end..];
            if ok_start && after.starts_with(' ') {
                let next = first_words(after, 1, 0);
                if let Some((_, w)) = next.first()
                    && (THIRD_PERSON_VERBS.contains(w)
                        || crate::document::lexicon::is_reporting_verb(w)
                        || (w.ends_with("ed") && w.starts_with(char::is_lowercase)))
                {
                    return Some(Span::new(inner.start + at, inner.start + end + 1 + w.len()));
                }
            }
            from = end;
        }
    }
    if !is_pronoun && name.len() > 2 {
        let mut from = 0;
        while let Some(p) = inner_text[from..].find(name) {
            let at = from + p;
            let after = &inner_text[at + name.len()..];
            let ok_start = at == 0 || !inner_text[..at].ends_with(|c: char| c.is_alphanumeric());
            let next = first_words(after, 1, 0);
            if ok_start
                && let Some((_, w)) = next.first()
                && (crate::document::lexicon::is_reporting_verb(w) || *w == "expressed")
                && after.starts_with(' ')
            {
                return Some(Span::new(inner.start + at, inner.start + at + name.len() + 1 + w.len()));
            }
            from = at + name.len();
        }
    }
    None
}

/// Whether a source span opens with the writer or the reader: a first- or second-person pronoun,
/// also contracted with its verb ("I strongly support", "we've", "You said").
fn opens_with_writer(text: &str, src: Span) -> bool {
    let first = text.get(src.start..src.end).unwrap_or("").split_whitespace().next().unwrap_or("");
    claim::writer_pronoun(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DocKind;

    fn model(t: &str) -> (Document<'_>, AttributionModel) {
        let d = Document::parse(t, DocKind::Markdown, &[]);
        let m = AttributionModel::build(&d, &Settings::default());
        (d, m)
    }

    #[test]
    fn cites_marker_is_a_search_for_either_marker() {
        let texts = ["", "[", "]", "[^", "](", "[x](y)", "a [^1] b", "] (", "[ ^", "^[", "(]", "x]]((", "[[^", "é](é"];
        for t in texts {
            assert_eq!(cites_marker(t), t.contains("[^") || t.contains("]("), "{t:?}");
        }
        // Every string of up to four of the interesting bytes.
        let alphabet = ['[', ']', '^', '(', 'a'];
        let mut all = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> =
                all.iter().flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}"))).collect();
            all.extend(longer);
        }
        for t in &all {
            assert_eq!(cites_marker(t), t.contains("[^") || t.contains("]("), "{t:?}");
        }
    }

    #[test]
    fn an_appositive_search_never_cuts_a_character() {
        // "said the" after a quotation looks up to 80 bytes ahead for a name in apposition;
        // here byte 80 from "the" falls inside the em dash.
        let t = format!("\"We will reopen,\" said the {}— Ruiz.\n", "a".repeat(75));
        let the = t.find("the ").unwrap();
        assert!(!t.is_char_boundary(the + 80), "the test must put the cut inside the dash");
        let (_, m) = model(&t);
        assert_eq!(m.quotes.len(), 1);
        assert!(m.quotes[0].attributed);
    }

    #[test]
    fn one_entry_per_sentence() {
        let (d, m) = model("Ortiz said the line would close.\n\nThe line closed.\n");
        assert_eq!(m.sentences.len(), d.sentences.len());
        assert!(m.sentences[0].attributed);
        assert!(!m.sentences[1].attributed);
    }

    #[test]
    fn known_sources_count_as_named() {
        let t = "The Ledger reported 40 percent growth in the county.";
        let d = Document::parse(t, DocKind::Markdown, &[]);
        let s = Settings { known_sources: vec!["the ledger".into()], ..Default::default() };
        let m = AttributionModel::build(&d, &s);
        assert!(m.sentences[0].attributed);
        let t2 = "Gossip columns put the figure at 40 percent.";
        let d2 = Document::parse(t2, DocKind::Markdown, &[]);
        assert!(!AttributionModel::build(&d2, &s).sentences[0].attributed);
        let s2 = Settings { known_sources: vec!["gossip columns".into()], ..Default::default() };
        assert_eq!(AttributionModel::build(&d2, &s2).sentences[0].how, Some(How::KnownSource));
    }

    #[test]
    fn extra_vague_phrases_extend_the_list() {
        let t = "Insiders whisper the mayor will resign.";
        let d = Document::parse(t, DocKind::Markdown, &[]);
        let s = Settings { extra_vague_phrases: vec!["insiders whisper".into()], ..Default::default() };
        let m = AttributionModel::build(&d, &s);
        assert_eq!(m.sentences[0].vague.len(), 1);
        assert_eq!(m.sentences[0].vague[0].span.slice(t), "Insiders whisper");
    }

    #[test]
    fn a_colon_after_a_name_introduces_a_block_quote() {
        let t = "Ida Brandt read a letter to the board:\n\n> We were never told about the cuts at all.\n>\n> We trusted you with the school. Now we are leaving it.\n";
        let (d, m) = model(t);
        assert_eq!(d.quotes.len(), 1);
        assert!(m.quotes[0].attributed);
        // With no name in the introduction the quotation has no speaker.
        let t2 = "A letter was read to the board:\n\n> We were never told about the cuts at all.\n";
        let (_, m2) = model(t2);
        assert!(!m2.quotes[0].attributed);
    }

    #[test]
    fn quotes_naming_their_speaker_by_surname() {
        let t = "\"Mr. Okafor is grateful to every volunteer who helped,\" said Tomas Okafor, the director.";
        let (_, m) = model(t);
        assert_eq!(m.quotes[0].third_person.map(|s| s.slice(t)), Some("Okafor is"));
        let t2 = "\"We thank every volunteer,\" said the director, Dr. Tomas Okafor.";
        let (_, m2) = model(t2);
        assert_eq!(m2.quotes[0].speaker.map(|s| s.slice(t2)), Some("Dr. Tomas Okafor"));
        assert_eq!(m2.quotes[0].third_person, None);
        // Another person with a different name, or the speaker's own family name in a compound: clean.
        let t3 = "\"Lindqvist is a fine coach and I will miss him,\" said Tomas Okafor.";
        assert_eq!(model(t3).1.quotes[0].third_person, None);
        let t4 = "\"The Okafor-Lane fund was my mother's idea,\" said Tomas Okafor.";
        assert_eq!(model(t4).1.quotes[0].third_person, None);
    }

    #[test]
    fn third_person_quotes() {
        let t = "he remarked, \"He expressed thanks for the help,\" the agency said.";
        let q0 = t.find('"').unwrap();
        let q1 = t.rfind('"').unwrap();
        let sp = third_person(t, Span::new(0, 2), Span::new(q0 + 1, q1));
        assert_eq!(sp.map(|s| s.slice(t)), Some("He expressed"));
        let t2 = "Lee said, \"Lee said it first, and I agreed.\"";
        let q0 = t2.find('"').unwrap();
        let q1 = t2.rfind('"').unwrap();
        assert_eq!(third_person(t2, Span::new(0, 3), Span::new(q0 + 1, q1)).map(|s| s.slice(t2)), Some("Lee said"));
        let t3 = "she said, \"He was a kind man.\"";
        let q0 = t3.find('"').unwrap();
        let q1 = t3.rfind('"').unwrap();
        assert_eq!(third_person(t3, Span::new(0, 3), Span::new(q0 + 1, q1)), None);
    }
}
