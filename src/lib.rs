//! copydesk: a copy desk in the writer's editor.
//!
//! The crate has a pure analysis core and two front ends:
//!
//! * [`text`], [`document`], [`attribution`], [`dates`], [`lexicon`], [`rules`] and [`engine`] are pure: article
//!   text and [`document::Settings`] in, an [`engine::Report`] out. No I/O, no clock, no async, no
//!   protocol types.
//! * [`config`] finds and parses `copydesk.toml` (the only module besides the front ends that reads files).
//! * [`cli`] is the `copydesk` command line; [`lsp`] (cargo feature `lsp`) is the language server.
//!
//! See ARCHITECTURE.md for the code map and its invariants.

pub mod attribution;
pub mod cli;
pub mod config;
pub mod dates;
pub mod document;
pub mod engine;
pub mod lexicon;
#[cfg(feature = "lsp")]
pub mod lsp;
pub mod rules;
pub mod text;

pub use document::Settings;
pub use engine::{Report, check};
