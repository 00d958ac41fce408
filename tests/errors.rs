//! Bad data lines, each with its exact message: `FILE:LINE: what is wrong`. Every build
//! reports all bad lines at once.

use std::path::{Path, PathBuf};

use wirelink::Extractor;

/// A copy of the bundled gazetteers with `line` appended to `file`; returns the directory
/// and the line number of the appended line.
fn gazetteers_with(tag: &str, file: &str, line: &str) -> (PathBuf, usize) {
    let dir = std::env::temp_dir().join(format!("wirelink-errors-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "tsv") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    let path = dir.join(file);
    let mut text = std::fs::read_to_string(&path).unwrap();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    let n = text.lines().count();
    std::fs::write(&path, text).unwrap();
    (dir, n)
}

#[test]
fn each_kind_of_bad_gazetteer_line_has_its_message() {
    // (file, appended line, message after "FILE:LINE: ")
    let cases = [
        ("cities.tsv", "524901\tMoscow\tRUS", "expected 5 tab-separated columns, found 3"),
        ("surfaces.tsv", "RUS\tnickname\tfr:la Russie éternelle", "unknown form \"nickname\", expected one of name, short, adjective or metonym"),
        ("roles.tsv", "tsar\tfr:tsar", "unknown role \"tsar\", expected one of president, prime_minister, chancellor, foreign_minister, monarch, secretary_general, leader, counterpart"),
        ("offices.tsv", "vladimir-putin\tpresident\tRUS\t2012-5-7\t", "bad date \"2012-5-7\" in column start, expected YYYY-MM-DD (or YYYY-MM, YYYY when the day is not known)"),
        ("persons.tsv", "leonid-brezhnev\tLeonid Brezhnev\tSUN\tLéonid Brejnev\tBrejnev", "unknown country \"SUN\", not in countries.tsv"),
        ("organizations.tsv", "nato\tNATO again\tNAVO", "duplicate id \"nato\", first defined at line"),
        ("countries.tsv", "Russia\tRussia\t\t\t\t\t", "bad id \"Russia\": a country id is ISO 3166-1 alpha-3 in capitals"),
        ("offices.tsv", "vladimir-putin\tpresident\tRUS\t2012-05-07\t2008-05-07", "term ends 2008-05-07 before it starts 2012-05-07"),
    ];
    for (i, (file, line, want)) in cases.into_iter().enumerate() {
        let (dir, n) = gazetteers_with(&i.to_string(), file, line);
        let err = Extractor::builder().gazetteers(&dir).build().expect_err(line);
        let _ = std::fs::remove_dir_all(&dir);
        let got: Vec<String> = err.flatten().iter().map(|e| e.to_string()).collect();
        let prefix = format!("{}:{n}: {want}", dir.join(file).display());
        assert!(got.iter().any(|g| g.starts_with(&prefix)), "{file}: {line:?}\n  want: {prefix}\n  got:  {got:#?}");
    }
}

#[test]
fn a_missing_gazetteer_file_names_the_file() {
    let (dir, _) = gazetteers_with("missing", "roles.tsv", "");
    std::fs::remove_file(dir.join("persons.tsv")).unwrap();
    let err = Extractor::builder().gazetteers(&dir).build().unwrap_err().to_string();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(err.starts_with(&format!("{}: ", dir.join("persons.tsv").display())), "{err}");
}

#[test]
fn a_bad_rule_file_is_reported_with_file_and_line() {
    let dir = std::env::temp_dir().join(format!("wirelink-errors-{}-rules", std::process::id()));
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/relation/rules");
    for lang in ["fr", "nl", "en"] {
        std::fs::create_dir_all(dir.join(lang)).unwrap();
        for e in std::fs::read_dir(src.join(lang)).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, dir.join(lang).join(p.file_name().unwrap())).unwrap();
        }
    }
    let bad = "[[rule]]\nid = \"fr.meet.bad\"\nrelation = \"shook_hands\"\ntriggers = [\"a serré la main\"]\n";
    std::fs::write(dir.join("fr/bad.toml"), bad).unwrap();
    let err = Extractor::builder().rules(&dir).build().unwrap_err().to_string();
    let _ = std::fs::remove_dir_all(&dir);
    let want = format!("{}:3: unknown variant `shook_hands`", dir.join("fr/bad.toml").display());
    assert!(err.starts_with(&want), "want {want}\ngot {err}");
}
