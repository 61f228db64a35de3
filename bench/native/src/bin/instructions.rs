//! Instructions per record, for callgrind (deterministic where timings are not): the same
//! 100,000 mixed Customer records as the benchmark, through one entry point, once.
//!
//!     cargo build --release --manifest-path bench/native/Cargo.toml --bin instructions
//!     valgrind --tool=callgrind --toggle-collect='*measured*' \
//!         bench/native/target/release/instructions bulk     # or: str, json
//!
//! Divide the `Collected` instruction count by the records it prints.

#[path = "../data.rs"]
mod data;

use customer_validation::{bulk, models, validate_json, validate_str, Options};
use std::hint::black_box;

/// The measured call (callgrind counts only inside it).
#[inline(never)]
fn measured(path: &str, text: &str, lines: &[&str], values: &[serde_json::Value]) -> usize {
    let model = &models::customer::MODEL;
    let opts = Options::create();
    let mut valid = 0;
    match path {
        // 1 MiB chunks cut at line ends, one reused batch, as the benchmark's native row.
        "bulk" => {
            let mut batch = bulk::Batch::default();
            let mut start = 0;
            let mut line = 1;
            while start < text.len() {
                let cut = (start + (1 << 20)).min(text.len());
                let end = text[cut..].find('\n').map_or(text.len(), |p| cut + p + 1);
                let chunk = &text[start..end];
                bulk::validate_ndjson_str_into(model, chunk, line, &opts, bulk::Output::Ndjson, &mut batch);
                valid += batch.valid;
                // The generated text has no blank lines: one record per line.
                line += batch.records as u64;
                start = end;
            }
        }
        "str" => {
            for l in lines {
                valid += black_box(validate_str(model, l, &opts)).is_valid() as usize;
            }
        }
        "json" => {
            for v in values {
                valid += black_box(validate_json(model, v, &opts)).is_valid() as usize;
            }
        }
        other => panic!("unknown path {other}: bulk, str or json"),
    }
    valid
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "bulk".into());
    let text = data::customer_ndjson(100_000, 0xb01c);
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let values: Vec<serde_json::Value> =
        if path == "json" { lines.iter().map(|l| serde_json::from_str(l).unwrap()).collect() } else { Vec::new() };
    let valid = measured(&path, &text, &lines, &values);
    println!("{path}: {} records, {valid} valid", lines.len());
}
