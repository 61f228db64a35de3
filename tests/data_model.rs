//! The data model of JSON input (README, "JSON input"): every native entry point reads the
//! same text the same way. Each case here disagreed between paths before the rule was one.

use customer_validation::bulk::{self, Output};
use customer_validation::models::{customer, patch_customer};
use customer_validation::{validate_json, validate_str, Error, Model, Options, Unknown};
use serde_json::{json, Value};

/// One path's answer: errors, and the normalized value when valid.
type Answer = (Vec<Error>, Option<Value>);

/// The answers of every native path to one single-line JSON text, by name.
fn answers(model: &'static Model, text: &str, options: &Options) -> Vec<(&'static str, Answer)> {
    let mut out = Vec::new();
    let s = validate_str(model, text, options);
    out.push(("validate_str", (s.errors, s.value)));
    if let Ok(parsed) = serde_json::from_str::<Value>(text) {
        let j = validate_json(model, &parsed, options);
        out.push(("validate_json", (j.errors, j.value)));
    }
    let from_batch = |b: bulk::Batch| -> Answer {
        assert!(b.records == 1 || b.failures.len() == 1, "{text}");
        match b.failures.into_iter().next() {
            Some(f) => (f.errors, None),
            None => (Vec::new(), b.values.into_iter().next()),
        }
    };
    out.push(("bulk::validate_ndjson", from_batch(bulk::validate_ndjson(model, text.as_bytes(), 1, options, Output::Values))));
    let mut batch = bulk::Batch::default();
    bulk::validate_ndjson_str_into(model, text, 1, options, Output::Values, &mut batch);
    out.push(("bulk::validate_ndjson_str_into", from_batch(batch)));
    let array = format!("[{text}]");
    let in_array = bulk::validate_json_array(model, array.as_bytes(), options, Output::Values);
    // `[text]` is one record exactly when `text` is one JSON value (its elements are read
    // one by one: `{}` and then a form feed are a record and a broken array).
    if in_array.records == 1 {
        out.push(("bulk::validate_json_array", from_batch(in_array)));
        // The NDJSON text of both bulk readers is one text.
        let ndjson = bulk::validate_ndjson(model, text.as_bytes(), 1, options, Output::Ndjson).normalized;
        let from_array = bulk::validate_json_array(model, array.as_bytes(), options, Output::Ndjson).normalized;
        assert_eq!(String::from_utf8_lossy(&ndjson), String::from_utf8_lossy(&from_array), "{text}");
    }
    out
}

/// Every path's answer to `text`, which must be one answer: returned.
fn one_answer(model: &'static Model, text: &str, options: &Options) -> Answer {
    let all = answers(model, text, options);
    let (first_name, first) = &all[0];
    for (name, answer) in &all[1..] {
        if *name == "bulk::validate_json_array" && first.0.iter().any(|e| e.code.as_str() == "json") {
            // Positions in `[text]` are one column further on: the codes must still agree.
            assert_eq!(codes(&answer.0), codes(&first.0), "{name} and {first_name} disagree on {text}");
            continue;
        }
        assert_eq!(answer, first, "{name} and {first_name} disagree on {text}");
    }
    all[0].1.clone()
}

fn codes(errors: &[Error]) -> Vec<(String, &'static str)> {
    errors.iter().map(|e| (e.path.clone(), e.code.as_str())).collect()
}

fn reject() -> Options {
    Options { unknown: Unknown::Reject, ..Options::create() }
}

#[test]
fn a_repeated_key_counts_once_with_its_last_value() {
    let (errors, value) = one_answer(&patch_customer::MODEL, r#"{"data":{"k":1,"k":{"boolValue":true}}}"#, &Options::default());
    assert_eq!(errors, vec![]);
    assert_eq!(value, Some(json!({"data": {"k": {"boolValue": true}}})));

    let (errors, _) = one_answer(&customer::MODEL, r#"{"name":"a","x":1,"x":2}"#, &reject());
    assert_eq!(codes(&errors), vec![("/x".to_owned(), "unknown_property")]);

    // Kept once, with the last value, at the first place.
    let (errors, value) = one_answer(&customer::MODEL, r#"{"x":1,"name":"a","y":0,"x":2}"#, &Options::patch());
    assert_eq!(errors, vec![]);
    assert_eq!(serde_json::to_string(&value.unwrap()).unwrap(), r#"{"name":"a","x":2,"y":0}"#);
    let batch = bulk::validate_ndjson(&customer::MODEL, br#"{"name":"a","x":1,"x":2}"#, 1, &Options::patch(), Output::Ndjson);
    assert_eq!(String::from_utf8(batch.normalized).unwrap(), "{\"name\":\"a\",\"x\":2}\n");

    // A declared field given twice: the last value is the one checked.
    let (errors, _) = one_answer(&customer::MODEL, r#"{"name":"a","name":7}"#, &Options::patch());
    assert_eq!(codes(&errors), vec![("/name".to_owned(), "type")]);
}

/// `depth` levels of arrays around a number.
fn nested(depth: usize) -> String {
    "[".repeat(depth) + "1" + &"]".repeat(depth)
}

#[test]
fn one_nesting_limit_for_every_path() {
    // The record is the first of 128 levels: a value inside it may nest 127 deep.
    for options in [Options::create(), Options { coerce: true, ..Options::create() }] {
        let ok = format!(r#"{{"name":"a","x":{}}}"#, nested(127));
        assert_eq!(one_answer(&customer::MODEL, &ok, &options).0, vec![]);
        let deep = format!(r#"{{"name":"a","x":{}}}"#, nested(128));
        let (errors, value) = one_answer(&customer::MODEL, &deep, &options);
        assert_eq!(codes(&errors), vec![("/x".to_owned(), "max_depth")]);
        assert_eq!(errors[0].params.get("max"), Some(&customer_validation::error::Param::Int(128)));
        assert_eq!(value, None);
        // Far past it, still one error, and no stack overflow.
        let far = format!(r#"{{"name":"a","x":{}}}"#, nested(100_000));
        let s = validate_str(&customer::MODEL, &far, &options);
        assert_eq!(codes(&s.errors), vec![("/x".to_owned(), "max_depth")]);
        let b = bulk::validate_ndjson(&customer::MODEL, far.as_bytes(), 1, &options, Output::None);
        assert_eq!(codes(&b.failures[0].errors), vec![("/x".to_owned(), "max_depth")]);
    }
    // A `Value` built in code is held to the same limit.
    let mut v = json!(1);
    for _ in 0..128 {
        v = json!([v]);
    }
    let out = validate_json(&customer::MODEL, &json!({"name": "a", "x": v}), &Options::create());
    assert_eq!(codes(&out.errors), vec![("/x".to_owned(), "max_depth")]);
    // A JSON array import does not count its own brackets.
    let array = format!(r#"[{{"name":"a","x":{}}}]"#, nested(127));
    assert_eq!(bulk::validate_json_array(&customer::MODEL, array.as_bytes(), &Options::create(), Output::None).valid, 1);
}

#[test]
fn numbers_are_read_correctly_rounded() {
    // 10.000000000000001 is 10.000000000000002 as an f64 (what JavaScript reads): not whole.
    let (errors, _) = one_answer(&customer::MODEL, r#"{"name":"a","automaticRefillAmount":10.000000000000001}"#, &Options::create());
    assert_eq!(codes(&errors), vec![("/automaticRefillAmount".to_owned(), "int32")]);
    let (errors, _) = one_answer(&customer::MODEL, r#"{"name":"a","automaticRefillAmount":10.0000000000000001}"#, &Options::create());
    assert_eq!(errors, vec![]);
    // Past an f64's range: not a number JSON can carry, a `json` error on every path.
    for text in [r#"{"name":"a","credit":1e400}"#, r#"{"name":"a","x":[-1e309]}"#] {
        let (errors, _) = one_answer(&customer::MODEL, text, &Options::create());
        assert_eq!(codes(&errors), vec![(String::new(), "json")], "{text}");
        assert!(errors[0].message().contains("number out of range"), "{}", errors[0].message());
    }
}

#[test]
fn lone_surrogates_are_one_replacement_character() {
    let s = validate_str(&customer::MODEL, r#"{"name":"\ud83d","logo":"a\udc00b"}"#, &Options::patch());
    assert_eq!(s.errors, vec![]);
    assert_eq!(s.value, Some(json!({"name": "\u{FFFD}", "logo": "a\u{FFFD}b"})));
    let b = bulk::validate_ndjson(&customer::MODEL, br#"{"name":"\ud83d"}"#, 1, &Options::patch(), Output::Values);
    assert_eq!(b.values, vec![json!({"name": "\u{FFFD}"})]);
    // One code point each: 45 of them fill `name`, 46 are one too many.
    let at = |n: usize| format!(r#"{{"name":"{}"}}"#, "\\ud83d".repeat(n));
    assert_eq!(one_answer(&customer::MODEL, &at(45), &Options::patch()).0, vec![]);
    let (errors, _) = one_answer(&customer::MODEL, &at(46), &Options::patch());
    assert_eq!(codes(&errors), vec![("/name".to_owned(), "max_length")]);
}

#[test]
fn json_errors_say_the_same_everywhere() {
    // Columns count characters, not bytes.
    let (errors, _) = one_answer(&customer::MODEL, r#"{"name":"é€😀" x}"#, &Options::create());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].message(), "is not valid JSON: expected `,` or `}` at line 1 column 15");
    let p = &errors[0].params;
    assert_eq!(
        (p.get("line"), p.get("column")),
        (Some(&customer_validation::error::Param::Int(1)), Some(&customer_validation::error::Param::Int(15)))
    );
}

#[test]
fn errors_come_in_input_order() {
    let (errors, _) = one_answer(&customer::MODEL, r#"{"zzz":1,"name":"a","aaa":2,"mmm":3}"#, &reject());
    assert_eq!(codes(&errors).into_iter().map(|(p, _)| p).collect::<Vec<_>>(), vec!["/zzz", "/aaa", "/mmm"]);
    let (errors, _) = one_answer(&patch_customer::MODEL, r#"{"data":{"z":1,"a":2}}"#, &Options::default());
    assert_eq!(codes(&errors).into_iter().map(|(p, _)| p).collect::<Vec<_>>(), vec!["/data/z", "/data/a"]);
}

/// Found by the fuzz target (`fuzz/`): each was a disagreement between two native paths.
#[test]
fn fuzz_findings() {
    // `-0` is a float natively wherever it comes from (serde_json reads it so).
    let (errors, value) = one_answer(&patch_customer::MODEL, r#"{"":-0}"#, &Options::default());
    assert_eq!(errors, vec![]);
    assert_eq!(serde_json::to_string(&value.unwrap()).unwrap(), r#"{"":-0.0}"#);
    // A form feed is not JSON whitespace: after a record it is a syntax error on every path,
    // also in a chunk that is not UTF-8 throughout (read line by line).
    for text in ["{}\u{c}", "{\"name\":\"a\"}\u{c}"] {
        let (errors, _) = one_answer(&customer::MODEL, text, &Options::create());
        assert_eq!(codes(&errors), vec![(String::new(), "json")], "{text:?}");
        let mut chunk = text.as_bytes().to_vec();
        chunk.extend_from_slice(b"\n\xff");
        let batch = bulk::validate_ndjson(&customer::MODEL, &chunk, 1, &Options::create(), Output::None);
        assert_eq!(codes(&batch.failures[0].errors), vec![(String::new(), "json")], "{text:?}");
        assert_eq!(batch.failures[0].errors, errors);
    }
}

/// `validate_field` natively, on `Value`s: a field by name or pointer, with its context.
#[test]
fn one_field_natively() {
    use customer_validation::{models::create_customer_dto, validate_field};
    let dto = &create_customer_dto::MODEL;
    let number = json!("12ab");
    let off = json!({ "numberE164CheckEnabled": false });
    assert_eq!(codes(&validate_field(dto, "number", Some(&number), None, &Options::create())), vec![("/number".to_owned(), "e164")]);
    assert_eq!(validate_field(dto, "number", Some(&number), Some(&off), &Options::create()), vec![]);
    assert_eq!(codes(&validate_field(&customer::MODEL, "name", None, None, &Options::create())), vec![("/name".to_owned(), "required")]);
    assert_eq!(
        codes(&validate_field(&customer::MODEL, "nope", Some(&number), None, &Options::create())),
        vec![(String::new(), "unknown_field")]
    );
    let months = json!([1, 13]);
    let errors = validate_field(&patch_customer::MODEL, "/schedule/rules/0/byMonth", Some(&months), None, &Options::default());
    assert_eq!(codes(&errors), vec![("/schedule/rules/0/byMonth/1".to_owned(), "range")]);
}
