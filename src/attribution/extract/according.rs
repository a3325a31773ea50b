//! "according to" and its source: the phrase after it, or the people or body behind a document
//! it names ("interviews with a dozen officials", "figures the company filed").
use super::Attribution;
use super::lx;
use super::np::Grammar;
use super::phrase::{content_around, np_right, push};

pub(super) fn according_to(g: &Grammar, i: usize, out: &mut Vec<Attribution>) {
    let Some((b, mut np)) = np_right(g, i + 2) else { return };
    // "according to interviews with a dozen officials": the people behind the document.
    if let Some((p, oa, _, _)) = np.pp
        && g.lx(np.head) & (lx::COMMUNICATION | lx::COGNITION) != 0
        && matches!(g.s.w(p), "with" | "by" | "from")
        && let Some(inner) = g.np(oa, np.b)
        && g.lx(inner.head) & (lx::PERSON | lx::ORG | lx::PEOPLE_NAME) != 0
    {
        np = inner;
    }
    // "according to figures the company filed with the state": the subject of a relative clause
    // without its pronoun keeps the document.
    else if g.lx(np.head) & (lx::COMMUNICATION | lx::COGNITION) != 0
        && np.b < g.n()
        && g.word(np.b)
        && let Some(v) = (np.b + 1..(np.b + 5).min(g.n()))
            .take_while(|&k| g.word(k))
            .find(|&k| g.c(k) == 0 && g.lx(k) & lx::VPAST != 0 && g.lx(k) & lx::N == 0)
        && let Some(keeper) = g.np(np.b, v)
        && (g.proper[keeper.head] || g.lx(keeper.head) & (lx::PERSON | lx::ORG) != 0)
    {
        np = keeper;
    }
    let cue = g.span(i, i + 2);
    let content = content_around(g, i, b);
    push(g, out, Some(np), cue, content, true);
}
