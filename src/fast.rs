//! The common case in one pass: a record that is valid, read straight from its JSON text and
//! written out normalized, with no tape, no per-value allocation and no error machinery.
//!
//! It reads the same declarations and runs the same checks (`rules::apply`) as the engine,
//! but it only ever answers "valid, and here is the normalized text" or "not decided here".
//! Anything else (an error, an escaped string, a nested object, a duplicate key, `coerce`)
//! makes it give up, and the engine, which stays the one authority on errors, runs instead.
//! `tests::agrees_with_the_engine` checks that both give the same text for valid records.

use crate::decl::{Check, Lit, Model, ObjectDecl, Profile, Rule, Ty};
use crate::engine::resolve_mode;
use crate::options::{Mode, Options, Unknown};
use crate::rules::{self, Subject};
use crate::tape::{unescape, PLAIN};

/// Objects with more fields than this are left to the engine (the largest model has 27).
const MAX_FIELDS: usize = 32;

/// A declared field's value as `decide` reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar<'a> {
    Absent,
    /// A string's contents; `true` when they still hold JSON escapes.
    Str(&'a str, bool),
    Int(i64),
    Num(f64),
    Bool(bool),
    /// An object given for a field declared as any object (its contents are not read).
    AnyObject,
}

/// Buffers reused from record to record.
#[derive(Default)]
pub struct Scratch {
    /// Unknown members kept by `Unknown::Allow`: key span (with quotes), value span.
    unknown: Vec<(u32, u32, u32, u32)>,
}

/// Validates the JSON object at the start of `text` (after optional whitespace). When it is a
/// valid record, appends its normalized JSON text to `out` and returns the index just past
/// the object; `None` leaves `out` as it was and means the engine must decide.
pub fn record(model: &'static Model, text: &[u8], options: &Options, out: &mut Vec<u8>, scratch: &mut Scratch) -> Option<usize> {
    if options.coerce {
        return None;
    }
    let mode = resolve_mode(model, options).ok()?;
    // One UTF-8 check for the whole text: values are then sliced from it as `str`.
    let line = std::str::from_utf8(text).ok()?;
    let mark = out.len();
    let result = Record { text, line, options, mode, out, scratch }.object(model.root);
    if result.is_none() {
        out.truncate(mark);
    }
    result
}

struct Record<'a, 'o> {
    text: &'a [u8],
    line: &'a str,
    options: &'o Options,
    mode: Mode,
    out: &'o mut Vec<u8>,
    scratch: &'o mut Scratch,
}

impl Record<'_, '_> {
    fn object(&mut self, decl: &'static ObjectDecl) -> Option<usize> {
        let fields = decl.fields;
        if fields.len() > MAX_FIELDS {
            return None;
        }
        let b = self.text;
        let mut i = skip_ws(b, 0);
        if b.get(i) != Some(&b'{') {
            return None;
        }
        i = skip_ws(b, i + 1);
        // Per field: where its member starts (the key's quote, or the value when whitespace
        // separates them) and where its value starts and ends.
        let mut spans = [(0u32, 0u32, 0u32); MAX_FIELDS];
        let mut values = [Scalar::Absent; MAX_FIELDS];
        let mut seen: u64 = 0;
        // Records usually list fields in declaration order: look after the last match first.
        let mut hint = 0;
        self.scratch.unknown.clear();
        if b.get(i) == Some(&b'}') {
            i += 1;
        } else {
            loop {
                let key_start = i;
                // Usually the key is the field after the last one matched, read here at once.
                let expected = fields.get(hint).map(|f| f.name.as_bytes());
                let (key_end, known) = match expected {
                    Some(name) if b.get(i + 1..i + 1 + name.len()) == Some(name) && b.get(i + 1 + name.len()) == Some(&b'"') => {
                        (i + 2 + name.len(), Some(hint))
                    }
                    _ => (plain_string(b, i)?, None),
                };
                let key = &b[key_start + 1..key_end - 1];
                i = skip_ws(b, key_end);
                if b.get(i) != Some(&b':') {
                    return None;
                }
                i = skip_ws(b, i + 1);
                match known.or_else(|| find(fields, key, hint)) {
                    Some(f) => {
                        if seen & (1 << f) != 0 {
                            return None;
                        }
                        seen |= 1 << f;
                        hint = f + 1;
                        let (end, value) = scalar(&fields[f].ty, self.line, i)?;
                        // `"name":value` as written can be copied whole.
                        let compact = i == key_end + 1;
                        spans[f] = (if compact { key_start } else { i } as u32, i as u32, end as u32);
                        values[f] = value;
                        i = end;
                    }
                    None => {
                        if self.options.unknown == Unknown::Reject {
                            return None;
                        }
                        let end = skip_value(b, i)?;
                        self.scratch.unknown.push((key_start as u32, key_end as u32, i as u32, end as u32));
                        i = end;
                    }
                }
                i = skip_ws(b, i);
                match b.get(i) {
                    Some(b',') => i = skip_ws(b, i + 1),
                    Some(b'}') => {
                        i += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }

        let text = self.text;
        let out = &mut *self.out;
        out.reserve(text.len() + 256);
        out.push(b'{');
        let mut members = 0;
        // Members written `"name":value` and separated by a bare comma in the input are
        // copied as one run, commas included: a record in declaration order is a few copies.
        let mut run = (0, 0);
        let flush = |out: &mut Vec<u8>, run: &mut (usize, usize)| {
            out.extend_from_slice(&text[run.0..run.1]);
            *run = (0, 0);
        };
        let unknown = if self.options.unknown == Unknown::Allow { self.scratch.unknown.len() } else { 0 };
        let decided = decide(decl, &values[..fields.len()], self.options, self.mode, unknown, |f, from_input| {
            let (from, value, end) = (spans[f].0 as usize, spans[f].1 as usize, spans[f].2 as usize);
            match (from_input, fields[f].default) {
                (true, _) if from < value => {
                    if run.1 > run.0 && from == run.1 + 1 && text[run.1] == b',' {
                        run.1 = end;
                    } else {
                        flush(out, &mut run);
                        if members > 0 {
                            out.push(b',');
                        }
                        run = (from, end);
                    }
                    members += 1;
                }
                (true, _) => {
                    flush(out, &mut run);
                    member(out, &mut members, fields[f].name);
                    out.extend_from_slice(&text[value..end]);
                }
                (false, Some(lit)) => {
                    flush(out, &mut run);
                    member(out, &mut members, fields[f].name);
                    push_lit(out, lit);
                }
                (false, None) => {}
            }
        });
        if !decided {
            return None;
        }
        flush(out, &mut run);
        if self.options.unknown == Unknown::Allow {
            for &(ks, ke, vs, ve) in &self.scratch.unknown {
                if members > 0 {
                    out.push(b',');
                }
                members += 1;
                out.extend_from_slice(&text[ks as usize..ke as usize]);
                out.push(b':');
                out.extend_from_slice(&text[vs as usize..ve as usize]);
            }
        }
        out.push(b'}');
        Some(i)
    }
}

/// The declared field named `key`, looking from `hint` on first.
fn find(fields: &[crate::decl::Field], key: &[u8], hint: usize) -> Option<usize> {
    let same = |f: usize| fields[f].name.len() == key.len() && fields[f].name.as_bytes() == key;
    (hint..fields.len()).chain(0..hint.min(fields.len())).find(|&f| same(f))
}

/// Reads the value at `i` as the type expects it: its end and its value. `None` for anything
/// the fast path leaves to the engine: a wrong type, a fraction where an integer is due, a
/// nested declared object or list.
fn scalar<'a>(ty: &Ty, line: &'a str, i: usize) -> Option<(usize, Scalar<'a>)> {
    let b = line.as_bytes();
    match ty {
        Ty::String | Ty::Enum(_) => {
            let (end, escaped) = match plain_string(b, i) {
                Some(end) => (end, false),
                None => (any_string(b, i)?, true),
            };
            // Between two quotes: on character boundaries.
            Some((end, Scalar::Str(line.get(i + 1..end - 1)?, escaped)))
        }
        Ty::Int32 | Ty::Flag => match integer(b, i) {
            Some((end, n)) => Some((end, Scalar::Int(n))),
            // `1.0` and `1e2` are integers too: the engine passes their text unchanged.
            None => {
                let end = number(b, i)?;
                let n: f64 = line.get(i..end)?.parse().ok()?;
                Some((end, Scalar::Int(whole(n)?)))
            }
        },
        Ty::Boolean => {
            if b[i..].starts_with(b"true") {
                Some((i + 4, Scalar::Bool(true)))
            } else if b[i..].starts_with(b"false") {
                Some((i + 5, Scalar::Bool(false)))
            } else {
                None
            }
        }
        Ty::Number => {
            let end = number(b, i)?;
            // The span is a JSON number, which is a Rust float literal.
            let n: f64 = line.get(i..end)?.parse().ok()?;
            Some((end, Scalar::Num(n)))
        }
        Ty::AnyObject => (b.get(i) == Some(&b'{')).then(|| skip_value(b, i)).flatten().map(|end| (end, Scalar::AnyObject)),
        Ty::Object(_) | Ty::List(_) | Ty::Map(_) => None,
    }
}

/// A number that is a whole int32-sized value, as an integer.
pub fn whole(n: f64) -> Option<i64> {
    (n.fract() == 0.0 && (i32::MIN as f64..=i32::MAX as f64).contains(&n)).then_some(n as i64)
}

/// Decides a record of `decl` from its fields' values (by declaration index): when every
/// present value has its field's type and passes its rules, and nothing required is missing,
/// calls `member(field, from_input)` for each member of the normalized object in order (from
/// the input, or the field's default) and returns true. `extra` counts members added after
/// them (unknown properties kept). False: not decided here; the engine reports the errors.
pub fn decide(
    decl: &ObjectDecl,
    values: &[Scalar],
    options: &Options,
    mode: Mode,
    extra: usize,
    mut member: impl FnMut(usize, bool),
) -> bool {
    let fields = decl.fields;
    let strict = options.profile == Profile::Strict;
    let flags = |name: &str| match decl.field(name) {
        Some((f, _)) => match values[f] {
            Scalar::Bool(b) => Some(b),
            _ => None,
        },
        None => None,
    };
    let mut members = extra;
    for (f, field) in fields.iter().enumerate() {
        match values[f] {
            Scalar::Absent if mode == Mode::Create => match field.default {
                Some(_) => {
                    member(f, false);
                    members += 1;
                }
                None if field.required => return false,
                None => {}
            },
            Scalar::Absent => {}
            value => {
                if !passes(&field.ty, field.rules, value, strict, &flags) {
                    return false;
                }
                member(f, true);
                members += 1;
            }
        }
    }
    // `{}` in patch mode is an error (min_properties).
    mode == Mode::Create || members > 0
}

/// Whether a value has its field's type and passes the field's rules.
fn passes(ty: &Ty, rules: &[Rule], value: Scalar, strict: bool, flags: rules::Flags) -> bool {
    let decoded;
    let subject = match (ty, value) {
        (Ty::String, Scalar::Str(s, escaped)) => {
            decoded = contents(s, escaped);
            Subject::Str(&decoded)
        }
        (Ty::Enum(allowed), Scalar::Str(s, escaped)) => return allowed.contains(&contents(s, escaped).as_ref()),
        (Ty::Int32, Scalar::Int(i)) if (i32::MIN as i64..=i32::MAX as i64).contains(&i) => Subject::Int(i),
        (Ty::Flag, Scalar::Int(i)) if i == 0 || i == 1 => Subject::Int(i),
        (Ty::Number, Scalar::Num(n)) if n.is_finite() => Subject::Num(n),
        // The engine runs no rules on these.
        (Ty::Boolean, Scalar::Bool(_)) | (Ty::AnyObject, Scalar::AnyObject) => return true,
        _ => return false,
    };
    rules.iter().all(|rule| {
        let applies = (rule.profile == Profile::Api || strict) && !matches!(rule.check, Check::Each(_));
        !applies || rules::apply(&rule.check, subject, flags).is_ok()
    })
}

fn contents(s: &str, escaped: bool) -> std::borrow::Cow<'_, str> {
    if escaped {
        std::borrow::Cow::Owned(unescape(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn member(out: &mut Vec<u8>, members: &mut usize, name: &str) {
    if *members > 0 {
        out.push(b',');
    }
    *members += 1;
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

fn push_lit(out: &mut Vec<u8>, lit: Lit) {
    match lit {
        Lit::Str(s) if s.bytes().all(|b| PLAIN[b as usize]) => {
            out.push(b'"');
            out.extend_from_slice(s.as_bytes());
            out.push(b'"');
        }
        Lit::Str(s) => out.extend_from_slice(serde_json::to_string(s).unwrap_or_default().as_bytes()),
        Lit::Int(n) => {
            let mut digits = [0u8; 11];
            let mut at = digits.len();
            let mut m = n.unsigned_abs();
            loop {
                at -= 1;
                digits[at] = b'0' + (m % 10) as u8;
                m /= 10;
                if m == 0 {
                    break;
                }
            }
            if n < 0 {
                out.push(b'-');
            }
            out.extend_from_slice(&digits[at..]);
        }
        Lit::Bool(v) => out.extend_from_slice(if v { b"true" } else { b"false" }),
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// A string without escapes or control characters at `i`: the index past its closing quote.
/// Eight bytes at a time while none of them can end the run.
fn plain_string(b: &[u8], i: usize) -> Option<usize> {
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
fn integer(b: &[u8], i: usize) -> Option<(usize, i64)> {
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

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` at `i`: the index past it.
fn number(b: &[u8], i: usize) -> Option<usize> {
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

/// Steps over any JSON value at `i`, checking its syntax: the index past it. Escaped strings
/// are accepted here (they are copied, not read); nesting is bounded by a 128-bit stack.
fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
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
                if depth == 128 {
                    return None;
                }
                stack = stack << 1 | (open == b'{') as u128;
                depth += 1;
                i = skip_ws(b, i + 1);
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
            i = skip_ws(b, i);
            match *b.get(i)? {
                b',' => {
                    i = skip_ws(b, i + 1);
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
fn member_key(b: &[u8], i: usize) -> Option<usize> {
    let i = skip_ws(b, any_string(b, i)?);
    (b.get(i) == Some(&b':')).then(|| skip_ws(b, i + 1))
}

/// Any valid string literal at `i` (escapes allowed, contents UTF-8): the index past it.
fn any_string(b: &[u8], i: usize) -> Option<usize> {
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
    use crate::models::{create_customer_dto, customer, patch_customer, ALL};
    use crate::raw_input::Raw;
    use crate::tape::Tape;
    use crate::{engine, Options};

    /// JSON texts fields are filled with: values of every type, at and across the bounds the
    /// rules care about, with escapes, non-ASCII text and numbers written in unusual ways.
    const POOL: &[&str] = &[
        r#""Acme""#,
        r#""Zürich 東京 😀""#,
        r#""Esc\"aped \u00e9""#,
        r#""""#,
        r#""active""#,
        r#""fraud""#,
        r#""credit""#,
        r#""paymentmethod""#,
        r#""0a73b90b68b3f4a72f046794""#,
        r#""0a73b90b68b3f4a72f04679""#,
        r#""https://www.acme.co.uk/?ref=crm""#,
        r#""ftp://acme.com""#,
        r#""10.178.80.224""#,
        r#""1.1.1.1""#,
        r#""2001:db8:b7c::e:b""#,
        r#""2021-06-02T16:43:38.5+05:30""#,
        r#""2024-05-01 10:00:00""#,
        r#""+14155550123""#,
        r#""+014155550123""#,
        r#""abc123""#,
        r#""*#12A""#,
        r#""a@b.co""#,
        r#""sip:alice@example.com""#,
        r#""2024-02-29""#,
        r#""09:30""#,
        r#""true""#,
        r#""7""#,
        "\"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀\"",
        "\"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀\"",
        "0",
        "1",
        "-1",
        "2",
        "12",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483649",
        "1.0",
        "1.5",
        "-0",
        "1e2",
        "12345678901",
        "3.5e400",
        "true",
        "false",
        "null",
        "[]",
        r#"[1,"a"]"#,
        "{}",
        r#"{ "a" : { "b": [1, "\u00e9", null] } }"#,
        r#"{"stringValue":"x"}"#,
    ];

    struct Gen(u64);
    impl Gen {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
        fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }
    }

    /// A record of `decl` as JSON text: fields mostly from the values `validate_field` accepts
    /// for them alone (so that many records are valid), sometimes anything from `POOL`;
    /// unknown and duplicate keys, shuffled order and odd whitespace now and then.
    fn record_text(g: &mut Gen, decl: &'static ObjectDecl, accepted: &[Vec<&'static str>]) -> String {
        let mut members: Vec<String> = Vec::new();
        for (f, field) in decl.fields.iter().enumerate() {
            if !g.chance(60) {
                continue;
            }
            let value =
                if !accepted[f].is_empty() && g.chance(90) { accepted[f][g.below(accepted[f].len())] } else { POOL[g.below(POOL.len())] };
            members.push(format!("\"{}\":{}", field.name, value));
            if g.chance(2) {
                members.push(format!("\"{}\":{}", field.name, POOL[g.below(POOL.len())]));
            }
        }
        if g.chance(10) {
            members.push(format!("\"extra{}\":{}", g.below(3), POOL[g.below(POOL.len())]));
        }
        if g.chance(10) {
            let (a, b) = (g.below(members.len() + 1), g.below(members.len() + 1));
            if a < members.len() && b < members.len() {
                members.swap(a, b);
            }
        }
        let sep = if g.chance(10) { " ,\n " } else { "," };
        let text = format!("{{{}}}", members.join(sep));
        if g.chance(3) {
            format!(" {text} ")
        } else {
            text
        }
    }

    /// Wherever the fast path answers, the engine gives the same answer (valid, same text);
    /// and it answers for most valid records, or it would be no fast path.
    #[test]
    fn agrees_with_the_engine() {
        let mut g = Gen(0x5eed_fa57);
        let mut tape = Tape::default();
        let mut scratch = Scratch::default();
        for model in ALL {
            for options in [
                Options::create(),
                Options::patch(),
                Options::api(),
                Options { unknown: Unknown::Strip, ..Options::create() },
                Options { unknown: Unknown::Reject, ..Options::patch() },
                Options { coerce: true, ..Options::create() },
            ] {
                let patch_only = !model.supports_create && options.mode == Some(Mode::Create);
                let accepted: Vec<Vec<&str>> = model
                    .root
                    .fields
                    .iter()
                    .map(|field| {
                        POOL.iter()
                            .copied()
                            .filter(|text| {
                                let v: Option<serde_json::Value> = serde_json::from_str(text).ok();
                                v.is_some_and(|v| engine::validate_field(model, field.name, Some(&&v), None, &options).is_empty())
                            })
                            .collect()
                    })
                    .collect();
                let (mut valid, mut decided) = (0, 0);
                for _ in 0..3000 {
                    let text = record_text(&mut g, model.root, &accepted);
                    let engine_says = engine::validate(model, &Raw::parse(&mut tape, &text).unwrap(), &options);
                    let mut out = b"previous record\n".to_vec();
                    let fast_says = record(model, text.as_bytes(), &options, &mut out, &mut scratch);
                    valid += engine_says.is_valid() as usize;
                    match fast_says {
                        Some(end) => {
                            decided += 1;
                            assert!(text.as_bytes()[end..].iter().all(u8::is_ascii_whitespace), "{text}");
                            assert!(engine_says.is_valid(), "fast path accepted what the engine refuses: {text} {:?}", engine_says.errors);
                            let normalized = std::str::from_utf8(&out[16..]).unwrap();
                            assert_eq!(Some(normalized), engine_says.value.as_deref(), "{text}");
                        }
                        None => assert_eq!(out, b"previous record\n", "a record left to the engine leaves the output alone"),
                    }
                }
                let (id, mode) = (model.id, options.mode);
                if options.coerce || patch_only {
                    assert_eq!(decided, 0, "{id} {mode:?}: coercion and unsupported modes are the engine's");
                } else if model.root.fields.iter().any(|f| matches!(f.ty, Ty::Object(_) | Ty::List(_) | Ty::Map(_))) {
                    // Nested declared objects are the engine's: only flat records are decided.
                    assert!(decided > 0, "{id} {mode:?}: no flat record decided");
                } else {
                    // Duplicate keys are left to the engine.
                    assert!(
                        valid > 300 && decided * 10 >= valid * 9,
                        "{id} {mode:?} {:?}: {decided} of {valid} valid records decided",
                        options.unknown
                    );
                }
            }
        }
        let _ = (customer::MODEL.id, create_customer_dto::MODEL.id, patch_customer::MODEL.id);
    }

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
        let deep = "[".repeat(129) + &"]".repeat(129);
        assert_eq!(skip_value(deep.as_bytes(), 0), None);
        let ok = "[".repeat(128) + &"]".repeat(128);
        assert_eq!(skip_value(ok.as_bytes(), 0), Some(256));
        assert_eq!(plain_string(b"\"a\xc3\xa9\"", 0), Some(5));
        assert_eq!(plain_string(b"\"a\\\"\"", 0), None);
    }
}
