//! brat standoff read as gold: the inverse of [`crate::output::brat`].
//!
//! * A `T` span of an entity type (`Person`, `Country`, `City`, `Organization`) is a mention;
//!   its entity id comes from its `N` line `Reference T1 wirelink:ID` (required). A `Form`
//!   attribute gives its form (a name without one), `Optional` makes it optional, and
//!   `Implied` makes it no mention at all: only an entity that relations may point to.
//! * An `R` line is a relation whose `Arg1` and `Arg2` are its two core roles in the contract's
//!   order; role names (`Supplier:T1`) are read too.
//! * An `E` line is a relation; its roles are the contract's, numbered when repeated
//!   (`Participant2`). An argument pointing to an `Item` span is a text argument.
//! * `Negated`, `Modality` and `Optional` attributes of an `R` or `E` fill the same keys of
//!   the gold relation. `AnnotatorNotes` (`#`) and `Equiv` (`*`) lines are skipped, as are
//!   normalizations to other databases and attributes of other names.
//!
//! Offsets are brat's, which reads the text with universal newlines: a `\r\n` is one char there.
//!
//! Anything else is an error naming its line: a malformed line, an id defined twice, a
//! reference to an undefined id, offsets past the text, a `T` whose text is not the text at its
//! offsets, an unknown type or role, a mention without a `wirelink` reference.

use std::collections::HashMap;
use std::fmt;

use super::gold::{GoldArgument, GoldDocument, GoldIds, GoldMention, GoldRelation};
use crate::model::{ArgRole, Entity, EntityKind, MentionForm, Modality, RelationKind};
use crate::output::brat::{parse_brat_name, FORM, IMPLIED, ITEM_TYPE, MODALITY, NEGATED, NORMALIZATION_DB, OPTIONAL};
use crate::Lang;

/// What is wrong in a `.ann` file, and on which line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BratError {
    line: usize,
    message: String,
}

impl BratError {
    /// The 1-based line of the `.ann` file.
    pub fn line(&self) -> usize {
        self.line
    }
}

impl fmt::Display for BratError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BratError {}

fn error<T>(line: usize, message: impl Into<String>) -> Result<T, BratError> {
    Err(BratError { line, message: message.into() })
}

/// A `T` line: type and char offsets of its fragments.
struct Span<'a> {
    line: usize,
    kind: &'a str,
    fragments: Vec<(usize, usize)>,
}

/// An `R` or `E` line.
struct Link<'a> {
    line: usize,
    id: &'a str,
    kind: &'a str,
    /// The trigger of an event.
    trigger: Option<&'a str>,
    /// `(role label, target id)`.
    args: Vec<(&'a str, &'a str)>,
}

/// An `A` or `M` line.
struct Attribute<'a> {
    line: usize,
    name: &'a str,
    value: Option<&'a str>,
}

/// The parsed lines of one file.
#[derive(Default)]
struct Parsed<'a> {
    /// Line of definition of every id.
    defined: HashMap<&'a str, usize>,
    spans: Vec<(&'a str, Span<'a>)>,
    links: Vec<Link<'a>>,
    /// `wirelink` references by target: (line, entity id, name).
    references: HashMap<&'a str, (usize, &'a str, &'a str)>,
    /// Attributes by target.
    attributes: HashMap<&'a str, Vec<Attribute<'a>>>,
    /// Every `(line, id)` a line points to, checked once all lines are read.
    pointers: Vec<(usize, &'a str)>,
}

/// Reads `ann`, the standoff of `text`, as the gold of a document in `lang`.
pub(super) fn read(ann: &str, text: &str, lang: Lang) -> Result<GoldDocument, BratError> {
    // The byte offset and the contract's char offset of every char as brat counts them (the
    // `\n` of a `\r\n` is none), and of the end.
    let (mut bytes, mut scalars) = (Vec::with_capacity(text.len() + 1), Vec::with_capacity(text.len() + 1));
    let mut count = 0;
    for (b, c) in text.char_indices() {
        if !(c == '\n' && text[..b].ends_with('\r')) {
            bytes.push(b);
            scalars.push(count);
        }
        count += 1;
    }
    bytes.push(text.len());
    scalars.push(count);
    let parsed = parse(ann, text, &bytes)?;
    for &(line, id) in &parsed.pointers {
        if !parsed.defined.contains_key(id) {
            return error(line, format!("{id} is not defined in this file"));
        }
    }
    let spans: HashMap<&str, &Span<'_>> = parsed.spans.iter().map(|(id, s)| (*id, s)).collect();
    let attrs = |id: &str| parsed.attributes.get(id).map(Vec::as_slice).unwrap_or_default();
    let has = |id: &str, name: &str| attrs(id).iter().any(|a| a.name == name);

    // Entity spans: mentions, or implied entities.
    let mut gold = GoldDocument {
        file: None,
        lang,
        date: None,
        entities: Vec::new(),
        mentions: Vec::new(),
        relations: Vec::new(),
        must_not: Vec::new(),
        note: None,
    };
    let mut entity_of: HashMap<&str, &str> = HashMap::new();
    let mut kinds: HashMap<&str, (EntityKind, usize)> = HashMap::new();
    let mut entities: Vec<(usize, Entity)> = Vec::new();
    let triggers: Vec<&str> = parsed.links.iter().filter_map(|l| l.trigger).collect();
    for (id, span) in &parsed.spans {
        let Some(kind) = parse_brat_name::<EntityKind>(span.kind) else {
            if span.kind == ITEM_TYPE || triggers.contains(id) || parse_brat_name::<RelationKind>(span.kind).is_some() {
                continue;
            }
            return error(span.line, format!("{id}: unknown type {:?} (an entity type, Item, or an event's trigger)", span.kind));
        };
        let Some(&(_, entity, name)) = parsed.references.get(id) else {
            return error(
                span.line,
                format!("{id}: a {} span with no {NORMALIZATION_DB} reference (add `Nn\tReference {id} {NORMALIZATION_DB}:ID`)", span.kind),
            );
        };
        match kinds.get(entity) {
            Some(&(k, line)) if k != kind => {
                return error(span.line, format!("{id}: {entity} is a {} here but a {} on line {line}", span.kind, crate::output::brat::brat_name(&k)));
            }
            Some(_) => {}
            None => {
                kinds.insert(entity, (kind, span.line));
                let name = if name.is_empty() { entity } else { name };
                let first = span.fragments.first().map_or(0, |f| f.0);
                entities.push((first, Entity { id: entity.to_owned(), kind, name: name.to_owned(), country: None, role: None, known: None }));
            }
        }
        entity_of.insert(id, entity);
        if has(id, IMPLIED) {
            continue;
        }
        let mut form = MentionForm::Name;
        for a in attrs(id).iter().filter(|a| a.name == FORM) {
            form = match a.value.and_then(parse_brat_name) {
                Some(f) => f,
                None => return error(a.line, format!("{FORM} of {id}: unknown form {:?}", a.value.unwrap_or(""))),
            };
        }
        let (first, last) = (span.fragments[0].0, span.fragments[span.fragments.len() - 1].1);
        let (start, end) = (bytes[first], bytes[last]);
        let (char_start, char_end) = (scalars[first], scalars[last]);
        gold.mentions.push(GoldMention {
            start,
            end,
            char_start,
            char_end,
            text: text[start..end].to_owned(),
            entity: entity.to_owned(),
            form: Some(form),
            optional: has(id, OPTIONAL),
            note: None,
        });
    }
    gold.mentions.sort_by_key(|m| (m.char_start, m.char_end));
    entities.sort_by_key(|(first, _)| *first);
    gold.entities = entities.into_iter().map(|(_, e)| e).collect();

    for link in &parsed.links {
        gold.relations.push(relation(link, &spans, &entity_of, &bytes, text, attrs(link.id))?);
    }
    Ok(gold)
}

/// One `R` or `E` line as a gold relation.
fn relation(
    link: &Link<'_>,
    spans: &HashMap<&str, &Span<'_>>,
    entity_of: &HashMap<&str, &str>,
    bytes: &[usize],
    text: &str,
    attributes: &[Attribute<'_>],
) -> Result<GoldRelation, BratError> {
    let line = link.line;
    let Some(kind) = parse_brat_name::<RelationKind>(link.kind) else {
        return error(line, format!("{}: unknown relation type {:?}", link.id, link.kind));
    };
    let core = kind.core_roles();
    let mut args = Vec::new();
    for &(label, target) in &link.args {
        let role = match (link.trigger, label) {
            (None, "Arg1" | "Arg2") if core.len() == 2 => core[usize::from(label == "Arg2")],
            (None, "Arg1" | "Arg2") => {
                return error(line, format!("{}: {} has {} core roles; write it as an event (E line)", link.id, link.kind, core.len()));
            }
            _ => match parse_brat_name::<ArgRole>(label.trim_end_matches(|c: char| c.is_ascii_digit())) {
                Some(role) => role,
                None => return error(line, format!("{}: unknown role {label:?}", link.id)),
            },
        };
        if let Some(entity) = entity_of.get(target) {
            args.push(GoldArgument { role, entity: Some(GoldIds::One((*entity).to_owned())), text: None, start: None, end: None });
        } else if let Some(span) = spans.get(target).filter(|s| s.kind == ITEM_TYPE) {
            let (start, end) = (bytes[span.fragments[0].0], bytes[span.fragments[span.fragments.len() - 1].1]);
            args.push(GoldArgument { role, entity: None, text: Some(text[start..end].to_owned()), start: Some(start), end: Some(end) });
        } else {
            return error(line, format!("{}: argument {label}:{target} is neither an entity span nor an {ITEM_TYPE}", link.id));
        }
    }
    let mut relation = GoldRelation {
        kind,
        args,
        negated: false,
        modality: None,
        location: None,
        date: None,
        optional: false,
        note: None,
    };
    for a in attributes {
        match a.name {
            NEGATED => relation.negated = true,
            OPTIONAL => relation.optional = true,
            MODALITY => match a.value.and_then(parse_brat_name::<Modality>) {
                Some(m) => relation.modality = Some(m),
                None => return error(a.line, format!("{MODALITY} of {}: unknown modality {:?}", link.id, a.value.unwrap_or(""))),
            },
            _ => {}
        }
    }
    Ok(relation)
}

/// Reads every line, checking its syntax, its offsets and that no id is defined twice.
fn parse<'a>(ann: &'a str, text: &str, bytes: &[usize]) -> Result<Parsed<'a>, BratError> {
    let chars = bytes.len() - 1;
    let mut p = Parsed::default();
    for (i, raw) in ann.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let Some((id, rest)) = raw.split_once('\t') else {
            return error(line, "expected an id, a tab and an annotation");
        };
        if id != "*" {
            if let Some(first) = p.defined.insert(id, line) {
                return error(line, format!("{id} is defined twice (first on line {first})"));
            }
        }
        let fields = rest.split('\t').next().unwrap_or("");
        let words: Vec<&str> = fields.split_whitespace().collect();
        match id.chars().next() {
            Some('T') => {
                let Some((spec, quoted)) = rest.split_once('\t') else {
                    return error(line, format!("{id}: expected `TYPE START END`, a tab and the text"));
                };
                let Some((kind, offsets)) = spec.split_once(' ') else {
                    return error(line, format!("{id}: expected `TYPE START END`"));
                };
                let mut fragments = Vec::new();
                for fragment in offsets.split(';') {
                    let pair: Vec<&str> = fragment.split_whitespace().collect();
                    let (Some(a), Some(b), 2) = (pair.first().and_then(|s| s.parse::<usize>().ok()), pair.get(1).and_then(|s| s.parse::<usize>().ok()), pair.len()) else {
                        return error(line, format!("{id}: {fragment:?} is not `START END`"));
                    };
                    if a > b || b > chars {
                        return error(line, format!("{id}: offsets {a} {b} do not fit the text ({chars} chars)"));
                    }
                    fragments.push((a, b));
                }
                if fragments.windows(2).any(|w| w[1].0 < w[0].1) {
                    return error(line, format!("{id}: fragments out of order"));
                }
                // brat joins the texts of fragments with one space.
                let found: Vec<&str> = fragments.iter().map(|&(a, b)| &text[bytes[a]..bytes[b]]).collect();
                let found = found.join(" ");
                if found != quoted {
                    return error(line, format!("{id}: the text at {offsets} is {found:?}, not {quoted:?}"));
                }
                p.spans.push((id, Span { line, kind, fragments }));
            }
            Some('N') => {
                let name = rest.split('\t').nth(1).unwrap_or("");
                let [_, target, reference] = words[..] else {
                    return error(line, format!("{id}: expected `Reference TARGET DB:ID`"));
                };
                p.pointers.push((line, target));
                let Some((db, entity)) = reference.split_once(':') else {
                    return error(line, format!("{id}: expected DB:ID, found {reference:?}"));
                };
                if db == NORMALIZATION_DB {
                    if let Some((first, ..)) = p.references.insert(target, (line, entity, name)) {
                        return error(line, format!("{id}: {target} already has a {NORMALIZATION_DB} reference (line {first})"));
                    }
                }
            }
            Some('A' | 'M') => {
                let (name, target, value) = match words[..] {
                    [name, target] => (name, target, None),
                    [name, target, value] => (name, target, Some(value)),
                    _ => return error(line, format!("{id}: expected `NAME TARGET [VALUE]`")),
                };
                p.pointers.push((line, target));
                p.attributes.entry(target).or_default().push(Attribute { line, name, value });
            }
            Some('R') => {
                let [kind, a1, a2] = words[..] else {
                    return error(line, format!("{id}: expected `TYPE Arg1:ID Arg2:ID`"));
                };
                let args = [a1, a2].iter().map(|a| role_target(id, line, a)).collect::<Result<Vec<_>, _>>()?;
                p.pointers.extend(args.iter().map(|&(_, t)| (line, t)));
                p.links.push(Link { line, id, kind, trigger: None, args });
            }
            Some('E') => {
                let Some((first, rest)) = words.split_first() else {
                    return error(line, format!("{id}: expected `TYPE:TRIGGER ROLE:ID …`"));
                };
                let (kind, trigger) = role_target(id, line, first)?;
                let args = rest.iter().map(|a| role_target(id, line, a)).collect::<Result<Vec<_>, _>>()?;
                p.pointers.push((line, trigger));
                p.pointers.extend(args.iter().map(|&(_, t)| (line, t)));
                p.links.push(Link { line, id, kind, trigger: Some(trigger), args });
            }
            Some('#' | '*') => {}
            _ => return error(line, format!("{id}: unknown annotation kind (expected T, N, A, M, R, E, # or *)")),
        }
    }
    Ok(p)
}

fn role_target<'a>(id: &str, line: usize, arg: &'a str) -> Result<(&'a str, &'a str), BratError> {
    match arg.split_once(':') {
        Some((role, target)) if !role.is_empty() && !target.is_empty() => Ok((role, target)),
        _ => error(line, format!("{id}: expected ROLE:ID, found {arg:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Poutine a rencontré Loukachenko à Sotchi.\nLa Russie fournit du pétrole au Bélarus.";

    fn gold(ann: &str) -> Result<GoldDocument, BratError> {
        read(ann, TEXT, Lang::Fr)
    }

    #[test]
    fn spans_references_events_and_relations_become_gold() {
        let ann = "T1\tPerson 0 7\tPoutine\nN1\tReference T1 wirelink:vladimir-putin\tVladimir Putin\n\
                   A1\tForm T1 Partial\n\
                   T2\tPerson 20 31\tLoukachenko\nN2\tReference T2 wirelink:alexander-lukashenko\tAlexander Lukashenko\n\
                   T3\tCountry 45 51\tRussie\nN3\tReference T3 wirelink:RUS\tRussia\n\
                   T4\tCountry 74 81\tBélarus\nN4\tReference T4 wirelink:BLR\tBelarus\n\
                   T5\tMetWith 8 19\ta rencontré\nE1\tMetWith:T5 Participant:T1 Participant2:T2\n\
                   A2\tModality E1 Planned\n#1\tAnnotatorNotes E1\tfr.meet.verb_rencontrer\n\
                   T6\tItem 60 70\tdu pétrole\n\
                   R1\tSupplied Arg1:T3 Arg2:T4\n";
        let g = gold(ann).unwrap();
        assert_eq!(g.mentions.len(), 4);
        assert_eq!(g.mentions[0].entity, "vladimir-putin");
        assert_eq!(g.mentions[0].form, Some(MentionForm::Partial));
        assert_eq!(g.mentions[3].text, "Bélarus");
        assert_eq!((g.mentions[3].start, g.mentions[3].end), (TEXT.find("Bélarus").unwrap(), TEXT.len() - 1));
        assert_eq!(g.entities.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["vladimir-putin", "alexander-lukashenko", "RUS", "BLR"]);
        let met = &g.relations[0];
        assert_eq!((met.kind, met.modality), (RelationKind::MetWith, Some(Modality::Planned)));
        assert_eq!(met.args.iter().map(|a| a.role).collect::<Vec<_>>(), [ArgRole::Participant; 2]);
        let supplied = &g.relations[1];
        assert_eq!(supplied.args[0].role, ArgRole::Supplier);
        assert_eq!(supplied.args[1].entity, Some(GoldIds::One("BLR".into())));
    }

    #[test]
    fn a_span_split_at_a_line_break_is_one_mention() {
        let text = "Vladimir\nPoutine";
        let ann = "T1\tPerson 0 8;9 16\tVladimir Poutine\nN1\tReference T1 wirelink:vladimir-putin\tVladimir Putin\n";
        let g = read(ann, text, Lang::Fr).unwrap();
        assert_eq!((g.mentions[0].char_start, g.mentions[0].char_end, g.mentions[0].text.as_str()), (0, 16, text));
    }

    #[test]
    fn bad_lines_are_named_with_what_is_wrong() {
        let cases: &[(&str, usize, &str)] = &[
            ("T1 Person 0 7 Poutine", 1, "expected an id, a tab and an annotation"),
            ("T1\tPerson 0 7\tPutin", 1, "T1: the text at 0 7 is \"Poutine\", not \"Putin\""),
            ("T1\tPerson 0 900\tPoutine", 1, "T1: offsets 0 900 do not fit the text (82 chars)"),
            ("T1\tPerson 0 7\tPoutine\nT1\tPerson 0 7\tPoutine", 2, "T1 is defined twice (first on line 1)"),
            ("T1\tPerson 0 7\tPoutine", 1, "T1: a Person span with no wirelink reference (add `Nn\tReference T1 wirelink:ID`)"),
            ("N1\tReference T9 wirelink:vladimir-putin\tVladimir Putin", 1, "T9 is not defined in this file"),
            ("T1\tLeader 0 7\tPoutine", 1, "T1: unknown type \"Leader\" (an entity type, Item, or an event's trigger)"),
            ("T5\tMetWith 8 19\ta rencontré\nE1\tMetWith:T5 Guest:T5", 2, "E1: unknown role \"Guest\""),
            ("T5\tMetWith 8 19\ta rencontré\nE1\tMarried:T5", 2, "E1: unknown relation type \"Married\""),
            ("X1\tfoo", 1, "X1: unknown annotation kind (expected T, N, A, M, R, E, # or *)"),
        ];
        for &(ann, line, message) in cases {
            let e = gold(ann).err().unwrap_or_else(|| panic!("{ann:?} was read without error"));
            assert_eq!((e.line(), e.to_string().as_str()), (line, message), "{ann:?}");
        }
    }
}
