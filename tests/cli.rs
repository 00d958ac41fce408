//! The command line: exit codes, bad inputs reported as FILE:LINE, other documents still
//! processed, no panic on odd input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn wirelink(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wirelink"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("wirelink runs");
    let mut pipe = child.stdin.take().expect("stdin");
    // Written from another thread: with `--lines` the command reads its input as it writes
    // its output, and both pipes are bounded. The command may refuse its arguments before
    // reading: a closed pipe is no failure.
    let input = stdin.unwrap_or_default().to_vec();
    let writer = std::thread::spawn(move || drop(pipe.write_all(&input)));
    let out = child.wait_with_output().expect("wirelink finishes");
    writer.join().expect("the input is written");
    out
}

/// A scratch directory, removed when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

fn tempdir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("wirelink-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn one_file_prints_one_pretty_document() {
    let dir = tempdir("one");
    let f = write(&dir, "a.txt", "Vladimir Poutine a reçu Alexandre Loukachenko à Sotchi.".as_bytes());
    let o = wirelink(&["extract", "--date", "2021-02", &f], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["lang"], "fr");
    assert_eq!(doc["date"], "2021-02");
    assert_eq!(doc["relations"][0]["type"], "met_with");
    assert!(String::from_utf8_lossy(&o.stdout).lines().count() > 3, "pretty printed");
}

#[test]
fn invalid_utf8_is_reported_and_the_other_files_are_processed() {
    let dir = tempdir("utf8");
    let bad = write(&dir, "bad.txt", b"Poutine\n\xff\xfe broken");
    let good = write(&dir, "good.txt", "Mr. Biden met Xi Jinping in Bali.".as_bytes());
    let o = wirelink(&["extract", &bad, &good], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!("wirelink: {bad}:2: not UTF-8")), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 documents read, 1 written, 1 failed"), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "one compact line per good document");
    let doc: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(doc["file"], good.as_str());
}

#[test]
fn lines_mode_skips_a_bad_line_and_keeps_order() {
    let o = wirelink(&["extract", "--lines", "-"], Some(b"Poutine a parl\xc3\xa9.\n\xc3\x28 bad\nMr. Biden met Xi Jinping.\n"));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("<stdin>:2: not UTF-8"), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 documents read, 2 written, 1 failed"), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[1]["line"], 3);
}

#[test]
fn threads_give_the_same_output_in_the_same_order() {
    let mut input = String::new();
    for i in 0..300 {
        input.push_str(&format!("Vladimir Poutine a reçu Alexandre Loukachenko à Sotchi le {i}.\nMr. Biden met Xi Jinping.\n"));
    }
    let one = wirelink(&["extract", "--lines", "--threads", "1", "-"], Some(input.as_bytes()));
    let two = wirelink(&["extract", "--lines", "--threads", "2", "-"], Some(input.as_bytes()));
    assert!(one.status.success() && two.status.success());
    assert_eq!(String::from_utf8_lossy(&one.stdout).lines().count(), 600);
    assert_eq!(one.stdout, two.stdout);
}

/// A slow first block (one long document) while the other threads race ahead: they fill
/// the bound of blocks in flight and wait, the output keeps the input's order, and the
/// lines that are not UTF-8 are reported in order too.
#[test]
fn a_slow_block_holds_the_others_back_in_order() {
    let mut input = "Le président Emmanuel Macron est à Paris. ".repeat(2_000).into_bytes();
    input.push(b'\n');
    for i in 0..3000 {
        if i % 700 == 0 {
            input.extend_from_slice(b"\xff broken\n");
        } else {
            input.extend_from_slice(format!("Mr. Biden met Xi Jinping in Beijing on day {i}.\n").as_bytes());
        }
    }
    let one = wirelink(&["extract", "--lines", "--threads", "1", "-"], Some(&input));
    let three = wirelink(&["extract", "--lines", "--threads", "3", "-"], Some(&input));
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(three.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&three.stdout).lines().count(), 1 + 3000 - 5);
    assert_eq!(one.stdout, three.stdout);
    let err = stderr(&three);
    let reported: Vec<&str> = err.lines().filter(|l| l.ends_with("not UTF-8")).collect();
    assert_eq!(reported, ["wirelink: <stdin>:2: not UTF-8", "wirelink: <stdin>:702: not UTF-8", "wirelink: <stdin>:1402: not UTF-8", "wirelink: <stdin>:2102: not UTF-8", "wirelink: <stdin>:2802: not UTF-8"]);
    assert!(err.contains("3001 documents read, 2996 written, 5 failed"), "{err}");
}

#[test]
fn odd_inputs_do_not_crash() {
    let big = "Paris ".repeat((1 << 20) / 6);
    let random: Vec<u8> = (0u32..4096).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    let cases: [(&str, &[u8], Option<i32>); 4] =
        [("empty", b"", Some(0)), ("blank", b" \n\t \n", Some(0)), ("big", big.as_bytes(), Some(0)), ("random", &random, Some(1))];
    for (name, input, code) in cases {
        let o = wirelink(&["extract", "-"], Some(input));
        assert_eq!(o.status.code(), code, "{name}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{name}: {}", stderr(&o));
        if code == Some(1) {
            assert!(stderr(&o).contains("not UTF-8"), "{name}: {}", stderr(&o));
        }
    }
}

#[test]
fn a_missing_file_is_reported_and_the_others_processed() {
    let dir = tempdir("missing");
    let good = write(&dir, "good.txt", b"Poutine");
    let o = wirelink(&["extract", "--jsonl", "/nonexistent/x.txt", &good], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("wirelink: /nonexistent/x.txt: "), "{}", stderr(&o));
    assert_eq!(String::from_utf8(o.stdout).unwrap().lines().count(), 1);
}

#[test]
fn a_bad_date_or_language_is_refused() {
    let o = wirelink(&["extract", "--date", "21-02", "-"], Some(b"x"));
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("--date \"21-02\""), "{}", stderr(&o));
    let o = wirelink(&["extract", "--lang", "de", "-"], Some(b"x"));
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("unknown language"), "{}", stderr(&o));
}

#[test]
fn a_bad_gazetteer_line_is_reported_with_file_and_line() {
    let dir = tempdir("gaz");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "tsv") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    let offices = dir.join("offices.tsv");
    let mut text = std::fs::read_to_string(&offices).unwrap();
    text.push_str("vladimir-putin\tpresident\tRUS\t2012-05-07\t2008-05-07\n");
    let line = text.lines().count();
    std::fs::write(&offices, text).unwrap();
    let o = wirelink(&["extract", "--gazetteers", dir.0.to_str().unwrap(), "-"], Some(b"Poutine"));
    assert_eq!(o.status.code(), Some(1));
    let want = format!("{}:{line}: term ends 2008-05-07 before it starts 2012-05-07", offices.display());
    assert!(stderr(&o).contains(&want), "want {want}\ngot {}", stderr(&o));
}

#[test]
fn explain_names_the_rule_file_and_line() {
    let o = wirelink(&["extract", "--explain", "--date", "2021-02", "-"], Some("Vladimir Poutine a reçu Alexandre Loukachenko à Sotchi.".as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("fr.meet.verb_rencontrer met_with(participant=vladimir-putin, participant=alexander-lukashenko)"), "{out}");
    assert!(out.contains("src/relation/rules/fr/meet.toml:"), "{out}");
    assert!(out.contains("slot took \"Alexandre Loukachenko\""), "{out}");
}

#[test]
fn check_passes_on_the_bundled_data() {
    let o = wirelink(&["check"], None);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_closed_output_pipe_ends_eval_and_extract_quietly() {
    let dispatches = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dispatches");
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/sochi_2020.fr.txt");
    for args in [vec!["eval", dispatches], vec!["extract", example, example, example]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_wirelink"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("wirelink runs");
        // The reader goes away before the first byte: every write sees a closed pipe.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wirelink finishes");
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(out.status.success(), "{args:?}: {err}");
    }
}
