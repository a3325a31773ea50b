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
