//! Integer ranges: `Range` (inclusive), `SignedRange` (iCalendar's signed ordinals) and
//! `NonNegative` (any number).

use super::Subject;
use crate::report::error::{Code, Param, Params};
use serde_json::{json, Value};

pub fn is_valid(min: i64, max: i64, subject: Subject) -> bool {
    match subject {
        Subject::Int(i) => (min..=max).contains(&i),
        Subject::Str(_) | Subject::Num(_) => true,
    }
}

pub fn error(min: i64, max: i64) -> (Code, Params) {
    (Code::Range, Params::default().with("min", Param::Int(min)).with("max", Param::Int(max)))
}

pub fn schema(min: i64, max: i64) -> Value {
    json!({ "minimum": min, "maximum": max })
}

/// -max..=-1 or 1..=max.
pub fn signed_is_valid(max: i64, subject: Subject) -> bool {
    match subject {
        Subject::Int(i) => i != 0 && i.abs() <= max,
        Subject::Str(_) | Subject::Num(_) => true,
    }
}

pub fn signed_error(max: i64) -> (Code, Params) {
    (Code::SignedRange, Params::default().with("max", Param::Int(max)))
}

pub fn signed_schema(max: i64) -> Value {
    json!({ "minimum": -max, "maximum": max, "not": { "const": 0 } })
}

pub fn non_negative_is_valid(subject: Subject) -> bool {
    match subject {
        // Not `n >= 0.0`: the same verdict as `n < 0.0` failing, NaN included.
        Subject::Num(n) => n.partial_cmp(&0.0) != Some(std::cmp::Ordering::Less),
        Subject::Int(i) => i >= 0,
        Subject::Str(_) => true,
    }
}

pub fn non_negative_error() -> (Code, Params) {
    (Code::NonNegative, Params::default())
}

pub fn non_negative_schema() -> Value {
    json!({ "minimum": 0 })
}
