//! Nominal cues: a noun of thought, feeling or communication with the people whose view it is
//! ("the feeling among donors is that", "word in the industry is", "common knowledge", "Sanders's
//! point was that", "Among aides, there is chatter about").
use super::lx;
use super::np::Grammar;
use super::phrase::{content_after, np_right, push};
use super::told::clause_follows;
use super::words as cw;
use super::{Attribution, SourceKind};

/// A noun of cognition, feeling or communication at `i` with the people it belongs to: "the
/// feeling among donors is that", "word in the industry is", "there is wide agreement among
/// economists that", "common knowledge", "claims by NP".
pub(super) fn nominal_cue(g: &Grammar, i: usize, out: &mut Vec<Attribution>) -> bool {
    let s = g.s;
    if s.toks[i].quoted {
        return false;
    }
    // "common knowledge", "conventional wisdom", "an open secret": knowledge of everyone.
    if i > 0 && matches!(s.w(i - 1), "common" | "conventional" | "received" | "popular" | "open") {
        let is_pred = i >= 2 && (g.c(i - 2) & cw::BE != 0 || g.is(i - 2, "is") || g.is(i - 2, "an"));
        let subj = g.is(i + 1, "is") || g.is(i + 1, "has") || g.is(i + 1, "holds") || g.is(i + 1, "says");
        if is_pred || subj {
            let content = content_after(g, i + 1);
            push(g, out, None, g.span(i - 1, i + 1), content, false);
            return true;
        }
    }
    // "Sanders's point was that", "their view is that": the possessor's view.
    if i > 0
        && (g.poss[i - 1] || (g.word(i - 1) && g.c(i - 1) & cw::POSS != 0))
        && g.word(i + 1)
        && g.c(i + 1) & cw::BE != 0
        && (g.is(i + 2, "that") || g.punct(i + 2) == Some(':'))
    {
        let content = content_after(g, i + 2);
        if g.poss[i - 1] {
            let mut a = i - 1;
            // Back over the possessor's modifiers to its determiner: "the county's chief's".
            while a > 0
                && (g.name_period(a - 1)
                    || (g.word(a - 1)
                        && !g.poss[a - 1]
                        && (g.proper[a - 1]
                            || g.c(a - 1) & cw::DET != 0
                            || (g.c(a - 1) == 0 && g.lx(a - 1) & (lx::N | lx::ADJ) != 0))))
            {
                a -= 1;
                if g.c(a) & cw::DET != 0 {
                    break;
                }
            }
            let np = g.np(a, i);
            return np.is_some() && push(g, out, np, g.span(i, i + 2), content, false);
        }
        out.push(Attribution {
            source: Some(g.span(i - 1, i)),
            head: Some(g.span(i - 1, i)),
            cue: g.span(i, i + 2),
            content,
            kind: SourceKind::Pronoun,
            reason_given: false,
            document: false,
            report: true,
        });
        return true;
    }
    // Whose view it is, fronted: "Among aides, there is chatter about ...", "Within her inner
    // circle, conversations about ... have gone on".
    if let Some(r) = fronted_holder(g, i, out) {
        return r;
    }
    // "In Brussels, the feeling is that", "The talk at the co-op is that": a feeling, or talk,
    // held by no one named, as the subject of "is that" (not "the problem is that", the writer's
    // own framing).
    if let Some(r) = unheld_view(g, i, out) {
        return r;
    }
    // The preposition that names whose view it is.
    let p = i + 1;
    if !(g.word(p)
        && matches!(s.w(p), "among" | "amongst" | "within" | "in" | "on" | "around" | "across" | "by" | "from"))
    {
        return felt_spread(g, i, out);
    }
    // "the feeling among donors", "there is wide agreement among economists": a determiner,
    // "there is" or nothing before the noun; not "a rise in ..." (no cognition).
    let Some((b, np)) = np_right(g, p + 1) else { return false };
    // ("advice from staff members that it would fail": the "that" clause is what they advised,
    // not a relative clause of the phrase.)
    let (b, np) = match (p + 1..b).find(|&k| g.is(k, "that")).and_then(|t| Some((t, g.np(p + 1, t)?))) {
        Some((t, short)) if np.rel && clause_follows(g, t + 1) => (t, short),
        _ => (b, np),
    };
    let by = matches!(s.w(p), "by" | "from");
    // "evidence from other cities" is a document's origin, not a view: after "by" and "from" the
    // people must be people or an organisation.
    let people = if by {
        g.lx(np.head) & (lx::PERSON | lx::ORG | lx::PEOPLE_NAME) != 0
            // (A name that is no place: "advice from Ana Ruiz that ...", not "evidence from Ohio".)
            || (g.proper[np.head] && g.lx(np.head) & lx::PLACE == 0 && g.is(b, "that"))
    } else {
        g.person_or_group(np.head) || g.lx(np.head) & (lx::GROUP_ANY | lx::PLACE) != 0 || g.proper[np.head]
    };
    if !people {
        return false;
    }
    // A predicate follows (is that / has it / was) or "there is" comes before.
    // ("that" opening a clause, not a determiner: "in order to serve that goal".)
    // An amount after "is" measures the noun, it holds no view: "the average cost of a plan in
    // Ohio is $5,800".
    let pred = g.word(b)
        && ((g.c(b) & cw::BE != 0 && !g.amount_start(b + 1))
            || g.is(b, "has")
            // ("the economies in government that were promised": "that" with a verb right after
            // it is the subject of a relative clause, not a view's content.)
            || (g.is(b, "that") && g.c(b + 1) & (cw::AUX | cw::BE | cw::HAVE) == 0 && clause_follows(g, b + 1)));
    let there = (i.saturating_sub(4)..i).any(|k| g.is(k, "there"));
    let claims_by = by && g.lx(i) & lx::COMMUNICATION != 0 && g.lx(i) & lx::NPL != 0;
    // "drew criticism from party leaders", "has won support from shop owners", "faced scorn from
    // some residents": a side taken (a noun of stance, of telling or of feeling) and the people
    // who took it, after "from".
    // A single message is an event, not a view: "a call from a friend", "a letter from 38
    // senators" (an indefinite article or a count before the noun and its adjectives); and a
    // possessed one is its possessor's: "took its name from the founders".
    let one_message = {
        let mut k = i;
        while k > 0 && i - k < 3 && g.word(k - 1) && g.c(k - 1) == 0 && g.lx(k - 1) & (lx::ADJ | lx::ADV) != 0 {
            k -= 1;
        }
        k > 0
            && (matches!(s.w(k - 1), "a" | "an" | "another" | "one")
                || g.is_num(k - 1)
                || g.poss[k - 1]
                || (g.word(k - 1) && g.c(k - 1) & cw::POSS != 0))
    };
    let stance_from = g.is(p, "from") && g.lx(i) & (lx::STANCE | lx::COMMUNICATION | lx::FEELING) != 0 && !one_message;
    let claims_by = claims_by || stance_from;
    // "was met with relief among allies", "sparked anger among residents": a feeling and the
    // people who have it, whatever the clause around them.
    let felt_among = matches!(s.w(p), "among" | "amongst") && g.lx(i) & lx::FEELING != 0 && g.lx(i) & lx::N != 0;
    if !(pred || there || claims_by || felt_among) {
        return false;
    }
    let content = content_after(g, b);
    push(g, out, Some(np), g.span(i, p + 1), content, false)
}

/// A feeling or a view as the subject of its clause and the people who have it after the verb:
/// "Anger is growing among commuters", "Frustration runs deep among party activists", "Unease remains
/// widespread among the skippers". The verb only says how far the feeling reaches; "among" names
/// whose it is, as in "anger among commuters".
fn felt_spread(g: &Grammar, i: usize, out: &mut Vec<Attribution>) -> bool {
    let l = g.lx(i);
    // (Or a view: "Skepticism remains widespread among"; not a noun of telling too, "Demand is
    // strong among buyers", a market's need; nor of an act, "Discrimination is acute among",
    // unless the act is a side taken, "Support is strong among". A noun for people is a holder,
    // no view: "Teachers unions were among".)
    let view = l & lx::FEELING != 0
        || (l & lx::COGNITION != 0 && l & lx::COMMUNICATION == 0 && (l & lx::ACT == 0 || l & lx::STANCE != 0));
    if !view || l & lx::N == 0 || l & (lx::PERSON_ANY | lx::GROUP_ANY) != 0 {
        return false;
    }
    // The noun heads its phrase: a verb, an auxiliary or a preposition comes next ("Support for
    // the levy is strong"), not another noun it would modify.
    // (A plural that is a verb form too is the head when the verb follows: "Frustration levels
    // are high".)
    let head_next = g.lx(i + 1) & lx::NPL != 0 && g.word(i + 2) && g.c(i + 2) & (cw::BE | cw::AUX) != 0;
    if head_next
        || !(g.word(i + 1)
            && (g.c(i + 1) & (cw::BE | cw::AUX | cw::PREP) != 0 || g.lx(i + 1) & (lx::V3SG | lx::VPAST) != 0))
    {
        return false;
    }
    // At the head of its clause, bare or after "the", with at most two adjectives before it
    // ("Deep frustration", "Anti-toll sentiment"); not "the pier's anger", "a new fear".
    let mut a = i;
    while a > 0 && i - a < 2 && g.word(a - 1) && g.c(a - 1) == 0 && !g.poss[a - 1] && g.lx(a - 1) & lx::ADJ != 0 {
        a -= 1;
    }
    if a > 0 && g.is(a - 1, "the") {
        a -= 1;
    }
    if !(a == g.s.first || (a > 0 && (g.punct(a - 1).is_some() || g.c(a - 1) & (cw::COORD | cw::SUBORD) != 0))) {
        return false;
    }
    // Then a verb and at most a few words of degree before "among", inside the clause.
    let limit = (i + 7).min(g.n());
    let Some(among) = (i + 1..limit)
        .take_while(|&k| g.word(k) && g.c(k) & (cw::SUBORD | cw::COORD | cw::REL) == 0)
        .find(|&k| matches!(g.s.w(k), "among" | "amongst"))
    else {
        return false;
    };
    let verb = (i + 1..among).any(|k| g.c(k) & (cw::BE | cw::AUX) != 0 || g.lx(k) & (lx::V3SG | lx::VPAST) != 0);
    if !verb {
        return false;
    }
    let Some((_, np)) = np_right(g, among + 1) else { return false };
    if !g.person_or_group(np.head) {
        return false;
    }
    push(g, out, Some(np), g.span(i, among + 1), None, false)
}

/// A nominal cue at `i` opening the main clause after a fronted "among" or "within" phrase of
/// people, itself or after "there is": `Some(pushed)` when the frame is there, `None` otherwise.
fn fronted_holder(g: &Grammar, i: usize, out: &mut Vec<Attribution>) -> Option<bool> {
    let first = g.s.first;
    if !(g.word(first) && matches!(g.s.w(first), "among" | "amongst" | "within")) {
        return None;
    }
    // (The comma may be left out before "there is": "Among the growers there is a sense that".)
    let comma = (first + 1..i)
        .find(|&k| g.punct(k) == Some(','))
        .or_else(|| (first + 2..i).find(|&k| g.is(k, "there") && g.c(k + 1) & cw::BE != 0))?;
    // The noun heads the clause after the comma: at most a determiner or "there is" between.
    let between = if g.punct(comma) == Some(',') { comma + 1..i } else { comma..i };
    let opens = between.clone().all(|k| {
        g.word(k) && (g.c(k) & (cw::DET | cw::BE) != 0 || g.is(k, "there") || g.lx(k) & lx::ADJ != 0 && g.c(k) == 0)
    });
    if !opens || between.len() > 3 {
        return None;
    }
    let np = g.np(first + 1, comma)?;
    // (People, not a place: "Within the city, talk about ..." names nobody.)
    let people = (g.person_or_group(np.head) || g.lx(np.head) & (lx::GROUP_ANY | lx::PEOPLE_NAME) != 0)
        && g.lx(np.head) & lx::PLACE == 0;
    if !people {
        return None;
    }
    let content = content_after(g, i + 1);
    Some(push(g, out, Some(np), g.span(i, i + 1), content, false))
}

/// A feeling or circulating talk at `i` as the definite subject of "is that", with no holder
/// but a place: "the feeling is that", "the talk at the co-op elevator is that". The view is
/// nobody's in particular: an impersonal source. `None` when the frame is not there.
fn unheld_view(g: &Grammar, i: usize, out: &mut Vec<Attribution>) -> Option<bool> {
    let s = g.s;
    let l = g.lx(i);
    let circulating = l & lx::COMMUNICATION != 0 && matches!(s.w(i), "talk" | "word" | "buzz" | "chatter" | "gossip");
    // (A view held: a feeling, or a noun that is also a verb of thinking or feeling that takes a
    // clause, "the thinking", "the hope"; not "the problem", "the fact", "the point".)
    let held = l & lx::FEELING != 0 || (l & (lx::THINK | lx::FEEL) != 0 && l & lx::CLAUSE != 0);
    // ("Word along the waterfront is that": talk needs no article, at the head of its clause.)
    let bare = circulating && (i == s.first || !g.word(i - 1) || g.c(i - 1) & (cw::COORD | cw::SUBORD) != 0);
    if !((bare || i > 0 && g.is(i - 1, "the") && (held || circulating)) && l & lx::NPL == 0) {
        return None;
    }
    // Right after the noun, or after a place it is heard in ("at the co-op", "in Brussels",
    // "along the docks").
    let mut b = i + 1;
    if g.word(b) && matches!(s.w(b), "at" | "in" | "around" | "on" | "along" | "across" | "inside" | "within") {
        let (end, np) = np_right(g, b + 1)?;
        if g.person_or_group(np.head) {
            return None; // "the feeling among donors": the general frame takes it
        }
        b = end;
    }
    if !(g.word(b) && matches!(s.w(b), "is" | "was") && g.is(b + 1, "that") && clause_follows(g, b + 2)) {
        return None;
    }
    let content = content_after(g, b + 1);
    let from = if bare { i } else { i - 1 };
    Some(push(g, out, None, g.span(from, b + 2), content, false))
}
