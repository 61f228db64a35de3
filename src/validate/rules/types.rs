//! The decisions about a value's type that more than one path makes, one function each: what
//! an int32 is, what a flag is, whether an enum allows a string, and how HTML-form strings
//! are read under coercion. The engine, the fast paths and the exports call these.

use crate::input::Kind;
use crate::schema::decl::{Profile, Ty};
use serde_json::{json, Value};

/// A value that passed its declared type's test, as the checks and the output need it.
pub enum Typed<'a> {
    Str(&'a str),
    /// An allowed enum value (enums have no further checks); `canonical` when the input
    /// named it otherwise (a ServiceStack enum in `api`: `"weekly"`, 5): the declared name.
    Enum {
        canonical: Option<&'static str>,
    },
    /// An int32 or flag; `coerced` when it was read from a form string.
    Int {
        value: i32,
        coerced: bool,
    },
    /// A number; `coerced` when it was read from a form string.
    Num {
        value: f64,
        coerced: bool,
    },
    Bool {
        value: bool,
        coerced: bool,
    },
    /// Any object, passed through unchanged.
    AnyObject,
    /// A declared object, list or map: the engine walks its contents.
    Container,
}

/// Why a value failed its type's test: the error the engine reports.
pub enum Mismatch {
    /// `type`, with the expected JSON type's name.
    Type(&'static str),
    /// A number that is not a whole int32 (`int32`).
    Int32,
    /// An int32 that is no flag value (`enum` of 0 and 1).
    Flag,
    /// A value no enum value matches (`enum`); with the declared name it would be in the
    /// `api` profile (a ServiceStack enum in `strict`: `"weekly"` offers `"Weekly"`).
    Enum(Option<&'static str>),
}

/// The type test of every `Ty`: one function for every path. `coerce` reads HTML-form
/// strings (`"12"` as 12, `"true"` as true); `profile` decides how ServiceStack enums are read.
#[inline(always)]
pub fn type_test<'a>(ty: &Ty, value: &'a Kind, coerce: bool, profile: Profile) -> Result<Typed<'a>, Mismatch> {
    match ty {
        Ty::String => match value {
            Kind::Str(s) => Ok(Typed::Str(s)),
            _ => Err(Mismatch::Type("string")),
        },
        Ty::Enum(allowed) => match value {
            Kind::Str(s) if enum_allows(allowed, s) => Ok(Typed::Enum { canonical: None }),
            Kind::Str(_) => Err(Mismatch::Enum(None)),
            _ => Err(Mismatch::Type("string")),
        },
        Ty::ServiceStackEnum(allowed) => {
            if let Kind::Str(s) = value {
                if enum_allows(allowed, s) {
                    return Ok(Typed::Enum { canonical: None });
                }
            }
            match (servicestack_member(allowed, value), profile) {
                (Some(name), Profile::Api) => Ok(Typed::Enum { canonical: Some(name) }),
                (Some(name), Profile::Strict) => Err(Mismatch::Enum(Some(name))),
                (None, _) if matches!(value, Kind::Str(_)) => Err(Mismatch::Enum(None)),
                (None, _) => Err(Mismatch::Type("string")),
            }
        }
        Ty::Int32 | Ty::Flag => {
            let (n, coerced) = match value {
                Kind::Number(n) if n.is_finite() => (*n, false),
                Kind::Str(s) if coerce => (form_integer(s).ok_or(Mismatch::Type("integer"))?, true),
                _ => return Err(Mismatch::Type("integer")),
            };
            let i = int32(n).ok_or(Mismatch::Int32)?;
            if !in_int_type(ty, i.into()) {
                return Err(Mismatch::Flag);
            }
            Ok(Typed::Int { value: i, coerced })
        }
        Ty::Boolean => match value {
            Kind::Bool(b) => Ok(Typed::Bool { value: *b, coerced: false }),
            Kind::Str(s) if coerce => form_bool(s).map(|b| Typed::Bool { value: b, coerced: true }).ok_or(Mismatch::Type("boolean")),
            _ => Err(Mismatch::Type("boolean")),
        },
        Ty::Number => match value {
            Kind::Number(n) if n.is_finite() => Ok(Typed::Num { value: *n, coerced: false }),
            Kind::Str(s) if coerce => form_number(s).map(|n| Typed::Num { value: n, coerced: true }).ok_or(Mismatch::Type("number")),
            _ => Err(Mismatch::Type("number")),
        },
        Ty::AnyObject => match value {
            Kind::Object => Ok(Typed::AnyObject),
            _ => Err(Mismatch::Type("object")),
        },
        Ty::Object(_) | Ty::Map(_) => match value {
            Kind::Object => Ok(Typed::Container),
            _ => Err(Mismatch::Type("object")),
        },
        Ty::List(_) => match value {
            Kind::Array => Ok(Typed::Container),
            _ => Err(Mismatch::Type("array")),
        },
    }
}

pub const INT32_MIN: i64 = i32::MIN as i64;
pub const INT32_MAX: i64 = i32::MAX as i64;
/// The values of a flag.
pub static FLAG_VALUES: &[i64] = &[0, 1];

/// A number as an int32: a whole number (`3.0` is 3) in -2^31..2^31-1.
#[inline]
pub fn int32(n: f64) -> Option<i32> {
    (n.fract() == 0.0 && (INT32_MIN as f64..=INT32_MAX as f64).contains(&n)).then_some(n as i32)
}

/// Whether a flag holds `i`.
#[inline]
pub fn is_flag(i: i64) -> bool {
    FLAG_VALUES.contains(&i)
}

/// Whether `ty` holds integers (an int32 or a flag): its numbers are read as whole numbers.
pub fn is_integer(ty: &Ty) -> bool {
    match ty {
        Ty::Int32 | Ty::Flag => true,
        Ty::String
        | Ty::Boolean
        | Ty::Number
        | Ty::Enum(_)
        | Ty::ServiceStackEnum(_)
        | Ty::Object(_)
        | Ty::AnyObject
        | Ty::List(_)
        | Ty::Map(_) => false,
    }
}

/// A number as a whole int32-sized value, widened for the fast paths' integer slots.
pub fn whole(n: f64) -> Option<i64> {
    int32(n).map(i64::from)
}

/// Whether a whole number is a value of the integer type `ty` (false for other types).
#[inline]
pub fn in_int_type(ty: &Ty, i: i64) -> bool {
    match ty {
        Ty::Int32 => (INT32_MIN..=INT32_MAX).contains(&i),
        Ty::Flag => is_flag(i),
        // Every other type holds no integers (`is_integer` lists them).
        _ => false,
    }
}

/// Whether an enum allows `s` (exact, case-sensitive).
#[inline]
pub fn enum_allows(allowed: &[&str], s: &str) -> bool {
    allowed.iter().any(|a| same(a.as_bytes(), s.as_bytes()))
}

/// The member a ServiceStack enum value names the way ServiceStack.Text reads it, when not
/// exactly: a name in another case (`"WEEKLY"`), or the member's number in declared order as
/// a JSON number (`5`) or a string of decimal digits (`"5"`).
pub fn servicestack_member(allowed: &'static [&'static str], value: &Kind) -> Option<&'static str> {
    let index = match value {
        Kind::Str(s) => {
            if let Some(name) = allowed.iter().find(|a| a.eq_ignore_ascii_case(s)) {
                return Some(name);
            }
            if s.is_empty() || s.len() > 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse::<usize>().ok()?
        }
        Kind::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n < allowed.len() as f64 => *n as usize,
        _ => return None,
    };
    allowed.get(index).copied()
}

/// A boolean written in an HTML form (coercion): `"true"` or `"false"`.
pub fn form_bool(s: &str) -> Option<bool> {
    match s {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// An integer written in an HTML form (coercion): optional `-`, then ASCII digits.
pub fn form_integer(s: &str) -> Option<f64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<f64>().ok()
}

/// A decimal number written in an HTML form or a CSV cell (coercion): optional `-`, ASCII
/// digits, optionally `.` and more digits (`0.012`, `-3`, `12.50`). Nothing else: no
/// exponent, no spaces, and no decimal comma (`0,012` stays a string, and so a type error,
/// never a silently different amount).
pub fn form_number(s: &str) -> Option<f64> {
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    s.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// How the JSON Schema export states an int32 and a flag.
pub fn int32_schema() -> Value {
    json!({ "type": "integer", "minimum": INT32_MIN, "maximum": INT32_MAX })
}

pub fn flag_schema() -> Value {
    json!({ "type": "integer", "enum": FLAG_VALUES })
}

/// Byte equality without a call to `memcmp` (a byte loop behind a call in WebAssembly): the
/// keys and enum values compared on the hot paths are short, so whole words are compared,
/// the last one overlapping the one before it.
#[inline]
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], i: usize| s.get(i..i + 8).map_or(0, |w| u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]));
    let half = |s: &[u8], i: usize| s.get(i..i + 4).map_or(0, |w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]));
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if word(a, i) != word(b, i) {
                return false;
            }
            i += 8;
        }
        word(a, n - 8) == word(b, n - 8)
    } else if n >= 4 {
        half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4)
    } else {
        a.iter().zip(b).all(|(x, y)| x == y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_gen::Gen;

    /// Word-wise equality agrees with `==` at every length, wherever a byte differs.
    #[test]
    fn same_is_equality() {
        let mut g = Gen(0x5a3e);
        for len in 0..40 {
            let a: Vec<u8> = (0..len).map(|_| b'a' + g.below(3) as u8).collect();
            assert!(same(&a, &a.clone()));
            for at in 0..len {
                let mut b = a.clone();
                b[at] ^= 1 << g.below(8);
                assert!(!same(&a, &b), "{len} {at}");
            }
            assert!(!same(&a, &a[..len.saturating_sub(1)]) || len == 0);
        }
    }

    #[test]
    fn int32_and_flags_at_their_bounds() {
        assert_eq!(int32(2147483647.0), Some(i32::MAX));
        assert_eq!(int32(-2147483648.0), Some(i32::MIN));
        assert_eq!((int32(2147483648.0), int32(-2147483649.0)), (None, None));
        assert_eq!((int32(3.0), int32(-0.0), int32(1.5)), (Some(3), Some(0), None));
        assert_eq!((int32(f64::NAN), int32(f64::INFINITY)), (None, None));
        assert!(is_flag(0) && is_flag(1) && !is_flag(2) && !is_flag(-1));
        assert!(in_int_type(&Ty::Int32, INT32_MAX) && !in_int_type(&Ty::Int32, INT32_MAX + 1));
        assert!(in_int_type(&Ty::Flag, 1) && !in_int_type(&Ty::Flag, 2) && !in_int_type(&Ty::Number, 1));
        assert_eq!((form_integer("-12"), form_integer("1.5"), form_integer(""), form_integer("-")), (Some(-12.0), None, None, None));
        assert_eq!((form_bool("true"), form_bool("True")), (Some(true), None));
        assert!(enum_allows(&["active", "fraud"], "fraud") && !enum_allows(&["active"], "Active"));
    }
}
