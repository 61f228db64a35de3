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
    match (check, subject) {
        (Check::MinLength { min, reason }, Subject::Str(s)) => {
            let actual = s.chars().count();
            if actual < *min {
                let mut p = Params::default().with("min", Param::Int(*min as i64)).with("actual", Param::Int(actual as i64));
                if let Some(r) = reason {
                    p = p.with("reason", Param::Static(r));
                }
                return Err((Code::MinLength, p));
            }
        }
        (Check::MaxLength(max), Subject::Str(s)) => {
            // A string of more than 4*max UTF-8 bytes could still be short; only count when needed.
            if s.len() > *max {
                let actual = s.chars().count();
                if actual > *max {
                    return Err((
                        Code::MaxLength,
                        Params::default().with("max", Param::Int(*max as i64)).with("actual", Param::Int(actual as i64)),
                    ));
                }
            }
        }
        (Check::Pattern(p), Subject::Str(s)) => {
            if !p.is_match(s) {
                return Err((p.code, Params::default()));
            }
        }
        (Check::Format(f), Subject::Str(s)) => {
            let (ok, code) = match f {
                Format::DateTime => (date_time::is_date_time(s), Code::DateTime),
                Format::Date => (date_time::is_date(s), Code::Date),
                Format::Time => (date_time::is_time(s), Code::Time),
                Format::Ip => (ip::is_ip(s), Code::Ip),
            };
            if !ok {
                return Err((code, Params::default()));
            }
        }
        (Check::Range { min, max }, Subject::Int(i)) => {
            if i < *min || i > *max {
                return Err((Code::Range, Params::default().with("min", Param::Int(*min)).with("max", Param::Int(*max))));
            }
        }
        (Check::SignedRange { max }, Subject::Int(i)) => {
            if i == 0 || i.abs() > *max {
                return Err((Code::SignedRange, Params::default().with("max", Param::Int(*max))));
            }
        }
        (Check::NonNegative, Subject::Num(n)) => {
            if n < 0.0 {
                return Err((Code::NonNegative, Params::default()));
            }
        }
        (Check::NonNegative, Subject::Int(i)) => {
            if i < 0 {
                return Err((Code::NonNegative, Params::default()));
            }
        }
        (Check::WhenFlag { flag, absent, then, otherwise }, _) => {
            let chosen = if flags(flag).unwrap_or(*absent) { then } else { otherwise };
            return apply(chosen, subject, flags);
        }
        // `Each` is applied per item by the engine; other pairings cannot be declared
        // meaningfully and are caught by `models::tests::rules_fit_their_types`.
        _ => {}
    }
    Ok(())
}
