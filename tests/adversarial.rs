//! Hostile and degenerate inputs: each is extracted without a panic, the document keeps the
//! promises of the contract (`Document::verify`), and what comes out is proportional to
//! what went in — never more mentions than words, never more relations than mentions
//! allow, every entity named by something. How long each takes is measured by
//! `cargo bench --bench extract` (the `adversarial` group), not here.

use wirelink::{Document, Extractor, Input, Lang};

#[path = "common/hostile.rs"]
mod hostile;
use hostile::hostile;

/// Extracts `text` (as `lang`, or detected) and checks the document.
fn extract(text: &str, lang: Option<Lang>) -> Document {
    let mut input = Input::new(text).date("2021-02-22");
    if let Some(l) = lang {
        input = input.lang(l);
    }
    let doc = Extractor::bundled().extract(input);
    if let Err(e) = doc.verify(text) {
        panic!("{e}");
    }
    let words = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
    assert!(doc.mentions.len() <= words, "{} mentions for {words} words", doc.mentions.len());
    // A relation needs a trigger and at least one argument: at most one per mention, and a
    // meeting of N persons is one relation, so mentions bound them with room for pairs.
    assert!(doc.relations.len() <= 2 * doc.mentions.len() + 1, "{} relations for {} mentions", doc.relations.len(), doc.mentions.len());
    assert!(doc.entities.len() <= doc.mentions.len() + 2 * doc.relations.len(), "{} entities", doc.entities.len());
    doc
}

#[test]
fn a_megabyte_of_one_city_name() {
    let text = hostile("paris_1mb");
    let doc = extract(&text, None);
    assert!(doc.mentions.len() > 100_000, "every Paris is a mention: {}", doc.mentions.len());
    assert_eq!(doc.entities.len(), 1, "{:?}", doc.entities);
}

#[test]
fn ten_megabytes_without_a_space() {
    // No word boundary inside, so no mention.
    let text = hostile("no_space_10mb");
    let doc = extract(&text, Some(Lang::Fr));
    assert!(doc.mentions.is_empty(), "{:?}", &doc.mentions[..doc.mentions.len().min(3)]);
}

#[test]
fn a_hundred_thousand_one_word_sentences() {
    let text = hostile("one_word_sentences_100k");
    let doc = extract(&text, None);
    assert!(doc.relations.is_empty(), "no trigger, no relation");
}

#[test]
fn only_combining_marks() {
    let text = hostile("combining_marks_400k");
    let doc = extract(&text, None);
    assert!(doc.mentions.is_empty());
}

#[test]
fn nul_bytes_between_names() {
    let text = hostile("nul_bytes");
    let doc = extract(&text, Some(Lang::Fr));
    assert!(!doc.mentions.is_empty(), "NUL is a separator like any other");
}

#[test]
fn right_to_left_text_and_direction_controls() {
    let text = hostile("right_to_left");
    let doc = extract(&text, Some(Lang::En));
    assert!(doc.mentions.iter().any(|m| m.entity == "vladimir-putin"), "the Latin name between controls is found");
}

#[test]
fn ten_thousand_distinct_entities() {
    let text = hostile("ten_thousand_entities");
    let doc = extract(&text, Some(Lang::En));
    assert!(doc.entities.len() >= 10_000, "{} distinct entities", doc.entities.len());
}
