//! Raw bytes: the first byte chooses the model and options (`select`), the rest is the text.
//! A UTF-8 text without a line feed is one NDJSON line: every native path must agree on it.
#![no_main]

use customer_validation_fuzz::{check, select};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let (model, options) = select(selector);
    check(model, &options, text);
});
