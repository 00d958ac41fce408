//! Scores against the gold annotations: the project's dispatches (`tests/dispatches`) and,
//! when `../shared` is beside the project, the seed dispatch the project started from.
//! The thresholds here only go up.

mod common;

use std::path::Path;

use wirelink::eval::{score, GoldDocument, Report, Thresholds};
use wirelink::{Document, RelationKind};

fn load(dir: &Path) -> Vec<(GoldDocument, Document)> {
    common::texts_under(dir)
        .into_iter()
        .filter_map(|txt| {
            let gold = common::gold_of(&txt)?;
            let doc = common::extract_as_gold(&std::fs::read_to_string(&txt).unwrap(), Some(&gold));
            Some((gold, doc))
        })
        .collect()
}

fn assert_thresholds(report: &Report, t: Thresholds) {
    let failures = report.check(&t);
    assert!(failures.is_empty(), "{}\n\n{report}", failures.join("\n"));
}

#[test]
fn annotated_dispatches_meet_the_thresholds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dispatches");
    let pairs = load(&dir);
    for lang in ["fr", "nl", "en"] {
        let n = pairs.iter().filter(|(g, _)| g.lang.to_string() == lang).count();
        let min = 15;
        assert!(n >= min, "tests/dispatches/{lang} holds {n} annotated dispatches, the corpus needs at least {min}");
    }
    let report = score(&pairs);
    assert_thresholds(
        &report,
        Thresholds {
            entities_f1: Some(0.95),
            relations_f1: Some(0.8),
            per_language: true,
            max_must_not: Some(0),
            ..Thresholds::default()
        },
    );
}

#[test]
fn the_seed_dispatch_is_read_right() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    if !dir.is_dir() {
        eprintln!("skipped: {} is not there", dir.display());
        return;
    }
    let pairs = load(&dir);
    assert_eq!(pairs.len(), 1);
    let report = score(&pairs);
    assert_thresholds(
        &report,
        Thresholds { entities_f1: Some(1.0), mentions_f1: Some(0.9), max_must_not: Some(0), ..Thresholds::default() },
    );
    let doc = &pairs[0].1;
    let has = |kind: RelationKind, ids: &[&str], negated: bool| {
        doc.relations.iter().any(|r| {
            let mut got: Vec<&str> = r.args.iter().filter_map(|a| a.entity.as_deref()).collect();
            got.sort();
            let mut want = ids.to_vec();
            want.sort();
            r.kind == kind && r.negated == negated && got == want
        })
    };
    let meeting = doc.relations.iter().find(|r| r.kind == RelationKind::MetWith && r.location.as_deref() == Some("491422"));
    assert!(meeting.is_some(), "the meeting at Sochi: {:#?}", doc.relations);
    assert!(has(RelationKind::MetWith, &["alexander-lukashenko", "vladimir-putin"], false));
    assert!(has(RelationKind::Supplied, &["RUS", "BLR"], false), "oil and gas");
    assert!(has(RelationKind::Detained, &["viktar-babaryka", "BLR"], false));
    assert!(has(RelationKind::LeaderOf, &["alexander-lukashenko", "BLR"], false));
    assert!(has(RelationKind::LeaderOf, &["vladimir-putin", "RUS"], false));
    assert!(has(RelationKind::LocatedIn, &["491422", "RUS"], false));
    assert!(has(RelationKind::Recognized, &["european-union", "alexander-lukashenko"], true));
    assert_eq!(report.overall.relations.fn_, 0, "{report}");
}
