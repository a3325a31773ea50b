//! What a cue verb tells: a clause ("said the pier would close"), a characterisation of its
//! object ("described the race as a rout") or a view as its object ("raised concerns that").
use super::lx;
use super::np::Grammar;
use super::phrase::adverb;
use super::words as cw;

/// From `k` to the sentence's end, no word but a day or an adverb: "said Thursday.", "said on
/// Monday.", "said quietly."
pub(super) fn only_adjuncts_after(g: &Grammar, k: usize) -> bool {
    (k..g.n()).all(|j| !g.word(j) || adjunct(g, j)) && !(k..g.n()).any(|j| g.s.toks[j].quoted)
}

/// A word that may follow a cue verb before what it tells: an adverb ("quietly", "also"), a day
/// ("Thursday"), or "on" before a day.
fn adjunct(g: &Grammar, j: usize) -> bool {
    g.c(j) & (cw::DAY | cw::ADV) != 0
        || g.s.w(j).ends_with("ly")
        || (g.is(j, "on") && g.word(j + 1) && g.c(j + 1) & cw::DAY != 0)
}

/// Whether what follows a cue verb at `k` is something told: "that", a quotation, a colon, the
/// end of the sentence, a pronoun subject, or words with a finite verb soon after ("the pier
/// would stay closed"); an indirect object first is skipped ("told reporters that").
pub(super) fn clause_follows(g: &Grammar, k: usize) -> bool {
    let n = g.n();
    // What is claimed or promised as an infinitive: "claim to object", "vowed to fight" (a verb
    // of saying that takes a clause; not "called to complain").
    if k > 0
        && g.lx(k - 1) & lx::SAY != 0
        && g.lx(k - 1) & lx::CLAUSE != 0
        && g.is(k, "to")
        && g.word(k + 1)
        && g.c(k + 1) == 0
        && g.lx(k + 1) & lx::V != 0
    {
        return true;
    }
    let mut k = k;
    // (And a day: "said Thursday.", "said on Monday that".)
    while k < n && g.word(k) && (adjunct(g, k) || g.c(k) & cw::OBJ_PRON != 0) {
        k += 1;
    }
    if k >= n || g.s.toks[k].quoted || matches!(g.punct(k), Some(',' | ':' | '.' | ';' | '"' | '\'' | '—')) {
        return true;
    }
    // Subjects coordinated by "neither ... nor" or "either ... or": "says neither the nominee
    // nor her campaign helped".
    if (g.is(k, "neither") || g.is(k, "either"))
        && (k + 2..n.min(k + 12)).take_while(|&j| g.word(j)).any(|j| g.is(j, "nor") || g.is(j, "or"))
    {
        return true;
    }
    // A clause's pro-form: "acknowledged as much", "said so".
    if (g.is(k, "as") && g.is(k + 1, "much")) || (g.is(k, "so") && (k + 1 >= n || g.punct(k + 1).is_some())) {
        return true;
    }
    // (A pronoun ending the clause is an object: "had approved it.")
    if g.word(k) && (matches!(g.s.w(k), "that" | "whether" | "if") || g.c(k) & cw::PRON != 0 && g.word(k + 1)) {
        return true;
    }
    // An addressee, then a quotation: `told Palo Alto Weekly, "She ..."`.
    if let Some(p) = (k..n.min(k + 6)).find(|&j| !g.word(j))
        && matches!(g.punct(p), Some(',' | ':'))
        && g.s.toks.get(p + 1).is_some_and(|t| t.quoted)
    {
        return true;
    }
    // A time or an addressee before "that": "said this year that", "told Reuters on Monday that".
    // (A year inside the phrase: "disclosed in its 2024 report that".)
    let in_pp = |j: usize| g.word(j) || (g.c(k) & cw::PREP != 0 && g.is_num(j));
    if let Some(t) = (k..n.min(k + 9)).take_while(|&j| in_pp(j)).find(|&j| matches!(g.s.w(j), "that" | "whether")) {
        let adjunct = |j: usize| {
            g.c(j) & (cw::DET | cw::PREP | cw::POSS | cw::DAY) != 0
                || g.proper[j]
                // (The noun of a phrase that opens with a preposition: "alleged in the suit
                // that", "wrote in a letter that".)
                || (g.c(k) & cw::PREP != 0 && ((g.c(j) == 0 && g.lx(j) & lx::N != 0) || g.is_num(j)))
                || (g.c(j) == 0 && g.lx(j) & (lx::TIME | lx::PERSON | lx::GROUP_ANY | lx::ORG) != 0)
        };
        if t > k && (k..t).all(adjunct) {
            return true;
        }
    }
    // A told clause opening with a determined subject may run long before its verb: "the warmth
    // and respect the children show toward their father give voters ...".
    // (So may one opening with a bare noun, its verb right after a noun or a name: "comments
    // from Rice, Rhodes, Panetta and Petraeus were".)
    let reach = if g.word(k) && g.c(k) & (cw::DET | cw::POSS) != 0 && g.c(k) & cw::QUANT == 0 {
        20
    } else if g.word(k) && g.c(k) == 0 && g.lx(k) & lx::N != 0 {
        14
    } else {
        8
    };
    // (A list of names is one subject: "comments from Rice, Rhodes and Panetta were".)
    let name_comma = |j: usize| {
        g.punct(j) == Some(',') && j > 0 && g.proper.get(j - 1) == Some(&true) && g.proper.get(j + 1) == Some(&true)
    };
    // A quotation after a determined subject is the clause's predicate: `says the businessman
    // “can't win”`.
    if g.word(k) && g.c(k) & (cw::DET | cw::POSS) != 0 && g.c(k) & cw::QUANT == 0 {
        let stop = (k + 1..n.min(k + 8)).find(|&j| !(g.word(j) || g.name_period(j)));
        if let Some(q) = stop
            && q > k + 1
            && matches!(g.punct(q), Some('"' | '“'))
            && g.lx(q - 1) & lx::N != 0
            && g.s.toks.get(q + 1).is_some_and(|t| t.kind == crate::attribution::tokens::K::Word)
        {
            return true;
        }
    }
    // An aside between commas after the subject is passed over: "said the upside of using him,
    // particularly in the fall, would outweigh" (one opening with an adverb, a preposition, a
    // participle or a relative pronoun, or a name's appositive, closed within a few words).
    // `scan` holds each word of the clause with the word before it, asides passed over.
    let mut scan: Vec<(usize, usize)> = Vec::with_capacity(reach + 1);
    let mut j = k;
    let mut prev = k.wrapping_sub(1);
    // (The reach counts the clause's own words: an aside passed over extends it.)
    let mut lim = n.min(k + reach);
    while j < lim {
        if g.punct(j).is_none() || g.name_period(j) || name_comma(j) {
            scan.push((j, prev));
            prev = j;
            j += 1;
            continue;
        }
        let opens_aside = g.punct(j) == Some(',')
            && j > k
            && g.word(j - 1)
            && g.word(j + 1)
            && (adverb(g, j + 1)
                || g.c(j + 1) & (cw::PREP | cw::REL) != 0
                // (Or a name's appositive: "said Ana Ruiz, the harbour master, would".)
                || (g.proper[j - 1] && g.c(j + 1) & (cw::DET | cw::POSS) != 0)
                || (g.c(j + 1) == 0 && g.lx(j + 1) & lx::VPART != 0 && g.lx(j + 1) & lx::N == 0));
        let close = opens_aside
            .then(|| (j + 2..n.min(j + 10)).find(|&m| !g.word(m) && !g.is_num(m)))
            .flatten()
            .filter(|&m| g.punct(m) == Some(',') && g.word(m + 1));
        match close {
            Some(m) => {
                lim = n.min(lim + (m + 1 - j));
                j = m + 1;
            }
            None => break,
        }
    }
    scan.iter().enumerate().any(|(pos, &(j, pj))| {
        // An auxiliary, or a form that can only be finite: "says", "went" (not "called", which
        // may be a participle: "a company called Brightline").
        let l = g.lx(j);
        // A finite form that is also a noun ("saw", "claims") counts with a pronoun or a
        // determiner after it: "crews saw it".
        let object_after = g.word(j + 1) && g.c(j + 1) & (cw::PRON | cw::OBJ_PRON | cw::DET) != 0;
        // A past form right after a determiner and a noun is that subject's verb: "the county
        // failed".
        // ("a company called Brightline" is a participle: only a definite subject right after
        // the cue counts.)
        // (Its noun may have a name or a noun before it: "the Trump campaign balked".)
        let after_subject = (k + 2..=k + 4).contains(&j)
            && g.c(j - 1) == 0
            && g.lx(j - 1) & lx::N != 0
            && (k + 1..j - 1).all(|m| g.word(m) && g.c(m) == 0 && (g.proper[m] || g.lx(m) & lx::N != 0))
            && g.c(k) & (cw::DEFINITE | cw::POSS) != 0
            && l & lx::VPAST != 0;
        // A third-person form that could be a plural noun is the verb when a word, not an
        // auxiliary, follows it and a noun precedes: "the governor plans to", "the affection they
        // express gives voters" (not "added 3,000 spaces.").
        // (Or ending the clause after a determined subject: "says the plan works.")
        let verb_after_noun = j > k
            && g.word(j)
            && l & lx::V3SG != 0
            // (Not a noun inside its phrase: "filed more hail claims last year".)
            && !g.s.modified_noun(j)
            && g.c(j) == 0
            && ((g.word(j + 1) && g.c(j + 1) & cw::AUX == 0 && g.lx(j + 1) & (lx::V3SG | lx::VPAST) == 0)
                || (g.c(k) & (cw::DET | cw::POSS) != 0 && matches!(g.punct(j + 1), Some('.' | ',' | ';'))))
            // (An adverb may come between: "the law unfairly targets".)
            && {
                let m = if j > k + 1 && adverb(g, j - 1) && g.s.w(j - 1).ends_with("ly") { j - 1 } else { j };
                g.word(m - 1) && g.lx(m - 1) & lx::N != 0
            };
        // A name, then its verb: "said Obama believed", "said Mr. Obama wanted".
        let after_name = j > k
            && g.proper[k]
            // (Its appositive passed over: "said Ana Ruiz, the harbour master, held".)
            && scan.iter().take_while(|&&(m, _)| m < j).all(|&(m, _)| g.proper[m] || g.name_period(m) || (m > k && adverb(g, m)))
            && g.c(j) == 0
            && l & (lx::VPAST | lx::V3SG) != 0
            && (l & lx::N == 0 || object_after);
        // A base form after a plural or a coordinated subject, with its object: "his record and
        // his reach make him", "the figures show it".
        let base_after_plural = j > k + 1
            && g.word(j)
            && g.c(j) == 0
            && l & lx::V != 0
            && l & (lx::V3SG | lx::VPAST | lx::VPART | lx::VING | lx::NPL) == 0
            && (object_after
                || g.word(j + 1) && g.c(j + 1) == 0 && g.plural_noun(j + 1)
                // (Or a form that is no noun, then the clause's end or an adjunct: "the cases
                // differ.", "their views differ sharply".)
                || l & lx::N == 0 && (g.punct(j + 1).is_some() || g.word(j + 1) && g.c(j + 1) & (cw::PREP | cw::ADV) != 0))
            && g.word(j - 1)
            && g.lx(j - 1) & lx::N != 0
            && (g.plural_noun(j - 1) || (k..j).any(|m| g.is(m, "and")));
        // After "that", a counted subject cannot be "that" as a determiner, so a past form after
        // its noun is the clause's verb: "found that 1 in 4 residents lived", "that many voters
        // stayed".
        // (Right after a verb of saying too: "aides said more than 1 million donors gave".)
        // (Or a bare plural right after such a verb: "said supervisors told staff".)
        let bare_plural = j == k + 1 && g.c(k) == 0 && !g.s.toks[k].cap && g.lx(k) & lx::NPL != 0;
        let counted_subject = j > k
            && k > 0
            && (g.is(k - 1, "that") || g.lx(k - 1) & lx::SAY != 0 && g.lx(k - 1) & lx::CLAUSE != 0)
            && (j > k + 1 && (g.numberish(k) || g.c(k) & cw::QUANT != 0) || bare_plural)
            && g.word(j)
            && g.c(j) == 0
            && l & lx::VPAST != 0
            && l & lx::N == 0
            && g.word(j - 1)
            && g.lx(j - 1) & lx::N != 0;
        // (Past the usual reach, only a noun and its verb: "... on A10 -- now we do" is another
        // clause's auxiliary.)
        // (An auxiliary right after a noun is that noun's verb: "the average donation during the
        // October-to-December fundraising quarter was".)
        let aux_after_noun = g.word(j)
            && g.c(j) & cw::AUX != 0
            && g.word(pj)
            && (g.c(pj) == 0 && (g.lx(pj) & lx::N != 0 || g.proper[pj]) || pj + 1 < j && g.c(pj) & cw::OBJ_PRON != 0);
        // (Counted in the clause's own words: an aside passed over does not count.)
        if pos >= 8 {
            return verb_after_noun || base_after_plural || aux_after_noun;
        }
        verb_after_noun
            || base_after_plural
            || counted_subject
            || after_name
            || g.word(j) && g.c(j) == 0 && after_subject && l & lx::N == 0
            || g.word(j)
                && (g.c(j) & cw::AUX != 0
                    || (j > k
                        && (l & lx::N == 0 || object_after)
                        && (l & lx::V3SG != 0 || (l & lx::VPAST != 0 && l & lx::VPART == 0))))
    })
}

/// Whether a view is the object at `k`: a noun of feeling, thought or communication, with at most
/// a determiner and two modifiers before it, then what it is about: "concerns that", "new
/// questions about", "serious doubts over".
pub(super) fn view_object(g: &Grammar, k: usize) -> bool {
    let mut j = k;
    while j < k + 3
        && g.word(j)
        && (g.c(j) & cw::DET != 0 || (g.c(j) == 0 && g.lx(j) & lx::ADJ != 0 && g.lx(j) & lx::N == 0))
    {
        j += 1;
    }
    let l = g.lx(j);
    g.word(j)
        && g.c(j) == 0
        && l & lx::N != 0
        && l & (lx::FEELING | lx::COGNITION | lx::COMMUNICATION) != 0
        && l & (lx::PERSON | lx::GROUP) == 0
        // (A bare singular is a mass noun only with what it is about: "raised concern that",
        // "voiced doubt about".)
        && (l & lx::NPL != 0 || j > k || g.is(j + 1, "that") || g.is(j + 1, "about"))
        && g.word(j + 1)
        && matches!(g.s.w(j + 1), "that" | "about" | "over")
        && (!g.is(j + 1, "that") || clause_follows(g, j + 2))
}

/// Whether the verb of saying at `i` characterises its object: "described the race as a rout"
/// (an object, then "as" and what it is said to be, within the clause).
pub(super) fn characterises(g: &Grammar, i: usize) -> bool {
    let n = g.n();
    g.lx(i) & lx::SAY != 0
        && g.word(i + 1)
        && g.c(i + 1) & (cw::DET | cw::POSS | cw::OBJ_PRON) != 0
        && (i + 2..n.min(i + 10)).take_while(|&k| g.punct(k).is_none() || g.name_period(k)).any(|k| {
            g.is(k, "as")
                    && g.word(k - 1)
                    && g.c(k - 1) & (cw::PREP | cw::AUX) == 0
                    // (What it is said to be may be a quotation: `as "a superhighway"`.)
                    && (g.word(k + 1)
                        || g.s.toks.get(k + 1).is_some_and(|t| t.quoted)
                        || matches!(g.punct(k + 1), Some('"' | '\u{201c}')))
        })
}

/// A participle after its noun, with the clause's own auxiliary after it, is a reduced
/// relative: "complaints filed last year were resolved" (not a verb that takes a clause:
/// "officials said last year was the worst"; a feeling stays a crowd's: "viewers bored with
/// the shows are"). A common noun comes before it, not a name ("Clinton cited remarks Trump had
/// made" is an act), and a time or a prepositional phrase after it, not an object ("condemned
/// North Korea's claim ... were").
/// A verb that takes a clause is one too when the time after it cannot be that clause's subject:
/// "patients admitted this season are" (a singular time, a plural verb).
pub(super) fn reduced_relative(g: &Grammar, i: usize, l: u32) -> bool {
    let n = g.n();
    let s = g.s;
    let time_disagrees = g.word(i + 2)
        && matches!(g.s.w(i + 1), "this" | "last" | "next")
        && g.lx(i + 2) & lx::TIME != 0
        && !g.plural_noun(i + 2)
        && g.word(i + 3)
        && matches!(g.s.w(i + 3), "are" | "were" | "have");
    l & lx::VPART != 0
        && (l & (lx::CLAUSE | lx::THINK | lx::FEEL) == 0 || (l & (lx::THINK | lx::FEEL) == 0 && time_disagrees))
        && i > 0
        && g.word(i - 1)
        && (!s.toks[i - 1].cap || i - 1 == s.first)
        && g.c(i - 1) == 0
        && g.lx(i - 1) & lx::N != 0
        && g.word(i + 1)
        && !s.toks[i + 1].cap
        && !g.poss[i + 1]
        && (g.c(i + 1) & (cw::PREP | cw::AUX | cw::DAY) != 0
            || matches!(g.s.w(i + 1), "last" | "this" | "next" | "earlier" | "recently"))
        && (i + 1..(i + 7).min(n))
            .take_while(|&k| (g.word(k) && g.c(k) & (cw::REL | cw::SUBORD) == 0 && !g.is(k, "that")) || g.is_num(k))
            .any(|k| matches!(g.s.w(k), "was" | "were" | "is" | "are" | "has" | "have" | "had" | "will" | "would"))
}
