//! Pass 6: role phrases.
//!
//! A role noun with a country — "son homologue russe", "le dirigeant du Kremlin",
//! "de Franse president", "the Chinese leader" — names whoever held that office on the
//! dispatch date; the phrase (determiner, noun and country word) becomes one `role`
//! mention of that person.
//!
//! A role phrase directly followed by a person's name is a title ("le président russe
//! Vladimir Poutine"): the name stays the mention, the adjective stays an adjective, and a
//! [`Title`] is recorded for the `leader_of` rules. A counterpart phrase ("son homologue
//! russe Vladimir Poutine") stays a role mention even then: it is resolved through another
//! person, not a title.

use super::{Cand, Ctx, Title};
use crate::gazetteer::{EntityId, RoleKind};
use crate::model::{EntityKind, MentionForm};
use crate::normalize::FoldedSpan;

pub(super) fn resolve(ctx: &Ctx, cands: &mut Vec<Cand>, titles: &mut Vec<Title>) {
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    let mut i = 0;
    while i < cands.len() {
        let Some(kind) = cands[i].role.filter(|_| cands[i].form == MentionForm::Role) else {
            out.push(cands[i].clone());
            i += 1;
            continue;
        };
        let Some(phrase) = phrase(ctx, cands, i) else {
            // A bare role noun ("le président du pays") names nobody we can tell.
            i += 1;
            continue;
        };
        let (person, leads) = holder(ctx, cands, &out, kind, phrase.of, i);
        let next = next_person(ctx, cands, phrase.last + 1);
        let start = ctx.preceded_by(&ctx.lang.determiners, cands[phrase.first].fspan.start).map_or(cands[phrase.first].fspan.start, |t| ctx.tokens[t].span.start);
        let fspan = FoldedSpan::new(start, cands[phrase.last].fspan.end);
        if let Some(n) = next {
            let named = cands[n].entity.unwrap_or(EntityId(u32::MAX));
            titles.push(Title { span: fspan, kind, of: phrase.of, person: named, leads });
        }
        match (person, next) {
            (Some(p), next) if next.is_none() || kind == RoleKind::Counterpart => {
                if let Some(span) = ctx.offsets.to_original(fspan) {
                    // Drop what the phrase swallows (the determiner is no candidate).
                    while out.last().is_some_and(|c| c.fspan.end > fspan.start) {
                        out.pop();
                    }
                    out.push(Cand { fspan, span, entity: Some(p), form: MentionForm::Role, role: Some(kind), ..cands[i].clone() });
                    i = phrase.last + 1;
                    continue;
                }
                keep_country_words(cands, &phrase, i, &mut out);
            }
            // A title, or a role nobody held: the country word stays a mention.
            _ => keep_country_words(cands, &phrase, i, &mut out),
        }
        i = phrase.last + 1;
    }
    *cands = out;
}

/// Pushes the candidates of the phrase other than the role noun (adjective, country name).
fn keep_country_words(cands: &[Cand], phrase: &Phrase, role: usize, out: &mut Vec<Cand>) {
    for (j, c) in cands.iter().enumerate().take(phrase.last + 1).skip(phrase.first) {
        // `out` is sorted and disjoint: a candidate already kept, or swallowed by the role
        // phrase before ("premier Russische president": "Russische" went to the first), can
        // only be under its last one.
        if j != role && out.last().is_none_or(|o| o.fspan.end <= c.fspan.start) {
            out.push(c.clone());
        }
    }
}

/// A role noun with its country word: candidates `first..=last`, `of` the country.
struct Phrase {
    first: usize,
    last: usize,
    of: EntityId,
}

/// The folded text between candidates `a` and `b`, when they lie in one sentence: a role
/// phrase does not run across a sentence break ("the Russian\n\nPresident" is two
/// paragraphs).
fn gap<'t>(ctx: &Ctx<'t>, a: &Cand, b: &Cand) -> Option<&'t str> {
    ctx.folded.get(a.fspan.end..b.fspan.start).filter(|_| ctx.same_sentence(a.fspan.start, b.fspan.start))
}

/// Only spaces between `a` and `b`, in one sentence.
fn adjacent(ctx: &Ctx, a: &Cand, b: &Cand) -> bool {
    gap(ctx, a, b).is_some_and(|g| g.trim().is_empty())
}

fn phrase(ctx: &Ctx, cands: &[Cand], i: usize) -> Option<Phrase> {
    let adjective = |c: &Cand| c.form == MentionForm::Adjective;
    // "homologue russe" (French order).
    if let Some(next) = cands.get(i + 1) {
        if adjective(next) && adjacent(ctx, &cands[i], next) {
            return Some(Phrase { first: i, last: i + 1, of: next.entity? });
        }
    }
    // "Russische ambtgenoot", "Chinese leader".
    if i > 0 && adjective(&cands[i - 1]) && adjacent(ctx, &cands[i - 1], &cands[i]) {
        return Some(Phrase { first: i - 1, last: i, of: cands[i - 1].entity? });
    }
    // "dirigeant du Kremlin", "president van Rusland", "président de la Commission".
    let next = cands.get(i + 1)?;
    gap(ctx, &cands[i], next)?;
    let t = ctx.token_at(cands[i].fspan.end);
    let n = ctx.lang.of.match_at(ctx.folded, ctx.tokens, t)?;
    let after = ctx.tokens.get(t + n)?;
    let of = next.entity?;
    let kind = ctx.gaz.entity(of).kind;
    let fits = matches!(next.form, MentionForm::Name | MentionForm::Metonym)
        && matches!(kind, EntityKind::Country | EntityKind::Organization);
    (after.span.start == next.fspan.start && fits).then_some(Phrase { first: i, last: i + 1, of })
}

/// The person a role names on the dispatch day, and whether the office leads the country.
fn holder(ctx: &Ctx, cands: &[Cand], resolved: &[Cand], kind: RoleKind, of: EntityId, i: usize) -> (Option<EntityId>, bool) {
    match kind {
        RoleKind::Office(k) => (ctx.holder(k, of), k.leads()),
        RoleKind::Leader => (ctx.gaz.entity(of).leader.and_then(|k| ctx.holder(k, of)), true),
        RoleKind::Counterpart => {
            // The person the text is about: the last one named before, from elsewhere.
            let sentence = ctx.sentence_of(ctx.token_at(cands[i].fspan.start));
            let anchor = ctx.since_sentence(resolved, sentence.saturating_sub(1)).iter().rev().find_map(|c| {
                let p = c.entity?;
                let e = ctx.gaz.entity(p);
                (e.kind == EntityKind::Person && e.country != Some(of)).then_some(p)
            });
            let office = anchor.and_then(|a| ctx.offices_of(a).first().map(|o| o.kind));
            match office {
                Some(k) => (ctx.holder(k, of), k.leads()),
                None => (ctx.gaz.entity(of).leader.and_then(|k| ctx.holder(k, of)), true),
            }
        }
    }
}

/// The person candidate right after candidate `j - 1` (after spaces or a comma, in the same
/// sentence), if any.
fn next_person(ctx: &Ctx, cands: &[Cand], j: usize) -> Option<usize> {
    let c = cands.get(j)?;
    let prev = cands.get(j.checked_sub(1)?)?;
    let gap = gap(ctx, prev, c)?;
    let person = c.entity.is_some_and(|e| ctx.gaz.entity(e).kind == EntityKind::Person)
        && matches!(c.form, MentionForm::Name | MentionForm::Partial);
    (person && gap.trim_matches(|ch: char| ch.is_whitespace() || ch == ',').is_empty()).then_some(j)
}
