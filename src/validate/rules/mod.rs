//! The checks of `decl::Check`, one module per kind, as jsonschema-rs's keywords: each has
//! its verdict (`is_valid`, what the fast paths ask) beside its error (`error`, what the
//! engine reports) and its JSON Schema keywords (`schema`). This module only dispatches, by
//! matches without a catch-all arm: a new kind of check does not compile until every one of
//! them handles it. The types' own tests (int32, flag, enum) are in `types`.

pub mod date_time;
pub mod format;
pub mod ip;
pub mod length;
pub mod matchers;
pub mod pattern;
pub mod range;
pub mod types;
pub mod when_flag;

use crate::report::error::{Code, Params};
use crate::schema::decl::Check;
use serde_json::Value;

/// A scalar value a check looks at.
#[derive(Clone, Copy)]
pub enum Subject<'a> {
    Str(&'a str),
    Int(i64),
    Num(f64),
}

/// Reads a sibling boolean field (`WhenFlag`); `None` when absent.
pub type Flags<'a> = &'a dyn Fn(&str) -> Option<bool>;

/// Whether a value passes one check. `Each` passes here: the engine applies its inner check
/// to every item. A check of a kind of value it does not look at (a length of a number)
/// passes: `models::tests::rules_fit_their_types` keeps such pairings out of the models.
pub fn is_valid(check: &Check, subject: Subject, flags: Flags) -> bool {
    match check {
        Check::MinLength { min, .. } => length::min_is_valid(*min, subject),
        Check::MaxLength(max) => length::max_is_valid(*max, subject),
        Check::Pattern(p) => p.is_valid(subject),
        Check::Format(f) => f.is_valid(subject),
        Check::Range { min, max } => range::is_valid(*min, *max, subject),
        Check::SignedRange { max } => range::signed_is_valid(*max, subject),
        Check::NonNegative => range::non_negative_is_valid(subject),
        Check::Each(_) => true,
        Check::WhenFlag { .. } => is_valid(when_flag::chosen(check, flags), subject, flags),
    }
}

/// One check's verdict with its error: `Err` carries the failure's code and params.
pub fn validate(check: &Check, subject: Subject, flags: Flags) -> Result<(), (Code, Params)> {
    if is_valid(check, subject, flags) {
        return Ok(());
    }
    Err(match check {
        Check::MinLength { min, reason } => length::min_error(*min, *reason, subject),
        Check::MaxLength(max) => length::max_error(*max, subject),
        Check::Pattern(p) => p.error(),
        Check::Format(f) => f.error(),
        Check::Range { min, max } => range::error(*min, *max),
        Check::SignedRange { max } => range::signed_error(*max),
        Check::NonNegative => range::non_negative_error(),
        Check::Each(_) => return Ok(()),
        Check::WhenFlag { .. } => return validate(when_flag::chosen(check, flags), subject, flags),
    })
}

/// The JSON Schema keywords stating one check (`WhenFlag` is stated by the export as an
/// `if`/`then`/`else` on the flag, from `when_flag::branches`).
pub fn schema(check: &Check) -> Value {
    match check {
        Check::MinLength { min, .. } => length::min_schema(*min),
        Check::MaxLength(max) => length::max_schema(*max),
        Check::Pattern(p) => p.schema(),
        Check::Format(f) => f.schema(),
        Check::Range { min, max } => range::schema(*min, *max),
        Check::SignedRange { max } => range::signed_schema(*max),
        Check::NonNegative => range::non_negative_schema(),
        Check::Each(inner) => serde_json::json!({ "items": schema(inner) }),
        Check::WhenFlag { .. } => serde_json::json!({}),
    }
}

/// What a format allows, as its error's params say it (`min` and `max` of a range; none for
/// most): `describe()` gives them beside the format's name, for a form's hints.
pub fn format_params(check: &Check) -> Params {
    match check {
        Check::Range { min, max } => range::error(*min, *max).1,
        Check::SignedRange { max } => range::signed_error(*max).1,
        Check::NonNegative => range::non_negative_error().1,
        Check::Pattern(p) => p.error().1,
        Check::Format(f) => f.error().1,
        Check::MinLength { .. } | Check::MaxLength(_) | Check::Each(_) | Check::WhenFlag { .. } => Params::default(),
    }
}

/// The stable name a form shows for a check that is a format of its value (`None` for
/// lengths, stated as numbers, and for the combinators).
pub fn format_name(check: &Check) -> Option<&'static str> {
    match check {
        Check::Pattern(p) => Some(p.code.as_str()),
        Check::Format(f) => Some(f.code.as_str()),
        Check::Range { .. } => Some(Code::Range.as_str()),
        Check::SignedRange { .. } => Some(Code::SignedRange.as_str()),
        Check::NonNegative => Some(Code::NonNegative.as_str()),
        Check::MinLength { .. } | Check::MaxLength(_) | Check::Each(_) | Check::WhenFlag { .. } => None,
    }
}
