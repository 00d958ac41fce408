//! Benchmarks: building an extractor, and extracting from the annotated dispatches and,
//! when it has been generated (`bash bench/peers.sh` writes it to `target/peers/corpus`),
//! the peers' FR+EN corpus; and the hostile inputs of `tests/adversarial.rs`, whose time
//! this measures (the tests check only what comes out).
//!
//!     cargo bench --bench extract
//!
//! Each extraction bench checks how many mentions it found, so that a broken fast path
//! cannot post a good time.

use std::path::Path;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use wirelink::Extractor;

#[path = "../tests/common/hostile.rs"]
mod hostile;
use hostile::hostile;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn build() -> Extractor {
    Extractor::builder().build().expect("bundled data loads")
}

fn dispatches() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dispatches");
    let mut out = Vec::new();
    for lang in ["fr", "nl", "en"] {
        let Ok(dir) = std::fs::read_dir(root.join(lang)) else { continue };
        for e in dir.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                out.push(std::fs::read_to_string(p).expect("dispatch is UTF-8"));
            }
        }
    }
    out
}

#[divan::bench]
fn dispatches_extract_with(b: Bencher) {
    let ex = Extractor::bundled();
    let docs = dispatches();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut scratch = ex.scratch();
    let expected: usize = docs.iter().map(|d| ex.extract(d.as_str()).mentions.len()).sum();
    assert!(docs.is_empty() || expected > 0, "the dispatches have mentions");
    b.counter(BytesCount::new(bytes)).bench_local(|| {
        let found: usize = docs.iter().map(|d| ex.extract_with(&mut scratch, d.as_str()).mentions.len()).sum();
        assert_eq!(found, expected);
        black_box(found)
    });
}

/// The first 2 MB of each peers corpus file, one dispatch per line.
fn peers_corpus() -> Option<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/peers/corpus");
    let mut lines = Vec::new();
    for name in ["fr.txt", "en.txt"] {
        let text = std::fs::read_to_string(dir.join(name)).ok()?;
        let mut size = 0;
        for l in text.lines() {
            size += l.len();
            lines.push(l.to_string());
            if size > 2_000_000 {
                break;
            }
        }
    }
    Some(lines)
}

#[divan::bench(sample_count = 5)]
fn peers_corpus_extract_with(b: Bencher) {
    let Some(docs) = peers_corpus() else {
        eprintln!("peers corpus not generated: run bash bench/peers.sh first");
        return;
    };
    let ex = Extractor::bundled();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut scratch = ex.scratch();
    b.counter(BytesCount::new(bytes)).bench_local(|| {
        let found: usize = docs.iter().map(|d| ex.extract_with(&mut scratch, d.as_str()).mentions.len()).sum();
        assert!(found > docs.len(), "dispatches have mentions");
        black_box(found)
    });
}

#[divan::bench(sample_count = 3, args = hostile::NAMES)]
fn adversarial(b: Bencher, name: &str) {
    let ex = Extractor::bundled();
    let text = hostile(name);
    let mut scratch = ex.scratch();
    b.counter(BytesCount::new(text.len())).bench_local(|| black_box(ex.extract_with(&mut scratch, text.as_str()).mentions.len()));
}
