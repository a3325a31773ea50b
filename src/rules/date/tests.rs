//! Caret tests (what each rule flags), clean look-alikes, fix results, and the rule docs.
use jiff::civil::{Date, date};

use super::*;
use crate::document::Settings;
use crate::engine::check;

fn settings(reference: Option<Date>) -> Settings {
    Settings { reference_date: reference, kind: DocKind::Markdown, ..Default::default() }
}

fn findings(text: &str, rule: &str, reference: Option<Date>) -> Vec<Finding> {
    check(text, &settings(reference)).findings.into_iter().filter(|f| f.rule == rule).collect()
}

/// The publication date used in these tests: Tuesday, March 4, 2025.
fn r() -> Option<Date> {
    Some(date(2025, 3, 4))
}

/// `text` has lines of prose, each optionally followed by a line of `^` marking what `rule`
/// must flag. Asserts exactly those spans are flagged.
fn assert_carets(rule: &str, marked: &str) {
    let mut prose = String::new();
    let mut want = Vec::new();
    let mut last_line_start = 0;
    for line in marked.lines() {
        if !line.trim().is_empty() && line.trim().chars().all(|c| c == '^') {
            let start = line.find('^').expect("caret");
            let end = line.rfind('^').expect("caret") + 1;
            want.push((last_line_start + start, last_line_start + end));
            continue;
        }
        last_line_start = prose.len();
        prose.push_str(line);
        prose.push_str("\n\n");
    }
    let got: Vec<(usize, usize)> = findings(&prose, rule, r()).iter().map(|f| (f.span.start, f.span.end)).collect();
    let show = |v: &[(usize, usize)]| v.iter().map(|&(s, e)| prose[s..e].to_string()).collect::<Vec<_>>();
    assert_eq!(show(&got), show(&want), "{rule} on:\n{prose}");
}

fn assert_clean(rule: &str, lines: &[&str]) {
    for l in lines {
        let f = findings(l, rule, r());
        assert!(f.is_empty(), "{rule} should not flag {l:?}: {:?}", f.iter().map(|f| &f.message).collect::<Vec<_>>());
    }
}

/// The texts after applying each fix of the only finding of `rule`.
fn fixed(text: &str, rule: &str, reference: Option<Date>) -> Vec<String> {
    let f = findings(text, rule, reference);
    assert_eq!(f.len(), 1, "{rule} on {text:?}: {f:?}");
    f[0].fixes.iter().map(|x| x.apply(text)).collect()
}

#[test]
fn invalid_flags_impossible_dates() {
    assert_carets(
        "date/invalid",
        "The levy passed on Feb. 29, 2025, after a long debate.
                   ^^^^^^^^^^^^^
It took effect on April 31 and ran until June 30.
                  ^^^^^^^^
The ledger shows 2023-02-29 and 2024-02-29.
                 ^^^^^^^^^^
The council met on 31 September 2024 in Leeds.
                   ^^^^^^^^^^^^^^^^^
A follow-up inspection on Feb. 29 found a crack.
                          ^^^^^^^",
    );
}

#[test]
fn invalid_ignores_real_dates() {
    assert_clean(
        "date/invalid",
        &[
            "The county filed on February 29, 2024, after a dry winter.",
            "Her granddaughter was born on Feb. 29, 2000.",
            "The deadline is April 30, 2025.",
            "The ledger shows 2024-02-29 and 2026-02-28.",
            "The season ended on Sept. 30, 2024.",
            "Campaigners rallied on 29 February 2020.",
            "They may march 31 miles next spring.",
            "Room 31 is on the second floor, near Suite 2902.",
        ],
    );
}

#[test]
fn invalid_fixes_keep_the_articles_style() {
    assert_eq!(
        fixed("It met on Feb. 29, 2025, at noon.", "date/invalid", r()),
        ["It met on Feb. 28, 2025, at noon.", "It met on March 1, 2025, at noon."]
    );
    assert_eq!(
        fixed("It met on February 29, 2025, at noon.", "date/invalid", r()),
        ["It met on February 28, 2025, at noon.", "It met on March 1, 2025, at noon."]
    );
    assert_eq!(
        fixed("It met on 30 February 2025 in Leeds.", "date/invalid", r()),
        ["It met on 28 February 2025 in Leeds.", "It met on 1 March 2025 in Leeds."]
    );
    assert_eq!(
        fixed("The lot expires 2026-04-31.", "date/invalid", r()),
        ["The lot expires 2026-04-30.", "The lot expires 2026-05-01."]
    );
    assert_eq!(
        fixed("It met on Nov. 31, officials said.", "date/invalid", r()),
        ["It met on Nov. 30, officials said.", "It met on Dec. 1, officials said."]
    );
    assert_eq!(
        fixed("It met on Sept. 31st, 2022.", "date/invalid", r()),
        ["It met on Sept. 30th, 2022.", "It met on Oct. 1st, 2022."]
    );
    // A yearless Feb. 29 in a common year: AP spells out March.
    assert_eq!(
        fixed("A second inspection on Feb. 29 found a crack.", "date/invalid", r()),
        ["A second inspection on Feb. 28 found a crack.", "A second inspection on March 1 found a crack."]
    );
}

#[test]
fn weekday_flags_mismatches() {
    assert_carets(
        "date/weekday",
        "The board met on Monday, Feb. 11, 2025, in private.
                 ^^^^^^^^^^^^^^^^^^^^^
The hearing is on Wed., March 6, in room B.
                  ^^^^^^^^^^^^^
The vote was on Monday 25 February 2025 in the chamber.
                ^^^^^^^^^^^^^^^^^^^^^^^
Crews arrived on Friday (Feb. 27) to begin work.
                 ^^^^^^^^^^^^^^^^",
    );
}

#[test]
fn weekday_ignores_matching_and_unattached_weekdays() {
    assert_clean(
        "date/weekday",
        &[
            "The board met on Tuesday, Feb. 11, 2025, in private.",
            "Engineers began lifting track on Wednesday, March 12, 2025.",
            "The meeting is at 6 p.m. Wednesday, March 19, at the hall.",
            "The Commons voted on Wednesday 5 March 2025.",
            "The store is open Monday through Friday, March to June.",
            "Pre-orders opened on Tuesday, March 4.",
            "The board met Monday; on Feb. 11 it voted.",
            "Stocks fell on Black Monday, Oct. 19, 1987.",
        ],
    );
}

#[test]
fn weekday_fixes_replace_the_weekday_or_move_the_date() {
    let text = "The board met on Monday, Feb. 11, 2025, in private.";
    let f = &findings(text, "date/weekday", r())[0];
    assert_eq!(f.fixes[0].applicability, Applicability::Safe);
    assert_eq!(f.fixes[1].applicability, Applicability::Unsafe);
    assert_eq!(
        fixed(text, "date/weekday", r()),
        ["The board met on Tuesday, Feb. 11, 2025, in private.", "The board met on Monday, Feb. 10, 2025, in private."]
    );
    assert_eq!(
        fixed("They met Tue., Feb. 13, 2025.", "date/weekday", r()),
        ["They met Thu., Feb. 13, 2025.", "They met Tue., Feb. 11, 2025."]
    );
    assert_eq!(
        fixed("The vote was on Monday 25 February 2025.", "date/weekday", r()),
        ["The vote was on Tuesday 25 February 2025.", "The vote was on Monday 24 February 2025."]
    );
    // Yearless: the weekday fix is unsafe because the year was inferred.
    let yl = findings("The board met on Monday, Feb. 11, officials said.", "date/weekday", r());
    assert_eq!(yl[0].fixes[0].applicability, Applicability::Unsafe);
}

#[test]
fn tense_flags_past_future_and_future_past() {
    assert_carets(
        "date/tense",
        "The board approved the contract on April 22, 2025, after a vote.
                                   ^^^^^^^^^^^^^^
Jury selection will begin on Jan. 6, 2025, in district court.
                             ^^^^^^^^^^^^
A keyboard went on sale on November 3, 2025.
                           ^^^^^^^^^^^^^^^^
MPs approved the bill on 2 April 2025 at third reading.
                         ^^^^^^^^^^^^",
    );
}

#[test]
fn tense_ignores_consistent_quoted_reported_and_yearless_dates() {
    assert_clean(
        "date/tense",
        &[
            "The board approved the contract on Feb. 22, 2025.",
            "The council will vote on April 22, 2025.",
            "The council is scheduled to vote on April 22, 2025.",
            "The mayor said the council would vote on April 22, 2025.",
            "\"We approved it on April 22, 2025,\" she said.",
            "The authority expects to restore service by May 19, she said.",
            "The board approved a plan on Feb. 3 that takes effect on July 1, 2025.",
            "The board voted to begin work on April 22, 2025.",
            "The council will vote on March 3, 2025, a day before publication.",
        ],
    );
}

#[test]
fn tense_reads_a_yearless_date_as_the_instance_nearest_the_publication_date() {
    // Publication date: March 4, 2025.
    assert_carets(
        "date/tense",
        "The agency said Thursday it finished the work on April 2.
                                                 ^^^^^^^
Divers recovered the second hull on March 9, the coast guard said.
                                    ^^^^^^^
The depot will reopen on Feb. 11 after repairs.
                         ^^^^^^^",
    );
    assert_clean(
        "date/tense",
        &[
            // Nearest instances before the publication date, past tense.
            "The plant closed on Nov. 14 after a fire.",
            "Crews finished the repairs on Feb. 28.",
            // About six months either way: the tense decides, silently.
            "The plant closed on Aug. 30 after a fire.",
            // Future tense, nearest instance after.
            "The depot will reopen on April 11 after repairs.",
            // Within the slack for a future clause written a day or two early.
            "The depot will reopen on March 2.",
            // Plans told in the past, reported plans, reported clauses.
            "The hearing was scheduled for Feb. 20 but was postponed.",
            "The council was due to vote on Feb. 20 but delayed it.",
            "The company said it would reopen the plant on Feb. 25.",
            "The mayor said the library reopens on March 20.",
            // A past verb in another clause.
            "Officials, who met on Monday, expect the bridge to reopen on March 20.",
        ],
    );
    let past_dec = findings("The shop closed on Dec. 30 for good.", "date/tense", Some(date(2026, 1, 9)));
    assert!(past_dec.is_empty(), "{past_dec:?}");
    let jan = findings("Crews finished relining the pipe on Jan. 21.", "date/tense", Some(date(2026, 1, 12)));
    assert_eq!(jan.len(), 1);
    assert!(jan[0].message.contains("taken as Jan. 21, 2026"), "{}", jan[0].message);
    assert!(jan[0].message.contains("2026-01-12"), "{}", jan[0].message);
    // Late in the year, a past-tense early-January date is this January's: before, no finding.
    let dec = findings("The board approved the budget on Jan. 6.", "date/tense", Some(date(2025, 12, 20)));
    assert!(dec.is_empty(), "{dec:?}");
}

#[test]
fn tense_needs_a_real_publication_date() {
    let s = Settings { today: Some(date(2026, 1, 1)), ..Default::default() };
    let f = check("A memorial service will be held on April 12, 2025.", &s);
    assert!(f.findings.iter().all(|f| f.rule != "date/tense"), "{:?}", f.findings);
}

#[test]
fn range_flags_reversed_ranges() {
    assert_carets(
        "date/range",
        "The window ran from July 28 to July 15 last summer.
               ^^^^^^^^^^^^^^^^^^^^^^^
She taught there from 1971 to 1964 before moving.
                 ^^^^^^^^^^^^^^^^^
The study covered the summers of 2019-2017 citywide.
                                 ^^^^^^^^^
Talks ran between 2019 and 2017 in Geneva.
          ^^^^^^^^^^^^^^^^^^^^^
A consultation ran from 14 October to 2 October 2024 online.
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    );
}

#[test]
fn range_ignores_forward_ranges_and_look_alikes() {
    assert_clean(
        "date/range",
        &[
            "The window ran from July 8 to July 15 last summer.",
            "She taught there from 1964 to 1971.",
            "The fair runs March 3-9 at the grounds.",
            "The holiday market runs from Dec. 28 to Jan. 3.",
            "The 2019-20 season was cut short.",
            "The Gulls won 3-2 and lost 2-5.",
            "The line is open from 8 a.m. to 8 p.m., Monday through Friday.",
            "Attendance rose from 2,100 to 1,900... no, fell.",
        ],
    );
}

#[test]
fn range_fix_swaps_the_ends() {
    assert_eq!(fixed("It ran from July 28 to July 15.", "date/range", r()), ["It ran from July 15 to July 28."]);
    assert_eq!(fixed("The study covered 2019-2017.", "date/range", r()), ["The study covered 2017-2019."]);
    assert_eq!(
        fixed("Talks ran from 14 October to 2 October 2024.", "date/range", r()),
        ["Talks ran from 2 October to 14 October 2024."]
    );
    assert_eq!(fixed("The fair runs March 9-3 downtown.", "date/range", r()), ["The fair runs March 3-9 downtown."]);
}

#[test]
fn range_reads_day_first_ranges_that_share_one_month() {
    // Carets count bytes: the en dash takes three.
    assert_carets(
        "date/range",
        "Pickets are planned from 27 to 21 April at the depot.
                    ^^^^^^^^^^^^^^^^^^^
Voting runs between 17 and 11 May in every ward.
            ^^^^^^^^^^^^^^^^^^^^^
The fair runs 30 – 26 August on the green.
              ^^^^^^^^^^^^^^^^
The fair ran 30-26 August 2024 on the green.
             ^^^^^^^^^^^^^^^^^",
    );
    assert_clean(
        "date/range",
        &[
            "Pickets are planned from 21 to 27 April at the depot.",
            "Voting runs between 11 and 17 May in every ward.",
            "The fair runs 26 – 30 August on the green.",
            "Membership fell from 27 to 21 in April.",
            "The count went from 27 to 21, April figures show.",
            "Turnout fell from 30 to 26 percent in August.",
        ],
    );
    assert_eq!(
        fixed("Pickets are planned from 27 to 21 April.", "date/range", r()),
        ["Pickets are planned from 21 to 27 April."]
    );
    assert_eq!(fixed("The fair ran 30-26 August 2024.", "date/range", r()), ["The fair ran 26-30 August 2024."]);
}

#[test]
fn relative_hints_name_the_resolved_date() {
    let f = findings("The treaty was signed last December.", "date/relative", r());
    assert_eq!(f[0].message, "'last December' = December 2024, from the publication date 2025-03-04");
    assert_eq!(f[0].severity, Severity::Hint);
    let y = findings("The council met yesterday.", "date/relative", r());
    assert_eq!(y[0].message, "'yesterday' = Monday, March 3, 2025, from the publication date 2025-03-04");
    assert!(findings("The market has recently cooled.", "date/relative", r()).is_empty());
    assert!(findings("The council met on March 3, 2025.", "date/relative", r()).is_empty());
}

#[test]
fn relative_fix_uses_ap_absolute_forms() {
    assert_eq!(fixed("The council met yesterday.", "date/relative", r()), ["The council met Monday."]);
    assert_eq!(fixed("The council met two weeks ago.", "date/relative", r()), ["The council met Feb. 18."]);
    assert_eq!(
        fixed("The treaty was signed last December.", "date/relative", r()),
        ["The treaty was signed in December 2024."]
    );
    assert_eq!(fixed("Prices rose last month.", "date/relative", r()), ["Prices rose in February."]);
    assert_eq!(fixed("The law passed last year.", "date/relative", r()), ["The law passed in 2024."]);
    // A preposition already there is kept, and no second one is added.
    assert_eq!(fixed("Prices have risen since last year.", "date/relative", r()), ["Prices have risen since 2024."]);
    assert_eq!(
        fixed("It opened in late 2024, not last month.", "date/relative", r()),
        ["It opened in late 2024, not in February."]
    );
    assert_eq!(fixed("The law passed 90 days ago.", "date/relative", r()), ["The law passed Dec. 4, 2024."]);
}

#[test]
fn relative_fix_keeps_weekdays_of_the_same_week_and_replaces_today() {
    // The publication date, Tuesday, March 4, 2025, is itself within the week: AP writes the day.
    assert_eq!(fixed("The council meets today.", "date/relative", r()), ["The council meets Tuesday."]);
    let same_day = findings("The council met Tuesday.", "date/relative", r());
    assert_eq!(same_day.len(), 1);
    assert!(same_day[0].fixes.is_empty(), "already in AP form: {:?}", same_day[0].fixes);
}

#[test]
fn no_reference_is_reported_once_with_front_matter_fix() {
    let s = Settings { today: Some(date(2025, 3, 4)), ..Default::default() };
    let text = "The council met yesterday and will meet again tomorrow.\n";
    let f: Vec<_> = check(text, &s).findings.into_iter().filter(|f| f.rule == "date/no-reference").collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].span.slice(text), "yesterday");
    assert_eq!(f[0].fixes[0].apply(text), format!("---\ndate: 2025-03-04\n---\n\n{text}"));
    let dated = "DENVER, March 4, 2025 — The council met yesterday.\n";
    assert!(check(dated, &s).findings.iter().all(|f| f.rule != "date/no-reference"));
    let absolute_only = "The council met on March 3, 2025.\n";
    assert!(check(absolute_only, &s).findings.iter().all(|f| f.rule != "date/no-reference"));
}

/// The fenced text block under `## {section}` in a rule's docs.
fn doc_block(docs: &str, section: &str) -> String {
    let start = docs.find(&format!("## {section}\n")).unwrap_or_else(|| panic!("no {section}"));
    let rest = &docs[start..];
    let open = rest.find("```text\n").expect("a text block") + "```text\n".len();
    let close = rest[open..].find("```").expect("closed block");
    rest[open..open + close].to_string()
}

#[test]
fn every_rule_docs_example_fires_and_use_instead_does_not() {
    for rule in DateFamily.rules() {
        let reference = if rule.id == "date/no-reference" { None } else { r() };
        let s = Settings { reference_date: reference, today: Some(date(2025, 3, 4)), ..Default::default() };
        let example = doc_block(rule.docs, "Example");
        let instead = doc_block(rule.docs, "Use instead");
        let fires = |t: &str| check(t, &s).findings.iter().any(|f| f.rule == rule.id);
        assert!(fires(&example), "{}: Example does not fire:\n{example}", rule.id);
        assert!(!fires(&instead), "{}: Use instead fires:\n{instead}", rule.id);
    }
}

#[test]
fn rules_never_panic_on_odd_input() {
    for text in [
        "",
        "—",
        "Feb.",
        "Monday,",
        "from",
        "between 2019 and",
        "2019-",
        "'",
        "\u{301}Feb. 29, 2025 é",
        "🎉 Feb. 30 🎉",
    ] {
        let rep = check(text, &settings(r()));
        assert!(rep.internal_errors.is_empty(), "{text:?}: {:?}", rep.internal_errors);
    }
}
