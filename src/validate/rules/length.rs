//! `MinLength` and `MaxLength`: lengths in code points (not UTF-16 units, not bytes).

use super::Subject;
use crate::report::error::{Code, Param, Params};
use serde_json::{json, Value};

/// Code points. A string of at most `n` bytes has at most `n` code points, and one of at
/// least `4 * n` bytes at least `n`: most strings are decided by their byte length alone.
fn chars(s: &str) -> usize {
    s.chars().count()
}

pub fn min_is_valid(min: usize, subject: Subject) -> bool {
    match subject {
        Subject::Str(s) => s.len() >= min && (s.len() >= 4 * min || chars(s) >= min),
        Subject::Int(_) | Subject::Num(_) => true,
    }
}

pub fn max_is_valid(max: usize, subject: Subject) -> bool {
    match subject {
        Subject::Str(s) => s.len() <= max || chars(s) <= max,
        Subject::Int(_) | Subject::Num(_) => true,
    }
}

fn actual(subject: Subject) -> i64 {
    match subject {
        Subject::Str(s) => chars(s) as i64,
        Subject::Int(_) | Subject::Num(_) => 0,
    }
}

/// `reason` explains a surprising bound (an upstream quirk kept on purpose).
pub fn min_error(min: usize, reason: Option<&'static str>, subject: Subject) -> (Code, Params) {
    let mut p = Params::default().with("min", Param::Int(min as i64)).with("actual", Param::Int(actual(subject)));
    if let Some(r) = reason {
        p = p.with("reason", Param::Static(r));
    }
    (Code::MinLength, p)
}

pub fn max_error(max: usize, subject: Subject) -> (Code, Params) {
    (Code::MaxLength, Params::default().with("max", Param::Int(max as i64)).with("actual", Param::Int(actual(subject))))
}

pub fn min_schema(min: usize) -> Value {
    json!({ "minLength": min })
}

pub fn max_schema(max: usize) -> Value {
    json!({ "maxLength": max })
}
