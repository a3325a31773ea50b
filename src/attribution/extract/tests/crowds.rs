//! The eleventh round's classes, from the news-style blind sets: a place's people, people
//! polled, talk heard along a place, and a source whose relative clause holds a verb of its own;
//! each with named look-alikes.
use super::{attributions, has_source, impersonal};
use crate::attribution::extract::SourceKind::*;

#[test]
fn a_name_before_a_word_for_a_place_is_a_place() {
    // "the Upper Mill district": the name is a neighbourhood's, and its tenants are a crowd.
    has_source(
        "Tenants of the Upper Mill district have long complained that the fee is unfair.",
        "Tenants of the Upper Mill district",
        Vague,
    );
    has_source(
        "Shop owners in the Old Quay neighbourhood say the lanes hurt trade.",
        "Shop owners in the Old Quay neighbourhood",
        Vague,
    );
    // Look-alikes: a name before a word for a body, and a name before a document.
    has_source("Lawyers for the Upper Mill council say the fee is legal.", "Lawyers for the Upper Mill council", Named);
    has_source("Engineers at the Upper Mill plant say the dam is safe.", "Engineers at the Upper Mill plant", Named);
    has_source(
        "This year, an average of recent Gazette-Tribune polls shows Ruiz ahead.",
        "an average of recent Gazette-Tribune polls",
        Named,
    );
}

#[test]
fn people_a_poll_asks_do_not_keep_it() {
    // "reader polls", "fan surveys": the modifier is who answered, not who ran it.
    has_source("Online reader polls show the mayor trailing.", "Online reader polls", Vague);
    has_source("Fan surveys suggest the stadium is unpopular.", "Fan surveys", Vague);
    // Look-alikes: a body keeps its records.
    has_source("County commission records show the fee was waived.", "County commission records", Named);
    has_source("Police records show the car was stolen.", "Police records", Named);
}

#[test]
fn talk_heard_along_a_place_needs_no_article() {
    impersonal("Word along the harbour is that the ferry line will fold.", "Word along the harbour is that");
    impersonal("But word along the docks is that the board will resign.", "word along the docks is that");
    // Look-alikes: talk by someone, or no view held.
    for t in ["Word of the closure reached the dock on Monday.", "Talk shows on the station ran late."] {
        let all = attributions(t);
        assert!(all.iter().all(|(_, _, k)| *k != Impersonal), "{t}: {all:?}");
    }
}

#[test]
fn a_verb_in_a_sources_relative_clause_is_part_of_the_source() {
    // "who asked not to be named" describes the aide; "said" is the aide's verb.
    has_source(
        "A council aide who asked not to be named said the vote was rigged.",
        "A council aide who asked not to be named",
        Anonymous,
    );
    has_source(
        "Two dockworkers who did not want to be identified said the cranes were unsafe.",
        "Two dockworkers who did not want to be identified",
        Anonymous,
    );
    // Look-alikes: a named source with the same clause, and a told clause after a relative.
    has_source(
        "Ana Ruiz, who asked that the call be recorded, said the vote was fair.",
        "Ana Ruiz, who asked that the call be recorded",
        Named,
    );
    let t = "Ana Ruiz, the aide who asked for a recount, said the vote was rigged.";
    let all = attributions(t);
    assert!(
        all.iter()
            .any(|(s, c, k)| c == "said" && *k == Named && s.as_deref().is_some_and(|s| s.starts_with("Ana Ruiz"))),
        "{t}: {all:?}"
    );
}
