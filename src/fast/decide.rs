//! The decision of the fast path: whether a record's field values (already read) make a
//! valid record, and which members its normalized form has. It runs the same checks as the
//! engine (`rules::apply`) but reports nothing: a record it cannot accept goes to the engine.

use crate::decl::{Check, ObjectDecl, Profile, Rule, Ty};
use crate::flat_input::Flat;
use crate::options::{Mode, Options};
use crate::rules::{self, Subject};
use crate::tape::unescape;

/// A declared field's value as `decide` reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar<'a> {
    Absent,
    /// A string's contents; `true` when they still hold JSON escapes.
    Str(&'a str, bool),
    Int(i64),
    Num(f64),
    Bool(bool),
    /// An object (its contents are not read): valid only where any object is declared.
    AnyObject,
    /// Never valid for a flat field: kept so that the engine can name them in its errors.
    Null,
    Array,
}

impl<'a> Scalar<'a> {
    /// The value for the engine (`None` for a string with escapes, which it must decode).
    pub fn flat(self) -> Option<Flat<'a>> {
        Some(match self {
            Scalar::Absent => Flat::Absent,
            Scalar::Str(s, false) => Flat::Str(s),
            Scalar::Str(_, true) => return None,
            Scalar::Int(i) => Flat::Num(i as f64),
            Scalar::Num(n) => Flat::Num(n),
            Scalar::Bool(b) => Flat::Bool(b),
            Scalar::AnyObject => Flat::AnyObject,
            Scalar::Null => Flat::Null,
            Scalar::Array => Flat::Array,
        })
    }
}

/// A number that is a whole int32-sized value, as an integer.
pub fn whole(n: f64) -> Option<i64> {
    (n.fract() == 0.0 && (i32::MIN as f64..=i32::MAX as f64).contains(&n)).then_some(n as i64)
}

/// Decides a record of `decl` from its fields' values (by declaration index): when every
/// present value has its field's type and passes its rules, and nothing required is missing,
/// calls `member(field, from_input)` for each member of the normalized object in order (from
/// the input, or the field's default) and returns `Ok`. `extra` counts members added after
/// them (unknown properties kept). `Err(field)`: not decided here, the engine reports the
/// errors; the fields before `field` passed. The fields in `checked` (bit `i` for field `i`)
/// were checked by the caller as it read them, and pass.
pub fn decide(
    decl: &ObjectDecl,
    values: &[Scalar],
    checked: u64,
    options: &Options,
    mode: Mode,
    extra: usize,
    mut member: impl FnMut(usize, bool),
) -> Result<(), usize> {
    let fields = decl.fields;
    let strict = options.profile == Profile::Strict;
    let flags = |name: &str| flag(decl, values, name);
    let mut members = extra;
    for (f, field) in fields.iter().enumerate() {
        match values[f] {
            Scalar::Absent if mode == Mode::Create => match field.default {
                Some(_) => {
                    member(f, false);
                    members += 1;
                }
                None if field.required => return Err(f),
                None => {}
            },
            Scalar::Absent => {}
            value => {
                if checked & (1 << f) == 0 && !passes(&field.ty, field.rules, value, strict, &flags) {
                    return Err(f);
                }
                member(f, true);
                members += 1;
            }
        }
    }
    // `{}` in patch mode is an error (min_properties).
    if mode == Mode::Create || members > 0 {
        Ok(())
    } else {
        Err(fields.len())
    }
}

/// The present fields from `from` on (bit `i` for field `i`, the first 64) whose value fails
/// its type or rules: what the engine must look at to report an invalid record
/// (`engine::validate_only`). `from` is where `decide` stopped: the fields before it passed.
pub fn failing(decl: &ObjectDecl, values: &[Scalar], options: &Options, from: usize) -> u64 {
    let strict = options.profile == Profile::Strict;
    let flags = |name: &str| flag(decl, values, name);
    let mut failing = 0;
    for (f, (field, value)) in decl.fields.iter().zip(values).enumerate().take(64).skip(from) {
        if *value != Scalar::Absent && !passes(&field.ty, field.rules, *value, strict, &flags) {
            failing |= 1 << f;
        }
    }
    failing
}

/// A sibling boolean field's value, for `WhenFlag` rules.
fn flag(decl: &ObjectDecl, values: &[Scalar], name: &str) -> Option<bool> {
    match decl.field(name) {
        Some((f, _)) => match values[f] {
            Scalar::Bool(b) => Some(b),
            _ => None,
        },
        None => None,
    }
}

/// Whether a whole number is in an integer type's range (a flag's is 0..=1).
pub fn in_type(ty: &Ty, n: i64) -> bool {
    match ty {
        Ty::Flag => n == 0 || n == 1,
        Ty::Int32 => (i32::MIN as i64..=i32::MAX as i64).contains(&n),
        _ => false,
    }
}

/// Whether a value has its field's type and passes the field's rules.
fn passes(ty: &Ty, rules: &[Rule], value: Scalar, strict: bool, flags: rules::Flags) -> bool {
    let decoded;
    let subject = match (ty, value) {
        (Ty::String, Scalar::Str(s, escaped)) => {
            decoded = contents(s, escaped);
            Subject::Str(&decoded)
        }
        (Ty::Enum(allowed), Scalar::Str(s, escaped)) => {
            let s = contents(s, escaped);
            return allowed.iter().any(|a| super::scan::same(a.as_bytes(), s.as_bytes()));
        }
        (Ty::Int32 | Ty::Flag, Scalar::Int(i)) if in_type(ty, i) => Subject::Int(i),
        (Ty::Number, Scalar::Num(n)) if n.is_finite() => Subject::Num(n),
        // The engine runs no rules on these.
        (Ty::Boolean, Scalar::Bool(_)) | (Ty::AnyObject, Scalar::AnyObject) => return true,
        _ => return false,
    };
    rules.iter().all(|rule| {
        let applies = (rule.profile == Profile::Api || strict) && !matches!(rule.check, Check::Each(_));
        !applies || rules::passes(&rule.check, subject, flags)
    })
}

fn contents(s: &str, escaped: bool) -> std::borrow::Cow<'_, str> {
    if escaped {
        std::borrow::Cow::Owned(unescape(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}
