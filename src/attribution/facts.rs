//! What the sentence analysis learns of one sentence ([`Facts`]) and the types it hands to the
//! rules: how a sentence is attributed, its vague and anonymous sources, its checkable claim.
use super::extract::Attribution;
use crate::text::Span;

/// How a sentence is attributed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum How {
    /// A source with a reporting verb, either order: "Ortiz said", "said the agency", "she told reporters".
    NamedSource,
    /// "according to <source>" with a source that is not vague.
    AccordingTo,
    /// A `Source:` line or a parenthesised "(Source: ...)".
    SourceLine,
    /// A Markdown link or a footnote reference in the sentence.
    Citation,
    /// Inside an attributed quotation.
    Quotation,
    /// Continues the account of a source named earlier in the paragraph.
    CarryOver,
    /// A name from the `known_sources` setting.
    KnownSource,
    /// An anonymous source with a stated reason for the anonymity.
    Anonymous,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub how: How,
    pub source: Span,
    pub verb: Option<Span>,
    /// The source is a pronoun ("she said"): it refers back.
    pub pronoun: bool,
    /// The source is a proper name, a pronoun or a known source (not just "the company").
    pub proper: bool,
}

/// What the "replace" fix of a vague source does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VagueFix {
    /// Replace this subject ("Experts") with "[NAME, TITLE]".
    Subject(Span),
    /// Replace this source phrase ("multiple sources", "reports") with "[SOURCE]".
    Source(Span),
    /// Replace this impersonal phrase ("It is believed that") with "According to [SOURCE],".
    Rewrite(Span),
    /// Insert "According to [SOURCE], " at the start of the sentence.
    Prefix,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VagueSource {
    /// The vague phrase ("Experts suggest", "is believed to be", "various intelligence sources").
    pub span: Span,
    pub fix: VagueFix,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnonymousSource {
    /// The anonymous source ("A senior official", "people familiar with the matter").
    pub span: Span,
    /// Where a stated reason would go: after the source and its qualifiers, before the verb.
    pub insert_at: usize,
    /// The sentence states why the source is not named.
    pub reason_given: bool,
}

/// The kind of checkable assertion a sentence makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimKind {
    Statistic,
    Change,
    Superlative,
    Causal,
    /// An act on the record, stated by the one who did it: "I voted against the bypass", "we
    /// passed the harbour levy", "you doubled the fee".
    Record,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Statistic => "statistic",
            ClaimKind::Change => "change",
            ClaimKind::Superlative => "superlative",
            ClaimKind::Causal => "causal",
            ClaimKind::Record => "record",
        }
    }
}

/// The first checkable cue in a sentence, outside quotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checkable {
    pub kind: ClaimKind,
    /// The words that make it checkable ("40 percent", "the largest", "led to").
    pub cue: Span,
}

/// Everything the model learns from one sentence alone.
#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    pub found: Option<Found>,
    pub vague: Vec<VagueSource>,
    pub anonymous: Vec<AnonymousSource>,
    pub checkable: Option<Checkable>,
    pub question: bool,
    /// Ends with a colon (introduces a quotation or a list).
    pub colon_end: bool,
    /// Opens with a continuation cue ("Also,", "In addition,", "She added").
    pub continuation: bool,
    /// Byte offsets of the verbs whose subjects are anonymous sources.
    pub anon_verbs: Vec<usize>,
    /// Every attribution in the sentence, from the extractor.
    pub attributions: Vec<Attribution>,
    /// Names someone outside quotation marks (a capitalised word after the first, or two
    /// capitalised words at the start): "Ruiz read a statement to the court:".
    pub names_someone: bool,
}

pub(crate) fn push_vague(f: &mut Facts, v: VagueSource) {
    // Overlapping phrases are found near each other: the last few suffice (and keep a run-on
    // sentence with thousands of sources linear).
    if let Some(old) = f.vague.iter_mut().rev().take(8).find(|o| o.span.overlaps(v.span)) {
        // Keep one finding per phrase: the union span, and the more specific fix.
        let fix = match (old.fix, v.fix) {
            (VagueFix::Prefix, x) | (x, VagueFix::Prefix) => x,
            (x, _) => x,
        };
        old.span = Span::new(old.span.start.min(v.span.start), old.span.end.max(v.span.end));
        old.fix = fix;
    } else {
        f.vague.push(v);
    }
}

pub(crate) fn set_found(f: &mut Facts, fnd: Found) {
    match f.found {
        None => f.found = Some(fnd),
        Some(old) if old.pronoun && !fnd.pronoun => f.found = Some(fnd),
        _ => {}
    }
}
