//! Pass 8: pronouns, possessives and plural references, resolved by salience.
//!
//! * "il", "celui-ci", "hij", "he": the first person named in the sentence before it (the
//!   subject, usually) that does not follow a preposition of the language's `oblique` list
//!   ("avec Vladimir Poutine"), else the first one of the previous sentence.
//! * "lui": the last person or country before it that is not its subject ("la Russie, qui
//!   lui fournit": "lui" is not Russia); "hem", "him": the same, persons only.
//! * "son pays", "zijn land": the country of the person "il" would be.
//! * "les deux dirigeants", "beide leiders", "the two leaders": the last two persons named.
//!
//! These stay aside: the relation engine uses them as arguments, and only those it uses
//! become `coref` mentions.

use super::{Cand, Ctx};
use crate::gazetteer::EntityId;
use crate::lang::Words;
use crate::model::{EntityKind, MentionForm};
use crate::normalize::{FoldedSpan, Span};

/// What a reference stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CorefKind {
    Person,
    Object,
    PersonObject,
    Country,
    Plural,
}

/// A resolved reference.
#[derive(Debug, Clone)]
pub(crate) struct Coref {
    pub fspan: FoldedSpan,
    pub span: Span,
    pub entities: Vec<EntityId>,
}

pub(super) fn collect(ctx: &Ctx, cands: &[Cand], out: &mut Vec<Coref>) {
    out.clear();
    let lists: [(&Words, CorefKind); 5] = [
        (&ctx.lang.plural_refs, CorefKind::Plural),
        (&ctx.lang.possessive_country, CorefKind::Country),
        (&ctx.lang.person_pronouns, CorefKind::Person),
        (&ctx.lang.object_pronouns, CorefKind::Object),
        (&ctx.lang.person_objects, CorefKind::PersonObject),
    ];
    let mut m = 0; // first mention not ending before the token
    let mut t = 0;
    while t < ctx.tokens.len() {
        let tok = ctx.tokens[t];
        while m < cands.len() && cands[m].fspan.end <= tok.span.start {
            m += 1;
        }
        let inside = cands.get(m).is_some_and(|c| c.fspan.start <= tok.span.start);
        let found = (!inside && tok.word && ctx.lang.references.starts_with_token(ctx.folded, &tok))
            .then(|| lists.iter().find_map(|(w, k)| w.match_at(ctx.folded, ctx.tokens, t).map(|n| (n, *k))))
            .flatten();
        let Some((n, kind)) = found else {
            t += 1;
            continue;
        };
        let fspan = FoldedSpan::new(tok.span.start, ctx.tokens[t + n - 1].span.end);
        let before = &cands[..m];
        let entities = match kind {
            CorefKind::Person => subject(ctx, before, t).into_iter().collect(),
            CorefKind::Country => subject(ctx, before, t).and_then(|p| ctx.gaz.entity(p).country).into_iter().collect(),
            CorefKind::Object => object(ctx, before, t, &[EntityKind::Person, EntityKind::Country]).into_iter().collect(),
            CorefKind::PersonObject => object(ctx, before, t, &[EntityKind::Person]).into_iter().collect(),
            CorefKind::Plural => last_persons(ctx, before, t, 2),
        };
        let complete = if kind == CorefKind::Plural { entities.len() == 2 } else { entities.len() == 1 };
        if let (true, Some(span)) = (complete, ctx.offsets.to_original(fspan)) {
            out.push(Coref { fspan, span, entities });
        }
        t += n;
    }
}

fn is_person(ctx: &Ctx, c: &Cand) -> bool {
    c.entity.is_some_and(|e| ctx.gaz.entity(e).kind == EntityKind::Person)
}

/// The first person of the sentence of token `t` named before it and not after an oblique
/// preposition, else of the nearest of the three sentences before that names one.
fn subject(ctx: &Ctx, before: &[Cand], t: usize) -> Option<EntityId> {
    let s = ctx.sentence_of(t);
    let window = ctx.since_sentence(before, s.saturating_sub(LOOK_BACK));
    for sentence in (s.saturating_sub(LOOK_BACK)..=s).rev() {
        let mut persons = window
            .iter()
            .filter(|c| ctx.sentence_of(ctx.token_at(c.fspan.start)) == sentence)
            .filter(|c| is_person(ctx, c))
            .peekable();
        let Some(&first) = persons.peek() else { continue };
        // A person after "avec", "met", "with" … is not the subject; when every person of the
        // sentence is, the first one stands.
        let subject = persons.find(|c| ctx.preceded_by(&ctx.lang.oblique, c.fspan.start).is_none());
        return subject.unwrap_or(first).entity;
    }
    None
}

/// How many sentences back a pronoun looks for its person.
const LOOK_BACK: usize = 3;

/// The last person or country before token `t`, in its sentence or the ones before, that
/// is not the subject next to it: not one heading a relative clause ("la Russie, qui lui
/// fournit"), not one in the same stretch without punctuation ("ontving Mette Frederiksen
/// hem": "hem" is not Frederiksen).
fn object(ctx: &Ctx, before: &[Cand], t: usize, kinds: &[EntityKind]) -> Option<EntityId> {
    let s = ctx.sentence_of(t);
    ctx.since_sentence(before, s.saturating_sub(LOOK_BACK))
        .iter()
        .rev()
        .filter(|c| c.form != MentionForm::Adjective)
        .filter(|c| c.entity.is_some_and(|e| kinds.contains(&ctx.gaz.entity(e).kind)))
        .filter(|c| !same_stretch(ctx, c, t))
        .find(|c| !heads_relative(ctx, c))
        .and_then(|c| c.entity)
}

/// Whether only words lie between a mention and token `t`.
fn same_stretch(ctx: &Ctx, c: &Cand, t: usize) -> bool {
    let from = ctx.token_at(c.fspan.end);
    ctx.tokens.get(from..t).is_some_and(|between| between.iter().all(|k| k.word || k.text(ctx.folded) == "'"))
}

/// "la Russie, qui …": the mention is followed by a relative pronoun.
pub(crate) fn heads_relative(ctx: &Ctx, c: &Cand) -> bool {
    let mut t = ctx.token_at(c.fspan.end);
    if ctx.tokens.get(t).is_some_and(|k| k.text(ctx.folded) == ",") {
        t += 1;
    }
    ctx.lang.relative.match_at(ctx.folded, ctx.tokens, t).is_some()
}

/// The last `n` distinct persons named before token `t`, in its sentence or the two before.
fn last_persons(ctx: &Ctx, before: &[Cand], t: usize, n: usize) -> Vec<EntityId> {
    let mut out: Vec<EntityId> = Vec::new();
    // The persons of this sentence and the two before it.
    let window = ctx.since_sentence(before, ctx.sentence_of(t).saturating_sub(2));
    for c in window.iter().rev() {
        if let (true, Some(e)) = (is_person(ctx, c), c.entity) {
            if !out.contains(&e) {
                out.push(e);
                if out.len() == n {
                    break;
                }
            }
        }
    }
    out.sort();
    out
}
