//! Snapshots of the two exports read by other programs: the JSON Schema (`json_schema`) of every
//! model × mode × profile × unknown-property policy, and the form descriptors (`describe`) of
//! every model. A change in either export shows up as a changed file under `tests/snapshots/`,
//! to be reviewed like code.
//!
//! After an intended change, rewrite the snapshots and review the diff:
//!
//! ```text
//! UPDATE_SNAPSHOTS=1 cargo test --test export_snapshots
//! git diff tests/snapshots/
//! ```
//!
//! The targeted tests below the snapshot tests check the contract (SPEC.md) directly, so that
//! a regression is caught even if someone rewrites the snapshots without reading them.
#![cfg(not(target_arch = "wasm32"))]

use customer_validation::describe::{describe, FieldInfo, FormatInfo, ModelInfo};
use customer_validation::error::{Param, Params};
use customer_validation::json_schema::json_schema;
use customer_validation::models::{self, create_customer_dto, customer, patch_customer};
use customer_validation::{Mode, Model, Options, Profile, Unknown};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// Snapshot machinery (plain std: no snapshot crate)
// ---------------------------------------------------------------------------------------------

const UPDATE_HINT: &str = "UPDATE_SNAPSHOTS=1 cargo test --test export_snapshots";

const MODES: &[(&str, Option<Mode>)] = &[("create", Some(Mode::Create)), ("patch", Some(Mode::Patch)), ("default", None)];
const PROFILES: &[Profile] = &[Profile::Strict, Profile::Api];
const UNKNOWNS: &[Unknown] = &[Unknown::Allow, Unknown::Strip, Unknown::Reject];

fn updating() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1")
}

fn snapshot_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots").join(kind)
}

/// Pretty JSON with a trailing newline: the exact bytes of a snapshot file.
fn render(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("the exports serialize");
    text.push('\n');
    text
}

/// Compares `actual` with the file `dir/name` (or writes it when updating); returns a failure
/// message instead of panicking, so one run reports every changed snapshot.
fn check_snapshot(dir: &Path, name: &str, actual: &str) -> Option<String> {
    let path = dir.join(name);
    let shown = format!("tests/snapshots/{}/{}", dir.file_name().unwrap().to_string_lossy(), name);
    if updating() {
        fs::create_dir_all(dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
        let unchanged = fs::read(&path).is_ok_and(|old| old == actual.as_bytes());
        if !unchanged {
            fs::write(&path, actual).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
            eprintln!("updated {shown}");
        }
        return None;
    }
    let expected = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Some(format!("{shown}: missing snapshot; create it with `{UPDATE_HINT}` and review it"));
        }
        Err(e) => return Some(format!("{shown}: cannot read: {e}")),
    };
    if expected == actual.as_bytes() {
        return None;
    }
    let expected = String::from_utf8_lossy(&expected);
    Some(format!("{shown}: differs from the export\n{}", first_difference(&expected, actual)))
}

/// The first differing line (1-based), expected vs actual, and where both parse as JSON, the
/// JSON Pointer of the first differing value.
fn first_difference(expected: &str, actual: &str) -> String {
    let (mut e, mut a) = (expected.split_inclusive('\n'), actual.split_inclusive('\n'));
    let mut line = 1;
    let mut out = loop {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (x, y) => {
                let show = |l: Option<&str>| match l {
                    None => "<end of file>".to_string(),
                    Some(l) if !l.ends_with('\n') => format!("{l:?} (no newline at end of file)"),
                    Some(l) => format!("{:?}", l.trim_end_matches('\n')),
                };
                break format!("  first differing line {line}:\n    expected: {}\n    actual:   {}", show(x), show(y));
            }
        }
    };
    if let (Ok(x), Ok(y)) = (serde_json::from_str::<Value>(expected), serde_json::from_str::<Value>(actual)) {
        if let Some((pointer, x, y)) = first_value_difference(&x, &y, String::new()) {
            let pointer = if pointer.is_empty() { "(the root)".to_string() } else { pointer };
            out.push_str(&format!("\n  first differing value at {pointer}:\n    expected: {x}\n    actual:   {y}"));
        }
    }
    out.push_str(&format!("\n  if the change is intended, run `{UPDATE_HINT}` and review `git diff tests/snapshots/`"));
    out
}

/// The pointer and both sides of the first difference (`<absent>` for a missing member).
fn first_value_difference(x: &Value, y: &Value, at: String) -> Option<(String, String, String)> {
    fn show(v: Option<&Value>) -> String {
        v.map_or_else(|| "<absent>".to_string(), |v| serde_json::to_string(v).unwrap())
    }
    fn token(s: &str) -> String {
        s.replace('~', "~0").replace('/', "~1")
    }
    match (x, y) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            keys.into_iter().find_map(|k| match (a.get(k), b.get(k)) {
                (Some(p), Some(q)) => first_value_difference(p, q, format!("{at}/{}", token(k))),
                (p, q) => Some((format!("{at}/{}", token(k)), show(p), show(q))),
            })
        }
        (Value::Array(a), Value::Array(b)) => (0..a.len().max(b.len())).find_map(|i| match (a.get(i), b.get(i)) {
            (Some(p), Some(q)) => first_value_difference(p, q, format!("{at}/{i}")),
            (p, q) => Some((format!("{at}/{i}"), show(p), show(q))),
        }),
        _ if x == y => None,
        _ => Some((at, show(Some(x)), show(Some(y)))),
    }
}

/// Fails on snapshot files that no export produces any more (a renamed model, a dropped mode).
fn stale_files(dir: &Path, produced: &BTreeSet<String>) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut stale: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json") && !produced.contains(name))
        .collect();
    stale.sort();
    stale
}

fn finish(kind: &str, dir: &Path, produced: BTreeSet<String>, mut failures: Vec<String>) {
    for name in stale_files(dir, &produced) {
        let msg = format!("tests/snapshots/{kind}/{name}: no export produces this file any more; delete it");
        if updating() {
            eprintln!("warning: {msg}");
        } else {
            failures.push(msg);
        }
    }
    assert!(failures.is_empty(), "{} {kind} snapshot(s) failed:\n\n{}\n", failures.len(), failures.join("\n\n"));
}

fn options(mode: Option<Mode>, profile: Profile, unknown: Unknown) -> Options {
    Options { mode, profile, unknown, ..Options::default() }
}

/// The JSON Schema, or for an unsupported combination the error, as `{"error": ...}`.
fn schema_or_error(model: &Model, opts: &Options) -> Value {
    match json_schema(model, opts) {
        Ok(schema) => schema,
        Err(e) => json!({ "error": e }),
    }
}

// ---------------------------------------------------------------------------------------------
// Snapshot tests
// ---------------------------------------------------------------------------------------------

/// `tests/snapshots/json_schema/<model>.<mode>.<profile>.<unknown>.json`, 54 files.
#[test]
fn json_schema_snapshots() {
    let dir = snapshot_dir("json_schema");
    let (mut produced, mut failures) = (BTreeSet::new(), Vec::new());
    for model in models::ALL {
        for &(mode_name, mode) in MODES {
            for &profile in PROFILES {
                for &unknown in UNKNOWNS {
                    let name = format!("{}.{mode_name}.{}.{}.json", model.id, profile.as_str(), unknown.as_str());
                    let actual = render(&schema_or_error(model, &options(mode, profile, unknown)));
                    failures.extend(check_snapshot(&dir, &name, &actual));
                    produced.insert(name);
                }
            }
        }
    }
    assert_eq!(produced.len(), 3 * 3 * 2 * 3);
    finish("json_schema", &dir, produced, failures);
}

/// `tests/snapshots/describe/<model>.json`, 3 files.
#[test]
fn describe_snapshots() {
    let dir = snapshot_dir("describe");
    let (mut produced, mut failures) = (BTreeSet::new(), Vec::new());
    for model in models::ALL {
        let name = format!("{}.json", model.id);
        failures.extend(check_snapshot(&dir, &name, &render(&describe(model))));
        produced.insert(name);
    }
    finish("describe", &dir, produced, failures);
}

/// The machinery itself: a one-character change is reported with its line and pointer.
#[test]
fn snapshot_diff_names_the_first_difference() {
    let expected = render(&json!({ "a": { "maxLength": 45, "minLength": 8 }, "b": [1, 2] }));
    let actual = render(&json!({ "a": { "maxLength": 8, "minLength": 45 }, "b": [1, 2] }));
    let report = first_difference(&expected, &actual);
    assert!(report.contains("first differing line 3:"), "{report}");
    assert!(report.contains(r#"expected: "    \"maxLength\": 45,""#), "{report}");
    assert!(report.contains(r#"actual:   "    \"maxLength\": 8,""#), "{report}");
    assert!(report.contains("first differing value at /a/maxLength:\n    expected: 45\n    actual:   8"), "{report}");
    let shorter = first_difference("{}\n", "{}\n\n");
    assert!(shorter.contains("expected: <end of file>"), "{shorter}");
    let (key, x, y) = first_value_difference(&json!({ "a/b": 1 }), &json!({}), String::new()).unwrap();
    assert_eq!((key.as_str(), x.as_str(), y.as_str()), ("/a~1b", "1", "<absent>"));
}

// ---------------------------------------------------------------------------------------------
// Targeted checks of the contract (SPEC.md), independent of the snapshot files
// ---------------------------------------------------------------------------------------------

fn field<'a>(info: &'a ModelInfo, name: &str) -> &'a FieldInfo {
    info.fields.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("{}: no field {name}", info.id))
}

fn fmt(name: &'static str, profile: &'static str, when: Option<bool>) -> FormatInfo {
    FormatInfo { name, profile, when, params: Params::default() }
}

fn schema(model: &Model, mode: Option<Mode>, profile: Profile, unknown: Unknown) -> Value {
    json_schema(model, &options(mode, profile, unknown)).unwrap_or_else(|e| panic!("{}: {}", model.id, e.message()))
}

fn prop<'a>(schema: &'a Value, name: &str) -> &'a Value {
    let p = &schema["properties"][name];
    assert!(p.is_object(), "no property {name} in {schema}");
    non_null(p)
}

/// A property's own schema when it also allows null (`nulls: absent`: `anyOf: [schema, {type: null}]`).
fn non_null(p: &Value) -> &Value {
    match p.get("anyOf").and_then(Value::as_array).map(Vec::as_slice) {
        Some([inner, null]) if *null == json!({ "type": "null" }) => inner,
        _ => p,
    }
}

/// The bounds a validator enforces: the tightest `minimum` and `maximum` of the schema and of
/// its `allOf` parts.
fn bounds(schema: &Value) -> (Option<i64>, Option<i64>) {
    let mut parts = vec![schema];
    parts.extend(schema.get("allOf").and_then(Value::as_array).into_iter().flatten());
    let min = parts.iter().filter_map(|p| p.get("minimum").and_then(Value::as_i64)).max();
    let max = parts.iter().filter_map(|p| p.get("maximum").and_then(Value::as_i64)).min();
    (min, max)
}

/// Whether the schema or one of its `allOf` parts has `not: {const: 0}`.
fn excludes_zero(schema: &Value) -> bool {
    let mut parts = vec![schema];
    parts.extend(schema.get("allOf").and_then(Value::as_array).into_iter().flatten());
    parts.iter().any(|p| p.get("not") == Some(&json!({ "const": 0 })))
}

#[test]
fn describe_customer_matches_spec() {
    let info = describe(&customer::MODEL);
    assert_eq!(info.id, "customer");
    assert_eq!(info.modes, ["create", "patch"]);
    assert_eq!(info.fields.len(), 27);

    let name = field(&info, "name");
    assert_eq!((name.ty, name.required, name.min_length, name.max_length), ("string", true, None, Some(45)));
    assert_eq!(name.default, None);

    let ip = field(&info, "createdByIP");
    assert_eq!((ip.min_length, ip.max_length), (Some(8), Some(45)), "createdByIP: min 8, max 45");
    assert_eq!(ip.formats, [fmt("ip", "strict", None)]);
    assert!(!ip.required);

    for (f, max) in [("websiteUrl", 255), ("logo", 255)] {
        assert_eq!((field(&info, f).min_length, field(&info, f).max_length), (None, Some(max)), "{f}");
    }
    assert_eq!(field(&info, "websiteUrl").formats, [fmt("url", "strict", None)]);
    assert_eq!(field(&info, "lowBalanceAlertAt").formats, [fmt("date_time", "api", None)]);
    for f in ["adminUserId", "billingUserId", "callRecordingUserId", "supportUserId", "lastAutomaticRefillInvoice"] {
        assert_eq!(field(&info, f).formats, [fmt("object_id", "api", None)], "{f}");
    }

    let bill = field(&info, "defaultBillMethod");
    assert_eq!((bill.ty, bill.required), ("enum", true));
    assert_eq!(bill.default, Some(json!("credit")));
    assert_eq!(bill.enum_values, Some(vec![json!("credit"), json!("paymentmethod")]));

    let status = field(&info, "status");
    assert_eq!((status.ty, status.required), ("enum", false));
    assert_eq!(status.default, Some(json!("active")));
    assert_eq!(status.enum_values, Some(["active", "suspended", "terminated", "fraud"].map(|s| json!(s)).to_vec()));

    // Only name and defaultBillMethod are required.
    let required: Vec<&str> = info.fields.iter().filter(|f| f.required).map(|f| f.name).collect();
    assert_eq!(required, ["name", "defaultBillMethod"]);

    // Defaults of SPEC section 1 (the same table as tests/fixtures/customer-defaults.json).
    let ints = [("credit", 0), ("callForwardingCallLimit", 10), ("automaticRefillAmount", 0), ("lowBalanceAlertAmount", 0)];
    let more = [("lowBalanceAlertCount", 0), ("cdrRetention", 12), ("maxOutboundCallRate", 1)];
    for (f, d) in ints.into_iter().chain(more) {
        assert_eq!((field(&info, f).ty, field(&info, f).default.clone()), ("int32", Some(json!(d))), "{f}");
    }
    let flags = [("internationalCalling", 0), ("callDebug", 0), ("mediaBypass", 0), ("accountLock", 1), ("callRecording", 0)];
    for (f, d) in flags.into_iter().chain([("cnamLookUps", 0), ("holdMusic", 0)]) {
        let fi = field(&info, f);
        assert_eq!((fi.ty, fi.default.clone(), fi.enum_values.clone()), ("flag", Some(json!(d)), Some(vec![json!(0), json!(1)])), "{f}");
    }
    let transcribe = field(&info, "transcribeCalls");
    assert_eq!((transcribe.ty, transcribe.default.clone()), ("flag", None), "transcribeCalls has no default");
}

#[test]
fn describe_create_customer_dto_matches_spec() {
    let info = describe(&create_customer_dto::MODEL);
    assert_eq!(info.modes, ["create", "patch"]);
    assert!(info.fields.iter().all(|f| !f.required), "CreateCustomerDTO has no required fields");

    let check = field(&info, "numberE164CheckEnabled");
    assert_eq!((check.ty, check.default.clone()), ("boolean", Some(json!(true))));

    let number = field(&info, "number");
    assert_eq!((number.min_length, number.max_length), (Some(3), Some(40)), "number: min 3, max 40");
    assert_eq!(number.depends_on, Some("numberE164CheckEnabled"));
    assert_eq!(number.formats, [fmt("e164", "api", Some(true)), fmt("alphanumeric", "api", Some(false))]);

    assert_eq!((field(&info, "extension").max_length, field(&info, "extension").min_length), (Some(10), None));
    assert_eq!(field(&info, "extension").formats, [fmt("dtmf", "strict", None)]);
    for f in ["name", "email", "externalId"] {
        assert_eq!((field(&info, f).min_length, field(&info, f).max_length), (None, Some(40)), "{f}");
    }
    assert_eq!(field(&info, "email").formats, [fmt("email", "strict", None)]);
    assert_eq!(field(&info, "sipUri").formats, [fmt("sip_uri", "strict", None)]);
    assert_eq!(field(&info, "assistantOverrides").ty, "any-object");
}

#[test]
fn describe_patch_customer_matches_spec() {
    let info = describe(&patch_customer::MODEL);
    assert_eq!(info.modes, ["patch"]);
    assert!(info.fields.iter().all(|f| !f.required && f.default.is_none()), "a patch: nothing required, nothing filled in");
    let names: Vec<&str> = info.fields.iter().map(|f| f.name).collect();
    assert_eq!(
        names,
        [
            "customerId",
            "name",
            "parentCustomerId",
            "referenceId",
            "data",
            "tagIds",
            "schedule",
            "overrideBillingSettings",
            "billingSettings",
            "overrideAppSettings",
            "appSettings"
        ]
    );
    // Struct: a map whose values are `Value`, described once in `definitions`.
    let data = field(&info, "data");
    assert_eq!((data.ty, data.reference), ("map", Some("Value")));
    let value: Vec<&str> = info.definitions["Value"].iter().map(|f| f.name).collect();
    assert_eq!(value, ["boolValue", "stringValue", "numberValue", "listValue", "structValue"]);

    let schedule = field(&info, "schedule").fields.as_ref().expect("schedule is an object");
    let rules = schedule.iter().find(|f| f.name == "rules").unwrap();
    let rule = rules.items.as_ref().unwrap().fields.as_ref().unwrap();
    let by_month = rule.iter().find(|f| f.name == "byMonth").unwrap();
    // A range says what it allows, as its error's params do (for a form's hint: "1 to 12").
    let range =
        FormatInfo { params: Params::default().with("min", Param::Int(1)).with("max", Param::Int(12)), ..fmt("range", "strict", None) };
    assert_eq!(by_month.items.as_ref().unwrap().formats, [range]);
    let frequency = rule.iter().find(|f| f.name == "frequency").unwrap();
    let frequencies = ["None", "Secondly", "Minutely", "Hourly", "Daily", "Weekly", "Monthly", "Yearly"];
    assert_eq!(frequency.enum_values, Some(frequencies.map(|s| json!(s)).to_vec()));
}

#[test]
fn json_schema_customer_matches_spec() {
    let m = &customer::MODEL;
    let create = schema(m, Some(Mode::Create), Profile::Strict, Unknown::Reject);
    assert_eq!(create["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(create["$id"], "urn:customer-validation:customer:create:strict");
    assert_eq!(create["type"], "object");
    assert_eq!(create["required"], json!(["name", "defaultBillMethod"]));
    assert_eq!(create["additionalProperties"], json!(false));
    assert_eq!(create.get("minProperties"), None);

    let name = prop(&create, "name");
    assert_eq!((name["type"].clone(), name["maxLength"].clone(), name.get("minLength")), (json!("string"), json!(45), None));
    let ip = prop(&create, "createdByIP");
    assert_eq!((ip["minLength"].clone(), ip["maxLength"].clone()), (json!(8), json!(45)), "createdByIP: min 8, max 45");
    assert_eq!(ip["anyOf"], json!([{ "format": "ipv4" }, { "format": "ipv6" }]));
    assert_eq!(prop(&create, "status")["enum"], json!(["active", "suspended", "terminated", "fraud"]));
    assert_eq!(prop(&create, "status")["default"], json!("active"));
    assert_eq!(prop(&create, "defaultBillMethod")["enum"], json!(["credit", "paymentmethod"]));
    assert_eq!(prop(&create, "defaultBillMethod")["default"], json!("credit"));
    assert_eq!(prop(&create, "accountLock")["default"], json!(1));
    assert_eq!(prop(&create, "accountLock")["enum"], json!([0, 1]));
    assert_eq!(prop(&create, "cdrRetention")["default"], json!(12));
    assert_eq!(prop(&create, "credit"), &json!({ "type": "integer", "minimum": i32::MIN, "maximum": i32::MAX, "default": 0 }));
    assert_eq!(prop(&create, "transcribeCalls").get("default"), None);
    assert_eq!(prop(&create, "adminUserId")["pattern"], "^[0-9a-fA-F]{24}$");
    assert_eq!(prop(&create, "lowBalanceAlertAt")["format"], "date-time");
    assert!(prop(&create, "websiteUrl")["pattern"].is_string(), "strict: websiteUrl is an http(s) URL");

    // api: the strict-only checks are gone, the api ones stay.
    let api = schema(m, Some(Mode::Create), Profile::Api, Unknown::Reject);
    assert_eq!(api["$id"], "urn:customer-validation:customer:create:api");
    let ip = prop(&api, "createdByIP");
    assert_eq!((ip["minLength"].clone(), ip["maxLength"].clone(), ip.get("anyOf")), (json!(8), json!(45), None));
    assert_eq!(prop(&api, "websiteUrl"), &json!({ "type": "string", "maxLength": 255 }));
    assert_eq!(prop(&api, "adminUserId")["pattern"], "^[0-9a-fA-F]{24}$", "ObjectId holds in api too");

    // patch: nothing required, no defaults, not empty.
    let patch = schema(m, Some(Mode::Patch), Profile::Strict, Unknown::Reject);
    assert_eq!(patch["$id"], "urn:customer-validation:customer:patch:strict");
    assert_eq!(patch.get("required"), None);
    assert_eq!(patch["minProperties"], json!(1));
    assert!(patch["properties"].as_object().unwrap().values().all(|p| p.get("default").is_none()));
    assert_eq!(prop(&patch, "name")["maxLength"], json!(45));

    // The default mode of a model that offers create is create.
    assert_eq!(schema(m, None, Profile::Strict, Unknown::Allow), schema(m, Some(Mode::Create), Profile::Strict, Unknown::Allow));
}

#[test]
fn json_schema_create_customer_dto_matches_spec() {
    let m = &create_customer_dto::MODEL;
    let s = schema(m, Some(Mode::Create), Profile::Api, Unknown::Allow);
    assert_eq!(s.get("required"), None, "no required fields");
    assert_eq!(s.get("additionalProperties"), None, "unknown properties allowed");
    assert_eq!(
        prop(&s, "numberE164CheckEnabled"),
        &json!({ "type": "boolean", "description": prop(&s, "numberE164CheckEnabled")["description"], "default": true })
    );
    let number = prop(&s, "number");
    assert_eq!((number["minLength"].clone(), number["maxLength"].clone()), (json!(3), json!(40)));
    assert_eq!(
        s["allOf"],
        json!([{
            "if": { "properties": { "numberE164CheckEnabled": { "const": false } }, "required": ["numberE164CheckEnabled"] },
            "then": { "properties": { "number": { "pattern": r"^\+?[a-zA-Z0-9]+$" } } },
            "else": { "properties": { "number": { "pattern": r"^\+[1-9][0-9]{1,14}$" } } },
        }]),
        "E.164 unless numberE164CheckEnabled is false"
    );
    assert_eq!(prop(&s, "extension"), &json!({ "type": "string", "description": prop(&s, "extension")["description"], "maxLength": 10 }));
    for f in ["name", "email", "externalId"] {
        assert_eq!(prop(&s, f)["maxLength"], json!(40), "{f}");
    }
    assert_eq!(prop(&s, "assistantOverrides")["type"], "object");

    let strict = schema(m, Some(Mode::Create), Profile::Strict, Unknown::Reject);
    assert_eq!(strict["additionalProperties"], json!(false));
    assert_eq!(prop(&strict, "extension")["pattern"], "^[0-9A-D*#]*$");
    assert!(prop(&strict, "email")["pattern"].is_string());
    assert!(prop(&strict, "sipUri")["pattern"].is_string());
    assert_eq!(prop(&s, "sipUri").get("pattern"), None, "sipUri is checked in strict only");
}

#[test]
fn json_schema_patch_customer_matches_spec() {
    let m = &patch_customer::MODEL;
    // create is not offered: the export is the same error as validation's.
    for profile in PROFILES {
        let e = json_schema(m, &options(Some(Mode::Create), *profile, Unknown::Allow)).unwrap_err();
        assert_eq!((e.path.as_str(), e.code.as_str()), ("", "unsupported_mode"));
        assert_eq!(e.message(), "patchCustomer does not support create mode");
    }
    // The default mode is patch.
    let s = schema(m, None, Profile::Strict, Unknown::Reject);
    assert_eq!(s["$id"], "urn:customer-validation:patchCustomer:patch:strict");
    assert_eq!(s, schema(m, Some(Mode::Patch), Profile::Strict, Unknown::Reject));
    assert_eq!(s.get("required"), None);
    // Nulls are as if not sent (issue 15): a patch needs one property that is not null, every
    // property may be null, and so may an undeclared one under reject.
    assert_eq!(s["not"], json!({ "additionalProperties": { "type": "null" } }));
    assert_eq!(s.get("minProperties"), None);
    assert_eq!(s["additionalProperties"], json!({ "type": "null" }));
    assert_eq!(
        s["properties"]["name"],
        json!({ "description": "The name for the customer.", "anyOf": [{ "type": "string" }, { "type": "null" }] })
    );
    let rejecting =
        json_schema(m, &Options { nulls: Some(customer_validation::Nulls::Reject), ..options(None, Profile::Strict, Unknown::Reject) })
            .unwrap();
    assert_eq!((&rejecting["minProperties"], &rejecting["additionalProperties"]), (&json!(1), &json!(false)));
    assert_eq!(rejecting["properties"]["name"], json!({ "type": "string", "description": "The name for the customer." }));

    // Nested objects are in $defs; reject applies to each of them, but minProperties only to the root.
    let defs = s["$defs"].as_object().expect("$defs");
    let names: BTreeSet<&str> = defs.keys().map(String::as_str).collect();
    let expected: BTreeSet<&str> =
        ["AppSettings", "BillingItem", "BillingSettings", "Schedule", "ScheduleDay", "SchedulingRule", "Value"].into();
    assert_eq!(names, expected);
    for (name, def) in defs {
        assert_eq!(def["additionalProperties"], json!({ "type": "null" }), "{name}");
        assert_eq!(def.get("minProperties"), None, "{name}");
        assert_eq!(def.get("required"), None, "{name}");
    }
    // The strict ranges sit beside the int32 bounds (in `allOf`, as both use minimum/maximum):
    // what counts is the range a validator enforces.
    let rule = &defs["SchedulingRule"];
    let int32 = (Some(i32::MIN as i64), Some(i32::MAX as i64));
    for (f, range, signed) in [
        ("byMonth", (1, 12), false),
        ("byHour", (0, 23), false),
        ("byMinute", (0, 59), false),
        ("byWeekNo", (-53, 53), true),
        ("byYearDay", (-366, 366), true),
        ("byMonthDay", (-31, 31), true),
        ("bySetPosition", (-366, 366), true),
    ] {
        let items = &prop(rule, f)["items"];
        assert_eq!(items["type"], "integer", "{f}");
        assert_eq!(bounds(items), (Some(range.0), Some(range.1)), "{f}: strict range");
        assert_eq!(excludes_zero(items), signed, "{f}: 0 excluded");
    }
    for f in ["interval", "count"] {
        assert_eq!(bounds(prop(rule, f)), (Some(0), int32.1), "{f}: strict 0 or more");
    }
    assert_eq!(bounds(prop(&defs["ScheduleDay"], "offset")), (Some(-53), Some(53)));
    assert_eq!(bounds(prop(rule, "priority")), int32);
    assert_eq!(prop(rule, "simpleRuleType")["enum"], json!(["Always", "CustomerState", "Time"]));
    assert_eq!(
        prop(&defs["ScheduleDay"], "dayOfWeek")["enum"],
        json!(["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"])
    );
    assert_eq!(prop(&defs["BillingItem"], "baseCost"), &json!({ "type": "number", "minimum": 0 }));
    assert_eq!(
        s["properties"]["data"],
        json!({ "description": "Data values for this customer.", "anyOf": [{ "type": "object", "additionalProperties": { "$ref": "#/$defs/Value" } }, { "type": "null" }] })
    );

    // api: the ranges are strict only; the int32 bounds stay.
    let api = schema(m, None, Profile::Api, Unknown::Allow);
    let rule = &api["$defs"]["SchedulingRule"];
    for f in ["byMonth", "byWeekNo", "bySetPosition"] {
        assert_eq!(bounds(&prop(rule, f)["items"]), int32, "{f} api");
        assert!(!excludes_zero(&prop(rule, f)["items"]), "{f} api");
    }
    assert_eq!(bounds(prop(rule, "interval")), int32);
    assert_eq!(prop(&api["$defs"]["BillingItem"], "baseCost").get("minimum"), None);
    assert_eq!(prop(rule, "startDate").get("format"), None);
    assert_eq!(api["$defs"]["Schedule"].get("additionalProperties"), None);
}

/// Allow and strip differ in the normalized value only; reject adds `additionalProperties: false`
/// to every object of the schema (the root and each of `$defs`) and changes nothing else.
#[test]
fn json_schema_unknown_policy() {
    fn strip_additional(v: &mut Value) {
        if let Value::Object(o) = v {
            let declared = o.contains_key("properties");
            if matches!(o.get("additionalProperties"), Some(a) if *a == json!(false) || (declared && *a == json!({ "type": "null" }))) {
                o.remove("additionalProperties");
            }
            o.values_mut().for_each(strip_additional);
        } else if let Value::Array(a) = v {
            a.iter_mut().for_each(strip_additional);
        }
    }
    for model in models::ALL {
        for &(_, mode) in MODES {
            for &profile in PROFILES {
                let opts = |u| options(mode, profile, u);
                let (Ok(allow), Ok(strip), Ok(mut reject)) = (
                    json_schema(model, &opts(Unknown::Allow)),
                    json_schema(model, &opts(Unknown::Strip)),
                    json_schema(model, &opts(Unknown::Reject)),
                ) else {
                    assert!(model.id == "patchCustomer" && mode == Some(Mode::Create), "{}: unexpected error", model.id);
                    continue;
                };
                assert_eq!(allow, strip, "{}", model.id);
                // Under nulls absent (patchCustomer's default) a null undeclared property is not sent: allowed.
                let refused = if model.nulls == customer_validation::Nulls::Absent { json!({ "type": "null" }) } else { json!(false) };
                assert_eq!(reject["additionalProperties"], refused, "{}", model.id);
                assert!(!allow.to_string().contains(r#""additionalProperties":false"#), "{}", model.id);
                strip_additional(&mut reject);
                assert_eq!(reject, allow, "{}: reject changes only additionalProperties", model.id);
            }
        }
    }
}

/// The two exports state the same lengths, requirements and enums for every field, nested
/// ones included: a bound swapped or dropped in one of them fails here.
#[test]
fn describe_and_json_schema_agree() {
    fn walk(model: &str, path: &str, fields: &[FieldInfo], object: &Value, root: &Value) {
        let object = resolve(object, root);
        let required = object.get("required").cloned().unwrap_or(json!([]));
        for f in fields {
            let at = format!("{model}{path}/{}", f.name);
            let p = resolve(non_null(&object["properties"][f.name]), root);
            assert!(p.is_object(), "{at}: in describe, not in the schema");
            assert_eq!(p.get("minLength").and_then(Value::as_u64), f.min_length.map(|n| n as u64), "{at}: minLength");
            assert_eq!(p.get("maxLength").and_then(Value::as_u64), f.max_length.map(|n| n as u64), "{at}: maxLength");
            assert_eq!(required.as_array().unwrap().contains(&json!(f.name)), f.required, "{at}: required");
            assert_eq!(p.get("default").cloned(), f.default, "{at}: default");
            if f.ty == "enum" || f.ty == "flag" {
                assert_eq!(p.get("enum").cloned(), f.enum_values.clone().map(Value::Array), "{at}: enum");
            }
            if let Some(nested) = &f.fields {
                walk(model, &format!("{path}/{}", f.name), nested, p, root);
            }
            if let (Some(item), Some(items)) = (&f.items, p.get("items")) {
                if let Some(nested) = &item.fields {
                    walk(model, &format!("{path}/{}/items", f.name), nested, items, root);
                }
            }
        }
        assert_eq!(object["properties"].as_object().unwrap().len(), fields.len(), "{model}{path}: field count");
    }
    fn resolve<'a>(v: &'a Value, root: &'a Value) -> &'a Value {
        match v.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
            Some(name) => &root["$defs"][name],
            None => v,
        }
    }
    for model in models::ALL {
        let info = describe(model);
        // Create mode where offered: the mode with required flags and defaults.
        let s = schema(model, None, Profile::Strict, Unknown::Allow);
        walk(model.id, "", &info.fields, &s, &s);
        for (name, fields) in &info.definitions {
            walk(model.id, &format!("#{name}"), fields, &s["$defs"][*name], &s);
        }
    }
}
