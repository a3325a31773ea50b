//! The sixteenth round: a relative clause whose own subject tells what the clause's gap stands
//! for ("a risk the mayor said could", "who officials say are"), with look-alikes where the word
//! after the noun or after "who" opens no subject.
use super::{attributions, source_is};
use crate::attribution::extract::SourceKind::*;

#[test]
fn a_relative_clause_without_its_pronoun_has_its_own_speaker() {
    source_is("It is a risk the harbour master said could close the port.", "the harbour master", Named);
    source_is("It is a risk Okafor said could close the port.", "Okafor", Named);
    source_is("It is a risk that Okafor said could close the port.", "Okafor", Named);
    source_is("It is a risk some pilots say could close the port.", "some pilots", Vague);
    // With no clause told (no auxiliary or verb after the verb), the noun before is a thing given,
    // not what was said: Okafor tells nothing.
    let all = attributions("The mayor praised the support Okafor has provided to the port.");
    assert!(all.iter().all(|(s, _, _)| s.as_deref() != Some("Okafor")), "{all:?}");
}

#[test]
fn after_a_verb_a_name_or_a_determiner_is_its_object_not_a_new_subject() {
    // "to charge Okafor", "helped drive Labour voters", "could play a part": the noun before the
    // name is a verb's, so the name opens no relative clause; the subject after the comma speaks.
    source_is(
        "After the board moved to charge Okafor with the delay, some members want a vote.",
        "some members",
        Vague,
    );
    source_is(
        "The rally helped drive Labour voters to the polls, said Ana Okafor, a professor at the college.",
        "Ana Okafor, a professor at the college",
        Named,
    );
    let all = attributions("The ferry could play a part in the plan, pilots say.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].0.as_deref(), Some("pilots"));
}

#[test]
fn a_phrase_before_a_comma_opens_no_relative_clause() {
    // The clause's own subject comes right before its verb, with no comma between.
    source_is("In a swipe at front-runner Ana Ruiz, Okafor said the plan was weak.", "Okafor", Named);
    source_is("At a breakfast with the crew the next morning, Okafor said the ferry was late.", "Okafor", Named);
}

#[test]
fn who_with_a_subject_of_its_own_is_the_object_of_the_telling() {
    source_is("The smugglers, who officials say are tied to the cartel, struck again.", "officials", Anonymous);
    source_is(
        "The smugglers, who local officials say are tied to the cartel, struck again.",
        "local officials",
        Anonymous,
    );
    source_is("The smugglers, who Okafor says are tied to the cartel, struck again.", "Okafor", Named);
    // "who" right before a verb is the subject itself.
    let all = attributions("The pilot who flies the night ferry, several crew members said, was tired.");
    assert!(all.iter().any(|(s, _, k)| s.as_deref() == Some("several crew members") && *k == Vague), "{all:?}");
}
