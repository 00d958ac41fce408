//! Argument attachment without a parser: for each trigger, each slot of the rule takes the
//! nearest fitting mention on its side of the trigger within the clause.
//!
//! * "before"/"after": the nearest unused mention of an accepted kind and form; with
//!   `preps`, only one that directly follows one of them ("avec X", "par X", "au X").
//! * A relative pronoun needs nothing special: "Viktor Babariko, qui est en détention" — the
//!   nearest mention before the trigger is the antecedent.
//! * Coordination (`group`): "X et Y", "X, Y and Z"; plural references ("les deux
//!   dirigeants") are one unit of two persons.
//! * `text` slots copy the span after one of `preps` to the end of the clause.

use std::ops::Range;

use super::{LangRules, Slot};
use super::polarity::strength;
use super::rule::{Frame, Pick, Side};
use crate::dateline::PartialDate;
use crate::gazetteer::EntityId;
use crate::mention::{Ctx, Resolved};
use crate::model::{ArgRole, EntityKind, MentionForm, RelationKind};
use crate::normalize::FoldedSpan;
use crate::segment::clauses;

/// The clauses of every sentence of a document, in order.
pub(crate) fn all_clauses(ctx: &Ctx, out: &mut Vec<Range<usize>>) {
    out.clear();
    let mut one = Vec::new();
    for s in ctx.sentences {
        clauses(ctx.folded, ctx.tokens, s.clone(), ctx.lang, &mut one);
        out.append(&mut one);
    }
}

/// Something that can fill a slot: a mention, or a resolved reference.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    first: usize,
    end: usize,
    entities: Vec<EntityId>,
    kind: EntityKind,
    form: MentionForm,
    /// Index in `Resolved::corefs` for a reference.
    coref: Option<usize>,
}

/// A relation before it is written out.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub kind: RelationKind,
    pub rule: usize,
    pub args: Vec<(ArgRole, Value)>,
    pub negated: bool,
    pub modality: crate::model::Modality,
    pub trigger: FoldedSpan,
    pub evidence: FoldedSpan,
    pub location: Option<EntityId>,
    pub date: Option<PartialDate>,
    /// References used as arguments: they become `coref` mentions.
    pub corefs: Vec<usize>,
    /// The folded spans of the mentions the slots took, for `explain`.
    pub used: Vec<FoldedSpan>,
}

/// An argument value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    Entity(EntityId),
    Text(FoldedSpan),
}

/// Builds the units of a document: mentions and references, by position.
pub(crate) fn units(ctx: &Ctx, resolved: &Resolved, out: &mut Vec<Unit>) {
    out.clear();
    for m in &resolved.mentions {
        let Some(e) = m.entity else { continue };
        let first = ctx.token_at(m.fspan.start);
        // "les autorités russes": the adjective stands for the state, like a metonym.
        let authority = m.form == MentionForm::Adjective
            && ctx.lang.authority_nouns.match_before(ctx.folded, ctx.tokens, first).is_some();
        out.push(Unit {
            first,
            end: ctx.token_at(m.fspan.end),
            entities: vec![e],
            kind: ctx.gaz.entity(e).kind,
            form: if authority { MentionForm::Metonym } else { m.form },
            coref: None,
        });
    }
    // Persons the gazetteers do not know fill slots too, under ids past the gazetteer's.
    for u in &resolved.unknown {
        let Some(fspan) = fold_span(ctx, u.span) else { continue };
        out.push(Unit {
            first: ctx.token_at(fspan.start),
            end: ctx.token_at(fspan.end),
            entities: vec![unknown_id(ctx, u.person)],
            kind: EntityKind::Person,
            form: u.form,
            coref: None,
        });
    }
    for (i, c) in resolved.corefs.iter().enumerate() {
        let Some(&e) = c.entities.first() else { continue };
        out.push(Unit {
            first: ctx.token_at(c.fspan.start),
            end: ctx.token_at(c.fspan.end),
            entities: c.entities.clone(),
            kind: ctx.gaz.entity(e).kind,
            form: MentionForm::Coref,
            coref: Some(i),
        });
    }
    out.sort_by_key(|u| u.first);
}

/// The id of the `p`-th person of the document the gazetteers do not know.
pub(crate) fn unknown_id(ctx: &Ctx, p: usize) -> EntityId {
    EntityId((ctx.gaz.entities.len() + p) as u32)
}

/// The folded span of an original span (the unknown-person pass keeps original spans).
fn fold_span(ctx: &Ctx, span: crate::normalize::Span) -> Option<FoldedSpan> {
    let map = ctx.offsets;
    let start = map.folded_of(span.start)?;
    let end = map.folded_of(span.end)?;
    Some(FoldedSpan::new(start, end))
}

/// How many units a slot looks at on each side of its trigger.
const SCAN: usize = 24;

/// Per-document working state of the engine.
pub(crate) struct Doc<'a, 'c> {
    pub ctx: &'a Ctx<'c>,
    pub resolved: &'a Resolved,
    pub units: &'a [Unit],
    /// Every clause of the document, in order (token ranges).
    pub clauses: &'a [Range<usize>],
    pub date: Option<PartialDate>,
}

impl Doc<'_, '_> {
    fn fits(&self, u: &Unit, slot: &Slot) -> bool {
        let spec = &slot.spec;
        spec.kinds.contains(&u.kind)
            && spec.forms.contains(&u.form)
            && (slot.preps_empty() || self.after_prep(slot, u.first))
            && (spec.possessor || !self.possessor(u))
    }

    /// Whether a word conjunction ("and", "et", "en", not a comma) stands just before token `t`.
    fn after_conjunction(&self, t: usize) -> bool {
        let (folded, tokens) = (self.ctx.folded, self.ctx.tokens);
        t.checked_sub(1).and_then(|p| tokens.get(p)).is_some_and(|p| p.word)
            && self.ctx.lang.coordination.match_before(folded, tokens, t).is_some()
    }

    /// Whether a distributive word ("separate", "séparément", "afzonderlijk") stands within two
    /// words of the trigger, inside its clause.
    fn distributive(&self, trigger: &Range<usize>, clause: &Range<usize>) -> bool {
        let words = &self.ctx.lang.distributive;
        let from = trigger.start.saturating_sub(2).max(clause.start);
        let to = (trigger.end + 2).min(clause.end);
        (from..to).any(|t| words.match_at(self.ctx.folded, self.ctx.tokens, t).is_some())
    }

    /// Whether the possessive 's follows the unit directly ("Trump's efforts").
    fn possessor(&self, u: &Unit) -> bool {
        let (folded, tokens) = (self.ctx.folded, self.ctx.tokens);
        match (u.end.checked_sub(1).and_then(|t| tokens.get(t)), tokens.get(u.end), tokens.get(u.end + 1)) {
            (Some(last), Some(apos), Some(s)) => {
                apos.text(folded) == "'" && s.text(folded) == "s" && apos.span.start == last.span.end && s.span.start == apos.span.end
            }
            _ => false,
        }
    }

    /// "la détention de Navalny", "au sein de l'Union européenne": a complement of a noun is
    /// no subject, unless a relative clause hangs on it ("de la Russie, qui lui fournit").
    fn genitive(&self, u: &Unit) -> bool {
        let (folded, tokens) = (self.ctx.folded, self.ctx.tokens);
        let lang = self.ctx.lang;
        // Where the "of" word starts, if the unit is a complement.
        let of_start = lang.of.match_before(folded, tokens, u.first).map(|n| u.first - n).or_else(|| {
            let d = lang.determiners.match_before(folded, tokens, u.first)?;
            lang.of.match_before(folded, tokens, u.first - d).map(|n| u.first - d - n)
        });
        // "les dirigeants de l'Union européenne" act for the Union.
        let of = of_start.is_some_and(|s| lang.authority_nouns.match_before(folded, tokens, s).is_none());
        let mut t = u.end;
        if tokens.get(t).is_some_and(|k| k.text(folded) == ",") {
            t += 1;
        }
        of && u.form != MentionForm::Coref && self.ctx.lang.relative.match_at(folded, tokens, t).is_none()
    }

    /// Whether one of the slot's prepositions ends before token `t`, maybe with a
    /// determiner between ("by the FSB").
    fn after_prep(&self, slot: &Slot, t: usize) -> bool {
        let (folded, tokens) = (self.ctx.folded, self.ctx.tokens);
        if slot.preps.match_before(folded, tokens, t).is_some() {
            return true;
        }
        let det = self.ctx.lang.determiners.match_before(folded, tokens, t);
        det.is_some_and(|n| slot.preps.match_before(folded, tokens, t - n).is_some())
    }

    /// Words between two tokens, not counting the words of a title ("le président serbe").
    fn words_between(&self, a: usize, b: usize) -> usize {
        self.ctx.tokens.get(a..b).map_or(0, |t| t.iter().filter(|t| t.word && !self.in_title(t.span)).count())
    }

    /// Whether a span lies inside a title. Titles are recorded in text order.
    fn in_title(&self, span: FoldedSpan) -> bool {
        let titles = &self.resolved.titles;
        let k = titles.partition_point(|ti| ti.span.end <= span.start);
        titles.get(k).is_some_and(|ti| ti.span.start <= span.start && span.end <= ti.span.end)
    }

    /// The unit a slot takes, and the units coordinated with it.
    fn fill(&self, slot: &Slot, trigger: Range<usize>, clause: &Range<usize>, used: &[usize]) -> Option<Vec<usize>> {
        let spec = &slot.spec;
        let ok = |i: usize| {
            let u = &self.units[i];
            !used.contains(&i) && self.fits(u, slot)
        };
        // Units are sorted by position: look at most SCAN of them on each side, so that a
        // clause of a million names costs no more per trigger than a short one.
        let at = self.units.partition_point(|u| u.first < trigger.start);
        let before = |i: &usize| {
            let u = &self.units[*i];
            u.end <= trigger.start
                && u.first >= clause.start
                && spec.max_gap.is_none_or(|g| self.words_between(u.end, trigger.start) <= g)
                && (spec.max_gap.is_some() || !self.genitive(u))
                && ok(*i)
        };
        // "Putin held talks with Xi and received Erdogan": a verb after a conjunction shares
        // the subject of the verb before it, the first fitting mention of the clause.
        let pick = match spec.pick {
            Pick::Nearest if spec.side == Side::Before && self.after_conjunction(trigger.start) => Pick::First,
            pick => pick,
        };
        let found = match (spec.side, pick) {
            (Side::Before, Pick::Nearest) => (at.saturating_sub(SCAN)..at).rev().find(before),
            (Side::Before, Pick::First) => (at.saturating_sub(SCAN)..at).find(before),
            (Side::After, _) => (at..self.units.len().min(at + SCAN)).find(|&i| {
                let u = &self.units[i];
                u.first >= trigger.end
                    && u.end <= clause.end
                    && spec.max_gap.is_none_or(|g| self.words_between(trigger.end, u.first) <= g)
                    && ok(i)
            }),
        }?;
        let mut group = vec![found];
        if spec.group {
            self.coordinate(found, spec.side, &mut group);
        }
        Some(group)
    }

    /// Adds the units coordinated with `i` ("X et Y", "X, Y en Z", "le président serbe X et
    /// le Premier ministre kosovar Y") to `group`.
    fn coordinate(&self, i: usize, side: Side, group: &mut Vec<usize>) {
        let mut cur = i;
        loop {
            let next = match side {
                Side::Before => self.coordinated(cur, false),
                Side::After => self.coordinated(cur, true),
            };
            match next {
                Some(n) if self.units[n].kind == self.units[i].kind || self.units[n].kind == EntityKind::Person => {
                    group.push(n);
                    cur = n;
                }
                _ => break,
            }
        }
    }

    /// The unit coordinated with unit `i` on one side: only a conjunction, determiners, titles
    /// and adjectives between them, and a conjunction among those.
    fn coordinated(&self, i: usize, forward: bool) -> Option<usize> {
        let (folded, tokens, lang) = (self.ctx.folded, self.ctx.tokens, self.ctx.lang);
        let step = |k: usize| if forward { k.checked_add(1) } else { k.checked_sub(1) };
        let mut j = step(i)?;
        // Adjective units inside the gap ("kosovar") are title material, not partners.
        while self.units.get(j)?.form == MentionForm::Adjective {
            j = step(j)?;
        }
        let (a, b) = if forward { (&self.units[i], &self.units[j]) } else { (&self.units[j], &self.units[i]) };
        if a.end >= b.first {
            return None;
        }
        let in_title = |t: usize| {
            self.in_title(tokens[t].span) || {
                let k = self.units.partition_point(|u| u.end <= t);
                self.units.get(k).is_some_and(|u| u.form == MentionForm::Adjective && u.first <= t)
            }
        };
        let (mut t, mut conjunction) = (a.end, false);
        while t < b.first {
            if let Some(n) = lang.coordination.match_at(folded, tokens, t) {
                conjunction = true;
                t += n;
            } else if let Some(n) = lang.determiners.match_at(folded, tokens, t) {
                t += n;
            } else if in_title(t) {
                t += 1;
            } else {
                return None;
            }
        }
        conjunction.then_some(j)
    }

    /// The text of a `text` slot: after one of its prepositions, to the end of the clause.
    fn text_slot(&self, slot: &Slot, from: usize, clause: &Range<usize>) -> Option<FoldedSpan> {
        let tokens = self.ctx.tokens;
        let start = (from..clause.end).find_map(|k| slot.preps.match_at(self.ctx.folded, tokens, k).map(|n| k + n))?;
        let mut end = clause.end;
        while end > start && !tokens[end - 1].word {
            end -= 1;
        }
        (end > start).then(|| FoldedSpan::new(tokens[start].span.start, tokens[end - 1].span.end))
    }

    /// The most recent person before token `t`, within this and the two previous
    /// sentences, other than `skip`.
    fn recent_person(&self, t: usize, skip: &[EntityId]) -> Option<usize> {
        let s = self.ctx.sentence_of(t);
        let at = self.units.partition_point(|u| u.first < t);
        (at.saturating_sub(SCAN)..at).rev().find(|&i| {
            let u = &self.units[i];
            let near = self.ctx.sentence_of(u.first) + 2 >= s;
            near && u.kind == EntityKind::Person && u.entities.len() == 1 && !skip.contains(&u.entities[0])
        })
    }

    /// Runs rule `r` on a trigger at tokens `trigger`.
    pub fn apply_clause(&self, rules: &LangRules, r: usize, trigger: Range<usize>, tspan: FoldedSpan, out: &mut Vec<Found>) {
        let ctx = self.ctx;
        let rule = &rules.rules[r];
        let s = ctx.sentence_of(trigger.start);
        let Some(sentence) = ctx.sentences.get(s).cloned() else { return };
        let c = self.clauses.partition_point(|c| c.end <= trigger.start);
        let clause = self.clauses.get(c).filter(|c| c.contains(&trigger.start)).cloned().unwrap_or(sentence.clone());
        if rule.spec.last && !self.ends_clause(trigger.end, &clause) {
            return;
        }
        let mut used: Vec<usize> = Vec::new();
        let mut args: Vec<(ArgRole, Value)> = Vec::new();
        // How many of `args` the after-side slots gave, for distributive meetings.
        let mut after_args: Vec<usize> = Vec::new();
        let mut last_after = trigger.end;
        for slot in &rule.slots {
            if slot.spec.fallback && args.iter().any(|(r, _)| *r == slot.spec.role) {
                continue;
            }
            if slot.spec.text {
                if let Some(span) = self.text_slot(slot, last_after, &clause) {
                    args.push((slot.spec.role, Value::Text(span)));
                }
                continue;
            }
            match self.fill(slot, trigger.clone(), &clause, &used) {
                Some(group) => {
                    for &i in &group {
                        if slot.spec.side == Side::After {
                            last_after = last_after.max(self.units[i].end);
                        }
                        for &e in &self.units[i].entities {
                            if slot.spec.side == Side::After {
                                after_args.push(args.len());
                            }
                            args.push((slot.spec.role, Value::Entity(e)));
                        }
                    }
                    used.extend(group);
                }
                None if slot.spec.required && !(rule.spec.context && slot.spec.role == ArgRole::Participant) => return,
                None => {}
            }
        }
        let kind = rule.spec.relation;
        if rule.spec.mutual {
            let ids: Vec<EntityId> = args.iter().filter_map(|(_, v)| match v {
                Value::Entity(e) => Some(*e),
                Value::Text(_) => None,
            }).collect();
            for &a in &ids {
                for &b in ids.iter().filter(|&&b| b != a) {
                    let args = vec![(ArgRole::Source, Value::Entity(a)), (ArgRole::Target, Value::Entity(b))];
                    self.push(rules, r, args, &trigger, tspan, &clause, &sentence, &used, out);
                }
            }
            return;
        }
        if kind.is_symmetric() {
            // "separate talks with Xi and Modi": one meeting with each.
            if after_args.len() > 1 && after_args.len() < args.len() && self.distributive(&trigger, &clause) {
                let (after, before): (Vec<_>, Vec<_>) =
                    args.into_iter().enumerate().partition(|(i, _)| after_args.contains(i));
                let before: Vec<(ArgRole, Value)> = before.into_iter().map(|(_, a)| a).collect();
                for (_, partner) in after {
                    let mut pair = before.clone();
                    pair.push(partner);
                    dedup_participants(&mut pair);
                    if pair.iter().filter(|(r, _)| *r == ArgRole::Participant).count() >= 2 {
                        self.push(rules, r, pair, &trigger, tspan, &clause, &sentence, &used, out);
                    }
                }
                return;
            }
            dedup_participants(&mut args);
            let n = args.iter().filter(|(r, _)| *r == ArgRole::Participant).count();
            let lone_person = args.iter().any(|(_, v)| {
                matches!(v, Value::Entity(e) if self.ctx.gaz.entities.get(e.0 as usize).is_none_or(|x| x.kind == EntityKind::Person))
            });
            // "a meeting of European leaders": its participants are named, as a group the
            // gazetteers do not hold; no partner is guessed for it.
            let named_group = ctx.lang.of.match_at(ctx.folded, ctx.tokens, trigger.end).is_some();
            if n == 1 && rule.spec.context && lone_person && !named_group {
                let have: Vec<EntityId> = args.iter().filter_map(|(_, v)| match v {
                    Value::Entity(e) => Some(*e),
                    Value::Text(_) => None,
                }).collect();
                // The partner of an earlier meeting in the dispatch, else the last person named.
                let earlier = out.iter().rev().take(SCAN).filter(|f| f.kind == kind && !f.negated).find_map(|f| {
                    let ids: Vec<EntityId> = f.args.iter().filter_map(|(_, v)| match v {
                        Value::Entity(e) => Some(*e),
                        Value::Text(_) => None,
                    }).collect();
                    if ids.contains(&have[0]) { ids.into_iter().find(|e| *e != have[0]) } else { None }
                });
                let partner = earlier.or_else(|| self.recent_person(trigger.start, &have).map(|i| self.units[i].entities[0]));
                if let Some(p) = partner {
                    args.push((ArgRole::Participant, Value::Entity(p)));
                }
            }
            if args.iter().filter(|(r, _)| *r == ArgRole::Participant).count() < 2 {
                return;
            }
            self.push(rules, r, args, &trigger, tspan, &clause, &sentence, &used, out);
            return;
        }
        // A directed relation with coordinated actors is one relation per actor:
        // "Nederland en Denemarken zullen … leveren" is two supplies.
        for args in split_groups(kind, args) {
            if core_filled_and_distinct(kind, &args) {
                self.push(rules, r, args, &trigger, tspan, &clause, &sentence, &used, out);
            }
        }
    }

    /// Completes a relation with negation, modality, place and date, and records it.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &self,
        rules: &LangRules,
        r: usize,
        args: Vec<(ArgRole, Value)>,
        trigger: &Range<usize>,
        tspan: FoldedSpan,
        clause: &Range<usize>,
        sentence: &Range<usize>,
        used: &[usize],
        out: &mut Vec<Found>,
    ) {
        let ctx = self.ctx;
        let rule = &rules.rules[r];
        let kind = rule.spec.relation;
        let polarity = &rules.polarity;
        let negated = polarity.negated(ctx.folded, ctx.tokens, trigger.clone(), clause.clone());
        let cue = polarity.modality(ctx.folded, ctx.tokens, self.assertion_start(sentence, trigger.start), trigger.start);
        let modality = if strength(cue) > strength(rule.spec.modality) { cue } else { rule.spec.modality };
        let evidence = FoldedSpan::new(ctx.tokens[clause.start].span.start, ctx.tokens[clause.end - 1].span.end);
        let location = self.location(sentence, trigger.end, used);
        let date = self.month_date(sentence).or(self.date);
        let corefs = used.iter().filter_map(|&i| self.units[i].coref).collect();
        let used = used
            .iter()
            .map(|&i| {
                let u = &self.units[i];
                FoldedSpan::new(ctx.tokens[u.first].span.start, ctx.tokens[u.end - 1].span.end)
            })
            .collect();
        out.push(Found { kind, rule: r, args, negated, modality, trigger: tspan, evidence, location, date, corefs, used });
    }

    /// Runs a `title` rule: "le dirigeant bélarusse Aleksandr Loukachenko" → leader_of.
    pub fn apply_titles(&self, rules: &LangRules, r: usize, out: &mut Vec<Found>) {
        let ctx = self.ctx;
        let rule = &rules.rules[r];
        debug_assert_eq!(rule.spec.frame, Frame::Title);
        for t in &self.resolved.titles {
            let person_ok = (t.person.0 as usize) < ctx.gaz.entities.len();
            let country = ctx.gaz.entities.get(t.of.0 as usize).is_some_and(|e| e.kind == EntityKind::Country);
            if !person_ok || !country || !t.leads || !rule.roles.contains(&t.kind) {
                continue;
            }
            // A title lies in one sentence (role phrases do not cross a sentence break).
            let first = ctx.token_at(t.span.start);
            let sentence = ctx.sentences.get(ctx.sentence_of(first)).cloned().unwrap_or(first..first + 1);
            let evidence = FoldedSpan::new(ctx.tokens[sentence.start].span.start, ctx.tokens[sentence.end - 1].span.end);
            out.push(Found {
                kind: rule.spec.relation,
                rule: r,
                args: vec![(ArgRole::Leader, Value::Entity(t.person)), (ArgRole::Country, Value::Entity(t.of))],
                negated: false,
                modality: rule.spec.modality,
                trigger: t.span,
                evidence,
                location: None,
                date: None,
                corefs: Vec::new(),
                used: vec![t.span],
            });
        }
    }

    /// Whether the clause ends at token `t`: only punctuation follows, or a conjunction
    /// starting another verb phrase ("… ontvangen en hem … beloofd").
    fn ends_clause(&self, t: usize, clause: &Range<usize>) -> bool {
        let (folded, tokens) = (self.ctx.folded, self.ctx.tokens);
        let t = (t..clause.end).find(|&i| tokens[i].word).unwrap_or(clause.end);
        t == clause.end || self.ctx.lang.coordination.match_at(folded, tokens, t).is_some()
    }

    /// Where the assertion holding token `t` starts: the sentence, or a relative clause
    /// (", qui est en détention") that makes its own claim, whatever the main clause hopes.
    fn assertion_start(&self, sentence: &Range<usize>, t: usize) -> usize {
        let (folded, tokens) = (self.ctx.folded, self.ctx.tokens);
        (sentence.start + 1..t)
            .rev()
            .find(|&i| tokens[i - 1].text(folded) == "," && self.ctx.lang.relative.match_at(folded, tokens, i).is_some())
            .unwrap_or(sentence.start)
    }

    /// The first city of the sentence after the trigger that is no argument.
    fn location(&self, sentence: &Range<usize>, after: usize, used: &[usize]) -> Option<EntityId> {
        let at = self.units.partition_point(|u| u.first < after);
        (at..self.units.len().min(at + SCAN))
            .map(|i| (i, &self.units[i]))
            .find(|(i, u)| u.end <= sentence.end && u.kind == EntityKind::City && !used.contains(i))
            .map(|(_, u)| u.entities[0])
    }

    /// "en septembre", "le 9 août", "in September": the latest such date not after the
    /// dispatch date. The dateline's own date is no such expression.
    fn month_date(&self, sentence: &Range<usize>) -> Option<PartialDate> {
        let ctx = self.ctx;
        let date = self.date?;
        (sentence.start..sentence.end).find_map(|i| {
            let token = ctx.tokens[i];
            if ctx.offsets.to_original(token.span).is_none_or(|s| s.start < ctx.dateline_end) {
                return None;
            }
            let m = ctx.lang.months.iter().position(|m| m == token.text(ctx.folded))?;
            let day = i.checked_sub(1).and_then(|p| ctx.tokens[p].text(ctx.folded).parse::<u32>().ok()).filter(|d| (1..=31).contains(d));
            let cued = day.is_some() || ctx.lang.month_prepositions.match_before(ctx.folded, ctx.tokens, i).is_some();
            // "l'élection du 9 août": a date that belongs to a noun is not the event's.
            let from = if day.is_some() { i - 1 } else { i };
            let of_noun = ctx.lang.of.match_before(ctx.folded, ctx.tokens, from).is_some();
            (cued && !of_noun).then(|| PartialDate { day, ..date.latest_month(m as u32 + 1) })
        })
    }
}

/// The argument lists with at most one entity per core role: the product of the groups.
fn split_groups(kind: RelationKind, args: Vec<(ArgRole, Value)>) -> Vec<Vec<(ArgRole, Value)>> {
    let mut out = vec![Vec::new()];
    let mut rest = Vec::new();
    for role in kind.core_roles() {
        let values: Vec<&Value> = args.iter().filter(|(r, _)| r == role).map(|(_, v)| v).collect();
        if values.is_empty() {
            continue;
        }
        out = out
            .into_iter()
            .flat_map(|prefix: Vec<(ArgRole, Value)>| {
                values.iter().map(move |v| {
                    let mut p = prefix.clone();
                    p.push((*role, (*v).clone()));
                    p
                })
            })
            .collect();
    }
    for a in &args {
        if !kind.core_roles().contains(&a.0) {
            rest.push(a.clone());
        }
    }
    for o in &mut out {
        o.extend(rest.iter().cloned());
    }
    out
}

fn dedup_participants(args: &mut Vec<(ArgRole, Value)>) {
    let mut seen = Vec::new();
    args.retain(|a| {
        if seen.contains(a) {
            false
        } else {
            seen.push(a.clone());
            true
        }
    });
}

/// Every core role has an entity, and no entity fills two core roles.
fn core_filled_and_distinct(kind: RelationKind, args: &[(ArgRole, Value)]) -> bool {
    let mut seen: Vec<&EntityId> = Vec::new();
    for role in kind.core_roles() {
        let mut any = false;
        for (r, v) in args {
            if let (true, Value::Entity(e)) = (r == role, v) {
                if seen.contains(&e) {
                    return false;
                }
                seen.push(e);
                any = true;
            }
        }
        if !any {
            return false;
        }
    }
    true
}
