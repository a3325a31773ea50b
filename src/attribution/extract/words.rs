//! Closed-class words: the grammar's function words. These are facts of English grammar (a
//! closed set that a dictionary of content words does not list), so they are written here once;
//! everything open-class comes from the WordNet lexicon.

pub const DET: u32 = 1;
/// "the", "this", "these", "those": refers to something known.
pub const DEFINITE: u32 = 1 << 1;
/// "a", "an", "one", "another": one unnamed individual.
pub const INDEFINITE: u32 = 1 << 2;
/// Quantifiers that can stand for a group on their own ("some", "many", "few", "most").
pub const QUANT: u32 = 1 << 3;
/// Quantifier pronouns for everyone or no one ("everyone", "nobody", "no one" via "no").
pub const QUANT_PRON: u32 = 1 << 4;
/// Personal pronouns as subjects.
pub const PRON: u32 = 1 << 5;
/// Possessive determiners ("his", "their", "its").
pub const POSS: u32 = 1 << 6;
pub const PREP: u32 = 1 << 7;
/// Auxiliaries and modals ("has", "would", "did", "'s").
pub const AUX: u32 = 1 << 8;
/// Forms of "be".
pub const BE: u32 = 1 << 9;
pub const NEG: u32 = 1 << 10;
/// Subordinators and complementisers that open a clause ("that", "because", "while").
pub const SUBORD: u32 = 1 << 11;
/// Coordinators ("and", "or", "but").
pub const COORD: u32 = 1 << 12;
/// Relative pronouns ("who", "which", "that").
pub const REL: u32 = 1 << 13;
/// Adverbs that sit between an auxiliary and its verb without "-ly" ("also", "still", "never").
pub const ADV: u32 = 1 << 14;
/// Premodifiers of a quantifier ("nearly all", "almost every", "even some").
pub const PREQUANT: u32 = 1 << 15;
/// Someone unnamed in one word ("someone", "somebody").
pub const SOMEONE: u32 = 1 << 16;
/// Number words ("two", "dozen", "hundreds").
pub const NUMBER: u32 = 1 << 17;
/// Object pronouns ("him", "them").
pub const OBJ_PRON: u32 = 1 << 18;
/// "have", "has", "had": for "has it" (word in the industry has it).
pub const HAVE: u32 = 1 << 19;
/// Adverbs that may follow a plural subject and stand after it ("here", "alike", "too").
pub const POST_ADV: u32 = 1 << 20;
/// Days named on their own as a time ("Friday", "yesterday", "tonight"): WordNet keeps the
/// weekdays as proper names, which the lexicon leaves out (the names: [`crate::text::calendar`]).
pub const DAY: u32 = 1 << 21;

/// The closed-class words and their classes, looked up by first byte in [`classes`] (a
/// table keeps the lookup's code small: a `match` over some 280 strings compiled to a long chain of
/// comparisons that the instruction cache paid for on every token).
static CLOSED: &[(&str, u32)] = &[
    ("the", DET | DEFINITE),
    ("this", DET | DEFINITE),
    ("these", DET | DEFINITE),
    ("those", DET | DEFINITE),
    ("that", DET | DEFINITE | SUBORD | REL),
    ("a", DET | INDEFINITE),
    ("an", DET | INDEFINITE),
    ("one", INDEFINITE | NUMBER),
    ("another", DET | INDEFINITE),
    ("every", DET | QUANT),
    ("each", DET | QUANT),
    ("any", DET | QUANT),
    ("no", DET | QUANT),
    ("either", DET | QUANT),
    ("neither", DET | QUANT),
    ("some", QUANT),
    ("many", QUANT),
    ("few", QUANT),
    ("most", QUANT),
    ("several", QUANT),
    ("all", QUANT),
    ("both", QUANT),
    ("others", QUANT),
    ("much", QUANT),
    ("none", QUANT),
    ("more", QUANT),
    ("fewer", QUANT),
    ("numerous", QUANT),
    ("various", QUANT),
    ("multiple", QUANT),
    ("countless", QUANT),
    ("plenty", QUANT),
    ("half", QUANT),
    ("other", QUANT),
    // "anyone" and "anybody" stand for everyone too ("sooner than anyone expected"); after
    // "whether", "if" or an auxiliary they ask rather than report, and the grammar drops them
    // there ([`asks_about_anyone`](super::kind)).
    ("anyone", QUANT_PRON),
    ("anybody", QUANT_PRON),
    ("everyone", QUANT_PRON),
    ("everybody", QUANT_PRON),
    ("nobody", QUANT_PRON),
    ("someone", SOMEONE),
    ("somebody", SOMEONE),
    ("he", PRON),
    ("she", PRON),
    ("they", PRON),
    ("it", PRON),
    ("we", PRON),
    ("i", PRON),
    ("you", PRON),
    // A subject pronoun with its auxiliary contracted: "people I've spoken with".
    ("i've", PRON),
    ("we've", PRON),
    ("you've", PRON),
    ("they've", PRON),
    ("i’ve", PRON),
    ("we’ve", PRON),
    ("you’ve", PRON),
    ("they’ve", PRON),
    ("i'd", PRON),
    ("we'd", PRON),
    ("they'd", PRON),
    ("i’d", PRON),
    ("we’d", PRON),
    ("they’d", PRON),
    // ... and with "be", "would" or "will": the subject of a told clause ("Bush says he's going").
    ("he's", PRON | AUX),
    ("she's", PRON | AUX),
    ("they're", PRON | AUX),
    ("we're", PRON | AUX),
    ("you're", PRON | AUX),
    ("i'm", PRON | AUX),
    ("he'd", PRON | AUX),
    ("she'd", PRON | AUX),
    ("you'd", PRON | AUX),
    ("he'll", PRON | AUX),
    ("she'll", PRON | AUX),
    ("they'll", PRON | AUX),
    ("we'll", PRON | AUX),
    ("i'll", PRON | AUX),
    ("you'll", PRON | AUX),
    ("him", OBJ_PRON),
    ("them", OBJ_PRON),
    ("us", OBJ_PRON),
    ("me", OBJ_PRON),
    // Also intensive after a subject: "Ford itself said".
    ("itself", OBJ_PRON | POST_ADV),
    ("himself", OBJ_PRON | POST_ADV),
    ("herself", OBJ_PRON | POST_ADV),
    ("his", DET | POSS),
    ("her", DET | POSS),
    ("their", DET | POSS),
    ("its", DET | POSS),
    ("our", DET | POSS),
    ("my", DET | POSS),
    ("your", DET | POSS),
    ("of", PREP),
    ("in", PREP),
    ("on", PREP),
    ("at", PREP),
    ("from", PREP),
    ("for", PREP),
    ("with", PREP),
    ("along", PREP),
    ("across", PREP),
    ("within", PREP),
    ("among", PREP),
    ("amongst", PREP),
    ("near", PREP),
    ("around", PREP),
    ("over", PREP),
    ("under", PREP),
    ("between", PREP),
    ("by", PREP),
    ("into", PREP),
    ("outside", PREP),
    ("inside", PREP),
    ("throughout", PREP),
    ("against", PREP),
    ("behind", PREP),
    ("beyond", PREP),
    ("toward", PREP),
    ("towards", PREP),
    ("like", PREP),
    ("including", PREP),
    ("without", PREP),
    ("after", PREP),
    ("before", PREP),
    ("during", PREP),
    ("through", PREP),
    ("to", PREP),
    ("via", PREP),
    ("per", PREP),
    ("than", PREP),
    ("upon", PREP),
    ("beside", PREP),
    ("besides", PREP),
    ("despite", PREP),
    // ("it's" is a subject too: "says it's too early".)
    ("it's", PRON | AUX | BE),
    ("is", AUX | BE),
    ("are", AUX | BE),
    ("was", AUX | BE),
    ("were", AUX | BE),
    ("be", AUX | BE),
    ("been", AUX | BE),
    ("being", AUX | BE),
    ("am", AUX | BE),
    ("'s", AUX | BE),
    ("'re", AUX | BE),
    ("that's", AUX | BE),
    ("isn't", AUX | BE),
    ("aren't", AUX | BE),
    ("wasn't", AUX | BE),
    ("weren't", AUX | BE),
    ("about", PREP | PREQUANT),
    ("just", ADV | PREQUANT),
    ("themselves", OBJ_PRON | POST_ADV),
    ("has", AUX | HAVE),
    ("have", AUX | HAVE),
    ("had", AUX | HAVE),
    ("having", AUX | HAVE),
    ("'ve", AUX | HAVE),
    ("hasn't", AUX | HAVE),
    ("haven't", AUX | HAVE),
    ("hadn't", AUX | HAVE),
    ("do", AUX),
    ("does", AUX),
    ("did", AUX),
    ("will", AUX),
    ("would", AUX),
    ("shall", AUX),
    ("should", AUX),
    ("can", AUX),
    ("could", AUX),
    ("may", AUX),
    ("might", AUX),
    ("must", AUX),
    ("'d", AUX),
    ("'ll", AUX),
    ("don't", AUX),
    ("doesn't", AUX),
    ("didn't", AUX),
    ("won't", AUX),
    ("wouldn't", AUX),
    ("can't", AUX),
    ("cannot", AUX),
    ("couldn't", AUX),
    ("shouldn't", AUX),
    ("mustn't", AUX),
    ("mightn't", AUX),
    ("not", NEG),
    ("never", NEG),
    ("n't", NEG),
    ("because", SUBORD),
    ("while", SUBORD),
    ("although", SUBORD),
    ("though", SUBORD),
    ("if", SUBORD),
    ("when", SUBORD),
    ("whereas", SUBORD),
    ("since", SUBORD),
    ("unless", SUBORD),
    ("until", SUBORD),
    ("whether", SUBORD),
    ("where", SUBORD),
    ("once", SUBORD),
    ("as", SUBORD),
    ("so", SUBORD),
    ("and", COORD),
    ("or", COORD),
    ("but", COORD),
    ("nor", COORD),
    ("&", COORD),
    ("yet", COORD),
    ("who", REL),
    ("whom", REL),
    ("whose", REL),
    // A relative pronoun with its auxiliary contracted: "leaders who'd rather be working".
    ("who's", REL | AUX),
    ("who'd", REL | AUX),
    ("who'll", REL | AUX),
    ("who've", REL | AUX),
    ("who’s", REL | AUX),
    ("who’d", REL | AUX),
    ("who’ll", REL | AUX),
    ("who’ve", REL | AUX),
    ("which", REL),
    ("how", SUBORD),
    ("what", SUBORD),
    ("why", SUBORD),
    ("whatever", SUBORD),
    ("whoever", SUBORD),
    // Particles of phrasal verbs ("carry out", "point up"): never a verb of their own.
    ("out", ADV),
    ("up", ADV),
    ("off", ADV),
    ("down", ADV),
    ("back", ADV),
    ("away", ADV),
    ("also", ADV),
    ("still", ADV),
    ("even", ADV),
    ("ever", ADV),
    ("already", ADV),
    ("long", ADV),
    ("now", ADV),
    ("often", ADV),
    ("always", ADV),
    ("again", ADV),
    ("too", ADV),
    ("then", ADV),
    ("soon", ADV),
    ("reportedly", ADV),
    ("allegedly", ADV),
    ("apparently", ADV),
    ("quietly", ADV),
    ("privately", ADV),
    ("publicly", ADV),
    ("openly", ADV),
    ("repeatedly", ADV),
    ("nearly", PREQUANT),
    ("almost", PREQUANT),
    ("virtually", PREQUANT),
    ("practically", PREQUANT),
    ("roughly", PREQUANT),
    ("only", PREQUANT),
    ("two", NUMBER),
    ("three", NUMBER),
    ("four", NUMBER),
    ("five", NUMBER),
    ("six", NUMBER),
    ("seven", NUMBER),
    ("eight", NUMBER),
    ("nine", NUMBER),
    ("ten", NUMBER),
    ("dozen", NUMBER),
    ("dozens", NUMBER),
    ("hundreds", NUMBER),
    ("thousands", NUMBER),
    ("millions", NUMBER),
    ("scores", NUMBER),
    ("twenty", NUMBER),
    ("eleven", NUMBER),
    ("twelve", NUMBER),
    ("thirty", NUMBER),
    ("forty", NUMBER),
    ("fifty", NUMBER),
    ("sixty", NUMBER),
    ("seventy", NUMBER),
    ("eighty", NUMBER),
    ("ninety", NUMBER),
    ("here", POST_ADV),
    ("there", POST_ADV),
    ("alike", POST_ADV),
    ("overall", POST_ADV),
    ("today", DAY),
    ("yesterday", DAY),
    ("tonight", DAY),
];

/// Every closed-class word with its classes: the table, and the weekdays' full names as
/// [`DAY`]. [`super::super::lists`] files them with its word lists, so that a token's closed
/// classes come with its list flags from one lookup ([`crate::attribution::tokens::Tok::closed`]).
pub fn closed_words() -> impl Iterator<Item = (&'static str, u32)> {
    CLOSED.iter().copied().chain(crate::text::calendar::WEEKDAYS.iter().map(|&d| (d, DAY)))
}

/// The closed classes of a lowercase word. (A token's are in
/// [`crate::attribution::tokens::Tok::closed`], looked up once.)
pub fn classes(w: &str) -> u32 {
    // The table by first byte and length, so a lookup compares a word with the few entries that
    // could be it.
    type Buckets = Vec<Vec<(&'static str, u32)>>;
    static BY_START: std::sync::LazyLock<Buckets> = std::sync::LazyLock::new(|| {
        let mut v: Buckets = vec![Vec::new(); 256];
        for &(k, c) in CLOSED {
            v[usize::from(k.as_bytes()[0])].push((k, c));
        }
        v
    });
    let Some(&first) = w.as_bytes().first() else { return 0 };
    let hit = BY_START[usize::from(first)].iter().find(|(k, _)| k.len() == w.len() && *k == w);
    match hit {
        Some(&(_, c)) => c,
        None if crate::text::calendar::weekday(w).is_some_and(|(_, abbreviated)| !abbreviated) => DAY,
        None => 0,
    }
}

/// Adjectives of knowledge or closeness that make a person an insider: "a person familiar with the
/// talks", "people close to the coach". A closed set the lexicon has no class for (WordNet files
/// them with every other adjective), kept here as the grammar's one list of content words.
pub fn insider_adjective(w: &str) -> bool {
    matches!(
        w,
        "familiar"
            | "close"
            | "closest"
            | "knowledgeable"
            | "aware"
            | "privy"
            | "involved"
            | "briefed"
            | "informed"
            | "connected"
            | "allied"
    )
}

/// Degree words before an adjective: "so opposed", "just as interested", "far less welcoming".
/// (A closed set of English grammar; several are also quantifiers or subordinators elsewhere.)
pub fn degree(w: &str) -> bool {
    matches!(
        w,
        "so" | "as"
            | "too"
            | "very"
            | "more"
            | "less"
            | "most"
            | "least"
            | "far"
            | "much"
            | "quite"
            | "rather"
            | "just"
    )
}

/// Copulas other than "be", which link a subject to an attitude as "be" does: "seemed wary",
/// "remain hopeful", "sounded less welcoming". (The copulas are a closed set of English
/// grammar; WordNet files each among its other senses.)
pub fn linking(w: &str) -> bool {
    matches!(
        w,
        "seem"
            | "seems"
            | "seemed"
            | "appear"
            | "appears"
            | "appeared"
            | "remain"
            | "remains"
            | "remained"
            | "sound"
            | "sounds"
            | "sounded"
            | "grow"
            | "grows"
            | "grew"
            | "become"
            | "becomes"
            | "became"
    )
}

/// Words ending in "n't" are auxiliaries with a negation.
pub fn is_negated_aux(w: &str) -> bool {
    w.ends_with("n't") || w.ends_with("n’t")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_closed_class_word_is_found_with_its_own_classes() {
        // A word listed twice would make the binary search pick either entry.
        for &(w, c) in CLOSED {
            assert_eq!(classes(w), c, "{w}");
            assert_eq!(CLOSED.iter().filter(|(k, _)| *k == w).count(), 1, "{w} listed twice");
        }
        assert_eq!(classes("harbour"), 0);
        assert_eq!(classes("monday"), DAY);
    }

    #[test]
    fn a_token_carries_its_closed_classes_from_the_shared_word_table() {
        use crate::attribution::tokens::Sent;
        use crate::text::Span;
        // The typographic apostrophe is read as "'" ("it’s" as "it's"); a weekday's full name is a
        // day; a word outside the closed classes has none, and neither has punctuation.
        let text = "It’s Monday, the harbour said.";
        let s = Sent::new(text, Span::new(0, text.len()), &[]);
        let closed: Vec<u32> = s.toks.iter().map(|t| t.closed).collect();
        assert_eq!(closed, vec![PRON | AUX | BE, DAY, 0, DET | DEFINITE, 0, 0, 0]);
        // (An entry that opens with an apostrophe, "'s", is no token of its own.)
        for &(w, c) in CLOSED.iter().filter(|(w, _)| !w.starts_with('\'')) {
            let s = Sent::new(w, Span::new(0, w.len()), &[]);
            assert_eq!(s.toks.iter().map(|t| t.closed).collect::<Vec<_>>(), vec![c], "{w}");
        }
    }
}
