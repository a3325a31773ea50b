//! Cues and the sources they take: verbs of saying, thinking and feeling with their subjects,
//! "according to", passives, raising, nominal cues and evidence verbs.
use super::according::according_to;
use super::adjunct::{issued, main_subject, time_phrase_before};
use super::lx;
use super::nominal::nominal_cue;
use super::np::{Grammar, Np};
use super::passive::passive_cue;
use super::phrase::{
    adverb, after_object_noun, content_after, content_around, content_both, np_right, object_of_preposition, push,
    subject_left,
};
use super::stance::{attitude, experiencer, headline_colon, keep_crowds, tag_after_quote};
use super::told::{characterises, clause_follows, only_adjuncts_after, reduced_relative, view_object};
use super::words as cw;
use super::{Attribution, SourceKind};
use crate::text::Span;

/// Verb classes that make a verb an attribution cue.
const CUE_VERB: u32 = lx::SAY | lx::THINK | lx::FEEL;

pub(super) fn find(g: &Grammar, out: &mut Vec<Attribution>) {
    let n = g.n();
    headline_colon(g, out);
    let mut i = 0;
    while i < n {
        if !g.word(i) {
            i += 1;
            continue;
        }
        if g.is(i, "according") && g.is(i + 1, "to") {
            according_to(g, i, out);
            i += 2;
            continue;
        }
        if g.is(i, "in") && g.is(i + 1, "the") && g.is(i + 2, "eyes") && g.is(i + 3, "of") {
            if let Some((_, np)) = np_right(g, i + 4) {
                push(g, out, Some(np), Span::new(g.span(i, i + 4).start, g.span(i, i + 4).end), None, false);
            }
            i += 4;
            continue;
        }
        let l = g.lx(i);
        if g.compound_plural(i) {
            i += 1;
            continue;
        }
        let common = i > 0 && matches!(g.s.w(i - 1), "common" | "conventional" | "received");
        if l & lx::N != 0
            && (common || l & (lx::COGNITION | lx::COMMUNICATION | lx::FEELING | lx::STANCE) != 0)
            && nominal_cue(g, i, out)
        {
            i += 1;
            continue;
        }
        // A verb of saying, or of thinking or feeling that takes a clause ("believe that").
        // Without a clause frame, a complement says it: "fret about", "worry that".
        let complement = g.word(i + 1) && matches!(g.s.w(i + 1), "that" | "about" | "over" | "whether" | "if")
            || g.s.toks.get(i + 1).is_some_and(|t| t.quoted);
        let cue = l & lx::SAY != 0 || (l & (lx::THINK | lx::FEEL) != 0 && (l & lx::CLAUSE != 0 || complement));
        // A verb the dictionary lacks ("tweeted", "livestreamed") that introduces a clause, or
        // any past form as a tag after a quotation (`"...," she continued.`): a way of saying.
        // So is any finite verb whose object is a "that" clause with its own subject ("posted
        // that he ...").
        let that_clause = l & (lx::VPAST | lx::V3SG) != 0
            && g.is(i + 1, "that")
            && ((g.word(i + 2) && (g.c(i + 2) & (cw::PRON | cw::DET) != 0 || g.proper[i + 2]))
                // (Or a quotation opening the clause: `projects that "a small levy" would`.)
                || g.punct(i + 2).is_some_and(|c| "\"“".contains(c)));
        // "made clear that", "has made it plain that": the light verb "make" with an adjective
        // and a clause tells the clause (English's one light verb of that frame).
        let light = matches!(g.s.w(i), "make" | "makes" | "made" | "making") && {
            let a = if g.is(i + 1, "it") { i + 2 } else { i + 1 };
            // ("make sure that" is WordNet's verb "make sure", to ensure: no telling.)
            g.word(a)
                && g.c(a) == 0
                && g.lx(a) & lx::ADJ != 0
                && !matches!(g.s.w(a), "sure" | "certain")
                && g.is(a + 1, "that")
        };
        // "puts the cost at $4 billion", "put turnout at 61 percent": "put" with an object and
        // an amount after "at" is an estimate, told like a clause (English's one verb of that
        // frame).
        let estimate = matches!(g.s.w(i), "put" | "puts" | "putting") && {
            let lim = (i + 10).min(g.n());
            let at = (i + 2..lim).take_while(|&k| g.word(k)).find(|&k| g.is(k, "at"));
            // (A determiner or an adjective may come first: "at a solid 50 percent".)
            at.is_some_and(|k| {
                (k + 1..(k + 4).min(g.n()))
                    .take_while(|&j| g.word(j) || g.amount_start(j))
                    .any(|j| g.numberish(j) || g.amount_start(j))
            })
        };
        let that_clause = that_clause || light || estimate;
        // (A verb the dictionary knows with no sense among its classes counts too: "tweeted".)
        let classless =
            l & !(lx::N | lx::V | lx::ADJ | lx::ADV | lx::NPL | lx::V3SG | lx::VPAST | lx::VPART | lx::VING) == 0;
        // (A day may come first: "tweeted Monday that".)
        let after_day = if g.word(i + 1) && g.c(i + 1) & cw::DAY != 0 { i + 2 } else { i + 1 };
        // (A word the dictionary lacks with a past ending is a past form too: "deadpanned".)
        let unknown_past = crate::lexicon::unknown_past(g.s.w(i), crate::lexicon::Classes::from_bits(g.s.toks[i].lex));
        let says_anyway = that_clause
            || (l & lx::VPAST != 0 || unknown_past)
                && (g.s.toks[i].lex == 0 || classless)
                && (g.is(after_day, "that")
                    || g.s.toks.get(i + 1).is_some_and(|t| t.quoted)
                    || (matches!(g.punct(i + 1), Some(',' | ':')) && g.s.toks.get(i + 2).is_some_and(|t| t.quoted))
                    // (Or a tag after a quotation, before a name: `," deadpanned Ana Ruiz`.)
                    || (i > 0
                        && matches!(g.punct(i - 1), Some('"' | '”'))
                        && g.s.toks.get(i + 1).is_some_and(|t| t.cap && !t.quoted)));
        // A linking verb with an attitude ("many growers seem skeptical"): read before the frames
        // of "seem that" and "seem to", which take the same verb.
        let linking_attitude = g.c(i) == 0 && cw::linking(g.s.w(i)) && !g.is(i + 1, "that") && !g.is(i + 1, "to");
        if cue && l & lx::V != 0 && g.c(i) == 0 {
            verb(g, i, out);
        } else if linking_attitude && l & (lx::SAY | lx::THINK | lx::FEEL | lx::STANCE) == 0 {
            // (People only: "none seemed possible", "this all seems familiar" hold no view.)
            let before = out.len();
            attitude(g, i, out);
            let people: Vec<Attribution> = out
                .drain(before..)
                .filter(|a| {
                    a.head.map(|h| g.s.token_at(h.end) - 1).is_some_and(|h| g.c(h) == 0 && g.person_or_group(h))
                })
                .collect();
            out.extend(people);
        } else if l & lx::CAUSE != 0 && l & (lx::VPAST | lx::V3SG) != 0 && g.c(i) == 0 && view_object(g, i + 1) {
            // "raised concerns that", "raises questions about": a verb that brings a view about,
            // with the view as its object, voices it.
            verb_as(g, i, l | lx::SAY, out);
        } else if (says_anyway || tag_after_quote(g, i)) && g.c(i) == 0 {
            verb_as(g, i, l | lx::SAY | lx::CLAUSE, out);
        } else if l & lx::V != 0
            && l & lx::CLAUSE != 0
            && g.c(i) == 0
            // (A verb of taking a side with a plain object is a stance, below: "endorsed the
            // candidate".)
            && (l & lx::STANCE == 0 || g.is(i + 1, "that"))
            // (Nor a verb of happening that takes a clause: "the only reason it's not happening
            // is ...".)
            && (l & lx::CHANGE == 0 || l & (lx::SAY | lx::THINK) != 0)
        {
            // An evidence verb with a document subject: "the inquiry found that", "a poll
            // showed".
            // With a "that" clause, anyone can be the finder: "The Observer found that", "the
            // panel concluded that"; and closing the sentence as its tag: "..., Fox found."
            let that = (g.is(i + 1, "that") && clause_follows(g, i + 2))
                || (i > 0
                    && (i + 1..g.n()).all(|k| !g.word(k))
                    && (0..i).rev().take(6).any(|k| g.punct(k) == Some(',')));
            let before = out.len();
            verb_as(g, i, l | lx::SAY, out);
            let mut k = before;
            while k < out.len() {
                if out[k].document || (that && matches!(out[k].kind, SourceKind::Named | SourceKind::Pronoun)) {
                    k += 1;
                } else {
                    out.remove(k);
                }
            }
        } else if l & (lx::THINK | lx::FEEL | lx::STANCE) != 0
            && l & (lx::CHANGE | lx::CAUSE) == 0
            && l & lx::V != 0
            && g.c(i) == 0
        {
            // A stance with a plain object ("many residents dislike the lanes", "most growers
            // doubted the figures", "some shop owners oppose the lanes": a verb of taking a side,
            // WordNet's STANCE): a crowd's view stated as fact, whoever holds it. Only a crowd
            // makes it a finding; a named person's stance is an act. Not a verb that also means a
            // change or a cause ("many plumbers left the trade").
            let before = out.len();
            // Active and at the head of its clause: not "are bound by", not "lets users compare".
            // ("were opposing the plan": "be" with the "-ing" form is active.)
            let progressive = l & lx::VING != 0 && g.s.w(i).ends_with("ing");
            let passive = !progressive && (i.saturating_sub(3)..i).any(|k| g.word(k) && g.c(k) & cw::BE != 0);
            // "failed to agree": a verb that takes an infinitive but no clause is an aspect of
            // the act, not a view of it.
            let aspect = g.is(i + 1, "to") && l & lx::CLAUSE == 0;
            if !passive && !aspect {
                verb(g, i, out);
            }
            keep_crowds(g, out, before);
        } else if g.c(i) & cw::BE != 0 || (g.c(i) == 0 && cw::linking(g.s.w(i))) {
            attitude(g, i, out);
        }
        if l & lx::FEEL != 0 && l & lx::V != 0 && g.c(i) == 0 {
            experiencer(g, i, out);
        }
        i += 1;
    }
}

/// Whether the verb-class word at `i` is a verb here, and if so its attribution.
fn verb(g: &Grammar, i: usize, out: &mut Vec<Attribution>) {
    verb_as(g, i, g.lx(i), out);
}

/// [`verb`], reading the word at `i` with the classes `l`.
fn verb_as(g: &Grammar, i: usize, l: u32, out: &mut Vec<Attribution>) {
    let s = g.s;
    // "a firm called Harbour Data": a name given, not a call ("the mayor called Ortiz a liar").
    if matches!(s.w(i), "called" | "named" | "dubbed")
        && i > 0
        && (i.saturating_sub(4)..i).any(|k| g.is(k, "a") || g.is(k, "an"))
        && g.word(i - 1)
        && g.lx(i - 1) & lx::N != 0
        && g.c(i - 1) == 0
        && (i + 1 < g.n() && (s.toks[i + 1].quoted || g.proper[i + 1] || matches!(g.punct(i + 1), Some('"' | '“'))))
    {
        return;
    }
    let n = g.n();
    // "his alleged paramours", "the reported figures": after a determiner or a possessive, a
    // form that is also an adjective is one.
    // ("Another posted": a determiner that can stand alone is a subject.)
    let article = i > 0 && (g.is(i - 1, "the") || g.is(i - 1, "a") || g.is(i - 1, "an"));
    if i > 0 && (g.poss[i - 1] || g.c(i - 1) & cw::POSS != 0 || article) && g.lx(i) & lx::ADJ != 0 {
        return;
    }
    // "from both presumed Republican nominee Trump and ...": a quantifier after a preposition
    // determines the preposition's object, so a participle after it before a name or another
    // adjective is a modifier.
    if i > 1
        && g.c(i - 1) & cw::QUANT != 0
        && g.word(i - 2)
        && g.c(i - 2) & cw::PREP != 0
        && g.lx(i) & (lx::ADJ | lx::VPART) != 0
        && g.word(i + 1)
        && g.c(i + 1) == 0
        && (g.s.toks[i + 1].cap || (g.lx(i + 1) & lx::ADJ != 0 && g.lx(i + 1) & lx::N == 0))
    {
        return;
    }
    if reduced_relative(g, i, l) {
        return;
    }
    // A participle right before a finite verb of saying modifies that verb's subject: "residents
    // interviewed said".
    if l & lx::VPART != 0 && i > 0 && g.word(i - 1) && g.lx(i - 1) & lx::N != 0 && g.finite_cue(i + 1) {
        return;
    }
    if s.toks[i].cap && i != s.first && !g.title && !(i > 0 && matches!(g.punct(i - 1), Some('"' | ':'))) {
        return; // a name: "United States", "Warns Street"
    }
    // Auxiliaries, negation and adverbs to the left: "have privately wondered", "did not dispute".
    let mut e = i;
    let mut aux_be = false;
    let mut aux_any = false;
    // An aside between the auxiliary and the verb: "Families ... have, for years, described".
    if e > 2
        && g.punct(e - 1) == Some(',')
        && let Some(open) = (e.saturating_sub(7)..e - 1).rev().find(|&k| g.punct(k) == Some(','))
        && open > 0
        && (open + 1..e - 1).all(|k| g.word(k) || g.is_num(k))
        && g.word(open - 1)
        && g.c(open - 1) & cw::AUX != 0
    {
        e = open;
    }
    while e > 0 && g.word(e - 1) {
        let c = g.c(e - 1);
        // ("but" is an adverb in the dictionary too: "deciding but said" has two verbs.)
        if c & cw::COORD != 0 {
            break;
        }
        // "over all" is one adverb: "white men over all favored".
        if g.is(e - 1, "all") && e >= 2 && g.is(e - 2, "over") {
            e -= 2;
            continue;
        }
        // An adverb the lexicon knows only as one ("however", "later"), or any "-ly" adverb.
        // (Only a word the closed classes do not claim: "some" is an adverb in the dictionary too,
        // and a quantifier here. And not a capitalised word that would leave the verb without a
        // subject: "Jolly said".
        // Nor, inside the sentence, a capitalised "-ly" word: a name, "..., Kelly said". Only a
        // headline capitalises its adverbs.)
        let open_class = c == 0 && !(g.s.toks[e - 1].cap && (e - 1 == g.s.first || !g.title));
        let adv_only = g.lx(e - 1) & lx::ADV != 0 && g.lx(e - 1) & (lx::N | lx::V) == 0 && !g.s.toks[e - 1].cap;
        // (Between an auxiliary and a participle any word that can be an adverb is one: "was first
        // reported".)
        let sandwiched = open_class
            && g.lx(e - 1) & lx::ADV != 0
            && l & (lx::VPART | lx::VING) != 0
            && e >= 2
            && g.word(e - 2)
            && g.c(e - 2) & cw::AUX != 0;
        let ly = (open_class && ((g.s.w(e - 1).ends_with("ly") && g.lx(e - 1) & lx::ADV != 0) || adv_only))
            || adverb(g, e - 1)
            || sandwiched;
        // A time between the subject and its verb: "Gowdy earlier Thursday said", "the panel
        // last week found" (a day, or a time noun after "last", "this", "earlier", ...).
        let time_noun = g.lx(e - 1) & lx::TIME != 0
            && g.lx(e - 1) & lx::N != 0
            && e >= 2
            && matches!(g.s.w(e - 2), "last" | "this" | "earlier" | "later" | "that" | "next");
        // (Not a participle's day: "a poll released Saturday found".)
        let participle = |k: usize| g.lx(k) & lx::VPART != 0 && g.lx(k) & lx::N == 0;
        let participle_before = e >= 2 && participle(e - 2) || e >= 3 && g.is(e - 2, "on") && participle(e - 3);
        if c & cw::DAY != 0 && !participle_before {
            e -= 1;
            // ("Sanders on Tuesday said": the day's preposition too.)
            // (Not a participle's: "a poll released on Monday showed".)
            if e >= 2 && g.is(e - 1, "on") && g.word(e - 2) && g.c(e - 2) == 0 && !participle(e - 2) {
                e -= 1;
            }
            continue;
        }
        // A time phrase with its preposition: "have in the past said", "has for months argued".
        if let Some(k) = time_phrase_before(g, e) {
            e = k;
            continue;
        }
        if time_noun && !(e >= 3 && participle(e - 3)) {
            e -= 2;
            continue;
        }
        // A person's pronoun with its auxiliary contracted is the subject: "he's said", "we've
        // argued" (not "it's often said that", "he's said to be", passives).
        if c & cw::PRON != 0 && c & cw::AUX != 0 && !g.s.w(e - 1).starts_with("it") && !g.is(i + 1, "to") {
            aux_any = true;
            break;
        }
        if c & cw::AUX != 0 {
            aux_any = true;
            aux_be |= c & cw::BE != 0;
        } else if !(c & (cw::NEG | cw::ADV) != 0 || ly || (c & cw::PREQUANT != 0 && c & cw::PREP == 0)) {
            break;
        }
        e -= 1;
    }
    // Catenative: "continues to tell", "plans to argue", "seem to believe".
    if !aux_any && e >= 2 && g.is(e - 1, "to") && g.lx(e - 2) & lx::TOINF != 0 && g.c(e - 2) == 0 {
        e -= 2;
        while e > 0 && g.word(e - 1) && (g.c(e - 1) & (cw::AUX | cw::NEG | cw::ADV) != 0) {
            e -= 1;
        }
        aux_any = true;
    }
    // Ability, permission and obligation are not a report: "consumers can call", "critics may
    // argue" (the writer's hypothesis).
    if (e..i).any(|k| {
        matches!(
            g.s.w(k),
            "can"
                | "could"
                | "may"
                | "might"
                | "should"
                | "must"
                | "shall"
                | "cannot"
                | "can't"
                | "couldn't"
                | "mustn't"
                | "shouldn't"
        )
    }) {
        return;
    }
    // "councillors will consider them at the meeting": a plan, not a thought reported.
    if l & lx::SAY == 0 && (e..i).any(|k| matches!(g.s.w(k), "will" | "'ll" | "shall")) {
        return;
    }
    // "was too low", "is short": after "be", only a participle is a verb.
    if aux_be && l & (lx::VPART | lx::VING) == 0 {
        return;
    }
    let ving = l & lx::VING != 0;
    let part_only = l & lx::VPART != 0 && l & lx::VPAST == 0;
    // A reduced passive with its agent: "as reported by several outlets", "..., cited by
    // defence analysts" (not after a noun: "a lawsuit filed by a staffer" is an act).
    let reduced = !aux_any
        && l & lx::VPART != 0
        && l & (lx::SAY | lx::THINK) != 0
        && g.is(i + 1, "by")
        && e == i
        && i > 0
        && (g.is(i - 1, "as") || g.punct(i - 1) == Some(','));
    let passive = (aux_be || reduced) && l & lx::VPART != 0;
    if ving && !aux_be {
        // "..., saying the law was void": the main clause's subject is the source. Not "fearing
        // the worst" (a feeling with no clause) or "by saying" (a means).
        let reports =
            l & lx::SAY != 0 || (l & (lx::THINK | lx::FEEL) != 0 && l & lx::CLAUSE != 0 && clause_follows(g, i + 1));
        if reports && e == i && i > 0 && g.punct(i - 1) == Some(',') {
            // Someone who can speak: not a document or a thing ("the narratives will evolve,
            // ensuring ...").
            if let Some(np) = main_subject(g, i - 1).filter(|np| !g.kind(np, true).is_some_and(|k| k.1)) {
                let content = content_after(g, i + 1);
                if push(g, out, Some(np), g.span(i, i + 1), content, true)
                    && let Some(last) = out.last_mut()
                {
                    last.report = clause_follows(g, i + 1);
                }
            }
        } else if reports
            && !aux_any
            && let Some((end, document)) = issued(g, i)
            // (What a document says may be any phrase: "a statement saying ridership fell".)
            && (document || clause_follows(g, i + 1))
            && let Some(np) = main_subject(g, end).filter(|np| !g.kind(np, true).is_some_and(|k| k.1))
        {
            // "released a statement Wednesday saying ...", "began by saying ...": what the
            // statement says, or the means, is told by whoever issued it, the clause's subject.
            if push(g, out, Some(np), g.span(i, i + 1), content_after(g, i + 1), true)
                && let Some(last) = out.last_mut()
            {
                last.report = true;
            }
        } else if reports
            && let Some(w) =
                (e.saturating_sub(10)..e).rev().take_while(|&k| g.word(k) || g.is_num(k)).find(|&k| g.is(k, "with"))
            && let Some(np) = g.np(w + 1, e)
            // (A document too, when it tells a "that" clause: "with some polls indicating that".)
            && g.kind(&np, true).is_some_and(|(k, doc)| (!doc || g.is(i + 1, "that")) && k != SourceKind::Impersonal)
        {
            // "with 30 percent of voters saying they ...": the -ing form's subject is the phrase
            // after "with".
            push(g, out, Some(np), g.span(e, i + 1), content_after(g, i + 1), true);
        }
        return;
    }
    if part_only && !aux_any && !reduced {
        return; // an adjective: "a widely known fact"
    }
    // A noun here: after a determiner, a possessive, a number or an adjective ("the claims",
    // "voters' fears").
    // (Not after a subject pronoun: "She says it's ...".)
    if l & lx::N != 0 && !aux_any && e == i && i > 0 && !(g.word(i - 1) && g.c(i - 1) & cw::PRON != 0) {
        let p = i - 1;
        let c = g.c(p);
        // "nominating contests", "conflicting reports": after an -ing form, a noun.
        let ing_before = g.word(p)
            && g.lx(p) & lx::VING != 0
            && g.c(p) == 0
            && (g.lx(p) & lx::N == 0
                // ("main talking points": an -ing form after a determiner or adjective modifies
                // a plural; "the building suspect" is a subject and its verb.)
                || l & lx::NPL != 0
                    && p > 0
                    && g.word(p - 1)
                    && (g.c(p - 1) & (cw::DET | cw::POSS) != 0
                        || g.poss[p - 1]
                        || g.c(p - 1) == 0 && g.lx(p - 1) & lx::ADJ != 0 && g.lx(p - 1) & lx::V == 0));
        // A determiner before it makes a noun, but "no one knows", "some accused": a pronoun, or a
        // quantifier that takes plurals before a form that is no plural noun.
        let one_pronoun = g.is(p, "one") && p > 0 && matches!(g.s.w(p - 1), "no" | "every" | "some" | "any" | "each");
        // (After a verb or a preposition the quantifier determines an object: "causing some
        // worry".)
        let object_position = p > 0
            && g.word(p - 1)
            && (g.c(p - 1) & cw::PREP != 0
                || (g.c(p - 1) == 0
                    && (g.lx(p - 1) & lx::VING != 0
                        || g.lx(p - 1) & (lx::VPAST | lx::V3SG) != 0 && g.lx(p - 1) & lx::N == 0)));
        // (Nor before a plural noun it modifies: "most state parties release".)
        let compound = g.word(i + 1) && g.c(i + 1) == 0 && g.lx(i + 1) & lx::NPL != 0 && !g.s.toks[i + 1].cap;
        let quant_subject = c & cw::QUANT != 0 && c & cw::DET == 0 && l & lx::NPL == 0 && !object_position && !compound;
        // "one in five say": the share's second number, not a determiner.
        let share_before = p >= 2 && g.is(p - 1, "in") && g.numberish(p - 2) && g.numberish(p);
        // "One says ..., while another says ...": a determiner standing for a noun, then its verb
        // and the told clause.
        let stands_alone = matches!(g.s.w(p), "one" | "another")
            && (p == s.first || !g.word(p - 1) || g.c(p - 1) & (cw::COORD | cw::SUBORD) != 0)
            && l & lx::SAY != 0
            && clause_follows(g, i + 1);
        // A verb of saying with its told clause after a word that may be an adjective or an -ing
        // modifier is that word's verb: "Bush says the rights are", "SEIU chief says Trump can
        // win", "Another ranking says he is" (not "recent surveys" or "plain words", which tell no
        // clause).
        // (The clause opens right after the verb: a pronoun, a determiner, a name or "that".)
        let opens = g.word(i + 1) && (g.c(i + 1) & (cw::PRON | cw::DET) != 0 || g.proper[i + 1]);
        let tells = l & lx::SAY != 0 && l & lx::V3SG != 0 && g.word(p) && opens && clause_follows(g, i + 1);
        let noun_before = (ing_before && !tells)
            || (g.word(p)
                && !one_pronoun
                && !quant_subject
                && !share_before
                && !stands_alone
                && (c & (cw::DET | cw::POSS | cw::QUANT | cw::NUMBER | cw::INDEFINITE | cw::PREP) != 0 || g.poss[p]));
        // A figure before it makes a noun of a plural ("3,000 spaces") or inside a determined
        // phrase ("the 2016 report"), not of a bare singular form: "four in 10 say".
        let figure_before = s.toks[p].kind == crate::attribution::tokens::K::Num
            && !one_pronoun
            && (l & lx::NPL != 0
                || p == 0
                || g.c(p - 1) & (cw::DET | cw::POSS) != 0
                || g.poss[p - 1]
                || g.s.w(p).len() == 4);
        // "an average Social Security check": a name after "a" or "an" modifies the noun after
        // it (an indefinite article does not open a name alone).
        let base_form = l & (lx::V3SG | lx::VPAST | lx::VPART | lx::VING) == 0;
        let after_name = base_form
            && p > s.first
            && s.toks[p].cap
            && g.c(p) == 0
            && (s.first..p)
                .rev()
                .take_while(|&k| {
                    g.word(k)
                        && (s.toks[k].cap && g.c(k) == 0
                            || g.is(k, "a")
                            || g.is(k, "an")
                            || g.c(k) == 0 && g.lx(k) & lx::ADJ != 0)
                })
                .any(|k| g.is(k, "a") || g.is(k, "an"));
        if noun_before || figure_before || after_name || g.s.modified_noun(i) {
            return;
        }
        // "recent surveys", "plain words": an adjective before a plural form makes it a noun.
        // (Not a capitalised word that is also a noun: `"...," Backer says` is a name and its
        // verb.)
        let adjective_before = g.word(p)
            && g.c(p) == 0
            && g.lx(p) & lx::ADJ != 0
            && (g.lx(p) & (lx::N | lx::V) == 0 || l & lx::NPL != 0)
            // (Inside the sentence only: "Plain words" opening one is an adjective and a noun.)
            && !(s.toks[p].cap && p != s.first && g.lx(p) & lx::N != 0 && l & lx::V3SG != 0)
            // (A tag between commas is a noun and its verb: "Investment, official says, helped".)
            && !(l & lx::V3SG != 0 && p > 0 && g.punct(p - 1) == Some(',') && g.punct(i + 1) == Some(','));
        // "voter fears grow", "recent surveys show": a noun followed by its verb.
        let next = g.lx(i + 1);
        // (A finite form: "say taxing" is a verb and its object, not a noun and its verb.)
        let finite_next = next & (lx::V3SG | lx::VPAST) != 0 || (l & lx::NPL != 0 && next & lx::VING == 0);
        let verb_after = g.word(i + 1)
            && g.c(i + 1) == 0
            && next & lx::V != 0
            && finite_next
            && (next & lx::N == 0 || (l & lx::NPL != 0 && next & CUE_VERB != 0));
        // ("which Democrats say could be": in a relative clause the told clause's subject is
        // the relative pronoun, so an auxiliary follows the verb.)
        // (Or without its pronoun: "a risk some pilots say could".)
        let relative = (p.saturating_sub(2)..p).any(|k| g.word(k) && g.c(k) & cw::REL != 0)
            || (p.saturating_sub(2)..=p)
                .any(|k| (g.c(k) & (cw::QUANT | cw::DET | cw::POSS) != 0 || g.proper[k]) && after_object_noun(g, k));
        // (A pronoun contracted with its auxiliary is the told clause's subject: "aides say it's
        // too early".)
        let contracted = g.word(i + 1) && g.s.w(i + 1).contains(['\'', '’']) && !g.s.w(i + 1).starts_with(['\'', '’']);
        let aux_next = g.word(i + 1) && g.c(i + 1) & cw::AUX != 0 && !contracted && !(relative && l & lx::CLAUSE != 0);
        // (In a relative clause the told clause has no subject of its own: "which the campaign
        // says includes 2.7 million".)
        let verb_after = verb_after && !(relative && l & lx::SAY != 0);
        if (adjective_before && !tells) || verb_after || aux_next {
            return;
        }
    }
    let cue = g.span(e.min(i), i + 1);
    if passive {
        passive_cue(g, i, e, cue, out);
        return;
    }
    let says = l & lx::SAY != 0;
    // Inverted: `"...," said the mayor` / `..., says a report.` A subject on the left comes first:
    // "Grayson, an Orlando Democrat, criticized ...".
    let left = tag_subject(g, e, i)
        .or_else(|| (e > 0).then(|| subject_left(g, e)).flatten())
        .filter(|np| g.kind(np, says).is_some());
    // The tag follows what was said, and is finite: "said", "says", "added".
    let finite = l & (lx::V3SG | lx::VPAST) != 0;
    // (Or a base form before a plural: "Part of the problem, say experts like ..., is".)
    let base_form = l & (lx::V3SG | lx::VPAST | lx::VPART | lx::VING) == 0;
    // (A singular phrase to the left cannot be a base form's subject: "Part of the problem, say
    // many experts, is".)
    let left_agrees = left.is_some_and(|np| !(base_form && !np.coord && !g.plural_noun(np.head)));
    // A name after a tag that follows a comma speaks, unless the phrase on the left can speak:
    // "Mandates distract from teaching and learning, said Wilcox" (not "Smith, 45, said Jones,
    // his partner, was lying", "An official, speaking on condition of anonymity, said Wednesday").
    // (Nor can a preposition's object: "spreading his message to Tea Party and evangelical
    // groups, said James Henson".)
    let left_weak = left.is_none_or(|np| {
        (!matches!(g.kind(&np, says), Some((SourceKind::Named | SourceKind::Pronoun, _)))
            && !g.person_or_group(np.head)
            && !g.proper[np.head])
            || object_of_preposition(g, np.a)
    });
    let comma_before = e > 0 && g.punct(e - 1) == Some(',');
    // An aside about a person right before the verb closes that person's phrase, its subject:
    // "an intelligence source, who was not authorized to speak on the record, told Fox News".
    let person_aside =
        comma_before && (e.saturating_sub(SUBJECT_ASIDE)..e).any(|k| matches!(g.s.w(k), "who" | "whom" | "whose"));
    if says
        && (finite || base_form)
        && !aux_any
        && !person_aside
        && (!left_agrees || comma_before)
        && (e > 0
            && (matches!(g.punct(e - 1), Some(',' | '—'))
            // A quotation ends with its own punctuation before the tag (`,"`); a quoted name
            // does not ("called “The Local” cited").
            || ((matches!(g.punct(e - 1), Some('"' | '\'' | '“' | '”')) || s.toks[e - 1].quoted)
                && (e < 2 || !g.word(e - 2) || !s.toks[e - 2].quoted)))
            // Or opening the sentence before a colon: "Said Ellis: ...".
            || (e == g.s.first && i == e))
        && let Some((b, np)) = np_right(g, i + 1)
        // A tag between commas right after the subject, the clause going on after it: "Critics,
        // said Okafor, are angry" (not "Smith, 45, said Jones, his partner, was lying": the
        // subject's aside comes first).
        && {
            let mid = left.is_some_and(|lp| lp.b + 1 == e)
                && g.punct(b) == Some(',')
                && g.word(b + 1)
                && (g.c(b + 1) & cw::AUX != 0 || (g.c(b + 1) == 0 && g.lx(b + 1) & (lx::V3SG | lx::VPAST) != 0));
            g.kind(&np, true).is_some_and(|(k, _)| !left_agrees || mid || (left_weak && k == SourceKind::Named))
        }
        && (finite || g.plural_noun(np.head) || np.coord)
        && (e > g.s.first || i != e || matches!(g.punct(b), Some(':' | ',')))
        && (b >= n
            || matches!(g.punct(b), Some(',' | '.' | ';' | ':' | '?' | '!' | '—' | ')'))
            || g.is(b, "that")
            || g.is(b, "in")
            || g.is(b, "on"))
    {
        let content = content_around(g, e, b);
        push(g, out, Some(np), g.span(i, i + 1), content, says);
        return;
    }
    if e == 0 {
        return;
    }
    // "..., who said": the relative pronoun stands for the phrase before it.
    if g.is(e - 1, "who") && clause_follows(g, i + 1) {
        // The relative clause ends at its comma: what follows is the main clause's.
        let end = (i + 1..n).find(|&k| g.punct(k) == Some(',')).unwrap_or(n);
        // "A lineman, who asked not to be named, said ...": the clause belongs to the subject of
        // the verb after it, which is the source.
        let verb_next = g.word(end + 1)
            && (g.c(end + 1) & cw::AUX != 0 || (g.c(end + 1) == 0 && g.lx(end + 1) & (lx::V3SG | lx::VPAST) != 0));
        if verb_next {
            return;
        }
        let content = content_after(g, i + 1)
            .map(|c| Span::new(c.start, c.end.min(g.span(end.min(n - 1), end.min(n - 1) + 1).start.max(c.start))));
        out.push(Attribution {
            source: Some(g.span(e - 1, e)),
            head: Some(g.span(e - 1, e)),
            cue,
            content,
            kind: SourceKind::Pronoun,
            reason_given: false,
            document: false,
            report: clause_follows(g, i + 1),
        });
        return;
    }
    let left = left.or_else(|| subject_left(g, e));
    // A second verb of the same subject: "ProPublica obtained the video and said ...".
    let left = match left {
        Some(np) if g.kind(&np, says).is_some() => Some(np),
        // (Not a plural noun ending a list: "precedent, history and articles".)
        _ if g.word(e - 1)
            && matches!(g.s.w(e - 1), "and" | "but")
            && e >= 2
            && (g.lx(i) & lx::NPL == 0 || !(e.saturating_sub(6)..e - 1).any(|k| g.punct(k) == Some(','))) =>
        {
            main_subject(g, e - 1).or(left)
        }
        _ => left,
    };
    // A thing the article has introduced that says something: "the lawsuit says", "the ruling
    // said that": a definite description of a document or a body, named by the article.
    if let Some(np) = left
        && g.kind(&np, says).is_none()
        && says
        && l & (lx::V3SG | lx::VPAST) != 0
        && np.det.is_some_and(|d| g.is(d, "the") || g.c(d) & cw::POSS != 0)
        && clause_follows(g, i + 1)
        // A new clause, not a participle before the verb: "the engagement observed is ...".
        && !(g.word(i + 1) && (g.c(i + 1) & cw::AUX != 0 || g.lx(i + 1) & (lx::V3SG | lx::VPAST) != 0 && g.c(i + 1) == 0))
    {
        out.push(Attribution {
            source: Some(g.span(np.a, np.b)),
            head: Some(Span::new(g.span(np.a, np.a + 1).start, g.span(np.head, np.head + 1).end)),
            cue,
            // (A tag ending the sentence tells what comes before it: "..., the airline said
            // Thursday.")
            content: if only_adjuncts_after(g, i + 1) {
                content_around(g, np.a, i + 1)
            } else {
                content_after(g, i + 1)
            },
            kind: SourceKind::Named,
            reason_given: false,
            document: true,
            report: true,
        });
        return;
    }
    if let Some(np) = left {
        // A tag at the end ("..., Kennedy wrote Linick."): what comes before is the content.
        // (Not an object: "..., the mayor repeated her offer.")
        // (An addressee by name counts: "..., an official told The New York Times.")
        let rest = (i + 1..n).filter(|&k| g.word(k)).count();
        let named_rest = rest <= 4 && (i + 2..n).all(|k| !g.word(k) || g.s.toks[k].cap) && g.is(i + 1, "the");
        let rest_short = (rest <= 2 && !(g.word(i + 1) && g.c(i + 1) & (cw::DET | cw::POSS) != 0)) || named_rest;
        // Or in the middle, between commas: "..., her advisers said Friday, because ...".
        let tag_between =
            (i + 1..n.min(i + 4)).find(|&k| g.punct(k).is_some()).is_some_and(|k| g.punct(k) == Some(','))
                && np.a > 0
                && g.punct(np.a - 1) == Some(',');
        // Or followed by no clause of its own: "..., the host said in posing the question."
        // (Only a prepositional phrase after it: "reiterated his request" has an object.)
        let no_clause = np.a > 0
            && g.punct(np.a - 1) == Some(',')
            && says
            && g.word(i + 1)
            && g.c(i + 1) & cw::PREP != 0
            && !clause_follows(g, i + 1);
        // Or right after a quotation, with no clause of its own: `"...," prosecutors wrote in
        // seeking a penalty.`
        let after_quote = np.a > 0
            && (g.s.toks[np.a - 1].quoted || matches!(g.punct(np.a - 1), Some('"' | '\'' | '\u{201d}')))
            && !clause_follows(g, i + 1);
        let tag_at_end = np.a > 0
            && matches!(g.punct(np.a - 1), Some(',' | '"' | '\'' | '\u{201d}'))
            && (rest_short || tag_between || after_quote);
        // A base form agrees with a plural or a pronoun, not a singular noun: "an Institute
        // survey" is a noun.
        let base = l & (lx::V3SG | lx::VPAST | lx::VPART | lx::VING) == 0;
        // ("one in five say": a share of a set is many.)
        let share = g.numberish(np.head) && np.pp.is_some_and(|(p, oa, _, _)| g.is(p, "in") && g.numberish(oa));
        // ("a wide array of economists say", "a number of aides say": a collective agrees with
        // the plural it counts.)
        let of_plural = np.pp.is_some_and(|(p, _, _, oh)| g.is(p, "of") && g.plural_noun(oh));
        // ("those surveyed say": a plural determiner makes the phrase plural; not "every" or
        // "each", determiners of one.)
        // ("a third say", "three-quarters say": a fraction of those asked is many.)
        let plural_det = super::kind::fraction(g.s.w(np.head))
            || np
                .det
                .is_some_and(|d| g.is(d, "those") || g.is(d, "these") || g.c(d) & (cw::QUANT | cw::DET) == cw::QUANT);
        if base && !aux_any && !np.coord && !share && !of_plural && !plural_det && !g.plural_noun(np.head) {
            return;
        }
        // An unnamed person is an anonymous *source* when they tell something: a clause, a
        // quotation or a tag ("a juror reported feeling ill" is an event).
        let single = np.det.is_some_and(|d| {
            g.c(d) & (cw::INDEFINITE | cw::NUMBER) != 0 && g.is(d, "a")
                || g.is(d, "an")
                || g.is(d, "one")
                || g.is(d, "another")
        });
        let kind = g.kind(&np, says).map(|(k, _)| k);
        // "described the race as a rout", "called the plan a giveaway": a characterisation is
        // what the source says of its object.
        let told = clause_follows(g, i + 1) || characterises(g, i) || view_object(g, i + 1);
        // "A diplomat praised the plan", "an aide condemned the ruling": a side taken on its
        // object (WordNet's STANCE) is the source's view of it, told or not.
        let judged = l & lx::STANCE != 0 && g.word(i + 1);
        if !tag_at_end && single && kind == Some(SourceKind::Anonymous) && !told && !judged {
            return;
        }
        // A verb of saying with a plain object is an act, not a report: "the city added 3,000
        // spaces". An institution's act is no source at all ("several banks announced rate
        // cuts"); a person's stays in the ledger but sources nothing.
        let institution = g.lx(np.head) & (lx::ORG | lx::GROUP) != 0 && g.lx(np.head) & lx::PERSON == 0;
        // "decided to sell", "chose to stay": a verb of thinking with an infinitive of the
        // subject's own act is a decision, an act and no view told.
        let control = l & lx::THINK != 0
            && l & (lx::SAY | lx::FEEL) == 0
            && g.is(i + 1, "to")
            && g.word(i + 2)
            && g.lx(i + 2) & lx::V != 0
            && g.c(i + 2) & cw::DET == 0
            // (Not "believed to be", "expect to have": a view of what is or will be.)
            && !matches!(g.s.w(i + 2), "be" | "have")
            && !tag_at_end;
        if control && matches!(kind, Some(SourceKind::Vague | SourceKind::Anonymous)) {
            return;
        }
        let act = (!tag_at_end && says && l & (lx::THINK | lx::FEEL) == 0 && !told) || control;
        if act && !judged && ((institution && kind == Some(SourceKind::Vague)) || kind == Some(SourceKind::Anonymous)) {
            return;
        }
        // A count of institutions with a plain object is a checkable act, not a crowd's view:
        // "35 state legislatures had approved it".
        if !told && institution && g.numberish(np.a) && kind == Some(SourceKind::Vague) {
            return;
        }
        // With no clause told, what the source says is the verb's own phrase, up to a new clause:
        // "McCain talks a lot about drilling, but we have three percent of the reserves" (the
        // writer's figure after "but" is nobody's report).
        let content = if np.a > 0 && g.punct(np.a - 1) == Some(',') && tag_continues(g, i) {
            // "The levy, Mayor Ruiz said, will rise": what was said is on both sides of the tag.
            content_both(g, np.a, i + 1)
        } else if tag_at_end || no_clause {
            content_around(g, np.a, i + 1)
        } else if told {
            content_after(g, i + 1)
        } else {
            phrase_after(g, i + 1)
        };
        if push(g, out, Some(np), cue, content, says)
            && let Some(last) = out.last_mut()
        {
            last.report = !act;
        }
    }
}

/// How far back from a verb after a comma a person's relative pronoun shows that an aside about
/// that person ends there.
const SUBJECT_ASIDE: usize = 16;

/// A tag between commas inside the main clause: "Growth, economists say, will slow", "The levy,
/// Mayor Ruiz said, will rise". The subject is the phrase between the first comma and the verb
/// (whose group starts at `e`; the verb is at `i`), and the clause goes on after the second comma
/// ([`tag_continues`]; not a name and its role before a tag and a quotation: "Jo Marr, the
/// editor, said, \"...\"").
fn tag_subject(g: &Grammar, e: usize, i: usize) -> Option<Np> {
    if !tag_continues(g, i) {
        return None;
    }
    let c = (e.saturating_sub(8)..e)
        .rev()
        .take_while(|&k| g.word(k) || g.punct(k) == Some(','))
        .find(|&k| g.punct(k) == Some(','))?;
    if c == 0 || !g.word(c - 1) || c + 1 >= e {
        return None;
    }
    let np = g.np(c + 1, e)?;
    g.kind(&np, true).is_some().then_some(np)
}

/// After the verb at `i`, a comma and more of the main clause: the verb ends a tag between commas
/// ("..., officials said, will slow", "..., the board said, rose 40 percent"). Not a quotation, a
/// "that" clause or a phrase after the comma ("Jo Marr, the editor, said, \"...\"", "..., said,
/// in a statement, that").
fn tag_continues(g: &Grammar, i: usize) -> bool {
    g.punct(i + 1) == Some(',')
        && g.word(i + 2)
        && !g.s.toks[i + 2].quoted
        && g.c(i + 2) & (cw::PREP | cw::SUBORD | cw::REL) == 0
        && !g.is(i + 2, "that")
}

/// The verb's own phrase from `k` up to a new clause joined after a comma or a semicolon ("...,
/// but we have", "...; the port"), or the end.
fn phrase_after(g: &Grammar, k: usize) -> Option<Span> {
    let n = g.n();
    let mut e = k;
    while e < n {
        let joined = g.punct(e) == Some(',')
            && g.word(e + 1)
            && matches!(g.s.w(e + 1), "and" | "but" | "yet" | "while" | "although" | "though" | "whereas");
        if joined || matches!(g.punct(e), Some(';' | '.' | '?' | '!')) && !g.name_period(e) {
            break;
        }
        e += 1;
    }
    (e > k).then(|| g.span(k, e))
}
