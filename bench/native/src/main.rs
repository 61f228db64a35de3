//! Native benchmark: customer-validation's Rust API against the jsonschema crate validating the
//! JSON Schema customer-validation exports, on 100,000 mixed Customer records as NDJSON text
//! (the same records as bench/data.mjs). Prints Markdown tables; asserts nothing about timings.
//!
//!     cargo run --release --manifest-path bench/native/Cargo.toml
//!
//! BENCH_QUICK=1 runs 10,000 records and fewer rounds.

mod data;

use customer_validation::{bulk, json_schema::json_schema, models, validate_json, Mode, Options};
use serde_json::Value;
use std::hint::black_box;
use std::time::Instant;

/// The jsonschema release Cargo.lock pins (printed in the header).
fn jsonschema_version() -> &'static str {
    let lock = include_str!("../Cargo.lock");
    lock.split("[[package]]")
        .find(|p| p.contains("name = \"jsonschema\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map_or("?", |v| v.trim_end_matches('"'))
}

struct Tally {
    lines: usize,
    valid: usize,
    invalid: usize,
    errors: usize,
    out_bytes: usize,
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let m = xs.len() / 2;
    if xs.len() % 2 == 1 {
        xs[m]
    } else {
        (xs[m - 1] + xs[m]) / 2.0
    }
}

fn fmt_int(x: f64) -> String {
    let s = format!("{:.0}", x);
    let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// `text` in pieces of about `size` bytes, each ending at a line end (as a program reading a
/// file in blocks would hand them over, carrying a partial last line to the next block).
fn chunks(text: &[u8], size: usize) -> impl Iterator<Item = &[u8]> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let cut = (start + size).min(text.len());
        let end = text[cut..].iter().position(|b| *b == b'\n').map_or(text.len(), |p| cut + p + 1);
        let piece = &text[start..end];
        start = end;
        Some(piece)
    })
}

fn main() {
    let quick = std::env::var("BENCH_QUICK").as_deref() == Ok("1");
    let (n, rounds) = if quick { (10_000, 3) } else { (100_000, 7) };

    let text = data::customer_ndjson(n, 0xb01c);
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();

    let model = &models::customer::MODEL;
    let opts = Options::create();
    let schema = json_schema(model, &Options { mode: Some(Mode::Create), ..Default::default() }).expect("the customer model exports a JSON Schema");
    // jsonschema checks and never fills defaults. Ours (and ajv with useDefaults) fill a defaulted
    // property before `required` is checked (SPEC section 1: in create mode only `name` can be
    // missing), so for the same verdicts `required` loses the properties that have a default.
    let mut peer_schema = schema.clone();
    let defaulted: Vec<String> = schema["properties"]
        .as_object()
        .map(|props| props.iter().filter(|(_, p)| p.get("default").is_some()).map(|(k, _)| k.clone()).collect())
        .unwrap_or_default();
    let mut dropped = Vec::new();
    if let Some(required) = peer_schema.get_mut("required").and_then(Value::as_array_mut) {
        required.retain(|k| {
            let keep = !k.as_str().is_some_and(|k| defaulted.iter().any(|d| d == k));
            if !keep {
                dropped.push(k.as_str().unwrap_or_default().to_string());
            }
            keep
        });
    }
    let validator = jsonschema::draft202012::options().should_validate_formats(true).build(&peer_schema).expect("jsonschema compiles the exported schema");

    // Not timed: every verdict must agree, or the comparison is void.
    let mut disagree = 0;
    for l in &lines {
        let v: Value = serde_json::from_str(l).expect("generated lines are JSON");
        let ours = validate_json(model, &v, &opts).is_valid();
        let theirs = validator.is_valid(&v);
        if ours != theirs {
            if disagree < 5 {
                eprintln!("verdicts differ (ours {ours}, jsonschema {theirs}): {l}");
            }
            disagree += 1;
        }
    }
    let parsed: Vec<Value> = lines.iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    // Cut before timing, as `lines` is for the line-by-line pipelines: each chunk with the number of its first line.
    let mut pieces = Vec::new();
    let mut next_line = 1;
    for chunk in chunks(text.as_bytes(), 1 << 20) {
        // Cut after a line feed: on a character boundary of the (UTF-8) text.
        pieces.push((next_line, std::str::from_utf8(chunk).expect("chunks end after a line feed")));
        next_line += chunk.iter().filter(|b| **b == b'\n').count();
    }

    type Run<'a> = (&'static str, Box<dyn Fn() -> Tally + 'a>);
    let runs: Vec<Run> = vec![
        (
            "baseline: `serde_json::from_str` of each line only",
            Box::new(|| {
                let mut t = Tally { lines: 0, valid: 0, invalid: 0, errors: 0, out_bytes: 0 };
                for l in &lines {
                    let v: Value = serde_json::from_str(l).unwrap();
                    t.lines += 1;
                    black_box(&v);
                }
                t
            }),
        ),
        (
            "ours: `bulk::validate_ndjson_str_into` over 1 MiB chunks of the text cut at line ends, one reused `Batch` (one pass: parse + validate + normalized NDJSON out)",
            Box::new(|| {
                let mut t = Tally { lines: 0, valid: 0, invalid: 0, errors: 0, out_bytes: 0 };
                let mut batch = bulk::Batch::default();
                for &(line, chunk) in &pieces {
                    bulk::validate_ndjson_str_into(model, chunk, line as u64, &opts, bulk::Output::Ndjson, &mut batch);
                    t.lines += batch.records;
                    t.valid += batch.valid;
                    t.invalid += batch.failures.len();
                    t.errors += batch.failures.iter().map(|f| f.errors.len()).sum::<usize>();
                    t.out_bytes += batch.normalized.len();
                    // Where a program would write the chunk's output and report its failures.
                    black_box(&batch);
                }
                t
            }),
        ),
        (
            "ours: `bulk::validate_ndjson` over the whole text in one call (a fresh 50 MB output buffer, faulted in page by page)",
            Box::new(|| {
                let batch = bulk::validate_ndjson(model, text.as_bytes(), 1, &opts, bulk::Output::Ndjson);
                let errors: usize = batch.failures.iter().map(|f| f.errors.len()).sum();
                let t = Tally { lines: batch.records, valid: batch.valid, invalid: batch.failures.len(), errors, out_bytes: batch.normalized.len() };
                black_box(&batch);
                t
            }),
        ),
        (
            "ours, record by record: `from_str` + `validate_json` + `to_string` of the normalized valid record",
            Box::new(|| {
                let mut t = Tally { lines: 0, valid: 0, invalid: 0, errors: 0, out_bytes: 0 };
                let mut out = String::new();
                let mut errors = Vec::new();
                for (i, l) in lines.iter().enumerate() {
                    t.lines += 1;
                    let v: Value = serde_json::from_str(l).unwrap();
                    let outcome = validate_json(model, &v, &opts);
                    match outcome.value {
                        Some(norm) if outcome.errors.is_empty() => {
                            t.valid += 1;
                            out.push_str(&serde_json::to_string(&norm).unwrap());
                            out.push('\n');
                        }
                        _ => {
                            t.invalid += 1;
                            t.errors += outcome.errors.len();
                            errors.push((i + 1, outcome.errors));
                        }
                    }
                }
                t.out_bytes = out.len();
                black_box(&errors);
                t
            }),
        ),
        (
            "peer: `from_str` + jsonschema `iter_errors` (all errors collected)",
            Box::new(|| {
                let mut t = Tally { lines: 0, valid: 0, invalid: 0, errors: 0, out_bytes: 0 };
                for l in &lines {
                    t.lines += 1;
                    let v: Value = serde_json::from_str(l).unwrap();
                    let errs: Vec<_> = validator.iter_errors(&v).collect();
                    if errs.is_empty() {
                        t.valid += 1;
                    } else {
                        t.invalid += 1;
                        t.errors += errs.len();
                    }
                    black_box(&errs);
                }
                t
            }),
        ),
        (
            "peer + `to_string` of the valid record (no defaults filled)",
            Box::new(|| {
                let mut t = Tally { lines: 0, valid: 0, invalid: 0, errors: 0, out_bytes: 0 };
                let mut out = String::new();
                for l in &lines {
                    t.lines += 1;
                    let v: Value = serde_json::from_str(l).unwrap();
                    let errs: Vec<_> = validator.iter_errors(&v).collect();
                    if errs.is_empty() {
                        t.valid += 1;
                        out.push_str(&serde_json::to_string(&v).unwrap());
                        out.push('\n');
                    } else {
                        t.invalid += 1;
                        t.errors += errs.len();
                    }
                    black_box(&errs);
                }
                t.out_bytes = out.len();
                t
            }),
        ),
        (
            "ours, validation only: `validate_json` on pre-parsed values",
            Box::new(|| {
                let mut t = Tally { lines: 0, valid: 0, invalid: 0, errors: 0, out_bytes: 0 };
                for v in &parsed {
                    t.lines += 1;
                    let outcome = validate_json(model, v, &opts);
                    if outcome.is_valid() {
                        t.valid += 1;
                    } else {
                        t.invalid += 1;
                        t.errors += outcome.errors.len();
                    }
                    black_box(&outcome);
                }
                t
            }),
        ),
        (
            "peer, validation only: `iter_errors` on pre-parsed values",
            Box::new(|| {
                let mut t = Tally { lines: 0, valid: 0, invalid: 0, errors: 0, out_bytes: 0 };
                for v in &parsed {
                    t.lines += 1;
                    let errs: Vec<_> = validator.iter_errors(v).collect();
                    if errs.is_empty() {
                        t.valid += 1;
                    } else {
                        t.invalid += 1;
                        t.errors += errs.len();
                    }
                    black_box(&errs);
                }
                t
            }),
        ),
        (
            "peer, verdict only: `is_valid` on pre-parsed values",
            Box::new(|| {
                let mut t = Tally { lines: 0, valid: 0, invalid: 0, errors: 0, out_bytes: 0 };
                for v in &parsed {
                    t.lines += 1;
                    if validator.is_valid(v) {
                        t.valid += 1;
                    } else {
                        t.invalid += 1;
                    }
                }
                t
            }),
        ),
    ];

    // Round 0 warms up; the order rotates each round.
    let mut secs: Vec<Vec<f64>> = vec![Vec::new(); runs.len()];
    let mut tallies: Vec<Option<Tally>> = (0..runs.len()).map(|_| None).collect();
    for round in 0..=rounds {
        for k in 0..runs.len() {
            let i = (round + k) % runs.len();
            let t0 = Instant::now();
            let tally = (runs[i].1)();
            let s = t0.elapsed().as_secs_f64();
            if round > 0 {
                secs[i].push(s);
            }
            tallies[i] = Some(tally);
        }
    }
    let rate: Vec<f64> = (0..runs.len()).map(|i| tallies[i].as_ref().unwrap().lines as f64 / median(secs[i].clone())).collect();

    println!("# customer-validation benchmark (native Rust)\n");
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        let load: Vec<&str> = load.split_whitespace().take(3).collect();
        println!("{} CPUs; load average {} at the end of the run.\n", std::thread::available_parallelism().map_or(0, |n| n.get()), load.join(" "));
    }
    println!(
        "{} Customer records as NDJSON ({:.1} MB, FNV-1a {:08x}, the same bytes as the Node benchmark's bulk set); jsonschema {} (draft 2020-12, format validation on) built once from `json_schema(customer, create/strict)` with {} taken out of `required` (jsonschema fills no defaults); median of {} rounds.{}\n",
        fmt_int(n as f64),
        text.len() as f64 / 1e6,
        data::fnv1a(text.as_bytes()),
        jsonschema_version(),
        if dropped.is_empty() { "nothing".to_string() } else { dropped.iter().map(|d| format!("`{d}`")).collect::<Vec<_>>().join(", ") },
        rounds,
        if disagree > 0 { format!(" **{disagree} verdicts differ between the two validators.**") } else { " Both agree on every verdict.".to_string() },
    );
    println!("| pipeline | records/s | ns/record | ms per pass | valid / invalid | errors | ours vs this (records/s ÷ records/s) |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    // The pair each row is compared with: full pipelines with ours (row 1), validation-only rows with ours validation-only (row 6).
    for (i, (name, _)) in runs.iter().enumerate() {
        let t = tallies[i].as_ref().unwrap();
        let reference = if i >= 6 { 6 } else { 1 };
        let cmp = if i == 0 { "(baseline)".to_string() } else { format!("{:.2}×", rate[reference] / rate[i]) };
        println!(
            "| {name} | {} | {} | {:.1} | {} / {} | {} | {cmp} |",
            fmt_int(rate[i]),
            fmt_int(1e9 / rate[i]),
            median(secs[i].clone()) * 1e3,
            fmt_int(t.valid as f64),
            fmt_int(t.invalid as f64),
            fmt_int(t.errors as f64),
        );
    }
    println!(
        "\nRatios read \"how many times faster ours is\": above 1× ours is faster. Rows with \"validation only\" compare with ours validation only, the others with the full pipeline of ours. The baseline row is JSON parsing alone, included in every full pipeline; `errors` counts the errors reported in total (jsonschema reports an `anyOf` failure as one error, ours one per failing check)."
    );
}
