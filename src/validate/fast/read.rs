//! Reading a declared field's value straight from the record's text, for `decide`.

use super::decide::Scalar;
use crate::json::scan::{any_string, integer, number, plain_string, skip_value};
use crate::schema::decl::Ty;
use crate::validate::rules::types;

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
            let int_declared = types::is_integer(ty);
            match integer(b, i) {
                Some((end, n)) if int_declared => Some((end, Scalar::Int(n))),
                Some((end, n)) => Some((end, Scalar::Num(n as f64))),
                // A JSON number is a Rust float literal; one too large for f64 is infinite.
                None => {
                    let end = number(b, i)?;
                    let n: f64 = line.get(i..end)?.parse().ok()?;
                    Some((end, if int_declared { types::whole(n).map_or(Scalar::Num(n), Scalar::Int) } else { Scalar::Num(n) }))
                }
            }
        }
        b'{' => Some((skip_value(b, i)?, Scalar::AnyObject)),
        b'[' => Some((skip_value(b, i)?, Scalar::Array)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
