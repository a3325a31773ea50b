//! The word lists behind the attribution model, compiled in from `data/` and matched once.
//!
//! Multi-word lists (vague phrases, anonymous-source formulas, anonymity reasons, causal and record
//! cues) go into one Aho-Corasick automaton, run once per sentence over its normalised token
//! string (see [`super::sentence`]). Single words, from the data lists and from the closed-class
//! tables in [`super::closed`] (determiners, prepositions, ...), go into one map from the word to
//! the [`flags`] of every list it is in: each token is looked up once, when it is made, and the
//! analysis then tests bits instead of comparing and hashing strings.
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
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

pub(crate) struct Lists {
    pub phrases: AhoCorasick,
    pub cues: Vec<Cue>,
    /// Every listed single word: the [`flags`] of the lists it is in, and its closed classes
    /// ([`super::extract::words::classes`]). Hashed with FxHash: the keys are our own short words,
    /// and SipHash's flooding defence costs more than the lookup.
    pub words: FxHashMap<String, (u64, u32)>,
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
    pub fn word_flags(&self, word: &str) -> u64 {
        self.word_entry(word).0
    }

    /// The [`flags`] of `word` and its closed classes ([`super::extract::words::classes`]), from
    /// one lookup; zeros if unlisted.
    #[inline]
    pub fn word_entry(&self, word: &str) -> (u64, u32) {
        match word.as_bytes().first() {
            Some(&b) if self.key_shapes[b as usize] & shape_bit(word.len()) == 0 => (0, 0),
            _ => self.words.get(word).copied().unwrap_or((0, 0)),
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
    // A contiguous NFA: built per process, where a full DFA cost more to build (~30 M
    // instructions, a fifth of a whole `check` of a 15,000-word article) than it saved in scanning.
    // Case-sensitive: the normalised string and the patterns are both lowercase.
    let phrases = AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns.iter().map(|p| normalise_phrase(p)))
        .expect("word-list automaton builds");
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
    let mut words: FxHashMap<String, (u64, u32)> = FxHashMap::default();
    let mut tag = |list: &mut dyn Iterator<Item = &str>, bit: u64| {
        for w in list {
            words.entry(w.to_string()).or_default().0 |= bit;
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
        words.entry(w.to_string()).or_default().1 |= classes;
    }
    let mut key_shapes = [0u32; 256];
    for w in words.keys() {
        if let Some(&b) = w.as_bytes().first() {
            key_shapes[b as usize] |= shape_bit(w.len());
        }
    }
    Lists { phrases, cues, words, key_shapes, group_quantifiers }
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
        assert_eq!(l.cues.len(), l.phrases.patterns_len());
        assert!(l.cues.contains(&Cue::Reason) && l.cues.contains(&Cue::Causal));
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
