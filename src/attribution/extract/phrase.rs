//! The parts every cue shares: a subject on the left, the content after a cue, an adverb between
//! subject and verb, and adding an attribution with its source's kind.
use super::lx;
use super::np::{Grammar, Np};
use super::words as cw;
use super::{Attribution, SourceKind};
use crate::text::Span;

/// How far back a subject may start (tokens).
pub(super) const SUBJECT_REACH: usize = 40;

/// Adds an attribution from a source phrase (if any) and a cue.
pub(super) fn push(
    g: &Grammar,
    out: &mut Vec<Attribution>,
    np: Option<Np>,
    cue: Span,
    content: Option<Span>,
    says: bool,
) -> bool {
    let Some(np) = np else {
        out.push(Attribution {
            source: None,
            head: None,
            cue,
            content,
            kind: SourceKind::Impersonal,
            reason_given: false,
            document: false,
            report: true,
        });
        return true;
    };
    // A figure alone is no source: "since 2020 had asked" (a year ending a phrase before the verb).
    if np.a == np.head && np.b == np.head + 1 && g.is_num(np.head) {
        return false;
    }
    let Some((mut kind, mut document)) = g.kind(&np, says) else { return false };
    if document && kind == SourceKind::Vague && surname_opening(g, &np, cue) {
        (kind, document) = (SourceKind::Named, false);
    }
    let head_end = g.span(np.head, np.head + 1).end;
    out.push(Attribution {
        source: Some(g.span(np.a, np.b)),
        head: Some(Span::new(g.span(np.a, np.a + 1).start, head_end)),
        cue,
        content,
        kind,
        reason_given: false,
        document,
        report: true,
    });
    true
}

/// A capitalised singular noun alone, opening the sentence, before a verb of saying that is no
/// verb of evidence: "Song said", "Beck argued" (surnames that are also words for a message).
/// A mass noun opens a sentence with no determiner before a verb of evidence ("Research shows",
/// "Evidence suggests"); a count noun cannot open one at all, so the word is a name.
fn surname_opening(g: &Grammar, np: &Np, cue: Span) -> bool {
    let a = np.a;
    let v = g.s.token_at(cue.end).saturating_sub(1);
    a == g.s.first
        && np.b == a + 1
        && np.head == a
        && g.s.toks[a].cap
        && g.lx(a) & lx::NPL == 0
        && g.word(v)
        && g.lx(v) & lx::SAY != 0
        && g.lx(v) & (lx::VPAST | lx::V3SG) != 0
        && g.s.toks[v].flags & crate::attribution::lists::flags::EVIDENCE == 0
}

/// The content after a cue verb: "that ..." or the clause, up to the end of the sentence.
pub(super) fn content_after(g: &Grammar, k: usize) -> Option<Span> {
    let n = g.n();
    let mut k = k;
    while k < n && (g.punct(k).is_some_and(|c| matches!(c, ',' | ':')) || g.is(k, "that")) {
        k += 1;
    }
    let mut e = n;
    while e > k && g.punct(e - 1).is_some_and(|c| matches!(c, '.' | '?' | '!' | ',')) {
        e -= 1;
    }
    (e > k).then(|| g.span(k, e))
}

/// A subject ending right before token `e`: the longest noun phrase, from a clause boundary.
pub(super) fn subject_left(g: &Grammar, e: usize) -> Option<Np> {
    let found = subject_left_near(g, e);
    // A subject set off from its verb by asides between commas or dashes: "Tolley, himself up
    // for reelection, said", "A former clerk, reached by phone Tuesday, said", "Jeff Salk, a
    // Dayton, Ohio, rabbi helping to organise the boycott, said". The phrase nearest the verb may
    // be part of an aside ("Ohio, rabbi ...", "a swing state"); the clause's first phrase, up
    // to the first separator, is the subject when the nearest finds none or one inside the
    // asides, or a weaker one than a name or pronoun opening the clause.
    // (A comma inside a closing quotation mark ends an aside too: `a “giveaway,” said`.)
    let quote_comma = e > 2 && matches!(g.punct(e - 1), Some('"' | '”')) && g.punct(e - 2) == Some(',');
    if e > 1
        && (matches!(g.punct(e - 1), Some(',' | '—' | '–' | '-')) || quote_comma)
        && let Some(first) = interrupted_subject(g, e)
    {
        let strong = |np: &Np| matches!(g.kind(np, true), Some((SourceKind::Named | SourceKind::Pronoun, _)));
        // (A phrase from the same start that runs on into an aside opening with a participle or
        // a preposition took the aside in: "Sen. Mo Penn, R-Ohio, speaking on the radio".)
        let runs_into_aside = |np: &Np| {
            (first.b..np.b).any(|k| {
                matches!(g.punct(k), Some(',' | '—' | '–' | '-'))
                    && g.word(k + 1)
                    && !matches!(g.s.w(k + 1), "including" | "like" | "such" | "especially" | "notably" | "among")
                    && (g.c(k + 1) & cw::PREP != 0
                        || g.lx(k + 1) & lx::VING != 0
                            && (g.lx(k + 1) & lx::N == 0 || g.c(k + 2) & (cw::PREP | cw::DET | cw::POSS) != 0))
            })
        };
        match found {
            Some(np) if np.a == first.a && np.b > first.b && runs_into_aside(&np) => return Some(first),
            None => return Some(first),
            // (A name nearest the verb stays when the clause opens with no name or pronoun: a
            // quotation's words may come first.)
            Some(np) if np.a >= first.b && (strong(&first) || !strong(&np)) => return Some(first),
            Some(np) if np.a > first.a && strong(&first) && !strong(&np) => return Some(first),
            _ => {}
        }
    }
    found
}

/// Whether the verb group starting at `b` is followed by a clause without its subject: an
/// auxiliary or a finite verb right after the verb ("said could", "says is").
fn gap_clause_after(g: &Grammar, b: usize) -> bool {
    let v = (b..g.n().min(b + 5)).find(|&k| !(g.word(k) && (g.c(k) & (cw::AUX | cw::NEG) != 0 || adverb(g, k))));
    v.is_some_and(|v| {
        g.word(v + 1)
            && (g.c(v + 1) & cw::AUX != 0
                || (g.c(v + 1) == 0 && g.lx(v + 1) & (lx::V3SG | lx::VPAST) != 0 && g.lx(v + 1) & lx::N == 0))
    })
}

/// Whether the word at `t` may open the subject of a relative clause without its pronoun: it
/// follows a common noun that heads a phrase of its own ("a risk the mayor said could", "a risk
/// Okafor said would"); not a verb's object ("to charge Okafor", "could play a role"), a title
/// in capitals ("Senator Okafor") or a relative word.
pub(super) fn after_object_noun(g: &Grammar, t: usize) -> bool {
    g.word(t)
        && g.c(t) & cw::REL == 0
        && !g.is(t, "that")
        && t >= 2
        && g.word(t - 1)
        && g.c(t - 1) == 0
        && !g.s.toks[t - 1].cap
        && !g.poss[t - 1]
        && g.lx(t - 1) & lx::N != 0
        && g.lx(t - 1) & (lx::V3SG | lx::VPAST | lx::VPART | lx::VING | lx::ADJ) == 0
        // (A determiner or a modifier before the noun, not a verb's "to" or auxiliary.)
        && g.word(t - 2)
        && (g.c(t - 2) & (cw::DET | cw::POSS | cw::QUANT | cw::NUMBER) != 0
            || g.poss[t - 2]
            || (g.c(t - 2) == 0 && g.lx(t - 2) & (lx::ADJ | lx::N) != 0 && g.lx(t - 2) & lx::V == 0))
}

/// The clause's first noun phrase before the verb at `e`, when it ends at a comma or a dash and
/// every stretch after it up to the verb is set off by the same marks (the asides).
fn interrupted_subject(g: &Grammar, e: usize) -> Option<Np> {
    let lo = e.saturating_sub(SUBJECT_REACH * 2);
    let mut start = e - 1;
    while start > lo {
        let t = start - 1;
        let abbreviation = g.name_period(t) || (g.punct(t) == Some('.') && g.punct(t + 1) == Some(','));
        let hard = g.s.toks[t].quoted && g.s.toks[t].kind != crate::attribution::tokens::K::Word
            || matches!(g.punct(t), Some(';' | ':' | '(' | ')' | '"' | '.' | '?' | '!') if !abbreviation);
        // ", and Mayor Ruiz, who ..., said": a new clause after a comma and a conjunction.
        let joined = g.word(t) && g.c(t) & cw::COORD != 0 && t > 0 && g.punct(t - 1) == Some(',');
        if hard || joined {
            break;
        }
        start -= 1;
    }
    // An opening adverbial ("In a statement,", "Later,", "If the rules change,", "Third,") is no
    // subject.
    let mut a = start;
    while a < e
        && g.word(a)
        && (g.c(a) & (cw::PREP | cw::SUBORD | cw::ADV) != 0
            || g.lx(a) & (lx::ADV | lx::N) == lx::ADV
            || (g.punct(a + 1) == Some(',') && g.lx(a) & lx::ADV != 0 && !g.proper[a]))
    {
        a = (a..e).find(|&k| g.punct(k) == Some(','))? + 1;
    }
    // The asides are set off by the mark before the verb: commas, or dashes.
    let dash = |k: usize| matches!(g.punct(k), Some('—' | '–' | '-'));
    let by_dash = dash(e - 1);
    let sep = (a..e - 1).find(|&k| if by_dash { dash(k) } else { g.punct(k) == Some(',') || dash(k) })?;
    let np = g.np(a, sep)?;
    (np.b == sep && g.kind(&np, true).is_some()).then_some(np)
}

fn subject_left_near(g: &Grammar, e: usize) -> Option<Np> {
    let s = g.s;
    let mut b = e;
    while b > 0 && g.punct(b - 1) == Some(',') {
        b -= 1;
        // A name's age, hometown or state between commas: "Brianne Stone, 29, of Huntsville,
        // Ala., says", "Ana Ruiz, D-N.M., said".
        if b < e
            && let Some(open) = (b.saturating_sub(6)..b).rev().find(|&k| g.punct(k) == Some(','))
            && open > 0
            && open + 1 < b
            && (g.proper[open - 1] || g.name_period(open - 1) || g.punct(open - 1) == Some('.') || g.is_num(open - 1))
            && {
                let seg = open + 1..b;
                let age = seg.len() == 1 && g.is_num(open + 1);
                let from = matches!(g.s.w(open + 1), "of" | "from") && g.proper.get(open + 2).copied().unwrap_or(false);
                let place = seg.clone().all(|k| g.proper[k] || g.s.toks[k].cap || g.punct(k) == Some('.'));
                age || ((from || place)
                    && seg.clone().skip(usize::from(from)).all(|k| g.s.toks[k].cap || g.punct(k) == Some('.')))
            }
        {
            b = open + 1;
            continue;
        }
        // A relative clause between commas with commas of its own belongs to the subject before
        // it, which speaks: "Marco Rubio, whose hometown, Miami, is projected to ..., argues".
        // (Without inner commas the phrase keeps its clause: "A porter, who asked not to be
        // named, said".)
        if b < e
            && let Some(open) = (b.saturating_sub(30)..b)
                .rev()
                .take_while(|&k| g.word(k) || g.punct(k) == Some(',') || g.name_period(k))
                .find(|&k| {
                    g.punct(k) == Some(',')
                        && g.word(k + 1)
                        && matches!(g.s.w(k + 1), "who" | "whose" | "which" | "who's" | "who’s")
                })
            && open > 0
            && g.word(open - 1)
            && ((open + 1..b).any(|k| g.punct(k) == Some(',')) || matches!(g.s.w(open + 1), "who's" | "who’s"))
        {
            b = open;
            continue;
        }
        // A parenthetical between commas is not part of the subject: "Snyder, for his part,
        // denied", "the mayor, however, said".
        // ("Powell's office, when contacted by Reuters, said", "Obama, dedicating the museum on
        // Saturday, said": a subordinate or participle clause too.)
        if b < e
            && let Some(open) = (b.saturating_sub(16)..b).rev().find(|&k| g.punct(k) == Some(','))
            && open + 1 < b
            && g.word(open + 1)
            // ("Critics, including the Taxpayers Alliance, say": the phrase names who they are.)
            && !matches!(g.s.w(open + 1), "including" | "like" | "such" | "especially" | "notably" | "among")
            && (g.c(open + 1) & (cw::PREP | cw::ADV) != 0
                || (b == open + 2 && g.lx(open + 1) & lx::ADV != 0 && g.lx(open + 1) & lx::N == 0)
                || (g.c(open + 1) & cw::SUBORD != 0 && !g.is(open + 1, "that"))
                || (g.c(open + 1) == 0
                    && g.lx(open + 1) & lx::VING != 0
                    && (g.lx(open + 1) & lx::N == 0 || g.word(open + 2) && g.c(open + 2) & (cw::DET | cw::POSS) != 0)))
        {
            b = open + 1;
        }
    }
    // A parenthetical between dashes: "Murphy — after a pause — told me".
    if b >= 2
        && matches!(g.punct(b - 1), Some('—' | '–' | '―' | '-'))
        && let Some(open) =
            (b.saturating_sub(16)..b - 1).rev().find(|&k| matches!(g.punct(k), Some('—' | '–' | '―' | '-')))
        && open > 0
        && g.word(open - 1)
    {
        b = open;
    }
    // "..., who spoke": the verb of a relative clause; the main clause's verb has the subject.
    if b == 0 || (g.word(b - 1) && g.c(b - 1) & cw::REL != 0) {
        return None;
    }
    // The candidate starts: after each boundary, back to a hard one.
    let lo = b.saturating_sub(SUBJECT_REACH);
    let mut starts: Vec<usize> = Vec::new();
    let mut k = b;
    while k > lo {
        let t = k - 1;
        // A parenthesis or a quoted name inside the subject: "Rep. Ana Ruiz (D-N.M.) said",
        // "Kasich (who has 25 delegates) said", `a news site called “The Local” cited`.
        if let Some(open) = g.aside_open(t, lo, 20) {
            k = open;
            continue;
        }
        let hard = s.toks[t].quoted && s.toks[t].kind != crate::attribution::tokens::K::Word
            || matches!(g.punct(t), Some(';' | ':' | '(' | ')' | '—' | '–' | '―' | '-' | '"' | '.' | '?' | '!') if !g.name_period(t));
        if hard {
            break;
        }
        // A comparison's clause: "more credit than aides say he deserves" (its own subject, not an
        // amount: "more than 20 years, ..."). What is compared is no part of that subject: "about
        // 10,000 more than most insiders expected".
        let comparison = g.is(t, "than") && !g.numberish(k) && (k..b).all(|j| g.word(j));
        if comparison {
            starts.push(k);
            break;
        }
        if matches!(g.punct(t), Some(',' | '\'' | '"'))
            || (g.word(t) && matches!(g.s.w(t), "after" | "before" | "since" | "until" | "despite"))
            || (g.word(t) && g.c(t) & (cw::SUBORD | cw::COORD | cw::ADV) != 0 && !g.is(t, "that"))
            || (g.is(t, "that") && t > 0 && g.lx(t - 1) & lx::V != 0)
            // "an event that Carson says ...", "which officials said": a relative clause's subject.
            || (g.word(t) && matches!(g.s.w(t), "that" | "which" | "whom" | "whose") && k < b)
            // ("who officials say are": the relative clause's own subject, not a verb, "who
            // plays Trump".)
            || (g.is(t, "who")
                && k < b
                && (g.c(k) & (cw::DET | cw::POSS | cw::QUANT | cw::PRON) != 0
                    || g.proper[k]
                    || (g.c(k) == 0 && g.lx(k) & (lx::ADJ | lx::NPL) != 0 && g.lx(k) & (lx::V3SG | lx::VPAST) == 0)))
        {
            starts.push(k);
        }
        // A subject pronoun right before the verb is the subject by itself: "so fired up about a
        // deal's potential he said".
        // (After a noun only: a zero "that" or a relative clause without its pronoun.)
        if g.word(t)
            && g.c(t) & cw::PRON != 0
            && t + 1 == b
            && t > 0
            && g.word(t - 1)
            && g.c(t - 1) == 0
            && g.lx(t - 1) & lx::N != 0
            && g.lx(t - 1) & (lx::V3SG | lx::VPAST | lx::VPART | lx::VING) == 0
            // (Not people before it: "growers I have talked to" is a contact clause.)
            && !g.person_or_group(t - 1)
        {
            starts.push(t);
        }
        // The same with a determiner or a name opening the subject: "a trend the mayor said
        // could", "a risk Okafor said would". (After a common noun, not a verb or a title:
        // "told the press", "Senator Okafor".)
        // (Right before its verb, with no comma: not "against front-runner Donald Trump,
        // Clinton said". And telling a clause whose subject is the noun before, so an auxiliary
        // or a finite verb follows: not "the support North Korea has provided to Russia".)
        if t < b
            && (g.c(t) & (cw::DET | cw::POSS) != 0 || (g.proper[t] && g.s.toks[t].cap))
            && after_object_noun(g, t)
            && (t..b).all(|j| g.word(j))
            && gap_clause_after(g, b)
        {
            starts.push(t);
        }
        // A relative clause without its pronoun, whose object is the noun before it: "the
        // coronation many pundits forecast", "the figures most analysts cite".
        if g.word(t)
            && t > 0
            && t < b
            && g.c(t) & cw::QUANT != 0
            // (Content words only up to the verb: "many pundits", not "no doubt that he".)
            && (t + 1..b).all(|j| g.word(j) && g.c(j) == 0)
            && g.word(t - 1)
            && g.c(t - 1) == 0
            && g.lx(t - 1) & lx::N != 0
            && !g.poss[t - 1]
        {
            starts.push(t);
        }
        k -= 1;
    }
    starts.push(k);
    // Longest first.
    starts.sort_unstable();
    starts.dedup();
    // A relative clause's own subject comes first: "the allegations, which Mr. Ailes denies".
    // (Its subject starts like one: not "which keeps data", a verb.)
    if let Some(&a) = starts
        .iter()
        .rev()
        .find(|&&a| a > 0 && a < b && g.word(a - 1) && matches!(g.s.w(a - 1), "which" | "whom" | "who"))
        && (g.proper[a]
            || g.c(a) & (cw::DET | cw::POSS | cw::PRON | cw::QUANT) != 0
            || g.lx(a) & lx::NPL != 0
            || (g.c(a) == 0 && g.lx(a) & lx::ADJ != 0 && g.lx(a) & lx::V == 0))
        && let Some(np) = g.np(a, b)
        && g.kind(&np, true).is_some()
    {
        return Some(np);
    }
    // The longest phrase that is a source: "view, the authors" is not one, "the authors" is.
    let mut fallback = None;
    for &a in &starts {
        if a >= b {
            continue;
        }
        // An adverbial clause before the comma is not part of the subject: "After meeting
        // Ruiz, a senior aide said".
        // ", becoming president of ...,": after a comma, an -ing form that is no noun opens a
        // participle clause, not a subject.
        if a > 0 && g.punct(a - 1) == Some(',') && g.lx(a) & lx::VING != 0 && g.lx(a) & lx::N == 0 {
            continue;
        }
        // "..., as ice caps shrink and the sea level rises, argues": a subordinate clause set off
        // before the verb is no subject; the subject is further back.
        if b < e && g.punct(b) == Some(',') && {
            let seg = (lo..a).rev().find(|&k| g.punct(k).is_some()).map_or(lo, |k| k + 1);
            (seg..a).any(|k| g.word(k) && g.c(k) & cw::SUBORD != 0 && !g.is(k, "that"))
        } {
            continue;
        }
        // "Third, the harbor master said", "Finally, officials said": an adverb alone before a
        // comma at the start orders the argument; it is no part of the subject.
        // (Not a name the adverb spells, with its clause: "Small, who attended the rally, said".)
        if a == g.s.first
            && g.punct(a + 1) == Some(',')
            && g.lx(a) & lx::ADV != 0
            && !g.proper[a]
            && g.word(a + 2)
            && g.c(a + 2) & cw::REL == 0
            && let Some(np) = g.np(a + 2, b)
            && g.kind(&np, true).is_some()
        {
            return Some(appositive_of_name(g, np).unwrap_or(np));
        }
        // "Contrary to the claims, authorities say", "Similar to last year, voters said": an
        // adjective with its preposition opening the sentence is an adverbial, not a subject.
        if a == g.s.first
            && !g.proper[a]
            && g.lx(a) & (lx::ADJ | lx::ADV) != 0
            && g.word(a + 1)
            && g.c(a + 1) & cw::PREP != 0
            && (a..b).any(|k| g.punct(k) == Some(','))
        {
            continue;
        }
        // (A list of names is one subject: "What Rubio, Cruz and Kasich want".)
        if a > 0
            && g.word(a - 1)
            && (g.c(a - 1) & cw::SUBORD != 0 || matches!(g.s.w(a - 1), "after" | "before" | "despite"))
            && (a..b).any(|k| g.punct(k) == Some(','))
            && g.np(a, b).is_some_and(|np| !np.coord)
        {
            continue;
        }
        // A preposition's object with an appositive after its comma is no subject: in "a
        // session for babies and toddlers, the council said", the council speaks.
        // (Only when the phrase after the comma is someone who speaks: not "With such
        // declarations, the narratives shaping Europe and Asia".)
        if object_of_preposition(g, a)
            && let Some(comma) = (a..b).find(|&k| g.punct(k) == Some(','))
            && g.np(comma + 1, b).is_some_and(|np| g.kind(&np, true).is_some_and(|(_, document)| !document))
        {
            continue;
        }
        if let Some(np) = g.np(a, b) {
            if g.kind(&np, true).is_some() {
                return Some(appositive_of_name(g, np).unwrap_or(np));
            }
            fallback.get_or_insert(np);
        }
    }
    fallback
}

/// Whether the phrase starting at `a` is a preposition's object, perhaps the second of two
/// coordinated ones: "to Tea Party and evangelical groups".
pub(super) fn object_of_preposition(g: &Grammar, a: usize) -> bool {
    let mut k = a;
    if k > 0 && g.word(k - 1) && matches!(g.s.w(k - 1), "and" | "or") {
        k -= 1;
        let lo = k.saturating_sub(6);
        while k > lo && g.word(k - 1) && g.c(k - 1) & (cw::DET | cw::POSS) == g.c(k - 1) && g.c(k - 1) & cw::PREP == 0 {
            k -= 1;
        }
    }
    k > 0 && g.word(k - 1) && g.c(k - 1) & cw::PREP != 0
}

/// A role in apposition to a name that opens its clause: "Jo Marr, editor of the Ledger, wrote",
/// "Sen. Ana Ruiz (D-NM), a backer of the bill, said". The subject is the name with its
/// appositive (a nested comma kept the whole from parsing as one phrase). Not a name that ends
/// a clause before it: "After meeting Trump, a senior aide said".
fn appositive_of_name(g: &Grammar, np: Np) -> Option<Np> {
    let a = np.a;
    if a < 2 || g.punct(a - 1) != Some(',') || !g.person_or_group(np.head) || g.kind(&np, true)?.0 == SourceKind::Named
    {
        return None;
    }
    // The name: capitalised words, initials and a parenthesis ("(D-NY)") before the comma.
    let mut k = a - 1;
    // An age between the name and its role: "Furness, 61, a retired contractor".
    if k >= 3 && g.is_num(k - 1) && g.s.w(k - 1).len() <= 3 && g.punct(k - 2) == Some(',') {
        k -= 2;
    }
    if g.punct(k - 1) == Some(')') {
        k = (k.saturating_sub(8)..k - 1).rev().find(|&j| g.punct(j) == Some('('))?;
    }
    let end = k;
    while k > 0 && (g.word(k - 1) && g.s.toks[k - 1].cap && g.c(k - 1) == 0 || g.name_period(k - 1)) {
        k -= 1;
    }
    if k == end || !g.proper[end - 1] {
        return None;
    }
    let opens = k == 0
        || k == g.s.first
        || g.punct(k - 1).is_some_and(|c| matches!(c, ',' | ';' | ':' | '—' | '(' | '"'))
        || g.word(k - 1) && g.c(k - 1) & (cw::COORD | cw::SUBORD) != 0;
    opens.then_some(Np { a: k, b: np.b, head: end - 1, core_a: k, appositive_name: true, ..Np::default() })
}

/// An adverb: a closed-class one ("also", "still"), an "-ly" adverb, or a word the lexicon knows
/// only as an adverb or adjective-adverb ("however", "later").
pub(super) fn adverb(g: &Grammar, k: usize) -> bool {
    let l = g.lx(k);
    g.c(k) & (cw::ADV | cw::NEG) != 0
        || (g.c(k) == 0
            && l & lx::ADV != 0
            && (l & (lx::N | lx::V) == 0 || g.s.w(k).ends_with("ly"))
            && !g.s.toks[k].cap)
}

/// A noun phrase starting at `a`: the longest that the grammar accepts before the clause ends,
/// a comma or a quotation.
pub(super) fn np_right(g: &Grammar, a: usize) -> Option<(usize, Np)> {
    // A source phrase is short: the search is bounded so a sentence without an end stays linear.
    let n = g.n().min(a + SUBJECT_REACH);
    let mut lim = a;
    loop {
        let goes_on = lim < n && g.word(lim)
            || (lim < n
                && g.s.toks[lim].kind != crate::attribution::tokens::K::Word
                && !g.s.toks[lim].quoted
                && g.punct(lim).is_none_or(|c| {
                    c == '.' && lim + 1 < n && lim > a && g.s.toks[lim + 1].cap && g.s.toks[lim - 1].span.len() <= 4
                }));
        if goes_on {
            lim += 1;
        } else if lim > a
            && lim < n
            && g.punct(lim) == Some('(')
            && let Some(close) = (lim + 1..n.min(lim + 8)).find(|&j| g.punct(j) == Some(')'))
        {
            // A parenthesis after a name belongs to it: "said Sen. Amy Klobuchar (D-Minn.)".
            lim = close + 1;
        } else {
            break;
        }
    }
    // An appositive after a comma: "said Marta Kell, the union's secretary".
    if g.punct(lim) == Some(',') && lim > a {
        let mut k = lim + 1;
        while k < n && g.word(k) {
            k += 1;
        }
        if k > lim + 1
            && (k >= n || matches!(g.punct(k), Some(',' | '.' | ';' | '?' | '!')))
            // (The appositive is a phrase itself, not a clause: "multiple sources, North Korea
            // has sent ...".)
            && g.np(lim + 1, k).is_some()
            // (Nor a participle clause: ", speaking for the first time".)
            && !(g.lx(lim + 1) & lx::VING != 0 && g.c(lim + 1) == 0 && !g.s.toks[lim + 1].cap)
            && let Some(np) = g.np_with(a, k, true)
        {
            return Some((k, np));
        }
    }
    // The longest phrase that is a source ("two senators present": "present" is no head).
    let mut b = lim;
    let mut fallback = None;
    while b > a {
        if let Some(np) = g.np_with(a, b, true) {
            // (Not a lone quantifier cut from a longer phrase: "several" of "several outlets".)
            if g.kind(&np, true).is_some() && (fallback.is_none() || np.b > np.a + 1) {
                return Some((b, np));
            }
            fallback.get_or_insert((b, np));
        }
        b -= 1;
    }
    fallback
}

/// The content of an attribution whose cue and source sit at `a..b`: the rest of the sentence
/// before or after them, without the joining punctuation.
pub(super) fn content_around(g: &Grammar, a: usize, b: usize) -> Option<Span> {
    let n = g.n();
    if let Some(f) = first_word_before(g, a) {
        let mut e = a;
        while e > f && g.punct(e - 1).is_some_and(|c| matches!(c, ',' | '—' | ':')) {
            e -= 1;
        }
        if e > f {
            return Some(g.span(f, e));
        }
    }
    let mut k = b;
    while k < n && (g.punct(k).is_some_and(|c| matches!(c, ',' | ':')) || g.is(k, "that")) {
        k += 1;
    }
    let mut e = n;
    while e > k && g.punct(e - 1).is_some_and(|c| matches!(c, '.' | '?' | '!')) {
        e -= 1;
    }
    (e > k).then(|| g.span(k, e))
}

/// The sentence's first word or quoted token before `a`: where content before a tag starts.
pub(super) fn first_word_before(g: &Grammar, a: usize) -> Option<usize> {
    (0..a).find(|&k| g.s.toks[k].kind == crate::attribution::tokens::K::Word || g.s.toks[k].quoted)
}

/// The content around a tag between commas: from the sentence's first word before the source
/// at `a` to its end after the tag ending at `b`, the tag included (a span has no gap); with words
/// on one side only, [`content_around`].
pub(super) fn content_both(g: &Grammar, a: usize, b: usize) -> Option<Span> {
    let n = g.n();
    let first = first_word_before(g, a);
    let mut e = n;
    while e > b && g.punct(e - 1).is_some_and(|c| matches!(c, '.' | '?' | '!')) {
        e -= 1;
    }
    match first {
        Some(f) if (b..e).any(|k| g.word(k)) => Some(g.span(f, e)),
        _ => content_around(g, a, b),
    }
}
