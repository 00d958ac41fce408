//! The smallest sentences that once went wrong, named for what they check.

use wirelink::{Extractor, Input, Lang, RelationKind};

fn extract(lang: Lang, text: &str) -> wirelink::Document {
    Extractor::bundled().extract(Input::new(text).lang(lang).date("2021-02"))
}

#[test]
fn a_person_the_gazetteers_do_not_know_is_known_false_and_can_be_detained() {
    let doc = extract(Lang::Fr, "Poutine devait parler du principal opposant Igor Martynenko, qui est en prison.");
    let e = doc.entities.iter().find(|e| e.id == "igor-martynenko").expect("an unknown person");
    assert_eq!(e.known, Some(false));
    let detained: Vec<_> = doc.relations.iter().filter(|r| r.kind == RelationKind::Detained).collect();
    assert_eq!(detained.len(), 1);
    assert_eq!(detained[0].entities(wirelink::ArgRole::Detainee).collect::<Vec<_>>(), ["igor-martynenko"]);
}

#[test]
fn russe_inside_belarusse_is_not_a_mention() {
    let doc = extract(Lang::Fr, "Une délégation bélarusse est arrivée.");
    let texts: Vec<&str> = doc.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["bélarusse"]);
}

#[test]
fn a_hoped_for_meeting_with_a_named_opponent_is_no_meeting_with_him() {
    let doc = extract(
        Lang::Fr,
        "Alexandre Loukachenko était à Sotchi. Les observateurs s'attendaient à ce que Poutine profite de la réunion pour parler de Viktor Babariko.",
    );
    for r in doc.relations.iter().filter(|r| r.kind == RelationKind::MetWith) {
        assert!(!r.entities(wirelink::ArgRole::Participant).any(|e| e == "viktar-babaryka"), "{r:?}");
    }
}

#[test]
fn a_genitive_is_no_subject() {
    // "la détention de Navalny et appelé les autorités russes": Michel calls, not Navalny.
    let doc = extract(Lang::Fr, "Charles Michel a jugé inacceptable la détention de Navalny et appelé les autorités russes à le libérer.");
    let call = doc.relations.iter().find(|r| r.kind == RelationKind::CalledOn).expect("a call");
    assert_eq!(call.entities(wirelink::ArgRole::Source).collect::<Vec<_>>(), ["charles-michel"]);
}
