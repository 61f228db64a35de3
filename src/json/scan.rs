//! The JSON grammar (RFC 8259), one function per construct: each checks the construct's
//! syntax at a position and returns the index past it, without building anything. The tape
//! reader and the fast path both read text by these, so they accept the same texts.

/// Bytes that may stand in a JSON string as they are (no control character, quote or backslash).
pub static PLAIN: [bool; 256] = {
    let mut t = [true; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = false;
        i += 1;
    }
    t[b'"' as usize] = false;
    t[b'\\' as usize] = false;
    t
};

/// Whitespace between JSON tokens (RFC 8259: space, tab, line feed, carriage return; not a
/// form feed or other ASCII whitespace).
pub fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

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
pub(crate) fn plain_string(b: &[u8], i: usize) -> Option<usize> {
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
pub(crate) fn integer(b: &[u8], i: usize) -> Option<(usize, i64)> {
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
pub(crate) fn number(b: &[u8], i: usize) -> Option<usize> {
    let end = number_syntax(b, i).ok()?;
    number_in_range(&b[i..end]).then_some(end)
}

/// Whether a JSON number literal (its syntax already checked) is within the range of an
/// f64: one whose magnitude rounds to infinity (`1e400`) is not a number JSON can carry
/// between systems (RFC 8259, section 6), and is refused as a `json` error on every path.
/// Only literals with an exponent or over 300 digits can overflow, so most are not parsed.
pub fn number_in_range(literal: &[u8]) -> bool {
    if literal.len() <= 300 && !literal.iter().any(|b| matches!(b, b'e' | b'E')) {
        return true;
    }
    std::str::from_utf8(literal).ok().and_then(|s| s.parse::<f64>().ok()).is_some_and(f64::is_finite)
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` at `i`: the index past it.
/// `Err` holds where the grammar stopped.
pub(crate) fn number_syntax(b: &[u8], i: usize) -> Result<usize, usize> {
    let digits = |mut j: usize| {
        let from = j;
        while matches!(b.get(j), Some(b'0'..=b'9')) {
            j += 1;
        }
        if j > from {
            Ok(j)
        } else {
            Err(j)
        }
    };
    let mut j = i + (b.get(i) == Some(&b'-')) as usize;
    j = match b.get(j) {
        Some(b'0') => j + 1,
        Some(b'1'..=b'9') => digits(j)?,
        _ => return Err(j),
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
    Ok(j)
}

/// How deep a member's value may nest: the record around it is the first level of
/// `engine::MAX_NESTING`. A deeper value is left to the engine, which reports it.
const VALUE_NESTING: usize = crate::validate::engine::MAX_NESTING - 1;

/// Steps over any JSON value at `i`, checking its syntax: the index past it. Escaped strings
/// are accepted here (they are copied, not read); nesting is bounded by `VALUE_NESTING`.
pub(crate) fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
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
pub(crate) fn member_key(b: &[u8], i: usize) -> Option<usize> {
    let i = skip_spaces(b, any_string(b, i)?);
    (b.get(i) == Some(&b':')).then(|| skip_spaces(b, i + 1))
}

/// Any valid string literal at `i` (escapes allowed, contents UTF-8): the index past it.
pub(crate) fn any_string(b: &[u8], i: usize) -> Option<usize> {
    let (end, _) = string(b, i).ok()?;
    std::str::from_utf8(&b[i + 1..end - 1]).ok()?;
    Some(end)
}

/// The string literal at `i` (its contents are not checked for UTF-8): the index past it and
/// whether it holds escapes; or where and why it is not one.
pub(crate) fn string(b: &[u8], i: usize) -> Result<(usize, bool), (usize, &'static str)> {
    if b.get(i) != Some(&b'"') {
        return Err((i, "expected a string"));
    }
    let mut j = i + 1;
    let mut escaped = false;
    loop {
        while j < b.len() && PLAIN[b[j] as usize] {
            j += 1;
        }
        match b.get(j) {
            Some(b'"') => return Ok((j + 1, escaped)),
            Some(b'\\') => {
                escaped = true;
                match b.get(j + 1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => j += 2,
                    Some(b'u') => match b.get(j + 2..j + 6) {
                        Some(hex) if hex.iter().all(u8::is_ascii_hexdigit) => j += 6,
                        Some(_) => return Err((j + 1, "invalid escape")),
                        None => return Err((j + 1, "EOF while parsing a string")),
                    },
                    None => return Err((b.len(), "EOF while parsing a string")),
                    Some(_) => return Err((j + 1, "invalid escape")),
                }
            }
            None => return Err((j, "EOF while parsing a string")),
            Some(_) => return Err((j, "control character (\\u0000-\\u001F) found while parsing a string")),
        }
    }
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
}
