//! Stances and shapes of attribution beyond a verb of saying: a crowd's attitude ("many growers
//! are skeptical of"), a crowd's stance with a plain object ("most tenants dislike the rules"),
//! a headline's source before a colon, and any verb closing a quotation's tag.
use super::lx;
use super::np::{Grammar, Np};
use super::phrase::{adverb, content_after, push, subject_left};
use super::words as cw;
use super::{Attribution, SourceKind};
use crate::text::Span;

/// A past or present form closing a quotation's tag: `"...," she continued.`, `"...," Ortiz
/// recalled.` (a name or pronoun between the quotation and the verb, nothing after).
pub(super) fn tag_after_quote(g: &Grammar, i: usize) -> bool {
    // (Called for most words: the cheap test of the verb's form first.)
    if g.lx(i) & (lx::VPAST | lx::V3SG) == 0 {
        return false;
    }
    // Nothing after it but a time: "Ryan tweeted Friday.", "she added on Monday."
    // (A bounded look: a run-on line without a full stop stays linear.)
    let end = (i + 1..g.n().min(i + 5)).find(|&k| matches!(g.punct(k), Some('.' | '!' | '?'))).unwrap_or(g.n());
    let time_only = end - (i + 1) <= 3
        && (i + 1..end).all(|k| g.word(k) && (g.c(k) & (cw::PREP | cw::DET | cw::DAY) != 0 || g.lx(k) & lx::TIME != 0));
    if !(i + 1 >= g.n() || matches!(g.punct(i + 1), Some('.' | '!' | '?')) || time_only) {
        return false;
    }
    // One to four words of subject, after a quotation's closing mark and comma.
    (1..=4).any(|w| {
        i > w
            && (i - w..i).all(|k| g.word(k))
            && (g.s.toks[i - w - 1].quoted || matches!(g.punct(i - w - 1), Some('"' | '\'' | '”')))
    })
}

/// A headline's source before a colon: "Insiders: the mayor will run", "Harbour Trust: fees
/// will rise".
pub(super) fn headline_colon(g: &Grammar, out: &mut Vec<Attribution>) {
    let first = g.s.first;
    let Some(colon) = (first + 1..g.n().min(first + 7)).find(|&k| g.punct(k) == Some(':')) else { return };
    if colon + 1 >= g.n() || !(first..colon).all(|k| g.word(k)) {
        return;
    }
    // Someone, not a label ("Update:", "Note:").
    // (Someone: a name in capitals, a person or a group; not a topic, "Frustration with police:".)
    // (In a headline every word is capitalised: "Breaking:", "Contributing:" are labels.)
    let someone = |np: &Np| {
        (!g.title && (np.a..np.b).all(|k| !g.word(k) || g.s.toks[k].cap || g.c(k) != 0))
            || g.proper[np.head]
            || g.person_or_group(np.head)
            || g.c(np.head) & cw::PRON != 0
    };
    if let Some(np) =
        g.np(first, colon).filter(|np| someone(np) && g.kind(np, true).is_some_and(|(_, document)| !document))
    {
        let content = Some(Span::new(g.span(colon + 1, colon + 2).start, g.span(g.n() - 1, g.n()).end));
        push(g, out, Some(np), g.span(colon, colon + 1), content, true);
    }
}

/// Keeps, of the attributions from `before` on, only crowds stating a stance: vague, people
/// rather than a document ("a screen image captured"), a crowd rather than someone's circle
/// ("Cruz's lawyers relied on"), heading their clause ("..., lets users compare" has none). They
/// report nothing.
pub(super) fn keep_crowds(g: &Grammar, out: &mut Vec<Attribution>, before: usize) {
    let token = |a: usize| g.s.token_at(a);
    let clause_start = |k: usize| {
        // ("..., lets users compare": a verb is no subject's first word.)
        if g.lx(k) & lx::V3SG != 0 && g.word(k + 1) {
            return false;
        }
        k == g.s.first
            || k == 0
            || g.punct(k - 1).is_some()
            || (g.word(k - 1) && g.c(k - 1) & (cw::COORD | cw::SUBORD | cw::REL) != 0)
    };
    // A count of institutions acting is a checkable fact, not a crowd's view: "35 state
    // legislatures had approved it".
    let counted_bodies = |a: &Attribution| {
        a.source.zip(a.head).is_some_and(|(s, h)| {
            let (j, hd) = (token(s.start), token(h.end) - 1);
            g.numberish(j) && g.lx(hd) & (lx::ORG | lx::GROUP) != 0 && g.lx(hd) & lx::PERSON == 0
        })
    };
    let mut k = before;
    while k < out.len() {
        let crowd = out[k].kind == SourceKind::Vague
            && !out[k].document
            && !counted_bodies(&out[k])
            && out[k].source.is_some_and(|s| {
                let j = token(s.start);
                !(g.poss[j] || g.c(j) & cw::POSS != 0) && clause_start(j)
            });
        if crowd {
            out[k].report = false;
            k += 1;
        } else {
            out.remove(k);
        }
    }
}

/// "be" and a word for an attitude: "many donors are skeptical of", "some residents were
/// worried", "most voters remain hopeful that". A crowd's attitude stated as fact.
pub(super) fn attitude(g: &Grammar, i: usize, out: &mut Vec<Attribution>) {
    let mut j = i + 1;
    while j < g.n() && g.word(j) && (adverb(g, j) || cw::degree(g.s.w(j))) {
        j += 1;
    }
    let l = g.lx(j);
    let attitude = g.word(j)
        && g.c(j) == 0
        && ((l & lx::ADJ != 0 && l & lx::FEELING != 0 && l & lx::V == 0)
            || (l & lx::VPART != 0 && l & lx::FEEL != 0)
            // "are opposed to": a side taken (with "by" a stance participle is a passive, its
            // subject the thing judged: "was criticized by").
            || (l & lx::VPART != 0 && l & lx::STANCE != 0 && g.is(j + 1, "to")));
    if !attitude {
        return;
    }
    // The subject before the auxiliaries: "have long been skeptical", "might seem wary".
    let mut e = i;
    while e > 0 && g.word(e - 1) && (g.c(e - 1) & cw::AUX != 0 || adverb(g, e - 1)) {
        e -= 1;
    }
    if e == 0 {
        return;
    }
    let Some(np) = subject_left(g, e) else { return };
    let before = out.len();
    let content = content_after(g, j + 1);
    if push(g, out, Some(np), g.span(e.min(i), j + 1), content, false) {
        keep_crowds(g, out, before);
    }
}

/// A feeling whose experiencer is the object: "That rankled many in the party", "the ruling
/// alarms most growers". A crowd's feeling stated as fact, like a crowd's stance; only a
/// quantified crowd right after a finite verb counts (a named or defined object is an act on
/// someone: "the ruling angered the mayor").
pub(super) fn experiencer(g: &Grammar, i: usize, out: &mut Vec<Attribution>) {
    let l = g.lx(i);
    let finite = l & (lx::VPAST | lx::V3SG) != 0 || (l & lx::VING != 0 && i > 0 && g.c(i - 1) & cw::BE != 0);
    if !finite
        || l & lx::FEEL == 0
        || !g.word(i + 1)
        || g.c(i + 1) & cw::QUANT == 0
        || g.c(i + 1) & cw::DET != 0 && !g.is(i + 1, "most")
    {
        return;
    }
    // The object: to the clause's end, its next comma or a clause of its own ("rankled many
    // commuters because they had paid").
    // (People: "many growers", "many in the party", "some of its leaders"; not "many big
    // cities", "more contests", "most about a candidate".)
    let end = (i + 1..g.n())
        .find(|&k| {
            (g.punct(k).is_some() && !g.name_period(k))
                || (k > i + 2 && g.word(k) && g.c(k) & (cw::SUBORD | cw::COORD) != 0)
        })
        .unwrap_or(g.n());
    let Some(np) = g.np(i + 1, end) else { return };
    let h = np.head;
    let people = g.lx(h) & (lx::PERSON | lx::PEOPLE_NAME) != 0 && g.lx(h) & lx::PLACE == 0 && g.plural_noun(h)
        || g.c(h) & cw::QUANT != 0
            && !g.is(h, "more")
            && np.pp.is_some_and(|(p, _, _, oh)| {
                matches!(g.s.w(p), "of" | "in" | "among") && (g.person_or_group(oh) || g.lx(oh) & lx::PEOPLE_NAME != 0)
            });
    // (Only a place or a share after it: "others to target Americans" is a causative.)
    if !people || np.rel || np.pp.is_some_and(|(p, ..)| !matches!(g.s.w(p), "of" | "in" | "among")) {
        return;
    }
    let before = out.len();
    if push(g, out, Some(np), g.span(i, i + 1), None, false) {
        let k = out.len() - 1;
        if out[k].kind == SourceKind::Vague && !out[k].document && k >= before {
            out[k].report = false;
        } else {
            out.truncate(before);
        }
    }
}
