use crate::document::Settings;
use crate::rules::testutil::{after_fix, assert_carets, assert_clean, findings, findings_with};

const VAGUE: &str = "attribution/vague";
const ANON: &str = "attribution/anonymous";
const QUOTE: &str = "attribution/unattributed-quote";
const THIRD: &str = "attribution/quote-third-person";

#[test]
fn flags_vague_subjects_and_phrases() {
    assert_carets(
        VAGUE,
        "Experts suggest the levy will push shoppers away.
^^^^^^^^^^^^^^^
Critics argue that the dam should have been inspected sooner.
^^^^^^^^^^^^^
The ferry is believed to be the oldest in service.
          ^^^^^^^^^^^^^^^^^
It is widely thought that the mill will close.
^^^^^^^^^^^^^^^^^^^^
Shipments resumed last week, as reported by multiple sources.
                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
A second plant is planned, according to reports.
                           ^^^^^^^^^^^^^^^^^^^^
Some say the fee is too steep.
^^^^^^^^
Troop movements were tracked by various intelligence sources.
                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
",
    );
}

#[test]
fn ignores_named_and_non_source_look_alikes() {
    for t in [
        "Critics of the plan, including the Harbor Taxpayers League, say it costs too much.\n",
        "Analysts at Pellworth Advisors said the merger was sound.\n",
        "Dana Whitlow, an economist at Marren College, said the levy would push shoppers away.\n",
        "The town draws on two water sources and several energy sources.\n",
        "Multiple sources of revenue dried up after the mill closed.\n",
        "The experts said the bridge was safe.\n",
        "The leak was reported to the state agency in May.\n",
        "It remains to be seen how the talks will end.\n",
        "The move could be seen as a retreat.\n",
        "The hearing is expected to last two days.\n",
        "\"Experts say the river will crest Friday,\" said Mayor Ellen Broussard.\n",
        "The crew members said they may march 5 miles to the capitol.\n",
    ] {
        assert_clean(VAGUE, t);
    }
}

#[test]
fn vague_fixes_replace_or_mark_the_source() {
    let t = "Experts suggest the levy will push shoppers away.\n";
    assert_eq!(after_fix(VAGUE, t, 0), "[NAME, TITLE] suggest the levy will push shoppers away.\n");
    assert_eq!(after_fix(VAGUE, t, 1), "Experts suggest [who?] the levy will push shoppers away.\n");
    let t = "It is believed that the mill will close.\n";
    assert_eq!(after_fix(VAGUE, t, 0), "According to [SOURCE], the mill will close.\n");
    let t = "A second plant is planned, according to reports.\n";
    assert_eq!(after_fix(VAGUE, t, 0), "A second plant is planned, according to [SOURCE].\n");
    let t = "The ferry is believed to be the oldest in service.\n";
    assert_eq!(after_fix(VAGUE, t, 0), "According to [SOURCE], the ferry is believed to be the oldest in service.\n");
    let f = &findings(VAGUE, t)[0];
    assert!(f.fixes.iter().all(|x| x.applicability == crate::document::Applicability::Unsafe));
    assert!(f.message.contains("'is believed to be'"), "{}", f.message);
}

#[test]
fn extra_vague_phrases_come_from_settings() {
    let t = "Word around town is that the mayor will resign.\n";
    assert!(findings(VAGUE, t).is_empty());
    let s = Settings { extra_vague_phrases: vec!["Word around town".into()], ..Default::default() };
    assert_eq!(findings_with(VAGUE, t, s).len(), 1);
}

#[test]
fn flags_anonymous_sources_without_a_reason() {
    assert_carets(
        ANON,
        "A senior official at the port authority said the pier would stay shut.
^^^^^^^^^^^^^^^^^
The team will move south next year, according to a source close to the owners.
                                                 ^^^^^^^^^^^^^^^^^
The firm weighed a sale, according to people familiar with the matter.
                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
",
    );
}

#[test]
fn ignores_anonymity_with_a_reason_and_named_officials() {
    for t in [
        "A senior official, who spoke on condition of anonymity because the inquiry is open, said the pier would stay shut.\n",
        "A loan officer at a regional bank, who was not authorized to speak publicly, said farmers had asked for more time.\n",
        "The firm weighed a sale, according to people familiar with the matter who requested anonymity to discuss private talks.\n",
        "A utility spokesman, Owen Tarrant, said the company was cooperating.\n",
        "The ministry dismissed a senior official on Monday.\n",
        "Port Director Lila Ng said the pier would stay shut.\n",
    ] {
        assert_clean(ANON, t);
    }
}

#[test]
fn anonymity_fix_inserts_a_reason_clause() {
    let t = "A senior official at the port authority said the pier would stay shut.\n";
    assert_eq!(
        after_fix(ANON, t, 0),
        "A senior official at the port authority, who spoke on condition of anonymity because [REASON], said the pier would stay shut.\n"
    );
    let t = "The firm weighed a sale, according to people familiar with the matter.\n";
    assert_eq!(
        after_fix(ANON, t, 0),
        "The firm weighed a sale, according to people familiar with the matter, who spoke on condition of anonymity because [REASON].\n"
    );
}

#[test]
fn flags_quotations_without_a_speaker() {
    assert_carets(
        QUOTE,
        "The crowd thinned after midnight.

\"We waited six hours and nobody told us a thing about the delay.\"
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

The shuttle service resumed at dawn.
",
    );
}

#[test]
fn ignores_tagged_short_titled_and_continued_quotations() {
    for t in [
        "\"We waited six hours for the train to come back,\" said Marta Oyelaran.\n",
        "Marta Oyelaran said, \"We waited six hours for the train to come back.\"\n",
        "\"We waited six hours for the train to come back,\" she said. \"Nobody told us a thing about it.\"\n",
        "Ruiz was blunt about it. \"Nobody wants the trains back more than we do,\" Ruiz said.\n",
        "The mayor called the plan \"a mess\" on Tuesday.\n",
        "The choir sang \"Shall We Gather at the River\" at the service.\n",
        "Carver described the payments:\n\n> I saw the same vendor name four or five times in one month.\n",
        "Grant Holloway, the union's president, said he was disappointed.\n\n\"We lost this round, but the members will keep organizing until the contract is fair.\"\n",
    ] {
        assert_clean(QUOTE, t);
    }
}

#[test]
fn speaker_fix_appends_a_tag() {
    let t = "The crowd thinned.\n\n\"We waited six hours and nobody told us a thing about the delay.\"\n";
    assert_eq!(
        after_fix(QUOTE, t, 0),
        "The crowd thinned.\n\n\"We waited six hours and nobody told us a thing about the delay,\" [SPEAKER] said.\n"
    );
}

#[test]
fn flags_quotes_in_the_third_person() {
    assert_carets(
        THIRD,
        "At the summit the minister spoke briefly. She noted, \"She expressed thanks for the warm welcome.\"
                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
",
    );
}

#[test]
fn ignores_first_person_and_quotes_about_others() {
    for t in [
        "She noted, \"I am thankful for the warm welcome we received.\"\n",
        "Ruth Abel said, \"He was a kind man who never missed a shift.\"\n",
        "\"We are grateful for the support of our neighbors,\" he said.\n",
    ] {
        assert_clean(THIRD, t);
    }
}

#[test]
fn third_person_fix_makes_indirect_speech() {
    let t = "She noted, \"She expressed thanks for the warm welcome.\"\n";
    assert_eq!(after_fix(THIRD, t, 0), "She noted that she expressed thanks for the warm welcome.\n");
}

#[test]
fn a_tag_with_a_verb_the_dictionary_lacks_attributes_its_quotation() {
    let t = "\"The engine is held together with tape,\" deadpanned Ana Ruiz, the team's captain.\n";
    assert!(findings(QUOTE, t).is_empty(), "{t}");
    // Without any tag the quotation is still unattributed.
    let t = "The robot sat on the bench.\n\n\"The engine is held together with tape.\"\n";
    assert_eq!(findings(QUOTE, t).len(), 1, "{t}");
}

#[test]
fn a_reason_for_anonymity_may_be_any_purpose_clause() {
    for t in [
        "One father, who asked not to be named so that his daughter would not be teased, said the bus was late.\n",
        "A nurse, who spoke anonymously for fear of losing her post, said the ward was short-staffed.\n",
    ] {
        assert!(findings("attribution/anonymous", t).is_empty(), "{t}");
    }
    // A request with no reason stays a finding.
    let t = "One father, who asked not to be named, said the bus was late.\n";
    assert_eq!(findings("attribution/anonymous", t).len(), 1, "{t}");
}

#[test]
fn a_name_kept_out_of_print_with_a_reason_is_explained() {
    // "asked that his name not be used because ...": a request for anonymity in other words.
    for t in [
        "One farmer, who asked that his name not be used because he is negotiating with his lender, said the crop was lost.\n",
        "A dock worker, who asked that her name be withheld since she fears losing her shift, said the crane was unsafe.\n",
    ] {
        assert!(findings(ANON, t).is_empty(), "{t}");
    }
    // Look-alikes: the same request with no reason stays a finding, and a name used in print
    // is no request.
    let t = "One farmer, who asked that his name not be used, said the crop was lost.\n";
    assert_eq!(findings(ANON, t).len(), 1, "{t}");
    let t = "One farmer said the crop was lost because his name was used on the wrong policy.\n";
    assert_eq!(findings(ANON, t).len(), 1, "{t}");
}
