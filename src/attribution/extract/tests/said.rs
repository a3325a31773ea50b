//! The fifth round's classes: the commonest frames of saying ("said", "says", "told", "according
//! to") that the grammar missed, each with look-alikes.
use super::{attributions, has_source, none, source_is};
use crate::attribution::extract::SourceKind::*;

#[test]
fn a_speaker_with_a_person_sense_times_and_participles_before_the_verb() {
    // A noun whose first sense is a thing but which also names a person, speaking.
    source_is("A party whip said the vote would be close.", "A party whip", Anonymous);
    source_is("The chief whip said the vote would be close.", "The chief whip", Named);
    none("A leather whip hung by the door.");
    // A time between the subject and its verb.
    source_is("Okafor earlier Tuesday said the pier was safe.", "Okafor", Named);
    source_is("The harbour board last week said the pier was safe.", "The harbour board", Named);
    source_is("Some pilots last week said the pier was unsafe.", "Some pilots", Vague);
    // A participle with its day.
    source_is(
        "A Gazette survey released Friday found that most berths sat empty.",
        "A Gazette survey released Friday",
        Named,
    );
    source_is("A survey released Friday found that most berths sat empty.", "A survey released Friday", Vague);
}

#[test]
fn finders_estimates_and_gerunds_after_according_to() {
    // Anyone who finds that a clause is so is its source; a thing found is an act.
    source_is("The Harbour Gazette found that 1 in 3 tenants paid late.", "The Harbour Gazette", Named);
    source_is("The Gazette found that many tenants paid late.", "The Gazette", Named);
    none("The Gazette found the missing ledger.");
    // "puts X at" an amount: an estimate.
    source_is("The Harbour Gazette puts the repair bill at $4 million.", "The Harbour Gazette", Named);
    source_is("Analysts put the repair bill at a hefty $4 million.", "Analysts", Vague);
    none("The storm put the old pier at risk.");
    // What "according to" governs is a noun phrase, a gerund included.
    has_source("Turnout fell, according to polling by the Harbour Gazette.", "polling by the Harbour Gazette", Named);
    has_source("Turnout fell, according to polling.", "polling", Vague);
    // A "that" clause opening with a quotation.
    source_is(
        "The Okafor campaign projects that \u{201c}a modest levy\u{201d} would raise $2 million.",
        "The Okafor campaign",
        Named,
    );
}

#[test]
fn names_joined_quoted_or_credited_and_long_relative_clauses() {
    source_is("A Gazette/Harbour Radio poll found that most tenants paid late.", "A Gazette/Harbour Radio poll", Named);
    source_is(
        "A news site called \u{201c}The Quay\u{201d} reported that rents fell.",
        "A news site called \u{201c}The Quay\u{201d}",
        Named,
    );
    // A video credited to a name is that name's; a video alone names no one.
    source_is(
        "A grainy video credited to Harbour Radio showed that the pier had collapsed.",
        "A grainy video credited to Harbour Radio",
        Named,
    );
    source_is("A grainy video showed that the pier had collapsed.", "A grainy video", Vague);
    // A relative clause between commas, commas and all, belongs to the name before it.
    source_is("Okafor, whose ward, Eastgate, floods every spring, argues that the levy is fair.", "Okafor", Named);
    source_is(
        "Dunne, who is weighing a run for mayor, said the fees were unfair.",
        "Dunne, who is weighing a run for mayor",
        Named,
    );
    source_is("Dunne, who's weighing a run for mayor, said the fees were unfair.", "Dunne", Named);
    // A capitalised word that is also a document noun, opening the sentence with "who": a person.
    source_is("Memo, who chairs the board, said the fees were unfair.", "Memo, who chairs the board", Named);
    source_is("Research shows that the fees were unfair.", "Research", Vague);
    // An amount after "is" measures the noun: no view.
    none("The average cost of a permit in Eastgate is $340.");
    // A reduced passive closing the sentence is the whole clause's source, even after a named
    // one; inside what a named source says, it is theirs.
    has_source(
        "Audits by the Harbour Trust back this figure, cited by several pier analysts.",
        "several pier analysts",
        Vague,
    );
    assert!(
        attributions("The mayor said the claim, disputed by some experts, was false.")
            .iter()
            .all(|(_, _, k)| *k == Named),
        "inside a named source's words"
    );
}

#[test]
fn simple_frames_the_grammar_used_to_miss() {
    // A day in the told clause's adjunct before "that".
    source_is("A harbour official said on Friday that the berths were full.", "A harbour official", Anonymous);
    // A name's closing abbreviation.
    source_is("Tomas Okafor Jr. said the berths were full.", "Tomas Okafor Jr.", Named);
    // A determined subject with a name before its noun, then a regular past form.
    source_is("A dock worker said the Okafor campaign balked at the price.", "A dock worker", Anonymous);
    // An auxiliary right after a noun, however far into the clause.
    source_is("Port staff said the average fee during the April-to-June holiday season was high.", "Port staff", Named);
    // A verb of saying after a word that may be an adjective or an -ing modifier, with its
    // clause: the word is a name or a noun, and the form its verb.
    source_is("Stone says the pier is safe.", "Stone", Named);
    source_is("The chief says the plan works.", "The chief", Named);
    none("Plain words rarely win elections.");
    none("The race was full of personal insults.");
    // A short clause ending with its verb after a determined subject.
    source_is("Okafor said the plan works.", "Okafor", Named);
    // A poll's respondents and a spelled share refer back to the poll.
    source_is("Those surveyed said the fees were too high.", "Those surveyed", Pronoun);
    source_is("Thirty percent said the fees were too high.", "Thirty percent", Pronoun);
    none("Those guarded doors stayed shut.");
    // A tag closing the sentence with an addressee by name.
    source_is("The pier was unsafe, a harbour official told The Quay Gazette.", "a harbour official", Anonymous);
    // Look-alike: a plain object is an act, not an addressee.
    none("The pier was unsafe, and a harbour official repaired the rail.");
}

#[test]
fn contractions_shares_fronted_adjectives_and_a_names_particulars() {
    // A pronoun contracted with its auxiliary opens the told clause.
    source_is("His aides say it's too early to tell.", "His aides", Anonymous);
    // A noun-like verb at the very end, with no full stop after it (this read past the end).
    source_is("Rents rose, tenants say", "tenants", Vague);
    // A word the dictionary lacks, shaped like an agent noun.
    source_is("Another commenter said the pier was unsafe.", "Another commenter", Anonymous);
    // A name, then a day and a time before "that".
    source_is("A porter told The Quay Gazette Tuesday morning that the pier was unsafe.", "A porter", Anonymous);
    // A share of a set is many, whatever its number.
    source_is("One in five say the fees are too high.", "One in five", Pronoun);
    // "neither ... nor" subjects in the told clause.
    source_is("A spokeswoman says neither the mayor nor her staff knew.", "A spokeswoman", Anonymous);
    // An adjective with its preposition opening the sentence is no subject.
    source_is("Contrary to the rumours, port officials say the pier is safe.", "port officials", Anonymous);
    // A post-head adverb belongs to the subject.
    source_is("Tenants overall said the fees were too high.", "Tenants overall", Vague);
    // A name's age, hometown and state between commas.
    source_is("Dara Quinn, 41, of Eastgate, Ore., says the pier is unsafe.", "Dara Quinn", Named);
    source_is("Rep. Ana Ruiz, D-Ore., said the pier is unsafe.", "Rep. Ana Ruiz", Named);
    // Look-alikes: a place fronted with its state; a role in apposition stays.
    source_is("In Eastgate, Ore., tenants said the fees were too high.", "tenants", Vague);
    source_is(
        "Jo Marr, editor of the Gazette, wrote that the pier was unsafe.",
        "Jo Marr, editor of the Gazette",
        Named,
    );
}

#[test]
fn closed_class_words_before_the_verb_and_reduced_relatives() {
    // A quantifier the dictionary also lists as an adverb is the subject, not an adverb.
    has_source("The council passed rules that some say target tenants.", "some", Vague);
    // A capitalised adjective opening the sentence is a name when the verb needs a subject.
    source_is("Jolly said the pier was unsafe.", "Jolly", Named);
    // "but" joins a second verb of the same subject.
    source_is("Okafor keeps her notes private but says the fees will rise.", "Okafor", Named);
    // "about" before a quantifier, "one" and "another" standing alone.
    source_is(
        "In Eastgate, about half of the tenants said the fees were too high.",
        "about half of the tenants",
        Vague,
    );
    let all = attributions("One says the pier is safe, while another says it is not.");
    assert!(all.iter().filter(|(_, _, k)| *k == Anonymous).count() == 2, "{all:?}");
    // A relative clause's teller, with the clause's verb right after.
    has_source("The levy, which the council says raises $2 million, is unpopular.", "the council", Named);
    // A reduced relative before the verb of saying, and "those" with a prepositional phrase.
    source_is(
        "Some 40 percent of tenants polled said the fees were too high.",
        "Some 40 percent of tenants polled",
        Pronoun,
    );
    source_is("Tenants interviewed said the fees were too high.", "Tenants interviewed", Vague);
    source_is("Those over 60 say the fees are too high.", "Those over 60", Vague);
    // Look-alikes: a quantifier determining an object, "over all" as one adverb, a name given in
    // quotation marks before a participle's comma.
    none("The figures should be causing some worry at the harbour board.");
    source_is("Many tenants over all favored the new board.", "Many tenants", Vague);
    source_is(
        "The Okafor campaign posted a clip from an account called \"Pier Watch\" that showed the rail, saying that it was unsafe.",
        "The Okafor campaign",
        Named,
    );
}

#[test]
fn absolutes_restrictive_relatives_inverted_tags_and_zero_that() {
    // A dateline set off by a horizontal bar.
    source_is("EASTGATE ― The harbour board said the pier would reopen.", "The harbour board", Named);
    // "with" and a phrase, then an -ing verb of saying.
    source_is("Rents rose again, with many tenants saying the board ignored them.", "many tenants", Vague);
    none("The ferry left with its lights flashing.");
    // A restrictive "who" with an adverb inside the told clause.
    has_source("The board heard from pilots who say the rail quietly fails.", "who", Pronoun);
    // "whose" and its noun refer back to the phrase before it.
    source_is("The ruling was a blow to Okafor, whose lawyers argued that the fee was lawful.", "lawyers", Pronoun);
    // A subject pronoun after a noun, with no "that".
    has_source("She was so sure of the plan's value she said the board would agree.", "she", Pronoun);
    // An inverted tag with a base form between commas.
    source_is("Part of the trouble, say many pilots, is the tide itself.", "many pilots", Vague);
    // Look-alikes: a quantifier before a noun modifying a plural, "say" as "for example".
    none("Most state parties release their delegates early.");
    none("We left home, say, at ten.");
}

#[test]
fn contracted_subjects_quoted_predicates_closing_finders_and_name_lists() {
    // A pronoun contracted with "be", "would" or "will" opens the told clause.
    source_is("Stone says he\u{2019}s going to run again.", "Stone", Named);
    source_is("Stone says it\u{2019}s too early to tell.", "Stone", Named);
    // A quotation after the told clause's subject is its predicate.
    source_is("Stone says the harbour board \u{201c}can\u{2019}t win this one.\u{201d}", "Stone", Named);
    // A finder closing the sentence as its tag; a day before "that" after a verb the dictionary lacks.
    source_is("Rents rose again in the spring, the Gazette found.", "the Gazette", Named);
    source_is("Okafor tweeted Monday that the pier was unsafe.", "Okafor", Named);
    // A list of names inside the told clause's subject.
    source_is("A porter said remarks from Ruiz, Okafor, Dunne and Marr were consistent.", "A porter", Anonymous);
    // A capitalised word for a people after a fronted description is a name.
    source_is(
        "A self-described moderate, Cuban said he'd consider the offer.",
        "A self-described moderate, Cuban",
        Named,
    );
    // Look-alike: a thing found is an act.
    none("Soon he found the harbour welcoming.");
}

#[test]
fn the_main_subject_of_a_saying_clause_and_reports_over_acts() {
    // A parenthesis inside the main clause, and a name with its state between commas.
    source_is("Okafor backed Rep. Ana Ruiz (D-Ore.) on Monday, saying the pier was unsafe.", "Okafor", Named);
    source_is("Sen. Ana Ruiz, D-Ore., dropped her bid, saying the race was lost.", "Sen. Ana Ruiz", Named);
    // A named source's act and its report: the report is what tells the clause.
    let all = attributions("Okafor addressed the harbour board, saying that the fees were unlawful.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].1, "saying", "{all:?}");
    // Look-alikes: a crowd's first cue stays its finding; a later verb's wrong subject is not
    // taken ("..., and understates" is the clause's own).
    let all = attributions("Pilots warn of the tides, emphasizing that the pier is unsafe.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].1, "warn", "{all:?}");
    assert!(
        attributions("The board's narrow approach neglects the pier's benefits to the town, and understates the risk.")
            .is_empty()
    );
}
