//! Pass 7: surnames.
//!
//! "Poutine" after "Vladimir Poutine" is a `partial` mention of the same person. A surname
//! several gazetteer persons share goes to the one the dispatch named in full before; a
//! surname only one person has is linked even without a full name ("Loukachenko a dit").
//! A title before it belongs to the mention: "M. Loukachenko", "dhr. Rutte", "Mr. Biden".

use super::{entity_reading, Cand, Ctx};
use crate::gazetteer::{EntityId, SurfaceForm};
use crate::model::{EntityKind, MentionForm};
use crate::normalize::FoldedSpan;

pub(super) fn resolve(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let mut named: Vec<EntityId> = Vec::new();
    let mut keep = vec![true; cands.len()];
    for i in 0..cands.len() {
        let c = &cands[i];
        let is_person = c.entity.is_some_and(|e| ctx.gaz.entity(e).kind == EntityKind::Person);
        if c.form != MentionForm::Partial {
            if is_person && matches!(c.form, MentionForm::Name | MentionForm::Role) {
                named.extend(c.entity);
            }
            continue;
        }
        let persons: Vec<EntityId> = ctx
            .allowed(c)
            .filter_map(|(_, e)| entity_reading(e))
            .filter(|&(_, f)| f == SurfaceForm::Short)
            .map(|(id, _)| id)
            .collect();
        let chosen = named.iter().rev().find(|p| persons.contains(p)).copied().or(match persons.as_slice() {
            [only] => Some(*only),
            _ => None,
        });
        match chosen {
            Some(p) => {
                let c = &mut cands[i];
                c.entity = Some(p);
                if let Some(t) = ctx.preceded_by(&ctx.lang.titles, c.fspan.start) {
                    let fspan = FoldedSpan::new(ctx.tokens[t].span.start, c.fspan.end);
                    let free = i == 0 || cands_end(&cands[..i], &keep) <= fspan.start;
                    if let (true, Some(span)) = (free, ctx.offsets.to_original(fspan)) {
                        let c = &mut cands[i];
                        c.fspan = fspan;
                        c.span = span;
                    }
                }
                named.push(p);
            }
            None => keep[i] = false,
        }
    }
    let mut k = keep.into_iter();
    cands.retain(|_| k.next().unwrap_or(false));
}

/// End of the last kept candidate among `cands`.
fn cands_end(cands: &[Cand], keep: &[bool]) -> usize {
    cands.iter().zip(keep).rev().find(|(_, k)| **k).map_or(0, |(c, _)| c.fspan.end)
}
