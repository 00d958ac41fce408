//! brat standoff: one `.ann` file per document, beside its `.txt`, for the brat annotation
//! tool. `docs/VIEWS.md` describes the format with an example; `docs/brat/annotation.conf`
//! declares every type written here ([`ANNOTATION_CONF`]).
//!
//! * A mention is a `T` line (entity type, char offsets, text) with an `N` line naming its
//!   entity (`Reference T1 wirelink:alexander-lukashenko`) and, unless the mention is a plain
//!   name, a `Form` attribute (`Form T4 Partial`).
//! * A relation whose two core roles hold one entity each and nothing else, asserted and not
//!   negated, is an `R` line: `Sanctioned Arg1:T9 Arg2:T2`, `Arg1` and `Arg2` being the core
//!   roles in the contract's order (supplier, recipient).
//! * Any other relation (a meeting, a detention, a negated or planned relation, one with an
//!   `item`) is an event: a trigger `T` line of the relation's type over the trigger words,
//!   and `MetWith:T5 Participant:T3 Participant2:T7`. `Negated` and `Modality` attributes
//!   mark it; an `item` is a span of type `Item`.
//! * The rule, CAMEO code, date and location go to an `AnnotatorNotes` line.
//!
//! An entity argument points to the mention of that entity inside the relation's evidence
//! nearest to its trigger, else to the nearest mention anywhere. An entity with no mention at
//! all (the country of "son homologue russe") gets a span on the trigger marked `Implied`,
//! which is not a mention. A span holds no line break: a mention across one is written as two
//! fragments (`10 18;19 26`).
//!
//! Offsets are brat's: brat reads the `.txt` with universal newlines, so a `\r\n` counts as one
//! char there (the contract's `char_start` counts two); elsewhere they are the contract's.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::CharOffsets;
use crate::model::{ArgRole, Document, Entity, MentionForm, Modality, Relation, RelationKind};

/// `docs/brat/annotation.conf`: the entity, relation, event and attribute types of the
/// standoff written here. brat looks for it in the collection's folder and its parents.
pub const ANNOTATION_CONF: &str = include_str!("../../docs/brat/annotation.conf");

/// `docs/brat/visual.conf`: labels and the colours of the HTML view.
pub const VISUAL_CONF: &str = include_str!("../../docs/brat/visual.conf");

/// The database name of every normalization (`N`) line: `wirelink:vladimir-putin`.
pub const NORMALIZATION_DB: &str = "wirelink";

/// The entity type of a text argument (`item`).
pub(crate) const ITEM_TYPE: &str = "Item";
/// Attribute of a mention whose form is not a plain name: `Form T3 Partial`.
pub(crate) const FORM: &str = "Form";
/// Attribute of a span that stands for an entity no mention names.
pub(crate) const IMPLIED: &str = "Implied";
/// Attribute of a negated relation.
pub(crate) const NEGATED: &str = "Negated";
/// Attribute of a relation that is not asserted: `Modality E2 Planned`.
pub(crate) const MODALITY: &str = "Modality";
/// Gold only: finding the mention or relation or not costs nothing.
pub(crate) const OPTIONAL: &str = "Optional";

/// The standoff (`.ann` content) of `doc`, extracted from `text`.
///
/// Lines come in the order of the document: each mention with its normalization, then each
/// relation with the spans it needs. Cost: one walk over the text for all char offsets, then
/// linear in mentions times the mentions of one entity.
pub fn standoff(doc: &Document, text: &str) -> String {
    Writer::new(doc, text).write()
}

/// `met_with` → `MetWith`, `participant` → `Participant`: the brat spelling of a contract name.
pub(crate) fn brat_name<T: Serialize>(value: &T) -> String {
    let json = match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => return String::new(),
    };
    json.split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect()
}

/// `MetWith` (or `met_with`) → [`RelationKind::MetWith`]; `None` for an unknown name.
pub(crate) fn parse_brat_name<T: DeserializeOwned>(name: &str) -> Option<T> {
    let mut snake = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 && !snake.ends_with('_') {
            snake.push('_');
        }
        snake.extend(c.to_lowercase());
    }
    serde_json::from_value(serde_json::Value::String(snake)).ok()
}

/// Characters a standoff span or field cannot hold: the line breaks and tabs of the format.
fn breaks_span(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// A note or name made safe for one tab-separated field.
fn one_field(s: &str) -> String {
    s.chars().map(|c| if breaks_span(c) { ' ' } else { c }).collect()
}

struct Writer<'a> {
    doc: &'a Document,
    text: &'a str,
    out: String,
    offsets: CharOffsets,
    /// Byte offset of the `\n` of every `\r\n`, in order: brat counts such a pair as one char.
    crlf: Vec<usize>,
    entities: HashMap<&'a str, &'a Entity>,
    /// The `T` number of each written mention, by entity: `(byte start, byte end, T)`.
    mentions_of: HashMap<&'a str, Vec<(usize, usize, usize)>>,
    /// Trigger spans already written, by `(type, start, end)`.
    triggers: HashMap<(RelationKind, usize, usize), usize>,
    /// Item spans already written.
    items: HashMap<(usize, usize), usize>,
    /// Implied spans already written, by `(entity, start, end)`.
    implied: HashMap<(&'a str, usize, usize), usize>,
    next_t: usize,
    next_n: usize,
    next_a: usize,
    next_r: usize,
    next_e: usize,
    next_note: usize,
}

impl<'a> Writer<'a> {
    fn new(doc: &'a Document, text: &'a str) -> Writer<'a> {
        let starts = doc.mentions.iter().map(|m| m.start).chain(doc.relations.iter().flat_map(|r| {
            let items = r.args.iter().filter_map(|a| a.start);
            [r.trigger.start, r.evidence.start].into_iter().chain(items)
        }));
        Writer {
            doc,
            text,
            out: String::new(),
            offsets: CharOffsets::new(text, starts),
            crlf: text.match_indices("\r\n").map(|(i, _)| i + 1).collect(),
            entities: doc.entities.iter().map(|e| (e.id.as_str(), e)).collect(),
            mentions_of: HashMap::new(),
            triggers: HashMap::new(),
            items: HashMap::new(),
            implied: HashMap::new(),
            next_t: 1,
            next_n: 1,
            next_a: 1,
            next_r: 1,
            next_e: 1,
            next_note: 1,
        }
    }

    fn write(mut self) -> String {
        for m in &self.doc.mentions {
            let Some(entity) = self.entities.get(m.entity.as_str()).copied() else { continue };
            if self.text.get(m.start..m.end) != Some(m.text.as_str()) {
                continue;
            }
            let Some(t) = self.span(&brat_name(&entity.kind), m.start, m.end) else { continue };
            self.normalization(t, entity);
            if m.form != MentionForm::Name {
                let id = self.next_a;
                self.next_a += 1;
                let _ = writeln!(self.out, "A{id}\t{FORM} T{t} {}", brat_name(&m.form));
            }
            self.mentions_of.entry(entity.id.as_str()).or_default().push((m.start, m.end, t));
        }
        for r in &self.doc.relations {
            self.relation(r);
        }
        self.out
    }

    /// Writes a `T` line of `kind` over `text[start..end]`; its number, or `None` when the span
    /// does not fit the text or holds nothing but line breaks.
    fn span(&mut self, kind: &str, start: usize, end: usize) -> Option<usize> {
        let slice = self.text.get(start..end)?;
        // brat's char offset: the contract's, less the `\r\n` pairs before.
        let first = self.offsets.get(start)? - self.crlf.partition_point(|&n| n < start);
        // Fragments: runs of chars without a line break, as (char start, char end, text).
        let mut fragments: Vec<(usize, usize, &str)> = Vec::new();
        let mut open: Option<(usize, usize)> = None; // (char start, byte start within slice)
        let mut chars = first;
        for (b, c) in slice.char_indices() {
            if breaks_span(c) {
                if let Some((cs, bs)) = open.take() {
                    fragments.push((cs, chars, &slice[bs..b]));
                }
            } else if open.is_none() {
                open = Some((chars, b));
            }
            if !(c == '\n' && self.crlf.binary_search(&(start + b)).is_ok()) {
                chars += 1;
            }
        }
        if let Some((cs, bs)) = open {
            fragments.push((cs, chars, &slice[bs..]));
        }
        if fragments.is_empty() {
            return None;
        }
        let t = self.next_t;
        self.next_t += 1;
        let offsets: Vec<String> = fragments.iter().map(|(a, b, _)| format!("{a} {b}")).collect();
        let texts: Vec<&str> = fragments.iter().map(|f| f.2).collect();
        let _ = writeln!(self.out, "T{t}\t{kind} {}\t{}", offsets.join(";"), texts.join(" "));
        Some(t)
    }

    fn normalization(&mut self, t: usize, entity: &Entity) {
        let n = self.next_n;
        self.next_n += 1;
        let _ = writeln!(
            self.out,
            "N{n}\tReference T{t} {NORMALIZATION_DB}:{}\t{}",
            one_field(&entity.id),
            one_field(&entity.name)
        );
    }

    fn relation(&mut self, r: &'a Relation) {
        let kind = brat_name(&r.kind);
        // Binary: the two core roles, one entity each, nothing else, stated as a plain fact.
        let core = r.kind.core_roles();
        let binary = !r.kind.is_symmetric()
            && core.len() == 2
            && r.args.len() == 2
            && r.args.iter().zip(core).all(|(a, &role)| a.role == role && a.entity.is_some())
            && !r.negated
            && r.modality == Modality::Asserted;
        let mut args: Vec<(ArgRole, usize)> = Vec::new();
        for a in &r.args {
            let t = match (&a.entity, a.start, a.end) {
                (Some(id), _, _) => self.argument_entity(r, id),
                (None, Some(start), Some(end)) => self.item(start, end),
                _ => None,
            };
            if let Some(t) = t {
                args.push((a.role, t));
            }
        }
        let id = if binary && args.len() == 2 {
            let n = self.next_r;
            self.next_r += 1;
            let _ = writeln!(self.out, "R{n}\t{kind} Arg1:T{} Arg2:T{}", args[0].1, args[1].1);
            format!("R{n}")
        } else {
            let Some(trigger) = self.trigger(r) else { return };
            let n = self.next_e;
            self.next_e += 1;
            let mut line = format!("E{n}\t{kind}:T{trigger}");
            let mut seen: HashMap<ArgRole, usize> = HashMap::new();
            for (role, t) in &args {
                let count = seen.entry(*role).or_default();
                *count += 1;
                let suffix = if *count > 1 { count.to_string() } else { String::new() };
                let _ = write!(line, " {}{suffix}:T{t}", brat_name(role));
            }
            let _ = writeln!(self.out, "{line}");
            let id = format!("E{n}");
            if r.negated {
                let a = self.next_a;
                self.next_a += 1;
                let _ = writeln!(self.out, "A{a}\t{NEGATED} {id}");
            }
            if r.modality != Modality::Asserted {
                let a = self.next_a;
                self.next_a += 1;
                let _ = writeln!(self.out, "A{a}\t{MODALITY} {id} {}", brat_name(&r.modality));
            }
            id
        };
        let mut note: Vec<String> = Vec::new();
        if !r.rule.is_empty() {
            note.push(r.rule.clone());
        }
        if !r.cameo.is_empty() {
            note.push(format!("CAMEO {}", r.cameo));
        }
        if let Some(d) = &r.date {
            note.push(format!("date {d}"));
        }
        if let Some(l) = &r.location {
            note.push(format!("location {l}"));
        }
        if !note.is_empty() {
            let n = self.next_note;
            self.next_note += 1;
            let _ = writeln!(self.out, "#{n}\tAnnotatorNotes {id}\t{}", one_field(&note.join(", ")));
        }
    }

    /// The `T` of the mention of `id` that the relation reads (inside its evidence, nearest to
    /// the trigger), else of the nearest mention, else of an implied span on the trigger.
    fn argument_entity(&mut self, r: &Relation, id: &'a str) -> Option<usize> {
        let entity = self.entities.get(id).copied()?;
        let (ts, te) = (r.trigger.start, r.trigger.end);
        let distance = |&(s, e, _): &(usize, usize, usize)| {
            if e <= ts {
                ts - e
            } else {
                s.saturating_sub(te)
            }
        };
        let inside = |&(s, e, _): &(usize, usize, usize)| r.evidence.start <= s && e <= r.evidence.end;
        if let Some(mentions) = self.mentions_of.get(id) {
            // min_by_key keeps the first of equals: the earlier mention wins a tie.
            let best = mentions
                .iter()
                .filter(|m| inside(m))
                .min_by_key(|m| distance(m))
                .or_else(|| mentions.iter().min_by_key(|m| distance(m)));
            if let Some(&(_, _, t)) = best {
                return Some(t);
            }
        }
        let (start, end) = self.anchor(r)?;
        if let Some(&t) = self.implied.get(&(id, start, end)) {
            return Some(t);
        }
        let t = self.span(&brat_name(&entity.kind), start, end)?;
        self.normalization(t, entity);
        let a = self.next_a;
        self.next_a += 1;
        let _ = writeln!(self.out, "A{a}\t{IMPLIED} T{t}");
        self.implied.insert((id, start, end), t);
        Some(t)
    }

    fn item(&mut self, start: usize, end: usize) -> Option<usize> {
        if let Some(&t) = self.items.get(&(start, end)) {
            return Some(t);
        }
        let t = self.span(ITEM_TYPE, start, end)?;
        self.items.insert((start, end), t);
        Some(t)
    }

    /// The span that stands for the relation: its trigger, else (an empty or broken trigger)
    /// its evidence.
    fn anchor(&self, r: &Relation) -> Option<(usize, usize)> {
        let fits = |s: usize, e: usize| s < e && self.text.get(s..e).is_some() && self.offsets.get(s).is_some();
        if fits(r.trigger.start, r.trigger.end) {
            Some((r.trigger.start, r.trigger.end))
        } else if fits(r.evidence.start, r.evidence.end) {
            Some((r.evidence.start, r.evidence.end))
        } else {
            None
        }
    }

    fn trigger(&mut self, r: &Relation) -> Option<usize> {
        let (start, end) = self.anchor(r)?;
        if let Some(&t) = self.triggers.get(&(r.kind, start, end)) {
            return Some(t);
        }
        let t = self.span(&brat_name(&r.kind), start, end)?;
        self.triggers.insert((r.kind, start, end), t);
        Some(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, MentionForm};

    #[test]
    fn brat_names_are_the_contract_names_in_camel_case_and_back() {
        assert_eq!(brat_name(&RelationKind::MetWith), "MetWith");
        assert_eq!(brat_name(&RelationKind::CalledOn), "CalledOn");
        assert_eq!(brat_name(&ArgRole::Participant), "Participant");
        assert_eq!(brat_name(&EntityKind::Organization), "Organization");
        assert_eq!(brat_name(&MentionForm::Coref), "Coref");
        assert_eq!(brat_name(&Modality::Hypothetical), "Hypothetical");
        assert_eq!(parse_brat_name::<RelationKind>("LeaderOf"), Some(RelationKind::LeaderOf));
        assert_eq!(parse_brat_name::<RelationKind>("leader_of"), Some(RelationKind::LeaderOf));
        assert_eq!(parse_brat_name::<ArgRole>("Detainee"), Some(ArgRole::Detainee));
        assert_eq!(parse_brat_name::<RelationKind>("Married"), None);
    }

    #[test]
    fn every_name_the_writer_can_emit_is_declared_in_annotation_conf() {
        use RelationKind::*;
        let declared: Vec<&str> = ANNOTATION_CONF
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(|l| l.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        let kinds = [
            MetWith, Detained, Supplied, LeaderOf, LocatedIn, Promised, Visited, Accused, Criticized, Sanctioned,
            CalledOn, Recognized,
        ];
        let mut names: Vec<String> = Vec::new();
        for k in kinds {
            names.push(brat_name(&k));
            names.extend(k.core_roles().iter().map(brat_name));
        }
        for k in [EntityKind::Person, EntityKind::Country, EntityKind::City, EntityKind::Organization] {
            names.push(brat_name(&k));
        }
        for f in [MentionForm::Partial, MentionForm::Adjective, MentionForm::Metonym, MentionForm::Role, MentionForm::Coref] {
            names.push(brat_name(&f));
        }
        for m in [Modality::Reported, Modality::Planned, Modality::Hypothetical] {
            names.push(brat_name(&m));
        }
        use ArgRole::*;
        for r in [Detainer, Place, Item] {
            names.push(brat_name(&r));
        }
        names.extend([ITEM_TYPE, FORM, IMPLIED, NEGATED, MODALITY, OPTIONAL].map(String::from));
        for name in names {
            assert!(declared.contains(&name.as_str()), "annotation.conf does not declare {name}");
        }
    }
}
