//! Validation rules and defaults of three telephony "customer" request models, declared once
//! and used natively, in Node.js and in the browser (through WebAssembly).
//!
//! ```
//! use customer_validation::{validate_json, models, Options};
//! let input = serde_json::json!({ "name": "Acme" });
//! let outcome = validate_json(&models::customer::MODEL, &input, &Options::create());
//! assert!(outcome.is_valid());
//! assert_eq!(outcome.value.unwrap()["defaultBillMethod"], "credit");
//! ```

pub mod bulk;
pub(crate) mod export;
pub(crate) mod input;
pub(crate) mod json;
pub mod report;
pub mod schema;
#[cfg(test)]
mod test_gen;
pub(crate) mod validate;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

// The public API, under the names the README documents.
pub use export::{describe, json_schema, typescript};
pub use report::error::{self, Code, Error};
pub use schema::decl::{self, Model, Profile};
pub use schema::models;
pub use validate::engine::{Outcome, MAX_DEPTH, MAX_NESTING};
pub use validate::options::{Mode, Nulls, Options, Unknown};

/// Validates parsed JSON; the normalized value is JSON too.
pub fn validate_json(model: &'static Model, input: &serde_json::Value, options: &Options) -> Outcome<serde_json::Value> {
    validate::engine::validate(model, &input, options)
}

/// The errors of one field's value, as a form checks a field while a person types: `field` is
/// a field name or a JSON Pointer through nested objects and lists; `context` holds the
/// sibling values rules depend on (`numberE164CheckEnabled` for Vapi's `number`). `None` for
/// `value` is an empty field.
pub fn validate_field(
    model: &'static Model,
    field: &str,
    value: Option<&serde_json::Value>,
    context: Option<&serde_json::Value>,
    options: &Options,
) -> Vec<Error> {
    validate::engine::validate_field(model, field, value.as_ref(), context.as_ref(), options)
}

/// Parses and validates one JSON text; a parse failure is a `json` error at the root. The
/// text is read as bulk records are (`tape`), so the answer is theirs, to the byte.
pub fn validate_str(model: &'static Model, text: &str, options: &Options) -> Outcome<serde_json::Value> {
    let mut out = Vec::with_capacity(text.len() + 256);
    match validate::text_into(model, text, options, &mut out) {
        // Written from UTF-8 text, ASCII around it.
        Ok(()) => Outcome { value: Some(std::str::from_utf8(&out).map_or(serde_json::Value::Null, text_value)), errors: Vec::new() },
        Err(errors) => Outcome { value: None, errors },
    }
}

/// The `json` error of a text that is not JSON.
pub(crate) fn syntax_error(e: &json::tape::SyntaxError) -> Error {
    json_error_at(e.to_string(), e.line, e.column)
}

/// A normalized record's JSON text (well-formed: written by `input::raw` or the fast path) as a `Value`.
pub(crate) fn text_value(text: &str) -> serde_json::Value {
    let mut tape = json::tape::Tape::default();
    match tape.parse(text) {
        Ok(()) => tape.to_value(text, 0),
        Err(_) => serde_json::Value::Null,
    }
}

/// A `json` error: the parser's message and where in the text it stopped.
pub fn json_error_at(detail: String, line: usize, column: usize) -> Error {
    use error::{Param, Params};
    Error::new(
        "",
        Code::Json,
        Params::default()
            .with("detail", Param::Str(detail))
            .with("line", Param::Int(line as i64))
            .with("column", Param::Int(column as i64)),
    )
}
