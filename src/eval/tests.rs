//! Scoring tests: named-case tables, and the seed scored against itself.

use crate::model::{ArgRole, MentionForm, Modality};
use crate::Lang;
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

fn with_modality(mut relation: Relation, modality: Modality) -> Relation {
    relation.modality = modality;
    relation
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
    let planned_babaryka = json!([{"type": "met_with", "negated": false, "modality": "planned", "args": [
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
            name: "a_planned_must_not_forbids_the_plan_taken_as_real",
            gold: gold(none, json!([]), planned_babaryka.clone()),
            system: system(&[], vec![met(&[BABA, PUTIN])]),
            want: vec![(Layer::Relations, c(0, 1, 0))],
            must_not_hits: 1,
        },
        Case {
            name: "a_planned_must_not_lets_the_plan_marked_as_planned_pass",
            gold: gold(none, json!([]), planned_babaryka.clone()),
            system: system(&[], vec![with_modality(met(&[BABA, PUTIN]), Modality::Planned)]),
            want: vec![(Layer::Relations, c(0, 1, 0))],
            must_not_hits: 0,
        },
        Case {
            name: "a_must_not_without_modality_forbids_every_modality",
            gold: gold(none, json!([]), must_not_babaryka.clone()),
            system: system(&[], vec![with_modality(met(&[BABA, PUTIN]), Modality::Hypothetical)]),
            want: vec![(Layer::Relations, c(0, 1, 0))],
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
