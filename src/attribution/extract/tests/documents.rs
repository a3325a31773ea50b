//! The sixteenth round, from the false alarms and misses of the labelled articles: documents a
//! reader can find, the speaker of a closing tag after a preposition's object, and a reduced
//! relative before a time that cannot be a clause's subject.
use super::{attributions, first, none, source_is};
use crate::attribution::extract::SourceKind::*;

#[test]
fn a_document_inside_a_document_the_reader_can_find_is_identified() {
    // Figures in a definite or possessed document, right after the head: the reader can look.
    source_is(
        "Figures in the trust's annual report show a loss of £4 million.",
        "Figures in the trust's annual report",
        Named,
    );
    source_is("Data from the census show the village shrank.", "Data from the census", Named);
    // Look-alikes that stay vague: an unnamed document, the document's subject, a medium, a
    // phrase after a participle.
    source_is("Figures from a recent report show a loss.", "Figures from a recent report", Vague);
    source_is("Details of the plan show a loss.", "Details of the plan", Vague);
    source_is("Reports in the local media suggest a loss.", "Reports in the local media", Vague);
    source_is("Emails found in the inquiry show the ferry was late.", "Emails", Vague);
}

#[test]
fn a_study_named_by_its_journal_is_identified_and_its_subjects_are_not_its_source() {
    // "of" after a study gives what it studied, not who wrote it.
    source_is(
        "Pupils slept longer, according to a study of 900 pupils published in the journal Sleep Health.",
        "a study of 900 pupils published in the journal Sleep Health",
        Named,
    );
    source_is("Pupils slept longer, according to a survey of 900 parents.", "a survey of 900 parents", Vague);
    // "with" keeps the people a document records: interviews with them.
    source_is("Pupils slept longer, according to interviews with a dozen teachers.", "a dozen teachers", Anonymous);
    // A publication's kind before its name, after "by" or "in".
    source_is("A study by the firm Harbour Data shows a loss.", "A study by the firm Harbour Data", Named);
    // Without a name after the kind the study stays unnamed.
    source_is("A study in a medical journal shows a loss.", "A study in a medical journal", Vague);
}

#[test]
fn a_closing_tag_after_a_prepositions_object_has_its_own_speaker() {
    // "toddlers, the council" is no phrase with an appositive: the object of "for" cannot be the
    // tag's subject.
    source_is("The library will host a session for babies and toddlers, the council said.", "the council", Named);
    source_is("The library will host a session for pensioners, the trust said on Monday.", "the trust", Named);
    // A subject with its appositive keeps it.
    source_is("Ana Okafor, the librarian, said the session would run weekly.", "Ana Okafor, the librarian", Named);
    // Not when what follows the comma is no speaker: the tiny phrase after "and" is no subject.
    let all = attributions(
        "With such moves and speeches, the stories shaping Europe and Asia will change, ensuring the pact grows.",
    );
    assert!(all.iter().all(|(s, _, _)| s.as_deref() != Some("Asia")), "{all:?}");
    let (src, kind) = first("Most parents, the council said, were in favour.");
    assert_eq!((src.as_deref(), kind), (Some("the council"), Named));
}

#[test]
fn a_participle_before_a_time_that_disagrees_with_the_verb_is_a_reduced_relative() {
    // "this month are": a singular time cannot be the subject of "are", so "admitted this month"
    // describes the patients and nobody admits anything.
    none("Nearly half of the patients admitted this month are over 70.");
    // A singular verb after the time leaves the clause reading: the director admitted it.
    source_is("The director admitted this month was hard.", "The director", Named);
}

#[test]
fn a_document_with_its_participle_time_and_maker_is_one_phrase() {
    // A participle with its time or its agent stays in the subject.
    source_is("A poll released last week showed that the levy would pass.", "A poll released last week", Vague);
    source_is("A poll released on Monday showed that the levy would pass.", "A poll released on Monday", Vague);
    source_is("Residents interviewed last week said the levy would pass.", "Residents interviewed last week", Vague);
    // "by" and a name in capitals names the maker, even a name that is also a place or a word.
    source_is("A poll conducted by Harwick showed that the levy would pass.", "A poll conducted by Harwick", Named);
    source_is("A poll by Gallup showed that the levy would pass.", "A poll by Gallup", Named);
    source_is(
        "Research by the Centre for Harbour Studies found that the levy would pass.",
        "Research by the Centre for Harbour Studies",
        Named,
    );
    // Not a name modifying people: they are the unnamed makers.
    source_is("A study by Leeds researchers found that the levy would pass.", "A study by Leeds researchers", Vague);
}

#[test]
fn a_participle_and_a_time_that_end_the_text() {
    // Nothing after the time: no verb to disagree with, and no reading past the end.
    source_is("The director admitted this month", "The director", Named);
    source_is("Okafor said last week", "Okafor", Named);
}
