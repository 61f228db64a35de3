//! `WhenFlag`: a check chosen by a sibling boolean field (Vapi's `number`, checked as E.164
//! unless `numberE164CheckEnabled` is false).

use crate::input::Kind;
use crate::schema::decl::Check;

/// The check that applies, given the sibling flags (`check` itself when it is no `WhenFlag`).
pub fn chosen<'c>(check: &'c Check, flags: super::Flags) -> &'c Check {
    match check {
        Check::WhenFlag { flag, absent, then, otherwise } => {
            if flags(flag).unwrap_or(*absent) {
                then
            } else {
                otherwise
            }
        }
        other => other,
    }
}

/// A sibling flag's value as `WhenFlag` reads it: a boolean, or under form coercion the
/// strings `"true"`/`"false"`; anything else counts as absent.
pub fn flag_value(value: &Kind, coerce: bool) -> Option<bool> {
    match value {
        Kind::Bool(b) => Some(*b),
        Kind::Str(s) if coerce => super::types::form_bool(s),
        _ => None,
    }
}
