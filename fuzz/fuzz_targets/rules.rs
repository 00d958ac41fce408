//! The rules loader on arbitrary TOML: the first byte picks a language and one of its rule
//! files (or a new file beside them), the rest of the input replaces that file; the other
//! rule files are the bundled ones. The folder goes through `Extractor::builder().rules(dir)`,
//! as `--rules DIR` does, with the fuzzing gazetteer base. A build must either fail with
//! errors that name a rule file, or give an extractor that reads the sample dispatches and
//! the fuzzed text, and runs every rule example.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use wirelink::{Extractor, Lang};

struct Dirs {
    gazetteers: PathBuf,
    rules: PathBuf,
    /// Per language, the names of its rule files and a new one.
    files: Vec<(Lang, String, Option<String>)>,
}

fn dirs() -> &'static Dirs {
    static DIRS: OnceLock<Dirs> = OnceLock::new();
    DIRS.get_or_init(|| {
        let gazetteers = wirelink_fuzz::scratch_dir("rules-gazetteers");
        wirelink_fuzz::write_gazetteer_base(&gazetteers);
        let rules = wirelink_fuzz::scratch_dir("rules");
        wirelink_fuzz::write_bundled_rules(&rules);
        let mut files: Vec<(Lang, String, Option<String>)> =
            wirelink_fuzz::bundled_rules().iter().map(|(l, n, t)| (*l, n.clone(), Some(t.clone()))).collect();
        for lang in Lang::ALL {
            files.push((lang, "extra.toml".to_string(), None));
        }
        Dirs { gazetteers, rules, files }
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else { return };
    let d = dirs();
    let (lang, name, original) = &d.files[usize::from(pick) % d.files.len()];
    let path = d.rules.join(lang.code()).join(name);
    std::fs::write(&path, body).expect("temp dir is writable");
    let built = Extractor::builder().gazetteers(&d.gazetteers).rules(&d.rules).build();
    match original {
        Some(text) => std::fs::write(&path, text).expect("temp dir is writable"),
        None => std::fs::remove_file(&path).expect("temp dir is writable"),
    }
    match built {
        Ok(ex) => wirelink_fuzz::exercise(&ex, body),
        Err(e) => wirelink_fuzz::check_error(&e, &d.rules, |p| {
            if p == path {
                Some(body.to_vec())
            } else {
                d.files.iter().find(|(l, n, _)| p == d.rules.join(l.code()).join(n)).and_then(|(_, _, t)| t.clone()).map(String::into_bytes)
            }
        }),
    }
});
