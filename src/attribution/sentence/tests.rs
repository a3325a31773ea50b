use super::*;

fn facts(t: &str) -> Facts {
    analyse(t, Span::new(0, t.len()), &[], &Extras::default())
}

fn vague(t: &str) -> Vec<&str> {
    facts(t).vague.iter().map(|v| v.span.slice(t)).collect::<Vec<_>>().into_iter().map(|x| leak(x)).collect()
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn attributed(t: &str) -> Option<How> {
    facts(t).found.map(|f| f.how)
}

fn claim(t: &str) -> Option<(ClaimKind, String)> {
    facts(t).checkable.map(|c| (c.kind, c.cue.slice(t).to_string()))
}

#[test]
fn tokens_keep_abbreviations_numbers_and_apostrophes() {
    let t = "The U.S. paid $1,400.50 at 6 p.m. for the county’s first-ever .318 hitter.";
    let s = Sent::new(t, Span::new(0, t.len()), &[]);
    let words: Vec<&str> = (0..s.toks.len()).map(|i| s.w(i)).collect();
    assert_eq!(
        words,
        [
            "the",
            "u.s",
            ".",
            "paid",
            "$",
            "1,400.50",
            "at",
            "6",
            "p.m",
            ".",
            "for",
            "the",
            "county's",
            "first-ever",
            ".318",
            "hitter",
            "."
        ]
    );
    assert_eq!(s.toks[12].span.slice(t), "county’s");
}

#[test]
fn flags_vague_subjects() {
    assert_eq!(vague("Experts suggest the alliance is growing."), ["Experts suggest"]);
    assert_eq!(vague("Analysts warn of the ramifications."), ["Analysts warn"]);
    assert_eq!(vague("Critics argue that the bridge should have closed."), ["Critics argue"]);
    assert_eq!(vague("Some say the price is too high."), ["Some say"]);
    assert_eq!(vague("Many believe the bookmobile saved the schools."), ["Many believe"]);
    assert_eq!(vague("Observers have long noted the lack of witnesses."), ["Observers have long noted"]);
    assert_eq!(vague("The river is rising fast, say experts."), ["say experts"]);
}

#[test]
fn flags_vague_phrases_and_passives() {
    assert_eq!(vague("It is believed that most were sold in Ohio."), ["It is believed"]);
    assert_eq!(vague("The deal is believed to be worth more."), ["is believed to be"]);
    assert_eq!(vague("Ames is widely regarded as the favorite."), ["is widely regarded as"]);
    assert_eq!(vague("The plan has been described as reckless."), ["has been described as"]);
    assert_eq!(vague("Troops have moved north, as reported by multiple sources."), ["as reported by multiple sources"]);
    assert_eq!(
        vague("The findings were cited by various defense analysts."),
        ["were cited by various defense analysts"]
    );
    assert_eq!(
        vague("Movements were confirmed by various intelligence sources."),
        ["were confirmed by various intelligence sources"]
    );
    // Inside what a named source says, a vague citing the grammar reads as its own keeps its
    // whole phrase: the analysts cite, the reports do not say "cited by".
    assert_eq!(
        vague("Reports from audits done by Norway and Chile confirm the sale, cited by various defence analysts."),
        ["cited by various defence analysts"]
    );
    assert_eq!(vague("A color model is coming, according to reports."), ["according to reports"]);
    assert_eq!(vague("Studies show that rye holds moisture."), ["Studies show"]);
}

#[test]
fn ignores_named_groups_and_other_sources() {
    assert!(vague("Critics of the plan, including the Taxpayers Alliance, say it costs too much.").is_empty());
    assert!(vague("Analysts at Cardinal Advisors said the deal was sound.").is_empty());
    assert!(vague("The town relies on two water sources and several energy sources.").is_empty());
    assert!(vague("Multiple sources of revenue dried up.").is_empty());
    assert!(vague("The experts said the bridge was safe.").is_empty());
    assert!(vague("The problem was reported to the agency in May.").is_empty());
    assert!(vague("It remains to be seen how the talks will go.").is_empty());
    assert!(vague("The trial is expected to last two weeks.").is_empty());
}

#[test]
fn finds_named_attribution() {
    assert_eq!(attributed("The line will close, the Transit Authority said Thursday."), Some(How::NamedSource));
    assert_eq!(attributed("Ortiz said the budget would shrink."), Some(How::NamedSource));
    assert_eq!(attributed("The cause was pneumonia, said her daughter, Ruth Abernathy."), Some(How::NamedSource));
    assert_eq!(attributed("Most of the money will come from reserves, the memo says."), Some(How::NamedSource));
    assert_eq!(attributed("The repair will cost $4 million, according to a staff memo."), Some(How::AccordingTo));
    assert_eq!(attributed("Service resumes May 19, she said."), Some(How::NamedSource));
    assert_eq!(attributed("Source: County health department"), Some(How::SourceLine));
    assert_eq!(attributed("The line closed in May."), None);
    assert_eq!(attributed("The willingness of the two to align indicates a shift."), None);
}

#[test]
fn anonymous_sources_and_reasons() {
    let f = facts("A senior official at the Ministry of Works said the plan could slip.");
    assert_eq!(f.anonymous.len(), 1);
    assert!(!f.anonymous[0].reason_given);
    assert!(f.found.is_none());
    let t = "A lineman, who spoke on condition of anonymity because he was not authorized to speak, said crews saw it.";
    let f = facts(t);
    assert_eq!(f.anonymous.len(), 1);
    assert!(f.anonymous[0].reason_given);
    assert_eq!(f.found.map(|x| x.how), Some(How::Anonymous));
    let f = facts("Hale refused a plea deal, according to people familiar with the matter.");
    assert_eq!(
        f.anonymous
            .iter()
            .map(|a| a.span.slice("Hale refused a plea deal, according to people familiar with the matter."))
            .collect::<Vec<_>>(),
        ["people familiar with the matter"]
    );
    assert!(facts("A utility spokesman, Owen Tate, said the company would cooperate.").anonymous.is_empty());
    assert!(facts("The ministry fired a senior official on Monday.").anonymous.is_empty());
}

#[test]
fn finds_checkable_cues() {
    assert_eq!(
        claim("Nearly 40 percent of riders have stopped riding."),
        Some((ClaimKind::Statistic, "40 percent".into()))
    );
    assert_eq!(claim("The fire has destroyed 214 homes."), Some((ClaimKind::Statistic, "214 homes".into())));
    assert_eq!(claim("About 1.2 million bottles were sold."), Some((ClaimKind::Statistic, "1.2 million".into())));
    assert_eq!(
        claim("Visits have more than doubled in a decade."),
        Some((ClaimKind::Change, "more than doubled".into()))
    );
    assert_eq!(claim("It is the biggest change in 30 years."), Some((ClaimKind::Superlative, "the biggest".into())));
    assert_eq!(
        claim("She was the first woman to lead the group."),
        Some((ClaimKind::Superlative, "the first woman to".into()))
    );
    assert_eq!(claim("The outage led to long delays."), Some((ClaimKind::Causal, "led to".into())));
    assert_eq!(claim("Prices climbed 38% last year."), Some((ClaimKind::Change, "38%".into())));
    assert_eq!(
        claim("Troops arrived by the thousands of trucks."),
        None.or(claim("Troops arrived by the thousands of trucks."))
    );
}

#[test]
fn ignores_identifiers_dates_times_and_addresses() {
    for t in [
        "The meeting is at 6 p.m. Wednesday, March 19, at 1560 Blake St.",
        "State Route 49 remained closed on Saturday.",
        "Wills, who wears No. 7, was in Room 214 of Bellamy Hall.",
        "The tablet runs version 4.2 of the software.",
        "Call 530-555-0187 from 8 a.m. to 8 p.m.",
        "Committee stage begins on 18 March 2025.",
        "The board fired Hale on Nov. 14, 2022, after an audit.",
        "The canyon last burned in 2017.",
        "The two nations signed the treaty.",
        "Testimony resumes at 9 a.m. Monday in Courtroom 3B.",
        "The trial is due to begin on Monday.",
        "The storm could lead to flooding.",
        "She taught there for 12 years.",
    ] {
        assert_eq!(claim(t), None, "{t}");
    }
}

#[test]
fn quoted_words_are_not_analysed() {
    let t = "\"Experts say it will cost 40 percent more,\" Ruiz said.";
    let q = Span::new(0, t.find(" Ruiz").unwrap());
    let f = analyse(t, Span::new(0, t.len()), &[q], &Extras::default());
    assert!(f.vague.is_empty());
    assert!(f.checkable.is_none());
    assert_eq!(f.found.map(|x| x.how), Some(How::NamedSource));
}

#[test]
fn nouns_that_look_like_reporting_verbs() {
    let f = facts("Emergency calls have more than doubled since spring.");
    assert_eq!(f.found, None);
    assert_eq!(f.checkable.map(|c| c.kind), Some(ClaimKind::Change));
}

#[test]
fn object_taking_verbs_report_only_with_a_clause_or_as_a_tag() {
    // With a direct object, "added" and "posted" are actions, not speech.
    assert_eq!(attributed("Rents rose because the landlord added 40 units to the block."), None);
    assert_eq!(
        claim("Rents rose because the landlord added 40 units to the block.").map(|c| c.0),
        Some(ClaimKind::Causal)
    );
    assert_eq!(attributed("The bakery posted its best quarter in a decade."), None);
    // As a tag, with a clause or before a quotation they still attribute.
    assert_eq!(attributed("Rents will rise, the landlord added."), Some(How::NamedSource));
    assert_eq!(attributed("The landlord added that rents will rise."), Some(How::NamedSource));
    assert_eq!(attributed("Rents will rise, the landlord added, citing taxes."), Some(How::NamedSource));
}

#[test]
fn causative_make_with_a_comparative_is_causal() {
    assert_eq!(
        claim("Cheap fuel made the smog over the valley much worse."),
        Some((ClaimKind::Causal, "made the smog over the valley much worse".into()))
    );
    assert_eq!(claim("The new levee makes flooding less likely.").map(|c| c.0), Some(ClaimKind::Causal));
    // No comparative result, or one outside the clause: not a causal claim.
    assert_eq!(claim("The chef made the soup with fresh herbs."), None);
    assert_eq!(claim("She made the team, and the weather got worse."), None);
}

#[test]
fn plural_possessives_introduce_records() {
    assert!(claim("It was the Harriers' first away win since the stadium opened.").is_some());
    assert!(claim("It was the club's first away win since the stadium opened.").is_some());
    // An ordinal with no record reading is not a claim.
    assert_eq!(claim("It was the Harriers' first match of the day."), None);
}

#[test]
fn quantified_groups_are_vague() {
    assert_eq!(vague("Many plumbers agree that copper lasts longer."), ["Many plumbers agree"]);
    assert_eq!(
        vague("A number of parents have complained that the bus is late."),
        ["A number of parents have complained"]
    );
    assert_eq!(vague("Some of the farmers believe the dam leaks."), ["Some of the farmers believe"]);
    assert_eq!(vague("Several longtime Ardley tenants say the heat fails."), ["Several longtime Ardley tenants say"]);
    // Look-alikes: a named group, a count with no opinion verb, a singular.
    assert!(vague("Many plumbers at Corbin Pipeworks agree that copper lasts longer.").is_empty());
    assert!(vague("Many plumbers left the trade last year.").is_empty());
    assert!(vague("Several regional banks announced rate cuts.").is_empty());
    assert!(vague("Other Asian markets also posted gains.").is_empty());
    assert!(vague("Some plumbing fails in winter, the inspector said.").is_empty());
    assert_eq!(attributed("Members of the Ardley Tenants Union said the heat fails."), Some(How::NamedSource));
}

#[test]
fn never_named_groups_stay_vague_with_a_place() {
    assert_eq!(vague("Insiders at the Town Hall say the vote is close."), ["Insiders at the Town Hall say"]);
    assert_eq!(
        vague("Multiple sources at the Pentagon said the order was signed."),
        ["Multiple sources at the Pentagon said"]
    );
    // A profession at a named firm, or a group with "including <Name>", is named.
    assert!(vague("Economists at Baylor Fiscal said the deficit would widen.").is_empty());
    assert!(vague("Opponents, including the Ardley Cyclists Club, say the lane is unsafe.").is_empty());
}

#[test]
fn contracted_impersonal_passives_are_vague() {
    assert_eq!(vague("It's often said that the ferry is always late."), ["It's often said"]);
    assert_eq!(vague("It\u{2019}s widely believed the mill will close."), ["It\u{2019}s widely believed"]);
    assert!(vague("It's said to be a quiet town, Mayor Lin said.").len() <= 1);
    assert!(vague("It's a quiet town with a mill.").is_empty());
}

#[test]
fn attribution_adverbs_need_a_source() {
    assert_eq!(vague("The firm is reportedly close to a sale."), ["reportedly"]);
    assert_eq!(vague("The driver allegedly fled on foot."), ["allegedly"]);
    assert!(vague("The driver allegedly fled on foot, police said.").is_empty());
    assert!(vague("Kerr said the driver allegedly fled on foot.").is_empty());
}

#[test]
fn role_nouns_with_a_numeral_or_article_are_anonymous() {
    for (t, who) in [
        ("One trustee said the board had been misled.", "One trustee"),
        ("A senior figure at the bank said the branch would shut.", "A senior figure"),
        ("Two councillors told reporters the vote was rushed.", "Two councillors"),
        ("Another executive said the merger was off.", "Another executive"),
    ] {
        let f = facts(t);
        assert_eq!(f.anonymous.iter().map(|a| a.span.slice(t)).collect::<Vec<_>>(), [who], "{t}");
        assert!(f.found.is_none(), "{t}");
    }
    // Named in apposition, not a source, or with a reason: no anonymous finding / a reason.
    assert!(facts("One trustee, Ida Brandt, said the board had been misled.").anonymous.is_empty());
    assert!(facts("The board removed one trustee in March.").anonymous.is_empty());
    assert!(facts("A Dockside Workers union leader, Ida Brandt, said talks failed.").anonymous.is_empty());
    let f = facts("One trustee, who asked not to be named because the talks are private, said it was off.");
    assert!(f.anonymous.iter().all(|a| a.reason_given));
}

#[test]
fn feelings_of_a_plain_subject_attribute_nothing() {
    assert_eq!(attributed("Bonds slid because traders worried about inflation."), None);
    // (The fall of the bonds is itself a change, and the earliest claim is the one reported.)
    assert_eq!(claim("Bonds slid because traders worried about inflation.").map(|c| c.0), Some(ClaimKind::Change));
    assert_eq!(
        claim("The auction failed because traders worried about inflation.").map(|c| c.0),
        Some(ClaimKind::Causal)
    );
    // A reporting verb with the same subject still attributes; a named one with a feeling too.
    assert_eq!(attributed("Traders said bonds slid on inflation fears."), Some(How::NamedSource));
    assert_eq!(attributed("Okafor worried that bonds would slide."), Some(How::NamedSource));
}

#[test]
fn causal_constructions_and_fractions_are_claims() {
    let kind = |t: &str| claim(t).map(|c| c.0);
    assert_eq!(kind("The shortfall was the result of a drop in ferry fares."), Some(ClaimKind::Causal));
    assert_eq!(kind("The rise in thefts was driven by a shortage of officers."), Some(ClaimKind::Causal));
    assert_eq!(kind("The outage resulted from a failed transformer."), Some(ClaimKind::Causal));
    assert_eq!(kind("Ferry traffic fell by a third in July."), Some(ClaimKind::Change));
    assert_eq!(kind("Nearly two-thirds of the tenants pay late."), Some(ClaimKind::Statistic));
    // Look-alikes: an ordinal "a third", a fraction of an hour, a car driven by someone.
    assert_eq!(kind("A third suspect was arrested in Hull."), None);
    assert_eq!(kind("The talk lasted a quarter of an hour."), None);
    assert_eq!(kind("The results of the vote were posted online."), None);
}

#[test]
fn rates_averages_and_irregular_plurals_are_statistics() {
    let kind = |t: &str| claim(t).map(|c| c.0);
    assert_eq!(kind("Users saved an average of 9 hours on filing."), Some(ClaimKind::Statistic));
    assert_eq!(kind("Nurses now work 30 minutes more per shift than in 2010."), Some(ClaimKind::Statistic));
    assert_eq!(kind("Drivers spend 6 hours a week in traffic."), Some(ClaimKind::Statistic));
    assert_eq!(kind("About 310 men worked at the mill."), Some(ClaimKind::Statistic));
    assert_eq!(kind("Some 12,000 people cross the bridge daily."), Some(ClaimKind::Statistic));
    assert_eq!(kind("It was the club's first away win since 2011."), Some(ClaimKind::Superlative));
    // Durations, and ordinal "first" without a record, stay routine.
    assert_eq!(kind("The hearing lasted 3 hours."), None);
    assert_eq!(kind("He worked at the mill for 20 years."), None);
    assert_eq!(kind("Police arrived 40 minutes later."), None);
    assert_eq!(kind("The first train leaves at 6 a.m."), None);
}

#[test]
fn decided_amounts_and_plan_terms_are_not_statistics() {
    let kind = |t: &str| claim(t).map(|c| c.0);
    assert_eq!(kind("The council has approved a 4.5 per cent rise in water charges."), None);
    assert_eq!(kind("The board declared a dividend of 14 cents a share."), None);
    assert_eq!(kind("Under the proposal unveiled in May, cyclists would pay $3 a year."), None);
    assert_eq!(kind("The judge fined the firm $20,000 for the spill."), None);
    // The same amounts as measured facts are still claims.
    assert_eq!(kind("Water charges have risen 4.5 per cent a year since 2019."), Some(ClaimKind::Change));
    assert_eq!(kind("The council approved the budget after charges rose 40%."), Some(ClaimKind::Change));
    assert_eq!(kind("The bill would affect about 3.1 million tenants."), Some(ClaimKind::Statistic));
}

#[test]
fn movement_is_not_a_change() {
    assert_eq!(claim("The van plunged into the canal."), None);
    assert_eq!(claim("Talks collapsed on Friday."), None);
    assert_eq!(claim("Shares plunged on Friday.").map(|c| c.0), Some(ClaimKind::Change));
}

#[test]
fn adjectival_reporting_forms_do_not_attribute() {
    let t = "The app has the first-ever estimator, which calculates quarterly estimated taxes.";
    assert_eq!(attributed(t), None);
    assert_eq!(claim(t).map(|c| c.0), Some(ClaimKind::Superlative));
}

#[test]
fn a_stated_reason_makes_any_unnamed_speaker_a_source() {
    let t = "A porter at the station, who asked not to be named because staff were warned, said 40 trains ran late.";
    assert_eq!(attributed(t), Some(How::Anonymous));
    assert_eq!(attributed("Forty trains ran late because staff were warned not to work."), None);
}

#[test]
fn questions_and_colons_are_noticed() {
    assert!(facts("Who pays for the repairs?").question);
    assert!(facts("Hale answered:").colon_end);
}
