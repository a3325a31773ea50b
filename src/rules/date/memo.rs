//! The date rules' findings remembered from one check of a document to the next.
//!
//! The `date/*` rules judge each date expression on its own: what they report for one depends
//! only on the expression (its resolved value, spans, tense, range ends), the reference date,
//! the text the expression's spans cover and whether the word before it is a preposition
//! ("rose in last month" reads differently from "rose last month"). A keystroke changes one
//! date at most, but every date's messages and fixes used to be written again.
//!
//! *Invariants:*
//! - an entry is keyed by exactly what the rules read: the expression with every offset relative
//!   to its first span, the text from its first span's start to its last span's end, whether it
//!   follows a preposition, and (for the whole memo) the reference date and its source; all are
//!   compared in full, never trusted to a hash;
//! - stored findings are relative to the same start and shifted on the way in and out;
//! - the memo holds only the expressions of the last check, so it never outgrows one document;
//! - the article-wide `date/no-reference` finding is not remembered.
use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use crate::dates::{DateExpr, each_span, eq_shifted, shift_expr};
use crate::document::{Finding, Reference};
use crate::text::Span;
use crate::text::generations::Generations;

/// Remembered findings of the date rules; see the module docs. One per document.
#[derive(Debug, Default)]
pub struct Memo {
    /// The reference date the entries were made with (`None` before the first check).
    reference: Option<Option<Reference>>,
    entries: Generations<Entry>,
    stats: MemoStats,
}

/// How the last check used the memo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemoStats {
    /// Expressions whose findings came from the memo.
    pub reused: usize,
    /// Expressions checked afresh.
    pub checked: usize,
}

#[derive(Debug)]
struct Entry {
    /// Relative to `start` (see [`Key`]).
    expr: DateExpr,
    text: Box<str>,
    after_preposition: bool,
    /// Relative to `start`.
    findings: Vec<Finding>,
}

/// What a lookup compares: the expression, where its spans start and end, the text between.
struct Key<'t> {
    start: usize,
    text: &'t str,
    after_preposition: bool,
}

impl Memo {
    pub fn stats(&self) -> MemoStats {
        self.stats
    }

    /// Start a check with `reference`: forget everything if it changed.
    pub(crate) fn begin(&mut self, reference: &Option<Reference>) {
        if self.reference.as_ref() != Some(reference) {
            self.entries.clear();
            self.reference = Some(reference.clone());
        }
        self.entries.rotate();
        self.stats = MemoStats::default();
    }

    /// End a check: drop the entries it did not use.
    pub(crate) fn end(&mut self) {
        self.entries.end();
    }

    /// Append the findings of `e` to `out`: from the memo, or from `check` (which appends them),
    /// remembering them. `after_preposition` is what the rules read before `e` (see the module
    /// docs); `None` (a span that does not cut `text` on a char boundary) checks afresh.
    pub(crate) fn findings(
        &mut self,
        text: &str,
        e: &DateExpr,
        after_preposition: Option<bool>,
        out: &mut Vec<Finding>,
        check: impl FnOnce(&DateExpr, &mut Vec<Finding>),
    ) {
        let key = after_preposition.and_then(|after_preposition| {
            let (mut start, mut end) = (usize::MAX, 0);
            each_span(e, &mut |s| {
                start = start.min(s.start);
                end = end.max(s.end);
            });
            let text = text.get(start..end)?;
            Some(Key { start, text, after_preposition })
        });
        let Some(key) = key else {
            self.stats.checked += 1;
            check(e, out);
            return;
        };
        // The text, and where in it each span lies (which tells apart the same words read with
        // another tense cue, or as a range end).
        let mut h = FxHasher::default();
        key.text.hash(&mut h);
        each_span(e, &mut |s| (s.start - key.start, s.end - key.start).hash(&mut h));
        (e.in_quote, e.tense, &e.value).hash(&mut h);
        let h = h.finish();
        let d = key.start as isize;
        let found = self.entries.take(h, None, |en| {
            *en.text == *key.text && en.after_preposition == key.after_preposition && eq_shifted(&en.expr, e, d)
        });
        if let Some(en) = found {
            self.stats.reused += 1;
            out.extend(en.findings.iter().map(|f| shifted(f.clone(), d)));
            return;
        }
        self.stats.checked += 1;
        let before = out.len();
        check(e, out);
        let mut expr = e.clone();
        shift_expr(&mut expr, -d);
        let findings = out[before..].iter().map(|f| shifted(f.clone(), -d)).collect();
        // A hash collision with another expression simply replaces that entry.
        self.entries.insert(
            h,
            None,
            Entry { expr, text: key.text.into(), after_preposition: key.after_preposition, findings },
        );
    }
}

/// `f` with every offset moved by `d` (wrapping). The destructuring lists every field, so a new
/// field that holds an offset cannot be forgotten here.
fn shifted(mut f: Finding, d: isize) -> Finding {
    let Finding { rule: _, span, message: _, severity: _, fixes } = &mut f;
    *span = Span::new(span.start.wrapping_add_signed(d), span.end.wrapping_add_signed(d));
    for fix in fixes {
        let crate::document::Fix { title: _, applicability: _, edits } = fix;
        for crate::document::Edit { start, end, new_text: _ } in edits {
            *start = start.wrapping_add_signed(d);
            *end = end.wrapping_add_signed(d);
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::document::{DocKind, Settings};
    use crate::engine::{Memo, check, check_document_with, parse_document_with};

    fn settings() -> Settings {
        Settings { kind: DocKind::Markdown, today: Some(date(2025, 6, 1)), ..Settings::default() }
    }

    /// The date findings of `text` with the memo, after checking that they equal a fresh check's.
    fn date_findings(text: &str, memo: &mut Memo) -> Vec<String> {
        let s = settings();
        let doc = parse_document_with(text, &s, memo);
        let with = check_document_with(&doc, &s, memo);
        let fresh = check(text, &s);
        assert_eq!(format!("{:?}", with.findings), format!("{:?}", fresh.findings), "{text}");
        let fixes = |f: &crate::document::Finding| f.fixes.iter().map(|x| x.title.clone()).collect::<Vec<_>>();
        with.findings
            .iter()
            .filter(|f| f.rule.starts_with("date/"))
            .map(|f| format!("{} {}..{} {} {:?}", f.rule, f.span.start, f.span.end, f.message, fixes(f)))
            .collect()
    }

    const ARTICLE: &str = "---\ndate: 2025-03-14\n---\n\n\
        The council met on Tuesday, March 12, 2025. Sales last month rose.\n\n\
        The library reopened on Thursday, March 7, 2025.\n\n\
        The exhibit ran from 2019 to 2016 at the museum. The budget passed on April 31, 2024.\n";

    #[test]
    fn an_edit_rechecks_only_the_dates_it_moved_past_or_changed() {
        let mut memo = Memo::default();
        let before = date_findings(ARTICLE, &mut memo);
        assert!(before.len() >= 5, "{before:?}");
        let first = memo.date_findings_stats();
        assert_eq!(first.reused + first.checked, 5, "{first:?}");
        // Words inserted in the second paragraph: every date keeps its text and its findings
        // (the later ones shifted), nothing is written again.
        let edited = ARTICLE.replace("The library reopened", "The old city library finally reopened");
        let after = date_findings(&edited, &mut memo);
        assert_eq!(after.len(), before.len());
        assert_eq!(memo.date_findings_stats().checked, 0, "{:?}", memo.date_findings_stats());
        // The weekday of the second date changed: only it is checked again.
        let edited = edited.replace("Thursday, March 7", "Friday, March 7");
        let fixed = date_findings(&edited, &mut memo);
        assert_eq!(fixed.len(), before.len() - 1, "{fixed:?}");
        assert_eq!(memo.date_findings_stats().checked, 1, "{:?}", memo.date_findings_stats());
    }

    #[test]
    fn a_preposition_written_before_a_date_changes_its_fix() {
        let mut memo = Memo::default();
        let plain = date_findings(ARTICLE, &mut memo);
        // The word before the date is not part of its text (nor of its tense cue's, which follows).
        let with_in = date_findings(&ARTICLE.replace("Sales last month", "Sales in last month"), &mut memo);
        let fix =
            |all: &[String]| all.iter().find(|f| f.starts_with("date/relative") && f.contains("last month")).cloned();
        let (a, b) = (fix(&plain).unwrap(), fix(&with_in).unwrap());
        assert!(a.contains("Replace with 'in February'"), "{a}");
        assert!(b.contains("Replace with 'February'"), "{b}");
    }

    #[test]
    fn another_reference_date_forgets_every_finding() {
        let mut memo = Memo::default();
        let march = date_findings(ARTICLE, &mut memo);
        let april = date_findings(&ARTICLE.replace("date: 2025-03-14", "date: 2025-04-14"), &mut memo);
        assert_ne!(march, april);
        assert_eq!(memo.date_findings_stats().reused, 0, "{:?}", memo.date_findings_stats());
    }
}
