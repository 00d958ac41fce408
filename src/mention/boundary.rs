//! Pass 1: hits become candidates once mapped back to the original text.

use super::{Cand, Ctx};
use crate::matcher::Hit;
use crate::model::MentionForm;

pub(super) fn candidates(ctx: &Ctx, hits: &[Hit], out: &mut Vec<Cand>) {
    out.clear();
    for h in hits {
        // A hit starting or ending inside the expansion of one char names no original text.
        let Some(span) = ctx.offsets.to_original(h.span) else { continue };
        let n = ctx.readings.get(h.pattern as usize).map_or(0, Vec::len).min(64);
        let allowed = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
        out.push(Cand { fspan: h.span, span, pattern: h.pattern, allowed, entity: None, form: MentionForm::Name, role: None });
    }
}
