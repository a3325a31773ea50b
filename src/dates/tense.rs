//! The tense of the clause a date sits in, read from the words nearest to it.
//!
//! Conservative on purpose: modal and reported-speech clauses ("said it would"), present-tense
//! and passive-present clauses, infinitives and subordinate clauses give `Unknown`.
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
pub(crate) fn tense_at(text: &str, sentence: Span, date: Span) -> (Tense, Option<Span>) {
    let clause = clause_bounds(text, sentence, date);
    let toks = lex::tokenize(text, clause);
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
            return r.map_or((Tense::Unknown, None), |tn| (tn, Some(t.span())));
        }
        if is_any(word, CLAUSE_OPENERS) {
            return (Tense::Unknown, None);
        }
        if is(word, "to") && is_any(prev, PLAN) {
            return (Tense::Future, Some(t.span()));
        }
        if is(word, "to") && !is_any(next, &["the", "a", "an", "his", "her", "its", "their", "our", "this", "that"]) {
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
    if is_any(word, PLAN) && is_any(next, &["to", "for", "on", "in"]) {
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
    let past = is_any(word, IRREGULAR_PAST) || (word.len() > 4 && word.ends_with("ed") && !is_any(word, NOT_PAST_ED));
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
    fn passive_future_is_future() {
        assert_eq!(tense("The road will be closed on May 5.", "May 5"), Tense::Future);
    }

    #[test]
    fn abbreviations_do_not_end_the_clause() {
        assert_eq!(tense("Officials met Feb. 3 and again on Feb. 10.", "Feb. 10"), Tense::Past);
    }
}
