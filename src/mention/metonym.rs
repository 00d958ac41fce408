//! Pass 5: a capital that is not a place stands for its country's government.
//!
//! "Moscou considère le Belarus comme …", "le soutien de Moscou": metonyms of Russia.
//! "à Moscou", "in Moskou", "l'aéroport Cheremetievo de Moscou", "parti de Berlin", a city in
//! the dateline: the city itself.

use super::{Cand, Ctx};
use crate::model::MentionForm;

pub(super) fn capitals(ctx: &Ctx, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        if c.form != MentionForm::Name {
            continue;
        }
        let Some(id) = c.entity else { continue };
        let Some(country) = ctx.gaz.entity(id).capital_of else { continue };
        let in_dateline = c.span.end <= ctx.dateline_end;
        let place = ctx.preceded_by(&ctx.lang.place_prepositions, c.fspan.start).is_some() || after_place_noun(ctx, c);
        if !in_dateline && !place {
            c.entity = Some(country);
            c.form = MentionForm::Metonym;
        }
    }
}

/// "l'aéroport Cheremetievo de Moscou", "in de buitenwijken van Moskou": an "of" word before
/// the city, and a place noun or motion verb at most two words before that.
fn after_place_noun(ctx: &Ctx, c: &Cand) -> bool {
    let Some(of) = ctx.preceded_by(&ctx.lang.of, c.fspan.start) else { return false };
    (of.saturating_sub(3)..of).any(|t| ctx.lang.place_nouns.match_at(ctx.folded, ctx.tokens, t).is_some_and(|n| t + n <= of))
}
