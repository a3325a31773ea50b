//! The lexicon's classes as plain bits, so the grammar can keep them per token and test several
//! at once.
use crate::lexicon::Classes;

macro_rules! bits {
    ($($name:ident),*) => { $(pub const $name: u32 = Classes::$name.bits();)* };
}
bits!(
    N,
    V,
    ADJ,
    ADV,
    NPL,
    V3SG,
    VPAST,
    VPART,
    VING,
    SAY,
    THINK,
    FEEL,
    PERSON,
    GROUP,
    COMMUNICATION,
    COGNITION,
    PEOPLE_NAME,
    QUANTITY,
    TIME,
    CHANGE,
    CAUSE,
    ORG,
    PLACE,
    FEELING,
    CLAUSE,
    TOINF,
    GROUP_ANY,
    PERSON_ANY,
    STANCE,
    ACT
);

/// The classes of a lowercase word.
pub fn lookup(w: &str) -> u32 {
    crate::lexicon::lookup(w).bits()
}

/// The classes of a word the lexicon does not know: the last part of a hyphenated compound
/// ("stall-holders"), or an agent noun by its suffix ("stallholders", "podcasters").
pub(super) fn unknown_word(w: &str, cap: bool) -> u32 {
    // (A last part of one letter is a name's: "Wealth-X", "Project-A".)
    if let Some((_, last)) = w.rsplit_once('-')
        && last.len() > 1
    {
        let l = lookup(last);
        if l != 0 {
            // "self-professed", "long-awaited": an adjective, never a verb of its own.
            let verbish = V | V3SG | VPAST | VPART | VING | SAY | THINK | FEEL | CLAUSE | TOINF;
            let adj = if l & (VPART | VING) != 0 { ADJ } else { 0 };
            return (l & !verbish) | adj;
        }
    }
    // A past or -ing form the lexicon lacks ("scurried" is, "livestreamed" is not).
    if w.len() > 5 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase()) {
        return V | VPAST | VPART;
    }
    // (Not a capitalised word: "Ebeling", "Fleming" are names.)
    if !cap && w.len() > 6 && w.ends_with("ing") && w.bytes().all(|b| b.is_ascii_lowercase()) {
        return V | VING;
    }
    const AGENT: &[&str] = &["ers", "ors", "ists", "ians", "ants", "ents", "ees", "eers"];
    if w.len() > 5 && AGENT.iter().any(|s| w.ends_with(s)) && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        return N | NPL | PERSON;
    }
    // ... and one of them: "another commenter said".
    const AGENT_ONE: &[&str] = &["er", "or", "ist", "ian"];
    if w.len() > 6 && AGENT_ONE.iter().any(|s| w.ends_with(s)) && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
    {
        return N | PERSON;
    }
    0
}
