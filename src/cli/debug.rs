//! `copydesk debug sentences`: the segmentation as the engine sees it, for false-positive reports.
//!
//! One line per sentence: byte range, paragraph (block) number, the block kind when it is not a
//! plain paragraph, and the sentence text with quotations marked `«…»`; `[cites]` when it holds a
//! link or footnote. Under it, one line per quotation that starts in it, with its speaker.
use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use super::{EXIT_ERROR, InputArgs, InputKind};
use crate::document::settings::DocKind;
use crate::document::{BlockKind, Document};

pub fn sentences(path: &Path, input: &InputArgs) -> ExitCode {
    let is_stdin = path.as_os_str() == "-";
    let name = if is_stdin {
        input.stdin_filename.clone().unwrap_or_else(|| "<stdin>".into())
    } else {
        path.display().to_string()
    };
    let bytes = if is_stdin {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(path)
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!("copydesk: {name}: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("copydesk: {name}: not valid UTF-8");
        return ExitCode::from(EXIT_ERROR);
    };
    let kind = match input.kind {
        Some(InputKind::Markdown) => DocKind::Markdown,
        Some(InputKind::Text) => DocKind::Plain,
        None => Path::new(&name)
            .extension()
            .and_then(|e| e.to_str())
            .and_then(DocKind::from_extension)
            .unwrap_or(DocKind::Markdown),
    };
    let doc = Document::parse(&text, kind, &[]);
    print!("{}", render(&name, &doc));
    ExitCode::SUCCESS
}

fn one_line(s: &str) -> String {
    s.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }).collect()
}

/// The report printed by `copydesk debug sentences` (pure, so tests can check it exactly).
pub fn render(name: &str, doc: &Document) -> String {
    let mut out = String::new();
    let kind = match doc.kind {
        DocKind::Markdown => "markdown",
        DocKind::Plain => "plain text",
    };
    let _ = writeln!(
        out,
        "{name}: {kind}, {} blocks, {} sentences, {} quotations",
        doc.blocks.len(),
        doc.sentences.len(),
        doc.quotes.len()
    );
    if let Some(fm) = &doc.front_matter {
        let date =
            fm.date.as_ref().map_or("no date".to_string(), |(d, s)| format!("date {d} at {}..{}", s.start, s.end));
        let _ = writeln!(out, "front matter {}..{}, {date}", fm.span.start, fm.span.end);
    }
    for d in &doc.directives {
        let rules: Vec<&str> = d.rules.iter().map(|r| r.0.as_str()).collect();
        let rules = if rules.is_empty() { "all rules".to_string() } else { rules.join(", ") };
        let _ = writeln!(out, "directive {}..{} {:?} {rules}", d.span.start, d.span.end, d.kind);
    }
    let width = doc.text.len().to_string().len();
    let speakers = crate::attribution::speaker::speakers(doc);
    let mut q_iter = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        let block = &doc.blocks[s.block];
        let mut tag = String::new();
        if block.in_block_quote {
            tag.push_str("[>] ");
        }
        match block.kind {
            BlockKind::Heading => tag.push_str("[heading] "),
            BlockKind::ListItem => tag.push_str("[item] "),
            BlockKind::TableCell => tag.push_str("[cell] "),
            BlockKind::Paragraph => {}
        }
        // Quotation marks «…» inserted at the quotations' edges inside this sentence.
        let mut marks: Vec<(usize, &str)> = Vec::new();
        for q in doc.quotes.iter().filter(|q| !q.block_quote && q.span.overlaps(s.span)) {
            if s.span.contains(q.span.start) {
                marks.push((q.span.start, "«"));
            }
            if q.closed && q.span.end > s.span.start && q.span.end <= s.span.end {
                marks.push((q.span.end, "»"));
            }
        }
        marks.sort_by_key(|m| (m.0, m.1 == "«"));
        let mut body = String::new();
        let mut pos = s.span.start;
        for (at, m) in marks {
            body.push_str(&doc.text[pos..at]);
            body.push_str(m);
            pos = at;
        }
        body.push_str(&doc.text[pos..s.span.end]);
        let range = format!("{}..{}", s.span.start, s.span.end);
        let _ = writeln!(
            out,
            "{range:>w$}  ¶{:<3} {tag}{}{}",
            s.block + 1,
            one_line(&body),
            if s.cites { "  [cites]" } else { "" },
            w = 2 * width + 2
        );
        while q_iter < doc.quotes.len() && doc.quotes[q_iter].sentence <= i {
            let (qi, q) = (q_iter, &doc.quotes[q_iter]);
            q_iter += 1;
            let what = if q.block_quote {
                "block quote"
            } else if q.nested {
                "nested quote"
            } else if q.closed {
                "quote"
            } else {
                "open quote (no closing mark in this paragraph)"
            };
            let who = match &speakers[qi] {
                Some(sp) => format!(
                    "speaker \"{}\" ({}) at {}",
                    one_line(sp.name.slice(doc.text)),
                    one_line(sp.verb.slice(doc.text)),
                    sp.name.start.min(sp.verb.start)
                ),
                None if q.nested => String::new(),
                None => "no speaker".to_string(),
            };
            let _ = writeln!(out, "{:w$}  {what} {}..{} {who}", "", q.span.start, q.span.end, w = 2 * width + 2 + 5);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_ranges_blocks_quotes_speakers_and_cites() {
        let text = "# Pier deal\n\n“It is done,” said Ortiz. See [the memo](https://x.org).\n";
        let doc = Document::parse(text, DocKind::Markdown, &[]);
        let want = "t.md: markdown, 2 blocks, 3 sentences, 1 quotations\n \
                    2..11  ¶1   [heading] Pier deal\n\
                    13..42  ¶2   «“It is done,”» said Ortiz.\n\
                    \x20            quote 13..30 speaker \"Ortiz\" (said) at 31\n\
                    43..73  ¶2   See [the memo](https://x.org).  [cites]\n";
        assert_eq!(render("t.md", &doc), want);
    }

    #[test]
    fn renders_front_matter_directives_open_quotes_and_block_quotes() {
        let text = "---\ndate: 2025-01-02\n---\n<!-- copydesk-disable date -->\n\n\"Open\n\n> Line.\n";
        let doc = Document::parse(text, DocKind::Markdown, &[]);
        let out = render("a.md", &doc);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], "front matter 0..25, date 2025-01-02 at 10..20");
        assert_eq!(lines[2], "directive 25..55 Disable date");
        assert_eq!(lines[3], "57..62  ¶1   «\"Open");
        assert_eq!(lines[4].trim(), "open quote (no closing mark in this paragraph) 57..62 no speaker");
        assert_eq!(lines[5], "66..71  ¶2   [>] Line.");
        assert_eq!(lines[6].trim(), "block quote 64..71 no speaker");
    }
}
