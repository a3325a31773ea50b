//! The check orchestrator: `check(text, settings) -> Report`. Parses the document, builds the
//! shared analyses once, runs the selected rule families and applies settings and suppression.
//!
//! *Boundary:* no I/O, clock, environment, async or protocol types here, in `rules`, `dates`
//! or `attribution` (a tidy test enforces it).
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::attribution::AttributionModel;
pub use crate::attribution::MemoStats;
use crate::dates::DateExpr;
pub use crate::dates::MemoStats as DateMemoStats;
use crate::document::{Document, Finding, ParseMemo, ParseStats, Reference, Settings, refdate, suppress};
use crate::rules::{self, Context};

/// Everything one check produced.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Sorted by start offset, then rule id. Severities already reflect the settings.
    pub findings: Vec<Finding>,
    /// The publication date used as the anchor for relative dates and tense, and where it came from.
    pub reference: Option<Reference>,
    /// Every date expression in the article (the timeline), sorted by start offset.
    pub dates: Vec<DateExpr>,
    /// Every attribution in the article, pronouns resolved: the source ledger's input.
    pub attributions: Vec<crate::attribution::ledger::Cited>,
    /// Rule families that panicked: the front end logs these; the other families still reported.
    pub internal_errors: Vec<String>,
    /// Dates the article states that could not be read (naming the field and its value, and the
    /// date used instead): the front ends show them as warnings.
    pub reference_warnings: Vec<String>,
}

/// What one document's checks carry from one to the next (a language server keeps one per open
/// document): the blocks' tokens and sentences (`document::ParseMemo`, used by
/// [`parse_document_with`]), the per-sentence attribution analyses (`attribution::Memo`), the
/// date recognition per chunk of text (`dates::Memo`) and the date rules' findings per date
/// expression (`rules::date::Memo`). Each is keyed by exactly what it depends on, so
/// a check with a memo returns the same report as one without. `Default` is empty.
#[derive(Debug, Default)]
pub struct Memo {
    blocks: ParseMemo,
    sentences: crate::attribution::Memo,
    dates: crate::dates::Memo,
    date_findings: std::cell::RefCell<rules::date::Memo>,
}

impl Memo {
    /// How the last check used the sentence analyses.
    pub fn stats(&self) -> MemoStats {
        self.sentences.stats()
    }

    /// How the last parse ([`parse_document_with`]) used the blocks' tokens and sentences.
    pub fn parse_stats(&self) -> ParseStats {
        self.blocks.stats()
    }

    /// How the last check used the date recognition.
    pub fn date_stats(&self) -> DateMemoStats {
        self.dates.stats()
    }

    /// How the last check used the date rules' findings.
    pub fn date_findings_stats(&self) -> rules::date::MemoStats {
        self.date_findings.borrow().stats()
    }

    /// Number of remembered sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty() && self.dates.is_empty()
    }
}

/// Check one article.
pub fn check(text: &str, settings: &Settings) -> Report {
    let doc = Document::parse(text, settings.kind, &settings.extra_abbreviations);
    check_document(&doc, settings)
}

/// Parse `text` as [`check`] does, taking the unchanged blocks' tokens and sentences from `memo`
/// (the document is the same as [`Document::parse`]'s): the first half of a language server's
/// check, [`check_document_with`] the second.
pub fn parse_document_with<'a>(text: &'a str, settings: &Settings, memo: &mut Memo) -> Document<'a> {
    Document::parse_with(text, settings.kind, &settings.extra_abbreviations, &mut memo.blocks)
}

/// Check an already parsed document.
pub fn check_document(doc: &Document, settings: &Settings) -> Report {
    check_with_families(doc, settings, rules::FAMILIES, None)
}

/// [`check_document`] for a document checked again and again (a language server, per edit):
/// `memo` carries the per-sentence analyses of unchanged sentences from one call to the next.
/// The report is the same as [`check_document`]'s; keep one memo per document.
pub fn check_document_with(doc: &Document, settings: &Settings, memo: &mut Memo) -> Report {
    check_with_families(doc, settings, rules::FAMILIES, Some(memo))
}

/// [`check_document`] with a given family registry (the tests inject a panicking family here;
/// production code always passes [`rules::FAMILIES`]).
fn check_with_families(
    doc: &Document,
    settings: &Settings,
    families: &[&dyn rules::Family],
    memo: Option<&mut Memo>,
) -> Report {
    let mut internal_errors = Vec::new();
    let (reference, reference_warnings) = refdate::determine_with_warnings(doc, settings, crate::dates::dateline);
    let (sentence_memo, date_memo, date_findings) = match memo {
        Some(m) => (Some(&mut m.sentences), Some(&mut m.dates), Some(&m.date_findings)),
        None => (None, None, None),
    };
    let refdate = reference.as_ref().map(|r| r.date);
    let dates = guarded("dates", &mut internal_errors, || match date_memo {
        Some(m) => crate::dates::recognise_with(doc, refdate, m),
        None => crate::dates::recognise(doc, refdate),
    })
    .unwrap_or_default();
    let mut attribution = guarded("attribution model", &mut internal_errors, || {
        AttributionModel::build_with(doc, settings, sentence_memo)
    })
    .unwrap_or_default();
    for f in attribution.failed.drain(..) {
        internal_errors
            .push(format!("attribution model panicked on the sentence at {f}; it is left without attributions"));
    }
    let ctx =
        Context { settings, reference: reference.clone(), dates: &dates, attribution: &attribution, date_findings };

    let mut findings = Vec::new();
    for family in families {
        if !family.rules().iter().any(|r| settings.rule_enabled(r.id)) {
            continue;
        }
        let mut out = Vec::new();
        match catch_unwind(AssertUnwindSafe(|| family.check(doc, &ctx, &mut out))) {
            Ok(()) => findings.extend(out),
            Err(panic) => internal_errors.push(format!(
                "rule family '{}' panicked: {}",
                family.name(),
                crate::text::panic_message(panic.as_ref())
            )),
        }
    }
    findings.retain(|f| settings.rule_enabled(f.rule) && valid_span(doc.text, f));
    for f in &mut findings {
        f.severity = settings.severity(f.rule, f.severity);
    }
    let mut findings = suppress::apply(doc, findings);
    findings.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    findings.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
    let attributions = std::mem::take(&mut attribution.cited);
    Report { findings, reference, dates, attributions, internal_errors, reference_warnings }
}

fn guarded<T>(what: &str, errors: &mut Vec<String>, f: impl FnOnce() -> T) -> Option<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => Some(v),
        Err(panic) => {
            errors.push(format!("{what} panicked: {}", crate::text::panic_message(panic.as_ref())));
            None
        }
    }
}

/// A finding (and every fix edit) must lie inside the text on char boundaries; anything else is
/// a rule bug and is dropped rather than handed to a front end.
fn valid_span(text: &str, f: &Finding) -> bool {
    let ok = |s: usize, e: usize| s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
    ok(f.span.start, f.span.end) && f.fixes.iter().all(|fix| fix.edits.iter().all(|e| ok(e.start, e.end)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Context, Family, RuleMeta};

    /// A family that reports a finding and then panics, claiming the directive family's rules so
    /// the engine thinks it has enabled rules to run.
    struct Exploding;
    impl Family for Exploding {
        fn name(&self) -> &'static str {
            "exploding"
        }
        fn rules(&self) -> &'static [RuleMeta] {
            rules::FAMILIES[rules::FAMILIES.len() - 1].rules()
        }
        fn check(&self, doc: &Document, _: &Context, out: &mut Vec<Finding>) {
            out.push(self.rules()[0].finding(crate::text::Span::new(0, doc.text.len()), "half-done"));
            panic!("deliberate test panic");
        }
    }

    fn summary(r: &Report) -> Vec<(&'static str, usize, usize, String)> {
        r.findings.iter().map(|f| (f.rule, f.span.start, f.span.end, f.message.clone())).collect()
    }

    #[test]
    fn a_panic_in_one_sentence_costs_that_sentence_only() {
        let probe = crate::attribution::sentence::PANIC_PROBE;
        let text = format!(
            "Experts say the bridge will close.\n\nThe ferry {probe} runs late.\n\nCritics argue the toll is unfair.\n"
        );
        let settings = Settings { today: Some(jiff::civil::date(2025, 6, 1)), ..Settings::default() };
        let doc = Document::parse(&text, settings.kind, &settings.extra_abbreviations);
        let r = check_document(&doc, &settings);
        let start = text.find("The ferry").unwrap();
        let end = start + text[start..].find('\n').unwrap();
        assert_eq!(
            r.internal_errors,
            vec![format!(
                "attribution model panicked on the sentence at bytes {start}..{end}: deliberate test panic; it is left without attributions"
            )]
        );
        // The sentences before and after it keep their findings.
        let vague: Vec<&str> =
            r.findings.iter().filter(|f| f.rule == "attribution/vague").map(|f| f.span.slice(&text)).collect();
        assert_eq!(vague.len(), 2, "{vague:?}");
        assert!(vague[0].starts_with("Experts say") && vague[1].starts_with("Critics argue"), "{vague:?}");
    }

    /// Two bugs found by running a debug build over real news: a subject ended by a spaced
    /// hyphen gave an empty subject phrase, so a span ended before it started; a sentence that
    /// opens with "Nothing" read the word before the first. Release builds wrapped around
    /// silently; debug builds panicked, and the guard turned each panic into an internal error.
    #[test]
    fn spaced_dashes_and_sentence_initial_words_analyse_cleanly() {
        let text = "Third, the harbor master - on June 2 after the B-52 flight - indicated that the ferries were running.\n\n\
                    Nothing in the audit surprised the board.\n";
        let settings = Settings { today: Some(jiff::civil::date(2025, 6, 1)), ..Settings::default() };
        let doc = Document::parse(text, settings.kind, &settings.extra_abbreviations);
        let r = check_document(&doc, &settings);
        assert!(r.internal_errors.is_empty(), "{:?}", r.internal_errors);
        let sources: Vec<&str> =
            r.attributions.iter().filter_map(|c| c.attribution.source).map(|s| s.slice(text)).collect();
        assert_eq!(sources, vec!["the harbor master"]);
    }

    #[test]
    fn a_panicking_family_is_reported_and_the_others_still_report() {
        let text = "Experts say the bridge will close.\n\n<!-- copydesk-disable-next-line no-such-rule -->\nThe council met on Monday, Feb. 30, 2025.\n";
        let settings = Settings { today: Some(jiff::civil::date(2025, 6, 1)), ..Settings::default() };
        let doc = Document::parse(text, settings.kind, &settings.extra_abbreviations);
        let normal = check_document(&doc, &settings);
        // The text gives every real family something to report, so "the others still report"
        // compares something.
        let families: std::collections::BTreeSet<&str> = normal.findings.iter().map(|f| f.family()).collect();
        assert!(families.len() >= 3, "{families:?}");
        assert!(normal.internal_errors.is_empty());

        let mut with_panic: Vec<&dyn Family> = vec![&Exploding];
        with_panic.extend(rules::FAMILIES.iter().copied());
        let r = check_with_families(&doc, &settings, &with_panic, None);
        assert_eq!(r.internal_errors, vec!["rule family 'exploding' panicked: deliberate test panic".to_string()]);
        // The panicking family's half-done output is discarded; everyone else's is unchanged.
        assert_eq!(summary(&r), summary(&normal));
    }
}
