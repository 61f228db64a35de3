//! The native side of the differential test (`tests/node/differential.test.mjs`): every
//! native entry point on the same records, one answer line per case.
//!
//! Input (stdin), NDJSON, one case per line:
//!   {"model": "customer", "options": {"mode"?, "profile"?, "unknown"?, "coerce"?}, "text": "<one JSON record>"}
//! Output (stdout), one line per case, in order:
//!   {"validate_str": R, "validate_json": R|null, "bulk_ndjson": R|null, "bulk_ndjson_str": R|null, "bulk_array": R}
//! with R = {"valid": bool, "errors": [{path, code, message, params}], "value"?: "<JSON text>"}
//! (bulk R also carry the batch's shape: "counts": [records, valid, failures], "at": [line or
//! index of each failure], "lines": lines of NDJSON output, "utf8": whether the output is UTF-8).
//!
//! `value` carries the normalized record as the JSON text the path produced (a string holding
//! JSON, not the parsed value): the test then sees exactly what each path wrote (member order,
//! duplicate keys, number spelling) and parses it the same way for every path.
//! `validate_json` is null when serde_json cannot parse the text; the two NDJSON paths are null
//! when the text holds a line feed (it would be several NDJSON lines).
//!
//!   cargo run --quiet --example differential < cases.ndjson > answers.ndjson

use customer_validation::bulk::{self, Batch, Output};
use customer_validation::{models, validate_json, validate_str, Error, Mode, Options, Profile, Unknown};
use serde_json::{json, Value};
use std::io::{self, BufRead, BufWriter, Write};

/// `R` as JSON text. Written by hand, not through a `Value`: the errors are serialized
/// straight from `Error`'s `Serialize` (a `Value` map without serde_json's `preserve_order`
/// would sort the members of `params`).
fn r_json(valid: bool, errors: &[Error], value: Option<&str>) -> String {
    let mut r = format!("{{\"valid\":{valid},\"errors\":{}", serde_json::to_string(errors).expect("errors serialize"));
    if let Some(v) = value {
        r.push_str(",\"value\":");
        r.push_str(&serde_json::to_string(v).expect("a string serializes"));
    }
    r.push('}');
    r
}

/// `R` of a per-record call.
fn outcome_json(value: Option<&Value>, errors: &[Error]) -> String {
    let text = value.map(|v| serde_json::to_string(v).expect("a Value serializes"));
    r_json(errors.is_empty(), errors, text.as_deref())
}

/// `R` of a bulk call over one record, with what the test needs to check the batch's shape:
/// `counts` = [records, valid, failures], `at` = the failures' lines or indexes, `lines` = how
/// many lines the NDJSON output has (the test words its notes from these, for every bulk path alike).
fn batch_json(batch: &Batch) -> String {
    let text = String::from_utf8_lossy(&batch.normalized);
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    let mut r = match batch.failures.first() {
        Some(f) => r_json(false, &f.errors, None),
        None => {
            let value = if batch.valid == 1 { lines.first().copied() } else { None };
            r_json(batch.valid == 1, &[], value)
        }
    };
    r.pop();
    let at: Vec<u64> = batch.failures.iter().map(|f| f.at).collect();
    r.push_str(&format!(
        ",\"counts\":[{},{},{}],\"at\":{},\"lines\":{},\"utf8\":{}}}",
        batch.records,
        batch.valid,
        batch.failures.len(),
        serde_json::to_string(&at).expect("numbers serialize"),
        lines.len(),
        std::str::from_utf8(&batch.normalized).is_ok()
    ));
    r
}

fn options(o: &Value) -> Result<Options, String> {
    let mut opts = Options::default();
    let text = |name: &str| o.get(name).and_then(Value::as_str);
    if let Some(m) = text("mode") {
        opts.mode = Some(Mode::parse(m).ok_or_else(|| format!("bad mode {m:?}"))?);
    }
    if let Some(p) = text("profile") {
        opts.profile = Profile::parse(p).ok_or_else(|| format!("bad profile {p:?}"))?;
    }
    if let Some(u) = text("unknown") {
        opts.unknown = Unknown::parse(u).ok_or_else(|| format!("bad unknown {u:?}"))?;
    }
    if let Some(c) = o.get("coerce") {
        opts.coerce = c.as_bool().ok_or_else(|| format!("bad coerce {c}"))?;
    }
    Ok(opts)
}

fn answer(case: &Value) -> Result<String, String> {
    let id = case["model"].as_str().ok_or("no model")?;
    let model = models::by_id(id).ok_or_else(|| format!("unknown model {id:?}"))?;
    let opts = options(&case["options"])?;
    let text = case["text"].as_str().ok_or("no text")?;

    let by_str = validate_str(model, text, &opts);
    let by_json = match serde_json::from_str::<Value>(text) {
        Ok(v) => {
            let o = validate_json(model, &v, &opts);
            outcome_json(o.value.as_ref(), &o.errors)
        }
        Err(_) => "null".to_owned(),
    };
    // A text ending in CR is no NDJSON line either: the CR would be the line end's (CRLF).
    let (ndjson, ndjson_str) = if text.contains('\n') || text.ends_with('\r') {
        ("null".to_owned(), "null".to_owned())
    } else {
        let a = bulk::validate_ndjson(model, text.as_bytes(), 1, &opts, Output::Ndjson);
        let mut b = Batch::default();
        bulk::validate_ndjson_str_into(model, text, 1, &opts, Output::Ndjson, &mut b);
        (batch_json(&a), batch_json(&b))
    };
    let array = bulk::validate_json_array(model, format!("[{text}]").as_bytes(), &opts, Output::Ndjson);
    Ok(format!(
        "{{\"validate_str\":{},\"validate_json\":{by_json},\"bulk_ndjson\":{ndjson},\"bulk_ndjson_str\":{ndjson_str},\"bulk_array\":{}}}",
        outcome_json(by_str.value.as_ref(), &by_str.errors),
        batch_json(&array),
    ))
}

fn main() -> io::Result<()> {
    // Panics are caught per case and reported in its answer line.
    std::panic::set_hook(Box::new(|_| {}));
    let stdin = io::stdin().lock();
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    for (n, line) in stdin.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Value>(&line).map_err(|e| e.to_string()).and_then(|case| {
            // A panic on one case is an answer too (the test reports it), not the end of the run.
            std::panic::catch_unwind(|| answer(&case)).unwrap_or_else(|p| {
                let what = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned());
                Err(format!("panic: {}", what.unwrap_or_default()))
            })
        });
        match result {
            Ok(v) => out.write_all(v.as_bytes())?,
            // A case the harness wrote wrong: say so on its line, and carry on.
            Err(e) => serde_json::to_writer(&mut out, &json!({ "harness_error": format!("case line {}: {e}", n + 1) }))?,
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}
