//! The tense of the clause a date sits in, read from the words nearest to it.
//!
//! Conservative on purpose: modal and reported-speech clauses ("said it would"), present-tense
//! and passive-present clauses, infinitives and subordinate clauses give `Unknown`.
use std::collections::HashSet;
use std::sync::LazyLock;

use super::Tense;
use super::lex::{self, Tk, Tok, is, is_any};
use crate::text::Span;

/// How far from the date (in bytes) a cue may be.
const WINDOW: usize = 160;

const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "went",
    "met",
    "said",
    "told",
    "began",
    "came",
    "took",
    "made",
    "saw",
    "got",
    "gave",
    "found",
    "left",
    "held",
    "ran",
    "won",
    "lost",
    "sold",
    "fell",
    "rose",
    "led",
    "brought",
    "bought",
    "built",
    "paid",
    "sent",
    "spent",
    "struck",
    "wrote",
    "broke",
    "chose",
    "drove",
    "flew",
    "grew",
    "knew",
    "threw",
    "became",
    "kept",
    "felt",
    "stood",
    "spoke",
    "hit",
    "shut",
    "sat",
    "slept",
    "swore",
    "wore",
    "won",
    "fought",
    "caught",
    "taught",
    "thought",
    "sought",
    "meant",
    "heard",
    "laid",
    "lay",
    "hung",
    "rang",
    "sang",
    "sank",
    "swam",
    "drew",
    "froze",
    "stole",
    "arose",
    "awoke",
    "bore",
    "beat",
    "bit",
    "bled",
    "bent",
    "dealt",
    "dug",
    "fed",
    "fled",
    "forgot",
    "forgave",
    "hid",
    "lit",
    "overtook",
    "rode",
    "shook",
    "shot",
    "slid",
    "spun",
    "split",
    "spread",
    "sprang",
    "stuck",
    "stung",
    "strove",
    "swept",
    "swung",
    "tore",
    "understood",
    "undertook",
    "upheld",
    "withdrew",
    "woke",
    "wound",
    "died",
    "ended",
    "opened",
    "closed",
];

/// The long word lists as hash sets (the cue test runs on every word before every date).
static IRREGULAR_PAST_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| IRREGULAR_PAST.iter().copied().collect());
static NOT_PAST_ED_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| NOT_PAST_ED.iter().copied().collect());

/// `word`, lowercased, is in `set` (whose entries are lowercase).
fn in_set(word: &str, set: &HashSet<&'static str>) -> bool {
    let mut buf = [0u8; 16];
    lex::lower(word, &mut buf).and_then(|n| std::str::from_utf8(&buf[..n]).ok()).is_some_and(|w| set.contains(w))
}

/// Words ending in -ed that are not past tenses.
const NOT_PAST_ED: &[&str] = &[
    "need",
    "needed",
    "speed",
    "feed",
    "seed",
    "bleed",
    "breed",
    "embed",
    "hundred",
    "indeed",
    "red",
    "bed",
    "shed",
    "wed",
    "led",
    "fled",
    "bred",
    "sled",
    "proceed",
    "succeed",
    "exceed",
    "deed",
    "creed",
    "greed",
    "weed",
    "reed",
    "naked",
    "wicked",
    "sacred",
    "rugged",
    "aged",
    "beloved",
    "learned",
    "based",
    "related",
    "limited",
    "united",
    "detailed",
    "advanced",
    "supposed",
    "scheduled",
    "expected",
    "planned",
    "slated",
    "anticipated",
    "proposed",
    "intended",
    "set",
    "due",
    "ed",
    "med",
];

const FUTURE: &[&str] = &["will", "shall", "upcoming", "ll"];
/// Words that make a clause a plan when followed by "to" or "for" ("is scheduled to", "plans to").
const PLAN: &[&str] = &[
    "scheduled",
    "slated",
    "set",
    "expected",
    "expects",
    "expect",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "aims",
    "aim",
    "hopes",
    "hope",
    "due",
    "going",
    "poised",
    "proposed",
];
const MODAL: &[&str] =
    &["would", "could", "might", "should", "must", "can", "if", "unless", "whether", "hoped", "wanted", "cannot"];
const PRESENT: &[&str] = &["is", "are", "am", "remains", "remain", "says", "say"];
/// Words before a noun ("the timetable on", "a plan on").
const DETERMINERS: &[&str] =
    &["a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "new", "my", "your"];
/// Past auxiliaries before a plan word ("was scheduled for", "had been due to").
const PAST_AUX: &[&str] = &["was", "were", "had", "been"];
/// Verbs of saying: a clause after them is reported, and has its own time.
const SPEECH: &[&str] = &[
    "said",
    "announced",
    "reported",
    "added",
    "noted",
    "stated",
    "wrote",
    "confirmed",
    "warned",
    "argued",
    "predicted",
    "estimated",
    "insisted",
    "claimed",
];
/// Words that start the subject of a reported clause ("said the library ...", "said it ...").
const SUBJECT_START: &[&str] = &[
    "the", "a", "an", "it", "he", "she", "they", "we", "i", "you", "its", "his", "her", "their", "our", "this",
    "these", "those", "there",
];
/// Nouns after "to" that make it a preposition, not an infinitive ("returned to work on May 3").
const PLACE_NOUNS: &[&str] = &[
    "work", "court", "school", "power", "trial", "office", "church", "market", "town", "jail", "prison", "hospital",
    "college", "class", "bed", "sea", "shore", "port", "safety", "land", "camp", "base", "dinner", "lunch",
];
/// Words that open a subordinate clause: a cue beyond them describes another event.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "until", "after", "before", "because", "although",
    "though", "where", "since", "once",
];

/// Where the clause containing `date` starts and ends: at `;`, a line break, or a sentence end.
fn clause_bounds(text: &str, within: Span, date: Span) -> Span {
    let lo = within.start.max(date.start.saturating_sub(WINDOW));
    let hi = within.end.min(date.end + WINDOW).min(text.len());
    let b = text.as_bytes();
    let mut s = date.start;
    while s > lo {
        let c = b[s - 1];
        if c == b';' || c == b'\n' || ((c == b'?' || c == b'!') && s < b.len() && b[s] == b' ') {
            break;
        }
        if c == b'.' && s < b.len() && b[s] == b' ' && sentence_period(text, s - 1) {
            break;
        }
        s -= 1;
    }
    let mut e = date.end;
    while e < hi {
        let c = b[e];
        if c == b';' || c == b'\n' || c == b'?' || c == b'!' {
            break;
        }
        if c == b'.' && (e + 1 >= b.len() || b[e + 1] == b' ' || b[e + 1] == b'\n') && sentence_period(text, e) {
            break;
        }
        e += 1;
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    Span::new(s, e.max(s))
}

/// The period at `i` ends a sentence: the word before it is not an abbreviation or an initial.
fn sentence_period(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '.')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    if word.len() == 1 || word.contains('.') {
        return false;
    }
    !is_any(
        word,
        &[
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
            "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen",
            "lt", "col", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "calif", "ave", "blvd", "mt",
            "ft", "capt", "sgt", "prof", "rev",
        ],
    )
}

/// The tense of the clause around `date` in `text`, restricted to `sentence`, and the cue word.
#[cfg(test)]
pub(crate) fn tense_at(text: &str, sentence: Span, date: Span) -> (Tense, Option<Span>) {
    tense_in(text, &lex::tokenize(text, sentence), sentence, date)
}

/// [`tense_at`] with the text's tokens already made (`all` covers at least the sentence), so
/// that each date's clause is not tokenized again.
pub(crate) fn tense_in(text: &str, all: &[Tok], sentence: Span, date: Span) -> (Tense, Option<Span>) {
    let clause = clause_bounds(text, sentence, date);
    let lo = all.partition_point(|t| t.start < clause.start);
    let hi = lo + all[lo..].partition_point(|t| t.end <= clause.end);
    let toks = &all[lo..hi];
    let split = toks.partition_point(|t| t.start < date.start);
    let after_date = toks.partition_point(|t| t.start < date.end);
    let before = &toks[..split];
    let after = &toks[after_date..];
    let w = |t: &Tok| &text[t.start..t.end];
    // Backwards from the date: the nearest cue wins.
    for (k, t) in before.iter().enumerate().rev() {
        if t.kind == Tk::Punct {
            if matches!(w(t), "\"" | "“" | "”" | "(" | ")" | ":") {
                break;
            }
            continue;
        }
        if t.kind != Tk::Word {
            continue;
        }
        let word = w(t);
        let next = before.get(k + 1).map(w).or_else(|| toks.get(split).map(w)).unwrap_or("");
        let prev = k.checked_sub(1).map(|j| w(&before[j])).unwrap_or("");
        if let Some(r) = cue(word, prev, next, text, &before[..k]) {
            // "said the library reopens on May 3": the date is in the reported clause, whose
            // own verb was not recognised; the speech verb does not date it.
            if r == Some(Tense::Past) && is_any(word, SPEECH) && is_any(next, SUBJECT_START) {
                return (Tense::Unknown, None);
            }
            return r.map_or((Tense::Unknown, None), |tn| (tn, Some(t.span())));
        }
        if is_any(word, CLAUSE_OPENERS) {
            return (Tense::Unknown, None);
        }
        if attributive(word)
            && !is_any(prev, DETERMINERS)
            && is_any(next, &["on", "from", "until", "till", "through", "by", "in", "after", "before"])
        {
            // "a dividend payable on Dec. 16", "rules effective from May 1": the date belongs to
            // the adjective, not to the clause's verb.
            return (Tense::Unknown, None);
        }
        if is(word, "to") && is_any(prev, PLAN) {
            // "was due to open": a plan told in the past says nothing about when it happened.
            let before_plan = k.checked_sub(2).map(|j| w(&before[j])).unwrap_or("");
            if is_any(before_plan, PAST_AUX) {
                return (Tense::Unknown, None);
            }
            return (Tense::Future, Some(t.span()));
        }
        if is(word, "to")
            && !is_any(next, &["the", "a", "an", "his", "her", "its", "their", "our", "this", "that"])
            && !is_any(next, PLACE_NOUNS)
        {
            // An infinitive ("to begin on March 3"): the main verb's tense does not date it.
            if next.chars().next().is_some_and(|c| c.is_lowercase()) && lex::month(next).is_none() {
                return (Tense::Unknown, None);
            }
        }
    }
    // Sentence-initial dates: "On March 3, the board voted ..."
    for (k, t) in after.iter().enumerate() {
        if t.kind == Tk::Punct {
            if matches!(w(t), "\"" | "“" | "”" | "(" | ":") {
                break;
            }
            continue;
        }
        if t.kind != Tk::Word {
            continue;
        }
        let word = w(t);
        let next = after.get(k + 1).map(w).unwrap_or("");
        let prev = k.checked_sub(1).map(|j| w(&after[j])).unwrap_or("");
        if let Some(r) = cue(word, prev, next, text, &after[..k]) {
            return r.map_or((Tense::Unknown, None), |tn| (tn, Some(t.span())));
        }
        if is_any(word, CLAUSE_OPENERS) {
            break;
        }
    }
    (Tense::Unknown, None)
}

/// An adjective or participle that can carry its own date ("payable on", "effective from",
/// "starting on").
fn attributive(word: &str) -> bool {
    let lower_ending =
        |suffix: &str| word.len() > suffix.len() + 2 && word.is_ascii() && word.to_ascii_lowercase().ends_with(suffix);
    lower_ending("able")
        || lower_ending("ible")
        || is_any(
            word,
            &["effective", "valid", "open", "starting", "beginning", "ending", "lasting", "running", "until"],
        )
}

/// `Some(Some(tense))` for a tense cue, `Some(None)` for a word that makes the clause's time
/// unknowable (a modal, a present tense), `None` for any other word.
fn cue(word: &str, prev: &str, next: &str, text: &str, earlier: &[Tok]) -> Option<Option<Tense>> {
    if !word.is_ascii() {
        return None;
    }
    if is_any(word, FUTURE) {
        return Some(Some(Tense::Future));
    }
    if is(word, "won") && next == "'" {
        return Some(Some(Tense::Future)); // won't
    }
    // "a plan on Feb. 3", "the aim in May": a noun, not a plan verb.
    let noun = is_any(prev, DETERMINERS);
    if is_any(word, PLAN) && is_any(next, &["to", "for", "on", "in"]) && !noun {
        // "was scheduled for", "were set for": a plan told in the past, not an event.
        if is_any(prev, PAST_AUX) {
            return Some(None);
        }
        return Some(Some(Tense::Future));
    }
    if is_any(word, MODAL) {
        return Some(None);
    }
    if is_any(word, PRESENT) {
        return Some(None);
    }
    if word.chars().next().is_some_and(char::is_uppercase) && !matches!(word, "Was" | "Were" | "Had" | "Did") {
        return None; // names are not verbs
    }
    let past = in_set(word, &IRREGULAR_PAST_SET)
        || (word.len() > 4 && word.ends_with("ed") && !in_set(word, &NOT_PAST_ED_SET));
    if !past {
        return None;
    }
    // A participle after an auxiliary takes the auxiliary's tense.
    if word.ends_with("ed") || !is_any(word, &["was", "were", "had", "did"]) {
        if is_any(prev, &["is", "are", "am", "be", "being"]) {
            // "is closed on", "will be closed on": look further back for "will"/"would".
            let further = earlier.iter().rev().skip(1).take(3).map(|t| &text[t.start..t.end]);
            for f in further {
                if is_any(f, FUTURE) {
                    return Some(Some(Tense::Future));
                }
                if is_any(f, MODAL) {
                    return Some(None);
                }
            }
            return Some(None);
        }
        if is_any(prev, &["been"]) {
            return Some(Some(Tense::Past));
        }
    }
    Some(Some(Tense::Past))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(s: &str, date: &str) -> Tense {
        let at = s.find(date).expect("date in text");
        tense_at(s, Span::new(0, s.len()), Span::new(at, at + date.len())).0
    }

    #[test]
    fn reads_past_and_future_cues() {
        assert_eq!(tense("The board approved the contract on April 22, 2025.", "April 22"), Tense::Past);
        assert_eq!(tense("Jury selection will begin on Sept. 5, 2023, in court.", "Sept. 5"), Tense::Future);
        assert_eq!(tense("The vote is scheduled for 18 March 2025.", "18 March"), Tense::Future);
        assert_eq!(tense("On March 3, the council met in private.", "March 3"), Tense::Past);
        assert_eq!(tense("A keyboard went on sale on November 3, 2025.", "November 3"), Tense::Past);
        assert_eq!(tense("It was declared fully contained on Aug. 20, 2021.", "Aug. 20"), Tense::Past);
    }

    #[test]
    fn modal_present_and_infinitive_clauses_are_unknown() {
        assert_eq!(tense("She said it would reopen on May 2.", "May 2"), Tense::Unknown);
        assert_eq!(tense("The store is closed on Monday, May 5.", "Monday"), Tense::Unknown);
        assert_eq!(tense("The board voted to begin work on May 19.", "May 19"), Tense::Unknown);
        assert_eq!(tense("The plan, which takes effect on July 1, passed.", "July 1"), Tense::Unknown);
    }

    #[test]
    fn plans_told_in_the_past_are_not_events() {
        assert_eq!(tense("The hearing was scheduled for May 6 but moved.", "May 6"), Tense::Unknown);
        assert_eq!(tense("The vote was due to take place on May 6.", "May 6"), Tense::Unknown);
        assert_eq!(tense("The vote is due to take place on May 6.", "May 6"), Tense::Future);
        assert_eq!(tense("The hearing is scheduled for May 6.", "May 6"), Tense::Future);
    }

    #[test]
    fn a_date_carried_by_an_adjective_is_not_dated_by_the_verb() {
        assert_eq!(tense("The board approved a dividend payable on May 6.", "May 6"), Tense::Unknown);
        assert_eq!(tense("The council adopted rules effective from May 6.", "May 6"), Tense::Unknown);
        assert_eq!(tense("The council adopted a closure starting on May 6.", "May 6"), Tense::Unknown);
        // A noun ending in -able is not before a preposition here; the verb still dates it.
        assert_eq!(tense("The board approved the timetable on May 6.", "May 6"), Tense::Past);
    }

    #[test]
    fn a_plan_noun_is_not_a_plan() {
        assert_eq!(tense("The board approved a plan on May 6.", "May 6"), Tense::Past);
        assert_eq!(tense("The board plans to vote on May 6.", "May 6"), Tense::Future);
    }

    #[test]
    fn a_speech_verb_does_not_date_the_reported_clause() {
        assert_eq!(tense("The mayor said the pool reopens on May 6.", "May 6"), Tense::Unknown);
        assert_eq!(tense("The firm announced it expands on May 6.", "May 6"), Tense::Unknown);
        // The saying itself is dated.
        assert_eq!(tense("The mayor said on May 6 that the pool would reopen.", "May 6"), Tense::Past);
        assert_eq!(tense("The mayor said in a statement on May 6 that it was over.", "May 6"), Tense::Past);
    }

    #[test]
    fn to_before_a_place_noun_is_not_an_infinitive() {
        assert_eq!(tense("Nurses returned to work on May 6.", "May 6"), Tense::Past);
        assert_eq!(tense("The case went to trial on May 6.", "May 6"), Tense::Past);
        assert_eq!(tense("Nurses voted to strike on May 6.", "May 6"), Tense::Unknown);
    }

    #[test]
    fn passive_future_is_future() {
        assert_eq!(tense("The road will be closed on May 5.", "May 5"), Tense::Future);
    }

    #[test]
    fn abbreviations_do_not_end_the_clause() {
        assert_eq!(tense("Officials met Feb. 3 and again on Feb. 10.", "Feb. 10"), Tense::Past);
    }
}
