//! The `attribution/*` rules: sources that are no source, anonymous sources without a reason,
//! quotations without a speaker and quotations that speak of their speaker in the third person.
//! The analysis lives in [`crate::attribution`]; this file turns its facts into findings and fixes.
use super::{Category, Context, Family, Fixability, RuleMeta};
use crate::attribution::{VagueFix, VagueSource};
use crate::document::Quote;
use crate::document::{Applicability, Document, Edit, Finding, Fix, Severity};
use crate::text::Span;

pub struct AttributionFamily;

static RULES: &[RuleMeta] = &[
    RuleMeta {
        id: "attribution/vague",
        summary: "A vague source that names no one: \"experts say\", \"it is believed\", \"according to reports\"",
        default_severity: Severity::Warning,
        category: Category::Attribution,
        fix: Fixability::Unsafe,
        docs: r#"## What it flags
Attribution to nobody in particular: vague groups as the subject of a reporting or opinion verb
("Experts suggest", "Analysts warn", "Critics argue", "Some say", "Many believe", "Studies show"),
quantified or unnamed sources ("various sources", "multiple sources", "intelligence sources"),
"according to reports", and agentless passives of reporting verbs ("it is believed", "is widely
regarded as", "has been described as", "cited by various analysts").

A named group is not vague: "critics of the plan, including the Taxpayers Alliance, say",
"analysts at Cardinal Advisors said". Nor is "the experts said" after the experts were named, or
"sources" meaning water, energy or revenue sources. Extra phrases can be added with the
`extra_vague_phrases` setting.

## Why it matters
A vague source lends a claim authority without letting the reader judge it. It is the classic
weasel construction: the writer's own view, or a rumour, dressed up as expert consensus.

## Example
```text
Experts suggest the new levy will drive shoppers across the county line.
```

## Use instead
```text
Dana Whitlow, an economist at Marren College, said the new levy will drive shoppers across the county line.
```

## Fix safety
Both fixes are unsafe: one replaces the vague source with a placeholder ("[NAME, TITLE]",
"[SOURCE]", or "According to [SOURCE],") and the other inserts a "[who?]" marker. Either leaves
text that must be completed by the writer before publication.
"#,
    },
    RuleMeta {
        id: "attribution/anonymous",
        summary: "An anonymous source with no reason given for the anonymity",
        default_severity: Severity::Warning,
        category: Category::Attribution,
        fix: Fixability::Unsafe,
        docs: r#"## What it flags
An anonymous source ("a senior official", "people familiar with the matter", "a source close to
the team", "a person with knowledge of the talks") used as the source of a sentence when the
sentence gives no reason why the source is not named.

## Why it matters
Wire-service style allows anonymous sources only when the information is vital and cannot be had
on the record, and asks the story to say why the source was granted anonymity. Without a reason
the reader cannot weigh the source's motives.

## Example
```text
A senior official at the port authority said the pier would stay closed.
```

## Use instead
```text
A senior official at the port authority, who spoke on condition of anonymity because the inquiry is not finished, said the pier would stay closed.
```

## Fix safety
The fix inserts ", who spoke on condition of anonymity because [REASON]," after the source. It is
unsafe: the writer must supply the real reason, or name the source.
"#,
    },
    RuleMeta {
        id: "attribution/unattributed-quote",
        summary: "A direct quotation with no speaker in it, its sentence or the sentences next to it",
        default_severity: Severity::Warning,
        category: Category::Attribution,
        fix: Fixability::Unsafe,
        docs: r#"## What it flags
A direct quotation of five words or more with no speaker: no speaker tag next to it, no source
in its sentence, and none in the sentence before or after it in the same paragraph (or an
introduction ending with a colon, for a block quote). Short scare quotes, titles of works and
quotations inside quotations are left alone.

## Why it matters
A quotation is a claim that someone said exactly these words. With no speaker the reader cannot
tell who is talking, and an editor cannot check it.

## Example
```text
The crowd thinned after midnight.

"We waited six hours and nobody told us a thing about the delay."
```

## Use instead
```text
The crowd thinned after midnight.

"We waited six hours and nobody told us a thing about the delay," said Marta Oyelaran, a commuter from Hollis.
```

## Fix safety
The fix appends a speaker-tag placeholder ("[SPEAKER] said.") after the quotation. It is unsafe:
the writer must put in the real speaker.
"#,
    },
    RuleMeta {
        id: "attribution/quote-third-person",
        summary: "A quotation given as someone's own words that speaks of that person in the third person",
        default_severity: Severity::Warning,
        category: Category::Attribution,
        fix: Fixability::Unsafe,
        docs: r#"## What it flags
A quotation presented as a speaker's own words (`he remarked, "..."`) whose words refer to the
speaker in the third person: they open with "He said", "She expressed" and the like, or name the
speaker followed by a reporting verb.

## Why it matters
People do not usually speak of themselves in the third person. Such a "quotation" is almost always
a paraphrase, often lifted from a news agency or press release, set in quotation marks as if it
were the speaker's own words.

## Example
```text
At the summit the minister spoke briefly. She noted, "She expressed thanks for the warm welcome."
```

## Use instead
```text
At the summit the minister spoke briefly. She noted that she was thankful for the warm welcome.
```

## Fix safety
The fix removes the quotation marks and turns the quotation into indirect speech (`she noted that
she expressed ...`). It is unsafe: the result is a paraphrase the writer should reword and check
against the original source.
"#,
    },
];

/// `attribution/vague`.
pub static VAGUE: &RuleMeta = &RULES[0];
/// `attribution/anonymous`.
pub static ANONYMOUS: &RuleMeta = &RULES[1];
/// `attribution/unattributed-quote`.
pub static UNATTRIBUTED_QUOTE: &RuleMeta = &RULES[2];
/// `attribution/quote-third-person`.
pub static QUOTE_THIRD_PERSON: &RuleMeta = &RULES[3];

impl Family for AttributionFamily {
    fn name(&self) -> &'static str {
        "attribution"
    }
    fn rules(&self) -> &'static [RuleMeta] {
        RULES
    }
    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Finding>) {
        let model = ctx.attribution;
        let text = doc.text;
        for (i, sa) in model.sentences.iter().enumerate().take(doc.sentences.len()) {
            let sentence = doc.sentences[i].span;
            for v in &sa.vague {
                out.push(vague_finding(text, sentence, v));
            }
            for a in sa.anonymous.iter().filter(|a| !a.reason_given) {
                let phrase = a.span.slice(text);
                let msg = format!(
                    "'{phrase}' is an anonymous source, and the sentence gives no reason for granting anonymity"
                );
                out.push(ANONYMOUS.finding(a.span, msg).with_fix(anonymity_fix(text, a.insert_at)));
            }
        }
        for (q, qa) in doc.quotes.iter().zip(&model.quotes) {
            if !qa.attributed && !qa.nested && !q.nested && !qa.short && !qa.title {
                let msg = format!(
                    "The quotation {} has no speaker in it, its sentence or the sentences next to it",
                    excerpt(q.span.slice(text))
                );
                let mut f = UNATTRIBUTED_QUOTE.finding(q.span, msg);
                if let Some(fix) = speaker_fix(text, q) {
                    f = f.with_fix(fix);
                }
                out.push(f);
            }
            if let (true, Some(speaker), Some(tp)) = (qa.attributed, qa.speaker, qa.third_person) {
                let span = if tag_before(text, speaker, q) { Span::new(speaker.start, q.span.end) } else { q.span };
                let msg = format!(
                    "The quotation attributed to '{}' speaks of its speaker in the third person ('{}'): likely a paraphrase set in quotation marks",
                    speaker.slice(text),
                    tp.slice(text)
                );
                out.push(QUOTE_THIRD_PERSON.finding(span, msg).with_fix(indirect_fix(text, q, speaker)));
            }
        }
    }
}

/// At most 60 characters of a quotation, on a char boundary.
fn excerpt(s: &str) -> String {
    if s.chars().count() <= 60 {
        return s.to_string();
    }
    let cut: String = s.chars().take(57).collect();
    format!("{}…", cut.trim_end())
}

fn vague_finding(text: &str, sentence: Span, v: &VagueSource) -> Finding {
    let phrase = v.span.slice(text);
    let msg = format!("'{phrase}' names no source: say who");
    let who = Fix::new(
        format!("Insert '[who?]' after '{phrase}'"),
        Applicability::Unsafe,
        vec![Edit::insert(v.span.end, " [who?]")],
    );
    let replace = match v.fix {
        VagueFix::Subject(sp) => Fix::new(
            format!("Replace '{}' with '[NAME, TITLE]'", sp.slice(text)),
            Applicability::Unsafe,
            vec![Edit::replace(sp, "[NAME, TITLE]")],
        ),
        VagueFix::Source(sp) => Fix::new(
            format!("Replace '{}' with '[SOURCE]'", sp.slice(text)),
            Applicability::Unsafe,
            vec![Edit::replace(sp, "[SOURCE]")],
        ),
        VagueFix::Rewrite(sp) => {
            let new = if sp.start == sentence.start { "According to [SOURCE]," } else { "according to [SOURCE]," };
            Fix::new(
                format!("Replace '{}' with '{new}'", sp.slice(text)),
                Applicability::Unsafe,
                vec![Edit::replace(sp, new)],
            )
        }
        VagueFix::Prefix => {
            let first = sentence.slice(text).split_whitespace().next().unwrap_or("");
            let lower = matches!(first, "The" | "A" | "An" | "It" | "This" | "These" | "Those" | "Its" | "Their");
            let mut edits = vec![Edit::insert(sentence.start, "According to [SOURCE], ")];
            if lower && let Some(c) = first.chars().next() {
                edits = vec![Edit::replace(
                    Span::new(sentence.start, sentence.start + c.len_utf8()),
                    format!("According to [SOURCE], {}", c.to_ascii_lowercase()),
                )];
            }
            Fix::new("Start the sentence with 'According to [SOURCE],'", Applicability::Unsafe, edits)
        }
    };
    VAGUE.finding(v.span, msg).with_fix(replace).with_fix(who)
}

fn anonymity_fix(text: &str, at: usize) -> Fix {
    let rest = text[at..].trim_start_matches([' ', '\t']);
    let clause = ", who spoke on condition of anonymity because [REASON]";
    let new = match rest.chars().next() {
        Some(',' | '.' | ';' | ')' | '?' | '!' | ':') | None => clause.to_string(),
        _ => format!("{clause},"),
    };
    Fix::new(
        "Insert ', who spoke on condition of anonymity because [REASON],'",
        Applicability::Unsafe,
        vec![Edit::insert(at, new)],
    )
}

/// `"... delay."` becomes `"... delay," [SPEAKER] said.`
fn speaker_fix(text: &str, q: &Quote) -> Option<Fix> {
    if !q.closed || q.block_quote || q.inner.end >= q.span.end {
        return None;
    }
    let inner = q.inner.slice(text).trim_end();
    let inner_end = q.inner.start + inner.len();
    let mut edits = Vec::new();
    let tag = if inner.ends_with('.') {
        edits.push(Edit::replace(Span::new(inner_end - 1, inner_end), ","));
        " [SPEAKER] said."
    } else if inner.ends_with(['?', '!', ',']) {
        " [SPEAKER] said."
    } else {
        ", [SPEAKER] said."
    };
    // Do not double the sentence's own full stop after the closing mark.
    let after = &text[q.span.end..];
    if after.starts_with('.') {
        edits.push(Edit::insert(q.span.end, tag.trim_end_matches('.')));
    } else {
        edits.push(Edit::insert(q.span.end, tag));
    }
    Some(Fix::new("Append a speaker tag '[SPEAKER] said.' after the quotation", Applicability::Unsafe, edits))
}

/// The speaker tag sits right before the opening mark: `he remarked, "`.
fn tag_before(text: &str, speaker: Span, q: &Quote) -> bool {
    speaker.end <= q.span.start
        && q.span.start - speaker.end < 30
        && !text[speaker.end..q.span.start].contains(['.', '?', '!', '"', '“', '”'])
}

/// `he remarked, "He expressed thanks,"` becomes `he remarked that he expressed thanks,`.
fn indirect_fix(text: &str, q: &Quote, speaker: Span) -> Fix {
    let mut edits = Vec::new();
    let inner = q.inner.slice(text);
    let lower_first = inner.starts_with("He ") || inner.starts_with("She ");
    if tag_before(text, speaker, q) {
        // Back over the comma and spaces between the verb and the opening mark.
        let before = &text[..q.span.start];
        let p = before.trim_end_matches([' ', ',', ':']).len();
        edits.push(Edit::replace(Span::new(p, q.inner.start), " that "));
    } else {
        edits.push(Edit::replace(Span::new(q.span.start, q.inner.start), ""));
    }
    if lower_first {
        edits.push(Edit::replace(Span::new(q.inner.start, q.inner.start + 1), inner[..1].to_ascii_lowercase()));
    }
    if q.closed && q.inner.end < q.span.end {
        edits.push(Edit::replace(Span::new(q.inner.end, q.span.end), ""));
    }
    Fix::new("Remove the quotation marks and make it indirect speech", Applicability::Unsafe, edits)
}

#[cfg(test)]
mod tests;
