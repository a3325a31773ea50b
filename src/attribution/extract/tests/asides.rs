//! The ninth round's classes: told clauses that open with a count, contracted pronouns, nouns
//! after their modifiers, reduced relatives, subjects set off from their verb by asides, the
//! keeper of a document, and tags with verbs the dictionary lacks; each with look-alikes.
use super::{attributions, has_source, impersonal, none, source_is};
use crate::attribution::extract::SourceKind::*;

#[test]
fn a_told_clause_may_open_with_a_count() {
    has_source("Ruiz said more than 300 parents signed the petition.", "Ruiz", Named);
    has_source("Two aides said 40 donors gave the maximum.", "Two aides", Anonymous);
    has_source("Organizers said most volunteers stayed until dawn.", "Organizers", Vague);
    // An act with a counted object is no report of a crowd or an unnamed person.
    for t in ["The club added more than 300 members.", "Two clubs added 40 courts last year."] {
        let all = attributions(t);
        assert!(all.iter().all(|(_, _, k)| !matches!(k, Vague | Anonymous)), "{t}: {all:?}");
    }
}

#[test]
fn a_contracted_pronoun_is_the_subject_of_its_verb() {
    source_is("She's said the levy is fair.", "She's", Pronoun);
    source_is("They’ve argued that the fee is too high.", "They’ve", Pronoun);
    // "it's said", "he's said to": passives, whose source is no one.
    impersonal("It's often said that the levy is fair.", "It's often said");
    let all = attributions("He's said to favour the levy.");
    assert!(all.iter().all(|(s, _, _)| s.as_deref() != Some("He's")), "{all:?}");
}

#[test]
fn a_noun_after_its_modifiers_is_no_verb_of_saying() {
    for t in [
        "Insurers raised rates for private hail coverage.",
        "Farmers here filed more hail claims than growers in any other state.",
        "Complaints filed last year were resolved within a month.",
        "Five patients who have left the ward since 2020 had asked for a transfer.",
    ] {
        let all = attributions(t);
        assert!(
            all.iter().all(|(s, c, _)| !(matches!(c.as_str(), "hail" | "state")
                || t.starts_with("Complaints") && c == "filed")
                && s.as_deref() != Some("2020")
                && s.as_deref() != Some("growers in any other")),
            "{t}: {all:?}"
        );
    }
    // The same words as verbs, after a subject's head.
    has_source("Growers hail the ruling as overdue.", "Growers", Vague);
    has_source("The utility's lawyers state that the fee is legal.", "The utility's lawyers", Named);
    has_source("Officials said last year was the wettest on record.", "Officials", Anonymous);
    has_source("Nearly every patient said the ward was cold.", "Nearly every patient", Vague);
}

#[test]
fn a_subject_set_off_from_its_verb_by_asides_is_still_the_subject() {
    source_is("Tolley, himself up for reelection next year, said he voted against the levy.", "Tolley", Named);
    source_is(
        "Sen. Ada Brill, facing a hard race in Ohio, a swing state, said she would vote.",
        "Sen. Ada Brill",
        Named,
    );
    source_is("Jo Park, a Dayton, Ohio, pastor helping with the drive, said the pantry was empty.", "Jo Park", Named);
    source_is(
        "Sen. Mo Penn, R-Ohio, speaking on the radio after the vote, said the bill failed.",
        "Sen. Mo Penn",
        Named,
    );
    source_is("The judge -- who has feuded with the council -- said she regretted her words.", "The judge", Named);
    has_source(
        "A former ward clerk, reached by phone Tuesday, said supervisors told staff to wait.",
        "A former ward clerk, reached by phone Tuesday",
        Anonymous,
    );
    // The name nearest the verb stays when the clause opens with no name: a quotation's words
    // may come first.
    has_source(
        "My bosses, whoever they were, Mr. Lund, the consultant, said, were patient.",
        "Mr. Lund, the consultant",
        Named,
    );
    // An aside that is the whole subject's appositive keeps the fuller phrase.
    source_is(
        "Maria Vian, the editor of the paper, said every issue sold out.",
        "Maria Vian, the editor of the paper",
        Named,
    );
}

#[test]
fn a_document_names_its_keeper_in_a_clause_or_with_an_ampersand() {
    has_source(
        "The mill employs 300 people, according to figures the company filed with the state.",
        "the company",
        Named,
    );
    has_source("A study by Hale & Orr estimated that most cargo leaves by truck.", "A study by Hale & Orr", Named);
    // With no keeper the document stays vague.
    has_source("The mill employs 300 people, according to figures released in May.", "figures released in May", Vague);
}

#[test]
fn an_unknown_past_form_in_a_tag_is_a_way_of_saying() {
    has_source("\"The engine is held together with tape,\" deadpanned Ana Ruiz.", "Ana Ruiz", Named);
    // Not any unknown word: "flummoxing" is no past form.
    let all = attributions("\"The engine is held together with tape,\" flummoxing Ana Ruiz.");
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn a_view_held_by_no_one_named_is_impersonal() {
    impersonal("In Lisbon, the feeling is that the talks will drag on.", "the feeling is that");
    impersonal("The talk at the feed store is that the mill will close.", "The talk at the feed store is that");
    impersonal("The hope is that the bridge opens in May.", "The hope is that");
    // The writer's own framing, and a feeling with its holders, are not this frame.
    for t in ["The problem is that the pipes are old.", "The point is that the bridge is late."] {
        assert!(attributions(t).is_empty(), "{t}");
    }
    has_source("The feeling among donors is that the race is lost.", "donors", Vague);
}

#[test]
fn there_is_a_view_among_people_with_or_without_a_comma() {
    has_source("Among bakers there is a sense that rents will keep rising.", "bakers", Vague);
    has_source("Among bakers, there is a sense that rents will keep rising.", "bakers", Vague);
    // A place is no holder.
    let all = attributions("Within the city there is a sense that rents will keep rising.");
    assert!(all.iter().all(|(s, _, _)| s.as_deref() != Some("the city")), "{all:?}");
}

#[test]
fn an_aside_between_the_auxiliary_and_the_verb_keeps_the_subject() {
    has_source(
        "Families of people held at the jail have, for years, described it as a dead end.",
        "Families of people held at the jail",
        Vague,
    );
    has_source("The council has, in a rare move, said it will reopen the bid.", "The council", Named);
    // No verb of saying after the aside: nothing told.
    for t in ["The board has, in short, no money left.", "The growers have, since May, planted corn."] {
        assert!(attributions(t).is_empty(), "{t}: {:?}", attributions(t));
    }
}

#[test]
fn nearness_after_a_noun_modifies_it() {
    has_source(
        "Households nearest the plant increasingly suspect that the wells are to blame.",
        "Households nearest the plant",
        Vague,
    );
    has_source("Families closest to the depot fear that the buses will stop.", "Families closest to the depot", Vague);
    // A named body with its nearness stays named; nearness as a predicate is no source.
    has_source(
        "Members of the Dock Street Traders Association nearest the pier said trade fell.",
        "Members of the Dock Street Traders Association nearest the pier",
        Named,
    );
    let all = attributions("The houses nearest the plant are the oldest in town.");
    assert!(all.is_empty(), "{all:?}");
}

/// Whether the first attribution of `text` reports something told (a clause, a quotation)
/// rather than naming an act with a plain object.
fn reports(text: &str) -> bool {
    let s = crate::attribution::tokens::Sent::new(text, crate::text::Span::new(0, text.len()), &[]);
    let mut out = Vec::new();
    crate::attribution::extract::extract(&s, false, &mut out);
    out.first().is_some_and(|a| a.report)
}

#[test]
fn a_phrase_with_a_preposition_may_stand_before_the_told_clause() {
    for t in [
        "Vance alleged in the suit that the firm overbilled the county.",
        "The utility disclosed in its 2023 annual report that the plant drew more water.",
        "The auditor wrote in a letter to the board that fees had risen.",
    ] {
        assert!(reports(t), "{t}");
    }
    // Look-alikes: an act with a plain object, and "that" opening the object's own clause.
    for t in [
        "The utility added 40 staff in its 2023 budget.",
        "Vance described the plan in a letter that the board ignored.",
    ] {
        assert!(!reports(t), "{t}");
    }
}

#[test]
fn a_name_after_a_or_an_modifies_the_noun_after_it() {
    // "an average Medicare check": "check" is the noun the name modifies, not a verb of the
    // retirees before it.
    for t in [
        "Nine million retirees, who live on an average Medicare check of about $900, cannot save.",
        "Growers who sell to a Dutch Auction house report steady prices.",
    ] {
        let all = attributions(t);
        assert!(all.iter().all(|(_, c, _)| c != "check" && c != "house"), "{t}: {all:?}");
    }
    // The same names before the verb of a subject: "a Medicare official says", "Dutch Auction
    // buyers report".
    has_source("A Medicare official says the checks will arrive late.", "A Medicare official", Anonymous);
    has_source("Dutch Auction buyers report that prices held.", "Dutch Auction buyers", Vague);
}

#[test]
fn a_verb_of_happening_is_no_finding() {
    // "happen" and "emerge" take a clause in WordNet, but tell nothing.
    for t in [
        "The only reason the merger is not happening is that the board balked.",
        "The same thing happened when the mill closed in 1998.",
    ] {
        let all = attributions(t);
        assert!(all.iter().all(|(_, c, _)| !c.contains("happen")), "{t}: {all:?}");
    }
    // Look-alikes: evidence verbs with a clause.
    has_source("The audit found that the mill closed in 1998.", "The audit", Named);
    has_source("The records confirmed that the merger collapsed.", "The records", Named);
}

#[test]
fn a_relative_clause_after_a_view_noun_is_no_view() {
    // "that were promised" qualifies the economies; nobody's view follows.
    none("The economies in government that were promised never came.");
    none("The savings in the county that have been booked came to $4 million.");
    // Look-alikes: a view among people, with its clause.
    has_source("The feeling among donors that I spoke to is that the race is lost.", "donors", Vague);
    source_is("There is agreement among economists that rates will fall.", "economists", Vague);
}
