//! One sentence, analysed on its own: tokens, what attributes it, its vague and anonymous
//! sources, and what checkable content it asserts. Everything here is a function of the
//! sentence's prose and the quotation spans inside it, so it is unit-tested on bare strings.
//!
//! The tokens are our own rather than [`crate::document::Document::tokens`]: the analysis needs a
//! normalised (lowercase, single-spaced, straight-apostrophe) copy of the sentence to run the
//! phrase automaton over, with a map back to byte offsets, and the word lists each token is in;
//! building all three in one pass over the sentence's bytes ([`Sent::fill`]) is cheaper than
//! converting the document's tokens.
//!
//! Speed (this is most of the attribution model's cost): each token is looked up once in
//! [`super::lists::Lists::words`] and carries the [`flags`] of every single-word list it is in, so
//! the analysis tests bits instead of comparing or hashing strings; the phrase automaton is run
//! once per sentence, for phrases only; the tokeniser takes ASCII bytes by table and decodes only
//! non-ASCII characters; and the sentence buffers are reused from one sentence to the next.
use aho_corasick::AhoCorasick;

use super::extract;
pub(crate) use super::facts::*;
use super::lists::{Cue, LISTS, flags};
use super::tokens::has;
pub(crate) use super::tokens::{K, Sent, Tok, anonymity_reason, name_kept};
use crate::text::Span;

/// Extra, settings-supplied phrase automata (lowercase patterns).
#[derive(Default)]
pub(crate) struct Extras {
    pub vague: Option<AhoCorasick>,
    pub known: Option<AhoCorasick>,
}

/// Whether `w` is a reporting or opinion verb form (any tense).
fn verbish(s: &Sent, i: usize) -> bool {
    i < s.toks.len() && s.toks[i].flags & (flags::REPORT | flags::OPINION) != 0
}

/// The buffers of one sentence's analysis, kept from one sentence to the next.
#[derive(Default)]
struct Scratch {
    sent: Sent,
    phrase_hits: Vec<(Cue, usize, usize)>,
}

/// Buffers grown past this many bytes by a huge sentence (a long paragraph with no full stop) are
/// freed rather than kept.
const SCRATCH_KEEP_BYTES: usize = 1 << 18;

thread_local! {
    /// Most sentences are short, so allocating and freeing their token vector and normalised
    /// string cost about as much as filling them: each thread reuses one set instead. Taken out
    /// while in use, so a nested call would only start from empty buffers.
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

/// In tests, a sentence holding this makes [`analyse`] panic, so the guard around it can be
/// tested.
#[cfg(test)]
pub(crate) const PANIC_PROBE: &str = "panic-probe\u{2063}";

pub(crate) fn analyse(text: &str, span: Span, quotes: &[Span], extras: &Extras) -> Facts {
    #[cfg(test)]
    if span.slice(text).contains(PANIC_PROBE) {
        panic!("deliberate test panic");
    }
    let mut scratch = SCRATCH.try_with(std::cell::Cell::take).unwrap_or_default();
    let Scratch { sent: s, phrase_hits } = &mut scratch;
    s.fill(text, span, quotes);
    // The phrases of the lists, from the tokens that start one; single words have their flags
    // from `Sent::fill`.
    phrase_hits.clear();
    LISTS.phrases.find(s.toks.len(), |k| s.w(k), |k| s.toks[k].phrases, phrase_hits);
    adverb_inside_causal(s, phrase_hits);
    let facts = analyse_tokens(text, s, phrase_hits, extras);
    let kept = s.norm.capacity() + s.toks.capacity() * std::mem::size_of::<Tok>();
    if kept <= SCRATCH_KEEP_BYTES {
        // Only fails while the thread is shutting down, when there is nothing to keep them for.
        let _ = SCRATCH.try_with(|cell| cell.set(scratch));
    }
    facts
}

/// A causal phrase of the cue list with an "-ly" adverb inside: "stems directly from", "led
/// largely to", "caused mainly by". The list holds the phrases without adverbs; an adverb that
/// is only an adverb (WordNet) between two words that make a listed causal phrase makes the
/// same cue.
fn adverb_inside_causal(s: &Sent, hits: &mut Vec<(Cue, usize, usize)>) {
    for k in s.first + 1..s.toks.len().saturating_sub(1) {
        let w = s.w(k);
        if s.toks[k].kind != K::Word || s.toks[k].quoted || !w.ends_with("ly") {
            continue;
        }
        let c = crate::lexicon::lookup(w);
        if !c.contains(crate::lexicon::Classes::ADV)
            || c.intersects(crate::lexicon::Classes::ADJ | crate::lexicon::Classes::N)
        {
            continue;
        }
        if s.toks[k - 1].kind != K::Word || s.toks[k + 1].kind != K::Word {
            continue;
        }
        // The phrase without the adverb: one word on each side ("stems from"), or two before it
        // ("were driven by").
        let listed = |words: &[&str]| LISTS.is_phrase(words, Cue::Causal);
        if listed(&[s.w(k - 1), s.w(k + 1)]) {
            hits.push((Cue::Causal, k - 1, k + 2));
        } else if k >= s.first + 2 && s.toks[k - 2].kind == K::Word && listed(&[s.w(k - 2), s.w(k - 1), s.w(k + 1)]) {
            hits.push((Cue::Causal, k - 2, k + 2));
        }
    }
}

fn analyse_tokens(text: &str, s: &Sent, phrase_hits: &mut Vec<(Cue, usize, usize)>, extras: &Extras) -> Facts {
    let mut f = Facts::default();
    let n = s.toks.len();
    if n == 0 {
        return f;
    }
    // Trailing punctuation (skipping closing quotes and brackets) for questions and colons.
    let mut last = n;
    while last > 0 && matches!(s.punct(last - 1), Some('"' | '\'' | ')' | ']' | '*' | '_')) {
        last -= 1;
    }
    if last > 0 {
        f.question = s.punct(last - 1) == Some('?');
        f.colon_end = s.punct(last - 1) == Some(':');
    }
    let first = (0..n).find(|&i| s.toks[i].kind != K::Punct).unwrap_or(0);
    f.continuation = has(s, first, flags::CONTINUATION)
        || (s.is(first, "in") && s.is(first + 1, "addition"))
        || (has(s, first, flags::PRONOUN) && (s.is(first + 1, "added") || s.is(first + 1, "also")));

    if let Some(ac) = &extras.vague {
        for m in ac.find_overlapping_iter(s.norm.as_str()) {
            if let Some((a, b)) = s.token_range(m.start(), m.end()) {
                phrase_hits.push((Cue::Vague, a, b));
            }
        }
    }
    let reason = phrase_hits.iter().any(|h| h.0 == Cue::Reason) || anonymity_explained(s);
    let known = extras.known.as_ref().and_then(|ac| {
        ac.find_iter(s.norm.as_str())
            .filter_map(|m| s.token_range(m.start(), m.end()))
            .find(|&(a, _)| !s.toks[a].quoted)
    });

    // Anonymous sources: formulas and "a/an <modifiers> <person noun>" used as a source.
    anonymous_sources(s, phrase_hits, reason, &mut f);

    // Vague phrases from the list.
    for &(cue, a, b) in phrase_hits.iter() {
        if cue != Cue::Vague || s.toks[a].quoted {
            continue;
        }
        let (mut a, b) = (a, b);
        let last_w = s.w(b - 1);
        if last_w == "sources" && (s.is(b, "of") || s.is(b, "for")) {
            continue;
        }
        let source_noun = has(s, b - 1, flags::SOURCE_NOUN);
        if source_noun {
            while a > 0 && has(s, a - 1, flags::QUANTIFIER | flags::SOURCE_MODIFIER) && !s.toks[a - 1].quoted {
                a -= 1;
            }
        }
        // "The experts said" refers back; "Harwick experts say" names them.
        if a > 0 && (has(s, a - 1, flags::DEFINITE) || s.w(a - 1).ends_with("'s") || has_proper(s, a - 1, a)) {
            continue;
        }
        // A named group is no vague source: "critics of the plan, including the Taxpayers Alliance".
        if named_qualifier_follows(s, b - 1, b) {
            continue;
        }
        let sp = s.span(a, b);
        let fix = if s.is(a, "it") {
            let end = if s.is(b, "that") { b + 1 } else { b };
            VagueFix::Rewrite(s.span(a, end))
        } else if s.is(a, "according") && b > a + 2 {
            VagueFix::Source(s.span(a + 2, b))
        } else if source_noun {
            VagueFix::Source(sp)
        } else if has(s, a, flags::VAGUE_SUBJECT) && b > a + 1 && verbish(s, b - 1) {
            VagueFix::Subject(s.span(a, b - 1))
        } else {
            VagueFix::Prefix
        };
        push_vague(&mut f, VagueSource { span: sp, fix });
    }

    // Reporting verbs, "according to", passives and their sources.
    let mut i = 0;
    while i < n {
        let t = s.toks[i];
        if t.quoted || t.kind != K::Word {
            i += 1;
            continue;
        }
        let w = s.w(i);
        if w == "according" && s.is(i + 1, "to") {
            according_to(s, i, &mut f);
            i += 2;
            continue;
        }
        if (w == "source" || w == "sources")
            && s.punct(i + 1) == Some(':')
            && (i == first || s.punct(i - 1) == Some('('))
        {
            set_found(
                &mut f,
                Found { how: How::SourceLine, source: s.span(i, n), verb: None, pronoun: false, proper: false },
            );
            i += 1;
            continue;
        }
        if has(s, i, flags::REPORT | flags::OPINION | flags::PASSIVE) {
            reporting_verb(s, i, &mut f);
        }
        i += 1;
    }
    if let Some((a, b)) = known {
        let fnd = Found { how: How::KnownSource, source: s.span(a, b), verb: None, pronoun: false, proper: true };
        if f.found.is_none_or(|x| x.pronoun) {
            f.found = Some(fnd);
        }
    }
    let mut atts = Vec::new();
    extract::extract(s, reason, &mut atts);
    super::fold::apply_extraction(s, &atts, &mut f);
    // "reportedly", "allegedly": a claim passed on from nobody, unless the sentence names a source.
    if f.found.is_none() {
        for &(cue, a, b) in phrase_hits.iter() {
            if cue == Cue::VagueAdverb && !s.toks[a].quoted {
                push_vague(&mut f, VagueSource { span: s.span(a, b), fix: VagueFix::Prefix });
            }
        }
    }
    f.names_someone = has_proper(s, 0, n)
        || (s.toks[first].cap
            && first + 1 < n
            && s.toks[first + 1].cap
            && s.toks[first + 1].kind == K::Word
            && !s.toks[first].quoted);
    // Anonymous sources with a reason count as attribution.
    if f.found.is_none()
        && let Some(a) = f.anonymous.iter().find(|a| a.reason_given)
    {
        f.found = Some(Found { how: How::Anonymous, source: a.span, verb: None, pronoun: false, proper: false });
    }
    // A stated reason for anonymity and a reporting verb: whoever the source is ("A lecturer, who
    // asked not to be named because ..., said"), it is an explained anonymous source.
    if f.found.is_none()
        && reason
        && let Some(v) = (0..n).find(|&k| !s.toks[k].quoted && has(s, k, flags::REPORT) && finite_position(s, k))
    {
        let sp = s.toks[v].span;
        f.found = Some(Found { how: How::Anonymous, source: sp, verb: Some(sp), pronoun: false, proper: false });
    }

    f.checkable = super::claim::checkable(text, s, phrase_hits, &atts);
    f.attributions = atts;
    f
}

/// After a source noun at token `head`, its phrase ending at `b`: ", including <Name>" names the group; "at <Name>",
/// "from <Name>" does too, unless the head is a noun that names no one wherever they are
/// ("insiders at City Hall", "sources in the ministry": see `[never-named]`).
/// A request for anonymity with its reason or purpose right after it, whatever the words ("asked
/// not to be named so that her son would not be singled out"): the reasons list holds the
/// commonest wordings, [`anonymity_reason`] the grammar for the rest.
fn anonymity_explained(s: &Sent) -> bool {
    // (Found from the request, which is rare, rather than testing every word as a reason.)
    (0..s.toks.len()).any(|j| {
        let w = s.w(j);
        let request = s.toks[j].kind == K::Word
            && (w.starts_with("anonym")
                || w.ends_with("named")
                || w.ends_with("identified")
                || w.ends_with("quoted")
                || name_kept(s, j));
        request && (j + 1..(j + 6).min(s.toks.len())).any(|k| anonymity_reason(s, k))
    })
}

fn named_qualifier_follows(s: &Sent, head: usize, b: usize) -> bool {
    let mut j = b;
    if s.punct(j) == Some(',') {
        j += 1;
    }
    let including = s.is(j, "including") || (s.is(j, "such") && s.is(j + 1, "as"));
    let place = s.is(j, "at") || s.is(j, "from") || s.is(j, "with") || s.is(j, "of");
    if !(including || (place && s.fl_stripped(head) & flags::NEVER_NAMED == 0)) {
        return false;
    }
    if s.is(j, "such") {
        j += 1;
    }
    for k in j + 1..(j + 6).min(s.toks.len()) {
        if s.toks[k].kind == K::Punct {
            return false;
        }
        if s.toks[k].cap {
            return true;
        }
    }
    false
}

/// Whether the words `a..b` contain a capitalised word that is not the sentence's first word
/// (a proper noun), ignoring "I".
fn has_proper(s: &Sent, a: usize, b: usize) -> bool {
    let first = s.first;
    (a..b).any(|k| {
        let t = &s.toks[k];
        t.kind == K::Word && t.cap && !t.quoted && k != first && s.w(k) != "i" && {
            // Right after an opening quote or a colon the capital is a sentence capital.
            !(k > 0 && matches!(s.punct(k - 1), Some('"' | ':')))
        }
    })
}

/// Classify the noun phrase `a..b` as a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Np {
    Vague,
    Pronoun,
    Named,
    Source,
    Other,
}

fn classify_np(s: &Sent, a: usize, b: usize) -> Np {
    // The first word, and whether it is the only one (counted without collecting them).
    let mut words = (a..b).filter(|&k| s.toks[k].kind != K::Punct);
    let Some(head) = words.next() else { return Np::Other };
    let single = words.next().is_none();
    if single && has(s, head, flags::PRONOUN) {
        return Np::Pronoun;
    }
    if quantified_group(s, a, b) {
        return Np::Vague;
    }
    if has_proper(s, a, b) {
        return Np::Named;
    }
    // The head noun: the last word before a preposition or a comma.
    let mut end = a;
    while end < b && s.toks[end].kind != K::Punct && !(end > a && has(s, end, flags::PREP)) {
        end += 1;
    }
    let last = if end > a { end - 1 } else { a };
    let hw = s.fl_stripped(last);
    let definite = has(s, head, flags::DEFINITE) || s.w(head).ends_with("'s");
    let quantified = (a..end).any(|k| has(s, k, flags::QUANTIFIER));
    if !definite && (hw & flags::VAGUE_SUBJECT != 0 || (quantified && hw & flags::SOURCE_NOUN != 0)) && end - a <= 4 {
        return Np::Vague;
    }
    if hw & (flags::DOCUMENT | flags::ORGANISATION) != 0 {
        return Np::Source;
    }
    if s.toks[head].cap && end - a == 1 && !has(s, head, flags::DETERMINER) {
        // A capitalised single word at the sentence start: "Calloway said".
        return Np::Named;
    }
    Np::Other
}

/// A quantifier and a plural group noun, with no name in between or after it: "Many accountants",
/// "A number of residents", "some of the academics", "Several longtime Fenwick residents".
fn quantified_group(s: &Sent, a: usize, b: usize) -> bool {
    let mut k = a;
    if has(s, a, flags::QUANTIFIER) {
        k = a + 1;
    } else if let Some(q) = has(s, a, flags::GROUP_QUANTIFIER_START)
        .then(|| LISTS.group_quantifiers.iter().find(|q| q.iter().enumerate().all(|(o, w)| s.is(a + o, w))))
        .flatten()
    {
        k = a + q.len();
    }
    if k > a && s.is(k, "of") && s.is(k + 1, "the") {
        k += 2;
    }
    if k == a || k >= b {
        return false;
    }
    // Up to three modifiers, then the head noun: lowercase and plural.
    let mut h = k;
    while h < b && h < k + 4 && s.toks[h].kind == K::Word && !has(s, h, flags::PREP | flags::CLAUSE) {
        h += 1;
    }
    if h == k {
        return false;
    }
    !s.toks[h - 1].cap && people_noun(s, h - 1)
}

/// Token `k` is a plural noun for people: a listed group or role ("experts", "officials", "people"), or an
/// agent plural ("accountants", "residents", "economists", "farmers", "academics"). Things and
/// bodies ("banks", "markets", "advances") are left out: "Several banks announced" names events.
fn people_noun(s: &Sent, k: usize) -> bool {
    const AGENT: &[&str] = &["ers", "ors", "ists", "ians", "ants", "ents", "ics", "eers", "ees"];
    let (w, fl) = (s.w(k), s.fl(k));
    let document = fl & flags::DOCUMENT != 0;
    fl & (flags::IRREGULAR_PLURAL | flags::VAGUE_SUBJECT) != 0
        || fl & flags::SOURCE_NOUN != 0 && !document
        || (fl & flags::ANON_HEAD != 0 && w.ends_with('s'))
        || (w.len() > 4 && AGENT.iter().any(|s| w.ends_with(s)) && !document)
}

fn according_to(s: &Sent, i: usize, f: &mut Facts) {
    let n = s.toks.len();
    let a = i + 2;
    let mut b = a;
    while b < n && b < a + 12 && !s.toks[b].quoted && !matches!(s.punct(b), Some(',' | '.' | ';' | ':' | '?' | '!')) {
        b += 1;
    }
    if b == a {
        return;
    }
    // Anonymous sources are recorded by `anonymous_sources`; a vague one here.
    if f.anonymous.iter().any(|x| x.span.start >= s.toks[a].span.start && x.span.start < s.toks[b - 1].span.end) {
        return;
    }
    match classify_np(s, a, b) {
        Np::Vague => push_vague(f, VagueSource { span: s.span(i, b), fix: VagueFix::Source(s.span(a, b)) }),
        _ => set_found(
            f,
            Found { how: How::AccordingTo, source: s.span(a, b), verb: None, pronoun: false, proper: false },
        ),
    }
}

/// Whether the token at `i` reads as a finite verb rather than a noun or an infinitive.
fn finite_position(s: &Sent, i: usize) -> bool {
    if s.toks[i].cap && i > 0 && s.toks[..i].iter().any(|t| t.kind == K::Word) {
        return false; // "United States", "Washington Post"
    }
    let w = s.w(i);
    if i == 0 {
        return !has(s, i, flags::NOUNISH);
    }
    if s.modified_noun(i) {
        return false; // "for private hail coverage": a noun after its modifiers
    }
    let p = s.w(i - 1);
    if w.ends_with("ing") {
        // "..., saying", "by saying": a participle continuing the main clause's subject.
        return s.punct(i - 1) == Some(',') || p == "by";
    }
    if s.toks[i - 1].kind == K::Num || p.ends_with("'s") || has(s, i - 1, flags::DETERMINER | flags::PREP) {
        return false;
    }
    if w.ends_with("ing") {
        return s.punct(i - 1) == Some(',');
    }
    if has(s, i, flags::NOUNISH) {
        // A noun subject is followed by its verb: "emergency calls have", "reports suggest".
        let noun_then_verb = has(s, i + 1, flags::BE | flags::AUX_ADV | flags::REPORT);
        return s.toks[i - 1].kind == K::Word && !noun_then_verb;
    }
    true
}

/// Whether a verb of [`OBJECT_TAKING`] at `v` reports speech: it ends the sentence or a clause
/// ("…, she added."), or takes a clause or a quotation ("added that", "added: \"…\"").
fn reports_speech(s: &Sent, v: usize) -> bool {
    let n = s.toks.len();
    v + 1 >= n || s.punct(v + 1).is_some() || s.is(v + 1, "that") || s.toks[v + 1].quoted
}

fn reporting_verb(s: &Sent, v: usize, f: &mut Facts) {
    if !finite_position(s, v) {
        return;
    }
    let n = s.toks.len();
    let w = s.w(v);
    if has(s, v, flags::OBJECT_TAKING) && !reports_speech(s, v) {
        return;
    }
    let verb = s.toks[v].span;
    // Skip auxiliaries and adverbs to the left.
    let mut b = v;
    while b > 0 && s.toks[b - 1].kind == K::Word && has(s, b - 1, flags::AUX_ADV) && !s.toks[b - 1].quoted {
        b -= 1;
    }
    // Passive: "is believed to", "was reported by", "cited by various defense analysts".
    // "it's said that" is one token.
    let contracted = b > 0 && s.is(b - 1, "it's");
    let passive = b > 0 && (has(s, b - 1, flags::BE) || contracted);
    if s.is(v + 1, "by") && (passive || w.ends_with("ed") || s.punct(v.wrapping_sub(1)) == Some(',')) {
        let a = v + 2;
        let mut e = a;
        while e < n && e < a + 8 && s.toks[e].kind != K::Punct && !s.toks[e].quoted {
            e += 1;
        }
        if e > a {
            match classify_np(s, a, e) {
                Np::Vague => {
                    let start = if v > 0 && s.is(v - 1, "as") { v - 1 } else { v };
                    push_vague(f, VagueSource { span: s.span(start, e), fix: VagueFix::Source(s.span(a, e)) })
                }
                Np::Other => {}
                np => set_found(
                    f,
                    Found {
                        how: How::NamedSource,
                        source: s.span(a, e),
                        verb: Some(verb),
                        pronoun: np == Np::Pronoun,
                        proper: matches!(np, Np::Named | Np::Pronoun),
                    },
                ),
            }
        }
        return;
    }
    if passive {
        if !has(s, v, flags::PASSIVE) {
            return;
        }
        let be = b - 1;
        if s.is(be, "be") && be > 0 && has(s, be - 1, flags::MODAL) && !s.is(be.saturating_sub(2), "it") {
            return; // "could be seen as": the writer's own hedge, not an unnamed source
        }
        let it = contracted || (be > 0 && s.is(be - 1, "it"));
        let next = if v + 1 < n { s.w(v + 1) } else { "" };
        let to_verb = next == "to" && v + 2 < n && s.toks[v + 2].kind == K::Word && !has(s, v + 2, flags::DETERMINER);
        let follows = to_verb
            || matches!(next, "as" | "among" | "one")
            || (next == "that" && it)
            || (w == "considered" && matches!(next, "the" | "a" | "an" | "to"));
        if !(it || follows) {
            return;
        }
        let start = if it && !contracted { be - 1 } else { be };
        let mut end = v + 1;
        if to_verb {
            end = v + 3;
        } else if matches!(next, "as" | "among" | "one") {
            end = v + 2;
        }
        let end = end.min(n);
        let fix = if it && start == first_word(s) {
            let e = if next == "that" { v + 2 } else { v + 1 };
            VagueFix::Rewrite(s.span(start, e.min(n)))
        } else {
            VagueFix::Prefix
        };
        push_vague(f, VagueSource { span: s.span(start, end), fix });
        return;
    }
    // Active: an inverted subject on the right after a comma or a quotation ("said Ana Ruiz"),
    // else a subject on the left.
    let evidence = has(s, v, flags::EVIDENCE);
    if (b == 0 || matches!(s.punct(b - 1), Some(',' | '"' | '\'' | '—' | '–' | '-')))
        && inverted_subject(s, v, evidence, f)
    {
        return;
    }
    let mut a = b;
    while a > 0 && a > b.saturating_sub(25) {
        let t = &s.toks[a - 1];
        // A spaced hyphen or en dash is a dash too ("the harbor master - on June 2 - indicated").
        if t.quoted || matches!(s.punct(a - 1), Some(';' | ':' | '—' | '–' | '-' | '(' | ')' | '"' | '.' | '?' | '!'))
        {
            break;
        }
        if t.kind == K::Word && has(s, a - 1, flags::CLAUSE) {
            break;
        }
        a -= 1;
    }
    // Trailing commas are not part of the subject.
    let mut hb = b;
    while hb > a && s.punct(hb - 1) == Some(',') {
        hb -= 1;
    }
    if hb > a {
        // Climb "critics of the plan, including X" to the head phrase, collecting qualifiers.
        let mut ha = hb;
        loop {
            while ha > a && s.toks[ha - 1].kind != K::Punct && !has(s, ha - 1, flags::PREP) {
                ha -= 1;
            }
            if ha > a && has(s, ha - 1, flags::PREP) {
                let mut p = ha - 1;
                while p > a && s.punct(p - 1) == Some(',') {
                    p -= 1;
                }
                if p > a && s.toks[p - 1].kind != K::Punct {
                    ha = p;
                    continue;
                }
            }
            break;
        }
        if ha == hb {
            // Only punctuation before the verb: there is no subject phrase to read.
            return;
        }
        let head_np = {
            let mut e = ha;
            while e < hb && s.toks[e].kind != K::Punct && !(e > ha && has(s, e, flags::PREP)) {
                e += 1;
            }
            // "A number of residents": the quantifier's "of" is part of the head phrase.
            if e < hb && s.is(e, "of") && quantified_group(s, ha, hb) {
                e += 1;
                while e < hb && s.toks[e].kind != K::Punct && !has(s, e, flags::PREP) {
                    e += 1;
                }
            }
            (ha, e.max(ha + 1).min(hb))
        };
        let mut class = classify_np(s, head_np.0, head_np.1);
        if class == Np::Vague && head_np.1 < hb && has_proper(s, head_np.1, hb) {
            // "critics of the plan, including the Taxpayers Alliance"; "analysts at Cardinal
            // Advisors", but not "insiders at City Hall" (see `named_qualifier_follows`).
            let never_named = s.fl_stripped(head_np.1 - 1) & flags::NEVER_NAMED != 0;
            let including = (head_np.1..hb).any(|k| s.is(k, "including") || (s.is(k, "such") && s.is(k + 1, "as")));
            if including || !never_named {
                class = Np::Named;
            }
        }
        // The words right before the verb decide for comma-separated subjects ("Okafor said").
        let near = {
            let mut k = hb;
            while k > a && s.toks[k - 1].kind != K::Punct {
                k -= 1;
            }
            classify_np(s, k, hb)
        };
        if class == Np::Other && near != Np::Other && near != Np::Vague {
            class = near;
        }
        if matches!(class, Np::Other | Np::Source) && has_proper(s, a, hb) {
            class = Np::Named; // "Grant Holloway, the union's president, said"
        }
        if anonymous_subject(f, s, v) {
            return;
        }
        match class {
            Np::Vague => {
                push_vague(
                    f,
                    VagueSource {
                        span: Span::new(s.toks[head_np.0].span.start, verb.end),
                        fix: VagueFix::Subject(s.span(head_np.0, head_np.1)),
                    },
                );
            }
            Np::Other if evidence => {}
            // "investors worried about the cost": a verb of feeling with a plain subject reports
            // nobody's account.
            Np::Other if !has(s, v, flags::REPORT) => {}
            // "which calculates quarterly estimated payments": a "subject" holding another verb
            // means this form is an adjective, not a verb with its subject.
            Np::Other if (a..hb).any(|k| has(s, k, flags::REPORT | flags::OPINION)) => {}
            np => {
                if np == Np::Other && s.is(head_np.0, "it") {
                    return;
                }
                set_found(
                    f,
                    Found {
                        how: How::NamedSource,
                        source: s.span(head_np.0, head_np.1),
                        verb: Some(verb),
                        pronoun: np == Np::Pronoun,
                        proper: matches!(np, Np::Named | Np::Pronoun),
                    },
                );
            }
        }
        return;
    }
    inverted_subject(s, v, evidence, f);
}

/// `..., said Ana Ruiz, the spokeswoman.` / `"...," say experts.`: true when it found one.
fn inverted_subject(s: &Sent, v: usize, evidence: bool, f: &mut Facts) -> bool {
    let n = s.toks.len();
    let verb = s.toks[v].span;
    let a = v + 1;
    let mut e = a;
    while e < n && e < a + 8 && s.toks[e].kind != K::Punct && !s.toks[e].quoted && !s.is(e, "that") {
        e += 1;
    }
    if e == a || s.is(a, "that") || has(s, a, flags::PREP) {
        return false;
    }
    // The subject ends at its head noun: "said Ortiz on Tuesday".
    let mut h = a;
    while h < e && !(h > a && has(s, h, flags::PREP | flags::CLAUSE)) {
        h += 1;
    }
    match classify_np(s, a, h) {
        Np::Vague => push_vague(
            f,
            VagueSource { span: Span::new(verb.start, s.toks[h - 1].span.end), fix: VagueFix::Subject(s.span(a, h)) },
        ),
        Np::Other => return false,
        np => {
            if evidence && np == Np::Pronoun {
                return false;
            }
            set_found(
                f,
                Found {
                    how: How::NamedSource,
                    source: s.span(a, h),
                    verb: Some(verb),
                    pronoun: np == Np::Pronoun,
                    proper: matches!(np, Np::Named | Np::Pronoun),
                },
            )
        }
    }
    true
}

fn first_word(s: &Sent) -> usize {
    s.first
}

/// Whether the subject starting at `a` of the verb at `v` is an anonymous source already found.
fn anonymous_subject(f: &Facts, s: &Sent, v: usize) -> bool {
    f.anon_verbs.contains(&s.toks[v].span.start)
}

/// Find anonymous sources: list formulas and indefinite person nouns that are the subject of a
/// reporting verb or the object of "according to", with no name in apposition.
fn anonymous_sources(s: &Sent, hits: &[(Cue, usize, usize)], reason: bool, f: &mut Facts) {
    let n = s.toks.len();
    let mut cands: Vec<(usize, usize)> = hits.iter().filter(|h| h.0 == Cue::Anonymous).map(|h| (h.1, h.2)).collect();
    for i in 0..n {
        if !has(s, i, flags::ANON_DET) || s.toks[i].quoted {
            continue;
        }
        // Up to three modifiers, which may be names of places or bodies ("a senior Pentagon official").
        for h in i + 1..(i + 5).min(n) {
            if s.toks[h].kind != K::Word || has(s, h, flags::PREP | flags::CLAUSE) {
                break;
            }
            if has(s, h, flags::ANON_HEAD) && !s.toks[h].cap {
                cands.push((i, h + 1));
                break;
            }
        }
    }
    cands.sort_unstable_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
    cands.dedup_by(|b, a| b.0 < a.1);
    for (a, b) in cands {
        if s.toks[a].quoted {
            continue;
        }
        let after_according = a >= 2 && s.is(a - 2, "according") && s.is(a - 1, "to");
        let formula = !(has(s, a, flags::ANON_DET) || s.is(a, "senior") || s.is(a, "unnamed"));
        // A name in apposition makes it a named source: "A utility spokesman, Owen Tate, said".
        if s.punct(b) == Some(',') && b + 1 < n && s.toks[b + 1].cap {
            continue;
        }
        // Find the verb this source goes with: skip a qualifier and a ", who ..." clause.
        let mut j = b;
        let mut verb = None;
        let mut steps = 0;
        while j < n && steps < 40 {
            steps += 1;
            if s.toks[j].quoted {
                break;
            }
            if s.punct(j) == Some(',') {
                if s.is(j + 1, "who") || s.is(j + 1, "which") {
                    j += 2;
                    while j < n && s.punct(j) != Some(',') && !matches!(s.punct(j), Some('.' | ';')) {
                        j += 1;
                    }
                    if s.punct(j) == Some(',') {
                        j += 1;
                    }
                    continue;
                }
                break;
            }
            if s.toks[j].kind == K::Punct {
                break;
            }
            if verbish(s, j) && finite_position(s, j) {
                verb = Some(j);
                break;
            }
            if steps > 8 && !s.is(j - 1, "who") {
                break;
            }
            j += 1;
        }
        if !(after_according || verb.is_some() || formula) {
            continue;
        }
        let insert_at = match verb {
            Some(v) => {
                let mut k = v;
                while k > b && matches!(s.punct(k - 1), Some(',')) {
                    k -= 1;
                }
                // Before a trailing ", who ... ," clause the reason goes after the clause.
                s.toks[k - 1].span.end
            }
            None => {
                // The phrase runs to the end of its noun phrase ("people familiar with the matter").
                let mut k = b;
                while k < n && s.toks[k].kind == K::Word && !s.toks[k].quoted && !verbish(s, k) {
                    k += 1;
                }
                s.toks[k - 1].span.end
            }
        };
        let span = s.span(a, b);
        if let Some(v) = verb {
            f.anon_verbs.push(s.toks[v].span.start);
        }
        f.anonymous.push(AnonymousSource { span, insert_at, reason_given: reason });
    }
}

#[cfg(test)]
mod tests;
