//! The report: counts, scores, findings, thresholds, and the table `wirelink eval` prints.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::model::RelationKind;
use crate::Lang;

use super::DocResult;

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
    pub(super) fn add(&mut self, lang: Lang, doc: DocResult) {
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
pub(super) fn json_name<T: Serialize + fmt::Debug>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => format!("{value:?}"),
    }
}

