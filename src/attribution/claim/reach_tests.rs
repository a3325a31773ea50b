//! How far a claim's words reach, and what bounds them: adverbs inside a change, a path after
//! "go down", a hypothetical or personal comparison set, a period that looks like a rank, a
//! condition of purpose, a future after a universal, people bounded by their record, and verbs
//! of surpassing. Each with clean look-alikes, in our own words.
use super::super::sentence::ClaimKind;
use super::tests::{cue, kind};

#[test]
fn a_change_with_an_adverb_or_under_way() {
    assert_eq!(cue("Ferry bookings are sharply up.").as_deref(), Some("up"));
    assert_eq!(cue("Ticket sales are going down.").as_deref(), Some("down"));
    assert_eq!(cue("Prices go up every spring.").as_deref(), Some("up"));
    // A plan, a path, and a flag raised: no change of an amount.
    assert_eq!(kind("Ticket sales are going to go down."), None);
    assert_eq!(kind("The council let the economy go down the drain."), None);
    assert_eq!(kind("The hikers went up the ridge at dawn."), None);
    assert_eq!(kind("The banners are finally up."), None);
}

#[test]
fn comparisons_with_what_someone_would_do_are_not_sets() {
    assert_eq!(kind("The board spent more than we could afford."), None);
    assert_eq!(kind("The agency hired more staff than I would have hired."), None);
    assert_eq!(cue("The agency hired more staff than we did in 2019.").as_deref(), Some("more staff than we"));
}

#[test]
fn superlatives_of_one_life_or_of_what_may_happen() {
    assert_eq!(kind("That was the hardest climb I have ever made."), None);
    assert_eq!(kind("It is the cheapest lunch you'll ever eat."), None);
    assert_eq!(kind("The worst outcome that could follow is a second closure."), None);
    // The county's record, and a superlative over what did happen, stay claims.
    assert_eq!(kind("It is the largest deficit we've ever had."), Some(ClaimKind::Superlative));
    assert_eq!(kind("It was the worst flood that has hit the valley since 1955."), Some(ClaimKind::Superlative));
}

#[test]
fn an_est_word_is_a_superlative_only_with_a_graded_stem() {
    assert_eq!(kind("The ferry is in the interest of every islander in the country."), None);
    assert_eq!(kind("She gave an honest account of the night in the county."), None);
    assert_eq!(kind("It was the earliest frost in the county."), Some(ClaimKind::Superlative));
    assert_eq!(kind("It was the biggest crowd in the world."), Some(ClaimKind::Superlative));
}

#[test]
fn a_change_verb_inside_a_name_is_no_trend() {
    assert_eq!(kind("Read the minutes of the United Nations over the past seven years."), None);
    assert_eq!(kind("Membership has dropped for the past seven years."), Some(ClaimKind::Change));
}

#[test]
fn a_period_or_a_future_after_first_is_no_record() {
    assert_eq!(kind("His first year is going to be hard on the budget."), None);
    assert_eq!(kind("She spent the first hundred days to learn the files."), None);
    assert_eq!(kind("The council must make progress first in the field of housing."), None);
    // A record: the first to do it, and a rank after "be" or a finite verb.
    assert_eq!(kind("She was the first mayor to finish a term without a deficit."), Some(ClaimKind::Superlative));
    assert_eq!(kind("The county ranks first in the state in broadband."), Some(ClaimKind::Superlative));
}

#[test]
fn in_history_ranks_only_with_a_degree() {
    assert_eq!(kind("There have been many floods in the history of the valley."), None);
    assert_eq!(kind("The mill hired more people than at any time in history."), Some(ClaimKind::Superlative));
}

#[test]
fn an_amount_in_a_purpose_or_under_ought_is_an_aim() {
    assert_eq!(kind("Save it in bonds so that the fund over the next decade grows to $3 million."), None);
    assert_eq!(kind("Owners ought to cut their bills by 40 percent."), None);
    assert_eq!(cue("The fund grew to $3 million, so the board bought bonds.").as_deref(), Some("$3 million"));
}

#[test]
fn a_universal_with_a_future_verb_is_a_prediction() {
    assert_eq!(kind("Every single one of the trustees will vote for the levy."), None);
    assert_eq!(kind("Every single one of the trustees voted for the levy."), Some(ClaimKind::Statistic));
}

#[test]
fn people_bounded_by_their_record_are_a_set() {
    assert_eq!(
        cue("Every governor who has served since 1950 has signed the compact.").as_deref(),
        Some("Every governor")
    );
    assert_eq!(cue("Every Mayor who has held the post lived in the ward.").as_deref(), Some("Every Mayor"));
    // Any parent at all, and any voter who will: no set on the record.
    assert_eq!(kind("Every parent who has a child in school knows the feeling."), None);
    assert_eq!(kind("Every voter who wants a ballot gets one."), None);
}

#[test]
fn surpassing_a_whole_class() {
    assert_eq!(cue("The co-op outsold every rival in the county.").as_deref(), Some("outsold every rival"));
    assert_eq!(
        cue("Our county lags behind every other county in broadband.").as_deref(),
        Some("lags behind every other county")
    );
    assert_eq!(cue("The harbour is well ahead of any other port.").as_deref(), Some("ahead of any other port"));
    assert_eq!(cue("Costs have exceeded all previous estimates.").as_deref(), Some("exceeded all previous estimates"));
    // One rival, a place, a time, and a plan.
    assert_eq!(kind("The runner outpaced her rival on the last lap."), None);
    assert_eq!(kind("The path runs behind each house."), None);
    assert_eq!(kind("Ahead of every match, the team sings."), None);
    assert_eq!(kind("The club will outspend every rival next year."), None);
    // "Out-" verbs of another kind: a ban, a summary, a fitting-out.
    assert_eq!(kind("The council outlawed every firework."), None);
    assert_eq!(kind("The mayor outlined every option."), None);
}
