//! The twelfth round's classes, from PolNeAR's missed "-ing" cues: what a document says that
//! someone issued ("released a statement saying"), saying as the means of an act ("began by
//! saying"), and a clause whose verb's past is its base form ("The mayor hit back, saying");
//! each with look-alikes that must not change.
use super::{attributions, has_source};
use crate::attribution::extract::SourceKind::*;

/// Whether an attribution in `text` whose cue is an "-ing" form has `who` as its source.
fn sourced_by(text: &str, who: &str) -> bool {
    attributions(text).iter().any(|(s, cue, _)| s.as_deref() == Some(who) && cue.ends_with("ing"))
}

#[test]
fn what_an_issued_document_says_is_told_by_its_issuer() {
    has_source(
        "The harbour board released a statement Wednesday saying the repairs would cost more.",
        "The harbour board",
        Named,
    );
    // A particle after the verb, and a verb whose past is its base form.
    has_source("The ferry company put out a statement saying ridership fell.", "The ferry company", Named);
    has_source("Ortega sent out a series of posts early Friday saying the levy was dead.", "Ortega", Named);
    // The issuer may be a crowd: its kind is kept.
    has_source("Some shop owners sent a letter saying the lanes hurt trade.", "Some shop owners", Vague);
    // Look-alikes: whoever receives, finds or is sent the document does not speak it.
    for (t, who) in [
        ("The board received a letter saying the dock was unsafe.", "The board"),
        ("Police found a note saying the car had been stolen.", "Police"),
        ("The mayor was sent a letter saying the levy was illegal.", "The mayor"),
        ("Ortega read a memo saying the pier would close.", "Ortega"),
    ] {
        assert!(!sourced_by(t, who), "{t}: {:?}", attributions(t));
    }
    // Nor whoever meets a person saying something: that person speaks.
    let t = "Ortega met a fisherman saying the nets were empty.";
    assert!(!sourced_by(t, "Ortega"), "{t}: {:?}", attributions(t));
}

#[test]
fn saying_as_the_means_of_an_act_is_the_subjects_saying() {
    has_source("Ortega began by saying the levy was fair.", "Ortega", Named);
    has_source("The harbour master erred in saying the berths were safe.", "The harbour master", Named);
    has_source("Many dockworkers answered by saying the cranes were unsafe.", "Many dockworkers", Vague);
    // Look-alikes: "by" after a noun, and a means with nothing told.
    let t = "The levy was passed by a council saying little.";
    assert!(!sourced_by(t, "The levy"), "{t}: {:?}", attributions(t));
    let t = "The pier reopened in the spring.";
    assert!(attributions(t).is_empty(), "{t}: {:?}", attributions(t));
}

#[test]
fn a_past_that_is_its_base_form_is_a_finite_verb_of_the_subject() {
    // "hit", "cut", "put": the generated list of verbs whose past is the base form.
    has_source("The mayor hit back on Monday, saying the audit was ignored.", "The mayor", Named);
    has_source("Ortega cut her speech short, saying the vote could wait.", "Ortega", Named);
    // Look-alikes: a plural subject with a base form, and a singular one with a regular past.
    has_source("Residents hit back, saying the audit was ignored.", "Residents", Vague);
    has_source("The mayor struck back, saying the audit was ignored.", "The mayor", Named);
}

#[test]
fn a_direction_from_a_place_follows_the_noun_it_modifies() {
    // "east of Orville" locates the farmer; it is not the head of a compound "farmer east".
    has_source(
        "One farmer east of Orville said the hail took half his wheat.",
        "One farmer east of Orville",
        Anonymous,
    );
    has_source("Residents west of the rail yard say the noise is constant.", "Residents west of the rail yard", Vague);
    // Look-alikes: a direction in a name, and a named person located the same way.
    has_source("The North Quay Association said the noise is constant.", "The North Quay Association", Named);
    has_source(
        "Ana Ruiz, who farms east of Orville, said the hail took half her wheat.",
        "Ana Ruiz, who farms east of Orville",
        Named,
    );
}

#[test]
fn an_attribution_in_a_sources_relative_clause_closed_by_a_comma_is_part_of_it() {
    // "because he is negotiating" sits inside the farmer's relative clause; "said" is his verb.
    has_source(
        "One farmer, who asked not to be named because he is negotiating, said the damage was severe.",
        "One farmer, who asked not to be named because he is negotiating",
        Anonymous,
    );
    // Look-alike: with no comma closing the clause, the phrase's verb stays its own
    // ("say" is the voters' verb, not part of a longer subject of "feel").
    has_source("Voters who backed the levy say they feel misled.", "Voters who backed the levy", Vague);
}
