//! Acts on the record stated by the one who did them: [`own_record`] ("I voted against the
//! levy", "you doubled the fee"). Someone else's act in the same words ("the senator has won
//! the contest", "he has faced criticism") is routine event reporting and stays clean: in news
//! sentences it was nearly always that (see docs/attribution.md, "Checkable claims").
use super::{any, irrealis, lx, word};
use crate::attribution::lists::flags;
use crate::attribution::tokens::{K, Sent};
use crate::lexicon::Classes;

/// Words between a subject and its verb that leave the verb asserted and in the past: "I have
/// never supported", "we also passed", "you did vote".
const RECORD_AUX: &[&str] = &[
    "have",
    "has",
    "had",
    "'ve",
    "ve",
    "never",
    "also",
    "actually",
    "did",
    "just",
    "both",
    "already",
    "personally",
    "then",
    "always",
    "really",
    "certainly",
];

/// An act on the record stated by the one who did it (the speaker, or the one addressed): a
/// first- or second-person subject, a finite verb in the past (or a participle after "have"),
/// and an object a reader could look up: "I voted against the levy", "we passed the harbour levy in 2019",
/// "you doubled the fee", "I have backed the library fund". Not a verb of saying, thinking or
/// feeling ("I said", "we felt"), not "make" ("I made a mistake"), not a person, place or time as
/// the object ("I met the mayor", "we visited Ohio"), not a plan or a condition.
pub(super) fn own_record(s: &Sent, i: usize) -> Option<usize> {
    // "when I fell", "if you ran": a clause that sets a scene or a condition.
    if !word(s, i)
        || !any(s, i, &["i", "we", "you"])
        || (i > 0 && any(s, i - 1, &["when", "if", "as", "while", "unless"]))
    {
        return None;
    }
    let n = s.toks.len();
    let mut v = i + 1;
    while v < n && v <= i + 4 && word(s, v) && (any(s, v, RECORD_AUX) || s.fl(v) & flags::AUX_ADV != 0) {
        v += 1;
    }
    if !word(s, v) || s.fl(v) & (flags::BE | flags::MAKE | flags::MODAL) != 0 || irrealis(s, v) {
        return None;
    }
    let c = lx(s, v);
    let perfect = (i + 1..v).any(|k| any(s, k, &["have", "has", "had", "'ve", "ve"]));
    let finite = c.contains(Classes::VPAST) || (perfect && c.contains(Classes::VPART));
    if !finite
        || c.intersects(Classes::SAY | Classes::THINK | Classes::FEEL)
        || any(s, v, &["had", "did", "done", "got", "gotten", "been"])
    {
        return None;
    }
    // The object: "for" or "against" a measure, or a noun phrase whose head is not a person, a
    // place or a time.
    if any(s, v + 1, &["for", "against"]) {
        return Some(v + 1);
    }
    // A particle makes a phrasal verb, mostly a movement or an idiom: "went out", "sat down".
    if s.fl(v + 1) & flags::DIRECTION != 0 || any(s, v + 1, &["out", "down", "off", "up", "back", "over", "away"]) {
        return None;
    }
    let mut k = v + 1;
    while k < n && k <= v + 4 && word(s, k) && !s.toks[k].cap {
        let o = lx(s, k);
        let modifier = s.fl(k) & flags::DETERMINER != 0 || (o.contains(Classes::ADJ) && !o.contains(Classes::N));
        if !modifier {
            break;
        }
        k += 1;
    }
    let o = lx(s, k);
    let object = word(s, k)
        && !s.toks[k].cap
        && s.fl(k) & (flags::PRONOUN | flags::PREP | flags::TIME_UNIT) == 0
        && o.contains(Classes::N)
        && !o.intersects(Classes::PERSON | Classes::PLACE | Classes::TIME);
    let amount = s.toks.get(k).is_some_and(|t| t.kind == K::Num);
    (object || amount).then_some(k + 1)
}
