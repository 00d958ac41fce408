//! `--lines`: one document per input line, in bounded memory, results in input order.
//!
//! Every thread, the caller's included, runs the same loop: take the input, read a block of
//! lines, let the input go; extract and serialize the block; take the output, write the
//! block if it is the next one in input order (and the blocks that were waiting for it),
//! or leave it to be written in its turn. There is no reading or writing thread besides the
//! extracting ones, so on a machine with as many cores as threads no thread waits to be
//! woken by another (on two cores, a third thread woken for each block preempted the others:
//! 1.9 s of kernel time in 4.1 s of CPU, BENCHMARKS.md). At most `IN_FLIGHT` blocks per
//! thread are read and not yet written, so memory stays bounded whatever the input's size.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use wirelink::output::html;
use wirelink::{Extractor, Scratch};

use super::{with_options, Format, Options, Tally};

/// Lines per block, and bytes: small enough for the threads to share the work evenly, large
/// enough that taking the input and the output costs nothing beside extracting a block.
const BLOCK_LINES: usize = 64;
const BLOCK_BYTES: usize = 1 << 20;
/// Blocks read and not yet written, per thread.
const IN_FLIGHT: usize = 4;

/// The input side: the reader and where it is.
struct Input<'r> {
    reader: Box<dyn BufRead + Send + 'r>,
    buf: Vec<u8>,
    /// Lines read, and blocks.
    line_no: usize,
    seq: usize,
    /// The end was reached, or a thread failed.
    done: bool,
}

/// The output side: the blocks done and not yet written, in input order.
struct Output<'w, W> {
    out: &'w mut W,
    tally: &'w mut Tally,
    progress: Progress,
    /// The next block to write.
    next: usize,
    ready: BTreeMap<usize, Done>,
    /// Buffers of blocks written, for the next ones.
    spare: Vec<Done>,
    /// Threads waiting for the blocks in flight to be written.
    waiting: usize,
    error: Option<anyhow::Error>,
}

/// Reads `reader` line by line, extracts on `threads` threads, writes to `out` in input order.
pub(super) fn extract_lines<W: Write + Send>(
    ex: &Extractor,
    reader: Box<dyn BufRead + Send + '_>,
    opts: &Options,
    threads: usize,
    out: &mut W,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let threads = threads.max(1);
    let pipeline = Pipeline {
        opts,
        bound: threads * IN_FLIGHT,
        input: Mutex::new(Input { reader, buf: Vec::new(), line_no: 0, seq: 0, done: false }),
        output: Mutex::new(Output {
            out,
            tally,
            progress: Progress::new(opts.size),
            next: 0,
            ready: BTreeMap::new(),
            spare: Vec::new(),
            waiting: 0,
            error: None,
        }),
        written: Condvar::new(),
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(|| pipeline.run(ex));
        }
        pipeline.run(ex);
    });
    let mut output = pipeline.output.into_inner().map_err(|_| anyhow::anyhow!("an extraction thread stopped"))?;
    if let Some(e) = output.error {
        return Err(e);
    }
    output.progress.finish(output.tally.read);
    Ok(())
}

/// What the threads share: the two sides, and the signal that blocks were written.
struct Pipeline<'p, 'r, 'w, W> {
    opts: &'p Options<'p>,
    /// Blocks read and not yet written, at most.
    bound: usize,
    input: Mutex<Input<'r>>,
    output: Mutex<Output<'w, W>>,
    written: Condvar,
}

impl<W: Write> Pipeline<'_, '_, '_, W> {
    /// One thread's loop: read a block, extract it, write what is next, until the input
    /// ends or a thread fails.
    fn run(&self, ex: &Extractor) {
        let mut scratch = ex.scratch();
        let mut block = Block::default();
        let mut done = Done::default();
        while self.take(&mut block) {
            for (n, line) in block.lines() {
                done.add(ex, &mut scratch, self.opts, n, line);
            }
            match self.put(block.seq, done) {
                Some(next) => done = next,
                None => return,
            }
        }
    }

    /// Reads the next block into `block` once there is room for it; false at the end of
    /// the input or when a thread failed.
    fn take(&self, block: &mut Block) -> bool {
        let Ok(mut inp) = self.input.lock() else { return false };
        if inp.done {
            return false;
        }
        if !self.wait_for_room(inp.seq) {
            inp.done = true;
            return false;
        }
        match read_block(&mut inp, block, self.opts) {
            Ok(more) => {
                inp.done = !more;
                more
            }
            Err(e) => {
                inp.done = true;
                drop(inp);
                self.fail(e);
                false
            }
        }
    }

    /// Waits while the blocks read (`seq`) leave no room in the bound; the threads that hold
    /// them need only the output to write them. False when a thread failed.
    fn wait_for_room(&self, seq: usize) -> bool {
        let Ok(mut out) = self.output.lock() else { return false };
        while seq - out.next >= self.bound && out.error.is_none() {
            out.waiting += 1;
            let Ok(o) = self.written.wait(out) else { return false };
            out = o;
            out.waiting -= 1;
        }
        out.error.is_none()
    }

    /// Hands over the output of block `seq` and writes the blocks next in input order;
    /// gives a buffer for the next block, or `None` when a thread failed.
    fn put(&self, seq: usize, done: Done) -> Option<Done> {
        let Ok(mut out) = self.output.lock() else { return None };
        if out.error.is_some() {
            return None;
        }
        out.ready.insert(seq, done);
        out.write_ready(self.opts);
        if out.error.is_some() || out.waiting > 0 {
            self.written.notify_all();
        }
        out.error.is_none().then(|| out.spare.pop().unwrap_or_default())
    }

    /// Records a reading error, and wakes the threads that wait, so that they stop.
    fn fail(&self, e: anyhow::Error) {
        if let Ok(mut out) = self.output.lock() {
            out.error.get_or_insert(e);
        }
        self.written.notify_all();
    }
}

impl<W: Write> Output<'_, W> {
    /// Writes the blocks that are next in input order, keeping their buffers; a write error
    /// is recorded, and stops every thread.
    fn write_ready(&mut self, opts: &Options) {
        while self.error.is_none() {
            let Some(mut done) = self.ready.remove(&self.next) else { return };
            match done.write(self.out, opts, self.tally) {
                Ok(bytes) => {
                    self.next += 1;
                    self.progress.report(self.tally.read, bytes);
                    self.spare.push(done);
                }
                Err(e) => self.error = Some(e),
            }
        }
    }
}

/// Reads the next block of lines into `block`; false at the end of the input.
fn read_block(inp: &mut Input, block: &mut Block, opts: &Options) -> anyhow::Result<bool> {
    block.data.clear();
    block.ends.clear();
    (block.seq, block.first) = (inp.seq, inp.line_no + 1);
    let Input { reader, buf, line_no, .. } = inp;
    while block.ends.len() < BLOCK_LINES && block.data.len() < BLOCK_BYTES {
        let Some(line) = read_line(reader.as_mut(), buf, opts)? else { break };
        block.data.extend_from_slice(line);
        block.ends.push(block.data.len());
        *line_no += 1;
    }
    if block.ends.is_empty() {
        return Ok(false);
    }
    inp.seq += 1;
    Ok(true)
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
    bytes: usize,
    total: Option<u64>,
    shown: Instant,
}

impl Progress {
    fn new(total: Option<u64>) -> Progress {
        use std::io::IsTerminal;
        let now = Instant::now();
        Progress { start: now, on: std::io::stderr().is_terminal(), bytes: 0, total, shown: now }
    }

    fn report(&mut self, docs: usize, bytes: usize) {
        self.bytes += bytes;
        if self.on && self.shown.elapsed() >= Duration::from_millis(200) {
            self.show(docs);
        }
    }

    fn show(&mut self, docs: usize) {
        self.shown = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let rate = self.bytes as f64 / secs;
        let eta = match self.total {
            Some(t) if rate > 0.0 => format!(", ETA {:.0} s", (t as f64 - self.bytes as f64).max(0.0) / rate),
            _ => String::new(),
        };
        eprint!("\r{docs} docs, {:.0} docs/s, {:.1} MB/s{eta}   ", docs as f64 / secs, rate / 1e6);
    }

    fn finish(&mut self, docs: usize) {
        if self.on {
            self.show(docs);
            eprintln!();
        }
    }
}
