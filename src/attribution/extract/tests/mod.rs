//! The extractor on bare sentences, written here. Each class of the grammar has flagged cases and
//! at least as many look-alikes with a named source.
use super::*;
use crate::attribution::tokens::Sent;

fn attributions(text: &str) -> Vec<(Option<String>, String, SourceKind)> {
    // Quotation spans: pairs of double quotation marks.
    let marks: Vec<usize> = text.char_indices().filter(|(_, c)| matches!(c, '"' | '“' | '”')).map(|(i, _)| i).collect();
    let quotes: Vec<Span> = marks.chunks(2).filter(|p| p.len() == 2).map(|p| Span::new(p[0], p[1] + 1)).collect();
    let s = Sent::new(text, Span::new(0, text.len()), &quotes);
    let mut out = Vec::new();
    extract(&s, false, &mut out);
    out.iter()
        .map(|a| (a.source.map(|sp| text[sp.range()].to_string()), text[a.cue.range()].to_string(), a.kind))
        .collect()
}

/// The first attribution's source text and kind.
#[track_caller]
fn first(text: &str) -> (Option<String>, SourceKind) {
    let all = attributions(text);
    let Some((src, _, kind)) = all.into_iter().next() else { panic!("no attribution in {text:?}") };
    (src, kind)
}

#[track_caller]
fn source_is(text: &str, want: &str, kind: SourceKind) {
    let (src, k) = first(text);
    assert_eq!(src.as_deref(), Some(want), "source of {text:?}");
    assert_eq!(k, kind, "kind of {text:?}");
}

/// Some attribution (not necessarily the first) has this source and kind.
#[track_caller]
fn has_source(text: &str, want: &str, kind: SourceKind) {
    let all = attributions(text);
    assert!(
        all.iter().any(|(s, _, k)| s.as_deref() == Some(want) && *k == kind),
        "no {kind:?} source {want:?} in {text:?}: {all:?}"
    );
}

#[track_caller]
fn impersonal(text: &str, cue: &str) {
    let all = attributions(text);
    assert!(
        all.iter().any(|(s, c, k)| s.is_none() && c == cue && *k == SourceKind::Impersonal),
        "no impersonal cue {cue:?} in {text:?}: {all:?}"
    );
}

#[track_caller]
fn none(text: &str) {
    let all = attributions(text);
    assert!(all.is_empty(), "expected no attribution in {text:?}, got {all:?}");
}

use SourceKind::*;

#[test]
fn group_nouns_with_any_speech_or_thought_verb_are_vague() {
    source_is("A handful of stallholders grumbled that the rent had doubled.", "A handful of stallholders", Vague);
    source_is("Rival coaches have quietly questioned whether the referee was fair.", "Rival coaches", Vague);
    source_is(
        "Plenty of longtime tenants in the building suspect the landlord knew.",
        "Plenty of longtime tenants in the building",
        Vague,
    );
    source_is("Several nurses did not dispute the figures.", "Several nurses", Vague);
    source_is("Most commuters privately fret about the new timetable.", "Most commuters", Vague);
    source_is("Many in the valley believe the dam will fail.", "Many in the valley", Vague);
}

#[test]
fn named_sources_with_the_same_verbs_are_named() {
    source_is("Priya Dhanani grumbled that the rent had doubled.", "Priya Dhanani", Named);
    source_is("Coach Ellery Vance has quietly questioned whether the referee was fair.", "Coach Ellery Vance", Named);
    source_is(
        "The tenants' association at Marlow Court suspects the landlord knew.",
        "The tenants' association at Marlow Court",
        Named,
    );
    source_is("Dr. Ines Falk did not dispute the figures.", "Dr. Ines Falk", Named);
    source_is(
        "The hospital's chief nursing officer privately frets about the rota.",
        "The hospital's chief nursing officer",
        Named,
    );
    source_is(
        "Nurses at Saint Brigid's Hospital believe the ward will close.",
        "Nurses at Saint Brigid's Hospital",
        Named,
    );
    source_is("She believes the dam will fail.", "She", Pronoun);
}

#[test]
fn a_place_or_a_trade_is_not_an_identity() {
    source_is(
        "Shop owners along Harbour Road argue the bus lane is killing trade.",
        "Shop owners along Harbour Road",
        Vague,
    );
    source_is("Residents of Linden Avenue complained about the noise.", "Residents of Linden Avenue", Vague);
    source_is("Bond traders in Chicago expect a cut.", "Bond traders in Chicago", Vague);
    // ... but an organisation is.
    source_is("Analysts at Pemberton Securities expect a cut.", "Analysts at Pemberton Securities", Named);
    source_is("Engineers from Tessaly Rail said the bridge was sound.", "Engineers from Tessaly Rail", Named);
}

#[test]
fn inverted_and_parenthetical_sources() {
    source_is("\"We will not back down,\" said a union steward.", "a union steward", Anonymous);
    source_is(
        "\"We will not back down,\" said Marta Kell, the union's secretary.",
        "Marta Kell, the union's secretary",
        Named,
    );
    source_is("The deal is close, aides said, but not done.", "aides", Anonymous);
    source_is("The deal is close, Mayor Oduya said, but not done.", "Mayor Oduya", Named);
}

#[test]
fn everyone_anyone_and_negated_quantifiers_are_crowds() {
    source_is("Not everyone agrees that the levy works.", "Not everyone", Vague);
    source_is("Not all growers agree that the levy works.", "Not all growers", Vague);
    source_is("Nearly everyone on the dock believes the ferry is late.", "Nearly everyone on the dock", Vague);
    source_is("Anyone who rides the ferry knows it runs late.", "Anyone who rides the ferry", Vague);
    // In a question or a condition, "anyone" asks whether such a person exists.
    none("Did anyone say the ferry was late?");
    has_source("The board asked whether anyone knew the ferry was late.", "The board", Named);
    assert_eq!(attributions("The board asked whether anyone knew the ferry was late.").len(), 1);
    none("If anybody knew the ferry was late, they kept quiet.");
    // A capacity is no attitude: "able", "capable" (WordNet's nouns of ability).
    none("Many growers are able to sell early.");
    none("Some pilots are capable of docking in fog.");
    source_is("Many growers are skeptical of the plan.", "Many growers", Vague);
}

#[test]
fn officials_alone_are_unnamed_people_not_an_institution() {
    // "Officials" names no body, like "city officials" or "officials at the ministry".
    source_is("Officials said the pier will stay shut.", "Officials", Anonymous);
    source_is("The pier, officials say, will stay shut.", "officials", Anonymous);
    source_is("City officials said the pier will stay shut.", "City officials", Anonymous);
    // An institution named by its people is the institution.
    source_is("Police said the pier will stay shut.", "Police", Named);
    source_is("Prosecutors said the pier will stay shut.", "Prosecutors", Named);
}

#[test]
fn a_decision_with_an_infinitive_is_an_act() {
    // A crowd deciding or choosing to do something acts; it tells no view.
    none("Some growers decided to sell the farm.");
    none("Many presidents choose to campaign for a successor.");
    // The same verbs telling a view stay attributions.
    source_is("Many growers decided that the levy was unfair.", "Many growers", Vague);
    source_is("Many growers expect to have a poor harvest.", "Many growers", Vague);
    has_source("The toll is what many commuters believed to be unfair.", "many commuters", Vague);
}

#[test]
fn a_surname_that_is_also_a_word_for_a_message_is_a_name() {
    // "song" and "beck" are nouns of communication in the dictionary; a count noun cannot open a
    // sentence without a determiner, so before a verb of saying the word is a name.
    source_is("Song said the plan would fail.", "Song", Named);
    source_is("Beck argued that the plan would fail.", "Beck", Named);
    source_is("The plan would fail, Song said.", "Song", Named);
    // A mass noun before a verb of evidence is a document nobody named.
    source_is("Research shows the levy worked.", "Research", Vague);
    source_is("Evidence suggests the levy worked.", "Evidence", Vague);
    source_is("Testimony revealed the plan.", "Testimony", Vague);
}

#[test]
fn a_tag_between_commas_inside_the_clause() {
    // The source is the phrase between the first comma and the verb, whatever comes before.
    source_is("Growth, economists say, will slow.", "economists", Vague);
    source_is("Taxes, one aide said, will rise.", "one aide", Anonymous);
    source_is("The levy, Mayor Ruiz said, will rise.", "Mayor Ruiz", Named);
    // What was said is on both sides of the tag.
    let text = "The ferry's losses, the harbour board said, rose 40 percent last year.";
    let s = Sent::new(text, Span::new(0, text.len()), &[]);
    let mut got = Vec::new();
    extract(&s, false, &mut got);
    let content = got[0].content.expect("content");
    assert_eq!(content.slice(text), "The ferry's losses, the harbour board said, rose 40 percent last year");
    // A name and its role before a tag and a quotation stay the subject.
    source_is("Jo Marr, the editor, said, \"We will print it.\"", "Jo Marr, the editor", Named);
}

#[test]
fn an_opening_adverb_before_a_comma_is_no_part_of_the_subject() {
    source_is("Meanwhile, Mayor Oduya said the deal was close.", "Mayor Oduya", Named);
    source_is("Still, some growers worry about the frost.", "some growers", Vague);
    source_is("Sure, county figures suggest the levy worked.", "county figures", Named);
    // A name that is also an adverb, with its clause, is the subject.
    source_is("Small, who runs the bakery, said rents had doubled.", "Small, who runs the bakery", Named);
    // A spaced hyphen sets off an aside like a dash.
    source_is(
        "Third, the harbor master - on June 2 after the B-52 flight - indicated that the ferries were running.",
        "the harbor master",
        Named,
    );
}

#[test]
fn according_to_takes_its_object() {
    source_is(
        "The plant will shut in May, according to people briefed on the plan.",
        "people briefed on the plan",
        Anonymous,
    );
    source_is("The plant will shut in May, according to Halvorsen Steel.", "Halvorsen Steel", Named);
    source_is("Turnout fell, according to observers.", "observers", Vague);
    source_is("Turnout fell, according to the county clerk.", "the county clerk", Named);
}

#[test]
fn anonymous_formulas() {
    source_is(
        "A person familiar with the negotiations said the offer was withdrawn.",
        "A person familiar with the negotiations",
        Anonymous,
    );
    source_is(
        "Two officials with knowledge of the audit said it was delayed.",
        "Two officials with knowledge of the audit",
        Anonymous,
    );
    source_is("Someone close to the coach said he would stay.", "Someone close to the coach", Anonymous);
    // Named look-alikes.
    source_is("A spokeswoman, Lena Ortmann, said the offer was withdrawn.", "A spokeswoman, Lena Ortmann", Named);
    source_is("The auditor general said it was delayed.", "The auditor general", Named);
    source_is("Coach Imre Balasz said he would stay.", "Coach Imre Balasz", Named);
}

#[test]
fn passives_and_raising_are_impersonal() {
    impersonal("It is widely assumed that the merger will go ahead.", "It is widely assumed");
    impersonal("The mayor is said to favour a delay.", "is said to");
    impersonal("The scheme has been described as a lifeline.", "has been described");
    // A passive with an agent has that agent as its source.
    source_is("The plan was criticised by shopkeepers on the high street.", "shopkeepers on the high street", Vague);
    source_is("The plan was criticised by the Harbour Traders Guild.", "the Harbour Traders Guild", Named);
}

#[test]
fn nominal_cues() {
    source_is("The mood among donors is that the race is lost.", "donors", Vague);
    source_is("There is broad agreement among economists that rates will fall.", "economists", Vague);
    impersonal("It is common knowledge that the pier is unsafe.", "common knowledge");
    // Not a cue: a change in a thing.
    none("The rise in rents is steep.");
    none("The talks among the three firms ended on Friday.");
}

#[test]
fn documents_need_a_name() {
    source_is("Recent surveys show support for the levy slipping.", "Recent surveys", Vague);
    source_is("Records show the contract was never signed.", "Records", Vague);
    source_is("The council's own records show the contract was never signed.", "The council's own records", Named);
    source_is("A Harwick Institute survey shows support slipping.", "A Harwick Institute survey", Named);
}

#[test]
fn nouns_that_look_like_verbs_are_not_cues() {
    none("The claims were never tested in court.");
    none("Voter fears grew after the storm.");
    none("His doubts about the plan are well known.");
    none("The bridge reopened on Tuesday.");
}

#[test]
fn coordinated_and_relative_subjects() {
    source_is(
        "Farmers and feed suppliers say the drought is the worst they remember.",
        "Farmers and feed suppliers",
        Vague,
    );
    source_is("Parents who attended the meeting said the plan was rushed.", "Parents who attended the meeting", Vague);
    source_is(
        "Voters in Marsh County who backed the levy say they feel misled.",
        "Voters in Marsh County who backed the levy",
        Vague,
    );
    source_is(
        "Councillor Aoife Brennan and Mayor Tomas Reyes say the drought is severe.",
        "Councillor Aoife Brennan and Mayor Tomas Reyes",
        Named,
    );
}

#[test]
fn universal_and_negative_quantifiers_are_vague() {
    source_is("Everyone agrees the pier needs work.", "Everyone", Vague);
    source_is("No one expects the tunnel to open on time.", "No one", Vague);
    source_is("Few economists would ever admit this.", "Few economists", Vague);
}

#[test]
fn a_participle_of_saying_takes_the_main_clause_subject() {
    source_is("Several tenants left the hearing early, saying the landlord had lied.", "Several tenants", Vague);
    source_is(
        "In March, a couple of growers pulled out, arguing that the price was too low.",
        "a couple of growers",
        Vague,
    );
    // Named look-alikes, and participles that report nothing.
    source_is("In March, Harriet Vance pulled out, saying the price was too low.", "Harriet Vance", Named);
    source_is("The water board raised rates, citing the drought.", "The water board", Named);
    source_is("She closed the shop, telling staff that the lease had ended.", "She", Pronoun);
    none("The ferry captain turned back, fearing the worst.");
    none("The council cut costs by saying no to new hires.");
}

#[test]
fn parentheticals_and_opening_adverbs_do_not_hide_the_subject() {
    source_is("Ms. Okafor, for her part, has denied that the fund was misused.", "Ms. Okafor", Named);
    source_is("The skipper, however, said the pier would reopen.", "The skipper", Named);
    source_is("Even the organiser of the fair said the rules were too strict.", "the organiser of the fair", Named);
    source_is("Some say the bridge was never safe.", "Some", Vague);
    source_is("Surveys there show the lead is narrowing.", "Surveys there", Vague);
    // "including" names who the group is.
    assert!(
        attributions("Critics, including the Rowan Valley Trust, say the road is too wide.")
            .iter()
            .all(|(_, _, k)| *k != Vague)
    );
}

#[test]
fn institutions_with_an_article_speak_for_themselves() {
    source_is("The agency said in a statement that the tests were clean.", "The agency", Named);
    source_is("The Ortega campaign said the advert was misleading.", "The Ortega campaign", Named);
    // Unnamed people of a named body are anonymous, not the body.
    source_is("Harbour Board officials say the dredging will start in May.", "Harbour Board officials", Anonymous);
    // Officials of no named body are unnamed people too.
    source_is("Officials said the road would reopen.", "Officials", Anonymous);
}

#[test]
fn a_poll_share_refers_back_to_its_poll() {
    source_is("Asked about the levy, 41 percent of residents said it was fair.", "41 percent of residents", Pronoun);
    source_is("Another 12 percent said they had not decided.", "Another 12 percent", Pronoun);
    // A count of people is still anonymous.
    source_is("Two nurses said the ward was short of staff.", "Two nurses", Anonymous);
}

#[test]
fn a_possessor_holds_the_view_its_noun_names() {
    source_is("The treasurer's argument is that the reserve is too small.", "The treasurer's", Named);
    source_is("Their fear was that the mill would close.", "Their", Pronoun);
    none("The treasurer's report was late.");
}

#[test]
fn names_that_look_like_plurals_and_shares_in_words() {
    // A capitalised plural that is no kind of people is a surname.
    source_is("Sanders said the vote would be close.", "Sanders", Named);
    source_is("Surveyors said the vote would be close.", "Surveyors", Vague);
    source_is("About three in 10 said the tax was fair.", "About three in 10", Pronoun);
    source_is("Thirty-one percent said the tax was fair.", "Thirty-one percent", Pronoun);
}

#[test]
fn a_time_or_an_addressee_may_stand_between_the_verb_and_that() {
    source_is("A ferry worker said on Monday that the crossing was unsafe.", "A ferry worker", Anonymous);
    source_is("A ferry worker told the council last week that the crossing was unsafe.", "A ferry worker", Anonymous);
    // A plain object is an act, not a report.
    none("A ferry worker reported the fault last week.");
}

#[test]
fn second_verbs_relative_clauses_and_documents_the_article_introduced() {
    // A second verb of the same subject.
    source_is("Okafor later posted a photo of the flood and said the pumps had failed.", "Okafor", Named);
    source_is("Some growers sold early and said the price would fall.", "Some growers", Vague);
    // The subject inside a relative clause.
    let all = attributions("The levy, which officials said would raise little, was dropped.");
    assert!(all.iter().any(|(s, c, _)| s.as_deref() == Some("officials") && c == "said"), "{all:?}");
    // "who" stands for the phrase before it, unless that phrase is the next verb's subject.
    let all = attributions("She thanked the volunteers, who say the hall is too small.");
    assert!(all.iter().any(|(s, _, k)| s.as_deref() == Some("who") && *k == Pronoun), "{all:?}");
    source_is(
        "A porter, who asked not to be named, said the trains ran late.",
        "A porter, who asked not to be named",
        Anonymous,
    );
    // A definite thing the article introduced: a document or a body.
    source_is("The lawsuit says the county ignored its own rules.", "The lawsuit", Named);
    source_is("Ortiz, however, said the pumps were new.", "Ortiz", Named);
    none("The lawsuit cost the county a fortune.");
}

#[test]
fn what_the_grammar_names_is_not_vague_or_anonymous() {
    source_is("Quarrie and others said the bridge should close.", "Quarrie and others", Named);
    source_is("Okonjo, a Liberal, said the levy was unfair.", "Okonjo, a Liberal", Named);
    source_is(
        "Members of the Tarn Valley Growers Union said the price was too low.",
        "Members of the Tarn Valley Growers Union",
        Named,
    );
    // The unnamed people of a named body, a document noun opening the sentence, an informant.
    source_is("Insiders at Harbour Hall say the mayor will resign.", "Insiders at Harbour Hall", Anonymous);
    source_is("Research shows the lanes are safer.", "Research", Vague);
    source_is("A court source said the hearing would move.", "A court source", Anonymous);
}

#[test]
fn ambiguous_forms_after_a_cue_and_documents_one_of_many() {
    // "plans", "gives": a verb after the reported subject, so the verb of saying reports.
    source_is("Aides say the treasurer plans to resign.", "Aides", Anonymous);
    source_is("Economists say taxing fuel curbs demand.", "Economists", Vague);
    // An indefinite document is one of many; a keeper's records are identified.
    source_is("A new regional survey suggests that the lead is narrowing.", "A new regional survey", Vague);
    source_is("Harbour board records show the dredging stalled.", "Harbour board records", Named);
    // A coordination inside a prepositional phrase belongs to its object.
    source_is(
        "Recent polls in Tarn and Elm County show the lead narrowing.",
        "Recent polls in Tarn and Elm County",
        Vague,
    );
    // A noun and its verb: no cue.
    none("Voter fears grow as the vote nears.");
}

#[test]
fn a_crowds_stance_is_a_source_even_with_a_plain_object() {
    source_is("Many tenants dislike the new parking rules.", "Many tenants", Vague);
    source_is("Most growers doubted the figures.", "Most growers", Vague);
    source_is("Some staff fear more cuts.", "Some staff", Vague);
    // Look-alikes: a named person's stance, someone's circle, a passive, a causative, a change.
    let ok = |t: &str| attributions(t).iter().all(|(_, _, k)| *k != Vague);
    assert!(ok("Okafor dislikes the new parking rules."));
    assert!(ok("The mayor's aides dislike the new parking rules."));
    assert!(ok("The tenants are bound by a code of conduct."));
    assert!(ok("The dashboard, version two, lets users compare prices."));
    assert!(ok("Many plumbers left the trade last year."));
    source_is("Three of four voters said the levy was fair.", "Three of four voters", Pronoun);
}

#[test]
fn a_crowds_attitude_after_be_is_a_source() {
    source_is("Many growers are skeptical of the new quota.", "Many growers", Vague);
    source_is("Some parents have long been hopeful that the school reopens.", "Some parents", Vague);
    source_is("Several shopkeepers were worried about the roadworks.", "Several shopkeepers", Vague);
    // Look-alikes: a named person's attitude, someone's circle, a plain description.
    none("Ortiz was skeptical of the new quota.");
    none("Her aides' families were hopeful.");
    none("The roads were icy this morning.");
    none("Many growers are members of the union.");
}

#[test]
fn evidence_verbs_tags_headlines_and_that_clauses() {
    // A document that finds or shows something.
    source_is("The audit found that the fund was never used.", "The audit", Named);
    source_is("A recent survey showed most stalls empty.", "A recent survey", Vague);
    none("The clerk found the missing ledger.");
    // Any verb closing a quotation's tag, and any verb taking a "that" clause with its subject.
    source_is("\"We will rebuild,\" she continued.", "she", Pronoun);
    source_is("Okafor posted that she would stand again.", "Okafor", Named);
    // A headline's source before a colon.
    source_is("Insiders: the harbour deal is dead.", "Insiders", Anonymous);
    source_is("Harbour Trust: fees will rise.", "Harbour Trust", Named);
    none("Update: the road is open.");
}

#[test]
fn a_capitalised_head_with_a_persons_appositive_is_a_name() {
    // "mason" is a trade in the dictionary; capitalised with no article, it is a surname.
    source_is("Mason, a retired ferry pilot, said the crossing was unsafe.", "Mason, a retired ferry pilot", Named);
    // A thing is not renamed by people.
    source_is("That view, the pilots said, is out of date.", "the pilots", Named);
}

#[test]
fn tags_between_commas_new_clauses_and_pronoun_objects() {
    source_is("The levy was fair, her aides said Monday, because rates had not risen.", "her aides", Anonymous);
    let all = attributions("Ortiz said she would run, and other party leaders said she could win.");
    assert!(all.iter().any(|(s, _, k)| s.as_deref() == Some("other party leaders") && *k == Vague), "{all:?}");
    source_is("Many of them have also questioned whether the pier is safe.", "Many of them", Vague);
    source_is("As one porter told the Harbour Gazette, \"We were never warned.\"", "one porter", Anonymous);
    source_is("Rents rose again, according to one lettings firm.", "one lettings firm", Anonymous);
    source_is(
        "Some tenants left early, fearing the worst, and argue that the rent is too high.",
        "Some tenants",
        Vague,
    );
    // Look-alikes: a named firm, a named speaker's own words.
    source_is("Rents rose again, according to the Harbour Lettings firm.", "the Harbour Lettings firm", Named);
    assert!(attributions("Ortiz said many of them were unhappy.").iter().all(|(_, _, k)| *k != Vague));
}

#[test]
fn a_name_given_by_called_names_the_source() {
    source_is(
        "A small firm called Harbour Data said the numbers were wrong.",
        "A small firm called Harbour Data",
        Named,
    );
    source_is("A small firm said the numbers were wrong.", "A small firm", Anonymous);
    // "called" as a verb of its own.
    source_is("The mayor called Ortiz a liar.", "The mayor", Named);
}

#[test]
fn reports_whose_content_opens_with_a_name() {
    // A name and its verb after the cue is what was said, so the unnamed teller is a source.
    source_is("Staffers said Ms. Quarrie privately doubted the plan.", "Staffers", Anonymous);
    source_is("But aides said Delgado wanted a recount.", "aides", Anonymous);
    // Look-alikes: the same frame with named tellers, and a name given by "called".
    source_is("Her aide Tomas Brill said Ms. Quarrie privately doubted the plan.", "Her aide Tomas Brill", Named);
    source_is("The Harlow Trust said Delgado wanted a recount.", "The Harlow Trust", Named);
    source_is("A charity called Brightwater said it would appeal.", "A charity called Brightwater", Named);
}

#[test]
fn bounded_counts_closeness_and_relative_crowds() {
    source_is("At least six councillors claim to oppose the levy.", "At least six councillors", Anonymous);
    source_is("No one forecast the flood.", "No one", Vague);
    source_is("Those close to him say he will stand again.", "Those close to him", Anonymous);
    source_is("Those who attended say the vote was rushed.", "Those who attended", Vague);
    source_is("Harbour sources said the ferry would be sold.", "Harbour sources", Anonymous);
    // Look-alikes: named, a document, and an act that is not a stance.
    source_is(
        "At least one firm, Ridgeway Audit, said the books balanced.",
        "At least one firm, Ridgeway Audit",
        Named,
    );
    source_is("Those figures show the ferry losing money.", "Those figures", Named);
    source_is("Attendance figures show a fall in June.", "Attendance figures", Named);
    source_is("Councillor Ana Ruiz forecast the flood.", "Councillor Ana Ruiz", Named);
    none("Many bidders failed to qualify for the second round.");
}

#[test]
fn appositives_relatives_and_later_phrases_name_the_source() {
    // A role in apposition to a name, itself with an appositive inside.
    source_is(
        "Last week, Odile Brandt, editor of the Courier, a weekly paper in the valley, wrote that the mill would close.",
        "Odile Brandt, editor of the Courier, a weekly paper in the valley",
        Named,
    );
    // A relative clause's own subject: "which NAME denies".
    has_source("The board dismissed the claims, which Mr. Oyelaran denies.", "Mr. Oyelaran", Named);
    // The organisation in a later phrase, and examples given by name.
    source_is(
        "Crowds fell, according to a survey released on Friday by Halden Research.",
        "a survey released on Friday by Halden Research",
        Named,
    );
    source_is(
        "A group of 20 engineers at the Corvin Institute warned that the dam was weak.",
        "A group of 20 engineers at the Corvin Institute",
        Named,
    );
    source_is("Unions like Unite and the GMB argue the offer is too low.", "Unions like Unite and the GMB", Named);
    source_is("House Republicans said the report was complete.", "House Republicans", Named);
    source_is("\"We were never told,\" Pickens said.", "Pickens", Named);
    // Look-alikes that stay unnamed: a place before the comma, a role after a clause's object, a
    // survey and a panel no one named, party members of a state, a label WordNet capitalises.
    source_is("In Dorset, organisers said the fair would go ahead.", "organisers", Vague);
    source_is("After meeting Ruiz, a senior aide said the talks had stalled.", "a senior aide", Anonymous);
    source_is("Crowds fell, according to a survey released on Friday.", "a survey released on Friday", Vague);
    // (A group of uncounted engineers is a crowd: the head "group" is WordNet's noun.group.)
    source_is("A group of engineers warned that the dam was weak.", "A group of engineers", Vague);
    source_is("Ohio Republicans said the report was complete.", "Ohio Republicans", Vague);
    source_is("\"We were never told,\" Democrats said.", "Democrats", Vague);
}

#[test]
fn what_a_tag_reports_and_words_that_only_look_like_cues() {
    // A tag followed only by a prepositional phrase reports the clause before it: the crowd is
    // the warden's words.
    let all = attributions("Most inmates never complained, the warden said in an interview.");
    assert!(all.iter().all(|(_, _, k)| *k != Vague), "{all:?}");
    // Look-alike: a verb with its own object reports nothing before it.
    let all = attributions("Foreign media reported that during the visit, Mayor Ines Roth repeated her offer.");
    assert!(all.iter().any(|(s, _, k)| s.as_deref() == Some("Foreign media") && *k == Vague), "{all:?}");
    // "either," closing a clause, a plural noun ending a list, "in order to": no sources.
    none("He is no expert, either, which is why they will keep advising him.");
    let all =
        attributions("In response, the firm's lawyers relied on precedent, legal history and articles to defend it.");
    assert!(all.iter().all(|(_, c, _)| c != "articles"), "{all:?}");
    none("They will cut corners in order to serve that goal.");
    // Look-alikes with real sources.
    source_is("Either of the auditors confirmed that the books balanced.", "Either of the auditors", Vague);
    source_is("The firm bought the site and says it will build flats.", "The firm", Named);
}

#[test]
fn tags_with_times_parentheses_closeness_and_new_verbs() {
    source_is("People close to the mayor said the budget would pass.", "People close to the mayor", Anonymous);
    source_is("\"We are ready,\" Okafor posted Friday.", "Okafor", Named);
    source_is("Another posted, \"The vote was rigged.\"", "Another", Anonymous);
    source_is("Harlow Foods itself said the deal was on.", "Harlow Foods itself", Named);
    source_is("\"The bill is sound,\" said Rep. Dana Whit (D-Ore.)", "Rep. Dana Whit (D-Ore.)", Named);
    // Look-alikes: a named teller with the same shapes, a participle clause after a comma, and
    // a known verb with a plain object.
    source_is("Mayor Hale's chief of staff said the budget would pass.", "Mayor Hale's chief of staff", Named);
    source_is("\"We are ready,\" she posted Friday.", "she", Pronoun);
    let all =
        attributions("In 1990, Ruth Abel, who ran the hotel for years, becoming its president, wrote \"Inside.\"");
    assert!(all.iter().all(|(_, _, k)| !matches!(k, Anonymous | Vague)), "{all:?}");
    none("The council posted a notice on Friday.");
}

#[test]
fn poll_shares_parentheses_relatives_and_sentence_openings() {
    // Shares of a poll's respondents refer back to the poll.
    source_is("About 3 in 10 say the tram should be scrapped.", "About 3 in 10", Pronoun);
    source_is("Nearly nine out of 10 say the rent is too high.", "Nearly nine out of 10", Pronoun);
    source_is("On transport, 42% say the fares are fair.", "42%", Pronoun);
    // A parenthesis inside the subject, a relative clause's subject before an auxiliary, an
    // opening adverb, and an inverted verb opening the sentence.
    source_is("Rep. Tomas Varga (D-Vt.) said the bill would pass.", "Rep. Tomas Varga (D-Vt.)", Named);
    has_source("It was a rush of sign-ups, which organisers say could sway the vote.", "organisers", Vague);
    source_is("Rather, critics say the scheme favours landlords.", "critics", Vague);
    source_is("Said Okafor: \"We are not done.\"", "Okafor", Named);
    source_is("\"It would help,\" Backer says.", "Backer", Named);
    // Look-alikes: a year is no share, a named journal identifies a study, a place does not.
    source_is("The 2019 audit found that the fund was short.", "The 2019 audit", Named);
    source_is(
        "A 2019 study that appeared in the Lancet Review found that the drug works.",
        "A 2019 study that appeared in the Lancet Review",
        Named,
    );
    source_is("A 2019 study in Ohio found that the drug works.", "A 2019 study in Ohio", Vague);
    none("Said differently, the plan fails.");
}

#[test]
fn names_that_look_like_function_words_and_interrupted_subjects() {
    source_is("\"The fund is short,\" Will wrote.", "Will", Named);
    source_is("Halloran — after a long pause — told me the deal was dead.", "Halloran", Named);
    source_is(
        "The aides, led by the campaign manager Tess Ruiz, told donors that the race was close.",
        "The aides, led by the campaign manager Tess Ruiz",
        Named,
    );
    source_is("He resigned, according to two officials present.", "two officials", Anonymous);
    source_is(
        "It will close, according to a report Tuesday from the Dunmore Gazette.",
        "a report Tuesday from the Dunmore Gazette",
        Named,
    );
    source_is(
        "\"The harm is plain,\" the county's lawyers wrote in asking for a delay.",
        "the county's lawyers",
        Named,
    );
    // Look-alikes: a modal opening a question, an adjective after a possessive, a schedule.
    none("\"Yes.\" Will he run?");
    let all = attributions("He sold shares to one of the firm's alleged backers.");
    assert!(all.iter().all(|(_, _, k)| *k != Anonymous), "{all:?}");
    none("The hearing was set to begin at noon.");
    impersonal("The mayor is said to favour the plan.", "is said to");
}

#[test]
fn reduced_passives_and_sources_after_from() {
    source_is("As reported by several newspapers, the mill will close.", "several newspapers", Vague);
    has_source("Three audits back this up, cited by various budget analysts.", "various budget analysts", Vague);
    source_is("Shortages have been reported from various hospital sources.", "various hospital sources", Vague);
    // Look-alikes: named agents, a place after "from", an act by an unnamed filer.
    source_is("As reported by the Dunmore Gazette, the mill will close.", "the Dunmore Gazette", Named);
    source_is("Shortages have been reported from the Kestrel health ministry.", "the Kestrel health ministry", Named);
    none("Shortages have been reported from Kestrel.");
    let all = attributions("The office criticised a lawsuit filed by a former clerk.");
    assert!(all.iter().all(|(_, _, k)| *k != Anonymous), "{all:?}");
}

#[test]
fn comparisons_contact_clauses_and_characterisations() {
    // A comparison's own clause, and a relative clause without its pronoun.
    source_is("The deficit grew faster than economists had predicted.", "economists", Vague);
    source_is("It was not the landslide many pollsters forecast.", "many pollsters", Vague);
    source_is("Several growers I have talked to said the frost was late.", "Several growers I have talked to", Vague);
    source_is("Several growers I've talked to said the frost was late.", "Several growers I've talked to", Vague);
    // A characterisation by an unnamed person: an object, "as", what it is said to be.
    source_is("One lobbyist described the levy as a gift to landlords.", "One lobbyist", Anonymous);
    // "make clear that": the light verb with an adjective tells its clause.
    source_is(
        "Officials close to the council have made clear that the pier will stay shut.",
        "Officials close to the council",
        Anonymous,
    );
    // A long told clause, and a base verb after a coordinated subject.
    source_is("Aides say her record and his reach make them the favourites.", "Aides", Anonymous);
    // Look-alikes: named people in the same frames; an amount after "than"; an ensuring.
    source_is("The deficit grew faster than Ruiz had predicted.", "Ruiz", Named);
    source_is("It was not the landslide that Ruiz forecast.", "Ruiz", Named);
    source_is("Ana Ruiz described the levy as a gift to landlords.", "Ana Ruiz", Named);
    source_is("Mayor Tess Bell has made clear that the pier will stay shut.", "Mayor Tess Bell", Named);
    source_is("Ruiz says her record and his reach make them the favourites.", "Ruiz", Named);
    none("The fund grew by more than 20 percent over a decade.");
    none("The clerk made sure that the doors were locked.");
    none("A clerk described the damage to the adjuster.");
    none("As a child I felt like I had no say.");
}

#[test]
fn feelings_of_a_crowd_as_the_object() {
    source_is("The closure has angered many shoppers.", "many shoppers", Vague);
    source_is("That ruling rankled some in the union.", "some in the union", Vague);
    // The object ends where a clause of its own begins.
    source_is("The delay rankled many commuters because they had paid in advance.", "many commuters", Vague);
    // Look-alikes: a named or defined object, things, a causative, an adverb of degree.
    none("The closure has angered Mayor Ruiz.");
    none("The closure angered the committee's chair, Ana Ruiz.");
    none("Flooding plagued many coastal towns.");
    none("The grant encourages others to apply.");
    none("She cared most about the harbour.");
}

#[test]
fn a_rare_sense_of_feeling_makes_no_stance() {
    // WordNet files "lose" under emotion too ("lose one's nerve"), but as a rare sense: the
    // lexicon's FEEL class needs the emotion senses to carry a share of the word's uses.
    none("Nearly 300 sailors lost their lives in the storm.");
    none("Many growers lost their crops.");
    // Look-alikes: verbs whose uses are mostly feelings keep the class.
    source_is("Many growers fear the frost.", "Many growers", Vague);
    source_is("Most tenants resent the new fees.", "Most tenants", Vague);
}

#[test]
fn views_raised_attitudes_linked_and_counted_members() {
    // A verb that brings a view about, with the view as its object.
    source_is("Several parents raised concerns that the bus route was unsafe.", "Several parents", Vague);
    source_is("Some growers raised new questions about the levy.", "Some growers", Vague);
    // An attitude after a copula other than "be", and after degree words.
    source_is("Most tenants remain hopeful that the rent will fall.", "Most tenants", Vague);
    source_is("Many shoppers were just as interested in the prices.", "Many shoppers", Vague);
    // An exact count of a set's members is unnamed people, whoever they work for.
    source_is(
        "One of the lawyers for Ana Ruiz said the filing was late.",
        "One of the lawyers for Ana Ruiz",
        Anonymous,
    );
    source_is("Two of her aides said the cases differ.", "Two of her aides", Anonymous);
    // After a subordinate clause's report, the main clause has its own teller.
    has_source(
        "Even as Ruiz insisted that the fund was safe, one of the auditors said it was short.",
        "one of the auditors",
        Anonymous,
    );
    // Look-alikes: named people in the same frames; things raised; a crowd of a count; a
    // parenthesis inside a named speaker's report; a modifier before a plural.
    source_is("Ana Ruiz raised concerns that the bus route was unsafe.", "Ana Ruiz", Named);
    none("The storm raised water levels over the dam.");
    none("The plant raised prices for the third year.");
    none("Mayor Tess Bell remains hopeful that the rent will fall.");
    none("The bridge remained closed for a week.");
    source_is("Dozens of growers said the frost was late.", "Dozens of growers", Vague);
    let all = attributions("We did not know if, in the valley, people were reading the notices, Ruiz said.");
    assert!(all.iter().all(|(_, _, k)| *k != Anonymous), "{all:?}");
    none("One of the main talking points is the levy.");
}

#[test]
fn datelines_hyphen_dashes_closing_tags_and_counted_members() {
    // A dateline ends at its spaced hyphen; a parenthesis between spaced hyphens is skipped.
    source_is("HARBOUR CITY (Ledger) - Mayor Tess Bell said the pier will reopen.", "Mayor Tess Bell", Named);
    has_source("Ana Ruiz - who once said the pier was safe - said on Friday that it will close.", "Ana Ruiz", Named);
    // A tag closing the sentence after a comma speaks for all of it, even after a report.
    has_source(
        "Ruiz explained how the fund ran short, two people briefed on it said.",
        "two people briefed on it",
        Anonymous,
    );
    // A count of a body's members is unnamed people.
    source_is(
        "At least a dozen members of the council told the Ledger that the vote will fail.",
        "At least a dozen members of the council",
        Anonymous,
    );
    // Look-alikes: the body's members without a count; a count of bodies acting; a pronoun
    // object is no clause.
    source_is("Analysts at Cardinal Advisors said rates will fall.", "Analysts at Cardinal Advisors", Named);
    none("By May, 35 county boards - three short of a majority - had approved it.");
    none("Two clerks reported it.");
}

#[test]
fn postmodifiers_parentheticals_and_pro_forms() {
    // Infinitive, -ing and "known as" postmodifiers after a head.
    source_is(
        "The last grower to leave the co-op says the price was fair.",
        "The last grower to leave the co-op",
        Named,
    );
    source_is("Tenants fighting the eviction say the notice was late.", "Tenants fighting the eviction", Vague);
    has_source(
        "\"It was late,\" said the night clerk known as Red, speaking for the first time.",
        "the night clerk known as Red",
        Named,
    );
    // A subordinate or participle clause between commas is no part of the subject.
    source_is("Ruiz's office, when reached by phone, said the mayor was away.", "Ruiz's office", Named);
    source_is("Mayor Bell, opening the new pier on Friday, said it would draw visitors.", "Mayor Bell", Named);
    // A long parenthesis after a name.
    source_is(
        "Ana Ruiz (a councillor so new she has not yet found her office) says the budget is short.",
        "Ana Ruiz (a councillor so new she has not yet found her office)",
        Named,
    );
    // A typographic apostrophe; a clause's pro-form.
    source_is("She says it\u{2019}s too late.", "She", Pronoun);
    source_is("Two senior aides acknowledged as much on Monday.", "Two senior aides", Anonymous);
    // Look-alikes: a name ending in -ing, a thing with an infinitive, a plain object.
    source_is("Like her sister, Ebeling said the plan is hard.", "Ebeling", Named);
    none("The plan to build a stadium says nothing.");
    none("Two senior aides acknowledged the crowd.");
}

#[test]
fn fronted_holders_and_advice_with_its_clause() {
    // Whose talk it is, fronted before the clause.
    source_is("Among growers, there is talk about a strike.", "growers", Vague);
    source_is("Among its members, doubts about the deal have grown.", "its members", Anonymous);
    // "advice from X that ...": the clause is what was advised, not a relative clause.
    has_source("She pressed on, despite advice from two aides that it would fail.", "two aides", Anonymous);
    source_is("Advice from Ana Ruiz that the plan would fail went unheeded.", "Ana Ruiz", Named);
    // A characterisation may end in a quotation.
    source_is("One lobbyist described the levy as \"a gift to landlords.\"", "One lobbyist", Anonymous);
    // Look-alikes: a place is no holder; a thing fronted; a document's origin.
    none("Within the city, talk about the levy is loud.");
    none("Among the exhibits, there is a letter about the war.");
    let all = attributions("Evidence from Ohio shows the plan works.");
    assert!(all.iter().all(|(s, _, _)| s.as_deref() != Some("Ohio")), "{all:?}");
}

// The fifth round: the commonest frames of saying, read from PolNeAR's short misses.
mod asides;
mod crowds;
// The sixteenth round: documents the reader can find; tags after a preposition's object.
mod documents;
// The twelfth round: documents issued, saying as a means, pasts that are base forms.
mod issued;
mod relatives;
mod said;
mod sides;
mod tags;
