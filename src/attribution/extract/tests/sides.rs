//! The sixth round: sides taken, feelings among people, concern raised. A verb or a noun of taking a side (WordNet's STANCE class:
//! "support", "oppose", "endorse", "condemn", "praise", "welcome") with a crowd as its holder is
//! a vague source; the same words with a named holder, a passive, a single message or a helping
//! verb are not.
use super::{attributions, has_source, none, source_is};
use crate::attribution::extract::SourceKind::*;

#[test]
fn a_crowd_taking_a_side_is_a_vague_source() {
    source_is("Some commuters oppose the new timetable.", "Some commuters", Vague);
    source_is("Many dock workers support the strike fund.", "Many dock workers", Vague);
    source_is("A number of economists have praised the harbour levy.", "A number of economists", Vague);
    source_is("Residents largely welcomed the later sailings.", "Residents", Vague);
    source_is("Several local pastors endorsed the candidate on Sunday.", "Several local pastors", Vague);
    // The participle of a side with "to", after "be".
    source_is("Some councillors are firmly opposed to the toll.", "Some councillors", Vague);
    // One unnamed person's side on a plain object is theirs to answer for.
    source_is("A harbour engineer criticized the repair plan.", "A harbour engineer", Anonymous);
    source_is("One councillor condemned the toll.", "One councillor", Anonymous);
}

#[test]
fn named_holders_passives_and_other_senses_are_not_crowds() {
    // A named person's or body's side is an act on the record, not a finding.
    none("Mayor Ana Ruiz opposes the new timetable.");
    // A named person's judgement with a plain object is an act: in the ledger, sourcing nothing.
    source_is("Harbour engineer Ana Ruiz criticized the repair plan.", "Harbour engineer Ana Ruiz", Named);
    // An unnamed person's act with a verb of saying that takes no side is an event.
    none("A harbour engineer announced the closure.");
    none("The harbour board endorsed the candidate on Sunday.");
    // "Both" refers to two the article has named.
    none("Both candidates oppose the toll.");
    source_is("Both candidates said the toll was too high.", "Both candidates", Named);
    source_is("Both of the mayor's rivals said the toll was too high.", "Both of the mayor's rivals", Named);
    source_is("Both of them said the toll was too high.", "Both of them", Pronoun);
    none("Both of the mayor's rivals oppose the toll.");
    source_is("Both of the mayor's rivals criticized the toll.", "Both of the mayor's rivals", Named);
    // Some of them are a crowd.
    source_is("Some of the mayor's rivals criticized the toll.", "Some of the mayor's rivals", Vague);
    // With "by", the participle is a passive: its subject is what was judged.
    none("The toll was opposed by the ferry line.");
    // "support" as material help, and a helping verb, take no side.
    none("The beams support the weight of the pier.");
    none("Volunteers helped the crew load the ferry.");
}

#[test]
fn a_side_taken_as_a_noun_names_its_holders_after_from() {
    has_source("The toll drew scorn from commuters and fishermen.", "commuters and fishermen", Vague);
    has_source("The levy has won broad support from shop owners.", "shop owners", Vague);
    has_source("She faced criticism from some councillors.", "some councillors", Vague);
    has_source("The levy has won support from the Harbour Traders Guild.", "the Harbour Traders Guild", Named);
    // A single message is an event, not a view; a document's origin is no holder.
    none("Okafor was pleased to get a call from an old schoolfriend.");
    none("The ferry drew power from the shore line.");
    assert!(attributions("The pier took its name from the old fishing families.").is_empty());
}

#[test]
fn a_feeling_among_people_is_theirs() {
    has_source("The new timetable was met with relief among commuters.", "commuters", Vague);
    has_source("The toll sparked anger among fishermen.", "fishermen", Vague);
    has_source(
        "The toll sparked anger among members of the Harbour Traders Guild.",
        "members of the Harbour Traders Guild",
        Named,
    );
    // Standing is no feeling; nor is a place where something happens.
    none("The mayor enjoys wide popularity among commuters.");
    none("The ferry sank among the rocks.");
}

#[test]
fn a_feeling_that_spreads_among_people_is_theirs() {
    // The feeling heads its clause; the verb says how far it reaches.
    has_source("Frustration runs deep among night-shift porters.", "night-shift porters", Vague);
    has_source("Deep frustration is spreading among night-shift porters.", "night-shift porters", Vague);
    has_source("Resentment is growing among ferry passengers, and fares keep rising.", "ferry passengers", Vague);
    has_source("Skepticism remains widespread among shopkeepers in town.", "shopkeepers in town", Vague);
    has_source(
        "After the vote, the anger has spread among members of the Harbour Traders Guild.",
        "members of the Harbour Traders Guild",
        Named,
    );
    // Not a feeling: a count or a state of the people ("turnout", "unemployment").
    none("Turnout ran high among the night-shift porters.");
    none("Unemployment is highest among young dockers.");
    // Nor a market's need, which WordNet files with both thought and telling ("demand"), nor an
    // act done to people; but a side taken is a view.
    none("Demand is strong among younger buyers.");
    none("Discrimination is acute among the new arrivals.");
    has_source("Support for the toll is strong among night-shift porters.", "night-shift porters", Vague);
    // A noun for people is a holder, and a noun before another modifies it.
    none("Teachers unions were among the earliest backers of the toll.");
    none("Teachers are common among the volunteers at the port.");
    none("Frustration levels are high among night-shift porters.");
    // Nor a place where it happens, nor a feeling that is someone's own.
    none("Frustration runs deep among the old warehouses.");
    none("Frustration runs deep among the Harbour Street warehouses.");
    none("His frustration grew among the delays.");
    none("His deep frustration is spreading among night-shift porters.");
}

#[test]
fn concern_raised_and_documents_after_with() {
    // A bare mass noun of view as the object, with what it is about.
    source_is("Some skippers raised concern that the channel was silting up.", "Some skippers", Vague);
    source_is(
        "Harbourmaster Ana Ruiz raised concern that the channel was silting up.",
        "Harbourmaster Ana Ruiz",
        Named,
    );
    none("The storm raised concern.");
    // (The noun may end the text: nothing is read past it.)
    none("The storm raised concern");
    none("The levy raised money for the channel.");
    // A document telling a "that" clause after "with".
    has_source("The race is close, with some polls indicating that Ruiz leads.", "some polls", Vague);
    has_source(
        "The race is close, with a Harbour Gazette poll indicating that Ruiz leads.",
        "a Harbour Gazette poll",
        Named,
    );
    none("The race is close, with polls showing a tie.");
}

#[test]
fn an_attitude_after_a_linking_verb() {
    source_is("Many skippers seem skeptical of the new channel.", "Many skippers", Vague);
    source_is("Some commuters appear hopeful that the fares will fall.", "Some commuters", Vague);
    // A named person's attitude is their act; a thing or a pronoun of things holds none.
    none("Harbourmaster Ana Ruiz seemed skeptical of the new channel.");
    none("None of it seemed possible.");
    none("The new channel seems risky.");
}

#[test]
fn a_person_sense_beside_a_document_sense_speaks() {
    // "witness" is also testimony, "rider" a clause added to a bill: speaking, they are people.
    source_is("Several witnesses said the ferry was late.", "Several witnesses", Vague);
    source_is("Some ferry riders said the ferry was late.", "Some ferry riders", Vague);
    source_is("Two witnesses said the ferry was late.", "Two witnesses", Anonymous);
    source_is("The witnesses said the ferry was late.", "The witnesses", Named);
    // A document noun with no person sense stays a document.
    source_is("Harbour figures show the ferry was late.", "Harbour figures", Named);
}

#[test]
fn a_name_with_an_age_before_its_role_is_named() {
    source_is("Furness, 61, a retired contractor, objected to the fee.", "Furness, 61, a retired contractor", Named);
    source_is(
        "Eleni Pappas, 47, a deck officer who has sailed for 20 years, said crews are short.",
        "Eleni Pappas, 47, a deck officer who has sailed for 20 years",
        Named,
    );
    // Look-alikes: a count before a role is no age of a name.
    source_is("Of the 12 ferries, 3, a deckhand said, were idle.", "a deckhand", Anonymous);
    source_is("A retired contractor objected to the fee.", "A retired contractor", Anonymous);
}

#[test]
fn data_is_a_document_and_a_compound_plural_is_no_verb() {
    // "data" is also a collection (a group) in WordNet; the source list calls it a document.
    source_is("Shares fell, according to New York Stock Exchange data.", "New York Stock Exchange data", Named);
    source_is("Shares fell, according to exchange data.", "exchange data", Named);
    source_is("Shares fell, according to data.", "data", Vague);
    // "of hospital records": the plural after a bare noun after a preposition heads a compound.
    none("The study draws on a decade of hospital records.");
    none("The audit relied on years of payroll filings.");
    // The same words as a subject and its verb.
    source_is("The hospital records that visits rose.", "The hospital", Named);
}

#[test]
fn an_answer_is_no_source() {
    // "no" alone between commas answers; it quantifies no one.
    has_source("He said, no, that he thought the deficit ought to be bigger.", "He", Pronoun);
    assert!(
        attributions("He said, no, that he thought the deficit ought to be bigger.")
            .iter()
            .all(|(s, _, _)| s.as_deref() != Some("no"))
    );
    // Look-alike: "no one" is a vague source.
    source_is("No one thought the deficit ought to be bigger.", "No one", Vague);
}

#[test]
fn a_side_taken_in_the_progressive_and_a_group_of_people() {
    // "be" with the "-ing" form is active: the crowd holds the side.
    source_is("Dozens of growers were opposing the canal tax.", "Dozens of growers", Vague);
    source_is("Many tenants are criticizing the rent rise.", "Many tenants", Vague);
    // A word for a group that is no body of its own is the people it holds.
    source_is("A younger generation of farmers opposed the merger.", "A younger generation of farmers", Vague);
    source_is("A small circle of parents said the crossing was unsafe.", "A small circle of parents", Vague);
    // Look-alikes: a passive, a named body, a body with a name, a named holder's side (an act),
    // a group of things.
    none("The canal tax was opposed by the growers.");
    source_is("The board of directors said the merger would close.", "The board of directors", Named);
    source_is("The Council of Economic Advisers said growth would slow.", "The Council of Economic Advisers", Named);
    none("Kagame's government was opposing the canal tax.");
    none("A circle of buildings stood empty.");
}
