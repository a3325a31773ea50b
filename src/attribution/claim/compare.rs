//! Comparisons with their comparison set: "than any other state", "since 1972", "the largest
//! in the country", a rank below the top ("the third-largest item"). One class of the grammar in
//! [`super`].
use super::{amount, any, boundary, irrealis, is, lx, word};
use crate::attribution::lists::flags;
use crate::attribution::tokens::{K, Sent};
use crate::lexicon::Classes;

/// A comparative or superlative word at `i`: "-er"/"-est" adjectives and adverbs, more/less/fewer,
/// most/least, and the superlatives of the cue list.
pub(super) fn comparative(s: &Sent, i: usize) -> bool {
    if !word(s, i) {
        return false;
    }
    let w = s.w(i);
    if matches!(w, "more" | "less" | "fewer" | "better" | "worse" | "higher" | "lower" | "further" | "farther") {
        return true;
    }
    w.len() > 4
        && w.ends_with("er")
        // ("other than", "rather than": no degree.)
        && !matches!(w, "other" | "rather" | "either" | "neither" | "whether" | "together")
        && lx(s, i).intersects(Classes::ADJ | Classes::ADV)
        && !lx(s, i).contains(Classes::V)
}

pub(super) fn superlative(s: &Sent, i: usize) -> bool {
    word(s, i)
        && (s.fl(i) & flags::SUPERLATIVE != 0
            || (s.w(i).len() > 5
                && s.w(i).ends_with("est")
                && lx(s, i).intersects(Classes::ADJ | Classes::ADV)
                && graded_stem(s.w(i))))
}

/// Whether an "-est" word is the superlative of an adjective or adverb the lexicon knows:
/// "great-est", "larg(e)-est", "big(g)-est", "earl(y)-iest". Not "interest", "honest", "modest".
fn graded_stem(w: &str) -> bool {
    let stem = &w[..w.len() - 3];
    let graded = |x: &str| x.len() > 1 && crate::lexicon::lookup(x).intersects(Classes::ADJ | Classes::ADV);
    let b = stem.as_bytes();
    graded(stem)
        || graded(&format!("{stem}e"))
        || (b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] && graded(&stem[..stem.len() - 1]))
        || stem.strip_suffix('i').is_some_and(|t| graded(&format!("{t}y")))
}

/// The words that open a comparison set after "than": "than any other", "than ever", "than all".
const SET_AFTER_THAN: &[&str] = &[
    "any", "anyone", "anybody", "anywhere", "anything", "ever", "all", "every", "everyone", "before", "previous",
    "the", "in", "at", "during", "under", "last", "a", "we", "they", "our", "their", "his", "her", "its", "it",
    "those", "that", "other", "most", "many", "my", "your", "when", "since",
];

/// A comparison with its set, starting at the comparative at `i`.
pub(super) fn comparison(s: &Sent, i: usize) -> Option<usize> {
    let n = s.toks.len();
    // "the third-biggest item in the budget", "the state's second largest employer": a rank
    // is checked against its whole, named or not.
    // (This runs on every token: the last letter is tested first, "-est", "-ed", "-ing" for a
    // rank word, "second", "third", "fourth", "10th" for an ordinal.)
    let last = |k: usize| {
        s.toks.get(k).and_then(|t| s.norm.as_bytes().get((t.n1 as usize).wrapping_sub(1)).copied()).unwrap_or(0)
    };
    let ranked = |w: &str| w.ends_with("est") || w.ends_with("ranked") || w.ends_with("ranking");
    // (One word with its hyphen: "fifth-ranked", "third-largest".)
    if matches!(last(i), b't' | b'd' | b'g')
        && word(s, i)
        && ranked(s.w(i))
        && let Some((a, b)) = s.w(i).split_once('-')
        && amount::rank_ordinal_word(a)
        && (matches!(b, "ranking" | "ranked") || (b.len() > 4 && b.ends_with("est") && !b.ends_with("west")))
    {
        return Some(i + 1);
    }
    // ("the seventh-ranking economy", "the fifth-ranked team", "the 10th largest bank".)
    if matches!(last(i), b'd' | b'h') {
        let k = if s.punct(i + 1) == Some('-') { i + 2 } else { i + 1 };
        if k < n
            && word(s, k)
            && ranked(s.w(k))
            && amount::rank_ordinal(s, i)
            && (superlative(s, k) || any(s, k, &["ranking", "ranked"]))
        {
            return Some(k + 1);
        }
    }
    let (is_comparative, is_superlative) = (comparative(s, i), superlative(s, i));
    // "more likely to win than": odds, a forecast rather than a record.
    if !(is_comparative || is_superlative) || any(s, i + 1, &["likely", "unlikely", "probable"]) {
        return None;
    }
    if is_comparative {
        // "than" within ten words, in the clause: "more women in senior jobs than any other state",
        // "more on farm aid in the last eight years than the".
        let mut k = i + 1;
        // (A coordination of nouns is one phrase: "more graduates in science and engineering
        // than".)
        let noun_and = |k: usize| {
            any(s, k, &["and", "or"])
                && word(s, k - 1)
                && word(s, k + 1)
                && lx(s, k - 1).contains(Classes::N)
                && lx(s, k + 1).intersects(Classes::N | Classes::ADJ)
        };
        while k < n && k <= i + 10 && (!boundary(s, k) || noun_and(k)) {
            if is(s, k, "than") {
                // "than that.", "than it,": a pronoun pointing back, not a set.
                let pointing_back = any(s, k + 1, &["that", "it", "those"]) && s.punct(k + 2).is_some();
                // "more people than has ever been": a record.
                if (k + 1..(k + 4).min(n)).any(|j| is(s, j, "ever")) && !irrealis(s, i) {
                    return Some(k + 2);
                }
                // "less than three years ago": a date, not an amount.
                let date = (k + 2..(k + 4).min(n)).any(|j| any(s, j, &["ago", "earlier", "later"]))
                    && (k + 2..(k + 3).min(n)).any(|j| s.fl(j) & flags::TIME_UNIT != 0);
                // "more than I would have it spend", "more than we could chew": a measure of what
                // someone would or could do, not a set that was counted.
                let hypothetical = s.fl(k + 1) & flags::PRONOUN != 0
                    && (s.fl(k + 2) & flags::MODAL != 0 || any(s, k + 2, &["would", "could", "might", "'d"]));
                let set = k + 1 < n
                    && !date
                    && !hypothetical
                    && (s.toks[k + 1].kind == K::Num
                        || s.fl(k + 1) & flags::SPELLED != 0
                        || ((any(s, k + 1, SET_AFTER_THAN) || named_comparand(s, i, k + 1))
                            && !any(s, k + 2, &["one", "that", "this"])
                            && !pointing_back
                            && !irrealis(s, i)));
                return set.then_some(k + 2);
            }
            k += 1;
        }
    }
    // "winning only narrowly in Iowa": "only" without a determiner is an adverb, no superlative.
    let determined = i > s.first && (s.fl(i - 1) & flags::DETERMINER != 0 || s.w(i - 1).ends_with("'s"));
    let bare_only = is(s, i, "only") && !determined;
    // "make progress first in the field": a bare "first" after anything but "be" or a finite
    // verb is an adverb of order ("is first in", "ranks first in", "finished first in" rank).
    let bare_first = is(s, i, "first")
        && !determined
        && !(i > s.first && (s.fl(i - 1) & flags::BE != 0 || lx(s, i - 1).intersects(Classes::VPAST | Classes::V3SG)));
    if !bare_only && !bare_first {
        // "higher than it has been since 1949", "the lowest level on record", "the largest in the
        // country": the span or the whole a reader could check it against, within six words.
        let mut k = i + 1;
        while k < n && k <= i + 7 && !(boundary(s, k) && s.punct(k).is_some()) {
            if is(s, k, "since") && k + 1 < n && (s.toks[k + 1].kind == K::Num || word(s, k + 1)) {
                return Some(k + 2);
            }
            if is(s, k, "on") && is(s, k + 1, "record") {
                return Some(k + 2);
            }
            // "in franchise history", "in the country", "of all time", "in its 40 years".
            if is_superlative && (is(s, k, "in") || is(s, k, "of")) {
                let mut j = k + 1;
                while j < n && j <= k + 4 && word(s, j) && !boundary(s, j) {
                    let c = lx(s, j);
                    let whole = matches!(s.w(j), "history" | "time" | "ever" | "world" | "country" | "nation")
                        || (c.contains(Classes::N)
                            && c.intersects(Classes::PLACE)
                            && !c.intersects(Classes::PERSON | Classes::ARTIFACT));
                    if whole && (is(s, k, "in") || is(s, k + 1, "all")) {
                        return Some(j + 1);
                    }
                    j += 1;
                }
            }
            // "the most costly of any state", "the lowest rate of any industrial state".
            if is_superlative && is(s, k, "of") && is(s, k + 1, "any") && word(s, k + 2) {
                return Some(k + 3);
            }
            if is_superlative && is(s, k, "ever") {
                return Some(k + 1);
            }
            k += 1;
        }
    }
    None
}

/// A measured comparison against one thing a reader could look up: "greater than ours", "lower
/// administrative costs than private insurance", "cheaper than Main Street's". Not a comparison of
/// quality ("better", "worse", "more important") or against a forecast or a norm ("than expected",
/// "than usual"): those are judgements.
fn named_comparand(s: &Sent, cmp: usize, k: usize) -> bool {
    if !word(s, k) || any(s, cmp, &["better", "worse"]) {
        return false;
    }
    // "more + adjective": a quality compared ("more effective than"); "more + noun" counts.
    if any(s, cmp, &["more", "less"]) && word(s, cmp + 1) && {
        let c = lx(s, cmp + 1);
        c.contains(Classes::ADJ) && !c.contains(Classes::N)
    } {
        return false;
    }
    if any(s, k, &["ours", "theirs", "yours", "mine", "hers"]) {
        return true;
    }
    let c = lx(s, k);
    // A forecast or a norm: what "expected", "usual", "needed" name is no thing.
    let norm = c.intersects(Classes::VPART) && !c.contains(Classes::N)
        || any(s, k, &["usual", "normal", "ideal", "necessary", "average", "anticipated", "planned", "hoped"]);
    let noun =
        s.toks[k].cap || c.contains(Classes::N) || (c.contains(Classes::ADJ) && lx(s, k + 1).contains(Classes::N));
    noun && !norm && !c.intersects(Classes::TIME)
}

/// A verb of surpassing or falling behind with a whole class as its object: "outpaced every
/// rival", "has outsold all other models", "trails every other state", "exceeded any previous
/// year's", "well ahead of any other port". Against one named thing ("outpaced her rival") it is
/// an event, not a comparison a reader could check against a set.
///
/// The verbs: the "out-" verbs whose remainder is itself a verb (WordNet knows both: "outpace",
/// "outsell", "outspend", "outnumber"), and a closed handful with no such mark.
pub(super) fn outranks(s: &Sent, i: usize) -> Option<usize> {
    // (This runs on every token: the length and the first and last letters are tested first.
    // Every form below ends in "s", "d", "g" or "t".)
    let w = s.w(i);
    let b = w.as_bytes();
    if b.len() < 4
        || !matches!(b[0], b'o' | b'e' | b's' | b't' | b'l' | b'a')
        || !matches!(b[b.len() - 1], b's' | b'd' | b'g' | b't')
        || !word(s, i)
    {
        return None;
    }
    // (Not one that is also an adjective or a verb of saying or feeling: "outlawed",
    // "outfitted", "outlined", "outraged".)
    let out_verb = w.len() > 5
        && w.starts_with("out")
        && lx(s, i).contains(Classes::V)
        && lx(s, i).intersects(Classes::VPAST | Classes::V3SG | Classes::VPART | Classes::VING)
        && !lx(s, i).intersects(Classes::ADJ | Classes::SAY | Classes::FEEL | Classes::THINK)
        && crate::lexicon::lookup(&w[3..]).contains(Classes::V);
    // (The closed handful: exceed, surpass, trail, lag; "ahead of" after "be".)
    let plain = matches!(
        w,
        "exceeds"
            | "exceeded"
            | "exceeding"
            | "surpasses"
            | "surpassed"
            | "surpassing"
            | "trails"
            | "trailed"
            | "trailing"
            | "lags"
            | "lagged"
            | "lagging"
    );
    // ("is well ahead of", "are far ahead of": a standing; "ahead of every game" is a time.)
    let standing = |k: usize| k > s.first && s.fl(k - 1) & flags::BE != 0;
    let ahead = w == "ahead"
        && is(s, i + 1, "of")
        && (standing(i) || (i > s.first + 1 && any(s, i - 1, &["well", "far", "way", "still"]) && standing(i - 1)));
    if !(out_verb || plain || ahead) || irrealis(s, i) {
        return None;
    }
    let mut k = i + 1;
    // (One word before the set: "ahead of every", "lags behind every".)
    if ahead || any(s, k, &["behind", "far", "well"]) {
        k += 1;
    }
    // The whole class: "every rival", "all other models", "any other state", "each of its".
    if !any(s, k, &["every", "all", "any", "each"]) {
        return None;
    }
    (k + 1..(k + 4).min(s.toks.len()))
        .take_while(|&j| word(s, j))
        .find(|&j| lx(s, j).contains(Classes::N) && !any(s, j, &["other", "one", "of"]))
        .map(|j| j + 1)
}
