//! brat standoff: every annotated dispatch goes extract → standoff → gold → score with nothing
//! lost; every generated line is well-formed standoff that `docs/brat/annotation.conf`
//! declares; `wirelink extract --format brat` and `wirelink eval` on `.ann` files.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use wirelink::eval::{score, GoldDocument};
use wirelink::output::brat;
mod common;

use wirelink::{Document, Extractor, Input, Modality};

/// Every annotated dispatch (`*.txt` with a `.gold.json`) and the bundled example, with the
/// document extracted the way `tests/gold.rs` does it.
fn dispatches() -> Vec<(PathBuf, String, Document)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut txts = common::texts_under(&root.join("tests/dispatches"));
    txts.insert(0, root.join("examples/sochi_2020.fr.txt"));
    txts.into_iter()
        .map(|txt| {
            let text = std::fs::read_to_string(&txt).unwrap();
            let doc = common::extract_as_gold(&text, common::gold_of(&txt).as_ref());
            (txt, text, doc)
        })
        .collect()
}

#[test]
fn every_dispatch_survives_the_round_trip_through_standoff() {
    let docs = dispatches();
    assert!(docs.len() > 30, "only {} dispatches found", docs.len());
    let mut pairs = Vec::new();
    for (path, text, doc) in &docs {
        let ann = brat::standoff(doc, text);
        let gold = GoldDocument::from_brat(&ann, text, doc.lang)
            .unwrap_or_else(|e| panic!("{}: line {}: {e}\n{ann}", path.display(), e.line()));
        // What scoring does not compare must come back too: forms, negation, modality.
        let mentions: Vec<_> = doc.mentions.iter().map(|m| (m.char_start, m.char_end, &m.entity, Some(m.form))).collect();
        let read: Vec<_> = gold.mentions.iter().map(|m| (m.char_start, m.char_end, &m.entity, m.form)).collect();
        assert_eq!(mentions, read, "{}", path.display());
        let mut relations: Vec<_> = doc.relations.iter().map(|r| (r.kind, r.negated, r.modality)).collect();
        let mut read: Vec<_> =
            gold.relations.iter().map(|r| (r.kind, r.negated, r.modality.unwrap_or(Modality::Asserted))).collect();
        relations.sort_by_key(|r| format!("{r:?}"));
        read.sort_by_key(|r| format!("{r:?}"));
        assert_eq!(relations, read, "{}", path.display());
        pairs.push((gold, doc.clone()));
    }
    let report = score(&pairs);
    let all = report.overall;
    for (layer, counts) in [("entities", all.entities), ("mentions", all.mentions), ("relations", all.relations)] {
        assert!(
            counts.precision() == 1.0 && counts.recall() == 1.0 && counts.f1() == 1.0,
            "{layer}: {counts:?}\n{report}"
        );
    }
    assert!(all.relations.tp > 100 && all.mentions.tp > 500, "too little was compared: {all:?}");
    eprintln!(
        "round trip of {} documents: {} entities, {} mentions, {} relation keys, P = R = F1 = 1",
        docs.len(),
        all.entities.tp,
        all.mentions.tp,
        all.relations.tp
    );
}

/// `docs/brat/annotation.conf` as brat reads it: the types of each section, the roles of each
/// event with their multiplicity and the types they take, the targets and values of each
/// attribute. Macros (`<ACTOR>=Person|…`) are expanded where they are used, as brat does;
/// `<ENTITY>` and `<EVENT>` stand for every entity and every event type.
#[derive(Default, Debug)]
struct Conf {
    entities: HashSet<String>,
    /// Relation type → the types of Arg1 and of Arg2.
    relations: HashMap<String, (HashSet<String>, HashSet<String>)>,
    /// Event type → role → (multiplicity: ' ' exactly one, '?', '*' or '+'; the types it takes).
    events: HashMap<String, HashMap<String, (char, HashSet<String>)>>,
    /// Attribute → (the types it can be put on, its values: none for a binary attribute).
    attributes: HashMap<String, (HashSet<String>, HashSet<String>)>,
    /// `<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>`: entity spans may share,
    /// contain or cross each other (without it brat reports every overlap as an error).
    any_overlap: bool,
}

/// One line of a section of annotation.conf: section, name, `(key, types)` of its arguments.
type ConfLine<'a> = (&'a str, String, Vec<(String, Vec<String>)>);

/// The char offsets of a span's fragments.
type Fragments = Vec<(usize, usize)>;

impl Conf {
    fn read(conf: &str) -> Conf {
        let mut macros: HashMap<String, String> = HashMap::new();
        let mut section = "";
        // (section, name, [(key, types)]), expanded once every type is known.
        let mut lines: Vec<ConfLine> = Vec::new();
        for line in conf.lines() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = ["entities", "relations", "events", "attributes"].into_iter().find(|s| *s == name).unwrap();
                continue;
            }
            if let Some((name, value)) = line.split_once('=').filter(|(n, _)| n.starts_with('<') && !n.contains(char::is_whitespace)) {
                macros.insert(name.to_owned(), value.to_owned());
                continue;
            }
            let (name, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let mut args = Vec::new();
            for arg in rest.split(',').map(str::trim).filter(|a| !a.is_empty()) {
                let (key, types) = arg.split_once(':').unwrap_or_else(|| panic!("annotation.conf: argument {arg:?} of {name}"));
                let mut expanded = types.to_owned();
                for (m, v) in &macros {
                    expanded = expanded.replace(m.as_str(), v);
                }
                args.push((key.to_owned(), expanded.split('|').map(str::to_owned).collect()));
            }
            lines.push((section, name.to_owned(), args));
        }
        let mut conf = Conf::default();
        for (section, name, _) in &lines {
            if *section == "entities" {
                conf.entities.insert(name.clone());
            }
        }
        let events: HashSet<String> = lines.iter().filter(|l| l.0 == "events").map(|l| l.1.clone()).collect();
        let expand = |types: &[String]| -> HashSet<String> {
            types
                .iter()
                .flat_map(|t| match t.as_str() {
                    "<ENTITY>" => conf.entities.iter().cloned().collect::<Vec<_>>(),
                    "<EVENT>" => events.iter().cloned().collect(),
                    _ => vec![t.clone()],
                })
                .collect()
        };
        let mut relations = HashMap::new();
        let mut event_roles = HashMap::new();
        let mut attributes = HashMap::new();
        let mut any_overlap = false;
        for (section, name, args) in &lines {
            let arg = |key: &str| args.iter().find(|a| a.0 == key).map(|a| expand(&a.1)).unwrap_or_default();
            match *section {
                "relations" if name == "<OVERLAP>" => {
                    let all = |k: &str| arg(k) == conf.entities;
                    any_overlap = all("Arg1") && all("Arg2") && arg("<OVL-TYPE>").contains("<ANY>");
                }
                "relations" => {
                    relations.insert(name.clone(), (arg("Arg1"), arg("Arg2")));
                }
                "events" => {
                    let roles: HashMap<String, (char, HashSet<String>)> = args
                        .iter()
                        .map(|(key, types)| match key.strip_suffix(['?', '*', '+']) {
                            Some(role) => (role.to_owned(), (key.chars().last().unwrap(), expand(types))),
                            None => (key.clone(), (' ', expand(types))),
                        })
                        .collect();
                    event_roles.insert(name.clone(), roles);
                }
                "attributes" => {
                    attributes.insert(name.clone(), (arg("Arg"), arg("Value")));
                }
                _ => {}
            }
        }
        conf.relations = relations;
        conf.events = event_roles;
        conf.attributes = attributes;
        conf.any_overlap = any_overlap;
        conf
    }
}

/// Checks one `.ann` against its text the way brat's server reads and verifies it
/// (`annotation.py`, `verify_annotations.py`), independently of the crate's reader; the problems.
///
/// brat reads the `.txt` with universal newlines, so its offsets count `\r\n` as one char. Every
/// line is `ID\tDATA[\tTAIL]`; then, by the id's letter:
/// * `T`: a declared entity or event type, fragments `START END` joined by `;`, in order and not
///   overlapping, inside the text, and the tail is the fragments' texts joined by one space;
/// * `N`: `Reference TARGET DB:ID` (here: a `wirelink` reference on an entity span);
/// * `A`: a declared attribute on a type it is declared for, with one of its values or none;
/// * `R`: `TYPE Arg1:ID Arg2:ID` with argument types the relation takes;
/// * `E`: `TYPE:TRIGGER ROLE:ID …`, the trigger a span of the event's type, every role (less its
///   trailing number) one of the event's, on a type it takes, repeated only when declared `+` or
///   `*`, and every mandatory role there;
/// * `#`: `AnnotatorNotes TARGET`.
///
/// Every id pointed to is defined, once; a trigger is pointed to by events only, and by one at
/// least; no two triggers share span and type; entity spans overlap only where the
/// configuration's `<OVERLAP>` allows it.
fn problems(ann: &str, text: &str) -> Vec<String> {
    let conf = Conf::read(brat::ANNOTATION_CONF);
    let brat_text = text.replace("\r\n", "\n").replace('\r', "\n");
    let chars: Vec<char> = brat_text.chars().collect();
    let mut out = Vec::new();
    // id → (line, type, kind letter)
    let mut defined: HashMap<&str, (usize, &str, char)> = HashMap::new();
    // (line, referencing kind, target, required target kind)
    let mut pointers: Vec<(usize, char, &str)> = Vec::new();
    let mut spans: Vec<(&str, &str, Fragments)> = Vec::new();
    let mut normalized: HashMap<&str, usize> = HashMap::new();
    struct Event<'a> {
        line: usize,
        kind: &'a str,
        trigger: &'a str,
        args: Vec<(&'a str, &'a str)>,
    }
    let mut events: Vec<Event> = Vec::new();
    let mut relations: Vec<(usize, &str, &str, &str)> = Vec::new();
    let mut attributes: Vec<(usize, &str, &str, Option<&str>)> = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let n = i + 1;
        let fields: Vec<&str> = line.split('\t').collect();
        let id = fields[0];
        let kind = id.chars().next().unwrap_or(' ');
        let valid_id = id.len() > 1 && id[1..].chars().all(|c| c.is_ascii_digit()) && "TNARE#".contains(kind);
        if !valid_id {
            out.push(format!("line {n}: bad id {id:?}"));
            continue;
        }
        let expected_fields = if "TN#".contains(kind) { 3 } else { 2 };
        if fields.len() != expected_fields {
            out.push(format!("line {n}: {} tab-separated fields, expected {expected_fields}", fields.len()));
            continue;
        }
        let words: Vec<&str> = fields[1].split(' ').collect();
        let ty = if kind == 'E' { words[0].split(':').next().unwrap() } else { words[0] };
        if let Some(&(first, ..)) = defined.get(id) {
            out.push(format!("line {n}: {id} defined twice (first on line {first})"));
        }
        defined.insert(id, (n, ty, kind));
        match kind {
            'T' => {
                if !(conf.entities.contains(ty) || conf.events.contains_key(ty)) {
                    out.push(format!("line {n}: type {ty} is not declared"));
                }
                let mut pieces = Vec::new();
                let mut fragments: Fragments = Vec::new();
                for fragment in words[1..].join(" ").split(';') {
                    let [a, b] = fragment.split(' ').map(|x| x.parse::<usize>().unwrap_or(usize::MAX)).collect::<Vec<_>>()[..] else {
                        out.push(format!("line {n}: fragment {fragment:?}"));
                        continue;
                    };
                    if a >= b || b > chars.len() {
                        out.push(format!("line {n}: offsets {a} {b} outside the text ({} chars) or empty", chars.len()));
                        continue;
                    }
                    // brat's test: a fragment may not reach into or touch the start of one before it.
                    if fragments.iter().any(|&(s, e)| b >= s && a < e) || fragments.last().is_some_and(|&(_, e)| a < e) {
                        out.push(format!("line {n}: fragment {a} {b} overlaps or precedes an earlier one"));
                    }
                    fragments.push((a, b));
                    pieces.push(chars[a..b].iter().collect::<String>());
                }
                if pieces.join(" ") != fields[2] {
                    out.push(format!("line {n}: text {:?} is not the text at its offsets {:?}", fields[2], pieces.join(" ")));
                }
                if fields[2].contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) {
                    out.push(format!("line {n}: a span holds a line break"));
                }
                spans.push((id, ty, fragments));
            }
            'N' => {
                if words.len() != 3 || words[0] != "Reference" || !words[2].starts_with("wirelink:") || words[2].len() <= 9 {
                    out.push(format!("line {n}: expected Reference TARGET wirelink:ID"));
                } else {
                    pointers.push((n, 'N', words[1]));
                    if let Some(first) = normalized.insert(words[1], n) {
                        out.push(format!("line {n}: {} has a second wirelink reference (line {first})", words[1]));
                    }
                }
            }
            'A' => match words[..] {
                [name, target] => attributes.push((n, name, target, None)),
                [name, target, value] => attributes.push((n, name, target, Some(value))),
                _ => out.push(format!("line {n}: attribute {:?}", fields[1])),
            },
            'R' => match words[..] {
                [_, a1, a2] if a1.starts_with("Arg1:") && a2.starts_with("Arg2:") => {
                    relations.push((n, ty, &a1[5..], &a2[5..]));
                }
                _ => out.push(format!("line {n}: relation {:?}", fields[1])),
            },
            'E' => {
                let trigger = words[0].split_once(':').map_or("", |x| x.1);
                let mut args = Vec::new();
                for w in &words[1..] {
                    match w.split_once(':') {
                        Some((role, target)) if !role.is_empty() && !target.is_empty() => args.push((role, target)),
                        _ => out.push(format!("line {n}: argument {w:?}")),
                    }
                }
                events.push(Event { line: n, kind: ty, trigger, args });
            }
            '#' => {
                if words.len() != 2 || words[0] != "AnnotatorNotes" {
                    out.push(format!("line {n}: note {:?}", fields[1]));
                }
                pointers.push((n, '#', words.get(1).copied().unwrap_or("")));
            }
            _ => unreachable!(),
        }
    }
    let type_of = |id: &str| defined.get(id).map(|d| d.1);
    let triggers: HashSet<&str> = events.iter().map(|e| e.trigger).collect();
    let is_entity_span = |id: &str| defined.get(id).is_some_and(|d| d.2 == 'T' && conf.entities.contains(d.1)) && !triggers.contains(id);

    for e in &events {
        let n = e.line;
        let Some(roles) = conf.events.get(e.kind) else {
            out.push(format!("line {n}: event type {} not declared", e.kind));
            continue;
        };
        if defined.get(e.trigger).map(|d| (d.1, d.2)) != Some((e.kind, 'T')) {
            out.push(format!("line {n}: trigger {} is not a {} span", e.trigger, e.kind));
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for &(label, target) in &e.args {
            let role = label.trim_end_matches(|c: char| c.is_ascii_digit());
            *counts.entry(role).or_default() += 1;
            match roles.get(role) {
                None => out.push(format!("line {n}: {} takes no {role} argument", e.kind)),
                Some((_, types)) => {
                    if !is_entity_span(target) || !type_of(target).is_some_and(|t| types.contains(t)) {
                        out.push(format!("line {n}: {label}:{target} is not an entity span of a type {role} takes"));
                    }
                }
            }
        }
        for (role, (multiplicity, _)) in roles {
            let count = counts.get(role.as_str()).copied().unwrap_or(0);
            if count > 1 && !"+*".contains(*multiplicity) {
                out.push(format!("line {n}: {} cannot take several {role} arguments", e.kind));
            }
            if count == 0 && " +".contains(*multiplicity) {
                out.push(format!("line {n}: {role} is required for {}", e.kind));
            }
        }
    }
    for &(n, ty, a1, a2) in &relations {
        let Some((t1, t2)) = conf.relations.get(ty) else {
            out.push(format!("line {n}: relation type {ty} not declared"));
            continue;
        };
        for (target, types) in [(a1, t1), (a2, t2)] {
            if !is_entity_span(target) || !type_of(target).is_some_and(|t| types.contains(t)) {
                out.push(format!("line {n}: {ty} does not take {target} as an argument"));
            }
        }
    }
    for &(n, name, target, value) in &attributes {
        let Some((on, values)) = conf.attributes.get(name) else {
            out.push(format!("line {n}: attribute {name} not declared"));
            continue;
        };
        if !type_of(target).is_some_and(|t| on.contains(t)) || triggers.contains(target) {
            out.push(format!("line {n}: {name} cannot be put on {target} ({:?})", type_of(target)));
        }
        match value {
            None if !values.is_empty() => out.push(format!("line {n}: {name} needs one of {values:?}")),
            Some(v) if !values.contains(v) => out.push(format!("line {n}: {name} has no value {v}")),
            _ => {}
        }
    }
    for &(n, kind, target) in &pointers {
        match defined.get(target) {
            None => out.push(format!("line {n}: {target} is not defined")),
            Some(_) if triggers.contains(target) => out.push(format!("line {n}: trigger {target} pointed to by a non-event")),
            Some(_) if kind == 'N' && !is_entity_span(target) => out.push(format!("line {n}: a reference on {target}, not an entity span")),
            _ => {}
        }
    }
    for e in &events {
        for &(_, target) in &e.args {
            if !defined.contains_key(target) {
                out.push(format!("line {}: {target} is not defined", e.line));
            }
        }
    }
    // Triggers: each of an event, no two of one type over one span; entity spans: overlaps.
    let mut seen: HashMap<(&str, &Fragments), &str> = HashMap::new();
    for (id, ty, fragments) in &spans {
        if conf.events.contains_key(*ty) && !conf.entities.contains(*ty) {
            if !triggers.contains(id) {
                out.push(format!("{id}: a trigger no event uses"));
            }
            if let Some(other) = seen.insert((ty, fragments), id) {
                out.push(format!("{id}: the same trigger as {other}"));
            }
        } else if *ty != "Item" && !normalized.contains_key(id) {
            out.push(format!("{id}: an entity span with no wirelink reference"));
        }
    }
    if !conf.any_overlap {
        let bounds = |f: &[(usize, usize)]| (f.first().map_or(0, |x| x.0), f.last().map_or(0, |x| x.1));
        let entity_spans: Vec<_> = spans.iter().filter(|s| conf.entities.contains(s.1)).map(|s| (s.0, bounds(&s.2))).collect();
        for (i, (a, (s1, e1))) in entity_spans.iter().enumerate() {
            for (b, (s2, e2)) in &entity_spans[i + 1..] {
                if s2 < e1 && e2 > s1 {
                    out.push(format!("{a} and {b} overlap, which annotation.conf does not allow"));
                }
            }
        }
    }
    out
}

#[test]
fn the_configuration_reads_as_brat_reads_it() {
    let conf = Conf::read(brat::ANNOTATION_CONF);
    assert!(conf.any_overlap, "the writer's item spans hold mentions, and implied spans can share offsets: {conf:?}");
    assert_eq!(conf.events["MetWith"]["Participant"].0, '+');
    assert!(conf.events["Supplied"]["Item"].1.contains("Item") && !conf.events["Supplied"]["Supplier"].1.contains("Item"));
    assert!(conf.relations["Sanctioned"].0.contains("Organization"));
    assert!(conf.attributes["Modality"].0.contains("MetWith") && conf.attributes["Modality"].1.contains("Planned"));
    assert!(conf.attributes["Negated"].1.is_empty(), "Negated is binary");
}

#[test]
fn every_generated_line_is_well_formed_standoff() {
    let mut lines = 0;
    let mut kinds: BTreeMap<char, usize> = BTreeMap::new();
    for (path, text, doc) in dispatches() {
        let ann = brat::standoff(&doc, &text);
        let found = problems(&ann, &text);
        assert!(found.is_empty(), "{}:\n{}\n\n{ann}", path.display(), found.join("\n"));
        lines += ann.lines().count();
        for l in ann.lines() {
            *kinds.entry(l.chars().next().unwrap()).or_default() += 1;
        }
    }
    // Every kind of line is exercised by the corpus.
    for kind in ['T', 'N', 'A', 'R', 'E', '#'] {
        assert!(kinds.get(&kind).copied().unwrap_or(0) > 0, "no {kind} line in {kinds:?}");
    }
    eprintln!("{lines} standoff lines checked: {kinds:?}");
}

#[test]
fn the_checker_catches_what_it_should() {
    let text = "Poutine a parlé.";
    let ok = "T1\tPerson 0 7\tPoutine\nN1\tReference T1 wirelink:vladimir-putin\tVladimir Putin\n";
    assert!(problems(ok, text).is_empty(), "{:?}", problems(ok, text));
    for bad in [
        "T1\tPerson 0 7\tPutin\n",
        "T1\tPerson 0 99\tPoutine\n",
        "T1\tLeader 0 7\tPoutine\n",
        "T1\tPerson 0 7\tPoutine\nT1\tPerson 0 7\tPoutine\n",
        "N1\tReference T9 wirelink:x\tX\n",
        "T1\tPerson 0 7\tPoutine\nR1\tSupplied Arg1:T1 Arg2:T2\n",
        "T1\tMetWith 8 15\ta parlé\nE1\tMetWith:T1 Guest:T1\n",
        "T1\tPerson 0 7\tPoutine\nA1\tColour T1 Red\n",
        // A trigger is pointed to by events only; an event has its mandatory roles.
        "T1\tPerson 0 7\tPoutine\nN1\tReference T1 wirelink:vladimir-putin\tVladimir Putin\n\
         T2\tMetWith 8 15\ta parlé\nE1\tMetWith:T2 Participant:T1\n#1\tAnnotatorNotes T2\tnote\n",
        "T2\tMetWith 8 15\ta parlé\nE1\tMetWith:T2\n",
        "T2\tMetWith 8 15\ta parlé\n",
        // An item is no supplier; Form is for mentions, Negated for events.
        "T1\tItem 0 7\tPoutine\nT2\tSupplied 8 15\ta parlé\nE1\tSupplied:T2 Supplier:T1 Recipient:T1\n",
        "T2\tMetWith 8 15\ta parlé\nE1\tMetWith:T2 Participant:T2\nA1\tForm E1 Partial\n",
        "T1\tPerson 0 7\tPoutine\nN1\tReference T1 wirelink:vladimir-putin\tVladimir Putin\nA1\tNegated T1\n",
        "T1\tPerson 0 7\tPoutine\nN1\tReference T1 wirelink:vladimir-putin\tVladimir Putin\nA1\tForm T1 Bold\n",
        // Detained takes one role once at most; an entity span has its reference.
        "T1\tPerson 0 7\tPoutine\n",
    ] {
        assert!(!problems(bad, text).is_empty(), "{bad:?} passed the check");
    }
    // brat reads the text with universal newlines: "\r\n" is one char.
    let crlf = "Le 3 mars.\r\nPoutine a parlé.";
    let putin = "T1\tPerson 11 18\tPoutine\nN1\tReference T1 wirelink:vladimir-putin\tVladimir Putin\n";
    assert!(problems(putin, crlf).is_empty(), "{:?}", problems(putin, crlf));
    assert!(!problems(&putin.replace("11 18", "12 19"), crlf).is_empty());
}

#[test]
fn offsets_count_a_crlf_as_one_char_as_brat_reads_the_text() {
    let text = "Vladimir Poutine a reçu Alexandre Loukachenko à Sotchi.\r\nLa Russie fournit du pétrole au Bélarus.\r\n";
    let doc = Extractor::bundled().extract(Input::new(text).date("2021-02"));
    let russia = doc.mentions.iter().find(|m| m.text == "Russie").expect("Russie is a mention");
    assert_eq!(russia.char_start, 60, "the contract counts both chars of \\r\\n");
    let ann = brat::standoff(&doc, text);
    assert!(problems(&ann, text).is_empty(), "{}\n{ann}", problems(&ann, text).join("\n"));
    assert!(ann.contains("\tCountry 59 65\tRussie\n"), "{ann}");
    // Read back, the mentions have the contract's offsets again and everything scores.
    let gold = GoldDocument::from_brat(&ann, text, doc.lang).unwrap();
    let want: Vec<_> = doc.mentions.iter().map(|m| (m.start, m.end, m.char_start, m.char_end, m.entity.clone())).collect();
    let got: Vec<_> = gold.mentions.iter().map(|m| (m.start, m.end, m.char_start, m.char_end, m.entity.clone())).collect();
    assert_eq!(got, want);
    let report = score(&[(gold, doc.clone())]);
    assert_eq!((report.overall.mentions.f1(), report.overall.relations.f1()), (1.0, 1.0), "{report}");
}

#[test]
fn a_line_break_inside_a_mention_makes_two_fragments() {
    let text = "Le président russe Vladimir\nPoutine a parlé.";
    let doc = Extractor::bundled().extract(Input::new(text).date("2021-02"));
    let ann = brat::standoff(&doc, text);
    assert!(problems(&ann, text).is_empty(), "{}\n{ann}", problems(&ann, text).join("\n"));
    if let Some(m) = doc.mentions.iter().find(|m| m.text.contains('\n')) {
        let line = ann.lines().find(|l| l.contains("Vladimir")).unwrap();
        assert!(line.contains(';'), "{line}");
        let gold = GoldDocument::from_brat(&ann, text, doc.lang).unwrap();
        assert!(gold.mentions.iter().any(|g| g.char_start == m.char_start && g.char_end == m.char_end));
    }
}

// ---------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------

fn wirelink(args: &[&str], stdin: Option<&str>) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wirelink"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(s) = stdin {
        let _ = child.stdin.take().unwrap().write_all(s.as_bytes());
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

/// A scratch directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("wirelink-brat-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const SOCHI: &str = "Vladimir Poutine a reçu Alexandre Loukachenko à Sotchi. La Russie fournit du pétrole au Bélarus.";

#[test]
fn extract_writes_the_ann_beside_the_txt_and_never_overwrites_it() {
    let dir = TempDir::new("beside");
    let txt = dir.0.join("a.txt");
    std::fs::write(&txt, SOCHI).unwrap();
    let t = txt.to_str().unwrap();
    let o = wirelink(&["extract", "--format", "brat", "--date", "2021-02", t], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty());
    let ann = std::fs::read_to_string(dir.0.join("a.ann")).unwrap();
    assert!(ann.contains("wirelink:vladimir-putin") && ann.contains("MetWith"), "{ann}");

    std::fs::write(dir.0.join("a.ann"), "corrected by hand").unwrap();
    let o = wirelink(&["extract", "--format", "brat", t], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("a.ann exists"), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(dir.0.join("a.ann")).unwrap(), "corrected by hand");
}

#[test]
fn extract_out_dir_makes_a_brat_collection_and_eval_reads_it_back() {
    let src = TempDir::new("src");
    let out = TempDir::new("out");
    let txt = src.0.join("sochi.txt");
    std::fs::write(&txt, SOCHI).unwrap();
    let o = wirelink(&["extract", "--format", "brat", "--out", out.0.to_str().unwrap(), txt.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in ["sochi.ann", "sochi.txt", "annotation.conf", "visual.conf"] {
        assert!(out.0.join(f).is_file(), "{f} missing");
    }
    assert_eq!(std::fs::read_to_string(out.0.join("sochi.txt")).unwrap(), SOCHI);
    assert!(!src.0.join("sochi.ann").exists(), "nothing is written beside the input");

    let o = wirelink(&["eval", out.0.to_str().unwrap(), "--min-relations-f1", "1", "--min-mentions-f1", "1"], None);
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{report}\n{}", String::from_utf8_lossy(&o.stderr));
    assert!(report.contains("1 document (fr 1)"), "{report}");
}

#[test]
fn eval_names_the_line_of_a_bad_ann() {
    let dir = TempDir::new("bad");
    std::fs::write(dir.0.join("a.txt"), SOCHI).unwrap();
    std::fs::write(dir.0.join("a.ann"), "T1\tPerson 0 16\tVladimir Putin\n").unwrap();
    let o = wirelink(&["eval", dir.0.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("a.ann:1: T1: the text at 0 16 is \"Vladimir Poutine\", not \"Vladimir Putin\""), "{err}");
}

#[test]
fn standard_input_goes_to_standard_output_and_lines_are_refused() {
    let o = wirelink(&["extract", "--format", "brat", "-"], Some(SOCHI));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ann = String::from_utf8(o.stdout).unwrap();
    assert!(ann.starts_with("T1\tPerson 0 16\tVladimir Poutine\n"), "{ann}");
    assert!(problems(&ann, SOCHI).is_empty());

    let o = wirelink(&["extract", "--format", "brat", "--lines", "-"], Some(SOCHI));
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("takes no --lines"));
    let o = wirelink(&["extract", "--format", "html", "--out", "x", "-"], Some(SOCHI));
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--out DIR is for --format brat"));
}
