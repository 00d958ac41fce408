//! Scoring against gold annotations: what `wirelink eval DIR` and `tests/gold.rs` compute.
//!
//! A gold file is a [`Document`] of `CONTRACT.md` plus the gold-only keys (`optional`,
//! `must_not`, `note`, arrays of acceptable ids); [`GoldDocument`] reads it. [`score`] pairs
//! each gold document with the system's [`Document`] and returns a [`Report`]: micro
//! P/R/F1 of entities, mentions (exact and loose) and relations, overall, per language and
//! per relation type, with every miss, extra and `must_not` hit named by file. Gold may also
//! be brat standoff: [`GoldDocument::from_brat`].
//!
//! ```
//! # use wirelink::eval::{score, GoldDocument, Thresholds};
//! # fn run(gold_json: &str, system: wirelink::Document) -> Result<(), serde_json::Error> {
//! let gold = GoldDocument::from_json(gold_json)?;
//! let report = score(&[(gold, system)]);
//! println!("{report}");
//! for failure in report.check(&Thresholds { relations_f1: Some(0.8), ..Thresholds::default() }) {
//!     eprintln!("{failure}");
//! }
//! # Ok(()) }
//! ```
//!
//! # How items are paired
//!
//! Each layer of each document is one bipartite matching: required gold items against system
//! items, then the optional gold items against the system items left over. A system item
//! paired with a required gold item is a true positive, one paired with an optional gold item
//! counts nothing, the rest are false positives; an unpaired required gold item is a miss.
//! Matching (rather than "has an equal somewhere") keeps one system item from answering for
//! two gold items, which matters once spans may overlap (loose mentions) and gold arguments
//! accept several ids.
//!
//! Relations are sets of keys, `(type, negated, core role → set of ids)`, on both sides: a
//! system that says the same thing twice says it once. For the same reason two gold relations
//! that one system key satisfies (the oil supply `RUS → BLR` and the vaccine supply
//! `RUS|vladimir-putin → BLR`) collapse onto that key: the second is not a miss. A system key
//! that a `must_not` entry accepts is reported as a hit and counted as a false positive; it is
//! never paired with gold. A `must_not` entry whose `modality` is `planned` or `hypothetical`
//! forbids the relation *taken as real* ("a hypothetical meeting taken as real", CONTRACT.md):
//! it catches a key only when the system gives it as asserted or reported, so a plan the
//! system marks as planned is no hit.
//!
//! # Cost
//!
//! Quadratic in the number of mentions of one document (every gold mention is tried against
//! every system mention); negligible next to extraction for dispatch-sized documents.

mod brat;
mod gold;
mod report;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Document, Entity, EntityKind, Mention, Modality, Relation, RelationKind};

pub use brat::BratError;
pub use gold::{GoldArgument, GoldDocument, GoldIds, GoldMention, GoldRelation};
pub use report::{Counts, Finding, Report, Scores, Thresholds};
use report::json_name;

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/// Scores every system document against its gold and adds the results up.
///
/// Per-language lines use the gold `lang`. Pure and deterministic: the same input always gives
/// the same report, findings in input order.
pub fn score(docs: &[(GoldDocument, Document)]) -> Report {
    let mut report = Report::default();
    for (i, (gold, system)) in docs.iter().enumerate() {
        let file = gold.file.clone().or_else(|| system.file.clone()).unwrap_or_else(|| format!("#{}", i + 1));
        report.add(gold.lang, score_document(gold, system, &file));
    }
    report
}

/// One document's contribution to a [`Report`].
#[derive(Default)]
pub(super) struct DocResult {
    scores: Scores,
    per_relation: BTreeMap<RelationKind, Counts>,
    misses: Vec<Finding>,
    extras: Vec<Finding>,
    must_not: Vec<Finding>,
}

fn finding(file: &str, what: String) -> Finding {
    Finding { file: file.to_owned(), what }
}

fn score_document(gold: &GoldDocument, system: &Document, file: &str) -> DocResult {
    let mut out = DocResult { scores: Scores { documents: 1, ..Scores::default() }, ..DocResult::default() };
    score_entities(gold, system, file, &mut out);
    score_mentions(gold, system, file, &mut out);
    score_relations(gold, system, file, &mut out);
    out
}

/// How one layer of one document paired up (see the module docs).
struct Alignment {
    /// Required gold items paired with a system item.
    tp: usize,
    /// Indices of the required gold items left unpaired.
    missed: Vec<usize>,
    /// Indices of the system items paired with nothing.
    extras: Vec<usize>,
}

impl Alignment {
    fn counts(&self) -> Counts {
        Counts { tp: self.tp, fp: self.extras.len(), fn_: self.missed.len() }
    }
}

/// Pairs required gold items with system items, then optional gold items with what is left.
fn align<G, S>(required: &[G], optional: &[G], system: &[S], accepts: impl Fn(&G, &S) -> bool) -> Alignment {
    let first = max_matching(required.len(), system.len(), |g, s| accepts(&required[g], &system[s]));
    let taken: BTreeSet<usize> = first.iter().flatten().copied().collect();
    let rest: Vec<usize> = (0..system.len()).filter(|s| !taken.contains(s)).collect();
    let second = max_matching(optional.len(), rest.len(), |g, k| accepts(&optional[g], &system[rest[k]]));
    let absorbed: BTreeSet<usize> = second.iter().flatten().map(|&k| rest[k]).collect();
    Alignment {
        tp: taken.len(),
        missed: (0..required.len()).filter(|&g| first[g].is_none()).collect(),
        extras: rest.into_iter().filter(|s| !absorbed.contains(s)).collect(),
    }
}

/// Maximum bipartite matching by augmenting paths (Kuhn): for each left item, the right item
/// paired with it. O(left · edges): fine for the tens or hundreds of items of one document.
fn max_matching(left: usize, right: usize, edge: impl Fn(usize, usize) -> bool) -> Vec<Option<usize>> {
    let adjacent: Vec<Vec<usize>> = (0..left).map(|l| (0..right).filter(|&r| edge(l, r)).collect()).collect();
    let mut owner: Vec<Option<usize>> = vec![None; right];
    for l in 0..left {
        let mut seen = vec![false; right];
        augment(l, &adjacent, &mut owner, &mut seen);
    }
    let mut pair = vec![None; left];
    for (r, l) in owner.iter().enumerate() {
        if let Some(l) = *l {
            pair[l] = Some(r);
        }
    }
    pair
}

fn augment(l: usize, adjacent: &[Vec<usize>], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
    for &r in &adjacent[l] {
        if seen[r] {
            continue;
        }
        seen[r] = true;
        let free = match owner[r] {
            None => true,
            Some(other) => augment(other, adjacent, owner, seen),
        };
        if free {
            owner[r] = Some(l);
            return true;
        }
    }
    false
}

// --- entities --------------------------------------------------------------------------------

/// `(kind, id)`; the kind is `None` when neither side declares the entity.
type EntityKey = (Option<EntityKind>, String);

fn score_entities(gold: &GoldDocument, system: &Document, file: &str, out: &mut DocResult) {
    let required: BTreeSet<&str> = gold.mentions.iter().filter(|m| !m.optional).map(|m| m.entity.as_str()).collect();
    // An entity only ever mentioned optionally ("(Belga)") may be found or not: drop it from
    // both sides rather than pairing it, so that no kind disagreement can turn it into an extra.
    let ignored: BTreeSet<&str> =
        gold.mentions.iter().map(|m| m.entity.as_str()).filter(|id| !required.contains(id)).collect();
    let gold_kinds = kinds_by_id(&gold.entities);
    let system_kinds = kinds_by_id(&system.entities);
    // The gold filler lists only entities the gazetteers know; an unknown person's kind is
    // then whatever the system says, so that a missing gold declaration costs nothing.
    let gold_keys: Vec<EntityKey> = required
        .iter()
        .map(|&id| (gold_kinds.get(id).or_else(|| system_kinds.get(id)).copied(), id.to_owned()))
        .collect();
    let system_keys: Vec<EntityKey> = system
        .mentions
        .iter()
        .map(|m| m.entity.as_str())
        .filter(|id| !ignored.contains(id))
        .map(|id| (system_kinds.get(id).copied(), id.to_owned()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let alignment = align(&gold_keys, &[], &system_keys, |g, s| g == s);
    out.scores.entities += alignment.counts();
    for &g in &alignment.missed {
        out.misses.push(finding(file, describe_entity(&gold_keys[g])));
    }
    for &s in &alignment.extras {
        out.extras.push(finding(file, describe_entity(&system_keys[s])));
    }
}

fn kinds_by_id(entities: &[Entity]) -> BTreeMap<&str, EntityKind> {
    entities.iter().map(|e| (e.id.as_str(), e.kind)).collect()
}

fn describe_entity((kind, id): &EntityKey) -> String {
    let kind = kind.as_ref().map_or_else(|| "?".to_owned(), json_name);
    format!("entity {kind} {id}")
}

// --- mentions --------------------------------------------------------------------------------

/// What mention scoring compares, plus the text for findings. Offsets are chars.
struct Span<'a> {
    start: usize,
    end: usize,
    entity: &'a str,
    text: &'a str,
}

impl<'a> Span<'a> {
    fn of_gold(m: &'a GoldMention) -> Span<'a> {
        Span { start: m.char_start, end: m.char_end, entity: &m.entity, text: &m.text }
    }

    fn of_system(m: &'a Mention) -> Span<'a> {
        Span { start: m.char_start, end: m.char_end, entity: &m.entity, text: &m.text }
    }

    fn same(&self, other: &Span<'_>) -> bool {
        self.start == other.start && self.end == other.end && self.entity == other.entity
    }

    fn overlaps(&self, other: &Span<'_>) -> bool {
        self.entity == other.entity && self.start < other.end && other.start < self.end
    }

    fn describe(&self, loosely_paired: bool) -> String {
        let hint = if loosely_paired { " (boundaries differ)" } else { "" };
        format!("mention {:?} {}..{} {}{hint}", self.text, self.start, self.end, self.entity)
    }
}

fn score_mentions(gold: &GoldDocument, system: &Document, file: &str, out: &mut DocResult) {
    let required: Vec<Span<'_>> = gold.mentions.iter().filter(|m| !m.optional).map(Span::of_gold).collect();
    let optional: Vec<Span<'_>> = gold.mentions.iter().filter(|m| m.optional).map(Span::of_gold).collect();
    let found: Vec<Span<'_>> = system.mentions.iter().map(Span::of_system).collect();

    let exact = align(&required, &optional, &found, Span::same);
    let loose = align(&required, &optional, &found, Span::overlaps);
    out.scores.mentions += exact.counts();
    out.scores.mentions_loose += loose.counts();

    // Only exact findings are listed; the loose pass just says which of them are boundary errors.
    for &g in &exact.missed {
        out.misses.push(finding(file, required[g].describe(!loose.missed.contains(&g))));
    }
    for &s in &exact.extras {
        out.extras.push(finding(file, found[s].describe(!loose.extras.contains(&s))));
    }
}

// --- relations -------------------------------------------------------------------------------

/// A system relation as scoring sees it: per core role (in `core_roles` order) the set of ids.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct RelKey {
    kind: RelationKind,
    negated: bool,
    roles: Vec<BTreeSet<String>>,
}

/// A gold relation as scoring sees it: per core role, one set of acceptable ids per argument.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct RelPattern {
    kind: RelationKind,
    negated: bool,
    roles: Vec<BTreeSet<BTreeSet<String>>>,
}

impl RelKey {
    fn of(relation: &Relation) -> RelKey {
        let roles = relation
            .kind
            .core_roles()
            .iter()
            .map(|&role| relation.entities(role).map(str::to_owned).collect())
            .collect();
        RelKey { kind: relation.kind, negated: relation.negated, roles }
    }

    fn describe(&self) -> String {
        let roles: Vec<Vec<String>> = self.roles.iter().map(|ids| ids.iter().cloned().collect()).collect();
        describe_relation(self.kind, self.negated, &roles)
    }
}

impl RelPattern {
    fn of(relation: &GoldRelation) -> RelPattern {
        let roles = relation
            .kind
            .core_roles()
            .iter()
            .map(|&role| {
                relation
                    .args
                    .iter()
                    .filter(|a| a.role == role)
                    .filter_map(|a| a.entity.as_ref())
                    .map(|ids| ids.ids().iter().cloned().collect())
                    .collect()
            })
            .collect();
        RelPattern { kind: relation.kind, negated: relation.negated, roles }
    }

    fn accepts(&self, key: &RelKey) -> bool {
        self.kind == key.kind
            && self.negated == key.negated
            && self.roles.len() == key.roles.len()
            && self.roles.iter().zip(&key.roles).all(|(args, ids)| role_accepts(args, ids))
    }

    fn describe(&self) -> String {
        let roles: Vec<Vec<String>> = self
            .roles
            .iter()
            .map(|args| args.iter().map(|ids| ids.iter().cloned().collect::<Vec<_>>().join("|")).collect())
            .collect();
        describe_relation(self.kind, self.negated, &roles)
    }
}

/// Whether the system ids of one role can be assigned one-to-one to the gold arguments, each
/// accepting its id: `{vladimir-putin, BLR}` fits `[RUS|vladimir-putin, BLR|alexander-lukashenko]`.
fn role_accepts(args: &BTreeSet<BTreeSet<String>>, ids: &BTreeSet<String>) -> bool {
    if args.len() != ids.len() {
        return false;
    }
    let args: Vec<&BTreeSet<String>> = args.iter().collect();
    let ids: Vec<&String> = ids.iter().collect();
    max_matching(args.len(), ids.len(), |a, i| args[a].contains(ids[i])).iter().all(Option::is_some)
}

/// `met_with(a, b, c)`, `not recognized(european-union, alexander-lukashenko)`,
/// `supplied(RUS|vladimir-putin, BLR)`; a role with several values is `{a, b}`, with none `-`.
fn describe_relation(kind: RelationKind, negated: bool, roles: &[Vec<String>]) -> String {
    let args: Vec<String> = match roles {
        // One role (met_with participants, detained): its values are the argument list.
        [only] => only.clone(),
        _ => roles
            .iter()
            .map(|values| match values.as_slice() {
                [] => "-".to_owned(),
                [one] => one.clone(),
                many => format!("{{{}}}", many.join(", ")),
            })
            .collect(),
    };
    let not = if negated { "not " } else { "" };
    format!("{not}{}({})", json_name(&kind), args.join(", "))
}

fn score_relations(gold: &GoldDocument, system: &Document, file: &str, out: &mut DocResult) {
    let (required, optional) = gold_patterns(&gold.relations);
    // A `must_not` entry that describes its relation as planned or hypothetical forbids taking
    // it as real: it catches the key only when the system asserts (or reports) it.
    let forbidden: Vec<(RelPattern, bool)> = gold
        .must_not
        .iter()
        .map(|r| (RelPattern::of(r), matches!(r.modality, Some(Modality::Planned | Modality::Hypothetical))))
        .collect();
    let mut real_keys: BTreeMap<RelKey, bool> = BTreeMap::new();
    for relation in &system.relations {
        let real = matches!(relation.modality, Modality::Asserted | Modality::Reported);
        *real_keys.entry(RelKey::of(relation)).or_default() |= real;
    }
    let (mut hits, mut keys) = (Vec::new(), Vec::new());
    for (key, real) in real_keys {
        let forbids = |(p, only_real): &(RelPattern, bool)| p.accepts(&key) && (real || !only_real);
        if forbidden.iter().any(forbids) { hits.push(key) } else { keys.push(key) }
    }

    let alignment = align(&required, &optional, &keys, RelPattern::accepts);
    // A required pattern left unpaired while some system key satisfies it lost that key to
    // another gold relation with the same reading: the two collapse, as duplicate keys do.
    let missed: Vec<&RelPattern> =
        alignment.missed.iter().map(|&g| &required[g]).filter(|p| !keys.iter().any(|k| p.accepts(k))).collect();
    let paired: Vec<&RelPattern> =
        (0..required.len()).filter(|g| !alignment.missed.contains(g)).map(|g| &required[g]).collect();
    let extras: Vec<&RelKey> = alignment.extras.iter().map(|&s| &keys[s]).collect();

    let per_kind = &mut out.per_relation;
    for pattern in &paired {
        per_kind.entry(pattern.kind).or_default().tp += 1;
    }
    for pattern in &missed {
        per_kind.entry(pattern.kind).or_default().fn_ += 1;
    }
    for key in extras.iter().copied().chain(&hits) {
        per_kind.entry(key.kind).or_default().fp += 1;
    }

    out.scores.relations += Counts { tp: alignment.tp, fp: extras.len() + hits.len(), fn_: missed.len() };
    for pattern in missed {
        out.misses.push(finding(file, pattern.describe()));
    }
    for key in extras {
        out.extras.push(finding(file, key.describe()));
    }
    for key in &hits {
        out.must_not.push(finding(file, key.describe()));
    }
}

/// The distinct gold patterns, required and optional. A pattern is optional only if every gold
/// relation with it is: the September meeting (optional) and the February one (required) of
/// the same two leaders are one required key.
fn gold_patterns(relations: &[GoldRelation]) -> (Vec<RelPattern>, Vec<RelPattern>) {
    let mut required_by_pattern: BTreeMap<RelPattern, bool> = BTreeMap::new();
    for relation in relations {
        *required_by_pattern.entry(RelPattern::of(relation)).or_default() |= !relation.optional;
    }
    let (required, optional): (Vec<_>, Vec<_>) = required_by_pattern.into_iter().partition(|(_, req)| *req);
    (required.into_iter().map(|(p, _)| p).collect(), optional.into_iter().map(|(p, _)| p).collect())
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests;
