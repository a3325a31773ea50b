//! Checkable claims: what a reader could dispute, as a grammar over word classes.
//!
//! The sentence-level entry point is [`checkable`]. It reads the sentence's tokens with their
//! list flags ([`super::lists::flags`]) and their WordNet classes ([`crate::lexicon`]), and finds
//! the first checkable part outside quotation marks, in these classes:
//!
//! * **amounts** ([`amount::amount`], in `claim/amount.rs`): digits, number words and
//!   multipliers with what they count, money, percentages, approximate and ranged amounts
//!   ("under 285", "tens of thousands", "98 times"), small counts under a bound ("only six
//!   cases"), scale words with what they count ("the same trillion dollars"), ordinal counts of
//!   repeated acts ("the 10th time that"), a rank in a set ("number one in"), shares ("one in
//!   five parcels", "two out of three") and multiples of a measure ("twice what the team pays",
//!   "a third the size of");
//! * **comparisons with their comparison set** ([`comparison`], in `claim/compare.rs`): a comparative with "than" and a
//!   set a reader could check ("than any other state", "than ever", "than in 1990"), a comparative
//!   or superlative with a time span or a whole ("since 1972", "on record", "in the country"),
//!   "an N-year high", a rank below the top ("the third-largest item", "the fifth-ranked side");
//! * **trends and records** ([`trend`]): a change verb (WordNet verb.change) with a span or a
//!   pattern ("has risen every year since", "fell for a third year in a row"); a change of an
//!   amount with no number ([`directed_change`]: "coverage has been declining", "wages haven't
//!   gone up", "profits are not up", "prices have begun to fall");
//! * **quantifiers over a checkable set** ([`quantified_set`], in `claim/amount.rs`): "almost
//!   all of the county's schools", "none of the bidders", "not one of the five trustees", "most
//!   economists", "every airline serving the city", "has not approved a single permit";
//! * **causes**: the connectives and the causal verbs of the cue lists, and a verb with WordNet's
//!   cause relation whose object is an outcome ("forced the closure", "has cost the city"); a
//!   listed causal phrase with an "-ly" adverb inside ("stems directly from").
//!
//! The cue lists' phrase matches (`hits`) and the earlier single-pass detection
//! ([`cues::checkable`]) are one more source of candidates; the earliest candidate
//! wins. What is not a claim stays clean: a plan or a prediction (a modal or "want to" before the
//! verb), an amount under "can", "may", "must" or "should" (a rule or an option: "owners can
//! cut their bills by 40 percent"), durations, dates, times, ages, vote tallies, identifiers.
//!
//! Sourcing is decided by the rule with [`writer_is_source`]: a sentence whose only source is the
//! writer or the reader ("I think", "we know", "as you said") names no one who could be asked.
mod amount;
mod compare;
mod cues;
mod record;
mod sourcing;
use super::extract::Attribution;
use super::extract::words::is_negated_aux;
use super::facts::{Checkable, ClaimKind};
use super::lists::{Cue, LISTS, flags};
use super::tokens::{K, Sent, anonymity_reason};
use crate::lexicon::Classes;
use crate::text::Span;
use amount::{amount, quantified_set, ratio};
use compare::{comparison, outranks, superlative};
use record::own_record;
pub(crate) use sourcing::{asserting_question, sourced_by, writer_is_source, writer_pronoun};

/// How many candidates a sentence's claim is chosen from: each costs a pass over the sentence's
/// tokens, and a sentence of prose rarely holds more (a run-on line of thousands of words would
/// otherwise cost the square of its length).
const MAX_CANDIDATES: usize = 8;

/// The checkable part of the sentence to report, outside quotations: the first one the
/// sentence's own attributions (`atts`, over `text`) do not source, or else the first one.
/// A sentence may tell one figure and assert another: in "He'll claim credit for crime going
/// down, but it happens because mayors have brought crime down" the change is his claim and the
/// cause is the writer's.
pub(crate) fn checkable(text: &str, s: &Sent, hits: &[(Cue, usize, usize)], atts: &[Attribution]) -> Option<Checkable> {
    let keep = |c: &Checkable| !not_a_claim(s, *c);
    let unsourced = |c: &Checkable| sourced_by(text, atts, c.cue) != Some(true);
    // The list's candidates and the grammar's, each earliest first, taken in one order.
    // (With no attribution nothing is sourced, and the earliest is all there is to find.)
    let listed = cues::checkable(s, hits, keep, !atts.is_empty());
    let mut next = 0;
    let mut first: Option<Checkable> = None;
    let mut found: Option<Checkable> = None;
    let mut taken = 0;
    let mut take = |c: Checkable| {
        if first.is_none_or(|f| c.cue.start < f.cue.start) {
            first = Some(c);
        }
        if found.is_none() && unsourced(&c) {
            found = Some(c);
        }
        taken += 1;
        found.is_none() && taken < MAX_CANDIDATES
    };
    grammar(s, keep, |c| {
        while next < listed.len() && listed[next].cue.start <= c.cue.start {
            next += 1;
            if !take(listed[next - 1]) {
                return false;
            }
        }
        take(c)
    });
    for &c in &listed[next..] {
        if !take(c) {
            break;
        }
    }
    found.or(first)
}

/// The filters every candidate passes: vote tallies, motives, praise, numbers in names, the
/// reason a source is unnamed ("speaking on condition of anonymity because he fears").
fn not_a_claim(s: &Sent, c: Checkable) -> bool {
    vote_tally(s, c.cue)
        || motive(s, c)
        || evaluative(s, c)
        || part_of_name(s, c.cue)
        || cites_document(s, c)
        || prediction(s, c)
        || no_recorded_set(s, c)
        || identifying_amount(s, c.cue)
        || possible_amount(s, c)
        || (c.kind == ClaimKind::Causal && anonymity_reason(s, s.token_at(c.cue.start)))
}

/// An amount under a modal of ability, permission or obligation is a rule or an option, not a
/// measurement: "owners can cut their bills by up to 40 percent", "fans can take home a seat
/// for a $25 donation", "applicants must show 20 percent equity"; so is one in a clause of
/// purpose ("so that the fund reaches $3 million"). A forecast or a projection
/// ("will cost twice what", "the bill would affect about 4.6 million renters", "could cost $2
/// billion") states what is to happen and stays a claim: on ClaimBuster, reading "would" and
/// "could" as rules lost seven check-worthy sentences.
fn possible_amount(s: &Sent, c: Checkable) -> bool {
    if !matches!(c.kind, ClaimKind::Statistic | ClaimKind::Change) {
        return false;
    }
    let Some(i) = cue_token(s, c.cue) else { return false };
    let modal = (i.saturating_sub(10)..i)
        .rev()
        .take_while(|&k| !boundary(s, k) || s.punct(k) == Some('$'))
        .any(|k| any(s, k, &["can", "cannot", "can't", "may", "must", "should", "ought"]));
    // A purpose is an aim too: "so that $1 trillion grows to be $3 trillion".
    let purpose = (i.saturating_sub(16).max(s.first + 1)..i)
        .rev()
        .take_while(|&k| s.punct(k).is_none_or(|p| p == '$'))
        .any(|k| is(s, k, "that") && is(s, k - 1, "so"));
    modal || purpose
}
/// An amount inside a definite noun phrase names the thing rather than measuring it: "the city's
/// $212 million operating budget", "the $40 million bond" (the agenda item, its size known from
/// the record). With "a" it still states a size: "a $1 million ad buy".
fn identifying_amount(s: &Sent, cue: Span) -> bool {
    let Some(i) = cue_token(s, cue) else { return false };
    let money = matches!(s.punct(i), Some('$' | '£' | '€' | '¥'));
    if !money || i <= s.first {
        return false;
    }
    // "$100 bills", "£20 notes": a denomination names the money.
    if any(s, i + 2, &["bills", "bill", "notes", "note", "coins", "coin"]) {
        return true;
    }
    let definite = s.fl(i - 1) & flags::DEFINITE != 0 || s.w(i - 1).ends_with("'s") || s.w(i - 1).ends_with("’s");
    let mut e = i + 2;
    if s.fl(e) & flags::SCALE != 0 {
        e += 1;
    }
    let c = lx(s, e);
    let modifies = word(s, e)
        && c.intersects(Classes::N | Classes::ADJ)
        && s.fl(e) & (flags::PREP | flags::DETERMINER | flags::BE | flags::CLAUSE) == 0;
    definite && modifies
}

/// A superlative under a modal: "the fair will be unprecedented", "it could be the largest"; a
/// universal whose verb is a future: "every one of the chiefs will testify".
/// Nothing has happened yet to check it against. ("On track to be the smallest since 1988" is a
/// claim about the figures so far, and stays one.)
fn prediction(s: &Sent, c: Checkable) -> bool {
    let Some(i) = cue_token(s, c.cue) else { return false };
    // "Every one of the chiefs will testify": a universal as the subject of a future.
    if c.kind == ClaimKind::Statistic && any(s, i, &["every", "all", "none", "most"]) {
        let end = s.token_at(c.cue.end);
        return (end..(end + 6).min(s.toks.len()))
            .take_while(|&k| s.punct(k).is_none())
            .any(|k| any(s, k, &["will", "'ll", "would"]));
    }
    c.kind == ClaimKind::Superlative
        && (i.saturating_sub(4)..i)
            .rev()
            .take_while(|&k| !boundary(s, k) || s.fl(k) & flags::MODAL != 0)
            .any(|k| s.fl(k) & flags::MODAL != 0 || any(s, k, &["'ll", "won't", "wouldn't", "couldn't"]))
}

/// A superlative measured by one person's own life: "the closest I have ever come to", "the
/// cheapest money you'll ever spend", "the greatest repayment I can ever give". Nothing but the
/// speaker's (or the reader's) experience to check it against. ("The largest cuts we've ever
/// seen" is the country's record, and stays a claim.) Nor is a superlative over what may yet
/// happen: "the biggest disaster that could happen".
fn no_recorded_set(s: &Sent, c: Checkable) -> bool {
    let Some(i) = cue_token(s, c.cue) else { return false };
    if c.kind != ClaimKind::Superlative {
        return false;
    }
    let mut one = false;
    for k in i + 1..(i + 8).min(s.toks.len()) {
        if boundary(s, k) && s.punct(k).is_some() {
            return false;
        }
        // "the biggest disaster that could happen", "the worst thing that might": ranked among
        // what may yet happen, not among what did.
        if any(s, k, &["that", "which"]) && (s.fl(k + 1) & flags::MODAL != 0 || any(s, k + 1, &["could", "might"])) {
            return true;
        }
        one |= any(s, k, &["i", "i've", "i'd", "i'll", "you", "you've", "you'll", "you'd"]);
        if is(s, k, "ever") {
            return one;
        }
    }
    false
}

/// The sentence names the document its figures come from, in a phrase of its own: "in a new
/// survey by the county", "from the 2020 census figures", "by a university study". A claim whose
/// own sentence cites its source is sourced, though no one "says" it. The document nouns are the
/// source-noun list's (`DOCUMENT`: report, survey, poll, study, data, figures, ...); the phrase
/// needs a determiner, a possessive or a name before the noun, so "in record time" cites nothing.
fn cites_document(s: &Sent, c: Checkable) -> bool {
    // "the third-biggest item in our budget": a superlative's "in" phrase is the whole it ranks
    // over, not where a figure comes from.
    let ranked_over = |prep: usize| {
        c.kind == ClaimKind::Superlative
            && s.w(prep) == "in"
            && cue_token(s, c.cue).is_some_and(|t| t < prep && prep <= t + 6 && (t..prep).all(|j| !boundary(s, j)))
    };
    (s.first..s.toks.len()).any(|k| {
        if s.fl(k) & flags::DOCUMENT == 0 || s.toks[k].quoted || !word(s, k) || s.toks[k].cap {
            return false;
        }
        // Back over the noun's modifiers to its determiner, then the preposition before it.
        let mut j = k;
        while j > s.first && k - j < 6 && word(s, j - 1) && s.fl(j - 1) & (flags::DETERMINER | flags::PREP) == 0 {
            j -= 1;
        }
        let det = j > s.first && (s.fl(j - 1) & flags::DETERMINER != 0 || s.w(j - 1).ends_with("'s"));
        let named = j < k && s.toks[j].cap;
        let at = if det { j - 1 } else { j };
        // "cuts in the federal budget", "a rise in the forecast": the document is where the change
        // is, not where a figure comes from.
        let of_change = at >= s.first + 2
            && (s.fl(at - 2) & flags::CHANGE != 0 || lx(s, at - 2).contains(Classes::CHANGE))
            && lx(s, at - 2).contains(Classes::N);
        (det || named)
            && at > s.first
            && any(s, at - 1, &["in", "from", "by", "per"])
            && !of_change
            && !ranked_over(at - 1)
    })
}

/// A number that is part of a date or a name written with a slash or a hash: "9/11 families",
/// "24/7 coverage", "#2 pencils".
fn part_of_name(s: &Sent, cue: Span) -> bool {
    cue_token(s, cue).is_some_and(|i| i > 0 && matches!(s.punct(i - 1), Some('/' | '#')))
}

/// The token index where `cue` starts.
fn cue_token(s: &Sent, cue: Span) -> Option<usize> {
    s.toks.iter().position(|t| t.span.start == cue.start)
}

/// First- and second-person words: a clause about the writer or the reader.
const PERSONAL: &[&str] =
    &["i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd", "you", "you're", "me", "us", "my", "our"];

/// A reason given for the writer's own act or view, not a cause in the world: "I oppose it
/// because ...", "we're glad, because ...", "because I think ...". A causal connective whose
/// clause, or the clause before it, is about the writer or the reader, or is a plan or a wish.
fn motive(s: &Sent, c: Checkable) -> bool {
    if c.kind != ClaimKind::Causal {
        return false;
    }
    let Some(i) = cue_token(s, c.cue) else { return false };
    // ("because of" and a noun names a cause in the world, whoever speaks: "we've lost the
    // industry because of the buyouts"; a modal still makes it a motive or a guess.)
    let of_np = is(s, i, "because") && is(s, i + 1, "of");
    let before =
        (s.first..i).any(|k| !s.toks[k].quoted && ((any(s, k, PERSONAL) && !of_np) || s.fl(k) & flags::MODAL != 0));
    let after = any(s, i + 1, PERSONAL) || any(s, i + 1, &["if", "it's", "that's"]);
    before || after || irrealis(s, i) || explanation(s, i) || state_of_mind(s, i)
}

/// "because" and a clause as the complement of "be" explains rather than reports a cause ("it was
/// because the plan came late", "the reason ... is partly because"; "was because of the storm"
/// still names one), and a sentence that opens with
/// "Because" and a pronoun or a comma answers a question ("Because they waited.").
fn explanation(s: &Sent, i: usize) -> bool {
    if !is(s, i, "because") {
        return false;
    }
    let mut k = i;
    while k > s.first && any(s, k - 1, &["partly", "just", "only", "simply", "largely", "part", "in", "precisely"]) {
        k -= 1;
    }
    let be = |j: usize| s.fl(j) & flags::BE != 0 || any(s, j, &["that's", "it's", "that’s", "it’s"]);
    let after_be = k > s.first && be(k - 1) && !is(s, i + 1, "of");
    let answer = i == s.first && (s.punct(i + 1).is_some() || s.fl(i + 1) & flags::PRONOUN != 0);
    after_be || answer
}

/// A causal clause about what someone believes or may do is a motive, not a cause a reader could
/// check: "because she believes ...", "because the growers can't predict", "because next year they may
/// move". Looks at the clause's first five words for a modal or a verb of thinking (WordNet
/// verb.cognition). Feelings stay causes: "shares fell because investors worried about costs".
fn state_of_mind(s: &Sent, i: usize) -> bool {
    if !is(s, i, "because") {
        return false;
    }
    (i + 1..(i + 6).min(s.toks.len())).take_while(|&k| !s.toks[k].quoted).any(|k| {
        let c = lx(s, k);
        s.fl(k) & flags::MODAL != 0
            || any(s, k, &["can't", "cannot", "couldn't", "won't", "wouldn't", "'ll", "'d"])
            || (word(s, k) && c.contains(Classes::V) && c.contains(Classes::THINK) && !c.contains(Classes::N))
    })
}

/// A superlative of praise or blame with nothing to check it against: "the greatest nation",
/// "the best way", "the most important issue", "the only way to". With a comparison set ("the
/// best year since 1999", "the greatest ... on record") it is a claim, and [`comparison`] finds
/// that one first.
fn evaluative(s: &Sent, c: Checkable) -> bool {
    if c.kind != ClaimKind::Superlative {
        return false;
    }
    let Some(i) = cue_token(s, c.cue) else { return false };
    let sup = if s.toks[i].kind == K::Word && s.fl(i) & flags::SUPERLATIVE == 0 { i + 1 } else { i };
    let sup = if superlative(s, sup) { sup } else { sup + 1 };
    // "the highest possible standards": an aim, not a measurement.
    if is(s, sup + 1, "possible") {
        return true;
    }
    // Only a span of time makes praise checkable: "the best year since 1999", "on record".
    if let Some(e) = comparison(s, sup)
        && (sup..e).any(|k| any(s, k, &["since", "record", "history", "ever", "than", "any"]))
    {
        return false;
    }
    any(
        s,
        sup,
        &["best", "greatest", "finest", "most", "least", "nicest", "proudest", "happiest", "brightest", "noblest"],
    ) || (is(s, sup, "only") && any(s, sup + 1, &["way", "thing", "reason", "answer", "one", "hope"]))
}

/// The WordNet classes of token `i` (none for punctuation, numbers and tokens past the end).
fn lx(s: &Sent, i: usize) -> Classes {
    match s.toks.get(i) {
        Some(t) if t.kind == K::Word => Classes::from_bits(t.lex),
        _ => Classes::NONE,
    }
}

fn word(s: &Sent, i: usize) -> bool {
    s.toks.get(i).is_some_and(|t| t.kind == K::Word && !t.quoted)
}

// (Inlined so that each comparison with a constant word compiles to a length test and a few
// integer compares, not a call to `memcmp`: the claim grammar tests every token this way.)
#[inline(always)]
fn is(s: &Sent, i: usize, w: &str) -> bool {
    s.is(i, w)
}

#[inline(always)]
fn any(s: &Sent, i: usize, ws: &[&str]) -> bool {
    i < s.toks.len() && ws.contains(&s.w(i))
}

/// A clause boundary at token `k`: punctuation other than a hyphen or a currency sign, or a
/// subordinating word.
fn boundary(s: &Sent, k: usize) -> bool {
    match s.toks.get(k) {
        None => true,
        Some(t) if t.kind == K::Punct => !matches!(s.w(k), "$" | "£" | "€" | "¥" | "-" | "%"),
        Some(_) => s.fl(k) & flags::CLAUSE != 0 || any(s, k, &["but", "and", "while", "whereas", "if"]),
    }
}

/// Words that put what follows in the future or in a plan: the verb after them asserts nothing
/// yet ("will cut", "would have raised", "wants to double", "plan to").
const IRREALIS: &[&str] = &[
    "will",
    "would",
    "could",
    "should",
    "might",
    "may",
    "can",
    "must",
    "shall",
    "'ll",
    "'d",
    "ll",
    "want",
    "wants",
    "wanted",
    "going",
    "plan",
    "plans",
    "propose",
    "proposes",
    "proposed",
    "proposing",
    "hope",
    "if",
    "to",
];

/// Verbs of aspect: the infinitive after them is under way, not planned. A closed class of
/// grammar words (WordNet files them with other senses of "start" and "go on").
const ASPECT: &[&str] = &[
    "begin",
    "begins",
    "began",
    "begun",
    "beginning",
    "start",
    "starts",
    "started",
    "starting",
    "continue",
    "continues",
    "continued",
    "continuing",
    "ceased",
    "tend",
    "tends",
    "tended",
];

/// A plan, a wish or a condition governs token `at`: one of [`IRREALIS`] in the same clause,
/// within four words before it.
fn irrealis(s: &Sent, at: usize) -> bool {
    let mut k = at;
    let mut steps = 0;
    while k > 0 && steps < 4 {
        k -= 1;
        steps += 1;
        if boundary(s, k) && !any(s, k, &["if", "to"]) {
            return false;
        }
        // ("has begun to rise", "continues to fall": an infinitive after a verb of aspect
        // happens.)
        let aspect = is(s, k, "to") && k > s.first && any(s, k - 1, ASPECT);
        // ("are going down" is a change under way; only "going to" plans.)
        let under_way = is(s, k, "going") && !is(s, k + 1, "to");
        if (any(s, k, IRREALIS) && !aspect && !under_way) || s.fl(k) & flags::MODAL != 0 {
            return true;
        }
    }
    false
}

/// One class of the grammar: at token `i`, the end of its cue.
type Class = fn(&Sent, usize) -> Option<usize>;

/// The new classes' candidates, earliest first, to `each` until it returns false; a candidate
/// starts past the end of the one before.
fn grammar(s: &Sent, keep: impl Fn(&Checkable) -> bool, mut each: impl FnMut(Checkable) -> bool) {
    let n = s.toks.len();
    let mut i = 0;
    'tokens: while i < n {
        if s.toks[i].quoted {
            i += 1;
            continue;
        }
        let classes: [(ClaimKind, Class); 9] = [
            (ClaimKind::Statistic, amount),
            (ClaimKind::Statistic, ratio),
            (ClaimKind::Superlative, comparison),
            (ClaimKind::Superlative, outranks),
            (ClaimKind::Change, trend),
            (ClaimKind::Change, directed_change),
            (ClaimKind::Statistic, quantified_set),
            (ClaimKind::Causal, caused),
            (ClaimKind::Record, own_record),
        ];
        for (kind, class) in classes {
            if let Some(e) = class(s, i) {
                let c = Checkable { kind, cue: s.span(i, e.min(n)) };
                if keep(&c) {
                    if !each(c) {
                        return;
                    }
                    i = e.max(i + 1);
                    continue 'tokens;
                }
            }
        }
        i += 1;
    }
}

/// A change verb in the clause before `at` (within eight words).
fn change_before(s: &Sent, at: usize) -> bool {
    let lo = at.saturating_sub(8);
    (lo..at)
        .rev()
        .take_while(|&k| !boundary(s, k))
        .any(|k| s.fl(k) & flags::CHANGE != 0 || lx(s, k).contains(Classes::CHANGE))
}

/// A trend: a finite change verb with a span or a pattern in its clause ("has risen every year
/// since", "fell for the third straight year", "have gone up steadily").
fn trend(s: &Sent, i: usize) -> Option<usize> {
    let c = lx(s, i);
    if !(c.contains(Classes::CHANGE) && c.intersects(Classes::VPAST | Classes::V3SG | Classes::VPART | Classes::VING))
        && s.fl(i) & flags::CHANGE == 0
    {
        return None;
    }
    // (A capital inside the sentence is a name: "the votes in the United Nations over the past
    // seven years".)
    if irrealis(s, i) || (s.toks[i].cap && i > s.first) {
        return None;
    }
    let n = s.toks.len();
    let mut k = i + 1;
    while k < n && k <= i + 8 && !boundary(s, k) {
        let hit = (any(s, k, &["every", "each"]) && any(s, k + 1, &["year", "month", "quarter", "decade", "week"]))
            || (is(s, k, "in") && is(s, k + 1, "a") && is(s, k + 2, "row"))
            // "has fallen for the past six years", "over the last decade".
            || (any(s, k, &["for", "over"]) && is(s, k + 1, "the") && any(s, k + 2, &["past", "last"]))
            || (any(s, k, &["straight", "consecutive"]) && lx(s, k + 1).contains(Classes::TIME))
            || any(s, k, &["steadily", "sharply", "dramatically", "substantially", "significantly", "steeply"])
            || (is(s, k, "since")
                && (s.toks.get(k + 1).is_some_and(|t| t.kind == K::Num) || any(s, k + 1, &["the", "then"])));
        if hit {
            return Some(k + 1);
        }
        k += 1;
    }
    None
}

/// Whether the noun at `k` names an amount that can go up or down: not a person, a group, a
/// time, an artifact or a message ("taxes", "the deficit", "coverage", but not "the ribbon",
/// "the charges", "the players").
fn measurable(s: &Sent, k: usize) -> bool {
    let c = lx(s, k);
    // (A capital opening the sentence is no name: "Wages have fallen".)
    word(s, k)
        && (!s.toks[k].cap || k == s.first)
        && c.contains(Classes::N)
        && s.fl(k) & (flags::PRONOUN | flags::TIME_UNIT | flags::DETERMINER | flags::PREP) == 0
        && !c.intersects(
            Classes::PERSON
                | Classes::PERSON_ANY
                | Classes::TIME
                | Classes::ARTIFACT
                | Classes::COMMUNICATION
                | Classes::PLACE
                | Classes::PLACE
                | Classes::ORG,
        )
}

/// A change of an amount asserted as fact, with no number: a verb of rising or falling (the cue
/// list's change verbs) and the amount that changed, as its object ("have cut the size of
/// government", "never increased sales taxes") or its subject ("coverage has been declining",
/// "premiums have gone up").
fn directed_change(s: &Sent, i: usize) -> Option<usize> {
    // "has begun to rise", "continued to fall": the base form after a verb of aspect.
    let after_aspect = i > s.first + 1
        && is(s, i - 1, "to")
        && any(s, i - 2, ASPECT)
        && word(s, i)
        && LISTS.word_flags(&format!("{}s", s.w(i))) & flags::CHANGE != 0;
    if !word(s, i) || !(s.fl(i) & flags::CHANGE != 0 || after_aspect || listed_change_ing(s, i)) || irrealis(s, i) {
        return None;
    }
    let w = s.w(i);
    let particle = matches!(w, "up" | "down");
    // "have gone up", "went down"; "is up", "are not down": the state after a change.
    let be_up = |j: usize| s.fl(j) & flags::BE != 0 && !any(s, j, &["be", "been", "being"]);
    // ("are sharply up", "is not up": an adverb or "not" may stand between.)
    let between =
        |j: usize| is(s, j, "not") || (word(s, j) && lx(s, j).contains(Classes::ADV) && s.w(j).ends_with("ly"));
    let moved = i > 0
        && (any(s, i - 1, &["gone", "went", "go", "goes", "going", "come", "came", "gotten"])
            || be_up(i - 1)
            || (i > 1 && between(i - 1) && be_up(i - 2)));
    // ("let the economy go down the drain", "went up the stairs": a path, not a change; "go up
    // every spring" is a time.)
    let path = s.fl(i + 1) & flags::DETERMINER != 0
        && word(s, i + 2)
        && lx(s, i + 2).contains(Classes::N)
        && !lx(s, i + 2).contains(Classes::TIME)
        && s.fl(i + 2) & flags::TIME_UNIT == 0;
    if particle && (!moved || path) {
        return None;
    }
    // "lost" and "gained" are mostly games, seats and ground: left to the amounts they come with.
    // A verb with an infinitive is a refusal or a plan, not a change: "declined to comment".
    if matches!(w, "lost" | "gained") || is(s, i + 1, "to") {
        return None;
    }
    let c = lx(s, i);
    if !particle && (!c.contains(Classes::V) || (i > 0 && s.fl(i - 1) & flags::DETERMINER != 0)) {
        return None;
    }
    // After an amount or a bare adjective the word is a noun: "a 4.5 per cent rise", "a sharp
    // rise" (the amount, if any, is its own class).
    if !particle && i > 0 {
        let p = lx(s, i - 1);
        let amount_before = s.toks[i - 1].kind == K::Num || any(s, i - 1, &["percent", "cent", "%"]);
        if amount_before || (p.contains(Classes::ADJ) && !p.intersects(Classes::V | Classes::N | Classes::ADV)) {
            return None;
        }
    }
    // A singular noun right before a form that is also a noun is a compound, not a subject and
    // its verb: "a tax cut", "the pay rise", "a price increase" ("the deficit fell" has a past).
    if !particle && i > 0 && c.contains(Classes::N) && !c.intersects(Classes::VPAST | Classes::V3SG) {
        let p = lx(s, i - 1);
        // ("are still rising": an adverb or "be" before the verb is no noun of a compound.)
        let verbal = s.fl(i - 1) & (flags::BE | flags::AUX_ADV) != 0 || p.contains(Classes::ADV);
        if p.contains(Classes::N) && !p.contains(Classes::NPL) && word(s, i - 1) && !verbal {
            return None;
        }
    }
    let n = s.toks.len();
    // The object: past determiners and modifiers, the first noun.
    let mut k = i + 1;
    while k < n
        && k <= i + 4
        && word(s, k)
        && (s.fl(k) & flags::DETERMINER != 0 || !lx(s, k).contains(Classes::N))
        && s.fl(k) & flags::PREP == 0
    {
        k += 1;
    }
    // (A word that is also an adverb is a direction, not an object: "falling behind".)
    if !particle && k < n && k <= i + 4 && measurable(s, k) && !lx(s, k).intersects(Classes::VPART | Classes::ADV) {
        // Take the head of a compound: "sales taxes".
        let mut e = k + 1;
        while e < n && measurable(s, e) {
            e += 1;
        }
        return Some(e);
    }
    // An amount after the verb is the claim's checkable part, and the amount class highlights
    // it: "prices climbed 38%", "fees rose by $4".
    if (i + 1..(i + 4).min(n))
        .take_while(|&k| !boundary(s, k) || s.punct(k) == Some('$'))
        .any(|k| s.toks[k].kind == K::Num)
    {
        return None;
    }
    // The subject: the noun just before the verb and its auxiliaries.
    let mut j = i;
    while j > 0
        && (s.fl(j - 1) & (flags::BE | flags::AUX_ADV | flags::MODAL) != 0
            || any(
                s,
                j - 1,
                &[
                    "has",
                    "have",
                    "had",
                    "been",
                    "gone",
                    "went",
                    "go",
                    "goes",
                    "going",
                    "come",
                    "came",
                    "steadily",
                    "sharply",
                    "dramatically",
                    "also",
                    "never",
                    "not",
                    "still",
                    "now",
                ],
            )
            || is_negated_aux(s.w(j - 1))
            || (after_aspect && j + 2 > i && (is(s, j - 1, "to") || any(s, j - 1, ASPECT))))
    {
        j -= 1;
    }
    (j > 0 && j < i && measurable(s, j - 1) || j > 0 && j == i && measurable(s, j - 1)).then_some(i + 1)
}

/// The "-ing" form of one of the cue list's change verbs in a progressive ("has been declining",
/// "are still rising", "was dropping"): the list holds the finite forms, and the progressive
/// states the same change. Before a noun the form is a modifier ("amid rising tensions"), which
/// sets a scene rather than asserting a change.
fn listed_change_ing(s: &Sent, i: usize) -> bool {
    let Some(stem) = s.w(i).strip_suffix("ing") else { return false };
    if stem.len() < 3 || !lx(s, i).contains(Classes::VING) {
        return false;
    }
    let adverb = |k: usize| s.fl(k) & flags::AUX_ADV != 0 || any(s, k, &["still", "steadily", "not", "now"]);
    let progressive = i > s.first
        && (s.fl(i - 1) & flags::BE != 0 || (i > s.first + 1 && adverb(i - 1) && s.fl(i - 2) & flags::BE != 0));
    if !progressive {
        return false;
    }
    let listed = |w: &str| LISTS.word_flags(w) & flags::CHANGE != 0;
    // "falling" → "falls", "declining" → "declines", "dropping" → "drops".
    let b = stem.as_bytes();
    let undoubled = (b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2]).then(|| &stem[..stem.len() - 1]);
    [Some(format!("{stem}s")), Some(format!("{stem}es")), undoubled.map(|u| format!("{u}s"))]
        .into_iter()
        .flatten()
        .any(|w| listed(&w))
}

/// A verb with WordNet's cause relation, finite and asserted, whose object is an outcome:
/// "forced the closure of", "has cost the city", "killed 40 people".
fn caused(s: &Sent, i: usize) -> Option<usize> {
    if !word(s, i) || i == s.first {
        return None;
    }
    let w = s.w(i);
    let c = lx(s, i);
    let cost = matches!(w, "cost" | "costs") && i > 0 && any(s, i - 1, &["has", "have", "had", "it", "which", "that"]);
    let causal_verb = c.contains(Classes::CAUSE)
        && c.intersects(Classes::VPAST | Classes::V3SG)
        && !c.contains(Classes::N)
        && !c.intersects(Classes::CHANGE);
    if !(cost || causal_verb) || irrealis(s, i) {
        return None;
    }
    // Asserted: not a participle modifier ("the forced closure") nor after "be" (a passive with
    // no agent is a state: "was forced").
    if i > 0 && (s.fl(i - 1) & (flags::DETERMINER | flags::BE) != 0) {
        return None;
    }
    if cost {
        return (s.fl(i + 1) & flags::DETERMINER != 0 || lx(s, i + 1).contains(Classes::N)).then_some(i + 2);
    }
    // The object is an outcome, an act or a state ("the closure", "a shortage", "their deaths"),
    // not a thing or a time ("opened the season", "closed the door").
    let mut k = i + 1;
    while k < s.toks.len() && k <= i + 3 && s.fl(k) & flags::DETERMINER != 0 {
        k += 1;
    }
    let obj = lx(s, k);
    // "used the hearing to call for ...": the object is a means to a purpose, not an outcome.
    let purpose = (k + 1..(k + 4).min(s.toks.len())).any(|j| is(s, j, "to") && lx(s, j + 1).contains(Classes::V));
    (k > i + 1
        && obj.contains(Classes::N)
        && obj.intersects(Classes::ACT | Classes::STATE)
        && !obj.intersects(Classes::TIME | Classes::PERSON | Classes::ARTIFACT | Classes::COMMUNICATION)
        && !purpose)
        .then_some(k + 1)
}

/// The cue is a tally of votes reported as a result: "voted 5-2", "passed 21-17", "by a vote of
/// 7 to 4".
fn vote_tally(s: &Sent, cue: Span) -> bool {
    let Some(i) = s.toks.iter().position(|t| t.span.start == cue.start) else { return false };
    let lo = i.saturating_sub(4);
    let voting = (lo..i).any(|k| {
        any(
            s,
            k,
            &[
                "vote", "voted", "votes", "voting", "passed", "approved", "rejected", "defeated", "won", "lost",
                "tally", "margin",
            ],
        )
    });
    voting && s.toks[i].kind == K::Num && (is(s, i + 1, "to") || s.w(i).contains('-'))
}

#[cfg(test)]
mod reach_tests;
#[cfg(test)]
mod tests;
