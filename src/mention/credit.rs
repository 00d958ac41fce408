//! Pass 2b: agency credits are no mentions.
//!
//! "(Belga)", "(AFP)" in the dateline or closing the dispatch name the source of the text,
//! not an actor in it.

use super::{entity_reading, Cand, Ctx};
use crate::model::EntityKind;

/// How close to the end of the text a closing credit stands.
const CLOSING: usize = 24;

pub(super) fn drop_credits(ctx: &Ctx, cands: &mut Vec<Cand>) {
    cands.retain(|c| {
        let parenthesized = ctx.text.get(..c.span.start).is_some_and(|s| s.trim_end().ends_with('('))
            && ctx.text.get(c.span.end..).is_some_and(|s| s.trim_start().starts_with(')'));
        let placed = c.span.end <= ctx.dateline_end.max(1) + CLOSING || c.span.end + CLOSING >= ctx.text.trim_end().len();
        let organization = ctx
            .allowed(c)
            .all(|(_, e)| entity_reading(e).is_some_and(|(id, _)| ctx.gaz.entity(id).kind == EntityKind::Organization));
        !(parenthesized && placed && organization)
    });
}
