//! wirelink's row for the peers benchmark (`../shared/peers`): the same figures as its
//! peers print, as one JSON object: build seconds, MB/s and docs/s over the raw bytes of
//! the corpus files (one document per line, newlines excluded), peak RSS.
//!
//!     cargo run --release --example peers_row -- corpus/fr.txt corpus/en.txt
//!
//! Extraction is the whole pipeline (folding, matching, mention passes, relation rules)
//! into `Document`s, single-threaded, reusing one `Scratch`; no JSON is written, as the
//! peers write none.

use std::time::Instant;

use wirelink::Extractor;

/// The allocator the command line uses (`src/bin/wirelink/main.rs`); `--no-default-features`
/// measures the system allocator.
#[cfg(feature = "cli")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn rss_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let reps: usize = std::env::var("REPS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
    let t = Instant::now();
    let ex = Extractor::builder().build().expect("bundled data loads");
    let load_s = t.elapsed().as_secs_f64();
    let rss_after_load = rss_mb("VmRSS:");
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).expect("corpus file is UTF-8")).collect();
    let docs: Vec<&str> = texts.iter().flat_map(|t| t.lines()).collect();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let mut scratch = ex.scratch();
    let mut times = Vec::new();
    let (mut mentions, mut relations) = (0, 0);
    for _ in 0..reps {
        let t = Instant::now();
        let (mut m, mut r) = (0, 0);
        for d in &docs {
            let doc = ex.extract_with(&mut scratch, *d);
            m += doc.mentions.len();
            r += doc.relations.len();
        }
        times.push(t.elapsed().as_secs_f64());
        (mentions, relations) = (m, r);
    }
    times.sort_by(f64::total_cmp);
    let secs = times[times.len() / 2];
    println!(
        "{{\"system\": \"wirelink\", \"load_s\": {load_s:.3}, \"mb_s\": {:.2}, \"docs_s\": {:.0}, \"peak_rss_mb\": {:.1}, \"rss_after_load_mb\": {rss_after_load:.1}, \"docs\": {}, \"bytes\": {bytes}, \"mentions\": {mentions}, \"relations\": {relations}, \"reps\": {reps}, \"surfaces\": {}}}",
        bytes as f64 / 1e6 / secs,
        docs.len() as f64 / secs,
        rss_mb("VmHWM:"),
        docs.len(),
        ex.surface_count(),
    );
}
