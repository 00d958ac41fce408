//! From automaton hits to resolved mentions: small passes run in a fixed order, each in its
//! own file with its own tests.
//!
//! 1. `boundary`: hits mapped back to the original text (a hit inside the expansion of one
//!    char, like the `e` of `œ`, names no original text and is dropped).
//! 2. `casing`: readings that the text's casing, language or context rule out are dropped
//!    ("Les" is never a city; "UN" needs capitals; an adjective needs its language).
//!    It runs before `overlap` so that a reading ruled out cannot hide a shorter good one.
//!    `credit` then drops agency credits: "(Belga)" names the source, not an actor.
//! 3. `overlap`: the longest reading wins ("bélarusse", never "russe" inside it).
//! 4. `reading`: one reading per mention (a country before a city of the same name; among
//!    cities, one in a country the dispatch mentions, else the most populous).
//! 5. `metonym`: a capital not used as a place stands for its country ("Moscou considère").
//! 6. `role`: "son homologue russe" → the holder of the office on the dispatch date; a
//!    title before a name ("le président russe Vladimir Poutine") is recorded for
//!    `leader_of` and leaves the name as the mention.
//! 7. `partial`: surnames linked to a full name earlier or to a unique gazetteer person,
//!    with their title ("M. Loukachenko").
//! 8. `coref`: pronouns, possessives and plural references, kept aside for the relation
//!    engine; those a relation uses become `coref` mentions.
//! 9. `unknown`: a capitalised name after a person cue ("le principal opposant Viktor
//!    Babariko") that no gazetteer entry matched: a person with `"known": false`.
//!
//! After each pass the list is sorted, non-overlapping (from `overlap` on) and on char
//! boundaries (checked with `debug_assert!`).

mod boundary;
pub(crate) mod casing;
mod credit;
pub(crate) mod coref;
mod metonym;
mod overlap;
mod partial;
mod reading;
pub(crate) mod role;
pub(crate) mod unknown;

use std::ops::Range;

use crate::gazetteer::{Day, EntityId, Gazetteer, Reading, RoleKind, SurfaceEntry};
use crate::lang::LangData;
use crate::matcher::Hit;
use crate::model::MentionForm;
use crate::normalize::{FoldedSpan, OffsetMap, Span};
use crate::segment::Token;

/// Everything the passes read.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub folded: &'a str,
    pub offsets: &'a OffsetMap,
    pub tokens: &'a [Token],
    pub sentences: &'a [Range<usize>],
    pub lang: &'a LangData,
    pub gaz: &'a Gazetteer,
    pub readings: &'a [Vec<SurfaceEntry>],
    /// Per pattern, what casing needs of its words ([`casing::pattern_flags`]).
    pub pattern_flags: &'a [u8],
    /// The dispatch day, for offices; `None`: the current holders.
    pub day: Option<Day>,
    /// Original byte length of the dateline (a city there is the dispatch's place).
    pub dateline_end: usize,
}

impl Ctx<'_> {
    /// The readings a candidate still allows.
    pub fn allowed<'c>(&'c self, c: &'c Cand) -> impl Iterator<Item = (usize, &'c SurfaceEntry)> + 'c {
        let list = self.readings.get(c.pattern as usize).map(Vec::as_slice).unwrap_or(&[]);
        list.iter().enumerate().filter(move |(i, _)| *i < 64 && c.allowed & (1u64 << i) != 0)
    }

    /// Index of the first token that starts at or after folded offset `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// Index of the sentence holding token `t`.
    pub fn sentence_of(&self, t: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= t)
    }

    /// The tail of `cands` (sorted by position) that starts in sentence `s` or later: the
    /// window the backward-looking passes read, so that a long text costs no more per
    /// mention than a short one.
    pub fn since_sentence<'c>(&self, cands: &'c [Cand], s: usize) -> &'c [Cand] {
        let i = cands.partition_point(|c| self.sentence_of(self.token_at(c.fspan.start)) < s);
        &cands[i..]
    }

    /// Whether one of `words` ends just before folded offset `pos`, in the same sentence (a
    /// determiner closing a paragraph is not the next paragraph's): its first token.
    pub fn preceded_by(&self, words: &crate::lang::Words, pos: usize) -> Option<usize> {
        let t = self.token_at(pos);
        let sentence = self.sentence_of(t.min(self.tokens.len().saturating_sub(1)));
        words.match_before(self.folded, self.tokens, t).map(|n| t - n).filter(|&w| self.sentence_of(w) == sentence)
    }

    /// Whether folded offsets `a` and `b` lie in one sentence.
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence_of(self.token_at(a)) == self.sentence_of(self.token_at(b))
    }

    /// The holder of a role of `of` (a country or organization) on the dispatch day.
    pub fn holder(&self, kind: crate::gazetteer::OfficeKind, of: EntityId) -> Option<EntityId> {
        match self.day {
            Some(d) => self.gaz.holder(kind, of, d),
            None => self.gaz.terms(kind, of).filter(|o| o.end.is_none()).max_by_key(|o| o.start).map(|o| o.person),
        }
    }

    /// The offices a person holds on the dispatch day.
    pub fn offices_of(&self, person: EntityId) -> Vec<&crate::gazetteer::Office> {
        let day = self.day.unwrap_or(u32::MAX);
        let mut v: Vec<_> = self
            .gaz
            .offices_of(person)
            .iter()
            .filter(|o| o.holds_on(day) || (self.day.is_none() && o.end.is_none()))
            .collect();
        v.sort_by_key(|o| !o.kind.leads());
        v
    }
}

/// A candidate mention: a hit with the readings it still allows and, once chosen, its
/// entity and form.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub fspan: FoldedSpan,
    pub span: Span,
    pub pattern: u32,
    /// Bit `i` set: reading `i` of the pattern is still possible.
    pub allowed: u64,
    pub entity: Option<EntityId>,
    pub form: MentionForm,
    /// For a role noun: what it names.
    pub role: Option<RoleKind>,
}

impl Cand {
    pub fn len(&self) -> usize {
        self.fspan.len()
    }
}

/// A title before a name: "le dirigeant bélarusse Aleksandr Loukachenko".
#[derive(Debug, Clone, Copy)]
pub(crate) struct Title {
    pub span: FoldedSpan,
    pub kind: RoleKind,
    /// The country or organization of the office.
    pub of: EntityId,
    pub person: EntityId,
    /// Whether the office leads the country (a counterpart of a foreign minister does not).
    pub leads: bool,
}

/// What the passes produce.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    pub mentions: Vec<Cand>,
    pub titles: Vec<Title>,
    pub corefs: Vec<coref::Coref>,
    /// Persons the gazetteers do not know, and their mentions.
    pub unknown_persons: Vec<unknown::Person>,
    pub unknown: Vec<unknown::Unknown>,
}

/// Runs the passes in order over the hits of one document.
pub(crate) fn resolve(ctx: &Ctx, hits: &[Hit], out: &mut Resolved) {
    out.mentions.clear();
    out.titles.clear();
    out.corefs.clear();
    let cands = &mut out.mentions;
    boundary::candidates(ctx, hits, cands);
    casing::filter(ctx, cands);
    credit::drop_credits(ctx, cands);
    overlap::resolve(cands);
    check(ctx, cands);
    reading::choose(ctx, cands);
    metonym::capitals(ctx, cands);
    role::resolve(ctx, cands, &mut out.titles);
    check(ctx, cands);
    partial::resolve(ctx, cands);
    check(ctx, cands);
    coref::collect(ctx, cands, &mut out.corefs);
    unknown::collect(ctx, cands, &mut out.unknown_persons, &mut out.unknown);
}

/// The invariants every pass keeps.
fn check(ctx: &Ctx, cands: &[Cand]) {
    debug_assert!(cands.windows(2).all(|w| w[0].fspan.end <= w[1].fspan.start), "sorted, disjoint");
    debug_assert!(cands
        .iter()
        .all(|c| ctx.text.is_char_boundary(c.span.start) && ctx.text.is_char_boundary(c.span.end)));
    let _ = (ctx, cands);
}

/// Reading helpers shared by the passes.
pub(crate) fn entity_reading(e: &SurfaceEntry) -> Option<(EntityId, crate::gazetteer::SurfaceForm)> {
    match e.reading {
        Reading::Entity { entity, form } => Some((entity, form)),
        Reading::Role(_) => None,
    }
}
