//! `--lines`: one document per input line, in bounded memory, results in input order.
//!
//! With one thread, each line is read, extracted and written in turn. With more, the lines
//! go in blocks through a pipeline: this thread reads a block and hands it to a pool of
//! workers (one `Scratch` each), which extract and serialize it; this thread writes the
//! blocks back in input order as they come. At most `IN_FLIGHT` blocks per worker are read
//! and not yet written, so memory stays bounded whatever the input's size, and the workers
//! never wait for the reading or the writing of a block.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::sync::{mpsc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use wirelink::output::html;
use wirelink::{Extractor, Scratch};

use super::{with_options, Format, Options, Tally};

/// Lines per block, and bytes: small enough for the workers to share the work evenly (on
/// 96 MB of the peers' corpus, 64 lines gave 1.8x on two threads where 256 gave 1.65x),
/// large enough that handing blocks over costs nothing beside extracting them.
const BLOCK_LINES: usize = 64;
const BLOCK_BYTES: usize = 1 << 20;
/// Blocks read and not yet written, per worker.
const IN_FLIGHT: usize = 4;

/// Reads `reader` line by line, extracts on `threads` threads, writes to `out` in input order.
pub(super) fn extract_lines(
    ex: &Extractor,
    mut reader: Box<dyn BufRead + '_>,
    opts: &Options,
    threads: usize,
    out: &mut impl Write,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let progress = Progress::new(opts.size);
    let mut line_no = 0;
    if threads <= 1 {
        let mut scratch = ex.scratch();
        let mut buf = Vec::new();
        let mut done = Done::default();
        while let Some(line) = read_line(&mut reader, &mut buf, opts)? {
            line_no += 1;
            done.add(ex, &mut scratch, opts, line_no, line);
            let bytes = done.write(out, opts, tally)?;
            progress.report(tally.read, bytes);
        }
        progress.finish(tally.read);
        return Ok(());
    }

    let (jobs, job_rx) = mpsc::sync_channel::<Block>(threads * IN_FLIGHT);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, results) = mpsc::channel::<(Block, Done)>();
    std::thread::scope(|s| {
        for _ in 0..threads {
            let (job_rx, done_tx) = (&job_rx, done_tx.clone());
            s.spawn(move || {
                let mut scratch = ex.scratch();
                // The lock is held only while waiting for the next block.
                while let Ok(mut block) = job_rx.lock().map_err(drop).and_then(|rx| rx.recv().map_err(drop)) {
                    let mut done = Done { text: std::mem::take(&mut block.out), ..Done::default() };
                    for (n, line) in block.lines() {
                        done.add(ex, &mut scratch, opts, n, line);
                    }
                    if done_tx.send((block, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        // Read and hand over blocks while fewer than the bound are out; then write what
        // has come back, in order.
        let mut jobs = Some(jobs);
        let (mut sent, mut next) = (0, 0);
        let mut ready: BTreeMap<usize, Done> = BTreeMap::new();
        let mut buf = Vec::new();
        // Blocks written, their buffers kept for the next ones: the buffers of the pipeline
        // are allocated once, not once per block by one thread and freed by another.
        let mut free: Vec<Block> = Vec::new();
        loop {
            while jobs.is_some() && sent - next < threads * IN_FLIGHT {
                let mut block = free.pop().unwrap_or_default();
                (block.seq, block.first) = (sent, line_no + 1);
                block.data.clear();
                block.ends.clear();
                block.out.clear();
                while block.ends.len() < BLOCK_LINES && block.data.len() < BLOCK_BYTES {
                    let Some(line) = read_line(&mut reader, &mut buf, opts)? else { break };
                    block.data.extend_from_slice(line);
                    block.ends.push(block.data.len());
                    line_no += 1;
                }
                if block.ends.is_empty() {
                    jobs = None; // the workers end when the blocks run out
                    break;
                }
                if let Some(j) = &jobs {
                    j.send(block).context("the extraction threads stopped")?;
                }
                sent += 1;
            }
            if next == sent {
                break;
            }
            let (block, done) = results.recv().context("an extraction thread stopped")?;
            ready.insert(block.seq, done);
            free.push(block);
            while let Some(mut done) = ready.remove(&next) {
                let bytes = done.write(out, opts, tally)?;
                if let Some(b) = free.iter_mut().find(|b| b.out.capacity() == 0) {
                    b.out = std::mem::take(&mut done.text);
                }
                next += 1;
                progress.report(tally.read, bytes);
            }
        }
        progress.finish(tally.read);
        Ok(())
    })
}

/// The next line without its line break, or `None` at the end of the input.
fn read_line<'b>(reader: &mut dyn BufRead, buf: &'b mut Vec<u8>, opts: &Options) -> anyhow::Result<Option<&'b [u8]>> {
    buf.clear();
    if reader.read_until(b'\n', buf).with_context(|| opts.name.to_string())? == 0 {
        return Ok(None);
    }
    let mut line = &buf[..];
    if let [rest @ .., b'\n'] = line {
        line = rest;
        if let [rest @ .., b'\r'] = line {
            line = rest;
        }
    }
    Ok(Some(line))
}

/// Lines read together: their bytes one after the other, and where each one ends.
#[derive(Default)]
struct Block {
    seq: usize,
    /// The line number of the first line.
    first: usize,
    data: Vec<u8>,
    ends: Vec<usize>,
    /// A buffer for the block's output (`Done::text`), passed on from a block written.
    out: Vec<u8>,
}

impl Block {
    fn lines(&self) -> impl Iterator<Item = (usize, &[u8])> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).enumerate().map(|(i, (start, &end))| (self.first + i, &self.data[start..end]))
    }
}

/// The output of lines: their JSON lines (or HTML sections) one after the other, and the
/// numbers of the lines that are not UTF-8.
#[derive(Default)]
struct Done {
    text: Vec<u8>,
    docs: usize,
    bytes: usize,
    failed: Vec<usize>,
}

impl Done {
    /// Extracts one line and appends its output.
    fn add(&mut self, ex: &Extractor, scratch: &mut Scratch, opts: &Options, n: usize, line: &[u8]) {
        self.bytes += line.len() + 1;
        let Ok(text) = std::str::from_utf8(line) else {
            self.failed.push(n);
            return;
        };
        let doc = ex.extract_with(scratch, with_options(text, opts.lang, opts.date).file(opts.name).line(n));
        if opts.format == Format::Html {
            self.text.extend_from_slice(html::section(&doc, text, opts.first_section + n).as_bytes());
        } else {
            // Writing into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut self.text, &doc);
            self.text.push(b'\n');
        }
        self.docs += 1;
    }

    /// Writes the output, reports the lines that are not UTF-8, counts, and empties itself;
    /// gives the input bytes it held.
    fn write(&mut self, out: &mut impl Write, opts: &Options, tally: &mut Tally) -> anyhow::Result<usize> {
        out.write_all(&self.text)?;
        for n in &self.failed {
            eprintln!("wirelink: {}:{n}: not UTF-8", opts.name);
        }
        tally.read += self.docs + self.failed.len();
        tally.written += self.docs;
        tally.failed += self.failed.len();
        let bytes = self.bytes;
        // The text buffer is kept for the next lines.
        *self = Done { text: std::mem::take(&mut self.text), ..Done::default() };
        self.text.clear();
        Ok(bytes)
    }
}

/// Documents and MB per second on stderr, when stderr is a terminal, and the time left when
/// the input's size is known (a file, not a pipe); at most five times a second.
struct Progress {
    start: Instant,
    on: bool,
    bytes: Cell<usize>,
    total: Option<u64>,
    shown: Cell<Instant>,
}

impl Progress {
    fn new(total: Option<u64>) -> Progress {
        use std::io::IsTerminal;
        let now = Instant::now();
        Progress { start: now, on: std::io::stderr().is_terminal(), bytes: Cell::new(0), total, shown: Cell::new(now) }
    }

    fn report(&self, docs: usize, bytes: usize) {
        self.bytes.set(self.bytes.get() + bytes);
        if self.on && self.shown.get().elapsed() >= Duration::from_millis(200) {
            self.show(docs);
        }
    }

    fn show(&self, docs: usize) {
        self.shown.set(Instant::now());
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let rate = self.bytes.get() as f64 / secs;
        let eta = match self.total {
            Some(t) if rate > 0.0 => format!(", ETA {:.0} s", (t as f64 - self.bytes.get() as f64).max(0.0) / rate),
            _ => String::new(),
        };
        eprint!("\r{docs} docs, {:.0} docs/s, {:.1} MB/s{eta}   ", docs as f64 / secs, rate / 1e6);
    }

    fn finish(&self, docs: usize) {
        if self.on {
            self.show(docs);
            eprintln!();
        }
    }
}
