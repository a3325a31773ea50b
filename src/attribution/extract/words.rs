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

/// The closed classes of a lowercase word.
pub fn classes(w: &str) -> u32 {
    match w {
        "the" => DET | DEFINITE,
        "this" | "these" | "those" => DET | DEFINITE,
        "that" => DET | DEFINITE | SUBORD | REL,
        "a" | "an" => DET | INDEFINITE,
        "one" => INDEFINITE | NUMBER,
        "another" => DET | INDEFINITE,
        "every" | "each" | "any" | "no" | "either" | "neither" => DET | QUANT,
        "some" | "many" | "few" | "most" | "several" | "all" | "both" | "others" | "much" | "none" | "more"
        | "fewer" | "numerous" | "various" | "multiple" | "countless" | "plenty" | "half" | "other" => QUANT,
        // "anyone" and "anybody" ask rather than report ("whether anyone instructed"): not sources.
        "everyone" | "everybody" | "nobody" => QUANT_PRON,
        "someone" | "somebody" => SOMEONE,
        "he" | "she" | "they" | "it" | "we" | "i" | "you" => PRON,
        // A subject pronoun with its auxiliary contracted: "people I've spoken with".
        "i've" | "we've" | "you've" | "they've" | "i’ve" | "we’ve" | "you’ve" | "they’ve" | "i'd" | "we'd"
        | "they'd" | "i’d" | "we’d" | "they’d" => PRON,
        // ... and with "be", "would" or "will": the subject of a told clause ("Bush says he's going").
        "he's" | "she's" | "they're" | "we're" | "you're" | "i'm" | "he'd" | "she'd" | "you'd" | "he'll" | "she'll"
        | "they'll" | "we'll" | "i'll" | "you'll" => PRON | AUX,
        "him" | "them" | "us" | "me" => OBJ_PRON,
        // Also intensive after a subject: "Ford itself said".
        "itself" | "himself" | "herself" => OBJ_PRON | POST_ADV,
        "his" | "her" | "their" | "its" | "our" | "my" | "your" => DET | POSS,
        "of" | "in" | "on" | "at" | "from" | "for" | "with" | "along" | "across" | "within" | "among" | "amongst"
        | "near" | "around" | "over" | "under" | "between" | "by" | "into" | "outside" | "inside" | "throughout"
        | "against" | "behind" | "beyond" | "toward" | "towards" | "like" | "including" | "without" | "after"
        | "before" | "during" | "through" | "to" | "via" | "per" | "than" | "upon" | "beside" | "besides"
        | "despite" => PREP,
        // ("it's" is a subject too: "says it's too early".)
        "it's" => PRON | AUX | BE,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "'s" | "'re" | "that's" | "isn't"
        | "aren't" | "wasn't" | "weren't" => AUX | BE,
        "about" => PREP | PREQUANT,
        "just" => ADV | PREQUANT,
        "themselves" => OBJ_PRON | POST_ADV,
        "has" | "have" | "had" | "having" | "'ve" | "hasn't" | "haven't" | "hadn't" => AUX | HAVE,
        "do" | "does" | "did" | "will" | "would" | "shall" | "should" | "can" | "could" | "may" | "might" | "must"
        | "'d" | "'ll" | "don't" | "doesn't" | "didn't" | "won't" | "wouldn't" | "can't" | "cannot" | "couldn't"
        | "shouldn't" | "mustn't" | "mightn't" => AUX,
        "not" | "never" | "n't" => NEG,
        "because" | "while" | "although" | "though" | "if" | "when" | "whereas" | "since" | "unless" | "until"
        | "whether" | "where" | "once" | "as" | "so" => SUBORD,
        "and" | "or" | "but" | "nor" | "&" | "yet" => COORD,
        "who" | "whom" | "whose" | "which" => REL,
        "how" | "what" | "why" | "whatever" | "whoever" => SUBORD,
        // Particles of phrasal verbs ("carry out", "point up"): never a verb of their own.
        "out" | "up" | "off" | "down" | "back" | "away" => ADV,
        "also" | "still" | "even" | "ever" | "already" | "long" | "now" | "often" | "always" | "again" | "too"
        | "then" | "soon" | "reportedly" | "allegedly" | "apparently" | "quietly" | "privately" | "publicly"
        | "openly" | "repeatedly" => ADV,
        "nearly" | "almost" | "virtually" | "practically" | "roughly" | "only" => PREQUANT,
        "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "dozen" | "dozens"
        | "hundreds" | "thousands" | "millions" | "scores" | "twenty" | "eleven" | "twelve" | "thirty" | "forty"
        | "fifty" | "sixty" | "seventy" | "eighty" | "ninety" => NUMBER,
        "here" | "there" | "alike" | "overall" => POST_ADV,
        "today" | "yesterday" | "tonight" => DAY,
        _ if crate::text::calendar::weekday(w).is_some_and(|(_, abbreviated)| !abbreviated) => DAY,
        _ => 0,
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

/// [`classes`] of a word as written, where a typographic apostrophe is an apostrophe ("it’s",
/// "don’t", "they’ve"); ASCII words, nearly all of them, go straight to [`classes`].
pub fn classes_as_written(w: &str) -> u32 {
    if w.is_ascii() || !w.contains('\u{2019}') {
        return classes(w);
    }
    classes(&w.replace('\u{2019}', "'"))
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
    w.ends_with("n't")
}
