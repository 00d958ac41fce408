//! What the fuzz targets share: the properties every extracted document must have, sample
//! dispatches, and scratch folders holding a data set that a target rewrites file by file.
//!
//! The gazetteer base is the bundled one with two files cut down so that one build takes
//! milliseconds, not a tenth of a second: `cities.tsv` keeps the capitals and the cities of
//! a million people or more, `common_words.tsv` the 300 most frequent words of each
//! language. Every other file is whole.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use wirelink::{Document, Error, Extractor, Input, Lang};

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Panics unless `doc` keeps the promises of the contract for `text` ([`Document::verify`])
/// and its JSON reads back as the same document.
pub fn check(text: &str, doc: &Document) {
    if let Err(e) = doc.verify(text) {
        panic!("{e}");
    }
    let json = serde_json::to_string(doc).expect("a document serializes");
    let back: Document = serde_json::from_str(&json).expect("the JSON of a document reads back");
    assert_eq!(&back, doc, "JSON round trip");
}

/// Extracts `text` with `ex` in every way a caller can (detected language, each language
/// with a date, fresh and reused buffers) and checks each document.
pub fn extract_all_ways(ex: &Extractor, scratch: &mut wirelink::Scratch, text: &str) {
    let doc = ex.extract_with(scratch, Input::new(text));
    check(text, &doc);
    assert_eq!(doc, ex.extract(Input::new(text)), "a reused scratch changes the result");
    let lang = Lang::ALL[text.len() % Lang::ALL.len()];
    let doc = ex.extract_with(scratch, Input::new(text).lang(lang).date("2021-02-22").file("fuzz").line(1));
    check(text, &doc);
}

/// The beginning (about 2,000 bytes, cut at a line end) of the first annotated dispatch of
/// each language.
pub fn samples() -> &'static [String] {
    static SAMPLES: OnceLock<Vec<String>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let mut out = Vec::new();
        for lang in ["fr", "nl", "en"] {
            let dir = root().join("tests/dispatches").join(lang);
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect())
                .unwrap_or_default();
            files.sort();
            if let Some(text) = files.first().and_then(|p| std::fs::read_to_string(p).ok()) {
                let cut = text.char_indices().map(|(i, _)| i).filter(|&i| i > 0 && text.as_bytes()[i - 1] == b'\n' && i <= 2000).last();
                out.push(text[..cut.unwrap_or(text.len())].to_string());
            }
        }
        out
    })
}

/// A scratch folder of this process, removed by [`cleanup`] (or left in the temp dir).
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wirelink-fuzz-{}", std::process::id())).join(name);
    std::fs::create_dir_all(&dir).expect("temp dir is writable");
    dir
}

/// The gazetteer files of a base, by name, as `wirelink` reads them from a folder.
pub use wirelink::GAZETTEER_FILES;

/// The fuzzing gazetteer base (see the module docs): file name and text.
pub fn gazetteer_base() -> &'static [(&'static str, String)] {
    static BASE: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    BASE.get_or_init(|| {
        let dir = root().join("gazetteers");
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let countries = read("countries.tsv");
        let capitals: Vec<&str> = countries.lines().skip(1).filter_map(|l| l.split('\t').nth(2)).filter(|c| !c.is_empty()).collect();
        let keep = |text: &str, row: &dyn Fn(&[&str]) -> bool| -> String {
            let mut out = String::new();
            let mut header = false;
            for line in text.lines() {
                let cells: Vec<&str> = line.split('\t').collect();
                if line.starts_with('#') || !header || row(&cells) {
                    header |= !line.starts_with('#') && !line.trim().is_empty();
                    out.push_str(line);
                    out.push('\n');
                }
            }
            out
        };
        GAZETTEER_FILES
            .iter()
            .map(|&name| {
                let text = read(name);
                let text = match name {
                    "cities.tsv" => keep(&text, &|c| {
                        capitals.contains(&c[0]) || c.get(3).and_then(|p| p.parse::<u64>().ok()).is_some_and(|p| p >= 1_000_000)
                    }),
                    "common_words.tsv" => keep(&text, &|c| c.get(2).and_then(|r| r.parse::<u32>().ok()).is_some_and(|r| r <= 300)),
                    _ => text,
                };
                (name, text)
            })
            .collect()
    })
}

/// Writes the gazetteer base into `dir`.
pub fn write_gazetteer_base(dir: &Path) {
    for (name, text) in gazetteer_base() {
        std::fs::write(dir.join(name), text).expect("temp dir is writable");
    }
}

/// The bundled rule files: language, file name, text.
pub fn bundled_rules() -> &'static [(Lang, String, String)] {
    static RULES: OnceLock<Vec<(Lang, String, String)>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut out = Vec::new();
        for lang in Lang::ALL {
            let dir = root().join("src/relation/rules").join(lang.code());
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            files.sort();
            for p in files {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
                out.push((lang, name, std::fs::read_to_string(&p).expect("rule file is UTF-8")));
            }
        }
        out
    })
}

/// Writes the bundled rules into `dir/{fr,nl,en}/`.
pub fn write_bundled_rules(dir: &Path) {
    for (lang, name, text) in bundled_rules() {
        let sub = dir.join(lang.code());
        std::fs::create_dir_all(&sub).expect("temp dir is writable");
        std::fs::write(sub.join(name), text).expect("temp dir is writable");
    }
}

/// Uses an extractor built from fuzzed data: every sample and `extra` (the fuzzed text
/// itself, read as a dispatch) extracted and checked, explained, and the rule and
/// word-list examples run (`wirelink check`), whatever they say.
pub fn exercise(ex: &Extractor, extra: &[u8]) {
    let mut scratch = ex.scratch();
    for s in samples() {
        let doc = ex.extract_with(&mut scratch, Input::new(s));
        check(s, &doc);
    }
    let text = String::from_utf8_lossy(extra);
    extract_all_ways(ex, &mut scratch, &text);
    if let Some(s) = samples().first() {
        let _ = ex.explain(Input::new(s));
    }
    let _ = ex.check_examples();
}

/// Panics unless every error of a failed build names a file of `dir` (or, `line` 0, a
/// missing file under `dir`'s name) and a line that file has. `text_of` gives the text the
/// build read from a file of `dir`.
pub fn check_error(e: &Error, dir: &Path, text_of: impl Fn(&Path) -> Option<Vec<u8>>) {
    for e in e.flatten() {
        let message = e.to_string();
        match e {
            Error::Data { path, line, .. } => {
                if *line == 0 {
                    continue;
                }
                assert!(path.starts_with(dir), "error outside the data folder: {message}");
                let text = text_of(path).unwrap_or_else(|| panic!("error names a file the build did not read: {message}"));
                let lines = String::from_utf8_lossy(&text).lines().count();
                assert!(*line <= lines + 1, "line beyond the end of the file ({lines} lines): {message}");
            }
            Error::Io { path, .. } => assert!(path.starts_with(dir), "error outside the data folder: {message}"),
            _ => panic!("unexpected error {message}"),
        }
    }
}
