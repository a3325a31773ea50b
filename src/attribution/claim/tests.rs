//! Each class with its clean look-alikes, in our own words.
use super::super::sentence::{ClaimKind, Extras, analyse};
use crate::text::Span;

fn kind(t: &str) -> Option<ClaimKind> {
    analyse(t, Span::new(0, t.len()), &[], &Extras::default()).checkable.map(|c| c.kind)
}

fn cue(t: &str) -> Option<String> {
    analyse(t, Span::new(0, t.len()), &[], &Extras::default()).checkable.map(|c| c.cue.slice(t).to_string())
}
