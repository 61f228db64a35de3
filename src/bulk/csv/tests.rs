//! The CSV reader at its edges: quoting, line breaks, the byte order mark, ragged rows, empty
//! inputs, headers, limits, chunking; and its agreement with the same records as NDJSON.

use super::*;
use crate::bulk::{validate_ndjson, Limits};
use crate::report::error::Param;
use crate::schema::models::{customer, patch_customer};
use crate::test_gen::Gen;

fn coerce() -> Options {
    Options { coerce: true, ..Options::create() }
}

/// The failures as (line, [(path, code)]).
fn failures(batch: &Batch) -> Vec<(u64, Vec<(String, &'static str)>)> {
    batch.failures.iter().map(|f| (f.at, f.errors.iter().map(|e| (e.path.clone(), e.code.as_str())).collect())).collect()
}

fn normalized(batch: &Batch) -> String {
    String::from_utf8(batch.normalized.clone()).unwrap()
}

fn csv(text: &str) -> Batch {
    validate_csv(&customer::MODEL, text.as_bytes(), &coerce(), Output::Ndjson)
}

#[test]
fn quoted_cells_escapes_commas_and_line_breaks() {
    let text = "name,logo,credit\n\"Acme, Inc.\",\"say \"\"hi\"\"\",5\n\"Two\r\nlines\",\"a\nb\",\"7\"\nPlain,,\n";
    let batch = csv(text);
    assert_eq!((batch.records, batch.valid, batch.invalid()), (3, 3, 0));
    let lines: Vec<serde_json::Value> = normalized(&batch).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["name"], "Acme, Inc.");
    assert_eq!(lines[0]["logo"], "say \"hi\"");
    assert_eq!(lines[0]["credit"], 5);
    assert_eq!(lines[1]["name"], "Two\r\nlines");
    assert_eq!(lines[1]["logo"], "a\nb");
    assert_eq!(lines[1]["credit"], 7);
    // An empty cell is an absent field: the default fills it.
    assert_eq!(lines[2]["credit"], 0);
    assert!(lines[2].get("logo").is_none());
}

/// A row's number is the physical line it starts on, the header's being 1, whatever line
/// breaks its quoted cells hold, with CRLF or LF, and blank lines between rows.
#[test]
fn line_numbers_count_physical_lines() {
    let text = "name,credit\r\n\"a\r\nb\r\nc\",x\r\n\r\n\n\"ok\",1\r\nbad,\"1\n2\"\r\nlast,no";
    let batch = csv(text);
    assert_eq!(
        failures(&batch),
        vec![(2, vec![("/credit".into(), "type")]), (8, vec![("/credit".into(), "type")]), (10, vec![("/credit".into(), "type")])]
    );
    assert_eq!((batch.records, batch.valid), (4, 1));
}

#[test]
fn byte_order_mark_is_ignored_even_split() {
    let text = "\u{feff}name,credit\nAcme,1\n";
    assert_eq!(csv(text).valid, 1);
    assert_eq!(csv(text).columns[0].path, "/name");
    let mut stream = CsvStream::new(&customer::MODEL, coerce(), Output::Ndjson, Limits::default());
    let bytes = text.as_bytes();
    let mut valid = 0;
    for b in bytes {
        valid += stream.push(std::slice::from_ref(b)).valid;
    }
    valid += stream.end().valid;
    assert_eq!(valid, 1);
    assert_eq!(stream.columns().unwrap()[0].path, "/name");
}

#[test]
fn ragged_rows_are_failures_with_their_counts() {
    let batch = csv("name,credit\nAcme\nAcme,1,extra\nAcme,2\n");
    assert_eq!(failures(&batch), vec![(2, vec![("".into(), "csv_cells")]), (3, vec![("".into(), "csv_cells")])]);
    let e = &batch.failures[1].errors[0];
    assert_eq!((e.params.get("actual"), e.params.get("expected")), (Some(&Param::Int(3)), Some(&Param::Int(2))));
    assert_eq!(e.message(), "has 3 cells where the header has 2");
    assert_eq!(batch.valid, 1);
}

#[test]
fn empty_input_header_only_and_empty_rows() {
    for text in ["", "\n\n", "\u{feff}"] {
        let batch = csv(text);
        assert_eq!((batch.records, batch.failures.len(), batch.call_errors.len()), (0, 0, 0), "{text:?}");
        assert!(batch.columns.is_empty());
    }
    let batch = csv("name,credit\r\n");
    assert_eq!((batch.records, batch.call_errors.len()), (0, 0));
    assert_eq!(batch.columns.len(), 2);
    // Trailing rows of empty cells, as spreadsheets write them, are no records.
    let batch = csv("name,credit\nAcme,1\n,\n,\n");
    assert_eq!((batch.records, batch.valid), (1, 1));
}

#[test]
fn header_names_fields_loosely_and_reports_the_mapping() {
    let batch = csv("Name,Default Bill Method,call_forwarding_call_limit, CREDIT ,Extra Column,\nAcme,paymentmethod,,3,x,\n");
    let columns: Vec<_> = batch.columns.iter().map(|c| (c.header.as_str(), c.path.as_str(), c.declared)).collect();
    assert_eq!(
        columns,
        vec![
            ("Name", "/name", true),
            ("Default Bill Method", "/defaultBillMethod", true),
            ("call_forwarding_call_limit", "/callForwardingCallLimit", true),
            (" CREDIT ", "/credit", true),
            ("Extra Column", "/Extra Column", false),
            ("", "/column 6", false),
        ]
    );
    let value: serde_json::Value = serde_json::from_str(normalized(&batch).trim()).unwrap();
    assert_eq!(
        (value["defaultBillMethod"].as_str(), value["credit"].as_i64(), value["Extra Column"].as_str()),
        (Some("paymentmethod"), Some(3), Some("x"))
    );
    // An unmatched column follows `unknown`.
    let strict = Options { unknown: crate::Unknown::Reject, ..coerce() };
    let batch = validate_csv(&customer::MODEL, b"name,Extra\nAcme,x\nAcme,\n", &strict, Output::Ndjson);
    assert_eq!(failures(&batch), vec![(2, vec![("/Extra".into(), "unknown_property")])]);
    let strip = Options { unknown: crate::Unknown::Strip, ..coerce() };
    let batch = validate_csv(&customer::MODEL, b"name,Extra\nAcme,x\n", &strip, Output::Ndjson);
    assert!(!normalized(&batch).contains("Extra"));
}

#[test]
fn duplicate_and_conflicting_headers_refuse_the_input() {
    let batch = csv("name,credit,Credit\nAcme,1,2\n");
    assert_eq!(batch.records, 0);
    assert_eq!(batch.call_errors.len(), 1);
    assert_eq!(batch.call_errors[0].code.as_str(), "csv_header");
    assert_eq!(batch.call_errors[0].message(), "column 3 (Credit) names the same field as column 2");
    let patch =
        |text: &str| validate_csv(&patch_customer::MODEL, text.as_bytes(), &Options { coerce: true, ..Options::patch() }, Output::Ndjson);
    let batch = patch("name.first,x\n");
    assert_eq!(batch.call_errors[0].message(), "column 1 (name.first) goes inside name, which is not an object");
    let batch = patch("billingSettings,billingSettings.base.unitCost\n");
    assert_eq!(
        batch.call_errors[0].message(),
        "column 2 (billingSettings.base.unitCost) goes inside billingSettings, which column 1 gives whole"
    );
    // A refused stream answers the same to every later push.
    let mut stream = CsvStream::new(&customer::MODEL, coerce(), Output::Ndjson, Limits::default());
    assert_eq!(stream.push(b"name,name\n").call_errors.len(), 1);
    let later = stream.push(b"Acme,Acme\n");
    assert_eq!((later.records, later.call_errors[0].code.as_str()), (0, "csv_header"));
}

/// patchCustomer's nested objects from dotted headers; lists and maps from JSON cells.
#[test]
fn dotted_headers_fill_nested_objects() {
    let options = Options { coerce: true, ..Options::patch() };
    let text = "name,billingSettings.base.unitCost,billingSettings.base.allowance,tagIds,data.region.stringValue\n\
                Acme,0.012,,\"[\"\"a\"\",\"\"b\"\"]\",eu\n\
                Beta,,,,\n\
                Gamma,cheap,,not json,\n";
    let batch = validate_csv(&patch_customer::MODEL, text.as_bytes(), &options, Output::Ndjson);
    let out = normalized(&batch);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["billingSettings"]["base"]["unitCost"], 0.012);
    assert!(first["billingSettings"]["base"].get("allowance").is_none());
    assert_eq!(first["tagIds"], serde_json::json!(["a", "b"]));
    assert_eq!(first["data"]["region"]["stringValue"], "eu");
    // No cell of billingSettings set: it is absent, not an empty object.
    assert_eq!(out.lines().nth(1).unwrap(), "{\"name\":\"Beta\"}");
    assert_eq!(failures(&batch), vec![(4, vec![("/tagIds".into(), "type"), ("/billingSettings/base/unitCost".into(), "type")])]);
}

#[test]
fn a_megabyte_cell_and_rows_over_the_limit() {
    let big = "x".repeat(1 << 20);
    let text = format!("name,logo\n\"{big}\",\"{big}\"\nAcme,\"{big}\"\n");
    let batch = csv(&text);
    assert_eq!(
        failures(&batch),
        vec![(2, vec![("/name".into(), "max_length"), ("/logo".into(), "max_length")]), (3, vec![("/logo".into(), "max_length")])]
    );
    // A row over maxBytes is one too_large failure, its bytes skipped; the next row is read.
    let limits = Limits { max_bytes: 64 << 10, ..Limits::default() };
    let mut stream = CsvStream::new(&customer::MODEL, coerce(), Output::Ndjson, limits);
    let mut seen = Vec::new();
    for chunk in format!("name,logo\nA,\"{}\"\nB,x\n", "y".repeat(200 << 10)).as_bytes().chunks(10_000) {
        seen.extend(failures(stream.push(chunk)));
    }
    seen.extend(failures(stream.end()));
    assert_eq!(seen, vec![(2, vec![("".into(), "too_large")])]);
}

#[test]
fn cells_that_are_not_utf8_are_named() {
    let batch = validate_csv(&customer::MODEL, b"name,logo\nAcme,caf\xe9\nBeta,ok\n", &coerce(), Output::None);
    assert_eq!(failures(&batch), vec![(2, vec![("".into(), "encoding")])]);
    assert_eq!(batch.failures[0].errors[0].message(), "is not UTF-8 text (column 2): save the file as UTF-8");
    assert_eq!(batch.valid, 1);
}

/// The rejected rows: the input's header and cells plus the messages, one file over a stream.
#[test]
fn rejected_rows_are_a_csv_to_fix() {
    let mut stream = CsvStream::new(&customer::MODEL, coerce(), Output::None, Limits::default());
    stream.keep_rejected();
    let mut rejected = Vec::new();
    let mut records = Vec::new();
    for chunk in ["name,credit\nok,1\n\"Acme, Inc.\",x\n", "ok,2\n", "\"", "\",3\n"] {
        let batch = stream.push(chunk.as_bytes());
        rejected.extend_from_slice(&batch.rejected);
        records.extend(batch.failures.iter().map(|f| f.record.clone()));
    }
    rejected.extend_from_slice(&stream.end().rejected);
    assert_eq!(
        String::from_utf8(rejected).unwrap(),
        "name,credit,errors\r\n\"Acme, Inc.\",x,\"/credit: must be of type integer, not string\"\r\n,3,/name: is required\r\n"
    );
    assert_eq!(records, vec![Some("{\"name\":\"Acme, Inc.\",\"credit\":\"x\"}".to_owned()), Some("{\"credit\":\"3\"}".to_owned())]);
}

/// Every split of a text into two chunks gives the one-call answer.
#[test]
fn chunking_does_not_change_the_answer() {
    let text = "\u{feff}name,logo,credit\r\n\"Acme, \"\"Inc\"\"\",\"l\r\n1\",5\r\nx,,bad\r\n\r\n\"é\",,\"\"\r\nlast,,1";
    let whole = csv(text);
    let bytes = text.as_bytes();
    for cut in 0..=bytes.len() {
        let mut stream = CsvStream::new(&customer::MODEL, coerce(), Output::Ndjson, Limits::default());
        let (mut got, mut out) = (Vec::new(), Vec::new());
        for part in [&bytes[..cut], &bytes[cut..]] {
            let b = stream.push(part);
            got.extend(failures(b));
            out.extend_from_slice(&b.normalized);
        }
        let b = stream.end();
        got.extend(failures(b));
        out.extend_from_slice(&b.normalized);
        assert_eq!(got, failures(&whole), "cut at {cut}");
        assert_eq!(out, whole.normalized, "cut at {cut}");
    }
}

/// A CSV cell quoted as a spreadsheet would write it.
fn cell(s: &str) -> String {
    let mut out = Vec::new();
    super::super::rejected::push_cell(&mut out, s.as_bytes());
    String::from_utf8(out).unwrap()
}

/// Generated Customer records written as CSV give what the same records give as NDJSON under
/// coerce: with every value as its cell's text, the same verdicts, errors and normalized records;
/// with typed values (numbers, booleans), the same verdicts and normalized records.
#[test]
fn csv_agrees_with_ndjson_on_generated_records() {
    let mut gen = Gen(0x5eed_c5f0);
    let columns =
        ["name", "status", "credit", "websiteUrl", "logo", "adminUserId", "cdrRetention", "internationalCalling", "defaultBillMethod"];
    let mut csv_text = columns.join(",") + "\n";
    let (mut as_text, mut typed) = (String::new(), String::new());
    for _ in 0..3_000 {
        let (mut cells, mut texts, mut values) = (Vec::new(), serde_json::Map::new(), serde_json::Map::new());
        for column in columns {
            if gen.chance(if column == "name" { 3 } else { 40 }) {
                cells.push(String::new());
                continue;
            }
            let (text, value): (String, serde_json::Value) = match column {
                "credit" | "cdrRetention" | "internationalCalling" => match gen.below(12) {
                    0 => ("1.5".into(), serde_json::json!(1.5)),
                    1 => ("2147483648".into(), serde_json::json!(2147483648i64)),
                    2 => ("true".into(), serde_json::json!(true)),
                    3 => ("-3".into(), serde_json::json!(-3)),
                    n => ((n % 2).to_string(), serde_json::json!(n % 2)),
                },
                _ => {
                    let s = match column {
                        "status" => gen.pick(&["active", "fraud", "suspended", "active", "gone"]),
                        "defaultBillMethod" => gen.pick(&["credit", "paymentmethod", "credit", "cash"]),
                        "websiteUrl" => gen.pick(&["https://example.com", "https://example.com/a,b", "https://x.io", "example.com"]),
                        "adminUserId" => gen.pick(&["5f0c0c0c0c0c0c0c0c0c0c0c", "5f0c0c0c0c0c0c0c0c0c0c0c", "5f0c"]),
                        _ => gen.pick(&["Acme", "Acme, Inc.", "say \"hi\"", "two\nlines", "\u{fc}\u{20ac}\u{1f600}", "x", " padded "]),
                    };
                    let s = if column == "name" && gen.chance(5) { "n".repeat(46) } else { s.to_owned() };
                    (s.clone(), s.into())
                }
            };
            cells.push(cell(&text));
            texts.insert(column.to_owned(), text.into());
            values.insert(column.to_owned(), value);
        }
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        csv_text.push_str(&cells.join(","));
        csv_text.push('\n');
        as_text.push_str(&serde_json::Value::Object(texts).to_string());
        as_text.push('\n');
        typed.push_str(&serde_json::Value::Object(values).to_string());
        typed.push('\n');
    }
    let from_csv = validate_csv(&customer::MODEL, csv_text.as_bytes(), &coerce(), Output::Ndjson);
    let from_text = validate_ndjson(&customer::MODEL, as_text.as_bytes(), 1, &coerce(), Output::Ndjson);
    let from_typed = validate_ndjson(&customer::MODEL, typed.as_bytes(), 1, &coerce(), Output::Ndjson);
    assert!(from_csv.invalid() > 300 && from_csv.valid > 300, "{} valid, {} invalid", from_csv.valid, from_csv.invalid());
    for other in [&from_text, &from_typed] {
        assert_eq!((from_csv.records, from_csv.valid), (other.records, other.valid));
        assert_eq!(normalized(&from_csv), normalized(other));
    }
    // Line numbers differ by the header and the lines of quoted line breaks: compared in order.
    for (a, b) in from_csv.failures.iter().zip(&from_text.failures) {
        assert_eq!(a.errors, b.errors, "CSV line {}, NDJSON line {}", a.at, b.at);
    }
    assert_eq!(from_csv.failures.len(), from_text.failures.len());
    let lines = csv_text.lines().count() as u64;
    assert!(from_csv.failures.last().unwrap().at <= lines);
}
