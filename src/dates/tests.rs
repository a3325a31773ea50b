//! Recogniser tests: what is found, its value, and what must not be found.
use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::*;
use crate::document::{DocKind, Document};

fn exprs(text: &str, reference: Option<Date>) -> Vec<DateExpr> {
    let doc = Document::parse(text, DocKind::Markdown, &[]);
    recognise(&doc, reference)
}

/// (text, value) of every expression, with a reference date of Tuesday, March 4, 2025.
fn found(text: &str) -> Vec<(String, String)> {
    exprs(text, Some(date(2025, 3, 4))).into_iter().map(|e| (e.span.slice(text).to_string(), e.value)).collect()
}

/// Each `(text, expression, value)`: the expression is recognised in the text with that value.
fn assert_finds(cases: &[(&str, &str, &str)]) {
    for &(text, want_text, want_value) in cases {
        let f = found(text);
        assert!(
            f.iter().any(|(t, v)| t == want_text && v == want_value),
            "{text:?}: wanted {want_text:?} = {want_value}, found {f:?}"
        );
    }
}

fn one(text: &str) -> (String, String) {
    let f = found(text);
    assert_eq!(f.len(), 1, "expected one date in {text:?}, found {f:?}");
    f.into_iter().next().expect("one")
}

fn value_of(text: &str) -> String {
    one(text).1
}

#[test]
fn recognises_every_newsroom_style() {
    let cases = [
        ("It happened on February 29, 2024, downtown.", "February 29, 2024", "2024-02-29"),
        ("It happened on Feb. 28, 2025, downtown.", "Feb. 28, 2025", "2025-02-28"),
        ("It happened on Feb 28 2025 downtown.", "Feb 28 2025", "2025-02-28"),
        ("It happened on February 28th, 2025, downtown.", "February 28th, 2025", "2025-02-28"),
        ("It happened on the 28th of February, 2025, downtown.", "the 28th of February, 2025", "2025-02-28"),
        ("It happened on 28 February 2025 in Leeds.", "28 February 2025", "2025-02-28"),
        ("The file is dated 2025-02-28 in the log.", "2025-02-28", "2025-02-28"),
        ("The form is dated 02/28/2025 at the top.", "02/28/2025", "2025-02-28"),
        ("The form is dated 28/02/2025 at the top.", "28/02/2025", "2025-02-28"),
        ("Prices rose in December 2024 across the region.", "December 2024", "2024-12"),
        ("The plant opened in 1998 near the river.", "1998", "1998"),
        ("The plant opened in Sept. 2019... no, on Sept. 3, 2019.", "Sept. 3, 2019", "2019-09-03"),
        ("The filing arrived Sep. 3, 2019, by mail.", "Sep. 3, 2019", "2019-09-03"),
    ];
    assert_finds(&cases);
}

#[test]
fn attaches_weekdays_in_every_position() {
    for (text, wd, span) in [
        ("The hearing is on Tuesday, March 4, 2025, at noon.", Weekday::Tuesday, "Tuesday, March 4, 2025"),
        ("The hearing is on Tue., March 4, at noon.", Weekday::Tuesday, "Tue., March 4"),
        ("The hearing is on Tuesday (March 4) at noon.", Weekday::Tuesday, "Tuesday (March 4)"),
        ("The vote was on Thursday 29 February 2024 in the chamber.", Weekday::Thursday, "Thursday 29 February 2024"),
    ] {
        let e = exprs(text, Some(date(2025, 3, 4)));
        assert_eq!(e.len(), 1, "{text:?}: {e:?}");
        assert_eq!(e[0].span.slice(text), span);
        let stated = e[0].weekday.expect("weekday attached");
        assert_eq!(stated.weekday, wd);
        assert_eq!(e[0].date.map(|d| d.weekday()), Some(wd), "{text:?}");
    }
}

#[test]
fn yearless_dates_take_the_year_from_the_reference_and_tense() {
    let doc_past = "The crew finished the work on Dec. 30, officials said.";
    let e = exprs(doc_past, Some(date(2025, 1, 8)));
    assert_eq!(e[0].value, "2024-12-30");
    assert!(e[0].written.as_ref().is_some_and(|w| w.year_inferred));
    let future = "The agency will publish its report on Dec. 30.";
    assert_eq!(exprs(future, Some(date(2025, 1, 8)))[0].value, "2025-12-30");
    let near = "The ferry resumes service March 21 on the north route.";
    assert_eq!(exprs(near, Some(date(2025, 3, 4)))[0].value, "2025-03-21");
    let unknown = exprs("The ferry resumes service March 21.", None);
    assert_eq!(unknown[0].value, "XXXX-03-21");
}

#[test]
fn resolves_relative_expressions() {
    // Reference: Tuesday, March 4, 2025.
    let cases = [
        ("The council met yesterday.", "yesterday", "2025-03-03"),
        ("The council meets today.", "today", "2025-03-04"),
        ("The council meets tomorrow.", "tomorrow", "2025-03-05"),
        ("The council met tonight.", "tonight", "2025-03-04"),
        ("The council met on Friday.", "Friday", "2025-02-28"),
        ("The council will meet on Friday.", "Friday", "2025-03-07"),
        ("The council met last Tuesday.", "last Tuesday", "2025-02-25"),
        ("The council meets next Monday.", "next Monday", "2025-03-10"),
        ("The council met last week.", "last week", "2025-W09"),
        ("The council meets this week.", "this week", "2025-W10"),
        ("The council met last month.", "last month", "2025-02"),
        ("The council met earlier this month.", "earlier this month", "2025-03"),
        ("The council meets next year.", "next year", "2026"),
        ("The treaty was signed last December.", "last December", "2024-12"),
        ("The treaty is signed next June.", "next June", "2025-06"),
        ("The council met three days ago.", "three days ago", "2025-03-01"),
        ("The council met 2 weeks ago.", "2 weeks ago", "2025-02-18"),
        ("The council met six months ago.", "six months ago", "2024-09"),
        ("The council met two years ago.", "two years ago", "2023"),
        ("The council meets 10 days from now.", "10 days from now", "2025-03-14"),
        ("The rally was last spring.", "last spring", "2024-SP"),
        ("Prices rose in the past year.", "the past year", "2024"),
        ("The market has recently cooled.", "recently", "PAST_REF"),
        ("The market is now cooling.", "now", "PRESENT_REF"),
        ("The market will soon cool.", "soon", "FUTURE_REF"),
        ("Profits fell in the fourth quarter of 2024.", "the fourth quarter of 2024", "2024-Q4"),
    ];
    assert_finds(&cases);
}

#[test]
fn later_and_earlier_count_from_the_previous_date() {
    let text = "The levee failed on June 2, 2024. Crews sealed it two days later.";
    let f = found(text);
    assert_eq!(f[1], ("two days later".to_string(), "2024-06-04".to_string()));
}

#[test]
fn recognises_ranges() {
    for (text, span, value) in [
        ("The fair runs from March 12 to March 9 in the park.", "from March 12 to March 9", "2025-03-12/2025-03-09"),
        ("The fair runs March 3-9 in the park.", "March 3-9", "2025-03-03/2025-03-09"),
        ("The survey covered 2019-2017 in three towns.", "2019-2017", "2019/2017"),
        ("The survey ran between 2019 and 2017 in three towns.", "between 2019 and 2017", "2019/2017"),
        ("Talks ran from 14 October to 2 October 2024.", "from 14 October to 2 October 2024", "2024-10-14/2024-10-02"),
    ] {
        let e = exprs(text, Some(date(2025, 3, 4)));
        assert_eq!(e.len(), 1, "{text:?}: {e:?}");
        assert_eq!(e[0].kind, DateKind::Range);
        assert_eq!(e[0].span.slice(text), span);
        assert_eq!(e[0].value, value);
    }
    let ok = exprs("The fair ran from Dec. 28 to Jan. 3 downtown.", Some(date(2025, 3, 4)));
    assert!(!ok[0].range.as_ref().expect("range").reversed, "{ok:?}");
    let season = exprs("The 2019-20 season ended early.", Some(date(2025, 3, 4)));
    assert_eq!(season[0].value, "2019/2020");
    assert!(!season[0].range.as_ref().expect("range").reversed);
}

#[test]
fn finds_no_false_dates() {
    for text in [
        "They may march 5 miles to the capitol.",
        "State Sen. June March, a Democrat, filed the bill.",
        "Her aunt, April May, runs the shop.",
        "Catcher Eli May threw out the runner.",
        "The Gulls won 3-2 in extra innings.",
        "The meeting starts at 6 p.m. at the hall.",
        "The clinic is at 1560 Blake St. downtown.",
        "The office is at 200 Water Street in town.",
        "Wills, who wears No. 7, homered twice.",
        "The tablet runs version 4.2 of the software.",
        "Call 1-800-555-0142 or 530-555-0187 for help.",
        "The model CK24A009 was recalled.",
        "The septet played a set of septuagenarian songs.",
        "The county has 1,850 residents and 2,000 acres.",
        "Doors open Monday through Friday at the library.",
        "Wear shoes; it may snow, and the march may be long.",
        "The Sun reported the story first.",
        "She paid $2025 for the ticket.",
        "The tower stands 1800 feet tall.",
    ] {
        let f = found(text);
        let dated: Vec<_> = f.iter().filter(|(_, v)| !v.ends_with("_REF")).collect();
        assert!(dated.is_empty(), "{text:?} has no date, found {f:?}");
    }
}

#[test]
fn numeric_order_follows_the_articles_convention() {
    // Unambiguous either way.
    assert_eq!(value_of("It was filed 13/02/2025 at noon."), "2025-02-13");
    assert_eq!(value_of("It was filed 02/13/2025 at noon."), "2025-02-13");
    // Ambiguous without a convention: not a date.
    assert!(found("It was filed 03/04/2025 at noon.").is_empty());
    // Day-first prose decides.
    let uk = found("The Bill passed on 5 March 2025. It was filed 03/04/2025.");
    assert_eq!(uk[1].1, "2025-04-03");
    let us = found("The bill passed on March 5, 2025. It was filed 03/04/2025.");
    assert_eq!(us[1].1, "2025-03-04");
}

#[test]
fn invalid_dates_are_marked() {
    for (text, invalid) in [
        ("It met on Feb. 29, 2025.", true),
        ("It met on Feb. 29, 2024.", false),
        ("It met on April 31, 2024.", true),
        ("It met on Feb. 30.", true),
        ("It met on 2025-13-01.", true),
        ("It met on 2025-02-00.", true),
        ("It met on 31 June 2024.", true),
    ] {
        let e = exprs(text, Some(date(2025, 3, 4)));
        assert_eq!(e.len(), 1, "{text:?}: {e:?}");
        assert_eq!(e[0].invalid, invalid, "{text:?}");
        assert_eq!(e[0].date.is_none(), invalid, "{text:?}");
    }
}

#[test]
fn dates_in_quotes_are_marked() {
    let text = "\"We will reopen on April 2, 2025,\" she said. It closed on March 1, 2025.";
    let e = exprs(text, Some(date(2025, 3, 4)));
    assert!(e[0].in_quote);
    assert!(!e[1].in_quote);
}

#[test]
fn skips_front_matter() {
    let text = "---\ndate: 2025-03-04\n---\n\nThe council met yesterday.\n";
    let f = found(text);
    assert_eq!(f, vec![("yesterday".to_string(), "2025-03-03".to_string())]);
}

fn dl(text: &str) -> Option<Date> {
    dateline(&Document::parse(text, DocKind::Markdown, &[]), None)
}

#[test]
fn reads_datelines() {
    assert_eq!(dl("DENVER, March 4, 2025 — The council met."), Some(date(2025, 3, 4)));
    assert_eq!(dl("WASHINGTON (AP) — March 4, 2025 — The council met."), Some(date(2025, 3, 4)));
    assert_eq!(dl("SACRAMENTO, Calif., Aug. 14, 2021 — Crews gained ground."), Some(date(2021, 8, 14)));
    assert_eq!(dl("# A headline\n\nLEEDS, 4 March 2025 — The council met."), Some(date(2025, 3, 4)));
    assert_eq!(dl("DENVER — The council met on March 4, 2025."), None);
    assert_eq!(dl("The council met on March 4, 2025 — at last."), None);
    assert_eq!(dl("DENVER, Feb. 30, 2025 — Nothing."), None);
}

#[test]
fn reads_wire_and_newspaper_dateline_shapes() {
    let d = Some(date(2024, 11, 8));
    // Agency after the date, in parentheses.
    assert_eq!(dl("OSLO, Nov. 8, 2024 (Northern Wire) — Ferries stopped."), d);
    // Agency after the city, date after the dash.
    assert_eq!(dl("OSLO (Northern Wire) — Nov. 8, 2024 — Ferries stopped."), d);
    // Day-first, en dash, double hyphen.
    assert_eq!(dl("OSLO, 8 November 2024 – Ferries stopped."), d);
    assert_eq!(dl("OSLO, Nov. 8, 2024 -- Ferries stopped."), d);
    // A state or country after the city.
    assert_eq!(dl("BANGOR, Maine, Nov. 8, 2024 — Ferries stopped."), d);
    assert_eq!(dl("TROMSØ, Norway, 8 November 2024 — Ferries stopped."), d);
    // A byline and a heading before it.
    assert_eq!(dl("# Ferries halted\n\nBy Kari Lund\n\nOSLO, Nov. 8, 2024 — Ferries stopped."), d);
    // Yearless, agency after the date: the year the article's full dates are written in.
    assert_eq!(
        dl(
            "OSLO, Nov. 8 (Northern Wire) — Ferries stopped. Service began on Oct. 2, 2024, and paused on Oct. 30, 2024."
        ),
        d
    );
    // Yearless with no full date anywhere: no year to give it.
    assert_eq!(dl("OSLO, Nov. 8 (Northern Wire) — Ferries stopped."), None);
}

#[test]
fn dateline_look_alikes_are_not_datelines() {
    // A date in the body, not after the city.
    assert_eq!(dl("OSLO (Northern Wire) — Ferries stopped on Nov. 8, 2024 — all of them."), None);
    // No dash after the date.
    assert_eq!(dl("OSLO, Nov. 8, 2024 (Northern Wire) said ferries stopped."), None);
    // A mixed-case first word is not a city in capitals.
    assert_eq!(dl("Oslo, Nov. 8, 2024 — Ferries stopped."), None);
    // A long paragraph first: the dateline does not come after body text.
    let long = "Ferries across the fjords stopped running for the whole of the long weekend, leaving many travellers stranded at the piers.";
    assert_eq!(dl(&format!("{long}\n\nOSLO, Nov. 8, 2024 — More news.")), None);
}

/// The styles the property test writes dates in.
fn styled(y: i32, m: u8, d: u8, style: usize) -> String {
    const FULL: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const AP: [&str; 12] =
        ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
    let i = (m - 1) as usize;
    match style {
        0 => format!("{} {d}, {y}", FULL[i]),
        1 => format!("{} {d}, {y}", AP[i]),
        2 => format!("{d} {} {y}", FULL[i]),
        3 => format!("{y:04}-{m:02}-{d:02}"),
        4 => format!("{} {d}{}, {y}", FULL[i], if d % 10 == 1 && d != 11 { "st" } else { "th" }),
        5 => format!("{m:02}/{d:02}/{y}"),
        _ => format!("{d:02}/{m:02}/{y}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn invalid_iff_jiff_rejects(y in 1900i32..2100, m in 1u8..=12, d in 1u8..=31, style in 0usize..7) {
        // Numeric styles need the article's convention when both parts could be a month.
        let convention = match style { 5 => "Filed March 5, 2020. ", 6 => "Filed 5 March 2020. ", _ => "" };
        let text = format!("{convention}The board met on {}.", styled(y, m, d, style));
        let e = exprs(&text, Some(date(2025, 3, 4)));
        let last = e.last().expect("a date");
        let exists = Date::new(y as i16, m as i8, d as i8).is_ok();
        prop_assert_eq!(last.invalid, !exists, "{}", text);
        if exists {
            prop_assert_eq!(last.date, Some(date(y as i16, m as i8, d as i8)));
        }
    }

    #[test]
    fn weekday_mismatch_iff_jiff_disagrees(y in 1900i32..2100, m in 1u8..=12, d in 1u8..=28, w in 0i8..7, style in 0usize..5) {
        let stated = Weekday::from_monday_zero_offset(w).expect("0..7");
        let text = format!("The board met on {}, {}.", format::weekday_name(stated), styled(y, m, d, style));
        let e = exprs(&text, Some(date(2025, 3, 4)));
        prop_assert_eq!(e.len(), 1, "{}", text);
        let actual = date(y as i16, m as i8, d as i8).weekday();
        prop_assert_eq!(e[0].weekday.map(|s| s.weekday), Some(stated));
        prop_assert_eq!(e[0].date.map(|d| d.weekday() != stated), Some(actual != stated));
    }

    #[test]
    fn never_panics_and_spans_are_char_boundaries(s in "\\PC{0,120}") {
        let e = exprs(&s, Some(date(2025, 3, 4)));
        for x in &e {
            prop_assert!(s.is_char_boundary(x.span.start) && s.is_char_boundary(x.span.end));
            prop_assert!(x.span.start <= x.span.end && x.span.end <= s.len());
        }
    }

    #[test]
    fn never_panics_on_date_like_noise(s in "[A-Za-z0-9 ,.'’“”\"()/–—-]{0,80}") {
        let e = exprs(&s, Some(date(2025, 3, 4)));
        for x in &e {
            prop_assert!(s.is_char_boundary(x.span.start) && s.is_char_boundary(x.span.end));
        }
        let _ = dateline(&Document::parse(&s, DocKind::Plain, &[]), None);
    }
}

#[test]
fn table_cells_are_read_one_at_a_time() {
    let text = "| Item | Date |\n|---|---|\n| 12 | Feb. 29, 2025 |\n| 7 | March 4 |\n";
    let f = found(text);
    assert_eq!(
        f,
        [("Feb. 29, 2025".to_string(), "2025-02-29".to_string()), ("March 4".to_string(), "2025-03-04".to_string())],
        "{f:?}"
    );
}
