//! Pass 2: readings the text rules out.
//!
//! * Adjectives, metonyms and role nouns are words of one language: they count only in a
//!   dispatch of that language.
//! * Acronyms (`UE`, `NATO`, `VN`) need capitals in the text: "un" is never the UN.
//! * Names need a capital somewhere ("la russie" in a slogan is not a mention), surnames
//!   need one at their start.
//! * A city whose name is a function word of any language ("Les", "Selon", "Of", "To",
//!   "Police") or one of the frequent words of the dispatch's language (`common_words.tsv`:
//!   "Golden", "Défense", "Reading") needs a capital and a place word before it ("à Police").
//! * A city's name followed by a capitalised head noun ("Buckingham Palace", "Oxford
//!   Street") is part of a longer name: no city.
//! * A month with a number after it or a month word before it is a date ("in March 2008",
//!   "since May"): never the town of March or Theresa May.

use super::{Cand, Ctx};
use crate::gazetteer::{Gazetteer, Reading, SurfaceEntry, SurfaceForm};
use crate::lang::{Lang, LangSet};
use crate::model::EntityKind;

pub(super) fn filter(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let lang_bit = 1u8 << ctx.lang.lang.index();
    for c in cands.iter_mut() {
        if is_date(ctx, c) {
            c.allowed = 0;
            continue;
        }
        let original = ctx.text.get(c.span.start..c.span.end).unwrap_or("");
        let list = ctx.readings.get(c.pattern as usize).map(Vec::as_slice).unwrap_or(&[]);
        for (i, e) in list.iter().enumerate().take(64) {
            if !keeps(ctx, c, original, e, lang_bit) {
                c.allowed &= !(1u64 << i);
            }
        }
    }
    cands.retain(|c| c.allowed != 0);
}

fn keeps(ctx: &Ctx, c: &Cand, original: &str, e: &SurfaceEntry, lang_bit: u8) -> bool {
    if e.acronym && !all_caps(original) {
        return false;
    }
    match e.reading {
        Reading::Role(_) => e.langs & lang_bit != 0,
        Reading::Entity { entity, form } => match form {
            SurfaceForm::Adjective | SurfaceForm::Metonym => e.langs & lang_bit != 0 && (form == SurfaceForm::Adjective || has_capital(original)),
            SurfaceForm::Short => starts_capital(original),
            SurfaceForm::Name => {
                if !has_capital(original) {
                    return false;
                }
                let rec = ctx.gaz.entity(entity);
                if rec.kind != EntityKind::City {
                    return true;
                }
                if heads_a_longer_name(ctx, c) {
                    return false;
                }
                // Frequent-word lists hold big places too ("paris", "moscou"): a capital or a
                // big city keeps its name.
                let big = rec.capital_of.is_some() || rec.population >= BIG_CITY;
                let flags = ctx.pattern_flags.get(c.pattern as usize).copied().unwrap_or(0);
                let common = !big && flags & lang_bit != 0;
                // A dateline opens with the dispatch's place: no place word needed there.
                let opening = ctx.text.len() - ctx.text.trim_start().len();
                let in_dateline = c.span.start == opening && c.span.end <= ctx.dateline_end;
                if !in_dateline && (common || flags & STOPWORD != 0) {
                    return starts_capital(original) && ctx.preceded_by(&ctx.lang.place_prepositions, c.fspan.start).is_some();
                }
                true
            }
        },
    }
}

/// "Buckingham Palace", "Oxford Street": a capitalised noun of the language's `name_heads`
/// right after the city's name.
fn heads_a_longer_name(ctx: &Ctx, c: &Cand) -> bool {
    let t = ctx.token_at(c.fspan.end);
    let Some(next) = ctx.tokens.get(t) else { return false };
    let capital = ctx.offsets.to_original(next.span).and_then(|s| ctx.text.get(s.start..s.end)).is_some_and(starts_capital);
    capital && ctx.lang.name_heads.match_at(ctx.folded, ctx.tokens, t).is_some()
}

/// A month of the dispatch's language with a number after it or a month word before it ("in
/// March 2008", "since May") is a date, not the town of March or Theresa May.
fn is_date(ctx: &Ctx, c: &Cand) -> bool {
    let folded = ctx.folded.get(c.fspan.start..c.fspan.end).unwrap_or("");
    if !ctx.lang.months.iter().any(|m| m == folded) {
        return false;
    }
    let t = ctx.token_at(c.fspan.end);
    let number_after = ctx.tokens.get(t).is_some_and(|k| k.text(ctx.folded).starts_with(|ch: char| ch.is_ascii_digit()));
    number_after || ctx.preceded_by(&ctx.lang.month_prepositions, c.fspan.start).is_some()
}

/// In [`pattern_flags`]: the surface is a function word of some language ("les", "of").
const STOPWORD: u8 = 0x80;

/// Per pattern of the matcher, what casing needs to know of its words, computed once when the
/// extractor is built: bit `Lang::index` when the surface is common in that language ("La
/// Défense" is as common as "la défense": every word is frequent and, for several words, one
/// is a function word; "San Francisco" and "Tel-Aviv" have none), and [`STOPWORD`].
pub(crate) fn pattern_flags(patterns: &[String], gaz: &Gazetteer, langs: &LangSet) -> Vec<u8> {
    patterns
        .iter()
        .map(|folded| {
            let words: Vec<&str> = folded.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            let function_word = words.len() == 1 || words.iter().any(|w| langs.is_stopword(w));
            let mut flags = if langs.is_stopword(folded) { STOPWORD } else { 0 };
            for lang in Lang::ALL {
                if function_word && !words.is_empty() && words.iter().all(|w| gaz.word_rank(w, lang).is_some()) {
                    flags |= 1 << lang.index();
                }
            }
            flags
        })
        .collect()
}

/// From this population on, a city's name is its own, even when it is also a frequent word.
const BIG_CITY: u64 = 1_000_000;

fn all_caps(s: &str) -> bool {
    s.chars().all(|c| !c.is_lowercase())
}

fn starts_capital(s: &str) -> bool {
    s.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
}

/// A capital at the start of one of the words.
fn has_capital(s: &str) -> bool {
    let mut prev_letter = false;
    for c in s.chars() {
        if c.is_uppercase() && !prev_letter {
            return true;
        }
        prev_letter = c.is_alphabetic();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals() {
        assert!(has_capital("Union européenne"));
        assert!(has_capital("la Maison Blanche"));
        assert!(has_capital("l'Élysée"));
        assert!(!has_capital("russie"));
        assert!(all_caps("UE"));
        assert!(!all_caps("Un"));
        assert!(starts_capital("Poutine"));
        assert!(!starts_capital("poutine"));
    }
}
