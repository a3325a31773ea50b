//! The word lists behind the attribution model, compiled in from `data/` and matched once.
//!
//! Multi-word lists (vague phrases, anonymous-source formulas, anonymity reasons, causal and record
//! cues) become [`Phrases`]: word sequences filed under their first word, matched token by token
//! where a sentence's token starts one (see [`super::sentence`]). Single words, from the data lists and from the closed-class
//! tables in [`super::closed`] (determiners, prepositions, ...), go into one map from the word to
//! the [`flags`] of every list it is in: each token is looked up once, when it is made, and the
//! analysis then tests bits instead of comparing and hashing strings.
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;

const VAGUE: &str = include_str!("../../data/vague_phrases.txt");
const ANONYMOUS: &str = include_str!("../../data/anonymous_sources.txt");
const CLAIM: &str = include_str!("../../data/claim_cues.txt");
const SOURCES: &str = include_str!("../../data/source_nouns.txt");

/// What a phrase in the automaton signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    Vague,
    Anonymous,
    Reason,
    Causal,
    Record,
    ChangeStrong,
    Percent,
    /// An attribution adverb ("reportedly", "allegedly").
    VagueAdverb,
    /// A fraction in words ("a third", "two-thirds").
    Fraction,
}

/// The single-word lists a word belongs to, as bits of [`Lists::words`].
pub mod flags {
    // Reporting-verb forms, and lists of `data/*.txt`.
    pub const REPORT: u64 = 1;
    pub const OPINION: u64 = 1 << 1;
    pub const PASSIVE: u64 = 1 << 2;
    pub const SPELLED: u64 = 1 << 3;
    pub const SUPERLATIVE: u64 = 1 << 4;
    pub const VAGUE_SUBJECT: u64 = 1 << 5;
    pub const QUANTIFIER: u64 = 1 << 6;
    pub const SOURCE_NOUN: u64 = 1 << 7;
    pub const SOURCE_MODIFIER: u64 = 1 << 8;
    pub const ANON_HEAD: u64 = 1 << 9;
    pub const DOCUMENT: u64 = 1 << 10;
    pub const ORGANISATION: u64 = 1 << 11;
    pub const NOT_AFTER_MOST: u64 = 1 << 12;
    pub const CHANGE: u64 = 1 << 13;
    pub const SCALE: u64 = 1 << 14;
    pub const CURRENCY: u64 = 1 << 15;
    pub const TIME_UNIT: u64 = 1 << 16;
    pub const IDENTIFIER: u64 = 1 << 17;
    pub const NEVER_NAMED: u64 = 1 << 18;
    pub const IRREGULAR_PLURAL: u64 = 1 << 19;
    pub const APPROXIMATOR: u64 = 1 << 20;
    pub const RATE: u64 = 1 << 21;
    pub const OFFICIAL_ACTION: u64 = 1 << 22;
    pub const PLAN: u64 = 1 << 23;
    /// The first word of a multi-word quantifier ("a" of "a number of").
    pub const GROUP_QUANTIFIER_START: u64 = 1 << 24;
    // The closed-class tables of `sentence.rs`.
    pub const DETERMINER: u64 = 1 << 32;
    pub const DEFINITE: u64 = 1 << 33;
    pub const PREP: u64 = 1 << 34;
    pub const BE: u64 = 1 << 35;
    pub const AUX_ADV: u64 = 1 << 36;
    pub const PRONOUN: u64 = 1 << 37;
    pub const CLAUSE: u64 = 1 << 38;
    pub const EVIDENCE: u64 = 1 << 39;
    pub const NOUNISH: u64 = 1 << 40;
    pub const CONTINUATION: u64 = 1 << 41;
    pub const MONTH: u64 = 1 << 42;
    pub const MODAL: u64 = 1 << 43;
    pub const DUE_TO_VERB: u64 = 1 << 44;
    pub const ANON_DET: u64 = 1 << 45;
    pub const OBJECT_TAKING: u64 = 1 << 46;
    pub const DIRECTION: u64 = 1 << 47;
    pub const MAKE: u64 = 1 << 48;
}

/// `[section]`-headed lists: blank lines and `#` comments skipped, entries lowercased.
pub(crate) fn sections(text: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    let mut map: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    let mut current = "";
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
            map.entry(current).or_default();
        } else {
            map.entry(current).or_default().push(line);
        }
    }
    map
}

/// The phrases of the multi-word lists, as words, filed under their first word.
///
/// A phrase matches a sentence where its words are the sentence's tokens, one for one: the same
/// matches, in the same order, as an Aho-Corasick automaton over the sentence's normalised string
/// kept to token edges (which this replaced: building that automaton cost about 5 M instructions
/// in every process, a third of a millisecond and more, and scanning it more than this does).
pub(crate) struct Phrases {
    /// Each phrase's words, normalised as tokens are, in list order (a phrase's id is its index).
    pub words: Vec<Box<[String]>>,
    /// Each phrase's cue.
    pub cues: Vec<Cue>,
    /// The ids of the phrases that start with a word, in list order; a word's
    /// [`WordEntry::phrases`] is one more than its index here.
    pub starts: Vec<Vec<u32>>,
}

impl Phrases {
    /// The ids of the phrases that start with the word whose entry gave `phrases`.
    #[inline]
    pub fn starting(&self, phrases: u32) -> &[u32] {
        match phrases.checked_sub(1) {
            Some(k) => &self.starts[k as usize],
            None => &[],
        }
    }

    /// Every phrase among `words` (token texts; `start[k]` is [`WordEntry::phrases`] of word `k`)
    /// as (cue, first token, end token), ordered by end, then start, then list order, the order
    /// an overlapping Aho-Corasick scan reports them in.
    pub fn find<'w>(
        &self,
        n: usize,
        word: impl Fn(usize) -> &'w str,
        start: impl Fn(usize) -> u32,
        out: &mut Vec<(Cue, usize, usize)>,
    ) {
        let from = out.len();
        for i in 0..n {
            for &id in self.starting(start(i)) {
                let ws = &self.words[id as usize];
                if i + ws.len() <= n && ws.iter().enumerate().skip(1).all(|(k, w)| word(i + k) == w) {
                    out.push((self.cues[id as usize], i, i + ws.len()));
                }
            }
        }
        // Found by start, then list order; a stable sort by end keeps those within an end.
        out[from..].sort_by_key(|h| h.2);
    }
}

/// What the word table knows of one word.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub(crate) struct WordEntry {
    /// The [`flags`] of the lists it is in.
    pub flags: u64,
    /// Its closed classes ([`super::extract::words::classes`]).
    pub closed: u32,
    /// One more than the index of the phrases it starts in [`Phrases::starts`]; 0 if none.
    pub phrases: u32,
}

pub(crate) struct Lists {
    pub phrases: Phrases,
    /// Every listed single word and every first word of a phrase ([`WordEntry`]). Hashed with
    /// FxHash: the keys are our own short words, and SipHash's flooding defence costs more than
    /// the lookup.
    pub words: FxHashMap<String, WordEntry>,
    /// For each first byte, bit `min(len, 31)` is set if some key of [`Lists::words`] starts with
    /// that byte and has that length: most tokens (punctuation, numbers, long or rare words) are
    /// ruled out by this one load, without hashing.
    pub key_shapes: [u32; 256],
    /// Multi-word quantifiers, as word sequences ("a number of").
    pub group_quantifiers: Vec<Vec<&'static str>>,
}

/// The single words (entries without a space) of list `key`.
fn single_words<'a>(
    map: &'a HashMap<&'static str, Vec<&'static str>>,
    key: &str,
) -> impl Iterator<Item = &'static str> + 'a {
    map.get(key).into_iter().flatten().copied().filter(|w| !w.contains(' '))
}

/// The bit of a key length in [`Lists::key_shapes`].
fn shape_bit(len: usize) -> u32 {
    1 << len.min(31)
}

impl Lists {
    /// The [`flags`] of `word` (lowercase, as in a sentence's normalised string); 0 if unlisted.
    #[inline]
    /// Whether `words` are exactly a phrase of the lists with cue `cue`.
    pub fn is_phrase(&self, words: &[&str], cue: Cue) -> bool {
        let Some(first) = words.first() else { return false };
        let p = &self.phrases;
        p.starting(self.word_entry(first).phrases).iter().any(|&id| {
            p.cues[id as usize] == cue && p.words[id as usize].iter().map(String::as_str).eq(words.iter().copied())
        })
    }

    pub fn word_flags(&self, word: &str) -> u64 {
        self.word_entry(word).flags
    }

    /// What the table knows of `word`: its [`flags`], closed classes and phrases, from one
    /// lookup; all zero if unlisted.
    #[inline]
    pub fn word_entry(&self, word: &str) -> WordEntry {
        match word.as_bytes().first() {
            Some(&b) if self.key_shapes[b as usize] & shape_bit(word.len()) == 0 => WordEntry::default(),
            _ => self.words.get(word).copied().unwrap_or_default(),
        }
    }
}

/// Build a whole-phrase automaton (ASCII case-insensitive) over lowercase patterns.
pub(crate) fn automaton<S: AsRef<str>>(patterns: &[S]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(patterns.iter().map(|p| normalise_phrase(p.as_ref())))
        .expect("word-list automaton builds")
}

/// A phrase as it appears in a sentence's normalised token string: lowercase, single spaces,
/// typographic apostrophes as `'`.
pub(crate) fn normalise_phrase(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for w in p.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

pub(crate) static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let vague = sections(VAGUE);
    let anon = sections(ANONYMOUS);
    let claim = sections(CLAIM);
    let sources = sections(SOURCES);
    let mut patterns: Vec<String> = Vec::new();
    let mut cues = Vec::new();
    let mut add = |list: Option<&Vec<&'static str>>, cue: Cue, multi_only: bool| {
        for p in list.into_iter().flatten() {
            if !multi_only || p.contains(' ') {
                patterns.push(p.to_string());
                cues.push(cue);
                // The contraction reads the same: "it's often said" as "it is often said".
                if let Some(rest) = p.strip_prefix("it is ") {
                    patterns.push(format!("it's {rest}"));
                    cues.push(cue);
                }
            }
        }
    };
    add(vague.get("phrases"), Cue::Vague, false);
    add(vague.get("adverbs"), Cue::VagueAdverb, false);
    add(claim.get("fractions"), Cue::Fraction, false);
    add(anon.get("phrases"), Cue::Anonymous, false);
    add(anon.get("reasons"), Cue::Reason, false);
    add(claim.get("causal"), Cue::Causal, false);
    add(claim.get("record"), Cue::Record, false);
    add(claim.get("change-strong"), Cue::ChangeStrong, false);
    add(claim.get("percent"), Cue::Percent, false);
    // The phrases as words, normalised as tokens are (lowercase, `'` for `’`).
    let phrase_words: Vec<Box<[String]>> =
        patterns.iter().map(|p| normalise_phrase(p).split(' ').map(String::from).collect()).collect();
    // Two-word heads ("loan officer") are matched by their last word.
    let mut anon_heads: HashSet<String> =
        anon.get("heads").into_iter().flatten().filter_map(|h| h.rsplit(' ').next()).map(String::from).collect();
    // Plurals, for "two officials", "three councillors".
    let plurals: Vec<String> = anon_heads
        .iter()
        .filter(|h| !h.ends_with('s') && !matches!(h.as_str(), "person" | "someone" | "individual"))
        .map(|h| format!("{h}s"))
        .collect();
    anon_heads.extend(plurals);

    // Single words, each once, tagged with every list it is in.
    let mut words: FxHashMap<String, WordEntry> = FxHashMap::default();
    let mut tag = |list: &mut dyn Iterator<Item = &str>, bit: u64| {
        for w in list {
            words.entry(w.to_string()).or_default().flags |= bit;
        }
    };
    // Verb forms, numbers and superlatives were once patterns of the phrase automaton, and are
    // normalised as its patterns are.
    let normalised = |words: &mut dyn Iterator<Item = &'static str>| -> Vec<String> {
        words.filter(|w| !w.contains(' ')).map(normalise_phrase).collect()
    };
    for (words, bit) in [
        (normalised(&mut crate::document::lexicon::reporting_verb_forms()), flags::REPORT),
        (normalised(&mut single_words(&vague, "opinion-verbs")), flags::OPINION),
        (normalised(&mut single_words(&vague, "passive")), flags::PASSIVE),
        (normalised(&mut single_words(&claim, "spelled-numbers")), flags::SPELLED),
        (normalised(&mut single_words(&claim, "superlatives")), flags::SUPERLATIVE),
    ] {
        tag(&mut words.iter().map(String::as_str), bit);
    }
    // The other lists are compared with tokens as they are written in the files.
    tag(&mut single_words(&vague, "subjects"), flags::VAGUE_SUBJECT);
    tag(&mut single_words(&vague, "quantifiers"), flags::QUANTIFIER);
    tag(&mut single_words(&vague, "source-nouns"), flags::SOURCE_NOUN);
    tag(&mut single_words(&vague, "source-modifiers"), flags::SOURCE_MODIFIER);
    tag(&mut anon_heads.iter().map(String::as_str), flags::ANON_HEAD);
    tag(&mut single_words(&sources, "documents"), flags::DOCUMENT);
    tag(&mut single_words(&sources, "organisations"), flags::ORGANISATION);
    tag(&mut single_words(&claim, "not-superlative-after-most"), flags::NOT_AFTER_MOST);
    tag(&mut single_words(&claim, "change"), flags::CHANGE);
    tag(&mut single_words(&claim, "scale"), flags::SCALE);
    tag(&mut single_words(&claim, "currency-words"), flags::CURRENCY);
    tag(&mut single_words(&claim, "time-units"), flags::TIME_UNIT);
    tag(&mut single_words(&claim, "identifier-words"), flags::IDENTIFIER);
    tag(&mut single_words(&vague, "never-named"), flags::NEVER_NAMED);
    tag(&mut single_words(&claim, "irregular-plurals"), flags::IRREGULAR_PLURAL);
    tag(&mut single_words(&claim, "approximators"), flags::APPROXIMATOR);
    tag(&mut single_words(&claim, "rate-words"), flags::RATE);
    tag(&mut single_words(&claim, "official-actions"), flags::OFFICIAL_ACTION);
    tag(&mut single_words(&claim, "plan-words"), flags::PLAN);
    let group_quantifiers: Vec<Vec<&'static str>> =
        vague.get("group-quantifiers").into_iter().flatten().map(|p| p.split_whitespace().collect()).collect();
    tag(&mut group_quantifiers.iter().filter_map(|q| q.first().copied()), flags::GROUP_QUANTIFIER_START);
    use super::closed as st;
    for (table, bit) in [
        (st::DETERMINERS, flags::DETERMINER),
        (st::DEFINITE, flags::DEFINITE),
        (st::PREPS, flags::PREP),
        (st::BE, flags::BE),
        (st::AUX_ADV, flags::AUX_ADV),
        (st::PRONOUNS, flags::PRONOUN),
        (st::CLAUSE, flags::CLAUSE),
        (st::EVIDENCE, flags::EVIDENCE),
        (st::NOUNISH, flags::NOUNISH),
        (st::CONTINUATION, flags::CONTINUATION),
        (st::MONTHS, flags::MONTH),
        (st::MODALS, flags::MODAL),
        (st::DUE_TO_VERBS, flags::DUE_TO_VERB),
        (st::ANON_DETS, flags::ANON_DET),
        (st::OBJECT_TAKING, flags::OBJECT_TAKING),
        (st::DIRECTIONS, flags::DIRECTION),
        (st::MAKE, flags::MAKE),
    ] {
        tag(&mut table.iter().copied(), bit);
    }
    // The grammar's closed classes, so that a token's one lookup gives both.
    for (w, classes) in super::extract::words::closed_words() {
        words.entry(w.to_string()).or_default().closed |= classes;
    }
    // Each phrase filed under its first word, in list order.
    let mut starts: Vec<Vec<u32>> = Vec::new();
    for (id, ws) in phrase_words.iter().enumerate() {
        let entry = words.entry(ws[0].clone()).or_default();
        if entry.phrases == 0 {
            starts.push(Vec::new());
            entry.phrases = starts.len() as u32;
        }
        starts[entry.phrases as usize - 1].push(id as u32);
    }
    let phrases = Phrases { words: phrase_words, cues, starts };
    let mut key_shapes = [0u32; 256];
    for w in words.keys() {
        if let Some(&b) = w.as_bytes().first() {
            key_shapes[b as usize] |= shape_bit(w.len());
        }
    }
    Lists { phrases, words, key_shapes, group_quantifiers }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_file_has_its_sections() {
        let l = &*LISTS;
        let word = |w: &str| l.word_flags(w);
        assert_eq!(word("experts"), flags::VAGUE_SUBJECT | flags::SOURCE_NOUN);
        assert_ne!(word("various") & flags::QUANTIFIER, 0);
        assert_eq!(word("believed"), flags::PASSIVE | flags::OPINION);
        assert_eq!(word("said"), flags::REPORT | flags::PASSIVE);
        assert_eq!(word("largest"), flags::SUPERLATIVE);
        assert_ne!(word("official") & word("officer") & word("officials") & flags::ANON_HEAD, 0);
        assert_ne!(word("years") & flags::TIME_UNIT, 0);
        assert_ne!(word("memo") & flags::DOCUMENT, 0);
        assert_eq!(word("of"), flags::PREP | flags::NOT_AFTER_MOST);
        assert_eq!(word("the"), flags::DETERMINER | flags::DEFINITE);
        assert_eq!(word("unlisted"), 0);
        assert_eq!(l.phrases.cues.len(), l.phrases.words.len());
        assert!(l.phrases.cues.contains(&Cue::Reason) && l.phrases.cues.contains(&Cue::Causal));
    }

    /// The phrases as an Aho-Corasick automaton over a sentence's normalised string, matches kept
    /// to token edges: what [`Phrases::find`] replaced, and must agree with.
    fn automaton_hits(s: &crate::attribution::tokens::Sent) -> Vec<(Cue, usize, usize)> {
        let l = &*LISTS;
        let patterns: Vec<String> = l.phrases.words.iter().map(|w| w.join(" ")).collect();
        let ac = AhoCorasickBuilder::new().match_kind(MatchKind::Standard).build(&patterns).expect("builds");
        ac.find_overlapping_iter(s.norm.as_str())
            .filter_map(|m| {
                s.token_range(m.start(), m.end()).map(|(a, b)| (l.phrases.cues[m.pattern().as_usize()], a, b))
            })
            .collect()
    }

    #[test]
    fn phrases_match_as_the_automaton_did_in_the_same_order() {
        use crate::attribution::tokens::Sent;
        use crate::text::Span;
        // Sentences of our own where phrases overlap, nest, share an end or repeat, and every
        // paragraph of the sample and the test articles.
        let mut texts: Vec<String> = vec![
            "It is widely believed, and it's often said, that the levy was driven by the storm and led to the closure."
                .into(),
            "Critics say critics say some say it is said that it is said that.".into(),
            "The rise stems directly from the levy; the fall was due largely to the rain, a third of it.".into(),
        ];
        for text in [
            include_str!("../../examples/city-budget.md"),
            include_str!("../../tests/corpus/01-local-fenwick-water-main.md"),
            include_str!("../../tests/corpus/02-uk-university-job-cuts.md"),
            include_str!("../../tests/corpus/03-wire-lisbon-port-strike.md"),
            include_str!("../../tests/corpus/04-release-tallyfold-launch.txt"),
            include_str!("../../tests/corpus/05-science-teen-sleep-study.md"),
            include_str!("../../tests/corpus/06-business-harrow-vine-earnings.md"),
            include_str!("../../tests/corpus/07-council-marrinup-rates.md"),
            include_str!("../../tests/corpus/08-court-tanner-street-arson.md"),
            include_str!("../../tests/corpus/09-sports-comets-home-opener.md"),
            include_str!("../../tests/corpus/10-obituary-hilde-brannock.md"),
            include_str!("../../tests/corpus/11-encyclopedic-aldermoor-viaduct.md"),
            include_str!("../../tests/corpus/12-explainer-brackwater-congestion-fee.md"),
            include_str!("../../tests/corpus/13-wiki-town-kelmsworth.md"),
            include_str!("../../tests/corpus/14-wiki-scientist-thorvald.md"),
            include_str!("../../tests/corpus/15-wire-politics-riga.md"),
            include_str!("../../tests/corpus/16-wire-economy-lagos.md"),
            include_str!("../../tests/corpus/17-wire-health-dengue.md"),
            include_str!("../../tests/corpus/18-wire-disaster-nepal.md"),
            include_str!("../../tests/corpus/19-uk-local-library.md"),
            include_str!("../../tests/corpus/20-us-feature-band.md"),
            include_str!("../../tests/corpus/README.md"),
        ] {
            texts.extend(text.split("\n\n").map(String::from));
        }
        let (mut sentences, mut hits) = (0, 0);
        for t in &texts {
            let s = Sent::new(t, Span::new(0, t.len()), &[]);
            let mut mine = Vec::new();
            LISTS.phrases.find(s.toks.len(), |k| s.w(k), |k| s.toks[k].phrases, &mut mine);
            assert_eq!(mine, automaton_hits(&s), "{t}");
            sentences += 1;
            hits += mine.len();
        }
        // (The comparison saw real matches, overlapping ones among them.)
        assert!(sentences > 100 && hits > 40, "{sentences} paragraphs, {hits} phrases");
        let s = Sent::new(texts[0].as_str(), Span::new(0, texts[0].len()), &[]);
        let mut mine = Vec::new();
        LISTS.phrases.find(s.toks.len(), |k| s.w(k), |k| s.toks[k].phrases, &mut mine);
        assert!(mine.len() >= 3, "{mine:?}");
    }

    #[test]
    fn a_phrase_is_known_by_its_words_and_cue() {
        assert!(LISTS.is_phrase(&["led", "to"], Cue::Causal));
        assert!(!LISTS.is_phrase(&["led", "to"], Cue::Vague));
        assert!(!LISTS.is_phrase(&["led"], Cue::Causal));
        assert!(!LISTS.is_phrase(&[], Cue::Causal));
    }

    #[test]
    fn sections_skip_comments_and_blank_lines() {
        let s = sections("# c\n[a]\nx\n\n# d\ny z\n[b]\nw\n");
        assert_eq!(s["a"], vec!["x", "y z"]);
        assert_eq!(s["b"], vec!["w"]);
    }

    #[test]
    fn phrases_are_normalised() {
        assert_eq!(normalise_phrase("History’s  Largest"), "history's largest");
    }
}
