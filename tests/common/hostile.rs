//! The hostile inputs, by name: `tests/adversarial.rs` checks what comes out of each,
//! `benches/extract.rs` (the `adversarial` group) measures how long each takes.

/// Every hostile input's name (the benchmark's arguments; the tests name theirs).
#[allow(dead_code)]
pub const NAMES: [&str; 7] = [
    "paris_1mb",
    "no_space_10mb",
    "one_word_sentences_100k",
    "combining_marks_400k",
    "nul_bytes",
    "right_to_left",
    "ten_thousand_entities",
];

/// The text of the hostile input `name` (one of `NAMES`).
pub fn hostile(name: &str) -> String {
    match name {
        "paris_1mb" => "Paris ".repeat((1 << 20) / 6),
        // Letters, accents and names glued together: no word boundary inside.
        "no_space_10mb" => "PoutineMoscouBélarusséléphant".repeat(10_000_000 / 30),
        "one_word_sentences_100k" => "Poutine. Minsk. Ja. ".repeat(100_000 / 3),
        "combining_marks_400k" => "\u{301}\u{308}\u{327}\u{30a}".repeat(50_000),
        "nul_bytes" => "Vladimir Poutine\0a rencontré\0\0Alexandre Loukachenko\0à Sotchi.\0".repeat(5_000),
        "right_to_left" => "\u{202e}Vladimir Putin\u{202c} met \u{2067}بوتين\u{2069} and \u{5e4}\u{5d5}\u{5d8}\u{5d9}\u{5df} in Moscow. \u{200f}Минск\u{200e} "
            .repeat(2_000),
        "ten_thousand_entities" => ten_thousand_entities(),
        _ => panic!("no hostile input {name}"),
    }
}

/// Cities of the bundled gazetteer, each with its country (a small town abroad needs its
/// country named, DESIGN.md), until 12,000 distinct names.
fn ten_thousand_entities() -> String {
    fn rows(text: &str) -> Vec<Vec<&str>> {
        text.lines().filter(|l| !l.starts_with('#')).skip(1).map(|l| l.split('\t').collect()).collect()
    }
    let read = |name: &str| std::fs::read_to_string(format!("{}/gazetteers/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let (countries, cities) = (read("countries.tsv"), read("cities.tsv"));
    let countries: std::collections::HashMap<&str, &str> = rows(&countries).into_iter().map(|c| (c[0], c[1])).collect();
    let mut seen = std::collections::HashSet::new();
    let mut text = String::new();
    for c in rows(&cities) {
        if seen.len() == 12_000 {
            break;
        }
        if c[1].len() > 3 && c[1].chars().all(char::is_alphabetic) {
            if let Some(country) = countries.get(c[2]) {
                if seen.insert(c[1]) {
                    text.push_str(&format!("The delegation travelled to {}, {country}. ", c[1]));
                }
            }
        }
    }
    text
}
