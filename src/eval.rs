//! Scoring against gold annotations: what `wirelink eval DIR` and `tests/gold.rs` compute.
//!
//! A gold file is a [`Document`] of `CONTRACT.md` plus the gold-only keys (`optional`,
//! `must_not`, `note`, arrays of acceptable ids); [`GoldDocument`] reads it. [`score`] pairs
//! each gold document with the system's [`Document`] and returns a [`Report`]: micro
//! P/R/F1 of entities, mentions (exact and loose) and relations, overall, per language and
//! per relation type, with every miss, extra and `must_not` hit named by file.
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
//! never paired with gold.
//!
//! # Cost
//!
//! Quadratic in the number of mentions of one document (every gold mention is tried against
//! every system mention); negligible next to extraction for dispatch-sized documents.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{ArgRole, Document, Entity, EntityKind, Mention, MentionForm, Modality, Relation, RelationKind};
use crate::Lang;

// ---------------------------------------------------------------------------------------------
// Gold types
// ---------------------------------------------------------------------------------------------

/// A gold annotation: the contract's document plus the gold-only keys. Unknown keys are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDocument {
    /// The annotated file (`NAME.txt`); names the document in misses and extras.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The language of the dispatch; the per-language scores are keyed by it.
    pub lang: Lang,
    /// The dispatch date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The entities, with their kinds (an entity missing here takes the system's kind).
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// The mentions a careful reader finds.
    #[serde(default)]
    pub mentions: Vec<GoldMention>,
    /// The relations a careful reader finds.
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
    /// Relations a careful reader would never extract; each one found is a false positive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_not: Vec<GoldRelation>,
    /// Free text for the annotator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl GoldDocument {
    /// Parses a `.gold.json` file.
    ///
    /// # Errors
    ///
    /// The JSON is malformed or a required key (`lang`, a mention's offsets, a relation's
    /// `type`) is missing or misspelled; the error says where.
    pub fn from_json(json: &str) -> Result<GoldDocument, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// A gold mention. Only `char_start`, `char_end` and `entity` are compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldMention {
    /// UTF-8 byte offset of the first byte.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
    /// Unicode scalar offset of the first char.
    pub char_start: usize,
    /// Unicode scalar offset one past the last char.
    pub char_end: usize,
    /// The mentioned text.
    pub text: String,
    /// The entity id.
    pub entity: String,
    /// How the mention names the entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<MentionForm>,
    /// Finding it or not costs nothing.
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
    /// Free text for the annotator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A gold relation (also the shape of a `must_not` entry). Only the type, `negated` and the
/// entity ids of the core roles are compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldRelation {
    /// The relation type.
    #[serde(rename = "type")]
    pub kind: RelationKind,
    /// The arguments.
    #[serde(default)]
    pub args: Vec<GoldArgument>,
    /// Whether the text denies it ("ne reconnaît plus"); absent means `false`.
    #[serde(default)]
    pub negated: bool,
    /// Asserted, reported, planned or hypothetical (not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// Where it happened (not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// When it happened (not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Finding it or not costs nothing.
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
    /// Free text for the annotator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A gold relation argument: an entity (one id or several acceptable ones) or a text span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldArgument {
    /// The argument's role.
    pub role: ArgRole,
    /// The acceptable entity ids, for entity arguments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<GoldIds>,
    /// The text, for text arguments such as `item` (not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Byte offset of a text argument.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// Byte end of a text argument.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

/// The entity of a gold argument: `"RUS"` or `["RUS", "vladimir-putin"]` (either one scores).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum GoldIds {
    /// The one right id.
    One(String),
    /// Every acceptable id, the preferred one first.
    Any(Vec<String>),
}

impl GoldIds {
    /// The acceptable ids, the preferred one first.
    pub fn ids(&self) -> &[String] {
        match self {
            GoldIds::One(id) => std::slice::from_ref(id),
            GoldIds::Any(ids) => ids,
        }
    }

    /// Whether a system argument with this id matches.
    pub fn accepts(&self, id: &str) -> bool {
        self.ids().iter().any(|ok| ok == id)
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

// ---------------------------------------------------------------------------------------------
// Report types
// ---------------------------------------------------------------------------------------------

/// True positives, false positives and false negatives of one layer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Items found by both.
    pub tp: usize,
    /// System items the gold does not have (including `must_not` hits).
    pub fp: usize,
    /// Gold items the system missed (`fn` is a keyword).
    pub fn_: usize,
}

impl Counts {
    /// `tp / (tp + fp)`; 1.0 when the system found nothing (it said nothing wrong).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// `tp / (tp + fn)`; 1.0 when the gold has nothing (nothing could be missed).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// The harmonic mean of precision and recall; 0.0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    // usize → f64 cannot wrap; counts stay far below 2^53, so it is exact too.
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// The counts of every layer over a set of documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// How many documents were scored.
    pub documents: usize,
    /// Per document, the set of `(kind, id)` of mentioned entities.
    pub entities: Counts,
    /// Mentions with exactly the gold `(char_start, char_end, entity)`.
    pub mentions: Counts,
    /// Mentions overlapping a gold mention of the same entity.
    pub mentions_loose: Counts,
    /// Relation keys `(type, negated, core role → ids)`.
    pub relations: Counts,
}

impl std::ops::AddAssign for Scores {
    fn add_assign(&mut self, other: Scores) {
        self.documents += other.documents;
        self.entities += other.entities;
        self.mentions += other.mentions;
        self.mentions_loose += other.mentions_loose;
        self.relations += other.relations;
    }
}

/// One miss, extra or `must_not` hit: which document, and what, in a readable form such as
/// `met_with(alexander-lukashenko, vladimir-putin)` or `mention "Poutine" 341..348 vladimir-putin`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The gold file name (or the system's, or `#N` for the N-th pair when neither has one).
    pub file: String,
    /// The item.
    pub what: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.what)
    }
}

/// The result of [`score`]; its `Display` is the table `wirelink eval` prints.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// All documents together (micro averages).
    pub overall: Scores,
    /// Per gold language; languages without documents are absent.
    pub per_lang: BTreeMap<Lang, Scores>,
    /// Relation counts per relation type; types neither side has are absent.
    pub per_relation: BTreeMap<RelationKind, Counts>,
    /// Gold items the system missed: entities, exact mentions, relations.
    pub misses: Vec<Finding>,
    /// System items the gold does not have (`must_not` hits are listed apart).
    pub extras: Vec<Finding>,
    /// System relations a `must_not` entry forbids (also counted as false positives).
    pub must_not: Vec<Finding>,
}

/// Minimum scores for [`Report::check`]; `None` checks nothing. `Default` checks nothing at all.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Thresholds {
    /// Minimum entity F1.
    pub entities_f1: Option<f64>,
    /// Minimum exact-mention F1.
    pub mentions_f1: Option<f64>,
    /// Minimum relation F1.
    pub relations_f1: Option<f64>,
    /// Apply the F1 minimums to every language as well as overall.
    pub per_language: bool,
    /// Most `must_not` hits allowed over all documents.
    pub max_must_not: Option<usize>,
}

impl Report {
    /// One readable line per unmet threshold (`fr: relations F1 0.712 is below 0.800`); empty
    /// when all are met. `max_must_not` is checked overall only: a language can never have
    /// more hits than all languages together.
    pub fn check(&self, thresholds: &Thresholds) -> Vec<String> {
        let mut failures = Vec::new();
        check_scores("overall", &self.overall, thresholds, &mut failures);
        if thresholds.per_language {
            for (lang, scores) in &self.per_lang {
                check_scores(lang.code(), scores, thresholds, &mut failures);
            }
        }
        if let Some(max) = thresholds.max_must_not {
            if self.must_not.len() > max {
                failures.push(format!("{} must_not hits, at most {max} allowed", self.must_not.len()));
            }
        }
        failures
    }

    /// Adds one document's result under its gold language.
    fn add(&mut self, lang: Lang, doc: DocResult) {
        self.overall += doc.scores;
        *self.per_lang.entry(lang).or_default() += doc.scores;
        for (kind, counts) in doc.per_relation {
            *self.per_relation.entry(kind).or_default() += counts;
        }
        self.misses.extend(doc.misses);
        self.extras.extend(doc.extras);
        self.must_not.extend(doc.must_not);
    }
}

fn check_scores(scope: &str, scores: &Scores, t: &Thresholds, failures: &mut Vec<String>) {
    let layers = [
        ("entities", scores.entities, t.entities_f1),
        ("mentions", scores.mentions, t.mentions_f1),
        ("relations", scores.relations, t.relations_f1),
    ];
    for (name, counts, min) in layers {
        let Some(min) = min else { continue };
        let f1 = counts.f1();
        if f1 < min {
            failures.push(format!("{scope}: {name} F1 {f1:.3} is below {min:.3}"));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Display
// ---------------------------------------------------------------------------------------------

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_summary(f, self)?;
        writeln!(f)?;
        writeln!(f, "{:<6}{:<16}{}", "lang", "layer", COUNT_HEADER)?;
        write_scores(f, "all", &self.overall)?;
        for (lang, scores) in &self.per_lang {
            write_scores(f, lang.code(), scores)?;
        }
        if !self.per_relation.is_empty() {
            writeln!(f)?;
            writeln!(f, "{:<22}{}", "relation", COUNT_HEADER)?;
            for (kind, counts) in &self.per_relation {
                writeln!(f, "{:<22}{}", json_name(kind), CountRow(counts))?;
            }
        }
        write_findings(f, "misses", &self.misses)?;
        write_findings(f, "extras", &self.extras)?;
        write_findings(f, "must_not hits", &self.must_not)
    }
}

const COUNT_HEADER: &str = "     P      R     F1      tp     fp     fn";

/// `0.950  0.900  0.924     90      5     10`, aligned under [`COUNT_HEADER`].
struct CountRow<'a>(&'a Counts);

impl fmt::Display for CountRow<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        write!(f, "{:>6.3} {:>6.3} {:>6.3} {:>7} {:>6} {:>6}", c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn_)
    }
}

fn write_summary(f: &mut fmt::Formatter<'_>, report: &Report) -> fmt::Result {
    let langs: Vec<String> = report.per_lang.iter().map(|(lang, s)| format!("{lang} {}", s.documents)).collect();
    let n = report.overall.documents;
    write!(f, "{n} document{}", if n == 1 { "" } else { "s" })?;
    if !langs.is_empty() {
        write!(f, " ({})", langs.join(", "))?;
    }
    writeln!(f, ", {} must_not hits", report.must_not.len())
}

fn write_scores(f: &mut fmt::Formatter<'_>, scope: &str, s: &Scores) -> fmt::Result {
    let layers = [
        ("entities", &s.entities),
        ("mentions", &s.mentions),
        ("mentions-loose", &s.mentions_loose),
        ("relations", &s.relations),
    ];
    for (name, counts) in layers {
        writeln!(f, "{scope:<6}{name:<16}{}", CountRow(counts))?;
    }
    Ok(())
}

fn write_findings(f: &mut fmt::Formatter<'_>, title: &str, findings: &[Finding]) -> fmt::Result {
    if findings.is_empty() {
        return Ok(());
    }
    writeln!(f)?;
    writeln!(f, "{title} ({}):", findings.len())?;
    for finding in findings {
        writeln!(f, "  {finding}")?;
    }
    Ok(())
}

/// The JSON spelling of a kind (`met_with`, `person`), read from its serde attribute so that
/// the spelling stays in one place.
fn json_name<T: Serialize + fmt::Debug>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => format!("{value:?}"),
    }
}

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
struct DocResult {
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
    let forbidden: Vec<RelPattern> = gold.must_not.iter().map(RelPattern::of).collect();
    let keys: BTreeSet<RelKey> = system.relations.iter().map(RelKey::of).collect();
    let (hits, keys): (Vec<RelKey>, Vec<RelKey>) =
        keys.into_iter().partition(|k| forbidden.iter().any(|p| p.accepts(k)));

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
mod tests {
    use super::*;
    use crate::model::{Argument, ByteSpan, TextSpan};
    use serde_json::{json, Value};

    /// The system's reading of a gold file: first acceptable id, no optional item.
    fn document_from_gold(gold: &GoldDocument) -> Document {
        let mentions = gold
            .mentions
            .iter()
            .filter(|m| !m.optional)
            .map(|m| Mention {
                start: m.start,
                end: m.end,
                char_start: m.char_start,
                char_end: m.char_end,
                text: m.text.clone(),
                entity: m.entity.clone(),
                form: m.form.unwrap_or(MentionForm::Name),
            })
            .collect();
        let relations = gold.relations.iter().filter(|r| !r.optional).map(relation_from_gold).collect();
        Document {
            file: gold.file.clone(),
            line: None,
            lang: gold.lang,
            date: gold.date.clone(),
            entities: gold.entities.clone(),
            mentions,
            relations,
        }
    }

    fn relation_from_gold(r: &GoldRelation) -> Relation {
        let args = r
            .args
            .iter()
            .map(|a| Argument {
                role: a.role,
                entity: a.entity.as_ref().and_then(|ids| ids.ids().first().cloned()),
                text: a.text.clone(),
                start: a.start,
                end: a.end,
            })
            .collect();
        relation(r.kind, r.negated, args)
    }

    fn relation(kind: RelationKind, negated: bool, args: Vec<Argument>) -> Relation {
        Relation {
            kind,
            args,
            location: None,
            date: None,
            negated,
            modality: Modality::Asserted,
            trigger: TextSpan { start: 0, end: 0, text: String::new() },
            evidence: ByteSpan { start: 0, end: 0 },
            rule: "test".to_owned(),
            cameo: String::new(),
        }
    }

    // --- a small vocabulary for the case tables ---

    fn ent(id: &str, kind: EntityKind) -> Entity {
        Entity { id: id.to_owned(), kind, name: id.to_owned(), country: None, role: None, known: None }
    }

    fn entities() -> Vec<Entity> {
        use EntityKind::*;
        [
            ("RUS", Country),
            ("BLR", Country),
            ("vladimir-putin", Person),
            ("alexander-lukashenko", Person),
            ("viktar-babaryka", Person),
            ("european-union", Organization),
            ("belga", Organization),
        ]
        .into_iter()
        .map(|(id, kind)| ent(id, kind))
        .collect()
    }

    fn sys_mention(start: usize, end: usize, entity: &str) -> Mention {
        Mention {
            start,
            end,
            char_start: start,
            char_end: end,
            text: "x".to_owned(),
            entity: entity.to_owned(),
            form: MentionForm::Name,
        }
    }

    fn sys_rel(kind: RelationKind, negated: bool, args: &[(ArgRole, &str)]) -> Relation {
        let args = args
            .iter()
            .map(|&(role, id)| Argument { role, entity: Some(id.to_owned()), text: None, start: None, end: None })
            .collect();
        relation(kind, negated, args)
    }

    fn system(mentions: &[(usize, usize, &str)], relations: Vec<Relation>) -> Document {
        Document {
            file: None,
            line: None,
            lang: Lang::Fr,
            date: None,
            entities: entities(),
            mentions: mentions.iter().map(|&(s, e, id)| sys_mention(s, e, id)).collect(),
            relations,
        }
    }

    fn gold_mention(start: usize, end: usize, entity: &str, optional: bool) -> Value {
        json!({"start": start, "end": end, "char_start": start, "char_end": end,
               "text": "x", "entity": entity, "form": "name", "optional": optional})
    }

    /// A French gold document; `mentions` are `(start, end, entity, optional)`.
    fn gold(mentions: &[(usize, usize, &str, bool)], relations: Value, must_not: Value) -> GoldDocument {
        let value = json!({
            "file": "case.txt",
            "lang": "fr",
            "entities": entities(),
            "mentions": mentions.iter().map(|&(s, e, id, o)| gold_mention(s, e, id, o)).collect::<Vec<_>>(),
            "relations": relations,
            "must_not": must_not,
            "note": "a test case",
            "unknown_key": 1,
        });
        match serde_json::from_value(value) {
            Ok(gold) => gold,
            Err(e) => panic!("bad gold in test: {e}"),
        }
    }

    #[derive(Debug, Clone, Copy)]
    enum Layer {
        Entities,
        Mentions,
        Loose,
        Relations,
    }

    fn counts(report: &Report, layer: Layer) -> Counts {
        let s = &report.overall;
        match layer {
            Layer::Entities => s.entities,
            Layer::Mentions => s.mentions,
            Layer::Loose => s.mentions_loose,
            Layer::Relations => s.relations,
        }
    }

    fn c(tp: usize, fp: usize, fn_: usize) -> Counts {
        Counts { tp, fp, fn_ }
    }

    struct Case {
        name: &'static str,
        gold: GoldDocument,
        system: Document,
        want: Vec<(Layer, Counts)>,
        must_not_hits: usize,
    }

    fn run(cases: Vec<Case>) {
        let mut failures = Vec::new();
        for case in cases {
            let report = score(&[(case.gold, case.system)]);
            for (layer, want) in &case.want {
                let got = counts(&report, *layer);
                if got != *want {
                    failures.push(format!("{}: {layer:?}: want {want:?}, got {got:?}\n{report}", case.name));
                }
            }
            if report.must_not.len() != case.must_not_hits {
                failures.push(format!("{}: want {} must_not hits\n{report}", case.name, case.must_not_hits));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    use ArgRole::{Country, Detainee, Leader, Participant, Recipient, Source, Supplier, Target};
    use RelationKind::{Detained, LeaderOf, MetWith, Recognized, Supplied};

    const PUTIN: &str = "vladimir-putin";
    const LUKA: &str = "alexander-lukashenko";
    const BABA: &str = "viktar-babaryka";

    fn met(ids: &[&str]) -> Relation {
        let args: Vec<(ArgRole, &str)> = ids.iter().map(|&id| (Participant, id)).collect();
        sys_rel(MetWith, false, &args)
    }

    fn gold_met(ids: &[&str], optional: bool) -> Value {
        let args: Vec<Value> = ids.iter().map(|id| json!({"role": "participant", "entity": id})).collect();
        json!({"type": "met_with", "args": args, "optional": optional})
    }

    #[test]
    fn entity_and_mention_cases() {
        let two = [(0, 6, "RUS", false), (10, 17, PUTIN, false)];
        let with_optional = [(0, 6, "RUS", false), (10, 17, PUTIN, false), (30, 33, PUTIN, true)];
        let belga = [(0, 6, "RUS", false), (40, 45, "belga", true)];
        run(vec![
            Case {
                name: "perfect_match_scores_one",
                gold: gold(&two, json!([]), json!([])),
                system: system(&[(0, 6, "RUS"), (10, 17, PUTIN)], vec![]),
                want: vec![(Layer::Entities, c(2, 0, 0)), (Layer::Mentions, c(2, 0, 0)), (Layer::Loose, c(2, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "extra_entity_lowers_precision",
                gold: gold(&two, json!([]), json!([])),
                system: system(&[(0, 6, "RUS"), (10, 17, PUTIN), (20, 27, "BLR")], vec![]),
                want: vec![(Layer::Entities, c(2, 1, 0)), (Layer::Mentions, c(2, 1, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "missed_entity_lowers_recall",
                gold: gold(&two, json!([]), json!([])),
                system: system(&[(0, 6, "RUS")], vec![]),
                want: vec![(Layer::Entities, c(1, 0, 1)), (Layer::Mentions, c(1, 0, 1))],
                must_not_hits: 0,
            },
            Case {
                name: "optional_mention_found_is_not_counted",
                gold: gold(&with_optional, json!([]), json!([])),
                system: system(&[(0, 6, "RUS"), (10, 17, PUTIN), (30, 33, PUTIN)], vec![]),
                want: vec![(Layer::Mentions, c(2, 0, 0)), (Layer::Loose, c(2, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "optional_mention_missed_is_not_a_miss",
                gold: gold(&with_optional, json!([]), json!([])),
                system: system(&[(0, 6, "RUS"), (10, 17, PUTIN)], vec![]),
                want: vec![(Layer::Mentions, c(2, 0, 0)), (Layer::Loose, c(2, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "shifted_boundary_is_wrong_exactly_but_right_loosely",
                gold: gold(&two, json!([]), json!([])),
                system: system(&[(0, 5, "RUS"), (10, 17, PUTIN)], vec![]),
                want: vec![(Layer::Mentions, c(1, 1, 1)), (Layer::Loose, c(2, 0, 0)), (Layer::Entities, c(2, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "overlap_with_another_entity_is_not_a_loose_match",
                gold: gold(&two, json!([]), json!([])),
                system: system(&[(0, 6, "BLR"), (10, 17, PUTIN)], vec![]),
                want: vec![(Layer::Loose, c(1, 1, 1))],
                must_not_hits: 0,
            },
            Case {
                name: "same_entity_elsewhere_is_not_a_loose_match",
                gold: gold(&two, json!([]), json!([])),
                system: system(&[(0, 6, "RUS"), (20, 27, PUTIN)], vec![]),
                want: vec![(Layer::Loose, c(1, 1, 1)), (Layer::Entities, c(2, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "one_system_mention_over_two_gold_mentions_pairs_once",
                gold: gold(&[(0, 5, PUTIN, false), (6, 10, PUTIN, false)], json!([]), json!([])),
                system: system(&[(0, 10, PUTIN)], vec![]),
                want: vec![(Layer::Loose, c(1, 0, 1)), (Layer::Entities, c(1, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "entity_with_only_optional_mentions_found_is_ignored",
                gold: gold(&belga, json!([]), json!([])),
                system: system(&[(0, 6, "RUS"), (40, 45, "belga")], vec![]),
                want: vec![(Layer::Entities, c(1, 0, 0)), (Layer::Mentions, c(1, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "entity_with_only_optional_mentions_found_elsewhere_is_ignored",
                gold: gold(&belga, json!([]), json!([])),
                system: system(&[(0, 6, "RUS"), (50, 55, "belga")], vec![]),
                // The entity layer ignores it; the stray mention is still a wrong mention.
                want: vec![(Layer::Entities, c(1, 0, 0)), (Layer::Mentions, c(1, 1, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "entity_with_only_optional_mentions_missed_is_ignored",
                gold: gold(&belga, json!([]), json!([])),
                system: system(&[(0, 6, "RUS")], vec![]),
                want: vec![(Layer::Entities, c(1, 0, 0)), (Layer::Mentions, c(1, 0, 0))],
                must_not_hits: 0,
            },
        ]);
    }

    #[test]
    fn relation_cases() {
        let supplied_either = json!([{"type": "supplied", "args": [
            {"role": "supplier", "entity": ["RUS", PUTIN]}, {"role": "recipient", "entity": "BLR"},
            {"role": "item", "text": "vaccin"}]}]);
        let supplied_two = json!([
            {"type": "supplied", "args": [{"role": "supplier", "entity": ["RUS", PUTIN]}, {"role": "recipient", "entity": "BLR"}]},
            {"type": "supplied", "args": [{"role": "supplier", "entity": "RUS"}, {"role": "recipient", "entity": "BLR"}]}]);
        let met_either = json!([{"type": "met_with", "args": [
            {"role": "participant", "entity": ["RUS", PUTIN]}, {"role": "participant", "entity": ["BLR", LUKA]}]}]);
        let recognized = json!([{"type": "recognized", "negated": false, "args": [
            {"role": "source", "entity": "european-union"}, {"role": "target", "entity": LUKA}]}]);
        let must_not_babaryka = json!([{"type": "met_with", "negated": false, "args": [
            {"role": "participant", "entity": PUTIN}, {"role": "participant", "entity": BABA}], "note": "hypothetical"}]);
        let rel = |kind, args: &[(ArgRole, &str)]| sys_rel(kind, false, args);
        let none: &[(usize, usize, &str, bool)] = &[];
        let cases = vec![
            Case {
                name: "perfect_relations_score_one",
                gold: gold(
                    none,
                    json!([gold_met(&[LUKA, PUTIN], false),
                    {"type": "leader_of", "args": [{"role": "leader", "entity": PUTIN}, {"role": "country", "entity": "RUS"}]}]),
                    json!([]),
                ),
                system: system(&[], vec![met(&[PUTIN, LUKA]), rel(LeaderOf, &[(Leader, PUTIN), (Country, "RUS")])]),
                want: vec![(Layer::Relations, c(2, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "entity_array_accepts_the_first_id",
                gold: gold(none, supplied_either.clone(), json!([])),
                system: system(&[], vec![rel(Supplied, &[(Supplier, "RUS"), (Recipient, "BLR")])]),
                want: vec![(Layer::Relations, c(1, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "entity_array_accepts_the_second_id",
                gold: gold(none, supplied_either.clone(), json!([])),
                system: system(&[], vec![rel(Supplied, &[(Supplier, PUTIN), (Recipient, "BLR")])]),
                want: vec![(Layer::Relations, c(1, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "entity_array_does_not_accept_another_id",
                gold: gold(none, supplied_either.clone(), json!([])),
                system: system(&[], vec![rel(Supplied, &[(Supplier, LUKA), (Recipient, "BLR")])]),
                want: vec![(Layer::Relations, c(0, 1, 1))],
                must_not_hits: 0,
            },
            Case {
                name: "entity_array_is_one_relation_even_if_both_readings_are_given",
                gold: gold(none, supplied_either, json!([])),
                system: system(
                    &[],
                    vec![
                        rel(Supplied, &[(Supplier, "RUS"), (Recipient, "BLR")]),
                        rel(Supplied, &[(Supplier, PUTIN), (Recipient, "BLR")]),
                    ],
                ),
                want: vec![(Layer::Relations, c(1, 1, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "two_gold_relations_one_key_satisfies_collapse",
                gold: gold(none, supplied_two.clone(), json!([])),
                system: system(&[], vec![rel(Supplied, &[(Supplier, "RUS"), (Recipient, "BLR")])]),
                want: vec![(Layer::Relations, c(1, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "two_gold_relations_two_readings_both_score",
                gold: gold(none, supplied_two, json!([])),
                system: system(
                    &[],
                    vec![
                        rel(Supplied, &[(Supplier, "RUS"), (Recipient, "BLR")]),
                        rel(Supplied, &[(Supplier, PUTIN), (Recipient, "BLR")]),
                    ],
                ),
                want: vec![(Layer::Relations, c(2, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "met_with_arrays_assign_one_to_one",
                gold: gold(none, met_either.clone(), json!([])),
                system: system(&[], vec![met(&["BLR", PUTIN])]),
                want: vec![(Layer::Relations, c(1, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "met_with_arrays_need_each_gold_participant",
                gold: gold(none, met_either, json!([])),
                system: system(&[], vec![met(&["RUS", PUTIN])]),
                want: vec![(Layer::Relations, c(0, 1, 1))],
                must_not_hits: 0,
            },
            Case {
                name: "met_with_of_three_is_one_relation",
                gold: gold(none, json!([gold_met(&[LUKA, PUTIN, BABA], false)]), json!([])),
                system: system(&[], vec![met(&[BABA, LUKA, PUTIN])]),
                want: vec![(Layer::Relations, c(1, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "met_with_of_three_is_not_three_pairs",
                gold: gold(none, json!([gold_met(&[LUKA, PUTIN, BABA], false)]), json!([])),
                system: system(&[], vec![met(&[LUKA, PUTIN]), met(&[PUTIN, BABA]), met(&[LUKA, BABA])]),
                want: vec![(Layer::Relations, c(0, 3, 1))],
                must_not_hits: 0,
            },
            Case {
                name: "duplicate_system_relations_collapse",
                gold: gold(none, json!([gold_met(&[LUKA, PUTIN], false)]), json!([])),
                system: system(&[], vec![met(&[LUKA, PUTIN]), met(&[PUTIN, LUKA]), met(&[LUKA, PUTIN])]),
                want: vec![(Layer::Relations, c(1, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "duplicate_gold_relations_collapse",
                gold: gold(none, json!([gold_met(&[LUKA, PUTIN], false), gold_met(&[PUTIN, LUKA], false)]), json!([])),
                system: system(&[], vec![]),
                want: vec![(Layer::Relations, c(0, 0, 1))],
                must_not_hits: 0,
            },
            Case {
                name: "negated_system_relation_does_not_match_asserted_gold",
                gold: gold(none, recognized, json!([])),
                system: system(&[], vec![sys_rel(Recognized, true, &[(Source, "european-union"), (Target, LUKA)])]),
                want: vec![(Layer::Relations, c(0, 1, 1))],
                must_not_hits: 0,
            },
            Case {
                name: "non_core_roles_are_not_compared",
                gold: gold(
                    none,
                    json!([{"type": "detained", "args": [
                    {"role": "detainee", "entity": BABA}, {"role": "detainer", "entity": "BLR"}]}]),
                    json!([]),
                ),
                system: system(&[], vec![rel(Detained, &[(Detainee, BABA)])]),
                want: vec![(Layer::Relations, c(1, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "optional_relation_found_is_not_counted",
                gold: gold(none, json!([gold_met(&[LUKA, PUTIN], true)]), json!([])),
                system: system(&[], vec![met(&[LUKA, PUTIN])]),
                want: vec![(Layer::Relations, c(0, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "optional_relation_missed_is_not_a_miss",
                gold: gold(none, json!([gold_met(&[LUKA, PUTIN], true)]), json!([])),
                system: system(&[], vec![]),
                want: vec![(Layer::Relations, c(0, 0, 0))],
                must_not_hits: 0,
            },
            Case {
                name: "key_is_optional_only_if_every_gold_relation_with_it_is",
                gold: gold(none, json!([gold_met(&[LUKA, PUTIN], true), gold_met(&[LUKA, PUTIN], false)]), json!([])),
                system: system(&[], vec![]),
                want: vec![(Layer::Relations, c(0, 0, 1))],
                must_not_hits: 0,
            },
            Case {
                name: "must_not_hit_is_reported_and_counted_as_false_positive",
                gold: gold(none, json!([gold_met(&[LUKA, PUTIN], false)]), must_not_babaryka.clone()),
                system: system(&[], vec![met(&[LUKA, PUTIN]), met(&[BABA, PUTIN])]),
                want: vec![(Layer::Relations, c(1, 1, 0))],
                must_not_hits: 1,
            },
            Case {
                name: "must_not_needs_the_same_key",
                gold: gold(none, json!([]), must_not_babaryka),
                system: system(&[], vec![met(&[BABA, PUTIN, LUKA])]),
                want: vec![(Layer::Relations, c(0, 1, 0))],
                must_not_hits: 0,
            },
        ];
        run(cases);
    }

    #[test]
    fn counts_edge_cases() {
        let cases = [
            ("nothing_on_either_side_is_perfect", c(0, 0, 0), 1.0, 1.0, 1.0),
            ("all_wrong_is_zero", c(0, 2, 3), 0.0, 0.0, 0.0),
            ("half_and_half", c(1, 1, 1), 0.5, 0.5, 0.5),
            ("nothing_found", c(0, 0, 4), 1.0, 0.0, 0.0),
        ];
        for (name, counts, p, r, f1) in cases {
            assert_eq!((counts.precision(), counts.recall(), counts.f1()), (p, r, f1), "{name}");
        }
    }

    #[test]
    fn languages_and_relation_types_are_reported_apart() {
        let none: &[(usize, usize, &str, bool)] = &[];
        let fr = gold(&[(0, 6, "RUS", false)], json!([gold_met(&[LUKA, PUTIN], false)]), json!([]));
        let mut en = gold(&[(0, 6, "BLR", false)], json!([]), json!([]));
        en.lang = Lang::En;
        en.file = Some("en.txt".to_owned());
        let report = score(&[
            (fr, system(&[(0, 6, "RUS")], vec![met(&[LUKA, PUTIN])])),
            (en, system(&[], vec![sys_rel(Detained, false, &[(Detainee, BABA)])])),
            (gold(none, json!([]), json!([])), system(&[], vec![])),
        ]);
        assert_eq!(report.overall.documents, 3);
        assert_eq!(report.per_lang.get(&Lang::Fr).map(|s| (s.documents, s.entities)), Some((2, c(1, 0, 0))));
        assert_eq!(report.per_lang.get(&Lang::En).map(|s| s.entities), Some(c(0, 0, 1)));
        assert_eq!(report.per_lang.get(&Lang::Nl), None);
        assert_eq!(report.per_relation.get(&MetWith), Some(&c(1, 0, 0)));
        assert_eq!(report.per_relation.get(&Detained), Some(&c(0, 1, 0)));
        let lines: Vec<String> = report.misses.iter().chain(&report.extras).map(ToString::to_string).collect();
        assert_eq!(
            lines,
            ["en.txt: entity country BLR", "en.txt: mention \"x\" 0..6 BLR", "en.txt: detained(viktar-babaryka)"]
        );
    }

    #[test]
    fn findings_read_like_the_contract() {
        let gold = gold(
            &[(341, 348, PUTIN, false)],
            json!([{"type": "supplied", "args": [{"role": "supplier", "entity": ["RUS", PUTIN]}, {"role": "recipient", "entity": "BLR"}]},
                   {"type": "recognized", "negated": true, "args": [{"role": "source", "entity": "european-union"}, {"role": "target", "entity": LUKA}]}]),
            json!([{"type": "met_with", "args": [{"role": "participant", "entity": PUTIN}, {"role": "participant", "entity": BABA}]}]),
        );
        let report = score(&[(gold, system(&[(340, 348, PUTIN)], vec![met(&[PUTIN, BABA]), met(&[LUKA, PUTIN])]))]);
        let lines = |f: &[Finding]| f.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            lines(&report.misses),
            [
                "case.txt: mention \"x\" 341..348 vladimir-putin (boundaries differ)",
                "case.txt: supplied(RUS|vladimir-putin, BLR)",
                "case.txt: not recognized(european-union, alexander-lukashenko)",
            ]
        );
        assert_eq!(
            lines(&report.extras),
            [
                "case.txt: mention \"x\" 340..348 vladimir-putin (boundaries differ)",
                "case.txt: met_with(alexander-lukashenko, vladimir-putin)"
            ]
        );
        assert_eq!(lines(&report.must_not), ["case.txt: met_with(viktar-babaryka, vladimir-putin)"]);
        let table = report.to_string();
        for want in ["mentions-loose", "relations", "recognized", "must_not hits (1):", "  case.txt: supplied("] {
            assert!(table.contains(want), "{want:?} not in\n{table}");
        }
    }

    #[test]
    fn thresholds_name_each_unmet_minimum() {
        let fr = gold(&[(0, 6, "RUS", false)], json!([gold_met(&[LUKA, PUTIN], false)]), json!([]));
        let mut en = gold(&[(0, 6, "BLR", false)], json!([]), json!([]));
        en.lang = Lang::En;
        let report = score(&[
            (fr, system(&[(0, 6, "RUS")], vec![met(&[LUKA, PUTIN]), met(&[PUTIN, BABA])])),
            (en, system(&[(0, 6, "BLR")], vec![])),
        ]);
        let strict = Thresholds {
            entities_f1: Some(1.0),
            mentions_f1: Some(0.5),
            relations_f1: Some(0.9),
            per_language: true,
            max_must_not: Some(0),
        };
        let cases: [(&str, Thresholds, &[&str]); 3] = [
            ("nothing_asked_nothing_failed", Thresholds::default(), &[]),
            (
                "overall_and_french_relations_fail",
                strict,
                &["overall: relations F1 0.667 is below 0.900", "fr: relations F1 0.667 is below 0.900"],
            ),
            (
                "overall_only",
                Thresholds { per_language: false, ..strict },
                &["overall: relations F1 0.667 is below 0.900"],
            ),
        ];
        for (name, thresholds, want) in cases {
            assert_eq!(report.check(&thresholds), want, "{name}");
        }
    }

    #[test]
    fn must_not_threshold() {
        let g = gold(&[], json!([]), json!([{"type": "detained", "args": [{"role": "detainee", "entity": PUTIN}]}]));
        let report = score(&[(g, system(&[], vec![sys_rel(Detained, false, &[(Detainee, PUTIN)])]))]);
        let t = |max| Thresholds { max_must_not: Some(max), ..Thresholds::default() };
        assert_eq!(report.check(&t(1)), Vec::<String>::new());
        assert_eq!(report.check(&t(0)), ["1 must_not hits, at most 0 allowed"]);
    }

    #[test]
    fn gold_parses_both_id_shapes_and_ignores_unknown_keys() {
        let cases = [
            (r#"{"role": "supplier", "entity": "RUS"}"#, vec!["RUS"]),
            (r#"{"role": "supplier", "entity": ["RUS", "vladimir-putin"], "why": 1}"#, vec!["RUS", "vladimir-putin"]),
        ];
        for (json, want) in cases {
            let arg: GoldArgument = match serde_json::from_str(json) {
                Ok(arg) => arg,
                Err(e) => panic!("{json}: {e}"),
            };
            assert_eq!(
                arg.entity.as_ref().map(GoldIds::ids),
                Some(&want.iter().map(|s| s.to_string()).collect::<Vec<_>>()[..])
            );
        }
        assert!(GoldDocument::from_json(r#"{"file": "x.txt"}"#).is_err(), "lang is required");
    }

    /// The seed dispatch's gold, read as a system output, scores 1.0 against itself.
    #[test]
    fn seed_gold_scores_one_against_itself() {
        const SEED: &str = "seed/000_522fc3ec6819734c.gold.json";
        let candidates = [format!("{}/../shared/{SEED}", env!("CARGO_MANIFEST_DIR")), format!("/work/shared/{SEED}")];
        let Some(json) = candidates.iter().find_map(|path| std::fs::read_to_string(path).ok()) else {
            eprintln!("skipped: {SEED} not found");
            return;
        };
        let gold = match GoldDocument::from_json(&json) {
            Ok(gold) => gold,
            Err(e) => panic!("{SEED}: {e}"),
        };
        let system = document_from_gold(&gold);
        let report = score(&[(gold, system)]);
        let s = &report.overall;
        assert_eq!((s.entities.f1(), s.mentions.f1(), s.relations.f1()), (1.0, 1.0, 1.0), "\n{report}");
        assert_eq!(s.mentions_loose.f1(), 1.0, "\n{report}");
        assert!(s.relations.tp >= 7 && s.mentions.tp >= 20, "the seed was not read:\n{report}");
        assert!(report.must_not.is_empty(), "\n{report}");
    }
}
