//! Writing JSON text: string literals, declared literals (defaults) and integers, for the
//! normalized records and the result texts.

use super::scan::PLAIN;
use crate::schema::decl::Lit;

/// Appends `s` as a JSON string literal.
pub(crate) fn push_json_str(out: &mut String, s: &str) {
    if s.bytes().all(|b| PLAIN[b as usize]) {
        out.push('"');
        out.push_str(s);
        out.push('"');
    } else {
        // serde_json's escaping of a &str cannot fail.
        out.push_str(&serde_json::to_string(s).unwrap_or_default());
    }
}

/// Appends a declared literal (a default) as JSON text.
pub(crate) fn push_lit(out: &mut String, lit: Lit) {
    match lit {
        Lit::Str(s) => push_json_str(out, s),
        Lit::Int(i) => push_int(out, i),
        Lit::Bool(b) => out.push_str(if b { "true" } else { "false" }),
    }
}

/// An integer in decimal, without the formatting machinery.
pub(crate) fn push_int(out: &mut String, i: i32) {
    let mut digits = [0u8; 11];
    let mut n = i.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        out.push('-');
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or("0"));
}
