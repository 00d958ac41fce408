//! Hostile and degenerate inputs: each is extracted without a panic, the document keeps the
//! promises of the contract (`Document::verify`), and what comes out is proportional to
//! what went in — never more mentions than words, never more relations than mentions
//! allow, every entity named by something. How long each takes is measured by
//! `cargo bench --bench extract` (the `adversarial` group), not here.

use wirelink::{Document, Extractor, Input, Lang};

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
    let text = "Paris ".repeat((1 << 20) / 6);
    let doc = extract(&text, None);
    assert!(doc.mentions.len() > 100_000, "every Paris is a mention: {}", doc.mentions.len());
    assert_eq!(doc.entities.len(), 1, "{:?}", doc.entities);
}

#[test]
fn ten_megabytes_without_a_space() {
    // Letters, accents and names glued together: no word boundary inside, so no mention.
    let text = "PoutineMoscouBélarusséléphant".repeat(10_000_000 / 30);
    let doc = extract(&text, Some(Lang::Fr));
    assert!(doc.mentions.is_empty(), "{:?}", &doc.mentions[..doc.mentions.len().min(3)]);
}

#[test]
fn a_hundred_thousand_one_word_sentences() {
    let text = "Poutine. Minsk. Ja. ".repeat(100_000 / 3);
    let doc = extract(&text, None);
    assert!(doc.relations.is_empty(), "no trigger, no relation");
}

#[test]
fn only_combining_marks() {
    let text = "\u{301}\u{308}\u{327}\u{30a}".repeat(50_000);
    let doc = extract(&text, None);
    assert!(doc.mentions.is_empty());
}

#[test]
fn nul_bytes_between_names() {
    let text = "Vladimir Poutine\0a rencontré\0\0Alexandre Loukachenko\0à Sotchi.\0".repeat(5_000);
    let doc = extract(&text, Some(Lang::Fr));
    assert!(!doc.mentions.is_empty(), "NUL is a separator like any other");
}

#[test]
fn right_to_left_text_and_direction_controls() {
    let text = "\u{202e}Vladimir Putin\u{202c} met \u{2067}بوتين\u{2069} and \u{5e4}\u{5d5}\u{5d8}\u{5d9}\u{5df} in Moscow. \u{200f}Минск\u{200e} "
        .repeat(2_000);
    let doc = extract(&text, Some(Lang::En));
    assert!(doc.mentions.iter().any(|m| m.entity == "vladimir-putin"), "the Latin name between controls is found");
}

#[test]
fn ten_thousand_distinct_entities() {
    // Cities of the bundled gazetteer, each with its country (a small town abroad needs its
    // country named, DESIGN.md), until ten thousand distinct names.
    let read = |name: &str| std::fs::read_to_string(format!("{}/gazetteers/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let rows = |text: &'static str| text.lines().filter(|l| !l.starts_with('#')).skip(1).map(|l| l.split('\t').collect::<Vec<_>>());
    let countries: std::collections::HashMap<&str, &str> =
        rows(read("countries.tsv").leak()).map(|c| (c[0], c[1])).collect();
    let mut seen = std::collections::HashSet::new();
    let text: String = rows(read("cities.tsv").leak())
        .filter(|c| c[1].len() > 3 && c[1].chars().all(char::is_alphabetic) && seen.insert(c[1]))
        .filter_map(|c| Some(format!("The delegation travelled to {}, {}. ", c[1], countries.get(c[2])?)))
        .take(12_000)
        .collect();
    let doc = extract(&text, Some(Lang::En));
    assert!(doc.entities.len() >= 10_000, "{} distinct entities", doc.entities.len());
}
