//! The JavaScript API of bulk validation: one call per chunk or text, and the two streams.
//! Every call answers with a `BulkResult`; a call that cannot run (options, model, input
//! type, a limit) has one failure that names no record.

use super::js_input::{key, JsIn};
use super::{errors_array, find_model, option_error, read_options};
use crate::bulk::{self, Batch, Limits, Output};
use crate::input::Input;
use crate::report::error::{Code, Error, Param, Params};
use crate::report::json as report_json;
use crate::report::messages::Templates;
use crate::validate::engine;
use crate::validate::options::Options;
use crate::Model;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// The longest string V8 makes (2^29 - 24 UTF-16 units, on 64-bit hosts): no result text
/// may be longer, and a UTF-8 byte is at least one unit.
const MAX_JS_STRING: usize = bulk::MAX_MAX_BYTES;

/// Validates a chunk of NDJSON (string or bytes) in one call: per-record failures with
/// their line numbers, and the valid records' normalized form.
#[wasm_bindgen(js_name = validateNdjson, unchecked_return_type = "BulkResult")]
pub fn validate_ndjson(
    #[wasm_bindgen(unchecked_param_type = "ModelId")] model: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] chunk: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BulkOptions")] options: Option<JsValue>,
) -> JsValue {
    one_call(false, &model, &chunk, options.as_ref(), "line", |call, bytes, batch| {
        bulk::validate_ndjson_into(call.model, bytes, call.first_line, &call.options, call.text_output(), batch)
    })
}

/// Validates a JSON array of records (string or bytes); failures carry the record's index.
#[wasm_bindgen(js_name = validateJsonArray, unchecked_return_type = "BulkResult")]
pub fn validate_json_array(
    #[wasm_bindgen(unchecked_param_type = "ModelId")] model: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BulkOptions")] options: Option<JsValue>,
) -> JsValue {
    one_call(false, &model, &text, options.as_ref(), "index", |call, bytes, batch| {
        bulk::validate_json_array_into(call.model, bytes, &call.options, call.text_output(), batch)
    })
}

/// Validates a CSV text (string or bytes) whose first row is the header: failures carry
/// the row's line, and the result the header's mapping (`columns`). `coerce` is on unless
/// the options turn it off.
#[wasm_bindgen(js_name = validateCsv, unchecked_return_type = "BulkResult")]
pub fn validate_csv(
    #[wasm_bindgen(unchecked_param_type = "ModelId")] model: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CsvOptions")] options: Option<JsValue>,
) -> JsValue {
    one_call(true, &model, &text, options.as_ref(), "line", |call, bytes, batch| {
        bulk::validate_csv_into(call.model, bytes, &call.options, call.text_output(), batch)
    })
}

/// A bulk call over one input: its options read, its input's bytes, `run` over them; `csv`:
/// the input is CSV (`coerce` on by default).
fn one_call(
    csv: bool,
    model: &JsValue,
    input: &JsValue,
    options: Option<&JsValue>,
    at_name: &str,
    run: impl FnOnce(&Call, &[u8], &mut Batch),
) -> JsValue {
    let call = match Call::read(model, options, csv) {
        Ok(call) => call,
        Err((errors, messages)) => return refused(&errors, &messages),
    };
    let mut batch = Batch::with_limits(call.limits);
    batch.keep_rejected = call.rejected;
    match input_bytes(input, call.limits.max_bytes) {
        Ok(bytes) => run(&call, &bytes, &mut batch),
        Err(e) => batch.refuse(e),
    }
    call.result(&batch, at_name)
}

/// The format of a bulk text by its start (`complete`: the whole text): "ndjson", "json" (an
/// array), or `undefined` while the start does not tell yet. Never takes NDJSON for an array.
#[wasm_bindgen(js_name = detectFormat, unchecked_return_type = "\"ndjson\" | \"json\" | undefined")]
pub fn detect_format(#[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] head: JsValue, complete: bool) -> JsValue {
    let mut bytes = Vec::new();
    match read_chunk(&head, &mut bytes) {
        Ok(()) => bulk::detect_format(&bytes, complete).map_or(JsValue::UNDEFINED, |f| key(f.as_str())),
        Err(_) => JsValue::UNDEFINED,
    }
}

/// The state of the streams: NDJSON, a JSON array or CSV, read chunk by chunk.
enum Reading {
    Ndjson(bulk::NdjsonStream),
    Array(bulk::JsonArrayStream),
    Csv(Box<bulk::CsvStream>),
}

/// A stream of NDJSON or of one JSON array, in chunks split anywhere (the JS classes
/// `NdjsonValidator` and `JsonArrayValidator` are over it).
#[wasm_bindgen(js_name = BulkStream, skip_typescript)]
pub struct BulkStream {
    /// `Err`: what the options or model were refused for, answered by every call.
    reading: Result<(Reading, Call), (Vec<Error>, Templates)>,
    /// A chunk's bytes, reused.
    buffer: Vec<u8>,
}

#[wasm_bindgen(js_class = BulkStream)]
impl BulkStream {
    /// `format`: "ndjson", "json" or "csv".
    #[wasm_bindgen(constructor)]
    pub fn new(format: &str, model: JsValue, options: Option<JsValue>) -> BulkStream {
        let reading = Call::read(&model, options.as_ref(), format == "csv").map(|call| {
            let (options, output) = (call.options.clone(), call.text_output());
            let mut reading = match format {
                "json" => Reading::Array(bulk::JsonArrayStream::new(call.model, options, output, call.limits)),
                "csv" => Reading::Csv(Box::new(bulk::CsvStream::new(call.model, options, output, call.limits))),
                _ => Reading::Ndjson(bulk::NdjsonStream::new(call.model, options, output, call.first_line, call.limits)),
            };
            if call.rejected {
                match &mut reading {
                    Reading::Ndjson(s) => s.keep_rejected(),
                    Reading::Array(s) => s.keep_rejected(),
                    Reading::Csv(s) => s.keep_rejected(),
                }
            }
            (reading, call)
        });
        BulkStream { reading, buffer: Vec::new() }
    }

    /// Validates what `chunk` (string or bytes) completes.
    pub fn push(&mut self, chunk: JsValue) -> JsValue {
        self.read(&chunk, false)
    }

    /// The end of the input, after a last chunk `rest` if one is given: what is left (a last
    /// line, an unfinished array). Every later call answers `stream_ended`.
    pub fn end(&mut self, #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] rest: Option<JsValue>) -> JsValue {
        let result = self.read(rest.as_ref().unwrap_or(&JsValue::from_str("")), true);
        if let Ok((_, call)) = &mut self.reading {
            // Ended: its memory goes now.
            let ended = Error::new("", Code::StreamEnded, Params::default());
            self.reading = Err((vec![ended], std::mem::take(&mut call.options.messages)));
            self.buffer = Vec::new();
        }
        result
    }
}

impl BulkStream {
    /// One chunk into the stream (`last`: and then its end).
    fn read(&mut self, chunk: &JsValue, last: bool) -> JsValue {
        let (reading, call) = match &mut self.reading {
            Ok(r) => r,
            Err((errors, messages)) => return refused(errors, messages),
        };
        let at_name = reading.at_name();
        let mut bytes = std::mem::take(&mut self.buffer);
        bytes.clear();
        let result = match read_chunk(chunk, &mut bytes) {
            Err(e) => {
                let mut batch = Batch::default();
                batch.refuse(e);
                call.result(&batch, at_name)
            }
            Ok(()) => {
                let batch = match (reading, last) {
                    (Reading::Ndjson(s), false) => s.push(&bytes),
                    (Reading::Ndjson(s), true) => s.end_with(&bytes),
                    (Reading::Array(s), false) => s.push(&bytes),
                    (Reading::Array(s), true) => s.end_with(&bytes),
                    (Reading::Csv(s), false) => s.push(&bytes),
                    (Reading::Csv(s), true) => s.end_with(&bytes),
                };
                call.result(batch, at_name)
            }
        };
        self.buffer = bytes;
        result
    }
}

impl Reading {
    fn at_name(&self) -> &'static str {
        match self {
            Reading::Ndjson(_) | Reading::Csv(_) => "line",
            Reading::Array(_) => "index",
        }
    }
}

/// The options of a bulk call, read and judged.
struct Call {
    model: &'static Model,
    options: Options,
    limits: Limits,
    first_line: u64,
    output: Output,
    /// Keep the invalid records (`Batch::keep_rejected`).
    rejected: bool,
}

/// Line numbers up to 2^53 - 1: where JS numbers stop being exact.
const MAX_LINE: f64 = 9_007_199_254_740_991.0;

impl Call {
    /// `csv`: cells are text, so `coerce` is on unless the options turn it off.
    fn read(model: &JsValue, options: Option<&JsValue>, csv: bool) -> Result<Call, (Vec<Error>, Templates)> {
        let (mut opts, mut errors) = read_options(options);
        // Options that are no readable object are `read_options`' error alone.
        let readable = options.filter(|o| o.is_object() && super::guarded::keys(o).is_ok());
        let get = |name: &str| -> Result<Option<JsValue>, ()> {
            match readable {
                None => Ok(None),
                Some(o) => super::guarded::get(o, &key(name)).map(|v| Some(v).filter(|v| !v.is_undefined())).map_err(|_| ()),
            }
        };
        let mut whole = |name: &'static str, min: f64, max: f64, default: f64, allowed: &'static [&'static str]| match get(name) {
            Ok(None) => default,
            Ok(Some(v)) => match super::whole_number(&v, min, max) {
                Some(n) => n,
                None => {
                    errors.push(option_error(name, allowed));
                    default
                }
            },
            Err(()) => {
                errors.push(option_error(name, allowed));
                default
            }
        };
        let first_line = whole("firstLine", 1.0, MAX_LINE, 1.0, &["a whole number from 1 to 2^53 - 1"]) as u64;
        let max_errors_per_call = whole(
            "maxErrorsPerCall",
            0.0,
            u32::MAX as f64,
            bulk::DEFAULT_MAX_ERRORS_PER_CALL as f64,
            &["a whole number from 0 to 4294967295"],
        ) as usize;
        let max_bytes =
            whole("maxBytes", 1.0, bulk::MAX_MAX_BYTES as f64, bulk::DEFAULT_MAX_BYTES as f64, &["a whole number from 1 to 536870888"])
                as usize;
        let output = match get("output") {
            Ok(None) => Output::Ndjson,
            Ok(Some(v)) => v.as_string().as_deref().and_then(Output::parse).unwrap_or_else(|| {
                errors.push(option_error("output", Output::NAMES));
                Output::None
            }),
            Err(()) => {
                errors.push(option_error("output", Output::NAMES));
                Output::None
            }
        };
        let rejected = match get("rejected") {
            Ok(None) => false,
            Ok(Some(v)) => v.as_bool().unwrap_or_else(|| {
                errors.push(option_error("rejected", &["true", "false"]));
                false
            }),
            Err(()) => {
                errors.push(option_error("rejected", &["true", "false"]));
                false
            }
        };
        if csv && matches!(get("coerce"), Ok(None)) {
            opts.coerce = true;
        }
        // A mode the model does not offer fails the call, not each record.
        let model = find_model(model)
            .map_err(|e| errors.push(e))
            .ok()
            .filter(|m| engine::resolve_mode(m, &opts).map_err(|e| errors.push(e)).is_ok());
        match model {
            Some(model) if errors.is_empty() => {
                Ok(Call { model, options: opts, limits: Limits { max_errors_per_call, max_bytes }, first_line, output, rejected })
            }
            _ => Err((errors, opts.messages)),
        }
    }

    /// What the Rust side collects: values are made in JS from the NDJSON text, by one
    /// `JSON.parse`, so that they are what `JSON.parse` gives each line (a `__proto__` key
    /// stays data, any integer is a number).
    fn text_output(&self) -> Output {
        if self.output == Output::Values {
            Output::Ndjson
        } else {
            self.output
        }
    }

    /// A batch as `BulkResult`.
    fn result(&self, batch: &Batch, at_name: &str) -> JsValue {
        let messages = &self.options.messages;
        // Counts and failures as one JSON text and one `JSON.parse`: building each error
        // object property by property across the boundary cost about 20 µs per invalid record.
        let mut errors = String::with_capacity(batch.failures.len() * 160);
        let mut listed = 0;
        for f in &batch.failures {
            let mark = errors.len();
            if listed > 0 {
                errors.push(',');
            }
            errors.push_str(&format!("{{\"{at_name}\":{},\"errors\":", f.at));
            report_json::errors_json(&mut errors, &f.errors, messages);
            if let Some(record) = &f.record {
                errors.push_str(",\"record\":");
                crate::json::write::push_json_str(&mut errors, record);
            }
            errors.push('}');
            if errors.len() > MAX_JS_STRING / 2 {
                // Past what a JS string holds (with room for the rest): counted, not listed.
                errors.truncate(mark);
                break;
            }
            listed += 1;
        }
        for (i, e) in batch.call_errors.iter().enumerate() {
            if listed + i > 0 {
                errors.push(',');
            }
            errors.push_str("{\"errors\":");
            report_json::errors_json(&mut errors, std::slice::from_ref(e), messages);
            errors.push('}');
        }
        let unlisted = batch.unlisted + (batch.failures.len() - listed);
        let unlisted = if unlisted > 0 { format!(",\"unlisted\":{unlisted}") } else { String::new() };
        let json = format!(
            "{{\"records\":{},\"valid\":{},\"invalid\":{},\"errors\":[{errors}]{unlisted}}}",
            batch.records,
            batch.valid,
            batch.invalid()
        );
        let Ok(out) = js_sys::JSON::parse(&json) else {
            return refused(&[internal("the result could not be made")], messages);
        };
        if !batch.columns.is_empty() {
            let _ = Reflect::set(&out, &key("columns"), &columns(&batch.columns));
        }
        if self.rejected {
            // Written from UTF-8 cells and record texts, and messages.
            let text = String::from_utf8_lossy(&batch.rejected);
            let _ = Reflect::set(&out, &key("rejected"), &JsValue::from_str(&text));
        }
        if !batch.call_errors.is_empty() {
            return out;
        }
        match self.output {
            // Written by the fast path and `Raw` from UTF-8 input: valid UTF-8.
            Output::Ndjson => {
                let text = std::str::from_utf8(&batch.normalized).unwrap_or_default();
                let _ = Reflect::set(&out, &key("normalized"), &JsValue::from_str(text));
            }
            // Bytes skip decoding into a JS string (about 1 µs per record in Node 20): for writing to a file.
            Output::Bytes => {
                let _ = Reflect::set(&out, &key("bytes"), &js_sys::Uint8Array::from(&batch.normalized[..]));
            }
            Output::Values => {
                let _ = Reflect::set(&out, &key("values"), &values(&batch.normalized));
            }
            Output::None => {}
        }
        out
    }
}

/// A CSV header's mapping as `CsvColumn[]`.
fn columns(columns: &[bulk::Column]) -> JsValue {
    let list = Array::new();
    for c in columns {
        let o = Object::new();
        let _ = Reflect::set(&o, &key("header"), &JsValue::from_str(&c.header));
        let _ = Reflect::set(&o, &key("path"), &JsValue::from_str(&c.path));
        let _ = Reflect::set(&o, &key("declared"), &JsValue::from_bool(c.declared));
        list.push(&o);
    }
    list.into()
}

/// NDJSON text (one record per line, each line ending in a line feed) as one array, by one
/// `JSON.parse` of `[a,b,c]`.
fn values(ndjson: &[u8]) -> JsValue {
    let mut array = Vec::with_capacity(ndjson.len() + 2);
    array.push(b'[');
    array.extend_from_slice(ndjson);
    match array.last_mut() {
        Some(last) if *last == b'\n' => *last = b']',
        _ => array.push(b']'),
    }
    for b in array.iter_mut() {
        if *b == b'\n' {
            *b = b',';
        }
    }
    std::str::from_utf8(&array).ok().and_then(|t| js_sys::JSON::parse(t).ok()).unwrap_or_else(|| Array::new().into())
}

/// A call that cannot run: the result's shape, with one failure that names no record.
pub(super) fn refused(errors: &[Error], messages: &Templates) -> JsValue {
    let failure = Object::new();
    let _ = Reflect::set(&failure, &key("errors"), &errors_array(errors, messages));
    let out = Object::new();
    let _ = Reflect::set(&out, &key("errors"), &Array::of1(&failure));
    for name in ["records", "valid", "invalid"] {
        let _ = Reflect::set(&out, &key(name), &JsValue::from(0));
    }
    out.into()
}

/// An `internal` error: the module failed, not the input.
pub(super) fn internal(detail: &str) -> Error {
    Error::new("", Code::Internal, Params::default().with("detail", Param::Str(detail.to_owned())))
}

/// A bulk input's bytes: a string (as UTF-8) or a `Uint8Array`. The bulk call refuses one
/// over `max`, as natively; a string whose UTF-16 is already longer (its UTF-8 is at least as
/// long) is refused here, without copying it to know.
fn input_bytes(input: &JsValue, max: usize) -> Result<Vec<u8>, Error> {
    if input.is_string() && js_sys::JsString::from(input.clone()).length() as usize > max {
        return Err(bulk::too_large("the input", max));
    }
    let mut bytes = Vec::new();
    read_chunk(input, &mut bytes)?;
    Ok(bytes)
}

/// A chunk's bytes into `out`: a string as UTF-8, a `Uint8Array`'s bytes.
fn read_chunk(input: &JsValue, out: &mut Vec<u8>) -> Result<(), Error> {
    if let Some(s) = input.as_string() {
        *out = s.into_bytes();
        return Ok(());
    }
    let actual = match super::guarded::uint8_array(input) {
        Ok(Some(array)) => {
            out.resize(array.length() as usize, 0);
            array.copy_to(out);
            return Ok(());
        }
        Ok(None) => JsIn::Value(input.clone()).kind().name(),
        // A view of a detached buffer.
        Err(_) => engine::UNREADABLE,
    };
    let params = Params::default().with("expected", Param::Static("string or Uint8Array")).with("actual", Param::Static(actual));
    Err(Error::new("", Code::Type, params))
}
