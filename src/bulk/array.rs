//! JSON arrays of records: a text in one call, or a stream of chunks (`JsonArrayStream`)
//! read element by element, so that memory is one chunk plus the element being read
//! whatever the array's size.
//!
//! Each element is one record, read as an NDJSON line is (its own text, so a `json` error's
//! line and column are within the element). Where the text stops being an array (no `[`,
//! something other than `,` or `]` after an element, text after the `]`, an unfinished
//! array), the rest counts as one more invalid record, with a `json` error at its line and
//! column in the whole text, and nothing after it is read. A text that is not an array at all
//! is one invalid record (a `type` error). So `records == valid + invalid` always.

use super::reader::Reader;
use super::{bom_undecided, too_large, Batch, Limits, Output, BOM};
use crate::input::Kind;
use crate::json::scan::is_ws;
use crate::json_error_at;
use crate::report::error::{Code, Error, Param, Params};
use crate::schema::decl::Model;
use crate::validate::options::Options;

/// Validates a JSON array of records (see the module's documentation for what a text that is
/// not one gives). Failures carry the element's index.
pub fn validate_json_array(model: &'static Model, input: &[u8], options: &Options, output: Output) -> Batch {
    let mut batch = Batch::default();
    validate_json_array_into(model, input, options, output, &mut batch);
    batch
}

/// `validate_json_array` into a reused batch (its limits apply).
pub fn validate_json_array_into(model: &'static Model, input: &[u8], options: &Options, output: Output, batch: &mut Batch) {
    batch.clear();
    if input.len() > batch.limits.max_bytes {
        return batch.refuse(too_large("the input", batch.limits.max_bytes));
    }
    // The whole text as the one chunk of a stream, into the caller's batch.
    let mut stream = JsonArrayStream::new(model, options.clone(), output, batch.limits);
    std::mem::swap(&mut stream.batch, batch);
    stream.batch.start_rejects(HEADER, &options.messages);
    stream.read(input, true);
    stream.batch.finish();
    std::mem::swap(&mut stream.batch, batch);
}

/// The columns of rejected elements before their messages (`Batch::rejected`).
const HEADER: &[&[u8]] = &[b"index", b"record"];

/// Where the reader stands in the array's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Before the `[`.
    Open,
    /// After `[`: an element or `]`.
    First,
    /// After `,`: an element.
    Next,
    /// Inside an element (`Scan::start` on).
    Element,
    /// After an element: `,` or `]`.
    After,
    /// After the `]`: whitespace only.
    Closed,
    /// The text stopped being an array, or an element was cut off by the end: nothing more is read.
    Failed,
}

/// A JSON array arriving in chunks split anywhere: each push validates the elements it
/// completes. Time is linear in the input whatever the chunking; an element over
/// `max_bytes` is one `too_large` failure, its bytes skipped. A UTF-8 byte order mark at the
/// very start is ignored.
pub struct JsonArrayStream {
    model: &'static Model,
    options: Options,
    output: Output,
    batch: Batch,
    /// The text not yet consumed: from the element being read, or from where scanning stopped.
    pending: Vec<u8>,
    scan: Scan,
}

/// The reader's place in the text (positions are in `pending`).
struct Scan {
    state: State,
    /// How far `pending` has been read.
    at: usize,
    /// Where the element being read starts.
    start: usize,
    /// Inside the element: the closing brackets it awaits, whether in a string and just after
    /// a backslash there, whether it is a scalar (ended by what follows it), whether it went
    /// over `max_bytes` (then it is skipped, its failure counted), and whether it ended
    /// broken (cut off by the end of the text, or a bracket that does not close what is
    /// open): then nothing after it can be read as the array's.
    closers: Vec<u8>,
    in_string: bool,
    escaped: bool,
    scalar: bool,
    skipping: bool,
    broken: bool,
    /// The next element's index.
    index: u64,
    /// The position of `pending[0]` in the whole text: line (1-based), characters into it.
    line: usize,
    column: usize,
    /// Whether the first bytes were checked for a byte order mark.
    started: bool,
}

impl JsonArrayStream {
    pub fn new(model: &'static Model, options: Options, output: Output, limits: Limits) -> JsonArrayStream {
        let scan = Scan {
            state: State::Open,
            at: 0,
            start: 0,
            closers: Vec::new(),
            in_string: false,
            escaped: false,
            scalar: false,
            skipping: false,
            broken: false,
            index: 0,
            line: 1,
            column: 0,
            started: false,
        };
        JsonArrayStream { model, options, output, batch: Batch::with_limits(limits), pending: Vec::new(), scan }
    }

    /// Keeps the invalid records (`Batch::keep_rejected`) from now on.
    pub fn keep_rejected(&mut self) {
        self.batch.keep_rejected = true;
        self.batch.start_rejects(HEADER, &self.options.messages);
    }

    /// Validates the elements `chunk` completes.
    pub fn push(&mut self, chunk: &[u8]) -> &Batch {
        self.batch.clear();
        self.read(chunk, false);
        self.batch.finish();
        &self.batch
    }

    /// The end of the text: an unfinished array is a failure.
    pub fn end(&mut self) -> &Batch {
        self.end_with(&[])
    }

    /// `push(rest)` and `end()` in one call, with one batch.
    pub fn end_with(&mut self, rest: &[u8]) -> &Batch {
        self.batch.clear();
        self.read(rest, true);
        self.batch.finish();
        &self.batch
    }

    /// Reads `chunk` on (`last`: and then the end of the text).
    fn read(&mut self, chunk: &[u8], last: bool) {
        let JsonArrayStream { model, options, output, batch, pending, scan } = self;
        if scan.state == State::Failed {
            return;
        }
        pending.extend_from_slice(chunk);
        if !scan.started {
            if bom_undecided(pending, last) {
                return;
            }
            scan.started = true;
            if pending.starts_with(BOM) {
                pending.drain(..BOM.len());
            }
        }
        let max = batch.limits.max_bytes;
        let mut reader = Reader::new(model, options, *output);
        while scan.state != State::Failed {
            if scan.state == State::Element {
                let Some(end) = scan.element_end(pending, last) else { break };
                if scan.skipping {
                    scan.skipping = false;
                } else if end - scan.start > max {
                    // Whatever the chunking: an element that came whole in one chunk too.
                    batch.fail(scan.index, vec![too_large("the element", max)]);
                } else {
                    reader.record(batch, scan.index, &pending[scan.start..end]);
                }
                scan.index += 1;
                scan.at = end;
                // A broken element's failure says why; the array cannot be read past it.
                scan.state = if scan.broken { State::Failed } else { State::After };
                continue;
            }
            let Some(&b) = pending.get(scan.at) else { break };
            if is_ws(b) {
                scan.at += 1;
                continue;
            }
            match (scan.state, b) {
                (State::Open, b'[') => scan.state = State::First,
                (State::Open, _) => {
                    scan.not_an_array(batch, pending, b);
                    break;
                }
                (State::First | State::After, b']') => scan.state = State::Closed,
                (State::After, b',') => scan.state = State::Next,
                (State::After, _) => {
                    scan.broken(batch, pending, "expected `,` or `]`");
                    break;
                }
                // `[1,]`: JSON has no trailing commas.
                (State::Next, b']') => {
                    scan.broken(batch, pending, "expected value");
                    break;
                }
                (State::First | State::Next, b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b'a'..=b'z') => {
                    scan.begin_element(b);
                    continue;
                }
                // `[,` `[1,,` `[1,}`: no value where one must be.
                (State::First | State::Next, _) => {
                    scan.broken(batch, pending, "expected value");
                    break;
                }
                (State::Closed, _) => {
                    scan.broken(batch, pending, "trailing characters");
                    break;
                }
                (State::Element | State::Failed, _) => unreachable!("handled above"),
            }
            scan.at += 1;
        }
        if scan.state == State::Element && !scan.skipping && scan.at - scan.start > max {
            batch.fail(scan.index, vec![too_large("the element", max)]);
            scan.skipping = true;
        }
        if last {
            match scan.state {
                State::Open => scan.broken(batch, pending, "EOF while parsing a value"),
                State::First | State::Next | State::After => scan.broken(batch, pending, "EOF while parsing a list"),
                State::Element | State::Closed | State::Failed => {}
            }
        }
        // Consumed text goes, once per call (an element being read stays, unless skipped; after
        // a failure, everything goes).
        let keep = match scan.state {
            State::Element if !scan.skipping => scan.start,
            State::Failed => pending.len(),
            _ => scan.at,
        };
        scan.advance(&pending[..keep]);
        pending.drain(..keep);
        scan.at = scan.at.saturating_sub(keep);
        scan.start = scan.start.saturating_sub(keep);
    }
}

impl Scan {
    /// An element begins at `at` with byte `b`.
    fn begin_element(&mut self, b: u8) {
        self.state = State::Element;
        self.start = self.at;
        self.closers.clear();
        self.in_string = false;
        self.escaped = false;
        self.scalar = false;
        self.broken = false;
        match b {
            b'{' => self.closers.push(b'}'),
            b'[' => self.closers.push(b']'),
            b'"' => self.in_string = true,
            _ => self.scalar = true,
        }
        if !self.scalar {
            self.at += 1;
        }
    }

    /// Scans the element on from `at`: its end, once found (at the end of the text, the
    /// end of the text).
    fn element_end(&mut self, text: &[u8], last: bool) -> Option<usize> {
        let at_end = if last { Some(text.len()) } else { None };
        if self.scalar {
            // A number or literal ends at the first byte that cannot be part of one (the
            // element's own reading then says whether it is one).
            let rest = &text[self.at..];
            return match rest.iter().position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))) {
                Some(p) => Some(self.at + p),
                None => {
                    self.at = text.len();
                    at_end
                }
            };
        }
        let mut i = self.at;
        while i < text.len() {
            if self.in_string {
                if self.escaped {
                    // The escaped byte (a quote there does not end the string).
                    self.escaped = false;
                    i += 1;
                    continue;
                }
                // To the next quote or backslash.
                match memchr::memchr2(b'"', b'\\', &text[i..]) {
                    None => break,
                    Some(p) => i += p,
                }
                if text[i] == b'\\' {
                    self.escaped = true;
                } else {
                    self.in_string = false;
                    if self.closers.is_empty() {
                        return Some(i + 1);
                    }
                }
            } else {
                match text[i] {
                    b'"' => self.in_string = true,
                    b'{' => self.closers.push(b'}'),
                    b'[' => self.closers.push(b']'),
                    b @ (b'}' | b']') => {
                        if self.closers.pop() != Some(b) {
                            // Closes what is not open: the element ends broken here.
                            self.broken = true;
                            return Some(i + 1);
                        }
                        if self.closers.is_empty() {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        self.at = text.len();
        // Cut off by the end of the text.
        self.broken = last;
        at_end
    }

    /// A text that does not begin with `[`: one failure, nothing more read.
    fn not_an_array(&mut self, batch: &mut Batch, text: &[u8], b: u8) {
        let actual = match b {
            b'{' => Kind::Object,
            b'"' => Kind::Str("".into()),
            b't' | b'f' => Kind::Bool(true),
            b'n' => Kind::Null,
            b'-' | b'0'..=b'9' => Kind::Number(0.0),
            _ => return self.broken(batch, text, "expected value"),
        };
        let params = Params::default().with("expected", Param::Static("array")).with("actual", Param::Static(actual.name()));
        batch.fail(self.index, vec![Error::new("", Code::Type, params)]);
        self.state = State::Failed;
    }

    /// The text stops being an array at `at`: the rest is one failure, with a `json` error
    /// at its line and column in the whole text.
    fn broken(&mut self, batch: &mut Batch, text: &[u8], message: &str) {
        let (line, column) = self.position(&text[..self.at.min(text.len())]);
        batch.fail(self.index, vec![json_error_at(format!("{message} at line {line} column {}", column + 1), line, column + 1)]);
        self.state = State::Failed;
    }

    /// The line and column (0-based characters) after `text`, which follows `pending[0]`.
    fn position(&self, text: &[u8]) -> (usize, usize) {
        let characters = |t: &[u8]| t.iter().filter(|b| (**b & 0xC0) != 0x80).count();
        match memchr::memrchr(b'\n', text) {
            Some(p) => (self.line + memchr::memchr_iter(b'\n', text).count(), characters(&text[p + 1..])),
            None => (self.line, self.column + characters(text)),
        }
    }

    /// Moves the position of `pending[0]` past `consumed`.
    fn advance(&mut self, consumed: &[u8]) {
        (self.line, self.column) = self.position(consumed);
    }
}
