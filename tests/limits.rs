//! Resource bounds and streams (README, "Limits"): every record accounted for, memory bounded
//! by options, and a stream's answer the same whatever the chunking.

use customer_validation::bulk::{self, Batch, JsonArrayStream, Limits, NdjsonStream, Output};
use customer_validation::models::{create_customer_dto, customer};
use customer_validation::{validate_str, Code, Options};

/// A batch's failures as (at, codes).
fn failures(b: &Batch) -> Vec<(u64, Vec<&'static str>)> {
    b.failures.iter().map(|f| (f.at, f.errors.iter().map(|e| e.code.as_str()).collect())).collect()
}

/// Records, valid, invalid, failures (line or index, codes), normalized text, call errors.
type Sum = (usize, usize, usize, Vec<(u64, Vec<&'static str>)>, Vec<u8>, usize);

/// A whole stream's answer: counts, failures, normalized text, and the call errors.
fn summed(batches: Vec<Sum>) -> Sum {
    let mut out = (0, 0, 0, Vec::new(), Vec::new(), 0);
    for (records, valid, invalid, f, n, calls) in batches {
        out.0 += records;
        out.1 += valid;
        out.2 += invalid;
        out.3.extend(f);
        out.4.extend(n);
        out.5 += calls;
    }
    out
}

fn take(b: &Batch) -> Sum {
    assert_eq!(b.records, b.valid + b.invalid(), "every record is counted once");
    (b.records, b.valid, b.invalid(), failures(b), b.normalized.clone(), b.call_errors.len())
}

/// `text` pushed in pieces of `size` bytes (splitting characters too).
fn ndjson_stream(text: &[u8], size: usize, limits: Limits) -> Sum {
    ndjson_stream_with(text, size, limits, Options::create())
}

fn ndjson_stream_with(text: &[u8], size: usize, limits: Limits, options: Options) -> Sum {
    let mut s = NdjsonStream::new(&customer::MODEL, options, Output::Ndjson, 1, limits);
    let mut all: Vec<_> = text.chunks(size).map(|c| take(s.push(c))).collect();
    all.push(take(s.end()));
    summed(all)
}

fn array_stream(text: &[u8], size: usize, limits: Limits) -> Sum {
    array_stream_with(text, size, limits, Options::create())
}

fn array_stream_with(text: &[u8], size: usize, limits: Limits, options: Options) -> Sum {
    let mut s = JsonArrayStream::new(&customer::MODEL, options, Output::Ndjson, limits);
    let mut all: Vec<_> = text.chunks(size).map(|c| take(s.push(c))).collect();
    all.push(take(s.end()));
    summed(all)
}

const NDJSON: &str = "  \n\n{\"name\":\"Zürich 😀\"}\r\n{\"name\":5}\nnot json\n\n{\"name\":\"b\",\"x\":{\"y\":[1,\"]\\\"\"]}}\n{\"credit\":1.5}\n{\"name\":\"last\"}";

#[test]
fn ndjson_streams_answer_as_one_chunk_whatever_the_chunking() {
    let whole = take(&bulk::validate_ndjson(&customer::MODEL, NDJSON.as_bytes(), 1, &Options::create(), Output::Ndjson));
    assert_eq!(whole.3, vec![(4, vec!["type"]), (5, vec!["json"]), (8, vec!["required", "int32"])]);
    assert_eq!((whole.0, whole.1, whole.2), (6, 3, 3));
    for size in [1, 2, 3, 5, 7, 64, 1 << 20] {
        assert_eq!(ndjson_stream(NDJSON.as_bytes(), size, Limits::default()), whole, "chunks of {size} bytes");
    }
    // A byte order mark at the start is not part of the first line.
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), NDJSON.as_bytes()].concat();
    for size in [1, 2, 4, 1000] {
        assert_eq!(ndjson_stream(&with_bom, size, Limits::default()), whole, "BOM, chunks of {size} bytes");
    }
}

#[test]
fn a_line_over_max_bytes_is_one_failure_and_the_rest_goes_on() {
    let long = format!("{{\"name\":\"{}\"}}", "x".repeat(100));
    let text = format!("{{\"name\":\"a\"}}\n{long}\n{{\"name\":\"b\"}}\n{long}");
    let limits = Limits { max_bytes: 50, ..Limits::default() };
    for size in [1, 7, 40, 1000] {
        // Patch mode adds no defaults: the valid records' output stays within the limit too.
        let (records, valid, invalid, f, _, calls) = ndjson_stream_with(text.as_bytes(), size, limits, Options::patch());
        assert_eq!((records, valid, invalid, calls), (4, 2, 2, 0), "chunks of {size}");
        assert_eq!(f, vec![(2, vec!["too_large"]), (4, vec!["too_large"])], "chunks of {size}");
    }
    // One call with a chunk over the limit is refused whole, with nothing counted.
    let mut b = Batch::with_limits(limits);
    bulk::validate_ndjson_into(&customer::MODEL, text.as_bytes(), 1, &Options::create(), Output::Ndjson, &mut b);
    assert_eq!((b.records, b.call_errors.len(), b.call_errors[0].code), (0, 1, Code::TooLarge));
}

const ARRAY: &str =
    "\n [ {\"name\":\"a\"}, {\"name\":\"b\\\"]}\"} ,\n5,{\"name\":2},{\"name\":\"c\",\"x\":[[],{}]}, \"s\", {\"credit\":true} ]\n";

#[test]
fn array_streams_answer_as_one_text_whatever_the_chunking() {
    let whole = take(&bulk::validate_json_array(&customer::MODEL, ARRAY.as_bytes(), &Options::create(), Output::Ndjson));
    assert_eq!(whole.3, vec![(2, vec!["type"]), (3, vec!["type"]), (5, vec!["type"]), (6, vec!["required", "type"])]);
    assert_eq!((whole.0, whole.1, whole.2), (7, 3, 4));
    for size in [1, 2, 3, 9, 1 << 20] {
        assert_eq!(array_stream(ARRAY.as_bytes(), size, Limits::default()), whole, "chunks of {size} bytes");
    }
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), ARRAY.as_bytes()].concat();
    assert_eq!(array_stream(&with_bom, 1, Limits::default()), whole);
    // Each element is read as its own text: its normalized form is what validate_str gives it.
    let one = validate_str(&customer::MODEL, "{\"name\":\"c\",\"x\":[[],{}]}", &Options::create());
    let text = String::from_utf8(whole.4).unwrap();
    assert_eq!(text.lines().nth(2).unwrap(), serde_json::to_string(&one.value.unwrap()).unwrap());
}

#[test]
fn where_a_text_stops_being_an_array_the_rest_is_one_failure() {
    let case = |text: &str| {
        let b = bulk::validate_json_array(&customer::MODEL, text.as_bytes(), &Options::create(), Output::None);
        assert_eq!(b.records, b.valid + b.invalid(), "{text}");
        let f: Vec<_> = b.failures.iter().map(|f| (f.at, f.errors[0].code.as_str(), f.errors[0].message())).collect();
        (b.records, b.valid, f)
    };
    let json = |detail: &str| format!("is not valid JSON: {detail}");
    assert_eq!(case("{}"), (1, 0, vec![(0, "type", "must be of type array, not object".into())]));
    assert_eq!(case(""), (1, 0, vec![(0, "json", json("EOF while parsing a value at line 1 column 1"))]));
    assert_eq!(case("x"), (1, 0, vec![(0, "json", json("expected value at line 1 column 1"))]));
    assert_eq!(case("[]"), (0, 0, vec![]));
    assert_eq!(case("[{\"name\":\"a\"}"), (2, 1, vec![(1, "json", json("EOF while parsing a list at line 1 column 14"))]));
    assert_eq!(case("[{\"name\":\"a\"},]"), (2, 1, vec![(1, "json", json("expected value at line 1 column 15"))]));
    assert_eq!(case("[{\"name\":\"a\"} {\"name\":\"b\"}]"), (2, 1, vec![(1, "json", json("expected `,` or `]` at line 1 column 15"))]));
    assert_eq!(case("[{\"name\":\"a\"}]\n  x"), (2, 1, vec![(1, "json", json("trailing characters at line 2 column 3"))]));
    // An element cut off by the end of the text: its own failure, nothing more.
    assert_eq!(case("[{\"name\":\"a\"},{\"name\":"), (2, 1, vec![(1, "json", json("EOF while parsing a value at line 1 column 9"))]));
    assert_eq!(case("[{\"name\":\"a\"},\"abc"), (2, 1, vec![(1, "json", json("EOF while parsing a string at line 1 column 5"))]));
    // No value where one must be, or a value run into the next: the array breaks there.
    assert_eq!(case("[{\"name\":\"a\"},,{\"name\":\"b\"}]"), (2, 1, vec![(1, "json", json("expected value at line 1 column 15"))]));
    assert_eq!(case("[,{\"name\":\"a\"}]"), (1, 0, vec![(0, "json", json("expected value at line 1 column 2"))]));
    assert_eq!(
        case("[1,}"),
        (2, 0, vec![(0, "type", "must be of type object, not integer".into()), (1, "json", json("expected value at line 1 column 4"))])
    );
    assert_eq!(
        case("[1\"x\",{\"name\":\"b\"}]"),
        (
            2,
            0,
            vec![(0, "type", "must be of type object, not integer".into()), (1, "json", json("expected `,` or `]` at line 1 column 3"))]
        )
    );
    assert_eq!(case("[tru]"), (1, 0, vec![(0, "json", json("expected ident at line 1 column 1"))]));
    // A bracket that closes what is not open ends the element, broken, and the array with it.
    assert_eq!(case("[{]"), (1, 0, vec![(0, "json", json("key must be a string at line 1 column 2"))]));
    assert_eq!(case("[{\"name\":[}, {\"name\":\"b\"}]"), (1, 0, vec![(0, "json", json("expected value at line 1 column 10"))]));
}

#[test]
fn an_element_over_max_bytes_is_one_failure() {
    let text = format!("[{{\"name\":\"a\"}},{{\"name\":\"{}\"}},{{\"name\":\"b\"}}]", "x".repeat(200));
    let limits = Limits { max_bytes: 100, ..Limits::default() };
    for size in [1, 30, 1000] {
        let (records, valid, invalid, f, normalized, _) = array_stream_with(text.as_bytes(), size, limits, Options::patch());
        assert_eq!((records, valid, invalid), (3, 2, 1), "chunks of {size}");
        assert_eq!(f, vec![(1, vec!["too_large"])]);
        assert_eq!(String::from_utf8(normalized).unwrap().lines().count(), 2);
    }
}

#[test]
fn errors_past_max_errors_are_counted_not_kept() {
    // 300 unknown properties, each an error under `unknown: reject`.
    let members: Vec<String> = (0..300).map(|i| format!("\"u{i}\":1")).collect();
    let text = format!("{{\"name\":\"a\",{}}}", members.join(","));
    let options = Options { unknown: customer_validation::Unknown::Reject, ..Options::create() };
    let all = validate_str(&customer::MODEL, &text, &Options { max_errors: 1000, ..options.clone() });
    assert_eq!(all.errors.len(), 300);
    let capped = validate_str(&customer::MODEL, &text, &options);
    assert_eq!(capped.errors.len(), 101, "maxErrors 100, then the count of the rest");
    assert_eq!(capped.errors[..100], all.errors[..100]);
    let last = &capped.errors[100];
    assert_eq!((last.code, last.path.as_str()), (Code::TooManyErrors, ""));
    assert_eq!(last.message(), "and 200 more errors (maxErrors is 100)");
    let one = validate_str(&customer::MODEL, &text, &Options { max_errors: 1, ..options });
    assert_eq!(one.errors.len(), 2);
    assert_eq!(one.errors[1].message(), "and 299 more errors (maxErrors is 1)");
}

#[test]
fn failures_past_max_errors_per_call_are_counted_not_listed() {
    let text = "{\"name\":1}\n{\"name\":\"ok\"}\n{\"credit\":\"x\"}\n{\"name\":2}\n{\"name\":3}\n";
    let mut batch = Batch::with_limits(Limits { max_errors_per_call: 3, ..Limits::default() });
    bulk::validate_ndjson_into(&customer::MODEL, text.as_bytes(), 1, &Options::create(), Output::None, &mut batch);
    // Line 1 (1 error) and line 3 (2 errors) fill the 3; lines 4 and 5 are counted only.
    assert_eq!(failures(&batch), vec![(1, vec!["type"]), (3, vec!["required", "type"])]);
    assert_eq!((batch.records, batch.valid, batch.invalid(), batch.unlisted), (5, 1, 4, 2));
}

#[test]
fn output_past_max_bytes_is_dropped_with_a_call_error() {
    // `{}` gains its defaults: the output outgrows the input.
    let text = "{}\n".repeat(20);
    let mut batch = Batch::with_limits(Limits { max_bytes: 100, ..Limits::default() });
    bulk::validate_ndjson_into(&create_customer_dto::MODEL, text.as_bytes(), 1, &Options::create(), Output::Ndjson, &mut batch);
    assert_eq!((batch.records, batch.valid), (20, 20));
    assert!(batch.normalized.is_empty());
    assert_eq!(
        batch.call_errors.iter().map(|e| e.message()).collect::<Vec<_>>(),
        vec!["the normalized output is larger than 100 bytes (maxBytes)"]
    );
}

/// A tiny deterministic generator (no dependency for one test).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Random texts (well-formed or not) cut at random places: a stream's answer is the whole
/// text's, and every record is counted once.
#[test]
fn streams_agree_with_one_call_on_random_texts_and_cuts() {
    const PIECES: &[&str] = &[
        "{\"name\":\"a\"}",
        "{\"name\":1}",
        "{}",
        "[]",
        "[1,{\"a\":\"]\"}]",
        "\"s\\\"]\"",
        "5",
        "null",
        "{\"name\":\"Zürich 😀\",\"x\":{\"y\":[1,2]}}",
        "{\"name\":",
        "]",
        "[",
        ",",
        " ",
        "\n",
        "\r\n",
        "\t",
        "{\"credit\":1.5}",
        "\u{feff}",
        "x",
        "{\"name\":\"b\\\\\"}",
        "\"\\u00e9\"",
    ];
    let mut g = Lcg(7);
    for round in 0..20000 {
        let mut text = String::new();
        for _ in 0..g.next(12) {
            text.push_str(PIECES[g.next(PIECES.len())]);
        }
        let array = if round % 2 == 0 { format!("[{}]", text.replace('\n', ",")) } else { text.clone() };
        let bytes = array.as_bytes();
        let cuts = |g: &mut Lcg| {
            let mut at = vec![0];
            while *at.last().unwrap() < bytes.len() {
                at.push((at.last().unwrap() + 1 + g.next(9)).min(bytes.len()));
            }
            at
        };
        let whole = take(&bulk::validate_json_array(&customer::MODEL, bytes, &Options::create(), Output::Ndjson));
        let mut s = JsonArrayStream::new(&customer::MODEL, Options::create(), Output::Ndjson, Limits::default());
        let at = cuts(&mut g);
        // Every other round, the last piece goes with the end (`end_with`).
        let pieces: Vec<&[u8]> = at.windows(2).map(|w| &bytes[w[0]..w[1]]).collect();
        let split = if round % 4 < 2 { pieces.len() } else { pieces.len().saturating_sub(1) };
        let mut parts: Vec<Sum> = pieces[..split].iter().map(|p| take(s.push(p))).collect();
        parts.push(take(s.end_with(pieces[split..].concat().as_slice())));
        assert_eq!(summed(parts), whole, "array {array:?} cut at {at:?}");

        let text_bytes = text.as_bytes();
        let no_bom = text_bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text_bytes);
        let whole = take(&bulk::validate_ndjson(&customer::MODEL, no_bom, 1, &Options::create(), Output::Ndjson));
        let mut s = NdjsonStream::new(&customer::MODEL, Options::create(), Output::Ndjson, 1, Limits::default());
        let mut at = vec![0];
        while *at.last().unwrap() < text_bytes.len() {
            at.push((at.last().unwrap() + 1 + g.next(9)).min(text_bytes.len()));
        }
        let pieces: Vec<&[u8]> = at.windows(2).map(|w| &text_bytes[w[0]..w[1]]).collect();
        let split = if round % 4 < 2 { pieces.len() } else { pieces.len().saturating_sub(1) };
        let mut parts: Vec<Sum> = pieces[..split].iter().map(|p| take(s.push(p))).collect();
        parts.push(take(s.end_with(pieces[split..].concat().as_slice())));
        assert_eq!(summed(parts), whole, "ndjson {text:?} cut at {at:?}");
    }
}
