//! Sourcing: whether a sentence's own attributions speak its claim ([`sourced_by`]), and
//! whether its only source is the writer or the reader ([`writer_is_source`]). The rule
//! (`rules/claim.rs`) and the choice of which claim to report ([`super::checkable`]) read these.
use super::super::extract::words::is_negated_aux;
use super::super::extract::{Attribution, SourceKind};
use super::super::lists::{LISTS, flags};
use crate::lexicon::Classes;
use crate::text::Span;

/// Whether the sentence's only source is its writer or its reader: a first- or second-person
/// pronoun ("I", "we", "you"), also contracted with its verb ("I'd say", "we've called for") or
/// at the end of a longer span the list-based detection took for the source ("Well, I", "the
/// fact that I"). Such a sentence is the writer's own assertion, not a source's.
pub(crate) fn writer_is_source(text: &str, source: Span) -> bool {
    // `get`: a source span is not trusted to be ordered and on character boundaries.
    let w = text.get(source.start..source.end).unwrap_or("").trim();
    // Back over what may stand between the subject and its verb: auxiliaries, negations and
    // adverbs ("I've personally", "you can't", "I simply don't", "we actually").
    let mut words = w.rsplit(|c: char| c.is_whitespace() || c == ',').filter(|x| !x.is_empty());
    let last = words.find(|x| !between_subject_and_verb(x)).unwrap_or("");
    writer_pronoun(last)
}

/// Whether a word is a first- or second-person pronoun, also contracted with its verb: the
/// pronoun before the apostrophe ("I'd", "we’ve").
pub(crate) fn writer_pronoun(word: &str) -> bool {
    let pronoun = word.split(['\'', '’']).next().unwrap_or("");
    ["i", "we", "you", "me", "us"].iter().any(|p| pronoun.eq_ignore_ascii_case(p))
}

/// A word that may come between a subject and its verb: an auxiliary or a modal, also
/// negated ("can't", "don't"), or an adverb that is not also a noun, a verb or an adjective
/// (WordNet: "personally", "simply", "actually"; not "well", "still", "back").
fn between_subject_and_verb(w: &str) -> bool {
    let w = w.to_ascii_lowercase().replace('’', "'");
    const AUX: &[&str] = &[
        "do",
        "does",
        "did",
        "don't",
        "doesn't",
        "didn't",
        "have",
        "has",
        "had",
        "haven't",
        "hasn't",
        "hadn't",
        "can",
        "can't",
        "cannot",
        "could",
        "couldn't",
        "will",
        "won't",
        "would",
        "wouldn't",
        "should",
        "shouldn't",
        "may",
        "might",
        "must",
        "not",
        "never",
    ];
    let c = crate::lexicon::lookup(&w);
    AUX.contains(&w.as_str())
        || (c.contains(Classes::ADV) && !c.intersects(Classes::N | Classes::V | Classes::ADJ) && w.ends_with("ly"))
}

/// A question about the reader's knowledge asserts what it asks about: "Do you realize we spend
/// $73 million on it?", "Did you know that ...?". Such a sentence keeps its claim, though other
/// questions ask rather than assert.
pub(crate) fn asserting_question(text: &str, sentence: Span) -> bool {
    let words: Vec<&str> = text
        .get(sentence.start..sentence.end)
        .unwrap_or("")
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    let is = |k: usize, ws: &[&str]| words.get(k).is_some_and(|w| ws.iter().any(|x| w.eq_ignore_ascii_case(x)));
    let k = usize::from(is(0, &["but", "and", "so", "now", "well"]));
    is(k, &["do", "did", "don't", "didn't", "don’t", "didn’t"])
        && is(k + 1, &["you"])
        && is(k + 2, &["know", "realize", "realise", "remember", "understand"])
}

/// Whether the sentence's own attributions source the claim whose cue is `cue`: `Some(true)`
/// when a named or pronoun source that is not the writer speaks it (the cue inside the
/// attribution's content or its source phrase: "figures from the state auditor show that 40
/// percent ..."), `Some(false)` when the sentence has such attributions but the claim lies outside
/// all of them ("Ruiz talks about drilling, but we use 25 percent of the oil"), `None` when it
/// has none (the caller keeps what the attribution model decided).
///
/// When the two analyses disagree, the extractor's reading stands: the model's reporting verb may
/// be no cue at all ("Romney's allies have held the 98 percent hostage because they want tax
/// breaks", where the model took "held" for the verb and the allies for the source; "I have
/// traveled to forty-eight of the fifty states", where it took "states"). Until the 2026-12-07
/// sixth session the model's decision stood whenever the extractor had no attribution with the
/// model's verb; on ClaimBuster that hid 5 check-worthy claims and 2 others, and changed nothing
/// on either corpus or on PolNeAR's named-source sentences.
pub(crate) fn sourced_by<'a>(text: &str, atts: impl IntoIterator<Item = &'a Attribution>, cue: Span) -> Option<bool> {
    let mut any_source = false;
    for a in atts {
        // (An unnamed source whose anonymity the sentence explains is a source: "One farmer, who
        // asked that his name not be used because ..., said".)
        let explained = a.kind == SourceKind::Anonymous && a.reason_given;
        if !(matches!(a.kind, SourceKind::Named | SourceKind::Pronoun) || explained) {
            continue;
        }
        let Some(src) = a.source else { continue };
        if writer_is_source(text, src) {
            any_source = true;
            continue;
        }
        any_source = true;
        let inside = |sp: Span| sp.start <= cue.start && cue.end <= sp.end;
        // A verb of saying with a plain object tells its object ("Ruiz has promised 40 percent
        // more berths", "the Gazette puts the number at 4,000"), and a document's object is its
        // finding. Not a verb in another sense: a change ("we've added 1.9 million jobs"), a
        // wish ("they want tax breaks").
        // A negated cue tells nothing: "he didn't answer whether my numbers were right".
        let told = (a.report || a.document || !other_sense(text, a))
            && !negated(text, a.cue)
            && !side_taken(text, a)
            && !past_wish(text, a, cue);
        if (told && a.content.is_none_or(inside)) || inside(src) {
            return Some(true);
        }
    }
    any_source.then_some(false)
}

/// Whether the cue takes a side on a plain object (WordNet's STANCE: "condemns the vetoes that
/// saved $9 billion", "praised the levy, which raised $4 million"): the object is what the source
/// is for or against, not what it tells, so a figure inside it is the writer's. (With a clause
/// the stance tells it: "disputed that the levy raised $4 million".)
fn side_taken(text: &str, a: &Attribution) -> bool {
    // (The word after the cue: the content leaves out a "that".)
    let next = words(text, Span::new(a.cue.end, text.len())).next();
    cue_verb(text, a).contains(Classes::STANCE)
        && a.content.is_some()
        && next.is_some_and(|w| !matches!(w.as_str(), "that" | "whether" | "how" | "what"))
}

/// Whether the claim lies past the reach of a wish: a verb of feeling that neither says nor
/// thinks, with an infinitive, reaches to the first comma ("if the states want to, they cover
/// individuals up to 300 percent": the figure is the writer's). (Inside the wish a figure is a
/// plan, sourced as the wisher's: "the owners want to raise the rent by 3 percent".)
fn past_wish(text: &str, a: &Attribution, cue: Span) -> bool {
    let verb = cue_verb(text, a);
    let Some(c) = a.content else { return false };
    verb.contains(Classes::FEEL)
        && !verb.intersects(Classes::SAY | Classes::THINK)
        && words(text, c).next().is_some_and(|w| w == "to")
        && text[c.start..cue.start.max(c.start)].contains([',', ';'])
}

/// The words of `sp`, lowercased (letters, digits and apostrophes).
fn words(text: &str, sp: Span) -> impl DoubleEndedIterator<Item = String> + '_ {
    sp.slice(text).split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// The WordNet classes of the verb that ends an attribution's cue ("has repeatedly praised").
fn cue_verb(text: &str, a: &Attribution) -> Classes {
    words(text, a.cue).next_back().map(|w| crate::lexicon::lookup(&w)).unwrap_or(Classes::NONE)
}

/// Whether a cue is negated: "didn't answer", "has not said", "never told".
fn negated(text: &str, cue: Span) -> bool {
    cue.slice(text).split(|c: char| c.is_whitespace()).any(|w| matches!(w, "not" | "never") || is_negated_aux(w))
}

/// Whether the cue of an act (a verb with a plain object) is used in a sense other than saying:
/// its verb is also a verb of change and its object an amount ("added 1.9 million jobs"), or it
/// is a verb of feeling and not of saying or thinking ("want tax breaks"). (An object opening
/// with a preposition, "negotiated with", was tried as a third sense: it found no claim on
/// ClaimBuster and raised a false alarm on news.)
fn other_sense(text: &str, a: &Attribution) -> bool {
    let verb = cue_verb(text, a);
    let first = a.content.and_then(|c| words(text, c).next());
    // (A change's object is the amount changed; "puts the number at 4,000" estimates it.)
    let amount_first = a.content.is_some_and(|c| {
        let t = c.slice(text).trim_start();
        t.starts_with(|ch: char| ch.is_ascii_digit() || matches!(ch, '$' | '£' | '€'))
            || first.as_deref().is_some_and(|w| {
                LISTS.word_flags(w) & flags::SPELLED != 0
                    || matches!(w, "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine")
            })
    });
    (verb.contains(Classes::CHANGE) && amount_first)
        || (verb.contains(Classes::FEEL) && !verb.intersects(Classes::SAY | Classes::THINK))
}
