//! The public entry points: [`Builder`], [`Extractor`], [`Input`], [`Scratch`].

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use crate::dateline::{Datelines, PartialDate};
use crate::error::{DataError, Error, Result};
use crate::gazetteer::{self, compile::Compiled, EntityId, Gazetteer, Source, FILES};
use crate::hash::FastSet;
use crate::lang::{Lang, LangSet};
use crate::matcher::{Hit, Matcher};
use crate::mention::{self, Ctx, Resolved};
use crate::model::{self, Document, Entity, Mention, MentionForm};
use crate::normalize::{char_offsets, Folded, FoldedSpan};
use crate::relation::engine::{unknown_id, Found, Value};
use crate::relation::RuleSet;
use crate::segment::{sentences, tokenize, Token};

/// Configures and builds an [`Extractor`]. All I/O and checking happens in [`Builder::build`].
#[derive(Debug, Clone, Default)]
pub struct Builder {
    languages: Option<Vec<Lang>>,
    gazetteers: Option<PathBuf>,
    rules: Option<PathBuf>,
}

impl Builder {
    /// The languages documents may be in (default: all). Language detection chooses among
    /// them.
    pub fn languages(&mut self, langs: impl IntoIterator<Item = Lang>) -> &mut Builder {
        self.languages = Some(langs.into_iter().collect());
        self
    }

    /// Reads the gazetteers from `dir` instead of the bundled ones (see `gazetteers/README.md`).
    pub fn gazetteers(&mut self, dir: impl AsRef<Path>) -> &mut Builder {
        self.gazetteers = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Reads the relation rules from `dir/{fr,nl,en}/*.toml` instead of the bundled ones.
    pub fn rules(&mut self, dir: impl AsRef<Path>) -> &mut Builder {
        self.rules = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Reads, checks and compiles everything.
    ///
    /// # Errors
    ///
    /// Every bad line of every data file, as `FILE:LINE: what is wrong` (gathered in one
    /// [`Error::Many`] when there are several), or a file that cannot be read.
    pub fn build(&self) -> Result<Extractor> {
        let langs = LangSet::bundled()?;
        let sources = match &self.gazetteers {
            Some(dir) => read_dir_sources(dir)?,
            None => bundled_sources(),
        };
        let gaz = gazetteer::load(&sources)?;
        let mut compiled = gazetteer::compile::compile(&gaz);
        compiled.flags = mention::casing::pattern_flags(&compiled.patterns, &gaz, &langs);
        let rules = match &self.rules {
            Some(dir) => RuleSet::from_dir(dir)?,
            None => RuleSet::bundled()?,
        };
        // One automaton: the gazetteer's surfaces, then each language's triggers.
        let mut patterns: Vec<&str> = compiled.patterns.iter().map(String::as_str).collect();
        let mut trigger_base = [0u32; 3];
        for lang in Lang::ALL {
            trigger_base[lang.index()] = patterns.len() as u32;
            patterns.extend(rules.get(lang).triggers.iter().map(String::as_str));
        }
        let matcher = Matcher::new(&patterns)?;
        let enabled = self.languages.clone().filter(|l| !l.is_empty()).unwrap_or_else(|| Lang::ALL.to_vec());
        let datelines = Datelines::new(&langs);
        Ok(Extractor { inner: Arc::new(Inner { gaz, compiled, matcher, trigger_base, langs, rules, datelines, enabled }) })
    }
}

fn read_dir_sources(dir: &Path) -> Result<Vec<(&'static str, Source)>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for name in FILES {
        match Source::read(dir, name) {
            Ok(Some(s)) => out.push((name, s)),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    match Error::gather(errors) {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

fn bundled_sources() -> Vec<(&'static str, Source)> {
    let files: [(&'static str, &'static str); 8] = [
        ("countries.tsv", include_str!("../gazetteers/countries.tsv")),
        ("cities.tsv", include_str!("../gazetteers/cities.tsv")),
        ("persons.tsv", include_str!("../gazetteers/persons.tsv")),
        ("organizations.tsv", include_str!("../gazetteers/organizations.tsv")),
        ("offices.tsv", include_str!("../gazetteers/offices.tsv")),
        ("roles.tsv", include_str!("../gazetteers/roles.tsv")),
        ("surfaces.tsv", include_str!("../gazetteers/surfaces.tsv")),
        ("common_words.tsv", include_str!("../gazetteers/common_words.tsv")),
    ];
    files
        .into_iter()
        .map(|(name, text)| (name, Source { path: PathBuf::from("gazetteers").join(name), text: text.into() }))
        .collect()
}

#[derive(Debug)]
struct Inner {
    gaz: Gazetteer,
    compiled: Compiled,
    /// The gazetteer's patterns first, then every language's triggers.
    matcher: Matcher,
    /// Where each language's triggers start among the matcher's patterns.
    trigger_base: [u32; 3],
    langs: LangSet,
    rules: RuleSet,
    datelines: Datelines,
    enabled: Vec<Lang>,
}

/// Extracts entities, mentions and relations from dispatches.
///
/// Built once ([`Extractor::builder`] or [`Extractor::bundled`]), then shared: it is
/// immutable, `Send + Sync`, and cloning it copies one `Arc`. [`Extractor::extract`] never
/// fails and never panics, whatever the text.
#[derive(Debug, Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

/// One document to extract from, with its per-call options.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    text: &'a str,
    date: Option<PartialDate>,
    lang: Option<Lang>,
    file: Option<String>,
    line: Option<usize>,
}

impl<'a> Input<'a> {
    /// A document with no options: language detected, date from its dateline only.
    pub fn new(text: &'a str) -> Input<'a> {
        Input { text, ..Input::default() }
    }

    /// The dispatch date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) when the text has no dateline.
    /// A value that is not such a date is ignored; [`Input::try_date`] reports it.
    pub fn date(self, date: &str) -> Input<'a> {
        self.try_date(date).unwrap_or_else(|(input, _)| input)
    }

    /// Like [`Input::date`], but gives the input back with the bad value.
    #[allow(clippy::result_large_err)]
    pub fn try_date(mut self, date: &str) -> std::result::Result<Input<'a>, (Input<'a>, String)> {
        match PartialDate::parse(date) {
            Some(d) => {
                self.date = Some(d);
                Ok(self)
            }
            None => Err((self, date.to_string())),
        }
    }

    /// The language, instead of detecting it.
    pub fn lang(mut self, lang: Lang) -> Input<'a> {
        self.lang = Some(lang);
        self
    }

    /// The file name printed in the output.
    pub fn file(mut self, name: impl Into<String>) -> Input<'a> {
        self.file = Some(name.into());
        self
    }

    /// The 1-based line number printed in the output (`--lines`).
    pub fn line(mut self, line: usize) -> Input<'a> {
        self.line = Some(line);
        self
    }
}

impl<'a> From<&'a str> for Input<'a> {
    fn from(text: &'a str) -> Input<'a> {
        Input::new(text)
    }
}

/// Buffers reused from one document to the next: folded text, offset map, tokens, hits,
/// candidates. Get one with [`Extractor::scratch`], one per thread.
#[derive(Debug, Default)]
pub struct Scratch {
    folded: Folded,
    tokens: Vec<Token>,
    sentences: Vec<std::ops::Range<usize>>,
    /// Every automaton hit, then split: the gazetteer's and the language's triggers.
    all_hits: Vec<Hit>,
    hits: Vec<Hit>,
    triggers: Vec<Hit>,
    resolved: Resolved,
    engine: crate::relation::Scratch,
    found: Vec<Found>,
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

static BUNDLED: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::builder().build().expect("the bundled data is checked by the test suite"));

impl Extractor {
    /// A builder with the bundled data and every language.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// The extractor over the bundled gazetteers and rules, built on first use.
    pub fn bundled() -> &'static Extractor {
        &BUNDLED
    }

    /// Fresh buffers for [`Extractor::extract_with`].
    pub fn scratch(&self) -> Scratch {
        Scratch::default()
    }

    /// Heap bytes of the automaton over the gazetteer surfaces.
    pub fn automaton_bytes(&self) -> usize {
        self.inner.matcher.memory_usage()
    }

    /// Number of distinct folded surfaces (automaton patterns).
    pub fn surface_count(&self) -> usize {
        self.inner.compiled.patterns.len()
    }

    /// Extracts from one document with fresh buffers.
    pub fn extract<'a>(&self, input: impl Into<Input<'a>>) -> Document {
        self.extract_with(&mut self.scratch(), input)
    }

    /// Extracts from one document, reusing `scratch`.
    pub fn extract_with<'a>(&self, s: &mut Scratch, input: impl Into<Input<'a>>) -> Document {
        let input = input.into();
        let inner = &*self.inner;
        let text = input.text;
        s.folded.fold_into(text);
        tokenize(&s.folded.text, &mut s.tokens);
        let lang = input.lang.unwrap_or_else(|| {
            let l = inner.langs.detect(text, &s.folded.text, &s.tokens);
            if inner.enabled.contains(&l) {
                l
            } else {
                inner.enabled[0]
            }
        });
        let data = inner.langs.get(lang);
        sentences(&s.folded.text, &s.tokens, data, &mut s.sentences);
        let (date, dateline_end) = match inner.datelines.find(text, input.date) {
            Some((d, end)) => (Some(d), end),
            None => (input.date, 0),
        };
        inner.matcher.hits(&s.folded.text, &s.tokens, &mut s.all_hits);
        let surfaces = inner.compiled.patterns.len() as u32;
        let base = inner.trigger_base[lang.index()];
        let own = base..base + inner.rules.get(lang).triggers.len() as u32;
        s.hits.clear();
        s.triggers.clear();
        for &h in &s.all_hits {
            if h.pattern < surfaces {
                s.hits.push(h);
            } else if own.contains(&h.pattern) {
                s.triggers.push(Hit { pattern: h.pattern - base, ..h });
            }
        }
        let ctx = Ctx {
            text,
            folded: &s.folded.text,
            offsets: &s.folded.offsets,
            tokens: &s.tokens,
            sentences: &s.sentences,
            lang: data,
            gaz: &inner.gaz,
            readings: &inner.compiled.readings,
            pattern_flags: &inner.compiled.flags,
            day: date.map(PartialDate::as_day),
            dateline_end,
        };
        mention::resolve(&ctx, &s.hits, &mut s.resolved);
        inner.rules.apply(&ctx, &s.resolved, &s.triggers, date, &mut s.engine, &mut s.found);
        let mut doc = Document {
            file: input.file,
            line: input.line,
            lang,
            date: date.map(|d| d.to_string()),
            entities: Vec::new(),
            mentions: Vec::new(),
            relations: Vec::new(),
        };
        self.write_mentions(&ctx, &s.resolved, &s.found, &mut s.bytes, &mut s.chars, &mut doc);
        self.write_relations(&ctx, &s.resolved, &s.found, &mut doc);
        doc
    }

    fn write_mentions(&self, ctx: &Ctx, r: &Resolved, found: &[Found], bytes: &mut Vec<usize>, chars: &mut Vec<usize>, doc: &mut Document) {
                // (span, entity, form): mentions, then the references relations used, then persons
        // the gazetteers do not know.
        let mut list: Vec<(crate::normalize::Span, EntityId, MentionForm)> =
            r.mentions.iter().filter_map(|c| Some((c.span, c.entity?, c.form))).collect();
        let mut used: Vec<usize> = found.iter().flat_map(|f| f.corefs.iter().copied()).collect();
        used.sort_unstable();
        used.dedup();
        let mentions = list.len();
        for i in used {
            let c = &r.corefs[i];
            // The mentions are sorted and disjoint: one lookup finds an overlap.
            let next = list[..mentions].partition_point(|(s, _, _)| s.end <= c.span.start);
            let free = list[..mentions].get(next).is_none_or(|(s, _, _)| s.start >= c.span.end);
            if let (true, [e]) = (free, c.entities.as_slice()) {
                list.push((c.span, *e, MentionForm::Coref));
            }
        }
        list.extend(r.unknown.iter().map(|u| (u.span, unknown_id(ctx, u.person), u.form)));
        list.sort_by_key(|(s, _, _)| s.start);
        bytes.clear();
        for (s, _, _) in &list {
            bytes.extend([s.start, s.end]);
        }
        char_offsets(ctx.text, bytes, chars);
        let mut seen: FastSet<EntityId> = FastSet::default();
        doc.mentions.reserve_exact(list.len());
        for (i, (span, e, form)) in list.iter().enumerate() {
            let Some(text) = ctx.text.get(span.start..span.end) else { continue };
            let id = self.id_of(r, *e);
            doc.mentions.push(Mention {
                start: span.start,
                end: span.end,
                char_start: chars[2 * i],
                char_end: chars[2 * i + 1],
                text: text.to_string(),
                entity: id,
                form: *form,
            });
            if seen.insert(*e) {
                doc.entities.push(self.entity(ctx, r, *e));
            }
        }
    }

    /// The contract id of a gazetteer entity or of a person the gazetteers do not know.
    fn id_of(&self, r: &Resolved, e: EntityId) -> String {
        match self.inner.gaz.entities.get(e.0 as usize) {
            Some(rec) => rec.id.clone(),
            None => r.unknown_persons.get(e.0 as usize - self.inner.gaz.entities.len()).map(|p| p.id.clone()).unwrap_or_default(),
        }
    }

    fn entity(&self, ctx: &Ctx, r: &Resolved, e: EntityId) -> Entity {
        let gaz = &self.inner.gaz;
        let Some(rec) = gaz.entities.get(e.0 as usize) else {
            let name = r.unknown_persons.get(e.0 as usize - gaz.entities.len()).map(|p| p.name.clone()).unwrap_or_default();
            return Entity { id: self.id_of(r, e), kind: model::EntityKind::Person, name, country: None, role: None, known: Some(false) };
        };
        let role = (rec.kind == model::EntityKind::Person)
            .then(|| ctx.offices_of(e).first().map(|o| o.kind.as_str().to_string()))
            .flatten();
        Entity {
            id: rec.id.clone(),
            kind: rec.kind,
            name: rec.name.clone(),
            country: rec.country.map(|c| gaz.entity(c).id.clone()),
            role,
            known: None,
        }
    }

    fn write_relations(&self, ctx: &Ctx, r: &Resolved, found: &[Found], doc: &mut Document) {
        let gaz = &self.inner.gaz;
        let rules = self.inner.rules.get(doc.lang);
        let original = |f: FoldedSpan| ctx.offsets.to_original(f);
        let mut seen = FastSet::default();
        for f in found {
            let rule = &rules.rules[f.rule];
            let (Some(t), Some(ev)) = (original(f.trigger), original(f.evidence)) else { continue };
            let mut args: Vec<model::Argument> = Vec::new();
            for (role, v) in &f.args {
                let arg = match v {
                    Value::Entity(e) => model::Argument { role: *role, entity: Some(self.id_of(r, *e)), text: None, start: None, end: None },
                    Value::Text(span) => {
                        let Some(s) = original(*span) else { continue };
                        let text = ctx.text.get(s.start..s.end).unwrap_or("").to_string();
                        model::Argument { role: *role, entity: None, text: Some(text), start: Some(s.start), end: Some(s.end) }
                    }
                };
                args.push(arg);
            }
            // An argument the text names only inside another mention ("russe" in "son
            // homologue russe") is still an entity of the document.
            for (_, v) in &f.args {
                if let Value::Entity(e) = v {
                    let id = self.id_of(r, *e);
                    if !doc.entities.iter().any(|x| x.id == id) {
                        doc.entities.push(self.entity(ctx, r, *e));
                    }
                }
            }
            let core = f.kind.core_roles();
            args.sort_by_key(|a| core.iter().position(|r| *r == a.role).unwrap_or(core.len()));
            let relation = model::Relation {
                kind: f.kind,
                args,
                location: f.location.map(|l| gaz.entity(l).id.clone()),
                date: f.date.map(|d| d.to_string()),
                negated: f.negated,
                modality: f.modality,
                trigger: model::TextSpan { start: t.start, end: t.end, text: ctx.text.get(t.start..t.end).unwrap_or("").to_string() },
                evidence: model::ByteSpan { start: ev.start, end: ev.end },
                rule: rule.spec.id.clone(),
                cameo: rule.spec.cameo.clone(),
            };
            // The same statement found twice (two rules, or the event told twice) is one.
            let key = (relation.kind, relation.args.clone(), relation.negated, relation.modality, relation.date.clone());
            if seen.insert(key) {
                doc.relations.push(relation);
            }
        }
        doc.relations.sort_by_key(|r| r.trigger.start);
    }

    /// A readable account of every relation found in one document: the rule that fired
    /// (with its file and line), its trigger, the mentions its slots took, negation and
    /// modality, and the clause it read. For debugging and writing rules; the JSON output
    /// carries the same rule ids.
    pub fn explain<'a>(&self, input: impl Into<Input<'a>>) -> String {
        use std::fmt::Write;
        let input = input.into();
        let text = input.text;
        let mut s = self.scratch();
        let doc = self.extract_with(&mut s, input);
        let rules = self.inner.rules.get(doc.lang);
        let offsets = &s.folded.offsets;
        let quote = |f: FoldedSpan| offsets.to_original(f).and_then(|o| text.get(o.start..o.end)).unwrap_or("");
        let mut out = String::new();
        let _ = writeln!(out, "{} relation(s), language {}, date {}", s.found.len(), doc.lang, doc.date.as_deref().unwrap_or("-"));
        for f in &s.found {
            let rule = &rules.rules[f.rule];
            let kind = serde_json::to_string(&f.kind).unwrap_or_default();
            let ids: Vec<String> = f
                .args
                .iter()
                .map(|(role, v)| match v {
                    Value::Entity(e) => format!("{}={}", serde_json::to_string(role).unwrap_or_default().trim_matches('"'), self.id_of(&s.resolved, *e)),
                    Value::Text(t) => format!("item={:?}", quote(*t)),
                })
                .collect();
            let _ = writeln!(out, "\n{} {}({})", rule.spec.id, kind.trim_matches('"'), ids.join(", "));
            let _ = writeln!(out, "  rule      {}:{}", rule.path.display(), rule.line);
            let _ = writeln!(out, "  trigger   {:?}", quote(f.trigger));
            for u in &f.used {
                let _ = writeln!(out, "  slot took {:?}", quote(*u));
            }
            let entity_args = f.args.iter().filter(|(_, v)| matches!(v, Value::Entity(_))).count();
            if rule.spec.context && entity_args > f.used.len() {
                let _ = writeln!(out, "  context   a partner from an earlier meeting or the last person named");
            }
            let modality = serde_json::to_string(&f.modality).unwrap_or_default();
            let _ = writeln!(out, "  negated   {}, modality {}", f.negated, modality.trim_matches('"'));
            let _ = writeln!(out, "  clause    {:?}", quote(f.evidence));
        }
        out
    }

    /// Runs the examples of every rule and word list and reports each one that gives
    /// another result than it says, as `FILE:LINE: rule: example N …`.
    ///
    /// # Errors
    ///
    /// The failing examples, gathered.
    pub fn check_examples(&self) -> Result<()> {
        let mut errors = crate::segment::check_examples(&self.inner.langs);
        let mut scratch = self.scratch();
        for rule in self.inner.rules.rules() {
            for (n, ex) in rule.spec.example.iter().enumerate() {
                let ex = ex.get_ref();
                let mut input = Input::new(&ex.text).lang(rule.lang);
                if let Some(d) = &ex.date {
                    input = input.date(d);
                }
                let doc = self.extract_with(&mut scratch, input);
                let got: Vec<&model::Relation> = doc.relations.iter().filter(|r| r.rule == rule.spec.id).collect();
                if let Some(problem) = compare_example(&ex.expect, &got) {
                    errors.push(Error::Data {
                        path: rule.path.clone(),
                        line: rule.example_lines.get(n).copied().unwrap_or(rule.line),
                        kind: DataError::Example { rule: rule.spec.id.clone(), index: n + 1, problem },
                    });
                }
            }
        }
        match Error::gather(errors) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// `None` when the relations a rule gave are the ones its example expects.
fn compare_example(expect: &[crate::relation::rule::Expect], got: &[&model::Relation]) -> Option<String> {
    let key = |kind: model::RelationKind, negated: bool, modality: Option<model::Modality>, mut ids: Vec<String>| {
        ids.sort();
        format!("{}({}){}{}", serde_json::to_string(&kind).unwrap_or_default().trim_matches('"'), ids.join(", "),
            if negated { " negated" } else { "" },
            modality.map(|m| format!(" {}", serde_json::to_string(&m).unwrap_or_default().trim_matches('"'))).unwrap_or_default())
    };
    let with_modality = expect.iter().any(|e| e.modality.is_some());
    let modality = |m: Option<model::Modality>| with_modality.then(|| m.unwrap_or_default());
    let mut want: Vec<String> = expect.iter().map(|e| key(e.kind, e.negated, modality(e.modality), e.args.clone())).collect();
    let mut have: Vec<String> = got
        .iter()
        .map(|r| key(r.kind, r.negated, modality(Some(r.modality)), r.args.iter().filter_map(|a| a.entity.clone()).collect()))
        .collect();
    want.sort();
    have.sort();
    (want != have).then(|| {
        let list = |v: &[String]| if v.is_empty() { "[]".to_string() } else { format!("[{}]", v.join("; ")) };
        format!("expected {}, got {}", list(&want), list(&have))
    })
}
