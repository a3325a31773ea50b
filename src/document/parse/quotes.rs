//! Quotations and their speaker tags.
//!
//! Marks are paired per block, left to right, in one pass over the prose:
//! - curly double quotes by direction; straight `"` alternate open/close within a paragraph;
//! - single quotes (`‘’`, `'`) open only inside a double quotation (or, curly `‘` only, at the top
//!   level when closed in the same paragraph); an apostrophe between letters ("don’t"), before a
//!   digit ("’90s") or after a word when no single quotation is open ("Workers' Party") is not a mark;
//! - a double quotation still open at the end of its paragraph is `closed: false`; when the next
//!   paragraph opens with a quote mark, it continues the quotation (the parts share a speaker);
//! - each outermost Markdown block quote is one `block_quote` quotation.
//!
//! Speaker tags, tried in order: after the closing mark in the same sentence (`," said Ortiz` /
//! `," Ortiz said` / `," Maria Ortiz, the director, said` / `," according to the report`); before
//! the opening mark in the same sentence (`Ortiz said: "` / `KCNA noted, "`); for a quotation that
//! is a whole sentence, the next sentence when it is only a tag (`"…." Ortiz said.` is rare but
//! `"…?" she asked` style tags end up here too). A quotation without a tag of its own takes the
//! speaker of another quotation in the same paragraph (one speaker per paragraph is the newsroom
//! convention), and the parts of a multi-paragraph quotation share one speaker.
use crate::document::lexicon::is_reporting_verb;
use crate::document::{Document, Quote, Speaker, Token, TokenKind};
use crate::text::Span;

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

struct Scan<'d> {
    doc: &'d Document<'d>,
    quotes: Vec<Quote>,
    /// Groups of quote indices forming one multi-paragraph quotation.
    chains: Vec<Vec<usize>>,
}

pub fn find(doc: &Document, block_quotes: &[Span]) -> Vec<Quote> {
    let mut sc = Scan { doc, quotes: Vec::new(), chains: Vec::new() };
    let mut chain_open: Option<usize> = None;
    let mut candidates: Vec<usize> = Vec::new();
    for block in &doc.blocks {
        let pending = chain_open.take();
        let body = &doc.prose[block.span.range()];
        let starts_with_mark = body.starts_with(['"', '“', '‘', '\'', '«', '„']);
        let continuing = pending.filter(|_| starts_with_mark);
        let mut dq: Option<(usize, usize)> = None;
        let mut sq: Option<(usize, usize, bool)> = None; // start, len, nested
        let block_first_quote = sc.quotes.len();
        // Only quote-mark bytes matter: `"`, `'` and the lead bytes of “ ” ‘ ’ „ (E2) and « » (C2).
        let bytes = body.as_bytes();
        candidates.clear();
        if memchr::memchr(0xC2, bytes).is_some() {
            candidates.extend((0..bytes.len()).filter(|&i| matches!(bytes[i], b'"' | b'\'' | 0xE2 | 0xC2)));
        } else {
            candidates.extend(memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes));
        }
        for &i in &candidates {
            let Some(c) = body.get(i..).and_then(|r| r.chars().next()) else { continue };
            if !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '«' | '»') {
                continue;
            }
            let len = c.len_utf8();
            let at = block.span.start + i;
            let prev = body[..i].chars().next_back().unwrap_or(' ');
            let next = body[i + len..].chars().next().unwrap_or(' ');
            match c {
                '“' | '„' | '«' if dq.is_none() => {
                    dq = Some((at, len));
                    sq = None;
                }
                '”' | '»' => {
                    if let Some(o) = dq.take() {
                        sc.push(o, at + len, len, true, false);
                        sq = None;
                    }
                }
                '"' => {
                    if let Some(o) = dq.take() {
                        sc.push(o, at + 1, 1, true, false);
                        sq = None;
                    } else {
                        dq = Some((at, 1));
                    }
                }
                '‘' if sq.is_none() && !next.is_ascii_digit() => sq = Some((at, len, dq.is_some())),
                '’' | '\'' => {
                    let apostrophe = (prev.is_alphanumeric() && next.is_alphanumeric())
                        || (!prev.is_alphanumeric() && next.is_ascii_digit());
                    if apostrophe {
                    } else if let Some((s, l, nested)) = sq {
                        if !prev.is_whitespace() {
                            sc.push((s, l), at + len, len, true, nested);
                            sq = None;
                        }
                    } else if c == '\''
                        && dq.is_some()
                        && (prev.is_whitespace() || matches!(prev, '"' | '“' | '(' | '—' | '–'))
                        && next.is_alphabetic()
                    {
                        sq = Some((at, 1, true));
                    }
                }
                _ => {}
            }
        }
        if let Some(o) = dq {
            let idx = sc.quotes.len();
            sc.push(o, block.span.end, 0, false, false);
            let joins = continuing.filter(|_| sc.quotes[idx].span.start == block.span.start);
            match joins {
                Some(ch) => {
                    sc.chains[ch].push(idx);
                    chain_open = Some(ch);
                }
                None => {
                    sc.chains.push(vec![idx]);
                    chain_open = Some(sc.chains.len() - 1);
                }
            }
        }
        // The closed part continuing a chain: the first quotation of this block, if it opens it.
        if let Some(ch) = continuing {
            if let Some(first) = sc.quotes.get(block_first_quote) {
                if first.span.start == block.span.start && first.closed {
                    sc.chains[ch].push(block_first_quote);
                }
            }
        }
    }

    // Speakers.
    for i in 0..sc.quotes.len() {
        if !sc.quotes[i].nested {
            sc.quotes[i].speaker = sc.speaker_of(i);
        }
    }
    sc.share_speakers();

    for &bq in block_quotes {
        if let Some(q) = sc.block_quote(bq) {
            sc.quotes.push(q);
        }
    }
    sc.quotes.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    sc.quotes
}

impl<'d> Scan<'d> {
    fn text(&self) -> &'d str {
        self.doc.text
    }

    /// Record a quotation from the mark at `open` to `end` (the closing mark has `close_len` bytes).
    fn push(&mut self, open: (usize, usize), end: usize, close_len: usize, closed: bool, nested: bool) {
        let span = Span::new(open.0, end);
        let inner = trim(self.doc.prose.as_bytes(), open.0 + open.1, end - close_len);
        let sentence = self.sentence_index(open.0);
        self.quotes.push(Quote { span, inner, closed, block_quote: false, speaker: None, sentence, nested });
    }

    fn sentence_index(&self, offset: usize) -> usize {
        let s = &self.doc.sentences;
        self.doc
            .sentence_at(offset)
            .unwrap_or_else(|| s.partition_point(|x| x.span.end <= offset).min(s.len().saturating_sub(1)))
    }

    fn tokens_of(&self, sentence: usize) -> &'d [Token] {
        match self.doc.sentences.get(sentence) {
            Some(s) => &self.doc.tokens[s.tokens.clone()],
            None => &[],
        }
    }

    fn speaker_of(&self, qi: usize) -> Option<Speaker> {
        let q = &self.quotes[qi];
        let text = self.text();
        let mut close_sentence = None;
        if q.closed {
            let s = self.sentence_index(q.span.end.saturating_sub(1));
            let toks = self.tokens_of(s);
            let after = &toks[toks.partition_point(|t| t.span.start < q.span.end)..];
            if let Some(sp) = tag_after(text, after) {
                return Some(sp);
            }
            close_sentence = Some((s, after.iter().all(|t| t.kind == TokenKind::Punct)));
        }
        let toks = self.tokens_of(q.sentence);
        let before = &toks[..toks.partition_point(|t| t.span.end <= q.span.start)];
        if let Some(sp) = tag_before(text, before) {
            return Some(sp);
        }
        // A quotation that is a whole sentence: the next sentence, if it is only a tag.
        if let Some((s, nothing_after)) = close_sentence {
            let next = self.doc.sentences.get(s + 1)?;
            if before.is_empty() && nothing_after && next.block == self.doc.sentences[s].block {
                let nt = self.tokens_of(s + 1);
                if nt.len() <= 10 {
                    return tag_after(text, nt);
                }
            }
        }
        None
    }

    /// Parts of a multi-paragraph quotation share a speaker; a quotation without a tag takes the
    /// speaker of the nearest tagged quotation in its paragraph.
    fn share_speakers(&mut self) {
        for chain in &self.chains {
            for (k, &i) in chain.iter().enumerate() {
                if self.quotes[i].speaker.is_none() {
                    let later = chain[k + 1..].iter().find_map(|&j| self.quotes[j].speaker.clone());
                    let earlier = chain[..k].iter().rev().find_map(|&j| self.quotes[j].speaker.clone());
                    self.quotes[i].speaker = later.or(earlier);
                }
            }
        }
        let n = self.quotes.len();
        let block_of = |q: &Quote| self.doc.sentences.get(q.sentence).map(|s| s.block);
        let mut updates = Vec::new();
        for i in 0..n {
            let q = &self.quotes[i];
            if q.speaker.is_some() || q.nested {
                continue;
            }
            let b = block_of(q);
            let near = (0..i)
                .rev()
                .take_while(|&j| block_of(&self.quotes[j]) == b)
                .find_map(|j| self.quotes[j].speaker.clone().filter(|_| !self.quotes[j].nested))
                .or_else(|| {
                    (i + 1..n)
                        .take_while(|&j| block_of(&self.quotes[j]) == b)
                        .find_map(|j| self.quotes[j].speaker.clone().filter(|_| !self.quotes[j].nested))
                });
            if near.is_some() {
                updates.push((i, near));
            }
        }
        for (i, sp) in updates {
            self.quotes[i].speaker = sp;
        }
    }

    fn block_quote(&self, bq: Span) -> Option<Quote> {
        let inner = trim(self.doc.prose.as_bytes(), bq.start, bq.end);
        if inner.is_empty() {
            return None;
        }
        let sentences = &self.doc.sentences;
        let first = sentences.partition_point(|s| s.span.start < inner.start);
        if first >= sentences.len() || !bq.contains(sentences[first].span.start) {
            return None;
        }
        // "Ortiz said:" just before the block quote.
        let speaker = first.checked_sub(1).and_then(|p| {
            let toks = self.tokens_of(p);
            let (last, rest) = toks.split_last()?;
            (last.span.slice(self.text()) == ":").then(|| tag_before(self.text(), rest)).flatten()
        });
        Some(Quote { span: bq, inner, closed: true, block_quote: true, speaker, sentence: first, nested: false })
    }
}

fn trim(bytes: &[u8], mut s: usize, mut e: usize) -> Span {
    e = e.min(bytes.len()).max(s);
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    Span::new(s, e)
}

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
    if is_verb(text, &toks[i]) {
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
    is_verb(text, v).then_some(Speaker { name, verb: v.span })
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
