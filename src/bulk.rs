//! Many records per call: NDJSON chunks and JSON arrays, parsed and validated in Rust, with
//! the valid records' normalized form written out as NDJSON. One call per chunk, not per
//! record, is what makes imports fast from JS: the input crosses into WebAssembly once.

use crate::decl::Model;
use crate::engine;
use crate::error::Error;
use crate::options::Options;
use crate::{json_error, Outcome};
use serde_json::Value;

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
    fn record(&mut self, at: usize, outcome: Outcome<Value>, output: Output) {
        self.records += 1;
        match outcome.value {
            Some(value) if outcome.errors.is_empty() => {
                self.valid += 1;
                match output {
                    Output::Ndjson => {
                        // Serializing a serde_json::Value into a Vec cannot fail.
                        let _ = serde_json::to_writer(&mut self.normalized, &value);
                        self.normalized.push(b'\n');
                    }
                    Output::Values => self.values.push(value),
                    Output::None => {}
                }
            }
            _ => self.failures.push(Failure { at, errors: outcome.errors }),
        }
    }
}

/// Validates newline-delimited JSON. `first_line` is the number of the chunk's first line,
/// so that a stream split into chunks reports line numbers of the whole input. A line that
/// is not JSON is a `json` error at that line; the other lines are still validated.
pub fn validate_ndjson(model: &'static Model, input: &[u8], first_line: usize, options: &Options, output: Output) -> Batch {
    let mut batch = Batch::default();
    for (i, raw) in input.split(|b| *b == b'\n').enumerate() {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let outcome = match serde_json::from_slice::<Value>(line) {
            Ok(value) => engine::validate(model, &&value, options),
            Err(e) => Outcome { value: None, errors: vec![json_error(&e)] },
        };
        batch.record(first_line + i, outcome, output);
    }
    batch
}

/// Validates a JSON array of records; a text that is not a JSON array is one `json` (or
/// `type`) failure at index 0.
pub fn validate_json_array(model: &'static Model, input: &[u8], options: &Options, output: Output) -> Batch {
    let mut batch = Batch::default();
    match serde_json::from_slice::<Value>(input) {
        Ok(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                batch.record(i, engine::validate(model, &item, options), output);
            }
        }
        Ok(other) => {
            let kind = crate::input::Input::kind(&&other).name();
            let params = crate::error::Params::default()
                .with("expected", crate::error::Param::Static("array"))
                .with("actual", crate::error::Param::Static(kind));
            batch.failures.push(Failure { at: 0, errors: vec![Error::new("", crate::Code::Type, params)] });
        }
        Err(e) => batch.failures.push(Failure { at: 0, errors: vec![json_error(&e)] }),
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
        assert_eq!(batch.failures[0].errors[0].params.get("column"), Some(&crate::error::Param::Int(2)));
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
