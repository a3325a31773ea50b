//! The attribution extractor: every attribution a sentence makes, as
//! `{source span, cue span, content span, source kind}`.
//!
//! A grammar over word classes, not a phrase list. The classes come from two places:
//! * open classes (verbs of communication, cognition and feeling; person, group and document
//!   nouns; parts of speech and inflections) from WordNet, through [`crate::lexicon`];
//! * closed classes (determiners, auxiliaries, prepositions, pronouns, quantifiers), which are
//!   facts of English grammar and live in [`words`].
//!
//! The rules ([`cue`], with the parts they share in [`phrase`] and crowds' stances and attitudes in
//! [`stance`]) find a cue and then its source ([`np`]):
//! * a verb of communication, cognition or feeling in any form, with auxiliaries, modals,
//!   negation and adverbs before it ("have privately wondered", "did not dispute"), its subject
//!   on the left ("shop owners along Front Street argue") or, inverted, on the right
//!   (`"...," said the mayor`);
//! * "according to NP", a passive with its agent ("was criticised by NP"), and agentless
//!   passives and raising ("it is believed", "is said to", "has been described as");
//! * nominal cues: a noun of cognition, feeling or communication with the people it belongs to
//!   ("the feeling among donors", "word in the industry", "there is wide agreement among
//!   economists that"), "in the eyes of NP";
//! * evidence verbs with a document subject ("records show", "a recent survey found").
//!
//! The source's kind ([`SourceKind`]) is the copy editor's test: could a reader identify, and in
//! principle contact, this source? A name, an organisation, a document with a name, or a title
//! that fixes one person can be; a place or a trade cannot ("residents of Elm Street").
mod according;
mod adjunct;
mod cue;
mod kind;
mod lx;
mod nominal;
mod np;
mod passive;
mod phrase;
mod stance;
mod told;
pub(crate) mod words;

use super::tokens::{K, Sent};
use crate::text::Span;

/// What kind of source an attribution has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// A person, organisation or document a reader could identify.
    Named,
    /// A pronoun or a definite description that refers back ("she", "the researchers").
    Pronoun,
    /// One or a few unnamed individuals ("a senior official", "two people familiar with ...").
    Anonymous,
    /// A group or crowd no one could contact ("critics", "many residents", "recent surveys").
    Vague,
    /// No source at all ("it is believed", "is said to", "common knowledge").
    Impersonal,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Named => "named",
            SourceKind::Pronoun => "pronoun",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Vague => "vague",
            SourceKind::Impersonal => "impersonal",
        }
    }
}

/// One attribution in a sentence. Spans are byte offsets into the document text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The source noun phrase, with its modifiers, prepositional phrases and relative clauses.
    pub source: Option<Span>,
    /// The head of the source phrase and what comes before it ("Many shop owners" of "Many shop
    /// owners along Front Street"): what a fix replaces.
    pub head: Option<Span>,
    /// The cue: the verb with its auxiliaries, "according to", the cue noun.
    pub cue: Span,
    /// What is attributed, when it is in the sentence.
    pub content: Option<Span>,
    pub kind: SourceKind,
    /// For anonymous sources: the sentence says why the source is not named.
    pub reason_given: bool,
    /// The source is a document rather than a person or organisation ("records", "a survey").
    pub document: bool,
    /// The cue reports something told or thought (a clause, a quotation, a tag, "according to"),
    /// rather than naming an act with a plain object ("the city added 3,000 spaces"). Only a report
    /// sources a claim.
    pub report: bool,
}

/// Every attribution in the tokenised sentence `s`, in order of their cues. `reason` says whether
/// the sentence gives a reason for anonymity.
pub(crate) fn extract(s: &Sent, reason: bool, out: &mut Vec<Attribution>) {
    out.clear();
    if s.toks.is_empty() {
        return;
    }
    let g = np::Grammar::new(s);
    cue::find(&g, out);
    for a in out.iter_mut() {
        if a.kind == SourceKind::Anonymous {
            a.reason_given = reason;
        }
    }
    // What a named source says is theirs: a crowd inside it is reported speech, not the writer's
    // vague source ("Many voters were unmoved, the pollster said").
    // (A run-on "sentence" with more attributions than any real one skips this quadratic step.)
    // Each with whether its teller heads a subordinate clause ("even as Trump claimed that").
    // (And its cue: a teller inside the phrase of a source is part of that phrase, "a council aide
    // who asked not to be named said".)
    let named: Vec<(Span, bool, Span)> = out
        .iter()
        .take(if out.len() > MAX_PAIRWISE { 0 } else { usize::MAX })
        .filter(|a| matches!(a.kind, SourceKind::Named | SourceKind::Pronoun))
        .filter_map(|a| {
            let start = a.source.map_or(a.cue.start, |sp| sp.start.min(a.cue.start));
            let k = s.token_at(start);
            let sub = k > 0 && s.toks[k - 1].kind == K::Word && s.toks[k - 1].closed & words::SUBORD != 0;
            a.content.map(|c| (c, sub, a.cue))
        })
        .collect();
    out.retain(|a| {
        // "according to" attaches to the whole clause, not to a verb's content.
        let according = text_is(s, a.cue, "according");
        // A new main clause (", and other leaders said", "; critics say") is not inside.
        let new_clause = |c: &Span, sub: bool| {
            let start = a.source.map_or(a.cue.start, |s| s.start.min(a.cue.start));
            let k = s.token_at(start);
            let from = s.token_at(c.start);
            (from..k).any(|j| {
                s.punct(j) == Some(';')
                    || (s.punct(j) == Some(',')
                        && j + 1 < s.toks.len()
                        && matches!(s.w(j + 1), "and" | "but" | "while"))
            })
            // After a subordinate clause's report, a subject right after a comma (or a quotation
            // closed by one), before its verb, opens the main clause: "even as Trump claimed
            // that ..., one of the prosecutors said".
            // A tag closing the sentence after a comma speaks for all of it: "..., those people
            // said."
            || a.source.is_some_and(|src| {
                let end = s.token_at(a.cue.end);
                src.start < a.cue.start
                    && k > from + 1
                    && s.punct(k - 1) == Some(',')
                    && (end..s.toks.len()).all(|j| s.toks[j].kind != K::Word)
            })
            // A reduced passive after a comma closing the sentence attaches to the clause before
            // it, not to a verb's content: "Reports ... corroborate this support, cited by various
            // analysts." (Not one inside the content: "said the claim, disputed by some experts,
            // was false".)
            || a.source.is_some_and(|src| {
                let after = s.token_at(src.end);
                src.start > a.cue.start
                    && k > from
                    && s.punct(k - 1) == Some(',')
                    && (after..s.toks.len()).all(|j| s.toks[j].kind != K::Word)
            })
            || sub && a.source.is_some_and(|src| {
                src.start < a.cue.start
                    && k > from + 1
                    && (s.punct(k - 1) == Some(',')
                        || (s.toks[k - 1].kind != K::Word && s.punct(k - 2) == Some(',') && s.toks[k - 2].quoted))
            })
        };
        let inside = |&(c, sub, cue): &(Span, bool, Span)| {
            !according
                && (a.source.is_some_and(|s| c.contains_span(s)) || c.contains_span(a.cue))
                && !a.source.is_some_and(|src| src.contains_span(cue))
                && !new_clause(&c, sub)
        };
        !(matches!(a.kind, SourceKind::Vague | SourceKind::Anonymous | SourceKind::Impersonal)
            && named.iter().any(inside))
    });
    // One attribution per source phrase: the first cue wins ("critics say and argue"), unless it
    // is an act and a later one reports ("She addressed the crowd, saying that ...": the report
    // is what sources the sentence).
    out.sort_by_key(|a| (a.cue.start, a.cue.end));
    // (Index into `out` of each kept source; overlapping sources are near each other: the last
    // few suffice.)
    let mut kept: Vec<usize> = Vec::new();
    let mut drop = vec![false; out.len()];
    for (i, a) in out.iter().enumerate() {
        let Some(sp) = a.source else { continue };
        let earlier = kept.iter().rev().take(8).copied().find(|&k| out[k].source.is_some_and(|o| o.overlaps(sp)));
        // ("A council aide who asked not to be named said": the earlier cue is inside this
        // source's phrase, a relative clause of it; the phrase's own verb speaks. So when the
        // earlier source is more than the pronoun, if a relative pronoun opens the clause and a
        // comma closes it: "One farmer, who asked not to be named because he is negotiating,
        // said". Not "Voters who backed the levy say they feel": no comma closes that clause,
        // and "say" is the voters' verb.)
        let within = |k: usize| {
            let (cue, Some(o)) = (out[k].cue, out[k].source) else { return false };
            let first = s.token_at(o.start);
            let pronoun =
                first < s.toks.len() && s.toks[first].span == o && matches!(s.w(first), "who" | "that" | "which");
            let (from, to) = (s.token_at(sp.start), s.token_at(cue.start));
            let closed = (s.token_at(cue.end)..s.token_at(sp.end).min(s.toks.len())).any(|t| s.punct(t) == Some(','))
                || s.punct(s.token_at(sp.end)) == Some(',');
            sp.contains_span(cue)
                && sp.contains_span(o)
                && (pronoun || (closed && (from..to).any(|t| matches!(s.w(t), "who" | "whom" | "whose" | "which"))))
        };
        match earlier {
            // (For a named source, whose report sources what follows; a vague one's first cue
            // is already its finding.)
            Some(k)
                if (!out[k].report && a.report && matches!(out[k].kind, SourceKind::Named | SourceKind::Pronoun))
                    || within(k) =>
            {
                drop[k] = true;
                kept.retain(|&x| x != k);
                kept.push(i);
            }
            Some(_) => drop[i] = true,
            None => kept.push(i),
        }
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// More attributions than this in one sentence (a run-on text with no full stop) skip the pairwise
/// containment step, which would be quadratic.
const MAX_PAIRWISE: usize = 64;

/// Whether the span starts with the word `w` (lowercase).
pub(crate) fn text_is(s: &Sent, sp: Span, w: &str) -> bool {
    // Tokens are sorted by offset: a binary search, not a scan per attribution.
    let k = s.token_at(sp.start);
    k < s.toks.len() && s.toks[k].span.start == sp.start && s.w(k) == w
}

#[cfg(test)]
mod tests;
