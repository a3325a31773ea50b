//! The `claim/*` rules: checkable assertions with no source. The analysis (what is checkable,
//! what is attributed) lives in [`crate::attribution`]; this file decides and builds the fixes.
use super::{Category, Context, Family, Fixability, RuleMeta};
use crate::attribution::How;
use crate::attribution::claim::{asserting_question, sourced_by, writer_is_source};
use crate::attribution::ledger::Cited;
use crate::document::BlockKind;
use crate::document::{Applicability, DocKind, Document, Edit, Finding, Fix, Severity};
use crate::text::Span;

pub struct ClaimFamily;

static RULES: &[RuleMeta] = &[RuleMeta {
    id: "claim/unsourced",
    summary: "A checkable claim (statistic, change, superlative, cause) with no source",
    default_severity: Severity::Warning,
    category: Category::Claim,
    fix: Fixability::Unsafe,
    docs: r#"## What it flags
A sentence that asserts something a reader could check or dispute, with no source: statistics,
amounts, counts and percentages ("Nearly 40 percent of riders..."), changes ("have more than
doubled", "climbed 38%"), rankings, superlatives and records ("the largest in the county's
history", "the first woman to..."), and causes stated as fact ("because", "led to", "caused",
"is directly responsible for").

Not flagged: attributed sentences (a named source with a reporting verb, "according to", a link
or footnote, a known source, carry-over from an attributed sentence), anything inside an
attributed quotation, questions, headings, table cells, routine event reporting with dates,
times, addresses, ages and identifiers ("Route 49", "No. 7"), speculation ("could lead to"), and
sentences already flagged for a vague or anonymous source (those are `attribution/*` findings).

## Why it matters
Numbers, records and causes are what readers remember and repeat. An unsourced one is either the
writer's own unverified assertion or a source the writer forgot to name; either way an editor
has to ask "says who?" before it runs.

## Example
```text
The county's jail population has tripled since the new bail rules took effect.
```

## Use instead
```text
The county's jail population has tripled since the new bail rules took effect, according to sheriff's office booking data.
```

## Fix safety
Both fixes are unsafe. One appends ", according to [SOURCE]" before the sentence's final
punctuation; the other (Markdown only) inserts a footnote reference `[^src-N]` there and appends a
stub definition `[^src-N]: [SOURCE]` at the end of the document. The placeholder must be replaced
by a real source.
"#,
}];

/// `claim/unsourced`.
pub static UNSOURCED: &RuleMeta = &RULES[0];

impl Family for ClaimFamily {
    fn name(&self) -> &'static str {
        "claim"
    }
    fn rules(&self) -> &'static [RuleMeta] {
        RULES
    }
    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Finding>) {
        let text = doc.text;
        let mut next_label = 1usize;
        // Footnote labels already in the text, found once (probing the whole text for every
        // finding was quadratic).
        let used = used_source_labels(text);
        let cited = &ctx.attribution.cited;
        for (i, sa) in ctx.attribution.sentences.iter().enumerate().take(doc.sentences.len()) {
            let s = &doc.sentences[i];
            let Some(cue) = sa.checkable else { continue };
            let block = doc.blocks.get(s.block);
            // A source the sentence names must speak the claim; "I think", "we know", "as you
            // said": the writer (or the reader) is no source, and carries no one's words over.
            // The sentence's own extracted attributions.
            let own_atts =
                &cited[cited.partition_point(|c| c.sentence < i)..cited.partition_point(|c| c.sentence <= i)];
            let atts = own_atts.iter().map(|c| &c.attribution);
            let attributed = match sa.how {
                Some(How::NamedSource | How::CarryOver) => {
                    let own = sourced_by(text, atts, cue.cue);
                    let by_writer =
                        sa.how == Some(How::NamedSource) && sa.source.is_some_and(|src| writer_is_source(text, src));
                    let none_extracted = own_atts.is_empty() && sa.how == Some(How::NamedSource);
                    own.unwrap_or(sa.attributed && !by_writer && !none_extracted)
                }
                // A source only the extractor finds ("The Gazette puts the number at 4,000")
                // sources the claim it tells.
                _ => sa.attributed || sourced_by(text, atts, cue.cue) == Some(true),
            };
            if attributed
                || sa.cited
                || problem_covers(text, sa, own_atts, cue.cue)
                || (sa.question && !asserting_question(text, s.span))
                || sa.quoted
                || block.is_some_and(|b| matches!(b.kind, BlockKind::Heading | BlockKind::TableCell))
            {
                continue;
            }
            let kind = cue.kind.as_str();
            let msg = format!(
                "Unsourced {kind}: '{}' is a checkable claim, and the sentence names no source",
                cue.cue.slice(text)
            );
            let mut f = UNSOURCED.finding(s.span, msg).with_fix(according_fix(text, s.span));
            if doc.kind == DocKind::Markdown {
                while used.contains(&next_label) {
                    next_label += 1;
                }
                f = f.with_fix(footnote_fix(text, s.span, next_label));
                next_label += 1;
            }
            out.push(f);
        }
    }
}

/// Whether a vague or anonymous source of the sentence tells the claim at `cue`: a sentence with
/// a vague source is an `attribution/*` finding, not a second one. A source whose extracted
/// attribution tells something else ("despite reservations from teachers' unions", after the
/// writer's own "I doubled the number of charter schools") leaves the claim to be flagged, and so
/// does an agent that tells nothing in the sentence ("misgivings from some residents"); a vague
/// phrase the extractor does not cover, or a subject with no content in the sentence, keeps it
/// quiet as before.
fn problem_covers(text: &str, sa: &crate::attribution::SentenceAttribution, atts: &[Cited], cue: Span) -> bool {
    let spans = sa.vague.iter().map(|v| v.span).chain(sa.anonymous.iter().filter(|a| !a.reason_given).map(|a| a.span));
    spans.into_iter().any(|problem| {
        let told = atts.iter().map(|c| &c.attribution).find(|a| {
            a.source.is_some_and(|s| s.start < problem.end && problem.start < s.end)
                || (a.cue.start < problem.end && problem.start < a.cue.end)
        });
        match told {
            Some(a) => match a.content {
                Some(content) => {
                    content.start <= cue.start && cue.end <= content.end
                        || a.source.is_some_and(|s| s.start <= cue.start && cue.end <= s.end)
                }
                // A nominal cue's agent with nothing told ("misgivings from some residents")
                // tells nothing in this sentence; a passive's agent ("as reported by multiple
                // sources") reports the clause around it.
                None => {
                    let nominal = [" from", " among", " of"].iter().any(|p| a.cue.slice(text).ends_with(p));
                    !nominal || a.source.is_none_or(|s| s.start < a.cue.end)
                }
            },
            None => true,
        }
    })
}

/// Every `N` in a `[^src-N]` of `text` (N written as `format!("{n}")` writes it: no leading zero).
fn used_source_labels(text: &str) -> std::collections::HashSet<usize> {
    text.match_indices("[^src-")
        .filter_map(|(i, m)| {
            let rest = &text[i + m.len()..];
            let digits = &rest[..rest.bytes().take_while(u8::is_ascii_digit).count()];
            let closed = rest[digits.len()..].starts_with(']');
            (closed && !digits.is_empty() && !digits.starts_with('0')).then(|| digits.parse().ok()).flatten()
        })
        .collect()
}

/// Where the final punctuation of `sentence` is: `(offset of the mark, offset after closing quotes)`.
/// `None` when the sentence does not end with `.`, `!` or `?`.
fn final_punct(text: &str, sentence: Span) -> (Option<usize>, usize, bool) {
    let s = sentence.slice(text).trim_end();
    let end = sentence.start + s.len();
    let body = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_']);
    let closers = &s[body.len()..];
    let quoted = closers.contains(['"', '”', '’', '\'']);
    let mark = body.ends_with(['.', '!', '?']).then(|| sentence.start + body.len() - 1);
    (mark, end, quoted)
}

fn according_fix(text: &str, sentence: Span) -> Fix {
    let (mark, end, quoted) = final_punct(text, sentence);
    let edits = match mark {
        // `... ever."` becomes `... ever," according to [SOURCE].`
        Some(m) if quoted => {
            vec![Edit::replace(Span::new(m, m + 1), ","), Edit::insert(end, " according to [SOURCE].")]
        }
        Some(m) => vec![Edit::insert(m, ", according to [SOURCE]")],
        None => vec![Edit::insert(end, ", according to [SOURCE]")],
    };
    Fix::new("Append ', according to [SOURCE]' to the sentence", Applicability::Unsafe, edits)
}

fn footnote_fix(text: &str, sentence: Span, n: usize) -> Fix {
    let (mark, end, quoted) = final_punct(text, sentence);
    let label = format!("[^src-{n}]");
    let at = match mark {
        Some(m) if !quoted => m,
        _ => end,
    };
    let def = if text.ends_with('\n') { format!("\n{label}: [SOURCE]\n") } else { format!("\n\n{label}: [SOURCE]\n") };
    Fix::new(
        format!("Add footnote {label} with a '[SOURCE]' stub at the end of the document"),
        Applicability::Unsafe,
        vec![Edit::insert(at, label.clone()), Edit::insert(text.len(), def)],
    )
}

#[cfg(test)]
mod tests;
