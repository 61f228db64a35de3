//! The checks of `decl::Check`, one module per kind, and the dispatcher the engine calls.

pub mod date_time;
pub mod ip;
pub mod matchers;
pub mod pattern;

use crate::decl::{Check, Format};
use crate::error::{Code, Param, Params};

/// A scalar value a check looks at.
#[derive(Clone, Copy)]
pub enum Subject<'a> {
    Str(&'a str),
    Int(i64),
    Num(f64),
}

/// Reads a sibling boolean field (`WhenFlag`); `None` when absent.
pub type Flags<'a> = &'a dyn Fn(&str) -> Option<bool>;

/// Runs one check; `Err` carries the failure's code and params.
pub fn apply(check: &Check, subject: Subject, flags: Flags) -> Result<(), (Code, Params)> {
    if passes(check, subject, flags) {
        return Ok(());
    }
    failure(check, subject, flags).map_or(Ok(()), Err)
}

/// Whether a value passes one check: what the fast path asks, without building the error.
pub fn passes(check: &Check, subject: Subject, flags: Flags) -> bool {
    match (check, subject) {
        // A string of more than 4*max UTF-8 bytes could still be short; only count when needed.
        (Check::MinLength { min, .. }, Subject::Str(s)) => s.len() >= *min && s.chars().count() >= *min,
        (Check::MaxLength(max), Subject::Str(s)) => s.len() <= *max || s.chars().count() <= *max,
        (Check::Pattern(p), Subject::Str(s)) => p.is_match(s),
        (Check::Format(f), Subject::Str(s)) => format(*f, s).0,
        (Check::Range { min, max }, Subject::Int(i)) => (*min..=*max).contains(&i),
        (Check::SignedRange { max }, Subject::Int(i)) => i != 0 && i.abs() <= *max,
        // Not `n >= 0.0`: the same verdict as `n < 0.0` failing, NaN included.
        (Check::NonNegative, Subject::Num(n)) => n.partial_cmp(&0.0) != Some(std::cmp::Ordering::Less),
        (Check::NonNegative, Subject::Int(i)) => i >= 0,
        (Check::WhenFlag { flag, absent, then, otherwise }, _) => {
            passes(if flags(flag).unwrap_or(*absent) { then } else { otherwise }, subject, flags)
        }
        // `Each` is applied per item by the engine; other pairings cannot be declared
        // meaningfully and are caught by `models::tests::rules_fit_their_types`.
        _ => true,
    }
}

/// A format's verdict on a string, and the code it fails with.
fn format(f: Format, s: &str) -> (bool, Code) {
    match f {
        Format::DateTime => (date_time::is_date_time(s), Code::DateTime),
        Format::Date => (date_time::is_date(s), Code::Date),
        Format::Time => (date_time::is_time(s), Code::Time),
        Format::Ip => (ip::is_ip(s), Code::Ip),
    }
}

/// The code and params of a check `passes` refused (`None` for one it cannot refuse).
fn failure(check: &Check, subject: Subject, flags: Flags) -> Option<(Code, Params)> {
    Some(match (check, subject) {
        (Check::MinLength { min, reason }, Subject::Str(s)) => {
            let mut p = Params::default().with("min", Param::Int(*min as i64)).with("actual", Param::Int(s.chars().count() as i64));
            if let Some(r) = reason {
                p = p.with("reason", Param::Static(r));
            }
            (Code::MinLength, p)
        }
        (Check::MaxLength(max), Subject::Str(s)) => {
            (Code::MaxLength, Params::default().with("max", Param::Int(*max as i64)).with("actual", Param::Int(s.chars().count() as i64)))
        }
        (Check::Pattern(p), Subject::Str(_)) => (p.code, Params::default()),
        (Check::Format(f), Subject::Str(s)) => (format(*f, s).1, Params::default()),
        (Check::Range { min, max }, Subject::Int(_)) => {
            (Code::Range, Params::default().with("min", Param::Int(*min)).with("max", Param::Int(*max)))
        }
        (Check::SignedRange { max }, Subject::Int(_)) => (Code::SignedRange, Params::default().with("max", Param::Int(*max))),
        (Check::NonNegative, Subject::Num(_) | Subject::Int(_)) => (Code::NonNegative, Params::default()),
        (Check::WhenFlag { flag, absent, then, otherwise }, _) => {
            return failure(if flags(flag).unwrap_or(*absent) { then } else { otherwise }, subject, flags);
        }
        _ => return None,
    })
}
