//! Whose saying an "-ing" form is when the form has no subject of its own: the clause's subject
//! before a comma ("A judge sided with them, saying ..."), the issuer of a document ("released a
//! statement saying ..."), the one who acts by saying ("began by saying ..."); and a time phrase
//! between a subject and its verb ("have in the past said") or after a participle ("a poll
//! released last week").
use super::lx;
use super::np::{Grammar, Np};
use super::phrase::{SUBJECT_REACH, adverb, subject_left};
use super::words as cw;

/// The subject of the clause that ends at the comma `comma` ("A judge sided with them, saying
/// ..."): the first noun phrase after the clause's opening adverbials that a finite verb follows.
pub(super) fn main_subject(g: &Grammar, comma: usize) -> Option<Np> {
    let s = g.s;
    let lo = comma.saturating_sub(SUBJECT_REACH * 2);
    let mut start = comma;
    while start > lo {
        let t = start - 1;
        // A parenthesis or a quoted name inside the clause: "behind Sen. Ted Cruz (R-Texas)
        // Wednesday, saying", `an account called "Hypo-Cruz" that showed`.
        if let Some(open) = g.aside_open(t, lo, 8) {
            start = open;
            continue;
        }
        // (A full stop before a comma closes an abbreviation, not a sentence: "D-Ore.,".)
        let abbreviation = g.name_period(t) || (g.punct(t) == Some('.') && g.punct(t + 1) == Some(','));
        let hard = s.toks[t].quoted && s.toks[t].kind != crate::attribution::tokens::K::Word
            || matches!(g.punct(t), Some(';' | ':' | '(' | ')' | '—' | '"' | '.' | '?' | '!') if !abbreviation);
        if hard {
            break;
        }
        start -= 1;
    }
    let mut a = start;
    while a < comma {
        // An opening adverbial ("In May,", "Later,"): the subject starts after its comma.
        // (Or a participle clause: "Asked whether Ruiz would run, Okafor ...", "Pressed on the
        // budget, the mayor ..."; not a participle modifying a noun, "Elected officials, ...".)
        let participle_clause = g.word(a)
            && g.c(a) == 0
            && g.lx(a) & (lx::VPART | lx::VING) != 0
            && g.lx(a) & lx::N == 0
            && g.word(a + 1)
            && (g.c(a + 1) != 0 || g.lx(a + 1) & lx::N == 0);
        if g.word(a)
            && (g.c(a) & (cw::PREP | cw::SUBORD | cw::ADV) != 0
                || (g.c(a) == 0 && g.lx(a) & (lx::ADV | lx::N) == lx::ADV)
                || participle_clause)
            && let Some(next) = (a..comma).find(|&k| g.punct(k) == Some(','))
        {
            a = next + 1;
            continue;
        }
        break;
    }
    let hi = comma.min(a + SUBJECT_REACH);
    // The clause's finite verbs (or base forms), each with the end of its subject (adverbs
    // between: "Fields later tweeted").
    let verbs = (a + 1..hi).filter_map(|b| {
        let finite = g.word(b) && (g.c(b) & cw::AUX != 0 || (past_or_present(g, b) && !g.s.toks[b].cap));
        // A base form agrees with a plural subject: "Some seek ..., and argue".
        let base = g.word(b) && g.c(b) == 0 && g.lx(b) & lx::V != 0 && g.lx(b) & (lx::VING | lx::VPART) == 0;
        if !finite && !base {
            return None;
        }
        let mut e = b;
        while e > a + 1 && g.word(e - 1) && adverb(g, e - 1) {
            e -= 1;
        }
        Some((e, finite))
    });
    let fits = |np: &Np, finite: bool| g.kind(np, true).is_some() && (finite || g.plural_noun(np.head));
    // The phrase from the clause's start to a verb; failing that, what the subject grammar finds
    // before the clause's first verb (appositives: "Sen. Mark Kirk, R-Ill., rescinded ...,
    // saying").
    let verbs: Vec<(usize, bool)> = verbs.collect();
    verbs.iter().rev().find_map(|&(e, finite)| g.np(a, e).filter(|np| fits(np, finite))).or_else(|| {
        let &(e, finite) = verbs.first()?;
        subject_left(g, e).filter(|np| np.a >= a && fits(np, finite))
    })
}

/// The end of the clause whose subject tells what an "-ing" form of saying at `i` tells when the
/// form is no adjunct after a comma: the object of a finite verb that is a thing, not someone who
/// could speak ("released a statement Wednesday saying", "sent out a series of tweets saying":
/// whoever issued it), or a means after a finite verb ("began by saying", "erred in saying",
/// "followed that by saying"). The clause ends before the object's determiner or before "by";
/// with it, whether the form tells what a document says.
pub(super) fn issued(g: &Grammar, i: usize) -> Option<(usize, bool)> {
    let finite = |k: usize| g.word(k) && past_or_present(g, k);
    // What follows opens what is told, not a noun the form modifies ("scoffing prose", "its
    // flattering video", "a press briefing to brag"): a determiner, a pronoun, a name, "that",
    // a quotation or a comma, or a bare noun with its own verb ("saying ridership fell").
    let k = i + 1;
    let opens = k >= g.n()
        || !g.word(k)
        || g.c(k) & (cw::DET | cw::PRON | cw::QUANT) != 0
        || g.proper[k]
        || g.is(k, "that")
        || (g.c(k) == 0
            && (k + 1..(k + 3).min(g.n())).take_while(|&j| g.word(j)).any(|j| {
                // (A form in -s that is also a noun is a plural: "ridership figures".)
                let v = g.lx(j) & lx::VPAST != 0 || (g.lx(j) & lx::V3SG != 0 && g.lx(j) & lx::N == 0);
                g.c(j) & cw::AUX != 0 || (g.c(j) == 0 && v)
            }));
    if !opens || g.is(k, "to") {
        return None;
    }
    let mut h = i.checked_sub(1)?;
    if g.is(h, "by") || g.is(h, "in") {
        let v = h.checked_sub(1)?;
        let object = g.word(v) && g.c(v) & cw::PRON != 0 && v > 0 && finite(v - 1);
        // (Not an adjective after "be": "was interested in hearing".)
        let adjective = |k: usize| k > 0 && g.word(k - 1) && g.c(k - 1) & cw::BE != 0;
        return ((finite(v) && !adjective(v)) || object).then_some((h, false));
    }
    // Days and times between the object and the form: "a statement Wednesday saying", "tweets
    // early Friday saying".
    while h > 0 && g.word(h) && (g.c(h) & cw::DAY != 0 || matches!(g.s.w(h), "early" | "late")) {
        h -= 1;
    }
    let l = g.lx(h);
    let speaker = lx::PERSON | lx::GROUP | lx::PEOPLE_NAME;
    if !(g.word(h) && g.c(h) == 0 && !g.s.toks[h].cap && l & lx::N != 0)
        || (l & speaker != 0 && l & lx::COMMUNICATION == 0)
    {
        return None;
    }
    let det = (h.saturating_sub(4)..h)
        .rev()
        .take_while(|&k| g.word(k))
        .find(|&k| g.c(k) & (cw::DET | cw::POSS) != 0 || g.poss[k])?;
    // The verb, with a particle: "put out", "sent back".
    let mut v = det.checked_sub(1)?;
    if matches!(g.s.w(v), "out" | "back" | "off" | "up") && v > 0 {
        v -= 1;
    }
    // One that issues it, not one that finds, reads or receives it: not a verb of perception or
    // thought ("saw a sign saying", "read a memo saying"), nor of change or with a clause that
    // is no verb of saying ("received a letter saying", "obtained a memo", "found a note"), nor
    // a passive ("was sent a letter saying": the subject received it).
    let lv = g.lx(v);
    // (Nor one of taking a side: "opposes a measure authorizing": the measure authorizes.)
    let receives = lv & (lx::THINK | lx::STANCE) != 0 || (lv & (lx::CHANGE | lx::CLAUSE) != 0 && lv & lx::SAY == 0);
    let passive = v > 0 && g.word(v - 1) && g.c(v - 1) & cw::BE != 0;
    (finite(v) && !receives && !passive).then_some((det, true))
}

/// Whether the open-class word at `k` is a finite form: a past or a third-person present, or a
/// verb whose past is its base form ("The mayor hit back, saying").
fn past_or_present(g: &Grammar, k: usize) -> bool {
    g.c(k) == 0
        && (g.lx(k) & (lx::V3SG | lx::VPAST) != 0 || (g.lx(k) & lx::V != 0 && crate::lexicon::zero_past(g.s.w(k))))
}

/// Where a prepositional phrase of time ending at `e` starts ("in the past", "for months",
/// "over the years", "in recent weeks"), when it sits between a subject or an auxiliary and the
/// verb.
pub(super) fn time_phrase_before(g: &Grammar, e: usize) -> Option<usize> {
    let h = e.checked_sub(1)?;
    if !(g.word(h) && g.c(h) == 0 && g.lx(h) & lx::TIME != 0 && g.lx(h) & lx::N != 0) {
        return None;
    }
    let mut k = h;
    while k > 0
        && k + 3 > h
        && g.word(k - 1)
        && (g.c(k - 1) & (cw::DET | cw::QUANT) != 0 || g.lx(k - 1) & lx::ADJ != 0 && g.c(k - 1) == 0)
    {
        k -= 1;
    }
    let p = k.checked_sub(1)?;
    // (Before it the subject's last word or an auxiliary, not a verb: "spent the past year".)
    (matches!(g.s.w(p), "in" | "for" | "over" | "during")
        && p > 0
        && g.word(p - 1)
        && (g.c(p - 1) & cw::AUX != 0
            || (g.c(p - 1) == 0 && g.lx(p - 1) & lx::N != 0 && g.lx(p - 1) & (lx::VPAST | lx::VPART | lx::VING) == 0)
            || g.proper[p - 1]))
        .then_some(p)
}

impl Grammar<'_> {
    /// Where a day or a short time phrase starting at `k` ends: "Saturday", "on Monday", "last
    /// week", "this month", "earlier this year".
    pub(super) fn time_after(&self, k: usize) -> Option<usize> {
        if !self.word(k) {
            return None;
        }
        if self.c(k) & cw::DAY != 0 {
            return Some(k + 1);
        }
        if self.is(k, "on") && self.word(k + 1) && self.c(k + 1) & cw::DAY != 0 {
            return Some(k + 2);
        }
        let time = |j: usize| self.word(j) && self.c(j) == 0 && self.lx(j) & lx::TIME != 0 && self.lx(j) & lx::N != 0;
        if matches!(self.s.w(k), "last" | "this" | "earlier" | "late") && time(k + 1) {
            return Some(k + 2);
        }
        if self.is(k, "earlier") && self.is(k + 1, "this") && time(k + 2) {
            return Some(k + 3);
        }
        None
    }
}
