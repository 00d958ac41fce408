//! Relations: rules as data per language, applied to the resolved mentions.
//!
//! `rule.rs` reads the TOML rule files, `engine.rs` attaches arguments around triggers,
//! `polarity.rs` decides negation and modality. The engine knows roles, sides, clauses
//! and cue lists; it knows no French word: adding a trigger or a rule is a TOML edit.

pub(crate) mod engine;
mod polarity;
pub(crate) mod rule;

use std::path::{Path, PathBuf};


use crate::dateline::PartialDate;
use crate::error::{DataError, Error};
use crate::gazetteer::RoleKind;
use crate::lang::{Lang, Words};
use crate::matcher::Hit;
use crate::mention::{Ctx, Resolved};
use crate::normalize::fold;
use engine::{Doc, Found, Unit};
use polarity::Polarity;
use rule::{Frame, RuleSpec, SlotSpec};

/// Buffers of the engine, reused from one document to the next.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    units: Vec<Unit>,
    clauses: Vec<std::ops::Range<usize>>,
}

/// A slot with its prepositions folded and tokenized.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    pub spec: SlotSpec,
    pub preps: Words,
}

impl Slot {
    fn preps_empty(&self) -> bool {
        self.spec.preps.is_empty()
    }
}

/// A checked rule.
#[derive(Debug, Clone)]
pub(crate) struct CompiledRule {
    pub spec: RuleSpec,
    pub slots: Vec<Slot>,
    pub roles: Vec<RoleKind>,
    pub lang: Lang,
    pub path: PathBuf,
    pub line: usize,
    pub example_lines: Vec<usize>,
}

/// The rules of one language, with their folded triggers (searched by the extractor's one
/// automaton, with the gazetteer's surfaces).
#[derive(Debug, Clone)]
pub(crate) struct LangRules {
    pub rules: Vec<CompiledRule>,
    /// Folded trigger phrases; a trigger hit's pattern is an index here.
    pub triggers: Vec<String>,
    /// For trigger pattern `i`, the rules it fires.
    trigger_rules: Vec<Vec<usize>>,
    pub polarity: Polarity,
}

/// The rules of every language.
#[derive(Debug, Clone)]
pub(crate) struct RuleSet {
    langs: Vec<LangRules>,
}

/// The rule files of one language folder, bundled: one list of family names serves every
/// language, so adding a family is one word here.
macro_rules! bundled_rules {
    ($lang:literal) => {
        bundled_rules!($lang; "meet", "detain", "supply", "leader", "locate", "stance", "polarity")
    };
    ($lang:literal; $($family:literal),+) => {
        &[$((concat!($family, ".toml"), include_str!(concat!("rules/", $lang, "/", $family, ".toml")))),+]
    };
}

/// The rule files bundled into the crate, per language.
const BUNDLED: [(Lang, &[(&str, &str)]); 3] =
    [(Lang::Fr, bundled_rules!("fr")), (Lang::Nl, bundled_rules!("nl")), (Lang::En, bundled_rules!("en"))];

impl RuleSet {
    /// The bundled rules.
    pub fn bundled() -> Result<RuleSet, Error> {
        let files = BUNDLED
            .iter()
            .flat_map(|(lang, list)| {
                list.iter().map(move |(name, text)| {
                    (*lang, PathBuf::from(format!("src/relation/rules/{}/{name}", lang.code())), text.to_string())
                })
            })
            .collect();
        RuleSet::compile(files)
    }

    /// Rules from `dir/{fr,nl,en}/*.toml` (each language folder needs a `polarity.toml`).
    pub fn from_dir(dir: &Path) -> Result<RuleSet, Error> {
        let mut files = Vec::new();
        for lang in Lang::ALL {
            let sub = dir.join(lang.code());
            let entries = std::fs::read_dir(&sub).map_err(|source| Error::Io { path: sub.clone(), source })?;
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            paths.sort();
            for path in paths {
                let text = std::fs::read_to_string(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
                files.push((lang, path, text));
            }
        }
        RuleSet::compile(files)
    }

    fn compile(files: Vec<(Lang, PathBuf, String)>) -> Result<RuleSet, Error> {
        let mut errors = Vec::new();
        let mut langs = Vec::new();
        for lang in Lang::ALL {
            let mut rules = Vec::new();
            let mut polarity = None;
            for (_, path, text) in files.iter().filter(|(l, _, _)| *l == lang) {
                if path.file_name().is_some_and(|n| n == "polarity.toml") {
                    match Polarity::parse(path, text) {
                        Ok(p) => polarity = Some(p),
                        Err(e) => errors.push(e),
                    }
                    continue;
                }
                for r in rule::parse(lang, path, text, &mut errors) {
                    rules.push(compile_rule(r));
                }
            }
            let Some(polarity) = polarity else {
                errors.push(Error::Data {
                    path: PathBuf::from(format!("rules/{}/polarity.toml", lang.code())),
                    line: 0,
                    kind: DataError::Toml("missing polarity.toml".to_string()),
                });
                continue;
            };
            check_unique_ids(&rules, &mut errors);
            match triggers(&rules) {
                Ok((triggers, trigger_rules)) => langs.push(LangRules { rules, triggers, trigger_rules, polarity }),
                Err(e) => errors.push(e),
            }
        }
        match Error::gather(errors) {
            Some(e) => Err(e),
            None => Ok(RuleSet { langs }),
        }
    }

    pub fn get(&self, lang: Lang) -> &LangRules {
        &self.langs[lang.index()]
    }

    /// Every rule of every language.
    pub fn rules(&self) -> impl Iterator<Item = &CompiledRule> {
        self.langs.iter().flat_map(|l| l.rules.iter())
    }

    /// Finds the relations of one document.
    /// Runs the rules of the dispatch's language. `triggers`: the trigger hits of that
    /// language, in text order (longest first at each start), their patterns indices into
    /// [`LangRules::triggers`].
    #[allow(clippy::too_many_arguments)]
    pub fn apply(
        &self,
        ctx: &Ctx,
        resolved: &Resolved,
        triggers: &[Hit],
        date: Option<PartialDate>,
        scratch: &mut Scratch,
        out: &mut Vec<Found>,
    ) {
        out.clear();
        let rules = self.get(ctx.lang.lang);
        engine::units(ctx, resolved, &mut scratch.units);
        engine::all_clauses(ctx, &mut scratch.clauses);
        let doc = Doc { ctx, resolved, units: &scratch.units, clauses: &scratch.clauses, date };
        let mentions = &resolved.mentions;
        // From left to right, the longest trigger at each start that is no part of a mention
        // and does not overlap the one before ("held talks with", not "talks" in it).
        let mut taken_to = 0;
        for hit in triggers {
            let span = hit.span;
            let next = mentions.partition_point(|c| c.fspan.end <= span.start);
            if span.start < taken_to || mentions.get(next).is_some_and(|c| c.fspan.overlaps(span)) {
                continue;
            }
            taken_to = span.end;
            let trigger = ctx.token_at(span.start)..ctx.token_at(span.end);
            for &r in &rules.trigger_rules[hit.pattern as usize] {
                doc.apply_clause(rules, r, trigger.clone(), span, out);
            }
        }
        for (r, rule) in rules.rules.iter().enumerate() {
            if rule.spec.frame == Frame::Title {
                doc.apply_titles(rules, r, out);
            }
        }
    }
}

fn compile_rule(r: rule::Rule) -> CompiledRule {
    let slots = r.spec.args.iter().map(|s| Slot { spec: s.clone(), preps: Words::new(&s.preps) }).collect();
    let roles = r.spec.roles.iter().filter_map(|s| RoleKind::parse(s)).collect();
    CompiledRule { spec: r.spec, slots, roles, lang: r.lang, path: r.path, line: r.line, example_lines: r.example_lines }
}

fn check_unique_ids(rules: &[CompiledRule], errors: &mut Vec<Error>) {
    for (i, r) in rules.iter().enumerate() {
        if let Some(first) = rules[..i].iter().find(|f| f.spec.id == r.spec.id) {
            errors.push(Error::Data {
                path: r.path.clone(),
                line: r.line,
                kind: DataError::Duplicate { id: r.spec.id.clone(), first: first.line },
            });
        }
    }
}

type Triggers = (Vec<String>, Vec<Vec<usize>>);

/// The folded triggers of a language's rules, each with the rules it fires.
fn triggers(rules: &[CompiledRule]) -> Result<Triggers, Error> {
    let mut patterns: Vec<String> = Vec::new();
    let mut owners: Vec<Vec<usize>> = Vec::new();
    for (r, rule) in rules.iter().enumerate() {
        for t in &rule.spec.triggers {
            let folded = fold(t).split_whitespace().collect::<Vec<_>>().join(" ");
            match patterns.iter().position(|p| *p == folded) {
                Some(i) => owners[i].push(r),
                None => {
                    patterns.push(folded);
                    owners.push(vec![r]);
                }
            }
        }
    }
    Ok((patterns, owners))
}
