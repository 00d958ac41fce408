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

/// The names `annotation.conf` declares, per section.
fn declared() -> HashMap<&'static str, HashSet<String>> {
    let mut out: HashMap<&str, HashSet<String>> = HashMap::new();
    let mut section = "";
    for line in brat::ANNOTATION_CONF.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') || line.starts_with('<') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = ["entities", "relations", "events", "attributes"].into_iter().find(|s| *s == name).unwrap();
            continue;
        }
        let name = line.split_whitespace().next().unwrap();
        out.entry(section).or_default().insert(name.to_owned());
        // Roles of events and values of attributes: `Role+:Type`, `Value:A|B`.
        for arg in line.split_once(char::is_whitespace).map_or("", |x| x.1).split(',') {
            if let Some((key, values)) = arg.trim().split_once(':') {
                let key = key.trim_end_matches(['+', '*', '?']);
                out.entry("roles").or_default().insert(key.to_owned());
                if key == "Value" {
                    out.entry("values").or_default().extend(values.split('|').map(str::to_owned));
                }
            }
        }
    }
    out
}

/// Checks one `.ann` against its text, independently of the crate's reader; the problems.
fn problems(ann: &str, text: &str) -> Vec<String> {
    let conf = declared();
    let is = |section: &str, name: &str| conf.get(section).is_some_and(|s| s.contains(name));
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut defined: HashMap<&str, &str> = HashMap::new(); // id → type ("" for notes)
    let mut references: Vec<(usize, &str)> = Vec::new();
    let mut triggers: Vec<(usize, &str, &str)> = Vec::new(); // line, trigger id, event type
    let mut arguments: Vec<(usize, &str)> = Vec::new();
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
        let words: Vec<&str> = fields.get(1).map_or(vec![], |f| f.split(' ').collect());
        let (ty, expected_fields) = match kind {
            'T' => (words[0], 3),
            'N' | '#' => (words[0], 3),
            'A' | 'R' => (words[0], 2),
            'E' => (words[0].split(':').next().unwrap(), 2),
            _ => unreachable!(),
        };
        if fields.len() != expected_fields {
            out.push(format!("line {n}: {} tab-separated fields, expected {expected_fields}", fields.len()));
            continue;
        }
        if defined.insert(id, ty).is_some() {
            out.push(format!("line {n}: {id} defined twice"));
        }
        match kind {
            'T' => {
                if !(is("entities", ty) || is("events", ty)) {
                    out.push(format!("line {n}: type {ty} is not declared"));
                }
                let mut pieces = Vec::new();
                for fragment in words[1..].join(" ").split(';') {
                    let [a, b] = fragment.split(' ').map(|x| x.parse::<usize>().unwrap_or(usize::MAX)).collect::<Vec<_>>()[..] else {
                        out.push(format!("line {n}: fragment {fragment:?}"));
                        continue;
                    };
                    if a >= b || b > chars.len() {
                        out.push(format!("line {n}: offsets {a} {b} outside the text ({} chars) or empty", chars.len()));
                        continue;
                    }
                    pieces.push(chars[a..b].iter().collect::<String>());
                }
                if pieces.join(" ") != fields[2] {
                    out.push(format!("line {n}: text {:?} is not the text at its offsets {:?}", fields[2], pieces.join(" ")));
                }
                if fields[2].contains(['\n', '\r']) {
                    out.push(format!("line {n}: a span holds a line break"));
                }
            }
            'N' => {
                if words.len() != 3 || words[0] != "Reference" || !words[2].starts_with("wirelink:") || words[2].len() <= 9 {
                    out.push(format!("line {n}: expected Reference TARGET wirelink:ID"));
                } else {
                    references.push((n, words[1]));
                }
            }
            'A' => {
                if !is("attributes", ty) || !(words.len() == 2 || (words.len() == 3 && is("values", words[2]))) {
                    out.push(format!("line {n}: attribute {:?} not declared", fields[1]));
                }
                if let Some(t) = words.get(1) {
                    references.push((n, t));
                }
            }
            'R' => {
                if !is("relations", ty) || words.len() != 3 || !words[1].starts_with("Arg1:") || !words[2].starts_with("Arg2:") {
                    out.push(format!("line {n}: relation {:?}", fields[1]));
                }
                for w in &words[1..] {
                    arguments.push((n, w.split_once(':').map_or("", |x| x.1)));
                }
            }
            'E' => {
                if !is("events", ty) {
                    out.push(format!("line {n}: event type {ty} not declared"));
                }
                triggers.push((n, words[0].split_once(':').map_or("", |x| x.1), ty));
                for w in &words[1..] {
                    let Some((role, target)) = w.split_once(':') else {
                        out.push(format!("line {n}: argument {w:?}"));
                        continue;
                    };
                    if !is("roles", role.trim_end_matches(|c: char| c.is_ascii_digit())) {
                        out.push(format!("line {n}: role {role} not declared"));
                    }
                    arguments.push((n, target));
                }
            }
            '#' => {
                if words.len() != 2 || words[0] != "AnnotatorNotes" {
                    out.push(format!("line {n}: note {:?}", fields[1]));
                }
                references.push((n, words.get(1).copied().unwrap_or("")));
            }
            _ => unreachable!(),
        }
    }
    let trigger_ids: HashSet<&str> = triggers.iter().map(|t| t.1).collect();
    for &(n, id) in references.iter().chain(&arguments) {
        if !defined.contains_key(id) {
            out.push(format!("line {n}: {id} is not defined"));
        }
    }
    for &(n, id) in &arguments {
        if trigger_ids.contains(id) || !id.starts_with('T') {
            out.push(format!("line {n}: argument {id} is not an entity span"));
        }
    }
    for &(n, id, ty) in &triggers {
        if defined.get(id) != Some(&ty) {
            out.push(format!("line {n}: trigger {id} is not a {ty} span"));
        }
    }
    out
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
    ] {
        assert!(!problems(bad, text).is_empty(), "{bad:?} passed the check");
    }
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
