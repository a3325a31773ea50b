//! The word lists behind the attribution model, compiled in from `data/` and matched once.
//!
//! Multi-word lists (vague phrases, anonymous-source formulas, anonymity reasons, causal and record
//! cues) go into one Aho-Corasick automaton, run once per sentence over its normalised token
//! string (see [`super::sentence`]). Single-word lists are hash sets looked up per token.
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

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
    /// A single word and the lists it is in ([`flags`] bits).
    Word(u32),
}

/// Bits of [`Cue::Word`]: the single-word lists a token belongs to, found by the same automaton
/// pass as the phrases so that no per-token hash lookups are needed.
pub mod flags {
    pub const REPORT: u32 = 1;
    pub const OPINION: u32 = 1 << 1;
    pub const PASSIVE: u32 = 1 << 2;
    pub const SPELLED: u32 = 1 << 3;
    pub const SUPERLATIVE: u32 = 1 << 4;
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
    pub vague_subjects: HashSet<&'static str>,
    pub quantifiers: HashSet<&'static str>,
    pub source_nouns: HashSet<&'static str>,
    pub source_modifiers: HashSet<&'static str>,
    pub anon_heads: HashSet<String>,
    pub documents: HashSet<&'static str>,
    pub organisations: HashSet<&'static str>,
    pub not_after_most: HashSet<&'static str>,
    pub change: HashSet<&'static str>,
    pub scale: HashSet<&'static str>,
    pub currency_words: HashSet<&'static str>,
    pub time_units: HashSet<&'static str>,
    pub identifiers: HashSet<&'static str>,
    pub never_named: HashSet<&'static str>,
    pub irregular_plurals: HashSet<&'static str>,
    pub approximators: HashSet<&'static str>,
    pub rate_words: HashSet<&'static str>,
    pub official_actions: HashSet<&'static str>,
    pub plan_words: HashSet<&'static str>,
    /// Multi-word quantifiers, as word sequences ("a number of").
    pub group_quantifiers: Vec<Vec<&'static str>>,
}

fn set(map: &HashMap<&'static str, Vec<&'static str>>, key: &str) -> HashSet<&'static str> {
    map.get(key).map(|v| v.iter().copied().filter(|w| !w.contains(' ')).collect()).unwrap_or_default()
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
    // Single words, each once, tagged with every list it is in.
    let mut words: HashMap<&'static str, u32> = HashMap::new();
    let mut tag = |list: Box<dyn Iterator<Item = &'static str>>, bit: u32| {
        for w in list {
            *words.entry(w).or_default() |= bit;
        }
    };
    tag(Box::new(crate::engine::lexicon::reporting_verb_forms()), flags::REPORT);
    tag(Box::new(vague.get("opinion-verbs").into_iter().flatten().copied()), flags::OPINION);
    tag(Box::new(vague.get("passive").into_iter().flatten().copied()), flags::PASSIVE);
    tag(Box::new(claim.get("spelled-numbers").into_iter().flatten().copied()), flags::SPELLED);
    tag(Box::new(claim.get("superlatives").into_iter().flatten().copied()), flags::SUPERLATIVE);
    let mut words: Vec<(&'static str, u32)> = words.into_iter().filter(|(w, _)| !w.contains(' ')).collect();
    words.sort_unstable();
    for (w, f) in words {
        patterns.push(w.to_string());
        cues.push(Cue::Word(f));
    }
    // A full DFA: built once, and the fastest to scan every sentence with.
    let phrases = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
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
    Lists {
        phrases,
        cues,
        vague_subjects: set(&vague, "subjects"),
        quantifiers: set(&vague, "quantifiers"),
        source_nouns: set(&vague, "source-nouns"),
        source_modifiers: set(&vague, "source-modifiers"),
        anon_heads,
        documents: set(&sources, "documents"),
        organisations: set(&sources, "organisations"),
        not_after_most: set(&claim, "not-superlative-after-most"),
        change: set(&claim, "change"),
        scale: set(&claim, "scale"),
        currency_words: set(&claim, "currency-words"),
        time_units: set(&claim, "time-units"),
        identifiers: set(&claim, "identifier-words"),
        never_named: set(&vague, "never-named"),
        irregular_plurals: set(&claim, "irregular-plurals"),
        approximators: set(&claim, "approximators"),
        rate_words: set(&claim, "rate-words"),
        official_actions: set(&claim, "official-actions"),
        plan_words: set(&claim, "plan-words"),
        group_quantifiers: vague
            .get("group-quantifiers")
            .into_iter()
            .flatten()
            .map(|p| p.split_whitespace().collect())
            .collect(),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_file_has_its_sections() {
        let l = &*LISTS;
        assert!(l.vague_subjects.contains("experts"));
        assert!(l.quantifiers.contains("various"));
        let word = |w: &str| {
            l.phrases
                .find_overlapping_iter(w)
                .find(|m| m.start() == 0 && m.end() == w.len())
                .map(|m| l.cues[m.pattern().as_usize()])
        };
        assert_eq!(word("believed"), Some(Cue::Word(flags::PASSIVE | flags::OPINION)));
        assert_eq!(word("said"), Some(Cue::Word(flags::REPORT | flags::PASSIVE)));
        assert_eq!(word("largest"), Some(Cue::Word(flags::SUPERLATIVE)));
        assert!(l.anon_heads.contains("official") && l.anon_heads.contains("officer"));
        assert!(l.time_units.contains("years"));
        assert!(l.documents.contains("memo"));
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
