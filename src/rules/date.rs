//! The `date/*` rules. STUB: lists no rules yet.
use super::{Context, Family, RuleMeta};
use crate::engine::{Document, Finding};

pub struct DateFamily;

static RULES: &[RuleMeta] = &[];

impl Family for DateFamily {
    fn name(&self) -> &'static str {
        "date"
    }
    fn rules(&self) -> &'static [RuleMeta] {
        RULES
    }
    fn check(&self, _doc: &Document, _ctx: &Context, _out: &mut Vec<Finding>) {}
}
