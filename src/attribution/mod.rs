//! The attribution model: for each sentence, what (if anything) attributes it.
//! STUB: attributes nothing yet.
use crate::engine::{Document, Settings};

/// Per-sentence attribution, indexed like [`Document::sentences`].
#[derive(Clone, Debug, Default)]
pub struct AttributionModel {
    pub sentences: Vec<SentenceAttribution>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceAttribution {
    /// Attributed to a named source, a citation, an attributed quotation or by carry-over.
    pub attributed: bool,
}

impl AttributionModel {
    pub fn build(doc: &Document, _settings: &Settings) -> AttributionModel {
        AttributionModel { sentences: vec![SentenceAttribution::default(); doc.sentences.len()] }
    }
}
