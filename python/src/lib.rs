//! The `wirelink._wirelink` extension module: the Rust [`Extractor`] as a Python class.
//!
//! Every call returns the contract's JSON (`CONTRACT.md`) as text, serialized from the same
//! [`wirelink::Document`] the command line prints, so the two can never disagree; the Python
//! package (`python/wirelink/__init__.py`) turns it into dicts. Extraction runs detached from
//! the interpreter (the GIL is released): other Python threads go on meanwhile, and a batch
//! spreads over worker threads, each with its own [`Scratch`](wirelink::Scratch).

use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use wirelink::{Document, Extractor, Input, Lang};

pyo3::create_exception!(
    wirelink,
    DataError,
    PyValueError,
    "A gazetteer or rule file has a bad line, or cannot be read. The message has one \
     `FILE:LINE: what is wrong` line per problem; `errors` lists them."
);

/// Documents a worker takes at a time: small enough to balance uneven documents over the
/// threads, large enough that taking work costs nothing next to extracting it.
const BLOCK: usize = 16;

/// The per-call options, checked once per call.
struct Options {
    lang: Option<Lang>,
    date: Option<String>,
}

impl Options {
    fn parse(lang: Option<&str>, date: Option<&str>) -> PyResult<Options> {
        let lang = match lang {
            None | Some("auto") => None,
            Some(l) => Some(l.parse::<Lang>().map_err(PyValueError::new_err)?),
        };
        Ok(Options { lang, date: date.map(check_date).transpose()? })
    }

    fn input<'t>(&self, text: &'t str, date: Option<&str>) -> Input<'t> {
        let mut input = Input::new(text);
        if let Some(l) = self.lang {
            input = input.lang(l);
        }
        if let Some(d) = date.or(self.date.as_deref()) {
            input = input.date(d);
        }
        input
    }
}

/// A date `Input::date` would silently ignore is the caller's mistake: say so.
fn check_date(date: &str) -> PyResult<String> {
    match Input::new("").try_date(date) {
        Ok(_) => Ok(date.to_string()),
        Err(_) => Err(PyValueError::new_err(format!("date {date:?}: expected YYYY, YYYY-MM or YYYY-MM-DD"))),
    }
}

fn to_json(doc: &Document) -> PyResult<String> {
    serde_json::to_string(doc).map_err(|e| PyRuntimeError::new_err(format!("serializing a document: {e}")))
}

/// The build error as `wirelink.DataError`: the message the command line prints, and the
/// list of its lines as `errors`.
fn data_error(py: Python<'_>, e: &wirelink::Error) -> PyErr {
    let err = DataError::new_err(e.to_string());
    let lines: Vec<String> = e.flatten().iter().map(|e| e.to_string()).collect();
    if let Err(set) = err.value(py).setattr("errors", lines) {
        return set;
    }
    err
}

/// Extracts every text on `threads` threads and returns the JSON documents in input order.
fn extract_all(ex: &Extractor, texts: &[PyBackedStr], dates: &[Option<String>], opts: &Options, threads: usize) -> PyResult<Vec<String>> {
    let date = |i: usize| dates.get(i).and_then(|d| d.as_deref());
    let mut out: Vec<PyResult<String>> = Vec::with_capacity(texts.len());
    out.resize_with(texts.len(), || Ok(String::new()));
    if threads <= 1 || texts.len() <= BLOCK {
        let mut scratch = ex.scratch();
        for (i, (text, slot)) in texts.iter().zip(out.iter_mut()).enumerate() {
            *slot = to_json(&ex.extract_with(&mut scratch, opts.input(text, date(i))));
        }
    } else {
        // Workers take the next block of documents and write each result into its own slot,
        // so the output keeps the input order whatever thread finished first.
        let work = Mutex::new(out.chunks_mut(BLOCK).enumerate());
        let panicked = std::thread::scope(|s| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    s.spawn(|| {
                        let mut scratch = ex.scratch();
                        loop {
                            let next = match work.lock() {
                                Ok(mut blocks) => blocks.next(),
                                Err(_) => None,
                            };
                            let Some((b, slots)) = next else { break };
                            for (k, slot) in slots.iter_mut().enumerate() {
                                let i = b * BLOCK + k;
                                *slot = to_json(&ex.extract_with(&mut scratch, opts.input(&texts[i], date(i))));
                            }
                        }
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join()).filter(Result::is_err).count()
        });
        if panicked > 0 {
            return Err(PyRuntimeError::new_err(format!("{panicked} extraction thread(s) panicked")));
        }
    }
    out.into_iter().collect()
}

/// Extracts leaders, countries, cities, organizations and their relations from dispatches.
///
/// Building reads and checks the gazetteers and rules (about 0.15 s for the bundled world
/// gazetteer in a release build): build one and reuse it. It is immutable and may be shared
/// by threads.
#[pyclass(frozen, module = "wirelink._wirelink", name = "Extractor")]
struct PyExtractor {
    ex: Extractor,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (languages=None, gazetteers=None, rules=None))]
    fn new(py: Python<'_>, languages: Option<Vec<String>>, gazetteers: Option<PathBuf>, rules: Option<PathBuf>) -> PyResult<Self> {
        let mut b = Extractor::builder();
        if let Some(codes) = languages {
            let langs = codes.iter().map(|c| c.parse::<Lang>()).collect::<Result<Vec<_>, _>>().map_err(PyValueError::new_err)?;
            b.languages(langs);
        }
        if let Some(dir) = gazetteers {
            b.gazetteers(dir);
        }
        if let Some(dir) = rules {
            b.rules(dir);
        }
        match py.detach(|| b.build()) {
            Ok(ex) => Ok(PyExtractor { ex }),
            Err(e) => Err(data_error(py, &e)),
        }
    }

    /// One document as the contract's JSON text. `lang`: "fr", "nl", "en", or None/"auto" to
    /// detect it; `date`: YYYY, YYYY-MM or YYYY-MM-DD, used when the text has no dateline.
    #[pyo3(signature = (text, lang=None, date=None))]
    fn extract_json(&self, py: Python<'_>, text: PyBackedStr, lang: Option<&str>, date: Option<&str>) -> PyResult<String> {
        let opts = Options::parse(lang, date)?;
        py.detach(|| to_json(&self.ex.extract(opts.input(&text, None))))
    }

    /// Many documents as JSON texts, in input order, extracted on `threads` threads (default:
    /// every core). `dates`, when given, holds one date (or None) per text and wins over `date`.
    #[pyo3(signature = (texts, lang=None, date=None, dates=None, threads=None))]
    fn extract_batch_json(
        &self,
        py: Python<'_>,
        texts: Vec<PyBackedStr>,
        lang: Option<&str>,
        date: Option<&str>,
        dates: Option<Vec<Option<String>>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<String>> {
        let opts = Options::parse(lang, date)?;
        let dates = dates.unwrap_or_default();
        if !dates.is_empty() && dates.len() != texts.len() {
            return Err(PyValueError::new_err(format!("{} dates for {} texts", dates.len(), texts.len())));
        }
        for d in dates.iter().flatten() {
            check_date(d)?;
        }
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let threads = threads.min(texts.len().div_ceil(BLOCK)).max(1);
        py.detach(|| extract_all(&self.ex, &texts, &dates, &opts, threads))
    }

    /// A readable account of every relation found in one document: the rule (file and line),
    /// its trigger, the mentions its slots took, negation, modality and clause.
    #[pyo3(signature = (text, lang=None, date=None))]
    fn explain(&self, py: Python<'_>, text: PyBackedStr, lang: Option<&str>, date: Option<&str>) -> PyResult<String> {
        let opts = Options::parse(lang, date)?;
        Ok(py.detach(|| self.ex.explain(opts.input(&text, None))))
    }

    /// Number of distinct folded gazetteer surfaces the automaton holds.
    #[getter]
    fn surface_count(&self) -> usize {
        self.ex.surface_count()
    }
}

/// wirelink's extractor, compiled from Rust. Use the `wirelink` package, which wraps it.
#[pymodule(name = "_wirelink")]
mod module {
    #[pymodule_export]
    use super::DataError;
    #[pymodule_export]
    use super::PyExtractor;
    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
