//! Who spoke a quotation: the speaker tags next to the quotation spans the parser found.
//!
//! Tags, tried in order: after the closing mark in the same sentence (`," said Ortiz` /
//! `," Ortiz said` / `," Maria Ortiz, the director, said` / `," according to the report`); before
//! the opening mark in the same sentence (`Ortiz said: "` / `KCNA noted, "`); for a quotation that
//! is a whole sentence, the next sentence when it is only a tag (`"…." Ortiz said.` is rare but
//! `"…?" she asked` style tags end up here too). A quotation without a tag of its own takes the
//! speaker of another quotation in the same paragraph (one speaker per paragraph is the newsroom
//! convention), and the parts of a multi-paragraph quotation share one speaker. A Markdown block
//! quote takes the tag of the sentence before it when that ends with a colon (`Ortiz said:`).
//! A nested quotation has no speaker.
use crate::document::lexicon::is_reporting_verb;
use crate::document::{Document, Quote, Token, TokenKind};
use crate::text::Span;

/// Who a quotation is attributed to by a speaker tag next to it ("said Ortiz", "she told reporters").
/// A quotation without a tag of its own shares the speaker of another quotation in its paragraph
/// or of the other parts of a multi-paragraph quotation (the spans then point at that tag).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker's words ("Ortiz", "she", "the agency").
    pub name: Span,
    /// The reporting verb ("said").
    pub verb: Span,
}

/// The speaker of each quotation of `doc`, by index into `doc.quotes`.
pub fn speakers(doc: &Document) -> Vec<Option<Speaker>> {
    speakers_with(doc, |q| speaker_of(doc, q))
}

/// [`speakers`], with each quotation mark's own tag from `own` (`speaker_of`, or remembered).
pub(crate) fn speakers_with(doc: &Document, mut own: impl FnMut(&Quote) -> Option<Speaker>) -> Vec<Option<Speaker>> {
    let quotes = &doc.quotes;
    let mut out: Vec<Option<Speaker>> = vec![None; quotes.len()];
    // Quotation marks (not block quotes, not nested): their own tags first.
    let marks: Vec<usize> = (0..quotes.len()).filter(|&i| !quotes[i].nested && !quotes[i].block_quote).collect();
    for &i in &marks {
        out[i] = own(&quotes[i]);
    }
    // Parts of a multi-paragraph quotation share a speaker: the first later part's, else the
    // nearest earlier part's.
    for chain in chains(quotes) {
        for (k, &i) in chain.iter().enumerate() {
            if out[i].is_none() {
                let later = chain[k + 1..].iter().find_map(|&j| out[j].clone());
                let earlier = chain[..k].iter().rev().find_map(|&j| out[j].clone());
                out[i] = later.or(earlier);
            }
        }
    }
    // A quotation without a tag takes the speaker of the nearest tagged quotation in its
    // paragraph (before it first, then after it).
    let block_of = |i: usize| doc.sentences.get(quotes[i].sentence).map(|s| s.block);
    let mut updates = Vec::new();
    for (k, &i) in marks.iter().enumerate() {
        if out[i].is_some() {
            continue;
        }
        let b = block_of(i);
        let near = marks[..k]
            .iter()
            .rev()
            .take_while(|&&j| block_of(j) == b)
            .find_map(|&j| out[j].clone())
            .or_else(|| marks[k + 1..].iter().take_while(|&&j| block_of(j) == b).find_map(|&j| out[j].clone()));
        if near.is_some() {
            updates.push((i, near));
        }
    }
    for (i, sp) in updates {
        out[i] = sp;
    }
    // "Ortiz said:" just before a block quote.
    for (i, q) in quotes.iter().enumerate().filter(|(_, q)| q.block_quote) {
        out[i] = q.sentence.checked_sub(1).and_then(|p| {
            let toks = tokens_of(doc, p);
            let (last, rest) = toks.split_last()?;
            (last.span.slice(doc.text) == ":").then(|| tag_before(doc.text, rest)).flatten()
        });
    }
    out
}

/// The multi-paragraph quotations: each a list of quote indices, first part first.
fn chains(quotes: &[Quote]) -> Vec<Vec<usize>> {
    let mut next: Vec<Option<usize>> = vec![None; quotes.len()];
    let mut continued = vec![false; quotes.len()];
    for (i, q) in quotes.iter().enumerate() {
        if let Some(p) = q.continues {
            next[p] = Some(i);
            continued[i] = true;
        }
    }
    let mut out = Vec::new();
    for i in (0..quotes.len()).filter(|&i| !continued[i] && next[i].is_some()) {
        let mut chain = vec![i];
        while let Some(n) = next[*chain.last().expect("non-empty")] {
            chain.push(n);
        }
        out.push(chain);
    }
    out
}

/// The sentence holding `offset`, or the nearest one after it.
pub(crate) fn sentence_index(doc: &Document, offset: usize) -> usize {
    let s = &doc.sentences;
    doc.sentence_at(offset)
        .unwrap_or_else(|| s.partition_point(|x| x.span.end <= offset).min(s.len().saturating_sub(1)))
}

fn tokens_of<'d>(doc: &'d Document, sentence: usize) -> &'d [Token] {
    match doc.sentences.get(sentence) {
        Some(s) => &doc.tokens[s.tokens.clone()],
        None => &[],
    }
}

/// The tag of one quotation: after it, before it, or the next sentence when that is only a tag.
/// Reads the tokens of the sentences it starts and ends in and of the one after (when in the same
/// block), and nothing else (`super::memo::Speakers` relies on it).
pub(crate) fn speaker_of(doc: &Document, q: &Quote) -> Option<Speaker> {
    let text = doc.text;
    let mut close_sentence = None;
    if q.closed {
        let s = sentence_index(doc, q.span.end.saturating_sub(1));
        let toks = tokens_of(doc, s);
        let after = &toks[toks.partition_point(|t| t.span.start < q.span.end)..];
        if let Some(sp) = tag_after(text, after) {
            return Some(sp);
        }
        close_sentence = Some((s, after.iter().all(|t| t.kind == TokenKind::Punct)));
    }
    let toks = tokens_of(doc, q.sentence);
    let before = &toks[..toks.partition_point(|t| t.span.end <= q.span.start)];
    if let Some(sp) = tag_before(text, before) {
        return Some(sp);
    }
    // A quotation that is a whole sentence: the next sentence, if it is only a tag.
    if let Some((s, nothing_after)) = close_sentence {
        let next = doc.sentences.get(s + 1)?;
        if before.is_empty() && nothing_after && next.block == doc.sentences[s].block {
            let nt = tokens_of(doc, s + 1);
            if nt.len() <= 10 {
                return tag_after(text, nt);
            }
        }
    }
    None
}

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "one"];
const ADVERBS: &[&str] = &["also", "later", "then", "again", "once", "previously", "earlier", "recently", "further"];
const PARTICLES: &[&str] = &["de", "van", "von", "der", "bin", "al", "da", "del", "la", "le", "di", "du", "dos", "ibn"];
/// Words that stop a subject before a verb ("that said", "it is said").
const NOT_SUBJECT: &[&str] = &[
    "that", "which", "who", "whom", "is", "was", "were", "are", "be", "been", "being", "has", "had", "have", "not",
    "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "as", "by", "from", "could", "would", "should",
    "will", "may", "might", "must", "can", "did", "does", "do",
];
/// Titles and modifiers trimmed from the front of a name ("President Putin" → "Putin").
const TITLES: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Premier",
    "Secretary",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Mayor",
    "Judge",
    "Justice",
    "Chancellor",
    "Director",
    "Commissioner",
    "Chief",
    "Officer",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Ambassador",
    "Superintendent",
    "Sheriff",
    "Detective",
    "Coach",
    "Governor",
    "Senator",
    "Representative",
    "Professor",
    "General",
    "Colonel",
    "Captain",
    "Sergeant",
    "Lieutenant",
    "Admiral",
    "King",
    "Queen",
    "Pope",
    "Former",
    "Acting",
    "Deputy",
    "Assistant",
    "State",
    "Senior",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "Lt",
    "Col",
    "Capt",
    "Maj",
    "Sgt",
    "Adm",
    "Rev",
    "Supt",
    "Atty",
    "Det",
    "U.S.",
    "Dame",
    "Sir",
    "Lord",
];
/// Sentence-initial words that are not part of a name ("But Ortiz said").
const NOT_NAME: &[&str] = &[
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Then",
    "However",
    "Meanwhile",
    "Still",
    "Now",
    "Later",
    "Earlier",
    "When",
    "While",
    "After",
    "Before",
    "In",
    "On",
    "At",
    "For",
    "As",
    "If",
    "Also",
    "Instead",
    "Asked",
    "Last",
    "This",
];

fn first_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn first_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

fn lower_in(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn is_verb(text: &str, t: &Token) -> bool {
    let w = t.span.slice(text);
    t.kind == TokenKind::Word && first_lower(w) && is_reporting_verb(w)
}

fn word<'t>(text: &'t str, t: &Token) -> Option<&'t str> {
    (t.kind == TokenKind::Word).then(|| t.span.slice(text))
}

fn sp(a: &Token, b: &Token) -> Span {
    Span::new(a.span.start, b.span.end)
}

/// The tag right after a closing mark: `, said Ortiz`, `, Ortiz said`, `, according to X`.
fn tag_after(text: &str, toks: &[Token]) -> Option<Speaker> {
    let mut i = 0;
    while i < toks.len() && matches!(toks[i].span.slice(text), "," | "—" | "–" | "-") {
        i += 1;
    }
    let w = word(text, toks.get(i)?)?;
    if w.eq_ignore_ascii_case("according") && toks.get(i + 1).is_some_and(|t| t.span.slice(text) == "to") {
        let name = phrase_after(text, &toks[i + 2..])?;
        return Some(Speaker { name, verb: sp(&toks[i], &toks[i + 1]) });
    }
    if is_verb(text, &toks[i]) || tag_past(text, &toks[i]) {
        // `," adding that …` continues a sentence whose tag came before the quotation.
        if w.ends_with("ing") {
            return None;
        }
        let name = name_after(text, &toks[i + 1..])?;
        return Some(Speaker { name, verb: toks[i].span });
    }
    let (name, mut j) = subject_at(text, toks, i)?;
    if toks.get(j).is_some_and(|t| t.span.slice(text) == ",") {
        // Appositive: ", the budget director, said".
        let close = toks[j + 1..].iter().take(12).position(|t| t.span.slice(text) == ",")?;
        j = j + 1 + close + 1;
    }
    if toks.get(j).and_then(|t| word(text, t)).is_some_and(|w| lower_in(w, ADVERBS) || w.ends_with("ly")) {
        j += 1;
    }
    let v = toks.get(j)?;
    // (Any past form closing the tag: `," Albright allowed.`)
    let closes = toks.get(j + 1).is_none_or(|t| t.kind == TokenKind::Punct);
    (is_verb(text, v) || (tag_past(text, v) && closes)).then_some(Speaker { name, verb: v.span })
}

/// A past form of a verb in a tag's place, right after a closing quotation mark: the tag makes
/// any verb a way of saying (`," allowed Tess Albright`, `," Ruiz shrugged.`), as the
/// extractor's tags do. The word list's reporting verbs are the rest.
fn tag_past(text: &str, t: &Token) -> bool {
    let w = t.span.slice(text);
    let classes = crate::lexicon::lookup_folded(w);
    // (A word the dictionary lacks, with a past ending, is a past form too: "deadpanned".)
    let unknown_past = crate::lexicon::unknown_past(w, classes);
    t.kind == TokenKind::Word && first_lower(w) && (classes.contains(crate::lexicon::Classes::VPAST) || unknown_past)
}

/// The tag before an opening mark in the same sentence: `Ortiz said: "`, `KCNA noted, "`.
fn tag_before(text: &str, toks: &[Token]) -> Option<Speaker> {
    let n = toks.len();
    for v in (n.saturating_sub(14)..n).rev() {
        let t = &toks[v];
        let s = t.span.slice(text);
        if t.kind == TokenKind::Punct && matches!(s, "." | "?" | "!" | ";") {
            return None;
        }
        if s.eq_ignore_ascii_case("according") && toks.get(v + 1).is_some_and(|t| t.span.slice(text) == "to") {
            let name = phrase_after(text, &toks[v + 2..])?;
            return Some(Speaker { name, verb: sp(t, &toks[v + 1]) });
        }
        // "to comment" is no tag; "…, arguing that" takes the subject of the main verb before it.
        if !is_verb(text, t) || (v > 0 && toks[v - 1].span.slice(text) == "to") || s.ends_with("ing") {
            continue;
        }
        if let Some(name) = subject_before(text, &toks[..v]) {
            return Some(Speaker { name, verb: t.span });
        }
        // "declined to comment but said": the subject of the sentence.
        let conj = v.checked_sub(1).and_then(|p| word(text, &toks[p])).is_some_and(|w| matches!(w, "but" | "and"));
        if conj {
            if let Some((name, _)) = subject_at(text, toks, 0)
                .filter(|(n, _)| first_upper(n.slice(text)) || lower_in(n.slice(text), PRONOUNS))
            {
                return Some(Speaker { name, verb: t.span });
            }
        }
        // "said Ortiz: \"…": the name must end the clause.
        if let Some(name) = name_after(text, &toks[v + 1..]) {
            let rest = toks.partition_point(|t| t.span.end <= name.end);
            if toks[rest..].iter().all(|t| matches!(t.span.slice(text), "," | ":" | "—" | "–")) {
                return Some(Speaker { name, verb: t.span });
            }
        }
    }
    None
}

/// A subject starting at `i`: a pronoun, a determiner phrase, a capitalised name or bare plural
/// nouns ("officials"). Returns its span (titles trimmed) and the index after it.
fn subject_at(text: &str, toks: &[Token], i: usize) -> Option<(Span, usize)> {
    let w = word(text, toks.get(i)?)?;
    if lower_in(w, PRONOUNS) {
        return Some((toks[i].span, i + 1));
    }
    if lower_in(w, DETERMINERS) || first_lower(w) {
        // "the agency", "the budget director", "officials", "state media": up to the verb.
        let mut j = i + (lower_in(w, DETERMINERS) as usize);
        while j < toks.len() && j < i + 5 && word(text, &toks[j]).is_some() && !is_verb(text, &toks[j]) {
            j += 1;
        }
        if j == i || (j == i + 1 && lower_in(w, DETERMINERS)) || lower_in(w, NOT_SUBJECT) {
            return None;
        }
        return Some((sp(&toks[i], &toks[j - 1]), j));
    }
    let (name, j) = capitalised_run(text, toks, i)?;
    Some((name, j))
}

/// `Maria Ortiz`, `President Vladimir Putin` (→ `Vladimir Putin`), `Ri H. Yong` from `i` on.
fn capitalised_run(text: &str, toks: &[Token], i: usize) -> Option<(Span, usize)> {
    let mut j = i;
    let mut last_word = None;
    while j < toks.len() {
        let t = &toks[j];
        let s = t.span.slice(text);
        let glued_dot =
            s == "." && j > i && toks[j - 1].span.end == t.span.start && toks[j - 1].kind == TokenKind::Word;
        if t.kind == TokenKind::Word
            && (first_upper(s) && !(j == i && NOT_NAME.contains(&s)) || lower_in(s, PARTICLES) && j > i)
        {
            if j > i && NOT_NAME.contains(&s) {
                break;
            }
            last_word = Some(j);
        } else if !glued_dot {
            break;
        }
        j += 1;
    }
    let last = last_word?;
    // Trim leading titles, keeping at least one word.
    let mut start = i;
    while start < last {
        let s = toks[start].span.slice(text);
        if toks[start].kind == TokenKind::Punct || TITLES.contains(&s.trim_end_matches('.')) || TITLES.contains(&s) {
            start += 1;
        } else {
            break;
        }
    }
    while start < last && toks[start].kind == TokenKind::Punct {
        start += 1;
    }
    Some((sp(&toks[start], &toks[last]), last + 1))
}

/// After a verb: `said Maria Ortiz, the director` → `Maria Ortiz`; `said the agency` → `the agency`.
fn name_after(text: &str, toks: &[Token]) -> Option<Span> {
    let w = word(text, toks.first()?)?;
    if lower_in(w, PRONOUNS) && first_lower(w) {
        return Some(toks[0].span);
    }
    if lower_in(w, DETERMINERS) && !w.eq_ignore_ascii_case("that") {
        return phrase_after(text, toks);
    }
    if first_upper(w) {
        return capitalised_run(text, toks, 0).map(|r| r.0);
    }
    // "said manager Rico Delgado": up to three lowercase title words before the name.
    let k = toks.iter().take(4).position(|t| word(text, t).is_none_or(first_upper))?;
    if k > 0 && word(text, &toks[k]).is_some() {
        return capitalised_run(text, toks, k).map(|r| r.0);
    }
    None
}

/// Words up to a comma or the end of the clause (at most 8): "the report", "North Korean state media".
fn phrase_after(text: &str, toks: &[Token]) -> Option<Span> {
    let mut last = None;
    for (k, t) in toks.iter().enumerate().take(8) {
        let s = t.span.slice(text);
        if t.kind == TokenKind::Punct
            && !(s == "." && k > 0 && toks[k - 1].span.end == t.span.start && !is_end(toks, k))
        {
            break;
        }
        if t.kind != TokenKind::Punct {
            last = Some(k);
        }
    }
    last.map(|l| sp(&toks[0], &toks[l]))
}

fn is_end(toks: &[Token], k: usize) -> bool {
    k + 1 >= toks.len()
}

/// The subject right before a verb at the end of `toks`: `Ortiz`, `he`, `the agency`,
/// `Maria Ortiz, the budget director,` (→ `Maria Ortiz`).
fn subject_before(text: &str, toks: &[Token]) -> Option<Span> {
    let mut j = toks.len().checked_sub(1)?;
    if word(text, &toks[j]).is_some_and(|w| lower_in(w, ADVERBS) || (w.ends_with("ly") && first_lower(w))) {
        j = j.checked_sub(1)?;
    }
    if toks[j].span.slice(text) == "," {
        let open = toks[..j].iter().rev().take(24).position(|t| t.span.slice(text) == ",")?;
        let appositive = &toks[j - open..j];
        // "the payroll manager, Denise Carver, said": the appositive is the name.
        if !appositive.is_empty()
            && appositive.iter().all(|t| {
                word(text, t).is_some_and(|w| first_upper(w) || lower_in(w, PARTICLES)) || t.span.slice(text) == "."
            })
            && j - open >= 2
            && word(text, &toks[j - open - 2]).is_some_and(first_lower)
        {
            return capitalised_run(text, appositive, 0).map(|r| r.0);
        }
        j = j.checked_sub(open + 2)?;
    }
    let w = word(text, &toks[j])?;
    if lower_in(w, PRONOUNS) {
        return Some(toks[j].span);
    }
    if lower_in(w, NOT_SUBJECT) {
        return None;
    }
    // Walk back over the noun phrase: capitalised words, initials, particles, lowercase nouns
    // back to a determiner (at most 6 tokens).
    let end = j;
    let mut start = j;
    let mut k = j;
    loop {
        let t = &toks[k];
        let s = t.span.slice(text);
        let ok = match t.kind {
            TokenKind::Word => {
                if lower_in(s, DETERMINERS) {
                    start = k;
                    break;
                }
                !lower_in(s, NOT_SUBJECT) && !NOT_NAME.contains(&s) && !lower_in(s, PRONOUNS)
            }
            TokenKind::Punct => s == "." && k > 0 && toks[k - 1].span.end == t.span.start,
            TokenKind::Number => false,
        };
        if !ok || end - k >= 6 {
            break;
        }
        start = k;
        if k == 0 {
            break;
        }
        k -= 1;
    }
    while start < end && toks[start].kind == TokenKind::Punct {
        start += 1;
    }
    // "Defense attorney Marcus Bell", "the agency's spokeswoman Ana Ruiz": the trailing name.
    if first_upper(toks[end].span.slice(text)) {
        let mut k = end;
        while k > start && word(text, &toks[k - 1]).is_some_and(|w| first_upper(w) || lower_in(w, PARTICLES)) {
            k -= 1;
        }
        if k > start && word(text, &toks[k - 1]).is_some_and(|w| first_lower(w) && !lower_in(w, DETERMINERS)) {
            start = k;
        }
    }
    // Trim leading titles of a capitalised name.
    if first_upper(toks[start].span.slice(text)) {
        while start < end && (TITLES.contains(&toks[start].span.slice(text)) || toks[start].kind == TokenKind::Punct) {
            start += 1;
        }
        while start < end && toks[start].kind == TokenKind::Punct {
            start += 1;
        }
    }
    Some(sp(&toks[start], &toks[end]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DocKind;

    fn speaker_of(text: &str) -> Option<(String, String)> {
        let doc = Document::parse(text, DocKind::Plain, &[]);
        assert!(!doc.quotes.is_empty(), "a quotation");
        speakers(&doc)[0].as_ref().map(|s| (s.name.slice(text).to_string(), s.verb.slice(text).to_string()))
    }

    fn some(name: &str, verb: &str) -> Option<(String, String)> {
        Some((name.to_string(), verb.to_string()))
    }

    #[test]
    fn speaker_tags_after_the_quotation() {
        assert_eq!(speaker_of("\"It is over,\" said Maria Ortiz, the budget director."), some("Maria Ortiz", "said"));
        assert_eq!(speaker_of("\"It is over,\" Ortiz said."), some("Ortiz", "said"));
        assert_eq!(speaker_of("“It is over,” she told reporters."), some("she", "told"));
        assert_eq!(speaker_of("\"It is over,\" according to the report."), some("the report", "according to"));
        assert_eq!(speaker_of("\"It is over,\" the agency said in a statement."), some("the agency", "said"));
        assert_eq!(speaker_of("\"It is over,\" Maria Ortiz, the budget director, said."), some("Maria Ortiz", "said"));
        assert_eq!(speaker_of("\"It is over,\" said President Lena Harlow."), some("Lena Harlow", "said"));
        assert_eq!(speaker_of("\"It is over,\" said coach Ray Dunn."), some("Ray Dunn", "said"));
    }

    #[test]
    fn any_past_form_in_the_tags_place_is_a_way_of_saying() {
        assert_eq!(speaker_of("\"It held up,\" allowed Tess Albright, the manager."), some("Tess Albright", "allowed"));
        assert_eq!(speaker_of("\"It held up,\" Albright shrugged."), some("Albright", "shrugged"));
        // Both parts of a quotation split by such a tag have the speaker.
        let text = "\"It held up,\" allowed Tess Albright, \"but it is old.\"";
        let doc = Document::parse(text, DocKind::Plain, &[]);
        assert_eq!(doc.quotes.len(), 2);
        assert!(speakers(&doc).iter().all(|s| s.as_ref().is_some_and(|s| s.name.slice(text) == "Tess Albright")));
        // Look-alikes: a present form, and a past form with a clause after it, tag nothing.
        assert_eq!(speaker_of("\"It held up,\" Albright allows."), None);
        assert_eq!(speaker_of("\"It held up,\" Albright shrugged and left the room."), None);
    }

    #[test]
    fn speaker_tags_before_the_quotation() {
        assert_eq!(speaker_of("Ortiz said: \"It is over.\""), some("Ortiz", "said"));
        assert_eq!(speaker_of("The agency noted, \"It is over.\""), some("The agency", "noted"));
        assert_eq!(speaker_of("Citing the records, he remarked, \"It is over.\""), some("he", "remarked"));
        assert_eq!(speaker_of("The clerk, Dana Voss, wrote: \"It is over.\""), some("Dana Voss", "wrote"));
        assert_eq!(
            speaker_of("Gen. Tomas Vale, who leads the fleet, said the pier was \"done for.\""),
            some("Tomas Vale", "said")
        );
    }

    #[test]
    fn speaker_from_an_adjacent_tag_sentence_and_none_without_one() {
        assert_eq!(speaker_of("\"It is over. We lost.\" Ortiz said. The crowd left."), some("Ortiz", "said"));
        assert_eq!(speaker_of("\"It is over.\" The crowd left."), None);
        assert_eq!(speaker_of("Officials declined to comment. \"It is over,\" a sign read."), None);
    }
}
