//! The `wirelink` command: argument parsing, reading files, printing. Nothing else.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use wirelink::eval::{self, GoldDocument};
use wirelink::output::{brat, html};
use wirelink::{Document, Extractor, Input, Lang};

mod lines;

/// A document's output is many small strings made and dropped per document: mimalloc's
/// thread-local free lists serve them about a quarter faster than the system allocator
/// (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "wirelink", version, about = "Leaders, countries, cities, organizations and their relations, from news dispatches")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract entities, mentions and relations; print the JSON of CONTRACT.md, or write brat
    /// standoff or an HTML page (--format).
    Extract(ExtractArgs),
    /// Score every DIR/**/*.txt against its .gold.json or brat .ann (P/R/F1 per language and
    /// relation type).
    Eval(EvalArgs),
    /// Check the data: gazetteers and rules load, and every rule example gives what it says.
    Check(DataArgs),
}

#[derive(Args)]
struct DataArgs {
    /// Gazetteer directory (default: the bundled gazetteers).
    #[arg(long, value_name = "DIR")]
    gazetteers: Option<PathBuf>,
    /// Rules directory with fr/ nl/ en/ subfolders (default: the bundled rules).
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
}

#[derive(Args)]
struct ExtractArgs {
    /// Input files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Document language: fr, nl, en or auto (detected per document).
    #[arg(long, default_value = "auto")]
    lang: String,
    /// Dispatch date when the text has no dateline: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long)]
    date: Option<String>,
    /// One compact JSON object per line, each with "file".
    #[arg(long)]
    jsonl: bool,
    /// Every input line is one document ("line" is set); implies --jsonl. Read as a stream:
    /// memory does not grow with the input.
    #[arg(long)]
    lines: bool,
    /// Instead of JSON, print for each relation the rule that fired (file and line), its
    /// trigger and the mentions its slots took.
    #[arg(long, conflicts_with_all = ["lines", "jsonl"])]
    explain: bool,
    /// Worker threads for --lines (output stays in input order).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=256))]
    threads: u16,
    /// json: the JSON of CONTRACT.md on standard output. brat: standoff, FILE.ann beside each
    /// FILE.txt (or in --out DIR); standard input's goes to standard output; an existing .ann
    /// is never overwritten; no --lines. html: one self-contained page of every document on
    /// standard output.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// With --format brat: write NAME.ann and a copy of the text as NAME.txt into DIR (made if
    /// missing, with brat's annotation.conf and visual.conf unless already there).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    #[command(flatten)]
    data: DataArgs,
}

/// What `extract` writes.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The JSON of CONTRACT.md.
    Json,
    /// brat standoff (.ann files).
    Brat,
    /// One self-contained HTML page.
    Html,
}

#[derive(Args)]
struct EvalArgs {
    /// Directory of annotated dispatches (searched recursively for *.txt with a .gold.json or,
    /// failing that, a brat .ann beside it).
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Fail (exit 1) when entity F1 is below this, overall or in a language.
    #[arg(long)]
    min_entities_f1: Option<f64>,
    /// Fail when mention F1 is below this.
    #[arg(long)]
    min_mentions_f1: Option<f64>,
    /// Fail when relation F1 is below this.
    #[arg(long)]
    min_relations_f1: Option<f64>,
    /// Fail when more than this many must_not relations are extracted.
    #[arg(long)]
    max_must_not: Option<usize>,
    /// Apply the thresholds to each language separately too.
    #[arg(long)]
    per_language: bool,
    /// Dispatch date for documents without a dateline.
    #[arg(long)]
    date: Option<String>,
    #[command(flatten)]
    data: DataArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract(a),
        Command::Eval(a) => eval(a),
        Command::Check(a) => check(a),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wirelink: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        // serde_json wraps the writer's io::Error in its own, and says which kind it was.
        let kind = c.downcast_ref::<io::Error>().map(io::Error::kind).or_else(|| c.downcast_ref::<serde_json::Error>().and_then(serde_json::Error::io_error_kind));
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}

fn build(data: &DataArgs) -> anyhow::Result<Extractor> {
    let mut b = Extractor::builder();
    if let Some(d) = &data.gazetteers {
        b.gazetteers(d);
    }
    if let Some(d) = &data.rules {
        b.rules(d);
    }
    Ok(b.build()?)
}

fn check(a: DataArgs) -> anyhow::Result<bool> {
    let ex = build(&a)?;
    ex.check_examples()?;
    writeln!(io::stdout(), "ok: {} surfaces, automaton {} bytes, every rule example passes", ex.surface_count(), ex.automaton_bytes())?;
    Ok(true)
}

/// Counts for the closing summary: documents read = written + failed.
#[derive(Default)]
struct Tally {
    read: usize,
    written: usize,
    failed: usize,
}

fn extract(a: ExtractArgs) -> anyhow::Result<bool> {
    let lang = match a.lang.as_str() {
        "auto" => None,
        l => Some(l.parse::<Lang>().map_err(anyhow::Error::msg)?),
    };
    if let Some(d) = &a.date {
        if Input::new("").try_date(d).is_err() {
            anyhow::bail!("--date {d:?}: expected YYYY, YYYY-MM or YYYY-MM-DD");
        }
    }
    if a.format != Format::Json && (a.jsonl || a.explain) {
        anyhow::bail!("--jsonl and --explain are for --format json");
    }
    if a.out.is_some() && a.format != Format::Brat {
        anyhow::bail!("--out DIR is for --format brat; redirect the other formats (> FILE)");
    }
    if a.format == Format::Brat && a.lines {
        anyhow::bail!("--format brat writes one .ann per input file and takes no --lines: split the lines into files first");
    }
    let ex = build(&a.data)?;
    let mut scratch = ex.scratch();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout);
    let compact = a.jsonl || a.lines || a.files.len() > 1;
    let mut tally = Tally::default();
    let mut standoff = BratFiles::new(a.out.clone());
    if a.format == Format::Html {
        let title = match a.files.as_slice() {
            [one] if a.lines => format!("{}, one document per line", display_name(one)),
            [one] => display_name(one),
            many => format!("{} files", many.len()),
        };
        out.write_all(html::head(&title).as_bytes())?;
    }
    let mut sections = 0;
    for path in &a.files {
        let name = display_name(path);
        if a.lines {
            let size = std::fs::metadata(path).ok().filter(std::fs::Metadata::is_file).map(|m| m.len());
            let opts = Options { lang, date: a.date.as_deref(), name: &name, format: a.format, first_section: sections, size };
            let reader: Box<dyn BufRead + Send> = if path == Path::new("-") {
                Box::new(io::BufReader::with_capacity(1 << 20, io::stdin()))
            } else {
                match std::fs::File::open(path) {
                    Ok(f) => Box::new(io::BufReader::with_capacity(1 << 20, f)),
                    Err(e) => {
                        eprintln!("wirelink: {name}: {e}");
                        tally.read += 1;
                        tally.failed += 1;
                        continue;
                    }
                }
            };
            let before = tally.read;
            lines::extract_lines(&ex, reader, &opts, usize::from(a.threads), &mut out, &mut tally)?;
            sections += tally.read - before;
            continue;
        }
        let bytes = match read_input(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("wirelink: {name}: {e}");
                tally.read += 1;
                tally.failed += 1;
                continue;
            }
        };
        tally.read += 1;
        match std::str::from_utf8(&bytes) {
            Ok(text) => {
                let mut input = with_options(text, lang, a.date.as_deref());
                if path != Path::new("-") {
                    input = input.file(name.clone());
                }
                if a.explain {
                    writeln!(out, "== {name}\n{}", ex.explain(input))?;
                } else {
                    let doc = ex.extract_with(&mut scratch, input);
                    match a.format {
                        Format::Json => write_doc(&mut out, &doc, compact)?,
                        Format::Html => {
                            sections += 1;
                            out.write_all(html::section(&doc, text, sections).as_bytes())?;
                        }
                        Format::Brat if path == Path::new("-") => out.write_all(brat::standoff(&doc, text).as_bytes())?,
                        Format::Brat => {
                            if let Err(e) = standoff.write(path, text, &brat::standoff(&doc, text)) {
                                eprintln!("wirelink: {name}: {e}");
                                tally.failed += 1;
                                continue;
                            }
                        }
                    }
                }
                tally.written += 1;
            }
            Err(e) => {
                let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
                eprintln!("wirelink: {name}:{line}: not UTF-8");
                tally.failed += 1;
            }
        }
    }
    if a.format == Format::Html {
        out.write_all(html::tail().as_bytes())?;
    }
    out.flush()?;
    // One document read and written needs no summary; any other run ends with one.
    if tally.failed > 0 || tally.read > 1 {
        eprintln!("wirelink: {} documents read, {} written, {} failed", tally.read, tally.written, tally.failed);
    }
    Ok(tally.failed == 0)
}

/// Where `--format brat` writes: beside each input, or into one folder.
struct BratFiles {
    dir: Option<PathBuf>,
    /// The .ann files this run wrote, with the input each came from.
    written: std::collections::HashMap<PathBuf, PathBuf>,
    conf_checked: bool,
}

impl BratFiles {
    fn new(dir: Option<PathBuf>) -> BratFiles {
        BratFiles { dir, written: std::collections::HashMap::new(), conf_checked: false }
    }

    /// Writes the standoff of `input` (and, into a folder, a copy of its text); never
    /// overwrites an .ann file, nor a text that differs.
    fn write(&mut self, input: &Path, text: &str, ann: &str) -> anyhow::Result<()> {
        let (ann_path, txt_path) = match &self.dir {
            None => (input.with_extension("ann"), None),
            Some(dir) => {
                let stem = input.file_stem().map_or_else(|| "stdin".into(), |s| s.to_owned());
                let stem = Path::new(&stem);
                (dir.join(stem.with_extension("ann")), Some(dir.join(stem.with_extension("txt"))))
            }
        };
        if let Some(other) = self.written.get(&ann_path) {
            anyhow::bail!("{} was written for {} in this run", ann_path.display(), other.display());
        }
        if ann_path.exists() {
            anyhow::bail!("{} exists; remove it first, or write elsewhere with --out DIR", ann_path.display());
        }
        if let (Some(dir), false) = (&self.dir, self.conf_checked) {
            std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
            for (file, conf) in [("annotation.conf", brat::ANNOTATION_CONF), ("visual.conf", brat::VISUAL_CONF)] {
                let p = dir.join(file);
                if !p.exists() {
                    std::fs::write(&p, conf).with_context(|| p.display().to_string())?;
                }
            }
            self.conf_checked = true;
        }
        if let Some(txt) = &txt_path {
            match std::fs::read(txt) {
                Ok(old) if old == text.as_bytes() => {}
                Ok(_) => anyhow::bail!("{} exists with another text", txt.display()),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    std::fs::write(txt, text).with_context(|| txt.display().to_string())?;
                }
                Err(e) => return Err(e).with_context(|| txt.display().to_string()),
            }
        }
        std::fs::write(&ann_path, ann).with_context(|| ann_path.display().to_string())?;
        self.written.insert(ann_path, input.to_path_buf());
        Ok(())
    }
}

/// An input with the run's language and date options.
fn with_options<'t>(text: &'t str, lang: Option<Lang>, date: Option<&str>) -> Input<'t> {
    let mut input = Input::new(text);
    if let Some(l) = lang {
        input = input.lang(l);
    }
    if let Some(d) = date {
        input = input.date(d);
    }
    input
}

/// Per-document options of a run.
struct Options<'a> {
    lang: Option<Lang>,
    date: Option<&'a str>,
    name: &'a str,
    /// JSON lines, or HTML sections (brat takes no --lines).
    format: Format,
    /// HTML sections before this input's: line N is section `first_section + N`.
    first_section: usize,
    /// The input's size in bytes, when it is a file.
    size: Option<u64>,
}

fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf)?;
        return Ok(buf);
    }
    std::fs::read(path)
}

fn write_doc(out: &mut impl Write, doc: &Document, compact: bool) -> anyhow::Result<()> {
    if compact {
        serde_json::to_writer(&mut *out, doc)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, doc)?;
    }
    out.write_all(b"\n").context("writing the output")?;
    Ok(())
}

fn eval(a: EvalArgs) -> anyhow::Result<bool> {
    let ex = build(&a.data)?;
    let mut scratch = ex.scratch();
    let mut pairs = Vec::new();
    let mut ok = true;
    for txt in gold_pairs(&a.dir)? {
        let text = match std::fs::read(&txt).map(String::from_utf8) {
            Ok(Ok(t)) => t,
            Ok(Err(_)) => {
                eprintln!("wirelink: {}: not UTF-8", txt.display());
                ok = false;
                continue;
            }
            Err(e) => {
                eprintln!("wirelink: {}: {e}", txt.display());
                ok = false;
                continue;
            }
        };
        let gold_path = txt.with_file_name(txt.file_name().and_then(|n| n.to_str()).unwrap_or("").replace(".txt", ".gold.json"));
        if !gold_path.exists() {
            // brat standoff: the language is detected, as `extract` does; the date comes from
            // the dateline, or --date.
            let ann_path = txt.with_extension("ann");
            let ann = std::fs::read_to_string(&ann_path).with_context(|| ann_path.display().to_string())?;
            let mut input = Input::new(&text).file(txt.display().to_string());
            if let Some(d) = a.date.as_deref() {
                input = input.date(d);
            }
            let doc = ex.extract_with(&mut scratch, input);
            match GoldDocument::from_brat(&ann, &text, doc.lang) {
                Ok(mut gold) => {
                    gold.file = Some(txt.display().to_string());
                    pairs.push((gold, doc));
                }
                Err(e) => {
                    eprintln!("wirelink: {}:{}: {e}", ann_path.display(), e.line());
                    ok = false;
                }
            }
            continue;
        }
        let gold_text = std::fs::read_to_string(&gold_path).with_context(|| gold_path.display().to_string())?;
        let gold = match GoldDocument::from_json(&gold_text) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("wirelink: {}:{}: {e}", gold_path.display(), e.line());
                ok = false;
                continue;
            }
        };
        // The gold says the language; the date comes from the dateline, or --date.
        let mut input = Input::new(&text).lang(gold.lang).file(txt.display().to_string());
        if let Some(d) = a.date.as_deref().or(gold.date.as_deref()) {
            input = input.date(d);
        }
        let doc = ex.extract_with(&mut scratch, input);
        pairs.push((gold, doc));
    }
    if pairs.is_empty() {
        anyhow::bail!("{}: no *.txt with a .gold.json or .ann beside it", a.dir.display());
    }
    let report = eval::score(&pairs);
    // writeln!, not println!: a closed pipe (`| head`) ends the run quietly.
    writeln!(io::stdout(), "{report}")?;
    let failures = report.check(&eval::Thresholds {
        entities_f1: a.min_entities_f1,
        mentions_f1: a.min_mentions_f1,
        relations_f1: a.min_relations_f1,
        per_language: a.per_language,
        max_must_not: a.max_must_not,
    });
    for f in &failures {
        eprintln!("wirelink: eval: {f}");
    }
    Ok(ok && failures.is_empty())
}

/// Every `*.txt` under `dir` with a `.gold.json` or a brat `.ann` beside it, sorted.
fn gold_pairs(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).with_context(|| d.display().to_string())? {
            let p = entry?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if p.with_file_name(name.replace(".txt", ".gold.json")).exists() || p.with_extension("ann").exists() {
                    out.push(p);
                }
            }
        }
    }
    out.sort();
    Ok(out)
}
