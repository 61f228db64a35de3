//! Newline-delimited JSON: a chunk in one call, or a stream of chunks of any size
//! (`NdjsonStream`) whose lines may be split anywhere.

use super::reader::Reader;
use super::{bom_undecided, too_large, Batch, Limits, Output, BOM};
use crate::schema::decl::Model;
use crate::validate::fast;
use crate::validate::options::Options;

/// Validates newline-delimited JSON. `first_line` is the number of the chunk's first line,
/// so that a stream split into chunks reports line numbers of the whole input. A line that
/// is not JSON is a `json` error at that line; the other lines are still validated.
pub fn validate_ndjson(model: &'static Model, input: &[u8], first_line: u64, options: &Options, output: Output) -> Batch {
    let mut batch = Batch::default();
    validate_ndjson_into(model, input, first_line, options, output, &mut batch);
    batch
}

/// `validate_ndjson` into a batch that is cleared first and whose buffers (and limits) are
/// reused: a program reading a large input chunk by chunk keeps one `Batch` for all of them,
/// instead of allocating (and, for a large chunk, faulting in) a fresh output buffer each time.
pub fn validate_ndjson_into(model: &'static Model, input: &[u8], first_line: u64, options: &Options, output: Output, batch: &mut Batch) {
    chunk(model, input, std::str::from_utf8(input).ok(), first_line, options, output, batch);
}

/// `validate_ndjson_into` for text already known to be UTF-8 (a `String` read whole, say),
/// which it then does not check again.
pub fn validate_ndjson_str_into(model: &'static Model, input: &str, first_line: u64, options: &Options, output: Output, batch: &mut Batch) {
    chunk(model, input.as_bytes(), Some(input), first_line, options, output, batch);
}

/// One chunk into `batch`: refused whole when it is over `max_bytes`.
fn chunk(model: &'static Model, input: &[u8], whole: Option<&str>, first_line: u64, options: &Options, output: Output, batch: &mut Batch) {
    batch.clear();
    batch.start_rejects(HEADER, &options.messages);
    if input.len() > batch.limits.max_bytes {
        return batch.refuse(too_large("the input", batch.limits.max_bytes));
    }
    if output.is_text() {
        // Normalized records are about as long as their input (defaults add a little).
        batch.normalized.reserve((input.len() + input.len() / 4).min(batch.limits.max_bytes));
    }
    lines(&mut Reader::new(model, options, output), batch, input, whole, first_line);
    batch.finish();
}

/// The lines of `input` into `batch`; `whole` is `input` as text when it is UTF-8 throughout.
/// Returns `first_line` plus the line feeds of `input`: the next line's number after a final
/// line feed, else the last line's.
fn lines(reader: &mut Reader, batch: &mut Batch, input: &[u8], whole: Option<&str>, first_line: u64) -> u64 {
    // A chunk that is UTF-8 throughout (the usual case) is checked once, and its records are
    // read one after another: the fast path stops at a record's end, so the line end is
    // found there instead of by a search over every line.
    let mut start = 0;
    let mut line = first_line;
    while start <= input.len() {
        if let Some(chunk) = whole {
            let i = fast::skip_ws(input, start);
            if input.get(i).map_or(true, |b| *b == b'\n') {
                // A blank line.
                start = i + 1;
                line += 1;
                continue;
            }
            if let Some(next) = reader.fast_line(batch, line, chunk, i) {
                start = next;
                line += 1;
                continue;
            }
        }
        let end = memchr::memchr(b'\n', &input[start..]).map_or(input.len(), |p| start + p);
        let raw = &input[start..end];
        let text = raw.strip_suffix(b"\r").unwrap_or(raw);
        if text.iter().all(|b| crate::json::scan::is_ws(*b)) {
            // A blank line (JSON whitespace only: a form feed is no more blank here than in JSON).
        } else if let Some(chunk) = whole {
            // The one-pass reader already tried this line (and would decide it the same way).
            // Cut at line feeds and carriage returns: on character boundaries.
            reader.engine(batch, line, &chunk[start..start + text.len()]);
        } else {
            reader.record(batch, line, text);
        }
        start = end + 1;
        line += 1;
    }
    // The loop counts one line past the end.
    line - 1
}

/// The columns of rejected NDJSON records before their messages (`Batch::rejected`).
const HEADER: &[&[u8]] = &[b"line", b"record"];

/// NDJSON arriving in chunks split anywhere (inside a line, inside a character): each push
/// validates the lines it completes. Time is linear in the input, whatever the chunking;
/// memory is one chunk plus the line being read, and a line over `max_bytes` is one
/// `too_large` failure, its bytes skipped. A UTF-8 byte order mark at the very start is ignored.
pub struct NdjsonStream {
    model: &'static Model,
    options: Options,
    output: Output,
    batch: Batch,
    /// The number of the line being read.
    line: u64,
    /// The start of the line being read (a BOM prefix too, until decided).
    pending: Vec<u8>,
    /// The line being read went over `max_bytes`: its failure is counted, its bytes skipped.
    skipping: bool,
    /// Whether the first bytes were checked for a byte order mark.
    started: bool,
}

impl NdjsonStream {
    pub fn new(model: &'static Model, options: Options, output: Output, first_line: u64, limits: Limits) -> NdjsonStream {
        NdjsonStream {
            model,
            options,
            output,
            batch: Batch::with_limits(limits),
            line: first_line,
            pending: Vec::new(),
            skipping: false,
            started: false,
        }
    }

    /// Keeps the invalid records (`Batch::keep_rejected`) from now on.
    pub fn keep_rejected(&mut self) {
        self.batch.keep_rejected = true;
        self.batch.start_rejects(HEADER, &self.options.messages);
    }

    /// Validates the lines `chunk` completes.
    pub fn push(&mut self, chunk: &[u8]) -> &Batch {
        self.batch.clear();
        self.feed(chunk);
        self.batch.finish();
        &self.batch
    }

    /// Validates what is left: a last line without a line feed.
    pub fn end(&mut self) -> &Batch {
        self.end_with(&[])
    }

    /// `push(rest)` and `end()` in one call, with one batch.
    pub fn end_with(&mut self, rest: &[u8]) -> &Batch {
        self.batch.clear();
        self.feed(rest);
        self.started = true;
        let rest = std::mem::take(&mut self.pending);
        if !self.skipping && !rest.is_empty() {
            let mut reader = Reader::new(self.model, &self.options, self.output);
            self.line = lines(&mut reader, &mut self.batch, &rest, std::str::from_utf8(&rest).ok(), self.line);
        }
        self.skipping = false;
        self.batch.finish();
        &self.batch
    }

    /// Takes `chunk` on: past the start (where a byte order mark is dropped), its lines.
    fn feed(&mut self, chunk: &[u8]) {
        if self.started {
            return self.lines_of(chunk);
        }
        self.pending.extend_from_slice(chunk);
        if !bom_undecided(&self.pending, false) {
            self.started = true;
            let head = std::mem::take(&mut self.pending);
            self.lines_of(head.strip_prefix(BOM).unwrap_or(&head));
        }
    }

    /// The lines `chunk` completes, then its unfinished last line kept.
    fn lines_of(&mut self, chunk: &[u8]) {
        let Some(last) = memchr::memrchr(b'\n', chunk) else {
            return self.hold(chunk);
        };
        let max = self.batch.limits.max_bytes;
        let mut reader = Reader::new(self.model, &self.options, self.output);
        let mut rest = &chunk[..=last];
        if self.skipping || !self.pending.is_empty() {
            // The line begun in an earlier chunk ends at this chunk's first line feed.
            let first = memchr::memchr(b'\n', rest).unwrap_or(last);
            if self.skipping {
                // Its failure is counted already.
                self.skipping = false;
                self.line += 1;
            } else if self.pending.len() + first > max {
                self.batch.fail(self.line, vec![too_large("the line", max)]);
                self.pending.clear();
                self.line += 1;
            } else {
                let mut line = std::mem::take(&mut self.pending);
                line.extend_from_slice(&rest[..=first]);
                self.line = lines(&mut reader, &mut self.batch, &line, std::str::from_utf8(&line).ok(), self.line);
                line.clear();
                self.pending = line;
            }
            rest = &rest[first + 1..];
        }
        // The whole lines of this chunk, read in place, as many at a time as `max_bytes` holds.
        while !rest.is_empty() {
            let take = if rest.len() <= max + 1 { rest.len() } else { memchr::memrchr(b'\n', &rest[..=max]).map_or(0, |p| p + 1) };
            if take == 0 {
                // A line over the limit.
                let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len() - 1);
                self.batch.fail(self.line, vec![too_large("the line", max)]);
                self.line += 1;
                rest = &rest[end + 1..];
                continue;
            }
            let part = &rest[..take];
            self.line = lines(&mut reader, &mut self.batch, part, std::str::from_utf8(part).ok(), self.line);
            rest = &rest[take..];
        }
        self.hold(&chunk[last + 1..]);
    }

    /// Keeps the start of an unfinished line; past `max_bytes` it is a failure, skipped.
    fn hold(&mut self, bytes: &[u8]) {
        if self.skipping {
            return;
        }
        let max = self.batch.limits.max_bytes;
        if self.pending.len() + bytes.len() > max {
            self.batch.fail(self.line, vec![too_large("the line", max)]);
            self.pending = Vec::new();
            self.skipping = true;
        } else {
            self.pending.extend_from_slice(bytes);
        }
    }
}
