//! The `attribution/*` rules. STUB: lists no rules yet.
use super::{Context, Family, RuleMeta};
use crate::engine::{Document, Finding};

pub struct AttributionFamily;

static RULES: &[RuleMeta] = &[];

impl Family for AttributionFamily {
    fn name(&self) -> &'static str {
        "attribution"
    }
    fn rules(&self) -> &'static [RuleMeta] {
        RULES
    }
    fn check(&self, _doc: &Document, _ctx: &Context, _out: &mut Vec<Finding>) {}
}
