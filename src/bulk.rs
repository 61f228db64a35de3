//! Many records per call: NDJSON chunks and JSON arrays, parsed and validated in Rust, with
//! the valid records' normalized form written out as NDJSON. One call per chunk, not per
//! record, is what makes imports fast from JS: the input crosses into WebAssembly once.

use crate::input::raw::Raw;
use crate::input::{Input, Kind};
use crate::json::tape::Tape;
use crate::report::error::{Error, Param, Params};
use crate::schema::decl::Model;
use crate::validate;
use crate::validate::engine;
use crate::validate::fast;
use crate::validate::options::Options;
use crate::{json_error_at, syntax_error, Outcome};
use serde_json::Value;
use std::borrow::Cow;

/// What to keep of the valid records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Output {
    /// Their normalized form, one JSON text per line, in `Batch::normalized`.
    #[default]
    Ndjson,
    /// The same, handed to JavaScript as UTF-8 bytes instead of a string.
    Bytes,
    /// Their normalized values, in `Batch::values`.
    Values,
    /// Nothing (verdicts only).
    None,
}

impl Output {
    pub const NAMES: &'static [&'static str] = &["ndjson", "bytes", "values", "none"];
    /// Whether the normalized records are collected as NDJSON text.
    pub fn is_text(self) -> bool {
        matches!(self, Output::Ndjson | Output::Bytes)
    }
    pub fn parse(s: &str) -> Option<Output> {
        match s {
            "ndjson" => Some(Output::Ndjson),
            "bytes" => Some(Output::Bytes),
            "values" => Some(Output::Values),
            "none" => Some(Output::None),
            _ => None,
        }
    }
}

/// The failures of one record: its line number (NDJSON, 1-based) or index (JSON array, 0-based).
#[derive(Debug)]
pub struct Failure {
    pub at: usize,
    pub errors: Vec<Error>,
}

#[derive(Debug, Default)]
pub struct Batch {
    /// Records seen (blank lines are not records).
    pub records: usize,
    pub valid: usize,
    pub failures: Vec<Failure>,
    pub normalized: Vec<u8>,
    pub values: Vec<Value>,
}

impl Batch {
    /// Empties the batch and keeps its allocations, for the next chunk.
    pub fn clear(&mut self) {
        self.records = 0;
        self.valid = 0;
        self.failures.clear();
        self.normalized.clear();
        self.values.clear();
    }

    /// Counts one record; a valid one's normalized JSON text goes to the output.
    fn record(&mut self, at: usize, outcome: Outcome<Cow<str>>, output: Output) {
        self.records += 1;
        match outcome.value {
            Some(text) if outcome.errors.is_empty() => {
                self.valid += 1;
                match output {
                    Output::Ndjson | Output::Bytes => {
                        let start = self.normalized.len();
                        self.normalized.extend_from_slice(text.as_bytes());
                        // One record per line: line breaks the input had between tokens (JSON
                        // allows them there; inside strings they are escaped) become spaces.
                        if memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_some() {
                            for b in &mut self.normalized[start..] {
                                if matches!(b, b'\n' | b'\r') {
                                    *b = b' ';
                                }
                            }
                        }
                        self.normalized.push(b'\n');
                    }
                    Output::Values => self.values.push(crate::text_value(&text)),
                    Output::None => {}
                }
            }
            _ => self.failures.push(Failure { at, errors: outcome.errors }),
        }
    }
}

/// Reads records one after another, reusing its buffers.
struct Reader<'o> {
    model: &'static Model,
    options: &'o Options,
    output: Output,
    tape: Tape,
    scratch: fast::Scratch,
    /// The normalized text of a record, when `output` does not collect it in the batch.
    spare: Vec<u8>,
}

impl<'o> Reader<'o> {
    fn new(model: &'static Model, options: &'o Options, output: Output) -> Reader<'o> {
        Reader { model, options, output, tape: Tape::default(), scratch: fast::Scratch::default(), spare: Vec::new() }
    }

    /// Validates the record at `at` in `chunk` by the one-pass reader, when it decides it and
    /// nothing but spaces follow it on its line: the index of the next line's start.
    fn fast_line(&mut self, batch: &mut Batch, line: usize, chunk: &str, at: usize) -> Option<usize> {
        let out = if self.output.is_text() { &mut batch.normalized } else { &mut self.spare };
        let mark = out.len();
        let verdict = fast::record(self.model, chunk.get(at..)?, self.options, out, &mut self.scratch);
        let line_end = |end: usize| {
            let b = chunk.as_bytes();
            let j = fast::skip_ws(b, at + end);
            b.get(j).map_or(true, |b| *b == b'\n').then_some(j + 1)
        };
        match verdict {
            fast::Verdict::Valid(end) => match line_end(end) {
                Some(next) => {
                    self.accept(batch);
                    Some(next)
                }
                None => {
                    out.truncate(mark);
                    None
                }
            },
            fast::Verdict::Invalid(end, errors) => {
                let next = line_end(end)?;
                batch.record(line, Outcome { value: None, errors }, self.output);
                Some(next)
            }
            fast::Verdict::Undecided => None,
        }
    }

    /// Counts a valid record whose normalized text the fast path has just written, ending its line.
    fn accept(&mut self, batch: &mut Batch) {
        let out = if self.output.is_text() { &mut batch.normalized } else { &mut self.spare };
        out.push(b'\n');
        batch.records += 1;
        batch.valid += 1;
        if self.output == Output::Values {
            // Written from well-formed JSON by the fast path: UTF-8.
            batch.values.push(std::str::from_utf8(&self.spare).map_or(Value::Null, crate::text_value));
        }
        self.spare.clear();
    }

    /// Validates one JSON text into `batch`: by the one-pass reader when it can decide,
    /// else by the engine over a tape.
    fn record(&mut self, batch: &mut Batch, at: usize, text: &[u8]) {
        let line = match std::str::from_utf8(text) {
            Ok(line) => line,
            Err(e) => return batch.record(at, Outcome { value: None, errors: vec![utf8_error(text, e)] }, self.output),
        };
        let out = if self.output.is_text() { &mut batch.normalized } else { &mut self.spare };
        match fast::whole_record(self.model, line, self.options, out, &mut self.scratch) {
            fast::Verdict::Valid(_) => self.accept(batch),
            fast::Verdict::Invalid(_, errors) => batch.record(at, Outcome { value: None, errors }, self.output),
            fast::Verdict::Undecided => self.engine(batch, at, line),
        }
    }

    /// Validates one line (UTF-8) into `batch` by the engine over the reader's tape.
    fn engine(&mut self, batch: &mut Batch, at: usize, line: &str) {
        let outcome = validate::by_tape(self.model, line, self.options, &mut self.tape);
        batch.record(at, outcome, self.output);
    }
}

/// A `json` error for bytes that are not UTF-8, with the column of the first bad byte.
fn utf8_error(text: &[u8], e: std::str::Utf8Error) -> Error {
    let column = String::from_utf8_lossy(&text[..e.valid_up_to()]).chars().count() + 1;
    json_error_at(format!("invalid UTF-8 at line 1 column {column}"), 1, column)
}

/// Validates newline-delimited JSON. `first_line` is the number of the chunk's first line,
/// so that a stream split into chunks reports line numbers of the whole input. A line that
/// is not JSON is a `json` error at that line; the other lines are still validated.
pub fn validate_ndjson(model: &'static Model, input: &[u8], first_line: usize, options: &Options, output: Output) -> Batch {
    let mut batch = Batch::default();
    validate_ndjson_into(model, input, first_line, options, output, &mut batch);
    batch
}

/// `validate_ndjson` into a batch that is cleared first and whose buffers are reused: a
/// program reading a large input chunk by chunk keeps one `Batch` for all of them, instead
/// of allocating (and, for a large chunk, faulting in) a fresh output buffer each time.
pub fn validate_ndjson_into(model: &'static Model, input: &[u8], first_line: usize, options: &Options, output: Output, batch: &mut Batch) {
    ndjson(model, input, std::str::from_utf8(input).ok(), first_line, options, output, batch);
}

/// `validate_ndjson_into` for text already known to be UTF-8 (a `String` read whole, say),
/// which it then does not check again.
pub fn validate_ndjson_str_into(
    model: &'static Model,
    input: &str,
    first_line: usize,
    options: &Options,
    output: Output,
    batch: &mut Batch,
) {
    ndjson(model, input.as_bytes(), Some(input), first_line, options, output, batch);
}

/// NDJSON into `batch`; `whole` is `input` as text when it is UTF-8 throughout.
fn ndjson(
    model: &'static Model,
    input: &[u8],
    whole: Option<&str>,
    first_line: usize,
    options: &Options,
    output: Output,
    batch: &mut Batch,
) {
    batch.clear();
    let batch = &mut *batch;
    if output.is_text() {
        // Normalized records are about as long as their input (defaults add a little).
        batch.normalized.reserve(input.len() + input.len() / 4);
    }
    let mut reader = Reader::new(model, options, output);
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
}

/// Validates a JSON array of records; a text that is not a JSON array is one `json` (or
/// `type`) failure at index 0.
pub fn validate_json_array(model: &'static Model, input: &[u8], options: &Options, output: Output) -> Batch {
    let mut batch = Batch::default();
    let mut tape = Tape::default();
    let parsed =
        std::str::from_utf8(input).map_err(|e| utf8_error(input, e)).and_then(|t| Raw::parse(&mut tape, t).map_err(|e| syntax_error(&e)));
    match parsed {
        Ok(raw) if matches!(raw.kind(), Kind::Array) => {
            for (i, item) in raw.items().iter().enumerate() {
                batch.record(i, engine::validate(model, item, options), output);
            }
        }
        Ok(other) => {
            let params = Params::default().with("expected", Param::Static("array")).with("actual", Param::Static(other.kind().name()));
            batch.failures.push(Failure { at: 0, errors: vec![Error::new("", crate::Code::Type, params)] });
        }
        Err(error) => batch.failures.push(Failure { at: 0, errors: vec![error] }),
    }
    batch
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::models::customer::MODEL;

    #[test]
    fn ndjson_lines_blank_lines_and_bad_json() {
        let text = b"{\"name\":\"a\"}\r\n\n  \nnot json\n{\"name\":5}\n{\"name\":\"b\",\"credit\":1}";
        let batch = validate_ndjson(&MODEL, text, 10, &Options::patch(), Output::Ndjson);
        assert_eq!((batch.records, batch.valid), (4, 2));
        let at: Vec<_> = batch.failures.iter().map(|f| (f.at, f.errors[0].code.as_str())).collect();
        assert_eq!(at, vec![(13, "json"), (14, "type")]);
        assert_eq!(batch.failures[0].errors[0].params.get("column"), Some(&crate::report::error::Param::Int(1)));
        assert_eq!(String::from_utf8(batch.normalized).unwrap(), "{\"name\":\"a\"}\n{\"name\":\"b\",\"credit\":1}\n");
    }

    /// Records read straight from the chunk keep their line numbers whatever sits around them.
    #[test]
    fn line_numbers_across_record_boundaries() {
        let text = "{\"name\":\"a\"}  \r\n{\"name\":\n\"b\"}\n{\"name\":\"c\"} x\n\t\n{\"name\":7}\n{\"name\":\"d\"}";
        let batch = validate_ndjson(&MODEL, text.as_bytes(), 1, &Options::create(), Output::Ndjson);
        let at: Vec<_> = batch.failures.iter().map(|f| (f.at, f.errors[0].code.as_str())).collect();
        assert_eq!(at, vec![(2, "json"), (3, "json"), (4, "json"), (6, "type")]);
        assert_eq!((batch.records, batch.valid), (6, 2));
        // A chunk with bytes that are not UTF-8 is read line by line: the other lines still count.
        let mut bytes = b"{\"name\":\"a\"}\n{\"name\":\"\xff\"}\n{\"name\":5}\n".to_vec();
        bytes.extend_from_slice(b"{\"name\":\"z\"}");
        let batch = validate_ndjson(&MODEL, &bytes, 10, &Options::create(), Output::None);
        let at: Vec<_> = batch.failures.iter().map(|f| (f.at, f.errors[0].code.as_str())).collect();
        assert_eq!(at, vec![(11, "json"), (12, "type")]);
        assert_eq!((batch.records, batch.valid), (4, 2));
    }

    /// A reused batch holds the last chunk's results only, the same as a fresh one.
    #[test]
    fn reused_batches_start_empty() {
        let options = Options::create();
        let mut batch = Batch::default();
        validate_ndjson_into(&MODEL, b"{\"name\":\"a\"}\n{\"name\":1}\n", 1, &options, Output::Ndjson, &mut batch);
        assert_eq!((batch.records, batch.valid, batch.failures.len()), (2, 1, 1));
        let second = b"{\"name\":2}\n{\"name\":\"b\"}\n{\"name\":\"c\"}";
        validate_ndjson_into(&MODEL, second, 3, &options, Output::Ndjson, &mut batch);
        let fresh = validate_ndjson(&MODEL, second, 3, &options, Output::Ndjson);
        assert_eq!((batch.records, batch.valid), (3, 2));
        assert_eq!(batch.failures.iter().map(|f| f.at).collect::<Vec<_>>(), vec![3]);
        assert_eq!(batch.normalized, fresh.normalized);
        assert!(String::from_utf8_lossy(&batch.normalized).starts_with("{\"name\":\"b\""));
    }

    /// Text known to be UTF-8 gives what its bytes give.
    #[test]
    fn str_chunks_as_bytes() {
        let text = "{\"name\":\"Zürich\"}\n{\"name\":5}\n\n{\"name\":\"b\",\"x\":1}\nnot json";
        let options = Options::create();
        let (mut a, mut b) = (Batch::default(), Batch::default());
        validate_ndjson_into(&MODEL, text.as_bytes(), 7, &options, Output::Ndjson, &mut a);
        validate_ndjson_str_into(&MODEL, text, 7, &options, Output::Ndjson, &mut b);
        assert_eq!((a.records, a.valid, &a.normalized), (b.records, b.valid, &b.normalized));
        assert_eq!(
            a.failures.iter().map(|f| (f.at, &f.errors)).collect::<Vec<_>>(),
            b.failures.iter().map(|f| (f.at, &f.errors)).collect::<Vec<_>>()
        );
        assert_eq!((b.records, b.valid, b.failures.len()), (4, 2, 2));
    }

    /// The normalized output is NDJSON whatever the input's layout: one record per line.
    #[test]
    fn records_stay_on_one_line() {
        let pretty = "[{\"number\":\"+14155550123\",\r\n \"assistantOverrides\": {\n  \"a\": [1,\n 2]\n}}]";
        let batch =
            validate_json_array(&crate::schema::models::create_customer_dto::MODEL, pretty.as_bytes(), &Options::create(), Output::Ndjson);
        let text = String::from_utf8(batch.normalized).unwrap();
        assert_eq!(text, "{\"numberE164CheckEnabled\":true,\"assistantOverrides\":{   \"a\": [1,  2] },\"number\":\"+14155550123\"}\n");
        // A carriage return inside a value the fast path would copy as written.
        let cr = b"{\"name\":\"a\",\"x\":{\"k\":\r1}}\n{\"name\":\"b\"}\n";
        let batch = validate_ndjson(&MODEL, cr, 1, &Options::patch(), Output::Ndjson);
        assert_eq!(String::from_utf8(batch.normalized).unwrap(), "{\"name\":\"a\",\"x\":{\"k\": 1}}\n{\"name\":\"b\"}\n");
    }

    #[test]
    fn json_arrays() {
        let batch = validate_json_array(&MODEL, br#"[{"name":"a"},{"name":1},{}]"#, &Options::create(), Output::Values);
        assert_eq!((batch.records, batch.valid), (3, 1));
        assert_eq!(batch.failures.iter().map(|f| f.at).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(batch.values[0]["cdrRetention"], 12);
        let not_array = validate_json_array(&MODEL, b"{}", &Options::create(), Output::None);
        assert_eq!(not_array.failures[0].errors[0].code.as_str(), "type");
        let broken = validate_json_array(&MODEL, b"[{", &Options::create(), Output::None);
        assert_eq!(broken.failures[0].errors[0].code.as_str(), "json");
    }
}
