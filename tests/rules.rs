//! Every rule of SPEC.md sections 1 and 2 at its boundaries, in both profiles and modes,
//! with the exact `(path, code)` expected.
#![cfg(not(target_arch = "wasm32"))]

use customer_validation::models::{create_customer_dto, customer, patch_customer};
use customer_validation::{validate_json, Mode, Model, Options, Profile, Unknown};
use serde_json::{json, Value};

fn opts(mode: Mode, profile: Profile) -> Options {
    Options { mode: Some(mode), profile, ..Options::default() }
}

fn errors(model: &'static Model, input: Value, options: &Options) -> Vec<(String, &'static str)> {
    validate_json(model, &input, options).errors.into_iter().map(|e| (e.path, e.code.as_str())).collect()
}

fn e(path: &str, code: &'static str) -> (String, &'static str) {
    (path.to_string(), code)
}

const BOTH: [Profile; 2] = [Profile::Strict, Profile::Api];
const MODES: [Mode; 2] = [Mode::Create, Mode::Patch];

/// Checks one field of the Customer model in every profile and mode (name is added in create mode).
fn customer_field(field: &str, value: Value, expected: &[(&str, &'static str)], profiles: &[Profile]) {
    for profile in profiles {
        for mode in MODES {
            let mut input = json!({ field: value.clone() });
            if mode == Mode::Create && field != "name" {
                input["name"] = json!("Acme");
            }
            let want: Vec<_> = expected.iter().map(|(p, c)| e(p, c)).collect();
            assert_eq!(errors(&customer::MODEL, input, &opts(mode, *profile)), want, "{field}={value} {profile:?} {mode:?}");
        }
    }
}

fn dto_field(field: &str, value: Value, expected: &[(&str, &'static str)], profiles: &[Profile]) {
    for profile in profiles {
        for mode in MODES {
            let want: Vec<_> = expected.iter().map(|(p, c)| e(p, c)).collect();
            let got = errors(&create_customer_dto::MODEL, json!({ field: value.clone() }), &opts(mode, *profile));
            assert_eq!(got, want, "{field}={value} {profile:?} {mode:?}");
        }
    }
}

fn emoji(n: usize) -> Value {
    json!("😀".repeat(n))
}

// ---------- Customers ----------

#[test]
fn customer_name_counts_code_points() {
    customer_field("name", emoji(44), &[], &BOTH);
    customer_field("name", emoji(45), &[], &BOTH);
    customer_field("name", emoji(46), &[("/name", "max_length")], &BOTH);
    customer_field("name", json!("e\u{301}".repeat(22) + "e"), &[], &BOTH); // 45 code points
    customer_field("name", json!("e\u{301}".repeat(23)), &[("/name", "max_length")], &BOTH); // 46
    customer_field("name", json!(""), &[], &BOTH);
    customer_field("name", json!(45), &[("/name", "type")], &BOTH);
    customer_field("name", Value::Null, &[("/name", "type")], &BOTH);
}

#[test]
fn customer_name_required_only_in_create() {
    for profile in BOTH {
        assert_eq!(errors(&customer::MODEL, json!({}), &opts(Mode::Create, profile)), vec![e("/name", "required")]);
        assert_eq!(errors(&customer::MODEL, json!({ "status": "active" }), &opts(Mode::Patch, profile)), vec![]);
        assert_eq!(errors(&customer::MODEL, json!({}), &opts(Mode::Patch, profile)), vec![e("", "min_properties")]);
    }
}

#[test]
fn customer_enums() {
    for s in ["active", "suspended", "terminated", "fraud"] {
        customer_field("status", json!(s), &[], &BOTH);
    }
    customer_field("status", json!("Active"), &[("/status", "enum")], &BOTH);
    customer_field("status", json!(""), &[("/status", "enum")], &BOTH);
    customer_field("status", json!(1), &[("/status", "type")], &BOTH);
    for s in ["credit", "paymentmethod"] {
        customer_field("defaultBillMethod", json!(s), &[], &BOTH);
    }
    customer_field("defaultBillMethod", json!("card"), &[("/defaultBillMethod", "enum")], &BOTH);
}

#[test]
fn customer_url_and_logo_lengths() {
    let url = |n: usize| json!(format!("https://example.com/{}", "a".repeat(n - 20)));
    customer_field("websiteUrl", url(254), &[], &BOTH);
    customer_field("websiteUrl", url(255), &[], &BOTH);
    customer_field("websiteUrl", url(256), &[("/websiteUrl", "max_length")], &BOTH);
    customer_field("websiteUrl", json!("example.com"), &[("/websiteUrl", "url")], &[Profile::Strict]);
    customer_field("websiteUrl", json!("example.com"), &[], &[Profile::Api]);
    customer_field("websiteUrl", json!("ftp://example.com"), &[("/websiteUrl", "url")], &[Profile::Strict]);
    customer_field("websiteUrl", json!("http://example.com:8080/p?q=1#f"), &[], &BOTH);
    customer_field("logo", json!("😀".repeat(255)), &[], &BOTH);
    customer_field("logo", json!("😀".repeat(256)), &[("/logo", "max_length")], &BOTH);
}

const INT_FIELDS: [&str; 7] = [
    "credit",
    "callForwardingCallLimit",
    "automaticRefillAmount",
    "lowBalanceAlertAmount",
    "lowBalanceAlertCount",
    "cdrRetention",
    "maxOutboundCallRate",
];

#[test]
fn customer_int32_bounds() {
    for f in INT_FIELDS {
        let path = format!("/{f}");
        customer_field(f, json!(-2147483648i64), &[], &BOTH);
        customer_field(f, json!(2147483647i64), &[], &BOTH);
        customer_field(f, json!(0), &[], &BOTH);
        customer_field(f, json!(3.0), &[], &BOTH);
        customer_field(f, json!(2147483648i64), &[(&path, "int32")], &BOTH);
        customer_field(f, json!(-2147483649i64), &[(&path, "int32")], &BOTH);
        customer_field(f, json!(1.5), &[(&path, "int32")], &BOTH);
        customer_field(f, json!(1e300), &[(&path, "int32")], &BOTH);
        customer_field(f, json!("3"), &[(&path, "type")], &BOTH);
        customer_field(f, json!(true), &[(&path, "type")], &BOTH);
        customer_field(f, Value::Null, &[(&path, "type")], &BOTH);
    }
}

const FLAG_FIELDS: [&str; 9] = [
    "internationalCalling",
    "callDebug",
    "mediaBypass",
    "accountLock",
    "callRecording",
    "cnamLookUps",
    "holdMusic",
    "transcribeCalls",
    "callDebug",
];

#[test]
fn customer_flags() {
    for f in FLAG_FIELDS {
        let path = format!("/{f}");
        customer_field(f, json!(0), &[], &BOTH);
        customer_field(f, json!(1), &[], &BOTH);
        customer_field(f, json!(1.0), &[], &BOTH);
        customer_field(f, json!(2), &[(&path, "enum")], &BOTH);
        customer_field(f, json!(-1), &[(&path, "enum")], &BOTH);
        customer_field(f, json!(0.5), &[(&path, "int32")], &BOTH);
        customer_field(f, json!(true), &[(&path, "type")], &BOTH);
        // Seed 001 shows "1"/"0" strings; every typed client sends ints.
        customer_field(f, json!("1"), &[(&path, "type")], &BOTH);
    }
}

const OBJECT_ID_FIELDS: [&str; 5] = ["adminUserId", "billingUserId", "callRecordingUserId", "supportUserId", "lastAutomaticRefillInvoice"];

#[test]
fn customer_object_ids() {
    for f in OBJECT_ID_FIELDS {
        let path = format!("/{f}");
        customer_field(f, json!("0123456789abcdef01234567"), &[], &BOTH);
        customer_field(f, json!("0123456789ABCDEF01234567"), &[], &BOTH);
        customer_field(f, json!("0123456789abcdef0123456"), &[(&path, "object_id")], &BOTH); // 23
        customer_field(f, json!("0123456789abcdef012345678"), &[(&path, "object_id")], &BOTH); // 25
        customer_field(f, json!("0123456789abcdef0123456g"), &[(&path, "object_id")], &BOTH);
        customer_field(f, json!(""), &[(&path, "object_id")], &BOTH);
        customer_field(f, json!(12), &[(&path, "type")], &BOTH);
    }
}

#[test]
fn customer_date_time() {
    for ok in ["2024-05-01T12:00:00Z", "2024-02-29T23:59:59.999+05:30", "2024-05-01t12:00:00z"] {
        customer_field("lowBalanceAlertAt", json!(ok), &[], &BOTH);
    }
    for bad in ["2024-05-01", "2024-05-01T12:00:00", "2023-02-29T00:00:00Z", "2024-05-01 12:00:00Z", "2024-05-01T25:00:00Z", "yesterday"] {
        customer_field("lowBalanceAlertAt", json!(bad), &[("/lowBalanceAlertAt", "date_time")], &BOTH);
    }
}

#[test]
fn customer_created_by_ip() {
    // The upstream min 8 refuses short real addresses in both profiles.
    customer_field("createdByIP", json!("1.1.1.1"), &[("/createdByIP", "min_length")], &BOTH);
    customer_field("createdByIP", json!("::1"), &[("/createdByIP", "min_length")], &BOTH);
    customer_field("createdByIP", json!("10.0.0.1"), &[], &BOTH);
    let longest = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"; // 45
    assert_eq!(longest.len(), 45);
    customer_field("createdByIP", json!(longest), &[], &BOTH);
    customer_field(
        "createdByIP",
        json!(format!("{longest}5")),
        &[("/createdByIP", "max_length"), ("/createdByIP", "ip")],
        &[Profile::Strict],
    );
    customer_field("createdByIP", json!(format!("{longest}5")), &[("/createdByIP", "max_length")], &[Profile::Api]);
    customer_field("createdByIP", json!("abcdefgh"), &[("/createdByIP", "ip")], &[Profile::Strict]);
    customer_field("createdByIP", json!("abcdefgh"), &[], &[Profile::Api]);
    customer_field("createdByIP", json!("256.0.0.1"), &[("/createdByIP", "ip")], &[Profile::Strict]);
    customer_field("createdByIP", json!("2001:db8::1"), &[], &BOTH);
}

#[test]
fn customer_defaults_and_required_after_defaults() {
    let out = validate_json(&customer::MODEL, &json!({ "name": "Acme", "credit": 7 }), &Options::create());
    let value = out.value.unwrap();
    let expected = json!({
        "name": "Acme", "status": "active", "credit": 7, "callForwardingCallLimit": 10, "automaticRefillAmount": 0,
        "lowBalanceAlertAmount": 0, "lowBalanceAlertCount": 0, "internationalCalling": 0, "callDebug": 0,
        "mediaBypass": 0, "accountLock": 1, "callRecording": 0, "cdrRetention": 12, "cnamLookUps": 0,
        "holdMusic": 0, "maxOutboundCallRate": 1, "defaultBillMethod": "credit"
    });
    assert_eq!(value, expected);
    assert!(value.get("transcribeCalls").is_none(), "transcribeCalls has no default");
    let patched = validate_json(&customer::MODEL, &json!({ "credit": 7 }), &Options::patch()).value.unwrap();
    assert_eq!(patched, json!({ "credit": 7 }));
}

#[test]
fn customer_root_must_be_object() {
    for input in [json!(null), json!([]), json!("x"), json!(1), json!(true)] {
        for mode in MODES {
            assert_eq!(errors(&customer::MODEL, input.clone(), &opts(mode, Profile::Strict)), vec![e("", "type")]);
        }
    }
}

// ---------- CreateCustomerDTO ----------

#[test]
fn dto_number_e164() {
    dto_field("number", json!("+14155551234"), &[], &BOTH);
    dto_field("number", json!("+001234567890"), &[("/number", "e164")], &BOTH);
    dto_field("number", json!("+0"), &[("/number", "min_length"), ("/number", "e164")], &BOTH);
    dto_field("number", json!("+12"), &[], &BOTH);
    dto_field("number", json!("+123456789012345"), &[], &BOTH); // 15 digits
    dto_field("number", json!("+1234567890123456"), &[("/number", "e164")], &BOTH); // 16 digits
    dto_field("number", json!("14155551234"), &[("/number", "e164")], &BOTH);
    dto_field("number", json!("+1 415 555 1234"), &[("/number", "e164")], &BOTH);
    dto_field("number", json!(14155551234i64), &[("/number", "type")], &BOTH);
}

#[test]
fn dto_number_without_e164_check() {
    for profile in BOTH {
        for mode in MODES {
            let o = opts(mode, profile);
            let check =
                |number: Value| errors(&create_customer_dto::MODEL, json!({ "numberE164CheckEnabled": false, "number": number }), &o);
            assert_eq!(check(json!("+001234567890")), vec![]);
            assert_eq!(check(json!("abc")), vec![]);
            assert_eq!(check(json!("ab")), vec![e("/number", "min_length")]);
            assert_eq!(check(json!("a".repeat(40))), vec![]);
            assert_eq!(check(json!("a".repeat(41))), vec![e("/number", "max_length")]);
            assert_eq!(check(json!("ab-c")), vec![e("/number", "alphanumeric")]);
            assert_eq!(check(json!("++abc")), vec![e("/number", "alphanumeric")]);
            assert_eq!(check(json!("😀😀😀")), vec![e("/number", "alphanumeric")]);
            // An explicit true is the same as absent.
            let on = errors(&create_customer_dto::MODEL, json!({ "numberE164CheckEnabled": true, "number": "abc" }), &o);
            assert_eq!(on, vec![e("/number", "e164")]);
        }
    }
}

#[test]
fn dto_string_lengths() {
    for f in ["name", "externalId", "email"] {
        let path = format!("/{f}");
        let strict_only: &[Profile] = if f == "email" { &[Profile::Api] } else { &BOTH };
        dto_field(f, emoji(39), &[], strict_only);
        dto_field(f, emoji(40), &[], strict_only);
        dto_field(f, emoji(41), &[(&path, "max_length")], strict_only);
    }
    dto_field("email", json!(format!("{}@example.com", "a".repeat(28))), &[], &BOTH); // 40
    dto_field("email", json!(format!("{}@example.com", "a".repeat(29))), &[("/email", "max_length")], &BOTH); // 41
    dto_field("extension", json!("0123456789"), &[], &BOTH);
    dto_field("extension", json!("01234567890"), &[("/extension", "max_length")], &[Profile::Api]);
    dto_field("extension", json!("01234567890"), &[("/extension", "max_length")], &[Profile::Strict]);
}

#[test]
fn dto_strict_formats() {
    dto_field("extension", json!("12*#ABCD"), &[], &BOTH);
    dto_field("extension", json!("12a"), &[("/extension", "dtmf")], &[Profile::Strict]);
    dto_field("extension", json!("12a"), &[], &[Profile::Api]);
    dto_field("email", json!("first.last+tag@example.co.uk"), &[], &BOTH);
    for bad in ["plainaddress", "a@", "@example.com", "a b@example.com", "a@-example.com", "a@example..com"] {
        dto_field("email", json!(bad), &[("/email", "email")], &[Profile::Strict]);
        dto_field("email", json!(bad), &[], &[Profile::Api]);
    }
    dto_field("email", json!("a@localhost"), &[], &BOTH); // WHATWG accepts dotless domains
    dto_field("sipUri", json!("sip:alice@example.com"), &[], &BOTH);
    dto_field("sipUri", json!("sips:+14155551234@10.0.0.1:5061;transport=tls"), &[], &BOTH);
    for bad in ["alice@example.com", "tel:+14155551234", "sip:", "http://example.com"] {
        dto_field("sipUri", json!(bad), &[("/sipUri", "sip_uri")], &[Profile::Strict]);
        dto_field("sipUri", json!(bad), &[], &[Profile::Api]);
    }
}

#[test]
fn dto_types() {
    dto_field("numberE164CheckEnabled", json!(true), &[], &BOTH);
    dto_field("numberE164CheckEnabled", json!("true"), &[("/numberE164CheckEnabled", "type")], &BOTH);
    dto_field("numberE164CheckEnabled", json!(1), &[("/numberE164CheckEnabled", "type")], &BOTH);
    dto_field("assistantOverrides", json!({ "anything": [1, { "deep": null }] }), &[], &BOTH);
    dto_field("assistantOverrides", json!([]), &[("/assistantOverrides", "type")], &BOTH);
    dto_field("assistantOverrides", Value::Null, &[("/assistantOverrides", "type")], &BOTH);
    dto_field("sipUri", Value::Null, &[("/sipUri", "type")], &BOTH);
}

#[test]
fn dto_modes() {
    let created = validate_json(&create_customer_dto::MODEL, &json!({}), &Options::create());
    assert_eq!(created.value.unwrap(), json!({ "numberE164CheckEnabled": true }));
    assert_eq!(errors(&create_customer_dto::MODEL, json!({}), &Options::patch()), vec![e("", "min_properties")]);
    let patched = validate_json(&create_customer_dto::MODEL, &json!({ "name": "x" }), &Options::patch());
    assert_eq!(patched.value.unwrap(), json!({ "name": "x" }));
}

// ---------- options ----------

#[test]
fn unknown_properties() {
    let input = json!({ "name": "a", "zzz": 1, "a/b~c": 2 });
    let with = |unknown| Options { unknown, mode: Some(Mode::Patch), ..Options::default() };
    let allowed = validate_json(&customer::MODEL, &input, &with(Unknown::Allow)).value.unwrap();
    assert_eq!(allowed, json!({ "name": "a", "zzz": 1, "a/b~c": 2 }));
    let stripped = validate_json(&customer::MODEL, &input, &with(Unknown::Strip)).value.unwrap();
    assert_eq!(stripped, json!({ "name": "a" }));
    assert_eq!(
        errors(&customer::MODEL, input, &with(Unknown::Reject)),
        vec![e("/zzz", "unknown_property"), e("/a~1b~0c", "unknown_property")] // in input order
    );
    // Only unknown keys, stripped: nothing is left to patch.
    assert_eq!(errors(&customer::MODEL, json!({ "zzz": 1 }), &with(Unknown::Strip)), vec![e("", "min_properties")]);
}

#[test]
fn coercion_of_form_strings() {
    let coerce = |mode| Options { coerce: true, mode: Some(mode), ..Options::default() };
    let out = validate_json(&customer::MODEL, &json!({ "name": "a", "credit": "-42", "holdMusic": "1", "logo": "" }), &coerce(Mode::Patch));
    assert_eq!(out.value.unwrap(), json!({ "name": "a", "credit": -42, "holdMusic": 1 }));
    for bad in ["1.5", "1e3", "+1", " 1", "0x10", "abc"] {
        assert_eq!(errors(&customer::MODEL, json!({ "credit": bad }), &coerce(Mode::Patch)), vec![e("/credit", "type")], "{bad}");
    }
    assert_eq!(errors(&customer::MODEL, json!({ "credit": "2147483648" }), &coerce(Mode::Patch)), vec![e("/credit", "int32")]);
    assert_eq!(errors(&customer::MODEL, json!({ "holdMusic": "2" }), &coerce(Mode::Patch)), vec![e("/holdMusic", "enum")]);
    // "" is absent: required in create, and an all-empty patch is empty.
    assert_eq!(errors(&customer::MODEL, json!({ "name": "" }), &coerce(Mode::Create)), vec![e("/name", "required")]);
    assert_eq!(errors(&customer::MODEL, json!({ "logo": "" }), &coerce(Mode::Patch)), vec![e("", "min_properties")]);
    let dto =
        validate_json(&create_customer_dto::MODEL, &json!({ "numberE164CheckEnabled": "false", "number": "abc" }), &coerce(Mode::Create));
    assert_eq!(dto.value.unwrap(), json!({ "numberE164CheckEnabled": false, "number": "abc" }));
    assert_eq!(
        errors(&create_customer_dto::MODEL, json!({ "numberE164CheckEnabled": "False" }), &coerce(Mode::Create)),
        vec![e("/numberE164CheckEnabled", "type")]
    );
    // Without coercion, none of it happens.
    assert_eq!(errors(&customer::MODEL, json!({ "credit": "1" }), &Options::patch()), vec![e("/credit", "type")]);
}

fn out_value(n: f64) -> Value {
    json!({ "billingSettings": { "aiMessages": { "unitCost": n } } })
}
fn out_text(n: f64) -> String {
    out_value(n).to_string()
}

#[test]
fn coercion_of_decimal_form_strings() {
    let coerce = Options { coerce: true, ..Options::patch() };
    let cost = |v: &str| json!({ "billingSettings": { "aiMessages": { "unitCost": v } } });
    for (text, n) in [("0.012", 0.012), ("12.50", 12.5), ("3", 3.0), ("007", 7.0), ("0", 0.0)] {
        let out = validate_json(&patch_customer::MODEL, &cost(text), &coerce);
        assert!(out.errors.is_empty(), "{text}: {:?}", out.errors.iter().map(|e| e.message()).collect::<Vec<_>>());
        assert_eq!(out.value.unwrap()["billingSettings"]["aiMessages"]["unitCost"], json!(n), "{text}");
        // The bulk path writes the text of what the Value path holds.
        let batch = customer_validation::bulk::validate_ndjson(
            &patch_customer::MODEL,
            cost(text).to_string().as_bytes(),
            1,
            &coerce,
            Default::default(),
        );
        assert_eq!(String::from_utf8(batch.normalized).unwrap(), format!("{}\n", out_text(n)), "{text}");
    }
    // A decimal comma is never read as something else: it is a type error, as are the rest.
    let nines = "9".repeat(400);
    for bad in ["0,012", "1e3", ".5", "5.", "+1", " 1", "1 000", "-", "", "NaN", "Infinity", nines.as_str()] {
        // ("" is a field left empty: absent, so this patch sets an empty aiMessages.)
        let expected = if bad.is_empty() { vec![] } else { vec![e("/billingSettings/aiMessages/unitCost", "type")] };
        assert_eq!(errors(&patch_customer::MODEL, cost(bad), &coerce), expected, "{bad:?}");
    }
    let api = Options { profile: Profile::Api, ..coerce.clone() };
    assert_eq!(validate_json(&patch_customer::MODEL, &cost("-3"), &api).value.unwrap(), out_value(-3.0));
    // The number then meets its rules like any other (strict: 0 or more).
    assert_eq!(errors(&patch_customer::MODEL, cost("-0.5"), &coerce), vec![e("/billingSettings/aiMessages/unitCost", "non_negative")]);
    assert_eq!(errors(&patch_customer::MODEL, cost("0.012"), &Options::patch()), vec![e("/billingSettings/aiMessages/unitCost", "type")]);
}

#[test]
fn messages_and_params() {
    let out = validate_json(&customer::MODEL, &json!({ "name": "😀".repeat(46), "status": "x" }), &Options::create());
    let first = &out.errors[0];
    assert_eq!(first.message(), "must be at most 45 characters long (it has 46)");
    assert_eq!(
        serde_json::to_value(first).unwrap(),
        json!({
            "path": "/name", "code": "max_length", "message": "must be at most 45 characters long (it has 46)",
            "params": { "max": 45, "actual": 46 }
        })
    );
    assert_eq!(out.errors[1].message(), "must be one of: active, suspended, terminated, fraud");
}

#[test]
fn validate_str_reports_json_errors() {
    let out = customer_validation::validate_str(&customer::MODEL, "{\"name\": ", &Options::create());
    assert_eq!(out.errors.len(), 1);
    assert_eq!(out.errors[0].code.as_str(), "json");
    assert!(out.errors[0].params.get("line").is_some());
}

/// Vapi's `squadOverrides` (its OpenAPI document of 2026-07-30 on): any object, as `assistantOverrides`.
#[test]
fn dto_squad_overrides_is_any_object() {
    for overrides in ["assistantOverrides", "squadOverrides"] {
        dto_field(overrides, json!({ "firstMessage": "Hi", "variableValues": { "a": [1, { "b": null }] } }), &[], &BOTH);
        dto_field(overrides, json!({}), &[], &BOTH);
        let expected = [(&*format!("/{overrides}"), "type")];
        for bad in [json!([]), json!("x"), json!(1), json!(null)] {
            dto_field(overrides, bad, &expected, &BOTH);
        }
    }
    let out = validate_json(&create_customer_dto::MODEL, &json!({ "number": "+14155551234", "squadOverrides": { "x": 1 } }), &Options::create());
    assert_eq!(out.value.unwrap()["squadOverrides"], json!({ "x": 1 }));
}

/// Which upstream version each model follows, in describe() and the JSON Schema.
#[test]
fn upstream_versions_are_stated() {
    let dto = customer_validation::json_schema::json_schema(&create_customer_dto::MODEL, &Options::create()).unwrap();
    assert_eq!(dto["x-upstream"]["api"], "Vapi");
    assert!(dto["x-upstream"]["version"].as_str().unwrap().contains("2026-07-30"));
    let circuit = customer_validation::describe::describe(&customer::MODEL);
    assert!(circuit.upstream_version.contains("0.47.20") && circuit.upstream_version.contains("0.47.22 dropped status"));
    assert!(customer_validation::describe::describe(&patch_customer::MODEL).upstream_version.contains("ServiceStack"));
}
