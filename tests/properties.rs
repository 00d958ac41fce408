//! Properties that hold for any input: extraction never panics, every mention is a slice of
//! the input on char boundaries with agreeing char offsets, mentions are sorted and
//! disjoint, every relation argument is an entity of the document, offsets are relative
//! (a prefix shifts them all), and documents split among threads give what one thread gives.

use proptest::prelude::*;
use wirelink::{Document, Extractor, Input, Lang};

/// Pieces that exercise folding and matching: names with accents, adjectives inside
/// adjectives, typographic apostrophes, ligatures, marks, emoji, newlines.
const PIECES: &[&str] = &[
    "Vladimir Poutine", "Poutine", "M. Loukachenko", "Loukachenko", "Bélarus", "bélarusse", "russe", "Wit-Russische",
    "Russische", "son homologue russe", "le dirigeant du Kremlin", "Moscou", "à Moscou", "l’Élysée", "Œuvre", "Straße",
    "Les", "Selon", "Of", "a rencontré", "a été arrêté par", "ne reconnaît plus", "les deux dirigeants",
    "se sont rencontrés", "lui fournit du pétrole", "qui", ",", ".", "\n", " ", "é", "\u{301}", "🙂", "ß", "İ", "’",
    "the Russian president", "met", "Mr. Biden", "Xi Jinping", "de Russische president", "ontmoette", "Sotsji",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.join(" ")),
        any::<String>(),
        "[a-zA-Zéèœß’'., \\n\u{300}-\u{36f}]{0,120}",
    ]
}

fn check(input: &str, doc: &Document) -> Result<(), TestCaseError> {
    doc.verify(input).map_err(TestCaseError::fail)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn mentions_are_slices_of_the_input(input in text()) {
        let doc = Extractor::bundled().extract(Input::new(&input).date("2021-02"));
        check(&input, &doc)?;
    }

    #[test]
    fn every_language_reads_anything(input in text(), lang in prop::sample::select(&Lang::ALL[..])) {
        let doc = Extractor::bundled().extract(Input::new(&input).lang(lang));
        check(&input, &doc)?;
    }

    #[test]
    fn a_prefix_shifts_every_offset(words in prop::collection::vec(prop::sample::select(PIECES), 0..30)) {
        let input = words.join(" ");
        let shifted = format!("x {input}");
        let ex = Extractor::bundled();
        let a = ex.extract(Input::new(&input).lang(Lang::Fr).date("2021-02"));
        let b = ex.extract(Input::new(&shifted).lang(Lang::Fr).date("2021-02"));
        let spans = |d: &Document, by: usize| d.mentions.iter().map(|m| (m.start + by, m.end + by, m.char_start + by, m.entity.clone())).collect::<Vec<_>>();
        prop_assert_eq!(spans(&a, 2), spans(&b, 0));
    }

    /// What `--threads N` does: documents split among threads, each with its own scratch,
    /// gathered in input order. Any split gives what one thread gives.
    #[test]
    fn output_is_identical_across_thread_counts(docs in prop::collection::vec(text(), 1..12), threads in 2usize..5) {
        let ex = Extractor::bundled();
        let mut scratch = ex.scratch();
        let one: Vec<Document> = docs.iter().map(|d| ex.extract_with(&mut scratch, d.as_str())).collect();
        let chunk = docs.len().div_ceil(threads);
        let many: Vec<Document> = std::thread::scope(|s| {
            let handles: Vec<_> = docs
                .chunks(chunk)
                .map(|part| s.spawn(move || {
                    let mut scratch = ex.scratch();
                    part.iter().map(|d| ex.extract_with(&mut scratch, d.as_str())).collect::<Vec<_>>()
                }))
                .collect();
            handles.into_iter().flat_map(|h| h.join().expect("no panic")).collect()
        });
        prop_assert_eq!(one, many);
    }
}

#[test]
fn scratch_reuse_gives_the_same_result() {
    let ex = Extractor::bundled();
    let texts = ["Vladimir Poutine a reçu Alexandre Loukachenko à Sotchi.", "", "Mr. Biden met Xi Jinping.", "Poutine"];
    let mut scratch = ex.scratch();
    for t in texts.iter().chain(texts.iter().rev()) {
        assert_eq!(ex.extract_with(&mut scratch, *t), ex.extract(*t), "{t:?}");
    }
}
