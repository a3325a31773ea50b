//! Ranges: two dates of the same precision joined by "from … to", "between … and" or a dash
//! become one range expression.
use super::*;

pub(super) fn range(span: Span, first: Cand, second: Cand) -> Cand {
    let e = blank(span, DateKind::Range, first.expr.precision);
    Cand { expr: e, spec: Spec::Range(Box::new(first), Box::new(second)), ambiguous: None }
}

/// "from A to B", "between A and B", "A–B" (with spaces) become one range.
pub(super) fn merge_ranges(p: &P, v: Vec<(Cand, usize, usize)>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(v.len());
    let mut it = v.into_iter().peekable();
    while let Some((a, ai, anext)) = it.next() {
        let mergeable = |c: &Cand| c.spec == Spec::Cal && c.expr.weekday.is_none();
        if let Some((b, bi, _)) = it.peek() {
            if mergeable(&a) && mergeable(b) && comparable(&a, b) {
                let between = if *bi == anext + 1 { p.word(anext).map(|w| w.to_ascii_lowercase()) } else { None };
                let dash = *bi == anext + 1 && p.dash(anext);
                let before = ai.checked_sub(1).and_then(|j| p.word(j)).map(|w| w.to_ascii_lowercase());
                let ok = match (before.as_deref(), between.as_deref()) {
                    (Some("from"), Some("to" | "through" | "until" | "till" | "thru")) => true,
                    (Some("between"), Some("and")) => true,
                    _ => dash && a.expr.precision == b.precision_of(),
                };
                if ok {
                    let (b, _, _) = it.next().expect("peeked");
                    let start = if matches!(before.as_deref(), Some("from" | "between")) && !dash {
                        p.start(ai - 1)
                    } else {
                        a.expr.span.start
                    };
                    let span = Span::new(start, b.expr.span.end);
                    out.push(range(span, a, b));
                    continue;
                }
            }
        }
        out.push(a);
    }
    out
}

impl Cand {
    fn precision_of(&self) -> Precision {
        self.expr.precision
    }
}

/// Two calendar expressions of the same precision.
pub(super) fn comparable(a: &Cand, b: &Cand) -> bool {
    a.expr.precision == b.expr.precision
        && matches!(a.expr.precision, Precision::Day | Precision::Month | Precision::Year)
}
