//! The fifteenth round: tags after what was said that the grammar missed on real news, each with
//! look-alikes (a name that is also a word, a middle initial, a day after the verb, an aside
//! inside the told clause, a tag after a phrase that cannot speak).
use super::{attributions, first, has_source, none, source_is};
use crate::attribution::extract::SourceKind::*;

#[test]
fn a_capitalised_ly_word_before_a_tag_is_a_name() {
    // "Jolly", "Kelly": a surname, not an adverb of the verb.
    source_is("The ferry would run late, Jolly said.", "Jolly", Named);
    source_is("The ferry would run late, Kelly told reporters.", "Kelly", Named);
    // An adverb in lower case before the verb stays an adverb of it.
    source_is("The ferry would run late, the captain quietly said.", "the captain", Named);
}

#[test]
fn a_middle_initial_is_part_of_the_name_not_an_article() {
    source_is("\"We sail at dawn,\" said Ana B. Okafor.", "Ana B. Okafor", Named);
    source_is("Ana B. Okafor said the ferry would sail at dawn.", "Ana B. Okafor", Named);
    source_is("\"We sail at dawn,\" Ana A. Okafor said.", "Ana A. Okafor", Named);
    // Opening the sentence too; without its full stop, "A" is the article.
    source_is("A. Okafor said the ferry would sail.", "A. Okafor", Named);
    source_is("A pilot said the ferry would sail.", "A pilot", Anonymous);
}

#[test]
fn a_day_after_a_closing_tag_leaves_what_came_before_as_the_content() {
    let all = attributions("The pilot had flown 900 hours, the ferry line said Thursday.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].0.as_deref(), Some("the ferry line"));
    source_is("The pilot had flown 900 hours, the ferry line said on Thursday.", "the ferry line", Named);
    // A day before "that" still opens the told clause.
    source_is("The ferry line said Thursday that the pilot had flown 900 hours.", "The ferry line", Named);
}

#[test]
fn an_aside_between_the_told_subject_and_its_verb() {
    // The told clause's subject, an aside between commas, then its auxiliary: a report, so an
    // unnamed person telling it is an anonymous source.
    source_is(
        "A council aide said the cost of keeping the pier, especially in winter, would outweigh the fares.",
        "A council aide",
        Anonymous,
    );
    source_is("Okafor said the cost of keeping it, especially in winter, would outweigh the fares.", "Okafor", Named);
    // With no verb after the aside there is no clause: "named" a thing is an act.
    none("A council aide announced the cost of the pier, especially in winter, and the fares.");
}

#[test]
fn a_name_after_a_tag_speaks_when_the_phrase_before_it_cannot() {
    // What precedes the comma ends in an object that cannot speak: the name after the tag is the
    // speaker.
    source_is("Tolls distract from repairs and upkeep, said Okafor.", "Okafor", Named);
    source_is("Any careful reading of the harbour accounts, said Ana Okafor, shows a loss.", "Ana Okafor", Named);
    // A phrase that can speak on the left keeps its verb: its name, its people, a person's aside.
    source_is("Okafor, 45, said Ruiz, her deputy, was wrong.", "Okafor", Named);
    has_source(
        "\"We are stretched,\" an aide, who was not allowed to speak on the record, told the Gazette.",
        "an aide, who was not allowed to speak on the record",
        Anonymous,
    );
    // ("source" is no word for a person, but the relative pronoun says one is meant.)
    let all =
        attributions("\"We are stretched,\" a source, who was not allowed to speak on the record, told the Gazette.");
    assert!(all.iter().all(|(s, _, _)| s.as_deref() != Some("the Gazette")), "{all:?}");
    // A day after the tag is no speaker.
    has_source(
        "A pilot, speaking on condition of anonymity, said Wednesday that fares would rise.",
        "A pilot",
        Anonymous,
    );
}

#[test]
fn the_word_group_and_the_word_person_name_their_classes() {
    // WordNet files "group" and "person" at the top of their hierarchies (noun.Tops); the
    // generator counts them in the files they head.
    source_is("Tenant groups say the fares are too high.", "Tenant groups", Vague);
    source_is("The Harbour Tenants Group says the fares are too high.", "The Harbour Tenants Group", Named);
    source_is("Protest groups say the fares are too high.", "Protest groups", Vague);
}

#[test]
fn subjects_the_grammar_cut_short() {
    // A plural determiner makes a participle's people plural: a base form agrees.
    source_is("Those surveyed say the ferry runs late.", "Those surveyed", Pronoun);
    // Coordinated prepositional phrases inside the subject.
    source_is(
        "Pilots in Ohio and around the lakes say the ferry runs late.",
        "Pilots in Ohio and around the lakes",
        Vague,
    );
    source_is(
        "Okafor and Ruiz of the Harbour Board say the ferry runs late.",
        "Okafor and Ruiz of the Harbour Board",
        Named,
    );
    // A past form that is also an adjective, not of saying, modifies the noun after it.
    has_source("Although fares rose, elected pilots say the ferry is safe.", "elected pilots", Vague);
    // A one-letter last part after a hyphen is a name's, not a word's.
    source_is("Ferrix and Dock-X say the fares rose.", "Ferrix and Dock-X", Named);
}

#[test]
fn a_headline_colon_needs_someone_before_it() {
    has_source("Okafor: The ferry will run late", "Okafor", Named);
    has_source("Okafor at the Harbour Board: The ferry will run late", "Okafor at the Harbour Board", Named);
    // A topic before the colon is no speaker, and leaves the speaker after it alone.
    let all = attributions("Anger over fares: pilots say the ferry runs late.");
    assert!(all.iter().all(|(s, _, _)| s.as_deref() != Some("Anger over fares")), "{all:?}");
    has_source("Anger over fares: pilots say the ferry runs late.", "pilots", Vague);
}

#[test]
fn a_prepositions_object_before_a_tag_does_not_speak() {
    source_is("She sent the notice to tenants and pilot groups, said Okafor.", "Okafor", Named);
    // A subject before the tag keeps it.
    source_is("Pilot groups, said Okafor, are angry.", "Okafor", Named);
    assert_eq!(first("The pilots, 40 of them, said nothing.").0.as_deref(), Some("The pilots"));
    source_is("Okafor, 45, said Ruiz, her deputy, was wrong.", "Okafor", Named);
}

#[test]
fn a_base_form_after_a_singular_determiner_is_no_verb_of_it() {
    // "name" is a verb of saying too; after "every sentence," it is a noun in a list.
    none("Every sentence, name and phrasing here is new.");
    source_is("Many pilots name the harbour master as the cause.", "Many pilots", Vague);
}

#[test]
fn a_definite_crowd_picked_out_by_what_it_did_names_no_one() {
    // A clause or a superlative that describes the people: still a crowd.
    source_is("The pilots filing into the hall say the fares are too high.", "The pilots filing into the hall", Vague);
    source_is(
        "The pilots who spoke at the meeting say the fares are too high.",
        "The pilots who spoke at the meeting",
        Vague,
    );
    source_is("The most senior pilots say the fares are too high.", "The most senior pilots", Vague);
    source_is("The oldest pilots say the fares are too high.", "The oldest pilots", Vague);
    // People the article has introduced, referred to by a definite description, are its
    // sources; so are a body's people.
    source_is("The pilots say the fares are too high.", "The pilots", Named);
    source_is("The ferry's pilots say the fares are too high.", "The ferry's pilots", Named);
    source_is("The senior pilots say the fares are too high.", "The senior pilots", Named);
    source_is("The honest pilots say the fares are too high.", "The honest pilots", Named);
    source_is("The angriest pilots say the fares are too high.", "The angriest pilots", Vague);
}

#[test]
fn a_names_appositive_inside_the_told_clause_and_a_role_before_a_name() {
    // The told clause's subject is a name with its appositive; its verb comes after.
    source_is(
        "Several pilots say Ana Ruiz, the harbour master who hired them, held two licences.",
        "Several pilots",
        Vague,
    );
    source_is("A pilot says Ana Ruiz, the harbour master who hired him, held two licences.", "A pilot", Anonymous);
    // Without a verb after the appositive there is no told clause: naming someone is an act.
    none("A pilot named Ana Ruiz, the harbour master, and two deputies.");
    // A role, then "the" and the name it belongs to.
    source_is(
        "Harbour spokesman the Rev. Ana Ruiz told reporters that the pier would close.",
        "Harbour spokesman the Rev. Ana Ruiz",
        Named,
    );
    source_is(
        "Harbour spokesman Ana Ruiz told reporters that the pier would close.",
        "Harbour spokesman Ana Ruiz",
        Named,
    );
}

#[test]
fn a_contracted_relative_pronoun_opens_the_subjects_clause() {
    source_is(
        "Many of the pilots who'd rather be sailing for Ruiz or Okafor said they were tired.",
        "Many of the pilots who'd rather be sailing for Ruiz or Okafor",
        Vague,
    );
    // Set off by commas, the clause reads as its uncontracted form does.
    source_is("Okafor, who'd rather be sailing, said she was tired.", "Okafor, who'd rather be sailing", Named);
    source_is("Okafor, who would rather be sailing, said she was tired.", "Okafor, who would rather be sailing", Named);
}

#[test]
fn a_fraction_alone_refers_back_to_those_asked() {
    source_is("Nearly a third say the ferry runs late.", "Nearly a third", Pronoun);
    has_source(
        "Most riders said the fares rose, and three-quarters said the ferry ran late.",
        "three-quarters",
        Pronoun,
    );
    // An ordinal before a noun is no fraction; a fraction of people is a crowd.
    source_is("A third pilot said the ferry ran late.", "A third pilot", Anonymous);
    source_is("A third of the pilots say the ferry runs late.", "A third of the pilots", Vague);
}

#[test]
fn a_headline_names_its_speaker_in_capitals() {
    // Every word is capitalised, so a name may be a word the dictionary knows ("Marsh", "Banks").
    source_is("Marsh Says Ferry Fares Will Rise Again Next Spring", "Marsh", Named);
    source_is("Olivia Banks Says Ferry Fares Will Rise Again Next Spring", "Olivia Banks", Named);
    // People and documents keep their kinds.
    source_is("Pilots Say Ferry Fares Will Rise Again Next Spring", "Pilots", Vague);
}

#[test]
fn a_label_before_a_headlines_colon_is_no_speaker() {
    let all = attributions("Breaking: Harbour Board Raises Ferry Fares Again");
    assert!(all.iter().all(|(s, _, _)| s.as_deref() != Some("Breaking")), "{all:?}");
    let all = attributions("Contributing: Ana Ruiz and Tom Bell");
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn a_time_phrase_between_the_subject_and_its_verb() {
    // The sixteenth round: a day with its preposition, and a prepositional phrase of time after
    // the subject or an auxiliary.
    source_is("Okafor on Tuesday said the pier would close.", "Okafor", Named);
    source_is("Okafor's close allies have in the past said the pier would close.", "Okafor's close allies", Vague);
    source_is("The harbour board has for months argued that the pier is unsafe.", "The harbour board", Named);
    source_is("Several pilots in recent weeks said the pier was unsafe.", "Several pilots", Vague);
}

#[test]
fn a_name_ending_in_jr_before_an_aside_with_commas() {
    // "Jr." before a comma closes the name, not the sentence.
    let (src, kind) =
        first("Vice Mayor Ana Ruiz Jr., who was to visit Dayton, Ohio, on Friday, said the rules were fair.");
    assert!(src.as_deref().is_some_and(|s| s.starts_with("Vice Mayor Ana Ruiz Jr.")), "{src:?}");
    assert_eq!(kind, Named);
    source_is(
        "Harbour Data Inc., which runs the port, said the rules were fair.",
        "Harbour Data Inc., which runs the port",
        Named,
    );
}

#[test]
fn a_passive_with_an_adverb_or_a_quoted_complement_before_its_agent() {
    // "first" is also a noun and an adjective; between an auxiliary and a participle it is an
    // adverb.
    source_is("The closure was first reported by the Harbour Gazette.", "the Harbour Gazette", Named);
    source_is("The closure was first reported last week by several newspapers.", "several newspapers", Vague);
    // A quoted complement before "by".
    source_is(
        "The plan has been called \"a slow leak\" by Ana Okafor, a harbour pilot.",
        "Ana Okafor, a harbour pilot",
        Named,
    );
    // Without "by" there is no agent to find.
    let all = attributions("The plan has been called \"a slow leak\" in the harbour.");
    assert!(all.iter().all(|(s, _, _)| s.as_deref() != Some("the harbour")), "{all:?}");
}

#[test]
fn an_opening_participle_clause_is_no_part_of_a_second_verbs_subject() {
    // "X shook her head and said": the subject of both verbs comes after the participle clause.
    source_is("Asked on Monday whether Ruiz would run, Okafor shook her head and said she would not.", "Okafor", Named);
    source_is("Pressed on the budget, the mayor paused and said the figures were wrong.", "the mayor", Named);
    // A participle modifying the noun after it is part of the subject.
    source_is("Elected officials shook their heads and said the figures were wrong.", "Elected officials", Anonymous);
    source_is(
        "Elected officials in Ohio shook their heads, paused and said the figures were wrong.",
        "Elected officials in Ohio",
        Anonymous,
    );
}
