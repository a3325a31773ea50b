//! The source ledger: who an article cites, how often, named or not. The checklist an editor
//! runs before publishing, built from the extracted attributions.
use super::extract::{Attribution, SourceKind};
use crate::text::Span;

/// One attribution in the article, with the sentence it is in and, for a pronoun source, the
/// source it refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cited {
    pub attribution: Attribution,
    pub sentence: usize,
    /// For a pronoun or a referring description ("she", "the researchers"): the nearest fitting
    /// earlier source.
    pub refers_to: Option<Span>,
}

/// A source in the ledger: every attribution to the same source, counted once per attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The fullest form of the name in the article ("Maria Ortiz, the budget director").
    pub name: String,
    pub kind: SourceKind,
    /// Anonymous with a reason given for the anonymity (in every sentence that cites it).
    pub reason_given: bool,
    /// Indices into the cited list, in order.
    pub cited: Vec<usize>,
}

/// Counts for the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub sources: usize,
    pub named: usize,
    pub anonymous: usize,
    pub anonymous_without_reason: usize,
    pub vague: usize,
    pub impersonal: usize,
    /// Pronouns nobody earlier could be found for.
    pub unresolved: usize,
}

impl Summary {
    /// "14 sources: 9 named, 2 anonymous (1 without reason), 3 vague".
    pub fn line(&self) -> String {
        let plural = if self.sources == 1 { "source" } else { "sources" };
        let mut parts = vec![format!("{} named", self.named)];
        let anon = match self.anonymous_without_reason {
            0 => format!("{} anonymous", self.anonymous),
            k => format!("{} anonymous ({k} without reason)", self.anonymous),
        };
        parts.push(anon);
        parts.push(format!("{} vague", self.vague));
        if self.impersonal > 0 {
            parts.push(format!("{} impersonal", self.impersonal));
        }
        if self.unresolved > 0 {
            parts.push(format!(
                "{} unresolved pronoun{}",
                self.unresolved,
                if self.unresolved == 1 { "" } else { "s" }
            ));
        }
        format!("{} {plural}: {}", self.sources, parts.join(", "))
    }
}

/// Resolve pronoun sources: each to the nearest earlier source that fits it ("he"/"she" a
/// person, "it" an organisation or a document, "they" any).
pub fn resolve(text: &str, cited: &mut [Cited]) {
    for i in 0..cited.len() {
        let a = cited[i].attribution;
        if a.kind != SourceKind::Pronoun {
            continue;
        }
        let Some(src) = a.source else { continue };
        let word = src.slice(text).to_ascii_lowercase();
        if matches!(word.as_str(), "i" | "we" | "you") {
            continue; // the writer or the speaker of a quotation
        }
        let fits = |c: &Cited| {
            let b = c.attribution;
            if !matches!(b.kind, SourceKind::Named | SourceKind::Anonymous) {
                return false;
            }
            match word.as_str() {
                "he" | "she" => !b.document,
                "it" => {
                    b.document || b.source.is_some_and(|s| !s.slice(text).contains(' ') || starts_the(s.slice(text)))
                }
                _ => true,
            }
        };
        // The nearest fitting source within reach (a pronoun refers to something recent).
        cited[i].refers_to =
            cited[..i].iter().rev().take(RESOLVE_REACH).find(|c| fits(c)).and_then(|c| c.attribution.source);
    }
}

/// How many earlier attributions a pronoun looks back through.
const RESOLVE_REACH: usize = 50;

fn starts_the(s: &str) -> bool {
    s.starts_with("the ") || s.starts_with("The ")
}

/// The key a source is counted under: its words without a leading article or possessive
/// determiner, case-folded; a person by their surname ("Ms. Ortiz" and "Maria Ortiz").
fn key(name: &str, kind: SourceKind) -> String {
    let name = name.split(',').next().unwrap_or(name).trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let words: &[&str] = match words.first().map(|w| w.to_ascii_lowercase()) {
        Some(w) if matches!(w.as_str(), "the" | "a" | "an") => &words[1..],
        _ => &words,
    };
    if kind == SourceKind::Named
        && words.len() <= 4
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        && let Some(last) = words.last()
    {
        return last.trim_end_matches("'s").to_lowercase();
    }
    words.join(" ").to_lowercase()
}

/// The ledger: sources in order of first citation, and its summary. Pronouns count for the source
/// they refer to; a pronoun that refers to nothing earlier is listed under its own word.
pub fn sources(text: &str, cited: &[Cited]) -> (Vec<Source>, Summary) {
    let mut out: Vec<Source> = Vec::new();
    let mut keys: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut summary = Summary::default();
    for (i, c) in cited.iter().enumerate() {
        let a = c.attribution;
        let (span, kind) = match (a.kind, c.refers_to) {
            (SourceKind::Pronoun, Some(r)) => {
                // Counted for its referent, under the referent's kind.
                let kind = cited[..i]
                    .iter()
                    .rev()
                    .take(RESOLVE_REACH)
                    .find(|o| o.attribution.source == Some(r))
                    .map_or(SourceKind::Named, |o| o.attribution.kind);
                (r, kind)
            }
            (SourceKind::Impersonal, _) | (_, _) if a.source.is_none() => (a.cue, SourceKind::Impersonal),
            (k, _) => (a.source.unwrap_or(a.cue), k),
        };
        let name = span.slice(text).split_whitespace().collect::<Vec<_>>().join(" ");
        let name = name.trim_end_matches([',', '.']).to_string();
        let k = key(&name, kind);
        if let Some(&pos) = keys.get(&k) {
            let s = &mut out[pos];
            s.cited.push(i);
            s.reason_given &= a.reason_given || a.kind != SourceKind::Anonymous;
            if name.len() > s.name.len() && a.kind != SourceKind::Pronoun {
                s.name = name;
            }
        } else {
            keys.insert(k, out.len());
            out.push(Source { name, kind, reason_given: a.reason_given, cited: vec![i] });
        }
    }
    for s in &out {
        summary.sources += 1;
        match s.kind {
            SourceKind::Named => summary.named += 1,
            SourceKind::Anonymous => {
                summary.anonymous += 1;
                if !s.reason_given {
                    summary.anonymous_without_reason += 1;
                }
            }
            SourceKind::Vague => summary.vague += 1,
            SourceKind::Impersonal => summary.impersonal += 1,
            SourceKind::Pronoun => summary.unresolved += 1,
        }
    }
    (out, summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(text: &str, src: &str, kind: SourceKind, reason: bool) -> Cited {
        let start = text.find(src).expect("source in text");
        let sp = Span::new(start, start + src.len());
        Cited {
            attribution: Attribution {
                source: Some(sp),
                head: Some(sp),
                cue: sp,
                content: None,
                kind,
                reason_given: reason,
                document: false,
                report: true,
            },
            sentence: 0,
            refers_to: None,
        }
    }

    #[test]
    fn pronouns_count_for_their_referent_and_names_fold_to_surnames() {
        let text =
            "Maria Ortiz said so. She added more. Ortiz later agreed. Critics disagree. A city official said no.";
        let mut cited = vec![
            cite(text, "Maria Ortiz", SourceKind::Named, false),
            cite(text, "She", SourceKind::Pronoun, false),
            cite(text, "Ortiz later", SourceKind::Named, false),
            cite(text, "Critics", SourceKind::Vague, false),
            cite(text, "A city official", SourceKind::Anonymous, false),
        ];
        // "Ortiz later" stands in for the surname alone.
        let start = text.find("Ortiz later").unwrap();
        cited[2].attribution.source = Some(Span::new(start, start + 5));
        resolve(text, &mut cited);
        assert_eq!(cited[1].refers_to.map(|s| s.slice(text)), Some("Maria Ortiz"));
        let (sources, summary) = sources(text, &cited);
        let names: Vec<(&str, usize)> = sources.iter().map(|s| (s.name.as_str(), s.cited.len())).collect();
        assert_eq!(names, [("Maria Ortiz", 3), ("Critics", 1), ("A city official", 1)]);
        assert_eq!(summary.line(), "3 sources: 1 named, 1 anonymous (1 without reason), 1 vague");
    }

    #[test]
    fn a_pronoun_with_nothing_before_it_is_unresolved() {
        let text = "They said the pier was unsafe.";
        let mut cited = vec![cite(text, "They", SourceKind::Pronoun, false)];
        resolve(text, &mut cited);
        assert_eq!(cited[0].refers_to, None);
        let (_, summary) = sources(text, &cited);
        assert_eq!(summary.line(), "1 source: 0 named, 0 anonymous, 0 vague, 1 unresolved pronoun");
    }
}
