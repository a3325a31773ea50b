//! The document model, the ground floor above `text`: an article parsed into prose, blocks,
//! sentences, tokens, quotation spans and suppression directives (all byte ranges into the
//! original), plus what every layer above speaks in: [`Settings`], the reference date, and
//! [`Finding`] (which names its rule by id and knows nothing of the rule registry).
//!
//! *Boundary:* imports only `text`. Pure: no I/O, clock, environment, async or protocol types.
pub mod finding;
pub mod lexicon;
mod model;
mod parse;
pub mod refdate;
pub mod settings;
pub mod suppress;

pub use finding::{Applicability, Edit, Finding, Fix, Severity, apply_edits};
pub use model::*;
pub use refdate::{RefSource, Reference};
pub use settings::{DocKind, RuleSetting, Settings};
