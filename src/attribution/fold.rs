//! Folding the extractor's attributions into a sentence's facts: vague and impersonal sources
//! become vague findings, anonymous ones anonymous findings, and a named or pronoun source that
//! reports something attributes the sentence.
use super::extract::{self, Attribution, SourceKind};
use super::facts::{AnonymousSource, Facts, Found, How, VagueFix, VagueSource, push_vague, set_found};
use super::tokens::Sent;
use crate::text::Span;

/// Fold the extracted attributions into the sentence's facts: vague and impersonal sources are
/// vague findings, anonymous ones anonymous findings, named and pronoun sources attribute it.
pub(super) fn apply_extraction(s: &Sent, atts: &[Attribution], f: &mut Facts) {
    // The list-based anonymous candidates stand only where the grammar sees a source too, or
    // as a whole formula ("people familiar with the matter"): "a figure the group posted" is no
    // source.
    f.anonymous.retain(|x| {
        let words = s.toks.iter().filter(|t| t.kind == super::tokens::K::Word && x.span.contains_span(t.span)).count();
        let named = atts.iter().any(|a| {
            matches!(a.kind, SourceKind::Named | SourceKind::Pronoun)
                && a.source.is_some_and(|src| src.overlaps(x.span))
        });
        // "Sexton, a creative writing professor, said": the grammar's named source wins.
        !named && (words >= 4 || atts.iter().any(|a| a.source.is_some_and(|src| src.overlaps(x.span))))
    });
    // A listed vague phrase that the grammar reads as a named source is not vague ("Edwards and
    // others said" names Edwards), nor is one inside what a named source says ("Many voters were
    // unmoved, the pollster said"): that is the source's own wording.
    // (Unless the grammar reads a vague source of its own there: "..., the reports say, cited by
    // various analysts" is the analysts' citing, not the reports' wording.)
    f.vague.retain(|v| {
        let own = atts.iter().any(|a| {
            matches!(a.kind, SourceKind::Vague | SourceKind::Impersonal)
                && a.source.is_some_and(|src| src.overlaps(v.span))
        });
        own || !atts.iter().any(|a| {
            matches!(a.kind, SourceKind::Named | SourceKind::Pronoun)
                && (a.source.is_some_and(|src| src.overlaps(v.span))
                    || (a.report
                        && !extract::text_is(s, a.cue, "according")
                        && a.content.is_some_and(|c| c.contains_span(v.span))))
        })
    });
    // A listed anonymous phrase in apposition to a name renames that person: "Sexton, a
    // creative writing professor, said".
    f.anonymous.retain(|x| {
        let k = s.token_at(x.span.start);
        let after_name = k >= s.first + 2
            && s.punct(k - 1) == Some(',')
            && s.toks[k - 2].cap
            && s.toks[k - 2].kind == super::tokens::K::Word;
        !after_name
    });
    for a in atts {
        match a.kind {
            SourceKind::Vague | SourceKind::Impersonal => {
                // An agent after "from", or after "by" with a bare participle, is the finding by
                // itself: "reported from various intelligence sources", "(as) cited by analysts";
                // a full passive keeps its verb: "were cited by various analysts".
                let bare = s.token_at(a.cue.start) + 1 == s.token_at(a.cue.end);
                let agent = a.source.is_some_and(|src| {
                    let k = s.token_at(src.start);
                    src.start > a.cue.end && k > 0 && (s.w(k - 1) == "from" || (s.w(k - 1) == "by" && bare))
                });
                let span = match a.source {
                    Some(src) if agent => src,
                    Some(src) if src.start < a.cue.start => Span::new(src.start, a.cue.end.max(src.end)),
                    Some(src) => Span::new(a.cue.start.min(src.start), src.end.max(a.cue.end)),
                    None => a.cue,
                };
                let fix = match (a.source, a.head) {
                    (None, _) => {
                        let first = s.toks.get(s.first).map(|t| t.span.start);
                        if first == Some(a.cue.start) && s.w(s.first) == "it" {
                            VagueFix::Rewrite(a.cue)
                        } else {
                            VagueFix::Prefix
                        }
                    }
                    (Some(src), _) if a.document || src.start > a.cue.start => VagueFix::Source(src),
                    (Some(_), Some(head)) => VagueFix::Subject(head),
                    (Some(src), None) => VagueFix::Source(src),
                };
                push_vague(f, VagueSource { span, fix });
            }
            SourceKind::Anonymous => {
                let Some(src) = a.source else { continue };
                if f.anonymous.iter().rev().take(8).any(|x| x.span.overlaps(src)) {
                    continue;
                }
                f.anonymous.push(AnonymousSource { span: src, insert_at: src.end, reason_given: a.reason_given });
                if a.reason_given && f.found.is_none() {
                    f.found = Some(Found {
                        how: How::Anonymous,
                        source: src,
                        verb: Some(a.cue),
                        pronoun: false,
                        proper: false,
                    });
                }
            }
            // An act ("the city added 3,000 spaces") is in the ledger but sources nothing.
            SourceKind::Named | SourceKind::Pronoun if !a.report => {}
            SourceKind::Named | SourceKind::Pronoun => {
                let Some(src) = a.source else { continue };
                let according = extract::text_is(s, a.cue, "according");
                let how = if according { How::AccordingTo } else { How::NamedSource };
                set_found(
                    f,
                    Found { how, source: src, verb: Some(a.cue), pronoun: a.kind == SourceKind::Pronoun, proper: true },
                );
            }
        }
    }
}
