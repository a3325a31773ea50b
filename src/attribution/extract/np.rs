//! The noun-phrase grammar: which token ranges are a noun phrase and where its head is (what
//! kind of source a phrase is: [`super::kind`]).
//!
//! ```text
//! NP     := CORE POST* | PRONOUN
//! CORE   := PREQUANT* (DET | QUANT | NUMBER)* MOD* HEAD      ("nearly all congressional Democrats")
//! POST   := PREP CORE                                        ("along Front Street", "of the plan")
//!         | (ADJ | PARTICIPLE) PREP CORE                     ("familiar with the talks", "close to him")
//!         | COORD CORE                                       ("Democrats and civil rights groups")
//!         | REL ...  (to the end, no comma)                  ("who watched the debate")
//!         | , APPOSITIVE ,                                   (", Josh Earnest,", ", who asked ...")
//! ```
//! Word classes: [`crate::lexicon`] for open classes, [`super::words`] for closed ones.
use super::lx;
use super::words as cw;
use crate::attribution::lists::flags;
use crate::attribution::tokens::{K, Sent};
use crate::text::Span;

/// A sentence with the word classes of each token, as the grammar reads it.
pub(crate) struct Grammar<'a> {
    pub s: &'a Sent,
    /// Lexicon classes (possessive endings stripped).
    pub lex: Vec<u32>,
    /// Closed classes.
    pub cl: Vec<u32>,
    /// A capitalised word that names someone or something.
    pub proper: Vec<bool>,
    /// Ends with a possessive ("county's", "experts'").
    pub poss: Vec<bool>,
    /// The sentence is a headline in title case.
    pub title: bool,
    /// An apostrophe token that ends the possessive word before it ("tenants' association").
    pub glue: Vec<bool>,
}

/// A noun phrase found by [`Grammar::np`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Np {
    pub a: usize,
    pub b: usize,
    /// The head noun (or the quantifier standing for one).
    pub head: usize,
    /// Where the head's own phrase starts (the determiner).
    pub core_a: usize,
    /// The determiner or quantifier, if any.
    pub det: Option<usize>,
    /// The first prepositional phrase after the head: (preposition, its object).
    pub pp: Option<(usize, usize, usize, usize)>,
    /// A postmodifier of knowledge or closeness ("familiar with", "close to", "briefed on").
    pub insider: bool,
    /// A name in apposition (", Josh Earnest,") or given as an example ("groups like the ACLU").
    pub appositive_name: bool,
    /// A relative clause or appositive clause ("who ...").
    pub rel: bool,
    /// Coordinated ("Democrats and civil rights groups").
    pub coord: bool,
    /// A quantity of people: "a handful of stallholders", "a majority of members".
    pub partitive: bool,
    /// A conjunct is a name: "Edwards and others".
    pub coord_named: bool,
    /// A prepositional phrase after the first names the organisation they belong to or that
    /// issued it: "a group of 32 experts at the Aspen Institute", "a poll released on Friday by
    /// Latino Decisions".
    pub org_pp: bool,
}

impl<'a> Grammar<'a> {
    pub fn new(s: &'a Sent) -> Grammar<'a> {
        let n = s.toks.len();
        let mut lex = vec![0u32; n];
        let mut cl = vec![0u32; n];
        let mut poss = vec![false; n];
        let mut glue = vec![false; n];
        for i in 0..n {
            if s.toks[i].kind == K::Punct
                && i > 0
                && matches!(s.punct(i), Some('\''))
                && s.toks[i - 1].kind == K::Word
                && s.toks[i - 1].span.end == s.toks[i].span.start
                && s.w(i - 1).ends_with('s')
                && s.toks.get(i + 1).is_some_and(|t| t.kind == K::Word && t.span.start > s.toks[i].span.end)
            {
                glue[i] = true;
                poss[i - 1] = true;
                continue;
            }
            // A slash joining two names into one: "a Register/Bloomberg poll".
            if s.toks[i].kind == K::Punct
                && i > 0
                && matches!(s.punct(i), Some('/'))
                && s.toks[i - 1].kind == K::Word
                && s.toks[i - 1].cap
                && s.toks[i - 1].span.end == s.toks[i].span.start
                && s.toks.get(i + 1).is_some_and(|t| t.kind == K::Word && t.cap && t.span.start == s.toks[i].span.end)
            {
                glue[i] = true;
                continue;
            }
            // An ampersand between capitalised words joins one firm's name: "Hale & Orr".
            if s.toks[i].kind == K::Punct
                && i > 0
                && matches!(s.punct(i), Some('&'))
                && s.toks[i - 1].kind == K::Word
                && s.toks[i - 1].cap
                && s.toks.get(i + 1).is_some_and(|t| t.kind == K::Word && t.cap)
            {
                glue[i] = true;
                continue;
            }
            if s.toks[i].kind != K::Word {
                continue;
            }
            let w = s.w(i);
            let stem = w.strip_suffix("'s").or_else(|| w.strip_suffix('\'')).filter(|x| !x.is_empty());
            poss[i] = stem.is_some() && !matches!(w, "it's" | "that's" | "he's" | "she's" | "there's" | "what's");
            let base = if poss[i] { stem.unwrap_or(w) } else { w };
            lex[i] = if poss[i] { lx::lookup(base) } else { s.toks[i].lex };
            if lex[i] == 0 {
                lex[i] = lx::unknown_word(base, s.toks[i].cap);
            }
            // (The normalised word, with a typographic apostrophe as `'`: "it’s" as "it's".)
            cl[i] = s.toks[i].closed;
            if cw::is_negated_aux(w) {
                cl[i] |= cw::AUX | cw::NEG;
            }
        }
        // "according to polling by ...": what "according to" governs is a noun phrase, so an
        // -ing form right after it is a gerund, and what it names informs.
        for (i, l) in lex.iter_mut().enumerate().skip(2) {
            if *l & lx::VING != 0 && s.is(i - 2, "according") && s.is(i - 1, "to") {
                *l |= lx::N | lx::COMMUNICATION;
            }
        }
        // Title case (a headline): most longer words capitalised.
        let (mut long, mut caps) = (0, 0);
        for (i, t) in s.toks.iter().enumerate() {
            if t.kind == K::Word && t.span.len() > 3 {
                long += 1;
                caps += usize::from(t.cap && cl[i] == 0);
            }
        }
        let title = long >= 3 && caps * 4 >= long * 3;
        // A capitalised modal inside a sentence is a name: `"...," Will wrote.`, "May said".
        for (i, (t, c)) in s.toks.iter().zip(cl.iter_mut()).enumerate() {
            // (A quotation mark after a comma or a full stop closes a quotation: `,"` .)
            let closing = i >= 2 && matches!(s.punct(i - 2), Some(',' | '.' | '?' | '!'));
            let opens = i == s.first
                || (i > 0 && matches!(s.punct(i - 1), Some('"' | '\u{201c}' | ':' | '(' | '—')) && !closing);
            if t.kind == K::Word && t.cap && !t.quoted && !title && !opens && *c & cw::AUX != 0 && *c & cw::NEG == 0 {
                *c = 0;
            }
        }
        // An initial is part of a name, not the article "a": "Jock A. Finlayson", "A. Okafor".
        for i in 0..n.saturating_sub(2) {
            let t = &s.toks[i];
            if t.kind == K::Word
                && t.span.len() == 1
                && t.cap
                && s.punct(i + 1) == Some('.')
                && s.toks[i + 1].span.start == t.span.end
                && s.toks[i + 2].kind == K::Word
                && s.toks[i + 2].cap
            {
                (cl[i], lex[i]) = (0, 0);
            }
        }
        let mut proper = vec![false; n];
        for i in 0..n {
            let t = &s.toks[i];
            if t.kind != K::Word || !t.cap || t.quoted || cl[i] != 0 {
                continue;
            }
            let known = lex[i] & (lx::N | lx::V | lx::ADJ | lx::ADV) != 0;
            let sentence_initial = i == s.first || (i > 0 && matches!(s.punct(i - 1), Some('"' | ':' | '(' | '—')));
            // A capitalised word the dictionary knows is a sentence capital at the start or in a
            // headline; a plural noun for people is a label for a group wherever it stands
            // ("Democrats", "Republicans").
            let group_label = lex[i] & lx::NPL != 0 && lex[i] & lx::PEOPLE_NAME != 0;
            // "an Iowa Democrat": a kind of person, capitalised.
            let people = lex[i] & lx::PEOPLE_NAME != 0;
            proper[i] = !(known && (sentence_initial || title)) && !group_label && !people;
        }
        Grammar { s, lex, cl, proper, poss, title, glue }
    }

    /// "a decade of hospital records", "in campaign filings": a plural after a bare singular
    /// noun that follows a preposition heads a compound noun; it is no verb.
    pub fn compound_plural(&self, i: usize) -> bool {
        self.lx(i) & lx::NPL != 0
            && i >= 2
            && self.word(i - 1)
            && self.c(i - 1) == 0
            && self.lx(i - 1) & lx::N != 0
            && self.lx(i - 1) & lx::NPL == 0
            && !self.s.toks[i - 1].cap
            && self.word(i - 2)
            && self.c(i - 2) & cw::PREP != 0
    }

    pub fn n(&self) -> usize {
        self.s.toks.len()
    }

    pub fn word(&self, i: usize) -> bool {
        i < self.n() && self.s.toks[i].kind == K::Word && !self.s.toks[i].quoted
    }

    pub fn is(&self, i: usize, w: &str) -> bool {
        i < self.n() && self.s.w(i) == w
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        self.s.punct(i)
    }

    pub fn lx(&self, i: usize) -> u32 {
        self.lex.get(i).copied().unwrap_or(0)
    }

    pub fn c(&self, i: usize) -> u32 {
        self.cl.get(i).copied().unwrap_or(0)
    }

    pub fn span(&self, a: usize, b: usize) -> Span {
        self.s.span(a, b)
    }

    pub(super) fn is_num(&self, i: usize) -> bool {
        i < self.n() && self.s.toks[i].kind == K::Num && !self.s.toks[i].quoted
    }

    /// A number in figures or words ("46", "two", "Twenty-four").
    pub fn numberish(&self, i: usize) -> bool {
        self.is_num(i)
            || (self.word(i) && self.c(i) & cw::NUMBER != 0)
            || (self.word(i)
                && self.s.w(i).rsplit_once('-').is_some_and(|(_, last)| {
                    cw::classes(last) & cw::NUMBER != 0 || lx::lookup(last) & lx::QUANTITY != 0
                }))
    }

    /// A figure in digits or a currency sign at `i`: where a written amount starts ("$5,800",
    /// "50 percent").
    pub(super) fn amount_start(&self, i: usize) -> bool {
        self.is_num(i) || matches!(self.punct(i), Some('$' | '£' | '€' | '¥'))
    }

    /// A period inside a name: after a title or an initial ("Mr. Hedge", "George W. Bush").
    /// A finite verb of saying or thinking at `k` that cannot be a noun ("said", "believed"): after
    /// a participle it is the participle's noun's verb ("voters polled said").
    pub(super) fn finite_cue(&self, k: usize) -> bool {
        self.word(k)
            && self.c(k) == 0
            && self.lx(k) & (lx::SAY | lx::THINK) != 0
            && self.lx(k) & (lx::VPAST | lx::V3SG) != 0
            && self.lx(k) & lx::N == 0
    }

    /// Where an aside inside a phrase opens, when `t` closes it, scanning back no further than
    /// `lo`: a parenthesis of at most `reach` tokens ("Rep. Ana Ruiz (D-N.M.) said", "Cruz
    /// (R-Texas) Wednesday, saying") or a name given in quotation marks.
    pub(super) fn aside_open(&self, t: usize, lo: usize, reach: usize) -> Option<usize> {
        if self.punct(t) == Some(')')
            && let Some(open) = (t.saturating_sub(reach).max(lo)..t).rev().find(|&j| self.punct(j) == Some('('))
            && open > lo
        {
            return Some(open);
        }
        self.quoted_name_open(t, lo)
    }

    /// Where a name given in quotation marks opens, when `t` closes it: `a site called “The
    /// Local”`, `an account called "Hypo-Cruz"`. Scans back no further than `lo`.
    fn quoted_name_open(&self, t: usize, lo: usize) -> Option<usize> {
        if !(self.s.toks[t].quoted || matches!(self.punct(t), Some('"' | '”'))) {
            return None;
        }
        let mark = (t.saturating_sub(8).max(lo + 1)..t).rev().find(|&j| matches!(self.punct(j), Some('"' | '“')))?;
        (self.word(mark - 1) && matches!(self.s.w(mark - 1), "called" | "named" | "dubbed" | "titled")).then_some(mark)
    }

    pub fn name_period(&self, i: usize) -> bool {
        if self.punct(i) != Some('.') || i == 0 || i + 1 >= self.n() {
            return false;
        }
        let prev = &self.s.toks[i - 1];
        if !prev.cap || prev.span.end != self.s.toks[i].span.start {
            return false;
        }
        // A name's closing abbreviation before a comma: "Ana Ruiz Jr., who ...".
        if self.punct(i + 1) == Some(',') && matches!(self.s.w(i - 1), "jr" | "sr" | "inc" | "co" | "corp" | "ltd") {
            return true;
        }
        if self.s.toks[i + 1].kind != K::Word {
            return false;
        }
        // An initialism ("U.S.", "D.C.") or an initial ("W."), whatever follows.
        let w = self.s.w(i - 1);
        if w.contains('.') || w.len() == 1 {
            return true;
        }
        // A name's closing abbreviation, whatever follows: "Biden Jr. said", "Acme Inc. reported".
        if matches!(w, "jr" | "sr" | "inc" | "co" | "corp" | "ltd") {
            return true;
        }
        prev.span.len() <= 4 && self.s.toks[i + 1].cap
    }

    /// Could be a premodifier or head of a noun phrase.
    fn nominal(&self, i: usize) -> bool {
        if self.is_num(i) {
            return true;
        }
        if !self.word(i) {
            return false;
        }
        let c = self.c(i);
        if c & (cw::AUX
            | cw::PREP
            | cw::SUBORD
            | cw::COORD
            | cw::REL
            | cw::PRON
            | cw::NEG
            | cw::OBJ_PRON
            | cw::POST_ADV
            | cw::ADV)
            != 0
        {
            return false;
        }
        if c & (cw::DET | cw::QUANT | cw::QUANT_PRON | cw::SOMEONE | cw::INDEFINITE) != 0 {
            return false;
        }
        let l = self.lx(i);
        // "Rather, critics said": an adverb opening the sentence is capitalised, not a name.
        if i == self.s.first && !self.proper[i] && l != 0 && l & (lx::N | lx::ADJ | lx::V) == 0 {
            return false;
        }
        if self.proper[i] || self.poss[i] || self.s.toks[i].cap {
            return true;
        }
        if l == 0 {
            // Not in the dictionary: a name, a coinage or a compound ("pro-Trump", "GOP").
            return !self.s.w(i).ends_with("ly");
        }
        // A participle premodifies only at the start or after a determiner or adjective: after a
        // plural noun it starts a clause ("narratives shaping Europe").
        let after_plural = i > 0 && self.word(i - 1) && self.lx(i - 1) & lx::NPL != 0 && !self.poss[i - 1];
        if after_plural && l & lx::VING != 0 {
            return false;
        }
        l & (lx::N | lx::ADJ) != 0 || (l & (lx::VING | lx::VPART) != 0 && self.nominal_next(i) && !after_plural)
    }

    /// A participle premodifies only what follows it ("retired generals", "opposing managers").
    fn nominal_next(&self, i: usize) -> bool {
        let j = i + 1;
        self.word(j) && (self.proper[j] || self.lx(j) & lx::N != 0 || self.lx(j) == 0) && self.c(j) == 0
    }

    /// Could head a noun phrase: a noun, a name, an unknown word, an adjective after "the".
    fn head_ok(&self, i: usize, det: Option<usize>) -> bool {
        if self.is_num(i) {
            // A bare number heads a phrase after a preposition ("four in 10", "in 2016"); as a
            // subject it needs a determiner or a quantifier's place ("the 10", "two").
            return det.is_some() || (i > 0 && self.word(i - 1) && self.c(i - 1) & cw::PREP != 0);
        }
        let l = self.lx(i);
        if self.proper[i] || self.s.toks[i].cap || l == 0 || l & lx::N != 0 {
            return true;
        }
        // "the accused", "those surveyed": an adjective or a participle standing for people.
        (l & lx::ADJ != 0 && det.is_some_and(|d| self.is(d, "the")))
            || (l & lx::VPART != 0 && det.is_some_and(|d| self.is(d, "those")))
    }

    /// The core of a noun phrase from `i`, before `limit`: its end and head.
    fn core(&self, i: usize, limit: usize) -> Option<(usize, usize, Option<usize>)> {
        let mut j = i;
        // ("about" before a number is an approximation, not a preposition: "about four in 10".)
        // ("Not everyone", "not all growers": negation of a quantifier is part of it.)
        while j < limit
            && self.word(j)
            && ((self.c(j) & cw::PREQUANT != 0
                && (self.c(j) & cw::PREP == 0 || self.numberish(j + 1) || self.c(j + 1) & cw::QUANT != 0))
                || (self.is(j, "not") && self.word(j + 1) && self.c(j + 1) & (cw::QUANT | cw::QUANT_PRON) != 0))
        {
            j += 1;
        }
        // "just about every": "about" is a preposition elsewhere.
        if j > i && j < limit && self.is(j, "about") {
            j += 1;
        }
        // A bound on a number: "at least four", "more than 40", "fewer than a dozen".
        if j + 2 < limit
            && ((self.is(j, "at") && (self.is(j + 1, "least") || self.is(j + 1, "most")))
                || (matches!(self.s.w(j), "more" | "fewer" | "less") && self.is(j + 1, "than")))
            && (self.numberish(j + 2) || self.c(j + 2) & cw::INDEFINITE != 0)
        {
            j += 2;
        }
        let mut det = None;
        let pre = j;
        while j < limit
            && ((self.word(j) && self.c(j) & (cw::DET | cw::QUANT | cw::NUMBER | cw::INDEFINITE) != 0)
                || (det.is_some() && self.is_num(j)))
        {
            det.get_or_insert(j);
            j += 1;
        }
        // ("nearly everyone", "not everyone": after a word that bounds it.)
        if j == pre && j < limit && self.word(j) && self.c(j) & (cw::QUANT_PRON | cw::SOMEONE) != 0 {
            return Some((j + 1, j, None));
        }
        // "those close to the mayor", "those familiar with the plan": the demonstrative stands for
        // the people; the adjective after it is a postmodifier.
        if j == i + 1
            && self.is(i, "those")
            && j + 1 < limit
            && self.word(j)
            && cw::insider_adjective(self.s.w(j))
            && self.c(j + 1) & cw::PREP != 0
        {
            return Some((j, i, None));
        }
        // "those surveyed", "those polled": the people a participle describes.
        if j == i + 1
            && self.is(i, "those")
            && j < limit
            && self.word(j)
            && self.c(j) == 0
            && self.lx(j) & lx::VPART != 0
            && self.lx(j) & lx::N == 0
            // (Not a participle modifying a noun: "those guarded doors".)
            && !(self.word(j + 1) && self.c(j + 1) == 0 && self.lx(j + 1) & lx::N != 0 && self.lx(j + 1) & lx::V == 0)
        {
            return Some((j + 1, j, Some(i)));
        }
        // "those over 60", "those in the room": the people a prepositional phrase describes.
        if j == i + 1 && self.is(i, "those") && j < limit && self.word(j) && self.c(j) & cw::PREP != 0 {
            return Some((j, i, None));
        }
        // "those who voted": the people a relative clause describes.
        if j == i + 1 && self.is(i, "those") && j < limit && (self.is(j, "who") || self.is(j, "whom")) {
            return Some((j, i, None));
        }
        let m = j;
        // ("42%": the sign after a figure is its noun.)
        let percent = |j: usize| self.punct(j) == Some('%') && j > 0 && self.is_num(j - 1);
        while j < limit && (self.nominal(j) || (j > m && (self.name_period(j) || self.glue[j])) || percent(j)) {
            let l = self.lx(j);
            // A past form of a verb of saying first, with no determiner, is a verb: "said crews".
            // (One that is also an adjective, not of saying, modifies the noun after it: "elected
            // officials from both parties".)
            let modifier = l & (lx::ADJ | lx::SAY) == lx::ADJ
                && self.word(j + 1)
                && self.nominal(j + 1)
                && self.lx(j + 1) & lx::N != 0;
            if j == m
                && det.is_none()
                && l & lx::VPAST != 0
                && l & (lx::SAY | lx::THINK) != 0
                && l & lx::N == 0
                && !modifier
            {
                break;
            }
            // "a report Tuesday from WKOW": a day after a noun is a time, not part of the name.
            if j > m && self.c(j) & cw::DAY != 0 {
                break;
            }
            // "people close to the mayor": an adjective of closeness with its preposition
            // follows the head; it does not extend the compound.
            if j > m && cw::insider_adjective(self.s.w(j)) && self.word(j + 1) && self.c(j + 1) & cw::PREP != 0 {
                break;
            }
            // A direction with "of" after a noun starts a postmodifier: "a farmer east of
            // Orville", "residents north of the river" (a place that is also an adverb).
            if j > m && self.is(j + 1, "of") && l & (lx::ADV | lx::PLACE) == lx::ADV | lx::PLACE && !self.s.toks[j].cap
            {
                break;
            }
            // After a noun, a past form that is no noun is the verb: "a bill faced ...". (Not a
            // participle right before a finite verb of saying: "Cuban-Americans polled said".)
            let before_cue = self.finite_cue(j + 1) && l & lx::VPART != 0;
            if j > m
                && l & lx::VPAST != 0
                && l & lx::N == 0
                && !self.s.toks[j].cap
                && self.lx(j - 1) & lx::N != 0
                && !before_cue
            {
                break;
            }
            // ... and a participle before a preposition or "as" starts a postmodifier: "the base
            // chief known as Bob", "officials based in Kabul".
            if j > m
                && l & lx::VPART != 0
                && l & lx::N == 0
                && !self.s.toks[j].cap
                && self.lx(j - 1) & lx::N != 0
                && self.word(j + 1)
                && (self.c(j + 1) & cw::PREP != 0 || self.is(j + 1, "as"))
            {
                break;
            }
            j += 1;
        }
        if j == m {
            // A quantifier or number standing alone: "Some say", "many of them", "two said".
            let d = det?;
            let last = j - 1;
            // "either," closing a clause is an adverb.
            if d == last && (self.is(d, "either") || self.is(d, "neither")) && self.punct(j).is_some() {
                return None;
            }
            if self.c(last) & (cw::QUANT | cw::NUMBER | cw::INDEFINITE) != 0 || self.is_num(last) {
                return Some((j, last, Some(d)));
            }
            return None;
        }
        let mut head = j - 1;
        while head > m && (self.name_period(head) || self.glue[head]) {
            head -= 1;
        }
        if !self.head_ok(head, det) {
            return None;
        }
        Some((j, head, det))
    }

    /// Whether `a..b` is exactly one noun phrase.
    pub fn np(&self, a: usize, b: usize) -> Option<Np> {
        self.np_with(a, b, false)
    }

    /// [`Grammar::np`]; `reduced` also takes any participle with a preposition as a postmodifier
    /// ("a poll released on Friday by Latino Decisions"). Only where the phrase cannot be a
    /// clause's subject and verb, that is after "according to" or an inverted verb: on the left
    /// of a verb "Clinton met with workers" is a clause.
    pub fn np_with(&self, a: usize, b: usize, reduced: bool) -> Option<Np> {
        if a >= b || b > self.n() {
            return None;
        }
        if b == a + 1 && self.word(a) && self.c(a) & cw::PRON != 0 {
            return Some(Np { a, b, head: a, core_a: a, ..Np::default() });
        }
        // "no one"
        if b >= a + 2 && self.is(a, "no") && self.is(a + 1, "one") && b == a + 2 {
            return Some(Np { a, b, head: a + 1, core_a: a, det: Some(a), ..Np::default() });
        }
        let (mut j, head, det) = self.core(a, b)?;
        let mut np = Np { a, b, head, core_a: a, det, ..Np::default() };
        while j < b {
            let c = self.c(j);
            if self.word(j) && c & cw::REL != 0 && j + 1 < b && !(self.is(j, "that") && self.nominal(j + 1)) {
                // A relative clause runs to the end, within its clause.
                if (j + 1..b).any(|k| matches!(self.punct(k), Some(',' | ';' | ':' | '—' | '"'))) {
                    return None;
                }
                np.rel = true;
                break;
            }
            // A relative clause without its pronoun: "people I have spoken with", "officials we
            // interviewed" (a subject pronoun, then its verb, to the end).
            // (People, counted or several: not "a kid I felt like", "the meeting he could get into".)
            let people = |h: usize| self.lx(h) & (lx::PERSON | lx::GROUP) != 0 && self.plural(h);
            if self.word(j)
                && c & cw::PRON != 0
                && !self.is(j, "it")
                && (people(np.head)
                    || self.c(np.head) & cw::QUANT_PRON != 0
                    || np.pp.is_some_and(|(p, _, _, oh)| self.is(p, "of") && people(oh)))
                && (j + 1..b).all(|k| self.word(k))
                && (j + 1..b).any(|k| self.c(k) == 0 && self.lx(k) & lx::V != 0)
            {
                np.rel = true;
                break;
            }
            // Named by a participle: "a news site called The Local", "a group named “Open Door”".
            if self.word(j) && matches!(self.s.w(j), "called" | "named" | "dubbed") && j + 1 < b {
                let name = |k: usize| {
                    self.s.toks[k].quoted
                        || self.proper[k]
                        || self.punct(k).is_some_and(|p| matches!(p, '"' | '“' | '”'))
                };
                if name(j + 1) {
                    let mut k = j + 1;
                    while k < b && name(k) {
                        k += 1;
                    }
                    np.appositive_name = true;
                    j = k;
                    continue;
                }
            }
            // An infinitive or an -ing clause after the head, to the end: "the last man to mount
            // a third-party race", "activists clamoring to block him", "voters living in Ohio".
            let infinitive = self.is(j, "to") && self.word(j + 1) && self.c(j + 1) == 0 && self.lx(j + 1) & lx::V != 0;
            let ing = self.word(j)
                && c == 0
                && self.lx(j) & lx::VING != 0
                // ("activists clamoring to": after a plural, an -ing form starts a clause.)
                && (self.lx(j) & lx::N == 0 || self.plural(j - 1))
                && self.word(j + 1)
                && (self.c(j + 1) & (cw::PREP | cw::DET | cw::POSS) != 0 || self.is(j + 1, "to"));
            if (infinitive || ing)
                && j > np.head
                && self.person_or_group(np.head)
                && (j + 1..b).all(|k| self.word(k) || self.name_period(k) || self.glue[k])
            {
                np.rel = true;
                break;
            }
            // A role, then the name it belongs to: "Vatican spokesman the Rev. Ana Ruiz".
            if j == np.head + 1
                && self.is(j, "the")
                && self.lx(np.head) & lx::PERSON != 0
                && j + 1 < b
                && self.s.toks[j + 1].cap
                && let Some((e, h, _)) = self.core(j + 1, b)
                && self.proper[h]
            {
                np.appositive_name = true;
                j = e;
                continue;
            }
            if self.word(j) && c & cw::PREP != 0 {
                // A pronoun object: "many of you", "some of them".
                if j + 1 < b && self.word(j + 1) && self.c(j + 1) & (cw::PRON | cw::OBJ_PRON) != 0 {
                    if np.pp.is_none() {
                        np.pp = Some((j, j + 1, j + 2, j + 1));
                    }
                    j += 2;
                    continue;
                }
                let (e, h, _) = self.core(j + 1, b)?;
                if matches!(self.s.w(j), "at" | "from" | "for" | "by") && self.names_organisation(j + 1, e) {
                    np.org_pp = true;
                }
                // Examples given by name: "candidates like Ana Ruiz and Tom Bell".
                if matches!(self.s.w(j), "like" | "including") && self.proper[h] {
                    np.appositive_name = true;
                }
                // "officials with knowledge of the audit"
                if self.is(j, "with")
                    && self.lx(h) & lx::COGNITION != 0
                    && self.lx(h) & lx::PERSON == 0
                    && !self.proper[h]
                {
                    np.insider = true;
                }
                if np.pp.is_none() {
                    np.pp = Some((j, j + 1, e, h));
                }
                j = e;
                continue;
            }
            let l = self.lx(j);
            // A bare participle closing the phrase: "56 percent of voters polled", "residents
            // interviewed" (a reduced relative clause, just before the verb).
            if j + 1 == b
                && self.finite_cue(b)
                && self.word(j)
                && c == 0
                && l & lx::VPART != 0
                && l & lx::N == 0
                && !self.s.toks[j].cap
            {
                j += 1;
                continue;
            }
            // A participle with its day or time: "a poll released Saturday", "a report published
            // Monday by the board", "a survey taken last week", "residents interviewed on Monday
            // said" (a prepositional phrase may follow).
            if self.word(j)
                && c == 0
                && l & lx::VPART != 0
                && !self.s.toks[j].cap
                && j > np.head
                && let Some(t) = self.time_after(j + 1)
            {
                j = t;
                continue;
            }
            // Nearness as a postmodifier, with or without "to": "households nearest the campus",
            // "families closest to the plant". (All four are adverbs in the dictionary: one bit
            // test before the words.)
            if j > np.head
                && self.word(j)
                && self.lx(j) & lx::ADV != 0
                && let Some((k, e, h)) = self.nearness(j, b)
            {
                if np.pp.is_none() {
                    np.pp = Some((j, k, e, h));
                }
                j = e;
                continue;
            }
            // Postmodifier: "familiar with", "close to", "briefed on", "involved in", "known as".
            if self.word(j)
                // (Any participle with its agent: "a survey conducted by Gallup".)
                && (l & lx::ADJ != 0
                    || (l & lx::VPART != 0 && (reduced || l & (lx::SAY | lx::THINK) != 0 || self.is(j + 1, "by"))))
                && self.word(j + 1)
                && (self.c(j + 1) & cw::PREP != 0 || (l & lx::VPART != 0 && self.is(j + 1, "as")))
            {
                // ("close to him": a pronoun object.)
                let pronoun =
                    self.c(j + 2) & (cw::PRON | cw::OBJ_PRON) != 0 || (self.is(j + 2, "her") && !self.nominal(j + 3));
                let (e, h) = if self.word(j + 2) && pronoun {
                    (j + 3, j + 2)
                } else {
                    let (e, h, _) = self.core(j + 2, b)?;
                    (e, h)
                };
                // Knowledge or closeness: "familiar with", "close to", "briefed on"; a plain
                // participle is a reduced clause ("polls conducted for the network").
                np.insider |= cw::insider_adjective(self.s.w(j));
                // ("video credited to Reuters": credit names the maker; "provided to the Post"
                // names a recipient, so only these two participles take "to".)
                let credit = matches!(self.s.w(j), "credited" | "attributed") && self.is(j + 1, "to");
                if (credit || matches!(self.s.w(j + 1), "at" | "from" | "for" | "by"))
                    && self.names_organisation(j + 2, e)
                {
                    np.org_pp = true;
                }
                if np.pp.is_none() {
                    np.pp = Some((j + 1, j + 2, e, h));
                }
                j = e;
                continue;
            }
            if self.punct(j) == Some('(') {
                // A parenthesis inside a name: "Sen. Kristen Gillibrand (D-NY)".
                let close = (j + 1..b).find(|&k| self.punct(k) == Some(')'))?;
                j = close + 1;
                continue;
            }
            if self.word(j) && c & cw::COORD != 0 && !self.is(j, "but") {
                // Coordinated prepositional phrases: "observers in Ohio and around the country".
                if np.pp.is_some() && self.word(j + 1) && self.c(j + 1) & cw::PREP != 0 {
                    j += 1;
                    continue;
                }
                let (e, h, d) = self.core(j + 1, b)?;
                // After a prepositional phrase, the coordination is its object's: "polls in
                // Iowa and Ohio".
                if np.pp.is_some() {
                    j = e;
                    continue;
                }
                np.coord = true;
                np.coord_named |= self.name_like(h, d) || self.name_like(np.head, np.det);
                // The head of a coordination: the people if either side has them.
                if self.person_or_group(h) && !self.person_or_group(np.head) {
                    np.head = h;
                }
                j = e;
                continue;
            }
            if self.word(j) && c & (cw::POST_ADV | cw::DAY) != 0 {
                j += 1;
                continue;
            }
            if self.punct(j) == Some(',') {
                // An appositive or a non-restrictive clause, closed by a comma or the end.
                let k = (j + 1..b).find(|&k| self.punct(k) == Some(',')).unwrap_or(b);
                if k == j + 1 {
                    return None;
                }
                // A relative clause, or a participle phrase: ", led by Terry Sullivan,".
                let participle = self.word(j + 1)
                    && self.c(j + 1) == 0
                    && self.lx(j + 1) & lx::VPART != 0
                    && self.word(j + 2)
                    && self.c(j + 2) & cw::PREP != 0;
                if self.word(j + 1) && self.c(j + 1) & cw::REL != 0 || participle {
                    np.rel = true;
                } else if self.is(j + 1, "including") || self.is(j + 1, "like") {
                    let inner = self.np(j + 2, k)?;
                    if self.proper[inner.head] {
                        np.appositive_name = true;
                    }
                } else if k == j + 2 && self.c(j + 1) & cw::PRON != 0 {
                    // A pronoun is no appositive: "by name, he" opens the next clause.
                    return None;
                } else if let Some(inner) = self.np(j + 1, k) {
                    // An appositive renames its head: people do not rename a thing ("that view,
                    // the authors": two phrases, not one).
                    // ("Sexton, a professor": a capitalised head with no article is a name.)
                    if self.person_or_group(inner.head)
                        && !self.person_or_group(np.head)
                        && !self.proper[np.head]
                        && !self.name_like(np.head, np.det)
                    {
                        return None;
                    }
                    // (A capitalised singular with no article after the comma is a name, even a
                    // word for a people: "A self-professed independent, Cuban said".)
                    let bare_cap_one = inner.a == inner.head
                        && self.s.toks[inner.head].cap
                        && self.lx(inner.head) & lx::NPL == 0
                        && inner.det.is_none();
                    if self.proper[inner.head] || bare_cap_one {
                        np.appositive_name = true;
                    }
                } else if !((self.nominal(j + 1) || self.c(j + 1) & (cw::DET | cw::POSS | cw::INDEFINITE) != 0)
                    && self.nominal(k - 1))
                {
                    return None;
                }
                j = if k < b { k + 1 } else { b };
                continue;
            }
            return None;
        }
        // A partitive: "a handful of stallholders", "a majority of members": the people are the head.
        if let Some((p, oa, _, oh)) = np.pp
            && self.is(p, "of")
            && p == np.head + 1
            // ("three of four voters" is a poll's share, below.)
            && !(self.numberish(np.head) && self.numberish(oa))
            // ("one of the prosecutors", "two of his aides": an exact count singles out unnamed
            // people; "dozens of", "a handful of" stay a crowd.)
            && !(self.is(np.head, "one")
                || self.is_num(np.head)
                || (self.c(np.head) & cw::NUMBER != 0 && !self.s.w(np.head).ends_with('s') && !self.is(np.head, "dozen")))
            && ((self.lx(np.head) & lx::QUANTITY != 0
                // "a couple of growers", "a crowd of protesters": a group word counts people too.
                && (self.lx(np.head) & (lx::PERSON | lx::GROUP) == 0
                    || (self.lx(np.head) & lx::PERSON == 0 && self.plural(oh) && self.lx(oh) & lx::PERSON != 0)))
                // "a younger generation of activists", "a group of parents": a word for a group
                // that is no body of its own (no organisation, no name) is the people it holds.
                || (self.lx(np.head) & (lx::GROUP | lx::ORG | lx::PERSON) == lx::GROUP
                    && !self.s.toks[np.head].cap
                    && self.plural(oh)
                    && self.lx(oh) & lx::PERSON != 0))
        {
            np.head = oh;
            np.partitive = true;
            np.pp = None;
        }
        Some(np)
    }

    /// A name: a proper noun, or a capitalised singular with no determiner ("Edwards", "Trump").
    pub(super) fn name_like(&self, i: usize, det: Option<usize>) -> bool {
        let people = self.lx(i) & (lx::PEOPLE_NAME | lx::PERSON) != 0;
        self.proper[i]
            || (self.s.toks[i].cap && det.is_none() && !(people && self.plural(i)) && !self.title && self.c(i) == 0)
    }

    pub fn person_or_group(&self, i: usize) -> bool {
        self.lx(i) & (lx::PERSON | lx::GROUP | lx::ORG) != 0
            || self.c(i) & (cw::QUANT | cw::QUANT_PRON | cw::SOMEONE) != 0
    }

    /// A plural noun or a name standing for several ("Democrats").
    pub fn plural_noun(&self, i: usize) -> bool {
        self.plural(i)
            || self.is(i, "those")
            // "four in 10 say", "42% say", "46 percent say": a count or share of several.
            || (self.numberish(i) && !self.is(i, "one") && !self.is(i, "1"))
            || (i > 0 && self.numberish(i - 1) && (self.is(i, "percent") || self.punct(i) == Some('%')))
            || self.c(i) & (cw::QUANT | cw::QUANT_PRON) != 0
            || self.c(i) & cw::PRON != 0 && !self.is(i, "he") && !self.is(i, "she") && !self.is(i, "it")
    }

    pub(super) fn plural(&self, i: usize) -> bool {
        self.lx(i) & lx::NPL != 0 || self.s.toks[i].flags & flags::IRREGULAR_PLURAL != 0 || self.is(i, "people")
    }

    /// "nearest the campus", "closest to the plant" at `j`, before `b`: where the object starts,
    /// where it ends, and its head. (Out of line: rare, and the phrase loop stays small.)
    #[inline(never)]
    fn nearness(&self, j: usize, b: usize) -> Option<(usize, usize, usize)> {
        if !matches!(self.s.w(j), "nearest" | "closest" | "nearer" | "closer") {
            return None;
        }
        let k = if self.is(j + 1, "to") { j + 2 } else { j + 1 };
        let (e, h, _) = self.core(k, b)?;
        Some((k, e, h))
    }
}
