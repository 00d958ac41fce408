//! Folding every surface into one deduplicated pattern list whose payload lists every
//! reading ("georgia": a country and a US state; "brest": two cities).

use std::collections::HashMap;

use super::{Gazetteer, SurfaceEntry};
use crate::normalize::fold;

/// Patterns for the matcher, and for pattern `i` every reading in `readings[i]`.
#[derive(Debug, Default)]
pub(crate) struct Compiled {
    pub patterns: Vec<String>,
    pub readings: Vec<Vec<SurfaceEntry>>,
    /// Per pattern, flags the mention passes compute once (`mention::casing::pattern_flags`).
    pub flags: Vec<u8>,
}

/// Folds and deduplicates the surfaces of `g` plus `extra` (role nouns, triggers …).
pub(crate) fn compile(g: &Gazetteer) -> Compiled {
    let mut index: HashMap<String, usize> = HashMap::with_capacity(g.surfaces.len());
    let mut out = Compiled::default();
    for (surface, entry) in &g.surfaces {
        let folded = fold(surface).trim().to_string();
        let i = *index.entry(folded).or_insert_with_key(|k| {
            out.patterns.push(k.clone());
            out.readings.push(Vec::new());
            out.patterns.len() - 1
        });
        let list = &mut out.readings[i];
        match list.iter_mut().find(|e| e.reading == entry.reading && e.acronym == entry.acronym) {
            Some(e) => e.langs |= entry.langs,
            None => list.push(*entry),
        }
    }
    out
}
