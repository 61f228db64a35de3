//! Scanners over JSON text for the fast path: each checks one construct's syntax at a
//! position and returns the index past it, without building anything.

use super::decide::{whole, Scalar};
use crate::decl::Ty;
use crate::tape::PLAIN;

/// Reads any JSON value at `i` for a field of type `ty`: the index past it and the value as
/// `decide` reads it (a string keeps its text as written, with a flag when it holds
/// escapes; an integer stays an integer where one is declared). Objects and arrays are
/// stepped over, not read.
pub(super) fn any_value<'a>(line: &'a str, i: usize, ty: &Ty) -> Option<(usize, Scalar<'a>)> {
    let b = line.as_bytes();
    match *b.get(i)? {
        b'"' => {
            let (end, escaped) = match plain_string(b, i) {
                Some(end) => (end, false),
                None => (any_string(b, i)?, true),
            };
            // Between two quotes: on character boundaries.
            Some((end, Scalar::Str(line.get(i + 1..end - 1)?, escaped)))
        }
        b't' if b[i..].starts_with(b"true") => Some((i + 4, Scalar::Bool(true))),
        b'f' if b[i..].starts_with(b"false") => Some((i + 5, Scalar::Bool(false))),
        b'n' if b[i..].starts_with(b"null") => Some((i + 4, Scalar::Null)),
        b'-' | b'0'..=b'9' => {
            let int_declared = matches!(ty, Ty::Int32 | Ty::Flag);
            match integer(b, i) {
                Some((end, n)) if int_declared => Some((end, Scalar::Int(n))),
                Some((end, n)) => Some((end, Scalar::Num(n as f64))),
                // A JSON number is a Rust float literal; one too large for f64 is infinite.
                None => {
                    let end = number(b, i)?;
                    let n: f64 = line.get(i..end)?.parse().ok()?;
                    Some((end, if int_declared { whole(n).map_or(Scalar::Num(n), Scalar::Int) } else { Scalar::Num(n) }))
                }
            }
        }
        b'{' => Some((skip_value(b, i)?, Scalar::AnyObject)),
        b'[' => Some((skip_value(b, i)?, Scalar::Array)),
        _ => None,
    }
}

pub(super) use crate::rules::types::same;

/// JSON whitespace but a line feed: a record read here never spans lines, so that NDJSON is
/// read record after record without searching for line ends first. (A text with line feeds
/// inside a record is left to the engine, which reads any JSON.)
pub(crate) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\r')) {
        i += 1;
    }
    i
}

/// Spaces and tabs: the whitespace inside values the fast path copies out as written (see
/// `skip_value`). A carriage return there (a line break to some NDJSON readers) leaves the
/// record to the engine, whose output has none.
fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// A string without escapes or control characters at `i`: the index past its closing quote.
/// Eight bytes at a time while none of them can end the run.
pub(super) fn plain_string(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each zero byte of `x` (and possibly of bytes above one: only "any" is exact).
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut j = i + 1;
    while j + 8 <= b.len() {
        let x = u64::from_le_bytes([b[j], b[j + 1], b[j + 2], b[j + 3], b[j + 4], b[j + 5], b[j + 6], b[j + 7]]);
        // A byte below 0x20, a '"' or a '\\' (bytes of 0x80 and up never count as below 0x20).
        let stop = (x.wrapping_sub(ONES * 0x20) & !x & HIGH) | zero(x ^ (ONES * b'"' as u64)) | zero(x ^ (ONES * b'\\' as u64));
        if stop != 0 {
            // The first byte that may stop the run.
            j += (stop.trailing_zeros() / 8) as usize;
            break;
        }
        j += 8;
    }
    while j < b.len() && PLAIN[b[j] as usize] {
        j += 1;
    }
    (b.get(j) == Some(&b'"')).then_some(j + 1)
}

/// A JSON integer (no fraction or exponent) of at most 10 digits, and its value.
pub(super) fn integer(b: &[u8], i: usize) -> Option<(usize, i64)> {
    let negative = b.get(i) == Some(&b'-');
    let from = i + negative as usize;
    let mut j = from;
    let mut n: i64 = 0;
    while let Some(d @ b'0'..=b'9') = b.get(j).copied() {
        n = n * 10 + (d - b'0') as i64;
        j += 1;
        if j - from > 10 {
            return None;
        }
    }
    let digits = j - from;
    if digits == 0 || (digits > 1 && b[from] == b'0') || matches!(b.get(j), Some(b'.' | b'e' | b'E')) {
        return None;
    }
    Some((j, if negative { -n } else { n }))
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` at `i`, within an f64's range (else the
/// engine reports it): the index past it.
pub(super) fn number(b: &[u8], i: usize) -> Option<usize> {
    let end = number_syntax(b, i)?;
    crate::tape::number_in_range(&b[i..end]).then_some(end)
}

fn number_syntax(b: &[u8], i: usize) -> Option<usize> {
    let digits = |mut j: usize| {
        let from = j;
        while matches!(b.get(j), Some(b'0'..=b'9')) {
            j += 1;
        }
        (j > from).then_some(j)
    };
    let mut j = i + (b.get(i) == Some(&b'-')) as usize;
    j = match b.get(j) {
        Some(b'0') => j + 1,
        Some(b'1'..=b'9') => digits(j)?,
        _ => return None,
    };
    if b.get(j) == Some(&b'.') {
        j = digits(j + 1)?;
    }
    if matches!(b.get(j), Some(b'e' | b'E')) {
        j += 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        j = digits(j)?;
    }
    Some(j)
}

/// How deep a member's value may nest: the record around it is the first level of
/// `engine::MAX_NESTING`. A deeper value is left to the engine, which reports it.
const VALUE_NESTING: usize = crate::engine::MAX_NESTING - 1;

/// Steps over any JSON value at `i`, checking its syntax: the index past it. Escaped strings
/// are accepted here (they are copied, not read); nesting is bounded by `VALUE_NESTING`.
pub(super) fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    // One bit per open container: 1 = object, 0 = array.
    let mut stack: u128 = 0;
    let mut depth = 0;
    loop {
        // A value.
        match *b.get(i)? {
            b'"' => i = any_string(b, i)?,
            b't' if b[i..].starts_with(b"true") => i += 4,
            b'f' if b[i..].starts_with(b"false") => i += 5,
            b'n' if b[i..].starts_with(b"null") => i += 4,
            b'-' | b'0'..=b'9' => i = number(b, i)?,
            open @ (b'{' | b'[') => {
                if depth == VALUE_NESTING {
                    return None;
                }
                stack = stack << 1 | (open == b'{') as u128;
                depth += 1;
                i = skip_spaces(b, i + 1);
                let close = if open == b'{' { b'}' } else { b']' };
                if b.get(i) == Some(&close) {
                    i += 1;
                    depth -= 1;
                    stack >>= 1;
                } else {
                    if open == b'{' {
                        i = member_key(b, i)?;
                    }
                    continue;
                }
            }
            _ => return None,
        }
        // After a value: close containers or step to the next value.
        loop {
            if depth == 0 {
                return Some(i);
            }
            let in_object = stack & 1 == 1;
            i = skip_spaces(b, i);
            match *b.get(i)? {
                b',' => {
                    i = skip_spaces(b, i + 1);
                    if in_object {
                        i = member_key(b, i)?;
                    }
                    break;
                }
                b'}' if in_object => {}
                b']' if !in_object => {}
                _ => return None,
            }
            i += 1;
            depth -= 1;
            stack >>= 1;
        }
    }
}

/// A key, the colon and the whitespace up to the member's value.
pub(super) fn member_key(b: &[u8], i: usize) -> Option<usize> {
    let i = skip_spaces(b, any_string(b, i)?);
    (b.get(i) == Some(&b':')).then(|| skip_spaces(b, i + 1))
}

/// Any valid string literal at `i` (escapes allowed, contents UTF-8): the index past it.
pub(super) fn any_string(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let mut j = i + 1;
    loop {
        while j < b.len() && PLAIN[b[j] as usize] {
            j += 1;
        }
        match *b.get(j)? {
            b'"' => break,
            b'\\' => match *b.get(j + 1)? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => j += 2,
                b'u' if b.get(j + 2..j + 6)?.iter().all(u8::is_ascii_hexdigit) => j += 6,
                _ => return None,
            },
            _ => return None,
        }
    }
    std::str::from_utf8(&b[i + 1..j]).ok()?;
    Some(j + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_gen::Gen;

    /// The eight-bytes-at-a-time scan ends where a byte-by-byte one does.
    #[test]
    fn plain_string_scan() {
        let alphabet = [b'a', b'Z', b' ', b'"', b'\\', 0x00, 0x1f, 0x20, 0x7f, 0x80, 0xc3, 0xa9, 0xff, b'0'];
        let mut g = Gen(0x0123_4567);
        for _ in 0..200_000 {
            let len = g.below(40);
            let mut text = vec![b'"'];
            text.extend((0..len).map(|_| if g.chance(85) { b'x' } else { alphabet[g.below(alphabet.len())] }));
            text.push(b'"');
            let end = 1 + text[1..].iter().position(|b| !PLAIN[*b as usize]).unwrap();
            let expected = (text[end] == b'"').then_some(end + 1);
            assert_eq!(plain_string(&text, 0), expected, "{text:?}");
        }
    }

    #[test]
    fn scanners() {
        assert_eq!(integer(b"-0,", 0), Some((2, 0)));
        assert_eq!(integer(b"2147483648]", 0), Some((10, 2147483648)));
        assert_eq!(integer(b"01", 0), None);
        assert_eq!(integer(b"1.0", 0), None);
        assert_eq!(integer(b"12345678901", 0), None);
        assert_eq!(number(b"-1.5e+3x", 0), Some(7));
        assert_eq!(number(b"1.", 0), None);
        assert_eq!(skip_value(br#"{"a":[1,{"b":"\u00e9\n"}],"c":null} "#, 0), Some(35));
        assert_eq!(skip_value(b"[1,]", 0), None);
        assert_eq!(skip_value(br#"{"a" 1}"#, 0), None);
        assert_eq!(skip_value(b"\"\\x\"", 0), None);
        let deep = "[".repeat(128) + &"]".repeat(128);
        assert_eq!(skip_value(deep.as_bytes(), 0), None);
        let ok = "[".repeat(127) + &"]".repeat(127);
        assert_eq!(skip_value(ok.as_bytes(), 0), Some(254));
        assert_eq!(number(b"1e400", 0), None);
        assert_eq!(skip_value(b"[1,-1e309]", 0), None);
        assert_eq!(number(b"1e308,", 0), Some(5));
        assert_eq!(plain_string(b"\"a\xc3\xa9\"", 0), Some(5));
        assert_eq!(plain_string(b"\"a\\\"\"", 0), None);
    }

    #[test]
    fn values() {
        let line = r#"{"a":"x\"y","b":-0,"c":1.5e3,"d":[1,{}],"e":null}"#;
        assert_eq!(any_value(line, 5, &Ty::String), Some((11, Scalar::Str(r#"x\"y"#, true))));
        assert_eq!(any_value(line, 16, &Ty::Int32), Some((18, Scalar::Int(0))));
        assert_eq!(any_value(line, 16, &Ty::Number), Some((18, Scalar::Num(0.0))));
        assert_eq!(any_value(line, 23, &Ty::Int32), Some((28, Scalar::Int(1500))));
        assert_eq!(any_value(line, 23, &Ty::String), Some((28, Scalar::Num(1500.0))));
        assert_eq!(any_value(line, 33, &Ty::String), Some((39, Scalar::Array)));
        assert_eq!(any_value(line, 44, &Ty::String), Some((48, Scalar::Null)));
        assert_eq!(any_value("tru", 0, &Ty::Boolean), None);
    }
}
