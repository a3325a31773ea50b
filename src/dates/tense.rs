//! The tense of the clause a date sits in, read from the words nearest to it.
//!
//! Conservative on purpose: modal and reported-speech clauses ("said it would"), present-tense
//! and passive-present clauses, infinitives and subordinate clauses give `Unknown`.
use super::Tense;
use super::lex::{self, Tk, Tok};
use crate::text::Span;

/// Declares a word list as a function testing a lowercased word ([`Lower`]). A `match` on byte
/// strings compiles to a decision tree on length and bytes; comparing the word with every entry
/// of every list in turn (or hashing it) cost more than anything else in the tense reader, which
/// runs on every word between a date and its cue.
macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident: [$($w:literal),* $(,)?]) => {
        $(#[$doc])*
        fn $name(lower: &[u8]) -> bool {
            matches!(lower, $($w)|*)
        }
    };
}

/// A word lowercased in a stack buffer; empty when it is not ASCII or longer than 16 bytes (no
/// list word is either, so the empty slice matches no list).
#[derive(Clone, Copy)]
struct Lower {
    buf: [u8; 16],
    n: usize,
}

impl Lower {
    fn of(word: &str) -> Self {
        let mut buf = [0u8; 16];
        let n = lex::lower(word, &mut buf).unwrap_or(0);
        Lower { buf, n }
    }

    fn get(&self) -> &[u8] {
        &self.buf[..self.n]
    }
}

/// How far from the date (in bytes) a cue may be.
const WINDOW: usize = 160;

word_list! {
    /// Irregular past tenses (and a few regular ones common in news copy).
    irregular_past: [b"was", b"were", b"had", b"did", b"went", b"met", b"said", b"told", b"began", b"came", b"took", b"made", b"saw", b"got", b"gave", b"found", b"left", b"held", b"ran", b"won", b"lost", b"sold", b"fell", b"rose", b"led", b"brought", b"bought", b"built", b"paid", b"sent", b"spent", b"struck", b"wrote", b"broke", b"chose", b"drove", b"flew", b"grew", b"knew", b"threw", b"became", b"kept", b"felt", b"stood", b"spoke", b"hit", b"shut", b"sat", b"slept", b"swore", b"wore", b"fought", b"caught", b"taught", b"thought", b"sought", b"meant", b"heard", b"laid", b"lay", b"hung", b"rang", b"sang", b"sank", b"swam", b"drew", b"froze", b"stole", b"arose", b"awoke", b"bore", b"beat", b"bit", b"bled", b"bent", b"dealt", b"dug", b"fed", b"fled", b"forgot", b"forgave", b"hid", b"lit", b"overtook", b"rode", b"shook", b"shot", b"slid", b"spun", b"split", b"spread", b"sprang", b"stuck", b"stung", b"strove", b"swept", b"swung", b"tore", b"understood", b"undertook", b"upheld", b"withdrew", b"woke", b"wound", b"died", b"ended", b"opened", b"closed"]
}

word_list! {
    /// Words ending in -ed that are not past tenses.
    not_past_ed: [b"need", b"needed", b"speed", b"feed", b"seed", b"bleed", b"breed", b"embed", b"hundred", b"indeed", b"red", b"bed", b"shed", b"wed", b"led", b"fled", b"bred", b"sled", b"proceed", b"succeed", b"exceed", b"deed", b"creed", b"greed", b"weed", b"reed", b"naked", b"wicked", b"sacred", b"rugged", b"aged", b"beloved", b"learned", b"based", b"related", b"limited", b"united", b"detailed", b"advanced", b"supposed", b"scheduled", b"expected", b"planned", b"slated", b"anticipated", b"proposed", b"intended", b"set", b"due", b"ed", b"med"]
}

word_list! {
    /// Future markers ("will", "shall", "upcoming", "'ll").
    future: [b"will", b"shall", b"upcoming", b"ll"]
}
word_list! {
    /// Words that make a clause a plan when followed by "to" or "for" ("is scheduled to", "plans to").
    plan: [b"scheduled", b"slated", b"set", b"expected", b"expects", b"expect", b"plans", b"plan", b"planned", b"planning", b"intends", b"intend", b"aims", b"aim", b"hopes", b"hope", b"due", b"going", b"poised", b"proposed"]
}
word_list! {
    /// Modals and conditionals: the clause's time is unknowable.
    modal: [b"would", b"could", b"might", b"should", b"must", b"can", b"if", b"unless", b"whether", b"hoped", b"wanted", b"cannot"]
}
word_list! {
    /// Present tenses: the clause tells no past or future.
    present: [b"is", b"are", b"am", b"remains", b"remain", b"says", b"say"]
}
word_list! {
    /// Words before a noun ("the timetable on", "a plan on").
    determiner: [b"a", b"an", b"the", b"its", b"their", b"his", b"her", b"our", b"this", b"that", b"new", b"my", b"your"]
}
word_list! {
    /// Past auxiliaries before a plan word ("was scheduled for", "had been due to").
    past_aux: [b"was", b"were", b"had", b"been"]
}
word_list! {
    /// Verbs of saying: a clause after them is reported, and has its own time.
    speech: [b"said", b"announced", b"reported", b"added", b"noted", b"stated", b"wrote", b"confirmed", b"warned", b"argued", b"predicted", b"estimated", b"insisted", b"claimed"]
}
word_list! {
    /// Words that start the subject of a reported clause ("said the library ...", "said it ...").
    subject_start: [b"the", b"a", b"an", b"it", b"he", b"she", b"they", b"we", b"i", b"you", b"its", b"his", b"her", b"their", b"our", b"this", b"these", b"those", b"there"]
}
word_list! {
    /// Nouns after "to" that make it a preposition, not an infinitive ("returned to work on May 3").
    place_noun: [b"work", b"court", b"school", b"power", b"trial", b"office", b"church", b"market", b"town", b"jail", b"prison", b"hospital", b"college", b"class", b"bed", b"sea", b"shore", b"port", b"safety", b"land", b"camp", b"base", b"dinner", b"lunch"]
}
word_list! {
    /// Words that open a subordinate clause: a cue beyond them describes another event.
    clause_opener: [b"that", b"which", b"who", b"whom", b"whose", b"when", b"while", b"until", b"after", b"before", b"because", b"although", b"though", b"where", b"since", b"once"]
}

/// Where the clause containing `date` starts and ends: at `;`, a line break, or a sentence end.
fn clause_bounds(text: &str, within: Span, date: Span) -> Span {
    let lo = within.start.max(date.start.saturating_sub(WINDOW));
    let hi = within.end.min(date.end + WINDOW).min(text.len());
    let b = text.as_bytes();
    // Letters and UTF-8 bytes (everything above `?`) never end a clause: one test skips them.
    let mut s = date.start;
    while s > lo {
        let c = b[s - 1];
        if c > b'?' {
            s -= 1;
            continue;
        }
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
        if c > b'?' {
            e += 1;
            continue;
        }
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
    !abbreviation(Lower::of(word).get())
}

word_list! {
    /// Abbreviations whose period does not end a sentence.
    abbreviation: [
        b"jan", b"feb", b"mar", b"apr", b"jun", b"jul", b"aug", b"sep", b"sept", b"oct", b"nov", b"dec", b"mon",
        b"tue", b"tues", b"wed", b"thu", b"thur", b"thurs", b"fri", b"sat", b"sun", b"mr", b"mrs", b"ms", b"dr",
        b"sen", b"rep", b"gov", b"gen", b"lt", b"col", b"st", b"jr", b"sr", b"inc", b"corp", b"co", b"ltd", b"no",
        b"vs", b"etc", b"calif", b"ave", b"blvd", b"mt", b"ft", b"capt", b"sgt", b"prof", b"rev",
    ]
}

word_list! {
    /// Prepositions that give an adjective its own date ("payable on", "effective from").
    attributive_preposition: [
        b"on", b"from", b"until", b"till", b"through", b"by", b"in", b"after", b"before",
    ]
}

word_list! {
    /// Words after "to" that make it a preposition, not an infinitive ("went to the").
    to_object: [b"the", b"a", b"an", b"his", b"her", b"its", b"their", b"our", b"this", b"that"]
}

/// The tense of the clause around `date` in `text`, restricted to `sentence`, and the cue word.
#[cfg(test)]
pub(crate) fn tense_at(text: &str, sentence: Span, date: Span) -> (Tense, Option<Span>) {
    tense_in(text, &lex::tokenize(text, sentence), sentence, date)
}

/// A word of the clause with its neighbours, as written and lowercased.
struct Near<'t> {
    word: &'t str,
    next: &'t str,
    lower: Lower,
    prev_lower: Lower,
    next_lower: Lower,
}

impl<'t> Near<'t> {
    fn new(word: &'t str, prev: &str, next: &'t str) -> Self {
        Near { word, next, lower: Lower::of(word), prev_lower: Lower::of(prev), next_lower: Lower::of(next) }
    }
}

/// [`tense_at`] with the text's tokens already made (`all` covers at least the sentence), so
/// that each date's clause is not tokenized again.
pub(crate) fn tense_in(text: &str, all: &[Tok], sentence: Span, date: Span) -> (Tense, Option<Span>) {
    let clause = clause_bounds(text, sentence, date);
    let lo = all.partition_point(|t| t.start < clause.start);
    // Tokens are disjoint and at least a byte long, so the clause holds at most `clause.len()`
    // of them: search only that far, not to the end of the article.
    let window = &all[lo..(lo + clause.len() + 1).min(all.len())];
    let hi = lo + window.partition_point(|t| t.end <= clause.end);
    let toks = &all[lo..hi];
    let split = toks.partition_point(|t| t.start < date.start);
    let after_date = toks.partition_point(|t| t.start < date.end);
    let before = &toks[..split];
    let after = &toks[after_date..];
    let w = |t: &Tok| &text[t.start..t.end];
    // The last word read and the one before it, lowercased: going backwards, they are the next
    // word's `next` and the word itself, so each word is lowercased once rather than three times.
    let mut carried: Option<(usize, Lower, Lower)> = None;
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
        let next = before.get(k + 1).map(w).or_else(|| toks.get(split).map(w)).unwrap_or("");
        let prev = k.checked_sub(1).map(|j| w(&before[j])).unwrap_or("");
        let (lower, next_lower) = match carried.take() {
            Some((j, word_lower, prev_lower)) if j == k + 1 => (prev_lower, word_lower),
            _ => (Lower::of(w(t)), Lower::of(next)),
        };
        let near = Near { word: w(t), next, lower, prev_lower: Lower::of(prev), next_lower };
        carried = Some((k, near.lower, near.prev_lower));
        let (word, prev, next) = (near.lower.get(), near.prev_lower.get(), near.next_lower.get());
        if let Some(r) = cue(&near, text, &before[..k]) {
            // "said the library reopens on May 3": the date is in the reported clause, whose
            // own verb was not recognised; the speech verb does not date it.
            if r == Some(Tense::Past) && speech(word) && subject_start(next) {
                return (Tense::Unknown, None);
            }
            return r.map_or((Tense::Unknown, None), |tn| (tn, Some(t.span())));
        }
        if clause_opener(word) {
            return (Tense::Unknown, None);
        }
        if attributive(near.word, word) && !determiner(prev) && attributive_preposition(next) {
            // "a dividend payable on Dec. 16", "rules effective from May 1": the date belongs to
            // the adjective, not to the clause's verb.
            return (Tense::Unknown, None);
        }
        if word == b"to" && plan(prev) {
            // "was due to open": a plan told in the past says nothing about when it happened.
            let before_plan = k.checked_sub(2).map(|j| w(&before[j])).unwrap_or("");
            if past_aux(Lower::of(before_plan).get()) {
                return (Tense::Unknown, None);
            }
            return (Tense::Future, Some(t.span()));
        }
        if word == b"to" && !to_object(next) && !place_noun(next) {
            // An infinitive ("to begin on March 3"): the main verb's tense does not date it.
            if near.next.chars().next().is_some_and(|c| c.is_lowercase()) && lex::month(near.next).is_none() {
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
        let next = after.get(k + 1).map(w).unwrap_or("");
        let prev = k.checked_sub(1).map(|j| w(&after[j])).unwrap_or("");
        let near = Near::new(w(t), prev, next);
        // "against the same Foxes they beat": a subject pronoun right after a noun opens a
        // relative clause without "that", which tells another event.
        let after_word =
            k > 0 && after[k - 1].kind == Tk::Word && !matches!(near.prev_lower.get(), b"and" | b"but" | b"or");
        if after_word && subject_pronoun(near.lower.get()) {
            break;
        }
        if let Some(r) = cue(&near, text, &after[..k]) {
            return r.map_or((Tense::Unknown, None), |tn| (tn, Some(t.span())));
        }
        if clause_opener(near.lower.get()) {
            break;
        }
    }
    (Tense::Unknown, None)
}

word_list! {
    /// Subject pronouns: one right after a noun opens a relative clause ("the team they beat").
    subject_pronoun: [b"he", b"she", b"they", b"we", b"i", b"you"]
}

word_list! {
    /// Adjectives and participles that carry their own date.
    attributive_word: [
        b"effective", b"valid", b"open", b"starting", b"beginning", b"ending", b"lasting", b"running", b"until",
    ]
}

/// An adjective or participle that can carry its own date ("payable on", "effective from",
/// "starting on"); `lower` is `word` lowercased.
fn attributive(word: &str, lower: &[u8]) -> bool {
    // Compared in place: no lowercase copy per word (this runs on every word before a date).
    let lower_ending = |suffix: &str| {
        word.len() > suffix.len() + 2
            && word.is_ascii()
            && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    lower_ending("able") || lower_ending("ible") || attributive_word(lower)
}

/// `Some(Some(tense))` for a tense cue, `Some(None)` for a word that makes the clause's time
/// unknowable (a modal, a present tense), `None` for any other word.
fn cue(near: &Near, text: &str, earlier: &[Tok]) -> Option<Option<Tense>> {
    let word = near.word;
    if !word.is_ascii() {
        return None;
    }
    let (lower, prev, next) = (near.lower.get(), near.prev_lower.get(), near.next_lower.get());
    if future(lower) {
        return Some(Some(Tense::Future));
    }
    if lower == b"won" && near.next == "'" {
        return Some(Some(Tense::Future)); // won't
    }
    // "a plan on Feb. 3", "the aim in May": a noun, not a plan verb.
    let noun = determiner(prev);
    if plan(lower) && matches!(next, b"to" | b"for" | b"on" | b"in") && !noun {
        // "was scheduled for", "were set for": a plan told in the past, not an event.
        if past_aux(prev) {
            return Some(None);
        }
        return Some(Some(Tense::Future));
    }
    if modal(lower) {
        return Some(None);
    }
    if present(lower) {
        return Some(None);
    }
    if word.chars().next().is_some_and(char::is_uppercase) && !matches!(word, "Was" | "Were" | "Had" | "Did") {
        return None; // names are not verbs
    }
    let past = irregular_past(lower) || (word.len() > 4 && word.ends_with("ed") && !not_past_ed(lower));
    if !past {
        return None;
    }
    // A participle after an auxiliary takes the auxiliary's tense.
    if word.ends_with("ed") || !matches!(lower, b"was" | b"were" | b"had" | b"did") {
        if matches!(prev, b"is" | b"are" | b"am" | b"be" | b"being") {
            // "is closed on", "will be closed on": look further back for "will"/"would".
            let further = earlier.iter().rev().skip(1).take(3).map(|t| Lower::of(&text[t.start..t.end]));
            for f in further {
                if future(f.get()) {
                    return Some(Some(Tense::Future));
                }
                if modal(f.get()) {
                    return Some(None);
                }
            }
            return Some(None);
        }
        if prev == b"been" {
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
    fn a_relative_clause_after_the_date_does_not_date_it() {
        // "they beat" tells an earlier game; the schedule is in the present.
        assert_eq!(
            tense("The Millers open the season on April 9 against the team they beat.", "April 9"),
            Tense::Unknown
        );
        assert_eq!(tense("The club hosts on April 9 the rivals we lost to.", "April 9"), Tense::Unknown);
        // A date opening the sentence is still dated by the clause after it, pronoun and all.
        assert_eq!(tense("On April 9, they beat the Foxes.", "April 9"), Tense::Past);
        assert_eq!(tense("On April 9 the club and they agreed terms.", "April 9"), Tense::Past);
    }

    #[test]
    fn abbreviations_do_not_end_the_clause() {
        assert_eq!(tense("Officials met Feb. 3 and again on Feb. 10.", "Feb. 10"), Tense::Past);
    }
}
