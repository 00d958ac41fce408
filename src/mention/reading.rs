//! Pass 4: one reading per candidate.
//!
//! A country's name before an organization's, a person's, a metonym, an adjective of the
//! dispatch's language, a city's (a city after a place word before the adjective: "in Brits"),
//! a surname (first of all after a title: "M. Imamoglu" is no town); a role noun only when
//! nothing else fits. Among cities of one name, a world city wins (a capital of 250,000
//! people, any city of a million: "Paris" in English is not Paris, Texas), then one in a
//! country the dispatch names ("Brest" in a dispatch about Belarus), then one in a country
//! where its language is spoken, then the most populous.

use crate::hash::FastSet as HashSet;

use super::{entity_reading, Cand, Ctx};
use crate::gazetteer::{EntityId, Reading, SurfaceForm};
use crate::model::{EntityKind, MentionForm};

pub(super) fn choose(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let named = named_countries(ctx, cands);
    let home: HashSet<EntityId> = ctx.lang.home_countries.iter().filter_map(|id| ctx.gaz.by_id.get(id).copied()).collect();
    let countries: HashSet<EntityId> = named.union(&home).copied().collect();
    for c in cands.iter_mut() {
        let place = ctx.preceded_by(&ctx.lang.place_prepositions, c.fspan.start).is_some();
        // "M. Imamoglu", "Mr. Major": after a personal title, a surname is the reading.
        let titled = ctx.preceded_by(&ctx.lang.titles, c.fspan.start).is_some();
        let best = ctx
            .allowed(c)
            .filter_map(|(_, e)| entity_reading(e))
            .min_by_key(|&(id, form)| {
                let rank = if titled && form == SurfaceForm::Short { 0 } else { rank(ctx, id, form, place) };
                let ent = ctx.gaz.entity(id);
                (rank, standing(ent, &named, &home), std::cmp::Reverse(ent.population), id)
            });
        // A city abroad is named with its country: a city (not a capital, under 250,000
        // people) whose country the dispatch never names, that is not in a country where the
        // dispatch's language is spoken, and not in the dateline, is a homonym ("Bāli" in
        // India for the island of Bali).
        let homonym = best.is_some_and(|(id, form)| {
            let e = ctx.gaz.entity(id);
            form == SurfaceForm::Name
                && e.kind == EntityKind::City
                && e.capital_of.is_none()
                && e.population < SMALL_CITY
                && e.country.is_some_and(|k| !countries.contains(&k))
                && c.span.end > ctx.dateline_end
        });
        if homonym {
            c.allowed = 0;
            continue;
        }
        if let Some((id, form)) = best {
            c.entity = Some(id);
            c.form = match form {
                SurfaceForm::Name => MentionForm::Name,
                SurfaceForm::Short => MentionForm::Partial,
                SurfaceForm::Adjective => MentionForm::Adjective,
                SurfaceForm::Metonym => MentionForm::Metonym,
            };
        } else {
            let role = ctx.allowed(c).find_map(|(_, e)| match e.reading {
                Reading::Role(r) => Some(r),
                Reading::Entity { .. } => None,
            });
            c.role = role;
            c.form = MentionForm::Role;
        }
    }
    cands.retain(|c| c.allowed != 0);
}

/// Below this population, a city needs its country named in the dispatch.
const SMALL_CITY: u64 = 250_000;

/// From this population on, a city is the one a reader thinks of before a namesake in a
/// country the dispatch names or where its language is spoken ("Paris" in English is not
/// Paris, Texas); a capital, from SMALL_CITY on ("Washington" in a dispatch about Britain is
/// not the town near Sunderland).
const WORLD_CITY: u64 = 1_000_000;

/// How readily an entity of one name is the one meant, lowest first: a world city (a
/// capital of SMALL_CITY people or more, any city of WORLD_CITY), one in a country the
/// dispatch names, one in a country where the dispatch's language is spoken, anything else.
fn standing(e: &crate::gazetteer::EntityRec, named: &HashSet<EntityId>, home: &HashSet<EntityId>) -> u8 {
    let world = e.kind == EntityKind::City
        && (e.population >= WORLD_CITY || (e.capital_of.is_some() && e.population >= SMALL_CITY));
    match e.country {
        None => 0,
        _ if world => 0,
        Some(k) if named.contains(&k) => 1,
        Some(k) if home.contains(&k) => 2,
        _ => 3,
    }
}

fn rank(ctx: &Ctx, id: EntityId, form: SurfaceForm, place: bool) -> u8 {
    match (form, ctx.gaz.entity(id).kind) {
        (SurfaceForm::Name, EntityKind::Country) => 0,
        (SurfaceForm::Name, EntityKind::Organization) => 1,
        (SurfaceForm::Name, EntityKind::Person) => 2,
        (SurfaceForm::Metonym, _) => 3,
        (SurfaceForm::Name, EntityKind::City) if place => 4,
        // The casing pass kept only adjectives of the dispatch's language.
        (SurfaceForm::Adjective, _) => 5,
        (SurfaceForm::Name, EntityKind::City) => 6,
        (SurfaceForm::Short, _) => 7,
    }
}

/// Countries named without ambiguity (a candidate whose every reading is that country), and
/// the country of a city in the dateline.
fn named_countries(ctx: &Ctx, cands: &[Cand]) -> HashSet<EntityId> {
    let mut out: HashSet<EntityId> = HashSet::default();
    for c in cands {
        if c.span.end <= ctx.dateline_end {
            out.extend(ctx.allowed(c).filter_map(|(_, e)| entity_reading(e)).filter_map(|(id, _)| ctx.gaz.entity(id).country));
        }
        let mut ids = ctx.allowed(c).map(|(_, e)| entity_reading(e).map(|(id, _)| id));
        if let Some(Some(first)) = ids.next() {
            if ctx.gaz.entity(first).kind == EntityKind::Country && ids.all(|i| i == Some(first)) {
                out.insert(first);
            }
        }
    }
    out
}
