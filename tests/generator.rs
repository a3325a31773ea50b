//! The benchmark article generator: deterministic, the requested size, and carrying what a
//! realistic draft carries.
#[path = "support/generator.rs"]
mod generator;

use generator::{Mutation, Planted, article_bytes, article_with_stats, article_words, mutate};

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    assert_eq!(article_words(7, 2_000), article_words(7, 2_000));
    assert_ne!(article_words(7, 2_000), article_words(8, 2_000));
    assert_eq!(article_bytes(3, 50_000), article_bytes(3, 50_000));
}

#[test]
fn reaches_the_requested_size_without_overshooting_much() {
    for target in [300, 1_000, 10_000] {
        let a = article_words(11, target);
        let n = a.split_whitespace().count();
        // The count includes front matter; a section is at most a few hundred words.
        assert!(n >= target && n < target + 800, "{target} words requested, got {n}");
    }
    let b = article_bytes(11, 200_000);
    assert!(b.len() >= 200_000 && b.len() < 210_000, "{}", b.len());
}

#[test]
fn plants_problems_at_a_draft_density() {
    let (text, p): (String, Planted) = article_with_stats(5, 20_000);
    let per = p.words / p.problems().max(1);
    assert!((60..=250).contains(&per), "one planted problem per {per} words: {p:?}");
    assert!(p.claims > 0 && p.vague > 0 && p.unattributed_quotes > 0 && p.bad_dates > 0 && p.relative_dates > 0);
    for needle in ["\ndate: ", "\n## ", "](https://", "\n- ", "|---|", "```text", "\u{201c}", " said"] {
        assert!(text.contains(needle), "no {needle:?} in the article");
    }
    // Dates in the three styles, and at least one impossible one.
    assert!(text.contains(", 20") && text.contains("-0") && text.contains(" January ") | text.contains(" March "));
    assert!(["Feb. 30", "April 31", "31 June", "-13-02"].iter().any(|b| text.contains(b)));
}

#[test]
fn mutations_keep_utf8_and_do_what_they_say() {
    let mut t = String::from("añb😀c");
    mutate(&mut t, &Mutation::Insert { at: 0.3, text: "X".into() });
    assert_eq!(t, "aXñb😀c");
    mutate(&mut t, &Mutation::Delete { at: 0.6, len: 1 });
    assert_eq!(t, "aXñbc", "the emoji is deleted whole");
    mutate(&mut t, &Mutation::Duplicate { from: 0.0, to: 1.0, len: 2 });
    assert_eq!(t, "aXñbcaX");
}
