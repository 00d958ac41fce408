//! Pass 7: surnames.
//!
//! "Poutine" after "Vladimir Poutine" is a `partial` mention of the same person. A surname
//! several gazetteer persons share goes to the one the dispatch named in full before; a
//! surname only one person has is linked even without a full name ("Loukachenko a dit"),
//! unless it is an everyday word: "Major" opening a sentence is the adjective, and "Moon"
//! elsewhere is Moon Jae-in only where South Korea or one of its places is named.
//! A title before it belongs to the mention: "M. Loukachenko", "dhr. Rutte", "Mr. Biden".

use crate::hash::FastSet as HashSet;

use super::{entity_reading, Cand, Ctx};
use crate::gazetteer::{EntityId, SurfaceForm};
use crate::model::{EntityKind, MentionForm};
use crate::normalize::FoldedSpan;

pub(super) fn resolve(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let countries = places_named(ctx, cands);
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
            [only] if alone_ok(ctx, c, *only, &countries) => Some(*only),
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

/// From this frequency rank on, a word is no everyday word ("Poetin" ranks 5,725 in Dutch,
/// "Friday" 1,166 and "Major" 503 in English).
const EVERYDAY: u32 = 3000;

/// Whether a surname found without the full name before it may be taken for `person`. An
/// everyday word of the dispatch's language ("Major", "Brown", "Moon") is the word itself at
/// the start of a sentence unless a title stands before it ("Mr. Major"); elsewhere it also
/// needs the person's country, or a place in it, named in the dispatch.
fn alone_ok(ctx: &Ctx, c: &Cand, person: EntityId, countries: &HashSet<EntityId>) -> bool {
    let word = ctx.folded.get(c.fspan.start..c.fspan.end).unwrap_or("");
    if ctx.gaz.word_rank(word, ctx.lang.lang).is_none_or(|r| r > EVERYDAY) {
        return true;
    }
    if ctx.preceded_by(&ctx.lang.titles, c.fspan.start).is_some() {
        return true;
    }
    !sentence_initial(ctx, c.fspan.start) && ctx.gaz.entity(person).country.is_some_and(|k| countries.contains(&k))
}

/// The countries the dispatch names (the languages' home countries too), with those of the
/// places it names ("in Sotsji").
fn places_named(ctx: &Ctx, cands: &[Cand]) -> HashSet<EntityId> {
    let mut out: HashSet<EntityId> = ctx.lang.home_countries.iter().filter_map(|id| ctx.gaz.by_id.get(id).copied()).collect();
    for e in cands.iter().filter_map(|c| c.entity) {
        let rec = ctx.gaz.entity(e);
        match rec.kind {
            EntityKind::Country => {
                out.insert(e);
            }
            EntityKind::City => out.extend(rec.country),
            _ => {}
        }
    }
    out
}

/// Whether the token at folded offset `start` opens a sentence (quotes and dashes aside).
fn sentence_initial(ctx: &Ctx, start: usize) -> bool {
    let t = ctx.token_at(start);
    let mut p = t;
    while p > 0 {
        if ctx.tokens.get(p).is_some_and(|k| k.newline_before) {
            return true;
        }
        p -= 1;
        match ctx.tokens[p].text(ctx.folded) {
            "\"" | "'" | "«" | "»" | "(" | "-" | "—" | "–" => continue,
            text => return matches!(text, "." | "!" | "?" | ":"),
        }
    }
    true
}

/// End of the last kept candidate among `cands`.
fn cands_end(cands: &[Cand], keep: &[bool]) -> usize {
    cands.iter().zip(keep).rev().find(|(_, k)| **k).map_or(0, |(c, _)| c.fspan.end)
}
