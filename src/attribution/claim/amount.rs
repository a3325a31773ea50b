//! Amounts: digits, number words and multipliers with what they count, money, percentages,
//! bounds ("under 285", "only six cases"), ratios ("four out of five") and ordinal counts of
//! repeated acts ("the 10th time that"). One class of the grammar in [`super`].
use super::{any, change_before, irrealis, is, lx, word};
use crate::attribution::lists::{LISTS, flags};
use crate::attribution::tokens::{K, Sent};
use crate::lexicon::Classes;

/// Numbers that are not amounts: a year, a date, a clock time, an identifier.
fn routine_number(s: &Sent, i: usize) -> bool {
    let w = s.w(i);
    let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let short_year = w.starts_with('\'');
    year || short_year
        || s.fl(i + 1) & (flags::MONTH | flags::TIME_UNIT) != 0
        || (i > 0 && s.fl(i - 1) & (flags::MONTH | flags::IDENTIFIER) != 0)
        || s.punct(i + 1) == Some(':')
        || any(s, i + 1, &["a.m.", "p.m.", "am", "pm", "o'clock"])
}

/// An amount starting at `i`: returns the end of the cue.
pub(super) fn amount(s: &Sent, i: usize) -> Option<usize> {
    let t = s.toks[i];
    let w = s.w(i);
    if t.kind == K::Num {
        // "141percent", "15-year" (with "high" or "low": a record).
        if w.ends_with("percent") {
            return Some(i + 1);
        }
        // "16,500-plus": a lower bound. "$20-25 billion": a ranged sum of money (a bare "5-2"
        // is a score or a tally).
        if w.ends_with("-plus") && w.len() > 5 {
            return Some(i + 1);
        }
        let money = i > 0 && matches!(s.punct(i - 1), Some('$' | '£' | '€' | '¥'));
        if money
            && w.split('-').count() == 2
            && w.split('-').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b','))
        {
            return Some(if s.fl(i + 1) & flags::SCALE != 0 { i + 2 } else { i + 1 });
        }
        // "38 Democrat senators": a count of people under a label for their group.
        if word(s, i + 1)
            && s.toks[i + 1].cap
            && lx(s, i + 1).contains(Classes::PEOPLE_NAME)
            && word(s, i + 2)
            && !s.toks[i + 2].cap
            && lx(s, i + 2).contains(Classes::NPL)
            && !routine_number(s, i)
        {
            return Some(i + 3);
        }
        if w.contains('-') {
            let unit_high = w.ends_with("-year") || w.ends_with("-month") || w.ends_with("-decade");
            return (unit_high && any(s, i + 1, &["high", "low", "highs", "lows", "peak"])).then_some(i + 2);
        }
        if routine_number(s, i) {
            return None;
        }
        // "98 times", "twice": how often is a count.
        if is(s, i + 1, "times") && !any(s, i + 2, &["a", "an", "per", "each"]) {
            return Some(i + 2);
        }
        // "under 285", "more than 2,000", "at least 40": an estimate or a bound on an amount.
        let approx = i > 0
            && (s.fl(i - 1) & flags::APPROXIMATOR != 0
                || any(
                    s,
                    i - 1,
                    &["than", "least", "most", "nearly", "almost", "roughly", "exceeds", "exceeded", "plus"],
                ));
        if approx {
            return Some(i + 1);
        }
        // "we're now at 285": a level of something.
        if i + 1 >= s.toks.len() || matches!(s.punct(i + 1), Some('.' | ';')) {
            return (i > 0 && any(s, i - 1, &["at", "to", "from", "reached", "hit"])).then_some(i + 1);
        }
        return None;
    }
    if t.kind != K::Word {
        return None;
    }
    match w {
        // Multipliers: "twice as many", "double the", "three times more".
        // Not a plan: "we should double the fund", "is to double the grants".
        "twice" | "triple" | "double" | "quadruple"
            if any(s, i + 1, &["as", "the", "that", "what"]) && !irrealis(s, i) =>
        {
            Some(i + 2)
        }
        "times"
            if i > 0
                && (s.fl(i - 1) & flags::SPELLED != 0
                    || any(s, i - 1, &["two", "three", "four", "five", "several", "many"])) =>
        {
            any(s, i + 1, &["as", "more", "less", "higher", "larger", "bigger", "faster", "greater"]).then_some(i + 2)
        }
        // "tens of thousands", "hundreds of millions".
        "tens" | "hundreds" | "thousands" | "millions" | "billions" | "dozens" if is(s, i + 1, "of") => Some(i + 3),
        // "a hundred more warheads", "a million people": a count after "a".
        "hundred" | "thousand" | "million" | "billion" | "trillion"
            if i > 0 && any(s, i - 1, &["a", "half"]) && s.fl(i + 1) & flags::TIME_UNIT == 0 =>
        {
            Some(i + 1)
        }
        // A scale word with the money or the things it counts, whatever comes before it: "the
        // same trillion dollars", "six hundred millions of dollars" ("a hundred years" is a
        // duration, and the time units are not counted things; "the Thousand Islands" a name).
        "hundred" | "thousand" | "million" | "billion" | "trillion" | "millions" | "billions" | "trillions"
            if (s.fl(i + 1) & flags::CURRENCY != 0 || plural_after(s, i + 1))
                && (!t.cap || i == s.first)
                && !irrealis(s, i) =>
        {
            Some(i + 2)
        }
        // "only six cases", "nearly nine families", "about four miles": a small
        // spelled count under a bound is a figure a reader could check; alone it is narrative
        // ("five nations signed").
        "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
            if bounded(s, i) && (counted_things(s, i + 1) || is(s, i + 1, "left")) && !irrealis(s, i) =>
        {
            Some(i + 2)
        }
        // "the 10th or 12th time that he has", "the fifth time we": a count of repeated acts.
        "the" => repetition(s, i),
        // "number one in industrial pollution", "number one among": a rank within a set.
        "number"
            if any(s, i + 1, &["one", "1"]) && any(s, i + 2, &["in", "among"]) && word(s, i + 3) && !irrealis(s, i) =>
        {
            Some(i + 3)
        }
        // "by a factor of two", "a factor of 10": a multiplier.
        "factor"
            if is(s, i + 1, "of") && (s.toks.get(i + 2).is_some_and(|t| t.kind == K::Num) || number_word(s, i + 2)) =>
        {
            Some(i + 3)
        }
        // "in half" after a change verb in the clause: "cut the deficit in half".
        "half" if i > 0 && is(s, i - 1, "in") && change_before(s, i - 1) => Some(i + 1),
        // "nothing in tax", "not a single vote": a zero amount of something countable.
        "nothing"
            if i > 0 && any(s, i - 1, &["paid", "pay", "pays", "cost", "costs", "got", "gave", "spent", "earned"]) =>
        {
            Some(i + 1)
        }
        "single" if i > 1 && is(s, i - 1, "a") && any(s, i - 2, &["not", "without", "no"]) && word(s, i + 1) => {
            Some(i + 2)
        }
        // "thirty-five towns", "forty-four of them": a compound spelled number with what it
        // counts (one to nine alone are routine narrative, like the cue list's spelled numbers).
        _ if spelled_compound(w)
            && (s.fl(i + 1) & flags::SCALE != 0 || is(s, i + 1, "of") || plural_after(s, i + 1)) =>
        {
            Some(i + 2)
        }
        _ => {
            // "rose sevenfold", "a fivefold increase": a multiplier in one word (a number word and
            // "-fold") with the change it measures; not "manifold", nor "a twofold purpose".
            if w.len() > 4
                && w.ends_with("fold")
                && is_number_word(&w[..w.len() - 4])
                && !irrealis(s, i)
                && ((i.saturating_sub(3)..i).any(|k| s.fl(k) & flags::CHANGE != 0)
                    || s.fl(i + 1) & flags::CHANGE != 0
                    || (word(s, i + 1) && lx(s, i + 1).contains(Classes::CHANGE)))
            {
                return Some(i + 1);
            }
            // Spelled numbers with a unit: "three percent", "ten times".
            let spelled = s.fl(i) & flags::SPELLED != 0
                || any(s, i, &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]);
            if spelled && (any(s, i + 1, &["percent", "times"]) || s.fl(i + 1) & flags::SCALE != 0) {
                // "at one times" is not English; "at times" has no number.
                return Some(i + 2);
            }
            None
        }
    }
}

/// "Only" or an estimate before a spelled count: "only", "just", "nearly", and the approximators
/// of the cue list ("about", "some", "over"). Not "more than" or "at least": with a small spelled
/// number they are mostly a hedge in narrative ("more than two hours", "at least three times"),
/// and on ClaimBuster they added nothing.
fn bounded(s: &Sent, i: usize) -> bool {
    // "stretched over three meetings", "split under two headings": after a verb, "over" and
    // "under" are prepositions of place or extent, not bounds.
    let preposition = i > s.first + 1
        && any(s, i - 1, &["over", "under"])
        && lx(s, i - 2).intersects(Classes::VPAST | Classes::VPART | Classes::V3SG | Classes::VING);
    i > s.first
        && !preposition
        && (s.fl(i - 1) & flags::APPROXIMATOR != 0
            || any(s, i - 1, &["only", "just", "nearly", "almost", "merely", "barely"]))
}

/// A lowercase plural noun at `k` (after at most one modifier) that counts things, places or
/// acts, not people: "six cases", "two countries". A count of people under "only" is mostly a
/// whip count or a tally ("only two Democrats are backing it"), routine reporting in news.
fn counted_things(s: &Sent, k: usize) -> bool {
    (k..k + 2).any(|j| {
        let c = lx(s, j);
        word(s, j)
            && !s.toks[j].cap
            && c.contains(Classes::NPL)
            && s.fl(j) & flags::TIME_UNIT == 0
            && !c.contains(Classes::PERSON)
    })
}

/// A singular count noun at `k` with words after it that bound the set: a relative clause
/// ("that they've signed"), a participle ("serving the city") or a place ("in the district").
/// Not a time ("every year", "every time we"), a person in general ("every American") or a
/// pronoun.
fn restricted_set(s: &Sent, k: usize) -> bool {
    let n = s.toks.len();
    if !word(s, k) || k + 1 >= n || !word(s, k + 1) {
        return false;
    }
    let c = lx(s, k);
    // "every president who has served since 1945", "every Mayor who has held the post": people
    // bounded by what they have done, a set on the record (a title may have its capital).
    // ("Every parent who has a child in school" is any parent at all.)
    let record = c.contains(Classes::PERSON)
        && is(s, k + 1, "who")
        && any(s, k + 2, &["has", "have", "had"])
        && lx(s, k + 3).contains(Classes::VPART);
    if record {
        return true;
    }
    if s.toks[k].cap || !c.contains(Classes::N)
        || c.intersects(Classes::TIME | Classes::PERSON)
        || s.fl(k) & (flags::PRONOUN | flags::TIME_UNIT) != 0
        // (Closed-class words and general nouns that bound no set a reader could count: "every
        // one of you", "every other week", "every way we can", "every step of the way".)
        || matches!(s.w(k), "one" | "other" | "thing" | "way" | "step" | "kind" | "sort" | "bit")
    {
        return false;
    }
    let r = s.w(k + 1);
    let next = lx(s, k + 1);
    matches!(r, "that" | "which" | "they" | "we" | "he" | "she" | "you" | "i")
        || (matches!(r, "in" | "on" | "across") && s.fl(k + 2) & flags::DETERMINER != 0)
        || (next.contains(Classes::VING) && r.ends_with("ing") && s.fl(k + 2) & flags::DETERMINER != 0)
}

/// A rank below the top: "second", "2nd", "third", "10th" ("the third-biggest item").
pub(super) fn rank_ordinal(s: &Sent, k: usize) -> bool {
    k < s.toks.len() && !s.toks[k].quoted && rank_ordinal_word(s.w(k))
}

/// [`rank_ordinal`] on a bare word.
pub(super) fn rank_ordinal_word(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let numeric = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&w[digits.len()..], "nd" | "rd" | "th")
        && digits.parse::<u32>().is_ok_and(|n| n >= 2);
    numeric
        || matches!(
            w,
            "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "eleventh"
                | "twelfth"
        )
}

/// Ordinals from the third up: "3rd", "10th", "fifth". The first and second time are narrative.
fn high_ordinal(s: &Sent, k: usize) -> bool {
    rank_ordinal(s, k) && !matches!(s.w(k), "second" | "2nd")
}

/// "the 10th time that he has denied it", "the fourth or fifth time we": an ordinal count of
/// "time" with a clause that says what was repeated (a subject or "that" follows). Without the
/// clause it is a schedule or a score ("for the third time this season").
fn repetition(s: &Sent, i: usize) -> Option<usize> {
    if !high_ordinal(s, i + 1) {
        return None;
    }
    let mut k = i + 2;
    if is(s, k, "or") && high_ordinal(s, k + 1) {
        k += 2;
    }
    let clause = any(s, k + 1, &["that", "i", "we", "you", "he", "she", "they", "it"])
        || any(s, k + 1, &["he's", "she's", "they've", "we've", "i've", "you've"]);
    (is(s, k, "time") && clause).then_some(k + 1)
}

/// A number word of twenty and up written with a hyphen: "thirty-five", "ninety-nine".
fn spelled_compound(w: &str) -> bool {
    // ("forty-one" is the shortest.)
    if w.len() < 9 {
        return false;
    }
    let Some((tens, ones)) = w.split_once('-') else { return false };
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].contains(&tens)
        && ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].contains(&ones)
}

/// A plural noun at `k`, after at most one modifier: "nations", "Democrat senators".
fn plural_after(s: &Sent, k: usize) -> bool {
    (k..k + 2).any(|j| word(s, j) && lx(s, j).contains(Classes::NPL) && s.fl(j) & flags::TIME_UNIT == 0)
}

/// A ratio of a set: "four out of five", "two out of every three", "3 out of 10".
pub(super) fn ratio(s: &Sent, i: usize) -> Option<usize> {
    // (This runs on every token: the cheap test of the word after first.)
    if !matches!(s.toks.get(i + 1).map(|_| s.w(i + 1)), Some("in" | "out" | "times" | "the" | "what" | "as" | "that"))
        && !matches!(s.toks.get(i + 2).map(|_| s.w(i + 2)), Some("the" | "in"))
    {
        return None;
    }
    let number = |k: usize| {
        s.toks.get(k).is_some_and(|t| t.kind == K::Num)
            || s.fl(k) & flags::SPELLED != 0
            || any(s, k, &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
    };
    if number(i) && is(s, i + 1, "in") {
        // "one in five parcels", "3 in 10 voters": a share, with a plain count after "in" (not
        // a year, "1 in 2024", nor "two in the morning").
        let k = i + 2;
        let small = s.toks.get(k).is_some_and(|t| t.kind == K::Num && s.w(k).len() <= 3 || s.w(k).contains(','));
        return (small || number_word(s, k)).then_some(k + 1);
    }
    // "one gallon in every six", "two seats in every ten": a share with its unit between.
    if number(i)
        && word(s, i + 1)
        && lx(s, i + 1).contains(Classes::N)
        && is(s, i + 2, "in")
        && any(s, i + 3, &["every", "each"])
        && number(i + 4)
    {
        return Some(i + 5);
    }
    if !(number(i) && is(s, i + 1, "out") && is(s, i + 2, "of")) {
        return multiple(s, i);
    }
    let k = if any(s, i + 3, &["every", "each"]) { i + 4 } else { i + 3 };
    number(k).then_some(k + 1)
}

/// A multiple or a fraction of a measure compared: "twice what the owners pay", "three times
/// the national rate", "half the size of", "a third the size of today's", "twice as many".
fn multiple(s: &Sent, i: usize) -> Option<usize> {
    let (m, next) = if any(s, i, &["twice", "thrice", "half"]) {
        (i, i + 1)
    } else if ((s.toks.get(i).is_some_and(|t| t.kind == K::Num) || number_word(s, i)) && is(s, i + 1, "times"))
        || (is(s, i, "a") && any(s, i + 1, &["third", "quarter", "fifth", "tenth"]))
    {
        (i, i + 2)
    } else {
        return None;
    };
    // "half the size", "twice the rate": a measure noun after "the".
    let measure = is(s, next, "the")
        && any(
            s,
            next + 1,
            &["size", "number", "amount", "rate", "price", "cost", "level", "share", "average", "pace"],
        );
    // "twice what", "twice as many", "three times as likely", "twice that of".
    let compared = any(s, next, &["what", "as"]) || (is(s, next, "that") && is(s, next + 1, "of"));
    // "Half" only with a measure noun: "half the time", "half as good" are manner, not amounts.
    (if is(s, m, "half") { measure } else { measure || compared }).then_some(next + 2)
}

/// Whether `w` spells a number: one to nine, or a spelled number of the cue list ("ten",
/// "hundred"), as [`number_word`] reads a token.
fn is_number_word(w: &str) -> bool {
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].contains(&w)
        || LISTS.word_flags(w) & flags::SPELLED != 0
}

/// A number word: one to nine, or a spelled number of the cue list ("ten", "hundred").
pub(super) fn number_word(s: &Sent, k: usize) -> bool {
    s.fl(k) & flags::SPELLED != 0
        || any(s, k, &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
}

/// Universal and near-universal quantities over a set: "almost all of the county's schools",
/// "none of the bidders", "most economists", "the majority of voters", "every airline serving".
pub(super) fn quantified_set(s: &Sent, i: usize) -> Option<usize> {
    // (This runs on every token: one test of the word first.)
    if !matches!(s.w(i), "not" | "none" | "most" | "majority" | "minority" | "all" | "every" | "no" | "single") {
        return None;
    }
    // "never took on his party on a single issue", "we don't have a single program": a negated
    // "a single" is "none" too.
    if is(s, i, "single") {
        let negated = i > s.first + 1
            && is(s, i - 1, "a")
            && (i.saturating_sub(12).max(s.first)..i - 1)
                .rev()
                .take_while(|&k| !super::boundary(s, k))
                .any(|k| any(s, k, &["not", "never", "n't", "don't", "didn't", "doesn't", "hasn't", "haven't", "no"]));
        return (negated
            && !irrealis(s, i)
            && word(s, i + 1)
            && lx(s, i + 1).contains(Classes::N)
            && s.fl(i + 1) & flags::TIME_UNIT == 0)
            .then_some(i + 2);
    }
    // "Not one of the township's five board members", "not a single bidder": "none" spelled out.
    if is(s, i, "not") && !irrealis(s, i) {
        let head = if is(s, i + 1, "one")
            && is(s, i + 2, "of")
            && (s.fl(i + 3) & flags::DETERMINER != 0 || s.w(i + 3).ends_with("'s"))
        {
            i + 4
        } else if is(s, i + 1, "a") && is(s, i + 2, "single") {
            i + 3
        } else {
            return None;
        };
        return (head..(head + 4).min(s.toks.len()))
            .find(|&k| {
                word(s, k)
                    && lx(s, k).contains(Classes::N)
                    && s.fl(k) & (flags::PRONOUN | flags::TIME_UNIT) == 0
                    && !s.w(k).ends_with("'s")
            })
            .map(|k| k + 1);
    }
    if !word(s, i) || irrealis(s, i) {
        return None;
    }
    let w = s.w(i);
    let hedge = i > 0 && any(s, i - 1, &["almost", "nearly", "virtually", "practically"]);
    let head = match w {
        "none" | "most" if is(s, i + 1, "of") && any(s, i + 2, &["the", "our", "their", "its", "these", "those"]) => {
            i + 3
        }
        "majority" | "minority" if i > 0 && any(s, i - 1, &["the", "a", "vast"]) && is(s, i + 1, "of") => i + 2,
        "all" if hedge && is(s, i + 1, "of") => i + 3,
        "all" if hedge && any(s, i + 1, &["the", "our"]) => i + 2,
        "every" | "all" if hedge => i + 1,
        // "every single one of my children": an emphatic universal, as checkable as a hedged one.
        "every" if is(s, i + 1, "single") => i + 2,
        // "every airline serving the city", "every agreement they've signed", "every school in
        // the district": a universal over a set its own words bound.
        "every" if restricted_set(s, i + 1) => i + 1,
        "most" if i == s.first || (i > 0 && s.punct(i - 1).is_some()) => i + 1,
        "no" if is(s, i + 1, "other") => i + 2,
        // "almost no field escaped": "almost none", as a quantity.
        "no" if hedge => i + 1,
        _ => return None,
    };
    // The set: a plural noun (a possessive and a modifier may come first) that is not a pronoun
    // or a time ("most of the time", "none of us").
    for k in head..(head + 3).min(s.toks.len()) {
        if !word(s, k) {
            return None;
        }
        let c = lx(s, k);
        if s.fl(k) & (flags::PRONOUN | flags::TIME_UNIT) != 0 || c.contains(Classes::TIME) {
            return None;
        }
        if c.contains(Classes::N)
            && (c.contains(Classes::NPL) || (w == "no" || w == "every"))
            && !s.w(k).ends_with("'s")
        {
            return Some(k + 1);
        }
    }
    None
}
