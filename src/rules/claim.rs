//! The `claim/*` rules. STUB: lists no rules yet.
use super::{Context, Family, RuleMeta};
use crate::engine::{Document, Finding};

pub struct ClaimFamily;

static RULES: &[RuleMeta] = &[];

impl Family for ClaimFamily {
    fn name(&self) -> &'static str {
        "claim"
    }
    fn rules(&self) -> &'static [RuleMeta] {
        RULES
    }
    fn check(&self, _doc: &Document, _ctx: &Context, _out: &mut Vec<Finding>) {}
}
