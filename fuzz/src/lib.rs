//! The comparison shared by the fuzz targets: one JSON text holding one record, validated by
//! every native entry point of `customer-validation`, must get the same answer from each.
//!
//! The rule (see fuzz/README.md): same verdict, same errors (path, code, params, in order) and
//! the same normalized value, whichever path read the text:
//!
//! - `validate_str(text)` (the reference every other path is compared with);
//! - `validate_json(serde_json::from_str(text))`, whenever serde_json parses the text;
//! - `bulk::validate_ndjson(text)` (bytes, UTF-8 chunk: the one-pass reader, then the engine);
//! - `bulk::validate_ndjson_str_into(text)` (text known to be UTF-8);
//! - `bulk::validate_ndjson(text + "\n\xff")`: a chunk that is not UTF-8 throughout, which is read
//!   line by line through another entry of the one-pass reader (its second line is a json
//!   error at line 2, checked too);
//! - `bulk::validate_ndjson(.., Output::Values)`: the normalized value as a value, not text;
//! - `bulk::validate_json_array("[" + text + "]")`: failures at index 0. A `json` error there
//!   is compared by its code only (the brackets move columns and change the parser's message),
//!   and a text that is not one JSON value (`{},{}`, say) is not compared on this path.
//!
//! Normalized values are compared as serde_json values serialized again (so key order and
//! number representation count), the NDJSON one parsed from its output line.

use customer_validation::bulk::{self, Batch, Output};
use customer_validation::{models, validate_json, validate_str, Code, Error, Mode, Model, Options, Outcome, Profile, Unknown};
use serde_json::Value;
use std::fmt::Write as _;

/// The model and options a selector byte stands for: 3 models x 3 modes x 2 profiles x
/// 3 unknown-property policies x 2 coercion settings = 108 combinations (the byte mod 108).
pub fn select(byte: u8) -> (&'static Model, Options) {
    let mut b = byte as usize % 108;
    let model = models::ALL[b % 3];
    b /= 3;
    let mode = [None, Some(Mode::Create), Some(Mode::Patch)][b % 3];
    b /= 3;
    let profile = [Profile::Strict, Profile::Api][b % 2];
    b /= 2;
    let unknown = [Unknown::Allow, Unknown::Strip, Unknown::Reject][b % 3];
    b /= 3;
    let coerce = b % 2 == 1;
    (model, Options { mode, profile, unknown, coerce, ..Options::default() })
}

/// An error as compared: serialized params, so that equal values of different `Param`
/// variants (an owned and a static string) compare equal.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorView {
    pub path: String,
    pub code: &'static str,
    pub params: Value,
}

impl ErrorView {
    fn of(e: &Error) -> ErrorView {
        ErrorView { path: e.path.clone(), code: e.code.as_str(), params: serde_json::to_value(&e.params).unwrap_or(Value::Null) }
    }
}

/// What one path said about the record.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Valid, with the normalized value serialized by serde_json.
    Valid(String),
    Invalid(Vec<ErrorView>),
    /// The path did not see exactly one record, or said something malformed.
    Odd(String),
}

impl Answer {
    fn of_outcome(o: &Outcome<Value>) -> Answer {
        match (&o.value, o.errors.is_empty()) {
            (Some(v), true) => Answer::Valid(canonical(v)),
            (None, false) => Answer::Invalid(o.errors.iter().map(ErrorView::of).collect()),
            (Some(v), false) => Answer::Odd(format!("errors {:?} AND a value {}", views(&o.errors), canonical(v))),
            (None, true) => Answer::Odd("no errors and no value".into()),
        }
    }

    /// The answer for record `at` of a batch that was to hold that one record (and, with
    /// `extra_failures`, that many failing records after it, which are not part of the answer).
    fn of_batch(b: &Batch, at: u64, output: Output, extra_failures: usize) -> Answer {
        let records = b.records.saturating_sub(extra_failures);
        let failures: Vec<_> = b.failures.iter().filter(|f| f.at == at).collect();
        let stray: Vec<_> = b.failures.iter().filter(|f| f.at != at).map(|f| f.at).collect();
        if records != 1 || stray.len() != extra_failures {
            return Answer::Odd(format!(
                "records {} valid {} failures at {:?} (expected 1 record at {at})",
                b.records,
                b.valid,
                b.failures.iter().map(|f| f.at).collect::<Vec<_>>()
            ));
        }
        match (b.valid, failures.as_slice()) {
            (1, []) => match output {
                Output::Values => match b.values.as_slice() {
                    [v] => Answer::Valid(canonical(v)),
                    other => Answer::Odd(format!("valid, with {} values", other.len())),
                },
                _ => {
                    let text = String::from_utf8_lossy(&b.normalized);
                    let Some(line) = text.strip_suffix('\n') else {
                        return Answer::Odd(format!("valid, normalized output not one line: {text:?}"));
                    };
                    if line.contains('\n') {
                        return Answer::Odd(format!("valid, normalized output spans lines: {text:?}"));
                    }
                    match parse_line(line) {
                        Ok(v) => Answer::Valid(canonical(&v)),
                        Err(e) => Answer::Odd(format!("valid, normalized line is not JSON ({e}): {line:?}")),
                    }
                }
            },
            (0, [f]) if !f.errors.is_empty() => Answer::Invalid(views(&f.errors)),
            _ => Answer::Odd(format!("valid {} with failures {:?}", b.valid, failures.iter().map(|f| views(&f.errors)).collect::<Vec<_>>())),
        }
    }

    fn is_json_error(&self) -> bool {
        matches!(self, Answer::Invalid(e) if e.len() == 1 && e[0].code == Code::Json.as_str())
    }

    /// The answer with json errors reduced to their code (and path).
    fn json_code_only(&self) -> Answer {
        match self {
            Answer::Invalid(errors) => Answer::Invalid(
                errors
                    .iter()
                    .map(|e| if e.code == Code::Json.as_str() { ErrorView { params: Value::Null, ..e.clone() } } else { e.clone() })
                    .collect(),
            ),
            other => other.clone(),
        }
    }
}

fn views(errors: &[Error]) -> Vec<ErrorView> {
    errors.iter().map(ErrorView::of).collect()
}

/// An NDJSON output line as a value, read as the crate's data model reads JSON text: no
/// nesting bound of its own (serde_json's 128 would refuse a record of 128 levels, which is
/// allowed) and lone surrogate escapes as U+FFFD (serde_json refuses them; the output copies
/// such escapes as the input wrote them).
pub fn parse_line(line: &str) -> serde_json::Result<Value> {
    let line = lone_surrogates_replaced(line);
    let mut de = serde_json::Deserializer::from_str(&line);
    de.disable_recursion_limit();
    let v = <Value as serde::Deserialize>::deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

/// `text` with each `\uXXXX` escape of a lone surrogate (one not in a high-low pair) written
/// as `\ufffd`.
fn lone_surrogates_replaced(text: &str) -> std::borrow::Cow<'_, str> {
    fn unit(b: &[u8], i: usize) -> Option<u16> {
        if b.get(i) != Some(&b'\\') || b.get(i + 1) != Some(&b'u') {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(b.get(i + 2..i + 6)?).ok()?, 16).ok()
    }
    let b = text.as_bytes();
    if !text.contains("\\u") {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(b, i) {
            // A pair: one character, kept.
            Some(0xD800..=0xDBFF) if matches!(unit(b, i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&text[copied..i]);
                out.push_str("\\ufffd");
                i += 6;
                copied = i;
            }
            _ => i += 2,
        }
    }
    out.push_str(&text[copied..]);
    out.into()
}

/// A value serialized again: key order, and numbers as serde_json holds them, count.
fn canonical(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| format!("<unserializable: {e}>"))
}

/// When set (to anything but `0`), json errors are compared by code only on every path: to
/// keep fuzzing past a known difference in the parsers' messages or positions.
fn lax_json() -> bool {
    static LAX: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *LAX.get_or_init(|| std::env::var("PATHS_AGREE_LAX_JSON").map_or(false, |v| v != "0"))
}

/// Checks every path on `text` (one record, no line feed) and panics, listing each path's
/// answer, when any differs from `validate_str`'s.
pub fn check(model: &'static Model, options: &Options, text: &str) {
    if text.contains('\n') || text.ends_with('\r') || text.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
        // Not one NDJSON line holding one record: a line ending in CR ends in CRLF, the CR
        // being the line break's, not the record's; a line of JSON whitespace is blank.
        return;
    }
    let reference = Answer::of_outcome(&validate_str(model, text, options));
    let mut answers: Vec<(&str, Answer)> = Vec::new();

    if let Ok(value) = serde_json::from_str::<Value>(text) {
        answers.push(("validate_json(serde_json::from_str)", Answer::of_outcome(&validate_json(model, &value, options))));
    }

    let b = bulk::validate_ndjson(model, text.as_bytes(), 1, options, Output::Ndjson);
    answers.push(("bulk::validate_ndjson(bytes)", Answer::of_batch(&b, 1, Output::Ndjson, 0)));

    let mut b = Batch::default();
    bulk::validate_ndjson_str_into(model, text, 1, options, Output::Ndjson, &mut b);
    answers.push(("bulk::validate_ndjson_str_into", Answer::of_batch(&b, 1, Output::Ndjson, 0)));

    let b = bulk::validate_ndjson(model, text.as_bytes(), 1, options, Output::Values);
    answers.push(("bulk::validate_ndjson(Output::Values)", Answer::of_batch(&b, 1, Output::Values, 0)));

    let mut not_utf8 = text.as_bytes().to_vec();
    not_utf8.extend_from_slice(b"\n\xff");
    let b = bulk::validate_ndjson(model, &not_utf8, 1, options, Output::Ndjson);
    let mut answer = Answer::of_batch(&b, 1, Output::Ndjson, 1);
    if !b.failures.iter().any(|f| f.at == 2 && f.errors.len() == 1 && f.errors[0].code == Code::Json) {
        answer = Answer::Odd(format!("line 2 (a lone 0xFF byte) is not one json error: {:?}", b.failures));
    }
    answers.push(("bulk::validate_ndjson(bytes, chunk not UTF-8)", answer));

    let array = format!("[{text}]");
    let b = bulk::validate_json_array(model, array.as_bytes(), options, Output::Ndjson);
    let array_answer = Answer::of_batch(&b, 0, Output::Ndjson, 0);
    let array_is_json_error = array_answer.is_json_error();
    // `[text]` holds some other number of values only where `text` is not one JSON value.
    let comparable = !(reference.is_json_error() && !array_is_json_error && b.records != 1);
    if comparable {
        answers.push(("bulk::validate_json_array([text]) (json errors by code)", array_answer));
    }

    let lax = lax_json();
    let disagree: Vec<&str> = answers
        .iter()
        .filter(|(name, a)| {
            if lax || name.contains("json errors by code") {
                a.json_code_only() != reference.json_code_only()
            } else {
                *a != reference
            }
        })
        .map(|(name, _)| *name)
        .collect();
    if disagree.is_empty() {
        return;
    }
    let mut report = String::new();
    let _ = writeln!(report, "paths disagree on one record");
    let _ = writeln!(report, "  model: {}  options: {:?}", model.id, OptionsView(options));
    let _ = writeln!(report, "  text: {text:?}");
    let _ = writeln!(report, "  disagreeing: {}", disagree.join(", "));
    let _ = writeln!(report, "  validate_str: {}", show(&reference));
    for (name, a) in &answers {
        let mark = if disagree.contains(name) { "  <-- differs" } else { "" };
        let _ = writeln!(report, "  {name}: {}{mark}", show(a));
    }
    panic!("{report}");
}

struct OptionsView<'a>(&'a Options);

impl std::fmt::Debug for OptionsView<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let o = self.0;
        write!(f, "mode={:?} profile={} unknown={} coerce={}", o.mode.map(Mode::as_str), o.profile.as_str(), o.unknown.as_str(), o.coerce)
    }
}

fn show(a: &Answer) -> String {
    match a {
        Answer::Valid(v) => format!("valid {v}"),
        Answer::Invalid(errors) => {
            let list: Vec<String> = errors.iter().map(|e| format!("{{path:{:?} code:{} params:{}}}", e.path, e.code, e.params)).collect();
            format!("invalid [{}]", list.join(", "))
        }
        Answer::Odd(s) => format!("ODD {s}"),
    }
}
