use crate::document::{DocKind, Settings};
use crate::engine::check;
use crate::rules::testutil::{after_fix, assert_carets, assert_clean, findings};

const CLAIM: &str = "claim/unsourced";

#[test]
fn flags_statistics_changes_superlatives_and_causes() {
    assert_carets(
        CLAIM,
        "Nearly 40 percent of bus riders have stopped riding.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
The storm destroyed 214 homes in the valley.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
Emergency calls have more than doubled since spring.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
The verdict is the largest in the county's history.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
A cracked seal caused the leak at the plant.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
",
    );
    let f = &findings(CLAIM, "Emergency calls have more than doubled since spring.\n")[0];
    assert!(f.message.contains("change") && f.message.contains("more than doubled"), "{}", f.message);
}

#[test]
fn ignores_attributed_routine_and_quoted_look_alikes() {
    for t in [
        "Nearly 40 percent of bus riders have stopped riding, according to the transit agency's survey.\n",
        "The storm destroyed 214 homes, the county fire marshal said.\n",
        "The storm, the county fire marshal said, destroyed 214 homes.\n",
        "Emergency calls have more than doubled since spring, said Chief Ana Ruiz.\n",
        "Emergency calls have more than doubled since spring.[^1]\n\n[^1]: County dispatch log.\n",
        "Emergency calls have [more than doubled](https://example.org/calls) since spring.\n",
        "\"We lost 40 percent of our riders in a month,\" said Ana Ruiz, the agency's spokeswoman.\n",
        "The board fired the director on Nov. 14, 2022, after an audit.\n",
        "The council voted Thursday to delay a decision.\n",
        "The meeting is at 6 p.m. Wednesday at 1560 Blake St.\n",
        "State Route 49 stayed closed in both directions.\n",
        "Did the shutdown cause 40 percent of riders to quit?\n",
        "## The largest recall in 30 years\n",
        "Critics argue the closure caused the backups.\n",
        "The storm could lead to flooding downstream.\n",
        "Ruiz said the line would reopen. She added that ridership had fallen 40 percent.\n",
        "The tablet runs version 4.2 of the software.\n",
    ] {
        assert_clean(CLAIM, t);
    }
}

#[test]
fn a_question_about_the_readers_knowledge_keeps_its_claim() {
    assert_eq!(findings(CLAIM, "Did you know that 40 percent of riders quit last year?\n").len(), 1);
    assert_clean(CLAIM, "Do you think 40 percent of riders quit last year?\n");
}

#[test]
fn according_fix_goes_before_the_final_punctuation() {
    let t = "The storm destroyed 214 homes in the valley.\n";
    assert_eq!(after_fix(CLAIM, t, 0), "The storm destroyed 214 homes in the valley, according to [SOURCE].\n");
    let t = "The haul was the largest in state history, beyond anything \"remotely possible.\"\n";
    assert_eq!(
        after_fix(CLAIM, t, 0),
        "The haul was the largest in state history, beyond anything \"remotely possible,\" according to [SOURCE].\n"
    );
}

#[test]
fn footnote_fix_adds_a_fresh_label_and_a_stub() {
    let t = "The storm destroyed 214 homes.\n\nSee also [^src-1].\n\n[^src-1]: Earlier note.\n";
    let out = after_fix(CLAIM, t, 1);
    assert_eq!(
        out,
        "The storm destroyed 214 homes[^src-2].\n\nSee also [^src-1].\n\n[^src-1]: Earlier note.\n\n[^src-2]: [SOURCE]\n"
    );
}

#[test]
fn plain_text_gets_no_footnote_fix() {
    let s = Settings { kind: DocKind::Plain, select: vec![CLAIM.into()], ..Default::default() };
    let r = check("The storm destroyed 214 homes.\n", &s);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].fixes.len(), 1);
}

#[test]
fn a_source_the_extractor_does_not_find_sources_nothing() {
    // The sentence-level model reads "state" and "explains" as reporting verbs; the extractor
    // finds no one who says anything, so the claims stand unsourced.
    assert_carets(
        CLAIM,
        "That is partly why the valley has the lowest jobless rate of any farming state in the west.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
This maybe explains why 4,000 families left the valley last year.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
",
    );
    // Look-alikes: a source the extractor finds.
    assert_clean(CLAIM, "The ministry said the valley has the lowest jobless rate of any farming state in the west.\n");
    assert_clean(CLAIM, "A Gazette survey released Friday found that 4,000 families left the valley.\n");
    assert_clean(CLAIM, "The Gazette puts the number of families who left at 4,000.\n");
}

#[test]
fn a_source_with_no_clause_says_only_its_own_phrase() {
    // What Ruiz talks about ends at the comma; the figure after it is the writer's.
    assert_carets(
        CLAIM,
        "Ruiz talks a lot about dredging, but the port handles 40 percent of the coast's grain.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
",
    );
    // Look-alikes: the figure inside the verb's phrase, or told as a clause.
    assert_clean(CLAIM, "Ruiz has promised 40 percent more berths for the port.\n");
    assert_clean(CLAIM, "Ruiz says the port handles 40 percent of the coast's grain.\n");
}

#[test]
fn a_vague_source_quiets_only_the_claim_it_tells() {
    // The writer's own figure beside someone else's vague misgivings: both are findings.
    let t = "I doubled the library's book budget despite misgivings from some residents.\n";
    assert_eq!(findings(CLAIM, t).len(), 1, "{t}");
    assert_eq!(findings("attribution/vague", t).len(), 1, "{t}");
    // What the crowd tells is the crowd's finding, not a second one.
    for t in
        ["Some residents fear the levy will cost 400 jobs.\n", "The levy will cost 400 jobs, some residents fear.\n"]
    {
        assert!(findings(CLAIM, t).is_empty(), "{t}");
        assert_eq!(findings("attribution/vague", t).len(), 1, "{t}");
    }
}

#[test]
fn the_reason_a_source_is_unnamed_is_no_causal_claim() {
    let t = "A driver, speaking on condition of anonymity because he fears losing his job, said the route runs late.\n";
    assert!(findings(CLAIM, t).is_empty(), "{t}");
    // The same connective stating a cause is a claim.
    let t = "The route runs late because the depot lost four drivers.\n";
    assert_eq!(findings(CLAIM, t).len(), 1, "{t}");
}

#[test]
fn an_act_on_an_amount_is_the_writers_figure() {
    // "added" with an amount as its object changes the amount; it tells no one's figure.
    assert_carets(
        CLAIM,
        "The port authority has added 1,900 berths since March.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
",
    );
    // Look-alikes: a verb of saying that tells its object, an estimate, a clause told.
    assert_clean(CLAIM, "Ruiz has promised 1,900 more berths for the port.\n");
    assert_clean(CLAIM, "The Gazette puts the number of new berths at 1,900.\n");
    assert_clean(CLAIM, "The port authority added that 1,900 berths were built since March.\n");
}

#[test]
fn a_citation_sources_the_claim_outside_a_named_sources_words() {
    // What Ruiz said ends at "but": the figure after it is the writer's, unless the writer cites
    // a source for it.
    let t = "Ruiz said dredging matters, but the port handles 40 percent of the coast's grain.";
    assert_eq!(findings(CLAIM, &format!("{t}\n")).len(), 1, "{t}");
    assert_clean(CLAIM, &format!("{t}[^1]\n\n[^1]: Port tonnage report, 2024.\n"));
    assert_clean(
        CLAIM,
        "Ruiz said dredging matters, but the port handles [40 percent](https://example.org/t) of the coast's grain.\n",
    );
}

#[test]
fn a_told_clause_after_a_phrase_with_a_preposition() {
    // "alleged in the suit that": the clause is what the named source alleged.
    assert_clean(CLAIM, "Vance alleged in the suit that the firm earned $5 million from the scheme.\n");
    assert_clean(CLAIM, "The auditor wrote in a letter to the board that fees rose 40 percent.\n");
    assert_clean(CLAIM, "The utility disclosed in its 2023 annual report that the plant drew 90 million gallons.\n");
    // A phrase that is no adjunct before "that" leaves the writer's figure unsourced.
    assert_carets(
        CLAIM,
        "Vance dropped the suit, and the firm earned $5 million from the scheme.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
",
    );
}

#[test]
fn the_writers_own_we_carries_no_earlier_source() {
    // "I" takes a side in the first sentence; the next sentence's "we" is the writer again, not a
    // source carried over from it.
    let t = "I strongly support term limits for the harbour board.\n\n\
             We found out this morning that over two years, we've added 1,900 berths to the port.\n";
    assert_eq!(findings(CLAIM, t).len(), 1, "{t}");
    // Look-alikes: a named source's "she" carries the source over; so does a named source's
    // own "they".
    assert_clean(
        CLAIM,
        "Harbour master Ana Ruiz backed the levy on Monday.\n\nShe said the port has added 1,900 berths since March.\n",
    );
    assert_clean(
        CLAIM,
        "The port authority defended the levy on Monday.\n\nThey said the port has added 1,900 berths since March.\n",
    );
}

#[test]
fn a_negated_cue_tells_no_one_s_figure() {
    // He did not answer: the clause about the ranking is not his.
    assert_carets(
        CLAIM,
        "Ruiz never answered whether the port ranks 49th out of 50 for dredging costs.
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
",
    );
    // Look-alikes: the same source answering or saying it.
    assert_clean(CLAIM, "Ruiz answered that the port ranks 49th out of 50 for dredging costs.\n");
    assert_clean(CLAIM, "Ruiz said the port ranks 49th out of 50 for dredging costs.\n");
    // A named source's plan is hers: not negated, it is not the writer's figure.
    assert_clean(CLAIM, "The mayor wants to cut the harbour budget by 10 percent.\n");
}

#[test]
fn a_figure_in_what_an_issued_statement_says_is_sourced() {
    // The board issued the statement: the figure is the board's.
    assert_clean(CLAIM, "The harbour board released a statement Wednesday saying the repairs would cost $4 million.\n");
    // "hit" is a past here, so the mayor is the clause's subject and the one saying.
    assert_clean(CLAIM, "The mayor hit back on Monday, saying crime had dropped 12 percent since January.\n");
    // Look-alikes: whoever receives or finds the document does not give its figure.
    for t in [
        "The board received a letter saying the repairs would cost $4 million.\n",
        "Police found a note saying the thieves took $40,000 in cash.\n",
    ] {
        assert_eq!(findings(CLAIM, t).len(), 1, "{t}");
    }
}

#[test]
fn an_unnamed_source_whose_anonymity_is_explained_sources_its_figure() {
    assert_clean(
        CLAIM,
        "One farmer, who asked that his name not be used because he is negotiating with his lender, said the hail took 30 percent of his wheat.\n",
    );
    // Look-alikes: the figure outside what the farmer said is the writer's, and a source whose
    // anonymity is unexplained is an attribution finding, not a source.
    let t = "Hail took 30 percent of the county's wheat, and one farmer, who asked that his name not be used because he is negotiating with his lender, said he would replant.\n";
    assert_eq!(findings(CLAIM, t).len(), 1, "{t}");
}

#[test]
fn a_verb_the_extractor_does_not_read_as_a_cue_sources_nothing() {
    // The figure is the writer's, before "but". The older model took "Ruiz rejected it" for a
    // source with "said" as its verb and let that decide; the extractor reads Ruiz's own cues,
    // and none of them tells the figure.
    let t = "The levy would have cost six hundred thousand dollars, but Ruiz rejected it in March, said he disliked it and left.\n";
    assert_eq!(findings(CLAIM, t).len(), 1, "{t}");
    // Look-alikes: Ruiz's own report of the figure sources it, before or after it.
    assert_clean(CLAIM, "Ruiz said in March that the levy would have cost six hundred thousand dollars.\n");
    assert_clean(CLAIM, "The levy would have cost six hundred thousand dollars, Ruiz said in March.\n");
}

#[test]
fn a_side_taken_on_a_plain_object_tells_nothing_inside_it() {
    // Ruiz praises the levy; the figure in its relative clause is the writer's.
    let t = "Ruiz praised the harbour levy, which has cut traffic on the quay by 40 percent.\n";
    assert_eq!(findings(CLAIM, t).len(), 1, "{t}");
    // Look-alikes: a stance with a clause tells the clause, and a plain report tells its object.
    assert_clean(CLAIM, "Ruiz disputed that the harbour levy has cut traffic on the quay by 40 percent.\n");
    assert_clean(CLAIM, "Ruiz said the harbour levy has cut traffic on the quay by 40 percent.\n");
}

#[test]
fn a_sourced_figure_does_not_hide_the_writers_own() {
    // Ruiz tells the first figure; the cause after "but" is the writer's, and is the finding.
    let t = "Ruiz has promised 40 percent more berths, but the marina closed because the dredging stopped.\n";
    let f = findings(CLAIM, t);
    assert_eq!(f.len(), 1, "{t}");
    assert!(f[0].message.contains("'because'"), "{}", f[0].message);
    // Look-alike: both inside what Ruiz says.
    assert_clean(CLAIM, "Ruiz said berths rose 40 percent and that the marina closed because the dredging stopped.\n");
}

#[test]
fn a_wish_reaches_to_its_comma() {
    // The states' wish is "to"; the figure after the comma is the writer's.
    let t = "If the states want to, they cover tenants up to 300 percent of the rent.\n";
    assert_eq!(findings(CLAIM, t).len(), 1, "{t}");
    // Look-alike: a figure inside the wish is the owners' plan.
    assert_clean(CLAIM, "The owners want to raise the rent by 3 percent.\n");
}
