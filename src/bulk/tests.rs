//! The bulk readers' behaviour at their edges: line numbers, blank lines, limits, streams.

use super::*;
use crate::schema::models::customer::MODEL;
use crate::validate::options::Options;

#[test]
fn ndjson_lines_blank_lines_and_bad_json() {
    let text = b"{\"name\":\"a\"}\r\n\n  \nnot json\n{\"name\":5}\n{\"name\":\"b\",\"credit\":1}";
    let batch = validate_ndjson(&MODEL, text, 10, &Options::patch(), Output::Ndjson);
    assert_eq!((batch.records, batch.valid), (4, 2));
    let at: Vec<_> = batch.failures.iter().map(|f| (f.at, f.errors[0].code.as_str())).collect();
    assert_eq!(at, vec![(13, "json"), (14, "type")]);
    assert_eq!(batch.failures[0].errors[0].params.get("column"), Some(&crate::report::error::Param::Int(1)));
    assert_eq!(String::from_utf8(batch.normalized).unwrap(), "{\"name\":\"a\"}\n{\"name\":\"b\",\"credit\":1}\n");
}

/// Records read straight from the chunk keep their line numbers whatever sits around them.
#[test]
fn line_numbers_across_record_boundaries() {
    let text = "{\"name\":\"a\"}  \r\n{\"name\":\n\"b\"}\n{\"name\":\"c\"} x\n\t\n{\"name\":7}\n{\"name\":\"d\"}";
    let batch = validate_ndjson(&MODEL, text.as_bytes(), 1, &Options::create(), Output::Ndjson);
    let at: Vec<_> = batch.failures.iter().map(|f| (f.at, f.errors[0].code.as_str())).collect();
    assert_eq!(at, vec![(2, "json"), (3, "json"), (4, "json"), (6, "type")]);
    assert_eq!((batch.records, batch.valid), (6, 2));
    // A chunk with bytes that are not UTF-8 is read line by line: the other lines still count.
    let mut bytes = b"{\"name\":\"a\"}\n{\"name\":\"\xff\"}\n{\"name\":5}\n".to_vec();
    bytes.extend_from_slice(b"{\"name\":\"z\"}");
    let batch = validate_ndjson(&MODEL, &bytes, 10, &Options::create(), Output::None);
    let at: Vec<_> = batch.failures.iter().map(|f| (f.at, f.errors[0].code.as_str())).collect();
    assert_eq!(at, vec![(11, "json"), (12, "type")]);
    assert_eq!((batch.records, batch.valid), (4, 2));
}

/// A reused batch holds the last chunk's results only, the same as a fresh one.
#[test]
fn reused_batches_start_empty() {
    let options = Options::create();
    let mut batch = Batch::default();
    validate_ndjson_into(&MODEL, b"{\"name\":\"a\"}\n{\"name\":1}\n", 1, &options, Output::Ndjson, &mut batch);
    assert_eq!((batch.records, batch.valid, batch.failures.len()), (2, 1, 1));
    let second = b"{\"name\":2}\n{\"name\":\"b\"}\n{\"name\":\"c\"}";
    validate_ndjson_into(&MODEL, second, 3, &options, Output::Ndjson, &mut batch);
    let fresh = validate_ndjson(&MODEL, second, 3, &options, Output::Ndjson);
    assert_eq!((batch.records, batch.valid), (3, 2));
    assert_eq!(batch.failures.iter().map(|f| f.at).collect::<Vec<_>>(), vec![3]);
    assert_eq!(batch.normalized, fresh.normalized);
    assert!(String::from_utf8_lossy(&batch.normalized).starts_with("{\"name\":\"b\""));
}

/// Text known to be UTF-8 gives what its bytes give.
#[test]
fn str_chunks_as_bytes() {
    let text = "{\"name\":\"Zürich\"}\n{\"name\":5}\n\n{\"name\":\"b\",\"x\":1}\nnot json";
    let options = Options::create();
    let (mut a, mut b) = (Batch::default(), Batch::default());
    validate_ndjson_into(&MODEL, text.as_bytes(), 7, &options, Output::Ndjson, &mut a);
    validate_ndjson_str_into(&MODEL, text, 7, &options, Output::Ndjson, &mut b);
    assert_eq!((a.records, a.valid, &a.normalized), (b.records, b.valid, &b.normalized));
    assert_eq!(
        a.failures.iter().map(|f| (f.at, &f.errors)).collect::<Vec<_>>(),
        b.failures.iter().map(|f| (f.at, &f.errors)).collect::<Vec<_>>()
    );
    assert_eq!((b.records, b.valid, b.failures.len()), (4, 2, 2));
}

/// The normalized output is NDJSON whatever the input's layout: one record per line.
#[test]
fn records_stay_on_one_line() {
    let pretty = "[{\"number\":\"+14155550123\",\r\n \"assistantOverrides\": {\n  \"a\": [1,\n 2]\n}}]";
    let batch =
        validate_json_array(&crate::schema::models::create_customer_dto::MODEL, pretty.as_bytes(), &Options::create(), Output::Ndjson);
    let text = String::from_utf8(batch.normalized).unwrap();
    assert_eq!(text, "{\"numberE164CheckEnabled\":true,\"assistantOverrides\":{   \"a\": [1,  2] },\"number\":\"+14155550123\"}\n");
    // A carriage return inside a value the fast path would copy as written.
    let cr = b"{\"name\":\"a\",\"x\":{\"k\":\r1}}\n{\"name\":\"b\"}\n";
    let batch = validate_ndjson(&MODEL, cr, 1, &Options::patch(), Output::Ndjson);
    assert_eq!(String::from_utf8(batch.normalized).unwrap(), "{\"name\":\"a\",\"x\":{\"k\": 1}}\n{\"name\":\"b\"}\n");
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

/// Rejected NDJSON records: their line and text, then the messages, under one header per stream.
#[test]
fn rejected_ndjson_records_are_a_csv_to_fix() {
    let mut stream = NdjsonStream::new(&MODEL, Options::create(), Output::None, 1, Limits::default());
    stream.keep_rejected();
    let mut rejected = Vec::new();
    for chunk in ["{\"name\":\"a\"}\n{\"name\":5}\n", "not json\n", "{\"name\":\"b\"}"] {
        rejected.extend_from_slice(&stream.push(chunk.as_bytes()).rejected);
    }
    let end = stream.end();
    assert!(end.rejected.is_empty());
    assert_eq!(
        String::from_utf8(rejected).unwrap(),
        "line,record,errors\r\n2,\"{\"\"name\"\":5}\",\"/name: must be of type string, not integer\"\r\n3,not json,is not valid JSON: expected ident at line 1 column 1\r\n"
    );
    let batch = {
        let mut b = Batch { keep_rejected: true, ..Batch::default() };
        validate_json_array_into(&MODEL, b"[{\"name\":\"a\"},{\"name\":5}]", &Options::create(), Output::None, &mut b);
        b
    };
    assert_eq!(batch.failures[0].record.as_deref(), Some("{\"name\":5}"));
    assert_eq!(
        String::from_utf8(batch.rejected).unwrap(),
        "index,record,errors\r\n1,\"{\"\"name\"\":5}\",\"/name: must be of type string, not integer\"\r\n"
    );
}
