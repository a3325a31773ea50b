//! The `directive/*` rules. STUB: lists no rules yet.
use super::{Context, Family, RuleMeta};
use crate::engine::{Document, Finding};

pub struct DirectiveFamily;

static RULES: &[RuleMeta] = &[];

impl Family for DirectiveFamily {
    fn name(&self) -> &'static str {
        "directive"
    }
    fn rules(&self) -> &'static [RuleMeta] {
        RULES
    }
    fn check(&self, _doc: &Document, _ctx: &Context, _out: &mut Vec<Finding>) {}
}
