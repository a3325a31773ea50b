//! The cue-list candidates of the claim analysis: statistics, changes, superlatives and causal
//! cues found through the phrase automaton and the single-word lists of [`crate::attribution::lists`].
//! [`super::checkable`] filters them with the grammar's candidates.
use super::amount::number_word;
use crate::attribution::facts::{Checkable, ClaimKind};
use crate::attribution::lists::{Cue, flags};
use crate::attribution::tokens::has;
use crate::attribution::tokens::{K, Sent};
use crate::lexicon::Classes;

/// The checkable cues outside quotations that `keep` accepts, earliest first; with `all` false,
/// only as many as it takes to know the earliest (the tokens after the first amount are not read).
pub(crate) fn checkable(
    s: &Sent,
    hits: &[(Cue, usize, usize)],
    keep: impl Fn(&Checkable) -> bool,
    all: bool,
) -> Vec<Checkable> {
    let n = s.toks.len();
    let mut found: Vec<(usize, Checkable)> = Vec::new();
    // (Counted apart from `found`, which `consider` holds.)
    let kept = std::cell::Cell::new(0);
    let plan = under_plan(s);
    let mut consider = |at: usize, c: Checkable| {
        // An amount that an institution decided, or a plan's terms, is the record of what was
        // decided: "approved a 6.8 per cent rise", "Under the plan, drivers would pay $12".
        if matches!(c.kind, ClaimKind::Statistic | ClaimKind::Change) && (plan || decided_amount(s, at)) {
            return false;
        }
        if !keep(&c) {
            return false;
        }
        found.push((at, c));
        kept.set(kept.get() + 1);
        true
    };
    let full = || kept.get() >= super::MAX_CANDIDATES;
    let modal_before = |a: usize| (a.saturating_sub(3)..a).any(|k| has(s, k, flags::MODAL));
    for &(cue, a, b) in hits {
        if full() {
            break;
        }
        if s.toks[a].quoted {
            continue;
        }
        let kind = match cue {
            Cue::Causal => {
                if modal_before(a) {
                    continue;
                }
                if s.w(a) == "due" && has(s, b, flags::DUE_TO_VERB) {
                    continue;
                }
                if b == a + 1 && a > 0 && has(s, a - 1, flags::DETERMINER) {
                    continue;
                }
                // "triggered something": an outcome nobody could look up.
                if ["something", "anything", "everything"].iter().any(|w| s.is(b, w)) {
                    continue;
                }
                ClaimKind::Causal
            }
            Cue::Record => {
                if s.w(b - 1) == "record" && (s.is(b, "of") || s.is(b, "for")) {
                    continue;
                }
                // "a record" as a noun ("he has a record", "a record is never enough"): a record
                // claim uses it as a modifier ("a record harvest", "a record 40 percent").
                if b == a + 2 && s.is(a, "a") && !(b < n && (s.toks[b].kind == K::Num || word_noun_or_adj(s, b))) {
                    continue;
                }
                // "in history" ranks only with a degree before it ("more ... than any time in
                // history", "the first ... in its history"): "many wars in the history of
                // mankind" ranks nothing.
                if s.is(b - 1, "history") && s.is(a, "in") && !degree_before(s, a) {
                    continue;
                }
                ClaimKind::Superlative
            }
            Cue::ChangeStrong => {
                // "plunged into the river", "surged forward": movement, not a magnitude.
                if modal_before(a) || has(s, b, flags::DIRECTION) {
                    continue;
                }
                // "doubled down on", like "cracked down on": an idiom of insisting, not an amount.
                if s.is(b, "down") && s.is(b + 1, "on") {
                    continue;
                }
                ClaimKind::Change
            }
            Cue::Fraction => {
                // "fell by a third", "cut by half"; "a third of residents" (not "half an hour").
                let changed = (a.saturating_sub(3)..a).any(|k| has(s, k, flags::CHANGE) || s.is(k, "by"));
                let of_count = s.is(b, "of")
                    && b + 1 < n
                    && !has(s, b + 1, flags::TIME_UNIT)
                    && !(s.is(b + 1, "a") || s.is(b + 1, "an"))
                    && !has(s, (b + 2).min(n - 1), flags::TIME_UNIT);
                if changed {
                    ClaimKind::Change
                } else if of_count {
                    ClaimKind::Statistic
                } else {
                    continue;
                }
            }
            Cue::Percent => ClaimKind::Statistic,
            _ => continue,
        };
        consider(a, Checkable { kind, cue: s.span(a, b) });
    }
    for i in 0..n {
        if full() {
            break;
        }
        let t = s.toks[i];
        if t.quoted {
            continue;
        }
        match t.kind {
            K::Num => {
                if let Some(e) = statistic_at(s, i) {
                    let change = (i.saturating_sub(3)..i).any(|k| has(s, k, flags::CHANGE));
                    let kind = if change { ClaimKind::Change } else { ClaimKind::Statistic };
                    let a = if i > 0 && matches!(s.punct(i - 1), Some('$' | '£' | '€' | '¥')) { i - 1 } else { i };
                    if consider(a, Checkable { kind, cue: s.span(a, e) }) && !all {
                        break;
                    }
                }
            }
            // Most words are none of these: one test of the flags instead of three helpers.
            K::Word if t.flags & (flags::SPELLED | flags::SUPERLATIVE | flags::MAKE) == 0 => {}
            K::Word => {
                if has(s, i, flags::SPELLED) {
                    let prev_det = i > 0 && (has(s, i - 1, flags::DEFINITE) || s.w(i - 1).ends_with("'s"));
                    if !prev_det && (s.is(i + 1, "of") || plural_count_noun(s, i + 1)) {
                        consider(i, Checkable { kind: ClaimKind::Statistic, cue: s.span(i, (i + 2).min(n)) });
                    }
                } else if let Some(e) = superlative_at(s, i) {
                    consider(i - 1, Checkable { kind: ClaimKind::Superlative, cue: s.span(i - 1, e) });
                } else if let Some(e) = made_worse_at(s, i) {
                    consider(i, Checkable { kind: ClaimKind::Causal, cue: s.span(i, e) });
                }
            }
            K::Punct => {}
        }
    }
    found.sort_by_key(|&(at, c)| (at, c.cue.start));
    found.into_iter().map(|(_, c)| c).collect()
}

/// A word (not punctuation, not a verb form like "is") that can modify or head a noun phrase.
fn word_noun_or_adj(s: &Sent, k: usize) -> bool {
    let c = crate::lexicon::lookup(s.w(k));
    s.toks[k].kind == K::Word
        && c.intersects(crate::lexicon::Classes::N | crate::lexicon::Classes::ADJ)
        && s.fl(k) & (flags::BE | flags::PREP | flags::DETERMINER | flags::CLAUSE) == 0
}

/// A causative "make" with a comparative result in the same clause: "made the floods far worse",
/// "makes outages more likely". Returns the end of the cue.
fn made_worse_at(s: &Sent, i: usize) -> Option<usize> {
    if !has(s, i, flags::MAKE) {
        return None;
    }
    let n = s.toks.len();
    let mut k = i + 1;
    while k < n && k <= i + 7 && s.toks[k].kind == K::Word && !s.toks[k].quoted {
        match s.w(k) {
            "worse" => return Some(k + 1),
            "more" | "less" if s.is(k + 1, "likely") => return Some(k + 2),
            _ => k += 1,
        }
    }
    None
}

/// Whether the cue at `at` is the object of an institution's decision in the same clause:
/// "has approved a 6.8 per cent rise", "declared a dividend of 28 cents a share".
fn decided_amount(s: &Sent, at: usize) -> bool {
    let mut k = at;
    let mut steps = 0;
    while k > 0 && steps < 8 {
        k -= 1;
        steps += 1;
        let t = &s.toks[k];
        if t.kind == K::Punct && !matches!(s.w(k), "$" | "£" | "€" | "¥" | "-") {
            return false;
        }
        if t.kind == K::Word && has(s, k, flags::CLAUSE) {
            return false;
        }
        // "approves of", "approved of": a stance on the amount, not a decision taking it.
        if t.kind == K::Word && has(s, k, flags::OFFICIAL_ACTION) && !s.is(k + 1, "of") {
            // An act of the speaker or of the one addressed is their record, not an institution's
            // routine decision: "I proposed $4 million for the pool", "you've raised the fee by $20".
            return !personal_subject(s, k);
        }
    }
    false
}

/// The subject of the verb at `v` is "I", "we" or "you" (past its auxiliaries and adverbs: "I've
/// actually passed", "we personally cut").
fn personal_subject(s: &Sent, v: usize) -> bool {
    let adverb = |k: usize| {
        let c = crate::lexicon::lookup(s.w(k));
        s.toks[k].kind == K::Word && c.contains(Classes::ADV) && !c.intersects(Classes::V | Classes::N)
    };
    let mut k = v;
    while k > s.first
        && v - k < 4
        && (has(s, k - 1, flags::AUX_ADV)
            || adverb(k - 1)
            || ["have", "has", "'ve", "never", "also", "just"].iter().any(|w| s.is(k - 1, w)))
    {
        k -= 1;
    }
    k > s.first && PERSONAL_SUBJECTS.iter().any(|w| s.is(k - 1, w))
}

/// "I", "we" and "you", also contracted with "have" or "had" ("you've raised the fee").
const PERSONAL_SUBJECTS: &[&str] = &["i", "we", "you", "i've", "we've", "you've", "i'd", "we'd", "you'd"];

/// The sentence describes a plan's terms: "Under a plan released by ..., drivers would pay ...".
fn under_plan(s: &Sent) -> bool {
    let f = s.first;
    s.is(f, "under") && (f + 1..(f + 5).min(s.toks.len())).any(|k| has(s, k, flags::PLAN))
}

/// A lowercase plural noun (or an acronym plural such as "RBIs") at `k`, not a time unit.
fn plural_count_noun(s: &Sent, k: usize) -> bool {
    plural_noun_end(s, k).is_some()
}

/// The end (exclusive) of a count noun phrase starting at `k`: see [`plural_count_noun`].
fn plural_noun_end(s: &Sent, k: usize) -> Option<usize> {
    let n = s.toks.len();
    // Allow up to two modifiers: "23 teaching positions", "22 home runs".
    for k in k..k + 3 {
        if k >= n || s.toks[k].kind != K::Word || s.toks[k].quoted {
            return None;
        }
        let w = s.w(k);
        let t = &s.toks[k];
        if t.flags & (flags::PREP | flags::DETERMINER | flags::CLAUSE | flags::TIME_UNIT) != 0 {
            return None;
        }
        let acronym_plural = {
            let raw = &s.norm[t.n0 as usize..t.n1 as usize];
            t.cap && raw.ends_with('s') && raw.len() >= 3
        };
        if t.cap && !acronym_plural {
            return None;
        }
        if (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s")) || acronym_plural {
            return (t.flags & flags::TIME_UNIT == 0).then_some(k + 1);
        }
        if t.flags & (flags::CURRENCY | flags::IRREGULAR_PLURAL) != 0 {
            return Some(k + 1);
        }
    }
    None
}

/// If the number at `i` states a statistic, the end (exclusive token index) of the cue.
fn statistic_at(s: &Sent, i: usize) -> Option<usize> {
    let n = s.toks.len();
    let w = s.w(i);
    let next = if i + 1 < n { s.w(i + 1) } else { "" };
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    let next_fl = s.fl(i + 1);
    let prev_fl = if i > 0 { s.fl(i - 1) } else { 0 };
    let money = i > 0 && matches!(s.punct(i - 1), Some('$' | '£' | '€' | '¥'));
    // Identifiers, phone numbers, ranges, ordinals, times and dates are not statistics.
    if w.contains('-') || w.chars().any(|c| c.is_alphabetic()) && !w.ends_with("bn") {
        return None;
    }
    let prev_stripped = if i > 0 { s.fl_stripped(i - 1) } else { 0 };
    if !money && (prev_stripped & flags::IDENTIFIER != 0 || (i > 0 && s.toks[i - 1].cap && prev != "about")) {
        // "Route 49", "Room 214", "Quill Note 2"; a sentence-initial capital word ("About 40") is fine.
        let initial = s.first == i - 1;
        if !initial || prev_fl & flags::IDENTIFIER != 0 {
            return None;
        }
    }
    if (prev_fl | next_fl) & flags::MONTH != 0 || s.punct(i + 1) == Some(':') {
        return None;
    }
    if i >= 2 && s.punct(i - 1) == Some(',') && has(s, i - 2, flags::MONTH) {
        return None;
    }
    if i >= 3 && s.punct(i - 1) == Some(',') && s.toks[i - 2].kind == K::Num && has(s, i - 3, flags::MONTH) {
        return None; // "Nov. 14, 2022"
    }
    // Four digits in four bytes: the whole word is the number.
    let is_year =
        w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (1000..=2100).contains(&w.parse::<u32>().unwrap_or(0));
    if money {
        let mut e = i + 1;
        if next_fl & flags::SCALE != 0 {
            e += 1;
        }
        return Some(e);
    }
    if s.punct(i + 1) == Some('%') {
        return Some(i + 2);
    }
    if next == "percent" || next == "per" && s.is(i + 2, "cent") {
        return Some(if next == "per" { i + 3 } else { i + 2 });
    }
    if next_fl & flags::SCALE != 0 {
        return Some(i + 2);
    }
    if is_year {
        return None;
    }
    if next_fl & flags::TIME_UNIT != 0 {
        // A duration is routine ("for 12 years") unless it is a rate or an average: "11 hours a
        // month", "40 minutes less per night", "an average of 54 hours".
        let after = if i + 2 < n { s.w(i + 2) } else { "" };
        let rate = has(s, i + 2, flags::RATE) && (!matches!(after, "a" | "an") || has(s, i + 3, flags::TIME_UNIT));
        let average = prev_fl & flags::APPROXIMATOR != 0 && prev.starts_with("average")
            || (prev == "of" && i >= 2 && matches!(s.w(i - 2), "average" | "median" | "total"));
        return (rate || average).then_some(i + 2);
    }
    if let Some(e) = plural_noun_end(s, i + 1) {
        return Some(e);
    }
    // A decimal with no unit is a measurement or a rate (".318"), not an identifier.
    if w.contains('.') && !w.ends_with('.') && prev_fl & flags::IDENTIFIER == 0 {
        return Some(i + 1);
    }
    None
}

/// A degree word in the clause before `at`: a comparative or superlative (the comparison
/// grammar's tests), or "first", "only", "any", "ever", "never".
fn degree_before(s: &Sent, at: usize) -> bool {
    (at.saturating_sub(12)..at).any(|k| {
        super::compare::comparative(s, k)
            || super::compare::superlative(s, k)
            || ["any", "ever", "never", "first", "only"].iter().any(|w| s.is(k, w))
    })
}

/// If the word at `i` is a superlative or ranking after "the"/a possessive, the end of the cue.
fn superlative_at(s: &Sent, i: usize) -> Option<usize> {
    let n = s.toks.len();
    let w = s.w(i);
    if !has(s, i, flags::SUPERLATIVE) || i == 0 {
        return None;
    }
    let p = s.w(i - 1);
    // A possessive determines it too: "the club's", "the Rangers' first".
    let possessive = |w: &str| ["'s", "’s", "s'", "s’"].iter().any(|e| w.ends_with(e));
    let plural_possessive = matches!(p, "'" | "’") && i >= 2 && s.w(i - 2).ends_with('s');
    let det = p == "the" || matches!(p, "its" | "their" | "his" | "her" | "our") || possessive(p) || plural_possessive;
    if !det || (i >= 2 && s.is(i - 2, "at")) {
        return None;
    }
    match w {
        "most" | "least" => {
            if i + 1 >= n || s.toks[i + 1].kind != K::Word || has(s, i + 1, flags::NOT_AFTER_MOST) {
                return None;
            }
            Some(i + 2)
        }
        "first" | "only" => {
            // "the first to", "the first woman to serve": a record, not an ordinal.
            // "the team's first home win since 2019": a record too.
            // ("the first time the country has ever", "the first administration that has taken":
            // "ever" reaches further, and a perfect after "that" or "who" is a record too.)
            // (Within the phrase: "the first debate, to fact-check" is a purpose, no record.)
            // ("his first year is going to be", "the first hundred days to": a period and a
            // future, not a record.)
            let period = (i + 2 < n && (s.toks[i + 1].kind == K::Num || number_word(s, i + 1)))
                && has(s, i + 2, flags::TIME_UNIT);
            if period {
                return None;
            }
            let near = (i + 1..(i + 5).min(n))
                .take_while(|&k| s.toks[k].kind != K::Punct)
                .find(|&k| (s.is(k, "to") && !s.is(k - 1, "going")) || s.is(k, "ever") || s.is(k, "since"));
            let ever = (i + 1..(i + 12).min(n)).take_while(|&k| s.toks[k].kind != K::Punct).find(|&k| s.is(k, "ever"));
            let perfect = (i + 1..(i + 5).min(n))
                .find(|&k| (s.is(k, "that") || s.is(k, "who")) && (s.is(k + 1, "has") || s.is(k + 1, "have")));
            // "the first mayor in 72 years to", "the only win in a decade": a span of time to
            // rank against.
            let span_of_time = (i + 1..(i + 5).min(n))
                .take_while(|&k| s.toks[k].kind != K::Punct)
                .find(|&k| {
                    s.is(k, "in")
                        && (s.toks.get(k + 1).is_some_and(|t| t.kind == K::Num)
                            || s.is(k + 1, "a")
                            || (k + 1 < n && number_word(s, k + 1)))
                        && has(s, k + 2, flags::TIME_UNIT)
                })
                .map(|k| k + 2);
            near.or(ever).or(perfect).or(span_of_time).map(|k| k + 1)
        }
        _ => Some(i + 1),
    }
}
