//! Builds a [`Document`]: Markdown or plain text into blocks, sentences, tokens, quotations and
//! directives. STUB: one block per paragraph, one sentence per paragraph; replaced by the real
//! parser (pulldown-cmark with source offsets).
use super::document::*;
use super::settings::DocKind;
use crate::text::Span;

pub fn parse<'a>(text: &'a str, kind: DocKind, _extra_abbreviations: &[String]) -> Document<'a> {
    let mut doc = Document {
        text,
        kind,
        prose: text.to_string(),
        front_matter: None,
        blocks: Vec::new(),
        sentences: Vec::new(),
        tokens: Vec::new(),
        quotes: Vec::new(),
        directives: Vec::new(),
    };
    let mut start = 0;
    for para in text.split("\n\n") {
        let end = start + para.len();
        let trimmed = para.trim();
        if !trimmed.is_empty() {
            let s = start + (para.len() - para.trim_start().len());
            let span = Span::new(s, s + trimmed.len());
            let b = doc.blocks.len();
            doc.sentences.push(Sentence { span, block: b, cites: false, tokens: 0..0 });
            doc.blocks.push(Block {
                kind: BlockKind::Paragraph,
                span,
                in_block_quote: false,
                sentences: doc.sentences.len() - 1..doc.sentences.len(),
            });
        }
        start = end + 2;
    }
    doc
}
