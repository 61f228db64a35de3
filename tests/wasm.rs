//! The JS facade inside a real JS engine: run by `wasm-pack test --node` and, with
//! WASM_BINDGEN_USE_BROWSER=1, by `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use customer_validation::wasm::{
    describe, json_schema_js, models, validate_any, validate_create_customer_dto, validate_customer, validate_field,
    validate_patch_customer,
};
use js_sys::{Array, Function, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn js(source: &str) -> JsValue {
    Function::new_no_args(&format!("return ({source});")).call0(&JsValue::NULL).expect("test fixture evaluates")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// `[path, code]` of each error, in order.
fn errors(result: &JsValue) -> Vec<(String, String)> {
    let list: Array = if Array::is_array(result) { result.clone().into() } else { get(result, "errors").into() };
    list.iter().map(|e| (get(&e, "path").as_string().unwrap(), get(&e, "code").as_string().unwrap())).collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(p, c)| (p.to_string(), c.to_string())).collect()
}

fn valid(result: &JsValue) -> bool {
    get(result, "valid").as_bool().unwrap()
}

fn json(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().as_string().unwrap()
}

/// After hostile input, the module must still give normal answers.
fn still_works() {
    let r = validate_customer(js("{ name: 'Acme' }"), None);
    assert!(valid(&r));
    assert_eq!(json(&get(&get(&r, "value"), "defaultBillMethod")), "\"credit\"");
}

#[wasm_bindgen_test]
fn e164_error_at_number() {
    let r = validate_create_customer_dto(js("{ number: '+001234567890' }"), None);
    assert!(!valid(&r));
    assert_eq!(errors(&r), pairs(&[("/number", "e164")]));
    let first = Array::from(&get(&r, "errors")).get(0);
    assert_eq!(get(&first, "message").as_string().unwrap(), "must be an E.164 number such as +14155551234");
}

#[wasm_bindgen_test]
fn create_fills_every_default() {
    let r = validate_customer(js("{ name: 'Acme' }"), Some(js("{ mode: 'create' }")));
    assert!(valid(&r));
    assert_eq!(
        json(&get(&r, "value")),
        r#"{"name":"Acme","status":"active","credit":0,"callForwardingCallLimit":10,"automaticRefillAmount":0,"lowBalanceAlertAmount":0,"lowBalanceAlertCount":0,"internationalCalling":0,"callDebug":0,"mediaBypass":0,"accountLock":1,"callRecording":0,"cdrRetention":12,"cnamLookUps":0,"holdMusic":0,"maxOutboundCallRate":1,"defaultBillMethod":"credit"}"#
    );
}

#[wasm_bindgen_test]
fn patch_fills_nothing_and_refuses_empty() {
    let r = validate_customer(js("{ credit: 5 }"), Some(js("{ mode: 'patch' }")));
    assert_eq!(json(&get(&r, "value")), r#"{"credit":5}"#);
    assert_eq!(errors(&validate_customer(js("{}"), Some(js("{ mode: 'patch' }")))), pairs(&[("", "min_properties")]));
}

#[wasm_bindgen_test]
fn wrong_shapes_are_type_errors() {
    for input in ["null", "undefined", "[1, 2]", "'text'", "42", "NaN", "() => 1", "Symbol('s')", "10n"] {
        assert_eq!(errors(&validate_customer(js(input), None)), pairs(&[("", "type")]), "{input}");
    }
    let r = validate_customer(js("{ name: 'a', credit: NaN, callDebug: Infinity, status: null, logo: {} }"), None);
    assert_eq!(errors(&r), pairs(&[("/status", "type"), ("/logo", "type"), ("/credit", "type"), ("/callDebug", "type")]));
    still_works();
}

#[wasm_bindgen_test]
fn int32_bounds_from_js_numbers() {
    let ok = validate_customer(js("{ name: 'a', credit: -2147483648, cdrRetention: 2147483647, maxOutboundCallRate: 3.0 }"), None);
    assert!(valid(&ok));
    let bad = validate_customer(js("{ name: 'a', credit: -2147483649, cdrRetention: 2147483648, maxOutboundCallRate: 1.5 }"), None);
    assert_eq!(errors(&bad), pairs(&[("/credit", "int32"), ("/cdrRetention", "int32"), ("/maxOutboundCallRate", "int32")]));
}

#[wasm_bindgen_test]
fn proto_keys_are_data_not_prototypes() {
    let input = js(r#"JSON.parse('{"name":"a","__proto__":{"polluted":true}}')"#);
    let r = validate_customer(input, None);
    let value = get(&r, "value");
    assert_eq!(json(&get(&value, "__proto__")), r#"{"polluted":true}"#);
    assert!(get(&value, "polluted").is_undefined(), "the prototype of the value was changed");
    assert!(get(&js("({})"), "polluted").is_undefined(), "Object.prototype was changed");
    let rejected = validate_customer(js(r#"JSON.parse('{"name":"a","__proto__":1}')"#), Some(js("{ unknown: 'reject' }")));
    assert_eq!(errors(&rejected), pairs(&[("/__proto__", "unknown_property")]));
}

#[wasm_bindgen_test]
fn huge_and_deep_inputs() {
    let r = validate_customer(js("{ name: 'x'.repeat(10 * 1024 * 1024) }"), None);
    assert_eq!(errors(&r), pairs(&[("/name", "max_length")]));
    // Past `MAX_NESTING` (128 levels, the record counting as one), one error each, as for JSON text.
    let deep = js("(() => { let o = {}; for (let i = 0; i < 100000; i++) o = { a: o }; return { number: '+14155551234', assistantOverrides: o, extra: o }; })()");
    assert_eq!(errors(&validate_create_customer_dto(deep, None)), pairs(&[("/assistantOverrides", "max_depth"), ("/extra", "max_depth")]));
    still_works();
}

#[wasm_bindgen_test]
fn throwing_getters_and_proxies() {
    let getter = js("{ name: 'a', get logo() { throw new Error('boom'); } }");
    assert_eq!(errors(&validate_customer(getter, None)), pairs(&[("/logo", "type")]));
    // Keys that cannot be listed: an unreadable object, not an empty one.
    let proxy = js("new Proxy({}, { ownKeys() { throw new Error('boom'); } })");
    assert_eq!(errors(&validate_customer(proxy, Some(js("{ mode: 'patch' }")))), pairs(&[("", "type")]));
    still_works();
}

#[wasm_bindgen_test]
fn bad_options_are_errors_not_exceptions() {
    let r = validate_customer(
        js("{ name: 'a' }"),
        Some(js("{ mode: 'upsert', profile: 1, unknown: 'keep', coerce: 'yes', messages: { nope: 'x' } }")),
    );
    assert_eq!(
        errors(&r),
        pairs(&[("", "invalid_option"), ("", "invalid_option"), ("", "invalid_option"), ("", "invalid_option"), ("", "invalid_option")])
    );
    assert_eq!(errors(&validate_customer(js("{ name: 'a' }"), Some(js("'strict'")))), pairs(&[("", "invalid_option")]));
    assert_eq!(errors(&validate_any(js("'nope'"), js("{}"), None)), pairs(&[("", "unknown_model")]));
}

#[wasm_bindgen_test]
fn custom_message_templates() {
    let r = validate_customer(
        js("{ name: 'é'.repeat(46) }"),
        Some(js("{ messages: { max_length: 'höchstens {max} Zeichen, nicht {actual}' } }")),
    );
    let first = Array::from(&get(&r, "errors")).get(0);
    assert_eq!(get(&first, "message").as_string().unwrap(), "höchstens 45 Zeichen, nicht 46");
    // By a param's value too; a malformed key is an invalid option.
    let words = Some(js("{ coerce: true, messages: { 'type[expected=integer]': 'must be a whole number', type: 'wrong type' } }"));
    let r = validate_customer(js("{ name: 5, credit: '12.5' }"), words);
    let messages: Vec<String> = Array::from(&get(&r, "errors")).iter().map(|e| get(&e, "message").as_string().unwrap()).collect();
    assert_eq!(messages, ["wrong type", "must be a whole number"]);
    let bad = validate_customer(js("{ name: 'a' }"), Some(js("{ messages: { 'type[expected]': 'x' } }")));
    assert_eq!(errors(&bad), pairs(&[("", "invalid_option")]));
}

#[wasm_bindgen_test]
fn coercion_of_form_strings() {
    let opts = || Some(js("{ coerce: true }"));
    let r = validate_customer(js("{ name: 'a', credit: '-12', callDebug: '1', logo: '' }"), opts());
    assert_eq!(json(&get(&get(&r, "value"), "credit")), "-12");
    assert!(get(&get(&r, "value"), "logo").is_undefined());
    let bad = validate_customer(js("{ name: 'a', credit: '1.5', callDebug: 'true' }"), opts());
    assert_eq!(errors(&bad), pairs(&[("/credit", "type"), ("/callDebug", "type")]));
    // Decimal strings in number fields; a decimal comma stays a string.
    let cost = |v: &str| validate_patch_customer(js(&format!("{{ billingSettings: {{ aiMessages: {{ unitCost: '{v}' }} }} }}")), opts());
    assert_eq!(json(&get(&cost("0.012"), "value")), r#"{"billingSettings":{"aiMessages":{"unitCost":0.012}}}"#);
    assert_eq!(errors(&cost("0,012")), pairs(&[("/billingSettings/aiMessages/unitCost", "type")]));
    let dto = validate_create_customer_dto(js("{ numberE164CheckEnabled: 'false', number: 'abc' }"), opts());
    assert_eq!(json(&get(&dto, "value")), r#"{"numberE164CheckEnabled":false,"number":"abc"}"#);
    assert_eq!(errors(&validate_customer(js("{ name: '' }"), opts())), pairs(&[("/name", "required")]));
}

#[wasm_bindgen_test]
fn field_checks_with_context() {
    let off = Some(js("{ context: { numberE164CheckEnabled: false } }"));
    assert_eq!(errors(&validate_field("createCustomerDto".into(), "number".into(), "12ab".into(), off)), pairs(&[]));
    assert_eq!(errors(&validate_field("createCustomerDto".into(), "number".into(), "12ab".into(), None)), pairs(&[("/number", "e164")]));
    assert_eq!(errors(&validate_field("customer".into(), "nope".into(), "x".into(), None)), pairs(&[("", "unknown_field")]));
    assert_eq!(errors(&validate_field("customer".into(), "name".into(), JsValue::UNDEFINED, None)), pairs(&[("/name", "required")]));
}

#[wasm_bindgen_test]
fn describe_schema_and_models() {
    let d = describe("customer".into()).unwrap();
    let fields = Array::from(&get(&d, "fields"));
    assert_eq!(fields.length(), 27);
    assert_eq!(json(&get(&fields.get(0), "maxLength")), "45");
    assert!(describe("nope".into()).is_err());
    let schema = json_schema_js("createCustomerDto".into(), Some(js("{ profile: 'api', mode: 'patch' }"))).unwrap();
    assert_eq!(json(&get(&schema, "minProperties")), "1");
    assert_eq!(json(&models()), r#"["customer","createCustomerDto","patchCustomer"]"#);
}

fn memory_bytes() -> f64 {
    get(&get(&wasm_bindgen::memory(), "buffer"), "byteLength").as_f64().unwrap()
}

#[wasm_bindgen_test]
fn error_paths_do_not_grow_memory() {
    let inputs = [
        js("{ name: 5, credit: 1.5, status: 'x', createdByIP: '1.1.1.1', extra: {} }"),
        js("null"),
        js("{ get name() { throw new Error('x'); } }"),
        js("{ number: '+0', email: 'nope', sipUri: 1 }"),
    ];
    let options = js("{ unknown: 'reject', messages: { type: 'bad {expected}' } }");
    let round = || {
        for input in &inputs {
            validate_customer(input.clone(), Some(options.clone()));
            validate_create_customer_dto(input.clone(), Some(options.clone()));
        }
    };
    for _ in 0..500 {
        round(); // warm up: the allocator reaches its steady state
    }
    let before = memory_bytes();
    for _ in 0..5000 {
        round();
    }
    assert_eq!(memory_bytes(), before, "linear memory grew over 40,000 failing validations");
}

#[wasm_bindgen_test]
fn patch_customer_deep_nesting_is_refused_cleanly() {
    use customer_validation::wasm::validate_patch_customer;
    let deep = js("(() => { let v = {}; for (let i = 0; i < 100000; i++) v = { k: { structValue: v } }; return { data: v }; })()");
    let r = validate_patch_customer(deep, None);
    let path = format!("/data{}", "/k/structValue".repeat(32));
    assert_eq!(errors(&r), vec![(path, "max_depth".to_string())]);
    still_works();
    let ok = validate_patch_customer(js("{ data: { plan: { structValue: { tier: { stringValue: 'gold' } } } } }"), None);
    assert!(valid(&ok));
}

#[wasm_bindgen_test]
fn patch_customer_paths_and_create_mode() {
    use customer_validation::wasm::validate_patch_customer;
    let r = validate_patch_customer(
        js("{ schedule: { rules: [{}, {}, {}, { byDay: [{ dayOfWeek: 'Funday' }] }] }, billingSettings: { aiMessages: { unitCost: -1 } }, data: { plan: { structValue: { tier: { numberValue: 'x' } } } } }"),
        None,
    );
    assert_eq!(
        errors(&r),
        pairs(&[
            ("/data/plan/structValue/tier/numberValue", "type"),
            ("/schedule/rules/3/byDay/0/dayOfWeek", "enum"),
            ("/billingSettings/aiMessages/unitCost", "non_negative"),
        ])
    );
    assert_eq!(errors(&validate_patch_customer(js("{ name: 'x' }"), Some(js("{ mode: 'create' }")))), pairs(&[("", "unsupported_mode")]));
    let sparse = validate_patch_customer(js("{ tagIds: new Array(2 ** 32 - 1) }"), None);
    assert_eq!(errors(&sparse), pairs(&[("/tagIds", "max_items")]));
    still_works();
}

/// Values that JSON would carry differently (or not at all) are reported as they are.
#[wasm_bindgen_test]
fn non_json_values_are_reported_as_they_are() {
    let r = validate_customer(
        js("{ name: 'a', credit: () => 1, logo: new String('x'), lowBalanceAlertAt: new Date(0), callDebug: NaN }"),
        None,
    );
    assert_eq!(errors(&r), pairs(&[("/logo", "type"), ("/credit", "type"), ("/lowBalanceAlertAt", "type"), ("/callDebug", "type")]));
    let first = Array::from(&get(&r, "errors")).get(1);
    assert_eq!(json(&get(&first, "params")), r#"{"expected":"integer","actual":"function"}"#);
    let holes = validate_patch_customer_js("{ tagIds: ['a', , 'b'] }");
    assert_eq!(errors(&holes), pairs(&[("/tagIds/1", "type")]));
    // Non-JSON values with deep nesting: the in-place reader holds them to the same 128 levels.
    let deep = js(
        "(() => { let o = { f: () => 1 }; for (let i = 0; i < 127; i++) o = { a: o }; return { number: '+14155551234', assistantOverrides: o, ok: { a: { f: () => 1 } } }; })()",
    );
    assert_eq!(errors(&validate_create_customer_dto(deep, None)), pairs(&[("/assistantOverrides", "max_depth")]));
    // Same answers both ways for plain data, undefined properties left out.
    let plain = validate_customer(js("{ name: 'a', logo: undefined, extra: { n: [1, null] } }"), Some(js("{ mode: 'patch' }")));
    assert_eq!(json(&get(&plain, "value")), r#"{"name":"a","extra":{"n":[1,null]}}"#);
}

fn validate_patch_customer_js(source: &str) -> JsValue {
    customer_validation::wasm::validate_patch_customer(js(source), None)
}

/// CSV from JS, in one call and as a stream split inside a quoted cell: the mapping, line
/// numbers, coercion on by default, the rejected rows.
#[wasm_bindgen_test]
fn csv_one_call_and_stream() {
    use customer_validation::wasm::{validate_csv, BulkStream};
    let text = "Name,Credit\r\n\"Acme, \"\"Inc\"\"\",5\r\n\"two\nlines\",x\r\n";
    let options = js("{ rejected: true, output: 'values' }");
    let r = validate_csv(JsValue::from_str("customer"), JsValue::from_str(text), Some(options.clone()));
    assert_eq!(
        json(&get(&r, "columns")),
        r#"[{"header":"Name","path":"/name","declared":true},{"header":"Credit","path":"/credit","declared":true}]"#
    );
    assert_eq!(get(&get(&get(&r, "values"), "0"), "credit").as_f64(), Some(5.0));
    let failure = get(&get(&r, "errors"), "0");
    assert_eq!(get(&failure, "line").as_f64(), Some(3.0));
    assert_eq!(get(&failure, "record").as_string().unwrap(), r#"{"name":"two\nlines","credit":"x"}"#);
    assert_eq!(
        get(&r, "rejected").as_string().unwrap(),
        "Name,Credit,errors\r\n\"two\nlines\",x,\"/credit: must be of type integer, not string\"\r\n"
    );
    let mut stream = BulkStream::new("csv", JsValue::from_str("customer"), Some(options));
    let (first, rest) = text.split_at(20);
    let a = stream.push(JsValue::from_str(first));
    let b = stream.end(Some(JsValue::from_str(rest)));
    let count = |r: &JsValue, k: &str| get(r, k).as_f64().unwrap();
    assert_eq!((count(&a, "records") + count(&b, "records"), count(&a, "valid") + count(&b, "valid")), (2.0, 1.0));
    assert_eq!(
        get(&a, "rejected").as_string().unwrap() + &get(&b, "rejected").as_string().unwrap(),
        get(&r, "rejected").as_string().unwrap()
    );
    still_works();
}
