//! The JavaScript API: a thin facade over the engine. Inputs are read in place, every
//! failure comes back as errors in the result, and nothing here panics or throws for bad data.

mod bulk;
// The bulk calls, for the wasm tests (tests/wasm.rs) as JS sees them.
pub use bulk::{validate_csv, BulkStream};
mod flat;
mod guarded;
mod js_input;

use crate::input::Input;
use crate::report::error::{Code, Error, Param, Params};
use crate::report::json as report_json;
use crate::report::messages::{render, Templates};
use crate::validate::engine;
use crate::validate::options::{Mode, Nulls, Options, Unknown};
use crate::{decl::Profile, describe, json_schema, models, Model};
use js_input::{key, set, JsIn};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
import type { ModelId, ValidateOptions, FieldOptions, SchemaOptions, ValidationResult, ValidationError, ModelDescription, JsonSchema, BulkOptions, CsvOptions, BulkResult, Customer, CreateCustomerDto, PatchCustomer, ModelTypes } from "./types";
export * from "./types";
"#;

/// Validates a Circuit ID customer (`CustomersCreateOrPatch`).
#[wasm_bindgen(js_name = validateCustomer, unchecked_return_type = "ValidationResult<Customer>")]
pub fn validate_customer(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> JsValue {
    run_validate(&models::customer::MODEL, input, options)
}

/// Validates a Vapi `CreateCustomerDTO`.
#[wasm_bindgen(js_name = validateCreateCustomerDto, unchecked_return_type = "ValidationResult<CreateCustomerDto>")]
pub fn validate_create_customer_dto(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> JsValue {
    run_validate(&models::create_customer_dto::MODEL, input, options)
}

/// Validates an Evo Voice `PatchCustomer` (patch mode only).
#[wasm_bindgen(js_name = validatePatchCustomer, unchecked_return_type = "ValidationResult<PatchCustomer>")]
pub fn validate_patch_customer(
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> JsValue {
    run_validate(&models::patch_customer::MODEL, input, options)
}

/// Validates a record of the model named `model`.
#[wasm_bindgen(js_name = validate, unchecked_return_type = "ValidationResult<Record<string, unknown>>")]
pub fn validate_any(
    #[wasm_bindgen(unchecked_param_type = "ModelId")] model: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> JsValue {
    match find_model(&model) {
        Ok(m) => run_validate(m, input, options),
        Err(e) => result(None, &[e], &Templates::default()),
    }
}

/// The errors of one field, for live feedback while a person types.
#[wasm_bindgen(js_name = validateField, unchecked_return_type = "ValidationError[]")]
pub fn validate_field(
    #[wasm_bindgen(unchecked_param_type = "ModelId")] model: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] field: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "FieldOptions")] options: Option<JsValue>,
) -> JsValue {
    let (opts, option_errors) = read_options(options.as_ref());
    let errors = if !option_errors.is_empty() {
        option_errors
    } else {
        match (find_model(&model), field.as_string()) {
            (Err(e), _) => vec![e],
            (Ok(m), None) => vec![Error::new(
                "",
                Code::UnknownField,
                Params::default().with("model", Param::Static(m.id)).with("field", Param::Str(describe_value(&field))),
            )],
            (Ok(m), Some(name)) => {
                let context = options.as_ref().and_then(|o| JsIn::Value(o.clone()).get_prop("context"));
                engine::validate_field(m, &name, Some(&JsIn::Value(value)), context.as_ref(), &opts)
            }
        }
    };
    errors_array(&errors, &opts.messages).into()
}

/// Field descriptors of a model, to build a form from.
#[wasm_bindgen(unchecked_return_type = "ModelDescription")]
pub fn describe(#[wasm_bindgen(unchecked_param_type = "ModelId")] model: JsValue) -> Result<JsValue, JsError> {
    let m = find_model(&model).map_err(|e| JsError::new(&e.message()))?;
    to_js(&describe::describe(m))
}

/// A JSON Schema 2020-12 document for a model, mode, profile and unknown-property policy.
#[wasm_bindgen(js_name = jsonSchema, unchecked_return_type = "JsonSchema")]
pub fn json_schema_js(
    #[wasm_bindgen(unchecked_param_type = "ModelId")] model: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SchemaOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let m = find_model(&model).map_err(|e| JsError::new(&e.message()))?;
    let (opts, errors) = read_options(options.as_ref());
    if let Some(e) = errors.first() {
        return Err(JsError::new(&e.message()));
    }
    let schema = json_schema::json_schema(m, &opts).map_err(|e| JsError::new(&e.message()))?;
    to_js(&schema)
}

/// The ids of the models.
#[wasm_bindgen(unchecked_return_type = "ModelId[]")]
pub fn models() -> JsValue {
    models::ALL.iter().map(|m| JsValue::from_str(m.id)).collect::<Array>().into()
}

/// A value named for an error message: `a number`, `an object`, ... (never its contents: a
/// Proxy or a throwing `Symbol.toStringTag` must not run here).
fn describe_value(v: &JsValue) -> String {
    match JsIn::Value(v.clone()).kind().name() {
        engine::UNREADABLE => "(an unreadable value)".to_owned(),
        kind => format!("(a value of type {kind})"),
    }
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

pub(crate) fn find_model(id: &JsValue) -> Result<&'static Model, Error> {
    let name = id.as_string();
    name.as_deref().and_then(models::by_id).ok_or_else(|| {
        Error::new(
            "",
            Code::UnknownModel,
            Params::default()
                .with("model", Param::Str(name.unwrap_or_else(|| describe_value(id))))
                .with("allowed", Param::StaticList(models::ids())),
        )
    })
}

fn run_validate(model: &'static Model, input: JsValue, options: Option<JsValue>) -> JsValue {
    // Cheapest first: a plain object of declared scalars (it reads plain options itself),
    // then any plain JSON data as text, then the in-place reader, which reports values JSON
    // cannot carry precisely.
    match flat::validate(model, &input, options.as_ref()) {
        flat::Answer::Done(result) => result,
        flat::Answer::NotFlat => general_validate(model, input, options),
        flat::Answer::Snapshot(snapshot) => general_validate(model, snapshot, options),
        flat::Answer::Unreadable => {
            let (opts, errors) = read_options(options.as_ref());
            if !errors.is_empty() {
                return result(None, &errors, &opts.messages);
            }
            let outcome = engine::validate(model, &JsIn::Unreadable, &opts);
            result(outcome.value, &outcome.errors, &opts.messages)
        }
    }
}

/// `run_validate` past the flat path, kept out of it: V8 compiles a WebAssembly function
/// whole on its first call, so a first call the flat path answers does not compile this too.
#[inline(never)]
fn general_validate(model: &'static Model, input: JsValue, options: Option<JsValue>) -> JsValue {
    let (opts, errors) = read_options(options.as_ref());
    if !errors.is_empty() {
        return result(None, &errors, &opts.messages);
    }
    let snapshot = match plain_json(&input) {
        Plain::Text(text, copy) => match validate_as_json(model, &text, &opts) {
            Some(result) => return result,
            // The result did not become a JS value (too large for a string): read in place.
            None => copy,
        },
        Plain::Snapshot(snapshot) => snapshot,
    };
    let outcome = engine::validate(model, &JsIn::Value(snapshot), &opts);
    result(outcome.value, &outcome.errors, &opts.messages)
}

/// `new Function(args, body)`; `None` where code generation from strings is forbidden (a
/// Content-Security-Policy without 'unsafe-eval', Node's `--disallow-code-generation-from-strings`):
/// the paths that need it are then skipped, and every call still works, by the in-place reader.
pub(crate) fn compile_function(args: &str, body: &str) -> Option<js_sys::Function> {
    // Not `key()`: its interning cache would be compiled and built on a first call for this alone.
    let constructor: js_sys::Function = Reflect::get(&js_sys::global(), &JsValue::from_str("Function")).ok()?.dyn_into().ok()?;
    Reflect::construct(&constructor, &Array::of2(&JsValue::from_str(args), &JsValue::from_str(body))).ok()?.dyn_into().ok()
}

thread_local! {
    /// `copyJson` of json_copy.js (`None` where code cannot be generated from strings).
    static COPY_JSON: Option<js_sys::Function> =
        compile_function("", include_str!("json_copy.js")).and_then(|factory| factory.call0(&JsValue::NULL).ok()?.dyn_into().ok());
}

/// json_copy.js's `copyJson(x, levels)`, shared by the flat path and the JSON-text path.
pub(crate) fn copy_json() -> Option<js_sys::Function> {
    COPY_JSON.with(Clone::clone)
}

/// How the general path reads a JS input (json_copy.js: each property read once, as
/// `JSON.stringify` would see it).
enum Plain {
    /// Plain JSON data within `engine::MAX_NESTING`: its JSON text, and the copy it was made from.
    Text(String, JsValue),
    /// Anything else: the snapshot the in-place reader reads instead of the input.
    Snapshot(JsValue),
}

fn plain_json(v: &JsValue) -> Plain {
    let Some(copy_json) = copy_json() else { return Plain::Snapshot(v.clone()) };
    let Ok(copy) = guarded::call2(&copy_json, v, &JsValue::from(engine::MAX_NESTING as u32)) else {
        return Plain::Snapshot(v.clone());
    };
    if Reflect::get(&copy_json, &key("pure")).ok().and_then(|p| p.as_bool()) == Some(true) {
        if let Ok(Some(text)) = guarded::stringify(&copy) {
            return Plain::Text(text, copy);
        }
    }
    Plain::Snapshot(copy)
}

/// The path for plain JSON data that is not flat (nested objects, undeclared keys, options
/// the flat path does not read): the input as JSON text (one `JSON.stringify`), read as bulk
/// records are, and the result back as JSON text (one `JSON.parse`); crossing the boundary
/// per property cost 30-40 µs for a whole Customer. (Input that is not plain JSON data is
/// read in place instead, from its snapshot: see `Plain`.)
fn validate_as_json(model: &'static Model, text: &str, opts: &Options) -> Option<JsValue> {
    // A valid record's normalized text is written straight into the result.
    let mut json = Vec::with_capacity(text.len() + 64);
    json.extend_from_slice(report_json::VALID_BEFORE.as_bytes());
    match crate::validate::text_into(model, text, opts, &mut json) {
        Ok(()) => {
            json.extend_from_slice(report_json::VALID_AFTER.as_bytes());
            // Normalized text is UTF-8, written with ASCII around it.
            js_sys::JSON::parse(std::str::from_utf8(&json).ok()?).ok()
        }
        Err(errors) => result_from_json(None, &errors, &opts.messages),
    }
}

/// A `{ valid, value, errors }` result made in JS from its JSON text by one `JSON.parse`
/// (`value` is the normalized record's JSON text).
pub(crate) fn result_from_json(value: Option<&str>, errors: &[Error], templates: &Templates) -> Option<JsValue> {
    js_sys::JSON::parse(&report_json::result_json(value, errors, templates)).ok()
}

impl JsIn {
    fn get_prop(&self, name: &str) -> Option<JsIn> {
        crate::input::Input::get(self, name)
    }
}

/// Reads `{ mode, profile, coerce, nulls, unknown, messages, maxErrors }`; a bad value, or one that
/// cannot be read (a throwing getter, a revoked Proxy), is an `invalid_option` error.
pub(crate) fn read_options(options: Option<&JsValue>) -> (Options, Vec<Error>) {
    let mut opts = Options::default();
    let mut errors = Vec::new();
    let Some(o) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return (opts, errors);
    };
    if !o.is_object() || guarded::keys(o).is_err() {
        // Not an object, or one whose keys cannot be listed (a revoked Proxy).
        errors.push(option_error("options", &["an object"]));
        return (opts, errors);
    }
    // `Err`: the option could not be read.
    let get = |name: &str| guarded::get(o, &key(name)).map(|v| Some(v).filter(|v| !v.is_undefined())).map_err(|_| ());
    let mut read = |name: &'static str, allowed: &'static [&'static str], apply: &mut dyn FnMut(&JsValue) -> bool| match get(name) {
        Ok(None) => {}
        Ok(Some(v)) if apply(&v) => {}
        _ => errors.push(option_error(name, allowed)),
    };
    read("mode", Mode::NAMES, &mut |v| v.as_string().as_deref().and_then(Mode::parse).map(|m| opts.mode = Some(m)).is_some());
    read("profile", Profile::NAMES, &mut |v| v.as_string().as_deref().and_then(Profile::parse).map(|p| opts.profile = p).is_some());
    read("unknown", Unknown::NAMES, &mut |v| v.as_string().as_deref().and_then(Unknown::parse).map(|u| opts.unknown = u).is_some());
    read("coerce", &["true", "false"], &mut |v| v.as_bool().map(|b| opts.coerce = b).is_some());
    read("nulls", Nulls::NAMES, &mut |v| v.as_string().as_deref().and_then(Nulls::parse).map(|n| opts.nulls = Some(n)).is_some());
    read("maxErrors", &["a whole number from 1 to 4294967295"], &mut |v| {
        whole_number(v, 1.0, u32::MAX as f64).map(|n| opts.max_errors = n as usize).is_some()
    });
    let mut templates = Vec::new();
    read("messages", &["an object of templates by error code"], &mut |v| {
        if !v.is_object() {
            return false;
        }
        match crate::input::Input::entries(&JsIn::Value(v.clone())) {
            Some(entries) => {
                templates = entries.into_iter().map(|(k, v)| (k.into_owned(), v)).collect();
                true
            }
            None => false,
        }
    });
    for (code, template) in templates {
        let template = match template {
            JsIn::Value(t) => t.as_string(),
            JsIn::Unreadable => None,
        };
        match template {
            Some(t) if opts.messages.set(&code, t.clone()) => {}
            Some(_) => errors.push(Error::new(
                "",
                Code::InvalidOption,
                Params::default()
                    .with("option", Param::Str(format!("messages.{code}")))
                    .with("allowed", Param::Str(Code::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "))),
            )),
            None => errors.push(Error::new(
                "",
                Code::InvalidOption,
                Params::default().with("option", Param::Str(format!("messages.{code}"))).with("allowed", Param::Static("a string")),
            )),
        }
    }
    (opts, errors)
}

/// A numeric option's value: a whole number from `min` to `max`.
pub(crate) fn whole_number(v: &JsValue, min: f64, max: f64) -> Option<f64> {
    v.as_f64().filter(|n| n.fract() == 0.0 && (min..=max).contains(n))
}

pub(crate) fn option_error(option: &'static str, allowed: &'static [&'static str]) -> Error {
    Error::new("", Code::InvalidOption, Params::default().with("option", Param::Static(option)).with("allowed", Param::StaticList(allowed)))
}

/// `{ valid, value?, errors }`.
fn result(value: Option<JsValue>, errors: &[Error], templates: &Templates) -> JsValue {
    let out = Object::new();
    let _ = Reflect::set(&out, &key("valid"), &JsValue::from_bool(errors.is_empty()));
    if let Some(v) = value.filter(|_| errors.is_empty()) {
        let _ = Reflect::set(&out, &key("value"), &v);
    }
    let _ = Reflect::set(&out, &key("errors"), &errors_array(errors, templates));
    out.into()
}

pub(crate) fn errors_array(errors: &[Error], templates: &Templates) -> Array {
    errors.iter().map(|e| error_object(e, templates)).collect()
}

fn error_object(e: &Error, templates: &Templates) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &key("path"), &JsValue::from_str(&e.path));
    let _ = Reflect::set(&o, &key("code"), &key(e.code.as_str()));
    let _ = Reflect::set(&o, &key("message"), &JsValue::from_str(&render(e, templates)));
    let params = Object::new();
    for (name, value) in &e.params.0 {
        set(&params, name, &param(value));
    }
    let _ = Reflect::set(&o, &key("params"), &params);
    o.into()
}

fn param(p: &Param) -> JsValue {
    match p {
        Param::Int(i) => JsValue::from_f64(*i as f64),
        Param::Str(s) => JsValue::from_str(s),
        Param::Static(s) => key(s),
        Param::StaticList(l) => l.iter().map(|s| key(s)).collect::<Array>().into(),
        Param::IntList(l) => l.iter().map(|i| JsValue::from_f64(*i as f64)).collect::<Array>().into(),
    }
}

/// The answer of a call during which the module failed (a trap: a bug, or memory
/// exhausted), made by the restarted module for the package's entry (which catches the
/// trap and restarts the module): `kind` is the shape of the call's answer.
#[wasm_bindgen(js_name = internalFailure, skip_typescript)]
pub fn internal_failure(kind: &str, detail: &str) -> JsValue {
    let error = bulk::internal(detail);
    let templates = Templates::default();
    match kind {
        "errors" => errors_array(std::slice::from_ref(&error), &templates).into(),
        "bulk" => bulk::refused(std::slice::from_ref(&error), &templates),
        _ => result(None, std::slice::from_ref(&error), &templates),
    }
}

/// What the module holds, for the leak tests: `[memory bytes, live JS values held]`.
#[wasm_bindgen(js_name = __resources, skip_typescript)]
pub fn resources() -> Vec<f64> {
    let pages = core::arch::wasm32::memory_size(0);
    vec![(pages * 65536) as f64, wasm_bindgen::externref_heap_live_count() as f64]
}

/// Traps, as a bug or exhausted memory would, after leaving state half-changed (a borrowed
/// cache): for the tests of the package entry's recovery. Never called by the package.
#[wasm_bindgen(js_name = __trap, skip_typescript)]
pub fn trap() {
    crate::validate::poison_scratch();
    core::arch::wasm32::unreachable()
}
