//! Pass 5: a capital that is not a place stands for its country's government.
//!
//! "Moscou considère le Belarus comme …", "le soutien de Moscou": metonyms of Russia.
//! "à Moscou", "in Moskou", a city in the dateline: the city itself.

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
        let place = ctx.preceded_by(&ctx.lang.place_prepositions, c.fspan.start).is_some();
        if !in_dateline && !place {
            c.entity = Some(country);
            c.form = MentionForm::Metonym;
        }
    }
}
