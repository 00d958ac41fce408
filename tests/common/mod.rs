//! What several test files share: the annotated dispatches, extracted as their gold says.

use std::path::{Path, PathBuf};

use wirelink::eval::GoldDocument;
use wirelink::{Document, Extractor, Input};

/// Every `*.txt` under `dir`, sorted.
pub fn texts_under(dir: &Path) -> Vec<PathBuf> {
    let mut txts = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_str().is_some_and(|s| s.ends_with(".txt")) {
                txts.push(p);
            }
        }
    }
    txts.sort();
    txts
}

/// The gold annotation beside `txt` (`NAME.gold.json`), if there is one.
pub fn gold_of(txt: &Path) -> Option<GoldDocument> {
    let path = PathBuf::from(txt.to_str()?.replace(".txt", ".gold.json"));
    let json = std::fs::read_to_string(&path).ok()?;
    Some(GoldDocument::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Extracts `text` in the language and with the date its gold gives, as `wirelink eval` does.
pub fn extract_as_gold(text: &str, gold: Option<&GoldDocument>) -> Document {
    let mut input = Input::new(text);
    if let Some(gold) = gold {
        input = input.lang(gold.lang);
        if let Some(d) = &gold.date {
            input = input.date(d);
        }
    }
    Extractor::bundled().extract(input)
}
