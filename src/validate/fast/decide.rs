//! The decision of the fast path: whether a record's field values (already read) make a
//! valid record, and which members its normalized form has. It makes the engine's decisions
//! by the same functions (`types::type_test`, `Rule::applies`, `rules::is_valid`,
//! `when_flag::flag_value`) but reports nothing: a record it cannot accept goes to the engine.

use crate::input::flat::Flat;
use crate::input::Kind;
use crate::json::tape::unescape;
use crate::schema::decl::{ObjectDecl, Rule, Ty};
use crate::validate::options::{Mode, Options};
use crate::validate::rules::types::{self, Typed};
use crate::validate::rules::{self, when_flag, Subject};
use std::borrow::Cow;

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

    /// The value as the type test and the checks read it (escapes decoded).
    #[inline]
    fn kind(&self) -> Kind<'_> {
        match *self {
            Scalar::Absent => Kind::Undefined,
            Scalar::Str(s, false) => Kind::Str(Cow::Borrowed(s)),
            Scalar::Str(s, true) => Kind::Str(Cow::Owned(unescape(s))),
            Scalar::Int(i) => Kind::Number(i as f64),
            Scalar::Num(n) => Kind::Number(n),
            Scalar::Bool(b) => Kind::Bool(b),
            Scalar::AnyObject => Kind::Object,
            Scalar::Null => Kind::Null,
            Scalar::Array => Kind::Array,
        }
    }
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
                if checked & (1 << f) == 0 && !passes(&field.ty, field.rules, value, options, &flags) {
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
    let flags = |name: &str| flag(decl, values, name);
    let mut failing = 0;
    for (f, (field, value)) in decl.fields.iter().zip(values).enumerate().take(64).skip(from) {
        if *value != Scalar::Absent && !passes(&field.ty, field.rules, *value, options, &flags) {
            failing |= 1 << f;
        }
    }
    failing
}

/// A sibling boolean field's value, for `WhenFlag` rules (no coercion: the fast paths leave
/// coercion to the engine).
fn flag(decl: &ObjectDecl, values: &[Scalar], name: &str) -> Option<bool> {
    decl.field(name).and_then(|(f, _)| when_flag::flag_value(&values[f].kind(), false))
}

/// Whether a value has its field's type and passes the field's rules.
fn passes(ty: &Ty, rules: &[Rule], value: Scalar, options: &Options, flags: rules::Flags) -> bool {
    let kind = value.kind();
    let subject = match types::type_test(ty, &kind, false, options.profile) {
        Ok(Typed::Str(s)) => Subject::Str(s),
        Ok(Typed::Int { value, .. }) => Subject::Int(value.into()),
        Ok(Typed::Num { value, .. }) => Subject::Num(value),
        // No checks apply to these.
        Ok(Typed::Enum { canonical: None } | Typed::Bool { .. } | Typed::AnyObject) => return true,
        // Written otherwise than its declared name: the engine writes that name.
        Ok(Typed::Enum { canonical: Some(_) }) => return false,
        // Contents the table does not hold: the engine's.
        Ok(Typed::Container) | Err(_) => return false,
    };
    rules.iter().filter(|r| r.applies(options.profile)).all(|rule| rules::is_valid(&rule.check, subject, flags))
}
