//! Extraction on arbitrary bytes, read as `wirelink extract` reads them: the whole input as
//! one document when it is UTF-8, and, when it has several lines, each line as one
//! document the way `--lines` splits them (`\n`, then one `\r` dropped), lines that are not
//! UTF-8 skipped. Every document is checked (`wirelink_fuzz::check`); a reused scratch
//! must give what fresh buffers give.

#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;
use wirelink::{Extractor, Input, Scratch};

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Extractor::bundled().scratch());
}

fuzz_target!(|data: &[u8]| {
    let ex = Extractor::bundled();
    SCRATCH.with(|s| {
        let scratch = &mut *s.borrow_mut();
        if let Ok(text) = std::str::from_utf8(data) {
            wirelink_fuzz::extract_all_ways(ex, scratch, text);
            if text.len() <= 4096 {
                let _ = ex.explain(Input::new(text));
            }
        }
        if data.contains(&b'\n') {
            for (i, line) in data.split_inclusive(|&b| b == b'\n').enumerate() {
                let line = line.strip_suffix(b"\n").unwrap_or(line);
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                let Ok(text) = std::str::from_utf8(line) else { continue };
                let doc = ex.extract_with(scratch, Input::new(text).file("<stdin>").line(i + 1));
                wirelink_fuzz::check(text, &doc);
            }
        }
    });
});
