//! Many records per call: NDJSON chunks and JSON arrays, parsed and validated in Rust, with
//! the valid records' normalized form written out as NDJSON. One call per chunk, not per
//! record, is what makes imports fast from JS: the input crosses into WebAssembly once.

use crate::decl::Model;
use crate::engine;
use crate::error::{Error, Param, Params};
use crate::input::{Input, Kind};
use crate::options::Options;
use crate::raw_input::Raw;
use crate::tape::{SyntaxError, Tape};
use crate::{json_error_at, Outcome};
use serde_json::Value;
use std::borrow::Cow;

/// What to keep of the valid records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Output {
    /// Their normalized form, one JSON text per line, in `Batch::normalized`.
    #[default]
    Ndjson,
    /// Their normalized values, in `Batch::values`.
    Values,
    /// Nothing (verdicts only).
    None,
}

impl Output {
    pub const NAMES: &'static [&'static str] = &["ndjson", "values", "none"];
    pub fn parse(s: &str) -> Option<Output> {
        match s {
            "ndjson" => Some(Output::Ndjson),
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
    /// Counts one record; a valid one's normalized JSON text goes to the output.
    fn record(&mut self, at: usize, outcome: Outcome<Cow<str>>, output: Output) {
        self.records += 1;
        match outcome.value {
            Some(text) if outcome.errors.is_empty() => {
                self.valid += 1;
                match output {
                    Output::Ndjson => {
                        self.normalized.extend_from_slice(text.as_bytes());
                        self.normalized.push(b'\n');
                    }
                    // The text was written by `Raw` from well-formed JSON: it parses.
                    Output::Values => self.values.push(serde_json::from_str(&text).unwrap_or(Value::Null)),
                    Output::None => {}
                }
            }
            _ => self.failures.push(Failure { at, errors: outcome.errors }),
        }
    }
}

/// Parses and validates one JSON text.
fn one<'a>(model: &'static Model, tape: &mut Tape, text: &'a [u8], options: &Options) -> Outcome<Cow<'a, str>> {
    let parsed = std::str::from_utf8(text).map_err(|e| utf8_error(text, e)).and_then(|t| Raw::parse(tape, t).map_err(|e| syntax_error(&e)));
    match parsed {
        Ok(raw) => engine::validate(model, &raw, options),
        Err(error) => Outcome { value: None, errors: vec![error] },
    }
}

/// The `json` error of a text that is not JSON.
fn syntax_error(e: &SyntaxError) -> Error {
    json_error_at(e.to_string(), e.line, e.column)
}

/// A `json` error for bytes that are not UTF-8, with the column of the first bad byte.
fn utf8_error(text: &[u8], e: std::str::Utf8Error) -> Error {
    let column = String::from_utf8_lossy(&text[..e.valid_up_to()]).chars().count() + 1;
    json_error_at(format!("invalid UTF-8 at column {column}"), 1, column)
}

/// Validates newline-delimited JSON. `first_line` is the number of the chunk's first line,
/// so that a stream split into chunks reports line numbers of the whole input. A line that
/// is not JSON is a `json` error at that line; the other lines are still validated.
pub fn validate_ndjson(model: &'static Model, input: &[u8], first_line: usize, options: &Options, output: Output) -> Batch {
    let mut batch = Batch::default();
    let mut tape = Tape::default();
    for (i, raw) in input.split(|b| *b == b'\n').enumerate() {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        batch.record(first_line + i, one(model, &mut tape, line, options), output);
    }
    batch
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
    use crate::models::customer::MODEL;

    #[test]
    fn ndjson_lines_blank_lines_and_bad_json() {
        let text = b"{\"name\":\"a\"}\r\n\n  \nnot json\n{\"name\":5}\n{\"name\":\"b\",\"credit\":1}";
        let batch = validate_ndjson(&MODEL, text, 10, &Options::patch(), Output::Ndjson);
        assert_eq!((batch.records, batch.valid), (4, 2));
        let at: Vec<_> = batch.failures.iter().map(|f| (f.at, f.errors[0].code.as_str())).collect();
        assert_eq!(at, vec![(13, "json"), (14, "type")]);
        assert_eq!(batch.failures[0].errors[0].params.get("column"), Some(&crate::error::Param::Int(1)));
        assert_eq!(String::from_utf8(batch.normalized).unwrap(), "{\"name\":\"a\"}\n{\"name\":\"b\",\"credit\":1}\n");
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
