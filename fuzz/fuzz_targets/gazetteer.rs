//! The gazetteer loader on arbitrary text: the first byte picks one of the eight TSV files
//! and whether the rest of the input replaces it or is appended to it; the other files are
//! the fuzzing base (`wirelink_fuzz::gazetteer_base`). The folder goes through
//! `Extractor::builder().gazetteers(dir)`, as `--gazetteers DIR` does. A build must either
//! fail with `FILE:LINE` errors or give an extractor that reads the sample dispatches, and
//! the fuzzed text itself, without breaking a property.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use wirelink::Extractor;
use wirelink_fuzz::{gazetteer_base, GAZETTEER_FILES};

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = wirelink_fuzz::scratch_dir("gazetteers");
        wirelink_fuzz::write_gazetteer_base(&dir);
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else { return };
    let (name, base) = &gazetteer_base()[usize::from(pick) % GAZETTEER_FILES.len()];
    let append = pick & 0x80 != 0;
    let path = dir().join(name);
    let bytes = if append { [base.as_bytes(), body].concat() } else { body.to_vec() };
    std::fs::write(&path, &bytes).expect("temp dir is writable");
    let built = Extractor::builder().gazetteers(dir()).build();
    std::fs::write(&path, base).expect("temp dir is writable");
    match built {
        Ok(ex) => wirelink_fuzz::exercise(&ex, body),
        Err(e) => wirelink_fuzz::check_error(&e, dir(), |p| {
            if p == path {
                Some(bytes.clone())
            } else {
                gazetteer_base().iter().find(|(n, _)| p.ends_with(n)).map(|(_, t)| t.as_bytes().to_vec())
            }
        }),
    }
});
