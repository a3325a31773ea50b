//! Passive cues: "was criticised by NP", "it is believed that", "is said to", "has been
//! described as", "is widely believed", and the agent or the impersonal source each gives.
use super::np::Grammar;
use super::phrase::{content_after, np_right, push};
use super::words as cw;
use super::{Attribution, lx};
use crate::text::Span;

/// A passive cue at `i` whose auxiliaries start at `e`: "was criticised by NP", "it is believed
/// that", "is said to", "has been described as", "is widely believed".
pub(super) fn passive_cue(g: &Grammar, i: usize, e: usize, cue: Span, out: &mut Vec<Attribution>) {
    let n = g.n();
    // The agent: "by NP" right after the verb, or after a short complement ("called X by NP").
    let mut k = i + 1;
    // (A quoted complement may come first: `has been called "strategic ambiguity" by`.)
    while k < n
        && k < i + 8
        && !g.is(k, "by")
        && !(k == i + 1 && g.is(k, "from"))
        && g.punct(k).is_none_or(|c| matches!(c, '"' | '“' | '”'))
    {
        k += 1;
    }
    if g.is(k, "by")
        && let Some((_, np)) = np_right(g, k + 1)
    {
        push(g, out, Some(np), cue, None, true);
        return;
    }
    // "have been reported from various intelligence sources": a source after "from", when it is
    // people or a document rather than a place.
    if g.is(k, "from")
        && g.lx(i) & lx::SAY != 0
        && let Some((_, np)) = np_right(g, k + 1)
        && g.person_or_group(np.head) | (g.lx(np.head) & lx::COMMUNICATION != 0)
        && g.kind(&np, true).is_some()
    {
        push(g, out, Some(np), cue, None, true);
        return;
    }
    let it = e > 0 && (g.is(e - 1, "it") || g.is(e, "it's"));
    let next = i + 1;
    let raising = g.is(next, "to") && g.word(next + 1) && g.c(next + 1) & cw::DET == 0;
    let as_ = g.is(next, "as") && g.lx(i) & lx::SAY != 0;
    // Raising and "it is ..." need a verb of report or belief, one that takes a clause ("is said
    // to", "it is believed"), not one of planning ("is scheduled to").
    let l = g.lx(i);
    // ("is said to", "it is believed"), not one of planning or permission ("is scheduled to", "was
    // not authorized to").
    // (Nor a form that is also a noun of another kind: "was set to begin".)
    let clausal =
        l & lx::CLAUSE != 0 && l & lx::TOINF == 0 && (l & lx::N == 0 || l & (lx::COGNITION | lx::COMMUNICATION) != 0);
    let (it, raising) = (it && clausal, raising && clausal);
    let widely = (e..i).any(|k| {
        matches!(g.s.w(k), "widely" | "generally" | "commonly" | "broadly" | "universally" | "often" | "long")
    });
    if it || raising || as_ || widely {
        let start = if it && e > 0 && g.is(e - 1, "it") { e - 1 } else { e };
        let end = if raising { next + 1 } else { i + 1 };
        let content = content_after(g, end);
        push(g, out, None, g.span(start, end), content, false);
    }
}
